// PyInterp: an IronPython-style workload. A small dynamic-language (Python-like)
// tree-walking interpreter in which every value is a PyObject (PyInt, PyFloat, PyStr,
// PyList, PyDict, PyFunction, PyClass, PyInstance, ...). Operators, calls and
// attribute access go through virtual methods and the IPyCallable / IPyNumber interfaces;
// dictionaries and attribute tables are hand-written hash tables (no generics).
// Scripts are ASTs built directly in C#: recursive fib, boxed int/float arithmetic
// loops, method calls on user objects with inheritance and operator overloading,
// dict/list work. Each result is checked against a native C# computation of the
// same thing, and the default run's checksum against a constant.
// Usage: PyInterp.exe [scale]
using System;
using System.Text;

// A Python-level error is fatal here (the interpreter has no except clauses): it is
// reported like a traceback's last line and the benchmark fails.
static class PyErr {
    public static PyObject Raise(string kind, string msg) {
        Console.WriteLine(kind + ": " + msg);
        Console.WriteLine("WRONG");
        Environment.Exit(1);
        return null;
    }
}

interface IPyCallable {
    PyObject Call(PyObject[] args);
}

// Implemented by the numeric types (int, bool, float): mixed-type arithmetic asks the
// other operand for its value through this interface.
interface IPyNumber {
    double AsDouble();
    bool IsIntegral { get; }
}

abstract class PyObject {
    public abstract string TypeName { get; }
    protected PyObject TypeError(string op, PyObject other) {
        return PyErr.Raise("TypeError", "unsupported operand for " + op + ": '" + TypeName + "' and '" + other.TypeName + "'");
    }
    public virtual PyObject Add(PyObject o) { return TypeError("+", o); }
    public virtual PyObject Sub(PyObject o) { return TypeError("-", o); }
    public virtual PyObject Mul(PyObject o) { return TypeError("*", o); }
    public virtual PyObject TrueDiv(PyObject o) { return TypeError("/", o); }
    public virtual PyObject FloorDiv(PyObject o) { return TypeError("//", o); }
    public virtual PyObject Mod(PyObject o) { return TypeError("%", o); }
    public virtual PyObject Lt(PyObject o) { return TypeError("<", o); }
    public virtual PyObject Le(PyObject o) { return TypeError("<=", o); }
    public virtual PyObject Gt(PyObject o) { return o.Lt(this); }
    public virtual PyObject Ge(PyObject o) { return o.Le(this); }
    public virtual bool PyEquals(PyObject o) { return (object)this == (object)o; }
    public virtual int Hash() { PyErr.Raise("TypeError", "unhashable type: '" + TypeName + "'"); return 0; }
    public virtual bool IsTrue() { return true; }
    public virtual PyObject GetAttr(string name) {
        return PyErr.Raise("AttributeError", "'" + TypeName + "' object has no attribute '" + name + "'");
    }
    public virtual void SetAttr(string name, PyObject value) {
        { PyErr.Raise("AttributeError", "cannot set '" + name + "' on '" + TypeName + "'"); return; }
    }
    public virtual PyObject GetItem(PyObject key) { return PyErr.Raise("TypeError", "'" + TypeName + "' is not subscriptable"); }
    public virtual void SetItem(PyObject key, PyObject value) { PyErr.Raise("TypeError", "'" + TypeName + "' does not support item assignment"); return; }
    public virtual bool Contains(PyObject item) { PyErr.Raise("TypeError", "'" + TypeName + "' is not a container"); return false; }
    public virtual int Len() { PyErr.Raise("TypeError", "object of type '" + TypeName + "' has no len()"); return 0; }
    public virtual PyIterator Iter() { PyErr.Raise("TypeError", "'" + TypeName + "' object is not iterable"); return null; }
    public virtual string Repr() { return "<" + TypeName + " object>"; }
    public virtual string Str() { return Repr(); }
}

abstract class PyIterator {
    // returns null when exhausted
    public abstract PyObject Next();
}

sealed class PyNone : PyObject {
    public static readonly PyNone Instance = new PyNone();
    public override string TypeName { get { return "NoneType"; } }
    public override bool IsTrue() { return false; }
    public override string Repr() { return "None"; }
    public override int Hash() { return 0x1234; }
}

class PyInt : PyObject, IPyNumber {
    public readonly long Value;
    static readonly PyInt[] small;
    static PyInt() {
        small = new PyInt[262];
        for (int i = 0; i < small.Length; i++) small[i] = new PyInt(i - 5);
    }
    protected PyInt(long v) { Value = v; }
    public static PyInt Make(long v) {
        if (v >= -5 && v <= 256) return small[(int)v + 5];
        return new PyInt(v);
    }
    public override string TypeName { get { return "int"; } }
    public double AsDouble() { return Value; }
    public bool IsIntegral { get { return true; } }
    public override bool IsTrue() { return Value != 0; }
    public override int Hash() { return (int)(Value ^ (Value >> 32)); }
    public override string Repr() { return Value.ToString(); }
    public override bool PyEquals(PyObject o) {
        PyInt i = o as PyInt; if (i != null) return Value == i.Value;
        PyFloat f = o as PyFloat; if (f != null) return (double)Value == f.Value;
        return false;
    }
    static long FloorDivL(long a, long b) {
        if (b == 0) { PyErr.Raise("ZeroDivisionError", "integer division or modulo by zero"); return 0; }
        long q = a / b;
        if ((a % b != 0) && ((a < 0) != (b < 0))) q--;
        return q;
    }
    static long FloorModL(long a, long b) {
        if (b == 0) { PyErr.Raise("ZeroDivisionError", "integer division or modulo by zero"); return 0; }
        long r = a % b;
        if (r != 0 && ((r < 0) != (b < 0))) r += b;
        return r;
    }
    public override PyObject Add(PyObject o) {
        PyInt i = o as PyInt; if (i != null) return Make(Value + i.Value);
        PyFloat f = o as PyFloat; if (f != null) return new PyFloat(Value + f.Value);
        return base.Add(o);
    }
    public override PyObject Sub(PyObject o) {
        PyInt i = o as PyInt; if (i != null) return Make(Value - i.Value);
        PyFloat f = o as PyFloat; if (f != null) return new PyFloat(Value - f.Value);
        return base.Sub(o);
    }
    public override PyObject Mul(PyObject o) {
        PyInt i = o as PyInt; if (i != null) return Make(Value * i.Value);
        PyFloat f = o as PyFloat; if (f != null) return new PyFloat(Value * f.Value);
        PyList l = o as PyList; if (l != null) return l.Mul(this);
        return base.Mul(o);
    }
    public override PyObject TrueDiv(PyObject o) {
        PyInt i = o as PyInt;
        if (i != null) {
            if (i.Value == 0) return PyErr.Raise("ZeroDivisionError", "division by zero");
            return new PyFloat((double)Value / i.Value);
        }
        PyFloat f = o as PyFloat; if (f != null) return new PyFloat(Value / f.Value);
        return base.TrueDiv(o);
    }
    public override PyObject FloorDiv(PyObject o) {
        PyInt i = o as PyInt; if (i != null) return Make(FloorDivL(Value, i.Value));
        return base.FloorDiv(o);
    }
    public override PyObject Mod(PyObject o) {
        PyInt i = o as PyInt; if (i != null) return Make(FloorModL(Value, i.Value));
        return base.Mod(o);
    }
    public override PyObject Lt(PyObject o) {
        PyInt i = o as PyInt; if (i != null) return PyBool.Of(Value < i.Value);
        PyFloat f = o as PyFloat; if (f != null) return PyBool.Of(Value < f.Value);
        return base.Lt(o);
    }
    public override PyObject Le(PyObject o) {
        PyInt i = o as PyInt; if (i != null) return PyBool.Of(Value <= i.Value);
        PyFloat f = o as PyFloat; if (f != null) return PyBool.Of(Value <= f.Value);
        return base.Le(o);
    }
    public override PyObject Gt(PyObject o) {
        PyInt i = o as PyInt; if (i != null) return PyBool.Of(Value > i.Value);
        return base.Gt(o);
    }
    public override PyObject Ge(PyObject o) {
        PyInt i = o as PyInt; if (i != null) return PyBool.Of(Value >= i.Value);
        return base.Ge(o);
    }
}

