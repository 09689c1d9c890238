// CheckedConversions: every conv.ovf.* (signed and .un sources, integer and floating point)
// at and just past the bounds of its target, NaN and infinities, and checked arithmetic; each
// either prints the converted value or OverflowException with Mono's message.
using System;

class CheckedConversions
{
    static int failures;

    static void Report(string what, string result)
    {
        Console.WriteLine(what + " = " + result);
    }

    static void Fail(string what, Exception e)
    {
        failures++;
        Console.WriteLine(what + " -> " + e.GetType().Name + ": " + e.Message);
    }

    static void FromLong(long v)
    {
        string w = "(long " + v + ")";
        try { Report(w + " to sbyte", checked((sbyte)v).ToString()); } catch (OverflowException e) { Fail(w + " to sbyte", e); }
        try { Report(w + " to byte", checked((byte)v).ToString()); } catch (OverflowException e) { Fail(w + " to byte", e); }
        try { Report(w + " to short", checked((short)v).ToString()); } catch (OverflowException e) { Fail(w + " to short", e); }
        try { Report(w + " to ushort", checked((ushort)v).ToString()); } catch (OverflowException e) { Fail(w + " to ushort", e); }
        try { Report(w + " to char", ((int)checked((char)v)).ToString()); } catch (OverflowException e) { Fail(w + " to char", e); }
        try { Report(w + " to int", checked((int)v).ToString()); } catch (OverflowException e) { Fail(w + " to int", e); }
        try { Report(w + " to uint", checked((uint)v).ToString()); } catch (OverflowException e) { Fail(w + " to uint", e); }
        try { Report(w + " to ulong", checked((ulong)v).ToString()); } catch (OverflowException e) { Fail(w + " to ulong", e); }
    }

    static void FromInt(int v)
    {
        string w = "(int " + v + ")";
        try { Report(w + " to sbyte", checked((sbyte)v).ToString()); } catch (OverflowException e) { Fail(w + " to sbyte", e); }
        try { Report(w + " to byte", checked((byte)v).ToString()); } catch (OverflowException e) { Fail(w + " to byte", e); }
        try { Report(w + " to short", checked((short)v).ToString()); } catch (OverflowException e) { Fail(w + " to short", e); }
        try { Report(w + " to ushort", checked((ushort)v).ToString()); } catch (OverflowException e) { Fail(w + " to ushort", e); }
        try { Report(w + " to uint", checked((uint)v).ToString()); } catch (OverflowException e) { Fail(w + " to uint", e); }
        try { Report(w + " to ulong", checked((ulong)v).ToString()); } catch (OverflowException e) { Fail(w + " to ulong", e); }
        try { Report(w + " to nuint", checked((UIntPtr)v).ToString()); } catch (OverflowException e) { Fail(w + " to nuint", e); }
    }

    static void FromUInt(uint v)
    {
        string w = "(uint " + v + ")";
        try { Report(w + " to sbyte", checked((sbyte)v).ToString()); } catch (OverflowException e) { Fail(w + " to sbyte", e); }
        try { Report(w + " to byte", checked((byte)v).ToString()); } catch (OverflowException e) { Fail(w + " to byte", e); }
        try { Report(w + " to short", checked((short)v).ToString()); } catch (OverflowException e) { Fail(w + " to short", e); }
        try { Report(w + " to ushort", checked((ushort)v).ToString()); } catch (OverflowException e) { Fail(w + " to ushort", e); }
        try { Report(w + " to int", checked((int)v).ToString()); } catch (OverflowException e) { Fail(w + " to int", e); }
        try { Report(w + " to long", checked((long)v).ToString()); } catch (OverflowException e) { Fail(w + " to long", e); }
    }

