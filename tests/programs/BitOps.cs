// BitOps: and/or/xor/not and shifts on int, uint, long, ulong, byte, ushort; arithmetic vs
// logical right shift; hand-written popcount, rotate, bit reverse, leading/trailing zero
// count, parity, power-of-two tests, bit-field packing and a CRC-32 over a byte array.
using System;

class BitOps
{
    static uint[] words = { 0u, 1u, 0x80000000u, 0xFFFFFFFFu, 0x12345678u, 0xDEADBEEFu, 0x0F0F0F0Fu, 0xAAAAAAAAu, 1024u, 0x7FFFFFFFu };
    static ulong[] qwords = { 0UL, 1UL, 0x8000000000000000UL, 0xFFFFFFFFFFFFFFFFUL, 0x0123456789ABCDEFUL, 0xCAFEBABEDEADBEEFUL, 0x00000000FFFFFFFFUL };

    static int PopCount(uint x)
    {
        int n = 0;
        while (x != 0) { x &= x - 1; n++; }
        return n;
    }

    static int PopCount64(ulong x)
    {
        x = x - ((x >> 1) & 0x5555555555555555UL);
        x = (x & 0x3333333333333333UL) + ((x >> 2) & 0x3333333333333333UL);
        x = (x + (x >> 4)) & 0x0F0F0F0F0F0F0F0FUL;
        return (int)((x * 0x0101010101010101UL) >> 56);
    }

    static uint RotL(uint x, int n) { return (x << n) | (x >> (32 - n)); }
    static uint RotR(uint x, int n) { return (x >> n) | (x << (32 - n)); }
    static ulong RotL64(ulong x, int n) { return (x << n) | (x >> (64 - n)); }

    static uint Reverse(uint x)
    {
        x = ((x >> 1) & 0x55555555u) | ((x & 0x55555555u) << 1);
        x = ((x >> 2) & 0x33333333u) | ((x & 0x33333333u) << 2);
        x = ((x >> 4) & 0x0F0F0F0Fu) | ((x & 0x0F0F0F0Fu) << 4);
        x = ((x >> 8) & 0x00FF00FFu) | ((x & 0x00FF00FFu) << 8);
        return (x >> 16) | (x << 16);
    }

    static int Clz(uint x)
    {
        if (x == 0) return 32;
        int n = 0;
        while ((x & 0x80000000u) == 0) { x <<= 1; n++; }
        return n;
    }

    static int Ctz(ulong x)
    {
        if (x == 0) return 64;
        int n = 0;
        while ((x & 1) == 0) { x >>= 1; n++; }
        return n;
    }

    static bool IsPow2(uint x) { return x != 0 && (x & (x - 1)) == 0; }

    static uint Crc32(byte[] data)
    {
        uint crc = 0xFFFFFFFFu;
        for (int i = 0; i < data.Length; i++)
        {
            crc ^= data[i];
            for (int k = 0; k < 8; k++)
            {
                if ((crc & 1) != 0) crc = (crc >> 1) ^ 0xEDB88320u;
                else crc >>= 1;
            }
        }
        return ~crc;
    }

