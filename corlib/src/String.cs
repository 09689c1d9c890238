// String: System.String (immutable UTF-16 text), StringComparison and StringSplitOptions.
// Layout: int32 length at offset 16, UTF-16 chars at offset 20 (the two declared fields).
// Everything except allocation and raw char access/copies is plain C#.
using System.Collections;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;

namespace System
{
    public enum StringComparison
    {
        CurrentCulture = 0,
        CurrentCultureIgnoreCase = 1,
        InvariantCulture = 2,
        InvariantCultureIgnoreCase = 3,
        Ordinal = 4,
        OrdinalIgnoreCase = 5
    }

    [Flags]
    public enum StringSplitOptions
    {
        None = 0,
        RemoveEmptyEntries = 1
    }

    public sealed class String : IComparable, ICloneable, IEnumerable
    {
        // Declared so that the class layout matches the runtime's: length at 16, chars at 20.
        private int _stringLength;
        private char _firstChar;

        public static readonly string Empty = "";

        // ---------------------------------------------------------------- internal calls

        // A new string of `length` chars, all '\0'.
        [MethodImpl(MethodImplOptions.InternalCall)]
        internal static extern string FastAllocateString(int length);

        // s[index] without any check (the caller has validated the index).
        [MethodImpl(MethodImplOptions.InternalCall)]
        internal static extern char GetCharUnchecked(string s, int index);

        // Writes one char into a string the caller has just allocated (no checks).
        [MethodImpl(MethodImplOptions.InternalCall)]
        internal static extern void SetCharUnchecked(string s, int index, char c);

        // memmove of `count` chars from src[srcIndex..] to dst[dstIndex..] (no checks).
        [MethodImpl(MethodImplOptions.InternalCall)]
        internal static extern void CopyChars(string src, int srcIndex, string dst, int dstIndex, int count);

        // memmove of `count` chars from the char[] src to the string dst (no checks).
        [MethodImpl(MethodImplOptions.InternalCall)]
        internal static extern void CopyCharsFromArray(char[] src, int srcIndex, string dst, int dstIndex, int count);

        // memmove of `count` chars from the string src to the char[] dst (no checks).
        [MethodImpl(MethodImplOptions.InternalCall)]
        internal static extern void CopyCharsToArray(string src, int srcIndex, char[] dst, int dstIndex, int count);

        // ---------------------------------------------------------------- constructors
        // `newobj String::.ctor(args)` must be compiled as `call String::Ctor(args)` (which returns the string),
        // as Mono does: a string's size depends on its contents.

        [MethodImpl(MethodImplOptions.InternalCall)]
        public extern String(char[] value);

        [MethodImpl(MethodImplOptions.InternalCall)]
        public extern String(char[] value, int startIndex, int length);

        [MethodImpl(MethodImplOptions.InternalCall)]
        public extern String(char c, int count);

        private static string Ctor(char[] value)
        {
            if (value == null || value.Length == 0)
                return Empty;
            return FromCharArray(value, 0, value.Length);
        }

        private static string Ctor(char[] value, int startIndex, int length)
        {
            if (value == null)
                throw new ArgumentNullException("value");
            if (startIndex < 0)
                throw new ArgumentOutOfRangeException("startIndex", "StartIndex cannot be less than zero.");
            if (length < 0)
                throw new ArgumentOutOfRangeException("length", "Length cannot be less than zero.");
            if (startIndex > value.Length - length)
                throw new ArgumentOutOfRangeException("startIndex", "Index was out of range. Must be non-negative and less than the size of the collection.");
            if (length == 0)
                return Empty;
            return FromCharArray(value, startIndex, length);
        }

        private static string Ctor(char c, int count)
        {
            if (count <= 0)
            {
                if (count == 0)
                    return Empty;
                throw new ArgumentOutOfRangeException("count", "Count cannot be less than zero.");
            }
            string s = FastAllocateString(count);
            for (int i = 0; i < count; i++)
                SetCharUnchecked(s, i, c);
            return s;
        }

        // ---------------------------------------------------------------- internal helpers

        internal static string FromCharArray(char[] value, int startIndex, int length)
        {
            if (length == 0)
                return Empty;
            string s = FastAllocateString(length);
            CopyCharsFromArray(value, startIndex, s, 0, length);
            return s;
        }

        internal static string CreateFromChar(char c)
        {
            string s = FastAllocateString(1);
            SetCharUnchecked(s, 0, c);
            return s;
        }

        private string InternalSubString(int startIndex, int length)
        {
            if (length == 0)
                return Empty;
            if (startIndex == 0 && length == _stringLength)
                return this;
            string s = FastAllocateString(length);
            CopyChars(this, startIndex, s, 0, length);
            return s;
        }

        internal static bool EqualsOrdinalIgnoreCase(string a, string b)
        {
            if ((object)a == (object)b)
                return true;
            if (a == null || b == null || a._stringLength != b._stringLength)
                return false;
            int n = a._stringLength;
            for (int i = 0; i < n; i++)
            {
                char x = GetCharUnchecked(a, i);
                char y = GetCharUnchecked(b, i);
                if (x != y && CharInfo.ToUpper(x) != CharInfo.ToUpper(y))
                    return false;
            }
            return true;
        }

        // ---------------------------------------------------------------- basic properties

        public int Length
        {
            get { return _stringLength; }
        }

        [IndexerName("Chars")]
        public char this[int index]
        {
            get
            {
                if ((uint)index >= (uint)_stringLength)
                    throw new IndexOutOfRangeException();
                return GetCharUnchecked(this, index);
            }
        }

        public static bool IsNullOrEmpty(string value)
        {
            return value == null || value._stringLength == 0;
        }

        public static bool IsNullOrWhiteSpace(string value)
        {
            if (value == null)
                return true;
            for (int i = 0; i < value._stringLength; i++)
            {
                if (!CharInfo.IsWhiteSpace(GetCharUnchecked(value, i)))
                    return false;
            }
            return true;
        }

        public override string ToString()
        {
            return this;
        }

        public string ToString(IFormatProvider provider)
        {
            return this;
        }

        public object Clone()
        {
            return this;
        }

        public static string Copy(string str)
        {
            if (str == null)
                throw new ArgumentNullException("str");
            string s = FastAllocateString(str._stringLength);
            CopyChars(str, 0, s, 0, str._stringLength);
            return s;
        }

        // The runtime's intern pool (which holds every string literal): returns the pooled string equal
        // to str, adding str to the pool first when none is there.
        [MethodImpl(MethodImplOptions.InternalCall)]
        internal static extern string InternalIntern(string str);

