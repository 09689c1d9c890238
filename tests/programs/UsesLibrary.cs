// UsesLibrary: a program referencing a class library (lib/ShapesLib.cs, built to
// ShapesLib.dll next to it): types, statics, virtual and interface calls across assemblies,
// and a class deriving from a library class.
using System;
using ShapesLib;

class Square : Rect
{
    public Square(double s) : base(s, s) { }
    public override string Describe() { return "Square: " + base.Describe(); }
}

class UsesLibrary
{
    static void Main()
    {
        Shape[] shapes = { Registry.Make(2, 3), new Square(4), Registry.Make(1.5, 2) };
        double total = 0;
        foreach (Shape s in shapes)
        {
            Console.WriteLine(s.Describe());
            IArea a = s;
            total += a.Area();
        }
        Console.WriteLine("total " + total + " created " + Registry.Created);
    }
}
