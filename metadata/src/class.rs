//! The class loader: builds plain-data `ClassInfo` (layout, vtable, interface map, IMT plan)
//! for a type definition, lazily and once, following ECMA-335 II.10.3 and Mono's rules.

use crate::error::{MetadataError, Result};
use crate::lists::{BuiltData, ClassData, ImtPlan, InterfaceRef, Interfaces, List};
use crate::loader::{primitive_name, AssemblyIdx, FieldKey, Loader, MethodKey, TypeKey};
use crate::signature::{self, TypeSig};
use crate::token::{RowIndex, TableId, Token};
use hashbrown::HashMap;
use smallvec::SmallVec;
use std::sync::atomic::{AtomicU32, AtomicU64, Ordering::Relaxed};
use std::sync::{Arc, Mutex, OnceLock};

/// Bytes before the first instance field of a reference type: vtable pointer and sync word.
pub const OBJECT_HEADER_BYTES: u32 = 16;

/// Class flags, a plain bit set so it serializes as one integer.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub struct ClassFlags(pub u32);

impl ClassFlags {
    pub const HAS_FINALIZER: u32 = 1 << 0;
    pub const HAS_CCTOR: u32 = 1 << 1;
    pub const BEFORE_FIELD_INIT: u32 = 1 << 2;
    pub const ABSTRACT: u32 = 1 << 3;
    pub const SEALED: u32 = 1 << 4;
    pub const INTERFACE: u32 = 1 << 5;
    pub const VALUE_TYPE: u32 = 1 << 6;
    pub const ENUM: u32 = 1 << 7;
    pub const HAS_REFERENCES: u32 = 1 << 8;
    pub const HAS_STATIC_REFS: u32 = 1 << 9;
    pub const EXPLICIT_LAYOUT: u32 = 1 << 10;
    pub const SEQUENTIAL_LAYOUT: u32 = 1 << 11;
    pub const GENERIC_DEFINITION: u32 = 1 << 12;
    pub const NESTED: u32 = 1 << 13;

    pub fn has(self, bit: u32) -> bool {
        self.0 & bit != 0
    }

    pub fn names(self) -> Vec<&'static str> {
        const NAMES: [(u32, &str); 14] = [
            (ClassFlags::INTERFACE, "interface"),
            (ClassFlags::ABSTRACT, "abstract"),
            (ClassFlags::SEALED, "sealed"),
            (ClassFlags::VALUE_TYPE, "valuetype"),
            (ClassFlags::ENUM, "enum"),
            (ClassFlags::EXPLICIT_LAYOUT, "explicit-layout"),
            (ClassFlags::SEQUENTIAL_LAYOUT, "sequential"),
            (ClassFlags::BEFORE_FIELD_INIT, "beforefieldinit"),
            (ClassFlags::HAS_CCTOR, "cctor"),
            (ClassFlags::HAS_FINALIZER, "finalizer"),
            (ClassFlags::HAS_REFERENCES, "has-references"),
            (ClassFlags::HAS_STATIC_REFS, "has-static-refs"),
            (ClassFlags::GENERIC_DEFINITION, "generic"),
            (ClassFlags::NESTED, "nested"),
        ];
        NAMES
            .iter()
            .filter(|(b, _)| self.has(*b))
            .map(|(_, n)| *n)
            .collect()
    }
}

/// How a value is stored: what the JIT needs to load, store and pass it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ValueKind {
    Void,
    Bool,
    Char,
    I1,
    U1,
    I2,
    U2,
    I4,
    U4,
    I8,
    U8,
    R4,
    R8,
    /// native int / IntPtr
    I,
    /// native unsigned int / UIntPtr
    U,
    /// Unmanaged or function pointer.
    Ptr,
    /// Managed pointer (`ref`).
    ByRef,
    /// Any object reference: class, interface, string, array, object.
    Ref,
    /// A user struct (or a struct the runtime does not treat as a primitive).
    Struct,
    /// An unresolved generic parameter; laid out as a pointer-sized slot.
    GenericParam,
}

impl ValueKind {
    pub fn size(self) -> u32 {
        match self {
            ValueKind::Void => 0,
            ValueKind::Bool | ValueKind::I1 | ValueKind::U1 => 1,
            ValueKind::Char | ValueKind::I2 | ValueKind::U2 => 2,
            ValueKind::I4 | ValueKind::U4 | ValueKind::R4 => 4,
            _ => 8,
        }
    }
    pub fn is_reference(self) -> bool {
        matches!(self, ValueKind::Ref | ValueKind::GenericParam)
    }
}

/// A resolved field or slot type: its kind and, for structs and references, the class.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct FieldType {
    pub kind: ValueKind,
    pub class: Option<TypeKey>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FieldInfo {
    pub key: FieldKey,
    pub name: String,
    pub ty: FieldType,
    /// Instance fields: from the object start (reference types) or value start (structs).
    /// Static fields: from the start of the class's static storage.
    pub offset: u32,
    pub size: u32,
    pub is_static: bool,
    /// `const` fields have no storage.
    pub is_literal: bool,
    /// Initial data (array initialisers), an RVA in the declaring assembly.
    pub rva: Option<u32>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SlotKind {
    /// Introduced by this class (or `newslot` hiding a base slot).
    NewSlot,
    /// This class replaced the base class's method in the slot.
    Override,
    /// Inherited unchanged.
    Inherited,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct VtableSlot {
    pub method: MethodKey,
    pub kind: SlotKind,
    pub is_abstract: bool,
}

/// Where one interface's methods live in this class's vtable.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct InterfaceMap {
    pub interface: TypeKey,
    /// For each interface method, in declaration order: the implementing vtable slot.
    /// Inline up to four (as large as a `Vec` with the `union` feature): most interfaces
    /// are that small, and a class maps all of its ancestors' interfaces.
    pub slots: SmallVec<[u32; 4]>,
}

/// A reference bitmap, one bit per 8-byte word; inline up to 128 words (the size of a `Vec`).
pub type Bitmap = SmallVec<[u64; 2]>;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ImtEntry {
    /// The IMT slot this entry hashes to.
    pub bucket: u32,
    /// A method of the interface itself (so its owner is the interface).
    pub interface_method: MethodKey,
    pub vtable_slot: u32,
}

/// The IMT plan as built: `size` buckets, 0 when the class implements no interface (then it
/// has no IMT, as in Mono). The entries of all buckets sit in one slice, sorted by bucket
/// (stably: within a bucket, in interface-map order), since most buckets hold no entry or
/// one. Read it through `ClassInfo::imt`.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct Imt {
    pub size: u32,
    pub entries: Box<[ImtEntry]>,
}

/// Everything the runtime needs about a type, as plain data (tokens and indices only),
/// so `--aot=metadata-only` can store it and load it back unchanged. The parts whose size
/// varies are in `data`, which is small whichever way they are stored: each decoded class is
/// fresh memory, and at 240 bytes (with the names, bitmaps and list positions inline) first
/// touches of its pages were a quarter of decoding time.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ClassInfo {
    pub key: TypeKey,
    pub flags: ClassFlags,
    pub type_attributes: u32,
    pub parent: Option<TypeKey>,
    /// For enums the underlying kind; for corlib primitives their own kind.
    pub primitive: Option<ValueKind>,
    /// Reference types: the whole object including the header. Value types: the value.
    pub instance_size: u32,
    pub min_align: u32,
    pub packing: u32,
    pub fields: Box<[FieldInfo]>,
    pub static_size: u32,
    /// Names, reference bitmaps, vtable, interface methods, interface maps and IMT plan:
    /// `full_name()`, `ref_bitmap()`, `vtable()`, ... below.
    pub data: ClassData,
    pub cctor: Option<MethodKey>,
    pub finalizer_slot: Option<u32>,
}