        // The pooled string equal to str, or null when there is none (str is not added).
        [MethodImpl(MethodImplOptions.InternalCall)]
        internal static extern string InternalIsInterned(string str);

        public static string Intern(string str)
        {
            if (str == null)
                throw new ArgumentNullException("str");
            return InternalIntern(str);
        }

        public static string IsInterned(string str)
        {
            if (str == null)
                throw new ArgumentNullException("str");
            return InternalIsInterned(str);
        }

        public TypeCode GetTypeCode()
        {
            return TypeCode.String;
        }

        // Unicode normalization is not modelled: strings are returned unchanged.
        public string Normalize()
        {
            return this;
        }

        public string Normalize(NormalizationForm normalizationForm)
        {
            return this;
        }

        public bool IsNormalized()
        {
            return true;
        }

        public bool IsNormalized(NormalizationForm normalizationForm)
        {
            return true;
        }

        public char[] ToCharArray()
        {
            char[] r = new char[_stringLength];
            if (_stringLength > 0)
                CopyCharsToArray(this, 0, r, 0, _stringLength);
            return r;
        }

        public char[] ToCharArray(int startIndex, int length)
        {
            if (startIndex < 0 || startIndex > _stringLength || startIndex > _stringLength - length)
                throw new ArgumentOutOfRangeException("startIndex", "Index was out of range. Must be non-negative and less than the size of the collection.");
            if (length < 0)
                throw new ArgumentOutOfRangeException("length", "Index was out of range. Must be non-negative and less than the size of the collection.");
            char[] r = new char[length];
            if (length > 0)
                CopyCharsToArray(this, startIndex, r, 0, length);
            return r;
        }

        public void CopyTo(int sourceIndex, char[] destination, int destinationIndex, int count)
        {
            if (destination == null)
                throw new ArgumentNullException("destination");
            if (count < 0)
                throw new ArgumentOutOfRangeException("count", "Count cannot be less than zero.");
            if (sourceIndex < 0)
                throw new ArgumentOutOfRangeException("sourceIndex", "Index was out of range. Must be non-negative and less than the size of the collection.");
            if (count > _stringLength - sourceIndex)
                throw new ArgumentOutOfRangeException("sourceIndex", "Index and count must refer to a location within the string.");
            if (destinationIndex > destination.Length - count || destinationIndex < 0)
                throw new ArgumentOutOfRangeException("destinationIndex", "Index and count must refer to a location within the string.");
            if (count > 0)
                CopyCharsToArray(this, sourceIndex, destination, destinationIndex, count);
        }

        // ---------------------------------------------------------------- equality and hashing

        public override bool Equals(object obj)
        {
            if ((object)this == obj)
                return true;
            string s = obj as string;
            if (s == null)
                return false;
            return EqualsHelper(this, s);
        }

        public bool Equals(string value)
        {
            if ((object)this == (object)value)
                return true;
            if ((object)value == null)
                return false;
            return EqualsHelper(this, value);
        }

        public bool Equals(string value, StringComparison comparisonType)
        {
            return Equals(this, value, comparisonType);
        }

        public static bool Equals(string a, string b)
        {
            if ((object)a == (object)b)
                return true;
            if ((object)a == null || (object)b == null)
                return false;
            return EqualsHelper(a, b);
        }

        public static bool Equals(string a, string b, StringComparison comparisonType)
        {
            if ((object)a == (object)b)
                return true;
            if ((object)a == null || (object)b == null)
                return false;
            if (comparisonType == StringComparison.Ordinal)
                return EqualsHelper(a, b);
            if (comparisonType == StringComparison.OrdinalIgnoreCase)
                return EqualsOrdinalIgnoreCase(a, b);
            return Compare(a, b, comparisonType) == 0;
        }

        private static bool EqualsHelper(string a, string b)
        {
            int n = a._stringLength;
            if (n != b._stringLength)
                return false;
            for (int i = 0; i < n; i++)
            {
                if (GetCharUnchecked(a, i) != GetCharUnchecked(b, i))
                    return false;
            }
            return true;
        }

        public static bool operator ==(string a, string b)
        {
            return Equals(a, b);
        }

        public static bool operator !=(string a, string b)
        {
            return !Equals(a, b);
        }

        // Mono 6.8: Marvin32 over the UTF-16 bytes with the fixed seed 12874512.
        public override int GetHashCode()
        {
            uint p0 = 12874512u;
            uint p1 = 0u;
            int n = _stringLength;
            int i = 0;
            ulong st;
            while (n - i >= 2)
            {
                p0 += (uint)GetCharUnchecked(this, i) | ((uint)GetCharUnchecked(this, i + 1) << 16);
                st = MarvinBlock(p0, p1);
                p0 = (uint)st;
                p1 = (uint)(st >> 32);
                i += 2;
            }
            if (n - i == 1)
                p0 += 0x800000u | (uint)GetCharUnchecked(this, i);
            else
                p0 += 0x80u;
            st = MarvinBlock(p0, p1);
            st = MarvinBlock((uint)st, (uint)(st >> 32));
            p0 = (uint)st;
            p1 = (uint)(st >> 32);
            return (int)(p1 ^ p0);
        }

        private static ulong MarvinBlock(uint p0, uint p1)
        {
            p1 ^= p0;
            p0 = (p0 << 20) | (p0 >> 12);
            p0 += p1;
            p1 = (p1 << 9) | (p1 >> 23);
            p1 ^= p0;
            p0 = (p0 << 27) | (p0 >> 5);
            p0 += p1;
            p1 = (p1 << 19) | (p1 >> 13);
            return ((ulong)p1 << 32) | p0;
        }

        // ---------------------------------------------------------------- comparison

        public int CompareTo(object value)
        {
            if (value == null)
                return 1;
            string s = value as string;
            if (s == null)
                throw new ArgumentException("Object must be of type String.");
            return Compare(this, s);
        }

        public int CompareTo(string strB)
        {
            return Compare(this, strB);
        }

        // Culture-sensitive (invariant culture approximation, see Globalization.cs).
        public static int Compare(string strA, string strB)
        {
            return Compare(strA, strB, false);
        }

        public static int Compare(string strA, string strB, bool ignoreCase)
        {
            if ((object)strA == (object)strB)
                return 0;
            if (strA == null)
                return -1;
            if (strB == null)
                return 1;
            return CultureCompare.Compare(strA, 0, strA._stringLength, strB, 0, strB._stringLength, ignoreCase);
        }

