//! Decoders for ECMA-335 II.23.2 signature blobs (method, field, property, locals, MethodSpec,
//! TypeSpec) into plain data that refers to types by metadata token.
//!
//! Conventions:
//! - Custom modifiers that lead a position (a parameter, the return type, a field, a local)
//!   are collected into that position's `custom_mods` list; modifiers nested inside a type
//!   (after `PTR`, `SZARRAY`, `BYREF`, in generic arguments …) become [`TypeSig::Modified`].
//! - A leading `BYREF` of a parameter, return type, property or local is a `byref` flag on
//!   that position; `BYREF` anywhere else (ref fields, TypeSpecs) is [`TypeSig::ByRef`].
//! - `PINNED` is only accepted in local signatures (the `pinned` flag of [`LocalVar`]);
//!   `SENTINEL` only in vararg method signatures ([`MethodSig::sentinel`]).
//! - Bytes after a complete signature are ignored, as the CLR and Mono do.
//!
//! Every error's offset is the byte position inside the blob.

use crate::error::DecodeError;
use crate::token::{RowIndex, TableId, Token};
use std::fmt;

/// Element type bytes of II.23.1.16.
pub mod element_type {
    pub const END: u8 = 0x00;
    pub const VOID: u8 = 0x01;
    pub const BOOLEAN: u8 = 0x02;
    pub const CHAR: u8 = 0x03;
    pub const I1: u8 = 0x04;
    pub const U1: u8 = 0x05;
    pub const I2: u8 = 0x06;
    pub const U2: u8 = 0x07;
    pub const I4: u8 = 0x08;
    pub const U4: u8 = 0x09;
    pub const I8: u8 = 0x0A;
    pub const U8: u8 = 0x0B;
    pub const R4: u8 = 0x0C;
    pub const R8: u8 = 0x0D;
    pub const STRING: u8 = 0x0E;
    pub const PTR: u8 = 0x0F;
    pub const BYREF: u8 = 0x10;
    pub const VALUETYPE: u8 = 0x11;
    pub const CLASS: u8 = 0x12;
    pub const VAR: u8 = 0x13;
    pub const ARRAY: u8 = 0x14;
    pub const GENERICINST: u8 = 0x15;
    pub const TYPEDBYREF: u8 = 0x16;
    pub const I: u8 = 0x18;
    pub const U: u8 = 0x19;
    pub const FNPTR: u8 = 0x1B;
    pub const OBJECT: u8 = 0x1C;
    pub const SZARRAY: u8 = 0x1D;
    pub const MVAR: u8 = 0x1E;
    pub const CMOD_REQD: u8 = 0x1F;
    pub const CMOD_OPT: u8 = 0x20;
    pub const INTERNAL: u8 = 0x21;
    pub const MODIFIER: u8 = 0x40;
    pub const SENTINEL: u8 = 0x41;
    pub const PINNED: u8 = 0x45;
}

/// Calling-convention byte bits and kinds of II.23.2.1–II.23.2.3.
pub mod sig_flags {
    pub const DEFAULT: u8 = 0x00;
    pub const C: u8 = 0x01;
    pub const STDCALL: u8 = 0x02;
    pub const THISCALL: u8 = 0x03;
    pub const FASTCALL: u8 = 0x04;
    pub const VARARG: u8 = 0x05;
    pub const FIELD: u8 = 0x06;
    pub const LOCAL_SIG: u8 = 0x07;
    pub const PROPERTY: u8 = 0x08;
    /// Not in ECMA-335 6th edition; newer runtimes use it for `unmanaged` function pointers.
    pub const UNMANAGED: u8 = 0x09;
    pub const GENERICINST: u8 = 0x0A;
    pub const KIND_MASK: u8 = 0x0F;
    pub const GENERIC: u8 = 0x10;
    pub const HASTHIS: u8 = 0x20;
    pub const EXPLICITTHIS: u8 = 0x40;
}

/// Deepest nesting of types inside types accepted. Real signatures stay far below it; the
/// bound keeps a hostile blob from exhausting the stack.
pub const MAX_NESTING: u32 = 128;

/// Decodes a compressed unsigned integer (II.23.2) at `offset`, returning it and its length.
pub fn decode_compressed_u32(data: &[u8], offset: usize) -> Result<(u32, usize), DecodeError> {
    let first = *data
        .get(offset)
        .ok_or_else(|| DecodeError::new(offset, "truncated: compressed integer expected"))?;
    let len = match first {
        b if b & 0x80 == 0 => 1,
        b if b & 0xC0 == 0x80 => 2,
        b if b & 0xE0 == 0xC0 => 4,
        b => {
            return Err(DecodeError::new(
                offset,
                format!("invalid compressed integer lead byte 0x{b:02x}"),
            ))
        }
    };
    let bytes = offset
        .checked_add(len)
        .and_then(|end| data.get(offset..end))
        .ok_or_else(|| {
            DecodeError::new(
                offset,
                format!("truncated: {len}-byte compressed integer runs past the blob end"),
            )
        })?;
    let value = match len {
        1 => u32::from(first),
        2 => (u32::from(first & 0x3F) << 8) | u32::from(bytes[1]),
        _ => {
            (u32::from(first & 0x1F) << 24)
                | (u32::from(bytes[1]) << 16)
                | (u32::from(bytes[2]) << 8)
                | u32::from(bytes[3])
        }
    };
    Ok((value, len))
}

/// Decodes a compressed signed integer (II.23.2): the unsigned encoding of the value rotated
/// left by one within its 7, 14 or 29 bits, so the sign sits in bit 0.
pub fn decode_compressed_i32(data: &[u8], offset: usize) -> Result<(i32, usize), DecodeError> {
    let (raw, len) = decode_compressed_u32(data, offset)?;
    let bits = match len {
        1 => 7,
        2 => 14,
        _ => 29,
    };
    let magnitude = (raw >> 1) as i32;
    let value = if raw & 1 == 0 {
        magnitude
    } else {
        magnitude - (1i32 << (bits - 1))
    };
    Ok((value, len))
}

/// Decodes a TypeDefOrRefOrSpecEncoded (II.23.2.8) compressed coded index into a token.
pub fn decode_type_def_or_ref(data: &[u8], offset: usize) -> Result<(Token, usize), DecodeError> {
    let (raw, len) = decode_compressed_u32(data, offset)?;
    let table = match raw & 3 {
        0 => TableId::TypeDef,
        1 => TableId::TypeRef,
        2 => TableId::TypeSpec,
        _ => {
            return Err(DecodeError::new(
                offset,
                "TypeDefOrRefOrSpecEncoded with reserved table tag 3",
            ))
        }
    };
    let row = raw >> 2;
    if row == 0 {
        return Err(DecodeError::new(
            offset,
            format!("null {table:?} reference in a signature"),
        ));
    }
    if row > 0x00FF_FFFF {
        return Err(DecodeError::new(
            offset,
            format!("{table:?} row {row} does not fit a token"),
        ));
    }
    Ok((Token::new(table, RowIndex(row)), len))
}

