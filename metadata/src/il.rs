//! Decoder for ECMA-335 Partition III CIL instructions: every one-byte and `0xFE`-prefixed
//! opcode, with operands decoded and branch targets made absolute.
//!
//! Prefixes (`unaligned.`, `volatile.`, `tail.`, `constrained.`, `no.`, `readonly.`) are
//! decoded as instructions of their own, carrying their operand (`unaligned.` and `no.` a
//! [`Operand::U8`], `constrained.` a type [`Operand::Token`]); the consumer keeps the prefix
//! state for the instruction that follows, as Mono's JIT does. [`Opcode::is_prefix`] tells
//! them apart.
//!
//! Every error's offset is the IL offset of the instruction being decoded.

use crate::error::DecodeError;
use crate::token::{TableId, Token};
use std::fmt;

/// How an opcode's operand is encoded (Partition III, 1.2 and VI.C.4 operand types).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum OperandKind {
    InlineNone,
    /// `int8`
    ShortInlineI,
    /// `uint8`: the operand of `unaligned.` and `no.`
    ShortInlineU,
    InlineI,
    InlineI8,
    ShortInlineR,
    InlineR,
    ShortInlineVar,
    InlineVar,
    ShortInlineBrTarget,
    InlineBrTarget,
    InlineSwitch,
    InlineMethod,
    InlineField,
    InlineType,
    InlineTok,
    InlineString,
    InlineSig,
}

/// How an instruction affects control flow, for finding basic blocks.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum FlowControl {
    Next,
    Break,
    Branch,
    CondBranch,
    Call,
    /// `ret`, `endfinally`, `endfilter`: leaves the method or handler.
    Return,
    Throw,
    /// A prefix, modifying the next instruction.
    Meta,
}

macro_rules! opcodes {
    ($( $variant:ident = $code:literal, $name:literal, $kind:ident, $flow:ident; )*) => {
        /// A CIL opcode. The discriminant is the encoding: one byte, or `0xFExx` for the
        /// two-byte opcodes.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        #[repr(u16)]
        pub enum Opcode {
            $( $variant = $code, )*
        }

        impl Opcode {
            /// Every opcode of Partition III, in encoding order.
            pub const ALL: &'static [Opcode] = &[ $( Opcode::$variant, )* ];

            /// Looks up an encoding (`0xFExx` for two-byte opcodes).
            pub fn from_code(code: u16) -> Option<Opcode> {
                match code {
                    $( $code => Some(Opcode::$variant), )*
                    _ => None,
                }
            }

            /// The ILasm mnemonic.
            pub fn name(self) -> &'static str {
                match self {
                    $( Opcode::$variant => $name, )*
                }
            }

            pub fn operand_kind(self) -> OperandKind {
                match self {
                    $( Opcode::$variant => OperandKind::$kind, )*
                }
            }

            pub fn flow_control(self) -> FlowControl {
                match self {
                    $( Opcode::$variant => FlowControl::$flow, )*
                }
            }
        }
    };
}

