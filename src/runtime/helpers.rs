//! Runtime helpers called from JIT code (`extern "sysv64"`): allocation, casts, class
//! initialisation, array stores, conversions, and the paths that raise exceptions.

use super::heap;
use super::layout::*;
use super::{class_of_object, rt, ClassId, ClassKind, RtClass, Runtime};
use crate::error::Result;
use std::sync::atomic::{AtomicU64, Ordering};
use vcall_metadata::loader::AssemblyIdx;

/// The entry stub of an allocation helper that JIT code calls (`rt_alloc`, `rt_new_array`,
/// `rt_new_md_array`): runs `$body` (whose arguments are at most three integers) with an
/// exhausted heap only reported (`heap::OOM_DEFER`); if it failed that way, clears the dead
/// stack below the stub and runs `$body` again, which raises OutOfMemoryException if the
/// heap is still full.
///
/// Why: the collector scans the stack conservatively, the helper's own Rust frames included
/// (they may hold callee-saved registers of the JIT code, spilled by their prologues). Those
/// frames are laid over stack that earlier, deeper calls left full of stale words, and a
/// slot a frame reserves but does not write on the path taken (`alloc_bytes` reserves one
/// for its cold raising branch) still holds one. A stale word pointing into a dead object,
/// such as an interior pointer a native once used to copy into a large array, keeps that
/// object alive, and under a heap cap its bytes can decide that the heap is exhausted.
/// Nothing but the JIT's registers is live in these frames, and everything below the stub is
/// dead, so clearing it and repeating the attempt gives a collection whose runtime frames
/// hold only what the helper really has. Doing this only when the heap is exhausted keeps
/// the common path free of it; a collection that merely retains a stale object frees it at
/// a later one.
macro_rules! retrying_allocation_stub {
    ($body:path) => {
        core::arch::naked_asm!(
            // Keep the arguments for the retry; 40 bytes keep rsp 16-byte aligned for calls.
            "sub rsp, 40",
            "mov [rsp], rdi",
            "mov [rsp + 8], rsi",
            "mov [rsp + 16], rdx",
            "mov byte ptr [rip + {mode}], {defer}",
            "call {body}",
            "test rax, rax",
            "jnz 2f",
            "mov rdi, rsp",
            "call {take}",
            "test rax, rax",
            "jz 3f",
            // Clear [rsp - rax, rsp): what the failed attempt's frames occupied.
            "mov rcx, rax",
            "shr rcx, 3",
            "mov rdi, rsp",
            "sub rdi, rax",
            "xor eax, eax",
            "rep stosq",
            "mov rdi, [rsp]",
            "mov rsi, [rsp + 8]",
            "mov rdx, [rsp + 16]",
            "call {body}",
            "jmp 3f",
            "2:",
            "mov byte ptr [rip + {mode}], {raise}",
            "3:",
            "add rsp, 40",
            "ret",
            mode = sym heap::OOM_MODE,
            defer = const heap::OOM_DEFER,
            raise = const heap::OOM_RAISE,
            take = sym heap::take_deferred_oom,
            body = sym $body,
        )
    };
}

/// Allocates an instance (or a box) of `class`.
// SAFETY: the stub follows the System V convention: it keeps rsp aligned for its calls,
// touches no callee-saved register, passes the arguments on unchanged and returns the
// body's result; it writes only its own frame and the dead stack below it.
#[unsafe(naked)]
pub extern "sysv64" fn rt_alloc(class: &'static RtClass) -> u64 {
    retrying_allocation_stub!(alloc_instance)
}

extern "sysv64" fn alloc_instance(class: &'static RtClass) -> u64 {
    heap::alloc_object(rt(), class.id)
}

/// Arrays above this many bytes raise OutOfMemoryException (Mono refuses them too).
const MAX_ARRAY_BYTES: u64 = 1 << 34;

// SAFETY: as for `rt_alloc`.
#[unsafe(naked)]
pub extern "sysv64" fn rt_new_array(class: &'static RtClass, len: i64) -> u64 {
    retrying_allocation_stub!(new_array)
}

extern "sysv64" fn new_array(class: &'static RtClass, len: i64) -> u64 {
    if (len as u64).saturating_mul(class.element_size as u64) > MAX_ARRAY_BYTES {
        raise_builtin("System.OutOfMemoryException", heap::OUT_OF_MEMORY_MESSAGE);
        return 0;
    }
    heap::alloc_array(rt(), class.id, len as u64)
}

/// `lengths` points at `rank` int32 values.
// SAFETY: as for `rt_alloc`.
#[unsafe(naked)]
pub extern "sysv64" fn rt_new_md_array(
    class: &'static RtClass,
    lengths: *const i32,
    rank: u32,
) -> u64 {
    retrying_allocation_stub!(new_md_array)
}

