// DeltaBlue: the incremental one-way dataflow constraint solver (Freeman-Benson &
// Maloney). Strength hierarchy, variables, stay/edit/equality/scale constraints,
// an incremental planner and plan extraction, exercised by the classic chain test
// and projection test. Uses its own non-generic OrderedCollection.
// Usage: DeltaBlue.exe [iterations]   (each iteration = chainTest(100) + projectionTest(100))
using System;

sealed class OrderedCollection {
    object[] items = new object[8];
    int start, count;   // items live in [start, start+count)
    public int Size { get { return count; } }
    public object At(int i) { return items[start + i]; }
    public void Add(object o) {
        if (start + count == items.Length) {
            object[] n = items;
            if (count * 2 >= items.Length) n = new object[items.Length * 2];
            Array.Copy(items, start, n, 0, count);
            if (n == items) Array.Clear(items, count, items.Length - count);
            items = n;
            start = 0;
        }
        items[start + count++] = o;
    }
    public object RemoveFirst() {
        object o = items[start];
        items[start] = null;
        start++;
        count--;
        if (count == 0) start = 0;
        return o;
    }
    public void Remove(object o) {
        int j = start;
        for (int i = start; i < start + count; i++) {
            if (items[i] != o) items[j++] = items[i];
        }
        for (int i = j; i < start + count; i++) items[i] = null;
        count = j - start;
    }
}

sealed class Strength {
    public readonly int Value;
    public readonly string Name;
    Strength(int v, string name) { Value = v; Name = name; }
    public static readonly Strength Required = new Strength(0, "required");
    public static readonly Strength StrongPreferred = new Strength(1, "strongPreferred");
    public static readonly Strength Preferred = new Strength(2, "preferred");
    public static readonly Strength StrongDefault = new Strength(3, "strongDefault");
    public static readonly Strength Normal = new Strength(4, "normal");
    public static readonly Strength WeakDefault = new Strength(5, "weakDefault");
    public static readonly Strength Weakest = new Strength(6, "weakest");

    public static bool Stronger(Strength a, Strength b) { return a.Value < b.Value; }
    public static bool Weaker(Strength a, Strength b) { return a.Value > b.Value; }
    public static Strength WeakestOf(Strength a, Strength b) { return Weaker(a, b) ? a : b; }
    public Strength NextWeaker() {
        switch (Value) {
            case 0: return StrongPreferred;
            case 1: return Preferred;
            case 2: return StrongDefault;
            case 3: return Normal;
            case 4: return WeakDefault;
            case 5: return Weakest;
        }
        DeltaBlue.Fail("no strength weaker than weakest");
        return Weakest;
    }
}

sealed class Variable {
    public int Value;
    public readonly OrderedCollection Constraints = new OrderedCollection();
    public Constraint DeterminedBy;
    public int Mark;
    public Strength WalkStrength = Strength.Weakest;
    public bool Stay = true;
    public readonly string Name;
    public Variable(string name, int value) { Name = name; Value = value; }
    public void AddConstraint(Constraint c) { Constraints.Add(c); }
    public void RemoveConstraint(Constraint c) {
        Constraints.Remove(c);
        if (DeterminedBy == c) DeterminedBy = null;
    }
}

abstract class Constraint {
    public readonly Strength Strength;
    protected Constraint(Strength s) { Strength = s; }

    public abstract bool IsSatisfied();
    public abstract void MarkUnsatisfied();
    public abstract void AddToGraph();
    public abstract void RemoveFromGraph();
    public abstract void ChooseMethod(int mark);
    public abstract void MarkInputs(int mark);
    public abstract bool InputsKnown(int mark);
    public abstract Variable Output();
    public abstract void Recalculate();
    public abstract void Execute();
    public virtual bool IsInput() { return false; }

    protected void AddConstraint() {
        AddToGraph();
        Planner.Current.IncrementalAdd(this);
    }

    public Constraint Satisfy(int mark) {
        ChooseMethod(mark);
        if (!IsSatisfied()) {
            if (Strength == Strength.Required) DeltaBlue.Fail("Could not satisfy a required constraint");
            return null;
        }
        MarkInputs(mark);
        Variable output = Output();
        Constraint overridden = output.DeterminedBy;
        if (overridden != null) overridden.MarkUnsatisfied();
        output.DeterminedBy = this;
        if (!Planner.Current.AddPropagate(this, mark)) DeltaBlue.Fail("Cycle encountered");
        output.Mark = mark;
        return overridden;
    }

