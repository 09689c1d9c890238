// Rethrow: `throw;` rethrows the exception of the catch handler it is lexically in, even when
// other exceptions were thrown and caught meanwhile (in the handler itself, in nested handlers,
// in called methods, in filters), and keeps the exception object (same identity, same message).
using System;

class Tagged : Exception
{
    public int Tag;
    public Tagged(string m, int tag) : base(m) { Tag = tag; }
}

class Rethrow
{
    static void Swallow()
    {
        try { throw new FormatException("swallowed in a callee"); }
        catch (FormatException) { }
    }

    static bool NoisyFilter(Exception e)
    {
        // A filter that throws and catches an exception of its own before deciding.
        try { throw new DivideByZeroException(); }
        catch (DivideByZeroException) { }
        return e is ArgumentException;
    }

    static string Probe()
    {
        try
        {
            try { throw new ArgumentException("probe"); }
            catch (ArgumentException)
            {
                try { throw new FormatException(); }
                catch { }
                throw;
            }
        }
        catch (Exception e) { return e.GetType().Name + ": " + e.Message; }
    }

    static string AfterCallee()
    {
        try
        {
            try { throw new InvalidOperationException("after callee"); }
            catch (InvalidOperationException)
            {
                Swallow();
                throw;
            }
        }
        catch (Exception e) { return e.GetType().Name + ": " + e.Message; }
    }

    static string Nested()
    {
        string log = "";
        try
        {
            try { throw new Tagged("outer", 1); }
            catch (Tagged)
            {
                try
                {
                    try { throw new Tagged("inner", 2); }
                    catch (Tagged) { throw; }
                }
                catch (Tagged t) { log += "inner rethrow gave " + t.Tag + "; "; }
                throw;
            }
        }
        catch (Tagged t) { log += "outer rethrow gave " + t.Tag; }
        return log;
    }

    static string ThroughFinally()
    {
        string log = "";
        try
        {
            try { throw new Tagged("finally", 3); }
            catch (Tagged)
            {
                try { log += "try "; }
                finally
                {
                    try { throw new Tagged("in finally", 4); }
                    catch (Tagged t) { log += "finally caught " + t.Tag + " "; }
                }
                throw;
            }
        }
        catch (Tagged t) { log += "rethrown " + t.Tag; }
        return log;
    }

    static string Filtered()
    {
        try
        {
            try { throw new ArgumentException("filtered"); }
            catch (Exception e) when (NoisyFilter(e))
            {
                try { throw new NotSupportedException(); }
                catch (NotSupportedException) { }
                throw;
            }
        }
        catch (Exception e) { return e.GetType().Name + ": " + e.Message; }
    }

    static int depth;

    static void Recurse(int n)
    {
        try { throw new Tagged("level " + n, n); }
        catch (Tagged)
        {
            if (n > 0)
            {
                try { Recurse(n - 1); }
                catch (Tagged t) { depth += t.Tag; }
            }
            throw;
        }
    }

    static bool SameObject()
    {
        Exception first = new Tagged("identity", 5);
        try
        {
            try { throw first; }
            catch (Tagged)
            {
                try { throw new Tagged("other", 6); }
                catch (Tagged) { }
                throw;
            }
        }
        catch (Exception e) { return ReferenceEquals(e, first); }
    }

    static string WithGarbage()
    {
        try
        {
            try { throw new Tagged("kept across collections", 7); }
            catch (Tagged)
            {
                // Enough allocation for several collections while only the handler's slot
                // refers to the exception.
                object keep = null;
                for (int i = 0; i < 200000; i++) keep = new int[16];
                try { throw new FormatException(); }
                catch (FormatException) { }
                if (keep == null) return "impossible";
                throw;
            }
        }
        catch (Tagged t) { return t.Message + " " + t.Tag; }
    }

    static string InLoop()
    {
        string log = "";
        for (int i = 0; i < 3; i++)
        {
            try
            {
                try { throw new Tagged("loop", i); }
                catch (Tagged)
                {
                    try { throw new Tagged("noise", 100 + i); }
                    catch (Tagged) { }
                    throw;
                }
            }
            catch (Tagged t) { log += t.Tag + " "; }
        }
        return log.Trim();
    }

    static void Main()
    {
        Console.WriteLine(Probe());
        Console.WriteLine(AfterCallee());
        Console.WriteLine(Nested());
        Console.WriteLine(ThroughFinally());
        Console.WriteLine(Filtered());
        try { Recurse(4); }
        catch (Tagged t) { Console.WriteLine("recursion: top " + t.Tag + ", inner sum " + depth); }
        Console.WriteLine("same object: " + SameObject());
        Console.WriteLine(WithGarbage());
        Console.WriteLine(InLoop());
    }
}
