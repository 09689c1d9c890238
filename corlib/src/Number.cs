// Number: numeric formatting (standard and custom format strings, invariant culture) and parsing for the
// primitive types. Mono 6.8 formats doubles like .NET Framework: digits are first generated with 15 (double)
// or 7 (float) significant digits, then every format works on those decimal digits (rounding half away from
// zero). Only the digit generation and the final string-to-double conversion are internal calls.
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;

namespace System
{
    // Decimal digits of a number: value = 0.d1d2...dn * 10^scale, digits have no leading zeros.
    internal sealed class NumberBuffer
    {
        internal char[] digits = new char[48];
        internal int count;
        internal int scale;
        internal bool negative;
        // Number of digits 'G' shows when no precision is given (10 for Int32, 15 for Double, ...).
        internal int precision;
        internal bool isFloat;
        // Decimals keep their trailing zeros for "G" without precision ("1.50").
        internal bool isDecimal;

        internal void SetDigits(string s)
        {
            count = s.Length;
            for (int i = 0; i < count; i++)
                digits[i] = s[i];
        }

        internal bool IsZero
        {
            get { return count == 0; }
        }
    }

    internal static class Number
    {
        private const string FormatSpecifierInvalid = "Format specifier was invalid.";
        private const string BadFormat = "Input string was not in a correct format.";

        // ------------------------------------------------------------ internal calls

        // Significant decimal digits of |value| (finite): the exact binary value rounded to `precision` (1..17)
        // significant digits, ties away from zero (as Mono), trailing zeros removed; "" for zero. scale is set
        // so that |value| ~ 0.DIGITS * 10^scale.
        [MethodImpl(MethodImplOptions.InternalCall)]
        internal static extern string DoubleToDigits(double value, int precision, out int scale);

        // Correctly rounded conversion of a canonical decimal string: [-]digits[.digits][E[+|-]digits]
        // (at least one digit, ASCII only). Out-of-range values give +/-Infinity or (-)0.
        [MethodImpl(MethodImplOptions.InternalCall)]
        internal static extern double ParseCanonicalDouble(string s);

        // ------------------------------------------------------------ integer fast paths

        internal static string DecimalUnsigned(ulong value)
        {
            return UInt64ToDecStr(value, 1, false);
        }

        internal static string DecimalSigned(long value)
        {
            if (value >= 0)
                return UInt64ToDecStr((ulong)value, 1, false);
            return UInt64ToDecStr((ulong)(-(value + 1)) + 1, 1, true);
        }

        private static string UInt64ToDecStr(ulong value, int minDigits, bool negative)
        {
            if (minDigits < 1)
                minDigits = 1;
            char[] buf = new char[minDigits > 20 ? minDigits + 1 : 21];
            int p = buf.Length;
            while (value != 0 || minDigits > 0)
            {
                buf[--p] = (char)('0' + (int)(value % 10));
                value /= 10;
                minDigits--;
            }
            if (negative)
                buf[--p] = '-';
            return String.FromCharArray(buf, p, buf.Length - p);
        }

        private static string UInt64ToHexStr(ulong value, int minDigits, bool upper)
        {
            if (minDigits < 1)
                minDigits = 1;
            string hex = upper ? "0123456789ABCDEF" : "0123456789abcdef";
            char[] buf = new char[minDigits > 16 ? minDigits : 16];
            int p = buf.Length;
            while (value != 0 || minDigits > 0)
            {
                buf[--p] = hex[(int)(value & 15)];
                value >>= 4;
                minDigits--;
            }
            return String.FromCharArray(buf, p, buf.Length - p);
        }

        // ------------------------------------------------------------ format specifier

        // Standard format: a letter followed by at most two digits. Returns '\0' for a custom format.
        private static char ParseFormatSpecifier(string format, out int digits)
        {
            digits = -1;
            if (format == null || format.Length == 0)
                return 'G';
            char ch = format[0];
            if ((ch >= 'A' && ch <= 'Z') || (ch >= 'a' && ch <= 'z'))
            {
                if (format.Length == 1)
                    return ch;
                if (format.Length == 2 && format[1] >= '0' && format[1] <= '9')
                {
                    digits = format[1] - '0';
                    return ch;
                }
                if (format.Length == 3 && format[1] >= '0' && format[1] <= '9' && format[2] >= '0' && format[2] <= '9')
                {
                    digits = (format[1] - '0') * 10 + (format[2] - '0');
                    return ch;
                }
            }
            return '\0';
        }

        private static int DefaultIntegerPrecision(int bytes, bool signed)
        {
            if (bytes == 1)
                return 3;
            if (bytes == 2)
                return 5;
            if (bytes == 4)
                return 10;
            return signed ? 19 : 20;
        }

