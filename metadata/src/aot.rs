//! `--aot=metadata-only` images: every ClassInfo of one assembly, computed ahead of time and
//! stored in an ELF section (`.vcall_classinfo`), in the spirit of Mono's cached class info
//! (`emit_klass_info` / `load_aot_module`). See docs/ARCHITECTURE.md, "AOT image format".
//!
//! Encoding, decoding and validation live here. Nothing trusts the file: every offset, count,
//! row and slot is bounds-checked, and every failure is an error or a `None`, never a panic.

use crate::class::{
    ClassFlags, ClassInfo, ClassSource, FieldInfo, FieldType, ImtEntry, ValueKind, VtableSlot,
};
use crate::error::{MetadataError, Result};
use crate::lists::{
    check_slot_bits, key_parts, pack_interface, put_key, ClassData, ImageBytes, List, Packed,
    PackedData, Sink, INTERFACE_HEAD_BYTES, KEY_BYTES,
};
use crate::loader::{is_corlib_name, AssemblyIdx, FieldKey, Loader, MethodKey, TypeKey};
use crate::token::{RowIndex, TableId, Token};
use rayon::prelude::*;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// The ELF section holding the image.
pub const SECTION_NAME: &str = ".vcall_classinfo";
/// Bumped whenever the encoding changes (Mono checks `MONO_AOT_FILE_VERSION` the same way).
pub const FORMAT_VERSION: u32 = 4;
const MAGIC: &[u8; 8] = b"VCALLCI\0";
/// magic, version, IMT size, own MVID, payload length, checksum.
pub const HEADER_BYTES: usize = 8 + 4 + 4 + 16 + 8 + 8;
/// Where the checksum sits in the header (tests re-seal damaged payloads with it).
pub const CHECKSUM_AT: usize = 40;
/// Where the format version sits in the header.
pub const VERSION_AT: usize = 8;

fn reject(reason: impl Into<String>) -> MetadataError {
    MetadataError::AotImage(reason.into())
}

/// xxHash64 (seed 0), 32 bytes per step, so validating a multi-megabyte image at startup
/// costs a fraction of a millisecond (see `payload_checksum`).
pub fn checksum64(bytes: &[u8]) -> u64 {
    const P1: u64 = 0x9E37_79B1_85EB_CA87;
    const P2: u64 = 0xC2B2_AE3D_27D4_EB4F;
    const P3: u64 = 0x1656_67B1_9E37_79F9;
    const P4: u64 = 0x85EB_CA77_C2B2_AE63;
    const P5: u64 = 0x27D4_EB2F_1656_67C5;
    fn round(acc: u64, lane: u64) -> u64 {
        acc.wrapping_add(lane.wrapping_mul(P2))
            .rotate_left(31)
            .wrapping_mul(P1)
    }
    fn merge(acc: u64, v: u64) -> u64 {
        (acc ^ round(0, v)).wrapping_mul(P1).wrapping_add(P4)
    }
    fn u64_at(b: &[u8]) -> u64 {
        let mut a = [0u8; 8];
        a.copy_from_slice(&b[..8]);
        u64::from_le_bytes(a)
    }
    let mut rest = bytes;
    let mut h = if bytes.len() >= 32 {
        let mut v = [P1.wrapping_add(P2), P2, 0, 0u64.wrapping_sub(P1)];
        let mut stripes = bytes.chunks_exact(32);
        for s in &mut stripes {
            for (i, acc) in v.iter_mut().enumerate() {
                *acc = round(*acc, u64_at(&s[8 * i..]));
            }
        }
        rest = stripes.remainder();
        let h = v[0]
            .rotate_left(1)
            .wrapping_add(v[1].rotate_left(7))
            .wrapping_add(v[2].rotate_left(12))
            .wrapping_add(v[3].rotate_left(18));
        v.iter().fold(h, |h, &x| merge(h, x))
    } else {
        P5
    };
    h = h.wrapping_add(bytes.len() as u64);
    let mut words = rest.chunks_exact(8);
    for w in &mut words {
        h = (h ^ round(0, u64_at(w)))
            .rotate_left(27)
            .wrapping_mul(P1)
            .wrapping_add(P4);
    }
    let mut tail = words.remainder();
    if tail.len() >= 4 {
        let w = u32::from_le_bytes([tail[0], tail[1], tail[2], tail[3]]) as u64;
        h = (h ^ w.wrapping_mul(P1))
            .rotate_left(23)
            .wrapping_mul(P2)
            .wrapping_add(P3);
        tail = &tail[4..];
    }
    for &b in tail {
        h = (h ^ (b as u64).wrapping_mul(P5))
            .rotate_left(11)
            .wrapping_mul(P1);
    }
    h ^= h >> 33;
    h = h.wrapping_mul(P2);
    h ^= h >> 29;
    h = h.wrapping_mul(P3);
    h ^ (h >> 32)
}

/// Bytes per block of the payload checksum.
const CHECKSUM_BLOCK: usize = 1 << 18;

/// The payload checksum: `checksum64` of the `checksum64`s (little-endian) of the payload's
/// 256 KiB blocks, so generation hashes the blocks in parallel rather than the whole image on
/// one thread after everything else is done; validating costs the same as one pass.
pub fn payload_checksum(payload: &[u8]) -> u64 {
    let sums: Vec<u8> = payload
        .chunks(CHECKSUM_BLOCK)
        .flat_map(|b| checksum64(b).to_le_bytes())
        .collect();
    checksum64(&sums)
}

fn payload_checksum_in_parallel(payload: &[u8]) -> u64 {
    let sums: Vec<[u8; 8]> = payload
        .par_chunks(CHECKSUM_BLOCK)
        .map(|b| checksum64(b).to_le_bytes())
        .collect();
    checksum64(sums.as_flattened())
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
pub fn image_path(assembly: &Path) -> PathBuf {
    let mut s = assembly.as_os_str().to_owned();
    s.push(".so");
    PathBuf::from(s)
}

/// An assembly's module version id, printed the way .NET prints GUIDs.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub struct Mvid(pub [u8; 16]);

impl std::fmt::Display for Mvid {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let b = &self.0;
        write!(
            f,
            "{:08x}-{:04x}-{:04x}-",
            u32::from_le_bytes([b[0], b[1], b[2], b[3]]),
            u16::from_le_bytes([b[4], b[5]]),
            u16::from_le_bytes([b[6], b[7]])
        )?;
        for (i, x) in b[8..].iter().enumerate() {
            if i == 2 {
                f.write_str("-")?;
            }
            write!(f, "{x:02x}")?;
        }
        Ok(())
    }
}

// ---------------------------------------------------------------------------------------
// Generation
// ---------------------------------------------------------------------------------------

/// An encoded image: the section's bytes, ready to be wrapped in an ELF file.
pub struct Image {
    pub section: Vec<u8>,
    pub types: usize,
    /// Wall time of building every ClassInfo (parallel).
    pub classes_time: std::time::Duration,
    /// Wall time of encoding the section (records in parallel, tables serially).
    pub encode_time: std::time::Duration,
}

