// OutOfMemory: run with a small heap cap (tests/out_of_memory.rs sets VCALL_MAX_HEAP), every
// kind of allocation eventually fails with a catchable OutOfMemoryException in the method that
// allocated, finally blocks run on the way out, and once the garbage is dropped the program
// allocates again. Each scenario runs in its own method, so its references die with its frame.
using System;
using System.Text;

class Node
{
    public Node Next;
    public long Payload;
}

class OutOfMemory
{
    static string Describe(OutOfMemoryException e)
    {
        return e.GetType().FullName + ": " + e.Message;
    }

    static string BigArrays()
    {
        object[] keep = new object[4096];
        int n = 0;
        try
        {
            while (n < keep.Length) keep[n++] = new byte[1 << 20];
            return "no exception";
        }
        catch (OutOfMemoryException e) { return "big arrays: " + Describe(e) + " after " + (n > 8 ? "several" : "few"); }
    }

    static string SmallObjects()
    {
        Node head = null;
        long count = 0;
        try
        {
            while (true)
            {
                Node x = new Node();
                x.Next = head;
                head = x;
                count++;
            }
        }
        catch (OutOfMemoryException e) { return "small objects: " + Describe(e) + " after " + (count > 100000 ? "many" : "few"); }
    }

    static string Boxes()
    {
        object[][] blocks = new object[100000][];
        int b = 0;
        try
        {
            for (; b < blocks.Length; b++)
            {
                object[] block = new object[1000];
                for (int i = 0; i < block.Length; i++) block[i] = i;
                blocks[b] = block;
            }
            return "no exception";
        }
        catch (OutOfMemoryException e) { return "boxes: " + Describe(e); }
    }

    static string Strings()
    {
        string s = "x";
        try
        {
            while (true) s = s + s;
        }
        catch (OutOfMemoryException e) { return "strings: " + Describe(e) + " at length " + (s.Length >= 1024 ? ">= 1024" : "small"); }
    }

    static string Builder()
    {
        StringBuilder sb = new StringBuilder();
        try
        {
            while (true) sb.Append("0123456789abcdef0123456789abcdef");
        }
        catch (OutOfMemoryException e) { return "StringBuilder: " + Describe(e); }
    }

    static int depth;

    static void Deep(int n, object[] keep)
    {
        try
        {
            if (n == 0)
            {
                for (int i = 0; i < keep.Length; i++) keep[i] = new long[1 << 17];
                return;
            }
            Deep(n - 1, keep);
        }
        finally { depth++; }
    }

    static string ThroughFrames()
    {
        try { Deep(10, new object[1 << 16]); return "no exception"; }
        catch (OutOfMemoryException e) { return "through frames: " + Describe(e) + ", finally blocks run: " + depth; }
    }

    static string Recovers()
    {
        // Everything above is garbage now: the same amount fits again.
        object[] keep = new object[16];
        for (int i = 0; i < keep.Length; i++) keep[i] = new byte[1 << 20];
        long total = 0;
        foreach (object o in keep) total += ((byte[])o).Length;
        return "recovered: " + total + " bytes";
    }

    static void Main()
    {
        Console.WriteLine(BigArrays());
        Console.WriteLine(Recovers());
        Console.WriteLine(SmallObjects());
        Console.WriteLine(Recovers());
        Console.WriteLine(Boxes());
        Console.WriteLine(Strings());
        Console.WriteLine(Builder());
        Console.WriteLine(ThroughFrames());
        Console.WriteLine(Recovers());
        Console.WriteLine("done");
    }
}
