// TryCost: the same hot loop with and without a try/catch around its body. Run as
// `TryCost.exe plain` or `TryCost.exe try`: with zero-cost try blocks both take the same time.
// (`TryCost.exe finally` adds a finally block, whose body does run on every iteration.)
using System;

class TryCost
{
    static int Work(int acc, int i) { return acc * 31 + i; }

    static int Plain(int n)
    {
        int acc = 0;
        for (int i = 0; i < n; i++)
            acc = Work(acc, i);
        return acc;
    }

    static int Protected(int n)
    {
        int acc = 0;
        for (int i = 0; i < n; i++)
        {
            try { acc = Work(acc, i); }
            catch (InvalidOperationException) { acc = -1; }
        }
        return acc;
    }

    static int WithFinally(int n)
    {
        int acc = 0;
        for (int i = 0; i < n; i++)
        {
            try { acc = Work(acc, i); }
            finally { acc ^= 1; }
        }
        return acc;
    }

    static void Main(string[] args)
    {
        string mode = args.Length > 0 ? args[0] : "plain";
        int n = args.Length > 1 ? int.Parse(args[1]) : 200000000;
        int r = mode == "try" ? Protected(n) : mode == "finally" ? WithFinally(n) : Plain(n);
        Console.WriteLine("checksum " + r);
    }
}
