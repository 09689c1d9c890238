//! `--aot=metadata-only`: images round-trip every ClassInfo, are used lazily at startup, and
//! stale or corrupt images are ignored with one warning line while the program still runs
//! correctly. Everything happens in temporary copies so the repository stays clean.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use vcall_metadata::aot::{self, AotImage};
use vcall_metadata::assembly::Assembly;
use vcall_metadata::loader::{AssemblyIdx, Loader, TypeKey, DEFAULT_IMT_SIZE};
use vcall_metadata::tables::schema;
use vcall_metadata::token::{RowIndex, TableId};

const VCALL: &str = env!("CARGO_BIN_EXE_vcall");

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// A fresh directory holding copies of the corlib and every test program and library.
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

fn with_extension(dir: &Path, ext: &str) -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().and_then(|x| x.to_str()) == Some(ext))
        .collect();
    v.sort();
    v
}

fn programs(dir: &Path) -> Vec<PathBuf> {
    with_extension(dir, "exe")
}

/// Libraries next to the programs (not the corlib copy).
fn libraries(dir: &Path) -> Vec<PathBuf> {
    with_extension(dir, "dll")
        .into_iter()
        .filter(|p| p.file_name().unwrap() != "mscorlib.dll")
        .collect()
}

fn vcall(corlib: &Path, args: &[&str]) -> Output {
    Command::new(VCALL)
        .env("VCALL_CORLIB", corlib)
        .args(args)
        .output()
        .unwrap()
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// Runs `vcall --aot=metadata-only target` and checks the summary line.
fn generate(corlib: &Path, target: &Path) {
    let out = vcall(corlib, &["--aot=metadata-only", target.to_str().unwrap()]);
    assert!(
        out.status.success(),
        "{}: {}",
        target.display(),
        stderr(&out)
    );
    let types = Assembly::load(target)
        .unwrap()
        .tables
        .rows(TableId::TypeDef);
    let bytes = std::fs::metadata(aot::image_path(target)).unwrap().len();
    let want = format!(
        "vcall: wrote {}: {types} types, {bytes} bytes, ",
        aot::image_path(target).display()
    );
    let line = stdout(&out);
    assert!(
        line.starts_with(&want)
            && line.contains(" ms (load ")
            && line.trim_end().ends_with(" threads)")
            && line.lines().count() == 1,
        "want {want}... ms (load ... threads), got {line}"
    );
}

/// Program arguments used by the differential tests.
fn program_args(name: &str) -> &'static [&'static str] {
    if name == "Args" {
        &["a", "b c", "d"]
    } else {
        &[]
    }
}

fn expected_output(exe: &Path) -> String {
    let name = exe.file_stem().unwrap().to_str().unwrap();
    std::fs::read_to_string(repo().join(format!("tests/programs/{name}.expected"))).unwrap()
}

fn run_program(corlib: &Path, exe: &Path, extra: &[&str]) -> Output {
    let name = exe.file_stem().unwrap().to_str().unwrap();
    let mut args: Vec<&str> = extra.to_vec();
    args.push(exe.to_str().unwrap());
    args.extend(program_args(name));
    vcall(corlib, &args)
}

/// A `--stats` row's value.
fn stat(stderr: &str, row: &str) -> u64 {
    let line = stderr
        .lines()
        .find(|l| l.starts_with(row) && l[row.len()..].trim_start().starts_with(':'))
        .unwrap_or_else(|| panic!("no {row} row in:\n{stderr}"));
    line.rsplit(':').next().unwrap().trim().parse().unwrap()
}

/// Checks that the image of assembly `idx` gives back, for every type, exactly what
/// `computed` computed from metadata, and that the name table finds every type.
fn check_image(mut loader: Loader, computed: &Loader, idx: AssemblyIdx, path: &Path) {
    if idx != AssemblyIdx::CORLIB {
        assert_eq!(loader.load_main(path).unwrap(), idx);
    }
    let image = AotImage::load(&loader, idx, &aot::image_path(path))
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let keys = computed.all_types(idx);
    assert_eq!(image.type_count(), keys.len());
    for &k in &keys {
        let name = computed.type_full_name(k);
        // The name table finds the type (or another of the same full name, e.g. `<Module>`).
        let found = image.find(&name).expect("name table entry");
        assert_eq!(computed.type_full_name(found), name);
    }
    assert_eq!(image.find("No.Such.Type"), None);
    assert!(loader.attach_class_source(idx, Box::new(image)));
    for &k in &keys {
        let want = computed.class(k).unwrap();
        let got = loader.class(k).unwrap();
        assert_eq!(*want, *got, "{}: {}", path.display(), want.full_name());
    }
    let (from_image, computed_count) = loader.class_source_counts();
    assert_eq!(from_image as usize, keys.len(), "{}", path.display());
    assert_eq!(computed_count, 0, "{}: nothing recomputed", path.display());
}

