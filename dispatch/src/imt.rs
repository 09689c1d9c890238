//! IMT collision stubs: dispatch on the interface method id in r10 among the entries that
//! share one IMT slot, jumping to the implementation: straight to its code once that is
//! compiled (as Mono does when an entry `has_target_code`), else through its vtable slot.

use crate::asm::{assembler, finish, Asm};
use crate::callsite::rel32;
use crate::codemem::CodeMemory;
use crate::error::{DispatchError, Result};
use crate::stats::{self, CodeKind};
use dynasmrt::{dynasm, DynamicLabel, DynasmApi, DynasmLabelApi};

/// One (interface method id, implementation) pair of a colliding IMT slot.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ImtEntry {
    pub id: u32,
    pub target: ImtTarget,
}

/// Where an entry's implementation is reached.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ImtTarget {
    /// Jump through this vtable slot, so a later patch of the slot is seen.
    ThroughCell(u64),
    /// Jump straight to this (compiled, final) code: one direct jump instead of a load and an
    /// indirect jump, so a colliding slot costs little more than its compares.
    Code(u64),
}

/// From this many entries on, a stub is a binary decision tree rather than a linear chain,
/// the point at which Mono's amd64 IMT thunks switch too.
pub const BINARY_SEARCH_THRESHOLD: usize = 4;

/// Emits a collision stub for `entries` (any order) that continues at `miss` when r10 holds
/// none of their ids. Every path compares for equality before jumping, so a wrong id reaches
/// `miss` (the IMT-miss trampoline, a runtime error) and never an unrelated method. r10 is
/// left intact for `miss`; r11 is clobbered.
///
/// Listing the same id twice is allowed only with the same cell.
pub fn emit_imt_collision_stub(code: &CodeMemory, entries: &[ImtEntry], miss: u64) -> Result<u64> {
    let mut sorted = entries.to_vec();
    sorted.sort_by_key(|e| e.id);
    sorted.dedup();
    if let Some(w) = sorted.windows(2).find(|w| w[0].id == w[1].id) {
        let addr = |e: &ImtEntry| match e.target {
            ImtTarget::ThroughCell(a) | ImtTarget::Code(a) => a,
        };
        return Err(DispatchError::DuplicateImtId {
            id: w[0].id,
            first: addr(&w[0]),
            second: addr(&w[1]),
        });
    }
    let mut len = 0;
    let addr = code.emit(8, |base| {
        let mut a = assembler(base);
        // A miss within rel32 reach (the usual case: both in one CodeMemory) is jumped to
        // directly from every leaf; otherwise the leaves share one absolute jump at the end.
        let bound = MAX_BYTES_PER_ENTRY * sorted.len() as u64 + MAX_FIXED_BYTES;
        let miss_path = if rel32(base, miss).is_ok() && rel32(base + bound, miss).is_ok() {
            Miss::Direct(miss)
        } else {
            Miss::Shared(a.new_dynamic_label())
        };
        emit_range(&mut a, base, &sorted, miss_path)?;
        if let Miss::Shared(label) = miss_path {
            dynasm!(a ; .arch x64 ; =>label ; mov r11, QWORD miss as i64 ; jmp r11);
        }
        let bytes = finish(a, "IMT collision stub")?;
        debug_assert!(bytes.len() as u64 <= bound);
        len = bytes.len();
        Ok::<_, DispatchError>(bytes)
    })?;
    stats::global().record(CodeKind::ImtStub, len);
    Ok(addr)
}

/// Upper bounds of the stub size, for deciding whether rel32 jumps to the miss path reach from
/// every point: per entry a compare (7), `jne short` (2), `mov r11, imm64` (10), `jmp [r11]`
/// (3), plus its share of tree nodes (7 + 6) and leaf-ending jumps (5).
const MAX_BYTES_PER_ENTRY: u64 = 40;
const MAX_FIXED_BYTES: u64 = 32;

#[derive(Clone, Copy)]
enum Miss {
    Direct(u64),
    Shared(DynamicLabel),
}

/// `cmp r10d, id`, in the imm8 form when the sign-extended byte equals the id. Encoded by hand
/// (dynasm always picks imm32 here), so its length is known before it is emitted.
fn compare_id(a: &mut Asm, id: u32) {
    match i8::try_from(id as i32) {
        Ok(b) => a.extend([0x41, 0x83, 0xFA, b as u8]),
        Err(_) => {
            a.extend([0x41, 0x81, 0xFA]);
            a.extend(id.to_le_bytes());
        }
    }
}

/// The length of `compare_id`'s encoding.
fn compare_id_len(id: u32) -> usize {
    if i8::try_from(id as i32).is_ok() {
        4
    } else {
        7
    }
}

fn jump_to_miss(a: &mut Asm, base: u64, miss: Miss) -> Result<()> {
    match miss {
        Miss::Direct(target) => {
            let next = base + a.offset().0 as u64 + 5;
            a.push(0xE9);
            a.extend(rel32(next, target)?.to_le_bytes());
        }
        Miss::Shared(label) => dynasm!(a ; .arch x64 ; jmp =>label),
    }
    Ok(())
}

