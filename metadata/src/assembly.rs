//! One loaded module: the file bytes, PE mapping, heaps and tables, with typed row accessors.

use crate::error::{MetadataError, Result};
use crate::heaps::Heaps;
use crate::pe::PeImage;
use crate::root::{parse_root, Streams};
use crate::tables::{HeapSizes, Tables};
use crate::token::{RowIndex, TableId, Token};
use std::ops::Range;
use std::path::{Path, PathBuf};

/// A parsed assembly (its manifest module). Row accessors take validated 1-based rows.
pub struct Assembly {
    pub path: PathBuf,
    /// The name used in error messages (the file name).
    pub file: String,
    bytes: Vec<u8>,
    pub pe: PeImage,
    pub streams: Streams,
    pub tables: Tables,
}

#[derive(Clone, Copy, Debug)]
pub struct TypeDefRow {
    pub flags: u32,
    pub name: u32,
    pub namespace: u32,
    pub extends: Token,
    pub field_list: u32,
    pub method_list: u32,
}

#[derive(Clone, Copy, Debug)]
pub struct TypeRefRow {
    pub scope: Token,
    pub name: u32,
    pub namespace: u32,
}

#[derive(Clone, Copy, Debug)]
pub struct FieldRow {
    pub flags: u16,
    pub name: u32,
    pub signature: u32,
}

#[derive(Clone, Copy, Debug)]
pub struct MethodDefRow {
    pub rva: u32,
    pub impl_flags: u16,
    pub flags: u16,
    pub name: u32,
    pub signature: u32,
    pub param_list: u32,
}

#[derive(Clone, Copy, Debug)]
pub struct MemberRefRow {
    pub parent: Token,
    pub name: u32,
    pub signature: u32,
}

#[derive(Clone, Copy, Debug)]
pub struct MethodImplRow {
    pub class: RowIndex,
    pub body: Token,
    pub declaration: Token,
}

#[derive(Clone, Copy, Debug)]
pub struct AssemblyRefRow {
    pub version: [u16; 4],
    pub flags: u32,
    pub public_key_or_token: u32,
    pub name: u32,
    pub culture: u32,
}

/// Bytes per piece of a file read on rayon's pool.
const READ_PIECE: usize = 256 << 10;

/// The whole file, read in pieces on rayon's pool: the copy into fresh pages (a page fault
/// each) is most of a read's cost, and a program of a few megabytes would otherwise be read
/// by one thread while the others wait for its tables. The buffer starts zeroed by the
/// allocator, so its pages are first touched by the threads that fill them.
fn read_in_parallel(path: &Path) -> std::io::Result<Vec<u8>> {
    use rayon::prelude::*;
    use std::os::unix::fs::FileExt;
    let file = std::fs::File::open(path)?;
    let len = usize::try_from(file.metadata()?.len())
        .map_err(|_| std::io::Error::other("file larger than the address space"))?;
    let mut bytes = vec![0u8; len];
    bytes
        .par_chunks_mut(READ_PIECE)
        .enumerate()
        .try_for_each(|(i, piece)| file.read_exact_at(piece, (i * READ_PIECE) as u64))?;
    // A file that grew meanwhile is read to its end, as `fs::read` would.
    let mut more = [0u8; 4096];
    loop {
        match file.read_at(&mut more, bytes.len() as u64)? {
            0 => return Ok(bytes),
            n => bytes.extend_from_slice(&more[..n]),
        }
    }
}

impl Assembly {
    pub fn load(path: &Path) -> Result<Assembly> {
        Self::load_with(path, false)
    }

    /// `load`, parsing the metadata tables on rayon's pool (for `--aot=metadata-only`, which
    /// has the pool anyway; a program being run stays on one thread).
    pub fn load_in_parallel(path: &Path) -> Result<Assembly> {
        Self::load_with(path, true)
    }

    fn load_with(path: &Path, parallel: bool) -> Result<Assembly> {
        let file = path
            .file_name()
            .map(|f| f.to_string_lossy().into_owned())
            .unwrap_or_else(|| path.display().to_string());
        let read = if parallel {
            read_in_parallel(path)
        } else {
            std::fs::read(path)
        };
        let bytes = read.map_err(|e| MetadataError::Image {
            file: path.display().to_string(),
            message: format!("cannot read: {e}"),
        })?;
        Self::from_bytes_with(path.to_path_buf(), file, bytes, parallel)
    }

    pub fn from_bytes(path: PathBuf, file: String, bytes: Vec<u8>) -> Result<Assembly> {
        Self::from_bytes_with(path, file, bytes, false)
    }