opcodes! {
    Nop = 0x00, "nop", InlineNone, Next;
    Break = 0x01, "break", InlineNone, Break;
    Ldarg0 = 0x02, "ldarg.0", InlineNone, Next;
    Ldarg1 = 0x03, "ldarg.1", InlineNone, Next;
    Ldarg2 = 0x04, "ldarg.2", InlineNone, Next;
    Ldarg3 = 0x05, "ldarg.3", InlineNone, Next;
    Ldloc0 = 0x06, "ldloc.0", InlineNone, Next;
    Ldloc1 = 0x07, "ldloc.1", InlineNone, Next;
    Ldloc2 = 0x08, "ldloc.2", InlineNone, Next;
    Ldloc3 = 0x09, "ldloc.3", InlineNone, Next;
    Stloc0 = 0x0A, "stloc.0", InlineNone, Next;
    Stloc1 = 0x0B, "stloc.1", InlineNone, Next;
    Stloc2 = 0x0C, "stloc.2", InlineNone, Next;
    Stloc3 = 0x0D, "stloc.3", InlineNone, Next;
    LdargS = 0x0E, "ldarg.s", ShortInlineVar, Next;
    LdargaS = 0x0F, "ldarga.s", ShortInlineVar, Next;
    StargS = 0x10, "starg.s", ShortInlineVar, Next;
    LdlocS = 0x11, "ldloc.s", ShortInlineVar, Next;
    LdlocaS = 0x12, "ldloca.s", ShortInlineVar, Next;
    StlocS = 0x13, "stloc.s", ShortInlineVar, Next;
    Ldnull = 0x14, "ldnull", InlineNone, Next;
    LdcI4M1 = 0x15, "ldc.i4.m1", InlineNone, Next;
    LdcI40 = 0x16, "ldc.i4.0", InlineNone, Next;
    LdcI41 = 0x17, "ldc.i4.1", InlineNone, Next;
    LdcI42 = 0x18, "ldc.i4.2", InlineNone, Next;
    LdcI43 = 0x19, "ldc.i4.3", InlineNone, Next;
    LdcI44 = 0x1A, "ldc.i4.4", InlineNone, Next;
    LdcI45 = 0x1B, "ldc.i4.5", InlineNone, Next;
    LdcI46 = 0x1C, "ldc.i4.6", InlineNone, Next;
    LdcI47 = 0x1D, "ldc.i4.7", InlineNone, Next;
    LdcI48 = 0x1E, "ldc.i4.8", InlineNone, Next;
    LdcI4S = 0x1F, "ldc.i4.s", ShortInlineI, Next;
    LdcI4 = 0x20, "ldc.i4", InlineI, Next;
    LdcI8 = 0x21, "ldc.i8", InlineI8, Next;
    LdcR4 = 0x22, "ldc.r4", ShortInlineR, Next;
    LdcR8 = 0x23, "ldc.r8", InlineR, Next;
    Dup = 0x25, "dup", InlineNone, Next;
    Pop = 0x26, "pop", InlineNone, Next;
    Jmp = 0x27, "jmp", InlineMethod, Call;
    Call = 0x28, "call", InlineMethod, Call;
    Calli = 0x29, "calli", InlineSig, Call;
    Ret = 0x2A, "ret", InlineNone, Return;
    BrS = 0x2B, "br.s", ShortInlineBrTarget, Branch;
    BrfalseS = 0x2C, "brfalse.s", ShortInlineBrTarget, CondBranch;
    BrtrueS = 0x2D, "brtrue.s", ShortInlineBrTarget, CondBranch;
    BeqS = 0x2E, "beq.s", ShortInlineBrTarget, CondBranch;
    BgeS = 0x2F, "bge.s", ShortInlineBrTarget, CondBranch;
    BgtS = 0x30, "bgt.s", ShortInlineBrTarget, CondBranch;
    BleS = 0x31, "ble.s", ShortInlineBrTarget, CondBranch;
    BltS = 0x32, "blt.s", ShortInlineBrTarget, CondBranch;
    BneUnS = 0x33, "bne.un.s", ShortInlineBrTarget, CondBranch;
    BgeUnS = 0x34, "bge.un.s", ShortInlineBrTarget, CondBranch;
    BgtUnS = 0x35, "bgt.un.s", ShortInlineBrTarget, CondBranch;
    BleUnS = 0x36, "ble.un.s", ShortInlineBrTarget, CondBranch;
    BltUnS = 0x37, "blt.un.s", ShortInlineBrTarget, CondBranch;
    Br = 0x38, "br", InlineBrTarget, Branch;
    Brfalse = 0x39, "brfalse", InlineBrTarget, CondBranch;
    Brtrue = 0x3A, "brtrue", InlineBrTarget, CondBranch;
    Beq = 0x3B, "beq", InlineBrTarget, CondBranch;
    Bge = 0x3C, "bge", InlineBrTarget, CondBranch;
    Bgt = 0x3D, "bgt", InlineBrTarget, CondBranch;
    Ble = 0x3E, "ble", InlineBrTarget, CondBranch;
    Blt = 0x3F, "blt", InlineBrTarget, CondBranch;
    BneUn = 0x40, "bne.un", InlineBrTarget, CondBranch;
    BgeUn = 0x41, "bge.un", InlineBrTarget, CondBranch;
    BgtUn = 0x42, "bgt.un", InlineBrTarget, CondBranch;
    BleUn = 0x43, "ble.un", InlineBrTarget, CondBranch;
    BltUn = 0x44, "blt.un", InlineBrTarget, CondBranch;
    Switch = 0x45, "switch", InlineSwitch, CondBranch;
    LdindI1 = 0x46, "ldind.i1", InlineNone, Next;
    LdindU1 = 0x47, "ldind.u1", InlineNone, Next;
    LdindI2 = 0x48, "ldind.i2", InlineNone, Next;
    LdindU2 = 0x49, "ldind.u2", InlineNone, Next;
    LdindI4 = 0x4A, "ldind.i4", InlineNone, Next;
    LdindU4 = 0x4B, "ldind.u4", InlineNone, Next;
    LdindI8 = 0x4C, "ldind.i8", InlineNone, Next;
    LdindI = 0x4D, "ldind.i", InlineNone, Next;
    LdindR4 = 0x4E, "ldind.r4", InlineNone, Next;
    LdindR8 = 0x4F, "ldind.r8", InlineNone, Next;
    LdindRef = 0x50, "ldind.ref", InlineNone, Next;
    StindRef = 0x51, "stind.ref", InlineNone, Next;
    StindI1 = 0x52, "stind.i1", InlineNone, Next;
    StindI2 = 0x53, "stind.i2", InlineNone, Next;
    StindI4 = 0x54, "stind.i4", InlineNone, Next;
    StindI8 = 0x55, "stind.i8", InlineNone, Next;
    StindR4 = 0x56, "stind.r4", InlineNone, Next;
    StindR8 = 0x57, "stind.r8", InlineNone, Next;
    Add = 0x58, "add", InlineNone, Next;
    Sub = 0x59, "sub", InlineNone, Next;
    Mul = 0x5A, "mul", InlineNone, Next;
    Div = 0x5B, "div", InlineNone, Next;
    DivUn = 0x5C, "div.un", InlineNone, Next;
    Rem = 0x5D, "rem", InlineNone, Next;
    RemUn = 0x5E, "rem.un", InlineNone, Next;
    And = 0x5F, "and", InlineNone, Next;
    Or = 0x60, "or", InlineNone, Next;
    Xor = 0x61, "xor", InlineNone, Next;
    Shl = 0x62, "shl", InlineNone, Next;
    Shr = 0x63, "shr", InlineNone, Next;
    ShrUn = 0x64, "shr.un", InlineNone, Next;
    Neg = 0x65, "neg", InlineNone, Next;
    Not = 0x66, "not", InlineNone, Next;
    ConvI1 = 0x67, "conv.i1", InlineNone, Next;
    ConvI2 = 0x68, "conv.i2", InlineNone, Next;
    ConvI4 = 0x69, "conv.i4", InlineNone, Next;
    ConvI8 = 0x6A, "conv.i8", InlineNone, Next;
    ConvR4 = 0x6B, "conv.r4", InlineNone, Next;
    ConvR8 = 0x6C, "conv.r8", InlineNone, Next;
    ConvU4 = 0x6D, "conv.u4", InlineNone, Next;
    ConvU8 = 0x6E, "conv.u8", InlineNone, Next;
    Callvirt = 0x6F, "callvirt", InlineMethod, Call;
    Cpobj = 0x70, "cpobj", InlineType, Next;
    Ldobj = 0x71, "ldobj", InlineType, Next;
    Ldstr = 0x72, "ldstr", InlineString, Next;
    Newobj = 0x73, "newobj", InlineMethod, Call;
    Castclass = 0x74, "castclass", InlineType, Next;
    Isinst = 0x75, "isinst", InlineType, Next;
    ConvRUn = 0x76, "conv.r.un", InlineNone, Next;
    Unbox = 0x79, "unbox", InlineType, Next;
    Throw = 0x7A, "throw", InlineNone, Throw;
    Ldfld = 0x7B, "ldfld", InlineField, Next;
    Ldflda = 0x7C, "ldflda", InlineField, Next;
    Stfld = 0x7D, "stfld", InlineField, Next;
    Ldsfld = 0x7E, "ldsfld", InlineField, Next;
    Ldsflda = 0x7F, "ldsflda", InlineField, Next;
    Stsfld = 0x80, "stsfld", InlineField, Next;
    Stobj = 0x81, "stobj", InlineType, Next;
    ConvOvfI1Un = 0x82, "conv.ovf.i1.un", InlineNone, Next;
    ConvOvfI2Un = 0x83, "conv.ovf.i2.un", InlineNone, Next;
    ConvOvfI4Un = 0x84, "conv.ovf.i4.un", InlineNone, Next;
    ConvOvfI8Un = 0x85, "conv.ovf.i8.un", InlineNone, Next;
    ConvOvfU1Un = 0x86, "conv.ovf.u1.un", InlineNone, Next;
    ConvOvfU2Un = 0x87, "conv.ovf.u2.un", InlineNone, Next;
    ConvOvfU4Un = 0x88, "conv.ovf.u4.un", InlineNone, Next;
    ConvOvfU8Un = 0x89, "conv.ovf.u8.un", InlineNone, Next;
    ConvOvfIUn = 0x8A, "conv.ovf.i.un", InlineNone, Next;
    ConvOvfUUn = 0x8B, "conv.ovf.u.un", InlineNone, Next;
    Box = 0x8C, "box", InlineType, Next;
    Newarr = 0x8D, "newarr", InlineType, Next;
    Ldlen = 0x8E, "ldlen", InlineNone, Next;
    Ldelema = 0x8F, "ldelema", InlineType, Next;
    LdelemI1 = 0x90, "ldelem.i1", InlineNone, Next;
    LdelemU1 = 0x91, "ldelem.u1", InlineNone, Next;
    LdelemI2 = 0x92, "ldelem.i2", InlineNone, Next;
    LdelemU2 = 0x93, "ldelem.u2", InlineNone, Next;
    LdelemI4 = 0x94, "ldelem.i4", InlineNone, Next;
    LdelemU4 = 0x95, "ldelem.u4", InlineNone, Next;
    LdelemI8 = 0x96, "ldelem.i8", InlineNone, Next;
    LdelemI = 0x97, "ldelem.i", InlineNone, Next;
    LdelemR4 = 0x98, "ldelem.r4", InlineNone, Next;
    LdelemR8 = 0x99, "ldelem.r8", InlineNone, Next;
    LdelemRef = 0x9A, "ldelem.ref", InlineNone, Next;
    StelemI = 0x9B, "stelem.i", InlineNone, Next;
    StelemI1 = 0x9C, "stelem.i1", InlineNone, Next;
    StelemI2 = 0x9D, "stelem.i2", InlineNone, Next;
    StelemI4 = 0x9E, "stelem.i4", InlineNone, Next;
    StelemI8 = 0x9F, "stelem.i8", InlineNone, Next;
    StelemR4 = 0xA0, "stelem.r4", InlineNone, Next;
    StelemR8 = 0xA1, "stelem.r8", InlineNone, Next;
    StelemRef = 0xA2, "stelem.ref", InlineNone, Next;
    Ldelem = 0xA3, "ldelem", InlineType, Next;
    Stelem = 0xA4, "stelem", InlineType, Next;
    UnboxAny = 0xA5, "unbox.any", InlineType, Next;
    ConvOvfI1 = 0xB3, "conv.ovf.i1", InlineNone, Next;
    ConvOvfU1 = 0xB4, "conv.ovf.u1", InlineNone, Next;
    ConvOvfI2 = 0xB5, "conv.ovf.i2", InlineNone, Next;
    ConvOvfU2 = 0xB6, "conv.ovf.u2", InlineNone, Next;
    ConvOvfI4 = 0xB7, "conv.ovf.i4", InlineNone, Next;
    ConvOvfU4 = 0xB8, "conv.ovf.u4", InlineNone, Next;
    ConvOvfI8 = 0xB9, "conv.ovf.i8", InlineNone, Next;
    ConvOvfU8 = 0xBA, "conv.ovf.u8", InlineNone, Next;
    Refanyval = 0xC2, "refanyval", InlineType, Next;
    Ckfinite = 0xC3, "ckfinite", InlineNone, Next;
    Mkrefany = 0xC6, "mkrefany", InlineType, Next;
    Ldtoken = 0xD0, "ldtoken", InlineTok, Next;
    ConvU2 = 0xD1, "conv.u2", InlineNone, Next;
    ConvU1 = 0xD2, "conv.u1", InlineNone, Next;
    ConvI = 0xD3, "conv.i", InlineNone, Next;
    ConvOvfI = 0xD4, "conv.ovf.i", InlineNone, Next;
    ConvOvfU = 0xD5, "conv.ovf.u", InlineNone, Next;
    AddOvf = 0xD6, "add.ovf", InlineNone, Next;
    AddOvfUn = 0xD7, "add.ovf.un", InlineNone, Next;
    MulOvf = 0xD8, "mul.ovf", InlineNone, Next;
    MulOvfUn = 0xD9, "mul.ovf.un", InlineNone, Next;
    SubOvf = 0xDA, "sub.ovf", InlineNone, Next;
    SubOvfUn = 0xDB, "sub.ovf.un", InlineNone, Next;
    Endfinally = 0xDC, "endfinally", InlineNone, Return;
    Leave = 0xDD, "leave", InlineBrTarget, Branch;
    LeaveS = 0xDE, "leave.s", ShortInlineBrTarget, Branch;
    StindI = 0xDF, "stind.i", InlineNone, Next;
    ConvU = 0xE0, "conv.u", InlineNone, Next;
    Arglist = 0xFE00, "arglist", InlineNone, Next;
    Ceq = 0xFE01, "ceq", InlineNone, Next;
    Cgt = 0xFE02, "cgt", InlineNone, Next;
    CgtUn = 0xFE03, "cgt.un", InlineNone, Next;
    Clt = 0xFE04, "clt", InlineNone, Next;
    CltUn = 0xFE05, "clt.un", InlineNone, Next;
    Ldftn = 0xFE06, "ldftn", InlineMethod, Next;
    Ldvirtftn = 0xFE07, "ldvirtftn", InlineMethod, Next;
    Ldarg = 0xFE09, "ldarg", InlineVar, Next;
    Ldarga = 0xFE0A, "ldarga", InlineVar, Next;
    Starg = 0xFE0B, "starg", InlineVar, Next;
    Ldloc = 0xFE0C, "ldloc", InlineVar, Next;
    Ldloca = 0xFE0D, "ldloca", InlineVar, Next;
    Stloc = 0xFE0E, "stloc", InlineVar, Next;
    Localloc = 0xFE0F, "localloc", InlineNone, Next;
    Endfilter = 0xFE11, "endfilter", InlineNone, Return;
    Unaligned = 0xFE12, "unaligned.", ShortInlineU, Meta;
    Volatile = 0xFE13, "volatile.", InlineNone, Meta;
    Tail = 0xFE14, "tail.", InlineNone, Meta;
    Initobj = 0xFE15, "initobj", InlineType, Next;
    Constrained = 0xFE16, "constrained.", InlineType, Meta;
    Cpblk = 0xFE17, "cpblk", InlineNone, Next;
    Initblk = 0xFE18, "initblk", InlineNone, Next;
    No = 0xFE19, "no.", ShortInlineU, Meta;
    Rethrow = 0xFE1A, "rethrow", InlineNone, Throw;
    Sizeof = 0xFE1C, "sizeof", InlineType, Next;
    Refanytype = 0xFE1D, "refanytype", InlineNone, Next;
    Readonly = 0xFE1E, "readonly.", InlineNone, Meta;
}

