//! Shared driver for the mutated-corpus test and the cargo-fuzz target (which includes this
//! file by path): pushes one byte string through every decoder the crate has and, given a
//! corlib, through the class loader. Errors are the expected outcome on damaged input; a
//! panic, a hang or a stack overflow is a bug.
#![allow(dead_code)]

use std::path::Path;
use vcall_metadata::assembly::Assembly;
use vcall_metadata::il::Operand;
use vcall_metadata::loader::{Loader, MethodKey, TypeKey};
use vcall_metadata::signature::{self, MemberRefSig};
use vcall_metadata::tables::{schema, Column};
use vcall_metadata::token::{RowIndex, TableId, Token};
use vcall_metadata::{body, dump, il};

/// How far the input got: lets callers tell garbage from a file the decoders really walked.
#[derive(Default, Debug, Clone, Copy)]
pub struct Reach {
    /// `Assembly::from_bytes` accepted it.
    pub parsed: bool,
    /// Items (rows, signatures, instructions, classes) that decoded without error.
    pub decoded: usize,
    /// Of those, ClassInfo built by the loader.
    pub classes: usize,
}

/// Decoding the same row quadratically (Constant and CustomAttribute lookups scan a whole
/// table per owner) would make a large input slow rather than find more bugs.
const QUADRATIC_LIMIT: u32 = 256;

/// Runs every entry point on `bytes`. `scratch` is a directory private to the caller; the
/// loader reads assemblies from files, so the bytes are written there when `corlib` is given.
pub fn exercise(bytes: &[u8], corlib: Option<&Path>, scratch: &Path) -> Reach {
    let mut reach = Reach::default();
    let asm = match Assembly::from_bytes("fuzz.exe".into(), "fuzz.exe".into(), bytes.to_vec()) {
        Ok(a) => a,
        Err(e) => {
            // Display is part of the contract: every error must render.
            let _ = e.to_string();
            return reach;
        }
    };
    reach.parsed = true;
    reach.decoded += decode_tables(&asm);
    if let Some(corlib) = corlib {
        let (d, c) = load_classes(bytes, corlib, scratch);
        reach.decoded += d;
        reach.classes = c;
    }
    reach
}

fn ok<T, E: std::fmt::Display>(r: Result<T, E>) -> Option<T> {
    match r {
        Ok(v) => Some(v),
        Err(e) => {
            let _ = e.to_string();
            None
        }
    }
}

/// Every cell of every table through the raw and the typed accessors, every heap reference,
/// every signature blob through its parser (and through the others, since a damaged file can
/// put any blob anywhere), every method body and its IL.
pub fn decode_tables(asm: &Assembly) -> usize {
    let mut n = 0;
    let _ = ok(asm.name());
    let _ = ok(asm.mvid());
    let _ = asm.entry_point();
    let heaps = asm.heaps();
    for t in TableId::ALL {
        let cols = schema(t);
        for r in 1..=asm.tables.rows(t) {
            let row = RowIndex(r);
            for (c, kind) in cols.iter().enumerate() {
                let v = asm.raw_cell(t, row, c);
                match kind {
                    Column::Str => n += ok(asm.string(v)).is_some() as usize,
                    Column::Guid => n += ok(heaps.guid(v)).is_some() as usize,
                    Column::Blob => {
                        if let Some(b) = ok(asm.blob(v)) {
                            n += 1;
                            every_parser(b);
                        }
                    }
                    _ => {}
                }
            }
        }
    }
    let rows = |t| 1..=asm.tables.rows(t);
    for r in rows(TableId::TypeDef) {
        let _ = asm.type_def(RowIndex(r));
        n += asm.fields_of(RowIndex(r)).len() + asm.methods_of(RowIndex(r)).len();
        if r <= QUADRATIC_LIMIT {
            let _ = asm.custom_attribute_ctors(Token::new(TableId::TypeDef, RowIndex(r)));
        }
    }
    for r in rows(TableId::TypeRef) {
        let _ = asm.type_ref(RowIndex(r));
    }
    for r in rows(TableId::Field) {
        let f = asm.field(RowIndex(r));
        if let Some(b) = ok(asm.blob(f.signature)) {
            n += ok(signature::parse_field_sig(b))
                .map(|s| s.ty.to_string())
                .is_some() as usize;
        }
        if r <= QUADRATIC_LIMIT {
            let _ = ok(asm.constant_of(Token::new(TableId::Field, RowIndex(r))));
        }
    }
    for r in rows(TableId::MemberRef) {
        let m = asm.member_ref(RowIndex(r));
        if let Some(b) = ok(asm.blob(m.signature)) {
            n += match ok(signature::parse_member_ref_sig(b)) {
                Some(MemberRefSig::Method(s)) => !s.to_string().is_empty(),
                Some(MemberRefSig::Field(f)) => !f.ty.to_string().is_empty(),
                None => false,
            } as usize;
        }
    }
    for r in rows(TableId::MethodImpl) {
        let _ = asm.method_impl(RowIndex(r));
    }
    for r in rows(TableId::AssemblyRef) {
        let a = asm.assembly_ref(RowIndex(r));
        let _ = ok(asm.string(a.name));
    }
    for r in rows(TableId::TypeSpec) {
        if let Some(b) = ok(asm.type_spec_blob(RowIndex(r))) {
            n += ok(signature::parse_type_spec(b))
                .map(|s| s.to_string())
                .is_some() as usize;
        }
    }
    for r in rows(TableId::StandAloneSig) {
        if let Some(b) = ok(asm.standalone_sig_blob(RowIndex(r))) {
            n += ok(signature::parse_local_var_sig(b)).is_some() as usize;
        }
    }
    for r in rows(TableId::Property) {
        if let Some(b) = ok(asm.blob(asm.raw_cell(TableId::Property, RowIndex(r), 2))) {
            n += ok(signature::parse_property_sig(b)).is_some() as usize;
        }
    }
    for r in rows(TableId::MethodSpec) {
        if let Some(b) = ok(asm.blob(asm.raw_cell(TableId::MethodSpec, RowIndex(r), 1))) {
            n += ok(signature::parse_method_spec(b)).is_some() as usize;
        }
    }
    for r in rows(TableId::MethodDef) {
        let row = RowIndex(r);
        let m = asm.method_def(row);
        n += asm.params_of(row).len();
        if let Some(b) = ok(asm.blob(m.signature)) {
            n += ok(signature::parse_method_sig(b))
                .map(|s| s.to_string())
                .is_some() as usize;
        }
        if m.rva != 0 {
            n += method_body(asm, Token::new(TableId::MethodDef, row), m.rva);
        }
    }
    n
}

