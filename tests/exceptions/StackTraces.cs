// StackTraces: Exception.StackTrace names the methods a caught exception passed through, and
// an impossible allocation raises a catchable OutOfMemoryException. (Mono's trace text differs
// in detail, so this is checked by tests/exception_details.rs rather than by output diff.)
using System;
using System.Runtime.CompilerServices;

struct Big { public long A, B, C, D; }

class StackTraces
{
    static void Inner() { throw new InvalidOperationException("from inner"); }
    // Not inlined, so it appears in the trace (vcall, like Mono, inlines small methods).
    [MethodImpl(MethodImplOptions.NoInlining)]
    static void Middle() { Inner(); }

    static void Main()
    {
        try { Middle(); }
        catch (Exception e)
        {
            Console.WriteLine(e.GetType().FullName + ": " + e.Message);
            Console.WriteLine(e.StackTrace);
        }
        try
        {
            Big[] huge = new Big[int.MaxValue];
            Console.WriteLine(huge.Length);
        }
        catch (OutOfMemoryException) { Console.WriteLine("caught OutOfMemoryException"); }
    }
}
