//! `--verbose-method`: prints a method's IL and its disassembled native code when compiled,
//! like Mono's MONO_VERBOSE_METHOD.

use crate::runtime::Runtime;
use vcall_metadata::il::decode_all;
use vcall_metadata::loader::MethodKey;

pub fn print_method(rt: &Runtime, key: MethodKey, il: &[u8], addr: u64, len: usize) {
    let out = method_listing(rt, key, il, addr, len);
    crate::runtime::natives::flush_stdout();
    eprint!("{out}");
}

/// The IL and the symbolized native code of a compiled method.
pub fn method_listing(rt: &Runtime, key: MethodKey, il: &[u8], addr: u64, len: usize) -> String {
    let mut out = format!(
        "; method {}\n; IL ({} bytes):\n",
        rt.loader.method_display_sig(key),
        il.len()
    );
    for ins in decode_all(il).flatten() {
        out.push_str(&format!(";   {ins}\n"));
    }
    out.push_str(&format!("; native code ({len} bytes at 0x{addr:x}):\n"));
    let code = rt.code.read(addr, len);
    let symbols = |a: u64| crate::runtime::symbolize(rt, a);
    out.push_str(&vcall_dispatch::disasm::disassemble(&code, addr, &symbols));
    out
}

/// Compiles the method `Type::Name` of the main assembly and returns its listing without
/// the (run-dependent) code address line.
pub fn compile_and_list(
    rt: &Runtime,
    type_name: &str,
    method: &str,
) -> crate::error::Result<String> {
    let asm = rt.main_assembly;
    for t in rt.loader.all_types(asm) {
        if rt.loader.type_full_name(t) != type_name {
            continue;
        }
        for m in rt.loader.methods_of(t) {
            if rt.loader.method_name(m) == method {
                let id = rt.method_id(m);
                let code = rt.ensure_compiled(id)?;
                let a = rt.loader.assembly(m.assembly);
                let row = a.method_def(m.row);
                let body =
                    vcall_metadata::body::parse_method_body(a.body_bytes(m.token(), row.rva)?)
                        .map_err(|e| crate::error::VmError::Internal(e.to_string()))?;
                let len = rt.code_len(code);
                let text = method_listing(rt, m, &body.code, code, len);
                return Ok(text
                    .lines()
                    .filter(|l| !l.starts_with("; native code"))
                    .collect::<Vec<_>>()
                    .join("\n")
                    + "\n");
            }
        }
    }
    Err(crate::error::VmError::Usage(format!(
        "no method {type_name}::{method}"
    )))
}

/// The symbolized disassembly of `len` bytes of code at `addr` (trampolines, stubs).
pub fn code_listing(rt: &Runtime, addr: u64, len: usize) -> String {
    let code = rt.code.read(addr, len);
    let symbols = |a: u64| crate::runtime::symbolize(rt, a);
    vcall_dispatch::disasm::disassemble(&code, addr, &symbols)
}
