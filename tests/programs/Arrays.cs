// Arrays: single-dimension arrays of every element type (bool, byte, sbyte, short, ushort,
// char, int, uint, long, ulong, float, double, string, object, struct, class), default
// element values, Length, ldelem/stelem of each width (sign/zero extension on load),
// array initializers, Array.Copy (incl. overlapping), Array.Clear, Clone, jagged arrays,
// arrays of objects, arrays passed to and returned from methods, foreach over arrays,
// zero-length arrays, and a sieve.
using System;

struct Pair
{
    public int A;
    public long B;
}

class Item
{
    public string Name;
    public Item(string name) { Name = name; }
    public override string ToString() { return "Item(" + Name + ")"; }
}

class Arrays
{
    static int[] MakeRange(int n)
    {
        int[] r = new int[n];
        for (int i = 0; i < n; i++) r[i] = i;
        return r;
    }

    static int Sum(int[] a)
    {
        int s = 0;
        foreach (int x in a) s += x;
        return s;
    }

    static void Reverse(int[] a)
    {
        for (int i = 0, j = a.Length - 1; i < j; i++, j--)
        {
            int t = a[i]; a[i] = a[j]; a[j] = t;
        }
    }

    static string Show(int[] a)
    {
        string s = "[";
        for (int i = 0; i < a.Length; i++) s += (i > 0 ? "," : "") + a[i];
        return s + "]";
    }

