// BinaryTrees: the binary-trees allocation benchmark. Builds a stretch tree of
// depth maxDepth+1, a long-lived tree of depth maxDepth, then many short-lived
// trees of depths minDepth..maxDepth (step 2), checking each by counting nodes.
// Node counts are verified against the closed form 2^(d+1)-1.
// Usage: BinaryTrees.exe [maxDepth]
using System;

sealed class TreeNode {
    readonly TreeNode left, right;
    TreeNode(TreeNode left, TreeNode right) { this.left = left; this.right = right; }

    public static TreeNode Bottom(int depth) {
        if (depth <= 0) return new TreeNode(null, null);
        depth--;
        return new TreeNode(Bottom(depth), Bottom(depth));
    }

    public int Check() {
        if (left == null) return 1;
        return 1 + left.Check() + right.Check();
    }
}

static class BinaryTrees {
    const int MinDepth = 4;
    static bool ok = true;

    static long Expected(int depth) { return (1L << (depth + 1)) - 1; }

    static int Main(string[] args) {
        int n = args.Length > 0 ? int.Parse(args[0]) : 18;
        int maxDepth = Math.Max(MinDepth + 2, n);
        long checksum = 0;

        int stretchDepth = maxDepth + 1;
        int sc = TreeNode.Bottom(stretchDepth).Check();
        Console.WriteLine(string.Format("stretch tree of depth {0}\t check: {1}", stretchDepth, sc));
        if (sc != Expected(stretchDepth)) ok = false;
        checksum += sc;

        TreeNode longLived = TreeNode.Bottom(maxDepth);

        for (int depth = MinDepth; depth <= maxDepth; depth += 2) {
            int iterations = 1 << (maxDepth - depth + MinDepth);
            long check = 0;
            for (int i = 0; i < iterations; i++) check += TreeNode.Bottom(depth).Check();
            Console.WriteLine(string.Format("{0}\t trees of depth {1}\t check: {2}", iterations, depth, check));
            if (check != iterations * Expected(depth)) ok = false;
            checksum += check;
        }

        int lc = longLived.Check();
        Console.WriteLine(string.Format("long lived tree of depth {0}\t check: {1}", maxDepth, lc));
        if (lc != Expected(maxDepth)) ok = false;
        checksum += lc;

        Console.WriteLine("checksum=" + checksum);
        if (!ok) { Console.WriteLine("WRONG"); Environment.Exit(1); }
        Console.WriteLine("OK");
        return 0;
    }
}
