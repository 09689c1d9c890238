// Format: composite formatting ("{0,-5:F2}") shared by String.Format, StringBuilder.AppendFormat,
// Console and TextWriter. Arguments implementing IFormattable get ToString(format, provider).
using System.Text;

namespace System
{
    internal static class CompositeFormat
    {
        private static FormatException FormatError()
        {
            return new FormatException("Input string was not in a correct format.");
        }

        internal static void AppendFormat(StringBuilder sb, IFormatProvider provider, string format, object[] args)
        {
            if (format == null)
                throw new ArgumentNullException("format");
            if (args == null)
                throw new ArgumentNullException("args");
            int pos = 0;
            int len = format.Length;
            char ch = '\0';
            while (true)
            {
                while (pos < len)
                {
                    ch = format[pos];
                    pos++;
                    if (ch == '}')
                    {
                        if (pos < len && format[pos] == '}')
                            pos++;
                        else
                            throw FormatError();
                    }
                    else if (ch == '{')
                    {
                        if (pos < len && format[pos] == '{')
                            pos++;
                        else
                        {
                            pos--;
                            break;
                        }
                    }
                    sb.Append(ch);
                }
                if (pos == len)
                    break;
                pos++;
                if (pos == len)
                    throw FormatError();
                ch = format[pos];
                if (ch < '0' || ch > '9')
                    throw FormatError();
                int index = 0;
                do
                {
                    index = index * 10 + ch - '0';
                    pos++;
                    if (pos == len)
                        throw FormatError();
                    ch = format[pos];
                }
                while (ch >= '0' && ch <= '9' && index < 1000000);
                if (index >= args.Length)
                    throw new FormatException("Index (zero based) must be greater than or equal to zero and less than the size of the argument list.");
                while (pos < len && (ch = format[pos]) == ' ')
                    pos++;
                bool leftJustify = false;
                int width = 0;
                if (ch == ',')
                {
                    pos++;
                    while (pos < len && format[pos] == ' ')
                        pos++;
                    if (pos == len)
                        throw FormatError();
                    ch = format[pos];
                    if (ch == '-')
                    {
                        leftJustify = true;
                        pos++;
                        if (pos == len)
                            throw FormatError();
                        ch = format[pos];
                    }
                    if (ch < '0' || ch > '9')
                        throw FormatError();
                    do
                    {
                        width = width * 10 + ch - '0';
                        pos++;
                        if (pos == len)
                            throw FormatError();
                        ch = format[pos];
                    }
                    while (ch >= '0' && ch <= '9' && width < 1000000);
                }
                while (pos < len && (ch = format[pos]) == ' ')
                    pos++;
                object arg = args[index];
                string fmt = null;
                if (ch == ':')
                {
                    pos++;
                    StringBuilder fsb = new StringBuilder();
                    while (true)
                    {
                        if (pos == len)
                            throw FormatError();
                        ch = format[pos];
                        pos++;
                        if (ch == '{')
                        {
                            if (pos < len && format[pos] == '{')
                                pos++;
                            else
                                throw FormatError();
                        }
                        else if (ch == '}')
                        {
                            if (pos < len && format[pos] == '}')
                                pos++;
                            else
                            {
                                pos--;
                                break;
                            }
                        }
                        fsb.Append(ch);
                    }
                    if (fsb.Length > 0)
                        fmt = fsb.ToString();
                }
                if (ch != '}')
                    throw FormatError();
                pos++;
                string s = null;
                if (arg != null)
                {
                    IFormattable f = arg as IFormattable;
                    if (f != null)
                        s = f.ToString(fmt, provider);
                    else
                        s = arg.ToString();
                }
                if (s == null)
                    s = String.Empty;
                int pad = width - s.Length;
                if (!leftJustify && pad > 0)
                    sb.Append(' ', pad);
                sb.Append(s);
                if (leftJustify && pad > 0)
                    sb.Append(' ', pad);
            }
        }
    }
}
