//! The compact IL-to-native offset map kept for every compiled method (stack traces and
//! exception dispatch read it), encoded and decoded here together.
//!
//! The JIT records one `(IL offset, native offset)` pair per instruction. Kept as a plain
//! list that was 8 bytes an entry, most of a small method's unwind information, and fresh
//! memory the JIT touched for every method it compiled (page faults are a large part of
//! compiling here). Native offsets never decrease (the map is in emission order) and IL
//! offsets move by a few bytes, so each pair is two LEB128 numbers: the native delta, then
//! the zigzagged IL delta shifted left once with the sequence-point flag in bit 0. A pair
//! then usually takes two bytes.

use super::exceptions::SEQ_POINT;
use super::forever::ForeverBytes;

/// An encoded offset map; see the module comment.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct IlMap {
    bytes: &'static [u8],
}

fn put_leb(out: &mut Vec<u8>, mut v: u64) {
    while v >= 0x80 {
        out.push(v as u8 | 0x80);
        v >>= 7;
    }
    out.push(v as u8);
}

fn take_leb(bytes: &[u8], at: &mut usize) -> u64 {
    let mut v = 0u64;
    let mut shift = 0;
    while let Some(&b) = bytes.get(*at) {
        *at += 1;
        v |= u64::from(b & 0x7f) << shift;
        if b & 0x80 == 0 {
            break;
        }
        shift += 7;
    }
    v
}

/// Builds an `IlMap` pair by pair as the JIT emits instructions; reused (cleared, its
/// capacity kept) from one compilation to the next.
#[derive(Debug, Default)]
pub struct IlMapBuilder {
    bytes: Vec<u8>,
    il: i64,
    native: u32,
}

impl IlMapBuilder {
    /// Forgets the pairs pushed so far.
    pub fn clear(&mut self) {
        self.bytes.clear();
        self.il = 0;
        self.native = 0;
    }

    /// Records the instruction at IL offset `flagged` (possibly with `SEQ_POINT` set) whose
    /// code starts at native offset `native`, which must not be below the previous one's.
    pub fn push(&mut self, flagged: u32, native: u32) {
        debug_assert!(native >= self.native, "native offsets must not decrease");
        let off = i64::from(flagged & !SEQ_POINT);
        let delta = off - self.il;
        let zigzag = ((delta << 1) ^ (delta >> 63)) as u64;
        put_leb(&mut self.bytes, u64::from(native.wrapping_sub(self.native)));
        put_leb(
            &mut self.bytes,
            zigzag << 1 | u64::from(flagged & SEQ_POINT != 0),
        );
        self.il = off;
        self.native = native;
    }

    /// The map of the pairs pushed so far, copied into `store` at exactly its size.
    pub fn finish(&self, store: &ForeverBytes) -> IlMap {
        IlMap {
            bytes: store.alloc(&self.bytes),
        }
    }
}

impl IlMap {
    /// The pairs in recorded order, as `IlMapBuilder::push` took them.
    pub fn iter(&self) -> impl Iterator<Item = (u32, u32)> + '_ {
        let (mut at, mut il, mut native) = (0usize, 0i64, 0u32);
        std::iter::from_fn(move || {
            if at >= self.bytes.len() {
                return None;
            }
            native = native.wrapping_add(take_leb(&self.bytes, &mut at) as u32);
            let word = take_leb(&self.bytes, &mut at);
            let zigzag = word >> 1;
            il += ((zigzag >> 1) as i64) ^ -((zigzag & 1) as i64);
            let seq = if word & 1 != 0 { SEQ_POINT } else { 0 };
            Some((il as u32 | seq, native))
        })
    }

    /// The IL offset (flag cleared) of the last instruction starting at or before native
    /// offset `off`; 0 before the first.
    pub fn il_at(&self, off: u32) -> u32 {
        self.iter()
            .take_while(|&(_, n)| n <= off)
            .last()
            .map_or(0, |(il, _)| il & !SEQ_POINT)
    }

    /// The native offset of the first instruction recorded for IL offset `il`.
    pub fn native_of(&self, il: u32) -> Option<u32> {
        self.iter()
            .find(|&(i, _)| i & !SEQ_POINT == il)
            .map(|(_, n)| n)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn encode(pairs: &[(u32, u32)]) -> IlMap {
        let mut b = IlMapBuilder::default();
        for &(flagged, native) in pairs {
            b.push(flagged, native);
        }
        b.finish(&ForeverBytes::default())
    }

    #[test]
    fn round_trips_out_of_order_il_and_large_offsets() {
        let pairs = vec![
            (0 | SEQ_POINT, 0),
            (1, 3),
            (7, 3),
            (200 | SEQ_POINT, 10),
            (5, 400),
            (0x7fff_fff0, 100_000),
            (0 | SEQ_POINT, 4_000_000_000),
        ];
        let map = encode(&pairs);
        assert_eq!(map.iter().collect::<Vec<_>>(), pairs);
        assert_eq!(encode(&[]).iter().count(), 0);
    }

    #[test]
    fn typical_entries_take_two_bytes() {
        let pairs: Vec<(u32, u32)> = (0..100).map(|k| (k * 2, k * 5)).collect();
        let map = encode(&pairs);
        assert_eq!(map.bytes.len(), 200);
    }

    #[test]
    fn lookups_match_a_plain_scan() {
        let pairs = [
            (0 | SEQ_POINT, 0),
            (2, 4),
            (3, 9),
            (9 | SEQ_POINT, 9),
            (4, 20),
        ];
        let map = encode(&pairs);
        assert_eq!(map.il_at(0), 0);
        assert_eq!(map.il_at(5), 2);
        assert_eq!(map.il_at(9), 9);
        assert_eq!(map.il_at(1000), 4);
        assert_eq!(map.native_of(3), Some(9));
        assert_eq!(map.native_of(9), Some(9));
        assert_eq!(map.native_of(5), None);
    }
}
