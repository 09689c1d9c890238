// Runtime: System.Runtime.CompilerServices.RuntimeHelpers (array initialisers, identity hash codes,
// OffsetToStringData) used by compiler-generated code.
using System.Runtime.CompilerServices;

namespace System.Runtime.CompilerServices
{
    public static class RuntimeHelpers
    {
        // Copies the field's RVA data (the blob behind a <PrivateImplementationDetails> field) into the
        // array's elements: array.Length * element size bytes (little-endian, as stored in the image).
        [MethodImpl(MethodImplOptions.InternalCall)]
        public static extern void InitializeArray(Array array, RuntimeFieldHandle fldHandle);

        // Identity hash code: stable for the object's lifetime, independent of overrides.
        [MethodImpl(MethodImplOptions.InternalCall)]
        public static extern int GetHashCode(object o);

        // Offset of the first char in a string object (vcall layout: 20).
        public static int OffsetToStringData
        {
            get { return 20; }
        }

        public static new bool Equals(object o1, object o2)
        {
            if (o1 == o2)
                return true;
            if (o1 == null || o2 == null)
                return false;
            if (o1 is ValueType)
                return o1.Equals(o2);
            return false;
        }

        public static object GetObjectValue(object obj)
        {
            return obj;
        }

        public static void EnsureSufficientExecutionStack()
        {
        }

        public static bool SufficientExecutionStack()
        {
            return true;
        }

        public static void PrepareConstrainedRegions()
        {
        }

        public static void ProbeForSufficientStack()
        {
        }
    }
}
