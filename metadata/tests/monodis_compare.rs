//! Checks the reader against an independent one, Mono's `monodis`, on Mono's own mscorlib,
//! vcall's corlib and every assembly in tests/programs: the row count of every table
//! monodis can list (37 of the 45; it has no listing of FieldLayout, EventMap, EncLog,
//! EncMap and the four AssemblyProcessor/Os tables), the cells it prints as raw numbers
//! (Param, NestedClass, GenericParam, GenericParamConstraint, MethodSemantics, FieldRVA,
//! ClassLayout, PropertyMap, StandAloneSig, ModuleRef, Module), the TypeDef rows (full names
//! with nesting, field and method lists, flags, raw `extends`), the MethodDef rows (names
//! and declaring types) and the MemberRef rows (parent and name).
//! Skips with a visible note when monodis is not installed.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::process::Command;
use vcall_metadata::assembly::Assembly;
use vcall_metadata::heaps::format_guid;
use vcall_metadata::token::{RowIndex, TableId, Token};

const MONO_CORLIB: &str = "/usr/lib/mono/4.5/mscorlib.dll";

fn monodis(args: &[&str]) -> Result<String, String> {
    let out = Command::new("monodis")
        .args(args)
        .output()
        .map_err(|e| format!("monodis {args:?}: {e}"))?;
    if !out.status.success() {
        return Err(format!(
            "monodis {args:?} failed: {}",
            String::from_utf8_lossy(&out.stderr)
        ));
    }
    Ok(String::from_utf8_lossy(&out.stdout).into_owned())
}

/// A listing, or None (with a note) when monodis itself crashes on it: monodis 6.8 dies of
/// SIGSEGV listing the custom attributes of vcall's corlib, which is monodis's failure,
/// not a disagreement.
fn monodis_listing(option: &str, p: &str) -> Result<Option<String>, String> {
    use std::os::unix::process::ExitStatusExt;
    let out = Command::new("monodis")
        .args([option, p])
        .output()
        .map_err(|e| format!("monodis {option} {p}: {e}"))?;
    if let Some(sig) = out.status.signal() {
        eprintln!("note: monodis {option} {p} killed by signal {sig}; that table is not compared");
        return Ok(None);
    }
    if !out.status.success() {
        return Err(format!(
            "monodis {option} {p} failed: {}",
            String::from_utf8_lossy(&out.stderr)
        ));
    }
    Ok(Some(String::from_utf8_lossy(&out.stdout).into_owned()))
}

fn monodis_installed() -> bool {
    Command::new("monodis").arg("--help").output().is_ok()
}

/// `N: rest` lines (the numbered rows of a monodis table listing), in order.
fn numbered(text: &str) -> impl Iterator<Item = (u32, &str)> {
    text.lines().filter_map(|line| {
        let (num, rest) = line.split_once(": ")?;
        Some((num.parse().ok()?, rest))
    })
}

/// The `(1..N)` row count in a monodis table header, if the header has one.
fn header_count(text: &str) -> Option<u32> {
    let first = text.lines().find(|l| l.contains(" Table"))?;
    let start = first.find("(1..")? + 4;
    let end = start + first[start..].find(')')?;
    first[start..end].parse().ok()
}

/// Name of a type as monodis prints it: `Namespace.Name`, nested types as `Outer/Inner`.
fn monodis_type_name(asm: &Assembly, enclosing: &HashMap<u32, u32>, row: u32) -> String {
    let mut chain = vec![row];
    while let Some(&outer) = enclosing.get(chain.last().unwrap()) {
        assert!(!chain.contains(&outer), "nesting cycle at TypeDef {row}");
        chain.push(outer);
    }
    chain
        .iter()
        .rev()
        .map(|&r| {
            let td = asm.type_def(RowIndex(r));
            let (ns, name) = (
                asm.string(td.namespace).unwrap(),
                asm.string(td.name).unwrap(),
            );
            if ns.is_empty() {
                name.to_string()
            } else {
                format!("{ns}.{name}")
            }
        })
        .collect::<Vec<_>>()
        .join("/")
}

/// The NestedClass table as nested row -> enclosing row, read with the crate's raw cells.
fn enclosing_rows(asm: &Assembly) -> HashMap<u32, u32> {
    (1..=asm.tables.rows(TableId::NestedClass))
        .map(|r| {
            (
                asm.raw_cell(TableId::NestedClass, RowIndex(r), 0),
                asm.raw_cell(TableId::NestedClass, RowIndex(r), 1),
            )
        })
        .collect()
}

