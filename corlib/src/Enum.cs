// Enum: System.Enum. Names and values come from one internal call; formatting follows Mono: the member name,
// "A, B" for [Flags] combinations, else the number; "D", "X", "G" and "F" formats.
using System.Runtime.CompilerServices;

namespace System
{
    public abstract class Enum : ValueType, IComparable, IFormattable
    {
        protected Enum()
        {
        }

        // The boxed enum's value, sign-extended (signed underlying types) or zero-extended to 64 bits.
        [MethodImpl(MethodImplOptions.InternalCall)]
        internal static extern ulong InternalGetValueBits(object enumValue);

        // Literal fields of the enum class `enumClass`, in declaration order: their names, and their values
        // extended to 64 bits as InternalGetValueBits does. Returns the underlying TypeCode (3..12) in bits
        // 0-7, plus 0x100 when the enum type carries [System.FlagsAttribute].
        [MethodImpl(MethodImplOptions.InternalCall)]
        internal static extern int InternalGetInfo(IntPtr enumClass, out string[] names, out ulong[] values);

        // A new boxed enum of class `enumClass` whose value is the low bytes of `bits`.
        [MethodImpl(MethodImplOptions.InternalCall)]
        internal static extern object InternalBoxEnum(IntPtr enumClass, ulong bits);

        // ------------------------------------------------------------ cached metadata

        private sealed class EnumInfo
        {
            internal string[] names;
            internal ulong[] values;    // sorted ascending (unsigned), stable
            internal TypeCode typeCode;
            internal bool isFlags;
        }

        private static IntPtr[] s_cacheKeys = new IntPtr[16];
        private static EnumInfo[] s_cacheValues = new EnumInfo[16];
        private static int s_cacheCount;

        private static IntPtr ClassOf(Type enumType)
        {
            RuntimeType rt = enumType as RuntimeType;
            if (rt == null)
                throw new ArgumentException("Type provided must be an Enum.", "enumType");
            return rt._impl;
        }

        private static EnumInfo GetInfo(IntPtr klass)
        {
            for (int i = 0; i < s_cacheCount; i++)
            {
                if (s_cacheKeys[i] == klass)
                    return s_cacheValues[i];
            }
            string[] names;
            ulong[] values;
            int flags = InternalGetInfo(klass, out names, out values);
            EnumInfo info = new EnumInfo();
            info.typeCode = (TypeCode)(flags & 0xFF);
            info.isFlags = (flags & 0x100) != 0;
            // Stable insertion sort by unsigned value.
            int n = names.Length;
            for (int i = 1; i < n; i++)
            {
                ulong v = values[i];
                string s = names[i];
                int j = i - 1;
                while (j >= 0 && values[j] > v)
                {
                    values[j + 1] = values[j];
                    names[j + 1] = names[j];
                    j--;
                }
                values[j + 1] = v;
                names[j + 1] = s;
            }
            info.names = names;
            info.values = values;
            if (s_cacheCount == s_cacheKeys.Length)
            {
                IntPtr[] nk = new IntPtr[s_cacheCount * 2];
                EnumInfo[] nv = new EnumInfo[s_cacheCount * 2];
                for (int i = 0; i < s_cacheCount; i++)
                {
                    nk[i] = s_cacheKeys[i];
                    nv[i] = s_cacheValues[i];
                }
                s_cacheKeys = nk;
                s_cacheValues = nv;
            }
            s_cacheKeys[s_cacheCount] = klass;
            s_cacheValues[s_cacheCount] = info;
            s_cacheCount++;
            return info;
        }

        private EnumInfo Info
        {
            get { return GetInfo(((RuntimeType)GetType())._impl); }
        }

        private static bool IsSigned(TypeCode tc)
        {
            return tc == TypeCode.SByte || tc == TypeCode.Int16 || tc == TypeCode.Int32 || tc == TypeCode.Int64;
        }

        private static int SizeOf(TypeCode tc)
        {
            switch (tc)
            {
                case TypeCode.Boolean:
                case TypeCode.SByte:
                case TypeCode.Byte:
                    return 1;
                case TypeCode.Char:
                case TypeCode.Int16:
                case TypeCode.UInt16:
                    return 2;
                case TypeCode.Int32:
                case TypeCode.UInt32:
                    return 4;
            }
            return 8;
        }

        private static string NumberString(EnumInfo info, ulong bits)
        {
            if (IsSigned(info.typeCode))
                return Number.DecimalSigned((long)bits);
            if (info.typeCode == TypeCode.Boolean)
                return bits != 0 ? "True" : "False";
            if (info.typeCode == TypeCode.Char)
                return String.CreateFromChar((char)bits);
            return Number.DecimalUnsigned(bits);
        }

