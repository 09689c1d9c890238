// Decimal: System.Decimal, a 96-bit integer with a decimal scale (0..28) and a sign, in plain C#.
// Arithmetic works on little-endian uint[] magnitudes and rounds half to even when a result needs more
// than 96 bits or 28 decimal places, like .NET.
using System.Globalization;

namespace System
{
    public struct Decimal : IComparable, IFormattable
    {
        // Same field order as Mono: flags (sign bit 31, scale in bits 16-23), hi, lo, mid.
        private int flags;
        private int hi;
        private int lo;
        private int mid;

        public const decimal Zero = 0m;
        public const decimal One = 1m;
        public const decimal MinusOne = -1m;
        public const decimal MaxValue = 79228162514264337593543950335m;
        public const decimal MinValue = -79228162514264337593543950335m;

        private const string OverflowMessage = "Value was either too large or too small for a Decimal.";

        // ------------------------------------------------------------ constructors

        public Decimal(int value)
        {
            hi = 0;
            mid = 0;
            if (value < 0)
            {
                flags = unchecked((int)0x80000000);
                lo = -value;
            }
            else
            {
                flags = 0;
                lo = value;
            }
        }

        public Decimal(uint value)
        {
            flags = 0;
            hi = 0;
            mid = 0;
            lo = (int)value;
        }

        public Decimal(long value)
        {
            hi = 0;
            ulong m;
            if (value < 0)
            {
                flags = unchecked((int)0x80000000);
                m = (ulong)(-(value + 1)) + 1;
            }
            else
            {
                flags = 0;
                m = (ulong)value;
            }
            lo = (int)m;
            mid = (int)(m >> 32);
        }

        public Decimal(ulong value)
        {
            flags = 0;
            hi = 0;
            lo = (int)value;
            mid = (int)(value >> 32);
        }

        public Decimal(int lo, int mid, int hi, bool isNegative, byte scale)
        {
            if (scale > 28)
                throw new ArgumentOutOfRangeException("scale", "Decimal's scale value must be between 0 and 28, inclusive.");
            this.lo = lo;
            this.mid = mid;
            this.hi = hi;
            flags = (int)scale << 16;
            if (isNegative)
                flags |= unchecked((int)0x80000000);
        }

        public Decimal(int[] bits)
        {
            if (bits == null)
                throw new ArgumentNullException("bits");
            if (bits.Length != 4)
                throw new ArgumentException("Decimal constructor requires an array or span of four valid decimal bytes.");
            lo = bits[0];
            mid = bits[1];
            hi = bits[2];
            flags = bits[3];
        }

        public Decimal(double value)
        {
            Decimal d = FromDouble(value, 15);
            flags = d.flags;
            hi = d.hi;
            lo = d.lo;
            mid = d.mid;
        }

        public Decimal(float value)
        {
            Decimal d = FromDouble(value, 7);
            flags = d.flags;
            hi = d.hi;
            lo = d.lo;
            mid = d.mid;
        }

        // ------------------------------------------------------------ representation helpers

        private int Scale
        {
            get { return (flags >> 16) & 0xFF; }
        }

        private bool IsNegative
        {
            get { return flags < 0; }
        }

        private uint[] Mag()
        {
            uint[] m = new uint[3];
            m[0] = (uint)lo;
            m[1] = (uint)mid;
            m[2] = (uint)hi;
            return m;
        }

        private bool IsZero
        {
            get { return lo == 0 && mid == 0 && hi == 0; }
        }

        private static Decimal Make(uint[] mag, int scale, bool negative)
        {
            Decimal d = new Decimal();
            d.lo = (int)DecimalMath.Word(mag, 0);
            d.mid = (int)DecimalMath.Word(mag, 1);
            d.hi = (int)DecimalMath.Word(mag, 2);
            d.flags = scale << 16;
            if (negative)
                d.flags |= unchecked((int)0x80000000);
            return d;
        }

