// BoxingCasts: box/unbox of every primitive and of user structs (a box is a copy),
// ToString/Equals/GetHashCode through object, is/as/castclass to classes, interfaces and
// arrays (incl. array covariance object[] <- string[], and int[] vs uint[]), null handling,
// and enums: boxing, ToString (plain, [Flags] combinations, undefined values), unboxing
// to the enum and conversion to the underlying type, enums with byte/long underlying types.
using System;

interface IAnimal
{
    string Sound();
}

interface IPet
{
    string Name { get; }
}

class Animal : IAnimal
{
    public virtual string Sound() { return "..."; }
}

class Dog : Animal, IPet
{
    string name;
    public Dog(string n) { name = n; }
    public override string Sound() { return "woof"; }
    public string Name { get { return name; } }
    public override string ToString() { return "Dog " + name; }
}

class Cat : Animal
{
    public override string Sound() { return "meow"; }
}

struct Money
{
    public long Cents;
    public Money(long c) { Cents = c; }
    public override string ToString() { return (Cents / 100) + "." + (Cents % 100 < 10 ? "0" : "") + (Cents % 100); }
}

struct PlainStruct
{
    public int A;
    public int B;
}

enum Color { Red, Green, Blue = 10, Black = -1 }

[Flags]
enum Perm { None = 0, Read = 1, Write = 2, Exec = 4, All = 7 }

enum Small : byte { Lo = 1, Hi = 200 }

enum Huge : long { Min = long.MinValue, One = 1, Max = long.MaxValue }

class BoxingCasts
{
    static string Describe(object o)
    {
        if (o == null) return "null";
        string s = o.ToString();
        if (o is int) s += " (int)";
        else if (o is long) s += " (long)";
        else if (o is double) s += " (double)";
        else if (o is string) s += " (string)";
        else if (o is Color) s += " (Color)";
        else if (o is IPet) s += " (IPet)";
        else if (o is Animal) s += " (Animal)";
        else if (o is Array) s += " (Array)";
        else if (o is ValueType) s += " (other value type)";
        else s += " (other)";
        return s;
    }

