//! The JIT: compiles one CIL method to x86-64 (System V convention, frame pointer kept).
//!
//! The evaluation stack lives in frame slots at fixed offsets from rbp, computed from the
//! statically known stack shape at each instruction; the machine registers are scratch
//! within one CIL instruction. Calls to other managed methods are `call rel32` to their code
//! or specific trampoline; virtual and interface calls go through the vtable and the IMT.

mod codegen;
pub mod ops;

use crate::error::{Result, VmError};
use crate::runtime::{MethodId, RtMethod, Runtime};
use std::rc::Rc;
use vcall_metadata::assembly::Assembly;
use vcall_metadata::class::{FieldType, ValueKind};
use vcall_metadata::loader::{AssemblyIdx, MethodKey, TypeKey};
use vcall_metadata::signature::{MethodSig, TypeSig};
use vcall_metadata::token::TableId;

pub use codegen::{compile_body, Scratch};

// MethodImplAttributes (ECMA-335 II.23.1.11)
const MIA_CODE_TYPE_MASK: u16 = 0x3;
const MIA_RUNTIME: u16 = 0x3;
const MIA_INTERNAL_CALL: u16 = 0x1000;
// MethodAttributes
pub const MA_STATIC: u16 = 0x10;
pub const MA_VIRTUAL: u16 = 0x40;
pub const MA_ABSTRACT: u16 = 0x400;
pub const MA_PINVOKE: u16 = 0x2000;

/// The evaluation-stack types of ECMA-335 III.1.1, with structs carrying their size.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum St {
    I4,
    I8,
    I,
    F,
    /// A float32 value (kept widened to f64 in its slot, exactly representable as f32), so
    /// float32 arithmetic rounds each result to float32 like Mono does.
    F32,
    O,
    Ptr,
    Vt {
        class: TypeKey,
        size: u32,
    },
}

impl St {
    /// Frame bytes an entry of this type occupies.
    pub fn bytes(self) -> u32 {
        match self {
            St::Vt { size, .. } => size.div_ceil(8).max(1) * 8,
            _ => 8,
        }
    }
    pub fn is_f(self) -> bool {
        matches!(self, St::F | St::F32)
    }
    pub fn is_int_class(self) -> bool {
        !matches!(self, St::F | St::F32 | St::Vt { .. })
    }
}

/// How a value of a declared type lives on the stack.
pub fn stack_type(ft: FieldType, size_of_struct: u32) -> St {
    match ft.kind {
        ValueKind::Bool
        | ValueKind::Char
        | ValueKind::I1
        | ValueKind::U1
        | ValueKind::I2
        | ValueKind::U2
        | ValueKind::I4
        | ValueKind::U4 => St::I4,
        ValueKind::I8 | ValueKind::U8 => St::I8,
        ValueKind::I | ValueKind::U | ValueKind::Ptr => St::I,
        ValueKind::ByRef => St::Ptr,
        ValueKind::R4 => St::F32,
        ValueKind::R8 => St::F,
        ValueKind::Ref | ValueKind::GenericParam => St::O,
        ValueKind::Void => St::I4,
        ValueKind::Struct => match ft.class {
            Some(class) => St::Vt {
                class,
                size: size_of_struct,
            },
            None => St::O,
        },
    }
}

/// A resolved parameter, local or return type: declared kind plus its stack type.
#[derive(Clone, Copy, Debug)]
pub struct Slot {
    pub ty: FieldType,
    pub st: St,
    pub size: u32,
}

impl Runtime {
    /// Resolves a signature type in the context of `asm` to a `Slot`.
    pub fn slot_of_sig(&self, asm: AssemblyIdx, sig: &TypeSig, byref: bool) -> Result<Slot> {
        if byref {
            return Ok(Slot {
                ty: FieldType {
                    kind: ValueKind::ByRef,
                    class: None,
                },
                st: St::Ptr,
                size: 8,
            });
        }
        let ft = self.loader.field_type_of(asm, sig.strip_modifiers())?;
        self.slot_of_field_type(ft)
    }

