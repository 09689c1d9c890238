// Conversions: every unchecked conversion between sbyte, byte, short, ushort, int, uint,
// long, ulong, char, float and double (conv.* opcodes incl. conv.r.un), with edge values:
// truncation, sign/zero extension, negative -> unsigned, NaN and infinities -> integers,
// out-of-range doubles -> integers (unchecked: whatever mono yields), plus shift counts
// that are negative or >= the operand width, and checked conversions that succeed.
// Generated once by a small script; edit freely. Chars are printed as their code.
using System;

class Conversions
{
    static sbyte[] sbyteValues = { 0, 1, -1, 127, -128, 100, -100 };
    static byte[] byteValues = { 0, 1, 127, 128, 200, 255 };
    static short[] shortValues = { 0, -1, 127, 128, 255, 256, -129, 32767, -32768, 1000 };
    static ushort[] ushortValues = { 0, 1, 255, 256, 32767, 32768, 65535 };
    static int[] intValues = { 0, 1, -1, 127, 128, -128, -129, 255, 256, 32767, 32768, 65535, 65536, -32769, 16777217, 2147483647, -2147483648, 123456789 };
    static uint[] uintValues = { 0u, 1u, 255u, 65535u, 65536u, 2147483647u, 2147483648u, 4294967295u, 16777217u, 3000000000u };
    static long[] longValues = { 0L, -1L, 255L, 65536L, 2147483647L, 2147483648L, -2147483649L, 4294967295L, 4294967296L, 9007199254740993L, 9223372036854775807L, -9223372036854775808L, 1311768467463790320L };
    static ulong[] ulongValues = { 0UL, 1UL, 4294967295UL, 4294967296UL, 9223372036854775807UL, 9223372036854775808UL, 18446744073709551615UL, 9007199254740993UL, 12345678901234567890UL };
    static char[] charValues = { '\0', 'A', 'z', (char)127, (char)128, (char)255, (char)256, (char)0x7FFF, (char)0x8000, (char)0xFFFF };
    static float[] floatValues = { 0f, -0f, 0.5f, -0.5f, 1.5f, -1.5f, 2.5f, 3.7f, -3.7f, 127.9f, 128f, -129f, 255.9f, 256f, -1f, 32767.5f, 65535.9f, 65536f, 1e9f, -1e9f, 16777217f, 3e9f, -3e9f, 1e10f, 1e19f, 1e20f, -1e20f, float.NaN, float.PositiveInfinity, float.NegativeInfinity, float.MaxValue, float.Epsilon };
    static double[] doubleValues = { 0.0, -0.0, 0.5, -0.5, 1.5, 2.5, -2.5, 3.7, -3.7, 127.9, 128.0, -129.0, 255.9, 256.0, -1.0, 65535.9, 65536.0, 2147483647.0, 2147483647.5, 2147483648.0, -2147483648.0, -2147483649.0, 4294967295.0, 4294967296.0, 1e10, -1e10, 9007199254740993.0, 9.2e18, 9.3e18, -9.3e18, 1.8e19, 1.9e19, 1e20, -1e20, 0.1, 1e-300, 1e300, double.NaN, double.PositiveInfinity, double.NegativeInfinity, double.MaxValue, double.MinValue, double.Epsilon };

    static void From_sbyte(sbyte v)
    {
        Console.WriteLine("sbyte " + v + ":" + " sbyte=" + unchecked((sbyte)v) + " byte=" + unchecked((byte)v) + " short=" + unchecked((short)v) + " ushort=" + unchecked((ushort)v) + " int=" + unchecked((int)v) + " uint=" + unchecked((uint)v) + " long=" + unchecked((long)v) + " ulong=" + unchecked((ulong)v) + " char=" + (int)unchecked((char)v) + " float=" + unchecked((float)v) + " double=" + unchecked((double)v));
    }

    static void From_byte(byte v)
    {
        Console.WriteLine("byte " + v + ":" + " sbyte=" + unchecked((sbyte)v) + " byte=" + unchecked((byte)v) + " short=" + unchecked((short)v) + " ushort=" + unchecked((ushort)v) + " int=" + unchecked((int)v) + " uint=" + unchecked((uint)v) + " long=" + unchecked((long)v) + " ulong=" + unchecked((ulong)v) + " char=" + (int)unchecked((char)v) + " float=" + unchecked((float)v) + " double=" + unchecked((double)v));
    }

    static void From_short(short v)
    {
        Console.WriteLine("short " + v + ":" + " sbyte=" + unchecked((sbyte)v) + " byte=" + unchecked((byte)v) + " short=" + unchecked((short)v) + " ushort=" + unchecked((ushort)v) + " int=" + unchecked((int)v) + " uint=" + unchecked((uint)v) + " long=" + unchecked((long)v) + " ulong=" + unchecked((ulong)v) + " char=" + (int)unchecked((char)v) + " float=" + unchecked((float)v) + " double=" + unchecked((double)v));
    }

