//! A writer of small synthetic assemblies for tests: the four heaps, a `#~` or `#-` table
//! stream and a one-section PE32 around them. Index widths and layouts come straight from
//! ECMA-335 II.24 and II.25 here, not from the crate's tables code, since that is what the
//! tests that use this check.
#![allow(dead_code)]

/// Table numbers (ECMA-335 II.22), as in the `Valid` bit vector.
pub mod t {
    pub const MODULE: u8 = 0x00;
    pub const TYPEREF: u8 = 0x01;
    pub const TYPEDEF: u8 = 0x02;
    pub const FIELDPTR: u8 = 0x03;
    pub const FIELD: u8 = 0x04;
    pub const METHODPTR: u8 = 0x05;
    pub const METHODDEF: u8 = 0x06;
    pub const PARAMPTR: u8 = 0x07;
    pub const PARAM: u8 = 0x08;
    pub const INTERFACEIMPL: u8 = 0x09;
    pub const MEMBERREF: u8 = 0x0A;
    pub const CONSTANT: u8 = 0x0B;
    pub const CUSTOMATTRIBUTE: u8 = 0x0C;
    pub const FIELDMARSHAL: u8 = 0x0D;
    pub const DECLSECURITY: u8 = 0x0E;
    pub const STANDALONESIG: u8 = 0x11;
    pub const EVENTMAP: u8 = 0x12;
    pub const EVENTPTR: u8 = 0x13;
    pub const EVENT: u8 = 0x14;
    pub const PROPERTYMAP: u8 = 0x15;
    pub const PROPERTYPTR: u8 = 0x16;
    pub const PROPERTY: u8 = 0x17;
    pub const METHODSEMANTICS: u8 = 0x18;
    pub const METHODIMPL: u8 = 0x19;
    pub const MODULEREF: u8 = 0x1A;
    pub const TYPESPEC: u8 = 0x1B;
    pub const ASSEMBLY: u8 = 0x20;
    pub const ASSEMBLYREF: u8 = 0x23;
    pub const FILE: u8 = 0x26;
    pub const EXPORTEDTYPE: u8 = 0x27;
    pub const MANIFESTRESOURCE: u8 = 0x28;
    pub const GENERICPARAM: u8 = 0x2A;
    pub const METHODSPEC: u8 = 0x2B;
    pub const GENERICPARAMCONSTRAINT: u8 = 0x2C;
    /// Marks a tag the standard leaves unused.
    pub const NONE: u8 = 0xFF;
}

/// A coded index kind (ECMA-335 II.24.2.6): its tag bits and its tables in tag order.
pub struct Coded {
    pub bits: u32,
    pub tables: &'static [u8],
}

use t::*;
pub const TYPE_DEF_OR_REF: Coded = Coded {
    bits: 2,
    tables: &[TYPEDEF, TYPEREF, TYPESPEC],
};
pub const HAS_CONSTANT: Coded = Coded {
    bits: 2,
    tables: &[FIELD, PARAM, PROPERTY],
};
pub const HAS_CUSTOM_ATTRIBUTE: Coded = Coded {
    bits: 5,
    tables: &[
        METHODDEF,
        FIELD,
        TYPEREF,
        TYPEDEF,
        PARAM,
        INTERFACEIMPL,
        MEMBERREF,
        MODULE,
        DECLSECURITY,
        PROPERTY,
        EVENT,
        STANDALONESIG,
        MODULEREF,
        TYPESPEC,
        ASSEMBLY,
        ASSEMBLYREF,
        FILE,
        EXPORTEDTYPE,
        MANIFESTRESOURCE,
        GENERICPARAM,
        GENERICPARAMCONSTRAINT,
        METHODSPEC,
    ],
};
pub const MEMBER_REF_PARENT: Coded = Coded {
    bits: 3,
    tables: &[TYPEDEF, TYPEREF, MODULEREF, METHODDEF, TYPESPEC],
};
pub const HAS_SEMANTICS: Coded = Coded {
    bits: 1,
    tables: &[EVENT, PROPERTY],
};
pub const METHOD_DEF_OR_REF: Coded = Coded {
    bits: 1,
    tables: &[METHODDEF, MEMBERREF],
};
pub const CUSTOM_ATTRIBUTE_TYPE: Coded = Coded {
    bits: 3,
    tables: &[NONE, NONE, METHODDEF, MEMBERREF, NONE],
};
pub const RESOLUTION_SCOPE: Coded = Coded {
    bits: 2,
    tables: &[MODULE, MODULEREF, ASSEMBLYREF, TYPEREF],
};
pub const TYPE_OR_METHOD_DEF: Coded = Coded {
    bits: 1,
    tables: &[TYPEDEF, METHODDEF],
};