/// Parses `1: (null) (flist=1, mlist=1, flags=0x0, extends=0x0)`.
fn typedef_line(rest: &str) -> Option<(&str, [u64; 4])> {
    let open = rest.rfind(" (flist=")?;
    let mut values = [0u64; 4];
    let fields = rest[open + 2..].strip_suffix(')')?.split(", ");
    for (i, kv) in fields.enumerate() {
        let v = kv.split_once('=')?.1;
        *values.get_mut(i)? = match v.strip_prefix("0x") {
            Some(h) => u64::from_str_radix(h, 16).ok()?,
            None => v.parse().ok()?,
        };
    }
    Some((&rest[..open], values))
}

/// The method name in a `--method` row such as
/// `instance default class X`1<!T> 'System.IEnumerable<T>.GetEnumerator' ()  (param: 1 ...)`
/// or `default !!T CheckIo<(class SafeHandle) T> (!!T handle)  (param: 22 ...)`: the word
/// before the parameter list (and before generic parameters), unquoted.
fn method_name(rest: &str) -> Option<&str> {
    let sig = &rest[..rest.rfind("  (param: ")?];
    let before_params = &sig[..matching_open(sig, '(', ')')?];
    let mut s = before_params.trim_end();
    if s.ends_with('>') && !s.ends_with("'") {
        s = &s[..matching_open(s, '<', '>')?];
    }
    if let Some(q) = s.strip_suffix('\'') {
        return Some(&q[q.rfind('\'')? + 1..]);
    }
    s.rsplit(' ').next()
}

/// Index of the bracket that opens the group closed by the last character of `s`.
fn matching_open(s: &str, open: char, close: char) -> Option<usize> {
    let mut depth = 0;
    for (i, c) in s.char_indices().rev() {
        if c == close {
            depth += 1;
        } else if c == open {
            depth -= 1;
            if depth == 0 {
                return Some(i);
            }
        }
    }
    None
}

fn compare_typedefs(p: &str, asm: &Assembly) -> Result<(), String> {
    let text = monodis(&["--typedef", p])?;
    let enclosing = enclosing_rows(asm);
    let mut rows = 0;
    for (n, rest) in numbered(&text) {
        rows += 1;
        if n != rows {
            return Err(format!("{p}: monodis TypeDef row {n} out of order"));
        }
        let (name, [flist, mlist, flags, extends]) =
            typedef_line(rest).ok_or_else(|| format!("{p}: cannot parse `{n}: {rest}`"))?;
        if n > asm.tables.rows(TableId::TypeDef) {
            return Err(format!("{p}: monodis has TypeDef row {n}, vcall does not"));
        }
        let row = asm.type_def(RowIndex(n));
        let ours = monodis_type_name(asm, &enclosing, n);
        // monodis prints the module type's name as (null).
        let same_name = name == ours || (name == "(null)" && n == 1 && ours == "<Module>");
        if !same_name {
            return Err(format!(
                "{p}: TypeDef {n} is `{name}` to monodis, `{ours}` to vcall"
            ));
        }
        // extends as the raw TypeDefOrRef coded index: row << 2 | tag.
        let tag = match row.extends.table() {
            Some(TableId::TypeRef) => 1,
            Some(TableId::TypeSpec) => 2,
            _ => 0,
        };
        let our_extends = if row.extends.is_null() {
            0
        } else {
            (row.extends.row().0 << 2) | tag
        };
        let ours = [row.field_list, row.method_list, row.flags, our_extends].map(u64::from);
        if ours != [flist, mlist, flags, extends] {
            return Err(format!(
                "{p}: TypeDef {n} ({name}) has (flist, mlist, flags, extends) {:?} to monodis, {ours:?} to vcall",
                [flist, mlist, flags, extends]
            ));
        }
    }
    if rows != asm.tables.rows(TableId::TypeDef) {
        return Err(format!(
            "{p}: {rows} TypeDef rows to monodis, {} to vcall",
            asm.tables.rows(TableId::TypeDef)
        ));
    }
    Ok(())
}

