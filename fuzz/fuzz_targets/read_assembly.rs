//! Fuzz target: any byte string through the PE/metadata reader and every decoder.
//! Run with `cargo +nightly fuzz run read_assembly fuzz/../metadata/tests/corpus`.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = vcall_metadata::exercise::exercise(data, None);
});