        // Rounds (half to even) until the magnitude fits 96 bits and the scale is at most 28.
        private static Decimal Normalize(uint[] mag, int scale, bool negative)
        {
            if (DecimalMath.BitLength(mag) <= 96 && scale <= 28 && scale >= 0)
                return Make(mag, scale, negative);
            while (scale < 0)
            {
                mag = DecimalMath.MulSmall(mag, 10);
                scale++;
            }
            bool sticky = false;
            uint lastRem = 0;
            bool dropped = false;
            while (DecimalMath.BitLength(mag) > 96 || scale > 28)
            {
                if (scale == 0)
                    throw new OverflowException(OverflowMessage);
                if (dropped && lastRem != 0)
                    sticky = true;
                uint rem;
                mag = DecimalMath.DivSmall(mag, 10, out rem);
                lastRem = rem;
                dropped = true;
                scale--;
            }
            if (dropped && (lastRem > 5 || (lastRem == 5 && (sticky || (mag[0] & 1) != 0))))
            {
                mag = DecimalMath.AddSmall(mag, 1);
                if (DecimalMath.BitLength(mag) > 96)
                {
                    if (scale == 0)
                        throw new OverflowException(OverflowMessage);
                    uint r2;
                    mag = DecimalMath.DivSmall(mag, 10, out r2);
                    scale--;
                }
            }
            return Make(mag, scale, negative);
        }

        private static Decimal FromDouble(double value, int precision)
        {
            if (value != value || Double.IsInfinity(value))
                throw new OverflowException(OverflowMessage);
            if (value == 0)
                return new Decimal(0);
            if (Math.Abs(value) >= 7.9228162514264338E+28)
                throw new OverflowException(OverflowMessage);
            int scale10;
            string digits = Number.DoubleToDigits(value, precision, out scale10);
            uint[] mag = new uint[1];
            for (int i = 0; i < digits.Length; i++)
                mag = DecimalMath.AddSmall(DecimalMath.MulSmall(mag, 10), (uint)(digits[i] - '0'));
            int scale = digits.Length - scale10;
            if (scale > 28)
            {
                // Very small values keep only what fits 28 decimal places.
                Decimal small = Normalize(mag, scale, value < 0);
                return small.IsZero ? new Decimal(0) : small;
            }
            if (scale < 0)
            {
                while (scale < 0)
                {
                    mag = DecimalMath.MulSmall(mag, 10);
                    scale++;
                }
            }
            return Normalize(mag, scale, value < 0);
        }

        // ------------------------------------------------------------ formatting

        private string Digits()
        {
            uint[] m = Mag();
            char[] buf = new char[32];
            int p = buf.Length;
            while (!DecimalMath.IsZero(m))
            {
                uint rem;
                m = DecimalMath.DivSmall(m, 10, out rem);
                buf[--p] = (char)('0' + (int)rem);
            }
            return new string(buf, p, buf.Length - p);
        }

        internal NumberBuffer ToNumber()
        {
            NumberBuffer nb = new NumberBuffer();
            nb.isDecimal = true;
            nb.precision = 29;
            string d = Digits();
            nb.SetDigits(d);
            nb.scale = d.Length - Scale;
            nb.negative = IsNegative && !IsZero;
            return nb;
        }

        public override string ToString()
        {
            return Number.FormatDecimal(this, null);
        }

        public string ToString(string format)
        {
            return Number.FormatDecimal(this, format);
        }

        public string ToString(IFormatProvider provider)
        {
            return Number.FormatDecimal(this, null);
        }

        public string ToString(string format, IFormatProvider provider)
        {
            return Number.FormatDecimal(this, format);
        }

        // ------------------------------------------------------------ parsing

        public static decimal Parse(string s)
        {
            return Parse(s, NumberStyles.Number);
        }

        public static decimal Parse(string s, IFormatProvider provider)
        {
            return Parse(s, NumberStyles.Number);
        }

        public static decimal Parse(string s, NumberStyles style, IFormatProvider provider)
        {
            return Parse(s, style);
        }

        public static decimal Parse(string s, NumberStyles style)
        {
            if (s == null)
                throw new ArgumentNullException("s");
            decimal r;
            int st = ParseCore(s, style, out r);
            if (st == 1)
                throw new FormatException("Input string was not in a correct format.");
            if (st == 2)
                throw new OverflowException(OverflowMessage);
            return r;
        }

        public static bool TryParse(string s, out decimal result)
        {
            result = 0;
            if (s == null)
                return false;
            return ParseCore(s, NumberStyles.Number, out result) == 0;
        }

        public static bool TryParse(string s, NumberStyles style, IFormatProvider provider, out decimal result)
        {
            result = 0;
            if (s == null)
                return false;
            return ParseCore(s, style, out result) == 0;
        }

