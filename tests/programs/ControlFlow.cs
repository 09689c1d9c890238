// ControlFlow: if/else chains, while, do-while, for, break/continue, nested loops,
// switch over ints (dense -> CIL switch table, sparse -> compare chains, negative cases,
// goto case, goto default, fall-out), goto to labels forward and backward, conditional
// operator, short-circuit && / || with side effects, and loops driven by long/char.
using System;

class ControlFlow
{
    static int calls;

    static bool Side(bool v, string tag)
    {
        calls++;
        Console.Write(tag);
        return v;
    }

    static string Dense(int x)
    {
        switch (x)
        {
            case 0: return "zero";
            case 1: return "one";
            case 2: return "two";
            case 3: return "three";
            case 4: return "four";
            case 5: return "five";
            case 6: return "six";
            case 7: return "seven";
            case 8: return "eight";
            case 9: return "nine";
            default: return "other";
        }
    }

    static int Sparse(int x)
    {
        switch (x)
        {
            case -1000: return 1;
            case -5: return 2;
            case 1: return 3;
            case 10: return 4;
            case 100: return 5;
            case 1000: return 6;
            case 65536: return 7;
            case 2147483647: return 8;
            case -2147483648: return 9;
            default: return 0;
        }
    }

    static string WithGotos(int x)
    {
        string s = "";
        switch (x)
        {
            case 0:
                s += "a";
                goto case 2;
            case 1:
                s += "b";
                goto default;
            case 2:
                s += "c";
                break;
            case 3:
            case 4:
                s += "d";
                goto case 1;
            case 10:
            case 11:
            case 12:
                s += "e";
                break;
            default:
                s += "z";
                break;
        }
        return s;
    }

    static int SwitchOnLongAndChar(long l, char c)
    {
        int r = 0;
        switch (l)
        {
            case 0L: r += 1; break;
            case 5000000000L: r += 2; break;
            case -1L: r += 3; break;
        }
        switch (c)
        {
            case 'a': r += 10; break;
            case 'b': r += 20; break;
            case 'c': r += 30; break;
            case 'z': r += 40; break;
        }
        return r;
    }

    static int Classify(int x)
    {
        if (x < 0)
        {
            if (x < -100) return -2;
            else return -1;
        }
        else if (x == 0) return 0;
        else if (x < 10) return 1;
        else if (x < 100) return 2;
        else return 3;
    }

    static int GotoLoop(int n)
    {
        int i = 0, sum = 0;
    top:
        if (i >= n) goto done;
        sum += i;
        i++;
        goto top;
    done:
        return sum;
    }

