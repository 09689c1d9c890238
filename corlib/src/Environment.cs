// Environment: System.Environment, System.GC (no-ops), System.TimeSpan, System.Random (the Knuth
// subtractive generator .NET/Mono use, so seeded sequences match), System.Diagnostics.Stopwatch,
// System.Threading.Thread.Sleep/Monitor/Interlocked (single-threaded runtime).
using System.Runtime.CompilerServices;

namespace System
{
    public static class Environment
    {
        // Flushes the console output and terminates the process with `exitCode`.
        [MethodImpl(MethodImplOptions.InternalCall)]
        public static extern void Exit(int exitCode);

        // Milliseconds since an arbitrary start (e.g. system boot), truncated to int32.
        public static extern int TickCount
        {
            [MethodImpl(MethodImplOptions.InternalCall)]
            get;
        }

        // The process exit code used when Main returns void (or returns normally without a value).
        public static extern int ExitCode
        {
            [MethodImpl(MethodImplOptions.InternalCall)]
            get;
            [MethodImpl(MethodImplOptions.InternalCall)]
            set;
        }

        public static string NewLine
        {
            get { return "\n"; }
        }

        public static int ProcessorCount
        {
            get { return 1; }
        }

        public static bool Is64BitProcess
        {
            get { return true; }
        }

        public static bool Is64BitOperatingSystem
        {
            get { return true; }
        }

        public static int CurrentManagedThreadId
        {
            get { return 1; }
        }

        public static bool HasShutdownStarted
        {
            get { return false; }
        }

        public static string StackTrace
        {
            get { return String.Empty; }
        }

        public static void FailFast(string message)
        {
            if (message != null)
                Console.InternalWrite(message + "\n", true);
            Exit(134);
        }
    }

    public static class GC
    {
        public static int MaxGeneration
        {
            get { return 0; }
        }

        public static void Collect()
        {
        }

        public static void Collect(int generation)
        {
        }

        public static int CollectionCount(int generation)
        {
            return 0;
        }

        public static long GetTotalMemory(bool forceFullCollection)
        {
            return 0;
        }

        public static int GetGeneration(object obj)
        {
            return 0;
        }

        public static void KeepAlive(object obj)
        {
        }

        public static void SuppressFinalize(object obj)
        {
            if (obj == null)
                throw new ArgumentNullException("obj");
        }

        public static void ReRegisterForFinalize(object obj)
        {
            if (obj == null)
                throw new ArgumentNullException("obj");
        }

        public static void WaitForPendingFinalizers()
        {
        }

        public static void AddMemoryPressure(long bytesAllocated)
        {
        }

        public static void RemoveMemoryPressure(long bytesAllocated)
        {
        }
    }

    public struct TimeSpan : IComparable, IFormattable
    {
        public const long TicksPerMillisecond = 10000;
        public const long TicksPerSecond = 10000000;
        public const long TicksPerMinute = 600000000;
        public const long TicksPerHour = 36000000000;
        public const long TicksPerDay = 864000000000;

        public static readonly TimeSpan Zero = new TimeSpan(0);
        public static readonly TimeSpan MaxValue = new TimeSpan(long.MaxValue);
        public static readonly TimeSpan MinValue = new TimeSpan(long.MinValue);

        private long _ticks;

        public TimeSpan(long ticks)
        {
            _ticks = ticks;
        }

        public TimeSpan(int hours, int minutes, int seconds)
        {
            _ticks = TimeToTicks(0, hours, minutes, seconds, 0);
        }

        public TimeSpan(int days, int hours, int minutes, int seconds)
        {
            _ticks = TimeToTicks(days, hours, minutes, seconds, 0);
        }

        public TimeSpan(int days, int hours, int minutes, int seconds, int milliseconds)
        {
            _ticks = TimeToTicks(days, hours, minutes, seconds, milliseconds);
        }

