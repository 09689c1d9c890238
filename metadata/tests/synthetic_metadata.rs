//! Table streams no test program has, written by tests/synth: (1) tables past 65,535 rows
//! and heaps past 64 KiB, so table, coded and heap index columns are 4 bytes wide, read on
//! both sides of each threshold; (2) uncompressed `#-` streams whose FieldPtr, MethodPtr,
//! ParamPtr, EventPtr and PropertyPtr tables permute the members, which must be found
//! through that indirection (and, as in Mono, only in a `#-` stream).

mod synth;

use std::process::Command;
use synth::{t, Builder, Cell::*};
use vcall_metadata::assembly::Assembly;
use vcall_metadata::tables::{schema, Column};
use vcall_metadata::token::{RowIndex, TableId, Token};

fn parse(name: &str, bytes: Vec<u8>) -> Assembly {
    Assembly::from_bytes(name.into(), name.into(), bytes)
        .unwrap_or_else(|e| panic!("{name}: synthetic image refused: {e}"))
}

fn row_size(asm: &Assembly, table: TableId) -> usize {
    asm.tables.row_position(table, RowIndex(1)).unwrap().1
}

fn col_size(asm: &Assembly, table: TableId, col: usize) -> usize {
    asm.tables.widths.column_size(schema(table)[col])
}

/// The sizes that set the index widths of the "big" module.
#[derive(Clone, Copy)]
struct Shape {
    methods: u32,
    type_refs: u32,
    /// 64 KiB or more in #Strings, #Blob and #GUID.
    big_heaps: bool,
}

/// What `big_module` wrote where, to check the decoded values against.
struct Written {
    method_lists: Vec<u32>,
    sig: u32,
    sig_bytes: Vec<u8>,
    /// (MemberRef row, MethodDef row of its parent)
    member_ref_parents: Vec<(u32, u32)>,
    guid_index: u32,
    guid: [u8; 16],
    last_type_ref_name: u32,
}

fn method_name(big_heaps: bool, row: u32) -> String {
    if big_heaps {
        format!("m{row}")
    } else {
        "m".into()
    }
}

