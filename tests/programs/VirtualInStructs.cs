// VirtualInStructs: value types with virtual-method overrides (ToString, Equals,
// GetHashCode) and interface implementations, called directly on locals (constrained
// calls, no box), through object and interface references (boxed copies), mutation through
// an interface on a box vs. on the local, structs without overrides (ValueType defaults),
// struct arrays iterated through an interface, and non-generic IComparable on structs.
using System;

interface ICounter
{
    int Increment();
    int Current { get; }
}

interface IShape
{
    double Area();
    string Describe();
}

struct Counter : ICounter
{
    int value;
    public int Increment() { value++; return value; }
    public int Current { get { return value; } }
    public override string ToString() { return "Counter(" + value + ")"; }
}

struct Circle : IShape
{
    public double R;
    public Circle(double r) { R = r; }
    public double Area() { return 3.0 * R * R; }
    public string Describe() { return "circle r=" + R; }
    public override string ToString() { return "Circle[" + R + "]"; }
    public override bool Equals(object o) { return o is Circle && ((Circle)o).R == R; }
    public override int GetHashCode() { return (int)(R * 1000); }
}

struct Sq : IShape
{
    public int Side;
    public double Area() { return Side * Side; }
    public string Describe() { return "square side=" + Side; }
    public override string ToString() { return "Sq[" + Side + "]"; }
}

struct Version : IComparable
{
    public int Major, Minor;
    public Version(int major, int minor) { Major = major; Minor = minor; }
    public int CompareTo(object o)
    {
        Version v = (Version)o;
        if (Major != v.Major) return Major < v.Major ? -1 : 1;
        if (Minor != v.Minor) return Minor < v.Minor ? -1 : 1;
        return 0;
    }
    public override string ToString() { return Major + "." + Minor; }
}

struct NoOverrides
{
    public int X;
    public int Y;
}

struct BaseCaller
{
    public int V;
    public override string ToString() { return "BaseCaller/" + base.ToString(); }
    public override int GetHashCode() { return V * 7; }
}

class VirtualInStructs
{
    static string Show(object o) { return o.ToString(); }
    static int Bump(ICounter c) { return c.Increment(); }

    static void Main()
    {
        Console.WriteLine("== direct calls on locals (no boxing of the local) ==");
        Counter c = new Counter();
        c.Increment();
        c.Increment();
        Console.WriteLine("local " + c.ToString() + " Current " + c.Current + " hash-equal " + (c.GetHashCode() == c.GetHashCode()));

        Console.WriteLine("== interface call on a boxed copy ==");
        ICounter boxed = c;
        boxed.Increment();
        boxed.Increment();
        boxed.Increment();
        Console.WriteLine("boxed " + boxed.Current + " " + boxed + " / local " + c.Current + " " + c);
        Console.WriteLine("Bump(c) " + Bump(c) + " Bump(c) " + Bump(c) + " local still " + c.Current);
        Console.WriteLine("Bump(boxed) " + Bump(boxed) + " boxed now " + boxed.Current);
        Counter unboxed = (Counter)boxed;
        unboxed.Increment();
        Console.WriteLine("unboxed copy " + unboxed.Current + " boxed " + boxed.Current);

        Console.WriteLine("== overrides through object ==");
        Circle a = new Circle(1.5), b = new Circle(1.5), d = new Circle(2);
        object oa = a;
        Console.WriteLine("Show " + Show(a) + " " + Show(new Sq()) + " " + Show(new Version(1, 2)));
        Console.WriteLine("Equals a,b " + a.Equals(b) + " a,d " + a.Equals(d) + " oa.Equals(b) " + oa.Equals(b) + " a.Equals(sq) " + a.Equals(new Sq()));
        Console.WriteLine("hashes " + a.GetHashCode() + " " + oa.GetHashCode() + " " + d.GetHashCode());

        Console.WriteLine("== interface arrays over boxed structs ==");
        IShape[] shapes = new IShape[6];
        for (int i = 0; i < shapes.Length; i++)
        {
            if ((i & 1) == 0) shapes[i] = new Circle(i + 0.5);
            else { Sq s = new Sq(); s.Side = i; shapes[i] = s; }
        }
        double total = 0;
        for (int i = 0; i < shapes.Length; i++)
        {
            total += shapes[i].Area();
            Console.WriteLine("  " + shapes[i].Describe() + " area " + shapes[i].Area() + " ToString " + shapes[i] + " is Circle " + (shapes[i] is Circle));
        }
        Console.WriteLine("total area " + total);

        Console.WriteLine("== struct arrays called directly ==");
        Counter[] counters = new Counter[4];
        for (int i = 0; i < counters.Length; i++)
            for (int k = 0; k <= i; k++) counters[i].Increment();
        string cs = "";
        for (int i = 0; i < counters.Length; i++) cs += counters[i].ToString() + " ";
        Console.WriteLine(cs);

        Console.WriteLine("== IComparable on structs ==");
        Version[] vs = { new Version(1, 10), new Version(1, 2), new Version(0, 99), new Version(2, 0), new Version(1, 2) };
        for (int i = 1; i < vs.Length; i++)
        {
            Version key = vs[i];
            int j = i - 1;
            while (j >= 0 && ((IComparable)vs[j]).CompareTo(key) > 0) { vs[j + 1] = vs[j]; j--; }
            vs[j + 1] = key;
        }
        string sorted = "";
        for (int i = 0; i < vs.Length; i++) sorted += vs[i] + " ";
        Console.WriteLine("sorted " + sorted + " compare " + vs[0].CompareTo(vs[1]) + " " + vs[1].CompareTo(vs[2]) + " " + vs[4].CompareTo(vs[0]));

        Console.WriteLine("== ValueType defaults ==");
        NoOverrides n1 = new NoOverrides(), n2 = new NoOverrides(), n3 = new NoOverrides();
        n1.X = 1; n1.Y = 2; n2.X = 1; n2.Y = 2; n3.X = 2; n3.Y = 1;
        Console.WriteLine("ToString " + n1.ToString() + " Equals same " + n1.Equals(n2) + " Equals different " + n1.Equals(n3) + " Equals boxed " + ((object)n1).Equals(n2) + " equal hashes for equal values " + (n1.GetHashCode() == n2.GetHashCode()));
        BaseCaller bc = new BaseCaller();
        bc.V = 6;
        object obc = bc;
        Console.WriteLine("base.ToString: " + bc + " / " + obc + " hash " + obc.GetHashCode());
    }
}
