//! Malformed metadata never crashes the reader or the class loader: each case is a real test
//! assembly with some table cells patched, and must fail with an error that says what and
//! where (file, table and row, or token).

use std::path::{Path, PathBuf};
use vcall_metadata::assembly::Assembly;
use vcall_metadata::loader::{Loader, TypeKey};
use vcall_metadata::tables::schema;
use vcall_metadata::token::{RowIndex, TableId};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .unwrap()
        .to_path_buf()
}

/// The file offset and width of one cell.
fn cell_position(asm: &Assembly, t: TableId, row: u32, col: usize) -> (usize, usize) {
    let stream = asm.streams.tables.clone().unwrap().start;
    let (start, _) = asm.tables.row_position(t, RowIndex(row)).unwrap();
    let cols = schema(t);
    let before: usize = cols[..col]
        .iter()
        .map(|&c| asm.tables.widths.column_size(c))
        .sum();
    (
        stream + start + before,
        asm.tables.widths.column_size(cols[col]),
    )
}

fn patch(bytes: &mut [u8], (at, width): (usize, usize), value: u32) {
    bytes[at..at + width].copy_from_slice(&value.to_le_bytes()[..width]);
}

fn program(name: &str) -> (PathBuf, Vec<u8>, Assembly) {
    let path = root().join("tests/programs").join(name);
    let bytes = std::fs::read(&path).unwrap();
    let asm = Assembly::load(&path).unwrap();
    (path, bytes, asm)
}

fn write_temp(name: &str, bytes: &[u8]) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("vcall-meta-bad-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let p = dir.join(name);
    std::fs::write(&p, bytes).unwrap();
    p
}

fn type_row(asm: &Assembly, name: &str) -> u32 {
    (1..=asm.tables.rows(TableId::TypeDef))
        .find(|&r| asm.string(asm.type_def(RowIndex(r)).name).unwrap() == name)
        .unwrap()
}

#[test]
fn heap_index_out_of_range_names_table_row_and_heap() {
    let (_, mut bytes, asm) = program("Hello.exe");
    let pos = cell_position(&asm, TableId::TypeDef, 2, 1);
    patch(&mut bytes, pos, 0xFFFF);
    let err = Assembly::from_bytes("Hello.exe".into(), "Hello.exe".into(), bytes)
        .err()
        .unwrap()
        .to_string();
    assert!(
        err.contains("Hello.exe") && err.contains("TypeDef row 2") && err.contains("#Strings"),
        "{err}"
    );
}

#[test]
fn table_index_out_of_range_names_both_tables() {
    let (_, mut bytes, asm) = program("Hello.exe");
    let pos = cell_position(&asm, TableId::TypeDef, 2, 5);
    patch(&mut bytes, pos, 0x7FFF);
    let err = Assembly::from_bytes("Hello.exe".into(), "Hello.exe".into(), bytes)
        .err()
        .unwrap()
        .to_string();
    assert!(
        err.contains("TypeDef row 2") && err.contains("MethodDef"),
        "{err}"
    );
}

#[test]
fn cyclic_inheritance_is_an_error_not_a_stack_overflow() {
    let (_, mut bytes, asm) = program("OverrideChains.exe");
    // Two classes that extend each other (TypeDefOrRef coded index: row << 2 | 0 for TypeDef).
    let a = type_row(&asm, "A");
    let b = type_row(&asm, "B");
    patch(
        &mut bytes,
        cell_position(&asm, TableId::TypeDef, a, 3),
        b << 2,
    );
    patch(
        &mut bytes,
        cell_position(&asm, TableId::TypeDef, b, 3),
        a << 2,
    );
    let path = write_temp("Cyclic.exe", &bytes);
    let mut loader = Loader::new(&root().join("corlib/mscorlib.dll"), 19).unwrap();
    let main = loader.load_main(&path).unwrap();
    let err = loader
        .class(TypeKey {
            assembly: main,
            row: RowIndex(a),
        })
        .err()
        .unwrap()
        .to_string();
    assert!(
        err.contains("Cyclic.exe") && err.contains("cyclic"),
        "{err}"
    );
}

#[test]
fn unresolvable_typeref_names_the_token_and_type() {
    let (_, mut bytes, asm) = program("Hello.exe");
    // Rename the TypeRef of System.Console to the string of another name (the class "Hello").
    let console = (1..=asm.tables.rows(TableId::TypeRef))
        .find(|&r| asm.string(asm.type_ref(RowIndex(r)).name).unwrap() == "Console")
        .unwrap();
    let hello_name = asm.type_def(RowIndex(type_row(&asm, "Hello"))).name;
    patch(
        &mut bytes,
        cell_position(&asm, TableId::TypeRef, console, 1),
        hello_name,
    );
    let path = write_temp("Renamed.exe", &bytes);
    let mut loader = Loader::new(&root().join("corlib/mscorlib.dll"), 19).unwrap();
    let main = loader.load_main(&path).unwrap();
    let token = vcall_metadata::token::Token::new(TableId::TypeRef, RowIndex(console));
    let err = loader
        .resolve_type_token(main, token)
        .err()
        .unwrap()
        .to_string();
    assert!(
        err.contains("Renamed.exe")
            && err.contains(&token.to_string())
            && err.contains("System.Hello"),
        "{err}"
    );
}

#[test]
fn missing_corlib_member_names_the_member() {
    let path = root().join("tests/unsupported/MissingMember.exe");
    let mut loader = Loader::new(&root().join("corlib/mscorlib.dll"), 19).unwrap();
    let main = loader.load_main(&path).unwrap();
    let asm = loader.assembly(main);
    let errors: Vec<String> = (1..=asm.tables.rows(TableId::MemberRef))
        .filter_map(|r| {
            loader
                .resolve_method_token(
                    main,
                    vcall_metadata::token::Token::new(TableId::MemberRef, RowIndex(r)),
                )
                .err()
        })
        .map(|e| e.to_string())
        .collect();
    assert!(
        errors.iter().any(
            |e| e.contains("System.Console::SetCursorPosition") && e.contains("missing member")
        ),
        "{errors:?}"
    );
}
