//! Deterministic stand-in for the fuzzer: runs the committed corpus of mutated assemblies
//! (metadata/tests/corpus, written by fuzz/make_corpus.py, plus inputs the fuzzer once
//! crashed on) through the same driver as fuzz/fuzz_targets/read_assembly.rs. Each file may
//! fail to load; none may panic or hang.
//!
//! A stack overflow aborts the whole process, which no test can catch: rerun with
//! VCALL_CORPUS_TRACE=1 to see the file it happened on.

mod common;

use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::time::Duration;

/// Generous for ~10 KB inputs in a debug build (the slowest file takes well under a second).
const PER_FILE: Duration = Duration::from_secs(30);

fn corpus() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_file())
        .collect();
    files.sort();
    files
}

#[test]
fn mutated_assemblies_never_panic() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).parent().unwrap();
    let corlib = root.join("corlib/mscorlib.dll");
    let scratch = std::env::temp_dir().join(format!("vcall-corpus-{}", std::process::id()));
    let trace = std::env::var_os("VCALL_CORPUS_TRACE").is_some();
    let files = corpus();
    assert!(
        files.len() >= 100,
        "corpus missing or short ({} files): run fuzz/make_corpus.py",
        files.len()
    );
    let mut panicked = Vec::new();
    let (mut parsed, mut with_classes) = (0, 0);
    for f in &files {
        let name = f.file_name().unwrap().to_string_lossy().into_owned();
        if trace {
            // Straight to the file descriptor: captured output dies with an aborted process.
            let _ = writeln!(std::io::stderr().lock(), "corpus: {name}");
        }
        let bytes = std::fs::read(f).unwrap();
        let (corlib, scratch) = (corlib.clone(), scratch.clone());
        let (tx, rx) = mpsc::channel();
        // A thread per file so a hang is reported with its file name instead of stalling
        // the test run; the big stack keeps deep but finite recursion from passing for a bug.
        std::thread::Builder::new()
            .stack_size(64 << 20)
            .spawn(move || {
                let r =
                    std::panic::catch_unwind(|| common::exercise(&bytes, Some(&corlib), &scratch));
                let _ = tx.send(r.map_err(|e| {
                    e.downcast_ref::<String>()
                        .cloned()
                        .or_else(|| e.downcast_ref::<&str>().map(|s| s.to_string()))
                        .unwrap_or_default()
                }));
            })
            .unwrap();
        match rx.recv_timeout(PER_FILE) {
            Ok(Ok(reach)) => {
                parsed += reach.parsed as usize;
                with_classes += (reach.classes > 0) as usize;
            }
            Ok(Err(msg)) => panicked.push(format!("{name}: {msg}")),
            Err(_) => panic!("{name}: no result after {PER_FILE:?} (a hang?)"),
        }
    }
    let _ = std::fs::remove_dir_all(&scratch);
    eprintln!(
        "note: {} mutated assemblies: {parsed} parsed, {with_classes} reached the class loader",
        files.len()
    );
    assert!(
        panicked.is_empty(),
        "the reader panicked on {} file(s):\n{}",
        panicked.len(),
        panicked.join("\n")
    );
    // Otherwise the mutations were so coarse that only the PE check ever ran.
    assert!(
        parsed > files.len() / 4 && with_classes > files.len() / 10,
        "too few mutants got past the headers ({parsed} parsed, {with_classes} with classes)"
    );
}
