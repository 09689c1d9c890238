//! Benchmark (not a test): ClassInfo of every type of a program decoded from its AOT image
//! against computed from metadata, each on a fresh loader, as medians of several runs; the
//! loop `Loader::class` runs is the one the runtime runs, without the JIT around it, so
//! callgrind counts it alone (`valgrind --tool=callgrind ... -- decode 1`).
//!
//!     cargo run --release -p vcall-metadata --example bench_aot -- CORLIB PROGRAM [MODE] [RUNS]
//!
//! MODE is `both` (default), `decode` or `compute`. PROGRAM.so (and CORLIB.so, if present)
//! must be images written by `vcall --aot=metadata-only` for these very assemblies.

use std::path::Path;
use std::time::{Duration, Instant};
use vcall_metadata::aot::{image_path, AotImage};
use vcall_metadata::loader::{AssemblyIdx, Loader, DEFAULT_IMT_SIZE};

/// Attaches `<assembly>.so` when it validates, like the runtime's load hook.
fn attach(loader: &Loader, idx: AssemblyIdx) {
    let path = image_path(&loader.assembly_at(idx).path);
    if path.is_file() {
        match AotImage::load(loader, idx, &path) {
            Ok(image) => {
                loader.attach_class_source(idx, Box::new(image));
            }
            Err(e) => eprintln!("warning: ignoring {}: {e}", path.display()),
        }
    }
}

/// One run: (time in `Loader::class` for every type of the program, from source, computed).
fn run(corlib: &Path, program: &Path, decode: bool) -> (Duration, u64, u64) {
    let mut loader = Loader::new(corlib, DEFAULT_IMT_SIZE).unwrap();
    if decode {
        loader.set_load_hook(Box::new(attach));
    }
    let idx = loader.load_main(program).unwrap();
    let types = loader.all_types(idx);
    let t0 = Instant::now();
    for &t in &types {
        loader.class(t).unwrap();
    }
    let dt = t0.elapsed();
    let (from, computed) = loader.class_source_counts();
    (dt, from, computed)
}

fn median(mut v: Vec<Duration>) -> f64 {
    v.sort();
    v[v.len() / 2].as_secs_f64() * 1e3
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.len() < 2 {
        eprintln!("usage: bench_aot CORLIB PROGRAM [both|decode|compute] [RUNS]");
        std::process::exit(2);
    }
    let (corlib, program) = (Path::new(&args[0]), Path::new(&args[1]));
    let mode = args.get(2).map(String::as_str).unwrap_or("both");
    let runs: usize = args.get(3).and_then(|r| r.parse().ok()).unwrap_or(15);
    let mut medians = Vec::new();
    for (name, decode) in [("decode", true), ("compute", false)] {
        if mode != "both" && mode != name {
            continue;
        }
        let mut times = Vec::new();
        let mut counts = (0, 0);
        for _ in 0..runs {
            let (dt, from, computed) = run(corlib, program, decode);
            times.push(dt);
            counts = (from, computed);
        }
        let m = median(times);
        println!(
            "{name:7}: median {m:7.2} ms over {runs} runs ({} from images, {} computed)",
            counts.0, counts.1
        );
        medians.push(m);
    }
    if let [d, c] = medians[..] {
        println!("decoding is {:.2}x faster than computing", c / d);
    }
}
