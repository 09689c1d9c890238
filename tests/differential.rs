//! Differential test: every `tests/programs/*.exe` must behave under vcall exactly as under Mono 6.8.
//!
//! vcall's stdout and exit code are compared with the recorded `<Name>.expected` and
//! `<Name>.exitcode` (default 0), and with Mono's live output when `mono` is installed.
//!
//! * `Args.exe` is run with the arguments `a "b c" d`; every other program with none.
//! * Children run with `LC_ALL=C` (as `tests/programs/build.sh --record` does) and are
//!   killed after [`TIMEOUT`].
//! * `tests/programs/KNOWN_FAILURES` lists programs expected to fail, one per line:
//!   `Name  reason...` (`#` starts a comment). They are still run; a failure is reported as
//!   "known failure", and a pass fails the test so the list gets trimmed.
//! * `VCALL_DIFF_FILTER=substr` restricts the run to programs whose name contains `substr`.
//!
//! All problems are collected and reported together in one panic message.

use std::collections::BTreeMap;
use std::fs;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, ExitStatus, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;
use std::thread;
use std::time::{Duration, Instant};

/// How long one program may run (under vcall or mono) before it is killed.
const TIMEOUT: Duration = Duration::from_secs(20);

/// Arguments passed to `Args.exe` (must match what `build.sh --record` used).
const ARGS_EXE_ARGS: &[&str] = &["a", "b c", "d"];

/// Prints a line on stderr even when libtest captures output (`eprintln!` goes through the
/// capture and would only be shown if the test fails; writing to the handle does not).
macro_rules! note {
    ($($arg:tt)*) => {{
        let _ = writeln!(std::io::stderr(), $($arg)*);
    }};
}

fn programs_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests")
        .join("programs")
}

/// What one run of a program produced.
struct Run {
    stdout: Vec<u8>,
    stderr: Vec<u8>,
    /// Exit code, or `None` if the process was killed by a signal or timed out.
    code: Option<i32>,
    /// Human-readable description of how it ended, for messages.
    ending: String,
}

fn describe_status(status: &ExitStatus) -> String {
    if let Some(code) = status.code() {
        return format!("exit code {code}");
    }
    #[cfg(unix)]
    {
        use std::os::unix::process::ExitStatusExt;
        if let Some(sig) = status.signal() {
            return format!("killed by signal {sig}");
        }
    }
    format!("{status}")
}

/// Runs `program args...` with stdin closed, capturing stdout and stderr, killing it after
/// `TIMEOUT`.
fn run_with_timeout(program: &Path, args: &[&str]) -> Result<Run, String> {
    let mut child = Command::new(program)
        .args(args)
        .current_dir(programs_dir())
        .env("LC_ALL", "C")
        .env("LANG", "C")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| format!("cannot start {}: {e}", program.display()))?;

    // Drain both pipes on their own threads so a chatty child never blocks on a full pipe.
    let mut out_pipe = child.stdout.take().expect("stdout is piped");
    let mut err_pipe = child.stderr.take().expect("stderr is piped");
    let out_reader = thread::spawn(move || {
        let mut buf = Vec::new();
        let _ = out_pipe.read_to_end(&mut buf);
        buf
    });
    let err_reader = thread::spawn(move || {
        let mut buf = Vec::new();
        let _ = err_pipe.read_to_end(&mut buf);
        buf
    });

    let start = Instant::now();
    let status = loop {
        match child.try_wait() {
            Ok(Some(status)) => break Some(status),
            Ok(None) if start.elapsed() >= TIMEOUT => {
                let _ = child.kill();
                let _ = child.wait();
                break None;
            }
            Ok(None) => thread::sleep(Duration::from_millis(5)),
            Err(e) => return Err(format!("waiting for {}: {e}", program.display())),
        }
    };

    let stdout = out_reader.join().unwrap_or_default();
    let stderr = err_reader.join().unwrap_or_default();
    Ok(match status {
        Some(status) => Run {
            stdout,
            stderr,
            code: status.code(),
            ending: describe_status(&status),
        },
        None => Run {
            stdout,
            stderr,
            code: None,
            ending: format!("timed out after {}s and was killed", TIMEOUT.as_secs()),
        },
    })
}

