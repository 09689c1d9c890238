//! Machine code for exception dispatch: resuming execution in a frame found by the unwinder,
//! calling a finally/fault handler of a frame (a funclet) from the unwinder's stack, and the
//! protected caller through which Rust calls managed code that may throw.

use crate::asm::{assembler, finish};
use crate::codemem::CodeMemory;
use crate::error::Result;
use dynasmrt::{dynasm, DynasmApi, DynasmLabelApi};

/// Where and with which callee-saved registers to continue: the frame of a catch handler.
#[repr(C)]
#[derive(Clone, Copy, Debug, Default)]
pub struct ResumeContext {
    pub rsp: u64,
    pub rbp: u64,
    /// rbx, r12, r13, r14, r15.
    pub callee_saved: [u64; 5],
    pub rip: u64,
}

/// Registers the code generators keep variables in across calls.
pub const CALLEE_SAVED_REGS: [u8; 5] = [3, 12, 13, 14, 15];

/// `resume(ctx: *const ResumeContext) -> !`: loads rsp, rbp and the callee-saved registers
/// and jumps to `rip`. The stack below the new rsp (the unwinder's own frames) is abandoned.
#[allow(
    clippy::useless_conversion,
    reason = "dynasm's Rq() applies .into() to u8 register numbers"
)]
pub fn emit_resume(code: &CodeMemory) -> Result<u64> {
    code.emit(16, |base| {
        let mut a = assembler(base);
        for (k, r) in CALLEE_SAVED_REGS.iter().enumerate() {
            dynasm!(a ; .arch x64 ; mov Rq(*r), QWORD [rdi + 16 + 8 * k as i32]);
        }
        dynasm!(a ; .arch x64
            ; mov r11, QWORD [rdi + 56]
            ; mov rbp, QWORD [rdi + 8]
            ; mov rsp, QWORD [rdi]
            ; jmp r11
        );
        finish(a, "resume stub")
    })
}

/// `call_funclet(frame_rbp, handler, regs: *mut [u64; 5])`: runs a handler compiled as a local
/// subroutine of some frame (it addresses that frame's variables through rbp and ends with
/// `ret`), with the frame's callee-saved register values, which are written back afterwards.
/// The funclet runs on the caller's (deeper) stack, so the abandoned frames are not disturbed.
#[allow(
    clippy::useless_conversion,
    reason = "dynasm's Rq() applies .into() to u8 register numbers"
)]
pub fn emit_funclet_caller(code: &CodeMemory) -> Result<u64> {
    code.emit(16, |base| {
        let mut a = assembler(base);
        dynasm!(a ; .arch x64
            ; push rbp ; push rbx ; push r12 ; push r13 ; push r14 ; push r15
            ; push rdx
        );
        for (k, r) in CALLEE_SAVED_REGS.iter().enumerate() {
            dynasm!(a ; .arch x64 ; mov Rq(*r), QWORD [rdx + 8 * k as i32]);
        }
        // Funclets are entered from their method as `sub rsp, 8; call`, so they expect rsp to
        // be 16-byte aligned once inside; match that here.
        dynasm!(a ; .arch x64 ; mov rbp, rdi ; sub rsp, 8 ; call rsi ; add rsp, 8 ; mov r11, QWORD [rsp]);
        for (k, r) in CALLEE_SAVED_REGS.iter().enumerate() {
            dynasm!(a ; .arch x64 ; mov QWORD [r11 + 8 * k as i32], Rq(*r));
        }
        dynasm!(a ; .arch x64 ; pop rdx ; pop r15 ; pop r14 ; pop r13 ; pop r12 ; pop rbx ; pop rbp ; ret);
        finish(a, "funclet caller")
    })
}

/// `mov ecx, value; mov rax, target; jmp rax`: enters a generic trampoline (the throw
/// trampoline) with the stack as the jumper left it, so it sees the jumper's return address.
pub fn emit_ecx_jump(code: &CodeMemory, value: u32, target: u64) -> Result<u64> {
    code.emit(16, |base| {
        let mut a = assembler(base);
        dynasm!(a ; .arch x64
            ; mov ecx, value as i32
            ; mov rax, QWORD target as i64
            ; jmp rax
        );
        finish(a, "ecx jump")
    })
}

/// A boundary where Rust calls managed code and gets back any exception that escapes it (as
/// Mono's runtime-invoke wrappers catch exceptions): the unwinder, finding no handler before
/// a frame returning to `return_address`, resumes at `landing` in that frame.
#[derive(Clone, Copy, Debug, Default)]
pub struct ProtectedCall {
    /// `call(target, arg0, arg1, exc: *mut u64) -> u64`: calls `target(arg0, arg1)` and
    /// returns its result; if an exception escapes, the unwinder stores it in `*exc` and
    /// resumes at `landing`, which returns 0.
    pub call: u64,
    /// The return address of its call to `target`: a frame returning there is the boundary.
    pub return_address: u64,
    /// Resumed with rbp = the boundary frame's rbp, rsp = rbp - [`PROTECTED_FRAME_BYTES`].
    pub landing: u64,
}