        private static string HexString(EnumInfo info, ulong bits)
        {
            int size = SizeOf(info.typeCode);
            if (size < 8)
                bits &= (1UL << (size * 8)) - 1;
            return Number.FormatUnsigned(bits, size == 1 ? "X2" : (size == 2 ? "X4" : (size == 4 ? "X8" : "X16")), 8);
        }

        // Binary search over the sorted values, as Mono does: with duplicate values the name found depends on
        // where the search lands (e.g. { A = 1, B = 1, C = 1 } gives "B").
        private static string GetNameOf(EnumInfo info, ulong bits)
        {
            ulong[] values = info.values;
            int lo = 0;
            int hi = values.Length - 1;
            while (lo <= hi)
            {
                int i = lo + ((hi - lo) >> 1);
                ulong v = values[i];
                if (v == bits)
                    return info.names[i];
                if (v < bits)
                    lo = i + 1;
                else
                    hi = i - 1;
            }
            return null;
        }

        private static string FlagsString(EnumInfo info, ulong bits)
        {
            ulong[] values = info.values;
            string[] names = info.names;
            if (bits == 0)
            {
                if (values.Length > 0 && values[0] == 0)
                    return names[0];
                return "0";
            }
            ulong rest = bits;
            int[] found = new int[values.Length];
            int nfound = 0;
            int index = values.Length - 1;
            while (index >= 0)
            {
                if (index == 0 && values[index] == 0)
                    break;
                if ((rest & values[index]) == values[index])
                {
                    rest -= values[index];
                    found[nfound++] = index;
                }
                index--;
            }
            if (rest != 0)
                return null;
            string s = names[found[nfound - 1]];
            for (int i = nfound - 2; i >= 0; i--)
                s = s + ", " + names[found[i]];
            return s;
        }

        private static string Format(EnumInfo info, ulong bits, string format)
        {
            if (format == null || format.Length == 0)
                format = "G";
            if (format.Length != 1)
                throw new FormatException("Format String can be only \"G\", \"g\", \"X\", \"x\", \"F\", \"f\", \"D\" or \"d\".");
            char f = format[0];
            if (f == 'D' || f == 'd')
                return NumberString(info, bits);
            if (f == 'X' || f == 'x')
                return HexString(info, bits);
            if (f == 'G' || f == 'g')
            {
                if (!info.isFlags)
                {
                    string name = GetNameOf(info, bits);
                    return name != null ? name : NumberString(info, bits);
                }
            }
            else if (f != 'F' && f != 'f')
                throw new FormatException("Format String can be only \"G\", \"g\", \"X\", \"x\", \"F\", \"f\", \"D\" or \"d\".");
            string flags = FlagsString(info, bits);
            return flags != null ? flags : NumberString(info, bits);
        }

        // ------------------------------------------------------------ instance members

        public override string ToString()
        {
            return Format(Info, InternalGetValueBits(this), null);
        }

        public string ToString(string format)
        {
            return Format(Info, InternalGetValueBits(this), format);
        }

        public string ToString(IFormatProvider provider)
        {
            return ToString();
        }

        public string ToString(string format, IFormatProvider provider)
        {
            return Format(Info, InternalGetValueBits(this), format);
        }

        public override bool Equals(object obj)
        {
            if (obj == null || obj.GetType() != GetType())
                return false;
            return InternalGetValueBits(this) == InternalGetValueBits(obj);
        }

        public override int GetHashCode()
        {
            ulong bits = InternalGetValueBits(this);
            EnumInfo info = Info;
            switch (info.typeCode)
            {
                case TypeCode.Int64:
                case TypeCode.UInt64:
                    return (int)bits ^ (int)(bits >> 32);
                case TypeCode.SByte:
                    return ((sbyte)bits).GetHashCode();
                case TypeCode.Int16:
                    return ((short)bits).GetHashCode();
                case TypeCode.Char:
                    return ((char)bits).GetHashCode();
                case TypeCode.Boolean:
                    return bits != 0 ? 1 : 0;
            }
            return (int)bits;
        }

        public int CompareTo(object target)
        {
            if (target == null)
                return 1;
            if (target.GetType() != GetType())
                throw new ArgumentException("Object must be the same type as the enum. The type passed in was '" + target.GetType().ToString() + "'; the enum type was '" + GetType().ToString() + "'.");
            ulong a = InternalGetValueBits(this);
            ulong b = InternalGetValueBits(target);
            if (IsSigned(Info.typeCode))
            {
                long sa = (long)a;
                long sb = (long)b;
                return sa < sb ? -1 : (sa > sb ? 1 : 0);
            }
            return a < b ? -1 : (a > b ? 1 : 0);
        }

