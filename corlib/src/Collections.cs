// Collections: the non-generic System.Collections types (ArrayList, Hashtable, Stack, Queue, Comparer,
// StringComparer, CollectionBase-free). Hashtable follows the .NET/Mono open-addressing scheme (double
// hashing over prime-sized tables, load factor 0.72, enumeration from the last bucket down) so that
// iteration order matches Mono.
using System.Globalization;

namespace System.Collections
{
    public sealed class Comparer : IComparer
    {
        public static readonly Comparer Default = new Comparer(CultureInfo.CurrentCulture);
        public static readonly Comparer DefaultInvariant = new Comparer(CultureInfo.InvariantCulture);

        public Comparer(CultureInfo culture)
        {
            if (culture == null)
                throw new ArgumentNullException("culture");
        }

        public int Compare(object a, object b)
        {
            if (a == b)
                return 0;
            if (a == null)
                return -1;
            if (b == null)
                return 1;
            string sa = a as string;
            string sb = b as string;
            if (sa != null && sb != null)
                return String.Compare(sa, sb);
            IComparable ia = a as IComparable;
            if (ia != null)
                return ia.CompareTo(b);
            IComparable ib = b as IComparable;
            if (ib != null)
                return -ib.CompareTo(a);
            throw new ArgumentException("At least one object must implement IComparable.");
        }
    }

    public class CaseInsensitiveComparer : IComparer
    {
        private static CaseInsensitiveComparer s_default;

        public CaseInsensitiveComparer()
        {
        }

        public CaseInsensitiveComparer(CultureInfo culture)
        {
        }

        public static CaseInsensitiveComparer Default
        {
            get
            {
                if (s_default == null)
                    s_default = new CaseInsensitiveComparer();
                return s_default;
            }
        }

        public static CaseInsensitiveComparer DefaultInvariant
        {
            get { return Default; }
        }

        public int Compare(object a, object b)
        {
            string sa = a as string;
            string sb = b as string;
            if (sa != null && sb != null)
                return String.Compare(sa, sb, true);
            return Comparer.Default.Compare(a, b);
        }
    }

    // ---------------------------------------------------------------- ArrayList

    public class ArrayList : IList, ICloneable
    {
        private object[] _items;
        private int _size;
        private int _version;

        private const string IndexRange = "Index was out of range. Must be non-negative and less than the size of the collection.";

        public ArrayList()
        {
            _items = new object[0];
        }

        public ArrayList(int capacity)
        {
            if (capacity < 0)
                throw new ArgumentOutOfRangeException("capacity", "Non-negative number required.");
            _items = new object[capacity];
        }

        public ArrayList(ICollection c)
        {
            if (c == null)
                throw new ArgumentNullException("c", "Collection cannot be null.");
            _items = new object[c.Count];
            AddRange(c);
        }

        public virtual int Capacity
        {
            get { return _items.Length; }
            set
            {
                if (value < _size)
                    throw new ArgumentOutOfRangeException("value", "capacity was less than the current size.");
                if (value != _items.Length)
                {
                    object[] n = new object[value];
                    Array.Copy(_items, 0, n, 0, _size);
                    _items = n;
                }
            }
        }

        public virtual int Count
        {
            get { return _size; }
        }

        public virtual bool IsFixedSize
        {
            get { return false; }
        }

        public virtual bool IsReadOnly
        {
            get { return false; }
        }

        public virtual bool IsSynchronized
        {
            get { return false; }
        }

        public virtual object SyncRoot
        {
            get { return this; }
        }

        public virtual object this[int index]
        {
            get
            {
                if (index < 0 || index >= _size)
                    throw new ArgumentOutOfRangeException("index", IndexRange);
                return _items[index];
            }
            set
            {
                if (index < 0 || index >= _size)
                    throw new ArgumentOutOfRangeException("index", IndexRange);
                _items[index] = value;
                _version++;
            }
        }

        private void EnsureCapacity(int min)
        {
            if (_items.Length < min)
            {
                int newCapacity = _items.Length == 0 ? 4 : _items.Length * 2;
                if (newCapacity < min)
                    newCapacity = min;
                Capacity = newCapacity;
            }
        }

        public virtual int Add(object value)
        {
            if (_size == _items.Length)
                EnsureCapacity(_size + 1);
            _items[_size] = value;
            _version++;
            return _size++;
        }

        public virtual void AddRange(ICollection c)
        {
            InsertRange(_size, c);
        }

        public virtual void Clear()
        {
            if (_size > 0)
            {
                Array.Clear(_items, 0, _size);
                _size = 0;
            }
            _version++;
        }

        public virtual object Clone()
        {
            ArrayList la = new ArrayList(_size);
            la._size = _size;
            la._version = _version;
            Array.Copy(_items, 0, la._items, 0, _size);
            return la;
        }

        public virtual bool Contains(object item)
        {
            for (int i = 0; i < _size; i++)
            {
                if (item == null)
                {
                    if (_items[i] == null)
                        return true;
                }
                else if (_items[i] != null && _items[i].Equals(item))
                    return true;
            }
            return false;
        }

        public virtual void CopyTo(Array array)
        {
            CopyTo(array, 0);
        }

        public virtual void CopyTo(Array array, int arrayIndex)
        {
            Array.Copy(_items, 0, array, arrayIndex, _size);
        }

        public virtual void CopyTo(int index, Array array, int arrayIndex, int count)
        {
            if (_size - index < count)
                throw new ArgumentException("Offset and length were out of bounds for the array or count is greater than the number of elements from index to the end of the source collection.");
            Array.Copy(_items, index, array, arrayIndex, count);
        }

        public virtual IEnumerator GetEnumerator()
        {
            return new ArrayListEnumerator(this, 0, _size);
        }

        public virtual IEnumerator GetEnumerator(int index, int count)
        {
            if (index < 0 || count < 0)
                throw new ArgumentOutOfRangeException(index < 0 ? "index" : "count", "Non-negative number required.");
            if (_size - index < count)
                throw new ArgumentException("Offset and length were out of bounds for the array or count is greater than the number of elements from index to the end of the source collection.");
            return new ArrayListEnumerator(this, index, count);
        }

        internal int Version
        {
            get { return _version; }
        }

        internal object ItemAt(int i)
        {
            return _items[i];
        }

        public virtual int IndexOf(object value)
        {
            return Array.IndexOf(_items, value, 0, _size);
        }

        public virtual int IndexOf(object value, int startIndex)
        {
            if (startIndex > _size)
                throw new ArgumentOutOfRangeException("startIndex", IndexRange);
            return Array.IndexOf(_items, value, startIndex, _size - startIndex);
        }

        public virtual int IndexOf(object value, int startIndex, int count)
        {
            if (startIndex > _size)
                throw new ArgumentOutOfRangeException("startIndex", IndexRange);
            if (count < 0 || startIndex > _size - count)
                throw new ArgumentOutOfRangeException("count", "Count must be positive and count must refer to a location within the string/array/collection.");
            return Array.IndexOf(_items, value, startIndex, count);
        }

