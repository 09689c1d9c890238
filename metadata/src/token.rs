//! Metadata tokens, table identifiers and row indices as newtypes.

use std::fmt;

/// The metadata tables of ECMA-335 II.22, numbered as in the `#~` stream's `Valid` bit vector.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[repr(u8)]
pub enum TableId {
    Module = 0x00,
    TypeRef = 0x01,
    TypeDef = 0x02,
    FieldPtr = 0x03,
    Field = 0x04,
    MethodPtr = 0x05,
    MethodDef = 0x06,
    ParamPtr = 0x07,
    Param = 0x08,
    InterfaceImpl = 0x09,
    MemberRef = 0x0A,
    Constant = 0x0B,
    CustomAttribute = 0x0C,
    FieldMarshal = 0x0D,
    DeclSecurity = 0x0E,
    ClassLayout = 0x0F,
    FieldLayout = 0x10,
    StandAloneSig = 0x11,
    EventMap = 0x12,
    EventPtr = 0x13,
    Event = 0x14,
    PropertyMap = 0x15,
    PropertyPtr = 0x16,
    Property = 0x17,
    MethodSemantics = 0x18,
    MethodImpl = 0x19,
    ModuleRef = 0x1A,
    TypeSpec = 0x1B,
    ImplMap = 0x1C,
    FieldRva = 0x1D,
    EncLog = 0x1E,
    EncMap = 0x1F,
    Assembly = 0x20,
    AssemblyProcessor = 0x21,
    AssemblyOs = 0x22,
    AssemblyRef = 0x23,
    AssemblyRefProcessor = 0x24,
    AssemblyRefOs = 0x25,
    File = 0x26,
    ExportedType = 0x27,
    ManifestResource = 0x28,
    NestedClass = 0x29,
    GenericParam = 0x2A,
    MethodSpec = 0x2B,
    GenericParamConstraint = 0x2C,
}

impl TableId {
    pub const COUNT: usize = 0x2D;

    pub fn from_u8(v: u8) -> Option<TableId> {
        if (v as usize) < Self::COUNT {
            Some(Self::ALL[v as usize])
        } else {
            None
        }
    }

    pub const ALL: [TableId; Self::COUNT] = {
        use TableId::*;
        [
            Module,
            TypeRef,
            TypeDef,
            FieldPtr,
            Field,
            MethodPtr,
            MethodDef,
            ParamPtr,
            Param,
            InterfaceImpl,
            MemberRef,
            Constant,
            CustomAttribute,
            FieldMarshal,
            DeclSecurity,
            ClassLayout,
            FieldLayout,
            StandAloneSig,
            EventMap,
            EventPtr,
            Event,
            PropertyMap,
            PropertyPtr,
            Property,
            MethodSemantics,
            MethodImpl,
            ModuleRef,
            TypeSpec,
            ImplMap,
            FieldRva,
            EncLog,
            EncMap,
            Assembly,
            AssemblyProcessor,
            AssemblyOs,
            AssemblyRef,
            AssemblyRefProcessor,
            AssemblyRefOs,
            File,
            ExportedType,
            ManifestResource,
            NestedClass,
            GenericParam,
            MethodSpec,
            GenericParamConstraint,
        ]
    };
}

/// A 1-based row index into a metadata table; 0 means "no row" (a null reference).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub struct RowIndex(pub u32);

impl RowIndex {
    pub fn is_null(self) -> bool {
        self.0 == 0
    }
    /// Zero-based position in a row vector. Only valid when not null.
    pub fn zero_based(self) -> usize {
        (self.0 as usize).wrapping_sub(1)
    }
}

/// A metadata token: table in the top byte, 1-based row in the low 24 bits.
/// User-string tokens (0x70) carry a `#US` heap offset instead of a row.
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub struct Token(pub u32);

impl Token {
    pub const USER_STRING_TAG: u8 = 0x70;

    pub fn new(table: TableId, row: RowIndex) -> Token {
        Token(((table as u32) << 24) | (row.0 & 0x00FF_FFFF))
    }
    pub fn table_byte(self) -> u8 {
        (self.0 >> 24) as u8
    }
    pub fn table(self) -> Option<TableId> {
        TableId::from_u8(self.table_byte())
    }
    pub fn row(self) -> RowIndex {
        RowIndex(self.0 & 0x00FF_FFFF)
    }
    pub fn is_null(self) -> bool {
        self.row().is_null()
    }
}

impl fmt::Debug for Token {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Token(0x{:08x})", self.0)
    }
}

impl fmt::Display for Token {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "0x{:08x}", self.0)
    }
}
