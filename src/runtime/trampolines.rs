//! The Rust side of the generic trampolines: lazy compilation of direct calls, vtable slots
//! and IMT slots, with the call-site patching that makes the next call go straight through.

use super::helpers::fatal_error;
use super::layout::{slot_from_displacement, SlotRef};
use super::stats::Stats;
use super::{class_of_object, rt, MethodId, RtClass, Runtime};
use crate::error::{Result, VmError};
use vcall_dispatch::callsite;
use vcall_dispatch::imt::{emit_imt_collision_stub, ImtEntry, ImtTarget};
use vcall_dispatch::trampoline::SavedRegs;

/// Runs a trampoline's work and returns where to jump. A managed exception raised on the way
/// (a static constructor run at JIT time threw) is thrown at the call that reached the
/// trampoline, as Mono throws it in the caller.
fn timed(rt: &Runtime, f: impl FnOnce() -> Result<u64>) -> u64 {
    let t0 = std::time::Instant::now();
    let r = f();
    Stats::add(&rt.stats.trampoline_ns, t0.elapsed().as_nanos() as u64);
    match r {
        Ok(v) => v,
        Err(VmError::ManagedException) => rt.trampolines.throw_at_call,
        Err(e) => fatal_error(&e),
    }
}

/// Reached from a specific trampoline: r11 holds the method id.
pub extern "sysv64" fn jit_trampoline_handler(regs: *mut SavedRegs, return_address: u64) -> u64 {
    let rt = rt();
    Stats::add(&rt.stats.trampoline_calls, 1);
    // SAFETY: the generic trampoline passes a pointer to the registers it saved on its stack.
    let id = MethodId(unsafe { (*regs).gpr[11] } as u32);
    timed(rt, || {
        let code = rt.ensure_compiled(id)?;
        let m = rt.method(id);
        // Patch the caller only if it really is a direct call to this method's trampoline.
        if let Some(target) = callsite::decode_direct_call_target(&rt.code, return_address) {
            if target == m.trampoline.get() {
                callsite::patch_direct_call(&rt.code, return_address, code)?;
            }
        }
        Ok(code)
    })
}

/// Reads the saved base register and displacement of the `call [reg+disp]` before `return_address`.
fn decode_slot(
    rt: &Runtime,
    regs: *mut SavedRegs,
    return_address: u64,
) -> Result<(&'static RtClass, SlotRef)> {
    let site = callsite::decode_indirect_call_before(&rt.code, return_address)?;
    // SAFETY: `regs` points at the trampoline's saved-register block.
    let vtable = unsafe { (*regs).gpr[site.base.number() as usize] };
    // SAFETY: the base register of a virtual call site holds a vtable pointer, whose header
    // word is the runtime class.
    let class = unsafe { &*(*(vtable as *const u64) as *const RtClass) };
    let slot = slot_from_displacement(site.disp, rt.options.imt_size).ok_or_else(|| {
        VmError::Internal(format!(
            "call site displacement {} at 0x{return_address:x} addresses no slot",
            site.disp
        ))
    })?;
    Ok((class, slot))
}

/// The address a vtable slot should hold for `method` once compiled: its code, or for methods
/// of value types an unboxing thunk (the slot is reached with a boxed `this`).
fn slot_target(rt: &Runtime, class: &RtClass, slot: u32) -> Result<u64> {
    let method = class
        .info
        .vtable()
        .get(slot as usize)
        .ok_or_else(|| VmError::Internal(format!("{} has no vtable slot {slot}", class.full_name)))?
        .method;
    let id = rt.method_id(method);
    let code = rt.ensure_compiled(id)?;
    let owner = rt.loader.method_owner(method);
    if rt.loader.class(owner)?.is_value_type() {
        return unboxing_thunk(rt, id, code, method);
    }
    Ok(code)
}

fn unboxing_thunk(
    rt: &Runtime,
    id: MethodId,
    code: u64,
    method: vcall_metadata::loader::MethodKey,
) -> Result<u64> {
    let m = rt.method(id);
    if let Some(t) = rt.unbox_thunk(id) {
        return Ok(t);
    }
    let sig = rt.loader.method_sig(method)?;
    let shape = rt.call_shape(method, &sig)?;
    let this_reg = if matches!(
        shape.ret,
        Some(crate::jit::Slot {
            st: crate::jit::St::Vt { .. },
            ..
        })
    ) {
        6
    } else {
        7
    };
    let t = vcall_dispatch::trampoline::emit_unbox_thunk(
        &rt.code,
        this_reg,
        super::layout::OBJ_HEADER,
        code,
    )?;
    Stats::add(&rt.stats.unbox_thunks, 1);
    rt.set_unbox_thunk(m.id, t);
    Ok(t)
}

