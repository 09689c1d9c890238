// TypeInit: exceptions thrown by static constructors reach the code that triggered the
// initialisation wrapped in a TypeInitializationException (Message, TypeName, InnerException),
// and every later access to the type throws the same TypeInitializationException again.
// Beforefieldinit classes are initialised when Mono compiles the method touching them, so their
// failure is thrown at the call of that method, not inside it.
using System;

class Precise
{
    public static int Value;
    static Precise()
    {
        Console.WriteLine("Precise..cctor runs");
        try { Value = 1; throw new ArgumentException("precise failed"); }
        finally { Console.WriteLine("Precise..cctor finally"); }
    }
    public static int Get() { return Value; }
    public Precise() { Console.WriteLine("never constructed"); }
}

class Eager
{
    // A field initializer makes the class beforefieldinit.
    public static int Field = Compute();
    static int Compute() { throw new InvalidOperationException("eager failed"); }
}

class Fine
{
    public static int Value;
    static Fine()
    {
        // Exceptions caught inside a static constructor do not fail the type.
        try { throw new FormatException("handled inside"); }
        catch (FormatException e) { Console.WriteLine("Fine..cctor caught " + e.Message); }
        Value = 42;
    }
}

class Outer
{
    public class Nested
    {
        public static int X;
        static Nested() { throw new NotSupportedException("nested failed"); }
    }
}

namespace Space
{
    class Named
    {
        public static int X;
        static Named() { throw new DivideByZeroException(); }
    }
}

class Chained
{
    public static int X;
    static Chained()
    {
        // Precise's initialisation already failed: its TypeInitializationException escapes.
        X = Precise.Value;
    }
}

class Catcher
{
    public static string Seen;
    static Catcher()
    {
        try { Outer.Nested.X = 1; }
        catch (TypeInitializationException e) { Seen = "Catcher..cctor caught " + e.TypeName; }
    }
}

class TypeInit
{
    static void Describe(string what, TypeInitializationException e)
    {
        Console.WriteLine(what + ": " + e.Message);
        Console.WriteLine("  TypeName = " + e.TypeName);
        Exception inner = e.InnerException;
        Console.WriteLine("  inner = " + (inner == null ? "null" : inner.GetType().FullName + ": " + inner.Message));
    }

    static int UsesEager()
    {
        try { return Eager.Field; }
        catch (Exception) { Console.WriteLine("not reached: the failure is thrown at the call"); return -1; }
    }

    static int UsesEagerAgain() { return Eager.Field + 1; }

    static void Main()
    {
        TypeInitializationException first = null;
        try { Precise.Get(); }
        catch (TypeInitializationException e) { first = e; Describe("static method", e); }

        try { Precise.Value = 5; }
        catch (TypeInitializationException e) { Console.WriteLine("field store: same object " + ReferenceEquals(e, first)); }
        try { Console.WriteLine(Precise.Value); }
        catch (TypeInitializationException e) { Console.WriteLine("field load: same object " + ReferenceEquals(e, first)); }
        try { new Precise(); }
        catch (TypeInitializationException e) { Console.WriteLine("constructor: same object " + ReferenceEquals(e, first)); }
        Console.WriteLine("inner kept: " + ReferenceEquals(first.InnerException, first.InnerException));

        try { Console.WriteLine(UsesEager()); }
        catch (TypeInitializationException e) { Describe("beforefieldinit", e); }
        try { Console.WriteLine(UsesEagerAgain()); }
        catch (TypeInitializationException e) { Console.WriteLine("beforefieldinit again: " + e.InnerException.Message); }

        Console.WriteLine("Fine.Value = " + Fine.Value);

        try { Outer.Nested.X = 2; }
        catch (TypeInitializationException e) { Describe("nested", e); }
        try { Space.Named.X = 2; }
        catch (TypeInitializationException e) { Describe("namespaced", e); }

        try { Chained.X = 3; }
        catch (TypeInitializationException e)
        {
            Describe("chained", e);
            Console.WriteLine("  inner is Precise's: " + ReferenceEquals(e.InnerException, first));
        }

        Console.WriteLine(Catcher.Seen);

        // The stored exception survives collections.
        object keep = null;
        for (int i = 0; i < 300000; i++) keep = new int[8];
        try { Precise.Get(); }
        catch (TypeInitializationException e) { Console.WriteLine("after collections: same object " + ReferenceEquals(e, first) + " " + (keep != null)); }
    }
}
