//! Checks the reader against an independent one: Mono's `monodis`. For Mono's own
//! mscorlib and for every test program, the TypeDef rows (name, field and method lists,
//! flags, raw `extends` coded index) and the MethodDef and MemberRef row counts must agree.
//! Skips with a visible note when monodis or Mono's mscorlib is not installed.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Command;
use vcall_metadata::assembly::Assembly;
use vcall_metadata::token::{RowIndex, TableId};

fn monodis(args: &[&str]) -> Option<String> {
    let out = Command::new("monodis").args(args).output().ok()?;
    out.status
        .success()
        .then(|| String::from_utf8_lossy(&out.stdout).into_owned())
}

fn note(msg: &str) {
    let _ = writeln!(std::io::stderr(), "note: {msg}");
}

/// `(1..N)` in a monodis table header.
fn header_count(text: &str) -> Option<u32> {
    let start = text.find("(1..")? + 4;
    let end = start + text[start..].find(')')?;
    text[start..end].parse().ok()
}

fn compare(path: &Path) {
    let p = path.to_str().unwrap();
    let asm = Assembly::load(path).unwrap_or_else(|e| panic!("{e}"));
    let typedefs = monodis(&["--typedef", p]).expect("monodis --typedef");
    let mut rows = 0u32;
    for line in typedefs.lines().skip(1) {
        let Some((num, rest)) = line.split_once(": ") else {
            continue;
        };
        let Ok(n) = num.trim().parse::<u32>() else {
            continue;
        };
        rows += 1;
        let row = asm.type_def(RowIndex(n));
        let open = rest.rfind(" (flist=").unwrap();
        let name = &rest[..open];
        let fields: Vec<u64> = rest[open + 2..rest.len() - 1]
            .split(", ")
            .map(|kv| {
                let v = kv.split_once('=').unwrap().1;
                match v.strip_prefix("0x") {
                    Some(h) => u64::from_str_radix(h, 16).unwrap(),
                    None => v.parse().unwrap(),
                }
            })
            .collect();
        let ours_name = {
            let ns = asm.string(row.namespace).unwrap();
            let nm = asm.string(row.name).unwrap();
            if ns.is_empty() {
                nm.to_string()
            } else {
                format!("{ns}.{nm}")
            }
        };
        if name != "(null)" {
            assert!(
                name.ends_with(asm.string(row.name).unwrap()),
                "{p}: TypeDef {n} named {name} by monodis, {ours_name} by vcall"
            );
        }
        // extends as the raw TypeDefOrRef coded index: row << 2 | tag.
        let tag = match row.extends.table() {
            Some(TableId::TypeDef) => 0,
            Some(TableId::TypeRef) => 1,
            Some(TableId::TypeSpec) => 2,
            _ => 0,
        };
        let extends = if row.extends.is_null() {
            0
        } else {
            (row.extends.row().0 << 2) | tag
        };
        assert_eq!(
            (fields[0], fields[1], fields[2], fields[3]),
            (
                row.field_list as u64,
                row.method_list as u64,
                row.flags as u64,
                extends as u64
            ),
            "{p}: TypeDef {n} ({ours_name}) differs from monodis"
        );
    }
    assert_eq!(
        rows,
        asm.tables.rows(TableId::TypeDef),
        "{p}: TypeDef row count"
    );
    let methods = monodis(&["--method", p]).expect("monodis --method");
    if let Some(n) = header_count(&methods) {
        assert_eq!(
            n,
            asm.tables.rows(TableId::MethodDef),
            "{p}: MethodDef row count"
        );
    }
    let refs = monodis(&["--memberref", p]).expect("monodis --memberref");
    if let Some(n) = header_count(&refs) {
        assert_eq!(
            n,
            asm.tables.rows(TableId::MemberRef),
            "{p}: MemberRef row count"
        );
    }
}

#[test]
fn tables_agree_with_monodis() {
    if monodis(&["--help"]).is_none() && Command::new("monodis").output().is_err() {
        note("monodis not installed; skipping the comparison with an independent reader");
        return;
    }
    let mono_corlib = PathBuf::from("/usr/lib/mono/4.5/mscorlib.dll");
    let mut files = Vec::new();
    if mono_corlib.is_file() {
        files.push(mono_corlib);
    } else {
        note("Mono's mscorlib.dll not found; comparing the test programs only");
    }
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).parent().unwrap();
    files.push(root.join("corlib/mscorlib.dll"));
    for e in std::fs::read_dir(root.join("tests/programs")).unwrap() {
        let p = e.unwrap().path();
        if matches!(
            p.extension().and_then(|x| x.to_str()),
            Some("exe") | Some("dll")
        ) {
            files.push(p);
        }
    }
    for f in &files {
        compare(f);
    }
    note(&format!("compared {} assemblies with monodis", files.len()));
}
