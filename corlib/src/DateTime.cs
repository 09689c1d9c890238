// DateTime: System.DateTime (proleptic Gregorian calendar, 100 ns ticks since 0001-01-01), DayOfWeek,
// DateTimeKind, DateTimeStyles. Formatting follows Mono 6.8's invariant culture ("MM/dd/yyyy HH:mm:ss").
// Local time is treated as UTC (offset +00:00), which is what Mono shows without a TZ setting.
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;

namespace System
{
    public enum DayOfWeek
    {
        Sunday = 0,
        Monday = 1,
        Tuesday = 2,
        Wednesday = 3,
        Thursday = 4,
        Friday = 5,
        Saturday = 6
    }

    public enum DateTimeKind
    {
        Unspecified = 0,
        Utc = 1,
        Local = 2
    }

    public struct DateTime : IComparable, IFormattable
    {
        private const long TicksPerMillisecond = 10000;
        private const long TicksPerSecond = 10000000;
        private const long TicksPerMinute = 600000000;
        private const long TicksPerHour = 36000000000;
        private const long TicksPerDay = 864000000000;
        private const int DaysPerYear = 365;
        private const int DaysPer4Years = 1461;
        private const int DaysPer100Years = 36524;
        private const int DaysPer400Years = 146097;
        private const long MaxTicks = 3155378975999999999;
        // Ticks between 0001-01-01 and 1601-01-01 (the Windows file time epoch).
        private const long FileTimeOffset = 504911232000000000;

        private static readonly int[] s_daysToMonth365 = new int[] { 0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334, 365 };
        private static readonly int[] s_daysToMonth366 = new int[] { 0, 31, 60, 91, 121, 152, 182, 213, 244, 274, 305, 335, 366 };

        private static readonly string[] s_dayNames = new string[] { "Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday" };
        private static readonly string[] s_monthNames = new string[] { "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December" };

        public static readonly DateTime MinValue = new DateTime(0L);
        public static readonly DateTime MaxValue = new DateTime(MaxTicks);

        private long _ticks;
        private DateTimeKind _kind;

        // Current UTC time as a Windows file time: 100 ns units since 1601-01-01 00:00 UTC.
        [MethodImpl(MethodImplOptions.InternalCall)]
        internal static extern long GetSystemTimeAsFileTime();

        // ------------------------------------------------------------ construction

        public DateTime(long ticks)
            : this(ticks, DateTimeKind.Unspecified)
        {
        }

        public DateTime(long ticks, DateTimeKind kind)
        {
            if (ticks < 0 || ticks > MaxTicks)
                throw new ArgumentOutOfRangeException("ticks", "Ticks must be between DateTime.MinValue.Ticks and DateTime.MaxValue.Ticks.");
            if (kind < DateTimeKind.Unspecified || kind > DateTimeKind.Local)
                throw new ArgumentException("Invalid DateTimeKind value.", "kind");
            _ticks = ticks;
            _kind = kind;
        }

        public DateTime(int year, int month, int day)
        {
            _ticks = DateToTicks(year, month, day);
            _kind = DateTimeKind.Unspecified;
        }

        public DateTime(int year, int month, int day, int hour, int minute, int second)
        {
            _ticks = DateToTicks(year, month, day) + TimeToTicks(hour, minute, second);
            _kind = DateTimeKind.Unspecified;
        }

        public DateTime(int year, int month, int day, int hour, int minute, int second, DateTimeKind kind)
        {
            _ticks = DateToTicks(year, month, day) + TimeToTicks(hour, minute, second);
            _kind = kind;
        }

        public DateTime(int year, int month, int day, int hour, int minute, int second, int millisecond)
        {
            if (millisecond < 0 || millisecond >= 1000)
                throw new ArgumentOutOfRangeException("millisecond", "Valid values are between 0 and 999, inclusive.");
            _ticks = DateToTicks(year, month, day) + TimeToTicks(hour, minute, second) + millisecond * TicksPerMillisecond;
            _kind = DateTimeKind.Unspecified;
        }

        public DateTime(int year, int month, int day, int hour, int minute, int second, int millisecond, DateTimeKind kind)
        {
            if (millisecond < 0 || millisecond >= 1000)
                throw new ArgumentOutOfRangeException("millisecond", "Valid values are between 0 and 999, inclusive.");
            _ticks = DateToTicks(year, month, day) + TimeToTicks(hour, minute, second) + millisecond * TicksPerMillisecond;
            _kind = kind;
        }

