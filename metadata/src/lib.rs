//! vcall-metadata: reads ECMA-335 assemblies and builds the plain-data class model.
#![forbid(unsafe_code)]
pub mod error;
pub mod token;
