// Objects: instance and static fields of every primitive type, default field values,
// constructors chaining with this(...) and base(...), field initializers (which run before
// the base constructor), static vs instance counters, object references and aliasing, null,
// default ToString/Equals/GetHashCode-free identity checks, properties with backing fields,
// auto-properties, read-only fields, and objects holding objects.
using System;

class Log
{
    public static string Text = "";
    public static bool Enabled = true;
    public static int Note(string s)
    {
        if (Enabled) Text += s + ";";
        return s.Length;
    }
}

class Defaults
{
    public bool B;
    public byte U1;
    public sbyte I1;
    public short I2;
    public ushort U2;
    public char C;
    public int I4;
    public uint U4;
    public long I8;
    public ulong U8;
    public float R4;
    public double R8;
    public string S;
    public object O;
}

class Point
{
    public int X;
    public int Y;
    public static int Created;

    public Point() : this(0, 0)
    {
        Log.Note("Point()");
    }

    public Point(int v) : this(v, v)
    {
        Log.Note("Point(v)");
    }

    public Point(int x, int y)
    {
        X = x;
        Y = y;
        Created++;
        Log.Note("Point(x,y)");
    }

    public int ManhattanLength() { return (X < 0 ? -X : X) + (Y < 0 ? -Y : Y); }

    public Point Add(Point other) { return new Point(X + other.X, Y + other.Y); }

    public override string ToString() { return "(" + X + ", " + Y + ")"; }
}

class Base
{
    protected int baseField = Log.Note("Base.field-init");
    public string Name;

    public Base(string name)
    {
        Log.Note("Base.ctor");
        Name = name;
    }
}

class Derived : Base
{
    int derivedField = Log.Note("Derived.field-init");
    public int Extra;

    public Derived(string name, int extra) : base(name + "!")
    {
        Log.Note("Derived.ctor");
        Extra = extra + derivedField + baseField;
    }

    public Derived() : this("anon", 1)
    {
        Log.Note("Derived()");
    }
}

class Counter
{
    static int totalCount;
    int count;
    readonly int id;
    public static readonly string Kind = "counter";

    public Counter(int id) { this.id = id; }

    public void Increment() { count++; totalCount++; }

    public int Count { get { return count; } }
    public int Id { get { return id; } }
    public static int Total { get { return totalCount; } }
}

class Account
{
    private long balance;
    public string Owner { get; set; }
    public int Transactions { get; private set; }

    public long Balance
    {
        get { return balance; }
        set { balance = value < 0 ? 0 : value; Transactions++; }
    }
}

class Tree
{
    public Tree Left, Right;
    public int Key;

    public Tree(int key) { Key = key; }

    public void Insert(int k)
    {
        if (k < Key)
        {
            if (Left == null) Left = new Tree(k); else Left.Insert(k);
        }
        else
        {
            if (Right == null) Right = new Tree(k); else Right.Insert(k);
        }
    }

    public string InOrder()
    {
        string s = "";
        if (Left != null) s += Left.InOrder();
        s += Key + " ";
        if (Right != null) s += Right.InOrder();
        return s;
    }

    public int Height()
    {
        int l = Left == null ? 0 : Left.Height();
        int r = Right == null ? 0 : Right.Height();
        return 1 + (l > r ? l : r);
    }
}

class Plain
{
    public int V;
}