        public virtual int LastIndexOf(object value)
        {
            return LastIndexOf(value, _size - 1, _size);
        }

        public virtual int LastIndexOf(object value, int startIndex)
        {
            if (startIndex >= _size)
                throw new ArgumentOutOfRangeException("startIndex", IndexRange);
            return LastIndexOf(value, startIndex, startIndex + 1);
        }

        public virtual int LastIndexOf(object value, int startIndex, int count)
        {
            if (_size == 0)
                return -1;
            return Array.LastIndexOf(_items, value, startIndex, count);
        }

        public virtual void Insert(int index, object value)
        {
            if (index < 0 || index > _size)
                throw new ArgumentOutOfRangeException("index", "Insertion index was out of range. Must be non-negative and less than or equal to size.");
            if (_size == _items.Length)
                EnsureCapacity(_size + 1);
            if (index < _size)
                Array.Copy(_items, index, _items, index + 1, _size - index);
            _items[index] = value;
            _size++;
            _version++;
        }

        public virtual void InsertRange(int index, ICollection c)
        {
            if (c == null)
                throw new ArgumentNullException("c", "Collection cannot be null.");
            if (index < 0 || index > _size)
                throw new ArgumentOutOfRangeException("index", IndexRange);
            int count = c.Count;
            if (count > 0)
            {
                EnsureCapacity(_size + count);
                if (index < _size)
                    Array.Copy(_items, index, _items, index + count, _size - index);
                object[] itemsToInsert = new object[count];
                c.CopyTo(itemsToInsert, 0);
                for (int i = 0; i < count; i++)
                    _items[index + i] = itemsToInsert[i];
                _size += count;
                _version++;
            }
        }

        public virtual void Remove(object obj)
        {
            int index = IndexOf(obj);
            if (index >= 0)
                RemoveAt(index);
        }

        public virtual void RemoveAt(int index)
        {
            if (index < 0 || index >= _size)
                throw new ArgumentOutOfRangeException("index", IndexRange);
            _size--;
            if (index < _size)
                Array.Copy(_items, index + 1, _items, index, _size - index);
            _items[_size] = null;
            _version++;
        }

        public virtual void RemoveRange(int index, int count)
        {
            if (index < 0 || count < 0)
                throw new ArgumentOutOfRangeException(index < 0 ? "index" : "count", "Non-negative number required.");
            if (_size - index < count)
                throw new ArgumentException("Offset and length were out of bounds for the array or count is greater than the number of elements from index to the end of the source collection.");
            if (count > 0)
            {
                int i = _size;
                _size -= count;
                if (index < _size)
                    Array.Copy(_items, index + count, _items, index, _size - index);
                while (i > _size)
                    _items[--i] = null;
                _version++;
            }
        }

        public static ArrayList Repeat(object value, int count)
        {
            if (count < 0)
                throw new ArgumentOutOfRangeException("count", "Non-negative number required.");
            ArrayList list = new ArrayList(count > 4 ? count : 4);
            for (int i = 0; i < count; i++)
                list.Add(value);
            return list;
        }

        public virtual void Reverse()
        {
            Reverse(0, _size);
        }

        public virtual void Reverse(int index, int count)
        {
            if (index < 0 || count < 0)
                throw new ArgumentOutOfRangeException(index < 0 ? "index" : "count", "Non-negative number required.");
            if (_size - index < count)
                throw new ArgumentException("Offset and length were out of bounds for the array or count is greater than the number of elements from index to the end of the source collection.");
            Array.Reverse(_items, index, count);
            _version++;
        }

        public virtual void SetRange(int index, ICollection c)
        {
            if (c == null)
                throw new ArgumentNullException("c", "Collection cannot be null.");
            int count = c.Count;
            if (index < 0 || index > _size - count)
                throw new ArgumentOutOfRangeException("index", IndexRange);
            if (count > 0)
            {
                c.CopyTo(_items, index);
                _version++;
            }
        }

        public virtual ArrayList GetRange(int index, int count)
        {
            if (index < 0 || count < 0)
                throw new ArgumentOutOfRangeException(index < 0 ? "index" : "count", "Non-negative number required.");
            if (_size - index < count)
                throw new ArgumentException("Offset and length were out of bounds for the array or count is greater than the number of elements from index to the end of the source collection.");
            ArrayList r = new ArrayList(count);
            Array.Copy(_items, index, r._items, 0, count);
            r._size = count;
            return r;
        }

        public virtual void Sort()
        {
            Sort(0, _size, Comparer.Default);
        }

        public virtual void Sort(IComparer comparer)
        {
            Sort(0, _size, comparer);
        }

        public virtual void Sort(int index, int count, IComparer comparer)
        {
            if (index < 0 || count < 0)
                throw new ArgumentOutOfRangeException(index < 0 ? "index" : "count", "Non-negative number required.");
            if (_size - index < count)
                throw new ArgumentException("Offset and length were out of bounds for the array or count is greater than the number of elements from index to the end of the source collection.");
            Array.Sort(_items, index, count, comparer);
            _version++;
        }

        public virtual int BinarySearch(object value)
        {
            return BinarySearch(0, _size, value, null);
        }

        public virtual int BinarySearch(object value, IComparer comparer)
        {
            return BinarySearch(0, _size, value, comparer);
        }

        public virtual int BinarySearch(int index, int count, object value, IComparer comparer)
        {
            if (index < 0 || count < 0)
                throw new ArgumentOutOfRangeException(index < 0 ? "index" : "count", "Non-negative number required.");
            if (_size - index < count)
                throw new ArgumentException("Offset and length were out of bounds for the array or count is greater than the number of elements from index to the end of the source collection.");
            return Array.BinarySearch(_items, index, count, value, comparer);
        }

        public virtual object[] ToArray()
        {
            object[] array = new object[_size];
            Array.Copy(_items, 0, array, 0, _size);
            return array;
        }

        public virtual Array ToArray(Type type)
        {
            if (type == null)
                throw new ArgumentNullException("type");
            Array array = Array.CreateInstance(type, _size);
            for (int i = 0; i < _size; i++)
                array.SetValue(_items[i], i);
            return array;
        }

        public virtual void TrimToSize()
        {
            Capacity = _size;
        }
    }

    internal sealed class ArrayListEnumerator : IEnumerator, ICloneable
    {
        private ArrayList _list;
        private int _index;
        private int _endIndex;
        private int _startIndex;
        private int _version;
        private object _current;

        internal ArrayListEnumerator(ArrayList list, int index, int count)
        {
            _list = list;
            _startIndex = index;
            _index = index - 1;
            _endIndex = index + count;
            _version = list.Version;
        }

        public object Clone()
        {
            return MemberwiseClone();
        }

        public bool MoveNext()
        {
            if (_version != _list.Version)
                throw new InvalidOperationException("Collection was modified; enumeration operation may not execute.");
            if (_index < _endIndex - 1)
            {
                _index++;
                _current = _list.ItemAt(_index);
                return true;
            }
            _index = _endIndex;
            return false;
        }