        private static long TimeToTicks(int days, int hours, int minutes, int seconds, int milliseconds)
        {
            long totalMs = ((long)days * 3600 * 24 + (long)hours * 3600 + (long)minutes * 60 + seconds) * 1000 + milliseconds;
            if (totalMs > 922337203685477 || totalMs < -922337203685477)
                throw new ArgumentOutOfRangeException(null, "TimeSpan overflowed because the duration is too long.");
            return totalMs * TicksPerMillisecond;
        }

        public long Ticks
        {
            get { return _ticks; }
        }

        public int Days
        {
            get { return (int)(_ticks / TicksPerDay); }
        }

        public int Hours
        {
            get { return (int)((_ticks / TicksPerHour) % 24); }
        }

        public int Minutes
        {
            get { return (int)((_ticks / TicksPerMinute) % 60); }
        }

        public int Seconds
        {
            get { return (int)((_ticks / TicksPerSecond) % 60); }
        }

        public int Milliseconds
        {
            get { return (int)((_ticks / TicksPerMillisecond) % 1000); }
        }

        public double TotalDays
        {
            get { return (double)_ticks * (1.0 / TicksPerDay); }
        }

        public double TotalHours
        {
            get { return (double)_ticks * (1.0 / TicksPerHour); }
        }

        public double TotalMinutes
        {
            get { return (double)_ticks * (1.0 / TicksPerMinute); }
        }

        public double TotalSeconds
        {
            get { return (double)_ticks * (1.0 / TicksPerSecond); }
        }

        public double TotalMilliseconds
        {
            get
            {
                double temp = (double)_ticks * (1.0 / TicksPerMillisecond);
                if (temp > 922337203685477)
                    return 922337203685477;
                if (temp < -922337203685477)
                    return -922337203685477;
                return temp;
            }
        }

        private static TimeSpan Interval(double value, int scale)
        {
            if (value != value)
                throw new ArgumentException("TimeSpan does not accept floating point Not-a-Number values.");
            double tmp = value * scale;
            double millis = tmp + (value >= 0 ? 0.5 : -0.5);
            if ((millis > long.MaxValue / TicksPerMillisecond) || (millis < long.MinValue / TicksPerMillisecond))
                throw new OverflowException("TimeSpan overflowed because the duration is too long.");
            return new TimeSpan((long)millis * TicksPerMillisecond);
        }

        public static TimeSpan FromDays(double value)
        {
            return Interval(value, 86400000);
        }

        public static TimeSpan FromHours(double value)
        {
            return Interval(value, 3600000);
        }

        public static TimeSpan FromMinutes(double value)
        {
            return Interval(value, 60000);
        }

        public static TimeSpan FromSeconds(double value)
        {
            return Interval(value, 1000);
        }

        public static TimeSpan FromMilliseconds(double value)
        {
            return Interval(value, 1);
        }

        public static TimeSpan FromTicks(long value)
        {
            return new TimeSpan(value);
        }

        public TimeSpan Add(TimeSpan ts)
        {
            long result = _ticks + ts._ticks;
            if ((_ticks >> 63 == ts._ticks >> 63) && (_ticks >> 63 != result >> 63))
                throw new OverflowException("TimeSpan overflowed because the duration is too long.");
            return new TimeSpan(result);
        }

        public TimeSpan Subtract(TimeSpan ts)
        {
            long result = _ticks - ts._ticks;
            if ((_ticks >> 63 != ts._ticks >> 63) && (_ticks >> 63 != result >> 63))
                throw new OverflowException("TimeSpan overflowed because the duration is too long.");
            return new TimeSpan(result);
        }

        public TimeSpan Duration()
        {
            if (_ticks == long.MinValue)
                throw new OverflowException("The duration cannot be returned for TimeSpan.MinValue because the absolute value of TimeSpan.MinValue exceeds the value of TimeSpan.MaxValue.");
            return new TimeSpan(_ticks >= 0 ? _ticks : -_ticks);
        }

        public TimeSpan Negate()
        {
            if (_ticks == long.MinValue)
                throw new OverflowException("Negating the minimum value of a twos complement number is invalid.");
            return new TimeSpan(-_ticks);
        }

