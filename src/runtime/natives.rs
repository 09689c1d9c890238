//! Internal calls: the corlib methods the runtime implements in Rust, found by
//! `Namespace.Type::Name(ParamTypes)`, plus the process-wide output buffer.

use super::heap::{self, string_to_rust, string_units};
use super::layout::*;
use super::{class_of_object, rt, Runtime};
use crate::error::{Result, VmError};
use hashbrown::HashMap;
use std::cell::RefCell;
use std::io::Write;
use std::sync::OnceLock;
use vcall_metadata::loader::MethodKey;

const MIA_INTERNAL_CALL: u16 = 0x1000;
const MIA_RUNTIME: u16 = 0x3;

thread_local! {
    static STDOUT: RefCell<std::io::BufWriter<std::io::Stdout>> = RefCell::new(std::io::BufWriter::with_capacity(1 << 16, std::io::stdout()));
    static EXIT_CODE: std::cell::Cell<Option<i32>> = const { std::cell::Cell::new(None) };
}

pub fn flush_stdout() {
    STDOUT.with(|s| {
        let _ = s.borrow_mut().flush();
    });
}

pub fn write_stdout(text: &str) {
    STDOUT.with(|s| {
        let _ = s.borrow_mut().write_all(text.as_bytes());
    });
}

pub fn exit_code_override() -> Option<i32> {
    EXIT_CODE.with(|c| c.get())
}

pub fn fatal_out_of_memory(bytes: u64) -> ! {
    flush_stdout();
    eprintln!("\nUnhandled Exception:\nSystem.OutOfMemoryException: Out of memory (requesting {bytes} bytes).");
    std::process::exit(1)
}

/// True when the method's body is provided by the runtime.
pub fn is_native(rt: &Runtime, key: MethodKey) -> bool {
    let a = rt.loader.assembly(key.assembly);
    let row = a.method_def(key.row);
    row.impl_flags & MIA_INTERNAL_CALL != 0
        || row.impl_flags & 0x3 == MIA_RUNTIME
        || row.flags & 0x2000 != 0
}

/// The Rust function implementing an internal call.
pub fn lookup(rt: &Runtime, key: MethodKey) -> Result<u64> {
    let name = rt.loader.method_display_sig(key);
    table()
        .get(name.as_str())
        .copied()
        .ok_or(VmError::MissingNative(name))
}

fn table() -> &'static HashMap<&'static str, u64> {
    static TABLE: OnceLock<HashMap<&'static str, u64>> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut t = HashMap::new();
        for (name, f) in super::corlib_natives::natives() {
            t.insert(name, f);
        }
        t
    })
}

/// Every internal call the runtime provides (for checks against the corlib).
pub fn all_native_names() -> Vec<&'static str> {
    super::corlib_natives::natives()
        .into_iter()
        .map(|(n, _)| n)
        .collect()
}

/// `Type: message` of an exception object, read through its fields without running code.
pub fn exception_text(rt: &Runtime, obj: u64) -> String {
    // SAFETY: `obj` is a live object thrown by managed code.
    let class = unsafe { class_of_object(obj) };
    let mut message = String::new();
    let mut cur = Some(class.info.clone());
    while let Some(info) = cur {
        if let Some(f) = info.fields.iter().find(|f| {
            !f.is_static && (f.name == "_message" || f.name == "message" || f.name == "m_message")
        }) {
            // SAFETY: the field is a string reference at its laid-out offset in `obj`.
            let s = unsafe { *((obj + f.offset as u64) as *const u64) };
            // SAFETY: the field holds null or a string.
            message = unsafe { string_to_rust(s) };
            break;
        }
        cur = info.parent.and_then(|p| rt.loader.class(p).ok());
    }
    if message.is_empty() {
        message = format!("Exception of type '{}' was thrown.", class.full_name);
    }
    format!("{}: {}", class.full_name, message)
}

/// Reads a string argument.
///
/// # Safety
/// `s` must be null or a live string.
pub unsafe fn arg_string(s: u64) -> String {
    // SAFETY: forwarded.
    unsafe { string_to_rust(s) }
}

/// Reads a string argument's UTF-16 units.
///
/// # Safety
/// `s` must be null or a live string.
pub unsafe fn arg_units<'a>(s: u64) -> &'a [u16] {
    // SAFETY: forwarded.
    unsafe { string_units(s) }
}

pub fn make_string(text: &str) -> u64 {
    heap::new_string_from_str(rt(), text)
}

pub fn make_string_units(units: &[u16]) -> u64 {
    heap::new_string(rt(), units)
}

pub fn set_exit_code(code: i32) {
    EXIT_CODE.with(|c| c.set(Some(code)));
}

#[allow(dead_code)]
fn array_data(a: u64) -> u64 {
    a + ARRAY_DATA as u64
}
