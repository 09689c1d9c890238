// Math: System.Math and System.MathF. Transcendental functions (and Pow, Atan2, Sqrt, FMod) are internal
// calls mapping to the C library; rounding, Abs, Min/Max, Sign, Floor/Ceiling/Truncate are C#.
using System.Runtime.CompilerServices;

namespace System
{
    public enum MidpointRounding
    {
        ToEven = 0,
        AwayFromZero = 1
    }

    public static class Math
    {
        public const double PI = 3.14159265358979323846;
        public const double E = 2.7182818284590452354;

        // Exact powers of ten used by Round(double, int).
        private static readonly double[] s_pow10 = new double[] {
            1E0, 1E1, 1E2, 1E3, 1E4, 1E5, 1E6, 1E7, 1E8, 1E9, 1E10, 1E11, 1E12, 1E13, 1E14, 1E15
        };

        // libm acos.
        [MethodImpl(MethodImplOptions.InternalCall)]
        public static extern double Acos(double d);

        // libm asin.
        [MethodImpl(MethodImplOptions.InternalCall)]
        public static extern double Asin(double d);

        // libm atan.
        [MethodImpl(MethodImplOptions.InternalCall)]
        public static extern double Atan(double d);

        // libm cos.
        [MethodImpl(MethodImplOptions.InternalCall)]
        public static extern double Cos(double d);

        // libm cosh.
        [MethodImpl(MethodImplOptions.InternalCall)]
        public static extern double Cosh(double value);

        // libm exp.
        [MethodImpl(MethodImplOptions.InternalCall)]
        public static extern double Exp(double d);

        // libm log.
        [MethodImpl(MethodImplOptions.InternalCall)]
        public static extern double Log(double d);

        // libm log10.
        [MethodImpl(MethodImplOptions.InternalCall)]
        public static extern double Log10(double d);

        // libm sin.
        [MethodImpl(MethodImplOptions.InternalCall)]
        public static extern double Sin(double a);

        // libm sinh.
        [MethodImpl(MethodImplOptions.InternalCall)]
        public static extern double Sinh(double value);

        // libm sqrt.
        [MethodImpl(MethodImplOptions.InternalCall)]
        public static extern double Sqrt(double d);

        // libm tan.
        [MethodImpl(MethodImplOptions.InternalCall)]
        public static extern double Tan(double a);

        // libm tanh.
        [MethodImpl(MethodImplOptions.InternalCall)]
        public static extern double Tanh(double value);

        // libm cbrt.
        [MethodImpl(MethodImplOptions.InternalCall)]
        public static extern double Cbrt(double d);

        // libm acosh.
        [MethodImpl(MethodImplOptions.InternalCall)]
        public static extern double Acosh(double d);

        // libm asinh.
        [MethodImpl(MethodImplOptions.InternalCall)]
        public static extern double Asinh(double d);

        // libm atanh.
        [MethodImpl(MethodImplOptions.InternalCall)]
        public static extern double Atanh(double d);

        // libm pow (C99 special cases, e.g. Pow(1, NaN) = 1, Pow(-8, 1.0/3) = NaN).
        [MethodImpl(MethodImplOptions.InternalCall)]
        public static extern double Pow(double x, double y);

        // libm atan2.
        [MethodImpl(MethodImplOptions.InternalCall)]
        public static extern double Atan2(double y, double x);

        // libm fmod (the IL `rem` on doubles).
        [MethodImpl(MethodImplOptions.InternalCall)]
        internal static extern double FMod(double x, double y);

        public static double Log(double a, double newBase)
        {
            if (a != a)
                return a;
            if (newBase != newBase)
                return newBase;
            if (newBase == 1)
                return Double.NaN;
            if (a != 1 && (newBase == 0 || newBase == Double.PositiveInfinity))
                return Double.NaN;
            return Log(a) / Log(newBase);
        }

        public static double IEEERemainder(double x, double y)
        {
            if (x != x || y != y)
                return Double.NaN;
            double regular = FMod(x, y);
            if (regular != regular)
                return Double.NaN;
            if (regular == 0 && BitConverter.DoubleToInt64Bits(x) < 0)
                return -0.0;
            double alternative = regular - (Abs(y) * Sign(x));
            if (Abs(alternative) == Abs(regular))
            {
                double divisionResult = x / y;
                double roundedResult = Round(divisionResult);
                if (Abs(roundedResult) > Abs(divisionResult))
                    return alternative;
                return regular;
            }
            if (Abs(alternative) < Abs(regular))
                return alternative;
            return regular;
        }

