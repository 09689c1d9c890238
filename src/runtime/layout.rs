//! Object, string, array and vtable layout constants shared by the JIT and the runtime.

/// Offset of the vtable pointer in every object.
pub const OBJ_VTABLE: i32 = 0;
/// Offset of the sync word (reserved, like Mono's monitor pointer).
pub const OBJ_SYNC: i32 = 8;
/// Size of the object header; the first field or the boxed value starts here.
pub const OBJ_HEADER: i32 = 16;

/// `System.String`: int32 length, then UTF-16 code units, NUL terminated.
pub const STRING_LENGTH: i32 = 16;
pub const STRING_CHARS: i32 = 20;

/// Single-dimension arrays: int64 length, then the elements.
pub const ARRAY_LENGTH: i32 = 16;
pub const ARRAY_DATA: i32 = 24;

/// Multi-dimensional arrays: int64 total length at 16, then rank pairs of (length, lower bound) int32s
/// at 24, then the elements after the bounds, 8-aligned.
pub const MDARRAY_BOUNDS: i32 = 24;

/// The vtable header: the runtime class pointer, then the supertype display, Mono's
/// `supertypes`/`idepth` pair in one pointer: `[depth, element vtable (arrays; else 0),
/// vtable of the root class, ..., vtable of the class itself]` (depth = number of proper
/// superclasses), so JIT code tests "is a subclass of T" with one compare at T's depth and
/// an array store checks the element type without a call.
pub const VTABLE_CLASS: i32 = 0;
pub const VTABLE_SUPERTYPES: i32 = 8;
/// In the supertype display: the depth, the element vtable, then the supertypes.
pub const DISPLAY_DEPTH: i32 = 0;
pub const DISPLAY_ELEMENT: i32 = 8;
pub const DISPLAY_SUPERTYPES: i32 = 16;
pub const VTABLE_HEADER_BYTES: i32 = 16;

/// Displacement of virtual slot `slot` from the vtable pointer.
pub fn vtable_slot_offset(slot: u32) -> i32 {
    VTABLE_HEADER_BYTES + 8 * slot as i32
}

/// Displacement of IMT slot `slot` (of `imt_size`) from the vtable pointer: IMT slots sit
/// directly below the header, as in Mono.
pub fn imt_slot_offset(slot: u32, imt_size: u32) -> i32 {
    -8 * (imt_size as i32 - slot as i32)
}

/// Inverse of the two offset functions: what a call-site displacement addresses.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SlotRef {
    Virtual(u32),
    Imt(u32),
}

pub fn slot_from_displacement(disp: i32, imt_size: u32) -> Option<SlotRef> {
    if disp >= VTABLE_HEADER_BYTES && (disp - VTABLE_HEADER_BYTES) % 8 == 0 {
        Some(SlotRef::Virtual(((disp - VTABLE_HEADER_BYTES) / 8) as u32))
    } else if disp < 0 && disp % 8 == 0 && -disp / 8 <= imt_size as i32 {
        Some(SlotRef::Imt((imt_size as i32 + disp / 8) as u32))
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slot_offsets_round_trip() {
        for imt in [1u32, 19, 32] {
            for s in 0..imt {
                assert_eq!(
                    slot_from_displacement(imt_slot_offset(s, imt), imt),
                    Some(SlotRef::Imt(s))
                );
            }
            for s in 0..300 {
                assert_eq!(
                    slot_from_displacement(vtable_slot_offset(s), imt),
                    Some(SlotRef::Virtual(s))
                );
            }
        }
        assert_eq!(imt_slot_offset(0, 19), -152);
        assert_eq!(imt_slot_offset(18, 19), -8);
        assert_eq!(slot_from_displacement(8, 19), None);
    }
}
