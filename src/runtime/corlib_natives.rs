//! The Rust bodies of the corlib's internal calls, keyed by canonical method signature.
//! Each follows the contract written in corlib/INTERNAL_CALLS.md.

use super::heap;
use super::layout::*;
use super::natives::*;
use super::{class_of_object, rt, ClassKind, RtClass};
use std::cell::RefCell;
use vcall_metadata::class::ClassFlags;

/// (`Namespace.Type::Name(ParamTypes)`, function address)
pub fn natives() -> Vec<(&'static str, u64)> {
    vec![
    ("System.BitConverter::DoubleToInt64Bits(System.Double)", double_to_int64_bits as *const () as u64),
    ("System.BitConverter::Int64BitsToDouble(System.Int64)", int64_bits_to_double as *const () as u64),
    ("System.BitConverter::SingleToInt32Bits(System.Single)", single_to_int32_bits as *const () as u64),
    ("System.BitConverter::Int32BitsToSingle(System.Int32)", int32_bits_to_single as *const () as u64),
    ("System.String::FastAllocateString(System.Int32)", fast_allocate_string as *const () as u64),
    ("System.String::GetCharUnchecked(System.String,System.Int32)", get_char_unchecked as *const () as u64),
    ("System.String::SetCharUnchecked(System.String,System.Int32,System.Char)", set_char_unchecked as *const () as u64),
    ("System.String::CopyChars(System.String,System.Int32,System.String,System.Int32,System.Int32)", copy_chars as *const () as u64),
    ("System.String::CopyCharsFromArray(System.Char[],System.Int32,System.String,System.Int32,System.Int32)", copy_chars_from_array as *const () as u64),
    ("System.String::CopyCharsToArray(System.String,System.Int32,System.Char[],System.Int32,System.Int32)", copy_chars_to_array as *const () as u64),
    ("System.String::.ctor(System.Char[])", string_from_chars as *const () as u64),
    ("System.String::.ctor(System.Char[],System.Int32,System.Int32)", string_from_chars_range as *const () as u64),
    ("System.String::.ctor(System.Char,System.Int32)", string_from_repeat as *const () as u64),
    ("System.Object::GetType()", object_get_type as *const () as u64),
    ("System.Object::MemberwiseClone()", object_memberwise_clone as *const () as u64),
    ("System.ValueType::InternalEquals(System.Object,System.Object,System.Object[]&)", value_type_equals as *const () as u64),
    ("System.ValueType::InternalGetHashCode(System.Object,System.Object[]&)", value_type_hash as *const () as u64),
    ("System.RuntimeType::GetTypeFromClass(System.IntPtr)", type_from_class as *const () as u64),
    ("System.RuntimeType::GetClassName(System.IntPtr)", class_name as *const () as u64),
    ("System.RuntimeType::GetClassNamespace(System.IntPtr)", class_namespace as *const () as u64),
    ("System.RuntimeType::GetDeclaringClass(System.IntPtr)", declaring_class as *const () as u64),
    ("System.RuntimeType::GetBaseClass(System.IntPtr)", base_class as *const () as u64),
    ("System.RuntimeType::GetElementClass(System.IntPtr)", element_class as *const () as u64),
    ("System.RuntimeType::GetClassFlags(System.IntPtr)", class_flags as *const () as u64),
    ("System.Number::DoubleToDigits(System.Double,System.Int32,System.Int32&)", double_to_digits as *const () as u64),
    ("System.Number::ParseCanonicalDouble(System.String)", parse_canonical_double as *const () as u64),
    ]
}

extern "sysv64" fn double_to_int64_bits(v: f64) -> i64 {
    v.to_bits() as i64
}

extern "sysv64" fn int64_bits_to_double(v: i64) -> f64 {
    f64::from_bits(v as u64)
}

extern "sysv64" fn single_to_int32_bits(v: f32) -> i32 {
    v.to_bits() as i32
}

extern "sysv64" fn int32_bits_to_single(v: i32) -> f32 {
    f32::from_bits(v as u32)
}

fn chars_ptr(s: u64) -> *mut u16 {
    (s + STRING_CHARS as u64) as *mut u16
}

fn array_ptr<T>(a: u64) -> *mut T {
    (a + ARRAY_DATA as u64) as *mut T
}

extern "sysv64" fn fast_allocate_string(len: i32) -> u64 {
    heap::alloc_string(rt(), len.max(0) as usize)
}

