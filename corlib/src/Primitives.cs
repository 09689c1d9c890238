// Primitives: Boolean, Char, the integer types, IntPtr/UIntPtr, Single, Double, TypeCode and BitConverter.
// Formatting and parsing are delegated to System.Number (Number.cs).
using System.Globalization;
using System.Runtime.CompilerServices;

namespace System
{
    public enum TypeCode
    {
        Empty = 0,
        Object = 1,
        DBNull = 2,
        Boolean = 3,
        Char = 4,
        SByte = 5,
        Byte = 6,
        Int16 = 7,
        UInt16 = 8,
        Int32 = 9,
        UInt32 = 10,
        Int64 = 11,
        UInt64 = 12,
        Single = 13,
        Double = 14,
        Decimal = 15,
        DateTime = 16,
        String = 18
    }

    public struct Boolean : IComparable
    {
        internal bool m_value;

        public static readonly string TrueString = "True";
        public static readonly string FalseString = "False";

        public override int GetHashCode()
        {
            return m_value ? 1 : 0;
        }

        public override string ToString()
        {
            return m_value ? "True" : "False";
        }

        public string ToString(IFormatProvider provider)
        {
            return m_value ? "True" : "False";
        }

        public override bool Equals(object obj)
        {
            if (!(obj is bool))
                return false;
            return m_value == (bool)obj;
        }

        public bool Equals(bool obj)
        {
            return m_value == obj;
        }

        public int CompareTo(object obj)
        {
            if (obj == null)
                return 1;
            if (!(obj is bool))
                throw new ArgumentException("Object must be of type Boolean.");
            return CompareTo((bool)obj);
        }

        public int CompareTo(bool value)
        {
            if (m_value == value)
                return 0;
            return m_value ? 1 : -1;
        }

        public static bool Parse(string value)
        {
            if (value == null)
                throw new ArgumentNullException("value");
            bool result;
            if (!TryParse(value, out result))
                throw new FormatException("String was not recognized as a valid Boolean.");
            return result;
        }

        public static bool TryParse(string value, out bool result)
        {
            result = false;
            if (value == null)
                return false;
            string t = value.Trim();
            if (String.EqualsOrdinalIgnoreCase(t, "True"))
            {
                result = true;
                return true;
            }
            if (String.EqualsOrdinalIgnoreCase(t, "False"))
                return true;
            return false;
        }

        public TypeCode GetTypeCode()
        {
            return TypeCode.Boolean;
        }
    }

    public struct Char : IComparable
    {
        internal char m_value;

        public const char MaxValue = '\uffff';
        public const char MinValue = '\0';

        public override int GetHashCode()
        {
            return (int)m_value | ((int)m_value << 16);
        }

        public override bool Equals(object obj)
        {
            if (!(obj is char))
                return false;
            return m_value == (char)obj;
        }

        public bool Equals(char obj)
        {
            return m_value == obj;
        }

        public int CompareTo(object value)
        {
            if (value == null)
                return 1;
            if (!(value is char))
                throw new ArgumentException("Object must be of type Char.");
            return m_value - (char)value;
        }

        public int CompareTo(char value)
        {
            return m_value - value;
        }

        public override string ToString()
        {
            return String.CreateFromChar(m_value);
        }

        public string ToString(IFormatProvider provider)
        {
            return String.CreateFromChar(m_value);
        }

        public static string ToString(char c)
        {
            return String.CreateFromChar(c);
        }

        public static char Parse(string s)
        {
            if (s == null)
                throw new ArgumentNullException("s");
            if (s.Length != 1)
                throw new FormatException("String must be exactly one character long.");
            return s[0];
        }

        public static bool TryParse(string s, out char result)
        {
            result = '\0';
            if (s == null || s.Length != 1)
                return false;
            result = s[0];
            return true;
        }

        public TypeCode GetTypeCode()
        {
            return TypeCode.Char;
        }

        public static bool IsDigit(char c)
        {
            return CharInfo.IsDigit(c);
        }

        public static bool IsDigit(string s, int index)
        {
            return IsDigit(CharAt(s, index));
        }

        public static bool IsLetter(char c)
        {
            return CharInfo.IsLetter(c);
        }

        public static bool IsLetter(string s, int index)
        {
            return IsLetter(CharAt(s, index));
        }

        public static bool IsLetterOrDigit(char c)
        {
            return CharInfo.IsLetter(c) || CharInfo.IsDigit(c);
        }

        public static bool IsLetterOrDigit(string s, int index)
        {
            return IsLetterOrDigit(CharAt(s, index));
        }

        public static bool IsWhiteSpace(char c)
        {
            return CharInfo.IsWhiteSpace(c);
        }

        public static bool IsWhiteSpace(string s, int index)
        {
            return IsWhiteSpace(CharAt(s, index));
        }

        public static bool IsUpper(char c)
        {
            return CharInfo.IsUpper(c);
        }

        public static bool IsUpper(string s, int index)
        {
            return IsUpper(CharAt(s, index));
        }

        public static bool IsLower(char c)
        {
            return CharInfo.IsLower(c);
        }

        public static bool IsLower(string s, int index)
        {
            return IsLower(CharAt(s, index));
        }

        public static bool IsPunctuation(char c)
        {
            return CharInfo.IsPunctuation(c);
        }

        public static bool IsPunctuation(string s, int index)
        {
            return IsPunctuation(CharAt(s, index));
        }

        public static bool IsSymbol(char c)
        {
            return CharInfo.IsSymbol(c);
        }

        public static bool IsSymbol(string s, int index)
        {
            return IsSymbol(CharAt(s, index));
        }

        public static bool IsSeparator(char c)
        {
            return CharInfo.IsSeparator(c);
        }

        public static bool IsSeparator(string s, int index)
        {
            return IsSeparator(CharAt(s, index));
        }

