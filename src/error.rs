//! The `vcall` crate's error type: metadata, dispatch and JIT failures with their context.

use thiserror::Error;

pub type Result<T> = std::result::Result<T, VmError>;

#[derive(Debug, Error)]
pub enum VmError {
    #[error(transparent)]
    Metadata(#[from] vcall_metadata::error::MetadataError),
    #[error(transparent)]
    Dispatch(#[from] vcall_dispatch::error::DispatchError),
    /// Unsupported or invalid IL: names the method and the IL offset.
    #[error("{method}: IL_{offset:04x}: {message}")]
    Jit {
        method: String,
        offset: u32,
        message: String,
    },
    #[error("missing internal call {0}: the runtime does not implement it")]
    MissingNative(String),
    #[error("internal error: {0}")]
    Internal(String),
    #[error("{0}")]
    Usage(String),
    /// Running managed code on the way (a static constructor) raised a managed exception,
    /// now in `exceptions::PENDING_EXCEPTION`: whoever ran the JIT or the initialiser throws
    /// it into the managed code that asked.
    #[error("a managed exception is pending")]
    ManagedException,
}
