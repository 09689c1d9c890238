//! Code generation for one method body: frame layout, the stack-shape walk, and one emitter
//! per normalized CIL operation.

use super::ops::{Bin, Cmp, ConvTo, Mem, Op};
use super::{CallShape, Slot, St, MA_STATIC, MA_VIRTUAL};
use crate::error::{Result, VmError};
use crate::runtime::exceptions::{self, CalleeSaves, ClauseInfo, CodeInfo, SEQ_POINT};
use crate::runtime::helpers;
use crate::runtime::il_map::IlMapBuilder;
use crate::runtime::layout::*;
use crate::runtime::{ClassId, ClassKind, MethodId, Runtime};
use dynasmrt::x64::X64Relocation;
use dynasmrt::{dynasm, DynamicLabel, DynasmApi, DynasmLabelApi, VecAssembler};
use hashbrown::HashMap;
use smallvec::SmallVec;
use vcall_dispatch::callsite::{self, Reg};
use vcall_metadata::assembly::Assembly;
use vcall_metadata::body::{parse_method_body, ClauseKind};
use vcall_metadata::class::{ClassFlags, FieldType, ValueKind};
use vcall_metadata::il::Opcode;
use vcall_metadata::loader::{AssemblyIdx, MethodKey, TypeKey};
use vcall_metadata::signature::{self, TypeSig};
use vcall_metadata::token::{TableId, Token};

macro_rules! x {
    ($c:expr; $($t:tt)*) => { dynasm!($c.a ; .arch x64 ; $($t)*) };
}

const INT_ARG_REGS: [u8; 6] = [7, 6, 2, 1, 8, 9]; // rdi rsi rdx rcx r8 r9
/// rbx, r12–r15: preserved across calls, never used as scratch by the code generator.
const CALLEE_SAVED: [u8; 5] = [3, 12, 13, 14, 15];
const RAX: u8 = 0;
const RCX: u8 = 1;
const RBP: u8 = 5;

/// Where the System V convention puts one argument.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum ArgLoc {
    Int(u8),
    Float(u8),
    Stack(u32),
}

/// Argument locations of one call; inline for the usual handful of arguments, since call
/// sites are frequent enough that a heap list each was a measurable JIT cost.
pub(crate) type ArgLocs = SmallVec<[ArgLoc; 8]>;

/// The argument list of a call: the hidden return buffer, `this`, then the parameters.
pub(crate) fn classify(
    has_this: bool,
    params: &[Slot],
    ret: Option<Slot>,
) -> (Option<ArgLoc>, ArgLocs) {
    let (mut ints, mut floats, mut stack) = (0usize, 0u8, 0u32);
    let mut next_int = |stack: &mut u32| {
        if ints < 6 {
            ints += 1;
            ArgLoc::Int(INT_ARG_REGS[ints - 1])
        } else {
            *stack += 1;
            ArgLoc::Stack(*stack - 1)
        }
    };
    let ret_buf = match ret {
        Some(Slot {
            st: St::Vt { .. }, ..
        }) => Some(next_int(&mut stack)),
        _ => None,
    };
    let mut locs = ArgLocs::new();
    if has_this {
        locs.push(next_int(&mut stack));
    }
    for p in params {
        if p.st.is_f() {
            if floats < 8 {
                locs.push(ArgLoc::Float(floats));
                floats += 1;
            } else {
                stack += 1;
                locs.push(ArgLoc::Stack(stack - 1));
            }
        } else {
            locs.push(next_int(&mut stack));
        }
    }
    (ret_buf, locs)
}

/// Where an evaluation-stack entry's value is. Constants and plain local/argument loads stay
/// lazy until something needs them in their frame slot, which saves a store and a reload for
/// the common `ldloc; ldloc; add; stloc` and call-argument shapes.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Loc {
    Slot,
    Const(i64),
    /// A local or argument (never address-taken) of this kind at this rbp offset.
    Var(i32, ValueKind),
    /// An argument living in this register for the whole (leaf) method.
    Reg(u8, ValueKind),
    /// In rax (integer class): the result of an earlier operation, stored only if an
    /// operation that does not consume it would clobber rax.
    Rax,
    /// In xmm0 (floating point), likewise.
    Xmm0,
    /// In rdx (integer class): an earlier result moved out of rax because the next operation
    /// writes rax but leaves rdx alone (`flush_pending_for`).
    Rdx,
}

#[derive(Clone, Copy, Debug)]
struct Entry {
    st: St,
    pos: u32,
    loc: Loc,
}

#[derive(Clone, Copy)]
struct Var {
    slot: Slot,
    off: i32,
    /// Loads may be deferred: the variable's address is never taken, so only stloc/starg
    /// change it.
    lazy: bool,
    /// In a leaf method, an argument that stays in its incoming register (never spilled).
    reg: Option<u8>,
}

/// Runtime-check failures, each reported with the IL offset that raised it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(u32)]
pub enum Fault {
    NullReference = 1,
    IndexOutOfRange = 2,
    DivideByZero = 3,
    Overflow = 4,
    InvalidCast = 5,
    ArrayTypeMismatch = 7,
    NotFinite = 8,
    /// Null where Mono checks explicitly (ldflda) and so raises the exception through its
    /// constructor, whose message ends with a period.
    NullReferenceChecked = 9,
    /// A native or helper raised an exception (`exceptions::THROW_PENDING`).
    Pending = 101,
}

struct Compiler<'a> {
    rt: &'a Runtime,
    id: MethodId,
    aidx: AssemblyIdx,
    asm: &'a Assembly,
    owner: TypeKey,
    key_for_errors: MethodKey,
    a: VecAssembler<X64Relocation>,
    args: Vec<Var>,
    locals: Vec<Var>,
    ret: Option<Slot>,
    ret_buf_off: i32,
    /// (IL offset, native offset) of each instruction, for the unwinder.
    il_map: IlMapBuilder,
    /// Callee-saved registers in use and their save slots: saved in the prologue, restored
    /// at every ret.
    saved: CalleeSaves,
    eval_base: u32,
    stack: Vec<Entry>,
    max_eval: u32,
    max_out: u32,
    /// Branch targets and handler starts, by IL offset.
    labels: Vec<Option<DynamicLabel>>,
    states: HashMap<u32, Vec<Entry>>,
    il: u32,
    faults: Vec<(DynamicLabel, Fault, u32)>,
    /// (patch offset of rel32, absolute target) for direct calls.
    relocs: Vec<(usize, u64)>,
    /// The targets of the method's switches (see `Op::Switch`).
    switch_targets: Vec<u32>,
    /// Finally handlers: (try range, handler start label).
    finallies: Vec<(std::ops::Range<u32>, u32)>,
    /// Catch and filter handlers: (handler IL range, frame slot holding the exception it
    /// caught), innermost first, for `rethrow`.
    exc_slots: Vec<(std::ops::Range<u32>, i32)>,
    constrained: Option<Token>,
    /// While a callee's body is being inlined: its arguments are the stack entries from
    /// `base`, with their declared types.
    inline_args: Option<(usize, SmallVec<[Slot; 8]>)>,
    /// Whether any code addressed the frame (evaluation-stack slots, scratch): a leaf that
    /// never does runs without one (see `FRAME_PROLOGUE_BYTES`).
    frame_touched: std::cell::Cell<bool>,
    /// Offsets of each `mov rsp, rbp; pop rbp; ret` epilogue.
    epilogues: Vec<usize>,
    /// The IL offset of the instruction emitted next (handler blocks are emitted out of IL
    /// order), so a branch to it can fall through instead.
    next_il: Option<u32>,
}

/// `push rbp; mov rbp, rsp; sub rsp, imm32`: a frameless method is entered just past it.
const FRAME_PROLOGUE_BYTES: usize = 11;

/// The buffers of one compilation, kept by the runtime and reused (cleared, capacity kept) by
/// the next: allocating and growing them afresh for every method was about a fifth of the
/// time spent compiling small methods.
#[derive(Default)]
pub struct Scratch {
    a: Option<VecAssembler<X64Relocation>>,
    code: Vec<u8>,
    /// (IL offset, normalized operation) of each instruction.
    ops: Vec<(u32, Op)>,
    /// Per argument, then per local: (address taken, stored to, loads and stores).
    var_uses: Vec<(bool, bool, u32)>,
    /// Instruction indexes in emission order (see `groups`).
    order: Vec<usize>,
    args: Vec<Var>,
    locals: Vec<Var>,
    il_map: IlMapBuilder,
    /// The targets of the method's switches (see `Op::Switch`).
    switch_targets: Vec<u32>,
    stack: Vec<Entry>,
    labels: Vec<Option<DynamicLabel>>,
    states: HashMap<u32, Vec<Entry>>,
    faults: Vec<(DynamicLabel, Fault, u32)>,
    relocs: Vec<(usize, u64)>,
    epilogues: Vec<usize>,
}

impl Scratch {
    /// Takes the runtime's buffers, or fresh ones when a compilation is already using them
    /// (a static constructor compiled while compiling the method that triggers it).
    fn take(rt: &Runtime) -> Box<Scratch> {
        let mut s = rt.jit_scratch.take().unwrap_or_default();
        s.code.clear();
        s.ops.clear();
        s.var_uses.clear();
        s.order.clear();
        s.args.clear();
        s.locals.clear();
        s.il_map.clear();
        s.switch_targets.clear();
        s.stack.clear();
        s.labels.clear();
        s.states.clear();
        s.faults.clear();
        s.relocs.clear();
        s.epilogues.clear();
        s
    }
}

/// The value of an integer operation on two constants, computed as the code would (wrapping,
/// shift counts masked like x86 masks them), or `None` for an operation that can trap or
/// is not folded. Int32 values are kept sign-extended, as `ldc.i4` pushes them.
fn fold_binary(op: Bin, wide: bool, a: i64, b: i64) -> Option<i64> {
    // One body for both widths: `$unsigned` is the width's unsigned type, `$mask` its shift
    // count mask.
    macro_rules! fold {
        ($a:expr, $b:expr, $mask:expr, $unsigned:ty) => {{
            let (a, b) = ($a, $b);
            let count = (b & $mask) as u32;
            match op {
                Bin::Add => a.wrapping_add(b),
                Bin::Sub => a.wrapping_sub(b),
                Bin::Mul => a.wrapping_mul(b),
                Bin::And => a & b,
                Bin::Or => a | b,
                Bin::Xor => a ^ b,
                Bin::Shl => a << count,
                Bin::Shr => a >> count,
                Bin::ShrUn => ((a as $unsigned) >> count) as _,
                _ => return None,
            }
        }};
    }
    Some(if wide {
        fold!(a, b, 63, u64)
    } else {
        i64::from(fold!(a as i32, b as i32, 31, u32))
    })
}

/// The value of an integer conversion (without overflow check) of a constant, as the code
/// would compute it: an int32 source widens by zero when `zero_extend`, else by sign.
fn fold_conv(to: ConvTo, zero_extend: bool, source_is_32: bool, v: i64) -> Option<i64> {
    let wide = match (source_is_32, zero_extend) {
        (true, true) => i64::from(v as u32),
        (true, false) => i64::from(v as i32),
        (false, _) => v,
    };
    Some(match to {
        ConvTo::I1 => i64::from(wide as i8),
        ConvTo::U1 => i64::from(wide as u8),
        ConvTo::I2 => i64::from(wide as i16),
        ConvTo::U2 => i64::from(wide as u16),
        ConvTo::I4 | ConvTo::U4 => i64::from(wide as i32),
        ConvTo::I8 | ConvTo::U8 | ConvTo::I | ConvTo::U => wide,
        _ => return None,
    })
}

fn align_up(v: u32, a: u32) -> u32 {
    v.div_ceil(a) * a
}