/// A custom modifier (`modreq` when `required`, else `modopt`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct CustomMod {
    pub required: bool,
    pub modifier: Token,
}

/// A type as encoded in a signature (II.23.2.12).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum TypeSig {
    Void,
    Boolean,
    Char,
    I1,
    U1,
    I2,
    U2,
    I4,
    U4,
    I8,
    U8,
    R4,
    R8,
    /// `native int`
    I,
    /// `native unsigned int`
    U,
    String,
    Object,
    TypedByRef,
    Ptr(Box<TypeSig>),
    ByRef(Box<TypeSig>),
    ValueType(Token),
    Class(Token),
    /// A type generic parameter `!n`.
    Var(u32),
    /// A method generic parameter `!!n`.
    MVar(u32),
    /// A general array; `sizes` and `lo_bounds` give the leading dimensions that have them.
    Array {
        elem: Box<TypeSig>,
        rank: u32,
        sizes: Vec<u32>,
        lo_bounds: Vec<i32>,
    },
    /// A single-dimensional, zero-based array.
    SzArray(Box<TypeSig>),
    GenericInst {
        is_value_type: bool,
        generic: Token,
        args: Vec<TypeSig>,
    },
    FnPtr(Box<MethodSig>),
    Modified {
        required: bool,
        modifier: Token,
        inner: Box<TypeSig>,
    },
}

impl TypeSig {
    /// The type with nested custom modifiers peeled off.
    pub fn strip_modifiers(&self) -> &TypeSig {
        let mut t = self;
        while let TypeSig::Modified { inner, .. } = t {
            t = inner;
        }
        t
    }
}

/// The calling convention of a method signature (low nibble and GENERIC bit).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum CallConv {
    Default,
    /// Generic method definition or reference with this many type parameters.
    Generic {
        param_count: u32,
    },
    VarArg,
    C,
    StdCall,
    ThisCall,
    FastCall,
    Unmanaged,
}

/// A parameter, return type or property type: leading custom modifiers, an optional `BYREF`
/// and the type (`Void` only for return types, `TypedByRef` allowed).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct ParamType {
    pub custom_mods: Vec<CustomMod>,
    pub byref: bool,
    pub ty: TypeSig,
}

pub type RetType = ParamType;

impl ParamType {
    pub fn is_void(&self) -> bool {
        !self.byref && self.ty == TypeSig::Void
    }
}

/// MethodDefSig, MethodRefSig or StandAloneMethodSig (II.23.2.1–3).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct MethodSig {
    pub has_this: bool,
    pub explicit_this: bool,
    pub call_conv: CallConv,
    pub ret: RetType,
    /// Every parameter, including the variable ones after the sentinel.
    pub params: Vec<ParamType>,
    /// For a vararg call site: how many parameters precede the sentinel.
    pub sentinel: Option<usize>,
}

impl MethodSig {
    pub fn generic_param_count(&self) -> u32 {
        match self.call_conv {
            CallConv::Generic { param_count } => param_count,
            _ => 0,
        }
    }

    /// The parameters a vararg method declares, without the call site's extra ones.
    pub fn fixed_params(&self) -> &[ParamType] {
        &self.params[..self.sentinel.unwrap_or(self.params.len())]
    }
}

/// FieldSig (II.23.2.4).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct FieldSig {
    pub custom_mods: Vec<CustomMod>,
    pub ty: TypeSig,
}

/// PropertySig (II.23.2.5).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct PropertySig {
    pub has_this: bool,
    pub ty: ParamType,
    pub params: Vec<ParamType>,
}

/// One local of a LocalVarSig (II.23.2.6).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct LocalVar {
    pub custom_mods: Vec<CustomMod>,
    pub pinned: bool,
    pub byref: bool,
    pub ty: TypeSig,
}

/// LocalVarSig (II.23.2.6).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct LocalVarSig {
    pub locals: Vec<LocalVar>,
}

/// The instantiation blob of a MethodSpec row (II.23.2.15).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct MethodSpecSig {
    pub args: Vec<TypeSig>,
}

/// A MemberRef signature is a field or a method signature, told apart by its first byte.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum MemberRefSig {
    Field(FieldSig),
    Method(MethodSig),
}

pub fn parse_method_sig(blob: &[u8]) -> Result<MethodSig, DecodeError> {
    Parser::new(blob).method_sig()
}

pub fn parse_field_sig(blob: &[u8]) -> Result<FieldSig, DecodeError> {
    Parser::new(blob).field_sig()
}

pub fn parse_member_ref_sig(blob: &[u8]) -> Result<MemberRefSig, DecodeError> {
    let mut p = Parser::new(blob);
    if p.peek() == Some(sig_flags::FIELD) {
        p.field_sig().map(MemberRefSig::Field)
    } else {
        p.method_sig().map(MemberRefSig::Method)
    }
}

pub fn parse_property_sig(blob: &[u8]) -> Result<PropertySig, DecodeError> {
    Parser::new(blob).property_sig()
}

pub fn parse_local_var_sig(blob: &[u8]) -> Result<LocalVarSig, DecodeError> {
    Parser::new(blob).local_var_sig()
}

pub fn parse_method_spec(blob: &[u8]) -> Result<MethodSpecSig, DecodeError> {
    Parser::new(blob).method_spec()
}

/// A TypeSpec blob is a single type.
pub fn parse_type_spec(blob: &[u8]) -> Result<TypeSig, DecodeError> {
    Parser::new(blob).ty(false)
}

struct Parser<'a> {
    data: &'a [u8],
    pos: usize,
    depth: u32,
}

impl<'a> Parser<'a> {
    fn new(data: &'a [u8]) -> Self {
        Parser {
            data,
            pos: 0,
            depth: 0,
        }
    }

    fn error(&self, at: usize, message: impl Into<String>) -> DecodeError {
        DecodeError::new(at, message)
    }

    fn peek(&self) -> Option<u8> {
        self.data.get(self.pos).copied()
    }

    fn byte(&mut self, what: &str) -> Result<u8, DecodeError> {
        let b = self
            .peek()
            .ok_or_else(|| self.error(self.pos, format!("truncated: {what} expected")))?;
        self.pos += 1;
        Ok(b)
    }

    fn compressed_u32(&mut self) -> Result<u32, DecodeError> {
        let (v, len) = decode_compressed_u32(self.data, self.pos)?;
        self.pos += len;
        Ok(v)
    }

