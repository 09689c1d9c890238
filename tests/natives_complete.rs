//! Every internal call the shipped corlib declares has a Rust implementation, and every Rust
//! native names a method the corlib declares (so neither side drifts silently).

use std::path::Path;
use vcall_metadata::loader::{AssemblyIdx, Loader, MethodKey};

#[test]
fn corlib_internal_calls_and_natives_match() {
    let corlib = Path::new(env!("CARGO_MANIFEST_DIR")).join("corlib/mscorlib.dll");
    let loader = Loader::new(&corlib, 19).expect("load corlib");
    let asm = loader.assembly(AssemblyIdx::CORLIB);
    let natives: std::collections::BTreeSet<&str> = vcall::runtime::natives::all_native_names()
        .into_iter()
        .collect();
    let mut declared = std::collections::BTreeSet::new();
    let mut missing = Vec::new();
    for t in loader.all_types(AssemblyIdx::CORLIB) {
        for row in asm.methods_of(t.row) {
            let m = asm.method_def(row);
            if m.impl_flags & 0x1000 == 0 {
                continue;
            }
            let name = loader.method_display_sig(MethodKey {
                assembly: AssemblyIdx::CORLIB,
                row,
            });
            if !natives.contains(name.as_str()) {
                missing.push(name.clone());
            }
            declared.insert(name);
        }
    }
    let stale: Vec<&&str> = natives.iter().filter(|n| !declared.contains(**n)).collect();
    assert!(missing.is_empty() && stale.is_empty(), "internal calls without a native: {missing:#?}\nnatives the corlib does not declare: {stale:#?}");
}