pub fn compile_body(rt: &Runtime, id: MethodId, key: MethodKey, asm: &Assembly) -> Result<u64> {
    let row = asm.method_def(key.row);
    // Method names are only formatted when something goes wrong or is being listed.
    let display = || rt.loader.method_display_sig(key);
    let jit_err = |offset: u32, message: String| VmError::Jit {
        method: display(),
        offset,
        message,
    };
    let bytes = asm.body_bytes(key.token(), row.rva)?;
    let body = parse_method_body(bytes).map_err(|e| jit_err(0, format!("bad method body: {e}")))?;
    if body.code.len() >= SEQ_POINT as usize {
        return Err(jit_err(0, "IL body of 2 GiB or more".into()));
    }
    // Usually cached already by the call site that led here.
    let sig_shape = rt
        .sig_and_shape(&rt.method(id))
        .map_err(|e| jit_err(0, e.to_string()))?;
    let shape = &sig_shape.1;
    let owner = rt.loader.method_owner(key);
    let has_cctor = rt.loader.class_ref(owner)?.cctor.is_some();
    // Only a class with a static constructor needs the name (is this its constructor?):
    // checking that the name is UTF-8 is not free.
    let name = if has_cctor {
        asm.string(row.name).unwrap_or("?")
    } else {
        ""
    };
    let mut scratch = Scratch::take(rt);

    // Frame: arguments, hidden return buffer, locals, then the evaluation stack.
    let mut cursor = 0u32;
    fn alloc_in(cursor: &mut u32, size: u32) -> i32 {
        *cursor = align_up(*cursor + size.max(8), 8);
        -(*cursor as i32)
    }
    macro_rules! alloc {
        ($size:expr) => {
            alloc_in(&mut cursor, $size)
        };
    }
    let mut args = std::mem::take(&mut scratch.args);
    if shape.has_this {
        let st = if shape.this_is_byref { St::Ptr } else { St::O };
        let kind = if shape.this_is_byref {
            ValueKind::ByRef
        } else {
            ValueKind::Ref
        };
        args.push(Var {
            slot: Slot {
                ty: FieldType {
                    kind,
                    class: Some(owner),
                },
                st,
                size: 8,
            },
            off: alloc!(8),
            lazy: false,
            reg: None,
        });
    }
    for p in &shape.params {
        args.push(Var {
            slot: *p,
            off: alloc!(p.size),
            lazy: false,
            reg: None,
        });
    }
    let ret_buf_off = alloc!(8);
    // Save area for the callee-saved registers that hold variables.
    let saved_area = alloc!(8 * CALLEE_SAVED.len() as u32);
    let locals_start = cursor;
    let mut locals = std::mem::take(&mut scratch.locals);
    if !body.local_var_sig.is_null() {
        let t = body.local_var_sig;
        if t.table() != Some(TableId::StandAloneSig)
            || !asm.tables.has_row(TableId::StandAloneSig, t.row())
        {
            return Err(jit_err(
                0,
                format!("bad local variable signature token {t}"),
            ));
        }
        // Compilers share one StandAloneSig row among methods with the same locals, so the
        // resolved slots are kept per row.
        let cache_key = (key.assembly, t.row());
        let cached = rt.local_sig_cache.borrow().get(&cache_key).cloned();
        let slots = match cached {
            Some(slots) => slots,
            None => {
                let blob = asm.standalone_sig_blob(t.row())?;
                let lsig = signature::parse_local_var_sig(blob)
                    .map_err(|e| jit_err(0, format!("bad locals signature: {e}")))?;
                let mut slots = Vec::with_capacity(lsig.locals.len());
                for l in &lsig.locals {
                    slots.push(
                        rt.slot_of_sig(key.assembly, &l.ty, l.byref)
                            .map_err(|e| jit_err(0, format!("local: {e}")))?,
                    );
                }
                let slots: std::rc::Rc<[Slot]> = slots.into();
                rt.local_sig_cache
                    .borrow_mut()
                    .insert(cache_key, slots.clone());
                slots
            }
        };
        for &slot in slots.iter() {
            locals.push(Var {
                slot,
                off: alloc!(slot.size),
                lazy: false,
                reg: None,
            });
        }
    }
    let locals_end = cursor;
    // Every catch and filter handler keeps the exception it caught in a slot of its own, so
    // `rethrow` in nested handlers finds its handler's exception (the slot also keeps it
    // visible to the conservative stack scan while the handler runs).
    let mut clause_exc_slots = Vec::with_capacity(body.clauses.len());
    for cl in &body.clauses {
        clause_exc_slots.push(match cl.kind {
            ClauseKind::Catch(_) | ClauseKind::Filter(_) => alloc!(8),
            ClauseKind::Finally | ClauseKind::Fault => 0,
        });
    }
    let mut exc_slots: Vec<(std::ops::Range<u32>, i32)> = body
        .clauses
        .iter()
        .zip(&clause_exc_slots)
        .filter(|(_, &slot)| slot != 0)
        .map(|(cl, &slot)| (cl.handler_range(), slot))
        .collect();
    exc_slots.sort_by_key(|(r, _)| r.end - r.start);

    let mut a = scratch.a.take().unwrap_or_else(|| VecAssembler::new(0));
    // Sized up front: growing the buffer is a measurable JIT cost.
    a.reserve_ops(body.code.len() * 16 + 256);
    let mut labels = std::mem::take(&mut scratch.labels);
    labels.resize(body.code.len() + 1, None);
    let mut c = Compiler {
        rt,
        id,
        aidx: key.assembly,
        asm,
        owner,
        key_for_errors: key,
        a,
        args,
        locals,
        ret: shape.ret,
        ret_buf_off,
        saved: CalleeSaves::new(saved_area),
        il_map: std::mem::take(&mut scratch.il_map),
        eval_base: cursor,
        stack: std::mem::take(&mut scratch.stack),
        max_eval: 0,
        max_out: 0,
        labels,
        states: std::mem::take(&mut scratch.states),
        il: 0,
        faults: std::mem::take(&mut scratch.faults),
        relocs: std::mem::take(&mut scratch.relocs),
        switch_targets: Vec::new(),
        finallies: Vec::new(),
        exc_slots,
        constrained: None,
        inline_args: None,
        frame_touched: std::cell::Cell::new(false),
        epilogues: std::mem::take(&mut scratch.epilogues),
        next_il: None,
    };

    // Decoded and normalized once; the pre-passes and code generation all read these.
    let ops = &mut scratch.ops;
    c.switch_targets = std::mem::take(&mut scratch.switch_targets);
    super::ops::decode_into(&body.code, ops, &mut c.switch_targets)
        .map_err(|e| jit_err(e.offset as u32, format!("bad IL: {}", e.message)))?;
    let frameless_candidate;
    {
        // One pass over the operations: which variables have their address taken, which
        // arguments are stored to, how often each variable is used, whether the method is a
        // leaf, and where branches go.
        let nargs = c.args.len();
        let uses = &mut scratch.var_uses;
        uses.resize(nargs + c.locals.len(), (false, false, 0));
        let mut leaf = true;
        for (_, op) in ops.iter() {
            match *op {
                Op::Ldarga(n) => {
                    if let Some(u) = uses[..nargs].get_mut(n as usize) {
                        u.0 = true;
                    }
                }
                Op::Ldloca(n) => {
                    if let Some(u) = uses[nargs..].get_mut(n as usize) {
                        u.0 = true;
                    }
                }
                Op::Ldarg(n) => {
                    if let Some(u) = uses[..nargs].get_mut(n as usize) {
                        u.2 += 1;
                    }
                }
                Op::Starg(n) => {
                    if let Some(u) = uses[..nargs].get_mut(n as usize) {
                        u.1 = true;
                        u.2 += 1;
                    }
                }
                Op::Ldloc(n) | Op::Stloc(n) => {
                    if let Some(u) = uses[nargs..].get_mut(n as usize) {
                        u.2 += 1;
                    }
                }
                Op::Br(t) | Op::BrTrue(t, _) | Op::BrCmp(_, _, _, t) => c.label_at(t),
                Op::Leave(t) => {
                    c.label_at(t);
                    leaf = false;
                }
                Op::Switch { first, count } => {
                    for k in first..first + count {
                        c.label_at(c.switch_targets[k as usize]);
                    }
                }
                // A leaf method makes no calls, not even to helpers.
                Op::Call(_)
                | Op::Callvirt(_)
                | Op::Newobj(_)
                | Op::Newarr(_)
                | Op::Box(_)
                | Op::Castclass(_)
                | Op::Isinst(_)
                | Op::Unbox(_)
                | Op::UnboxAny(_)
                | Op::Stelem(Mem::Ref)
                | Op::StelemAny(_)
                | Op::Ldsfld(_)
                | Op::Stsfld(_)
                | Op::Ldsflda(_)
                | Op::Binary(Bin::Rem)
                | Op::Conv(_, true, _)
                | Op::Conv(ConvTo::U8 | ConvTo::U | ConvTo::RUn, _, _)
                | Op::Ldtoken(_)
                | Op::Unsupported(_) => leaf = false,
                _ => {}
            }
        }
        let (arg_uses, local_uses) = uses.split_at(nargs);
        for (v, u) in c.args.iter_mut().zip(arg_uses) {
            v.lazy = !u.0 && !matches!(v.slot.st, St::Vt { .. });
        }
        for (v, u) in c.locals.iter_mut().zip(local_uses) {
            v.lazy = !u.0 && !matches!(v.slot.st, St::Vt { .. });
        }
        let needs_init = has_cctor && (row.flags & MA_STATIC != 0 || name == ".ctor");
        frameless_candidate = leaf && !needs_init && body.clauses.is_empty();
        if frameless_candidate {
            // A leaf keeps integer arguments that arrive in rdi, rsi, r8 or r9 (registers the
            // code generator never uses as scratch) in place.
            for (i, loc) in shape.arg_locs.iter().enumerate() {
                let v = &mut c.args[i];
                let int_kind = lives_in_gpr(v.slot.ty.kind);
                if let ArgLoc::Int(r @ (7 | 6 | 8 | 9)) = *loc {
                    if v.lazy && int_kind && !arg_uses[i].1 {
                        v.reg = Some(r);
                    }
                }
            }
        }
        // The most used remaining integer variables live in callee-saved registers for the
        // whole method, so loop counters and accumulators never round-trip through memory.
        let mut candidates: SmallVec<[(u32, bool, usize); 16]> = SmallVec::new();
        let eligible = |v: &Var| v.lazy && v.reg.is_none() && lives_in_gpr(v.slot.ty.kind);
        for (i, v) in c.args.iter().enumerate() {
            if eligible(v) && arg_uses[i].2 >= 2 {
                candidates.push((arg_uses[i].2, true, i));
            }
        }
        for (i, v) in c.locals.iter().enumerate() {
            if eligible(v) && local_uses[i].2 >= 2 {
                candidates.push((local_uses[i].2, false, i));
            }
        }
        candidates.sort_by(|a, b| b.0.cmp(&a.0));
        for (k, &(_, is_arg, i)) in candidates.iter().take(CALLEE_SAVED.len()).enumerate() {
            let r = CALLEE_SAVED[k];
            if is_arg {
                c.args[i].reg = Some(r);
            } else {
                c.locals[i].reg = Some(r);
            }
            c.saved.push(r);
        }
    }
    for cl in &body.clauses {
        c.label_at(cl.handler_offset);
        c.label_at(cl.try_offset);
        match cl.kind {
            ClauseKind::Finally | ClauseKind::Fault => {
                c.states.insert(cl.handler_offset, vec![]);
                if cl.kind == ClauseKind::Finally {
                    c.finallies.push((cl.try_range(), cl.handler_offset));
                }
            }
            ClauseKind::Catch(_) => {
                c.states.insert(
                    cl.handler_offset,
                    vec![Entry {
                        st: St::O,
                        pos: 0,
                        loc: Loc::Slot,
                    }],
                );
            }
            ClauseKind::Filter(f) => {
                c.states.insert(
                    cl.handler_offset,
                    vec![Entry {
                        st: St::O,
                        pos: 0,
                        loc: Loc::Slot,
                    }],
                );
                c.states.insert(
                    f,
                    vec![Entry {
                        st: St::O,
                        pos: 0,
                        loc: Loc::Slot,
                    }],
                );
                c.label_at(f);
            }
        }
    }
    c.finallies.sort_by_key(|(r, _)| r.end - r.start);

    // Prologue.
    x!(c; push rbp ; mov rbp, rsp ; sub rsp, DWORD 0x7fff_fff0u32 as i32);
    let frame_patch = c.a.offset().0 - 4;
    debug_assert_eq!(frame_patch + 4, FRAME_PROLOGUE_BYTES);
    let saved = c.saved;
    for (r, slot) in saved.iter() {
        x!(c; mov QWORD [rbp + slot], Rq(r));
    }
    c.spill_args(shape)?;
    // A narrow argument kept in a register holds its value as its type reads it (callers pass
    // int32s), like a load from its slot would.
    for i in 0..c.args.len() {
        let v = c.args[i];
        if let Some(r) = v.reg {
            narrow_reg(&mut c, r, v.slot.ty.kind);
        }
    }
    if locals_end > locals_start {
        let words = (locals_end - locals_start) / 8;
        let start = -(locals_end as i32);
        x!(c; xor eax, eax);
        for w in 0..words as i32 {
            x!(c; mov QWORD [rbp + start + 8 * w], rax);
        }
    }
    for i in 0..c.locals.len() {
        if let Some(r) = c.locals[i].reg {
            x!(c; xor Rd(r), Rd(r));
        }
    }
    c.prologue_class_init(row.flags, name)?;

    let mut reachable = true;
    // Mono's implicit sequence points, which its stack traces report: instructions where the
    // evaluation stack is empty, and those right after a call.
    let mut after_call;
    // Handler blocks (catch, finally, fault, filter) are emitted after the rest of the method,
    // so a try body falls straight through to the code after it and a try block costs
    // nothing; each instruction belongs to the innermost handler region containing it.
    // Regions never fall through into one another (they end in leave, endfinally, endfilter,
    // throw or rethrow), so emission order is free.
    let mut regions: Vec<std::ops::Range<u32>> = Vec::new();
    for cl in &body.clauses {
        let start = match cl.kind {
            ClauseKind::Filter(f) => f.min(cl.handler_offset),
            _ => cl.handler_offset,
        };
        let region = start..cl.handler_range().end;
        // A filter and its catch handler share one region.
        if !regions.contains(&region) {
            regions.push(region);
        }
    }
    // Group 0 is the code outside every handler; group i + 1 holds the instructions whose
    // innermost region is region i. `order` lists the instructions group by group, in IL
    // order within each; `bounds[g]` is where group g ends in it.
    let ops = &mut scratch.ops;
    let order = &mut scratch.order;
    let mut bounds: SmallVec<[usize; 8]> = SmallVec::new();
    if regions.is_empty() {
        order.extend(0..ops.len());
        bounds.push(ops.len());
    } else {
        let group_of = |il: u32| {
            regions
                .iter()
                .enumerate()
                .filter(|(_, r)| r.contains(&il))
                .min_by_key(|(_, r)| r.end - r.start)
                .map_or(0, |(i, _)| i + 1)
        };
        for g in 0..=regions.len() {
            order.extend((0..ops.len()).filter(|&k| group_of(ops[k].0) == g));
            bounds.push(order.len());
        }
    }
    for gi in 0..bounds.len() {
        if gi > 0 && reachable {
            return Err(jit_err(c.il, "control falls into a handler block".into()));
        }
        after_call = false;
        let group = &order[if gi == 0 { 0 } else { bounds[gi - 1] }..bounds[gi]];
        for (j, &k) in group.iter().enumerate() {
            let (offset, op) = (ops[k].0, &ops[k].1);
            c.il = offset;
            if let Some(label) = c.labels.get(offset as usize).copied().flatten() {
                if reachable {
                    c.merge_normalize();
                    if !c.states.contains_key(&offset) {
                        c.states.insert(offset, c.stack.clone());
                    }
                }
                c.restore_state(offset);
                x!(c; =>label);
            } else if !reachable {
                // Unreachable code (after a throw or branch, not a target): verifiable IL leaves
                // the stack empty there.
                c.restore_state(offset);
            }
            let seq = if c.stack.is_empty() || after_call {
                SEQ_POINT
            } else {
                0
            };
            c.il_map.push(offset | seq, c.a.offset().0 as u32);

            after_call = matches!(*op, Op::Call(_) | Op::Callvirt(_));
            c.next_il = group.get(j + 1).map(|&n| ops[n].0);
            reachable = c.emit_op(op).map_err(|e| match e {
                VmError::Jit { .. } | VmError::ManagedException => e,
                other => jit_err(offset, other.to_string()),
            })?;
        }
    }
    if reachable {
        return Err(jit_err(
            c.il,
            "control falls off the end of the method".into(),
        ));
    }
    // A leaf that kept every argument in its register and never addressed its frame or
    // raised an exception itself runs without a frame: it is entered past the prologue and
    // each epilogue becomes a plain `ret`. It never appears in the frame-pointer chain; a
    // fault in it (an implicit null check) is given a frame by the signal handler.
    let frameless = frameless_candidate
        && c.faults.is_empty()
        && c.saved.is_empty()
        && !c.frame_touched.get()
        && c.locals.is_empty()
        && c.args.iter().all(|v| v.reg.is_some())
        && c.max_out == 0
        && !matches!(
            shape.ret,
            Some(Slot {
                st: St::Vt { .. },
                ..
            })
        );
    c.emit_fault_stubs();
    let mut catch_classes = Vec::new();
    for cl in &body.clauses {
        catch_classes.push(match cl.kind {
            ClauseKind::Catch(t) => Some(
                c.class_of_token(t)
                    .map_err(|e| jit_err(cl.handler_offset, format!("catch type: {e}")))?,
            ),
            _ => None,
        });
    }

    let frame = align_up(c.eval_base + c.max_eval + c.max_out, 16);
    let code = &mut scratch.code;
    code.extend(
        c.a.drain()
            .map_err(|e| jit_err(0, format!("assembler: {e:?}")))?,
    );
    code[frame_patch..frame_patch + 4].copy_from_slice(&(frame as i32).to_le_bytes());
    if frameless {
        for &at in &c.epilogues {
            // `ret` in place of `mov rsp, rbp`; the rest of the old epilogue is unreachable.
            code[at] = 0xC3;
            code[at + 1..at + 5].fill(0xCC);
        }
    }
    let relocs = &c.relocs;
    let len = code.len();
    let entry_phase = if frameless { FRAME_PROLOGUE_BYTES } else { 0 };
    let addr = rt.code.emit_with_phase(16, entry_phase, |base| {
        for &(at, target) in relocs {
            let next = base + at as u64 + 4;
            let rel = target.wrapping_sub(next) as i64;
            if rel < i32::MIN as i64 || rel > i32::MAX as i64 {
                return Err(vcall_dispatch::error::DispatchError::OutOfRange {
                    from: next,
                    to: target,
                });
            }
            code[at..at + 4].copy_from_slice(&(rel as i32).to_le_bytes());
        }
        Ok(code)
    })?;
    crate::runtime::stats::Stats::add(&rt.stats.native_code_bytes, len as u64);
    let (entry, entry_len) = if frameless {
        crate::runtime::stats::Stats::add(&rt.stats.frameless_methods, 1);
        (
            addr + FRAME_PROLOGUE_BYTES as u64,
            len - FRAME_PROLOGUE_BYTES,
        )
    } else {
        (addr, len)
    };
    let il_map = c.il_map.finish(&rt.il_map_store);
    let native_of = |il: u32| il_map.native_of(il);
    let mut clauses = Vec::new();
    for ((cl, &catch_class), &exc_slot) in body
        .clauses
        .iter()
        .zip(&catch_classes)
        .zip(&clause_exc_slots)
    {
        let handler_native = native_of(cl.handler_offset).ok_or_else(|| {
            jit_err(
                cl.handler_offset,
                "handler does not start at an instruction".into(),
            )
        })?;
        let filter_native = match cl.kind {
            ClauseKind::Filter(f) => Some(
                native_of(f)
                    .ok_or_else(|| jit_err(f, "filter does not start at an instruction".into()))?,
            ),
            _ => None,
        };
        clauses.push(ClauseInfo {
            kind: cl.kind,
            try_il: cl.try_range(),
            handler_il: cl.handler_range(),
            handler_native,
            filter_native,
            catch_class,
            exc_slot,
        });
    }
    rt.register_code(CodeInfo {
        start: addr,
        len: len as u32,
        method: id,
        il_map,
        clauses: clauses.into_boxed_slice(),
        saved_regs: c.saved,
        frame_size: frame,
        catch_slot: -((c.eval_base + 8) as i32),
        frameless,
    });
    crate::runtime::stats::Stats::add(&rt.stats.il_bytes, body.code.len() as u64);
    scratch.a = Some(c.a);
    scratch.args = c.args;
    scratch.locals = c.locals;
    scratch.il_map = c.il_map;
    scratch.switch_targets = c.switch_targets;
    scratch.stack = c.stack;
    scratch.labels = c.labels;
    scratch.states = c.states;
    scratch.faults = c.faults;
    scratch.relocs = c.relocs;
    scratch.epilogues = c.epilogues;
    rt.jit_scratch.set(Some(scratch));
    if !rt.options.verbose_methods.is_empty() && {
        let name = display();
        rt.options
            .verbose_methods
            .iter()
            .any(|v| name.contains(v.as_str()))
    } {
        crate::verbose::print_method(rt, key, &body.code, entry, entry_len);
    }
    Ok(entry)
}

impl<'a> Compiler<'a> {
    /// Reloads the callee-saved registers the prologue stored (before leaving the frame).
    fn restore_callee_saves(&mut self) {
        let saved = self.saved;
        for (r, slot) in saved.iter() {
            x!(self; mov Rq(r), QWORD [rbp + slot]);
        }
    }

    fn err(&self, message: impl Into<String>) -> VmError {
        VmError::Jit {
            method: self.rt.loader.method_display_sig(self.key_for_errors),
            offset: self.il,
            message: message.into(),
        }
    }

    // ---- evaluation stack -------------------------------------------------------------

    fn top_pos(&self) -> u32 {
        self.stack.last().map(|e| e.pos + e.st.bytes()).unwrap_or(0)
    }

    fn off_of(&self, e: Entry) -> i32 {
        self.frame_touched.set(true);
        -((self.eval_base + e.pos + e.st.bytes()) as i32)
    }

    fn push(&mut self, st: St) -> i32 {
        let e = Entry {
            st,
            pos: self.top_pos(),
            loc: Loc::Slot,
        };
        self.stack.push(e);
        self.max_eval = self.max_eval.max(e.pos + st.bytes());
        self.off_of(e)
    }

    fn load_var(&mut self, v: Var) {
        if let Some(r) = v.reg {
            self.push_lazy(v.slot.st, Loc::Reg(r, v.slot.ty.kind));
        } else if v.lazy {
            self.push_lazy(v.slot.st, Loc::Var(v.off, v.slot.ty.kind));
        } else {
            self.load_mem_push(v.slot, RBP, v.off);
        }
    }

    fn store_var(&mut self, v: Var) -> Result<()> {
        let e = self.pop_lazy()?;
        if let Some(r) = v.reg {
            for i in 0..self.stack.len() {
                if matches!(self.stack[i].loc, Loc::Reg(x, _) if x == r) {
                    self.materialize(i);
                }
            }
            match e.loc {
                Loc::Const(c) if i32::try_from(c).is_ok() && v.slot.ty.kind.size() == 4 => {
                    x!(self; mov Rd(r), c as i32)
                }
                Loc::Const(c) if i32::try_from(c).is_ok() && v.slot.ty.kind.size() < 4 => {
                    x!(self; mov Rd(r), c as i32);
                    narrow_reg(self, r, v.slot.ty.kind);
                }
                Loc::Const(c) if i32::try_from(c).is_ok() => x!(self; mov Rq(r), c as i32),
                _ if v.slot.ty.kind.size() == 4 && e.st == St::I4 => {
                    self.load_i32(r, e);
                }
                _ if v.slot.ty.kind.size() < 4 => {
                    // Stored as the variable's type truncates it, then kept widened (a value
                    // read from a variable of the same type already is).
                    self.load_i32(r, e);
                    if !matches!(e.loc, Loc::Reg(_, k) | Loc::Var(_, k) if k == v.slot.ty.kind) {
                        narrow_reg(self, r, v.slot.ty.kind);
                    }
                }
                _ => {
                    self.load_int(RAX, e);
                    if v.slot.ty.kind.size() == 4 {
                        x!(self; mov Rd(r), eax);
                    } else {
                        x!(self; mov Rq(r), rax);
                    }
                }
            }
            return Ok(());
        }
        if v.lazy {
            self.materialize_var(v.off);
        }
        if let (Loc::Const(c), St::I4 | St::I8 | St::I | St::O | St::Ptr) = (e.loc, v.slot.st) {
            if let Ok(c32) = i32::try_from(c) {
                let voff = v.off;
                match v.slot.ty.kind.size() {
                    1 => x!(self; mov BYTE [rbp + voff], c32 as i8),
                    2 => x!(self; mov WORD [rbp + voff], c32 as i16),
                    4 => x!(self; mov DWORD [rbp + voff], c32),
                    _ => x!(self; mov QWORD [rbp + voff], c32),
                }
                return Ok(());
            }
        }
        self.store_mem(v.slot, e, RBP, v.off);
        Ok(())
    }

    /// Pops the top entry with its value in its frame slot.
    fn pop(&mut self) -> Result<Entry> {
        if let Some(i) = self.stack.len().checked_sub(1) {
            self.materialize(i);
        }
        self.pop_lazy()
    }

    /// Pops the top entry as it is; the caller reads it with `load_int`/`load_f`.
    fn pop_lazy(&mut self) -> Result<Entry> {
        self.stack
            .pop()
            .ok_or_else(|| self.err("evaluation stack underflow"))
    }

    fn push_lazy(&mut self, st: St, loc: Loc) {
        let e = Entry {
            st,
            pos: self.top_pos(),
            loc,
        };
        self.stack.push(e);
        self.max_eval = self.max_eval.max(e.pos + st.bytes());
    }

    /// Writes a deferred entry's value into its frame slot (through r11 / xmm15 only).
    fn materialize(&mut self, i: usize) {
        self.store_pending(self.stack[i]);
        self.stack[i].loc = Loc::Slot;
    }

