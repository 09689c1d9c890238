// StackOverflow: unbounded recursion must end with an unhandled StackOverflowException (exit 1), not a crash.
using System;
class SO { static int Rec(int n) { return Rec(n + 1) + 1; } static void Main() { Console.WriteLine("start"); Console.WriteLine(Rec(0)); } }