/// One cell of a row, in the table's column order.
pub enum Cell {
    U16(u16),
    U32(u32),
    Str(u32),
    Guid(u32),
    Blob(u32),
    /// An index into a table (a plain table column, such as MethodList).
    Row(u8, u32),
    /// A coded index: the kind, the target table and row.
    Coded(&'static Coded, u8, u32),
}

pub struct Builder {
    pub strings: Vec<u8>,
    pub blob: Vec<u8>,
    pub guid: Vec<u8>,
    pub user_strings: Vec<u8>,
    rows: Vec<Vec<Vec<Cell>>>,
    /// Write the table stream as `#-` (uncompressed: Ptr tables are an indirection).
    pub uncompressed: bool,
    /// Set HeapSizes bit 0x40 and write the 4 extra bytes it announces after the row
    /// counts, as edit-and-continue `#-` streams do.
    pub extra_data: bool,
}

impl Default for Builder {
    fn default() -> Self {
        Self::new()
    }
}

impl Builder {
    pub fn new() -> Builder {
        Builder {
            strings: vec![0],
            blob: vec![0],
            guid: Vec::new(),
            user_strings: vec![0],
            rows: (0..0x2D).map(|_| Vec::new()).collect(),
            uncompressed: false,
            extra_data: false,
        }
    }

    /// Appends a `#Strings` entry (no sharing: each call is a new offset).
    pub fn string(&mut self, s: &str) -> u32 {
        let at = self.strings.len() as u32;
        self.strings.extend_from_slice(s.as_bytes());
        self.strings.push(0);
        at
    }

    /// Appends a `#Blob` entry with its compressed length (ECMA-335 II.24.2.4).
    pub fn blob(&mut self, b: &[u8]) -> u32 {
        let at = self.blob.len() as u32;
        let n = b.len() as u32;
        if n < 0x80 {
            self.blob.push(n as u8);
        } else if n < 0x4000 {
            self.blob
                .extend_from_slice(&((n | 0x8000) as u16).to_be_bytes());
        } else {
            self.blob
                .extend_from_slice(&(n | 0xC000_0000).to_be_bytes());
        }
        self.blob.extend_from_slice(b);
        at
    }

    /// Appends a GUID; GUID indices are 1-based.
    pub fn guid(&mut self, g: [u8; 16]) -> u32 {
        self.guid.extend_from_slice(&g);
        (self.guid.len() / 16) as u32
    }

    /// Appends a row; returns its 1-based index.
    pub fn push(&mut self, table: u8, cells: Vec<Cell>) -> u32 {
        let rows = &mut self.rows[table as usize];
        rows.push(cells);
        rows.len() as u32
    }

    pub fn rows(&self, table: u8) -> u32 {
        self.rows[table as usize].len() as u32
    }

    /// II.24.2.6: a table index is 2 bytes while the table has fewer than 2^16 rows.
    pub fn wide_table(&self, table: u8) -> bool {
        self.rows(table) >= 1 << 16
    }

    /// II.24.2.6: a coded index is 2 bytes while every table it can name has fewer than
    /// 2^(16 - tag bits) rows.
    pub fn wide_coded(&self, c: &Coded) -> bool {
        c.tables
            .iter()
            .filter(|&&t| t != NONE)
            .any(|&t| self.rows(t) >= 1 << (16 - c.bits))
    }

    /// II.24.2.2 HeapSizes: a heap whose size is 2^16 bytes or more is indexed with 4 bytes.
    pub fn heap_flags(&self) -> u8 {
        let mut f = 0;
        if self.strings.len() >= 1 << 16 {
            f |= 0x01;
        }
        if self.guid.len() >= 1 << 16 {
            f |= 0x02;
        }
        if self.blob.len() >= 1 << 16 {
            f |= 0x04;
        }
        if self.extra_data {
            f |= 0x40;
        }
        f
    }

