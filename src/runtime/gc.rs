//! The garbage collector: non-moving mark-sweep over the heap's chunks.
//!
//! Heap objects are traced precisely (ClassInfo reference bitmaps, arrays of references,
//! arrays of structs with references); static fields and the runtime's own tables are precise
//! roots; the stack and the callee-saved registers are scanned conservatively, so any word
//! that points into an object keeps it alive (JIT frames and Rust frames alike). Dead objects
//! become free runs ("holes") that the bump allocator reuses; large objects live in chunks of
//! their own and are unmapped when dead.
//!
//! Chunks are parseable: every word range is an object (vtable pointer first) or a filler
//! whose first word is `(size << 1) | 1`, except the allocator's current hole.
//!
//! Marking sets a bit in the object's sync word and, for small objects, in the mark bitmap at
//! the start of its (size-aligned) chunk. The sweep walks only the bitmap's set bits, so its
//! cost follows live objects, not dead ones: each gap between live objects becomes one filler.
//! A conservative reference is resolved from its card's entry in the chunk's cover table,
//! which allocation and the sweep keep exact, by parsing at most one card.
//!
//! `VCALL_MAX_HEAP` (bytes, or with a k/m/g suffix) caps the mapped heap. An allocation that
//! does not fit after a full collection (or that the system refuses) fails: `alloc` returns 0
//! and the caller raises OutOfMemoryException in the managed code that asked. The runtime's
//! own allocations (exception objects, traces, literals) may exceed the cap (`exempt`), so
//! raising that exception does not fail the same way.

use super::layout::*;
use super::{ClassKind, RtClass, Runtime};
use std::cell::{Cell, RefCell};
use std::ops::ControlFlow;
use std::time::Instant;

/// Objects at least this large get a chunk of their own.
pub const LARGE_OBJECT_BYTES: u64 = 64 << 10;
/// Small chunks are mapped at multiples of their size, so an object's chunk (and its mark
/// bitmap) is found by masking its address.
const CHUNK_BYTES: u64 = 4 << 20;
/// Each small chunk opens with its mark bitmap, one bit per 8-byte word of the chunk: the
/// sweep finds live objects from it and never reads a dead one.
const MARK_BITMAP_BYTES: u64 = CHUNK_BYTES / 8 / 8;
/// A chunk is divided into cards of this many bytes. For each card the chunk's cover table
/// (after the mark bitmap) holds the start of the object or filler covering the card's first
/// byte, so a conservative reference is resolved by parsing from there: one card, not the
/// whole chunk.
const CARD_BYTES: u64 = 4 << 10;
const COVER_TABLE_BYTES: u64 = CHUNK_BYTES / CARD_BYTES * 8;
/// Where a small chunk's objects start, past its mark bitmap and cover table.
const CHUNK_HEADER_BYTES: u64 = MARK_BITMAP_BYTES + COVER_TABLE_BYTES;
/// Free runs smaller than this are not worth allocating into until they merge.
const MIN_HOLE_BYTES: u64 = 64;
/// The heap may grow by at least this much between collections.
const MIN_GROWTH_BYTES: u64 = 16 << 20;
const MARK_BIT: u64 = 1;

/// A run of heap memory: a large object's own mapping, or a small chunk's object area
/// (`start` is past its mark bitmap; the mapping begins `CHUNK_HEADER_BYTES` earlier).
#[derive(Clone, Copy, Debug)]
struct Chunk {
    start: u64,
    end: u64,
    large: bool,
}

impl Chunk {
    /// The mapping this chunk lives in.
    fn mapping(&self) -> (u64, u64) {
        if self.large {
            (self.start, self.end - self.start)
        } else {
            (self.start - CHUNK_HEADER_BYTES, CHUNK_BYTES)
        }
    }
}

/// Maps a small chunk: `CHUNK_BYTES` at a multiple of `CHUNK_BYTES`. Returns where its objects
/// start (past the mark bitmap and cover table).
fn map_small_chunk() -> Option<u64> {
    let raw = map_zeroed(2 * CHUNK_BYTES)?;
    let base = raw.next_multiple_of(CHUNK_BYTES);
    // SAFETY: both ranges lie inside the mapping just made and hold nothing yet.
    unsafe {
        if base > raw {
            libc::munmap(raw as *mut libc::c_void, (base - raw) as usize);
        }
        let tail = base + CHUNK_BYTES;
        let raw_end = raw + 2 * CHUNK_BYTES;
        if raw_end > tail {
            libc::munmap(tail as *mut libc::c_void, (raw_end - tail) as usize);
        }
    }
    Some(base + CHUNK_HEADER_BYTES)
}

/// Records that the object or filler `[start, end)` of a small chunk covers the first byte of
/// every card beginning inside it.
///
/// # Safety
/// `[start, end)` must lie in the object area of one small chunk.
unsafe fn cover_cards(start: u64, end: u64) {
    let base = start & !(CHUNK_BYTES - 1);
    let mut card = (start - base).div_ceil(CARD_BYTES);
    while base + card * CARD_BYTES < end {
        // SAFETY: the cover table follows the mark bitmap, one word per card of the chunk.
        unsafe { *((base + MARK_BITMAP_BYTES + 8 * card) as *mut u64) = start };
        card += 1;
    }
}

