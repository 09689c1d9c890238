//! Decoder for ECMA-335 II.25.4 method bodies: tiny and fat headers, the IL bytes and the
//! exception-handling clauses of the extra data sections.
//!
//! `parse_method_body` takes the bytes from the body's header to (at most) the end of its
//! section; error offsets are relative to that start. Extra sections are 4-byte aligned
//! relative to the header, which equals file alignment because fat headers are 4-byte aligned
//! (II.25.4.3) and only fat bodies have sections. Sections other than EH tables are skipped.

use crate::error::DecodeError;
use crate::token::{TableId, Token};
use std::ops::Range;

const FORMAT_MASK: u8 = 0x3;
const TINY_FORMAT: u8 = 0x2;
const FAT_FORMAT: u8 = 0x3;
const FAT_MORE_SECTS: u16 = 0x8;
const FAT_INIT_LOCALS: u16 = 0x10;
const FAT_HEADER_MIN_DWORDS: usize = 3;
const TINY_MAX_STACK: u16 = 8;

const SECT_EH_TABLE: u8 = 0x01;
const SECT_FAT_FORMAT: u8 = 0x40;
const SECT_MORE_SECTS: u8 = 0x80;

const SMALL_CLAUSE_SIZE: usize = 12;
const FAT_CLAUSE_SIZE: usize = 24;

const CLAUSE_EXCEPTION: u32 = 0x0;
const CLAUSE_FILTER: u32 = 0x1;
const CLAUSE_FINALLY: u32 = 0x2;
const CLAUSE_FAULT: u32 = 0x4;

/// What an exception-handling clause does when control leaves or throws out of its try block.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ClauseKind {
    /// Catches exceptions assignable to this TypeDef, TypeRef or TypeSpec.
    Catch(Token),
    /// Runs the filter block starting at this IL offset to decide.
    Filter(u32),
    Finally,
    Fault,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct ExceptionClause {
    pub kind: ClauseKind,
    pub try_offset: u32,
    pub try_length: u32,
    pub handler_offset: u32,
    pub handler_length: u32,
}

impl ExceptionClause {
    pub fn try_range(&self) -> Range<u32> {
        self.try_offset..self.try_offset.saturating_add(self.try_length)
    }

    pub fn handler_range(&self) -> Range<u32> {
        self.handler_offset..self.handler_offset.saturating_add(self.handler_length)
    }
}

/// A parsed method body; its IL is borrowed from the image (the JIT parses every body it
/// compiles or considers inlining, and copying the IL each time was a measurable cost).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MethodBody<'a> {
    pub max_stack: u16,
    pub init_locals: bool,
    /// A StandAloneSig token, or the null token when the method has no locals.
    pub local_var_sig: Token,
    /// Where the IL starts relative to the header: 1 for tiny bodies, 12 for usual fat ones.
    pub code_offset: usize,
    pub code: &'a [u8],
    pub clauses: Vec<ExceptionClause>,
}

fn read_u16(data: &[u8], at: usize, what: &str) -> Result<u16, DecodeError> {
    at.checked_add(2)
        .and_then(|end| data.get(at..end))
        .map(|b| u16::from_le_bytes([b[0], b[1]]))
        .ok_or_else(|| DecodeError::new(at, format!("truncated: {what} expected")))
}

fn read_u32(data: &[u8], at: usize, what: &str) -> Result<u32, DecodeError> {
    at.checked_add(4)
        .and_then(|end| data.get(at..end))
        .map(|b| u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
        .ok_or_else(|| DecodeError::new(at, format!("truncated: {what} expected")))
}

fn align4(n: usize) -> Option<usize> {
    n.checked_add(3).map(|v| v & !3)
}

pub fn parse_method_body(data: &[u8]) -> Result<MethodBody<'_>, DecodeError> {
    let first = *data
        .first()
        .ok_or_else(|| DecodeError::new(0, "truncated: method body header expected"))?;
    match first & FORMAT_MASK {
        TINY_FORMAT => {
            let code_size = usize::from(first >> 2);
            let code = data.get(1..1 + code_size).ok_or_else(|| {
                DecodeError::new(
                    1,
                    format!(
                        "truncated: tiny body declares {code_size} bytes of IL, {} present",
                        data.len() - 1
                    ),
                )
            })?;
            Ok(MethodBody {
                max_stack: TINY_MAX_STACK,
                init_locals: false,
                local_var_sig: Token::default(),
                code_offset: 1,
                code,
                clauses: Vec::new(),
            })
        }
        FAT_FORMAT => parse_fat(data),
        other => Err(DecodeError::new(
            0,
            format!("method body header 0x{first:02x} has format bits {other:#x}, neither tiny (0x2) nor fat (0x3)"),
        )),
    }
}