    /// Writes entry `e`'s deferred value into its frame slot; the caller records that it is
    /// there now.
    fn store_pending(&mut self, e: Entry) {
        let off = self.off_of(e);
        match e.loc {
            Loc::Slot => {}
            Loc::Rax => x!(self; mov QWORD [rbp + off], rax),
            Loc::Rdx => x!(self; mov QWORD [rbp + off], rdx),
            Loc::Xmm0 => x!(self; movsd QWORD [rbp + off], xmm0),
            Loc::Reg(r, _) => x!(self; mov QWORD [rbp + off], Rq(r)),
            Loc::Const(v) => {
                if let Ok(v32) = i32::try_from(v) {
                    x!(self; mov QWORD [rbp + off], v32);
                } else {
                    x!(self; mov r11, QWORD v ; mov QWORD [rbp + off], r11);
                }
            }
            Loc::Var(voff, kind) => match kind {
                ValueKind::R4 => {
                    x!(self; cvtss2sd xmm15, DWORD [rbp + voff] ; movsd QWORD [rbp + off], xmm15)
                }
                ValueKind::R8 => x!(self; mov r11, QWORD [rbp + voff] ; mov QWORD [rbp + off], r11),
                _ => {
                    self.load_var_into(11, voff, kind);
                    x!(self; mov QWORD [rbp + off], r11);
                }
            },
        }
    }

    /// Brings the stack into the shape every control-flow edge agrees on: each entry in its
    /// slot except the top, which is carried in rax (integer class) or xmm0 (floating point),
    /// so a value merging at a label (`c ? a : b`, `x || y`) never goes through memory.
    fn merge_normalize(&mut self) {
        self.materialize_below_top();
        self.load_top_for_merge();
    }

    /// Materializes every entry but the top one.
    fn materialize_below_top(&mut self) {
        for i in 0..self.stack.len().saturating_sub(1) {
            self.materialize(i);
        }
    }

    /// Moves the top entry where merges expect it, with moves only: a conditional branch
    /// calls this between its compare and its jump, so the flags must survive.
    fn load_top_for_merge(&mut self) {
        let Some(i) = self.stack.len().checked_sub(1) else {
            return;
        };
        let e = self.stack[i];
        match e.st {
            St::Vt { .. } => self.materialize(i),
            st if st.is_f() => {
                if e.loc != Loc::Xmm0 {
                    self.load_f(0, e);
                    self.stack[i].loc = Loc::Xmm0;
                }
            }
            _ => {
                if e.loc != Loc::Rax {
                    self.load_int(RAX, e);
                    self.stack[i].loc = Loc::Rax;
                }
            }
        }
    }

    fn materialize_all(&mut self) {
        for i in 0..self.stack.len() {
            self.materialize(i);
        }
    }

    /// Before a variable changes, deferred loads of it must take the old value.
    fn materialize_var(&mut self, voff: i32) {
        for i in 0..self.stack.len() {
            if matches!(self.stack[i].loc, Loc::Var(o, _) if o == voff) {
                self.materialize(i);
            }
        }
    }

    /// Loads an integer-class variable into a 64-bit register as its stack type holds it.
    fn load_var_into(&mut self, reg: u8, voff: i32, kind: ValueKind) {
        match kind {
            ValueKind::Bool | ValueKind::U1 => x!(self; movzx Rd(reg), BYTE [rbp + voff]),
            ValueKind::I1 => x!(self; movsx Rq(reg), BYTE [rbp + voff]),
            ValueKind::I2 => x!(self; movsx Rq(reg), WORD [rbp + voff]),
            ValueKind::U2 | ValueKind::Char => x!(self; movzx Rd(reg), WORD [rbp + voff]),
            ValueKind::I4 | ValueKind::U4 => x!(self; movsxd Rq(reg), DWORD [rbp + voff]),
            _ => x!(self; mov Rq(reg), QWORD [rbp + voff]),
        }
    }

    fn peek(&self, depth: usize) -> Result<Entry> {
        if depth >= self.stack.len() {
            return Err(self.err("evaluation stack underflow"));
        }
        Ok(self.stack[self.stack.len() - 1 - depth])
    }

    // ---- moves ------------------------------------------------------------------------

    /// Loads an integer-class entry into a 64-bit register, widening int32 by sign.
    fn load_int(&mut self, reg: u8, e: Entry) {
        match e.loc {
            Loc::Const(v) => {
                if let Ok(v32) = i32::try_from(v) {
                    x!(self; mov Rq(reg), v32);
                } else {
                    x!(self; mov Rq(reg), QWORD v);
                }
                return;
            }
            Loc::Var(voff, kind) => {
                self.load_var_into(reg, voff, kind);
                return;
            }
            Loc::Reg(r, _) => {
                if e.st == St::I4 {
                    x!(self; movsxd Rq(reg), Rd(r));
                } else if reg != r {
                    x!(self; mov Rq(reg), Rq(r));
                }
                return;
            }
            Loc::Xmm0 => {
                x!(self; movq Rq(reg), xmm0);
                return;
            }
            Loc::Rax => {
                if e.st == St::I4 {
                    x!(self; movsxd Rq(reg), eax);
                } else if reg != RAX {
                    x!(self; mov Rq(reg), rax);
                }
                return;
            }
            Loc::Rdx => {
                if e.st == St::I4 {
                    x!(self; movsxd Rq(reg), edx);
                } else if reg != 2 {
                    x!(self; mov Rq(reg), rdx);
                }
                return;
            }
            Loc::Slot => {}
        }
        let off = self.off_of(e);
        if e.st == St::I4 {
            x!(self; movsxd Rq(reg), DWORD [rbp + off]);
        } else {
            x!(self; mov Rq(reg), QWORD [rbp + off]);
        }
    }

    /// Loads the low 32 bits of an int32 entry into a register (upper half unspecified).
    fn load_i32(&mut self, reg: u8, e: Entry) {
        match e.loc {
            Loc::Const(v) => x!(self; mov Rd(reg), v as i32),
            Loc::Var(voff, ValueKind::I4 | ValueKind::U4) => {
                x!(self; mov Rd(reg), DWORD [rbp + voff])
            }
            Loc::Reg(r, kind)
                if matches!(kind, ValueKind::I4 | ValueKind::U4) || is_narrow_int(kind) =>
            {
                if r != reg {
                    x!(self; mov Rd(reg), Rd(r));
                }
            }
            Loc::Rax => {
                if reg != RAX {
                    x!(self; mov Rd(reg), eax);
                }
            }
            Loc::Rdx => {
                if reg != 2 {
                    x!(self; mov Rd(reg), edx);
                }
            }
            Loc::Slot => {
                let off = self.off_of(e);
                x!(self; mov Rd(reg), DWORD [rbp + off]);
            }
            _ => self.load_int(reg, e),
        }
    }

    fn load_f(&mut self, xmm: u8, e: Entry) {
        match e.loc {
            Loc::Var(voff, ValueKind::R4) => {
                x!(self; cvtss2sd Rx(xmm), DWORD [rbp + voff]);
                return;
            }
            Loc::Var(voff, _) => {
                x!(self; movsd Rx(xmm), QWORD [rbp + voff]);
                return;
            }
            Loc::Const(v) => {
                x!(self; mov r11, QWORD v ; movq Rx(xmm), r11);
                return;
            }
            Loc::Rax => {
                x!(self; movq Rx(xmm), rax);
                return;
            }
            Loc::Rdx => {
                x!(self; movq Rx(xmm), rdx);
                return;
            }
            Loc::Xmm0 => {
                if xmm != 0 {
                    x!(self; movapd Rx(xmm), xmm0);
                }
                return;
            }
            Loc::Reg(r, _) => {
                x!(self; movq Rx(xmm), Rq(r));
                return;
            }
            Loc::Slot => {}
        }
        let off = self.off_of(e);
        x!(self; movsd Rx(xmm), QWORD [rbp + off]);
    }

    /// Copies `size` bytes between two `[base + disp]` places through r11.
    fn copy_block(&mut self, dst: u8, dst_disp: i32, src: u8, src_disp: i32, size: u32) {
        let mut done = 0i32;
        let size = size as i32;
        while done + 8 <= size {
            x!(self; mov r11, QWORD [Rq(src) + src_disp + done] ; mov QWORD [Rq(dst) + dst_disp + done], r11);
            done += 8;
        }
        if done + 4 <= size {
            x!(self; mov r11d, DWORD [Rq(src) + src_disp + done] ; mov DWORD [Rq(dst) + dst_disp + done], r11d);
            done += 4;
        }
        if done + 2 <= size {
            x!(self; movzx r11d, WORD [Rq(src) + src_disp + done] ; mov WORD [Rq(dst) + dst_disp + done], r11w);
            done += 2;
        }
        if done < size {
            x!(self; movzx r11d, BYTE [Rq(src) + src_disp + done] ; mov BYTE [Rq(dst) + dst_disp + done], r11b);
        }
    }

    fn zero_block(&mut self, dst: u8, disp: i32, size: u32) {
        x!(self; xor r11d, r11d);
        let mut done = 0i32;
        let size = size as i32;
        while done + 8 <= size {
            x!(self; mov QWORD [Rq(dst) + disp + done], r11);
            done += 8;
        }
        while done < size {
            x!(self; mov BYTE [Rq(dst) + disp + done], r11b);
            done += 1;
        }
    }

    /// Loads a value of declared type `slot` from `[base + disp]` and pushes it.
    fn load_mem_push(&mut self, slot: Slot, base: u8, disp: i32) {
        let kind = slot.ty.kind;
        if let St::Vt { size, .. } = slot.st {
            let off = self.push(slot.st);
            self.copy_block(RBP, off, base, disp, size);
            return;
        }
        match kind {
            ValueKind::R4 => {
                x!(self; cvtss2sd xmm0, DWORD [Rq(base) + disp]);
                self.push_lazy(St::F32, Loc::Xmm0);
            }
            ValueKind::R8 => {
                x!(self; movsd xmm0, QWORD [Rq(base) + disp]);
                self.push_lazy(St::F, Loc::Xmm0);
            }
            _ => {
                match kind {
                    ValueKind::Bool | ValueKind::U1 => x!(self; movzx eax, BYTE [Rq(base) + disp]),
                    ValueKind::I1 => x!(self; movsx eax, BYTE [Rq(base) + disp]),
                    ValueKind::I2 => x!(self; movsx eax, WORD [Rq(base) + disp]),
                    ValueKind::U2 | ValueKind::Char => x!(self; movzx eax, WORD [Rq(base) + disp]),
                    ValueKind::I4 | ValueKind::U4 => x!(self; mov eax, DWORD [Rq(base) + disp]),
                    _ => x!(self; mov rax, QWORD [Rq(base) + disp]),
                }
                self.push_lazy(slot.st, Loc::Rax);
            }
        }
    }

    /// Stores entry `e` into `[base + disp]` as declared type `slot`. `base` must not be r11 or rax.
    fn store_mem(&mut self, slot: Slot, e: Entry, base: u8, disp: i32) {
        let src = self.off_of(e);
        if let St::Vt { size, .. } = slot.st {
            self.copy_block(base, disp, RBP, src, size);
            return;
        }
        match slot.ty.kind {
            ValueKind::R4 => {
                if e.st.is_f() {
                    self.load_f(0, e);
                    x!(self; cvtsd2ss xmm0, xmm0);
                } else {
                    self.load_int(RAX, e);
                    x!(self; cvtsi2ss xmm0, rax);
                }
                x!(self; movss DWORD [Rq(base) + disp], xmm0);
            }
            ValueKind::R8 => {
                if e.st.is_f() {
                    self.load_f(0, e);
                } else {
                    self.load_int(RAX, e);
                    x!(self; cvtsi2sd xmm0, rax);
                }
                x!(self; movsd QWORD [Rq(base) + disp], xmm0);
            }
            k => {
                let size = k.size();
                // A store of at most 32 bits needs only the low half: an int32 is read as 32
                // bits, and a value already in a register is stored from it.
                let narrow_i4 = e.st == St::I4 && size <= 4;
                let src = if e.st.is_f() {
                    // Storing F into an integer location only happens in unverifiable IL.
                    self.load_f(0, e);
                    x!(self; cvttsd2si rax, xmm0);
                    RAX
                } else {
                    match e.loc {
                        Loc::Const(v) if size >= 4 && i32::try_from(v).is_ok() => {
                            if size == 4 {
                                x!(self; mov DWORD [Rq(base) + disp], v as i32);
                            } else {
                                x!(self; mov QWORD [Rq(base) + disp], v as i32);
                            }
                            return;
                        }
                        Loc::Reg(r, _) if size >= 4 && (narrow_i4 || e.st != St::I4) => r,
                        Loc::Rdx if size >= 4 && (narrow_i4 || e.st != St::I4) => RDX,
                        _ if narrow_i4 => {
                            self.load_i32(RAX, e);
                            RAX
                        }
                        _ => {
                            self.load_int(RAX, e);
                            RAX
                        }
                    }
                };
                match size {
                    1 => x!(self; mov BYTE [Rq(base) + disp], al),
                    2 => x!(self; mov WORD [Rq(base) + disp], ax),
                    4 => x!(self; mov DWORD [Rq(base) + disp], Rd(src)),
                    _ => x!(self; mov QWORD [Rq(base) + disp], Rq(src)),
                }
            }
        }
    }

    fn mem_slot(&self, m: Mem) -> Slot {
        let (kind, st) = match m {
            Mem::I1 => (ValueKind::I1, St::I4),
            Mem::U1 => (ValueKind::U1, St::I4),
            Mem::I2 => (ValueKind::I2, St::I4),
            Mem::U2 => (ValueKind::U2, St::I4),
            Mem::I4 => (ValueKind::I4, St::I4),
            Mem::U4 => (ValueKind::U4, St::I4),
            Mem::I8 => (ValueKind::I8, St::I8),
            Mem::I => (ValueKind::I, St::I),
            Mem::R4 => (ValueKind::R4, St::F32),
            Mem::R8 => (ValueKind::R8, St::F),
            Mem::Ref => (ValueKind::Ref, St::O),
        };
        Slot {
            ty: FieldType { kind, class: None },
            st,
            size: kind.size(),
        }
    }

    // ---- calls to the runtime ---------------------------------------------------------

    fn call_abs(&mut self, addr: u64) {
        x!(self; mov rax, QWORD addr as i64 ; call rax);
    }

    /// A `call rel32` whose displacement is 4-byte aligned, so it can be patched atomically.
    fn call_direct(&mut self, target: u64) {
        let at = self.a.offset().0 as u64;
        for _ in 0..callsite::aligned_call_padding(at) {
            self.a.push(0x90);
        }
        self.a.push(0xE8);
        let patch = self.a.offset().0;
        self.a.push_i32(0);
        self.relocs.push((patch, target));
    }

    /// Allocates an instance of a fixed-size class into rax: the bump-pointer fast path inline
    /// (chunks come zeroed from mmap, so only the vtable word is written), `rt_alloc` when the
    /// current chunk is exhausted.
    fn emit_alloc(&mut self, class: &'static crate::runtime::RtClass) {
        let size = class.fixed_size() as u32;
        let ptr = crate::runtime::heap::ALLOC_PTR.as_ptr() as i64;
        let slow = self.a.new_dynamic_label();
        let done = self.a.new_dynamic_label();
        x!(self; mov rcx, QWORD ptr ; mov rax, QWORD [rcx] ; lea rdx, [rax + size as i32]);
        self.emit_bump(class, slow);
        x!(self; jmp =>done ; =>slow ; mov rdi, QWORD class as *const _ as i64);
        self.call_abs(helpers::rt_alloc as *const () as u64);
        // Out of memory: the slow path raised OutOfMemoryException and returned null.
        self.check_pending();
        x!(self; =>done);
    }

    /// The bump-pointer fast path of `newarr` for a small array (length in rsi, not negative)
    /// of 1-, 2-, 4- or 8-byte elements: leaves the array in rax and jumps to `done`, or falls
    /// through to the helper call. The size rule is the collector's (`heap::object_size`), and
    /// only sizes below the large-object threshold are bumped.
    fn emit_array_alloc_fast(
        &mut self,
        class: &'static crate::runtime::RtClass,
        done: DynamicLabel,
    ) {
        let elem = class.element_size;
        if !matches!(elem, 1 | 2 | 4 | 8) {
            return;
        }
        let max_len =
            ((crate::runtime::gc::LARGE_OBJECT_BYTES - ARRAY_DATA as u64 - 8) / elem as u64) as i32;
        let ptr = crate::runtime::heap::ALLOC_PTR.as_ptr() as i64;
        let slow = self.a.new_dynamic_label();
        let bytes = ARRAY_DATA + 7;
        x!(self; cmp rsi, max_len ; ja =>slow);
        match elem {
            1 => x!(self; lea rdx, [rsi + bytes]),
            2 => x!(self; lea rdx, [rsi * 2 + bytes]),
            4 => x!(self; lea rdx, [rsi * 4 + bytes]),
            _ => x!(self; lea rdx, [rsi * 8 + bytes]),
        }
        x!(self; and rdx, -8 ; mov rcx, QWORD ptr ; mov rax, QWORD [rcx] ; add rdx, rax);
        self.emit_bump(class, slow);
        x!(self; mov QWORD [rax + ARRAY_LENGTH], rsi ; jmp =>done ; =>slow);
    }

    /// With rcx = &ALLOC_PTR, rax = its value and rdx = the new object's end: takes the
    /// object from the current hole and writes its vtable, or jumps to `slow` when the hole
    /// (or the card the limit stops at) has no room.
    fn emit_bump(&mut self, class: &'static crate::runtime::RtClass, slow: DynamicLabel) {
        let limit = crate::runtime::heap::ALLOC_LIMIT.as_ptr() as i64;
        x!(self;
            mov r11, QWORD limit
            ; cmp rdx, QWORD [r11]
            ; ja =>slow
            ; test rax, rax
            ; jz =>slow
            ; mov QWORD [rcx], rdx
            ; mov r11, QWORD class.vtable_addr() as i64
            ; mov QWORD [rax], r11
        );
    }

    fn fault(&mut self, kind: Fault) -> DynamicLabel {
        let l = self.a.new_dynamic_label();
        self.faults.push((l, kind, self.il));
        l
    }

    fn emit_fault_stubs(&mut self) {
        let throw = self.rt.trampolines.throw;
        for i in 0..self.faults.len() {
            let (l, kind, il) = self.faults[i];
            x!(self; =>l ; xor edi, edi ; mov esi, self.id.0 as i32 ; mov edx, il as i32 ; mov ecx, kind as i32 ; mov rax, QWORD throw as i64 ; call rax ; ud2);
        }
    }

    /// After a call into Rust that may raise: throw its exception from this frame.
    fn check_pending(&mut self) {
        let l = self.fault(Fault::Pending);
        let pending = exceptions::PENDING_EXCEPTION.as_ptr() as i64;
        x!(self; mov r11, QWORD pending ; cmp QWORD [r11], 0 ; jne =>l);
    }