/// The recorded start covering the card of `v` (in a small chunk's object area), or 0.
///
/// # Safety
/// `v` must lie in the object area of a small chunk.
unsafe fn card_cover(v: u64) -> u64 {
    let base = v & !(CHUNK_BYTES - 1);
    // SAFETY: as in `cover_cards`.
    unsafe { *((base + MARK_BITMAP_BYTES + 8 * ((v - base) / CARD_BYTES)) as *const u64) }
}

/// Sets the mark-bitmap bit of a small-chunk object.
///
/// # Safety
/// `obj` must be an object start inside a small chunk.
unsafe fn set_mark_bit(obj: u64) {
    let base = obj & !(CHUNK_BYTES - 1);
    let word = (obj - base) / 8;
    // SAFETY: the bitmap occupies the first MARK_BITMAP_BYTES of the chunk's mapping and has
    // a bit for every word of the chunk.
    unsafe { *((base + word / 64 * 8) as *mut u64) |= 1 << (word % 64) };
}

#[derive(Default)]
pub struct GcStats {
    pub collections: Cell<u64>,
    pub bytes_allocated: Cell<u64>,
    pub bytes_freed: Cell<u64>,
    pub max_pause_ns: Cell<u64>,
    pub total_pause_ns: Cell<u64>,
    pub heap_bytes: Cell<u64>,
    pub live_bytes_after_last: Cell<u64>,
    /// `bytes_allocated()` when the last collection ended, for the bytes freed by the next.
    allocated_at_last: Cell<u64>,
}

struct Heap {
    chunks: Vec<Chunk>,
    holes: Vec<(u64, u64)>,
    /// The current hole: allocation bumps from ALLOC_PTR to `limit`.
    hole_start: u64,
    /// The current hole is zeroed from `hole_start` up to here: a card at a time, just before
    /// allocation reaches it, so the zeroed lines are still in cache when objects fill them.
    zeroed_to: u64,
    limit: u64,
    since_gc: u64,
    threshold: u64,
    stress_every: u64,
    stress_count: u64,
    verify: bool,
    in_gc: bool,
    /// `VCALL_MAX_HEAP`: the most bytes the heap's chunks may map (u64::MAX: no cap).
    max_heap: u64,
    /// Nesting depth of `exempt`: allocations for the runtime itself ignore `max_heap`.
    exempt: u32,
}

thread_local! {
    static HEAP: RefCell<Heap> = RefCell::new(Heap {
        chunks: Vec::new(),
        holes: Vec::new(),
        hole_start: 0,
        zeroed_to: 0,
        limit: 0,
        since_gc: 0,
        threshold: MIN_GROWTH_BYTES,
        stress_every: std::env::var("VCALL_GC_STRESS").ok().and_then(|v| v.parse().ok()).unwrap_or(0),
        stress_count: 0,
        verify: std::env::var("VCALL_GC_VERIFY").map(|v| v == "1").unwrap_or(false),
        in_gc: false,
        max_heap: max_heap_from_env(),
        exempt: 0,
    });
    pub static STATS: GcStats = GcStats::default();
    static STACK_TOP: Cell<u64> = const { Cell::new(0) };
    /// Where the last collection's stack scan began (see `dead_stack_to_clear`).
    static LAST_SCAN_SP: Cell<u64> = const { Cell::new(0) };
}

use super::heap::{ALLOC_LIMIT, ALLOC_PTR};
use std::sync::atomic::Ordering::Relaxed;

fn map_zeroed(bytes: u64) -> Option<u64> {
    // SAFETY: an anonymous private mapping with no address hint; checked against MAP_FAILED.
    let p = unsafe {
        libc::mmap(
            std::ptr::null_mut(),
            bytes as usize,
            libc::PROT_READ | libc::PROT_WRITE,
            libc::MAP_PRIVATE | libc::MAP_ANONYMOUS | libc::MAP_NORESERVE,
            -1,
            0,
        )
    };
    (p != libc::MAP_FAILED).then_some(p as u64)
}

/// Parses a heap size: bytes, or a number with a `k`, `m` or `g` suffix (powers of 1024).
pub fn parse_size(text: &str) -> Option<u64> {
    let t = text.trim();
    let (digits, unit) = match t.char_indices().last()? {
        (i, 'k' | 'K') => (&t[..i], 1u64 << 10),
        (i, 'm' | 'M') => (&t[..i], 1 << 20),
        (i, 'g' | 'G') => (&t[..i], 1 << 30),
        _ => (t, 1),
    };
    digits
        .parse::<u64>()
        .ok()?
        .checked_mul(unit)
        .filter(|&n| n > 0)
}

