//! Prints the row count of every metadata table of an assembly (a debugging aid).
use vcall_metadata::assembly::Assembly;
use vcall_metadata::token::TableId;

fn main() {
    for path in std::env::args().skip(1) {
        let t0 = std::time::Instant::now();
        match Assembly::load(path.as_ref()) {
            Ok(a) => {
                println!(
                    "{path}: {} ({:?}) in {:?}",
                    a.name().unwrap_or("?"),
                    a.streams.version,
                    t0.elapsed()
                );
                for id in TableId::ALL {
                    let n = a.tables.rows(id);
                    if n > 0 {
                        println!("  {id:?}: {n}");
                    }
                }
            }
            Err(e) => {
                eprintln!("error: {e}");
                std::process::exit(1);
            }
        }
    }
}
