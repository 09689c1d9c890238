//! Trampoline generators: the one generic trampoline shape behind the JIT, virtual, IMT,
//! IMT-miss and throw trampolines, packed per-method specific trampolines, and small thunks.

use crate::asm::{assembler, finish};
use crate::callsite::rel32;
use crate::codemem::CodeMemory;
use crate::error::Result;
use crate::stats::{self, CodeKind};
use dynasmrt::{dynasm, DynasmApi};

/// The registers a generic trampoline saved, as its handler sees (and may change) them.
#[repr(C)]
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct SavedRegs {
    /// In encoding order (see [`crate::callsite::Reg`]). `gpr[4]` is the caller's rsp at its
    /// call instruction (the trampoline's entry rsp + 8); changing it has no effect. `gpr[11]`
    /// is overwritten by the jump target on the way out.
    pub gpr: [u64; 16],
    /// xmm0–xmm7, the System V vector argument registers, as (low, high) quadwords.
    pub xmm: [[u64; 2]; 8],
}

/// Called by a generic trampoline with its saved registers and the return address of the call
/// that entered it; returns where to continue (with the call's arguments restored).
pub type TrampolineHandler = extern "sysv64" fn(regs: *mut SavedRegs, return_address: u64) -> u64;

/// Bytes from `SavedRegs` to the trampoline's return address: the block plus 8 bytes of padding
/// that keep `SavedRegs` (and the handler's call) 16-byte aligned, since the entry rsp is 8 mod 16.
const RETURN_ADDRESS_OFFSET: i32 = 0x108;
/// The caller's rsp at its call, relative to `SavedRegs`.
const CALLER_RSP_OFFSET: i32 = RETURN_ADDRESS_OFFSET + 8;
/// The xmm block plus the padding, reserved before the GPRs are pushed below it.
const XMM_AREA: i32 = RETURN_ADDRESS_OFFSET - 16 * 8;

const _: () = {
    assert!(std::mem::size_of::<SavedRegs>() == 256);
    assert!(std::mem::offset_of!(SavedRegs, xmm) == 128);
    assert!(RETURN_ADDRESS_OFFSET as usize == std::mem::size_of::<SavedRegs>() + 8);
};

/// Emits a generic trampoline calling `handler`. It saves every GPR and xmm0–7 into a
/// [`SavedRegs`] on the stack, calls `handler(regs, return address)`, restores everything the
/// handler may have changed in the block, and jumps to the returned address through r11 (a
/// System V scratch register that carries no argument; IMT keys travel in r10).
pub fn emit_generic_trampoline(code: &CodeMemory, handler: TrampolineHandler) -> Result<u64> {
    let mut len = 0;
    let addr = code.emit(16, |base| {
        let mut a = assembler(base);
        // The GPRs are pushed in reverse so that rax lands lowest, at SavedRegs.gpr[0], right
        // under the xmm block; literal displacements keep these moves in their disp8 forms.
        dynasm!(a ; .arch x64
            ; sub rsp, XMM_AREA
            ; movdqu [rsp], xmm0
            ; movdqu [rsp + 0x10], xmm1
            ; movdqu [rsp + 0x20], xmm2
            ; movdqu [rsp + 0x30], xmm3
            ; movdqu [rsp + 0x40], xmm4
            ; movdqu [rsp + 0x50], xmm5
            ; movdqu [rsp + 0x60], xmm6
            ; movdqu [rsp + 0x70], xmm7
            ; push r15 ; push r14 ; push r13 ; push r12 ; push r11 ; push r10 ; push r9 ; push r8
            ; push rdi ; push rsi ; push rbp
            ; push rsp // placeholder, replaced by the caller's rsp below
            ; push rbx ; push rdx ; push rcx ; push rax
            ; lea rax, [rsp + CALLER_RSP_OFFSET]
            ; mov [rsp + 0x20], rax // gpr[4]
            ; mov rdi, rsp
            ; mov rsi, [rsp + RETURN_ADDRESS_OFFSET]
            ; mov rax, QWORD handler as usize as i64
            ; call rax
            // Into gpr[11], so the pops leave the target in r11 with every other register restored.
            ; mov [rsp + 0x58], rax
            ; pop rax ; pop rcx ; pop rdx ; pop rbx
            ; lea rsp, [rsp + 8] // gpr[4]: rsp is restored by the frame, not by the handler
            ; pop rbp ; pop rsi ; pop rdi
            ; pop r8 ; pop r9 ; pop r10 ; pop r11 ; pop r12 ; pop r13 ; pop r14 ; pop r15
            ; movdqu xmm0, [rsp]
            ; movdqu xmm1, [rsp + 0x10]
            ; movdqu xmm2, [rsp + 0x20]
            ; movdqu xmm3, [rsp + 0x30]
            ; movdqu xmm4, [rsp + 0x40]
            ; movdqu xmm5, [rsp + 0x50]
            ; movdqu xmm6, [rsp + 0x60]
            ; movdqu xmm7, [rsp + 0x70]
            ; add rsp, XMM_AREA
            ; jmp r11
        );
        let bytes = finish(a, "generic trampoline")?;
        len = bytes.len();
        Ok(bytes)
    })?;
    stats::global().record(CodeKind::GenericTrampoline, len);
    Ok(addr)
}