    pub fn slot_of_field_type(&self, ft: FieldType) -> Result<Slot> {
        let size = match ft.kind {
            ValueKind::Struct => {
                let k = ft
                    .class
                    .ok_or_else(|| VmError::Internal("struct without class".into()))?;
                let c = self.loader.class(k)?;
                if c.flags.has(vcall_metadata::class::ClassFlags::ENUM) {
                    let kind = c.primitive.unwrap_or(ValueKind::I4);
                    let ft2 = FieldType {
                        kind,
                        class: Some(k),
                    };
                    return Ok(Slot {
                        ty: ft2,
                        st: stack_type(ft2, kind.size()),
                        size: kind.size(),
                    });
                }
                c.instance_size
            }
            ValueKind::GenericParam => {
                return Err(VmError::Internal(
                    "generic type parameters are not supported yet".into(),
                ));
            }
            k => k.size(),
        };
        Ok(Slot {
            ty: ft,
            st: stack_type(ft, size),
            size,
        })
    }
}

/// What a call needs to know about its callee's signature.
#[derive(Clone, Debug)]
pub struct CallShape {
    pub has_this: bool,
    /// `this` is a managed pointer (methods of value types).
    pub this_is_byref: bool,
    pub params: Vec<Slot>,
    pub ret: Option<Slot>,
    /// Where the hidden return buffer and the arguments (`this`, then the parameters) go,
    /// worked out once per callee rather than at every call site and prologue.
    pub(crate) ret_buf_loc: Option<codegen::ArgLoc>,
    pub(crate) arg_locs: codegen::ArgLocs,
}

impl CallShape {
    pub fn new(has_this: bool, this_is_byref: bool, params: Vec<Slot>, ret: Option<Slot>) -> Self {
        let (ret_buf_loc, arg_locs) = codegen::classify(has_this, &params, ret);
        CallShape {
            has_this,
            this_is_byref,
            params,
            ret,
            ret_buf_loc,
            arg_locs,
        }
    }
}

impl Runtime {
    pub fn call_shape(&self, m: MethodKey, sig: &MethodSig) -> Result<CallShape> {
        if sig.sentinel.is_some()
            || matches!(sig.call_conv, vcall_metadata::signature::CallConv::VarArg)
        {
            return Err(VmError::Internal("vararg calls are not supported".into()));
        }
        if sig.generic_param_count() > 0 {
            return Err(VmError::Internal(
                "generic methods are not supported yet".into(),
            ));
        }
        let mut params = Vec::with_capacity(sig.params.len());
        for p in &sig.params {
            params.push(self.slot_of_sig(m.assembly, &p.ty, p.byref)?);
        }
        let ret = if sig.ret.is_void() {
            None
        } else {
            Some(self.slot_of_sig(m.assembly, &sig.ret.ty, sig.ret.byref)?)
        };
        let owner = self.loader.method_owner(m);
        let this_is_byref = sig.has_this && self.loader.class_ref(owner)?.is_value_type();
        Ok(CallShape::new(sig.has_this, this_is_byref, params, ret))
    }
}

/// Compiles method `id` (or binds its internal call) and returns the address to call.
pub fn compile_method(rt: &Runtime, id: MethodId) -> Result<u64> {
    let m = rt.method(id);
    let key = m.key;
    let asm: &Assembly = rt.loader.assembly_at(key.assembly);
    let row = asm.method_def(key.row);
    let display = || rt.loader.method_display_sig(key);
    if row.impl_flags & MIA_INTERNAL_CALL != 0
        || row.flags & MA_PINVOKE != 0
        || row.impl_flags & MIA_CODE_TYPE_MASK == MIA_RUNTIME
    {
        let f = crate::runtime::natives::lookup(rt, key)?;
        m.native.set(Some(f));
        // A native keeps a code-memory thunk so vtable slots and patched rel32 calls can reach it.
        let thunk = vcall_dispatch::trampoline::emit_jump_thunk(&rt.code, f)?;
        return Ok(thunk);
    }
    if row.flags & MA_ABSTRACT != 0 {
        return Err(VmError::Jit {
            method: display(),
            offset: 0,
            message: "abstract method has no body".into(),
        });
    }
    if row.rva == 0 {
        return Err(VmError::Jit {
            method: display(),
            offset: 0,
            message: "method has no body (RVA 0)".into(),
        });
    }
    let code = compile_body(rt, id, key, &asm).map_err(|e| match e {
        VmError::Jit { .. } | VmError::ManagedException => e,
        other => VmError::Jit {
            method: display(),
            offset: 0,
            message: other.to_string(),
        },
    })?;
    crate::runtime::stats::Stats::add(&rt.stats.compiled_methods, 1);
    Ok(code)
}