/// A computed type's three names, in one allocation.
#[derive(Clone, Default, PartialEq, Eq)]
pub struct TypeNames {
    /// The full name, the namespace, the name, one after the other.
    text: Box<str>,
    namespace_at: u32,
    name_at: u32,
}

impl TypeNames {
    pub fn new(full_name: &str, namespace: &str, name: &str) -> TypeNames {
        let mut text = String::with_capacity(full_name.len() + namespace.len() + name.len());
        text.push_str(full_name);
        text.push_str(namespace);
        text.push_str(name);
        // Names come from a heap or a record, each far below 4 GiB.
        TypeNames {
            text: text.into_boxed_str(),
            namespace_at: full_name.len() as u32,
            name_at: (full_name.len() + namespace.len()) as u32,
        }
    }
    /// Full name (0), namespace (1) or name (2).
    pub(crate) fn part(&self, i: usize) -> &str {
        let (ns, n) = (self.namespace_at as usize, self.name_at as usize);
        let part = match i {
            0 => self.text.get(..ns),
            1 => self.text.get(ns..n),
            _ => self.text.get(n..),
        };
        part.unwrap_or("")
    }
    pub fn full_name(&self) -> &str {
        self.part(0)
    }
    pub fn namespace(&self) -> &str {
        self.part(1)
    }
    pub fn name(&self) -> &str {
        self.part(2)
    }
}

impl std::fmt::Debug for TypeNames {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("TypeNames")
            .field("full_name", &self.full_name())
            .field("namespace", &self.namespace())
            .field("name", &self.name())
            .finish()
    }
}

impl ClassInfo {
    /// `Namespace.Outer+Inner`.
    pub fn full_name(&self) -> &str {
        self.data.full_name()
    }
    pub fn namespace(&self) -> &str {
        self.data.namespace()
    }
    pub fn name(&self) -> &str {
        self.data.name()
    }
    pub fn is_value_type(&self) -> bool {
        self.flags.has(ClassFlags::VALUE_TYPE)
    }
    pub fn is_interface(&self) -> bool {
        self.flags.has(ClassFlags::INTERFACE)
    }
    pub fn field(&self, key: FieldKey) -> Option<&FieldInfo> {
        self.fields.iter().find(|f| f.key == key)
    }
    pub fn slot_of(&self, m: MethodKey) -> Option<u32> {
        self.vtable()
            .iter()
            .rposition(|s| s.method == m)
            .map(|i| i as u32)
    }
    pub fn interface_map(&self, iface: TypeKey) -> Option<InterfaceRef<'_>> {
        self.interfaces().find(iface)
    }
    /// One bit per 8-byte word of the instance that holds a reference.
    pub fn ref_bitmap(&self) -> List<'_, u64> {
        self.data.ref_bitmap()
    }
    /// One bit per 8-byte word of the static storage that holds a reference.
    pub fn static_ref_bitmap(&self) -> List<'_, u64> {
        self.data.static_ref_bitmap()
    }
    pub fn vtable(&self) -> List<'_, VtableSlot> {
        self.data.vtable()
    }
    /// For interfaces: their methods in slot order (the interface's own "vtable").
    pub fn interface_methods(&self) -> List<'_, MethodKey> {
        self.data.interface_methods()
    }
    /// Every interface the type implements (its ancestors' first), with where each
    /// interface method lives in the vtable.
    pub fn interfaces(&self) -> Interfaces<'_> {
        self.data.interfaces()
    }
    pub fn imt(&self) -> ImtPlan<'_> {
        self.data.imt()
    }
}

/// Where ClassInfo can come from instead of being computed: a validated AOT image
/// (`crate::aot::AotImage`). Consulted by `Loader::class` before building; `None` means
/// "compute it" (the source has no usable record for this type).
pub trait ClassSource: Send + Sync {
    fn class_info(&self, key: TypeKey) -> Option<Arc<ClassInfo>>;
}

/// A method's name and canonical signature, interned: the override-matching key, compared
/// for every inherited vtable slot, so it is two integers rather than two strings.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct NameSig {
    name: u32,
    sig: u32,
}

/// Per-assembly caches, one cell per table row. A filled cell is read without a lock, so
/// threads building classes in parallel share parents and interfaces without contention.
pub(crate) struct AssemblyClasses {
    /// One per TypeDef row.
    built: Box<[OnceLock<Arc<ClassInfo>>]>,
    /// One per MethodDef row.
    name_sigs: Box<[OnceLock<NameSig>]>,
    /// One per MethodDef row: the IMT hash (`Loader::imt_slot`) of an interface method,
    /// asked again by every class that implements the interface or inherits it.
    imt_hashes: Box<[OnceLock<u32>]>,
    /// Interned ids of method names by #Strings offset, and of signature keys by #Blob
    /// offset: compilers share one heap entry among equal names and equal signatures, so
    /// most methods find both here without parsing or spelling anything.
    name_ids: OnceLock<HeapIds>,
    sig_ids: OnceLock<HeapIds>,
    /// Attached once (an AOT image), consulted before building.
    source: OnceLock<Box<dyn ClassSource>>,
}

impl AssemblyClasses {
    pub(crate) fn new(a: &crate::assembly::Assembly) -> Self {
        fn cells<T>(n: u32) -> Box<[OnceLock<T>]> {
            (0..n).map(|_| OnceLock::new()).collect()
        }
        AssemblyClasses {
            built: cells(a.tables.rows(TableId::TypeDef)),
            name_sigs: cells(a.tables.rows(TableId::MethodDef)),
            imt_hashes: cells(a.tables.rows(TableId::MethodDef)),
            name_ids: OnceLock::new(),
            sig_ids: OnceLock::new(),
            source: OnceLock::new(),
        }
    }
}

/// An interned id per offset of one heap, filled on first use (0 = not yet, else id + 1).
/// Threads that race on one offset intern the same text and store the same id.
struct HeapIds(Box<[AtomicU32]>);

impl HeapIds {
    /// Zeroed by the allocator, not written: four bytes per heap byte, of which classes use
    /// a few, so only the pages they touch cost memory. (Filled cell by cell, it was a
    /// hundred-odd fresh pages per program, touched while the other threads waited for it.)
    fn of(cell: &OnceLock<HeapIds>, heap_len: usize) -> &HeapIds {
        cell.get_or_init(|| HeapIds(bytemuck::zeroed_slice_box(heap_len)))
    }

    fn get(&self, offset: u32) -> Option<u32> {
        match self.0.get(offset as usize)?.load(Relaxed) {
            0 => None,
            id => Some(id - 1),
        }
    }

    fn set(&self, offset: u32, id: u32) {
        if let Some(c) = self.0.get(offset as usize) {
            c.store(id + 1, Relaxed);
        }
    }

    /// The id at `offset`, interning `text()` the first time.
    fn id_or_intern(
        &self,
        offset: u32,
        loader: &Loader,
        text: impl FnOnce() -> Result<String>,
    ) -> Result<u32> {
        if let Some(id) = self.get(offset) {
            return Ok(id);
        }
        let id = loader.intern(&text()?);
        self.set(offset, id);
        Ok(id)
    }
}

/// A per-method fact from its cell (see `Loader::method_cell`), computed and stored the
/// first time; without a cell it is computed every time.
fn memoized<T: Copy>(cell: Option<&OnceLock<T>>, compute: impl FnOnce() -> Result<T>) -> Result<T> {
    if let Some(&v) = cell.and_then(|c| c.get()) {
        return Ok(v);
    }
    let v = compute()?;
    if let Some(c) = cell {
        let _ = c.set(v);
    }
    Ok(v)
}

/// A counter that threads bump without sharing a cache line: a padded cell per rayon
/// thread (other threads share cell 0), summed when read. Threads building classes in
/// parallel would otherwise pass one line back and forth for every class.
#[derive(Default)]
struct StripedCounter([PaddedCounter; COUNTER_STRIPES]);