    fn compressed_i32(&mut self) -> Result<i32, DecodeError> {
        let (v, len) = decode_compressed_i32(self.data, self.pos)?;
        self.pos += len;
        Ok(v)
    }

    fn type_token(&mut self) -> Result<Token, DecodeError> {
        let (t, len) = decode_type_def_or_ref(self.data, self.pos)?;
        self.pos += len;
        Ok(t)
    }

    /// Reads an element count. Each element takes at least one byte, so a count beyond the
    /// remaining bytes is malformed; rejecting it here also bounds every allocation.
    fn count(&mut self, what: &str) -> Result<usize, DecodeError> {
        let at = self.pos;
        let n = self.compressed_u32()? as usize;
        let remaining = self.data.len() - self.pos;
        if n > remaining {
            return Err(self.error(
                at,
                format!("{what} count {n} exceeds the {remaining} bytes left in the blob"),
            ));
        }
        Ok(n)
    }

    fn enter(&mut self) -> Result<(), DecodeError> {
        self.depth += 1;
        if self.depth > MAX_NESTING {
            return Err(self.error(
                self.pos,
                format!("types nested deeper than {MAX_NESTING} levels"),
            ));
        }
        Ok(())
    }

    fn leave(&mut self) {
        self.depth -= 1;
    }

    fn is_custom_mod(b: Option<u8>) -> bool {
        matches!(
            b,
            Some(element_type::CMOD_REQD) | Some(element_type::CMOD_OPT)
        )
    }

    /// Reads one modifier; the caller has seen a CMOD byte at the cursor.
    fn custom_mod(&mut self) -> Result<CustomMod, DecodeError> {
        let required = self.byte("custom modifier")? == element_type::CMOD_REQD;
        let modifier = self.type_token()?;
        Ok(CustomMod { required, modifier })
    }

    fn custom_mods(&mut self) -> Result<Vec<CustomMod>, DecodeError> {
        let mut mods = Vec::new();
        while Self::is_custom_mod(self.peek()) {
            mods.push(self.custom_mod()?);
        }
        Ok(mods)
    }

    fn ty(&mut self, allow_void: bool) -> Result<TypeSig, DecodeError> {
        use element_type as et;
        self.enter()?;
        let at = self.pos;
        let b = self.byte("element type")?;
        let t = match b {
            et::VOID if allow_void => TypeSig::Void,
            et::VOID => {
                return Err(self.error(
                    at,
                    "void is only valid as a return type or a pointer target",
                ))
            }
            et::BOOLEAN => TypeSig::Boolean,
            et::CHAR => TypeSig::Char,
            et::I1 => TypeSig::I1,
            et::U1 => TypeSig::U1,
            et::I2 => TypeSig::I2,
            et::U2 => TypeSig::U2,
            et::I4 => TypeSig::I4,
            et::U4 => TypeSig::U4,
            et::I8 => TypeSig::I8,
            et::U8 => TypeSig::U8,
            et::R4 => TypeSig::R4,
            et::R8 => TypeSig::R8,
            et::I => TypeSig::I,
            et::U => TypeSig::U,
            et::STRING => TypeSig::String,
            et::OBJECT => TypeSig::Object,
            et::TYPEDBYREF => TypeSig::TypedByRef,
            et::PTR => TypeSig::Ptr(Box::new(self.ty(true)?)),
            et::BYREF => TypeSig::ByRef(Box::new(self.ty(false)?)),
            et::VALUETYPE => TypeSig::ValueType(self.type_token()?),
            et::CLASS => TypeSig::Class(self.type_token()?),
            et::VAR => TypeSig::Var(self.compressed_u32()?),
            et::MVAR => TypeSig::MVar(self.compressed_u32()?),
            et::SZARRAY => TypeSig::SzArray(Box::new(self.ty(false)?)),
            et::ARRAY => self.array()?,
            et::GENERICINST => self.generic_inst()?,
            et::FNPTR => TypeSig::FnPtr(Box::new(self.method_sig()?)),
            et::CMOD_REQD | et::CMOD_OPT => {
                let modifier = self.type_token()?;
                TypeSig::Modified {
                    required: b == et::CMOD_REQD,
                    modifier,
                    inner: Box::new(self.ty(allow_void)?),
                }
            }
            et::SENTINEL => {
                return Err(self.error(
                    at,
                    "sentinel outside the parameter list of a vararg signature",
                ))
            }
            et::PINNED => return Err(self.error(at, "pinned outside a local variable signature")),
            et::INTERNAL => {
                return Err(self.error(
                    at,
                    "ELEMENT_TYPE_INTERNAL is runtime-private and invalid in a file",
                ))
            }
            other => {
                return Err(self.error(at, format!("unknown element type 0x{other:02x}")));
            }
        };
        self.leave();
        Ok(t)
    }

    fn array(&mut self) -> Result<TypeSig, DecodeError> {
        let elem = Box::new(self.ty(false)?);
        let rank_at = self.pos;
        let rank = self.compressed_u32()?;
        if rank == 0 {
            return Err(self.error(rank_at, "array of rank 0"));
        }
        let sizes_at = self.pos;
        let num_sizes = self.count("array size")?;
        if num_sizes as u64 > u64::from(rank) {
            return Err(self.error(sizes_at, format!("{num_sizes} array sizes for rank {rank}")));
        }
        let sizes = (0..num_sizes)
            .map(|_| self.compressed_u32())
            .collect::<Result<Vec<_>, _>>()?;
        let bounds_at = self.pos;
        let num_lo = self.count("array lower bound")?;
        if num_lo as u64 > u64::from(rank) {
            return Err(self.error(
                bounds_at,
                format!("{num_lo} array lower bounds for rank {rank}"),
            ));
        }
        let lo_bounds = (0..num_lo)
            .map(|_| self.compressed_i32())
            .collect::<Result<Vec<_>, _>>()?;
        Ok(TypeSig::Array {
            elem,
            rank,
            sizes,
            lo_bounds,
        })
    }

    fn generic_inst(&mut self) -> Result<TypeSig, DecodeError> {
        let kind_at = self.pos;
        let is_value_type = match self.byte("CLASS or VALUETYPE after GENERICINST")? {
            element_type::CLASS => false,
            element_type::VALUETYPE => true,
            other => {
                return Err(self.error(
                    kind_at,
                    format!("GENERICINST followed by 0x{other:02x}, not CLASS or VALUETYPE"),
                ))
            }
        };
        let generic = self.type_token()?;
        let count_at = self.pos;
        let n = self.count("generic argument")?;
        if n == 0 {
            return Err(self.error(count_at, "generic instantiation with no arguments"));
        }
        let args = (0..n)
            .map(|_| self.ty(false))
            .collect::<Result<Vec<_>, _>>()?;
        Ok(TypeSig::GenericInst {
            is_value_type,
            generic,
            args,
        })
    }

