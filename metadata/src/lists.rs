//! A ClassInfo's parts of varying size (names, reference bitmaps, vtable, interface methods,
//! interface maps, IMT plan): built in memory when computed, or read in place from a
//! validated AOT image record, and the byte encoding of their items, in both directions.
//!
//! An image's parts are not copied out when a record is decoded: the record is checked once,
//! then each item is read from the image's bytes when asked for, as Mono's AOT reads a vtable
//! slot's method only when that slot is first called. Copying them made every decoded class
//! about 700 bytes of fresh memory in four allocations, and first touches of fresh pages were
//! a third of decoding time.

use crate::class::{Bitmap, Imt, ImtEntry, InterfaceMap, SlotKind, TypeNames, VtableSlot};
use crate::loader::{AssemblyIdx, MethodKey, TypeKey};
use crate::token::RowIndex;
use std::sync::Arc;

/// Where encoded bytes go: a growing buffer (the section's head), nowhere (a record being
/// measured, `aot::Measure`), or a record's place in the section (`aot::Place`).
pub trait Sink {
    fn put(&mut self, b: &[u8]);
}

impl Sink for Vec<u8> {
    #[inline]
    fn put(&mut self, b: &[u8]) {
        self.extend_from_slice(b);
    }
}

/// Bytes of an encoded (assembly, row) key: dependency index (u16) and row (u32).
pub(crate) const KEY_BYTES: usize = 6;

/// Appends a key. The loader's AssemblyIdx is the dependency index, since an image's
/// dependency list is its loader's assembly list.
pub(crate) fn put_key(out: &mut impl Sink, assembly: AssemblyIdx, row: RowIndex) {
    out.put(&assembly.0.to_le_bytes());
    out.put(&row.0.to_le_bytes());
}

/// (dependency index, row) of the key at the start of `b` (at least KEY_BYTES long).
#[inline(always)]
pub(crate) fn key_parts(b: &[u8]) -> (usize, u32) {
    let dep = u16::from_le_bytes([b[0], b[1]]) as usize;
    let row = u32::from_le_bytes([b[2], b[3], b[4], b[5]]);
    (dep, row)
}

/// The loader's assembly of dependency `dep`. Keys are checked against the dependency list
/// when their record is decoded, so the fallback is never taken.
#[inline(always)]
fn assembly_of(dep: usize, deps: &[AssemblyIdx]) -> AssemblyIdx {
    deps.get(dep).copied().unwrap_or(AssemblyIdx(dep as u16))
}

fn u32_at(b: &[u8], at: usize) -> u32 {
    u32::from_le_bytes([b[at], b[at + 1], b[at + 2], b[at + 3]])
}

/// A list item of fixed encoded size.
pub trait Packed: Copy {
    const BYTES: usize;
    /// Reads an item from exactly `BYTES` bytes that decoding has validated.
    fn unpack(b: &[u8], deps: &[AssemblyIdx]) -> Self;
    fn pack(&self, out: &mut impl Sink);
}

impl Packed for u32 {
    const BYTES: usize = 4;
    #[inline(always)]
    fn unpack(b: &[u8], _: &[AssemblyIdx]) -> u32 {
        u32_at(b, 0)
    }
    fn pack(&self, out: &mut impl Sink) {
        out.put(&self.to_le_bytes());
    }
}

impl Packed for u64 {
    const BYTES: usize = 8;
    #[inline(always)]
    fn unpack(b: &[u8], _: &[AssemblyIdx]) -> u64 {
        u64::from_le_bytes([b[0], b[1], b[2], b[3], b[4], b[5], b[6], b[7]])
    }
    fn pack(&self, out: &mut impl Sink) {
        out.put(&self.to_le_bytes());
    }
}

impl Packed for MethodKey {
    const BYTES: usize = KEY_BYTES;
    #[inline(always)]
    fn unpack(b: &[u8], deps: &[AssemblyIdx]) -> MethodKey {
        let (dep, row) = key_parts(b);
        MethodKey {
            assembly: assembly_of(dep, deps),
            row: RowIndex(row),
        }
    }
    fn pack(&self, out: &mut impl Sink) {
        put_key(out, self.assembly, self.row);
    }
}

