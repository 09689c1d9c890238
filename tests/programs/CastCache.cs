// CastCache: isinst and castclass sites (interface and array targets) that see a different
// class on each execution, so a per-site cache of the last accepted and rejected class must
// never answer for another class.
using System;

interface IShape { int Area(); }
interface IOther { }
class Square : IShape { public int Area() { return 4; } }
class Circle : IShape, IOther { public int Area() { return 3; } }
class Plain { }
class Derived : Square { }

class CastCache
{
    static int Probe(object o)
    {
        IShape s = o as IShape;
        int r = s == null ? -1 : s.Area();
        if (o is IOther) r += 100;
        if (o is string[]) r += 1000;
        if (o is object[]) r += 10000;
        return r;
    }

    static string Force(object o)
    {
        if (o == null) return "null";
        try { return "shape " + ((IShape)o).Area(); }
        catch (InvalidCastException) { return "not a shape"; }
    }

    static string ForceArray(object o)
    {
        if (o == null) return "null";
        try { return "array of " + ((object[])o).Length; }
        catch (InvalidCastException) { return "not an object[]"; }
    }

    static void Main()
    {
        object[] things = { new Square(), new Plain(), new Circle(), new Square(), "text", new Derived(),
                            new Plain(), new string[2], new object[3], new Circle(), null, new int[1] };
        int sum = 0;
        for (int round = 0; round < 3; round++)
            foreach (object o in things)
            {
                int p = Probe(o);
                sum += p;
                Console.WriteLine((o == null ? "null" : o.GetType().Name) + " " + p + " " + Force(o) + " " + ForceArray(o));
            }
        Console.WriteLine("sum " + sum);
    }
}
