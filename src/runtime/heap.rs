//! Object allocation on the collected heap (see `gc`): the bump pointer JIT code advances inline, and the
//! constructors of strings, arrays and boxes used by the JIT's helpers and the natives.

use super::layout::*;
use super::{ClassId, ClassKind, RtClass, Runtime};
use std::sync::atomic::{AtomicU64, AtomicU8, Ordering};

/// Current bump pointer and end of the current chunk. JIT code may read and advance them
/// inline; the runtime is single-threaded, so relaxed ordering suffices.
pub static ALLOC_PTR: AtomicU64 = AtomicU64::new(0);
pub static ALLOC_LIMIT: AtomicU64 = AtomicU64::new(0);
pub static BYTES_ALLOCATED: AtomicU64 = AtomicU64::new(0);

/// Mono's message for an allocation the heap cannot satisfy.
pub const OUT_OF_MEMORY_MESSAGE: &str =
    "Insufficient memory to continue the execution of the program.";

/// Whether an exhausted heap raises OutOfMemoryException at once (`OOM_RAISE`) or only
/// reports it (`OOM_DEFER`, which becomes `OOM_DEFERRED` once it has), so the allocation
/// helpers' entry stubs (`helpers::rt_alloc` and its siblings) can retry the allocation
/// after clearing their dead stack. The stubs set and reset it around their first attempt
/// (from assembly, hence a plain static: the runtime is single-threaded).
pub static OOM_MODE: AtomicU8 = AtomicU8::new(OOM_RAISE);
pub const OOM_RAISE: u8 = 0;
pub const OOM_DEFER: u8 = 1;
pub const OOM_DEFERRED: u8 = 2;

/// Returns `size` zeroed bytes, 8-aligned, from the collected heap. The caller writes the
/// object header before anything else runs (a collection parses headers). When the heap is
/// exhausted it raises OutOfMemoryException (pending, for the JIT code that called the
/// helper or native to throw) and returns 0; every constructor below then returns 0 too, and
/// callers that fill in the object must check.
pub fn alloc_bytes(size: u64) -> u64 {
    BYTES_ALLOCATED.fetch_add(size, Ordering::Relaxed);
    let p = super::gc::alloc(size);
    if p == 0 {
        if super::gc::is_exempt() {
            // The system refused memory for the runtime's own objects: nothing can be raised.
            super::natives::fatal_out_of_memory(size);
        }
        if OOM_MODE
            .compare_exchange(
                OOM_DEFER,
                OOM_DEFERRED,
                Ordering::Relaxed,
                Ordering::Relaxed,
            )
            .is_ok()
        {
            // An allocation helper's first attempt: its entry stub retries (see
            // `take_deferred_oom`) and the retry raises if the heap is still full.
            return 0;
        }
        super::exceptions::raise("System.OutOfMemoryException", OUT_OF_MEMORY_MESSAGE);
    }
    p
}

/// Called by an allocation helper's entry stub when its first attempt returned null, with
/// the stub's rsp. Returns how many bytes of the dead stack below that rsp the stub must
/// clear before it retries, or 0 when there is nothing to retry (the attempt raised an
/// exception of its own, which stays pending). Either way the next failure raises.
pub extern "sysv64" fn take_deferred_oom(stub_sp: u64) -> u64 {
    if OOM_MODE.swap(OOM_RAISE, Ordering::Relaxed) != OOM_DEFERRED {
        return 0;
    }
    super::gc::dead_stack_to_clear(stub_sp)
}

/// Writes the header of a freshly allocated block; false (and nothing written) if there is
/// none because the heap is exhausted.
fn init_header(obj: u64, rt: &Runtime, class: ClassId) -> bool {
    if obj == 0 {
        return false;
    }
    let vt = rt.class(class).vtable_addr();
    // SAFETY: `obj` was just returned by `alloc_bytes` with room for at least the header.
    unsafe { *(obj as *mut u64) = vt };
    true
}

/// A new instance of a reference type (or a box of a value type), zeroed.
pub fn alloc_object(rt: &Runtime, class: ClassId) -> u64 {
    let obj = alloc_bytes(rt.class(class).fixed_size());
    init_header(obj, rt, class);
    obj
}

/// The runtime's own strings (literals, traces, messages): they may exceed the heap cap, so
/// they are never null.
pub fn new_runtime_string(rt: &Runtime, text: &str) -> u64 {
    super::gc::exempt(|| new_string_from_str(rt, text))
}

/// A new string of `len` UTF-16 units, zero-filled.
pub fn alloc_string(rt: &Runtime, len: usize) -> u64 {
    let string = rt
        .well_known
        .borrow()
        .string
        .expect("System.String is loaded at startup");
    let obj = alloc_bytes(STRING_CHARS as u64 + 2 * len as u64 + 2);
    if !init_header(obj, rt, string) {
        return 0;
    }
    // SAFETY: the block holds the header, the length field and `len + 1` code units.
    unsafe { *((obj + STRING_LENGTH as u64) as *mut i32) = len as i32 };
    obj
}