        private static bool IsWhite(char c)
        {
            return c == ' ' || (c >= '\t' && c <= '\r');
        }

        private static int ParseCore(string s, NumberStyles style, out decimal result)
        {
            result = 0;
            int i = 0;
            int end = s.Length;
            if ((style & NumberStyles.AllowLeadingWhite) != 0)
            {
                while (i < end && IsWhite(s[i]))
                    i++;
            }
            if ((style & NumberStyles.AllowTrailingWhite) != 0)
            {
                while (end > i && IsWhite(s[end - 1]))
                    end--;
            }
            bool neg = false;
            if (i < end && (style & NumberStyles.AllowLeadingSign) != 0)
            {
                if (s[i] == '-')
                {
                    neg = true;
                    i++;
                }
                else if (s[i] == '+')
                    i++;
            }
            uint[] mag = new uint[1];
            int scale = 0;
            int digits = 0;
            bool point = false;
            for (; i < end; i++)
            {
                char c = s[i];
                if (c >= '0' && c <= '9')
                {
                    digits++;
                    mag = DecimalMath.AddSmall(DecimalMath.MulSmall(mag, 10), (uint)(c - '0'));
                    if (point)
                        scale++;
                    continue;
                }
                if (c == '.' && !point && (style & NumberStyles.AllowDecimalPoint) != 0)
                {
                    point = true;
                    continue;
                }
                if (c == ',' && !point && digits > 0 && (style & NumberStyles.AllowThousands) != 0)
                    continue;
                break;
            }
            int exp = 0;
            if (i < end && (s[i] == 'e' || s[i] == 'E') && (style & NumberStyles.AllowExponent) != 0)
            {
                int q = i + 1;
                bool eneg = false;
                if (q < end && (s[q] == '+' || s[q] == '-'))
                {
                    eneg = s[q] == '-';
                    q++;
                }
                int ed = 0;
                while (q < end && s[q] >= '0' && s[q] <= '9')
                {
                    if (exp < 1000)
                        exp = exp * 10 + (s[q] - '0');
                    ed++;
                    q++;
                }
                if (ed == 0)
                    return 1;
                if (eneg)
                    exp = -exp;
                i = q;
            }
            if (i < end && !neg && (style & NumberStyles.AllowTrailingSign) != 0 && (s[i] == '-' || s[i] == '+'))
            {
                neg = s[i] == '-';
                i++;
            }
            if (digits == 0 || i != end)
                return 1;
            scale -= exp;
            if (DecimalMath.IsZero(mag) && scale > 28)
                scale = 28;
            if (scale < 0 && DecimalMath.BitLength(mag) > 96)
                return 2;
            if (scale < 0)
            {
                while (scale < 0)
                {
                    mag = DecimalMath.MulSmall(mag, 10);
                    scale++;
                }
                if (DecimalMath.BitLength(mag) > 96)
                    return 2;
            }
            if (DecimalMath.BitLength(mag) > 96 && scale == 0)
                return 2;
            result = Normalize(mag, scale, neg);
            return 0;
        }

        // ------------------------------------------------------------ equality and comparison

        private static int CompareCore(Decimal a, Decimal b)
        {
            bool za = a.IsZero;
            bool zb = b.IsZero;
            if (za && zb)
                return 0;
            bool na = a.IsNegative && !za;
            bool nb = b.IsNegative && !zb;
            if (na != nb)
                return na ? -1 : 1;
            uint[] ma = a.Mag();
            uint[] mb = b.Mag();
            int sa = a.Scale;
            int sb = b.Scale;
            while (sa < sb)
            {
                ma = DecimalMath.MulSmall(ma, 10);
                sa++;
            }
            while (sb < sa)
            {
                mb = DecimalMath.MulSmall(mb, 10);
                sb++;
            }
            int c = DecimalMath.Compare(ma, mb);
            return na ? -c : c;
        }

        public static int Compare(decimal d1, decimal d2)
        {
            return CompareCore(d1, d2);
        }

        public int CompareTo(object value)
        {
            if (value == null)
                return 1;
            if (!(value is decimal))
                throw new ArgumentException("Object must be of type Decimal.");
            return CompareCore(this, (decimal)value);
        }

        public int CompareTo(decimal value)
        {
            return CompareCore(this, value);
        }