/// Bytes of a specific trampoline: `mov r11d, imm32` (6) + `jmp rel32` (5).
pub const SPECIFIC_TRAMPOLINE_BYTES: usize = 11;

/// `mov r11d, imm32`: the 32-bit form zero-extends, so all of r11 is the method id.
const MOV_R11D: [u8; 2] = [0x41, 0xBB];
const JMP_REL32: u8 = 0xE9;

fn encode_specific_trampoline(
    at: u64,
    method_id: u32,
    generic_jit: u64,
) -> Result<[u8; SPECIFIC_TRAMPOLINE_BYTES]> {
    let id = method_id.to_le_bytes();
    let rel = rel32(at + SPECIFIC_TRAMPOLINE_BYTES as u64, generic_jit)?.to_le_bytes();
    Ok([
        MOV_R11D[0],
        MOV_R11D[1],
        id[0],
        id[1],
        id[2],
        id[3],
        JMP_REL32,
        rel[0],
        rel[1],
        rel[2],
        rel[3],
    ])
}

/// A per-callee trampoline: `mov r11d, method_id; jmp generic_jit`. Packed with 1-byte
/// alignment, as Mono packs its specific trampolines; `generic_jit` must be in rel32 reach,
/// which it is when both live in one [`CodeMemory`] of at most 2 GiB.
pub fn emit_specific_trampoline(
    code: &CodeMemory,
    method_id: u32,
    generic_jit: u64,
) -> Result<u64> {
    let addr = code.emit(1, |at| {
        encode_specific_trampoline(at, method_id, generic_jit).map(|b| b.to_vec())
    })?;
    stats::global().record(CodeKind::SpecificTrampoline, SPECIFIC_TRAMPOLINE_BYTES);
    Ok(addr)
}

/// Decodes a specific trampoline at `at` back to (method id, generic trampoline).
pub fn decode_specific_trampoline(bytes: &[u8], at: u64) -> Option<(u32, u64)> {
    match *bytes.get(..SPECIFIC_TRAMPOLINE_BYTES)? {
        [0x41, 0xBB, i0, i1, i2, i3, JMP_REL32, r0, r1, r2, r3] => {
            let next = at + SPECIFIC_TRAMPOLINE_BYTES as u64;
            let rel = i32::from_le_bytes([r0, r1, r2, r3]) as i64 as u64;
            Some((u32::from_le_bytes([i0, i1, i2, i3]), next.wrapping_add(rel)))
        }
        _ => None,
    }
}

/// `mov r11, imm64; jmp r11`: lets code memory reach a Rust function (natives), which a rel32
/// cannot, the heap being terabytes from the binary.
pub fn emit_jump_thunk(code: &CodeMemory, target: u64) -> Result<u64> {
    let mut len = 0;
    let addr = code.emit(8, |base| {
        let mut a = assembler(base);
        dynasm!(a ; .arch x64 ; mov r11, QWORD target as i64 ; jmp r11);
        let bytes = finish(a, "jump thunk")?;
        len = bytes.len();
        Ok(bytes)
    })?;
    stats::global().record(CodeKind::Thunk, len);
    Ok(addr)
}