    public void DestroyConstraint() {
        if (IsSatisfied()) Planner.Current.IncrementalRemove(this);
        else RemoveFromGraph();
    }
}

abstract class UnaryConstraint : Constraint {
    protected Variable myOutput;
    bool satisfied;
    protected UnaryConstraint(Variable v, Strength s) : base(s) {
        myOutput = v;
        AddConstraint();
    }
    public override void AddToGraph() { myOutput.AddConstraint(this); satisfied = false; }
    public override void ChooseMethod(int mark) {
        satisfied = myOutput.Mark != mark && Strength.Stronger(Strength, myOutput.WalkStrength);
    }
    public override bool IsSatisfied() { return satisfied; }
    public override void MarkInputs(int mark) { }
    public override Variable Output() { return myOutput; }
    public override void Recalculate() {
        myOutput.WalkStrength = Strength;
        myOutput.Stay = !IsInput();
        if (myOutput.Stay) Execute();
    }
    public override void MarkUnsatisfied() { satisfied = false; }
    public override bool InputsKnown(int mark) { return true; }
    public override void RemoveFromGraph() {
        if (myOutput != null) myOutput.RemoveConstraint(this);
        satisfied = false;
    }
}

sealed class StayConstraint : UnaryConstraint {
    public StayConstraint(Variable v, Strength s) : base(v, s) { }
    public override void Execute() { }
}

sealed class EditConstraint : UnaryConstraint {
    public EditConstraint(Variable v, Strength s) : base(v, s) { }
    public override bool IsInput() { return true; }
    public override void Execute() { }
}

abstract class BinaryConstraint : Constraint {
    protected const int None = 0, Forward = 1, Backward = 2;
    protected Variable v1, v2;
    protected int direction = None;
    protected BinaryConstraint(Variable a, Variable b, Strength s) : base(s) { v1 = a; v2 = b; }

    public override void ChooseMethod(int mark) {
        if (v1.Mark == mark) {
            direction = (v2.Mark != mark && Strength.Stronger(Strength, v2.WalkStrength)) ? Forward : None;
        } else if (v2.Mark == mark) {
            direction = (v1.Mark != mark && Strength.Stronger(Strength, v1.WalkStrength)) ? Backward : None;
        } else if (Strength.Weaker(v1.WalkStrength, v2.WalkStrength)) {
            direction = Strength.Stronger(Strength, v1.WalkStrength) ? Backward : None;
        } else {
            direction = Strength.Stronger(Strength, v2.WalkStrength) ? Forward : Backward;
        }
    }
    public override void AddToGraph() {
        v1.AddConstraint(this);
        v2.AddConstraint(this);
        direction = None;
    }
    public override bool IsSatisfied() { return direction != None; }
    public override void MarkInputs(int mark) { Input().Mark = mark; }
    protected Variable Input() { return direction == Forward ? v1 : v2; }
    public override Variable Output() { return direction == Forward ? v2 : v1; }
    public override void Recalculate() {
        Variable ihn = Input(), output = Output();
        output.WalkStrength = Strength.WeakestOf(Strength, ihn.WalkStrength);
        output.Stay = ihn.Stay;
        if (output.Stay) Execute();
    }
    public override void MarkUnsatisfied() { direction = None; }
    public override bool InputsKnown(int mark) {
        Variable i = Input();
        return i.Mark == mark || i.Stay || i.DeterminedBy == null;
    }
    public override void RemoveFromGraph() {
        if (v1 != null) v1.RemoveConstraint(this);
        if (v2 != null) v2.RemoveConstraint(this);
        direction = None;
    }
}

sealed class EqualityConstraint : BinaryConstraint {
    public EqualityConstraint(Variable a, Variable b, Strength s) : base(a, b, s) { AddConstraint(); }
    public override void Execute() { Output().Value = Input().Value; }
}

