//! Call-site shapes, encoder and decoder side by side: `call qword [base + disp]` (virtual and
//! interface calls), `call rel32` (direct calls) and `mov r10d, imm32` (the IMT key load).
//! The JIT emits with these encoders and the trampoline handlers decode with these decoders,
//! so the two cannot drift apart.

use crate::codemem::CodeMemory;
use crate::error::{DispatchError, Result};
use crate::trampoline::SavedRegs;

/// A general-purpose register, numbered in x86 encoding order (rax = 0 … r15 = 15), which is
/// also its index in [`SavedRegs::gpr`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
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
    pub const R8: Reg = Reg(8);
    pub const R9: Reg = Reg(9);
    pub const R10: Reg = Reg(10);
    pub const R11: Reg = Reg(11);
    pub const R12: Reg = Reg(12);
    pub const R13: Reg = Reg(13);
    pub const R14: Reg = Reg(14);
    pub const R15: Reg = Reg(15);

    /// All sixteen, in encoding order.
    pub const ALL: [Reg; 16] = {
        let mut all = [Reg(0); 16];
        let mut i = 0;
        while i < 16 {
            all[i] = Reg(i as u8);
            i += 1;
        }
        all
    };

    pub const fn new(n: u8) -> Option<Reg> {
        if n < 16 {
            Some(Reg(n))
        } else {
            None
        }
    }

    /// The encoding number, 0..16.
    pub const fn number(self) -> u8 {
        self.0
    }

    /// The low three bits, which go into ModRM/SIB; the fourth goes into a REX prefix.
    const fn low3(self) -> u8 {
        self.0 & 7
    }

    /// r8–r15 need REX.B as a base.
    const fn is_extended(self) -> bool {
        self.0 >= 8
    }

    pub fn name(self) -> &'static str {
        [
            "rax", "rcx", "rdx", "rbx", "rsp", "rbp", "rsi", "rdi", "r8", "r9", "r10", "r11",
            "r12", "r13", "r14", "r15",
        ][self.0 as usize]
    }
}

impl std::fmt::Display for Reg {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

/// The IMT key register (Mono's `MONO_ARCH_IMT_REG` on amd64).
pub const IMT_REG: Reg = Reg::R10;

/// A decoded `call qword [base + disp]`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct IndirectCall {
    pub base: Reg,
    pub disp: i32,
    /// Instruction length in bytes (3 to 8).
    pub len: usize,
}

impl IndirectCall {
    /// The address of the cell the call went through (a vtable or IMT slot), from the registers
    /// a generic trampoline saved; Mono's old `mono_arch_get_vcall_slot` computed the same.
    pub fn cell_address(&self, regs: &SavedRegs) -> u64 {
        regs.gpr[self.base.number() as usize].wrapping_add(self.disp as i64 as u64)
    }
}

/// The longest indirect call form: REX, FF, ModRM, SIB, disp32.
pub const MAX_INDIRECT_CALL_LEN: usize = 8;

/// `/2` in ModRM's reg field selects `call` among the FF group.
const FF_CALL: u8 = 2;
const MOD_DISP8: u8 = 0b01;
const MOD_DISP32: u8 = 0b10;
/// SIB byte meaning "no index, base = rsp/r12", needed because rm = 100 means "SIB follows".
const SIB_NO_INDEX: u8 = 0x24;
const REX: u8 = 0x40;
const REX_B: u8 = 0x01;

