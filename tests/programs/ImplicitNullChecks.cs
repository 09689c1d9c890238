// ImplicitNullChecks: every access the JIT leaves to the SIGSEGV handler (fields, struct
// fields, virtual and interface calls, array length and elements, string length and chars)
// raises a catchable NullReferenceException, inside try/finally and through an inlined callee.
using System;
class Node { public int val; public Node next; public string name; public virtual int V() { return val; } }
interface IFoo { int F(); }
struct Big { public long a, b, c; }
class Holder { public Big big; public int[] arr; }
class ImplicitNullChecks {
    static int depth(Node n) { return n.next.val; }
    static void Main() {
        Node n = new Node();
        int caught = 0;
        try { Console.WriteLine(n.next.val); } catch (NullReferenceException e) { caught++; Console.WriteLine("ldfld: " + e.Message); }
        try { n.next.val = 3; } catch (NullReferenceException) { caught++; Console.WriteLine("stfld"); }
        try { n.next.V(); } catch (NullReferenceException) { caught++; Console.WriteLine("callvirt"); }
        IFoo f = null;
        try { f.F(); } catch (NullReferenceException) { caught++; Console.WriteLine("interface"); }
        int[] a = null;
        try { Console.WriteLine(a.Length); } catch (NullReferenceException) { caught++; Console.WriteLine("ldlen"); }
        try { Console.WriteLine(a[2]); } catch (NullReferenceException) { caught++; Console.WriteLine("ldelem"); }
        try { a[1] = 5; } catch (NullReferenceException) { caught++; Console.WriteLine("stelem"); }
        string s = null;
        try { Console.WriteLine(s.Length); } catch (NullReferenceException) { caught++; Console.WriteLine("strlen"); }
        try { Console.WriteLine(s[0]); } catch (NullReferenceException) { caught++; Console.WriteLine("strchar"); }
        Holder h = null;
        try { Console.WriteLine(h.big.b); } catch (NullReferenceException) { caught++; Console.WriteLine("struct field"); }
        try { Big b = h.big; Console.WriteLine(b.c); } catch (NullReferenceException) { caught++; Console.WriteLine("struct copy"); }
        for (int i = 0; i < 3; i++) {
            try { depth(n); } catch (NullReferenceException) { caught++; }
            finally { Console.WriteLine("finally " + i); }
        }
        try { depth(null); } catch (Exception e) { caught++; Console.WriteLine(e.GetType().Name); }
        Console.WriteLine("caught " + caught);

    }
}