/// A module whose MethodDef table has `shape.methods` rows shared among six types so that
/// the MethodList cells fall on both sides of 65,536, and whose other tables refer to
/// MethodDef rows through every kind of column: plain (MethodSemantics.Method), 1-bit
/// (MethodDefOrRef, TypeOrMethodDef), 3-bit (MemberRefParent, CustomAttributeType) and
/// 5-bit (HasCustomAttribute) coded indices.
fn big_module(shape: Shape) -> (Vec<u8>, Written) {
    let mut b = Builder::new();
    let n = shape.methods;
    let name = b.string("big.dll");
    let (guid_index, guid) = if shape.big_heaps {
        // 4,097 GUIDs are 65,552 bytes: HeapSizes bit 0x02.
        for i in 0..4096u32 {
            let mut g = [0u8; 16];
            g[..4].copy_from_slice(&i.to_le_bytes());
            b.guid(g);
        }
        let g = [0xA5; 16];
        (b.guid(g), g)
    } else {
        let g = [0x5A; 16];
        (b.guid(g), g)
    };
    b.push(
        t::MODULE,
        vec![
            U16(0),
            Str(name),
            Guid(guid_index),
            Guid(0),
            Guid(guid_index - 1),
        ],
    );
    b.push(
        t::ASSEMBLYREF,
        vec![
            U16(4),
            U16(0),
            U16(0),
            U16(0),
            U32(0),
            Blob(0),
            Str(name),
            Str(0),
            Blob(0),
        ],
    );
    let object = b.string("Object");
    let system = b.string("System");
    for _ in 1..shape.type_refs {
        b.push(
            t::TYPEREF,
            vec![
                Coded(&synth::RESOLUTION_SCOPE, t::ASSEMBLYREF, 1),
                Str(object),
                Str(system),
            ],
        );
    }
    let last_type_ref_name = b.string("Last");
    b.push(
        t::TYPEREF,
        vec![
            Coded(&synth::RESOLUTION_SCOPE, t::ASSEMBLYREF, 1),
            Str(last_type_ref_name),
            Str(system),
        ],
    );
    // Types: <Module> and A empty-handed, then runs ending either side of row 65,536, the
    // last type's list starting one past the end.
    let method_lists = vec![1, 1, 65_535.min(n), 65_536.min(n), 65_537.min(n + 1), n + 1];
    for (i, &ml) in method_lists.iter().enumerate() {
        let tn = b.string(&format!("T{i}"));
        let extends = if i == 0 {
            Coded(&synth::TYPE_DEF_OR_REF, t::TYPEDEF, 0)
        } else {
            Coded(&synth::TYPE_DEF_OR_REF, t::TYPEREF, shape.type_refs)
        };
        b.push(
            t::TYPEDEF,
            vec![
                U32(0x100001),
                Str(tn),
                Str(0),
                extends,
                Row(t::FIELD, 1),
                Row(t::METHODDEF, ml),
            ],
        );
    }
    let f = b.string("f");
    b.push(t::FIELD, vec![U16(6), Str(f), Blob(0)]);
    if shape.big_heaps {
        // 70,000 bytes of one blob push the signature past index 65,535: HeapSizes 0x04.
        b.blob(&vec![0x55; 70_000]);
    }
    let sig_bytes = vec![0x20, 0x00, 0x01]; // instance void ()
    let sig = b.blob(&sig_bytes);
    let shared_name = b.string("m");
    for r in 1..=n {
        let nm = if shape.big_heaps {
            b.string(&method_name(true, r))
        } else {
            shared_name
        };
        let params = if r == 1 { 1 } else { 3 };
        b.push(
            t::METHODDEF,
            vec![
                U32(0),
                U16(0),
                U16(0x0086),
                Str(nm),
                Blob(sig),
                Row(t::PARAM, params),
            ],
        );
    }
    for seq in 1..=2 {
        let pn = b.string(&format!("p{seq}"));
        b.push(t::PARAM, vec![U16(0), U16(seq), Str(pn)]);
    }
    let mut member_ref_parents = Vec::new();
    for target in [8_191, 8_192, 65_535, 65_536, n] {
        let target = target.min(n);
        let r = b.push(
            t::MEMBERREF,
            vec![
                Coded(&synth::MEMBER_REF_PARENT, t::METHODDEF, target),
                Str(shared_name),
                Blob(sig),
            ],
        );
        member_ref_parents.push((r, target));
    }
    b.push(
        t::CUSTOMATTRIBUTE,
        vec![
            Coded(&synth::HAS_CUSTOM_ATTRIBUTE, t::METHODDEF, n),
            Coded(&synth::CUSTOM_ATTRIBUTE_TYPE, t::METHODDEF, n - 1),
            Blob(0),
        ],
    );
    b.push(
        t::PROPERTYMAP,
        vec![Row(t::TYPEDEF, 2), Row(t::PROPERTY, 1)],
    );
    let pn = b.string("P");
    b.push(t::PROPERTY, vec![U16(0), Str(pn), Blob(0)]);
    b.push(
        t::METHODSEMANTICS,
        vec![
            U16(2),
            Row(t::METHODDEF, n - 2),
            Coded(&synth::HAS_SEMANTICS, t::PROPERTY, 1),
        ],
    );
    b.push(
        t::METHODIMPL,
        vec![
            Row(t::TYPEDEF, 5),
            Coded(&synth::METHOD_DEF_OR_REF, t::METHODDEF, n),
            Coded(&synth::METHOD_DEF_OR_REF, t::MEMBERREF, 5),
        ],
    );
    let gp = b.string("T");
    b.push(
        t::GENERICPARAM,
        vec![
            U16(0),
            U16(0),
            Coded(&synth::TYPE_OR_METHOD_DEF, t::METHODDEF, n),
            Str(gp),
        ],
    );
    assert_eq!(b.heap_flags() & 0x07 != 0, shape.big_heaps);
    (
        b.pe(),
        Written {
            method_lists,
            sig,
            sig_bytes,
            member_ref_parents,
            guid_index,
            guid,
            last_type_ref_name,
        },
    )
}

fn method(row: u32) -> Token {
    Token::new(TableId::MethodDef, RowIndex(row))
}

