//! Process-wide counters of the code dispatch creates and of trampoline calls, read by
//! `--stats`. Plain relaxed atomics: they are statistics, not synchronisation.

use std::sync::atomic::{AtomicU64, Ordering};

/// What a piece of dispatch code is, for counting.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CodeKind {
    /// A generic trampoline (JIT, virtual, IMT, IMT-miss, throw: they differ only in handler).
    GenericTrampoline,
    /// A per-method specific trampoline (Mono's "JIT trampolines").
    SpecificTrampoline,
    /// An IMT collision stub (Mono's "IMT trampolines").
    ImtStub,
    /// A jump or unboxing thunk.
    Thunk,
}

#[derive(Default)]
struct Counter {
    count: AtomicU64,
    bytes: AtomicU64,
}

impl Counter {
    const fn new() -> Counter {
        Counter {
            count: AtomicU64::new(0),
            bytes: AtomicU64::new(0),
        }
    }

    fn get(&self) -> (u64, u64) {
        (
            self.count.load(Ordering::Relaxed),
            self.bytes.load(Ordering::Relaxed),
        )
    }
}

#[derive(Default)]
pub struct DispatchStats {
    generic: Counter,
    specific: Counter,
    imt_stubs: Counter,
    thunks: Counter,
    trampoline_calls: AtomicU64,
}

/// A copy of every counter at one moment.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct StatsSnapshot {
    pub generic_trampolines: u64,
    pub generic_trampoline_bytes: u64,
    pub specific_trampolines: u64,
    pub specific_trampoline_bytes: u64,
    pub imt_stubs: u64,
    pub imt_stub_bytes: u64,
    pub thunks: u64,
    pub thunk_bytes: u64,
    pub trampoline_calls: u64,
}

static GLOBAL: DispatchStats = DispatchStats {
    generic: Counter::new(),
    specific: Counter::new(),
    imt_stubs: Counter::new(),
    thunks: Counter::new(),
    trampoline_calls: AtomicU64::new(0),
};

/// The counters of this process.
pub fn global() -> &'static DispatchStats {
    &GLOBAL
}

impl DispatchStats {
    fn counter(&self, kind: CodeKind) -> &Counter {
        match kind {
            CodeKind::GenericTrampoline => &self.generic,
            CodeKind::SpecificTrampoline => &self.specific,
            CodeKind::ImtStub => &self.imt_stubs,
            CodeKind::Thunk => &self.thunks,
        }
    }

    /// Counts one piece of code of `kind` and its size in bytes.
    pub fn record(&self, kind: CodeKind, bytes: usize) {
        let c = self.counter(kind);
        c.count.fetch_add(1, Ordering::Relaxed);
        c.bytes.fetch_add(bytes as u64, Ordering::Relaxed);
    }

    /// Counts one entry into a trampoline handler (Mono's "Calls to trampolines"); the
    /// handlers live in the runtime, so it calls this.
    pub fn record_trampoline_call(&self) {
        self.trampoline_calls.fetch_add(1, Ordering::Relaxed);
    }

    /// (count, bytes) of code of `kind` created so far.
    pub fn created(&self, kind: CodeKind) -> (u64, u64) {
        self.counter(kind).get()
    }

    pub fn specific_trampolines(&self) -> u64 {
        self.created(CodeKind::SpecificTrampoline).0
    }

    pub fn specific_trampoline_bytes(&self) -> u64 {
        self.created(CodeKind::SpecificTrampoline).1
    }

    pub fn imt_stubs(&self) -> u64 {
        self.created(CodeKind::ImtStub).0
    }

    pub fn imt_stub_bytes(&self) -> u64 {
        self.created(CodeKind::ImtStub).1
    }

    pub fn trampoline_calls(&self) -> u64 {
        self.trampoline_calls.load(Ordering::Relaxed)
    }

    pub fn snapshot(&self) -> StatsSnapshot {
        let (generic_trampolines, generic_trampoline_bytes) = self.generic.get();
        let (specific_trampolines, specific_trampoline_bytes) = self.specific.get();
        let (imt_stubs, imt_stub_bytes) = self.imt_stubs.get();
        let (thunks, thunk_bytes) = self.thunks.get();
        StatsSnapshot {
            generic_trampolines,
            generic_trampoline_bytes,
            specific_trampolines,
            specific_trampoline_bytes,
            imt_stubs,
            imt_stub_bytes,
            thunks,
            thunk_bytes,
            trampoline_calls: self.trampoline_calls(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counters_add_up_per_kind() {
        let s = DispatchStats::default();
        s.record(CodeKind::SpecificTrampoline, 11);
        s.record(CodeKind::SpecificTrampoline, 11);
        s.record(CodeKind::ImtStub, 90);
        s.record_trampoline_call();
        assert_eq!(s.created(CodeKind::SpecificTrampoline), (2, 22));
        assert_eq!(
            s.snapshot(),
            StatsSnapshot {
                specific_trampolines: 2,
                specific_trampoline_bytes: 22,
                imt_stubs: 1,
                imt_stub_bytes: 90,
                trampoline_calls: 1,
                ..StatsSnapshot::default()
            }
        );
    }
}
