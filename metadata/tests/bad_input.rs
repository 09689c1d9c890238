//! Malformed assemblies never crash the reader or the class loader. Each case damages a real
//! test program (mostly tests/programs/Hello.exe) in one known way, and must fail with an
//! error that names the file and where the damage is (a table, row and column, a token, or a
//! file offset). Wherever the reader still accepts the file, the loader builds every class
//! and must answer with results or errors, never a panic, a hang or a stack overflow.

use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::time::Duration;
use vcall_metadata::assembly::Assembly;
use vcall_metadata::loader::{AssemblyIdx, Loader, TypeKey};
use vcall_metadata::tables::schema;
use vcall_metadata::token::{RowIndex, TableId, Token};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .unwrap()
        .to_path_buf()
}

fn corlib() -> PathBuf {
    root().join("corlib/mscorlib.dll")
}

const MONO_CORLIB: &str = "/usr/lib/mono/4.5/mscorlib.dll";

fn program(name: &str) -> (Vec<u8>, Assembly) {
    let path = root().join("tests/programs").join(name);
    let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let asm = Assembly::load(&path).unwrap();
    (bytes, asm)
}

fn parse(name: &str, bytes: Vec<u8>) -> Result<Assembly, String> {
    Assembly::from_bytes(name.into(), name.into(), bytes).map_err(|e| e.to_string())
}

/// The error `from_bytes` gives, checked to contain every one of `needles`.
fn parse_err(name: &str, bytes: Vec<u8>, needles: &[&str]) -> String {
    let err = match parse(name, bytes) {
        Ok(_) => panic!("{name}: damaged file accepted (wanted an error with {needles:?})"),
        Err(e) => e,
    };
    assert!(err.starts_with(&format!("{name}: ")), "no file name: {err}");
    for n in needles {
        assert!(err.contains(n), "{err:?} lacks {n:?}");
    }
    err
}

fn u16_at(b: &[u8], at: usize) -> u16 {
    u16::from_le_bytes([b[at], b[at + 1]])
}

fn u32_at(b: &[u8], at: usize) -> u32 {
    u32::from_le_bytes(b[at..at + 4].try_into().unwrap())
}

fn put_u32(b: &mut [u8], at: usize, v: u32) {
    b[at..at + 4].copy_from_slice(&v.to_le_bytes());
}

/// File offsets of the PE and CLI structures, found independently of the crate's own PE
/// reader (which is under test) except for the RVA mapping.
struct Layout {
    /// The CLI header's data directory entry (RVA, size).
    cli_dir: usize,
    cli: usize,
    root: usize,
    /// (name, offset of the header's size field, stream start, stream size).
    streams: Vec<(String, usize, usize, usize)>,
}

fn layout(bytes: &[u8], asm: &Assembly) -> Layout {
    let pe = u32_at(bytes, 0x3c) as usize;
    let opt = pe + 24;
    let dirs = opt + if u16_at(bytes, opt) == 0x10b { 96 } else { 112 };
    let cli_dir = dirs + 14 * 8;
    let cli = asm
        .pe
        .rva_to_offset("", u32_at(bytes, cli_dir), 72, "")
        .unwrap();
    let root = asm
        .pe
        .rva_to_offset("", asm.pe.cli.metadata_rva, 1, "")
        .unwrap();
    let version_len = u32_at(bytes, root + 12) as usize;
    let mut p = root + 16 + version_len + 2;
    let count = u16_at(bytes, p);
    p += 2;
    let mut streams = Vec::new();
    for _ in 0..count {
        let (off, size) = (u32_at(bytes, p) as usize, u32_at(bytes, p + 4) as usize);
        let end = p + 8 + bytes[p + 8..].iter().position(|&b| b == 0).unwrap();
        let name = String::from_utf8(bytes[p + 8..end].to_vec()).unwrap();
        streams.push((name, p + 4, root + off, size));
        p = p + 8 + ((end - (p + 8)) / 4 + 1) * 4;
    }
    Layout {
        cli_dir,
        cli,
        root,
        streams,
    }
}

impl Layout {
    fn stream(&self, name: &str) -> (usize, usize, usize) {
        let s = self.streams.iter().find(|s| s.0 == name).unwrap();
        (s.1, s.2, s.3)
    }
}