        public static int Compare(string strA, string strB, StringComparison comparisonType)
        {
            if ((object)strA == (object)strB)
                return 0;
            if (strA == null)
                return -1;
            if (strB == null)
                return 1;
            switch (comparisonType)
            {
                case StringComparison.Ordinal:
                    return CompareOrdinalWhole(strA, strB);
                case StringComparison.OrdinalIgnoreCase:
                    return CompareOrdinalIgnoreCaseHelper(strA, 0, strA._stringLength, strB, 0, strB._stringLength);
                case StringComparison.CurrentCultureIgnoreCase:
                case StringComparison.InvariantCultureIgnoreCase:
                    return Compare(strA, strB, true);
                case StringComparison.CurrentCulture:
                case StringComparison.InvariantCulture:
                    return Compare(strA, strB, false);
            }
            throw new ArgumentException("The string comparison type passed in is currently not supported.", "comparisonType");
        }

        public static int Compare(string strA, string strB, bool ignoreCase, CultureInfo culture)
        {
            return Compare(strA, strB, ignoreCase);
        }

        public static int Compare(string strA, string strB, CultureInfo culture, CompareOptions options)
        {
            if (options == CompareOptions.Ordinal)
                return Compare(strA, strB, StringComparison.Ordinal);
            if (options == CompareOptions.OrdinalIgnoreCase)
                return Compare(strA, strB, StringComparison.OrdinalIgnoreCase);
            return Compare(strA, strB, (options & CompareOptions.IgnoreCase) != 0);
        }

        public static int Compare(string strA, int indexA, string strB, int indexB, int length)
        {
            return Compare(strA, indexA, strB, indexB, length, false);
        }

        public static int Compare(string strA, int indexA, string strB, int indexB, int length, bool ignoreCase)
        {
            if ((object)strA == null || (object)strB == null)
                return (object)strA == (object)strB ? 0 : ((object)strA == null ? -1 : 1);
            if (length < 0)
                throw new ArgumentOutOfRangeException("length", "Length cannot be less than zero.");
            if (indexA < 0 || indexB < 0)
                throw new ArgumentOutOfRangeException(indexA < 0 ? "indexA" : "indexB", "Index was out of range. Must be non-negative and less than the size of the collection.");
            int la = Math.Min(length, strA._stringLength - indexA);
            int lb = Math.Min(length, strB._stringLength - indexB);
            if (la < 0 || lb < 0)
                throw new ArgumentOutOfRangeException(la < 0 ? "indexA" : "indexB", "Index was out of range. Must be non-negative and less than the size of the collection.");
            return CultureCompare.Compare(strA, indexA, la, strB, indexB, lb, ignoreCase);
        }

        public static int Compare(string strA, int indexA, string strB, int indexB, int length, StringComparison comparisonType)
        {
            if (comparisonType == StringComparison.Ordinal || comparisonType == StringComparison.OrdinalIgnoreCase)
            {
                if ((object)strA == null || (object)strB == null)
                    return (object)strA == (object)strB ? 0 : ((object)strA == null ? -1 : 1);
                int la = Math.Min(length, strA._stringLength - indexA);
                int lb = Math.Min(length, strB._stringLength - indexB);
                if (la < 0 || lb < 0 || indexA < 0 || indexB < 0)
                    throw new ArgumentOutOfRangeException("indexA", "Index was out of range. Must be non-negative and less than the size of the collection.");
                if (comparisonType == StringComparison.Ordinal)
                    return CompareOrdinalHelper(strA, indexA, la, strB, indexB, lb);
                return CompareOrdinalIgnoreCaseHelper(strA, indexA, la, strB, indexB, lb);
            }
            bool ic = comparisonType == StringComparison.CurrentCultureIgnoreCase || comparisonType == StringComparison.InvariantCultureIgnoreCase;
            return Compare(strA, indexA, strB, indexB, length, ic);
        }

        public static int CompareOrdinal(string strA, string strB)
        {
            if ((object)strA == (object)strB)
                return 0;
            if (strA == null)
                return -1;
            if (strB == null)
                return 1;
            return CompareOrdinalWhole(strA, strB);
        }

        public static int CompareOrdinal(string strA, int indexA, string strB, int indexB, int length)
        {
            if ((object)strA == null || (object)strB == null)
                return (object)strA == (object)strB ? 0 : ((object)strA == null ? -1 : 1);
            if (length < 0)
                throw new ArgumentOutOfRangeException("length", "Count cannot be less than zero.");
            if (indexA < 0 || indexB < 0)
                throw new ArgumentOutOfRangeException(indexA < 0 ? "indexA" : "indexB", "Index was out of range. Must be non-negative and less than the size of the collection.");
            int la = Math.Min(length, strA._stringLength - indexA);
            int lb = Math.Min(length, strB._stringLength - indexB);
            if (la < 0 || lb < 0)
                throw new ArgumentOutOfRangeException(la < 0 ? "indexA" : "indexB", "Index was out of range. Must be non-negative and less than the size of the collection.");
            return CompareOrdinalHelper(strA, indexA, la, strB, indexB, lb);
        }

        // Difference of the first differing chars, else difference of the lengths.
        internal static int CompareOrdinalHelper(string a, int ia, int la, string b, int ib, int lb)
        {
            int n = la < lb ? la : lb;
            for (int i = 0; i < n; i++)
            {
                char x = GetCharUnchecked(a, ia + i);
                char y = GetCharUnchecked(b, ib + i);
                if (x != y)
                    return x - y;
            }
            return la - lb;
        }

        // Whole-string ordinal comparison with Mono's exact result values: Mono compares the first two chars
        // one by one, then two chars at a time, reading the '\0' terminator of the shorter string; when all
        // compared chars are equal the result is the length difference. So CompareOrdinal("a", "ab") is -'b'
        // while CompareOrdinal("ab", "abc") is -1. Both strings are non-null. Implemented in Rust: it is the
        // inner loop of every ordinal sort and comparison.
        [MethodImpl(MethodImplOptions.InternalCall)]
        internal static extern int CompareOrdinalWhole(string a, string b);

        internal static int CompareOrdinalIgnoreCaseHelper(string a, int ia, int la, string b, int ib, int lb)
        {
            int n = la < lb ? la : lb;
            for (int i = 0; i < n; i++)
            {
                char x = CharInfo.ToUpper(GetCharUnchecked(a, ia + i));
                char y = CharInfo.ToUpper(GetCharUnchecked(b, ib + i));
                if (x != y)
                    return x - y;
            }
            return la - lb;
        }

        // ---------------------------------------------------------------- concatenation

        public static string Concat(object arg0)
        {
            if (arg0 == null)
                return Empty;
            string s = arg0.ToString();
            return s == null ? Empty : s;
        }