        public object Current
        {
            get
            {
                if (_index < _startIndex)
                    throw new InvalidOperationException("Enumeration has not started. Call MoveNext.");
                if (_index >= _endIndex)
                    throw new InvalidOperationException("Enumeration already finished.");
                return _current;
            }
        }

        public void Reset()
        {
            if (_version != _list.Version)
                throw new InvalidOperationException("Collection was modified; enumeration operation may not execute.");
            _index = _startIndex - 1;
        }
    }

    // ---------------------------------------------------------------- Hashtable

    public class Hashtable : IDictionary, ICloneable
    {
        // Parallel bucket arrays. A removed slot that was part of a collision chain has its key set to
        // the _keys array itself (the "removed" marker); _hashColl's top bit marks a collision.
        private object[] _keys;
        private object[] _vals;
        private int[] _hashColl;
        private int _count;
        private int _occupancy;
        private int _loadsize;
        private float _loadFactor;
        private int _version;
        private IEqualityComparer _keycomparer;

        private const int HashPrime = 101;

        private static readonly int[] s_primes = new int[] {
            3, 7, 11, 17, 23, 29, 37, 47, 59, 71, 89, 107, 131, 163, 197, 239, 293, 353, 431, 521, 631, 761, 919,
            1103, 1327, 1597, 1931, 2333, 2801, 3371, 4049, 4861, 5839, 7013, 8419, 10103, 12143, 14591,
            17519, 21023, 25229, 30293, 36353, 43627, 52361, 62851, 75431, 90523, 108631, 130363, 156437,
            187751, 225307, 270371, 324449, 389357, 467237, 560689, 672827, 807403, 968897, 1162687, 1395263,
            1674319, 2009191, 2411033, 2893249, 3471899, 4166287, 4999559, 5999471, 7199369
        };

        public Hashtable()
            : this(0, 1.0f)
        {
        }

        public Hashtable(int capacity)
            : this(capacity, 1.0f)
        {
        }

        public Hashtable(int capacity, float loadFactor)
        {
            if (capacity < 0)
                throw new ArgumentOutOfRangeException("capacity", "Non-negative number required.");
            if (!(loadFactor >= 0.1f && loadFactor <= 1.0f))
                throw new ArgumentOutOfRangeException("loadFactor", "Load factor needs to be between 0.1 and 1.0.");
            _loadFactor = 0.72f * loadFactor;
            double rawsize = capacity / _loadFactor;
            if (rawsize > int.MaxValue)
                throw new ArgumentException("Hashtable's capacity overflowed and went negative. Check load factor, capacity and the current size of the table.");
            int hashsize = rawsize > 3 ? GetPrime((int)rawsize) : 3;
            _keys = new object[hashsize];
            _vals = new object[hashsize];
            _hashColl = new int[hashsize];
            _loadsize = (int)(_loadFactor * hashsize);
        }

        public Hashtable(IEqualityComparer equalityComparer)
            : this(0, 1.0f)
        {
            _keycomparer = equalityComparer;
        }

        public Hashtable(int capacity, IEqualityComparer equalityComparer)
            : this(capacity, 1.0f)
        {
            _keycomparer = equalityComparer;
        }

        public Hashtable(IDictionary d)
            : this(d, 1.0f)
        {
        }

        public Hashtable(IDictionary d, float loadFactor)
            : this(d != null ? d.Count : 0, loadFactor)
        {
            if (d == null)
                throw new ArgumentNullException("d", "Dictionary cannot be null.");
            IDictionaryEnumerator e = d.GetEnumerator();
            while (e.MoveNext())
                Add(e.Key, e.Value);
        }

        private static bool IsPrime(int candidate)
        {
            if ((candidate & 1) != 0)
            {
                int limit = (int)Math.Sqrt(candidate);
                for (int divisor = 3; divisor <= limit; divisor += 2)
                {
                    if ((candidate % divisor) == 0)
                        return false;
                }
                return true;
            }
            return candidate == 2;
        }

        private static int GetPrime(int min)
        {
            for (int i = 0; i < s_primes.Length; i++)
            {
                if (s_primes[i] >= min)
                    return s_primes[i];
            }
            for (int i = min | 1; i < int.MaxValue; i += 2)
            {
                if (IsPrime(i) && ((i - 1) % HashPrime != 0))
                    return i;
            }
            return min;
        }

        private static int ExpandPrime(int oldSize)
        {
            int newSize = 2 * oldSize;
            if ((uint)newSize > 0x7FEFFFFDu && 0x7FEFFFFD > oldSize)
                return 0x7FEFFFFD;
            return GetPrime(newSize);
        }

        protected virtual int GetHash(object key)
        {
            if (_keycomparer != null)
                return _keycomparer.GetHashCode(key);
            return key.GetHashCode();
        }

        protected virtual bool KeyEquals(object item, object key)
        {
            if ((object)_keys == item)
                return false;
            if (item == key)
                return true;
            if (_keycomparer != null)
                return _keycomparer.Equals(item, key);
            return item == null ? false : item.Equals(key);
        }

        private uint InitHash(object key, int hashsize, out uint seed, out uint incr)
        {
            uint hashcode = (uint)GetHash(key) & 0x7FFFFFFF;
            seed = hashcode;
            incr = 1 + (seed * HashPrime) % ((uint)hashsize - 1);
            return hashcode;
        }

        public virtual int Count
        {
            get { return _count; }
        }

        public virtual bool IsReadOnly
        {
            get { return false; }
        }

        public virtual bool IsFixedSize
        {
            get { return false; }
        }

        public virtual bool IsSynchronized
        {
            get { return false; }
        }

        public virtual object SyncRoot
        {
            get { return this; }
        }

        public virtual object this[object key]
        {
            get
            {
                if (key == null)
                    throw new ArgumentNullException("key", "Key cannot be null.");
                int slot = FindSlot(key);
                return slot < 0 ? null : _vals[slot];
            }
            set
            {
                Insert(key, value, false);
            }
        }

        private int FindSlot(object key)
        {
            object[] keys = _keys;
            uint seed;
            uint incr;
            uint hashcode = InitHash(key, keys.Length, out seed, out incr);
            int ntry = 0;
            int bucketNumber = (int)(seed % (uint)keys.Length);
            int hc;
            do
            {
                object k = keys[bucketNumber];
                hc = _hashColl[bucketNumber];
                if (k == null)
                    return -1;
                if (((hc & 0x7FFFFFFF) == hashcode) && KeyEquals(k, key))
                    return bucketNumber;
                bucketNumber = (int)(((long)bucketNumber + incr) % (uint)keys.Length);
            }
            while (hc < 0 && ++ntry < keys.Length);
            return -1;
        }

        public virtual void Add(object key, object value)
        {
            Insert(key, value, true);
        }

        public virtual bool Contains(object key)
        {
            return ContainsKey(key);
        }

        public virtual bool ContainsKey(object key)
        {
            if (key == null)
                throw new ArgumentNullException("key", "Key cannot be null.");
            return FindSlot(key) >= 0;
        }

