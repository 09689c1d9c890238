//! Snapshot tests of `--dump-layout`: field offsets, vtables (override/newslot), interface
//! maps and IMT plans of the dispatch test programs, in normal and 1-slot IMT modes.

use std::path::Path;

fn dump(program: &str, imt_size: u32) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/programs")
        .join(format!("{program}.exe"));
    vcall::inspect::dump_layout(&path, &[], imt_size).unwrap_or_else(|e| panic!("{program}: {e}"))
}

fn snapshot(name: &str, text: String) {
    insta::with_settings!({ snapshot_path => "../snapshots", prepend_module_to_snapshot => false, omit_expression => true }, {
        insta::assert_snapshot!(name, text);
    });
}

macro_rules! layout_tests {
    ($($test:ident => $program:literal),* $(,)?) => {
        $(
            #[test]
            fn $test() {
                snapshot(concat!("layout_", $program), dump($program, 19));
            }
        )*
    };
}

layout_tests! {
    override_chains => "OverrideChains",
    newslot_hiding => "NewslotHiding",
    abstract_sealed => "AbstractSealed",
    explicit_interface => "ExplicitInterface",
    diamond_interface => "DiamondInterface",
    reimplementation => "Reimplementation",
    many_interfaces => "ManyInterfaces",
    explicit_layout => "ExplicitLayout",
    structs => "Structs",
}

#[test]
fn forced_collision_mode_puts_every_interface_method_in_one_slot() {
    let text = dump("ManyInterfaces", 1);
    assert!(
        text.contains("imt (1 slots, 1 used, 1 colliding)"),
        "{text}"
    );
    snapshot("layout_ManyInterfaces_imt1", text);
}

#[test]
fn a_type_can_be_dumped_alone() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/programs/OverrideChains.exe");
    let all = vcall::inspect::dump_layout(&path, &[], 19).unwrap();
    let first = all
        .lines()
        .next()
        .unwrap()
        .split_whitespace()
        .nth(1)
        .unwrap()
        .to_string();
    let one = vcall::inspect::dump_layout(&path, &[first.clone()], 19).unwrap();
    assert!(one.starts_with(&format!("class {first} ")));
    assert!(one.len() < all.len());
    assert!(vcall::inspect::dump_layout(&path, &["No.Such.Type".into()], 19).is_err());
}