        public static string Concat(object arg0, object arg1)
        {
            return Concat(Concat(arg0), Concat(arg1));
        }

        public static string Concat(object arg0, object arg1, object arg2)
        {
            return Concat(Concat(arg0), Concat(arg1), Concat(arg2));
        }

        public static string Concat(params object[] args)
        {
            if (args == null)
                throw new ArgumentNullException("args");
            string[] parts = new string[args.Length];
            for (int i = 0; i < args.Length; i++)
                parts[i] = Concat(args[i]);
            return ConcatArray(parts);
        }

        public static string Concat(string str0, string str1)
        {
            if (IsNullOrEmpty(str0))
                return IsNullOrEmpty(str1) ? Empty : str1;
            if (IsNullOrEmpty(str1))
                return str0;
            int l0 = str0._stringLength;
            string s = FastAllocateString(l0 + str1._stringLength);
            CopyChars(str0, 0, s, 0, l0);
            CopyChars(str1, 0, s, l0, str1._stringLength);
            return s;
        }

        public static string Concat(string str0, string str1, string str2)
        {
            string[] parts = new string[3];
            parts[0] = str0;
            parts[1] = str1;
            parts[2] = str2;
            return ConcatArray(parts);
        }

        public static string Concat(string str0, string str1, string str2, string str3)
        {
            string[] parts = new string[4];
            parts[0] = str0;
            parts[1] = str1;
            parts[2] = str2;
            parts[3] = str3;
            return ConcatArray(parts);
        }

        public static string Concat(params string[] values)
        {
            if (values == null)
                throw new ArgumentNullException("values");
            return ConcatArray(values);
        }

        private static string ConcatArray(string[] values)
        {
            int total = 0;
            for (int i = 0; i < values.Length; i++)
            {
                if (values[i] != null)
                    total += values[i]._stringLength;
            }
            if (total == 0)
                return Empty;
            string s = FastAllocateString(total);
            int pos = 0;
            for (int i = 0; i < values.Length; i++)
            {
                string v = values[i];
                if (v != null && v._stringLength > 0)
                {
                    CopyChars(v, 0, s, pos, v._stringLength);
                    pos += v._stringLength;
                }
            }
            return s;
        }

        // ---------------------------------------------------------------- formatting

        public static string Format(string format, object arg0)
        {
            object[] args = new object[1];
            args[0] = arg0;
            return FormatCore(null, format, args);
        }

        public static string Format(string format, object arg0, object arg1)
        {
            object[] args = new object[2];
            args[0] = arg0;
            args[1] = arg1;
            return FormatCore(null, format, args);
        }

        public static string Format(string format, object arg0, object arg1, object arg2)
        {
            object[] args = new object[3];
            args[0] = arg0;
            args[1] = arg1;
            args[2] = arg2;
            return FormatCore(null, format, args);
        }

        public static string Format(string format, params object[] args)
        {
            if (args == null)
                throw new ArgumentNullException(format == null ? "format" : "args");
            return FormatCore(null, format, args);
        }

        public static string Format(IFormatProvider provider, string format, object arg0)
        {
            object[] args = new object[1];
            args[0] = arg0;
            return FormatCore(provider, format, args);
        }

        public static string Format(IFormatProvider provider, string format, object arg0, object arg1)
        {
            object[] args = new object[2];
            args[0] = arg0;
            args[1] = arg1;
            return FormatCore(provider, format, args);
        }

        public static string Format(IFormatProvider provider, string format, object arg0, object arg1, object arg2)
        {
            object[] args = new object[3];
            args[0] = arg0;
            args[1] = arg1;
            args[2] = arg2;
            return FormatCore(provider, format, args);
        }

        public static string Format(IFormatProvider provider, string format, params object[] args)
        {
            if (args == null)
                throw new ArgumentNullException(format == null ? "format" : "args");
            return FormatCore(provider, format, args);
        }

        private static string FormatCore(IFormatProvider provider, string format, object[] args)
        {
            if (format == null)
                throw new ArgumentNullException("format");
            StringBuilder sb = new StringBuilder(format.Length + args.Length * 8);
            CompositeFormat.AppendFormat(sb, provider, format, args);
            return sb.ToString();
        }

        // ---------------------------------------------------------------- substrings

        public string Substring(int startIndex)
        {
            return Substring(startIndex, _stringLength - startIndex);
        }

        public string Substring(int startIndex, int length)
        {
            if (startIndex < 0)
                throw new ArgumentOutOfRangeException("startIndex", "StartIndex cannot be less than zero.");
            if (startIndex > _stringLength)
                throw new ArgumentOutOfRangeException("startIndex", "startIndex cannot be larger than length of string.");
            if (length < 0)
                throw new ArgumentOutOfRangeException("length", "Length cannot be less than zero.");
            if (startIndex > _stringLength - length)
                throw new ArgumentOutOfRangeException("length", "Index and length must refer to a location within the string.");
            return InternalSubString(startIndex, length);
        }

        public string Insert(int startIndex, string value)
        {
            if (value == null)
                throw new ArgumentNullException("value");
            if (startIndex < 0 || startIndex > _stringLength)
                throw new ArgumentOutOfRangeException("startIndex");
            int n = _stringLength;
            int vl = value._stringLength;
            if (vl == 0)
                return this;
            string s = FastAllocateString(n + vl);
            CopyChars(this, 0, s, 0, startIndex);
            CopyChars(value, 0, s, startIndex, vl);
            CopyChars(this, startIndex, s, startIndex + vl, n - startIndex);
            return s;
        }

        public string Remove(int startIndex)
        {
            if (startIndex < 0)
                throw new ArgumentOutOfRangeException("startIndex", "StartIndex cannot be less than zero.");
            if (startIndex >= _stringLength)
                throw new ArgumentOutOfRangeException("startIndex", "startIndex must be less than length of string.");
            return InternalSubString(0, startIndex);
        }

        public string Remove(int startIndex, int count)
        {
            if (startIndex < 0)
                throw new ArgumentOutOfRangeException("startIndex", "StartIndex cannot be less than zero.");
            if (count < 0)
                throw new ArgumentOutOfRangeException("count", "Count cannot be less than zero.");
            if (count > _stringLength - startIndex)
                throw new ArgumentOutOfRangeException("count", "Index and count must refer to a location within the string.");
            if (count == 0)
                return this;
            int n = _stringLength - count;
            if (n == 0)
                return Empty;
            string s = FastAllocateString(n);
            CopyChars(this, 0, s, 0, startIndex);
            CopyChars(this, startIndex + count, s, startIndex, n - startIndex);
            return s;
        }