        public override bool Equals(object value)
        {
            if (!(value is decimal))
                return false;
            return CompareCore(this, (decimal)value) == 0;
        }

        public bool Equals(decimal value)
        {
            return CompareCore(this, value) == 0;
        }

        public static bool Equals(decimal d1, decimal d2)
        {
            return CompareCore(d1, d2) == 0;
        }

        // As Mono: XOR of the four words of the value with trailing zeros removed (1.50m hashes as 1.5m).
        public override int GetHashCode()
        {
            if (IsZero)
                return 0;
            uint[] m = Mag();
            int scale = Scale;
            while (scale > 0)
            {
                uint r;
                uint[] q = DecimalMath.DivSmall(m, 10, out r);
                if (r != 0)
                    break;
                m = q;
                scale--;
            }
            int f = (flags & unchecked((int)0x80000000)) | (scale << 16);
            return f ^ (int)DecimalMath.Word(m, 0) ^ (int)DecimalMath.Word(m, 1) ^ (int)DecimalMath.Word(m, 2);
        }

        public TypeCode GetTypeCode()
        {
            return TypeCode.Decimal;
        }

        public static int[] GetBits(decimal d)
        {
            int[] r = new int[4];
            r[0] = d.lo;
            r[1] = d.mid;
            r[2] = d.hi;
            r[3] = d.flags;
            return r;
        }

        // ------------------------------------------------------------ arithmetic

        public static decimal Add(decimal d1, decimal d2)
        {
            return AddCore(d1, d2, false);
        }

        public static decimal Subtract(decimal d1, decimal d2)
        {
            return AddCore(d1, d2, true);
        }

        private static Decimal AddCore(Decimal a, Decimal b, bool negateB)
        {
            uint[] ma = a.Mag();
            uint[] mb = b.Mag();
            int sa = a.Scale;
            int sb = b.Scale;
            bool na = a.IsNegative;
            bool nb = b.IsNegative != negateB;
            while (sa < sb)
            {
                ma = DecimalMath.MulSmall(ma, 10);
                sa++;
            }
            while (sb < sa)
            {
                mb = DecimalMath.MulSmall(mb, 10);
                sb++;
            }
            if (na == nb)
                return Normalize(DecimalMath.Add(ma, mb), sa, na);
            int c = DecimalMath.Compare(ma, mb);
            if (c == 0)
                return Make(new uint[1], sa, false);
            if (c > 0)
                return Normalize(DecimalMath.Sub(ma, mb), sa, na);
            return Normalize(DecimalMath.Sub(mb, ma), sa, nb);
        }

        public static decimal Multiply(decimal d1, decimal d2)
        {
            uint[] m = DecimalMath.Mul(d1.Mag(), d2.Mag());
            bool neg = d1.IsNegative != d2.IsNegative;
            if (DecimalMath.IsZero(m))
            {
                // Mono keeps the scale when both mantissas fit 32 bits, else returns a plain 0.
                if ((d1.hi | d1.mid | d2.hi | d2.mid) == 0)
                    return Make(m, Math.Min(d1.Scale + d2.Scale, 28), false);
                return new Decimal(0);
            }
            Decimal r = Normalize(m, d1.Scale + d2.Scale, neg);
            if (r.IsZero && (d1.hi | d1.mid | d2.hi | d2.mid) != 0)
                return new Decimal(0);
            if (r.IsZero)
                r.flags &= 0x7FFFFFFF;
            return r;
        }

