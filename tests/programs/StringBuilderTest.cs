// StringBuilderTest: System.Text.StringBuilder — Append of every primitive, char, string,
// object, char repeat and substring overloads, AppendLine, AppendFormat, Insert, Remove,
// Replace (char and string, whole and ranged), indexer get/set, Length get/set (truncate
// and extend with NULs), Clear, ToString(start, len), chained calls, and a large build.
using System;
using System.Text;

class Thing
{
    public override string ToString() { return "<thing>"; }
}

class StringBuilderTest
{
    static void Main()
    {
        StringBuilder sb = new StringBuilder();
        Console.WriteLine("empty: [" + sb.ToString() + "] Length " + sb.Length);

        sb.Append("str").Append(',').Append(42).Append(',').Append(-7L).Append(',').Append(3.25).Append(',').Append(1.5f).Append(',');
        sb.Append(true).Append(',').Append((byte)200).Append(',').Append((sbyte)-5).Append(',').Append((short)-300).Append(',').Append((ushort)60000).Append(',');
        sb.Append(4000000000u).Append(',').Append(18000000000000000000UL).Append(',').Append(new Thing()).Append(',').Append((object)null).Append(',').Append((string)null).Append('|');
        Console.WriteLine("appends: " + sb);
        Console.WriteLine("Length " + sb.Length);

        StringBuilder sb2 = new StringBuilder("seed");
        sb2.Append('x', 3);
        sb2.Append("abcdefgh", 2, 3);
        sb2.Append(new char[] { 'p', 'q' });
        Console.WriteLine("overloads: " + sb2.ToString());

        StringBuilder lines = new StringBuilder();
        lines.AppendLine("first");
        lines.AppendLine();
        lines.Append("third");
        Console.WriteLine("AppendLine: [" + lines.ToString().Replace("\n", "\\n") + "] Length " + lines.Length);

        StringBuilder fmt = new StringBuilder();
        fmt.AppendFormat("{0}-{1}", 1, "two");
        fmt.AppendFormat(" [{0,4}] [{1:F2}] [{2:X}]", 7, 2.0 / 3.0, 255);
        fmt.AppendFormat(" {0}{1}{2}{3}", 'a', 'b', 'c', 'd');
        Console.WriteLine("AppendFormat: " + fmt);

        StringBuilder ed = new StringBuilder("0123456789");
        ed.Insert(0, "<");
        ed.Insert(ed.Length, ">");
        ed.Insert(5, "--");
        ed.Insert(3, 99);
        Console.WriteLine("Insert: " + ed);
        ed.Remove(0, 1);
        ed.Remove(ed.Length - 1, 1);
        ed.Remove(2, 2);
        Console.WriteLine("Remove: " + ed);

        StringBuilder rep = new StringBuilder("the cat sat on the mat");
        rep.Replace("at", "og");
        Console.WriteLine("Replace string: " + rep);
        rep.Replace('o', '0');
        Console.WriteLine("Replace char: " + rep);
        rep.Replace("the", "a", 0, 5);
        Console.WriteLine("Replace ranged: " + rep);
        rep.Replace("0g", "");
        Console.WriteLine("Replace with empty: " + rep);

        StringBuilder idx = new StringBuilder("abcdef");
        idx[0] = 'A';
        idx[5] = (char)(idx[4] + 10);
        string chars = "";
        for (int i = 0; i < idx.Length; i++) chars += (int)idx[i] + " ";
        Console.WriteLine("indexer: " + idx + " codes " + chars);

        StringBuilder len = new StringBuilder("truncate me");
        len.Length = 8;
        Console.WriteLine("Length=8: [" + len + "]");
        len.Length = 10;
        Console.WriteLine("Length=10: code of [9] = " + (int)len[9] + " length " + len.ToString().Length);
        len.Clear();
        Console.WriteLine("Clear: [" + len + "] Length " + len.Length);
        len.Append("reuse");
        Console.WriteLine("after reuse: " + len + " ToString(1,3)=" + len.ToString(1, 3));

        StringBuilder big = new StringBuilder();
        for (int i = 0; i < 5000; i++)
        {
            big.Append(i % 10);
            if (i % 100 == 99) big.Append('\n');
        }
        string bs = big.ToString();
        int newlines = 0, digitSum = 0;
        for (int i = 0; i < bs.Length; i++)
        {
            if (bs[i] == '\n') newlines++;
            else digitSum += bs[i] - '0';
        }
        Console.WriteLine("big: length " + bs.Length + " newlines " + newlines + " digit sum " + digitSum + " tail " + bs.Substring(bs.Length - 12).Replace("\n", "/"));

        StringBuilder table = new StringBuilder();
        for (int r = 1; r <= 5; r++)
        {
            for (int c = 1; c <= 5; c++) table.AppendFormat("{0,4}", r * c);
            table.Append('\n');
        }
        Console.Write(table.ToString());

        StringBuilder rev = new StringBuilder("stressed");
        for (int i = 0, j = rev.Length - 1; i < j; i++, j--)
        {
            char t = rev[i]; rev[i] = rev[j]; rev[j] = t;
        }
        Console.WriteLine("reversed in place: " + rev);
        Console.WriteLine("Equals: " + new StringBuilder("x").Equals(new StringBuilder("x")) + " string equals " + (new StringBuilder("x").ToString() == "x"));
    }
}
