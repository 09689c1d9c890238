//! Managed exceptions: creating exception objects, the two-pass unwinder over JIT frames
//! (find a handler, then run finally/fault handlers and resume in the catch handler), and
//! Mono-style reports of unhandled exceptions.
//!
//! JIT frames are walked through their frame pointers. Each compiled method registers a
//! `CodeInfo` (IL-to-native map, clauses, the callee-saved registers it saved and where), so
//! the unwinder can rebuild the callee-saved registers of every frame it passes. Rust code
//! never unwinds: natives and helpers that fail set a pending exception, which JIT code
//! checks after the call and throws from its own frame. Rust calls managed code that may
//! throw (static constructors) through the protected caller, where the unwinder hands the
//! exception back instead of reporting it unhandled.

use super::heap;
pub use super::il_map::IlMap;
use super::layout::*;
use super::{class_of_object, rt, ClassId, MethodId, Runtime};
use std::sync::atomic::{AtomicU64, Ordering};
use vcall_dispatch::trampoline::SavedRegs;
use vcall_dispatch::unwind::{ResumeContext, CALLEE_SAVED_REGS};
use vcall_metadata::body::ClauseKind;

/// An exception raised by a native or helper, thrown by JIT code right after the call.
pub static PENDING_EXCEPTION: AtomicU64 = AtomicU64::new(0);

/// What the throw trampoline was asked to do (in rcx).
pub const THROW_MANAGED: u32 = 0;
pub const THROW_RETHROW: u32 = 100;
pub const THROW_PENDING: u32 = 101;
/// The pending exception, at the call whose return address is on the stack (the IL offset
/// comes from that address): see `Trampolines::throw_at_call`.
pub const THROW_PENDING_AT_CALL: u32 = 102;

/// Enters the throw trampoline with THROW_PENDING_AT_CALL. Jumped to with rsp and every
/// other register as at a callee's entry, so the throw trampoline sees the caller's return
/// address, frame and callee-saved registers, as if the caller had thrown at the call.
pub fn emit_throw_at_call(
    code: &vcall_dispatch::codemem::CodeMemory,
    throw: u64,
) -> crate::error::Result<u64> {
    Ok(vcall_dispatch::unwind::emit_ecx_jump(
        code,
        THROW_PENDING_AT_CALL,
        throw,
    )?)
}

/// Calls managed code `target(arg0, arg1)` from Rust through the protected caller: its
/// result, or the exception that escaped it (after its finally blocks ran).
pub fn call_protected(rt: &Runtime, target: u64, arg0: u64, arg1: u64) -> Result<u64, u64> {
    let mut exc = 0u64;
    // SAFETY: the protected caller has this System V signature; `target` is compiled code
    // taking (at most) two integer arguments. The unwinder writes `exc` through the pointer
    // the caller keeps in its frame while this call is live.
    let r = unsafe {
        let call: extern "sysv64" fn(u64, u64, u64, *mut u64) -> u64 =
            std::mem::transmute(rt.trampolines.protected.call as usize);
        call(target, arg0, arg1, &mut exc)
    };
    if exc != 0 {
        Err(exc)
    } else {
        Ok(r)
    }
}

/// `new TypeInitializationException(name, inner)`, named as Mono names the type
/// (`Namespace.Name`, or just the name when there is no namespace, nested types included).
pub fn type_initialization_exception(rt: &Runtime, class: &super::RtClass, inner: u64) -> u64 {
    let name = if class.info.namespace().is_empty() {
        class.info.name().to_string()
    } else {
        format!("{}.{}", class.info.namespace(), class.info.name())
    };
    construct_exception(rt, "System.TypeInitializationException", &name, Some(inner))
}