/// Encodes `call qword [base + disp]` in the shortest of the disp8 and disp32 forms. mod=00 is
/// never used, so an rbp/r13 base with disp 0 gets a zero disp8 like any other base.
pub fn encode_indirect_call(base: Reg, disp: i32) -> Vec<u8> {
    let mut out = Vec::with_capacity(MAX_INDIRECT_CALL_LEN);
    if base.is_extended() {
        out.push(REX | REX_B);
    }
    out.push(0xFF);
    let disp8 = i8::try_from(disp).ok();
    let md = if disp8.is_some() {
        MOD_DISP8
    } else {
        MOD_DISP32
    };
    out.push((md << 6) | (FF_CALL << 3) | base.low3());
    if base.low3() == 4 {
        out.push(SIB_NO_INDEX);
    }
    match disp8 {
        Some(d) => out.push(d as u8),
        None => out.extend_from_slice(&disp.to_le_bytes()),
    }
    out
}

/// Decodes the `call qword [base + disp]` that ends exactly at the end of `before` (the bytes
/// in front of the return address `ret_addr`, which is only used in the error).
///
/// Bytes are read backwards, so the form is inferred from the tail: disp8 forms are tried
/// before disp32 forms, and a byte 0x40/0x41 in front of `FF` is taken as its REX prefix. The
/// JIT keeps both unambiguous: vtable and IMT displacements are far below the disp32 values
/// whose low bytes could mimic a disp8 form, and the instruction before a call through rax is
/// `mov rax, [rdi|rsi]` (ends in its ModRM) or `mov r10d, id` (ends in the id's top byte, so
/// method ids must stay below 0x4000_0000).
pub fn decode_indirect_call(before: &[u8], ret_addr: u64) -> Result<IndirectCall> {
    let n = before.len();
    for (disp_len, sib) in [(1usize, false), (1, true), (4, false), (4, true)] {
        // FF, ModRM, [SIB], disp
        let core = 2 + usize::from(sib) + disp_len;
        let Some(at) = n.checked_sub(core) else {
            continue;
        };
        let modrm = before[at + 1];
        let (md, reg, rm) = (modrm >> 6, (modrm >> 3) & 7, modrm & 7);
        let want_mod = if disp_len == 1 { MOD_DISP8 } else { MOD_DISP32 };
        if before[at] != 0xFF || md != want_mod || reg != FF_CALL || (rm == 4) != sib {
            continue;
        }
        if sib && before[at + 2] != SIB_NO_INDEX {
            continue;
        }
        let d = &before[at + 2 + usize::from(sib)..];
        let disp = match *d {
            [d0] => d0 as i8 as i32,
            [d0, d1, d2, d3] => i32::from_le_bytes([d0, d1, d2, d3]),
            _ => unreachable!("core length fixes the displacement length"),
        };
        let rex = at
            .checked_sub(1)
            .map(|i| before[i])
            .filter(|&b| b & !REX_B == REX);
        let (high, len) = match rex {
            Some(r) => ((r & REX_B) << 3, core + 1),
            None => (0, core),
        };
        return Ok(IndirectCall {
            base: Reg(high | rm),
            disp,
            len,
        });
    }
    Err(DispatchError::UnrecognisedCallSite {
        ret_addr,
        bytes: before.to_vec(),
    })
}

/// Decodes the indirect call in front of `ret_addr` in emitted code.
pub fn decode_indirect_call_before(code: &CodeMemory, ret_addr: u64) -> Result<IndirectCall> {
    // One byte more than the longest form, so a REX-less call is not misread for lack of context.
    let window = (MAX_INDIRECT_CALL_LEN as u64 + 1).min(ret_addr.saturating_sub(code.base()));
    let bytes = code.try_read(ret_addr - window, window as usize)?;
    decode_indirect_call(&bytes, ret_addr)
}

/// `E8 rel32`.
pub const DIRECT_CALL_LEN: usize = 5;

/// NOP bytes to emit at `at` before an `E8 rel32` so that its rel32 is 4-byte aligned and can
/// be patched with one atomic store. Only meaningful if the code's final address is congruent
/// to `at` modulo 4 (the JIT emits methods 16-byte aligned and passes offsets).
pub fn aligned_call_padding(at: u64) -> usize {
    (at.wrapping_add(1).wrapping_neg() % 4) as usize
}