    fn param(&mut self, allow_void: bool) -> Result<ParamType, DecodeError> {
        let custom_mods = self.custom_mods()?;
        let byref = self.peek() == Some(element_type::BYREF);
        if byref {
            self.pos += 1;
        }
        let ty = self.ty(allow_void && !byref)?;
        Ok(ParamType {
            custom_mods,
            byref,
            ty,
        })
    }

    fn method_sig(&mut self) -> Result<MethodSig, DecodeError> {
        self.enter()?;
        let at = self.pos;
        let flags = self.byte("calling convention")?;
        let kind = flags & sig_flags::KIND_MASK;
        if flags & 0x80 != 0 {
            return Err(self.error(
                at,
                format!("reserved bit set in calling convention 0x{flags:02x}"),
            ));
        }
        let mut call_conv = match kind {
            sig_flags::DEFAULT => CallConv::Default,
            sig_flags::C => CallConv::C,
            sig_flags::STDCALL => CallConv::StdCall,
            sig_flags::THISCALL => CallConv::ThisCall,
            sig_flags::FASTCALL => CallConv::FastCall,
            sig_flags::VARARG => CallConv::VarArg,
            sig_flags::UNMANAGED => CallConv::Unmanaged,
            _ => {
                return Err(self.error(
                    at,
                    format!("calling convention 0x{flags:02x} is not a method signature"),
                ))
            }
        };
        if flags & sig_flags::GENERIC != 0 {
            if call_conv != CallConv::Default {
                return Err(self.error(
                    at,
                    format!("generic flag with non-default calling convention 0x{flags:02x}"),
                ));
            }
            let count_at = self.pos;
            let param_count = self.compressed_u32()?;
            if param_count == 0 {
                return Err(self.error(count_at, "generic method with 0 type parameters"));
            }
            call_conv = CallConv::Generic { param_count };
        }
        let param_count = self.count("parameter")?;
        let ret = self.param(true)?;
        let mut params = Vec::with_capacity(param_count);
        let mut sentinel = None;
        for i in 0..param_count {
            if self.peek() == Some(element_type::SENTINEL) {
                if call_conv != CallConv::VarArg {
                    return Err(self.error(self.pos, "sentinel in a non-vararg signature"));
                }
                if sentinel.is_some() {
                    return Err(self.error(self.pos, "second sentinel in a signature"));
                }
                sentinel = Some(i);
                self.pos += 1;
            }
            params.push(self.param(false)?);
        }
        self.leave();
        Ok(MethodSig {
            has_this: flags & sig_flags::HASTHIS != 0,
            explicit_this: flags & sig_flags::EXPLICITTHIS != 0,
            call_conv,
            ret,
            params,
            sentinel,
        })
    }

    fn field_sig(&mut self) -> Result<FieldSig, DecodeError> {
        let flags = self.byte("FIELD signature marker")?;
        if flags != sig_flags::FIELD {
            return Err(self.error(
                0,
                format!("field signature starts with 0x{flags:02x}, not 0x06"),
            ));
        }
        let custom_mods = self.custom_mods()?;
        let ty = self.ty(false)?;
        Ok(FieldSig { custom_mods, ty })
    }

    fn property_sig(&mut self) -> Result<PropertySig, DecodeError> {
        let flags = self.byte("PROPERTY signature marker")?;
        if flags & !sig_flags::HASTHIS != sig_flags::PROPERTY {
            return Err(self.error(
                0,
                format!("property signature starts with 0x{flags:02x}, not 0x08 or 0x28"),
            ));
        }
        let param_count = self.count("property parameter")?;
        let ty = self.param(false)?;
        let params = (0..param_count)
            .map(|_| self.param(false))
            .collect::<Result<Vec<_>, _>>()?;
        Ok(PropertySig {
            has_this: flags & sig_flags::HASTHIS != 0,
            ty,
            params,
        })
    }

    fn local_var_sig(&mut self) -> Result<LocalVarSig, DecodeError> {
        let flags = self.byte("LOCAL_SIG marker")?;
        if flags != sig_flags::LOCAL_SIG {
            return Err(self.error(
                0,
                format!("local variable signature starts with 0x{flags:02x}, not 0x07"),
            ));
        }
        let count = self.count("local")?;
        let mut locals = Vec::with_capacity(count);
        for _ in 0..count {
            // Modifiers and the pinned constraint may interleave in any order before BYREF.
            let mut custom_mods = Vec::new();
            let mut pinned = false;
            loop {
                match self.peek() {
                    b if Self::is_custom_mod(b) => custom_mods.push(self.custom_mod()?),
                    Some(element_type::PINNED) => {
                        pinned = true;
                        self.pos += 1;
                    }
                    _ => break,
                }
            }
            let byref = self.peek() == Some(element_type::BYREF);
            if byref {
                self.pos += 1;
            }
            let ty = self.ty(false)?;
            locals.push(LocalVar {
                custom_mods,
                pinned,
                byref,
                ty,
            });
        }
        Ok(LocalVarSig { locals })
    }

    fn method_spec(&mut self) -> Result<MethodSpecSig, DecodeError> {
        let flags = self.byte("GENERICINST marker")?;
        if flags != sig_flags::GENERICINST {
            return Err(self.error(
                0,
                format!("method instantiation starts with 0x{flags:02x}, not 0x0a"),
            ));
        }
        let count_at = self.pos;
        let n = self.count("generic argument")?;
        if n == 0 {
            return Err(self.error(count_at, "method instantiation with no arguments"));
        }
        let args = (0..n)
            .map(|_| self.ty(false))
            .collect::<Result<Vec<_>, _>>()?;
        Ok(MethodSpecSig { args })
    }
}

impl fmt::Display for CustomMod {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let kw = if self.required { "modreq" } else { "modopt" };
        write!(f, "{kw}([{}])", self.modifier)
    }
}

fn write_list<T: fmt::Display>(f: &mut fmt::Formatter<'_>, items: &[T]) -> fmt::Result {
    for (i, item) in items.iter().enumerate() {
        if i > 0 {
            f.write_str(", ")?;
        }
        write!(f, "{item}")?;
    }
    Ok(())
}