fn compare_methods(p: &str, asm: &Assembly) -> Result<(), String> {
    let text = monodis(&["--method", p])?;
    let ours = asm.tables.rows(TableId::MethodDef);
    if let Some(n) = header_count(&text) {
        if n != ours {
            return Err(format!(
                "{p}: {n} MethodDef rows to monodis, {ours} to vcall"
            ));
        }
    }
    // Each "########## Namespace.Type" line heads the methods that type declares.
    let mut owner_of = vec![String::new(); ours as usize + 1];
    for t in 1..=asm.tables.rows(TableId::TypeDef) {
        let td = asm.type_def(RowIndex(t));
        let owner = format!(
            "{}.{}",
            asm.string(td.namespace).unwrap(),
            asm.string(td.name).unwrap()
        );
        for m in asm.methods_of(RowIndex(t)) {
            owner_of[m.0 as usize] = owner.clone();
        }
    }
    let mut owner = "";
    let mut rows = 0;
    for line in text.lines() {
        if let Some(t) = line.strip_prefix("########## ") {
            owner = t;
            continue;
        }
        let Some((n, rest)) = line.split_once(": ") else {
            continue;
        };
        let Ok(n) = n.parse::<u32>() else { continue };
        rows += 1;
        if n != rows || n > ours {
            return Err(format!("{p}: monodis MethodDef row {n} unexpected"));
        }
        let theirs = method_name(rest).ok_or_else(|| format!("{p}: cannot parse `{n}: {rest}`"))?;
        let name = asm
            .string(asm.method_def(RowIndex(n)).name)
            .map_err(|e| e.to_string())?;
        if theirs != name {
            return Err(format!(
                "{p}: MethodDef {n} is `{theirs}` to monodis, `{name}` to vcall"
            ));
        }
        if owner != owner_of[n as usize] {
            return Err(format!(
                "{p}: MethodDef {n} ({name}) declared by `{owner}` to monodis, `{}` to vcall",
                owner_of[n as usize]
            ));
        }
    }
    if rows != ours {
        return Err(format!(
            "{p}: {rows} MethodDef rows to monodis, {ours} to vcall"
        ));
    }
    Ok(())
}

fn compare_memberrefs(p: &str, asm: &Assembly) -> Result<(), String> {
    let text = monodis(&["--memberref", p])?;
    let ours = asm.tables.rows(TableId::MemberRef);
    if let Some(n) = header_count(&text) {
        if n != ours {
            return Err(format!(
                "{p}: {n} MemberRef rows to monodis, {ours} to vcall"
            ));
        }
    }
    let mut rows = 0;
    // `N: TypeRef[3] Concat`, followed by indented Resolved/Signature lines.
    for (n, rest) in numbered(&text) {
        rows += 1;
        let (parent, name) = rest
            .split_once(' ')
            .ok_or_else(|| format!("{p}: cannot parse `{n}: {rest}`"))?;
        let m = asm.member_ref(RowIndex(n));
        let table = m
            .parent
            .table()
            .map(|t| format!("{t:?}"))
            .unwrap_or_default();
        let ours = format!("{table}[{}]", m.parent.row().0);
        let our_name = asm.string(m.name).map_err(|e| e.to_string())?;
        if (parent, name) != (ours.as_str(), our_name) {
            return Err(format!(
                "{p}: MemberRef {n} is `{parent} {name}` to monodis, `{ours} {our_name}` to vcall"
            ));
        }
    }
    if rows != ours {
        return Err(format!(
            "{p}: {rows} MemberRef rows to monodis, {ours} to vcall"
        ));
    }
    Ok(())
}

/// Every table monodis lists, with the option that lists it.
const LISTINGS: &[(&str, TableId)] = &[
    ("--module", TableId::Module),
    ("--typeref", TableId::TypeRef),
    ("--typedef", TableId::TypeDef),
    ("--fieldptr", TableId::FieldPtr),
    ("--fields", TableId::Field),
    ("--methodptr", TableId::MethodPtr),
    ("--method", TableId::MethodDef),
    ("--paramptr", TableId::ParamPtr),
    ("--param", TableId::Param),
    ("--interface", TableId::InterfaceImpl),
    ("--memberref", TableId::MemberRef),
    ("--constant", TableId::Constant),
    ("--customattr", TableId::CustomAttribute),
    ("--marshal", TableId::FieldMarshal),
    ("--declsec", TableId::DeclSecurity),
    ("--classlayout", TableId::ClassLayout),
    ("--standalonesig", TableId::StandAloneSig),
    ("--eventptr", TableId::EventPtr),
    ("--event", TableId::Event),
    ("--propertymap", TableId::PropertyMap),
    ("--propertyptr", TableId::PropertyPtr),
    ("--property", TableId::Property),
    ("--methodsem", TableId::MethodSemantics),
    ("--methodimpl", TableId::MethodImpl),
    ("--moduleref", TableId::ModuleRef),
    ("--typespec", TableId::TypeSpec),
    ("--implmap", TableId::ImplMap),
    ("--fieldrva", TableId::FieldRva),
    ("--assembly", TableId::Assembly),
    ("--assemblyref", TableId::AssemblyRef),
    ("--file", TableId::File),
    ("--exported", TableId::ExportedType),
    ("--manifest", TableId::ManifestResource),
    ("--nested", TableId::NestedClass),
    ("--genericpar", TableId::GenericParam),
    ("--methodspec", TableId::MethodSpec),
    ("--parconst", TableId::GenericParamConstraint),
];