        public static decimal Divide(decimal d1, decimal d2)
        {
            if (d2.IsZero)
                throw new DivideByZeroException();
            bool neg = d1.IsNegative != d2.IsNegative;
            if (d1.IsZero)
                return Make(new uint[1], Math.Max(0, d1.Scale - d2.Scale), false);
            uint[] num = d1.Mag();
            uint[] den = d2.Mag();
            int scale = d1.Scale - d2.Scale;
            while (scale < 0)
            {
                num = DecimalMath.MulSmall(num, 10);
                scale++;
            }
            uint[] rem;
            uint[] q = DecimalMath.Div(num, den, out rem);
            while (!DecimalMath.IsZero(rem) && scale < 28)
            {
                uint[] r10 = DecimalMath.MulSmall(rem, 10);
                uint[] r2;
                uint[] digit = DecimalMath.Div(r10, den, out r2);
                uint[] q10 = DecimalMath.Add(DecimalMath.MulSmall(q, 10), digit);
                if (DecimalMath.BitLength(q10) > 96)
                    break;
                q = q10;
                rem = r2;
                scale++;
            }
            if (!DecimalMath.IsZero(rem))
            {
                int c = DecimalMath.Compare(DecimalMath.MulSmall(rem, 2), den);
                if (c > 0 || (c == 0 && (q[0] & 1) != 0))
                    q = DecimalMath.AddSmall(q, 1);
            }
            // Trailing zeros are dropped, but not below the natural scale of the operands.
            int natural = d1.Scale - d2.Scale;
            if (natural < 0)
                natural = 0;
            while (scale > natural)
            {
                uint r10;
                uint[] q10 = DecimalMath.DivSmall(q, 10, out r10);
                if (r10 != 0)
                    break;
                q = q10;
                scale--;
            }
            if (DecimalMath.IsZero(q))
                return new Decimal(0);
            return Normalize(q, scale, neg);
        }

        public static decimal Remainder(decimal d1, decimal d2)
        {
            if (d2.IsZero)
                throw new DivideByZeroException();
            // |d1| < |d2|: the result is d1 itself (with its own scale).
            if (CompareCore(Abs(d1), Abs(d2)) < 0)
                return d1;
            uint[] ma = d1.Mag();
            uint[] mb = d2.Mag();
            int sa = d1.Scale;
            int sb = d2.Scale;
            while (sa < sb)
            {
                ma = DecimalMath.MulSmall(ma, 10);
                sa++;
            }
            while (sb < sa)
            {
                mb = DecimalMath.MulSmall(mb, 10);
                sb++;
            }
            uint[] rem;
            DecimalMath.Div(ma, mb, out rem);
            return Normalize(rem, sa, d1.IsNegative && !DecimalMath.IsZero(rem));
        }

        private static Decimal Abs(Decimal d)
        {
            Decimal r = d;
            r.flags &= 0x7FFFFFFF;
            return r;
        }

        public static decimal Negate(decimal d)
        {
            Decimal r = d;
            r.flags ^= unchecked((int)0x80000000);
            return r;
        }

        public static decimal Truncate(decimal d)
        {
            int scale = d.Scale;
            if (scale == 0)
                return d;
            uint[] m = d.Mag();
            for (int i = 0; i < scale; i++)
            {
                uint rem;
                m = DecimalMath.DivSmall(m, 10, out rem);
            }
            return Make(m, 0, d.IsNegative && !DecimalMath.IsZero(m));
        }

        public static decimal Floor(decimal d)
        {
            decimal t = Truncate(d);
            if (d.IsNegative && CompareCore(t, d) != 0)
                t = t - 1;
            return t;
        }

        public static decimal Ceiling(decimal d)
        {
            decimal t = Truncate(d);
            if (!d.IsNegative && CompareCore(t, d) != 0)
                t = t + 1;
            return t;
        }

        public static decimal Round(decimal d)
        {
            return Round(d, 0);
        }

        // Banker's rounding to `decimals` places.
        public static decimal Round(decimal d, int decimals)
        {
            if (decimals < 0 || decimals > 28)
                throw new ArgumentOutOfRangeException("decimals", "Decimal can only round to between 0 and 28 digits of precision.");
            return RoundCore(d, decimals, false);
        }

        public static decimal Round(decimal d, MidpointRounding mode)
        {
            return Round(d, 0, mode);
        }

        public static decimal Round(decimal d, int decimals, MidpointRounding mode)
        {
            if (decimals < 0 || decimals > 28)
                throw new ArgumentOutOfRangeException("decimals", "Decimal can only round to between 0 and 28 digits of precision.");
            return RoundCore(d, decimals, mode == MidpointRounding.AwayFromZero);
        }

        private static Decimal RoundCore(Decimal d, int decimals, bool awayFromZero)
        {
            int scale = d.Scale;
            if (scale <= decimals)
                return d;
            uint[] m = d.Mag();
            uint last = 0;
            bool sticky = false;
            for (int i = scale; i > decimals; i--)
            {
                if (last != 0)
                    sticky = true;
                uint rem;
                m = DecimalMath.DivSmall(m, 10, out rem);
                last = rem;
            }
            bool up;
            if (awayFromZero)
                up = last >= 5;
            else
                up = last > 5 || (last == 5 && (sticky || (m[0] & 1) != 0));
            if (up)
                m = DecimalMath.AddSmall(m, 1);
            return Make(m, decimals, d.IsNegative && !DecimalMath.IsZero(m));
        }

