// DiamondInterface: interface inheritance diamond I1 <- I2, I1 <- I3, C : I2, I3 (I1's
// methods implemented once and reachable through I1, I2 and I3 references), a deeper
// I4 : I2, I3, a class implementing I4 with some members explicit, a subclass that
// re-implements only I3, casts between the interfaces, and is-checks across the diamond.
using System;

interface I1
{
    string Root();
    int Value { get; }
}

interface I2 : I1
{
    string Left();
}

interface I3 : I1
{
    string Right();
}

interface I4 : I2, I3
{
    string Bottom();
}

class C : I2, I3
{
    protected int v;
    public C(int v) { this.v = v; }
    public virtual string Root() { return "C.Root(" + v + ")"; }
    public int Value { get { return v; } }
    public string Left() { return "C.Left"; }
    public virtual string Right() { return "C.Right"; }
}

class D : C, I3
{
    public D(int v) : base(v) { }
    public override string Root() { return "D.Root(" + v + ")"; }
    string I3.Right() { return "D.I3.Right(explicit)"; }
}

class E : I4
{
    public string Root() { return "E.Root"; }
    int I1.Value { get { return 400; } }
    string I2.Left() { return "E.I2.Left"; }
    public string Right() { return "E.Right"; }
    public string Bottom() { return "E.Bottom"; }
}

class F : E
{
    public new string Root() { return "F.Root(hidden, non-virtual)"; }
}

class DiamondInterface
{
    static string ViaI1(I1 x) { return x.Root() + " v=" + x.Value; }
    static string ViaI2(I2 x) { return x.Left() + " " + x.Root() + " v=" + x.Value; }
    static string ViaI3(I3 x) { return x.Right() + " " + x.Root() + " v=" + x.Value; }

    static void Main()
    {
        object[] objs = { new C(1), new D(2), new E(), new F() };
        for (int i = 0; i < objs.Length; i++)
        {
            object o = objs[i];
            Console.WriteLine("== object " + i + " ==");
            Console.WriteLine("is I1 " + (o is I1) + " I2 " + (o is I2) + " I3 " + (o is I3) + " I4 " + (o is I4));
            Console.WriteLine("I1: " + ViaI1((I1)o));
            Console.WriteLine("I2: " + ViaI2((I2)o));
            Console.WriteLine("I3: " + ViaI3((I3)o));
            I2 asI2 = (I2)o;
            I1 upFromI2 = asI2;
            I3 sideways = asI2 as I3;
            Console.WriteLine("I2 -> I1: " + upFromI2.Root() + "; I2 -> I3: " + (sideways == null ? "null" : sideways.Right()));
            I4 asI4 = o as I4;
            if (asI4 != null)
                Console.WriteLine("I4: " + asI4.Bottom() + " " + asI4.Left() + " " + asI4.Right() + " " + ((I1)asI4).Root() + " v=" + ((I3)asI4).Value);
        }

        Console.WriteLine("== class-typed calls ==");
        C c = new D(3);
        Console.WriteLine("D as C: " + c.Root() + " " + c.Left() + " " + c.Right() + " " + c.Value);
        F f = new F();
        E fe = f;
        Console.WriteLine("F as F: " + f.Root() + " as E: " + fe.Root() + " as I1: " + ((I1)f).Root());

        Console.WriteLine("== mixed loop ==");
        int len = 0;
        for (int i = 0; i < 400; i++)
        {
            object o = objs[i & 3];
            I1 a = (I1)o;
            I3 b = (I3)o;
            len += a.Root().Length + b.Right().Length + a.Value;
        }
        Console.WriteLine("total = " + len);
    }
}
