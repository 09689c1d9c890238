//! Disassembly with iced-x86 for snapshots and `--verbose-method`: Intel syntax, offsets from
//! the start, and known addresses replaced by symbolic names so listings are stable.

use iced_x86::{
    Decoder, DecoderOptions, Formatter, Instruction, IntelFormatter, SymbolResolver, SymbolResult,
};

/// The formatter needs an owned resolver, so names are looked up before formatting.
struct Names {
    names: std::collections::HashMap<u64, String>,
}

impl SymbolResolver for Names {
    fn symbol(
        &mut self,
        _instruction: &Instruction,
        _operand: u32,
        _instruction_operand: Option<u32>,
        address: u64,
        _address_size: u32,
    ) -> Option<SymbolResult<'_>> {
        self.names
            .get(&address)
            .map(|n| SymbolResult::with_str(address, n.as_str()))
    }
}

/// Every address-like value an instruction mentions: branch targets, immediates, displacements.
fn candidate_addresses(ins: &Instruction) -> Vec<u64> {
    use iced_x86::OpKind;
    let mut out = Vec::new();
    for i in 0..ins.op_count() {
        match ins.op_kind(i) {
            OpKind::NearBranch64 | OpKind::NearBranch32 | OpKind::NearBranch16 => {
                out.push(ins.near_branch_target())
            }
            OpKind::Immediate64 | OpKind::Immediate32to64 | OpKind::Immediate32 => {
                out.push(ins.immediate(i))
            }
            OpKind::Memory => out.push(ins.memory_displacement64()),
            _ => {}
        }
    }
    out
}

/// One instruction per line: `+0x0003  mov r11d, 2Ah`.
pub fn disassemble(code: &[u8], base: u64, symbols: &dyn Fn(u64) -> Option<String>) -> String {
    let mut names = std::collections::HashMap::new();
    let mut scan = Decoder::with_ip(64, code, base, DecoderOptions::NONE);
    for ins in &mut scan {
        for a in candidate_addresses(&ins) {
            if let Some(n) = symbols(a) {
                names.insert(a, n);
            } else if a >= base && a < base + code.len() as u64 {
                // Branches inside the listing print as offsets, like the line prefixes.
                names.insert(a, format!("+0x{:04x}", a - base));
            }
        }
    }
    let mut decoder = Decoder::with_ip(64, code, base, DecoderOptions::NONE);
    let mut formatter = IntelFormatter::with_options(Some(Box::new(Names { names })), None);
    formatter.options_mut().set_first_operand_char_index(8);
    formatter.options_mut().set_hex_prefix("0x");
    formatter.options_mut().set_hex_suffix("");
    let mut out = String::new();
    let mut text = String::new();
    let mut ins = Instruction::default();
    while decoder.can_decode() {
        decoder.decode_out(&mut ins);
        text.clear();
        formatter.format(&ins, &mut text);
        out.push_str(&format!("+0x{:04x}  {}\n", ins.ip() - base, text));
    }
    out
}