/// The heap cap from `VCALL_MAX_HEAP`; unset means none (Mono's SGen has no default cap
/// either). A value that does not parse is reported once and ignored.
fn max_heap_from_env() -> u64 {
    match std::env::var("VCALL_MAX_HEAP") {
        Err(_) => u64::MAX,
        Ok(v) => parse_size(&v).unwrap_or_else(|| {
            eprintln!(
                "vcall: warning: ignoring VCALL_MAX_HEAP={v:?}: expected bytes or a number with k, m or g"
            );
            u64::MAX
        }),
    }
}

/// Runs `f` with the heap cap lifted: for the runtime's own objects (an exception being
/// raised, its trace, interned literals), which must not fail because managed code filled
/// the heap.
pub fn exempt<T>(f: impl FnOnce() -> T) -> T {
    HEAP.with(|h| h.borrow_mut().exempt += 1);
    let r = f();
    HEAP.with(|h| h.borrow_mut().exempt -= 1);
    r
}

/// Whether allocations are for the runtime itself just now (see `exempt`).
pub fn is_exempt() -> bool {
    HEAP.with(|h| h.borrow().exempt > 0)
}

/// Whether mapping `bytes` more keeps the heap within its cap.
fn within_cap(h: &Heap, bytes: u64) -> bool {
    h.exempt > 0 || STATS.with(|s| s.heap_bytes.get()).saturating_add(bytes) <= h.max_heap
}

/// Maps `bytes` for the heap if the cap allows; otherwise (or if the system refuses) runs a
/// full collection, unless one just ran, and tries once more.
fn map_for_heap(bytes: u64, mut collected: bool) -> Option<u64> {
    loop {
        let fits = HEAP.with(|h| within_cap(&h.borrow(), bytes));
        if fits {
            if let Some(p) = map_zeroed(bytes) {
                return Some(p);
            }
        }
        if collected || HEAP.with(|h| h.borrow().in_gc) {
            return None;
        }
        collect();
        collected = true;
    }
}

/// Records the top of the main thread's stack, the end of the conservative scan.
pub fn init_stack_top() {
    // SAFETY: pthread_getattr_np fills `attr` for the calling thread; it is destroyed after use.
    unsafe {
        let mut attr: libc::pthread_attr_t = std::mem::zeroed();
        if libc::pthread_getattr_np(libc::pthread_self(), &mut attr) == 0 {
            let mut addr: *mut libc::c_void = std::ptr::null_mut();
            let mut size: libc::size_t = 0;
            libc::pthread_attr_getstack(&attr, &mut addr, &mut size);
            libc::pthread_attr_destroy(&mut attr);
            STACK_TOP.with(|t| t.set(addr as u64 + size as u64));
        }
    }
}

/// How many bytes below `stub_sp` an allocation helper's entry stub clears before it
/// retries an allocation that failed (`heap::take_deferred_oom`): down to where the failed
/// attempt's collection began its scan, plus a margin for a retry that reaches the collector
/// through a slightly different path. The retry takes the same path, so its frames, and so
/// everything its collection scans below the stub, then lie in cleared memory. That memory
/// was stack the attempt itself used, so it is mapped.
pub fn dead_stack_to_clear(stub_sp: u64) -> u64 {
    const MARGIN: u64 = 1 << 10;
    const FALLBACK: u64 = 4 << 10;
    let scan = LAST_SCAN_SP.with(|l| l.get());
    let depth = stub_sp.wrapping_sub(scan);
    // A scan that did not begin below the stub (none ran, or one outside this call) says
    // nothing about this call's depth.
    if scan == 0 || scan >= stub_sp || depth > 64 << 10 {
        return FALLBACK;
    }
    (depth + MARGIN).next_multiple_of(8)
}

/// Formats `[start, end)` as one free filler so the chunk stays parseable.
fn write_filler(start: u64, end: u64) {
    if end > start {
        // SAFETY: the range is free heap memory owned by the allocator.
        unsafe { *(start as *mut u64) = ((end - start) << 1) | 1 };
    }
}

