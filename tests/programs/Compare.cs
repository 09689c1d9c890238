// Compare: comparisons as values (ceq/cgt/clt and their .un forms) and as branches
// (beq/bne.un/blt/bge/bgt/ble and .un forms) for int, uint, long, ulong, char, bool,
// float and double — including NaN (every ordered comparison false, != true),
// infinities, -0.0 == 0.0, and object reference equality.
using System;

class Compare
{
    static int[] ints = { int.MinValue, -2, -1, 0, 1, 2, int.MaxValue };
    static uint[] uints = { 0u, 1u, 2147483647u, 2147483648u, 4294967295u };
    static long[] longs = { long.MinValue, -4294967296L, -1L, 0L, 1L, 4294967296L, long.MaxValue };
    static ulong[] ulongs = { 0UL, 1UL, 9223372036854775807UL, 9223372036854775808UL, 18446744073709551615UL };
    static double[] doubles = { double.NegativeInfinity, -1.5, -0.0, 0.0, 1e-300, 2.0, double.PositiveInfinity, double.NaN };
    static float[] floats = { float.NegativeInfinity, -1.5f, 0.0f, 1.5f, float.PositiveInfinity, float.NaN };
    static char[] chars = { '\0', 'A', 'a', '\u00FF', '\uFFFF' };

    static string B(bool b) { return b ? "T" : "F"; }

    // Branch forms: each 'if' compiles to a conditional branch rather than a compare value.
    static string BranchInt(int a, int b)
    {
        string s = "";
        if (a < b) s += "<"; else s += ".";
        if (a <= b) s += "l"; else s += ".";
        if (a > b) s += ">"; else s += ".";
        if (a >= b) s += "g"; else s += ".";
        if (a == b) s += "="; else s += ".";
        if (a != b) s += "!"; else s += ".";
        return s;
    }

    static string BranchUInt(uint a, uint b)
    {
        string s = "";
        if (a < b) s += "<"; else s += ".";
        if (a <= b) s += "l"; else s += ".";
        if (a > b) s += ">"; else s += ".";
        if (a >= b) s += "g"; else s += ".";
        if (a == b) s += "="; else s += ".";
        if (a != b) s += "!"; else s += ".";
        return s;
    }

    static string BranchLong(long a, long b)
    {
        string s = "";
        if (a < b) s += "<"; else s += ".";
        if (a <= b) s += "l"; else s += ".";
        if (a > b) s += ">"; else s += ".";
        if (a >= b) s += "g"; else s += ".";
        if (a == b) s += "="; else s += ".";
        if (a != b) s += "!"; else s += ".";
        return s;
    }

    static string BranchULong(ulong a, ulong b)
    {
        string s = "";
        if (a < b) s += "<"; else s += ".";
        if (a <= b) s += "l"; else s += ".";
        if (a > b) s += ">"; else s += ".";
        if (a >= b) s += "g"; else s += ".";
        if (a == b) s += "="; else s += ".";
        if (a != b) s += "!"; else s += ".";
        return s;
    }

    static string BranchDouble(double a, double b)
    {
        string s = "";
        if (a < b) s += "<"; else s += ".";
        if (a <= b) s += "l"; else s += ".";
        if (a > b) s += ">"; else s += ".";
        if (a >= b) s += "g"; else s += ".";
        if (a == b) s += "="; else s += ".";
        if (a != b) s += "!"; else s += ".";
        // negated forms compile to the .un branches (true when unordered)
        if (!(a < b)) s += "N<"; else s += "..";
        if (!(a <= b)) s += "Nl"; else s += "..";
        if (!(a > b)) s += "N>"; else s += "..";
        if (!(a >= b)) s += "Ng"; else s += "..";
        return s;
    }

    static string BranchFloat(float a, float b)
    {
        string s = "";
        if (a < b) s += "<"; else s += ".";
        if (a <= b) s += "l"; else s += ".";
        if (a > b) s += ">"; else s += ".";
        if (a >= b) s += "g"; else s += ".";
        if (a == b) s += "="; else s += ".";
        if (a != b) s += "!"; else s += ".";
        if (!(a < b)) s += "N<"; else s += "..";
        if (!(a >= b)) s += "Ng"; else s += "..";
        return s;
    }

