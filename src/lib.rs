//! vcall: the JIT, the runtime and the command line.
