// Convert: System.Convert for the primitive types, strings and objects (no IConvertible: objects are
// dispatched on their runtime type). Floating-point to integer conversions round half to even.
using System.Globalization;

namespace System
{
    public static class Convert
    {
        private static Exception Overflow(string typeName)
        {
            return new OverflowException("Value was either too large or too small for " + typeName + ".");
        }

        private static Exception InvalidCast(object value, string target)
        {
            return new InvalidCastException("Invalid cast from '" + value.GetType().FullName + "' to '" + target + "'.");
        }

        // Rounds half to even, then range-checks.
        private static long RoundToInt64(double value, double min, double max, string typeName)
        {
            if (value != value)
                throw Overflow(typeName);
            double r = Math.Round(value);
            if (!(r >= min && r <= max))
                throw Overflow(typeName);
            return (long)r;
        }

        // ------------------------------------------------------------ ToInt32

        public static int ToInt32(object value)
        {
            if (value == null)
                return 0;
            if (value is int) return (int)value;
            if (value is string) return ToInt32((string)value);
            if (value is long) return ToInt32((long)value);
            if (value is double) return ToInt32((double)value);
            if (value is float) return ToInt32((float)value);
            if (value is decimal) return ToInt32((decimal)value);
            if (value is bool) return (bool)value ? 1 : 0;
            if (value is char) return (char)value;
            if (value is short) return (short)value;
            if (value is ushort) return (ushort)value;
            if (value is byte) return (byte)value;
            if (value is sbyte) return (sbyte)value;
            if (value is uint) return ToInt32((uint)value);
            if (value is ulong) return ToInt32((ulong)value);
            if (value is Enum) return (int)Enum.InternalGetValueBits(value);
            throw InvalidCast(value, "System.Int32");
        }

        public static int ToInt32(string value)
        {
            if (value == null)
                return 0;
            return int.Parse(value);
        }

        public static int ToInt32(string value, IFormatProvider provider)
        {
            return ToInt32(value);
        }

        public static int ToInt32(string value, int fromBase)
        {
            return (int)ParseBase(value, fromBase, 4);
        }

        public static int ToInt32(bool value) { return value ? 1 : 0; }
        public static int ToInt32(char value) { return value; }
        public static int ToInt32(byte value) { return value; }
        public static int ToInt32(sbyte value) { return value; }
        public static int ToInt32(short value) { return value; }
        public static int ToInt32(ushort value) { return value; }
        public static int ToInt32(int value) { return value; }

        public static int ToInt32(uint value)
        {
            if (value > int.MaxValue)
                throw Overflow("an Int32");
            return (int)value;
        }

        public static int ToInt32(long value)
        {
            if (value < int.MinValue || value > int.MaxValue)
                throw Overflow("an Int32");
            return (int)value;
        }

        public static int ToInt32(ulong value)
        {
            if (value > int.MaxValue)
                throw Overflow("an Int32");
            return (int)value;
        }

        public static int ToInt32(double value)
        {
            return (int)RoundToInt64(value, int.MinValue, int.MaxValue, "an Int32");
        }

        public static int ToInt32(float value)
        {
            return ToInt32((double)value);
        }

        public static int ToInt32(decimal value)
        {
            return Decimal.ToInt32(Decimal.Round(value, 0));
        }

        // ------------------------------------------------------------ ToInt64

        public static long ToInt64(object value)
        {
            if (value == null)
                return 0;
            if (value is long) return (long)value;
            if (value is string) return ToInt64((string)value);
            if (value is double) return ToInt64((double)value);
            if (value is float) return ToInt64((double)(float)value);
            if (value is decimal) return ToInt64((decimal)value);
            if (value is ulong) return ToInt64((ulong)value);
            if (value is Enum) return (long)Enum.InternalGetValueBits(value);
            return ToInt32Like(value);
        }

        private static long ToInt32Like(object value)
        {
            if (value is int) return (int)value;
            if (value is uint) return (uint)value;
            if (value is bool) return (bool)value ? 1 : 0;
            if (value is char) return (char)value;
            if (value is short) return (short)value;
            if (value is ushort) return (ushort)value;
            if (value is byte) return (byte)value;
            if (value is sbyte) return (sbyte)value;
            throw InvalidCast(value, "System.Int64");
        }

        public static long ToInt64(string value)
        {
            if (value == null)
                return 0;
            return long.Parse(value);
        }