impl Image {
    /// An ELF64 relocatable object holding the section (like Mono's image, an ELF file; vcall
    /// reads it back itself rather than `dlopen`ing it). The section data is borrowed.
    fn object(&self) -> object::write::Object<'_> {
        use object::write::Object;
        use object::{Architecture, BinaryFormat, Endianness, SectionKind};
        let mut obj = Object::new(BinaryFormat::Elf, Architecture::X86_64, Endianness::Little);
        let id = obj.add_section(
            Vec::new(),
            SECTION_NAME.as_bytes().to_vec(),
            SectionKind::ReadOnlyData,
        );
        obj.set_section_data(id, &self.section[..], 8);
        obj
    }

    /// The ELF file's bytes.
    pub fn to_elf(&self) -> Result<Vec<u8>> {
        self.object()
            .write()
            .map_err(|e| reject(format!("cannot build the ELF file: {e}")))
    }

    /// Writes the ELF file to `path` (through a temporary file renamed into place, so a
    /// program starting meanwhile never sees half an image) and returns its size.
    pub fn write(&self, path: &Path) -> Result<u64> {
        let fail =
            |e: &dyn std::fmt::Display| reject(format!("cannot write {}: {e}", path.display()));
        let mut tmp = path.as_os_str().to_owned();
        tmp.push(format!(".tmp{}", std::process::id()));
        let tmp = PathBuf::from(tmp);
        let file = std::fs::File::create(&tmp).map_err(|e| fail(&e))?;
        // Streamed: no second copy of the section in memory.
        let written = self
            .object()
            .write_stream(std::io::BufWriter::new(file))
            .map_err(|e| fail(&e))
            .and_then(|()| std::fs::rename(&tmp, path).map_err(|e| fail(&e)));
        if written.is_err() {
            let _ = std::fs::remove_file(&tmp);
        }
        written?;
        Ok(std::fs::metadata(path).map_err(|e| fail(&e))?.len())
    }
}

/// Makes the calling thread one of the threads of rayon's global pool (RAYON_NUM_THREADS
/// counts it), so generation needs no thread more than that, and the caller works on the
/// pool's jobs (or steals them back) instead of blocking until the pool's other threads have
/// started. Only for a thread that lives as long as the process (the CLI's main thread); a
/// no-op once the pool exists.
pub fn work_in_pool_from_this_thread() {
    let _ = rayon::ThreadPoolBuilder::new()
        .use_current_thread()
        .start_handler(|_| reserve_arena())
        .build_global();
}

/// Room each spawned pool thread reserves in its malloc arena (see `reserve_arena`).
const ARENA_RESERVE: usize = 8 << 20;

/// Grows the calling thread's malloc arena once, by `ARENA_RESERVE`, and leaves that room
/// free for what the thread allocates next. glibc gives each thread after the first an
/// arena of its own and grows it only as far as a block needs, page by page, with one
/// `mprotect` call (which takes the address-space lock for writing) each time: about 200
/// calls for the 5,000-class program, and generation on two threads 5.5% slower (median of
/// paired runs). A block that glibc mapped on its own raises its mmap threshold above that
/// size once freed (mallopt(3), M_MMAP_THRESHOLD), so the second block comes from the
/// arena, which grows to hold it in one step and keeps the room once it is freed; its
/// pages are not touched, so they cost no memory. Under another allocator this is one
/// allocation and one free.
fn reserve_arena() {
    drop(std::hint::black_box(Vec::<u8>::with_capacity(
        ARENA_RESERVE + (1 << 20),
    )));
    drop(std::hint::black_box(Vec::<u8>::with_capacity(
        ARENA_RESERVE,
    )));
}

/// How many threads generation runs on (RAYON_NUM_THREADS, else one per core).
pub fn generation_threads() -> usize {
    rayon::current_num_threads()
}

/// The loader `generate` runs on, loaded on rayon's pool too: the corlib is loaded by the
/// pool while this thread reads `program` (so the pool's threads start while there is work
/// here), whose tables and indices are then built on the pool. `program` is not added when
/// it is the corlib itself (same MVID), which keeps index 0 rather than being loaded twice.
///
/// Meanwhile the pool also removes `program`'s old image, which generation replaces: renaming
/// the new file over it would have the file system free the old one's blocks (and ext4
/// start writing the new one back) inside the serial write, at several milliseconds for an
/// image of a few megabytes. A program started before the new image is in place finds none
/// and computes its classes, which is always correct; a failed generation leaves no image.
pub fn load_for_generation(
    corlib: &Path,
    program: &Path,
    imt_size: u32,
) -> Result<(Loader, AssemblyIdx)> {
    let mut loader = None;
    let target = rayon::in_place_scope(|s| {
        s.spawn(|_| loader = Some(Loader::new(corlib, imt_size)));
        // Nothing to remove, or no right to: the write reports what matters.
        s.spawn(|_| drop(std::fs::remove_file(image_path(program))));
        crate::assembly::Assembly::load_in_parallel(program)
    });
    let loader = loader.ok_or_else(|| reject("the corlib was not loaded"))?;
    let (mut loader, target) = (loader?, target?);
    let idx = if target.mvid()? == loader.assembly_at(AssemblyIdx::CORLIB).mvid()? {
        AssemblyIdx::CORLIB
    } else {
        loader.add_main_in_parallel(target)?
    };
    Ok((loader, idx))
}

/// Computes the ClassInfo of every TypeDef of `target` in parallel (rayon) and encodes the
/// image. Each worker measures a class's record (and hashes its name) as soon as it has
/// built it, while the class is still in its cache; the records are then encoded straight
/// into the section. The error names the first type (in table order) that failed.
pub fn generate(loader: &Loader, target: AssemblyIdx) -> Result<Image> {
    let t0 = std::time::Instant::now();
    let keys = loader.all_types(target);
    // Errors boxed: a result is then as small as a record (24 bytes, not 80), and the
    // threads fill these in fresh pages.
    let results: Vec<std::result::Result<Record, Box<MetadataError>>> = keys
        .par_iter()
        .map(|&k| {
            loader.class_ref(k).map(Record::measure).map_err(|e| {
                Box::new(MetadataError::AotClass {
                    type_name: loader.type_full_name(k),
                    token: k.token(),
                    source: Box::new(e),
                })
            })
        })
        .collect();
    // Collected first, so the error reported is the first in table order on every run.
    let records = results
        .into_iter()
        .collect::<std::result::Result<Vec<_>, _>>()
        .map_err(|e| *e)?;
    let t1 = std::time::Instant::now();
    let types = records.len();
    let section = assemble(loader, target, &records)?;
    Ok(Image {
        section,
        types,
        classes_time: t1 - t0,
        encode_time: t1.elapsed(),
    })
}