        // ------------------------------------------------------------ conversions

        private static readonly double[] s_doublePowers10 = new double[] {
            1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19,
            1e20, 1e21, 1e22, 1e23, 1e24, 1e25, 1e26, 1e27, 1e28
        };

        // As Mono: (double)(96-bit mantissa) / 10^scale in double arithmetic (not always correctly rounded).
        public static double ToDouble(decimal d)
        {
            ulong low64 = ((ulong)(uint)d.mid << 32) | (uint)d.lo;
            double dbl = ((double)low64 + (double)(uint)d.hi * 18446744073709551616.0) / s_doublePowers10[d.Scale];
            if (d.IsNegative)
                dbl = -dbl;
            return dbl;
        }

        public static float ToSingle(decimal d)
        {
            return (float)ToDouble(d);
        }

        private static ulong ToUInt64Magnitude(decimal d, string typeName)
        {
            decimal t = Truncate(d);
            if (t.hi != 0)
                throw new OverflowException("Value was either too large or too small for " + typeName + ".");
            return ((ulong)(uint)t.mid << 32) | (uint)t.lo;
        }

        public static long ToInt64(decimal d)
        {
            ulong m = ToUInt64Magnitude(d, "an Int64");
            bool neg = d.IsNegative;
            if (neg)
            {
                if (m > 9223372036854775808UL)
                    throw new OverflowException("Value was either too large or too small for an Int64.");
                return m == 0 ? 0 : -(long)(m - 1) - 1;
            }
            if (m > 9223372036854775807UL)
                throw new OverflowException("Value was either too large or too small for an Int64.");
            return (long)m;
        }

        public static ulong ToUInt64(decimal d)
        {
            ulong m = ToUInt64Magnitude(d, "a UInt64");
            if (d.IsNegative && m != 0)
                throw new OverflowException("Value was either too large or too small for a UInt64.");
            return m;
        }

        public static int ToInt32(decimal d)
        {
            long v = ToInt64Checked(d, "an Int32");
            if (v < int.MinValue || v > int.MaxValue)
                throw new OverflowException("Value was either too large or too small for an Int32.");
            return (int)v;
        }

        public static uint ToUInt32(decimal d)
        {
            long v = ToInt64Checked(d, "a UInt32");
            if (v < 0 || v > uint.MaxValue)
                throw new OverflowException("Value was either too large or too small for a UInt32.");
            return (uint)v;
        }

        public static short ToInt16(decimal d)
        {
            long v = ToInt64Checked(d, "an Int16");
            if (v < short.MinValue || v > short.MaxValue)
                throw new OverflowException("Value was either too large or too small for an Int16.");
            return (short)v;
        }

        public static ushort ToUInt16(decimal d)
        {
            long v = ToInt64Checked(d, "a UInt16");
            if (v < 0 || v > ushort.MaxValue)
                throw new OverflowException("Value was either too large or too small for a UInt16.");
            return (ushort)v;
        }

        public static byte ToByte(decimal value)
        {
            long v = ToInt64Checked(value, "an unsigned byte");
            if (v < 0 || v > 255)
                throw new OverflowException("Value was either too large or too small for an unsigned byte.");
            return (byte)v;
        }

        public static sbyte ToSByte(decimal value)
        {
            long v = ToInt64Checked(value, "a signed byte");
            if (v < -128 || v > 127)
                throw new OverflowException("Value was either too large or too small for a signed byte.");
            return (sbyte)v;
        }

        private static long ToInt64Checked(decimal d, string typeName)
        {
            decimal t = Truncate(d);
            if (t.hi != 0 || t.mid < 0)
                throw new OverflowException("Value was either too large or too small for " + typeName + ".");
            long m = ((long)t.mid << 32) | (uint)t.lo;
            return t.IsNegative ? -m : m;
        }

        public static implicit operator decimal(byte value)
        {
            return new Decimal((int)value);
        }

        public static implicit operator decimal(sbyte value)
        {
            return new Decimal((int)value);
        }

