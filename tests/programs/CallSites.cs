// CallSites: the smallest methods holding one virtual call site and one interface call site,
// whose generated code the JIT snapshot tests record.
using System;

interface IShape
{
    int Area();
}

class Square : IShape
{
    public virtual int Side() { return 3; }
    public int Area() { return 9; }
}

class CallSites
{
    static int VirtualCall(Square s) { return s.Side(); }
    static int InterfaceCall(IShape s) { return s.Area(); }

    static void Main()
    {
        Square q = new Square();
        Console.WriteLine(VirtualCall(q) + InterfaceCall(q));
    }
}