        public string PadLeft(int totalWidth)
        {
            return PadLeft(totalWidth, ' ');
        }

        public string PadLeft(int totalWidth, char paddingChar)
        {
            if (totalWidth < 0)
                throw new ArgumentOutOfRangeException("totalWidth", "Non-negative number required.");
            int n = _stringLength;
            if (totalWidth <= n)
                return this;
            string s = FastAllocateString(totalWidth);
            int pad = totalWidth - n;
            for (int i = 0; i < pad; i++)
                SetCharUnchecked(s, i, paddingChar);
            CopyChars(this, 0, s, pad, n);
            return s;
        }

        public string PadRight(int totalWidth)
        {
            return PadRight(totalWidth, ' ');
        }

        public string PadRight(int totalWidth, char paddingChar)
        {
            if (totalWidth < 0)
                throw new ArgumentOutOfRangeException("totalWidth", "Non-negative number required.");
            int n = _stringLength;
            if (totalWidth <= n)
                return this;
            string s = FastAllocateString(totalWidth);
            CopyChars(this, 0, s, 0, n);
            for (int i = n; i < totalWidth; i++)
                SetCharUnchecked(s, i, paddingChar);
            return s;
        }

        // ---------------------------------------------------------------- searching

        public int IndexOf(char value)
        {
            return IndexOfCore(value, 0, _stringLength);
        }

        public int IndexOf(char value, int startIndex)
        {
            if (startIndex < 0 || startIndex > _stringLength)
                throw new ArgumentOutOfRangeException("startIndex", "Index was out of range. Must be non-negative and less than the size of the collection.");
            return IndexOfCore(value, startIndex, _stringLength - startIndex);
        }

        public int IndexOf(char value, int startIndex, int count)
        {
            if (startIndex < 0 || startIndex > _stringLength)
                throw new ArgumentOutOfRangeException("startIndex", "Index was out of range. Must be non-negative and less than the size of the collection.");
            if (count < 0 || count > _stringLength - startIndex)
                throw new ArgumentOutOfRangeException("count", "Count must be positive and count must refer to a location within the string/array/collection.");
            return IndexOfCore(value, startIndex, count);
        }

        public int IndexOf(char value, StringComparison comparisonType)
        {
            if (comparisonType == StringComparison.OrdinalIgnoreCase || comparisonType == StringComparison.CurrentCultureIgnoreCase || comparisonType == StringComparison.InvariantCultureIgnoreCase)
                return IndexOf(CreateFromChar(value), 0, _stringLength, comparisonType);
            return IndexOfCore(value, 0, _stringLength);
        }

        private int IndexOfCore(char value, int startIndex, int count)
        {
            int end = startIndex + count;
            for (int i = startIndex; i < end; i++)
            {
                if (GetCharUnchecked(this, i) == value)
                    return i;
            }
            return -1;
        }

        public int IndexOf(string value)
        {
            return IndexOf(value, 0, _stringLength, StringComparison.CurrentCulture);
        }

        public int IndexOf(string value, int startIndex)
        {
            if (startIndex < 0 || startIndex > _stringLength)
                throw new ArgumentOutOfRangeException("startIndex", "Index was out of range. Must be non-negative and less than the size of the collection.");
            return IndexOf(value, startIndex, _stringLength - startIndex, StringComparison.CurrentCulture);
        }

        public int IndexOf(string value, int startIndex, int count)
        {
            return IndexOf(value, startIndex, count, StringComparison.CurrentCulture);
        }

        public int IndexOf(string value, StringComparison comparisonType)
        {
            return IndexOf(value, 0, _stringLength, comparisonType);
        }

        public int IndexOf(string value, int startIndex, StringComparison comparisonType)
        {
            if (startIndex < 0 || startIndex > _stringLength)
                throw new ArgumentOutOfRangeException("startIndex", "Index was out of range. Must be non-negative and less than the size of the collection.");
            return IndexOf(value, startIndex, _stringLength - startIndex, comparisonType);
        }

        // Ordinal search (culture-sensitive matching of ignorable characters is not modelled).
        public int IndexOf(string value, int startIndex, int count, StringComparison comparisonType)
        {
            if (value == null)
                throw new ArgumentNullException("value");
            if (startIndex < 0 || startIndex > _stringLength)
                throw new ArgumentOutOfRangeException("startIndex", "Index was out of range. Must be non-negative and less than the size of the collection.");
            if (count < 0 || startIndex > _stringLength - count)
                throw new ArgumentOutOfRangeException("count", "Count must be positive and count must refer to a location within the string/array/collection.");
            bool ignoreCase = comparisonType == StringComparison.OrdinalIgnoreCase || comparisonType == StringComparison.CurrentCultureIgnoreCase || comparisonType == StringComparison.InvariantCultureIgnoreCase;
            int vl = value._stringLength;
            if (vl == 0)
                return startIndex;
            int last = startIndex + count - vl;
            for (int i = startIndex; i <= last; i++)
            {
                if (MatchAt(this, i, value, ignoreCase))
                    return i;
            }
            return -1;
        }

        private static bool MatchAt(string s, int pos, string value, bool ignoreCase)
        {
            int vl = value._stringLength;
            for (int j = 0; j < vl; j++)
            {
                char a = GetCharUnchecked(s, pos + j);
                char b = GetCharUnchecked(value, j);
                if (a != b)
                {
                    if (!ignoreCase || CharInfo.ToUpper(a) != CharInfo.ToUpper(b))
                        return false;
                }
            }
            return true;
        }

        public int IndexOfAny(char[] anyOf)
        {
            return IndexOfAny(anyOf, 0, _stringLength);
        }

        public int IndexOfAny(char[] anyOf, int startIndex)
        {
            return IndexOfAny(anyOf, startIndex, _stringLength - startIndex);
        }

        public int IndexOfAny(char[] anyOf, int startIndex, int count)
        {
            if (anyOf == null)
                throw new ArgumentNullException("anyOf");
            if (startIndex < 0 || startIndex > _stringLength)
                throw new ArgumentOutOfRangeException("startIndex", "Index was out of range. Must be non-negative and less than the size of the collection.");
            if (count < 0 || count > _stringLength - startIndex)
                throw new ArgumentOutOfRangeException("count", "Count must be positive and count must refer to a location within the string/array/collection.");
            int end = startIndex + count;
            for (int i = startIndex; i < end; i++)
            {
                char c = GetCharUnchecked(this, i);
                for (int k = 0; k < anyOf.Length; k++)
                {
                    if (anyOf[k] == c)
                        return i;
                }
            }
            return -1;
        }

