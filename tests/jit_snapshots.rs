//! Snapshot tests of JIT output: the code of a virtual call site and of an interface call
//! site (`mov rax,[this]; call [rax+slot]` and `mov r10d,id; call [rax-imt]`), and the
//! runtime's own generic virtual and IMT trampolines, symbolized.

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

#[test]
fn the_runtimes_generic_virtual_and_imt_trampolines() {
    let program = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/programs/CallSites.exe");
    let rt = vcall::vm::boot(&program, vcall::vm::options(19, false, vec![])).expect("boot");
    let t = rt.trampolines;
    // They are emitted one after the other (16-aligned): each ends where the next begins.
    // Alignment padding follows the final `jmp r11`; the listing ends there.
    let upto_jump = |s: String| -> String {
        let end = s.find("jmp     r11\n").map(|k| k + "jmp     r11\n".len());
        s[..end.unwrap_or(s.len())].to_string()
    };
    let virt = upto_jump(vcall::verbose::code_listing(
        rt,
        t.virtual_call,
        (t.imt - t.virtual_call) as usize,
    ));
    let imt = upto_jump(vcall::verbose::code_listing(
        rt,
        t.imt,
        (t.imt_miss - t.imt) as usize,
    ));
    assert!(
        virt.contains("mov     rax,virtual_trampoline_handler"),
        "{virt}"
    );
    assert!(imt.contains("mov     rax,imt_trampoline_handler"), "{imt}");
    assert!(virt.contains("jmp     r11") && imt.contains("jmp     r11"));
    insta::with_settings!({ snapshot_path => "../snapshots", prepend_module_to_snapshot => false, omit_expression => true }, {
        insta::assert_snapshot!("generic_virtual_trampoline", virt);
        insta::assert_snapshot!("generic_imt_trampoline", imt);
    });
}