sealed class ScaleConstraint : BinaryConstraint {
    Variable scale, offset;
    public ScaleConstraint(Variable src, Variable scale, Variable offset, Variable dest, Strength s) : base(src, dest, s) {
        this.scale = scale;
        this.offset = offset;
        AddConstraint();
    }
    public override void AddToGraph() {
        base.AddToGraph();
        scale.AddConstraint(this);
        offset.AddConstraint(this);
    }
    public override void RemoveFromGraph() {
        base.RemoveFromGraph();
        if (scale != null) scale.RemoveConstraint(this);
        if (offset != null) offset.RemoveConstraint(this);
    }
    public override void MarkInputs(int mark) {
        base.MarkInputs(mark);
        scale.Mark = offset.Mark = mark;
    }
    public override void Execute() {
        if (direction == Forward) v2.Value = v1.Value * scale.Value + offset.Value;
        else v1.Value = (v2.Value - offset.Value) / scale.Value;
    }
    public override void Recalculate() {
        Variable ihn = Input(), output = Output();
        output.WalkStrength = Strength.WeakestOf(Strength, ihn.WalkStrength);
        output.Stay = ihn.Stay && scale.Stay && offset.Stay;
        if (output.Stay) Execute();
    }
}

sealed class Plan {
    readonly OrderedCollection list = new OrderedCollection();
    public void AddConstraint(Constraint c) { list.Add(c); }
    public int Size { get { return list.Size; } }
    public void Execute() {
        for (int i = 0; i < list.Size; i++) ((Constraint)list.At(i)).Execute();
    }
}

sealed class Planner {
    public static Planner Current;
    int currentMark;

    public void IncrementalAdd(Constraint c) {
        int mark = NewMark();
        Constraint overridden = c.Satisfy(mark);
        while (overridden != null) overridden = overridden.Satisfy(mark);
    }

    public void IncrementalRemove(Constraint c) {
        Variable output = c.Output();
        c.MarkUnsatisfied();
        c.RemoveFromGraph();
        OrderedCollection unsatisfied = RemovePropagateFrom(output);
        Strength strength = Strength.Required;
        do {
            for (int i = 0; i < unsatisfied.Size; i++) {
                Constraint u = (Constraint)unsatisfied.At(i);
                if (u.Strength == strength) IncrementalAdd(u);
            }
            strength = strength.NextWeaker();
        } while (strength != Strength.Weakest);
    }

    int NewMark() { return ++currentMark; }

    public Plan MakePlan(OrderedCollection sources) {
        int mark = NewMark();
        Plan plan = new Plan();
        OrderedCollection todo = sources;
        while (todo.Size > 0) {
            Constraint c = (Constraint)todo.RemoveFirst();
            if (c.Output().Mark != mark && c.InputsKnown(mark)) {
                plan.AddConstraint(c);
                c.Output().Mark = mark;
                AddConstraintsConsumingTo(c.Output(), todo);
            }
        }
        return plan;
    }

    public Plan ExtractPlanFromConstraints(OrderedCollection constraints) {
        OrderedCollection sources = new OrderedCollection();
        for (int i = 0; i < constraints.Size; i++) {
            Constraint c = (Constraint)constraints.At(i);
            if (c.IsInput() && c.IsSatisfied()) sources.Add(c);
        }
        return MakePlan(sources);
    }

    public bool AddPropagate(Constraint c, int mark) {
        OrderedCollection todo = new OrderedCollection();
        todo.Add(c);
        while (todo.Size > 0) {
            Constraint d = (Constraint)todo.RemoveFirst();
            if (d.Output().Mark == mark) {
                IncrementalRemove(c);
                return false;
            }
            d.Recalculate();
            AddConstraintsConsumingTo(d.Output(), todo);
        }
        return true;
    }

    OrderedCollection RemovePropagateFrom(Variable output) {
        output.DeterminedBy = null;
        output.WalkStrength = Strength.Weakest;
        output.Stay = true;
        OrderedCollection unsatisfied = new OrderedCollection();
        OrderedCollection todo = new OrderedCollection();
        todo.Add(output);
        while (todo.Size > 0) {
            Variable v = (Variable)todo.RemoveFirst();
            for (int i = 0; i < v.Constraints.Size; i++) {
                Constraint c = (Constraint)v.Constraints.At(i);
                if (!c.IsSatisfied()) unsatisfied.Add(c);
            }
            Constraint determining = v.DeterminedBy;
            for (int i = 0; i < v.Constraints.Size; i++) {
                Constraint next = (Constraint)v.Constraints.At(i);
                if (next != determining && next.IsSatisfied()) {
                    next.Recalculate();
                    todo.Add(next.Output());
                }
            }
        }
        return unsatisfied;
    }

