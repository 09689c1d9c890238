//! A bounds-checked little-endian cursor; every read failure names the file and structure.

use crate::error::{MetadataError, Result};

pub struct ByteReader<'a> {
    file: &'a str,
    what: &'static str,
    data: &'a [u8],
    pos: usize,
}

impl<'a> ByteReader<'a> {
    pub fn new(file: &'a str, what: &'static str, data: &'a [u8], pos: usize) -> Self {
        ByteReader {
            file,
            what,
            data,
            pos,
        }
    }

    pub fn position(&self) -> usize {
        self.pos
    }

    fn truncated(&self, needed: usize) -> MetadataError {
        MetadataError::Truncated {
            file: self.file.to_string(),
            what: self.what,
            offset: self.pos,
            needed,
            available: self.data.len().saturating_sub(self.pos),
        }
    }

    pub fn bytes(&mut self, n: usize) -> Result<&'a [u8]> {
        let end = self
            .pos
            .checked_add(n)
            .filter(|&e| e <= self.data.len())
            .ok_or_else(|| self.truncated(n))?;
        let s = &self.data[self.pos..end];
        self.pos = end;
        Ok(s)
    }

    pub fn skip(&mut self, n: usize) -> Result<()> {
        self.bytes(n).map(|_| ())
    }

    pub fn u8(&mut self) -> Result<u8> {
        Ok(self.bytes(1)?[0])
    }

    pub fn u16(&mut self) -> Result<u16> {
        let b = self.bytes(2)?;
        Ok(u16::from_le_bytes([b[0], b[1]]))
    }

    pub fn u32(&mut self) -> Result<u32> {
        let b = self.bytes(4)?;
        Ok(u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
    }

    pub fn u64(&mut self) -> Result<u64> {
        let b = self.bytes(8)?;
        let mut a = [0u8; 8];
        a.copy_from_slice(b);
        Ok(u64::from_le_bytes(a))
    }
}
