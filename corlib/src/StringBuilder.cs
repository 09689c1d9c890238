// StringBuilder: System.Text.StringBuilder, a growable char[] buffer.
namespace System.Text
{
    public enum NormalizationForm
    {
        FormC = 1,
        FormD = 2,
        FormKC = 5,
        FormKD = 6
    }

    public sealed class StringBuilder
    {
        private char[] _chars;
        private int _length;
        private int _maxCapacity;

        private const string IndexRange = "Index was out of range. Must be non-negative and less than the size of the collection.";

        public StringBuilder()
        {
            _chars = new char[16];
            _maxCapacity = int.MaxValue;
        }

        public StringBuilder(int capacity)
        {
            if (capacity < 0)
                throw new ArgumentOutOfRangeException("capacity", "'capacity' must be greater than zero.");
            _chars = new char[capacity == 0 ? 16 : capacity];
            _maxCapacity = int.MaxValue;
        }

        public StringBuilder(int capacity, int maxCapacity)
            : this(capacity)
        {
            _maxCapacity = maxCapacity;
        }

        public StringBuilder(string value)
            : this(value, 16)
        {
        }

        public StringBuilder(string value, int capacity)
        {
            if (capacity < 0)
                throw new ArgumentOutOfRangeException("capacity", "'capacity' must be greater than zero.");
            if (value == null)
                value = String.Empty;
            int cap = capacity == 0 ? 16 : capacity;
            if (cap < value.Length)
                cap = value.Length;
            _chars = new char[cap];
            _maxCapacity = int.MaxValue;
            Append(value);
        }

        public StringBuilder(string value, int startIndex, int length, int capacity)
            : this(capacity)
        {
            if (value == null)
                value = String.Empty;
            Append(value, startIndex, length);
        }

        private void Grow(int needed)
        {
            if (needed <= _chars.Length)
                return;
            int cap = _chars.Length * 2;
            if (cap < needed)
                cap = needed;
            if (cap < 16)
                cap = 16;
            char[] n = new char[cap];
            for (int i = 0; i < _length; i++)
                n[i] = _chars[i];
            _chars = n;
        }

        public int Capacity
        {
            get { return _chars.Length; }
            set
            {
                if (value < _length)
                    throw new ArgumentOutOfRangeException("value", "Capacity is less than this string builder's current length.");
                if (value != _chars.Length)
                {
                    char[] n = new char[value];
                    for (int i = 0; i < _length; i++)
                        n[i] = _chars[i];
                    _chars = n;
                }
            }
        }

        public int MaxCapacity
        {
            get { return _maxCapacity; }
        }

        public int EnsureCapacity(int capacity)
        {
            if (capacity < 0)
                throw new ArgumentOutOfRangeException("capacity", "'capacity' must be greater than zero.");
            Grow(capacity);
            return _chars.Length;
        }

        public int Length
        {
            get { return _length; }
            set
            {
                if (value < 0)
                    throw new ArgumentOutOfRangeException("value", "Length cannot be less than zero.");
                if (value > _length)
                {
                    Grow(value);
                    for (int i = _length; i < value; i++)
                        _chars[i] = '\0';
                }
                _length = value;
            }
        }

        [System.Runtime.CompilerServices.IndexerName("Chars")]
        public char this[int index]
        {
            get
            {
                if ((uint)index >= (uint)_length)
                    throw new IndexOutOfRangeException();
                return _chars[index];
            }
            set
            {
                if ((uint)index >= (uint)_length)
                    throw new ArgumentOutOfRangeException("index", IndexRange);
                _chars[index] = value;
            }
        }

        public override string ToString()
        {
            return String.FromCharArray(_chars, 0, _length);
        }

