// Strings: Length, indexer, Concat (2..4 args, object and string overloads, with null),
// Substring, IndexOf/LastIndexOf (char and string), Equals/==/!=, CompareTo (same-case
// ASCII only, printed as a sign), Replace, Split, Join, ToUpper/ToLower, Trim/Pad,
// StartsWith/EndsWith/Contains, Insert/Remove, ToCharArray, new string(...), interning of
// literals, and string.Format with alignment, D/X/x/F/N/E specifiers and brace escapes.
using System;

class Strings
{
    static string Show(string[] parts)
    {
        string s = parts.Length + ":";
        for (int i = 0; i < parts.Length; i++) s += "[" + parts[i] + "]";
        return s;
    }

    static void Main()
    {
        string hello = "Hello, World";
        string empty = "";
        string nul = null;

        Console.WriteLine("== basics ==");
        Console.WriteLine("Length " + hello.Length + " empty " + empty.Length);
        Console.WriteLine("hello[0]=" + hello[0] + " hello[7]=" + hello[7] + " last=" + hello[hello.Length - 1] + " code=" + (int)hello[4]);
        string rev = "";
        for (int i = hello.Length - 1; i >= 0; i--) rev += hello[i];
        Console.WriteLine("reversed " + rev);
        int upperCount = 0;
        for (int i = 0; i < hello.Length; i++) if (hello[i] >= 'A' && hello[i] <= 'Z') upperCount++;
        Console.WriteLine("upper-case letters " + upperCount);

        Console.WriteLine("== concat ==");
        int n = 42;
        Console.WriteLine("a" + "b" + n + 'c' + 1.5 + true + nul + "|");
        Console.WriteLine(string.Concat("x", "y") + string.Concat("1", "2", "3") + string.Concat("p", "q", "r", "s"));
        Console.WriteLine(string.Concat((object)7, (object)'z', (object)null) + "|" + string.Concat(nul, nul) + "|");
        string built = "";
        for (int i = 0; i < 10; i++) built = built + i + ",";
        Console.WriteLine(built);
        built += "end";
        Console.WriteLine(built + " length " + built.Length);

        Console.WriteLine("== substring and search ==");
        Console.WriteLine(hello.Substring(7) + "|" + hello.Substring(0, 5) + "|" + hello.Substring(3, 0) + "|" + hello.Substring(hello.Length) + "|");
        Console.WriteLine("IndexOf('o')=" + hello.IndexOf('o') + " IndexOf('o', 5)=" + hello.IndexOf('o', 5) + " IndexOf('z')=" + hello.IndexOf('z') + " LastIndexOf('o')=" + hello.LastIndexOf('o') + " LastIndexOf('l')=" + hello.LastIndexOf('l'));
        Console.WriteLine("IndexOf(\"World\")=" + hello.IndexOf("World") + " IndexOf(\"lo\")=" + hello.IndexOf("lo") + " IndexOf(\"xyz\")=" + hello.IndexOf("xyz") + " IndexOf(\"\")=" + hello.IndexOf(""));
        Console.WriteLine("Contains(\"o, W\")=" + hello.Contains("o, W") + " StartsWith(\"Hell\")=" + hello.StartsWith("Hell") + " EndsWith(\"rld\")=" + hello.EndsWith("rld") + " EndsWith(\"Hello\")=" + hello.EndsWith("Hello"));
        Console.WriteLine("IndexOfAny=" + hello.IndexOfAny(new char[] { 'W', ',' }));

        Console.WriteLine("== equality and comparison ==");
        string a1 = "apple";
        string a2 = "app" + "le";
        string a3 = new string(new char[] { 'a', 'p', 'p', 'l', 'e' });
        string b1 = "apricot";
        Console.WriteLine("a1==a2 " + (a1 == a2) + " a1==a3 " + (a1 == a3) + " a1!=b1 " + (a1 != b1) + " a1.Equals(a3) " + a1.Equals(a3) + " Equals(object) " + a1.Equals((object)a3) + " static Equals " + string.Equals(a1, a3));
        Console.WriteLine("ReferenceEquals(a1,a2) " + ReferenceEquals(a1, a2) + " ReferenceEquals(a1,a3) " + ReferenceEquals(a1, a3) + " null==null " + (nul == null) + " a1==null " + (a1 == null) + " \"\"==empty " + ("" == empty));
        string[] cmp = { "apple", "apricot", "app", "banana", "apple", "", "b" };
        for (int i = 0; i < cmp.Length; i++)
        {
            string line = cmp[i] + ":";
            for (int j = 0; j < cmp.Length; j++) line += " " + Math.Sign(cmp[i].CompareTo(cmp[j]));
            Console.WriteLine(line);
        }
        Console.WriteLine("string.Compare sign " + Math.Sign(string.Compare("abc", "abd")) + " CompareOrdinal sign " + Math.Sign(string.CompareOrdinal("abc", "ab")));
        // Exact ordinal results: Mono reads the shorter string's terminator two chars at a time.
        string[] ord = { "a", "ab", "abc", "abd", "", "b", "abcd", "abce", "zz", "ab\u00e9", "A" };
        for (int i = 0; i < ord.Length; i++)
        {
            string line = "ordinal #" + i + ":";
            for (int j = 0; j < ord.Length; j++) line += " " + string.CompareOrdinal(ord[i], ord[j]);
            Console.WriteLine(line);
        }
        Console.WriteLine("ordinal null " + string.CompareOrdinal(null, "a") + " " + string.CompareOrdinal("a", null) + " " + string.CompareOrdinal(null, null));
        Console.WriteLine("IsNullOrEmpty: " + string.IsNullOrEmpty(nul) + " " + string.IsNullOrEmpty(empty) + " " + string.IsNullOrEmpty(a1));

        Console.WriteLine("== transform ==");
        Console.WriteLine(hello.Replace("l", "L") + "|" + hello.Replace('o', '0') + "|" + hello.Replace("World", "There") + "|" + hello.Replace("xyz", "q") + "|" + "aaa".Replace("a", "bb") + "|" + "abcabc".Replace("bc", ""));
        Console.WriteLine(hello.ToUpper() + "|" + hello.ToLower() + "|" + "MiXeD 123".ToUpperInvariant() + "|" + "MiXeD 123".ToLowerInvariant());
        Console.WriteLine("[" + "  pad me  ".Trim() + "][" + "  pad me  ".TrimStart() + "][" + "  pad me  ".TrimEnd() + "][" + "xxabcxx".Trim('x') + "]");
        Console.WriteLine("[" + "7".PadLeft(4) + "][" + "7".PadRight(4) + "][" + "7".PadLeft(4, '0') + "][" + "toolong".PadLeft(3) + "]");
        Console.WriteLine(hello.Insert(5, "!!!") + "|" + hello.Remove(5) + "|" + hello.Remove(5, 2));
        char[] arr = hello.ToCharArray();
        arr[0] = 'J';
        Console.WriteLine(new string(arr) + "|" + new string('-', 10) + "|" + new string(arr, 7, 5) + "|" + arr.Length);

        Console.WriteLine("== split and join ==");
        string csv = "one,two,,three,";
        Console.WriteLine(Show(csv.Split(',')));
        Console.WriteLine(Show(csv.Split(new char[] { ',' }, StringSplitOptions.RemoveEmptyEntries)));
        Console.WriteLine(Show("a b;c d".Split(' ', ';')));
        Console.WriteLine(Show("nodelimiter".Split(',')));
        string[] parts = { "x", "y", "z" };
        Console.WriteLine(string.Join("-", parts) + "|" + string.Join(", ", csv.Split(',')) + "|" + string.Join("", parts) + "|" + string.Join("+", new string[0]) + "|");
        Console.WriteLine(string.Join("/", new string[] { "a", null, "c" }));

        Console.WriteLine("== Format ==");
        Console.WriteLine(string.Format("{0} + {1} = {2}", 2, 3, 2 + 3));
        Console.WriteLine(string.Format("[{0,5}] [{0,-5}] [{1,8}] [{1,-8}]", 42, "ab"));
        Console.WriteLine(string.Format("[{0:X}] [{0:x}] [{0:X8}] [{1:X}] [{2:x4}] [{3:X}]", 255, -1, 10, 1234567890123L));
        Console.WriteLine(string.Format("[{0:D}] [{0:D6}] [{1:D3}] [{2:N0}] [{3:N2}]", 42, -7, 1234567, 9876.5432));
        Console.WriteLine(string.Format("[{0:F2}] [{0:F0}] [{1:F3}] [{0,10:F2}] [{0,-10:F1}] [{2:E2}]", 3.14159, -0.0005, 123456.789));
        Console.WriteLine(string.Format("{{literal}} {0}{{{1}}}", "x", "y"));
        Console.WriteLine(string.Format("{0} {1} {2} {3} {4} {5}", 'c', true, 1.5f, 2.25, (byte)200, -9L));
        Console.WriteLine(string.Format("{1}{0}{1}", "-", "="));
        Console.WriteLine(string.Format("null arg: [{0}]", nul));
        Console.WriteLine("WriteLine format: {0} and {1}", "first", 2);
        Console.WriteLine("four args: {0} {1} {2} {3}", 1, 2, 3, 4);
        Console.WriteLine("{0,6}|{1,6}|{2,6}", "a", "bb", "ccc");
        for (int i = 1; i <= 1000; i *= 10) Console.WriteLine("{0,6}{1,8:F1}{2,6:X}", i, i / 7.0, i);

        Console.WriteLine("== ToString of numbers ==");
        Console.WriteLine(123.ToString() + " " + (-45).ToString() + " " + 255.ToString("X2") + " " + 7.ToString("D3") + " " + 3.5.ToString() + " " + 1.0.ToString("F3") + " " + 'q'.ToString() + " " + true.ToString() + " " + long.MinValue.ToString());
        Console.WriteLine(int.Parse("12345") + 1 + " " + (long.Parse("-9000000000") - 1) + " " + double.Parse("2.5") * 2);

        Console.WriteLine("== interning ==");
        string lit1 = "interned";
        string lit2 = "interned";
        Console.WriteLine("same literal object " + ReferenceEquals(lit1, lit2) + " Intern " + ReferenceEquals(string.Intern(new string('z', 3)), string.Intern("zzz")));
    }
}
