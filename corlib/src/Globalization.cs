// Globalization: CharInfo (char classification and case mapping), CultureCompare (the culture-sensitive
// string comparison approximation), CultureInfo/NumberFormatInfo/CompareInfo stubs (invariant culture only),
// NumberStyles and CompareOptions.
namespace System
{
    // Character classification for System.Char: exact for Latin-1, approximate above U+00FF.
    internal static class CharInfo
    {
        internal static bool IsDigit(char c)
        {
            if (c < 0x100)
                return c >= '0' && c <= '9';
            return (c >= 0x660 && c <= 0x669) || (c >= 0x6F0 && c <= 0x6F9) || (c >= 0x966 && c <= 0x96F) || (c >= 0xFF10 && c <= 0xFF19);
        }

        internal static bool IsNumber(char c)
        {
            if (IsDigit(c))
                return true;
            return c == 0xB2 || c == 0xB3 || c == 0xB9 || c == 0xBC || c == 0xBD || c == 0xBE || (c >= 0x2150 && c <= 0x2189) || (c >= 0x2460 && c <= 0x249B);
        }

        internal static bool IsUpper(char c)
        {
            if (c < 0x80)
                return c >= 'A' && c <= 'Z';
            if (c < 0x100)
                return c >= 0xC0 && c <= 0xDE && c != 0xD7;
            if (c >= 0x100 && c <= 0x17F)
                return ExtAUpperLowerPair(c) && LatinExtAIsUpper(c);
            if (c >= 0x391 && c <= 0x3AB)
                return c != 0x3A2;
            if (c >= 0x400 && c <= 0x42F)
                return true;
            if (c >= 0xFF21 && c <= 0xFF3A)
                return true;
            return false;
        }

        internal static bool IsLower(char c)
        {
            if (c < 0x80)
                return c >= 'a' && c <= 'z';
            if (c < 0x100)
                return c == 0xB5 || (c >= 0xDF && c <= 0xFF && c != 0xF7);
            if (c >= 0x100 && c <= 0x17F)
                return c == 0x138 || c == 0x149 || c == 0x17F || (ExtAUpperLowerPair(c) && !LatinExtAIsUpper(c));
            if (c >= 0x3AC && c <= 0x3CE)
                return true;
            if (c >= 0x430 && c <= 0x45F)
                return true;
            if (c >= 0xFF41 && c <= 0xFF5A)
                return true;
            return false;
        }

        private static bool ExtAUpperLowerPair(char c)
        {
            return c != 0x138 && c != 0x149 && c != 0x17F;
        }

        // Latin Extended-A alternates upper/lower; the parity flips at U+0139 and U+014A, and U+0178 is upper.
        private static bool LatinExtAIsUpper(char c)
        {
            if (c == 0x178)
                return true;
            if (c < 0x138)
                return (c & 1) == 0;
            if (c < 0x149)
                return (c & 1) == 1;
            if (c < 0x178)
                return (c & 1) == 0;
            return (c & 1) == 1;
        }

        internal static bool IsLetter(char c)
        {
            if (c < 0x80)
                return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
            if (c < 0x100)
                return c == 0xAA || c == 0xB5 || c == 0xBA || (c >= 0xC0 && c != 0xD7 && c != 0xF7);
            if (c <= 0x2AF)
                return true;
            if (c >= 0x370 && c <= 0x3FF)
                return c != 0x375 && c != 0x37E && c != 0x384 && c != 0x385 && c != 0x387 && c != 0x3F6;
            if (c >= 0x400 && c <= 0x52F)
                return c < 0x482 || c > 0x489;
            if (c >= 0x5D0 && c <= 0x5EA)
                return true;
            if (c >= 0x620 && c <= 0x64A)
                return true;
            if (c >= 0x3041 && c <= 0x30FF)
                return c != 0x30A0 && c != 0x30FB;
            if (c >= 0x4E00 && c <= 0x9FFF)
                return true;
            if (c >= 0xAC00 && c <= 0xD7A3)
                return true;
            if (c >= 0xFF21 && c <= 0xFF3A)
                return true;
            if (c >= 0xFF41 && c <= 0xFF5A)
                return true;
            return false;
        }

