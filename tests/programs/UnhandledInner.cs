// UnhandledInner: an unhandled exception wrapping an inner one. Mono reports it on stderr as
// "Type: message ---> Inner: message", the inner trace, "--- End of inner exception stack
// trace ---", then the outer trace, twice (tests/unhandled_stderr.rs compares the layout).
using System;
using System.Runtime.CompilerServices;

class LoadException : Exception
{
    public LoadException(string message, Exception inner) : base(message, inner) { }
}

class Parser
{
    [MethodImpl(MethodImplOptions.NoInlining)]
    static int Parse(string text)
    {
        if (text.Length == 0) throw new FormatException("empty input");
        return text.Length;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    public static int Load(string text)
    {
        try { return Parse(text); }
        catch (FormatException e) { throw new LoadException("load failed", e); }
    }
}

class UnhandledInner
{
    static void Main()
    {
        Console.WriteLine("loading");
        Console.WriteLine(Parser.Load("abc"));
        Console.WriteLine(Parser.Load(""));
    }
}
