// MergeValues: values that flow into a branch target on the evaluation stack (the JIT carries
// the top one in rax or xmm0): ternaries of every stack type, with operands pending below
// them, nested, as call arguments, in loops, with && and ||, and conditional branches taken
// with values still on the stack.
using System;

struct Pair { public int A; public long B; public Pair(int a, long b) { A = a; B = b; } }
class Box { public int V; public Box(int v) { V = v; } public override string ToString() { return "Box" + V; } }

class MergeValues
{
    static int Pick(bool c, int x, int y) { return c ? x : y; }
    static long PickL(bool c, long x, long y) { return c ? x : y; }
    static double PickD(bool c, double x, double y) { return c ? x : y; }
    static float PickF(bool c, float x, float y) { return c ? x : y; }
    static Box PickO(bool c, Box x, Box y) { return c ? x : y; }
    static Pair PickS(bool c, Pair x, Pair y) { return c ? x : y; }
    static bool Or(int s) { return (s & 4) != 0 || s == 2; }
    static bool And(int s, int t) { return s > 0 && t > 0 && s != t; }
    static int Sum3(int a, int b, int c) { return a * 100 + b * 10 + c; }
    static int Nested(int v) { return v < 0 ? -1 : v == 0 ? 0 : v < 10 ? 1 : v < 100 ? 2 : 3; }
    static string Sign(double d) { return d > 0 ? "+" : d < 0 ? "-" : (d == 0 ? "0" : "NaN"); }

    static void Main()
    {
        int acc = 0;
        for (int i = -3; i < 300; i += 7)
        {
            bool c = (i & 1) == 0;
            acc += Pick(c, i, -i) + (c ? 1 : 2) + Nested(i);
            acc = acc * 3 + (i > 100 ? i / 7 : i % 5);
            // A value pending below the merge, and the merge as the middle argument.
            acc += Sum3(i & 3, c ? i & 7 : 9, i > 0 ? 1 : 2);
            long l = PickL(c, (long)i << 33, -i) + (c ? 5L : 7L);
            double d = PickD(c, i * 0.5, -i * 0.25) + (i > 50 ? 1.5 : -2.5);
            float f = PickF(!c, i * 0.5f, 3.25f) * (c ? 2f : 0.5f);
            if (i % 50 == 4 || i == -3)
                Console.WriteLine(i + ": " + acc + " " + l + " " + d + " " + f + " " + PickO(c, new Box(i), new Box(-i)) + " " + PickS(c, new Pair(i, l), new Pair(-i, -l)).B);
        }
        for (int s = 0; s < 8; s++)
            Console.Write((Or(s) ? "T" : "F") + (And(s, 3) ? "t" : "f") + " ");
        Console.WriteLine();
        double[] ds = { 1.5, -2, 0, double.NaN, double.PositiveInfinity };
        foreach (double d in ds) Console.Write(Sign(d));
        Console.WriteLine();
        string str = null;
        Console.WriteLine((str ?? "null") + " " + (str == null ? 0 : str.Length) + " " + ("abc" ?? "x").Length);
        int total = 0;
        for (int k = 0; k < 1000; k++)
            total += (k % 3 == 0 ? k : k % 3 == 1 ? -k : 1) * (k < 500 ? 1 : 2);
        Console.WriteLine("total " + total);
        object o = total > 0 ? (object)"pos" : (object)total;
        Console.WriteLine(o);
    }
}