sealed class PyBool : PyInt {
    public static readonly PyBool True = new PyBool(1);
    public static readonly PyBool False = new PyBool(0);
    PyBool(long v) : base(v) { }
    public static PyBool Of(bool b) { return b ? True : False; }
    public override string TypeName { get { return "bool"; } }
    public override string Repr() { return Value != 0 ? "True" : "False"; }
}

sealed class PyFloat : PyObject, IPyNumber {
    public readonly double Value;
    public PyFloat(double v) { Value = v; }
    public override string TypeName { get { return "float"; } }
    public double AsDouble() { return Value; }
    public bool IsIntegral { get { return false; } }
    public override bool IsTrue() { return Value != 0.0; }
    public override string Repr() { return Value.ToString("R"); }
    public override int Hash() { return Value.GetHashCode(); }
    public override bool PyEquals(PyObject o) {
        PyFloat f = o as PyFloat; if (f != null) return Value == f.Value;
        PyInt i = o as PyInt; if (i != null) return Value == (double)i.Value;
        return false;
    }
    static bool ToDouble(PyObject o, out double d) {
        IPyNumber n = o as IPyNumber;
        if (n != null) { d = n.AsDouble(); return true; }
        d = 0; return false;
    }
    public override PyObject Add(PyObject o) { double d; if (ToDouble(o, out d)) return new PyFloat(Value + d); return base.Add(o); }
    public override PyObject Sub(PyObject o) { double d; if (ToDouble(o, out d)) return new PyFloat(Value - d); return base.Sub(o); }
    public override PyObject Mul(PyObject o) { double d; if (ToDouble(o, out d)) return new PyFloat(Value * d); return base.Mul(o); }
    public override PyObject TrueDiv(PyObject o) {
        double d;
        if (ToDouble(o, out d)) {
            if (d == 0.0) return PyErr.Raise("ZeroDivisionError", "float division by zero");
            return new PyFloat(Value / d);
        }
        return base.TrueDiv(o);
    }
    public override PyObject Lt(PyObject o) { double d; if (ToDouble(o, out d)) return PyBool.Of(Value < d); return base.Lt(o); }
    public override PyObject Le(PyObject o) { double d; if (ToDouble(o, out d)) return PyBool.Of(Value <= d); return base.Le(o); }
}

sealed class PyStr : PyObject {
    public readonly string Value;
    int hash;
    public PyStr(string v) { Value = v; }
    public override string TypeName { get { return "str"; } }
    public override bool IsTrue() { return Value.Length != 0; }
    public override string Repr() { return "'" + Value + "'"; }
    public override string Str() { return Value; }
    public override int Len() { return Value.Length; }
    public static int HashString(string s) {
        int h = 5381;
        for (int i = 0; i < s.Length; i++) h = (h * 33) ^ s[i];
        return h & 0x7fffffff;
    }
    public override int Hash() {
        if (hash == 0) hash = HashString(Value) | 1;
        return hash;
    }
    public override bool PyEquals(PyObject o) {
        PyStr s = o as PyStr;
        return s != null && (s == this || (s.Hash() == Hash() && s.Value == Value));
    }
    public override PyObject Add(PyObject o) {
        PyStr s = o as PyStr; if (s != null) return new PyStr(Value + s.Value);
        return base.Add(o);
    }
    public override PyObject Lt(PyObject o) {
        PyStr s = o as PyStr; if (s != null) return PyBool.Of(string.CompareOrdinal(Value, s.Value) < 0);
        return base.Lt(o);
    }
    public override PyObject Le(PyObject o) {
        PyStr s = o as PyStr; if (s != null) return PyBool.Of(string.CompareOrdinal(Value, s.Value) <= 0);
        return base.Le(o);
    }
    public override PyObject GetItem(PyObject key) {
        PyInt i = key as PyInt;
        if (i == null) return PyErr.Raise("TypeError", "string indices must be integers");
        long idx = i.Value < 0 ? i.Value + Value.Length : i.Value;
        if (idx < 0 || idx >= Value.Length) return PyErr.Raise("IndexError", "string index out of range");
        return new PyStr(Value[(int)idx].ToString());
    }
    public override bool Contains(PyObject item) {
        PyStr s = item as PyStr;
        if (s == null) { PyErr.Raise("TypeError", "'in <string>' requires string as left operand"); return false; }
        return Value.IndexOf(s.Value, StringComparison.Ordinal) >= 0;
    }
}

// ---------------------------------------------------------------- hash tables

// String-keyed table for attribute dictionaries, globals and class namespaces.
sealed class AttrTable {
    string[] keys;
    PyObject[] values;
    int[] hashes;
    int count;
    public AttrTable() { keys = new string[8]; values = new PyObject[8]; hashes = new int[8]; }
    public int Count { get { return count; } }
    int FindSlot(string key, int h) {
        int mask = keys.Length - 1;
        int i = h & mask;
        while (true) {
            string k = keys[i];
            if (k == null) return i;
            if (hashes[i] == h && ((object)k == (object)key || k == key)) return i;
            i = (i + 1) & mask;
        }
    }
    public PyObject Get(string key) {
        int i = FindSlot(key, PyStr.HashString(key));
        return keys[i] == null ? null : values[i];
    }
    public void Set(string key, PyObject value) {
        int h = PyStr.HashString(key);
        int i = FindSlot(key, h);
        if (keys[i] == null) {
            keys[i] = key; hashes[i] = h; count++;
            values[i] = value;
            if (count * 2 > keys.Length) Grow();
        } else {
            values[i] = value;
        }
    }
    void Grow() {
        string[] ok = keys; PyObject[] ov = values; int[] oh = hashes;
        keys = new string[ok.Length * 2]; values = new PyObject[ok.Length * 2]; hashes = new int[ok.Length * 2];
        for (int j = 0; j < ok.Length; j++) {
            if (ok[j] == null) continue;
            int i = FindSlot(ok[j], oh[j]);
            keys[i] = ok[j]; values[i] = ov[j]; hashes[i] = oh[j];
        }
    }
}

