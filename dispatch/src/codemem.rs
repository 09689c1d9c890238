//! Executable memory: one region reserved up front from a memfd mapped twice, a read-write
//! view for writing and patching and a read-execute view for running, so no page is ever
//! writable and executable at once.

use crate::error::DispatchError;
use std::sync::atomic::{AtomicU32, AtomicU64, Ordering};
use std::sync::Mutex;

pub struct CodeMemory {
    /// Base of the read-execute view.
    exec_base: u64,
    /// Base of the read-write view of the same file.
    write_base: u64,
    size: usize,
    next: Mutex<usize>,
}

// SAFETY: the views are plain memory shared by address; all mutation of the allocation cursor
// is behind the Mutex and patches are atomic stores.
unsafe impl Send for CodeMemory {}
// SAFETY: as above.
unsafe impl Sync for CodeMemory {}

impl CodeMemory {
    /// Reserves `size` bytes of code space (sparse: pages cost nothing until written).
    pub fn new(size: usize) -> Result<CodeMemory, DispatchError> {
        let size = size.next_multiple_of(4096);
        let err = |what: &str| {
            DispatchError::CodeMemory(format!("{what}: {}", std::io::Error::last_os_error()))
        };
        // SAFETY: memfd_create with a NUL-terminated name has no other preconditions.
        let fd = unsafe { libc::memfd_create(c"vcall-code".as_ptr(), libc::MFD_CLOEXEC) };
        if fd < 0 {
            return Err(err("memfd_create"));
        }
        // SAFETY: `fd` is the memfd just created.
        if unsafe { libc::ftruncate(fd, size as libc::off_t) } != 0 {
            // SAFETY: closing our own descriptor.
            unsafe { libc::close(fd) };
            return Err(err("ftruncate"));
        }
        // SAFETY: mapping a valid fd of at least `size` bytes with no address hint.
        let write = unsafe {
            libc::mmap(
                std::ptr::null_mut(),
                size,
                libc::PROT_READ | libc::PROT_WRITE,
                libc::MAP_SHARED,
                fd,
                0,
            )
        };
        // SAFETY: as above; this view is never writable.
        let exec = unsafe {
            libc::mmap(
                std::ptr::null_mut(),
                size,
                libc::PROT_READ | libc::PROT_EXEC,
                libc::MAP_SHARED,
                fd,
                0,
            )
        };
        // SAFETY: the mappings keep the file alive; the descriptor is no longer needed.
        unsafe { libc::close(fd) };
        if write == libc::MAP_FAILED || exec == libc::MAP_FAILED {
            return Err(err("mmap"));
        }
        Ok(CodeMemory {
            exec_base: exec as u64,
            write_base: write as u64,
            size,
            next: Mutex::new(0),
        })
    }

    pub fn contains(&self, addr: u64) -> bool {
        addr >= self.exec_base && addr < self.exec_base + self.size as u64
    }

    pub fn used_bytes(&self) -> usize {
        *self.next.lock().unwrap_or_else(|e| e.into_inner())
    }

    pub fn base(&self) -> u64 {
        self.exec_base
    }

    fn writable(&self, exec_addr: u64) -> Result<u64, DispatchError> {
        if !self.contains(exec_addr) {
            return Err(DispatchError::OutsideCodeMemory(exec_addr));
        }
        Ok(self.write_base + (exec_addr - self.exec_base))
    }