        public static bool IsControl(char c)
        {
            return c < 0x20 || (c >= 0x7f && c < 0xa0);
        }

        public static bool IsControl(string s, int index)
        {
            return IsControl(CharAt(s, index));
        }

        public static bool IsNumber(char c)
        {
            return CharInfo.IsNumber(c);
        }

        public static bool IsNumber(string s, int index)
        {
            return IsNumber(CharAt(s, index));
        }

        public static bool IsSurrogate(char c)
        {
            return c >= 0xd800 && c <= 0xdfff;
        }

        public static bool IsHighSurrogate(char c)
        {
            return c >= 0xd800 && c <= 0xdbff;
        }

        public static bool IsLowSurrogate(char c)
        {
            return c >= 0xdc00 && c <= 0xdfff;
        }

        public static double GetNumericValue(char c)
        {
            if (c >= '0' && c <= '9')
                return c - '0';
            return -1.0;
        }

        public static char ToUpper(char c)
        {
            return CharInfo.ToUpper(c);
        }

        public static char ToUpper(char c, CultureInfo culture)
        {
            return CharInfo.ToUpper(c);
        }

        public static char ToUpperInvariant(char c)
        {
            return CharInfo.ToUpper(c);
        }

        public static char ToLower(char c)
        {
            return CharInfo.ToLower(c);
        }

        public static char ToLower(char c, CultureInfo culture)
        {
            return CharInfo.ToLower(c);
        }

        public static char ToLowerInvariant(char c)
        {
            return CharInfo.ToLower(c);
        }

        private static char CharAt(string s, int index)
        {
            if (s == null)
                throw new ArgumentNullException("s");
            if (index < 0 || index >= s.Length)
                throw new ArgumentOutOfRangeException("index");
            return s[index];
        }
    }

    public struct SByte : IComparable, IFormattable
    {
        internal sbyte m_value;

        public const sbyte MaxValue = 127;
        public const sbyte MinValue = -128;

        public int CompareTo(object value)
        {
            if (value == null)
                return 1;
            if (!(value is sbyte))
                throw new ArgumentException("Object must be of type SByte.");
            return CompareTo((sbyte)value);
        }

        public int CompareTo(sbyte value)
        {
            if (m_value < value)
                return -1;
            if (m_value > value)
                return 1;
            return 0;
        }

        public override bool Equals(object obj)
        {
            if (!(obj is sbyte))
                return false;
            return m_value == (sbyte)obj;
        }

        public bool Equals(sbyte obj)
        {
            return m_value == obj;
        }

        public override int GetHashCode()
        {
            return ((int)m_value ^ (int)m_value << 8);
        }

        public override string ToString()
        {
            return Number.DecimalSigned(m_value);
        }

        public string ToString(string format)
        {
            return Number.FormatSigned(m_value, format, 1);
        }

        public string ToString(IFormatProvider provider)
        {
            return Number.DecimalSigned(m_value);
        }

        public string ToString(string format, IFormatProvider provider)
        {
            return Number.FormatSigned(m_value, format, 1);
        }

        public static sbyte Parse(string s)
        {
            NumberStyles style = NumberStyles.Integer;
            return (sbyte)Number.ParseSigned(s, style, -128, 127, 1);
        }

        public static sbyte Parse(string s, NumberStyles style)
        {
            return (sbyte)Number.ParseSigned(s, style, -128, 127, 1);
        }

        public static sbyte Parse(string s, IFormatProvider provider)
        {
            NumberStyles style = NumberStyles.Integer;
            return (sbyte)Number.ParseSigned(s, style, -128, 127, 1);
        }

        public static sbyte Parse(string s, NumberStyles style, IFormatProvider provider)
        {
            return (sbyte)Number.ParseSigned(s, style, -128, 127, 1);
        }

        public static bool TryParse(string s, out sbyte result)
        {
            NumberStyles style = NumberStyles.Integer;
            long v; bool ok = Number.TryParseSigned(s, style, -128, 127, out v); result = (sbyte)v; return ok;
        }

        public static bool TryParse(string s, NumberStyles style, IFormatProvider provider, out sbyte result)
        {
            long v; bool ok = Number.TryParseSigned(s, style, -128, 127, out v); result = (sbyte)v; return ok;
        }

        public TypeCode GetTypeCode()
        {
            return TypeCode.SByte;
        }
    }

    public struct Byte : IComparable, IFormattable
    {
        internal byte m_value;

        public const byte MaxValue = 255;
        public const byte MinValue = 0;

        public int CompareTo(object value)
        {
            if (value == null)
                return 1;
            if (!(value is byte))
                throw new ArgumentException("Object must be of type Byte.");
            return CompareTo((byte)value);
        }

        public int CompareTo(byte value)
        {
            if (m_value < value)
                return -1;
            if (m_value > value)
                return 1;
            return 0;
        }

        public override bool Equals(object obj)
        {
            if (!(obj is byte))
                return false;
            return m_value == (byte)obj;
        }

        public bool Equals(byte obj)
        {
            return m_value == obj;
        }

        public override int GetHashCode()
        {
            return m_value;
        }

        public override string ToString()
        {
            return Number.DecimalUnsigned(m_value);
        }

        public string ToString(string format)
        {
            return Number.FormatUnsigned(m_value, format, 1);
        }

        public string ToString(IFormatProvider provider)
        {
            return Number.DecimalUnsigned(m_value);
        }

        public string ToString(string format, IFormatProvider provider)
        {
            return Number.FormatUnsigned(m_value, format, 1);
        }

        public static byte Parse(string s)
        {
            NumberStyles style = NumberStyles.Integer;
            return (byte)Number.ParseUnsigned(s, style, 255, 1);
        }