        // ---------------------------------------------------------------- Floor / Ceiling / Truncate / Round

        // |d| >= 2^52 (or NaN/infinity): already integral.
        private static bool IsIntegral(double d)
        {
            return !(d > -4503599627370496.0 && d < 4503599627370496.0);
        }

        // A zero result keeps the sign of the argument (as the C library does).
        private static double SignedZero(double r, double arg)
        {
            if (r == 0 && BitConverter.DoubleToInt64Bits(arg) < 0)
                return -0.0;
            return r;
        }

        public static double Truncate(double d)
        {
            if (IsIntegral(d))
                return d;
            return SignedZero((double)(long)d, d);
        }

        public static double Floor(double d)
        {
            if (IsIntegral(d))
                return d;
            double t = (double)(long)d;
            if (t > d)
                t -= 1.0;
            return SignedZero(t, d);
        }

        public static double Ceiling(double a)
        {
            if (IsIntegral(a))
                return a;
            double t = (double)(long)a;
            if (t < a)
                t += 1.0;
            return SignedZero(t, a);
        }

        // Banker's rounding (ties to even), exact.
        public static double Round(double a)
        {
            if (IsIntegral(a))
                return a;
            double fl = Floor(a);
            double diff = a - fl;
            double r;
            if (diff > 0.5)
                r = fl + 1.0;
            else if (diff < 0.5)
                r = fl;
            else
            {
                long f = (long)fl;
                r = (f & 1) == 0 ? fl : fl + 1.0;
            }
            return SignedZero(r, a);
        }

        // The rounding Mono's Round(double, int[, mode]) uses internally (its native Math.Round):
        // floor(x + 0.5), ties (x - floor(x) == 0.5) to even. Unlike Round(double) it rounds
        // 0.49999999999999994 up to 1, because x + 0.5 rounds to 1.0.
        private static double RoundNative(double x)
        {
            if (IsIntegral(x))
                return x;
            double t = Floor(x + 0.5);
            if (x - Floor(x) == 0.5 && ((long)t & 1) != 0)
                t -= 1.0;
            return SignedZero(t, x);
        }

        public static double Round(double value, int digits)
        {
            return Round(value, digits, MidpointRounding.ToEven);
        }

        public static double Round(double value, MidpointRounding mode)
        {
            return Round(value, 0, mode);
        }

        // As Mono: scale by 10^digits when |value| < 1e16, round, scale back.
        public static double Round(double value, int digits, MidpointRounding mode)
        {
            if (digits < 0 || digits > 15)
                throw new ArgumentOutOfRangeException("digits", "Rounding digits must be between 0 and 15, inclusive.");
            if (mode != MidpointRounding.ToEven && mode != MidpointRounding.AwayFromZero)
                throw new ArgumentException("The value '" + ((int)mode).ToString() + "' is not valid for this usage of the type MidpointRounding.", "mode");
            if (Abs(value) < 1E16)
            {
                double power10 = s_pow10[digits];
                value *= power10;
                if (mode == MidpointRounding.AwayFromZero)
                {
                    double fraction = value - Truncate(value);
                    value = Truncate(value);
                    if (Abs(fraction) >= 0.5)
                        value += Sign(fraction);
                }
                else
                    value = RoundNative(value);
                value /= power10;
            }
            return value;
        }

        public static decimal Round(decimal d)
        {
            return Decimal.Round(d, 0);
        }

        public static decimal Round(decimal d, int decimals)
        {
            return Decimal.Round(d, decimals);
        }

        public static decimal Round(decimal d, MidpointRounding mode)
        {
            return Decimal.Round(d, 0, mode);
        }

        public static decimal Round(decimal d, int decimals, MidpointRounding mode)
        {
            return Decimal.Round(d, decimals, mode);
        }

        public static decimal Floor(decimal d)
        {
            return Decimal.Floor(d);
        }

        public static decimal Ceiling(decimal d)
        {
            return -Decimal.Floor(-d);
        }

        public static decimal Truncate(decimal d)
        {
            return Decimal.Truncate(d);
        }

        // ---------------------------------------------------------------- Abs

        public static sbyte Abs(sbyte value)
        {
            if (value < 0)
            {
                if (value == sbyte.MinValue)
                    throw new OverflowException("Negating the minimum value of a twos complement number is invalid.");
                return (sbyte)(-value);
            }
            return value;
        }