/// One class, the size of its encoded record and its name's hash: the name table is filled
/// serially, and reading the names there would chase a pointer per class through memory
/// the threads have left cold. Records are measured first and encoded only once their
/// place in the section is known: encoding each into a buffer of its own and copying that
/// into the section had every record's bytes touch fresh pages twice.
struct Record<'a> {
    class: &'a ClassInfo,
    len: usize,
    name_hash: u32,
}

impl<'a> Record<'a> {
    fn measure(class: &'a ClassInfo) -> Record<'a> {
        let mut w = Writer { out: Measure(0) };
        w.class(class);
        Record {
            class,
            len: w.out.0,
            name_hash: name_hash(class.full_name()),
        }
    }

    /// Encodes the record into `place`, which must be exactly its measured size.
    fn encode_into(&self, place: &mut [u8]) -> Result<()> {
        let mut w = Writer {
            out: Place {
                rest: place,
                overflow: false,
            },
        };
        w.class(self.class);
        if w.out.overflow || !w.out.rest.is_empty() {
            return Err(reject(format!(
                "the record of {} does not match its measured size",
                self.class.full_name()
            )));
        }
        Ok(())
    }
}

/// One entry of the dependency list: how the image names an assembly and which build of it
/// the image was made against.
struct Dependency {
    name: String,
    mvid: Mvid,
}

/// The dependency list: every assembly the loader holds, in its numbering (index = dep id).
/// Dependency 0 is the corlib, whatever its file is called.
fn dependencies(loader: &Loader) -> Result<Vec<Dependency>> {
    (0..loader.assembly_count())
        .map(|i| {
            let a = loader.assembly_at(AssemblyIdx(i as u16));
            let name = if i == 0 {
                "mscorlib".to_string()
            } else {
                a.name()?.to_string()
            };
            Ok(Dependency {
                name,
                mvid: Mvid(a.mvid()?),
            })
        })
        .collect()
}

/// Encodes the section contents of `infos` (one per TypeDef row, in order): header, then the
/// checksummed payload.
pub fn encode(loader: &Loader, target: AssemblyIdx, infos: &[Arc<ClassInfo>]) -> Result<Vec<u8>> {
    let records: Vec<Record> = infos.par_iter().map(|c| Record::measure(c)).collect();
    assemble(loader, target, &records)
}

/// Lays out the section around measured records: header, dependency list, offset and name
/// tables, then the records, encoded in place and checksummed in parallel.
fn assemble(loader: &Loader, target: AssemblyIdx, records: &[Record]) -> Result<Vec<u8>> {
    // Taken after every class is built: building may have loaded more assemblies.
    let deps = dependencies(loader)?;
    let n = records.len();
    let dep_count = deps.len();
    if dep_count > u16::MAX as usize {
        return Err(reject("more than 65535 dependencies"));
    }
    let own = deps
        .get(target.0 as usize)
        .ok_or_else(|| reject("target assembly not loaded"))?;

    // Everything before the records: header (filled last), dependency list, offset table,
    // class-name table.
    let mut head = Writer {
        out: vec![0u8; HEADER_BYTES],
    };
    head.len(dep_count);
    head.u32(target.0 as u32);
    for d in &deps {
        head.out.put(&d.mvid.0);
        head.str(&d.name);
    }
    head.len(n);
    let mut head = head.out;
    // Offset table: (offset, length) per TypeDef row, offsets from the payload start.
    let table_at = head.len();
    head.resize(table_at + 8 * n, 0);
    // Class-name hash table: open addressing, power-of-two size, 0 = empty, else row.
    let buckets = (2 * n).next_power_of_two().max(1);
    head.extend_from_slice(&(buckets as u32).to_le_bytes());
    let hash_at = head.len();
    head.resize(hash_at + 4 * buckets, 0);
    for (i, r) in records.iter().enumerate() {
        let mut b = r.name_hash as usize & (buckets - 1);
        loop {
            let at = hash_at + 4 * b;
            if head[at..at + 4] == [0, 0, 0, 0] {
                head[at..at + 4].copy_from_slice(&((i + 1) as u32).to_le_bytes());
                break;
            }
            b = (b + 1) & (buckets - 1);
        }
    }
    let mut off = head.len() - HEADER_BYTES;
    for (i, r) in records.iter().enumerate() {
        let (Ok(o), Ok(l)) = (u32::try_from(off), u32::try_from(r.len)) else {
            return Err(reject("image larger than 4 GiB"));
        };
        let at = table_at + 8 * i;
        head[at..at + 4].copy_from_slice(&o.to_le_bytes());
        head[at + 4..at + 8].copy_from_slice(&l.to_le_bytes());
        off += r.len;
    }
    let payload_len = off;
    if payload_len > u32::MAX as usize {
        return Err(reject("image larger than 4 GiB"));
    }

    // Zeroed, so its pages are first touched by the threads that fill them in parallel.
    let mut out = vec![0u8; HEADER_BYTES + payload_len];
    let (front, mut rest) = out.split_at_mut(head.len());
    front.copy_from_slice(&head);
    let mut slots = Vec::with_capacity(n);
    for r in records {
        let (dst, tail) = rest.split_at_mut(r.len);
        slots.push(dst);
        rest = tail;
    }
    slots
        .into_par_iter()
        .zip(records.par_iter())
        .try_for_each(|(dst, r)| r.encode_into(dst))?;

    let checksum = payload_checksum_in_parallel(&out[HEADER_BYTES..]);
    let mut h = Writer {
        out: Vec::with_capacity(HEADER_BYTES),
    };
    h.out.put(MAGIC);
    h.u32(FORMAT_VERSION);
    h.u32(loader.imt_size);
    h.out.put(&own.mvid.0);
    h.out.put(&(payload_len as u64).to_le_bytes());
    h.out.put(&checksum.to_le_bytes());
    let h = h.out;
    out[..HEADER_BYTES].copy_from_slice(&h);
    Ok(out)
}

/// Counts the bytes a record takes.
struct Measure(usize);

impl Sink for Measure {
    #[inline]
    fn put(&mut self, b: &[u8]) {
        self.0 += b.len();
    }
}

/// The part of a record's place not written yet; `overflow` when the record did not fit.
struct Place<'a> {
    rest: &'a mut [u8],
    overflow: bool,
}

impl Sink for Place<'_> {
    #[inline]
    fn put(&mut self, b: &[u8]) {
        match std::mem::take(&mut self.rest).split_at_mut_checked(b.len()) {
            Some((dst, rest)) => {
                dst.copy_from_slice(b);
                self.rest = rest;
            }
            None => self.overflow = true,
        }
    }
}

/// Encodes one ClassInfo; the field order is the format (see docs/ARCHITECTURE.md).
struct Writer<S> {
    out: S,
}

