//! vcall: the JIT, the runtime and the command line.

pub mod error;
pub mod inspect;
pub mod jit;
pub mod runtime;
pub mod verbose;
pub mod vm;