impl fmt::Display for TypeSig {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            TypeSig::Void => f.write_str("void"),
            TypeSig::Boolean => f.write_str("bool"),
            TypeSig::Char => f.write_str("char"),
            TypeSig::I1 => f.write_str("int8"),
            TypeSig::U1 => f.write_str("uint8"),
            TypeSig::I2 => f.write_str("int16"),
            TypeSig::U2 => f.write_str("uint16"),
            TypeSig::I4 => f.write_str("int32"),
            TypeSig::U4 => f.write_str("uint32"),
            TypeSig::I8 => f.write_str("int64"),
            TypeSig::U8 => f.write_str("uint64"),
            TypeSig::R4 => f.write_str("float32"),
            TypeSig::R8 => f.write_str("float64"),
            TypeSig::I => f.write_str("native int"),
            TypeSig::U => f.write_str("native uint"),
            TypeSig::String => f.write_str("string"),
            TypeSig::Object => f.write_str("object"),
            TypeSig::TypedByRef => f.write_str("typedref"),
            TypeSig::Ptr(t) => write!(f, "{t}*"),
            TypeSig::ByRef(t) => write!(f, "{t}&"),
            TypeSig::ValueType(t) => write!(f, "valuetype [{t}]"),
            TypeSig::Class(t) => write!(f, "class [{t}]"),
            TypeSig::Var(n) => write!(f, "!{n}"),
            TypeSig::MVar(n) => write!(f, "!!{n}"),
            TypeSig::SzArray(t) => write!(f, "{t}[]"),
            TypeSig::Array {
                elem,
                rank,
                sizes,
                lo_bounds,
            } => {
                write!(f, "{elem}[")?;
                for dim in 0..*rank as usize {
                    if dim > 0 {
                        f.write_str(",")?;
                    }
                    let lo = lo_bounds.get(dim).copied();
                    let size = sizes.get(dim).copied();
                    match (lo, size) {
                        (Some(lo), Some(0)) => write!(f, "{lo}...")?,
                        (Some(lo), Some(size)) => {
                            write!(f, "{lo}...{}", i64::from(lo) + i64::from(size) - 1)?
                        }
                        (Some(lo), None) => write!(f, "{lo}...")?,
                        (None, Some(size)) => write!(f, "{size}")?,
                        // A rank-1 ARRAY with no bounds differs from an SZARRAY; mark it.
                        (None, None) if *rank == 1 => f.write_str("*")?,
                        (None, None) => {}
                    }
                }
                f.write_str("]")
            }
            TypeSig::GenericInst {
                is_value_type,
                generic,
                args,
            } => {
                let kw = if *is_value_type { "valuetype" } else { "class" };
                write!(f, "{kw} [{generic}]<")?;
                write_list(f, args)?;
                f.write_str(">")
            }
            TypeSig::FnPtr(sig) => {
                f.write_str("method ")?;
                write_method(f, sig, " *")
            }
            TypeSig::Modified {
                required,
                modifier,
                inner,
            } => {
                let m = CustomMod {
                    required: *required,
                    modifier: *modifier,
                };
                write!(f, "{inner} {m}")
            }
        }
    }
}

impl fmt::Display for ParamType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.ty)?;
        if self.byref {
            f.write_str("&")?;
        }
        for m in &self.custom_mods {
            write!(f, " {m}")?;
        }
        Ok(())
    }
}

impl fmt::Display for LocalVar {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.ty)?;
        if self.byref {
            f.write_str("&")?;
        }
        for m in &self.custom_mods {
            write!(f, " {m}")?;
        }
        if self.pinned {
            f.write_str(" pinned")?;
        }
        Ok(())
    }
}

fn write_method(f: &mut fmt::Formatter<'_>, sig: &MethodSig, name: &str) -> fmt::Result {
    if sig.has_this {
        f.write_str("instance ")?;
    }
    if sig.explicit_this {
        f.write_str("explicit ")?;
    }
    match sig.call_conv {
        CallConv::Default | CallConv::Generic { .. } => {}
        CallConv::VarArg => f.write_str("vararg ")?,
        CallConv::C => f.write_str("unmanaged cdecl ")?,
        CallConv::StdCall => f.write_str("unmanaged stdcall ")?,
        CallConv::ThisCall => f.write_str("unmanaged thiscall ")?,
        CallConv::FastCall => f.write_str("unmanaged fastcall ")?,
        CallConv::Unmanaged => f.write_str("unmanaged ")?,
    }
    write!(f, "{}{name}", sig.ret)?;
    if let CallConv::Generic { param_count } = sig.call_conv {
        write!(f, "<[{param_count}]>")?;
    }
    f.write_str("(")?;
    for (i, p) in sig.params.iter().enumerate() {
        if i > 0 {
            f.write_str(", ")?;
        }
        if sig.sentinel == Some(i) {
            f.write_str("..., ")?;
        }
        write!(f, "{p}")?;
    }
    f.write_str(")")
}

impl fmt::Display for MethodSig {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write_method(f, self, " ")
    }
}

#[cfg(test)]
mod tests {
    use super::element_type as et;
    use super::*;

    fn tok(table: TableId, row: u32) -> Token {
        Token::new(table, RowIndex(row))
    }

    /// TypeDefOrRefOrSpecEncoded bytes for small rows (one-byte encoding).
    fn enc(table: TableId, row: u32) -> u8 {
        let tag = match table {
            TableId::TypeDef => 0,
            TableId::TypeRef => 1,
            TableId::TypeSpec => 2,
            _ => unreachable!(),
        };
        assert!(row < 32);
        ((row << 2) | tag) as u8
    }

    fn param(ty: TypeSig) -> ParamType {
        ParamType {
            custom_mods: vec![],
            byref: false,
            ty,
        }
    }

    #[test]
    fn compressed_unsigned_follows_ecma_examples() {
        let cases: &[(&[u8], u32)] = &[
            (&[0x03], 0x03),
            (&[0x7F], 0x7F),
            (&[0x80, 0x80], 0x80),
            (&[0xAE, 0x57], 0x2E57),
            (&[0xBF, 0xFF], 0x3FFF),
            (&[0xC0, 0x00, 0x40, 0x00], 0x4000),
            (&[0xDF, 0xFF, 0xFF, 0xFF], 0x1FFF_FFFF),
        ];
        for (bytes, value) in cases {
            assert_eq!(
                decode_compressed_u32(bytes, 0).unwrap(),
                (*value, bytes.len())
            );
        }
    }

    #[test]
    fn compressed_signed_follows_ecma_examples() {
        let cases: &[(&[u8], i32)] = &[
            (&[0x06], 3),
            (&[0x7B], -3),
            (&[0x80, 0x80], 64),
            (&[0x01], -64),
            (&[0xC0, 0x00, 0x40, 0x00], 8192),
            (&[0x80, 0x01], -8192),
            (&[0xDF, 0xFF, 0xFF, 0xFE], 268_435_455),
            (&[0xC0, 0x00, 0x00, 0x01], -268_435_456),
        ];
        for (bytes, value) in cases {
            assert_eq!(
                decode_compressed_i32(bytes, 0).unwrap(),
                (*value, bytes.len()),
                "{bytes:x?}"
            );
        }
    }