        internal static bool IsWhiteSpace(char c)
        {
            if (c < 0x100)
                return c == ' ' || (c >= '\t' && c <= '\r') || c == 0x85 || c == 0xA0;
            return c == 0x1680 || (c >= 0x2000 && c <= 0x200A) || c == 0x2028 || c == 0x2029 || c == 0x202F || c == 0x205F || c == 0x3000;
        }

        internal static bool IsSeparator(char c)
        {
            if (c < 0x100)
                return c == ' ' || c == 0xA0;
            return c == 0x1680 || (c >= 0x2000 && c <= 0x200A) || c == 0x2028 || c == 0x2029 || c == 0x202F || c == 0x205F || c == 0x3000;
        }

        internal static bool IsPunctuation(char c)
        {
            if (c < 0x80)
            {
                switch (c)
                {
                    case '!': case '"': case '#': case '%': case '&': case '\'': case '(': case ')': case '*':
                    case ',': case '-': case '.': case '/': case ':': case ';': case '?': case '@': case '[':
                    case '\\': case ']': case '_': case '{': case '}':
                        return true;
                }
                return false;
            }
            if (c < 0x100)
                return c == 0xA1 || c == 0xA7 || c == 0xAB || c == 0xB6 || c == 0xB7 || c == 0xBB || c == 0xBF;
            return (c >= 0x2010 && c <= 0x2027) || (c >= 0x2030 && c <= 0x2043) || (c >= 0x2045 && c <= 0x2051) || (c >= 0x3001 && c <= 0x3003) || (c >= 0x3008 && c <= 0x3011);
        }

        internal static bool IsSymbol(char c)
        {
            if (c < 0x80)
                return c == '$' || c == '+' || c == '<' || c == '=' || c == '>' || c == '^' || c == '`' || c == '|' || c == '~';
            if (c < 0x100)
                return (c >= 0xA2 && c <= 0xA6) || c == 0xA8 || c == 0xA9 || c == 0xAC || (c >= 0xAE && c <= 0xB1) || c == 0xB4 || c == 0xB8 || c == 0xD7 || c == 0xF7;
            return (c >= 0x20A0 && c <= 0x20BF) || (c >= 0x2190 && c <= 0x21FF) || (c >= 0x2200 && c <= 0x22FF) || (c >= 0x2500 && c <= 0x27BF);
        }

        internal static char ToUpper(char c)
        {
            if (c < 0x80)
            {
                if (c >= 'a' && c <= 'z')
                    return (char)(c - 32);
                return c;
            }
            if (c < 0x100)
            {
                if (c >= 0xE0 && c <= 0xFE && c != 0xF7)
                    return (char)(c - 32);
                if (c == 0xFF)
                    return (char)0x178;
                return c;
            }
            if (c <= 0x17F)
            {
                if (c == 0x131)
                    return 'I';
                if (c == 0x17F)
                    return 'S';
                if (IsLower(c) && c != 0x138 && c != 0x149)
                    return (char)(c - 1);
                return c;
            }
            if (c >= 0x3B1 && c <= 0x3CB)
                return c == 0x3C2 ? (char)0x3A3 : (char)(c - 32);
            if (c >= 0x430 && c <= 0x44F)
                return (char)(c - 32);
            if (c >= 0x450 && c <= 0x45F)
                return (char)(c - 80);
            if (c >= 0xFF41 && c <= 0xFF5A)
                return (char)(c - 32);
            return c;
        }

