//! vcall-metadata: reads ECMA-335 assemblies and builds the plain-data class model.
#![forbid(unsafe_code)]
pub mod aot;
pub mod assembly;
pub mod body;
pub mod class;
pub mod dump;
pub mod error;
pub mod exercise;
pub mod heaps;
pub mod il;
pub mod lists;
pub mod loader;
pub mod pe;
mod reader;
pub mod root;
pub mod signature;
pub mod tables;
pub mod token;