        public static long ToInt64(string value, IFormatProvider provider)
        {
            return ToInt64(value);
        }

        public static long ToInt64(string value, int fromBase)
        {
            return ParseBase(value, fromBase, 8);
        }

        public static long ToInt64(bool value) { return value ? 1 : 0; }
        public static long ToInt64(char value) { return value; }
        public static long ToInt64(byte value) { return value; }
        public static long ToInt64(short value) { return value; }
        public static long ToInt64(int value) { return value; }
        public static long ToInt64(uint value) { return value; }
        public static long ToInt64(long value) { return value; }

        public static long ToInt64(ulong value)
        {
            if (value > long.MaxValue)
                throw Overflow("an Int64");
            return (long)value;
        }

        public static long ToInt64(double value)
        {
            return RoundToInt64(value, -9223372036854775808.0, 9223372036854774784.0, "an Int64");
        }

        public static long ToInt64(float value)
        {
            return ToInt64((double)value);
        }

        public static long ToInt64(decimal value)
        {
            return Decimal.ToInt64(Decimal.Round(value, 0));
        }

        // ------------------------------------------------------------ small integers

        public static short ToInt16(object value)
        {
            return ToInt16(ToInt64(value));
        }

        public static short ToInt16(string value)
        {
            if (value == null)
                return 0;
            return short.Parse(value);
        }

        public static short ToInt16(int value)
        {
            if (value < short.MinValue || value > short.MaxValue)
                throw Overflow("an Int16");
            return (short)value;
        }

        public static short ToInt16(long value)
        {
            if (value < short.MinValue || value > short.MaxValue)
                throw Overflow("an Int16");
            return (short)value;
        }

        public static short ToInt16(double value)
        {
            return (short)RoundToInt64(value, short.MinValue, short.MaxValue, "an Int16");
        }

        public static byte ToByte(object value)
        {
            if (value is double)
                return ToByte((double)value);
            return ToByte(ToInt64(value));
        }

        public static byte ToByte(string value)
        {
            if (value == null)
                return 0;
            return byte.Parse(value);
        }

        public static byte ToByte(string value, int fromBase)
        {
            return (byte)ParseBase(value, fromBase, 1);
        }

        public static byte ToByte(char value)
        {
            if (value > 255)
                throw Overflow("an unsigned byte");
            return (byte)value;
        }

        public static byte ToByte(int value)
        {
            if (value < 0 || value > 255)
                throw Overflow("an unsigned byte");
            return (byte)value;
        }

        public static byte ToByte(long value)
        {
            if (value < 0 || value > 255)
                throw Overflow("an unsigned byte");
            return (byte)value;
        }

        public static byte ToByte(double value)
        {
            return (byte)RoundToInt64(value, 0, 255, "an unsigned byte");
        }

        public static byte ToByte(bool value)
        {
            return value ? (byte)1 : (byte)0;
        }

        public static uint ToUInt32(object value)
        {
            long v = ToInt64(value);
            if (v < 0 || v > uint.MaxValue)
                throw Overflow("a UInt32");
            return (uint)v;
        }

        public static uint ToUInt32(string value)
        {
            if (value == null)
                return 0;
            return uint.Parse(value);
        }

        public static uint ToUInt32(int value)
        {
            if (value < 0)
                throw Overflow("a UInt32");
            return (uint)value;
        }

        public static uint ToUInt32(long value)
        {
            if (value < 0 || value > uint.MaxValue)
                throw Overflow("a UInt32");
            return (uint)value;
        }

        public static uint ToUInt32(double value)
        {
            return (uint)RoundToInt64(value, 0, uint.MaxValue, "a UInt32");
        }

        public static ulong ToUInt64(object value)
        {
            if (value is ulong)
                return (ulong)value;
            long v = ToInt64(value);
            if (v < 0)
                throw Overflow("a UInt64");
            return (ulong)v;
        }

        public static ulong ToUInt64(string value)
        {
            if (value == null)
                return 0;
            return ulong.Parse(value);
        }

        public static ulong ToUInt64(long value)
        {
            if (value < 0)
                throw Overflow("a UInt64");
            return (ulong)value;
        }

        public static ulong ToUInt64(int value)
        {
            if (value < 0)
                throw Overflow("a UInt64");
            return (ulong)value;
        }