    fn null_check(&mut self, reg: u8) {
        let l = self.fault(Fault::NullReference);
        x!(self; test Rq(reg), Rq(reg) ; jz =>l);
    }

    /// The null check of a pointer whose next use is an access at `[reg + disp]`, with no side
    /// effect in between: for a small displacement that access itself faults on null and the
    /// signal handler raises NullReferenceException (`runtime::signals`), so no code is needed.
    fn null_check_before_access(&mut self, reg: u8, disp: i32) {
        if !(0..crate::runtime::signals::NULL_PAGE_BYTES).contains(&disp) {
            self.null_check(reg);
        }
    }

    // ---- arguments and prologue -------------------------------------------------------

    fn spill_args(&mut self, shape: &CallShape) -> Result<()> {
        let locs = &shape.arg_locs;
        if let Some(ArgLoc::Int(r)) = shape.ret_buf_loc {
            let off = self.ret_buf_off;
            x!(self; mov QWORD [rbp + off], Rq(r));
        }
        for (i, loc) in locs.iter().enumerate() {
            let var = self.args[i];
            let off = var.off;
            if let Some(r) = var.reg {
                if CALLEE_SAVED.contains(&r) {
                    match *loc {
                        ArgLoc::Int(src) => x!(self; mov Rq(r), Rq(src)),
                        ArgLoc::Stack(k) => {
                            let src = 16 + 8 * k as i32;
                            x!(self; mov Rq(r), QWORD [rbp + src]);
                        }
                        ArgLoc::Float(_) => {}
                    }
                }
                continue;
            }
            match (*loc, var.slot.st) {
                (ArgLoc::Int(r), St::Vt { size, .. }) => self.copy_block(RBP, off, r, 0, size),
                (ArgLoc::Int(r), _) => x!(self; mov QWORD [rbp + off], Rq(r)),
                (ArgLoc::Float(xr), _) => {
                    if var.slot.ty.kind == ValueKind::R4 {
                        x!(self; movss DWORD [rbp + off], Rx(xr));
                    } else {
                        x!(self; movsd QWORD [rbp + off], Rx(xr));
                    }
                }
                (ArgLoc::Stack(k), St::Vt { size, .. }) => {
                    let src = 16 + 8 * k as i32;
                    x!(self; mov rax, QWORD [rbp + src]);
                    self.copy_block(RBP, off, RAX, 0, size);
                }
                (ArgLoc::Stack(k), _) => {
                    let src = 16 + 8 * k as i32;
                    x!(self; mov rax, QWORD [rbp + src] ; mov QWORD [rbp + off], rax);
                }
            }
        }
        Ok(())
    }

    /// Static methods and constructors of a class with precise (not beforefieldinit) static
    /// initialisation check, on entry, that the static constructor has run.
    /// `name` is the method's name when its class has a static constructor.
    fn prologue_class_init(&mut self, method_flags: u16, name: &str) -> Result<()> {
        let is_ctor_or_static = method_flags & MA_STATIC != 0 || name == ".ctor";
        if !is_ctor_or_static || name == ".cctor" {
            return Ok(());
        }
        let info = self.rt.loader.class(self.owner)?;
        if info.cctor.is_some() {
            let cid = self.rt.class_of(self.owner)?;
            if info.flags.has(ClassFlags::BEFORE_FIELD_INIT) {
                // Mono initialises a beforefieldinit class when one of its static methods or
                // constructors is first compiled, i.e. on its first call.
                self.rt.run_class_init(cid)?;
            } else {
                self.emit_prologue_init_check(cid);
            }
        }
        Ok(())
    }

    /// As Mono checks in the caller, a failed initialisation is thrown from the caller's
    /// frame: this method's own try blocks must not catch it. The frame is torn down (saved
    /// registers restored) and the pending exception thrown at the call.
    fn emit_prologue_init_check(&mut self, cid: ClassId) {
        let class = self.rt.class(cid);
        if *class.initialized_flag != 0 {
            return;
        }
        let flag = &*class.initialized_flag as *const u8 as u64;
        let pending = exceptions::PENDING_EXCEPTION.as_ptr() as i64;
        let done = self.a.new_dynamic_label();
        x!(self; mov rax, QWORD flag as i64 ; cmp BYTE [rax], 0 ; jne =>done ; mov rdi, QWORD class as *const _ as i64);
        self.call_abs(helpers::rt_class_init as *const () as u64);
        x!(self; mov r11, QWORD pending ; cmp QWORD [r11], 0 ; je =>done);
        self.restore_callee_saves();
        let throw = self.rt.trampolines.throw_at_call;
        x!(self; mov rsp, rbp ; pop rbp ; mov rax, QWORD throw as i64 ; jmp rax ; =>done);
    }

    fn emit_init_check(&mut self, cid: ClassId) {
        let class = self.rt.class(cid);
        if *class.initialized_flag != 0 {
            return;
        }
        let flag = &*class.initialized_flag as *const u8 as u64;
        let done = self.a.new_dynamic_label();
        x!(self; mov rax, QWORD flag as i64 ; cmp BYTE [rax], 0 ; jne =>done ; mov rdi, QWORD class as *const _ as i64);
        self.call_abs(helpers::rt_class_init as *const () as u64);
        self.check_pending();
        x!(self; =>done);
    }

    /// Static field access: beforefieldinit classes are initialised now, at JIT time, as Mono
    /// does; precise classes get a check in the code.
    fn static_access_init(&mut self, field_owner: TypeKey) -> Result<ClassId> {
        let cid = self.rt.class_of(field_owner)?;
        let info = self.rt.loader.class(field_owner)?;
        if info.cctor.is_none() || field_owner == self.owner {
            return Ok(cid);
        }
        if info.flags.has(ClassFlags::BEFORE_FIELD_INIT) {
            self.rt.run_class_init(cid)?;
        } else {
            self.emit_init_check(cid);
        }
        Ok(cid)
    }

    // ---- the operations ---------------------------------------------------------------

    /// Stores entries held in rax/xmm0 unless `op` either emits no code or consumes them
    /// among its operands (the consumers load their operands so a pending one is not
    /// clobbered first).
    fn flush_pending_for(&mut self, op: &Op) {
        // Only entries pending in a register are ever flushed, and most operations find none:
        // checking that first skips classifying the operation.
        if !self
            .stack
            .iter()
            .any(|e| matches!(e.loc, Loc::Rax | Loc::Xmm0 | Loc::Rdx))
        {
            return;
        }
        let emits_no_code = match op {
            Op::Nop | Op::LdcI4(_) | Op::LdcI8(_) | Op::LdcR8(_) | Op::LdcR4(_) | Op::Ldnull => {
                true
            }
            Op::Ldloc(n) => self
                .locals
                .get(*n as usize)
                .map(|v| v.lazy || v.reg.is_some())
                .unwrap_or(false),
            // An inlined callee's argument is read in place unless it must be narrowed first
            // (which goes through rax or xmm0); see inline_ldarg.
            Op::Ldarg(n) if self.inline_args.is_some() => self
                .inline_args
                .as_ref()
                .and_then(|(_, slots)| slots.get(*n as usize))
                .is_some_and(|slot| !is_narrow_int(slot.ty.kind) && slot.ty.kind != ValueKind::R4),
            Op::Ldarg(n) => self
                .args
                .get(*n as usize)
                .map(|v| v.lazy || v.reg.is_some())
                .unwrap_or(false),
            _ => false,
        };
        if emits_no_code {
            return;
        }
        let consumed = match op {
            Op::Stloc(_) | Op::Starg(_) | Op::Ret | Op::BrTrue(..) | Op::Conv(..) | Op::Pop => 1,
            // `call` keeps pending arguments (load_call_args reads them first) and stores any
            // other pending entry itself, once it knows how many arguments it takes.
            Op::Call(_) | Op::Callvirt(_) => usize::MAX,
            // These load their operands into rcx/rax in an order that reads a pending one first.
            Op::Ldfld(_) | Op::Ldflda(_) | Op::Ldlen | Op::Ldind(_) | Op::Ldobj(_) => 1,
            Op::Stfld(_) | Op::Stind(_) | Op::Stobj(_) => 2,
            Op::Ldelem(_) | Op::LdelemAny(_) | Op::Ldelema(_) => 2,
            Op::Castclass(_) | Op::Isinst(_) => 1,
            // A branch carries its top entry to the target in rax/xmm0 (merge_normalize).
            Op::Br(_) | Op::Switch { .. } => 1,
            Op::Stelem(_) | Op::StelemAny(_) => 3,
            Op::BrCmp(..) | Op::Compare(_) | Op::Binary(_) => 2,
            _ => 0,
        };
        // Operations that use only rax, rcx, r11 and xmm0/xmm1 as scratch: a result pending in
        // rax that they would overwrite can wait in rdx instead of going to memory.
        let spares_rdx = matches!(
            op,
            Op::Ldfld(_)
                | Op::Stfld(_)
                | Op::Ldlen
                | Op::Ldelem(_)
                | Op::Compare(_)
                | Op::BrCmp(..)
                | Op::BrTrue(..)
        ) || matches!(
            op,
            Op::Binary(b) if !matches!(b, Bin::Div | Bin::DivUn | Bin::Rem | Bin::RemUn | Bin::MulOvfUn)
        );
        let n = self.stack.len();
        if !spares_rdx {
            for i in 0..n {
                if self.stack[i].loc == Loc::Rdx {
                    self.materialize(i);
                }
            }
        }
        for i in 0..n {
            if matches!(self.stack[i].loc, Loc::Rax | Loc::Xmm0) && n - i > consumed {
                let e = self.stack[i];
                let rdx_free = !self.stack.iter().any(|x| x.loc == Loc::Rdx);
                if spares_rdx && e.loc == Loc::Rax && e.st.is_int_class() && rdx_free {
                    x!(self; mov rdx, rax);
                    self.stack[i].loc = Loc::Rdx;
                } else {
                    self.materialize(i);
                }
            }
        }
    }

    /// Emits one operation; returns whether control can fall through to the next one.
    fn emit_op(&mut self, op: &Op) -> Result<bool> {
        self.flush_pending_for(op);
        if !matches!(
            op,
            Op::Constrained(_) | Op::Prefix | Op::Call(_) | Op::Callvirt(_)
        ) {
            self.constrained = None;
        }
        match *op {
            Op::Nop | Op::Prefix => {}
            Op::Constrained(t) => self.constrained = Some(t),
            Op::Unsupported(what) => {
                let why = match what {
                    Opcode::Ldftn | Opcode::Ldvirtftn => " (delegates)",
                    _ => "",
                };
                return Err(self.err(format!("unsupported IL instruction: {}{why}", what.name())));
            }
            Op::Ldarg(n) if self.inline_args.is_some() => self.inline_ldarg(n)?,
            Op::Ldarg(n) => {
                let v = *self
                    .args
                    .get(n as usize)
                    .ok_or_else(|| self.err(format!("argument {n} out of range")))?;
                self.load_var(v);
            }
            Op::Ldloc(n) => {
                let v = *self
                    .locals
                    .get(n as usize)
                    .ok_or_else(|| self.err(format!("local {n} out of range")))?;
                self.load_var(v);
            }
            Op::Starg(n) => {
                let v = *self
                    .args
                    .get(n as usize)
                    .ok_or_else(|| self.err(format!("argument {n} out of range")))?;
                self.store_var(v)?;
            }
            Op::Stloc(n) => {
                let v = *self
                    .locals
                    .get(n as usize)
                    .ok_or_else(|| self.err(format!("local {n} out of range")))?;
                self.store_var(v)?;
            }
            Op::Ldarga(n) => {
                let v = *self
                    .args
                    .get(n as usize)
                    .ok_or_else(|| self.err(format!("argument {n} out of range")))?;
                let voff = v.off;
                x!(self; lea rax, [rbp + voff]);
                let off = self.push(St::Ptr);
                x!(self; mov QWORD [rbp + off], rax);
            }
            Op::Ldloca(n) => {
                let v = *self
                    .locals
                    .get(n as usize)
                    .ok_or_else(|| self.err(format!("local {n} out of range")))?;
                let voff = v.off;
                x!(self; lea rax, [rbp + voff]);
                let off = self.push(St::Ptr);
                x!(self; mov QWORD [rbp + off], rax);
            }
            Op::Ldnull => self.push_lazy(St::O, Loc::Const(0)),
            Op::LdcI4(v) => self.push_lazy(St::I4, Loc::Const(v as i64)),
            Op::LdcI8(v) => self.push_lazy(St::I8, Loc::Const(v)),
            Op::LdcR8(v) => self.push_lazy(St::F, Loc::Const(v.to_bits() as i64)),
            Op::LdcR4(v) => self.push_lazy(St::F32, Loc::Const((v as f64).to_bits() as i64)),
            Op::Dup => {
                let e = self.peek(0)?;
                if !matches!(e.loc, Loc::Slot | Loc::Rax | Loc::Xmm0 | Loc::Rdx) {
                    self.push_lazy(e.st, e.loc);
                } else {
                    let src = self.off_of(e);
                    let dst = self.push(e.st);
                    self.copy_block(RBP, dst, RBP, src, e.st.bytes());
                }
            }
            Op::Pop => {
                self.pop_lazy()?;
            }
            Op::Ret => {
                self.emit_ret()?;
                return Ok(false);
            }
            Op::Br(t) => {
                self.merge_normalize();
                if self.next_il == Some(t) {
                    self.target(t)?;
                    return Ok(true);
                }
                self.branch_to(t)?;
                return Ok(false);
            }
            Op::BrTrue(t, when) => {
                let e = self.pop_lazy()?;
                self.materialize_below_top();
                let label = self.target(t)?;
                if e.st.is_f() {
                    // Only unverifiable IL tests a float; treat non-zero (and NaN) as true.
                    self.load_f(0, e);
                    x!(self; xorpd xmm1, xmm1 ; ucomisd xmm0, xmm1 ; setne al ; setp cl ; or al, cl ; test al, al);
                } else if e.st == St::I4 {
                    self.load_i32(RAX, e);
                    x!(self; test eax, eax);
                } else {
                    self.load_int(RAX, e);
                    x!(self; test rax, rax);
                }
                self.load_top_for_merge();
                self.record_state(t);
                if when {
                    x!(self; jne =>label);
                } else {
                    x!(self; je =>label);
                }
            }
            Op::BrCmp(int_cmp, float_cmp, when, t) => {
                let b = self.pop_lazy()?;
                let a = self.pop_lazy()?;
                self.materialize_below_top();
                let label = self.target(t)?;
                if a.st.is_f() || b.st.is_f() {
                    self.compare_entries(float_cmp, a, b);
                    x!(self; test al, al);
                    self.load_top_for_merge();
                    self.record_state(t);
                    if when {
                        x!(self; jnz =>label);
                    } else {
                        x!(self; jz =>label);
                    }
                } else {
                    self.cmp_ints(a, b);
                    self.load_top_for_merge();
                    self.record_state(t);
                    match (int_cmp, when) {
                        (Cmp::Eq, true) => x!(self; je =>label),
                        (Cmp::Eq, false) => x!(self; jne =>label),
                        (Cmp::Gt, true) => x!(self; jg =>label),
                        (Cmp::Gt, false) => x!(self; jle =>label),
                        (Cmp::GtUn, true) => x!(self; ja =>label),
                        (Cmp::GtUn, false) => x!(self; jbe =>label),
                        (Cmp::Lt, true) => x!(self; jl =>label),
                        (Cmp::Lt, false) => x!(self; jge =>label),
                        (Cmp::LtUn, true) => x!(self; jb =>label),
                        (Cmp::LtUn, false) => x!(self; jae =>label),
                    }
                }
            }
            Op::Compare(cmp) => {
                let b = self.pop_lazy()?;
                let a = self.pop_lazy()?;
                self.compare_entries(cmp, a, b);
                x!(self; movzx eax, al);
                self.push_lazy(St::I4, Loc::Rax);
            }
            Op::Switch { first, count } => {
                // The index goes to ecx: rax carries the top of what stays on the stack.
                let e = self.pop_lazy()?;
                self.load_i32(RCX, e);
                self.merge_normalize();
                for i in 0..count {
                    // decode_into listed exactly `count` targets from `first`.
                    let t = self.switch_targets[(first + i) as usize];
                    let label = self.target(t)?;
                    self.record_state(t);
                    x!(self; cmp ecx, i as i32 ; je =>label);
                }
            }
            Op::Binary(b) => self.binary(b)?,
            Op::Neg => {
                let e = self.pop()?;
                let off = self.off_of(e);
                match e.st {
                    St::F | St::F32 => {
                        x!(self; mov rax, QWORD [rbp + off] ; btc rax, 63 ; mov QWORD [rbp + off], rax);
                    }
                    St::I4 => x!(self; neg DWORD [rbp + off]),
                    _ => x!(self; neg QWORD [rbp + off]),
                }
                self.push(e.st);
            }
            Op::Not => {
                let e = self.pop()?;
                let off = self.off_of(e);
                if e.st == St::I4 {
                    x!(self; not DWORD [rbp + off]);
                } else {
                    x!(self; not QWORD [rbp + off]);
                }
                self.push(e.st);
            }
            Op::Conv(to, ovf, un) => self.conv(to, ovf, un)?,
            Op::Ckfinite => {
                let top = self.stack.len().saturating_sub(1);
                if !self.stack.is_empty() {
                    self.materialize(top);
                }
                let e = self.peek(0)?;
                let off = self.off_of(e);
                let l = self.fault(Fault::NotFinite);
                x!(self; mov rax, QWORD [rbp + off] ; mov rcx, QWORD 0x7ff0_0000_0000_0000u64 as i64 ; and rax, rcx ; cmp rax, rcx ; je =>l);
            }
            Op::Ldind(m) => {
                let e = self.pop_lazy()?;
                self.load_int(RCX, e);
                self.null_check_before_access(RCX, 0);
                let slot = self.mem_slot(m);
                self.load_mem_push(slot, RCX, 0);
            }
            Op::Stind(m) => {
                let v = self.pop_lazy()?;
                let p = self.pop_lazy()?;
                self.load_int(RCX, p);
                self.null_check_before_access(RCX, 0);
                let slot = self.mem_slot(m);
                self.store_mem(slot, v, RCX, 0);
            }
            Op::Ldobj(t) => {
                let slot = self.type_slot(t)?;
                let e = self.pop_lazy()?;
                self.load_int(RCX, e);
                self.null_check_before_access(RCX, 0);
                self.load_mem_push(slot, RCX, 0);
            }
            Op::Stobj(t) => {
                let slot = self.type_slot(t)?;
                let v = self.pop()?;
                let p = self.pop()?;
                self.load_int(RCX, p);
                self.null_check(RCX);
                self.store_mem(slot, v, RCX, 0);
            }
            Op::Cpobj(t) => {
                let slot = self.type_slot(t)?;
                let src = self.pop()?;
                let dst = self.pop()?;
                self.load_int(RCX, dst);
                self.load_int(RAX, src);
                x!(self; mov rdx, rax);
                self.copy_block(RCX, 0, 2, 0, slot.size);
            }
            Op::Initobj(t) => {
                let slot = self.type_slot(t)?;
                let p = self.pop()?;
                self.load_int(RCX, p);
                self.zero_block(RCX, 0, slot.size);
            }
            Op::Sizeof(t) => {
                let slot = self.type_slot(t)?;
                let size = if matches!(slot.st, St::Vt { .. }) || slot.ty.kind != ValueKind::Ref {
                    slot.size
                } else {
                    8
                };
                let off = self.push(St::I4);
                x!(self; mov QWORD [rbp + off], size as i32);
            }
            Op::Ldstr(t) => {
                if t.table_byte() != Token::USER_STRING_TAG {
                    return Err(self.err(format!("ldstr with non-string token {t}")));
                }
                let units = self.asm.heaps().user_string(t.0 & 0x00FF_FFFF)?;
                // Interned strings are GC roots and never move, so the address is a constant.
                let s = self.rt.intern(&units);
                self.push_lazy(St::O, Loc::Const(s as i64));
            }
            Op::Ldfld(t) | Op::Ldflda(t) | Op::Stfld(t) => self.instance_field(op_kind(op), t)?,
            Op::Ldsfld(t) | Op::Ldsflda(t) | Op::Stsfld(t) => self.static_field(op_kind(op), t)?,
            Op::Call(t) => self.call(t, false)?,
            Op::Callvirt(t) => self.call(t, true)?,
            Op::Newobj(t) => self.newobj(t)?,
            Op::Newarr(t) => {
                let elem = self.class_of_token(t)?;
                let arr = self.rt.array_class(elem, 1)?;
                let n = self.pop()?;
                self.load_int(RSI, n);
                let l = self.fault(Fault::Overflow);
                x!(self; test rsi, rsi ; js =>l);
                let class = self.rt.class(arr);
                let done = self.a.new_dynamic_label();
                self.emit_array_alloc_fast(class, done);
                x!(self; mov rdi, QWORD class as *const _ as i64);
                self.call_abs(helpers::rt_new_array as *const () as u64);
                self.check_pending();
                x!(self; =>done);
                self.push_lazy(St::O, Loc::Rax);
            }
            Op::Ldlen => {
                let e = self.pop_lazy()?;
                self.load_int(RAX, e);
                self.null_check_before_access(RAX, ARRAY_LENGTH);
                x!(self; mov rax, QWORD [rax + ARRAY_LENGTH]);
                self.push_lazy(St::I, Loc::Rax);
            }
            Op::Ldelem(m) => {
                let slot = self.mem_slot(m);
                let size = if m == Mem::Ref { 8 } else { slot.size };
                self.element_address(size)?;
                self.load_mem_push(slot, RAX, 0);
            }
            Op::LdelemAny(t) => {
                let slot = self.type_slot(t)?;
                let size = if slot.st == St::O { 8 } else { slot.size };
                self.element_address(size)?;
                self.load_mem_push(slot, RAX, 0);
            }
            Op::Ldelema(t) => {
                let slot = self.type_slot(t)?;
                let size = if slot.st == St::O { 8 } else { slot.size };
                self.element_address(size)?;
                let off = self.push(St::Ptr);
                x!(self; mov QWORD [rbp + off], rax);
            }
            Op::Stelem(m) => self.stelem(self.mem_slot(m))?,
            Op::StelemAny(t) => {
                let slot = self.type_slot(t)?;
                self.stelem(slot)?;
            }
            Op::Box(t) => self.box_value(t)?,
            Op::Unbox(t) => {
                let cid = self.class_of_token(t)?;
                let e = self.pop()?;
                self.load_int(RDI, e);
                x!(self; mov rsi, QWORD self.rt.class(cid) as *const _ as i64);
                self.call_abs(helpers::rt_unbox as *const () as u64);
                self.check_pending();
                let off = self.push(St::Ptr);
                x!(self; mov QWORD [rbp + off], rax);
            }
            Op::UnboxAny(t) => {
                let cid = self.class_of_token(t)?;
                let class = self.rt.class(cid);
                let e = self.pop()?;
                self.load_int(RDI, e);
                x!(self; mov rsi, QWORD class as *const _ as i64);
                if class.is_value_type() {
                    self.call_abs(helpers::rt_unbox as *const () as u64);
                    self.check_pending();
                    let slot = self.type_slot(t)?;
                    self.load_mem_push(slot, RAX, 0);
                } else {
                    self.call_abs(helpers::rt_castclass as *const () as u64);
                    self.check_pending();
                    let off = self.push(St::O);
                    x!(self; mov QWORD [rbp + off], rax);
                }
            }
            Op::Castclass(t) | Op::Isinst(t) => {
                let cid = self.class_of_token(t)?;
                let is_cast = matches!(op, Op::Castclass(_));
                self.cast(cid, is_cast)?;
            }
            Op::Throw | Op::Rethrow => {
                if matches!(op, Op::Throw) {
                    let e = self.pop()?;
                    self.load_int(RDI, e);
                } else {
                    // The innermost catch handler around this rethrow: its own exception.
                    let slot = self
                        .exc_slots
                        .iter()
                        .find(|(r, _)| r.contains(&self.il))
                        .map(|&(_, slot)| slot)
                        .ok_or_else(|| self.err("rethrow outside a catch handler"))?;
                    x!(self; mov rdi, QWORD [rbp + slot]);
                }
                let kind = if matches!(op, Op::Throw) {
                    exceptions::THROW_MANAGED
                } else {
                    exceptions::THROW_RETHROW
                };
                let throw = self.rt.trampolines.throw;
                x!(self; mov esi, self.id.0 as i32 ; mov edx, self.il as i32 ; mov ecx, kind as i32 ; mov rax, QWORD throw as i64 ; call rax ; ud2);
                return Ok(false);
            }
            Op::Ldtoken(t) => {
                let value = self.ldtoken_value(t)?;
                let off = self.push(St::Vt {
                    class: self
                        .rt
                        .loader
                        .corlib_type("System", runtime_handle_name(t))?,
                    size: 8,
                });
                x!(self; mov rax, QWORD value as i64 ; mov QWORD [rbp + off], rax);
            }
            Op::Leave(t) => {
                self.stack.clear();
                // Run the finally handlers of every try block being left, innermost first.
                let handlers: Vec<u32> = self
                    .finallies
                    .iter()
                    .filter(|(r, _)| r.contains(&self.il) && !r.contains(&t))
                    .map(|(_, h)| *h)
                    .collect();
                for h in handlers {
                    let label = self.target(h)?;
                    x!(self; sub rsp, 8 ; call =>label ; add rsp, 8);
                }
                if self.next_il == Some(t) {
                    // Leaving to the instruction emitted next: fall through.
                    self.target(t)?;
                    return Ok(true);
                }
                self.branch_to(t)?;
                return Ok(false);
            }
            Op::Endfilter => {
                // A filter runs as a funclet called by the unwinder: its verdict goes in eax.
                let e = self.pop_lazy()?;
                self.load_i32(RAX, e);
                self.stack.clear();
                x!(self; ret);
                return Ok(false);
            }
            Op::Endfinally => {
                self.stack.clear();
                x!(self; ret);
                return Ok(false);
            }
        }
        Ok(true)
    }

