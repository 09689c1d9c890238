// Console: System.Console (stdout/stderr through one internal call, stdin through another) and
// System.IO.TextWriter/StringWriter/TextReader. Newline is "\n". Buffering is the runtime's business.
using System.IO;
using System.Runtime.CompilerServices;
using System.Text;

namespace System
{
    public enum ConsoleColor
    {
        Black = 0,
        DarkBlue = 1,
        DarkGreen = 2,
        DarkCyan = 3,
        DarkRed = 4,
        DarkMagenta = 5,
        DarkYellow = 6,
        Gray = 7,
        DarkGray = 8,
        Blue = 9,
        Green = 10,
        Cyan = 11,
        Red = 12,
        Magenta = 13,
        Yellow = 14,
        White = 15
    }

    public static class Console
    {
        private static TextWriter s_out;
        private static TextWriter s_error;
        private static TextReader s_in;

        // Writes the UTF-16 string s (never null) as UTF-8 to stdout (stderr when `stderr`).
        [MethodImpl(MethodImplOptions.InternalCall)]
        internal static extern void InternalWrite(string s, bool stderr);

        // Reads one line from stdin without its "\n" / "\r\n"; null at end of input.
        [MethodImpl(MethodImplOptions.InternalCall)]
        internal static extern string InternalReadLine();

        public static TextWriter Out
        {
            get
            {
                if (s_out == null)
                    s_out = new ConsoleWriter(false);
                return s_out;
            }
        }

        public static TextWriter Error
        {
            get
            {
                if (s_error == null)
                    s_error = new ConsoleWriter(true);
                return s_error;
            }
        }

        public static TextReader In
        {
            get
            {
                if (s_in == null)
                    s_in = new ConsoleReader();
                return s_in;
            }
        }

        public static void SetOut(TextWriter newOut)
        {
            if (newOut == null)
                throw new ArgumentNullException("newOut");
            s_out = newOut;
        }

        public static void SetError(TextWriter newError)
        {
            if (newError == null)
                throw new ArgumentNullException("newError");
            s_error = newError;
        }

        public static void SetIn(TextReader newIn)
        {
            if (newIn == null)
                throw new ArgumentNullException("newIn");
            s_in = newIn;
        }

        private static string Concat2(string a, string b)
        {
            return String.Concat(a, b);
        }

        private static void Emit(string s)
        {
            if (s_out != null && !(s_out is ConsoleWriter))
                s_out.Write(s);
            else
                InternalWrite(s, false);
        }

        // Output is never a terminal for vcall's purposes: like Mono with redirected output, colours read
        // back as Black and colour/clear/beep calls write nothing.
        public static ConsoleColor ForegroundColor
        {
            get { return ConsoleColor.Black; }
            set { }
        }

        public static ConsoleColor BackgroundColor
        {
            get { return ConsoleColor.Black; }
            set { }
        }

        public static void ResetColor()
        {
        }

        public static void Clear()
        {
        }

        public static void Beep()
        {
        }

        public static bool IsOutputRedirected
        {
            get { return true; }
        }

        public static bool IsInputRedirected
        {
            get { return true; }
        }

        public static bool IsErrorRedirected
        {
            get { return true; }
        }

        public static string ReadLine()
        {
            return In.ReadLine();
        }

        public static int Read()
        {
            return In.Read();
        }

        public static void WriteLine()
        {
            Emit("\n");
        }

        public static void Write(char[] buffer, int index, int count)
        {
            Write(new string(buffer, index, count));
        }

        public static void WriteLine(char[] buffer, int index, int count)
        {
            WriteLine(new string(buffer, index, count));
        }

        public static void Write(string format, object arg0)
        {
            Emit(String.Format(format, arg0));
        }

        public static void Write(string format, object arg0, object arg1)
        {
            Emit(String.Format(format, arg0, arg1));
        }

        public static void Write(string format, object arg0, object arg1, object arg2)
        {
            Emit(String.Format(format, arg0, arg1, arg2));
        }

