//! `--aot=metadata-only` images: every ClassInfo of one assembly, computed ahead of time and
//! stored in an ELF section (`.vcall_classinfo`), in the spirit of Mono's cached class info
//! (`emit_klass_info` / `load_aot_module`). See docs/ARCHITECTURE.md, "AOT image format".
//!
//! Encoding, decoding and validation live here; nothing trusts the file: every offset and
//! count is bounds-checked and every failure is an error string, never a panic.

use crate::class::{
    ClassFlags, ClassInfo, FieldInfo, FieldType, ImtEntry, InterfaceMap, SlotKind, ValueKind,
    VtableSlot,
};
use crate::loader::{is_corlib_name, AssemblyIdx, FieldKey, Loader, MethodKey, TypeKey};
use crate::token::{RowIndex, Token};
use rayon::prelude::*;

/// The ELF section holding the image.
pub const SECTION_NAME: &str = ".vcall_classinfo";
/// Bumped whenever the encoding changes (Mono checks `MONO_AOT_FILE_VERSION` the same way).
pub const FORMAT_VERSION: u32 = 1;
const MAGIC: &[u8; 8] = b"VCALLCI\0";
/// magic, version, imt_size, own mvid, payload length, checksum.
const HEADER_BYTES: usize = 8 + 4 + 4 + 16 + 8 + 8;

