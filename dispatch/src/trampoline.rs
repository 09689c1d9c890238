//! Trampoline generators: the generic trampoline shape shared by the JIT, virtual, IMT and
//! IMT-miss trampolines, packed specific (per-callee) trampolines, and small thunks.

use crate::codemem::CodeMemory;
use crate::error::DispatchError;
use crate::stats;
use dynasmrt::x64::X64Relocation;
use dynasmrt::{dynasm, DynasmApi, VecAssembler};

/// Registers saved by a generic trampoline, as the Rust handler sees them.
#[repr(C)]
#[derive(Clone, Copy, Debug, Default)]
pub struct SavedRegs {
    /// In encoding order; `gpr[4]` is the caller's rsp at its call instruction.
    pub gpr: [u64; 16],
    pub xmm: [[u64; 2]; 8],
}

/// The handler a generic trampoline calls; it returns the address to continue at.
pub type TrampolineHandler = extern "sysv64" fn(*mut SavedRegs, u64) -> u64;

const SAVE_BYTES: i32 = 16 * 8 + 8 * 16;
/// SavedRegs plus 8 bytes so the handler call sees a 16-byte aligned stack.
const FRAME_BYTES: i32 = SAVE_BYTES + 8;

fn assembler(base: u64) -> VecAssembler<X64Relocation> {
    VecAssembler::new(base as usize)
}

fn finish(a: VecAssembler<X64Relocation>) -> Result<Vec<u8>, DispatchError> {
    a.finalize()
        .map_err(|e| DispatchError::Assembler(format!("{e:?}")))
}

/// Emits a generic trampoline: save every GPR and xmm0–7, call `handler(regs, return address)`,
/// restore everything, jump to the returned address (through r11, a scratch register in
/// the System V convention that carries no argument).
pub fn emit_generic_trampoline(
    code: &CodeMemory,
    handler: TrampolineHandler,
) -> Result<u64, DispatchError> {
    let addr = code.emit(16, |base| {
        let mut a = assembler(base);
        dynasm!(a ; .arch x64 ; sub rsp, FRAME_BYTES);
        for r in 0..16u8 {
            if r != 4 {
                dynasm!(a ; .arch x64 ; mov QWORD [rsp + 8 * r as i32], Rq(r));
            }
        }
        dynasm!(a ; .arch x64
            ; lea rax, [rsp + FRAME_BYTES + 8]
            ; mov QWORD [rsp + 32], rax
        );
        for x in 0..8u8 {
            dynasm!(a ; .arch x64 ; movdqu [rsp + 128 + 16 * x as i32], Rx(x));
        }
        dynasm!(a ; .arch x64
            ; mov rdi, rsp
            ; mov rsi, QWORD [rsp + FRAME_BYTES]
            ; mov rax, QWORD handler as usize as i64
            ; call rax
            ; mov r11, rax
        );
        for x in 0..8u8 {
            dynasm!(a ; .arch x64 ; movdqu Rx(x), [rsp + 128 + 16 * x as i32]);
        }
        for r in 0..16u8 {
            if r != 4 && r != 11 {
                dynasm!(a ; .arch x64 ; mov Rq(r), QWORD [rsp + 8 * r as i32]);
            }
        }
        dynasm!(a ; .arch x64 ; add rsp, FRAME_BYTES ; jmp r11);
        finish(a)
    })?;
    stats::global().add_generic(code.used_bytes() as u64);
    Ok(addr)
}

/// Bytes of a specific trampoline: `mov r11d, imm32` (6) + `jmp rel32` (5).
pub const SPECIFIC_TRAMPOLINE_BYTES: usize = 11;

/// A per-callee trampoline: loads the method id into r11 and jumps to the generic JIT
/// trampoline. Packed with 1-byte alignment, as Mono packs its specific trampolines.
pub fn emit_specific_trampoline(
    code: &CodeMemory,
    method_id: u32,
    generic_jit: u64,
) -> Result<u64, DispatchError> {
    let addr = code.emit(1, |base| {
        let mut out = Vec::with_capacity(SPECIFIC_TRAMPOLINE_BYTES);
        out.extend_from_slice(&[0x41, 0xBB]);
        out.extend_from_slice(&method_id.to_le_bytes());
        let next = base + SPECIFIC_TRAMPOLINE_BYTES as u64;
        let rel = i32::try_from(generic_jit.wrapping_sub(next) as i64).map_err(|_| {
            DispatchError::OutOfRange {
                from: next,
                to: generic_jit,
            }
        })?;
        out.push(0xE9);
        out.extend_from_slice(&rel.to_le_bytes());
        Ok::<_, DispatchError>(out)
    })?;
    stats::global().add_specific(SPECIFIC_TRAMPOLINE_BYTES as u64);
    Ok(addr)
}

