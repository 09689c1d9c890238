//! The JIT's normalized view of CIL: short and macro forms folded into one operation each,
//! so code generation has one case per behaviour.

use std::sync::OnceLock;
use vcall_metadata::error::DecodeError;
use vcall_metadata::il::{
    decode_instruction, token_kind_ok, Instruction, Opcode, Operand, OperandKind, TWO_BYTE_PREFIX,
};
use vcall_metadata::token::Token;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Cmp {
    Eq,
    Gt,
    GtUn,
    Lt,
    LtUn,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Bin {
    Add,
    Sub,
    Mul,
    Div,
    DivUn,
    Rem,
    RemUn,
    And,
    Or,
    Xor,
    Shl,
    Shr,
    ShrUn,
    AddOvf,
    AddOvfUn,
    SubOvf,
    SubOvfUn,
    MulOvf,
    MulOvfUn,
}

/// Conversion targets; `ovf` and `un` are carried separately.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ConvTo {
    I1,
    U1,
    I2,
    U2,
    I4,
    U4,
    I8,
    U8,
    I,
    U,
    R4,
    R8,
    RUn,
}

/// Element/indirect access types of ldind/stind/ldelem/stelem.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mem {
    I1,
    U1,
    I2,
    U2,
    I4,
    U4,
    I8,
    I,
    R4,
    R8,
    Ref,
}

/// One normalized instruction. Plain data (`Copy`, 16 bytes): a method's operations are
/// decoded into one reused buffer and read several times, so a variant owning a list (each
/// copy or comparison then a match over all variants) showed in JIT time.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Op {
    Nop,
    Ldarg(u16),
    Ldarga(u16),
    Starg(u16),
    Ldloc(u16),
    Ldloca(u16),
    Stloc(u16),
    Ldnull,
    LdcI4(i32),
    LdcI8(i64),
    LdcR8(f64),
    LdcR4(f32),
    Dup,
    Pop,
    Call(Token),
    Callvirt(Token),
    Ret,
    Br(u32),
    BrTrue(u32, bool),
    /// Compare and branch: taken when the comparison (the first for integers, the second
    /// for floats, whose unordered results differ) equals `when`.
    BrCmp(Cmp, Cmp, bool, u32),
    /// `switch`: its targets are `targets[first..first + count]` of the list `decode_into`
    /// filled alongside the operations.
    Switch {
        first: u32,
        count: u32,
    },
    Ldind(Mem),
    Stind(Mem),
    Binary(Bin),
    Neg,
    Not,
    Conv(ConvTo, bool, bool),
    Compare(Cmp),
    Cpobj(Token),
    Ldobj(Token),
    Ldstr(Token),
    Newobj(Token),
    Castclass(Token),
    Isinst(Token),
    Unbox(Token),
    UnboxAny(Token),
    Throw,
    Rethrow,
    Ldfld(Token),
    Ldflda(Token),
    Stfld(Token),
    Ldsfld(Token),
    Ldsflda(Token),
    Stsfld(Token),
    Stobj(Token),
    Box(Token),
    Newarr(Token),
    Ldlen,
    Ldelema(Token),
    Ldelem(Mem),
    LdelemAny(Token),
    Stelem(Mem),
    StelemAny(Token),
    Ckfinite,
    Ldtoken(Token),
    Endfinally,
    Endfilter,
    Leave(u32),
    Initobj(Token),
    Sizeof(Token),
    Constrained(Token),
    /// Prefixes with no effect on this JIT (volatile., unaligned., tail., readonly., no.).
    Prefix,
    /// An instruction this JIT does not compile (delegates, typed references, calli, ...);
    /// the error names it.
    Unsupported(Opcode),
}

/// The `Op` of each one-byte opcode that takes no operand (`None` for the others), computed
/// once by `normalize`: most instructions are of this kind, and a table load is much cheaper
/// than decoding them into an `Instruction` first.
fn operand_free_ops() -> &'static [Option<Op>; 256] {
    static TABLE: OnceLock<[Option<Op>; 256]> = OnceLock::new();
    TABLE.get_or_init(|| {
        std::array::from_fn(|b| {
            let opcode = Opcode::from_code(b as u16)?;
            (b as u8 != TWO_BYTE_PREFIX && opcode.operand_kind() == OperandKind::InlineNone).then(
                || {
                    normalize(
                        &Instruction {
                            offset: 0,
                            opcode,
                            operand: Operand::None,
                            size: 1,
                        },
                        &mut Vec::new(),
                    )
                },
            )
        })
    })
}