/// FNV-1a, 64-bit: the payload checksum.
pub fn fnv1a64(bytes: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in bytes {
        h ^= b as u64;
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

/// FNV-1a, 32-bit: the name hash of the class-name table.
pub fn name_hash(name: &str) -> u32 {
    let mut h: u32 = 0x811c_9dc5;
    for b in name.bytes() {
        h ^= b as u32;
        h = h.wrapping_mul(0x0100_0193);
    }
    h
}

/// Where the image of an assembly lives: next to it, with `.so` appended (like Mono).
pub fn image_path(assembly: &std::path::Path) -> std::path::PathBuf {
    let mut s = assembly.as_os_str().to_owned();
    s.push(".so");
    std::path::PathBuf::from(s)
}

// ---------------------------------------------------------------------------------------
// Generation
// ---------------------------------------------------------------------------------------

/// The result of `generate`: the ELF file's bytes and how many types it holds.
pub struct Generated {
    pub elf: Vec<u8>,
    pub types: usize,
    pub section_bytes: usize,
}

/// Computes the ClassInfo of every TypeDef of `target` in parallel (rayon) and encodes the
/// image. The error names the first type (in table order) that failed.
pub fn generate(loader: &Loader, target: AssemblyIdx) -> Result<Generated, String> {
    let keys = loader.all_types(target);
    let infos: Vec<Result<std::sync::Arc<ClassInfo>, String>> = keys
        .par_iter()
        .map(|&k| {
            loader.class(k).map_err(|e| {
                format!(
                    "type {} ({}): {e}",
                    loader.type_full_name(k),
                    k.token()
                )
            })
        })
        .collect();
    let infos: Vec<std::sync::Arc<ClassInfo>> = infos.into_iter().collect::<Result<_, _>>()?;
    let section = encode(loader, target, &infos)?;
    let section_bytes = section.len();
    let elf = write_elf(section)?;
    Ok(Generated {
        elf,
        types: infos.len(),
        section_bytes,
    })
}

/// The dependency list: every assembly the loader holds, in its numbering (index = dep id).
fn dependencies(loader: &Loader) -> Result<Vec<(String, [u8; 16])>, String> {
    (0..loader.assembly_count())
        .map(|i| {
            let a = loader.assembly(AssemblyIdx(i as u16));
            let mvid = a.mvid().map_err(|e| e.to_string())?;
            let name = if i == 0 {
                "mscorlib".to_string()
            } else {
                a.name().map_err(|e| e.to_string())?.to_string()
            };
            Ok((name, mvid))
        })
        .collect()
}

/// Encodes the section contents: header, then the checksummed payload.
pub fn encode(
    loader: &Loader,
    target: AssemblyIdx,
    infos: &[std::sync::Arc<ClassInfo>],
) -> Result<Vec<u8>, String> {
    let deps = dependencies(loader)?;
    let n = infos.len();
    // Records are encoded in parallel, then laid out in row order.
    let dep_count = deps.len();
    let records: Vec<Vec<u8>> = infos
        .par_iter()
        .map(|c| {
            let mut w = Writer {
                buf: Vec::with_capacity(256),
                deps: dep_count,
                ok: true,
            };
            w.class(c);
            if w.ok {
                Ok(w.buf)
            } else {
                Err(format!("type {}: refers to an unknown assembly", c.full_name))
            }
        })
        .collect::<Result<_, String>>()?;

    let mut p = Vec::new();
    put_u32(&mut p, dep_count as u32);
    put_u32(&mut p, target.0 as u32);
    for (name, mvid) in &deps {
        p.extend_from_slice(mvid);
        put_str(&mut p, name);
    }
    put_u32(&mut p, n as u32);
    // Offset table: (offset, length) per TypeDef row, offsets from the payload start.
    let table_at = p.len();
    p.resize(table_at + 8 * n, 0);
    // Class-name hash table: open addressing, power-of-two size, 0 = empty, else row.
    let buckets = (2 * n).next_power_of_two().max(1);
    put_u32(&mut p, buckets as u32);
    let hash_at = p.len();
    p.resize(hash_at + 4 * buckets, 0);
    for (i, c) in infos.iter().enumerate() {
        let mut b = name_hash(&c.full_name) as usize & (buckets - 1);
        loop {
            let at = hash_at + 4 * b;
            if p[at..at + 4] == [0, 0, 0, 0] {
                p[at..at + 4].copy_from_slice(&((i + 1) as u32).to_le_bytes());
                break;
            }
            b = (b + 1) & (buckets - 1);
        }
    }
    for (i, r) in records.iter().enumerate() {
        let off = p.len() as u32;
        let at = table_at + 8 * i;
        p[at..at + 4].copy_from_slice(&off.to_le_bytes());
        p[at + 4..at + 8].copy_from_slice(&(r.len() as u32).to_le_bytes());
        p.extend_from_slice(r);
    }
    if p.len() > u32::MAX as usize {
        return Err("image larger than 4 GiB".into());
    }

    let own_mvid = deps
        .get(target.0 as usize)
        .map(|d| d.1)
        .ok_or("target assembly not loaded")?;
    let mut out = Vec::with_capacity(HEADER_BYTES + p.len());
    out.extend_from_slice(MAGIC);
    put_u32(&mut out, FORMAT_VERSION);
    put_u32(&mut out, loader.imt_size);
    out.extend_from_slice(&own_mvid);
    out.extend_from_slice(&(p.len() as u64).to_le_bytes());
    out.extend_from_slice(&fnv1a64(&p).to_le_bytes());
    out.extend_from_slice(&p);
    Ok(out)
}

fn write_elf(section: Vec<u8>) -> Result<Vec<u8>, String> {
    use object::write::Object;
    use object::{Architecture, BinaryFormat, Endianness, SectionKind};
    let mut obj = Object::new(BinaryFormat::Elf, Architecture::X86_64, Endianness::Little);
    let id = obj.add_section(
        Vec::new(),
        SECTION_NAME.as_bytes().to_vec(),
        SectionKind::ReadOnlyData,
    );
    obj.set_section_data(id, section, 8);
    obj.write().map_err(|e| e.to_string())
}

fn put_u32(b: &mut Vec<u8>, v: u32) {
    b.extend_from_slice(&v.to_le_bytes());
}

fn put_str(b: &mut Vec<u8>, s: &str) {
    put_u32(b, s.len() as u32);
    b.extend_from_slice(s.as_bytes());
}

struct Writer {
    buf: Vec<u8>,
    deps: usize,
    ok: bool,
}

impl Writer {
    fn u8(&mut self, v: u8) {
        self.buf.push(v);
    }
    fn u32(&mut self, v: u32) {
        put_u32(&mut self.buf, v);
    }
    fn len(&mut self, n: usize) {
        self.u32(n as u32);
    }
    fn str(&mut self, s: &str) {
        put_str(&mut self.buf, s);
    }
    fn key(&mut self, asm: AssemblyIdx, row: RowIndex) {
        if asm.0 as usize >= self.deps {
            self.ok = false;
        }
        self.buf.extend_from_slice(&asm.0.to_le_bytes());
        self.u32(row.0);
    }
    fn ty(&mut self, k: TypeKey) {
        self.key(k.assembly, k.row)
    }
    fn method(&mut self, m: MethodKey) {
        self.key(m.assembly, m.row)
    }
    fn opt_ty(&mut self, k: Option<TypeKey>) {
        match k {
            Some(k) => {
                self.u8(1);
                self.ty(k)
            }
            None => self.u8(0),
        }
    }
    fn opt_u32(&mut self, v: Option<u32>) {
        match v {
            Some(v) => {
                self.u8(1);
                self.u32(v)
            }
            None => self.u8(0),
        }
    }
    fn bitmap(&mut self, b: &[u64]) {
        self.len(b.len());
        for w in b {
            self.buf.extend_from_slice(&w.to_le_bytes());
        }
    }
    fn methods(&mut self, ms: &[MethodKey]) {
        self.len(ms.len());
        for &m in ms {
            self.method(m);
        }
    }

    fn class(&mut self, c: &ClassInfo) {
        // Names first: the class-name table compares `full_name` without decoding the rest.
        self.str(&c.full_name);
        self.str(&c.namespace);
        self.str(&c.name);
        self.ty(c.key);
        self.u32(c.flags.0);
        self.u32(c.type_attributes);
        self.opt_ty(c.parent);
        self.u8(c.primitive.map(kind_code).unwrap_or(0xff));
        self.u32(c.instance_size);
        self.u32(c.min_align);
        self.u32(c.packing);
        self.len(c.fields.len());
        for f in &c.fields {
            self.key(f.key.assembly, f.key.row);
            self.str(&f.name);
            self.u8(kind_code(f.ty.kind));
            self.opt_ty(f.ty.class);
            self.u32(f.offset);
            self.u32(f.size);
            self.u8(f.is_static as u8 | (f.is_literal as u8) << 1);
            self.opt_u32(f.rva);
        }
        self.u32(c.static_size);
        self.bitmap(&c.ref_bitmap);
        self.bitmap(&c.static_ref_bitmap);
        self.methods(&c.methods);
        self.len(c.vtable.len());
        for s in &c.vtable {
            self.method(s.method);
            let kind = match s.kind {
                SlotKind::NewSlot => 0,
                SlotKind::Override => 1,
                SlotKind::Inherited => 2,
            };
            self.u8(kind | (s.is_abstract as u8) << 2);
        }
        self.methods(&c.interface_methods);
        self.len(c.interfaces.len());
        for m in &c.interfaces {
            self.ty(m.interface);
            self.len(m.slots.len());
            for &s in &m.slots {
                self.u32(s);
            }
        }
        self.len(c.imt.len());
        for bucket in &c.imt {
            self.len(bucket.len());
            for e in bucket {
                self.ty(e.interface);
                self.method(e.interface_method);
                self.u32(e.vtable_slot);
            }
        }
        match c.cctor {
            Some(m) => {
                self.u8(1);
                self.method(m)
            }
            None => self.u8(0),
        }
        self.opt_u32(c.finalizer_slot);
    }
}

const KINDS: [ValueKind; 21] = [
    ValueKind::Void,
    ValueKind::Bool,
    ValueKind::Char,
    ValueKind::I1,
    ValueKind::U1,
    ValueKind::I2,
    ValueKind::U2,
    ValueKind::I4,
    ValueKind::U4,
    ValueKind::I8,
    ValueKind::U8,
    ValueKind::R4,
    ValueKind::R8,
    ValueKind::I,
    ValueKind::U,
    ValueKind::Ptr,
    ValueKind::ByRef,
    ValueKind::Ref,
    ValueKind::Struct,
    ValueKind::GenericParam,
    ValueKind::Void, // padding: never produced by kind_code
];

fn kind_code(k: ValueKind) -> u8 {
    KINDS[..20].iter().position(|&x| x == k).unwrap_or(0) as u8
}

fn kind_of(code: u8) -> Result<ValueKind, String> {
    KINDS[..20]
        .get(code as usize)
        .copied()
        .ok_or_else(|| format!("bad value kind {code}"))
}

// ---------------------------------------------------------------------------------------
// Loading and validation
// ---------------------------------------------------------------------------------------

/// A validated image attached to one assembly of a loader. Holds the section bytes and the
/// dependency remapping; ClassInfo records are decoded one at a time, on request.
pub struct AotImage {
    data: Vec<u8>,
    /// Payload start within `data`.
    payload: usize,
    type_count: usize,
    /// Offset table start (absolute in `data`).
    table_at: usize,
    buckets: usize,
    hash_at: usize,
    /// Image dependency index -> this process's AssemblyIdx.
    remap: Vec<AssemblyIdx>,
    assembly: AssemblyIdx,
}

/// Finds the `.vcall_classinfo` section in an ELF file (goblin's section headers; every
/// range checked against the file).
pub fn find_section(file: &[u8]) -> Result<&[u8], String> {
    let elf = goblin::elf::Elf::parse(file).map_err(|e| format!("not a valid ELF file ({e})"))?;
    for sh in &elf.section_headers {
        if elf.shdr_strtab.get_at(sh.sh_name) == Some(SECTION_NAME) {
            let start = usize::try_from(sh.sh_offset).map_err(|_| "section offset too large")?;
            let len = usize::try_from(sh.sh_size).map_err(|_| "section size too large")?;
            let end = start.checked_add(len).ok_or("section range overflows")?;
            return file
                .get(start..end)
                .ok_or_else(|| "section extends past the end of the file".to_string());
        }
    }
    Err(format!("no {SECTION_NAME} section"))
}

impl AotImage {
    /// Reads, validates and attaches the image at `path` to assembly `target` of `loader`.
    /// Checks format version, IMT size, the assembly's MVID, the checksum and every
    /// dependency's MVID. The error is the one-line reason the image is unusable.
    pub fn load(
        loader: &Loader,
        target: AssemblyIdx,
        path: &std::path::Path,
    ) -> Result<AotImage, String> {
        let file = std::fs::read(path).map_err(|e| format!("cannot read it ({e})"))?;
        let section = find_section(&file)?;
        Self::from_section(loader, target, section.to_vec())
    }

    /// Validates section bytes (as written by `encode`) against the loaded assemblies.
    pub fn from_section(
        loader: &Loader,
        target: AssemblyIdx,
        data: Vec<u8>,
    ) -> Result<AotImage, String> {
        let mut r = Reader {
            data: &data,
            pos: 0,
        };
        if r.bytes(8)? != MAGIC {
            return Err("bad magic".into());
        }
        let version = r.u32()?;
        if version != FORMAT_VERSION {
            return Err(format!(
                "format version {version}, expected {FORMAT_VERSION}"
            ));
        }
        let imt = r.u32()?;
        if imt != loader.imt_size {
            return Err(format!(
                "built with IMT size {imt}, running with {}",
                loader.imt_size
            ));
        }
        let own: [u8; 16] = r.bytes(16)?.try_into().map_err(|_| "short MVID")?;
        let asm = loader.assembly(target);
        let actual = asm.mvid().map_err(|e| e.to_string())?;
        if own != actual {
            return Err(format!(
                "assembly MVID {} does not match {} (the assembly was rebuilt)",
                guid(&own),
                guid(&actual)
            ));
        }
        let payload_len = usize::try_from(r.u64()?).map_err(|_| "payload too large")?;
        let checksum = r.u64()?;
        let payload = r.pos;
        if data.len() - payload != payload_len {
            return Err(format!(
                "truncated or padded: payload is {} bytes, header says {payload_len}",
                data.len() - payload
            ));
        }
        if fnv1a64(&data[payload..]) != checksum {
            return Err("checksum mismatch (the file is corrupt)".into());
        }
        let dep_count = r.u32()? as usize;
        let own_index = r.u32()? as usize;
        if own_index >= dep_count {
            return Err("own dependency index out of range".into());
        }
        let mut remap = Vec::with_capacity(dep_count.min(1024));
        for i in 0..dep_count {
            let mvid: [u8; 16] = r.bytes(16)?.try_into().map_err(|_| "short MVID")?;
            let name = r.str()?;
            let idx = if i == own_index {
                target
            } else if is_corlib_name(&name) {
                AssemblyIdx::CORLIB
            } else {
                loader
                    .assembly_by_name(&name, &asm, Token(0))
                    .map_err(|e| format!("dependency {name} cannot be loaded ({e})"))?
            };
            let dep_mvid = loader
                .assembly(idx)
                .mvid()
                .map_err(|e| format!("dependency {name}: {e}"))?;
            if dep_mvid != mvid {
                return Err(format!(
                    "dependency {name} has MVID {}, the image was built against {}",
                    guid(&dep_mvid),
                    guid(&mvid)
                ));
            }
            remap.push(idx);
        }
        let type_count = r.u32()? as usize;
        let rows = asm.tables.rows(crate::token::TableId::TypeDef) as usize;
        if type_count != rows {
            return Err(format!(
                "image has {type_count} types, the assembly {rows}"
            ));
        }
        let table_at = r.pos;
        r.skip(type_count.checked_mul(8).ok_or("offset table overflows")?)?;
        let buckets = r.u32()? as usize;
        if buckets == 0 || !buckets.is_power_of_two() {
            return Err("bad class-name table size".into());
        }
        let hash_at = r.pos;
        r.skip(buckets.checked_mul(4).ok_or("name table overflows")?)?;
        // Check the offset table once (cheap: no record is decoded here).
        for i in 0..type_count {
            let at = table_at + 8 * i;
            let off = u32le(&data, at) as usize;
            let len = u32le(&data, at + 4) as usize;
            let start = payload.checked_add(off).ok_or("offset overflows")?;
            if start < r.pos || start.checked_add(len).is_none_or(|e| e > data.len()) {
                return Err(format!("type record {} out of bounds", i + 1));
            }
        }
        Ok(AotImage {
            data,
            payload,
            type_count,
            table_at,
            buckets,
            hash_at,
            remap,
            assembly: target,
        })
    }

    pub fn assembly(&self) -> AssemblyIdx {
        self.assembly
    }

    pub fn type_count(&self) -> usize {
        self.type_count
    }

    fn record(&self, row: RowIndex) -> Option<&[u8]> {
        let i = row.zero_based();
        if row.is_null() || i >= self.type_count {
            return None;
        }
        let at = self.table_at + 8 * i;
        let off = u32le(&self.data, at) as usize;
        let len = u32le(&self.data, at + 4) as usize;
        let start = self.payload.checked_add(off)?;
        self.data.get(start..start.checked_add(len)?)
    }

    /// Looks a type up by full name in the class-name hash table.
    pub fn find(&self, full_name: &str) -> Option<TypeKey> {
        let mut b = name_hash(full_name) as usize & (self.buckets - 1);
        for _ in 0..self.buckets {
            let row = u32le(&self.data, self.hash_at + 4 * b);
            if row == 0 {
                return None;
            }
            let rec = self.record(RowIndex(row))?;
            let mut r = Reader { data: rec, pos: 0 };
            if r.str().ok()? == full_name {
                return Some(TypeKey {
                    assembly: self.assembly,
                    row: RowIndex(row),
                });
            }
            b = (b + 1) & (self.buckets - 1);
        }
        None
    }

    /// Decodes the ClassInfo of one TypeDef of the attached assembly.
    pub fn decode(&self, key: TypeKey) -> Result<ClassInfo, String> {
        if key.assembly != self.assembly {
            return Err("type of another assembly".into());
        }
        let rec = self
            .record(key.row)
            .ok_or_else(|| format!("no record for {}", key.token()))?;
        let mut d = Decoder {
            r: Reader { data: rec, pos: 0 },
            remap: &self.remap,
        };
        let info = d.class()?;
        if info.key != key {
            return Err(format!("record for {} describes {}", key.token(), info.key.token()));
        }
        if d.r.pos != rec.len() {
            return Err(format!("trailing bytes in the record of {}", key.token()));
        }
        Ok(info)
    }
}

fn u32le(d: &[u8], at: usize) -> u32 {
    d.get(at..at.saturating_add(4))
        .and_then(|s| s.try_into().ok())
        .map(u32::from_le_bytes)
        .unwrap_or(0)
}

fn guid(b: &[u8; 16]) -> String {
    b.iter().map(|x| format!("{x:02x}")).collect()
}

struct Reader<'a> {
    data: &'a [u8],
    pos: usize,
}

impl<'a> Reader<'a> {
    fn bytes(&mut self, n: usize) -> Result<&'a [u8], String> {
        let end = self.pos.checked_add(n).ok_or("length overflows")?;
        let s = self
            .data
            .get(self.pos..end)
            .ok_or_else(|| format!("truncated at byte {}", self.pos))?;
        self.pos = end;
        Ok(s)
    }
    fn skip(&mut self, n: usize) -> Result<(), String> {
        self.bytes(n).map(|_| ())
    }
    fn u8(&mut self) -> Result<u8, String> {
        Ok(self.bytes(1)?[0])
    }
    fn u16(&mut self) -> Result<u16, String> {
        let b = self.bytes(2)?;
        Ok(u16::from_le_bytes([b[0], b[1]]))
    }
    fn u32(&mut self) -> Result<u32, String> {
        let b = self.bytes(4)?;
        Ok(u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
    }
    fn u64(&mut self) -> Result<u64, String> {
        let b = self.bytes(8)?;
        let mut a = [0u8; 8];
        a.copy_from_slice(b);
        Ok(u64::from_le_bytes(a))
    }
    fn str(&mut self) -> Result<String, String> {
        let n = self.u32()? as usize;
        let b = self.bytes(n)?;
        String::from_utf8(b.to_vec()).map_err(|_| "string is not UTF-8".to_string())
    }
    /// A count of items of at least `min_item` bytes each, checked against what is left.
    fn count(&mut self, min_item: usize) -> Result<usize, String> {
        let n = self.u32()? as usize;
        let left = self.data.len() - self.pos;
        if n.saturating_mul(min_item.max(1)) > left {
            return Err(format!("count {n} exceeds the record"));
        }
        Ok(n)
    }
}

struct Decoder<'a> {
    r: Reader<'a>,
    remap: &'a [AssemblyIdx],
}