/// The file offset and width of one table cell, from the crate's own row positions.
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

fn patch_cell(bytes: &mut [u8], asm: &Assembly, t: TableId, row: u32, col: usize, value: u32) {
    let (at, width) = cell_position(asm, t, row, col);
    bytes[at..at + width].copy_from_slice(&value.to_le_bytes()[..width]);
}

/// Overwrites the `#Strings` entry `old` (a whole NUL-terminated string) with `new`, which
/// must be as long: the rename leaves every index into the heap valid.
fn rename_string(bytes: &mut [u8], asm: &Assembly, old: &str, new: &str) {
    assert_eq!(old.len(), new.len());
    let heap = asm.streams.strings.clone().unwrap();
    let needle = [b"\0", old.as_bytes(), b"\0"].concat();
    let at = heap.start
        + bytes[heap.clone()]
            .windows(needle.len())
            .position(|w| w == needle)
            .unwrap_or_else(|| panic!("{old} not in #Strings"))
        + 1;
    bytes[at..at + new.len()].copy_from_slice(new.as_bytes());
}

fn type_row(asm: &Assembly, name: &str) -> u32 {
    (1..=asm.tables.rows(TableId::TypeDef))
        .find(|&r| asm.string(asm.type_def(RowIndex(r)).name).unwrap() == name)
        .unwrap()
}

fn write_temp(name: &str, bytes: &[u8]) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("vcall-meta-bad-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let p = dir.join(name);
    std::fs::write(&p, bytes).unwrap();
    p
}

/// Runs `f` on a thread of its own with a deadline, so that a regression to an endless loop
/// fails this test by name instead of stalling the suite.
fn within<T: Send + 'static>(what: &str, f: impl FnOnce() -> T + Send + 'static) -> T {
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        let _ = tx.send(catch_unwind(AssertUnwindSafe(f)));
    });
    match rx.recv_timeout(Duration::from_secs(60)) {
        Ok(Ok(v)) => v,
        Ok(Err(_)) => panic!("{what}: panicked"),
        Err(_) => panic!("{what}: no answer within 60 s (endless loop?)"),
    }
}

/// Loads `bytes` as the program named `name` and builds the class of every type.
/// Returns the loader, the program's index and each type's outcome (as text).
fn load_all(
    name: &str,
    bytes: &[u8],
    corlib: PathBuf,
) -> (Loader, AssemblyIdx, Vec<Result<String, String>>) {
    let path = write_temp(name, bytes);
    within(name, move || {
        let mut loader = Loader::new(&corlib, 19).unwrap();
        let main = loader.load_main(&path).unwrap();
        let outcomes = loader
            .all_types(main)
            .into_iter()
            .map(|t| {
                loader
                    .class(t)
                    .map(|c| c.full_name().to_string())
                    .map_err(|e| e.to_string())
            })
            .collect();
        (loader, main, outcomes)
    })
}

fn type_key(main: AssemblyIdx, row: u32) -> TypeKey {
    TypeKey {
        assembly: main,
        row: RowIndex(row),
    }
}

#[test]
fn truncated_files_fail_naming_the_structure_and_offset() {
    let (bytes, _) = program("Hello.exe");
    for n in 0..bytes.len() {
        let err = parse_err("Hello.exe", bytes[..n].to_vec(), &[]);
        if n < 2 {
            assert!(err.contains("not a PE file"), "{n}: {err}");
        } else {
            assert!(
                err.contains("truncated") && err.contains("0x"),
                "cut at {n}: {err}"
            );
        }
    }
}

