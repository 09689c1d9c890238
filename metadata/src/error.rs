//! The metadata crate's single error type; every variant says what failed and where.

use crate::token::{TableId, Token};
use thiserror::Error;

pub type Result<T> = std::result::Result<T, MetadataError>;

#[derive(Debug, Error, Clone, PartialEq, Eq)]
pub enum MetadataError {
    #[error("{file}: {message}")]
    Image { file: String, message: String },
    #[error("{file}: truncated data: need {needed} bytes at offset 0x{offset:x} of {what}, have {available}")]
    Truncated {
        file: String,
        what: &'static str,
        offset: usize,
        needed: usize,
        available: usize,
    },
    #[error("{file}: {heap} heap index 0x{index:x} out of range (heap size 0x{size:x})")]
    HeapIndex {
        file: String,
        heap: &'static str,
        index: u32,
        size: usize,
    },
    #[error("{file}: table {table:?} row {row} references {target:?} row {target_row}, beyond its {target_rows} rows")]
    RowIndex {
        file: String,
        table: TableId,
        row: u32,
        target: TableId,
        target_row: u32,
        target_rows: u32,
    },
    #[error("{file}: bad signature blob 0x{blob:x} at byte {offset}: {message}")]
    Signature {
        file: String,
        blob: u32,
        offset: usize,
        message: String,
    },
    #[error("{file}: method {token}: bad method body at RVA 0x{rva:x}: {message}")]
    MethodBody {
        file: String,
        token: Token,
        rva: u32,
        message: String,
    },
    #[error("{file}: method {token}: bad IL at offset IL_{offset:04x}: {message}")]
    Il {
        file: String,
        token: Token,
        offset: u32,
        message: String,
    },
    #[error("{file}: {token}: {message}")]
    Type {
        file: String,
        token: Token,
        message: String,
    },
    #[error("{file}: cannot resolve {what} (referenced by {token}): {message}")]
    Unresolved {
        file: String,
        token: Token,
        what: String,
        message: String,
    },
    /// An AOT image (`--aot=metadata-only`) that cannot be used or written: stale, damaged,
    /// of another format. One line; the caller names the file.
    #[error("{0}")]
    AotImage(String),
    /// `--aot=metadata-only` could not compute the class info of a type.
    #[error("cannot compute the class info of {type_name} ({token}): {source}")]
    AotClass {
        type_name: String,
        token: Token,
        source: Box<MetadataError>,
    },
    #[error("{0}")]
    Other(String),
}

/// A context-free error raised by low-level decoders (signatures, bodies, IL), which the
/// caller wraps with the file and token it was decoding.
#[derive(Debug, Error, Clone, PartialEq, Eq)]
#[error("at byte {offset}: {message}")]
pub struct DecodeError {
    pub offset: usize,
    pub message: String,
}

impl DecodeError {
    pub fn new(offset: usize, message: impl Into<String>) -> Self {
        DecodeError {
            offset,
            message: message.into(),
        }
    }
}