        internal static char ToLower(char c)
        {
            if (c < 0x80)
            {
                if (c >= 'A' && c <= 'Z')
                    return (char)(c + 32);
                return c;
            }
            if (c < 0x100)
            {
                if (c >= 0xC0 && c <= 0xDE && c != 0xD7)
                    return (char)(c + 32);
                return c;
            }
            if (c <= 0x17F)
            {
                if (c == 0x130)
                    return 'i';
                if (c == 0x178)
                    return (char)0xFF;
                if (IsUpper(c))
                    return (char)(c + 1);
                return c;
            }
            if (c >= 0x391 && c <= 0x3AB && c != 0x3A2)
                return (char)(c + 32);
            if (c >= 0x410 && c <= 0x42F)
                return (char)(c + 32);
            if (c >= 0x400 && c <= 0x40F)
                return (char)(c + 80);
            if (c >= 0xFF21 && c <= 0xFF3A)
                return (char)(c + 32);
            return c;
        }
    }

    // Culture-sensitive comparison modelled on what Mono 6.8 prints for the invariant culture.
    // Levels, in order of significance:
    //   1. primary weights of the non-ignorable chars (symbols < digits < letters; letters case- and
    //      accent-insensitive; AE/ae/ss expansions for U+00C6, U+00E6, U+00DF);
    //      when one string runs out first, the one with chars left (even ignorable ones) is greater;
    //   2. the first accent (diacritic) difference, unaccented first;
    //   3. the first case difference, lowercase first (skipped when ignoring case);
    //   4. the ignorable chars ('\'', '-', U+00AD and the control chars except \t..\r): compared as a list of
    //      (position, weight); an ignorable at an earlier position sorts after, more ignorables sort after.
    // U+0000 is ignored completely. Chars above U+00FF sort after Latin-1, by code point, with no case/accents.
    internal static class CultureCompare
    {
        // bits 0-15 weight, 16-23 accent, bit 24 upper case, bit 25 ignorable (weight = tie-break rank),
        // bit 26 completely ignored, bit 27 two-letter expansion.
        private const int Ignorable = 1 << 25;
        private const int Ignored = 1 << 26;
        private const int Expansion = 1 << 27;
        private const int Upper = 1 << 24;