        // ------------------------------------------------------------ integers

        internal static string FormatSigned(long value, string format, int bytes)
        {
            int digits;
            char fmt = ParseFormatSpecifier(format, out digits);
            char up = (char)(fmt & 0xFFDF);
            if (up == 'G' && digits < 1)
                return DecimalSigned(value);
            if (up == 'D')
            {
                if (value >= 0)
                    return UInt64ToDecStr((ulong)value, digits, false);
                return UInt64ToDecStr((ulong)(-(value + 1)) + 1, digits, true);
            }
            if (up == 'X')
            {
                ulong bits = (ulong)value;
                if (bytes < 8)
                    bits &= (1UL << (bytes * 8)) - 1;
                return UInt64ToHexStr(bits, digits, fmt == 'X');
            }
            NumberBuffer nb = new NumberBuffer();
            if (value >= 0)
                SetUInt64(nb, (ulong)value);
            else
            {
                SetUInt64(nb, (ulong)(-(value + 1)) + 1);
                nb.negative = true;
            }
            nb.precision = DefaultIntegerPrecision(bytes, true);
            return NumberToString(nb, fmt, digits, format);
        }

        internal static string FormatUnsigned(ulong value, string format, int bytes)
        {
            int digits;
            char fmt = ParseFormatSpecifier(format, out digits);
            char up = (char)(fmt & 0xFFDF);
            if (up == 'G' && digits < 1)
                return DecimalUnsigned(value);
            if (up == 'D')
                return UInt64ToDecStr(value, digits, false);
            if (up == 'X')
                return UInt64ToHexStr(value, digits, fmt == 'X');
            NumberBuffer nb = new NumberBuffer();
            SetUInt64(nb, value);
            nb.precision = DefaultIntegerPrecision(bytes, false);
            return NumberToString(nb, fmt, digits, format);
        }

        private static void SetUInt64(NumberBuffer nb, ulong value)
        {
            char[] tmp = new char[20];
            int n = 0;
            while (value != 0)
            {
                tmp[n++] = (char)('0' + (int)(value % 10));
                value /= 10;
            }
            nb.count = n;
            nb.scale = n;
            for (int i = 0; i < n; i++)
                nb.digits[i] = tmp[n - 1 - i];
        }

        // ------------------------------------------------------------ floating point

        internal static string FormatDouble(double value, string format)
        {
            if (value != value)
                return "NaN";
            if (value == Double.PositiveInfinity)
                return "Infinity";
            if (value == Double.NegativeInfinity)
                return "-Infinity";
            int digits;
            char fmt = ParseFormatSpecifier(format, out digits);
            char up = (char)(fmt & 0xFFDF);
            int precision = 15;
            if (up == 'R')
            {
                NumberBuffer r = DoubleToNumber(value, 15);
                if (ParseCanonicalDouble(ToCanonical(r)) != value)
                {
                    r = DoubleToNumber(value, 17);
                    return NumberToString(r, 'G', 17, null);
                }
                return NumberToString(r, 'G', 15, null);
            }
            if (up == 'E' && digits > 14)
                precision = 17;
            if (up == 'G' && digits > 15)
                precision = 17;
            NumberBuffer nb = DoubleToNumber(value, precision);
            return NumberToString(nb, fmt, digits, format);
        }

        internal static string FormatSingle(float value, string format)
        {
            if (value != value)
                return "NaN";
            if (value == Single.PositiveInfinity)
                return "Infinity";
            if (value == Single.NegativeInfinity)
                return "-Infinity";
            int digits;
            char fmt = ParseFormatSpecifier(format, out digits);
            char up = (char)(fmt & 0xFFDF);
            int precision = 7;
            if (up == 'R')
            {
                NumberBuffer r = DoubleToNumber(value, 7);
                r.precision = 7;
                if ((float)ParseCanonicalDouble(ToCanonical(r)) != value)
                {
                    r = DoubleToNumber(value, 9);
                    r.precision = 9;
                    return NumberToString(r, 'G', 9, null);
                }
                return NumberToString(r, 'G', 7, null);
            }
            if (up == 'E' && digits > 6)
                precision = 9;
            if (up == 'G' && digits > 7)
                precision = 9;
            NumberBuffer nb = DoubleToNumber(value, precision);
            nb.precision = 7;
            return NumberToString(nb, fmt, digits, format);
        }

