//! The `#Strings`, `#US`, `#GUID` and `#Blob` heaps, with bounds-checked index lookups.

use crate::error::{MetadataError, Result};

/// Decodes an ECMA-335 II.23.2 compressed unsigned integer, returning (value, bytes used).
pub fn decompress_u32(data: &[u8]) -> Option<(u32, usize)> {
    let b0 = *data.first()?;
    if b0 & 0x80 == 0 {
        Some((b0 as u32, 1))
    } else if b0 & 0xC0 == 0x80 {
        let b1 = *data.get(1)?;
        Some((((b0 as u32 & 0x3F) << 8) | b1 as u32, 2))
    } else if b0 & 0xE0 == 0xC0 {
        let b = data.get(1..4)?;
        Some((
            ((b0 as u32 & 0x1F) << 24) | ((b[0] as u32) << 16) | ((b[1] as u32) << 8) | b[2] as u32,
            4,
        ))
    } else {
        None
    }
}

/// The four heaps, borrowed views of the assembly bytes.
#[derive(Clone, Copy)]
pub struct Heaps<'a> {
    pub file: &'a str,
    pub strings: &'a [u8],
    pub user_strings: &'a [u8],
    pub guid: &'a [u8],
    pub blob: &'a [u8],
}

impl<'a> Heaps<'a> {
    fn bad(&self, heap: &'static str, index: u32, size: usize) -> MetadataError {
        MetadataError::HeapIndex {
            file: self.file.to_string(),
            heap,
            index,
            size,
        }
    }

    pub fn string(&self, index: u32) -> Result<&'a str> {
        let start = index as usize;
        if start >= self.strings.len() {
            if start == 0 {
                return Ok("");
            }
            return Err(self.bad("#Strings", index, self.strings.len()));
        }
        let tail = &self.strings[start..];
        let len = tail
            .iter()
            .position(|&b| b == 0)
            .ok_or_else(|| self.bad("#Strings", index, self.strings.len()))?;
        std::str::from_utf8(&tail[..len]).map_err(|_| MetadataError::Image {
            file: self.file.to_string(),
            message: format!("#Strings entry 0x{index:x} is not valid UTF-8"),
        })
    }

    pub fn blob(&self, index: u32) -> Result<&'a [u8]> {
        let start = index as usize;
        if start == 0 && self.blob.is_empty() {
            return Ok(&[]);
        }
        let tail = self
            .blob
            .get(start..)
            .ok_or_else(|| self.bad("#Blob", index, self.blob.len()))?;
        let (len, used) =
            decompress_u32(tail).ok_or_else(|| self.bad("#Blob", index, self.blob.len()))?;
        tail.get(used..used + len as usize)
            .ok_or_else(|| self.bad("#Blob", index, self.blob.len()))
    }

    /// GUID indices are 1-based; 0 means "no GUID".
    pub fn guid(&self, index: u32) -> Result<Option<[u8; 16]>> {
        if index == 0 {
            return Ok(None);
        }
        let start = (index as usize - 1) * 16;
        let b = self
            .guid
            .get(start..start + 16)
            .ok_or_else(|| self.bad("#GUID", index, self.guid.len()))?;
        let mut g = [0u8; 16];
        g.copy_from_slice(b);
        Ok(Some(g))
    }

    /// A `#US` literal as UTF-16 code units (the trailing flag byte dropped).
    pub fn user_string(&self, offset: u32) -> Result<Vec<u16>> {
        let tail = self
            .user_strings
            .get(offset as usize..)
            .ok_or_else(|| self.bad("#US", offset, self.user_strings.len()))?;
        let (len, used) =
            decompress_u32(tail).ok_or_else(|| self.bad("#US", offset, self.user_strings.len()))?;
        let body = tail
            .get(used..used + len as usize)
            .ok_or_else(|| self.bad("#US", offset, self.user_strings.len()))?;
        let units = body.len() / 2;
        Ok((0..units)
            .map(|i| u16::from_le_bytes([body[2 * i], body[2 * i + 1]]))
            .collect())
    }
}

/// Formats a GUID the way .NET prints it (`xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx`).
pub fn format_guid(g: &[u8; 16]) -> String {
    format!(
        "{:08x}-{:04x}-{:04x}-{:02x}{:02x}-{:02x}{:02x}{:02x}{:02x}{:02x}{:02x}",
        u32::from_le_bytes([g[0], g[1], g[2], g[3]]),
        u16::from_le_bytes([g[4], g[5]]),
        u16::from_le_bytes([g[6], g[7]]),
        g[8],
        g[9],
        g[10],
        g[11],
        g[12],
        g[13],
        g[14],
        g[15]
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn compressed_integers_follow_ecma_examples() {
        assert_eq!(decompress_u32(&[0x03]), Some((3, 1)));
        assert_eq!(decompress_u32(&[0x7F]), Some((0x7F, 1)));
        assert_eq!(decompress_u32(&[0x80, 0x80]), Some((0x80, 2)));
        assert_eq!(decompress_u32(&[0xAE, 0x57]), Some((0x2E57, 2)));
        assert_eq!(decompress_u32(&[0xBF, 0xFF]), Some((0x3FFF, 2)));
        assert_eq!(decompress_u32(&[0xC0, 0x00, 0x40, 0x00]), Some((0x4000, 4)));
        assert_eq!(
            decompress_u32(&[0xDF, 0xFF, 0xFF, 0xFF]),
            Some((0x1FFF_FFFF, 4))
        );
        assert_eq!(decompress_u32(&[0xC0, 0x00]), None);
        assert_eq!(decompress_u32(&[0xFF]), None);
    }

    #[test]
    fn heap_lookups_are_bounds_checked() {
        let h = Heaps {
            file: "t",
            strings: b"\0abc\0",
            user_strings: &[0, 5, b'h', 0, b'i', 0, 0],
            guid: &[1; 16],
            blob: &[0, 2, 9, 9],
        };
        assert_eq!(h.string(1).unwrap(), "abc");
        assert!(h.string(99).is_err());
        assert_eq!(h.blob(1).unwrap(), &[9, 9]);
        assert!(h.blob(2).is_err());
        assert_eq!(h.user_string(1).unwrap(), vec![b'h' as u16, b'i' as u16]);
        assert!(h.guid(2).is_err());
        assert!(h.guid(0).unwrap().is_none());
    }
}