/// One exception-handling clause of a compiled method, with its handler's native offset.
#[derive(Clone, Debug)]
pub struct ClauseInfo {
    pub kind: ClauseKind,
    pub try_il: std::ops::Range<u32>,
    pub handler_il: std::ops::Range<u32>,
    pub handler_native: u32,
    /// Filter clauses: where the filter block starts.
    pub filter_native: Option<u32>,
    pub catch_class: Option<ClassId>,
    /// Catch and filter clauses: the rbp-relative slot where the handler keeps the exception
    /// it caught (`rethrow` reads it). 0 for finally and fault clauses.
    pub exc_slot: i32,
}

/// What the unwinder knows about one compiled method.
#[derive(Clone, Debug)]
pub struct CodeInfo {
    pub start: u64,
    pub len: u32,
    pub method: MethodId,
    /// (IL offset, native offset) of every instruction, in native order (handler blocks are
    /// emitted after the rest of the method, so this is not IL order). An IL offset with
    /// `SEQ_POINT` set is one where Mono would have a sequence point: stack traces name the
    /// last one at or before the faulting instruction, as Mono's do. Flagging them here
    /// instead of listing them saves the JIT a copy per method; only traces read them.
    pub il_map: IlMap,
    pub clauses: Box<[ClauseInfo]>,
    /// Callee-saved registers the prologue stored, and their rbp-relative slots.
    pub saved_regs: CalleeSaves,
    pub frame_size: u32,
    /// Where a catch handler expects the exception object (its one evaluation-stack slot).
    pub catch_slot: i32,
    /// Entered past its prologue, with no frame of its own (a leaf; see the JIT).
    pub frameless: bool,
}

/// Marks an `il_map` IL offset as a sequence point (IL bodies are shorter than 2 GiB).
pub const SEQ_POINT: u32 = 1 << 31;

/// The callee-saved registers a prologue stores, in order, to consecutive 8-byte slots from
/// `area` (rbp-relative). Held inline and small: every compiled method keeps one.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct CalleeSaves {
    pub area: i32,
    regs: [u8; CALLEE_SAVED_REGS.len()],
    count: u8,
}

impl CalleeSaves {
    /// None saved yet; the save slots start at `area`.
    pub fn new(area: i32) -> CalleeSaves {
        CalleeSaves {
            area,
            ..CalleeSaves::default()
        }
    }

    /// Adds a register, saved to the next slot; one beyond `CALLEE_SAVED_REGS`'s count is
    /// ignored (there are no more to save).
    pub fn push(&mut self, reg: u8) {
        if let Some(r) = self.regs.get_mut(self.count as usize) {
            *r = reg;
            self.count += 1;
        }
    }

    pub fn is_empty(&self) -> bool {
        self.count == 0
    }

    /// Each saved register with its rbp-relative slot.
    pub fn iter(&self) -> impl Iterator<Item = (u8, i32)> + '_ {
        self.regs[..self.count as usize]
            .iter()
            .enumerate()
            .map(|(k, &r)| (r, self.area + 8 * k as i32))
    }
}

impl CodeInfo {
    /// The sequence point a stack trace reports for IL offset `il`.
    fn seq_point_at(&self, il: u32) -> u32 {
        self.il_map
            .iter()
            .filter(|&(i, _)| i & SEQ_POINT != 0)
            .map(|(i, _)| i & !SEQ_POINT)
            .filter(|&s| s <= il)
            .max()
            .unwrap_or(il)
    }

    /// How many finally/fault blocks enclose IL offset `il`: each is entered as a subroutine
    /// (`sub rsp, 8; call`), so code there runs 16 bytes deeper per level.
    fn funclet_depth(&self, il: u32) -> u64 {
        self.clauses
            .iter()
            .filter(|c| {
                matches!(c.kind, ClauseKind::Finally | ClauseKind::Fault)
                    && c.handler_il.contains(&il)
            })
            .count() as u64
    }

    /// The IL offset of the instruction containing native address `pc`.
    pub fn il_at(&self, pc: u64) -> u32 {
        self.il_map.il_at(pc.saturating_sub(self.start) as u32)
    }
}

/// The stack trace text of an exception without one recorded in its object.
pub fn stack_trace_of(_exc: u64) -> Option<String> {
    None
}