    fn target(&self, il: u32) -> Result<DynamicLabel> {
        self.labels
            .get(il as usize)
            .copied()
            .flatten()
            .ok_or_else(|| self.err(format!("branch target IL_{il:04x} is not an instruction")))
    }

    /// The label of IL offset `il`, made on first use.
    fn label_at(&mut self, il: u32) {
        let i = il as usize;
        if i >= self.labels.len() {
            // Only a clause offset past the code (bad metadata) lands here.
            self.labels.resize(i + 1, None);
        }
        if self.labels[i].is_none() {
            self.labels[i] = Some(self.a.new_dynamic_label());
        }
    }

    /// Sets the evaluation stack to the state recorded for IL offset `il` (empty if none).
    fn restore_state(&mut self, il: u32) {
        self.stack.clear();
        if let Some(st) = self.states.get(&il) {
            self.stack.extend_from_slice(st);
        }
    }

    fn record_state(&mut self, il: u32) {
        if !self.states.contains_key(&il) {
            self.states.insert(il, self.stack.clone());
        }
    }

    fn branch_to(&mut self, il: u32) -> Result<()> {
        let label = self.target(il)?;
        self.record_state(il);
        x!(self; jmp =>label);
        Ok(())
    }

    fn emit_ret(&mut self) -> Result<()> {
        if let Some(slot) = self.ret {
            let e = self.pop_lazy()?;
            match slot.st {
                St::Vt { size, .. } => {
                    let off = self.off_of(e);
                    let rb = self.ret_buf_off;
                    x!(self; mov rcx, QWORD [rbp + rb]);
                    self.copy_block(RCX, 0, RBP, off, size);
                    x!(self; mov rax, rcx);
                }
                St::F | St::F32 => {
                    self.load_f(0, e);
                    if slot.ty.kind == ValueKind::R4 {
                        x!(self; cvtsd2ss xmm0, xmm0);
                    }
                }
                // Callers read results of 32 bits or fewer from eax only: no widening.
                _ => {
                    if e.st == St::I4 && slot.st == St::I4 {
                        self.load_i32(RAX, e);
                    } else {
                        self.load_int(RAX, e);
                    }
                    match slot.ty.kind {
                        ValueKind::Bool | ValueKind::U1 => x!(self; movzx eax, al),
                        ValueKind::I1 => x!(self; movsx eax, al),
                        ValueKind::I2 => x!(self; movsx eax, ax),
                        ValueKind::U2 | ValueKind::Char => x!(self; movzx eax, ax),
                        _ => {}
                    }
                }
            }
        }
        if !self.stack.is_empty() {
            return Err(self.err("evaluation stack not empty at ret"));
        }
        self.restore_callee_saves();
        self.epilogues.push(self.a.offset().0);
        x!(self; mov rsp, rbp ; pop rbp ; ret);
        Ok(())
    }

    /// Compares two integer-class operands (flags set as for `a - b`).
    fn cmp_ints(&mut self, a: Entry, b: Entry) {
        let narrow = a.st == St::I4 && b.st == St::I4;
        // b may be in rax (it is the top); move it out before loading a.
        if narrow {
            if let Loc::Const(v) = b.loc {
                self.load_i32(RAX, a);
                x!(self; cmp eax, v as i32);
            } else {
                self.load_i32(RCX, b);
                self.load_i32(RAX, a);
                x!(self; cmp eax, ecx);
            }
            return;
        }
        if b.loc == Loc::Rax {
            self.load_int(RCX, b);
            self.load_int(RAX, a);
            if narrow {
                x!(self; cmp eax, ecx);
            } else {
                x!(self; cmp rax, rcx);
            }
            return;
        }
        self.load_int(RAX, a);
        match b.loc {
            Loc::Const(v) if i32::try_from(v).is_ok() => {
                if narrow {
                    x!(self; cmp eax, v as i32);
                } else {
                    x!(self; cmp rax, v as i32);
                }
            }
            _ => {
                self.load_int(RCX, b);
                if narrow {
                    x!(self; cmp eax, ecx);
                } else {
                    x!(self; cmp rax, rcx);
                }
            }
        }
    }

    /// Compares two operands, leaves 0/1 in al.
    fn compare_entries(&mut self, cmp: Cmp, a: Entry, b: Entry) {
        if a.st.is_f() || b.st.is_f() {
            // b may be pending in xmm0: move it out before loading a.
            self.load_f(1, b);
            self.load_f(0, a);
            match cmp {
                Cmp::Eq => x!(self; ucomisd xmm0, xmm1 ; sete al ; setnp cl ; and al, cl),
                Cmp::Gt => x!(self; ucomisd xmm0, xmm1 ; seta al),
                Cmp::GtUn => x!(self; ucomisd xmm1, xmm0 ; setb al),
                Cmp::Lt => x!(self; ucomisd xmm1, xmm0 ; seta al),
                Cmp::LtUn => x!(self; ucomisd xmm0, xmm1 ; setb al),
            }
            return;
        }
        self.cmp_ints(a, b);
        match cmp {
            Cmp::Eq => x!(self; sete al),
            Cmp::Gt => x!(self; setg al),
            Cmp::GtUn => x!(self; seta al),
            Cmp::Lt => x!(self; setl al),
            Cmp::LtUn => x!(self; setb al),
        }
    }

    fn binary_result_type(&self, a: St, b: St, op: Bin) -> Result<St> {
        if matches!(op, Bin::Shl | Bin::Shr | Bin::ShrUn) {
            return Ok(a);
        }
        Ok(match (a, b) {
            (St::I4, St::I4) => St::I4,
            (St::I8, St::I8) => St::I8,
            (St::F32, St::F32) => St::F32,
            (a, b) if a.is_f() && b.is_f() => St::F,
            (St::I, St::I4) | (St::I4, St::I) | (St::I, St::I) => St::I,
            (St::Ptr, St::I4) | (St::Ptr, St::I) | (St::I4, St::Ptr) | (St::I, St::Ptr) => St::Ptr,
            (St::Ptr, St::Ptr) if op == Bin::Sub => St::I,
            (St::O, _) | (_, St::O) if matches!(op, Bin::And | Bin::Or | Bin::Xor) => St::I,
            (St::I8, St::I4) | (St::I4, St::I8) => St::I8,
            _ => return Err(self.err(format!("invalid operand types {a:?} and {b:?} for {op:?}"))),
        })
    }

    fn binary(&mut self, op: Bin) -> Result<()> {
        let mut b = self.pop_lazy()?;
        let mut a = self.pop_lazy()?;
        let rt = self.binary_result_type(a.st, b.st, op)?;
        let plain_int = |st: St| matches!(st, St::I4 | St::I8 | St::I);
        let int_operands = plain_int(a.st) && plain_int(b.st);
        if int_operands && plain_int(rt) {
            if let (Loc::Const(x), Loc::Const(y)) = (a.loc, b.loc) {
                if let Some(v) = fold_binary(op, rt != St::I4, x, y) {
                    self.push_lazy(rt, Loc::Const(v));
                    return Ok(());
                }
            }
            // A constant left operand of a commutative operation goes on the right, where
            // it can be an immediate.
            if matches!(a.loc, Loc::Const(_))
                && matches!(op, Bin::Add | Bin::Mul | Bin::And | Bin::Or | Bin::Xor)
            {
                std::mem::swap(&mut a, &mut b);
            }
        }
        if rt.is_f() {
            // b is the top and may be pending in xmm0: load it first.
            self.load_f(1, b);
            self.load_f(0, a);
            match op {
                Bin::Add => x!(self; addsd xmm0, xmm1),
                Bin::Sub => x!(self; subsd xmm0, xmm1),
                Bin::Mul => x!(self; mulsd xmm0, xmm1),
                Bin::Div => x!(self; divsd xmm0, xmm1),
                Bin::Rem => self.call_abs(helpers::rt_fmod as *const () as u64),
                _ => return Err(self.err(format!("{op:?} on floating-point operands"))),
            }
            if rt == St::F32 {
                // One float32 operation computed in double and rounded once is exact float32
                // arithmetic (53 >= 2*24+2 bits).
                x!(self; cvtsd2ss xmm0, xmm0 ; cvtss2sd xmm0, xmm0);
            }
            self.push_lazy(rt, Loc::Xmm0);
            return Ok(());
        }
        let wide = rt != St::I4;
        if wide && int_operands {
            if let Loc::Const(c) = b.loc {
                if let (Ok(c), true) = (
                    i32::try_from(c),
                    matches!(
                        op,
                        Bin::Add | Bin::Sub | Bin::Mul | Bin::And | Bin::Or | Bin::Xor
                    ),
                ) {
                    // A 64-bit operation with a constant that sign-extends from 32 bits.
                    self.load_int(RAX, a);
                    match op {
                        Bin::Add => x!(self; add rax, c),
                        Bin::Sub => x!(self; sub rax, c),
                        Bin::Mul => x!(self; imul rax, rax, c),
                        Bin::And => x!(self; and rax, c),
                        Bin::Or => x!(self; or rax, c),
                        _ => x!(self; xor rax, c),
                    }
                    self.push_lazy(rt, Loc::Rax);
                    return Ok(());
                }
            }
        }
        if !wide
            && matches!(
                op,
                Bin::Add
                    | Bin::Sub
                    | Bin::Mul
                    | Bin::And
                    | Bin::Or
                    | Bin::Xor
                    | Bin::Shl
                    | Bin::Shr
                    | Bin::ShrUn
            )
            && a.st == St::I4
            && b.st == St::I4
        {
            // 32-bit operations read only the low halves: no sign extension, and a constant
            // right operand is an immediate.
            if let Loc::Const(c) = b.loc {
                let c = c as i32;
                self.load_i32(RAX, a);
                match op {
                    Bin::Add => x!(self; add eax, c),
                    Bin::Sub => x!(self; sub eax, c),
                    Bin::Mul => x!(self; imul eax, eax, c),
                    Bin::And => x!(self; and eax, c),
                    Bin::Or => x!(self; or eax, c),
                    Bin::Xor => x!(self; xor eax, c),
                    Bin::Shl => x!(self; shl eax, (c & 31) as i8),
                    Bin::Shr => x!(self; sar eax, (c & 31) as i8),
                    _ => x!(self; shr eax, (c & 31) as i8),
                }
            } else {
                self.load_i32(RCX, b);
                self.load_i32(RAX, a);
                match op {
                    Bin::Add => x!(self; add eax, ecx),
                    Bin::Sub => x!(self; sub eax, ecx),
                    Bin::Mul => x!(self; imul eax, ecx),
                    Bin::And => x!(self; and eax, ecx),
                    Bin::Or => x!(self; or eax, ecx),
                    Bin::Xor => x!(self; xor eax, ecx),
                    Bin::Shl => x!(self; shl eax, cl),
                    Bin::Shr => x!(self; sar eax, cl),
                    _ => x!(self; shr eax, cl),
                }
            }
            self.push_lazy(rt, Loc::Rax);
            return Ok(());
        }
        if matches!(op, Bin::Shl | Bin::Shr | Bin::ShrUn) {
            self.load_int(RCX, b);
            self.load_int(RAX, a);
            match (op, wide) {
                (Bin::Shl, false) => x!(self; shl eax, cl),
                (Bin::Shr, false) => x!(self; sar eax, cl),
                (Bin::ShrUn, false) => x!(self; shr eax, cl),
                (Bin::Shl, true) => x!(self; shl rax, cl),
                (Bin::Shr, true) => x!(self; sar rax, cl),
                _ => x!(self; shr rax, cl),
            }
            self.push_lazy(rt, Loc::Rax);
            return Ok(());
        }
        // b is the top and may be in rax: load it first.
        self.load_int(RCX, b);
        self.load_int(RAX, a);
        match op {
            Bin::Add | Bin::Sub | Bin::Mul | Bin::And | Bin::Or | Bin::Xor => match (op, wide) {
                (Bin::Add, false) => x!(self; add eax, ecx),
                (Bin::Add, true) => x!(self; add rax, rcx),
                (Bin::Sub, false) => x!(self; sub eax, ecx),
                (Bin::Sub, true) => x!(self; sub rax, rcx),
                (Bin::Mul, false) => x!(self; imul eax, ecx),
                (Bin::Mul, true) => x!(self; imul rax, rcx),
                (Bin::And, _) => x!(self; and rax, rcx),
                (Bin::Or, _) => x!(self; or rax, rcx),
                _ => x!(self; xor rax, rcx),
            },
            Bin::AddOvf | Bin::SubOvf | Bin::MulOvf | Bin::AddOvfUn | Bin::SubOvfUn => {
                let l = self.fault(Fault::Overflow);
                match (op, wide) {
                    (Bin::AddOvf, false) => x!(self; add eax, ecx ; jo =>l),
                    (Bin::AddOvf, true) => x!(self; add rax, rcx ; jo =>l),
                    (Bin::SubOvf, false) => x!(self; sub eax, ecx ; jo =>l),
                    (Bin::SubOvf, true) => x!(self; sub rax, rcx ; jo =>l),
                    (Bin::MulOvf, false) => x!(self; imul eax, ecx ; jo =>l),
                    (Bin::MulOvf, true) => x!(self; imul rax, rcx ; jo =>l),
                    (Bin::AddOvfUn, false) => x!(self; add eax, ecx ; jc =>l),
                    (Bin::AddOvfUn, true) => x!(self; add rax, rcx ; jc =>l),
                    (Bin::SubOvfUn, false) => x!(self; sub eax, ecx ; jc =>l),
                    _ => x!(self; sub rax, rcx ; jc =>l),
                }
            }
            Bin::MulOvfUn => {
                let l = self.fault(Fault::Overflow);
                if wide {
                    x!(self; mul rcx ; jc =>l);
                } else {
                    x!(self; mul ecx ; jc =>l);
                }
            }
            Bin::Div | Bin::Rem | Bin::DivUn | Bin::RemUn => {
                let zero = self.fault(Fault::DivideByZero);
                if wide {
                    x!(self; test rcx, rcx ; jz =>zero);
                } else {
                    x!(self; test ecx, ecx ; jz =>zero);
                }
                match op {
                    Bin::Div | Bin::Rem => {
                        let ovf = self.fault(Fault::Overflow);
                        let ok = self.a.new_dynamic_label();
                        if wide {
                            x!(self; cmp rcx, -1 ; jne =>ok ; mov rdx, QWORD i64::MIN ; cmp rax, rdx ; je =>ovf ; =>ok ; cqo ; idiv rcx);
                        } else {
                            x!(self; cmp ecx, -1 ; jne =>ok ; cmp eax, i32::MIN ; je =>ovf ; =>ok ; cdq ; idiv ecx);
                        }
                    }
                    _ => {
                        if wide {
                            x!(self; xor edx, edx ; div rcx);
                        } else {
                            x!(self; xor edx, edx ; div ecx);
                        }
                    }
                }
                if matches!(op, Bin::Rem | Bin::RemUn) {
                    x!(self; mov rax, rdx);
                }
            }
            Bin::Shl | Bin::Shr | Bin::ShrUn => unreachable!("handled above"),
        }
        self.push_lazy(rt, Loc::Rax);
        Ok(())
    }

