// Structs: value-type semantics — structs as locals, arguments (copied), return values,
// fields of classes and of other structs, arrays of structs (in-place element updates),
// ref and out parameters, default(T) / initobj, parameterless vs full construction,
// instance methods mutating 'this', structs with reference fields, large structs
// (> 16 bytes) passed and returned by value, and struct copies on assignment.
using System;

struct Vec2
{
    public int X, Y;

    public Vec2(int x, int y) { X = x; Y = y; }

    public Vec2 Add(Vec2 o) { return new Vec2(X + o.X, Y + o.Y); }
    public void Scale(int k) { X *= k; Y *= k; }
    public int Dot(Vec2 o) { return X * o.X + Y * o.Y; }
    public override string ToString() { return "<" + X + "," + Y + ">"; }

    public static Vec2 operator +(Vec2 a, Vec2 b) { return new Vec2(a.X + b.X, a.Y + b.Y); }
    public static Vec2 operator -(Vec2 a) { return new Vec2(-a.X, -a.Y); }
    public static Vec2 operator *(Vec2 a, int k) { return new Vec2(a.X * k, a.Y * k); }
    public static bool operator ==(Vec2 a, Vec2 b) { return a.X == b.X && a.Y == b.Y; }
    public static bool operator !=(Vec2 a, Vec2 b) { return !(a == b); }
    public override bool Equals(object o) { return o is Vec2 && this == (Vec2)o; }
    public override int GetHashCode() { return X * 31 + Y; }
}

struct Rect
{
    public Vec2 Min;
    public Vec2 Max;
    public string Label;

    public int Area() { return (Max.X - Min.X) * (Max.Y - Min.Y); }
}

struct Mixed
{
    public byte B;
    public long L;
    public short S;
    public double D;
    public char C;
    public bool Flag;
    public float F;
}

struct Big
{
    public long A, B, C, D, E;
    public double X, Y;

    public long Sum() { return A + B + C + D + E + (long)X + (long)Y; }
}

struct Tiny
{
    public byte V;
}

class Holder
{
    public Vec2 Pos;
    public Rect Bounds;
    public static Vec2 StaticPos = new Vec2(9, 9);
}

class Structs
{
    static Vec2 Make(int x, int y) { Vec2 v; v.X = x; v.Y = y; return v; }

    static void TryModify(Vec2 v) { v.X = 1000; v.Y = 1000; }

    static void ModifyRef(ref Vec2 v) { v.X += 1; v.Y += 2; }

    static void MakeOut(out Vec2 v, out int tag) { v = new Vec2(7, 8); tag = 99; }

    static void Swap(ref Vec2 a, ref Vec2 b) { Vec2 t = a; a = b; b = t; }

    static void SwapInts(ref int a, ref int b) { int t = a; a = b; b = t; }

    static void Divide(int a, int b, out int q, out int r) { q = a / b; r = a % b; }

    static Big MakeBig(long seed)
    {
        Big b;
        b.A = seed; b.B = seed * 2; b.C = seed * 3; b.D = seed * 4; b.E = seed * 5;
        b.X = seed * 0.5; b.Y = seed * 1.5;
        return b;
    }

    static Big PassBig(Big b, int k)
    {
        b.A += k;
        b.E -= k;
        return b;
    }

    static long SumBigs(Big a, Big b, Big c) { return a.Sum() + b.Sum() + c.Sum(); }

    static void IncrementAll(Vec2[] arr)
    {
        for (int i = 0; i < arr.Length; i++) arr[i].X++;
    }