const COUNTER_STRIPES: usize = 8;

#[derive(Default)]
#[repr(align(128))]
struct PaddedCounter(AtomicU64);

impl StripedCounter {
    fn add(&self, v: u64) {
        let i = rayon::current_thread_index().unwrap_or(0) % COUNTER_STRIPES;
        self.0[i].0.fetch_add(v, Relaxed);
    }

    fn get(&self) -> u64 {
        self.0.iter().map(|c| c.0.load(Relaxed)).sum()
    }
}

/// Loader-wide class-building state shared by threads.
#[derive(Default)]
pub struct ClassCache {
    /// Interned method names and signatures (see `NameSig`); locked only on a cache miss.
    interned: Mutex<HashMap<String, u32>>,
    // Bumped once or twice per class by every building thread, hence striped.
    built_count: StripedCounter,
    from_source: StripedCounter,
    computed: StripedCounter,
    /// Nanoseconds spent in top-level `class()` misses: decoding or computing.
    miss_ns: StripedCounter,
    finalize_slot: OnceLock<Option<(TypeKey, u32)>>,
}

// TypeAttributes (ECMA-335 II.23.1.15)
const TA_INTERFACE: u32 = 0x20;
const TA_ABSTRACT: u32 = 0x80;
const TA_SEALED: u32 = 0x100;
const TA_LAYOUT_MASK: u32 = 0x18;
const TA_SEQUENTIAL: u32 = 0x08;
const TA_EXPLICIT: u32 = 0x10;
const TA_BEFORE_FIELD_INIT: u32 = 0x0010_0000;
// MethodAttributes (II.23.1.10)
const MA_STATIC: u16 = 0x10;
const MA_FINAL: u16 = 0x20;
const MA_VIRTUAL: u16 = 0x40;
const MA_NEW_SLOT: u16 = 0x100;
const MA_ABSTRACT: u16 = 0x400;
const MA_MEMBER_ACCESS: u16 = 0x7;
const MA_PUBLIC: u16 = 0x6;
// FieldAttributes (II.23.1.5)
const FA_STATIC: u16 = 0x10;
const FA_LITERAL: u16 = 0x40;
const FA_HAS_RVA: u16 = 0x100;

impl Loader {
    /// The ClassInfo of a type definition, built on first request and cached.
    pub fn class(&self, key: TypeKey) -> Result<Arc<ClassInfo>> {
        self.class_with_stack(key, &mut Vec::new()).cloned()
    }

    /// Like `class`, but borrowed: no reference count is touched (the JIT asks for the
    /// classes of every call and field it compiles, and each count is an atomic operation).
    pub fn class_ref(&self, key: TypeKey) -> Result<&ClassInfo> {
        self.class_with_stack(key, &mut Vec::new()).map(|c| &**c)
    }

    fn class_cell(&self, key: TypeKey) -> Option<&OnceLock<Arc<ClassInfo>>> {
        if key.row.is_null() {
            return None;
        }
        self.loaded(key.assembly)
            .classes
            .built
            .get(key.row.zero_based())
    }

    fn cached_class(&self, key: TypeKey) -> Option<&Arc<ClassInfo>> {
        self.class_cell(key)?.get()
    }

    /// True when `key` has been built already (used by `--stats` and laziness tests).
    pub fn is_class_built(&self, key: TypeKey) -> bool {
        self.cached_class(key).is_some()
    }

    pub fn built_class_count(&self) -> usize {
        self.classes.built_count.get() as usize
    }

    /// Installs a ClassInfo computed elsewhere so it is not recomputed. The first one
    /// installed for a type wins (two threads may build the same class at once).
    pub fn insert_class(&self, info: ClassInfo) -> Arc<ClassInfo> {
        self.cache_class(Arc::new(info)).clone()
    }

    /// Caches `info`, shared before the cell is entered, so only a pointer moves through
    /// `OnceLock`'s closure rather than the whole ClassInfo (a few hundred bytes).
    fn cache_class(&self, info: Arc<ClassInfo>) -> &Arc<ClassInfo> {
        let Some(cell) = self.class_cell(info.key) else {
            // Not a row of that assembly: nothing to cache it in (cannot come from `build_class`,
            // which checks the row). Leaked so the reference lives as long as the loader.
            return Box::leak(Box::new(info));
        };
        if let Some(c) = cell.get() {
            return c;
        }
        let mut fresh = false;
        let c = cell.get_or_init(|| {
            fresh = true;
            info
        });
        if fresh {
            self.classes.built_count.add(1);
        }
        c
    }

    /// Attaches a class source (a validated AOT image) to one assembly: `class()` then takes
    /// that assembly's types from it, one record per requested type. Returns false when the
    /// assembly already has one.
    pub fn attach_class_source(&self, asm: AssemblyIdx, source: Box<dyn ClassSource>) -> bool {
        self.loaded(asm).classes.source.set(source).is_ok()
    }

    pub fn has_class_source(&self, asm: AssemblyIdx) -> bool {
        self.loaded(asm).classes.source.get().is_some()
    }

    /// (classes taken from class sources, classes computed from metadata).
    pub fn class_source_counts(&self) -> (u64, u64) {
        (self.classes.from_source.get(), self.classes.computed.get())
    }

    /// Nanoseconds spent producing ClassInfo (decoding from an image or computing), whoever
    /// asked for it (class loading, the JIT, the runtime).
    pub fn class_info_ns(&self) -> u64 {
        self.classes.miss_ns.get()
    }

    fn class_with_stack(&self, key: TypeKey, stack: &mut Vec<TypeKey>) -> Result<&Arc<ClassInfo>> {
        if let Some(c) = self.cached_class(key) {
            return Ok(c);
        }
        if !stack.is_empty() {
            // Nested miss: already inside a timed top-level miss.
            return self.class_miss(key, stack);
        }
        let t0 = std::time::Instant::now();
        let r = self.class_miss(key, stack);
        self.classes.miss_ns.add(t0.elapsed().as_nanos() as u64);
        r
    }

    fn class_miss(&self, key: TypeKey, stack: &mut Vec<TypeKey>) -> Result<&Arc<ClassInfo>> {
        if self.class_cell(key).is_some() {
            if let Some(source) = self.loaded(key.assembly).classes.source.get() {
                // A record that does not decode is recomputed (validation makes it rare).
                if let Some(info) = source.class_info(key).filter(|i| i.key == key) {
                    self.classes.from_source.add(1);
                    return Ok(self.cache_class(info));
                }
            }
        }
        if stack.contains(&key) {
            let a = self.assembly_at(key.assembly);
            let chain: Vec<String> = stack.iter().map(|k| self.type_full_name(*k)).collect();
            return Err(MetadataError::Type {
                file: a.file.clone(),
                token: key.token(),
                message: format!(
                    "cyclic type dependency: {} -> {}",
                    chain.join(" -> "),
                    self.type_full_name(key)
                ),
            });
        }
        if stack.len() > 200 {
            let a = self.assembly_at(key.assembly);
            return Err(MetadataError::Type {
                file: a.file.clone(),
                token: key.token(),
                message: "type nesting too deep".into(),
            });
        }
        stack.push(key);
        let built = self.build_class(key, stack);
        stack.pop();
        self.classes.computed.add(1);
        Ok(self.cache_class(Arc::new(built?)))
    }

    /// Resolves a field signature type to a FieldType, loading struct classes as needed.
    pub fn field_type_of(&self, asm: AssemblyIdx, sig: &TypeSig) -> Result<FieldType> {
        self.field_type_inner(asm, sig)
    }