extern "sysv64" fn new_md_array(class: &'static RtClass, lengths: *const i32, rank: u32) -> u64 {
    // SAFETY: the JIT passes a frame area holding `rank` int32 lengths.
    let lens = unsafe { std::slice::from_raw_parts(lengths, rank as usize) };
    if lens.iter().any(|&l| l < 0) {
        raise_builtin(
            "System.OverflowException",
            "Arithmetic operation resulted in an overflow.",
        );
        return 0;
    }
    heap::alloc_md_array(rt(), class.id, lens)
}

/// Address of an element of a multi-dimensional array, bounds-checked. On failure it raises
/// and returns a harmless address; the JIT checks for the raised exception before any access.
pub extern "sysv64" fn rt_md_address(arr: u64, indices: *const i32, rank: u32) -> u64 {
    static SCRATCH: [std::sync::atomic::AtomicU64; 4] =
        [const { std::sync::atomic::AtomicU64::new(0) }; 4];
    let scratch = SCRATCH.as_ptr() as u64;
    if arr == 0 {
        raise_builtin(
            "System.NullReferenceException",
            "Object reference not set to an instance of an object",
        );
        return scratch;
    }
    // SAFETY: `arr` is a live array (the JIT only calls this for array-typed values) and
    // `indices` holds `rank` int32 values in the caller's frame.
    unsafe {
        let class = class_of_object(arr);
        let idx = std::slice::from_raw_parts(indices, rank as usize);
        let mut linear: u64 = 0;
        for (i, &ix) in idx.iter().enumerate() {
            let len = *((arr + MDARRAY_BOUNDS as u64 + 8 * i as u64) as *const i32);
            if ix < 0 || ix >= len {
                raise_builtin(
                    "System.IndexOutOfRangeException",
                    "Index was outside the bounds of the array.",
                );
                return scratch;
            }
            linear = linear * len as u64 + ix as u64;
        }
        arr + heap::md_data_offset(rank) as u64 + linear * class.element_size as u64
    }
}

/// Runs a class's static constructor (precise semantics check already failed inline). A
/// TypeInitializationException is left pending for the JIT code to throw.
pub extern "sysv64" fn rt_class_init(class: &'static RtClass) {
    match rt().run_class_init(class.id) {
        Ok(()) | Err(crate::error::VmError::ManagedException) => {}
        Err(e) => fatal_error(&e),
    }
}

/// True when an object of class `from` may be used as `to`.
pub fn is_assignable(rt: &Runtime, from: ClassId, to: ClassId) -> bool {
    if from == to {
        return true;
    }
    let f = rt.class(from);
    let t = rt.class(to);
    if t.is_interface() {
        return f.interfaces.contains(&to);
    }
    if t.is_array() {
        if t.kind != f.kind {
            return false;
        }
        let (Some(fe), Some(te)) = (f.element, t.element) else {
            return false;
        };
        let (fec, tec) = (rt.class(fe), rt.class(te));
        if fec.is_value_type() || tec.is_value_type() {
            // int[] and uint[] (and an enum's array and its underlying type's) are
            // interchangeable: ECMA-335 I.8.7 compares the reduced element types.
            return fe == te
                || (fec.is_value_type()
                    && tec.is_value_type()
                    && reduced_kind(fec).is_some()
                    && reduced_kind(fec) == reduced_kind(tec));
        }
        return is_assignable(rt, fe, te);
    }
    f.supertypes.contains(&to)
}

/// The signedness-free primitive an element type reduces to, for array compatibility.
fn reduced_kind(c: &RtClass) -> Option<u32> {
    use vcall_metadata::class::ValueKind as K;
    Some(match c.info.primitive? {
        K::I1 | K::U1 => 1,
        K::I2 | K::U2 => 2,
        K::I4 | K::U4 => 4,
        K::I8 | K::U8 => 8,
        K::I | K::U => 9,
        K::R4 => 10,
        K::R8 => 11,
        _ => return None,
    })
}

pub extern "sysv64" fn rt_isinst(obj: u64, class: &'static RtClass) -> u64 {
    if obj == 0 {
        return 0;
    }
    // SAFETY: `obj` is a non-null object reference from JIT code.
    let c = unsafe { class_of_object(obj) };
    // Interface targets are what JIT code sends here most: answer them without the general
    // walk (arrays' interfaces still need it, for covariance).
    if class.is_interface() && !c.is_array() {
        return if c.interfaces.contains(&class.id) {
            obj
        } else {
            0
        };
    }
    if is_assignable(rt(), c.id, class.id) {
        obj
    } else {
        0
    }
}

/// A cast site's cache, as Mono's `isinst_with_cache` keeps one: the vtables of the last
/// object the site accepted and of the last it rejected, so the same class is answered
/// inline next time (JIT code reads the words at offsets 0 and 8).
pub type CastCache = [AtomicU64; 2];