    static void Main()
    {
        Console.WriteLine("== if/else ==");
        int[] probes = { -500, -100, -1, 0, 1, 9, 10, 99, 100, 12345 };
        for (int i = 0; i < probes.Length; i++) Console.WriteLine("Classify(" + probes[i] + ") = " + Classify(probes[i]));

        Console.WriteLine("== dense switch ==");
        for (int i = -2; i <= 11; i++) Console.WriteLine("Dense(" + i + ") = " + Dense(i));

        Console.WriteLine("== sparse switch ==");
        int[] sp = { -1000, -999, -5, 0, 1, 2, 10, 11, 100, 1000, 65536, 65537, int.MaxValue, int.MinValue, 5 };
        for (int i = 0; i < sp.Length; i++) Console.WriteLine("Sparse(" + sp[i] + ") = " + Sparse(sp[i]));

        Console.WriteLine("== switch with goto case / default ==");
        for (int i = -1; i <= 13; i++) Console.WriteLine("WithGotos(" + i + ") = " + WithGotos(i));

        Console.WriteLine("== switch on long and char ==");
        Console.WriteLine(SwitchOnLongAndChar(0, 'a') + " " + SwitchOnLongAndChar(5000000000L, 'b') + " " + SwitchOnLongAndChar(-1, 'z') + " " + SwitchOnLongAndChar(7, 'q'));

        Console.WriteLine("== while / do / for ==");
        int w = 0, wsum = 0;
        while (w < 10) { wsum += w * w; w++; }
        Console.WriteLine("while sum of squares = " + wsum);
        int d = 100, dcount = 0;
        do { d /= 3; dcount++; } while (d > 0);
        Console.WriteLine("do-while count = " + dcount);
        int once = 0;
        do { once++; } while (false);
        Console.WriteLine("do-while(false) ran " + once + " time(s)");
        int fsum = 0;
        for (int i = 0, j = 100; i < j; i += 3, j -= 2) fsum += j - i;
        Console.WriteLine("for with two vars = " + fsum);
        int countdown = 0;
        for (int i = 10; i > 0; i--) countdown = countdown * 2 + i;
        Console.WriteLine("countdown = " + countdown);
        long lsum = 0;
        for (long l = 1; l < 10000000000L; l *= 10) lsum += l;
        Console.WriteLine("long loop sum = " + lsum);
        string letters = "";
        for (char c = 'a'; c <= 'z'; c += (char)5) letters += c;
        Console.WriteLine("char loop = " + letters);

        Console.WriteLine("== break / continue ==");
        int bc = 0;
        for (int i = 0; i < 100; i++)
        {
            if (i % 3 == 0) continue;
            if (i > 50) break;
            bc += i;
        }
        Console.WriteLine("break/continue sum = " + bc);
        int wi = 0, odd = 0;
        while (true)
        {
            wi++;
            if (wi > 20) break;
            if ((wi & 1) == 0) continue;
            odd += wi;
        }
        Console.WriteLine("while(true) odd sum = " + odd);

        Console.WriteLine("== nested loops ==");
        int primes = 0, lastPrime = 0;
        for (int n = 2; n < 2000; n++)
        {
            bool isPrime = true;
            for (int k = 2; k * k <= n; k++)
            {
                if (n % k == 0) { isPrime = false; break; }
            }
            if (isPrime) { primes++; lastPrime = n; }
        }
        Console.WriteLine("primes below 2000 = " + primes + ", last = " + lastPrime);
        int found = -1;
        for (int a = 1; a < 50; a++)
        {
            for (int b = a; b < 50; b++)
            {
                for (int c = b; c < 50; c++)
                {
                    if (a * a + b * b == c * c && a + b + c == 40)
                    {
                        found = a * 10000 + b * 100 + c;
                        goto foundIt;
                    }
                }
            }
        }
    foundIt:
        Console.WriteLine("pythagorean triple with perimeter 40 = " + found);
        string tri = "";
        for (int r = 1; r <= 4; r++)
        {
            for (int s = 0; s < r; s++) tri += "*";
            tri += "|";
        }
        Console.WriteLine("triangle " + tri);

        Console.WriteLine("== goto ==");
        Console.WriteLine("GotoLoop(10) = " + GotoLoop(10) + ", GotoLoop(0) = " + GotoLoop(0));

        Console.WriteLine("== conditional and short-circuit ==");
        for (int i = -2; i <= 2; i++)
        {
            string sign = i < 0 ? "neg" : i == 0 ? "zero" : "pos";
            int abs = i < 0 ? -i : i;
            Console.WriteLine(i + " -> " + sign + " abs " + abs);
        }
        calls = 0;
        bool r1 = Side(false, "A") && Side(true, "B");
        Console.WriteLine(" r1=" + r1);
        bool r2 = Side(true, "C") || Side(true, "D");
        Console.WriteLine(" r2=" + r2);
        bool r3 = Side(true, "E") && Side(false, "F") || Side(true, "G");
        Console.WriteLine(" r3=" + r3);
        bool r4 = Side(false, "H") & Side(true, "I");
        Console.WriteLine(" r4=" + r4);
        bool r5 = Side(true, "J") | Side(false, "K");
        Console.WriteLine(" r5=" + r5);
        Console.WriteLine("side-effect calls = " + calls);

        Console.WriteLine("== collatz ==");
        int longest = 0, arg = 0;
        for (int start = 1; start < 3000; start++)
        {
            long v = start;
            int steps = 0;
            while (v != 1)
            {
                if ((v & 1) == 0) v >>= 1; else v = 3 * v + 1;
                steps++;
            }
            if (steps > longest) { longest = steps; arg = start; }
        }
        Console.WriteLine("longest collatz below 3000: start " + arg + " steps " + longest);
    }
}
