// Reimplementation: interface re-implementation and implementation by inherited members —
// a derived class re-declaring an interface its base already implements (with a new
// method, with an explicit method, and with nothing new so the inherited public member is
// picked again), an interface implemented by a method inherited from a base class that
// does not itself implement the interface (non-virtual and virtual cases, the latter
// dispatching to overrides), and an interface implemented partly by base, partly by derived.
using System;

interface IGreeter
{
    string Greet();
}

interface IPair
{
    string First();
    string Second();
}

// 1. Base implements IGreeter with a non-virtual method.
class NonVirtualBase : IGreeter
{
    public string Greet() { return "NonVirtualBase.Greet"; }
}

// Derived hides it with 'new' and re-declares the interface: interface calls go to Derived.
class ReDeclaredNew : NonVirtualBase, IGreeter
{
    public new string Greet() { return "ReDeclaredNew.Greet"; }
}

// Derived hides it but does NOT re-declare: interface calls still go to the base.
class HiddenOnly : NonVirtualBase
{
    public new string Greet() { return "HiddenOnly.Greet"; }
}

// Derived re-declares with an explicit implementation.
class ReDeclaredExplicit : NonVirtualBase, IGreeter
{
    string IGreeter.Greet() { return "ReDeclaredExplicit.IGreeter.Greet"; }
}

// Derived re-declares and adds nothing: the inherited public method is mapped again.
class ReDeclaredNothing : NonVirtualBase, IGreeter
{
}

// 2. Base explicitly implements; derived re-implements implicitly with a public method.
class ExplicitBase : IGreeter
{
    string IGreeter.Greet() { return "ExplicitBase.IGreeter.Greet"; }
    public string CallOwn() { return ((IGreeter)this).Greet(); }
}

class ImplicitDerived : ExplicitBase, IGreeter
{
    public string Greet() { return "ImplicitDerived.Greet"; }
}

// 3. Interface implemented by a method inherited from a class that does not implement it.
class Provider
{
    public string Greet() { return "Provider.Greet(non-virtual)"; }
    public virtual string First() { return "Provider.First(virtual)"; }
}

class Adopter : Provider, IGreeter, IPair
{
    public string Second() { return "Adopter.Second"; }
}

class AdopterChild : Adopter
{
    public override string First() { return "AdopterChild.First(override)"; }
    public new string Second() { return "AdopterChild.Second(new, not mapped)"; }
}

class AdopterChildReimpl : AdopterChild, IPair
{
    // Re-declares IPair but adds no methods. C# would pick AdopterChild.Second, but mcs
    // leaves that method non-virtual (it only makes same-assembly methods virtual when they
    // are bound as implementations in their own class), so the runtime keeps the inherited
    // mapping and IPair.Second still reaches Adopter.Second. (Provider.Greet, by contrast,
    // was emitted 'final virtual newslot' by mcs so that Adopter could use it.)
}

// 4. Virtual implementation in base, override in derived (no re-declaration needed).
class VirtualBase : IGreeter
{
    public virtual string Greet() { return "VirtualBase.Greet"; }
}

class VirtualDerived : VirtualBase
{
    public override string Greet() { return "VirtualDerived.Greet/" + base.Greet(); }
}

class VirtualReimpl : VirtualDerived, IGreeter
{
    public new virtual string Greet() { return "VirtualReimpl.Greet(newslot)"; }
}

class Reimplementation
{
    static string Call(IGreeter g) { return g.Greet(); }
    static string CallPair(IPair p) { return p.First() + " + " + p.Second(); }

    static void Main()
    {
        Console.WriteLine("== non-virtual base implementation ==");
        Console.WriteLine("NonVirtualBase:      " + Call(new NonVirtualBase()));
        ReDeclaredNew rn = new ReDeclaredNew();
        Console.WriteLine("ReDeclaredNew:       " + Call(rn) + " | class " + rn.Greet() + " | as base " + ((NonVirtualBase)rn).Greet());
        HiddenOnly ho = new HiddenOnly();
        Console.WriteLine("HiddenOnly:          " + Call(ho) + " | class " + ho.Greet());
        ReDeclaredExplicit rx = new ReDeclaredExplicit();
        Console.WriteLine("ReDeclaredExplicit:  " + Call(rx) + " | class " + rx.Greet());
        Console.WriteLine("ReDeclaredNothing:   " + Call(new ReDeclaredNothing()));

        Console.WriteLine("== explicit base, implicit derived ==");
        ExplicitBase eb = new ExplicitBase();
        ImplicitDerived id = new ImplicitDerived();
        Console.WriteLine("ExplicitBase:    " + Call(eb) + " | CallOwn " + eb.CallOwn());
        Console.WriteLine("ImplicitDerived: " + Call(id) + " | CallOwn " + id.CallOwn() + " | class " + id.Greet());

        Console.WriteLine("== implemented by inherited members ==");
        Adopter ad = new Adopter();
        Console.WriteLine("Adopter:            " + Call(ad) + " | " + CallPair(ad));
        AdopterChild ac = new AdopterChild();
        Console.WriteLine("AdopterChild:       " + Call(ac) + " | " + CallPair(ac) + " | class Second " + ac.Second());
        AdopterChildReimpl acr = new AdopterChildReimpl();
        Console.WriteLine("AdopterChildReimpl: " + Call(acr) + " | " + CallPair(acr));

        Console.WriteLine("== virtual implementation chains ==");
        Console.WriteLine("VirtualBase:    " + Call(new VirtualBase()));
        Console.WriteLine("VirtualDerived: " + Call(new VirtualDerived()));
        VirtualReimpl vr = new VirtualReimpl();
        Console.WriteLine("VirtualReimpl:  " + Call(vr) + " | as VirtualBase " + ((VirtualBase)vr).Greet() + " | class " + vr.Greet());

        Console.WriteLine("== one call site, many receivers ==");
        IGreeter[] all = { new NonVirtualBase(), rn, ho, rx, new ReDeclaredNothing(), eb, id, ad, ac, acr, new VirtualBase(), new VirtualDerived(), vr };
        int total = 0;
        for (int round = 0; round < 3; round++)
            for (int i = 0; i < all.Length; i++)
            {
                string s = all[i].Greet();
                total += s.Length * (i + 1);
                if (round == 0) Console.WriteLine(i + ": " + s);
            }
        Console.WriteLine("total = " + total);
    }
}