        private static readonly int[] s_table = new int[] {
            0x04000000, 0x02000001, 0x02000002, 0x02000003, 0x02000004, 0x02000005, 0x02000006, 0x02000007,
            0x02000008, 0x00000003, 0x00000004, 0x00000005, 0x00000006, 0x00000007, 0x02000009, 0x0200000A,
            0x0200000B, 0x0200000C, 0x0200000D, 0x0200000E, 0x0200000F, 0x02000010, 0x02000011, 0x02000012,
            0x02000013, 0x02000014, 0x02000015, 0x02000016, 0x02000017, 0x02000018, 0x02000019, 0x0200001A,
            0x00000001, 0x00000008, 0x00000009, 0x0000000A, 0x0000000B, 0x0000000C, 0x0000000D, 0x0200003C,
            0x0000000E, 0x0000000F, 0x00000010, 0x00000029, 0x00000011, 0x0200003D, 0x00000012, 0x00000013,
            0x0000003E, 0x00000042, 0x00000044, 0x00000046, 0x00000048, 0x00000049, 0x0000004A, 0x0000004B,
            0x0000004C, 0x0000004D, 0x00000014, 0x00000015, 0x0000002A, 0x0000002B, 0x0000002C, 0x00000016,
            0x00000017, 0x010003E8, 0x010003F2, 0x010003FC, 0x01000406, 0x01000410, 0x0100041A, 0x01000424,
            0x0100042E, 0x01000438, 0x01000442, 0x0100044C, 0x01000456, 0x01000460, 0x0100046A, 0x01000474,
            0x0100047E, 0x01000488, 0x01000492, 0x0100049C, 0x010004A6, 0x010004B0, 0x010004BA, 0x010004C4,
            0x010004CE, 0x010004D8, 0x010004E2, 0x00000018, 0x00000019, 0x0000001A, 0x0000001B, 0x0000001C,
            0x0000001D, 0x000003E8, 0x000003F2, 0x000003FC, 0x00000406, 0x00000410, 0x0000041A, 0x00000424,
            0x0000042E, 0x00000438, 0x00000442, 0x0000044C, 0x00000456, 0x00000460, 0x0000046A, 0x00000474,
            0x0000047E, 0x00000488, 0x00000492, 0x0000049C, 0x000004A6, 0x000004B0, 0x000004BA, 0x000004C4,
            0x000004CE, 0x000004D8, 0x000004E2, 0x0000001E, 0x0000001F, 0x00000020, 0x00000021, 0x0200001B,
            0x0200001C, 0x0200001D, 0x0200001E, 0x0200001F, 0x02000020, 0x02000021, 0x02000022, 0x02000023,
            0x02000024, 0x02000025, 0x02000026, 0x02000027, 0x02000028, 0x02000029, 0x0200002A, 0x0200002B,
            0x0200002C, 0x0200002D, 0x0200002E, 0x0200002F, 0x02000030, 0x02000031, 0x02000032, 0x02000033,
            0x02000034, 0x02000035, 0x02000036, 0x02000037, 0x02000038, 0x02000039, 0x0200003A, 0x0200003B,
            0x00000002, 0x00000022, 0x00000032, 0x00000033, 0x00000034, 0x00000035, 0x00000023, 0x00000036,
            0x00000024, 0x00000037, 0x000103E8, 0x0000002E, 0x00000038, 0x0200003E, 0x00000039, 0x00000025,
            0x0000003A, 0x0000002D, 0x00000045, 0x00000047, 0x00000026, 0x0000003B, 0x0000003C, 0x0000003D,
            0x00000027, 0x00000043, 0x00010474, 0x0000002F, 0x0000003F, 0x00000040, 0x00000041, 0x00000028,
            0x010303E8, 0x010203E8, 0x010403E8, 0x010603E8, 0x010503E8, 0x010703E8, 0x09000000, 0x010103FC,
            0x01020410, 0x01010410, 0x01030410, 0x01040410, 0x01020438, 0x01010438, 0x01030438, 0x01040438,
            0x01010406, 0x0101046A, 0x01030474, 0x01020474, 0x01040474, 0x01060474, 0x01050474, 0x00000030,
            0x01070474, 0x010204B0, 0x010104B0, 0x010304B0, 0x010404B0, 0x010104D8, 0x010004AB, 0x08000000,
            0x000303E8, 0x000203E8, 0x000403E8, 0x000603E8, 0x000503E8, 0x000703E8, 0x08000000, 0x000103FC,
            0x00020410, 0x00010410, 0x00030410, 0x00040410, 0x00020438, 0x00010438, 0x00030438, 0x00040438,
            0x00010406, 0x0001046A, 0x00030474, 0x00020474, 0x00040474, 0x00060474, 0x00050474, 0x00000031,
            0x00070474, 0x000204B0, 0x000104B0, 0x000304B0, 0x000404B0, 0x000104D8, 0x000004AB, 0x000204D8,
        };

        private static int Info(char c)
        {
            if (c < 0x100)
                return s_table[c];
            return 0x1000;
        }

        private static int Weight(char c, int info)
        {
            if (c >= 0x100)
                return 0x10000 + c;
            return info & 0xFFFF;
        }

        // Primary weight of unit `k` (0 or 1) of an expansion char.
        private static int ExpansionWeight(char c, int k)
        {
            if (c == (char)0xDF)
                return s_table['s'] & 0xFFFF;
            return k == 0 ? (s_table['a'] & 0xFFFF) : (s_table['e'] & 0xFFFF);
        }