/// Decodes everything `big_module` wrote and checks it, whatever the widths.
fn check_values(asm: &Assembly, shape: Shape, w: &Written) {
    let n = shape.methods;
    assert_eq!(asm.tables.rows(TableId::MethodDef), n);
    assert_eq!(asm.tables.rows(TableId::TypeRef), shape.type_refs);
    assert_eq!(asm.mvid().unwrap(), w.guid);
    assert_eq!(
        asm.raw_cell(TableId::Module, RowIndex(1), 4),
        w.guid_index - 1
    );
    let last_ref = asm.type_ref(RowIndex(shape.type_refs));
    assert_eq!(last_ref.name, w.last_type_ref_name);
    assert_eq!(asm.string(last_ref.name).unwrap(), "Last");
    assert_eq!(
        last_ref.scope,
        Token::new(TableId::AssemblyRef, RowIndex(1))
    );
    // MethodList cells and the runs of methods they give.
    for (i, &ml) in w.method_lists.iter().enumerate() {
        let row = RowIndex(i as u32 + 1);
        let td = asm.type_def(row);
        assert_eq!(td.method_list, ml, "TypeDef {} MethodList", row.0);
        assert_eq!(asm.string(td.name).unwrap(), format!("T{i}"));
        let next = w.method_lists.get(i + 1).copied().unwrap_or(n + 1);
        let expected: Vec<RowIndex> = (ml..next).map(RowIndex).collect();
        assert_eq!(asm.methods_of(row), expected, "methods of T{i}");
        if i > 0 {
            assert_eq!(
                td.extends,
                Token::new(TableId::TypeRef, RowIndex(shape.type_refs))
            );
        }
    }
    // MethodDef rows either side of 65,536, and their heap indices.
    for r in [1, 2, 65_535, 65_536, 65_537, n - 1, n] {
        let r = r.min(n);
        let m = asm.method_def(RowIndex(r));
        assert_eq!(
            asm.string(m.name).unwrap(),
            method_name(shape.big_heaps, r),
            "MethodDef {r}"
        );
        assert_eq!(m.flags, 0x0086);
        assert_eq!(m.signature, w.sig);
        assert_eq!(asm.blob(m.signature).unwrap(), &w.sig_bytes[..]);
        assert_eq!(m.param_list, if r == 1 { 1 } else { 3 });
    }
    assert_eq!(asm.params_of(RowIndex(1)), vec![RowIndex(1), RowIndex(2)]);
    assert!(asm.params_of(RowIndex(n)).is_empty());
    for &(r, target) in &w.member_ref_parents {
        assert_eq!(
            asm.member_ref(RowIndex(r)).parent,
            method(target),
            "MemberRef {r}"
        );
    }
    let ca = |c| Token(asm.raw_cell(TableId::CustomAttribute, RowIndex(1), c));
    assert_eq!((ca(0), ca(1)), (method(n), method(n - 1)));
    let ms = |c| asm.raw_cell(TableId::MethodSemantics, RowIndex(1), c);
    assert_eq!((ms(0), ms(1)), (2, n - 2));
    assert_eq!(Token(ms(2)), Token::new(TableId::Property, RowIndex(1)));
    let mi = asm.method_impl(RowIndex(1));
    assert_eq!(
        (mi.class, mi.body, mi.declaration),
        (
            RowIndex(5),
            method(n),
            Token::new(TableId::MemberRef, RowIndex(5))
        )
    );
    assert_eq!(
        Token(asm.raw_cell(TableId::GenericParam, RowIndex(1), 2)),
        method(n)
    );
    assert_eq!(
        asm.string(asm.raw_cell(TableId::GenericParam, RowIndex(1), 3))
            .unwrap(),
        "T"
    );
}