    fn conv(&mut self, to: ConvTo, ovf: bool, un: bool) -> Result<()> {
        let e = self.pop_lazy()?;
        let result = match to {
            ConvTo::I1 | ConvTo::U1 | ConvTo::I2 | ConvTo::U2 | ConvTo::I4 | ConvTo::U4 => St::I4,
            ConvTo::I8 | ConvTo::U8 => St::I8,
            ConvTo::I | ConvTo::U => St::I,
            ConvTo::R4 => St::F32,
            ConvTo::R8 | ConvTo::RUn => St::F,
        };
        if e.st.is_f() {
            self.load_f(0, e);
            match to {
                ConvTo::R4 => x!(self; cvtsd2ss xmm0, xmm0 ; cvtss2sd xmm0, xmm0),
                ConvTo::R8 | ConvTo::RUn => {}
                _ => {
                    if ovf {
                        x!(self; mov edi, to as i32);
                        self.call_abs(helpers::rt_f2i_checked as *const () as u64);
                        x!(self; test dl, dl);
                        let l = self.fault(Fault::Overflow);
                        x!(self; jnz =>l);
                    } else {
                        match to {
                            ConvTo::I8 | ConvTo::I => x!(self; cvttsd2si rax, xmm0),
                            ConvTo::U8 | ConvTo::U => {
                                self.call_abs(helpers::rt_f2u8 as *const () as u64)
                            }
                            ConvTo::U4 => x!(self; cvttsd2si rax, xmm0),
                            _ => x!(self; cvttsd2si eax, xmm0),
                        }
                    }
                    self.narrow_rax(to);
                    self.push_lazy(result, Loc::Rax);
                    return Ok(());
                }
            }
            self.push_lazy(result, Loc::Xmm0);
            return Ok(());
        }
        // Integer source: widen to 64 bits by the source's signedness.
        // int32 sources widen by sign, except for unsigned conversions (conv.u8, conv.u and
        // the .un forms), which widen by zero.
        let zero_extend = un || (!ovf && matches!(to, ConvTo::U8 | ConvTo::U));
        if let (Loc::Const(v), false, St::I4 | St::I8 | St::I) = (e.loc, ovf, e.st) {
            if let Some(v) = fold_conv(to, zero_extend, e.st == St::I4, v) {
                self.push_lazy(result, Loc::Const(v));
                return Ok(());
            }
        }
        self.load_int(RAX, e);
        if zero_extend && e.st == St::I4 {
            x!(self; mov eax, eax);
        }
        let source_is_32 = e.st == St::I4;
        match to {
            ConvTo::R4 | ConvTo::R8 => {
                if to == ConvTo::R4 {
                    // Straight to float32: going through double could round twice.
                    x!(self; cvtsi2ss xmm0, rax ; cvtss2sd xmm0, xmm0);
                } else {
                    x!(self; cvtsi2sd xmm0, rax);
                }
                self.push_lazy(result, Loc::Xmm0);
                return Ok(());
            }
            ConvTo::RUn => {
                if source_is_32 {
                    x!(self; mov eax, eax ; cvtsi2sd xmm0, rax);
                } else {
                    x!(self; mov rdi, rax);
                    self.call_abs(helpers::rt_u8_to_f as *const () as u64);
                }
                self.push_lazy(St::F, Loc::Xmm0);
                return Ok(());
            }
            _ => {}
        }
        if ovf {
            // rax holds the source value, sign- or zero-extended as its signedness demands.
            if !un && !source_is_32 || !un && source_is_32 {
                // Signed source: compare as i64.
                let (lo, hi): (i64, i64) = match to {
                    ConvTo::I1 => (i8::MIN as i64, i8::MAX as i64),
                    ConvTo::U1 => (0, u8::MAX as i64),
                    ConvTo::I2 => (i16::MIN as i64, i16::MAX as i64),
                    ConvTo::U2 => (0, u16::MAX as i64),
                    ConvTo::I4 => (i32::MIN as i64, i32::MAX as i64),
                    ConvTo::U4 => (0, u32::MAX as i64),
                    ConvTo::I8 | ConvTo::I => (i64::MIN, i64::MAX),
                    _ => (0, i64::MAX),
                };
                let l = self.fault(Fault::Overflow);
                x!(self; mov rcx, QWORD lo ; cmp rax, rcx ; jl =>l ; mov rcx, QWORD hi ; cmp rax, rcx ; jg =>l);
            } else {
                // Unsigned source: compare as u64.
                let hi: u64 = match to {
                    ConvTo::I1 => i8::MAX as u64,
                    ConvTo::U1 => u8::MAX as u64,
                    ConvTo::I2 => i16::MAX as u64,
                    ConvTo::U2 => u16::MAX as u64,
                    ConvTo::I4 => i32::MAX as u64,
                    ConvTo::U4 => u32::MAX as u64,
                    ConvTo::I8 | ConvTo::I => i64::MAX as u64,
                    _ => u64::MAX,
                };
                let l = self.fault(Fault::Overflow);
                x!(self; mov rcx, QWORD hi as i64 ; cmp rax, rcx ; ja =>l);
            }
        }
        self.narrow_rax(to);
        self.push_lazy(result, Loc::Rax);
        Ok(())
    }

    /// Truncates and re-extends rax to the conversion's target width.
    fn narrow_rax(&mut self, to: ConvTo) {
        match to {
            ConvTo::I1 => x!(self; movsx eax, al),
            ConvTo::U1 => x!(self; movzx eax, al),
            ConvTo::I2 => x!(self; movsx eax, ax),
            ConvTo::U2 => x!(self; movzx eax, ax),
            ConvTo::I4 | ConvTo::U4 => x!(self; mov eax, eax),
            _ => {}
        }
    }

    // ---- types, fields and objects ----------------------------------------------------

    fn resolve_type_sig(&self, t: Token) -> Result<Option<TypeSig>> {
        if t.table() == Some(TableId::TypeSpec) {
            self.asm.check_row(TableId::TypeSpec, t.row(), t)?;
            let blob = self.asm.type_spec_blob(t.row())?;
            let sig = signature::parse_type_spec(blob)
                .map_err(|e| self.err(format!("bad TypeSpec {t}: {}", e.message)))?;
            return Ok(Some(sig));
        }
        Ok(None)
    }

    /// The runtime class a type token names (arrays included).
    fn class_of_token(&self, t: Token) -> Result<ClassId> {
        if let Some(sig) = self.resolve_type_sig(t)? {
            return self.class_of_sig(&sig);
        }
        let k = self.rt.loader.resolve_type_token(self.aidx, t)?;
        self.rt.class_of(k)
    }

    fn class_of_sig(&self, sig: &TypeSig) -> Result<ClassId> {
        match sig.strip_modifiers() {
            TypeSig::SzArray(e) => {
                let ec = self.class_of_sig(e)?;
                self.rt.array_class(ec, 1)
            }
            TypeSig::Array { elem, rank, .. } => {
                let ec = self.class_of_sig(elem)?;
                self.rt.array_class(ec, *rank)
            }
            TypeSig::GenericInst { .. } | TypeSig::Var(_) | TypeSig::MVar(_) => {
                Err(self.err("generic types are not supported yet"))
            }
            other => match self.rt.loader.sig_class(self.aidx, other)? {
                Some(k) => self.rt.class_of(k),
                None => Err(self.err(format!("type {other} has no class"))),
            },
        }
    }

    /// The storage slot of a type token used by ldobj, stobj, ldelem, sizeof and friends.
    fn type_slot(&self, t: Token) -> Result<Slot> {
        if let Some(sig) = self.resolve_type_sig(t)? {
            return self.rt.slot_of_sig(self.aidx, &sig, false);
        }
        let k = self.rt.loader.resolve_type_token(self.aidx, t)?;
        let info = self.rt.loader.class(k)?;
        if info.is_value_type() {
            self.rt
                .slot_of_field_type(self.rt.loader.value_type_kind(k))
        } else {
            Ok(Slot {
                ty: FieldType {
                    kind: ValueKind::Ref,
                    class: Some(k),
                },
                st: St::O,
                size: 8,
            })
        }
    }

    fn field_info(&self, t: Token) -> Result<(TypeKey, vcall_metadata::class::FieldInfo)> {
        let fk = self.rt.loader.resolve_field_token(self.aidx, t)?;
        let owner = self.rt.loader.field_owner(fk);
        let info = self.rt.loader.class(owner)?;
        let f = info
            .field(fk)
            .cloned()
            .ok_or_else(|| self.err(format!("field {t} not found in {}", info.full_name())))?;
        Ok((owner, f))
    }

    fn instance_field(&mut self, kind: FieldOp, t: Token) -> Result<()> {
        let (owner, f) = self.field_info(t)?;
        if f.is_static {
            return Err(self.err(format!("instance field access to static field {}", f.name)));
        }
        let slot = self.rt.slot_of_field_type(f.ty)?;
        let owner_is_vt = self.rt.loader.class_ref(owner)?.is_value_type();
        match kind {
            FieldOp::Load => {
                let obj = self.pop_lazy()?;
                if let St::Vt { .. } = obj.st {
                    // ldfld on a struct value on the stack: read it in place, then re-push.
                    let src = self.off_of(obj);
                    x!(self; lea rcx, [rbp + src]);
                    let tmp_off = f.offset as i32;
                    // The value is about to be overwritten by the pushed field; copy via r11 first.
                    if let St::Vt { size, .. } = slot.st {
                        // Move the field to the top first using the outgoing area as scratch.
                        let scratch = self.scratch(size);
                        self.copy_block(RBP, scratch, RCX, tmp_off, size);
                        let off = self.push(slot.st);
                        self.copy_block(RBP, off, RBP, scratch, size);
                    } else {
                        self.load_mem_push(slot, RCX, tmp_off);
                    }
                    return Ok(());
                }
                let base = self.base_register(obj, !matches!(slot.st, St::Vt { .. }));
                let disp = field_disp(&f, owner_is_vt, obj.st);
                self.null_check_before_access(base, disp);
                self.load_mem_push(slot, base, disp);
            }
            FieldOp::Address => {
                let obj = self.pop_lazy()?;
                self.load_int(RCX, obj);
                let l = self.fault(Fault::NullReferenceChecked);
                x!(self; test rcx, rcx ; jz =>l);
                let disp = field_disp(&f, owner_is_vt, obj.st);
                x!(self; lea rax, [rcx + disp]);
                self.push_lazy(St::Ptr, Loc::Rax);
            }
            FieldOp::Store => {
                // The value may be pending in rax or xmm0, which the object load leaves alone.
                let v = self.pop_lazy()?;
                let obj = self.pop_lazy()?;
                let base = self.base_register(obj, false);
                let disp = field_disp(&f, owner_is_vt, obj.st);
                self.null_check_before_access(base, disp);
                self.store_mem(slot, v, base, disp);
            }
        }
        Ok(())
    }

    /// The register to address through for a pointer-sized entry: the variable's own register
    /// or (where the access will not need rax first) rax itself, instead of a copy in rcx.
    fn base_register(&mut self, e: Entry, rax_ok: bool) -> u8 {
        match e.loc {
            Loc::Reg(r, _) if e.st != St::I4 => r,
            Loc::Rax if rax_ok && e.st != St::I4 => RAX,
            _ => {
                self.load_int(RCX, e);
                RCX
            }
        }
    }

    /// A frame area below the evaluation stack used as scratch within one instruction.
    fn scratch(&mut self, size: u32) -> i32 {
        self.frame_touched.set(true);
        let top = self.top_pos();
        let need = top + 2 * size.div_ceil(8) * 8 + 8;
        self.max_eval = self.max_eval.max(need);
        -((self.eval_base + need) as i32)
    }

    fn static_field(&mut self, kind: FieldOp, t: Token) -> Result<()> {
        let (owner, f) = self.field_info(t)?;
        if !f.is_static {
            return Err(self.err(format!("static field access to instance field {}", f.name)));
        }
        if f.is_literal {
            return Err(self.err(format!("access to literal field {} has no storage", f.name)));
        }
        let cid = self.static_access_init(owner)?;
        let addr = self.rt.class(cid).statics_addr() + f.offset as u64;
        let slot = self.rt.slot_of_field_type(f.ty)?;
        x!(self; mov rcx, QWORD addr as i64);
        match kind {
            FieldOp::Load => self.load_mem_push(slot, RCX, 0),
            FieldOp::Address => {
                let off = self.push(St::Ptr);
                x!(self; mov QWORD [rbp + off], rcx);
            }
            FieldOp::Store => {
                let v = self.pop()?;
                self.store_mem(slot, v, RCX, 0);
            }
        }
        Ok(())
    }

    /// Pops array and index, bounds-checks, leaves the element address in rax.
    fn element_address(&mut self, size: u32) -> Result<()> {
        // Either operand may be pending in rax: the array goes to rcx first.
        let idx = self.pop_lazy()?;
        let arr = self.pop_lazy()?;
        self.load_int(RCX, arr);
        self.null_check_before_access(RCX, ARRAY_LENGTH);
        self.load_int(RAX, idx);
        let l = self.fault(Fault::IndexOutOfRange);
        x!(self; cmp rax, QWORD [rcx + ARRAY_LENGTH] ; jae =>l);
        match size {
            1 => x!(self; lea rax, [rcx + rax + ARRAY_DATA]),
            2 => x!(self; lea rax, [rcx + rax * 2 + ARRAY_DATA]),
            4 => x!(self; lea rax, [rcx + rax * 4 + ARRAY_DATA]),
            8 => x!(self; lea rax, [rcx + rax * 8 + ARRAY_DATA]),
            n => x!(self; imul rax, rax, n as i32 ; lea rax, [rcx + rax + ARRAY_DATA]),
        }
        Ok(())
    }

    fn stelem(&mut self, slot: Slot) -> Result<()> {
        if slot.st == St::O {
            // The store check inline: null, the element type itself, object[] and a value whose
            // supertype display holds the element class (at the element's depth) need no call;
            // interfaces, covariant arrays and every failure go through the helper.
            let v = self.pop_lazy()?;
            let i = self.pop_lazy()?;
            let a = self.pop_lazy()?;
            self.load_int(RDI, a);
            self.load_int(RSI, i);
            self.load_int(RDX, v);
            let store = self.a.new_dynamic_label();
            let done = self.a.new_dynamic_label();
            let object_vt = self
                .rt
                .well_known
                .borrow()
                .object
                .map(|o| self.rt.class(o).vtable_addr())
                .unwrap_or(0) as i64;
            // A null array faults on its vtable load or on the bounds check: NullReference.
            x!(self; test rdx, rdx ; jz =>store
                ; mov rax, QWORD [rdi] ; mov rax, QWORD [rax + VTABLE_SUPERTYPES] ; mov rax, QWORD [rax + DISPLAY_ELEMENT]
                ; mov rcx, QWORD [rdx] ; cmp rax, rcx ; je =>store ; mov r11, QWORD object_vt ; cmp rax, r11 ; je =>store
                ; mov r11, QWORD [rax + VTABLE_SUPERTYPES] ; mov r11, QWORD [r11 + DISPLAY_DEPTH]
                ; mov rcx, QWORD [rcx + VTABLE_SUPERTYPES] ; cmp QWORD [rcx + DISPLAY_DEPTH], r11 ; jb >slow
                ; cmp QWORD [rcx + r11 * 8 + DISPLAY_SUPERTYPES], rax ; je =>store
                ; slow: ; mov ecx, self.il as i32);
            self.call_abs(helpers::rt_stelem_ref as *const () as u64);
            self.check_pending();
            x!(self; jmp =>done ; =>store);
            let l = self.fault(Fault::IndexOutOfRange);
            x!(self; cmp rsi, QWORD [rdi + ARRAY_LENGTH] ; jae =>l ; mov QWORD [rdi + rsi * 8 + ARRAY_DATA], rdx ; =>done);
            return Ok(());
        }
        // element_address clobbers rax and the store goes through rdx: a value pending in a
        // scratch register goes to its slot first; variables and constants are read in place.
        let mut v = self.pop_lazy()?;
        if matches!(v.loc, Loc::Rax | Loc::Rdx | Loc::Xmm0) {
            self.store_pending(v);
            v.loc = Loc::Slot;
        }
        let size = slot.size;
        self.element_address(size)?;
        x!(self; mov rdx, rax);
        self.store_mem(slot, v, RDX, 0);
        Ok(())
    }