class Objects
{
    static void Main()
    {
        Console.WriteLine("== default field values ==");
        Defaults d = new Defaults();
        Console.WriteLine("B=" + d.B + " U1=" + d.U1 + " I1=" + d.I1 + " I2=" + d.I2 + " U2=" + d.U2 + " C=" + (int)d.C + " I4=" + d.I4);
        Console.WriteLine("U4=" + d.U4 + " I8=" + d.I8 + " U8=" + d.U8 + " R4=" + d.R4 + " R8=" + d.R8 + " S null=" + (d.S == null) + " O null=" + (d.O == null));
        d.B = true; d.U1 = 255; d.I1 = -128; d.I2 = -32768; d.U2 = 65535; d.C = 'Q'; d.I4 = -7;
        d.U4 = 4000000000u; d.I8 = -5000000000L; d.U8 = 18000000000000000000UL; d.R4 = 1.25f; d.R8 = -2.5; d.S = "str"; d.O = d;
        Console.WriteLine("B=" + d.B + " U1=" + d.U1 + " I1=" + d.I1 + " I2=" + d.I2 + " U2=" + d.U2 + " C=" + d.C + " I4=" + d.I4);
        Console.WriteLine("U4=" + d.U4 + " I8=" + d.I8 + " U8=" + d.U8 + " R4=" + d.R4 + " R8=" + d.R8 + " S=" + d.S + " O==d " + (d.O == d));

        Console.WriteLine("== constructor chaining ==");
        Log.Text = "";
        Point p0 = new Point();
        Console.WriteLine("new Point(): " + p0 + " log " + Log.Text);
        Log.Text = "";
        Point p1 = new Point(5);
        Console.WriteLine("new Point(5): " + p1 + " log " + Log.Text);
        Log.Text = "";
        Point p2 = new Point(3, -4);
        Console.WriteLine("new Point(3,-4): " + p2 + " log " + Log.Text);
        Console.WriteLine("p2.ManhattanLength() = " + p2.ManhattanLength() + " p1.Add(p2) = " + p1.Add(p2));
        Console.WriteLine("Point.Created = " + Point.Created);

        Console.WriteLine("== initializer and base ctor order ==");
        Log.Text = "";
        Derived dv = new Derived("x", 10);
        Console.WriteLine("Derived(\"x\",10): Name=" + dv.Name + " Extra=" + dv.Extra + " log " + Log.Text);
        Log.Text = "";
        Derived dv2 = new Derived();
        Console.WriteLine("Derived(): Name=" + dv2.Name + " Extra=" + dv2.Extra + " log " + Log.Text);

        Console.WriteLine("== static vs instance ==");
        Counter a = new Counter(1), b = new Counter(2);
        for (int i = 0; i < 5; i++) a.Increment();
        for (int i = 0; i < 3; i++) b.Increment();
        Console.WriteLine("a.Id=" + a.Id + " a.Count=" + a.Count + " b.Id=" + b.Id + " b.Count=" + b.Count + " Total=" + Counter.Total + " Kind=" + Counter.Kind);

        Console.WriteLine("== properties ==");
        Account acct = new Account();
        acct.Owner = "Ada";
        acct.Balance = 100;
        acct.Balance += 50;
        acct.Balance = -10;
        acct.Balance = acct.Balance + 7;
        Console.WriteLine("Owner=" + acct.Owner + " Balance=" + acct.Balance + " Transactions=" + acct.Transactions);

        Console.WriteLine("== references and aliasing ==");
        Plain x = new Plain();
        Plain y = x;
        Plain z = new Plain();
        y.V = 42;
        z.V = 42;
        Console.WriteLine("x.V=" + x.V + " x==y " + (x == y) + " x==z " + (x == z) + " x.Equals(z) " + x.Equals(z) + " x.Equals(y) " + x.Equals(y));
        Plain n = null;
        Console.WriteLine("n==null " + (n == null) + " x!=null " + (x != null) + " ReferenceEquals(x,y) " + ReferenceEquals(x, y));
        Console.WriteLine("default ToString: " + x.ToString() + " / " + new Defaults());
        Plain[] many = new Plain[10];
        for (int i = 0; i < many.Length; i++) { many[i] = new Plain(); many[i].V = i * i; }
        many[3] = many[7];
        many[3].V = -1;
        int total = 0;
        for (int i = 0; i < many.Length; i++) total += many[i].V;
        Console.WriteLine("aliased array total = " + total);

        Console.WriteLine("== tree ==");
        Tree t = new Tree(50);
        int seed = 12345;
        for (int i = 0; i < 40; i++)
        {
            seed = (seed * 1103515245 + 12345) & 0x7FFFFFFF;
            t.Insert(seed % 100);
        }
        Console.WriteLine("in order: " + t.InOrder());
        Console.WriteLine("height: " + t.Height());

        Console.WriteLine("== allocation loop ==");
        long sum = 0;
        Log.Enabled = false;
        for (int i = 0; i < 100000; i++)
        {
            Point q = new Point(i, -i);
            sum += q.X - q.Y;
        }
        Console.WriteLine("sum = " + sum + " Point.Created = " + Point.Created);
    }
}