        public int LastIndexOf(char value)
        {
            return LastIndexOfCore(value, _stringLength - 1, _stringLength);
        }

        public int LastIndexOf(char value, int startIndex)
        {
            return LastIndexOf(value, startIndex, startIndex + 1);
        }

        public int LastIndexOf(char value, int startIndex, int count)
        {
            if (_stringLength == 0)
                return -1;
            if (startIndex < 0 || startIndex >= _stringLength)
                throw new ArgumentOutOfRangeException("startIndex", "Index was out of range. Must be non-negative and less than the size of the collection.");
            if (count < 0 || count - 1 > startIndex)
                throw new ArgumentOutOfRangeException("count", "Count must be positive and count must refer to a location within the string/array/collection.");
            return LastIndexOfCore(value, startIndex, count);
        }

        private int LastIndexOfCore(char value, int startIndex, int count)
        {
            int end = startIndex - count;
            for (int i = startIndex; i > end; i--)
            {
                if (GetCharUnchecked(this, i) == value)
                    return i;
            }
            return -1;
        }

        public int LastIndexOf(string value)
        {
            return LastIndexOf(value, _stringLength - 1, _stringLength, StringComparison.CurrentCulture);
        }

        public int LastIndexOf(string value, int startIndex)
        {
            return LastIndexOf(value, startIndex, startIndex + 1, StringComparison.CurrentCulture);
        }

        public int LastIndexOf(string value, int startIndex, int count)
        {
            return LastIndexOf(value, startIndex, count, StringComparison.CurrentCulture);
        }

        public int LastIndexOf(string value, StringComparison comparisonType)
        {
            return LastIndexOf(value, _stringLength - 1, _stringLength, comparisonType);
        }

        public int LastIndexOf(string value, int startIndex, StringComparison comparisonType)
        {
            return LastIndexOf(value, startIndex, startIndex + 1, comparisonType);
        }

        public int LastIndexOf(string value, int startIndex, int count, StringComparison comparisonType)
        {
            if (value == null)
                throw new ArgumentNullException("value");
            int n = _stringLength;
            if (count < 0)
                throw new ArgumentOutOfRangeException("count", "Count must be positive and count must refer to a location within the string/array/collection.");
            if (n == 0 && (startIndex == -1 || startIndex == 0))
                return value._stringLength == 0 ? 0 : -1;
            if (startIndex < 0 || startIndex > n)
                throw new ArgumentOutOfRangeException("startIndex", "Index was out of range. Must be non-negative and less than the size of the collection.");
            if (startIndex == n)
            {
                startIndex--;
                if (count > 0)
                    count--;
            }
            if (count < 0 || startIndex - count + 1 < 0)
                throw new ArgumentOutOfRangeException("count", "Count must be positive and count must refer to a location within the string/array/collection.");
            int vl = value._stringLength;
            if (vl == 0)
                return startIndex;
            bool ignoreCase = comparisonType == StringComparison.OrdinalIgnoreCase || comparisonType == StringComparison.CurrentCultureIgnoreCase || comparisonType == StringComparison.InvariantCultureIgnoreCase;
            int low = startIndex - count + 1;
            for (int i = startIndex - vl + 1; i >= low; i--)
            {
                if (MatchAt(this, i, value, ignoreCase))
                    return i;
            }
            return -1;
        }

        public int LastIndexOfAny(char[] anyOf)
        {
            return LastIndexOfAny(anyOf, _stringLength - 1, _stringLength);
        }

        public int LastIndexOfAny(char[] anyOf, int startIndex)
        {
            return LastIndexOfAny(anyOf, startIndex, startIndex + 1);
        }

        public int LastIndexOfAny(char[] anyOf, int startIndex, int count)
        {
            if (anyOf == null)
                throw new ArgumentNullException("anyOf");
            if (_stringLength == 0)
                return -1;
            if (startIndex < 0 || startIndex >= _stringLength)
                throw new ArgumentOutOfRangeException("startIndex", "Index was out of range. Must be non-negative and less than the size of the collection.");
            if (count < 0 || count - 1 > startIndex)
                throw new ArgumentOutOfRangeException("count", "Count must be positive and count must refer to a location within the string/array/collection.");
            int end = startIndex - count;
            for (int i = startIndex; i > end; i--)
            {
                char c = GetCharUnchecked(this, i);
                for (int k = 0; k < anyOf.Length; k++)
                {
                    if (anyOf[k] == c)
                        return i;
                }
            }
            return -1;
        }

        public bool Contains(string value)
        {
            if (value == null)
                throw new ArgumentNullException("value");
            return IndexOf(value, 0, _stringLength, StringComparison.Ordinal) >= 0;
        }

        public bool Contains(string value, StringComparison comparisonType)
        {
            return IndexOf(value, 0, _stringLength, comparisonType) >= 0;
        }

        public bool Contains(char value)
        {
            return IndexOfCore(value, 0, _stringLength) >= 0;
        }

        public bool Contains(char value, StringComparison comparisonType)
        {
            return IndexOf(value, comparisonType) >= 0;
        }

        public CharEnumerator GetEnumerator()
        {
            return new CharEnumerator(this);
        }

        IEnumerator IEnumerable.GetEnumerator()
        {
            return new CharEnumerator(this);
        }

        public int GetHashCode(StringComparison comparisonType)
        {
            if (comparisonType == StringComparison.Ordinal || comparisonType == StringComparison.CurrentCulture || comparisonType == StringComparison.InvariantCulture)
                return GetHashCode();
            return ToUpperInvariant().GetHashCode();
        }

        public bool StartsWith(string value)
        {
            if (value == null)
                throw new ArgumentNullException("value");
            return StartsWith(value, StringComparison.CurrentCulture);
        }

        public bool StartsWith(string value, StringComparison comparisonType)
        {
            if (value == null)
                throw new ArgumentNullException("value");
            if ((object)this == (object)value || value._stringLength == 0)
                return true;
            if (value._stringLength > _stringLength)
                return false;
            bool ignoreCase = comparisonType == StringComparison.OrdinalIgnoreCase || comparisonType == StringComparison.CurrentCultureIgnoreCase || comparisonType == StringComparison.InvariantCultureIgnoreCase;
            return MatchAt(this, 0, value, ignoreCase);
        }

        public bool StartsWith(string value, bool ignoreCase, CultureInfo culture)
        {
            return StartsWith(value, ignoreCase ? StringComparison.CurrentCultureIgnoreCase : StringComparison.CurrentCulture);
        }