    static void Main()
    {
        Console.WriteLine("== uint words ==");
        for (int i = 0; i < words.Length; i++)
        {
            uint x = words[i];
            Console.WriteLine(string.Format("{0:X8}: not={1:X8} pop={2} rotl5={3:X8} rotr7={4:X8} rev={5:X8} clz={6} pow2={7} neg={8:X8}",
                x, ~x, PopCount(x), RotL(x, 5), RotR(x, 7), Reverse(x), Clz(x), IsPow2(x), (uint)(-(int)x)));
        }

        Console.WriteLine("== pairwise and/or/xor ==");
        for (int i = 0; i < words.Length; i += 2)
        {
            for (int j = 1; j < words.Length; j += 3)
            {
                uint a = words[i], b = words[j];
                int sa = (int)a, sb = (int)b;
                Console.WriteLine(string.Format("{0:x}&{1:x}={2:x} |={3:x} ^={4:x} andnot={5:x} signed&={6} signed|={7}",
                    a, b, a & b, a | b, a ^ b, a & ~b, sa & sb, sa | sb));
            }
        }

        Console.WriteLine("== ulong qwords ==");
        for (int i = 0; i < qwords.Length; i++)
        {
            ulong x = qwords[i];
            long sx = (long)x;
            Console.WriteLine(string.Format("{0:X16}: not={1:X16} pop={2} rotl13={3:X16} ctz={4} sar4={5} shr4={6:X} lo={7:X} hi={8:X}",
                x, ~x, PopCount64(x), RotL64(x, 13), Ctz(x), sx >> 4, x >> 4, (uint)x, (uint)(x >> 32)));
        }

        Console.WriteLine("== arithmetic vs logical shift ==");
        int neg = -1000;
        uint uneg = (uint)neg;
        long lneg = -1000L;
        ulong ulneg = (ulong)lneg;
        for (int n = 0; n < 34; n += 3)
        {
            Console.WriteLine("n=" + n + " int>>=" + (neg >> n) + " uint>>=" + (uneg >> n) + " long>>=" + (lneg >> n) + " ulong>>=" + (ulneg >> n) + " int<<=" + (neg << n));
        }

        Console.WriteLine("== small types ==");
        byte b1 = 0xC3, b2 = 0x5A;
        ushort w1 = 0xF00F, w2 = 0x1234;
        sbyte sb1 = -0x3D;
        Console.WriteLine("byte & | ^ ~: " + (b1 & b2) + " " + (b1 | b2) + " " + (b1 ^ b2) + " " + (~b1) + " (byte)~=" + (byte)~b1);
        Console.WriteLine("ushort & | ^ ~: " + (w1 & w2) + " " + (w1 | w2) + " " + (w1 ^ w2) + " " + (~w1) + " (ushort)~=" + (ushort)~w1);
        Console.WriteLine("sbyte >> 2: " + (sb1 >> 2) + " sbyte & 0xFF: " + (sb1 & 0xFF) + " (byte)sbyte: " + (byte)sb1);
        b1 &= 0x0F; b2 |= 0x80; w1 ^= 0xFFFF; w2 <<= 4;
        Console.WriteLine("compound: " + b1 + " " + b2 + " " + w1 + " " + w2);

        Console.WriteLine("== bit fields ==");
        uint packed = 0;
        for (int k = 0; k < 8; k++)
        {
            uint field = (uint)(k * 3 + 1) & 0xF;
            packed |= field << (k * 4);
        }
        Console.WriteLine(string.Format("packed={0:X8}", packed));
        for (int k = 0; k < 8; k++) Console.Write(((packed >> (k * 4)) & 0xF) + (k < 7 ? "," : "\n"));
        ulong flags = 0;
        for (int k = 0; k < 64; k += 5) flags |= 1UL << k;
        Console.WriteLine(string.Format("flags={0:X16} pop={1} test10={2} test11={3}", flags, PopCount64(flags), (flags & (1UL << 10)) != 0, (flags & (1UL << 11)) != 0));
        flags &= ~(1UL << 10);
        Console.WriteLine(string.Format("after clear 10: {0:X16}", flags));

        Console.WriteLine("== bool logic ==");
        bool[] bs = { false, true };
        for (int i = 0; i < 2; i++)
            for (int j = 0; j < 2; j++)
                Console.WriteLine(bs[i] + "," + bs[j] + ": & " + (bs[i] & bs[j]) + " | " + (bs[i] | bs[j]) + " ^ " + (bs[i] ^ bs[j]) + " && " + (bs[i] && bs[j]) + " || " + (bs[i] || bs[j]));

        Console.WriteLine("== crc32 ==");
        byte[] data = new byte[256];
        for (int i = 0; i < data.Length; i++) data[i] = (byte)(i * 7 + 3);
        Console.WriteLine(string.Format("crc32={0:X8}", Crc32(data)));
        byte[] text = new byte[9];
        for (int i = 0; i < 9; i++) text[i] = (byte)('1' + i);
        Console.WriteLine(string.Format("crc32(\"123456789\")={0:X8}", Crc32(text)));

        Console.WriteLine("== xorshift ==");
        uint s = 2463534242u;
        uint mix = 0;
        for (int i = 0; i < 1000; i++)
        {
            s ^= s << 13; s ^= s >> 17; s ^= s << 5;
            mix += s;
        }
        Console.WriteLine("xorshift32 state=" + s + " mix=" + mix);
        ulong s64 = 88172645463325252UL;
        for (int i = 0; i < 1000; i++) { s64 ^= s64 << 13; s64 ^= s64 >> 7; s64 ^= s64 << 17; }
        Console.WriteLine("xorshift64 state=" + s64);
    }
}
