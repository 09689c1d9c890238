//! Executable memory: one region reserved up front from a memfd mapped twice, a read-write
//! view for writing and patching and a read-execute view for running, so no page is ever
//! writable and executable at once and nothing is ever `mprotect`ed.

use crate::error::{DispatchError, Result};
use std::sync::atomic::{AtomicU32, AtomicU64, AtomicU8, AtomicUsize, Ordering};
use std::sync::Mutex;

/// What the runtime reserves when it has no reason to pick otherwise. Reserving is cheap: the
/// memfd is sparse and only pages that receive code are ever backed.
pub const DEFAULT_RESERVE_BYTES: usize = 512 << 20;

const PAGE: usize = 4096;

/// Bump-allocated code space. Addresses handed out are those of the executable view; writes
/// go to the same offset of the writable view.
pub struct CodeMemory {
    exec_base: u64,
    write_base: u64,
    size: usize,
    /// Held while code is assembled and copied, so each `emit` gets the address it assembled for.
    cursor: Mutex<usize>,
    /// End of the code copied in so far; readers and patchers check against it without locking.
    published: AtomicUsize,
}

// SAFETY: the struct only holds addresses of its own mappings. The allocation cursor is behind a
// Mutex, bytes are written only before they are published, and every later write (a patch) and
// every read of published bytes is atomic.
unsafe impl Send for CodeMemory {}
// SAFETY: as for Send.
unsafe impl Sync for CodeMemory {}

impl std::fmt::Debug for CodeMemory {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("CodeMemory")
            .field("exec_base", &format_args!("0x{:x}", self.exec_base))
            .field("write_base", &format_args!("0x{:x}", self.write_base))
            .field("size", &self.size)
            .field("used", &self.used_bytes())
            .finish()
    }
}

/// Maps `len` bytes of `fd` shared with `prot`, or returns the OS error.
fn map_view(fd: libc::c_int, len: usize, prot: libc::c_int) -> Result<u64> {
    // SAFETY: no address hint and a valid descriptor of at least `len` bytes; the kernel picks
    // fresh addresses, so no existing mapping is replaced.
    let p = unsafe { libc::mmap(std::ptr::null_mut(), len, prot, libc::MAP_SHARED, fd, 0) };
    if p == libc::MAP_FAILED {
        return Err(DispatchError::last_os("mmap"));
    }
    Ok(p as u64)
}

/// Unmaps a view made by `map_view`.
///
/// # Safety
/// No code may run from, and no reference may point into, `[addr, addr + len)` afterwards.
unsafe fn unmap_view(addr: u64, len: usize) {
    // SAFETY: the caller guarantees nothing uses the range any more.
    unsafe { libc::munmap(addr as *mut libc::c_void, len) };
}

impl CodeMemory {
    /// Reserves `reserve_bytes` (rounded up to whole pages) of code space.
    pub fn new(reserve_bytes: usize) -> Result<CodeMemory> {
        let size = reserve_bytes.max(1).next_multiple_of(PAGE);
        // SAFETY: memfd_create takes a NUL-terminated name and flags; nothing else.
        let fd = unsafe { libc::memfd_create(c"vcall-code".as_ptr(), libc::MFD_CLOEXEC) };
        if fd < 0 {
            return Err(DispatchError::last_os("memfd_create"));
        }
        let views = (|| {
            let len = libc::off_t::try_from(size).map_err(|_| DispatchError::Exhausted {
                requested: size,
                available: 0,
                reserved: 0,
            })?;
            // SAFETY: `fd` is the memfd just created and owned here.
            if unsafe { libc::ftruncate(fd, len) } != 0 {
                return Err(DispatchError::last_os("ftruncate"));
            }
            let write = map_view(fd, size, libc::PROT_READ | libc::PROT_WRITE)?;
            match map_view(fd, size, libc::PROT_READ | libc::PROT_EXEC) {
                Ok(exec) => Ok((write, exec)),
                Err(e) => {
                    // SAFETY: the writable view was just made and nothing refers to it yet.
                    unsafe { unmap_view(write, size) };
                    Err(e)
                }
            }
        })();
        // SAFETY: our own descriptor; the mappings keep the file alive without it.
        unsafe { libc::close(fd) };
        let (write_base, exec_base) = views?;
        Ok(CodeMemory {
            exec_base,
            write_base,
            size,
            cursor: Mutex::new(0),
            published: AtomicUsize::new(0),
        })
    }