// PyObject-keyed table for PyDict; keeps insertion order in parallel arrays.
sealed class PyHashTable {
    int[] index;        // slot -> entry+1 (0 = empty)
    PyObject[] ekeys;
    PyObject[] evalues;
    int[] ehashes;
    int used;
    public PyHashTable() { index = new int[16]; ekeys = new PyObject[8]; evalues = new PyObject[8]; ehashes = new int[8]; }
    public int Count { get { return used; } }
    public PyObject KeyAt(int i) { return ekeys[i]; }
    public PyObject ValueAt(int i) { return evalues[i]; }
    int Find(PyObject key, int h) {
        int mask = index.Length - 1;
        int i = h & mask;
        while (true) {
            int e = index[i];
            if (e == 0) return i;
            e--;
            if (ehashes[e] == h && ekeys[e].PyEquals(key)) return i;
            i = (i + 1) & mask;
        }
    }
    public PyObject Get(PyObject key) {
        int h = key.Hash() & 0x7fffffff;
        int e = index[Find(key, h)];
        return e == 0 ? null : evalues[e - 1];
    }
    public void Set(PyObject key, PyObject value) {
        int h = key.Hash() & 0x7fffffff;
        int slot = Find(key, h);
        int e = index[slot];
        if (e != 0) { evalues[e - 1] = value; return; }
        if (used == ekeys.Length) {
            int n = used * 2;
            PyObject[] nk = new PyObject[n]; PyObject[] nv = new PyObject[n]; int[] nh = new int[n];
            Array.Copy(ekeys, nk, used); Array.Copy(evalues, nv, used); Array.Copy(ehashes, nh, used);
            ekeys = nk; evalues = nv; ehashes = nh;
        }
        ekeys[used] = key; evalues[used] = value; ehashes[used] = h;
        used++;
        index[slot] = used;
        if (used * 3 > index.Length * 2) Rehash();
    }
    void Rehash() {
        index = new int[index.Length * 2];
        int mask = index.Length - 1;
        for (int e = 0; e < used; e++) {
            int i = ehashes[e] & mask;
            while (index[i] != 0) i = (i + 1) & mask;
            index[i] = e + 1;
        }
    }
}

// ---------------------------------------------------------------- containers

sealed class PyList : PyObject {
    PyObject[] items;
    int count;
    public PyList(int capacity) { items = new PyObject[capacity < 4 ? 4 : capacity]; }
    public PyList(PyObject[] init) { items = init.Length == 0 ? new PyObject[4] : init; count = init.Length; }
    public override string TypeName { get { return "list"; } }
    public int Count { get { return count; } }
    public PyObject this[int i] { get { return items[i]; } }
    public void Append(PyObject o) {
        if (count == items.Length) {
            PyObject[] n = new PyObject[items.Length * 2];
            Array.Copy(items, n, count);
            items = n;
        }
        items[count++] = o;
    }
    public PyObject Pop() {
        if (count == 0) return PyErr.Raise("IndexError", "pop from empty list");
        PyObject o = items[--count];
        items[count] = null;
        return o;
    }
    int Index(PyObject key) {
        PyInt i = key as PyInt;
        if (i == null) { PyErr.Raise("TypeError", "list indices must be integers"); return 0; }
        long idx = i.Value < 0 ? i.Value + count : i.Value;
        if (idx < 0 || idx >= count) { PyErr.Raise("IndexError", "list index out of range"); return 0; }
        return (int)idx;
    }
    public override PyObject GetItem(PyObject key) { return items[Index(key)]; }
    public override void SetItem(PyObject key, PyObject value) { items[Index(key)] = value; }
    public override int Len() { return count; }
    public override bool IsTrue() { return count != 0; }
    public override bool Contains(PyObject item) {
        for (int i = 0; i < count; i++) if (items[i].PyEquals(item)) return true;
        return false;
    }
    public override PyObject Mul(PyObject o) {
        PyInt n = o as PyInt;
        if (n == null) return base.Mul(o);
        PyList r = new PyList((int)(count * n.Value));
        for (long k = 0; k < n.Value; k++) for (int i = 0; i < count; i++) r.Append(items[i]);
        return r;
    }
    public override PyObject Add(PyObject o) {
        PyList l = o as PyList;
        if (l == null) return base.Add(o);
        PyList r = new PyList(count + l.count);
        for (int i = 0; i < count; i++) r.Append(items[i]);
        for (int i = 0; i < l.count; i++) r.Append(l.items[i]);
        return r;
    }
    public override PyObject GetAttr(string name) {
        if (name == "append") return new PyBuiltinMethod(this, PyBuiltinMethod.ListAppend, name);
        if (name == "pop") return new PyBuiltinMethod(this, PyBuiltinMethod.ListPop, name);
        return base.GetAttr(name);
    }
    public override PyIterator Iter() { return new ListIterator(this); }
    public override string Repr() {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < count; i++) { if (i > 0) sb.Append(", "); sb.Append(items[i].Repr()); }
        return sb.Append(']').ToString();
    }
    sealed class ListIterator : PyIterator {
        PyList list; int pos;
        public ListIterator(PyList l) { list = l; }
        public override PyObject Next() { return pos < list.count ? list.items[pos++] : null; }
    }
}

sealed class PyDict : PyObject {
    public readonly PyHashTable Table = new PyHashTable();
    public override string TypeName { get { return "dict"; } }
    public override PyObject GetItem(PyObject key) {
        PyObject v = Table.Get(key);
        if (v == null) return PyErr.Raise("KeyError", key.Repr());
        return v;
    }
    public override void SetItem(PyObject key, PyObject value) { Table.Set(key, value); }
    public override bool Contains(PyObject item) { return Table.Get(item) != null; }
    public override int Len() { return Table.Count; }
    public override bool IsTrue() { return Table.Count != 0; }
    public override PyObject GetAttr(string name) {
        if (name == "get") return new PyBuiltinMethod(this, PyBuiltinMethod.DictGet, name);
        if (name == "keys") return new PyBuiltinMethod(this, PyBuiltinMethod.DictKeys, name);
        return base.GetAttr(name);
    }
    public override PyIterator Iter() { return new KeyIterator(this); }
    public override string Repr() {
        StringBuilder sb = new StringBuilder("{");
        for (int i = 0; i < Table.Count; i++) {
            if (i > 0) sb.Append(", ");
            sb.Append(Table.KeyAt(i).Repr()).Append(": ").Append(Table.ValueAt(i).Repr());
        }
        return sb.Append('}').ToString();
    }
    sealed class KeyIterator : PyIterator {
        PyDict d; int pos;
        public KeyIterator(PyDict d) { this.d = d; }
        public override PyObject Next() { return pos < d.Table.Count ? d.Table.KeyAt(pos++) : null; }
    }
}

sealed class PyRange : PyObject {
    long start, stop, step;
    public PyRange(long start, long stop, long step) { this.start = start; this.stop = stop; this.step = step; }
    public override string TypeName { get { return "range"; } }
    public override int Len() {
        if (step > 0) return stop > start ? (int)((stop - start + step - 1) / step) : 0;
        return start > stop ? (int)((start - stop - step - 1) / -step) : 0;
    }
    public override PyIterator Iter() { return new RangeIterator(start, stop, step); }
    sealed class RangeIterator : PyIterator {
        long cur, stop, step;
        public RangeIterator(long a, long b, long c) { cur = a; stop = b; step = c; }
        public override PyObject Next() {
            if (step > 0 ? cur >= stop : cur <= stop) return null;
            PyObject r = PyInt.Make(cur);
            cur += step;
            return r;
        }
    }
}

// ---------------------------------------------------------------- callables