    static void From_ushort(ushort v)
    {
        Console.WriteLine("ushort " + v + ":" + " sbyte=" + unchecked((sbyte)v) + " byte=" + unchecked((byte)v) + " short=" + unchecked((short)v) + " ushort=" + unchecked((ushort)v) + " int=" + unchecked((int)v) + " uint=" + unchecked((uint)v) + " long=" + unchecked((long)v) + " ulong=" + unchecked((ulong)v) + " char=" + (int)unchecked((char)v) + " float=" + unchecked((float)v) + " double=" + unchecked((double)v));
    }

    static void From_int(int v)
    {
        Console.WriteLine("int " + v + ":" + " sbyte=" + unchecked((sbyte)v) + " byte=" + unchecked((byte)v) + " short=" + unchecked((short)v) + " ushort=" + unchecked((ushort)v) + " int=" + unchecked((int)v) + " uint=" + unchecked((uint)v) + " long=" + unchecked((long)v) + " ulong=" + unchecked((ulong)v) + " char=" + (int)unchecked((char)v) + " float=" + unchecked((float)v) + " double=" + unchecked((double)v));
    }

    static void From_uint(uint v)
    {
        Console.WriteLine("uint " + v + ":" + " sbyte=" + unchecked((sbyte)v) + " byte=" + unchecked((byte)v) + " short=" + unchecked((short)v) + " ushort=" + unchecked((ushort)v) + " int=" + unchecked((int)v) + " uint=" + unchecked((uint)v) + " long=" + unchecked((long)v) + " ulong=" + unchecked((ulong)v) + " char=" + (int)unchecked((char)v) + " float=" + unchecked((float)v) + " double=" + unchecked((double)v));
    }

    static void From_long(long v)
    {
        Console.WriteLine("long " + v + ":" + " sbyte=" + unchecked((sbyte)v) + " byte=" + unchecked((byte)v) + " short=" + unchecked((short)v) + " ushort=" + unchecked((ushort)v) + " int=" + unchecked((int)v) + " uint=" + unchecked((uint)v) + " long=" + unchecked((long)v) + " ulong=" + unchecked((ulong)v) + " char=" + (int)unchecked((char)v) + " float=" + unchecked((float)v) + " double=" + unchecked((double)v));
    }

    static void From_ulong(ulong v)
    {
        Console.WriteLine("ulong " + v + ":" + " sbyte=" + unchecked((sbyte)v) + " byte=" + unchecked((byte)v) + " short=" + unchecked((short)v) + " ushort=" + unchecked((ushort)v) + " int=" + unchecked((int)v) + " uint=" + unchecked((uint)v) + " long=" + unchecked((long)v) + " ulong=" + unchecked((ulong)v) + " char=" + (int)unchecked((char)v) + " float=" + unchecked((float)v) + " double=" + unchecked((double)v));
    }

    static void From_char(char v)
    {
        Console.WriteLine("char " + (int)v + ":" + " sbyte=" + unchecked((sbyte)v) + " byte=" + unchecked((byte)v) + " short=" + unchecked((short)v) + " ushort=" + unchecked((ushort)v) + " int=" + unchecked((int)v) + " uint=" + unchecked((uint)v) + " long=" + unchecked((long)v) + " ulong=" + unchecked((ulong)v) + " char=" + (int)unchecked((char)v) + " float=" + unchecked((float)v) + " double=" + unchecked((double)v));
    }

    static void From_float(float v)
    {
        Console.WriteLine("float " + v + ":" + " sbyte=" + unchecked((sbyte)v) + " byte=" + unchecked((byte)v) + " short=" + unchecked((short)v) + " ushort=" + unchecked((ushort)v) + " int=" + unchecked((int)v) + " uint=" + unchecked((uint)v) + " long=" + unchecked((long)v) + " ulong=" + unchecked((ulong)v) + " char=" + (int)unchecked((char)v) + " float=" + unchecked((float)v) + " double=" + unchecked((double)v));
    }

    static void From_double(double v)
    {
        Console.WriteLine("double " + v + ":" + " sbyte=" + unchecked((sbyte)v) + " byte=" + unchecked((byte)v) + " short=" + unchecked((short)v) + " ushort=" + unchecked((ushort)v) + " int=" + unchecked((int)v) + " uint=" + unchecked((uint)v) + " long=" + unchecked((long)v) + " ulong=" + unchecked((ulong)v) + " char=" + (int)unchecked((char)v) + " float=" + unchecked((float)v) + " double=" + unchecked((double)v));
    }