    fn field_type_inner(&self, asm: AssemblyIdx, sig: &TypeSig) -> Result<FieldType> {
        let simple = |kind| Ok(FieldType { kind, class: None });
        match sig {
            TypeSig::Void => simple(ValueKind::Void),
            TypeSig::Boolean => simple(ValueKind::Bool),
            TypeSig::Char => simple(ValueKind::Char),
            TypeSig::I1 => simple(ValueKind::I1),
            TypeSig::U1 => simple(ValueKind::U1),
            TypeSig::I2 => simple(ValueKind::I2),
            TypeSig::U2 => simple(ValueKind::U2),
            TypeSig::I4 => simple(ValueKind::I4),
            TypeSig::U4 => simple(ValueKind::U4),
            TypeSig::I8 => simple(ValueKind::I8),
            TypeSig::U8 => simple(ValueKind::U8),
            TypeSig::R4 => simple(ValueKind::R4),
            TypeSig::R8 => simple(ValueKind::R8),
            TypeSig::I => simple(ValueKind::I),
            TypeSig::U => simple(ValueKind::U),
            TypeSig::Ptr(_) | TypeSig::FnPtr(_) => simple(ValueKind::Ptr),
            TypeSig::ByRef(_) => simple(ValueKind::ByRef),
            TypeSig::Var(_) | TypeSig::MVar(_) => simple(ValueKind::GenericParam),
            TypeSig::Modified { inner, .. } => self.field_type_inner(asm, inner),
            TypeSig::ValueType(t) => {
                let k = self.resolve_type_token(asm, *t)?;
                Ok(self.value_type_kind(k))
            }
            TypeSig::GenericInst {
                is_value_type: true,
                generic,
                ..
            } => {
                let k = self.resolve_type_token(asm, *generic)?;
                Ok(FieldType {
                    kind: ValueKind::Struct,
                    class: Some(k),
                })
            }
            TypeSig::String
            | TypeSig::Object
            | TypeSig::Class(_)
            | TypeSig::SzArray(_)
            | TypeSig::Array { .. }
            | TypeSig::GenericInst { .. } => {
                let class = self.sig_class(asm, sig).ok().flatten();
                Ok(FieldType {
                    kind: ValueKind::Ref,
                    class,
                })
            }
            TypeSig::TypedByRef => Ok(FieldType {
                kind: ValueKind::Struct,
                class: self.sig_class(asm, sig)?,
            }),
        }
    }

    /// A value type named by token: corlib primitives become their kind, others stay structs.
    pub fn value_type_kind(&self, k: TypeKey) -> FieldType {
        if k.assembly == AssemblyIdx::CORLIB {
            if let Some(kind) = corlib_primitive(&self.type_full_name(k)) {
                return FieldType {
                    kind,
                    class: Some(k),
                };
            }
        }
        FieldType {
            kind: ValueKind::Struct,
            class: Some(k),
        }
    }

    /// Size and alignment of a stored value of this type.
    fn storage_of(&self, ft: FieldType, stack: &mut Vec<TypeKey>) -> Result<(u32, u32, Bitmap)> {
        match ft.kind {
            ValueKind::Struct => {
                let k = ft
                    .class
                    .ok_or_else(|| MetadataError::Other("struct field without a class".into()))?;
                let c = self.class_with_stack(k, stack)?;
                if c.primitive.is_some() && c.flags.has(ClassFlags::ENUM) {
                    let kind = c.primitive.unwrap_or(ValueKind::I4);
                    return Ok((kind.size(), kind.size().max(1), Bitmap::new()));
                }
                Ok((
                    c.instance_size,
                    c.min_align.max(1),
                    c.ref_bitmap().iter().collect(),
                ))
            }
            k if k.is_reference() => Ok((8, 8, smallvec::smallvec![1])),
            k => Ok((k.size(), k.size().max(1), Bitmap::new())),
        }
    }

