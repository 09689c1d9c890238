// ExceptionToString: Exception.ToString() with inner exceptions, as Mono formats it:
// "Type: message ---> Inner: message", the inner trace, "   --- End of inner exception stack
// trace ---", the outer trace. Never-thrown exceptions have no trace lines; for thrown ones the
// "  at ..." lines are replaced by one marker line per block here (Mono inlines small methods,
// so which frames appear is its own business), but everything else is compared.
using System;
using System.Runtime.CompilerServices;

class AppError : Exception
{
    public AppError(string message, Exception inner) : base(message, inner) { }
}

class Silent : Exception
{
    public Silent() : base("") { }
    public Silent(Exception inner) : base(null, inner) { }
}

class Custom : Exception
{
    public Custom(string m) : base(m) { }
    public override string Message { get { return "custom<" + base.Message + ">"; } }
}

class Overridden : Exception
{
    public Overridden(Exception inner) : base("overridden", inner) { }
    public override string ToString() { return "Overridden.ToString()"; }
}

class ExceptionToString
{
    // Collapses each run of "  at " lines into one marker line.
    static string Shape(string text)
    {
        string[] lines = text.Split('\n');
        string result = "";
        bool inTrace = false;
        foreach (string line in lines)
        {
            if (line.StartsWith("  at "))
            {
                if (!inTrace) result += "  <trace>\n";
                inTrace = true;
                continue;
            }
            inTrace = false;
            result += line + "\n";
        }
        return result;
    }

    static void Show(string title, Exception e)
    {
        Console.WriteLine("== " + title);
        Console.Write(Shape(e.ToString()));
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    static void Parse(string s)
    {
        if (s.Length == 0) throw new FormatException("empty");
        throw new ArgumentException("bad value", "s");
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    static void Load(string s)
    {
        try { Parse(s); }
        catch (Exception e) { throw new AppError("load failed for '" + s + "'", e); }
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    static void Outer()
    {
        try { Load(""); }
        catch (Exception e) { throw new InvalidOperationException("outer", e); }
    }

    static void Main()
    {
        Show("plain", new Exception("plain message"));
        Show("default message", new Exception());
        Show("empty message", new Silent());
        Show("inner", new Exception("outer", new FormatException("inner")));
        Show("inner of inner", new AppError("a", new InvalidOperationException("b", new NotSupportedException("c"))));
        Show("null message with inner", new Silent(new Exception("inside")));
        Show("argument inner", new Exception("wrapper", new ArgumentNullException("param")));
        Show("argument out of range inner", new AppError("wrapper", new ArgumentOutOfRangeException("index", 5, "too big")));
        Show("custom Message inner", new Exception("wrapper", new Custom("m")));
        Show("overridden inner ToString", new Exception("wrapper", new Overridden(new Exception("deep"))));
        Show("overridden outer", new Overridden(new Exception("hidden")));

        try { Load("x"); }
        catch (Exception e) { Show("thrown with inner", e); Console.WriteLine("inner is " + e.InnerException.GetType().Name); }
        try { Outer(); }
        catch (Exception e) { Show("thrown two levels", e); }
        try { Load(""); }
        catch (AppError e)
        {
            Console.WriteLine("GetBaseException: " + e.GetBaseException().GetType().Name + ": " + e.GetBaseException().Message);
            Console.WriteLine("Message: " + e.Message);
            Console.WriteLine("inner trace present: " + (e.InnerException.StackTrace != null));
        }
        Exception never = new Exception("never thrown", new Exception("also never"));
        Console.WriteLine("never-thrown StackTrace null: " + (never.StackTrace == null) + " " + (never.InnerException.StackTrace == null));
    }
}