/// Computes every class of `target` (the corlib when None) from metadata.
fn computed(corlib: &Path, target: Option<&Path>) -> (Loader, AssemblyIdx) {
    let mut l = Loader::new(corlib, DEFAULT_IMT_SIZE).unwrap();
    let idx = match target {
        Some(t) => l.load_main(t).unwrap(),
        None => AssemblyIdx::CORLIB,
    };
    for k in l.all_types(idx) {
        l.class(k).unwrap();
    }
    (l, idx)
}

#[test]
fn images_round_trip_every_class() {
    let dir = scratch("roundtrip");
    let corlib = dir.join("mscorlib.dll");
    generate(&corlib, &corlib);
    let (c, idx) = computed(&corlib, None);
    check_image(
        Loader::new(&corlib, DEFAULT_IMT_SIZE).unwrap(),
        &c,
        idx,
        &corlib,
    );
    let targets: Vec<PathBuf> = programs(&dir).into_iter().chain(libraries(&dir)).collect();
    assert!(targets.len() > 30, "test programs missing");
    for t in &targets {
        generate(&corlib, t);
        let (c, idx) = computed(&corlib, Some(t));
        check_image(Loader::new(&corlib, DEFAULT_IMT_SIZE).unwrap(), &c, idx, t);
    }
    // With every image present, every program prints what it should, warns about nothing
    // and computes no class.
    for exe in programs(&dir) {
        let out = run_program(&corlib, &exe, &["--stats"]);
        let name = exe.file_stem().unwrap().to_str().unwrap();
        let expected = expected_output(&exe);
        assert_eq!(stdout(&out), expected, "{name}");
        let err = stderr(&out);
        assert!(!err.contains("warning"), "{name}: {err}");
        // Programs that die of an unhandled exception print no statistics.
        if err.contains("vcall statistics") {
            assert_eq!(stat(&err, "Classes computed"), 0, "{name}: {err}");
            assert!(stat(&err, "Classes from AOT image") > 0, "{name}: {err}");
        }
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
    generate(&corlib, &exe);
    let out = Command::new("readelf")
        .arg("-S")
        .arg(aot::image_path(&exe))
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let listing = stdout(&out);
    assert!(listing.contains(aot::SECTION_NAME), "{listing}");
    let _ = std::fs::remove_dir_all(&dir);
}

/// Images are decoded one type at a time: a small program touches a fraction of the corlib,
/// and asking for one class decodes that record only.
#[test]
fn images_are_decoded_lazily() {
    let dir = scratch("lazy");
    let corlib = dir.join("mscorlib.dll");
    let exe = dir.join("Hello.exe");
    generate(&corlib, &corlib);
    generate(&corlib, &exe);
    let out = run_program(&corlib, &exe, &["--stats"]);
    assert_eq!(stdout(&out), expected_output(&exe));
    let err = stderr(&out);
    let corlib_types = Assembly::load(&corlib)
        .unwrap()
        .tables
        .rows(TableId::TypeDef) as u64;
    let from_image = stat(&err, "Classes from AOT image");
    assert!(
        from_image > 0 && from_image < corlib_types / 2,
        "{from_image} of {corlib_types}"
    );
    assert_eq!(stat(&err, "Classes computed"), 0);

    let mut loader = Loader::new(&corlib, DEFAULT_IMT_SIZE).unwrap();
    let idx = loader.load_main(&exe).unwrap();
    let image = AotImage::load(&loader, idx, &aot::image_path(&exe)).unwrap();
    loader.attach_class_source(idx, Box::new(image));
    let last = *loader.all_types(idx).last().unwrap();
    loader.class(last).unwrap();
    // That type's record only; its parent (System.Object) is computed when asked for, since
    // no corlib image is attached here.
    assert_eq!(loader.class_source_counts(), (1, 0));
    assert_eq!(loader.built_class_count(), 1);
    let _ = std::fs::remove_dir_all(&dir);
}

/// Without images, `--stats` counts every class as computed and none from an image.
#[test]
fn stats_without_images() {
    let exe = repo().join("tests/programs/Hello.exe");
    let out = vcall(
        &repo().join("corlib/mscorlib.dll"),
        &["--stats", exe.to_str().unwrap()],
    );
    let err = stderr(&out);
    assert_eq!(stat(&err, "Classes from AOT image"), 0);
    assert!(stat(&err, "Classes computed") > 0);
    assert!(err.contains("Class loading time (ms)"), "{err}");
    assert!(err.contains("Methods from AOT"), "{err}");
}

/// A library's image is found when the program loads the library.
#[test]
fn library_images_are_used() {
    let dir = scratch("library");
    let corlib = dir.join("mscorlib.dll");
    let exe = dir.join("UsesLibrary.exe");
    let lib = dir.join("ShapesLib.dll");
    for t in [&corlib, &exe, &lib] {
        generate(&corlib, t);
    }
    let out = run_program(&corlib, &exe, &["--stats"]);
    assert_eq!(stdout(&out), expected_output(&exe));
    let err = stderr(&out);
    assert!(!err.contains("warning"), "{err}");
    assert_eq!(stat(&err, "Classes computed"), 0, "{err}");
    // Rebuilding the library makes both its own image and the program's stale.
    change_mvid(&lib);
    let out = run_program(&corlib, &exe, &[]);
    assert_eq!(stdout(&out), expected_output(&exe));
    let err = stderr(&out);
    assert!(
        err.contains(&format!(
            "vcall: warning: ignoring {}: MVID mismatch",
            aot::image_path(&lib).display()
        )),
        "{err}"
    );
    assert!(
        err.contains(&format!(
            "vcall: warning: ignoring {}: dependency ShapesLib MVID mismatch",
            aot::image_path(&exe).display()
        )),
        "{err}"
    );
    let _ = std::fs::remove_dir_all(&dir);
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

fn mvid_of(path: &Path) -> [u8; 16] {
    Assembly::load(path).unwrap().mvid().unwrap()
}

/// Overwrites the MVID inside an assembly file, as a rebuild would change it.
fn change_mvid(path: &Path) {
    let mvid = mvid_of(path);
    let mut bytes = std::fs::read(path).unwrap();
    let at = find(&bytes, &mvid).unwrap();
    bytes[at] ^= 0x5a;
    std::fs::write(path, bytes).unwrap();
}

/// Recomputes the payload checksum of an image file whose section was edited, so the edit
/// is judged on its own merits.
fn reseal(file: &mut [u8]) {
    let range = aot::find_section(file).unwrap();
    let section = &file[range.clone()];
    let sum = aot::payload_checksum(&section[aot::HEADER_BYTES..]);
    let at = range.start + aot::CHECKSUM_AT;
    file[at..at + 8].copy_from_slice(&sum.to_le_bytes());
}

/// Runs `exe` and checks it printed its expected output and exactly one warning:
/// `vcall: warning: ignoring IMAGE: REASON...`.
fn expect_rejected(corlib: &Path, exe: &Path, image: &Path, reason: &str) {
    let out = run_program(corlib, exe, &[]);
    assert_eq!(stdout(&out), expected_output(exe), "{reason}");
    let err = stderr(&out);
    let lines: Vec<&str> = err.lines().collect();
    let want = format!("vcall: warning: ignoring {}: {reason}", image.display());
    assert_eq!(lines.len(), 1, "{reason}: {err}");
    assert!(lines[0].starts_with(&want), "want {want}..., got {err}");
}

#[test]
fn stale_and_corrupt_images_are_ignored() {
    let dir = scratch("reject");
    let corlib = dir.join("mscorlib.dll");
    let exe = dir.join("ManyInterfaces.exe");
    let image = aot::image_path(&exe);
    generate(&corlib, &exe);
    let good = std::fs::read(&image).unwrap();
    let section = aot::find_section(&good).unwrap();

    // Flipped bytes in the payload: the checksum catches them.
    let mut bad = good.clone();
    for at in [section.start + 200, section.end - 3] {
        bad[at] ^= 0xff;
    }
    std::fs::write(&image, &bad).unwrap();
    expect_rejected(&corlib, &exe, &image, "checksum mismatch (stored ");

    // Wrong format version.
    let mut bad = good.clone();
    let at = section.start + aot::VERSION_AT;
    bad[at..at + 4].copy_from_slice(&(aot::FORMAT_VERSION + 1).to_le_bytes());
    std::fs::write(&image, &bad).unwrap();
    expect_rejected(
        &corlib,
        &exe,
        &image,
        &format!(
            "wrong format version {} (this vcall reads version {})",
            aot::FORMAT_VERSION + 1,
            aot::FORMAT_VERSION
        ),
    );

    // Truncated file: the section headers at its end are gone.
    std::fs::write(&image, &good[..good.len() / 2]).unwrap();
    expect_rejected(&corlib, &exe, &image, "truncated file");
    std::fs::write(&image, &good[..10]).unwrap();
    expect_rejected(&corlib, &exe, &image, "truncated file (10 bytes)");
    // An empty file is a truncated one too.
    std::fs::write(&image, b"").unwrap();
    expect_rejected(&corlib, &exe, &image, "truncated file (0 bytes)");
    // Not an ELF file at all.
    std::fs::write(
        &image,
        b"#!/bin/sh\necho this is no image, but it is long enough\n",
    )
    .unwrap();
    expect_rejected(&corlib, &exe, &image, "not an ELF file");

    // Image built for another IMT size.
    std::fs::write(&image, &good).unwrap();
    let out = run_program(&corlib, &exe, &["--imt-size", "1"]);
    assert_eq!(stdout(&out), expected_output(&exe));
    assert!(
        stderr(&out).contains("built for --imt-size 19, running with 1"),
        "{}",
        stderr(&out)
    );

    // Image built against another corlib: its dependency MVID differs from the loaded one.
    let corlib_mvid = mvid_of(&corlib);
    let mut bad = good.clone();
    let dep_at = section.start + aot::HEADER_BYTES + 8;
    assert_eq!(bad[dep_at..dep_at + 16], corlib_mvid);
    bad[dep_at + 15] ^= 0x01;
    reseal(&mut bad);
    std::fs::write(&image, &bad).unwrap();
    let built_for = aot::Mvid(bad[dep_at..dep_at + 16].try_into().unwrap());
    expect_rejected(
        &corlib,
        &exe,
        &image,
        &format!(
            "dependency mscorlib MVID mismatch (image built against {built_for}, loaded {})",
            aot::Mvid(corlib_mvid)
        ),
    );

    // The same image, run with a different corlib (a rebuilt one).
    std::fs::write(&image, &good).unwrap();
    let other = dir.join("other");
    std::fs::create_dir_all(&other).unwrap();
    let other_corlib = other.join("mscorlib.dll");
    std::fs::copy(&corlib, &other_corlib).unwrap();
    change_mvid(&other_corlib);
    expect_rejected(
        &other_corlib,
        &exe,
        &image,
        "dependency mscorlib MVID mismatch",
    );

    // Rebuilt assembly: the image of another program sits where this one's should be.
    let other_exe = dir.join("Hello.exe");
    generate(&corlib, &other_exe);
    std::fs::copy(aot::image_path(&other_exe), &image).unwrap();
    expect_rejected(
        &corlib,
        &exe,
        &image,
        &format!(
            "MVID mismatch (image built for {}, assembly is {})",
            aot::Mvid(mvid_of(&other_exe)),
            aot::Mvid(mvid_of(&exe))
        ),
    );
    // And the other way round.
    std::fs::write(&image, &good).unwrap();
    std::fs::copy(&image, aot::image_path(&other_exe)).unwrap();
    expect_rejected(
        &corlib,
        &other_exe,
        &aot::image_path(&other_exe),
        "MVID mismatch (image built for ",
    );

    // The program's own MVID changed in place (rebuilt, same name).
    std::fs::write(&image, &good).unwrap();
    change_mvid(&exe);
    expect_rejected(&corlib, &exe, &image, "MVID mismatch (image built for ");

    // A broken corlib image is ignored the same way, and the program still runs.
    generate(&corlib, &corlib);
    let corlib_image = aot::image_path(&corlib);
    let mut bad = std::fs::read(&corlib_image).unwrap();
    let n = bad.len();
    bad[n / 3] ^= 0x40;
    std::fs::write(&corlib_image, &bad).unwrap();
    let hello = dir.join("Hello.exe");
    std::fs::remove_file(aot::image_path(&hello)).unwrap();
    let out = run_program(&corlib, &hello, &[]);
    assert_eq!(stdout(&out), expected_output(&hello));
    let err = stderr(&out);
    assert!(
        err.starts_with(&format!(
            "vcall: warning: ignoring {}: ",
            corlib_image.display()
        )) && err.lines().count() == 1,
        "{err}"
    );
    let _ = std::fs::remove_dir_all(&dir);
}

/// Every single-byte corruption and every truncation of a section is rejected or decodes,
/// never panics. Damage past the header is resealed so the decoder itself is exercised.
#[test]
fn no_panic_on_any_damage() {
    let dir = scratch("fuzz");
    let corlib = dir.join("mscorlib.dll");
    let exe = dir.join("AbstractSealed.exe");
    generate(&corlib, &exe);
    let file = std::fs::read(aot::image_path(&exe)).unwrap();
    let section = file[aot::find_section(&file).unwrap()].to_vec();
    let mut loader = Loader::new(&corlib, DEFAULT_IMT_SIZE).unwrap();
    let idx = loader.load_main(&exe).unwrap();
    let keys = loader.all_types(idx);
    let mut decoded = 0usize;
    let mut try_it = |mut bytes: Vec<u8>| {
        if bytes.len() >= aot::HEADER_BYTES {
            let sum = aot::payload_checksum(&bytes[aot::HEADER_BYTES..]);
            bytes[aot::CHECKSUM_AT..aot::CHECKSUM_AT + 8].copy_from_slice(&sum.to_le_bytes());
        }
        if let Ok(img) = AotImage::from_section(&loader, idx, bytes) {
            for &k in &keys {
                if img.decode(k).is_ok() {
                    decoded += 1;
                }
                let _ = img.find("Program");
            }
            // Keys it was not built for.
            let _ = img.decode(TypeKey {
                assembly: idx,
                row: RowIndex(0),
            });
            let _ = img.decode(TypeKey {
                assembly: idx,
                row: RowIndex(u32::MAX),
            });
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
    assert!(decoded > 0);
    for n in 0..file.len() {
        let _ = aot::find_section(&file[..n]);
    }
    let _ = std::fs::remove_dir_all(&dir);
}

/// The file offset and width of one table cell.
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

/// A type whose class cannot be computed makes `--aot` fail with an error naming it.
#[test]
fn generation_error_names_the_type() {
    let dir = scratch("error");
    let corlib = dir.join("mscorlib.dll");
    let src = dir.join("OverrideChains.exe");
    let asm = Assembly::load(&src).unwrap();
    let row = |name: &str| {
        (1..=asm.tables.rows(TableId::TypeDef))
            .find(|&r| asm.string(asm.type_def(RowIndex(r)).name).unwrap() == name)
            .unwrap()
    };
    let (a, b) = (row("A"), row("B"));
    // A and B extend each other (TypeDefOrRef coded index: row << 2 for a TypeDef).
    let mut bytes = std::fs::read(&src).unwrap();
    for (t, base) in [(a, b), (b, a)] {
        let (at, width) = cell_position(&asm, TableId::TypeDef, t, 3);
        bytes[at..at + width].copy_from_slice(&(base << 2).to_le_bytes()[..width]);
    }
    let bad = dir.join("Cyclic.exe");
    std::fs::write(&bad, bytes).unwrap();
    // An image from an earlier build: the failed generation must not leave it behind.
    std::fs::write(aot::image_path(&bad), b"old image").unwrap();
    let out = vcall(&corlib, &["--aot=metadata-only", bad.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    let first = a.min(b);
    let name = if first == a { "A" } else { "B" };
    assert!(
        err.starts_with(&format!(
            "vcall: error: cannot compute the class info of {name} (0x{:08x})",
            0x0200_0000 | first
        )) && err.contains("cyclic"),
        "{err}"
    );
    assert!(!aot::image_path(&bad).exists());
    let _ = std::fs::remove_dir_all(&dir);
}

/// A failed write says where and leaves no temporary file.
#[test]
fn write_errors_are_reported() {
    let dir = scratch("write");
    let corlib = dir.join("mscorlib.dll");
    let exe = dir.join("Hello.exe");
    // A directory where the image should go: the rename into place fails.
    std::fs::create_dir(aot::image_path(&exe)).unwrap();
    let out = vcall(&corlib, &["--aot=metadata-only", exe.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(
        err.starts_with(&format!(
            "vcall: error: cannot write {}: ",
            aot::image_path(&exe).display()
        )),
        "{err}"
    );
    let left: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains(".tmp"))
        .collect();
    assert!(left.is_empty(), "{left:?}");
    // Generating again over an existing image replaces it.
    std::fs::remove_dir(aot::image_path(&exe)).unwrap();
    generate(&corlib, &exe);
    generate(&corlib, &exe);
    let _ = std::fs::remove_dir_all(&dir);
}

/// A record that matches its checksum but would steer the runtime outside an object or a
/// vtable is not used: that type is computed instead.
#[test]
fn crafted_records_are_recomputed() {
    let corlib = repo().join("corlib/mscorlib.dll");
    let exe = repo().join("tests/programs/ManyInterfaces.exe");
    let (computed, idx) = computed(&corlib, Some(&exe));
    let infos: Vec<_> = computed
        .all_types(idx)
        .into_iter()
        .map(|k| computed.class(k).unwrap())
        .collect();
    let with_fields = infos
        .iter()
        .position(|c| c.fields.iter().any(|f| !f.is_static && f.size > 0))
        .expect("a type with instance fields");
    let with_interfaces = infos
        .iter()
        .position(|c| !c.is_interface() && c.interfaces().iter().any(|m| !m.slots.is_empty()))
        .expect("a class implementing an interface");
    let with_two_buckets = infos
        .iter()
        .position(|c| {
            let e = c.imt().entries;
            e.iter()
                .any(|x| Some(x.bucket) != e.get(0).map(|f| f.bucket))
        })
        .expect("a class with IMT entries in two buckets");
    type Damage = fn(&mut vcall_metadata::class::ClassInfo);
    let cases: [(usize, Damage, &str); 7] = [
        (with_fields, |c| c.instance_size = 0, "beyond its storage"),
        (
            with_fields,
            |c| c.data.built_mut().ref_bitmap = vec![0, 1].into(),
            "reference bitmap beyond the storage",
        ),
        (
            with_interfaces,
            |c| {
                let n = c.vtable().len() as u32;
                c.data
                    .built_mut()
                    .interfaces
                    .iter_mut()
                    .find(|m| !m.slots.is_empty())
                    .unwrap()
                    .slots[0] = n;
            },
            "slot beyond the vtable",
        ),
        (
            with_interfaces,
            |c| c.data.built_mut().imt.size = 3,
            "IMT of another size",
        ),
        (
            with_interfaces,
            |c| {
                let n = c.vtable().len() as u32;
                c.data.built_mut().imt.entries[0].vtable_slot = n;
            },
            "slot beyond the vtable",
        ),
        (
            with_interfaces,
            |c| {
                let imt = &mut c.data.built_mut().imt;
                imt.entries[0].bucket = imt.size;
            },
            "bucket beyond the IMT",
        ),
        (
            with_two_buckets,
            |c| c.data.built_mut().imt.entries.reverse(),
            "out of bucket order",
        ),
    ];
    for (i, damage, reason) in cases {
        let mut forged = infos.clone();
        let mut c = (*forged[i]).clone();
        damage(&mut c);
        forged[i] = std::sync::Arc::new(c);
        let section = aot::encode(&computed, idx, &forged).unwrap();
        let mut loader = Loader::new(&corlib, DEFAULT_IMT_SIZE).unwrap();
        assert_eq!(loader.load_main(&exe).unwrap(), idx);
        let image = AotImage::from_section(&loader, idx, section).unwrap();
        let key = infos[i].key;
        let err = image.decode(key).unwrap_err().to_string();
        assert!(err.contains(reason), "{reason}: {err}");
        loader.attach_class_source(idx, Box::new(image));
        // Computed (with whatever it needs that the image lacks, e.g. System.Object).
        assert_eq!(*loader.class(key).unwrap(), *infos[i]);
        assert!(loader.class_source_counts().1 >= 1);
    }
}
