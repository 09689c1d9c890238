// ExceptionFilters: catch clauses with `when` filters (run in the first pass, before finally blocks).
using System;
class F {
    static int Check(int k) {
        try {
            if (k > 0) throw new ArgumentException("k=" + k);
            return 0;
        }
        catch (ArgumentException e) when (e.Message.EndsWith("2")) { return 2; }
        catch (ArgumentException e) when (Log(e)) { return 100; }
        catch (Exception) { return -1; }
    }
    static bool Log(Exception e) { Console.WriteLine("filter saw " + e.Message); return e.Message.Length > 3; }
    static void Main() {
        for (int k = 0; k < 4; k++) Console.WriteLine(Check(k));
        try { try { throw new Exception("x"); } finally { Console.WriteLine("finally before catch"); } }
        catch (Exception e) when (e.Message == "x") { Console.WriteLine("caught x"); }
    }
}