        public static implicit operator decimal(short value)
        {
            return new Decimal((int)value);
        }

        public static implicit operator decimal(ushort value)
        {
            return new Decimal((int)value);
        }

        public static implicit operator decimal(char value)
        {
            return new Decimal((int)value);
        }

        public static implicit operator decimal(int value)
        {
            return new Decimal(value);
        }

        public static implicit operator decimal(uint value)
        {
            return new Decimal(value);
        }

        public static implicit operator decimal(long value)
        {
            return new Decimal(value);
        }

        public static implicit operator decimal(ulong value)
        {
            return new Decimal(value);
        }

        public static explicit operator decimal(float value)
        {
            return new Decimal(value);
        }

        public static explicit operator decimal(double value)
        {
            return new Decimal(value);
        }

        public static explicit operator byte(decimal value)
        {
            return ToByte(value);
        }

        public static explicit operator sbyte(decimal value)
        {
            return ToSByte(value);
        }

        public static explicit operator char(decimal value)
        {
            return (char)ToUInt16(value);
        }

        public static explicit operator short(decimal value)
        {
            return ToInt16(value);
        }

        public static explicit operator ushort(decimal value)
        {
            return ToUInt16(value);
        }

        public static explicit operator int(decimal value)
        {
            return ToInt32(value);
        }

        public static explicit operator uint(decimal value)
        {
            return ToUInt32(value);
        }

        public static explicit operator long(decimal value)
        {
            return ToInt64(value);
        }

        public static explicit operator ulong(decimal value)
        {
            return ToUInt64(value);
        }

        public static explicit operator float(decimal value)
        {
            return ToSingle(value);
        }

        public static explicit operator double(decimal value)
        {
            return ToDouble(value);
        }

        // ------------------------------------------------------------ operators

        public static decimal operator +(decimal d)
        {
            return d;
        }

        public static decimal operator -(decimal d)
        {
            return Negate(d);
        }

        public static decimal operator ++(decimal d)
        {
            return Add(d, One);
        }

        public static decimal operator --(decimal d)
        {
            return Subtract(d, One);
        }

        public static decimal operator +(decimal d1, decimal d2)
        {
            return Add(d1, d2);
        }

        public static decimal operator -(decimal d1, decimal d2)
        {
            return Subtract(d1, d2);
        }

        public static decimal operator *(decimal d1, decimal d2)
        {
            return Multiply(d1, d2);
        }

        public static decimal operator /(decimal d1, decimal d2)
        {
            return Divide(d1, d2);
        }

        public static decimal operator %(decimal d1, decimal d2)
        {
            return Remainder(d1, d2);
        }

        public static bool operator ==(decimal d1, decimal d2)
        {
            return CompareCore(d1, d2) == 0;
        }

        public static bool operator !=(decimal d1, decimal d2)
        {
            return CompareCore(d1, d2) != 0;
        }

        public static bool operator <(decimal d1, decimal d2)
        {
            return CompareCore(d1, d2) < 0;
        }

        public static bool operator <=(decimal d1, decimal d2)
        {
            return CompareCore(d1, d2) <= 0;
        }

        public static bool operator >(decimal d1, decimal d2)
        {
            return CompareCore(d1, d2) > 0;
        }

        public static bool operator >=(decimal d1, decimal d2)
        {
            return CompareCore(d1, d2) >= 0;
        }
    }

    // Multi-word unsigned arithmetic on little-endian uint[] magnitudes (no leading-zero invariant).
    internal static class DecimalMath
    {
        internal static uint Word(uint[] a, int i)
        {
            return i < a.Length ? a[i] : 0u;
        }

        internal static int Length(uint[] a)
        {
            int n = a.Length;
            while (n > 0 && a[n - 1] == 0)
                n--;
            return n;
        }

        internal static bool IsZero(uint[] a)
        {
            return Length(a) == 0;
        }

        internal static int BitLength(uint[] a)
        {
            int n = Length(a);
            if (n == 0)
                return 0;
            uint top = a[n - 1];
            int bits = 0;
            while (top != 0)
            {
                bits++;
                top >>= 1;
            }
            return (n - 1) * 32 + bits;
        }

        internal static int Compare(uint[] a, uint[] b)
        {
            int na = Length(a);
            int nb = Length(b);
            if (na != nb)
                return na < nb ? -1 : 1;
            for (int i = na - 1; i >= 0; i--)
            {
                if (a[i] != b[i])
                    return a[i] < b[i] ? -1 : 1;
            }
            return 0;
        }

