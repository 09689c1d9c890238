// NativeInt: IntPtr / UIntPtr without unsafe code — construction from int/long, Size,
// Zero, operator +/-, ==/!=, explicit conversions both ways, ToInt32/ToInt64/ToUInt64,
// IntPtr.Add/Subtract, ToString, IntPtr in fields, arrays and boxed.
using System;

class Holder
{
    public IntPtr Ptr;
    public UIntPtr UPtr;
}

struct PtrPair
{
    public IntPtr A;
    public IntPtr B;
}

class NativeInt
{
    static IntPtr staticPtr = new IntPtr(4096);

    static IntPtr Advance(IntPtr p, int n)
    {
        return p + n;
    }

    static long Distance(IntPtr a, IntPtr b)
    {
        return b.ToInt64() - a.ToInt64();
    }

    static void Main()
    {
        Console.WriteLine("IntPtr.Size = " + IntPtr.Size);
        Console.WriteLine("UIntPtr.Size = " + UIntPtr.Size);
        Console.WriteLine("IntPtr.Zero = " + IntPtr.Zero);
        Console.WriteLine("IntPtr.Zero == default: " + (IntPtr.Zero == default(IntPtr)));

        IntPtr a = new IntPtr(100);
        IntPtr b = new IntPtr(-7L);
        IntPtr c = new IntPtr(0x123456789AL);
        Console.WriteLine("a=" + a + " b=" + b + " c=" + c);
        Console.WriteLine("a.ToInt32()=" + a.ToInt32() + " b.ToInt64()=" + b.ToInt64() + " c.ToInt64()=" + c.ToInt64());
        Console.WriteLine("c hex = " + c.ToInt64().ToString("X"));

        IntPtr d = a + 28;
        IntPtr e = d - 200;
        Console.WriteLine("a+28=" + d + " (a+28)-200=" + e);
        Console.WriteLine("IntPtr.Add(a, 5)=" + IntPtr.Add(a, 5) + " IntPtr.Subtract(a, 5)=" + IntPtr.Subtract(a, 5));
        Console.WriteLine("Advance(c, 6)=" + Advance(c, 6) + " Distance(a,c)=" + Distance(a, c));

        Console.WriteLine("a == new IntPtr(100): " + (a == new IntPtr(100)));
        Console.WriteLine("a != b: " + (a != b));
        Console.WriteLine("a.Equals(boxed 100 IntPtr): " + a.Equals((object)new IntPtr(100)));

        int i = (int)a;
        long l = (long)b;
        IntPtr fromInt = (IntPtr)12345;
        IntPtr fromLong = (IntPtr)(-9876543210L);
        Console.WriteLine("(int)a=" + i + " (long)b=" + l + " (IntPtr)12345=" + fromInt + " (IntPtr)-9876543210L=" + fromLong);

        UIntPtr u = new UIntPtr(4000000000u);
        UIntPtr u2 = new UIntPtr(18446744073709551615UL);
        Console.WriteLine("u=" + u + " u2=" + u2 + " u.ToUInt64()=" + u.ToUInt64() + " (ulong)u2=" + (ulong)u2);
        UIntPtr u3 = u + 5;
        Console.WriteLine("u+5=" + u3 + " (uint)u3=" + (uint)u3);

        Holder h = new Holder();
        Console.WriteLine("fresh Holder.Ptr=" + h.Ptr + " UPtr=" + h.UPtr);
        h.Ptr = staticPtr + 16;
        h.UPtr = (UIntPtr)77u;
        Console.WriteLine("Holder.Ptr=" + h.Ptr + " UPtr=" + h.UPtr);

        PtrPair pair;
        pair.A = new IntPtr(1);
        pair.B = pair.A + 1;
        Console.WriteLine("pair=" + pair.A + "," + pair.B);

        IntPtr[] arr = new IntPtr[5];
        for (int k = 0; k < arr.Length; k++) arr[k] = new IntPtr(k * 1000000000L);
        long total = 0;
        for (int k = 0; k < arr.Length; k++) total += arr[k].ToInt64();
        Console.WriteLine("arr[4]=" + arr[4] + " total=" + total);

        object boxed = c;
        Console.WriteLine("boxed is IntPtr: " + (boxed is IntPtr) + " unboxed=" + (IntPtr)boxed + " ToString=" + boxed.ToString());
        Console.WriteLine("hash of IntPtr(100)=" + a.GetHashCode());

        IntPtr acc = IntPtr.Zero;
        for (int k = 0; k < 1000; k++) acc = acc + k;
        Console.WriteLine("acc=" + acc);
    }
}