/// Exception objects the runtime holds outside the managed heap's reach.
pub fn gc_roots() -> Vec<u64> {
    let mut roots = vec![PENDING_EXCEPTION.load(Ordering::Relaxed)];
    let rt = rt();
    for id in 0..rt.class_count() {
        let e = rt.class(ClassId(id as u32)).init_error.get();
        if e != 0 {
            roots.push(e);
        }
    }
    roots
}

/// Stores the trace in the exception's `_stackTraceString` field. A throw replaces an earlier
/// throw's trace (as in Mono, `throw e` of a caught exception starts a new trace); a rethrow
/// extends it, its catching frame's line replaced by the lines from the rethrow on, as Mono
/// does.
fn record_trace(rt: &Runtime, exc: u64, lines: &[String], rethrow: bool) {
    // SAFETY: `exc` is a live exception object.
    let class = unsafe { class_of_object(exc) };
    let mut cur = Some(class.info.clone());
    while let Some(info) = cur {
        if let Some(f) = info
            .fields
            .iter()
            .find(|f| !f.is_static && f.name == "_stackTraceString")
        {
            let slot = (exc + f.offset as u64) as *mut u64;
            // SAFETY: the field is a string reference at its laid-out offset.
            unsafe {
                let mut text = String::new();
                if rethrow && *slot != 0 {
                    let old = heap::string_to_rust(*slot);
                    if let Some((kept, _)) = old.rsplit_once('\n') {
                        text.push_str(kept);
                    }
                }
                for l in lines {
                    if !text.is_empty() {
                        text.push('\n');
                    }
                    text.push_str(l);
                }
                // No managed frame (thrown straight into the runtime): no trace, as Mono.
                *slot = if text.is_empty() {
                    0
                } else {
                    heap::new_runtime_string(rt, &text)
                };
            }
            return;
        }
        cur = info.parent.and_then(|p| rt.loader.class(p).ok());
    }
}

/// Creates an exception of corlib type `full_name` with `message`, running its constructor.
pub fn new_exception(rt: &Runtime, full_name: &str, message: &str) -> u64 {
    construct_exception(rt, full_name, message, None)
}

/// Runs the `(string)` constructor, or with `inner` the `(string, Exception)` one. The
/// runtime raises exceptions even when the heap is full (OutOfMemoryException above all), so
/// they may exceed the heap cap.
fn construct_exception(rt: &Runtime, full_name: &str, message: &str, inner: Option<u64>) -> u64 {
    super::gc::exempt(|| construct_exception_exempt(rt, full_name, message, inner))
}

fn construct_exception_exempt(
    rt: &Runtime,
    full_name: &str,
    message: &str,
    inner: Option<u64>,
) -> u64 {
    let (ns, name) = full_name.rsplit_once('.').unwrap_or(("System", full_name));
    let class = match rt
        .loader
        .corlib_type(ns, name)
        .map_err(Into::into)
        .and_then(|k| rt.class_of(k))
    {
        Ok(c) => c,
        Err(e) => super::helpers::fatal_error(&e),
    };
    let obj = heap::alloc_object(rt, class);
    let msg = heap::new_string_from_str(rt, message);
    let ctor = rt.loader.methods_of(rt.class(class).info.key).find(|&m| {
        rt.loader.method_name(m) == ".ctor"
            && rt
                .loader
                .method_sig(m)
                .map(|s| {
                    s.params.len() == 1 + inner.is_some() as usize
                        && s.params[0].ty == vcall_metadata::signature::TypeSig::String
                })
                .unwrap_or(false)
    });
    if let Some(ctor) = ctor {
        match rt.ensure_compiled(rt.method_id(ctor)) {
            // SAFETY: a compiled instance constructor taking a string (and an exception, which
            // a one-parameter constructor ignores in its register), System V convention.
            Ok(code) => unsafe {
                let f: extern "sysv64" fn(u64, u64, u64) = std::mem::transmute(code as usize);
                f(obj, msg, inner.unwrap_or(0));
            },
            Err(e) => super::helpers::fatal_error(&e),
        }
    }
    obj
}

