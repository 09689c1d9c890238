// Type: System.Type, System.RuntimeType (the runtime's type objects) and System.Reflection.MemberInfo.
using System.Runtime.CompilerServices;
using System.Reflection;

namespace System.Reflection
{
    public abstract class MemberInfo
    {
        protected MemberInfo()
        {
        }

        public abstract string Name { get; }

        public abstract Type DeclaringType { get; }

        public abstract MemberTypes MemberType { get; }

        public static bool operator ==(MemberInfo left, MemberInfo right)
        {
            return (object)left == (object)right;
        }

        public static bool operator !=(MemberInfo left, MemberInfo right)
        {
            return (object)left != (object)right;
        }

        public override bool Equals(object obj)
        {
            return (object)this == obj;
        }

        public override int GetHashCode()
        {
            return base.GetHashCode();
        }
    }

    [Flags]
    public enum MemberTypes
    {
        Constructor = 1,
        Event = 2,
        Field = 4,
        Method = 8,
        Property = 16,
        TypeInfo = 32,
        Custom = 64,
        NestedType = 128,
        All = 191
    }
}

namespace System
{
    public abstract class Type : MemberInfo
    {
        public static readonly Type[] EmptyTypes = new Type[0];

        protected Type()
        {
        }

        public abstract string FullName { get; }

        public abstract string Namespace { get; }

        public abstract Type BaseType { get; }

        public abstract string AssemblyQualifiedName { get; }

        public override MemberTypes MemberType
        {
            get { return MemberTypes.TypeInfo; }
        }

        public override Type DeclaringType
        {
            get { return null; }
        }

        public bool IsValueType
        {
            get { return IsValueTypeImpl(); }
        }

        public bool IsEnum
        {
            get { return IsEnumImpl(); }
        }

        public bool IsClass
        {
            get { return !IsInterface && !IsValueType; }
        }

        public bool IsInterface
        {
            get { return IsInterfaceImpl(); }
        }

        public bool IsArray
        {
            get { return IsArrayImpl(); }
        }

        public bool IsPrimitive
        {
            get { return IsPrimitiveImpl(); }
        }

        public bool IsAbstract
        {
            get { return IsAbstractImpl(); }
        }

        public bool IsSealed
        {
            get { return IsSealedImpl(); }
        }

        public bool IsNested
        {
            get { return DeclaringType != null; }
        }

        public bool IsGenericType
        {
            get { return false; }
        }

        public bool HasElementType
        {
            get { return IsArray; }
        }

        internal virtual bool IsValueTypeImpl()
        {
            return false;
        }

        internal virtual bool IsEnumImpl()
        {
            return false;
        }

        internal virtual bool IsInterfaceImpl()
        {
            return false;
        }

        internal virtual bool IsArrayImpl()
        {
            return false;
        }

        internal virtual bool IsPrimitiveImpl()
        {
            return false;
        }

        internal virtual bool IsAbstractImpl()
        {
            return false;
        }

        internal virtual bool IsSealedImpl()
        {
            return false;
        }

        public virtual Type GetElementType()
        {
            return null;
        }

        public virtual int GetArrayRank()
        {
            throw new ArgumentException("Must be an array type.");
        }

        public virtual bool IsSubclassOf(Type c)
        {
            if (c == null || (object)c == (object)this)
                return false;
            Type t = BaseType;
            while (t != null)
            {
                if ((object)t == (object)c)
                    return true;
                t = t.BaseType;
            }
            return false;
        }

        public virtual bool IsInstanceOfType(object o)
        {
            if (o == null)
                return false;
            Type t = o.GetType();
            return (object)t == (object)this || t.IsSubclassOf(this);
        }

        // Hides Object.GetType (as in mscorlib).
        public new Type GetType()
        {
            return base.GetType();
        }

        public virtual RuntimeTypeHandle TypeHandle
        {
            get { return new RuntimeTypeHandle(IntPtr.Zero); }
        }

        public static Type GetTypeFromHandle(RuntimeTypeHandle handle)
        {
            if (handle.value == IntPtr.Zero)
                return null;
            return RuntimeType.GetTypeFromClass(handle.value);
        }

        public static RuntimeTypeHandle GetTypeHandle(object o)
        {
            if (o == null)
                throw new ArgumentNullException(null, "Invalid handle.");
            return o.GetType().TypeHandle;
        }

        public static TypeCode GetTypeCode(Type type)
        {
            if (type == null)
                return TypeCode.Empty;
            return type.GetTypeCodeImpl();
        }

        protected virtual TypeCode GetTypeCodeImpl()
        {
            return TypeCode.Object;
        }

        public static bool operator ==(Type left, Type right)
        {
            return (object)left == (object)right;
        }

        public static bool operator !=(Type left, Type right)
        {
            return (object)left != (object)right;
        }

        public override bool Equals(object o)
        {
            return (object)this == o;
        }

        public virtual bool Equals(Type o)
        {
            return (object)this == (object)o;
        }

        public override int GetHashCode()
        {
            return base.GetHashCode();
        }

        public override string ToString()
        {
            return "Type: " + Name;
        }
    }

    // The runtime creates exactly one RuntimeType per class, with _impl set to the class handle.
    internal sealed class RuntimeType : Type
    {
        // Class handle (offset 16); the same value as RuntimeTypeHandle.value.
        internal IntPtr _impl;

