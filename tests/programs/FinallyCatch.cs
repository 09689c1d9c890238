// FinallyCatch: try/catch blocks inside finally blocks, entered both ways: by leaving the try
// normally (the finally runs as a subroutine of its method) and by an exception passing through
// (the runtime runs the finally while unwinding). The catch handler must resume at the finally's
// own stack level so the finally can still return to whoever ran it.
using System;

class FinallyCatch
{
    static string log = "";

    static void Note(string s) { log += s + " "; }

    static void Throw(string m) { throw new InvalidOperationException(m); }

    static void NormalExit()
    {
        try { Note("try"); }
        finally
        {
            try { Throw("in finally"); }
            catch (InvalidOperationException e) { Note("caught " + e.Message); }
            Note("finally end");
        }
        Note("after");
    }

    static void Unwinding()
    {
        try
        {
            try { Throw("outer"); }
            finally
            {
                try { Throw("inside unwinding finally"); }
                catch (InvalidOperationException e) { Note("caught " + e.Message); }
                Note("finally end");
            }
        }
        catch (InvalidOperationException e) { Note("outer caught " + e.Message); }
    }

    static void TwoLevels()
    {
        try { Note("t1"); }
        finally
        {
            try { Note("t2"); }
            finally
            {
                try { Throw("level 2"); }
                catch (Exception e) { Note("caught " + e.Message); }
                Note("end2");
            }
            try { Throw("level 1"); }
            catch (Exception e) { Note("caught " + e.Message); }
            Note("end1");
        }
    }

    static void UnwindingInsideLeave()
    {
        try { Note("a"); }
        finally
        {
            try
            {
                try { Throw("from try in finally"); }
                finally
                {
                    try { Throw("deepest"); }
                    catch (Exception e) { Note("caught " + e.Message); }
                }
            }
            catch (Exception e) { Note("finally caught " + e.Message); }
            Note("outer finally end");
        }
    }

    static void ReplacedInFinally()
    {
        try
        {
            try { Throw("first"); }
            finally { Throw("replacement"); }
        }
        catch (Exception e) { Note("caught " + e.Message); }
    }

    static int Loop()
    {
        int total = 0;
        for (int i = 0; i < 5; i++)
        {
            try { total += i; }
            finally
            {
                try { if (i % 2 == 0) Throw("even"); total += 100; }
                catch (Exception) { total += 1000; }
            }
        }
        return total;
    }

    static void Main()
    {
        NormalExit(); Console.WriteLine(log); log = "";
        Unwinding(); Console.WriteLine(log); log = "";
        TwoLevels(); Console.WriteLine(log); log = "";
        UnwindingInsideLeave(); Console.WriteLine(log); log = "";
        ReplacedInFinally(); Console.WriteLine(log); log = "";
        Console.WriteLine(Loop());
        // Many times over, so a stack that drifted would show.
        for (int i = 0; i < 10000; i++) { NormalExit(); Unwinding(); TwoLevels(); UnwindingInsideLeave(); log = ""; }
        Console.WriteLine("done");
    }
}
