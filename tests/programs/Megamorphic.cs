// Megamorphic: a single virtual call site and a single interface call site that see 8
// receiver classes in rotation (and in a skewed pattern: monomorphic for a long warm-up,
// then suddenly megamorphic), with classes at different depths so vtable slots come from
// different levels; per-class counters and checksums are printed.
using System;

interface IOp
{
    long Apply(long acc, int i);
}

abstract class Op : IOp
{
    public int Hits;
    public abstract long Step(long acc, int i);
    public virtual long Apply(long acc, int i) { Hits++; return Step(acc, i) ^ 1; }
    public abstract string Name { get; }
}

class Add : Op
{
    public override long Step(long acc, int i) { Hits++; return acc + i; }
    public override string Name { get { return "Add"; } }
}

class Sub : Op
{
    public override long Step(long acc, int i) { Hits++; return acc - i * 3; }
    public override string Name { get { return "Sub"; } }
}

class Mul : Op
{
    public override long Step(long acc, int i) { Hits++; return acc * 3 % 1000003; }
    public override string Name { get { return "Mul"; } }
}

class Xor : Op
{
    public override long Step(long acc, int i) { Hits++; return acc ^ (i * 2654435761L); }
    public override string Name { get { return "Xor"; } }
}

class Shl : Op
{
    public override long Step(long acc, int i) { Hits++; return (acc << 1) & 0xFFFFFFFFFFL; }
    public override string Name { get { return "Shl"; } }
}

class AddTwice : Add
{
    public override long Step(long acc, int i) { return base.Step(base.Step(acc, i), i); }
    public override string Name { get { return "AddTwice"; } }
}

class SubThenNeg : Sub
{
    public override long Step(long acc, int i) { return -base.Step(acc, i); }
    public override long Apply(long acc, int i) { Hits++; return Step(acc, i) + 7; }
    public override string Name { get { return "SubThenNeg"; } }
}

class Deep : AddTwice
{
    public override long Step(long acc, int i) { Hits++; return base.Step(acc, i) / 2; }
    public override string Name { get { return "Deep"; } }
}

class Megamorphic
{
    static long RunVirtual(Op[] ops, int[] pattern, int n)
    {
        long acc = 1;
        for (int i = 0; i < n; i++)
        {
            Op op = ops[pattern[i % pattern.Length]];
            acc = op.Step(acc, i);          // the one virtual call site
        }
        return acc;
    }

    static long RunInterface(IOp[] ops, int[] pattern, int n)
    {
        long acc = 1;
        for (int i = 0; i < n; i++)
        {
            IOp op = ops[pattern[i % pattern.Length]];
            acc = op.Apply(acc, i);         // the one interface call site
        }
        return acc;
    }

    static void Report(string label, Op[] ops, long result)
    {
        string s = label + ": result " + result + " hits";
        for (int i = 0; i < ops.Length; i++)
        {
            s += " " + ops[i].Name + "=" + ops[i].Hits;
            ops[i].Hits = 0;
        }
        Console.WriteLine(s);
    }

    static void Main()
    {
        Op[] ops = { new Add(), new Sub(), new Mul(), new Xor(), new Shl(), new AddTwice(), new SubThenNeg(), new Deep() };
        int[] rotate = { 0, 1, 2, 3, 4, 5, 6, 7 };
        int[] shuffled = { 3, 7, 0, 5, 5, 1, 6, 2, 4, 7, 3, 0 };
        int[] mono = new int[1];

        Report("virtual rotate", ops, RunVirtual(ops, rotate, 80000));
        Report("virtual shuffled", ops, RunVirtual(ops, shuffled, 60000));
        Report("interface rotate", ops, RunInterface(ops, rotate, 80000));
        Report("interface shuffled", ops, RunInterface(ops, shuffled, 60000));

        // warm up monomorphic on Deep, then go megamorphic at the same call sites
        int[] skewed = new int[1000];
        for (int i = 0; i < skewed.Length; i++) skewed[i] = 7;
        for (int i = 900; i < skewed.Length; i++) skewed[i] = i % 8;
        mono[0] = 7;
        Report("virtual mono Deep", ops, RunVirtual(ops, mono, 5000));
        Report("virtual skewed", ops, RunVirtual(ops, skewed, 20000));
        Report("interface mono Deep", ops, RunInterface(ops, mono, 5000));
        Report("interface skewed", ops, RunInterface(ops, skewed, 20000));

        string names = "";
        for (int i = 0; i < ops.Length; i++) names += ops[i].Name + (ops[i] is Add ? "(Add)" : "") + " ";
        Console.WriteLine("names: " + names);
    }
}