/// The rows of one monodis listing: `N: rest` lines, checked to be numbered 1, 2, ... and,
/// where the header gives `(1..N)`, to be N of them. Continuation lines (indented, or hex
/// dumps such as `0x00000000: B7 7A`) do not parse as row numbers and are skipped.
fn listing_rows(p: &str, option: &str, text: &str) -> Result<Vec<String>, String> {
    if option == "--assembly" {
        // Not numbered: a block of `Key: value` lines for the one row.
        return Ok(text
            .lines()
            .filter(|l| l.starts_with("Name:"))
            .map(str::to_string)
            .collect());
    }
    let rows: Vec<String> = numbered(text).map(|(_, r)| r.to_string()).collect();
    for (i, (n, _)) in numbered(text).enumerate() {
        if n as usize != i + 1 {
            return Err(format!("{p}: monodis {option} row {n} out of order"));
        }
    }
    if let Some(n) = header_count(text) {
        if n as usize != rows.len() {
            return Err(format!(
                "{p}: monodis {option} header says {n} rows, lists {}",
                rows.len()
            ));
        }
    }
    Ok(rows)
}

fn hex(s: &str) -> Option<u32> {
    u32::from_str_radix(s.trim_start_matches("0x"), 16).ok()
}

/// The raw cell `col` of `row`, as monodis prints coded indices: row << tag bits | tag.
fn raw_coded(asm: &Assembly, t: TableId, row: u32, col: usize, tags: &[TableId]) -> u32 {
    let tok = Token(asm.raw_cell(t, RowIndex(row), col));
    if tok.is_null() {
        return 0;
    }
    let bits = 32 - (tags.len() as u32 - 1).leading_zeros();
    let tag = tags.iter().position(|&x| Some(x) == tok.table()).unwrap() as u32;
    (tok.row().0 << bits) | tag
}

/// What vcall reads in row `n` of `t`, in the words monodis prints it, for the tables
/// whose listing shows raw cells; None for the others.
fn our_row_text(asm: &Assembly, t: TableId, n: u32) -> Option<String> {
    use TableId as T;
    let cell = |c| asm.raw_cell(t, RowIndex(n), c);
    let name = |c| asm.string(cell(c)).unwrap_or("?").to_string();
    Some(match t {
        T::Module => {
            let guid = asm
                .heaps()
                .guid(cell(2))
                .ok()
                .flatten()
                .map(|g| format_guid(&g).to_uppercase())
                .unwrap_or_default();
            format!("{} {} {{{guid}}}", name(1), cell(2))
        }
        T::Param => format!("0x{:04x} {} {}", cell(0), cell(1), name(2))
            .trim_end()
            .to_string(),
        T::NestedClass => format!("{} {}", cell(0), cell(1)),
        T::GenericParam => format!(
            "{}, flags={}, owner={:x} {}",
            cell(0),
            cell(1),
            raw_coded(asm, t, n, 2, &[T::TypeDef, T::MethodDef]),
            name(3)
        ),
        T::GenericParamConstraint => format!(
            "gen-par={}, Constraint={:x}",
            cell(0),
            raw_coded(asm, t, n, 1, &[T::TypeDef, T::TypeRef, T::TypeSpec])
        ),
        T::MethodSemantics => {
            let assoc = Token(cell(2));
            let kind = if assoc.table() == Some(T::Event) {
                "event"
            } else {
                "property"
            };
            format!(
                "[{}] method: {} {kind} {}",
                raw_coded(asm, t, n, 2, &[T::Event, T::Property]),
                cell(1),
                assoc.row().0
            )
        }
        T::FieldRva => format!("Field {}: {:x}", cell(1), cell(0)),
        T::ClassLayout => format!("PackingSize={}  ClassSize={}", cell(0), cell(1)),
        T::PropertyMap => format!("({}) {}", cell(0), cell(1)),
        T::StandAloneSig => format!("blob[0x{:x}]", cell(0)),
        T::ModuleRef => name(0),
        _ => return None,
    })
}

