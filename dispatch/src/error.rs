//! The dispatch crate's one error type; every variant names the addresses or bytes involved.

use thiserror::Error;

#[derive(Debug, Error)]
pub enum DispatchError {
    /// A system call setting up code memory failed.
    #[error("code memory: {op} failed: {source}")]
    Os {
        op: &'static str,
        #[source]
        source: std::io::Error,
    },
    #[error("code memory exhausted: {requested} bytes requested, {available} of {reserved} left")]
    Exhausted {
        requested: usize,
        available: usize,
        reserved: usize,
    },
    #[error("code alignment {0} is not a power of two")]
    BadAlignment(usize),
    #[error("patch at 0x{addr:x} is not {align}-byte aligned, so it could not be atomic")]
    Misaligned { addr: u64, align: u64 },
    #[error("0x{addr:x}..+{len} is not emitted code")]
    OutsideCodeMemory { addr: u64, len: usize },
    #[error("rel32 from 0x{from:x} cannot reach 0x{to:x}")]
    OutOfRange { from: u64, to: u64 },
    #[error("unrecognised call site before return address 0x{ret_addr:x}: bytes {bytes:02x?}")]
    UnrecognisedCallSite { ret_addr: u64, bytes: Vec<u8> },
    #[error("IMT id {id} is listed with two different cells, 0x{first:x} and 0x{second:x}")]
    DuplicateImtId { id: u32, first: u64, second: u64 },
    #[error("assembling {what}: {message}")]
    Assembler { what: &'static str, message: String },
}

impl DispatchError {
    /// Wraps the last OS error of a failed system call.
    pub(crate) fn last_os(op: &'static str) -> DispatchError {
        DispatchError::Os {
            op,
            source: std::io::Error::last_os_error(),
        }
    }

    /// Wraps a dynasmrt failure with what was being assembled.
    pub(crate) fn assembler(what: &'static str, e: impl std::fmt::Debug) -> DispatchError {
        DispatchError::Assembler {
            what,
            message: format!("{e:?}"),
        }
    }
}

pub type Result<T, E = DispatchError> = std::result::Result<T, E>;