        public static byte Parse(string s, NumberStyles style)
        {
            return (byte)Number.ParseUnsigned(s, style, 255, 1);
        }

        public static byte Parse(string s, IFormatProvider provider)
        {
            NumberStyles style = NumberStyles.Integer;
            return (byte)Number.ParseUnsigned(s, style, 255, 1);
        }

        public static byte Parse(string s, NumberStyles style, IFormatProvider provider)
        {
            return (byte)Number.ParseUnsigned(s, style, 255, 1);
        }

        public static bool TryParse(string s, out byte result)
        {
            NumberStyles style = NumberStyles.Integer;
            ulong v; bool ok = Number.TryParseUnsigned(s, style, 255, out v); result = (byte)v; return ok;
        }

        public static bool TryParse(string s, NumberStyles style, IFormatProvider provider, out byte result)
        {
            ulong v; bool ok = Number.TryParseUnsigned(s, style, 255, out v); result = (byte)v; return ok;
        }

        public TypeCode GetTypeCode()
        {
            return TypeCode.Byte;
        }
    }

    public struct Int16 : IComparable, IFormattable
    {
        internal short m_value;

        public const short MaxValue = 32767;
        public const short MinValue = -32768;

        public int CompareTo(object value)
        {
            if (value == null)
                return 1;
            if (!(value is short))
                throw new ArgumentException("Object must be of type Int16.");
            return CompareTo((short)value);
        }

        public int CompareTo(short value)
        {
            if (m_value < value)
                return -1;
            if (m_value > value)
                return 1;
            return 0;
        }

        public override bool Equals(object obj)
        {
            if (!(obj is short))
                return false;
            return m_value == (short)obj;
        }

        public bool Equals(short obj)
        {
            return m_value == obj;
        }

        public override int GetHashCode()
        {
            return ((int)((ushort)m_value) | (((int)m_value) << 16));
        }

        public override string ToString()
        {
            return Number.DecimalSigned(m_value);
        }

        public string ToString(string format)
        {
            return Number.FormatSigned(m_value, format, 2);
        }

        public string ToString(IFormatProvider provider)
        {
            return Number.DecimalSigned(m_value);
        }

        public string ToString(string format, IFormatProvider provider)
        {
            return Number.FormatSigned(m_value, format, 2);
        }

        public static short Parse(string s)
        {
            NumberStyles style = NumberStyles.Integer;
            return (short)Number.ParseSigned(s, style, -32768, 32767, 2);
        }

        public static short Parse(string s, NumberStyles style)
        {
            return (short)Number.ParseSigned(s, style, -32768, 32767, 2);
        }

        public static short Parse(string s, IFormatProvider provider)
        {
            NumberStyles style = NumberStyles.Integer;
            return (short)Number.ParseSigned(s, style, -32768, 32767, 2);
        }

        public static short Parse(string s, NumberStyles style, IFormatProvider provider)
        {
            return (short)Number.ParseSigned(s, style, -32768, 32767, 2);
        }

        public static bool TryParse(string s, out short result)
        {
            NumberStyles style = NumberStyles.Integer;
            long v; bool ok = Number.TryParseSigned(s, style, -32768, 32767, out v); result = (short)v; return ok;
        }

        public static bool TryParse(string s, NumberStyles style, IFormatProvider provider, out short result)
        {
            long v; bool ok = Number.TryParseSigned(s, style, -32768, 32767, out v); result = (short)v; return ok;
        }

        public TypeCode GetTypeCode()
        {
            return TypeCode.Int16;
        }
    }

    public struct UInt16 : IComparable, IFormattable
    {
        internal ushort m_value;

        public const ushort MaxValue = 65535;
        public const ushort MinValue = 0;

        public int CompareTo(object value)
        {
            if (value == null)
                return 1;
            if (!(value is ushort))
                throw new ArgumentException("Object must be of type UInt16.");
            return CompareTo((ushort)value);
        }

        public int CompareTo(ushort value)
        {
            if (m_value < value)
                return -1;
            if (m_value > value)
                return 1;
            return 0;
        }

        public override bool Equals(object obj)
        {
            if (!(obj is ushort))
                return false;
            return m_value == (ushort)obj;
        }

        public bool Equals(ushort obj)
        {
            return m_value == obj;
        }

        public override int GetHashCode()
        {
            return m_value;
        }

        public override string ToString()
        {
            return Number.DecimalUnsigned(m_value);
        }

        public string ToString(string format)
        {
            return Number.FormatUnsigned(m_value, format, 2);
        }

        public string ToString(IFormatProvider provider)
        {
            return Number.DecimalUnsigned(m_value);
        }

        public string ToString(string format, IFormatProvider provider)
        {
            return Number.FormatUnsigned(m_value, format, 2);
        }

        public static ushort Parse(string s)
        {
            NumberStyles style = NumberStyles.Integer;
            return (ushort)Number.ParseUnsigned(s, style, 65535, 2);
        }

        public static ushort Parse(string s, NumberStyles style)
        {
            return (ushort)Number.ParseUnsigned(s, style, 65535, 2);
        }

        public static ushort Parse(string s, IFormatProvider provider)
        {
            NumberStyles style = NumberStyles.Integer;
            return (ushort)Number.ParseUnsigned(s, style, 65535, 2);
        }

        public static ushort Parse(string s, NumberStyles style, IFormatProvider provider)
        {
            return (ushort)Number.ParseUnsigned(s, style, 65535, 2);
        }

        public static bool TryParse(string s, out ushort result)
        {
            NumberStyles style = NumberStyles.Integer;
            ulong v; bool ok = Number.TryParseUnsigned(s, style, 65535, out v); result = (ushort)v; return ok;
        }

        public static bool TryParse(string s, NumberStyles style, IFormatProvider provider, out ushort result)
        {
            ulong v; bool ok = Number.TryParseUnsigned(s, style, 65535, out v); result = (ushort)v; return ok;
        }

