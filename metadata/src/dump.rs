//! Readable text of a `ClassInfo`, for `vcall --dump-layout` and its snapshot tests.

use crate::class::{ClassInfo, SlotKind, ValueKind};
use crate::lists::List;
use crate::loader::{Loader, MethodKey};
use crate::token::TableId;
use std::fmt::Write;

fn kind_name(loader: &Loader, f: &crate::class::FieldType) -> String {
    match (f.kind, f.class) {
        (ValueKind::Ref, Some(c)) | (ValueKind::Struct, Some(c)) => loader.type_full_name(c),
        (k, _) => format!("{k:?}").to_lowercase(),
    }
}

/// Renders one class: header, fields with offsets, vtable, interface map and IMT.
pub fn dump_class(loader: &Loader, c: &ClassInfo) -> String {
    let mut s = String::new();
    let parent = c
        .parent
        .map(|p| loader.type_full_name(p))
        .unwrap_or_else(|| "-".into());
    let _ = writeln!(s, "class {} : {}", c.full_name(), parent);
    let _ = writeln!(s, "  flags: {}", c.flags.names().join(" "));
    let _ = writeln!(
        s,
        "  instance size: {}  align: {}  packing: {}  static size: {}",
        c.instance_size, c.min_align, c.packing, c.static_size
    );
    if let Some(p) = c.primitive {
        let _ = writeln!(s, "  primitive: {}", format!("{p:?}").to_lowercase());
    }
    if !c.ref_bitmap().is_empty() {
        let _ = writeln!(s, "  reference words: {}", bitmap_text(c.ref_bitmap()));
    }
    if !c.static_ref_bitmap().is_empty() {
        let _ = writeln!(
            s,
            "  static reference words: {}",
            bitmap_text(c.static_ref_bitmap())
        );
    }
    if let Some(cc) = c.cctor {
        let _ = writeln!(s, "  cctor: {}", loader.method_display(cc));
    }
    if !c.fields.is_empty() {
        let _ = writeln!(s, "  fields:");
        for f in &c.fields {
            let place = if f.is_literal {
                "const".to_string()
            } else if f.is_static {
                format!("static +{}", f.offset)
            } else {
                format!("+{}", f.offset)
            };
            let _ = writeln!(
                s,
                "    {:<12} {} {} (size {})",
                place,
                kind_name(loader, &f.ty),
                f.name,
                f.size
            );
        }
    }
    if c.is_interface() {
        let _ = writeln!(s, "  interface methods:");
        for (i, m) in c.interface_methods().iter().enumerate() {
            let _ = writeln!(s, "    [{i}] {}", loader.method_display_sig(m));
        }
    }
    if !c.vtable().is_empty() {
        let _ = writeln!(s, "  vtable ({} slots):", c.vtable().len());
        for (i, slot) in c.vtable().iter().enumerate() {
            let mark = match slot.kind {
                SlotKind::NewSlot => "newslot",
                SlotKind::Override => "override",
                SlotKind::Inherited => "inherited",
            };
            let abs = if slot.is_abstract { " abstract" } else { "" };
            // Sealed slots matter to a reader: no subclass may override them, and calls to
            // them can be bound directly.
            let fin = if is_final(loader, slot.method) {
                " final"
            } else {
                ""
            };
            let _ = writeln!(
                s,
                "    [{i:>3}] {} ({mark}{abs}{fin})",
                loader.method_display_sig(slot.method)
            );
        }
    }
    if !c.interfaces().is_empty() {
        let _ = writeln!(s, "  interfaces:");
        for m in c.interfaces() {
            let _ = writeln!(s, "    {}", loader.type_full_name(m.interface));
            if let Ok(ic) = loader.class(m.interface) {
                for (j, slot) in m.slots.iter().enumerate() {
                    let im = ic
                        .interface_methods()
                        .get(j)
                        .map(|x| loader.method_name(x))
                        .unwrap_or_default();
                    if slot == u32::MAX {
                        let _ = writeln!(s, "      {im} -> (none, abstract class)");
                    } else {
                        let target = c
                            .vtable()
                            .get(slot as usize)
                            .map(|v| loader.method_display(v.method))
                            .unwrap_or_default();
                        let _ = writeln!(s, "      {im} -> slot {slot} {target}");
                    }
                }
            }
        }
    }
    let imt = c.imt();
    if !imt.is_empty() {
        let used = imt.buckets().filter(|b| !b.is_empty()).count();
        let colliding = imt.buckets().filter(|b| b.len() > 1).count();
        let _ = writeln!(
            s,
            "  imt ({} slots, {used} used, {colliding} colliding):",
            imt.size
        );
        for (i, bucket) in imt.buckets().enumerate() {
            if bucket.is_empty() {
                continue;
            }
            let entries: Vec<String> = bucket
                .iter()
                .map(|e| {
                    format!(
                        "{}::{} -> slot {}",
                        loader.type_full_name(loader.method_owner(e.interface_method)),
                        loader.method_name(e.interface_method),
                        e.vtable_slot
                    )
                })
                .collect();
            let tag = if bucket.len() > 1 { " collision" } else { "" };
            let _ = writeln!(s, "    [{i:>2}]{tag} {}", entries.join("; "));
        }
    }
    s
}

/// The MethodDef's `final` flag (MethodAttributes.Final, 0x20).
fn is_final(loader: &Loader, m: MethodKey) -> bool {
    let a = loader.assembly_at(m.assembly);
    a.tables.has_row(TableId::MethodDef, m.row) && a.method_def(m.row).flags & 0x20 != 0
}

fn bitmap_text(bitmap: List<'_, u64>) -> String {
    let offsets: Vec<String> = bitmap.set_bits().map(|w| (w * 8).to_string()).collect();
    format!("at byte offsets {}", offsets.join(","))
}