        public string ToString(int startIndex, int length)
        {
            if (startIndex < 0)
                throw new ArgumentOutOfRangeException("startIndex", "StartIndex cannot be less than zero.");
            if (length < 0)
                throw new ArgumentOutOfRangeException("length", "Length cannot be less than zero.");
            if (startIndex > _length)
                throw new ArgumentOutOfRangeException("startIndex", "startIndex cannot be larger than length of string.");
            if (startIndex > _length - length)
                throw new ArgumentOutOfRangeException("length", "Index and length must refer to a location within the string.");
            return String.FromCharArray(_chars, startIndex, length);
        }

        public StringBuilder Clear()
        {
            _length = 0;
            return this;
        }

        public bool Equals(StringBuilder sb)
        {
            if (sb == null || sb._length != _length)
                return false;
            for (int i = 0; i < _length; i++)
            {
                if (sb._chars[i] != _chars[i])
                    return false;
            }
            return true;
        }

        public void CopyTo(int sourceIndex, char[] destination, int destinationIndex, int count)
        {
            if (destination == null)
                throw new ArgumentNullException("destination");
            if (count < 0)
                throw new ArgumentOutOfRangeException("count", "Count cannot be less than zero.");
            if (sourceIndex < 0 || sourceIndex > _length - count)
                throw new ArgumentOutOfRangeException("sourceIndex", IndexRange);
            if (destinationIndex < 0 || destinationIndex > destination.Length - count)
                throw new ArgumentException("Either offset did not refer to a position in the string, or there is an insufficient length of destination character array.");
            for (int i = 0; i < count; i++)
                destination[destinationIndex + i] = _chars[sourceIndex + i];
        }

        // ------------------------------------------------------------ Append

        public StringBuilder Append(char value, int repeatCount)
        {
            if (repeatCount < 0)
                throw new ArgumentOutOfRangeException("repeatCount", "Count cannot be less than zero.");
            Grow(_length + repeatCount);
            for (int i = 0; i < repeatCount; i++)
                _chars[_length++] = value;
            return this;
        }

        public StringBuilder Append(char[] value, int startIndex, int charCount)
        {
            if (startIndex < 0)
                throw new ArgumentOutOfRangeException("startIndex", "Value must be positive.");
            if (charCount < 0)
                throw new ArgumentOutOfRangeException("count", "Value must be positive.");
            if (value == null)
            {
                if (startIndex == 0 && charCount == 0)
                    return this;
                throw new ArgumentNullException("value");
            }
            if (charCount > value.Length - startIndex)
                throw new ArgumentOutOfRangeException("count", IndexRange);
            Grow(_length + charCount);
            for (int i = 0; i < charCount; i++)
                _chars[_length++] = value[startIndex + i];
            return this;
        }

        public StringBuilder Append(string value)
        {
            if (value == null)
                return this;
            int n = value.Length;
            if (n == 0)
                return this;
            Grow(_length + n);
            String.CopyCharsToArray(value, 0, _chars, _length, n);
            _length += n;
            return this;
        }

        public StringBuilder Append(string value, int startIndex, int count)
        {
            if (startIndex < 0)
                throw new ArgumentOutOfRangeException("startIndex", IndexRange);
            if (count < 0)
                throw new ArgumentOutOfRangeException("count", "Count cannot be less than zero.");
            if (value == null)
            {
                if (startIndex == 0 && count == 0)
                    return this;
                throw new ArgumentNullException("value");
            }
            if (count == 0)
                return this;
            if (startIndex > value.Length - count)
                throw new ArgumentOutOfRangeException("startIndex", IndexRange);
            Grow(_length + count);
            String.CopyCharsToArray(value, startIndex, _chars, _length, count);
            _length += count;
            return this;
        }

        public StringBuilder Append(StringBuilder value)
        {
            if (value == null)
                return this;
            return Append(value._chars, 0, value._length);
        }

        public StringBuilder Append(StringBuilder value, int startIndex, int count)
        {
            if (value == null)
            {
                if (startIndex == 0 && count == 0)
                    return this;
                throw new ArgumentNullException("value");
            }
            if (startIndex < 0 || count < 0 || startIndex > value._length - count)
                throw new ArgumentOutOfRangeException("startIndex", IndexRange);
            return Append(value._chars, startIndex, count);
        }