/// The byte that introduces the two-byte opcodes.
pub const TWO_BYTE_PREFIX: u8 = 0xFE;

impl Opcode {
    /// The encoding (`0xFExx` for two-byte opcodes).
    pub fn code(self) -> u16 {
        self as u16
    }

    /// The opcode's bytes as they appear in IL.
    pub fn bytes(self) -> ([u8; 2], usize) {
        let code = self.code();
        if code > 0xFF {
            ([TWO_BYTE_PREFIX, code as u8], 2)
        } else {
            ([code as u8, 0], 1)
        }
    }

    pub fn is_prefix(self) -> bool {
        self.flow_control() == FlowControl::Meta
    }
}

impl fmt::Display for Opcode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// A decoded operand. Short forms are widened (`ldarg.s` gives `Var`), and branch
/// targets are absolute IL offsets.
#[derive(Clone, Debug, PartialEq)]
pub enum Operand {
    None,
    /// `ldc.i4.s`
    I8(i8),
    /// `unaligned.` alignment, `no.` check flags
    U8(u8),
    I32(i32),
    I64(i64),
    R4(f32),
    R8(f64),
    /// An argument or local number.
    Var(u16),
    BrTarget(u32),
    Switch(Vec<u32>),
    Token(Token),
}

#[derive(Clone, Debug, PartialEq)]
pub struct Instruction {
    pub offset: u32,
    pub opcode: Opcode,
    pub operand: Operand,
    /// Encoded length in bytes, opcode and operand together.
    pub size: u32,
}

