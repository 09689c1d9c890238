//! Checks the reader against an independent one, Mono's `monodis`, on Mono's own mscorlib,
//! vcall's corlib and every assembly in tests/programs: the TypeDef rows (count, full names
//! with nesting, field and method lists, flags, raw `extends`), the MethodDef rows (count,
//! names and declaring types) and the MemberRef rows (count, parent and name) must agree.
//! Skips with a visible note when monodis is not installed.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::process::Command;
use vcall_metadata::assembly::Assembly;
use vcall_metadata::token::{RowIndex, TableId};

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
    let (mut types, mut methods, mut refs) = (0, 0, 0);
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
        for check in [compare_typedefs, compare_methods, compare_memberrefs] {
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
        "note: {} assemblies agree with monodis: {types} TypeDef, {methods} MethodDef, {refs} MemberRef rows",
        files.len()
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
    // And the untouched file agrees.
    compare_typedefs(p, &asm).unwrap();
    compare_methods(p, &asm).unwrap();
    compare_memberrefs(p, &asm).unwrap();
}