#[test]
fn truncated_metadata_and_streams_fail_naming_the_structure_and_offset() {
    let (bytes, asm) = program("Hello.exe");
    let l = layout(&bytes, &asm);
    // The metadata as the CLI header sizes it: every shorter size cuts a stream or the root.
    let size_at = l.cli + 12;
    for n in 0..u32_at(&bytes, size_at) {
        let mut b = bytes.clone();
        put_u32(&mut b, size_at, n);
        let err = parse_err("Hello.exe", b, &["0x"]);
        assert!(
            err.contains("runs past the metadata") || err.contains("truncated data"),
            "metadata size {n}: {err}"
        );
    }
    // The table stream, up to the end of its last row (the rest is padding).
    let used = TableId::ALL
        .iter()
        .filter_map(|&t| {
            let n = asm.tables.rows(t);
            (n > 0).then(|| {
                let (start, size) = asm.tables.row_position(t, RowIndex(n)).unwrap();
                start + size
            })
        })
        .max()
        .unwrap();
    let (size_at, _, _) = l.stream("#~");
    for n in 0..used {
        let mut b = bytes.clone();
        put_u32(&mut b, size_at, n as u32);
        let err = parse_err("Hello.exe", b, &["truncated data", "offset 0x"]);
        assert!(
            err.contains("#~ stream header") || err.contains("metadata table"),
            "#~ size {n}: {err}"
        );
    }
    // Shorter heaps leave cells pointing past their end (the last bytes may be padding).
    for heap in ["#Strings", "#Blob"] {
        let (size_at, _, size) = l.stream(heap);
        for n in [0, 1, size / 2] {
            let mut b = bytes.clone();
            put_u32(&mut b, size_at, n as u32);
            parse_err("Hello.exe", b, &[heap, "row", "column", "out of range"]);
        }
    }
}

#[test]
fn files_that_are_not_pe_images_are_rejected() {
    let (hello, _) = program("Hello.exe");
    // This test's own executable: an ELF file.
    let mut elf = Vec::new();
    std::io::Read::read_to_end(
        &mut std::io::Read::take(
            std::fs::File::open(std::env::current_exe().unwrap()).unwrap(),
            4096,
        ),
        &mut elf,
    )
    .unwrap();
    assert_eq!(&elf[..4], b"\x7fELF");
    let cases: Vec<(&str, Vec<u8>, &str)> = vec![
        ("empty", vec![], "not a PE file"),
        ("elf", elf, "not a PE file"),
        ("text", b"Hello, World!\n".repeat(100), "not a PE file"),
        ("MZ only", b"MZ".to_vec(), "offset 0x0 of DOS header"),
        // e_lfanew 0: the PE signature would be the MZ itself.
        (
            "DOS stub",
            [b"MZ".as_slice(), &[0; 62]].concat(),
            "no PE signature at offset 0x0",
        ),
        (
            "e_lfanew past the end",
            {
                let mut b = hello.clone();
                put_u32(&mut b, 0x3c, 0xFFFF_FF00);
                b
            },
            "offset 0xffffff00 of PE signature and COFF header",
        ),
        (
            "bad PE signature",
            {
                let mut b = hello.clone();
                let pe = u32_at(&b, 0x3c) as usize;
                b[pe..pe + 2].copy_from_slice(b"XY");
                b
            },
            "no PE signature at offset 0x80",
        ),
    ];
    for (what, bytes, needle) in cases {
        let err = parse_err("input.bin", bytes, &[]);
        assert!(err.contains(needle), "{what}: {err:?} lacks {needle:?}");
    }
}

#[test]
fn pe_images_without_usable_cli_metadata_are_rejected() {
    let (bytes, asm) = program("Hello.exe");
    let l = layout(&bytes, &asm);
    // A plain native PE: the CLI header data directory zeroed.
    let mut b = bytes.clone();
    b[l.cli_dir..l.cli_dir + 8].fill(0);
    parse_err("Native.exe", b, &["no CLI header", "not a .NET assembly"]);
    // The directory points outside every section.
    let mut b = bytes.clone();
    put_u32(&mut b, l.cli_dir, 0x7000_0000);
    parse_err(
        "Lost.exe",
        b,
        &["CLI header at RVA 0x70000000", "lies in no section"],
    );
    // A CLI header too small to hold its fields.
    let mut b = bytes.clone();
    put_u32(&mut b, l.cli, 8);
    parse_err("Small.exe", b, &["CLI header size 8"]);
    // Metadata that is not there.
    let mut b = bytes.clone();
    put_u32(&mut b, l.cli + 8, 0x7000_0000);
    parse_err("NoMeta.exe", b, &["metadata root at RVA 0x70000000"]);
    let mut b = bytes.clone();
    b[l.root..l.root + 4].copy_from_slice(b"XSJB");
    parse_err(
        "NotBsjb.exe",
        b,
        &["expected BSJB", &format!("0x{:x}", l.root)],
    );
    // No table stream: "#~" renamed.
    let mut b = bytes.clone();
    let (size_at, _, _) = l.stream("#~");
    b[size_at + 5] = b'X';
    parse_err("NoTables.exe", b, &["no #~ table stream"]);
    // A stream header claiming more than the metadata holds.
    let mut b = bytes.clone();
    put_u32(&mut b, size_at, 0x00FF_FFFF);
    parse_err("BigStream.exe", b, &["stream #~", "runs past the metadata"]);
    // A table claiming more rows than the stream holds.
    let mut b = bytes.clone();
    let (_, tables_start, _) = l.stream("#~");
    // TypeDef's count follows Module's and TypeRef's (both present in every assembly).
    put_u32(&mut b, tables_start + 24 + 8, 0x00FF_FFFF);
    parse_err("ManyRows.exe", b, &["truncated data", "metadata table"]);
}