        public virtual bool ContainsValue(object value)
        {
            for (int i = _keys.Length; --i >= 0;)
            {
                object k = _keys[i];
                if (k != null && (object)k != (object)_keys)
                {
                    object v = _vals[i];
                    if (value == null)
                    {
                        if (v == null)
                            return true;
                    }
                    else if (v != null && v.Equals(value))
                        return true;
                }
            }
            return false;
        }

        public virtual void Clear()
        {
            if (_count == 0 && _occupancy == 0)
                return;
            for (int i = 0; i < _keys.Length; i++)
            {
                _keys[i] = null;
                _vals[i] = null;
                _hashColl[i] = 0;
            }
            _count = 0;
            _occupancy = 0;
            _version++;
        }

        public virtual object Clone()
        {
            Hashtable ht = new Hashtable(_count, _keycomparer);
            ht._loadFactor = _loadFactor;
            for (int i = _keys.Length; --i >= 0;)
            {
                object k = _keys[i];
                if (k != null && (object)k != (object)_keys)
                    ht[k] = _vals[i];
            }
            return ht;
        }

        private void Expand()
        {
            Rehash(ExpandPrime(_keys.Length));
        }

        private void Rehash()
        {
            Rehash(_keys.Length);
        }

        private void Rehash(int newsize)
        {
            _occupancy = 0;
            object[] nk = new object[newsize];
            object[] nv = new object[newsize];
            int[] nh = new int[newsize];
            for (int b = 0; b < _keys.Length; b++)
            {
                object k = _keys[b];
                if (k != null && (object)k != (object)_keys)
                    PutEntry(nk, nv, nh, k, _vals[b], _hashColl[b] & 0x7FFFFFFF);
            }
            _keys = nk;
            _vals = nv;
            _hashColl = nh;
            _loadsize = (int)(_loadFactor * newsize);
            _version++;
        }

        private void PutEntry(object[] nk, object[] nv, int[] nh, object key, object nvalue, int hashcode)
        {
            uint seed = (uint)hashcode;
            uint incr = 1 + (seed * HashPrime) % ((uint)nk.Length - 1);
            int bucketNumber = (int)(seed % (uint)nk.Length);
            while (true)
            {
                if (nk[bucketNumber] == null || (object)nk[bucketNumber] == (object)_keys)
                {
                    nv[bucketNumber] = nvalue;
                    nk[bucketNumber] = key;
                    nh[bucketNumber] |= hashcode;
                    return;
                }
                if (nh[bucketNumber] >= 0)
                {
                    nh[bucketNumber] |= unchecked((int)0x80000000);
                    _occupancy++;
                }
                bucketNumber = (int)(((long)bucketNumber + incr) % (uint)nk.Length);
            }
        }

        private void Insert(object key, object nvalue, bool add)
        {
            if (key == null)
                throw new ArgumentNullException("key", "Key cannot be null.");
            if (_count >= _loadsize)
                Expand();
            else if (_occupancy > _loadsize && _count > 100)
                Rehash();
            uint seed;
            uint incr;
            uint hashcode = InitHash(key, _keys.Length, out seed, out incr);
            int ntry = 0;
            int emptySlotNumber = -1;
            int n = _keys.Length;
            int bucketNumber = (int)(seed % (uint)n);
            do
            {
                object k = _keys[bucketNumber];
                if (emptySlotNumber == -1 && (object)k == (object)_keys && _hashColl[bucketNumber] < 0)
                    emptySlotNumber = bucketNumber;
                if (k == null || ((object)k == (object)_keys && (_hashColl[bucketNumber] & unchecked((int)0x80000000)) == 0))
                {
                    if (emptySlotNumber != -1)
                        bucketNumber = emptySlotNumber;
                    _vals[bucketNumber] = nvalue;
                    _keys[bucketNumber] = key;
                    _hashColl[bucketNumber] |= (int)hashcode;
                    _count++;
                    _version++;
                    return;
                }
                if (((_hashColl[bucketNumber] & 0x7FFFFFFF) == hashcode) && KeyEquals(k, key))
                {
                    if (add)
                        throw new ArgumentException("Item has already been added. Key in dictionary: '" + k + "'  Key being added: '" + key + "'");
                    _vals[bucketNumber] = nvalue;
                    _version++;
                    return;
                }
                if (emptySlotNumber == -1)
                {
                    if (_hashColl[bucketNumber] >= 0)
                    {
                        _hashColl[bucketNumber] |= unchecked((int)0x80000000);
                        _occupancy++;
                    }
                }
                bucketNumber = (int)(((long)bucketNumber + incr) % (uint)n);
            }
            while (++ntry < n);
            if (emptySlotNumber != -1)
            {
                _vals[emptySlotNumber] = nvalue;
                _keys[emptySlotNumber] = key;
                _hashColl[emptySlotNumber] |= (int)hashcode;
                _count++;
                _version++;
                return;
            }
            throw new InvalidOperationException("Hashtable insert failed. Load factor too high. The most common cause is multiple threads writing to the Hashtable simultaneously.");
        }

        public virtual void Remove(object key)
        {
            if (key == null)
                throw new ArgumentNullException("key", "Key cannot be null.");
            uint seed;
            uint incr;
            uint hashcode = InitHash(key, _keys.Length, out seed, out incr);
            int ntry = 0;
            int n = _keys.Length;
            int bn = (int)(seed % (uint)n);
            int hc;
            do
            {
                hc = _hashColl[bn];
                if (((hc & 0x7FFFFFFF) == hashcode) && KeyEquals(_keys[bn], key))
                {
                    _hashColl[bn] &= unchecked((int)0x80000000);
                    if (_hashColl[bn] != 0)
                        _keys[bn] = _keys;
                    else
                        _keys[bn] = null;
                    _vals[bn] = null;
                    _count--;
                    _version++;
                    return;
                }
                bn = (int)(((long)bn + incr) % (uint)n);
            }
            while (hc < 0 && ++ntry < n);
        }

        public virtual void CopyTo(Array array, int arrayIndex)
        {
            if (array == null)
                throw new ArgumentNullException("array", "Array cannot be null.");
            if (arrayIndex < 0)
                throw new ArgumentOutOfRangeException("arrayIndex", "Non-negative number required.");
            if (array.Length - arrayIndex < _count)
                throw new ArgumentException("Destination array is not long enough to copy all the items in the collection. Check array index and length.");
            for (int i = _keys.Length; --i >= 0;)
            {
                object k = _keys[i];
                if (k != null && (object)k != (object)_keys)
                    array.SetValue(new DictionaryEntry(k, _vals[i]), arrayIndex++);
            }
        }

        internal int Version
        {
            get { return _version; }
        }

        internal int BucketCount
        {
            get { return _keys.Length; }
        }

        // True when bucket i holds an entry.
        internal bool Occupied(int i)
        {
            object k = _keys[i];
            return k != null && (object)k != (object)_keys;
        }

        internal object KeyAt(int i)
        {
            return _keys[i];
        }

        internal object ValueAt(int i)
        {
            return _vals[i];
        }

        public virtual ICollection Keys
        {
            get { return new HashtableView(this, 1); }
        }

