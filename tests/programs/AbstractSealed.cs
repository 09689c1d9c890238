// AbstractSealed: abstract classes with abstract and concrete members, abstract methods
// implemented at different depths, an abstract class overriding a virtual method as
// abstract again (re-abstraction), sealed classes, sealed overrides, abstract properties,
// calls to abstract methods from the base class (template method), and static members of
// abstract and sealed/static classes.
using System;

abstract class Shape
{
    static int count;
    protected string name;

    protected Shape(string name) { this.name = name; count++; }

    public abstract double Area();
    public abstract double Perimeter();
    public abstract int Sides { get; }
    public virtual string Kind() { return "shape"; }

    // template method: a concrete method calling abstract ones
    public string Report()
    {
        return string.Format("{0,-10} kind={1,-9} sides={2} area={3:F3} perimeter={4:F3}", name, Kind(), Sides, Area(), Perimeter());
    }

    public static int Count { get { return count; } }
}

abstract class Polygon : Shape
{
    protected Polygon(string name) : base(name) { }
    public override string Kind() { return "polygon"; }
    // Perimeter still abstract here; Sides implemented for all polygons via an abstract helper
    protected abstract double[] Edges();
    public override double Perimeter()
    {
        double[] e = Edges();
        double p = 0;
        for (int i = 0; i < e.Length; i++) p += e[i];
        return p;
    }
    public override int Sides { get { return Edges().Length; } }
}

class Rectangle : Polygon
{
    protected double w, h;
    public Rectangle(double w, double h) : this("rectangle", w, h) { }
    protected Rectangle(string name, double w, double h) : base(name) { this.w = w; this.h = h; }
    public override double Area() { return w * h; }
    protected override double[] Edges() { return new double[] { w, h, w, h }; }
}

sealed class Square : Rectangle
{
    public Square(double s) : base("square", s, s) { }
    public override string Kind() { return "square"; }
}

class Triangle : Polygon
{
    double a, b, c;
    public Triangle(double a, double b, double c) : base("triangle") { this.a = a; this.b = b; this.c = c; }
    public override double Area()
    {
        double s = (a + b + c) / 2;
        return Math.Sqrt(s * (s - a) * (s - b) * (s - c));
    }
    protected override double[] Edges() { return new double[] { a, b, c }; }
    public sealed override string Kind() { return "triangle"; }
}

class RightTriangle : Triangle
{
    public RightTriangle(double a, double b) : base(a, b, Math.Sqrt(a * a + b * b)) { }
    public override double Area() { return base.Area() + 0.0; }
}

sealed class Circle : Shape
{
    double r;
    public Circle(double r) : base("circle") { this.r = r; }
    public override double Area() { return Math.PI * r * r; }
    public override double Perimeter() { return 2 * Math.PI * r; }
    public override int Sides { get { return 0; } }
    public override string Kind() { return "round"; }
}

class Concrete
{
    public virtual string Hello() { return "Concrete.Hello"; }
}

abstract class ReAbstract : Concrete
{
    public abstract override string Hello();
}

class ReConcrete : ReAbstract
{
    public override string Hello() { return "ReConcrete.Hello"; }
}

static class Util
{
    public static int Calls;
    public static double Total(Shape[] shapes)
    {
        Calls++;
        double t = 0;
        for (int i = 0; i < shapes.Length; i++) t += shapes[i].Area();
        return t;
    }
}

sealed class Counter
{
    int value;
    public int Next() { return ++value; }
}

class AbstractSealed
{
    static void Main()
    {
        Shape[] shapes = {
            new Rectangle(3, 4), new Square(2.5), new Triangle(3, 4, 5), new RightTriangle(5, 12),
            new Circle(1), new Circle(0.5), new Square(10)
        };
        Console.WriteLine("== reports (template method calling abstract members) ==");
        for (int i = 0; i < shapes.Length; i++) Console.WriteLine(shapes[i].Report());
        Console.WriteLine("Shape.Count = " + Shape.Count);
        Console.WriteLine("total area = " + Util.Total(shapes).ToString("F4") + " Util.Calls = " + Util.Calls);

        Console.WriteLine("== through intermediate static types ==");
        Polygon p = (Polygon)shapes[1];
        Rectangle r = (Rectangle)shapes[1];
        Square sq = (Square)shapes[1];
        Console.WriteLine("as Polygon: " + p.Kind() + " " + p.Perimeter() + " " + p.Sides);
        Console.WriteLine("as Rectangle: " + r.Kind() + " " + r.Area());
        Console.WriteLine("as Square (sealed, direct calls): " + sq.Kind() + " " + sq.Area() + " " + sq.Perimeter());
        Triangle t = (Triangle)shapes[3];
        Console.WriteLine("RightTriangle as Triangle: " + t.Kind() + " area " + t.Area() + " sides " + t.Sides + " perimeter " + t.Perimeter());
        Circle c = (Circle)shapes[4];
        Console.WriteLine("Circle (sealed): " + c.Kind() + " " + c.Area().ToString("F6") + " " + c.Perimeter().ToString("F6"));

        Console.WriteLine("== is checks ==");
        for (int i = 0; i < shapes.Length; i++)
        {
            Shape s = shapes[i];
            Console.WriteLine(i + ": Polygon " + (s is Polygon) + " Rectangle " + (s is Rectangle) + " Square " + (s is Square) + " Triangle " + (s is Triangle) + " Circle " + (s is Circle));
        }

        Console.WriteLine("== re-abstraction ==");
        Concrete rc = new ReConcrete();
        ReAbstract ra = (ReAbstract)rc;
        Console.WriteLine("Concrete: " + new Concrete().Hello() + " ReConcrete as Concrete: " + rc.Hello() + " as ReAbstract: " + ra.Hello());

        Console.WriteLine("== sealed class instance ==");
        Counter counter = new Counter();
        int sum = 0;
        for (int i = 0; i < 100; i++) sum += counter.Next();
        Console.WriteLine("counter sum = " + sum);
    }
}