fn parse_fat(data: &[u8]) -> Result<MethodBody<'_>, DecodeError> {
    let flags_and_size = read_u16(data, 0, "fat header flags")?;
    let flags = flags_and_size & 0x0FFF;
    let header_dwords = usize::from(flags_and_size >> 12);
    if header_dwords < FAT_HEADER_MIN_DWORDS {
        return Err(DecodeError::new(
            1,
            format!("fat header size {header_dwords} dwords, at least 3 required"),
        ));
    }
    let max_stack = read_u16(data, 2, "fat header max stack")?;
    let code_size = read_u32(data, 4, "fat header code size")? as usize;
    let local_var_sig = Token(read_u32(data, 8, "fat header local signature token")?);
    if local_var_sig.0 != 0 && local_var_sig.table() != Some(TableId::StandAloneSig) {
        return Err(DecodeError::new(
            8,
            format!("local variable signature token {local_var_sig} is not a StandAloneSig"),
        ));
    }
    let code_offset = header_dwords * 4;
    let code_end = code_offset
        .checked_add(code_size)
        .filter(|&end| end <= data.len())
        .ok_or_else(|| {
            DecodeError::new(
                code_offset,
                format!(
                    "truncated: fat body declares {code_size} bytes of IL, {} present",
                    data.len().saturating_sub(code_offset)
                ),
            )
        })?;
    let clauses = if flags & FAT_MORE_SECTS != 0 {
        parse_sections(data, code_end, code_size)?
    } else {
        Vec::new()
    };
    Ok(MethodBody {
        max_stack,
        init_locals: flags & FAT_INIT_LOCALS != 0,
        local_var_sig,
        code_offset,
        code: &data[code_offset..code_end],
        clauses,
    })
}

fn parse_sections(
    data: &[u8],
    code_end: usize,
    code_size: usize,
) -> Result<Vec<ExceptionClause>, DecodeError> {
    let mut clauses = Vec::new();
    let mut pos = code_end;
    loop {
        pos = align4(pos).ok_or_else(|| DecodeError::new(pos, "section offset overflows"))?;
        let kind = *data.get(pos).ok_or_else(|| {
            DecodeError::new(pos, "truncated: extra data section header expected")
        })?;
        let fat = kind & SECT_FAT_FORMAT != 0;
        let size =
            if fat {
                read_u32(data, pos, "fat section header")? as usize >> 8
            } else {
                usize::from(*data.get(pos + 1).ok_or_else(|| {
                    DecodeError::new(pos, "truncated: small section header expected")
                })?)
            };
        // The size counts the 4-byte header; anything smaller could never advance.
        if size < 4 {
            return Err(DecodeError::new(
                pos,
                format!("extra data section of {size} bytes, smaller than its header"),
            ));
        }
        let end = pos
            .checked_add(size)
            .filter(|&e| e <= data.len())
            .ok_or_else(|| {
                DecodeError::new(
                    pos,
                    format!(
                        "truncated: extra data section of {size} bytes, {} present",
                        data.len() - pos
                    ),
                )
            })?;
        if kind & SECT_EH_TABLE != 0 {
            let clause_size = if fat {
                FAT_CLAUSE_SIZE
            } else {
                SMALL_CLAUSE_SIZE
            };
            let count = (size - 4) / clause_size;
            clauses.reserve(count);
            for i in 0..count {
                let at = pos + 4 + i * clause_size;
                let clause = if fat {
                    fat_clause(&data[at..at + clause_size], at)?
                } else {
                    small_clause(&data[at..at + clause_size], at)?
                };
                check_clause(&clause, code_size, at)?;
                clauses.push(clause);
            }
        }
        if kind & SECT_MORE_SECTS == 0 {
            return Ok(clauses);
        }
        pos = end;
    }
}

fn small_clause(c: &[u8], at: usize) -> Result<ExceptionClause, DecodeError> {
    let u16_at = |i: usize| u32::from(u16::from_le_bytes([c[i], c[i + 1]]));
    Ok(ExceptionClause {
        kind: clause_kind(
            u16_at(0),
            u32::from_le_bytes([c[8], c[9], c[10], c[11]]),
            at,
        )?,
        try_offset: u16_at(2),
        try_length: u32::from(c[4]),
        handler_offset: u16_at(5),
        handler_length: u32::from(c[7]),
    })
}

