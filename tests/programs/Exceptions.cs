// Exceptions: try/catch/finally, nested handlers, rethrow, exceptions across frames, the
// runtime's own exceptions, using blocks, finally on return, Message/InnerException/ToString.
using System;

class MyException : Exception
{
    public int Code;
    public MyException(string m, int code) : base(m) { Code = code; }
}

class Resource : IDisposable
{
    string name;
    public Resource(string n) { name = n; Console.WriteLine("open " + n); }
    public void Dispose() { Console.WriteLine("dispose " + name); }
}

class Exceptions
{
    static int depth;

    static void Thrower(int n)
    {
        if (n == 0) throw new MyException("deep", 42);
        try { Thrower(n - 1); }
        finally { depth++; }
    }

    static int FinallyOnReturn()
    {
        int x = 1;
        try { return x; }
        finally { Console.WriteLine("finally on return"); }
    }

    static string Classify(int k)
    {
        try
        {
            switch (k)
            {
                case 0: object o = null; return o.ToString();
                case 1: int[] a = new int[2]; return a[5].ToString();
                case 2: int z = 0; return (10 / z).ToString();
                case 3: object s = "str"; return ((int[])s).Length.ToString();
                case 4: checked { int m = int.MaxValue; m = m + k; return m.ToString(); }
                case 5: throw new InvalidOperationException("bad op");
                case 6: return int.Parse("notanumber").ToString();
                case 7: object[] arr = new string[1]; arr[0] = 5; return "stored";
                default: return "no exception";
            }
        }
        catch (NullReferenceException) { return "NullReference"; }
        catch (IndexOutOfRangeException e) { return "IndexOutOfRange: " + e.Message; }
        catch (DivideByZeroException e) { return "DivideByZero: " + e.Message; }
        catch (InvalidCastException) { return "InvalidCast"; }
        catch (OverflowException e) { return "Overflow: " + e.Message; }
        catch (FormatException) { return "Format"; }
        catch (ArrayTypeMismatchException) { return "ArrayTypeMismatch"; }
        catch (Exception e) { return "Exception " + e.GetType().Name + ": " + e.Message; }
    }

    static void Rethrower()
    {
        try { throw new MyException("first", 1); }
        catch (MyException e)
        {
            Console.WriteLine("caught once: " + e.Message);
            throw;
        }
    }

    static int Nested()
    {
        int r = 0;
        try
        {
            try { throw new ArgumentException("inner"); }
            catch (InvalidOperationException) { r = -1; }
            finally { r += 10; Console.WriteLine("inner finally r=" + r); }
        }
        catch (ArgumentException e) { r += 100; Console.WriteLine("outer catch " + e.Message + " r=" + r); }
        finally { r += 1000; }
        return r;
    }

    static void Main()
    {
        try { Thrower(5); }
        catch (MyException e) { Console.WriteLine("caught " + e.Message + " code " + e.Code + " finallys " + depth); }

        Console.WriteLine(FinallyOnReturn());
        for (int k = 0; k <= 8; k++) Console.WriteLine(k + ": " + Classify(k));

        try { Rethrower(); }
        catch (Exception e) { Console.WriteLine("caught again: " + e.Message); }

        Console.WriteLine("nested " + Nested());

        using (Resource a = new Resource("A"))
        {
            using (Resource b = new Resource("B")) { Console.WriteLine("in using"); }
        }
        try
        {
            using (Resource c = new Resource("C")) { throw new Exception("inside using"); }
        }
        catch (Exception e) { Console.WriteLine("caught " + e.Message); }

        Exception inner = new InvalidOperationException("inner one");
        Exception outer = new Exception("outer one", inner);
        Console.WriteLine(outer.Message + " / " + outer.InnerException.Message);
        Console.WriteLine(new ArgumentNullException("param").Message);

        int total = 0;
        for (int i = 0; i < 1000; i++)
        {
            try { if (i % 100 == 0) throw new Exception("x"); total += i; }
            catch (Exception) { total -= 1; }
        }
        Console.WriteLine("loop total " + total);
        Console.WriteLine("done");
    }
}
