//! Shared dynasmrt plumbing: every generator assembles for its final address with a
//! `VecAssembler` and turns assembler failures into a `DispatchError` naming the generator.

use crate::error::{DispatchError, Result};
use dynasmrt::x64::X64Relocation;
use dynasmrt::VecAssembler;

pub(crate) type Asm = VecAssembler<X64Relocation>;

/// An assembler whose code will live at `base`.
pub(crate) fn assembler(base: u64) -> Asm {
    VecAssembler::new(base as usize)
}

/// Resolves labels and hands back the bytes.
pub(crate) fn finish(a: Asm, what: &'static str) -> Result<Vec<u8>> {
    a.finalize().map_err(|e| DispatchError::assembler(what, e))
}
