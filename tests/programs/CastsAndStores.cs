// CastsAndStores: the JIT's inline casts (exact class, supertype display at every depth,
// value types) and inline array store checks, against the helper's answers for interfaces,
// arrays and failures.
using System;

interface IShape { int Sides(); }
interface IRound { }
class A { public virtual string Name() { return "A"; } }
class B : A { public override string Name() { return "B"; } }
class C : B, IShape { public int Sides() { return 3; } public override string Name() { return "C"; } }
class D : C, IRound { public override string Name() { return "D"; } }
sealed class E : D { public override string Name() { return "E"; } }
class Other { }
struct Pt { public int X; }
enum Color { Red, Green }

class CastsAndStores
{
    static string Is(object o)
    {
        return (o is A ? "A" : "-") + (o is B ? "B" : "-") + (o is C ? "C" : "-") + (o is D ? "D" : "-")
            + (o is E ? "E" : "-") + (o is IShape ? "S" : "-") + (o is IRound ? "R" : "-") + (o is Other ? "O" : "-")
            + (o is int ? "i" : "-") + (o is Pt ? "p" : "-") + (o is Color ? "c" : "-") + (o is object[] ? "[" : "-")
            + (o is string[] ? "s" : "-") + (o is Array ? "a" : "-") + (o is string ? "$" : "-");
    }

    static void Store(string what, object[] arr, int i, object v)
    {
        try { arr[i] = v; Console.WriteLine(what + ": stored " + (arr[i] == null ? "null" : arr[i].ToString())); }
        catch (ArrayTypeMismatchException) { Console.WriteLine(what + ": ArrayTypeMismatchException"); }
        catch (IndexOutOfRangeException) { Console.WriteLine(what + ": IndexOutOfRangeException"); }
        catch (NullReferenceException) { Console.WriteLine(what + ": NullReferenceException"); }
    }

    static void Main()
    {
        object[] things = { new A(), new B(), new C(), new D(), new E(), new Other(), 5, new Pt(), Color.Green,
            new object[1], new string[1], new int[2], "str", null, new object() };
        foreach (object o in things)
            Console.WriteLine((o == null ? "null" : o.GetType().Name) + " " + Is(o));
        int hits = 0;
        for (int k = 0; k < 100000; k++)
        {
            object o = things[k % things.Length];
            A a = o as A;
            if (a != null) hits += a.Name().Length;
            C c = o as C;
            if (c != null) hits += c.Sides();
        }
        Console.WriteLine("hits " + hits);
        object e = new E();
        Console.WriteLine(((A)e).Name() + ((B)e).Name() + ((C)e).Name() + ((D)e).Name() + ((E)e).Name() + ((IShape)e).Sides());
        object b = new B();
        try { C c = (C)b; Console.WriteLine("cast B to C passed: " + c); } catch (InvalidCastException) { Console.WriteLine("B to C: InvalidCastException"); }
        try { IShape s = (IShape)b; Console.WriteLine("cast passed: " + s); } catch (InvalidCastException) { Console.WriteLine("B to IShape: InvalidCastException"); }
        try { Other x = (Other)e; Console.WriteLine("cast passed: " + x); } catch (InvalidCastException) { Console.WriteLine("E to Other: InvalidCastException"); }
        object boxed = 7;
        try { long l = (long)boxed; Console.WriteLine(l); } catch (InvalidCastException) { Console.WriteLine("int to long: InvalidCastException"); }
        try { string s = (string)boxed; Console.WriteLine(s); } catch (InvalidCastException) { Console.WriteLine("int to string: InvalidCastException"); }
        object nul = null;
        Console.WriteLine("null casts: " + ((A)nul == null) + " " + ((IShape)nul == null) + " " + ((string)nul == null));

        object[] objs = new object[3];
        Store("object[] <- string", objs, 0, "s");
        Store("object[] <- int", objs, 1, 42);
        Store("object[] <- null", objs, 2, null);
        object[] strs = new string[2];
        Store("string[] as object[] <- string", strs, 0, "t");
        Store("string[] as object[] <- object", strs, 1, new object());
        Store("string[] as object[] <- null", strs, 1, null);
        A[] as_ = new C[3];
        Store("C[] as A[] <- C", as_, 0, new C());
        Store("C[] as A[] <- E", as_, 1, new E());
        Store("C[] as A[] <- B", as_, 2, new B());
        Store("C[] as A[] <- A", as_, 2, new A());
        IShape[] shapes = new IShape[2];
        Store("IShape[] <- D", shapes, 0, new D());
        Store("IShape[] <- B", shapes, 1, new B());
        Store("out of range, null", objs, 3, null);
        Store("out of range, value", objs, -1, "x");
        Store("null array, null", null, 0, null);
        Store("null array, value", null, 0, "v");
        object[][] jag = new object[2][];
        jag[0] = new string[1];
        object ints = new int[0];
        jag[1] = ints as object[];
        Console.WriteLine("jag " + (jag[0] is string[]) + " " + (jag[1] == null));
    }
}
