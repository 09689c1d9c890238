//! IMT collision stubs: dispatch on the interface method id in r10 among the entries that
//! share one IMT slot, jumping through the implementing vtable slot.

use crate::codemem::CodeMemory;
use crate::error::DispatchError;
use crate::stats;
use dynasmrt::x64::X64Relocation;
use dynasmrt::{dynasm, DynamicLabel, DynasmApi, DynasmLabelApi, VecAssembler};

/// One (interface method id, vtable slot address) pair of a colliding IMT slot.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ImtEntry {
    pub id: u32,
    /// Address of the vtable slot to jump through, so a later patch of the slot is seen.
    pub target_cell: u64,
}

/// From this many entries on the stub is a binary decision tree, as in Mono.
pub const BINARY_SEARCH_THRESHOLD: usize = 4;

/// Emits a collision stub. Every path compares for equality before jumping, so an id that
/// matches no entry reaches `miss` (a runtime error path), never an unrelated method.
pub fn emit_imt_collision_stub(
    code: &CodeMemory,
    entries: &[ImtEntry],
    miss: u64,
) -> Result<u64, DispatchError> {
    let mut sorted = entries.to_vec();
    sorted.sort_by_key(|e| e.id);
    sorted.dedup_by_key(|e| e.id);
    let before = code.used_bytes();
    let addr = code.emit(8, |base| {
        let mut a = VecAssembler::<X64Relocation>::new(base as usize);
        let miss_label = a.new_dynamic_label();
        emit_range(&mut a, &sorted, miss_label);
        dynasm!(a ; .arch x64 ; =>miss_label ; mov r11, QWORD miss as i64 ; jmp r11);
        a.finalize()
            .map_err(|e| DispatchError::Assembler(format!("{e:?}")))
    })?;
    stats::global().add_imt_stub((code.used_bytes() - before) as u64);
    Ok(addr)
}

fn emit_range(a: &mut VecAssembler<X64Relocation>, entries: &[ImtEntry], miss: DynamicLabel) {
    if entries.len() < BINARY_SEARCH_THRESHOLD {
        for e in entries {
            let next = a.new_dynamic_label();
            dynasm!(a ; .arch x64
                ; cmp r10d, e.id as i32
                ; jne =>next
                ; mov r11, QWORD e.target_cell as i64
                ; jmp QWORD [r11]
                ; =>next
            );
        }
        dynasm!(a ; .arch x64 ; jmp =>miss);
        return;
    }
    let mid = entries.len() / 2;
    let right = a.new_dynamic_label();
    dynasm!(a ; .arch x64 ; cmp r10d, entries[mid].id as i32 ; jae =>right);
    emit_range(a, &entries[..mid], miss);
    dynasm!(a ; .arch x64 ; =>right);
    emit_range(a, &entries[mid..], miss);
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Calls a stub with r10 = id; the cells hold addresses of tiny functions returning their index.
    fn run(code: &CodeMemory, stub: u64, id: u32) -> u64 {
        let caller = code
            .emit::<DispatchError>(16, |base| {
                let mut a = VecAssembler::<X64Relocation>::new(base as usize);
                dynasm!(a ; .arch x64 ; sub rsp, 8 ; mov r10d, id as i32 ; mov rax, QWORD stub as i64 ; call rax ; add rsp, 8 ; ret);
                a.finalize().map_err(|e| DispatchError::Assembler(format!("{e:?}")))
            })
            .unwrap();
        // SAFETY: `caller` is a System V function taking nothing and returning rax.
        let f: extern "sysv64" fn() -> u64 = unsafe { std::mem::transmute(caller as usize) };
        f()
    }

    fn returns(code: &CodeMemory, v: u64) -> u64 {
        code.emit::<DispatchError>(16, |base| {
            let mut a = VecAssembler::<X64Relocation>::new(base as usize);
            dynasm!(a ; .arch x64 ; mov rax, QWORD v as i64 ; ret);
            a.finalize()
                .map_err(|e| DispatchError::Assembler(format!("{e:?}")))
        })
        .unwrap()
    }

    #[test]
    fn every_id_reaches_its_target_and_unknown_ids_miss() {
        let code = CodeMemory::new(8 << 20).unwrap();
        let miss = returns(&code, 9999);
        for n in 1..=25usize {
            let targets: Vec<u64> = (0..n).map(|i| returns(&code, i as u64)).collect();
            let cells: Box<[u64]> = targets.clone().into_boxed_slice();
            // Ids deliberately unsorted and spread.
            let ids: Vec<u32> = (0..n)
                .map(|i| ((i * 7919) % 1000 + i * 1000) as u32 + 5)
                .collect();
            let entries: Vec<ImtEntry> = (0..n)
                .map(|i| ImtEntry {
                    id: ids[i],
                    target_cell: &cells[i] as *const u64 as u64,
                })
                .collect();
            let stub = emit_imt_collision_stub(&code, &entries, miss).unwrap();
            for i in 0..n {
                assert_eq!(run(&code, stub, ids[i]), i as u64, "n={n} i={i}");
            }
            for bad in [0u32, 1, 4, 999_999, ids[0] + 1] {
                if !ids.contains(&bad) {
                    assert_eq!(run(&code, stub, bad), 9999, "n={n} id={bad}");
                }
            }
        }
    }
}
