// Array: System.Array, the abstract base of every array (vectors and multi-dimensional arrays; bounds via
// internal calls). Vector layout: int64 length at offset 16, elements from offset 24. Sorting is the introspective sort Mono uses
// (insertion sort up to 16 elements, median-of-three quicksort, heapsort past the depth limit), so that
// equal keys end up in the same order as on Mono.
using System.Collections;
using System.Runtime.CompilerServices;

namespace System
{
    public abstract class Array : ICloneable, IList
    {
        private const string IndexRange = "Index was out of range. Must be non-negative and less than the size of the collection.";

        internal Array()
        {
        }

        // ------------------------------------------------------------ internal calls

        // Element count (the int64 at offset 16, as an int32).
        public extern int Length
        {
            [MethodImpl(MethodImplOptions.InternalCall)]
            get;
        }

        // Element `index` (already bounds-checked), boxed when the element type is a value type.
        [MethodImpl(MethodImplOptions.InternalCall)]
        internal extern object InternalGetValue(int index);

        // Stores `value` (already bounds-checked) into element `index`; unboxes for value-type elements.
        // null stores zero/null. Throws InvalidCastException when value does not fit the element type.
        [MethodImpl(MethodImplOptions.InternalCall)]
        internal extern void InternalSetValue(object value, int index);

        // memmove of `length` elements (ranges already checked). Returns false, copying nothing, when the
        // element types are incompatible for a raw copy (see INTERNAL_CALLS.md).
        [MethodImpl(MethodImplOptions.InternalCall)]
        internal static extern bool FastCopy(Array source, int sourceIndex, Array dest, int destIndex, int length);

        // Zeroes `length` elements starting at `index` (range already checked).
        [MethodImpl(MethodImplOptions.InternalCall)]
        internal static extern void ClearInternal(Array array, int index, int length);

        // Number of dimensions (1 for vectors).
        [MethodImpl(MethodImplOptions.InternalCall)]
        internal extern int GetRank();

        // Length of dimension `dimension` (0 <= dimension < rank, already checked).
        [MethodImpl(MethodImplOptions.InternalCall)]
        internal extern int GetLengthInternal(int dimension);

        // Lower bound of dimension `dimension` (0 <= dimension < rank, already checked).
        [MethodImpl(MethodImplOptions.InternalCall)]
        internal extern int GetLowerBoundInternal(int dimension);

        // A new zeroed single-dimension array of `length` elements of the class `elementClass`.
        [MethodImpl(MethodImplOptions.InternalCall)]
        internal static extern Array CreateInstanceInternal(IntPtr elementClass, int length);

        // ------------------------------------------------------------ properties

        public long LongLength
        {
            get { return Length; }
        }

        public int Rank
        {
            get { return GetRank(); }
        }

        public bool IsFixedSize
        {
            get { return true; }
        }

        public bool IsReadOnly
        {
            get { return false; }
        }

        public bool IsSynchronized
        {
            get { return false; }
        }

        public object SyncRoot
        {
            get { return this; }
        }

        public int GetLength(int dimension)
        {
            if ((uint)dimension >= (uint)GetRank())
                throw new IndexOutOfRangeException();
            return GetLengthInternal(dimension);
        }

        public long GetLongLength(int dimension)
        {
            return GetLength(dimension);
        }

        public int GetLowerBound(int dimension)
        {
            if ((uint)dimension >= (uint)GetRank())
                throw new IndexOutOfRangeException();
            return GetLowerBoundInternal(dimension);
        }

        public int GetUpperBound(int dimension)
        {
            return GetLowerBound(dimension) + GetLength(dimension) - 1;
        }

        private void CheckRank1()
        {
            if (GetRank() != 1)
                throw new ArgumentException("Only single dimension arrays are supported here.");
        }

        private static void CheckRank1(Array array)
        {
            if (array.GetRank() != 1)
                throw new RankException("Only single dimension arrays are supported here.");
        }

        // Row-major linear index of a multi-dimensional position.
        private int LinearIndex(int[] indices)
        {
            int rank = GetRank();
            if (indices.Length != rank)
                throw new ArgumentException("Indices length does not match the array rank.");
            int linear = 0;
            for (int d = 0; d < rank; d++)
            {
                int i = indices[d] - GetLowerBoundInternal(d);
                int len = GetLengthInternal(d);
                if ((uint)i >= (uint)len)
                    throw new IndexOutOfRangeException("Index has to be between upper and lower bound of the array.");
                linear = linear * len + i;
            }
            return linear;
        }