        // Flag bits returned by GetClassFlags.
        internal const int FlagValueType = 1;
        internal const int FlagEnum = 2;
        internal const int FlagInterface = 4;
        internal const int FlagArray = 8;
        internal const int FlagAbstract = 16;
        internal const int FlagSealed = 32;
        internal const int FlagPrimitive = 64;

        private RuntimeType()
        {
        }

        [MethodImpl(MethodImplOptions.InternalCall)]
        internal static extern Type GetTypeFromClass(IntPtr klass);

        [MethodImpl(MethodImplOptions.InternalCall)]
        internal static extern string GetClassName(IntPtr klass);

        [MethodImpl(MethodImplOptions.InternalCall)]
        internal static extern string GetClassNamespace(IntPtr klass);

        [MethodImpl(MethodImplOptions.InternalCall)]
        internal static extern IntPtr GetDeclaringClass(IntPtr klass);

        [MethodImpl(MethodImplOptions.InternalCall)]
        internal static extern IntPtr GetBaseClass(IntPtr klass);

        [MethodImpl(MethodImplOptions.InternalCall)]
        internal static extern IntPtr GetElementClass(IntPtr klass);

        [MethodImpl(MethodImplOptions.InternalCall)]
        internal static extern int GetClassFlags(IntPtr klass);

        private static Type FromClass(IntPtr klass)
        {
            if (klass == IntPtr.Zero)
                return null;
            return GetTypeFromClass(klass);
        }

        private bool HasFlag(int flag)
        {
            return (GetClassFlags(_impl) & flag) != 0;
        }

        public override string Name
        {
            get
            {
                if (HasFlag(FlagArray))
                    return GetElementType().Name + "[]";
                return GetClassName(_impl);
            }
        }

        public override string Namespace
        {
            get
            {
                if (HasFlag(FlagArray))
                    return GetElementType().Namespace;
                Type decl = DeclaringType;
                if (decl != null)
                    return decl.Namespace;
                string ns = GetClassNamespace(_impl);
                if (ns == null || ns.Length == 0)
                    return null;
                return ns;
            }
        }

        public override string FullName
        {
            get
            {
                if (HasFlag(FlagArray))
                    return GetElementType().FullName + "[]";
                Type decl = DeclaringType;
                if (decl != null)
                    return decl.FullName + "+" + GetClassName(_impl);
                string ns = GetClassNamespace(_impl);
                if (ns == null || ns.Length == 0)
                    return GetClassName(_impl);
                return ns + "." + GetClassName(_impl);
            }
        }

        public override string AssemblyQualifiedName
        {
            get { return FullName; }
        }

        public override Type DeclaringType
        {
            get { return FromClass(GetDeclaringClass(_impl)); }
        }

        public override Type BaseType
        {
            get { return FromClass(GetBaseClass(_impl)); }
        }

        public override Type GetElementType()
        {
            if (!HasFlag(FlagArray))
                return null;
            return FromClass(GetElementClass(_impl));
        }

        public override int GetArrayRank()
        {
            if (!HasFlag(FlagArray))
                throw new ArgumentException("Must be an array type.");
            return 1;
        }

        public override RuntimeTypeHandle TypeHandle
        {
            get { return new RuntimeTypeHandle(_impl); }
        }

        internal override bool IsValueTypeImpl()
        {
            return HasFlag(FlagValueType);
        }

        internal override bool IsEnumImpl()
        {
            return HasFlag(FlagEnum);
        }

        internal override bool IsInterfaceImpl()
        {
            return HasFlag(FlagInterface);
        }

        internal override bool IsArrayImpl()
        {
            return HasFlag(FlagArray);
        }

        internal override bool IsPrimitiveImpl()
        {
            return HasFlag(FlagPrimitive);
        }

        internal override bool IsAbstractImpl()
        {
            return HasFlag(FlagAbstract);
        }

        internal override bool IsSealedImpl()
        {
            return HasFlag(FlagSealed);
        }

        protected override TypeCode GetTypeCodeImpl()
        {
            if (HasFlag(FlagEnum))
                return TypeCode.Int32;
            if (GetClassNamespace(_impl) != "System")
                return TypeCode.Object;
            string n = GetClassName(_impl);
            if (n == "Boolean") return TypeCode.Boolean;
            if (n == "Char") return TypeCode.Char;
            if (n == "SByte") return TypeCode.SByte;
            if (n == "Byte") return TypeCode.Byte;
            if (n == "Int16") return TypeCode.Int16;
            if (n == "UInt16") return TypeCode.UInt16;
            if (n == "Int32") return TypeCode.Int32;
            if (n == "UInt32") return TypeCode.UInt32;
            if (n == "Int64") return TypeCode.Int64;
            if (n == "UInt64") return TypeCode.UInt64;
            if (n == "Single") return TypeCode.Single;
            if (n == "Double") return TypeCode.Double;
            if (n == "Decimal") return TypeCode.Decimal;
            if (n == "String") return TypeCode.String;
            return TypeCode.Object;
        }

        public override string ToString()
        {
            return FullName;
        }

        public override int GetHashCode()
        {
            return _impl.GetHashCode();
        }
    }
}