impl Instruction {
    pub fn next_offset(&self) -> u32 {
        self.offset + self.size
    }

    /// Every IL offset this instruction may branch to (not its fall-through).
    pub fn branch_targets(&self) -> &[u32] {
        match &self.operand {
            Operand::BrTarget(t) => std::slice::from_ref(t),
            Operand::Switch(ts) => ts,
            _ => &[],
        }
    }
}

/// Whether a token of `table` may be the operand of an instruction of operand kind `kind`.
pub fn token_kind_ok(kind: OperandKind, table: Option<TableId>) -> bool {
    use TableId::*;
    let Some(table) = table else {
        return false;
    };
    match kind {
        OperandKind::InlineMethod => matches!(table, MethodDef | MemberRef | MethodSpec),
        OperandKind::InlineField => matches!(table, Field | MemberRef),
        OperandKind::InlineType => matches!(table, TypeDef | TypeRef | TypeSpec),
        OperandKind::InlineTok => matches!(
            table,
            TypeDef | TypeRef | TypeSpec | MethodDef | MemberRef | MethodSpec | Field
        ),
        OperandKind::InlineSig => table == StandAloneSig,
        _ => false,
    }
}

/// A bounds-checked read position inside one instruction; errors name the instruction.
struct Cursor<'a> {
    code: &'a [u8],
    start: usize,
    pos: usize,
}

