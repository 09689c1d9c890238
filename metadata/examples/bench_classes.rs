//! Benchmark (not a test): reading every table and building ClassInfo for every type of an
//! assembly, median of several runs, in classes per second; and a check that loading is lazy.
//!
//! cargo run --release -p vcall-metadata --example bench_classes -- [assembly...]
//! Defaults: Mono's mscorlib (if installed) with vcall's corlib, and bench/out/GenClasses.exe
//! (made by bench/run) when present.

use std::path::{Path, PathBuf};
use std::time::Instant;
use vcall_metadata::assembly::Assembly;
use vcall_metadata::loader::{AssemblyIdx, Loader};

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(|a, b| a.partial_cmp(b).unwrap());
    v[v.len() / 2]
}

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .unwrap()
        .to_path_buf();
    let our_corlib = root.join("corlib/mscorlib.dll");
    let mut targets: Vec<(PathBuf, PathBuf)> = Vec::new();
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.is_empty() {
        let mono = PathBuf::from("/usr/lib/mono/4.5/mscorlib.dll");
        if mono.is_file() {
            // Mono's mscorlib is its own corlib.
            targets.push((mono.clone(), mono));
        }
        let gen = root.join("bench/out/GenClasses.exe");
        if gen.is_file() {
            targets.push((our_corlib.clone(), gen));
        }
        targets.push((our_corlib.clone(), our_corlib.clone()));
    } else {
        for a in args {
            targets.push((our_corlib.clone(), PathBuf::from(a)));
        }
    }
    for (corlib, target) in targets {
        let (mut read, mut build) = (Vec::new(), Vec::new());
        let mut types = 0;
        for _ in 0..7 {
            let t0 = Instant::now();
            let asm = Assembly::load(&target).unwrap();
            read.push(t0.elapsed().as_secs_f64());
            drop(asm);
            let mut loader = Loader::new(&corlib, 19).unwrap();
            let idx = if corlib == target {
                AssemblyIdx::CORLIB
            } else {
                loader.load_main(&target).unwrap()
            };
            assert_eq!(loader.built_class_count(), 0, "loading must be lazy");
            let all = loader.all_types(idx);
            types = all.len();
            let t1 = Instant::now();
            for t in &all {
                let _ = loader.class(*t);
            }
            build.push(t1.elapsed().as_secs_f64());
        }
        let (r, b) = (median(read), median(build));
        println!(
            "{}: {} types; read all tables {:.2} ms; ClassInfo for every type {:.2} ms = {:.0} classes/s",
            target.display(),
            types,
            r * 1e3,
            b * 1e3,
            types as f64 / b
        );
    }
    // Laziness: touching one type builds it and its dependencies only.
    let mut loader = Loader::new(&our_corlib, 19).unwrap();
    let main = loader
        .load_main(&root.join("tests/programs/OverrideChains.exe"))
        .unwrap();
    let last = *loader.all_types(main).last().unwrap();
    loader.class(last).unwrap();
    println!(
        "laziness: after one type of OverrideChains.exe, {} of {} corlib+program types are built",
        loader.built_class_count(),
        loader.all_types(AssemblyIdx::CORLIB).len() + loader.all_types(main).len()
    );
}
