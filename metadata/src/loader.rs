//! The assembly set: loads the program, vcall's corlib and referenced assemblies on demand,
//! and resolves TypeRefs, MemberRefs and signature types across them by name.

use crate::assembly::Assembly;
use crate::error::{MetadataError, Result};
use crate::signature::{self, MethodSig, TypeSig};
use crate::token::{RowIndex, TableId, Token};
use hashbrown::HashMap;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, OnceLock};

/// Index of an assembly in the loader's set. The corlib is always 0.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct AssemblyIdx(pub u16);

impl AssemblyIdx {
    pub const CORLIB: AssemblyIdx = AssemblyIdx(0);
}

/// A type definition: an assembly and a TypeDef row. Stable across runs for the same files.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct TypeKey {
    pub assembly: AssemblyIdx,
    pub row: RowIndex,
}

impl TypeKey {
    pub fn token(self) -> Token {
        Token::new(TableId::TypeDef, self.row)
    }
}

/// A method definition: an assembly and a MethodDef row.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct MethodKey {
    pub assembly: AssemblyIdx,
    pub row: RowIndex,
}

impl MethodKey {
    pub fn token(self) -> Token {
        Token::new(TableId::MethodDef, self.row)
    }
}

/// A field definition: an assembly and a Field row.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct FieldKey {
    pub assembly: AssemblyIdx,
    pub row: RowIndex,
}

impl FieldKey {
    pub fn token(self) -> Token {
        Token::new(TableId::Field, self.row)
    }
}

/// Per-assembly lookup tables, built on first use.
struct NameIndex {
    /// Top-level TypeDef rows by (namespace, name), hashed from the assembly's own strings
    /// (compared there too), so building it copies no name; built by the first lookup.
    top_level: OnceLock<hashbrown::HashTable<RowIndex>>,
    /// Its hasher (seeded once per index).
    hasher: hashbrown::DefaultHashBuilder,
    /// enclosing TypeDef row -> nested rows.
    nested: HashMap<RowIndex, Vec<RowIndex>>,
    /// nested TypeDef row -> enclosing row.
    enclosing: HashMap<RowIndex, RowIndex>,
    /// MethodDef row -> owning TypeDef row.
    method_owner: Vec<RowIndex>,
    /// Field row -> owning TypeDef row.
    field_owner: Vec<RowIndex>,
    /// Rows of tables keyed by an owner, so class loading never scans a whole table per type:
    /// one entry per table of `OWNED_TABLES`.
    by_owner: Vec<OwnedRows>,
}

/// (table, owner column) pairs indexed by owner; the owner is a row number, or a token for
/// GenericParam.
const OWNED_TABLES: [(TableId, usize); 6] = [
    (TableId::InterfaceImpl, 0),
    (TableId::MethodImpl, 0),
    (TableId::ClassLayout, 2),
    (TableId::FieldLayout, 1),
    (TableId::FieldRva, 1),
    (TableId::GenericParam, 2),
];

/// The rows of one table ordered by owner (stably, so one owner's rows stay in table order):
/// ECMA-335 has these tables sorted by owner already, so this is usually a copy and the
/// lookup a binary search, with no map and no vector per owner.
#[derive(Default)]
struct OwnedRows {
    owners: Vec<u32>,
    rows: Vec<RowIndex>,
}

impl OwnedRows {
    fn new(a: &Assembly, t: TableId, col: usize) -> OwnedRows {
        let mut pairs: Vec<(u32, RowIndex)> = (1..=a.tables.rows(t))
            .map(|r| (a.raw_cell(t, RowIndex(r), col), RowIndex(r)))
            .collect();
        if !pairs.windows(2).all(|w| w[0].0 <= w[1].0) {
            pairs.sort_by_key(|p| p.0);
        }
        OwnedRows {
            owners: pairs.iter().map(|p| p.0).collect(),
            rows: pairs.iter().map(|p| p.1).collect(),
        }
    }

    fn get(&self, owner: u32) -> &[RowIndex] {
        let start = self.owners.partition_point(|&o| o < owner);
        let end = start + self.owners[start..].partition_point(|&o| o == owner);
        &self.rows[start..end]
    }
}

impl NameIndex {
    /// The top-level type table's hash of a (namespace, name) pair.
    fn type_name_hash(&self, namespace: &str, name: &str) -> u64 {
        use std::hash::BuildHasher;
        self.hasher.hash_one((namespace, name))
    }
}

/// One loaded assembly with its lookup tables and per-row class caches. Never moved or
/// dropped while the loader lives, so readers can borrow from it.
pub(crate) struct Loaded {
    pub(crate) assembly: Arc<Assembly>,
    index: NameIndex,
    pub(crate) classes: crate::class::AssemblyClasses,
}

/// Assemblies per chunk of the append-only table.
const CHUNK: usize = 64;
/// `AssemblyIdx` is a u16: the table has room for every value.
const MAX_ASSEMBLIES: usize = 1 << 16;

/// `CHUNK` cells of the assembly table.
type Chunk = Box<[OnceLock<Loaded>]>;