        internal static string FormatDecimal(decimal value, string format)
        {
            int digits;
            char fmt = ParseFormatSpecifier(format, out digits);
            char up = (char)(fmt & 0xFFDF);
            if (up == 'D' || up == 'X' || up == 'R')
                throw new FormatException(FormatSpecifierInvalid);
            return NumberToString(value.ToNumber(), fmt, digits, format);
        }

        private static NumberBuffer DoubleToNumber(double value, int precision)
        {
            NumberBuffer nb = new NumberBuffer();
            nb.isFloat = true;
            nb.precision = 15;
            int scale;
            string d = DoubleToDigits(value, precision, out scale);
            nb.SetDigits(d);
            nb.scale = nb.count == 0 ? 0 : scale;
            nb.negative = value < 0;
            return nb;
        }

        // "[-]0.DIGITSE<scale>", understood by ParseCanonicalDouble.
        private static string ToCanonical(NumberBuffer nb)
        {
            if (nb.count == 0)
                return "0";
            StringBuilder sb = new StringBuilder(nb.count + 10);
            if (nb.negative)
                sb.Append('-');
            sb.Append("0.");
            sb.Append(nb.digits, 0, nb.count);
            sb.Append('E');
            sb.Append(DecimalSigned(nb.scale));
            return sb.ToString();
        }

        // ------------------------------------------------------------ the formatter

        // Rounds to `pos` digits (half away from zero), strips trailing zeros; zero loses its sign.
        private static void RoundNumber(NumberBuffer nb, int pos)
        {
            char[] dig = nb.digits;
            int i = 0;
            while (i < pos && i < nb.count)
                i++;
            if (i == pos && i < nb.count && dig[i] >= '5')
            {
                while (i > 0 && dig[i - 1] == '9')
                    i--;
                if (i > 0)
                    dig[i - 1]++;
                else
                {
                    nb.scale++;
                    dig[0] = '1';
                    i = 1;
                }
            }
            else
            {
                while (i > 0 && dig[i - 1] == '0')
                    i--;
            }
            if (i == 0)
            {
                nb.scale = 0;
                nb.negative = false;
            }
            nb.count = i;
        }

        private static string NumberToString(NumberBuffer nb, char fmt, int digits, string format)
        {
            StringBuilder sb = new StringBuilder(32);
            switch (fmt)
            {
                case 'C':
                case 'c':
                    if (digits < 0)
                        digits = 2;
                    RoundNumber(nb, nb.scale + digits);
                    if (nb.negative)
                        sb.Append('(');
                    sb.Append('\u00A4');
                    FormatFixed(sb, nb, digits, true);
                    if (nb.negative)
                        sb.Append(')');
                    return sb.ToString();
                case 'E':
                case 'e':
                    if (digits < 0)
                        digits = 6;
                    digits++;
                    RoundNumber(nb, digits);
                    if (nb.negative)
                        sb.Append('-');
                    FormatScientific(sb, nb, digits, fmt);
                    return sb.ToString();
                case 'F':
                case 'f':
                case 'N':
                case 'n':
                    if (digits < 0)
                        digits = 2;
                    RoundNumber(nb, nb.scale + digits);
                    if (nb.negative)
                        sb.Append('-');
                    FormatFixed(sb, nb, digits, fmt == 'N' || fmt == 'n');
                    return sb.ToString();
                case 'G':
                case 'g':
                    if (digits < 1 && nb.isDecimal)
                    {
                        if (nb.negative)
                            sb.Append('-');
                        FormatGeneral(sb, nb, int.MaxValue, 'E', true);
                        return sb.ToString();
                    }
                    if (digits < 1)
                        digits = nb.precision;
                    RoundNumber(nb, digits);
                    if (nb.negative)
                        sb.Append('-');
                    FormatGeneral(sb, nb, digits, fmt == 'G' ? 'E' : 'e', false);
                    return sb.ToString();
                case 'P':
                case 'p':
                    if (digits < 0)
                        digits = 2;
                    if (nb.count > 0)
                        nb.scale += 2;
                    RoundNumber(nb, nb.scale + digits);
                    if (nb.negative)
                        sb.Append('-');
                    FormatFixed(sb, nb, digits, true);
                    sb.Append(" %");
                    return sb.ToString();
                case '\0':
                    return FormatCustom(nb, format);
            }
            throw new FormatException(FormatSpecifierInvalid);
        }