/// A new cast site's cache. It lives as long as the code that reads it, which is never freed.
pub fn new_cast_cache() -> &'static CastCache {
    Box::leak(Box::new([AtomicU64::new(0), AtomicU64::new(0)]))
}

/// `rt_isinst` for a site with a cache: the answer is recorded there by the object's vtable.
pub extern "sysv64" fn rt_isinst_cached(
    obj: u64,
    class: &'static RtClass,
    cache: &'static CastCache,
) -> u64 {
    let r = rt_isinst(obj, class);
    if obj != 0 {
        // SAFETY: `obj` is a non-null object reference; its first word is its vtable.
        let vtable = unsafe { *(obj as *const u64) };
        cache[usize::from(r == 0)].store(vtable, Ordering::Relaxed);
    }
    r
}

/// `rt_castclass` for a site with a cache, likewise.
pub extern "sysv64" fn rt_castclass_cached(
    obj: u64,
    class: &'static RtClass,
    cache: &'static CastCache,
) -> u64 {
    if obj == 0 || rt_isinst_cached(obj, class, cache) != 0 {
        return obj;
    }
    raise_invalid_cast()
}

pub extern "sysv64" fn rt_castclass(obj: u64, class: &'static RtClass) -> u64 {
    if obj == 0 || rt_isinst(obj, class) != 0 {
        return obj;
    }
    raise_invalid_cast()
}

/// Raises castclass's InvalidCastException; returns the null JIT code gets meanwhile.
fn raise_invalid_cast() -> u64 {
    // Mono's message names neither type.
    raise_builtin(
        "System.InvalidCastException",
        "Specified cast is not valid.",
    );
    0
}

/// `unbox`: checks the box holds exactly `class` (enums also match their underlying type).
/// On failure raises and returns the address of a zeroed scratch area.
pub extern "sysv64" fn rt_unbox(obj: u64, class: &'static RtClass) -> u64 {
    static SCRATCH: [std::sync::atomic::AtomicU64; 8] =
        [const { std::sync::atomic::AtomicU64::new(0) }; 8];
    if obj == 0 {
        raise_builtin(
            "System.NullReferenceException",
            "Object reference not set to an instance of an object",
        );
        return SCRATCH.as_ptr() as u64;
    }
    // SAFETY: `obj` is a non-null object reference from JIT code.
    let c = unsafe { class_of_object(obj) };
    let same = c.id == class.id
        || (c.is_value_type()
            && class.is_value_type()
            && c.info.primitive.is_some()
            && c.info.primitive == class.info.primitive);
    if !same {
        raise_builtin(
            "System.InvalidCastException",
            "Specified cast is not valid.",
        );
        return SCRATCH.as_ptr() as u64;
    }
    obj + OBJ_HEADER as u64
}

/// `stelem.ref`: bounds and covariance checks, then the store.
pub extern "sysv64" fn rt_stelem_ref(arr: u64, index: i64, value: u64, _il: u32) {
    if arr == 0 {
        raise_builtin(
            "System.NullReferenceException",
            "Object reference not set to an instance of an object",
        );
        return;
    }
    // SAFETY: `arr` is a non-null single-dimension array of references (verified IL).
    unsafe {
        let len = heap::array_len(arr) as u64;
        if index as u64 >= len {
            raise_builtin(
                "System.IndexOutOfRangeException",
                "Index was outside the bounds of the array.",
            );
            return;
        }
        if value != 0 {
            let ac = class_of_object(arr);
            let vc = class_of_object(value);
            if let Some(e) = ac.element {
                if !is_assignable(rt(), vc.id, e) {
                    raise_builtin(
                        "System.ArrayTypeMismatchException",
                        "Attempted to access an element as a type incompatible with the array.",
                    );
                    return;
                }
            }
        }
        *((arr + ARRAY_DATA as u64 + 8 * index as u64) as *mut u64) = value;
    }
}

pub extern "sysv64" fn rt_fmod(a: f64, b: f64) -> f64 {
    a % b
}

/// The result of a checked float-to-integer conversion: rax holds the value, rdx a failure flag.
#[repr(C)]
pub struct CheckedConversion {
    value: u64,
    failed: u64,
}

