// ExitCode: static int Main() — the process exit code is Main's return value (3).
using System;

class ExitCode
{
    static int Compute(int a, int b)
    {
        return a * b - 3;
    }

    static int Main()
    {
        Console.WriteLine("returning 3 from Main");
        return Compute(2, 3);
    }
}