    fn put(&self, out: &mut Vec<u8>, v: u32, wide: bool) {
        if wide {
            out.extend_from_slice(&v.to_le_bytes());
        } else {
            assert!(v <= 0xFFFF, "builder: {v} does not fit a 2-byte index");
            out.extend_from_slice(&(v as u16).to_le_bytes());
        }
    }

    fn encode(&self, out: &mut Vec<u8>, cell: &Cell) {
        let flags = self.heap_flags();
        match *cell {
            Cell::U16(v) => out.extend_from_slice(&v.to_le_bytes()),
            Cell::U32(v) => out.extend_from_slice(&v.to_le_bytes()),
            Cell::Str(v) => self.put(out, v, flags & 0x01 != 0),
            Cell::Guid(v) => self.put(out, v, flags & 0x02 != 0),
            Cell::Blob(v) => self.put(out, v, flags & 0x04 != 0),
            Cell::Row(t, r) => self.put(out, r, self.wide_table(t)),
            Cell::Coded(c, t, r) => {
                let tag = c
                    .tables
                    .iter()
                    .position(|&x| x == t)
                    .expect("table not in kind");
                self.put(out, (r << c.bits) | tag as u32, self.wide_coded(c))
            }
        }
    }

    /// The `#~`/`#-` stream (II.24.2.6).
    pub fn table_stream(&self) -> Vec<u8> {
        let mut s = Vec::new();
        s.extend_from_slice(&0u32.to_le_bytes());
        s.push(2);
        s.push(0);
        s.push(self.heap_flags());
        s.push(1);
        let valid: u64 = (0..self.rows.len())
            .filter(|&i| !self.rows[i].is_empty())
            .map(|i| 1u64 << i)
            .sum();
        s.extend_from_slice(&valid.to_le_bytes());
        s.extend_from_slice(&0u64.to_le_bytes());
        for r in self.rows.iter().filter(|r| !r.is_empty()) {
            s.extend_from_slice(&(r.len() as u32).to_le_bytes());
        }
        if self.extra_data {
            s.extend_from_slice(&0xDEAD_BEEFu32.to_le_bytes());
        }
        for rows in &self.rows {
            for row in rows {
                for cell in row {
                    self.encode(&mut s, cell);
                }
            }
        }
        pad4(&mut s);
        s
    }

    /// The metadata root (II.24.2.1) followed by its five streams.
    pub fn metadata(&self) -> Vec<u8> {
        let mut strings = self.strings.clone();
        let mut blob = self.blob.clone();
        let mut us = self.user_strings.clone();
        pad4(&mut strings);
        pad4(&mut blob);
        pad4(&mut us);
        let tables_name = if self.uncompressed { "#-" } else { "#~" };
        let streams: [(&str, Vec<u8>); 5] = [
            (tables_name, self.table_stream()),
            ("#Strings", strings),
            ("#US", us),
            ("#GUID", self.guid.clone()),
            ("#Blob", blob),
        ];
        let version = b"v4.0.30319\0\0";
        let mut header_len = 16 + version.len() + 4;
        for (name, _) in &streams {
            header_len += 8 + (name.len() / 4 + 1) * 4;
        }
        let mut m = Vec::new();
        m.extend_from_slice(&0x424A_5342u32.to_le_bytes());
        m.extend_from_slice(&1u16.to_le_bytes());
        m.extend_from_slice(&1u16.to_le_bytes());
        m.extend_from_slice(&0u32.to_le_bytes());
        m.extend_from_slice(&(version.len() as u32).to_le_bytes());
        m.extend_from_slice(version);
        m.extend_from_slice(&0u16.to_le_bytes());
        m.extend_from_slice(&(streams.len() as u16).to_le_bytes());
        let mut offset = header_len;
        for (name, data) in &streams {
            m.extend_from_slice(&(offset as u32).to_le_bytes());
            m.extend_from_slice(&(data.len() as u32).to_le_bytes());
            let mut n = name.as_bytes().to_vec();
            n.push(0);
            pad4(&mut n);
            m.extend_from_slice(&n);
            offset += data.len();
        }
        assert_eq!(m.len(), header_len);
        for (_, data) in &streams {
            m.extend_from_slice(data);
        }
        m
    }

