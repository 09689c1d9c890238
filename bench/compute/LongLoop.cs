// LongLoop: a tight int64 arithmetic loop (xorshift-style mixing with adds).
using System;

class LongLoop
{
    static void Main(string[] args)
    {
        int n = args.Length > 0 ? int.Parse(args[0]) : 300000000;
        long x = 88172645463325252L;
        long sum = 0;
        for (int i = 0; i < n; i++)
        {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            sum += x & 0xFFFF;
        }
        Console.WriteLine("checksum " + sum);
    }
}