/// Returns `size` (8-aligned) zeroed bytes, collecting first when the growth budget is spent,
/// or 0 when the heap is exhausted even after a full collection. Callers write the object
/// header before anything else can run.
pub fn alloc(size: u64) -> u64 {
    let Some(size) = size.checked_add(7).map(|s| s & !7) else {
        return 0;
    };
    // Fast case (natives; JIT code does this inline): the current hole has room.
    let fits = HEAP.with(|h| {
        let h = h.borrow();
        let p = ALLOC_PTR.load(Relaxed);
        h.stress_every == 0 && size < LARGE_OBJECT_BYTES && p != 0 && p + size <= h.limit
    });
    if fits {
        let p = ALLOC_PTR.load(Relaxed);
        if p + size > ALLOC_LIMIT.load(Relaxed) {
            // It reaches into a card the published limit stopped at.
            return HEAP.with(|h| take_from_hole(&mut h.borrow_mut(), p, size));
        }
        ALLOC_PTR.store(p + size, Relaxed);
        return p;
    }
    // Slow case: account for what the retired hole handed out, maybe collect, then refill.
    let should_collect = HEAP.with(|h| {
        let mut h = h.borrow_mut();
        if h.in_gc {
            return false;
        }
        let p = ALLOC_PTR.load(Relaxed);
        let in_stress = h.stress_every > 0;
        if p != 0 && (!in_stress || p + size > h.limit) {
            let used = p - h.hole_start;
            h.since_gc += used;
            STATS.with(|s| s.bytes_allocated.set(s.bytes_allocated.get() + used));
            write_filler(p, h.limit);
            // SAFETY: the rest of the hole lies in its small chunk.
            unsafe { cover_cards(p, h.limit) };
            h.hole_start = 0;
            h.limit = 0;
            ALLOC_PTR.store(0, Relaxed);
            ALLOC_LIMIT.store(0, Relaxed);
        }
        if size >= LARGE_OBJECT_BYTES {
            h.since_gc += size;
            STATS.with(|s| s.bytes_allocated.set(s.bytes_allocated.get() + size));
        }
        if in_stress {
            h.stress_count += 1;
            return h.stress_count % h.stress_every == 0;
        }
        h.since_gc >= h.threshold
    });
    if should_collect {
        collect();
    }
    if size >= LARGE_OBJECT_BYTES {
        let Some(p) = map_for_heap(size, should_collect) else {
            return 0;
        };
        HEAP.with(|h| {
            let mut h = h.borrow_mut();
            let pos = h.chunks.partition_point(|c| c.start < p);
            h.chunks.insert(
                pos,
                Chunk {
                    start: p,
                    end: p + size,
                    large: true,
                },
            );
        });
        STATS.with(|s| s.heap_bytes.set(s.heap_bytes.get() + size));
        return p;
    }
    let mut collected = should_collect;
    loop {
        let found = HEAP.with(|h| {
            let mut h = h.borrow_mut();
            let p = ALLOC_PTR.load(Relaxed);
            if p != 0 && p + size <= h.limit {
                // Stress mode keeps the hole but hides it from JIT code.
                return Some(take_from_hole(&mut h, p, size));
            }
            while let Some((start, end)) = h.holes.pop() {
                if end - start >= size {
                    // Swept memory holds dead objects; publish_limit zeroes it as allocation
                    // advances, since the JIT's inline path expects zeroes.
                    return Some(start_hole(&mut h, start, end, start, size));
                }
            }
            if !within_cap(&h, CHUNK_BYTES) {
                return None;
            }
            let c = map_small_chunk()?;
            let end = c - CHUNK_HEADER_BYTES + CHUNK_BYTES;
            let pos = h.chunks.partition_point(|x| x.start < c);
            h.chunks.insert(
                pos,
                Chunk {
                    start: c,
                    end,
                    large: false,
                },
            );
            STATS.with(|s| s.heap_bytes.set(s.heap_bytes.get() + CHUNK_BYTES));
            // A fresh mapping is zero already.
            Some(start_hole(&mut h, c, end, end, size))
        });
        if let Some(p) = found {
            return p;
        }
        // No hole and no new chunk: a full collection may free holes; then it is exhausted.
        if collected || HEAP.with(|h| h.borrow().in_gc) {
            return 0;
        }
        collect();
        collected = true;
    }
}

/// Makes `[start, end)` of a small chunk the current hole, zeroed below `zeroed_to`, and hands
/// out its first `size` bytes.
fn start_hole(h: &mut Heap, start: u64, end: u64, zeroed_to: u64, size: u64) -> u64 {
    h.hole_start = start;
    h.zeroed_to = zeroed_to;
    h.limit = end;
    take_from_hole(h, start, size)
}

/// Hands out `[p, p + size)`, which fits in the current hole: records the cards it reaches
/// into and publishes the next limit (zeroing up to it).
fn take_from_hole(h: &mut Heap, p: u64, size: u64) -> u64 {
    ALLOC_PTR.store(p + size, Relaxed);
    // SAFETY: the object lies in the current hole, inside a small chunk.
    unsafe { cover_cards(p, p + size) };
    publish_limit(h);
    p
}

/// Bytes handed out so far, including the current hole's use.
pub fn bytes_allocated() -> u64 {
    let current = HEAP.with(|h| {
        let h = h.borrow();
        let p = ALLOC_PTR.load(Relaxed);
        if p != 0 {
            p - h.hole_start
        } else {
            0
        }
    });
    STATS.with(|s| s.bytes_allocated.get()) + current
}