        private static long DateToTicks(int year, int month, int day)
        {
            if (year >= 1 && year <= 9999 && month >= 1 && month <= 12)
            {
                int[] days = IsLeapYear(year) ? s_daysToMonth366 : s_daysToMonth365;
                if (day >= 1 && day <= days[month] - days[month - 1])
                {
                    int y = year - 1;
                    int n = y * 365 + y / 4 - y / 100 + y / 400 + days[month - 1] + day - 1;
                    return n * TicksPerDay;
                }
            }
            throw new ArgumentOutOfRangeException(null, "Year, Month, and Day parameters describe an un-representable DateTime.");
        }

        private static long TimeToTicks(int hour, int minute, int second)
        {
            if (hour >= 0 && hour < 24 && minute >= 0 && minute < 60 && second >= 0 && second < 60)
                return hour * TicksPerHour + minute * TicksPerMinute + second * TicksPerSecond;
            throw new ArgumentOutOfRangeException(null, "Hour, Minute, and Second parameters describe an un-representable DateTime.");
        }

        public static bool IsLeapYear(int year)
        {
            if (year < 1 || year > 9999)
                throw new ArgumentOutOfRangeException("year", "Year must be between 1 and 9999.");
            return (year & 3) == 0 && ((year % 100) != 0 || (year % 400) == 0);
        }

        public static int DaysInMonth(int year, int month)
        {
            if (month < 1 || month > 12)
                throw new ArgumentOutOfRangeException("month", "Month must be between one and twelve.");
            int[] days = IsLeapYear(year) ? s_daysToMonth366 : s_daysToMonth365;
            return days[month] - days[month - 1];
        }

        public static DateTime Now
        {
            get { return new DateTime(GetSystemTimeAsFileTime() + FileTimeOffset, DateTimeKind.Local); }
        }

        public static DateTime UtcNow
        {
            get { return new DateTime(GetSystemTimeAsFileTime() + FileTimeOffset, DateTimeKind.Utc); }
        }

        public static DateTime Today
        {
            get { return Now.Date; }
        }

        public static DateTime SpecifyKind(DateTime value, DateTimeKind kind)
        {
            return new DateTime(value._ticks, kind);
        }

        // ------------------------------------------------------------ parts

        // part: 0 year, 1 day of year, 2 month, 3 day
        private int GetDatePart(int part)
        {
            int n = (int)(_ticks / TicksPerDay);
            int y400 = n / DaysPer400Years;
            n -= y400 * DaysPer400Years;
            int y100 = n / DaysPer100Years;
            if (y100 == 4)
                y100 = 3;
            n -= y100 * DaysPer100Years;
            int y4 = n / DaysPer4Years;
            n -= y4 * DaysPer4Years;
            int y1 = n / DaysPerYear;
            if (y1 == 4)
                y1 = 3;
            if (part == 0)
                return y400 * 400 + y100 * 100 + y4 * 4 + y1 + 1;
            n -= y1 * DaysPerYear;
            if (part == 1)
                return n + 1;
            bool leap = y1 == 3 && (y4 != 24 || y100 == 3);
            int[] days = leap ? s_daysToMonth366 : s_daysToMonth365;
            int m = (n >> 5) + 1;
            while (n >= days[m])
                m++;
            if (part == 2)
                return m;
            return n - days[m - 1] + 1;
        }

        public long Ticks
        {
            get { return _ticks; }
        }

        public DateTimeKind Kind
        {
            get { return _kind; }
        }

        public int Year
        {
            get { return GetDatePart(0); }
        }

        public int Month
        {
            get { return GetDatePart(2); }
        }

        public int Day
        {
            get { return GetDatePart(3); }
        }

        public int DayOfYear
        {
            get { return GetDatePart(1); }
        }

        public DayOfWeek DayOfWeek
        {
            get { return (DayOfWeek)((int)((_ticks / TicksPerDay + 1) % 7)); }
        }

        public int Hour
        {
            get { return (int)((_ticks / TicksPerHour) % 24); }
        }

        public int Minute
        {
            get { return (int)((_ticks / TicksPerMinute) % 60); }
        }

        public int Second
        {
            get { return (int)((_ticks / TicksPerSecond) % 60); }
        }

        public int Millisecond
        {
            get { return (int)((_ticks / TicksPerMillisecond) % 1000); }
        }

