// VirtualCall: a monomorphic virtual call site in a hot loop (the receiver never changes).
using System;

class Counter
{
    public virtual int Step(int x) { return x + 1; }
}

class Fast : Counter
{
    public override int Step(int x) { return x + 3; }
}

class VirtualCall
{
    static void Main(string[] args)
    {
        int n = args.Length > 0 ? int.Parse(args[0]) : 200000000;
        Counter c = new Fast();
        int acc = 0;
        for (int i = 0; i < n; i++)
            acc = c.Step(acc);
        Console.WriteLine("checksum " + acc);
        if (acc != unchecked(n * 3)) { Console.WriteLine("WRONG"); Environment.Exit(1); }
    }
}