/// Moves a boxed `this` (in register number `this_reg`) past the object header to the value
/// inside, then jumps to a value type's method: what a vtable slot of a value type holds.
#[allow(
    clippy::useless_conversion,
    reason = "dynasm's Rq()/Rx() apply .into() to u8 register numbers"
)]
pub fn emit_unbox_thunk(
    code: &CodeMemory,
    this_reg: u8,
    header_bytes: i32,
    target: u64,
) -> Result<u64> {
    let mut len = 0;
    let addr = code.emit(8, |base| {
        let mut a = assembler(base);
        dynasm!(a ; .arch x64
            ; add Rq(this_reg), header_bytes
            ; mov r11, QWORD target as i64
            ; jmp r11
        );
        let bytes = finish(a, "unboxing thunk")?;
        len = bytes.len();
        Ok(bytes)
    })?;
    stats::global().record(CodeKind::Thunk, len);
    Ok(addr)
}

#[cfg(test)]
#[allow(
    clippy::useless_conversion,
    reason = "dynasm's Rq()/Rx() apply .into() to u8 register numbers"
)]
mod tests {
    use super::*;
    use crate::asm::Asm;
    use crate::callsite::{
        decode_indirect_call_before, encode_direct_call, encode_indirect_call, Reg,
    };
    use crate::error::DispatchError;
    use std::cell::{Cell, RefCell};

    extern "sysv64" fn target(a: u64, b: u64, c: f64) -> f64 {
        a as f64 * 100.0 + b as f64 + c
    }

    type Target = extern "sysv64" fn(u64, u64, f64) -> f64;

    /// What a handler saw; handlers are plain functions, and each test runs on its own
    /// thread, so they report through thread-locals.
    #[derive(Clone, Copy, Debug, Default)]
    struct Seen {
        regs: SavedRegs,
        ret: u64,
        base: Option<Reg>,
        disp: i32,
        cell: u64,
    }

    thread_local! {
        static CODE: Cell<Option<&'static CodeMemory>> = const { Cell::new(None) };
        static SEEN: RefCell<Seen> = RefCell::new(Seen::default());
        static CONTINUE_AT: Cell<u64> = const { Cell::new(0) };
    }