    #[test]
    fn compressed_integer_errors() {
        assert_eq!(decode_compressed_u32(&[], 0).unwrap_err().offset, 0);
        assert!(decode_compressed_u32(&[0x80], 0).is_err());
        assert!(decode_compressed_u32(&[0xC0, 0, 0], 0).is_err());
        let e = decode_compressed_u32(&[0x00, 0xE0, 0, 0, 0], 1).unwrap_err();
        assert_eq!(e.offset, 1);
        assert!(e.message.contains("lead byte"));
        assert!(decode_compressed_u32(&[1], usize::MAX).is_err());
    }

    #[test]
    fn type_def_or_ref_tokens() {
        // II.23.2.8 example: TypeRef row 0x12 encodes as 0x49.
        assert_eq!(
            decode_type_def_or_ref(&[0x49], 0).unwrap(),
            (tok(TableId::TypeRef, 0x12), 1)
        );
        assert_eq!(
            decode_type_def_or_ref(&[0x08], 0).unwrap().0,
            tok(TableId::TypeDef, 2)
        );
        assert_eq!(
            decode_type_def_or_ref(&[0x80, 0x82], 0).unwrap().0,
            tok(TableId::TypeSpec, 0x20)
        );
        assert!(decode_type_def_or_ref(&[0x07], 0).is_err());
        assert!(decode_type_def_or_ref(&[0x01], 0).is_err());
    }

    #[test]
    fn every_primitive_element_type() {
        let prims = [
            (et::BOOLEAN, TypeSig::Boolean, "bool"),
            (et::CHAR, TypeSig::Char, "char"),
            (et::I1, TypeSig::I1, "int8"),
            (et::U1, TypeSig::U1, "uint8"),
            (et::I2, TypeSig::I2, "int16"),
            (et::U2, TypeSig::U2, "uint16"),
            (et::I4, TypeSig::I4, "int32"),
            (et::U4, TypeSig::U4, "uint32"),
            (et::I8, TypeSig::I8, "int64"),
            (et::U8, TypeSig::U8, "uint64"),
            (et::R4, TypeSig::R4, "float32"),
            (et::R8, TypeSig::R8, "float64"),
            (et::I, TypeSig::I, "native int"),
            (et::U, TypeSig::U, "native uint"),
            (et::STRING, TypeSig::String, "string"),
            (et::OBJECT, TypeSig::Object, "object"),
            (et::TYPEDBYREF, TypeSig::TypedByRef, "typedref"),
        ];
        for (b, t, name) in prims {
            let parsed = parse_type_spec(&[b]).unwrap();
            assert_eq!(parsed, t);
            assert_eq!(parsed.to_string(), name);
        }
        assert!(parse_type_spec(&[et::VOID]).is_err());
    }

    #[test]
    fn constructed_types() {
        let cases: &[(&[u8], &str)] = &[
            (&[et::PTR, et::VOID], "void*"),
            (&[et::PTR, et::PTR, et::I4], "int32**"),
            (&[et::BYREF, et::I4], "int32&"),
            (&[et::VALUETYPE, 0x09], "valuetype [0x01000002]"),
            (&[et::CLASS, 0x0C], "class [0x02000003]"),
            (&[et::VAR, 0x01], "!1"),
            (&[et::MVAR, 0x00], "!!0"),
            (&[et::SZARRAY, et::STRING], "string[]"),
            (&[et::SZARRAY, et::SZARRAY, et::I4], "int32[][]"),
        ];
        for (bytes, shown) in cases {
            assert_eq!(parse_type_spec(bytes).unwrap().to_string(), *shown);
        }
        assert_eq!(
            parse_type_spec(&[et::CLASS, 0x0C]).unwrap(),
            TypeSig::Class(tok(TableId::TypeDef, 3))
        );
    }

    #[test]
    fn arrays_with_bounds() {
        // int32[0...3, 5...] : rank 2, one size (4), two lower bounds (0, 5)
        let blob = [et::ARRAY, et::I4, 2, 1, 4, 2, 0x00, 0x0A];
        let t = parse_type_spec(&blob).unwrap();
        assert_eq!(
            t,
            TypeSig::Array {
                elem: Box::new(TypeSig::I4),
                rank: 2,
                sizes: vec![4],
                lo_bounds: vec![0, 5],
            }
        );
        assert_eq!(t.to_string(), "int32[0...3,5...]");
        // Negative lower bound -2 (0x7D), no sizes, rank 1.
        let t = parse_type_spec(&[et::ARRAY, et::R8, 1, 0, 1, 0x7D]).unwrap();
        assert_eq!(t.to_string(), "float64[-2...]");
        assert_eq!(
            parse_type_spec(&[et::ARRAY, et::I4, 3, 0, 0])
                .unwrap()
                .to_string(),
            "int32[,,]"
        );
        assert_eq!(
            parse_type_spec(&[et::ARRAY, et::I4, 1, 0, 0])
                .unwrap()
                .to_string(),
            "int32[*]"
        );
        // Rank 0 and more sizes than dimensions are malformed.
        assert!(parse_type_spec(&[et::ARRAY, et::I4, 0, 0, 0]).is_err());
        assert!(parse_type_spec(&[et::ARRAY, et::I4, 1, 2, 1, 1, 0]).is_err());
        assert!(parse_type_spec(&[et::ARRAY, et::I4, 1, 0, 2, 0, 0]).is_err());
    }

    #[test]
    fn generic_instantiation() {
        // class List`1<int32> and valuetype KeyValuePair`2<string, !0>
        let list = enc(TableId::TypeRef, 5);
        let kvp = enc(TableId::TypeRef, 6);
        let t = parse_type_spec(&[et::GENERICINST, et::CLASS, list, 1, et::I4]).unwrap();
        assert_eq!(
            t,
            TypeSig::GenericInst {
                is_value_type: false,
                generic: tok(TableId::TypeRef, 5),
                args: vec![TypeSig::I4],
            }
        );
        assert_eq!(t.to_string(), "class [0x01000005]<int32>");
        let t = parse_type_spec(&[
            et::GENERICINST,
            et::VALUETYPE,
            kvp,
            2,
            et::STRING,
            et::VAR,
            0,
        ])
        .unwrap();
        assert_eq!(t.to_string(), "valuetype [0x01000006]<string, !0>");
        // Nested: List<List<!!0>[]>
        let t = parse_type_spec(&[
            et::GENERICINST,
            et::CLASS,
            list,
            1,
            et::SZARRAY,
            et::GENERICINST,
            et::CLASS,
            list,
            1,
            et::MVAR,
            0,
        ])
        .unwrap();
        assert_eq!(
            t.to_string(),
            "class [0x01000005]<class [0x01000005]<!!0>[]>"
        );
        // Zero arguments, a bad kind byte and void arguments are rejected.
        assert!(parse_type_spec(&[et::GENERICINST, et::CLASS, list, 0]).is_err());
        assert!(parse_type_spec(&[et::GENERICINST, et::I4, list, 1, et::I4]).is_err());
        assert!(parse_type_spec(&[et::GENERICINST, et::CLASS, list, 1, et::VOID]).is_err());
    }