        public static void Write(string format, params object[] arg)
        {
            if (arg == null)
                Emit(String.Format(format, null, null));
            else
                Emit(String.Format(format, arg));
        }

        public static void WriteLine(string format, object arg0)
        {
            Emit(String.Concat(String.Format(format, arg0), "\n"));
        }

        public static void WriteLine(string format, object arg0, object arg1)
        {
            Emit(String.Concat(String.Format(format, arg0, arg1), "\n"));
        }

        public static void WriteLine(string format, object arg0, object arg1, object arg2)
        {
            Emit(String.Concat(String.Format(format, arg0, arg1, arg2), "\n"));
        }

        public static void WriteLine(string format, params object[] arg)
        {
            if (arg == null)
                Emit(String.Concat(String.Format(format, null, null), "\n"));
            else
                Emit(String.Concat(String.Format(format, arg), "\n"));
        }

        public static void Write(bool value)
        {
            EmitCall(value.ToString(), false);
        }

        public static void Write(char value)
        {
            EmitCall(String.CreateFromChar(value), false);
        }

        public static void Write(char[] buffer)
        {
            EmitCall((buffer == null ? null : new string(buffer)), false);
        }

        public static void Write(decimal value)
        {
            EmitCall(value.ToString(), false);
        }

        public static void Write(double value)
        {
            EmitCall(value.ToString(), false);
        }

        public static void Write(int value)
        {
            EmitCall(value.ToString(), false);
        }

        public static void Write(long value)
        {
            EmitCall(value.ToString(), false);
        }

        public static void Write(object value)
        {
            EmitCall((value == null ? null : value.ToString()), false);
        }

        public static void Write(float value)
        {
            EmitCall(value.ToString(), false);
        }

        public static void Write(string value)
        {
            EmitCall(value, false);
        }

        public static void Write(uint value)
        {
            EmitCall(value.ToString(), false);
        }

        public static void Write(ulong value)
        {
            EmitCall(value.ToString(), false);
        }

        public static void WriteLine(bool value)
        {
            EmitCall(Concat2(value.ToString(), "\n"), false);
        }

        public static void WriteLine(char value)
        {
            EmitCall(Concat2(String.CreateFromChar(value), "\n"), false);
        }

        public static void WriteLine(char[] buffer)
        {
            EmitCall(Concat2((buffer == null ? null : new string(buffer)), "\n"), false);
        }

        public static void WriteLine(decimal value)
        {
            EmitCall(Concat2(value.ToString(), "\n"), false);
        }

        public static void WriteLine(double value)
        {
            EmitCall(Concat2(value.ToString(), "\n"), false);
        }

        public static void WriteLine(int value)
        {
            EmitCall(Concat2(value.ToString(), "\n"), false);
        }

        public static void WriteLine(long value)
        {
            EmitCall(Concat2(value.ToString(), "\n"), false);
        }

        public static void WriteLine(object value)
        {
            EmitCall(Concat2((value == null ? null : value.ToString()), "\n"), false);
        }

        public static void WriteLine(float value)
        {
            EmitCall(Concat2(value.ToString(), "\n"), false);
        }

        public static void WriteLine(string value)
        {
            EmitCall(Concat2(value, "\n"), false);
        }

        public static void WriteLine(uint value)
        {
            EmitCall(Concat2(value.ToString(), "\n"), false);
        }

        public static void WriteLine(ulong value)
        {
            EmitCall(Concat2(value.ToString(), "\n"), false);
        }

        private static void EmitCall(string s, bool unused)
        {
            if (s != null)
                Emit(s);
        }
    }

    internal sealed class ConsoleWriter : TextWriter
    {
        private bool _stderr;

        internal ConsoleWriter(bool stderr)
        {
            _stderr = stderr;
        }

        public override void Write(char value)
        {
            Console.InternalWrite(String.CreateFromChar(value), _stderr);
        }