/// Decodes a specific trampoline back to (method id, generic target).
pub fn decode_specific_trampoline(bytes: &[u8], at: u64) -> Option<(u32, u64)> {
    if bytes.len() < SPECIFIC_TRAMPOLINE_BYTES
        || bytes[0] != 0x41
        || bytes[1] != 0xBB
        || bytes[6] != 0xE9
    {
        return None;
    }
    let id = u32::from_le_bytes([bytes[2], bytes[3], bytes[4], bytes[5]]);
    let rel = i32::from_le_bytes([bytes[7], bytes[8], bytes[9], bytes[10]]);
    Some((
        id,
        (at + SPECIFIC_TRAMPOLINE_BYTES as u64).wrapping_add(rel as i64 as u64),
    ))
}

/// `mov r11, imm64; jmp r11`: lets code memory reach a Rust function (natives).
pub fn emit_jump_thunk(code: &CodeMemory, target: u64) -> Result<u64, DispatchError> {
    code.emit(8, |base| {
        let mut a = assembler(base);
        dynasm!(a ; .arch x64 ; mov r11, QWORD target as i64 ; jmp r11);
        finish(a)
    })
}

/// Adjusts a boxed `this` to the value inside, then jumps to a value type's method.
pub fn emit_unbox_thunk(
    code: &CodeMemory,
    this_reg: u8,
    header_bytes: i32,
    target: u64,
) -> Result<u64, DispatchError> {
    code.emit(8, |base| {
        let mut a = assembler(base);
        dynasm!(a ; .arch x64 ; add Rq(this_reg), header_bytes ; mov r11, QWORD target as i64 ; jmp r11);
        finish(a)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::callsite::{encode_indirect_call, Reg};
    use std::sync::atomic::{AtomicU64, Ordering};

    static SEEN_BASE: AtomicU64 = AtomicU64::new(0);
    static SEEN_DISP: AtomicU64 = AtomicU64::new(0);
    static CODE: std::sync::OnceLock<CodeMemory> = std::sync::OnceLock::new();

    extern "sysv64" fn target(a: u64, b: u64, c: f64) -> f64 {
        a as f64 * 100.0 + b as f64 + c
    }

    extern "sysv64" fn handler(regs: *mut SavedRegs, ret: u64) -> u64 {
        let code = CODE.get().unwrap();
        let site = crate::callsite::decode_indirect_call_before(code, ret).unwrap();
        // SAFETY: the trampoline passes its saved-register block.
        let base = unsafe { (*regs).gpr[site.base.number() as usize] };
        SEEN_BASE.store(base, Ordering::SeqCst);
        SEEN_DISP.store(site.disp as i64 as u64, Ordering::SeqCst);
        target as *const () as u64
    }

    #[test]
    fn generic_trampoline_preserves_arguments_and_sees_the_call_site() {
        let code = CODE.get_or_init(|| CodeMemory::new(1 << 20).unwrap());
        let tramp = emit_generic_trampoline(code, handler).unwrap();
        for (base_reg, disp) in [(0u8, 24i32), (11, 16), (12, 8), (3, 400)] {
            // A fake vtable whose slot at `disp` points at the trampoline.
            let mut vtable = vec![0u64; 128];
            let vt = vtable.as_mut_ptr() as u64;
            vtable[(disp / 8) as usize] = tramp;
            // Caller stub: load the vtable into the base register, call through the slot.
            let caller = code
                .emit::<DispatchError>(16, |base| {
                    let mut a = assembler(base);
                    dynasm!(a ; .arch x64 ; push rbx ; push r12 ; sub rsp, 8 ; mov Rq(base_reg), QWORD vt as i64);
                    let mut bytes = finish(a)?;
                    bytes.extend(encode_indirect_call(Reg::new(base_reg).unwrap(), disp));
                    bytes.extend([0x48, 0x83, 0xC4, 0x08, 0x41, 0x5C, 0x5B, 0xC3]); // add rsp,8; pop r12; pop rbx; ret
                    Ok(bytes)
                })
                .unwrap();
            // SAFETY: `caller` follows the System V convention with the signature of `target`.
            let f: extern "sysv64" fn(u64, u64, f64) -> f64 =
                unsafe { std::mem::transmute(caller as usize) };
            assert_eq!(f(7, 3, 0.5), 703.5);
            assert_eq!(SEEN_BASE.load(Ordering::SeqCst), vt);
            assert_eq!(SEEN_DISP.load(Ordering::SeqCst) as i64, disp as i64);
        }
    }

    #[test]
    fn specific_trampolines_are_packed_and_decodable() {
        let code = CodeMemory::new(1 << 20).unwrap();
        let a = emit_specific_trampoline(&code, 42, code.base() + 0x1000).unwrap();
        let b = emit_specific_trampoline(&code, 43, code.base() + 0x1000).unwrap();
        assert_eq!(b - a, SPECIFIC_TRAMPOLINE_BYTES as u64);
        assert_eq!(
            decode_specific_trampoline(&code.read(a, 11), a),
            Some((42, code.base() + 0x1000))
        );
        assert_eq!(
            decode_specific_trampoline(&code.read(b, 11), b),
            Some((43, code.base() + 0x1000))
        );
    }
}