/// The limit JIT code sees: the hole's end or the next card boundary, whichever is first, so
/// an allocation that reaches into a new card takes the slow path and records the card's
/// cover; in stress mode the bump pointer itself, so every allocation takes the slow path and
/// can trigger a collection.
fn publish_limit(h: &mut Heap) {
    let p = ALLOC_PTR.load(Relaxed);
    let limit = if h.stress_every > 0 {
        p
    } else {
        // At a boundary itself the limit is the boundary, so the object starting there is
        // recorded too.
        h.limit.min(p.next_multiple_of(CARD_BYTES))
    };
    // Everything handed out (up to p) and everything JIT code may bump into (up to the limit)
    // must be zero.
    let zero_to = limit.max(p);
    if zero_to > h.zeroed_to {
        // SAFETY: [zeroed_to, zero_to) lies in the current hole, free memory the allocator
        // owns; nothing has been handed out there yet.
        unsafe {
            std::ptr::write_bytes(h.zeroed_to as *mut u8, 0, (zero_to - h.zeroed_to) as usize)
        };
        h.zeroed_to = zero_to;
    }
    ALLOC_LIMIT.store(limit, Relaxed);
}

/// Calls `f(start, size, is_object)` for every object and filler of a small chunk in address
/// order, skipping the allocator's current hole `[cur, limit)` (which is not parseable).
///
/// # Safety
/// `c` must be a small chunk of the heap, parseable up to its never-used zero tail.
unsafe fn parse_chunk(c: &Chunk, cur: u64, limit: u64, mut f: impl FnMut(u64, u64, bool)) {
    // SAFETY: per the contract; the chunk's start is its first object or filler.
    unsafe {
        parse_range::<()>(c.start, c.end, cur, limit, |a, size, is_obj| {
            f(a, size, is_obj);
            ControlFlow::Continue(())
        })
    };
}

/// Like `parse_chunk`, from `from` (an object or filler start) up to `end`, until `f` breaks;
/// returns what it broke with.
///
/// # Safety
/// `[from, end)` must lie in one small chunk of the heap, `from` at an object or filler start.
unsafe fn parse_range<B>(
    from: u64,
    end: u64,
    cur: u64,
    limit: u64,
    mut f: impl FnMut(u64, u64, bool) -> ControlFlow<B>,
) -> Option<B> {
    let mut a = from;
    while a < end {
        if a == cur && cur != 0 {
            a = limit;
            continue;
        }
        // SAFETY: per the contract, every position reached is an object or a filler.
        let w = unsafe { *(a as *const u64) };
        let (size, is_obj) = if w & 1 == 1 {
            (w >> 1, false)
        } else if w == 0 {
            // Only the never-used tail of a chunk is zero; nothing follows it.
            return None;
        } else {
            // SAFETY: a word that is neither a filler nor zero is an object's vtable pointer.
            (unsafe { super::heap::object_size(a) }, true)
        };
        if let ControlFlow::Break(b) = f(a, size, is_obj) {
            return Some(b);
        }
        a += size;
    }
    None
}

/// Where objects are, for resolving conservative (stack and register) references: the heap's
/// chunks, and within a small chunk its cover table, from which a parse of at most one card
/// (plus the object reaching into it) finds the object containing an address. Precise
/// references need no lookup at all.
struct Index {
    chunks: Vec<Chunk>,
    cur: u64,
    limit: u64,
}

impl Index {
    fn new(h: &Heap) -> Index {
        Index {
            chunks: h.chunks.clone(),
            cur: ALLOC_PTR.load(Relaxed),
            limit: h.limit,
        }
    }

    /// The object containing address `v`, if any.
    fn find(&self, v: u64) -> Option<u64> {
        let i = self
            .chunks
            .partition_point(|c| c.start <= v)
            .checked_sub(1)?;
        let c = self.chunks[i];
        if v >= c.end {
            return None;
        }
        if c.large {
            return Some(c.start);
        }
        // The allocator's current hole holds no object yet.
        if self.cur != 0 && v >= self.cur && v < self.limit {
            return None;
        }
        // SAFETY: `v` lies in this small chunk's object area.
        let cover = unsafe { card_cover(v) };
        // Every card of the object area is covered once allocation or a sweep reached it;
        // should one not be, the parse starts at the chunk's first object instead.
        let from = if cover < c.start || cover > v {
            c.start
        } else {
            cover
        };
        // SAFETY: `from` is a recorded object or filler start in this chunk (or its first).
        unsafe {
            parse_range(from, c.end, self.cur, self.limit, |a, size, is_obj| {
                if v < a + size {
                    ControlFlow::Break(is_obj.then_some(a))
                } else {
                    ControlFlow::Continue(())
                }
            })
        }
        .flatten()
    }

    /// Every object start of chunk `i` (for verification).
    fn objects(&self, i: usize) -> Vec<u64> {
        let c = &self.chunks[i];
        if c.large {
            return vec![c.start];
        }
        let mut out = Vec::new();
        // SAFETY: `c` is one of the heap's small chunks.
        unsafe {
            parse_chunk(c, self.cur, self.limit, |a, _, is_obj| {
                if is_obj {
                    out.push(a)
                }
            })
        };
        out
    }
}

