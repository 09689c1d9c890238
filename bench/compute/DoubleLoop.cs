// DoubleLoop: a tight float64 loop (midpoint-rule integration of 4/(1+x^2), giving pi).
using System;

class DoubleLoop
{
    static void Main(string[] args)
    {
        int n = args.Length > 0 ? int.Parse(args[0]) : 200000000;
        double step = 1.0 / n;
        double sum = 0.0;
        for (int i = 0; i < n; i++)
        {
            double x = (i + 0.5) * step;
            sum += 4.0 / (1.0 + x * x);
        }
        double pi = sum * step;
        Console.WriteLine("pi " + pi.ToString("F10"));
        if (Math.Abs(pi - Math.PI) > 1e-6) { Console.WriteLine("WRONG"); Environment.Exit(1); }
    }
}