/// Append-only table of loaded assemblies. Reading a filled `OnceLock` is one atomic load, so
/// threads building classes in parallel (`--aot`) look assemblies up without taking a lock or
/// touching a reference count, which would bounce one cache line between the cores.
struct AssemblyTable {
    chunks: Box<[OnceLock<Chunk>]>,
    len: AtomicUsize,
}

impl AssemblyTable {
    fn new() -> Self {
        AssemblyTable {
            chunks: (0..MAX_ASSEMBLIES / CHUNK)
                .map(|_| OnceLock::new())
                .collect(),
            len: AtomicUsize::new(0),
        }
    }

    fn get(&self, i: usize) -> Option<&Loaded> {
        self.chunks.get(i / CHUNK)?.get()?.get(i % CHUNK)?.get()
    }

    fn len(&self) -> usize {
        self.len.load(Ordering::Acquire)
    }

    /// Appends; the caller holds the loader's `load_lock`, so indices are handed out in order.
    fn push(&self, loaded: Loaded) -> Option<usize> {
        let i = self.len.load(Ordering::Acquire);
        let chunk = self
            .chunks
            .get(i / CHUNK)?
            .get_or_init(|| (0..CHUNK).map(|_| OnceLock::new()).collect());
        chunk.get(i % CHUNK)?.set(loaded).ok()?;
        self.len.store(i + 1, Ordering::Release);
        Some(i)
    }
}

/// The loaded assemblies and the lazily built per-assembly indices.
pub struct Loader {
    assemblies: AssemblyTable,
    search_dirs: Vec<PathBuf>,
    load_lock: Mutex<()>,
    load_hook: OnceLock<LoadHook>,
    pub(crate) classes: crate::class::ClassCache,
    pub imt_size: u32,
}

/// Called once for every assembly the loader loads, like Mono's assembly-load hook (which is
/// how Mono finds each assembly's AOT image).
pub type LoadHook = Box<dyn Fn(&Loader, AssemblyIdx) + Send + Sync>;

/// How many tokens a name or a type resolution follows (TypeRef scopes, TypeSpecs naming
/// TypeSpecs) before calling the chain cyclic; real metadata needs a handful.
const MAX_NAME_DEPTH: u32 = 64;

/// Base classes a member lookup climbs before calling the chain cyclic.
const MAX_BASE_CHAIN: u32 = 256;

/// Mono's `MONO_IMT_SIZE`.
pub const DEFAULT_IMT_SIZE: u32 = 19;

impl Loader {
    /// Creates a loader with the corlib at index 0.
    pub fn new(corlib: &Path, imt_size: u32) -> Result<Loader> {
        let corlib = Assembly::load(corlib)?;
        let loader = Loader {
            assemblies: AssemblyTable::new(),
            search_dirs: Vec::new(),
            load_lock: Mutex::new(()),
            load_hook: OnceLock::new(),
            classes: Default::default(),
            imt_size: imt_size.max(1),
        };
        loader.push(corlib)?;
        Ok(loader)
    }

    /// Adds the program (or any assembly) and remembers its directory for dependencies.
    pub fn load_main(&mut self, path: &Path) -> Result<AssemblyIdx> {
        let asm = Assembly::load(path)?;
        self.add_main(asm)
    }

    /// `load_main` for an assembly already read (so a caller that inspects it first does not
    /// parse the file twice).
    pub fn add_main(&mut self, asm: Assembly) -> Result<AssemblyIdx> {
        self.add_main_with(asm, false)
    }

    /// `add_main`, building the assembly's indices on rayon's pool (for
    /// `--aot=metadata-only`; see `Assembly::load_in_parallel`).
    pub fn add_main_in_parallel(&mut self, asm: Assembly) -> Result<AssemblyIdx> {
        self.add_main_with(asm, true)
    }

    fn add_main_with(&mut self, asm: Assembly, parallel: bool) -> Result<AssemblyIdx> {
        if let Some(dir) = asm.path.parent() {
            self.search_dirs.push(if dir.as_os_str().is_empty() {
                PathBuf::from(".")
            } else {
                dir.to_path_buf()
            });
        }
        let idx = {
            let _guard = self.load_lock.lock().unwrap_or_else(|e| e.into_inner());
            self.push_locked(asm, parallel)?
        };
        self.run_load_hook(idx);
        Ok(idx)
    }

    /// Installs the load hook and runs it for every assembly loaded so far. Only the first
    /// hook installed is kept (returns false for later ones).
    pub fn set_load_hook(&self, hook: LoadHook) -> bool {
        if self.load_hook.set(hook).is_err() {
            return false;
        }
        for i in 0..self.assembly_count() {
            self.run_load_hook(AssemblyIdx(i as u16));
        }
        true
    }

    fn run_load_hook(&self, idx: AssemblyIdx) {
        if let Some(hook) = self.load_hook.get() {
            hook(self, idx);
        }
    }

    fn push(&self, asm: Assembly) -> Result<AssemblyIdx> {
        let _guard = self.load_lock.lock().unwrap_or_else(|e| e.into_inner());
        self.push_locked(asm, false)
    }