        public void Initialize()
        {
        }

        public object Clone()
        {
            return MemberwiseClone();
        }

        public static Array CreateInstance(Type elementType, int length)
        {
            if (elementType == null)
                throw new ArgumentNullException("elementType");
            if (length < 0)
                throw new ArgumentOutOfRangeException("length", "Non-negative number required.");
            RuntimeType rt = elementType as RuntimeType;
            if (rt == null)
                throw new ArgumentException("Type must be a type provided by the runtime.", "elementType");
            return CreateInstanceInternal(rt._impl, length);
        }

        // ------------------------------------------------------------ element access

        public object GetValue(params int[] indices)
        {
            if (indices == null)
                throw new ArgumentNullException("indices");
            return InternalGetValue(LinearIndex(indices));
        }

        public object GetValue(int index1, int index2)
        {
            int[] ix = new int[2];
            ix[0] = index1;
            ix[1] = index2;
            return InternalGetValue(LinearIndex(ix));
        }

        public object GetValue(int index1, int index2, int index3)
        {
            int[] ix = new int[3];
            ix[0] = index1;
            ix[1] = index2;
            ix[2] = index3;
            return InternalGetValue(LinearIndex(ix));
        }

        public void SetValue(object value, params int[] indices)
        {
            if (indices == null)
                throw new ArgumentNullException("indices");
            InternalSetValue(value, LinearIndex(indices));
        }

        public void SetValue(object value, int index1, int index2)
        {
            int[] ix = new int[2];
            ix[0] = index1;
            ix[1] = index2;
            InternalSetValue(value, LinearIndex(ix));
        }

        public void SetValue(object value, int index1, int index2, int index3)
        {
            int[] ix = new int[3];
            ix[0] = index1;
            ix[1] = index2;
            ix[2] = index3;
            InternalSetValue(value, LinearIndex(ix));
        }

        public object GetValue(int index)
        {
            CheckRank1();
            if ((uint)index >= (uint)Length)
                throw new IndexOutOfRangeException("Index has to be between upper and lower bound of the array.");
            return InternalGetValue(index);
        }

        public object GetValue(long index)
        {
            if (index < 0 || index >= Length)
                throw new IndexOutOfRangeException("Index has to be between upper and lower bound of the array.");
            return InternalGetValue((int)index);
        }

        public void SetValue(object value, int index)
        {
            CheckRank1();
            if ((uint)index >= (uint)Length)
                throw new IndexOutOfRangeException("Index has to be between upper and lower bound of the array.");
            InternalSetValue(value, index);
        }

        public void SetValue(object value, long index)
        {
            if (index < 0 || index >= Length)
                throw new IndexOutOfRangeException("Index has to be between upper and lower bound of the array.");
            InternalSetValue(value, (int)index);
        }

        // ------------------------------------------------------------ copy / clear

        public static void Copy(Array sourceArray, Array destinationArray, int length)
        {
            if (sourceArray == null)
                throw new ArgumentNullException("sourceArray");
            if (destinationArray == null)
                throw new ArgumentNullException("destinationArray");
            Copy(sourceArray, 0, destinationArray, 0, length);
        }

        public static void Copy(Array sourceArray, int sourceIndex, Array destinationArray, int destinationIndex, int length)
        {
            if (sourceArray == null)
                throw new ArgumentNullException("sourceArray");
            if (destinationArray == null)
                throw new ArgumentNullException("destinationArray");
            if (length < 0)
                throw new ArgumentOutOfRangeException("length", "Value has to be >= 0.");
            if (sourceIndex < 0)
                throw new ArgumentOutOfRangeException("sourceIndex", "Value has to be >= 0.");
            if (destinationIndex < 0)
                throw new ArgumentOutOfRangeException("destinationIndex", "Value has to be >= 0.");
            if (sourceIndex > sourceArray.Length - length)
                throw new ArgumentException("length");
            if (destinationIndex > destinationArray.Length - length)
                throw new ArgumentException("Destination array was not long enough. Check destIndex and length, and the array's lower bounds", "destinationArray");
            if (length == 0)
                return;
            if (FastCopy(sourceArray, sourceIndex, destinationArray, destinationIndex, length))
                return;
            // Boxing copy into object[] (e.g. int[] -> object[]).
            object[] dst = destinationArray as object[];
            if (dst != null)
            {
                for (int i = 0; i < length; i++)
                    dst[destinationIndex + i] = sourceArray.InternalGetValue(sourceIndex + i);
                return;
            }
            throw new ArrayTypeMismatchException();
        }

