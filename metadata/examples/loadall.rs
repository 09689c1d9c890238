//! Builds ClassInfo for every type of an assembly and reports failures and throughput.
use vcall_metadata::loader::{Loader, DEFAULT_IMT_SIZE};

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let corlib = &args[0];
    let t0 = std::time::Instant::now();
    let mut loader = Loader::new(corlib.as_ref(), DEFAULT_IMT_SIZE).unwrap();
    let asm = if args.len() > 1 {
        loader.load_main(args[1].as_ref()).unwrap()
    } else {
        vcall_metadata::loader::AssemblyIdx::CORLIB
    };
    let types = loader.all_types(asm);
    let mut errors = 0;
    for t in &types {
        match loader.class(*t) {
            Ok(c) => {
                if args.len() > 2 && c.full_name() == args[2] {
                    print!("{}", vcall_metadata::dump::dump_class(&loader, &c));
                }
            }
            Err(e) => {
                errors += 1;
                if errors < 15 {
                    eprintln!("error: {e}");
                }
            }
        }
    }
    let dt = t0.elapsed();
    println!(
        "{} types, {} errors, {:?}, {:.0} classes/s",
        types.len(),
        errors,
        dt,
        types.len() as f64 / dt.as_secs_f64()
    );
}
