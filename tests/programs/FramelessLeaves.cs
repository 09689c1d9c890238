// FramelessLeaves: leaf methods compiled without a frame still raise NullReferenceException
// from inside (the signal handler builds their frame), caught by the caller or unhandled.
using System;
class Node {
    public int val; public Node next;
    public virtual int Peek(Node other) { return other.val + val; }
    public virtual int Deep(Node other) { return other.next.next.val; }
}
class FramelessLeaves {
    static void Main() {
        Node n = new Node(); n.val = 4;
        Node m = new Node(); m.val = 5; m.next = new Node();
        Console.WriteLine(n.Peek(m));
        int c = 0;
        for (int i = 0; i < 5; i++) {
            try { c += n.Peek(null); } catch (NullReferenceException) { c += 100; }
            try { c += n.Deep(m); } catch (NullReferenceException e) { c += 1000; if (i == 0) Console.WriteLine(e.Message); }
            finally { c += 1; }
        }
        Console.WriteLine(c);

    }
}