    /// Start of the executable view.
    pub fn base(&self) -> u64 {
        self.exec_base
    }

    /// Bytes reserved.
    pub fn reserved_bytes(&self) -> usize {
        self.size
    }

    /// Bytes handed out so far, alignment padding included.
    pub fn used_bytes(&self) -> usize {
        self.published.load(Ordering::Acquire)
    }

    /// Whether `addr` lies in code emitted so far (executable-view address).
    pub fn contains(&self, addr: u64) -> bool {
        addr >= self.exec_base && addr - self.exec_base < self.used_bytes() as u64
    }

    /// The writable-view address of emitted code `[exec_addr, exec_addr + len)`.
    fn writable(&self, exec_addr: u64, len: usize) -> Result<u64> {
        let used = self.used_bytes() as u64;
        let off = exec_addr.wrapping_sub(self.exec_base);
        if exec_addr < self.exec_base || off > used || used - off < len as u64 {
            return Err(DispatchError::OutsideCodeMemory {
                addr: exec_addr,
                len,
            });
        }
        Ok(self.write_base + off)
    }

    /// Places code at the next `align`-aligned address. `assemble` receives that final
    /// executable address (so relocations resolve against it) and returns the bytes, which
    /// are copied in before `emit` returns the address.
    pub fn emit<E>(
        &self,
        align: usize,
        assemble: impl FnOnce(u64) -> Result<Vec<u8>, E>,
    ) -> Result<u64, E>
    where
        E: From<DispatchError>,
    {
        self.emit_with_phase(align, 0, assemble)
    }

    /// Like `emit`, but places the code so that its byte at offset `phase` is `align`-aligned:
    /// code entered past a skipped prefix (a frameless method past its prologue) still has an
    /// aligned entry point. The bytes may be borrowed (`&mut Vec<u8>`), so a caller can keep
    /// reusing one buffer.
    pub fn emit_with_phase<E, B>(
        &self,
        align: usize,
        phase: usize,
        assemble: impl FnOnce(u64) -> Result<B, E>,
    ) -> Result<u64, E>
    where
        E: From<DispatchError>,
        B: AsRef<[u8]>,
    {
        if !align.is_power_of_two() {
            return Err(DispatchError::BadAlignment(align).into());
        }
        let phase = phase % align;
        let mut cursor = self.cursor.lock().unwrap_or_else(|e| e.into_inner());
        let start = (*cursor + phase).next_multiple_of(align) - phase;
        if start > self.size {
            return Err(self.exhausted(align, start).into());
        }
        let addr = self.exec_base + start as u64;
        let bytes = assemble(addr)?;
        let bytes = bytes.as_ref();
        if bytes.len() > self.size - start {
            return Err(self.exhausted(bytes.len(), start).into());
        }
        self.prefault(*cursor, start + bytes.len());
        // SAFETY: [start, start + len) lies inside the writable view (checked above) and beyond
        // `published`, so no reader or patcher can be looking at it.
        unsafe {
            std::ptr::copy_nonoverlapping(
                bytes.as_ptr(),
                (self.write_base as usize + start) as *mut u8,
                bytes.len(),
            )
        };
        *cursor = start + bytes.len();
        // Release: whoever sees the new end (and so may run or read the code) sees its bytes.
        self.published.store(*cursor, Ordering::Release);
        Ok(addr)
    }

    fn exhausted(&self, requested: usize, start: usize) -> DispatchError {
        DispatchError::Exhausted {
            requested,
            available: self.size.saturating_sub(start),
            reserved: self.size,
        }
    }

