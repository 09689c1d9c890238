//! The `#~`/`#-` table stream: schemas of every ECMA-335 II.22 table, index widths, and
//! decoded rows with every table and heap reference validated.

use crate::error::{MetadataError, Result};
use crate::reader::ByteReader;
use crate::token::{RowIndex, TableId, Token};

/// Coded index kinds of ECMA-335 II.24.2.6; each lists its tables in tag order.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CodedKind {
    TypeDefOrRef,
    HasConstant,
    HasCustomAttribute,
    HasFieldMarshal,
    HasDeclSecurity,
    MemberRefParent,
    HasSemantics,
    MethodDefOrRef,
    MemberForwarded,
    Implementation,
    CustomAttributeType,
    ResolutionScope,
    TypeOrMethodDef,
}

impl CodedKind {
    /// Tables in tag order; `None` marks tags the standard leaves unused.
    pub fn tables(self) -> &'static [Option<TableId>] {
        use TableId::*;
        match self {
            CodedKind::TypeDefOrRef => &[Some(TypeDef), Some(TypeRef), Some(TypeSpec)],
            CodedKind::HasConstant => &[Some(Field), Some(Param), Some(Property)],
            CodedKind::HasCustomAttribute => &[
                Some(MethodDef),
                Some(Field),
                Some(TypeRef),
                Some(TypeDef),
                Some(Param),
                Some(InterfaceImpl),
                Some(MemberRef),
                Some(Module),
                Some(DeclSecurity),
                Some(Property),
                Some(Event),
                Some(StandAloneSig),
                Some(ModuleRef),
                Some(TypeSpec),
                Some(Assembly),
                Some(AssemblyRef),
                Some(File),
                Some(ExportedType),
                Some(ManifestResource),
                Some(GenericParam),
                Some(GenericParamConstraint),
                Some(MethodSpec),
            ],
            CodedKind::HasFieldMarshal => &[Some(Field), Some(Param)],
            CodedKind::HasDeclSecurity => &[Some(TypeDef), Some(MethodDef), Some(Assembly)],
            CodedKind::MemberRefParent => &[
                Some(TypeDef),
                Some(TypeRef),
                Some(ModuleRef),
                Some(MethodDef),
                Some(TypeSpec),
            ],
            CodedKind::HasSemantics => &[Some(Event), Some(Property)],
            CodedKind::MethodDefOrRef => &[Some(MethodDef), Some(MemberRef)],
            CodedKind::MemberForwarded => &[Some(Field), Some(MethodDef)],
            CodedKind::Implementation => &[Some(File), Some(AssemblyRef), Some(ExportedType)],
            CodedKind::CustomAttributeType => &[None, None, Some(MethodDef), Some(MemberRef), None],
            CodedKind::ResolutionScope => &[
                Some(Module),
                Some(ModuleRef),
                Some(AssemblyRef),
                Some(TypeRef),
            ],
            CodedKind::TypeOrMethodDef => &[Some(TypeDef), Some(MethodDef)],
        }
    }

    pub fn tag_bits(self) -> u32 {
        let n = self.tables().len() as u32;
        32 - (n - 1).leading_zeros()
    }
}

/// What one column holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Column {
    U8Pad, // a byte plus a padding byte (Constant.Type)
    U16,
    U32,
    Str,
    Guid,
    Blob,
    Table(TableId),
    Coded(CodedKind),
}