/// A vtable slot: the method's key, then kind (bits 0-1) and abstractness (bit 2).
impl Packed for VtableSlot {
    const BYTES: usize = KEY_BYTES + 1;
    #[inline(always)]
    fn unpack(b: &[u8], deps: &[AssemblyIdx]) -> VtableSlot {
        let bits = b[KEY_BYTES];
        VtableSlot {
            method: MethodKey::unpack(b, deps),
            kind: match bits & 3 {
                0 => SlotKind::NewSlot,
                1 => SlotKind::Override,
                _ => SlotKind::Inherited,
            },
            is_abstract: bits & 4 != 0,
        }
    }
    fn pack(&self, out: &mut impl Sink) {
        self.method.pack(out);
        let kind = match self.kind {
            SlotKind::NewSlot => 0,
            SlotKind::Override => 1,
            SlotKind::Inherited => 2,
        };
        out.put(&[kind | (self.is_abstract as u8) << 2]);
    }
}

/// Whether a vtable slot's flag byte is one `VtableSlot::pack` writes: `Err(true)` for a bad
/// kind, `Err(false)` for bits beyond the three used.
#[inline(always)]
pub(crate) fn check_slot_bits(bits: u8) -> Result<(), bool> {
    if bits & 3 == 3 {
        Err(true)
    } else if bits > 7 {
        Err(false)
    } else {
        Ok(())
    }
}

/// An IMT entry: bucket, interface method, vtable slot.
impl Packed for ImtEntry {
    const BYTES: usize = 4 + KEY_BYTES + 4;
    #[inline(always)]
    fn unpack(b: &[u8], deps: &[AssemblyIdx]) -> ImtEntry {
        ImtEntry {
            bucket: u32_at(b, 0),
            interface_method: MethodKey::unpack(&b[4..], deps),
            vtable_slot: u32_at(b, 4 + KEY_BYTES),
        }
    }
    fn pack(&self, out: &mut impl Sink) {
        self.bucket.pack(out);
        self.interface_method.pack(out);
        self.vtable_slot.pack(out);
    }
}

/// Bytes of an interface map's head: the interface's key and its slot count (the slots, u32
/// each, follow).
pub(crate) const INTERFACE_HEAD_BYTES: usize = KEY_BYTES + 4;

/// Appends an interface map: head, then its slots.
pub(crate) fn pack_interface(m: InterfaceRef<'_>, out: &mut impl Sink) {
    put_key(out, m.interface.assembly, m.interface.row);
    (m.slots.len() as u32).pack(out);
    for s in m.slots {
        s.pack(out);
    }
}

/// A list of `T`: a slice, or items packed in an image record.
#[derive(Clone, Copy)]
pub struct List<'a, T> {
    items: Items<'a, T>,
}

#[derive(Clone, Copy)]
enum Items<'a, T> {
    Built(&'a [T]),
    /// Exactly `len * T::BYTES` bytes.
    Packed {
        bytes: &'a [u8],
        deps: &'a [AssemblyIdx],
    },
}