/// monodis's text for a row, cut down to the parts `our_row_text` renders.
fn their_row_text(t: TableId, rest: &str) -> Option<String> {
    use TableId as T;
    let words: Vec<&str> = rest.split_whitespace().collect();
    Some(match t {
        T::Module | T::Param => words.join(" "),
        // `4 3: Interop/Error in Interop`
        T::NestedClass => rest.split(':').next()?.to_string(),
        T::GenericParam | T::GenericParamConstraint | T::ModuleRef => rest.trim_end().to_string(),
        // `[2] add-on method: 3682 event 1`: drop the semantics word(s). monodis prints the
        // Method cell less one: in Mono's mscorlib that row's method is MethodDef 3683,
        // add_ProgressChanged (3682 is a .ctor).
        T::MethodSemantics => {
            let (tag, tail) = rest.split_once(' ')?;
            let (method, assoc) = tail.split_once(" method: ")?.1.split_once(' ')?;
            format!("{tag} method: {} {assoc}", method.parse::<u32>().ok()? + 1)
        }
        T::FieldRva => {
            let (field, rva) = rest.split_once(": ")?;
            format!("{field}: {:x}", hex(rva.trim())?)
        }
        T::ClassLayout => rest[..rest.find("  Parent=")?].to_string(),
        // `Interop/ErrorInfo (5) 1`: the parent's name may contain spaces.
        T::PropertyMap => rest[rest.rfind(" (")? + 1..].to_string(),
        T::StandAloneSig => rest[..rest.find(" = ")?].to_string(),
        _ => return None,
    })
}

fn compare_listings(p: &str, asm: &Assembly) -> Result<(), String> {
    let mut errors = Vec::new();
    for &(option, t) in LISTINGS {
        let Some(text) = monodis_listing(option, p)? else {
            continue;
        };
        let rows = match listing_rows(p, option, &text) {
            Ok(r) => r,
            Err(e) => {
                errors.push(e);
                continue;
            }
        };
        let ours = asm.tables.rows(t);
        if rows.len() != ours as usize {
            errors.push(format!(
                "{p}: {t:?} has {} rows to monodis ({option}), {ours} to vcall",
                rows.len()
            ));
            continue;
        }
        for (i, rest) in rows.iter().enumerate() {
            let n = i as u32 + 1;
            let (Some(mine), Some(theirs)) = (our_row_text(asm, t, n), their_row_text(t, rest))
            else {
                continue;
            };
            if mine != theirs {
                errors.push(format!(
                    "{p}: {t:?} row {n} is `{theirs}` to monodis, `{mine}` to vcall"
                ));
                break;
            }
        }
    }
    if errors.is_empty() {
        Ok(())
    } else {
        Err(errors.join("\n"))
    }
}

fn assemblies() -> Vec<PathBuf> {
    let mut files = Vec::new();
    if Path::new(MONO_CORLIB).is_file() {
        files.push(PathBuf::from(MONO_CORLIB));
    } else {
        eprintln!("note: {MONO_CORLIB} not installed; comparing vcall's assemblies only");
    }
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).parent().unwrap();
    files.push(root.join("corlib/mscorlib.dll"));
    let mut programs: Vec<PathBuf> = std::fs::read_dir(root.join("tests/programs"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| matches!(p.extension().and_then(|x| x.to_str()), Some("exe" | "dll")))
        .collect();
    programs.sort();
    files.extend(programs);
    files
}

