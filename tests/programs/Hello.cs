// Hello: the smallest program — one Console.WriteLine of a string literal.
using System;

class Hello
{
    static void Main()
    {
        Console.WriteLine("Hello, World!");
    }
}