        public static short Abs(short value)
        {
            if (value < 0)
            {
                if (value == short.MinValue)
                    throw new OverflowException("Negating the minimum value of a twos complement number is invalid.");
                return (short)(-value);
            }
            return value;
        }

        public static int Abs(int value)
        {
            if (value < 0)
            {
                if (value == int.MinValue)
                    throw new OverflowException("Negating the minimum value of a twos complement number is invalid.");
                return -value;
            }
            return value;
        }

        public static long Abs(long value)
        {
            if (value < 0)
            {
                if (value == long.MinValue)
                    throw new OverflowException("Negating the minimum value of a twos complement number is invalid.");
                return -value;
            }
            return value;
        }

        public static double Abs(double value)
        {
            return BitConverter.Int64BitsToDouble(BitConverter.DoubleToInt64Bits(value) & 0x7FFFFFFFFFFFFFFFL);
        }

        public static float Abs(float value)
        {
            return BitConverter.Int32BitsToSingle(BitConverter.SingleToInt32Bits(value) & 0x7FFFFFFF);
        }

        public static decimal Abs(decimal value)
        {
            return value < 0 ? -value : value;
        }

        // ---------------------------------------------------------------- Min / Max / Clamp / Sign

        public static byte Max(byte val1, byte val2) { return val1 >= val2 ? val1 : val2; }
        public static sbyte Max(sbyte val1, sbyte val2) { return val1 >= val2 ? val1 : val2; }
        public static short Max(short val1, short val2) { return val1 >= val2 ? val1 : val2; }
        public static ushort Max(ushort val1, ushort val2) { return val1 >= val2 ? val1 : val2; }
        public static int Max(int val1, int val2) { return val1 >= val2 ? val1 : val2; }
        public static uint Max(uint val1, uint val2) { return val1 >= val2 ? val1 : val2; }
        public static long Max(long val1, long val2) { return val1 >= val2 ? val1 : val2; }
        public static ulong Max(ulong val1, ulong val2) { return val1 >= val2 ? val1 : val2; }
        public static decimal Max(decimal val1, decimal val2) { return val1 >= val2 ? val1 : val2; }

        public static double Max(double val1, double val2)
        {
            if (val1 > val2)
                return val1;
            if (val1 != val1)
                return val1;
            return val2;
        }

        public static float Max(float val1, float val2)
        {
            if (val1 > val2)
                return val1;
            if (val1 != val1)
                return val1;
            return val2;
        }

        public static byte Min(byte val1, byte val2) { return val1 <= val2 ? val1 : val2; }
        public static sbyte Min(sbyte val1, sbyte val2) { return val1 <= val2 ? val1 : val2; }
        public static short Min(short val1, short val2) { return val1 <= val2 ? val1 : val2; }
        public static ushort Min(ushort val1, ushort val2) { return val1 <= val2 ? val1 : val2; }
        public static int Min(int val1, int val2) { return val1 <= val2 ? val1 : val2; }
        public static uint Min(uint val1, uint val2) { return val1 <= val2 ? val1 : val2; }
        public static long Min(long val1, long val2) { return val1 <= val2 ? val1 : val2; }
        public static ulong Min(ulong val1, ulong val2) { return val1 <= val2 ? val1 : val2; }
        public static decimal Min(decimal val1, decimal val2) { return val1 <= val2 ? val1 : val2; }

        public static double Min(double val1, double val2)
        {
            if (val1 < val2)
                return val1;
            if (val1 != val1)
                return val1;
            return val2;
        }

        public static float Min(float val1, float val2)
        {
            if (val1 < val2)
                return val1;
            if (val1 != val1)
                return val1;
            return val2;
        }

        private static Exception MinMaxError(string min, string max)
        {
            return new ArgumentException("'" + min + "' cannot be greater than " + max + ".");
        }

        public static int Clamp(int value, int min, int max)
        {
            if (min > max)
                throw MinMaxError(min.ToString(), max.ToString());
            return value < min ? min : (value > max ? max : value);
        }

        public static long Clamp(long value, long min, long max)
        {
            if (min > max)
                throw MinMaxError(min.ToString(), max.ToString());
            return value < min ? min : (value > max ? max : value);
        }

        public static byte Clamp(byte value, byte min, byte max)
        {
            if (min > max)
                throw MinMaxError(min.ToString(), max.ToString());
            return value < min ? min : (value > max ? max : value);
        }