/// Describes the first difference between two outputs, or `None` if they are identical.
fn first_difference(expected: &[u8], actual: &[u8]) -> Option<String> {
    if expected == actual {
        return None;
    }
    let exp = String::from_utf8_lossy(expected);
    let act = String::from_utf8_lossy(actual);
    let exp_lines: Vec<&str> = exp.split('\n').collect();
    let act_lines: Vec<&str> = act.split('\n').collect();
    for i in 0..exp_lines.len().max(act_lines.len()) {
        let e = exp_lines.get(i);
        let a = act_lines.get(i);
        if e != a {
            let show = |l: Option<&&str>| match l {
                Some(l) => format!("{l:?}"),
                None => "<end of output>".to_string(),
            };
            return Some(format!(
                "first difference at line {}:\n      expected: {}\n      actual:   {}\n      ({} expected lines, {} actual lines)",
                i + 1,
                show(e),
                show(a),
                exp.lines().count(),
                act.lines().count()
            ));
        }
    }
    Some("outputs differ only in invalid UTF-8 bytes".to_string())
}

/// The first few lines of a child's stderr, indented, for context in failure messages.
fn stderr_excerpt(stderr: &[u8]) -> String {
    let text = String::from_utf8_lossy(stderr);
    let lines: Vec<&str> = text.lines().take(6).collect();
    if lines.is_empty() {
        return String::new();
    }
    let more = if text.lines().count() > lines.len() {
        "\n      ..."
    } else {
        ""
    };
    format!("\n    stderr:\n      {}{more}", lines.join("\n      "))
}

/// Compares one run against a reference (stdout + exit code); returns the problems found.
fn compare(against: &str, expected_stdout: &[u8], expected_code: i32, run: &Run) -> Vec<String> {
    let mut problems = Vec::new();
    if run.code != Some(expected_code) {
        problems.push(format!(
            "vs {against}: expected exit code {expected_code}, vcall {}",
            run.ending
        ));
    }
    if let Some(diff) = first_difference(expected_stdout, &run.stdout) {
        problems.push(format!("vs {against}: stdout differs; {diff}"));
    }
    problems
}

/// Parses KNOWN_FAILURES: `Name reason...` per line, `#` comments, blank lines ignored.
fn known_failures() -> BTreeMap<String, String> {
    let path = programs_dir().join("KNOWN_FAILURES");
    let text = fs::read_to_string(&path).unwrap_or_default();
    let mut map = BTreeMap::new();
    for line in text.lines() {
        let line = line.split('#').next().unwrap_or("").trim();
        if line.is_empty() {
            continue;
        }
        let (name, reason) = match line.split_once(char::is_whitespace) {
            Some((name, reason)) => (name, reason.trim()),
            None => (line, "(no reason given)"),
        };
        map.insert(
            name.trim_end_matches(".exe").to_string(),
            reason.to_string(),
        );
    }
    map
}

fn mono_available() -> bool {
    Command::new("mono")
        .arg("--version")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .map(|s| s.success())
        .unwrap_or(false)
}

/// The verdict on one program.
#[derive(Default)]
struct Outcome {
    /// How vcall's behaviour differs from Mono's (empty = pass).
    problems: Vec<String>,
    /// Problems with the recording itself (missing/stale `.expected`, mono failing), which
    /// are reported whether or not the program is a known failure.
    recording_problems: Vec<String>,
}