        public TypeCode GetTypeCode()
        {
            return TypeCode.UInt16;
        }
    }

    public struct Int32 : IComparable, IFormattable
    {
        internal int m_value;

        public const int MaxValue = 2147483647;
        public const int MinValue = -2147483647 - 1;

        public int CompareTo(object value)
        {
            if (value == null)
                return 1;
            if (!(value is int))
                throw new ArgumentException("Object must be of type Int32.");
            return CompareTo((int)value);
        }

        public int CompareTo(int value)
        {
            if (m_value < value)
                return -1;
            if (m_value > value)
                return 1;
            return 0;
        }

        public override bool Equals(object obj)
        {
            if (!(obj is int))
                return false;
            return m_value == (int)obj;
        }

        public bool Equals(int obj)
        {
            return m_value == obj;
        }

        public override int GetHashCode()
        {
            return m_value;
        }

        public override string ToString()
        {
            return Number.DecimalSigned(m_value);
        }

        public string ToString(string format)
        {
            return Number.FormatSigned(m_value, format, 4);
        }

        public string ToString(IFormatProvider provider)
        {
            return Number.DecimalSigned(m_value);
        }

        public string ToString(string format, IFormatProvider provider)
        {
            return Number.FormatSigned(m_value, format, 4);
        }

        public static int Parse(string s)
        {
            NumberStyles style = NumberStyles.Integer;
            return (int)Number.ParseSigned(s, style, -2147483648, 2147483647, 4);
        }

        public static int Parse(string s, NumberStyles style)
        {
            return (int)Number.ParseSigned(s, style, -2147483648, 2147483647, 4);
        }

        public static int Parse(string s, IFormatProvider provider)
        {
            NumberStyles style = NumberStyles.Integer;
            return (int)Number.ParseSigned(s, style, -2147483648, 2147483647, 4);
        }

        public static int Parse(string s, NumberStyles style, IFormatProvider provider)
        {
            return (int)Number.ParseSigned(s, style, -2147483648, 2147483647, 4);
        }

        public static bool TryParse(string s, out int result)
        {
            NumberStyles style = NumberStyles.Integer;
            long v; bool ok = Number.TryParseSigned(s, style, -2147483648, 2147483647, out v); result = (int)v; return ok;
        }

        public static bool TryParse(string s, NumberStyles style, IFormatProvider provider, out int result)
        {
            long v; bool ok = Number.TryParseSigned(s, style, -2147483648, 2147483647, out v); result = (int)v; return ok;
        }

        public TypeCode GetTypeCode()
        {
            return TypeCode.Int32;
        }
    }

    public struct UInt32 : IComparable, IFormattable
    {
        internal uint m_value;

        public const uint MaxValue = 4294967295;
        public const uint MinValue = 0;

        public int CompareTo(object value)
        {
            if (value == null)
                return 1;
            if (!(value is uint))
                throw new ArgumentException("Object must be of type UInt32.");
            return CompareTo((uint)value);
        }

        public int CompareTo(uint value)
        {
            if (m_value < value)
                return -1;
            if (m_value > value)
                return 1;
            return 0;
        }

        public override bool Equals(object obj)
        {
            if (!(obj is uint))
                return false;
            return m_value == (uint)obj;
        }

        public bool Equals(uint obj)
        {
            return m_value == obj;
        }

        public override int GetHashCode()
        {
            return (int)m_value;
        }

        public override string ToString()
        {
            return Number.DecimalUnsigned(m_value);
        }

        public string ToString(string format)
        {
            return Number.FormatUnsigned(m_value, format, 4);
        }

        public string ToString(IFormatProvider provider)
        {
            return Number.DecimalUnsigned(m_value);
        }

        public string ToString(string format, IFormatProvider provider)
        {
            return Number.FormatUnsigned(m_value, format, 4);
        }

        public static uint Parse(string s)
        {
            NumberStyles style = NumberStyles.Integer;
            return (uint)Number.ParseUnsigned(s, style, 4294967295, 4);
        }

        public static uint Parse(string s, NumberStyles style)
        {
            return (uint)Number.ParseUnsigned(s, style, 4294967295, 4);
        }

        public static uint Parse(string s, IFormatProvider provider)
        {
            NumberStyles style = NumberStyles.Integer;
            return (uint)Number.ParseUnsigned(s, style, 4294967295, 4);
        }

        public static uint Parse(string s, NumberStyles style, IFormatProvider provider)
        {
            return (uint)Number.ParseUnsigned(s, style, 4294967295, 4);
        }

        public static bool TryParse(string s, out uint result)
        {
            NumberStyles style = NumberStyles.Integer;
            ulong v; bool ok = Number.TryParseUnsigned(s, style, 4294967295, out v); result = (uint)v; return ok;
        }

        public static bool TryParse(string s, NumberStyles style, IFormatProvider provider, out uint result)
        {
            ulong v; bool ok = Number.TryParseUnsigned(s, style, 4294967295, out v); result = (uint)v; return ok;
        }

        public TypeCode GetTypeCode()
        {
            return TypeCode.UInt32;
        }
    }

    public struct Int64 : IComparable, IFormattable
    {
        internal long m_value;

        public const long MaxValue = 9223372036854775807;
        public const long MinValue = -9223372036854775807L - 1;

        public int CompareTo(object value)
        {
            if (value == null)
                return 1;
            if (!(value is long))
                throw new ArgumentException("Object must be of type Int64.");
            return CompareTo((long)value);
        }

        public int CompareTo(long value)
        {
            if (m_value < value)
                return -1;
            if (m_value > value)
                return 1;
            return 0;
        }

        public override bool Equals(object obj)
        {
            if (!(obj is long))
                return false;
            return m_value == (long)obj;
        }