/// Runs a full collection.
pub fn collect() {
    let t0 = Instant::now();
    let rt = super::rt();
    // Callee-saved registers may hold the only reference to an object (JIT code keeps hot
    // variables there); spill them where the conservative scan sees them.
    let mut regs = [0u64; 6];
    // SAFETY: reads the callee-saved registers into a local array; no other effect.
    unsafe {
        std::arch::asm!(
            "mov [{0}], rbx", "mov [{0} + 8], r12", "mov [{0} + 16], r13", "mov [{0} + 24], r14", "mov [{0} + 32], r15", "mov [{0} + 40], rbp",
            in(reg) regs.as_mut_ptr(),
        );
    }
    let sp = &regs as *const _ as u64;
    LAST_SCAN_SP.with(|l| l.set(sp));
    HEAP.with(|h| h.borrow_mut().in_gc = true);
    let live = HEAP.with(|h| {
        let h = h.borrow();
        let index = Index::new(&h);
        if h.verify {
            // What allocation recorded since the last collection.
            verify_covers(&index);
        }
        let mut stack: Vec<u64> = Vec::new();
        let mark = |obj: u64, stack: &mut Vec<u64>| {
            // SAFETY: `obj` is an object start; the sync word holds the mark, and a small
            // object (allocation puts exactly those in small chunks) also gets its bitmap bit.
            unsafe {
                let sync = (obj + OBJ_SYNC as u64) as *mut u64;
                if *sync & MARK_BIT == 0 {
                    *sync |= MARK_BIT;
                    if super::heap::object_size(obj) < LARGE_OBJECT_BYTES {
                        set_mark_bit(obj);
                    }
                    stack.push(obj);
                }
            }
        };
        // A conservative root may be any word: look it up.
        let consider = |v: u64, stack: &mut Vec<u64>| {
            if let Some(o) = index.find(v) {
                mark(o, stack);
            }
        };
        // A precise reference (heap fields, statics, the runtime's tables) is null or an
        // object's start.
        let exact = |v: u64, stack: &mut Vec<u64>| {
            if v != 0 {
                mark(v, stack);
            }
        };
        // Conservative roots: the registers and every stack word up to the stack's top.
        for r in regs {
            consider(r, &mut stack);
        }
        let top = STACK_TOP.with(|t| t.get());
        let mut a = sp & !7;
        while a < top {
            // SAFETY: [sp, top) is this thread's mapped stack.
            consider(unsafe { *(a as *const u64) }, &mut stack);
            a += 8;
        }
        // Precise roots: statics, the runtime's tables of objects.
        for id in 0..rt.class_count() {
            let c = rt.class(super::ClassId(id as u32));
            for &w in c.static_refs.iter() {
                if let Some(&o) = c.statics.get(w as usize) {
                    exact(o, &mut stack);
                }
            }
        }
        for o in rt.interned_objects() {
            exact(o, &mut stack);
        }
        for o in super::corlib_natives::type_objects() {
            exact(o, &mut stack);
        }
        for o in super::exceptions::gc_roots() {
            exact(o, &mut stack);
        }
        // Trace.
        while let Some(obj) = stack.pop() {
            // SAFETY: `obj` is a marked live object; its layout follows its class.
            unsafe { trace(obj, &mut |v| exact(v, &mut stack)) };
        }
        sweep(&h)
    });
    finish_collection(live);
    HEAP.with(|h| {
        let mut h = h.borrow_mut();
        h.in_gc = false;
        h.since_gc = 0;
        h.threshold = growth_after(live);
        if h.verify {
            verify(&h);
        }
    });
    let ns = t0.elapsed().as_nanos() as u64;
    let allocated = bytes_allocated();
    STATS.with(|s| {
        // The sweep never reads dead objects, so what it freed is what was live before plus
        // what was allocated since, less what is live now.
        let before = s.live_bytes_after_last.get() + (allocated - s.allocated_at_last.get());
        s.allocated_at_last.set(allocated);
        s.collections.set(s.collections.get() + 1);
        s.bytes_freed
            .set(s.bytes_freed.get() + before.saturating_sub(live));
        s.total_pause_ns.set(s.total_pause_ns.get() + ns);
        s.max_pause_ns.set(s.max_pause_ns.get().max(ns));
        s.live_bytes_after_last.set(live);
    });
}

/// Calls `f` with every reference stored in the object.
///
/// # Safety
/// `obj` must be a live object.
unsafe fn trace(obj: u64, f: &mut dyn FnMut(u64)) {
    // SAFETY: per the contract; offsets come from the class's layout.
    unsafe {
        let class = &*(*(*(obj as *const u64) as *const u64) as *const RtClass);
        let read = |a: u64| *(a as *const u64);
        match class.kind {
            ClassKind::String => {}
            ClassKind::SzArray | ClassKind::MdArray(_) => {
                let data = match class.kind {
                    ClassKind::MdArray(r) => super::heap::md_data_offset(r) as u64,
                    _ => ARRAY_DATA as u64,
                };
                let len = read(obj + ARRAY_LENGTH as u64);
                if class.gc_elements_are_refs {
                    for i in 0..len {
                        f(read(obj + data + 8 * i));
                    }
                } else if !class.gc_refs.is_empty() {
                    for i in 0..len {
                        let base = obj + data + i * class.element_size as u64;
                        for &off in class.gc_refs.iter() {
                            f(read(base + off as u64));
                        }
                    }
                }
            }
            ClassKind::Normal => {
                for &off in class.gc_refs.iter() {
                    f(read(obj + off as u64));
                }
            }
        }
    }
}