extern "sysv64" fn get_char_unchecked(s: u64, i: i32) -> u16 {
    // SAFETY: the corlib only calls this with a live string and an index it checked.
    unsafe { *chars_ptr(s).add(i as usize) }
}

extern "sysv64" fn set_char_unchecked(s: u64, i: i32, c: u16) {
    // SAFETY: the corlib only calls this on a string it is building, with a checked index.
    unsafe { *chars_ptr(s).add(i as usize) = c }
}

extern "sysv64" fn copy_chars(src: u64, si: i32, dst: u64, di: i32, n: i32) {
    // SAFETY: the corlib checks both ranges before calling; ranges may overlap.
    unsafe {
        std::ptr::copy(
            chars_ptr(src).add(si as usize),
            chars_ptr(dst).add(di as usize),
            n.max(0) as usize,
        )
    }
}

extern "sysv64" fn copy_chars_from_array(src: u64, si: i32, dst: u64, di: i32, n: i32) {
    // SAFETY: the corlib checks both ranges before calling.
    unsafe {
        std::ptr::copy(
            array_ptr::<u16>(src).add(si as usize),
            chars_ptr(dst).add(di as usize),
            n.max(0) as usize,
        )
    }
}

extern "sysv64" fn copy_chars_to_array(src: u64, si: i32, dst: u64, di: i32, n: i32) {
    // SAFETY: the corlib checks both ranges before calling.
    unsafe {
        std::ptr::copy(
            chars_ptr(src).add(si as usize),
            array_ptr::<u16>(dst).add(di as usize),
            n.max(0) as usize,
        )
    }
}

extern "sysv64" fn string_from_chars(arr: u64) -> u64 {
    if arr == 0 {
        return make_string("");
    }
    // SAFETY: `arr` is a live char[].
    let len = unsafe { heap::array_len(arr) };
    string_from_chars_range(arr, 0, len as i32)
}

extern "sysv64" fn string_from_chars_range(arr: u64, start: i32, len: i32) -> u64 {
    if arr == 0 {
        super::helpers::raise_builtin(
            "System.ArgumentNullException",
            "Value cannot be null.\nParameter name: value",
        );
    }
    // SAFETY: `arr` is a live char[]; the range is validated against its length first.
    unsafe {
        let n = heap::array_len(arr) as i64;
        if start < 0 || len < 0 || start as i64 + len as i64 > n {
            super::helpers::raise_builtin("System.ArgumentOutOfRangeException", "Index was out of range. Must be non-negative and less than the size of the collection.");
        }
        let units =
            std::slice::from_raw_parts(array_ptr::<u16>(arr).add(start as usize), len as usize);
        make_string_units(units)
    }
}

extern "sysv64" fn string_from_repeat(c: u16, count: i32) -> u64 {
    if count < 0 {
        super::helpers::raise_builtin(
            "System.ArgumentOutOfRangeException",
            "Count cannot be less than zero.",
        );
    }
    make_string_units(&vec![c; count as usize])
}

fn class_ref(klass: u64) -> &'static RtClass {
    // SAFETY: class handles handed to managed code are leaked `RtClass` addresses.
    unsafe { &*(klass as *const RtClass) }
}

thread_local! {
    static TYPE_OBJECTS: RefCell<hashbrown::HashMap<u32, u64>> = RefCell::new(hashbrown::HashMap::new());
}

/// The one `System.RuntimeType` object of a class.
extern "sysv64" fn type_from_class(klass: u64) -> u64 {
    if klass == 0 {
        return 0;
    }
    let c = class_ref(klass);
    if let Some(t) = TYPE_OBJECTS.with(|m| m.borrow().get(&c.id.0).copied()) {
        return t;
    }
    let rt = rt();
    let rtype = match rt
        .loader
        .corlib_type("System", "RuntimeType")
        .and_then(|k| Ok(rt.class_of(k)))
    {
        Ok(Ok(id)) => id,
        Ok(Err(e)) => super::helpers::fatal_error(&e),
        Err(e) => super::helpers::fatal_error(&e.into()),
    };
    let obj = heap::alloc_object(rt, rtype);
    // SAFETY: RuntimeType's first field `_impl` is at offset 16 (documented in Type.cs).
    unsafe { *((obj + OBJ_HEADER as u64) as *mut u64) = klass };
    TYPE_OBJECTS.with(|m| m.borrow_mut().insert(c.id.0, obj));
    obj
}