#[test]
fn tables_past_65535_rows_and_heaps_past_64k_use_4_byte_indices() {
    let shape = Shape {
        methods: 70_000,
        type_refs: 1 << 14,
        big_heaps: true,
    };
    let (bytes, w) = big_module(shape);
    let asm = parse("big.dll", bytes);
    let widths = &asm.tables.widths;
    assert!(widths.wide_strings && widths.wide_guid && widths.wide_blob);
    // Row sizes from ECMA-335 II.22 with 4-byte MethodDef, heap and most coded indices,
    // 2-byte Field, Param, TypeDef, Property and HasSemantics.
    let expect = [
        (TableId::Module, 2 + 4 + 4 + 4 + 4),
        (TableId::TypeRef, 4 + 4 + 4),
        (TableId::TypeDef, 4 + 4 + 4 + 4 + 2 + 4),
        (TableId::Field, 2 + 4 + 4),
        (TableId::MethodDef, 4 + 2 + 2 + 4 + 4 + 2),
        (TableId::Param, 2 + 2 + 4),
        (TableId::MemberRef, 4 + 4 + 4),
        (TableId::CustomAttribute, 4 + 4 + 4),
        (TableId::PropertyMap, 2 + 2),
        (TableId::Property, 2 + 4 + 4),
        (TableId::MethodSemantics, 2 + 4 + 2),
        (TableId::MethodImpl, 2 + 4 + 4),
        (TableId::GenericParam, 2 + 2 + 4 + 4),
        (TableId::AssemblyRef, 2 * 4 + 4 + 4 + 4 + 4 + 4),
    ];
    for (table, size) in expect {
        assert_eq!(row_size(&asm, table), size, "{table:?} row size");
    }
    assert_eq!(col_size(&asm, TableId::TypeDef, 5), 4, "TypeDef.MethodList");
    assert_eq!(col_size(&asm, TableId::TypeDef, 4), 2, "TypeDef.FieldList");
    check_values(&asm, shape, &w);
    // The last row of the last table ends where the stream's rows do.
    let (start, size) = asm
        .tables
        .row_position(TableId::GenericParam, RowIndex(1))
        .unwrap();
    let stream = asm.streams.tables.clone().unwrap();
    assert!(start + size <= stream.len() && stream.len() - (start + size) < 4);
}

#[test]
fn just_below_each_threshold_indices_stay_2_bytes() {
    let shape = Shape {
        // Not 65,535: the last type's MethodList, one past the end, would then be 65,536,
        // which a 2-byte cell cannot hold (a corner ECMA-335 leaves open).
        methods: 65_534,
        type_refs: (1 << 14) - 1,
        big_heaps: false,
    };
    let (bytes, w) = big_module(shape);
    let asm = parse("small.dll", bytes);
    let widths = &asm.tables.widths;
    assert!(!widths.wide_strings && !widths.wide_guid && !widths.wide_blob);
    let expect = [
        (TableId::Module, 2 + 2 + 2 + 2 + 2),
        // ResolutionScope and TypeDefOrRef (2 tag bits) are narrow at 2^14 - 1 TypeRef rows.
        (TableId::TypeRef, 2 + 2 + 2),
        (TableId::TypeDef, 4 + 2 + 2 + 2 + 2 + 2),
        (TableId::MethodDef, 4 + 2 + 2 + 2 + 2 + 2),
        // 65,534 MethodDef rows still overflow the 3- and 5-bit tag spaces ...
        (TableId::MemberRef, 4 + 2 + 2),
        (TableId::CustomAttribute, 4 + 4 + 2),
        // ... and the 1-bit ones, whose limit is 2^15.
        (TableId::MethodImpl, 2 + 4 + 4),
        (TableId::GenericParam, 2 + 2 + 4 + 2),
        (TableId::MethodSemantics, 2 + 2 + 2),
    ];
    for (table, size) in expect {
        assert_eq!(row_size(&asm, table), size, "{table:?} row size");
    }
    check_values(&asm, shape, &w);
}

#[test]
fn a_wide_coded_index_past_its_table_is_refused_naming_table_row_and_target() {
    let shape = Shape {
        methods: 70_000,
        type_refs: 1 << 14,
        big_heaps: true,
    };
    let (mut bytes, _) = big_module(shape);
    let asm = parse("big.dll", bytes.clone());
    // MemberRef 5's parent, MethodDef 70,000, becomes MethodDef 70,001 (4-byte cell).
    let stream = asm.streams.tables.clone().unwrap().start;
    let (start, _) = asm
        .tables
        .row_position(TableId::MemberRef, RowIndex(5))
        .unwrap();
    let at = stream + start;
    assert_eq!(
        schema(TableId::MemberRef)[0],
        Column::Coded(vcall_metadata::tables::CodedKind::MemberRefParent)
    );
    bytes[at..at + 4].copy_from_slice(&((70_001u32 << 3) | 3).to_le_bytes());
    let err = Assembly::from_bytes("big.dll".into(), "big.dll".into(), bytes)
        .err()
        .expect("out-of-range parent accepted")
        .to_string();
    assert_eq!(
        err,
        "big.dll: table MemberRef row 5 references MethodDef row 70001, beyond its 70000 rows"
    );
}