    /// Places code at the next `align`-aligned address. `assemble` receives that final
    /// executable address (so relocations can be resolved) and returns the bytes.
    pub fn emit<E>(
        &self,
        align: usize,
        assemble: impl FnOnce(u64) -> Result<Vec<u8>, E>,
    ) -> Result<u64, E>
    where
        E: From<DispatchError>,
    {
        let mut next = self.next.lock().unwrap_or_else(|e| e.into_inner());
        let start = next.next_multiple_of(align.max(1));
        let addr = self.exec_base + start as u64;
        let bytes = assemble(addr)?;
        if start + bytes.len() > self.size {
            return Err(DispatchError::Exhausted {
                requested: bytes.len(),
                available: self.size.saturating_sub(start),
            }
            .into());
        }
        self.prefault(*next, start + bytes.len());
        let dst = self.write_base + start as u64;
        // SAFETY: [dst, dst+len) lies inside the writable view (checked above) and is not yet
        // handed out, so nothing else reads or writes it.
        unsafe { std::ptr::copy_nonoverlapping(bytes.as_ptr(), dst as *mut u8, bytes.len()) };
        *next = start + bytes.len();
        Ok(addr)
    }

    /// Populates the pages of both views ahead of use in 256 KiB steps, so emitting code does
    /// not take two page faults per fresh page.
    fn prefault(&self, old_end: usize, new_end: usize) {
        const STEP: usize = 256 << 10;
        let (from, to) = (old_end.div_ceil(STEP), new_end.div_ceil(STEP));
        for step in from..to.max(from + usize::from(old_end == 0)) {
            let off = step * STEP;
            if off >= self.size {
                break;
            }
            let len = STEP.min(self.size - off);
            // SAFETY: advisory calls on ranges inside our own mappings; failure (old kernels)
            // only means the pages fault in lazily as before.
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

    /// Atomically replaces an aligned 4-byte word of code (a rel32 displacement).
    pub fn patch_u32(&self, exec_addr: u64, value: u32) -> Result<(), DispatchError> {
        if exec_addr % 4 != 0 {
            return Err(DispatchError::Misaligned {
                addr: exec_addr,
                align: 4,
            });
        }
        let w = self.writable(exec_addr)?;
        // SAFETY: `w` is 4-byte aligned inside the writable view; executing threads read the
        // same physical page and see either the old or the new word.
        unsafe { (*(w as *const AtomicU32)).store(value, Ordering::Release) };
        Ok(())
    }

    /// Atomically replaces an aligned 8-byte word of code.
    pub fn patch_u64(&self, exec_addr: u64, value: u64) -> Result<(), DispatchError> {
        if exec_addr % 8 != 0 {
            return Err(DispatchError::Misaligned {
                addr: exec_addr,
                align: 8,
            });
        }
        let w = self.writable(exec_addr)?;
        // SAFETY: as for `patch_u32`, with 8-byte alignment.
        unsafe { (*(w as *const AtomicU64)).store(value, Ordering::Release) };
        Ok(())
    }

    /// A copy of emitted code, for call-site decoding and disassembly.
    pub fn read(&self, exec_addr: u64, len: usize) -> Vec<u8> {
        let end = exec_addr.saturating_add(len as u64);
        if !self.contains(exec_addr) || end > self.exec_base + self.size as u64 {
            return Vec::new();
        }
        let w = self.write_base + (exec_addr - self.exec_base);
        // SAFETY: the range lies inside the mapping; reading code bytes has no side effects.
        unsafe { std::slice::from_raw_parts(w as *const u8, len).to_vec() }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn views_share_bytes_and_patches_are_aligned() {
        let m = CodeMemory::new(1 << 20).unwrap();
        let a = m.emit::<DispatchError>(16, |_| Ok(vec![0x90; 12])).unwrap();
        assert_eq!(a % 16, 0);
        assert_eq!(m.read(a, 12), vec![0x90; 12]);
        m.patch_u32(a + 4, 0xdeadbeef).unwrap();
        assert_eq!(&m.read(a + 4, 4), &0xdeadbeefu32.to_le_bytes());
        assert!(m.patch_u32(a + 1, 0).is_err());
        assert!(m.patch_u64(a + 4, 0).is_err());
        let b = m.emit::<DispatchError>(1, |_| Ok(vec![0xc3])).unwrap();
        assert_eq!(b, a + 12);
    }
}