        public DateTime Date
        {
            get { return new DateTime(_ticks - _ticks % TicksPerDay, _kind); }
        }

        public TimeSpan TimeOfDay
        {
            get { return new TimeSpan(_ticks % TicksPerDay); }
        }

        // ------------------------------------------------------------ arithmetic

        public DateTime AddTicks(long value)
        {
            long t = _ticks + value;
            if (t < 0 || t > MaxTicks)
                throw new ArgumentOutOfRangeException("value", "The added or subtracted value results in an un-representable DateTime.");
            return new DateTime(t, _kind);
        }

        private DateTime Add(double value, int scale)
        {
            double millis = value * scale + (value >= 0 ? 0.5 : -0.5);
            if (millis <= -315537897600000.0 || millis >= 315537897600000.0)
                throw new ArgumentOutOfRangeException("value", "Value to add was out of range.");
            return AddTicks((long)millis * TicksPerMillisecond);
        }

        public DateTime Add(TimeSpan value)
        {
            return AddTicks(value.Ticks);
        }

        public DateTime AddDays(double value)
        {
            return Add(value, 86400000);
        }

        public DateTime AddHours(double value)
        {
            return Add(value, 3600000);
        }

        public DateTime AddMinutes(double value)
        {
            return Add(value, 60000);
        }

        public DateTime AddSeconds(double value)
        {
            return Add(value, 1000);
        }

        public DateTime AddMilliseconds(double value)
        {
            return Add(value, 1);
        }

        public DateTime AddMonths(int months)
        {
            if (months < -120000 || months > 120000)
                throw new ArgumentOutOfRangeException("months", "Months value must be between +/-120000.");
            int y = GetDatePart(0);
            int m = GetDatePart(2);
            int d = GetDatePart(3);
            int i = m - 1 + months;
            if (i >= 0)
            {
                m = i % 12 + 1;
                y = y + i / 12;
            }
            else
            {
                m = 12 + (i + 1) % 12;
                y = y + (i - 11) / 12;
            }
            if (y < 1 || y > 9999)
                throw new ArgumentOutOfRangeException("months", "The added or subtracted value results in an un-representable DateTime.");
            int dim = DaysInMonth(y, m);
            if (d > dim)
                d = dim;
            return new DateTime(DateToTicks(y, m, d) + _ticks % TicksPerDay, _kind);
        }

        public DateTime AddYears(int value)
        {
            if (value < -10000 || value > 10000)
                throw new ArgumentOutOfRangeException("years", "Years value must be between +/-10000.");
            return AddMonths(value * 12);
        }

        public TimeSpan Subtract(DateTime value)
        {
            return new TimeSpan(_ticks - value._ticks);
        }

        public DateTime Subtract(TimeSpan value)
        {
            return AddTicks(-value.Ticks);
        }

        public DateTime ToUniversalTime()
        {
            return new DateTime(_ticks, DateTimeKind.Utc);
        }

        public DateTime ToLocalTime()
        {
            return new DateTime(_ticks, DateTimeKind.Local);
        }

        public static DateTime operator +(DateTime d, TimeSpan t)
        {
            return d.AddTicks(t.Ticks);
        }

        public static DateTime operator -(DateTime d, TimeSpan t)
        {
            return d.AddTicks(-t.Ticks);
        }

        public static TimeSpan operator -(DateTime d1, DateTime d2)
        {
            return new TimeSpan(d1._ticks - d2._ticks);
        }

        public static bool operator ==(DateTime d1, DateTime d2)
        {
            return d1._ticks == d2._ticks;
        }

        public static bool operator !=(DateTime d1, DateTime d2)
        {
            return d1._ticks != d2._ticks;
        }

        public static bool operator <(DateTime t1, DateTime t2)
        {
            return t1._ticks < t2._ticks;
        }

        public static bool operator <=(DateTime t1, DateTime t2)
        {
            return t1._ticks <= t2._ticks;
        }

        public static bool operator >(DateTime t1, DateTime t2)
        {
            return t1._ticks > t2._ticks;
        }

        public static bool operator >=(DateTime t1, DateTime t2)
        {
            return t1._ticks >= t2._ticks;
        }

        // ------------------------------------------------------------ comparison

        public static int Compare(DateTime t1, DateTime t2)
        {
            if (t1._ticks > t2._ticks)
                return 1;
            if (t1._ticks < t2._ticks)
                return -1;
            return 0;
        }