/// The rel32 from the end of an instruction (`next`) to `target`.
pub(crate) fn rel32(next: u64, target: u64) -> Result<i32> {
    i32::try_from(target.wrapping_sub(next) as i64).map_err(|_| DispatchError::OutOfRange {
        from: next,
        to: target,
    })
}

/// Encodes `call rel32` placed at `site` and going to `target`.
pub fn encode_direct_call(site: u64, target: u64) -> Result<[u8; DIRECT_CALL_LEN]> {
    let r = rel32(site + DIRECT_CALL_LEN as u64, target)?.to_le_bytes();
    Ok([0xE8, r[0], r[1], r[2], r[3]])
}

/// The target of the `call rel32` that ends exactly at the end of `before`, whose end is the
/// return address `ret_addr`.
pub fn decode_direct_call(before: &[u8], ret_addr: u64) -> Result<u64> {
    match before
        .len()
        .checked_sub(DIRECT_CALL_LEN)
        .map(|at| &before[at..])
    {
        Some(&[0xE8, r0, r1, r2, r3]) => {
            Ok(ret_addr.wrapping_add(i32::from_le_bytes([r0, r1, r2, r3]) as i64 as u64))
        }
        _ => Err(DispatchError::UnrecognisedCallSite {
            ret_addr,
            bytes: before.to_vec(),
        }),
    }
}

/// The target of the `call rel32` in emitted code in front of `ret_addr`, if that is what
/// precedes it.
pub fn decode_direct_call_target(code: &CodeMemory, ret_addr: u64) -> Option<u64> {
    let bytes = code
        .try_read(
            ret_addr.checked_sub(DIRECT_CALL_LEN as u64)?,
            DIRECT_CALL_LEN,
        )
        .ok()?;
    decode_direct_call(&bytes, ret_addr).ok()
}

/// Points the `call rel32` in front of `ret_addr` at `new_target` with one aligned atomic
/// 4-byte store. Refuses anything that is not such a call, and a rel32 that is not 4-byte
/// aligned (the JIT pads with [`aligned_call_padding`]).
pub fn patch_direct_call(code: &CodeMemory, ret_addr: u64, new_target: u64) -> Result<()> {
    let site =
        ret_addr
            .checked_sub(DIRECT_CALL_LEN as u64)
            .ok_or(DispatchError::OutsideCodeMemory {
                addr: ret_addr,
                len: DIRECT_CALL_LEN,
            })?;
    decode_direct_call(&code.try_read(site, DIRECT_CALL_LEN)?, ret_addr)?;
    code.patch_u32(ret_addr - 4, rel32(ret_addr, new_target)? as u32)
}

/// `mov r10d, imm32`.
pub const IMT_KEY_LOAD_LEN: usize = 6;

/// `mov r10d, imm32`: loads an interface method id into the IMT register. The 32-bit form
/// zero-extends, so the full r10 holds the id.
pub fn encode_imt_key_load(id: u32) -> [u8; IMT_KEY_LOAD_LEN] {
    let b = id.to_le_bytes();
    [REX | REX_B, 0xB8 + IMT_REG.low3(), b[0], b[1], b[2], b[3]]
}

