// CastMessages: failed casts raise InvalidCastException with Mono's exact message, which
// names no types ("Specified cast is not valid."): class and interface casts, array casts,
// unboxing to the wrong type (including enums and their underlying types), and the related
// ArrayTypeMismatchException of covariant array stores. Successful casts around them still work.
using System;

class Animal { }
class Dog : Animal { }
class Cat : Animal { }
interface IBark { }
struct Point { public int X; }
enum Color { Red, Green }
enum Big : long { One = 1 }

class CastMessages
{
    static void Cast(string what, object o, int k)
    {
        try
        {
            string r;
            switch (k)
            {
                case 0: r = ((Dog)o).ToString(); break;
                case 1: r = ((IBark)o).ToString(); break;
                case 2: r = ((string)o).Length.ToString(); break;
                case 3: r = ((int)o).ToString(); break;
                case 4: r = ((long)o).ToString(); break;
                case 5: r = ((Point)o).X.ToString(); break;
                case 6: r = ((Color)o).ToString(); break;
                case 7: r = ((Dog[])o).Length.ToString(); break;
                case 8: r = ((int[])o).Length.ToString(); break;
                case 9: r = ((object[])o).Length.ToString(); break;
                case 10: r = ((Animal[])o).Length.ToString(); break;
                case 11: r = ((Big)o).ToString(); break;
                case 12: r = ((uint)o).ToString(); break;
                case 13: r = ((IComparable)o).ToString(); break;
                default: r = "?"; break;
            }
            Console.WriteLine(what + ": ok " + r);
        }
        catch (InvalidCastException e)
        {
            Console.WriteLine(what + ": " + e.GetType().FullName + ": " + e.Message);
            Console.WriteLine("  ToString first line: " + e.ToString().Split('\n')[0]);
        }
    }

    static void Main()
    {
        Cast("Cat as Dog", new Cat(), 0);
        Cast("Dog as Dog", new Dog(), 0);
        Cast("Dog as IBark", new Dog(), 1);
        Cast("Dog as string", new Dog(), 2);
        Cast("boxed int as int", 5, 3);
        Cast("boxed long as int", 5L, 3);
        Cast("boxed int as long", 5, 4);
        Cast("boxed short as int", (short)5, 3);
        Cast("string as int", "5", 3);
        Cast("boxed int as Point", 5, 5);
        Cast("boxed Point as Point", new Point(), 5);
        Cast("boxed int as Color", 1, 6);
        Cast("boxed Color as int", Color.Green, 3);
        Cast("boxed long as Color", 1L, 6);
        Cast("boxed int as Big", 1, 11);
        Cast("boxed int as uint", 1, 12);
        Cast("Animal[] as Dog[]", new Animal[1], 7);
        Cast("Dog[] as Dog[]", new Dog[2], 7);
        Cast("uint[] as int[]", new uint[3], 8);
        Cast("long[] as int[]", new long[3], 8);
        Cast("int[] as object[]", new int[1], 9);
        Cast("string[] as object[]", new string[4], 9);
        Cast("Dog[] as Animal[]", new Dog[5], 10);
        Cast("int[,] as int[]", new int[1, 1], 8);
        Cast("Dog as IComparable", new Dog(), 13);
        Cast("string as IComparable", "s", 13);

        object[] animals = new Dog[1];
        try { animals[0] = new Cat(); Console.WriteLine("stored a Cat"); }
        catch (ArrayTypeMismatchException e) { Console.WriteLine("covariant store: " + e.GetType().FullName + ": " + e.Message); }
        object boxed = 3;
        Console.WriteLine("isinst: " + (boxed is long) + " " + (boxed is int) + " " + (animals is Animal[]) + " " + (animals is Cat[]));
    }
}
