//! Counters reported by `--stats`, named after `mono --stats` where Mono has a name.

use std::cell::Cell;

#[derive(Default)]
pub struct Stats {
    pub classes: Cell<u64>,
    pub vtable_bytes: Cell<u64>,
    pub imt_tables: Cell<u64>,
    pub imt_tables_bytes: Cell<u64>,
    pub specific_trampolines: Cell<u64>,
    pub trampoline_calls: Cell<u64>,
    pub virtual_trampoline_calls: Cell<u64>,
    pub imt_trampoline_calls: Cell<u64>,
    pub compiled_methods: Cell<u64>,
    pub il_bytes: Cell<u64>,
    pub native_code_bytes: Cell<u64>,
    pub class_load_ns: Cell<u64>,
    pub jit_ns: Cell<u64>,
    pub trampoline_ns: Cell<u64>,
    pub imt_methods: Cell<u64>,
    pub imt_used_slots: Cell<u64>,
    pub imt_colliding_slots: Cell<u64>,
    pub imt_max_collisions: Cell<u64>,
    pub imt_methods_at_max: Cell<u64>,
    pub imt_stub_bytes: Cell<u64>,
    pub imt_stubs: Cell<u64>,
    pub unbox_thunks: Cell<u64>,
    pub classes_initialised: Cell<u64>,
    pub inlined_calls: Cell<u64>,
    pub frameless_methods: Cell<u64>,
}

impl Stats {
    pub fn add(cell: &Cell<u64>, v: u64) {
        cell.set(cell.get() + v);
    }
}

/// Prints the counters like `mono --stats`, Mono's names first.
pub fn print(rt: &super::Runtime) {
    let s = &rt.stats;
    let d = &vcall_dispatch::stats::global();
    let ms = |ns: u64| ns as f64 / 1e6;
    // ClassInfo decoded from AOT images vs computed from metadata (`--aot=metadata-only`).
    let (from_image, computed) = rt.loader.class_source_counts();
    let rows: Vec<(&str, String)> = vec![
        ("Compiled methods", s.compiled_methods.get().to_string()),
        ("Methods from AOT", "0".into()),
        ("IL bytes compiled", s.il_bytes.get().to_string()),
        ("Native code bytes", s.native_code_bytes.get().to_string()),
        ("JIT trampolines", s.specific_trampolines.get().to_string()),
        (
            "JIT trampolines size",
            d.specific_trampoline_bytes().to_string(),
        ),
        ("Calls to trampolines", s.trampoline_calls.get().to_string()),
        (
            "Virtual trampoline calls",
            s.virtual_trampoline_calls.get().to_string(),
        ),
        (
            "IMT trampoline calls",
            s.imt_trampoline_calls.get().to_string(),
        ),
        ("Unboxing thunks", s.unbox_thunks.get().to_string()),
        ("Inlined call sites", s.inlined_calls.get().to_string()),
        (
            "Frameless leaf methods",
            s.frameless_methods.get().to_string(),
        ),
        ("IMT tables size", s.imt_tables_bytes.get().to_string()),
        ("IMT number of tables", s.imt_tables.get().to_string()),
        ("IMT number of methods", s.imt_methods.get().to_string()),
        ("IMT used slots", s.imt_used_slots.get().to_string()),
        (
            "IMT colliding slots",
            s.imt_colliding_slots.get().to_string(),
        ),
        ("IMT max collisions", s.imt_max_collisions.get().to_string()),
        (
            "IMT methods at max col",
            s.imt_methods_at_max.get().to_string(),
        ),
        ("IMT trampolines size", d.imt_stub_bytes().to_string()),
        ("IMT collision stubs", s.imt_stubs.get().to_string()),
        ("VTable data size", s.vtable_bytes.get().to_string()),
        ("Initialized classes", s.classes.get().to_string()),
        (
            "Classes initialised (cctors run)",
            s.classes_initialised.get().to_string(),
        ),
        ("Code memory used", rt.code.used_bytes().to_string()),
        ("Classes from AOT image", from_image.to_string()),
        ("Classes computed", computed.to_string()),
        (
            "ClassInfo time (ms)",
            format!("{:.3}", ms(rt.loader.class_info_ns())),
        ),
        (
            "Class loading time (ms)",
            format!("{:.3}", ms(s.class_load_ns.get())),
        ),
        ("JIT time (ms)", format!("{:.3}", ms(s.jit_ns.get()))),
        (
            "Trampoline time (ms)",
            format!("{:.3}", ms(s.trampoline_ns.get())),
        ),
    ];
    let mut out = String::from("vcall statistics\n");
    for (k, v) in rows {
        out.push_str(&format!("{k:<34}: {v}\n"));
    }
    super::gc::print_stats(&mut out);
    super::natives::flush_stdout();
    eprint!("{out}");
}
