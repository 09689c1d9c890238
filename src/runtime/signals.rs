//! Signals: a load or store through a null reference in JIT code becomes a
//! NullReferenceException (the JIT relies on this instead of testing every object pointer, as
//! Mono does); a stack overflow in managed code is reported the way Mono reports it (an
//! unhandled StackOverflowException, exit code 1); any other fault in JIT code is reported
//! with the faulting method, never as a bare segfault.

use std::sync::atomic::{AtomicU64, Ordering};

const ALT_STACK_BYTES: usize = 256 * 1024;
/// Accesses through null at a displacement below this fault and become NullReferenceException
/// (the JIT checks explicitly beyond it). Linux never maps page 0 (`vm.mmap_min_addr`).
pub const NULL_PAGE_BYTES: i32 = 4096;
static ALT_STACK: AtomicU64 = AtomicU64::new(0);

/// Installs the SIGSEGV/SIGBUS handler on its own alternate stack.
pub fn install() {
    // SAFETY: plain libc calls with valid, leaked memory for the alternate stack; the handler
    // is an `extern "C"` function with the SA_SIGINFO signature.
    unsafe {
        let stack = libc::mmap(
            std::ptr::null_mut(),
            ALT_STACK_BYTES,
            libc::PROT_READ | libc::PROT_WRITE,
            libc::MAP_PRIVATE | libc::MAP_ANONYMOUS,
            -1,
            0,
        );
        if stack == libc::MAP_FAILED {
            return;
        }
        ALT_STACK.store(stack as u64, Ordering::Relaxed);
        let ss = libc::stack_t {
            ss_sp: stack,
            ss_flags: 0,
            ss_size: ALT_STACK_BYTES,
        };
        libc::sigaltstack(&ss, std::ptr::null_mut());
        let mut sa: libc::sigaction = std::mem::zeroed();
        sa.sa_sigaction = on_fault as *const () as usize;
        sa.sa_flags = libc::SA_SIGINFO | libc::SA_ONSTACK;
        libc::sigemptyset(&mut sa.sa_mask);
        libc::sigaction(libc::SIGSEGV, &sa, std::ptr::null_mut());
        libc::sigaction(libc::SIGBUS, &sa, std::ptr::null_mut());
    }
}

extern "C" fn on_fault(_sig: libc::c_int, info: *mut libc::siginfo_t, ctx: *mut libc::c_void) {
    // SAFETY: the kernel passes valid siginfo and ucontext pointers to an SA_SIGINFO handler.
    let (addr, rsp, rip) = unsafe {
        let uc = &*(ctx as *const libc::ucontext_t);
        (
            (*info).si_addr() as u64,
            uc.uc_mcontext.gregs[libc::REG_RSP as usize] as u64,
            uc.uc_mcontext.gregs[libc::REG_RIP as usize] as u64,
        )
    };
    // A fault within a few pages of the stack pointer is the guard page: a stack overflow.
    let overflow = addr.abs_diff(rsp) < 64 * 1024;
    if !overflow && addr < NULL_PAGE_BYTES as u64 {
        if let Some(info) = super::rt().try_code_info_at(rip) {
            let il = info.il_at(rip);
            let throw = super::rt().trampolines.throw;
            // SAFETY: as above; the kernel resumes the thread from this context when the
            // handler returns. The faulting instruction is replaced by a call of the throw
            // trampoline with the arguments a fault stub would pass: its return address
            // (inside the faulting method, so the unwinder finds that frame) goes just below
            // the interrupted stack pointer, which is the thread's own stack.
            unsafe {
                let uc = &mut *(ctx as *mut libc::ucontext_t);
                let g = &mut uc.uc_mcontext.gregs;
                let mut new_rsp = rsp;
                if info.frameless {
                    // A frameless leaf has pushed nothing: [rsp] is its return address. Give it
                    // the frame its prologue would have built, so the unwinder finds its caller.
                    new_rsp -= 8;
                    *(new_rsp as *mut u64) = g[libc::REG_RBP as usize] as u64;
                    g[libc::REG_RBP as usize] = new_rsp as i64;
                }
                new_rsp -= 8;
                *(new_rsp as *mut u64) = rip + 1;
                g[libc::REG_RSP as usize] = new_rsp as i64;
                g[libc::REG_RDI as usize] = 0;
                g[libc::REG_RSI as usize] = info.method.0 as i64;
                g[libc::REG_RDX as usize] = il as i64;
                g[libc::REG_RCX as usize] = crate::jit::NULL_REFERENCE_FAULT as i64;
                g[libc::REG_RIP as usize] = throw as i64;
            }
            return;
        }
    }
    super::natives::flush_stdout();
    let msg = if overflow {
        "\nUnhandled Exception:\nStackOverflowException\n[ERROR] FATAL UNHANDLED EXCEPTION: System.StackOverflowException: The requested operation caused a stack overflow.\n".to_string()
    } else {
        let method =
            super::exceptions::describe(super::rt(), rip).unwrap_or_else(|| "native code".into());
        format!("vcall: fatal: invalid memory access at 0x{addr:x} (pc 0x{rip:x} in {method})\n")
    };
    // SAFETY: write(2) and _exit(2) are async-signal-safe.
    unsafe {
        libc::write(2, msg.as_ptr() as *const libc::c_void, msg.len());
        libc::_exit(if overflow { 1 } else { 3 });
    }
}
