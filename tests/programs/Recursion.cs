// Recursion: naive fib, small Ackermann, mutual recursion (IsEven/IsOdd), a 10,000-deep
// call chain (and its unwinding), recursive instance methods, recursion with long and
// double results, tail-position recursion (gcd), Towers of Hanoi, and permutation counting.
using System;

class Node
{
    public int Value;
    public Node Next;

    public Node(int value, Node next)
    {
        Value = value;
        Next = next;
    }

    public int SumRecursive()
    {
        return Value + (Next == null ? 0 : Next.SumRecursive());
    }

    public int Length()
    {
        return Next == null ? 1 : 1 + Next.Length();
    }
}

class Recursion
{
    static int depthReached;

    static int Fib(int n)
    {
        return n < 2 ? n : Fib(n - 1) + Fib(n - 2);
    }

    static long FibL(int n)
    {
        if (n < 2) return n;
        return FibL(n - 1) + FibL(n - 2);
    }

    static int Ack(int m, int n)
    {
        if (m == 0) return n + 1;
        if (n == 0) return Ack(m - 1, 1);
        return Ack(m - 1, Ack(m, n - 1));
    }

    static bool IsEven(int n) { return n == 0 ? true : IsOdd(n - 1); }
    static bool IsOdd(int n) { return n == 0 ? false : IsEven(n - 1); }

    static int Deep(int n)
    {
        if (n > depthReached) depthReached = n;
        if (n == 10000) return 0;
        return Deep(n + 1) + 1;
    }

    static long DeepSum(int n, long a, long b, long c, long d, long e, long f, long g)
    {
        // more arguments than fit in registers, at every level
        if (n == 0) return a + b + c + d + e + f + g;
        return DeepSum(n - 1, a + 1, b + 2, c + 3, d + 4, e + 5, f + 6, g + 7) + (n & 1);
    }

    static double Harmonic(int n)
    {
        return n == 0 ? 0.0 : 1.0 / n + Harmonic(n - 1);
    }

    static int Gcd(int a, int b)
    {
        if (b == 0) return a;
        return Gcd(b, a % b);
    }

    static int hanoiMoves;
    static string firstMoves = "";

    static void Hanoi(int n, char from, char to, char via)
    {
        if (n == 0) return;
        Hanoi(n - 1, from, via, to);
        hanoiMoves++;
        if (hanoiMoves <= 7) firstMoves += from + ">" + to + " ";
        Hanoi(n - 1, via, to, from);
    }

    static int CountPermutations(int[] items, int k)
    {
        if (k == items.Length) return IsAscendingPairs(items) ? 1 : 0;
        int count = 0;
        for (int i = k; i < items.Length; i++)
        {
            int t = items[k]; items[k] = items[i]; items[i] = t;
            count += CountPermutations(items, k + 1);
            t = items[k]; items[k] = items[i]; items[i] = t;
        }
        return count;
    }

    static bool IsAscendingPairs(int[] a)
    {
        for (int i = 0; i + 1 < a.Length; i += 2) if (a[i] > a[i + 1]) return false;
        return true;
    }

    static string Binary(int n)
    {
        if (n < 2) return n.ToString();
        return Binary(n / 2) + (n % 2);
    }

    static void Main()
    {
        Console.WriteLine("== fib ==");
        for (int i = 0; i <= 20; i += 5) Console.WriteLine("Fib(" + i + ") = " + Fib(i));
        Console.WriteLine("Fib(24) = " + Fib(24));
        Console.WriteLine("FibL(30) = " + FibL(30));

        Console.WriteLine("== ackermann ==");
        for (int m = 0; m <= 3; m++)
            for (int n = 0; n <= 3; n++)
                Console.WriteLine("Ack(" + m + "," + n + ") = " + Ack(m, n));
        Console.WriteLine("Ack(2,20) = " + Ack(2, 20));
        Console.WriteLine("Ack(3,5) = " + Ack(3, 5));

        Console.WriteLine("== mutual recursion ==");
        Console.WriteLine("IsEven(0)=" + IsEven(0) + " IsEven(7)=" + IsEven(7) + " IsOdd(7)=" + IsOdd(7) + " IsEven(5000)=" + IsEven(5000) + " IsOdd(4999)=" + IsOdd(4999));

        Console.WriteLine("== deep chain ==");
        Console.WriteLine("Deep(0) = " + Deep(0) + ", depth reached " + depthReached);
        Console.WriteLine("DeepSum(2000) = " + DeepSum(2000, 1, 2, 3, 4, 5, 6, 7));
        Node list = null;
        for (int i = 1; i <= 5000; i++) list = new Node(i, list);
        Console.WriteLine("list length " + list.Length() + " sum " + list.SumRecursive());

        Console.WriteLine("== misc ==");
        Console.WriteLine("Harmonic(1000) = " + Harmonic(1000));
        Console.WriteLine("Gcd(1071, 462) = " + Gcd(1071, 462) + " Gcd(832040, 514229) = " + Gcd(832040, 514229));
        Hanoi(12, 'A', 'C', 'B');
        Console.WriteLine("Hanoi(12) moves = " + hanoiMoves + " first: " + firstMoves);
        int[] items = { 1, 2, 3, 4, 5, 6 };
        Console.WriteLine("permutations of 6 with ascending pairs = " + CountPermutations(items, 0));
        Console.WriteLine("Binary(1000) = " + Binary(1000) + " Binary(65535) = " + Binary(65535));
    }
}
