//! Process-wide counters of the code dispatch creates, read by `--stats`.

use std::sync::atomic::{AtomicU64, Ordering};

#[derive(Default)]
pub struct DispatchStats {
    specific: AtomicU64,
    specific_bytes: AtomicU64,
    generic: AtomicU64,
    imt_stubs: AtomicU64,
    imt_stub_bytes: AtomicU64,
}

static GLOBAL: DispatchStats = DispatchStats {
    specific: AtomicU64::new(0),
    specific_bytes: AtomicU64::new(0),
    generic: AtomicU64::new(0),
    imt_stubs: AtomicU64::new(0),
    imt_stub_bytes: AtomicU64::new(0),
};

pub fn global() -> &'static DispatchStats {
    &GLOBAL
}

impl DispatchStats {
    pub fn add_specific(&self, bytes: u64) {
        self.specific.fetch_add(1, Ordering::Relaxed);
        self.specific_bytes.fetch_add(bytes, Ordering::Relaxed);
    }
    pub fn add_generic(&self, _code_used: u64) {
        self.generic.fetch_add(1, Ordering::Relaxed);
    }
    pub fn add_imt_stub(&self, bytes: u64) {
        self.imt_stubs.fetch_add(1, Ordering::Relaxed);
        self.imt_stub_bytes.fetch_add(bytes, Ordering::Relaxed);
    }
    pub fn specific_trampolines(&self) -> u64 {
        self.specific.load(Ordering::Relaxed)
    }
    pub fn specific_trampoline_bytes(&self) -> u64 {
        self.specific_bytes.load(Ordering::Relaxed)
    }
    pub fn imt_stubs(&self) -> u64 {
        self.imt_stubs.load(Ordering::Relaxed)
    }
    pub fn imt_stub_bytes(&self) -> u64 {
        self.imt_stub_bytes.load(Ordering::Relaxed)
    }
}
