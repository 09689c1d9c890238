//! The runtime: runtime classes (vtables, statics), the method table, class initialisation,
//! and the handlers behind the generic trampolines.

pub mod corlib_natives;
pub mod exceptions;
pub mod forever;
pub mod gc;
pub mod heap;
pub mod helpers;
pub mod il_map;
pub mod layout;
pub mod natives;
pub mod signals;
pub mod stats;
pub mod trampolines;

use crate::error::{Result, VmError};
use hashbrown::HashMap;
use layout::*;
use std::cell::{Cell, OnceCell, RefCell};
use std::rc::Rc;
use std::sync::atomic::Ordering;
use std::sync::Arc;
use vcall_dispatch::codemem::CodeMemory;
use vcall_metadata::class::{ClassFlags, ClassInfo, ValueKind};
use vcall_metadata::lists::List;
use vcall_metadata::loader::{AssemblyIdx, Loader, MethodKey, TypeKey};

/// Index of a runtime class.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct ClassId(pub u32);

/// Index of a method in the runtime's method table; also the IMT id loaded into r10.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct MethodId(pub u32);

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ClassKind {
    Normal,
    /// `System.String`: variable size.
    String,
    /// A single-dimension zero-based array of `element`.
    SzArray,
    /// A multi-dimensional array.
    MdArray(u32),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum InitState {
    NotStarted,
    Running,
    Done,
    /// The static constructor threw; `RtClass::init_error` holds the
    /// TypeInitializationException every later access throws again.
    Failed,
}

/// A class as the running program sees it. Allocated once and never freed, so JIT code
/// embeds its address (the vtable's header points back at it).
pub struct RtClass {
    pub id: ClassId,
    pub info: Arc<ClassInfo>,
    pub kind: ClassKind,
    pub full_name: String,
    /// For arrays: the element class.
    pub element: Option<ClassId>,
    /// For arrays: bytes per element. For value types: the value size.
    pub element_size: u32,
    /// Every class this one is assignable to by inheritance, itself included, root first.
    pub supertypes: Vec<ClassId>,
    /// Every interface implemented (for casts).
    pub interfaces: Vec<ClassId>,
    /// `[depth, element vtable, vtable addresses of the supertypes, root first]`, for inline
    /// casts and array stores (`layout::VTABLE_SUPERTYPES`).
    pub supertype_display: Box<[u64]>,
    /// IMT slots, then the header, then the virtual slots.
    vtable_words: Box<[u64]>,
    pub statics: Box<[u64]>,
    /// For the collector: the words of `statics` that hold references (precise roots), taken
    /// from the static reference bitmap once rather than at every collection.
    pub static_refs: Box<[u32]>,
    pub init: Cell<InitState>,
    /// The TypeInitializationException of a failed static constructor (0 otherwise).
    pub init_error: Cell<u64>,
    /// 1 once the static constructor has finished; JIT code tests this byte.
    pub initialized_flag: Box<u8>,
    pub imt_size: u32,
    /// For the collector: byte offsets of the references in an instance (boxed value types
    /// included), or in each element of an array of structs.
    pub gc_refs: Box<[u32]>,
    /// Arrays whose elements are references.
    pub gc_elements_are_refs: bool,
    /// How an instance's size follows from its length word, for `heap::object_size`.
    pub size_rule: SizeRule,
}

/// An object's unaligned size is `base + (word at count_offset & count_mask) * unit`: fixed
/// sizes have a zero mask, strings count UTF-16 units (an i32), arrays elements. One formula
/// for every kind, so walking a heap of mixed objects takes no unpredictable branch.
#[derive(Clone, Copy, Debug)]
pub struct SizeRule {
    pub base: u64,
    pub count_offset: u32,
    pub count_mask: u64,
    pub unit: u64,
}

impl RtClass {
    /// The 8-aligned size of every instance, or 0 where it varies (strings, arrays): what
    /// allocation asks for.
    pub fn fixed_size(&self) -> u64 {
        if self.size_rule.count_mask == 0 {
            self.size_rule.base
        } else {
            0
        }
    }

    /// The vtable pointer stored in objects: the address of the header.
    pub fn vtable_ptr(&self) -> *const u64 {
        self.vtable_words[self.imt_size as usize..].as_ptr()
    }
    pub fn vtable_addr(&self) -> u64 {
        self.vtable_ptr() as u64
    }
    pub fn statics_addr(&self) -> u64 {
        self.statics.as_ptr() as u64
    }
    pub fn is_value_type(&self) -> bool {
        self.info.flags.has(ClassFlags::VALUE_TYPE) && self.kind == ClassKind::Normal
    }
    pub fn is_interface(&self) -> bool {
        self.info.is_interface() && self.kind == ClassKind::Normal
    }
    pub fn is_array(&self) -> bool {
        matches!(self.kind, ClassKind::SzArray | ClassKind::MdArray(_))
    }
    /// Address of virtual slot `slot` in the vtable.
    pub fn vtable_slot_addr(&self, slot: u32) -> u64 {
        self.vtable_addr()
            .wrapping_add(vtable_slot_offset(slot) as i64 as u64)
    }
    pub fn imt_slot_addr(&self, slot: u32) -> u64 {
        self.vtable_addr()
            .wrapping_add(imt_slot_offset(slot, self.imt_size) as i64 as u64)
    }
}

/// One method in the method table.
pub struct RtMethod {
    pub id: MethodId,
    pub key: MethodKey,
    /// Compiled code, 0 until compiled.
    pub code: Cell<u64>,
    /// The specific trampoline direct calls go through until compiled, 0 until needed.
    pub trampoline: Cell<u64>,
    /// The Rust function of an internal call.
    pub native: Cell<Option<u64>>,
    pub compiling: Cell<bool>,
    /// Its signature and call shape, once a call site or its own compilation needed them
    /// (kept here rather than in a map: every call site of a fresh callee asks).
    pub(crate) sig_shape:
        OnceCell<Rc<(vcall_metadata::signature::MethodSig, crate::jit::CallShape)>>,
    /// Its normalized body if it is worth inlining, once a call site asked.
    pub(crate) inline_body: OnceCell<Option<Rc<[crate::jit::ops::Op]>>>,
}

pub struct Options {
    pub imt_size: u32,
    pub stats: bool,
    pub verbose_methods: Vec<String>,
}

/// The whole runtime. One per process; JIT code and trampoline handlers reach it through `rt()`.
pub struct Runtime {
    pub loader: Loader,
    pub main_assembly: AssemblyIdx,
    pub code: CodeMemory,
    pub options: Options,
    pub stats: stats::Stats,
    pub trampolines: Trampolines,
    classes: RefCell<Vec<&'static RtClass>>,
    class_by_type: RefCell<HashMap<TypeKey, ClassId>>,
    array_classes: RefCell<HashMap<(ClassId, u32), ClassId>>,
    methods: RefCell<Vec<&'static RtMethod>>,
    method_store: forever::Forever<RtMethod>,
    /// Method ids by assembly and MethodDef row, plus one (0: none yet). Rows are dense, so a
    /// table per assembly beats a hash map: no hashing, and no rehashing into fresh memory
    /// while call sites name thousands of new methods.
    method_by_key: RefCell<Vec<Vec<u32>>>,
    interned: RefCell<HashMap<Vec<u16>, u64>>,
    unbox_thunks: RefCell<HashMap<MethodId, u64>>,
    /// Compiled methods by start address: the starts in their own vector, so the binary
    /// searches of registration and of stack walks touch one cache-friendly array instead of
    /// chasing a pointer per probe.
    code_map: RefCell<(Vec<u64>, Vec<&'static exceptions::CodeInfo>)>,
    code_info_store: forever::Forever<exceptions::CodeInfo>,
    pub(crate) il_map_store: forever::ForeverBytes,
    /// `/tmp/perf-<pid>.map` when `VCALL_PERF_MAP=1`, so `perf report` names JIT code.
    perf_map: Option<RefCell<std::io::LineWriter<std::fs::File>>>,
    pub(crate) method_token_cache:
        RefCell<HashMap<(AssemblyIdx, vcall_metadata::token::Token), MethodKey>>,
    pub well_known: RefCell<WellKnown>,
    /// Signatures and call shapes by (assembly, signature blob, owner is a value type).
    pub(crate) sig_shape_cache: RefCell<
        HashMap<
            (AssemblyIdx, u32, bool),
            Rc<(vcall_metadata::signature::MethodSig, crate::jit::CallShape)>,
        >,
    >,
    /// Resolved local-variable slots by StandAloneSig row.
    pub(crate) local_sig_cache:
        RefCell<HashMap<(AssemblyIdx, vcall_metadata::token::RowIndex), Rc<[crate::jit::Slot]>>>,
    /// The JIT's reusable buffers, absent while a compilation holds them (boxed: they move
    /// in and out twice per compilation).
    pub(crate) jit_scratch: Cell<Option<Box<crate::jit::Scratch>>>,
}

/// Addresses of the generic trampolines.
#[derive(Default, Clone, Copy)]
pub struct Trampolines {
    /// Throws the pending exception at a call just made by JIT code (jumped to in place of
    /// a callee that could not run: its compilation or its class's initialisation threw).
    pub throw_at_call: u64,
    /// Calls managed code from Rust, catching exceptions that escape it.
    pub protected: vcall_dispatch::unwind::ProtectedCall,
    pub jit: u64,
    pub virtual_call: u64,
    pub imt: u64,
    pub imt_miss: u64,
    /// Entered by `throw` and failed runtime checks (a generic trampoline).
    pub throw: u64,
    /// Loads a frame context and jumps into a catch handler.
    pub resume: u64,
    /// Runs a finally/fault handler of a frame during unwinding.
    pub call_funclet: u64,
}

/// Corlib classes the runtime refers to directly.
#[derive(Default, Clone)]
pub struct WellKnown {
    pub object: Option<ClassId>,
    pub string: Option<ClassId>,
    pub array: Option<ClassId>,
    pub value_type: Option<ClassId>,
    pub enum_: Option<ClassId>,
    pub char_array: Option<ClassId>,
    pub string_array: Option<ClassId>,
}

static RUNTIME: std::sync::atomic::AtomicPtr<Runtime> =
    std::sync::atomic::AtomicPtr::new(std::ptr::null_mut());

/// The process's runtime. Panics are impossible after `Runtime::install`, which runs first.
pub fn rt() -> &'static Runtime {
    let p = RUNTIME.load(std::sync::atomic::Ordering::Acquire);
    assert!(!p.is_null(), "runtime used before installation");
    // SAFETY: the pointer comes from `Box::leak` in `install` and is never freed or replaced;
    // the runtime is only used from the thread that runs the program.
    unsafe { &*p }
}

impl Runtime {
    /// Leaks the runtime so trampoline handlers and natives can reach it for the process's life.
    pub fn install(self) -> &'static Runtime {
        let leaked: &'static mut Runtime = Box::leak(Box::new(self));
        RUNTIME.store(leaked as *mut Runtime, std::sync::atomic::Ordering::Release);
        leaked
    }

    pub fn new(loader: Loader, main_assembly: AssemblyIdx, options: Options) -> Result<Runtime> {
        let code =
            CodeMemory::new(1 << 30).map_err(|e| VmError::Internal(format!("code memory: {e}")))?;
        Ok(Runtime {
            loader,
            main_assembly,
            code,
            options,
            stats: Default::default(),
            trampolines: Trampolines::default(),
            classes: RefCell::new(Vec::new()),
            class_by_type: RefCell::new(HashMap::new()),
            array_classes: RefCell::new(HashMap::new()),
            methods: RefCell::new(Vec::new()),
            method_store: Default::default(),
            code_info_store: Default::default(),
            il_map_store: Default::default(),
            method_by_key: RefCell::new(Vec::new()),
            interned: RefCell::new(HashMap::new()),
            unbox_thunks: RefCell::new(HashMap::new()),
            code_map: RefCell::new((Vec::new(), Vec::new())),
            perf_map: (std::env::var_os("VCALL_PERF_MAP").is_some_and(|v| v == "1"))
                .then(|| {
                    std::fs::File::create(format!("/tmp/perf-{}.map", std::process::id())).ok()
                })
                .flatten()
                .map(|f| RefCell::new(std::io::LineWriter::new(f))),
            jit_scratch: Cell::new(None),
            local_sig_cache: RefCell::new(HashMap::new()),
            sig_shape_cache: RefCell::new(HashMap::new()),
            method_token_cache: RefCell::new(HashMap::new()),
            well_known: RefCell::new(WellKnown::default()),
        })
    }

    pub fn class(&self, id: ClassId) -> &'static RtClass {
        self.classes.borrow()[id.0 as usize]
    }

    pub fn class_count(&self) -> usize {
        self.classes.borrow().len()
    }

    /// The runtime class of a type definition, creating its vtable on first use.
    pub fn class_of(&self, key: TypeKey) -> Result<ClassId> {
        if let Some(&id) = self.class_by_type.borrow().get(&key) {
            return Ok(id);
        }
        let t0 = std::time::Instant::now();
        let info = self.loader.class(key)?;
        self.stats
            .class_load_ns
            .set(self.stats.class_load_ns.get() + t0.elapsed().as_nanos() as u64);
        let parent = match info.parent {
            Some(p) => Some(self.class_of(p)?),
            None => None,
        };
        if let Some(&id) = self.class_by_type.borrow().get(&key) {
            return Ok(id);
        }
        let mut interfaces = Vec::new();
        for m in info.interfaces() {
            interfaces.push(self.class_of(m.interface)?);
        }
        let kind = if key.assembly == AssemblyIdx::CORLIB && info.full_name() == "System.String" {
            ClassKind::String
        } else {
            ClassKind::Normal
        };
        let element_size = if info.flags.has(ClassFlags::VALUE_TYPE) {
            info.instance_size
        } else {
            8
        };
        let id = self.register_class(info.clone(), kind, parent, interfaces, None, element_size);
        self.class_by_type.borrow_mut().insert(key, id);
        Ok(id)
    }

    fn register_class(
        &self,
        info: Arc<ClassInfo>,
        kind: ClassKind,
        parent: Option<ClassId>,
        interfaces: Vec<ClassId>,
        element: Option<ClassId>,
        element_size: u32,
    ) -> ClassId {
        let id = ClassId(self.classes.borrow().len() as u32);
        let imt_size = self.options.imt_size;
        let slots = info.vtable().len();
        let mut words = vec![0u64; imt_size as usize + (VTABLE_HEADER_BYTES / 8) as usize + slots]
            .into_boxed_slice();
        let has_imt = !info.imt().is_empty();
        for w in words.iter_mut().take(imt_size as usize) {
            *w = if has_imt {
                self.trampolines.imt
            } else {
                self.trampolines.imt_miss
            };
        }
        let header_words = (VTABLE_HEADER_BYTES / 8) as usize;
        for i in 0..slots {
            words[imt_size as usize + header_words + i] = self.trampolines.virtual_call;
        }
        let mut supertypes = parent
            .map(|p| self.class(p).supertypes.clone())
            .unwrap_or_default();
        supertypes.push(id);
        // The boxed slice's heap block does not move with the box, so the vtable address is
        // known before the class is built.
        let own_vtable = words[imt_size as usize..].as_ptr() as u64;
        let element_vtable = element.map(|e| self.class(e).vtable_addr()).unwrap_or(0);
        let supertype_display: Box<[u64]> = [supertypes.len() as u64 - 1, element_vtable]
            .into_iter()
            .chain(supertypes.iter().map(|&s| {
                if s == id {
                    own_vtable
                } else {
                    self.class(s).vtable_addr()
                }
            }))
            .collect();
        let statics_words = (info.static_size as usize).div_ceil(8);
        let static_refs = info
            .static_ref_bitmap()
            .set_bits()
            .filter(|&w| (w as usize) < statics_words.max(1))
            .collect();
        let full_name = match (kind, element) {
            (ClassKind::SzArray, Some(e)) => format!("{}[]", self.class(e).full_name),
            (ClassKind::MdArray(r), Some(e)) => format!(
                "{}[{}]",
                self.class(e).full_name,
                ",".repeat(r as usize - 1)
            ),
            _ => info.full_name().to_string(),
        };
        let (gc_refs, gc_elements_are_refs) = match (kind, element) {
            (ClassKind::SzArray | ClassKind::MdArray(_), Some(e)) => {
                let ec = self.class(e);
                if ec.is_value_type() {
                    (ref_offsets(ec.info.ref_bitmap(), 0), false)
                } else {
                    (Box::default(), true)
                }
            }
            (ClassKind::Normal, _) => {
                let base = if info.flags.has(ClassFlags::VALUE_TYPE) {
                    OBJ_HEADER as u32
                } else {
                    0
                };
                (ref_offsets(info.ref_bitmap(), base), false)
            }
            _ => (Box::default(), false),
        };
        let needs_init =
            info.cctor.is_some() && matches!(kind, ClassKind::Normal | ClassKind::String);
        let size_rule = match kind {
            ClassKind::Normal => SizeRule {
                // A boxed value type's instance size excludes the header; a class's includes it.
                base: if info.flags.has(ClassFlags::VALUE_TYPE) {
                    (OBJ_HEADER as u64 + info.instance_size as u64 + 7) & !7
                } else {
                    ((info.instance_size as u64).max(OBJ_HEADER as u64) + 7) & !7
                },
                count_offset: 0,
                count_mask: 0,
                unit: 0,
            },
            ClassKind::String => SizeRule {
                base: STRING_CHARS as u64 + 2,
                count_offset: STRING_LENGTH as u32,
                count_mask: u32::MAX as u64,
                unit: 2,
            },
            ClassKind::SzArray | ClassKind::MdArray(_) => SizeRule {
                base: match kind {
                    ClassKind::MdArray(r) => heap::md_data_offset(r) as u64,
                    _ => ARRAY_DATA as u64,
                },
                count_offset: ARRAY_LENGTH as u32,
                count_mask: u64::MAX,
                unit: element_size as u64,
            },
        };
        let class = Box::leak(Box::new(RtClass {
            id,
            info,
            kind,
            full_name,
            element,
            element_size,
            supertypes,
            interfaces,
            supertype_display,
            vtable_words: words,
            statics: vec![0u64; statics_words.max(1)].into_boxed_slice(),
            static_refs,
            init: Cell::new(if needs_init {
                InitState::NotStarted
            } else {
                InitState::Done
            }),
            init_error: Cell::new(0),
            initialized_flag: Box::new(if needs_init { 0 } else { 1 }),
            imt_size,
            gc_refs,
            gc_elements_are_refs,
            size_rule,
        }));
        let header = class.vtable_ptr() as *mut u64;
        // SAFETY: `header` points into `vtable_words`, which has at least two header words at
        // this position; nothing else references the class yet.
        unsafe {
            *header = class as *const RtClass as u64;
            *header.add(1) = class.supertype_display.as_ptr() as u64;
        }
        self.stats.classes.set(self.stats.classes.get() + 1);
        self.stats
            .vtable_bytes
            .set(self.stats.vtable_bytes.get() + class.vtable_words.len() as u64 * 8);
        if has_imt {
            self.stats.imt_tables.set(self.stats.imt_tables.get() + 1);
            self.stats
                .imt_tables_bytes
                .set(self.stats.imt_tables_bytes.get() + imt_size as u64 * 8);
        }
        self.classes.borrow_mut().push(class);
        id
    }

    /// The class of `element[]` (rank 1) or `element[,...]`.
    pub fn array_class(&self, element: ClassId, rank: u32) -> Result<ClassId> {
        if let Some(&id) = self.array_classes.borrow().get(&(element, rank)) {
            return Ok(id);
        }
        let array = self
            .well_known
            .borrow()
            .array
            .ok_or_else(|| VmError::Internal("System.Array not loaded".into()))?;
        let arr = self.class(array);
        let e = self.class(element);
        let element_size = if e.is_value_type() {
            e.info.instance_size
        } else {
            8
        };
        let kind = if rank == 1 {
            ClassKind::SzArray
        } else {
            ClassKind::MdArray(rank)
        };
        let id = self.register_class(
            arr.info.clone(),
            kind,
            Some(array),
            arr.interfaces.clone(),
            Some(element),
            element_size,
        );
        self.array_classes.borrow_mut().insert((element, rank), id);
        Ok(id)
    }

    /// The class of a value of this kind when it must be an object (boxing, array elements).
    pub fn class_for_kind(&self, kind: ValueKind, class: Option<TypeKey>) -> Result<ClassId> {
        if let Some(k) = class {
            return self.class_of(k);
        }
        let name = match kind {
            ValueKind::Bool => "Boolean",
            ValueKind::Char => "Char",
            ValueKind::I1 => "SByte",
            ValueKind::U1 => "Byte",
            ValueKind::I2 => "Int16",
            ValueKind::U2 => "UInt16",
            ValueKind::I4 => "Int32",
            ValueKind::U4 => "UInt32",
            ValueKind::I8 => "Int64",
            ValueKind::U8 => "UInt64",
            ValueKind::R4 => "Single",
            ValueKind::R8 => "Double",
            ValueKind::I | ValueKind::Ptr | ValueKind::ByRef => "IntPtr",
            ValueKind::U => "UIntPtr",
            _ => "Object",
        };
        self.class_of(self.loader.corlib_type("System", name)?)
    }

    /// The method table entry of a method definition.
    pub fn method_id(&self, key: MethodKey) -> MethodId {
        let mut by_key = self.method_by_key.borrow_mut();
        let (a, row) = (key.assembly.0 as usize, key.row.0 as usize);
        if by_key.len() <= a {
            by_key.resize_with(a + 1, Vec::new);
        }
        let rows = &mut by_key[a];
        if rows.len() <= row {
            let defs = self
                .loader
                .assembly_at(key.assembly)
                .tables
                .rows(vcall_metadata::token::TableId::MethodDef);
            rows.resize(row.max(defs as usize) + 1, 0);
        }
        let slot = &mut rows[row];
        if *slot != 0 {
            return MethodId(*slot - 1);
        }
        let mut methods = self.methods.borrow_mut();
        let id = MethodId(methods.len() as u32);
        methods.push(self.method_store.alloc(RtMethod {
            id,
            key,
            code: Cell::new(0),
            trampoline: Cell::new(0),
            native: Cell::new(None),
            compiling: Cell::new(false),
            sig_shape: OnceCell::new(),
            inline_body: OnceCell::new(),
        }));
        *slot = id.0 + 1;
        id
    }

    pub fn method(&self, id: MethodId) -> &'static RtMethod {
        self.methods.borrow()[id.0 as usize]
    }

    pub fn method_count(&self) -> usize {
        self.methods.borrow().len()
    }

    /// Where a direct call to `id` should go now: its code if compiled, else its specific
    /// trampoline (created on first need).
    pub fn direct_call_target(&self, id: MethodId) -> Result<u64> {
        let m = self.method(id);
        if m.code.get() != 0 {
            return Ok(m.code.get());
        }
        if m.trampoline.get() == 0 {
            let t = vcall_dispatch::trampoline::emit_specific_trampoline(
                &self.code,
                id.0,
                self.trampolines.jit,
            )
            .map_err(|e| VmError::Internal(format!("specific trampoline: {e}")))?;
            self.stats
                .specific_trampolines
                .set(self.stats.specific_trampolines.get() + 1);
            m.trampoline.set(t);
        }
        Ok(m.trampoline.get())
    }

    /// Compiles a method if needed and returns its code address.
    pub fn ensure_compiled(&self, id: MethodId) -> Result<u64> {
        let m = self.method(id);
        if m.code.get() != 0 {
            return Ok(m.code.get());
        }
        let t0 = std::time::Instant::now();
        let code = crate::jit::compile_method(self, id)?;
        self.stats
            .jit_ns
            .set(self.stats.jit_ns.get() + t0.elapsed().as_nanos() as u64);
        m.code.set(code);
        Ok(code)
    }

    /// Runs the static constructor of a class if it has not run. If it throws (or compiling
    /// it raises), the exception is wrapped in a TypeInitializationException, which is left
    /// pending (`Err(ManagedException)`) now and at every later call, as in Mono.
    pub fn run_class_init(&self, id: ClassId) -> Result<()> {
        let c = self.class(id);
        match c.init.get() {
            // Running: a recursive access on this thread sees the defaults, per ECMA.
            InitState::Done | InitState::Running => return Ok(()),
            InitState::Failed => {
                exceptions::PENDING_EXCEPTION.store(c.init_error.get(), Ordering::Relaxed);
                return Err(VmError::ManagedException);
            }
            InitState::NotStarted => {}
        }
        c.init.set(InitState::Running);
        stats::Stats::add(&self.stats.classes_initialised, 1);
        if let Some(cctor) = c.info.cctor {
            let mid = self.method_id(cctor);
            let thrown = match self.ensure_compiled(mid) {
                // A compiled static method taking no arguments and returning void.
                Ok(code) => exceptions::call_protected(self, code, 0, 0).err(),
                Err(VmError::ManagedException) => {
                    Some(exceptions::PENDING_EXCEPTION.swap(0, Ordering::Relaxed))
                }
                Err(e) => {
                    c.init.set(InitState::NotStarted);
                    return Err(e);
                }
            };
            if let Some(inner) = thrown {
                let tie = exceptions::type_initialization_exception(self, c, inner);
                c.init_error.set(tie);
                c.init.set(InitState::Failed);
                exceptions::PENDING_EXCEPTION.store(tie, Ordering::Relaxed);
                return Err(VmError::ManagedException);
            }
        }
        c.init.set(InitState::Done);
        let flag = &*c.initialized_flag as *const u8 as *mut u8;
        // SAFETY: the flag is a leaked byte owned by the class; JIT code only reads it.
        unsafe { flag.write_volatile(1) };
        Ok(())
    }

    /// Registers a compiled method's unwind information. Code memory grows upward, so the new
    /// entry almost always goes at the end.
    pub fn register_code(&self, info: exceptions::CodeInfo) {
        if let Some(out) = &self.perf_map {
            use std::io::Write;
            let name = self.loader.method_display(self.method(info.method).key);
            // perf reads `start size name` lines; a failed write only loses symbols.
            let _ = writeln!(out.borrow_mut(), "{:x} {:x} {}", info.start, info.len, name);
        }
        let mut map = self.code_map.borrow_mut();
        let (starts, infos) = &mut *map;
        let pos = match starts.last() {
            Some(&last) if last >= info.start => starts.partition_point(|&s| s < info.start),
            _ => starts.len(),
        };
        starts.insert(pos, info.start);
        infos.insert(pos, self.code_info_store.alloc(info));
    }

    /// The compiled method containing native address `pc`.
    pub fn code_info_at(&self, pc: u64) -> Option<&'static exceptions::CodeInfo> {
        method_containing(&self.code_map.borrow(), pc)
    }

    /// `code_info_at` for a signal handler: gives up instead of panicking if the code map is
    /// being changed (which only Rust code does, so the fault was not in JIT code anyway).
    pub fn try_code_info_at(&self, pc: u64) -> Option<&'static exceptions::CodeInfo> {
        method_containing(&*self.code_map.try_borrow().ok()?, pc)
    }

    /// Bytes of compiled code from entry point `addr` to the end of its method (0 for an
    /// address that starts none, such as a native's thunk).
    pub fn code_len(&self, addr: u64) -> usize {
        self.code_info_at(addr)
            .map_or(0, |c| (c.start + c.len as u64 - addr) as usize)
    }

    pub fn unbox_thunk(&self, id: MethodId) -> Option<u64> {
        self.unbox_thunks.borrow().get(&id).copied()
    }

    pub fn set_unbox_thunk(&self, id: MethodId, thunk: u64) {
        self.unbox_thunks.borrow_mut().insert(id, thunk);
    }

    /// Every interned string (GC roots).
    pub fn interned_objects(&self) -> Vec<u64> {
        self.interned.borrow().values().copied().collect()
    }

    /// The interned string with these units, if one exists.
    pub fn interned(&self, units: &[u16]) -> Option<u64> {
        self.interned.borrow().get(units).copied()
    }

    /// An interned string object for a `#US` literal or runtime text.
    pub fn intern(&self, units: &[u16]) -> u64 {
        if let Some(&s) = self.interned.borrow().get(units) {
            return s;
        }
        let s = heap::new_string_pinned(self, units);
        self.interned.borrow_mut().insert(units.to_vec(), s);
        s
    }
}