        public bool HasFlag(Enum flag)
        {
            if (flag == null)
                throw new ArgumentNullException("flag");
            if (flag.GetType() != GetType())
                throw new ArgumentException("The argument type, '" + flag.GetType().ToString() + "', is not the same as the enum type '" + GetType().ToString() + "'.");
            ulong f = InternalGetValueBits(flag);
            return (InternalGetValueBits(this) & f) == f;
        }

        public TypeCode GetTypeCode()
        {
            return Info.typeCode;
        }

        // ------------------------------------------------------------ static members

        private static ulong ToBits(EnumInfo info, object value)
        {
            if (value is Enum)
                return InternalGetValueBits(value);
            if (value is int)
                return (ulong)(long)(int)value;
            if (value is long)
                return (ulong)(long)value;
            if (value is uint)
                return (uint)value;
            if (value is ulong)
                return (ulong)value;
            if (value is short)
                return (ulong)(long)(short)value;
            if (value is ushort)
                return (ushort)value;
            if (value is sbyte)
                return (ulong)(long)(sbyte)value;
            if (value is byte)
                return (byte)value;
            if (value is char)
                return (char)value;
            if (value is bool)
                return (bool)value ? 1UL : 0UL;
            throw new ArgumentException("The value passed in must be an enum base or an underlying type for an enum, such as an Int32.", "value");
        }

        public static string GetName(Type enumType, object value)
        {
            if (enumType == null)
                throw new ArgumentNullException("enumType");
            if (value == null)
                throw new ArgumentNullException("value");
            EnumInfo info = GetInfo(ClassOf(enumType));
            return GetNameOf(info, ToBits(info, value));
        }

        public static string[] GetNames(Type enumType)
        {
            if (enumType == null)
                throw new ArgumentNullException("enumType");
            EnumInfo info = GetInfo(ClassOf(enumType));
            string[] r = new string[info.names.Length];
            for (int i = 0; i < r.Length; i++)
                r[i] = info.names[i];
            return r;
        }

        public static Array GetValues(Type enumType)
        {
            if (enumType == null)
                throw new ArgumentNullException("enumType");
            IntPtr klass = ClassOf(enumType);
            EnumInfo info = GetInfo(klass);
            Array r = Array.CreateInstanceInternal(klass, info.values.Length);
            for (int i = 0; i < info.values.Length; i++)
                r.InternalSetValue(InternalBoxEnum(klass, info.values[i]), i);
            return r;
        }

        public static bool IsDefined(Type enumType, object value)
        {
            if (enumType == null)
                throw new ArgumentNullException("enumType");
            if (value == null)
                throw new ArgumentNullException("value");
            EnumInfo info = GetInfo(ClassOf(enumType));
            string s = value as string;
            if (s != null)
            {
                for (int i = 0; i < info.names.Length; i++)
                {
                    if (info.names[i] == s)
                        return true;
                }
                return false;
            }
            return GetNameOf(info, ToBits(info, value)) != null;
        }

        public static object Parse(Type enumType, string value)
        {
            return Parse(enumType, value, false);
        }

        public static object Parse(Type enumType, string value, bool ignoreCase)
        {
            object result;
            string failed;
            int st = TryParseCore(enumType, value, ignoreCase, true, out result, out failed);
            if (st == 0)
                return result;
            if (st == 1)
                throw new ArgumentNullException("value");
            if (st == 2)
                throw new ArgumentException("Must specify valid information for parsing in the string.");
            throw new ArgumentException("Requested value '" + failed + "' was not found.");
        }

        public static bool TryParse(Type enumType, string value, out object result)
        {
            string failed;
            return TryParseCore(enumType, value, false, false, out result, out failed) == 0;
        }

        public static bool TryParse(Type enumType, string value, bool ignoreCase, out object result)
        {
            string failed;
            return TryParseCore(enumType, value, ignoreCase, false, out result, out failed) == 0;
        }

