//! Call-site shapes, encoder and decoder side by side: `call qword [base + disp]` (virtual and
//! interface calls), `call rel32` (direct calls) and `mov r10d, imm32` (the IMT key load).
//! The JIT emits with these encoders and the trampolines decode with these decoders.

use crate::codemem::CodeMemory;
use crate::error::DispatchError;

/// A general-purpose register in x86 encoding order (rax = 0 … r15 = 15).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Reg(u8);

impl Reg {
    pub const RAX: Reg = Reg(0);
    pub const RCX: Reg = Reg(1);
    pub const RDX: Reg = Reg(2);
    pub const RBX: Reg = Reg(3);
    pub const RSP: Reg = Reg(4);
    pub const RBP: Reg = Reg(5);
    pub const RSI: Reg = Reg(6);
    pub const RDI: Reg = Reg(7);
    pub const R10: Reg = Reg(10);
    pub const R11: Reg = Reg(11);
    pub const R12: Reg = Reg(12);
    pub const R13: Reg = Reg(13);

    pub fn new(n: u8) -> Option<Reg> {
        (n < 16).then_some(Reg(n))
    }
    pub fn number(self) -> u8 {
        self.0
    }
    pub fn name(self) -> &'static str {
        [
            "rax", "rcx", "rdx", "rbx", "rsp", "rbp", "rsi", "rdi", "r8", "r9", "r10", "r11",
            "r12", "r13", "r14", "r15",
        ][self.0 as usize]
    }
}

/// A decoded `call qword [base + disp]`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct IndirectCall {
    pub base: Reg,
    pub disp: i32,
    /// Instruction length in bytes.
    pub len: usize,
}

/// The IMT key register (Mono's MONO_ARCH_IMT_REG on amd64).
pub const IMT_REG: Reg = Reg::R10;

/// Encodes `call qword [base + disp]`, the shortest of the disp8 and disp32 forms.
/// (mod=00 is never used, so rbp/r13 bases need no special case; rsp/r12 need a SIB byte.)
pub fn encode_indirect_call(base: Reg, disp: i32) -> Vec<u8> {
    let mut out = Vec::with_capacity(8);
    if base.0 >= 8 {
        out.push(0x41);
    }
    out.push(0xFF);
    let rm = base.0 & 7;
    let short = i8::try_from(disp).is_ok();
    let modbits = if short { 0b01 } else { 0b10 };
    out.push((modbits << 6) | (2 << 3) | rm);
    if rm == 4 {
        out.push(0x24); // SIB: no index, base = rsp/r12
    }
    if short {
        out.push(disp as i8 as u8);
    } else {
        out.extend_from_slice(&disp.to_le_bytes());
    }
    out
}

/// Decodes the `call qword [base + disp]` that ends exactly at the end of `before`
/// (the bytes in front of a return address). Anything else is refused.
pub fn decode_indirect_call(before: &[u8], ret_addr: u64) -> Result<IndirectCall, DispatchError> {
    let n = before.len();
    // (displacement bytes, has SIB) in the order the JIT most often emits them.
    for (disp_len, sib) in [(1usize, false), (1, true), (4, false), (4, true)] {
        let core = 2 + usize::from(sib) + disp_len; // FF, ModRM, [SIB], disp
        if n < core {
            continue;
        }
        let at = n - core;
        if before[at] != 0xFF {
            continue;
        }
        let modrm = before[at + 1];
        let (md, reg, rm) = (modrm >> 6, (modrm >> 3) & 7, modrm & 7);
        let want_mod = if disp_len == 1 { 0b01 } else { 0b10 };
        if md != want_mod || reg != 2 || (rm == 4) != sib {
            continue;
        }
        if sib && before[at + 2] != 0x24 {
            continue;
        }
        let d = &before[at + 2 + usize::from(sib)..];
        let disp = if disp_len == 1 {
            d[0] as i8 as i32
        } else {
            i32::from_le_bytes([d[0], d[1], d[2], d[3]])
        };
        let rex_b = at > 0 && before[at - 1] & 0xF0 == 0x40 && before[at - 1] & 0x08 == 0;
        let (base, len) = if rex_b {
            (rm + if before[at - 1] & 1 != 0 { 8 } else { 0 }, core + 1)
        } else {
            (rm, core)
        };
        return Ok(IndirectCall {
            base: Reg(base),
            disp,
            len,
        });
    }
    Err(DispatchError::UnrecognisedCallSite {
        ret_addr,
        bytes: before.to_vec(),
    })
}

/// Decodes the indirect call in front of `ret_addr` in code memory.
pub fn decode_indirect_call_before(
    code: &CodeMemory,
    ret_addr: u64,
) -> Result<IndirectCall, DispatchError> {
    const WINDOW: u64 = 9;
    if !code.contains(ret_addr.wrapping_sub(WINDOW)) {
        return Err(DispatchError::OutsideCodeMemory(ret_addr));
    }
    let bytes = code.read(ret_addr - WINDOW, WINDOW as usize);
    decode_indirect_call(&bytes, ret_addr)
}

/// NOP bytes to emit before an `E8 rel32` at `at` so its rel32 is 4-byte aligned and can be
/// patched with one atomic store.
pub fn aligned_call_padding(at: u64) -> usize {
    ((4 - ((at + 1) % 4)) % 4) as usize
}

