//! Snapshot tests of generated machine code: trampolines and IMT collision stubs, disassembled
//! with iced-x86 and symbolized so a change reads as a diff of assembly.

use std::collections::HashMap;
use vcall_dispatch::codemem::CodeMemory;
use vcall_dispatch::disasm::disassemble;
use vcall_dispatch::imt::{emit_imt_collision_stub, ImtEntry};
use vcall_dispatch::trampoline::{emit_generic_trampoline, emit_specific_trampoline, SavedRegs};

extern "sysv64" fn virtual_handler(_regs: *mut SavedRegs, _ret: u64) -> u64 {
    0
}

extern "sysv64" fn imt_handler(_regs: *mut SavedRegs, _ret: u64) -> u64 {
    0
}

fn snapshot(name: &str, text: String) {
    insta::with_settings!({ snapshot_path => "../../snapshots", prepend_module_to_snapshot => false, omit_expression => true }, {
        insta::assert_snapshot!(name, text);
    });
}

/// Disassembles `len` bytes at `addr`, naming the addresses in `names`.
fn listing(code: &CodeMemory, addr: u64, len: usize, names: &HashMap<u64, String>) -> String {
    let bytes = code.read(addr, len);
    disassemble(&bytes, addr, &|a| names.get(&a).cloned())
}

#[test]
fn generic_virtual_and_imt_trampolines() {
    let code = CodeMemory::new(1 << 20).unwrap();
    for (name, handler) in [
        (
            "generic_virtual_trampoline",
            virtual_handler as extern "sysv64" fn(*mut SavedRegs, u64) -> u64,
        ),
        ("generic_imt_trampoline", imt_handler),
    ] {
        let before = code.used_bytes();
        let t = emit_generic_trampoline(&code, handler).unwrap();
        let len = code.used_bytes() - (t - code.base()) as usize;
        assert!(len > 0 && code.used_bytes() > before);
        let mut names = HashMap::new();
        names.insert(handler as *const () as u64, "handler".to_string());
        names.insert(t, name.to_string());
        snapshot(name, listing(&code, t, len, &names));
    }
}

#[test]
fn specific_trampoline() {
    let code = CodeMemory::new(1 << 20).unwrap();
    let generic = code.base() + 0x4000;
    let t = emit_specific_trampoline(&code, 42, generic).unwrap();
    let mut names = HashMap::new();
    names.insert(generic, "generic_jit_trampoline".to_string());
    snapshot("specific_trampoline", listing(&code, t, 11, &names));
}

#[test]
fn imt_collision_stubs() {
    for n in [2usize, 3, 4, 5, 8, 20] {
        let code = CodeMemory::new(1 << 20).unwrap();
        // A fake vtable: the stub jumps through its slots, named vtable[i] in the listing.
        let vtable: Box<[u64]> = vec![0u64; 64].into_boxed_slice();
        let mut names = HashMap::new();
        let entries: Vec<ImtEntry> = (0..n)
            .map(|i| {
                let slot = 3 + 2 * i;
                let cell = &vtable[slot] as *const u64 as u64;
                names.insert(cell, format!("vtable[{slot}]"));
                ImtEntry {
                    id: 100 + 7 * i as u32,
                    target_cell: cell,
                }
            })
            .collect();
        let miss = code.base() + 0x8000;
        names.insert(miss, "imt_miss_trampoline".to_string());
        let stub = emit_imt_collision_stub(&code, &entries, miss).unwrap();
        let len = code.used_bytes() - (stub - code.base()) as usize;
        snapshot(
            &format!("imt_collision_stub_{n}"),
            listing(&code, stub, len, &names),
        );
    }
}