impl<'a> Cursor<'a> {
    fn error(&self, message: String) -> DecodeError {
        DecodeError::new(self.start, message)
    }

    fn take<const N: usize>(&mut self, opcode: Opcode) -> Result<[u8; N], DecodeError> {
        let bytes = self
            .pos
            .checked_add(N)
            .and_then(|end| self.code.get(self.pos..end))
            .ok_or_else(|| {
                self.error(format!(
                    "truncated operand of {}: needs {N} bytes, {} left",
                    opcode.name(),
                    self.code.len() - self.pos
                ))
            })?;
        self.pos += N;
        let mut a = [0u8; N];
        a.copy_from_slice(bytes);
        Ok(a)
    }

    /// Resolves a displacement relative to `next`, the offset after the whole instruction.
    fn target(&self, opcode: Opcode, next: usize, displacement: i32) -> Result<u32, DecodeError> {
        let target = next as i64 + i64::from(displacement);
        if target < 0 || target >= self.code.len() as i64 {
            return Err(self.error(format!(
                "{} target {target} is outside the {} bytes of IL",
                opcode.name(),
                self.code.len()
            )));
        }
        Ok(target as u32)
    }
}

/// Decodes the instruction at `offset` of a method's IL.
pub fn decode_instruction(code: &[u8], offset: u32) -> Result<Instruction, DecodeError> {
    let start = offset as usize;
    let mut cur = Cursor {
        code,
        start,
        pos: start,
    };
    let b0 = *code.get(start).ok_or_else(|| {
        cur.error(format!(
            "offset IL_{offset:04x} is past the {} bytes of IL",
            code.len()
        ))
    })?;
    let opcode = if b0 == TWO_BYTE_PREFIX {
        let b1 = *code.get(start + 1).ok_or_else(|| {
            cur.error("truncated two-byte opcode 0xfe at the end of the IL".into())
        })?;
        Opcode::from_code(0xFE00 | u16::from(b1))
            .ok_or_else(|| cur.error(format!("unknown opcode 0xfe 0x{b1:02x}")))?
    } else {
        Opcode::from_code(u16::from(b0))
            .ok_or_else(|| cur.error(format!("unknown opcode 0x{b0:02x}")))?
    };
    cur.pos += opcode.bytes().1;
    let kind = opcode.operand_kind();
    let operand = match kind {
        OperandKind::InlineNone => Operand::None,
        OperandKind::ShortInlineI => Operand::I8(i8::from_le_bytes(cur.take(opcode)?)),
        OperandKind::ShortInlineU => Operand::U8(u8::from_le_bytes(cur.take(opcode)?)),
        OperandKind::ShortInlineVar => Operand::Var(u16::from(cur.take::<1>(opcode)?[0])),
        OperandKind::InlineVar => Operand::Var(u16::from_le_bytes(cur.take(opcode)?)),
        OperandKind::InlineI => Operand::I32(i32::from_le_bytes(cur.take(opcode)?)),
        OperandKind::InlineI8 => Operand::I64(i64::from_le_bytes(cur.take(opcode)?)),
        OperandKind::ShortInlineR => Operand::R4(f32::from_le_bytes(cur.take(opcode)?)),
        OperandKind::InlineR => Operand::R8(f64::from_le_bytes(cur.take(opcode)?)),
        OperandKind::ShortInlineBrTarget => {
            let d = i8::from_le_bytes(cur.take(opcode)?);
            Operand::BrTarget(cur.target(opcode, cur.pos, i32::from(d))?)
        }
        OperandKind::InlineBrTarget => {
            let d = i32::from_le_bytes(cur.take(opcode)?);
            Operand::BrTarget(cur.target(opcode, cur.pos, d)?)
        }
        OperandKind::InlineSwitch => {
            let n = u32::from_le_bytes(cur.take(opcode)?) as usize;
            // Check the whole table fits before allocating for it.
            let next = n
                .checked_mul(4)
                .and_then(|len| cur.pos.checked_add(len))
                .filter(|&end| end <= code.len())
                .ok_or_else(|| {
                    cur.error(format!(
                        "truncated switch: {n} targets do not fit the {} bytes of IL",
                        code.len()
                    ))
                })?;
            let mut targets = Vec::with_capacity(n);
            for _ in 0..n {
                let d = i32::from_le_bytes(cur.take(opcode)?);
                targets.push(cur.target(opcode, next, d)?);
            }
            Operand::Switch(targets)
        }
        OperandKind::InlineString => {
            let t = Token(u32::from_le_bytes(cur.take(opcode)?));
            if t.table_byte() != Token::USER_STRING_TAG {
                return Err(cur.error(format!("ldstr operand {t} is not a user-string token")));
            }
            Operand::Token(t)
        }
        OperandKind::InlineMethod
        | OperandKind::InlineField
        | OperandKind::InlineType
        | OperandKind::InlineTok
        | OperandKind::InlineSig => {
            let t = Token(u32::from_le_bytes(cur.take(opcode)?));
            if !token_kind_ok(kind, t.table()) || t.is_null() {
                return Err(cur.error(format!(
                    "{} operand {t} is not a valid {kind:?} token",
                    opcode.name()
                )));
            }
            Operand::Token(t)
        }
    };
    Ok(Instruction {
        offset,
        opcode,
        operand,
        size: (cur.pos - start) as u32,
    })
}