        private static void FormatFixed(StringBuilder sb, NumberBuffer nb, int decimals, bool group)
        {
            int di = 0;
            int scale = nb.scale;
            if (scale > 0)
            {
                for (int k = 0; k < scale; k++)
                {
                    sb.Append(di < nb.count ? nb.digits[di++] : '0');
                    int left = scale - 1 - k;
                    if (group && left > 0 && left % 3 == 0)
                        sb.Append(',');
                }
            }
            else
                sb.Append('0');
            if (decimals > 0)
            {
                sb.Append('.');
                if (scale < 0)
                {
                    int zeros = -scale;
                    if (zeros > decimals)
                        zeros = decimals;
                    sb.Append('0', zeros);
                    decimals -= zeros;
                }
                while (decimals > 0)
                {
                    sb.Append(di < nb.count ? nb.digits[di++] : '0');
                    decimals--;
                }
            }
        }

        private static void FormatScientific(StringBuilder sb, NumberBuffer nb, int digits, char expChar)
        {
            int di = 0;
            sb.Append(nb.count > 0 ? nb.digits[di++] : '0');
            if (digits != 1)
                sb.Append('.');
            for (int k = 1; k < digits; k++)
                sb.Append(di < nb.count ? nb.digits[di++] : '0');
            FormatExponent(sb, nb.count == 0 ? 0 : nb.scale - 1, expChar, 3, true);
        }

        private static void FormatExponent(StringBuilder sb, int value, char expChar, int minDigits, bool positiveSign)
        {
            sb.Append(expChar);
            if (value < 0)
            {
                sb.Append('-');
                value = -value;
            }
            else if (positiveSign)
                sb.Append('+');
            sb.Append(UInt64ToDecStr((ulong)value, minDigits, false));
        }

        private static void FormatGeneral(StringBuilder sb, NumberBuffer nb, int maxDigits, char expChar, bool suppressScientific)
        {
            int scale = nb.scale;
            bool scientific = false;
            if (!suppressScientific && (scale > maxDigits || scale < -3))
            {
                scale = 1;
                scientific = true;
            }
            int di = 0;
            if (scale > 0)
            {
                do
                {
                    sb.Append(di < nb.count ? nb.digits[di++] : '0');
                }
                while (--scale > 0);
            }
            else
                sb.Append('0');
            if (di < nb.count || scale < 0)
            {
                sb.Append('.');
                while (scale < 0)
                {
                    sb.Append('0');
                    scale++;
                }
                while (di < nb.count)
                    sb.Append(nb.digits[di++]);
            }
            if (scientific)
                FormatExponent(sb, nb.scale - 1, expChar, 2, true);
        }

        // ------------------------------------------------------------ custom formats ("0.00", "#,##0", ...)

        // Start index of section `n` (0, 1 or 2) of a ';'-separated format; -1 when missing or empty.
        private static int FindSection(string format, int n, out int end)
        {
            int sec = 0;
            int start = 0;
            int i = 0;
            int len = format.Length;
            end = len;
            while (i < len)
            {
                char c = format[i];
                if (c == '\'' || c == '"')
                {
                    i++;
                    while (i < len && format[i] != c)
                        i++;
                    i++;
                    continue;
                }
                if (c == '\\')
                {
                    i += 2;
                    continue;
                }
                if (c == ';')
                {
                    if (sec == n)
                    {
                        end = i;
                        return start < end ? start : -1;
                    }
                    sec++;
                    start = i + 1;
                }
                i++;
            }
            if (sec != n)
                return -1;
            end = len;
            return start < end ? start : -1;
        }

        private static int SectionStart(string format, int wanted, out int end)
        {
            if (wanted > 0)
            {
                int s = FindSection(format, wanted, out end);
                if (s >= 0)
                    return s;
            }
            int e;
            int s0 = FindSection(format, 0, out e);
            end = e;
            if (s0 < 0)
            {
                end = 0;
                return 0;
            }
            return s0;
        }