        public static int Compare(TimeSpan t1, TimeSpan t2)
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
            if (!(value is TimeSpan))
                throw new ArgumentException("Object must be of type TimeSpan.");
            return Compare(this, (TimeSpan)value);
        }

        public int CompareTo(TimeSpan value)
        {
            return Compare(this, value);
        }

        public override bool Equals(object value)
        {
            if (value is TimeSpan)
                return _ticks == ((TimeSpan)value)._ticks;
            return false;
        }

        public bool Equals(TimeSpan obj)
        {
            return _ticks == obj._ticks;
        }

        public static bool Equals(TimeSpan t1, TimeSpan t2)
        {
            return t1._ticks == t2._ticks;
        }

        public override int GetHashCode()
        {
            return (int)_ticks ^ (int)(_ticks >> 32);
        }

        // [-][d.]hh:mm:ss[.fffffff]
        public override string ToString()
        {
            System.Text.StringBuilder sb = new System.Text.StringBuilder(26);
            long ticks = _ticks;
            long day = ticks / TicksPerDay;
            long time = ticks % TicksPerDay;
            if (ticks < 0)
            {
                sb.Append('-');
                day = -day;
                time = -time;
            }
            if (day != 0)
            {
                sb.Append(day);
                sb.Append('.');
            }
            sb.Append(((int)(time / TicksPerHour % 24)).ToString("D2"));
            sb.Append(':');
            sb.Append(((int)(time / TicksPerMinute % 60)).ToString("D2"));
            sb.Append(':');
            sb.Append(((int)(time / TicksPerSecond % 60)).ToString("D2"));
            int fraction = (int)(time % TicksPerSecond);
            if (fraction != 0)
            {
                sb.Append('.');
                sb.Append(fraction.ToString("D7"));
            }
            return sb.ToString();
        }

        public string ToString(string format)
        {
            return ToString();
        }

        public string ToString(string format, IFormatProvider formatProvider)
        {
            return ToString();
        }

        public static TimeSpan operator -(TimeSpan t)
        {
            return t.Negate();
        }

        public static TimeSpan operator -(TimeSpan t1, TimeSpan t2)
        {
            return t1.Subtract(t2);
        }

        public static TimeSpan operator +(TimeSpan t)
        {
            return t;
        }

        public static TimeSpan operator +(TimeSpan t1, TimeSpan t2)
        {
            return t1.Add(t2);
        }

        public static bool operator ==(TimeSpan t1, TimeSpan t2)
        {
            return t1._ticks == t2._ticks;
        }

        public static bool operator !=(TimeSpan t1, TimeSpan t2)
        {
            return t1._ticks != t2._ticks;
        }

        public static bool operator <(TimeSpan t1, TimeSpan t2)
        {
            return t1._ticks < t2._ticks;
        }

        public static bool operator <=(TimeSpan t1, TimeSpan t2)
        {
            return t1._ticks <= t2._ticks;
        }

        public static bool operator >(TimeSpan t1, TimeSpan t2)
        {
            return t1._ticks > t2._ticks;
        }

