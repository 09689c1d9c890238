//! Snapshot tests of JIT output: the code of a virtual call site and of an interface call
//! site (`mov rax,[this]; call [rax+slot]` and `mov r10d,id; call [rax-imt]`), symbolized.

use std::path::Path;

#[test]
fn virtual_and_interface_call_sites() {
    let program = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/programs/CallSites.exe");
    let rt = vcall::vm::boot(&program, vcall::vm::options(19, false, vec![])).expect("boot");
    let virt = vcall::verbose::compile_and_list(rt, "CallSites", "VirtualCall").unwrap();
    let iface = vcall::verbose::compile_and_list(rt, "CallSites", "InterfaceCall").unwrap();
    assert!(virt.contains("call    qword ptr [rax+"), "{virt}");
    assert!(
        iface.contains("mov     r10d,") && iface.contains("call    qword ptr [rax-"),
        "{iface}"
    );
    insta::with_settings!({ snapshot_path => "../snapshots", prepend_module_to_snapshot => false, omit_expression => true }, {
        insta::assert_snapshot!("jit_virtual_call_site", virt);
        insta::assert_snapshot!("jit_interface_call_site", iface);
    });
}