        internal static uint[] MulSmall(uint[] a, uint m)
        {
            int n = Length(a);
            uint[] r = new uint[n + 1];
            ulong carry = 0;
            for (int i = 0; i < n; i++)
            {
                ulong p = (ulong)a[i] * m + carry;
                r[i] = (uint)p;
                carry = p >> 32;
            }
            r[n] = (uint)carry;
            return r;
        }

        internal static uint[] AddSmall(uint[] a, uint v)
        {
            int n = Length(a);
            uint[] r = new uint[n + 1];
            ulong carry = v;
            for (int i = 0; i < n; i++)
            {
                ulong s = (ulong)a[i] + carry;
                r[i] = (uint)s;
                carry = s >> 32;
            }
            r[n] = (uint)carry;
            return r;
        }

        internal static uint[] DivSmall(uint[] a, uint d, out uint rem)
        {
            int n = Length(a);
            uint[] q = new uint[n == 0 ? 1 : n];
            ulong r = 0;
            for (int i = n - 1; i >= 0; i--)
            {
                ulong cur = (r << 32) | a[i];
                q[i] = (uint)(cur / d);
                r = cur % d;
            }
            rem = (uint)r;
            return q;
        }

        internal static uint[] Add(uint[] a, uint[] b)
        {
            int n = Math.Max(Length(a), Length(b));
            uint[] r = new uint[n + 1];
            ulong carry = 0;
            for (int i = 0; i < n; i++)
            {
                ulong s = (ulong)Word(a, i) + Word(b, i) + carry;
                r[i] = (uint)s;
                carry = s >> 32;
            }
            r[n] = (uint)carry;
            return r;
        }

        // a - b, requires a >= b.
        internal static uint[] Sub(uint[] a, uint[] b)
        {
            int n = Length(a);
            uint[] r = new uint[n == 0 ? 1 : n];
            long borrow = 0;
            for (int i = 0; i < n; i++)
            {
                long d = (long)Word(a, i) - Word(b, i) - borrow;
                if (d < 0)
                {
                    d += 0x100000000L;
                    borrow = 1;
                }
                else
                    borrow = 0;
                r[i] = (uint)d;
            }
            return r;
        }

        internal static uint[] Mul(uint[] a, uint[] b)
        {
            int na = Length(a);
            int nb = Length(b);
            uint[] r = new uint[na + nb + 1];
            for (int i = 0; i < na; i++)
            {
                ulong carry = 0;
                for (int j = 0; j < nb; j++)
                {
                    ulong p = (ulong)a[i] * b[j] + r[i + j] + carry;
                    r[i + j] = (uint)p;
                    carry = p >> 32;
                }
                int k = i + nb;
                while (carry != 0)
                {
                    ulong s = (ulong)r[k] + carry;
                    r[k] = (uint)s;
                    carry = s >> 32;
                    k++;
                }
            }
            return r;
        }

        // Binary long division: returns a / b, sets rem = a % b. b must be non-zero.
        internal static uint[] Div(uint[] a, uint[] b, out uint[] rem)
        {
            if (Length(b) == 1)
            {
                uint r1;
                uint[] q1 = DivSmall(a, b[0], out r1);
                rem = new uint[1];
                rem[0] = r1;
                return q1;
            }
            int bits = BitLength(a);
            uint[] q = new uint[Length(a) + 1];
            uint[] r = new uint[Length(b) + 2];
            for (int i = bits - 1; i >= 0; i--)
            {
                // r = r << 1 | bit i of a
                uint carry = (a[i >> 5] >> (i & 31)) & 1u;
                for (int k = 0; k < r.Length; k++)
                {
                    uint nc = r[k] >> 31;
                    r[k] = (r[k] << 1) | carry;
                    carry = nc;
                }
                if (Compare(r, b) >= 0)
                {
                    r = Sub(r, b);
                    uint[] rr = new uint[Length(b) + 2];
                    for (int k = 0; k < r.Length && k < rr.Length; k++)
                        rr[k] = r[k];
                    r = rr;
                    q[i >> 5] |= 1u << (i & 31);
                }
            }
            rem = r;
            return q;
        }
    }
}