impl Decoder<'_> {
    fn asm(&mut self) -> Result<AssemblyIdx, String> {
        let dep = self.r.u16()? as usize;
        self.remap
            .get(dep)
            .copied()
            .ok_or_else(|| format!("dependency index {dep} out of range"))
    }
    fn ty(&mut self) -> Result<TypeKey, String> {
        let assembly = self.asm()?;
        Ok(TypeKey {
            assembly,
            row: RowIndex(self.r.u32()?),
        })
    }
    fn method(&mut self) -> Result<MethodKey, String> {
        let assembly = self.asm()?;
        Ok(MethodKey {
            assembly,
            row: RowIndex(self.r.u32()?),
        })
    }
    fn flag(&mut self) -> Result<bool, String> {
        match self.r.u8()? {
            0 => Ok(false),
            1 => Ok(true),
            b => Err(format!("bad option tag {b}")),
        }
    }
    fn opt_ty(&mut self) -> Result<Option<TypeKey>, String> {
        Ok(if self.flag()? { Some(self.ty()?) } else { None })
    }
    fn opt_u32(&mut self) -> Result<Option<u32>, String> {
        Ok(if self.flag()? {
            Some(self.r.u32()?)
        } else {
            None
        })
    }
    fn bitmap(&mut self) -> Result<Vec<u64>, String> {
        let n = self.r.count(8)?;
        (0..n).map(|_| self.r.u64()).collect()
    }
    fn methods(&mut self) -> Result<Vec<MethodKey>, String> {
        let n = self.r.count(6)?;
        (0..n).map(|_| self.method()).collect()
    }

    fn class(&mut self) -> Result<ClassInfo, String> {
        let full_name = self.r.str()?;
        let namespace = self.r.str()?;
        let name = self.r.str()?;
        let key = self.ty()?;
        let flags = ClassFlags(self.r.u32()?);
        let type_attributes = self.r.u32()?;
        let parent = self.opt_ty()?;
        let primitive = match self.r.u8()? {
            0xff => None,
            c => Some(kind_of(c)?),
        };
        let instance_size = self.r.u32()?;
        let min_align = self.r.u32()?;
        let packing = self.r.u32()?;
        let nf = self.r.count(22)?;
        let mut fields = Vec::with_capacity(nf);
        for _ in 0..nf {
            let assembly = self.asm()?;
            let key = FieldKey {
                assembly,
                row: RowIndex(self.r.u32()?),
            };
            let name = self.r.str()?;
            let kind = kind_of(self.r.u8()?)?;
            let class = self.opt_ty()?;
            let offset = self.r.u32()?;
            let size = self.r.u32()?;
            let bits = self.r.u8()?;
            if bits > 3 {
                return Err(format!("bad field flags {bits}"));
            }
            let rva = self.opt_u32()?;
            fields.push(FieldInfo {
                key,
                name,
                ty: FieldType { kind, class },
                offset,
                size,
                is_static: bits & 1 != 0,
                is_literal: bits & 2 != 0,
                rva,
            });
        }
        let static_size = self.r.u32()?;
        let ref_bitmap = self.bitmap()?;
        let static_ref_bitmap = self.bitmap()?;
        let methods = self.methods()?;
        let nv = self.r.count(7)?;
        let mut vtable = Vec::with_capacity(nv);
        for _ in 0..nv {
            let method = self.method()?;
            let b = self.r.u8()?;
            let kind = match b & 3 {
                0 => SlotKind::NewSlot,
                1 => SlotKind::Override,
                2 => SlotKind::Inherited,
                _ => return Err(format!("bad slot kind {b}")),
            };
            if b > 7 {
                return Err(format!("bad slot bits {b}"));
            }
            vtable.push(VtableSlot {
                method,
                kind,
                is_abstract: b & 4 != 0,
            });
        }
        let interface_methods = self.methods()?;
        let ni = self.r.count(10)?;
        let mut interfaces = Vec::with_capacity(ni);
        for _ in 0..ni {
            let interface = self.ty()?;
            let ns = self.r.count(4)?;
            let slots = (0..ns).map(|_| self.r.u32()).collect::<Result<_, _>>()?;
            interfaces.push(InterfaceMap { interface, slots });
        }
        let nb = self.r.count(4)?;
        let mut imt = Vec::with_capacity(nb);
        for _ in 0..nb {
            let ne = self.r.count(16)?;
            let mut bucket = Vec::with_capacity(ne);
            for _ in 0..ne {
                bucket.push(ImtEntry {
                    interface: self.ty()?,
                    interface_method: self.method()?,
                    vtable_slot: self.r.u32()?,
                });
            }
            imt.push(bucket);
        }
        let cctor = if self.flag()? {
            Some(self.method()?)
        } else {
            None
        };
        let finalizer_slot = self.opt_u32()?;
        Ok(ClassInfo {
            key,
            namespace,
            name,
            full_name,
            flags,
            type_attributes,
            parent,
            primitive,
            instance_size,
            min_align,
            packing,
            fields,
            static_size,
            ref_bitmap,
            static_ref_bitmap,
            methods,
            vtable,
            interface_methods,
            interfaces,
            imt,
            cctor,
            finalizer_slot,
        })
    }
}
