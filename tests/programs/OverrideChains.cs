// OverrideChains: a four-level hierarchy A -> B -> C -> D with five virtual methods
// overridden at different levels (M1 everywhere, M2 only in B and D, M3 only in C, M4
// never, M5 only in D), base.M() chains (non-virtual calls to the parent's slot), a virtual
// call from a base constructor reaching the most-derived override before the derived
// constructor has run, ToString overrides at some levels, virtual properties, and calls
// made through every static type (A, B, C, D) on every dynamic type.
using System;

class A
{
    protected int tag;

    public A()
    {
        tag = 1;
        Console.WriteLine("  A() sees Describe() = " + Describe());
    }

    public virtual string M1() { return "A.M1"; }
    public virtual string M2() { return "A.M2"; }
    public virtual string M3() { return "A.M3"; }
    public virtual string M4() { return "A.M4"; }
    public virtual string M5() { return "A.M5"; }
    public virtual string Describe() { return "A(tag=" + tag + ")"; }
    public virtual int Weight { get { return 1; } }
    public string NonVirtual() { return "A.NonVirtual->" + M1(); }
    public string All() { return M1() + " " + M2() + " " + M3() + " " + M4() + " " + M5() + " w=" + Weight; }
}

class B : A
{
    protected int bField = 20;

    public B() { tag = 2; }

    public override string M1() { return "B.M1/" + base.M1(); }
    public override string M2() { return "B.M2/" + base.M2(); }
    public override string Describe() { return "B(tag=" + tag + ", bField=" + bField + ")"; }
    public override int Weight { get { return base.Weight * 10 + 2; } }
}

class C : B
{
    int cField;

    public C() { tag = 3; cField = 30; }

    public override string M1() { return "C.M1/" + base.M1(); }
    public override string M3() { return "C.M3/" + base.M3(); }
    public override string Describe() { return "C(tag=" + tag + ", cField=" + cField + ")"; }
    public override string ToString() { return "I am a C"; }
}

class D : C
{
    string dField = "set-by-initializer";

    public D() { tag = 4; }

    public override string M1() { return "D.M1/" + base.M1(); }
    public override string M2() { return "D.M2/" + base.M2(); }
    public override string M5() { return "D.M5/" + base.M5(); }
    public override string Describe() { return "D(tag=" + tag + ", dField=" + dField + ")"; }
    public override int Weight { get { return base.Weight * 10 + 4; } }
    public string CallBaseDescribe() { return base.Describe(); }
}

class OverrideChains
{
    static void Main()
    {
        Console.WriteLine("== construction (virtual call from A's constructor) ==");
        A[] objs = new A[4];
        Console.WriteLine("new A():");
        objs[0] = new A();
        Console.WriteLine("new B():");
        objs[1] = new B();
        Console.WriteLine("new C():");
        objs[2] = new C();
        Console.WriteLine("new D():");
        objs[3] = new D();

        Console.WriteLine("== through static type A ==");
        for (int i = 0; i < objs.Length; i++)
        {
            A a = objs[i];
            Console.WriteLine(i + ": " + a.All());
            Console.WriteLine(i + ": " + a.Describe() + " | " + a.NonVirtual() + " | ToString " + a.ToString());
        }

        Console.WriteLine("== through static type B ==");
        for (int i = 1; i < objs.Length; i++)
        {
            B b = (B)objs[i];
            Console.WriteLine(i + ": " + b.M1() + " " + b.M2() + " " + b.M3() + " w=" + b.Weight);
        }

        Console.WriteLine("== through static type C ==");
        for (int i = 2; i < objs.Length; i++)
        {
            C c = (C)objs[i];
            Console.WriteLine(i + ": " + c.M1() + " " + c.M3() + " " + c.M5() + " " + c);
        }

        Console.WriteLine("== through static type D ==");
        D d = (D)objs[3];
        Console.WriteLine(d.M1());
        Console.WriteLine(d.M2());
        Console.WriteLine(d.M3());
        Console.WriteLine(d.M4());
        Console.WriteLine(d.M5());
        Console.WriteLine(d.Weight);
        Console.WriteLine(d.CallBaseDescribe());

        Console.WriteLine("== repeated calls (call sites hit many times) ==");
        int total = 0;
        for (int round = 0; round < 2500; round++)
        {
            A a = objs[round & 3];
            total += a.M1().Length + a.Weight;
        }
        Console.WriteLine("total = " + total);
    }
}
