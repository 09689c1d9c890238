//! Heap exhaustion is a managed, catchable OutOfMemoryException: `tests/exceptions/OutOfMemory.exe`
//! (built from its `.cs` with `mcs OutOfMemory.cs`) runs under a heap cap (`VCALL_MAX_HEAP`;
//! Mono caps its heap differently, with `MONO_GC_PARAMS=max-heap-size`, so this is not a
//! differential test) and fills the heap with large arrays, small objects, boxes, strings and a
//! StringBuilder, catching each failure, then allocates again once the garbage is dropped.

use std::path::Path;
use std::process::Command;

const EXPECTED: &str = "\
big arrays: System.OutOfMemoryException: Insufficient memory to continue the execution of the program. after several
recovered: 16777216 bytes
small objects: System.OutOfMemoryException: Insufficient memory to continue the execution of the program. after many
recovered: 16777216 bytes
boxes: System.OutOfMemoryException: Insufficient memory to continue the execution of the program.
strings: System.OutOfMemoryException: Insufficient memory to continue the execution of the program. at length >= 1024
StringBuilder: System.OutOfMemoryException: Insufficient memory to continue the execution of the program.
through frames: System.OutOfMemoryException: Insufficient memory to continue the execution of the program., finally blocks run: 11
recovered: 16777216 bytes
done
";

fn run(env: &[(&str, &str)]) -> std::process::Output {
    let exe = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/exceptions/OutOfMemory.exe");
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_vcall"));
    cmd.arg(exe).env_remove("VCALL_GC_STRESS");
    for (k, v) in env {
        cmd.env(k, v);
    }
    cmd.output().expect("vcall runs")
}

fn check(env: &[(&str, &str)]) {
    let out = run(env);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success() && stdout == EXPECTED,
        "with {env:?}: {}\nstdout:\n{stdout}\nstderr:\n{}",
        out.status,
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn heap_exhaustion_is_catchable_under_a_cap() {
    check(&[("VCALL_MAX_HEAP", "64m")]);
    check(&[("VCALL_MAX_HEAP", "67108864")]);
}

#[test]
fn heap_exhaustion_leaves_a_consistent_heap() {
    // Every collection (including the ones run when allocation fails) verifies the heap.
    check(&[("VCALL_MAX_HEAP", "48m"), ("VCALL_GC_VERIFY", "1")]);
}

#[test]
fn an_uncaught_exhaustion_is_reported_like_mono() {
    // 8 MiB cannot hold what Recovers() allocates after the first scenario.
    let out = run(&[("VCALL_MAX_HEAP", "8m")]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.starts_with(
            "\nUnhandled Exception:\nSystem.OutOfMemoryException: Insufficient memory to continue the execution of the program.\n  at OutOfMemory.Recovers () [0x"
        ),
        "{stderr}"
    );
}

#[test]
fn a_bad_cap_is_reported_and_ignored() {
    // Not OutOfMemory.exe: without a cap it would fill the machine.
    let hello = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/programs/Hello.exe");
    let out = Command::new(env!("CARGO_BIN_EXE_vcall"))
        .arg(hello)
        .env("VCALL_MAX_HEAP", "lots")
        .output()
        .expect("vcall runs");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("vcall: warning: ignoring VCALL_MAX_HEAP=\"lots\""),
        "{stderr}"
    );
    assert!(out.status.success(), "{stderr}");
    assert_eq!(String::from_utf8_lossy(&out.stdout), "Hello, World!\n");
}