        public bool StartsWith(char value)
        {
            return _stringLength != 0 && GetCharUnchecked(this, 0) == value;
        }

        public bool EndsWith(string value)
        {
            if (value == null)
                throw new ArgumentNullException("value");
            return EndsWith(value, StringComparison.CurrentCulture);
        }

        public bool EndsWith(string value, StringComparison comparisonType)
        {
            if (value == null)
                throw new ArgumentNullException("value");
            if ((object)this == (object)value || value._stringLength == 0)
                return true;
            if (value._stringLength > _stringLength)
                return false;
            bool ignoreCase = comparisonType == StringComparison.OrdinalIgnoreCase || comparisonType == StringComparison.CurrentCultureIgnoreCase || comparisonType == StringComparison.InvariantCultureIgnoreCase;
            return MatchAt(this, _stringLength - value._stringLength, value, ignoreCase);
        }

        public bool EndsWith(string value, bool ignoreCase, CultureInfo culture)
        {
            return EndsWith(value, ignoreCase ? StringComparison.CurrentCultureIgnoreCase : StringComparison.CurrentCulture);
        }

        public bool EndsWith(char value)
        {
            return _stringLength != 0 && GetCharUnchecked(this, _stringLength - 1) == value;
        }

        // ---------------------------------------------------------------- replacing and case mapping

        public string Replace(char oldChar, char newChar)
        {
            int n = _stringLength;
            int first = IndexOfCore(oldChar, 0, n);
            if (first < 0)
                return this;
            string s = FastAllocateString(n);
            CopyChars(this, 0, s, 0, n);
            for (int i = first; i < n; i++)
            {
                if (GetCharUnchecked(s, i) == oldChar)
                    SetCharUnchecked(s, i, newChar);
            }
            return s;
        }

        public string Replace(string oldValue, string newValue)
        {
            if (oldValue == null)
                throw new ArgumentNullException("oldValue");
            if (oldValue._stringLength == 0)
                throw new ArgumentException("String cannot be of zero length.", "oldValue");
            if (newValue == null)
                newValue = Empty;
            int n = _stringLength;
            int ol = oldValue._stringLength;
            int pos = IndexOf(oldValue, 0, n, StringComparison.Ordinal);
            if (pos < 0)
                return this;
            StringBuilder sb = new StringBuilder(n);
            int start = 0;
            while (pos >= 0)
            {
                sb.Append(this, start, pos - start);
                sb.Append(newValue);
                start = pos + ol;
                if (start > n - ol)
                    break;
                pos = IndexOf(oldValue, start, n - start, StringComparison.Ordinal);
            }
            sb.Append(this, start, n - start);
            return sb.ToString();
        }

        public string Replace(string oldValue, string newValue, StringComparison comparisonType)
        {
            if (comparisonType == StringComparison.Ordinal || comparisonType == StringComparison.CurrentCulture || comparisonType == StringComparison.InvariantCulture)
                return Replace(oldValue, newValue);
            if (oldValue == null)
                throw new ArgumentNullException("oldValue");
            if (oldValue._stringLength == 0)
                throw new ArgumentException("String cannot be of zero length.", "oldValue");
            if (newValue == null)
                newValue = Empty;
            int n = _stringLength;
            int ol = oldValue._stringLength;
            StringBuilder sb = new StringBuilder(n);
            int start = 0;
            int pos = IndexOf(oldValue, 0, n, comparisonType);
            while (pos >= 0)
            {
                sb.Append(this, start, pos - start);
                sb.Append(newValue);
                start = pos + ol;
                if (start > n - ol)
                    break;
                pos = IndexOf(oldValue, start, n - start, comparisonType);
            }
            sb.Append(this, start, n - start);
            return sb.ToString();
        }

        public string ToUpper()
        {
            return MapCase(true);
        }

        public string ToUpper(CultureInfo culture)
        {
            return MapCase(true);
        }

        public string ToUpperInvariant()
        {
            return MapCase(true);
        }

        public string ToLower()
        {
            return MapCase(false);
        }

        public string ToLower(CultureInfo culture)
        {
            return MapCase(false);
        }

        public string ToLowerInvariant()
        {
            return MapCase(false);
        }

        private string MapCase(bool upper)
        {
            int n = _stringLength;
            int i = 0;
            for (; i < n; i++)
            {
                char c = GetCharUnchecked(this, i);
                char m = upper ? CharInfo.ToUpper(c) : CharInfo.ToLower(c);
                if (m != c)
                    break;
            }
            if (i == n)
                return this;
            string s = FastAllocateString(n);
            CopyChars(this, 0, s, 0, n);
            for (; i < n; i++)
            {
                char c = GetCharUnchecked(this, i);
                SetCharUnchecked(s, i, upper ? CharInfo.ToUpper(c) : CharInfo.ToLower(c));
            }
            return s;
        }

        // ---------------------------------------------------------------- trimming

        private static bool InSet(char c, char[] set)
        {
            if (set == null || set.Length == 0)
                return CharInfo.IsWhiteSpace(c);
            for (int i = 0; i < set.Length; i++)
            {
                if (set[i] == c)
                    return true;
            }
            return false;
        }

        // kind: 1 = start, 2 = end, 3 = both.
        private string TrimCore(char[] set, int kind)
        {
            int start = 0;
            int end = _stringLength - 1;
            if ((kind & 1) != 0)
            {
                while (start <= end && InSet(GetCharUnchecked(this, start), set))
                    start++;
            }
            if ((kind & 2) != 0)
            {
                while (end >= start && InSet(GetCharUnchecked(this, end), set))
                    end--;
            }
            return InternalSubString(start, end - start + 1);
        }

        private static char[] OneChar(char c)
        {
            char[] set = new char[1];
            set[0] = c;
            return set;
        }

        public string Trim()
        {
            return TrimCore(null, 3);
        }

        public string Trim(char trimChar)
        {
            return TrimCore(OneChar(trimChar), 3);
        }

        public string Trim(params char[] trimChars)
        {
            return TrimCore(trimChars, 3);
        }

        public string TrimStart()
        {
            return TrimCore(null, 1);
        }

        public string TrimStart(char trimChar)
        {
            return TrimCore(OneChar(trimChar), 1);
        }

        public string TrimStart(params char[] trimChars)
        {
            return TrimCore(trimChars, 1);
        }

        public string TrimEnd()
        {
            return TrimCore(null, 2);
        }

        public string TrimEnd(char trimChar)
        {
            return TrimCore(OneChar(trimChar), 2);
        }

        public string TrimEnd(params char[] trimChars)
        {
            return TrimCore(trimChars, 2);
        }