/// The column layout of a table (ECMA-335 II.22).
pub fn schema(t: TableId) -> &'static [Column] {
    use CodedKind as C;
    use Column::*;
    use TableId as T;
    match t {
        T::Module => &[U16, Str, Guid, Guid, Guid],
        T::TypeRef => &[Coded(C::ResolutionScope), Str, Str],
        T::TypeDef => &[
            U32,
            Str,
            Str,
            Coded(C::TypeDefOrRef),
            Table(T::Field),
            Table(T::MethodDef),
        ],
        T::FieldPtr => &[Table(T::Field)],
        T::Field => &[U16, Str, Blob],
        T::MethodPtr => &[Table(T::MethodDef)],
        T::MethodDef => &[U32, U16, U16, Str, Blob, Table(T::Param)],
        T::ParamPtr => &[Table(T::Param)],
        T::Param => &[U16, U16, Str],
        T::InterfaceImpl => &[Table(T::TypeDef), Coded(C::TypeDefOrRef)],
        T::MemberRef => &[Coded(C::MemberRefParent), Str, Blob],
        T::Constant => &[U8Pad, Coded(C::HasConstant), Blob],
        T::CustomAttribute => &[
            Coded(C::HasCustomAttribute),
            Coded(C::CustomAttributeType),
            Blob,
        ],
        T::FieldMarshal => &[Coded(C::HasFieldMarshal), Blob],
        T::DeclSecurity => &[U16, Coded(C::HasDeclSecurity), Blob],
        T::ClassLayout => &[U16, U32, Table(T::TypeDef)],
        T::FieldLayout => &[U32, Table(T::Field)],
        T::StandAloneSig => &[Blob],
        T::EventMap => &[Table(T::TypeDef), Table(T::Event)],
        T::EventPtr => &[Table(T::Event)],
        T::Event => &[U16, Str, Coded(C::TypeDefOrRef)],
        T::PropertyMap => &[Table(T::TypeDef), Table(T::Property)],
        T::PropertyPtr => &[Table(T::Property)],
        T::Property => &[U16, Str, Blob],
        T::MethodSemantics => &[U16, Table(T::MethodDef), Coded(C::HasSemantics)],
        T::MethodImpl => &[
            Table(T::TypeDef),
            Coded(C::MethodDefOrRef),
            Coded(C::MethodDefOrRef),
        ],
        T::ModuleRef => &[Str],
        T::TypeSpec => &[Blob],
        T::ImplMap => &[U16, Coded(C::MemberForwarded), Str, Table(T::ModuleRef)],
        T::FieldRva => &[U32, Table(T::Field)],
        T::EncLog => &[U32, U32],
        T::EncMap => &[U32],
        T::Assembly => &[U32, U16, U16, U16, U16, U32, Blob, Str, Str],
        T::AssemblyProcessor => &[U32],
        T::AssemblyOs => &[U32, U32, U32],
        T::AssemblyRef => &[U16, U16, U16, U16, U32, Blob, Str, Str, Blob],
        T::AssemblyRefProcessor => &[U32, Table(T::AssemblyRef)],
        T::AssemblyRefOs => &[U32, U32, U32, Table(T::AssemblyRef)],
        T::File => &[U32, Str, Blob],
        T::ExportedType => &[U32, U32, Str, Str, Coded(C::Implementation)],
        T::ManifestResource => &[U32, U32, Str, Coded(C::Implementation)],
        T::NestedClass => &[Table(T::TypeDef), Table(T::TypeDef)],
        T::GenericParam => &[U16, U16, Coded(C::TypeOrMethodDef), Str],
        T::MethodSpec => &[Coded(C::MethodDefOrRef), Blob],
        T::GenericParamConstraint => &[Table(T::GenericParam), Coded(C::TypeDefOrRef)],
    }
}

/// One decoded table: row count and the cells, row-major, widened to u32.
/// Coded-index cells hold the full token (table byte + row), already decoded.
#[derive(Clone, Debug, Default)]
pub struct Table {
    pub rows: u32,
    pub columns: usize,
    cells: Vec<u32>,
}

impl Table {
    /// The cell at 1-based `row`, column `col`. Callers index with rows validated by `Tables`.
    pub fn cell(&self, row: RowIndex, col: usize) -> u32 {
        self.cells[row.zero_based() * self.columns + col]
    }
}

/// Index widths derived from the heap-size flags and the row counts.
#[derive(Clone, Copy, Debug)]
pub struct IndexWidths {
    pub wide_strings: bool,
    pub wide_guid: bool,
    pub wide_blob: bool,
    pub rows: [u32; TableId::COUNT],
}