    /// A PE32 image (II.25): headers, then one `.text` section at RVA 0x2000 holding the CLI
    /// header and the metadata.
    pub fn pe(&self) -> Vec<u8> {
        const FILE_ALIGN: usize = 0x200;
        const RVA: u32 = 0x2000;
        let metadata = self.metadata();
        let mut text = Vec::new();
        // CLI header (II.25.3.3): 72 bytes.
        text.extend_from_slice(&72u32.to_le_bytes());
        text.extend_from_slice(&2u16.to_le_bytes());
        text.extend_from_slice(&5u16.to_le_bytes());
        text.extend_from_slice(&(RVA + 72).to_le_bytes());
        text.extend_from_slice(&(metadata.len() as u32).to_le_bytes());
        text.extend_from_slice(&1u32.to_le_bytes()); // COMIMAGE_FLAGS_ILONLY
        text.extend_from_slice(&0u32.to_le_bytes()); // no entry point
        text.resize(72, 0);
        text.extend_from_slice(&metadata);
        let raw_size = text.len().div_ceil(FILE_ALIGN) * FILE_ALIGN;
        let image_size = (RVA as usize + text.len()).div_ceil(0x2000) * 0x2000;

        let mut f = vec![0u8; FILE_ALIGN];
        f[0..2].copy_from_slice(b"MZ");
        f[0x3c..0x40].copy_from_slice(&0x80u32.to_le_bytes());
        let mut h = Vec::new();
        h.extend_from_slice(b"PE\0\0");
        // COFF header.
        h.extend_from_slice(&0x14cu16.to_le_bytes());
        h.extend_from_slice(&1u16.to_le_bytes());
        h.extend_from_slice(&[0; 12]);
        h.extend_from_slice(&224u16.to_le_bytes());
        h.extend_from_slice(&0x2102u16.to_le_bytes()); // executable, 32-bit, DLL
                                                       // Optional header, standard fields.
        h.extend_from_slice(&0x10bu16.to_le_bytes());
        h.extend_from_slice(&[8, 0]);
        h.extend_from_slice(&(raw_size as u32).to_le_bytes());
        h.extend_from_slice(&0u32.to_le_bytes());
        h.extend_from_slice(&0u32.to_le_bytes());
        h.extend_from_slice(&0u32.to_le_bytes()); // entry point
        h.extend_from_slice(&RVA.to_le_bytes());
        h.extend_from_slice(&0u32.to_le_bytes());
        // Windows fields.
        h.extend_from_slice(&0x40_0000u32.to_le_bytes());
        h.extend_from_slice(&0x2000u32.to_le_bytes());
        h.extend_from_slice(&(FILE_ALIGN as u32).to_le_bytes());
        for v in [4u16, 0, 0, 0, 4, 0] {
            h.extend_from_slice(&v.to_le_bytes());
        }
        h.extend_from_slice(&0u32.to_le_bytes());
        h.extend_from_slice(&(image_size as u32).to_le_bytes());
        h.extend_from_slice(&(FILE_ALIGN as u32).to_le_bytes());
        h.extend_from_slice(&0u32.to_le_bytes());
        h.extend_from_slice(&3u16.to_le_bytes());
        h.extend_from_slice(&0x8540u16.to_le_bytes());
        for v in [0x10_0000u32, 0x1000, 0x10_0000, 0x1000, 0, 16] {
            h.extend_from_slice(&v.to_le_bytes());
        }
        // Data directories: only the CLI header (entry 14).
        for i in 0..16 {
            let (rva, size) = if i == 14 { (RVA, 72u32) } else { (0, 0) };
            h.extend_from_slice(&rva.to_le_bytes());
            h.extend_from_slice(&size.to_le_bytes());
        }
        // Section header.
        h.extend_from_slice(b".text\0\0\0");
        for v in [
            text.len() as u32,
            RVA,
            raw_size as u32,
            FILE_ALIGN as u32,
            0,
            0,
        ] {
            h.extend_from_slice(&v.to_le_bytes());
        }
        h.extend_from_slice(&0u32.to_le_bytes()); // relocation and line-number counts
        h.extend_from_slice(&0x6000_0020u32.to_le_bytes());
        f[0x80..0x80 + h.len()].copy_from_slice(&h);
        f.extend_from_slice(&text);
        f.resize(FILE_ALIGN + raw_size, 0);
        f
    }
}

fn pad4(v: &mut Vec<u8>) {
    while !v.len().is_multiple_of(4) {
        v.push(0);
    }
}