/// Raises an exception from a native or helper: JIT code throws it after the call returns.
pub fn raise(full_name: &str, message: &str) {
    let exc = new_exception(rt(), full_name, message);
    PENDING_EXCEPTION.store(exc, Ordering::Relaxed);
}

/// One JIT frame seen by the unwinder.
struct Frame {
    info: &'static CodeInfo,
    rbp: u64,
    /// rsp at the throw or call in this frame (16 bytes lower per enclosing finally level,
    /// or on the unwinder's stack inside a finally the unwinder is running).
    sp: u64,
    il: u32,
    callee_saved: [u64; 5],
}

/// The rsp a catch handler of frame `f` needs. Code at funclet depth 0 runs at the frame's
/// base rsp; a handler inside finally blocks runs where its enclosing finally runs, found by
/// climbing from the throw point's level: a finally entered by `leave` sits 16 bytes below
/// its parent level, with its return address (into the method) at its rsp; one entered by
/// the unwinder returns into the funclet caller, whose parent level is not recorded, so only
/// the method body's level (the base) is known above it.
fn resume_rsp(f: &Frame, handler_il: u32) -> u64 {
    let base = f.rbp - f.info.frame_size as u64;
    let want = f.info.funclet_depth(handler_il);
    let mut level = f.info.funclet_depth(f.il);
    let mut sp = f.sp;
    while level > want {
        // SAFETY: `sp` is the rsp of a live finally level of this frame, whose first word is
        // the return address its `call` pushed.
        let ra = unsafe { *(sp as *const u64) };
        let into_method = ra >= f.info.start && ra < f.info.start + f.info.len as u64;
        level -= 1;
        sp = if into_method {
            sp + 16
        } else {
            base - 16 * level
        };
    }
    if want == 0 {
        base
    } else {
        sp
    }
}

/// Where a throw happened: the throwing frame's rbp, its rsp at the throw, the return address
/// into it, the IL offset (when the thrower knows it) and the callee-saved registers.
struct ThrowPoint {
    rbp: u64,
    sp: u64,
    pc: u64,
    il: Option<u32>,
    callee_saved: [u64; 5],
}

/// Handler of the throw trampoline: rdi = exception (or 0), rsi = method id, rdx = IL
/// offset, rcx = what to throw. Never returns to its caller.
pub extern "sysv64" fn throw_handler(regs: *mut SavedRegs, return_address: u64) -> u64 {
    let rt = rt();
    // SAFETY: the generic trampoline passes the block of registers it saved.
    let regs = unsafe { &*regs };
    let (obj, il, kind) = (regs.gpr[7], regs.gpr[2] as u32, regs.gpr[1] as u32);
    let sp = regs.gpr[4];
    let exc = match kind {
        THROW_MANAGED | THROW_RETHROW if obj != 0 => obj,
        THROW_MANAGED | THROW_RETHROW => new_exception(
            rt,
            "System.NullReferenceException",
            "Object reference not set to an instance of an object",
        ),
        THROW_PENDING | THROW_PENDING_AT_CALL => PENDING_EXCEPTION.swap(0, Ordering::Relaxed),
        k => {
            let (ty, msg) = crate::jit::codegen_fault_name(k);
            new_exception(rt, ty, msg)
        }
    };
    let mut cs = [0u64; 5];
    for (k, r) in CALLEE_SAVED_REGS.iter().enumerate() {
        cs[k] = regs.gpr[*r as usize];
    }
    let il = (kind != THROW_PENDING_AT_CALL).then_some(il);
    let at = ThrowPoint {
        rbp: regs.gpr[5],
        sp,
        pc: return_address,
        il,
        callee_saved: cs,
    };
    dispatch(rt, exc, at, kind == THROW_RETHROW)
}