/// Three types (after `<Module>`) whose members are listed through Ptr tables that
/// reverse or rotate the member rows; the map tables are not sorted by parent.
fn ptr_module(uncompressed: bool, extra_data: bool) -> Vec<u8> {
    let mut b = Builder::new();
    b.uncompressed = uncompressed;
    b.extra_data = extra_data;
    let mv = b.guid([7; 16]);
    let name = b.string("ptrs.dll");
    b.push(
        t::MODULE,
        vec![U16(0), Str(name), Guid(mv), Guid(0), Guid(0)],
    );
    let none = || Coded(&synth::TYPE_DEF_OR_REF, t::TYPEDEF, 0);
    // (name, FieldList, MethodList) in Ptr-table rows.
    for (n, fl, ml) in [("<Module>", 1, 1), ("A", 1, 1), ("B", 3, 3), ("C", 4, 4)] {
        let s = b.string(n);
        b.push(
            t::TYPEDEF,
            vec![
                U32(0),
                Str(s),
                Str(0),
                none(),
                Row(t::FIELD, fl),
                Row(t::METHODDEF, ml),
            ],
        );
    }
    let ptr = |b: &mut Builder, ptr_table: u8, target: u8, rows: &[u32]| {
        for &r in rows {
            b.push(ptr_table, vec![Row(target, r)]);
        }
    };
    // A: FieldPtr 1..2 = Field 3, 1; B: FieldPtr 3 = Field 2; C: none.
    ptr(&mut b, t::FIELDPTR, t::FIELD, &[3, 1, 2]);
    ptr(&mut b, t::METHODPTR, t::METHODDEF, &[3, 1, 2]);
    // m1: ParamPtr 1..2 = Param 2, 1; m2: none; m3: ParamPtr 3 = Param 3.
    ptr(&mut b, t::PARAMPTR, t::PARAM, &[2, 1, 3]);
    ptr(&mut b, t::EVENTPTR, t::EVENT, &[2, 1]);
    ptr(&mut b, t::PROPERTYPTR, t::PROPERTY, &[2, 1]);
    for i in 1..=3 {
        let s = b.string(&format!("f{i}"));
        b.push(t::FIELD, vec![U16(6), Str(s), Blob(0)]);
    }
    for (i, pl) in [(1, 1), (2, 3), (3, 3)] {
        let s = b.string(&format!("m{i}"));
        b.push(
            t::METHODDEF,
            vec![
                U32(0),
                U16(0),
                U16(0x0086),
                Str(s),
                Blob(0),
                Row(t::PARAM, pl),
            ],
        );
    }
    for i in 1..=3 {
        let s = b.string(&format!("p{i}"));
        b.push(t::PARAM, vec![U16(0), U16(i), Str(s)]);
    }
    // EventMap rows: B first (EventPtr 1 = Event 2), then A (EventPtr 2 = Event 1).
    b.push(t::EVENTMAP, vec![Row(t::TYPEDEF, 3), Row(t::EVENT, 1)]);
    b.push(t::EVENTMAP, vec![Row(t::TYPEDEF, 2), Row(t::EVENT, 2)]);
    for i in 1..=2 {
        let s = b.string(&format!("e{i}"));
        b.push(t::EVENT, vec![U16(0), Str(s), none()]);
    }
    // PropertyMap: A owns PropertyPtr 1..2 = Property 2, 1.
    b.push(
        t::PROPERTYMAP,
        vec![Row(t::TYPEDEF, 2), Row(t::PROPERTY, 1)],
    );
    for i in 1..=2 {
        let s = b.string(&format!("q{i}"));
        b.push(t::PROPERTY, vec![U16(0), Str(s), Blob(0)]);
    }
    b.pe()
}

type Names = Vec<String>;

fn names(asm: &Assembly, table: TableId, rows: Vec<RowIndex>) -> Names {
    let col = match table {
        TableId::Field | TableId::Event | TableId::Property => 1,
        TableId::MethodDef => 3,
        TableId::Param => 2,
        _ => unreachable!(),
    };
    rows.into_iter()
        .map(|r| asm.string(asm.raw_cell(table, r, col)).unwrap().to_string())
        .collect()
}

