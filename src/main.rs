//! The `vcall` command: runs a CIL program like `mono program.exe`, or inspects it.

use clap::Parser;
use std::path::PathBuf;
use std::process::ExitCode;
use vcall::error::VmError;

/// Run an ECMA-335 (.NET) program with vcall's lazy JIT.
#[derive(Parser, Debug)]
#[command(name = "vcall", version, about, trailing_var_arg = true)]
struct Cli {
    /// Print trampoline, IMT, JIT and class-loading counters at exit (like `mono --stats`).
    #[arg(long)]
    stats: bool,
    /// Print the class layout (fields, vtable, interface map, IMT) instead of running.
    #[arg(long)]
    dump_layout: bool,
    /// Print the IL and native code of methods whose name contains NAME when compiled.
    #[arg(long, value_name = "NAME")]
    verbose_method: Vec<String>,
    /// `--aot=metadata-only`: compute every class of the program (or library) and write the
    /// image `PROGRAM.so` next to it instead of running (like `mono --aot=metadata-only`).
    #[arg(long, value_name = "MODE")]
    aot: Option<String>,
    /// Number of IMT slots per vtable (Mono uses 19; 1 forces every interface call to collide).
    #[arg(long, default_value_t = vcall_metadata::loader::DEFAULT_IMT_SIZE, value_parser = clap::value_parser!(u32).range(1..=1024))]
    imt_size: u32,
    /// The program (.exe), then its arguments (or, with --dump-layout, type names).
    #[arg(required = true)]
    program: PathBuf,
    args: Vec<String>,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(&cli) {
        Ok(code) => ExitCode::from(code as u8),
        Err(e) => {
            vcall::runtime::natives::flush_stdout();
            eprintln!("vcall: error: {e}");
            ExitCode::from(2)
        }
    }
}

/// The runtime's environment settings, checked up front: a mistyped value must not be
/// ignored silently (a stress test would then test nothing).
fn check_environment() -> Result<(), VmError> {
    let bad = |name: &str, value: &str, want: &str| {
        Err(VmError::Usage(format!("{name}={value}: expected {want}")))
    };
    if let Ok(v) = std::env::var("VCALL_GC_STRESS") {
        if v.parse::<u64>().is_err() {
            return bad(
                "VCALL_GC_STRESS",
                &v,
                "a number of allocations between collections",
            );
        }
    }
    for name in ["VCALL_GC_VERIFY", "VCALL_PERF_MAP"] {
        if let Ok(v) = std::env::var(name) {
            if v != "0" && v != "1" {
                return bad(name, &v, "0 or 1");
            }
        }
    }
    Ok(())
}

fn run(cli: &Cli) -> Result<i32, VmError> {
    check_environment()?;
    if let Some(mode) = &cli.aot {
        if mode != "metadata-only" {
            return Err(VmError::Usage(format!(
                "unsupported --aot mode '{mode}' (only metadata-only)"
            )));
        }
        println!(
            "{}",
            vcall::vm::aot_metadata_only(&cli.program, cli.imt_size)?
        );
        return Ok(0);
    }
    if cli.dump_layout {
        let text = vcall::inspect::dump_layout(&cli.program, &cli.args, cli.imt_size)?;
        print!("{text}");
        return Ok(0);
    }
    let options = vcall::vm::options(cli.imt_size, cli.stats, cli.verbose_method.clone());
    let rt = vcall::vm::boot(&cli.program, options)?;
    let code = vcall::vm::run_main(rt, &cli.args)?;
    if cli.stats {
        vcall::runtime::stats::print(rt);
    }
    Ok(code)
}
