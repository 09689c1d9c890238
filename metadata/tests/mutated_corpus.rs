//! Runs the committed corpus of mutated assemblies (fuzz/make_corpus.py) through every
//! decoder and the class loader: each file may fail to load, but nothing may panic.

use std::path::Path;

#[test]
fn mutated_assemblies_never_panic() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).parent().unwrap();
    let corlib = root.join("corlib/mscorlib.dll");
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    assert!(
        files.len() >= 100,
        "corpus missing: run fuzz/make_corpus.py"
    );
    let mut panicked = Vec::new();
    let mut readable = 0;
    for f in &files {
        let bytes = std::fs::read(f).unwrap();
        let corlib = corlib.clone();
        match std::panic::catch_unwind(move || {
            vcall_metadata::exercise::exercise(&bytes, Some(&corlib))
        }) {
            Ok(n) => readable += usize::from(n > 0),
            Err(_) => panicked.push(f.file_name().unwrap().to_string_lossy().into_owned()),
        }
    }
    eprintln!(
        "note: {readable} of {} mutated assemblies were partly readable",
        files.len()
    );
    assert!(panicked.is_empty(), "the reader panicked on: {panicked:?}");
    // Most mutants still parse partly, so the decoders were really exercised.
    assert!(
        readable > files.len() / 4,
        "only {readable} of {} files were readable at all",
        files.len()
    );
}