impl<'a, T: Packed> List<'a, T> {
    pub fn built(items: &'a [T]) -> List<'a, T> {
        List {
            items: Items::Built(items),
        }
    }
    /// Items in `bytes`, which decoding checked item by item (a partial item at the end is
    /// not part of the list).
    pub(crate) fn packed(bytes: &'a [u8], deps: &'a [AssemblyIdx]) -> List<'a, T> {
        let whole = bytes.len() / T::BYTES * T::BYTES;
        List {
            items: Items::Packed {
                bytes: &bytes[..whole],
                deps,
            },
        }
    }
    #[inline]
    pub fn len(&self) -> usize {
        match self.items {
            Items::Built(s) => s.len(),
            Items::Packed { bytes, .. } => bytes.len() / T::BYTES,
        }
    }
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
    #[inline]
    pub fn get(&self, i: usize) -> Option<T> {
        match self.items {
            Items::Built(s) => s.get(i).copied(),
            Items::Packed { bytes, deps } => {
                let at = i.checked_mul(T::BYTES)?;
                let b = bytes.get(at..at + T::BYTES)?;
                Some(T::unpack(b, deps))
            }
        }
    }
    /// Items `start..end` (clamped to the list).
    pub fn slice(&self, start: usize, end: usize) -> List<'a, T> {
        let end = end.min(self.len());
        let start = start.min(end);
        List {
            items: match self.items {
                Items::Built(s) => Items::Built(&s[start..end]),
                Items::Packed { bytes, deps } => Items::Packed {
                    bytes: &bytes[start * T::BYTES..end * T::BYTES],
                    deps,
                },
            },
        }
    }
    pub fn iter(&self) -> ListIter<'a, T> {
        ListIter {
            list: *self,
            front: 0,
            back: self.len(),
        }
    }
    pub fn to_vec(&self) -> Vec<T> {
        match self.items {
            Items::Built(s) => s.to_vec(),
            Items::Packed { .. } => self.iter().collect(),
        }
    }
    /// The first index in the list for which `pred` is false, all items before it making it
    /// true (as `slice::partition_point`).
    fn partition_point(&self, pred: impl Fn(&T) -> bool) -> usize {
        let (mut lo, mut hi) = (0, self.len());
        while lo < hi {
            let mid = lo + (hi - lo) / 2;
            match self.get(mid) {
                Some(x) if pred(&x) => lo = mid + 1,
                _ => hi = mid,
            }
        }
        lo
    }
}

impl<'a> List<'a, u64> {
    /// A bitmap's set bits, in order, as indices (bit `b` of word `w` is `64 * w + b`): the
    /// words a reference bitmap marks.
    pub fn set_bits(self) -> impl Iterator<Item = u32> + 'a {
        self.iter().enumerate().flat_map(|(w, bits)| {
            (0..64u32)
                .filter(move |b| bits & (1u64 << b) != 0)
                .map(move |b| w as u32 * 64 + b)
        })
    }
}

impl<'a, T: Packed> IntoIterator for List<'a, T> {
    type Item = T;
    type IntoIter = ListIter<'a, T>;
    fn into_iter(self) -> ListIter<'a, T> {
        self.iter()
    }
}

impl<T: Packed + PartialEq> PartialEq for List<'_, T> {
    fn eq(&self, other: &Self) -> bool {
        self.len() == other.len() && self.iter().eq(other.iter())
    }
}

impl<T: Packed + std::fmt::Debug> std::fmt::Debug for List<'_, T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_list().entries(self.iter()).finish()
    }
}

/// Iterates a `List` by value, from either end.
#[derive(Clone)]
pub struct ListIter<'a, T> {
    list: List<'a, T>,
    front: usize,
    back: usize,
}

impl<T: Packed> Iterator for ListIter<'_, T> {
    type Item = T;
    #[inline]
    fn next(&mut self) -> Option<T> {
        if self.front == self.back {
            return None;
        }
        self.front += 1;
        self.list.get(self.front - 1)
    }
    fn size_hint(&self) -> (usize, Option<usize>) {
        let n = self.back - self.front;
        (n, Some(n))
    }
}

impl<T: Packed> DoubleEndedIterator for ListIter<'_, T> {
    fn next_back(&mut self) -> Option<T> {
        if self.front == self.back {
            return None;
        }
        self.back -= 1;
        self.list.get(self.back)
    }
}

impl<T: Packed> ExactSizeIterator for ListIter<'_, T> {}

/// One interface's map, as handed out: the interface, and for each of its methods in
/// declaration order the implementing vtable slot (`u32::MAX` for none).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct InterfaceRef<'a> {
    pub interface: TypeKey,
    pub slots: List<'a, u32>,
}

/// A class's interface maps.
#[derive(Clone, Copy)]
pub struct Interfaces<'a> {
    maps: Maps<'a>,
}

#[derive(Clone, Copy)]
enum Maps<'a> {
    Built(&'a [InterfaceMap]),
    /// `count` maps, each a head and its slots, one after the other.
    Packed {
        bytes: &'a [u8],
        count: u32,
        deps: &'a [AssemblyIdx],
    },
}

