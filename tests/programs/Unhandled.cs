// Unhandled: prints a few lines, then throws an exception nobody catches, from a few
// frames deep. Mono prints the exception to stderr (not compared) and exits with code 1;
// everything written to stdout before the throw must still appear.
using System;

class Worker
{
    int limit;
    public Worker(int limit) { this.limit = limit; }

    public int Step(int depth)
    {
        Console.WriteLine("step " + depth);
        if (depth == limit) throw new InvalidOperationException("gave up at depth " + depth);
        return Step(depth + 1) + 1;
    }
}

class Unhandled
{
    static void Main()
    {
        Console.WriteLine("before the throw");
        int sum = 0;
        for (int i = 1; i <= 10; i++) sum += i;
        Console.WriteLine("sum = " + sum);
        Worker w = new Worker(3);
        int r = w.Step(0);
        Console.WriteLine("never printed " + r);
    }
}