    /// Appends an assembly; the caller holds `load_lock`.
    fn push_locked(&self, asm: Assembly, parallel: bool) -> Result<AssemblyIdx> {
        let file = asm.file.clone();
        let (index, classes) = if parallel {
            rayon::join(
                || build_index(&asm, true),
                || crate::class::AssemblyClasses::new(&asm),
            )
        } else {
            (
                build_index(&asm, false),
                crate::class::AssemblyClasses::new(&asm),
            )
        };
        let loaded = Loaded {
            index,
            classes,
            assembly: Arc::new(asm),
        };
        self.assemblies
            .push(loaded)
            .map(|i| AssemblyIdx(i as u16))
            .ok_or_else(|| MetadataError::Image {
                file,
                message: format!("more than {MAX_ASSEMBLIES} assemblies loaded"),
            })
    }

    /// The loaded assembly at `idx` (an index this loader handed out).
    pub(crate) fn loaded(&self, idx: AssemblyIdx) -> &Loaded {
        self.assemblies
            .get(idx.0 as usize)
            .expect("AssemblyIdx not handed out by this loader")
    }

    pub fn assembly(&self, idx: AssemblyIdx) -> Arc<Assembly> {
        self.loaded(idx).assembly.clone()
    }

    /// Like `assembly`, but borrowed: no reference count is touched (the hot path of class
    /// building, which runs on several threads at once).
    pub fn assembly_at(&self, idx: AssemblyIdx) -> &Assembly {
        &self.loaded(idx).assembly
    }

    pub fn assembly_count(&self) -> usize {
        self.assemblies.len()
    }

    fn index(&self, idx: AssemblyIdx) -> &NameIndex {
        &self.loaded(idx).index
    }

    /// Finds an assembly by simple name, loading it from the search directories on demand.
    /// `mscorlib` (and the other names of the base library) always mean vcall's corlib.
    pub fn assembly_by_name(
        &self,
        name: &str,
        referrer: &Assembly,
        token: Token,
    ) -> Result<AssemblyIdx> {
        if is_corlib_name(name) {
            return Ok(AssemblyIdx::CORLIB);
        }
        let guard = self.load_lock.lock().unwrap_or_else(|e| e.into_inner());
        for i in 0..self.assemblies.len() {
            let asm = self.assembly_at(AssemblyIdx(i as u16));
            if asm
                .name()
                .map(|n| n.eq_ignore_ascii_case(name))
                .unwrap_or(false)
            {
                return Ok(AssemblyIdx(i as u16));
            }
        }
        for dir in &self.search_dirs {
            for ext in ["dll", "exe"] {
                let p = dir.join(format!("{name}.{ext}"));
                if p.is_file() {
                    let asm = Assembly::load(&p)?;
                    let idx = self.push_locked(asm, false)?;
                    // Outside the lock: the hook may load further assemblies.
                    drop(guard);
                    self.run_load_hook(idx);
                    return Ok(idx);
                }
            }
        }
        Err(MetadataError::Unresolved {
            file: referrer.file.clone(),
            token,
            what: format!("assembly '{name}'"),
            message: format!(
                "not found next to the program (searched {:?})",
                self.search_dirs
            ),
        })
    }

    /// Looks up a top-level type by namespace and name in one assembly.
    pub fn find_type(&self, asm: AssemblyIdx, namespace: &str, name: &str) -> Option<TypeKey> {
        let a = self.assembly_at(asm);
        let idx = self.index(asm);
        idx.top_level
            .get_or_init(|| top_level_table(a, idx))
            .find(idx.type_name_hash(namespace, name), |&row| {
                type_def_name(a, row) == Some((namespace, name))
            })
            .map(|&row| TypeKey { assembly: asm, row })
    }

    /// A corlib type that the runtime itself needs, e.g. `System.String`.
    pub fn corlib_type(&self, namespace: &str, name: &str) -> Result<TypeKey> {
        self.find_type(AssemblyIdx::CORLIB, namespace, name)
            .ok_or_else(|| {
                let corlib = self.assembly_at(AssemblyIdx::CORLIB);
                MetadataError::Unresolved {
                    file: corlib.file.clone(),
                    token: Token(0),
                    what: format!("type {namespace}.{name}"),
                    message: "the corlib does not define it".into(),
                }
            })
    }

    pub fn nested_types(&self, key: TypeKey) -> Vec<TypeKey> {
        self.index(key.assembly)
            .nested
            .get(&key.row)
            .map(|v| {
                v.iter()
                    .map(|&row| TypeKey {
                        assembly: key.assembly,
                        row,
                    })
                    .collect()
            })
            .unwrap_or_default()
    }

    pub fn enclosing_type(&self, key: TypeKey) -> Option<TypeKey> {
        self.index(key.assembly)
            .enclosing
            .get(&key.row)
            .map(|&row| TypeKey {
                assembly: key.assembly,
                row,
            })
    }

    /// Rows of `table` whose owner column equals `owner` (see `build_index`), in table order.
    pub fn rows_owned_by(&self, asm: AssemblyIdx, table: TableId, owner: u32) -> &[RowIndex] {
        let idx = self.index(asm);
        match OWNED_TABLES.iter().position(|&(t, _)| t == table) {
            Some(i) => idx.by_owner[i].get(owner),
            None => &[],
        }
    }