impl<'a> Interfaces<'a> {
    pub fn built(maps: &'a [InterfaceMap]) -> Interfaces<'a> {
        Interfaces {
            maps: Maps::Built(maps),
        }
    }
    pub fn len(&self) -> usize {
        match self.maps {
            Maps::Built(m) => m.len(),
            Maps::Packed { count, .. } => count as usize,
        }
    }
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
    pub fn iter(&self) -> InterfacesIter<'a> {
        InterfacesIter {
            maps: self.maps,
            next: 0,
            at: 0,
        }
    }
    /// The map of `iface`, if the class implements it.
    pub fn find(&self, iface: TypeKey) -> Option<InterfaceRef<'a>> {
        self.iter().find(|m| m.interface == iface)
    }
}

impl<'a> IntoIterator for Interfaces<'a> {
    type Item = InterfaceRef<'a>;
    type IntoIter = InterfacesIter<'a>;
    fn into_iter(self) -> InterfacesIter<'a> {
        self.iter()
    }
}

impl PartialEq for Interfaces<'_> {
    fn eq(&self, other: &Self) -> bool {
        self.len() == other.len() && self.iter().eq(other.iter())
    }
}

impl std::fmt::Debug for Interfaces<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_list().entries(self.iter()).finish()
    }
}

pub struct InterfacesIter<'a> {
    maps: Maps<'a>,
    /// Index of the next map.
    next: usize,
    /// Packed: byte position of the next map.
    at: usize,
}

impl<'a> Iterator for InterfacesIter<'a> {
    type Item = InterfaceRef<'a>;
    fn next(&mut self) -> Option<InterfaceRef<'a>> {
        match self.maps {
            Maps::Built(m) => {
                let m = m.get(self.next)?;
                self.next += 1;
                Some(InterfaceRef {
                    interface: m.interface,
                    slots: List::built(&m.slots),
                })
            }
            Maps::Packed { bytes, count, deps } => {
                if self.next >= count as usize {
                    return None;
                }
                let head = bytes.get(self.at..self.at + INTERFACE_HEAD_BYTES)?;
                let (dep, row) = key_parts(head);
                let n = u32_at(head, KEY_BYTES) as usize;
                let start = self.at + INTERFACE_HEAD_BYTES;
                let slots = bytes.get(start..start.checked_add(n.checked_mul(4)?)?)?;
                self.at = start + slots.len();
                self.next += 1;
                Some(InterfaceRef {
                    interface: TypeKey {
                        assembly: assembly_of(dep, deps),
                        row: RowIndex(row),
                    },
                    slots: List::packed(slots, deps),
                })
            }
        }
    }
}

/// A class's IMT plan: `size` buckets (none when the class implements no interface, as in
/// Mono), their entries sorted by bucket (stably: within a bucket, in interface-map order).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ImtPlan<'a> {
    pub size: u32,
    pub entries: List<'a, ImtEntry>,
}

impl<'a> ImtPlan<'a> {
    pub fn is_empty(&self) -> bool {
        self.size == 0
    }
    /// The entries of one bucket (none beyond `size`).
    pub fn bucket(&self, b: u32) -> List<'a, ImtEntry> {
        let start = self.entries.partition_point(|e| e.bucket < b);
        let rest = self.entries.slice(start, self.entries.len());
        let end = start + rest.partition_point(|e| e.bucket == b);
        self.entries.slice(start, end)
    }
    /// Every bucket in order, empty ones included.
    pub fn buckets(&self) -> impl Iterator<Item = List<'a, ImtEntry>> + '_ {
        (0..self.size).map(|b| self.bucket(b))
    }
}

/// An image file's bytes, which packed data is read from, and the loader's assembly for
/// each of its dependency indices.
pub struct ImageBytes {
    pub(crate) data: Vec<u8>,
    pub(crate) deps: Box<[AssemblyIdx]>,
}