    #[test]
    fn method_signatures() {
        // instance void (int32, string&)
        let sig = parse_method_sig(&[0x20, 2, et::VOID, et::I4, et::BYREF, et::STRING]).unwrap();
        assert!(sig.has_this && !sig.explicit_this);
        assert_eq!(sig.call_conv, CallConv::Default);
        assert!(sig.ret.is_void());
        assert_eq!(
            sig.params,
            vec![
                param(TypeSig::I4),
                ParamType {
                    custom_mods: vec![],
                    byref: true,
                    ty: TypeSig::String
                }
            ]
        );
        assert_eq!(sig.to_string(), "instance void (int32, string&)");

        // static !!0 <[1]>(!!0[]) : generic method with one type parameter
        let sig = parse_method_sig(&[0x10, 1, 1, et::MVAR, 0, et::SZARRAY, et::MVAR, 0]).unwrap();
        assert_eq!(sig.call_conv, CallConv::Generic { param_count: 1 });
        assert_eq!(sig.generic_param_count(), 1);
        assert_eq!(sig.to_string(), "!!0 <[1]>(!!0[])");

        // typedref return and parameter, byref return
        let sig = parse_method_sig(&[0x00, 1, et::TYPEDBYREF, et::TYPEDBYREF]).unwrap();
        assert_eq!(sig.ret.ty, TypeSig::TypedByRef);
        let sig = parse_method_sig(&[0x00, 0, et::BYREF, et::I4]).unwrap();
        assert!(sig.ret.byref && !sig.ret.is_void());

        // explicit this and unmanaged conventions
        let sig = parse_method_sig(&[0x61, 0, et::VOID]).unwrap();
        assert!(sig.explicit_this && sig.has_this);
        assert_eq!(sig.call_conv, CallConv::C);

        // void parameters, void& and generic flag on vararg are malformed
        assert!(parse_method_sig(&[0x00, 1, et::VOID, et::VOID]).is_err());
        assert!(parse_method_sig(&[0x00, 0, et::BYREF, et::VOID]).is_err());
        assert!(parse_method_sig(&[0x15, 1, 0, et::VOID]).is_err());
        assert!(parse_method_sig(&[0x10, 0, 0, et::VOID]).is_err());
        // a field or locals marker is not a method signature
        assert!(parse_method_sig(&[0x06, et::I4]).is_err());
        assert!(parse_method_sig(&[0x07, 1, et::I4]).is_err());
    }

    #[test]
    fn vararg_call_site_with_sentinel() {
        // vararg void (string, ..., int32, float64)
        let sig = parse_method_sig(&[0x05, 3, et::VOID, et::STRING, et::SENTINEL, et::I4, et::R8])
            .unwrap();
        assert_eq!(sig.call_conv, CallConv::VarArg);
        assert_eq!(sig.sentinel, Some(1));
        assert_eq!(sig.params.len(), 3);
        assert_eq!(sig.fixed_params(), &[param(TypeSig::String)]);
        assert_eq!(sig.to_string(), "vararg void (string, ..., int32, float64)");
        // A vararg definition has no sentinel.
        let sig = parse_method_sig(&[0x05, 1, et::VOID, et::STRING]).unwrap();
        assert_eq!(sig.sentinel, None);
        // Sentinel in a default signature, twice, or as a type, is malformed.
        assert!(parse_method_sig(&[0x00, 1, et::VOID, et::SENTINEL, et::I4]).is_err());
        assert!(parse_method_sig(&[
            0x05,
            2,
            et::VOID,
            et::SENTINEL,
            et::I4,
            et::SENTINEL,
            et::I4
        ])
        .is_err());
        assert!(parse_type_spec(&[et::SENTINEL]).is_err());
    }

    #[test]
    fn custom_modifiers() {
        let in_attr = tok(TableId::TypeRef, 7);
        let is_volatile = tok(TableId::TypeRef, 8);
        // C# `in int32` parameter: modreq(InAttribute) int32&
        let sig = parse_method_sig(&[
            0x00,
            1,
            et::VOID,
            et::CMOD_REQD,
            enc(TableId::TypeRef, 7),
            et::BYREF,
            et::I4,
        ])
        .unwrap();
        assert_eq!(
            sig.params[0],
            ParamType {
                custom_mods: vec![CustomMod {
                    required: true,
                    modifier: in_attr
                }],
                byref: true,
                ty: TypeSig::I4,
            }
        );
        assert_eq!(sig.params[0].to_string(), "int32& modreq([0x01000007])");
        // volatile field: modreq(IsVolatile) int32
        let f = parse_field_sig(&[0x06, et::CMOD_REQD, enc(TableId::TypeRef, 8), et::I4]).unwrap();
        assert_eq!(
            f.custom_mods,
            vec![CustomMod {
                required: true,
                modifier: is_volatile
            }]
        );
        assert_eq!(f.ty, TypeSig::I4);
        // nested modifier inside a pointer and an array
        let t = parse_type_spec(&[
            et::SZARRAY,
            et::CMOD_OPT,
            enc(TableId::TypeRef, 8),
            et::PTR,
            et::CMOD_OPT,
            enc(TableId::TypeRef, 7),
            et::VOID,
        ])
        .unwrap();
        assert_eq!(
            t.to_string(),
            "void modopt([0x01000007])* modopt([0x01000008])[]"
        );
        match &t {
            TypeSig::SzArray(inner) => {
                assert!(matches!(inner.strip_modifiers(), TypeSig::Ptr(_)))
            }
            other => panic!("{other:?}"),
        }
        // a modifier without its type token is truncated
        assert!(parse_field_sig(&[0x06, et::CMOD_OPT]).is_err());
    }

    #[test]
    fn function_pointers() {
        // method int32 *(int32)
        let t = parse_type_spec(&[et::FNPTR, 0x00, 1, et::I4, et::I4]).unwrap();
        assert_eq!(t.to_string(), "method int32 *(int32)");
        match t {
            TypeSig::FnPtr(sig) => assert_eq!(sig.params, vec![param(TypeSig::I4)]),
            other => panic!("{other:?}"),
        }
        assert_eq!(
            parse_type_spec(&[et::FNPTR, 0x01, 0, et::VOID])
                .unwrap()
                .to_string(),
            "method unmanaged cdecl void *()"
        );
        assert!(parse_type_spec(&[et::FNPTR, 0x06, et::I4]).is_err());
    }

