//! PE/COFF container: finds the CLI (COR20) header and the metadata root by RVA.
//!
//! goblin parses the PE headers and section table; the CLI parts are read here because
//! goblin's `ClrData::sections()` and `mvid()` read from file offset 0 and return garbage.

use crate::error::{MetadataError, Result};
use crate::reader::ByteReader;

/// One section's mapping from RVA space to file offsets.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SectionMap {
    pub name: String,
    pub virtual_address: u32,
    pub virtual_size: u32,
    pub raw_offset: u32,
    pub raw_size: u32,
}

/// The fields of the CLI header (ECMA-335 II.25.3.3) that a runtime needs.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CliHeader {
    pub runtime_major: u16,
    pub runtime_minor: u16,
    pub metadata_rva: u32,
    pub metadata_size: u32,
    pub flags: u32,
    pub entry_point_token: u32,
    pub resources_rva: u32,
    pub resources_size: u32,
}

impl CliHeader {
    /// COMIMAGE_FLAGS_NATIVE_ENTRYPOINT: the entry point is an RVA, not a token.
    pub const NATIVE_ENTRY_POINT: u32 = 0x10;
}

/// The parts of a PE image a CLI loader needs: sections and the CLI header.
#[derive(Clone, Debug)]
pub struct PeImage {
    pub sections: Vec<SectionMap>,
    pub cli: CliHeader,
    pub is_pe32_plus: bool,
}

impl PeImage {
    pub fn parse(file: &str, bytes: &[u8]) -> Result<PeImage> {
        let image_err = |message: String| MetadataError::Image {
            file: file.to_string(),
            message,
        };
        if bytes.len() < 2 || &bytes[0..2] != b"MZ" {
            return Err(image_err("not a PE file (no MZ signature)".into()));
        }
        // goblin reports a short file as "type is too big (2) for 0": say which header is
        // cut off, and where, before handing it the bytes.
        let need = |what: &'static str, offset: usize, needed: usize| {
            if offset.saturating_add(needed) > bytes.len() {
                Err(MetadataError::Truncated {
                    file: file.to_string(),
                    what,
                    offset,
                    needed,
                    available: bytes.len().saturating_sub(offset),
                })
            } else {
                Ok(())
            }
        };
        need("DOS header", 0, 64)?;
        let pe = u32::from_le_bytes([bytes[0x3c], bytes[0x3d], bytes[0x3e], bytes[0x3f]]) as usize;
        need("PE signature and COFF header", pe, 24)?;
        if &bytes[pe..pe + 4] != b"PE\0\0" {
            return Err(image_err(format!(
                "no PE signature at offset 0x{pe:x} (from e_lfanew): found {:02x?}",
                &bytes[pe..pe + 4]
            )));
        }
        let optional_size = u16::from_le_bytes([bytes[pe + 20], bytes[pe + 21]]) as usize;
        need("PE optional header", pe + 24, optional_size)?;
        let header = goblin::pe::header::Header::parse(bytes)
            .map_err(|e| image_err(format!("malformed PE headers: {e}")))?;
        let optional = header
            .optional_header
            .ok_or_else(|| image_err("PE file has no optional header, so no CLI header".into()))?;
        let cli_dir = optional
            .data_directories
            .get_clr_runtime_header()
            .filter(|d| d.virtual_address != 0)
            .ok_or_else(|| image_err("PE file has no CLI header: not a .NET assembly".into()))?;
        let sections = parse_sections(file, bytes, &header)?;
        let mut image = PeImage {
            sections,
            cli: CliHeader {
                runtime_major: 0,
                runtime_minor: 0,
                metadata_rva: 0,
                metadata_size: 0,
                flags: 0,
                entry_point_token: 0,
                resources_rva: 0,
                resources_size: 0,
            },
            is_pe32_plus: optional.standard_fields.magic == goblin::pe::optional_header::MAGIC_64,
        };
        let cli_offset = image.rva_to_offset(file, cli_dir.virtual_address, 72, "CLI header")?;
        let mut r = ByteReader::new(file, "CLI header", bytes, cli_offset);
        let cb = r.u32()?;
        if cb < 72 {
            return Err(image_err(format!(
                "CLI header size {cb} is smaller than 72 bytes"
            )));
        }
        image.cli.runtime_major = r.u16()?;
        image.cli.runtime_minor = r.u16()?;
        image.cli.metadata_rva = r.u32()?;
        image.cli.metadata_size = r.u32()?;
        image.cli.flags = r.u32()?;
        image.cli.entry_point_token = r.u32()?;
        image.cli.resources_rva = r.u32()?;
        image.cli.resources_size = r.u32()?;
        Ok(image)
    }

    /// Maps `len` bytes at `rva` to a file offset, checking they lie inside one section's raw data.
    pub fn rva_to_offset(&self, file: &str, rva: u32, len: u32, what: &str) -> Result<usize> {
        for s in &self.sections {
            let span = s.virtual_size.max(s.raw_size);
            if rva >= s.virtual_address && (rva - s.virtual_address) < span {
                let delta = rva - s.virtual_address;
                if delta as u64 + len as u64 > s.raw_size as u64 {
                    return Err(MetadataError::Image {
                        file: file.to_string(),
                        message: format!(
                            "{what} at RVA 0x{rva:x} (+{len} bytes) runs past the raw data of section {}",
                            s.name
                        ),
                    });
                }
                return Ok(s.raw_offset as usize + delta as usize);
            }
        }
        Err(MetadataError::Image {
            file: file.to_string(),
            message: format!("{what} at RVA 0x{rva:x} lies in no section"),
        })
    }
}

fn parse_sections(
    file: &str,
    bytes: &[u8],
    header: &goblin::pe::header::Header,
) -> Result<Vec<SectionMap>> {
    let optional_size = header.coff_header.size_of_optional_header as usize;
    let table_offset = header.dos_header.pe_pointer as usize + 4 + 20 + optional_size;
    let count = header.coff_header.number_of_sections as usize;
    let mut out = Vec::with_capacity(count);
    let mut r = ByteReader::new(file, "section table", bytes, table_offset);
    for _ in 0..count {
        let name_bytes = r.bytes(8)?;
        let name = String::from_utf8_lossy(name_bytes)
            .trim_end_matches('\0')
            .to_string();
        let virtual_size = r.u32()?;
        let virtual_address = r.u32()?;
        let raw_size = r.u32()?;
        let raw_offset = r.u32()?;
        r.skip(16)?;
        if raw_offset as u64 + raw_size as u64 > bytes.len() as u64 {
            return Err(MetadataError::Image {
                file: file.to_string(),
                message: format!(
                    "section {name} raw data 0x{raw_offset:x}+0x{raw_size:x} runs past the end of the file (0x{:x} bytes): truncated file",
                    bytes.len()
                ),
            });
        }
        out.push(SectionMap {
            name,
            virtual_address,
            virtual_size,
            raw_offset,
            raw_size,
        });
    }
    Ok(out)
}