        // 0 ok, 1 null, 2 empty, 3 not found (failedName set).
        private static int TryParseCore(Type enumType, string value, bool ignoreCase, bool throwOnOverflow, out object result, out string failedName)
        {
            result = null;
            failedName = null;
            if (enumType == null)
                throw new ArgumentNullException("enumType");
            IntPtr klass = ClassOf(enumType);
            if (value == null)
                return 1;
            string v = value.Trim();
            if (v.Length == 0)
                return 2;
            EnumInfo info = GetInfo(klass);
            char c0 = v[0];
            if ((c0 >= '0' && c0 <= '9') || c0 == '-' || c0 == '+')
            {
                TypeCode tc = info.typeCode;
                int size = SizeOf(tc);
                if (IsSigned(tc))
                {
                    long max = size == 8 ? long.MaxValue : (1L << (size * 8 - 1)) - 1;
                    long min = -max - 1;
                    long l;
                    if (throwOnOverflow)
                        l = Number.ParseSigned(v, System.Globalization.NumberStyles.Integer, min, max, size);
                    else if (!Number.TryParseSigned(v, System.Globalization.NumberStyles.Integer, min, max, out l))
                        return 3;
                    result = InternalBoxEnum(klass, (ulong)l);
                    return 0;
                }
                else
                {
                    ulong umax = size == 8 ? ulong.MaxValue : (1UL << (size * 8)) - 1;
                    ulong u;
                    if (throwOnOverflow)
                        u = Number.ParseUnsigned(v, System.Globalization.NumberStyles.Integer, umax, size);
                    else if (!Number.TryParseUnsigned(v, System.Globalization.NumberStyles.Integer, umax, out u))
                        return 3;
                    result = InternalBoxEnum(klass, u);
                    return 0;
                }
            }
            string[] parts = v.Split(',');
            ulong bits = 0;
            for (int p = 0; p < parts.Length; p++)
            {
                string name = parts[p].Trim();
                bool found = false;
                for (int i = 0; i < info.names.Length; i++)
                {
                    if (ignoreCase ? String.EqualsOrdinalIgnoreCase(info.names[i], name) : info.names[i] == name)
                    {
                        bits |= info.values[i];
                        found = true;
                        break;
                    }
                }
                if (!found)
                {
                    failedName = v;
                    return 3;
                }
            }
            result = InternalBoxEnum(klass, bits);
            return 0;
        }

        public static object ToObject(Type enumType, object value)
        {
            if (enumType == null)
                throw new ArgumentNullException("enumType");
            if (value == null)
                throw new ArgumentNullException("value");
            IntPtr klass = ClassOf(enumType);
            return InternalBoxEnum(klass, ToBits(GetInfo(klass), value));
        }

        public static object ToObject(Type enumType, int value)
        {
            return InternalBoxEnum(ClassOf(enumType), (ulong)(long)value);
        }

        public static object ToObject(Type enumType, long value)
        {
            return InternalBoxEnum(ClassOf(enumType), (ulong)value);
        }

        public static object ToObject(Type enumType, uint value)
        {
            return InternalBoxEnum(ClassOf(enumType), value);
        }

        public static object ToObject(Type enumType, ulong value)
        {
            return InternalBoxEnum(ClassOf(enumType), value);
        }

        public static object ToObject(Type enumType, short value)
        {
            return InternalBoxEnum(ClassOf(enumType), (ulong)(long)value);
        }

        public static object ToObject(Type enumType, ushort value)
        {
            return InternalBoxEnum(ClassOf(enumType), value);
        }

        public static object ToObject(Type enumType, sbyte value)
        {
            return InternalBoxEnum(ClassOf(enumType), (ulong)(long)value);
        }

        public static object ToObject(Type enumType, byte value)
        {
            return InternalBoxEnum(ClassOf(enumType), value);
        }

        public static string Format(Type enumType, object value, string format)
        {
            if (enumType == null)
                throw new ArgumentNullException("enumType");
            if (value == null)
                throw new ArgumentNullException("value");
            if (format == null)
                throw new ArgumentNullException("format");
            if (format.Length == 0)
                throw new FormatException("Format String can be only \"G\", \"g\", \"X\", \"x\", \"F\", \"f\", \"D\" or \"d\".");
            EnumInfo info = GetInfo(ClassOf(enumType));
            return Format(info, ToBits(info, value), format);
        }

        public static Type GetUnderlyingType(Type enumType)
        {
            if (enumType == null)
                throw new ArgumentNullException("enumType");
            switch (GetInfo(ClassOf(enumType)).typeCode)
            {
                case TypeCode.Boolean: return typeof(bool);
                case TypeCode.Char: return typeof(char);
                case TypeCode.SByte: return typeof(sbyte);
                case TypeCode.Byte: return typeof(byte);
                case TypeCode.Int16: return typeof(short);
                case TypeCode.UInt16: return typeof(ushort);
                case TypeCode.UInt32: return typeof(uint);
                case TypeCode.Int64: return typeof(long);
                case TypeCode.UInt64: return typeof(ulong);
            }
            return typeof(int);
        }
    }
}