    /// Populates the pages of both views ahead of use in 256 KiB steps, so emitting code does
    /// not take two page faults per fresh page.
    fn prefault(&self, old_end: usize, new_end: usize) {
        const STEP: usize = 256 << 10;
        let (from, to) = (old_end.div_ceil(STEP), new_end.div_ceil(STEP));
        // The first emit also populates the first step, which `div_ceil(0)` would skip.
        for step in from..to.max(from + usize::from(old_end == 0)) {
            let off = step * STEP;
            if off >= self.size {
                break;
            }
            let len = STEP.min(self.size - off);
            // SAFETY: advisory calls on ranges inside our own mappings; they change no contents,
            // and failure (older kernels) only means pages fault in lazily.
            unsafe {
                libc::madvise(
                    (self.write_base as usize + off) as *mut libc::c_void,
                    len,
                    libc::MADV_POPULATE_WRITE,
                );
                libc::madvise(
                    (self.exec_base as usize + off) as *mut libc::c_void,
                    len,
                    libc::MADV_POPULATE_READ,
                );
            }
        }
    }

    /// Atomically replaces an aligned 4-byte word of emitted code (a rel32 displacement).
    pub fn patch_u32(&self, exec_addr: u64, value: u32) -> Result<()> {
        if !exec_addr.is_multiple_of(4) {
            return Err(DispatchError::Misaligned {
                addr: exec_addr,
                align: 4,
            });
        }
        let w = self.writable(exec_addr, 4)?;
        // SAFETY: `w` is 4-byte aligned inside the published part of the writable view; the
        // executable view maps the same page, so running threads see the old or the new word.
        unsafe { (*(w as *const AtomicU32)).store(value, Ordering::Release) };
        Ok(())
    }

    /// Atomically replaces an aligned 8-byte word of emitted code (an imm64 or a data cell).
    pub fn patch_u64(&self, exec_addr: u64, value: u64) -> Result<()> {
        if !exec_addr.is_multiple_of(8) {
            return Err(DispatchError::Misaligned {
                addr: exec_addr,
                align: 8,
            });
        }
        let w = self.writable(exec_addr, 8)?;
        // SAFETY: as in `patch_u32`, with 8-byte alignment.
        unsafe { (*(w as *const AtomicU64)).store(value, Ordering::Release) };
        Ok(())
    }

    /// A copy of emitted code, for call-site decoding and disassembly. Empty if the range is
    /// not all emitted code; use [`CodeMemory::try_read`] to get the reason.
    pub fn read(&self, exec_addr: u64, len: usize) -> Vec<u8> {
        self.try_read(exec_addr, len).unwrap_or_default()
    }

    /// A copy of emitted code, or why the range cannot be read.
    pub fn try_read(&self, exec_addr: u64, len: usize) -> Result<Vec<u8>> {
        let w = self.writable(exec_addr, len)?;
        // Byte-wise atomic loads, because another thread may be patching these bytes.
        Ok((0..len)
            .map(|i| {
                // SAFETY: `w + i` lies inside the published part of the writable view, which
                // stays mapped for the life of `self`; AtomicU8 has the layout of u8.
                unsafe { (*((w as usize + i) as *const AtomicU8)).load(Ordering::Acquire) }
            })
            .collect())
    }
}

