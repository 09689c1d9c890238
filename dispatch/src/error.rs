//! The dispatch crate's single error type.

use thiserror::Error;

#[derive(Debug, Error)]
pub enum DispatchError {
    #[error("code memory: {0}")]
    CodeMemory(String),
    #[error("code memory exhausted: {requested} bytes requested, {available} available")]
    Exhausted { requested: usize, available: usize },
    #[error("patch at 0x{addr:x} is not {align}-byte aligned")]
    Misaligned { addr: u64, align: u64 },
    #[error("address 0x{0:x} is outside code memory")]
    OutsideCodeMemory(u64),
    #[error("call from 0x{from:x} to 0x{to:x} is out of rel32 range")]
    OutOfRange { from: u64, to: u64 },
    #[error("unrecognised call site before return address 0x{ret_addr:x}: bytes {bytes:02x?}")]
    UnrecognisedCallSite { ret_addr: u64, bytes: Vec<u8> },
    #[error("assembler: {0}")]
    Assembler(String),
}