/// How far below the boundary frame's rbp its rsp is while `target` runs.
pub const PROTECTED_FRAME_BYTES: u64 = 48;
/// Where the boundary frame keeps the `exc` pointer (rbp-relative).
pub const PROTECTED_EXC_SLOT: i64 = -48;

/// The protected caller. It saves every callee-saved register itself, so resuming at the
/// landing restores the Rust caller's registers whatever the unwound frames did with them.
pub fn emit_protected_caller(code: &CodeMemory) -> Result<ProtectedCall> {
    let mut offsets = (0usize, 0usize);
    let call = code.emit(16, |base| {
        let mut a = assembler(base);
        let ret = a.new_dynamic_label();
        // Entry rsp is 8 mod 16; seven pushes make it 0 mod 16 for the call.
        dynasm!(a ; .arch x64
            ; push rbp ; mov rbp, rsp
            ; push rbx ; push r12 ; push r13 ; push r14 ; push r15
            ; push rcx
            ; mov rax, rdi ; mov rdi, rsi ; mov rsi, rdx
            ; call rax
        );
        offsets.0 = a.offset().0;
        dynasm!(a ; .arch x64
            ; =>ret
            ; add rsp, 8
            ; pop r15 ; pop r14 ; pop r13 ; pop r12 ; pop rbx ; pop rbp
            ; ret
        );
        offsets.1 = a.offset().0;
        dynasm!(a ; .arch x64 ; xor eax, eax ; jmp =>ret);
        finish(a, "protected caller")
    })?;
    Ok(ProtectedCall {
        call,
        return_address: call + offsets.0 as u64,
        landing: call + offsets.1 as u64,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::DispatchError;

    #[test]
    fn funclet_sees_the_frame_and_registers_and_writes_them_back() {
        let code = CodeMemory::new(1 << 20).unwrap();
        // A funclet: [rbp-8] += rbx; r12 = 77; ret
        let funclet = code
            .emit::<DispatchError>(16, |base| {
                let mut a = assembler(base);
                dynasm!(a ; .arch x64 ; add QWORD [rbp - 8], rbx ; mov r12, 77 ; ret);
                finish(a, "test funclet")
            })
            .unwrap();
        let caller = emit_funclet_caller(&code).unwrap();
        let mut frame = [0u64; 4];
        frame[3] = 5; // rbp will point just past it, so [rbp-8] is frame[3]
        let fake_rbp = frame.as_mut_ptr() as u64 + 32;
        let mut regs = [10u64, 20, 30, 40, 50];
        // SAFETY: `caller` follows the System V convention with this signature.
        let f: extern "sysv64" fn(u64, u64, *mut [u64; 5]) =
            unsafe { std::mem::transmute(caller as usize) };
        f(fake_rbp, funclet, &mut regs);
        assert_eq!(frame[3], 15);
        assert_eq!(regs, [10, 77, 30, 40, 50]);
    }

    #[test]
    fn protected_call_returns_results_and_lands_exceptions() {
        let code = CodeMemory::new(1 << 20).unwrap();
        let p = emit_protected_caller(&code).unwrap();
        // Returns arg0 + arg1, clobbering callee-saved registers the caller must get back.
        let add = code
            .emit::<DispatchError>(16, |base| {
                let mut a = assembler(base);
                dynasm!(a ; .arch x64 ; lea rax, [rdi + rsi] ; xor ebx, ebx ; xor r12d, r12d ; ret);
                finish(a, "test add")
            })
            .unwrap();
        // "Throws": does what the unwinder does for the boundary (exception into *exc, rsp
        // and rbp of the boundary frame, jump to the landing), with other registers clobbered.
        let landing = p.landing as i64;
        let throws = code
            .emit::<DispatchError>(16, |base| {
                let mut a = assembler(base);
                dynasm!(a ; .arch x64
                    ; mov rax, QWORD [rbp + PROTECTED_EXC_SLOT as i32]
                    ; mov QWORD [rax], 0x5eed
                    ; xor ebx, ebx ; xor r13d, r13d ; xor r15d, r15d
                    ; lea rsp, [rbp - PROTECTED_FRAME_BYTES as i32]
                    ; mov rax, QWORD landing
                    ; jmp rax
                );
                finish(a, "test thrower")
            })
            .unwrap();
        // SAFETY: the protected caller follows the System V convention with this signature.
        let call: extern "sysv64" fn(u64, u64, u64, *mut u64) -> u64 =
            unsafe { std::mem::transmute(p.call as usize) };
        let mut exc = 0u64;
        for _ in 0..3 {
            assert_eq!(call(add, 40, 2, &mut exc), 42);
            assert_eq!(exc, 0);
            assert_eq!(call(throws, 1, 2, &mut exc), 0);
            assert_eq!(exc, 0x5eed);
            exc = 0;
        }
        assert!(p.return_address > p.call && p.landing > p.return_address);
    }
}