    /// The methods TypeDef `t` declares, in table order. Not kept in ClassInfo: the table
    /// already holds them, so an image need not carry (and decode) them again.
    pub fn methods_of(&self, t: TypeKey) -> impl Iterator<Item = MethodKey> {
        let rows = self.assembly_at(t.assembly).methods_of(t.row);
        rows.into_iter().map(move |row| MethodKey {
            assembly: t.assembly,
            row,
        })
    }

    /// The TypeDef that declares a method.
    pub fn method_owner(&self, m: MethodKey) -> TypeKey {
        let idx = self.index(m.assembly);
        TypeKey {
            assembly: m.assembly,
            row: idx
                .method_owner
                .get(m.row.zero_based())
                .copied()
                .unwrap_or_default(),
        }
    }

    /// The TypeDef that declares a field.
    pub fn field_owner(&self, f: FieldKey) -> TypeKey {
        let idx = self.index(f.assembly);
        TypeKey {
            assembly: f.assembly,
            row: idx
                .field_owner
                .get(f.row.zero_based())
                .copied()
                .unwrap_or_default(),
        }
    }

    /// Every TypeDef of an assembly, in table order (row 1 is `<Module>`).
    pub fn all_types(&self, asm: AssemblyIdx) -> Vec<TypeKey> {
        let n = self.assembly_at(asm).tables.rows(TableId::TypeDef);
        (1..=n)
            .map(|r| TypeKey {
                assembly: asm,
                row: RowIndex(r),
            })
            .collect()
    }

    /// Resolves a TypeDef/TypeRef token of `asm` to a type definition.
    /// TypeSpec tokens resolve to their generic definition or element shape via `resolve_type_sig`.
    pub fn resolve_type_token(&self, asm: AssemblyIdx, token: Token) -> Result<TypeKey> {
        self.resolve_type_token_at(asm, token, 0)
    }

    /// `depth` counts TypeSpecs entered: a TypeSpec blob may name another TypeSpec, and a
    /// damaged one can name itself.
    fn resolve_type_token_at(&self, asm: AssemblyIdx, token: Token, depth: u32) -> Result<TypeKey> {
        let a = self.assembly_at(asm);
        match token.table() {
            Some(TableId::TypeDef) => {
                a.check_row(TableId::TypeDef, token.row(), token)?;
                Ok(TypeKey {
                    assembly: asm,
                    row: token.row(),
                })
            }
            Some(TableId::TypeRef) => self.resolve_type_ref(asm, token.row(), 0),
            Some(TableId::TypeSpec) => {
                a.check_row(TableId::TypeSpec, token.row(), token)?;
                if depth > MAX_NAME_DEPTH {
                    return Err(MetadataError::Type {
                        file: a.file.clone(),
                        token,
                        message: "TypeSpec chain is cyclic (a TypeSpec names itself)".into(),
                    });
                }
                let blob = a.type_spec_blob(token.row())?;
                let sig =
                    signature::parse_type_spec(blob).map_err(|e| MetadataError::Signature {
                        file: a.file.clone(),
                        blob: a.raw_cell(TableId::TypeSpec, token.row(), 0),
                        offset: e.offset,
                        message: format!("TypeSpec {token}: {}", e.message),
                    })?;
                match self.sig_class_at(asm, &sig, depth + 1)? {
                    Some(k) => Ok(k),
                    None => Err(MetadataError::Type {
                        file: a.file.clone(),
                        token,
                        message: format!("TypeSpec {} does not name a class", sig),
                    }),
                }
            }
            _ => Err(MetadataError::Type {
                file: a.file.clone(),
                token,
                message: "expected a TypeDef, TypeRef or TypeSpec token".into(),
            }),
        }
    }

    fn resolve_type_ref(&self, asm: AssemblyIdx, row: RowIndex, depth: u32) -> Result<TypeKey> {
        let a = self.assembly_at(asm);
        let token = Token::new(TableId::TypeRef, row);
        a.check_row(TableId::TypeRef, row, token)?;
        if depth > 64 {
            return Err(MetadataError::Type {
                file: a.file.clone(),
                token,
                message: "TypeRef nesting is cyclic".into(),
            });
        }
        let r = a.type_ref(row);
        let name = a.string(r.name)?;
        let namespace = a.string(r.namespace)?;
        let unresolved = |message: String| MetadataError::Unresolved {
            file: a.file.clone(),
            token,
            what: format!(
                "type {}",
                if namespace.is_empty() {
                    name.to_string()
                } else {
                    format!("{namespace}.{name}")
                }
            ),
            message,
        };
        match r.scope.table() {
            Some(TableId::AssemblyRef) => {
                a.check_row(TableId::AssemblyRef, r.scope.row(), token)?;
                let asm_name = a.string(a.assembly_ref(r.scope.row()).name)?;
                let target = self.assembly_by_name(asm_name, a, token)?;
                self.find_type(target, namespace, name).ok_or_else(|| {
                    unresolved(format!(
                        "assembly '{}' does not define it",
                        self.assembly_at(target).file
                    ))
                })
            }
            Some(TableId::TypeRef) => {
                let outer = self.resolve_type_ref(asm, r.scope.row(), depth + 1)?;
                let outer_asm = self.assembly_at(outer.assembly);
                for n in self.nested_types(outer) {
                    if outer_asm.string(outer_asm.type_def(n.row).name)? == name {
                        return Ok(n);
                    }
                }
                Err(unresolved("enclosing type has no such nested type".into()))
            }
            // Module, ModuleRef or a null scope: the type lives in this assembly.
            _ => self
                .find_type(asm, namespace, name)
                .ok_or_else(|| unresolved("not defined in this module".into())),
        }
    }

