//! vcall-dispatch: executable memory, trampolines, IMT stubs and call-site decoding/patching.
//! It knows machine code and nothing of CIL; the runtime in `src/` supplies the handlers.
#![warn(clippy::undocumented_unsafe_blocks, clippy::missing_safety_doc)]

mod asm;
pub mod callsite;
pub mod codemem;
pub mod disasm;
pub mod error;
pub mod imt;
pub mod stats;
pub mod trampoline;
pub mod unwind;

pub use error::{DispatchError, Result};