/// Encodes `call rel32` at `site` to `target`.
pub fn encode_direct_call(site: u64, target: u64) -> Result<[u8; 5], DispatchError> {
    let rel = rel32(site + 5, target)?;
    let r = rel.to_le_bytes();
    Ok([0xE8, r[0], r[1], r[2], r[3]])
}

fn rel32(next: u64, target: u64) -> Result<i32, DispatchError> {
    let rel = target.wrapping_sub(next) as i64;
    i32::try_from(rel).map_err(|_| DispatchError::OutOfRange {
        from: next,
        to: target,
    })
}

/// The target of the `call rel32` ending at `ret_addr`, if that is what precedes it.
pub fn decode_direct_call_target(code: &CodeMemory, ret_addr: u64) -> Option<u64> {
    if !code.contains(ret_addr.wrapping_sub(5)) {
        return None;
    }
    let b = code.read(ret_addr - 5, 5);
    (b.len() == 5 && b[0] == 0xE8)
        .then(|| ret_addr.wrapping_add(i32::from_le_bytes([b[1], b[2], b[3], b[4]]) as i64 as u64))
}

/// Points the `call rel32` ending at `ret_addr` at `target` with an aligned atomic store.
pub fn patch_direct_call(
    code: &CodeMemory,
    ret_addr: u64,
    target: u64,
) -> Result<(), DispatchError> {
    let rel = rel32(ret_addr, target)?;
    code.patch_u32(ret_addr - 4, rel as u32)
}

/// `mov r10d, imm32`: loads an interface method id into the IMT register.
pub fn encode_imt_key_load(id: u32) -> [u8; 6] {
    let b = id.to_le_bytes();
    [0x41, 0xBA, b[0], b[1], b[2], b[3]]
}

pub fn decode_imt_key_load(bytes: &[u8]) -> Option<u32> {
    (bytes.len() == 6 && bytes[0] == 0x41 && bytes[1] == 0xBA)
        .then(|| u32::from_le_bytes([bytes[2], bytes[3], bytes[4], bytes[5]]))
}

#[cfg(test)]
mod tests {
    use super::*;

    const DISPS: [i32; 12] = [
        0,
        1,
        -1,
        127,
        -128,
        128,
        -129,
        16,
        -152,
        0x7fff_ffff,
        i32::MIN,
        4096,
    ];

    #[test]
    fn indirect_call_round_trips_for_every_register_and_displacement() {
        for r in 0..16u8 {
            for &d in &DISPS {
                let bytes = encode_indirect_call(Reg(r), d);
                // Precede with a `mov rax, [rdi]` like the JIT does, so REX detection sees real context.
                let mut ctx = vec![0x48, 0x8B, 0x07];
                ctx.extend_from_slice(&bytes);
                let got = decode_indirect_call(&ctx, 0x1000).unwrap();
                assert_eq!(
                    (got.base, got.disp, got.len),
                    (Reg(r), d, bytes.len()),
                    "reg {} disp {d}",
                    Reg(r).name()
                );
            }
        }
    }

    #[test]
    fn encodings_match_the_manual() {
        assert_eq!(encode_indirect_call(Reg::RAX, 16), vec![0xFF, 0x50, 0x10]);
        assert_eq!(
            encode_indirect_call(Reg::RAX, -152),
            vec![0xFF, 0x90, 0x68, 0xFF, 0xFF, 0xFF]
        );
        assert_eq!(
            encode_indirect_call(Reg::RSP, 8),
            vec![0xFF, 0x54, 0x24, 0x08]
        );
        assert_eq!(
            encode_indirect_call(Reg::R12, 8),
            vec![0x41, 0xFF, 0x54, 0x24, 0x08]
        );
        assert_eq!(
            encode_indirect_call(Reg::R13, 0),
            vec![0x41, 0xFF, 0x55, 0x00]
        );
        assert_eq!(
            encode_indirect_call(Reg(11), 24),
            vec![0x41, 0xFF, 0x53, 0x18]
        );
    }

    #[test]
    fn other_instructions_are_refused() {
        assert!(decode_indirect_call(&[0xE8, 0, 0, 0, 0], 0).is_err()); // direct call
        assert!(decode_indirect_call(&[0x48, 0xFF, 0xD0], 0).is_err()); // call rax (mod=11)
        assert!(decode_indirect_call(&[0xFF, 0x10], 0).is_err()); // call [rax] (mod=00)
        assert!(decode_indirect_call(&[], 0).is_err());
    }

    #[test]
    fn direct_call_padding_aligns_the_displacement() {
        for at in 0..16u64 {
            let p = aligned_call_padding(at) as u64;
            assert_eq!((at + p + 1) % 4, 0);
            assert!(p < 4);
        }
        let c = encode_direct_call(0x1000, 0x2000).unwrap();
        assert_eq!(c[0], 0xE8);
        assert_eq!(
            i32::from_le_bytes([c[1], c[2], c[3], c[4]]),
            0x2000 - 0x1005
        );
        assert!(encode_direct_call(0, 1 << 40).is_err());
    }

    #[test]
    fn imt_key_load_round_trips() {
        for id in [0u32, 1, 0x41, 0xFFFF, 0x00FF_FFFF] {
            assert_eq!(decode_imt_key_load(&encode_imt_key_load(id)), Some(id));
        }
    }
}