    /// The class a signature type names, if any: primitives map to their corlib structs,
    /// arrays to `System.Array`, generic instances to their definitions.
    pub fn sig_class(&self, asm: AssemblyIdx, sig: &TypeSig) -> Result<Option<TypeKey>> {
        self.sig_class_at(asm, sig, 0)
    }

    fn sig_class_at(&self, asm: AssemblyIdx, sig: &TypeSig, depth: u32) -> Result<Option<TypeKey>> {
        let corlib = |ns: &str, n: &str| self.corlib_type(ns, n).map(Some);
        match sig {
            TypeSig::Class(t) | TypeSig::ValueType(t) => {
                self.resolve_type_token_at(asm, *t, depth).map(Some)
            }
            TypeSig::GenericInst { generic, .. } => {
                self.resolve_type_token_at(asm, *generic, depth).map(Some)
            }
            TypeSig::String => corlib("System", "String"),
            TypeSig::Object => corlib("System", "Object"),
            TypeSig::SzArray(_) | TypeSig::Array { .. } => corlib("System", "Array"),
            TypeSig::Modified { inner, .. } => self.sig_class_at(asm, inner, depth),
            other => match primitive_name(other) {
                Some(n) => corlib("System", n),
                None => Ok(None),
            },
        }
    }

    /// The full name of a type definition: `Namespace.Outer+Inner`.
    pub fn type_full_name(&self, key: TypeKey) -> String {
        let a = self.assembly_at(key.assembly);
        if !a.tables.has_row(TableId::TypeDef, key.row) {
            return format!("<bad type {:?}>", key);
        }
        // Innermost first. Damaged NestedClass rows can nest types in a cycle: the walk stops
        // at the first type seen twice, which then stands as the outermost.
        // Every class built asks for its name: no allocation for the chain of a type nested
        // less than four deep, and one for the text, sized up front.
        let mut chain: smallvec::SmallVec<[TypeKey; 4]> = smallvec::smallvec![key];
        while let Some(outer) = self.enclosing_type(*chain.last().unwrap()) {
            if chain.contains(&outer) {
                break;
            }
            chain.push(outer);
        }
        let part = |k: &TypeKey| a.string(a.type_def(k.row).name).map_or(1, str::len) + 1;
        let outermost = a.type_def(chain[chain.len() - 1].row);
        let ns_len = a.string(outermost.namespace).map_or(0, str::len);
        let mut s = String::with_capacity(ns_len + chain.iter().map(part).sum::<usize>());
        for (i, k) in chain.iter().rev().enumerate() {
            let row = a.type_def(k.row);
            let name = a.string(row.name).unwrap_or("?");
            if i > 0 {
                s.push('+');
            } else {
                let ns = a.string(row.namespace).unwrap_or("");
                if !ns.is_empty() {
                    s.push_str(ns);
                    s.push('.');
                }
            }
            s.push_str(name);
        }
        s
    }

    /// The full name of the type a TypeDef/TypeRef token names, without loading anything.
    pub fn token_type_name(&self, asm: AssemblyIdx, token: Token) -> String {
        self.token_type_name_at(asm, token, 0)
    }

    /// `depth` counts tokens followed (TypeRef scopes, TypeSpec blobs), which damaged
    /// metadata can arrange in a cycle.
    fn token_type_name_at(&self, asm: AssemblyIdx, token: Token, depth: u32) -> String {
        if depth > MAX_NAME_DEPTH {
            return format!("<cyclic {token}>");
        }
        let a = self.assembly_at(asm);
        match token.table() {
            Some(TableId::TypeDef) => self.type_full_name(TypeKey {
                assembly: asm,
                row: token.row(),
            }),
            Some(TableId::TypeRef) if a.tables.has_row(TableId::TypeRef, token.row()) => {
                let r = a.type_ref(token.row());
                let name = a.string(r.name).unwrap_or("?");
                if r.scope.table() == Some(TableId::TypeRef)
                    && !r.scope.is_null()
                    && r.scope != token
                {
                    return format!(
                        "{}+{}",
                        self.token_type_name_at(asm, r.scope, depth + 1),
                        name
                    );
                }
                let ns = a.string(r.namespace).unwrap_or("");
                if ns.is_empty() {
                    name.to_string()
                } else {
                    format!("{ns}.{name}")
                }
            }
            Some(TableId::TypeSpec) if a.tables.has_row(TableId::TypeSpec, token.row()) => a
                .type_spec_blob(token.row())
                .ok()
                .and_then(|b| signature::parse_type_spec(b).ok())
                .map(|s| self.sig_name_at(asm, &s, depth + 1))
                .unwrap_or_else(|| format!("<typespec {token}>")),
            _ => format!("<{token}>"),
        }
    }

