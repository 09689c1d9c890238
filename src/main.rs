//! The `vcall` command: runs a CIL program like `mono program.exe`.
fn main() {}