    fn build_class(&self, key: TypeKey, stack: &mut Vec<TypeKey>) -> Result<ClassInfo> {
        let a = self.assembly_at(key.assembly);
        a.check_row(TableId::TypeDef, key.row, key.token())?;
        let td = a.type_def(key.row);
        let name = a.string(td.name)?;
        let namespace = a.string(td.namespace)?;
        let full_name = self.type_full_name(key);
        let type_err = |message: String| MetadataError::Type {
            file: a.file.clone(),
            token: key.token(),
            message,
        };

        let parent = if td.extends.is_null() {
            None
        } else {
            Some(self.resolve_type_token(key.assembly, td.extends)?)
        };
        let parent_info = match parent {
            Some(p) => Some(&**self.class_with_stack(p, stack)?),
            None => None,
        };
        if let Some(pi) = &parent_info {
            if pi.is_interface() {
                return Err(type_err(format!(
                    "base type {} is an interface",
                    pi.full_name()
                )));
            }
            if pi.flags.has(ClassFlags::SEALED)
                && !(pi.key.assembly == AssemblyIdx::CORLIB && pi.full_name() == "System.Enum")
            {
                return Err(type_err(format!("base type {} is sealed", pi.full_name())));
            }
        }

        let mut flags = 0u32;
        let attrs = td.flags;
        if attrs & TA_INTERFACE != 0 {
            flags |= ClassFlags::INTERFACE | ClassFlags::ABSTRACT;
        }
        if attrs & TA_ABSTRACT != 0 {
            flags |= ClassFlags::ABSTRACT;
        }
        if attrs & TA_SEALED != 0 {
            flags |= ClassFlags::SEALED;
        }
        if attrs & TA_BEFORE_FIELD_INIT != 0 {
            flags |= ClassFlags::BEFORE_FIELD_INIT;
        }
        match attrs & TA_LAYOUT_MASK {
            TA_EXPLICIT => flags |= ClassFlags::EXPLICIT_LAYOUT,
            TA_SEQUENTIAL => flags |= ClassFlags::SEQUENTIAL_LAYOUT,
            _ => {}
        }
        if self.enclosing_type(key).is_some() {
            flags |= ClassFlags::NESTED;
            // Damaged NestedClass rows can nest a type inside itself, directly or not.
            let mut chain = vec![key];
            while let Some(outer) = self.enclosing_type(*chain.last().unwrap()) {
                if chain.contains(&outer) {
                    // Row names only: the full names of these types are themselves cyclic.
                    let names: Vec<String> = chain
                        .iter()
                        .chain([&outer])
                        .map(|k| {
                            let n = a.string(a.type_def(k.row).name).unwrap_or("?");
                            format!("{n} ({})", k.token())
                        })
                        .collect();
                    return Err(type_err(format!("cyclic nesting: {}", names.join(" in "))));
                }
                chain.push(outer);
            }
        }
        if self.is_generic_definition(key) {
            flags |= ClassFlags::GENERIC_DEFINITION;
        }
        let parent_name = parent_info
            .as_ref()
            .map(|p| (p.key.assembly, p.full_name()));
        let is_enum = parent_name == Some((AssemblyIdx::CORLIB, "System.Enum"));
        let is_value_type = is_enum
            || (parent_name == Some((AssemblyIdx::CORLIB, "System.ValueType"))
                && !(key.assembly == AssemblyIdx::CORLIB && full_name == "System.Enum"));
        if is_value_type {
            flags |= ClassFlags::VALUE_TYPE;
        }
        if is_enum {
            flags |= ClassFlags::ENUM;
        }

        // Methods, cctor.
        let methods: Vec<MethodKey> = self.methods_of(key).collect();
        let mut cctor = None;
        for &m in &methods {
            let row = a.method_def(m.row);
            if row.flags & MA_STATIC != 0 && a.string(row.name)? == ".cctor" {
                cctor = Some(m);
                flags |= ClassFlags::HAS_CCTOR;
            }
        }

        // Fields.
        let (packing, class_size) = self.class_layout(key)?;
        let explicit_offsets = self.field_layout_offsets(key);
        let mut fields = Vec::new();
        let mut primitive = if key.assembly == AssemblyIdx::CORLIB {
            corlib_primitive(&full_name)
        } else {
            None
        };
        let header = if is_value_type || flags & ClassFlags::INTERFACE != 0 {
            0
        } else {
            OBJECT_HEADER_BYTES
        };
        let mut instance_size = match &parent_info {
            Some(p) if !is_value_type => p.instance_size,
            _ => header,
        };
        let mut min_align = parent_info
            .as_ref()
            .filter(|_| !is_value_type)
            .map(|p| p.min_align)
            .unwrap_or(1)
            .max(1);
        let mut ref_words: Vec<u32> = Vec::new();
        if let Some(p) = parent_info.as_ref().filter(|_| !is_value_type) {
            ref_words = p.ref_bitmap().set_bits().collect();
        }
        let mut static_size = 0u32;
        let mut static_ref_words = Vec::new();
        let mut instance_fields = Vec::new();
        for frow in a.fields_of(key.row) {
            let f = a.field(frow);
            let fkey = FieldKey {
                assembly: key.assembly,
                row: frow,
            };
            let fname = a.string(f.name)?.to_string();
            let blob = a.blob(f.signature)?;
            let sig = signature::parse_field_sig(blob).map_err(|e| MetadataError::Signature {
                file: a.file.clone(),
                blob: f.signature,
                offset: e.offset,
                message: format!("field {} of {}: {}", fname, full_name, e.message),
            })?;
            let ft = self
                .field_type_inner(key.assembly, &sig.ty)
                .map_err(|e| type_err(format!("field {fname}: {e}")))?;
            let is_static = f.flags & FA_STATIC != 0;
            let is_literal = f.flags & FA_LITERAL != 0;
            let rva = if f.flags & FA_HAS_RVA != 0 {
                self.field_rva(fkey)
            } else {
                None
            };
            if is_enum && !is_static && primitive.is_none() {
                primitive = Some(ft.kind);
            }
            let info = FieldInfo {
                key: fkey,
                name: fname,
                ty: ft,
                offset: 0,
                size: 0,
                is_static,
                is_literal,
                rva,
            };
            if is_static {
                fields.push(info);
            } else {
                instance_fields.push(info);
            }
        }

        // Instance layout. Corlib primitives hold their own kind and must not recurse into themselves.
        let mut laid_out = Vec::new();
        let mut storages = Vec::new();
        for f in &instance_fields {
            let st = if let (Some(p), true) = (
                primitive,
                is_value_type && key.assembly == AssemblyIdx::CORLIB && !is_enum,
            ) {
                (p.size(), p.size().max(1), Bitmap::new())
            } else {
                self.storage_of(f.ty, stack)?
            };
            storages.push(st);
        }
        let mut order: Vec<usize> = (0..instance_fields.len()).collect();
        let auto_layout = flags & (ClassFlags::EXPLICIT_LAYOUT | ClassFlags::SEQUENTIAL_LAYOUT)
            == 0
            && !is_value_type;
        if auto_layout {
            // Mono's auto layout packs references first, then by decreasing alignment.
            order.sort_by_key(|&i| {
                (
                    !instance_fields[i].ty.kind.is_reference()
                        || instance_fields[i].ty.kind == ValueKind::Struct,
                    std::cmp::Reverse(storages[i].1),
                )
            });
        }
        let pack = if packing == 0 { 8 } else { packing.min(8) };
        let mut explicit_end = instance_size;
        for i in order {
            let mut f = instance_fields[i].clone();
            let (size, align, refs) = storages[i].clone();
            let align = align.min(pack).max(1);
            min_align = min_align.max(align);
            if flags & ClassFlags::EXPLICIT_LAYOUT != 0 {
                let off = explicit_offsets.get(&f.key.row).copied().ok_or_else(|| {
                    type_err(format!(
                        "explicit-layout field {} has no FieldOffset",
                        f.name
                    ))
                })?;
                f.offset = header + off;
                explicit_end = explicit_end.max(f.offset + size);
                if !refs.is_empty() && f.offset % 8 != 0 {
                    return Err(type_err(format!(
                        "field {} holds a reference at misaligned offset {}",
                        f.name, off
                    )));
                }
            } else {
                instance_size = align_up(instance_size, align);
                f.offset = instance_size;
                instance_size += size;
            }
            for w in List::built(&refs).set_bits() {
                ref_words.push(f.offset / 8 + w);
            }
            f.size = size;
            laid_out.push(f);
        }
        if flags & ClassFlags::EXPLICIT_LAYOUT != 0 {
            instance_size = explicit_end;
        }
        if is_value_type {
            if let Some(p) = primitive.filter(|_| key.assembly == AssemblyIdx::CORLIB && !is_enum) {
                instance_size = p.size();
                min_align = p.size().max(1);
            }
            if class_size > 0 {
                instance_size = instance_size.max(class_size);
            }
            if instance_size == 0 {
                instance_size = 1; // an empty struct still occupies a byte, as in the CLI
            }
            instance_size = align_up(instance_size, min_align);
        } else if flags & ClassFlags::INTERFACE == 0 {
            instance_size = align_up(instance_size.max(header), 8);
        }
        // Static layout: declaration order, natural alignment, literals take no space.
        for f in fields.iter_mut() {
            if f.is_literal {
                continue;
            }
            // A struct's static field of its own type (DateTime.MinValue) uses the layout just computed.
            let (size, align, refs) = if f.ty.kind == ValueKind::Struct && f.ty.class == Some(key) {
                (instance_size, min_align, words_to_bitmap(&ref_words))
            } else {
                self.storage_of(f.ty, stack)?
            };
            static_size = align_up(static_size, align.min(8));
            f.offset = static_size;
            f.size = size;
            for w in List::built(&refs).set_bits() {
                static_ref_words.push(static_size / 8 + w);
            }
            static_size += size;
        }

        laid_out.sort_by_key(|f| f.key.row);
        fields.extend(laid_out);
        fields.sort_by_key(|f| (f.is_static, f.key.row));
        if !ref_words.is_empty() {
            flags |= ClassFlags::HAS_REFERENCES;
        }
        if !static_ref_words.is_empty() {
            flags |= ClassFlags::HAS_STATIC_REFS;
        }

        // Vtable, interfaces and IMT.
        let mut info = ClassInfo {
            key,
            flags: ClassFlags(flags),
            type_attributes: attrs,
            parent,
            primitive,
            instance_size,
            min_align,
            packing,
            fields: fields.into_boxed_slice(),
            static_size,
            data: ClassData::built(BuiltData {
                names: TypeNames::new(&full_name, namespace, name),
                ref_bitmap: words_to_bitmap(&ref_words),
                static_ref_bitmap: words_to_bitmap(&static_ref_words),
                ..BuiltData::default()
            }),
            cctor,
            finalizer_slot: None,
        };
        if info.is_interface() {
            let interfaces = self
                .interface_closure(key, None, stack)?
                .into_iter()
                .map(|i| InterfaceMap {
                    interface: i,
                    slots: SmallVec::new(),
                })
                .collect();
            let data = info.data.built_mut();
            data.interface_methods = methods
                .iter()
                .copied()
                .filter(|m| a.method_def(m.row).flags & MA_VIRTUAL != 0)
                .collect();
            data.interfaces = interfaces;
            return Ok(info);
        }
        self.build_vtable(&mut info, &methods, parent_info)?;
        self.build_interface_map(&mut info, &methods, parent_info, stack)?;
        self.build_imt(&mut info)?;
        if let Some((object, obj_finalize)) = self.object_finalize_slot() {
            if let Some(slot) = info.vtable().get(obj_finalize as usize) {
                info.finalizer_slot = Some(obj_finalize);
                if !(slot.method.assembly == AssemblyIdx::CORLIB
                    && self.method_owner(slot.method) == object)
                {
                    info.flags.0 |= ClassFlags::HAS_FINALIZER;
                }
            }
        }
        Ok(info)
    }

