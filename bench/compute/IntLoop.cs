// IntLoop: a tight int32 arithmetic loop (multiply, xor, shift, modulo-free mixing).
using System;

class IntLoop
{
    static void Main(string[] args)
    {
        int n = args.Length > 0 ? int.Parse(args[0]) : 300000000;
        int h = 17;
        for (int i = 0; i < n; i++)
        {
            h = h * 31 + i;
            h ^= h >> 7;
        }
        Console.WriteLine("checksum " + h);
    }
}