/// Decodes a method's IL front to back; yields the first error and then stops.
pub fn decode_all(code: &[u8]) -> Instructions<'_> {
    Instructions {
        code,
        offset: 0,
        failed: false,
    }
}

pub struct Instructions<'a> {
    code: &'a [u8],
    offset: usize,
    failed: bool,
}

impl Iterator for Instructions<'_> {
    type Item = Result<Instruction, DecodeError>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.failed || self.offset >= self.code.len() {
            return None;
        }
        let result = match u32::try_from(self.offset) {
            Ok(off) => decode_instruction(self.code, off),
            Err(_) => Err(DecodeError::new(self.offset, "IL longer than 4 GiB")),
        };
        match &result {
            Ok(ins) => self.offset += ins.size as usize,
            Err(_) => self.failed = true,
        }
        Some(result)
    }
}

impl std::iter::FusedIterator for Instructions<'_> {}

/// Decodes all of a method's IL and checks that every branch target is the start of an
/// instruction, which decoding one instruction at a time cannot tell.
pub fn decode_all_checked(code: &[u8]) -> Result<Vec<Instruction>, DecodeError> {
    let instructions = decode_all(code).collect::<Result<Vec<_>, _>>()?;
    let mut starts = vec![false; code.len()];
    for ins in &instructions {
        starts[ins.offset as usize] = true;
    }
    for ins in &instructions {
        if let Some(&t) = ins.branch_targets().iter().find(|&&t| !starts[t as usize]) {
            return Err(DecodeError::new(
                ins.offset as usize,
                format!(
                    "{} target IL_{t:04x} is inside another instruction",
                    ins.opcode.name()
                ),
            ));
        }
    }
    Ok(instructions)
}

impl fmt::Display for Operand {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Operand::None => Ok(()),
            Operand::I8(v) => write!(f, "{v}"),
            Operand::U8(v) => write!(f, "{v}"),
            Operand::I32(v) => write!(f, "{v}"),
            Operand::I64(v) => write!(f, "{v}"),
            Operand::R4(v) => write!(f, "{v:?}"),
            Operand::R8(v) => write!(f, "{v:?}"),
            Operand::Var(v) => write!(f, "{v}"),
            Operand::BrTarget(t) => write!(f, "IL_{t:04x}"),
            Operand::Switch(ts) => {
                f.write_str("(")?;
                for (i, t) in ts.iter().enumerate() {
                    if i > 0 {
                        f.write_str(", ")?;
                    }
                    write!(f, "IL_{t:04x}")?;
                }
                f.write_str(")")
            }
            Operand::Token(t) => write!(f, "{t}"),
        }
    }
}

