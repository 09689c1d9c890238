// GcShapes: object graphs of every shape survive collections while garbage is reclaimed:
// cycles, deep lists, arrays of structs holding references, objects reachable only from a
// static or a local (possibly a register), strings and boxes, under heavy allocation churn.
using System;
using System.Text;

class Node
{
    public Node Next;
    public Node Other;
    public int Value;
    public string Label;
    public Node(int v) { Value = v; Label = "n" + v; }
}

struct Pair
{
    public string Name;
    public Node Ref;
    public int Id;
}

class Tree
{
    public Tree L, R;
    public static Tree Make(int d) { Tree t = new Tree(); if (d > 0) { t.L = Make(d - 1); t.R = Make(d - 1); } return t; }
    public int Count() { return 1 + (L == null ? 0 : L.Count()) + (R == null ? 0 : R.Count()); }
}

class GcShapes
{
    static Node onlyFromStatic;
    static object[] boxes;

    static int Churn(int rounds)
    {
        int sum = 0;
        for (int i = 0; i < rounds; i++)
        {
            Node a = new Node(i);
            Node b = new Node(i + 1);
            a.Next = b; b.Next = a; // a cycle that dies each iteration
            sum += a.Next.Next.Value & 7;
            string s = "x" + i;
            sum += s.Length & 1;
        }
        return sum;
    }

    static void Main()
    {
        // A deep list built before the churn and checked after it.
        Node head = null;
        for (int i = 0; i < 20000; i++) { Node n = new Node(i); n.Next = head; head = n; }
        // A long-lived cycle.
        Node c1 = new Node(1), c2 = new Node(2);
        c1.Other = c2; c2.Other = c1;
        // Reachable only from a static.
        onlyFromStatic = new Node(777);
        onlyFromStatic.Next = new Node(778);
        // Arrays of structs holding references.
        Pair[] pairs = new Pair[1000];
        for (int i = 0; i < pairs.Length; i++) { pairs[i].Name = "p" + i; pairs[i].Ref = new Node(i * 2); pairs[i].Id = i; }
        // Boxes in an object array held by a static.
        boxes = new object[500];
        for (int i = 0; i < boxes.Length; i++) boxes[i] = i * 3;
        Tree keep = Tree.Make(12);

        int churn = Churn(3000000);
        for (int round = 0; round < 20; round++) { Tree t = Tree.Make(14); churn += t.Count() & 1; }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 200000; i++) { sb.Append(i % 10); if (sb.Length > 1000) sb.Length = 0; }

        int listSum = 0, len = 0;
        for (Node n = head; n != null; n = n.Next) { listSum += n.Value; len++; if (n.Label != "n" + n.Value) Console.WriteLine("BAD label"); }
        Console.WriteLine("list " + len + " sum " + listSum);
        Console.WriteLine("cycle " + c1.Other.Other.Value + " " + c2.Other.Value);
        Console.WriteLine("static " + onlyFromStatic.Value + " " + onlyFromStatic.Next.Label);
        int ok = 0;
        for (int i = 0; i < pairs.Length; i++) if (pairs[i].Name == "p" + i && pairs[i].Ref.Value == i * 2 && pairs[i].Ref.Label == "n" + (i * 2)) ok++;
        Console.WriteLine("pairs ok " + ok);
        int boxSum = 0;
        for (int i = 0; i < boxes.Length; i++) boxSum += (int)boxes[i];
        Console.WriteLine("boxes " + boxSum);
        Console.WriteLine("tree " + keep.Count());
        Console.WriteLine("churn " + churn);
    }
}
