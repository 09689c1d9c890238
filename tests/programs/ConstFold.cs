// Integer operations on constants that the JIT folds at compile time (small methods inlined
// with constant arguments), printed beside the same operations on run-time values.
using System;

class ConstFold
{
    static int Add(int a, int b) { return a + b; }
    static int Sub(int a, int b) { return a - b; }
    static int Mul(int a, int b) { return a * b; }
    static int And(int a, int b) { return a & b; }
    static int Or(int a, int b) { return a | b; }
    static int Xor(int a, int b) { return a ^ b; }
    static int Shl(int a, int b) { return a << b; }
    static int Shr(int a, int b) { return a >> b; }
    static uint ShrUn(uint a, int b) { return a >> b; }
    static long LAdd(long a, long b) { return a + b; }
    static long LSub(long a, long b) { return a - b; }
    static long LMul(long a, long b) { return a * b; }
    static long LXor(long a, long b) { return a ^ b; }
    static long LShl(long a, int b) { return a << b; }
    static long LShr(long a, int b) { return a >> b; }
    static ulong LShrUn(ulong a, int b) { return a >> b; }
    static long Widen(int a) { return a; }
    static long WidenUn(uint a) { return a; }
    static ulong ToULong(int a) { return (ulong)a; }
    static int Narrow(long a) { return (int)a; }
    static sbyte ToSByte(int a) { return (sbyte)a; }
    static byte ToByte(int a) { return (byte)a; }
    static short ToShort(int a) { return (short)a; }
    static ushort ToUShort(int a) { return (ushort)a; }
    static long MulWide(int a) { return a * 31L + 7; }
    static long ConstLeft(long a) { return 1000000L - a; }

    static void Main()
    {
        // Constant arguments: folded.
        Console.WriteLine("{0} {1} {2} {3} {4} {5}", Add(int.MaxValue, 1), Sub(int.MinValue, 1),
            Mul(0x10000, 0x10000), And(-16, 0xff), Or(0x0f, 0x70), Xor(-1, 0x55));
        Console.WriteLine("{0} {1} {2} {3} {4}", Shl(1, 31), Shl(3, 33), Shr(-8, 1), Shr(-1, 40),
            ShrUn(0x80000000u, 31));
        Console.WriteLine("{0} {1} {2} {3}", LAdd(long.MaxValue, 1), LSub(long.MinValue, 1),
            LMul(long.MaxValue, 3), LXor(-1L, 0x1234567890L));
        Console.WriteLine("{0} {1} {2} {3}", LShl(1, 63), LShl(5, 66), LShr(long.MinValue, 63),
            LShrUn(0x8000000000000000UL, 63));
        Console.WriteLine("{0} {1} {2} {3} {4}", Widen(-5), WidenUn(0xfffffffbu), ToULong(-5),
            Narrow(0x123456789AL), Narrow(-1L));
        Console.WriteLine("{0} {1} {2} {3}", ToSByte(200), ToByte(-1), ToShort(40000), ToUShort(-1));
        Console.WriteLine("{0} {1} {2}", MulWide(-100000000), MulWide(77), ConstLeft(-5));

        // The same operations on values only known at run time.
        int[] i = { int.MaxValue, 1, int.MinValue, 0x10000, -16, 0xff, 0x0f, 0x70, -1, 0x55, 31, 3, 33, -8, 40, 200, 40000, -5, -100000000, 77 };
        long[] l = { long.MaxValue, 1, long.MinValue, 3, -1L, 0x1234567890L, 63, 5, 66, 0x123456789AL };
        uint[] u = { 0x80000000u, 0xfffffffbu };
        ulong[] ul = { 0x8000000000000000UL };
        Console.WriteLine("{0} {1} {2} {3} {4} {5}", Add(i[0], i[1]), Sub(i[2], i[1]),
            Mul(i[3], i[3]), And(i[4], i[5]), Or(i[6], i[7]), Xor(i[8], i[9]));
        Console.WriteLine("{0} {1} {2} {3} {4}", Shl(i[1], i[10]), Shl(i[11], i[12]), Shr(i[13], i[1]), Shr(i[8], i[14]),
            ShrUn(u[0], i[10]));
        Console.WriteLine("{0} {1} {2} {3}", LAdd(l[0], l[1]), LSub(l[2], l[1]),
            LMul(l[0], l[3]), LXor(l[4], l[5]));
        Console.WriteLine("{0} {1} {2} {3}", LShl(l[1], (int)l[6]), LShl(l[7], (int)l[8]), LShr(l[2], (int)l[6]),
            LShrUn(ul[0], (int)l[6]));
        Console.WriteLine("{0} {1} {2} {3} {4}", Widen(i[17]), WidenUn(u[1]), ToULong(i[17]),
            Narrow(l[9]), Narrow(l[4]));
        Console.WriteLine("{0} {1} {2} {3}", ToSByte(i[15]), ToByte(i[8]), ToShort(i[16]), ToUShort(i[8]));
        Console.WriteLine("{0} {1} {2}", MulWide(i[18]), MulWide(i[19]), ConstLeft(i[17]));
    }
}
