//! Class-loader override rules that C# cannot express, on tests/fixtures/Overrides.exe
//! patched byte by byte: an override of a `final` method without newslot, and MethodImpl
//! rows whose declaration is a class method (not an interface method). Where Mono is
//! installed, each patched file is also run under it, so the vtables the loader computes
//! are checked against what Mono's calls reach, and the one place vcall is stricter than
//! Mono (overriding a final method) stays documented by Mono's own output.

use std::path::{Path, PathBuf};
use std::process::Command;
use vcall_metadata::assembly::Assembly;
use vcall_metadata::class::{ClassInfo, SlotKind};
use vcall_metadata::dump::dump_class;
use vcall_metadata::loader::{Loader, MethodKey, TypeKey};
use vcall_metadata::tables::schema;
use vcall_metadata::token::{RowIndex, TableId};

const MA_FINAL: u32 = 0x20;

fn fixture() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/Overrides.exe")
}

fn corlib() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../corlib/mscorlib.dll")
}

/// The fixture's bytes and its parse, whose row positions say where to patch.
fn original() -> (Vec<u8>, Assembly) {
    let bytes = std::fs::read(fixture()).unwrap();
    let asm = Assembly::load(&fixture()).unwrap();
    (bytes, asm)
}

fn type_row(asm: &Assembly, name: &str) -> u32 {
    (1..=asm.tables.rows(TableId::TypeDef))
        .find(|&r| asm.string(asm.type_def(RowIndex(r)).name).unwrap() == name)
        .unwrap_or_else(|| panic!("no type {name}"))
}

fn method_row(asm: &Assembly, ty: &str, name: &str) -> u32 {
    asm.methods_of(RowIndex(type_row(asm, ty)))
        .into_iter()
        .find(|&m| asm.string(asm.method_def(m).name).unwrap() == name)
        .unwrap_or_else(|| panic!("no method {ty}::{name}"))
        .0
}

fn method_impl_row(asm: &Assembly, ty: &str) -> u32 {
    let class = type_row(asm, ty);
    (1..=asm.tables.rows(TableId::MethodImpl))
        .find(|&r| asm.method_impl(RowIndex(r)).class.0 == class)
        .unwrap_or_else(|| panic!("no MethodImpl row of {ty}"))
}

/// Overwrites one cell in place (same width, so nothing else moves).
fn patch_cell(bytes: &mut [u8], asm: &Assembly, t: TableId, row: u32, col: usize, value: u32) {
    let stream = asm.streams.tables.clone().unwrap().start;
    let (start, _) = asm.tables.row_position(t, RowIndex(row)).unwrap();
    let cols = schema(t);
    let before: usize = cols[..col]
        .iter()
        .map(|&c| asm.tables.widths.column_size(c))
        .sum();
    let width = asm.tables.widths.column_size(cols[col]);
    let at = stream + start + before;
    bytes[at..at + width].copy_from_slice(&value.to_le_bytes()[..width]);
}

fn make_final(bytes: &mut [u8], asm: &Assembly, ty: &str, name: &str) {
    let row = method_row(asm, ty, name);
    let flags = asm.raw_cell(TableId::MethodDef, RowIndex(row), 2);
    patch_cell(bytes, asm, TableId::MethodDef, row, 2, flags | MA_FINAL);
}

/// Points the MethodImpl row of `ty` (its explicit IProbe.Probe) at MethodDef `decl`:
/// MethodDefOrRef tag 0 is MethodDef.
fn redirect_method_impl(bytes: &mut [u8], asm: &Assembly, ty: &str, decl: u32) {
    let row = method_impl_row(asm, ty);
    patch_cell(bytes, asm, TableId::MethodImpl, row, 2, decl << 1);
}

fn write(name: &str, bytes: &[u8]) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("vcall-meta-overrides-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let p = dir.join(name);
    std::fs::write(&p, bytes).unwrap();
    p
}

struct Loaded {
    loader: Loader,
    path: PathBuf,
    main: vcall_metadata::loader::AssemblyIdx,
}

impl Loaded {
    fn new(name: &str, bytes: &[u8]) -> Loaded {
        let path = write(name, bytes);
        let mut loader = Loader::new(&corlib(), 19).unwrap();
        let main = loader.load_main(&path).unwrap();
        Loaded { loader, path, main }
    }

    fn key(&self, name: &str) -> TypeKey {
        self.loader
            .find_type(self.main, "", name)
            .unwrap_or_else(|| panic!("no type {name}"))
    }