        internal static int Compare(string a, int ia, int la, string b, int ib, int lb, bool ignoreCase)
        {
            int ea = ia + la;
            int eb = ib + lb;
            int i = ia;
            int j = ib;
            int ka = 0;
            int kb = 0;
            int accentDiff = 0;
            int caseDiff = 0;
            while (true)
            {
                if (i >= ea || j >= eb)
                    break;
                while (i < ea && ka == 0 && (Info(String.GetCharUnchecked(a, i)) & (Ignorable | Ignored)) != 0)
                    i++;
                while (j < eb && kb == 0 && (Info(String.GetCharUnchecked(b, j)) & (Ignorable | Ignored)) != 0)
                    j++;
                if (i >= ea || j >= eb)
                    break;
                char ca = String.GetCharUnchecked(a, i);
                char cb = String.GetCharUnchecked(b, j);
                int fa = Info(ca);
                int fb = Info(cb);
                int wa = (fa & Expansion) != 0 ? ExpansionWeight(ca, ka) : Weight(ca, fa);
                int wb = (fb & Expansion) != 0 ? ExpansionWeight(cb, kb) : Weight(cb, fb);
                if (wa != wb)
                    return wa < wb ? -1 : 1;
                if (accentDiff == 0)
                {
                    int sa = (fa >> 16) & 0xFF;
                    int sb = (fb >> 16) & 0xFF;
                    if ((fa & Expansion) != 0 || ca >= 0x100)
                        sa = 0;
                    if ((fb & Expansion) != 0 || cb >= 0x100)
                        sb = 0;
                    if (sa != sb)
                        accentDiff = sa < sb ? -1 : 1;
                }
                if (caseDiff == 0)
                {
                    int ua = fa & Upper;
                    int ub = fb & Upper;
                    if (ca >= 0x100)
                        ua = 0;
                    if (cb >= 0x100)
                        ub = 0;
                    if (ua != ub)
                        caseDiff = ua == 0 ? -1 : 1;
                }
                if ((fa & Expansion) != 0 && ka == 0)
                    ka = 1;
                else
                {
                    ka = 0;
                    i++;
                }
                if ((fb & Expansion) != 0 && kb == 0)
                    kb = 1;
                else
                {
                    kb = 0;
                    j++;
                }
            }
            bool restA = HasRest(a, i, ea) || ka != 0;
            bool restB = HasRest(b, j, eb) || kb != 0;
            if (restA && !restB)
                return 1;
            if (restB && !restA)
                return -1;
            if (accentDiff != 0)
                return accentDiff;
            if (caseDiff != 0 && !ignoreCase)
                return caseDiff;
            return CompareIgnorables(a, ia, ea, b, ib, eb);
        }

        private static bool HasRest(string s, int i, int e)
        {
            for (; i < e; i++)
            {
                if ((Info(String.GetCharUnchecked(s, i)) & Ignored) == 0)
                    return true;
            }
            return false;
        }

        private static int NextIgnorable(string s, int i, int e)
        {
            for (; i < e; i++)
            {
                if ((Info(String.GetCharUnchecked(s, i)) & Ignorable) != 0)
                    return i;
            }
            return e;
        }

        private static int CompareIgnorables(string a, int ia, int ea, string b, int ib, int eb)
        {
            int i = NextIgnorable(a, ia, ea);
            int j = NextIgnorable(b, ib, eb);
            while (i < ea && j < eb)
            {
                int pa = i - ia;
                int pb = j - ib;
                if (pa != pb)
                    return pa < pb ? 1 : -1;
                int wa = Info(String.GetCharUnchecked(a, i)) & 0xFFFF;
                int wb = Info(String.GetCharUnchecked(b, j)) & 0xFFFF;
                if (wa != wb)
                    return wa < wb ? -1 : 1;
                i = NextIgnorable(a, i + 1, ea);
                j = NextIgnorable(b, j + 1, eb);
            }
            if (i < ea)
                return 1;
            if (j < eb)
                return -1;
            return 0;
        }
    }
}