#[test]
fn tables_agree_with_monodis() {
    if !monodis_installed() {
        eprintln!("note: monodis not installed; skipping");
        return;
    }
    let files = assemblies();
    let mut failures = Vec::new();
    let (mut types, mut methods, mut refs, mut all_rows) = (0, 0, 0, 0u64);
    for f in &files {
        let p = f.to_str().unwrap();
        let asm = match Assembly::load(f) {
            Ok(a) => a,
            Err(e) => {
                failures.push(format!("{p}: vcall cannot read it: {e}"));
                continue;
            }
        };
        types += asm.tables.rows(TableId::TypeDef);
        methods += asm.tables.rows(TableId::MethodDef);
        refs += asm.tables.rows(TableId::MemberRef);
        all_rows += LISTINGS
            .iter()
            .map(|&(_, t)| asm.tables.rows(t) as u64)
            .sum::<u64>();
        for check in [
            compare_listings,
            compare_typedefs,
            compare_methods,
            compare_memberrefs,
        ] {
            if let Err(e) = check(p, &asm) {
                failures.push(e);
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} disagreement(s) with monodis:\n{}",
        failures.len(),
        failures.join("\n")
    );
    eprintln!(
        "note: {} assemblies agree with monodis on {} tables, {all_rows} rows: {types} TypeDef, \
         {methods} MethodDef, {refs} MemberRef rows by name",
        files.len(),
        LISTINGS.len()
    );
}

#[test]
fn method_names_parse_from_monodis_lines() {
    let cases = [
        ("default void Main ()  (param: 1 impl_flags: cil managed )", "Main"),
        ("instance default void '.ctor' ()  (param: 1 impl_flags: cil managed )", ".ctor"),
        (
            "instance default class System.Collections.Generic.IEnumerator`1<!T> \
             'System.Collections.Generic.IEnumerable<T>.GetEnumerator' ()  (param: 476 impl_flags: cil managed )",
            "System.Collections.Generic.IEnumerable<T>.GetEnumerator",
        ),
        (
            "default !!TSafeHandle CheckIo<(class System.Runtime.InteropServices.SafeHandle) TSafeHandle> \
             (!!TSafeHandle handle, [opt] string path)  (param: 22 impl_flags: cil managed )",
            "CheckIo",
        ),
        (
            "default bool CallStringMethod<TArg1,TArg2,TArg3> (class System.Func`5<!!TArg1, valuetype \
             Interop/Globalization/ResultCode> interopCall, [out] string& result)  (param: 30 impl_flags: cil managed )",
            "CallStringMethod",
        ),
    ];
    for (line, name) in cases {
        assert_eq!(method_name(line), Some(name), "{line}");
    }
}

#[test]
fn disagreements_are_reported() {
    if !monodis_installed() {
        eprintln!("note: monodis not installed; skipping");
        return;
    }
    // monodis reads the real Hello.exe, vcall a copy with one name changed in #Strings (same
    // length, so nothing else moves): each comparison must notice its own.
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/programs/Hello.exe");
    let p = path.to_str().unwrap();
    let asm = Assembly::load(&path).unwrap();
    let renamed = |old: &str, new: &str| {
        let mut bytes = std::fs::read(&path).unwrap();
        let heap = asm.streams.strings.clone().unwrap();
        let needle = format!("\0{old}\0");
        let at = heap.start
            + bytes[heap.clone()]
                .windows(needle.len())
                .position(|w| w == needle.as_bytes())
                .unwrap();
        bytes[at + 1..at + 1 + new.len()].copy_from_slice(new.as_bytes());
        Assembly::from_bytes(path.clone(), "Hello.exe".into(), bytes).unwrap()
    };
    let typedefs = compare_typedefs(p, &renamed("Hello", "Hellx")).unwrap_err();
    assert!(
        typedefs.contains("`Hello` to monodis, `Hellx` to vcall"),
        "{typedefs}"
    );
    let owners = compare_methods(p, &renamed("Hello", "Hellx")).unwrap_err();
    assert!(
        owners.contains("declared by `.Hello` to monodis, `.Hellx` to vcall"),
        "{owners}"
    );
    let methods = compare_methods(p, &renamed("Main", "Mxin")).unwrap_err();
    assert!(
        methods.contains("`Main` to monodis, `Mxin` to vcall"),
        "{methods}"
    );
    let refs = compare_memberrefs(p, &renamed("WriteLine", "WriteLinx")).unwrap_err();
    assert!(
        refs.contains("`TypeRef[1] WriteLine` to monodis, `TypeRef[1] WriteLinx`"),
        "{refs}"
    );
    let module = compare_listings(p, &renamed("Hello.exe", "Hellx.exe")).unwrap_err();
    let mvid = format_guid(&asm.mvid().unwrap()).to_uppercase();
    assert!(
        module.ends_with(&format!(
            "Module row 1 is `Hello.exe 1 {{{mvid}}}` to monodis, `Hellx.exe 1 {{{mvid}}}` to vcall"
        )),
        "{module}"
    );
    // And the untouched file agrees.
    compare_listings(p, &asm).unwrap();
    compare_typedefs(p, &asm).unwrap();
    compare_methods(p, &asm).unwrap();
    compare_memberrefs(p, &asm).unwrap();
}
