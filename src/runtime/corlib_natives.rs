//! The Rust bodies of the corlib's internal calls, keyed by canonical method signature.
//! Each follows the contract written in corlib/INTERNAL_CALLS.md.

use super::heap;
use super::layout::*;
use super::natives::*;
use super::{class_of_object, rt, ClassKind, RtClass};
use std::cell::RefCell;
use vcall_metadata::class::{ClassFlags, ValueKind};

/// (`Namespace.Type::Name(ParamTypes)`, function address)
pub fn natives() -> Vec<(&'static str, u64)> {
    vec![
        ("System.DateTime::GetSystemTimeAsFileTime()", file_time_now as *const () as u64),
        ("System.Environment::get_ExitCode()", exit_code_get as *const () as u64),
        ("System.Environment::set_ExitCode(System.Int32)", exit_code_set as *const () as u64),
        ("System.Array::GetRank()", array_rank as *const () as u64),
        ("System.Array::GetLengthInternal(System.Int32)", array_dim_length as *const () as u64),
        ("System.Array::GetLowerBoundInternal(System.Int32)", array_dim_lower as *const () as u64),
        ("System.Threading.Thread::SleepInternal(System.Int32)", thread_sleep as *const () as u64),
        ("System.String::InternalIntern(System.String)", string_intern as *const () as u64),
        ("System.String::InternalIsInterned(System.String)", string_is_interned as *const () as u64),
        ("System.Array::get_Length()", array_length as *const () as u64),
        ("System.Array::InternalGetValue(System.Int32)", array_get_value as *const () as u64),
        ("System.Array::InternalSetValue(System.Object,System.Int32)", array_set_value as *const () as u64),
        ("System.Array::FastCopy(System.Array,System.Int32,System.Array,System.Int32,System.Int32)", array_fast_copy as *const () as u64),
        ("System.Array::ClearInternal(System.Array,System.Int32,System.Int32)", array_clear as *const () as u64),
        ("System.Array::CreateInstanceInternal(System.IntPtr,System.Int32)", array_create as *const () as u64),
        ("System.Console::InternalWrite(System.String,System.Boolean)", console_write as *const () as u64),
        ("System.Console::InternalReadLine()", console_read_line as *const () as u64),
        ("System.Enum::InternalGetValueBits(System.Object)", enum_value_bits as *const () as u64),
        ("System.Enum::InternalGetInfo(System.IntPtr,System.String[]&,System.UInt64[]&)", enum_info as *const () as u64),
        ("System.Enum::InternalBoxEnum(System.IntPtr,System.UInt64)", enum_box as *const () as u64),
        ("System.Exception::GetStackTraceString(System.Exception)", exception_stack_trace as *const () as u64),
        ("System.Environment::Exit(System.Int32)", environment_exit as *const () as u64),
        ("System.Environment::get_TickCount()", environment_tick_count as *const () as u64),
        ("System.Diagnostics.Stopwatch::GetTimestamp()", stopwatch_timestamp as *const () as u64),
        ("System.Runtime.CompilerServices.RuntimeHelpers::InitializeArray(System.Array,System.RuntimeFieldHandle)", initialize_array as *const () as u64),
        ("System.Runtime.CompilerServices.RuntimeHelpers::GetHashCode(System.Object)", object_hash as *const () as u64),
        ("System.Math::FMod(System.Double,System.Double)", math_fmod as *const () as u64),
        ("System.Math::Pow(System.Double,System.Double)", math_pow as *const () as u64),
        ("System.Math::Atan2(System.Double,System.Double)", math_atan2 as *const () as u64),
        ("System.Math::Acos(System.Double)", math_acos as *const () as u64),
        ("System.Math::Acosh(System.Double)", math_acosh as *const () as u64),
        ("System.Math::Asin(System.Double)", math_asin as *const () as u64),
        ("System.Math::Asinh(System.Double)", math_asinh as *const () as u64),
        ("System.Math::Atan(System.Double)", math_atan as *const () as u64),
        ("System.Math::Atanh(System.Double)", math_atanh as *const () as u64),
        ("System.Math::Cbrt(System.Double)", math_cbrt as *const () as u64),
        ("System.Math::Cos(System.Double)", math_cos as *const () as u64),
        ("System.Math::Cosh(System.Double)", math_cosh as *const () as u64),
        ("System.Math::Exp(System.Double)", math_exp as *const () as u64),
        ("System.Math::Log(System.Double)", math_log as *const () as u64),
        ("System.Math::Log10(System.Double)", math_log10 as *const () as u64),
        ("System.Math::Sin(System.Double)", math_sin as *const () as u64),
        ("System.Math::Sinh(System.Double)", math_sinh as *const () as u64),
        ("System.Math::Sqrt(System.Double)", math_sqrt as *const () as u64),
        ("System.Math::Tan(System.Double)", math_tan as *const () as u64),
        ("System.Math::Tanh(System.Double)", math_tanh as *const () as u64),
    ("System.BitConverter::DoubleToInt64Bits(System.Double)", double_to_int64_bits as *const () as u64),
    ("System.BitConverter::Int64BitsToDouble(System.Int64)", int64_bits_to_double as *const () as u64),
    ("System.BitConverter::SingleToInt32Bits(System.Single)", single_to_int32_bits as *const () as u64),
    ("System.BitConverter::Int32BitsToSingle(System.Int32)", int32_bits_to_single as *const () as u64),
    ("System.String::FastAllocateString(System.Int32)", fast_allocate_string as *const () as u64),
    ("System.String::GetCharUnchecked(System.String,System.Int32)", get_char_unchecked as *const () as u64),
    ("System.String::CompareOrdinalWhole(System.String,System.String)", compare_ordinal_whole as *const () as u64),
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

/// The chars of a live string.
///
/// # Safety
/// `s` must point at a live string object, which the collector cannot free while the slice is
/// used (no allocation happens meanwhile).
unsafe fn string_chars<'a>(s: u64) -> &'a [u16] {
    // SAFETY: per the contract, the length word and that many chars are the string's own.
    unsafe {
        let len = *((s + STRING_LENGTH as u64) as *const i32) as usize;
        std::slice::from_raw_parts(chars_ptr(s), len)
    }
}

/// `String.CompareOrdinalWhole`: Mono's whole-string ordinal comparison, result values
/// included. Mono compares chars 0 and 1 one by one, then pairs, reading the shorter string's
/// '\0' terminator; if every compared char is equal the result is the length difference.
fn compare_ordinal_whole_chars(a: &[u16], b: &[u16]) -> i32 {
    // Mono's order of comparison is increasing index, so its answer is decided by the first
    // differing char among the indices it reads: 0 and 1, then pairs, i.e. up to the common
    // length rounded up to even (at least 2), reading '\0' past a string's end.
    let common = a.len().min(b.len());
    if let Some(i) = first_difference(&a[..common], &b[..common]) {
        return a[i] as i32 - b[i] as i32;
    }
    let at = |s: &[u16], i: usize| s.get(i).copied().unwrap_or(0) as i32;
    let read_up_to = (common.max(2) + 1) & !1;
    for i in common..read_up_to {
        let (x, y) = (at(a, i), at(b, i));
        if x != y {
            return x - y;
        }
    }
    a.len() as i32 - b.len() as i32
}

/// The first index where two equally long strings differ, four chars per step.
fn first_difference(a: &[u16], b: &[u16]) -> Option<usize> {
    let word =
        |s: &[u16]| (s[0] as u64) | (s[1] as u64) << 16 | (s[2] as u64) << 32 | (s[3] as u64) << 48;
    let mut i = 0;
    for (x, y) in a.chunks_exact(4).zip(b.chunks_exact(4)) {
        let diff = word(x) ^ word(y);
        if diff != 0 {
            return Some(i + diff.trailing_zeros() as usize / 16);
        }
        i += 4;
    }
    (i..a.len()).find(|&k| a[k] != b[k])
}

extern "sysv64" fn compare_ordinal_whole(a: u64, b: u64) -> i32 {
    // SAFETY: the corlib passes two live, non-null strings and nothing allocates meanwhile.
    unsafe { compare_ordinal_whole_chars(string_chars(a), string_chars(b)) }
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
        return 0;
    }
    // SAFETY: `arr` is a live char[]; the range is validated against its length first.
    unsafe {
        let n = heap::array_len(arr) as i64;
        if start < 0 || len < 0 || start as i64 + len as i64 > n {
            super::helpers::raise_builtin("System.ArgumentOutOfRangeException", "Index was out of range. Must be non-negative and less than the size of the collection.");
            return 0;
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
        return 0;
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

/// Every RuntimeType object made so far (GC roots: one per class, for the process's life).
pub fn type_objects() -> Vec<u64> {
    TYPE_OBJECTS.with(|m| m.borrow().values().copied().collect())
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
    // Type objects are the runtime's (cached for good), so the heap cap does not apply.
    let obj = super::gc::exempt(|| heap::alloc_object(rt, rtype));
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
        let size = heap::object_size(obj);
        let copy = heap::alloc_bytes(size);
        if copy == 0 {
            return 0; // OutOfMemoryException pending
        }
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
            if arr != 0 {
                for (i, r) in refs.iter().enumerate() {
                    *array_ptr::<u64>(arr).add(i) = *r;
                }
            }
            // Null with OutOfMemoryException pending, which the caller throws.
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
            if arr != 0 {
                for (i, r) in refs.iter().enumerate() {
                    *array_ptr::<u64>(arr).add(i) = *r;
                }
            }
            // Null with OutOfMemoryException pending, which the caller throws.
            *fields_out = arr;
        }
        h
    }
}

extern "sysv64" fn class_name(klass: u64) -> u64 {
    let c = class_ref(klass);
    let name = match c.kind {
        ClassKind::Normal | ClassKind::String => c.info.name().to_string(),
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
        .map(|i| i.namespace().to_string())
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

/// Significant digits of |value| rounded to `precision` digits half away from zero on the
/// exact binary value (as Mono's formatting rounds: 6666666.5f prints as 6666667), trailing
/// zeros removed; `scale` such that |value| = 0.DIGITS × 10^scale.
extern "sysv64" fn double_to_digits(value: f64, precision: i32, scale: *mut i32) -> u64 {
    let v = value.abs();
    if v == 0.0 || !v.is_finite() {
        // SAFETY: `scale` points at the caller's int local.
        unsafe { *scale = 0 };
        return make_string("");
    }
    let p = precision.clamp(1, 17) as usize;
    // Enough extra digits that an exact tie shows as "5000…" and anything else decides.
    let text = format!("{:.*e}", p + 30, v);
    let (mant, exp) = text.split_once('e').unwrap_or((&text, "0"));
    let mut exp: i32 = exp.parse().unwrap_or(0);
    let all: Vec<u8> = mant
        .bytes()
        .filter(|c| c.is_ascii_digit())
        .map(|c| c - b'0')
        .collect();
    let mut digits: Vec<u8> = all[..p].to_vec();
    if all[p] >= 5 {
        let mut i = p;
        loop {
            if i == 0 {
                digits.insert(0, 1);
                digits.pop();
                exp += 1;
                break;
            }
            i -= 1;
            if digits[i] == 9 {
                digits[i] = 0;
            } else {
                digits[i] += 1;
                break;
            }
        }
    }
    while digits.last() == Some(&0) {
        digits.pop();
    }
    let text: String = digits.iter().map(|d| (b'0' + d) as char).collect();
    // SAFETY: `scale` points at the caller's int local.
    unsafe { *scale = exp + 1 };
    make_string(&text)
}

extern "sysv64" fn parse_canonical_double(s: u64) -> f64 {
    // SAFETY: the corlib passes a live string.
    let text = unsafe { arg_string(s) };
    text.trim().parse::<f64>().unwrap_or(f64::NAN)
}

macro_rules! unary_math {
    ($($name:ident => $f:ident),* $(,)?) => {
        $(extern "sysv64" fn $name(d: f64) -> f64 { d.$f() })*
    };
}

unary_math!(
    math_acos => acos, math_acosh => acosh, math_asin => asin, math_asinh => asinh, math_atan => atan,
    math_atanh => atanh, math_cbrt => cbrt, math_cos => cos, math_cosh => cosh, math_exp => exp,
    math_log => ln, math_log10 => log10, math_sin => sin, math_sinh => sinh, math_sqrt => sqrt,
    math_tan => tan, math_tanh => tanh,
);

extern "sysv64" fn math_fmod(x: f64, y: f64) -> f64 {
    x % y
}

extern "sysv64" fn math_pow(x: f64, y: f64) -> f64 {
    x.powf(y)
}

extern "sysv64" fn math_atan2(y: f64, x: f64) -> f64 {
    y.atan2(x)
}

extern "sysv64" fn array_length(arr: u64) -> i32 {
    // SAFETY: `this` of an Array instance method is a live array.
    unsafe { heap::array_len(arr) as i32 }
}

/// Element address and class of an array element (single- or multi-dimensional, linear index).
fn element_slot(arr: u64, index: i32) -> (u64, &'static RtClass, &'static RtClass) {
    // SAFETY: `arr` is a live array; the corlib bounds-checked `index`.
    unsafe {
        let c = class_of_object(arr);
        let data = match c.kind {
            ClassKind::MdArray(r) => heap::md_data_offset(r) as u64,
            _ => ARRAY_DATA as u64,
        };
        let e = rt().class(c.element.expect("arrays have an element class"));
        (arr + data + index as u64 * c.element_size as u64, c, e)
    }
}

extern "sysv64" fn array_get_value(arr: u64, index: i32) -> u64 {
    let (addr, c, e) = element_slot(arr, index);
    // SAFETY: `addr` is an element of a live array of `c.element_size` bytes.
    unsafe {
        if !e.is_value_type() {
            return *(addr as *const u64);
        }
        let b = heap::alloc_object(rt(), e.id);
        if b == 0 {
            return 0; // OutOfMemoryException pending
        }
        std::ptr::copy_nonoverlapping(
            addr as *const u8,
            (b + OBJ_HEADER as u64) as *mut u8,
            c.element_size as usize,
        );
        b
    }
}

extern "sysv64" fn array_set_value(arr: u64, value: u64, index: i32) {
    let (addr, c, e) = element_slot(arr, index);
    // SAFETY: `addr` is an element of a live array; `value` is null or a live object.
    unsafe {
        if !e.is_value_type() {
            if value != 0 && !super::helpers::is_assignable(rt(), class_of_object(value).id, e.id) {
                super::helpers::raise_builtin(
                    "System.InvalidCastException",
                    "Object cannot be stored in an array of this type.",
                );
                return;
            }
            *(addr as *mut u64) = value;
            return;
        }
        if value == 0 {
            std::ptr::write_bytes(addr as *mut u8, 0, c.element_size as usize);
            return;
        }
        let vc = class_of_object(value);
        let same =
            vc.id == e.id || (vc.info.primitive.is_some() && vc.info.primitive == e.info.primitive);
        if !same {
            super::helpers::raise_builtin(
                "System.InvalidCastException",
                "Object cannot be stored in an array of this type.",
            );
            return;
        }
        std::ptr::copy_nonoverlapping(
            (value + OBJ_HEADER as u64) as *const u8,
            addr as *mut u8,
            c.element_size as usize,
        );
    }
}

extern "sysv64" fn array_fast_copy(src: u64, si: i32, dst: u64, di: i32, len: i32) -> bool {
    // SAFETY: both are live arrays and the corlib checked the ranges.
    unsafe {
        let sc = class_of_object(src);
        let dc = class_of_object(dst);
        let (Some(se), Some(de)) = (sc.element, dc.element) else {
            return false;
        };
        let rt = rt();
        let compatible = se == de
            || (!rt.class(se).is_value_type()
                && !rt.class(de).is_value_type()
                && super::helpers::is_assignable(rt, se, de));
        if !compatible || sc.element_size != dc.element_size {
            return false;
        }
        let size = sc.element_size as u64;
        let s = element_slot(src, si).0;
        let d = element_slot(dst, di).0;
        std::ptr::copy(
            s as *const u8,
            d as *mut u8,
            (len.max(0) as u64 * size) as usize,
        );
        let _ = size;
        true
    }
}

extern "sysv64" fn array_clear(arr: u64, index: i32, len: i32) {
    let (addr, c, _) = element_slot(arr, index);
    // SAFETY: the corlib checked the range against the array's length.
    unsafe {
        std::ptr::write_bytes(
            addr as *mut u8,
            0,
            (len.max(0) as u64 * c.element_size as u64) as usize,
        )
    }
}

extern "sysv64" fn array_create(element_class: u64, len: i32) -> u64 {
    let rt = rt();
    let e = class_ref(element_class);
    match rt.array_class(e.id, 1) {
        Ok(ac) => heap::alloc_array(rt, ac, len.max(0) as u64),
        Err(err) => super::helpers::fatal_error(&err),
    }
}

extern "sysv64" fn console_write(s: u64, stderr: bool) {
    // SAFETY: the corlib passes a non-null string.
    let text = unsafe { arg_string(s) };
    if stderr {
        flush_stdout();
        eprint!("{text}");
    } else {
        write_stdout(&text);
    }
}

extern "sysv64" fn console_read_line() -> u64 {
    flush_stdout();
    let mut line = String::new();
    match std::io::stdin().read_line(&mut line) {
        Ok(0) | Err(_) => 0,
        Ok(_) => {
            let trimmed = line.strip_suffix('\n').unwrap_or(&line);
            let trimmed = trimmed.strip_suffix('\r').unwrap_or(trimmed);
            make_string(trimmed)
        }
    }
}

/// Reads `size` bytes at `addr` as the enum's underlying kind, extended to 64 bits.
fn enum_bits(addr: u64, kind: ValueKind) -> u64 {
    // SAFETY: `addr` points at an enum value of the given kind.
    unsafe {
        match kind {
            ValueKind::I1 => *(addr as *const i8) as i64 as u64,
            ValueKind::U1 | ValueKind::Bool => *(addr as *const u8) as u64,
            ValueKind::I2 => *(addr as *const i16) as i64 as u64,
            ValueKind::U2 | ValueKind::Char => *(addr as *const u16) as u64,
            ValueKind::I4 => *(addr as *const i32) as i64 as u64,
            ValueKind::U4 => *(addr as *const u32) as u64,
            _ => *(addr as *const u64),
        }
    }
}

extern "sysv64" fn enum_value_bits(obj: u64) -> u64 {
    // SAFETY: the corlib passes a boxed enum.
    let c = unsafe { class_of_object(obj) };
    enum_bits(
        obj + OBJ_HEADER as u64,
        c.info.primitive.unwrap_or(ValueKind::I4),
    )
}

fn type_code(kind: ValueKind) -> i32 {
    match kind {
        ValueKind::Bool => 3,
        ValueKind::Char => 4,
        ValueKind::I1 => 5,
        ValueKind::U1 => 6,
        ValueKind::I2 => 7,
        ValueKind::U2 => 8,
        ValueKind::I4 => 9,
        ValueKind::U4 => 10,
        ValueKind::I8 => 11,
        ValueKind::U8 => 12,
        _ => 9,
    }
}

extern "sysv64" fn enum_info(enum_class: u64, names_out: *mut u64, values_out: *mut u64) -> i32 {
    let c = class_ref(enum_class);
    let rt = rt();
    let kind = c.info.primitive.unwrap_or(ValueKind::I4);
    let asm = rt.loader.assembly(c.info.key.assembly);
    let mut names = Vec::new();
    let mut values = Vec::new();
    for f in c.info.fields.iter().filter(|f| f.is_static && f.is_literal) {
        if let Ok(Some((_, blob))) = asm.constant_of(f.key.token()) {
            let mut buf = [0u8; 8];
            buf[..blob.len().min(8)].copy_from_slice(&blob[..blob.len().min(8)]);
            names.push(f.name.clone());
            values.push(enum_bits(buf.as_ptr() as u64, kind));
        }
    }
    let mut flags = type_code(kind);
    for ctor in asm.custom_attribute_ctors(c.info.key.token()) {
        if let Ok(m) = rt.loader.resolve_method_token(c.info.key.assembly, ctor) {
            if rt.loader.type_full_name(rt.loader.method_owner(m)) == "System.FlagsAttribute" {
                flags |= 0x100;
            }
        }
    }
    let wk = rt.well_known.borrow().clone();
    let string_array = wk.string_array.expect("loaded at boot");
    let ulong = match rt
        .loader
        .corlib_type("System", "UInt64")
        .map(|k| rt.class_of(k))
    {
        Ok(Ok(id)) => id,
        Ok(Err(e)) => super::helpers::fatal_error(&e),
        Err(e) => super::helpers::fatal_error(&e.into()),
    };
    let ulong_array = match rt.array_class(ulong, 1) {
        Ok(a) => a,
        Err(e) => super::helpers::fatal_error(&e),
    };
    // Enum metadata is small and the corlib caches it: made even when the heap is full.
    super::gc::exempt(|| {
        let na = heap::alloc_array(rt, string_array, names.len() as u64);
        let va = heap::alloc_array(rt, ulong_array, values.len() as u64);
        // SAFETY: the arrays were just allocated with these lengths (exempt allocations are
        // never null); the out pointers are the caller's locals.
        unsafe {
            for (i, n) in names.iter().enumerate() {
                *array_ptr::<u64>(na).add(i) = make_string(n);
            }
            for (i, v) in values.iter().enumerate() {
                *array_ptr::<u64>(va).add(i) = *v;
            }
            *names_out = na;
            *values_out = va;
        }
    });
    flags
}

extern "sysv64" fn enum_box(enum_class: u64, bits: u64) -> u64 {
    let c = class_ref(enum_class);
    let b = heap::alloc_object(rt(), c.id);
    if b == 0 {
        return 0; // OutOfMemoryException pending
    }
    let size = c.info.primitive.unwrap_or(ValueKind::I4).size() as usize;
    // SAFETY: the box has room for the enum's value.
    unsafe {
        std::ptr::copy_nonoverlapping(
            bits.to_le_bytes().as_ptr(),
            (b + OBJ_HEADER as u64) as *mut u8,
            size,
        )
    };
    b
}

extern "sysv64" fn exception_stack_trace(e: u64) -> u64 {
    match super::exceptions::stack_trace_of(e) {
        Some(t) => make_string(&t),
        None => 0,
    }
}

extern "sysv64" fn environment_exit(code: i32) {
    flush_stdout();
    std::process::exit(code)
}

extern "sysv64" fn environment_tick_count() -> i32 {
    static START: std::sync::OnceLock<std::time::Instant> = std::sync::OnceLock::new();
    START
        .get_or_init(std::time::Instant::now)
        .elapsed()
        .as_millis() as i32
}

extern "sysv64" fn stopwatch_timestamp() -> i64 {
    let mut ts = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: clock_gettime writes into the provided timespec.
    unsafe { libc::clock_gettime(libc::CLOCK_MONOTONIC, &mut ts) };
    ts.tv_sec * 1_000_000_000 + ts.tv_nsec
}

/// `RuntimeHelpers.InitializeArray`: copies an array initialiser's data (the field handle
/// points at (data address, available bytes)).
extern "sysv64" fn initialize_array(arr: u64, handle_struct: u64) {
    // SAFETY: `arr` is a live array; structs are passed by reference, and the
    // RuntimeFieldHandle's one field was made by `field_data_handle`.
    unsafe {
        let handle = *(handle_struct as *const u64);
        let c = class_of_object(arr);
        let (data, avail) = *(handle as *const (u64, u64));
        let bytes = (heap::array_len(arr) as u64 * c.element_size as u64).min(avail);
        let first = element_slot(arr, 0).0;
        std::ptr::copy_nonoverlapping(data as *const u8, first as *mut u8, bytes as usize);
    }
}

extern "sysv64" fn object_hash(obj: u64) -> i32 {
    // Objects never move (no moving collector), so the address is a stable identity hash.
    ((obj >> 3) ^ (obj >> 35)) as i32 & 0x7fff_ffff
}

extern "sysv64" fn array_rank(arr: u64) -> i32 {
    // SAFETY: `this` of an Array instance method is a live array.
    match unsafe { class_of_object(arr) }.kind {
        ClassKind::MdArray(r) => r as i32,
        _ => 1,
    }
}

/// Length and lower bound of dimension `dim` (the corlib checks `dim` against the rank).
fn dim_bounds(arr: u64, dim: i32) -> (i32, i32) {
    // SAFETY: `arr` is a live array; multi-dimensional arrays keep (length, lower bound)
    // pairs at MDARRAY_BOUNDS, and `dim` is below the rank.
    unsafe {
        match class_of_object(arr).kind {
            ClassKind::MdArray(_) => {
                let p = arr + MDARRAY_BOUNDS as u64 + 8 * dim as u64;
                (*(p as *const i32), *((p + 4) as *const i32))
            }
            _ => (heap::array_len(arr) as i32, 0),
        }
    }
}

extern "sysv64" fn array_dim_length(arr: u64, dim: i32) -> i32 {
    dim_bounds(arr, dim).0
}

extern "sysv64" fn array_dim_lower(arr: u64, dim: i32) -> i32 {
    dim_bounds(arr, dim).1
}

extern "sysv64" fn thread_sleep(ms: i32) {
    flush_stdout();
    std::thread::sleep(std::time::Duration::from_millis(ms.max(0) as u64));
}

extern "sysv64" fn string_intern(s: u64) -> u64 {
    // SAFETY: the corlib passes a non-null string.
    let units = unsafe { arg_units(s) }.to_vec();
    rt().intern(&units)
}

extern "sysv64" fn string_is_interned(s: u64) -> u64 {
    // SAFETY: the corlib passes a non-null string.
    let units = unsafe { arg_units(s) };
    rt().interned(units).unwrap_or(0)
}

/// 100 ns units since 1601-01-01 UTC (a Windows file time).
extern "sysv64" fn file_time_now() -> i64 {
    const UNIX_EPOCH_AS_FILE_TIME: i64 = 116_444_736_000_000_000;
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap_or_default();
    UNIX_EPOCH_AS_FILE_TIME + (now.as_nanos() / 100) as i64
}

extern "sysv64" fn exit_code_get() -> i32 {
    exit_code_override().unwrap_or(0)
}

extern "sysv64" fn exit_code_set(code: i32) {
    set_exit_code(code);
}

#[cfg(test)]
mod ordinal_tests {
    use super::compare_ordinal_whole_chars;

    /// Mono's loop as it reads (chars 0 and 1, then pairs while the common length lasts).
    fn reference(a: &[u16], b: &[u16]) -> i32 {
        let at = |s: &[u16], i: usize| s.get(i).copied().unwrap_or(0) as i32;
        for i in 0..2 {
            if at(a, i) != at(b, i) {
                return at(a, i) - at(b, i);
            }
        }
        let mut remaining = a.len().min(b.len()) as i64 - 2;
        let mut p = 2;
        while remaining > 0 {
            for i in p..p + 2 {
                if at(a, i) != at(b, i) {
                    return at(a, i) - at(b, i);
                }
            }
            remaining -= 2;
            p += 2;
        }
        a.len() as i32 - b.len() as i32
    }

    fn assert_all_pairs_match(strings: &[Vec<u16>]) {
        for a in strings {
            for b in strings {
                assert_eq!(
                    compare_ordinal_whole_chars(a, b),
                    reference(a, b),
                    "{a:?} {b:?}"
                );
            }
        }
    }

    #[test]
    fn matches_monos_loop_on_every_short_string_pair() {
        // Every string of length 0..=5 over {0, 'a', 'b'} (embedded NULs included).
        let alphabet = [0u16, b'a' as u16, b'b' as u16];
        let mut strings: Vec<Vec<u16>> = vec![vec![]];
        for len in 1..=5 {
            let mut n = 1;
            for _ in 0..len {
                n *= alphabet.len();
            }
            for mut k in 0..n {
                let mut s = Vec::with_capacity(len);
                for _ in 0..len {
                    s.push(alphabet[k % alphabet.len()]);
                    k /= alphabet.len();
                }
                strings.push(s);
            }
        }
        assert_all_pairs_match(&strings);
    }

    #[test]
    fn matches_monos_loop_on_longer_strings_differing_anywhere() {
        // Lengths past the four-char steps, with one char changed (up or down, or to NUL) at
        // every position, so each step and the tail decide some pair.
        let mut strings: Vec<Vec<u16>> = Vec::new();
        for len in 0..=19 {
            let base: Vec<u16> = (0..len).map(|i| b'm' as u16 + (i % 3) as u16).collect();
            strings.push(base.clone());
            for at in 0..len {
                for c in [0u16, b'a' as u16, b'z' as u16, 0xFFFF] {
                    let mut s = base.clone();
                    s[at] = c;
                    strings.push(s);
                }
            }
        }
        assert_all_pairs_match(&strings);
    }
}
