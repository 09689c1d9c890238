//! Benchmark (not a test): how fast the metadata crate (a) reads every table of an assembly
//! and (b) builds the ClassInfo of every type it defines, as the median of several runs, in
//! rows per second and built classes per second (refused types are counted, with their
//! reasons, but not as classes); then shows that class loading is lazy.
//!
//!     cargo run --release -p vcall-metadata --example bench_classes [-- RUNS]
//!
//! Targets: Mono's mscorlib (its own corlib; skipped if Mono is not installed) and a program
//! of 5,000 classes and 2,000 interfaces made by bench/gen/gen_classes.py and compiled with
//! mcs into /tmp/vcall-bench-classes (reused when present; loaded with vcall's corlib).

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};
use vcall_metadata::assembly::Assembly;
use vcall_metadata::class::ValueKind;
use vcall_metadata::loader::{AssemblyIdx, Loader, TypeKey};
use vcall_metadata::token::TableId;

const MONO_CORLIB: &str = "/usr/lib/mono/4.5/mscorlib.dll";

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1e3
}

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .unwrap()
        .to_path_buf()
}

/// The generated 5,000-class program, built once into /tmp.
fn generated_program() -> Option<PathBuf> {
    let dir = PathBuf::from("/tmp/vcall-bench-classes");
    let exe = dir.join("Gen5000x2000.exe");
    if exe.is_file() {
        return Some(exe);
    }
    let gen = root().join("bench/gen/gen_classes.py");
    std::fs::create_dir_all(&dir).ok()?;
    let source = dir.join("Gen5000x2000.cs");
    let out = Command::new("python3")
        .arg(&gen)
        .args(["5000", "2000"])
        .output()
        .ok()?;
    if !out.status.success() {
        eprintln!(
            "note: {} failed; skipping the generated program",
            gen.display()
        );
        return None;
    }
    std::fs::write(&source, out.stdout).ok()?;
    let ok = Command::new("mcs")
        .arg(format!("-out:{}", exe.display()))
        .arg(&source)
        .status()
        .map(|s| s.success())
        .unwrap_or(false);
    if !ok {
        eprintln!("note: mcs not available or failed; skipping the generated program");
        return None;
    }
    Some(exe)
}

/// Rows and cells in all tables.
fn table_size(asm: &Assembly) -> (u64, u64) {
    TableId::ALL.iter().fold((0, 0), |(r, c), &t| {
        let n = asm.tables.rows(t) as u64;
        (r + n, c + n * asm.tables.table(t).columns as u64)
    })
}

fn loader_for(corlib: &Path, target: &Path) -> (Loader, AssemblyIdx) {
    let mut loader = Loader::new(corlib, 19).unwrap();
    let idx = if corlib == target {
        AssemblyIdx::CORLIB
    } else {
        loader.load_main(target).unwrap()
    };
    (loader, idx)
}

fn bench(label: &str, corlib: &Path, target: &Path, runs: usize) {
    let bytes = std::fs::read(target).unwrap();
    let (mut read, mut build) = (Vec::new(), Vec::new());
    let (mut ok, mut failed, mut built_total) = (0, Vec::new(), 0);
    let mut size = (0, 0);
    let mut types = 0;
    for _ in 0..runs {
        // (a) Every table: Assembly::from_bytes decodes and validates every cell of every
        // table (heap indices, row indices, coded indices) into a row-major array.
        let copy = bytes.clone();
        let t0 = Instant::now();
        let asm = Assembly::from_bytes(target.to_path_buf(), label.into(), copy).unwrap();
        read.push(t0.elapsed());
        size = table_size(&asm);
        drop(asm);
        // (b) ClassInfo for every type of the target, on a fresh loader each run (so its
        // dependencies in the corlib are built inside the timed region too).
        let (loader, idx) = loader_for(corlib, target);
        let all = loader.all_types(idx);
        types = all.len();
        let t1 = Instant::now();
        let results: Vec<_> = all.iter().map(|&t| loader.class(t)).collect();
        build.push(t1.elapsed());
        built_total = loader.built_class_count();
        ok = results.iter().filter(|r| r.is_ok()).count();
        failed = results
            .into_iter()
            .filter_map(|r| r.err())
            .map(|e| e.to_string())
            .collect();
    }
    let (r, b) = (median(read), median(build));
    println!(
        "{label}: {types} types, {} table rows, {} cells",
        size.0, size.1
    );
    println!(
        "  (a) read every table:        median {:7.2} ms over {runs} runs = {:.1} M rows/s",
        ms(r),
        size.0 as f64 / r.as_secs_f64() / 1e6
    );
    // Classes per second counts what was built: refused types are not classes, though the
    // time spent refusing them (and building their dependencies) stays in the median.
    println!(
        "  (b) ClassInfo of every type: median {:7.2} ms over {runs} runs: {ok} of {types} types \
         built = {:.0} built classes/s; {} refused",
        ms(b),
        ok as f64 / b.as_secs_f64(),
        failed.len()
    );
    println!(
        "      {built_total} ClassInfo built in all in that time (dependencies in the corlib \
         included) = {:.0} classes/s",
        built_total as f64 / b.as_secs_f64()
    );
    // Why types were refused (features vcall does not model yet, or real type-load
    // errors): each distinct reason with the first type it refused.
    let mut kinds: Vec<(String, usize, String)> = Vec::new();
    for e in &failed {
        let (what, reason) = split_error(e);
        match kinds.iter_mut().find(|k| k.0 == reason) {
            Some(k) => k.1 += 1,
            None => kinds.push((reason, 1, what)),
        }
    }
    kinds.sort_by_key(|k| std::cmp::Reverse(k.1));
    for (reason, n, first) in kinds.iter().take(8) {
        println!("      refused x{n}: {reason} (first: {first})");
    }
    if kinds.len() > 8 {
        println!("      ... and {} more reasons", kinds.len() - 8);
    }
}