pub fn new_string(rt: &Runtime, units: &[u16]) -> u64 {
    let s = alloc_string(rt, units.len());
    if s == 0 {
        return 0;
    }
    // SAFETY: `s` has room for `units.len()` code units at STRING_CHARS.
    unsafe {
        std::ptr::copy_nonoverlapping(
            units.as_ptr(),
            (s + STRING_CHARS as u64) as *mut u16,
            units.len(),
        )
    };
    s
}

pub fn new_string_from_str(rt: &Runtime, text: &str) -> u64 {
    let units: Vec<u16> = text.encode_utf16().collect();
    new_string(rt, &units)
}

/// Interned literals live as long as the process (the runtime's table roots them); they are
/// made at JIT time, so they may exceed the heap cap.
pub fn new_string_pinned(rt: &Runtime, units: &[u16]) -> u64 {
    super::gc::exempt(|| new_string(rt, units))
}

/// Reads a string object's code units.
///
/// # Safety
/// `s` must be null or a live string object.
pub unsafe fn string_units<'a>(s: u64) -> &'a [u16] {
    if s == 0 {
        return &[];
    }
    // SAFETY: a string object has its length at STRING_LENGTH and that many units after it.
    unsafe {
        let len = *((s + STRING_LENGTH as u64) as *const i32) as usize;
        std::slice::from_raw_parts((s + STRING_CHARS as u64) as *const u16, len)
    }
}

/// A string object's text, with unpaired surrogates replaced.
///
/// # Safety
/// `s` must be null or a live string object.
pub unsafe fn string_to_rust(s: u64) -> String {
    // SAFETY: forwarded contract.
    String::from_utf16_lossy(unsafe { string_units(s) })
}

/// A new single-dimension array of `len` elements of the array class `class`.
pub fn alloc_array(rt: &Runtime, class: ClassId, len: u64) -> u64 {
    let c = rt.class(class);
    debug_assert!(c.kind == ClassKind::SzArray);
    let bytes = (ARRAY_DATA as u64).saturating_add(len.saturating_mul(c.element_size as u64));
    let obj = alloc_bytes(bytes);
    if !init_header(obj, rt, class) {
        return 0;
    }
    // SAFETY: the block holds at least the array header.
    unsafe { *((obj + ARRAY_LENGTH as u64) as *mut i64) = len as i64 };
    obj
}

/// A new multi-dimensional array with the given lengths (lower bounds 0).
pub fn alloc_md_array(rt: &Runtime, class: ClassId, lengths: &[i32]) -> u64 {
    let c = rt.class(class);
    let rank = lengths.len() as u64;
    let data = md_data_offset(rank as u32) as u64;
    let total = lengths
        .iter()
        .try_fold(1u64, |n, &l| n.checked_mul(l.max(0) as u64));
    let Some((total, bytes)) = total.and_then(|t| {
        let b = t.checked_mul(c.element_size as u64)?.checked_add(data)?;
        Some((t, b))
    }) else {
        super::exceptions::raise("System.OutOfMemoryException", OUT_OF_MEMORY_MESSAGE);
        return 0;
    };
    let obj = alloc_bytes(bytes);
    if !init_header(obj, rt, class) {
        return 0;
    }
    // SAFETY: the block holds the header, the total length and `rank` bound pairs.
    unsafe {
        *((obj + ARRAY_LENGTH as u64) as *mut i64) = total as i64;
        for (i, &l) in lengths.iter().enumerate() {
            *((obj + MDARRAY_BOUNDS as u64 + 8 * i as u64) as *mut i32) = l;
            *((obj + MDARRAY_BOUNDS as u64 + 8 * i as u64 + 4) as *mut i32) = 0;
        }
    }
    obj
}

/// Where the elements of a rank-`rank` array start.
pub fn md_data_offset(rank: u32) -> i32 {
    MDARRAY_BOUNDS + 8 * rank as i32
}

/// Length of a single-dimension array.
///
/// # Safety
/// `a` must be a live array object.
pub unsafe fn array_len(a: u64) -> usize {
    // SAFETY: arrays keep their length at ARRAY_LENGTH.
    unsafe { *((a + ARRAY_LENGTH as u64) as *const i64) as usize }
}

/// Size in bytes of the object at `obj`, 8-aligned, as allocation requested it.
///
/// # Safety
/// `obj` must be a live object made by the runtime.
pub unsafe fn object_size(obj: u64) -> u64 {
    // SAFETY: per the contract the first word is a vtable whose header names the class, and
    // strings and arrays carry their length at the fixed offsets.
    unsafe {
        let class = &*(*(*(obj as *const u64) as *const u64) as *const RtClass);
        let r = &class.size_rule;
        let count = *((obj + r.count_offset as u64) as *const u64) & r.count_mask;
        (r.base + count * r.unit + 7) & !7
    }
}