namespace System.Globalization
{
    [Flags]
    public enum NumberStyles
    {
        None = 0,
        AllowLeadingWhite = 1,
        AllowTrailingWhite = 2,
        AllowLeadingSign = 4,
        AllowTrailingSign = 8,
        AllowParentheses = 16,
        AllowDecimalPoint = 32,
        AllowThousands = 64,
        AllowExponent = 128,
        AllowCurrencySymbol = 256,
        AllowHexSpecifier = 512,
        Integer = 7,
        HexNumber = 515,
        Number = 111,
        Float = 167,
        Currency = 383,
        Any = 511
    }

    [Flags]
    public enum CompareOptions
    {
        None = 0,
        IgnoreCase = 1,
        IgnoreNonSpace = 2,
        IgnoreSymbols = 4,
        IgnoreKanaType = 8,
        IgnoreWidth = 16,
        OrdinalIgnoreCase = 268435456,
        StringSort = 536870912,
        Ordinal = 1073741824
    }

    // Only the invariant culture exists; every culture behaves like it.
    public class CultureInfo : IFormatProvider
    {
        private static CultureInfo s_invariant;
        private string _name;

        public CultureInfo(string name)
        {
            if (name == null)
                throw new ArgumentNullException("name");
            _name = name;
        }

        public static CultureInfo InvariantCulture
        {
            get
            {
                if (s_invariant == null)
                    s_invariant = new CultureInfo("");
                return s_invariant;
            }
        }

        public static CultureInfo CurrentCulture
        {
            get { return InvariantCulture; }
        }

        public static CultureInfo CurrentUICulture
        {
            get { return InvariantCulture; }
        }

        public virtual string Name
        {
            get { return _name; }
        }

        public virtual NumberFormatInfo NumberFormat
        {
            get { return NumberFormatInfo.InvariantInfo; }
        }

        public virtual CompareInfo CompareInfo
        {
            get { return CompareInfo.Invariant; }
        }

        public virtual object GetFormat(Type formatType)
        {
            return null;
        }

        public override string ToString()
        {
            return _name;
        }
    }

    public sealed class NumberFormatInfo : IFormatProvider
    {
        private static NumberFormatInfo s_invariant;

        public NumberFormatInfo()
        {
        }

        public static NumberFormatInfo InvariantInfo
        {
            get
            {
                if (s_invariant == null)
                    s_invariant = new NumberFormatInfo();
                return s_invariant;
            }
        }

        public static NumberFormatInfo CurrentInfo
        {
            get { return InvariantInfo; }
        }

        public string NumberDecimalSeparator
        {
            get { return "."; }
        }

        public string NumberGroupSeparator
        {
            get { return ","; }
        }

        public string NegativeSign
        {
            get { return "-"; }
        }

        public string PositiveSign
        {
            get { return "+"; }
        }

        public string NaNSymbol
        {
            get { return "NaN"; }
        }

        public string PositiveInfinitySymbol
        {
            get { return "Infinity"; }
        }

        public string NegativeInfinitySymbol
        {
            get { return "-Infinity"; }
        }

        public string CurrencySymbol
        {
            get { return "\u00A4"; }
        }

        public object GetFormat(Type formatType)
        {
            return null;
        }
    }

    public sealed class CompareInfo
    {
        private static CompareInfo s_invariant;

        private CompareInfo()
        {
        }

        internal static CompareInfo Invariant
        {
            get
            {
                if (s_invariant == null)
                    s_invariant = new CompareInfo();
                return s_invariant;
            }
        }

        public int Compare(string string1, string string2)
        {
            return String.Compare(string1, string2);
        }

        public int Compare(string string1, string string2, CompareOptions options)
        {
            return String.Compare(string1, string2, CultureInfo.InvariantCulture, options);
        }

        public int IndexOf(string source, string value)
        {
            return source.IndexOf(value);
        }

        public bool IsPrefix(string source, string prefix)
        {
            return source.StartsWith(prefix);
        }

        public bool IsSuffix(string source, string suffix)
        {
            return source.EndsWith(suffix);
        }
    }
}