        public StringBuilder Append(char value)
        {
            if (_length == _chars.Length)
                Grow(_length + 1);
            _chars[_length++] = value;
            return this;
        }

        public StringBuilder Append(char[] value)
        {
            if (value == null)
                return this;
            return Append(value, 0, value.Length);
        }

        public StringBuilder Append(bool value)
        {
            return Append(value.ToString());
        }

        public StringBuilder Append(sbyte value)
        {
            return Append(value.ToString());
        }

        public StringBuilder Append(byte value)
        {
            return Append(value.ToString());
        }

        public StringBuilder Append(short value)
        {
            return Append(value.ToString());
        }

        public StringBuilder Append(ushort value)
        {
            return Append(value.ToString());
        }

        public StringBuilder Append(int value)
        {
            return Append(value.ToString());
        }

        public StringBuilder Append(uint value)
        {
            return Append(value.ToString());
        }

        public StringBuilder Append(long value)
        {
            return Append(value.ToString());
        }

        public StringBuilder Append(ulong value)
        {
            return Append(value.ToString());
        }

        public StringBuilder Append(float value)
        {
            return Append(value.ToString());
        }

        public StringBuilder Append(double value)
        {
            return Append(value.ToString());
        }

        public StringBuilder Append(decimal value)
        {
            return Append(value.ToString());
        }

        public StringBuilder Append(object value)
        {
            if (value == null)
                return this;
            return Append(value.ToString());
        }

        public StringBuilder AppendLine()
        {
            return Append('\n');
        }

        public StringBuilder AppendLine(string value)
        {
            Append(value);
            return Append('\n');
        }

        public StringBuilder AppendJoin(string separator, params object[] values)
        {
            if (values == null)
                throw new ArgumentNullException("values");
            for (int i = 0; i < values.Length; i++)
            {
                if (i > 0)
                    Append(separator);
                if (values[i] != null)
                    Append(values[i].ToString());
            }
            return this;
        }

        public StringBuilder AppendJoin(string separator, params string[] values)
        {
            if (values == null)
                throw new ArgumentNullException("values");
            for (int i = 0; i < values.Length; i++)
            {
                if (i > 0)
                    Append(separator);
                Append(values[i]);
            }
            return this;
        }

        public StringBuilder AppendJoin(char separator, params object[] values)
        {
            return AppendJoin(String.CreateFromChar(separator), values);
        }

        public StringBuilder AppendJoin(char separator, params string[] values)
        {
            return AppendJoin(String.CreateFromChar(separator), values);
        }

        // ------------------------------------------------------------ AppendFormat

        public StringBuilder AppendFormat(string format, object arg0)
        {
            object[] a = new object[1];
            a[0] = arg0;
            CompositeFormat.AppendFormat(this, null, format, a);
            return this;
        }

        public StringBuilder AppendFormat(string format, object arg0, object arg1)
        {
            object[] a = new object[2];
            a[0] = arg0;
            a[1] = arg1;
            CompositeFormat.AppendFormat(this, null, format, a);
            return this;
        }

        public StringBuilder AppendFormat(string format, object arg0, object arg1, object arg2)
        {
            object[] a = new object[3];
            a[0] = arg0;
            a[1] = arg1;
            a[2] = arg2;
            CompositeFormat.AppendFormat(this, null, format, a);
            return this;
        }

        public StringBuilder AppendFormat(string format, params object[] args)
        {
            if (args == null)
                throw new ArgumentNullException(format == null ? "format" : "args");
            CompositeFormat.AppendFormat(this, null, format, args);
            return this;
        }

        public StringBuilder AppendFormat(IFormatProvider provider, string format, object arg0)
        {
            object[] a = new object[1];
            a[0] = arg0;
            CompositeFormat.AppendFormat(this, provider, format, a);
            return this;
        }

