//! `--aot=metadata-only`: images round-trip every ClassInfo, and stale or corrupt images are
//! ignored with one warning line while the program still runs correctly.
//! Everything happens in temporary copies so the repository stays clean.

use std::path::{Path, PathBuf};
use std::process::Command;
use vcall_metadata::aot::{self, AotImage};
use vcall_metadata::loader::{AssemblyIdx, Loader, DEFAULT_IMT_SIZE};

const VCALL: &str = env!("CARGO_BIN_EXE_vcall");

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// A fresh directory holding copies of the corlib and every test program (and library).
fn scratch(tag: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("vcall-aot-{}-{tag}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::copy(repo().join("corlib/mscorlib.dll"), dir.join("mscorlib.dll")).unwrap();
    for e in std::fs::read_dir(repo().join("tests/programs")).unwrap() {
        let p = e.unwrap().path();
        if matches!(p.extension().and_then(|x| x.to_str()), Some("exe" | "dll")) {
            std::fs::copy(&p, dir.join(p.file_name().unwrap())).unwrap();
        }
    }
    dir
}

fn programs(dir: &Path) -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().and_then(|x| x.to_str()) == Some("exe"))
        .collect();
    v.sort();
    v
}

fn vcall(corlib: &Path, args: &[&str]) -> std::process::Output {
    Command::new(VCALL)
        .env("VCALL_CORLIB", corlib)
        .args(args)
        .output()
        .unwrap()
}

fn generate(corlib: &Path, target: &Path) {
    let out = vcall(corlib, &["--aot=metadata-only", target.to_str().unwrap()]);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{}: {}",
        target.display(),
        String::from_utf8_lossy(&out.stderr)
    );
    let want = format!("vcall: wrote {}: ", aot::image_path(target).display());
    assert!(stdout.starts_with(&want) && stdout.contains(" types, "), "{stdout}");
    assert!(aot::image_path(target).is_file());
}

fn check_image(loader: Loader, computed: &Loader, idx: AssemblyIdx, path: &Path) {
    let image = AotImage::load(&loader, idx, &aot::image_path(path))
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let found: Vec<_> = computed
        .all_types(idx)
        .iter()
        .map(|&k| image.find(&computed.type_full_name(k)))
        .collect();
    loader.attach_class_source(image);
    for (i, k) in computed.all_types(idx).into_iter().enumerate() {
        let want = computed.class(k).unwrap();
        let got = loader.class(k).unwrap();
        assert_eq!(*want, *got, "{}: {}", path.display(), want.full_name);
        // The name table finds the type (or another of the same full name, e.g. `<Module>`).
        let f = found[i].expect("name table entry");
        assert_eq!(computed.type_full_name(f), want.full_name);
    }
    let (from_image, computed_count) = loader.class_source_counts();
    assert_eq!(from_image as usize, computed.all_types(idx).len());
    assert_eq!(computed_count, 0, "{}: nothing recomputed", path.display());
}