/// `kind` is the JIT's `ConvTo` discriminant.
pub extern "sysv64" fn rt_f2i_checked(kind: u32, v: f64) -> CheckedConversion {
    use crate::jit::ops::ConvTo;
    let t = v.trunc();
    let in_range = |lo: f64, hi: f64| !v.is_nan() && t >= lo && t <= hi;
    let (ok, value) = match kind {
        k if k == ConvTo::I1 as u32 => (in_range(-128.0, 127.0), t as i64 as u64),
        k if k == ConvTo::U1 as u32 => (in_range(0.0, 255.0), t as i64 as u64),
        k if k == ConvTo::I2 as u32 => (in_range(-32768.0, 32767.0), t as i64 as u64),
        k if k == ConvTo::U2 as u32 => (in_range(0.0, 65535.0), t as i64 as u64),
        k if k == ConvTo::I4 as u32 => (in_range(-2147483648.0, 2147483647.0), t as i64 as u64),
        k if k == ConvTo::U4 as u32 => (in_range(0.0, 4294967295.0), t as i64 as u64),
        k if k == ConvTo::U8 as u32 || k == ConvTo::U as u32 => {
            (in_range(0.0, 18446744073709549568.0), t as u64)
        }
        _ => (
            in_range(-9223372036854775808.0, 9223372036854774784.0),
            t as i64 as u64,
        ),
    };
    CheckedConversion {
        value,
        failed: u64::from(!ok),
    }
}

/// What x86's cvttsd2si gives: truncation, or i64::MIN when out of range or NaN.
fn cvttsd2si(v: f64) -> i64 {
    if v.is_nan() || v >= 9223372036854775808.0 || v < -9223372036854775808.0 {
        i64::MIN
    } else {
        v as i64
    }
}

/// Unchecked double to uint64, as Mono's amd64 sequence computes it (out of range wraps
/// through cvttsd2si's indefinite value rather than saturating).
pub extern "sysv64" fn rt_f2u8(v: f64) -> u64 {
    // The branch is `v < 2^63`, so NaN takes the subtracting path, as gcc compiles Mono's
    // `(guint64)v`.
    if v < 9223372036854775808.0 {
        cvttsd2si(v) as u64
    } else {
        (cvttsd2si(v - 9223372036854775808.0) as u64) ^ (1 << 63)
    }
}

pub extern "sysv64" fn rt_u8_to_f(v: u64) -> f64 {
    v as f64
}

/// Raises a corlib exception from a helper or native: JIT code throws it when the call returns.
pub fn raise_builtin(ty: &str, msg: &str) {
    super::exceptions::raise(ty, msg);
}

/// A runtime failure that is not a managed exception (bad IL met lazily, missing members).
pub fn fatal_error(e: &crate::error::VmError) -> ! {
    crate::runtime::natives::flush_stdout();
    eprintln!("vcall: error: {e}");
    std::process::exit(2)
}

/// A `RuntimeFieldHandle` for `ldtoken` of a field with initial data: the address of a
/// copy of the data, which `RuntimeHelpers.InitializeArray` copies from.
pub fn field_data_handle(rt: &Runtime, asm: AssemblyIdx, rva: u32) -> Result<u64> {
    let a = rt.loader.assembly(asm);
    // The data size is not recorded with the RVA; take what the section holds and let
    // InitializeArray copy exactly the array's byte length.
    let bytes = a.body_bytes(vcall_metadata::token::Token(0), rva)?;
    let copy: &'static [u8] = Box::leak(bytes.to_vec().into_boxed_slice());
    let handle: &'static (u64, u64) =
        Box::leak(Box::new((copy.as_ptr() as u64, copy.len() as u64)));
    Ok(handle as *const (u64, u64) as u64)
}

/// Whether an array class holds references (for the natives that copy arrays).
pub fn array_holds_references(rt: &Runtime, class: &RtClass) -> bool {
    matches!(class.kind, ClassKind::SzArray | ClassKind::MdArray(_))
        && class
            .element
            .map(|e| !rt.class(e).is_value_type())
            .unwrap_or(false)
}

/// Names of the helpers, for disassembly listings.
pub fn helper_name(addr: u64) -> Option<&'static str> {
    let table: [(u64, &str); 15] = [
        (rt_alloc as *const () as u64, "rt_alloc"),
        (rt_new_array as *const () as u64, "rt_new_array"),
        (rt_new_md_array as *const () as u64, "rt_new_md_array"),
        (rt_md_address as *const () as u64, "rt_md_address"),
        (rt_class_init as *const () as u64, "rt_class_init"),
        (rt_isinst as *const () as u64, "rt_isinst"),
        (rt_castclass as *const () as u64, "rt_castclass"),
        (rt_unbox as *const () as u64, "rt_unbox"),
        (rt_stelem_ref as *const () as u64, "rt_stelem_ref"),
        (rt_fmod as *const () as u64, "rt_fmod"),
        (rt_f2i_checked as *const () as u64, "rt_f2i_checked"),
        (rt_f2u8 as *const () as u64, "rt_f2u8"),
        (rt_u8_to_f as *const () as u64, "rt_u8_to_f"),
        (heap::ALLOC_PTR.as_ptr() as u64, "alloc_ptr"),
        (heap::ALLOC_LIMIT.as_ptr() as u64, "alloc_limit"),
    ];
    table.iter().find(|(a, _)| *a == addr).map(|(_, n)| *n)
}
