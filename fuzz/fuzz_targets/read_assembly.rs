//! Fuzz target: any byte string through the PE/metadata reader, every table row accessor,
//! every signature blob, every method body and its IL, and (every input) the class loader
//! with vcall's corlib. Shares its driver with metadata/tests/mutated_corpus.rs.
//!
//! cargo +nightly fuzz run read_assembly metadata/tests/corpus   (from /work/main/fuzz)
#![no_main]

use libfuzzer_sys::fuzz_target;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

#[path = "../../metadata/tests/common/mod.rs"]
mod common;

fn scratch() -> &'static Path {
    static DIR: OnceLock<PathBuf> = OnceLock::new();
    DIR.get_or_init(|| std::env::temp_dir().join(format!("vcall-fuzz-{}", std::process::id())))
}

fuzz_target!(|data: &[u8]| {
    let corlib = Path::new(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../corlib/mscorlib.dll"
    ));
    common::exercise(data, Some(corlib), scratch());
});