        public int CompareTo(object value)
        {
            if (value == null)
                return 1;
            if (!(value is DateTime))
                throw new ArgumentException("Object must be of type DateTime.");
            return Compare(this, (DateTime)value);
        }

        public int CompareTo(DateTime value)
        {
            return Compare(this, value);
        }

        public override bool Equals(object value)
        {
            if (value is DateTime)
                return _ticks == ((DateTime)value)._ticks;
            return false;
        }

        public bool Equals(DateTime value)
        {
            return _ticks == value._ticks;
        }

        public static bool Equals(DateTime t1, DateTime t2)
        {
            return t1._ticks == t2._ticks;
        }

        public override int GetHashCode()
        {
            return (int)_ticks ^ (int)(_ticks >> 32);
        }

        public TypeCode GetTypeCode()
        {
            return TypeCode.DateTime;
        }

        // ------------------------------------------------------------ formatting

        public override string ToString()
        {
            return Format(this, "G");
        }

        public string ToString(string format)
        {
            return Format(this, format);
        }

        public string ToString(IFormatProvider provider)
        {
            return Format(this, "G");
        }

        public string ToString(string format, IFormatProvider provider)
        {
            return Format(this, format);
        }

        public string ToShortDateString()
        {
            return Format(this, "d");
        }

        public string ToLongDateString()
        {
            return Format(this, "D");
        }

        public string ToShortTimeString()
        {
            return Format(this, "t");
        }

        public string ToLongTimeString()
        {
            return Format(this, "T");
        }

        private static string Expand(char f, DateTime d)
        {
            switch (f)
            {
                case 'd': return "MM/dd/yyyy";
                case 'D': return "dddd, dd MMMM yyyy";
                case 'f': return "dddd, dd MMMM yyyy HH:mm";
                case 'F': return "dddd, dd MMMM yyyy HH:mm:ss";
                case 'g': return "MM/dd/yyyy HH:mm";
                case 'G': return "MM/dd/yyyy HH:mm:ss";
                case 'm':
                case 'M': return "MMMM dd";
                case 'o':
                case 'O': return "yyyy'-'MM'-'dd'T'HH':'mm':'ss'.'fffffffK";
                case 'r':
                case 'R': return "ddd, dd MMM yyyy HH':'mm':'ss 'GMT'";
                case 's': return "yyyy'-'MM'-'dd'T'HH':'mm':'ss";
                case 't': return "HH:mm";
                case 'T': return "HH:mm:ss";
                case 'u': return "yyyy'-'MM'-'dd HH':'mm':'ss'Z'";
                case 'U': return "dddd, dd MMMM yyyy HH:mm:ss";
                case 'y':
                case 'Y': return "yyyy MMMM";
            }
            throw new FormatException("Input string was not in a correct format.");
        }

        private static void Pad(StringBuilder sb, long value, int digits)
        {
            string s = Number.DecimalSigned(value);
            for (int i = s.Length; i < digits; i++)
                sb.Append('0');
            sb.Append(s);
        }

        private static int Repeat(string format, int pos, char c)
        {
            int n = 1;
            while (pos + n < format.Length && format[pos + n] == c)
                n++;
            return n;
        }