/// The fault kind the signal handler passes for an access through null in JIT code.
pub const NULL_REFERENCE_FAULT: u32 = codegen::Fault::NullReference as u32;

/// The exception type and message of a runtime-check failure raised by JIT code.
pub fn codegen_fault_name(kind: u32) -> (&'static str, &'static str) {
    use codegen::Fault;
    match kind {
        k if k == Fault::NullReference as u32 => (
            "System.NullReferenceException",
            "Object reference not set to an instance of an object",
        ),
        k if k == Fault::NullReferenceChecked as u32 => (
            "System.NullReferenceException",
            "Object reference not set to an instance of an object.",
        ),
        k if k == Fault::IndexOutOfRange as u32 => (
            "System.IndexOutOfRangeException",
            "Index was outside the bounds of the array.",
        ),
        k if k == Fault::DivideByZero as u32 => (
            "System.DivideByZeroException",
            "Attempted to divide by zero.",
        ),
        k if k == Fault::Overflow as u32 => (
            "System.OverflowException",
            "Arithmetic operation resulted in an overflow.",
        ),
        k if k == Fault::InvalidCast as u32 => (
            "System.InvalidCastException",
            "Specified cast is not valid.",
        ),
        k if k == Fault::ArrayTypeMismatch as u32 => (
            "System.ArrayTypeMismatchException",
            "Attempted to access an element as a type incompatible with the array.",
        ),
        k if k == Fault::NotFinite as u32 => {
            ("System.ArithmeticException", "Number is not a finite value")
        }
        _ => (
            "System.ArithmeticException",
            "Overflow or underflow in the arithmetic operation.",
        ),
    }
}

impl Runtime {
    /// A method token of `asm` resolved to its definition, remembered (call sites repeat).
    pub fn resolve_method_cached(
        &self,
        asm: AssemblyIdx,
        t: vcall_metadata::token::Token,
    ) -> Result<MethodKey> {
        // A definition token names its method directly; only references need resolving.
        if t.table() == Some(vcall_metadata::token::TableId::MethodDef) {
            return Ok(self.loader.resolve_method_token(asm, t)?);
        }
        if let Some(&m) = self.method_token_cache.borrow().get(&(asm, t)) {
            return Ok(m);
        }
        let m = self.loader.resolve_method_token(asm, t)?;
        self.method_token_cache.borrow_mut().insert((asm, t), m);
        Ok(m)
    }

    /// A method's parsed signature and call shape, remembered per method and shared among
    /// methods whose signatures are one blob (compilers write each distinct signature once):
    /// the shape depends only on the blob, its assembly and whether `this` is a value type's.
    pub fn sig_and_shape(&self, m: &RtMethod) -> Result<Rc<(MethodSig, CallShape)>> {
        if let Some(c) = m.sig_shape.get() {
            return Ok(c.clone());
        }
        let asm = self.loader.assembly_at(m.key.assembly);
        asm.check_row(TableId::MethodDef, m.key.row, m.key.token())?;
        let blob = asm.method_def(m.key.row).signature;
        let value_type_owner = self
            .loader
            .class(self.loader.method_owner(m.key))?
            .is_value_type();
        let shared_key = (m.key.assembly, blob, value_type_owner);
        let shared = self.sig_shape_cache.borrow().get(&shared_key).cloned();
        let c = match shared {
            Some(c) => c,
            None => {
                let sig = self.loader.method_sig(m.key)?;
                let shape = self.call_shape(m.key, &sig)?;
                let c = Rc::new((sig, shape));
                self.sig_shape_cache
                    .borrow_mut()
                    .insert(shared_key, c.clone());
                c
            }
        };
        Ok(m.sig_shape.get_or_init(|| c).clone())
    }
}

