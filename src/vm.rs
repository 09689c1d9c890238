//! Starting a program: builds the runtime, installs the generic trampolines, loads the
//! well-known corlib classes, and calls the entry point.

use crate::error::{Result, VmError};
use crate::runtime::{self, heap, rt, Options, Runtime, Trampolines};
use std::path::{Path, PathBuf};
use vcall_dispatch::trampoline::emit_generic_trampoline;
use vcall_metadata::aot;
use vcall_metadata::loader::{AssemblyIdx, Loader};

/// Where the shipped corlib lives: `VCALL_CORLIB`, next to the executable, or the source tree.
pub fn find_corlib() -> Result<PathBuf> {
    if let Ok(p) = std::env::var("VCALL_CORLIB") {
        return Ok(PathBuf::from(p));
    }
    if let Ok(exe) = std::env::current_exe() {
        for dir in exe.ancestors().skip(1).take(4) {
            let p = dir.join("corlib").join("mscorlib.dll");
            if p.is_file() {
                return Ok(p);
            }
        }
    }
    let built_in = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("corlib")
        .join("mscorlib.dll");
    if built_in.is_file() {
        return Ok(built_in);
    }
    Err(VmError::Usage(
        "cannot find vcall's corlib (mscorlib.dll); set VCALL_CORLIB".into(),
    ))
}

/// Creates and installs the process's runtime for `program`.
pub fn boot(program: &Path, options: Options) -> Result<&'static Runtime> {
    let corlib = find_corlib()?;
    let mut loader = Loader::new(&corlib, options.imt_size)?;
    // Every assembly, the corlib and the program included, gets its AOT image when valid.
    loader.set_load_hook(Box::new(attach_aot_image));
    let main = loader.load_main(program)?;
    let mut runtime = Runtime::new(loader, main, options)?;
    runtime.trampolines = Trampolines {
        jit: emit_generic_trampoline(&runtime.code, runtime::trampolines::jit_trampoline_handler)?,
        virtual_call: emit_generic_trampoline(
            &runtime.code,
            runtime::trampolines::virtual_trampoline_handler,
        )?,
        imt: emit_generic_trampoline(&runtime.code, runtime::trampolines::imt_trampoline_handler)?,
        imt_miss: emit_generic_trampoline(&runtime.code, runtime::trampolines::imt_miss_handler)?,
        throw: emit_generic_trampoline(&runtime.code, runtime::exceptions::throw_handler)?,
        resume: vcall_dispatch::unwind::emit_resume(&runtime.code)?,
        call_funclet: vcall_dispatch::unwind::emit_funclet_caller(&runtime.code)?,
        protected: vcall_dispatch::unwind::emit_protected_caller(&runtime.code)?,
        throw_at_call: 0,
    };
    runtime.trampolines.throw_at_call =
        runtime::exceptions::emit_throw_at_call(&runtime.code, runtime.trampolines.throw)?;
    let rt = runtime.install();
    runtime::signals::install();
    runtime::gc::init_stack_top();
    let corlib_type = |name: &str| -> Result<runtime::ClassId> {
        rt.class_of(rt.loader.corlib_type("System", name)?)
    };
    let object = corlib_type("Object")?;
    let string = corlib_type("String")?;
    let array = corlib_type("Array")?;
    {
        let mut wk = rt.well_known.borrow_mut();
        wk.object = Some(object);
        wk.string = Some(string);
        wk.array = Some(array);
    }
    let char_class = corlib_type("Char")?;
    let char_array = rt.array_class(char_class, 1)?;
    let string_array = rt.array_class(string, 1)?;
    {
        let mut wk = rt.well_known.borrow_mut();
        wk.char_array = Some(char_array);
        wk.string_array = Some(string_array);
        wk.value_type = Some(corlib_type("ValueType")?);
        wk.enum_ = Some(corlib_type("Enum")?);
    }
    Ok(rt)
}

/// The loader's load hook: uses `assembly.so` when it exists and validates; otherwise warns
/// on one line and lets classes be computed.
fn attach_aot_image(loader: &Loader, idx: AssemblyIdx) {
    let path = aot::image_path(&loader.assembly_at(idx).path);
    if !path.is_file() {
        return;
    }
    match aot::AotImage::load(loader, idx, &path) {
        Ok(image) => {
            loader.attach_class_source(idx, Box::new(image));
        }
        Err(reason) => eprintln!("vcall: warning: ignoring {}: {reason}", path.display()),
    }
}