        public static bool operator >=(TimeSpan t1, TimeSpan t2)
        {
            return t1._ticks >= t2._ticks;
        }
    }

    public class Random
    {
        private const int MBIG = int.MaxValue;
        private const int MSEED = 161803398;

        private int _inext;
        private int _inextp;
        private int[] _seedArray = new int[56];

        public Random()
            : this(Environment.TickCount)
        {
        }

        public Random(int Seed)
        {
            int subtraction = (Seed == int.MinValue) ? int.MaxValue : Math.Abs(Seed);
            int mj = MSEED - subtraction;
            _seedArray[55] = mj;
            int mk = 1;
            for (int i = 1; i < 55; i++)
            {
                int ii = (21 * i) % 55;
                _seedArray[ii] = mk;
                mk = mj - mk;
                if (mk < 0)
                    mk += MBIG;
                mj = _seedArray[ii];
            }
            for (int k = 1; k < 5; k++)
            {
                for (int i = 1; i < 56; i++)
                {
                    _seedArray[i] -= _seedArray[1 + (i + 30) % 55];
                    if (_seedArray[i] < 0)
                        _seedArray[i] += MBIG;
                }
            }
            _inext = 0;
            _inextp = 21;
        }

        protected virtual double Sample()
        {
            return InternalSample() * (1.0 / MBIG);
        }

        private int InternalSample()
        {
            int locINext = _inext;
            int locINextp = _inextp;
            if (++locINext >= 56)
                locINext = 1;
            if (++locINextp >= 56)
                locINextp = 1;
            int retVal = _seedArray[locINext] - _seedArray[locINextp];
            if (retVal == MBIG)
                retVal--;
            if (retVal < 0)
                retVal += MBIG;
            _seedArray[locINext] = retVal;
            _inext = locINext;
            _inextp = locINextp;
            return retVal;
        }

        public virtual int Next()
        {
            return InternalSample();
        }

        private double GetSampleForLargeRange()
        {
            int result = InternalSample();
            bool negative = InternalSample() % 2 == 0;
            if (negative)
                result = -result;
            double d = result;
            d += int.MaxValue - 1;
            d /= 2 * (uint)int.MaxValue - 1;
            return d;
        }

        public virtual int Next(int minValue, int maxValue)
        {
            if (minValue > maxValue)
                throw new ArgumentOutOfRangeException("minValue", "'minValue' cannot be greater than maxValue.");
            long range = (long)maxValue - minValue;
            if (range <= int.MaxValue)
                return (int)(Sample() * range) + minValue;
            return (int)((long)(GetSampleForLargeRange() * range) + minValue);
        }

        public virtual int Next(int maxValue)
        {
            if (maxValue < 0)
                throw new ArgumentOutOfRangeException("maxValue", "'maxValue' must be greater than zero.");
            return (int)(Sample() * maxValue);
        }

        public virtual double NextDouble()
        {
            return Sample();
        }

        public virtual void NextBytes(byte[] buffer)
        {
            if (buffer == null)
                throw new ArgumentNullException("buffer");
            for (int i = 0; i < buffer.Length; i++)
                buffer[i] = (byte)(InternalSample() % 256);
        }
    }
}

namespace System.Diagnostics
{
    // Lives in System.dll on Mono; programs reference it as [System]System.Diagnostics.Stopwatch.
    public class Stopwatch
    {
        // Ticks of GetTimestamp per second (100 ns ticks, like Mono).
        public static readonly long Frequency = 10000000;
        public static readonly bool IsHighResolution = true;

        private long _elapsed;
        private long _started;
        private bool _isRunning;

        // Monotonic clock in 100 ns ticks.
        [MethodImpl(MethodImplOptions.InternalCall)]
        public static extern long GetTimestamp();

        public Stopwatch()
        {
        }

        public static Stopwatch StartNew()
        {
            Stopwatch s = new Stopwatch();
            s.Start();
            return s;
        }

        public void Start()
        {
            if (!_isRunning)
            {
                _started = GetTimestamp();
                _isRunning = true;
            }
        }

        public void Stop()
        {
            if (_isRunning)
            {
                _elapsed += GetTimestamp() - _started;
                _isRunning = false;
                if (_elapsed < 0)
                    _elapsed = 0;
            }
        }

        public void Reset()
        {
            _elapsed = 0;
            _isRunning = false;
        }

        public void Restart()
        {
            _elapsed = 0;
            _started = GetTimestamp();
            _isRunning = true;
        }

        public bool IsRunning
        {
            get { return _isRunning; }
        }

        public long ElapsedTicks
        {
            get
            {
                if (_isRunning)
                    return _elapsed + GetTimestamp() - _started;
                return _elapsed;
            }
        }

        public long ElapsedMilliseconds
        {
            get { return ElapsedTicks / 10000; }
        }

