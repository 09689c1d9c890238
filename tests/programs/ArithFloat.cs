// ArithFloat: float (single) and double arithmetic — add, sub, mul, div, rem (fmod), neg,
// single-precision rounding, infinities, NaN, negative zero, Math functions with exact
// results, and number formatting (default ToString, F/E/G/R/N/P specifiers).
using System;

class ArithFloat
{
    static double[] doubles = { 0.0, 1.0, -1.0, 0.5, 3.0, -2.75, 0.1, 1e10, 1.5e-7, 123456.789 };
    static float[] floats = { 0f, 1f, -1f, 0.5f, 3f, -2.75f, 0.1f, 1e10f, 1.5e-7f, 123456.789f };
    static double zero = 0.0;
    static float fzero = 0f;

    static double DAdd(double a, double b) { return a + b; }
    static double DSub(double a, double b) { return a - b; }
    static double DMul(double a, double b) { return a * b; }
    static double DDiv(double a, double b) { return a / b; }
    static double DRem(double a, double b) { return a % b; }
    static float FAdd(float a, float b) { return a + b; }
    static float FSub(float a, float b) { return a - b; }
    static float FMul(float a, float b) { return a * b; }
    static float FDiv(float a, float b) { return a / b; }
    static float FRem(float a, float b) { return a % b; }

