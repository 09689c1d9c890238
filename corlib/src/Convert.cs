// Convert: System.Convert between the primitive types, Decimal, DateTime, String and Object (objects are
// dispatched on their runtime type; there is no IConvertible). Floating point to integer conversions round
// half to even; messages and exception types follow Mono 6.8.
using System.Globalization;

namespace System
{
    public static class Convert
    {
        public static readonly object DBNull = null;

        private static Exception Overflow(string typeName)
        {
            return new OverflowException("Value was either too large or too small for " + typeName + ".");
        }

        private static Exception InvalidCast(string from, string to)
        {
            return new InvalidCastException("Invalid cast from '" + from + "' to '" + to + "'.");
        }

        private static long EnumValue(object value)
        {
            return (long)Enum.InternalGetValueBits(value);
        }

        public static bool IsDBNull(object value)
        {
            return false;
        }

        public static TypeCode GetTypeCode(object value)
        {
            if (value == null)
                return TypeCode.Empty;
            if (value is bool) return TypeCode.Boolean;
            if (value is char) return TypeCode.Char;
            if (value is sbyte) return TypeCode.SByte;
            if (value is byte) return TypeCode.Byte;
            if (value is short) return TypeCode.Int16;
            if (value is ushort) return TypeCode.UInt16;
            if (value is int) return TypeCode.Int32;
            if (value is uint) return TypeCode.UInt32;
            if (value is long) return TypeCode.Int64;
            if (value is ulong) return TypeCode.UInt64;
            if (value is float) return TypeCode.Single;
            if (value is double) return TypeCode.Double;
            if (value is decimal) return TypeCode.Decimal;
            if (value is DateTime) return TypeCode.DateTime;
            if (value is string) return TypeCode.String;
            if (value is Enum) return ((Enum)value).GetTypeCode();
            return TypeCode.Object;
        }

        public static object ChangeType(object value, TypeCode typeCode)
        {
            if (value == null && (typeCode == TypeCode.Empty || typeCode == TypeCode.String || typeCode == TypeCode.Object))
                return null;
            switch (typeCode)
            {
                case TypeCode.Boolean: return ToBoolean(value);
                case TypeCode.Char: return ToChar(value);
                case TypeCode.SByte: return ToSByte(value);
                case TypeCode.Byte: return ToByte(value);
                case TypeCode.Int16: return ToInt16(value);
                case TypeCode.UInt16: return ToUInt16(value);
                case TypeCode.Int32: return ToInt32(value);
                case TypeCode.UInt32: return ToUInt32(value);
                case TypeCode.Int64: return ToInt64(value);
                case TypeCode.UInt64: return ToUInt64(value);
                case TypeCode.Single: return ToSingle(value);
                case TypeCode.Double: return ToDouble(value);
                case TypeCode.Decimal: return ToDecimal(value);
                case TypeCode.DateTime: return ToDateTime(value);
                case TypeCode.String: return ToString(value);
                case TypeCode.Object: return value;
            }
            throw new ArgumentException("Unknown TypeCode value.");
        }

        public static object ChangeType(object value, Type conversionType)
        {
            if (conversionType == null)
                throw new ArgumentNullException("conversionType");
            if (value != null && value.GetType() == conversionType)
                return value;
            TypeCode tc = Type.GetTypeCode(conversionType);
            if (tc == TypeCode.Object)
            {
                if (value == null || conversionType.IsInstanceOfType(value))
                    return value;
                throw new InvalidCastException("Invalid cast from '" + value.GetType().FullName + "' to '" + conversionType.FullName + "'.");
            }
            return ChangeType(value, tc);
        }

        public static object ChangeType(object value, Type conversionType, IFormatProvider provider)
        {
            return ChangeType(value, conversionType);
        }

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