        public bool Equals(long obj)
        {
            return m_value == obj;
        }

        public override int GetHashCode()
        {
            return ((int)m_value ^ (int)(m_value >> 32));
        }

        public override string ToString()
        {
            return Number.DecimalSigned(m_value);
        }

        public string ToString(string format)
        {
            return Number.FormatSigned(m_value, format, 8);
        }

        public string ToString(IFormatProvider provider)
        {
            return Number.DecimalSigned(m_value);
        }

        public string ToString(string format, IFormatProvider provider)
        {
            return Number.FormatSigned(m_value, format, 8);
        }

        public static long Parse(string s)
        {
            NumberStyles style = NumberStyles.Integer;
            return (long)Number.ParseSigned(s, style, long.MinValue, 9223372036854775807, 8);
        }

        public static long Parse(string s, NumberStyles style)
        {
            return (long)Number.ParseSigned(s, style, long.MinValue, 9223372036854775807, 8);
        }

        public static long Parse(string s, IFormatProvider provider)
        {
            NumberStyles style = NumberStyles.Integer;
            return (long)Number.ParseSigned(s, style, long.MinValue, 9223372036854775807, 8);
        }

        public static long Parse(string s, NumberStyles style, IFormatProvider provider)
        {
            return (long)Number.ParseSigned(s, style, long.MinValue, 9223372036854775807, 8);
        }

        public static bool TryParse(string s, out long result)
        {
            NumberStyles style = NumberStyles.Integer;
            long v; bool ok = Number.TryParseSigned(s, style, long.MinValue, 9223372036854775807, out v); result = (long)v; return ok;
        }

        public static bool TryParse(string s, NumberStyles style, IFormatProvider provider, out long result)
        {
            long v; bool ok = Number.TryParseSigned(s, style, long.MinValue, 9223372036854775807, out v); result = (long)v; return ok;
        }

        public TypeCode GetTypeCode()
        {
            return TypeCode.Int64;
        }
    }

    public struct UInt64 : IComparable, IFormattable
    {
        internal ulong m_value;

        public const ulong MaxValue = 18446744073709551615;
        public const ulong MinValue = 0;

        public int CompareTo(object value)
        {
            if (value == null)
                return 1;
            if (!(value is ulong))
                throw new ArgumentException("Object must be of type UInt64.");
            return CompareTo((ulong)value);
        }

        public int CompareTo(ulong value)
        {
            if (m_value < value)
                return -1;
            if (m_value > value)
                return 1;
            return 0;
        }

        public override bool Equals(object obj)
        {
            if (!(obj is ulong))
                return false;
            return m_value == (ulong)obj;
        }

        public bool Equals(ulong obj)
        {
            return m_value == obj;
        }

        public override int GetHashCode()
        {
            return ((int)m_value ^ (int)(m_value >> 32));
        }

        public override string ToString()
        {
            return Number.DecimalUnsigned(m_value);
        }

        public string ToString(string format)
        {
            return Number.FormatUnsigned(m_value, format, 8);
        }

        public string ToString(IFormatProvider provider)
        {
            return Number.DecimalUnsigned(m_value);
        }

        public string ToString(string format, IFormatProvider provider)
        {
            return Number.FormatUnsigned(m_value, format, 8);
        }

        public static ulong Parse(string s)
        {
            NumberStyles style = NumberStyles.Integer;
            return (ulong)Number.ParseUnsigned(s, style, 18446744073709551615, 8);
        }

        public static ulong Parse(string s, NumberStyles style)
        {
            return (ulong)Number.ParseUnsigned(s, style, 18446744073709551615, 8);
        }

        public static ulong Parse(string s, IFormatProvider provider)
        {
            NumberStyles style = NumberStyles.Integer;
            return (ulong)Number.ParseUnsigned(s, style, 18446744073709551615, 8);
        }

        public static ulong Parse(string s, NumberStyles style, IFormatProvider provider)
        {
            return (ulong)Number.ParseUnsigned(s, style, 18446744073709551615, 8);
        }

        public static bool TryParse(string s, out ulong result)
        {
            NumberStyles style = NumberStyles.Integer;
            ulong v; bool ok = Number.TryParseUnsigned(s, style, 18446744073709551615, out v); result = (ulong)v; return ok;
        }

        public static bool TryParse(string s, NumberStyles style, IFormatProvider provider, out ulong result)
        {
            ulong v; bool ok = Number.TryParseUnsigned(s, style, 18446744073709551615, out v); result = (ulong)v; return ok;
        }

        public TypeCode GetTypeCode()
        {
            return TypeCode.UInt64;
        }
    }


    public struct IntPtr
    {
        // Pointer-sized (64-bit) value.
        private long m_value;

        public static readonly IntPtr Zero;

        public IntPtr(int value)
        {
            m_value = value;
        }

        public IntPtr(long value)
        {
            m_value = value;
        }

        public static int Size
        {
            get { return 8; }
        }

        public int ToInt32()
        {
            return (int)m_value;
        }

        public long ToInt64()
        {
            return m_value;
        }

        public override bool Equals(object obj)
        {
            if (!(obj is IntPtr))
                return false;
            return ((IntPtr)obj).m_value == m_value;
        }

        public override int GetHashCode()
        {
            return (int)m_value ^ (int)(m_value >> 32);
        }

        public override string ToString()
        {
            return Number.DecimalSigned(m_value);
        }

        public string ToString(string format)
        {
            return Number.FormatSigned(m_value, format, 8);
        }

        public static bool operator ==(IntPtr value1, IntPtr value2)
        {
            return value1.m_value == value2.m_value;
        }

        public static bool operator !=(IntPtr value1, IntPtr value2)
        {
            return value1.m_value != value2.m_value;
        }

        public static explicit operator IntPtr(int value)
        {
            return new IntPtr(value);
        }