sealed class PyBuiltinMethod : PyObject, IPyCallable {
    public const int ListAppend = 0, ListPop = 1, DictGet = 2, DictKeys = 3;
    PyObject self; int which; string name;
    public PyBuiltinMethod(PyObject self, int which, string name) { this.self = self; this.which = which; this.name = name; }
    public override string TypeName { get { return "builtin_function_or_method"; } }
    public PyObject Call(PyObject[] args) {
        switch (which) {
            case ListAppend: ((PyList)self).Append(args[0]); return PyNone.Instance;
            case ListPop: return ((PyList)self).Pop();
            case DictGet: {
                PyObject v = ((PyDict)self).Table.Get(args[0]);
                return v != null ? v : (args.Length > 1 ? args[1] : PyNone.Instance);
            }
            case DictKeys: {
                PyHashTable t = ((PyDict)self).Table;
                PyList l = new PyList(t.Count);
                for (int i = 0; i < t.Count; i++) l.Append(t.KeyAt(i));
                return l;
            }
        }
        return PyErr.Raise("SystemError", "bad builtin method " + name);
    }
}

abstract class PyBuiltin : PyObject, IPyCallable {
    public abstract string Name { get; }
    public override string TypeName { get { return "builtin_function_or_method"; } }
    public abstract PyObject Call(PyObject[] args);
    protected void Arity(PyObject[] args, int n) {
        if (args.Length != n) { PyErr.Raise("TypeError", Name + "() takes " + n + " arguments (" + args.Length + " given)"); return; }
    }
}
sealed class LenBuiltin : PyBuiltin {
    public override string Name { get { return "len"; } }
    public override PyObject Call(PyObject[] args) { Arity(args, 1); return PyInt.Make(args[0].Len()); }
}
sealed class StrBuiltin : PyBuiltin {
    public override string Name { get { return "str"; } }
    public override PyObject Call(PyObject[] args) {
        Arity(args, 1);
        PyStr s = args[0] as PyStr;
        return s != null ? s : new PyStr(args[0].Str());
    }
}
sealed class AbsBuiltin : PyBuiltin {
    public override string Name { get { return "abs"; } }
    public override PyObject Call(PyObject[] args) {
        Arity(args, 1);
        IPyNumber n = args[0] as IPyNumber;
        if (n != null && n.IsIntegral) { PyInt i = (PyInt)args[0]; return i.Value < 0 ? PyInt.Make(-i.Value) : i; }
        if (n != null) return new PyFloat(Math.Abs(n.AsDouble()));
        return PyErr.Raise("TypeError", "bad operand type for abs()");
    }
}
sealed class RangeBuiltin : PyBuiltin {
    public override string Name { get { return "range"; } }
    static long AsLong(PyObject o) {
        PyInt i = o as PyInt;
        if (i == null) { PyErr.Raise("TypeError", "range() integer argument expected"); return 0; }
        return i.Value;
    }
    public override PyObject Call(PyObject[] args) {
        if (args.Length == 1) return new PyRange(0, AsLong(args[0]), 1);
        if (args.Length == 2) return new PyRange(AsLong(args[0]), AsLong(args[1]), 1);
        Arity(args, 3);
        long step = AsLong(args[2]);
        if (step == 0) return PyErr.Raise("ValueError", "range() arg 3 must not be zero");
        return new PyRange(AsLong(args[0]), AsLong(args[1]), step);
    }
}
sealed class IsInstanceBuiltin : PyBuiltin {
    public override string Name { get { return "isinstance"; } }
    public override PyObject Call(PyObject[] args) {
        Arity(args, 2);
        PyInstance inst = args[0] as PyInstance;
        PyClass cls = args[1] as PyClass;
        if (cls == null) return PyErr.Raise("TypeError", "isinstance() arg 2 must be a class");
        return PyBool.Of(inst != null && inst.Class.IsSubclassOf(cls));
    }
}

sealed class Frame {
    public readonly PyObject[] Locals;
    public PyObject ReturnValue;
    public Frame(int n) { Locals = new PyObject[n]; }
}

sealed class PyFunction : PyObject, IPyCallable {
    public readonly string Name;
    readonly int nparams;
    readonly int nlocals;
    public Stmt Body;
    public PyFunction(string name, int nparams, int nlocals, Stmt body) {
        Name = name; this.nparams = nparams; this.nlocals = nlocals; Body = body;
    }
    public override string TypeName { get { return "function"; } }
    public override string Repr() { return "<function " + Name + ">"; }
    public PyObject Call(PyObject[] args) {
        if (args.Length != nparams)
            return PyErr.Raise("TypeError", Name + "() takes " + nparams + " positional arguments but " + args.Length + " were given");
        Frame f = new Frame(nlocals);
        Array.Copy(args, f.Locals, nparams);
        if (Body.Exec(f) == Stmt.Return) return f.ReturnValue;
        return PyNone.Instance;
    }
    public PyObject CallWithSelf(PyObject self, PyObject[] args) {
        if (args.Length + 1 != nparams)
            return PyErr.Raise("TypeError", Name + "() takes " + nparams + " positional arguments but " + (args.Length + 1) + " were given");
        Frame f = new Frame(nlocals);
        f.Locals[0] = self;
        Array.Copy(args, 0, f.Locals, 1, args.Length);
        if (Body.Exec(f) == Stmt.Return) return f.ReturnValue;
        return PyNone.Instance;
    }
}

sealed class PyBoundMethod : PyObject, IPyCallable {
    readonly PyObject self;
    readonly PyFunction func;
    public PyBoundMethod(PyObject self, PyFunction func) { this.self = self; this.func = func; }
    public override string TypeName { get { return "method"; } }
    public PyObject Call(PyObject[] args) { return func.CallWithSelf(self, args); }
}

sealed class PyClass : PyObject, IPyCallable {
    public readonly string Name;
    public readonly PyClass Base;
    public readonly AttrTable Dict = new AttrTable();
    public PyClass(string name, PyClass baseClass) { Name = name; Base = baseClass; }
    public override string TypeName { get { return "type"; } }
    public override string Repr() { return "<class '" + Name + "'>"; }
    public PyObject Lookup(string name) {
        for (PyClass c = this; c != null; c = c.Base) {
            PyObject v = c.Dict.Get(name);
            if (v != null) return v;
        }
        return null;
    }
    public bool IsSubclassOf(PyClass other) {
        for (PyClass c = this; c != null; c = c.Base) if (c == other) return true;
        return false;
    }
    public override PyObject GetAttr(string name) {
        PyObject v = Lookup(name);
        if (v == null) return base.GetAttr(name);
        return v;
    }
    public override void SetAttr(string name, PyObject value) { Dict.Set(name, value); }
    public PyObject Call(PyObject[] args) {
        PyInstance inst = new PyInstance(this);
        PyFunction init = Lookup("__init__") as PyFunction;
        if (init != null) init.CallWithSelf(inst, args);
        else if (args.Length != 0) return PyErr.Raise("TypeError", Name + "() takes no arguments");
        return inst;
    }
}