    fn class(&self, name: &str) -> Result<std::sync::Arc<ClassInfo>, String> {
        self.loader.class(self.key(name)).map_err(|e| e.to_string())
    }

    fn method(&self, ty: &str, name: &str) -> MethodKey {
        let asm = self.loader.assembly_at(self.main);
        MethodKey {
            assembly: self.main,
            row: RowIndex(method_row(asm, ty, name)),
        }
    }

    /// (method, kind) of every slot, the method as `Type::Name`.
    fn slots(&self, name: &str) -> Vec<(String, SlotKind)> {
        self.class(name)
            .unwrap()
            .vtable()
            .iter()
            .map(|s| (self.loader.method_display(s.method), s.kind))
            .collect()
    }

    /// The vtable slot the interface map gives IProbe.Probe in class `name`.
    fn probe_slot(&self, name: &str) -> u32 {
        let c = self.class(name).unwrap();
        let iprobe = self.key("IProbe");
        c.interface_map(iprobe).unwrap().slots.get(0).unwrap()
    }

    /// Mono's output for the file, or None (with a note) when Mono is not installed.
    fn mono(&self) -> Option<Vec<String>> {
        let out = match Command::new("mono").arg(&self.path).output() {
            Ok(o) => o,
            Err(_) => {
                eprintln!("note: mono not installed; not comparing with Mono");
                return None;
            }
        };
        assert!(
            out.status.success(),
            "mono {}: {}",
            self.path.display(),
            String::from_utf8_lossy(&out.stderr)
        );
        Some(
            String::from_utf8_lossy(&out.stdout)
                .lines()
                .map(str::to_string)
                .collect(),
        )
    }
}

fn slot_of(slots: &[(String, SlotKind)], method: &str) -> Vec<usize> {
    slots
        .iter()
        .enumerate()
        .filter(|(_, s)| s.0 == method)
        .map(|(i, _)| i)
        .collect()
}

#[test]
fn the_unpatched_fixture_loads_and_matches_mono() {
    let (bytes, _) = original();
    let l = Loaded::new("Overrides.exe", &bytes);
    for t in l.loader.all_types(l.main) {
        l.loader.class(t).unwrap();
    }
    let base = l.slots("Base");
    let derived = l.slots("Derived");
    let sealed = slot_of(&base, "Base::Sealed");
    assert_eq!(sealed.len(), 1);
    assert_eq!(
        derived[sealed[0]],
        ("Derived::Sealed".to_string(), SlotKind::Override)
    );
    if let Some(out) = l.mono() {
        assert_eq!(
            out,
            [
                "Base.Sealed Hider.Sealed",
                "Base.Who Explicit.IProbe.Probe",
                "Mid.Who Deep.IProbe.Probe",
                "Derived.Sealed"
            ]
        );
    }
}

#[test]
fn overriding_a_final_method_without_newslot_is_refused_naming_type_and_methods() {
    let (mut bytes, asm) = original();
    make_final(&mut bytes, &asm, "Base", "Sealed");
    let l = Loaded::new("FinalOverride.exe", &bytes);
    let derived = type_row(&asm, "Derived");
    let err = l.class("Derived").unwrap_err();
    let sealed = method_row(&asm, "Derived", "Sealed");
    let base_sealed = method_row(&asm, "Base", "Sealed");
    assert_eq!(
        err,
        format!(
            "FinalOverride.exe: 0x{:08x}: type Derived: method Derived::Sealed (0x{:08x}) \
             overrides final method Base::Sealed (0x{:08x}) without newslot",
            0x0200_0000 | derived,
            0x0600_0000 | sealed,
            0x0600_0000 | base_sealed
        )
    );
    // newslot is the sanctioned way past a final method: Hider gets a slot of its own and
    // Base's stays Base's.
    let base = l.slots("Base");
    let hider = l.slots("Hider");
    let s = slot_of(&base, "Base::Sealed")[0];
    assert_eq!(hider[s], ("Base::Sealed".into(), SlotKind::Inherited));
    let own = slot_of(&hider, "Hider::Sealed");
    assert_eq!(own.len(), 1);
    assert!(own[0] >= base.len(), "{hider:?}");
    assert_eq!(hider[own[0]].1, SlotKind::NewSlot);
    // --dump-layout says which slots are sealed.
    let dump = dump_class(&l.loader, &l.class("Base").unwrap());
    assert!(
        dump.contains("Base::Sealed() (newslot final)") && dump.contains("Base::Who() (newslot)"),
        "{dump}"
    );
    // Mono 6.8 loads Derived all the same, and its JIT binds the call of a final method
    // directly: d.Sealed() runs Base.Sealed although Derived's vtable slot holds the
    // override. That inconsistency is why vcall refuses the type instead.
    if let Some(out) = l.mono() {
        assert_eq!(out[3], "Base.Sealed", "{out:?}");
    }
}