    static void Main()
    {
        Console.WriteLine("== defaults and Length ==");
        bool[] bools = new bool[3];
        byte[] bytes = new byte[4];
        sbyte[] sbytes = new sbyte[4];
        short[] shorts = new short[4];
        ushort[] ushorts = new ushort[4];
        char[] chars = new char[4];
        int[] ints = new int[5];
        uint[] uints = new uint[5];
        long[] longs = new long[6];
        ulong[] ulongs = new ulong[6];
        float[] floats = new float[3];
        double[] doubles = new double[3];
        string[] strings = new string[2];
        object[] objects = new object[2];
        Pair[] pairs = new Pair[2];
        Item[] items = new Item[2];
        Console.WriteLine("lengths " + bools.Length + " " + bytes.Length + " " + sbytes.Length + " " + shorts.Length + " " + ushorts.Length + " " + chars.Length + " " + ints.Length + " " + uints.Length + " " + longs.Length + " " + ulongs.Length + " " + floats.Length + " " + doubles.Length + " " + strings.Length + " " + objects.Length + " " + pairs.Length + " " + items.Length);
        Console.WriteLine("defaults " + bools[0] + " " + bytes[1] + " " + sbytes[2] + " " + shorts[3] + " " + ushorts[0] + " " + (int)chars[1] + " " + ints[4] + " " + uints[0] + " " + longs[5] + " " + ulongs[0] + " " + floats[2] + " " + doubles[1] + " " + (strings[1] == null) + " " + (objects[0] == null) + " " + pairs[1].A + "/" + pairs[1].B + " " + (items[0] == null));

        Console.WriteLine("== stores and sign/zero-extending loads ==");
        bools[1] = true;
        bytes[0] = 200; bytes[1] = 255; bytes[2] = 1; bytes[3] = (byte)(bytes[1] + bytes[2]);
        sbytes[0] = -1; sbytes[1] = -128; sbytes[2] = 127; sbytes[3] = (sbyte)(sbytes[2] + 1);
        shorts[0] = -1; shorts[1] = short.MinValue; shorts[2] = short.MaxValue; shorts[3] = (short)(shorts[2] + 1);
        ushorts[0] = 65535; ushorts[1] = 32768; ushorts[2] = 1; ushorts[3] = (ushort)(ushorts[0] + 1);
        chars[0] = 'h'; chars[1] = 'i'; chars[2] = '!'; chars[3] = (char)0xFFFF;
        for (int i = 0; i < ints.Length; i++) ints[i] = -i * 1000000;
        for (int i = 0; i < uints.Length; i++) uints[i] = 4294967295u - (uint)i;
        for (int i = 0; i < longs.Length; i++) longs[i] = -1L << (i * 12);
        for (int i = 0; i < ulongs.Length; i++) ulongs[i] = 18446744073709551615UL >> (i * 12);
        floats[0] = 1.5f; floats[1] = -0.25f; floats[2] = 3e38f;
        doubles[0] = 1e300; doubles[1] = -0.125; doubles[2] = 2.0 / 3.0;
        strings[0] = "zero"; strings[1] = "one";
        objects[0] = 42; objects[1] = "str";
        pairs[0].A = 7; pairs[0].B = 1L << 40; pairs[1] = pairs[0]; pairs[1].A = 8;
        items[0] = new Item("x"); items[1] = items[0];
        Console.WriteLine("bools " + bools[0] + " " + bools[1] + " " + bools[2]);
        Console.WriteLine("bytes " + bytes[0] + " " + bytes[1] + " " + bytes[2] + " " + bytes[3]);
        Console.WriteLine("sbytes " + sbytes[0] + " " + sbytes[1] + " " + sbytes[2] + " " + sbytes[3]);
        Console.WriteLine("shorts " + shorts[0] + " " + shorts[1] + " " + shorts[2] + " " + shorts[3]);
        Console.WriteLine("ushorts " + ushorts[0] + " " + ushorts[1] + " " + ushorts[2] + " " + ushorts[3]);
        Console.WriteLine("chars " + chars[0] + chars[1] + chars[2] + " " + (int)chars[3] + " new string: " + new string(chars, 0, 3));
        Console.WriteLine("ints " + Show(ints));
        Console.WriteLine("uints " + uints[0] + " " + uints[4]);
        Console.WriteLine("longs " + longs[0] + " " + longs[1] + " " + longs[5]);
        Console.WriteLine("ulongs " + ulongs[0] + " " + ulongs[1] + " " + ulongs[5]);
        Console.WriteLine("floats " + floats[0] + " " + floats[1] + " " + floats[2]);
        Console.WriteLine("doubles " + doubles[0] + " " + doubles[1] + " " + doubles[2]);
        Console.WriteLine("strings " + strings[0] + " " + strings[1] + " objects " + objects[0] + " " + objects[1]);
        Console.WriteLine("pairs " + pairs[0].A + "/" + pairs[0].B + " " + pairs[1].A + "/" + pairs[1].B);
        Console.WriteLine("items " + items[0] + " same " + (items[0] == items[1]));
        int sbsum = 0;
        for (int i = 0; i < sbytes.Length; i++) sbsum += sbytes[i];
        int bsum = 0;
        for (int i = 0; i < bytes.Length; i++) bsum += bytes[i];
        Console.WriteLine("sbyte sum " + sbsum + " byte sum " + bsum);

        Console.WriteLine("== initializers ==");
        int[] primes = { 2, 3, 5, 7, 11, 13, 17, 19, 23, 29 };
        string[] words = new string[] { "alpha", "beta", "gamma" };
        double[] ds = { 0.5, 1.5, 2.5 };
        char[] vowels = { 'a', 'e', 'i', 'o', 'u' };
        long[] bigs = { long.MaxValue, long.MinValue, 0 };
        Console.WriteLine("primes " + Show(primes) + " sum " + Sum(primes));
        Console.WriteLine("words " + words[0] + "," + words[1] + "," + words[2] + " ds " + ds[0] + "," + ds[1] + "," + ds[2] + " vowels " + new string(vowels) + " bigs " + bigs[0] + "," + bigs[1]);

        Console.WriteLine("== Array.Copy / Clear / Clone ==");
        int[] src = MakeRange(10);
        int[] dst = new int[12];
        Array.Copy(src, dst, 10);
        Console.WriteLine("copy " + Show(dst));
        Array.Copy(src, 2, dst, 5, 4);
        Console.WriteLine("copy range " + Show(dst));
        int[] ov = MakeRange(10);
        Array.Copy(ov, 0, ov, 3, 6);
        Console.WriteLine("overlap forward " + Show(ov));
        ov = MakeRange(10);
        Array.Copy(ov, 4, ov, 1, 6);
        Console.WriteLine("overlap backward " + Show(ov));
        Array.Clear(ov, 2, 3);
        Console.WriteLine("clear " + Show(ov));
        int[] cl = (int[])src.Clone();
        cl[0] = 99;
        Console.WriteLine("clone " + Show(cl) + " original[0] " + src[0] + " same " + (cl == src));
        string[] scopy = new string[3];
        Array.Copy(words, scopy, 3);
        Console.WriteLine("string copy " + scopy[0] + scopy[1] + scopy[2]);
        long[] lcopy = new long[3];
        Array.Copy(bigs, lcopy, 3);
        Console.WriteLine("long copy " + lcopy[0] + " " + lcopy[1]);
        Reverse(src);
        Console.WriteLine("reversed " + Show(src));

        Console.WriteLine("== jagged ==");
        int[][] jag = new int[5][];
        for (int i = 0; i < jag.Length; i++)
        {
            jag[i] = new int[i + 1];
            for (int j = 0; j <= i; j++) jag[i][j] = (i == 0 || j == 0 || j == i) ? 1 : jag[i - 1][j - 1] + jag[i - 1][j];
        }
        for (int i = 0; i < jag.Length; i++) Console.WriteLine("row " + i + " len " + jag[i].Length + " " + Show(jag[i]));
        string[][] names = { new string[] { "a", "b" }, new string[0], new string[] { "c" } };
        Console.WriteLine("names " + names.Length + " " + names[0].Length + " " + names[1].Length + " " + names[2][0]);
        int[][][] cube = new int[2][][];
        for (int i = 0; i < 2; i++)
        {
            cube[i] = new int[3][];
            for (int j = 0; j < 3; j++)
            {
                cube[i][j] = new int[4];
                for (int k = 0; k < 4; k++) cube[i][j][k] = i * 100 + j * 10 + k;
            }
        }
        Console.WriteLine("cube[1][2][3] = " + cube[1][2][3] + " cube[0][1].Length = " + cube[0][1].Length);

        Console.WriteLine("== arrays of objects ==");
        object[] mixed = { 1, "two", 3.0, 'c', null, new Item("obj"), 5L, true, new int[] { 1, 2 } };
        for (int i = 0; i < mixed.Length; i++)
            Console.WriteLine("mixed[" + i + "] = " + (mixed[i] == null ? "null" : mixed[i].ToString()));
        Item[] its = new Item[4];
        for (int i = 0; i < its.Length; i++) its[i] = new Item("n" + i);
        object[] asObjects = its;
        Console.WriteLine("covariant view " + asObjects[2] + " length " + asObjects.Length);

        Console.WriteLine("== foreach and empty ==");
        int[] empty = new int[0];
        int count = 0;
        foreach (int e in empty) count++;
        Console.WriteLine("empty length " + empty.Length + " iterations " + count + " sum " + Sum(empty));
        string joined = "";
        foreach (string w in words) joined += w.Length;
        Console.WriteLine("foreach string lengths " + joined);
        double dsum = 0;
        foreach (double d in ds) dsum += d;
        Console.WriteLine("foreach double sum " + dsum);

        Console.WriteLine("== sieve ==");
        bool[] composite = new bool[100001];
        int primeCount = 0;
        long primeSum = 0;
        for (int i = 2; i < composite.Length; i++)
        {
            if (composite[i]) continue;
            primeCount++;
            primeSum += i;
            for (long j = (long)i * i; j < composite.Length; j += i) composite[j] = true;
        }
        Console.WriteLine("primes <= 100000: " + primeCount + " sum " + primeSum);

        Console.WriteLine("== index with various integer types ==");
        byte bi = 3; short si = 4; long li = 5; uint ui = 6; char ci = (char)7;
        Console.WriteLine(primes[bi] + " " + primes[si] + " " + primes[li] + " " + primes[ui] + " " + primes[ci]);
        int[] big = new int[1000000];
        for (int i = 0; i < big.Length; i++) big[i] = i & 0xFF;
        long bigSum = 0;
        for (int i = 0; i < big.Length; i++) bigSum += big[i];
        Console.WriteLine("big array sum " + bigSum);
    }
}
