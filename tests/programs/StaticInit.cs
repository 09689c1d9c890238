// StaticInit: when type initializers (.cctor) run — ECMA-335 I.8.9.5 — as Mono does it.
//
// * "Precise" types (an explicit static constructor, so no beforefieldinit flag) must run
//   their .cctor exactly at the first static field access, static method call or instance
//   construction; never for const reads, never when the access is not executed.
// * beforefieldinit types (only field initializers) may run theirs any time before the
//   first static field access. Mono runs them when it JIT-compiles the first method that
//   touches the class (so before that method's first statement), even if the access is on a
//   path that never executes, and also before a static method of the class is compiled.
//   Each such access below sits in its own helper so the observable point is "between the
//   caller's line and the helper's first line".
// * Field initializers run in textual order, before the explicit static constructor body.
// * Circular initialization sees default values of the type still being initialized.
using System;

#pragma warning disable 649 // StaticInit.never stays false on purpose

class Trace
{
    public static int Mark(string s)
    {
        Console.WriteLine("    [" + s + "]");
        return s.Length;
    }
}

class PreciseField
{
    public static int Value = Trace.Mark("PreciseField.Value initializer");
    public static int Second;
    static PreciseField()
    {
        Trace.Mark("PreciseField.cctor body");
        Second = Value * 2;
    }
}

class PreciseMethod
{
    static int counter = Trace.Mark("PreciseMethod.counter initializer");
    static PreciseMethod() { Trace.Mark("PreciseMethod.cctor"); }
    public static int Next() { counter++; return counter; }
}

class PreciseInstance
{
    public static int Created;
    static PreciseInstance() { Trace.Mark("PreciseInstance.cctor"); }
    public int Id;
    public PreciseInstance() { Created++; Id = Created; Trace.Mark("PreciseInstance.ctor #" + Id); }
}

class PreciseConst
{
    public const int Answer = 42;
    public static readonly int NotConst = Trace.Mark("PreciseConst.NotConst initializer");
    static PreciseConst() { Trace.Mark("PreciseConst.cctor"); }
}

class PreciseNeverTouched
{
    public static int X;
    static PreciseNeverTouched() { Trace.Mark("PreciseNeverTouched.cctor (must not appear)"); X = 1; }
}

class PreciseBranch
{
    public static int X = 7;
    static PreciseBranch() { Trace.Mark("PreciseBranch.cctor"); }
}

class Outer
{
    public static int A = Trace.Mark("Outer.A initializer (reads Inner.B next)") + Inner.B;
    static Outer() { Trace.Mark("Outer.cctor, A=" + A); }
}

class Inner
{
    public static int B = Trace.Mark("Inner.B initializer");
    static Inner() { Trace.Mark("Inner.cctor, B=" + B); }
}

class CycleA
{
    public static int X = Trace.Mark("CycleA.X initializer") + CycleB.Y;
    public static int Z = 100;
    static CycleA() { Trace.Mark("CycleA.cctor X=" + X + " Z=" + Z); }
}

class CycleB
{
    public static int Y = CycleA.Z + 1;
    static CycleB() { Trace.Mark("CycleB.cctor Y=" + Y + " (CycleA.Z was still 0)"); }
}

class Ordered
{
    public static string Log = "";
    public static int First = Add("first");
    public static int Second = Add("second");
    public static int Third = Add("third");
    static int Add(string s) { Log += s + ","; return Log.Length; }
    static Ordered() { Log += "cctor"; }
}

class Bfi1
{
    public static int X = Trace.Mark("Bfi1.X initializer");
}

class Bfi2
{
    public static int X = Trace.Mark("Bfi2.X initializer");
}

class Bfi3
{
    public static int X = Trace.Mark("Bfi3.X initializer");
    public static int Get() { return 5; }
}

class BfiReadTwice
{
    public static int X = Trace.Mark("BfiReadTwice.X initializer (once)");
}

class StaticInit
{
    static bool never;

    static int HelperBfi1()
    {
        Console.WriteLine("  in HelperBfi1");
        return Bfi1.X;
    }

    static int HelperBfi2NotTaken()
    {
        Console.WriteLine("  in HelperBfi2NotTaken");
        if (never) return Bfi2.X;
        return -1;
    }

    static int HelperPreciseNotTaken()
    {
        Console.WriteLine("  in HelperPreciseNotTaken");
        if (never) return PreciseBranch.X;
        return -1;
    }

    static int HelperPreciseTaken()
    {
        Console.WriteLine("  in HelperPreciseTaken");
        if (!never) return PreciseBranch.X;
        return -1;
    }

    static int ReadTwice()
    {
        return BfiReadTwice.X + BfiReadTwice.X;
    }

    static void Main()
    {
        Console.WriteLine("Main starts");

        Console.WriteLine("1. precise: first static field read");
        Console.WriteLine("  PreciseField.Value = " + PreciseField.Value);
        Console.WriteLine("  PreciseField.Second = " + PreciseField.Second);

        Console.WriteLine("2. precise: first static method call");
        int n1 = PreciseMethod.Next();
        int n2 = PreciseMethod.Next();
        Console.WriteLine("  Next() twice = " + n1 + ", " + n2);

        Console.WriteLine("3. precise: first instance construction");
        PreciseInstance p1 = new PreciseInstance();
        PreciseInstance p2 = new PreciseInstance();
        Console.WriteLine("  ids " + p1.Id + ", " + p2.Id + " created " + PreciseInstance.Created);

        Console.WriteLine("4. const read does not trigger");
        Console.WriteLine("  PreciseConst.Answer = " + PreciseConst.Answer);
        Console.WriteLine("  now a static readonly read");
        Console.WriteLine("  PreciseConst.NotConst = " + PreciseConst.NotConst);

        Console.WriteLine("5. precise access on a path not taken");
        Console.WriteLine("  result " + HelperPreciseNotTaken());
        Console.WriteLine("  and on a path taken");
        Console.WriteLine("  result " + HelperPreciseTaken());

        Console.WriteLine("6. nested initialization");
        Console.WriteLine("  Outer.A = " + Outer.A);
        Console.WriteLine("  Inner.B = " + Inner.B);

        Console.WriteLine("7. circular initialization");
        Console.WriteLine("  CycleA.X = " + CycleA.X + " CycleB.Y = " + CycleB.Y);

        Console.WriteLine("8. initializer order then cctor");
        Console.WriteLine("  Ordered.Third = " + Ordered.Third + " log " + Ordered.Log);

        Console.WriteLine("9. beforefieldinit read inside a helper");
        Console.WriteLine("  result " + HelperBfi1());

        Console.WriteLine("10. beforefieldinit read on a path not taken");
        Console.WriteLine("  result " + HelperBfi2NotTaken());

        Console.WriteLine("11. beforefieldinit static method call");
        Console.WriteLine("  Bfi3.Get() = " + Bfi3.Get());

        Console.WriteLine("12. initializer runs once");
        Console.WriteLine("  ReadTwice() = " + ReadTwice() + " again " + ReadTwice());

        Console.WriteLine("Main ends; PreciseNeverTouched never initialized");
    }
}