    static void Main()
    {
        Console.WriteLine("== int ==");
        for (int i = 0; i < ints.Length; i++)
            for (int j = 0; j < ints.Length; j++)
            {
                int a = ints[i], b = ints[j];
                bool lt = a < b, gt = a > b, eq = a == b, le = a <= b, ge = a >= b, ne = a != b;
                Console.WriteLine(a + " vs " + b + ": values " + B(lt) + B(le) + B(gt) + B(ge) + B(eq) + B(ne) + " branches " + BranchInt(a, b));
            }

        Console.WriteLine("== uint ==");
        for (int i = 0; i < uints.Length; i++)
            for (int j = 0; j < uints.Length; j++)
            {
                uint a = uints[i], b = uints[j];
                bool lt = a < b, gt = a > b, eq = a == b, le = a <= b, ge = a >= b, ne = a != b;
                Console.WriteLine(a + " vs " + b + ": values " + B(lt) + B(le) + B(gt) + B(ge) + B(eq) + B(ne) + " branches " + BranchUInt(a, b));
            }

        Console.WriteLine("== long ==");
        for (int i = 0; i < longs.Length; i++)
            for (int j = 0; j < longs.Length; j++)
            {
                long a = longs[i], b = longs[j];
                bool lt = a < b, gt = a > b, eq = a == b, le = a <= b, ge = a >= b, ne = a != b;
                Console.WriteLine(a + " vs " + b + ": values " + B(lt) + B(le) + B(gt) + B(ge) + B(eq) + B(ne) + " branches " + BranchLong(a, b));
            }

        Console.WriteLine("== ulong ==");
        for (int i = 0; i < ulongs.Length; i++)
            for (int j = 0; j < ulongs.Length; j++)
            {
                ulong a = ulongs[i], b = ulongs[j];
                bool lt = a < b, gt = a > b, eq = a == b, le = a <= b, ge = a >= b, ne = a != b;
                Console.WriteLine(a + " vs " + b + ": values " + B(lt) + B(le) + B(gt) + B(ge) + B(eq) + B(ne) + " branches " + BranchULong(a, b));
            }

        Console.WriteLine("== double ==");
        for (int i = 0; i < doubles.Length; i++)
            for (int j = 0; j < doubles.Length; j++)
            {
                double a = doubles[i], b = doubles[j];
                bool lt = a < b, gt = a > b, eq = a == b, le = a <= b, ge = a >= b, ne = a != b;
                bool nlt = !(a < b), ngt = !(a > b);
                Console.WriteLine(a + " vs " + b + ": values " + B(lt) + B(le) + B(gt) + B(ge) + B(eq) + B(ne) + B(nlt) + B(ngt) + " branches " + BranchDouble(a, b));
            }

        Console.WriteLine("== float ==");
        for (int i = 0; i < floats.Length; i++)
            for (int j = 0; j < floats.Length; j++)
            {
                float a = floats[i], b = floats[j];
                bool lt = a < b, gt = a > b, eq = a == b, le = a <= b, ge = a >= b, ne = a != b;
                Console.WriteLine(a + " vs " + b + ": values " + B(lt) + B(le) + B(gt) + B(ge) + B(eq) + B(ne) + " branches " + BranchFloat(a, b));
            }

        Console.WriteLine("== NaN specifics ==");
        double nan = doubles[7], nan2 = doubles[7];
        Console.WriteLine("nan == nan: " + (nan == nan2) + ", nan != nan: " + (nan != nan2) + ", nan.Equals(nan): " + nan.Equals(nan));
        Console.WriteLine("nan.CompareTo(0): " + nan.CompareTo(0.0) + ", (0.0).CompareTo(nan): " + doubles[3].CompareTo(nan) + ", nan.CompareTo(nan): " + nan.CompareTo(nan));
        Console.WriteLine("Math.Max(nan, 1): " + Math.Max(nan, 1.0) + ", Math.Min(1, nan): " + Math.Min(1.0, nan));
        int count = 0;
        for (int i = 0; i < doubles.Length; i++) if (doubles[i] > 0.5 || doubles[i] != doubles[i]) count++;
        Console.WriteLine("count of (x > 0.5 || x is NaN): " + count);

        Console.WriteLine("== char and bool ==");
        for (int i = 0; i < chars.Length; i++)
            for (int j = 0; j < chars.Length; j++)
            {
                char a = chars[i], b = chars[j];
                Console.WriteLine((int)a + " vs " + (int)b + ": " + B(a < b) + B(a > b) + B(a == b) + " CompareTo sign " + Math.Sign(a.CompareTo(b)));
            }
        bool t = ints[4] == 1, f = ints[4] == 2;
        Console.WriteLine("t==f " + (t == f) + " t!=f " + (t != f) + " t&f " + (t & f) + " t|f " + (t | f) + " t^f " + (t ^ f) + " !t " + (!t));

        Console.WriteLine("== CompareTo on primitives ==");
        Console.WriteLine("int: " + ints[0].CompareTo(ints[6]) + " " + ints[6].CompareTo(ints[0]) + " " + ints[3].CompareTo(0));
        Console.WriteLine("uint: " + Math.Sign(uints[4].CompareTo(uints[0])) + " long: " + Math.Sign(longs[0].CompareTo(longs[6])) + " ulong: " + Math.Sign(ulongs[4].CompareTo(ulongs[1])));

        Console.WriteLine("== mixed signed/unsigned (widened to long) ==");
        int neg = ints[2];
        uint big = uints[4];
        Console.WriteLine("-1 < 4294967295u: " + (neg < big));
        Console.WriteLine("(uint)-1 == 4294967295u: " + ((uint)neg == big));
        Console.WriteLine("-1 < 0u: " + (neg < uints[0]));

        Console.WriteLine("== references ==");
        object o1 = new object(), o2 = new object(), o3 = o1;
        string s1 = "abc", s2 = "ab" + ints[5];
        string s3 = "abc" + "";
        Console.WriteLine("o1==o2 " + (o1 == o2) + " o1==o3 " + (o1 == o3) + " o1!=null " + (o1 != null));
        Console.WriteLine("s1==s3 " + (s1 == s3) + " (object)s1==(object)s3 " + ((object)s1 == (object)s3) + " s2 " + s2);
        string s4 = "ab" + "c".ToString();
        Console.WriteLine("s1==s4 " + (s1 == s4) + " ReferenceEquals(s1,s4) " + ReferenceEquals(s1, s4));
    }
}
