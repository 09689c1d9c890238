//! Snapshot tests of generated machine code (trampolines and IMT collision stubs),
//! disassembled and symbolized so that a change of generator reads as a diff of assembly.
//! Snapshots live in the workspace's `snapshots/` as `dispatch__<name>.snap`.

use std::collections::HashMap;
use vcall_dispatch::codemem::CodeMemory;
use vcall_dispatch::disasm::disassemble;
use vcall_dispatch::imt::{emit_imt_collision_stub, ImtEntry, ImtTarget};
use vcall_dispatch::trampoline::{
    emit_generic_trampoline, emit_specific_trampoline, SavedRegs, SPECIFIC_TRAMPOLINE_BYTES,
};

extern "sysv64" fn handler(_regs: *mut SavedRegs, _ret: u64) -> u64 {
    unreachable!("snapshot code is never run")
}

fn snapshot(name: &str, listing: String) {
    insta::with_settings!({
        snapshot_path => "../../snapshots",
        prepend_module_to_snapshot => true,
        omit_expression => true,
    }, {
        insta::assert_snapshot!(name, listing);
    });
}

/// Addresses vary per run, so every address a listing mentions gets a name.
struct Names(HashMap<u64, String>);

impl Names {
    fn new(stub: u64) -> Names {
        Names(HashMap::from([(stub, "stub".to_string())]))
    }

    fn add(&mut self, addr: u64, name: impl Into<String>) {
        self.0.insert(addr, name.into());
    }

    /// Disassembles the `len` bytes at `addr`.
    fn listing(&self, code: &CodeMemory, addr: u64, len: usize) -> String {
        let bytes = code.try_read(addr, len).unwrap();
        disassemble(&bytes, addr, &|a| self.0.get(&a).cloned())
    }
}

/// The bytes from `addr` to the end of the code emitted so far.
fn emitted_since(code: &CodeMemory, addr: u64) -> usize {
    code.used_bytes() - (addr - code.base()) as usize
}

#[test]
fn generic_trampoline() {
    let code = CodeMemory::new(1 << 20).unwrap();
    let t = emit_generic_trampoline(&code, handler).unwrap();
    let mut names = Names::new(t);
    names.add(handler as *const () as u64, "handler");
    snapshot(
        "generic_trampoline",
        names.listing(&code, t, emitted_since(&code, t)),
    );
}

#[test]
fn specific_trampoline() {
    let code = CodeMemory::new(1 << 20).unwrap();
    let generic = emit_generic_trampoline(&code, handler).unwrap();
    let t = emit_specific_trampoline(&code, 42, generic).unwrap();
    assert_eq!(emitted_since(&code, t), SPECIFIC_TRAMPOLINE_BYTES);
    let mut names = Names::new(t);
    names.add(generic, "generic_jit_trampoline");
    snapshot(
        "specific_trampoline",
        names.listing(&code, t, SPECIFIC_TRAMPOLINE_BYTES),
    );
}

#[test]
fn imt_collision_stubs() {
    for n in [2usize, 3, 4, 5, 8, 20] {
        let code = CodeMemory::new(1 << 20).unwrap();
        let miss = emit_generic_trampoline(&code, handler).unwrap();
        // The runtime builds a slot once every entry is compiled, so the stub jumps straight
        // to the methods: stand-ins of one `ret` each, named for the listing.
        let methods: Vec<u64> = (0..n)
            .map(|_| {
                code.emit::<vcall_dispatch::error::DispatchError>(1, |_| Ok(vec![0xC3]))
                    .unwrap()
            })
            .collect();
        let mut entries: Vec<ImtEntry> = (0..n)
            .map(|i| ImtEntry {
                // Ids cross the imm8 limit (127), so both compare forms show.
                id: 100 + 7 * i as u32,
                target: ImtTarget::Code(methods[i]),
            })
            .collect();
        // The stub sorts; hand it the entries out of order.
        entries.reverse();
        let stub = emit_imt_collision_stub(&code, &entries, miss).unwrap();
        let mut names = Names::new(stub);
        names.add(miss, "imt_miss");
        for (i, &m) in methods.iter().enumerate() {
            names.add(m, format!("Impl::M{i}"));
        }
        snapshot(
            &format!("imt_collision_stub_{n}"),
            names.listing(&code, stub, emitted_since(&code, stub)),
        );
    }
}

#[test]
fn imt_collision_stub_through_vtable_cells() {
    // Entries whose code is not known yet jump through their vtable slot.
    let code = CodeMemory::new(1 << 20).unwrap();
    let miss = emit_generic_trampoline(&code, handler).unwrap();
    let vtable = vec![0u64; 16].into_boxed_slice();
    let entries: Vec<ImtEntry> = (0..3)
        .map(|i| ImtEntry {
            id: 40 + i as u32,
            target: ImtTarget::ThroughCell(&vtable[2 + i] as *const u64 as u64),
        })
        .collect();
    let stub = emit_imt_collision_stub(&code, &entries, miss).unwrap();
    let mut names = Names::new(stub);
    names.add(miss, "imt_miss");
    for i in 0..3 {
        names.add(
            &vtable[2 + i] as *const u64 as u64,
            format!("vtable[{}]", 2 + i),
        );
    }
    snapshot(
        "imt_collision_stub_3_through_cells",
        names.listing(&code, stub, emitted_since(&code, stub)),
    );
}
