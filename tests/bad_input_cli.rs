//! Bad input never crashes the `vcall` command: each case exits non-zero with one clear
//! `vcall: error:` line saying what and where, and never panics or dies from a signal.

use std::path::{Path, PathBuf};
use std::process::Command;

fn vcall(args: &[&str]) -> (i32, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_vcall"))
        .args(args)
        .output()
        .expect("run vcall");
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    // A signal (segfault, abort) has no exit code.
    let code = out
        .status
        .code()
        .unwrap_or_else(|| panic!("vcall {args:?} died from a signal:\n{stderr}"));
    assert!(
        !stderr.contains("panicked"),
        "vcall {args:?} panicked:\n{stderr}"
    );
    (code, stderr)
}

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).to_path_buf()
}

fn scratch(name: &str, bytes: &[u8]) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("vcall-bad-input-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let p = dir.join(name);
    std::fs::write(&p, bytes).unwrap();
    p
}

fn expect_error(args: &[&str], needles: &[&str]) {
    let (code, stderr) = vcall(args);
    assert_ne!(code, 0, "vcall {args:?} succeeded on bad input");
    assert!(
        stderr.contains("vcall: error:"),
        "no error line for {args:?}:\n{stderr}"
    );
    for n in needles {
        assert!(
            stderr.contains(n),
            "error for {args:?} does not mention {n:?}:\n{stderr}"
        );
    }
}

#[test]
fn missing_file() {
    expect_error(&["/nonexistent/Nope.exe"], &["Nope.exe", "cannot read"]);
}

#[test]
fn not_a_pe_file() {
    let p = scratch("text.exe", b"this is not a PE file at all, just text\n");
    expect_error(&[p.to_str().unwrap()], &["text.exe", "not a PE file"]);
}

#[test]
fn pe_without_cli_header() {
    // The data directory entry of the CLI header zeroed: a native PE, not an assembly.
    let mut bytes = std::fs::read(root().join("tests/programs/Hello.exe")).unwrap();
    let pe = u32::from_le_bytes(bytes[0x3c..0x40].try_into().unwrap()) as usize;
    // PE32 optional header: data directories start 96 bytes in; the CLI header is entry 14.
    let dir = pe + 4 + 20 + 96 + 14 * 8;
    bytes[dir..dir + 8].fill(0);
    let p = scratch("native.exe", &bytes);
    expect_error(&[p.to_str().unwrap()], &["native.exe", "no CLI header"]);
}

#[test]
fn truncated_files_at_many_points() {
    let bytes = std::fs::read(root().join("tests/programs/Hello.exe")).unwrap();
    for cut in [
        0usize,
        1,
        2,
        64,
        0x80,
        0x100,
        0x180,
        0x200,
        0x250,
        0x300,
        bytes.len() / 2,
        bytes.len() - 1,
    ] {
        let p = scratch(&format!("cut{cut}.exe"), &bytes[..cut.min(bytes.len())]);
        let (code, stderr) = vcall(&[p.to_str().unwrap()]);
        assert_ne!(code, 0, "truncated at {cut} still ran");
        assert!(
            stderr.contains(&format!("cut{cut}.exe")),
            "error does not name the file (cut {cut}):\n{stderr}"
        );
    }
}

#[test]
fn unsupported_il_names_method_and_offset() {
    let p = root().join("tests/unsupported/Delegates.exe");
    expect_error(
        &[p.to_str().unwrap()],
        &["Delegates::Main()", "IL_0012", "ldftn"],
    );
}

#[test]
fn missing_corlib_member_is_named() {
    let p = root().join("tests/unsupported/MissingMember.exe");
    expect_error(
        &[p.to_str().unwrap()],
        &[
            "System.Console::SetCursorPosition(System.Int32,System.Int32)",
            "0x0a000002",
            "missing member",
        ],
    );
}

#[test]
fn library_without_entry_point() {
    expect_error(
        &[root().join("corlib/mscorlib.dll").to_str().unwrap()],
        &["no entry point"],
    );
}

#[test]
fn dump_layout_of_an_unknown_type() {
    let p = root().join("tests/programs/Hello.exe");
    expect_error(
        &["--dump-layout", p.to_str().unwrap(), "No.Such"],
        &["No.Such"],
    );
}

#[test]
fn mistyped_runtime_settings_are_refused() {
    let hello = root().join("tests/programs/Hello.exe");
    for (name, value, needle) in [
        ("VCALL_GC_STRESS", "often", "VCALL_GC_STRESS=often"),
        (
            "VCALL_GC_VERIFY",
            "yes",
            "VCALL_GC_VERIFY=yes: expected 0 or 1",
        ),
        ("VCALL_PERF_MAP", "2", "VCALL_PERF_MAP=2"),
    ] {
        let out = Command::new(env!("CARGO_BIN_EXE_vcall"))
            .arg(&hello)
            .env(name, value)
            .output()
            .expect("run vcall");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{name}={value}: {stderr}");
        assert!(stderr.contains(needle), "{name}={value}: {stderr}");
        assert!(
            out.stdout.is_empty(),
            "{name}={value} still ran the program"
        );
    }
}