        // ------------------------------------------------------------ floating point and decimal

        public static double ToDouble(object value)
        {
            if (value == null)
                return 0;
            if (value is double) return (double)value;
            if (value is string) return ToDouble((string)value);
            if (value is float) return (float)value;
            if (value is decimal) return (double)(decimal)value;
            if (value is long) return (long)value;
            if (value is ulong) return (ulong)value;
            return ToInt32Like(value);
        }

        public static double ToDouble(string value)
        {
            if (value == null)
                return 0;
            return double.Parse(value);
        }

        public static double ToDouble(string value, IFormatProvider provider)
        {
            return ToDouble(value);
        }

        public static double ToDouble(bool value) { return value ? 1 : 0; }
        public static double ToDouble(byte value) { return value; }
        public static double ToDouble(short value) { return value; }
        public static double ToDouble(int value) { return value; }
        public static double ToDouble(uint value) { return value; }
        public static double ToDouble(long value) { return value; }
        public static double ToDouble(ulong value) { return value; }
        public static double ToDouble(float value) { return value; }
        public static double ToDouble(double value) { return value; }
        public static double ToDouble(decimal value) { return (double)value; }

        public static float ToSingle(object value)
        {
            return (float)ToDouble(value);
        }

        public static float ToSingle(string value)
        {
            if (value == null)
                return 0;
            return float.Parse(value);
        }

        public static float ToSingle(int value) { return value; }
        public static float ToSingle(long value) { return value; }
        public static float ToSingle(double value) { return (float)value; }
        public static float ToSingle(decimal value) { return (float)value; }

        public static decimal ToDecimal(object value)
        {
            if (value == null)
                return 0;
            if (value is decimal) return (decimal)value;
            if (value is string) return ToDecimal((string)value);
            if (value is double) return (decimal)(double)value;
            if (value is float) return (decimal)(float)value;
            if (value is long) return (long)value;
            if (value is ulong) return (ulong)value;
            return ToInt32Like(value);
        }

        public static decimal ToDecimal(string value)
        {
            if (value == null)
                return 0;
            return decimal.Parse(value);
        }

        public static decimal ToDecimal(int value) { return value; }
        public static decimal ToDecimal(long value) { return value; }
        public static decimal ToDecimal(double value) { return (decimal)value; }
        public static decimal ToDecimal(float value) { return (decimal)value; }
        public static decimal ToDecimal(decimal value) { return value; }
        public static decimal ToDecimal(bool value) { return value ? 1 : 0; }

        // ------------------------------------------------------------ bool and char

        public static bool ToBoolean(object value)
        {
            if (value == null)
                return false;
            if (value is bool) return (bool)value;
            if (value is string) return bool.Parse((string)value);
            if (value is double) return (double)value != 0;
            if (value is float) return (float)value != 0;
            if (value is decimal) return (decimal)value != 0;
            if (value is char)
                throw new InvalidCastException("Invalid cast from 'Char' to 'Boolean'.");
            return ToInt64(value) != 0;
        }

        public static bool ToBoolean(string value)
        {
            if (value == null)
                return false;
            return bool.Parse(value);
        }

        public static bool ToBoolean(bool value) { return value; }
        public static bool ToBoolean(int value) { return value != 0; }
        public static bool ToBoolean(long value) { return value != 0; }
        public static bool ToBoolean(double value) { return value != 0; }

        public static char ToChar(object value)
        {
            if (value == null)
                return '\0';
            if (value is char) return (char)value;
            if (value is string) return ToChar((string)value);
            return ToChar(ToInt64(value));
        }

        public static char ToChar(string value)
        {
            if (value == null)
                throw new ArgumentNullException("value");
            if (value.Length != 1)
                throw new FormatException("String must be exactly one character long.");
            return value[0];
        }

        public static char ToChar(int value)
        {
            if (value < 0 || value > 65535)
                throw Overflow("a character");
            return (char)value;
        }

        public static char ToChar(long value)
        {
            if (value < 0 || value > 65535)
                throw Overflow("a character");
            return (char)value;
        }

        public static char ToChar(byte value) { return (char)value; }
        public static char ToChar(char value) { return value; }

        // ------------------------------------------------------------ ToString

        public static string ToString(object value)
        {
            if (value == null)
                return String.Empty;
            IFormattable f = value as IFormattable;
            if (f != null)
                return f.ToString(null, null);
            string s = value.ToString();
            return s == null ? String.Empty : s;
        }