        public override void Write(string value)
        {
            if (value != null)
                Console.InternalWrite(value, _stderr);
        }

        public override void WriteLine(string value)
        {
            Console.InternalWrite(value == null ? CoreNewLineString : String.Concat(value, CoreNewLineString), _stderr);
        }
    }

    internal sealed class ConsoleReader : TextReader
    {
        private string _line;
        private int _pos;

        public override string ReadLine()
        {
            if (_line != null)
            {
                string rest = _line.Substring(_pos);
                _line = null;
                return rest;
            }
            return Console.InternalReadLine();
        }

        // Char by char over ReadLine; every line read this way ends with '\n'.
        public override int Read()
        {
            if (_line == null)
            {
                _line = Console.InternalReadLine();
                _pos = 0;
                if (_line == null)
                    return -1;
            }
            if (_pos < _line.Length)
                return _line[_pos++];
            _line = null;
            return '\n';
        }

        public override int Peek()
        {
            if (_line == null)
            {
                _line = Console.InternalReadLine();
                _pos = 0;
                if (_line == null)
                    return -1;
            }
            if (_pos < _line.Length)
                return _line[_pos];
            return '\n';
        }
    }
}

namespace System.IO
{
    public abstract class TextWriter : IDisposable
    {
        internal string CoreNewLineString = "\n";

        protected TextWriter()
        {
        }

        protected TextWriter(IFormatProvider formatProvider)
        {
        }

        public static readonly TextWriter Null = new NullTextWriter();

        public virtual IFormatProvider FormatProvider
        {
            get { return null; }
        }

        public virtual string NewLine
        {
            get { return CoreNewLineString; }
            set { CoreNewLineString = value == null ? "\n" : value; }
        }

        public virtual void Flush()
        {
        }

        public virtual void Close()
        {
            Dispose(true);
        }

        protected virtual void Dispose(bool disposing)
        {
        }

        public void Dispose()
        {
            Dispose(true);
        }

        // The one method a writer must provide; everything else ends up here or in Write(string).
        public virtual void Write(char value)
        {
        }

        public virtual void Write(string value)
        {
            if (value == null)
                return;
            for (int i = 0; i < value.Length; i++)
                Write(value[i]);
        }

        public virtual void Write(char[] buffer, int index, int count)
        {
            Write(new string(buffer, index, count));
        }

        public virtual void WriteLine()
        {
            Write(CoreNewLineString);
        }

        public virtual void WriteLine(char[] buffer, int index, int count)
        {
            Write(buffer, index, count);
            WriteLine();
        }

        public virtual void Write(string format, object arg0)
        {
            Write(String.Format(format, arg0));
        }

        public virtual void Write(string format, object arg0, object arg1)
        {
            Write(String.Format(format, arg0, arg1));
        }

        public virtual void Write(string format, object arg0, object arg1, object arg2)
        {
            Write(String.Format(format, arg0, arg1, arg2));
        }

        public virtual void Write(string format, params object[] arg)
        {
            Write(String.Format(format, arg));
        }

        public virtual void WriteLine(string format, object arg0)
        {
            WriteLine(String.Format(format, arg0));
        }

        public virtual void WriteLine(string format, object arg0, object arg1)
        {
            WriteLine(String.Format(format, arg0, arg1));
        }

        public virtual void WriteLine(string format, object arg0, object arg1, object arg2)
        {
            WriteLine(String.Format(format, arg0, arg1, arg2));
        }

        public virtual void WriteLine(string format, params object[] arg)
        {
            WriteLine(String.Format(format, arg));
        }

        public virtual void Write(bool value)
        {
            Write(value.ToString());
        }

        public virtual void Write(char[] buffer)
        {
            Write((buffer == null ? null : new string(buffer)));
        }

        public virtual void Write(decimal value)
        {
            Write(value.ToString());
        }

        public virtual void Write(double value)
        {
            Write(value.ToString());
        }

        public virtual void Write(int value)
        {
            Write(value.ToString());
        }

