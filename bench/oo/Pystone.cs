// Pystone: a C# rendering of the pystone (Dhrystone-in-Python) workload - a mix of
// procedural code (global ints/chars/bools, 1-D and flattened 2-D arrays, string
// comparison, small enum-like switches) and OO code (Record objects with
// properties, copying and pointer chasing, a virtual Copy method).
// Verifies the Dhrystone end-state invariants (e.g. Array2Glob[8][7] == loops+10).
// Usage: Pystone.exe [loops]
using System;

enum Ident { Ident1 = 1, Ident2, Ident3, Ident4, Ident5 }

class Record {
    public Record PtrComp;
    public Ident Discr;
    public Ident EnumComp;
    int intComp;
    public string StringComp;

    public Record(Record ptrComp, Ident discr, Ident enumComp, int intComp, string stringComp) {
        PtrComp = ptrComp; Discr = discr; EnumComp = enumComp; this.intComp = intComp; StringComp = stringComp;
    }
    public int IntComp { get { return intComp; } set { intComp = value; } }
    public virtual Record Copy() { return new Record(PtrComp, Discr, EnumComp, intComp, StringComp); }
}

sealed class Pystone {
    const int ArrSize = 51;

    int intGlob;
    bool boolGlob;
    char char1Glob = '\0';
    char char2Glob = '\0';
    int[] array1Glob = new int[ArrSize];
    int[] array2Glob = new int[ArrSize * ArrSize];   // [i][j] -> i*51+j
    Record ptrGlb;
    Record ptrGlbNext;
    public long Checksum;

    public int IntGlob { get { return intGlob; } }
    public bool BoolGlob { get { return boolGlob; } }
    public char Char1Glob { get { return char1Glob; } }
    public char Char2Glob { get { return char2Glob; } }
    public int Array1At(int i) { return array1Glob[i]; }
    public int Array2At(int i, int j) { return array2Glob[i * ArrSize + j]; }
    public Record PtrGlb { get { return ptrGlb; } }

    public int IntLoc1, IntLoc2, IntLoc3;
    public Ident EnumLoc;

    public void Proc0(int loops) {
        ptrGlbNext = new Record(null, 0, 0, 0, null);
        ptrGlb = new Record(ptrGlbNext, Ident.Ident1, Ident.Ident3, 40, "DHRYSTONE PROGRAM, SOME STRING");
        string string1Loc = "DHRYSTONE PROGRAM, 1'ST STRING";
        array2Glob[8 * ArrSize + 7] = 10;

        int intLoc1 = 0, intLoc2 = 0, intLoc3 = 0;
        Ident enumLoc = 0;
        for (int i = 0; i < loops; i++) {
            Proc5();
            Proc4();
            intLoc1 = 2;
            intLoc2 = 3;
            string string2Loc = "DHRYSTONE PROGRAM, 2'ND STRING";
            enumLoc = Ident.Ident2;
            boolGlob = !Func2(string1Loc, string2Loc);
            while (intLoc1 < intLoc2) {
                intLoc3 = 5 * intLoc1 - intLoc2;
                intLoc3 = Proc7(intLoc1, intLoc2);
                intLoc1 = intLoc1 + 1;
            }
            Proc8(array1Glob, array2Glob, intLoc1, intLoc3);
            ptrGlb = Proc1(ptrGlb);
            char charIndex = 'A';
            while (charIndex <= char2Glob) {
                if (enumLoc == Func1(charIndex, 'C')) enumLoc = Proc6(Ident.Ident1);
                charIndex = (char)(charIndex + 1);
            }
            intLoc3 = intLoc2 * intLoc1;
            intLoc2 = intLoc3 / intLoc1;
            intLoc2 = 7 * (intLoc3 - intLoc2) - intLoc1;
            intLoc1 = Proc2(intLoc1);
            Checksum += intLoc1 + intLoc2 * 3 + intLoc3 * 7 + (int)enumLoc + ptrGlb.IntComp;
        }
        IntLoc1 = intLoc1; IntLoc2 = intLoc2; IntLoc3 = intLoc3; EnumLoc = enumLoc;
    }

    Record Proc1(Record ptrParIn) {
        Record nextRecord = ptrGlb.Copy();
        ptrParIn.PtrComp = nextRecord;
        ptrParIn.IntComp = 5;
        nextRecord.IntComp = ptrParIn.IntComp;
        nextRecord.PtrComp = ptrParIn.PtrComp;
        nextRecord.PtrComp = Proc3(nextRecord.PtrComp);
        if (nextRecord.Discr == Ident.Ident1) {
            nextRecord.IntComp = 6;
            nextRecord.EnumComp = Proc6(ptrParIn.EnumComp);
            nextRecord.PtrComp = ptrGlb.PtrComp;
            nextRecord.IntComp = Proc7(nextRecord.IntComp, 10);
        } else {
            ptrParIn = nextRecord.Copy();
        }
        nextRecord.PtrComp = null;
        return ptrParIn;
    }

    int Proc2(int intParIO) {
        int intLoc = intParIO + 10;
        Ident enumLoc = 0;
        while (true) {
            if (char1Glob == 'A') {
                intLoc = intLoc - 1;
                intParIO = intLoc - intGlob;
                enumLoc = Ident.Ident1;
            }
            if (enumLoc == Ident.Ident1) break;
        }
        return intParIO;
    }

    Record Proc3(Record ptrParOut) {
        if (ptrGlb != null) ptrParOut = ptrGlb.PtrComp;
        else intGlob = 100;
        ptrGlb.IntComp = Proc7(10, intGlob);
        return ptrParOut;
    }