        private static string FormatCustom(NumberBuffer nb, string format)
        {
            int wanted = nb.count == 0 ? 2 : (nb.negative ? 1 : 0);
            int end;
            int start = SectionStart(format, wanted, out end);
            int intPlaces = 0, fracPlaces = 0, firstIntZero = -1, lastFracZero = 0;
            bool grouping = false, scientific = false, expPlus = false;
            int expDigits = 0, scaleAdjust = 0;
            bool reselected = false;
            while (true)
            {
                intPlaces = 0;
                fracPlaces = 0;
                firstIntZero = -1;
                lastFracZero = 0;
                grouping = false;
                scientific = false;
                expPlus = false;
                expDigits = 0;
                scaleAdjust = 0;
                bool inFrac = false;
                int pendingCommas = 0;
                for (int i = start; i < end; i++)
                {
                    char c = format[i];
                    if (c == '\'' || c == '"')
                    {
                        i++;
                        while (i < end && format[i] != c)
                            i++;
                        continue;
                    }
                    if (c == '\\')
                    {
                        i++;
                        continue;
                    }
                    if (c == '0' || c == '#')
                    {
                        if (inFrac)
                        {
                            fracPlaces++;
                            if (c == '0')
                                lastFracZero = fracPlaces;
                        }
                        else
                        {
                            if (pendingCommas > 0 && intPlaces > 0)
                                grouping = true;
                            pendingCommas = 0;
                            if (c == '0' && firstIntZero < 0)
                                firstIntZero = intPlaces;
                            intPlaces++;
                        }
                        continue;
                    }
                    if (c == '.')
                    {
                        if (!inFrac)
                        {
                            scaleAdjust -= 3 * pendingCommas;
                            pendingCommas = 0;
                            inFrac = true;
                        }
                        continue;
                    }
                    if (c == ',')
                    {
                        if (!inFrac && intPlaces > 0)
                            pendingCommas++;
                        continue;
                    }
                    if (c == '%')
                    {
                        scaleAdjust += 2;
                        continue;
                    }
                    if (c == '\u2030')
                    {
                        scaleAdjust += 3;
                        continue;
                    }
                    if ((c == 'E' || c == 'e') && !scientific)
                    {
                        int k = i + 1;
                        bool plus = false;
                        if (k < end && (format[k] == '+' || format[k] == '-'))
                        {
                            plus = format[k] == '+';
                            k++;
                        }
                        int z = 0;
                        while (k + z < end && format[k + z] == '0')
                            z++;
                        if (z > 0)
                        {
                            scientific = true;
                            expPlus = plus;
                            expDigits = z;
                            i = k + z - 1;
                        }
                        continue;
                    }
                }
                if (!inFrac)
                    scaleAdjust -= 3 * pendingCommas;
                if (nb.count > 0)
                {
                    nb.scale += scaleAdjust;
                    if (scientific)
                        RoundNumber(nb, intPlaces + fracPlaces);
                    else
                        RoundNumber(nb, nb.scale + fracPlaces);
                    if (nb.count == 0 && !reselected)
                    {
                        reselected = true;
                        int e2;
                        int s2 = SectionStart(format, 2, out e2);
                        if (s2 != start)
                        {
                            start = s2;
                            end = e2;
                            continue;
                        }
                    }
                }
                break;
            }

            StringBuilder sb = new StringBuilder(32);
            if (nb.negative && start == 0)
                sb.Append('-');

            int effScale;
            int exponent = 0;
            if (scientific)
            {
                effScale = intPlaces;
                exponent = nb.count == 0 ? 0 : nb.scale - intPlaces;
            }
            else
                effScale = nb.count == 0 ? 0 : nb.scale;

            // Integer digits, padded with zeros to the number of placeholders from the first '0'.
            int minInt = firstIntZero < 0 ? 0 : intPlaces - firstIntZero;
            int intLen = effScale > 0 ? effScale : 0;
            if (intLen < minInt)
                intLen = minInt;
            char[] intStr = new char[intLen];
            for (int k = 0; k < intLen; k++)
            {
                int idx = effScale - intLen + k;
                intStr[k] = (idx >= 0 && idx < nb.count) ? nb.digits[idx] : '0';
            }
            bool fracLeft = false;
            int fracDigitsAvail = nb.count - effScale;
            if (fracDigitsAvail > 0 && fracPlaces > 0)
                fracLeft = true;
            bool emitPoint = lastFracZero > 0 || fracLeft;

            int extra = intLen - intPlaces;
            int intSeen = 0;
            int fracSeen = 0;
            bool inFraction = false;
            bool expDone = false;
            for (int i = start; i < end; i++)
            {
                char c = format[i];
                if (c == '\'' || c == '"')
                {
                    i++;
                    while (i < end && format[i] != c)
                    {
                        sb.Append(format[i]);
                        i++;
                    }
                    continue;
                }
                if (c == '\\')
                {
                    i++;
                    if (i < end)
                        sb.Append(format[i]);
                    continue;
                }
                if ((c == '0' || c == '#') && !inFraction)
                {
                    if (intSeen == 0 && extra > 0)
                    {
                        for (int k = 0; k < extra; k++)
                            AppendIntDigit(sb, intStr, k, grouping);
                    }
                    int pos = extra + intSeen;
                    if (pos >= 0)
                        AppendIntDigit(sb, intStr, pos, grouping);
                    intSeen++;
                    continue;
                }
                if ((c == '0' || c == '#') && inFraction)
                {
                    int idx = effScale + fracSeen;
                    fracSeen++;
                    if (c == '0' || idx < nb.count)
                        sb.Append((idx >= 0 && idx < nb.count) ? nb.digits[idx] : '0');
                    continue;
                }
                if (c == '.')
                {
                    if (!inFraction)
                    {
                        if (intPlaces == 0)
                        {
                            for (int k = 0; k < intLen; k++)
                                AppendIntDigit(sb, intStr, k, grouping);
                        }
                        inFraction = true;
                        if (emitPoint)
                            sb.Append('.');
                    }
                    continue;
                }
                if (c == ',')
                    continue;
                if ((c == 'E' || c == 'e') && scientific && !expDone)
                {
                    int k = i + 1;
                    if (k < end && (format[k] == '+' || format[k] == '-'))
                        k++;
                    int z = 0;
                    while (k + z < end && format[k + z] == '0')
                        z++;
                    if (z > 0)
                    {
                        expDone = true;
                        sb.Append(c);
                        int ev = exponent;
                        if (ev < 0)
                        {
                            sb.Append('-');
                            ev = -ev;
                        }
                        else if (expPlus)
                            sb.Append('+');
                        sb.Append(UInt64ToDecStr((ulong)ev, expDigits, false));
                        i = k + z - 1;
                        continue;
                    }
                }
                sb.Append(c);
            }
            return sb.ToString();
        }