fn every_parser(b: &[u8]) {
    let _ = ok(signature::parse_method_sig(b)).map(|s| s.to_string());
    let _ = ok(signature::parse_field_sig(b)).map(|s| s.ty.to_string());
    let _ = ok(signature::parse_member_ref_sig(b));
    let _ = ok(signature::parse_property_sig(b));
    let _ = ok(signature::parse_local_var_sig(b))
        .map(|s| s.locals.iter().map(|l| l.to_string()).collect::<Vec<_>>());
    let _ = ok(signature::parse_method_spec(b));
    let _ = ok(signature::parse_type_spec(b)).map(|s| s.to_string());
}

fn method_body(asm: &Assembly, token: Token, rva: u32) -> usize {
    let Some(bytes) = ok(asm.body_bytes(token, rva)) else {
        return 0;
    };
    let Some(b) = ok(body::parse_method_body(bytes)) else {
        return 0;
    };
    let mut n = 1;
    for c in &b.clauses {
        let _ = (c.try_range(), c.handler_range());
    }
    let locals = b.local_var_sig;
    if locals.table() == Some(TableId::StandAloneSig)
        && asm.tables.has_row(TableId::StandAloneSig, locals.row())
    {
        let _ = ok(asm.standalone_sig_blob(locals.row())).map(signature::parse_local_var_sig);
    }
    for ins in il::decode_all(&b.code) {
        let Some(ins) = ok(ins) else { break };
        n += 1;
        let _ = (ins.to_string(), ins.branch_targets(), ins.next_offset());
        if let Operand::Token(t) = ins.operand {
            if t.table_byte() == Token::USER_STRING_TAG {
                let _ = ok(asm.heaps().user_string(t.0 & 0x00FF_FFFF));
            }
        }
    }
    let _ = ok(il::decode_all_checked(&b.code));
    n
}

/// Loads the bytes as the program next to `corlib` and asks the loader for everything a
/// runtime would: every class (and its dump), every type, method and field reference, and
/// every method's signature and display name. Returns (items decoded, classes built).
pub fn load_classes(bytes: &[u8], corlib: &Path, scratch: &Path) -> (usize, usize) {
    let Some(mut loader) = ok(Loader::new(corlib, 19)) else {
        return (0, 0);
    };
    let path = scratch.join("fuzz.exe");
    if std::fs::create_dir_all(scratch).is_err() || std::fs::write(&path, bytes).is_err() {
        return (0, 0);
    }
    let Some(main) = ok(loader.load_main(&path)) else {
        return (0, 0);
    };
    let mut n = 0;
    let mut classes = 0;
    for t in loader.all_types(main) {
        let _ = loader.type_full_name(t);
        let _ = loader.nested_types(t);
        if let Some(c) = ok(loader.class(t)) {
            classes += 1;
            let _ = dump::dump_class(&loader, &c);
        }
        let _ = ok(loader.parent_of(t));
        let _ = ok(loader.declared_interfaces(t));
    }
    let a = loader.assembly(main);
    let rows = |t| 1..=a.tables.rows(t);
    for t in [TableId::TypeRef, TableId::TypeSpec] {
        for r in rows(t) {
            let tok = Token::new(t, RowIndex(r));
            let _ = loader.token_type_name(main, tok);
            n += ok(loader.resolve_type_token(main, tok)).is_some() as usize;
        }
    }
    for r in rows(TableId::MemberRef) {
        let tok = Token::new(TableId::MemberRef, RowIndex(r));
        let is_field = ok(a.blob(a.member_ref(RowIndex(r)).signature))
            .is_some_and(|b| b.first().is_some_and(|&x| x & 0x0F == 0x06));
        n += if is_field {
            ok(loader.resolve_field_token(main, tok)).is_some()
        } else {
            ok(loader.resolve_method_token(main, tok)).is_some()
        } as usize;
    }
    for r in rows(TableId::MethodDef) {
        let m = MethodKey {
            assembly: main,
            row: RowIndex(r),
        };
        let _ = loader.method_display_sig(m);
        n += ok(loader.method_sig(m)).is_some() as usize;
        let _ = loader.method_owner(m);
    }
    // A type the program never defined still has to fail cleanly.
    let _ = ok(loader.class(TypeKey {
        assembly: main,
        row: RowIndex(a.tables.rows(TableId::TypeDef) + 1),
    }));
    (n + classes, classes)
}