sealed class PyInstance : PyObject {
    public readonly PyClass Class;
    readonly AttrTable attrs = new AttrTable();
    public PyInstance(PyClass cls) { Class = cls; }
    public override string TypeName { get { return Class.Name; } }
    public override PyObject GetAttr(string name) {
        PyObject v = attrs.Get(name);
        if (v != null) return v;
        v = Class.Lookup(name);
        if (v == null) return base.GetAttr(name);
        PyFunction f = v as PyFunction;
        if (f != null) return new PyBoundMethod(this, f);
        return v;
    }
    public override void SetAttr(string name, PyObject value) { attrs.Set(name, value); }
    PyObject CallSpecial(string name, PyObject arg, string op) {
        PyFunction f = Class.Lookup(name) as PyFunction;
        if (f == null) return TypeError(op, arg);
        PyObject[] a = new PyObject[1];
        a[0] = arg;
        return f.CallWithSelf(this, a);
    }
    public override PyObject Add(PyObject o) { return CallSpecial("__add__", o, "+"); }
    public override PyObject Sub(PyObject o) { return CallSpecial("__sub__", o, "-"); }
    public override PyObject Mul(PyObject o) { return CallSpecial("__mul__", o, "*"); }
    public override PyObject Lt(PyObject o) { return CallSpecial("__lt__", o, "<"); }
    public override int Hash() {
        PyFunction f = Class.Lookup("__hash__") as PyFunction;
        if (f == null) return base.Hash();
        return ((PyInt)f.CallWithSelf(this, new PyObject[0])).Hash();
    }
    public override string Repr() {
        PyFunction f = Class.Lookup("__repr__") as PyFunction;
        if (f == null) return "<" + Class.Name + " object>";
        return f.CallWithSelf(this, new PyObject[0]).Str();
    }
}

// ---------------------------------------------------------------- AST

abstract class Expr {
    public abstract PyObject Eval(Frame f);
}

sealed class Globals {
    public static readonly AttrTable Table = new AttrTable();
    public static readonly AttrTable Builtins = new AttrTable();
    static Globals() {
        Builtins.Set("len", new LenBuiltin());
        Builtins.Set("str", new StrBuiltin());
        Builtins.Set("abs", new AbsBuiltin());
        Builtins.Set("range", new RangeBuiltin());
        Builtins.Set("isinstance", new IsInstanceBuiltin());
        Builtins.Set("None", PyNone.Instance);
        Builtins.Set("True", PyBool.True);
        Builtins.Set("False", PyBool.False);
    }
}

sealed class ConstExpr : Expr {
    readonly PyObject v;
    public ConstExpr(PyObject v) { this.v = v; }
    public override PyObject Eval(Frame f) { return v; }
}
sealed class LocalExpr : Expr {
    readonly int slot; readonly string name;
    public LocalExpr(int slot, string name) { this.slot = slot; this.name = name; }
    public override PyObject Eval(Frame f) {
        PyObject v = f.Locals[slot];
        if (v == null) return PyErr.Raise("UnboundLocalError", "local variable '" + name + "' referenced before assignment");
        return v;
    }
}
sealed class GlobalExpr : Expr {
    readonly string name;
    public GlobalExpr(string name) { this.name = name; }
    public override PyObject Eval(Frame f) {
        PyObject v = Globals.Table.Get(name);
        if (v != null) return v;
        v = Globals.Builtins.Get(name);
        if (v != null) return v;
        return PyErr.Raise("NameError", "name '" + name + "' is not defined");
    }
}
sealed class BinExpr : Expr {
    public const int Add = 0, Sub = 1, Mul = 2, TrueDiv = 3, FloorDiv = 4, Mod = 5,
        Lt = 6, Le = 7, Gt = 8, Ge = 9, Eq = 10, Ne = 11, In = 12;
    readonly int op; readonly Expr l, r;
    public BinExpr(int op, Expr l, Expr r) { this.op = op; this.l = l; this.r = r; }
    public override PyObject Eval(Frame f) {
        PyObject a = l.Eval(f);
        PyObject b = r.Eval(f);
        switch (op) {
            case Add: return a.Add(b);
            case Sub: return a.Sub(b);
            case Mul: return a.Mul(b);
            case TrueDiv: return a.TrueDiv(b);
            case FloorDiv: return a.FloorDiv(b);
            case Mod: return a.Mod(b);
            case Lt: return a.Lt(b);
            case Le: return a.Le(b);
            case Gt: return a.Gt(b);
            case Ge: return a.Ge(b);
            case Eq: return PyBool.Of(a.PyEquals(b));
            case Ne: return PyBool.Of(!a.PyEquals(b));
            case In: return PyBool.Of(b.Contains(a));
        }
        return PyErr.Raise("SystemError", "bad operator");
    }
}
sealed class AndExpr : Expr {
    readonly Expr l, r;
    public AndExpr(Expr l, Expr r) { this.l = l; this.r = r; }
    public override PyObject Eval(Frame f) { PyObject a = l.Eval(f); return a.IsTrue() ? r.Eval(f) : a; }
}
sealed class NotExpr : Expr {
    readonly Expr e;
    public NotExpr(Expr e) { this.e = e; }
    public override PyObject Eval(Frame f) { return PyBool.Of(!e.Eval(f).IsTrue()); }
}
sealed class CallExpr : Expr {
    readonly Expr fn; readonly Expr[] args;
    public CallExpr(Expr fn, Expr[] args) { this.fn = fn; this.args = args; }
    public override PyObject Eval(Frame f) {
        PyObject callee = fn.Eval(f);
        IPyCallable c = callee as IPyCallable;
        if (c == null) return PyErr.Raise("TypeError", "'" + callee.TypeName + "' object is not callable");
        PyObject[] a = new PyObject[args.Length];
        for (int i = 0; i < a.Length; i++) a[i] = args[i].Eval(f);
        return c.Call(a);
    }
}
sealed class AttrExpr : Expr {
    readonly Expr obj; readonly string name;
    public AttrExpr(Expr obj, string name) { this.obj = obj; this.name = name; }
    public override PyObject Eval(Frame f) { return obj.Eval(f).GetAttr(name); }
}
sealed class IndexExpr : Expr {
    readonly Expr obj, idx;
    public IndexExpr(Expr obj, Expr idx) { this.obj = obj; this.idx = idx; }
    public override PyObject Eval(Frame f) { PyObject o = obj.Eval(f); return o.GetItem(idx.Eval(f)); }
}
sealed class ListExpr : Expr {
    readonly Expr[] items;
    public ListExpr(Expr[] items) { this.items = items; }
    public override PyObject Eval(Frame f) {
        PyList l = new PyList(items.Length);
        for (int i = 0; i < items.Length; i++) l.Append(items[i].Eval(f));
        return l;
    }
}
sealed class DictExpr : Expr {
    public override PyObject Eval(Frame f) { return new PyDict(); }
}

