//! vcall-dispatch: executable memory, trampolines, IMT stubs and call-site patching.