/// Reads the runtime class of an object.
///
/// # Safety
/// `obj` must point to a live object whose first word is a vtable pointer made by `Runtime`.
pub unsafe fn class_of_object(obj: u64) -> &'static RtClass {
    // SAFETY: per the contract the first word is a vtable pointer whose header word is the
    // leaked `RtClass`.
    unsafe {
        let vt = *(obj as *const u64);
        &*(*(vt as *const u64) as *const RtClass)
    }
}

/// Names an address for disassembly: trampolines, methods, natives.
pub fn symbolize(rt: &Runtime, addr: u64) -> Option<String> {
    let t = &rt.trampolines;
    let named = [
        (t.jit, "generic_jit_trampoline"),
        (t.virtual_call, "generic_virtual_trampoline"),
        (t.imt, "generic_imt_trampoline"),
        (t.imt_miss, "imt_miss_trampoline"),
        (t.throw, "throw_trampoline"),
    ];
    for (a, n) in named {
        if a == addr {
            return Some(n.to_string());
        }
    }
    let handlers: [(u64, &str); 5] = [
        (
            trampolines::jit_trampoline_handler as *const () as u64,
            "jit_trampoline_handler",
        ),
        (
            trampolines::virtual_trampoline_handler as *const () as u64,
            "virtual_trampoline_handler",
        ),
        (
            trampolines::imt_trampoline_handler as *const () as u64,
            "imt_trampoline_handler",
        ),
        (
            trampolines::imt_miss_handler as *const () as u64,
            "imt_miss_handler",
        ),
        (
            exceptions::throw_handler as *const () as u64,
            "throw_handler",
        ),
    ];
    if let Some((_, n)) = handlers.iter().find(|(a, _)| *a == addr) {
        return Some(n.to_string());
    }
    for i in 0..rt.method_count() {
        let m = rt.method(MethodId(i as u32));
        if m.code.get() == addr && addr != 0 {
            return Some(rt.loader.method_display(m.key));
        }
        if m.trampoline.get() == addr && addr != 0 {
            return Some(format!("trampoline<{}>", rt.loader.method_display(m.key)));
        }
        if m.native.get() == Some(addr) {
            return Some(format!("native<{}>", rt.loader.method_display(m.key)));
        }
    }
    helpers::helper_name(addr).map(|s| s.to_string())
}

/// The entry of the code map (method starts, their infos) whose code contains `pc`.
fn method_containing(
    (starts, infos): &(Vec<u64>, Vec<&'static exceptions::CodeInfo>),
    pc: u64,
) -> Option<&'static exceptions::CodeInfo> {
    let i = starts.partition_point(|&s| s <= pc);
    let c = *infos.get(i.checked_sub(1)?)?;
    (pc < c.start + c.len as u64).then_some(c)
}

/// Byte offsets of the set bits of a word bitmap, plus `base`.
fn ref_offsets(bitmap: List<'_, u64>, base: u32) -> Box<[u32]> {
    bitmap.set_bits().map(|w| base + 8 * w).collect()
}