        public virtual void Write(long value)
        {
            Write(value.ToString());
        }

        public virtual void Write(object value)
        {
            Write((value == null ? null : value.ToString()));
        }

        public virtual void Write(float value)
        {
            Write(value.ToString());
        }

        public virtual void Write(uint value)
        {
            Write(value.ToString());
        }

        public virtual void Write(ulong value)
        {
            Write(value.ToString());
        }

        public virtual void WriteLine(bool value)
        {
            WriteLine(value.ToString());
        }

        public virtual void WriteLine(char value)
        {
            WriteLine(String.CreateFromChar(value));
        }

        public virtual void WriteLine(char[] buffer)
        {
            WriteLine((buffer == null ? null : new string(buffer)));
        }

        public virtual void WriteLine(decimal value)
        {
            WriteLine(value.ToString());
        }

        public virtual void WriteLine(double value)
        {
            WriteLine(value.ToString());
        }

        public virtual void WriteLine(int value)
        {
            WriteLine(value.ToString());
        }

        public virtual void WriteLine(long value)
        {
            WriteLine(value.ToString());
        }

        public virtual void WriteLine(object value)
        {
            WriteLine((value == null ? null : value.ToString()));
        }

        public virtual void WriteLine(float value)
        {
            WriteLine(value.ToString());
        }

        public virtual void WriteLine(string value)
        {
            Write(value);
            Write(CoreNewLineString);
        }

        public virtual void WriteLine(uint value)
        {
            WriteLine(value.ToString());
        }

        public virtual void WriteLine(ulong value)
        {
            WriteLine(value.ToString());
        }
    }

    internal sealed class NullTextWriter : TextWriter
    {
        public override void Write(char value)
        {
        }

        public override void Write(string value)
        {
        }
    }

    public class StringWriter : TextWriter
    {
        private StringBuilder _sb;

        public StringWriter()
        {
            _sb = new StringBuilder();
        }

        public StringWriter(IFormatProvider formatProvider)
        {
            _sb = new StringBuilder();
        }

        public StringWriter(StringBuilder sb)
        {
            if (sb == null)
                throw new ArgumentNullException("sb");
            _sb = sb;
        }

        public virtual StringBuilder GetStringBuilder()
        {
            return _sb;
        }

        public override void Write(char value)
        {
            _sb.Append(value);
        }

        public override void Write(string value)
        {
            _sb.Append(value);
        }

        public override string ToString()
        {
            return _sb.ToString();
        }
    }

    public abstract class TextReader : IDisposable
    {
        protected TextReader()
        {
        }

        public virtual int Peek()
        {
            return -1;
        }

        public virtual int Read()
        {
            return -1;
        }

        public virtual string ReadLine()
        {
            StringBuilder sb = new StringBuilder();
            while (true)
            {
                int ch = Read();
                if (ch == -1)
                    return sb.Length > 0 ? sb.ToString() : null;
                if (ch == '\r' || ch == '\n')
                {
                    if (ch == '\r' && Peek() == '\n')
                        Read();
                    return sb.ToString();
                }
                sb.Append((char)ch);
            }
        }

        public virtual string ReadToEnd()
        {
            StringBuilder sb = new StringBuilder();
            int ch;
            while ((ch = Read()) != -1)
                sb.Append((char)ch);
            return sb.ToString();
        }

        public virtual void Close()
        {
            Dispose(true);
        }

        protected virtual void Dispose(bool disposing)
        {
        }

        public void Dispose()
        {
            Dispose(true);
        }
    }

    public class StringReader : TextReader
    {
        private string _s;
        private int _pos;

        public StringReader(string s)
        {
            if (s == null)
                throw new ArgumentNullException("s");
            _s = s;
        }

        public override int Peek()
        {
            if (_pos >= _s.Length)
                return -1;
            return _s[_pos];
        }

        public override int Read()
        {
            if (_pos >= _s.Length)
                return -1;
            return _s[_pos++];
        }
    }
}