#[test]
fn method_impl_overrides_a_class_method_in_the_slot_its_declaration_was_given() {
    let (mut bytes, asm) = original();
    let who = method_row(&asm, "Base", "Who");
    redirect_method_impl(&mut bytes, &asm, "Explicit", who);
    redirect_method_impl(&mut bytes, &asm, "Deep", who);
    let l = Loaded::new("ClassMethodImpl.exe", &bytes);
    let base = l.slots("Base");
    let who_slot = slot_of(&base, "Base::Who")[0];
    // Explicit: the body replaces Base::Who in its slot and keeps the new slot its
    // newslot flag gives it; IProbe.Probe, no longer named by the MethodImpl, falls to
    // the public virtual Probe by name.
    let explicit = l.slots("Explicit");
    assert_eq!(
        explicit[who_slot],
        ("Explicit::IProbe.Probe".into(), SlotKind::Override)
    );
    let probe = slot_of(&explicit, "Explicit::Probe");
    assert_eq!(probe.len(), 1);
    assert_eq!(l.probe_slot("Explicit"), probe[0] as u32);
    // Deep: Mid overrode Base::Who, so the slot holds Mid::Who, not the declaration; the
    // body still goes there.
    let mid = l.slots("Mid");
    assert_eq!(mid[who_slot], ("Mid::Who".into(), SlotKind::Override));
    let deep = l.slots("Deep");
    assert_eq!(
        deep[who_slot],
        ("Deep::IProbe.Probe".into(), SlotKind::Override)
    );
    assert_eq!(
        l.probe_slot("Deep"),
        slot_of(&deep, "Deep::Probe")[0] as u32
    );
    // Each slot holds what Mono's virtual calls reach.
    if let Some(out) = l.mono() {
        assert_eq!(out[1], "Explicit.IProbe.Probe Explicit.Probe", "{out:?}");
        assert_eq!(out[2], "Deep.IProbe.Probe Deep.Probe", "{out:?}");
    }
    // The method keys agree with the displayed names.
    let c = l.class("Deep").unwrap();
    assert_eq!(
        c.vtable().get(who_slot).unwrap().method,
        l.method("Deep", "IProbe.Probe")
    );
}

#[test]
fn method_impl_of_a_final_or_unrelated_class_method_is_refused() {
    let (bytes, asm) = original();
    let explicit = 0x0200_0000 | type_row(&asm, "Explicit");
    let body = 0x0600_0000 | method_row(&asm, "Explicit", "IProbe.Probe");
    // Final declaration.
    let mut b = bytes.clone();
    let who = method_row(&asm, "Base", "Who");
    redirect_method_impl(&mut b, &asm, "Explicit", who);
    make_final(&mut b, &asm, "Base", "Who");
    let l = Loaded::new("FinalMethodImpl.exe", &b);
    assert_eq!(
        l.class("Explicit").unwrap_err(),
        format!(
            "FinalMethodImpl.exe: 0x{explicit:08x}: type Explicit: MethodImpl body \
             Explicit::IProbe.Probe (0x{body:08x}) overrides Base::Who (0x{:08x}), which is final",
            0x0600_0000 | who
        )
    );
    // A virtual method of a class Explicit does not derive from (Mono: "Method overrides a
    // class or interface that is not extended or implemented by this type").
    let mut b = bytes.clone();
    let hider = method_row(&asm, "Hider", "Sealed");
    redirect_method_impl(&mut b, &asm, "Explicit", hider);
    let l = Loaded::new("UnrelatedMethodImpl.exe", &b);
    assert_eq!(
        l.class("Explicit").unwrap_err(),
        format!(
            "UnrelatedMethodImpl.exe: 0x{explicit:08x}: type Explicit: MethodImpl body \
             Explicit::IProbe.Probe (0x{body:08x}) overrides Hider::Sealed (0x{:08x}), which is \
             not a virtual method of Explicit or of a base class",
            0x0600_0000 | hider
        )
    );
    // Both leave the rest of the program loadable.
    assert!(l.class("Deep").is_ok());
}