#[test]
fn heap_indices_out_of_range_name_table_row_column_and_heap() {
    let (bytes, asm) = program("Hello.exe");
    let cases = [
        (
            TableId::TypeDef,
            2,
            1,
            "#Strings",
            "table TypeDef row 2 column 1",
        ),
        (
            TableId::MethodDef,
            1,
            4,
            "#Blob",
            "table MethodDef row 1 column 4",
        ),
        (
            TableId::Module,
            1,
            2,
            "#GUID",
            "table Module row 1 column 2",
        ),
        (
            TableId::MemberRef,
            2,
            1,
            "#Strings",
            "table MemberRef row 2 column 1",
        ),
    ];
    for (t, row, col, heap, place) in cases {
        let mut b = bytes.clone();
        patch_cell(&mut b, &asm, t, row, col, 0xFFFF);
        parse_err("Hello.exe", b, &[heap, place, "0xffff", "out of range"]);
    }
    // #US offsets come from IL (ldstr), so the reader checks them when asked.
    let err = asm.heaps().user_string(0xFFFF).unwrap_err().to_string();
    assert!(
        err.contains("Hello.exe") && err.contains("#US") && err.contains("0xffff"),
        "{err}"
    );
}

#[test]
fn table_and_coded_indices_out_of_range_name_both_rows() {
    let (bytes, asm) = program("Hello.exe");
    let typerefs = asm.tables.rows(TableId::TypeRef);
    let cases: [(TableId, u32, usize, u32, &[&str]); 4] = [
        // MethodList past MethodDef's end (a list column may only reach one past it).
        (
            TableId::TypeDef,
            2,
            5,
            0x7FFF,
            &["table TypeDef row 2 references MethodDef row 32767, beyond its 2 rows"],
        ),
        // Extends (TypeDefOrRef): TypeRef row 99.
        (
            TableId::TypeDef,
            2,
            3,
            (99 << 2) | 1,
            &[&format!(
                "table TypeDef row 2 references TypeRef row 99, beyond its {typerefs} rows"
            )],
        ),
        // MemberRef.Class (MemberRefParent): tag 7 is unused.
        (
            TableId::MemberRef,
            1,
            0,
            (1 << 3) | 7,
            &["table MemberRef row 1 column 0: invalid MemberRefParent tag 7"],
        ),
        // TypeRef.ResolutionScope: AssemblyRef row 40.
        (
            TableId::TypeRef,
            1,
            0,
            (40 << 2) | 2,
            &["table TypeRef row 1 references AssemblyRef row 40"],
        ),
    ];
    for (t, row, col, value, needles) in cases {
        let mut b = bytes.clone();
        patch_cell(&mut b, &asm, t, row, col, value);
        parse_err("Hello.exe", b, needles);
    }
}