abstract class Stmt {
    public const int Normal = 0, Return = 1, Break = 2, Continue = 3;
    public abstract int Exec(Frame f);
}
sealed class ExprStmt : Stmt {
    readonly Expr e;
    public ExprStmt(Expr e) { this.e = e; }
    public override int Exec(Frame f) { e.Eval(f); return Normal; }
}
sealed class AssignLocal : Stmt {
    readonly int slot; readonly Expr e;
    public AssignLocal(int slot, Expr e) { this.slot = slot; this.e = e; }
    public override int Exec(Frame f) { f.Locals[slot] = e.Eval(f); return Normal; }
}
sealed class AssignGlobal : Stmt {
    readonly string name; readonly Expr e;
    public AssignGlobal(string name, Expr e) { this.name = name; this.e = e; }
    public override int Exec(Frame f) { Globals.Table.Set(name, e.Eval(f)); return Normal; }
}
sealed class AssignAttr : Stmt {
    readonly Expr obj; readonly string name; readonly Expr e;
    public AssignAttr(Expr obj, string name, Expr e) { this.obj = obj; this.name = name; this.e = e; }
    public override int Exec(Frame f) { PyObject o = obj.Eval(f); o.SetAttr(name, e.Eval(f)); return Normal; }
}
sealed class AssignIndex : Stmt {
    readonly Expr obj, idx, e;
    public AssignIndex(Expr obj, Expr idx, Expr e) { this.obj = obj; this.idx = idx; this.e = e; }
    public override int Exec(Frame f) {
        PyObject o = obj.Eval(f);
        PyObject k = idx.Eval(f);
        o.SetItem(k, e.Eval(f));
        return Normal;
    }
}
sealed class IfStmt : Stmt {
    readonly Expr cond; readonly Stmt then, els;
    public IfStmt(Expr cond, Stmt then, Stmt els) { this.cond = cond; this.then = then; this.els = els; }
    public override int Exec(Frame f) {
        if (cond.Eval(f).IsTrue()) return then.Exec(f);
        return els == null ? Normal : els.Exec(f);
    }
}
sealed class WhileStmt : Stmt {
    readonly Expr cond; readonly Stmt body;
    public WhileStmt(Expr cond, Stmt body) { this.cond = cond; this.body = body; }
    public override int Exec(Frame f) {
        while (cond.Eval(f).IsTrue()) {
            int r = body.Exec(f);
            if (r == Break) break;
            if (r == Return) return r;
        }
        return Normal;
    }
}
sealed class ForStmt : Stmt {
    readonly int slot; readonly Expr iterable; readonly Stmt body;
    public ForStmt(int slot, Expr iterable, Stmt body) { this.slot = slot; this.iterable = iterable; this.body = body; }
    public override int Exec(Frame f) {
        PyIterator it = iterable.Eval(f).Iter();
        PyObject v;
        while ((v = it.Next()) != null) {
            f.Locals[slot] = v;
            int r = body.Exec(f);
            if (r == Break) break;
            if (r == Return) return r;
        }
        return Normal;
    }
}
sealed class ReturnStmt : Stmt {
    readonly Expr e;
    public ReturnStmt(Expr e) { this.e = e; }
    public override int Exec(Frame f) { f.ReturnValue = e == null ? PyNone.Instance : e.Eval(f); return Return; }
}
sealed class BreakStmt : Stmt {
    public override int Exec(Frame f) { return Break; }
}
sealed class Block : Stmt {
    readonly Stmt[] stmts;
    public Block(Stmt[] stmts) { this.stmts = stmts; }
    public override int Exec(Frame f) {
        for (int i = 0; i < stmts.Length; i++) {
            int r = stmts[i].Exec(f);
            if (r != Normal) return r;
        }
        return Normal;
    }
}
// ---------------------------------------------------------------- AST builder helpers

sealed class Fn {
    string[] names = new string[32];
    int n;
    string fname;
    int nparams;
    public Fn(string name, string p0, string p1, string p2) {
        fname = name;
        if (p0 != null) { Slot(p0); nparams++; }
        if (p1 != null) { Slot(p1); nparams++; }
        if (p2 != null) { Slot(p2); nparams++; }
    }
    int Slot(string name) {
        for (int i = 0; i < n; i++) if (names[i] == name) return i;
        names[n] = name;
        return n++;
    }
    public Expr L(string name) { return new LocalExpr(Slot(name), name); }
    public Stmt Set(string name, Expr e) { return new AssignLocal(Slot(name), e); }
    public Stmt For(string name, Expr it, Stmt body) { return new ForStmt(Slot(name), it, body); }
    public PyFunction Make(Stmt body) { return new PyFunction(fname, nparams, n, body); }
}

static class B {
    public static Expr I(long v) { return new ConstExpr(PyInt.Make(v)); }
    public static Expr F(double v) { return new ConstExpr(new PyFloat(v)); }
    public static Expr S(string v) { return new ConstExpr(new PyStr(v)); }
    public static Expr G(string name) { return new GlobalExpr(name); }
    public static Expr Add(Expr a, Expr b) { return new BinExpr(BinExpr.Add, a, b); }
    public static Expr Sub(Expr a, Expr b) { return new BinExpr(BinExpr.Sub, a, b); }
    public static Expr Mul(Expr a, Expr b) { return new BinExpr(BinExpr.Mul, a, b); }
    public static Expr Div(Expr a, Expr b) { return new BinExpr(BinExpr.TrueDiv, a, b); }
    public static Expr FDiv(Expr a, Expr b) { return new BinExpr(BinExpr.FloorDiv, a, b); }
    public static Expr Mod(Expr a, Expr b) { return new BinExpr(BinExpr.Mod, a, b); }
    public static Expr Lt(Expr a, Expr b) { return new BinExpr(BinExpr.Lt, a, b); }
    public static Expr Le(Expr a, Expr b) { return new BinExpr(BinExpr.Le, a, b); }
    public static Expr Eq(Expr a, Expr b) { return new BinExpr(BinExpr.Eq, a, b); }
    public static Expr In(Expr a, Expr b) { return new BinExpr(BinExpr.In, a, b); }
    public static Expr Attr(Expr o, string name) { return new AttrExpr(o, name); }
    public static Expr Idx(Expr o, Expr i) { return new IndexExpr(o, i); }
    public static Expr Call0(Expr fn) { return new CallExpr(fn, new Expr[0]); }
    public static Expr Call(Expr fn, params Expr[] args) { return new CallExpr(fn, args); }
    public static Expr MCall0(Expr o, string m) { return new CallExpr(new AttrExpr(o, m), new Expr[0]); }
    public static Expr MCall(Expr o, string m, params Expr[] args) { return new CallExpr(new AttrExpr(o, m), args); }
    public static Expr List(params Expr[] items) { return new ListExpr(items); }
    public static Stmt Do(Expr e) { return new ExprStmt(e); }
    public static Stmt Ret(Expr e) { return new ReturnStmt(e); }
    public static Stmt If(Expr c, Stmt t) { return new IfStmt(c, t, null); }
    public static Stmt If(Expr c, Stmt t, Stmt e) { return new IfStmt(c, t, e); }
    public static Stmt While(Expr c, Stmt body) { return new WhileStmt(c, body); }
    public static Stmt SetA(Expr o, string name, Expr e) { return new AssignAttr(o, name, e); }
    public static Stmt SetI(Expr o, Expr i, Expr e) { return new AssignIndex(o, i, e); }
    public static Stmt Seq(params Stmt[] s) { return new Block(s); }
}

// ---------------------------------------------------------------- scripts

static class Scripts {
    static void Def(string name, PyObject v) { Globals.Table.Set(name, v); }
    static void Method(PyClass c, PyFunction f) { c.Dict.Set(f.Name, f); }

