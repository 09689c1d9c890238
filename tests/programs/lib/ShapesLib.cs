// ShapesLib: a class library loaded on demand from next to the program (UsesLibrary.exe):
// its types are resolved through an AssemblyRef, and its classes are derived from and
// dispatched through across the assembly boundary.
namespace ShapesLib
{
    public interface IArea
    {
        double Area();
    }

    public abstract class Shape : IArea
    {
        public abstract double Area();
        public virtual string Describe() { return GetType().Name + " with area " + Area().ToString("F2"); }
    }

    public class Rect : Shape
    {
        public double W, H;
        public Rect(double w, double h) { W = w; H = h; }
        public override double Area() { return W * H; }
    }

    public static class Registry
    {
        public static int Created;
        static Registry() { Created = 100; }
        public static Rect Make(double w, double h) { Created++; return new Rect(w, h); }
    }
}
