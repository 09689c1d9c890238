//! The collector never loses a live object: every test program gives Mono's output with a
//! collection at every allocation (VCALL_GC_STRESS=1) and heap verification after each
//! collection (VCALL_GC_VERIFY=1, which also poisons freed memory); and a program that
//! allocates gigabytes with a small live set stays in a bounded heap.

use std::path::Path;
use std::process::Command;

fn run(exe: &Path, args: &[&str], env: &[(&str, &str)]) -> (String, String, i32) {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_vcall"));
    cmd.args(args).arg(exe);
    if exe.file_stem().unwrap() == "Args" {
        cmd.args(["a", "b c", "d"]);
    }
    for (k, v) in env {
        cmd.env(k, v);
    }
    let out = cmd.output().unwrap();
    (
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
        out.status.code().unwrap_or(-1),
    )
}

#[test]
fn every_program_survives_collection_at_every_allocation() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/programs");
    let mut problems = Vec::new();
    let mut names: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .filter(|p| p.extension().map(|x| x == "exe").unwrap_or(false))
        .collect();
    names.sort();
    for exe in names {
        let name = exe.file_stem().unwrap().to_string_lossy().into_owned();
        // GcShapes allocates ~2 GB: collect every 300,000 allocations instead of every one.
        let every = if name == "GcShapes" { "300000" } else { "1" };
        let (stdout, stderr, code) = run(
            &exe,
            &["--stats"],
            &[("VCALL_GC_STRESS", every), ("VCALL_GC_VERIFY", "1")],
        );
        // The stress mode must really have collected (a mistyped or ignored setting would
        // make this test pass vacuously): every program allocates at least its strings.
        let stat = |name: &str| -> Option<u64> {
            stderr
                .lines()
                .find(|l| l.starts_with(name))
                .and_then(|l| l.rsplit(':').next())
                .and_then(|v| v.trim().parse().ok())
        };
        let (allocated, collections) = (stat("GC bytes allocated"), stat("GC collections"));
        if allocated.unwrap_or(0) > 0 && collections.unwrap_or(0) == 0 {
            problems.push(format!(
                "{name}: no collection under VCALL_GC_STRESS={every}"
            ));
        }
        let expected = std::fs::read_to_string(dir.join(format!("{name}.expected"))).unwrap();
        let want_code: i32 = std::fs::read_to_string(dir.join(format!("{name}.exitcode")))
            .map(|s| s.trim().parse().unwrap())
            .unwrap_or(0);
        if stdout != expected || code != want_code {
            problems.push(format!(
                "{name}: exit {code} (want {want_code}); stderr: {}",
                stderr.lines().take(3).collect::<Vec<_>>().join(" | ")
            ));
        }
    }
    assert!(
        problems.is_empty(),
        "under GC stress:\n{}",
        problems.join("\n")
    );
}

#[test]
fn gigabytes_of_garbage_fit_in_a_bounded_heap() {
    let exe = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/programs/GcShapes.exe");
    let (_, stats, code) = run(&exe, &["--stats"], &[]);
    assert_eq!(code, 0, "{stats}");
    let value = |name: &str| -> u64 {
        stats
            .lines()
            .find(|l| l.starts_with(name))
            .and_then(|l| l.rsplit(':').next())
            .map(|v| v.trim().parse().unwrap())
            .unwrap()
    };
    assert!(value("GC bytes allocated") > 1 << 30, "{stats}");
    assert!(value("GC collections") > 5, "{stats}");
    assert!(
        value("GC heap bytes") < 256 << 20,
        "heap grew unbounded:\n{stats}"
    );
}
