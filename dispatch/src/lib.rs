//! vcall-dispatch: executable memory, trampolines, IMT stubs and call-site decoding/patching.
//! It knows machine code and nothing of CIL.

pub mod callsite;
pub mod codemem;
pub mod disasm;
pub mod error;
pub mod imt;
pub mod stats;
pub mod trampoline;
pub mod unwind;