        private static void AppendIntDigit(StringBuilder sb, char[] intStr, int pos, bool grouping)
        {
            sb.Append(intStr[pos]);
            int left = intStr.Length - 1 - pos;
            if (grouping && left > 0 && left % 3 == 0)
                sb.Append(',');
        }

        // ------------------------------------------------------------ parsing

        private static bool IsWhite(char c)
        {
            return c == ' ' || (c >= '\t' && c <= '\r');
        }

        // 0 = ok, 1 = bad format, 2 = overflow (of 64 bits, or a non-zero fraction).
        private static int ParseIntegerCore(string s, NumberStyles style, out ulong magnitude, out bool negative)
        {
            magnitude = 0;
            negative = false;
            int i = 0;
            int n = s.Length;
            if ((style & NumberStyles.AllowLeadingWhite) != 0)
            {
                while (i < n && IsWhite(s[i]))
                    i++;
            }
            int end = n;
            if ((style & NumberStyles.AllowTrailingWhite) != 0)
            {
                while (end > i && IsWhite(s[end - 1]))
                    end--;
            }
            bool overflow = false;
            int digits = 0;
            if ((style & NumberStyles.AllowHexSpecifier) != 0)
            {
                for (; i < end; i++)
                {
                    char c = s[i];
                    int v;
                    if (c >= '0' && c <= '9')
                        v = c - '0';
                    else if (c >= 'a' && c <= 'f')
                        v = c - 'a' + 10;
                    else if (c >= 'A' && c <= 'F')
                        v = c - 'A' + 10;
                    else
                        return 1;
                    if ((magnitude >> 60) != 0)
                        overflow = true;
                    magnitude = (magnitude << 4) | (ulong)v;
                    digits++;
                }
                if (digits == 0)
                    return 1;
                return overflow ? 2 : 0;
            }
            bool parens = false;
            if (i < end && (style & NumberStyles.AllowLeadingSign) != 0)
            {
                if (s[i] == '-')
                {
                    negative = true;
                    i++;
                }
                else if (s[i] == '+')
                    i++;
            }
            if (!negative && i < end && s[i] == '(' && (style & NumberStyles.AllowParentheses) != 0)
            {
                parens = true;
                negative = true;
                i++;
            }
            bool fractionNonZero = false;
            bool inFraction = false;
            for (; i < end; i++)
            {
                char c = s[i];
                if (c >= '0' && c <= '9')
                {
                    digits++;
                    if (inFraction)
                    {
                        if (c != '0')
                            fractionNonZero = true;
                        continue;
                    }
                    ulong d = (ulong)(c - '0');
                    if (magnitude > 1844674407370955161UL || (magnitude == 1844674407370955161UL && d > 5))
                        overflow = true;
                    magnitude = magnitude * 10 + d;
                    continue;
                }
                if (c == ',' && !inFraction && digits > 0 && (style & NumberStyles.AllowThousands) != 0)
                    continue;
                if (c == '.' && !inFraction && (style & NumberStyles.AllowDecimalPoint) != 0)
                {
                    inFraction = true;
                    continue;
                }
                break;
            }
            if (digits == 0)
                return 1;
            if (i < end && (s[i] == 'e' || s[i] == 'E') && (style & NumberStyles.AllowExponent) != 0)
            {
                int q = i + 1;
                bool eneg = false;
                if (q < end && (s[q] == '+' || s[q] == '-'))
                {
                    eneg = s[q] == '-';
                    q++;
                }
                int exp = 0;
                int ed = 0;
                while (q < end && s[q] >= '0' && s[q] <= '9')
                {
                    if (exp < 10000)
                        exp = exp * 10 + (s[q] - '0');
                    ed++;
                    q++;
                }
                if (ed > 0)
                {
                    i = q;
                    if (eneg)
                    {
                        for (int k = 0; k < exp && magnitude != 0; k++)
                        {
                            if (magnitude % 10 != 0)
                                fractionNonZero = true;
                            magnitude /= 10;
                        }
                    }
                    else
                    {
                        for (int k = 0; k < exp && magnitude != 0; k++)
                        {
                            if (magnitude > 1844674407370955161UL)
                                overflow = true;
                            magnitude *= 10;
                        }
                    }
                }
            }
            if (parens)
            {
                if (i < end && s[i] == ')')
                    i++;
                else
                    return 1;
            }
            if (i < end && !negative && (style & NumberStyles.AllowTrailingSign) != 0)
            {
                if (s[i] == '-')
                {
                    negative = true;
                    i++;
                }
                else if (s[i] == '+')
                    i++;
            }
            if (i != end)
                return 1;
            if (overflow || fractionNonZero)
                return 2;
            return 0;
        }