    fn from_bytes_with(
        path: PathBuf,
        file: String,
        bytes: Vec<u8>,
        parallel: bool,
    ) -> Result<Assembly> {
        let pe = PeImage::parse(&file, &bytes)?;
        let root_offset = pe.rva_to_offset(
            &file,
            pe.cli.metadata_rva,
            pe.cli.metadata_size,
            "metadata root",
        )?;
        let streams = parse_root(&file, &bytes, root_offset, pe.cli.metadata_size as usize)?;
        let tables_range = streams.tables.clone().ok_or_else(|| MetadataError::Image {
            file: file.clone(),
            message: "metadata has no #~ table stream".into(),
        })?;
        let len = |r: &Option<Range<usize>>| r.as_ref().map(|r| r.len()).unwrap_or(0);
        let sizes = HeapSizes {
            strings: len(&streams.strings),
            guid: len(&streams.guid),
            blob: len(&streams.blob),
        };
        let tables = Tables::parse(&file, &bytes[tables_range], sizes, parallel)?;
        Ok(Assembly {
            path,
            file,
            bytes,
            pe,
            streams,
            tables,
        })
    }

    pub fn bytes(&self) -> &[u8] {
        &self.bytes
    }

    pub fn heaps(&self) -> Heaps<'_> {
        let slice = |r: &Option<Range<usize>>| r.clone().map(|r| &self.bytes[r]).unwrap_or(&[]);
        Heaps {
            file: &self.file,
            strings: slice(&self.streams.strings),
            user_strings: slice(&self.streams.user_strings),
            guid: slice(&self.streams.guid),
            blob: slice(&self.streams.blob),
        }
    }

    pub fn string(&self, index: u32) -> Result<&str> {
        self.heaps().string(index)
    }

    pub fn blob(&self, index: u32) -> Result<&[u8]> {
        self.heaps().blob(index)
    }

    /// Fails with a clear error when `token` does not name an existing row of `table`.
    pub fn check_row(&self, table: TableId, row: RowIndex, referrer: Token) -> Result<()> {
        if self.tables.has_row(table, row) {
            Ok(())
        } else {
            Err(MetadataError::Type {
                file: self.file.clone(),
                token: referrer,
                message: format!(
                    "{table:?} row {} does not exist (table has {} rows)",
                    row.0,
                    self.tables.rows(table)
                ),
            })
        }
    }

    fn cell(&self, t: TableId, row: RowIndex, col: usize) -> u32 {
        self.tables.table(t).cell(row, col)
    }

    /// The assembly's simple name, from the Assembly table (falls back to the Module name).
    pub fn name(&self) -> Result<&str> {
        if self.tables.rows(TableId::Assembly) > 0 {
            self.string(self.cell(TableId::Assembly, RowIndex(1), 7))
        } else if self.tables.rows(TableId::Module) > 0 {
            self.string(self.cell(TableId::Module, RowIndex(1), 1))
        } else {
            Err(MetadataError::Image {
                file: self.file.clone(),
                message: "no Assembly or Module row".into(),
            })
        }
    }

    /// The module version id from the #GUID heap; AOT images are keyed on it.
    pub fn mvid(&self) -> Result<[u8; 16]> {
        if self.tables.rows(TableId::Module) == 0 {
            return Err(MetadataError::Image {
                file: self.file.clone(),
                message: "no Module row".into(),
            });
        }
        self.heaps()
            .guid(self.cell(TableId::Module, RowIndex(1), 2))?
            .ok_or_else(|| MetadataError::Image {
                file: self.file.clone(),
                message: "Module row has no MVID".into(),
            })
    }

    pub fn type_def(&self, row: RowIndex) -> TypeDefRow {
        let t = TableId::TypeDef;
        TypeDefRow {
            flags: self.cell(t, row, 0),
            name: self.cell(t, row, 1),
            namespace: self.cell(t, row, 2),
            extends: Token(self.cell(t, row, 3)),
            field_list: self.cell(t, row, 4),
            method_list: self.cell(t, row, 5),
        }
    }

    pub fn type_ref(&self, row: RowIndex) -> TypeRefRow {
        let t = TableId::TypeRef;
        TypeRefRow {
            scope: Token(self.cell(t, row, 0)),
            name: self.cell(t, row, 1),
            namespace: self.cell(t, row, 2),
        }
    }

    pub fn field(&self, row: RowIndex) -> FieldRow {
        let t = TableId::Field;
        FieldRow {
            flags: self.cell(t, row, 0) as u16,
            name: self.cell(t, row, 1),
            signature: self.cell(t, row, 2),
        }
    }

    pub fn method_def(&self, row: RowIndex) -> MethodDefRow {
        let t = TableId::MethodDef;
        MethodDefRow {
            rva: self.cell(t, row, 0),
            impl_flags: self.cell(t, row, 1) as u16,
            flags: self.cell(t, row, 2) as u16,
            name: self.cell(t, row, 3),
            signature: self.cell(t, row, 4),
            param_list: self.cell(t, row, 5),
        }
    }

    pub fn member_ref(&self, row: RowIndex) -> MemberRefRow {
        let t = TableId::MemberRef;
        MemberRefRow {
            parent: Token(self.cell(t, row, 0)),
            name: self.cell(t, row, 1),
            signature: self.cell(t, row, 2),
        }
    }

    pub fn method_impl(&self, row: RowIndex) -> MethodImplRow {
        let t = TableId::MethodImpl;
        MethodImplRow {
            class: RowIndex(self.cell(t, row, 0)),
            body: Token(self.cell(t, row, 1)),
            declaration: Token(self.cell(t, row, 2)),
        }
    }

    pub fn assembly_ref(&self, row: RowIndex) -> AssemblyRefRow {
        let t = TableId::AssemblyRef;
        AssemblyRefRow {
            version: [
                self.cell(t, row, 0) as u16,
                self.cell(t, row, 1) as u16,
                self.cell(t, row, 2) as u16,
                self.cell(t, row, 3) as u16,
            ],
            flags: self.cell(t, row, 4),
            public_key_or_token: self.cell(t, row, 5),
            name: self.cell(t, row, 6),
            culture: self.cell(t, row, 7),
        }
    }

    pub fn type_spec_blob(&self, row: RowIndex) -> Result<&[u8]> {
        self.blob(self.cell(TableId::TypeSpec, row, 0))
    }

    pub fn standalone_sig_blob(&self, row: RowIndex) -> Result<&[u8]> {
        self.blob(self.cell(TableId::StandAloneSig, row, 0))
    }

    /// Raw access to any cell, for tables without a typed accessor.
    pub fn raw_cell(&self, t: TableId, row: RowIndex, col: usize) -> u32 {
        self.cell(t, row, col)
    }

    /// The Field rows owned by TypeDef `row` (FieldList up to the next type's list), through
    /// FieldPtr in a `#-` stream.
    pub fn fields_of(&self, row: RowIndex) -> Vec<RowIndex> {
        self.owned_list(TableId::TypeDef, row, 4, TableId::Field, TableId::FieldPtr)
    }

    /// The MethodDef rows owned by TypeDef `row`, through MethodPtr in a `#-` stream.
    pub fn methods_of(&self, row: RowIndex) -> Vec<RowIndex> {
        self.owned_list(
            TableId::TypeDef,
            row,
            5,
            TableId::MethodDef,
            TableId::MethodPtr,
        )
    }

    /// The Param rows of MethodDef `row`, through ParamPtr in a `#-` stream.
    pub fn params_of(&self, row: RowIndex) -> Vec<RowIndex> {
        self.owned_list(
            TableId::MethodDef,
            row,
            5,
            TableId::Param,
            TableId::ParamPtr,
        )
    }

    /// The Event rows of TypeDef `row`: its EventMap row's EventList up to the next map
    /// row's, through EventPtr in a `#-` stream. Empty when the type has no EventMap row.
    pub fn events_of(&self, row: RowIndex) -> Vec<RowIndex> {
        self.map_list(row, TableId::EventMap, TableId::Event, TableId::EventPtr)
    }

    /// The Property rows of TypeDef `row`, through PropertyMap (and PropertyPtr in `#-`).
    pub fn properties_of(&self, row: RowIndex) -> Vec<RowIndex> {
        self.map_list(
            row,
            TableId::PropertyMap,
            TableId::Property,
            TableId::PropertyPtr,
        )
    }

    fn map_list(
        &self,
        row: RowIndex,
        map: TableId,
        target: TableId,
        ptr: TableId,
    ) -> Vec<RowIndex> {
        // ECMA-335 does not require the map tables sorted by parent, so scan rather than
        // binary-search as Mono does.
        match (1..=self.tables.rows(map)).find(|&r| self.cell(map, RowIndex(r), 0) == row.0) {
            Some(r) => self.owned_list(map, RowIndex(r), 1, target, ptr),
            None => Vec::new(),
        }
    }

    /// The run of `target` rows that row `row` of `owner` lists in column `col`: from its
    /// cell up to the next owner row's cell (the end of the table for the last row).
    fn owned_list(
        &self,
        owner: TableId,
        row: RowIndex,
        col: usize,
        target: TableId,
        ptr: TableId,
    ) -> Vec<RowIndex> {
        // As Mono (mono_metadata_translate_token_index), the Ptr tables are an indirection
        // only in an uncompressed `#-` stream, where list cells index the Ptr table.
        let through_ptr = self.streams.tables_uncompressed && self.tables.rows(ptr) > 0;
        let listed = if through_ptr { ptr } else { target };
        let start = self.cell(owner, row, col);
        let end = if row.0 < self.tables.rows(owner) {
            self.cell(owner, RowIndex(row.0 + 1), col)
        } else {
            self.tables.rows(listed) + 1
        };
        let limit = self.tables.rows(listed) + 1;
        // A list column of 0 passes validation (it is within "one past the end" of an empty
        // table) but names no row: clamp it to 1 so row 0 is never produced.
        let (start, end) = (start.clamp(1, limit), end.min(limit));
        if end <= start {
            return Vec::new();
        }
        if through_ptr {
            // A Ptr cell naming no row of the target is dropped, not followed.
            (start..end)
                .map(|i| RowIndex(self.cell(ptr, RowIndex(i), 0)))
                .filter(|r| self.tables.has_row(target, *r))
                .collect()
        } else {
            (start..end).map(RowIndex).collect()
        }
    }

    /// The file bytes of a method body at `rva` (to the end of its section).
    pub fn body_bytes(&self, token: Token, rva: u32) -> Result<&[u8]> {
        let off = self
            .pe
            .rva_to_offset(&self.file, rva, 1, "method body")
            .map_err(|_| MetadataError::MethodBody {
                file: self.file.clone(),
                token,
                rva,
                message: "RVA lies in no section".into(),
            })?;
        let section_end = self
            .pe
            .sections
            .iter()
            .find(|s| off >= s.raw_offset as usize && off < (s.raw_offset + s.raw_size) as usize)
            .map(|s| (s.raw_offset + s.raw_size) as usize)
            .unwrap_or(self.bytes.len());
        Ok(&self.bytes[off..section_end.min(self.bytes.len())])
    }

    /// Data at a field RVA (array initialisers), `len` bytes.
    pub fn rva_data(&self, rva: u32, len: u32) -> Result<&[u8]> {
        let off = self
            .pe
            .rva_to_offset(&self.file, rva, len, "field RVA data")?;
        Ok(&self.bytes[off..off + len as usize])
    }

    /// The entry point MethodDef token, if the image has one.
    pub fn entry_point(&self) -> Option<Token> {
        let t = Token(self.pe.cli.entry_point_token);
        (self.pe.cli.flags & crate::pe::CliHeader::NATIVE_ENTRY_POINT == 0
            && t.table() == Some(TableId::MethodDef)
            && !t.is_null())
        .then_some(t)
    }
}