#[test]
fn member_list_columns_of_zero_name_no_row() {
    // A list column of 0 passes the range check but names no row; it once made methods_of
    // yield row 0, and the class builder panicked indexing it (found by cargo fuzz).
    let (bytes, asm) = program("Hello.exe");
    let hello = type_row(&asm, "Hello");
    for col in [4, 5] {
        let mut b = bytes.clone();
        patch_cell(&mut b, &asm, TableId::TypeDef, hello, col, 0);
        let a = parse("Hello.exe", b.clone()).unwrap();
        assert!(a.methods_of(RowIndex(1)).iter().all(|r| r.0 >= 1));
        assert!(a.fields_of(RowIndex(1)).iter().all(|r| r.0 >= 1));
        let (_, _, outcomes) = load_all("ZeroList.exe", &b, corlib());
        assert!(outcomes.iter().all(|o| o.is_ok()), "{outcomes:?}");
    }
}

#[test]
fn cyclic_inheritance_is_an_error_not_a_stack_overflow_or_a_hang() {
    let (bytes, asm) = program("Hello.exe");
    let hello = type_row(&asm, "Hello");
    // <Module> (row 1) and Hello extend each other: TypeDefOrRef tag 0 is TypeDef.
    let mut b = bytes.clone();
    patch_cell(&mut b, &asm, TableId::TypeDef, 1, 3, hello << 2);
    patch_cell(&mut b, &asm, TableId::TypeDef, hello, 3, 1 << 2);
    // And the MemberRef of Console.WriteLine now looks for its method in Hello, so a member
    // lookup has to climb the cycle.
    patch_cell(&mut b, &asm, TableId::MemberRef, 1, 0, hello << 3);
    let (loader, main, outcomes) = load_all("Cyclic.exe", &b, corlib());
    for (i, o) in outcomes.iter().enumerate() {
        let err = o.as_ref().unwrap_err();
        let token = format!("0x0200000{}", i + 1);
        assert!(
            err.contains("Cyclic.exe") && err.contains(&token) && err.contains("cyclic"),
            "{err}"
        );
    }
    let member = Token::new(TableId::MemberRef, RowIndex(1));
    let loader = std::sync::Arc::new(loader);
    for field in [false, true] {
        let l = loader.clone();
        let err = within("member lookup in a cyclic hierarchy", move || {
            if field {
                l.resolve_field_token(main, member).map(|_| ())
            } else {
                l.resolve_method_token(main, member).map(|_| ())
            }
        })
        .unwrap_err()
        .to_string();
        assert!(
            err.contains("Cyclic.exe") && err.contains("0x0a000001") && err.contains("cycle"),
            "{err}"
        );
    }
    // A type that extends itself.
    let mut b = bytes.clone();
    patch_cell(&mut b, &asm, TableId::TypeDef, hello, 3, hello << 2);
    let (_, _, outcomes) = load_all("SelfBase.exe", &b, corlib());
    let err = outcomes[hello as usize - 1].as_ref().unwrap_err();
    assert!(
        err.contains("SelfBase.exe: 0x02000002: cyclic type dependency: Hello -> Hello"),
        "{err}"
    );
}

#[test]
fn cyclic_nesting_is_an_error_not_a_stack_overflow() {
    // Compare.exe nests <PrivateImplementationDetails>' array types in it; one more
    // NestedClass row puts the outer type inside its first nested type.
    let (bytes, asm) = program("Compare.exe");
    let outer = type_row(&asm, "<PrivateImplementationDetails>");
    let inner = asm.raw_cell(TableId::NestedClass, RowIndex(1), 0);
    assert_eq!(asm.raw_cell(TableId::NestedClass, RowIndex(1), 1), outer);
    let mut b = bytes.clone();
    patch_cell(&mut b, &asm, TableId::NestedClass, 2, 0, outer);
    patch_cell(&mut b, &asm, TableId::NestedClass, 2, 1, inner);
    let (loader, main, outcomes) = load_all("Nesting.exe", &b, corlib());
    let err = outcomes[outer as usize - 1].as_ref().unwrap_err();
    assert!(
        err.contains("Nesting.exe")
            && err.contains(&Token::new(TableId::TypeDef, RowIndex(outer)).to_string())
            && err.contains("cyclic nesting"),
        "{err}"
    );
    // Names stay printable (they are what error messages are made of).
    let name = loader.type_full_name(type_key(main, inner));
    assert!(name.contains("<PrivateImplementationDetails>"), "{name}");
    // The types nested in the cycle fail too; the program's own class does not.
    assert!(outcomes[inner as usize - 1].is_err());
    assert!(outcomes[type_row(&asm, "Compare") as usize - 1].is_ok());
}

