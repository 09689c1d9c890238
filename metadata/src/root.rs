//! The metadata root (BSJB signature) and its stream headers (ECMA-335 II.24.2.1–2).

use crate::error::{MetadataError, Result};
use crate::reader::ByteReader;
use std::ops::Range;

/// File-offset ranges of the metadata streams.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Streams {
    pub version: String,
    /// `#~` (compressed) or `#-` (uncompressed, may contain pointer tables).
    pub tables: Option<Range<usize>>,
    pub tables_uncompressed: bool,
    pub strings: Option<Range<usize>>,
    pub user_strings: Option<Range<usize>>,
    pub guid: Option<Range<usize>>,
    pub blob: Option<Range<usize>>,
}

const METADATA_SIGNATURE: u32 = 0x424A_5342;

/// Parses the root found at `root_offset`, `root_size` bytes long.
pub fn parse_root(
    file: &str,
    bytes: &[u8],
    root_offset: usize,
    root_size: usize,
) -> Result<Streams> {
    let err = |message: String| MetadataError::Image {
        file: file.to_string(),
        message,
    };
    let root_end = root_offset
        .checked_add(root_size)
        .filter(|&e| e <= bytes.len())
        .ok_or_else(|| {
            err(format!(
                "metadata root 0x{root_offset:x}+0x{root_size:x} runs past the end of the file"
            ))
        })?;
    let root = &bytes[..root_end];
    let mut r = ByteReader::new(file, "metadata root", root, root_offset);
    let sig = r.u32()?;
    if sig != METADATA_SIGNATURE {
        return Err(err(format!("metadata root at file offset 0x{root_offset:x} has signature 0x{sig:08x}, expected BSJB")));
    }
    r.skip(2 + 2 + 4)?; // major, minor, reserved
    let version_len = r.u32()? as usize;
    if version_len > 255 {
        return Err(err(format!(
            "metadata version string length {version_len} exceeds 255"
        )));
    }
    let version_bytes = r.bytes(version_len)?;
    let version = String::from_utf8_lossy(version_bytes)
        .trim_end_matches('\0')
        .to_string();
    r.skip(2)?; // flags
    let count = r.u16()?;
    let mut streams = Streams {
        version,
        ..Default::default()
    };
    for _ in 0..count {
        let offset = r.u32()? as usize;
        let size = r.u32()? as usize;
        let mut name = Vec::new();
        loop {
            let b = r.u8()?;
            if b == 0 {
                break;
            }
            name.push(b);
            if name.len() > 32 {
                return Err(err("metadata stream name longer than 32 bytes".into()));
            }
        }
        // Names are NUL-padded to a 4-byte boundary, counted from the root.
        let consumed = name.len() + 1;
        r.skip((4 - consumed % 4) % 4)?;
        let start = root_offset + offset;
        let range = start..start + size;
        if offset > root_size || size > root_size - offset {
            return Err(err(format!(
                "stream {} at root+0x{offset:x} size 0x{size:x} runs past the metadata (0x{root_size:x} bytes)",
                String::from_utf8_lossy(&name)
            )));
        }
        match name.as_slice() {
            b"#~" => streams.tables = Some(range),
            b"#-" => {
                streams.tables = Some(range);
                streams.tables_uncompressed = true;
            }
            b"#Strings" => streams.strings = Some(range),
            b"#US" => streams.user_strings = Some(range),
            b"#GUID" => streams.guid = Some(range),
            b"#Blob" => streams.blob = Some(range),
            _ => {} // #Pdb, #JTD and unknown streams are ignored, as Mono does.
        }
    }
    Ok(streams)
}