    /// castclass/isinst, inline as in Mono: null, the exact class and, for a class target, the
    /// supertype display decide without a call; interfaces, arrays and failing casts (which
    /// raise InvalidCastException with its message) go to the runtime helper.
    fn cast(&mut self, cid: ClassId, is_cast: bool) -> Result<()> {
        let class = self.rt.class(cid);
        let e = self.pop_lazy()?;
        self.load_int(RDI, e);
        let done = self.a.new_dynamic_label();
        let slow = self.a.new_dynamic_label();
        let vt = class.vtable_addr() as i64;
        x!(self; mov rax, rdi ; test rdi, rdi ; jz =>done ; mov rcx, QWORD [rdi] ; mov r11, QWORD vt ; cmp rcx, r11 ; je =>done);
        let by_display = !class.is_interface() && !class.is_array() && !class.is_value_type();
        // For a class or value-type target the inline tests decide; only a failing cast needs
        // the helper (to raise).
        let decided = by_display || class.is_value_type();
        let fail = if decided && !is_cast {
            self.a.new_dynamic_label()
        } else {
            slow
        };
        if by_display {
            let depth = class.supertypes.len() as i32 - 1;
            let entry = DISPLAY_SUPERTYPES + 8 * depth;
            x!(self; mov rcx, QWORD [rcx + VTABLE_SUPERTYPES] ; cmp QWORD [rcx + DISPLAY_DEPTH], depth ; jb =>fail ; cmp QWORD [rcx + entry], r11 ; je =>done);
        }
        // Interfaces and arrays: the class the site last accepted passes inline, and for
        // isinst the class it last rejected fails inline.
        let cache = (!decided).then(helpers::new_cast_cache);
        if let Some(cell) = cache {
            let cell = cell as *const _ as i64;
            x!(self; mov r11, QWORD cell ; cmp rcx, QWORD [r11] ; je =>done);
            if !is_cast {
                x!(self; cmp rcx, QWORD [r11 + 8] ; jne =>slow ; xor eax, eax ; jmp =>done);
            }
        }
        if fail != slow {
            // A decided isinst: what the tests above did not accept is null.
            x!(self; =>fail ; xor eax, eax);
        } else {
            let helper = match (cache.is_some(), is_cast) {
                (true, true) => helpers::rt_castclass_cached as *const () as u64,
                (true, false) => helpers::rt_isinst_cached as *const () as u64,
                // A decided castclass reaches the helper only to raise.
                (false, _) => helpers::rt_castclass as *const () as u64,
            };
            x!(self; =>slow ; mov rsi, QWORD class as *const _ as i64);
            if let Some(cell) = cache {
                x!(self; mov rdx, QWORD cell as *const _ as i64);
            }
            self.call_abs(helper);
            if is_cast {
                self.check_pending();
            }
        }
        x!(self; =>done);
        self.push_lazy(St::O, Loc::Rax);
        Ok(())
    }

    fn box_value(&mut self, t: Token) -> Result<()> {
        let cid = self.class_of_token(t)?;
        let class = self.rt.class(cid);
        if !class.is_value_type() {
            return Ok(()); // boxing a reference type is a no-op
        }
        let slot = self.type_slot(t)?;
        let e = self.pop()?;
        self.emit_alloc(class);
        x!(self; mov rdx, rax);
        // The value entry is below the new top; store it into the box before pushing.
        self.store_mem(slot, e, RDX, OBJ_HEADER);
        let off = self.push(St::O);
        x!(self; mov QWORD [rbp + off], rdx);
        Ok(())
    }

    fn ldtoken_value(&self, t: Token) -> Result<u64> {
        match t.table() {
            Some(TableId::Field) | Some(TableId::MemberRef) => {
                let fk = self.rt.loader.resolve_field_token(self.aidx, t)?;
                let owner = self.rt.loader.field_owner(fk);
                let info = self.rt.loader.class(owner)?;
                let f = info
                    .field(fk)
                    .ok_or_else(|| self.err("ldtoken field not found"))?;
                let rva = f.rva.ok_or_else(|| {
                    self.err(format!("ldtoken of field {} without initial data", f.name))
                })?;
                Ok(helpers::field_data_handle(self.rt, fk.assembly, rva)?)
            }
            _ => {
                let cid = self.class_of_token(t)?;
                Ok(self.rt.class(cid) as *const _ as u64)
            }
        }
    }

    // ---- calls -------------------------------------------------------------------------

    /// Loads the arguments of a call from the stack into registers and the outgoing area.
    /// Returns the popped entries (first = `this` if any) and the result location.
    fn load_call_args(
        &mut self,
        shape: &CallShape,
        skip_this: bool,
    ) -> Result<(SmallVec<[Entry; 8]>, Option<i32>)> {
        let n = shape.params.len() + usize::from(shape.has_this && !skip_this);
        if self.stack.len() < n {
            return Err(self.err("evaluation stack underflow at call"));
        }
        let entries: SmallVec<[Entry; 8]> = self.stack.drain(self.stack.len() - n..).collect();
        let ret_buf = shape.ret_buf_loc;
        let locs = if skip_this && shape.has_this {
            &shape.arg_locs[1..]
        } else {
            &shape.arg_locs[..]
        };
        let result_off = match shape.ret {
            Some(
                slot @ Slot {
                    st: St::Vt { .. }, ..
                },
            ) => {
                let pos = self.top_pos();
                self.max_eval = self.max_eval.max(pos + slot.st.bytes());
                Some(-((self.eval_base + pos + slot.st.bytes()) as i32))
            }
            _ => None,
        };
        let stack_words = locs
            .iter()
            .chain(ret_buf.iter())
            .filter(|l| matches!(l, ArgLoc::Stack(_)))
            .count() as u32;
        self.max_out = self.max_out.max(stack_words * 8);
        let params_start = usize::from(shape.has_this && !skip_this);
        let param_of = |i: usize| (i >= params_start).then(|| shape.params[i - params_start]);
        // An argument still pending in rax or xmm0 goes to its register before any other load
        // can clobber it; one that goes elsewhere is stored to its slot first.
        let mut loaded: SmallVec<[bool; 8]> = SmallVec::from_elem(false, entries.len());
        for (i, (e, loc)) in entries.iter().zip(locs.iter()).enumerate() {
            match (e.loc, *loc) {
                (Loc::Rax, ArgLoc::Int(r)) if e.st.is_int_class() => {
                    self.load_int_arg(r, *e, param_of(i));
                    loaded[i] = true;
                }
                (Loc::Xmm0, ArgLoc::Float(xr)) if e.st.is_f() => {
                    self.load_f(xr, *e);
                    if param_of(i).is_some_and(|p| p.ty.kind == ValueKind::R4) {
                        x!(self; cvtsd2ss Rx(xr), Rx(xr));
                    }
                    loaded[i] = true;
                }
                (Loc::Rax | Loc::Xmm0, _) => self.store_pending(*e),
                _ => {}
            }
        }
        for (i, (e, loc)) in entries.iter().zip(locs.iter()).enumerate() {
            if loaded[i] {
                continue;
            }
            let e = &Entry {
                loc: if matches!(e.loc, Loc::Rax | Loc::Xmm0) {
                    Loc::Slot
                } else {
                    e.loc
                },
                ..*e
            };
            let off = self.off_of(*e);
            let param = param_of(i);
            let is_r4 = param.map(|p| p.ty.kind == ValueKind::R4).unwrap_or(false);
            match (*loc, e.st) {
                (ArgLoc::Int(r), St::Vt { .. }) => x!(self; lea Rq(r), [rbp + off]),
                (ArgLoc::Int(r), St::F | St::F32) => {
                    self.load_f(15, *e);
                    x!(self; cvttsd2si Rq(r), xmm15);
                }
                (ArgLoc::Int(r), _) => self.load_int_arg(r, *e, param),
                (ArgLoc::Float(xr), St::F | St::F32) => {
                    self.load_f(xr, *e);
                    if is_r4 {
                        x!(self; cvtsd2ss Rx(xr), Rx(xr));
                    }
                }
                (ArgLoc::Float(xr), _) => {
                    self.load_int(RAX, *e);
                    x!(self; cvtsi2sd Rx(xr), rax);
                }
                (ArgLoc::Stack(k), St::Vt { .. }) => {
                    let dst = 8 * k as i32;
                    x!(self; lea rax, [rbp + off] ; mov QWORD [rsp + dst], rax);
                }
                (ArgLoc::Stack(k), St::F | St::F32) => {
                    let dst = 8 * k as i32;
                    self.load_f(15, *e);
                    if is_r4 {
                        x!(self; cvtsd2ss xmm15, xmm15 ; movss DWORD [rsp + dst], xmm15);
                    } else {
                        x!(self; movsd QWORD [rsp + dst], xmm15);
                    }
                }
                (ArgLoc::Stack(k), _) => {
                    let dst = 8 * k as i32;
                    self.load_int(RAX, *e);
                    x!(self; mov QWORD [rsp + dst], rax);
                }
            }
        }
        if let (Some(loc), Some(roff)) = (ret_buf, result_off) {
            match loc {
                ArgLoc::Int(r) => x!(self; lea Rq(r), [rbp + roff]),
                _ => return Err(self.err("return buffer must be passed in a register")),
            }
        }
        Ok((entries, result_off))
    }

    /// Loads an integer-class argument into its register: an int32 passed to a parameter of
    /// 32 bits or fewer needs only its low half (callees and Rust natives read no more).
    fn load_int_arg(&mut self, reg: u8, e: Entry, param: Option<Slot>) {
        match param {
            Some(p) if e.st == St::I4 && p.ty.kind.size() <= 4 && p.st == St::I4 => {
                self.load_i32(reg, e)
            }
            _ => self.load_int(reg, e),
        }
    }

    /// Pushes the call's result (in rax/xmm0 or already in the buffer).
    fn push_result(&mut self, shape: &CallShape) {
        let Some(slot) = shape.ret else { return };
        match slot.st {
            St::Vt { .. } => {
                self.push(slot.st);
            }
            St::F | St::F32 => {
                if slot.ty.kind == ValueKind::R4 {
                    x!(self; cvtss2sd xmm0, xmm0);
                }
                self.push_lazy(slot.st, Loc::Xmm0);
            }
            st => {
                match slot.ty.kind {
                    ValueKind::Bool | ValueKind::U1 => x!(self; movzx eax, al),
                    ValueKind::I1 => x!(self; movsx eax, al),
                    ValueKind::I2 => x!(self; movsx eax, ax),
                    ValueKind::U2 | ValueKind::Char => x!(self; movzx eax, ax),
                    _ => {}
                }
                self.push_lazy(st, Loc::Rax);
            }
        }
    }

    fn this_reg(shape: &CallShape) -> u8 {
        if matches!(
            shape.ret,
            Some(Slot {
                st: St::Vt { .. },
                ..
            })
        ) {
            INT_ARG_REGS[1]
        } else {
            INT_ARG_REGS[0]
        }
    }

    fn call(&mut self, t: Token, is_callvirt: bool) -> Result<()> {
        if let Some(r) = self.array_method(t)? {
            return self.md_array_call(r);
        }
        let target = self.rt.resolve_method_cached(self.aidx, t)?;
        let mid = self.rt.method_id(target);
        let callee = self.rt.method(mid);
        let sig_shape = self.rt.sig_and_shape(&callee)?;
        let sig = &sig_shape.0;
        let shape = &sig_shape.1;
        let tasm = self.rt.loader.assembly_at(target.assembly);
        let flags = tasm.method_def(target.row).flags;
        let owner = self.rt.loader.method_owner(target);
        let owner_info = self.rt.loader.class_ref(owner)?;
        let constrained = self.constrained.take();
        let nargs = shape.params.len() + usize::from(shape.has_this);
        for i in 0..self.stack.len().saturating_sub(nargs) {
            if matches!(self.stack[i].loc, Loc::Rax | Loc::Xmm0) {
                self.materialize(i);
            }
        }
        if constrained.is_none() && self.try_intrinsic(target, owner)? {
            return Ok(());
        }

        if let Some(ct) = constrained {
            self.materialize_all();
            // `constrained. T callvirt M`: a value type implementing M is called directly with
            // the managed pointer; otherwise the pointer is dereferenced (reference types) or
            // the value boxed.
            let cid = self.class_of_token(ct)?;
            let class = self.rt.class(cid);
            let this_depth = shape.params.len();
            let this_entry = self.peek(this_depth)?;
            if class.is_value_type() {
                let name = self.rt.loader.method_name(target);
                let key = self.rt.loader.method_sig_key(target.assembly, &sig);
                if let Some(m) = self.rt.loader.find_method_in(class.info.key, &name, &key)? {
                    let mid = self.rt.method_id(m);
                    let mshape = self.rt.call_shape(m, &self.rt.loader.method_sig(m)?)?;
                    self.load_call_args(&mshape, false)?;
                    let dest = self.rt.direct_call_target(mid)?;
                    self.call_direct(dest);
                    self.push_result(&mshape);
                    return Ok(());
                }
                // Box the value in place of the pointer, then dispatch normally.
                let off = self.off_of(this_entry);
                x!(self; mov rdi, QWORD class as *const _ as i64);
                self.call_abs(helpers::rt_alloc as *const () as u64);
                self.check_pending();
                x!(self; mov rdx, rax ; mov rcx, QWORD [rbp + off]);
                let size = class.info.instance_size;
                self.copy_block(2, OBJ_HEADER, RCX, 0, size);
                x!(self; mov QWORD [rbp + off], rdx);
            } else {
                let off = self.off_of(this_entry);
                x!(self; mov rax, QWORD [rbp + off] ; mov rax, QWORD [rax] ; mov QWORD [rbp + off], rax);
            }
            let idx = self.stack.len() - 1 - this_depth;
            self.stack[idx].st = St::O;
        }

        // Natives are called straight through their Rust address.
        let is_virtual = flags & MA_VIRTUAL != 0;
        let sealed = owner_info.flags.has(ClassFlags::SEALED) || flags & 0x20 != 0; // final
        if is_callvirt && is_virtual && !(sealed && !owner_info.is_interface()) {
            let (_entries, _) = self.load_call_args(shape, false)?;
            let this = Self::this_reg(shape);
            self.null_check_before_access(this, 0);
            x!(self; mov rax, QWORD [Rq(this)]);
            if owner_info.is_interface() {
                let slot = self.rt.loader.imt_slot(target)? % self.rt.options.imt_size;
                x!(self; mov r10d, mid.0 as i32);
                let disp = imt_slot_offset(slot, self.rt.options.imt_size);
                self.emit_bytes(&callsite::encode_indirect_call(Reg::RAX, disp));
            } else {
                let slot = owner_info.slot_of(target).ok_or_else(|| {
                    self.err(format!(
                        "{} has no vtable slot",
                        self.rt.loader.method_display(target)
                    ))
                })?;
                self.emit_bytes(&callsite::encode_indirect_call(
                    Reg::RAX,
                    vtable_slot_offset(slot),
                ));
            }
            self.push_result(shape);
            return Ok(());
        }
        if self.inline_args.is_none() && target.assembly == self.aidx {
            if let Some(body) = self.rt.inline_candidate(&callee, shape)? {
                return self.inline_call(shape, &body, is_callvirt);
            }
        }
        if flags & vcall_metadata_abstract() != 0 {
            return Err(self.err(format!(
                "non-virtual call to abstract method {}",
                self.rt.loader.method_display(target)
            )));
        }
        self.load_call_args(shape, false)?;
        if is_callvirt && shape.has_this {
            let this = Self::this_reg(shape);
            self.null_check(this);
        }
        let native = self.native_address(mid, target)?;
        match native {
            Some(f) => {
                self.call_abs(f);
                self.check_pending();
            }
            None => {
                let dest = self.rt.direct_call_target(mid)?;
                self.call_direct(dest);
            }
        }
        self.push_result(shape);
        Ok(())
    }

    /// Pushes a copy of an inlined callee's argument, converted as the callee's declared
    /// parameter type would have stored it.
    fn inline_ldarg(&mut self, n: u16) -> Result<()> {
        let (base, slot) = match &self.inline_args {
            Some((base, slots)) => (*base, slots.get(n as usize).copied()),
            None => return Err(self.err("ldarg of an inlined body outside inlining")),
        };
        let slot = slot.ok_or_else(|| self.err(format!("argument {n} out of range")))?;
        let e = self.stack[base + n as usize];
        match slot.ty.kind {
            k if is_narrow_int(k) => {
                self.load_int(RAX, e);
                narrow_eax(self, k);
                self.push_lazy(St::I4, Loc::Rax);
            }
            ValueKind::R4 => {
                self.load_f(0, e);
                x!(self; cvtsd2ss xmm0, xmm0 ; cvtss2sd xmm0, xmm0);
                self.push_lazy(St::F32, Loc::Xmm0);
            }
            _ if e.loc != Loc::Slot => self.push_lazy(slot.st, e.loc),
            _ => {
                // Inlined bodies never store to their arguments, so the argument's slot can be
                // read in place as long as the body runs (inline_call moves a result that
                // still refers to it).
                let src = self.off_of(e);
                match stack_slot_kind(e.st) {
                    Some(kind) => self.push_lazy(slot.st, Loc::Var(src, kind)),
                    None => {
                        let dst = self.push(slot.st);
                        self.copy_block(RBP, dst, RBP, src, slot.st.bytes());
                    }
                }
            }
        }
        Ok(())
    }