/// Dispatches among `entries` (sorted, distinct ids); every path ends in a jump.
fn emit_range(a: &mut Asm, base: u64, entries: &[ImtEntry], miss: Miss) -> Result<()> {
    if entries.len() < BINARY_SEARCH_THRESHOLD {
        for e in entries {
            // A compiled target within reach is one conditional jump: a hit then costs a
            // single taken branch, like the direct call it replaces.
            if let ImtTarget::Code(code) = e.target {
                let next_ip = base + (a.offset().0 + compare_id_len(e.id) + 6) as u64;
                if let Ok(rel) = rel32(next_ip, code) {
                    compare_id(a, e.id);
                    a.extend([0x0F, 0x84]);
                    a.extend(rel.to_le_bytes());
                    continue;
                }
            }
            let next = a.new_dynamic_label();
            compare_id(a, e.id);
            dynasm!(a ; .arch x64 ; jne BYTE =>next);
            match e.target {
                ImtTarget::ThroughCell(cell) => {
                    dynasm!(a ; .arch x64 ; mov r11, QWORD cell as i64 ; jmp QWORD [r11])
                }
                ImtTarget::Code(code) => {
                    let next_ip = base + a.offset().0 as u64 + 5;
                    match rel32(next_ip, code) {
                        Ok(rel) => {
                            a.push(0xE9);
                            a.extend(rel.to_le_bytes());
                        }
                        Err(_) => dynasm!(a ; .arch x64 ; mov r11, QWORD code as i64 ; jmp r11),
                    }
                }
            }
            dynasm!(a ; .arch x64 ; =>next);
        }
        return jump_to_miss(a, base, miss);
    }
    // Unsigned comparison, matching the sort order of the u32 ids.
    let mid = entries.len() / 2;
    let right = a.new_dynamic_label();
    compare_id(a, entries[mid].id);
    dynasm!(a ; .arch x64 ; jae =>right);
    emit_range(a, base, &entries[..mid], miss)?;
    dynasm!(a ; .arch x64 ; =>right);
    emit_range(a, base, &entries[mid..], miss)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::asm::finish;
    use crate::callsite::{encode_imt_key_load, encode_indirect_call, Reg};

    /// Tells a miss from a hit and shows that r10 arrived intact.
    const MISSED: u64 = 1 << 40;

    fn emit(code: &CodeMemory, f: impl FnOnce(&mut Asm)) -> u64 {
        code.emit::<DispatchError>(16, |base| {
            let mut a = assembler(base);
            f(&mut a);
            finish(a, "test code")
        })
        .unwrap()
    }

    fn returns(code: &CodeMemory, v: u64) -> u64 {
        emit(
            code,
            |a| dynasm!(a ; .arch x64 ; mov rax, QWORD v as i64 ; ret),
        )
    }

    /// The IMT-miss stand-in: returns MISSED | r10.
    fn miss_target(code: &CodeMemory) -> u64 {
        emit(
            code,
            |a| dynasm!(a ; .arch x64 ; mov rax, QWORD MISSED as i64 ; or rax, r10 ; ret),
        )
    }

    /// Makes an interface call like the JIT: the IMT cell holds the stub, and the call site is
    /// `mov r10d, id; call [rax - 8]` with rax just past the cell.
    fn interface_call(code: &CodeMemory, imt_cell: &u64, id: u32) -> u64 {
        let past_cell = imt_cell as *const u64 as u64 + 8;
        let caller = emit(code, |a| {
            dynasm!(a ; .arch x64 ; sub rsp, 8 ; mov rax, QWORD past_cell as i64);
            a.extend(encode_imt_key_load(id));
            a.extend(encode_indirect_call(Reg::RAX, -8));
            dynasm!(a ; .arch x64 ; add rsp, 8 ; ret);
        });
        // SAFETY: `caller` is a System V function taking nothing and returning rax.
        let f: extern "sysv64" fn() -> u64 = unsafe { std::mem::transmute(caller as usize) };
        f()
    }

    /// A stub over `ids`, cell i holding a function that returns i.
    fn stub_for(code: &CodeMemory, ids: &[u32], miss: u64) -> (u64, Box<[u64]>) {
        let cells: Box<[u64]> = (0..ids.len()).map(|i| returns(code, i as u64)).collect();
        let entries: Vec<ImtEntry> = ids
            .iter()
            .zip(cells.iter())
            .map(|(&id, cell)| ImtEntry {
                id,
                target: ImtTarget::ThroughCell(cell as *const u64 as u64),
            })
            .collect();
        (
            emit_imt_collision_stub(code, &entries, miss).unwrap(),
            cells,
        )
    }

    #[test]
    fn every_id_reaches_its_target_and_unknown_ids_miss() {
        let code = CodeMemory::new(8 << 20).unwrap();
        let miss = miss_target(&code);
        for n in 1..=25usize {
            // Unsorted and spread; imm8 and imm32 compares both occur.
            let ids: Vec<u32> = (0..n)
                .map(|i| ((i * 7919) % 1000 + i * 1000) as u32 + 5)
                .collect();
            let (stub, _cells) = stub_for(&code, &ids, miss);
            for (i, &id) in ids.iter().enumerate() {
                assert_eq!(interface_call(&code, &stub, id), i as u64, "n={n} id={id}");
            }
            let mut sorted = ids.clone();
            sorted.sort();
            let probes = [
                0u32,
                4,
                sorted[0] + 1,
                sorted[n / 2] - 1,
                sorted[n - 1] + 1,
                u32::MAX,
            ];
            for bad in probes.into_iter().filter(|b| !ids.contains(b)) {
                assert_eq!(
                    interface_call(&code, &stub, bad),
                    MISSED | bad as u64,
                    "n={n} id={bad}"
                );
            }
        }
    }

    #[test]
    fn ids_compare_unsigned_across_the_whole_range() {
        let code = CodeMemory::new(1 << 20).unwrap();
        let miss = miss_target(&code);
        let all = [
            0u32,
            0x7F,
            0x80,
            0x7FFF_FFFF,
            0x8000_0000,
            0xFFFF_FF80,
            u32::MAX,
        ];
        for n in 1..=all.len() {
            let ids = &all[all.len() - n..];
            let (stub, _cells) = stub_for(&code, ids, miss);
            for (i, &id) in ids.iter().enumerate() {
                assert_eq!(
                    interface_call(&code, &stub, id),
                    i as u64,
                    "n={n} id={id:#x}"
                );
            }
            for bad in [1u32, 0x81, 0x8000_0001, 0xFFFF_FF7F, 0xFFFF_FFFE] {
                assert_eq!(interface_call(&code, &stub, bad), MISSED | bad as u64);
            }
        }
    }

    #[test]
    fn the_stub_follows_later_patches_of_the_vtable_slot() {
        let code = CodeMemory::new(1 << 20).unwrap();
        let miss = miss_target(&code);
        for n in [2, 5] {
            let ids: Vec<u32> = (10..10 + n).collect();
            let (stub, mut cells) = stub_for(&code, &ids, miss);
            cells[1] = returns(&code, 77);
            assert_eq!(interface_call(&code, &stub, 11), 77);
        }
    }

    extern "sysv64" fn far_miss() -> u64 {
        MISSED
    }

    extern "sysv64" fn far_target() -> u64 {
        4242
    }

    #[test]
    fn direct_targets_are_jumped_to_near_or_far() {
        let code = CodeMemory::new(1 << 20).unwrap();
        let miss = miss_target(&code);
        let far = far_target as extern "sysv64" fn() -> u64 as usize as u64;
        for n in 1..=12usize {
            let ids: Vec<u32> = (0..n as u32).map(|i| 3 + 17 * i).collect();
            // Every third target lies out of rel32 reach (the Rust binary's text).
            let targets: Vec<u64> = (0..n)
                .map(|i| {
                    if i % 3 == 2 {
                        far
                    } else {
                        returns(&code, i as u64)
                    }
                })
                .collect();
            let entries: Vec<ImtEntry> = ids
                .iter()
                .zip(&targets)
                .map(|(&id, &t)| ImtEntry {
                    id,
                    target: ImtTarget::Code(t),
                })
                .collect();
            let stub = emit_imt_collision_stub(&code, &entries, miss).unwrap();
            for (i, &id) in ids.iter().enumerate() {
                let want = if i % 3 == 2 { 4242 } else { i as u64 };
                assert_eq!(interface_call(&code, &stub, id), want, "n={n} id={id}");
            }
            assert_eq!(interface_call(&code, &stub, 1), MISSED | 1, "n={n}");
        }
    }

    #[test]
    fn a_miss_target_out_of_rel32_reach_is_jumped_to_absolutely() {
        let code = CodeMemory::new(1 << 20).unwrap();
        let far = far_miss as extern "sysv64" fn() -> u64 as usize as u64;
        assert!(
            rel32(code.base(), far).is_err(),
            "the binary's text and mmapped memory are terabytes apart on x86-64 Linux"
        );
        for n in [2usize, 6] {
            let ids: Vec<u32> = (1..=n as u32).collect();
            let (stub, _cells) = stub_for(&code, &ids, far);
            assert_eq!(interface_call(&code, &stub, 2), 1);
            assert_eq!(interface_call(&code, &stub, 1000), MISSED);
        }
    }

    #[test]
    fn duplicate_ids_need_the_same_cell() {
        let code = CodeMemory::new(1 << 16).unwrap();
        let e = |id, cell| ImtEntry {
            id,
            target: ImtTarget::ThroughCell(cell),
        };
        assert!(emit_imt_collision_stub(&code, &[e(1, 8), e(2, 16), e(1, 8)], 0).is_ok());
        assert!(matches!(
            emit_imt_collision_stub(&code, &[e(1, 8), e(2, 16), e(1, 24)], 0),
            Err(DispatchError::DuplicateImtId {
                id: 1,
                first: 8,
                second: 24
            })
        ));
    }
}