#[test]
fn cyclic_typeref_scopes_are_an_error_not_a_stack_overflow() {
    // TypeRef 1 (Console) and 2 (Object) each scoped to the other: ResolutionScope tag 3.
    let (bytes, asm) = program("Hello.exe");
    let mut b = bytes.clone();
    patch_cell(&mut b, &asm, TableId::TypeRef, 1, 0, (2 << 2) | 3);
    patch_cell(&mut b, &asm, TableId::TypeRef, 2, 0, (1 << 2) | 3);
    let (loader, main, outcomes) = load_all("Scopes.exe", &b, corlib());
    let err = outcomes[type_row(&asm, "Hello") as usize - 1]
        .as_ref()
        .unwrap_err();
    assert!(
        err.contains("Scopes.exe") && err.contains("0x0100000") && err.contains("cyclic"),
        "{err}"
    );
    let name = loader.token_type_name(main, Token::new(TableId::TypeRef, RowIndex(1)));
    assert!(name.starts_with("<cyclic 0x0100000"), "{name}");
}

#[test]
fn a_typespec_naming_itself_is_an_error_not_a_stack_overflow() {
    // Arrays2D.exe's TypeSpec 1 is int32[,]; rewrite its blob as "CLASS TypeSpec 1".
    let (mut b, asm) = program("Arrays2D.exe");
    let blob = asm.raw_cell(TableId::TypeSpec, RowIndex(1), 0) as usize;
    let at = asm.streams.blob.clone().unwrap().start + blob;
    assert!(b[at] >= 2, "blob too short to rewrite");
    b[at..at + 3].copy_from_slice(&[2, 0x12, (1 << 2) | 2]);
    let (loader, main, outcomes) = load_all("SelfSpec.exe", &b, corlib());
    assert!(outcomes.iter().all(|o| o.is_ok()), "{outcomes:?}");
    let spec = Token::new(TableId::TypeSpec, RowIndex(1));
    let err = loader
        .resolve_type_token(main, spec)
        .unwrap_err()
        .to_string();
    assert!(
        err.contains("SelfSpec.exe: 0x1b000001") && err.contains("cyclic"),
        "{err}"
    );
    assert_eq!(loader.token_type_name(main, spec), "<cyclic 0x1b000001>");
}

#[test]
fn unresolvable_typeref_names_the_token_type_and_assembly() {
    let (bytes, asm) = program("Hello.exe");
    let console = (1..=asm.tables.rows(TableId::TypeRef))
        .find(|&r| asm.string(asm.type_ref(RowIndex(r)).name).unwrap() == "Console")
        .unwrap();
    let token = Token::new(TableId::TypeRef, RowIndex(console));
    let mut b = bytes.clone();
    rename_string(&mut b, &asm, "Console", "Consolx");
    let (loader, main, outcomes) = load_all("Renamed.exe", &b, corlib());
    // Hello's layout does not involve Console: only code that calls it fails.
    assert!(outcomes.iter().all(|o| o.is_ok()), "{outcomes:?}");
    let err = loader
        .resolve_type_token(main, token)
        .unwrap_err()
        .to_string();
    assert_eq!(
        err,
        format!(
            "Renamed.exe: cannot resolve type System.Consolx (referenced by {token}): \
             assembly 'mscorlib.dll' does not define it"
        )
    );
    let call = Token::new(TableId::MemberRef, RowIndex(1));
    let err = loader
        .resolve_method_token(main, call)
        .unwrap_err()
        .to_string();
    assert!(
        err.contains("System.Consolx") && err.contains(&token.to_string()),
        "{err}"
    );

    // The assembly itself renamed: nothing from it resolves, Object included.
    let mut b = bytes.clone();
    rename_string(&mut b, &asm, "mscorlib", "mscorlix");
    let (_, _, outcomes) = load_all("NoCorlib.exe", &b, corlib());
    let err = outcomes[type_row(&asm, "Hello") as usize - 1]
        .as_ref()
        .unwrap_err();
    assert!(
        err.starts_with(
            "NoCorlib.exe: cannot resolve assembly 'mscorlix' (referenced by 0x0100000"
        ) && err.contains("not found next to the program"),
        "{err}"
    );
}