impl ImageBytes {
    /// The u32 at `at`; 0 past the end (never, for positions a decoded record vouches for).
    #[inline(always)]
    fn u32_at(&self, at: usize) -> u32 {
        match self.data.get(at..at.wrapping_add(4)) {
            Some(b) => u32_at(b, 0),
            None => 0,
        }
    }
    /// The `count * item` bytes after the u32 count at `at`, and where they end.
    #[inline(always)]
    fn counted(&self, at: usize, item: usize) -> (&[u8], usize) {
        let start = at + 4;
        let end = start + self.u32_at(at) as usize * item;
        (self.data.get(start..end).unwrap_or(&[]), end)
    }
}

/// A ClassInfo's names, reference bitmaps and lists: built in memory, or left in the record
/// of a validated image. They are the parts of a class whose size varies; keeping them behind
/// one pointer (computed) or one image reference and three positions (decoded) keeps every
/// ClassInfo 112 bytes, and a decoded one needs no memory beyond that.
#[derive(Clone)]
pub enum ClassData {
    Built(Box<BuiltData>),
    Packed(PackedData),
}

/// Names, bitmaps and lists computed from metadata.
#[derive(Clone, Debug, Default)]
pub struct BuiltData {
    pub names: TypeNames,
    /// One bit per 8-byte word of the instance that holds a reference.
    pub ref_bitmap: Bitmap,
    pub static_ref_bitmap: Bitmap,
    pub vtable: Box<[VtableSlot]>,
    /// For interfaces: their methods in slot order (the interface's own "vtable").
    pub interface_methods: Box<[MethodKey]>,
    pub interfaces: Box<[InterfaceMap]>,
    pub imt: Imt,
}

/// A validated image record's names, bitmaps and lists, read where they lie. The record
/// holds them in a fixed order, each prefixed by its length or count: the three names at
/// `record`; from `bitmaps` the two reference bitmaps, the vtable, the interface methods and
/// the interface maps, which end where the IMT plan starts, at `imt`. Decoding checked every
/// one of them, so each part is found from the one before.
#[derive(Clone)]
pub struct PackedData {
    pub(crate) image: Arc<ImageBytes>,
    pub(crate) record: u32,
    pub(crate) bitmaps: u32,
    pub(crate) imt: u32,
}

/// Where a packed record's parts from `bitmaps` on lie.
struct PackedParts<'a> {
    ref_bitmap: &'a [u8],
    static_ref_bitmap: &'a [u8],
    vtable: &'a [u8],
    interface_methods: &'a [u8],
    /// The interface-map count's position.
    interfaces: usize,
}

impl PackedData {
    fn name_part(&self, i: usize) -> &str {
        let mut at = self.record as usize;
        for _ in 0..i {
            at += 4 + self.image.u32_at(at) as usize;
        }
        // Checked to be UTF-8 when the record was decoded; the bytes never change.
        std::str::from_utf8(self.image.counted(at, 1).0).unwrap_or("")
    }
    #[inline]
    fn parts(&self) -> PackedParts<'_> {
        let img = &*self.image;
        let (ref_bitmap, at) = img.counted(self.bitmaps as usize, 8);
        let (static_ref_bitmap, at) = img.counted(at, 8);
        let (vtable, at) = img.counted(at, VtableSlot::BYTES);
        let (interface_methods, interfaces) = img.counted(at, MethodKey::BYTES);
        PackedParts {
            ref_bitmap,
            static_ref_bitmap,
            vtable,
            interface_methods,
            interfaces,
        }
    }
    fn list<'a, T: Packed>(&'a self, bytes: &'a [u8]) -> List<'a, T> {
        List::packed(bytes, &self.image.deps)
    }
}