impl IndexWidths {
    pub fn table_is_wide(&self, t: TableId) -> bool {
        self.rows[t as usize] >= 1 << 16
    }
    pub fn coded_is_wide(&self, k: CodedKind) -> bool {
        let max = k
            .tables()
            .iter()
            .flatten()
            .map(|t| self.rows[*t as usize])
            .max()
            .unwrap_or(0);
        max >= 1 << (16 - k.tag_bits())
    }
    pub fn column_size(&self, c: Column) -> usize {
        let w = |wide: bool| if wide { 4 } else { 2 };
        match c {
            Column::U8Pad | Column::U16 => 2,
            Column::U32 => 4,
            Column::Str => w(self.wide_strings),
            Column::Guid => w(self.wide_guid),
            Column::Blob => w(self.wide_blob),
            Column::Table(t) => w(self.table_is_wide(t)),
            Column::Coded(k) => w(self.coded_is_wide(k)),
        }
    }
}

/// All tables of one module.
#[derive(Clone, Debug)]
pub struct Tables {
    pub major: u8,
    pub minor: u8,
    pub widths: IndexWidths,
    pub sorted: u64,
    tables: Vec<Table>,
    /// Byte offset of each table's first row within the table stream.
    starts: Vec<usize>,
}

/// Heap sizes, used to validate heap indices while decoding rows.
#[derive(Clone, Copy, Debug)]
pub struct HeapSizes {
    pub strings: usize,
    pub guid: usize,
    pub blob: usize,
}

impl Tables {
    /// Decodes the `#~` stream; `parallel` parses the tables on rayon's pool.
    pub fn parse(file: &str, stream: &[u8], heaps: HeapSizes, parallel: bool) -> Result<Tables> {
        let mut r = ByteReader::new(file, "#~ stream header", stream, 0);
        r.skip(4)?;
        let major = r.u8()?;
        let minor = r.u8()?;
        let heap_flags = r.u8()?;
        r.skip(1)?;
        let valid = r.u64()?;
        let sorted = r.u64()?;
        let mut rows = [0u32; TableId::COUNT];
        for bit in 0..64u32 {
            if valid & (1u64 << bit) == 0 {
                continue;
            }
            let n = r.u32()?;
            if (bit as usize) < TableId::COUNT {
                rows[bit as usize] = n;
            } else {
                return Err(MetadataError::Image {
                    file: file.to_string(),
                    message: format!("#~ stream marks unknown table 0x{bit:02x} present"),
                });
            }
        }
        // Uncompressed (#-) streams written by edit-and-continue carry 4 extra bytes.
        if heap_flags & 0x40 != 0 {
            r.skip(4)?;
        }
        let widths = IndexWidths {
            wide_strings: heap_flags & 0x01 != 0,
            wide_guid: heap_flags & 0x02 != 0,
            wide_blob: heap_flags & 0x04 != 0,
            rows,
        };
        // Where each table lies (cheap, in order, so the first bad table is the one reported),
        // then the cells of each, which is the work (in parallel when asked to).
        let mut starts = Vec::with_capacity(TableId::COUNT);
        let mut pos = r.position();
        for &id in TableId::ALL.iter() {
            let n = rows[id as usize];
            let row_size: usize = schema(id).iter().map(|&c| widths.column_size(c)).sum();
            let total = row_size
                .checked_mul(n as usize)
                .ok_or_else(|| MetadataError::Image {
                    file: file.to_string(),
                    message: format!("table {id:?} with {n} rows overflows"),
                })?;
            if pos + total > stream.len() {
                return Err(MetadataError::Truncated {
                    file: file.to_string(),
                    what: "metadata table",
                    offset: pos,
                    needed: total,
                    available: stream.len().saturating_sub(pos),
                });
            }
            starts.push(pos);
            pos += total;
        }
        // Every table's cells, filled in row chunks: one table (MethodDef, in a program) can
        // hold half the cells of the module, and parsed whole it would keep one thread busy
        // while the others wait. Chunks are listed in table and row order, so the error
        // reported is the first in the file on every run.
        let mut tables: Vec<Table> = TableId::ALL
            .iter()
            .map(|&id| {
                let n = rows[id as usize];
                let columns = schema(id).len();
                Table {
                    rows: n,
                    columns,
                    cells: vec![0; n as usize * columns],
                }
            })
            .collect();
        let mut jobs = Vec::new();
        for (i, table) in tables.iter_mut().enumerate() {
            let id = TableId::ALL[i];
            let end = starts.get(i + 1).copied().unwrap_or(pos);
            let row_size: usize = schema(id).iter().map(|&c| widths.column_size(c)).sum();
            let columns = table.columns.max(1);
            let cells = table.cells.chunks_mut(CHUNK_ROWS * columns);
            let bytes = stream[starts[i]..end].chunks(CHUNK_ROWS * row_size.max(1));
            for (k, (cells, bytes)) in cells.zip(bytes).enumerate() {
                jobs.push((id, (k * CHUNK_ROWS) as u32, cells, bytes));
            }
        }
        let fill = |(id, first, cells, bytes): (TableId, u32, &mut [u32], &[u8])| {
            fill_rows(file, id, first, cells, bytes, &widths, heaps)
        };
        let filled: Vec<Result<()>> = if parallel {
            use rayon::prelude::*;
            jobs.into_par_iter().map(fill).collect()
        } else {
            jobs.into_iter().map(fill).collect()
        };
        filled.into_iter().collect::<Result<()>>()?;
        Ok(Tables {
            major,
            minor,
            widths,
            sorted,
            tables,
            starts,
        })
    }