        private static string OverflowMessage(int bytes, bool signed)
        {
            string name;
            if (bytes == 1)
                name = signed ? "a signed byte" : "an unsigned byte";
            else if (bytes == 2)
                name = signed ? "an Int16" : "a UInt16";
            else if (bytes == 4)
                name = signed ? "an Int32" : "a UInt32";
            else
                name = signed ? "an Int64" : "a UInt64";
            return "Value was either too large or too small for " + name + ".";
        }

        // 0 = ok, 1 = format, 2 = overflow.
        private static int ParseSignedCore(string s, NumberStyles style, long min, long max, int bytes, out long result)
        {
            result = 0;
            ulong mag;
            bool neg;
            int st = ParseIntegerCore(s, style, out mag, out neg);
            if (st != 0)
                return st;
            if ((style & NumberStyles.AllowHexSpecifier) != 0)
            {
                ulong umax = bytes == 8 ? ulong.MaxValue : (1UL << (bytes * 8)) - 1;
                if (mag > umax)
                    return 2;
                if (bytes < 8 && mag > (ulong)max)
                    result = (long)mag - (long)(umax + 1);
                else
                    result = (long)mag;
                return 0;
            }
            if (neg)
            {
                ulong lim = (ulong)(-(min + 1)) + 1;
                if (mag > lim)
                    return 2;
                result = mag == 0 ? 0 : -(long)(mag - 1) - 1;
            }
            else
            {
                if (mag > (ulong)max)
                    return 2;
                result = (long)mag;
            }
            return 0;
        }

        internal static long ParseSigned(string s, NumberStyles style, long min, long max, int bytes)
        {
            if (s == null)
                throw new ArgumentNullException("s");
            long r;
            int st = ParseSignedCore(s, style, min, max, bytes, out r);
            if (st == 1)
                throw new FormatException(BadFormat);
            if (st == 2)
                throw new OverflowException(OverflowMessage(bytes, true));
            return r;
        }

        internal static bool TryParseSigned(string s, NumberStyles style, long min, long max, out long result)
        {
            result = 0;
            if (s == null)
                return false;
            int bytes = max == 127 ? 1 : (max == 32767 ? 2 : (max == 2147483647 ? 4 : 8));
            return ParseSignedCore(s, style, min, max, bytes, out result) == 0;
        }

        private static int ParseUnsignedCore(string s, NumberStyles style, ulong max, out ulong result)
        {
            result = 0;
            ulong mag;
            bool neg;
            int st = ParseIntegerCore(s, style, out mag, out neg);
            if (st != 0)
                return st;
            if (neg && mag != 0)
                return 2;
            if (mag > max)
                return 2;
            result = mag;
            return 0;
        }

        internal static ulong ParseUnsigned(string s, NumberStyles style, ulong max, int bytes)
        {
            if (s == null)
                throw new ArgumentNullException("s");
            ulong r;
            int st = ParseUnsignedCore(s, style, max, out r);
            if (st == 1)
                throw new FormatException(BadFormat);
            if (st == 2)
                throw new OverflowException(OverflowMessage(bytes, false));
            return r;
        }

        internal static bool TryParseUnsigned(string s, NumberStyles style, ulong max, out ulong result)
        {
            result = 0;
            if (s == null)
                return false;
            return ParseUnsignedCore(s, style, max, out result) == 0;
        }