fn fat_clause(c: &[u8], at: usize) -> Result<ExceptionClause, DecodeError> {
    let u32_at = |i: usize| u32::from_le_bytes([c[i], c[i + 1], c[i + 2], c[i + 3]]);
    Ok(ExceptionClause {
        kind: clause_kind(u32_at(0), u32_at(20), at)?,
        try_offset: u32_at(4),
        try_length: u32_at(8),
        handler_offset: u32_at(12),
        handler_length: u32_at(16),
    })
}

fn clause_kind(flags: u32, class_or_filter: u32, at: usize) -> Result<ClauseKind, DecodeError> {
    match flags {
        CLAUSE_EXCEPTION => {
            let t = Token(class_or_filter);
            let is_type = matches!(
                t.table(),
                Some(TableId::TypeDef | TableId::TypeRef | TableId::TypeSpec)
            );
            if !is_type || t.is_null() {
                return Err(DecodeError::new(
                    at,
                    format!("catch clause type token {t} is not a TypeDef, TypeRef or TypeSpec"),
                ));
            }
            Ok(ClauseKind::Catch(t))
        }
        CLAUSE_FILTER => Ok(ClauseKind::Filter(class_or_filter)),
        CLAUSE_FINALLY => Ok(ClauseKind::Finally),
        CLAUSE_FAULT => Ok(ClauseKind::Fault),
        other => Err(DecodeError::new(
            at,
            format!("unknown exception clause flags 0x{other:x}"),
        )),
    }
}

