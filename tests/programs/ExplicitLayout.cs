// ExplicitLayout: [StructLayout(LayoutKind.Explicit)] structs with [FieldOffset] overlapping
// fields — int/float and long/double punning (reading IEEE bits without BitConverter),
// reading individual bytes/shorts of an int (little-endian), a union with a gap, explicit
// structs inside classes and arrays, and [StructLayout(LayoutKind.Sequential)] structs with
// mixed field sizes (incl. Pack = 1) used as values, fields, and array elements.
using System;
using System.Runtime.InteropServices;

[StructLayout(LayoutKind.Explicit)]
struct IntFloat
{
    [FieldOffset(0)] public int I;
    [FieldOffset(0)] public float F;
    [FieldOffset(0)] public uint U;
    [FieldOffset(0)] public byte B0;
    [FieldOffset(1)] public byte B1;
    [FieldOffset(2)] public byte B2;
    [FieldOffset(3)] public byte B3;
    [FieldOffset(0)] public short Lo;
    [FieldOffset(2)] public short Hi;
}

[StructLayout(LayoutKind.Explicit)]
struct LongDouble
{
    [FieldOffset(0)] public long L;
    [FieldOffset(0)] public double D;
    [FieldOffset(0)] public int Low;
    [FieldOffset(4)] public int High;
    [FieldOffset(0)] public ulong U;
}

[StructLayout(LayoutKind.Explicit)]
struct Gappy
{
    [FieldOffset(0)] public byte Tag;
    [FieldOffset(8)] public long Payload;
    [FieldOffset(8)] public double PayloadD;
    [FieldOffset(16)] public int Tail;
}

[StructLayout(LayoutKind.Sequential)]
struct Seq
{
    public byte A;
    public int B;
    public short C;
    public long D;
    public byte E;
    public double F;
    public char G;
}

[StructLayout(LayoutKind.Sequential, Pack = 1)]
struct Packed
{
    public byte A;
    public int B;
    public short C;
    public long D;
}

class Container
{
    public IntFloat Pun;
    public Seq S;
    public int After = 12345;
}

class ExplicitLayout
{
    static string Hex(uint v) { return v.ToString("X8"); }

    static float BitsToFloat(int bits)
    {
        IntFloat x = new IntFloat();
        x.I = bits;
        return x.F;
    }

    static long DoubleToBits(double d)
    {
        LongDouble x = new LongDouble();
        x.D = d;
        return x.L;
    }