        public static explicit operator IntPtr(long value)
        {
            return new IntPtr(value);
        }

        public static explicit operator int(IntPtr value)
        {
            return (int)value.m_value;
        }

        public static explicit operator long(IntPtr value)
        {
            return value.m_value;
        }

        public static IntPtr Add(IntPtr pointer, int offset)
        {
            return new IntPtr(pointer.m_value + offset);
        }

        public static IntPtr Subtract(IntPtr pointer, int offset)
        {
            return new IntPtr(pointer.m_value - offset);
        }

        public static IntPtr operator +(IntPtr pointer, int offset)
        {
            return new IntPtr(pointer.m_value + offset);
        }

        public static IntPtr operator -(IntPtr pointer, int offset)
        {
            return new IntPtr(pointer.m_value - offset);
        }
    }

    public struct UIntPtr
    {
        // Pointer-sized (64-bit) unsigned value.
        private ulong m_value;

        public static readonly UIntPtr Zero;

        public UIntPtr(uint value)
        {
            m_value = value;
        }

        public UIntPtr(ulong value)
        {
            m_value = value;
        }

        public static int Size
        {
            get { return 8; }
        }

        public uint ToUInt32()
        {
            return (uint)m_value;
        }

        public ulong ToUInt64()
        {
            return m_value;
        }

        public override bool Equals(object obj)
        {
            if (!(obj is UIntPtr))
                return false;
            return ((UIntPtr)obj).m_value == m_value;
        }

        public override int GetHashCode()
        {
            return (int)m_value ^ (int)(m_value >> 32);
        }

        public override string ToString()
        {
            return Number.DecimalUnsigned(m_value);
        }

        public static bool operator ==(UIntPtr value1, UIntPtr value2)
        {
            return value1.m_value == value2.m_value;
        }

        public static bool operator !=(UIntPtr value1, UIntPtr value2)
        {
            return value1.m_value != value2.m_value;
        }

        public static explicit operator UIntPtr(uint value)
        {
            return new UIntPtr(value);
        }

        public static explicit operator UIntPtr(ulong value)
        {
            return new UIntPtr(value);
        }

        public static explicit operator uint(UIntPtr value)
        {
            return (uint)value.m_value;
        }

        public static explicit operator ulong(UIntPtr value)
        {
            return value.m_value;
        }

        public static UIntPtr Add(UIntPtr pointer, int offset)
        {
            return new UIntPtr(pointer.m_value + (ulong)(long)offset);
        }

        public static UIntPtr Subtract(UIntPtr pointer, int offset)
        {
            return new UIntPtr(pointer.m_value - (ulong)(long)offset);
        }

        public static UIntPtr operator +(UIntPtr pointer, int offset)
        {
            return new UIntPtr(pointer.m_value + (ulong)(long)offset);
        }

        public static UIntPtr operator -(UIntPtr pointer, int offset)
        {
            return new UIntPtr(pointer.m_value - (ulong)(long)offset);
        }
    }

    public struct Double : IComparable, IFormattable
    {
        internal double m_value;

        public const double MinValue = -1.7976931348623157E+308;
        public const double MaxValue = 1.7976931348623157E+308;
        public const double Epsilon = 4.94065645841247E-324;
        public const double NegativeInfinity = -1.0 / 0.0;
        public const double PositiveInfinity = 1.0 / 0.0;
        public const double NaN = 0.0 / 0.0;

        public static bool IsNaN(double d)
        {
            return d != d;
        }

        public static bool IsInfinity(double d)
        {
            return d == PositiveInfinity || d == NegativeInfinity;
        }

        public static bool IsPositiveInfinity(double d)
        {
            return d == PositiveInfinity;
        }

        public static bool IsNegativeInfinity(double d)
        {
            return d == NegativeInfinity;
        }

        public static bool IsFinite(double d)
        {
            return !IsNaN(d) && !IsInfinity(d);
        }

        public static bool IsNegative(double d)
        {
            return BitConverter.DoubleToInt64Bits(d) < 0;
        }

        public static bool IsNormal(double d)
        {
            long bits = BitConverter.DoubleToInt64Bits(d) & 0x7FFFFFFFFFFFFFFFL;
            return bits < 0x7FF0000000000000L && bits != 0 && (bits & 0x7FF0000000000000L) != 0;
        }

        public static bool IsSubnormal(double d)
        {
            long bits = BitConverter.DoubleToInt64Bits(d) & 0x7FFFFFFFFFFFFFFFL;
            return bits < 0x7FF0000000000000L && bits != 0 && (bits & 0x7FF0000000000000L) == 0;
        }

        public int CompareTo(object value)
        {
            if (value == null)
                return 1;
            if (!(value is double))
                throw new ArgumentException("Object must be of type Double.");
            return CompareTo((double)value);
        }

        public int CompareTo(double value)
        {
            if (m_value < value)
                return -1;
            if (m_value > value)
                return 1;
            if (m_value == value)
                return 0;
            if (IsNaN(m_value))
                return IsNaN(value) ? 0 : -1;
            return 1;
        }

        public override bool Equals(object obj)
        {
            if (!(obj is double))
                return false;
            return Equals((double)obj);
        }

        public bool Equals(double obj)
        {
            if (obj == m_value)
                return true;
            return IsNaN(obj) && IsNaN(m_value);
        }

        public static bool operator ==(double left, double right)
        {
            return left == right;
        }

        public static bool operator !=(double left, double right)
        {
            return left != right;
        }

        public static bool operator <(double left, double right)
        {
            return left < right;
        }

        public static bool operator >(double left, double right)
        {
            return left > right;
        }

        public static bool operator <=(double left, double right)
        {
            return left <= right;
        }

        public static bool operator >=(double left, double right)
        {
            return left >= right;
        }