        internal static string Format(DateTime d, string format)
        {
            if (format == null || format.Length == 0)
                format = "G";
            if (format.Length == 1)
                format = Expand(format[0], d);
            StringBuilder sb = new StringBuilder(32);
            int i = 0;
            while (i < format.Length)
            {
                char c = format[i];
                int n;
                switch (c)
                {
                    case 'd':
                        n = Repeat(format, i, c);
                        if (n == 1)
                            sb.Append(Number.DecimalSigned(d.Day));
                        else if (n == 2)
                            Pad(sb, d.Day, 2);
                        else if (n == 3)
                            sb.Append(s_dayNames[(int)d.DayOfWeek].Substring(0, 3));
                        else
                            sb.Append(s_dayNames[(int)d.DayOfWeek]);
                        break;
                    case 'M':
                        n = Repeat(format, i, c);
                        if (n == 1)
                            sb.Append(Number.DecimalSigned(d.Month));
                        else if (n == 2)
                            Pad(sb, d.Month, 2);
                        else if (n == 3)
                            sb.Append(s_monthNames[d.Month - 1].Substring(0, 3));
                        else
                            sb.Append(s_monthNames[d.Month - 1]);
                        break;
                    case 'y':
                        n = Repeat(format, i, c);
                        if (n <= 2)
                        {
                            int y = d.Year % 100;
                            if (n == 1)
                                sb.Append(Number.DecimalSigned(y));
                            else
                                Pad(sb, y, 2);
                        }
                        else
                            Pad(sb, d.Year, n);
                        break;
                    case 'h':
                        n = Repeat(format, i, c);
                        {
                            int h = d.Hour % 12;
                            if (h == 0)
                                h = 12;
                            Pad(sb, h, n >= 2 ? 2 : 1);
                        }
                        break;
                    case 'H':
                        n = Repeat(format, i, c);
                        Pad(sb, d.Hour, n >= 2 ? 2 : 1);
                        break;
                    case 'm':
                        n = Repeat(format, i, c);
                        Pad(sb, d.Minute, n >= 2 ? 2 : 1);
                        break;
                    case 's':
                        n = Repeat(format, i, c);
                        Pad(sb, d.Second, n >= 2 ? 2 : 1);
                        break;
                    case 'f':
                    case 'F':
                        n = Repeat(format, i, c);
                        if (n > 7)
                            throw new FormatException("Input string was not in a correct format.");
                        {
                            long frac = d._ticks % TicksPerSecond;
                            for (int k = n; k < 7; k++)
                                frac /= 10;
                            if (c == 'f')
                                Pad(sb, frac, n);
                            else
                            {
                                int digits = n;
                                while (digits > 0 && frac % 10 == 0)
                                {
                                    frac /= 10;
                                    digits--;
                                }
                                if (digits > 0)
                                    Pad(sb, frac, digits);
                                else if (sb.Length > 0 && sb[sb.Length - 1] == '.')
                                    sb.Length = sb.Length - 1;
                            }
                        }
                        break;
                    case 't':
                        n = Repeat(format, i, c);
                        {
                            string ampm = d.Hour < 12 ? "AM" : "PM";
                            sb.Append(n == 1 ? ampm.Substring(0, 1) : ampm);
                        }
                        break;
                    case 'g':
                        n = Repeat(format, i, c);
                        sb.Append("A.D.");
                        break;
                    case 'K':
                        n = 1;
                        if (d._kind == DateTimeKind.Utc)
                            sb.Append('Z');
                        else if (d._kind == DateTimeKind.Local)
                            sb.Append("+00:00");
                        break;
                    case 'z':
                        n = Repeat(format, i, c);
                        if (n == 1)
                            sb.Append("+0");
                        else if (n == 2)
                            sb.Append("+00");
                        else
                            sb.Append("+00:00");
                        break;
                    case ':':
                    case '/':
                        n = 1;
                        sb.Append(c);
                        break;
                    case '\'':
                    case '"':
                        n = 1;
                        while (i + n < format.Length && format[i + n] != c)
                        {
                            sb.Append(format[i + n]);
                            n++;
                        }
                        if (i + n >= format.Length)
                            throw new FormatException("Cannot find a matching quote character for the character '" + c + "'.");
                        n++;
                        break;
                    case '%':
                        n = 1;
                        if (i + 1 < format.Length && format[i + 1] != '%')
                        {
                            // "%d" formats one custom specifier on its own
                            string one = Format(d, String.Concat("'' ", String.CreateFromChar(format[i + 1]))).Substring(1);
                            sb.Append(one);
                            n = 2;
                        }
                        else
                            throw new FormatException("Input string was not in a correct format.");
                        break;
                    case '\\':
                        if (i + 1 >= format.Length)
                            throw new FormatException("Input string was not in a correct format.");
                        sb.Append(format[i + 1]);
                        n = 2;
                        break;
                    default:
                        n = 1;
                        sb.Append(c);
                        break;
                }
                i += n;
            }
            return sb.ToString();
        }

        // ------------------------------------------------------------ parsing

        public static DateTime Parse(string s)
        {
            return Parse(s, null, DateTimeStyles.None);
        }

        public static DateTime Parse(string s, IFormatProvider provider)
        {
            return Parse(s, provider, DateTimeStyles.None);
        }

        public static DateTime Parse(string s, IFormatProvider provider, DateTimeStyles styles)
        {
            if (s == null)
                throw new ArgumentNullException("s");
            DateTime r;
            int st = TryParseCore(s, out r);
            if (st == 2)
                throw new FormatException("Format_UnknownDateTimeWord");
            if (st != 0)
                throw new FormatException("String was not recognized as a valid DateTime.");
            return r;
        }

