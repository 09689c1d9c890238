//! Exception details that Mono prints differently in detail (it inlines small methods, so its
//! traces are shorter): StackTrace names every method an exception passed through, and an
//! impossible allocation raises a catchable OutOfMemoryException.

use std::path::Path;
use std::process::Command;

#[test]
fn stack_trace_names_methods_and_oom_is_catchable() {
    let exe = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/exceptions/StackTraces.exe");
    let out = Command::new(env!("CARGO_BIN_EXE_vcall"))
        .arg(&exe)
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{stdout}\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(lines[0], "System.InvalidOperationException: from inner");
    for (i, method) in [
        "StackTraces.Inner ()",
        "StackTraces.Middle ()",
        "StackTraces.Main ()",
    ]
    .iter()
    .enumerate()
    {
        assert!(
            lines[1 + i].starts_with(&format!("  at {method} [0x")),
            "line {}: {}",
            1 + i,
            lines[1 + i]
        );
    }
    assert_eq!(lines.last(), Some(&"caught OutOfMemoryException"));
}