        // Mono 6.8: 0, -0, NaN and the infinities are normalised before hashing the bits.
        public override int GetHashCode()
        {
            long bits = BitConverter.DoubleToInt64Bits(m_value);
            if ((((ulong)bits - 1) & 0x7FFFFFFFFFFFFFFFUL) >= 0x7FEFFFFFFFFFFFFFUL)
                bits &= 0x7FF0000000000000L;
            return (int)bits ^ (int)(bits >> 32);
        }

        public override string ToString()
        {
            return Number.FormatDouble(m_value, null);
        }

        public string ToString(string format)
        {
            return Number.FormatDouble(m_value, format);
        }

        public string ToString(IFormatProvider provider)
        {
            return Number.FormatDouble(m_value, null);
        }

        public string ToString(string format, IFormatProvider provider)
        {
            return Number.FormatDouble(m_value, format);
        }

        public static double Parse(string s)
        {
            return Number.ParseDouble(s, NumberStyles.Float | NumberStyles.AllowThousands, false);
        }

        public static double Parse(string s, NumberStyles style)
        {
            return Number.ParseDouble(s, style, false);
        }

        public static double Parse(string s, IFormatProvider provider)
        {
            return Number.ParseDouble(s, NumberStyles.Float | NumberStyles.AllowThousands, false);
        }

        public static double Parse(string s, NumberStyles style, IFormatProvider provider)
        {
            return Number.ParseDouble(s, style, false);
        }

        public static bool TryParse(string s, out double result)
        {
            return Number.TryParseDouble(s, NumberStyles.Float | NumberStyles.AllowThousands, false, out result);
        }

        public static bool TryParse(string s, NumberStyles style, IFormatProvider provider, out double result)
        {
            return Number.TryParseDouble(s, style, false, out result);
        }

        public TypeCode GetTypeCode()
        {
            return TypeCode.Double;
        }
    }

    public struct Single : IComparable, IFormattable
    {
        internal float m_value;

        public const float MinValue = -3.40282346638528859e+38f;
        public const float MaxValue = 3.40282346638528859e+38f;
        public const float Epsilon = 1.401298E-45f;
        public const float NegativeInfinity = -1.0f / 0.0f;
        public const float PositiveInfinity = 1.0f / 0.0f;
        public const float NaN = 0.0f / 0.0f;

        public static bool IsNaN(float f)
        {
            return f != f;
        }

        public static bool IsInfinity(float f)
        {
            return f == PositiveInfinity || f == NegativeInfinity;
        }

        public static bool IsPositiveInfinity(float f)
        {
            return f == PositiveInfinity;
        }

        public static bool IsNegativeInfinity(float f)
        {
            return f == NegativeInfinity;
        }

        public static bool IsFinite(float f)
        {
            return !IsNaN(f) && !IsInfinity(f);
        }

        public static bool IsNegative(float f)
        {
            return BitConverter.SingleToInt32Bits(f) < 0;
        }

        public static bool IsNormal(float f)
        {
            int bits = BitConverter.SingleToInt32Bits(f) & 0x7FFFFFFF;
            return bits < 0x7F800000 && bits != 0 && (bits & 0x7F800000) != 0;
        }

        public static bool IsSubnormal(float f)
        {
            int bits = BitConverter.SingleToInt32Bits(f) & 0x7FFFFFFF;
            return bits < 0x7F800000 && bits != 0 && (bits & 0x7F800000) == 0;
        }

        public int CompareTo(object value)
        {
            if (value == null)
                return 1;
            if (!(value is float))
                throw new ArgumentException("Object must be of type Single.");
            return CompareTo((float)value);
        }

        public int CompareTo(float value)
        {
            if (m_value < value)
                return -1;
            if (m_value > value)
                return 1;
            if (m_value == value)
                return 0;
            if (IsNaN(m_value))
                return IsNaN(value) ? 0 : -1;
            return 1;
        }

        public override bool Equals(object obj)
        {
            if (!(obj is float))
                return false;
            return Equals((float)obj);
        }

        public bool Equals(float obj)
        {
            if (obj == m_value)
                return true;
            return IsNaN(obj) && IsNaN(m_value);
        }

        public static bool operator ==(float left, float right)
        {
            return left == right;
        }

        public static bool operator !=(float left, float right)
        {
            return left != right;
        }

        public static bool operator <(float left, float right)
        {
            return left < right;
        }

        public static bool operator >(float left, float right)
        {
            return left > right;
        }

        public static bool operator <=(float left, float right)
        {
            return left <= right;
        }

        public static bool operator >=(float left, float right)
        {
            return left >= right;
        }

        public override int GetHashCode()
        {
            int bits = BitConverter.SingleToInt32Bits(m_value);
            if ((((uint)bits - 1) & 0x7FFFFFFFU) >= 0x7F7FFFFFU)
                bits &= 0x7F800000;
            return bits;
        }

        public override string ToString()
        {
            return Number.FormatSingle(m_value, null);
        }

        public string ToString(string format)
        {
            return Number.FormatSingle(m_value, format);
        }

        public string ToString(IFormatProvider provider)
        {
            return Number.FormatSingle(m_value, null);
        }

        public string ToString(string format, IFormatProvider provider)
        {
            return Number.FormatSingle(m_value, format);
        }

        public static float Parse(string s)
        {
            return (float)Number.ParseDouble(s, NumberStyles.Float | NumberStyles.AllowThousands, true);
        }

        public static float Parse(string s, NumberStyles style)
        {
            return (float)Number.ParseDouble(s, style, true);
        }

        public static float Parse(string s, IFormatProvider provider)
        {
            return (float)Number.ParseDouble(s, NumberStyles.Float | NumberStyles.AllowThousands, true);
        }