    #[test]
    fn field_and_member_ref_signatures() {
        let f = parse_field_sig(&[0x06, et::CLASS, 0x05]).unwrap();
        assert_eq!(f.ty, TypeSig::Class(tok(TableId::TypeRef, 1)));
        // ref field (C# 11): FIELD BYREF int32
        let f = parse_field_sig(&[0x06, et::BYREF, et::I4]).unwrap();
        assert_eq!(f.ty, TypeSig::ByRef(Box::new(TypeSig::I4)));
        assert!(parse_field_sig(&[0x26, et::I4]).is_err());
        assert!(parse_field_sig(&[0x06, et::VOID]).is_err());
        assert!(matches!(
            parse_member_ref_sig(&[0x06, et::I4]).unwrap(),
            MemberRefSig::Field(_)
        ));
        assert!(matches!(
            parse_member_ref_sig(&[0x20, 0, et::VOID]).unwrap(),
            MemberRefSig::Method(_)
        ));
    }

    #[test]
    fn property_signatures() {
        // instance int32 Item(string)
        let p = parse_property_sig(&[0x28, 1, et::I4, et::STRING]).unwrap();
        assert!(p.has_this);
        assert_eq!(p.ty, param(TypeSig::I4));
        assert_eq!(p.params, vec![param(TypeSig::String)]);
        // static ref int32 P
        let p = parse_property_sig(&[0x08, 0, et::BYREF, et::I4]).unwrap();
        assert!(!p.has_this && p.ty.byref);
        assert!(parse_property_sig(&[0x20, 0, et::I4]).is_err());
    }

    #[test]
    fn local_variable_signatures() {
        // int32, pinned uint8&, typedref, modopt(T) pinned string
        let sig = parse_local_var_sig(&[
            0x07,
            4,
            et::I4,
            et::PINNED,
            et::BYREF,
            et::U1,
            et::TYPEDBYREF,
            et::CMOD_OPT,
            enc(TableId::TypeRef, 3),
            et::PINNED,
            et::STRING,
        ])
        .unwrap();
        assert_eq!(sig.locals.len(), 4);
        assert_eq!(sig.locals[0].ty, TypeSig::I4);
        assert!(sig.locals[1].pinned && sig.locals[1].byref);
        assert_eq!(sig.locals[1].ty, TypeSig::U1);
        assert_eq!(sig.locals[2].ty, TypeSig::TypedByRef);
        assert!(sig.locals[3].pinned);
        assert_eq!(sig.locals[3].custom_mods.len(), 1);
        assert_eq!(sig.locals[1].to_string(), "uint8& pinned");
        assert!(parse_local_var_sig(&[0x07, 0]).unwrap().locals.is_empty());
        assert!(parse_local_var_sig(&[0x06, 1, et::I4]).is_err());
        // pinned is not a type of its own elsewhere
        assert!(parse_field_sig(&[0x06, et::PINNED, et::I4]).is_err());
    }

    #[test]
    fn method_spec_instantiations() {
        let s = parse_method_spec(&[0x0A, 2, et::I4, et::CLASS, 0x05]).unwrap();
        assert_eq!(
            s.args,
            vec![TypeSig::I4, TypeSig::Class(tok(TableId::TypeRef, 1))]
        );
        assert!(parse_method_spec(&[0x0A, 0]).is_err());
        assert!(parse_method_spec(&[0x0A, 2, et::I4]).is_err());
        assert!(parse_method_spec(&[0x15, 1, et::I4]).is_err());
    }

    #[test]
    fn truncated_and_garbage_blobs_are_errors() {
        let valid: &[&[u8]] = &[
            &[0x20, 2, et::VOID, et::I4, et::BYREF, et::STRING],
            &[
                0x00,
                1,
                et::VOID,
                et::GENERICINST,
                et::CLASS,
                0x15,
                2,
                et::ARRAY,
                et::I4,
                2,
                1,
                4,
                2,
                0,
                0x0A,
                et::FNPTR,
                0,
                0,
                et::VOID,
            ],
        ];
        for blob in valid {
            parse_method_sig(blob).unwrap();
            for len in 0..blob.len() {
                let e = parse_method_sig(&blob[..len]).unwrap_err();
                assert!(e.offset <= len, "{e:?} for prefix {len}");
            }
        }
        assert_eq!(
            parse_type_spec(&[0x17]).unwrap_err().message,
            "unknown element type 0x17"
        );
        assert!(parse_type_spec(&[et::INTERNAL, 0, 0, 0, 0, 0, 0, 0, 0]).is_err());
        // A huge count must fail before allocating.
        assert!(parse_method_sig(&[0x00, 0xDF, 0xFF, 0xFF, 0xFF, et::VOID]).is_err());
        assert!(parse_local_var_sig(&[0x07, 0xDF, 0xFF, 0xFF, 0xFF]).is_err());
    }

    #[test]
    fn deep_nesting_is_an_error_not_a_stack_overflow() {
        let mut blob = vec![et::PTR; 100_000];
        blob.push(et::I4);
        let e = parse_type_spec(&blob).unwrap_err();
        assert!(e.message.contains("nested"));
        let mut blob = Vec::new();
        for _ in 0..50_000 {
            blob.extend_from_slice(&[et::FNPTR, 0x00, 0]);
        }
        blob.push(et::VOID);
        assert!(parse_type_spec(&blob).is_err());
        // Just under the limit still parses.
        let mut blob = vec![et::SZARRAY; MAX_NESTING as usize - 1];
        blob.push(et::I4);
        assert!(parse_type_spec(&blob).is_ok());
    }

    #[test]
    fn arbitrary_bytes_never_panic() {
        // A cheap deterministic fuzz: every parser on many pseudo-random short blobs.
        let mut state = 0x2545_F491_4F6C_DD1Du64;
        let mut next = || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state
        };
        for _ in 0..20_000 {
            let len = (next() % 24) as usize;
            let blob: Vec<u8> = (0..len)
                .map(|_| {
                    let r = next();
                    // Bias towards valid element types so parsing gets deep.
                    if r % 3 == 0 {
                        (r >> 8) as u8
                    } else {
                        ((r >> 8) % 0x22) as u8
                    }
                })
                .collect();
            let _ = parse_method_sig(&blob);
            let _ = parse_field_sig(&blob);
            let _ = parse_property_sig(&blob);
            let _ = parse_local_var_sig(&blob);
            let _ = parse_method_spec(&blob);
            if let Ok(t) = parse_type_spec(&blob) {
                let _ = t.to_string();
            }
        }
    }
}