    /// True when the type has generic parameters (ClassFlags::GENERIC_DEFINITION).
    fn is_generic_definition(&self, key: TypeKey) -> bool {
        // GenericParam owners are TypeOrMethodDef coded indices, stored decoded as tokens.
        !self
            .rows_owned_by(
                key.assembly,
                TableId::GenericParam,
                Token::new(TableId::TypeDef, key.row).0,
            )
            .is_empty()
    }

    /// `System.Object` and the vtable slot of its `Finalize`, once Object is built (cached
    /// then: every class asks, and compares its slot's owner with Object by key rather than
    /// by spelling the owner's name).
    fn object_finalize_slot(&self) -> Option<(TypeKey, u32)> {
        if let Some(&slot) = self.classes.finalize_slot.get() {
            return slot;
        }
        let obj = self.find_type(AssemblyIdx::CORLIB, "System", "Object")?;
        let c = self.cached_class(obj)?;
        let slot = c
            .vtable()
            .iter()
            .position(|s| self.method_name(s.method) == "Finalize")
            .map(|i| (obj, i as u32));
        *self.classes.finalize_slot.get_or_init(|| slot)
    }

    fn class_layout(&self, key: TypeKey) -> Result<(u32, u32)> {
        let a = self.assembly_at(key.assembly);
        let Some(&row) = self
            .rows_owned_by(key.assembly, TableId::ClassLayout, key.row.0)
            .first()
        else {
            return Ok((0, 0));
        };
        let packing = a.raw_cell(TableId::ClassLayout, row, 0);
        if packing != 0 && !packing.is_power_of_two() || packing > 128 {
            return Err(MetadataError::Type {
                file: a.file.clone(),
                token: key.token(),
                message: format!("invalid packing size {packing}"),
            });
        }
        Ok((packing, a.raw_cell(TableId::ClassLayout, row, 1)))
    }

    fn field_layout_offsets(&self, key: TypeKey) -> HashMap<RowIndex, u32> {
        let a = self.assembly_at(key.assembly);
        let fields = a.fields_of(key.row);
        let mut out = HashMap::new();
        if fields.is_empty() {
            return out;
        }
        for f in fields {
            if let Some(&r) = self
                .rows_owned_by(key.assembly, TableId::FieldLayout, f.0)
                .first()
            {
                out.insert(f, a.raw_cell(TableId::FieldLayout, r, 0));
            }
        }
        out
    }

    fn field_rva(&self, f: FieldKey) -> Option<u32> {
        let a = self.assembly_at(f.assembly);
        self.rows_owned_by(f.assembly, TableId::FieldRva, f.row.0)
            .first()
            .map(|&r| a.raw_cell(TableId::FieldRva, r, 0))
    }

    /// The cache cell of a per-method fact (`pick` chooses which); none for a null row.
    fn method_cell<T>(
        &self,
        m: MethodKey,
        pick: fn(&AssemblyClasses) -> &[OnceLock<T>],
    ) -> Option<&OnceLock<T>> {
        if m.row.is_null() {
            return None;
        }
        pick(&self.loaded(m.assembly).classes).get(m.row.zero_based())
    }

    /// Name and canonical signature of a method, the override-matching key.
    fn name_sig(&self, m: MethodKey) -> Result<NameSig> {
        memoized(self.method_cell(m, |c| &c.name_sigs), || {
            let a = self.assembly_at(m.assembly);
            a.check_row(TableId::MethodDef, m.row, m.token())?;
            let row = a.method_def(m.row);
            let classes = &self.loaded(m.assembly).classes;
            let heaps = a.heaps();
            let name = HeapIds::of(&classes.name_ids, heaps.strings.len()).id_or_intern(
                row.name,
                self,
                || Ok(self.method_name(m)),
            )?;
            let sig = HeapIds::of(&classes.sig_ids, heaps.blob.len()).id_or_intern(
                row.signature,
                self,
                || Ok(self.method_sig_key(m.assembly, &self.method_sig(m)?)),
            )?;
            Ok(NameSig { name, sig })
        })
    }

    fn intern(&self, s: &str) -> u32 {
        let mut map = self
            .classes
            .interned
            .lock()
            .unwrap_or_else(|e| e.into_inner());
        if let Some(&id) = map.get(s) {
            return id;
        }
        let next = map.len() as u32;
        map.insert(s.to_owned(), next);
        next
    }

    /// `methods`: the class's own methods, in table order.
    fn build_vtable(
        &self,
        info: &mut ClassInfo,
        methods: &[MethodKey],
        parent: Option<&ClassInfo>,
    ) -> Result<()> {
        let a = self.assembly_at(info.key.assembly);
        // Room for a new slot per own method up front: growing from the parent's size
        // reallocated nearly every vtable once or twice.
        let inherited = parent.map_or(List::built(&[]), |p| p.vtable());
        let room = inherited.len() + methods.len();
        let mut vt: Vec<VtableSlot> = Vec::with_capacity(room);
        vt.extend(inherited.iter().map(|s| VtableSlot {
            kind: SlotKind::Inherited,
            ..s
        }));
        let mut keys: Vec<NameSig> = Vec::with_capacity(room);
        for s in &vt {
            keys.push(self.name_sig(s.method)?);
        }
        for &m in methods {
            let row = a.method_def(m.row);
            if row.flags & MA_VIRTUAL == 0 {
                continue;
            }
            let key = self.name_sig(m)?;
            let is_abstract = row.flags & MA_ABSTRACT != 0;
            let inherited = parent.map(|p| p.vtable().len()).unwrap_or(0);
            let mut reuse = if row.flags & MA_NEW_SLOT == 0 {
                (0..inherited).rev().find(|&i| keys[i] == key)
            } else {
                None
            };
            if reuse.is_none() && row.flags & MA_NEW_SLOT == 0 {
                // Overrides of generic base methods are matched by name and arity until
                // generic arguments are substituted.
                let arity = self.method_sig(m)?.params.len();
                for i in (0..inherited).rev() {
                    let base = vt[i].method;
                    if keys[i].name == key.name
                        && self.method_sig(base)?.params.len() == arity
                        // Straight from the GenericParam rows, not from the owner's
                        // ClassInfo: with damaged member lists the "owner" can be the class
                        // being built, and asking for its ClassInfo would rebuild it forever.
                        && self.is_generic_definition(self.method_owner(base))
                    {
                        reuse = Some(i);
                        break;
                    }
                }
            }
            match reuse {
                Some(i) => {
                    let base = vt[i].method;
                    // ECMA-335 II.15.4.2.2: a final method cannot be overridden. Mono 6.8
                    // does not check this and takes the override into the slot, but its JIT
                    // binds calls to a final method directly, so which body runs would
                    // depend on how it is called: refuse the type instead, as CoreCLR does
                    // (TypeLoadException, IDS_CLASSLOAD_MI_FINAL_DECL).
                    if a_flags(self, base) & MA_FINAL != 0 {
                        return Err(MetadataError::Type {
                            file: a.file.clone(),
                            token: info.key.token(),
                            message: format!(
                                "type {}: method {} ({}) overrides final method {} ({}) without newslot",
                                info.full_name(),
                                self.method_display(m),
                                m.token(),
                                self.method_display(base),
                                base.token()
                            ),
                        });
                    }
                    vt[i] = VtableSlot {
                        method: m,
                        kind: SlotKind::Override,
                        is_abstract,
                    };
                }
                None => {
                    vt.push(VtableSlot {
                        method: m,
                        kind: SlotKind::NewSlot,
                        is_abstract,
                    });
                    keys.push(key);
                }
            }
        }
        // Explicit overrides of class methods (MethodImpl whose declaration is not an
        // interface method).
        for (body, decl) in self.method_impls(info.key)? {
            let decl_owner = self.method_owner(decl);
            if self.is_interface_type(decl_owner)? {
                continue;
            }
            let refuse = |what: String| MetadataError::Type {
                file: a.file.clone(),
                token: info.key.token(),
                message: format!(
                    "type {}: MethodImpl body {} ({}) overrides {} ({}), {what}",
                    info.full_name(),
                    self.method_display(body),
                    body.token(),
                    self.method_display(decl),
                    decl.token()
                ),
            };
            // The body takes the slot the declaration got in the class that declared it
            // (Mono's `decl->slot`), even where a class in between has overridden that
            // slot since and it no longer holds `decl`.
            let slot = if decl_owner == info.key {
                vt.iter().rposition(|s| s.method == decl)
            } else {
                let mut next = info.parent;
                let mut found = None;
                while let Some(k) = next {
                    // Ancestors are built (and cached) before their subclasses.
                    let c = self.class_ref(k)?;
                    if k == decl_owner {
                        found = c.slot_of(decl).map(|s| s as usize);
                        break;
                    }
                    next = c.parent;
                }
                found
            };
            let slot = slot.ok_or_else(|| {
                refuse(format!(
                    "which is not a virtual method of {} or of a base class",
                    info.full_name()
                ))
            })?;
            if a_flags(self, decl) & MA_FINAL != 0 {
                // Mono 6.8 accepts this too; the reasons to refuse it are those above.
                return Err(refuse("which is final".into()));
            }
            vt[slot] = VtableSlot {
                method: body,
                kind: SlotKind::Override,
                is_abstract: false,
            };
        }
        if info.flags.0 & ClassFlags::ABSTRACT == 0 {
            if let Some(s) = vt.iter().find(|s| s.is_abstract) {
                return Err(MetadataError::Type {
                    file: a.file.clone(),
                    token: info.key.token(),
                    message: format!(
                        "non-abstract class {} leaves abstract method {} unimplemented",
                        info.full_name(),
                        self.method_display(s.method)
                    ),
                });
            }
        }
        info.data.built_mut().vtable = vt.into_boxed_slice();
        Ok(())
    }