        public static float Parse(string s, NumberStyles style, IFormatProvider provider)
        {
            return (float)Number.ParseDouble(s, style, true);
        }

        public static bool TryParse(string s, out float result)
        {
            double d;
            bool ok = Number.TryParseDouble(s, NumberStyles.Float | NumberStyles.AllowThousands, true, out d);
            result = (float)d;
            return ok;
        }

        public static bool TryParse(string s, NumberStyles style, IFormatProvider provider, out float result)
        {
            double d;
            bool ok = Number.TryParseDouble(s, style, true, out d);
            result = (float)d;
            return ok;
        }

        public TypeCode GetTypeCode()
        {
            return TypeCode.Single;
        }
    }

    public static class BitConverter
    {
        public static readonly bool IsLittleEndian = true;

        // Reinterprets the 8 bytes of a double as a long (movq).
        [MethodImpl(MethodImplOptions.InternalCall)]
        public static extern long DoubleToInt64Bits(double value);

        // Reinterprets the 8 bytes of a long as a double (movq).
        [MethodImpl(MethodImplOptions.InternalCall)]
        public static extern double Int64BitsToDouble(long value);

        // Reinterprets the 4 bytes of a float as an int (movd).
        [MethodImpl(MethodImplOptions.InternalCall)]
        public static extern int SingleToInt32Bits(float value);

        // Reinterprets the 4 bytes of an int as a float (movd).
        [MethodImpl(MethodImplOptions.InternalCall)]
        public static extern float Int32BitsToSingle(int value);

        public static byte[] GetBytes(bool value)
        {
            byte[] r = new byte[1];
            r[0] = value ? (byte)1 : (byte)0;
            return r;
        }

        public static byte[] GetBytes(char value)
        {
            return Bytes((ulong)value, 2);
        }

        public static byte[] GetBytes(short value)
        {
            return Bytes((ulong)value, 2);
        }

        public static byte[] GetBytes(ushort value)
        {
            return Bytes(value, 2);
        }

        public static byte[] GetBytes(int value)
        {
            return Bytes((ulong)value, 4);
        }

        public static byte[] GetBytes(uint value)
        {
            return Bytes(value, 4);
        }

        public static byte[] GetBytes(long value)
        {
            return Bytes((ulong)value, 8);
        }

        public static byte[] GetBytes(ulong value)
        {
            return Bytes(value, 8);
        }

        public static byte[] GetBytes(float value)
        {
            return Bytes((ulong)(uint)SingleToInt32Bits(value), 4);
        }

        public static byte[] GetBytes(double value)
        {
            return Bytes((ulong)DoubleToInt64Bits(value), 8);
        }

        private static byte[] Bytes(ulong v, int n)
        {
            byte[] r = new byte[n];
            for (int i = 0; i < n; i++)
            {
                r[i] = (byte)v;
                v >>= 8;
            }
            return r;
        }

        private static ulong Read(byte[] value, int startIndex, int n)
        {
            if (value == null)
                throw new ArgumentNullException("value");
            if (startIndex < 0 || startIndex >= value.Length)
                throw new ArgumentOutOfRangeException("startIndex", "Index was out of range. Must be non-negative and less than the size of the collection.");
            if (startIndex > value.Length - n)
                throw new ArgumentException("Destination array is not long enough to copy all the items in the collection. Check array index and length.");
            ulong r = 0;
            for (int i = n - 1; i >= 0; i--)
                r = (r << 8) | value[startIndex + i];
            return r;
        }

        public static bool ToBoolean(byte[] value, int startIndex)
        {
            return Read(value, startIndex, 1) != 0;
        }

        public static char ToChar(byte[] value, int startIndex)
        {
            return (char)Read(value, startIndex, 2);
        }

        public static short ToInt16(byte[] value, int startIndex)
        {
            return (short)Read(value, startIndex, 2);
        }

        public static ushort ToUInt16(byte[] value, int startIndex)
        {
            return (ushort)Read(value, startIndex, 2);
        }

        public static int ToInt32(byte[] value, int startIndex)
        {
            return (int)Read(value, startIndex, 4);
        }

        public static uint ToUInt32(byte[] value, int startIndex)
        {
            return (uint)Read(value, startIndex, 4);
        }

        public static long ToInt64(byte[] value, int startIndex)
        {
            return (long)Read(value, startIndex, 8);
        }

        public static ulong ToUInt64(byte[] value, int startIndex)
        {
            return Read(value, startIndex, 8);
        }

        public static float ToSingle(byte[] value, int startIndex)
        {
            return Int32BitsToSingle((int)Read(value, startIndex, 4));
        }

        public static double ToDouble(byte[] value, int startIndex)
        {
            return Int64BitsToDouble((long)Read(value, startIndex, 8));
        }

        public static string ToString(byte[] value)
        {
            if (value == null)
                throw new ArgumentNullException("value");
            return ToString(value, 0, value.Length);
        }

        public static string ToString(byte[] value, int startIndex)
        {
            if (value == null)
                throw new ArgumentNullException("value");
            return ToString(value, startIndex, value.Length - startIndex);
        }

        // "01-AB-FF" style.
        public static string ToString(byte[] value, int startIndex, int length)
        {
            if (value == null)
                throw new ArgumentNullException("value");
            if (startIndex < 0 || length < 0 || startIndex > value.Length - length)
                throw new ArgumentOutOfRangeException("startIndex");
            if (length == 0)
                return String.Empty;
            char[] buf = new char[length * 3 - 1];
            string hex = "0123456789ABCDEF";
            for (int i = 0; i < length; i++)
            {
                byte b = value[startIndex + i];
                buf[i * 3] = hex[b >> 4];
                buf[i * 3 + 1] = hex[b & 15];
                if (i + 1 < length)
                    buf[i * 3 + 2] = '-';
            }
            return new string(buf);
        }
    }
}