        // ---------------------------------------------------------------- splitting and joining

        public string[] Split(char separator, StringSplitOptions options = StringSplitOptions.None)
        {
            return SplitCore(OneChar(separator), null, int.MaxValue, options);
        }

        public string[] Split(char separator, int count, StringSplitOptions options = StringSplitOptions.None)
        {
            return SplitCore(OneChar(separator), null, count, options);
        }

        public string[] Split(params char[] separator)
        {
            return SplitCore(separator, null, int.MaxValue, StringSplitOptions.None);
        }

        public string[] Split(char[] separator, int count)
        {
            return SplitCore(separator, null, count, StringSplitOptions.None);
        }

        public string[] Split(char[] separator, StringSplitOptions options)
        {
            return SplitCore(separator, null, int.MaxValue, options);
        }

        public string[] Split(char[] separator, int count, StringSplitOptions options)
        {
            return SplitCore(separator, null, count, options);
        }

        public string[] Split(string separator, StringSplitOptions options = StringSplitOptions.None)
        {
            return Split(separator, int.MaxValue, options);
        }

        public string[] Split(string separator, int count, StringSplitOptions options = StringSplitOptions.None)
        {
            string[] seps = new string[1];
            seps[0] = separator == null ? Empty : separator;
            return SplitCore(null, seps, count, options);
        }

        public string[] Split(string[] separator, StringSplitOptions options)
        {
            return SplitCore(null, separator, int.MaxValue, options);
        }

        public string[] Split(string[] separator, int count, StringSplitOptions options)
        {
            return SplitCore(null, separator, count, options);
        }

        // Length of the separator matching at `pos`, or -1.
        private int SeparatorAt(int pos, char[] chars, string[] strings)
        {
            char c = GetCharUnchecked(this, pos);
            if (strings == null)
                return InSet(c, chars) ? 1 : -1;
            bool any = false;
            for (int k = 0; k < strings.Length; k++)
            {
                string sep = strings[k];
                if (sep == null || sep._stringLength == 0)
                    continue;
                any = true;
                if (sep._stringLength <= _stringLength - pos && MatchAt(this, pos, sep, false))
                    return sep._stringLength;
            }
            if (!any)
                return CharInfo.IsWhiteSpace(c) ? 1 : -1;
            return -1;
        }

        private string[] SplitCore(char[] chars, string[] strings, int count, StringSplitOptions options)
        {
            if (count < 0)
                throw new ArgumentOutOfRangeException("count", "Count cannot be less than zero.");
            if (options != StringSplitOptions.None && options != StringSplitOptions.RemoveEmptyEntries)
                throw new ArgumentException("Illegal enum value: " + (int)options + ".", "options");
            bool removeEmpty = options == StringSplitOptions.RemoveEmptyEntries;
            if (count == 0 || (removeEmpty && _stringLength == 0))
                return new string[0];
            if (count == 1)
            {
                string[] one = new string[1];
                one[0] = this;
                return one;
            }
            ArrayList parts = new ArrayList();
            int n = _stringLength;
            int start = 0;
            int i = 0;
            while (i < n && parts.Count < count - 1)
            {
                int sl = SeparatorAt(i, chars, strings);
                if (sl < 0)
                {
                    i++;
                    continue;
                }
                if (!removeEmpty || i > start)
                    parts.Add(InternalSubString(start, i - start));
                i += sl;
                start = i;
            }
            if (removeEmpty && parts.Count == count - 1)
            {
                // The last entry is the remainder, with leading separators skipped.
                while (start < n)
                {
                    int sl = SeparatorAt(start, chars, strings);
                    if (sl < 0)
                        break;
                    start += sl;
                }
            }
            if (!removeEmpty || start < n)
                parts.Add(InternalSubString(start, n - start));
            string[] result = new string[parts.Count];
            for (int k = 0; k < result.Length; k++)
                result[k] = (string)parts[k];
            return result;
        }

        public static string Join(string separator, params string[] value)
        {
            if (value == null)
                throw new ArgumentNullException("value");
            return Join(separator, value, 0, value.Length);
        }

        public static string Join(string separator, params object[] values)
        {
            if (values == null)
                throw new ArgumentNullException("values");
            if (values.Length == 0)
                return Empty;
            string[] parts = new string[values.Length];
            for (int i = 0; i < values.Length; i++)
                parts[i] = Concat(values[i]);
            return Join(separator, parts, 0, parts.Length);
        }

        public static string Join(string separator, string[] value, int startIndex, int count)
        {
            if (value == null)
                throw new ArgumentNullException("value");
            if (startIndex < 0)
                throw new ArgumentOutOfRangeException("startIndex", "StartIndex cannot be less than zero.");
            if (count < 0)
                throw new ArgumentOutOfRangeException("count", "Count cannot be less than zero.");
            if (startIndex > value.Length - count)
                throw new ArgumentOutOfRangeException("startIndex", "Index and count must refer to a location within the buffer.");
            if (count == 0)
                return Empty;
            if (separator == null)
                separator = Empty;
            string[] parts = new string[count * 2 - 1];
            for (int i = 0; i < count; i++)
            {
                if (i > 0)
                    parts[i * 2 - 1] = separator;
                parts[i * 2] = value[startIndex + i];
            }
            return ConcatArray(parts);
        }

        public static string Join(char separator, params string[] value)
        {
            return Join(CreateFromChar(separator), value);
        }

        public static string Join(char separator, params object[] values)
        {
            return Join(CreateFromChar(separator), values);
        }

        public static string Join(char separator, string[] value, int startIndex, int count)
        {
            return Join(CreateFromChar(separator), value, startIndex, count);
        }
    }

    public sealed class CharEnumerator : IEnumerator, ICloneable, IDisposable
    {
        private string _str;
        private int _index;
        private char _current;

        internal CharEnumerator(string str)
        {
            _str = str;
            _index = -1;
        }

        public object Clone()
        {
            return MemberwiseClone();
        }

        public bool MoveNext()
        {
            if (_index < _str.Length - 1)
            {
                _index++;
                _current = _str[_index];
                return true;
            }
            _index = _str.Length;
            return false;
        }

        object IEnumerator.Current
        {
            get { return Current; }
        }

        public char Current
        {
            get
            {
                if (_index == -1)
                    throw new InvalidOperationException("Enumeration has not started. Call MoveNext.");
                if (_index >= _str.Length)
                    throw new InvalidOperationException("Enumeration already finished.");
                return _current;
            }
        }

        public void Reset()
        {
            _current = '\0';
            _index = -1;
        }

        public void Dispose()
        {
        }
    }
}