fn check_clause(c: &ExceptionClause, code_size: usize, at: usize) -> Result<(), DecodeError> {
    let within = |start: u32, len: u32| {
        u64::from(start) + u64::from(len) <= code_size as u64 && (start as usize) < code_size
    };
    if !within(c.try_offset, c.try_length) {
        return Err(DecodeError::new(
            at,
            format!(
                "try block IL_{:04x}+{} outside the {code_size} bytes of IL",
                c.try_offset, c.try_length
            ),
        ));
    }
    if !within(c.handler_offset, c.handler_length) {
        return Err(DecodeError::new(
            at,
            format!(
                "handler block IL_{:04x}+{} outside the {code_size} bytes of IL",
                c.handler_offset, c.handler_length
            ),
        ));
    }
    if let ClauseKind::Filter(f) = c.kind {
        if f as usize >= code_size {
            return Err(DecodeError::new(
                at,
                format!("filter IL_{f:04x} outside the {code_size} bytes of IL"),
            ));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::token::RowIndex;

    fn fat_header(flags: u16, max_stack: u16, code_size: u32, locals: u32) -> Vec<u8> {
        let mut v = Vec::new();
        v.extend_from_slice(&(flags | 0x3000 | 0x3).to_le_bytes());
        v.extend_from_slice(&max_stack.to_le_bytes());
        v.extend_from_slice(&code_size.to_le_bytes());
        v.extend_from_slice(&locals.to_le_bytes());
        v
    }

    fn pad4(v: &mut Vec<u8>) {
        while !v.len().is_multiple_of(4) {
            v.push(0);
        }
    }

    fn small_section(more: bool, clauses: &[[u8; 12]]) -> Vec<u8> {
        let size = 4 + 12 * clauses.len();
        let kind = SECT_EH_TABLE | if more { SECT_MORE_SECTS } else { 0 };
        let mut v = vec![kind, size as u8, 0, 0];
        for c in clauses {
            v.extend_from_slice(c);
        }
        v
    }

    fn small_clause_bytes(flags: u16, try_: (u16, u8), handler: (u16, u8), extra: u32) -> [u8; 12] {
        let mut c = [0u8; 12];
        c[0..2].copy_from_slice(&flags.to_le_bytes());
        c[2..4].copy_from_slice(&try_.0.to_le_bytes());
        c[4] = try_.1;
        c[5..7].copy_from_slice(&handler.0.to_le_bytes());
        c[7] = handler.1;
        c[8..12].copy_from_slice(&extra.to_le_bytes());
        c
    }

    fn fat_section(more: bool, clauses: &[[u32; 6]]) -> Vec<u8> {
        let size = (4 + 24 * clauses.len()) as u32;
        let kind =
            (SECT_EH_TABLE | SECT_FAT_FORMAT | if more { SECT_MORE_SECTS } else { 0 }) as u32;
        let mut v = (kind | (size << 8)).to_le_bytes().to_vec();
        for c in clauses {
            for w in c {
                v.extend_from_slice(&w.to_le_bytes());
            }
        }
        v
    }

    const TYPEREF_1: u32 = 0x0100_0001;

    #[test]
    fn tiny_body() {
        // ldarg.0; ret  + trailing bytes of the next body
        let data = [(2 << 2) | 0x2, 0x02, 0x2A, 0xFF, 0xFF];
        let b = parse_method_body(&data).unwrap();
        assert_eq!(b.max_stack, 8);
        assert!(!b.init_locals);
        assert!(b.local_var_sig.is_null());
        assert_eq!(b.code, [0x02, 0x2A]);
        assert_eq!(b.code_offset, 1);
        assert!(b.clauses.is_empty());
        // The longest tiny body: 63 bytes.
        let mut data = vec![0xFE];
        data.extend(std::iter::repeat_n(0u8, 63));
        assert_eq!(parse_method_body(&data).unwrap().code.len(), 63);
    }

    #[test]
    fn fat_body_without_sections() {
        let mut data = fat_header(FAT_INIT_LOCALS, 3, 2, 0x1100_0004);
        data.extend_from_slice(&[0x00, 0x2A]);
        let b = parse_method_body(&data).unwrap();
        assert_eq!(b.max_stack, 3);
        assert!(b.init_locals);
        assert_eq!(
            b.local_var_sig,
            Token::new(TableId::StandAloneSig, RowIndex(4))
        );
        assert_eq!(b.code_offset, 12);
        assert_eq!(b.code, [0x00, 0x2A]);
        assert!(b.clauses.is_empty());
    }

    #[test]
    fn fat_body_with_small_eh_section() {
        let code = [0u8; 0x15];
        let mut data = fat_header(FAT_MORE_SECTS, 2, code.len() as u32, 0);
        data.extend_from_slice(&code);
        pad4(&mut data);
        data.extend(small_section(
            false,
            &[
                small_clause_bytes(0, (0, 5), (5, 6), TYPEREF_1),
                small_clause_bytes(2, (0, 0x0B), (0x0B, 3), 0),
                small_clause_bytes(1, (0, 2), (0x10, 5), 0x0E),
                small_clause_bytes(4, (1, 1), (2, 1), 0),
            ],
        ));
        let b = parse_method_body(&data).unwrap();
        assert!(!b.init_locals);
        assert_eq!(b.code.len(), 0x15);
        assert_eq!(
            b.clauses,
            vec![
                ExceptionClause {
                    kind: ClauseKind::Catch(Token(TYPEREF_1)),
                    try_offset: 0,
                    try_length: 5,
                    handler_offset: 5,
                    handler_length: 6,
                },
                ExceptionClause {
                    kind: ClauseKind::Finally,
                    try_offset: 0,
                    try_length: 0x0B,
                    handler_offset: 0x0B,
                    handler_length: 3,
                },
                ExceptionClause {
                    kind: ClauseKind::Filter(0x0E),
                    try_offset: 0,
                    try_length: 2,
                    handler_offset: 0x10,
                    handler_length: 5,
                },
                ExceptionClause {
                    kind: ClauseKind::Fault,
                    try_offset: 1,
                    try_length: 1,
                    handler_offset: 2,
                    handler_length: 1,
                },
            ]
        );
        assert_eq!(b.clauses[0].try_range(), 0..5);
        assert_eq!(b.clauses[0].handler_range(), 5..11);
    }

    #[test]
    fn fat_eh_section_and_several_sections() {
        let code = vec![0u8; 0x400];
        let mut data = fat_header(FAT_MORE_SECTS | FAT_INIT_LOCALS, 8, 0x400, 0x1100_0001);
        data.extend_from_slice(&code);
        // A non-EH section first (skipped), then a small one, then a fat one.
        data.extend_from_slice(&[0x02 | SECT_MORE_SECTS, 8, 0, 0, 1, 2, 3, 4]);
        data.extend(small_section(
            true,
            &[small_clause_bytes(2, (0, 0x10), (0x10, 0x10), 0)],
        ));
        data.extend(fat_section(
            false,
            &[[0, 0x100, 0x200, 0x300, 0x80, 0x1B00_0002]],
        ));
        let b = parse_method_body(&data).unwrap();
        assert_eq!(b.clauses.len(), 2);
        assert_eq!(b.clauses[0].kind, ClauseKind::Finally);
        assert_eq!(
            b.clauses[1],
            ExceptionClause {
                kind: ClauseKind::Catch(Token(0x1B00_0002)),
                try_offset: 0x100,
                try_length: 0x200,
                handler_offset: 0x300,
                handler_length: 0x80,
            }
        );
    }

    #[test]
    fn sections_are_aligned_after_odd_code() {
        let mut data = fat_header(FAT_MORE_SECTS, 1, 3, 0);
        data.extend_from_slice(&[0x00, 0x00, 0x2A]);
        data.push(0xCC); // padding to the dword boundary, never read
        data.extend(small_section(
            false,
            &[small_clause_bytes(4, (0, 1), (1, 1), 0)],
        ));
        let b = parse_method_body(&data).unwrap();
        assert_eq!(b.clauses[0].kind, ClauseKind::Fault);
    }

    #[test]
    fn malformed_bodies_are_errors() {
        assert!(parse_method_body(&[]).is_err());
        // Format bits 00 and 01.
        assert!(parse_method_body(&[0x00]).is_err());
        assert!(parse_method_body(&[0x01]).is_err());
        // Tiny body shorter than declared.
        let e = parse_method_body(&[(3 << 2) | 2, 0, 0]).unwrap_err();
        assert!(e.message.contains("truncated"), "{e}");
        // Fat header truncated at every length.
        let mut full = fat_header(0, 1, 1, 0);
        full.push(0x2A);
        parse_method_body(&full).unwrap();
        for len in 1..full.len() {
            assert!(parse_method_body(&full[..len]).is_err(), "length {len}");
        }
        // Fat header that claims fewer than 3 dwords.
        let mut bad = full.clone();
        bad[1] = 0x20;
        assert!(parse_method_body(&bad).is_err());
        // Locals token from the wrong table.
        let mut bad = fat_header(0, 1, 1, 0x0200_0001);
        bad.push(0x2A);
        assert_eq!(parse_method_body(&bad).unwrap_err().offset, 8);
        // Huge code size must not overflow.
        let bad = fat_header(0, 1, u32::MAX, 0);
        assert!(parse_method_body(&bad).is_err());
    }

    #[test]
    fn malformed_sections_are_errors() {
        let with_section = |section: Vec<u8>| {
            let mut data = fat_header(FAT_MORE_SECTS, 1, 4, 0);
            data.extend_from_slice(&[0, 0, 0, 0x2A]);
            data.extend(section);
            parse_method_body(&data).map(|b| b.clauses)
        };
        let ok = small_section(false, &[small_clause_bytes(0, (0, 1), (1, 2), TYPEREF_1)]);
        with_section(ok.clone()).unwrap();
        // Truncated section, at every length.
        for len in 0..ok.len() {
            assert!(with_section(ok[..len].to_vec()).is_err(), "length {len}");
        }
        // Handler beyond the code.
        assert!(with_section(small_section(
            false,
            &[small_clause_bytes(2, (0, 1), (1, 4), 0)]
        ))
        .is_err());
        // Filter beyond the code.
        assert!(with_section(small_section(
            false,
            &[small_clause_bytes(1, (0, 1), (1, 1), 9)]
        ))
        .is_err());
        // Catch with a non-type token, and unknown clause flags.
        assert!(with_section(small_section(
            false,
            &[small_clause_bytes(0, (0, 1), (1, 1), 0x0600_0001)]
        ))
        .is_err());
        assert!(with_section(small_section(
            false,
            &[small_clause_bytes(3, (0, 1), (1, 1), 0)]
        ))
        .is_err());
        // Section smaller than its header, which would loop forever with MoreSects.
        assert!(with_section(vec![SECT_EH_TABLE | SECT_MORE_SECTS, 0, 0, 0]).is_err());
        // MoreSects promises a section that is not there.
        let mut more = ok.clone();
        more[0] |= SECT_MORE_SECTS;
        assert!(with_section(more).is_err());
        // Fat clause offsets that overflow u32 when added.
        assert!(with_section(fat_section(false, &[[2, 0xFFFF_FFFF, 2, 0, 1, 0]])).is_err());
    }
}