    public static void Install() {
        Fn f;
        // def fib(n): if n < 2: return n; return fib(n-1) + fib(n-2)
        f = new Fn("fib", "n", null, null);
        Def("fib", f.Make(B.Seq(
            B.If(B.Lt(f.L("n"), B.I(2)), B.Ret(f.L("n"))),
            B.Ret(B.Add(B.Call(B.G("fib"), B.Sub(f.L("n"), B.I(1))),
                        B.Call(B.G("fib"), B.Sub(f.L("n"), B.I(2))))))));

        // def arith(n):
        //   total = 0; x = 0.0; i = 0
        //   while i < n:
        //     total = (total + i * i % 7 - i // 3 + 5) % 1000003
        //     x = x * 0.999 + i / 4
        //     i = i + 1
        //   return [total, x]
        f = new Fn("arith", "n", null, null);
        Def("arith", f.Make(B.Seq(
            f.Set("total", B.I(0)), f.Set("x", B.F(0.0)), f.Set("i", B.I(0)),
            B.While(B.Lt(f.L("i"), f.L("n")), B.Seq(
                f.Set("total", B.Mod(B.Add(B.Sub(B.Add(f.L("total"), B.Mod(B.Mul(f.L("i"), f.L("i")), B.I(7))),
                                                 B.FDiv(f.L("i"), B.I(3))), B.I(5)), B.I(1000003))),
                f.Set("x", B.Add(B.Mul(f.L("x"), B.F(0.999)), B.Div(f.L("i"), B.I(4)))),
                f.Set("i", B.Add(f.L("i"), B.I(1))))),
            B.Ret(B.List(f.L("total"), f.L("x"))))));

        // class Vec: __init__(self, x, y); __add__(self, o); dot(self, o)
        PyClass vec = new PyClass("Vec", null);
        f = new Fn("__init__", "self", "x", "y");
        Method(vec, f.Make(B.Seq(B.SetA(f.L("self"), "x", f.L("x")), B.SetA(f.L("self"), "y", f.L("y")))));
        f = new Fn("__add__", "self", "o", null);
        Method(vec, f.Make(B.Ret(B.Call(B.G("Vec"),
            B.Add(B.Attr(f.L("self"), "x"), B.Attr(f.L("o"), "x")),
            B.Add(B.Attr(f.L("self"), "y"), B.Attr(f.L("o"), "y"))))));
        f = new Fn("dot", "self", "o", null);
        Method(vec, f.Make(B.Ret(B.Add(B.Mul(B.Attr(f.L("self"), "x"), B.Attr(f.L("o"), "x")),
                                       B.Mul(B.Attr(f.L("self"), "y"), B.Attr(f.L("o"), "y"))))));
        Def("Vec", vec);

        // class Shape: __init__(self, name); area(self): return 0; describe(self)
        PyClass shape = new PyClass("Shape", null);
        f = new Fn("__init__", "self", "name", null);
        Method(shape, f.Make(B.SetA(f.L("self"), "name", f.L("name"))));
        f = new Fn("area", "self", null, null);
        Method(shape, f.Make(B.Ret(B.I(0))));
        f = new Fn("describe", "self", null, null);
        Method(shape, f.Make(B.Ret(B.Add(B.Add(B.Attr(f.L("self"), "name"), B.S(":")),
                                         B.Call(B.G("str"), B.MCall0(f.L("self"), "area"))))));
        Def("Shape", shape);
        // class Rect(Shape)
        PyClass rect = new PyClass("Rect", shape);
        f = new Fn("__init__", "self", "w", "h");
        Method(rect, f.Make(B.Seq(
            B.Do(B.Call(B.Attr(B.G("Shape"), "__init__"), f.L("self"), B.S("rect"))),
            B.SetA(f.L("self"), "w", f.L("w")), B.SetA(f.L("self"), "h", f.L("h")))));
        f = new Fn("area", "self", null, null);
        Method(rect, f.Make(B.Ret(B.Mul(B.Attr(f.L("self"), "w"), B.Attr(f.L("self"), "h")))));
        Def("Rect", rect);
        // class Square(Rect)
        PyClass square = new PyClass("Square", rect);
        f = new Fn("__init__", "self", "s", null);
        Method(square, f.Make(B.Seq(
            B.Do(B.Call(B.Attr(B.G("Rect"), "__init__"), f.L("self"), f.L("s"), f.L("s"))),
            B.SetA(f.L("self"), "name", B.S("square")))));
        Def("Square", square);
        // class Circle(Shape)
        PyClass circle = new PyClass("Circle", shape);
        f = new Fn("__init__", "self", "r", null);
        Method(circle, f.Make(B.Seq(
            B.Do(B.Call(B.Attr(B.G("Shape"), "__init__"), f.L("self"), B.S("circle"))),
            B.SetA(f.L("self"), "r", f.L("r")))));
        f = new Fn("area", "self", null, null);
        Method(circle, f.Make(B.Ret(B.Mul(B.Mul(B.Attr(f.L("self"), "r"), B.Attr(f.L("self"), "r")), B.I(3)))));
        Def("Circle", circle);

        // def objects(n):
        //   acc = Vec(0, 0); total = 0
        //   shapes = [Rect(2, 3), Square(4), Circle(5), Shape("blob")]
        //   for i in range(n):
        //     v = Vec(i % 10, i % 7)
        //     acc = acc + v
        //     total = total + v.dot(acc) % 1000
        //     s = shapes[i % 4]
        //     total = total + s.area()
        //     if isinstance(s, Rect): total = total + 1
        //   names = ""
        //   for s in shapes: names = names + s.describe() + ";"
        //   return [total, acc.x, acc.y, names]
        f = new Fn("objects", "n", null, null);
        Def("objects", f.Make(B.Seq(
            f.Set("acc", B.Call(B.G("Vec"), B.I(0), B.I(0))),
            f.Set("total", B.I(0)),
            f.Set("shapes", B.List(B.Call(B.G("Rect"), B.I(2), B.I(3)), B.Call(B.G("Square"), B.I(4)),
                                   B.Call(B.G("Circle"), B.I(5)), B.Call(B.G("Shape"), B.S("blob")))),
            f.For("i", B.Call(B.G("range"), f.L("n")), B.Seq(
                f.Set("v", B.Call(B.G("Vec"), B.Mod(f.L("i"), B.I(10)), B.Mod(f.L("i"), B.I(7)))),
                f.Set("acc", B.Add(f.L("acc"), f.L("v"))),
                f.Set("total", B.Add(f.L("total"), B.Mod(B.MCall(f.L("v"), "dot", f.L("acc")), B.I(1000)))),
                f.Set("s", B.Idx(f.L("shapes"), B.Mod(f.L("i"), B.I(4)))),
                f.Set("total", B.Add(f.L("total"), B.MCall0(f.L("s"), "area"))),
                B.If(B.Call(B.G("isinstance"), f.L("s"), B.G("Rect")),
                     f.Set("total", B.Add(f.L("total"), B.I(1)))))),
            f.Set("names", B.S("")),
            f.For("s", f.L("shapes"),
                f.Set("names", B.Add(B.Add(f.L("names"), B.MCall0(f.L("s"), "describe")), B.S(";")))),
            B.Ret(B.List(f.L("total"), B.Attr(f.L("acc"), "x"), B.Attr(f.L("acc"), "y"), f.L("names"))))));

        // def words(n):
        //   counts = {}; keys = []
        //   for i in range(n):
        //     k = "w" + str(i * 7 % 101)
        //     if k in counts: counts[k] = counts[k] + 1
        //     else: counts[k] = 1; keys.append(k)
        //   total = 0
        //   for k in keys: total = total + counts.get(k, 0) * len(k)
        //   return [len(counts), total]
        f = new Fn("words", "n", null, null);
        Def("words", f.Make(B.Seq(
            f.Set("counts", new DictExpr()),
            f.Set("keys", B.List(new Expr[0])),
            f.For("i", B.Call(B.G("range"), f.L("n")), B.Seq(
                f.Set("k", B.Add(B.S("w"), B.Call(B.G("str"), B.Mod(B.Mul(f.L("i"), B.I(7)), B.I(101))))),
                B.If(B.In(f.L("k"), f.L("counts")),
                    B.SetI(f.L("counts"), f.L("k"), B.Add(B.Idx(f.L("counts"), f.L("k")), B.I(1))),
                    B.Seq(B.SetI(f.L("counts"), f.L("k"), B.I(1)),
                          B.Do(B.MCall(f.L("keys"), "append", f.L("k"))))))),
            f.Set("total", B.I(0)),
            f.For("k", f.L("keys"),
                f.Set("total", B.Add(f.L("total"), B.Mul(B.MCall(f.L("counts"), "get", f.L("k"), B.I(0)),
                                                         B.Call(B.G("len"), f.L("k")))))),
            B.Ret(B.List(B.Call(B.G("len"), f.L("counts")), f.L("total"))))));

        // def sieve(n):
        //   flags = [True] * (n + 1); count = 0; i = 2
        //   while i <= n:
        //     if flags[i]:
        //       count = count + 1; j = i * i
        //       while j <= n: flags[j] = False; j = j + i
        //     i = i + 1
        //   return count
        f = new Fn("sieve", "n", null, null);
        Def("sieve", f.Make(B.Seq(
            f.Set("flags", B.Mul(B.List(B.G("True")), B.Add(f.L("n"), B.I(1)))),
            f.Set("count", B.I(0)), f.Set("i", B.I(2)),
            B.While(B.Le(f.L("i"), f.L("n")), B.Seq(
                B.If(B.Idx(f.L("flags"), f.L("i")), B.Seq(
                    f.Set("count", B.Add(f.L("count"), B.I(1))),
                    f.Set("j", B.Mul(f.L("i"), f.L("i"))),
                    B.While(B.Le(f.L("j"), f.L("n")), B.Seq(
                        B.SetI(f.L("flags"), f.L("j"), B.G("False")),
                        f.Set("j", B.Add(f.L("j"), f.L("i"))))))),
                f.Set("i", B.Add(f.L("i"), B.I(1))))),
            B.Ret(f.L("count")))));

        // def safediv(n):
        //   total = 0
        //   for i in range(n):
        //     d = i % 5
        //     if d == 0: total = total - 1
        //     else: total = total + 1000 // d
        //   return total
        f = new Fn("safediv", "n", null, null);
        Def("safediv", f.Make(B.Seq(
            f.Set("total", B.I(0)),
            f.For("i", B.Call(B.G("range"), f.L("n")), B.Seq(
                f.Set("d", B.Mod(f.L("i"), B.I(5))),
                B.If(B.Eq(f.L("d"), B.I(0)),
                    f.Set("total", B.Sub(f.L("total"), B.I(1))),
                    f.Set("total", B.Add(f.L("total"), B.FDiv(B.I(1000), f.L("d"))))))),
            B.Ret(f.L("total")))));
    }