    static void Main()
    {
        Console.WriteLine("== from sbyte ==");
        for (int i = 0; i < sbyteValues.Length; i++) From_sbyte(sbyteValues[i]);
        Console.WriteLine("== from byte ==");
        for (int i = 0; i < byteValues.Length; i++) From_byte(byteValues[i]);
        Console.WriteLine("== from short ==");
        for (int i = 0; i < shortValues.Length; i++) From_short(shortValues[i]);
        Console.WriteLine("== from ushort ==");
        for (int i = 0; i < ushortValues.Length; i++) From_ushort(ushortValues[i]);
        Console.WriteLine("== from int ==");
        for (int i = 0; i < intValues.Length; i++) From_int(intValues[i]);
        Console.WriteLine("== from uint ==");
        for (int i = 0; i < uintValues.Length; i++) From_uint(uintValues[i]);
        Console.WriteLine("== from long ==");
        for (int i = 0; i < longValues.Length; i++) From_long(longValues[i]);
        Console.WriteLine("== from ulong ==");
        for (int i = 0; i < ulongValues.Length; i++) From_ulong(ulongValues[i]);
        Console.WriteLine("== from char ==");
        for (int i = 0; i < charValues.Length; i++) From_char(charValues[i]);
        Console.WriteLine("== from float ==");
        for (int i = 0; i < floatValues.Length; i++) From_float(floatValues[i]);
        Console.WriteLine("== from double ==");
        for (int i = 0; i < doubleValues.Length; i++) From_double(doubleValues[i]);
        Console.WriteLine("== implicit widening ==");
        int iv = intValues[16];
        long widened = iv;
        uint uv = uintValues[7];
        long uwidened = uv;
        ulong uuw = uv;
        float fv = floatValues[7];
        double fwidened = fv;
        long bigl = longValues[9];
        double ld = bigl;
        float lf = bigl;
        ulong bigu = ulongValues[6];
        double ud = bigu;
        float uf = bigu;
        Console.WriteLine("int->long " + widened + " uint->long " + uwidened + " uint->ulong " + uuw);
        Console.WriteLine("float->double " + fwidened + " long->double " + ld + " long->float " + lf);
        Console.WriteLine("ulong->double " + ud + " ulong->float " + uf + " R=" + ud.ToString("R"));
        Console.WriteLine("uint->double " + (double)uv + " uint->float " + (float)uv);
        sbyte sb = sbyteValues[2];
        int fromSb = sb;
        long fromSbL = sb;
        byte bb = byteValues[5];
        int fromB = bb;
        short ss = shortValues[8];
        long fromS = ss;
        ushort us = ushortValues[6];
        long fromUs = us;
        char cc = charValues[9];
        long fromC = cc;
        Console.WriteLine("sbyte->int " + fromSb + " sbyte->long " + fromSbL + " byte->int " + fromB + " short->long " + fromS + " ushort->long " + fromUs + " char->long " + fromC);

        Console.WriteLine("== shifts with odd counts ==");
        int[] counts = { 0, 1, 7, 8, 31, 32, 33, 63, 64, 65, -1, -31, -32, -33, 100 };
        int sx = -123456789;
        uint ux = 0x87654321u;
        long lx = -1234567890123456789L;
        ulong ulx = 0xFEDCBA9876543210UL;
        byte bx = 0xF0;
        for (int i = 0; i < counts.Length; i++)
        {
            int n = counts[i];
            Console.WriteLine("n=" + n + " int<<=" + (sx << n) + " int>>=" + (sx >> n) + " uint<<=" + (ux << n) + " uint>>=" + (ux >> n)
                + " long<<=" + (lx << n) + " long>>=" + (lx >> n) + " ulong<<=" + (ulx << n) + " ulong>>=" + (ulx >> n)
                + " byte<<=" + (bx << n) + " byte>>=" + (bx >> n));
        }

        Console.WriteLine("== checked conversions that succeed ==");
        int i255 = intValues[7];
        int im128 = intValues[5];
        double dneg = doubleValues[8];
        double d4g = doubleValues[22];
        double d18 = doubleValues[30];
        double dm92 = -doubleValues[27];
        long l4g = longValues[7];
        ulong ulmax = ulongValues[4];
        uint u2g = uintValues[5];
        float f65535 = floatValues[16];
        Console.WriteLine("checked (byte)255 = " + checked((byte)i255));
        Console.WriteLine("checked (sbyte)-128 = " + checked((sbyte)im128));
        Console.WriteLine("checked (char)65 = " + checked((char)(i255 - 190)));
        Console.WriteLine("checked (ushort)65535 = " + checked((ushort)(i255 * 257)));
        Console.WriteLine("checked (int)-3.7 = " + checked((int)dneg));
        Console.WriteLine("checked (uint)4294967295.0 = " + checked((uint)d4g));
        Console.WriteLine("checked (ulong)1.8e19 = " + checked((ulong)d18));
        Console.WriteLine("checked (long)-9.2e18 = " + checked((long)dm92));
        Console.WriteLine("checked (uint)4294967295L = " + checked((uint)l4g));
        Console.WriteLine("checked (long)ulong 2^63-1 = " + checked((long)ulmax));
        Console.WriteLine("checked (int)2147483647u = " + checked((int)u2g));
        Console.WriteLine("checked (uint)int 255 = " + checked((uint)i255));
        Console.WriteLine("checked (ushort)65535.9f = " + checked((ushort)f65535));
        Console.WriteLine("checked (short)-32768L = " + checked((short)(longValues[1] * 32768)));
        Console.WriteLine("checked (ulong)int 255 = " + checked((ulong)i255));
        Console.WriteLine("checked (byte)char 'z' = " + checked((byte)charValues[2]));
    }
}