        public virtual ICollection Values
        {
            get { return new HashtableView(this, 2); }
        }

        public virtual IDictionaryEnumerator GetEnumerator()
        {
            return new HashtableEnumerator(this, 3);
        }

        IEnumerator IEnumerable.GetEnumerator()
        {
            return new HashtableEnumerator(this, 3);
        }
    }

    // kind: 1 keys, 2 values, 3 DictionaryEntry.
    internal sealed class HashtableEnumerator : IDictionaryEnumerator, ICloneable
    {
        private Hashtable _table;
        private int _bucket;
        private int _version;
        private bool _current;
        private int _kind;
        private object _currentKey;
        private object _currentValue;

        internal HashtableEnumerator(Hashtable table, int kind)
        {
            _table = table;
            _bucket = table.BucketCount;
            _version = table.Version;
            _kind = kind;
        }

        public object Clone()
        {
            return MemberwiseClone();
        }

        public bool MoveNext()
        {
            if (_version != _table.Version)
                throw new InvalidOperationException("Collection was modified; enumeration operation may not execute.");
            while (_bucket > 0)
            {
                _bucket--;
                if (_table.Occupied(_bucket))
                {
                    _currentKey = _table.KeyAt(_bucket);
                    _currentValue = _table.ValueAt(_bucket);
                    _current = true;
                    return true;
                }
            }
            _current = false;
            return false;
        }

        public object Key
        {
            get
            {
                if (!_current)
                    throw new InvalidOperationException("Enumeration has either not started or has already finished.");
                return _currentKey;
            }
        }

        public object Value
        {
            get
            {
                if (!_current)
                    throw new InvalidOperationException("Enumeration has either not started or has already finished.");
                return _currentValue;
            }
        }

        public DictionaryEntry Entry
        {
            get
            {
                if (!_current)
                    throw new InvalidOperationException("Enumeration has either not started or has already finished.");
                return new DictionaryEntry(_currentKey, _currentValue);
            }
        }

        public object Current
        {
            get
            {
                if (!_current)
                    throw new InvalidOperationException("Enumeration has either not started or has already finished.");
                if (_kind == 1)
                    return _currentKey;
                if (_kind == 2)
                    return _currentValue;
                return new DictionaryEntry(_currentKey, _currentValue);
            }
        }

        public void Reset()
        {
            if (_version != _table.Version)
                throw new InvalidOperationException("Collection was modified; enumeration operation may not execute.");
            _current = false;
            _bucket = _table.BucketCount;
        }
    }

    internal sealed class HashtableView : ICollection
    {
        private Hashtable _table;
        private int _kind;

        internal HashtableView(Hashtable table, int kind)
        {
            _table = table;
            _kind = kind;
        }

        public int Count
        {
            get { return _table.Count; }
        }

        public object SyncRoot
        {
            get { return _table; }
        }

        public bool IsSynchronized
        {
            get { return false; }
        }

        public void CopyTo(Array array, int index)
        {
            if (array == null)
                throw new ArgumentNullException("array");
            if (index < 0)
                throw new ArgumentOutOfRangeException("index", "Non-negative number required.");
            if (array.Length - index < _table.Count)
                throw new ArgumentException("Destination array is not long enough to copy all the items in the collection. Check array index and length.");
            for (int i = _table.BucketCount; --i >= 0;)
            {
                if (_table.Occupied(i))
                    array.SetValue(_kind == 1 ? _table.KeyAt(i) : _table.ValueAt(i), index++);
            }
        }

        public IEnumerator GetEnumerator()
        {
            return new HashtableEnumerator(_table, _kind);
        }
    }

    // ---------------------------------------------------------------- SortedList

    // Keys kept sorted by an IComparer (Comparer.Default unless given); binary search lookups.
    public class SortedList : IDictionary, ICloneable
    {
        private object[] _keys;
        private object[] _values;
        private int _size;
        private int _version;
        private IComparer _comparer;

        private const string IndexRange = "Index was out of range. Must be non-negative and less than the size of the collection.";

        public SortedList()
        {
            _keys = new object[0];
            _values = new object[0];
            _comparer = Comparer.Default;
        }

        public SortedList(int initialCapacity)
        {
            if (initialCapacity < 0)
                throw new ArgumentOutOfRangeException("initialCapacity", "Non-negative number required.");
            _keys = new object[initialCapacity];
            _values = new object[initialCapacity];
            _comparer = Comparer.Default;
        }

        public SortedList(IComparer comparer)
            : this()
        {
            if (comparer != null)
                _comparer = comparer;
        }

        public SortedList(IComparer comparer, int capacity)
            : this(capacity)
        {
            if (comparer != null)
                _comparer = comparer;
        }

        public SortedList(IDictionary d)
            : this(d, null)
        {
        }

        public SortedList(IDictionary d, IComparer comparer)
            : this(comparer, d != null ? d.Count : 0)
        {
            if (d == null)
                throw new ArgumentNullException("d", "Dictionary cannot be null.");
            IDictionaryEnumerator e = d.GetEnumerator();
            while (e.MoveNext())
                Add(e.Key, e.Value);
        }

        public virtual int Capacity
        {
            get { return _keys.Length; }
            set
            {
                if (value < _size)
                    throw new ArgumentOutOfRangeException("value", "capacity was less than the current size.");
                if (value != _keys.Length)
                {
                    object[] nk = new object[value];
                    object[] nv = new object[value];
                    Array.Copy(_keys, 0, nk, 0, _size);
                    Array.Copy(_values, 0, nv, 0, _size);
                    _keys = nk;
                    _values = nv;
                }
            }
        }

        public virtual int Count
        {
            get { return _size; }
        }

        public virtual bool IsReadOnly
        {
            get { return false; }
        }

        public virtual bool IsFixedSize
        {
            get { return false; }
        }

        public virtual bool IsSynchronized
        {
            get { return false; }
        }

        public virtual object SyncRoot
        {
            get { return this; }
        }

        internal int Version
        {
            get { return _version; }
        }

        private void EnsureCapacity(int min)
        {
            int newCapacity = _keys.Length == 0 ? 16 : _keys.Length * 2;
            if (newCapacity < min)
                newCapacity = min;
            Capacity = newCapacity;
        }

        private int Search(object key)
        {
            return Array.BinarySearch(_keys, 0, _size, key, _comparer);
        }

        public virtual void Add(object key, object value)
        {
            if (key == null)
                throw new ArgumentNullException("key", "Key cannot be null.");
            int i = Search(key);
            if (i >= 0)
                throw new ArgumentException("Item has already been added. Key in dictionary: '" + GetKey(i) + "'  Key being added: '" + key + "'");
            Insert(~i, key, value);
        }

        private void Insert(int index, object key, object value)
        {
            if (_size == _keys.Length)
                EnsureCapacity(_size + 1);
            if (index < _size)
            {
                Array.Copy(_keys, index, _keys, index + 1, _size - index);
                Array.Copy(_values, index, _values, index + 1, _size - index);
            }
            _keys[index] = key;
            _values[index] = value;
            _size++;
            _version++;
        }