        public static string ToString(object value, IFormatProvider provider)
        {
            return ToString(value);
        }

        public static string ToString(bool value) { return value.ToString(); }
        public static string ToString(char value) { return value.ToString(); }
        public static string ToString(byte value) { return value.ToString(); }
        public static string ToString(sbyte value) { return value.ToString(); }
        public static string ToString(short value) { return value.ToString(); }
        public static string ToString(ushort value) { return value.ToString(); }
        public static string ToString(int value) { return value.ToString(); }
        public static string ToString(uint value) { return value.ToString(); }
        public static string ToString(long value) { return value.ToString(); }
        public static string ToString(ulong value) { return value.ToString(); }
        public static string ToString(float value) { return value.ToString(); }
        public static string ToString(double value) { return value.ToString(); }
        public static string ToString(decimal value) { return value.ToString(); }
        public static string ToString(string value) { return value; }
        public static string ToString(int value, IFormatProvider provider) { return value.ToString(); }
        public static string ToString(double value, IFormatProvider provider) { return value.ToString(); }

        public static string ToString(byte value, int toBase)
        {
            return ToBase((ulong)value, toBase, 1);
        }

        public static string ToString(short value, int toBase)
        {
            return ToBase((ulong)(ushort)value, toBase, 2);
        }

        public static string ToString(int value, int toBase)
        {
            if (toBase == 10)
                return value.ToString();
            return ToBase((ulong)(uint)value, toBase, 4);
        }

        public static string ToString(long value, int toBase)
        {
            if (toBase == 10)
                return value.ToString();
            return ToBase((ulong)value, toBase, 8);
        }

        private static string ToBase(ulong bits, int toBase, int bytes)
        {
            if (toBase != 2 && toBase != 8 && toBase != 10 && toBase != 16)
                throw new ArgumentException("Invalid Base.");
            if (toBase == 10)
                return Number.DecimalUnsigned(bits);
            char[] buf = new char[64];
            int p = buf.Length;
            if (bits == 0)
                buf[--p] = '0';
            while (bits != 0)
            {
                int d = (int)(bits % (ulong)toBase);
                buf[--p] = (char)(d < 10 ? '0' + d : 'a' + d - 10);
                bits /= (ulong)toBase;
            }
            return new string(buf, p, buf.Length - p);
        }

        // Parses an unsigned digit string in base 2/8/10/16 into the two's complement value of `bytes` bytes.
        private static long ParseBase(string value, int fromBase, int bytes)
        {
            if (fromBase != 2 && fromBase != 8 && fromBase != 10 && fromBase != 16)
                throw new ArgumentException("Invalid Base.");
            if (value == null)
                return 0;
            if (fromBase == 10)
            {
                if (bytes == 1) return byte.Parse(value);
                if (bytes == 4) return int.Parse(value);
                return long.Parse(value);
            }
            int i = 0;
            if (fromBase == 16 && value.Length >= 2 && value[0] == '0' && (value[1] == 'x' || value[1] == 'X'))
                i = 2;
            if (i >= value.Length)
                throw new FormatException("Could not find any recognizable digits.");
            ulong r = 0;
            ulong limit = bytes == 8 ? ulong.MaxValue : (1UL << (bytes * 8)) - 1;
            for (; i < value.Length; i++)
            {
                char c = value[i];
                int d;
                if (c >= '0' && c <= '9')
                    d = c - '0';
                else if (c >= 'a' && c <= 'z')
                    d = c - 'a' + 10;
                else if (c >= 'A' && c <= 'Z')
                    d = c - 'A' + 10;
                else
                    throw new FormatException("Additional non-parsable characters are at the end of the string.");
                if (d >= fromBase)
                    throw new FormatException("Additional non-parsable characters are at the end of the string.");
                ulong next = r * (ulong)fromBase + (ulong)d;
                if ((r > (ulong.MaxValue - (ulong)d) / (ulong)fromBase) || next > limit)
                    throw new OverflowException(bytes == 1 ? "Value was either too large or too small for an unsigned byte." : (bytes == 4 ? "Value was either too large or too small for an Int32." : "Value was either too large or too small for an Int64."));
                r = next;
            }
            if (bytes == 4)
                return (int)(uint)r;
            return (long)r;
        }
    }
}