/// The opcode and operand kind of each one-byte opcode (`None` for the two-byte prefix and
/// unassigned bytes), so decoding an instruction with an operand skips both lookups.
fn one_byte_opcodes() -> &'static [Option<(Opcode, OperandKind)>; 256] {
    static TABLE: OnceLock<[Option<(Opcode, OperandKind)>; 256]> = OnceLock::new();
    TABLE.get_or_init(|| {
        std::array::from_fn(|b| {
            let opcode = Opcode::from_code(b as u16)?;
            (b as u8 != TWO_BYTE_PREFIX).then(|| (opcode, opcode.operand_kind()))
        })
    })
}

/// Decodes a method's IL into (IL offset, `Op`) pairs appended to `out`, as `decode_all`
/// followed by `normalize` would, stopping at the first error.
pub fn decode_into(
    code: &[u8],
    out: &mut Vec<(u32, Op)>,
    switch_targets: &mut Vec<u32>,
) -> Result<(), DecodeError> {
    let table = operand_free_ops();
    let opcodes = one_byte_opcodes();
    let mut pos = 0usize;
    while pos < code.len() {
        let offset =
            u32::try_from(pos).map_err(|_| DecodeError::new(pos, "IL longer than 4 GiB"))?;
        let b = code[pos];
        if let Some(op) = &table[b as usize] {
            out.push((offset, *op));
            pos += 1;
            continue;
        }
        // The common operands, checked as decode_instruction checks them; anything else, or
        // anything it would reject, goes to it (which reports the error).
        let simple = opcodes[b as usize].and_then(|(opcode, kind)| {
            let i32_at = |at: usize| -> Option<i32> {
                Some(i32::from_le_bytes(code.get(at..at + 4)?.try_into().ok()?))
            };
            let branch = |next: usize, d: i32| {
                let target = next as i64 + i64::from(d);
                (0..code.len() as i64)
                    .contains(&target)
                    .then(|| Operand::BrTarget(target as u32))
            };
            let (operand, len) = match kind {
                OperandKind::ShortInlineI => (Operand::I8(*code.get(pos + 1)? as i8), 1),
                OperandKind::ShortInlineVar => (Operand::Var(u16::from(*code.get(pos + 1)?)), 1),
                OperandKind::InlineI => (Operand::I32(i32_at(pos + 1)?), 4),
                OperandKind::ShortInlineBrTarget => {
                    (branch(pos + 2, i32::from(*code.get(pos + 1)? as i8))?, 1)
                }
                OperandKind::InlineBrTarget => (branch(pos + 5, i32_at(pos + 1)?)?, 4),
                OperandKind::InlineString => {
                    let t = Token(i32_at(pos + 1)? as u32);
                    (t.table_byte() == Token::USER_STRING_TAG).then_some(())?;
                    (Operand::Token(t), 4)
                }
                OperandKind::InlineMethod
                | OperandKind::InlineField
                | OperandKind::InlineType
                | OperandKind::InlineTok => {
                    let t = Token(i32_at(pos + 1)? as u32);
                    (token_kind_ok(kind, t.table()) && !t.is_null()).then_some(())?;
                    (Operand::Token(t), 4)
                }
                _ => return None,
            };
            Some(Instruction {
                offset,
                opcode,
                operand,
                size: 1 + len,
            })
        });
        let ins = match simple {
            Some(ins) => ins,
            None => decode_instruction(code, offset)?,
        };
        pos += ins.size as usize;
        out.push((offset, normalize(&ins, switch_targets)));
    }
    Ok(())
}