    static void Main()
    {
        Console.WriteLine("== locals and copies ==");
        Vec2 a = new Vec2(1, 2);
        Vec2 b = a;
        b.X = 10;
        Console.WriteLine("a=" + a + " b=" + b);
        Vec2 c = Make(3, 4);
        Console.WriteLine("Make(3,4)=" + c + " a.Add(c)=" + a.Add(c) + " a+c=" + (a + c) + " -c=" + (-c) + " c*3=" + (c * 3) + " dot=" + a.Dot(c));
        c.Scale(5);
        Console.WriteLine("after c.Scale(5): " + c);
        Console.WriteLine("a==new(1,2): " + (a == new Vec2(1, 2)) + " a!=b: " + (a != b) + " a.Equals(boxed): " + a.Equals((object)new Vec2(1, 2)) + " hash " + a.GetHashCode());

        Console.WriteLine("== default / initobj ==");
        Vec2 z = default(Vec2);
        Vec2 z2 = new Vec2();
        Rect r0 = default(Rect);
        Mixed m0 = new Mixed();
        Console.WriteLine("default Vec2=" + z + " new Vec2()=" + z2 + " default Rect area=" + r0.Area() + " label null=" + (r0.Label == null));
        Console.WriteLine("default Mixed: " + m0.B + " " + m0.L + " " + m0.S + " " + m0.D + " " + (int)m0.C + " " + m0.Flag + " " + m0.F);
        c = default(Vec2);
        Console.WriteLine("c reset: " + c);

        Console.WriteLine("== arguments are copies; ref and out ==");
        Vec2 p = new Vec2(5, 6);
        TryModify(p);
        Console.WriteLine("after TryModify: " + p);
        ModifyRef(ref p);
        Console.WriteLine("after ModifyRef: " + p);
        Vec2 o;
        int tag;
        MakeOut(out o, out tag);
        Console.WriteLine("MakeOut: " + o + " tag " + tag);
        Swap(ref p, ref o);
        Console.WriteLine("after Swap: p=" + p + " o=" + o);
        int i1 = 1, i2 = 2;
        SwapInts(ref i1, ref i2);
        int q, rem;
        Divide(47, 5, out q, out rem);
        Console.WriteLine("SwapInts: " + i1 + "," + i2 + " Divide(47,5): q=" + q + " r=" + rem);

        Console.WriteLine("== struct fields in classes and structs ==");
        Holder h = new Holder();
        h.Pos.X = 3;
        h.Pos.Scale(4);
        h.Bounds.Min = new Vec2(1, 1);
        h.Bounds.Max.X = 6;
        h.Bounds.Max.Y = 11;
        h.Bounds.Label = "box";
        Console.WriteLine("h.Pos=" + h.Pos + " bounds " + h.Bounds.Min + ".." + h.Bounds.Max + " area " + h.Bounds.Area() + " label " + h.Bounds.Label);
        Rect copy = h.Bounds;
        copy.Max.X = 100;
        Console.WriteLine("copy area " + copy.Area() + " original area " + h.Bounds.Area());
        Holder.StaticPos.Scale(2);
        Holder.StaticPos.Y += 1;
        Console.WriteLine("Holder.StaticPos=" + Holder.StaticPos);
        ModifyRef(ref h.Pos);
        ModifyRef(ref h.Bounds.Min);
        Console.WriteLine("after ModifyRef on fields: " + h.Pos + " " + h.Bounds.Min);

        Console.WriteLine("== arrays of structs ==");
        Vec2[] arr = new Vec2[8];
        for (int i = 0; i < arr.Length; i++) { arr[i].X = i; arr[i].Y = i * i; }
        arr[3].Scale(10);
        IncrementAll(arr);
        ModifyRef(ref arr[5]);
        Vec2 taken = arr[2];
        taken.Y = -1;
        string s = "";
        for (int i = 0; i < arr.Length; i++) s += arr[i];
        Console.WriteLine(s);
        Rect[] rects = new Rect[3];
        rects[1].Max = new Vec2(4, 5);
        rects[1].Label = "r1";
        rects[2] = rects[1];
        rects[2].Max.Y = 10;
        Console.WriteLine("rect areas " + rects[0].Area() + " " + rects[1].Area() + " " + rects[2].Area() + " labels " + (rects[0].Label == null) + " " + rects[2].Label);
        Mixed[] mixes = new Mixed[4];
        for (int i = 0; i < mixes.Length; i++)
        {
            mixes[i].B = (byte)(250 + i);
            mixes[i].L = -1L << (i * 10);
            mixes[i].S = (short)(-i * 1000);
            mixes[i].D = i / 4.0;
            mixes[i].C = (char)('w' + i);
            mixes[i].Flag = (i & 1) == 1;
            mixes[i].F = i * 0.25f;
        }
        for (int i = 0; i < mixes.Length; i++)
            Console.WriteLine("mix[" + i + "] " + mixes[i].B + " " + mixes[i].L + " " + mixes[i].S + " " + mixes[i].D + " " + mixes[i].C + " " + mixes[i].Flag + " " + mixes[i].F);
        Tiny[] tinies = new Tiny[300];
        for (int i = 0; i < tinies.Length; i++) tinies[i].V = (byte)i;
        int tsum = 0;
        for (int i = 0; i < tinies.Length; i++) tsum += tinies[i].V;
        Console.WriteLine("tiny sum " + tsum);

        Console.WriteLine("== big structs ==");
        Big b1 = MakeBig(10);
        Big b2 = PassBig(b1, 3);
        Console.WriteLine("b1.A=" + b1.A + " b1.E=" + b1.E + " b1.Sum=" + b1.Sum());
        Console.WriteLine("b2.A=" + b2.A + " b2.E=" + b2.E + " b2.Sum=" + b2.Sum());
        Console.WriteLine("SumBigs=" + SumBigs(b1, b2, MakeBig(-4)));
        Big[] bigs = new Big[5];
        for (int i = 0; i < bigs.Length; i++) bigs[i] = MakeBig(i + 1);
        long bs = 0;
        for (int i = 0; i < bigs.Length; i++) bs += bigs[i].Sum();
        Console.WriteLine("bigs sum " + bs);

        Console.WriteLine("== loop with struct accumulator ==");
        Vec2 acc = new Vec2();
        for (int i = 0; i < 1000; i++) acc = acc + new Vec2(i, -2 * i);
        Console.WriteLine("acc=" + acc);
    }
}