        public TimeSpan Elapsed
        {
            get { return new TimeSpan(ElapsedTicks); }
        }
    }
}

namespace System.Threading
{
    public sealed class Thread
    {
        private static Thread s_current;
        private string _name;

        private Thread()
        {
        }

        // The runtime is single-threaded: one Thread object, id 1.
        public static Thread CurrentThread
        {
            get
            {
                if (s_current == null)
                    s_current = new Thread();
                return s_current;
            }
        }

        public int ManagedThreadId
        {
            get { return 1; }
        }

        public string Name
        {
            get { return _name; }
            set { _name = value; }
        }

        public bool IsAlive
        {
            get { return true; }
        }

        public bool IsBackground
        {
            get { return false; }
            set { }
        }

        // Suspends the process for `millisecondsTimeout` ms (0 = yield, negative values other than -1 throw).
        [MethodImpl(MethodImplOptions.InternalCall)]
        private static extern void SleepInternal(int millisecondsTimeout);

        public static void Sleep(int millisecondsTimeout)
        {
            if (millisecondsTimeout < -1)
                throw new ArgumentOutOfRangeException("millisecondsTimeout", "Number must be either non-negative and less than or equal to Int32.MaxValue or -1.");
            SleepInternal(millisecondsTimeout);
        }

        public static void Sleep(TimeSpan timeout)
        {
            long ms = (long)timeout.TotalMilliseconds;
            if (ms < -1 || ms > int.MaxValue)
                throw new ArgumentOutOfRangeException("timeout", "Number must be either non-negative and less than or equal to Int32.MaxValue or -1.");
            SleepInternal((int)ms);
        }
    }

    public static class Monitor
    {
        public static void Enter(object obj)
        {
            if (obj == null)
                throw new ArgumentNullException("obj");
        }

        public static void Enter(object obj, ref bool lockTaken)
        {
            if (obj == null)
                throw new ArgumentNullException("obj");
            lockTaken = true;
        }

        public static void Exit(object obj)
        {
            if (obj == null)
                throw new ArgumentNullException("obj");
        }

        public static bool TryEnter(object obj)
        {
            if (obj == null)
                throw new ArgumentNullException("obj");
            return true;
        }

        public static void TryEnter(object obj, ref bool lockTaken)
        {
            if (obj == null)
                throw new ArgumentNullException("obj");
            lockTaken = true;
        }

        public static bool IsEntered(object obj)
        {
            if (obj == null)
                throw new ArgumentNullException("obj");
            return true;
        }

        public static void Pulse(object obj)
        {
        }

        public static void PulseAll(object obj)
        {
        }
    }

    public static class Interlocked
    {
        public static int Increment(ref int location)
        {
            return ++location;
        }

        public static long Increment(ref long location)
        {
            return ++location;
        }

        public static int Decrement(ref int location)
        {
            return --location;
        }

        public static long Decrement(ref long location)
        {
            return --location;
        }

        public static int Add(ref int location1, int value)
        {
            location1 += value;
            return location1;
        }

        public static long Add(ref long location1, long value)
        {
            location1 += value;
            return location1;
        }

        public static int Exchange(ref int location1, int value)
        {
            int old = location1;
            location1 = value;
            return old;
        }

        public static long Exchange(ref long location1, long value)
        {
            long old = location1;
            location1 = value;
            return old;
        }

        public static object Exchange(ref object location1, object value)
        {
            object old = location1;
            location1 = value;
            return old;
        }

        public static int CompareExchange(ref int location1, int value, int comparand)
        {
            int old = location1;
            if (old == comparand)
                location1 = value;
            return old;
        }

        public static long CompareExchange(ref long location1, long value, long comparand)
        {
            long old = location1;
            if (old == comparand)
                location1 = value;
            return old;
        }

        public static object CompareExchange(ref object location1, object value, object comparand)
        {
            object old = location1;
            if (old == comparand)
                location1 = value;
            return old;
        }
    }
}