/// `--aot=metadata-only`: computes every class of `program` in parallel and writes
/// `program.so`. Returns the summary line.
pub fn aot_metadata_only(program: &Path, imt_size: u32) -> Result<String> {
    let t0 = std::time::Instant::now();
    aot::work_in_pool_from_this_thread();
    let corlib = find_corlib()?;
    let (loader, idx) = aot::load_for_generation(&corlib, program, imt_size)?;
    let loaded = t0.elapsed();
    let image = aot::generate(&loader, idx)?;
    let path = aot::image_path(program);
    let t_write = std::time::Instant::now();
    let bytes = image.write(&path)?;
    let ms = |d: std::time::Duration| d.as_secs_f64() * 1e3;
    let summary = format!(
        "vcall: wrote {}: {} types, {bytes} bytes, {:.1} ms \
         (load {:.1}, classes {:.1}, encode {:.1}, write {:.1} ms; {} threads)",
        path.display(),
        image.types,
        ms(t0.elapsed()),
        ms(loaded),
        ms(image.classes_time),
        ms(image.encode_time),
        ms(t_write.elapsed()),
        aot::generation_threads(),
    );
    // The process ends next: freeing every ClassInfo one by one would outlast the encoding.
    std::mem::forget(loader);
    Ok(summary)
}

/// Runs the entry point and returns the process exit code.
pub fn run_main(rt: &'static Runtime, args: &[String]) -> Result<i32> {
    let asm = rt.loader.assembly(rt.main_assembly);
    let entry = asm.entry_point().ok_or_else(|| {
        VmError::Usage(format!(
            "{}: the assembly has no entry point (is it a library?)",
            asm.file
        ))
    })?;
    let key = rt
        .loader
        .resolve_method_token(AssemblyIdx(rt.main_assembly.0), entry)?;
    let sig = rt.loader.method_sig(key)?;
    if sig.has_this || sig.params.len() > 1 {
        return Err(VmError::Usage(format!(
            "{}: entry point {} has an unsupported signature",
            asm.file,
            rt.loader.method_display(key)
        )));
    }
    let owner = rt.loader.method_owner(key);
    let cid = rt.class_of(owner)?;
    let info = rt.loader.class(owner)?;
    // A static constructor throwing before Main runs is an unhandled exception, as in Mono.
    let unhandled = |e: VmError| match e {
        VmError::ManagedException => runtime::exceptions::unhandled(
            rt,
            runtime::exceptions::PENDING_EXCEPTION.swap(0, std::sync::atomic::Ordering::Relaxed),
        ),
        e => e,
    };
    if info.cctor.is_some()
        && info
            .flags
            .has(vcall_metadata::class::ClassFlags::BEFORE_FIELD_INIT)
    {
        rt.run_class_init(cid).map_err(unhandled)?;
    }
    let id = rt.method_id(key);
    let code = rt.ensure_compiled(id).map_err(unhandled)?;
    let returns_int = !sig.ret.is_void();
    let result = if sig.params.len() == 1 {
        let string_array = rt.well_known.borrow().string_array.expect("loaded at boot");
        // The runtime's own objects, never null: a heap cap applies to the program's.
        let arr = runtime::gc::exempt(|| {
            let arr = heap::alloc_array(rt, string_array, args.len() as u64);
            for (i, a) in args.iter().enumerate() {
                let s = heap::new_string_from_str(rt, a);
                // SAFETY: `arr` has `args.len()` reference elements.
                unsafe {
                    *((arr + runtime::layout::ARRAY_DATA as u64 + 8 * i as u64) as *mut u64) = s
                };
            }
            arr
        });
        // SAFETY: `code` is the compiled entry point taking one string[] and returning int or void.
        unsafe {
            let f: extern "sysv64" fn(u64) -> i32 = std::mem::transmute(code as usize);
            f(arr)
        }
    } else {
        // SAFETY: `code` is the compiled entry point taking no arguments.
        unsafe {
            let f: extern "sysv64" fn() -> i32 = std::mem::transmute(code as usize);
            f()
        }
    };
    runtime::natives::flush_stdout();
    Ok(if returns_int {
        result
    } else {
        runtime::natives::exit_code_override().unwrap_or(0)
    })
}

/// Builds the options value from the command line's switches.
pub fn options(imt_size: u32, stats: bool, verbose_methods: Vec<String>) -> Options {
    Options {
        imt_size,
        stats,
        verbose_methods,
    }
}

pub fn runtime() -> &'static Runtime {
    rt()
}