/// `file: token: message` as (token, message), type names in the message replaced by `_`
/// so that one reason refusing many types counts once.
fn split_error(e: &str) -> (String, String) {
    let rest = e.split_once(": ").map(|x| x.1).unwrap_or(e);
    let (what, message) = match rest.split_once(": ") {
        Some((t, m)) if t.starts_with("0x") => (t.to_string(), m),
        _ => (String::new(), rest),
    };
    let generic: Vec<&str> = message
        .split(' ')
        .map(|w| {
            if w.contains('.') || w.contains("::") || w.contains('`') {
                "_"
            } else {
                w
            }
        })
        .collect();
    (what, generic.join(" "))
}

/// Every type the loader has built so far, over all loaded assemblies.
fn built(loader: &Loader) -> BTreeSet<TypeKey> {
    (0..loader.assembly_count())
        .flat_map(|a| loader.all_types(AssemblyIdx(a as u16)))
        .filter(|&t| loader.is_class_built(t))
        .collect()
}

/// What building `t` needs first: its base class, its interfaces and the structs stored in
/// its fields, and theirs in turn (read from ClassInfo already built, so nothing new is).
fn dependencies(loader: &Loader, t: TypeKey) -> BTreeSet<TypeKey> {
    let mut out = BTreeSet::new();
    let mut todo = vec![t];
    while let Some(k) = todo.pop() {
        if !out.insert(k) || !loader.is_class_built(k) {
            continue;
        }
        let c = loader.class(k).unwrap();
        todo.extend(c.parent);
        todo.extend(c.interfaces().iter().map(|m| m.interface));
        todo.extend(
            c.fields
                .iter()
                .filter(|f| f.ty.kind == ValueKind::Struct)
                .filter_map(|f| f.ty.class),
        );
    }
    out
}

fn laziness(
    label: &str,
    corlib: &Path,
    target: &Path,
    pick: impl Fn(&Loader, AssemblyIdx) -> TypeKey,
) {
    let (loader, idx) = loader_for(corlib, target);
    assert_eq!(
        loader.built_class_count(),
        0,
        "{label}: loading built classes"
    );
    let total: usize = (0..loader.assembly_count())
        .map(|a| loader.all_types(AssemblyIdx(a as u16)).len())
        .sum();
    let t = pick(&loader, idx);
    loader.class(t).unwrap();
    let built = built(&loader);
    let needed = dependencies(&loader, t);
    assert_eq!(
        built, needed,
        "{label}: touching one type built more (or less) than it and its dependencies"
    );
    assert_eq!(loader.built_class_count(), built.len());
    let names: Vec<String> = built.iter().map(|&k| loader.type_full_name(k)).collect();
    println!(
        "laziness, {label}: 0 classes built after loading; touching {} built {} of {total} \
         types, exactly it and its dependencies: {}",
        loader.type_full_name(t),
        built.len(),
        names.join(", ")
    );
}

fn main() {
    let runs: usize = std::env::args()
        .nth(1)
        .map(|a| a.parse().expect("RUNS must be a number"))
        .unwrap_or(7)
        .max(5);
    let our_corlib = root().join("corlib/mscorlib.dll");
    let mono = Path::new(MONO_CORLIB);
    if mono.is_file() {
        bench("Mono 6.8 mscorlib.dll", mono, mono, runs);
    } else {
        println!("note: {MONO_CORLIB} not installed; skipping it");
    }
    let gen = generated_program();
    if let Some(gen) = &gen {
        bench(
            "generated 5,000 classes / 2,000 interfaces",
            &our_corlib,
            gen,
            runs,
        );
    }
    bench("vcall corlib mscorlib.dll", &our_corlib, &our_corlib, runs);
    println!();
    if let Some(gen) = &gen {
        // The most derived class of the longest chain: its whole chain, GBase, Object and
        // the interfaces of every class in the chain come with it, nothing else.
        laziness("generated program", &our_corlib, gen, |l, idx| {
            let deepest = |t: TypeKey| {
                let mut d = 0;
                let mut cur = Some(t);
                while let Some(k) = cur {
                    d += 1;
                    cur = l.parent_of(k).unwrap();
                }
                d
            };
            l.all_types(idx)
                .into_iter()
                .filter(|&t| l.type_full_name(t).starts_with('C'))
                .max_by_key(|&t| (deepest(t), t.row))
                .unwrap()
        });
    }
    if mono.is_file() {
        laziness("Mono mscorlib", mono, mono, |l, _| {
            l.find_type(
                AssemblyIdx::CORLIB,
                "System.Collections.Generic",
                "Dictionary`2",
            )
            .unwrap()
        });
    }
}