    static void FromULong(ulong v)
    {
        string w = "(ulong " + v + ")";
        try { Report(w + " to sbyte", checked((sbyte)v).ToString()); } catch (OverflowException e) { Fail(w + " to sbyte", e); }
        try { Report(w + " to byte", checked((byte)v).ToString()); } catch (OverflowException e) { Fail(w + " to byte", e); }
        try { Report(w + " to int", checked((int)v).ToString()); } catch (OverflowException e) { Fail(w + " to int", e); }
        try { Report(w + " to uint", checked((uint)v).ToString()); } catch (OverflowException e) { Fail(w + " to uint", e); }
        try { Report(w + " to long", checked((long)v).ToString()); } catch (OverflowException e) { Fail(w + " to long", e); }
        try { Report(w + " to nint", checked((IntPtr)(long)v).ToString()); } catch (OverflowException e) { Fail(w + " to nint", e); }
    }

    static void FromDouble(double v)
    {
        string w = "(double " + v.ToString("R") + ")";
        try { Report(w + " to sbyte", checked((sbyte)v).ToString()); } catch (OverflowException e) { Fail(w + " to sbyte", e); }
        try { Report(w + " to byte", checked((byte)v).ToString()); } catch (OverflowException e) { Fail(w + " to byte", e); }
        try { Report(w + " to short", checked((short)v).ToString()); } catch (OverflowException e) { Fail(w + " to short", e); }
        try { Report(w + " to ushort", checked((ushort)v).ToString()); } catch (OverflowException e) { Fail(w + " to ushort", e); }
        try { Report(w + " to char", ((int)checked((char)v)).ToString()); } catch (OverflowException e) { Fail(w + " to char", e); }
        try { Report(w + " to int", checked((int)v).ToString()); } catch (OverflowException e) { Fail(w + " to int", e); }
        try { Report(w + " to uint", checked((uint)v).ToString()); } catch (OverflowException e) { Fail(w + " to uint", e); }
        try { Report(w + " to long", checked((long)v).ToString()); } catch (OverflowException e) { Fail(w + " to long", e); }
        try { Report(w + " to ulong", checked((ulong)v).ToString()); } catch (OverflowException e) { Fail(w + " to ulong", e); }
    }

    static void FromFloat(float v)
    {
        string w = "(float " + v.ToString("R") + ")";
        try { Report(w + " to sbyte", checked((sbyte)v).ToString()); } catch (OverflowException e) { Fail(w + " to sbyte", e); }
        try { Report(w + " to int", checked((int)v).ToString()); } catch (OverflowException e) { Fail(w + " to int", e); }
        try { Report(w + " to uint", checked((uint)v).ToString()); } catch (OverflowException e) { Fail(w + " to uint", e); }
        try { Report(w + " to long", checked((long)v).ToString()); } catch (OverflowException e) { Fail(w + " to long", e); }
        try { Report(w + " to ulong", checked((ulong)v).ToString()); } catch (OverflowException e) { Fail(w + " to ulong", e); }
    }

    static int MinusOne() { return -1; }

