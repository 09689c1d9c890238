// NewslotHiding: 'new virtual' (newslot) starting a fresh vtable slot that hides the
// inherited one, overrides of the new slot further down, plain 'new' (non-virtual) methods
// hiding virtual ones, hidden fields, hidden static methods and properties, and how
// interface calls map when a class hides (without re-declaring the interface) vs.
// re-declares the interface.
//
// Note: Redeclare re-lists IShow, and its Show() is an override (not newslot) of Mid's new
// slot. ECMA-335 II.12.2 would map IShow.Show to Redeclare.Show, but Mono 6.8 keeps the
// inherited mapping and calls Base.Show; the expected output records what Mono does.
using System;

interface IShow
{
    string Show();
}

class Base : IShow
{
    public int Field = 1;
    public virtual string Show() { return "Base.Show"; }
    public virtual string Other() { return "Base.Other"; }
    public static string Static() { return "Base.Static"; }
    public virtual string Prop { get { return "Base.Prop"; } }
    public string CallShow() { return Show(); }
}

class Mid : Base
{
    public new int Field = 2;
    public new virtual string Show() { return "Mid.Show"; }
    public override string Other() { return "Mid.Other"; }
    public new static string Static() { return "Mid.Static"; }
    public new virtual string Prop { get { return "Mid.Prop"; } }
    public string MidCallShow() { return Show(); }
    public string BaseFieldFromMid() { return "base.Field=" + base.Field + " this.Field=" + Field; }
}

class Leaf : Mid
{
    public override string Show() { return "Leaf.Show/" + base.Show(); }
    public override string Other() { return "Leaf.Other/" + base.Other(); }
    public override string Prop { get { return "Leaf.Prop/" + base.Prop; } }
}

class Hider : Base
{
    public new string Show() { return "Hider.Show(non-virtual)"; }
    public new string Other() { return "Hider.Other(non-virtual)"; }
}

class HiderChild : Hider
{
    public override string ToString() { return "HiderChild"; }
}

class Redeclare : Mid, IShow
{
    public override string Show() { return "Redeclare.Show"; }
}

class Again : Leaf
{
    public new virtual string Show() { return "Again.Show"; }
}

class AgainLeaf : Again
{
    public override string Show() { return "AgainLeaf.Show/" + base.Show(); }
}

class NewslotHiding
{
    static void Main()
    {
        Leaf leaf = new Leaf();
        Mid leafAsMid = leaf;
        Base leafAsBase = leaf;
        IShow leafAsI = leaf;
        Console.WriteLine("== Leaf (overrides Mid's new slot) ==");
        Console.WriteLine("as Leaf:  " + leaf.Show() + " | " + leaf.Other() + " | " + leaf.Prop);
        Console.WriteLine("as Mid:   " + leafAsMid.Show() + " | " + leafAsMid.Other() + " | " + leafAsMid.Prop);
        Console.WriteLine("as Base:  " + leafAsBase.Show() + " | " + leafAsBase.Other() + " | " + leafAsBase.Prop);
        Console.WriteLine("as IShow: " + leafAsI.Show());
        Console.WriteLine("Base.CallShow(): " + leaf.CallShow() + " Mid.MidCallShow(): " + leaf.MidCallShow());

        Console.WriteLine("== Mid itself ==");
        Mid mid = new Mid();
        Base midAsBase = mid;
        Console.WriteLine("as Mid: " + mid.Show() + " | as Base: " + midAsBase.Show() + " | as IShow: " + ((IShow)mid).Show() + " | Other via Base: " + midAsBase.Other());

        Console.WriteLine("== fields and statics ==");
        Console.WriteLine("mid.Field=" + mid.Field + " ((Base)mid).Field=" + midAsBase.Field + " " + mid.BaseFieldFromMid());
        mid.Field = 20;
        midAsBase.Field = 10;
        Console.WriteLine("after writes: " + mid.BaseFieldFromMid());
        Console.WriteLine("Base.Static()=" + Base.Static() + " Mid.Static()=" + Mid.Static() + " Leaf.Static()=" + Leaf.Static());

        Console.WriteLine("== non-virtual hiding ==");
        Hider h = new Hider();
        Base hAsBase = h;
        Console.WriteLine("as Hider: " + h.Show() + " | " + h.Other());
        Console.WriteLine("as Base:  " + hAsBase.Show() + " | " + hAsBase.Other() + " | IShow " + ((IShow)h).Show());
        HiderChild hc = new HiderChild();
        Console.WriteLine("HiderChild as Hider: " + ((Hider)hc).Show() + " as Base: " + ((Base)hc).Show() + " ToString: " + hc);

        Console.WriteLine("== interface re-declared below the newslot ==");
        Redeclare r = new Redeclare();
        Console.WriteLine("as Redeclare: " + r.Show() + " | as Mid: " + ((Mid)r).Show() + " | as Base: " + ((Base)r).Show() + " | as IShow: " + ((IShow)r).Show());

        Console.WriteLine("== a second newslot below an override ==");
        AgainLeaf al = new AgainLeaf();
        Console.WriteLine("as AgainLeaf: " + al.Show());
        Console.WriteLine("as Again:     " + ((Again)al).Show());
        Console.WriteLine("as Leaf:      " + ((Leaf)al).Show());
        Console.WriteLine("as Mid:       " + ((Mid)al).Show());
        Console.WriteLine("as Base:      " + ((Base)al).Show());
        Console.WriteLine("as IShow:     " + ((IShow)al).Show());

        Console.WriteLine("== all through Base[] and IShow[] ==");
        Base[] all = { new Base(), mid, leaf, h, hc, r, new Again(), al };
        for (int i = 0; i < all.Length; i++)
        {
            IShow s = all[i];
            Console.WriteLine(i + ": Base.Show=" + all[i].Show() + " IShow.Show=" + s.Show() + " Other=" + all[i].Other() + " Prop=" + all[i].Prop);
        }
    }
}