impl ClassData {
    pub fn built(data: BuiltData) -> ClassData {
        ClassData::Built(Box::new(data))
    }
    fn name_part(&self, i: usize) -> &str {
        match self {
            ClassData::Built(b) => b.names.part(i),
            ClassData::Packed(p) => p.name_part(i),
        }
    }
    pub fn full_name(&self) -> &str {
        self.name_part(0)
    }
    pub fn namespace(&self) -> &str {
        self.name_part(1)
    }
    pub fn name(&self) -> &str {
        self.name_part(2)
    }
    pub fn ref_bitmap(&self) -> List<'_, u64> {
        match self {
            ClassData::Built(b) => List::built(&b.ref_bitmap),
            ClassData::Packed(p) => p.list(p.parts().ref_bitmap),
        }
    }
    pub fn static_ref_bitmap(&self) -> List<'_, u64> {
        match self {
            ClassData::Built(b) => List::built(&b.static_ref_bitmap),
            ClassData::Packed(p) => p.list(p.parts().static_ref_bitmap),
        }
    }
    pub fn vtable(&self) -> List<'_, VtableSlot> {
        match self {
            ClassData::Built(b) => List::built(&b.vtable),
            ClassData::Packed(p) => p.list(p.parts().vtable),
        }
    }
    pub fn interface_methods(&self) -> List<'_, MethodKey> {
        match self {
            ClassData::Built(b) => List::built(&b.interface_methods),
            ClassData::Packed(p) => p.list(p.parts().interface_methods),
        }
    }
    pub fn interfaces(&self) -> Interfaces<'_> {
        match self {
            ClassData::Built(b) => Interfaces::built(&b.interfaces),
            ClassData::Packed(p) => {
                let at = p.parts().interfaces;
                Interfaces {
                    maps: Maps::Packed {
                        bytes: p.image.data.get(at + 4..p.imt as usize).unwrap_or(&[]),
                        count: p.image.u32_at(at),
                        deps: &p.image.deps,
                    },
                }
            }
        }
    }
    pub fn imt(&self) -> ImtPlan<'_> {
        match self {
            ClassData::Built(b) => ImtPlan {
                size: b.imt.size,
                entries: List::built(&b.imt.entries),
            },
            ClassData::Packed(p) => ImtPlan {
                size: p.image.u32_at(p.imt as usize),
                entries: p.list(p.image.counted(p.imt as usize + 4, ImtEntry::BYTES).0),
            },
        }
    }
    /// The data as built, copied out of the image if it was packed (for code that changes a
    /// ClassInfo: the class builder, and tests that forge records).
    pub fn built_mut(&mut self) -> &mut BuiltData {
        if let ClassData::Packed(_) = self {
            *self = ClassData::built(BuiltData {
                names: TypeNames::new(self.full_name(), self.namespace(), self.name()),
                ref_bitmap: self.ref_bitmap().iter().collect(),
                static_ref_bitmap: self.static_ref_bitmap().iter().collect(),
                vtable: self.vtable().to_vec().into(),
                interface_methods: self.interface_methods().to_vec().into(),
                interfaces: self
                    .interfaces()
                    .iter()
                    .map(|m| InterfaceMap {
                        interface: m.interface,
                        slots: m.slots.iter().collect(),
                    })
                    .collect(),
                imt: Imt {
                    size: self.imt().size,
                    entries: self.imt().entries.to_vec().into(),
                },
            });
        }
        match self {
            ClassData::Built(b) => b,
            ClassData::Packed(_) => unreachable!("converted above"),
        }
    }
}

impl Default for ClassData {
    fn default() -> ClassData {
        ClassData::built(BuiltData::default())
    }
}

/// Equal when they hold the same names and items, however stored (an image's data equals
/// the computed data it was written from).
impl PartialEq for ClassData {
    fn eq(&self, other: &Self) -> bool {
        (0..3).all(|i| self.name_part(i) == other.name_part(i))
            && self.ref_bitmap() == other.ref_bitmap()
            && self.static_ref_bitmap() == other.static_ref_bitmap()
            && self.vtable() == other.vtable()
            && self.interface_methods() == other.interface_methods()
            && self.interfaces() == other.interfaces()
            && self.imt() == other.imt()
    }
}

impl Eq for ClassData {}