impl Drop for CodeMemory {
    fn drop(&mut self) {
        // SAFETY: `&mut self` means no handler is using this memory any more, and the owner
        // guarantees no code in it still runs (the runtime keeps its CodeMemory for the whole
        // process).
        unsafe {
            unmap_view(self.write_base, self.size);
            unmap_view(self.exec_base, self.size);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn views_share_bytes_and_emit_aligns() {
        let m = CodeMemory::new(1 << 20).unwrap();
        assert_ne!(m.base(), m.write_base);
        let a = m.emit::<DispatchError>(16, |_| Ok(vec![0x90; 12])).unwrap();
        assert_eq!(a % 16, 0);
        assert_eq!(m.read(a, 12), vec![0x90; 12]);
        let b = m.emit::<DispatchError>(1, |_| Ok(vec![0xc3])).unwrap();
        assert_eq!(b, a + 12);
        let c = m
            .emit::<DispatchError>(64, |at| Ok(at.to_le_bytes().to_vec()))
            .unwrap();
        assert_eq!(c % 64, 0);
        assert_eq!(
            m.read(c, 8),
            c.to_le_bytes(),
            "assembled for its final address"
        );
        assert_eq!(m.used_bytes() as u64, c + 8 - m.base());
        assert!(m.contains(a) && m.contains(c + 7) && !m.contains(c + 8));
        assert!(matches!(
            m.emit::<DispatchError>(3, |_| Ok(vec![])),
            Err(DispatchError::BadAlignment(3))
        ));
    }

    #[test]
    fn emit_with_phase_aligns_the_byte_at_the_phase() {
        let m = CodeMemory::new(1 << 20).unwrap();
        let first = m.emit::<DispatchError>(1, |_| Ok(vec![0xcc; 3])).unwrap();
        for phase in [0, 1, 11, 15, 16, 27] {
            let at = m
                .emit_with_phase::<DispatchError, _>(16, phase, |_| Ok(vec![0x90; 20]))
                .unwrap();
            assert_eq!((at + phase as u64) % 16, 0, "phase {phase}");
            assert!(at >= first + 3);
        }
        // Never more padding than one alignment step.
        let before = m.used_bytes();
        let at = m
            .emit_with_phase::<DispatchError, _>(16, 11, |_| Ok(vec![0x90]))
            .unwrap();
        assert!((at - m.base()) as usize - before < 16);
    }

    #[test]
    fn patches_are_aligned_and_bounded() {
        let m = CodeMemory::new(1 << 20).unwrap();
        let a = m.emit::<DispatchError>(16, |_| Ok(vec![0xcc; 16])).unwrap();
        m.patch_u32(a + 4, 0xdeadbeef).unwrap();
        assert_eq!(m.read(a + 4, 4), 0xdeadbeefu32.to_le_bytes());
        m.patch_u64(a + 8, 0x0123_4567_89ab_cdef).unwrap();
        assert_eq!(m.read(a + 8, 8), 0x0123_4567_89ab_cdefu64.to_le_bytes());
        assert!(matches!(
            m.patch_u32(a + 1, 0),
            Err(DispatchError::Misaligned { align: 4, .. })
        ));
        assert!(matches!(
            m.patch_u64(a + 4, 0),
            Err(DispatchError::Misaligned { align: 8, .. })
        ));
        // Beyond the emitted code, nothing can be patched or read.
        assert!(m.patch_u32(a + 16, 0).is_err());
        assert!(m.try_read(a + 12, 8).is_err());
        assert!(m.read(a - 8, 4).is_empty());
    }

    #[test]
    fn the_executable_view_runs_what_the_writable_view_received() {
        let m = CodeMemory::new(1 << 20).unwrap();
        // nop x3; mov eax, imm32; ret -- the imm32 starts at offset 4, so it can be patched.
        let f = m
            .emit::<DispatchError>(16, |_| Ok(vec![0x90, 0x90, 0x90, 0xB8, 7, 0, 0, 0, 0xC3]))
            .unwrap();
        // SAFETY: the bytes are a complete System V function returning eax.
        let call: extern "sysv64" fn() -> u32 = unsafe { std::mem::transmute(f as usize) };
        assert_eq!(call(), 7);
        m.patch_u32(f + 4, 9).unwrap();
        assert_eq!(call(), 9);
    }

    #[test]
    fn exhaustion_is_an_error_not_an_overrun() {
        let m = CodeMemory::new(PAGE).unwrap();
        assert_eq!(m.reserved_bytes(), PAGE);
        m.emit::<DispatchError>(1, |_| Ok(vec![0; PAGE - 8]))
            .unwrap();
        assert!(matches!(
            m.emit::<DispatchError>(1, |_| Ok(vec![0; 9])),
            Err(DispatchError::Exhausted {
                requested: 9,
                available: 8,
                ..
            })
        ));
        m.emit::<DispatchError>(1, |_| Ok(vec![0; 8])).unwrap();
        assert_eq!(m.used_bytes(), PAGE);
    }
}
