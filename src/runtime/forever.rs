//! Storage for runtime records that live as long as the process (methods, compiled-code
//! infos and their IL maps): leaked blocks, so a record costs no allocation of its own and
//! is handed out as a plain `&'static` reference.

use std::cell::{OnceCell, RefCell};

/// Records per block: small enough that a short run wastes little, large enough that blocks
/// are rare next to the thousands of methods a run compiles.
const BLOCK: usize = 256;

/// A bump allocator of `T`s that are never freed.
pub struct Forever<T: 'static> {
    /// The current block and how many of its cells are taken.
    block: RefCell<(&'static [OnceCell<T>], usize)>,
}

impl<T: 'static> Default for Forever<T> {
    fn default() -> Self {
        Forever {
            block: RefCell::new((&[], 0)),
        }
    }
}

impl<T: 'static> Forever<T> {
    /// Places `value` for the rest of the process.
    pub fn alloc(&self, value: T) -> &'static T {
        let mut block = self.block.borrow_mut();
        if block.1 == block.0.len() {
            *block = (Box::leak((0..BLOCK).map(|_| OnceCell::new()).collect()), 0);
        }
        let cell: &'static OnceCell<T> = &block.0[block.1];
        block.1 += 1;
        // A fresh cell: `value` always goes in.
        cell.get_or_init(|| value)
    }
}

/// Bytes of a leaked block handed out front to back (IL maps): per-method byte strings cost
/// no allocation of their own either.
pub struct ForeverBytes {
    /// The block's part not handed out yet.
    rest: RefCell<&'static mut [u8]>,
}

/// Bytes per block. Strings over a quarter of it get a block of their own, so a block is
/// never mostly wasted.
const BYTES_BLOCK: usize = 64 << 10;

impl Default for ForeverBytes {
    fn default() -> Self {
        ForeverBytes {
            rest: RefCell::new(&mut []),
        }
    }
}

impl ForeverBytes {
    /// A copy of `bytes` for the rest of the process.
    pub fn alloc(&self, bytes: &[u8]) -> &'static [u8] {
        if bytes.len() > BYTES_BLOCK / 4 {
            return Box::leak(bytes.into());
        }
        let mut rest = self.rest.borrow_mut();
        if rest.len() < bytes.len() {
            *rest = Box::leak(vec![0u8; BYTES_BLOCK].into_boxed_slice());
        }
        let (head, tail) = std::mem::take(&mut *rest).split_at_mut(bytes.len());
        head.copy_from_slice(bytes);
        *rest = tail;
        head
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_stay_put_across_blocks() {
        let arena = Forever::default();
        let refs: Vec<&'static u64> = (0..BLOCK as u64 * 3 + 5).map(|i| arena.alloc(i)).collect();
        for (i, r) in refs.iter().enumerate() {
            assert_eq!(**r, i as u64);
        }
        // Neighbours within a block are adjacent cells, not separate allocations.
        let gap = refs[1] as *const u64 as usize - refs[0] as *const u64 as usize;
        assert_eq!(gap, std::mem::size_of::<OnceCell<u64>>());
    }

    #[test]
    fn byte_strings_keep_their_contents() {
        let store = ForeverBytes::default();
        let strings: Vec<Vec<u8>> = (0..2000u32)
            .map(|i| (0..(i * 37 % 300)).map(|k| (k ^ i) as u8).collect())
            .chain([vec![7u8; BYTES_BLOCK]])
            .collect();
        let copies: Vec<&'static [u8]> = strings.iter().map(|s| store.alloc(s)).collect();
        for (s, c) in strings.iter().zip(&copies) {
            assert_eq!(s.as_slice(), *c);
        }
    }
}