impl fmt::Display for Instruction {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "IL_{:04x}: {}", self.offset, self.opcode.name())?;
        if self.operand != Operand::None {
            write!(f, " {}", self.operand)?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    /// Bytes that follow each instruction under test, so branch targets have somewhere to go.
    const TAIL: usize = 16;

    /// Encodes `op` with a sample operand; returns the bytes and the operand expected back.
    fn sample(op: Opcode) -> (Vec<u8>, Operand) {
        let (code, n) = op.bytes();
        let mut v = code[..n].to_vec();
        let operand = match op.operand_kind() {
            OperandKind::InlineNone => Operand::None,
            OperandKind::ShortInlineI => {
                v.push(0xF6);
                Operand::I8(-10)
            }
            OperandKind::ShortInlineU => {
                v.push(4);
                Operand::U8(4)
            }
            OperandKind::InlineI => {
                v.extend_from_slice(&(-123_456i32).to_le_bytes());
                Operand::I32(-123_456)
            }
            OperandKind::InlineI8 => {
                v.extend_from_slice(&(-0x1122_3344_5566_7788i64).to_le_bytes());
                Operand::I64(-0x1122_3344_5566_7788)
            }
            OperandKind::ShortInlineR => {
                v.extend_from_slice(&1.5f32.to_le_bytes());
                Operand::R4(1.5)
            }
            OperandKind::InlineR => {
                v.extend_from_slice(&(-2.25f64).to_le_bytes());
                Operand::R8(-2.25)
            }
            OperandKind::ShortInlineVar => {
                v.push(200);
                Operand::Var(200)
            }
            OperandKind::InlineVar => {
                v.extend_from_slice(&0x1234u16.to_le_bytes());
                Operand::Var(0x1234)
            }
            OperandKind::ShortInlineBrTarget => {
                v.push(3);
                Operand::BrTarget(v.len() as u32 + 3)
            }
            OperandKind::InlineBrTarget => {
                v.extend_from_slice(&5i32.to_le_bytes());
                Operand::BrTarget(v.len() as u32 + 5)
            }
            OperandKind::InlineSwitch => {
                v.extend_from_slice(&2u32.to_le_bytes());
                v.extend_from_slice(&0i32.to_le_bytes());
                v.extend_from_slice(&4i32.to_le_bytes());
                Operand::Switch(vec![v.len() as u32, v.len() as u32 + 4])
            }
            kind => {
                let raw: u32 = match kind {
                    OperandKind::InlineMethod => 0x0A00_0007,
                    OperandKind::InlineField => 0x0400_0003,
                    OperandKind::InlineType => 0x0100_0002,
                    OperandKind::InlineTok => 0x0200_0001,
                    OperandKind::InlineString => 0x7000_0010,
                    OperandKind::InlineSig => 0x1100_0002,
                    _ => unreachable!(),
                };
                v.extend_from_slice(&raw.to_le_bytes());
                Operand::Token(Token(raw))
            }
        };
        (v, operand)
    }

    #[test]
    fn every_opcode_round_trips() {
        assert_eq!(Opcode::ALL.len(), 219, "Partition III defines 219 opcodes");
        let names: HashSet<_> = Opcode::ALL.iter().map(|o| o.name()).collect();
        assert_eq!(names.len(), Opcode::ALL.len(), "mnemonics are unique");
        for &op in Opcode::ALL {
            let (mut bytes, expected) = sample(op);
            let size = bytes.len() as u32;
            bytes.extend(std::iter::repeat_n(0u8, TAIL));
            let ins = decode_instruction(&bytes, 0).unwrap_or_else(|e| panic!("{op:?}: {e}"));
            assert_eq!(ins.opcode, op);
            assert_eq!(ins.opcode.name(), op.name());
            assert_eq!(ins.operand, expected, "{}", op.name());
            assert_eq!(ins.size, size, "{}", op.name());
            assert_eq!(Opcode::from_code(op.code()), Some(op));

            // The same instruction decodes at a non-zero offset with targets shifted.
            let mut shifted = vec![0u8; 7];
            shifted.extend_from_slice(&bytes);
            let ins = decode_instruction(&shifted, 7).unwrap();
            assert_eq!(ins.offset, 7);
            let expected_shifted = match &expected {
                Operand::BrTarget(t) => Operand::BrTarget(t + 7),
                Operand::Switch(ts) => Operand::Switch(ts.iter().map(|t| t + 7).collect()),
                other => other.clone(),
            };
            assert_eq!(ins.operand, expected_shifted, "{}", op.name());
        }
    }

    #[test]
    fn mnemonics_match_partition_iii() {
        let spot = [
            (0x02, "ldarg.0"),
            (0x15, "ldc.i4.m1"),
            (0x28, "call"),
            (0x33, "bne.un.s"),
            (0x45, "switch"),
            (0x50, "ldind.ref"),
            (0x76, "conv.r.un"),
            (0x84, "conv.ovf.i4.un"),
            (0x8B, "conv.ovf.u.un"),
            (0xA3, "ldelem"),
            (0xA4, "stelem"),
            (0xA5, "unbox.any"),
            (0xC2, "refanyval"),
            (0xC3, "ckfinite"),
            (0xC6, "mkrefany"),
            (0xD0, "ldtoken"),
            (0xDC, "endfinally"),
            (0xDD, "leave"),
            (0xDE, "leave.s"),
            (0xDF, "stind.i"),
            (0xE0, "conv.u"),
            (0xFE00, "arglist"),
            (0xFE03, "cgt.un"),
            (0xFE05, "clt.un"),
            (0xFE07, "ldvirtftn"),
            (0xFE0E, "stloc"),
            (0xFE0F, "localloc"),
            (0xFE11, "endfilter"),
            (0xFE12, "unaligned."),
            (0xFE16, "constrained."),
            (0xFE18, "initblk"),
            (0xFE19, "no."),
            (0xFE1A, "rethrow"),
            (0xFE1C, "sizeof"),
            (0xFE1D, "refanytype"),
            (0xFE1E, "readonly."),
        ];
        for (code, name) in spot {
            assert_eq!(Opcode::from_code(code).map(Opcode::name), Some(name));
        }
        let prefixes: Vec<_> = Opcode::ALL
            .iter()
            .filter(|o| o.is_prefix())
            .map(|o| o.name())
            .collect();
        assert_eq!(
            prefixes,
            [
                "unaligned.",
                "volatile.",
                "tail.",
                "constrained.",
                "no.",
                "readonly."
            ]
        );
    }

    #[test]
    fn unknown_opcodes_are_errors() {
        let mut unknown_one_byte = vec![0x24, 0x77, 0x78, 0xC4, 0xC5];
        unknown_one_byte.extend(0xA6..=0xB2);
        unknown_one_byte.extend(0xBB..=0xC1);
        unknown_one_byte.extend(0xC7..=0xCF);
        unknown_one_byte.extend(0xE1..=0xFD);
        unknown_one_byte.push(0xFF);
        for b in unknown_one_byte {
            let e = decode_instruction(&[0x00, b, 0x00, 0x00, 0x00, 0x00], 1).unwrap_err();
            assert_eq!(e.offset, 1);
            assert_eq!(e.message, format!("unknown opcode 0x{b:02x}"));
        }
        let mut unknown_two_byte = vec![0x08, 0x10, 0x1B];
        unknown_two_byte.extend(0x1F..=0xFF);
        for b in unknown_two_byte {
            let e = decode_instruction(&[0xFE, b, 0, 0, 0, 0], 0).unwrap_err();
            assert_eq!(e.message, format!("unknown opcode 0xfe 0x{b:02x}"));
        }
        // Every byte value is either an opcode or rejected: nothing panics.
        for b0 in 0..=255u8 {
            for b1 in 0..=255u8 {
                let _ = decode_instruction(&[b0, b1, 1, 0, 0, 0], 0);
            }
        }
        assert!(decode_instruction(&[0xFE], 0).is_err());
        assert!(decode_instruction(&[0x00], 1).is_err());
        assert!(decode_instruction(&[], 0).is_err());
    }

    #[test]
    fn truncated_operands_are_errors() {
        for &op in Opcode::ALL {
            let (bytes, _) = sample(op);
            let (_, opcode_len) = op.bytes();
            for len in opcode_len..bytes.len() {
                let mut code = vec![0x00, 0x00];
                code.extend_from_slice(&bytes[..len]);
                let e = decode_instruction(&code, 2).unwrap_err();
                assert_eq!(e.offset, 2, "{}", op.name());
                assert!(e.message.contains("truncated"), "{}: {}", op.name(), e);
            }
        }
        // A switch whose count would need more bytes than exist must not allocate for it.
        let mut code = vec![0x45];
        code.extend_from_slice(&u32::MAX.to_le_bytes());
        assert!(decode_instruction(&code, 0).is_err());
    }

    #[test]
    fn branch_targets_outside_the_code_are_errors() {
        // br.s -3 at offset 0 goes before the start.
        let e = decode_instruction(&[0x2B, 0xFD], 0).unwrap_err();
        assert!(e.message.contains("outside"), "{e}");
        // br.s +0 at the end targets the end itself, which holds no instruction.
        assert!(decode_instruction(&[0x2B, 0x00], 0).is_err());
        // br -2 loops to itself: fine.
        let ins = decode_instruction(&[0x00, 0x38, 0xFB, 0xFF, 0xFF, 0xFF], 1).unwrap();
        assert_eq!(ins.operand, Operand::BrTarget(1));
        // leave with a huge positive displacement.
        assert!(decode_instruction(&[0xDD, 0xFF, 0xFF, 0xFF, 0x7F, 0x00], 0).is_err());
        // One bad switch target fails the whole switch, reported at the switch's offset.
        let mut code = vec![0x00, 0x45, 2, 0, 0, 0];
        code.extend_from_slice(&0i32.to_le_bytes());
        code.extend_from_slice(&(-100i32).to_le_bytes());
        code.push(0x2A);
        assert_eq!(decode_instruction(&code, 1).unwrap_err().offset, 1);
    }

    #[test]
    fn wrong_token_tables_are_errors() {
        // call with a TypeRef, ldfld with a MethodDef, ldstr with a TypeDef, calli with a
        // MemberRef, newarr with a null TypeRef.
        let cases: &[&[u8]] = &[
            &[0x28, 1, 0, 0, 0x01],
            &[0x7B, 1, 0, 0, 0x06],
            &[0x72, 1, 0, 0, 0x02],
            &[0x29, 1, 0, 0, 0x0A],
            &[0x8D, 0, 0, 0, 0x01],
            &[0xD0, 1, 0, 0, 0x70],
            &[0xFE, 0x16, 1, 0, 0, 0x06],
        ];
        for code in cases {
            let e = decode_instruction(code, 0).unwrap_err();
            assert_eq!(e.offset, 0);
        }
    }

    #[test]
    fn decode_a_method() {
        // if (this.f != 0) return 1; switch (x) { ... } with prefixes and a two-byte opcode.
        let code = [
            0x02, // ldarg.0
            0x7B, 0x01, 0x00, 0x00, 0x04, // ldfld 0x04000001
            0x2D, 0x02, // brtrue.s IL_000a
            0x16, // ldc.i4.0
            0x2A, // ret
            0x03, // ldarg.1
            0x45, 0x01, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, // switch (IL_0014)
            0xFE, 0x16, 0x02, 0x00, 0x00, 0x1B, // constrained. 0x1b000002
            0x6F, 0x05, 0x00, 0x00, 0x0A, // callvirt 0x0a000005
            0xFE, 0x12, 0x01, // unaligned. 1
            0xFE, 0x13, // volatile.
            0x4A, // ldind.i4
            0x2A, // ret
        ];
        let text: Vec<String> = decode_all(&code).map(|r| r.unwrap().to_string()).collect();
        assert_eq!(
            text,
            [
                "IL_0000: ldarg.0",
                "IL_0001: ldfld 0x04000001",
                "IL_0006: brtrue.s IL_000a",
                "IL_0008: ldc.i4.0",
                "IL_0009: ret",
                "IL_000a: ldarg.1",
                "IL_000b: switch (IL_0014)",
                "IL_0014: constrained. 0x1b000002",
                "IL_001a: callvirt 0x0a000005",
                "IL_001f: unaligned. 1",
                "IL_0022: volatile.",
                "IL_0024: ldind.i4",
                "IL_0025: ret",
            ]
        );
        let checked = decode_all_checked(&code).unwrap();
        assert_eq!(checked.len(), 13);
        assert_eq!(checked[2].opcode.flow_control(), FlowControl::CondBranch);
        assert_eq!(checked[2].branch_targets(), &[0x0A]);
        assert_eq!(checked[6].branch_targets(), &[0x14]);
    }

    #[test]
    fn decode_all_stops_at_the_first_error() {
        let code = [0x00, 0x24, 0x00];
        let results: Vec<_> = decode_all(&code).collect();
        assert_eq!(results.len(), 2);
        assert!(results[0].is_ok());
        assert_eq!(results[1].as_ref().unwrap_err().offset, 1);
        assert!(decode_all_checked(&code).is_err());
        assert_eq!(decode_all(&[]).count(), 0);
    }

    #[test]
    fn branch_into_the_middle_of_an_instruction_is_caught_by_the_checked_decoder() {
        // br.s IL_0003 lands inside ldc.i4 (IL_0002..IL_0007).
        let code = [0x2B, 0x01, 0x20, 0x00, 0x00, 0x00, 0x00, 0x2A];
        assert_eq!(
            decode_instruction(&code, 0).unwrap().operand,
            Operand::BrTarget(3)
        );
        let e = decode_all_checked(&code).unwrap_err();
        assert_eq!(e.offset, 0);
        assert!(e.message.contains("inside"));
    }
}