/// Checks one program against the recording and, if `live_mono`, against mono's live run.
fn check_program(vcall: &Path, exe: &Path, live_mono: bool) -> Outcome {
    let name = exe.file_stem().unwrap().to_string_lossy().to_string();
    let args: &[&str] = if name == "Args" { ARGS_EXE_ARGS } else { &[] };
    let mut problems = Vec::new();
    let mut recording_problems = Vec::new();

    let expected_path = exe.with_extension("expected");
    let expected = match fs::read(&expected_path) {
        Ok(bytes) => Some(bytes),
        Err(e) => {
            recording_problems.push(format!("cannot read {}: {e}", expected_path.display()));
            None
        }
    };
    let expected_code = match fs::read_to_string(exe.with_extension("exitcode")) {
        Ok(text) => match text.trim().parse::<i32>() {
            Ok(code) => code,
            Err(_) => {
                recording_problems
                    .push(format!("{name}.exitcode does not hold a number: {text:?}"));
                0
            }
        },
        Err(_) => 0,
    };

    let mut vcall_args: Vec<&str> = vec![exe.to_str().expect("UTF-8 path")];
    vcall_args.extend_from_slice(args);
    let run = match run_with_timeout(vcall, &vcall_args) {
        Ok(run) => run,
        Err(e) => {
            return Outcome {
                problems: vec![e],
                recording_problems,
            }
        }
    };

    if let Some(expected) = &expected {
        problems.extend(compare("recorded .expected", expected, expected_code, &run));
    }

    if live_mono {
        let mut mono_args: Vec<&str> = vec![exe.to_str().expect("UTF-8 path")];
        mono_args.extend_from_slice(args);
        match run_with_timeout(Path::new("mono"), &mono_args) {
            Ok(mono) => match mono.code {
                Some(mono_code) => {
                    let agrees_with_recording = expected.as_ref().is_some_and(|expected| {
                        mono_code == expected_code
                            && first_difference(expected, &mono.stdout).is_none()
                    });
                    if !agrees_with_recording {
                        // Only worth a separate comparison when it differs from the recording.
                        problems.extend(compare("live mono", &mono.stdout, mono_code, &run));
                        if expected.is_some() {
                            recording_problems.push(format!(
                                "live mono disagrees with the recorded .expected/.exitcode (re-run tests/programs/build.sh --record {name})"
                            ));
                        }
                    }
                }
                None => recording_problems.push(format!("mono itself {}", mono.ending)),
            },
            Err(e) => recording_problems.push(e),
        }
    }

    if !problems.is_empty() {
        let excerpt = stderr_excerpt(&run.stderr);
        if !excerpt.is_empty() {
            problems.push(format!("(vcall {}){excerpt}", run.ending));
        }
    }
    Outcome {
        problems,
        recording_problems,
    }
}

#[test]
fn programs_match_mono() {
    let vcall = PathBuf::from(env!("CARGO_BIN_EXE_vcall"));
    let dir = programs_dir();
    let filter = std::env::var("VCALL_DIFF_FILTER").unwrap_or_default();

    let mut exes: Vec<PathBuf> = fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", dir.display()))
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|ext| ext == "exe"))
        .filter(|p| {
            p.file_stem()
                .unwrap()
                .to_string_lossy()
                .contains(filter.as_str())
        })
        .collect();
    exes.sort();
    assert!(
        !exes.is_empty(),
        "no test programs (*.exe) found in {} (filter {filter:?})",
        dir.display()
    );

    let live_mono = mono_available();
    if !live_mono {
        note!("note: mono not installed; skipping live comparison");
    }

    // Run the programs on a few worker threads; results are keyed by name so the report
    // order does not depend on scheduling.
    let results: Mutex<BTreeMap<String, Outcome>> = Mutex::new(BTreeMap::new());
    let next = AtomicUsize::new(0);
    let workers = thread::available_parallelism()
        .map(|n| n.get())
        .unwrap_or(1)
        .min(8);
    thread::scope(|scope| {
        for _ in 0..workers {
            scope.spawn(|| loop {
                let i = next.fetch_add(1, Ordering::Relaxed);
                let Some(exe) = exes.get(i) else { break };
                let outcome = check_program(&vcall, exe, live_mono);
                let name = exe.file_stem().unwrap().to_string_lossy().to_string();
                results.lock().unwrap().insert(name, outcome);
            });
        }
    });
    let results = results.into_inner().unwrap();

    let known = known_failures();
    let mut failures = Vec::new();
    let mut passed = 0;
    let mut known_failed = 0;
    for (name, outcome) in &results {
        let problems = &outcome.problems;
        for p in &outcome.recording_problems {
            failures.push(format!("{name}: recording problem: {p}"));
        }
        match (problems.is_empty(), known.get(name)) {
            (true, None) => passed += 1,
            (true, Some(reason)) => failures.push(format!(
                "{name}: listed in KNOWN_FAILURES ({reason}) but now passes; remove it from the list"
            )),
            (false, Some(reason)) => {
                known_failed += 1;
                note!("known failure: {name} ({reason}):\n    {}", problems.join("\n    "));
            }
            (false, None) => failures.push(format!("{name}:\n    {}", problems.join("\n    "))),
        }
    }
    if filter.is_empty() {
        for name in known.keys() {
            if !results.contains_key(name) {
                failures.push(format!(
                    "KNOWN_FAILURES lists {name}, but there is no {name}.exe"
                ));
            }
        }
    }

    note!(
        "differential: {} programs, {passed} passed, {known_failed} known failures, {} problems{}",
        results.len(),
        failures.len(),
        if live_mono {
            " (also compared with live mono)"
        } else {
            ""
        }
    );
    if !failures.is_empty() {
        panic!(
            "{} problem(s) in the differential test:\n\n{}\n",
            failures.len(),
            failures.join("\n\n")
        );
    }
}