        public virtual object this[object key]
        {
            get
            {
                int i = IndexOfKey(key);
                return i >= 0 ? _values[i] : null;
            }
            set
            {
                if (key == null)
                    throw new ArgumentNullException("key", "Key cannot be null.");
                int i = Search(key);
                if (i >= 0)
                {
                    _values[i] = value;
                    _version++;
                    return;
                }
                Insert(~i, key, value);
            }
        }

        public virtual void Clear()
        {
            _version++;
            Array.Clear(_keys, 0, _size);
            Array.Clear(_values, 0, _size);
            _size = 0;
        }

        public virtual object Clone()
        {
            SortedList sl = new SortedList(_comparer, _size);
            Array.Copy(_keys, 0, sl._keys, 0, _size);
            Array.Copy(_values, 0, sl._values, 0, _size);
            sl._size = _size;
            sl._version = _version;
            return sl;
        }

        public virtual bool Contains(object key)
        {
            return IndexOfKey(key) >= 0;
        }

        public virtual bool ContainsKey(object key)
        {
            return IndexOfKey(key) >= 0;
        }

        public virtual bool ContainsValue(object value)
        {
            return IndexOfValue(value) >= 0;
        }

        public virtual void CopyTo(Array array, int arrayIndex)
        {
            if (array == null)
                throw new ArgumentNullException("array", "Array cannot be null.");
            if (arrayIndex < 0)
                throw new ArgumentOutOfRangeException("arrayIndex", "Non-negative number required.");
            if (array.Length - arrayIndex < _size)
                throw new ArgumentException("Destination array is not long enough to copy all the items in the collection. Check array index and length.");
            for (int i = 0; i < _size; i++)
                array.SetValue(new DictionaryEntry(_keys[i], _values[i]), i + arrayIndex);
        }

        public virtual object GetByIndex(int index)
        {
            if (index < 0 || index >= _size)
                throw new ArgumentOutOfRangeException("index", IndexRange);
            return _values[index];
        }

        public virtual object GetKey(int index)
        {
            if (index < 0 || index >= _size)
                throw new ArgumentOutOfRangeException("index", IndexRange);
            return _keys[index];
        }

        public virtual void SetByIndex(int index, object value)
        {
            if (index < 0 || index >= _size)
                throw new ArgumentOutOfRangeException("index", IndexRange);
            _values[index] = value;
            _version++;
        }

        public virtual IList GetKeyList()
        {
            return new SortedListView(this, true);
        }

        public virtual IList GetValueList()
        {
            return new SortedListView(this, false);
        }

        public virtual ICollection Keys
        {
            get { return GetKeyList(); }
        }

        public virtual ICollection Values
        {
            get { return GetValueList(); }
        }

        public virtual int IndexOfKey(object key)
        {
            if (key == null)
                throw new ArgumentNullException("key", "Key cannot be null.");
            int i = Search(key);
            return i >= 0 ? i : -1;
        }

        public virtual int IndexOfValue(object value)
        {
            return Array.IndexOf(_values, value, 0, _size);
        }

        public virtual void Remove(object key)
        {
            int i = IndexOfKey(key);
            if (i >= 0)
                RemoveAt(i);
        }

        public virtual void RemoveAt(int index)
        {
            if (index < 0 || index >= _size)
                throw new ArgumentOutOfRangeException("index", IndexRange);
            _size--;
            if (index < _size)
            {
                Array.Copy(_keys, index + 1, _keys, index, _size - index);
                Array.Copy(_values, index + 1, _values, index, _size - index);
            }
            _keys[_size] = null;
            _values[_size] = null;
            _version++;
        }

        public virtual void TrimToSize()
        {
            Capacity = _size;
        }

        public virtual IDictionaryEnumerator GetEnumerator()
        {
            return new SortedListEnumerator(this, 3);
        }

        IEnumerator IEnumerable.GetEnumerator()
        {
            return new SortedListEnumerator(this, 3);
        }

        internal object KeyAt(int i)
        {
            return _keys[i];
        }

        internal object ValueAt(int i)
        {
            return _values[i];
        }
    }

    // kind: 1 keys, 2 values, 3 DictionaryEntry.
    internal sealed class SortedListEnumerator : IDictionaryEnumerator, ICloneable
    {
        private SortedList _list;
        private int _index;
        private int _version;
        private int _kind;
        private bool _current;

        internal SortedListEnumerator(SortedList list, int kind)
        {
            _list = list;
            _version = list.Version;
            _kind = kind;
            _index = -1;
        }

        public object Clone()
        {
            return MemberwiseClone();
        }

        public bool MoveNext()
        {
            if (_version != _list.Version)
                throw new InvalidOperationException("Collection was modified; enumeration operation may not execute.");
            if (_index + 1 < _list.Count)
            {
                _index++;
                _current = true;
                return true;
            }
            _index = _list.Count;
            _current = false;
            return false;
        }

        private void Check()
        {
            if (!_current)
                throw new InvalidOperationException("Enumeration has either not started or has already finished.");
        }

        public object Key
        {
            get
            {
                Check();
                return _list.KeyAt(_index);
            }
        }

        public object Value
        {
            get
            {
                Check();
                return _list.ValueAt(_index);
            }
        }

        public DictionaryEntry Entry
        {
            get
            {
                Check();
                return new DictionaryEntry(_list.KeyAt(_index), _list.ValueAt(_index));
            }
        }

        public object Current
        {
            get
            {
                Check();
                if (_kind == 1)
                    return _list.KeyAt(_index);
                if (_kind == 2)
                    return _list.ValueAt(_index);
                return new DictionaryEntry(_list.KeyAt(_index), _list.ValueAt(_index));
            }
        }

        public void Reset()
        {
            if (_version != _list.Version)
                throw new InvalidOperationException("Collection was modified; enumeration operation may not execute.");
            _index = -1;
            _current = false;
        }
    }

    // Read-only key or value list of a SortedList.
    internal sealed class SortedListView : IList
    {
        private SortedList _list;
        private bool _keys;

        internal SortedListView(SortedList list, bool keys)
        {
            _list = list;
            _keys = keys;
        }

        public int Count
        {
            get { return _list.Count; }
        }

        public bool IsReadOnly
        {
            get { return true; }
        }

        public bool IsFixedSize
        {
            get { return true; }
        }

        public bool IsSynchronized
        {
            get { return false; }
        }

        public object SyncRoot
        {
            get { return _list; }
        }

        public object this[int index]
        {
            get { return _keys ? _list.GetKey(index) : _list.GetByIndex(index); }
            set { throw new NotSupportedException("Mutating a key collection derived from a dictionary is not allowed."); }
        }

        public int Add(object value)
        {
            throw new NotSupportedException("This operation is not supported on SortedList nested types because they require modifying the original SortedList.");
        }

        public void Clear()
        {
            throw new NotSupportedException("This operation is not supported on SortedList nested types because they require modifying the original SortedList.");
        }

        public bool Contains(object value)
        {
            return IndexOf(value) >= 0;
        }