/// Turns the space between marked objects into holes, clears marks, and collects dead large
/// objects and empty chunks for `apply_sweep`. Returns the bytes live.
fn sweep(h: &Heap) -> u64 {
    let mut live = 0u64;
    let mut holes = Vec::new();
    let mut dead_chunks = Vec::new();
    let cur = ALLOC_PTR.load(Relaxed);
    for c in &h.chunks {
        if c.large {
            let o = c.start;
            // SAFETY: a large chunk holds one object at its start.
            unsafe {
                let sync = (o + OBJ_SYNC as u64) as *mut u64;
                if *sync & MARK_BIT == 0 {
                    dead_chunks.push(*c);
                } else {
                    *sync &= !MARK_BIT;
                    live += c.end - c.start;
                }
            }
            continue;
        }
        // Live objects come from the mark bitmap, in address order; the gaps between them
        // (dead objects and old fillers alike) become free runs without being read.
        let live_before = live;
        let mut chunk_holes = Vec::new();
        let free_run = |from: u64, to: u64, holes: &mut Vec<(u64, u64)>| {
            // The allocator's current hole [cur, limit) is not parseable and stays its own.
            let mut piece = |from: u64, to: u64| {
                if to <= from {
                    return;
                }
                if h.verify {
                    // SAFETY: the run is dead memory owned by the allocator; poison it to
                    // catch anything still pointing there.
                    unsafe { std::ptr::write_bytes(from as *mut u8, 0xEF, (to - from) as usize) };
                }
                write_filler(from, to);
                // SAFETY: the run lies in this small chunk's object area.
                unsafe { cover_cards(from, to) };
                if to - from >= MIN_HOLE_BYTES {
                    holes.push((from, to));
                }
            };
            if cur != 0 && from <= cur && cur < to {
                piece(from, cur);
                // SAFETY: the current hole lies in this small chunk's object area.
                unsafe { cover_cards(cur, h.limit) };
                piece(h.limit, to);
            } else {
                piece(from, to);
            }
        };
        let base = c.mapping().0;
        let mut next_free = c.start;
        for k in 0..(MARK_BITMAP_BYTES / 8) {
            let word_at = (base + 8 * k) as *mut u64;
            // SAFETY: the bitmap is the first MARK_BITMAP_BYTES of the chunk's mapping.
            let mut bits = unsafe { *word_at };
            if bits == 0 {
                continue;
            }
            // SAFETY: as above; clearing it readies the bitmap for the next collection.
            unsafe { *word_at = 0 };
            while bits != 0 {
                let a = base + 8 * (64 * k + bits.trailing_zeros() as u64);
                bits &= bits - 1;
                // SAFETY: a marked bit is a marked object's start; its sync word carries
                // the mark too.
                let size = unsafe {
                    *((a + OBJ_SYNC as u64) as *mut u64) &= !MARK_BIT;
                    super::heap::object_size(a)
                };
                live += size;
                free_run(next_free, a, &mut chunk_holes);
                // SAFETY: the object lies in this small chunk's object area.
                unsafe { cover_cards(a, a + size) };
                next_free = a + size;
            }
        }
        free_run(next_free, c.end, &mut chunk_holes);
        // A chunk with nothing live (and not holding the allocator's current hole) goes back
        // to the system, so a heap cap counts only memory in use.
        let holds_current = cur != 0 && cur >= c.start && cur < c.end;
        if live == live_before && !holds_current {
            dead_chunks.push(*c);
        } else {
            holes.extend(chunk_holes);
        }
    }
    // Hand the free runs to the allocator (largest last, so they are taken first).
    holes.sort_by_key(|&(s, e)| e - s);
    HEAP_PENDING.with(|p| *p.borrow_mut() = Some((holes, dead_chunks)));
    live
}

thread_local! {
    /// Sweep results applied once the heap borrow is released.
    static HEAP_PENDING: RefCell<Option<(Vec<(u64, u64)>, Vec<Chunk>)>> = const { RefCell::new(None) };
}

