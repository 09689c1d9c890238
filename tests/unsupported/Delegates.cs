// Delegates: uses a delegate (ldftn + newobj of a delegate type), which vcall does not
// support yet; it must stop with an error naming the method and IL offset, not crash.
using System;

delegate int BinOp(int a, int b);

class Delegates
{
    static int Add(int a, int b) { return a + b; }

    static void Main()
    {
        Console.WriteLine("before");
        BinOp f = Add;
        Console.WriteLine(f(2, 3));
    }
}