        public static void Copy(Array sourceArray, Array destinationArray, long length)
        {
            if (length > int.MaxValue || length < int.MinValue)
                throw new ArgumentOutOfRangeException("length", "Arrays larger than 2GB are not supported.");
            Copy(sourceArray, destinationArray, (int)length);
        }

        public static void Copy(Array sourceArray, long sourceIndex, Array destinationArray, long destinationIndex, long length)
        {
            if (sourceIndex > int.MaxValue || sourceIndex < int.MinValue)
                throw new ArgumentOutOfRangeException("sourceIndex", "Arrays larger than 2GB are not supported.");
            if (destinationIndex > int.MaxValue || destinationIndex < int.MinValue)
                throw new ArgumentOutOfRangeException("destinationIndex", "Arrays larger than 2GB are not supported.");
            if (length > int.MaxValue || length < int.MinValue)
                throw new ArgumentOutOfRangeException("length", "Arrays larger than 2GB are not supported.");
            Copy(sourceArray, (int)sourceIndex, destinationArray, (int)destinationIndex, (int)length);
        }

        public static void ConstrainedCopy(Array sourceArray, int sourceIndex, Array destinationArray, int destinationIndex, int length)
        {
            Copy(sourceArray, sourceIndex, destinationArray, destinationIndex, length);
        }

        public void CopyTo(Array array, int index)
        {
            if (array == null)
                throw new ArgumentNullException("array");
            Copy(this, 0, array, index, Length);
        }

        public void CopyTo(Array array, long index)
        {
            if (index > int.MaxValue || index < int.MinValue)
                throw new ArgumentOutOfRangeException("index", "Arrays larger than 2GB are not supported.");
            CopyTo(array, (int)index);
        }

        public static void Clear(Array array, int index, int length)
        {
            if (array == null)
                throw new ArgumentNullException("array");
            if (length < 0)
                throw new IndexOutOfRangeException("length < 0");
            if (index < 0)
                throw new IndexOutOfRangeException("index < lower bound");
            if (index > array.Length - length)
                throw new IndexOutOfRangeException("index + length > size");
            if (length > 0)
                ClearInternal(array, index, length);
        }

        // ------------------------------------------------------------ searching

        public static int IndexOf(Array array, object value)
        {
            if (array == null)
                throw new ArgumentNullException("array");
            return IndexOf(array, value, 0, array.Length);
        }

        public static int IndexOf(Array array, object value, int startIndex)
        {
            if (array == null)
                throw new ArgumentNullException("array");
            return IndexOf(array, value, startIndex, array.Length - startIndex);
        }

        public static int IndexOf(Array array, object value, int startIndex, int count)
        {
            if (array == null)
                throw new ArgumentNullException("array");
            CheckRank1(array);
            if (startIndex < 0 || startIndex > array.Length)
                throw new ArgumentOutOfRangeException("startIndex", IndexRange);
            if (count < 0 || count > array.Length - startIndex)
                throw new ArgumentOutOfRangeException("count", "Count must be positive and count must refer to a location within the string/array/collection.");
            int end = startIndex + count;
            for (int i = startIndex; i < end; i++)
            {
                object o = array.InternalGetValue(i);
                if (o == null)
                {
                    if (value == null)
                        return i;
                }
                else if (o.Equals(value))
                    return i;
            }
            return -1;
        }

        public static int LastIndexOf(Array array, object value)
        {
            if (array == null)
                throw new ArgumentNullException("array");
            return LastIndexOf(array, value, array.Length - 1, array.Length);
        }

        public static int LastIndexOf(Array array, object value, int startIndex)
        {
            if (array == null)
                throw new ArgumentNullException("array");
            return LastIndexOf(array, value, startIndex, startIndex + 1);
        }