/// Walks the JIT frames from the throw point, finds the handler, runs finally/fault
/// handlers on the way, and resumes in the catch handler; or reports an unhandled exception.
fn dispatch(rt: &Runtime, exc: u64, at: ThrowPoint, rethrow: bool) -> ! {
    let mut frames: Vec<Frame> = Vec::new();
    let (mut rbp, mut sp, mut pc, mut cs) = (at.rbp, at.sp, at.pc, at.callee_saved);
    let mut il_hint = at.il;
    while let Some(info) = rt.code_info_at(pc.wrapping_sub(1)) {
        let il = il_hint.take().unwrap_or_else(|| info.il_at(pc - 1));
        frames.push(Frame {
            info,
            rbp,
            sp,
            il,
            callee_saved: cs,
        });
        // SAFETY: `rbp` is the frame pointer of a live JIT frame: [rbp] is the caller's rbp,
        // [rbp+8] the return address, and the saved callee-saved slots are rbp-relative.
        unsafe {
            for (r, off) in info.saved_regs.iter() {
                let k = CALLEE_SAVED_REGS
                    .iter()
                    .position(|x| *x == r)
                    .expect("callee-saved register");
                cs[k] = *((rbp as i64 + off as i64) as *const u64);
            }
            pc = *((rbp + 8) as *const u64);
            sp = rbp + 16;
            rbp = *(rbp as *const u64);
        }
    }
    // Below the JIT frames: Rust code, which may have called them through the protected caller.
    let boundary = (pc == rt.trampolines.protected.return_address).then_some(rbp);
    // SAFETY: `exc` is a live exception object.
    let exc_class = unsafe { class_of_object(exc) };
    // First pass: the innermost catch clause whose try covers the frame's IL offset.
    let mut target: Option<(usize, usize)> = None;
    'frames: for (fi, f) in frames.iter().enumerate() {
        for (ci, c) in f.info.clauses.iter().enumerate() {
            if !c.try_il.contains(&f.il) {
                continue;
            }
            match c.kind {
                ClauseKind::Catch(_) => {
                    if let Some(cc) = c.catch_class {
                        if super::helpers::is_assignable(rt, exc_class.id, cc) {
                            target = Some((fi, ci));
                            break 'frames;
                        }
                    }
                }
                ClauseKind::Filter(_) => {
                    // The filter block runs in its frame, with the exception as its one stack entry.
                    let filter = f.info.start + c.filter_native.unwrap_or(c.handler_native) as u64;
                    let mut regs = f.callee_saved;
                    // SAFETY: the slot is the filter's evaluation-stack entry in its frame; the
                    // funclet caller runs a filter block (ending in endfilter's `ret`) of that frame.
                    let verdict = unsafe {
                        *((f.rbp as i64 + f.info.catch_slot as i64) as *mut u64) = exc;
                        let call: extern "sysv64" fn(u64, u64, *mut [u64; 5]) -> u64 =
                            std::mem::transmute(rt.trampolines.call_funclet as usize);
                        call(f.rbp, filter, &mut regs)
                    };
                    if verdict as u32 != 0 {
                        target = Some((fi, ci));
                        break 'frames;
                    }
                }
                _ => {}
            }
        }
    }
    // The trace runs from the throw to the frame that catches (all frames when none does).
    let traced = target.map_or(frames.len(), |(fi, _)| fi + 1);
    let trace: Vec<String> = frames[..traced]
        .iter()
        .map(|f| trace_line(rt, rt.method(f.info.method).key, f.info.seq_point_at(f.il)))
        .collect();
    record_trace(rt, exc, &trace, rethrow);
    let Some((target_frame, target_clause)) = target else {
        let Some(boundary_rbp) = boundary else {
            unhandled(rt, exc);
        };
        leave_to_boundary(rt, exc, &mut frames, boundary_rbp);
    };

    // Second pass: finally and fault handlers of the try blocks being left, inner first.
    for (fi, f) in frames.iter_mut().enumerate().take(target_frame + 1) {
        let limit = if fi == target_frame {
            target_clause
        } else {
            f.info.clauses.len()
        };
        run_cleanup_handlers(rt, f, limit);
    }

    let f = &frames[target_frame];
    let clause = &f.info.clauses[target_clause];
    // SAFETY: the catch handler expects the exception in its frame's first stack slot, and
    // keeps it for `rethrow` in its clause's slot; both are slots of that live frame.
    unsafe {
        *((f.rbp as i64 + f.info.catch_slot as i64) as *mut u64) = exc;
        *((f.rbp as i64 + clause.exc_slot as i64) as *mut u64) = exc;
    }
    let ctx = ResumeContext {
        rsp: resume_rsp(f, clause.handler_il.start),
        rbp: f.rbp,
        callee_saved: f.callee_saved,
        rip: f.info.start + clause.handler_native as u64,
    };
    super::natives::flush_stdout();
    // SAFETY: the resume stub loads a complete, consistent frame context of a live JIT frame
    // (rsp and rbp as that method's body expects) and never returns.
    unsafe {
        let resume: extern "sysv64" fn(*const ResumeContext) -> ! =
            std::mem::transmute(rt.trampolines.resume as usize);
        resume(&ctx)
    }
}