#[test]
fn images_round_trip_every_class() {
    let dir = scratch("roundtrip");
    let corlib = dir.join("mscorlib.dll");
    generate(&corlib, &corlib);
    {
        let computed = Loader::new(&corlib, DEFAULT_IMT_SIZE).unwrap();
        let loader = Loader::new(&corlib, DEFAULT_IMT_SIZE).unwrap();
        check_image(loader, &computed, AssemblyIdx::CORLIB, &corlib);
    }
    for exe in programs(&dir) {
        generate(&corlib, &exe);
        let mut computed = Loader::new(&corlib, DEFAULT_IMT_SIZE).unwrap();
        let idx = computed.load_main(&exe).unwrap();
        for k in computed.all_types(idx) {
            computed.class(k).unwrap();
        }
        let mut loader = Loader::new(&corlib, DEFAULT_IMT_SIZE).unwrap();
        let idx2 = loader.load_main(&exe).unwrap();
        assert_eq!(idx, idx2);
        check_image(loader, &computed, idx, &exe);
    }
    // With both images present, every program still prints what it should.
    for exe in programs(&dir) {
        let name = exe.file_stem().unwrap().to_str().unwrap();
        let mut args = vec![exe.to_str().unwrap()];
        if name == "Args" {
            args.extend(["a", "b c", "d"]);
        }
        let out = vcall(&corlib, &args);
        let expected = std::fs::read(repo().join(format!("tests/programs/{name}.expected")));
        if let Ok(expected) = expected {
            assert_eq!(
                String::from_utf8_lossy(&out.stdout),
                String::from_utf8_lossy(&expected),
                "{name}"
            );
        }
        assert!(
            !String::from_utf8_lossy(&out.stderr).contains("warning"),
            "{name}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn readelf_lists_the_section() {
    if Command::new("readelf").arg("--version").output().is_err() {
        eprintln!("readelf not found: skipped");
        return;
    }
    let dir = scratch("readelf");
    let corlib = dir.join("mscorlib.dll");
    let exe = dir.join("ManyInterfaces.exe");
    let exe = if exe.is_file() { exe } else { programs(&dir)[0].clone() };
    generate(&corlib, &exe);
    let out = Command::new("readelf")
        .arg("-S")
        .arg(aot::image_path(&exe))
        .output()
        .unwrap();
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stdout).contains(aot::SECTION_NAME));
    let _ = std::fs::remove_dir_all(&dir);
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

fn mvid_of(path: &Path) -> [u8; 16] {
    vcall_metadata::assembly::Assembly::load(path)
        .unwrap()
        .mvid()
        .unwrap()
}

/// Overwrites the MVID inside an assembly file (as a rebuild would change it).
fn change_mvid(path: &Path) {
    let mvid = mvid_of(path);
    let mut bytes = std::fs::read(path).unwrap();
    let at = find(&bytes, &mvid).unwrap();
    bytes[at] ^= 0x5a;
    std::fs::write(path, bytes).unwrap();
}

/// Runs `exe` and checks it printed its expected output and exactly one warning naming
/// `image` with `reason`.
fn expect_rejected(corlib: &Path, exe: &Path, image: &Path, reason: &str) {
    let out = vcall(corlib, &[exe.to_str().unwrap()]);
    let stderr = String::from_utf8_lossy(&out.stderr).to_string();
    let name = exe.file_stem().unwrap().to_str().unwrap();
    let expected = std::fs::read_to_string(repo().join(format!("tests/programs/{name}.expected")))
        .unwrap();
    assert_eq!(String::from_utf8_lossy(&out.stdout), expected, "{reason}");
    let lines: Vec<&str> = stderr.lines().collect();
    let prefix = format!("vcall: warning: ignoring {}: ", image.display());
    assert_eq!(lines.len(), 1, "{reason}: {stderr}");
    assert!(
        lines[0].starts_with(&prefix) && lines[0].contains(reason),
        "want {prefix}...{reason}, got {stderr}"
    );
}

#[test]
fn stale_and_corrupt_images_are_ignored() {
    let dir = scratch("reject");
    let corlib = dir.join("mscorlib.dll");
    let exe = dir.join("ManyInterfaces.exe");
    let exe = if exe.is_file() { exe } else { programs(&dir)[0].clone() };
    let image = aot::image_path(&exe);
    generate(&corlib, &exe);
    let good = std::fs::read(&image).unwrap();
    let section_at = find(&good, b"VCALLCI\0").unwrap();

    // Flipped payload byte: checksum.
    let mut bad = good.clone();
    let n = bad.len();
    bad[(section_at + 200).min(n - 1)] ^= 0xff;
    std::fs::write(&image, &bad).unwrap();
    expect_rejected(&corlib, &exe, &image, "checksum");

    // Wrong format version.
    let mut bad = good.clone();
    bad[section_at + 8..section_at + 12].copy_from_slice(&99u32.to_le_bytes());
    std::fs::write(&image, &bad).unwrap();
    expect_rejected(&corlib, &exe, &image, "format version 99");

    // Truncated file.
    std::fs::write(&image, &good[..good.len() / 2]).unwrap();
    expect_rejected(&corlib, &exe, &image, "");

    // Wrong IMT size is also stale.
    std::fs::write(&image, &good).unwrap();
    let out = vcall(&corlib, &["--imt-size", "1", exe.to_str().unwrap()]);
    assert!(String::from_utf8_lossy(&out.stderr).contains("IMT size"));

    // Different corlib: the image's dependency MVID no longer matches.
    std::fs::write(&image, &good).unwrap();
    let other = dir.join("other");
    std::fs::create_dir_all(&other).unwrap();
    let other_corlib = other.join("mscorlib.dll");
    std::fs::copy(&corlib, &other_corlib).unwrap();
    change_mvid(&other_corlib);
    expect_rejected(&other_corlib, &exe, &image, "dependency mscorlib");

    // Rebuilt assembly: its own MVID changed.
    change_mvid(&exe);
    expect_rejected(&corlib, &exe, &image, "rebuilt");
    let _ = std::fs::remove_dir_all(&dir);
}

/// Every single-byte corruption and every truncation of a section is rejected or decodes,
/// never panics.
#[test]
fn no_panic_on_any_damage() {
    let dir = scratch("fuzz");
    let corlib = dir.join("mscorlib.dll");
    let exe = dir.join("AbstractSealed.exe");
    generate(&corlib, &exe);
    let file = std::fs::read(aot::image_path(&exe)).unwrap();
    let section = aot::find_section(&file).unwrap().to_vec();
    let mut loader = Loader::new(&corlib, DEFAULT_IMT_SIZE).unwrap();
    let idx = loader.load_main(&exe).unwrap();
    let keys = loader.all_types(idx);
    // Damage past the header gets a fixed-up checksum so the decoder itself is exercised.
    let try_it = |mut bytes: Vec<u8>| {
        if bytes.len() >= 48 {
            let sum = aot::fnv1a64(&bytes[48..]);
            bytes[40..48].copy_from_slice(&sum.to_le_bytes());
        }
        if let Ok(img) = AotImage::from_section(&loader, idx, bytes) {
            for &k in &keys {
                let _ = img.decode(k);
                let _ = img.find("Program");
            }
        }
    };
    for i in 0..section.len() {
        for bit in [0x80u8, 0x01, 0x10] {
            let mut b = section.clone();
            b[i] ^= bit;
            try_it(b);
        }
    }
    for n in 0..section.len() {
        try_it(section[..n].to_vec());
    }
    for n in (0..file.len()).step_by(7) {
        let _ = aot::find_section(&file[..n]);
    }
    let _ = std::fs::remove_dir_all(&dir);
}