    static void Main()
    {
        Console.WriteLine("== double ops ==");
        for (int i = 0; i < doubles.Length; i++)
        {
            for (int j = 0; j < doubles.Length; j++)
            {
                double a = doubles[i], b = doubles[j];
                Console.WriteLine("a=" + a + " b=" + b + " add=" + DAdd(a, b) + " sub=" + DSub(a, b) + " mul=" + DMul(a, b) + " div=" + DDiv(a, b) + " rem=" + DRem(a, b));
            }
        }

        Console.WriteLine("== float ops ==");
        for (int i = 0; i < floats.Length; i++)
        {
            for (int j = 0; j < floats.Length; j++)
            {
                float a = floats[i], b = floats[j];
                Console.WriteLine("a=" + a + " b=" + b + " add=" + FAdd(a, b) + " sub=" + FSub(a, b) + " mul=" + FMul(a, b) + " div=" + FDiv(a, b) + " rem=" + FRem(a, b));
            }
        }

        Console.WriteLine("== single precision ==");
        float big = 16777216f;
        float one = floats[1];
        Console.WriteLine("2^24 + 1 == 2^24: " + (big + one == big));
        float third = one / 3f;
        Console.WriteLine("1f/3f = " + third + " as double = " + (double)third);
        float sum = 0f;
        for (int i = 0; i < 1000; i++) sum += 0.1f;
        Console.WriteLine("sum of 1000 x 0.1f = " + sum);
        double dsum = 0.0;
        for (int i = 0; i < 1000; i++) dsum += 0.1;
        Console.WriteLine("sum of 1000 x 0.1 = " + dsum + " R=" + dsum.ToString("R"));
        float fprod = 1f;
        for (int i = 1; i <= 12; i++) fprod *= i;
        Console.WriteLine("12! as float = " + fprod);
        double dprod = 1.0;
        for (int i = 1; i <= 25; i++) dprod *= i;
        Console.WriteLine("25! as double = " + dprod);
        float mixed = third * 3f;
        double widened = third * 3.0;
        Console.WriteLine("third*3f = " + mixed + " third*3.0 = " + widened);

        Console.WriteLine("== special values ==");
        double pinf = 1.0 / zero, ninf = -1.0 / zero, nan = zero / zero;
        Console.WriteLine("1/0=" + pinf + " -1/0=" + ninf + " 0/0=" + nan);
        Console.WriteLine("inf-inf=" + (pinf + ninf) + " inf*0=" + (pinf * zero) + " inf+1=" + (pinf + 1.0) + " -inf*-1=" + (ninf * -1.0));
        Console.WriteLine("nan+1=" + (nan + 1.0) + " IsNaN=" + double.IsNaN(nan) + " IsInf=" + double.IsInfinity(ninf));
        double negz = -zero;
        Console.WriteLine("-0.0 prints " + negz + ", 1/-0.0 = " + (1.0 / negz) + ", -0.0 == 0.0: " + (negz == zero));
        float fpinf = 1f / fzero, fnan = fzero / fzero;
        Console.WriteLine("float 1/0=" + fpinf + " 0/0=" + fnan + " -1/0=" + (-1f / fzero));
        Console.WriteLine("5.5%2=" + (doubles[3] * 11 % 2.0) + " -5.5%2=" + (-doubles[3] * 11 % 2.0) + " 1%0=" + (1.0 % zero) + " inf%2=" + (pinf % 2.0));
        Console.WriteLine("MaxValue=" + double.MaxValue + " MinValue=" + double.MinValue + " Epsilon=" + double.Epsilon);
        Console.WriteLine("float MaxValue=" + float.MaxValue + " Epsilon=" + float.Epsilon);
        Console.WriteLine("MaxValue*2=" + (double.MaxValue * doubles[4]) + " float MaxValue*2=" + (float.MaxValue * floats[4]));

        Console.WriteLine("== Math ==");
        for (int i = 0; i < doubles.Length; i++)
        {
            double a = doubles[i] * 3.3;
            Console.WriteLine("x=" + a + " floor=" + Math.Floor(a) + " ceil=" + Math.Ceiling(a) + " round=" + Math.Round(a) + " trunc=" + Math.Truncate(a) + " abs=" + Math.Abs(a) + " sqrt|x|=" + Math.Sqrt(Math.Abs(a)));
        }
        Console.WriteLine("Round(0.5)=" + Math.Round(doubles[3]) + " Round(1.5)=" + Math.Round(doubles[3] * 3) + " Round(2.5)=" + Math.Round(doubles[3] * 5) + " Round(-2.5)=" + Math.Round(-doubles[3] * 5));
        Console.WriteLine("Max=" + Math.Max(doubles[4], doubles[5]) + " Min=" + Math.Min(doubles[4], doubles[5]) + " Pow(2,10)=" + Math.Pow(2.0, 10.0) + " Pow(2,-2)=" + Math.Pow(2.0, -2.0));
        Console.WriteLine("Sqrt(2)=" + Math.Sqrt(2.0) + " Sqrt(144)=" + Math.Sqrt(doubles[4] * 48) + " Sqrt(-1)=" + Math.Sqrt(-doubles[1]));
        Console.WriteLine("Abs(float)=" + Math.Abs(floats[5]) + " Max(float)=" + Math.Max(floats[2], floats[5]) + " Sign=" + Math.Sign(doubles[5]) + "," + Math.Sign(zero) + "," + Math.Sign(doubles[7]));
        Console.WriteLine("PI=" + Math.PI + " E=" + Math.E);

        Console.WriteLine("== formatting ==");
        double[] fmt = { 0.0, 1.0, -1.5, 3.14159265358979, 1234567.891, 0.000123456, 1e21, 1e-10, 100.0, 2.5, 0.125 };
        for (int i = 0; i < fmt.Length; i++)
        {
            double v = fmt[i];
            Console.WriteLine(string.Format("[{0}] F2={0:F2} F0={0:F0} E3={0:E3} G4={0:G4} N2={0:N2} R={0:R} P1={0:P1} 0.00={0:0.00} #.##={0:#.##}", v));
        }
        float[] ffmt = { 0.1f, 1.0f / 3.0f, 1234567.8f, 1e-8f, 3.4e38f, 16777217f };
        for (int i = 0; i < ffmt.Length; i++)
        {
            float v = ffmt[i];
            Console.WriteLine(string.Format("float [{0}] F3={0:F3} E2={0:E2} R={0:R} widened={1}", v, (double)v));
        }
        Console.WriteLine("1e15=" + 1e15 + " 1e14=" + 1e14 + " 1e-5=" + 1e-5 + " 1e-4=" + 1e-4 + " 1e7f=" + 1e7f + " 1e6f=" + 1e6f + " 12345678f=" + 12345678f);
        Console.WriteLine("{0,10:F3}|{1,-10:F1}|{2,8}", doubles[9], doubles[5], floats[3]);
    }
}