    /// (body, declaration) pairs of the MethodImpl rows of a type.
    pub fn method_impls(&self, key: TypeKey) -> Result<Vec<(MethodKey, MethodKey)>> {
        let a = self.assembly_at(key.assembly);
        let mut out = Vec::new();
        for &r in self.rows_owned_by(key.assembly, TableId::MethodImpl, key.row.0) {
            let mi = a.method_impl(r);
            let body = self.resolve_method_token(key.assembly, mi.body)?;
            let decl = self.resolve_method_token(key.assembly, mi.declaration)?;
            out.push((body, decl));
        }
        Ok(out)
    }

    fn is_interface_type(&self, t: TypeKey) -> Result<bool> {
        let a = self.assembly_at(t.assembly);
        a.check_row(TableId::TypeDef, t.row, t.token())?;
        Ok(a.type_def(t.row).flags & TA_INTERFACE != 0)
    }

    /// Interfaces a type declares directly (InterfaceImpl rows), resolved.
    pub fn declared_interfaces(&self, key: TypeKey) -> Result<Vec<TypeKey>> {
        let a = self.assembly_at(key.assembly);
        let mut out = Vec::new();
        for &row in self.rows_owned_by(key.assembly, TableId::InterfaceImpl, key.row.0) {
            {
                let tok = Token(a.raw_cell(TableId::InterfaceImpl, row, 1));
                let i = self.resolve_type_token(key.assembly, tok)?;
                if !self.is_interface_type(i)? {
                    return Err(MetadataError::Type {
                        file: a.file.clone(),
                        token: key.token(),
                        message: format!(
                            "implements {} which is not an interface",
                            self.type_full_name(i)
                        ),
                    });
                }
                out.push(i);
            }
        }
        Ok(out)
    }

    /// The parent's interfaces followed by each declared interface and its base interfaces.
    fn interface_closure(
        &self,
        key: TypeKey,
        parent: Option<&ClassInfo>,
        stack: &mut Vec<TypeKey>,
    ) -> Result<Vec<TypeKey>> {
        let mut out: Vec<TypeKey> = parent
            .map(|p| p.interfaces().iter().map(|m| m.interface).collect())
            .unwrap_or_default();
        for i in self.declared_interfaces(key)? {
            let ic = self.class_with_stack(i, stack)?;
            for j in std::iter::once(i).chain(ic.interfaces().iter().map(|m| m.interface)) {
                if !out.contains(&j) {
                    out.push(j);
                }
            }
        }
        Ok(out)
    }

    fn build_interface_map(
        &self,
        info: &mut ClassInfo,
        methods: &[MethodKey],
        parent: Option<&ClassInfo>,
        stack: &mut Vec<TypeKey>,
    ) -> Result<()> {
        let a = self.assembly_at(info.key.assembly);
        let all = self.interface_closure(info.key, parent, stack)?;
        let mut redeclared: Vec<TypeKey> = Vec::new();
        for i in self.declared_interfaces(info.key)? {
            redeclared.push(i);
            for j in self.class_with_stack(i, stack)?.interfaces() {
                redeclared.push(j.interface);
            }
        }
        let explicit = self.method_impls(info.key)?;
        let vtable = info.vtable();
        let mut slot_keys: Vec<Option<NameSig>> = vec![None; vtable.len()];
        // One map per interface: sized exactly, so boxing it does not reallocate.
        let mut maps = Vec::with_capacity(all.len());
        for iface in all {
            let ic = self.class_with_stack(iface, stack)?;
            let inherited = parent.and_then(|p| p.interface_map(iface));
            let mut slots = SmallVec::with_capacity(ic.interface_methods().len());
            for (j, im) in ic.interface_methods().iter().enumerate() {
                let found = if let Some((body, _)) = explicit.iter().find(|(_, d)| *d == im) {
                    info.slot_of(*body)
                } else if redeclared.contains(&iface) || inherited.is_none() {
                    let key = self.name_sig(im)?;
                    // Own public virtual methods first, then inherited ones, most derived first.
                    // When the base class already implements the interface, Mono lets only
                    // newslot methods of the re-declaring class take it over; overrides keep
                    // the inherited mapping.
                    let need_newslot = inherited.is_some();
                    let own = methods.iter().copied().find(|&m| {
                        let f = a.method_def(m.row).flags;
                        f & MA_VIRTUAL != 0
                            && f & MA_MEMBER_ACCESS == MA_PUBLIC
                            && (!need_newslot || f & MA_NEW_SLOT != 0)
                            && self.name_sig(m).ok() == Some(key)
                    });
                    match own.and_then(|m| info.slot_of(m)) {
                        Some(s) => Some(s),
                        None if need_newslot => inherited.and_then(|m| m.slots.get(j)),
                        None => {
                            let mut hit = None;
                            for (s, slot) in vtable.iter().enumerate().rev() {
                                if slot_keys[s].is_none() {
                                    slot_keys[s] = Some(self.name_sig(slot.method)?);
                                }
                                if slot_keys[s] == Some(key) {
                                    let fl = a_flags(self, slot.method);
                                    if fl & MA_MEMBER_ACCESS == MA_PUBLIC {
                                        hit = Some(s as u32);
                                        break;
                                    }
                                }
                            }
                            hit.or_else(|| inherited.and_then(|m| m.slots.get(j)))
                        }
                    }
                } else {
                    inherited.and_then(|m| m.slots.get(j))
                };
                // Generic interfaces are matched without substituting their arguments yet:
                // fall back to a public virtual method of the same name and arity.
                let found = match found {
                    None if ic.flags.has(ClassFlags::GENERIC_DEFINITION) => {
                        self.match_by_arity(info, im)?
                    }
                    f => f,
                };
                match found {
                    Some(s) => slots.push(s),
                    None if ic.flags.has(ClassFlags::GENERIC_DEFINITION) => slots.push(u32::MAX),
                    None if info.flags.has(ClassFlags::ABSTRACT) => slots.push(u32::MAX),
                    None => {
                        return Err(MetadataError::Type {
                            file: a.file.clone(),
                            token: info.key.token(),
                            message: format!(
                                "{} does not implement interface method {}",
                                info.full_name(),
                                self.method_display(im)
                            ),
                        })
                    }
                }
            }
            maps.push(InterfaceMap {
                interface: iface,
                slots,
            });
        }
        info.data.built_mut().interfaces = maps.into_boxed_slice();
        Ok(())
    }