impl<S: Sink> Writer<S> {
    #[inline]
    fn u8(&mut self, v: u8) {
        self.out.put(&[v]);
    }
    #[inline]
    fn u32(&mut self, v: u32) {
        self.out.put(&v.to_le_bytes());
    }
    fn len(&mut self, n: usize) {
        self.u32(n as u32);
    }
    #[inline]
    fn str(&mut self, s: &str) {
        self.len(s.len());
        self.out.put(s.as_bytes());
    }
    /// An (assembly, row) key: the loader's AssemblyIdx is the dependency index, since the
    /// dependency list is the loader's assembly list.
    fn key(&mut self, asm: AssemblyIdx, row: RowIndex) {
        put_key(&mut self.out, asm, row);
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
    fn opt_method(&mut self, m: Option<MethodKey>) {
        match m {
            Some(m) => {
                self.u8(1);
                self.method(m)
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
    fn list<T: Packed>(&mut self, items: List<'_, T>) {
        self.len(items.len());
        for x in items {
            x.pack(&mut self.out);
        }
    }

    fn class(&mut self, c: &ClassInfo) {
        // Names first: the class-name table compares `full_name` without decoding the rest.
        self.str(c.full_name());
        self.str(c.namespace());
        self.str(c.name());
        self.ty(c.key);
        self.u32(c.flags.0);
        self.u32(c.type_attributes);
        self.opt_ty(c.parent);
        self.u8(c.primitive.map(kind_code).unwrap_or(NO_KIND));
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
        self.list(c.ref_bitmap());
        self.list(c.static_ref_bitmap());
        self.list(c.vtable());
        self.list(c.interface_methods());
        self.len(c.interfaces().len());
        for m in c.interfaces() {
            pack_interface(m, &mut self.out);
        }
        self.u32(c.imt().size);
        self.list(c.imt().entries);
        self.opt_method(c.cctor);
        self.opt_u32(c.finalizer_slot);
    }
}

/// Value kinds by code (the code is the index).
const KINDS: [ValueKind; 20] = [
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
];
/// `primitive: None`.
const NO_KIND: u8 = 0xff;

fn kind_code(k: ValueKind) -> u8 {
    // Every kind is in the table (a test checks it).
    KINDS.iter().position(|&x| x == k).unwrap_or(0) as u8
}

// ---------------------------------------------------------------------------------------
// Loading and validation
// ---------------------------------------------------------------------------------------

/// Row counts of one dependency, as loaded in this process: decoded keys must fall inside.
#[derive(Clone, Copy)]
struct Rows {
    types: u32,
    methods: u32,
    fields: u32,
}

/// A validated image of one assembly of a loader. Holds the section bytes, the offset table
/// position and the dependency remapping; ClassInfo records are decoded one at a time, on
/// request (`decode`, or `Loader::class` once attached with `Loader::attach_class_source`).
pub struct AotImage {
    /// The whole file (the section is `data[section..]` up to `end`), shared with every
    /// ClassInfo decoded from it, whose lists are read from it in place.
    bytes: Arc<ImageBytes>,
    /// Payload start within `data`, and its end.
    payload: usize,
    end: usize,
    type_count: usize,
    /// Offset table start (absolute in `data`).
    table_at: usize,
    buckets: usize,
    hash_at: usize,
    /// Image dependency index -> this process's AssemblyIdx, and its row counts.
    remap: Vec<(AssemblyIdx, Rows)>,
    assembly: AssemblyIdx,
    imt_size: u32,
}

/// Finds the `.vcall_classinfo` section in an ELF file: its byte range, checked against the
/// file. A file cut short is reported as truncated.
pub fn find_section(file: &[u8]) -> Result<std::ops::Range<usize>> {
    use goblin::elf::header::{header64::SIZEOF_EHDR, ELFMAG};
    if file.len() < SIZEOF_EHDR {
        return Err(if file.starts_with(ELFMAG) || file.len() < ELFMAG.len() {
            reject(format!("truncated file ({} bytes)", file.len()))
        } else {
            reject("not an ELF file")
        });
    }
    if !file.starts_with(ELFMAG) {
        return Err(reject("not an ELF file"));
    }
    let header = goblin::elf::Elf::parse_header(file)
        .map_err(|e| reject(format!("bad ELF header ({e})")))?;
    let sh_end = (header.e_shoff as u128) + (header.e_shnum as u128) * (header.e_shentsize as u128);
    if sh_end > file.len() as u128 {
        return Err(reject(format!(
            "truncated file ({} bytes, its section headers end at byte {sh_end})",
            file.len()
        )));
    }
    let elf = goblin::elf::Elf::parse(file).map_err(|e| reject(format!("bad ELF file ({e})")))?;
    for sh in &elf.section_headers {
        if elf.shdr_strtab.get_at(sh.sh_name) == Some(SECTION_NAME) {
            let start = usize::try_from(sh.sh_offset).map_err(|_| reject("bad section offset"))?;
            let len = usize::try_from(sh.sh_size).map_err(|_| reject("bad section size"))?;
            let end = start
                .checked_add(len)
                .filter(|&e| e <= file.len())
                .ok_or_else(|| {
                    reject(format!(
                        "truncated file ({} bytes, section {SECTION_NAME} ends past it)",
                        file.len()
                    ))
                })?;
            return Ok(start..end);
        }
    }
    Err(reject(format!("no {SECTION_NAME} section")))
}

impl AotImage {
    /// Reads and validates the image at `path` for assembly `target` of `loader`: format
    /// version, IMT size, the assembly's MVID, the checksum, every dependency's MVID (loading
    /// dependencies as needed) and the offset table. The error is the one-line reason the image
    /// is unusable (`MetadataError::AotImage`).
    pub fn load(loader: &Loader, target: AssemblyIdx, path: &Path) -> Result<AotImage> {
        let file = std::fs::read(path).map_err(|e| reject(format!("cannot read it ({e})")))?;
        let range = find_section(&file)?;
        Self::validate(loader, target, file, range)
    }

    /// Validates section bytes (as written by `encode`) against the loaded assemblies.
    pub fn from_section(
        loader: &Loader,
        target: AssemblyIdx,
        section: Vec<u8>,
    ) -> Result<AotImage> {
        let n = section.len();
        Self::validate(loader, target, section, 0..n)
    }

    fn validate(
        loader: &Loader,
        target: AssemblyIdx,
        data: Vec<u8>,
        section: std::ops::Range<usize>,
    ) -> Result<AotImage> {
        let trunc = |e: Truncated| reject(format!("truncated section ({e})"));
        let mut r = Reader {
            data: &data[..section.end],
            pos: section.start,
        };
        if r.bytes(8).map_err(trunc)? != MAGIC {
            return Err(reject("not a vcall class image (bad magic)"));
        }
        let version = r.u32().map_err(trunc)?;
        if version != FORMAT_VERSION {
            return Err(reject(format!(
                "wrong format version {version} (this vcall reads version {FORMAT_VERSION})"
            )));
        }
        let imt_size = r.u32().map_err(trunc)?;
        if imt_size != loader.imt_size {
            return Err(reject(format!(
                "built for --imt-size {imt_size}, running with {}",
                loader.imt_size
            )));
        }
        let own = Mvid(r.array16().map_err(trunc)?);
        let asm = loader.assembly_at(target);
        let actual = Mvid(asm.mvid()?);
        if own != actual {
            return Err(reject(format!(
                "MVID mismatch (image built for {own}, assembly is {actual})"
            )));
        }
        let payload_len = r.u64().map_err(trunc)?;
        let checksum = r.u64().map_err(trunc)?;
        let payload = r.pos;
        let have = (section.end - payload) as u64;
        if have != payload_len {
            return Err(reject(format!(
                "{} (header says {payload_len} payload bytes, the section holds {have})",
                if have < payload_len {
                    "truncated section"
                } else {
                    "section longer than its header says"
                }
            )));
        }
        let actual_sum = payload_checksum(&data[payload..section.end]);
        if actual_sum != checksum {
            return Err(reject(format!(
                "checksum mismatch (stored {checksum:016x}, computed {actual_sum:016x}): the file is corrupt"
            )));
        }
        // The payload is what was written; still, every read below stays checked.
        let malformed = |e: Truncated| reject(format!("malformed payload ({e})"));
        let dep_count = r.u32().map_err(malformed)? as usize;
        let own_index = r.u32().map_err(malformed)? as usize;
        if own_index >= dep_count || dep_count > u16::MAX as usize {
            return Err(reject("malformed dependency list"));
        }
        let mut remap = Vec::with_capacity(dep_count.min(64));
        for i in 0..dep_count {
            let mvid = Mvid(r.array16().map_err(malformed)?);
            let name = r.str().map_err(malformed)?;
            let idx = if i == own_index {
                target
            } else if i == 0 || is_corlib_name(name) {
                AssemblyIdx::CORLIB
            } else {
                loader
                    .assembly_by_name(name, asm, Token(0))
                    .map_err(|e| reject(format!("dependency {name} cannot be loaded ({e})")))?
            };
            let dep = loader.assembly_at(idx);
            let loaded = Mvid(dep.mvid()?);
            if loaded != mvid {
                return Err(reject(format!(
                    "dependency {name} MVID mismatch (image built against {mvid}, loaded {loaded})"
                )));
            }
            let rows = Rows {
                types: dep.tables.rows(TableId::TypeDef),
                methods: dep.tables.rows(TableId::MethodDef),
                fields: dep.tables.rows(TableId::Field),
            };
            remap.push((idx, rows));
        }
        let type_count = r.u32().map_err(malformed)? as usize;
        let rows = asm.tables.rows(TableId::TypeDef) as usize;
        if type_count != rows {
            return Err(reject(format!(
                "type count mismatch (image has {type_count}, assembly has {rows})"
            )));
        }
        let table_at = r.pos;
        r.skip(type_count * 8).map_err(malformed)?;
        let buckets = r.u32().map_err(malformed)? as usize;
        if buckets == 0 || !buckets.is_power_of_two() || buckets < type_count {
            return Err(reject("malformed class-name table"));
        }
        let hash_at = r.pos;
        r.skip(
            buckets
                .checked_mul(4)
                .ok_or_else(|| reject("malformed class-name table"))?,
        )
        .map_err(malformed)?;
        let records_at = r.pos;
        if u32::try_from(data.len()).is_err() {
            // Packed lists address the file with 32-bit offsets; a writer never gets this big.
            return Err(reject("image larger than 4 GiB"));
        }
        let deps = remap.iter().map(|&(idx, _)| idx).collect();
        let image = AotImage {
            bytes: Arc::new(ImageBytes { data, deps }),
            payload,
            end: section.end,
            type_count,
            table_at,
            buckets,
            hash_at,
            remap,
            assembly: target,
            imt_size,
        };
        // Check the offset table once (cheap: no record is decoded here).
        for i in 0..type_count {
            match image.record_range(i) {
                Some((start, _)) if start >= records_at => {}
                _ => {
                    return Err(reject(format!(
                        "record of TypeDef row {} out of bounds",
                        i + 1
                    )))
                }
            }
        }
        Ok(image)
    }

    pub fn assembly(&self) -> AssemblyIdx {
        self.assembly
    }

    pub fn type_count(&self) -> usize {
        self.type_count
    }

    /// The absolute byte range of record `i` (zero-based row), if inside the payload.
    fn record_range(&self, i: usize) -> Option<(usize, usize)> {
        if i >= self.type_count {
            return None;
        }
        let at = self.table_at + 8 * i;
        let off = u32le(&self.bytes.data, at)? as usize;
        let len = u32le(&self.bytes.data, at + 4)? as usize;
        let start = self.payload.checked_add(off)?;
        let end = start.checked_add(len)?;
        (end <= self.end).then_some((start, end))
    }

    /// The record of a TypeDef row: where it starts in the image, and its bytes.
    fn record(&self, row: RowIndex) -> Option<(usize, &[u8])> {
        if row.is_null() {
            return None;
        }
        let (start, end) = self.record_range(row.zero_based())?;
        Some((start, self.bytes.data.get(start..end)?))
    }

    /// Looks a type up by full name (`Namespace.Outer+Inner`) in the class-name hash table,
    /// without decoding any record.
    pub fn find(&self, full_name: &str) -> Option<TypeKey> {
        let mut b = name_hash(full_name) as usize & (self.buckets - 1);
        for _ in 0..self.buckets {
            let row = u32le(&self.bytes.data, self.hash_at + 4 * b)?;
            if row == 0 {
                return None;
            }
            let (_, rec) = self.record(RowIndex(row))?;
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

    /// Decodes the ClassInfo of one TypeDef of the image's assembly, checking every key
    /// against the loaded assemblies' row counts and every slot against the vtable. Shared
    /// from the start: the loader caches it so, and each move of a ClassInfo on the way
    /// there was a copy of a few hundred bytes.
    pub fn decode(&self, key: TypeKey) -> Result<Arc<ClassInfo>> {
        let bad = |what: String| reject(format!("record of {} is malformed: {what}", key.token()));
        if key.assembly != self.assembly {
            return Err(bad("type of another assembly".into()));
        }
        let (start, rec) = self
            .record(key.row)
            .ok_or_else(|| bad("no such record".into()))?;
        let mut d = Decoder {
            r: Reader { data: rec, pos: 0 },
            remap: &self.remap,
            image: &self.bytes,
            base: start,
            imt_size: self.imt_size,
        };
        let info = Arc::new(d.class().map_err(|e| bad(e.to_string()))?);
        if d.r.pos != rec.len() {
            return Err(bad("trailing bytes".into()));
        }
        if info.key != key {
            return Err(bad(format!("it describes {}", info.key.token())));
        }
        check_layout(&info).map_err(bad)?;
        Ok(info)
    }
}

impl ClassSource for AotImage {
    fn class_info(&self, key: TypeKey) -> Option<Arc<ClassInfo>> {
        self.decode(key).ok()
    }
}

/// What the runtime indexes or writes with must stay in bounds: fields and reference bits
/// inside the instance or the static storage, the finalizer slot inside the vtable. (A
/// computed ClassInfo always passes; this keeps a crafted image that matches its checksum
/// from steering the runtime outside an object. Slots in the lists are checked as the lists
/// are, in `Decoder`.)
fn check_layout(c: &ClassInfo) -> std::result::Result<(), String> {
    let n = c.vtable().len() as u32;
    if let Some(s) = c.finalizer_slot.filter(|&s| s >= n) {
        return Err(format!("finalizer slot {s} beyond the vtable"));
    }
    for f in c.fields.iter().filter(|f| !f.is_literal) {
        let limit = if f.is_static {
            c.static_size
        } else {
            c.instance_size
        };
        if f.offset as u64 + f.size as u64 > limit as u64 {
            return Err(format!("field {} beyond its storage", f.name));
        }
    }
    for (bitmap, size, what) in [
        (c.ref_bitmap(), c.instance_size, "instance"),
        (c.static_ref_bitmap(), c.static_size, "static"),
    ] {
        let words = (size as u64).div_ceil(8);
        let top = bitmap
            .iter()
            .enumerate()
            .rev()
            .find(|&(_, w)| w != 0)
            .map(|(i, w)| i as u64 * 64 + 63 - w.leading_zeros() as u64);
        if top.is_some_and(|t| t >= words) {
            return Err(format!("{what} reference bitmap beyond the storage"));
        }
    }
    Ok(())
}

fn u32le(d: &[u8], at: usize) -> Option<u32> {
    let b = d.get(at..at.checked_add(4)?)?;
    Some(u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
}

/// A read past the end of the bytes being decoded, or a value that cannot be valid there.
/// Eight bytes, so every `Decoded` read returns in registers.
#[derive(Debug, Clone, Copy)]
struct Truncated {
    at: u32,
    what: Flaw,
}

/// What `Truncated` found.
#[derive(Debug, Clone, Copy)]
enum Flaw {
    End,
    NotUtf8,
    Count,
    Row,
    Dependency,
    OptionTag,
    ValueKind,
    PrimitiveKind,
    FieldFlags,
    SlotKind,
    SlotBits,
    SlotBeyondVtable,
    BucketBeyondImt,
    BucketOrder,
    ImtSize,
}

impl std::fmt::Display for Truncated {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let what = match self.what {
            Flaw::End => "unexpected end",
            Flaw::NotUtf8 => "string not UTF-8",
            Flaw::Count => "count exceeds the record",
            Flaw::Row => "row out of range",
            Flaw::Dependency => "dependency index out of range",
            Flaw::OptionTag => "bad option tag",
            Flaw::ValueKind => "bad value kind",
            Flaw::PrimitiveKind => "bad primitive kind",
            Flaw::FieldFlags => "bad field flags",
            Flaw::SlotKind => "bad slot kind",
            Flaw::SlotBits => "bad slot bits",
            Flaw::SlotBeyondVtable => "slot beyond the vtable",
            Flaw::BucketBeyondImt => "IMT entry bucket beyond the IMT",
            Flaw::BucketOrder => "IMT entries out of bucket order",
            Flaw::ImtSize => "IMT of another size than the image's",
        };
        // A position past 4 GiB (only in a header read of a huge file) shows as 4294967295.
        write!(f, "{what} at byte {}", self.at)
    }
}

type Decoded<T> = std::result::Result<T, Truncated>;

/// Bounds-checked little-endian reads.
struct Reader<'a> {
    data: &'a [u8],
    pos: usize,
}

impl<'a> Reader<'a> {
    #[inline]
    fn fail<T>(&self, what: Flaw) -> Decoded<T> {
        Err(Truncated {
            at: u32::try_from(self.pos).unwrap_or(u32::MAX),
            what,
        })
    }
    #[inline]
    fn bytes(&mut self, n: usize) -> Decoded<&'a [u8]> {
        match self
            .pos
            .checked_add(n)
            .and_then(|end| Some((end, self.data.get(self.pos..end)?)))
        {
            Some((end, s)) => {
                self.pos = end;
                Ok(s)
            }
            None => self.fail(Flaw::End),
        }
    }
    fn skip(&mut self, n: usize) -> Decoded<()> {
        self.bytes(n).map(|_| ())
    }
    fn u8(&mut self) -> Decoded<u8> {
        Ok(self.bytes(1)?[0])
    }
    fn u32(&mut self) -> Decoded<u32> {
        let b = self.bytes(4)?;
        Ok(u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
    }
    #[inline]
    fn u64(&mut self) -> Decoded<u64> {
        let mut a = [0u8; 8];
        a.copy_from_slice(self.bytes(8)?);
        Ok(u64::from_le_bytes(a))
    }
    fn array16(&mut self) -> Decoded<[u8; 16]> {
        self.array::<16>().copied()
    }
    #[inline(always)]
    fn array<const N: usize>(&mut self) -> Decoded<&'a [u8; N]> {
        match self.bytes(N)?.as_chunks::<N>().0.first() {
            Some(a) => Ok(a),
            None => self.fail(Flaw::End),
        }
    }
    fn str(&mut self) -> Decoded<&'a str> {
        let n = self.u32()? as usize;
        let at = self.pos;
        let b = self.bytes(n)?;
        std::str::from_utf8(b).map_err(|_| Truncated {
            at: u32::try_from(at).unwrap_or(u32::MAX),
            what: Flaw::NotUtf8,
        })
    }
    /// A count of items of at least `min_item` bytes each, checked against what is left,
    /// so no allocation is sized by an unchecked number.
    #[inline]
    fn count(&mut self, min_item: usize) -> Decoded<usize> {
        let n = self.u32()? as usize;
        if n.saturating_mul(min_item) > self.data.len() - self.pos {
            return self.fail(Flaw::Count);
        }
        Ok(n)
    }
}

/// Sizes of encoded items, for `Reader::count`.
const FIELD_MIN_BYTES: usize = KEY_BYTES + 4 + 1 + 1 + 4 + 4 + 1 + 1;

struct Decoder<'a> {
    r: Reader<'a>,
    remap: &'a [(AssemblyIdx, Rows)],
    /// The image the record is in, and where the record starts in it: lists stay there.
    image: &'a Arc<ImageBytes>,
    base: usize,
    /// The image's IMT size: a class's plan has that many buckets, or none.
    imt_size: u32,
}

/// Which row count a key is checked against.
#[derive(Clone, Copy)]
enum KeyOf {
    Type,
    Method,
    Field,
}

impl<'a> Decoder<'a> {
    /// An (assembly, row) key from its six bytes, whose row must be within that assembly's
    /// table; `end` is the position after it (for the error).
    #[inline(always)]
    fn key_in(&self, b: &[u8], end: usize, of: KeyOf) -> Decoded<(AssemblyIdx, RowIndex)> {
        let (dep, row) = key_parts(b);
        let fail = |what| {
            Err(Truncated {
                at: u32::try_from(end).unwrap_or(u32::MAX),
                what,
            })
        };
        match self.remap.get(dep) {
            Some((idx, rows)) => {
                let limit = match of {
                    KeyOf::Type => rows.types,
                    KeyOf::Method => rows.methods,
                    KeyOf::Field => rows.fields,
                };
                if row >= 1 && row <= limit {
                    Ok((*idx, RowIndex(row)))
                } else {
                    fail(Flaw::Row)
                }
            }
            None => fail(Flaw::Dependency),
        }
    }
    #[inline(always)]
    fn key(&mut self, of: KeyOf) -> Decoded<(AssemblyIdx, RowIndex)> {
        let b = self.r.array::<KEY_BYTES>()?;
        self.key_in(b, self.r.pos, of)
    }
    fn ty(&mut self) -> Decoded<TypeKey> {
        let (assembly, row) = self.key(KeyOf::Type)?;
        Ok(TypeKey { assembly, row })
    }
    fn method(&mut self) -> Decoded<MethodKey> {
        let (assembly, row) = self.key(KeyOf::Method)?;
        Ok(MethodKey { assembly, row })
    }
    fn field(&mut self) -> Decoded<FieldKey> {
        let (assembly, row) = self.key(KeyOf::Field)?;
        Ok(FieldKey { assembly, row })
    }
    /// A count and that many fixed-size items, taken as one slice (one bounds check), with
    /// the position of the first.
    #[inline(always)]
    fn items<const N: usize>(&mut self) -> Decoded<(usize, &'a [[u8; N]])> {
        let n = self.r.count(N)?;
        let at = self.r.pos;
        // `count` checked n * N against what is left.
        let (items, _) = self.r.bytes(n * N)?.as_chunks::<N>();
        Ok((at, items))
    }
    fn flag(&mut self) -> Decoded<bool> {
        match self.r.u8()? {
            0 => Ok(false),
            1 => Ok(true),
            _ => self.r.fail(Flaw::OptionTag),
        }
    }
    fn opt_ty(&mut self) -> Decoded<Option<TypeKey>> {
        Ok(if self.flag()? { Some(self.ty()?) } else { None })
    }
    fn opt_method(&mut self) -> Decoded<Option<MethodKey>> {
        Ok(if self.flag()? {
            Some(self.method()?)
        } else {
            None
        })
    }
    fn opt_u32(&mut self) -> Decoded<Option<u32>> {
        Ok(if self.flag()? {
            Some(self.r.u32()?)
        } else {
            None
        })
    }
    fn kind(&mut self) -> Decoded<ValueKind> {
        match KINDS.get(self.r.u8()? as usize) {
            Some(&k) => Ok(k),
            None => self.r.fail(Flaw::ValueKind),
        }
    }
    fn string(&mut self) -> Decoded<String> {
        self.r.str().map(str::to_owned)
    }
    /// A reference bitmap: its words are any bits, but must be there.
    fn bitmap(&mut self) -> Decoded<()> {
        self.items::<8>().map(drop)
    }
    /// Full name, namespace and name, left in the image once each is found to be UTF-8 (on
    /// its own: a split inside a character is refused).
    #[inline(never)]
    fn names(&mut self) -> Decoded<()> {
        for _ in 0..3 {
            self.r.str()?;
        }
        Ok(())
    }

    #[inline(never)]
    fn fields(&mut self) -> Decoded<Box<[FieldInfo]>> {
        let nf = self.r.count(FIELD_MIN_BYTES)?;
        let mut fields = Vec::with_capacity(nf);
        for _ in 0..nf {
            let key = self.field()?;
            let name = self.string()?;
            let kind = self.kind()?;
            let class = self.opt_ty()?;
            let offset = self.r.u32()?;
            let size = self.r.u32()?;
            let bits = self.r.u8()?;
            if bits > 3 {
                return self.r.fail(Flaw::FieldFlags);
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
        Ok(fields.into_boxed_slice())
    }

    /// Where record position `at` lies in the image (the record lies inside the image, which
    /// is below 4 GiB).
    fn image_pos(&self, at: usize) -> u32 {
        (self.base + at) as u32
    }

    // The lists are checked where they lie and left there (`ClassData::Packed`): every key
    // within its table, every slot within the vtable, IMT buckets in order.

    /// The vtable: its length in slots.
    #[inline(never)]
    fn vtable(&mut self) -> Decoded<u32> {
        let (at, slots) = self.items::<{ VtableSlot::BYTES }>()?;
        for (i, s) in slots.iter().enumerate() {
            let end = at + VtableSlot::BYTES * (i + 1);
            self.key_in(&s[..KEY_BYTES], end - 1, KeyOf::Method)?;
            if let Err(bad_kind) = check_slot_bits(s[KEY_BYTES]) {
                return Err(Truncated {
                    at: end as u32,
                    what: if bad_kind {
                        Flaw::SlotKind
                    } else {
                        Flaw::SlotBits
                    },
                });
            }
        }
        Ok(slots.len() as u32)
    }

    #[inline(never)]
    fn methods(&mut self) -> Decoded<()> {
        let (at, keys) = self.items::<KEY_BYTES>()?;
        for (i, b) in keys.iter().enumerate() {
            self.key_in(b, at + KEY_BYTES * (i + 1), KeyOf::Method)?;
        }
        Ok(())
    }

    /// The interface maps of a class with `vtable_len` slots.
    #[inline(never)]
    fn interfaces(&mut self, vtable_len: u32) -> Decoded<()> {
        let ni = self.r.count(INTERFACE_HEAD_BYTES)?;
        for _ in 0..ni {
            // The key and the slot count in one read.
            let head = self.r.array::<INTERFACE_HEAD_BYTES>()?;
            self.key_in(&head[..KEY_BYTES], self.r.pos - 4, KeyOf::Type)?;
            let n = u32::from_le_bytes([head[6], head[7], head[8], head[9]]) as usize;
            let Some(bytes) = n.checked_mul(4).and_then(|len| self.r.bytes(len).ok()) else {
                return self.r.fail(Flaw::Count);
            };
            // u32::MAX: an abstract class's or a generic interface's unmapped method.
            let beyond = |s: &[u8; 4]| {
                let s = u32::from_le_bytes(*s);
                s >= vtable_len && s != u32::MAX
            };
            if bytes.as_chunks::<4>().0.iter().any(beyond) {
                return self.r.fail(Flaw::SlotBeyondVtable);
            }
        }
        Ok(())
    }

    /// The IMT plan of a class with `vtable_len` slots.
    #[inline(never)]
    fn imt(&mut self, vtable_len: u32) -> Decoded<()> {
        let size = self.r.u32()?;
        if !(size == 0 || size == self.imt_size) {
            return self.r.fail(Flaw::ImtSize);
        }
        let (at, items) = self.items::<{ ImtEntry::BYTES }>()?;
        let mut last_bucket = 0;
        for (i, e) in items.iter().enumerate() {
            let end = at + ImtEntry::BYTES * (i + 1);
            self.key_in(&e[4..4 + KEY_BYTES], end - 4, KeyOf::Method)?;
            let bucket = u32::from_le_bytes([e[0], e[1], e[2], e[3]]);
            let k = 4 + KEY_BYTES;
            let slot = u32::from_le_bytes([e[k], e[k + 1], e[k + 2], e[k + 3]]);
            let flaw = if bucket >= size {
                Flaw::BucketBeyondImt
            } else if bucket < last_bucket {
                Flaw::BucketOrder
            } else if slot >= vtable_len {
                Flaw::SlotBeyondVtable
            } else {
                last_bucket = bucket;
                continue;
            };
            return Err(Truncated {
                at: end as u32,
                what: flaw,
            });
        }
        Ok(())
    }

    // Each section of a record is decoded by a function of its own (kept out of line), so
    // that its loop gets registers to itself: inlined into one large function, every loop
    // kept its state on the stack and cost several times the instructions.
    fn class(&mut self) -> Decoded<ClassInfo> {
        let record = self.image_pos(self.r.pos);
        self.names()?;
        let key = self.ty()?;
        let flags = ClassFlags(self.r.u32()?);
        let type_attributes = self.r.u32()?;
        let parent = self.opt_ty()?;
        let primitive = match self.r.u8()? {
            NO_KIND => None,
            c => match KINDS.get(c as usize) {
                Some(&k) => Some(k),
                None => return self.r.fail(Flaw::PrimitiveKind),
            },
        };
        let instance_size = self.r.u32()?;
        let min_align = self.r.u32()?;
        let packing = self.r.u32()?;
        let fields = self.fields()?;
        let static_size = self.r.u32()?;
        // The order `PackedData` finds these parts in.
        let bitmaps = self.image_pos(self.r.pos);
        self.bitmap()?;
        self.bitmap()?;
        let vtable_len = self.vtable()?;
        self.methods()?;
        self.interfaces(vtable_len)?;
        let imt = self.image_pos(self.r.pos);
        self.imt(vtable_len)?;
        let cctor = self.opt_method()?;
        let finalizer_slot = self.opt_u32()?;
        Ok(ClassInfo {
            key,
            flags,
            type_attributes,
            parent,
            primitive,
            instance_size,
            min_align,
            packing,
            fields,
            static_size,
            data: ClassData::Packed(PackedData {
                image: self.image.clone(),
                record,
                bitmaps,
                imt,
            }),
            cctor,
            finalizer_slot,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn checksum_is_xxhash64() {
        // Reference values of XXH64 with seed 0.
        assert_eq!(checksum64(b""), 0xef46_db37_51d8_e999);
        assert_eq!(checksum64(b"abc"), 0x44bc_2cf5_ad77_0999);
        // Every length path (stripes, words, a 4-byte word, single bytes) differs.
        let data: Vec<u8> = (0..100u8).collect();
        let sums: std::collections::HashSet<u64> =
            (0..=100).map(|n| checksum64(&data[..n])).collect();
        assert_eq!(sums.len(), 101);
    }

    #[test]
    fn payload_checksum_is_the_same_on_one_thread_and_many() {
        let data: Vec<u8> = (0..3 * CHECKSUM_BLOCK + 5)
            .map(|i| (i * 7 % 251) as u8)
            .collect();
        for n in [0, 1, CHECKSUM_BLOCK, CHECKSUM_BLOCK + 1, data.len()] {
            assert_eq!(
                payload_checksum(&data[..n]),
                payload_checksum_in_parallel(&data[..n])
            );
        }
        // Blocks are hashed, then the block sums: not one pass over the bytes.
        assert_ne!(payload_checksum(&data), checksum64(&data));
    }

    #[test]
    fn type_names_in_an_image_need_each_part_to_be_utf8() {
        // Decodes three length-prefixed names; Some(names read back in place) when valid.
        let names = |parts: [&[u8]; 3]| {
            let mut data = Vec::new();
            for p in parts {
                data.extend_from_slice(&(p.len() as u32).to_le_bytes());
                data.extend_from_slice(p);
            }
            let image = Arc::new(ImageBytes {
                data: data.clone(),
                deps: Box::default(),
            });
            let mut d = Decoder {
                r: Reader {
                    data: &data,
                    pos: 0,
                },
                remap: &[],
                image: &image,
                base: 0,
                imt_size: 19,
            };
            d.names().ok()?;
            let packed = ClassData::Packed(PackedData {
                image: image.clone(),
                record: 0,
                bitmaps: 0,
                imt: 0,
            });
            Some((
                packed.full_name().to_string(),
                packed.namespace().to_string(),
                packed.name().to_string(),
            ))
        };
        let n = names([b"N.\xc3\xa9", b"N", b"\xc3\xa9"]).unwrap();
        assert_eq!(
            (n.0.as_str(), n.1.as_str(), n.2.as_str()),
            ("N.\u{e9}", "N", "\u{e9}")
        );
        // Joined, these are UTF-8, but the split falls inside a character.
        assert!(names([b"\xc3", b"\xa9", b""]).is_none());
        assert!(names([b"a", b"\xff", b"b"]).is_none());
    }

    #[test]
    fn records_are_measured_at_their_encoded_size() {
        let corlib = Path::new(env!("CARGO_MANIFEST_DIR")).join("../corlib/mscorlib.dll");
        let loader = Loader::new(&corlib, 19).unwrap();
        let mut checked = 0;
        for key in loader.all_types(AssemblyIdx::CORLIB) {
            let Ok(c) = loader.class_ref(key) else {
                continue;
            };
            let r = Record::measure(c);
            let mut w = Writer { out: Vec::new() };
            w.class(c);
            assert_eq!(r.len, w.out.len(), "{}", c.full_name());
            let mut place = vec![0u8; r.len];
            r.encode_into(&mut place).unwrap();
            assert_eq!(place, w.out, "{}", c.full_name());
            // A place of any other size is refused, not overrun or left part-filled.
            assert!(r.encode_into(&mut vec![0u8; r.len + 1]).is_err());
            assert!(r.encode_into(&mut vec![0u8; r.len - 1]).is_err());
            checked += 1;
        }
        assert!(checked > 100);
    }

    #[test]
    fn every_value_kind_has_a_code() {
        for (i, &k) in KINDS.iter().enumerate() {
            assert_eq!(kind_code(k) as usize, i);
        }
        assert!(KINDS.len() < NO_KIND as usize);
    }

    #[test]
    fn mvid_prints_like_a_dotnet_guid() {
        let m = Mvid([
            0x33, 0x22, 0x11, 0x00, 0x55, 0x44, 0x77, 0x66, 0x88, 0x99, 0xaa, 0xbb, 0xcc, 0xdd,
            0xee, 0xff,
        ]);
        assert_eq!(m.to_string(), "00112233-4455-6677-8899-aabbccddeeff");
    }
}