/// Applies the sweep's results. Empty small chunks are kept as free holes until the free space
/// reaches `keep_free` (what the mutator will allocate before the next collection; the last
/// chunk kept may pass it, since chunk headers and fragmentation take their share):
/// unmapping them and mapping fresh ones would cost a page fault and a kernel page clear per
/// 4 KiB, several times what zeroing a reused hole costs. The rest go back to the system.
/// Under a heap cap every empty chunk goes back, so the cap counts only memory in use and a
/// large object can still be mapped in its place.
fn apply_sweep(h: &mut Heap, keep_free: u64) {
    let keep_free = if h.max_heap == u64::MAX { keep_free } else { 0 };
    if let Some((mut holes, dead)) = HEAP_PENDING.with(|p| p.borrow_mut().take()) {
        let mut free: u64 = holes.iter().map(|&(s, e)| e - s).sum();
        for d in dead {
            if !d.large && free < keep_free {
                write_filler(d.start, d.end);
                free += d.end - d.start;
                // No hole is larger than a whole chunk, so the size order holds.
                holes.push((d.start, d.end));
                continue;
            }
            h.chunks.retain(|c| c.start != d.start);
            let (at, len) = d.mapping();
            // SAFETY: the chunk was mapped by `alloc` and holds no live object.
            unsafe { libc::munmap(at as *mut libc::c_void, len as usize) };
            STATS.with(|s| s.heap_bytes.set(s.heap_bytes.get() - len));
        }
        h.holes = holes;
    }
}

/// Debug mode: every live object's references point at live objects.
fn verify(h: &Heap) {
    let index = Index::new(h);
    verify_covers(&index);
    for i in 0..index.chunks.len() {
        for o in index.objects(i) {
            // SAFETY: `o` is a parsed object start; references are checked against the index.
            unsafe {
                trace(o, &mut |v| {
                    if v != 0 && index.find(v) != Some(v) {
                        eprintln!("vcall: GC verify: object 0x{o:x} refers to 0x{v:x}, which is not a live object");
                        std::process::abort();
                    }
                })
            };
        }
    }
}

/// Debug mode: every card that holds parsed heap names, in the cover table, the start of the
/// object or filler covering its first byte (the allocator's current hole aside).
fn verify_covers(index: &Index) {
    for c in index.chunks.iter().filter(|c| !c.large) {
        let mut elements = Vec::new();
        // SAFETY: `c` is one of the heap's small chunks.
        unsafe {
            parse_chunk(c, index.cur, index.limit, |a, size, _| {
                elements.push((a, a + size))
            })
        };
        let (base, _) = c.mapping();
        let mut e = elements.iter().peekable();
        let mut card_start = c.start;
        while card_start < c.end {
            while e.peek().is_some_and(|&&(_, end)| end <= card_start) {
                e.next();
            }
            let Some(&&(start, end)) = e.peek() else {
                break;
            };
            let in_current = index.cur != 0 && card_start >= index.cur && card_start < index.limit;
            if start <= card_start && card_start < end && !in_current {
                // SAFETY: `card_start` lies in the chunk's object area.
                let cover = unsafe { card_cover(card_start) };
                if cover != start {
                    eprintln!("vcall: GC verify: card at 0x{card_start:x} (chunk 0x{base:x}) names 0x{cover:x}, but 0x{start:x} covers it");
                    std::process::abort();
                }
            }
            card_start += CARD_BYTES;
        }
    }
}

/// Applies the pending sweep results (called by `collect` after its borrow ends).
pub fn finish_collection(live: u64) {
    HEAP.with(|h| apply_sweep(&mut h.borrow_mut(), growth_after(live)));
}

/// How much the heap may grow before the next collection: twice the live data, so
/// collection work stays proportional to allocation.
fn growth_after(live: u64) -> u64 {
    (2 * live).max(MIN_GROWTH_BYTES)
}

/// For `--stats`.
pub fn print_stats(out: &mut String) {
    STATS.with(|s| {
        let rows = [
            ("GC collections", s.collections.get().to_string()),
            ("GC bytes allocated", bytes_allocated().to_string()),
            ("GC bytes freed", s.bytes_freed.get().to_string()),
            (
                "GC live bytes after last",
                s.live_bytes_after_last.get().to_string(),
            ),
            ("GC heap bytes", s.heap_bytes.get().to_string()),
            (
                "GC max pause (ms)",
                format!("{:.3}", s.max_pause_ns.get() as f64 / 1e6),
            ),
            (
                "GC total pause (ms)",
                format!("{:.3}", s.total_pause_ns.get() as f64 / 1e6),
            ),
        ];
        for (k, v) in rows {
            out.push_str(&format!("{k:<34}: {v}\n"));
        }
    });
}

#[allow(dead_code)]
fn unused(_: &Runtime) {}

#[cfg(test)]
mod tests {
    use super::parse_size;

    #[test]
    fn heap_sizes_parse_with_suffixes_and_reject_nonsense() {
        assert_eq!(parse_size("256m"), Some(256 << 20));
        assert_eq!(parse_size("2G"), Some(2 << 30));
        assert_eq!(parse_size(" 512k "), Some(512 << 10));
        assert_eq!(parse_size("1048576"), Some(1 << 20));
        for bad in [
            "",
            "m",
            "0",
            "-1m",
            "1.5g",
            "12q",
            "99999999999999999999g",
            "ß",
        ] {
            assert_eq!(parse_size(bad), None, "{bad:?}");
        }
    }
}