extern "sysv64" fn object_get_type(obj: u64) -> u64 {
    // SAFETY: `this` of an instance call is a live object.
    let c = unsafe { class_of_object(obj) };
    type_from_class(c as *const RtClass as u64)
}

extern "sysv64" fn object_memberwise_clone(obj: u64) -> u64 {
    // SAFETY: `obj` is a live object; its size follows from its class (and length for arrays/strings).
    unsafe {
        let c = class_of_object(obj);
        let size = match c.kind {
            ClassKind::String => {
                STRING_CHARS as u64 + 2 * (*((obj + STRING_LENGTH as u64) as *const i32)) as u64 + 2
            }
            ClassKind::SzArray => {
                ARRAY_DATA as u64 + heap::array_len(obj) as u64 * c.element_size as u64
            }
            ClassKind::MdArray(r) => {
                heap::md_data_offset(r) as u64 + heap::array_len(obj) as u64 * c.element_size as u64
            }
            ClassKind::Normal if c.is_value_type() => {
                OBJ_HEADER as u64 + c.info.instance_size as u64
            }
            ClassKind::Normal => c.info.instance_size as u64,
        };
        let copy = heap::alloc_bytes(size);
        std::ptr::copy_nonoverlapping(obj as *const u8, copy as *mut u8, size as usize);
        *((copy + OBJ_SYNC as u64) as *mut u64) = 0;
        copy
    }
}

/// Compares two boxed values of the same struct: the bytes of non-reference fields directly;
/// reference fields are returned pairwise in `fields` for the managed side to compare with Equals.
extern "sysv64" fn value_type_equals(a: u64, b: u64, fields_out: *mut u64) -> bool {
    // SAFETY: the corlib passes two non-null boxes and a pointer to an object[] local.
    unsafe {
        *fields_out = 0;
        let ca = class_of_object(a);
        let cb = class_of_object(b);
        if ca.id != cb.id {
            return false;
        }
        let rt = rt();
        let mut refs = Vec::new();
        for f in ca
            .info
            .fields
            .iter()
            .filter(|f| !f.is_static && !f.is_literal)
        {
            let off = OBJ_HEADER as u64 + f.offset as u64;
            if f.ty.kind.is_reference() {
                refs.push(*((a + off) as *const u64));
                refs.push(*((b + off) as *const u64));
            } else {
                let pa = std::slice::from_raw_parts((a + off) as *const u8, f.size as usize);
                let pb = std::slice::from_raw_parts((b + off) as *const u8, f.size as usize);
                if pa != pb {
                    return false;
                }
            }
        }
        if !refs.is_empty() {
            let object = rt.well_known.borrow().object.expect("loaded at boot");
            let arr_class = match rt.array_class(object, 1) {
                Ok(c) => c,
                Err(e) => super::helpers::fatal_error(&e),
            };
            let arr = heap::alloc_array(rt, arr_class, refs.len() as u64);
            for (i, r) in refs.iter().enumerate() {
                *array_ptr::<u64>(arr).add(i) = *r;
            }
            *fields_out = arr;
        }
        true
    }
}

/// Hash of a boxed struct: the first non-reference field's bytes folded, reference fields
/// returned for the managed side (Mono hashes the first field similarly).
extern "sysv64" fn value_type_hash(obj: u64, fields_out: *mut u64) -> i32 {
    // SAFETY: the corlib passes a non-null box and a pointer to an object[] local.
    unsafe {
        *fields_out = 0;
        let c = class_of_object(obj);
        let mut h: i32 = 0;
        let mut refs = Vec::new();
        for f in c
            .info
            .fields
            .iter()
            .filter(|f| !f.is_static && !f.is_literal)
        {
            let off = OBJ_HEADER as u64 + f.offset as u64;
            if f.ty.kind.is_reference() {
                refs.push(*((obj + off) as *const u64));
            } else {
                let bytes = std::slice::from_raw_parts((obj + off) as *const u8, f.size as usize);
                for chunk in bytes.chunks(4) {
                    let mut w = [0u8; 4];
                    w[..chunk.len()].copy_from_slice(chunk);
                    h ^= i32::from_le_bytes(w);
                }
            }
        }
        if !refs.is_empty() {
            let rt = rt();
            let object = rt.well_known.borrow().object.expect("loaded at boot");
            let arr_class = match rt.array_class(object, 1) {
                Ok(c) => c,
                Err(e) => super::helpers::fatal_error(&e),
            };
            let arr = heap::alloc_array(rt, arr_class, refs.len() as u64);
            for (i, r) in refs.iter().enumerate() {
                *array_ptr::<u64>(arr).add(i) = *r;
            }
            *fields_out = arr;
        }
        h
    }
}