/// Runs, innermost first, the finally and fault handlers among the frame's first `limit`
/// clauses whose try block covers the frame's IL offset.
fn run_cleanup_handlers(rt: &Runtime, f: &mut Frame, limit: usize) {
    let caller = rt.trampolines.call_funclet;
    let info = f.info.clone();
    for c in &info.clauses[..limit] {
        if matches!(c.kind, ClauseKind::Finally | ClauseKind::Fault) && c.try_il.contains(&f.il) {
            let handler = info.start + c.handler_native as u64;
            // SAFETY: `caller` is the funclet caller stub; the handler is a finally/fault
            // block of the frame whose rbp is passed, ending in `ret`.
            unsafe {
                let call: extern "sysv64" fn(u64, u64, *mut [u64; 5]) =
                    std::mem::transmute(caller as usize);
                call(f.rbp, handler, &mut f.callee_saved);
            }
        }
    }
}

/// No handler in the managed code a protected call ran: runs every finally and fault handler
/// on the way, then returns `exc` from the protected call.
fn leave_to_boundary(rt: &Runtime, exc: u64, frames: &mut [Frame], boundary_rbp: u64) -> ! {
    for f in frames.iter_mut() {
        let all = f.info.clauses.len();
        run_cleanup_handlers(rt, f, all);
    }
    use vcall_dispatch::unwind::{PROTECTED_EXC_SLOT, PROTECTED_FRAME_BYTES};
    // SAFETY: `boundary_rbp` is the live frame of the protected caller, which keeps the
    // pointer to its caller's exception cell at PROTECTED_EXC_SLOT.
    unsafe {
        let cell = *((boundary_rbp as i64 + PROTECTED_EXC_SLOT) as *const *mut u64);
        *cell = exc;
    }
    let ctx = ResumeContext {
        rsp: boundary_rbp - PROTECTED_FRAME_BYTES,
        rbp: boundary_rbp,
        // The landing restores the Rust caller's callee-saved registers itself.
        callee_saved: [0; 5],
        rip: rt.trampolines.protected.landing,
    };
    // SAFETY: the resume stub loads the protected caller's frame as it was during its call
    // and jumps to its landing, which returns to the Rust caller; the stack below is abandoned.
    unsafe {
        let resume: extern "sysv64" fn(*const ResumeContext) -> ! =
            std::mem::transmute(rt.trampolines.resume as usize);
        resume(&ctx)
    }
}