    fn code() -> &'static CodeMemory {
        CODE.with(|c| {
            c.get().unwrap_or_else(|| {
                let m = Box::leak(Box::new(CodeMemory::new(1 << 20).unwrap()));
                c.set(Some(m));
                m
            })
        })
    }

    /// Emits test code; `f` gets the assembler and the code's address.
    fn emit(f: impl FnOnce(&mut Asm, u64)) -> u64 {
        code()
            .emit::<DispatchError>(16, |base| {
                let mut a = assembler(base);
                f(&mut a, base);
                finish(a, "test code")
            })
            .unwrap()
    }

    /// Decodes the virtual call site like the runtime's virtual trampoline handler does.
    extern "sysv64" fn virtual_handler(regs: *mut SavedRegs, ret: u64) -> u64 {
        // SAFETY: the trampoline passes its saved-register block.
        let regs = unsafe { &*regs };
        let site = decode_indirect_call_before(code(), ret).unwrap();
        SEEN.with(|s| {
            *s.borrow_mut() = Seen {
                regs: *regs,
                ret,
                base: Some(site.base),
                disp: site.disp,
                cell: site.cell_address(regs),
            }
        });
        target as Target as usize as u64
    }

    #[test]
    fn virtual_call_through_generic_trampoline_keeps_arguments_and_sees_the_site() {
        let tramp = emit_generic_trampoline(code(), virtual_handler).unwrap();
        let mut vtable = vec![0u64; 512].into_boxed_slice();
        // Pointing into the middle lets displacements be negative like IMT slots.
        let vt = &vtable[256] as *const u64 as u64;
        let disps = [-152, -8, 0, 24, 1000, 127 * 8];
        // rdi and rsi carry arguments and rsp cannot hold a vtable; every other base is tried.
        let bases = Reg::ALL
            .into_iter()
            .filter(|r| ![Reg::RSP, Reg::RDI, Reg::RSI].contains(r));
        for (k, base) in bases.enumerate() {
            let disp = disps[k % disps.len()];
            let slot = (256 + disp / 8) as usize;
            vtable[slot] = tramp;
            let site = encode_indirect_call(base, disp);
            let mut ret = 0;
            let caller = emit(|a, at| {
                let b = base.number();
                dynasm!(a ; .arch x64
                    ; push rbx ; push rbp ; push r12 ; push r13 ; push r14 ; push r15 ; sub rsp, 8
                    ; mov Rq(b), QWORD vt as i64
                );
                a.extend(site.iter().copied());
                ret = at + a.offset().0 as u64;
                dynasm!(a ; .arch x64
                    ; add rsp, 8 ; pop r15 ; pop r14 ; pop r13 ; pop r12 ; pop rbp ; pop rbx ; ret
                );
            });
            // SAFETY: `caller` is a System V function with `target`'s signature that preserves
            // the callee-saved registers.
            let f: Target = unsafe { std::mem::transmute(caller as usize) };
            assert_eq!(f(7, 3, 0.5), 703.5, "base {base}");
            let seen = SEEN.with(|s| *s.borrow());
            assert_eq!((seen.base, seen.disp), (Some(base), disp));
            assert_eq!(seen.ret, ret);
            assert_eq!(seen.regs.gpr[base.number() as usize], vt);
            assert_eq!(seen.cell, &vtable[slot] as *const u64 as u64);
            assert_eq!((seen.regs.gpr[7], seen.regs.gpr[6]), (7, 3));
            assert_eq!(f64::from_bits(seen.regs.xmm[0][0]), 0.5);
            assert_eq!(
                seen.regs.gpr[4] % 16,
                0,
                "the caller's rsp is aligned at its call"
            );
        }
    }

    const fn gpr_pattern(r: usize) -> u64 {
        0x0101_0101_0101_0101 * (r as u64 + 1)
    }

    const fn xmm_pattern(x: usize) -> [u64; 2] {
        [
            0xA0A0_0000_0000_0000 | x as u64,
            0xB0B0_0000_0000_0000 | x as u64,
        ]
    }

    static XMM_IN: [[u64; 2]; 8] = {
        let mut v = [[0; 2]; 8];
        let mut x = 0;
        while x < 8 {
            v[x] = xmm_pattern(x);
            x += 1;
        }
        v
    };

    /// Checks nothing, changes rbx and xmm2 to show edits reach the target, continues at the dump.
    extern "sysv64" fn editing_handler(regs: *mut SavedRegs, ret: u64) -> u64 {
        // SAFETY: the trampoline passes its saved-register block.
        let regs = unsafe { &mut *regs };
        SEEN.with(|s| {
            *s.borrow_mut() = Seen {
                regs: *regs,
                ret,
                ..Seen::default()
            }
        });
        regs.gpr[3] = 0xB0B;
        regs.xmm[2] = [1, 2];
        regs.gpr[4] = 0; // must be ignored
        CONTINUE_AT.with(|c| c.get())
    }

    #[test]
    fn generic_trampoline_saves_and_restores_every_register() {
        let tramp = emit_generic_trampoline(code(), editing_handler).unwrap();
        // The continuation dumps every register into `dump` and returns to the probe.
        let mut dump = Box::new(SavedRegs::default());
        let dump_addr = &mut *dump as *mut SavedRegs as u64;
        let dumper = emit(|a, _| {
            dynasm!(a ; .arch x64 ; mov r11, QWORD dump_addr as i64);
            for r in (0..16u8).filter(|&r| r != 11) {
                dynasm!(a ; .arch x64 ; mov [r11 + 8 * r as i32], Rq(r));
            }
            for x in 0..8u8 {
                dynasm!(a ; .arch x64 ; movdqu [r11 + 128 + 16 * x as i32], Rx(x));
            }
            dynasm!(a ; .arch x64 ; ret);
        });
        CONTINUE_AT.with(|c| c.set(dumper));
        let mut ret = 0;
        let probe = emit(|a, at| {
            dynasm!(a ; .arch x64
                ; push rbx ; push rbp ; push r12 ; push r13 ; push r14 ; push r15 ; sub rsp, 8
                ; mov rax, QWORD XMM_IN.as_ptr() as i64
            );
            for x in 0..8u8 {
                dynasm!(a ; .arch x64 ; movdqu Rx(x), [rax + 16 * x as i32]);
            }
            for r in (0..16u8).filter(|&r| r != 4) {
                dynasm!(a ; .arch x64 ; mov Rq(r), QWORD gpr_pattern(r as usize) as i64);
            }
            let here = at + a.offset().0 as u64;
            a.extend(encode_direct_call(here, tramp).unwrap());
            ret = here + 5;
            dynasm!(a ; .arch x64
                ; add rsp, 8 ; pop r15 ; pop r14 ; pop r13 ; pop r12 ; pop rbp ; pop rbx ; ret
            );
        });
        // SAFETY: `probe` preserves the callee-saved registers and returns nothing.
        let f: extern "sysv64" fn() = unsafe { std::mem::transmute(probe as usize) };
        f();
        let seen = SEEN.with(|s| *s.borrow());
        assert_eq!(seen.ret, ret);
        for r in (0..16).filter(|&r| r != 4) {
            assert_eq!(
                seen.regs.gpr[r],
                gpr_pattern(r),
                "handler's view of {}",
                Reg::ALL[r]
            );
        }
        assert_eq!(seen.regs.xmm, XMM_IN);
        assert_eq!(seen.regs.gpr[4] % 16, 0);
        for r in (0..16).filter(|&r| ![3, 4, 11].contains(&r)) {
            assert_eq!(
                dump.gpr[r],
                gpr_pattern(r),
                "{} after the trampoline",
                Reg::ALL[r]
            );
        }
        assert_eq!(dump.gpr[3], 0xB0B, "the handler's edit of rbx is applied");
        assert_eq!(
            dump.gpr[4],
            seen.regs.gpr[4] - 8,
            "rsp as at entry, return address on top"
        );
        let mut xmm = XMM_IN;
        xmm[2] = [1, 2];
        assert_eq!(dump.xmm, xmm);
    }

    extern "sysv64" fn jit_handler(regs: *mut SavedRegs, ret: u64) -> u64 {
        // SAFETY: the trampoline passes its saved-register block.
        let regs = unsafe { &*regs };
        SEEN.with(|s| {
            *s.borrow_mut() = Seen {
                regs: *regs,
                ret,
                ..Seen::default()
            }
        });
        target as Target as usize as u64
    }

    #[test]
    fn specific_trampolines_carry_the_method_id_to_the_generic_one() {
        let generic = emit_generic_trampoline(code(), jit_handler).unwrap();
        let ids = [42u32, 0, 0x8000_0000, u32::MAX];
        let tramps: Vec<u64> = ids
            .iter()
            .map(|&id| emit_specific_trampoline(code(), id, generic).unwrap())
            .collect();
        for w in tramps.windows(2) {
            assert_eq!(w[1] - w[0], SPECIFIC_TRAMPOLINE_BYTES as u64, "packed");
        }
        for (&id, &t) in ids.iter().zip(&tramps) {
            assert_eq!(
                decode_specific_trampoline(&code().read(t, SPECIFIC_TRAMPOLINE_BYTES), t),
                Some((id, generic))
            );
            // SAFETY: the trampoline ends in `target`, whose signature this is.
            let f: Target = unsafe { std::mem::transmute(t as usize) };
            assert_eq!(f(1, 2, 0.25), 102.25);
            let seen = SEEN.with(|s| *s.borrow());
            assert_eq!(seen.regs.gpr[11], id as u64, "zero-extended id in r11");
        }
        assert_eq!(decode_specific_trampoline(&[0x90; 11], 0), None);
        assert_eq!(decode_specific_trampoline(&[0x41, 0xBB], 0), None);
    }

    type Unary = extern "sysv64" fn(u64) -> u64;

    extern "sysv64" fn identity(p: u64) -> u64 {
        p
    }

    #[test]
    fn thunks_reach_rust_and_unbox() {
        let f = identity as Unary as usize as u64;
        let jump = emit_jump_thunk(code(), f).unwrap();
        let unbox = emit_unbox_thunk(code(), 7, 16, f).unwrap();
        // SAFETY: both thunks end in `identity`, whose signature this is.
        let (j, u) = unsafe {
            (
                std::mem::transmute::<usize, Unary>(jump as usize),
                std::mem::transmute::<usize, Unary>(unbox as usize),
            )
        };
        assert_eq!(j(1000), 1000);
        assert_eq!(u(1000), 1016);
    }
}