/// (fields, methods, events, properties) of A, B and C, and the params of m1, m2, m3.
fn members(asm: &Assembly) -> (Vec<[Names; 4]>, Vec<Names>) {
    let types = (2..=4)
        .map(|r| {
            let row = RowIndex(r);
            [
                names(asm, TableId::Field, asm.fields_of(row)),
                names(asm, TableId::MethodDef, asm.methods_of(row)),
                names(asm, TableId::Event, asm.events_of(row)),
                names(asm, TableId::Property, asm.properties_of(row)),
            ]
        })
        .collect();
    let params = (1..=3)
        .map(|r| names(asm, TableId::Param, asm.params_of(RowIndex(r))))
        .collect();
    (types, params)
}

fn v(s: &[&str]) -> Names {
    s.iter().map(|x| x.to_string()).collect()
}

#[test]
fn uncompressed_streams_find_members_through_the_ptr_tables() {
    for extra_data in [false, true] {
        let asm = parse("ptrs.dll", ptr_module(true, extra_data));
        assert!(asm.streams.tables_uncompressed);
        for (t, n) in [
            (TableId::FieldPtr, 3),
            (TableId::MethodPtr, 3),
            (TableId::ParamPtr, 3),
            (TableId::EventPtr, 2),
            (TableId::PropertyPtr, 2),
        ] {
            assert_eq!(asm.tables.rows(t), n, "{t:?}");
        }
        let (types, params) = members(&asm);
        assert_eq!(
            types,
            vec![
                [
                    v(&["f3", "f1"]),
                    v(&["m3", "m1"]),
                    v(&["e1"]),
                    v(&["q2", "q1"])
                ],
                [v(&["f2"]), v(&["m2"]), v(&["e2"]), v(&[])],
                [v(&[]), v(&[]), v(&[]), v(&[])],
            ],
            "extra data: {extra_data}"
        );
        assert_eq!(params, vec![v(&["p2", "p1"]), v(&[]), v(&["p3"])]);
    }
}

#[test]
fn ptr_tables_in_a_compressed_stream_are_not_followed() {
    // `#~` shall not hold Ptr tables (ECMA-335 II.24.2.6); Mono reads the lists straight
    // into the member tables there, and so does vcall.
    let asm = parse("ptrs.dll", ptr_module(false, false));
    assert!(!asm.streams.tables_uncompressed);
    let (types, params) = members(&asm);
    assert_eq!(
        types,
        vec![
            [
                v(&["f1", "f2"]),
                v(&["m1", "m2"]),
                v(&["e2"]),
                v(&["q1", "q2"])
            ],
            [v(&["f3"]), v(&["m3"]), v(&["e1"]), v(&[])],
            [v(&[]), v(&[]), v(&[]), v(&[])],
        ]
    );
    assert_eq!(params, vec![v(&["p1", "p2"]), v(&[]), v(&["p3"])]);
}

#[test]
fn monodis_reads_the_synthetic_ptr_tables_alike() {
    if Command::new("monodis").arg("--help").output().is_err() {
        eprintln!("note: monodis not installed; skipping");
        return;
    }
    // An independent reader of the same bytes: the builder's layout is what ECMA says,
    // not just what this crate expects.
    let dir = std::env::temp_dir().join(format!("vcall-meta-synth-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("ptrs.dll");
    std::fs::write(&path, ptr_module(true, false)).unwrap();
    let out = |arg: &str| {
        let o = Command::new("monodis")
            .arg(arg)
            .arg(&path)
            .output()
            .unwrap();
        assert!(
            o.status.success(),
            "monodis {arg}: {}",
            String::from_utf8_lossy(&o.stderr)
        );
        String::from_utf8_lossy(&o.stdout).into_owned()
    };
    for (arg, header) in [
        ("--fieldptr", "Field Ptr (1..3)"),
        ("--methodptr", "Method Ptr (1..3)"),
        ("--paramptr", "Param Ptr (1..3)"),
        ("--eventptr", "Event Ptr (1..2)"),
        ("--propertyptr", "Property Ptr (1..2)"),
    ] {
        let text = out(arg);
        assert!(text.starts_with(header), "monodis {arg}:\n{text}");
    }
    let fields = out("--fieldptr");
    assert!(
        fields.contains("1: 3") && fields.contains("2: 1") && fields.contains("3: 2"),
        "{fields}"
    );
}