extern "sysv64" fn class_name(klass: u64) -> u64 {
    let c = class_ref(klass);
    let name = match c.kind {
        ClassKind::Normal | ClassKind::String => c.info.name.clone(),
        _ => c
            .full_name
            .rsplit('.')
            .next()
            .unwrap_or(&c.full_name)
            .to_string(),
    };
    make_string(&name)
}

extern "sysv64" fn class_namespace(klass: u64) -> u64 {
    let c = class_ref(klass);
    let rt = rt();
    let mut key = c.info.key;
    if let Some(e) = c.element {
        key = rt.class(e).info.key;
    }
    while let Some(outer) = rt.loader.enclosing_type(key) {
        key = outer;
    }
    let ns = rt
        .loader
        .class(key)
        .map(|i| i.namespace.clone())
        .unwrap_or_default();
    make_string(&ns)
}

extern "sysv64" fn declaring_class(klass: u64) -> u64 {
    let c = class_ref(klass);
    if c.kind != ClassKind::Normal {
        return 0;
    }
    let rt = rt();
    match rt.loader.enclosing_type(c.info.key) {
        Some(k) => rt
            .class_of(k)
            .map(|id| rt.class(id) as *const RtClass as u64)
            .unwrap_or(0),
        None => 0,
    }
}

extern "sysv64" fn base_class(klass: u64) -> u64 {
    let c = class_ref(klass);
    let rt = rt();
    if c.is_array() {
        return rt
            .well_known
            .borrow()
            .array
            .map(|id| rt.class(id) as *const RtClass as u64)
            .unwrap_or(0);
    }
    match c.info.parent {
        Some(k) => rt
            .class_of(k)
            .map(|id| rt.class(id) as *const RtClass as u64)
            .unwrap_or(0),
        None => 0,
    }
}

extern "sysv64" fn element_class(klass: u64) -> u64 {
    let c = class_ref(klass);
    c.element
        .map(|e| rt().class(e) as *const RtClass as u64)
        .unwrap_or(0)
}

extern "sysv64" fn class_flags(klass: u64) -> i32 {
    let c = class_ref(klass);
    if c.is_array() {
        return 8 | 32;
    }
    let f = c.info.flags;
    let mut out = 0;
    if f.has(ClassFlags::VALUE_TYPE) {
        out |= 1;
    }
    if f.has(ClassFlags::ENUM) {
        out |= 2;
    }
    if f.has(ClassFlags::INTERFACE) {
        out |= 4;
    }
    if f.has(ClassFlags::ABSTRACT) {
        out |= 16;
    }
    if f.has(ClassFlags::SEALED) {
        out |= 32;
    }
    if c.info.primitive.is_some() && !f.has(ClassFlags::ENUM) {
        out |= 64;
    }
    out
}

/// Correctly rounded significant digits of |value| (ties to even on the exact binary value),
/// trailing zeros removed; `scale` such that |value| = 0.DIGITS × 10^scale.
extern "sysv64" fn double_to_digits(value: f64, precision: i32, scale: *mut i32) -> u64 {
    let v = value.abs();
    if v == 0.0 || !v.is_finite() {
        // SAFETY: `scale` points at the caller's int local.
        unsafe { *scale = 0 };
        return make_string("");
    }
    let p = precision.clamp(1, 17) as usize;
    let text = format!("{:.*e}", p - 1, v);
    let (mant, exp) = text.split_once('e').unwrap_or((&text, "0"));
    let exp: i32 = exp.parse().unwrap_or(0);
    let digits: String = mant.chars().filter(|c| c.is_ascii_digit()).collect();
    let digits = digits.trim_end_matches('0');
    // SAFETY: `scale` points at the caller's int local.
    unsafe { *scale = exp + 1 };
    make_string(digits)
}

extern "sysv64" fn parse_canonical_double(s: u64) -> f64 {
    // SAFETY: the corlib passes a live string.
    let text = unsafe { arg_string(s) };
    text.trim().parse::<f64>().unwrap_or(f64::NAN)
}
