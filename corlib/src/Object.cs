// Object: the root types (Object, ValueType, Void), the reflection handles, and delegates (declared only).
using System.Runtime.CompilerServices;

namespace System
{
    public class Object
    {
        public Object()
        {
        }

        // Compiles to `protected virtual void Finalize()`.
        ~Object()
        {
        }

        // Mono prints the type's full name: Namespace.Type, nested types as Outer+Inner.
        public virtual string ToString()
        {
            return GetType().ToString();
        }

        // Reference equality.
        public virtual bool Equals(object obj)
        {
            return (object)this == obj;
        }

        // Identity hash code, provided by the runtime.
        public virtual int GetHashCode()
        {
            return RuntimeHelpers.GetHashCode(this);
        }

        // Returns the unique System.RuntimeType instance of the object's exact class.
        [MethodImpl(MethodImplOptions.InternalCall)]
        public extern Type GetType();

        // Shallow copy of the object (all instance fields, or all elements for arrays/strings).
        [MethodImpl(MethodImplOptions.InternalCall)]
        protected extern object MemberwiseClone();

        public static bool Equals(object objA, object objB)
        {
            if (objA == objB)
                return true;
            if (objA == null || objB == null)
                return false;
            return objA.Equals(objB);
        }

        public static bool ReferenceEquals(object objA, object objB)
        {
            return objA == objB;
        }
    }

    public abstract class ValueType
    {
        protected ValueType()
        {
        }

        // Same exact type and equal fields. Fields that are not references are compared
        // bitwise by the runtime; reference fields come back in pairs and use object.Equals.
        public override bool Equals(object obj)
        {
            if (obj == null)
                return false;
            if (GetType() != obj.GetType())
                return false;
            object[] fields;
            bool equal = InternalEquals(this, obj, out fields);
            if (!equal)
                return false;
            if (fields != null)
            {
                for (int i = 0; i + 1 < fields.Length; i += 2)
                {
                    if (!object.Equals(fields[i], fields[i + 1]))
                        return false;
                }
            }
            return true;
        }

        public override int GetHashCode()
        {
            object[] fields;
            int result = InternalGetHashCode(this, out fields);
            if (fields != null)
            {
                for (int i = 0; i < fields.Length; i++)
                {
                    if (fields[i] != null)
                        result ^= fields[i].GetHashCode();
                }
            }
            return result;
        }

        public override string ToString()
        {
            return GetType().ToString();
        }

        [MethodImpl(MethodImplOptions.InternalCall)]
        internal static extern bool InternalEquals(object o1, object o2, out object[] fields);

        [MethodImpl(MethodImplOptions.InternalCall)]
        internal static extern int InternalGetHashCode(object o, out object[] fields);
    }

    public struct Void
    {
    }

    public struct RuntimeTypeHandle
    {
        // The runtime's class handle (the value ldtoken pushes); same value as RuntimeType._impl.
        internal IntPtr value;

        internal RuntimeTypeHandle(IntPtr v)
        {
            value = v;
        }

        public IntPtr Value
        {
            get { return value; }
        }

        public override bool Equals(object obj)
        {
            if (!(obj is RuntimeTypeHandle))
                return false;
            return ((RuntimeTypeHandle)obj).value == value;
        }

        public bool Equals(RuntimeTypeHandle handle)
        {
            return handle.value == value;
        }

        public override int GetHashCode()
        {
            return value.GetHashCode();
        }
    }

    public struct RuntimeFieldHandle
    {
        // Runtime-defined field handle (the value ldtoken pushes for a field).
        internal IntPtr value;

        public IntPtr Value
        {
            get { return value; }
        }

        public override bool Equals(object obj)
        {
            if (!(obj is RuntimeFieldHandle))
                return false;
            return ((RuntimeFieldHandle)obj).value == value;
        }

        public bool Equals(RuntimeFieldHandle handle)
        {
            return handle.value == value;
        }

        public override int GetHashCode()
        {
            return value.GetHashCode();
        }
    }

    public struct RuntimeMethodHandle
    {
        // Runtime-defined method handle (the value ldtoken pushes for a method).
        internal IntPtr value;

        public IntPtr Value
        {
            get { return value; }
        }

        public override bool Equals(object obj)
        {
            if (!(obj is RuntimeMethodHandle))
                return false;
            return ((RuntimeMethodHandle)obj).value == value;
        }

        public bool Equals(RuntimeMethodHandle handle)
        {
            return handle.value == value;
        }

        public override int GetHashCode()
        {
            return value.GetHashCode();
        }
    }

    // Delegates are declared so that mcs can compile; the runtime does not support them yet.
    public abstract class Delegate : ICloneable
    {
        internal object _target;
        internal IntPtr _methodPtr;

        protected Delegate(object target, string method)
        {
        }

        protected Delegate(Type target, string method)
        {
        }

        public object Target
        {
            get { return _target; }
        }

        public virtual object Clone()
        {
            return MemberwiseClone();
        }

        public override bool Equals(object obj)
        {
            return (object)this == obj;
        }

        public override int GetHashCode()
        {
            return base.GetHashCode();
        }

        public static Delegate Combine(Delegate a, Delegate b)
        {
            if (a == null)
                return b;
            if (b == null)
                return a;
            throw new NotSupportedException("Multicast delegates are not supported by vcall.");
        }

        public static Delegate Remove(Delegate source, Delegate value)
        {
            if (source == null)
                return null;
            if (value == null)
                return source;
            if (source.Equals(value))
                return null;
            return source;
        }

        public static bool operator ==(Delegate d1, Delegate d2)
        {
            if ((object)d1 == null)
                return (object)d2 == null;
            return d1.Equals(d2);
        }

        public static bool operator !=(Delegate d1, Delegate d2)
        {
            return !(d1 == d2);
        }
    }

    public abstract class MulticastDelegate : Delegate
    {
        protected MulticastDelegate(object target, string method)
            : base(target, method)
        {
        }

        protected MulticastDelegate(Type target, string method)
            : base(target, method)
        {
        }

        public static bool operator ==(MulticastDelegate d1, MulticastDelegate d2)
        {
            if ((object)d1 == null)
                return (object)d2 == null;
            return d1.Equals(d2);
        }

        public static bool operator !=(MulticastDelegate d1, MulticastDelegate d2)
        {
            return !(d1 == d2);
        }
    }
}