        // Validates s and builds the canonical form for ParseCanonicalDouble.
        // 0 = ok, 1 = bad format.
        private static int ParseDoubleCore(string s, NumberStyles style, out double result)
        {
            result = 0;
            int n = s.Length;
            int i = 0;
            if ((style & NumberStyles.AllowLeadingWhite) != 0)
            {
                while (i < n && IsWhite(s[i]))
                    i++;
            }
            int end = n;
            if ((style & NumberStyles.AllowTrailingWhite) != 0)
            {
                while (end > i && IsWhite(s[end - 1]))
                    end--;
            }
            StringBuilder sb = new StringBuilder(end - i + 4);
            int p = i;
            bool negative = false;
            if (p < end && (style & NumberStyles.AllowLeadingSign) != 0)
            {
                if (s[p] == '-')
                {
                    negative = true;
                    p++;
                }
                else if (s[p] == '+')
                    p++;
            }
            bool parens = false;
            if (!negative && p < end && s[p] == '(' && (style & NumberStyles.AllowParentheses) != 0)
            {
                parens = true;
                negative = true;
                p++;
            }
            // Only "Infinity", "-Infinity" and "NaN" (case-sensitive) are accepted.
            int rest = end - p;
            if (rest == 8 && String.CompareOrdinal(s, p, "Infinity", 0, 8) == 0 && !parens && (negative || p == i))
            {
                result = negative ? Double.NegativeInfinity : Double.PositiveInfinity;
                return 0;
            }
            if (rest == 3 && String.CompareOrdinal(s, p, "NaN", 0, 3) == 0 && p == i)
            {
                result = Double.NaN;
                return 0;
            }
            if (negative)
                sb.Append('-');
            int digits = 0;
            bool point = false;
            for (; p < end; p++)
            {
                char c = s[p];
                if (c >= '0' && c <= '9')
                {
                    sb.Append(c);
                    digits++;
                    continue;
                }
                if (c == '.' && !point && (style & NumberStyles.AllowDecimalPoint) != 0)
                {
                    if (digits == 0)
                        sb.Append('0');
                    sb.Append('.');
                    point = true;
                    continue;
                }
                if (c == ',' && !point && digits > 0 && (style & NumberStyles.AllowThousands) != 0)
                    continue;
                break;
            }
            if (digits == 0)
                return 1;
            if (p < end && (s[p] == 'e' || s[p] == 'E') && (style & NumberStyles.AllowExponent) != 0)
            {
                int q = p + 1;
                bool eneg = false;
                if (q < end && (s[q] == '+' || s[q] == '-'))
                {
                    eneg = s[q] == '-';
                    q++;
                }
                int ed = 0;
                StringBuilder ex = new StringBuilder(8);
                while (q < end && s[q] >= '0' && s[q] <= '9')
                {
                    if (ex.Length > 0 || s[q] != '0')
                        ex.Append(s[q]);
                    ed++;
                    q++;
                }
                if (ed == 0)
                    return 1;
                sb.Append('E');
                if (eneg)
                    sb.Append('-');
                if (ex.Length == 0)
                    sb.Append('0');
                else if (ex.Length > 6)
                    sb.Append("999999");
                else
                    sb.Append(ex.ToString());
                p = q;
            }
            if (parens)
            {
                if (p < end && s[p] == ')')
                    p++;
                else
                    return 1;
            }
            if (p != end)
                return 1;
            result = ParseCanonicalDouble(sb.ToString());
            return 0;
        }

        internal static double ParseDouble(string s, NumberStyles style, bool isSingle)
        {
            if (s == null)
                throw new ArgumentNullException("s");
            double r;
            if (ParseDoubleCore(s, style, out r) != 0)
                throw new FormatException(BadFormat);
            if (IsOverflow(s, r, isSingle))
                throw new OverflowException(isSingle ? "Value was either too large or too small for a Single." : "Value was either too large or too small for a Double.");
            return r;
        }

        internal static bool TryParseDouble(string s, NumberStyles style, bool isSingle, out double result)
        {
            result = 0;
            if (s == null)
                return false;
            if (ParseDoubleCore(s, style, out result) != 0)
                return false;
            if (IsOverflow(s, result, isSingle))
            {
                result = 0;
                return false;
            }
            return true;
        }

        // An infinite result that was not spelled "Infinity" is an overflow.
        private static bool IsOverflow(string s, double r, bool isSingle)
        {
            if (r != r)
                return false;
            bool inf = isSingle ? Single.IsInfinity((float)r) : Double.IsInfinity(r);
            if (!inf)
                return false;
            return s.IndexOf("Infinity", StringComparison.Ordinal) < 0;
        }
    }
}