    void AddConstraintsConsumingTo(Variable v, OrderedCollection coll) {
        Constraint determining = v.DeterminedBy;
        OrderedCollection cc = v.Constraints;
        for (int i = 0; i < cc.Size; i++) {
            Constraint c = (Constraint)cc.At(i);
            if (c != determining && c.IsSatisfied()) coll.Add(c);
        }
    }
}

static class DeltaBlue {
    static long checksum;

    // Any failure (unsatisfiable required constraint, cycle, wrong value) ends the run.
    public static void Fail(string what) {
        Console.WriteLine(what);
        Console.WriteLine("WRONG");
        Environment.Exit(1);
    }

    // A chain of n+1 variables linked by required equality constraints; editing the
    // first must propagate to the last.
    static void ChainTest(int n) {
        Planner.Current = new Planner();
        Variable prev = null, first = null, last = null;
        for (int i = 0; i <= n; i++) {
            Variable v = new Variable("v" + i, 0);
            if (prev != null) new EqualityConstraint(prev, v, Strength.Required);
            if (i == 0) first = v;
            if (i == n) last = v;
            prev = v;
        }
        new StayConstraint(last, Strength.StrongDefault);
        EditConstraint edit = new EditConstraint(first, Strength.Preferred);
        OrderedCollection edits = new OrderedCollection();
        edits.Add(edit);
        Plan plan = Planner.Current.ExtractPlanFromConstraints(edits);
        for (int i = 0; i < 100; i++) {
            first.Value = i;
            plan.Execute();
            if (last.Value != i) Fail("Chain test failed: last=" + last.Value + " expected " + i);
            checksum += last.Value;
        }
        checksum += plan.Size;
    }

    // n source/destination pairs related by dst = src * scale + offset.
    static void ProjectionTest(int n) {
        Planner.Current = new Planner();
        Variable scale = new Variable("scale", 10);
        Variable offset = new Variable("offset", 1000);
        Variable src = null, dst = null;
        OrderedCollection dests = new OrderedCollection();
        for (int i = 0; i < n; i++) {
            src = new Variable("src" + i, i);
            dst = new Variable("dst" + i, i);
            dests.Add(dst);
            new StayConstraint(src, Strength.Normal);
            new ScaleConstraint(src, scale, offset, dst, Strength.Required);
        }
        Change(src, 17);
        if (dst.Value != 1170) Fail("Projection 1 failed");
        Change(dst, 1050);
        if (src.Value != 5) Fail("Projection 2 failed");
        Change(scale, 5);
        for (int i = 0; i < n - 1; i++) {
            int v = ((Variable)dests.At(i)).Value;
            if (v != i * 5 + 1000) Fail("Projection 3 failed");
            checksum += v;
        }
        Change(offset, 2000);
        for (int i = 0; i < n - 1; i++) {
            int v = ((Variable)dests.At(i)).Value;
            if (v != i * 5 + 2000) Fail("Projection 4 failed");
            checksum += v;
        }
    }

    static void Change(Variable v, int newValue) {
        EditConstraint edit = new EditConstraint(v, Strength.Preferred);
        OrderedCollection edits = new OrderedCollection();
        edits.Add(edit);
        Plan plan = Planner.Current.ExtractPlanFromConstraints(edits);
        for (int i = 0; i < 10; i++) {
            v.Value = newValue;
            plan.Execute();
        }
        edit.DestroyConstraint();
    }

    static int Main(string[] args) {
        int iterations = args.Length > 0 ? int.Parse(args[0]) : 8000;
        for (int i = 0; i < iterations; i++) {
            ChainTest(100);
            ProjectionTest(100);
        }
        Console.WriteLine("DeltaBlue: iterations=" + iterations);
        Console.WriteLine("checksum=" + checksum);
        // per iteration: chain 0+..+99 = 4950 plus plan size 101; projection sums of
        // (i*5+1000) and (i*5+2000) for i < 99 = 123255 + 222255
        long expected = (long)iterations * (4950 + 101 + 123255 + 222255);
        if (checksum != expected) {
            Console.WriteLine("expected " + expected);
            Console.WriteLine("WRONG");
            Environment.Exit(1);
        }
        Console.WriteLine("OK");
        return 0;
    }
}
