// FilterThrows: an exception thrown inside a filter. Mono 6.8 reports it as unhandled (it
// does not treat the filter as false, as ECMA-335 II.19 suggests); vcall does the same.
using System;
class FilterThrows {
    static bool Bad(Exception e) { throw new InvalidOperationException("in filter"); }
    static void Main() {
        try {
            try { throw new ArgumentException("a"); }
            catch (Exception e) when (Bad(e)) { Console.WriteLine("WRONG: filter threw but matched"); }
        } catch (ArgumentException e) { Console.WriteLine("outer caught " + e.Message); }
        Console.WriteLine("done");
    }
}
