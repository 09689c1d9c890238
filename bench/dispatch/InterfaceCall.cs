// InterfaceCall: a monomorphic interface call site whose class implements one interface
// method, so its IMT slot holds a single entry (no collision stub).
using System;

interface IStep
{
    int Step(int x);
}

class Fast : IStep
{
    public int Step(int x) { return x + 3; }
}

class InterfaceCall
{
    static void Main(string[] args)
    {
        int n = args.Length > 0 ? int.Parse(args[0]) : 200000000;
        IStep c = new Fast();
        int acc = 0;
        for (int i = 0; i < n; i++)
            acc = c.Step(acc);
        Console.WriteLine("checksum " + acc);
        if (acc != unchecked(n * 3)) { Console.WriteLine("WRONG"); Environment.Exit(1); }
    }
}