        public static int LastIndexOf(Array array, object value, int startIndex, int count)
        {
            if (array == null)
                throw new ArgumentNullException("array");
            if (array.Length == 0)
                return -1;
            if (startIndex < 0 || startIndex >= array.Length)
                throw new ArgumentOutOfRangeException("startIndex", IndexRange);
            if (count < 0 || count > startIndex + 1)
                throw new ArgumentOutOfRangeException("count", "Count must be positive and count must refer to a location within the string/array/collection.");
            int end = startIndex - count;
            for (int i = startIndex; i > end; i--)
            {
                object o = array.InternalGetValue(i);
                if (o == null)
                {
                    if (value == null)
                        return i;
                }
                else if (o.Equals(value))
                    return i;
            }
            return -1;
        }

        public static int BinarySearch(Array array, object value)
        {
            if (array == null)
                throw new ArgumentNullException("array");
            return BinarySearch(array, 0, array.Length, value, null);
        }

        public static int BinarySearch(Array array, object value, IComparer comparer)
        {
            if (array == null)
                throw new ArgumentNullException("array");
            return BinarySearch(array, 0, array.Length, value, comparer);
        }

        public static int BinarySearch(Array array, int index, int length, object value)
        {
            return BinarySearch(array, index, length, value, null);
        }

        public static int BinarySearch(Array array, int index, int length, object value, IComparer comparer)
        {
            if (array == null)
                throw new ArgumentNullException("array");
            if (index < 0 || length < 0)
                throw new ArgumentOutOfRangeException(index < 0 ? "index" : "length", "Non-negative number required.");
            if (array.Length - index < length)
                throw new ArgumentException("Offset and length were out of bounds for the array or count is greater than the number of elements from index to the end of the source collection.");
            if (comparer == null)
                comparer = Comparer.Default;
            int lo = index;
            int hi = index + length - 1;
            while (lo <= hi)
            {
                int mid = lo + ((hi - lo) >> 1);
                int c = comparer.Compare(array.InternalGetValue(mid), value);
                if (c == 0)
                    return mid;
                if (c < 0)
                    lo = mid + 1;
                else
                    hi = mid - 1;
            }
            return ~lo;
        }

        // ------------------------------------------------------------ reverse / sort

        public static void Reverse(Array array)
        {
            if (array == null)
                throw new ArgumentNullException("array");
            Reverse(array, 0, array.Length);
        }

        public static void Reverse(Array array, int index, int length)
        {
            if (array == null)
                throw new ArgumentNullException("array");
            CheckRank1(array);
            if (index < 0 || length < 0)
                throw new ArgumentOutOfRangeException(index < 0 ? "index" : "length", "Non-negative number required.");
            if (array.Length - index < length)
                throw new ArgumentException("Offset and length were out of bounds for the array or count is greater than the number of elements from index to the end of the source collection.");
            int i = index;
            int j = index + length - 1;
            object[] oa = array as object[];
            while (i < j)
            {
                if (oa != null)
                {
                    object t = oa[i];
                    oa[i] = oa[j];
                    oa[j] = t;
                }
                else
                {
                    object t = array.InternalGetValue(i);
                    array.InternalSetValue(array.InternalGetValue(j), i);
                    array.InternalSetValue(t, j);
                }
                i++;
                j--;
            }
        }

        public static void Sort(Array array)
        {
            if (array == null)
                throw new ArgumentNullException("array");
            Sort(array, null, 0, array.Length, null);
        }

        public static void Sort(Array array, IComparer comparer)
        {
            if (array == null)
                throw new ArgumentNullException("array");
            Sort(array, null, 0, array.Length, comparer);
        }

        public static void Sort(Array array, int index, int length)
        {
            Sort(array, null, index, length, null);
        }

        public static void Sort(Array array, int index, int length, IComparer comparer)
        {
            Sort(array, null, index, length, comparer);
        }

        public static void Sort(Array keys, Array items)
        {
            if (keys == null)
                throw new ArgumentNullException("keys");
            Sort(keys, items, 0, keys.Length, null);
        }

