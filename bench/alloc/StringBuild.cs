// StringBuild: allocation-heavy string work (concatenation, StringBuilder, Substring,
// int-to-string) with a small live set; checks its own checksum.
using System;
using System.Text;

class StringBuild
{
    static void Main(string[] args)
    {
        int n = args.Length > 0 ? int.Parse(args[0]) : 2000000;
        long check = 0;
        string keep = "";
        for (int i = 0; i < n; i++)
        {
            string s = "item" + i + ":" + (i * 7);
            StringBuilder sb = new StringBuilder();
            sb.Append(s).Append('|').Append(s.Length);
            string t = sb.ToString();
            check += t.Length + t[t.Length - 1];
            if (i % 100000 == 0) keep = t.Substring(0, 4) + keep.Length;
        }
        Console.WriteLine("checksum " + check + " " + keep);
    }
}