        public static sbyte Clamp(sbyte value, sbyte min, sbyte max)
        {
            if (min > max)
                throw MinMaxError(min.ToString(), max.ToString());
            return value < min ? min : (value > max ? max : value);
        }

        public static short Clamp(short value, short min, short max)
        {
            if (min > max)
                throw MinMaxError(min.ToString(), max.ToString());
            return value < min ? min : (value > max ? max : value);
        }

        public static ushort Clamp(ushort value, ushort min, ushort max)
        {
            if (min > max)
                throw MinMaxError(min.ToString(), max.ToString());
            return value < min ? min : (value > max ? max : value);
        }

        public static uint Clamp(uint value, uint min, uint max)
        {
            if (min > max)
                throw MinMaxError(min.ToString(), max.ToString());
            return value < min ? min : (value > max ? max : value);
        }

        public static ulong Clamp(ulong value, ulong min, ulong max)
        {
            if (min > max)
                throw MinMaxError(min.ToString(), max.ToString());
            return value < min ? min : (value > max ? max : value);
        }

        public static decimal Clamp(decimal value, decimal min, decimal max)
        {
            if (min > max)
                throw MinMaxError(min.ToString(), max.ToString());
            return value < min ? min : (value > max ? max : value);
        }

        public static double Clamp(double value, double min, double max)
        {
            if (min > max)
                throw MinMaxError(min.ToString(), max.ToString());
            return value < min ? min : (value > max ? max : value);
        }

        public static float Clamp(float value, float min, float max)
        {
            if (min > max)
                throw MinMaxError(min.ToString(), max.ToString());
            return value < min ? min : (value > max ? max : value);
        }

        public static int Sign(sbyte value) { return value < 0 ? -1 : (value > 0 ? 1 : 0); }
        public static int Sign(short value) { return value < 0 ? -1 : (value > 0 ? 1 : 0); }
        public static int Sign(int value) { return value < 0 ? -1 : (value > 0 ? 1 : 0); }
        public static int Sign(long value) { return value < 0 ? -1 : (value > 0 ? 1 : 0); }
        public static int Sign(decimal value) { return value < 0 ? -1 : (value > 0 ? 1 : 0); }

        public static int Sign(double value)
        {
            if (value < 0)
                return -1;
            if (value > 0)
                return 1;
            if (value == 0)
                return 0;
            throw new ArithmeticException("Function does not accept floating point Not-a-Number values.");
        }

        public static int Sign(float value)
        {
            if (value < 0)
                return -1;
            if (value > 0)
                return 1;
            if (value == 0)
                return 0;
            throw new ArithmeticException("Function does not accept floating point Not-a-Number values.");
        }

        // ---------------------------------------------------------------- integer helpers

        public static long BigMul(int a, int b)
        {
            return (long)a * b;
        }

        public static int DivRem(int a, int b, out int result)
        {
            int div = a / b;
            result = a - div * b;
            return div;
        }

        public static long DivRem(long a, long b, out long result)
        {
            long div = a / b;
            result = a - div * b;
            return div;
        }
    }

    public static class MathF
    {
        public const float PI = 3.14159265f;
        public const float E = 2.71828183f;

        public static float Abs(float x) { return Math.Abs(x); }
        public static float Sqrt(float x) { return (float)Math.Sqrt(x); }
        public static float Pow(float x, float y) { return (float)Math.Pow(x, y); }
        public static float Exp(float x) { return (float)Math.Exp(x); }
        public static float Log(float x) { return (float)Math.Log(x); }
        public static float Log10(float x) { return (float)Math.Log10(x); }
        public static float Sin(float x) { return (float)Math.Sin(x); }
        public static float Cos(float x) { return (float)Math.Cos(x); }
        public static float Tan(float x) { return (float)Math.Tan(x); }
        public static float Atan(float x) { return (float)Math.Atan(x); }
        public static float Atan2(float y, float x) { return (float)Math.Atan2(y, x); }
        public static float Floor(float x) { return (float)Math.Floor(x); }
        public static float Ceiling(float x) { return (float)Math.Ceiling(x); }
        public static float Truncate(float x) { return (float)Math.Truncate(x); }
        public static float Round(float x) { return (float)Math.Round(x); }
        public static float Max(float x, float y) { return Math.Max(x, y); }
        public static float Min(float x, float y) { return Math.Min(x, y); }
        public static int Sign(float x) { return Math.Sign(x); }
    }
}
