// InterfaceSpread: the same 60 interface call sites as InterfaceCollide, but each receiver is
// its own class implementing one interface, so every IMT slot it uses holds a single entry: the
// no-collision baseline for the identical loop shape.
using System;

interface I0 { int M0(int x); }
interface I1 { int M1(int x); }
interface I2 { int M2(int x); }
interface I3 { int M3(int x); }
interface I4 { int M4(int x); }
interface I5 { int M5(int x); }
interface I6 { int M6(int x); }
interface I7 { int M7(int x); }
interface I8 { int M8(int x); }
interface I9 { int M9(int x); }
interface I10 { int M10(int x); }
interface I11 { int M11(int x); }
interface I12 { int M12(int x); }
interface I13 { int M13(int x); }
interface I14 { int M14(int x); }
interface I15 { int M15(int x); }
interface I16 { int M16(int x); }
interface I17 { int M17(int x); }
interface I18 { int M18(int x); }
interface I19 { int M19(int x); }
interface I20 { int M20(int x); }
interface I21 { int M21(int x); }
interface I22 { int M22(int x); }
interface I23 { int M23(int x); }
interface I24 { int M24(int x); }
interface I25 { int M25(int x); }
interface I26 { int M26(int x); }
interface I27 { int M27(int x); }
interface I28 { int M28(int x); }
interface I29 { int M29(int x); }
interface I30 { int M30(int x); }
interface I31 { int M31(int x); }
interface I32 { int M32(int x); }
interface I33 { int M33(int x); }
interface I34 { int M34(int x); }
interface I35 { int M35(int x); }
interface I36 { int M36(int x); }
interface I37 { int M37(int x); }
interface I38 { int M38(int x); }
interface I39 { int M39(int x); }
interface I40 { int M40(int x); }
interface I41 { int M41(int x); }
interface I42 { int M42(int x); }
interface I43 { int M43(int x); }
interface I44 { int M44(int x); }
interface I45 { int M45(int x); }
interface I46 { int M46(int x); }
interface I47 { int M47(int x); }
interface I48 { int M48(int x); }
interface I49 { int M49(int x); }
interface I50 { int M50(int x); }
interface I51 { int M51(int x); }
interface I52 { int M52(int x); }
interface I53 { int M53(int x); }
interface I54 { int M54(int x); }
interface I55 { int M55(int x); }
interface I56 { int M56(int x); }
interface I57 { int M57(int x); }
interface I58 { int M58(int x); }
interface I59 { int M59(int x); }
class C0 : I0 { public int M0(int x) { return x + 1; } }
class C1 : I1 { public int M1(int x) { return x + 2; } }
class C2 : I2 { public int M2(int x) { return x + 3; } }
class C3 : I3 { public int M3(int x) { return x + 4; } }
class C4 : I4 { public int M4(int x) { return x + 5; } }
class C5 : I5 { public int M5(int x) { return x + 6; } }
class C6 : I6 { public int M6(int x) { return x + 7; } }
class C7 : I7 { public int M7(int x) { return x + 1; } }
class C8 : I8 { public int M8(int x) { return x + 2; } }
class C9 : I9 { public int M9(int x) { return x + 3; } }
class C10 : I10 { public int M10(int x) { return x + 4; } }
class C11 : I11 { public int M11(int x) { return x + 5; } }
class C12 : I12 { public int M12(int x) { return x + 6; } }
class C13 : I13 { public int M13(int x) { return x + 7; } }
class C14 : I14 { public int M14(int x) { return x + 1; } }
class C15 : I15 { public int M15(int x) { return x + 2; } }
class C16 : I16 { public int M16(int x) { return x + 3; } }
class C17 : I17 { public int M17(int x) { return x + 4; } }
class C18 : I18 { public int M18(int x) { return x + 5; } }
class C19 : I19 { public int M19(int x) { return x + 6; } }
class C20 : I20 { public int M20(int x) { return x + 7; } }
class C21 : I21 { public int M21(int x) { return x + 1; } }
class C22 : I22 { public int M22(int x) { return x + 2; } }
class C23 : I23 { public int M23(int x) { return x + 3; } }
class C24 : I24 { public int M24(int x) { return x + 4; } }
class C25 : I25 { public int M25(int x) { return x + 5; } }
class C26 : I26 { public int M26(int x) { return x + 6; } }
class C27 : I27 { public int M27(int x) { return x + 7; } }
class C28 : I28 { public int M28(int x) { return x + 1; } }
class C29 : I29 { public int M29(int x) { return x + 2; } }
class C30 : I30 { public int M30(int x) { return x + 3; } }
class C31 : I31 { public int M31(int x) { return x + 4; } }
class C32 : I32 { public int M32(int x) { return x + 5; } }
class C33 : I33 { public int M33(int x) { return x + 6; } }
class C34 : I34 { public int M34(int x) { return x + 7; } }
class C35 : I35 { public int M35(int x) { return x + 1; } }
class C36 : I36 { public int M36(int x) { return x + 2; } }
class C37 : I37 { public int M37(int x) { return x + 3; } }
class C38 : I38 { public int M38(int x) { return x + 4; } }
class C39 : I39 { public int M39(int x) { return x + 5; } }
class C40 : I40 { public int M40(int x) { return x + 6; } }
class C41 : I41 { public int M41(int x) { return x + 7; } }
class C42 : I42 { public int M42(int x) { return x + 1; } }
class C43 : I43 { public int M43(int x) { return x + 2; } }
class C44 : I44 { public int M44(int x) { return x + 3; } }
class C45 : I45 { public int M45(int x) { return x + 4; } }
class C46 : I46 { public int M46(int x) { return x + 5; } }
class C47 : I47 { public int M47(int x) { return x + 6; } }
class C48 : I48 { public int M48(int x) { return x + 7; } }
class C49 : I49 { public int M49(int x) { return x + 1; } }
class C50 : I50 { public int M50(int x) { return x + 2; } }
class C51 : I51 { public int M51(int x) { return x + 3; } }
class C52 : I52 { public int M52(int x) { return x + 4; } }
class C53 : I53 { public int M53(int x) { return x + 5; } }
class C54 : I54 { public int M54(int x) { return x + 6; } }
class C55 : I55 { public int M55(int x) { return x + 7; } }
class C56 : I56 { public int M56(int x) { return x + 1; } }
class C57 : I57 { public int M57(int x) { return x + 2; } }
class C58 : I58 { public int M58(int x) { return x + 3; } }
class C59 : I59 { public int M59(int x) { return x + 4; } }
class InterfaceSpread
{
    static void Main(string[] args)
    {
        int n = args.Length > 0 ? int.Parse(args[0]) : 200000000;
        I0 r0 = new C0();
        I1 r1 = new C1();
        I2 r2 = new C2();
        I3 r3 = new C3();
        I4 r4 = new C4();
        I5 r5 = new C5();
        I6 r6 = new C6();
        I7 r7 = new C7();
        I8 r8 = new C8();
        I9 r9 = new C9();
        I10 r10 = new C10();
        I11 r11 = new C11();
        I12 r12 = new C12();
        I13 r13 = new C13();
        I14 r14 = new C14();
        I15 r15 = new C15();
        I16 r16 = new C16();
        I17 r17 = new C17();
        I18 r18 = new C18();
        I19 r19 = new C19();
        I20 r20 = new C20();
        I21 r21 = new C21();
        I22 r22 = new C22();
        I23 r23 = new C23();
        I24 r24 = new C24();
        I25 r25 = new C25();
        I26 r26 = new C26();
        I27 r27 = new C27();
        I28 r28 = new C28();
        I29 r29 = new C29();
        I30 r30 = new C30();
        I31 r31 = new C31();
        I32 r32 = new C32();
        I33 r33 = new C33();
        I34 r34 = new C34();
        I35 r35 = new C35();
        I36 r36 = new C36();
        I37 r37 = new C37();
        I38 r38 = new C38();
        I39 r39 = new C39();
        I40 r40 = new C40();
        I41 r41 = new C41();
        I42 r42 = new C42();
        I43 r43 = new C43();
        I44 r44 = new C44();
        I45 r45 = new C45();
        I46 r46 = new C46();
        I47 r47 = new C47();
        I48 r48 = new C48();
        I49 r49 = new C49();
        I50 r50 = new C50();
        I51 r51 = new C51();
        I52 r52 = new C52();
        I53 r53 = new C53();
        I54 r54 = new C54();
        I55 r55 = new C55();
        I56 r56 = new C56();
        I57 r57 = new C57();
        I58 r58 = new C58();
        I59 r59 = new C59();
        int acc = 0;
        int rounds = n / 60;
        for (int i = 0; i < rounds; i++)
        {
            acc = r0.M0(acc);
            acc = r1.M1(acc);
            acc = r2.M2(acc);
            acc = r3.M3(acc);
            acc = r4.M4(acc);
            acc = r5.M5(acc);
            acc = r6.M6(acc);
            acc = r7.M7(acc);
            acc = r8.M8(acc);
            acc = r9.M9(acc);
            acc = r10.M10(acc);
            acc = r11.M11(acc);
            acc = r12.M12(acc);
            acc = r13.M13(acc);
            acc = r14.M14(acc);
            acc = r15.M15(acc);
            acc = r16.M16(acc);
            acc = r17.M17(acc);
            acc = r18.M18(acc);
            acc = r19.M19(acc);
            acc = r20.M20(acc);
            acc = r21.M21(acc);
            acc = r22.M22(acc);
            acc = r23.M23(acc);
            acc = r24.M24(acc);
            acc = r25.M25(acc);
            acc = r26.M26(acc);
            acc = r27.M27(acc);
            acc = r28.M28(acc);
            acc = r29.M29(acc);
            acc = r30.M30(acc);
            acc = r31.M31(acc);
            acc = r32.M32(acc);
            acc = r33.M33(acc);
            acc = r34.M34(acc);
            acc = r35.M35(acc);
            acc = r36.M36(acc);
            acc = r37.M37(acc);
            acc = r38.M38(acc);
            acc = r39.M39(acc);
            acc = r40.M40(acc);
            acc = r41.M41(acc);
            acc = r42.M42(acc);
            acc = r43.M43(acc);
            acc = r44.M44(acc);
            acc = r45.M45(acc);
            acc = r46.M46(acc);
            acc = r47.M47(acc);
            acc = r48.M48(acc);
            acc = r49.M49(acc);
            acc = r50.M50(acc);
            acc = r51.M51(acc);
            acc = r52.M52(acc);
            acc = r53.M53(acc);
            acc = r54.M54(acc);
            acc = r55.M55(acc);
            acc = r56.M56(acc);
            acc = r57.M57(acc);
            acc = r58.M58(acc);
            acc = r59.M59(acc);
        }
        Console.WriteLine("checksum " + acc);
        if (acc != unchecked(rounds * 234)) { Console.WriteLine("WRONG"); Environment.Exit(1); }
    }
}