/// Folds a decoded instruction into an `Op`; a switch's targets are appended to
/// `switch_targets`.
pub fn normalize(ins: &Instruction, switch_targets: &mut Vec<u32>) -> Op {
    use Opcode as O;
    let tok = || match &ins.operand {
        Operand::Token(t) => *t,
        _ => Token(0),
    };
    let target = || match &ins.operand {
        Operand::BrTarget(t) => *t,
        _ => 0,
    };
    let var = || match &ins.operand {
        Operand::Var(v) => *v,
        Operand::I8(v) => *v as u8 as u16,
        _ => 0,
    };
    match ins.opcode {
        O::Nop | O::Break => Op::Nop,
        O::Ldarg0 => Op::Ldarg(0),
        O::Ldarg1 => Op::Ldarg(1),
        O::Ldarg2 => Op::Ldarg(2),
        O::Ldarg3 => Op::Ldarg(3),
        O::Ldloc0 => Op::Ldloc(0),
        O::Ldloc1 => Op::Ldloc(1),
        O::Ldloc2 => Op::Ldloc(2),
        O::Ldloc3 => Op::Ldloc(3),
        O::Stloc0 => Op::Stloc(0),
        O::Stloc1 => Op::Stloc(1),
        O::Stloc2 => Op::Stloc(2),
        O::Stloc3 => Op::Stloc(3),
        O::LdargS | O::Ldarg => Op::Ldarg(var()),
        O::LdargaS | O::Ldarga => Op::Ldarga(var()),
        O::StargS | O::Starg => Op::Starg(var()),
        O::LdlocS | O::Ldloc => Op::Ldloc(var()),
        O::LdlocaS | O::Ldloca => Op::Ldloca(var()),
        O::StlocS | O::Stloc => Op::Stloc(var()),
        O::Ldnull => Op::Ldnull,
        O::LdcI4M1 => Op::LdcI4(-1),
        O::LdcI40 => Op::LdcI4(0),
        O::LdcI41 => Op::LdcI4(1),
        O::LdcI42 => Op::LdcI4(2),
        O::LdcI43 => Op::LdcI4(3),
        O::LdcI44 => Op::LdcI4(4),
        O::LdcI45 => Op::LdcI4(5),
        O::LdcI46 => Op::LdcI4(6),
        O::LdcI47 => Op::LdcI4(7),
        O::LdcI48 => Op::LdcI4(8),
        O::LdcI4S | O::LdcI4 => Op::LdcI4(match ins.operand {
            Operand::I8(v) => v as i32,
            Operand::I32(v) => v,
            _ => 0,
        }),
        O::LdcI8 => Op::LdcI8(match ins.operand {
            Operand::I64(v) => v,
            _ => 0,
        }),
        O::LdcR4 => Op::LdcR4(match ins.operand {
            Operand::R4(v) => v,
            _ => 0.0,
        }),
        O::LdcR8 => Op::LdcR8(match ins.operand {
            Operand::R8(v) => v,
            _ => 0.0,
        }),
        O::Dup => Op::Dup,
        O::Pop => Op::Pop,
        O::Call => Op::Call(tok()),
        O::Callvirt => Op::Callvirt(tok()),
        O::Ret => Op::Ret,
        O::BrS | O::Br => Op::Br(target()),
        O::BrfalseS | O::Brfalse => Op::BrTrue(target(), false),
        O::BrtrueS | O::Brtrue => Op::BrTrue(target(), true),
        O::BeqS | O::Beq => Op::BrCmp(Cmp::Eq, Cmp::Eq, true, target()),
        O::BneUnS | O::BneUn => Op::BrCmp(Cmp::Eq, Cmp::Eq, false, target()),
        O::BgeS | O::Bge => Op::BrCmp(Cmp::Lt, Cmp::LtUn, false, target()),
        O::BgeUnS | O::BgeUn => Op::BrCmp(Cmp::LtUn, Cmp::Lt, false, target()),
        O::BgtS | O::Bgt => Op::BrCmp(Cmp::Gt, Cmp::Gt, true, target()),
        O::BgtUnS | O::BgtUn => Op::BrCmp(Cmp::GtUn, Cmp::GtUn, true, target()),
        O::BleS | O::Ble => Op::BrCmp(Cmp::Gt, Cmp::GtUn, false, target()),
        O::BleUnS | O::BleUn => Op::BrCmp(Cmp::GtUn, Cmp::Gt, false, target()),
        O::BltS | O::Blt => Op::BrCmp(Cmp::Lt, Cmp::Lt, true, target()),
        O::BltUnS | O::BltUn => Op::BrCmp(Cmp::LtUn, Cmp::LtUn, true, target()),
        O::Switch => {
            let first = switch_targets.len() as u32;
            if let Operand::Switch(v) = &ins.operand {
                switch_targets.extend_from_slice(v);
            }
            Op::Switch {
                first,
                count: switch_targets.len() as u32 - first,
            }
        }
        O::LdindI1 => Op::Ldind(Mem::I1),
        O::LdindU1 => Op::Ldind(Mem::U1),
        O::LdindI2 => Op::Ldind(Mem::I2),
        O::LdindU2 => Op::Ldind(Mem::U2),
        O::LdindI4 => Op::Ldind(Mem::I4),
        O::LdindU4 => Op::Ldind(Mem::U4),
        O::LdindI8 => Op::Ldind(Mem::I8),
        O::LdindI => Op::Ldind(Mem::I),
        O::LdindR4 => Op::Ldind(Mem::R4),
        O::LdindR8 => Op::Ldind(Mem::R8),
        O::LdindRef => Op::Ldind(Mem::Ref),
        O::StindRef => Op::Stind(Mem::Ref),
        O::StindI1 => Op::Stind(Mem::I1),
        O::StindI2 => Op::Stind(Mem::I2),
        O::StindI4 => Op::Stind(Mem::I4),
        O::StindI8 => Op::Stind(Mem::I8),
        O::StindR4 => Op::Stind(Mem::R4),
        O::StindR8 => Op::Stind(Mem::R8),
        O::StindI => Op::Stind(Mem::I),
        O::Add => Op::Binary(Bin::Add),
        O::Sub => Op::Binary(Bin::Sub),
        O::Mul => Op::Binary(Bin::Mul),
        O::Div => Op::Binary(Bin::Div),
        O::DivUn => Op::Binary(Bin::DivUn),
        O::Rem => Op::Binary(Bin::Rem),
        O::RemUn => Op::Binary(Bin::RemUn),
        O::And => Op::Binary(Bin::And),
        O::Or => Op::Binary(Bin::Or),
        O::Xor => Op::Binary(Bin::Xor),
        O::Shl => Op::Binary(Bin::Shl),
        O::Shr => Op::Binary(Bin::Shr),
        O::ShrUn => Op::Binary(Bin::ShrUn),
        O::AddOvf => Op::Binary(Bin::AddOvf),
        O::AddOvfUn => Op::Binary(Bin::AddOvfUn),
        O::SubOvf => Op::Binary(Bin::SubOvf),
        O::SubOvfUn => Op::Binary(Bin::SubOvfUn),
        O::MulOvf => Op::Binary(Bin::MulOvf),
        O::MulOvfUn => Op::Binary(Bin::MulOvfUn),
        O::Neg => Op::Neg,
        O::Not => Op::Not,
        O::ConvI1 => Op::Conv(ConvTo::I1, false, false),
        O::ConvI2 => Op::Conv(ConvTo::I2, false, false),
        O::ConvI4 => Op::Conv(ConvTo::I4, false, false),
        O::ConvI8 => Op::Conv(ConvTo::I8, false, false),
        O::ConvR4 => Op::Conv(ConvTo::R4, false, false),
        O::ConvR8 => Op::Conv(ConvTo::R8, false, false),
        O::ConvU4 => Op::Conv(ConvTo::U4, false, false),
        O::ConvU8 => Op::Conv(ConvTo::U8, false, false),
        O::ConvU2 => Op::Conv(ConvTo::U2, false, false),
        O::ConvU1 => Op::Conv(ConvTo::U1, false, false),
        O::ConvI => Op::Conv(ConvTo::I, false, false),
        O::ConvU => Op::Conv(ConvTo::U, false, false),
        O::ConvRUn => Op::Conv(ConvTo::RUn, false, false),
        O::ConvOvfI1 => Op::Conv(ConvTo::I1, true, false),
        O::ConvOvfU1 => Op::Conv(ConvTo::U1, true, false),
        O::ConvOvfI2 => Op::Conv(ConvTo::I2, true, false),
        O::ConvOvfU2 => Op::Conv(ConvTo::U2, true, false),
        O::ConvOvfI4 => Op::Conv(ConvTo::I4, true, false),
        O::ConvOvfU4 => Op::Conv(ConvTo::U4, true, false),
        O::ConvOvfI8 => Op::Conv(ConvTo::I8, true, false),
        O::ConvOvfU8 => Op::Conv(ConvTo::U8, true, false),
        O::ConvOvfI => Op::Conv(ConvTo::I, true, false),
        O::ConvOvfU => Op::Conv(ConvTo::U, true, false),
        O::ConvOvfI1Un => Op::Conv(ConvTo::I1, true, true),
        O::ConvOvfI2Un => Op::Conv(ConvTo::I2, true, true),
        O::ConvOvfI4Un => Op::Conv(ConvTo::I4, true, true),
        O::ConvOvfI8Un => Op::Conv(ConvTo::I8, true, true),
        O::ConvOvfU1Un => Op::Conv(ConvTo::U1, true, true),
        O::ConvOvfU2Un => Op::Conv(ConvTo::U2, true, true),
        O::ConvOvfU4Un => Op::Conv(ConvTo::U4, true, true),
        O::ConvOvfU8Un => Op::Conv(ConvTo::U8, true, true),
        O::ConvOvfIUn => Op::Conv(ConvTo::I, true, true),
        O::ConvOvfUUn => Op::Conv(ConvTo::U, true, true),
        O::Ceq => Op::Compare(Cmp::Eq),
        O::Cgt => Op::Compare(Cmp::Gt),
        O::CgtUn => Op::Compare(Cmp::GtUn),
        O::Clt => Op::Compare(Cmp::Lt),
        O::CltUn => Op::Compare(Cmp::LtUn),
        O::Cpobj => Op::Cpobj(tok()),
        O::Ldobj => Op::Ldobj(tok()),
        O::Ldstr => Op::Ldstr(tok()),
        O::Newobj => Op::Newobj(tok()),
        O::Castclass => Op::Castclass(tok()),
        O::Isinst => Op::Isinst(tok()),
        O::Unbox => Op::Unbox(tok()),
        O::UnboxAny => Op::UnboxAny(tok()),
        O::Throw => Op::Throw,
        O::Rethrow => Op::Rethrow,
        O::Ldfld => Op::Ldfld(tok()),
        O::Ldflda => Op::Ldflda(tok()),
        O::Stfld => Op::Stfld(tok()),
        O::Ldsfld => Op::Ldsfld(tok()),
        O::Ldsflda => Op::Ldsflda(tok()),
        O::Stsfld => Op::Stsfld(tok()),
        O::Stobj => Op::Stobj(tok()),
        O::Box => Op::Box(tok()),
        O::Newarr => Op::Newarr(tok()),
        O::Ldlen => Op::Ldlen,
        O::Ldelema => Op::Ldelema(tok()),
        O::LdelemI1 => Op::Ldelem(Mem::I1),
        O::LdelemU1 => Op::Ldelem(Mem::U1),
        O::LdelemI2 => Op::Ldelem(Mem::I2),
        O::LdelemU2 => Op::Ldelem(Mem::U2),
        O::LdelemI4 => Op::Ldelem(Mem::I4),
        O::LdelemU4 => Op::Ldelem(Mem::U4),
        O::LdelemI8 => Op::Ldelem(Mem::I8),
        O::LdelemI => Op::Ldelem(Mem::I),
        O::LdelemR4 => Op::Ldelem(Mem::R4),
        O::LdelemR8 => Op::Ldelem(Mem::R8),
        O::LdelemRef => Op::Ldelem(Mem::Ref),
        O::Ldelem => Op::LdelemAny(tok()),
        O::StelemI => Op::Stelem(Mem::I),
        O::StelemI1 => Op::Stelem(Mem::I1),
        O::StelemI2 => Op::Stelem(Mem::I2),
        O::StelemI4 => Op::Stelem(Mem::I4),
        O::StelemI8 => Op::Stelem(Mem::I8),
        O::StelemR4 => Op::Stelem(Mem::R4),
        O::StelemR8 => Op::Stelem(Mem::R8),
        O::StelemRef => Op::Stelem(Mem::Ref),
        O::Stelem => Op::StelemAny(tok()),
        O::Ckfinite => Op::Ckfinite,
        O::Ldtoken => Op::Ldtoken(tok()),
        O::Endfinally => Op::Endfinally,
        O::LeaveS | O::Leave => Op::Leave(target()),
        O::Initobj => Op::Initobj(tok()),
        O::Sizeof => Op::Sizeof(tok()),
        O::Constrained => Op::Constrained(tok()),
        O::Volatile | O::Unaligned | O::Tail | O::Readonly | O::No => Op::Prefix,
        O::Jmp => Op::Unsupported(O::Jmp),
        O::Calli => Op::Unsupported(O::Calli),
        O::Refanyval => Op::Unsupported(O::Refanyval),
        O::Mkrefany => Op::Unsupported(O::Mkrefany),
        O::Refanytype => Op::Unsupported(O::Refanytype),
        O::Arglist => Op::Unsupported(O::Arglist),
        O::Ldftn => Op::Unsupported(O::Ldftn),
        O::Ldvirtftn => Op::Unsupported(O::Ldvirtftn),
        O::Localloc => Op::Unsupported(O::Localloc),
        O::Endfilter => Op::Endfilter,
        O::Cpblk => Op::Unsupported(O::Cpblk),
        O::Initblk => Op::Unsupported(O::Initblk),
    }
}