/// Callees at most this many IL bytes long may be inlined.
const INLINE_MAX_IL_BYTES: usize = 24;
// MethodImplAttributes
const MIA_NO_INLINING: u16 = 0x0008;
const MIA_SYNCHRONIZED: u16 = 0x0020;

impl Runtime {
    /// The normalized body of a method worth inlining at a direct call site, if it is one:
    /// small, straight-line (no branches, locals, handlers or argument stores), with no struct
    /// arguments or result, and in a class without a static constructor to trigger.
    pub fn inline_candidate(
        &self,
        m: &RtMethod,
        shape: &CallShape,
    ) -> Result<Option<Rc<[ops::Op]>>> {
        if let Some(c) = m.inline_body.get() {
            return Ok(c.clone());
        }
        let found = self.compute_inline_candidate(m.key, shape).unwrap_or(None);
        Ok(m.inline_body.get_or_init(|| found).clone())
    }

    fn compute_inline_candidate(
        &self,
        m: MethodKey,
        shape: &CallShape,
    ) -> Result<Option<Rc<[ops::Op]>>> {
        use ops::Op;
        let asm = self.loader.assembly_at(m.assembly);
        let row = asm.method_def(m.row);
        if row.rva == 0
            || row.impl_flags
                & (MIA_INTERNAL_CALL | MIA_NO_INLINING | MIA_SYNCHRONIZED | MIA_CODE_TYPE_MASK)
                != 0
            || row.flags & (MA_ABSTRACT | MA_PINVOKE) != 0
        {
            return Ok(None);
        }
        if shape
            .params
            .iter()
            .chain(shape.ret.iter())
            .any(|s| matches!(s.st, St::Vt { .. }))
        {
            return Ok(None);
        }
        let bytes = asm.body_bytes(m.token(), row.rva)?;
        // Most callees are too big: read the code size from the header before parsing.
        let code_size = match bytes.first() {
            Some(b) if b & 3 == 2 => (b >> 2) as usize,
            Some(_) if bytes.len() >= 8 => {
                u32::from_le_bytes([bytes[4], bytes[5], bytes[6], bytes[7]]) as usize
            }
            _ => return Ok(None),
        };
        if code_size > INLINE_MAX_IL_BYTES {
            return Ok(None);
        }
        let owner = self.loader.class_ref(self.loader.method_owner(m))?;
        if owner.cctor.is_some() {
            return Ok(None);
        }
        let body = vcall_metadata::body::parse_method_body(bytes)
            .map_err(|e| VmError::Internal(e.to_string()))?;
        if body.code.len() > INLINE_MAX_IL_BYTES
            || !body.local_var_sig.is_null()
            || !body.clauses.is_empty()
        {
            return Ok(None);
        }
        let mut decoded = Vec::with_capacity(body.code.len());
        // Inlined bodies have no branches, so no switch targets to keep.
        ops::decode_into(body.code, &mut decoded, &mut Vec::new())
            .map_err(|e| VmError::Internal(e.message))?;
        for (_, op) in &decoded {
            let allowed = matches!(
                op,
                Op::Nop
                    | Op::Ldarg(_)
                    | Op::LdcI4(_)
                    | Op::LdcI8(_)
                    | Op::LdcR4(_)
                    | Op::LdcR8(_)
                    | Op::Ldnull
                    | Op::Ldfld(_)
                    | Op::Ldflda(_)
                    | Op::Stfld(_)
                    | Op::Binary(_)
                    | Op::Neg
                    | Op::Not
                    | Op::Conv(..)
                    | Op::Compare(_)
                    | Op::Ldstr(_)
                    | Op::Call(_)
                    | Op::Callvirt(_)
                    | Op::Ldlen
                    | Op::Ldelem(_)
                    | Op::Dup
                    | Op::Pop
                    | Op::Ret
            );
            if !allowed {
                return Ok(None);
            }
        }
        // Exactly one ret, at the end.
        if decoded.last().map(|(_, op)| op) != Some(&Op::Ret)
            || decoded.iter().filter(|(_, o)| *o == Op::Ret).count() != 1
        {
            return Ok(None);
        }
        // Collected straight into the shared list: one allocation, not a list and a box.
        Ok(Some(decoded.into_iter().map(|(_, op)| op).collect()))
    }
}