        public static void Sort(Array keys, Array items, IComparer comparer)
        {
            if (keys == null)
                throw new ArgumentNullException("keys");
            Sort(keys, items, 0, keys.Length, comparer);
        }

        public static void Sort(Array keys, Array items, int index, int length)
        {
            Sort(keys, items, index, length, null);
        }

        public static void Sort(Array keys, Array items, int index, int length, IComparer comparer)
        {
            if (keys == null)
                throw new ArgumentNullException("keys");
            CheckRank1(keys);
            if (index < 0 || length < 0)
                throw new ArgumentOutOfRangeException(length < 0 ? "length" : "index", "Non-negative number required.");
            if (keys.Length - index < length || (items != null && index > items.Length - length))
                throw new ArgumentException("Offset and length were out of bounds for the array or count is greater than the number of elements from index to the end of the source collection.");
            if (length < 2)
                return;
            if (comparer == null)
                comparer = Comparer.Default;
            object[] k = keys as object[];
            object[] it = items as object[];
            bool copyKeys = k == null;
            bool copyItems = items != null && it == null;
            int lo = index;
            if (copyKeys)
            {
                k = new object[length];
                for (int i = 0; i < length; i++)
                    k[i] = keys.InternalGetValue(index + i);
                lo = 0;
            }
            if (items != null && (copyKeys || copyItems))
            {
                object[] ic = new object[length];
                for (int i = 0; i < length; i++)
                    ic[i] = items.InternalGetValue(index + i);
                it = ic;
                if (!copyKeys)
                {
                    // keys sorted in place, items copied: sort on a shifted view is not possible, copy keys too.
                    object[] kc = new object[length];
                    for (int i = 0; i < length; i++)
                        kc[i] = k[index + i];
                    k = kc;
                    copyKeys = true;
                }
                lo = 0;
                copyItems = true;
            }
            ObjectSorter sorter = new ObjectSorter(k, it, comparer);
            sorter.Sort(lo, length);
            if (copyKeys)
            {
                for (int i = 0; i < length; i++)
                    keys.InternalSetValue(k[i], index + i);
            }
            if (copyItems && items != null)
            {
                for (int i = 0; i < length; i++)
                    items.InternalSetValue(it[i], index + i);
            }
        }

        // ------------------------------------------------------------ enumeration and IList

        public IEnumerator GetEnumerator()
        {
            return new ArrayEnumerator(this);
        }

        int ICollection.Count
        {
            get { return Length; }
        }

        object IList.this[int index]
        {
            get { return GetValue(index); }
            set { SetValue(value, index); }
        }

        int IList.Add(object value)
        {
            throw new NotSupportedException("Collection was of a fixed size.");
        }

        bool IList.Contains(object value)
        {
            return IndexOf(this, value) >= 0;
        }

        void IList.Clear()
        {
            Clear(this, 0, Length);
        }

        int IList.IndexOf(object value)
        {
            return IndexOf(this, value);
        }

        void IList.Insert(int index, object value)
        {
            throw new NotSupportedException("Collection was of a fixed size.");
        }

        void IList.Remove(object value)
        {
            throw new NotSupportedException("Collection was of a fixed size.");
        }

        void IList.RemoveAt(int index)
        {
            throw new NotSupportedException("Collection was of a fixed size.");
        }
    }

    internal sealed class ArrayEnumerator : IEnumerator, ICloneable
    {
        private Array _array;
        private int _index;

        internal ArrayEnumerator(Array array)
        {
            _array = array;
            _index = -1;
        }

        public bool MoveNext()
        {
            if (_index < _array.Length - 1)
            {
                _index++;
                return true;
            }
            _index = _array.Length;
            return false;
        }

        public object Current
        {
            get
            {
                if (_index < 0)
                    throw new InvalidOperationException("Enumeration has not started. Call MoveNext.");
                if (_index >= _array.Length)
                    throw new InvalidOperationException("Enumeration already finished.");
                return _array.InternalGetValue(_index);
            }
        }

        public void Reset()
        {
            _index = -1;
        }

        public object Clone()
        {
            return MemberwiseClone();
        }
    }

    // The introspective sort of .NET/Mono on object keys (and optional parallel items).
    internal sealed class ObjectSorter
    {
        private object[] _keys;
        private object[] _items;
        private IComparer _comparer;