    /// A canonical, assembly-independent spelling of a signature type, used to match
    /// members by name and signature across assemblies and to hash IMT slots.
    pub fn sig_name(&self, asm: AssemblyIdx, sig: &TypeSig) -> String {
        self.sig_name_at(asm, sig, 0)
    }

    fn sig_name_at(&self, asm: AssemblyIdx, sig: &TypeSig, depth: u32) -> String {
        let name = |t: &TypeSig| self.sig_name_at(asm, t, depth);
        let token = |t: Token| self.token_type_name_at(asm, t, depth);
        match sig {
            TypeSig::Class(t) | TypeSig::ValueType(t) => token(*t),
            TypeSig::SzArray(e) => format!("{}[]", name(e)),
            TypeSig::Array { elem, rank, .. } => format!(
                "{}[{}]",
                name(elem),
                ",".repeat(rank.saturating_sub(1) as usize)
            ),
            TypeSig::Ptr(e) => format!("{}*", name(e)),
            TypeSig::ByRef(e) => format!("{}&", name(e)),
            TypeSig::GenericInst { generic, args, .. } => {
                let args: Vec<String> = args.iter().map(name).collect();
                format!("{}<{}>", token(*generic), args.join(","))
            }
            TypeSig::Var(n) => format!("!{n}"),
            TypeSig::MVar(n) => format!("!!{n}"),
            TypeSig::Modified {
                required,
                modifier,
                inner,
            } => {
                format!(
                    "{} {}({})",
                    name(inner),
                    if *required { "modreq" } else { "modopt" },
                    token(*modifier)
                )
            }
            other => match primitive_name(other) {
                Some(n) => format!("System.{n}"),
                None => format!("{other}"),
            },
        }
    }

    /// `RetType(Param,Param)` with canonical names; the key for override and member matching.
    pub fn method_sig_key(&self, asm: AssemblyIdx, sig: &MethodSig) -> String {
        let mut s = String::new();
        if sig.generic_param_count() > 0 {
            s.push_str(&format!("<{}>", sig.generic_param_count()));
        }
        s.push_str(&self.ret_name(asm, sig));
        s.push('(');
        for (i, p) in sig.params.iter().enumerate() {
            if i > 0 {
                s.push(',');
            }
            s.push_str(&self.param_name(asm, p));
        }
        s.push(')');
        s
    }

    pub fn ret_name(&self, asm: AssemblyIdx, sig: &MethodSig) -> String {
        let mut s = self.sig_name(asm, &sig.ret.ty);
        if sig.ret.byref {
            s.push('&');
        }
        s
    }

    pub fn param_name(&self, asm: AssemblyIdx, p: &signature::ParamType) -> String {
        let mut s = self.sig_name(asm, &p.ty);
        if p.byref {
            s.push('&');
        }
        s
    }

    /// Parses the signature of a MethodDef.
    pub fn method_sig(&self, m: MethodKey) -> Result<MethodSig> {
        let a = self.assembly_at(m.assembly);
        a.check_row(TableId::MethodDef, m.row, m.token())?;
        let row = a.method_def(m.row);
        let blob = a.blob(row.signature)?;
        signature::parse_method_sig(blob).map_err(|e| MetadataError::Signature {
            file: a.file.clone(),
            blob: row.signature,
            offset: e.offset,
            message: format!("method {}: {}", m.token(), e.message),
        })
    }

    pub fn method_name(&self, m: MethodKey) -> String {
        let a = self.assembly_at(m.assembly);
        if !a.tables.has_row(TableId::MethodDef, m.row) {
            return format!("<bad method {}>", m.token());
        }
        a.string(a.method_def(m.row).name)
            .unwrap_or("?")
            .to_string()
    }

    /// `Namespace.Type::Name`, for messages and dumps.
    pub fn method_display(&self, m: MethodKey) -> String {
        format!(
            "{}::{}",
            self.type_full_name(self.method_owner(m)),
            self.method_name(m)
        )
    }

    /// `Namespace.Type::Name(Params)`, the form used by `--verbose-method` and errors.
    pub fn method_display_sig(&self, m: MethodKey) -> String {
        let params = self
            .method_sig(m)
            .map(|s| {
                s.params
                    .iter()
                    .map(|p| self.param_name(m.assembly, p))
                    .collect::<Vec<_>>()
                    .join(",")
            })
            .unwrap_or_default();
        format!("{}({})", self.method_display(m), params)
    }