    public static PyObject Run(string fname, long arg) {
        IPyCallable fn = (IPyCallable)Globals.Table.Get(fname);
        PyObject[] a = new PyObject[1];
        a[0] = PyInt.Make(arg);
        return fn.Call(a);
    }
}

// ---------------------------------------------------------------- native reference results

static class Native {
    public static long Fib(int n) { return n < 2 ? n : Fib(n - 1) + Fib(n - 2); }
    public static string Arith(long n) {
        long total = 0; double x = 0.0;
        for (long i = 0; i < n; i++) {
            total = (total + i * i % 7 - i / 3 + 5) % 1000003;
            if (total < 0) total += 1000003;   // Python's floored modulo
            x = x * 0.999 + (double)i / 4;
        }
        return "[" + total + ", " + x.ToString("R") + "]";
    }
    public static string Objects(long n) {
        long ax = 0, ay = 0, total = 0;
        int[] areas = { 6, 16, 75, 0 };
        for (long i = 0; i < n; i++) {
            long vx = i % 10, vy = i % 7;
            ax += vx; ay += vy;
            total += (vx * ax + vy * ay) % 1000;
            total += areas[i % 4];
            if (i % 4 < 2) total += 1;
        }
        return "[" + total + ", " + ax + ", " + ay + ", 'rect:6;square:16;circle:75;blob:0;']";
    }
    public static string Words(long n) {
        int[] counts = new int[101];
        for (long i = 0; i < n; i++) counts[i * 7 % 101]++;
        long distinct = 0, total = 0;
        for (int k = 0; k < 101; k++) {
            if (counts[k] == 0) continue;
            distinct++;
            total += counts[k] * ("w" + k).Length;
        }
        return "[" + distinct + ", " + total + "]";
    }
    public static long Sieve(int n) {
        bool[] composite = new bool[n + 1];
        long count = 0;
        for (int i = 2; i <= n; i++) {
            if (composite[i]) continue;
            count++;
            for (long j = (long)i * i; j <= n; j += i) composite[j] = true;
        }
        return count;
    }
    public static long SafeDiv(long n) {
        long total = 0;
        for (long i = 0; i < n; i++) {
            if (i % 5 == 0) total -= 1; else total += 1000 / (i % 5);
        }
        return total;
    }
}

static class PyInterp {
    static bool ok = true;
    static long checksum = 0;
    const long ExpectedChecksum16 = 282546724;   // mono, default scale 16

    static void Check(string what, string got, string expected) {
        Console.WriteLine(what + " = " + got);
        if (got != expected) { Console.WriteLine("  expected " + expected); ok = false; }
        for (int i = 0; i < got.Length; i++) checksum = (checksum * 31 + got[i]) % 1000000007;
    }

    static int Main(string[] args) {
        int scale = args.Length > 0 ? int.Parse(args[0]) : 16;
        Scripts.Install();
        int fibN = 20 + (scale >= 10 ? 5 : scale / 2);
        long loops = 30000L * scale;

        Check("fib(" + fibN + ")", Scripts.Run("fib", fibN).Repr(), Native.Fib(fibN).ToString());
        Check("arith(" + loops * 2 + ")", Scripts.Run("arith", loops * 2).Repr(), Native.Arith(loops * 2));
        Check("objects(" + loops + ")", Scripts.Run("objects", loops).Repr(), Native.Objects(loops));
        Check("words(" + loops * 2 + ")", Scripts.Run("words", loops * 2).Repr(), Native.Words(loops * 2));
        Check("sieve(" + loops * 4 + ")", Scripts.Run("sieve", loops * 4).Repr(), Native.Sieve((int)(loops * 4)).ToString());
        Check("safediv(" + loops / 10 + ")", Scripts.Run("safediv", loops / 10).Repr(), Native.SafeDiv(loops / 10).ToString());

        Console.WriteLine("checksum=" + checksum);
        if (scale == 16 && checksum != ExpectedChecksum16) {
            Console.WriteLine("  expected checksum " + ExpectedChecksum16);
            ok = false;
        }
        if (!ok) { Console.WriteLine("WRONG"); Environment.Exit(1); }
        Console.WriteLine("OK");
        return 0;
    }
}