        public StringBuilder AppendFormat(IFormatProvider provider, string format, object arg0, object arg1)
        {
            object[] a = new object[2];
            a[0] = arg0;
            a[1] = arg1;
            CompositeFormat.AppendFormat(this, provider, format, a);
            return this;
        }

        public StringBuilder AppendFormat(IFormatProvider provider, string format, object arg0, object arg1, object arg2)
        {
            object[] a = new object[3];
            a[0] = arg0;
            a[1] = arg1;
            a[2] = arg2;
            CompositeFormat.AppendFormat(this, provider, format, a);
            return this;
        }

        public StringBuilder AppendFormat(IFormatProvider provider, string format, params object[] args)
        {
            if (args == null)
                throw new ArgumentNullException(format == null ? "format" : "args");
            CompositeFormat.AppendFormat(this, provider, format, args);
            return this;
        }

        // ------------------------------------------------------------ Insert / Remove / Replace

        private void InsertChars(int index, char[] src, int srcIndex, int count, int repeat)
        {
            if ((uint)index > (uint)_length)
                throw new ArgumentOutOfRangeException("index", IndexRange);
            int total = count * repeat;
            if (total == 0)
                return;
            Grow(_length + total);
            for (int i = _length - 1; i >= index; i--)
                _chars[i + total] = _chars[i];
            int p = index;
            for (int r = 0; r < repeat; r++)
            {
                for (int i = 0; i < count; i++)
                    _chars[p++] = src[srcIndex + i];
            }
            _length += total;
        }

        public StringBuilder Insert(int index, string value, int count)
        {
            if (count < 0)
                throw new ArgumentOutOfRangeException("count", "Count cannot be less than zero.");
            if ((uint)index > (uint)_length)
                throw new ArgumentOutOfRangeException("index", IndexRange);
            if (value == null || value.Length == 0 || count == 0)
                return this;
            InsertChars(index, value.ToCharArray(), 0, value.Length, count);
            return this;
        }

        public StringBuilder Insert(int index, string value)
        {
            if ((uint)index > (uint)_length)
                throw new ArgumentOutOfRangeException("index", IndexRange);
            if (value == null || value.Length == 0)
                return this;
            InsertChars(index, value.ToCharArray(), 0, value.Length, 1);
            return this;
        }

        public StringBuilder Insert(int index, char[] value)
        {
            if ((uint)index > (uint)_length)
                throw new ArgumentOutOfRangeException("index", IndexRange);
            if (value == null)
                return this;
            InsertChars(index, value, 0, value.Length, 1);
            return this;
        }

        public StringBuilder Insert(int index, char[] value, int startIndex, int charCount)
        {
            if ((uint)index > (uint)_length)
                throw new ArgumentOutOfRangeException("index", IndexRange);
            if (value == null)
            {
                if (startIndex == 0 && charCount == 0)
                    return this;
                throw new ArgumentNullException("value", "String reference not set to an instance of a String.");
            }
            if (startIndex < 0)
                throw new ArgumentOutOfRangeException("startIndex", "StartIndex cannot be less than zero.");
            if (charCount < 0)
                throw new ArgumentOutOfRangeException("count", "Value must be positive.");
            if (startIndex > value.Length - charCount)
                throw new ArgumentOutOfRangeException("startIndex", IndexRange);
            InsertChars(index, value, startIndex, charCount, 1);
            return this;
        }

        public StringBuilder Insert(int index, char value)
        {
            char[] one = new char[1];
            one[0] = value;
            InsertChars(index, one, 0, 1, 1);
            return this;
        }

        public StringBuilder Insert(int index, bool value)
        {
            return Insert(index, value.ToString());
        }

        public StringBuilder Insert(int index, sbyte value)
        {
            return Insert(index, value.ToString());
        }

        public StringBuilder Insert(int index, byte value)
        {
            return Insert(index, value.ToString());
        }

        public StringBuilder Insert(int index, short value)
        {
            return Insert(index, value.ToString());
        }

        public StringBuilder Insert(int index, ushort value)
        {
            return Insert(index, value.ToString());
        }