impl Assembly {
    /// The Constant row of a field, param or property: (element type, value blob).
    pub fn constant_of(&self, parent: Token) -> Result<Option<(u8, &[u8])>> {
        for r in 1..=self.tables.rows(TableId::Constant) {
            let row = RowIndex(r);
            if Token(self.cell(TableId::Constant, row, 1)) == parent {
                let ty = self.cell(TableId::Constant, row, 0) as u8;
                return Ok(Some((ty, self.blob(self.cell(TableId::Constant, row, 2))?)));
            }
        }
        Ok(None)
    }

    /// The constructors of the custom attributes attached to `parent`.
    pub fn custom_attribute_ctors(&self, parent: Token) -> Vec<Token> {
        (1..=self.tables.rows(TableId::CustomAttribute))
            .filter(|&r| Token(self.cell(TableId::CustomAttribute, RowIndex(r), 0)) == parent)
            .map(|r| Token(self.cell(TableId::CustomAttribute, RowIndex(r), 1)))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_read_in_pieces_is_the_file() {
        let dir = std::env::temp_dir().join(format!("vcall-read-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        // Empty, one byte, a piece exactly, and pieces with a partial last one.
        for len in [0, 1, READ_PIECE, 3 * READ_PIECE + 17] {
            let path = dir.join(format!("f{len}"));
            let data: Vec<u8> = (0..len).map(|i| (i * 31 % 251) as u8).collect();
            std::fs::write(&path, &data).unwrap();
            assert_eq!(read_in_parallel(&path).unwrap(), data, "length {len}");
        }
        assert!(read_in_parallel(&dir.join("missing")).is_err());
        let _ = std::fs::remove_dir_all(&dir);
    }
}