        public static bool TryParse(string s, out DateTime result)
        {
            result = MinValue;
            if (s == null)
                return false;
            return TryParseCore(s, out result) == 0;
        }

        public static bool TryParse(string s, IFormatProvider provider, DateTimeStyles styles, out DateTime result)
        {
            return TryParse(s, out result);
        }

        // Numeric dates: yyyy-MM-dd or yyyy/MM/dd (first field of 4 digits), else MM/dd/yyyy; an optional
        // time HH:mm[:ss[.fffffff]] (separated by ' ' or 'T') with optional AM/PM; an optional trailing 'Z'.
        // 0 = ok, 1 = not a date, 2 = an unknown word (Mono's message is then "Format_UnknownDateTimeWord").
        private static int TryParseCore(string s, out DateTime result)
        {
            result = MinValue;
            string t = s.Trim();
            int[] nums = new int[7];
            int[] lens = new int[7];
            int count = 0;
            int i = 0;
            int n = t.Length;
            bool pm = false;
            bool am = false;
            bool utc = false;
            int dateFields = 0;
            long fraction = 0;
            int fractionDigits = 0;
            while (i < n)
            {
                char c = t[i];
                if (c >= '0' && c <= '9')
                {
                    if (count == 7)
                        return 1;
                    int v = 0;
                    int len = 0;
                    while (i < n && t[i] >= '0' && t[i] <= '9')
                    {
                        if (len < 9)
                            v = v * 10 + (t[i] - '0');
                        len++;
                        i++;
                    }
                    nums[count] = v;
                    lens[count] = len;
                    count++;
                    continue;
                }
                if (c == '.' && count >= 5 && i + 1 < n && t[i + 1] >= '0' && t[i + 1] <= '9')
                {
                    i++;
                    while (i < n && t[i] >= '0' && t[i] <= '9')
                    {
                        if (fractionDigits < 7)
                        {
                            fraction = fraction * 10 + (t[i] - '0');
                            fractionDigits++;
                        }
                        i++;
                    }
                    continue;
                }
                if (c == '-' || c == '/')
                {
                    dateFields = count + 1;
                    i++;
                    continue;
                }
                if (c == ':' || c == ' ' || c == 'T' || c == ',')
                {
                    i++;
                    continue;
                }
                if (c == 'Z' && i == n - 1)
                {
                    utc = true;
                    i++;
                    continue;
                }
                if ((c == 'A' || c == 'a' || c == 'P' || c == 'p') && i + 1 < n && (t[i + 1] == 'M' || t[i + 1] == 'm'))
                {
                    if (c == 'P' || c == 'p')
                        pm = true;
                    else
                        am = true;
                    i += 2;
                    continue;
                }
                if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))
                    return 2;
                return 1;
            }
            if (count < 3 || dateFields < 2)
                return 1;
            int year, month, day;
            if (lens[0] >= 3)
            {
                year = nums[0];
                month = nums[1];
                day = nums[2];
            }
            else
            {
                month = nums[0];
                day = nums[1];
                year = nums[2];
                if (lens[2] <= 2)
                    year += year < 30 ? 2000 : 1900;
            }
            int hour = count > 3 ? nums[3] : 0;
            int minute = count > 4 ? nums[4] : 0;
            int second = count > 5 ? nums[5] : 0;
            if (count == 4)
                return 1;
            if (pm && hour < 12)
                hour += 12;
            if (am && hour == 12)
                hour = 0;
            if (year < 1 || year > 9999 || month < 1 || month > 12 || day < 1 || day > DaysInMonth(year, month))
                return 1;
            if (hour > 23 || minute > 59 || second > 59)
                return 1;
            for (int k = fractionDigits; k < 7; k++)
                fraction *= 10;
            long ticks = DateToTicks(year, month, day) + TimeToTicks(hour, minute, second) + fraction;
            result = new DateTime(ticks, utc ? DateTimeKind.Local : DateTimeKind.Unspecified);
            return 0;
        }
    }
}

namespace System.Globalization
{
    [Flags]
    public enum DateTimeStyles
    {
        None = 0,
        AllowLeadingWhite = 1,
        AllowTrailingWhite = 2,
        AllowInnerWhite = 4,
        AllowWhiteSpaces = 7,
        NoCurrentDateDefault = 8,
        AdjustToUniversal = 16,
        AssumeLocal = 32,
        AssumeUniversal = 64,
        RoundtripKind = 128
    }
}
