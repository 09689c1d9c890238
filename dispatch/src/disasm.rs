//! Disassembly with iced-x86 for snapshots and `--verbose-method`: Intel syntax, one
//! instruction per line prefixed with its offset, known addresses replaced by names.

use iced_x86::{
    Decoder, DecoderOptions, Formatter, Instruction, IntelFormatter, OpKind, SymbolResolver,
    SymbolResult,
};
use std::collections::HashMap;
use std::fmt::Write;

/// The formatter owns its resolver, so names are looked up in a first pass and handed over.
struct Names(HashMap<u64, String>);

impl SymbolResolver for Names {
    fn symbol(
        &mut self,
        _instruction: &Instruction,
        _operand: u32,
        _instruction_operand: Option<u32>,
        address: u64,
        _address_size: u32,
    ) -> Option<SymbolResult<'_>> {
        self.0
            .get(&address)
            .map(|n| SymbolResult::with_str(address, n.as_str()))
    }
}

/// Every address-like value an instruction mentions: branch targets, immediates,
/// displacements (absolute, for rip-relative operands).
fn candidate_addresses(ins: &Instruction) -> impl Iterator<Item = u64> + '_ {
    (0..ins.op_count()).filter_map(|i| match ins.op_kind(i) {
        OpKind::NearBranch64 | OpKind::NearBranch32 | OpKind::NearBranch16 => {
            Some(ins.near_branch_target())
        }
        OpKind::Immediate64 | OpKind::Immediate32to64 | OpKind::Immediate32 => {
            Some(ins.immediate(i))
        }
        OpKind::Memory => Some(ins.memory_displacement64()),
        _ => None,
    })
}

/// Disassembles `code`, which lives at `base`: one line per instruction, such as
/// `+0x0003  mov     r11d,0x2A`. Addresses for which `symbols` has a name print as that name;
/// other branch targets inside `code` print as offsets, like the line prefixes, so a listing
/// does not depend on where the code was placed.
pub fn disassemble(code: &[u8], base: u64, symbols: &dyn Fn(u64) -> Option<String>) -> String {
    let end = base + code.len() as u64;
    let mut names = HashMap::new();
    for ins in Decoder::with_ip(64, code, base, DecoderOptions::NONE) {
        for a in candidate_addresses(&ins) {
            if let Some(n) = symbols(a) {
                names.insert(a, n);
            } else if (base..end).contains(&a) {
                names.insert(a, format!("+0x{:04x}", a - base));
            }
        }
    }
    let mut formatter = IntelFormatter::with_options(Some(Box::new(Names(names))), None);
    let options = formatter.options_mut();
    options.set_first_operand_char_index(8);
    options.set_hex_prefix("0x");
    options.set_hex_suffix("");
    let mut out = String::new();
    let mut text = String::new();
    for ins in Decoder::with_ip(64, code, base, DecoderOptions::NONE) {
        text.clear();
        formatter.format(&ins, &mut text);
        let _ = writeln!(out, "+0x{:04x}  {text}", ins.ip() - base);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_addresses_and_prints_offsets() {
        let code = [
            0x41, 0xBB, 0x2A, 0, 0, 0, // mov r11d, 42
            0x49, 0xBB, 0, 0x10, 0, 0, 0, 0, 0, 0, // mov r11, 0x1000
            0x74, 0xEE, // je base
            0xE9, 0xFB, 0x0F, 0, 0, // jmp 0x2012, outside and unnamed
        ];
        let base = 0x1000;
        let named = |a: u64| (a == 0x1000).then(|| "start".to_string());
        let text = disassemble(&code, base, &named);
        assert_eq!(
            text,
            "+0x0000  mov     r11d,0x2A\n\
             +0x0006  mov     r11,start\n\
             +0x0010  je      short start\n\
             +0x0012  jmp     0x0000000000002012\n"
        );
        let plain = disassemble(&code[16..18], base + 16, &|_| None);
        assert_eq!(plain, "+0x0000  je      short 0x0000000000001000\n");
    }
}
