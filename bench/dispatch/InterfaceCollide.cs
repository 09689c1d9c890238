// InterfaceCollide: one class implementing 60 one-method interfaces, so with 19 IMT slots every
// slot collides (in Mono and in vcall); the hot loop calls through all of them in turn.
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
class Impl : I0, I1, I2, I3, I4, I5, I6, I7, I8, I9, I10, I11, I12, I13, I14, I15, I16, I17, I18, I19, I20, I21, I22, I23, I24, I25, I26, I27, I28, I29, I30, I31, I32, I33, I34, I35, I36, I37, I38, I39, I40, I41, I42, I43, I44, I45, I46, I47, I48, I49, I50, I51, I52, I53, I54, I55, I56, I57, I58, I59
{
    public int M0(int x) { return x + 1; }
    public int M1(int x) { return x + 2; }
    public int M2(int x) { return x + 3; }
    public int M3(int x) { return x + 4; }
    public int M4(int x) { return x + 5; }
    public int M5(int x) { return x + 6; }
    public int M6(int x) { return x + 7; }
    public int M7(int x) { return x + 1; }
    public int M8(int x) { return x + 2; }
    public int M9(int x) { return x + 3; }
    public int M10(int x) { return x + 4; }
    public int M11(int x) { return x + 5; }
    public int M12(int x) { return x + 6; }
    public int M13(int x) { return x + 7; }
    public int M14(int x) { return x + 1; }
    public int M15(int x) { return x + 2; }
    public int M16(int x) { return x + 3; }
    public int M17(int x) { return x + 4; }
    public int M18(int x) { return x + 5; }
    public int M19(int x) { return x + 6; }
    public int M20(int x) { return x + 7; }
    public int M21(int x) { return x + 1; }
    public int M22(int x) { return x + 2; }
    public int M23(int x) { return x + 3; }
    public int M24(int x) { return x + 4; }
    public int M25(int x) { return x + 5; }
    public int M26(int x) { return x + 6; }
    public int M27(int x) { return x + 7; }
    public int M28(int x) { return x + 1; }
    public int M29(int x) { return x + 2; }
    public int M30(int x) { return x + 3; }
    public int M31(int x) { return x + 4; }
    public int M32(int x) { return x + 5; }
    public int M33(int x) { return x + 6; }
    public int M34(int x) { return x + 7; }
    public int M35(int x) { return x + 1; }
    public int M36(int x) { return x + 2; }
    public int M37(int x) { return x + 3; }
    public int M38(int x) { return x + 4; }
    public int M39(int x) { return x + 5; }
    public int M40(int x) { return x + 6; }
    public int M41(int x) { return x + 7; }
    public int M42(int x) { return x + 1; }
    public int M43(int x) { return x + 2; }
    public int M44(int x) { return x + 3; }
    public int M45(int x) { return x + 4; }
    public int M46(int x) { return x + 5; }
    public int M47(int x) { return x + 6; }
    public int M48(int x) { return x + 7; }
    public int M49(int x) { return x + 1; }
    public int M50(int x) { return x + 2; }
    public int M51(int x) { return x + 3; }
    public int M52(int x) { return x + 4; }
    public int M53(int x) { return x + 5; }
    public int M54(int x) { return x + 6; }
    public int M55(int x) { return x + 7; }
    public int M56(int x) { return x + 1; }
    public int M57(int x) { return x + 2; }
    public int M58(int x) { return x + 3; }
    public int M59(int x) { return x + 4; }
}
class InterfaceCollide
{
    static void Main(string[] args)
    {
        int n = args.Length > 0 ? int.Parse(args[0]) : 200000000;
        Impl o = new Impl();
        I0 r0 = o;
        I1 r1 = o;
        I2 r2 = o;
        I3 r3 = o;
        I4 r4 = o;
        I5 r5 = o;
        I6 r6 = o;
        I7 r7 = o;
        I8 r8 = o;
        I9 r9 = o;
        I10 r10 = o;
        I11 r11 = o;
        I12 r12 = o;
        I13 r13 = o;
        I14 r14 = o;
        I15 r15 = o;
        I16 r16 = o;
        I17 r17 = o;
        I18 r18 = o;
        I19 r19 = o;
        I20 r20 = o;
        I21 r21 = o;
        I22 r22 = o;
        I23 r23 = o;
        I24 r24 = o;
        I25 r25 = o;
        I26 r26 = o;
        I27 r27 = o;
        I28 r28 = o;
        I29 r29 = o;
        I30 r30 = o;
        I31 r31 = o;
        I32 r32 = o;
        I33 r33 = o;
        I34 r34 = o;
        I35 r35 = o;
        I36 r36 = o;
        I37 r37 = o;
        I38 r38 = o;
        I39 r39 = o;
        I40 r40 = o;
        I41 r41 = o;
        I42 r42 = o;
        I43 r43 = o;
        I44 r44 = o;
        I45 r45 = o;
        I46 r46 = o;
        I47 r47 = o;
        I48 r48 = o;
        I49 r49 = o;
        I50 r50 = o;
        I51 r51 = o;
        I52 r52 = o;
        I53 r53 = o;
        I54 r54 = o;
        I55 r55 = o;
        I56 r56 = o;
        I57 r57 = o;
        I58 r58 = o;
        I59 r59 = o;
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
