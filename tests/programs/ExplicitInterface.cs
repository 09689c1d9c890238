// ExplicitInterface: explicit interface implementations (private, .override-mapped), the
// same method name and signature in two interfaces given different bodies, an explicit
// implementation coexisting with a public method of the same name, explicit properties,
// explicit implementations inherited by subclasses, and a subclass overriding the public
// method (which must not change the explicit mapping).
using System;

interface IEnglish
{
    string Greet();
    int Count(int n);
}

interface IFrench
{
    string Greet();
    int Count(int n);
}

interface INamed
{
    string Name { get; }
}

class Speaker : IEnglish, IFrench, INamed
{
    string IEnglish.Greet() { return "hello"; }
    string IFrench.Greet() { return "bonjour"; }
    int IEnglish.Count(int n) { return n + 1; }
    int IFrench.Count(int n) { return n * 10; }
    string INamed.Name { get { return "speaker(explicit)"; } }

    public virtual string Greet() { return "public greet"; }
    public string Name { get { return "speaker(public)"; } }
}

class LoudSpeaker : Speaker
{
    public override string Greet() { return "PUBLIC GREET"; }
}

interface ICounter
{
    int Next();
    void Reset();
}

class Mixed : ICounter, IEnglish
{
    int value;
    public int Next() { return ++value; }          // implicit
    void ICounter.Reset() { value = 100; }         // explicit
    public string Greet() { return "mixed hi"; }   // implicit for IEnglish.Greet
    int IEnglish.Count(int n) { return -n; }       // explicit
    public int Count(int n) { return n * n; }      // public method, not the interface one
}

struct ValueSpeaker : IEnglish, IFrench
{
    public int Calls;
    string IEnglish.Greet() { Calls++; return "value hello #" + Calls; }
    string IFrench.Greet() { Calls++; return "value bonjour #" + Calls; }
    int IEnglish.Count(int n) { return n + Calls; }
    int IFrench.Count(int n) { return n - Calls; }
}

class ExplicitInterface
{
    static string UseEnglish(IEnglish e) { return e.Greet() + "/" + e.Count(5); }
    static string UseFrench(IFrench f) { return f.Greet() + "/" + f.Count(5); }

    static void Main()
    {
        Console.WriteLine("== two interfaces, same member names ==");
        Speaker s = new Speaker();
        Console.WriteLine("class: " + s.Greet() + " name " + s.Name);
        Console.WriteLine("IEnglish: " + UseEnglish(s));
        Console.WriteLine("IFrench:  " + UseFrench(s));
        Console.WriteLine("INamed:   " + ((INamed)s).Name);

        Console.WriteLine("== subclass overriding the public method ==");
        LoudSpeaker ls = new LoudSpeaker();
        Speaker lsAsBase = ls;
        Console.WriteLine("class: " + ls.Greet() + " via base type: " + lsAsBase.Greet());
        Console.WriteLine("IEnglish: " + UseEnglish(ls) + " IFrench: " + UseFrench(ls) + " INamed: " + ((INamed)ls).Name);

        Console.WriteLine("== implicit and explicit mixed ==");
        Mixed m = new Mixed();
        ICounter c = m;
        Console.WriteLine("Next " + m.Next() + " " + c.Next() + " " + m.Next());
        c.Reset();
        Console.WriteLine("after explicit Reset: " + m.Next());
        Console.WriteLine("class Count(7)=" + m.Count(7) + " IEnglish Count(7)=" + ((IEnglish)m).Count(7) + " Greet " + ((IEnglish)m).Greet());

        Console.WriteLine("== struct with explicit implementations (boxed) ==");
        ValueSpeaker v = new ValueSpeaker();
        IEnglish ve = v;          // box #1
        IFrench vf = v;           // box #2, independent copy
        Console.WriteLine(ve.Greet() + " | " + ve.Greet() + " | " + vf.Greet() + " | local Calls " + v.Calls);
        Console.WriteLine("Count via IEnglish " + ve.Count(10) + " via IFrench " + vf.Count(10));
        object boxed = v;
        Console.WriteLine(((IFrench)boxed).Greet() + " | " + ((IEnglish)boxed).Greet() + " | " + ((IFrench)boxed).Greet());

        Console.WriteLine("== call sites in a loop ==");
        object[] objs = { s, ls, m };
        int total = 0;
        string greets = "";
        for (int i = 0; i < 30; i++)
        {
            object o = objs[i % 3];
            IEnglish e = o as IEnglish;
            IFrench f = o as IFrench;
            total += e.Count(i);
            if (f != null) total += f.Count(i);
            if (i < 3) greets += e.Greet() + ";" + (f == null ? "-" : f.Greet()) + ";";
        }
        Console.WriteLine("total = " + total + " greets = " + greets);
    }
}
