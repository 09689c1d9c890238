//! `--verbose-method`: prints a method's IL and its disassembled native code when compiled,
//! like Mono's MONO_VERBOSE_METHOD.

use crate::runtime::Runtime;
use vcall_metadata::il::decode_all;
use vcall_metadata::loader::MethodKey;

pub fn print_method(rt: &Runtime, key: MethodKey, il: &[u8], addr: u64, len: usize) {
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
    crate::runtime::natives::flush_stdout();
    eprint!("{out}");
}
