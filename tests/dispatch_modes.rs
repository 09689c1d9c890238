//! Every dispatch test program gives Mono's output in normal IMT mode and in 1-slot mode,
//! where every interface method of a class collides in the one IMT slot and goes through a
//! collision stub; and `--stats` reports the counters with Mono's names.

use std::path::Path;
use std::process::Command;

const DISPATCH_PROGRAMS: &[&str] = &[
    "OverrideChains",
    "NewslotHiding",
    "AbstractSealed",
    "ExplicitInterface",
    "DiamondInterface",
    "Reimplementation",
    "ManyInterfaces",
    "Megamorphic",
    "VirtualInStructs",
    "BoxingCasts",
    "CallSites",
];

fn run(args: &[&str]) -> (String, String, i32) {
    let out = Command::new(env!("CARGO_BIN_EXE_vcall"))
        .args(args)
        .output()
        .expect("run vcall");
    (
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
        out.status.code().unwrap_or(-1),
    )
}

#[test]
fn dispatch_programs_match_mono_in_every_imt_mode() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/programs");
    let mut problems = Vec::new();
    for name in DISPATCH_PROGRAMS {
        let exe = dir.join(format!("{name}.exe"));
        let expected = std::fs::read_to_string(dir.join(format!("{name}.expected"))).unwrap();
        for imt in ["19", "1", "2", "7"] {
            let (stdout, stderr, code) = run(&["--imt-size", imt, exe.to_str().unwrap()]);
            if stdout != expected || code != 0 {
                problems.push(format!(
                    "{name} with --imt-size {imt}: exit {code}, stderr {stderr}"
                ));
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn forced_collisions_build_collision_stubs_and_stats_use_monos_names() {
    let exe = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/programs/ManyInterfaces.exe");
    let (_, stats, code) = run(&["--stats", "--imt-size", "1", exe.to_str().unwrap()]);
    assert_eq!(code, 0);
    for name in [
        "Compiled methods",
        "JIT trampolines",
        "Calls to trampolines",
        "IMT tables size",
        "IMT number of tables",
        "IMT number of methods",
        "IMT used slots",
        "IMT colliding slots",
        "IMT max collisions",
        "IMT methods at max col",
        "IMT trampolines size",
        "VTable data size",
        "Initialized classes",
        "Class loading time (ms)",
        "JIT time (ms)",
        "Trampoline time (ms)",
    ] {
        assert!(stats.contains(name), "--stats lacks {name}:\n{stats}");
    }
    let value = |name: &str| -> u64 {
        let line = stats.lines().find(|l| l.starts_with(name)).unwrap();
        line.rsplit(':').next().unwrap().trim().parse().unwrap()
    };
    // ManyInterfaces' class implements 200 interface methods: in 1-slot mode they all collide.
    assert!(value("IMT max collisions") >= 200, "{stats}");
    assert_eq!(
        value("IMT used slots"),
        value("IMT colliding slots"),
        "{stats}"
    );
    assert!(value("IMT trampolines size") > 0, "{stats}");
}
