// Arith32: int and uint arithmetic (add, sub, mul, div, rem, neg, inc/dec, compound
// assignment), unchecked wrap-around, and non-overflowing checked arithmetic.
// Operands come from arrays and parameters so mcs cannot constant-fold them.
using System;

class Arith32
{
    static int[] ints = { 0, 1, -1, 2, -2, 7, -7, 13, 100, -100, 12345, 65536, 2147483647, -2147483648 };
    static uint[] uints = { 0u, 1u, 2u, 7u, 13u, 100u, 65535u, 65536u, 2147483648u, 4294967295u };

    static int Add(int a, int b) { return a + b; }
    static int Sub(int a, int b) { return a - b; }
    static int Mul(int a, int b) { return a * b; }
    static int Div(int a, int b) { return a / b; }
    static int Rem(int a, int b) { return a % b; }
    static int Neg(int a) { return -a; }

    static uint UAdd(uint a, uint b) { return a + b; }
    static uint USub(uint a, uint b) { return a - b; }
    static uint UMul(uint a, uint b) { return a * b; }
    static uint UDiv(uint a, uint b) { return a / b; }
    static uint URem(uint a, uint b) { return a % b; }

    static void Main()
    {
        Console.WriteLine("== int binary ops ==");
        for (int i = 0; i < ints.Length; i++)
        {
            for (int j = 0; j < ints.Length; j++)
            {
                int a = ints[i], b = ints[j];
                string line = "a=" + a + " b=" + b + " add=" + Add(a, b) + " sub=" + Sub(a, b) + " mul=" + Mul(a, b);
                if (b != 0 && !(a == int.MinValue && b == -1))
                {
                    line += " div=" + Div(a, b) + " rem=" + Rem(a, b);
                }
                Console.WriteLine(line);
            }
        }

        Console.WriteLine("== int unary ops ==");
        for (int i = 0; i < ints.Length; i++)
        {
            int a = ints[i];
            int pre = a;
            int post = pre++;
            int pre2 = a;
            int dec = --pre2;
            Console.WriteLine("a=" + a + " neg=" + Neg(a) + " plus=" + (+a) + " post=" + post + " after=" + pre + " predec=" + dec + " abs=" + Math.Abs(a == int.MinValue ? 0 : a));
        }

        Console.WriteLine("== uint binary ops ==");
        for (int i = 0; i < uints.Length; i++)
        {
            for (int j = 0; j < uints.Length; j++)
            {
                uint a = uints[i], b = uints[j];
                string line = "a=" + a + " b=" + b + " add=" + UAdd(a, b) + " sub=" + USub(a, b) + " mul=" + UMul(a, b);
                if (b != 0)
                {
                    line += " div=" + UDiv(a, b) + " rem=" + URem(a, b);
                }
                Console.WriteLine(line);
            }
        }

        Console.WriteLine("== compound assignment ==");
        int x = 10;
        x += 5; Console.WriteLine("x += 5 -> " + x);
        x -= 20; Console.WriteLine("x -= 20 -> " + x);
        x *= -3; Console.WriteLine("x *= -3 -> " + x);
        x /= 4; Console.WriteLine("x /= 4 -> " + x);
        x %= 3; Console.WriteLine("x %= 3 -> " + x);
        x <<= 4; Console.WriteLine("x <<= 4 -> " + x);
        x >>= 2; Console.WriteLine("x >>= 2 -> " + x);
        x |= 0x100; Console.WriteLine("x |= 0x100 -> " + x);
        x &= 0x1F0; Console.WriteLine("x &= 0x1F0 -> " + x);
        x ^= 0xFF; Console.WriteLine("x ^= 0xFF -> " + x);

        Console.WriteLine("== wrap-around (unchecked) ==");
        int max = ints[12], min = ints[13];
        Console.WriteLine("max+1 = " + unchecked(max + 1));
        Console.WriteLine("min-1 = " + unchecked(min - 1));
        Console.WriteLine("max*2 = " + unchecked(max * 2));
        Console.WriteLine("min*-1 = " + unchecked(min * -1));
        Console.WriteLine("-min = " + unchecked(-min));
        Console.WriteLine("65536*65536 = " + unchecked(ints[11] * ints[11]));
        Console.WriteLine("12345*12345*12345 = " + unchecked(ints[10] * ints[10] * ints[10]));
        uint umax = uints[9];
        Console.WriteLine("umax+1 = " + unchecked(umax + 1));
        Console.WriteLine("0u-1 = " + unchecked(uints[0] - 1));

        Console.WriteLine("== checked, no overflow ==");
        int c1 = checked(ints[10] * 100);
        int c2 = checked(max - 1);
        int c3 = checked(min + 1);
        uint c4 = checked(umax - 1);
        uint c5 = checked(uints[7] * 65535u);
        Console.WriteLine("c1=" + c1 + " c2=" + c2 + " c3=" + c3 + " c4=" + c4 + " c5=" + c5);

        Console.WriteLine("== small types promote to int ==");
        byte bA = 200, bB = 100;
        int bSum = bA + bB;
        byte bWrap = (byte)(bA + bB);
        sbyte sA = -100, sB = -50;
        int sSum = sA + sB;
        sbyte sWrap = (sbyte)(sA + sB);
        short shA = 30000, shB = 10000;
        short shWrap = (short)(shA + shB);
        ushort usA = 60000;
        ushort usWrap = (ushort)(usA * 2);
        char ch = 'A';
        int chPlus = ch + 2;
        char ch2 = (char)(ch + 25);
        Console.WriteLine("bSum=" + bSum + " bWrap=" + bWrap + " sSum=" + sSum + " sWrap=" + sWrap);
        Console.WriteLine("shWrap=" + shWrap + " usWrap=" + usWrap + " chPlus=" + chPlus + " ch2=" + ch2);
        bA++; sA--; shA += 3000; usA += 6000; ch++;
        Console.WriteLine("bA=" + bA + " sA=" + sA + " shA=" + shA + " usA=" + usA + " ch=" + ch);

        Console.WriteLine("== accumulate ==");
        int acc = 1;
        uint uacc = 1;
        for (int i = 1; i <= 40; i++)
        {
            acc = unchecked(acc * 31 + i);
            uacc = unchecked(uacc * 2654435761u + (uint)i);
        }
        Console.WriteLine("acc=" + acc + " uacc=" + uacc);
        int sum = 0;
        for (int i = -500; i <= 500; i += 7) sum += i * i / 3 - i % 5;
        Console.WriteLine("sum=" + sum);

        Console.WriteLine("== division by constants ==");
        for (int i = 0; i < ints.Length; i++)
        {
            int a = ints[i];
            Console.WriteLine(a + ": /2=" + (a / 2) + " %2=" + (a % 2) + " /3=" + (a / 3) + " %3=" + (a % 3) + " /8=" + (a / 8) + " %8=" + (a % 8) + " /-7=" + (a / -7) + " %-7=" + (a % -7) + " /1000=" + (a / 1000));
        }
        for (int i = 0; i < uints.Length; i++)
        {
            uint a = uints[i];
            Console.WriteLine(a + "u: /2=" + (a / 2) + " %2=" + (a % 2) + " /3=" + (a / 3) + " %3=" + (a % 3) + " /16=" + (a / 16) + " %16=" + (a % 16) + " /7=" + (a / 7));
        }
    }
}