        internal ObjectSorter(object[] keys, object[] items, IComparer comparer)
        {
            _keys = keys;
            _items = items;
            _comparer = comparer;
        }

        internal void Sort(int left, int length)
        {
            if (length < 2)
                return;
            IntroSort(left, length + left - 1, 2 * FloorLog2PlusOne(length));
        }

        private static int FloorLog2PlusOne(int n)
        {
            int result = 0;
            while (n >= 1)
            {
                result++;
                n = n / 2;
            }
            return result;
        }

        private int Cmp(object a, object b)
        {
            return _comparer.Compare(a, b);
        }

        private void SwapIfGreater(int a, int b)
        {
            if (a != b && Cmp(_keys[a], _keys[b]) > 0)
                Swap(a, b);
        }

        private void Swap(int i, int j)
        {
            object t = _keys[i];
            _keys[i] = _keys[j];
            _keys[j] = t;
            if (_items != null)
            {
                object u = _items[i];
                _items[i] = _items[j];
                _items[j] = u;
            }
        }

        private void IntroSort(int lo, int hi, int depthLimit)
        {
            while (hi > lo)
            {
                int partitionSize = hi - lo + 1;
                if (partitionSize <= 16)
                {
                    if (partitionSize == 1)
                        return;
                    if (partitionSize == 2)
                    {
                        SwapIfGreater(lo, hi);
                        return;
                    }
                    if (partitionSize == 3)
                    {
                        SwapIfGreater(lo, hi - 1);
                        SwapIfGreater(lo, hi);
                        SwapIfGreater(hi - 1, hi);
                        return;
                    }
                    InsertionSort(lo, hi);
                    return;
                }
                if (depthLimit == 0)
                {
                    Heapsort(lo, hi);
                    return;
                }
                depthLimit--;
                int p = PickPivotAndPartition(lo, hi);
                IntroSort(p + 1, hi, depthLimit);
                hi = p - 1;
            }
        }

        private int PickPivotAndPartition(int lo, int hi)
        {
            int mid = lo + (hi - lo) / 2;
            SwapIfGreater(lo, mid);
            SwapIfGreater(lo, hi);
            SwapIfGreater(mid, hi);
            object pivot = _keys[mid];
            Swap(mid, hi - 1);
            int left = lo;
            int right = hi - 1;
            while (left < right)
            {
                while (Cmp(_keys[++left], pivot) < 0)
                {
                }
                while (Cmp(pivot, _keys[--right]) < 0)
                {
                }
                if (left >= right)
                    break;
                Swap(left, right);
            }
            Swap(left, hi - 1);
            return left;
        }

        private void Heapsort(int lo, int hi)
        {
            int n = hi - lo + 1;
            for (int i = n / 2; i >= 1; i--)
                DownHeap(i, n, lo);
            for (int i = n; i > 1; i--)
            {
                Swap(lo, lo + i - 1);
                DownHeap(1, i - 1, lo);
            }
        }

        private void DownHeap(int i, int n, int lo)
        {
            object d = _keys[lo + i - 1];
            object dt = _items != null ? _items[lo + i - 1] : null;
            while (i <= n / 2)
            {
                int child = 2 * i;
                if (child < n && Cmp(_keys[lo + child - 1], _keys[lo + child]) < 0)
                    child++;
                if (!(Cmp(d, _keys[lo + child - 1]) < 0))
                    break;
                _keys[lo + i - 1] = _keys[lo + child - 1];
                if (_items != null)
                    _items[lo + i - 1] = _items[lo + child - 1];
                i = child;
            }
            _keys[lo + i - 1] = d;
            if (_items != null)
                _items[lo + i - 1] = dt;
        }

        private void InsertionSort(int lo, int hi)
        {
            for (int i = lo; i < hi; i++)
            {
                int j = i;
                object t = _keys[i + 1];
                object ti = _items != null ? _items[i + 1] : null;
                while (j >= lo && Cmp(t, _keys[j]) < 0)
                {
                    _keys[j + 1] = _keys[j];
                    if (_items != null)
                        _items[j + 1] = _items[j];
                    j--;
                }
                _keys[j + 1] = t;
                if (_items != null)
                    _items[j + 1] = ti;
            }
        }
    }
}