        public static bool ToBoolean(bool value)
        {
            return value;
        }
        public static bool ToBoolean(char value)
        {
            throw InvalidCast("Char", "Boolean");
        }
        public static bool ToBoolean(sbyte value)
        {
            return value != 0;
        }
        public static bool ToBoolean(byte value)
        {
            return value != 0;
        }
        public static bool ToBoolean(short value)
        {
            return value != 0;
        }
        public static bool ToBoolean(ushort value)
        {
            return value != 0;
        }
        public static bool ToBoolean(int value)
        {
            return value != 0;
        }
        public static bool ToBoolean(uint value)
        {
            return value != 0;
        }
        public static bool ToBoolean(long value)
        {
            return value != 0;
        }
        public static bool ToBoolean(ulong value)
        {
            return value != 0;
        }
        public static bool ToBoolean(float value)
        {
            return value != 0;
        }
        public static bool ToBoolean(double value)
        {
            return value != 0;
        }
        public static bool ToBoolean(decimal value)
        {
            return value != 0;
        }
        public static bool ToBoolean(DateTime value)
        {
            throw InvalidCast("DateTime", "Boolean");
        }
        public static bool ToBoolean(string value)
        {
            if (value == null)
                return false;
            return bool.Parse(value);
        }
        public static bool ToBoolean(object value)
        {
            if (value == null)
                return false;
            return ToBooleanFromObject(value);
        }
        public static bool ToBoolean(object value, IFormatProvider provider)
        {
            return ToBoolean(value);
        }
        public static bool ToBoolean(string value, IFormatProvider provider)
        {
            return ToBoolean(value);
        }
        private static bool ToBooleanFromObject(object value)
        {
            if (value is bool)
                return ToBoolean((bool)value);
            if (value is char)
                return ToBoolean((char)value);
            if (value is sbyte)
                return ToBoolean((sbyte)value);
            if (value is byte)
                return ToBoolean((byte)value);
            if (value is short)
                return ToBoolean((short)value);
            if (value is ushort)
                return ToBoolean((ushort)value);
            if (value is int)
                return ToBoolean((int)value);
            if (value is uint)
                return ToBoolean((uint)value);
            if (value is long)
                return ToBoolean((long)value);
            if (value is ulong)
                return ToBoolean((ulong)value);
            if (value is float)
                return ToBoolean((float)value);
            if (value is double)
                return ToBoolean((double)value);
            if (value is decimal)
                return ToBoolean((decimal)value);
            if (value is DateTime)
                return ToBoolean((DateTime)value);
            if (value is string)
                return ToBoolean((string)value);
            if (value is Enum)
                return ToBoolean(EnumValue(value));
            throw new InvalidCastException("Specified cast is not valid.");
        }
        public static char ToChar(bool value)
        {
            throw InvalidCast("Boolean", "Char");
        }
        public static char ToChar(char value)
        {
            return value;
        }
        public static char ToChar(sbyte value)
        {
            if ((long)value < 0L || (long)value > 65535L)
                throw Overflow("a character");
            return (char)value;
        }
        public static char ToChar(byte value)
        {
            if ((ulong)value > 65535UL)
                throw Overflow("a character");
            return (char)value;
        }
        public static char ToChar(short value)
        {
            if ((long)value < 0L || (long)value > 65535L)
                throw Overflow("a character");
            return (char)value;
        }
        public static char ToChar(ushort value)
        {
            if ((ulong)value > 65535UL)
                throw Overflow("a character");
            return (char)value;
        }
        public static char ToChar(int value)
        {
            if ((long)value < 0L || (long)value > 65535L)
                throw Overflow("a character");
            return (char)value;
        }
        public static char ToChar(uint value)
        {
            if ((ulong)value > 65535UL)
                throw Overflow("a character");
            return (char)value;
        }
        public static char ToChar(long value)
        {
            if ((long)value < 0L || (long)value > 65535L)
                throw Overflow("a character");
            return (char)value;
        }
        public static char ToChar(ulong value)
        {
            if (value > 65535UL)
                throw Overflow("a character");
            return (char)value;
        }
        public static char ToChar(float value)
        {
            throw InvalidCast("Single", "Char");
        }
        public static char ToChar(double value)
        {
            throw InvalidCast("Double", "Char");
        }
        public static char ToChar(decimal value)
        {
            throw InvalidCast("Decimal", "Char");
        }
        public static char ToChar(DateTime value)
        {
            throw InvalidCast("DateTime", "Char");
        }
        public static char ToChar(string value)
        {
            if (value == null)
                throw new ArgumentNullException("value");
            if (value.Length != 1)
                throw new FormatException("String must be exactly one character long.");
            return value[0];
        }
        public static char ToChar(object value)
        {
            if (value == null)
                return '\0';
            return ToCharFromObject(value);
        }
        public static char ToChar(object value, IFormatProvider provider)
        {
            return ToChar(value);
        }
        public static char ToChar(string value, IFormatProvider provider)
        {
            return ToChar(value);
        }
        private static char ToCharFromObject(object value)
        {
            if (value is bool)
                return ToChar((bool)value);
            if (value is char)
                return ToChar((char)value);
            if (value is sbyte)
                return ToChar((sbyte)value);
            if (value is byte)
                return ToChar((byte)value);
            if (value is short)
                return ToChar((short)value);
            if (value is ushort)
                return ToChar((ushort)value);
            if (value is int)
                return ToChar((int)value);
            if (value is uint)
                return ToChar((uint)value);
            if (value is long)
                return ToChar((long)value);
            if (value is ulong)
                return ToChar((ulong)value);
            if (value is float)
                return ToChar((float)value);
            if (value is double)
                return ToChar((double)value);
            if (value is decimal)
                return ToChar((decimal)value);
            if (value is DateTime)
                return ToChar((DateTime)value);
            if (value is string)
                return ToChar((string)value);
            if (value is Enum)
                return ToChar(EnumValue(value));
            throw new InvalidCastException("Specified cast is not valid.");
        }
        public static sbyte ToSByte(bool value)
        {
            return value ? (sbyte)1 : (sbyte)0;
        }
        public static sbyte ToSByte(char value)
        {
            if ((long)value < -128L || (long)value > 127L)
                throw Overflow("a signed byte");
            return (sbyte)value;
        }
        public static sbyte ToSByte(sbyte value)
        {
            return value;
        }
        public static sbyte ToSByte(byte value)
        {
            if ((long)value < -128L || (long)value > 127L)
                throw Overflow("a signed byte");
            return (sbyte)value;
        }
        public static sbyte ToSByte(short value)
        {
            if ((long)value < -128L || (long)value > 127L)
                throw Overflow("a signed byte");
            return (sbyte)value;
        }
        public static sbyte ToSByte(ushort value)
        {
            if ((long)value < -128L || (long)value > 127L)
                throw Overflow("a signed byte");
            return (sbyte)value;
        }
        public static sbyte ToSByte(int value)
        {
            if ((long)value < -128L || (long)value > 127L)
                throw Overflow("a signed byte");
            return (sbyte)value;
        }
        public static sbyte ToSByte(uint value)
        {
            if ((long)value < -128L || (long)value > 127L)
                throw Overflow("a signed byte");
            return (sbyte)value;
        }
        public static sbyte ToSByte(long value)
        {
            if ((long)value < -128L || (long)value > 127L)
                throw Overflow("a signed byte");
            return (sbyte)value;
        }
        public static sbyte ToSByte(ulong value)
        {
            if (value > 127UL)
                throw Overflow("a signed byte");
            return (sbyte)value;
        }
        public static sbyte ToSByte(float value)
        {
            return ToSByte(ToInt32(value));
        }
        public static sbyte ToSByte(double value)
        {
            return ToSByte(ToInt32(value));
        }
        public static sbyte ToSByte(decimal value)
        {
            return Decimal.ToSByte(Decimal.Round(value, 0));
        }
        public static sbyte ToSByte(DateTime value)
        {
            throw InvalidCast("DateTime", "SByte");
        }
        public static sbyte ToSByte(string value)
        {
            if (value == null)
                return 0;
            return sbyte.Parse(value);
        }
        public static sbyte ToSByte(object value)
        {
            if (value == null)
                return 0;
            return ToSByteFromObject(value);
        }
        public static sbyte ToSByte(object value, IFormatProvider provider)
        {
            return ToSByte(value);
        }
        public static sbyte ToSByte(string value, IFormatProvider provider)
        {
            return ToSByte(value);
        }
        private static sbyte ToSByteFromObject(object value)
        {
            if (value is bool)
                return ToSByte((bool)value);
            if (value is char)
                return ToSByte((char)value);
            if (value is sbyte)
                return ToSByte((sbyte)value);
            if (value is byte)
                return ToSByte((byte)value);
            if (value is short)
                return ToSByte((short)value);
            if (value is ushort)
                return ToSByte((ushort)value);
            if (value is int)
                return ToSByte((int)value);
            if (value is uint)
                return ToSByte((uint)value);
            if (value is long)
                return ToSByte((long)value);
            if (value is ulong)
                return ToSByte((ulong)value);
            if (value is float)
                return ToSByte((float)value);
            if (value is double)
                return ToSByte((double)value);
            if (value is decimal)
                return ToSByte((decimal)value);
            if (value is DateTime)
                return ToSByte((DateTime)value);
            if (value is string)
                return ToSByte((string)value);
            if (value is Enum)
                return ToSByte(EnumValue(value));
            throw new InvalidCastException("Specified cast is not valid.");
        }
        public static byte ToByte(bool value)
        {
            return value ? (byte)1 : (byte)0;
        }
        public static byte ToByte(char value)
        {
            if ((ulong)value > 255UL)
                throw Overflow("an unsigned byte");
            return (byte)value;
        }
        public static byte ToByte(sbyte value)
        {
            if ((long)value < 0L || (long)value > 255L)
                throw Overflow("an unsigned byte");
            return (byte)value;
        }
        public static byte ToByte(byte value)
        {
            return value;
        }
        public static byte ToByte(short value)
        {
            if ((long)value < 0L || (long)value > 255L)
                throw Overflow("an unsigned byte");
            return (byte)value;
        }
        public static byte ToByte(ushort value)
        {
            if ((ulong)value > 255UL)
                throw Overflow("an unsigned byte");
            return (byte)value;
        }
        public static byte ToByte(int value)
        {
            if ((long)value < 0L || (long)value > 255L)
                throw Overflow("an unsigned byte");
            return (byte)value;
        }
        public static byte ToByte(uint value)
        {
            if ((ulong)value > 255UL)
                throw Overflow("an unsigned byte");
            return (byte)value;
        }
        public static byte ToByte(long value)
        {
            if ((long)value < 0L || (long)value > 255L)
                throw Overflow("an unsigned byte");
            return (byte)value;
        }
        public static byte ToByte(ulong value)
        {
            if (value > 255UL)
                throw Overflow("an unsigned byte");
            return (byte)value;
        }
        public static byte ToByte(float value)
        {
            return ToByte(ToInt32(value));
        }
        public static byte ToByte(double value)
        {
            return ToByte(ToInt32(value));
        }
        public static byte ToByte(decimal value)
        {
            return Decimal.ToByte(Decimal.Round(value, 0));
        }
        public static byte ToByte(DateTime value)
        {
            throw InvalidCast("DateTime", "Byte");
        }
        public static byte ToByte(string value)
        {
            if (value == null)
                return 0;
            return byte.Parse(value);
        }
        public static byte ToByte(object value)
        {
            if (value == null)
                return 0;
            return ToByteFromObject(value);
        }
        public static byte ToByte(object value, IFormatProvider provider)
        {
            return ToByte(value);
        }
        public static byte ToByte(string value, IFormatProvider provider)
        {
            return ToByte(value);
        }
        private static byte ToByteFromObject(object value)
        {
            if (value is bool)
                return ToByte((bool)value);
            if (value is char)
                return ToByte((char)value);
            if (value is sbyte)
                return ToByte((sbyte)value);
            if (value is byte)
                return ToByte((byte)value);
            if (value is short)
                return ToByte((short)value);
            if (value is ushort)
                return ToByte((ushort)value);
            if (value is int)
                return ToByte((int)value);
            if (value is uint)
                return ToByte((uint)value);
            if (value is long)
                return ToByte((long)value);
            if (value is ulong)
                return ToByte((ulong)value);
            if (value is float)
                return ToByte((float)value);
            if (value is double)
                return ToByte((double)value);
            if (value is decimal)
                return ToByte((decimal)value);
            if (value is DateTime)
                return ToByte((DateTime)value);
            if (value is string)
                return ToByte((string)value);
            if (value is Enum)
                return ToByte(EnumValue(value));
            throw new InvalidCastException("Specified cast is not valid.");
        }
        public static short ToInt16(bool value)
        {
            return value ? (short)1 : (short)0;
        }
        public static short ToInt16(char value)
        {
            if ((long)value < -32768L || (long)value > 32767L)
                throw Overflow("an Int16");
            return (short)value;
        }
        public static short ToInt16(sbyte value)
        {
            if ((long)value < -32768L || (long)value > 32767L)
                throw Overflow("an Int16");
            return (short)value;
        }
        public static short ToInt16(byte value)
        {
            if ((long)value < -32768L || (long)value > 32767L)
                throw Overflow("an Int16");
            return (short)value;
        }
        public static short ToInt16(short value)
        {
            return value;
        }
        public static short ToInt16(ushort value)
        {
            if ((long)value < -32768L || (long)value > 32767L)
                throw Overflow("an Int16");
            return (short)value;
        }
        public static short ToInt16(int value)
        {
            if ((long)value < -32768L || (long)value > 32767L)
                throw Overflow("an Int16");
            return (short)value;
        }
        public static short ToInt16(uint value)
        {
            if ((long)value < -32768L || (long)value > 32767L)
                throw Overflow("an Int16");
            return (short)value;
        }
        public static short ToInt16(long value)
        {
            if ((long)value < -32768L || (long)value > 32767L)
                throw Overflow("an Int16");
            return (short)value;
        }
        public static short ToInt16(ulong value)
        {
            if (value > 32767UL)
                throw Overflow("an Int16");
            return (short)value;
        }
        public static short ToInt16(float value)
        {
            return ToInt16(ToInt32(value));
        }
        public static short ToInt16(double value)
        {
            return ToInt16(ToInt32(value));
        }
        public static short ToInt16(decimal value)
        {
            return Decimal.ToInt16(Decimal.Round(value, 0));
        }
        public static short ToInt16(DateTime value)
        {
            throw InvalidCast("DateTime", "Int16");
        }
        public static short ToInt16(string value)
        {
            if (value == null)
                return 0;
            return short.Parse(value);
        }
        public static short ToInt16(object value)
        {
            if (value == null)
                return 0;
            return ToInt16FromObject(value);
        }
        public static short ToInt16(object value, IFormatProvider provider)
        {
            return ToInt16(value);
        }
        public static short ToInt16(string value, IFormatProvider provider)
        {
            return ToInt16(value);
        }
        private static short ToInt16FromObject(object value)
        {
            if (value is bool)
                return ToInt16((bool)value);
            if (value is char)
                return ToInt16((char)value);
            if (value is sbyte)
                return ToInt16((sbyte)value);
            if (value is byte)
                return ToInt16((byte)value);
            if (value is short)
                return ToInt16((short)value);
            if (value is ushort)
                return ToInt16((ushort)value);
            if (value is int)
                return ToInt16((int)value);
            if (value is uint)
                return ToInt16((uint)value);
            if (value is long)
                return ToInt16((long)value);
            if (value is ulong)
                return ToInt16((ulong)value);
            if (value is float)
                return ToInt16((float)value);
            if (value is double)
                return ToInt16((double)value);
            if (value is decimal)
                return ToInt16((decimal)value);
            if (value is DateTime)
                return ToInt16((DateTime)value);
            if (value is string)
                return ToInt16((string)value);
            if (value is Enum)
                return ToInt16(EnumValue(value));
            throw new InvalidCastException("Specified cast is not valid.");
        }
        public static ushort ToUInt16(bool value)
        {
            return value ? (ushort)1 : (ushort)0;
        }
        public static ushort ToUInt16(char value)
        {
            if ((ulong)value > 65535UL)
                throw Overflow("a UInt16");
            return (ushort)value;
        }
        public static ushort ToUInt16(sbyte value)
        {
            if ((long)value < 0L || (long)value > 65535L)
                throw Overflow("a UInt16");
            return (ushort)value;
        }
        public static ushort ToUInt16(byte value)
        {
            if ((ulong)value > 65535UL)
                throw Overflow("a UInt16");
            return (ushort)value;
        }
        public static ushort ToUInt16(short value)
        {
            if ((long)value < 0L || (long)value > 65535L)
                throw Overflow("a UInt16");
            return (ushort)value;
        }
        public static ushort ToUInt16(ushort value)
        {
            return value;
        }
        public static ushort ToUInt16(int value)
        {
            if ((long)value < 0L || (long)value > 65535L)
                throw Overflow("a UInt16");
            return (ushort)value;
        }
        public static ushort ToUInt16(uint value)
        {
            if ((ulong)value > 65535UL)
                throw Overflow("a UInt16");
            return (ushort)value;
        }
        public static ushort ToUInt16(long value)
        {
            if ((long)value < 0L || (long)value > 65535L)
                throw Overflow("a UInt16");
            return (ushort)value;
        }
        public static ushort ToUInt16(ulong value)
        {
            if (value > 65535UL)
                throw Overflow("a UInt16");
            return (ushort)value;
        }
        public static ushort ToUInt16(float value)
        {
            return ToUInt16(ToInt32(value));
        }
        public static ushort ToUInt16(double value)
        {
            return ToUInt16(ToInt32(value));
        }
        public static ushort ToUInt16(decimal value)
        {
            return Decimal.ToUInt16(Decimal.Round(value, 0));
        }
        public static ushort ToUInt16(DateTime value)
        {
            throw InvalidCast("DateTime", "UInt16");
        }
        public static ushort ToUInt16(string value)
        {
            if (value == null)
                return 0;
            return ushort.Parse(value);
        }
        public static ushort ToUInt16(object value)
        {
            if (value == null)
                return 0;
            return ToUInt16FromObject(value);
        }
        public static ushort ToUInt16(object value, IFormatProvider provider)
        {
            return ToUInt16(value);
        }
        public static ushort ToUInt16(string value, IFormatProvider provider)
        {
            return ToUInt16(value);
        }
        private static ushort ToUInt16FromObject(object value)
        {
            if (value is bool)
                return ToUInt16((bool)value);
            if (value is char)
                return ToUInt16((char)value);
            if (value is sbyte)
                return ToUInt16((sbyte)value);
            if (value is byte)
                return ToUInt16((byte)value);
            if (value is short)
                return ToUInt16((short)value);
            if (value is ushort)
                return ToUInt16((ushort)value);
            if (value is int)
                return ToUInt16((int)value);
            if (value is uint)
                return ToUInt16((uint)value);
            if (value is long)
                return ToUInt16((long)value);
            if (value is ulong)
                return ToUInt16((ulong)value);
            if (value is float)
                return ToUInt16((float)value);
            if (value is double)
                return ToUInt16((double)value);
            if (value is decimal)
                return ToUInt16((decimal)value);
            if (value is DateTime)
                return ToUInt16((DateTime)value);
            if (value is string)
                return ToUInt16((string)value);
            if (value is Enum)
                return ToUInt16(EnumValue(value));
            throw new InvalidCastException("Specified cast is not valid.");
        }
        public static int ToInt32(bool value)
        {
            return value ? (int)1 : (int)0;
        }
        public static int ToInt32(char value)
        {
            if ((long)value < -2147483648L || (long)value > 2147483647L)
                throw Overflow("an Int32");
            return (int)value;
        }
        public static int ToInt32(sbyte value)
        {
            if ((long)value < -2147483648L || (long)value > 2147483647L)
                throw Overflow("an Int32");
            return (int)value;
        }
        public static int ToInt32(byte value)
        {
            if ((long)value < -2147483648L || (long)value > 2147483647L)
                throw Overflow("an Int32");
            return (int)value;
        }
        public static int ToInt32(short value)
        {
            if ((long)value < -2147483648L || (long)value > 2147483647L)
                throw Overflow("an Int32");
            return (int)value;
        }
        public static int ToInt32(ushort value)
        {
            if ((long)value < -2147483648L || (long)value > 2147483647L)
                throw Overflow("an Int32");
            return (int)value;
        }
        public static int ToInt32(int value)
        {
            return value;
        }
        public static int ToInt32(uint value)
        {
            if ((long)value < -2147483648L || (long)value > 2147483647L)
                throw Overflow("an Int32");
            return (int)value;
        }
        public static int ToInt32(long value)
        {
            if ((long)value < -2147483648L || (long)value > 2147483647L)
                throw Overflow("an Int32");
            return (int)value;
        }
        public static int ToInt32(ulong value)
        {
            if (value > 2147483647UL)
                throw Overflow("an Int32");
            return (int)value;
        }
        public static int ToInt32(float value)
        {
            double r = Math.Round((double)value);
            if (!(r >= -2147483648.0 && r <= 2147483647.0))
                throw Overflow("an Int32");
            return (int)r;
        }
        public static int ToInt32(double value)
        {
            double r = Math.Round((double)value);
            if (!(r >= -2147483648.0 && r <= 2147483647.0))
                throw Overflow("an Int32");
            return (int)r;
        }
        public static int ToInt32(decimal value)
        {
            return Decimal.ToInt32(Decimal.Round(value, 0));
        }
        public static int ToInt32(DateTime value)
        {
            throw InvalidCast("DateTime", "Int32");
        }
        public static int ToInt32(string value)
        {
            if (value == null)
                return 0;
            return int.Parse(value);
        }
        public static int ToInt32(object value)
        {
            if (value == null)
                return 0;
            return ToInt32FromObject(value);
        }
        public static int ToInt32(object value, IFormatProvider provider)
        {
            return ToInt32(value);
        }
        public static int ToInt32(string value, IFormatProvider provider)
        {
            return ToInt32(value);
        }
        private static int ToInt32FromObject(object value)
        {
            if (value is bool)
                return ToInt32((bool)value);
            if (value is char)
                return ToInt32((char)value);
            if (value is sbyte)
                return ToInt32((sbyte)value);
            if (value is byte)
                return ToInt32((byte)value);
            if (value is short)
                return ToInt32((short)value);
            if (value is ushort)
                return ToInt32((ushort)value);
            if (value is int)
                return ToInt32((int)value);
            if (value is uint)
                return ToInt32((uint)value);
            if (value is long)
                return ToInt32((long)value);
            if (value is ulong)
                return ToInt32((ulong)value);
            if (value is float)
                return ToInt32((float)value);
            if (value is double)
                return ToInt32((double)value);
            if (value is decimal)
                return ToInt32((decimal)value);
            if (value is DateTime)
                return ToInt32((DateTime)value);
            if (value is string)
                return ToInt32((string)value);
            if (value is Enum)
                return ToInt32(EnumValue(value));
            throw new InvalidCastException("Specified cast is not valid.");
        }
        public static uint ToUInt32(bool value)
        {
            return value ? (uint)1 : (uint)0;
        }
        public static uint ToUInt32(char value)
        {
            if ((ulong)value > 4294967295UL)
                throw Overflow("a UInt32");
            return (uint)value;
        }
        public static uint ToUInt32(sbyte value)
        {
            if ((long)value < 0L || (long)value > 4294967295L)
                throw Overflow("a UInt32");
            return (uint)value;
        }
        public static uint ToUInt32(byte value)
        {
            if ((ulong)value > 4294967295UL)
                throw Overflow("a UInt32");
            return (uint)value;
        }
        public static uint ToUInt32(short value)
        {
            if ((long)value < 0L || (long)value > 4294967295L)
                throw Overflow("a UInt32");
            return (uint)value;
        }
        public static uint ToUInt32(ushort value)
        {
            if ((ulong)value > 4294967295UL)
                throw Overflow("a UInt32");
            return (uint)value;
        }
        public static uint ToUInt32(int value)
        {
            if ((long)value < 0L || (long)value > 4294967295L)
                throw Overflow("a UInt32");
            return (uint)value;
        }
        public static uint ToUInt32(uint value)
        {
            return value;
        }
        public static uint ToUInt32(long value)
        {
            if ((long)value < 0L || (long)value > 4294967295L)
                throw Overflow("a UInt32");
            return (uint)value;
        }
        public static uint ToUInt32(ulong value)
        {
            if (value > 4294967295UL)
                throw Overflow("a UInt32");
            return (uint)value;
        }
        public static uint ToUInt32(float value)
        {
            double r = Math.Round((double)value);
            if (!(r >= 0.0 && r <= 4294967295.0))
                throw Overflow("a UInt32");
            return (uint)r;
        }
        public static uint ToUInt32(double value)
        {
            double r = Math.Round((double)value);
            if (!(r >= 0.0 && r <= 4294967295.0))
                throw Overflow("a UInt32");
            return (uint)r;
        }
        public static uint ToUInt32(decimal value)
        {
            return Decimal.ToUInt32(Decimal.Round(value, 0));
        }
        public static uint ToUInt32(DateTime value)
        {
            throw InvalidCast("DateTime", "UInt32");
        }
        public static uint ToUInt32(string value)
        {
            if (value == null)
                return 0;
            return uint.Parse(value);
        }
        public static uint ToUInt32(object value)
        {
            if (value == null)
                return 0;
            return ToUInt32FromObject(value);
        }
        public static uint ToUInt32(object value, IFormatProvider provider)
        {
            return ToUInt32(value);
        }
        public static uint ToUInt32(string value, IFormatProvider provider)
        {
            return ToUInt32(value);
        }
        private static uint ToUInt32FromObject(object value)
        {
            if (value is bool)
                return ToUInt32((bool)value);
            if (value is char)
                return ToUInt32((char)value);
            if (value is sbyte)
                return ToUInt32((sbyte)value);
            if (value is byte)
                return ToUInt32((byte)value);
            if (value is short)
                return ToUInt32((short)value);
            if (value is ushort)
                return ToUInt32((ushort)value);
            if (value is int)
                return ToUInt32((int)value);
            if (value is uint)
                return ToUInt32((uint)value);
            if (value is long)
                return ToUInt32((long)value);
            if (value is ulong)
                return ToUInt32((ulong)value);
            if (value is float)
                return ToUInt32((float)value);
            if (value is double)
                return ToUInt32((double)value);
            if (value is decimal)
                return ToUInt32((decimal)value);
            if (value is DateTime)
                return ToUInt32((DateTime)value);
            if (value is string)
                return ToUInt32((string)value);
            if (value is Enum)
                return ToUInt32(EnumValue(value));
            throw new InvalidCastException("Specified cast is not valid.");
        }
        public static long ToInt64(bool value)
        {
            return value ? (long)1 : (long)0;
        }
        public static long ToInt64(char value)
        {
            return (long)value;
        }
        public static long ToInt64(sbyte value)
        {
            return (long)value;
        }
        public static long ToInt64(byte value)
        {
            return (long)value;
        }
        public static long ToInt64(short value)
        {
            return (long)value;
        }
        public static long ToInt64(ushort value)
        {
            return (long)value;
        }
        public static long ToInt64(int value)
        {
            return (long)value;
        }
        public static long ToInt64(uint value)
        {
            return (long)value;
        }
        public static long ToInt64(long value)
        {
            return value;
        }
        public static long ToInt64(ulong value)
        {
            if (value > 9223372036854775807UL)
                throw Overflow("an Int64");
            return (long)value;
        }
        public static long ToInt64(float value)
        {
            double r = Math.Round((double)value);
            if (!(r >= -9223372036854775808.0 && r < 9223372036854775808.0))
                throw new OverflowException();
            return (long)r;
        }
        public static long ToInt64(double value)
        {
            double r = Math.Round((double)value);
            if (!(r >= -9223372036854775808.0 && r < 9223372036854775808.0))
                throw new OverflowException();
            return (long)r;
        }
        public static long ToInt64(decimal value)
        {
            return Decimal.ToInt64(Decimal.Round(value, 0));
        }
        public static long ToInt64(DateTime value)
        {
            throw InvalidCast("DateTime", "Int64");
        }
        public static long ToInt64(string value)
        {
            if (value == null)
                return 0;
            return long.Parse(value);
        }
        public static long ToInt64(object value)
        {
            if (value == null)
                return 0;
            return ToInt64FromObject(value);
        }
        public static long ToInt64(object value, IFormatProvider provider)
        {
            return ToInt64(value);
        }
        public static long ToInt64(string value, IFormatProvider provider)
        {
            return ToInt64(value);
        }
        private static long ToInt64FromObject(object value)
        {
            if (value is bool)
                return ToInt64((bool)value);
            if (value is char)
                return ToInt64((char)value);
            if (value is sbyte)
                return ToInt64((sbyte)value);
            if (value is byte)
                return ToInt64((byte)value);
            if (value is short)
                return ToInt64((short)value);
            if (value is ushort)
                return ToInt64((ushort)value);
            if (value is int)
                return ToInt64((int)value);
            if (value is uint)
                return ToInt64((uint)value);
            if (value is long)
                return ToInt64((long)value);
            if (value is ulong)
                return ToInt64((ulong)value);
            if (value is float)
                return ToInt64((float)value);
            if (value is double)
                return ToInt64((double)value);
            if (value is decimal)
                return ToInt64((decimal)value);
            if (value is DateTime)
                return ToInt64((DateTime)value);
            if (value is string)
                return ToInt64((string)value);
            if (value is Enum)
                return ToInt64(EnumValue(value));
            throw new InvalidCastException("Specified cast is not valid.");
        }
        public static ulong ToUInt64(bool value)
        {
            return value ? (ulong)1 : (ulong)0;
        }
        public static ulong ToUInt64(char value)
        {
            return (ulong)value;
        }
        public static ulong ToUInt64(sbyte value)
        {
            if (value < 0)
                throw Overflow("a UInt64");
            return (ulong)value;
        }
        public static ulong ToUInt64(byte value)
        {
            return (ulong)value;
        }
        public static ulong ToUInt64(short value)
        {
            if (value < 0)
                throw Overflow("a UInt64");
            return (ulong)value;
        }
        public static ulong ToUInt64(ushort value)
        {
            return (ulong)value;
        }
        public static ulong ToUInt64(int value)
        {
            if (value < 0)
                throw Overflow("a UInt64");
            return (ulong)value;
        }
        public static ulong ToUInt64(uint value)
        {
            return (ulong)value;
        }
        public static ulong ToUInt64(long value)
        {
            if (value < 0)
                throw Overflow("a UInt64");
            return (ulong)value;
        }
        public static ulong ToUInt64(ulong value)
        {
            return value;
        }
        public static ulong ToUInt64(float value)
        {
            double r = Math.Round((double)value);
            if (!(r > -1.0 && r < 18446744073709551616.0))
                throw new OverflowException();
            return (ulong)r;
        }
        public static ulong ToUInt64(double value)
        {
            double r = Math.Round((double)value);
            if (!(r > -1.0 && r < 18446744073709551616.0))
                throw new OverflowException();
            return (ulong)r;
        }
        public static ulong ToUInt64(decimal value)
        {
            return Decimal.ToUInt64(Decimal.Round(value, 0));
        }
        public static ulong ToUInt64(DateTime value)
        {
            throw InvalidCast("DateTime", "UInt64");
        }
        public static ulong ToUInt64(string value)
        {
            if (value == null)
                return 0;
            return ulong.Parse(value);
        }
        public static ulong ToUInt64(object value)
        {
            if (value == null)
                return 0;
            return ToUInt64FromObject(value);
        }
        public static ulong ToUInt64(object value, IFormatProvider provider)
        {
            return ToUInt64(value);
        }
        public static ulong ToUInt64(string value, IFormatProvider provider)
        {
            return ToUInt64(value);
        }
        private static ulong ToUInt64FromObject(object value)
        {
            if (value is bool)
                return ToUInt64((bool)value);
            if (value is char)
                return ToUInt64((char)value);
            if (value is sbyte)
                return ToUInt64((sbyte)value);
            if (value is byte)
                return ToUInt64((byte)value);
            if (value is short)
                return ToUInt64((short)value);
            if (value is ushort)
                return ToUInt64((ushort)value);
            if (value is int)
                return ToUInt64((int)value);
            if (value is uint)
                return ToUInt64((uint)value);
            if (value is long)
                return ToUInt64((long)value);
            if (value is ulong)
                return ToUInt64((ulong)value);
            if (value is float)
                return ToUInt64((float)value);
            if (value is double)
                return ToUInt64((double)value);
            if (value is decimal)
                return ToUInt64((decimal)value);
            if (value is DateTime)
                return ToUInt64((DateTime)value);
            if (value is string)
                return ToUInt64((string)value);
            if (value is Enum)
                return ToUInt64(EnumValue(value));
            throw new InvalidCastException("Specified cast is not valid.");
        }
        public static float ToSingle(bool value)
        {
            return value ? 1 : 0;
        }
        public static float ToSingle(char value)
        {
            throw InvalidCast("Char", "Single");
        }
        public static float ToSingle(sbyte value)
        {
            return (float)value;
        }
        public static float ToSingle(byte value)
        {
            return (float)value;
        }
        public static float ToSingle(short value)
        {
            return (float)value;
        }
        public static float ToSingle(ushort value)
        {
            return (float)value;
        }
        public static float ToSingle(int value)
        {
            return (float)value;
        }
        public static float ToSingle(uint value)
        {
            return (float)value;
        }
        public static float ToSingle(long value)
        {
            return (float)value;
        }
        public static float ToSingle(ulong value)
        {
            return (float)value;
        }
        public static float ToSingle(float value)
        {
            return value;
        }
        public static float ToSingle(double value)
        {
            return (float)value;
        }
        public static float ToSingle(decimal value)
        {
            return (float)value;
        }
        public static float ToSingle(DateTime value)
        {
            throw InvalidCast("DateTime", "Single");
        }
        public static float ToSingle(string value)
        {
            if (value == null)
                return 0;
            return float.Parse(value);
        }
        public static float ToSingle(object value)
        {
            if (value == null)
                return 0;
            return ToSingleFromObject(value);
        }
        public static float ToSingle(object value, IFormatProvider provider)
        {
            return ToSingle(value);
        }
        public static float ToSingle(string value, IFormatProvider provider)
        {
            return ToSingle(value);
        }
        private static float ToSingleFromObject(object value)
        {
            if (value is bool)
                return ToSingle((bool)value);
            if (value is char)
                return ToSingle((char)value);
            if (value is sbyte)
                return ToSingle((sbyte)value);
            if (value is byte)
                return ToSingle((byte)value);
            if (value is short)
                return ToSingle((short)value);
            if (value is ushort)
                return ToSingle((ushort)value);
            if (value is int)
                return ToSingle((int)value);
            if (value is uint)
                return ToSingle((uint)value);
            if (value is long)
                return ToSingle((long)value);
            if (value is ulong)
                return ToSingle((ulong)value);
            if (value is float)
                return ToSingle((float)value);
            if (value is double)
                return ToSingle((double)value);
            if (value is decimal)
                return ToSingle((decimal)value);
            if (value is DateTime)
                return ToSingle((DateTime)value);
            if (value is string)
                return ToSingle((string)value);
            if (value is Enum)
                return ToSingle(EnumValue(value));
            throw new InvalidCastException("Specified cast is not valid.");
        }
        public static double ToDouble(bool value)
        {
            return value ? 1 : 0;
        }
        public static double ToDouble(char value)
        {
            throw InvalidCast("Char", "Double");
        }
        public static double ToDouble(sbyte value)
        {
            return (double)value;
        }
        public static double ToDouble(byte value)
        {
            return (double)value;
        }
        public static double ToDouble(short value)
        {
            return (double)value;
        }
        public static double ToDouble(ushort value)
        {
            return (double)value;
        }
        public static double ToDouble(int value)
        {
            return (double)value;
        }
        public static double ToDouble(uint value)
        {
            return (double)value;
        }
        public static double ToDouble(long value)
        {
            return (double)value;
        }
        public static double ToDouble(ulong value)
        {
            return (double)value;
        }
        public static double ToDouble(float value)
        {
            return (double)value;
        }
        public static double ToDouble(double value)
        {
            return value;
        }
        public static double ToDouble(decimal value)
        {
            return (double)value;
        }
        public static double ToDouble(DateTime value)
        {
            throw InvalidCast("DateTime", "Double");
        }
        public static double ToDouble(string value)
        {
            if (value == null)
                return 0;
            return double.Parse(value);
        }
        public static double ToDouble(object value)
        {
            if (value == null)
                return 0;
            return ToDoubleFromObject(value);
        }
        public static double ToDouble(object value, IFormatProvider provider)
        {
            return ToDouble(value);
        }
        public static double ToDouble(string value, IFormatProvider provider)
        {
            return ToDouble(value);
        }
        private static double ToDoubleFromObject(object value)
        {
            if (value is bool)
                return ToDouble((bool)value);
            if (value is char)
                return ToDouble((char)value);
            if (value is sbyte)
                return ToDouble((sbyte)value);
            if (value is byte)
                return ToDouble((byte)value);
            if (value is short)
                return ToDouble((short)value);
            if (value is ushort)
                return ToDouble((ushort)value);
            if (value is int)
                return ToDouble((int)value);
            if (value is uint)
                return ToDouble((uint)value);
            if (value is long)
                return ToDouble((long)value);
            if (value is ulong)
                return ToDouble((ulong)value);
            if (value is float)
                return ToDouble((float)value);
            if (value is double)
                return ToDouble((double)value);
            if (value is decimal)
                return ToDouble((decimal)value);
            if (value is DateTime)
                return ToDouble((DateTime)value);
            if (value is string)
                return ToDouble((string)value);
            if (value is Enum)
                return ToDouble(EnumValue(value));
            throw new InvalidCastException("Specified cast is not valid.");
        }
        public static decimal ToDecimal(bool value)
        {
            return value ? 1 : 0;
        }
        public static decimal ToDecimal(char value)
        {
            throw InvalidCast("Char", "Decimal");
        }
        public static decimal ToDecimal(sbyte value)
        {
            return (decimal)value;
        }
        public static decimal ToDecimal(byte value)
        {
            return (decimal)value;
        }
        public static decimal ToDecimal(short value)
        {
            return (decimal)value;
        }
        public static decimal ToDecimal(ushort value)
        {
            return (decimal)value;
        }
        public static decimal ToDecimal(int value)
        {
            return (decimal)value;
        }
        public static decimal ToDecimal(uint value)
        {
            return (decimal)value;
        }
        public static decimal ToDecimal(long value)
        {
            return (decimal)value;
        }
        public static decimal ToDecimal(ulong value)
        {
            return (decimal)value;
        }
        public static decimal ToDecimal(float value)
        {
            return (decimal)value;
        }
        public static decimal ToDecimal(double value)
        {
            return (decimal)value;
        }
        public static decimal ToDecimal(decimal value)
        {
            return value;
        }
        public static decimal ToDecimal(DateTime value)
        {
            throw InvalidCast("DateTime", "Decimal");
        }
        public static decimal ToDecimal(string value)
        {
            if (value == null)
                return 0;
            return decimal.Parse(value);
        }
        public static decimal ToDecimal(object value)
        {
            if (value == null)
                return 0;
            return ToDecimalFromObject(value);
        }
        public static decimal ToDecimal(object value, IFormatProvider provider)
        {
            return ToDecimal(value);
        }
        public static decimal ToDecimal(string value, IFormatProvider provider)
        {
            return ToDecimal(value);
        }
        private static decimal ToDecimalFromObject(object value)
        {
            if (value is bool)
                return ToDecimal((bool)value);
            if (value is char)
                return ToDecimal((char)value);
            if (value is sbyte)
                return ToDecimal((sbyte)value);
            if (value is byte)
                return ToDecimal((byte)value);
            if (value is short)
                return ToDecimal((short)value);
            if (value is ushort)
                return ToDecimal((ushort)value);
            if (value is int)
                return ToDecimal((int)value);
            if (value is uint)
                return ToDecimal((uint)value);
            if (value is long)
                return ToDecimal((long)value);
            if (value is ulong)
                return ToDecimal((ulong)value);
            if (value is float)
                return ToDecimal((float)value);
            if (value is double)
                return ToDecimal((double)value);
            if (value is decimal)
                return ToDecimal((decimal)value);
            if (value is DateTime)
                return ToDecimal((DateTime)value);
            if (value is string)
                return ToDecimal((string)value);
            if (value is Enum)
                return ToDecimal(EnumValue(value));
            throw new InvalidCastException("Specified cast is not valid.");
        }
        public static DateTime ToDateTime(bool value)
        {
            throw InvalidCast("Boolean", "DateTime");
        }
        public static DateTime ToDateTime(char value)
        {
            throw InvalidCast("Char", "DateTime");
        }
        public static DateTime ToDateTime(sbyte value)
        {
            throw InvalidCast("SByte", "DateTime");
        }
        public static DateTime ToDateTime(byte value)
        {
            throw InvalidCast("Byte", "DateTime");
        }
        public static DateTime ToDateTime(short value)
        {
            throw InvalidCast("Int16", "DateTime");
        }
        public static DateTime ToDateTime(ushort value)
        {
            throw InvalidCast("UInt16", "DateTime");
        }
        public static DateTime ToDateTime(int value)
        {
            throw InvalidCast("Int32", "DateTime");
        }
        public static DateTime ToDateTime(uint value)
        {
            throw InvalidCast("UInt32", "DateTime");
        }
        public static DateTime ToDateTime(long value)
        {
            throw InvalidCast("Int64", "DateTime");
        }
        public static DateTime ToDateTime(ulong value)
        {
            throw InvalidCast("UInt64", "DateTime");
        }
        public static DateTime ToDateTime(float value)
        {
            throw InvalidCast("Single", "DateTime");
        }
        public static DateTime ToDateTime(double value)
        {
            throw InvalidCast("Double", "DateTime");
        }
        public static DateTime ToDateTime(decimal value)
        {
            throw InvalidCast("Decimal", "DateTime");
        }
        public static DateTime ToDateTime(DateTime value)
        {
            return value;
        }
        public static DateTime ToDateTime(string value)
        {
            if (value == null)
                return new DateTime(0);
            return DateTime.Parse(value);
        }
        public static DateTime ToDateTime(object value)
        {
            if (value == null)
                return new DateTime(0);
            return ToDateTimeFromObject(value);
        }
        public static DateTime ToDateTime(object value, IFormatProvider provider)
        {
            return ToDateTime(value);
        }
        public static DateTime ToDateTime(string value, IFormatProvider provider)
        {
            return ToDateTime(value);
        }
        private static DateTime ToDateTimeFromObject(object value)
        {
            if (value is bool)
                return ToDateTime((bool)value);
            if (value is char)
                return ToDateTime((char)value);
            if (value is sbyte)
                return ToDateTime((sbyte)value);
            if (value is byte)
                return ToDateTime((byte)value);
            if (value is short)
                return ToDateTime((short)value);
            if (value is ushort)
                return ToDateTime((ushort)value);
            if (value is int)
                return ToDateTime((int)value);
            if (value is uint)
                return ToDateTime((uint)value);
            if (value is long)
                return ToDateTime((long)value);
            if (value is ulong)
                return ToDateTime((ulong)value);
            if (value is float)
                return ToDateTime((float)value);
            if (value is double)
                return ToDateTime((double)value);
            if (value is decimal)
                return ToDateTime((decimal)value);
            if (value is DateTime)
                return ToDateTime((DateTime)value);
            if (value is string)
                return ToDateTime((string)value);
            if (value is Enum)
                throw InvalidCast("Enum", "DateTime");
            throw new InvalidCastException("Specified cast is not valid.");
        }
        public static string ToString(bool value)
        {
            return value.ToString();
        }
        public static string ToString(bool value, IFormatProvider provider)
        {
            return value.ToString();
        }
        public static string ToString(char value)
        {
            return value.ToString();
        }
        public static string ToString(char value, IFormatProvider provider)
        {
            return value.ToString();
        }
        public static string ToString(sbyte value)
        {
            return value.ToString();
        }
        public static string ToString(sbyte value, IFormatProvider provider)
        {
            return value.ToString();
        }
        public static string ToString(byte value)
        {
            return value.ToString();
        }
        public static string ToString(byte value, IFormatProvider provider)
        {
            return value.ToString();
        }
        public static string ToString(short value)
        {
            return value.ToString();
        }
        public static string ToString(short value, IFormatProvider provider)
        {
            return value.ToString();
        }
        public static string ToString(ushort value)
        {
            return value.ToString();
        }
        public static string ToString(ushort value, IFormatProvider provider)
        {
            return value.ToString();
        }
        public static string ToString(int value)
        {
            return value.ToString();
        }
        public static string ToString(int value, IFormatProvider provider)
        {
            return value.ToString();
        }
        public static string ToString(uint value)
        {
            return value.ToString();
        }
        public static string ToString(uint value, IFormatProvider provider)
        {
            return value.ToString();
        }
        public static string ToString(long value)
        {
            return value.ToString();
        }
        public static string ToString(long value, IFormatProvider provider)
        {
            return value.ToString();
        }
        public static string ToString(ulong value)
        {
            return value.ToString();
        }
        public static string ToString(ulong value, IFormatProvider provider)
        {
            return value.ToString();
        }
        public static string ToString(float value)
        {
            return value.ToString();
        }
        public static string ToString(float value, IFormatProvider provider)
        {
            return value.ToString();
        }
        public static string ToString(double value)
        {
            return value.ToString();
        }
        public static string ToString(double value, IFormatProvider provider)
        {
            return value.ToString();
        }
        public static string ToString(decimal value)
        {
            return value.ToString();
        }
        public static string ToString(decimal value, IFormatProvider provider)
        {
            return value.ToString();
        }
        public static string ToString(DateTime value)
        {
            return value.ToString();
        }
        public static string ToString(DateTime value, IFormatProvider provider)
        {
            return value.ToString();
        }
        public static string ToString(string value)
        {
            return value;
        }
        public static string ToString(string value, IFormatProvider provider)
        {
            return value;
        }