    /// Emits a small callee's body in place of the call: its arguments stay on the evaluation
    /// stack, `ldarg` reads them, and its result replaces them.
    fn inline_call(&mut self, shape: &CallShape, body: &[Op], is_callvirt: bool) -> Result<()> {
        let n = shape.params.len() + usize::from(shape.has_this);
        if self.stack.len() < n {
            return Err(self.err("evaluation stack underflow at call"));
        }
        // Values pending in rax/rdx/xmm0 would be clobbered by the body's code.
        for i in 0..self.stack.len() {
            if matches!(self.stack[i].loc, Loc::Rax | Loc::Xmm0 | Loc::Rdx) {
                self.materialize(i);
            }
        }
        let base = self.stack.len() - n;
        let mut slots = SmallVec::with_capacity(n);
        if shape.has_this {
            let st = if shape.this_is_byref { St::Ptr } else { St::O };
            let kind = if shape.this_is_byref {
                ValueKind::ByRef
            } else {
                ValueKind::Ref
            };
            slots.push(Slot {
                ty: FieldType { kind, class: None },
                st,
                size: 8,
            });
            if is_callvirt {
                let this = self.stack[base];
                self.load_int(RCX, this);
                self.null_check(RCX);
            }
        }
        slots.extend(shape.params.iter().copied());
        self.inline_args = Some((base, slots));
        let mut result = Ok(());
        for op in body {
            if *op == Op::Ret {
                break;
            }
            if let Err(e) = self.emit_op(op) {
                result = Err(e);
                break;
            }
        }
        self.inline_args = None;
        result?;
        let ret = if shape.ret.is_some() {
            Some(self.pop_lazy()?)
        } else {
            None
        };
        if self.stack.len() != base + n {
            return Err(self.err("inlined body left an unbalanced stack"));
        }
        // The result must not live in a slot about to be reused: keep it pending or move it.
        let eval_area = -(self.eval_base as i32);
        let moved = match ret {
            Some(
                e @ Entry {
                    loc: Loc::Var(off, _),
                    ..
                },
            ) if off <= eval_area => {
                if e.st.is_f() {
                    self.load_f(0, e);
                    Some(Entry {
                        loc: Loc::Xmm0,
                        ..e
                    })
                } else {
                    self.load_int(RAX, e);
                    Some(Entry { loc: Loc::Rax, ..e })
                }
            }
            Some(e) if e.loc == Loc::Rdx => {
                self.load_int(RAX, e);
                Some(Entry { loc: Loc::Rax, ..e })
            }
            Some(e) if e.loc == Loc::Slot => {
                if e.st.is_f() {
                    self.load_f(0, e);
                    Some(Entry {
                        loc: Loc::Xmm0,
                        ..e
                    })
                } else if e.st.is_int_class() {
                    self.load_int(RAX, e);
                    Some(Entry { loc: Loc::Rax, ..e })
                } else {
                    Some(e)
                }
            }
            other => other,
        };
        let src_off = moved.map(|e| self.off_of(e));
        self.stack.truncate(base);
        if let (Some(e), Some(slot)) = (moved, shape.ret) {
            match slot.ty.kind {
                ValueKind::Bool
                | ValueKind::U1
                | ValueKind::I1
                | ValueKind::I2
                | ValueKind::U2
                | ValueKind::Char => {
                    self.load_int(RAX, e);
                    narrow_eax(self, slot.ty.kind);
                    self.push_lazy(St::I4, Loc::Rax);
                }
                ValueKind::R4 => {
                    self.load_f(0, e);
                    x!(self; cvtsd2ss xmm0, xmm0 ; cvtss2sd xmm0, xmm0);
                    self.push_lazy(St::F32, Loc::Xmm0);
                }
                _ if e.loc == Loc::Slot => {
                    // A struct result: copy it down to where the arguments started.
                    let src = src_off.unwrap_or(0);
                    let dst = self.push(slot.st);
                    if src != dst {
                        self.copy_block(RBP, dst, RBP, src, slot.st.bytes());
                    }
                }
                _ => self.push_lazy(slot.st, e.loc),
            }
        }
        crate::runtime::stats::Stats::add(&self.rt.stats.inlined_calls, 1);
        Ok(())
    }

    /// String.get_Length and String.get_Chars inline: the string layout is fixed, so the JIT
    /// reads the length and the UTF-16 units directly (with the null and range checks).
    fn try_intrinsic(&mut self, target: MethodKey, owner: TypeKey) -> Result<bool> {
        if owner.assembly != AssemblyIdx::CORLIB
            || self
                .rt
                .well_known
                .borrow()
                .string
                .map(|s| self.rt.class(s).info.key)
                != Some(owner)
        {
            return Ok(false);
        }
        match self.rt.loader.method_name(target).as_str() {
            "get_Length" => {
                let s = self.pop()?;
                self.load_int(RCX, s);
                self.null_check_before_access(RCX, STRING_LENGTH);
                x!(self; mov eax, DWORD [rcx + STRING_LENGTH]);
                self.push_lazy(St::I4, Loc::Rax);
                Ok(true)
            }
            "get_Chars" => {
                let idx = self.pop_lazy()?;
                let s = self.pop()?;
                self.load_int(RCX, s);
                self.null_check_before_access(RCX, STRING_LENGTH);
                self.load_i32(RAX, idx);
                let l = self.fault(Fault::IndexOutOfRange);
                x!(self; cmp eax, DWORD [rcx + STRING_LENGTH] ; jae =>l ; movzx eax, WORD [rcx + rax * 2 + STRING_CHARS]);
                self.push_lazy(St::I4, Loc::Rax);
                Ok(true)
            }
            _ => Ok(false),
        }
    }

    fn native_address(&self, mid: MethodId, target: MethodKey) -> Result<Option<u64>> {
        let m = self.rt.method(mid);
        if let Some(f) = m.native.get() {
            return Ok(Some(f));
        }
        if crate::runtime::natives::is_native(self.rt, target) {
            let f = crate::runtime::natives::lookup(self.rt, target)?;
            m.native.set(Some(f));
            return Ok(Some(f));
        }
        Ok(None)
    }

    fn emit_bytes(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.a.push(b);
        }
    }

    fn newobj(&mut self, t: Token) -> Result<()> {
        // Inserting `this` under the arguments moves frame slots, so every entry must be in its slot.
        self.materialize_all();
        if let Some(r) = self.array_method(t)? {
            return self.md_array_call(r);
        }
        let ctor = self.rt.resolve_method_cached(self.aidx, t)?;
        let mid = self.rt.method_id(ctor);
        let sig_shape = self.rt.sig_and_shape(&self.rt.method(mid))?;
        let shape = &sig_shape.1;
        let owner = self.rt.loader.method_owner(ctor);
        let cid = self.rt.class_of(owner)?;
        let class = self.rt.class(cid);
        if class.kind == ClassKind::String {
            // String constructors are natives that return the new string.
            let f = self
                .native_address(mid, ctor)?
                .ok_or_else(|| self.err("String constructor must be an internal call"))?;
            let static_shape = CallShape::new(
                false,
                false,
                shape.params.clone(),
                Some(Slot {
                    ty: FieldType {
                        kind: ValueKind::Ref,
                        class: Some(owner),
                    },
                    st: St::O,
                    size: 8,
                }),
            );
            self.load_call_args(&static_shape, false)?;
            self.call_abs(f);
            self.check_pending();
            self.push_result(&static_shape);
            return Ok(());
        }
        if class.is_value_type() {
            // Construct in a fresh stack slot below the arguments, then move it into place.
            let slot = self
                .rt
                .slot_of_field_type(self.rt.loader.value_type_kind(owner))?;
            let scratch = self.scratch_for_ctor(slot.st.bytes(), shape);
            x!(self; lea rax, [rbp + scratch]);
            self.zero_block(RAX, 0, slot.size);
            let this_pos = self.stack.len() - shape.params.len();
            let e = Entry {
                st: St::Ptr,
                pos: self.top_pos(),
                loc: Loc::Slot,
            };
            self.stack.insert(this_pos, e);
            self.relayout_from(this_pos);
            let off = self.off_of(self.stack[this_pos]);
            x!(self; lea rax, [rbp + scratch] ; mov QWORD [rbp + off], rax);
            self.load_call_args(shape, false)?;
            self.call_target(mid, ctor)?;
            let dst = self.push(slot.st);
            if let St::Vt { size, .. } = slot.st {
                self.copy_block(RBP, dst, RBP, scratch, size);
            } else {
                x!(self; mov rax, QWORD [rbp + scratch] ; mov QWORD [rbp + dst], rax);
            }
            return Ok(());
        }
        if class.info.flags.has(ClassFlags::ABSTRACT) {
            return Err(self.err(format!("newobj of abstract class {}", class.full_name)));
        }
        // Allocate, keep the object in a scratch slot, insert it as `this` under the arguments.
        self.emit_alloc(class);
        let this_pos = self.stack.len() - shape.params.len();
        self.stack.insert(
            this_pos,
            Entry {
                st: St::O,
                pos: 0,
                loc: Loc::Slot,
            },
        );
        self.relayout_from(this_pos);
        let off = self.off_of(self.stack[this_pos]);
        x!(self; mov QWORD [rbp + off], rax);
        let saved = self.scratch(8);
        x!(self; mov QWORD [rbp + saved], rax);
        self.load_call_args(shape, false)?;
        // The scratch slot sits above every argument, so the call's argument loading left it intact.
        self.call_target(mid, ctor)?;
        let dst = self.push(St::O);
        x!(self; mov rax, QWORD [rbp + saved] ; mov QWORD [rbp + dst], rax);
        Ok(())
    }

    fn call_target(&mut self, mid: MethodId, key: MethodKey) -> Result<()> {
        match self.native_address(mid, key)? {
            Some(f) => {
                self.call_abs(f);
                self.check_pending();
            }
            None => {
                let dest = self.rt.direct_call_target(mid)?;
                self.call_direct(dest);
            }
        }
        Ok(())
    }

    /// Scratch space for a value-type constructor's target, above the arguments (which are
    /// shifted up by the inserted `this`).
    fn scratch_for_ctor(&mut self, bytes: u32, _shape: &CallShape) -> i32 {
        let top = self.top_pos() + 8;
        let need = top + bytes + 8;
        self.max_eval = self.max_eval.max(need + 16);
        -((self.eval_base + need) as i32)
    }

    /// After inserting an entry at `from`, moves the entries above it up in the frame.
    fn relayout_from(&mut self, from: usize) {
        let mut pos = if from == 0 {
            0
        } else {
            self.stack[from - 1].pos + self.stack[from - 1].st.bytes()
        };
        let mut new_layout = Vec::new();
        for i in from..self.stack.len() {
            new_layout.push((i, pos));
            pos += self.stack[i].st.bytes();
        }
        self.max_eval = self.max_eval.max(pos);
        // Move from the top down so nothing is overwritten before it is copied.
        for &(i, new_pos) in new_layout.iter().rev() {
            let old = self.stack[i];
            if i == from {
                self.stack[i].pos = new_pos;
                continue;
            }
            let src = self.off_of(old);
            let moved = Entry {
                st: old.st,
                pos: new_pos,
                loc: Loc::Slot,
            };
            let dst = self.off_of(moved);
            if src != dst {
                self.copy_block(RBP, dst, RBP, src, old.st.bytes());
            }
            self.stack[i] = moved;
        }
    }

    /// Recognises `Get`, `Set`, `Address` and `.ctor` of multi-dimensional array types.
    fn array_method(&self, t: Token) -> Result<Option<(ClassId, String, u32)>> {
        if t.table() != Some(TableId::MemberRef) {
            return Ok(None);
        }
        self.asm.check_row(TableId::MemberRef, t.row(), t)?;
        let r = self.asm.member_ref(t.row());
        if r.parent.table() != Some(TableId::TypeSpec) {
            return Ok(None);
        }
        let Some(sig) = self.resolve_type_sig(r.parent)? else {
            return Ok(None);
        };
        let (rank, is_array) = match &sig {
            TypeSig::Array { rank, .. } => (*rank, true),
            _ => (0, false),
        };
        if !is_array {
            return Ok(None);
        }
        let cid = self.class_of_sig(&sig)?;
        let name = self.asm.string(r.name)?.to_string();
        let msig = signature::parse_method_sig(self.asm.blob(r.signature)?)
            .map_err(|e| self.err(format!("bad array method signature: {}", e.message)))?;
        Ok(Some((
            cid,
            name,
            msig.params.len() as u32 + if rank > 0 { 0 } else { 0 },
        )))
    }

    fn md_array_call(&mut self, (cid, name, nparams): (ClassId, String, u32)) -> Result<()> {
        self.materialize_all();
        let class = self.rt.class(cid);
        let ClassKind::MdArray(rank) = class.kind else {
            return Err(self.err("array method on a non-array"));
        };
        let elem = self.rt.class(
            class
                .element
                .ok_or_else(|| self.err("array without element"))?,
        );
        let elem_slot = if elem.is_value_type() {
            self.rt
                .slot_of_field_type(self.rt.loader.value_type_kind(elem.info.key))?
        } else {
            Slot {
                ty: FieldType {
                    kind: ValueKind::Ref,
                    class: Some(elem.info.key),
                },
                st: St::O,
                size: 8,
            }
        };
        match name.as_str() {
            ".ctor" => {
                if nparams != rank {
                    return Err(self.err("array constructors with lower bounds are not supported"));
                }
                let idx = self.pack_indices(rank)?;
                x!(self; mov rdi, QWORD class as *const _ as i64 ; lea rsi, [rbp + idx] ; mov edx, rank as i32);
                self.call_abs(helpers::rt_new_md_array as *const () as u64);
                self.check_pending();
                let off = self.push(St::O);
                x!(self; mov QWORD [rbp + off], rax);
            }
            "Get" | "Address" => {
                let idx = self.pack_indices(rank)?;
                let arr = self.pop()?;
                self.load_int(RDI, arr);
                x!(self; lea rsi, [rbp + idx] ; mov edx, rank as i32);
                self.call_abs(helpers::rt_md_address as *const () as u64);
                self.check_pending();
                if name == "Get" {
                    self.load_mem_push(elem_slot, RAX, 0);
                } else {
                    let off = self.push(St::Ptr);
                    x!(self; mov QWORD [rbp + off], rax);
                }
            }
            "Set" => {
                let v = self.pop()?;
                let idx = self.pack_indices(rank)?;
                let arr = self.pop()?;
                let keep = self.scratch(elem_slot.st.bytes());
                let voff = self.off_of(v);
                self.copy_block(RBP, keep, RBP, voff, v.st.bytes());
                self.load_int(RDI, arr);
                x!(self; lea rsi, [rbp + idx] ; mov edx, rank as i32);
                self.call_abs(helpers::rt_md_address as *const () as u64);
                self.check_pending();
                x!(self; mov rdx, rax);
                let kept = Entry {
                    st: v.st,
                    pos: 0,
                    loc: Loc::Slot,
                };
                let _ = kept;
                // Store from the scratch copy: build a pseudo entry at that offset.
                self.store_from_offset(elem_slot, v.st, keep, 2, 0);
            }
            _ => return Err(self.err(format!("unsupported array method {name}"))),
        }
        Ok(())
    }

    fn store_from_offset(&mut self, slot: Slot, st: St, src: i32, base: u8, disp: i32) {
        if let St::Vt { size, .. } = slot.st {
            self.copy_block(base, disp, RBP, src, size);
            return;
        }
        match (slot.ty.kind, st) {
            (ValueKind::R4, _) => {
                x!(self; cvtsd2ss xmm0, QWORD [rbp + src] ; movss DWORD [Rq(base) + disp], xmm0)
            }
            (ValueKind::R8, _) => {
                x!(self; movsd xmm0, QWORD [rbp + src] ; movsd QWORD [Rq(base) + disp], xmm0)
            }
            (k, _) => {
                x!(self; mov rax, QWORD [rbp + src]);
                match k.size() {
                    1 => x!(self; mov BYTE [Rq(base) + disp], al),
                    2 => x!(self; mov WORD [Rq(base) + disp], ax),
                    4 => x!(self; mov DWORD [Rq(base) + disp], eax),
                    _ => x!(self; mov QWORD [Rq(base) + disp], rax),
                }
            }
        }
    }

    /// Pops `rank` int32 indices into a contiguous scratch array; returns its frame offset.
    fn pack_indices(&mut self, rank: u32) -> Result<i32> {
        let mut entries = Vec::new();
        for _ in 0..rank {
            entries.push(self.pop()?);
        }
        entries.reverse();
        let area = self.scratch(4 * rank + 8);
        for (i, e) in entries.iter().enumerate() {
            self.load_int(RAX, *e);
            let d = area + 4 * i as i32;
            x!(self; mov DWORD [rbp + d], eax);
        }
        Ok(area)
    }
}

const RDI: u8 = 7;
const RSI: u8 = 6;
const RDX: u8 = 2;

fn vcall_metadata_abstract() -> u16 {
    super::MA_ABSTRACT
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum FieldOp {
    Load,
    Address,
    Store,
}

fn op_kind(op: &Op) -> FieldOp {
    match op {
        Op::Ldfld(_) | Op::Ldsfld(_) => FieldOp::Load,
        Op::Ldflda(_) | Op::Ldsflda(_) => FieldOp::Address,
        _ => FieldOp::Store,
    }
}

/// Displacement of a field from the base the stack holds: objects hold the object start,
/// managed pointers to structs hold the value start.
fn field_disp(f: &vcall_metadata::class::FieldInfo, owner_is_vt: bool, base: St) -> i32 {
    if owner_is_vt && base == St::O {
        // A boxed struct reached through an object reference.
        OBJ_HEADER + f.offset as i32
    } else {
        f.offset as i32
    }
}

fn runtime_handle_name(t: Token) -> &'static str {
    match t.table() {
        Some(TableId::Field) => "RuntimeFieldHandle",
        Some(TableId::MethodDef) => "RuntimeMethodHandle",
        Some(TableId::MemberRef) => "RuntimeFieldHandle",
        _ => "RuntimeTypeHandle",
    }
}

/// Re-extends eax as a small integer type stores it.
/// How a deferred `Loc::Var` reads a scalar evaluation-stack slot of this type (float32
/// values are kept as float64 there); None for structs.
fn stack_slot_kind(st: St) -> Option<ValueKind> {
    Some(match st {
        St::I4 => ValueKind::I4,
        St::I8 => ValueKind::I8,
        St::I => ValueKind::I,
        St::O => ValueKind::Ref,
        St::Ptr => ValueKind::ByRef,
        St::F | St::F32 => ValueKind::R8,
        St::Vt { .. } => return None,
    })
}

/// Integer kinds narrower than 32 bits, which a load widens and a store truncates.
fn is_narrow_int(kind: ValueKind) -> bool {
    use ValueKind::*;
    matches!(kind, Bool | Char | I1 | U1 | I2 | U2)
}

/// Variables of these kinds may live in a general-purpose register for a whole method
/// (floats and structs stay in their slots).
fn lives_in_gpr(kind: ValueKind) -> bool {
    use ValueKind::*;
    matches!(
        kind,
        Bool | Char | I1 | U1 | I2 | U2 | I4 | U4 | I8 | U8 | I | U | Ref | ByRef | Ptr
    )
}

/// Truncates register `r` to a narrow integer kind and widens it back as that kind reads
/// (no code for 32- and 64-bit kinds).
fn narrow_reg(c: &mut Compiler<'_>, r: u8, kind: ValueKind) {
    match kind {
        ValueKind::Bool | ValueKind::U1 => x!(c; movzx Rd(r), Rb(r)),
        ValueKind::I1 => x!(c; movsx Rd(r), Rb(r)),
        ValueKind::I2 => x!(c; movsx Rd(r), Rw(r)),
        ValueKind::Char | ValueKind::U2 => x!(c; movzx Rd(r), Rw(r)),
        _ => {}
    }
}

fn narrow_eax(c: &mut Compiler<'_>, kind: ValueKind) {
    match kind {
        ValueKind::I1 => x!(c; movsx eax, al),
        ValueKind::I2 => x!(c; movsx eax, ax),
        ValueKind::U2 | ValueKind::Char => x!(c; movzx eax, ax),
        _ => x!(c; movzx eax, al),
    }
}