/// The id of a `mov r10d, imm32` given exactly its six bytes.
pub fn decode_imt_key_load(bytes: &[u8]) -> Option<u32> {
    match *bytes {
        [0x41, 0xBA, b0, b1, b2, b3] => Some(u32::from_le_bytes([b0, b1, b2, b3])),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const DISPS: [i32; 16] = [
        0,
        1,
        -1,
        8,
        127,
        -128,
        128,
        -129,
        -152,
        4096,
        0x7fff,
        -0x8000,
        0x12_3456,
        -0x12_3456,
        i32::MAX,
        i32::MIN,
    ];

    /// What commonly precedes a call: nothing, `mov rax, [rdi]`, `mov r10d, 0x123`.
    const CONTEXTS: [&[u8]; 3] = [&[], &[0x48, 0x8B, 0x07], &[0x41, 0xBA, 0x23, 0x01, 0, 0]];

    #[test]
    fn indirect_call_round_trips_for_every_register_and_displacement() {
        for base in Reg::ALL {
            for disp in DISPS {
                let bytes = encode_indirect_call(base, disp);
                let expected_len = usize::from(base.is_extended())
                    + 2
                    + usize::from(base.low3() == 4)
                    + if i8::try_from(disp).is_ok() { 1 } else { 4 };
                assert_eq!(bytes.len(), expected_len, "{base} {disp}: shortest form");
                for ctx in CONTEXTS {
                    let mut site = ctx.to_vec();
                    site.extend_from_slice(&bytes);
                    let got = decode_indirect_call(&site, 0x1000).unwrap();
                    assert_eq!(
                        got,
                        IndirectCall {
                            base,
                            disp,
                            len: bytes.len()
                        },
                        "{base} {disp} after {ctx:02x?}"
                    );
                }
            }
        }
    }

    #[test]
    fn encodings_match_the_manual() {
        let cases: [(Reg, i32, &[u8]); 9] = [
            (Reg::RAX, 16, &[0xFF, 0x50, 0x10]),
            (Reg::RAX, -152, &[0xFF, 0x90, 0x68, 0xFF, 0xFF, 0xFF]),
            (Reg::RSP, 8, &[0xFF, 0x54, 0x24, 0x08]),
            (Reg::R12, 8, &[0x41, 0xFF, 0x54, 0x24, 0x08]),
            (Reg::RBP, 0, &[0xFF, 0x55, 0x00]),
            (Reg::R13, 0, &[0x41, 0xFF, 0x55, 0x00]),
            (Reg::R11, 24, &[0x41, 0xFF, 0x53, 0x18]),
            (Reg::R12, 128, &[0x41, 0xFF, 0x94, 0x24, 0x80, 0, 0, 0]),
            (Reg::RDI, -8, &[0xFF, 0x57, 0xF8]),
        ];
        for (base, disp, bytes) in cases {
            assert_eq!(encode_indirect_call(base, disp), bytes, "{base} {disp}");
        }
    }

    #[test]
    fn other_instructions_are_refused_with_their_bytes() {
        for bytes in [
            &[0xE8, 0, 0, 0, 0][..],   // call rel32
            &[0x48, 0xFF, 0xD0],       // call rax (mod=11)
            &[0xFF, 0x10],             // call [rax] (mod=00)
            &[0xFF, 0x60, 0x08],       // jmp [rax+8] (/4)
            &[0xFF, 0x54, 0x25, 0x08], // call [rbp+r12*1+8]: SIB with an index
            &[0x50],
            &[],
        ] {
            match decode_indirect_call(bytes, 0x1234) {
                Err(DispatchError::UnrecognisedCallSite { ret_addr, bytes: b }) => {
                    assert_eq!((ret_addr, b.as_slice()), (0x1234, bytes));
                }
                other => panic!("{bytes:02x?} decoded as {other:?}"),
            }
        }
    }

    #[test]
    fn decoding_in_code_memory_works_at_the_very_start() {
        let code = CodeMemory::new(1 << 16).unwrap();
        let bytes = encode_indirect_call(Reg::R9, -40);
        let at = code
            .emit::<DispatchError>(1, |_| Ok(bytes.clone()))
            .unwrap();
        assert_eq!(at, code.base());
        let ret = at + bytes.len() as u64;
        let site = decode_indirect_call_before(&code, ret).unwrap();
        assert_eq!((site.base, site.disp), (Reg::R9, -40));
        let mut regs = SavedRegs::default();
        regs.gpr[9] = 0x1000;
        assert_eq!(site.cell_address(&regs), 0x1000 - 40);
        assert!(decode_indirect_call_before(&code, ret + 1).is_err());
    }

    #[test]
    fn direct_call_padding_aligns_the_displacement() {
        for at in 0..16u64 {
            let p = aligned_call_padding(at) as u64;
            assert!(p < 4);
            assert_eq!((at + p + 1) % 4, 0, "at {at}");
        }
    }

    #[test]
    fn direct_call_round_trips() {
        for (site, target) in [
            (0x1000u64, 0x2000u64),
            (0x7f00_0000_0000, 0x7f00_0000_0000 - 0x10),
            (0x10_0000, 0x10_0005),
            (0x8000_0000, 0x8000_0000 + i32::MAX as u64 + 5),
        ] {
            let c = encode_direct_call(site, target).unwrap();
            assert_eq!(decode_direct_call(&c, site + 5).unwrap(), target);
            let mut longer = vec![0x90, 0x90];
            longer.extend_from_slice(&c);
            assert_eq!(decode_direct_call(&longer, site + 5).unwrap(), target);
        }
        assert!(matches!(
            encode_direct_call(0, 1 << 40),
            Err(DispatchError::OutOfRange { from: 5, .. })
        ));
        assert!(decode_direct_call(&[0xE9, 0, 0, 0, 0], 5).is_err());
        assert!(decode_direct_call(&[0, 0, 0, 0], 4).is_err());
    }

    /// Emits `mov eax, v; ret`.
    fn returns(code: &CodeMemory, v: u32) -> u64 {
        let b = v.to_le_bytes();
        code.emit::<DispatchError>(16, |_| Ok(vec![0xB8, b[0], b[1], b[2], b[3], 0xC3]))
            .unwrap()
    }

    #[test]
    fn a_patched_direct_call_goes_to_the_new_target() {
        let code = CodeMemory::new(1 << 16).unwrap();
        let (one, two) = (returns(&code, 1), returns(&code, 2));
        // sub rsp, 8; [nops]; call one; add rsp, 8; ret
        let mut ret_addr = 0;
        let f = code
            .emit::<DispatchError>(16, |base| {
                let mut b = vec![0x48, 0x83, 0xEC, 0x08];
                b.resize(b.len() + aligned_call_padding(base + b.len() as u64), 0x90);
                b.extend(encode_direct_call(base + b.len() as u64, one)?);
                ret_addr = base + b.len() as u64;
                b.extend([0x48, 0x83, 0xC4, 0x08, 0xC3]);
                Ok(b)
            })
            .unwrap();
        // SAFETY: `f` is a complete System V function returning eax.
        let call: extern "sysv64" fn() -> u32 = unsafe { std::mem::transmute(f as usize) };
        assert_eq!(call(), 1);
        assert_eq!(decode_direct_call_target(&code, ret_addr), Some(one));
        patch_direct_call(&code, ret_addr, two).unwrap();
        assert_eq!(decode_direct_call_target(&code, ret_addr), Some(two));
        assert_eq!(call(), 2);
        // The `sub rsp, 8` in front of the call start is no direct call: refused, not corrupted.
        assert!(patch_direct_call(&code, f + 4, two).is_err());
        assert_eq!(code.read(f, 4), [0x48, 0x83, 0xEC, 0x08]);
    }

    #[test]
    fn imt_key_load_round_trips() {
        for id in [0u32, 1, 0x41, 0xFFFF, 0x00FF_FFFF, u32::MAX] {
            let b = encode_imt_key_load(id);
            assert_eq!(&b[..2], [0x41, 0xBA], "mov r10d, imm32");
            assert_eq!(decode_imt_key_load(&b), Some(id));
        }
        assert_eq!(decode_imt_key_load(&[0xBA, 1, 0, 0, 0]), None); // mov edx, imm32
        assert_eq!(decode_imt_key_load(&[0x41, 0xBB, 1, 0, 0, 0]), None); // mov r11d, imm32
    }
}