    static void Main()
    {
        Console.WriteLine("== int <-> float punning ==");
        IntFloat p = new IntFloat();
        p.F = 1.0f;
        Console.WriteLine("1.0f bits " + Hex(p.U) + " as int " + p.I);
        p.F = -2.5f;
        Console.WriteLine("-2.5f bits " + Hex(p.U) + " bytes " + p.B0 + " " + p.B1 + " " + p.B2 + " " + p.B3 + " shorts " + p.Lo + " " + p.Hi);
        p.I = 0x3F800000;
        Console.WriteLine("0x3F800000 as float " + p.F);
        p.I = 0x7F800000;
        Console.WriteLine("0x7F800000 as float " + p.F);
        p.I = 0x7FC00000;
        Console.WriteLine("0x7FC00000 as float " + p.F + " IsNaN " + float.IsNaN(p.F));
        p.I = 1;
        Console.WriteLine("1 as float (denormal) " + p.F);
        float[] fs = { 0f, -0f, 0.1f, 3.14159f, 1e30f, -1e-30f, float.MaxValue };
        for (int i = 0; i < fs.Length; i++)
        {
            p.F = fs[i];
            Console.WriteLine("  " + fs[i] + " -> " + Hex(p.U) + " back " + BitsToFloat(p.I));
        }

        Console.WriteLine("== bytes of an int (little-endian) ==");
        p.I = 0x12345678;
        Console.WriteLine("0x12345678: B0=" + p.B0.ToString("X2") + " B1=" + p.B1.ToString("X2") + " B2=" + p.B2.ToString("X2") + " B3=" + p.B3.ToString("X2") + " Lo=" + p.Lo.ToString("X4") + " Hi=" + p.Hi.ToString("X4"));
        p.B3 = 0xFF;
        Console.WriteLine("after B3=0xFF: I=" + p.I + " U=" + p.U + " Hi=" + p.Hi);
        p.Lo = -1;
        Console.WriteLine("after Lo=-1: " + Hex(p.U));

        Console.WriteLine("== long <-> double ==");
        double[] ds = { 1.0, -1.0, 0.5, 1e100, double.Epsilon, double.NegativeInfinity, 123456.789 };
        for (int i = 0; i < ds.Length; i++)
        {
            long bits = DoubleToBits(ds[i]);
            Console.WriteLine("  " + ds[i] + " -> " + bits.ToString("X16"));
        }
        LongDouble ld = new LongDouble();
        ld.D = 2.0;
        Console.WriteLine("2.0: High=" + ld.High.ToString("X8") + " Low=" + ld.Low);
        ld.High = 0x3FF80000;
        Console.WriteLine("High=0x3FF80000 -> " + ld.D);
        ld.U = 0x8000000000000000UL;
        Console.WriteLine("sign bit only -> " + ld.D + " 1/x = " + (1.0 / ld.D));

        Console.WriteLine("== union with gap ==");
        Gappy g = new Gappy();
        g.Tag = 7;
        g.PayloadD = 1.5;
        g.Tail = -1;
        Console.WriteLine("Tag " + g.Tag + " Payload " + g.Payload.ToString("X16") + " PayloadD " + g.PayloadD + " Tail " + g.Tail);
        Gappy[] gs = new Gappy[3];
        for (int i = 0; i < gs.Length; i++) { gs[i].Tag = (byte)i; gs[i].Payload = 1L << (i * 20); gs[i].Tail = i * 11; }
        gs[1].PayloadD = -0.25;
        for (int i = 0; i < gs.Length; i++) Console.WriteLine("  gs[" + i + "] " + gs[i].Tag + " " + gs[i].Payload + " " + gs[i].Tail);

        Console.WriteLine("== sequential structs ==");
        Seq s = new Seq();
        s.A = 1; s.B = -2; s.C = 3; s.D = -4000000000L; s.E = 250; s.F = 0.75; s.G = 'g';
        Seq s2 = s;
        s2.B = 99;
        Console.WriteLine("s: " + s.A + " " + s.B + " " + s.C + " " + s.D + " " + s.E + " " + s.F + " " + s.G + " / copy B " + s2.B);
        Packed pk = new Packed();
        pk.A = 0xAB; pk.B = int.MinValue; pk.C = short.MaxValue; pk.D = long.MaxValue;
        Packed[] pks = new Packed[4];
        for (int i = 0; i < pks.Length; i++) { pks[i] = pk; pks[i].B += i; pks[i].A = (byte)(pks[i].A + i); }
        string line = "packed:";
        for (int i = 0; i < pks.Length; i++) line += " [" + pks[i].A + "," + pks[i].B + "," + pks[i].C + "," + pks[i].D + "]";
        Console.WriteLine(line);
        Seq[] seqs = new Seq[3];
        for (int i = 0; i < seqs.Length; i++) { seqs[i] = s; seqs[i].E = (byte)(i + 10); seqs[i].F = i * 0.5; }
        Console.WriteLine("seqs: " + seqs[0].E + "/" + seqs[0].F + " " + seqs[1].E + "/" + seqs[1].F + " " + seqs[2].E + "/" + seqs[2].F + " D " + seqs[2].D);

        Console.WriteLine("== in a class ==");
        Container c = new Container();
        c.Pun.F = 0.15625f;
        c.S = s;
        c.S.G = 'Z';
        Console.WriteLine("c.Pun bits " + Hex(c.Pun.U) + " c.S.G " + c.S.G + " c.S.D " + c.S.D + " After " + c.After);
    }
}