#[test]
fn missing_corlib_member_names_the_member_and_the_corlib() {
    if !Path::new(MONO_CORLIB).is_file() {
        eprintln!("note: {MONO_CORLIB} not installed; skipping the Mono-corlib case");
    } else {
        // Mono's own mscorlib as the corlib: the program is compiled against it, so only the
        // patched name can be missing.
        let (bytes, asm) = program("Hello.exe");
        let mut b = bytes.clone();
        rename_string(&mut b, &asm, "WriteLine", "WriteLinx");
        let (loader, main, outcomes) = load_all("Missing.exe", &b, MONO_CORLIB.into());
        assert!(outcomes.iter().all(|o| o.is_ok()), "{outcomes:?}");
        let errors: Vec<String> = (1..=asm.tables.rows(TableId::MemberRef))
            .filter_map(|r| {
                let t = Token::new(TableId::MemberRef, RowIndex(r));
                loader.resolve_method_token(main, t).err()
            })
            .map(|e| e.to_string())
            .collect();
        assert_eq!(
            errors,
            [
                "Missing.exe: cannot resolve method System.Console::WriteLinx(System.String) \
              (referenced by 0x0a000001): missing member in 'mscorlib.dll'"
            ]
        );
    }
    // vcall's corlib lacks members real programs use (tests/unsupported/MissingMember.cs).
    let path = root().join("tests/unsupported/MissingMember.exe");
    let mut loader = Loader::new(&corlib(), 19).unwrap();
    let main = loader.load_main(&path).unwrap();
    let asm = loader.assembly(main);
    let errors: Vec<String> = (1..=asm.tables.rows(TableId::MemberRef))
        .filter_map(|r| {
            let t = Token::new(TableId::MemberRef, RowIndex(r));
            loader.resolve_method_token(main, t).err()
        })
        .map(|e| e.to_string())
        .collect();
    assert!(
        errors.iter().any(|e| e.starts_with("MissingMember.exe: ")
            && e.contains("System.Console::SetCursorPosition")
            && e.contains("missing member")),
        "{errors:?}"
    );
}

#[test]
fn overlapping_method_lists_do_not_rebuild_a_class_inside_itself() {
    // MethodList cells that go backwards make a later type own an earlier type's methods.
    // B's override check then asked for the class of the base method's "owner" -- B itself,
    // still being built -- and rebuilt it forever (a stack overflow).
    let dir = std::env::temp_dir().join(format!("vcall-meta-ov-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let src = dir.join("Overlap.cs");
    std::fs::write(
        &src,
        "class A { public virtual void M(int x) {} }\n\
         class X { }\n\
         class B : A { public virtual void M(long x) {} }\n\
         class P { static void Main() {} }\n",
    )
    .unwrap();
    let exe = dir.join("Overlap.exe");
    let compiled = std::process::Command::new("mcs")
        .arg(format!("-out:{}", exe.display()))
        .arg(&src)
        .output()
        .map(|o| o.status.success())
        .unwrap_or(false);
    if !compiled {
        eprintln!("note: mcs not installed; skipping");
        return;
    }
    let bytes = std::fs::read(&exe).unwrap();
    let asm = parse("Overlap.exe", bytes.clone()).unwrap();
    let (b_row, m_long) = (type_row(&asm, "B"), asm.methods_of(RowIndex(4))[1]);
    assert_eq!(
        (b_row, m_long.0),
        (4, 5),
        "mcs laid the program out differently"
    );
    let mut b = bytes.clone();
    // B's list starts at row 1: B now owns A's and X's methods too (X's list becomes empty).
    patch_cell(&mut b, &asm, TableId::TypeDef, b_row, 5, 1);
    // B.M(long) without newslot, so it is checked against A.M(int) as a possible override.
    let flags = asm.method_def(m_long).flags as u32;
    patch_cell(
        &mut b,
        &asm,
        TableId::MethodDef,
        m_long.0,
        2,
        flags & !0x100,
    );
    let (_, _, outcomes) = load_all("Overlap.exe", &b, corlib());
    assert_eq!(outcomes.len(), 5, "{outcomes:?}");
}
