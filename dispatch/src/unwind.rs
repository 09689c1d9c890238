//! Machine code for exception dispatch: resuming execution in a frame found by the unwinder,
//! and calling a finally/fault handler of a frame (a funclet) from the unwinder's stack.

use crate::asm::{assembler, finish};
use crate::codemem::CodeMemory;
use crate::error::Result;
use dynasmrt::{dynasm, DynasmApi};

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
}