    static void Arithmetic()
    {
        int imax = int.MaxValue, imin = int.MinValue;
        long lmax = long.MaxValue, lmin = long.MinValue;
        uint umax = uint.MaxValue;
        ulong ulmax = ulong.MaxValue;
        try { Report("int max + 1", checked(imax + 1).ToString()); } catch (OverflowException e) { Fail("int max + 1", e); }
        try { Report("int min - 1", checked(imin - 1).ToString()); } catch (OverflowException e) { Fail("int min - 1", e); }
        try { Report("int max * 2", checked(imax * 2).ToString()); } catch (OverflowException e) { Fail("int max * 2", e); }
        try { Report("int min * -1", checked(imin * -1).ToString()); } catch (OverflowException e) { Fail("int min * -1", e); }
        try { Report("-int min", checked(-imin).ToString()); } catch (OverflowException e) { Fail("-int min", e); }
        try { Report("long max + 1", checked(lmax + 1).ToString()); } catch (OverflowException e) { Fail("long max + 1", e); }
        try { Report("long min - 1", checked(lmin - 1).ToString()); } catch (OverflowException e) { Fail("long min - 1", e); }
        try { Report("long max * 3", checked(lmax * 3).ToString()); } catch (OverflowException e) { Fail("long max * 3", e); }
        try { Report("uint max + 1", checked(umax + 1).ToString()); } catch (OverflowException e) { Fail("uint max + 1", e); }
        try { Report("uint 0 - 1", checked(umax - umax - 1).ToString()); } catch (OverflowException e) { Fail("uint 0 - 1", e); }
        try { Report("uint max * 2", checked(umax * 2).ToString()); } catch (OverflowException e) { Fail("uint max * 2", e); }
        try { Report("ulong max + 1", checked(ulmax + 1).ToString()); } catch (OverflowException e) { Fail("ulong max + 1", e); }
        try { Report("ulong max * 2", checked(ulmax * 2).ToString()); } catch (OverflowException e) { Fail("ulong max * 2", e); }
        // Division overflows are OverflowException too (the divisor comes from a call: Mono folds
        // constant operands differently).
        int m1 = MinusOne();
        long l1 = m1;
        try { Report("int min / -1", (imin / m1).ToString()); } catch (OverflowException e) { Fail("int min / -1", e); }
        try { Report("int min % -1", (imin % m1).ToString()); } catch (OverflowException e) { Fail("int min % -1", e); }
        try { Report("long min / -1", (lmin / l1).ToString()); } catch (OverflowException e) { Fail("long min / -1", e); }
        try { Report("long min % -1", (lmin % l1).ToString()); } catch (OverflowException e) { Fail("long min % -1", e); }
        try { Report("within bounds", checked(imax - 1 + 1).ToString()); } catch (OverflowException e) { Fail("within bounds", e); }
    }

    static void Main()
    {
        long[] longs = { 0, -1, 127, 128, -128, -129, 255, 256, 32767, 32768, -32768, -32769, 65535, 65536,
                         2147483647, 2147483648, -2147483648, -2147483649, 4294967295, 4294967296,
                         long.MaxValue, long.MinValue };
        foreach (long v in longs) FromLong(v);
        int[] ints = { 0, -1, 127, 128, -129, 255, 256, 65536, int.MaxValue, int.MinValue };
        foreach (int v in ints) FromInt(v);
        uint[] uints = { 0, 127, 128, 255, 256, 32768, 65536, 2147483647, 2147483648, uint.MaxValue };
        foreach (uint v in uints) FromUInt(v);
        ulong[] ulongs = { 0, 255, 256, 2147483648, 4294967296, 9223372036854775807, 9223372036854775808, ulong.MaxValue };
        foreach (ulong v in ulongs) FromULong(v);
        double[] doubles = { 0.0, -0.0, -0.9, -1.0, 0.9, 127.9, 128.0, -128.9, -129.0, 255.99, 256.0, 65535.5, 65536.0,
                             2147483647.9, 2147483648.0, -2147483648.9, -2147483649.0, 4294967295.5, 4294967296.0,
                             9.2233720368547748E+18, 9.2233720368547758E+18, -9.2233720368547758E+18, -9.2233720368547779E+18,
                             1.8446744073709550E+19, 1.8446744073709552E+19, 1e300, -1e300,
                             double.NaN, double.PositiveInfinity, double.NegativeInfinity, double.Epsilon };
        foreach (double v in doubles) FromDouble(v);
        float[] floats = { 0f, -0.5f, 127.5f, 128f, 2.1474836E+09f, 2.147484E+09f, 4.2949673E+09f, 9.223372E+18f,
                           1.8446743E+19f, 1.8446744E+19f, float.NaN, float.PositiveInfinity, float.NegativeInfinity };
        foreach (float v in floats) FromFloat(v);
        Arithmetic();
        Console.WriteLine(failures + " overflows");
    }
}