impl std::fmt::Debug for ClassData {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ClassData")
            .field("full_name", &self.full_name())
            .field("namespace", &self.namespace())
            .field("name", &self.name())
            .field("ref_bitmap", &self.ref_bitmap())
            .field("static_ref_bitmap", &self.static_ref_bitmap())
            .field("vtable", &self.vtable())
            .field("interface_methods", &self.interface_methods())
            .field("interfaces", &self.interfaces())
            .field("imt", &self.imt())
            .finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn round_trip<T: Packed + PartialEq + std::fmt::Debug>(items: &[T]) {
        let mut bytes = Vec::new();
        for i in items {
            i.pack(&mut bytes);
        }
        assert_eq!(bytes.len(), items.len() * T::BYTES);
        // Dependency i is loader assembly i, as in an image its own loader wrote.
        let deps: Vec<AssemblyIdx> = (0..4).map(AssemblyIdx).collect();
        let packed = List::<T>::packed(&bytes, &deps);
        assert_eq!(packed, List::built(items));
        assert_eq!(packed.iter().rev().collect::<Vec<_>>(), {
            let mut v = items.to_vec();
            v.reverse();
            v
        });
    }

    fn method(a: u16, row: u32) -> MethodKey {
        MethodKey {
            assembly: AssemblyIdx(a),
            row: RowIndex(row),
        }
    }

    #[test]
    fn items_round_trip() {
        round_trip(&[0u32, 7, u32::MAX]);
        round_trip(&[method(0, 1), method(3, 0x0102_0304)]);
        let slots: Vec<VtableSlot> = [SlotKind::NewSlot, SlotKind::Override, SlotKind::Inherited]
            .into_iter()
            .enumerate()
            .map(|(i, kind)| VtableSlot {
                method: method(i as u16, 40 + i as u32),
                kind,
                is_abstract: i == 1,
            })
            .collect();
        round_trip(&slots);
        for s in &slots {
            let mut b = Vec::new();
            s.pack(&mut b);
            assert_eq!(check_slot_bits(b[KEY_BYTES]), Ok(()));
        }
        round_trip(&[ImtEntry {
            bucket: 18,
            interface_method: method(2, 9),
            vtable_slot: 5,
        }]);
    }

    #[test]
    fn set_bits_are_word_indices_in_order() {
        let words = [0b1001u64, 0, 1 << 63];
        let bits: Vec<u32> = List::built(&words).set_bits().collect();
        assert_eq!(bits, [0, 3, 191]);
        let mut bytes = Vec::new();
        for w in words {
            w.pack(&mut bytes);
        }
        assert!(List::<u64>::packed(&bytes, &[]).set_bits().eq(bits));
    }

    #[test]
    fn slot_bits_outside_the_encoding_are_refused() {
        assert_eq!(check_slot_bits(3), Err(true));
        assert_eq!(check_slot_bits(8), Err(false));
    }

    #[test]
    fn interface_maps_and_imt_buckets_read_in_place() {
        let maps = vec![
            InterfaceMap {
                interface: TypeKey {
                    assembly: AssemblyIdx(1),
                    row: RowIndex(3),
                },
                slots: [4, u32::MAX].into_iter().collect(),
            },
            InterfaceMap {
                interface: TypeKey {
                    assembly: AssemblyIdx(0),
                    row: RowIndex(9),
                },
                slots: Default::default(),
            },
        ];
        let mut bytes = Vec::new();
        for m in Interfaces::built(&maps) {
            pack_interface(m, &mut bytes);
        }
        let deps = [AssemblyIdx(0), AssemblyIdx(1)];
        let packed = Interfaces {
            maps: Maps::Packed {
                bytes: &bytes,
                count: 2,
                deps: &deps,
            },
        };
        assert_eq!(packed, Interfaces::built(&maps));
        assert_eq!(packed.find(maps[1].interface).unwrap().slots.len(), 0);

        let entries: Vec<ImtEntry> = [(0, 1), (2, 2), (2, 3), (5, 4)]
            .into_iter()
            .map(|(bucket, slot)| ImtEntry {
                bucket,
                interface_method: method(0, slot),
                vtable_slot: slot,
            })
            .collect();
        let mut bytes = Vec::new();
        for e in &entries {
            e.pack(&mut bytes);
        }
        let plan = ImtPlan {
            size: 6,
            entries: List::packed(&bytes, &deps),
        };
        let sizes: Vec<usize> = plan.buckets().map(|b| b.len()).collect();
        assert_eq!(sizes, [1, 0, 2, 0, 0, 1]);
        assert_eq!(plan.bucket(2).get(1).unwrap().vtable_slot, 3);
        assert!(plan.bucket(6).is_empty());
    }
}