    fn match_by_arity(&self, info: &ClassInfo, im: MethodKey) -> Result<Option<u32>> {
        let name = self.method_name(im);
        let arity = self.method_sig(im)?.params.len();
        for (s, slot) in info.vtable().iter().enumerate().rev() {
            let m = slot.method;
            if self.method_name(m) == name
                && a_flags(self, m) & MA_MEMBER_ACCESS == MA_PUBLIC
                && self.method_sig(m)?.params.len() == arity
            {
                return Ok(Some(s as u32));
            }
        }
        Ok(None)
    }

    fn build_imt(&self, info: &mut ClassInfo) -> Result<()> {
        if info.interfaces().is_empty() {
            return Ok(());
        }
        let n = self.imt_size;
        // At most one entry per mapped slot (and exactly that unless a slot is unmapped), so
        // boxing it rarely reallocates.
        let mut entries = Vec::with_capacity(info.interfaces().iter().map(|m| m.slots.len()).sum());
        for map in info.interfaces() {
            let ic = self.class_ref(map.interface)?;
            for (im, slot) in ic.interface_methods().iter().zip(map.slots) {
                if slot == u32::MAX {
                    continue;
                }
                entries.push(ImtEntry {
                    bucket: self.imt_slot(im)? % n,
                    interface_method: im,
                    vtable_slot: slot,
                });
            }
        }
        // Stable: entries of one bucket keep their interface-map order.
        entries.sort_by_key(|e| e.bucket);
        info.data.built_mut().imt = Imt {
            size: n,
            entries: entries.into_boxed_slice(),
        };
        Ok(())
    }

    /// The IMT hash of an interface method, from names and signature only (never pointers),
    /// so it is the same in every process and in AOT images. Reduce it modulo the IMT size.
    pub fn imt_slot(&self, m: MethodKey) -> Result<u32> {
        memoized(self.method_cell(m, |c| &c.imt_hashes), || {
            self.compute_imt_slot(m)
        })
    }

    fn compute_imt_slot(&self, m: MethodKey) -> Result<u32> {
        let owner = self.method_owner(m);
        let a = self.assembly_at(owner.assembly);
        let td = a.type_def(owner.row);
        let sig = self.method_sig(m)?;
        let mut parts: Vec<String> = vec![
            a.string(td.name)?.to_string(),
            a.string(td.namespace)?.to_string(),
            self.method_name(m),
            self.ret_name(m.assembly, &sig),
        ];
        parts.extend(sig.params.iter().map(|p| self.param_name(m.assembly, p)));
        Ok(imt_hash(&parts))
    }
}

fn a_flags(l: &Loader, m: MethodKey) -> u16 {
    let a = l.assembly_at(m.assembly);
    if a.tables.has_row(TableId::MethodDef, m.row) {
        a.method_def(m.row).flags
    } else {
        0
    }
}

/// The kinds of the corlib types that the runtime treats as primitives.
pub fn corlib_primitive(full_name: &str) -> Option<ValueKind> {
    Some(match full_name {
        "System.Boolean" => ValueKind::Bool,
        "System.Char" => ValueKind::Char,
        "System.SByte" => ValueKind::I1,
        "System.Byte" => ValueKind::U1,
        "System.Int16" => ValueKind::I2,
        "System.UInt16" => ValueKind::U2,
        "System.Int32" => ValueKind::I4,
        "System.UInt32" => ValueKind::U4,
        "System.Int64" => ValueKind::I8,
        "System.UInt64" => ValueKind::U8,
        "System.Single" => ValueKind::R4,
        "System.Double" => ValueKind::R8,
        "System.IntPtr" => ValueKind::I,
        "System.UIntPtr" => ValueKind::U,
        _ => return None,
    })
}

/// Bob Jenkins' lookup3 final mix over the strings' bytes, in the spirit of Mono's
/// `mono_method_get_imt_slot`: stable, cheap, and well spread.
pub fn imt_hash(parts: &[String]) -> u32 {
    let mut words: Vec<u32> = Vec::new();
    for p in parts {
        words.push(string_hash(p));
    }
    let (mut a, mut b, mut c) = (
        0xdead_beefu32.wrapping_add((words.len() as u32) << 2),
        0xdead_beefu32,
        0xdead_beefu32,
    );
    let mut chunks = words.chunks(3).peekable();
    while let Some(ch) = chunks.next() {
        let last = chunks.peek().is_none();
        a = a.wrapping_add(ch[0]);
        if ch.len() > 1 {
            b = b.wrapping_add(ch[1]);
        }
        if ch.len() > 2 {
            c = c.wrapping_add(ch[2]);
        }
        if last {
            c ^= b;
            c = c.wrapping_sub(b.rotate_left(14));
            a ^= c;
            a = a.wrapping_sub(c.rotate_left(11));
            b ^= a;
            b = b.wrapping_sub(a.rotate_left(25));
            c ^= b;
            c = c.wrapping_sub(b.rotate_left(16));
            a ^= c;
            a = a.wrapping_sub(c.rotate_left(4));
            b ^= a;
            b = b.wrapping_sub(a.rotate_left(14));
            c ^= b;
            c = c.wrapping_sub(b.rotate_left(24));
        } else {
            a = a.wrapping_sub(c);
            a ^= c.rotate_left(4);
            c = c.wrapping_add(b);
            b = b.wrapping_sub(a);
            b ^= a.rotate_left(6);
            a = a.wrapping_add(c);
            c = c.wrapping_sub(b);
            c ^= b.rotate_left(8);
            b = b.wrapping_add(a);
            a = a.wrapping_sub(c);
            a ^= c.rotate_left(16);
            c = c.wrapping_add(b);
            b = b.wrapping_sub(a);
            b ^= a.rotate_left(19);
            a = a.wrapping_add(c);
            c = c.wrapping_sub(b);
            c ^= b.rotate_left(4);
            b = b.wrapping_add(a);
        }
    }
    c
}

/// g_str_hash-style string hash (h = h*31 + byte), as Mono hashes names.
fn string_hash(s: &str) -> u32 {
    s.bytes()
        .fold(0u32, |h, b| h.wrapping_mul(31).wrapping_add(b as u32))
}

fn align_up(v: u32, a: u32) -> u32 {
    let a = a.max(1);
    v.div_ceil(a) * a
}

fn words_to_bitmap(words: &[u32]) -> Bitmap {
    let mut out = Bitmap::new();
    for &w in words {
        let i = (w / 64) as usize;
        if out.len() <= i {
            out.resize(i + 1, 0);
        }
        out[i] |= 1u64 << (w % 64);
    }
    out
}

impl Loader {
    /// The corlib primitive or struct behind a signature type, for callers that only have a sig.
    pub fn primitive_class(&self, sig: &TypeSig) -> Option<TypeKey> {
        primitive_name(sig).and_then(|n| self.find_type(AssemblyIdx::CORLIB, "System", n))
    }
}
