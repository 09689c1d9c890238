// Arith64: long and ulong arithmetic (add, sub, mul, div, rem, neg), 64-bit wrap-around,
// mixing int and long (implicit widening), and non-overflowing checked arithmetic.
using System;

class Arith64
{
    static long[] longs = { 0L, 1L, -1L, 3L, -3L, 1000000007L, -1000000007L, 4294967296L, 4294967295L,
                            -4294967296L, 123456789012345L, 9223372036854775807L, -9223372036854775808L };
    static ulong[] ulongs = { 0UL, 1UL, 3UL, 4294967295UL, 4294967296UL, 1000000007UL,
                              9223372036854775808UL, 18446744073709551615UL, 12345678901234567890UL };

    static long Add(long a, long b) { return a + b; }
    static long Sub(long a, long b) { return a - b; }
    static long Mul(long a, long b) { return a * b; }
    static long Div(long a, long b) { return a / b; }
    static long Rem(long a, long b) { return a % b; }

    static ulong UAdd(ulong a, ulong b) { return a + b; }
    static ulong USub(ulong a, ulong b) { return a - b; }
    static ulong UMul(ulong a, ulong b) { return a * b; }
    static ulong UDiv(ulong a, ulong b) { return a / b; }
    static ulong URem(ulong a, ulong b) { return a % b; }

    static long Widen(int a, int b) { return (long)a * b; }
    static long NoWiden(int a, int b) { return a * b; }
    static ulong WidenU(uint a, uint b) { return (ulong)a * b; }

    static void Main()
    {
        Console.WriteLine("== long binary ops ==");
        for (int i = 0; i < longs.Length; i++)
        {
            for (int j = 0; j < longs.Length; j++)
            {
                long a = longs[i], b = longs[j];
                string line = "a=" + a + " b=" + b + " add=" + Add(a, b) + " sub=" + Sub(a, b) + " mul=" + Mul(a, b);
                if (b != 0 && !(a == long.MinValue && b == -1))
                {
                    line += " div=" + Div(a, b) + " rem=" + Rem(a, b);
                }
                Console.WriteLine(line);
            }
        }

        Console.WriteLine("== long unary ==");
        for (int i = 0; i < longs.Length; i++)
        {
            long a = longs[i];
            long b = a;
            b++;
            long c = a;
            c--;
            Console.WriteLine("a=" + a + " neg=" + unchecked(-a) + " inc=" + b + " dec=" + c + " not=" + (~a));
        }

        Console.WriteLine("== ulong binary ops ==");
        for (int i = 0; i < ulongs.Length; i++)
        {
            for (int j = 0; j < ulongs.Length; j++)
            {
                ulong a = ulongs[i], b = ulongs[j];
                string line = "a=" + a + " b=" + b + " add=" + UAdd(a, b) + " sub=" + USub(a, b) + " mul=" + UMul(a, b);
                if (b != 0)
                {
                    line += " div=" + UDiv(a, b) + " rem=" + URem(a, b);
                }
                Console.WriteLine(line);
            }
        }

        Console.WriteLine("== widening ==");
        Console.WriteLine("Widen(100000,100000) = " + Widen(100000, 100000));
        Console.WriteLine("NoWiden(100000,100000) = " + NoWiden(100000, 100000));
        Console.WriteLine("Widen(-2147483648,2) = " + Widen(int.MinValue, 2));
        Console.WriteLine("WidenU(4294967295,4294967295) = " + WidenU(uint.MaxValue, uint.MaxValue));
        int small = -5;
        long mixed = small + longs[7];
        Console.WriteLine("-5 + 4294967296 = " + mixed);
        uint u = 4000000000u;
        long mixedU = u + longs[2];
        Console.WriteLine("4000000000u + -1L = " + mixedU);

        Console.WriteLine("== compound ==");
        long x = 1;
        for (int i = 0; i < 20; i++) x *= 7;
        Console.WriteLine("7^20 = " + x);
        x <<= 3; Console.WriteLine("<<= 3 -> " + x);
        x >>= 5; Console.WriteLine(">>= 5 -> " + x);
        x %= 1000000007L; Console.WriteLine("%= 1e9+7 -> " + x);
        x -= 5000000000L; Console.WriteLine("-= 5e9 -> " + x);
        x /= 3; Console.WriteLine("/= 3 -> " + x);

        Console.WriteLine("== hashing loop ==");
        ulong h = 14695981039346656037UL;
        for (int i = 0; i < 100; i++)
        {
            h ^= (ulong)(i & 0xFF);
            h = unchecked(h * 1099511628211UL);
        }
        Console.WriteLine("fnv = " + h);
        long lcg = 42;
        for (int i = 0; i < 100; i++) lcg = unchecked(lcg * 6364136223846793005L + 1442695040888963407L);
        Console.WriteLine("lcg = " + lcg);

        Console.WriteLine("== checked, no overflow ==");
        long c1 = checked(longs[10] * 1000);
        long c2 = checked(longs[11] - 1);
        long c3 = checked(longs[12] + 1);
        ulong c4 = checked(ulongs[7] - 1);
        ulong c5 = checked(ulongs[3] * ulongs[3]);
        Console.WriteLine("c1=" + c1 + " c2=" + c2 + " c3=" + c3 + " c4=" + c4 + " c5=" + c5);

        Console.WriteLine("== division by constants ==");
        for (int i = 0; i < longs.Length; i++)
        {
            long a = longs[i];
            Console.WriteLine(a + ": /2=" + (a / 2) + " %2=" + (a % 2) + " /10=" + (a / 10) + " %10=" + (a % 10) + " /-3=" + (a / -3) + " %-3=" + (a % -3) + " /4294967296=" + (a / 4294967296L));
        }
        for (int i = 0; i < ulongs.Length; i++)
        {
            ulong a = ulongs[i];
            Console.WriteLine(a + "UL: /2=" + (a / 2) + " %2=" + (a % 2) + " /10=" + (a / 10) + " %10=" + (a % 10) + " /7=" + (a / 7));
        }
    }
}