        // ------------------------------------------------------------ other bases

        public static string ToString(byte value, int toBase)
        {
            return ToBase((ulong)value, toBase, 1);
        }

        public static string ToString(short value, int toBase)
        {
            if (toBase == 10)
                return value.ToString();
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

        public static int ToInt32(string value, int fromBase)
        {
            CheckBase(fromBase);
            if (value == null)
                return 0;
            return (int)StringToNumber(value, fromBase, false, false);
        }

        public static long ToInt64(string value, int fromBase)
        {
            CheckBase(fromBase);
            if (value == null)
                return 0;
            return StringToNumber(value, fromBase, false, true);
        }

        public static byte ToByte(string value, int fromBase)
        {
            CheckBase(fromBase);
            if (value == null)
                return 0;
            int r = (int)StringToNumber(value, fromBase, true, false);
            if (r < 0 || r > 255)
                throw Overflow("an unsigned byte");
            return (byte)r;
        }

        public static short ToInt16(string value, int fromBase)
        {
            CheckBase(fromBase);
            if (value == null)
                return 0;
            int r = (int)StringToNumber(value, fromBase, false, false);
            if (fromBase != 10 && r <= 65535)
                return (short)r;
            if (r < -32768 || r > 32767)
                throw Overflow("an Int16");
            return (short)r;
        }

        private static void CheckBase(int b)
        {
            if (b != 2 && b != 8 && b != 10 && b != 16)
                throw new ArgumentException("Invalid Base.");
        }

        // Mono's ParseNumbers: optional sign (a '-' only in base 10), "0x" in base 16, digits, nothing else.
        // 32-bit (or 64-bit when wide) two's complement result for bases other than 10.
        private static long StringToNumber(string s, int radix, bool unsigned, bool wide)
        {
            int len = s.Length;
            if (len == 0)
                throw new ArgumentOutOfRangeException("Index was out of range. Must be non-negative and less than the size of the collection.");
            int i = 0;
            bool negative = false;
            if (s[0] == '-')
            {
                if (radix != 10)
                    throw new ArgumentException("String cannot contain a minus sign if the base is not 10.");
                if (unsigned)
                    throw new OverflowException("The string was being parsed as an unsigned number and could not have a negative sign.");
                negative = true;
                i++;
            }
            else if (s[0] == '+')
                i++;
            if (radix == 16 && i + 1 < len && s[i] == '0' && (s[i + 1] == 'x' || s[i + 1] == 'X'))
                i += 2;
            int start = i;
            ulong result = 0;
            ulong limit = wide ? ulong.MaxValue : 0xFFFFFFFFUL;
            bool overflow = false;
            for (; i < len; i++)
            {
                char c = s[i];
                int d;
                if (c >= '0' && c <= '9')
                    d = c - '0';
                else if (c >= 'a' && c <= 'z')
                    d = c - 'a' + 10;
                else if (c >= 'A' && c <= 'Z')
                    d = c - 'A' + 10;
                else
                    break;
                if (d >= radix)
                    break;
                if (result > (limit - (ulong)d) / (ulong)radix)
                    overflow = true;
                result = result * (ulong)radix + (ulong)d;
            }
            if (i == start)
                throw new FormatException("Could not find any recognizable digits.");
            if (i < len)
                throw new FormatException("Additional non-parsable characters are at the end of the string.");
            if (radix == 10)
            {
                ulong max = wide ? 9223372036854775807UL : 2147483647UL;
                if (overflow || result > (negative ? max + 1 : max))
                    throw Overflow(wide ? "an Int64" : "an Int32");
                if (negative)
                    return result == 0 ? 0 : -(long)(result - 1) - 1;
                return (long)result;
            }
            if (overflow)
                throw Overflow(wide ? "a UInt64" : "a UInt32");
            if (wide)
                return (long)result;
            return (int)(uint)result;
        }
    }
}