/// `  at Type.Method (ParamType name) [0x0000c] in <mvid>:0`, Mono's stack-trace line.
fn trace_line(rt: &Runtime, m: vcall_metadata::loader::MethodKey, il: u32) -> String {
    let asm = rt.loader.assembly(m.assembly);
    let owner = rt.loader.type_full_name(rt.loader.method_owner(m));
    let mut params = Vec::new();
    if let Ok(sig) = rt.loader.method_sig(m) {
        let names: Vec<(u16, String)> = asm
            .params_of(m.row)
            .into_iter()
            .map(|p| {
                (
                    asm.raw_cell(vcall_metadata::token::TableId::Param, p, 1) as u16,
                    asm.string(asm.raw_cell(vcall_metadata::token::TableId::Param, p, 2))
                        .unwrap_or("")
                        .to_string(),
                )
            })
            .collect();
        for (i, p) in sig.params.iter().enumerate() {
            let name = names
                .iter()
                .find(|(seq, _)| *seq as usize == i + 1)
                .map(|(_, n)| n.clone())
                .unwrap_or_default();
            params.push(
                format!("{} {name}", rt.loader.param_name(m.assembly, p))
                    .trim_end()
                    .to_string(),
            );
        }
    }
    let mvid = asm.mvid().map(|g| guid_text(&g)).unwrap_or_default();
    // Mono ends the line with a space (after the absent line number).
    format!(
        "  at {owner}.{} ({}) [0x{il:05x}] in <{mvid}>:0 ",
        rt.loader.method_name(m),
        params.join(", ")
    )
}

/// An MVID as Mono prints it in stack traces: the GUID's canonical text without dashes
/// (`Guid.ToString("N")`; its first three fields are stored little-endian).
fn guid_text(g: &[u8; 16]) -> String {
    vcall_metadata::aot::Mvid(*g).to_string().replace('-', "")
}

/// Mono prints `Unhandled Exception:` and the exception's ToString(), then exits with 1.
pub fn unhandled(rt: &Runtime, exc: u64) -> ! {
    let text =
        managed_to_string(rt, exc).unwrap_or_else(|| super::natives::exception_text(rt, exc));
    super::natives::flush_stdout();
    eprintln!("\nUnhandled Exception:\n{text}\n[ERROR] FATAL UNHANDLED EXCEPTION: {text}");
    std::process::exit(1)
}

/// Calls the exception's virtual ToString().
fn managed_to_string(rt: &Runtime, exc: u64) -> Option<String> {
    // SAFETY: `exc` is a live object.
    let class = unsafe { class_of_object(exc) };
    let method = class
        .info
        .vtable()
        .iter()
        .find(|s| {
            rt.loader.method_name(s.method) == "ToString"
                && rt
                    .loader
                    .method_sig(s.method)
                    .map(|g| g.params.is_empty())
                    .unwrap_or(false)
        })?
        .method;
    let code = rt.ensure_compiled(rt.method_id(method)).ok()?;
    // SAFETY: a compiled instance method taking `this` and returning a string reference.
    let s = unsafe {
        let f: extern "sysv64" fn(u64) -> u64 = std::mem::transmute(code as usize);
        f(exc)
    };
    // SAFETY: ToString returns null or a string.
    Some(unsafe { heap::string_to_rust(s) })
}

/// For `--stats` and diagnostics: the number of registered methods.
pub fn describe(rt: &Runtime, pc: u64) -> Option<String> {
    rt.code_info_at(pc)
        .map(|i| rt.loader.method_display(rt.method(i.method).key))
}

#[allow(dead_code)]
fn header_offset() -> i32 {
    OBJ_HEADER
}

#[cfg(test)]
mod tests {
    #[test]
    fn mvid_text_is_the_canonical_guid_without_dashes() {
        // The MVID of tests/programs/Unhandled.exe as stored, and as Mono prints it.
        let raw = [
            0xc5, 0x51, 0xdc, 0x88, 0xff, 0x2f, 0x87, 0x47, 0x9f, 0x9d, 0x72, 0x03, 0x51, 0x77,
            0xd7, 0x90,
        ];
        assert_eq!(super::guid_text(&raw), "88dc51c52fff47879f9d72035177d790");
    }
}
