// Args: Main(string[] args) — the runner passes: a "b c" d
using System;

class Args
{
    static void Main(string[] args)
    {
        Console.WriteLine("count: " + args.Length);
        for (int i = 0; i < args.Length; i++)
        {
            Console.WriteLine("arg[" + i + "] = <" + args[i] + "> length " + args[i].Length);
        }
        Console.WriteLine("args is null: " + (args == null));
    }
}