    static void Main()
    {
        Console.WriteLine("== box and unbox primitives ==");
        object ob = (byte)250, osb = (sbyte)-3, osh = (short)-1234, ous = (ushort)54321, oi = 123456, oui = 4000000000u;
        object ol = -9000000000L, oul = 18000000000000000000UL, of = 1.25f, od = -2.5, oc = 'x', obo = true;
        Console.WriteLine("ToString: " + ob + " " + osb + " " + osh + " " + ous + " " + oi + " " + oui + " " + ol + " " + oul + " " + of + " " + od + " " + oc + " " + obo);
        byte b = (byte)ob; sbyte sb = (sbyte)osb; short sh = (short)osh; ushort us = (ushort)ous; int i = (int)oi; uint ui = (uint)oui;
        long l = (long)ol; ulong ul = (ulong)oul; float f = (float)of; double d = (double)od; char c = (char)oc; bool bo = (bool)obo;
        Console.WriteLine("unboxed: " + (b + 1) + " " + (sb - 1) + " " + (sh * 2) + " " + (us + 1) + " " + (i + 1) + " " + (ui + 1) + " " + (l - 1) + " " + (ul + 1) + " " + (f * 2) + " " + (d * 2) + " " + (char)(c + 1) + " " + !bo);

        Console.WriteLine("== boxed Equals / GetHashCode ==");
        object i1 = 42, i2 = 42, i3 = 43;
        Console.WriteLine("42 == 42 as objects (reference): " + (i1 == i2) + ", Equals: " + i1.Equals(i2) + ", 42.Equals(43): " + i1.Equals(i3) + ", 42.Equals(42L): " + i1.Equals(42L));
        Console.WriteLine("hashes int: " + i1.GetHashCode() + " " + (-1).GetHashCode() + " " + int.MinValue.GetHashCode());
        Console.WriteLine("hashes long: " + ol.GetHashCode() + " " + (5L).GetHashCode() + " " + (-1L).GetHashCode() + " " + long.MaxValue.GetHashCode());
        Console.WriteLine("hashes small: byte " + ob.GetHashCode() + " sbyte " + osb.GetHashCode() + " short " + osh.GetHashCode() + " ushort " + ous.GetHashCode() + " char " + oc.GetHashCode() + " bool " + obo.GetHashCode() + "/" + false.GetHashCode() + " uint " + oui.GetHashCode() + " ulong " + oul.GetHashCode());
        Console.WriteLine("hashes float/double: " + of.GetHashCode() + " " + od.GetHashCode() + " " + (0.0).GetHashCode() + " " + (1.0).GetHashCode());
        object d1 = 0.5, d2 = 0.5, f1 = 0.5f;
        Console.WriteLine("double Equals: " + d1.Equals(d2) + " double.Equals(float): " + d1.Equals(f1) + " char Equals: " + oc.Equals('x') + " bool Equals: " + obo.Equals(true));

        Console.WriteLine("== boxes are copies ==");
        Money m = new Money(1234);
        object boxedMoney = m;
        m.Cents = 1;
        Console.WriteLine("boxed " + boxedMoney + " local " + m + " unboxed " + ((Money)boxedMoney).Cents);
        PlainStruct ps;
        ps.A = 1; ps.B = 2;
        object bps = ps;
        PlainStruct ps2 = (PlainStruct)bps;
        ps2.A = 100;
        Console.WriteLine("plain struct box Equals copy: " + bps.Equals(ps) + " after change: " + bps.Equals(ps2) + " ((PlainStruct)bps).A=" + ((PlainStruct)bps).A);
        Console.WriteLine("plain struct ToString: " + bps.ToString());
        object again = i;
        i = 0;
        Console.WriteLine("boxed int survives local change: " + again + " is int " + (again is int) + " is long " + (again is long));

        Console.WriteLine("== is / as / castclass ==");
        object[] things = { new Dog("Rex"), new Cat(), new Animal(), "text", 5, 5L, 2.5, Color.Blue, null, new int[] { 1 }, new string[] { "s" }, new Money(250) };
        for (int k = 0; k < things.Length; k++) Console.WriteLine("thing[" + k + "] = " + Describe(things[k]));
        object dog = things[0];
        Animal asAnimal = dog as Animal;
        Cat asCat = dog as Cat;
        IPet asPet = dog as IPet;
        IAnimal asIAnimal = dog as IAnimal;
        Console.WriteLine("dog as Animal: " + (asAnimal != null) + " as Cat: " + (asCat != null) + " as IPet: " + asPet.Name + " as IAnimal: " + asIAnimal.Sound());
        Animal cast = (Animal)dog;
        Dog back = (Dog)cast;
        IPet pet = (IPet)dog;
        IAnimal ia = (IAnimal)things[1];
        Console.WriteLine("castclass: " + cast.Sound() + " " + back.Name + " " + pet.Name + " " + ia.Sound());
        object cat = things[1];
        Console.WriteLine("cat is IPet: " + (cat is IPet) + ", cat is IAnimal: " + (cat is IAnimal) + ", cat as IPet is null: " + ((cat as IPet) == null));
        object nothing = null;
        Console.WriteLine("null is object: " + (nothing is object) + ", null as string is null: " + ((nothing as string) == null) + ", (string)null is null: " + ((string)nothing == null));
        string str = things[3] as string;
        Console.WriteLine("as string: " + str.ToUpper() + " is IComparable: " + (things[3] is IComparable) + " int is IComparable: " + (things[4] is IComparable) + " int is IFormattable: " + (things[4] is IFormattable) + " Animal is IComparable: " + (things[2] is IComparable));

        Console.WriteLine("== arrays ==");
        string[] strs = { "a", "b" };
        object ostrs = strs;
        Console.WriteLine("string[] is object[]: " + (ostrs is object[]) + ", is string[]: " + (ostrs is string[]) + ", is Array: " + (ostrs is Array) + ", is int[]: " + (ostrs is int[]));
        object[] covariant = strs;
        Console.WriteLine("covariant read: " + covariant[1] + " length " + covariant.Length);
        covariant[0] = "replaced";
        Console.WriteLine("covariant store of a string: " + strs[0]);
        Dog[] dogs = { new Dog("A"), new Dog("B") };
        object odogs = dogs;
        Console.WriteLine("Dog[] is Animal[]: " + (odogs is Animal[]) + ", is IPet[]: " + (odogs is IPet[]) + ", is Cat[]: " + (odogs is Cat[]) + ", as Cat[] null: " + ((odogs as Cat[]) == null));
        Animal[] animals = (Animal[])odogs;
        IPet[] pets = (IPet[])odogs;
        Console.WriteLine("cast Dog[] -> Animal[]: " + animals[1].Sound() + ", -> IPet[]: " + pets[0].Name);
        object ints = new int[] { -1, 2 };
        Console.WriteLine("int[] is object[]: " + (ints is object[]) + ", is int[]: " + (ints is int[]) + ", is long[]: " + (ints is long[]) + ", is uint[]: " + (ints is uint[]));
        object colors = new Color[] { Color.Green };
        Console.WriteLine("Color[] is int[]: " + (colors is int[]) + ", is Color[]: " + (colors is Color[]) + ", is object[]: " + (colors is object[]));

        Console.WriteLine("== enums ==");
        Color red = Color.Red, blue = Color.Blue, black = Color.Black;
        Color undefined = (Color)42;
        Console.WriteLine("ToString: " + red + " " + blue + " " + black + " " + undefined + " " + Color.Green.ToString());
        Console.WriteLine("underlying: " + (int)red + " " + (int)blue + " " + (int)black + " " + (int)undefined);
        Console.WriteLine("compare: " + (blue > red) + " " + (black < red) + " " + (blue == (Color)10) + " next " + (red + 1));
        object oblue = blue;
        Console.WriteLine("boxed: " + oblue + " is Color " + (oblue is Color) + " is int " + (oblue is int) + " is Enum " + (oblue is Enum) + " is ValueType " + (oblue is ValueType) + " unboxed " + (int)(Color)oblue);
        Console.WriteLine("boxed Equals: " + oblue.Equals(Color.Blue) + " " + oblue.Equals(Color.Red) + " " + oblue.Equals(10) + " hash " + oblue.GetHashCode() + " " + ((object)black).GetHashCode());
        Perm rw = Perm.Read | Perm.Write;
        Perm none = Perm.None;
        Perm all = Perm.Read | Perm.Write | Perm.Exec;
        Perm odd = (Perm)9;
        Console.WriteLine("flags: " + rw + " | " + none + " | " + all + " | " + Perm.Exec + " | " + odd + " | " + (int)rw);
        Console.WriteLine("flag tests: " + ((rw & Perm.Write) != 0) + " " + ((rw & Perm.Exec) != 0) + " " + (rw ^ Perm.Read));
        Small s1 = Small.Hi;
        Huge h1 = Huge.Min, h2 = Huge.One;
        object os1 = s1, oh1 = h1;
        Console.WriteLine("byte enum: " + s1 + " " + (byte)s1 + " " + os1 + " " + (int)(Small)os1 + " " + (Small)1 + " " + (Small)7);
        Console.WriteLine("long enum: " + h1 + " " + (long)h1 + " " + oh1 + " " + h2 + " " + Huge.Max + " " + (long)Huge.Max);
        Color[] palette = { Color.Blue, Color.Red, Color.Black, Color.Green };
        string pal = "";
        for (int k = 0; k < palette.Length; k++) pal += palette[k] + "=" + (int)palette[k] + " ";
        Console.WriteLine("palette: " + pal);
        switch (blue)
        {
            case Color.Red: Console.WriteLine("switch: red"); break;
            case Color.Blue: Console.WriteLine("switch: blue"); break;
            default: Console.WriteLine("switch: other"); break;
        }
    }
}