    /// Where a row's bytes start within the table stream, and the row's size (for tools and
    /// tests that patch assemblies).
    pub fn row_position(&self, id: TableId, row: RowIndex) -> Option<(usize, usize)> {
        if !self.has_row(id, row) {
            return None;
        }
        let size: usize = schema(id).iter().map(|&c| self.widths.column_size(c)).sum();
        Some((self.starts[id as usize] + row.zero_based() * size, size))
    }

    pub fn table(&self, id: TableId) -> &Table {
        &self.tables[id as usize]
    }

    pub fn rows(&self, id: TableId) -> u32 {
        self.tables[id as usize].rows
    }

    /// True when `row` names an existing row of `id`.
    pub fn has_row(&self, id: TableId, row: RowIndex) -> bool {
        !row.is_null() && row.0 <= self.rows(id)
    }
}

/// Rows per parsing job (see `Tables::parse`).
const CHUNK_ROWS: usize = 4096;

/// Decodes and checks the cells of consecutive rows of one table into `cells`, `bytes` being
/// exactly those rows and `first` the zero-based number of the first (for errors).
fn fill_rows(
    file: &str,
    id: TableId,
    first: u32,
    cells: &mut [u32],
    bytes: &[u8],
    widths: &IndexWidths,
    heaps: HeapSizes,
) -> Result<()> {
    let cols = schema(id);
    // Once per job: a coded index's width takes a scan of its tables' row counts.
    let wide: Vec<bool> = cols.iter().map(|&c| widths.column_size(c) == 4).collect();
    let row_size: usize = cols.iter().map(|&c| widths.column_size(c)).sum();
    let rows = bytes.chunks_exact(row_size.max(1));
    for (i, (rb, out)) in rows
        .zip(cells.chunks_exact_mut(cols.len().max(1)))
        .enumerate()
    {
        let mut at = 0;
        for (ci, ((&c, &wide), cell)) in cols.iter().zip(&wide).zip(out).enumerate() {
            let raw = if wide {
                u32::from_le_bytes([rb[at], rb[at + 1], rb[at + 2], rb[at + 3]])
            } else {
                u16::from_le_bytes([rb[at], rb[at + 1]]) as u32
            };
            at += if wide { 4 } else { 2 };
            let raw = if c == Column::U8Pad { raw & 0xFF } else { raw };
            match check_cell(c, raw, widths, heaps) {
                Ok(v) => *cell = v,
                Err(e) => return Err(e.error(file, id, first + i as u32 + 1, ci, raw, widths)),
            }
        }
    }
    Ok(())
}