        public void CopyTo(Array array, int index)
        {
            for (int i = 0; i < _list.Count; i++)
                array.SetValue(this[i], index + i);
        }

        public IEnumerator GetEnumerator()
        {
            return new SortedListEnumerator(_list, _keys ? 1 : 2);
        }

        public int IndexOf(object value)
        {
            if (_keys)
            {
                if (value == null)
                    throw new ArgumentNullException("key", "Key cannot be null.");
                return _list.IndexOfKey(value);
            }
            return _list.IndexOfValue(value);
        }

        public void Insert(int index, object value)
        {
            throw new NotSupportedException("This operation is not supported on SortedList nested types because they require modifying the original SortedList.");
        }

        public void Remove(object value)
        {
            throw new NotSupportedException("This operation is not supported on SortedList nested types because they require modifying the original SortedList.");
        }

        public void RemoveAt(int index)
        {
            throw new NotSupportedException("This operation is not supported on SortedList nested types because they require modifying the original SortedList.");
        }
    }

    // ---------------------------------------------------------------- Stack and Queue

    public class Stack : ICollection, ICloneable
    {
        private object[] _array;
        private int _size;
        private int _version;

        public Stack()
        {
            _array = new object[10];
        }

        public Stack(int initialCapacity)
        {
            if (initialCapacity < 0)
                throw new ArgumentOutOfRangeException("initialCapacity", "Non-negative number required.");
            _array = new object[initialCapacity < 10 ? 10 : initialCapacity];
        }

        public Stack(ICollection col)
            : this(col == null ? 32 : col.Count)
        {
            if (col == null)
                throw new ArgumentNullException("col");
            IEnumerator en = col.GetEnumerator();
            while (en.MoveNext())
                Push(en.Current);
        }

        public virtual int Count
        {
            get { return _size; }
        }

        public virtual bool IsSynchronized
        {
            get { return false; }
        }

        public virtual object SyncRoot
        {
            get { return this; }
        }

        internal int Version
        {
            get { return _version; }
        }

        internal object ItemAt(int i)
        {
            return _array[i];
        }

        public virtual void Clear()
        {
            Array.Clear(_array, 0, _size);
            _size = 0;
            _version++;
        }

        public virtual object Clone()
        {
            Stack s = new Stack(_size);
            s._size = _size;
            Array.Copy(_array, 0, s._array, 0, _size);
            s._version = _version;
            return s;
        }

        public virtual bool Contains(object obj)
        {
            int count = _size;
            while (count-- > 0)
            {
                if (obj == null)
                {
                    if (_array[count] == null)
                        return true;
                }
                else if (_array[count] != null && _array[count].Equals(obj))
                    return true;
            }
            return false;
        }

        public virtual void CopyTo(Array array, int index)
        {
            if (array == null)
                throw new ArgumentNullException("array");
            if (index < 0)
                throw new ArgumentOutOfRangeException("index", "Non-negative number required.");
            if (array.Length - index < _size)
                throw new ArgumentException("Offset and length were out of bounds for the array or count is greater than the number of elements from index to the end of the source collection.");
            for (int i = 0; i < _size; i++)
                array.SetValue(_array[_size - i - 1], i + index);
        }

        public virtual IEnumerator GetEnumerator()
        {
            return new StackEnumerator(this);
        }

        public virtual object Peek()
        {
            if (_size == 0)
                throw new InvalidOperationException("Stack empty.");
            return _array[_size - 1];
        }

        public virtual object Pop()
        {
            if (_size == 0)
                throw new InvalidOperationException("Stack empty.");
            _version++;
            object obj = _array[--_size];
            _array[_size] = null;
            return obj;
        }

        public virtual void Push(object obj)
        {
            if (_size == _array.Length)
            {
                object[] newArray = new object[2 * _array.Length];
                Array.Copy(_array, 0, newArray, 0, _size);
                _array = newArray;
            }
            _array[_size++] = obj;
            _version++;
        }

        public virtual object[] ToArray()
        {
            object[] objArray = new object[_size];
            for (int i = 0; i < _size; i++)
                objArray[i] = _array[_size - i - 1];
            return objArray;
        }
    }

    internal sealed class StackEnumerator : IEnumerator, ICloneable
    {
        private Stack _stack;
        private int _index;
        private int _version;
        private object _current;

        internal StackEnumerator(Stack stack)
        {
            _stack = stack;
            _version = stack.Version;
            _index = -2;
        }

        public object Clone()
        {
            return MemberwiseClone();
        }

        public bool MoveNext()
        {
            if (_version != _stack.Version)
                throw new InvalidOperationException("Collection was modified; enumeration operation may not execute.");
            bool retval;
            if (_index == -2)
            {
                _index = _stack.Count - 1;
                retval = _index >= 0;
                if (retval)
                    _current = _stack.ItemAt(_index);
                return retval;
            }
            if (_index == -1)
                return false;
            retval = --_index >= 0;
            if (retval)
                _current = _stack.ItemAt(_index);
            else
                _current = null;
            return retval;
        }

        public object Current
        {
            get
            {
                if (_index == -2)
                    throw new InvalidOperationException("Enumeration has not started. Call MoveNext.");
                if (_index == -1)
                    throw new InvalidOperationException("Enumeration already finished.");
                return _current;
            }
        }

        public void Reset()
        {
            _index = -2;
            _current = null;
        }
    }

    public class Queue : ICollection, ICloneable
    {
        private object[] _array;
        private int _head;
        private int _tail;
        private int _size;
        private int _growFactor;
        private int _version;

        public Queue()
            : this(32, 2.0f)
        {
        }

        public Queue(int capacity)
            : this(capacity, 2.0f)
        {
        }

        public Queue(int capacity, float growFactor)
        {
            if (capacity < 0)
                throw new ArgumentOutOfRangeException("capacity", "Non-negative number required.");
            if (!(growFactor >= 1.0 && growFactor <= 10.0))
                throw new ArgumentOutOfRangeException("growFactor", "Queue grow factor must be between 1.0 and 10.0.");
            _array = new object[capacity];
            _growFactor = (int)(growFactor * 100);
        }

        public Queue(ICollection col)
            : this(col == null ? 32 : col.Count)
        {
            if (col == null)
                throw new ArgumentNullException("col");
            IEnumerator en = col.GetEnumerator();
            while (en.MoveNext())
                Enqueue(en.Current);
        }

        public virtual int Count
        {
            get { return _size; }
        }

        public virtual bool IsSynchronized
        {
            get { return false; }
        }

        public virtual object SyncRoot
        {
            get { return this; }
        }

        internal int Version
        {
            get { return _version; }
        }

        internal object GetElement(int i)
        {
            return _array[(_head + i) % _array.Length];
        }

        public virtual object Clone()
        {
            Queue q = new Queue(_size);
            q._size = _size;
            for (int i = 0; i < _size; i++)
                q._array[i] = GetElement(i);
            q._tail = _size == q._array.Length ? 0 : _size;
            q._version = _version;
            return q;
        }

