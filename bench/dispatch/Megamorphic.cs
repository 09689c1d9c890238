// Megamorphic: one virtual call site whose receiver is one of 8 classes picked by a
// pseudo-random sequence, so the indirect branch mispredicts (about 12 ns a call on Mono).
using System;

abstract class Shape { public abstract int Id(int x); }
class S0 : Shape { public override int Id(int x) { return x + 1; } }
class S1 : Shape { public override int Id(int x) { return x + 2; } }
class S2 : Shape { public override int Id(int x) { return x + 3; } }
class S3 : Shape { public override int Id(int x) { return x + 4; } }
class S4 : Shape { public override int Id(int x) { return x + 5; } }
class S5 : Shape { public override int Id(int x) { return x + 6; } }
class S6 : Shape { public override int Id(int x) { return x + 7; } }
class S7 : Shape { public override int Id(int x) { return x + 8; } }

class Megamorphic
{
    static void Main(string[] args)
    {
        int n = args.Length > 0 ? int.Parse(args[0]) : 50000000;
        Shape[] shapes = { new S0(), new S1(), new S2(), new S3(), new S4(), new S5(), new S6(), new S7() };
        Shape[] seq = new Shape[4096];
        uint r = 12345;
        long expect = 0;
        for (int i = 0; i < seq.Length; i++)
        {
            r = r * 1103515245 + 12345;
            int k = (int)((r >> 16) & 7);
            seq[i] = shapes[k];
        }
        int acc = 0;
        for (int i = 0; i < n; i++)
            acc = seq[i & 4095].Id(acc);
        for (int i = 0; i < n; i++)
            expect += seq[i & 4095].Id(0);
        Console.WriteLine("checksum " + acc);
        if (acc != (int)expect) { Console.WriteLine("WRONG"); Environment.Exit(1); }
    }
}
