// Arrays2D: small rectangular (multi-dimensional) arrays — int[,], double[,], string[,],
// a struct[,] and an int[,,]: creation, initializers, element get/set/address (ref),
// GetLength, Length, Rank, default values, matrix multiply and transpose.
using System;

struct Cell
{
    public int Row, Col;
}

class Arrays2D
{
    static int[,] Multiply(int[,] a, int[,] b)
    {
        int n = a.GetLength(0), m = a.GetLength(1), p = b.GetLength(1);
        int[,] c = new int[n, p];
        for (int i = 0; i < n; i++)
            for (int j = 0; j < p; j++)
            {
                int s = 0;
                for (int k = 0; k < m; k++) s += a[i, k] * b[k, j];
                c[i, j] = s;
            }
        return c;
    }

    static int[,] Transpose(int[,] a)
    {
        int[,] t = new int[a.GetLength(1), a.GetLength(0)];
        for (int i = 0; i < a.GetLength(0); i++)
            for (int j = 0; j < a.GetLength(1); j++)
                t[j, i] = a[i, j];
        return t;
    }

    static void Print(string label, int[,] m)
    {
        Console.WriteLine(label + " (" + m.GetLength(0) + "x" + m.GetLength(1) + "):");
        for (int i = 0; i < m.GetLength(0); i++)
        {
            string row = "";
            for (int j = 0; j < m.GetLength(1); j++) row += string.Format("{0,5}", m[i, j]);
            Console.WriteLine(row);
        }
    }

    static void Bump(ref int x) { x += 1000; }

    static void Main()
    {
        int[,] grid = new int[3, 4];
        Console.WriteLine("Length=" + grid.Length + " Rank=" + grid.Rank + " GetLength(0)=" + grid.GetLength(0) + " GetLength(1)=" + grid.GetLength(1) + " default=" + grid[2, 3]);
        for (int i = 0; i < 3; i++)
            for (int j = 0; j < 4; j++)
                grid[i, j] = i * 10 + j;
        Print("grid", grid);
        grid[1, 2] += 5;
        grid[0, 0]++;
        Bump(ref grid[2, 1]);
        Print("grid after updates", grid);

        int[,] a = { { 1, 2, 3 }, { 4, 5, 6 } };
        int[,] b = { { 7, 8 }, { 9, 10 }, { 11, 12 } };
        Print("a", a);
        Print("a x b", Multiply(a, b));
        Print("transpose(a)", Transpose(a));

        double[,] d = new double[2, 2];
        d[0, 0] = 0.5; d[0, 1] = -1.25; d[1, 0] = 1e10; d[1, 1] = d[0, 0] * d[0, 1];
        Console.WriteLine("doubles " + d[0, 0] + " " + d[0, 1] + " " + d[1, 0] + " " + d[1, 1]);

        string[,] names = new string[2, 3];
        names[0, 0] = "a"; names[1, 2] = "z";
        Console.WriteLine("strings " + names[0, 0] + " " + (names[0, 1] == null) + " " + names[1, 2]);

        Cell[,] cells = new Cell[3, 3];
        for (int i = 0; i < 3; i++)
            for (int j = 0; j < 3; j++)
            {
                cells[i, j].Row = i;
                cells[i, j].Col = j;
            }
        int cellSum = 0;
        for (int i = 0; i < 3; i++)
            for (int j = 0; j < 3; j++)
                cellSum += cells[i, j].Row * 3 + cells[i, j].Col;
        Console.WriteLine("cells sum " + cellSum);

        long[,] longs = new long[2, 2];
        longs[1, 1] = long.MinValue;
        byte[,] bytes = new byte[2, 2];
        bytes[0, 1] = 255;
        Console.WriteLine("long " + longs[1, 1] + " byte " + bytes[0, 1] + " " + bytes[1, 0]);

        int[,,] cube = new int[2, 3, 4];
        for (int i = 0; i < 2; i++)
            for (int j = 0; j < 3; j++)
                for (int k = 0; k < 4; k++)
                    cube[i, j, k] = i * 100 + j * 10 + k;
        Console.WriteLine("cube Rank=" + cube.Rank + " Length=" + cube.Length + " [1,2,3]=" + cube[1, 2, 3] + " GetLength(2)=" + cube.GetLength(2));

        int[,] life = new int[8, 8];
        life[1, 2] = 1; life[2, 3] = 1; life[3, 1] = 1; life[3, 2] = 1; life[3, 3] = 1;
        for (int gen = 0; gen < 4; gen++)
        {
            int[,] next = new int[8, 8];
            for (int i = 0; i < 8; i++)
                for (int j = 0; j < 8; j++)
                {
                    int n = 0;
                    for (int di = -1; di <= 1; di++)
                        for (int dj = -1; dj <= 1; dj++)
                        {
                            if (di == 0 && dj == 0) continue;
                            int r = (i + di + 8) % 8, c = (j + dj + 8) % 8;
                            n += life[r, c];
                        }
                    next[i, j] = (n == 3 || (n == 2 && life[i, j] == 1)) ? 1 : 0;
                }
            life = next;
        }
        Print("glider after 4 generations", life);
    }
}