        public virtual void Clear()
        {
            for (int i = 0; i < _array.Length; i++)
                _array[i] = null;
            _head = 0;
            _tail = 0;
            _size = 0;
            _version++;
        }

        public virtual void CopyTo(Array array, int index)
        {
            if (array == null)
                throw new ArgumentNullException("array");
            if (index < 0)
                throw new ArgumentOutOfRangeException("index", "Index is less than zero.");
            if (array.Length - index < _size)
                throw new ArgumentException("Offset and length were out of bounds for the array or count is greater than the number of elements from index to the end of the source collection.");
            for (int i = 0; i < _size; i++)
                array.SetValue(GetElement(i), index + i);
        }

        public virtual void Enqueue(object obj)
        {
            if (_size == _array.Length)
            {
                int newcapacity = (int)((long)_array.Length * (long)_growFactor / 100);
                if (newcapacity < _array.Length + 4)
                    newcapacity = _array.Length + 4;
                SetCapacity(newcapacity);
            }
            _array[_tail] = obj;
            _tail = (_tail + 1) % _array.Length;
            _size++;
            _version++;
        }

        public virtual IEnumerator GetEnumerator()
        {
            return new QueueEnumerator(this);
        }

        public virtual object Dequeue()
        {
            if (_size == 0)
                throw new InvalidOperationException("Queue empty.");
            object removed = _array[_head];
            _array[_head] = null;
            _head = (_head + 1) % _array.Length;
            _size--;
            _version++;
            return removed;
        }

        public virtual object Peek()
        {
            if (_size == 0)
                throw new InvalidOperationException("Queue empty.");
            return _array[_head];
        }

        public virtual bool Contains(object obj)
        {
            for (int i = 0; i < _size; i++)
            {
                object o = GetElement(i);
                if (obj == null)
                {
                    if (o == null)
                        return true;
                }
                else if (o != null && o.Equals(obj))
                    return true;
            }
            return false;
        }

        public virtual object[] ToArray()
        {
            object[] arr = new object[_size];
            for (int i = 0; i < _size; i++)
                arr[i] = GetElement(i);
            return arr;
        }

        private void SetCapacity(int capacity)
        {
            object[] newarray = new object[capacity];
            for (int i = 0; i < _size; i++)
                newarray[i] = GetElement(i);
            _array = newarray;
            _head = 0;
            _tail = _size == capacity ? 0 : _size;
            _version++;
        }

        public virtual void TrimToSize()
        {
            SetCapacity(_size);
        }
    }

    internal sealed class QueueEnumerator : IEnumerator, ICloneable
    {
        private Queue _q;
        private int _index;
        private int _version;
        private object _currentElement;

        internal QueueEnumerator(Queue q)
        {
            _q = q;
            _version = q.Version;
            _index = 0;
            _currentElement = q;
        }

        public object Clone()
        {
            return MemberwiseClone();
        }

        public bool MoveNext()
        {
            if (_version != _q.Version)
                throw new InvalidOperationException("Collection was modified; enumeration operation may not execute.");
            if (_index < 0)
            {
                _currentElement = _q;
                return false;
            }
            if (_index >= _q.Count)
            {
                _index = -1;
                _currentElement = _q;
                return false;
            }
            _currentElement = _q.GetElement(_index);
            _index++;
            return true;
        }

        public object Current
        {
            get
            {
                if (_currentElement == (object)_q)
                {
                    if (_index == 0)
                        throw new InvalidOperationException("Enumeration has not started. Call MoveNext.");
                    throw new InvalidOperationException("Enumeration already finished.");
                }
                return _currentElement;
            }
        }

        public void Reset()
        {
            _index = 0;
            _currentElement = _q;
        }
    }
}

namespace System
{
    public abstract class StringComparer : System.Collections.IComparer, System.Collections.IEqualityComparer
    {
        private static StringComparer s_ordinal;
        private static StringComparer s_ordinalIgnoreCase;
        private static StringComparer s_culture;
        private static StringComparer s_cultureIgnoreCase;

        protected StringComparer()
        {
        }

        public static StringComparer Ordinal
        {
            get
            {
                if (s_ordinal == null)
                    s_ordinal = new SimpleStringComparer(StringComparison.Ordinal);
                return s_ordinal;
            }
        }

        public static StringComparer OrdinalIgnoreCase
        {
            get
            {
                if (s_ordinalIgnoreCase == null)
                    s_ordinalIgnoreCase = new SimpleStringComparer(StringComparison.OrdinalIgnoreCase);
                return s_ordinalIgnoreCase;
            }
        }

        public static StringComparer CurrentCulture
        {
            get
            {
                if (s_culture == null)
                    s_culture = new SimpleStringComparer(StringComparison.CurrentCulture);
                return s_culture;
            }
        }

        public static StringComparer CurrentCultureIgnoreCase
        {
            get
            {
                if (s_cultureIgnoreCase == null)
                    s_cultureIgnoreCase = new SimpleStringComparer(StringComparison.CurrentCultureIgnoreCase);
                return s_cultureIgnoreCase;
            }
        }

        public static StringComparer InvariantCulture
        {
            get { return CurrentCulture; }
        }

        public static StringComparer InvariantCultureIgnoreCase
        {
            get { return CurrentCultureIgnoreCase; }
        }

        public int Compare(object x, object y)
        {
            if (x == y)
                return 0;
            if (x == null)
                return -1;
            if (y == null)
                return 1;
            string sa = x as string;
            string sb = y as string;
            if (sa != null && sb != null)
                return Compare(sa, sb);
            IComparable ia = x as IComparable;
            if (ia != null)
                return ia.CompareTo(y);
            throw new ArgumentException("At least one object must implement IComparable.");
        }

        public new bool Equals(object x, object y)
        {
            if (x == y)
                return true;
            if (x == null || y == null)
                return false;
            string sa = x as string;
            string sb = y as string;
            if (sa != null && sb != null)
                return Equals(sa, sb);
            return x.Equals(y);
        }

        public int GetHashCode(object obj)
        {
            if (obj == null)
                throw new ArgumentNullException("obj");
            string s = obj as string;
            if (s != null)
                return GetHashCode(s);
            return obj.GetHashCode();
        }

        public abstract int Compare(string x, string y);

        public abstract bool Equals(string x, string y);

        public abstract int GetHashCode(string obj);
    }

    internal sealed class SimpleStringComparer : StringComparer
    {
        private StringComparison _kind;

        internal SimpleStringComparer(StringComparison kind)
        {
            _kind = kind;
        }

        public override int Compare(string x, string y)
        {
            return String.Compare(x, y, _kind);
        }

        public override bool Equals(string x, string y)
        {
            return String.Equals(x, y, _kind);
        }

        public override int GetHashCode(string obj)
        {
            if (obj == null)
                throw new ArgumentNullException("obj");
            if (_kind == StringComparison.Ordinal || _kind == StringComparison.CurrentCulture || _kind == StringComparison.InvariantCulture)
                return obj.GetHashCode();
            return obj.ToUpperInvariant().GetHashCode();
        }
    }
}