/// Reached through a vtable slot that still holds the generic virtual trampoline.
pub extern "sysv64" fn virtual_trampoline_handler(
    regs: *mut SavedRegs,
    return_address: u64,
) -> u64 {
    let rt = rt();
    Stats::add(&rt.stats.trampoline_calls, 1);
    Stats::add(&rt.stats.virtual_trampoline_calls, 1);
    timed(rt, || {
        let (class, slot) = decode_slot(rt, regs, return_address)?;
        let SlotRef::Virtual(slot) = slot else {
            return Err(VmError::Internal(
                "virtual trampoline reached through an IMT slot".into(),
            ));
        };
        let target = slot_target(rt, class, slot)?;
        patch_data_word(class.vtable_slot_addr(slot), target);
        Ok(target)
    })
}

/// Reached through an IMT slot not built yet: builds that slot, then dispatches on r10.
pub extern "sysv64" fn imt_trampoline_handler(regs: *mut SavedRegs, return_address: u64) -> u64 {
    let rt = rt();
    Stats::add(&rt.stats.trampoline_calls, 1);
    Stats::add(&rt.stats.imt_trampoline_calls, 1);
    timed(rt, || {
        let (class, slot) = decode_slot(rt, regs, return_address)?;
        let SlotRef::Imt(imt_slot) = slot else {
            return Err(VmError::Internal(
                "IMT trampoline reached through a vtable slot".into(),
            ));
        };
        // SAFETY: `regs` points at the trampoline's saved-register block.
        let wanted = MethodId(unsafe { (*regs).gpr[10] } as u32);
        let bucket = class.info.imt().bucket(imt_slot);
        let mut entries = Vec::with_capacity(bucket.len());
        let mut found = None;
        for e in bucket {
            // Every entry is compiled now, and compiled code never moves: the stub jumps
            // straight to it. The vtable slots are filled too, since they must not still hold
            // the virtual trampoline (it would decode this IMT call site).
            let target = slot_target(rt, class, e.vtable_slot)?;
            patch_data_word(class.vtable_slot_addr(e.vtable_slot), target);
            let id = rt.method_id(e.interface_method);
            if id == wanted {
                found = Some(target);
            }
            entries.push(ImtEntry {
                id: id.0,
                target: ImtTarget::Code(target),
            });
        }
        let found = found.ok_or_else(|| {
            VmError::Internal(format!(
                "interface method {} is not in IMT slot {imt_slot} of {}",
                describe_method(rt, wanted),
                class.full_name
            ))
        })?;
        let slot_value = match entries.len() {
            1 => found,
            _ => {
                let stub = emit_imt_collision_stub(&rt.code, &entries, rt.trampolines.imt_miss)?;
                Stats::add(&rt.stats.imt_stubs, 1);
                stub
            }
        };
        record_imt_slot(rt, entries.len() as u64);
        patch_data_word(class.imt_slot_addr(imt_slot), slot_value);
        Ok(found)
    })
}

fn record_imt_slot(rt: &Runtime, n: u64) {
    let s = &rt.stats;
    Stats::add(&s.imt_used_slots, 1);
    Stats::add(&s.imt_methods, n);
    if n > 1 {
        Stats::add(&s.imt_colliding_slots, 1);
    }
    if n > s.imt_max_collisions.get() {
        s.imt_max_collisions.set(n);
        s.imt_methods_at_max.set(n);
    } else if n == s.imt_max_collisions.get() {
        Stats::add(&s.imt_methods_at_max, n);
    }
}

fn describe_method(rt: &Runtime, id: MethodId) -> String {
    if (id.0 as usize) < rt.method_count() {
        rt.loader.method_display(rt.method(id).key)
    } else {
        format!("#{}", id.0)
    }
}

/// An IMT stub compared every entry and none matched: the object's class does not implement
/// the interface method the call site named. This is a runtime error, never a wild jump.
pub extern "sysv64" fn imt_miss_handler(regs: *mut SavedRegs, return_address: u64) -> u64 {
    let rt = rt();
    // SAFETY: `regs` points at the trampoline's saved-register block.
    let wanted = MethodId(unsafe { (*regs).gpr[10] } as u32);
    let class = decode_slot(rt, regs, return_address)
        .map(|(c, _)| c.full_name.clone())
        .unwrap_or_else(|_| "?".into());
    fatal_error(&VmError::Internal(format!(
        "IMT miss: class {class} has no implementation of interface method {} (call site 0x{return_address:x})",
        describe_method(rt, wanted)
    )))
}

/// Vtable and IMT slots live in ordinary memory: an aligned atomic 8-byte store.
fn patch_data_word(addr: u64, value: u64) {
    assert_eq!(addr % 8, 0, "vtable slots are 8-byte aligned");
    // SAFETY: `addr` is a slot of a leaked vtable, 8-byte aligned; other readers only load it.
    unsafe {
        (*(addr as *const std::sync::atomic::AtomicU64))
            .store(value, std::sync::atomic::Ordering::Release)
    };
}

/// The class of the object a saved register points at (for diagnostics).
#[allow(dead_code)]
fn object_class(obj: u64) -> &'static RtClass {
    // SAFETY: diagnostics only call this with live objects.
    unsafe { class_of_object(obj) }
}