/// Why a cell is invalid; turned into a `MetadataError` with its context only on failure,
/// so the per-cell check returns a word, not the error.
#[derive(Clone, Copy)]
enum CellError {
    Heap(&'static str, usize),
    Row(TableId, u32),
    Tag(CodedKind, u32),
}

impl CellError {
    #[cold]
    fn error(
        self,
        file: &str,
        table: TableId,
        row: u32,
        col: usize,
        raw: u32,
        w: &IndexWidths,
    ) -> MetadataError {
        match self {
            CellError::Heap(heap, size) => MetadataError::Image {
                file: file.to_string(),
                message: format!("table {table:?} row {row} column {col}: {heap} index 0x{raw:x} out of range (heap size 0x{size:x})"),
            },
            CellError::Row(target, target_row) => MetadataError::RowIndex {
                file: file.to_string(),
                table,
                row,
                target,
                target_row,
                target_rows: w.rows[target as usize],
            },
            CellError::Tag(k, tag) => MetadataError::Image {
                file: file.to_string(),
                message: format!("table {table:?} row {row} column {col}: invalid {k:?} tag {tag}"),
            },
        }
    }
}

/// Checks one cell against the heap sizes and row counts; coded indices come back decoded.
#[inline]
fn check_cell(
    c: Column,
    raw: u32,
    w: &IndexWidths,
    heaps: HeapSizes,
) -> std::result::Result<u32, CellError> {
    match c {
        Column::Str if raw as usize >= heaps.strings.max(1) => {
            Err(CellError::Heap("#Strings", heaps.strings))
        }
        Column::Blob if raw as usize >= heaps.blob.max(1) => {
            Err(CellError::Heap("#Blob", heaps.blob))
        }
        Column::Guid if raw as usize > heaps.guid / 16 => Err(CellError::Heap("#GUID", heaps.guid)),
        // List columns (FieldList, MethodList, ...) may point one past the end.
        Column::Table(t) if raw as u64 > w.rows[t as usize] as u64 + 1 => {
            Err(CellError::Row(t, raw))
        }
        Column::Coded(k) => {
            let bits = k.tag_bits();
            let tag = raw & ((1 << bits) - 1);
            let target_row = raw >> bits;
            let target = k
                .tables()
                .get(tag as usize)
                .copied()
                .flatten()
                .ok_or(CellError::Tag(k, tag))?;
            if target_row > w.rows[target as usize] {
                return Err(CellError::Row(target, target_row));
            }
            Ok(Token::new(target, RowIndex(target_row)).0)
        }
        _ => Ok(raw),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn coded_index_tag_bits_match_ecma() {
        assert_eq!(CodedKind::TypeDefOrRef.tag_bits(), 2);
        assert_eq!(CodedKind::HasCustomAttribute.tag_bits(), 5);
        assert_eq!(CodedKind::MemberRefParent.tag_bits(), 3);
        assert_eq!(CodedKind::CustomAttributeType.tag_bits(), 3);
        assert_eq!(CodedKind::MethodDefOrRef.tag_bits(), 1);
        assert_eq!(CodedKind::ResolutionScope.tag_bits(), 2);
    }

    #[test]
    fn wide_coded_index_threshold_depends_on_tag_bits() {
        let mut rows = [0u32; TableId::COUNT];
        rows[TableId::TypeRef as usize] = (1 << 14) - 1;
        let w = IndexWidths {
            wide_strings: false,
            wide_guid: false,
            wide_blob: false,
            rows,
        };
        assert!(!w.coded_is_wide(CodedKind::TypeDefOrRef));
        let mut rows2 = rows;
        rows2[TableId::TypeRef as usize] = 1 << 14;
        let w2 = IndexWidths { rows: rows2, ..w };
        assert!(w2.coded_is_wide(CodedKind::TypeDefOrRef));
        assert!(!w2.table_is_wide(TableId::TypeRef));
        // HasCustomAttribute has 5 tag bits, so 2^11 rows already make it wide.
        let mut rows3 = [0u32; TableId::COUNT];
        rows3[TableId::MethodDef as usize] = 1 << 11;
        let w3 = IndexWidths { rows: rows3, ..w };
        assert!(w3.coded_is_wide(CodedKind::HasCustomAttribute));
        assert!(!w3.coded_is_wide(CodedKind::MethodDefOrRef));
    }
}
