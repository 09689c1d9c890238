// NullAccess: every way of reaching through a null reference raises NullReferenceException
// in the right place and with Mono's message: fields of every kind (load, store, address),
// array elements (load, store, address), ldlen, instance/virtual/interface calls, unboxing,
// and `throw null`. Mono's message ends with a period only where it checks explicitly
// (ldflda, e.g. calling a method on a value-type field); faults elsewhere have none.
using System;

struct Pair
{
    public int A;
    public long B;
}

interface IShape { int Sides(); }

class Box : IShape
{
    public int I;
    public long L;
    public double D;
    public string S;
    public Pair P;
    public Box Next;
    public virtual int Virt() { return 1; }
    public int Plain() { return I; }
    public int Sides() { return 4; }
}

class NullAccess
{
    static int count;

    static void Try(string what, int k)
    {
        try
        {
            string r = Run(k);
            Console.WriteLine(what + ": no exception (" + r + ")");
        }
        catch (NullReferenceException e)
        {
            count++;
            Console.WriteLine(what + ": " + e.GetType().Name + ": " + e.Message);
        }
        catch (Exception e)
        {
            Console.WriteLine(what + ": unexpected " + e.GetType().FullName + ": " + e.Message);
        }
    }

    static Box nb;
    static int[] ni;
    static string[] ns;
    static Pair[] np;
    static double[] nd;
    static int[,] nm;
    static object no;
    static IShape nif;

    static void Bump(ref int x) { x++; }
    static void BumpL(ref long x) { x++; }

    // Each case reaches through null in one way; Try catches around it.
    static string Run(int k)
    {
        switch (k)
        {
            case 0: return nb.I.ToString();
            case 1: return nb.L.ToString();
            case 2: return nb.D.ToString();
            case 3: return nb.S;
            case 4: return nb.P.A.ToString();
            case 5: return nb.P.B.ToString();
            case 6: nb.I = 1; return "stored";
            case 7: nb.L = 2; return "stored";
            case 8: nb.D = 3.5; return "stored";
            case 9: nb.S = "x"; return "stored";
            case 10: nb.P.A = 4; return "stored";
            case 11: nb.P = new Pair(); return "stored";
            case 12: Bump(ref nb.I); return "bumped";
            case 13: BumpL(ref nb.P.B); return "bumped";
            case 14: return ni.Length.ToString();
            case 15: return ni[0].ToString();
            case 16: ni[0] = 1; return "stored";
            case 17: Bump(ref ni[0]); return "bumped";
            case 18: return ns[0];
            case 19: ns[0] = "y"; return "stored";
            case 20: return np[0].A.ToString();
            case 21: np[0].B = 5; return "stored";
            case 22: return nd[1].ToString();
            case 23: nd[0] = 1.5; return "stored";
            case 24: return nm[0, 0].ToString();
            case 25: nm[1, 1] = 2; return "stored";
            case 26: return nb.Virt().ToString();
            case 27: return nb.Plain().ToString();
            case 28: return nif.Sides().ToString();
            case 29: return ((int)no).ToString();
            case 30: return no.ToString();
            case 31: return no.GetHashCode().ToString();
            case 32: throw null;
            case 33: return nb.Next.Next.I.ToString();
            case 34: { Box b = new Box(); return b.Next.S; }
            case 35: { foreach (int x in ni) return x.ToString(); return "empty"; }
            case 36: return ((string)no).Length.ToString();
            case 37: { Pair p = (Pair)no; return p.A.ToString(); }
            case 38: return ns.Length.ToString();
            case 39: { long n = ni.LongLength; return n.ToString(); }
            case 40: return nb.I + 1 > 0 ? "positive" : "negative";
            case 41: return nb.L - 1 < 0 ? "negative" : "positive";
            case 42: return nb.D * 2.0 > 1.0 ? "big" : "small";
            case 43: { Pair p = nb.P; return p.B > 0 ? "big" : "small"; }
            case 44: return nb.P.ToString();
            case 45: { Box b = nb; return b.I == b.Plain() ? "same" : "differ"; }
            default: return null;
        }
    }

    static void Main()
    {
        for (int k = 0; k < 46; k++) Try("case " + k, k);
        Console.WriteLine(count + " NullReferenceExceptions");
    }
}