    /// Resolves a MethodDef or MemberRef (method) token of `asm` to a method definition,
    /// matching by name and signature and searching base classes, as Mono does.
    pub fn resolve_method_token(&self, asm: AssemblyIdx, token: Token) -> Result<MethodKey> {
        let a = self.assembly_at(asm);
        match token.table() {
            Some(TableId::MethodDef) => {
                a.check_row(TableId::MethodDef, token.row(), token)?;
                Ok(MethodKey {
                    assembly: asm,
                    row: token.row(),
                })
            }
            Some(TableId::MemberRef) => {
                a.check_row(TableId::MemberRef, token.row(), token)?;
                let r = a.member_ref(token.row());
                let name = a.string(r.name)?;
                let blob = a.blob(r.signature)?;
                let sig =
                    signature::parse_method_sig(blob).map_err(|e| MetadataError::Signature {
                        file: a.file.clone(),
                        blob: r.signature,
                        offset: e.offset,
                        message: format!("MemberRef {token}: {}", e.message),
                    })?;
                let key = self.method_sig_key(asm, &sig);
                let owner = match r.parent.table() {
                    Some(TableId::MethodDef) => {
                        return Ok(MethodKey {
                            assembly: asm,
                            row: r.parent.row(),
                        })
                    }
                    Some(TableId::TypeDef) | Some(TableId::TypeRef) | Some(TableId::TypeSpec) => {
                        self.resolve_type_token(asm, r.parent)?
                    }
                    _ => {
                        return Err(MetadataError::Type {
                            file: a.file.clone(),
                            token,
                            message: "MemberRef parent kind is not supported".into(),
                        })
                    }
                };
                let mut cur = Some(owner);
                let mut guard = 0;
                while let Some(t) = cur {
                    if let Some(m) = self.find_method_in(t, name, &key)? {
                        return Ok(m);
                    }
                    cur = self.parent_of(t)?;
                    guard += 1;
                    if guard > MAX_BASE_CHAIN {
                        return Err(self.cyclic_bases(a, token, owner));
                    }
                }
                Err(MetadataError::Unresolved {
                    file: a.file.clone(),
                    token,
                    what: format!(
                        "method {}::{}{}",
                        self.type_full_name(owner),
                        name,
                        strip_ret(&key)
                    ),
                    message: format!(
                        "missing member in '{}'",
                        self.assembly_at(owner.assembly).file
                    ),
                })
            }
            Some(TableId::MethodSpec) => Err(MetadataError::Type {
                file: a.file.clone(),
                token,
                message: "generic method instantiations are not supported yet".into(),
            }),
            _ => Err(MetadataError::Type {
                file: a.file.clone(),
                token,
                message: "expected a method token".into(),
            }),
        }
    }

    /// Finds a method declared directly in `t` with this name and canonical signature.
    pub fn find_method_in(
        &self,
        t: TypeKey,
        name: &str,
        sig_key: &str,
    ) -> Result<Option<MethodKey>> {
        let a = self.assembly_at(t.assembly);
        for m in a.methods_of(t.row) {
            let row = a.method_def(m);
            if a.string(row.name)? != name {
                continue;
            }
            let mk = MethodKey {
                assembly: t.assembly,
                row: m,
            };
            if self.method_sig_key(t.assembly, &self.method_sig(mk)?) == sig_key {
                return Ok(Some(mk));
            }
        }
        Ok(None)
    }

    /// Resolves a Field or MemberRef (field) token to a field definition, searching base classes.
    pub fn resolve_field_token(&self, asm: AssemblyIdx, token: Token) -> Result<FieldKey> {
        let a = self.assembly_at(asm);
        match token.table() {
            Some(TableId::Field) => {
                a.check_row(TableId::Field, token.row(), token)?;
                Ok(FieldKey {
                    assembly: asm,
                    row: token.row(),
                })
            }
            Some(TableId::MemberRef) => {
                a.check_row(TableId::MemberRef, token.row(), token)?;
                let r = a.member_ref(token.row());
                let name = a.string(r.name)?.to_string();
                let owner = self.resolve_type_token(asm, r.parent)?;
                let mut cur = Some(owner);
                let mut guard = 0;
                while let Some(t) = cur {
                    guard += 1;
                    if guard > MAX_BASE_CHAIN {
                        return Err(self.cyclic_bases(a, token, owner));
                    }
                    let ta = self.assembly_at(t.assembly);
                    for f in ta.fields_of(t.row) {
                        if ta.string(ta.field(f).name)? == name {
                            return Ok(FieldKey {
                                assembly: t.assembly,
                                row: f,
                            });
                        }
                    }
                    cur = self.parent_of(t)?;
                }
                Err(MetadataError::Unresolved {
                    file: a.file.clone(),
                    token,
                    what: format!("field {}::{}", self.type_full_name(owner), name),
                    message: format!(
                        "missing member in '{}'",
                        self.assembly_at(owner.assembly).file
                    ),
                })
            }
            _ => Err(MetadataError::Type {
                file: a.file.clone(),
                token,
                message: "expected a field token".into(),
            }),
        }
    }

    /// A member lookup that climbed `MAX_BASE_CHAIN` base classes: damaged Extends cells
    /// have made the chain a cycle.
    fn cyclic_bases(&self, a: &Assembly, token: Token, owner: TypeKey) -> MetadataError {
        MetadataError::Type {
            file: a.file.clone(),
            token,
            message: format!(
                "the base classes of {} form a cycle (or are nested deeper than {MAX_BASE_CHAIN})",
                self.type_full_name(owner)
            ),
        }
    }

    /// The base class of a type definition, if any.
    pub fn parent_of(&self, t: TypeKey) -> Result<Option<TypeKey>> {
        let a = self.assembly_at(t.assembly);
        a.check_row(TableId::TypeDef, t.row, t.token())?;
        let ext = a.type_def(t.row).extends;
        if ext.is_null() {
            return Ok(None);
        }
        self.resolve_type_token(t.assembly, ext).map(Some)
    }
}

