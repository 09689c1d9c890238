//! Unhandled-exception reports on stderr match Mono's layout line for line: the blank line,
//! `Unhandled Exception:`, `Type: message ---> Inner: message`, the trace lines
//! (`  at Type.Method (ParamType name) [0x0000c] in <mvid>:0 `, with the MVID in Mono's text
//! and the trailing space), `   --- End of inner exception stack trace ---`, and the
//! `[ERROR] FATAL UNHANDLED EXCEPTION:` repeat.
//!
//! Every `tests/programs/<Name>.stderr` (recorded from mono by `build.sh --record`) is
//! compared with vcall's stderr for `<Name>.exe`, and with mono's live stderr when mono is
//! installed. IL offsets are normalised: Mono reports the sequence point before the faulting
//! instruction, which vcall emulates, but Mono also places one after every call it inlines,
//! and which corlib methods it inlines is its own business. Programs in [`EXACT`] are compared
//! verbatim, IL offsets included.

use std::path::{Path, PathBuf};
use std::process::Command;

/// Programs whose report must match Mono's byte for byte.
const EXACT: &[&str] = &["Unhandled"];

fn programs_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/programs")
}

/// Replaces the digits of every `[0x.....]` IL offset in trace lines with `?`.
fn normalise_il_offsets(text: &str) -> String {
    text.lines()
        .map(|line| {
            if !line.starts_with("  at ") {
                return line.to_string();
            }
            let mut out = String::with_capacity(line.len());
            let mut rest = line;
            while let Some(i) = rest.find("[0x") {
                out.push_str(&rest[..i + 3]);
                let tail = &rest[i + 3..];
                let digits = tail.chars().take_while(|c| c.is_ascii_hexdigit()).count();
                if tail[digits..].starts_with(']') {
                    out.push_str(&"?".repeat(digits));
                } else {
                    out.push_str(&tail[..digits]);
                }
                rest = &tail[digits..];
            }
            out.push_str(rest);
            out
        })
        .collect::<Vec<_>>()
        .join("\n")
}

fn stderr_of(program: &str, exe: &Path) -> Option<String> {
    let out = Command::new(program)
        .arg(exe)
        .current_dir(programs_dir())
        .env("LC_ALL", "C")
        .env("LANG", "C")
        .output()
        .ok()?;
    Some(String::from_utf8_lossy(&out.stderr).into_owned())
}

fn mono_available() -> bool {
    Command::new("mono")
        .arg("--version")
        .output()
        .map(|o| o.status.success())
        .unwrap_or(false)
}

/// The first differing line, for the failure message.
fn first_difference(what: &str, expected: &str, actual: &str) -> Option<String> {
    if expected == actual {
        return None;
    }
    let (e, a): (Vec<&str>, Vec<&str>) = (expected.lines().collect(), actual.lines().collect());
    for i in 0..e.len().max(a.len()) {
        if e.get(i) != a.get(i) {
            return Some(format!(
                "{what}: line {}:\n  expected {:?}\n  actual   {:?}",
                i + 1,
                e.get(i).copied().unwrap_or("<end>"),
                a.get(i).copied().unwrap_or("<end>")
            ));
        }
    }
    Some(format!("{what}: line endings or trailing newline differ"))
}

#[test]
fn unhandled_exception_reports_match_mono() {
    let mut recorded: Vec<PathBuf> = std::fs::read_dir(programs_dir())
        .expect("tests/programs")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "stderr"))
        .collect();
    recorded.sort();
    assert!(
        recorded.iter().any(|p| p.ends_with("Unhandled.stderr")),
        "tests/programs/Unhandled.stderr is missing"
    );
    let live_mono = mono_available();
    let mut problems = Vec::new();
    for path in &recorded {
        let name = path.file_stem().unwrap().to_string_lossy().into_owned();
        let exe = programs_dir().join(format!("{name}.exe"));
        let expected = std::fs::read_to_string(path).expect("recorded stderr");
        let Some(actual) = stderr_of(env!("CARGO_BIN_EXE_vcall"), &exe) else {
            problems.push(format!("{name}: cannot run vcall"));
            continue;
        };
        assert!(
            expected.contains("Unhandled Exception:"),
            "{name}.stderr holds no unhandled-exception report"
        );
        let mut compare = |what: String, expected: &str| {
            let diff = if EXACT.contains(&name.as_str()) {
                first_difference(&what, expected, &actual)
            } else {
                first_difference(
                    &what,
                    &normalise_il_offsets(expected),
                    &normalise_il_offsets(&actual),
                )
            };
            problems.extend(diff);
        };
        compare(format!("{name} vs recorded .stderr"), &expected);
        if live_mono {
            if let Some(live) = stderr_of("mono", &exe) {
                compare(format!("{name} vs live mono"), &live);
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn normalising_touches_only_il_offsets_of_trace_lines() {
    let text = "X: [0x1f] stays\n  at A.B () [0x0001f] in <00ff>:0 \n  at C.D (x [0x]) [0x00002] in <ab>:0 ";
    assert_eq!(
        normalise_il_offsets(text),
        "X: [0x1f] stays\n  at A.B () [0x?????] in <00ff>:0 \n  at C.D (x [0x]) [0x?????] in <ab>:0 "
    );
}