    void Proc4() {
        bool boolLoc = char1Glob == 'A';
        boolLoc = boolLoc || boolGlob;
        char2Glob = 'B';
    }

    void Proc5() {
        char1Glob = 'A';
        boolGlob = false;
    }

    Ident Proc6(Ident enumParIn) {
        Ident enumParOut = enumParIn;
        if (!Func3(enumParIn)) enumParOut = Ident.Ident4;
        switch (enumParIn) {
            case Ident.Ident1: enumParOut = Ident.Ident1; break;
            case Ident.Ident2: enumParOut = intGlob > 100 ? Ident.Ident1 : Ident.Ident4; break;
            case Ident.Ident3: enumParOut = Ident.Ident2; break;
            case Ident.Ident4: break;
            case Ident.Ident5: enumParOut = Ident.Ident3; break;
        }
        return enumParOut;
    }

    static int Proc7(int intParI1, int intParI2) {
        int intLoc = intParI1 + 2;
        return intParI2 + intLoc;
    }

    void Proc8(int[] array1Par, int[] array2Par, int intParI1, int intParI2) {
        int intLoc = intParI1 + 5;
        array1Par[intLoc] = intParI2;
        array1Par[intLoc + 1] = array1Par[intLoc];
        array1Par[intLoc + 30] = intLoc;
        for (int intIndex = intLoc; intIndex < intLoc + 2; intIndex++)
            array2Par[intLoc * ArrSize + intIndex] = intLoc;
        array2Par[intLoc * ArrSize + intLoc - 1] = array2Par[intLoc * ArrSize + intLoc - 1] + 1;
        array2Par[(intLoc + 20) * ArrSize + intLoc] = array1Par[intLoc];
        intGlob = 5;
    }

    static Ident Func1(char charPar1, char charPar2) {
        char charLoc1 = charPar1;
        char charLoc2 = charLoc1;
        return charLoc2 != charPar2 ? Ident.Ident1 : Ident.Ident2;
    }

    static bool Func2(string strParI1, string strParI2) {
        int intLoc = 1;
        char charLoc = '\0';
        while (intLoc <= 1) {
            if (Func1(strParI1[intLoc], strParI2[intLoc + 1]) == Ident.Ident1) {
                charLoc = 'A';
                intLoc = intLoc + 1;
            }
        }
        if (charLoc >= 'W' && charLoc <= 'Z') intLoc = 7;
        if (charLoc == 'X') return true;
        if (string.CompareOrdinal(strParI1, strParI2) > 0) {
            intLoc = intLoc + 7;
            return true;
        }
        return false;
    }

    static bool Func3(Ident enumParIn) {
        Ident enumLoc = enumParIn;
        return enumLoc == Ident.Ident3;
    }
}

static class PystoneMain {
    static bool ok = true;
    static void Expect(string what, long got, long expected) {
        if (got != expected) {
            Console.WriteLine(what + " = " + got + ", expected " + expected);
            ok = false;
        }
    }

    static int Main(string[] args) {
        int loops = args.Length > 0 ? int.Parse(args[0]) : 40000000;
        Pystone p = new Pystone();
        p.Proc0(loops);
        Console.WriteLine("Pystone: loops=" + loops);
        Console.WriteLine(string.Format("IntGlob={0} BoolGlob={1} Char1Glob={2} Char2Glob={3}",
            p.IntGlob, p.BoolGlob, p.Char1Glob, p.Char2Glob));
        Console.WriteLine(string.Format("Array1Glob[8]={0} Array2Glob[8][7]={1}", p.Array1At(8), p.Array2At(8, 7)));
        Console.WriteLine(string.Format("IntLoc1={0} IntLoc2={1} IntLoc3={2} EnumLoc={3}",
            p.IntLoc1, p.IntLoc2, p.IntLoc3, (int)p.EnumLoc));
        Console.WriteLine(string.Format("PtrGlb: Discr={0} EnumComp={1} IntComp={2} Str={3}",
            (int)p.PtrGlb.Discr, (int)p.PtrGlb.EnumComp, p.PtrGlb.IntComp, p.PtrGlb.StringComp));
        Console.WriteLine("checksum=" + p.Checksum);

        // Dhrystone end-state invariants (independent of the loop count)
        Expect("IntGlob", p.IntGlob, 5);
        Expect("BoolGlob", p.BoolGlob ? 1 : 0, 1);
        Expect("Char1Glob", p.Char1Glob, 'A');
        Expect("Char2Glob", p.Char2Glob, 'B');
        Expect("Array1Glob[8]", p.Array1At(8), 7);
        Expect("Array2Glob[8][7]", p.Array2At(8, 7), loops + 10L);
        Expect("IntLoc1", p.IntLoc1, 7);   // Proc2(3)
        Expect("IntLoc2", p.IntLoc2, 39);  // 7 * (9 - 3) - 3
        Expect("IntLoc3", p.IntLoc3, 9);   // 3 * 3
        Expect("EnumLoc", (int)p.EnumLoc, (int)Ident.Ident2);
        Expect("PtrGlb.Discr", (int)p.PtrGlb.Discr, (int)Ident.Ident1);
        Expect("PtrGlb.EnumComp", (int)p.PtrGlb.EnumComp, (int)Ident.Ident3);
        Expect("PtrGlb.IntComp", p.PtrGlb.IntComp, 17);
        // each iteration contributes the same amount: 7 + 39*3 + 9*7 + 2 + 17
        Expect("checksum", p.Checksum, (long)loops * (7 + 39 * 3 + 9 * 7 + 2 + 17));

        if (!ok) { Console.WriteLine("WRONG"); Environment.Exit(1); }
        Console.WriteLine("OK");
        return 0;
    }
}