fn strip_ret(key: &str) -> &str {
    key.find('(').map(|i| &key[i..]).unwrap_or(key)
}

/// The corlib struct behind a primitive element type.
pub fn primitive_name(sig: &TypeSig) -> Option<&'static str> {
    Some(match sig {
        TypeSig::Void => "Void",
        TypeSig::Boolean => "Boolean",
        TypeSig::Char => "Char",
        TypeSig::I1 => "SByte",
        TypeSig::U1 => "Byte",
        TypeSig::I2 => "Int16",
        TypeSig::U2 => "UInt16",
        TypeSig::I4 => "Int32",
        TypeSig::U4 => "UInt32",
        TypeSig::I8 => "Int64",
        TypeSig::U8 => "UInt64",
        TypeSig::R4 => "Single",
        TypeSig::R8 => "Double",
        TypeSig::I => "IntPtr",
        TypeSig::U => "UIntPtr",
        TypeSig::TypedByRef => "TypedReference",
        TypeSig::String => "String",
        TypeSig::Object => "Object",
        _ => return None,
    })
}

/// Names under which programs reference the base class library.
/// `System` and `System.Core` are folded in too: vcall's one corlib also provides the types
/// programs commonly take from them (Stopwatch, for one).
pub fn is_corlib_name(name: &str) -> bool {
    matches!(
        name,
        "mscorlib"
            | "netstandard"
            | "System.Runtime"
            | "System.Private.CoreLib"
            | "System"
            | "System.Core"
    )
}

/// A TypeDef's (namespace, name), when both strings read.
fn type_def_name(a: &Assembly, row: RowIndex) -> Option<(&str, &str)> {
    let td = a.type_def(row);
    Some((a.string(td.namespace).ok()?, a.string(td.name).ok()?))
}

/// The per-assembly lookup tables; `parallel` builds the name table and the owner tables at
/// once on rayon's pool.
/// The per-assembly lookup tables but the name table (built on first use: a program's own
/// types are found by token, so its names are often never looked up); `parallel` builds the
/// owner tables at once on rayon's pool.
fn build_index(a: &Assembly, parallel: bool) -> NameIndex {
    let types = a.tables.rows(TableId::TypeDef);
    let mut nested: HashMap<RowIndex, Vec<RowIndex>> = HashMap::new();
    let mut enclosing = HashMap::new();
    for i in 1..=a.tables.rows(TableId::NestedClass) {
        let inner = RowIndex(a.raw_cell(TableId::NestedClass, RowIndex(i), 0));
        let outer = RowIndex(a.raw_cell(TableId::NestedClass, RowIndex(i), 1));
        if a.tables.has_row(TableId::TypeDef, inner) && a.tables.has_row(TableId::TypeDef, outer) {
            nested.entry(outer).or_default().push(inner);
            enclosing.insert(inner, outer);
        }
    }
    let by_owner = || -> Vec<OwnedRows> {
        OWNED_TABLES
            .iter()
            .map(|&(t, col)| OwnedRows::new(a, t, col))
            .collect()
    };
    let members = || {
        let mut method_owner = vec![RowIndex(0); a.tables.rows(TableId::MethodDef) as usize];
        let mut field_owner = vec![RowIndex(0); a.tables.rows(TableId::Field) as usize];
        for row in (1..=types).map(RowIndex) {
            for m in a.methods_of(row) {
                if let Some(slot) = method_owner.get_mut(m.zero_based()) {
                    *slot = row;
                }
            }
            for f in a.fields_of(row) {
                if let Some(slot) = field_owner.get_mut(f.zero_based()) {
                    *slot = row;
                }
            }
        }
        (method_owner, field_owner)
    };
    let (by_owner, (method_owner, field_owner)) = if parallel {
        rayon::join(by_owner, members)
    } else {
        (by_owner(), members())
    };
    NameIndex {
        top_level: OnceLock::new(),
        hasher: hashbrown::DefaultHashBuilder::default(),
        nested,
        enclosing,
        method_owner,
        field_owner,
        by_owner,
    }
}

/// The top-level types by (namespace, name).
fn top_level_table(a: &Assembly, idx: &NameIndex) -> hashbrown::HashTable<RowIndex> {
    use std::hash::BuildHasher;
    let hash = |names: (&str, &str)| idx.hasher.hash_one(names);
    let types = a.tables.rows(TableId::TypeDef);
    // Sized for every type: growing would rehash, and a hash reads the names again.
    let mut table = hashbrown::HashTable::with_capacity(types as usize);
    for r in (1..=types).map(RowIndex) {
        if idx.enclosing.contains_key(&r) {
            continue;
        }
        let Some(names) = type_def_name(a, r) else {
            continue;
        };
        // A name defined twice: the later row wins.
        match table.find_mut(hash(names), |&o| type_def_name(a, o) == Some(names)) {
            Some(o) => *o = r,
            None => {
                table.insert_unique(hash(names), r, |&o| type_def_name(a, o).map_or(0, hash));
            }
        }
    }
    table
}