        public StringBuilder Insert(int index, int value)
        {
            return Insert(index, value.ToString());
        }

        public StringBuilder Insert(int index, uint value)
        {
            return Insert(index, value.ToString());
        }

        public StringBuilder Insert(int index, long value)
        {
            return Insert(index, value.ToString());
        }

        public StringBuilder Insert(int index, ulong value)
        {
            return Insert(index, value.ToString());
        }

        public StringBuilder Insert(int index, float value)
        {
            return Insert(index, value.ToString());
        }

        public StringBuilder Insert(int index, double value)
        {
            return Insert(index, value.ToString());
        }

        public StringBuilder Insert(int index, decimal value)
        {
            return Insert(index, value.ToString());
        }

        public StringBuilder Insert(int index, object value)
        {
            if (value == null)
                return this;
            return Insert(index, value.ToString());
        }

        public StringBuilder Remove(int startIndex, int length)
        {
            if (length < 0)
                throw new ArgumentOutOfRangeException("length", "Length cannot be less than zero.");
            if (startIndex < 0)
                throw new ArgumentOutOfRangeException("startIndex", "StartIndex cannot be less than zero.");
            if (length > _length - startIndex)
                throw new ArgumentOutOfRangeException("length", IndexRange);
            if (length == 0)
                return this;
            for (int i = startIndex; i + length < _length; i++)
                _chars[i] = _chars[i + length];
            _length -= length;
            return this;
        }

        public StringBuilder Replace(char oldChar, char newChar)
        {
            return Replace(oldChar, newChar, 0, _length);
        }

        public StringBuilder Replace(char oldChar, char newChar, int startIndex, int count)
        {
            if ((uint)startIndex > (uint)_length)
                throw new ArgumentOutOfRangeException("startIndex", IndexRange);
            if (count < 0 || startIndex > _length - count)
                throw new ArgumentOutOfRangeException("count", IndexRange);
            for (int i = startIndex; i < startIndex + count; i++)
            {
                if (_chars[i] == oldChar)
                    _chars[i] = newChar;
            }
            return this;
        }

        public StringBuilder Replace(string oldValue, string newValue)
        {
            return Replace(oldValue, newValue, 0, _length);
        }

        public StringBuilder Replace(string oldValue, string newValue, int startIndex, int count)
        {
            if ((uint)startIndex > (uint)_length)
                throw new ArgumentOutOfRangeException("startIndex", IndexRange);
            if (count < 0 || startIndex > _length - count)
                throw new ArgumentOutOfRangeException("count", IndexRange);
            if (oldValue == null)
                throw new ArgumentNullException("oldValue");
            if (oldValue.Length == 0)
                throw new ArgumentException("Empty name is not legal.", "oldValue");
            if (newValue == null)
                newValue = String.Empty;
            int ol = oldValue.Length;
            int end = startIndex + count;
            char[] result = new char[_length + 16];
            int rl = 0;
            int i = 0;
            while (i < _length)
            {
                bool match = false;
                if (i >= startIndex && i + ol <= end)
                {
                    match = true;
                    for (int k = 0; k < ol; k++)
                    {
                        if (_chars[i + k] != oldValue[k])
                        {
                            match = false;
                            break;
                        }
                    }
                }
                if (match)
                {
                    if (rl + newValue.Length > result.Length)
                        result = GrowArray(result, rl + newValue.Length + _length);
                    for (int k = 0; k < newValue.Length; k++)
                        result[rl++] = newValue[k];
                    i += ol;
                }
                else
                {
                    if (rl + 1 > result.Length)
                        result = GrowArray(result, rl + 1 + _length);
                    result[rl++] = _chars[i++];
                }
            }
            _chars = result;
            _length = rl;
            return this;
        }

        private static char[] GrowArray(char[] a, int size)
        {
            char[] n = new char[size];
            for (int i = 0; i < a.Length; i++)
                n[i] = a[i];
            return n;
        }
    }
}
