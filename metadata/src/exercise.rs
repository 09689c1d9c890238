//! Drives every decoder over one assembly image, for fuzzing and the mutated-corpus test:
//! headers, every table row, every signature blob, every method body and its IL, and the
//! class loader on every type. Errors are expected on bad input; panics are bugs.

use crate::assembly::Assembly;
use crate::token::{RowIndex, TableId, Token};
use crate::{body, il, signature};

/// Parses `bytes` as an assembly and decodes everything reachable; returns how many items
/// decoded without error (so callers can tell garbage from a readable file).
pub fn exercise(bytes: &[u8], corlib: Option<&std::path::Path>) -> usize {
    let Ok(asm) = Assembly::from_bytes("fuzz.exe".into(), "fuzz.exe".into(), bytes.to_vec()) else {
        return 0;
    };
    let mut ok = 0;
    let _ = asm.name();
    let _ = asm.mvid();
    let _ = asm.entry_point();
    for t in TableId::ALL {
        for r in 1..=asm.tables.rows(t) {
            let _ = asm.tables.table(t).cell(RowIndex(r), 0);
        }
    }
    for r in 1..=asm.tables.rows(TableId::TypeDef) {
        let row = asm.type_def(RowIndex(r));
        ok += usize::from(asm.string(row.name).is_ok());
        let _ = asm.fields_of(RowIndex(r));
        let _ = asm.methods_of(RowIndex(r));
        // Each lookup scans the map table: a bounded sample keeps a huge input linear.
        if r <= 256 {
            let _ = asm.events_of(RowIndex(r));
            let _ = asm.properties_of(RowIndex(r));
        }
    }
    for r in 1..=asm.tables.rows(TableId::Field) {
        if let Ok(b) = asm.blob(asm.field(RowIndex(r)).signature) {
            ok += usize::from(signature::parse_field_sig(b).is_ok());
        }
    }
    for r in 1..=asm.tables.rows(TableId::MemberRef) {
        if let Ok(b) = asm.blob(asm.member_ref(RowIndex(r)).signature) {
            ok += usize::from(signature::parse_member_ref_sig(b).is_ok());
        }
    }
    for r in 1..=asm.tables.rows(TableId::TypeSpec) {
        if let Ok(b) = asm.type_spec_blob(RowIndex(r)) {
            ok += usize::from(signature::parse_type_spec(b).is_ok());
        }
    }
    for r in 1..=asm.tables.rows(TableId::StandAloneSig) {
        if let Ok(b) = asm.standalone_sig_blob(RowIndex(r)) {
            let _ = signature::parse_local_var_sig(b);
        }
    }
    for r in 1..=asm.tables.rows(TableId::MethodDef) {
        let m = asm.method_def(RowIndex(r));
        let _ = asm.params_of(RowIndex(r));
        if let Ok(b) = asm.blob(m.signature) {
            ok += usize::from(signature::parse_method_sig(b).is_ok());
        }
        if m.rva != 0 {
            if let Ok(bytes) = asm.body_bytes(Token::new(TableId::MethodDef, RowIndex(r)), m.rva) {
                if let Ok(b) = body::parse_method_body(bytes) {
                    ok += il::decode_all(&b.code).filter(|i| i.is_ok()).count();
                }
            }
        }
    }
    if let Some(corlib) = corlib {
        if let Ok(mut loader) = crate::loader::Loader::new(corlib, 19) {
            let dir = std::env::temp_dir().join(format!("vcall-exercise-{}", std::process::id()));
            let _ = std::fs::create_dir_all(&dir);
            let path = dir.join("fuzz.exe");
            if std::fs::write(&path, bytes).is_ok() {
                if let Ok(main) = loader.load_main(&path) {
                    for t in loader.all_types(main) {
                        ok += usize::from(loader.class(t).is_ok());
                    }
                }
            }
        }
    }
    ok
}
