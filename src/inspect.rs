//! `--dump-layout`: prints the class model of a program's types without running it.

use crate::error::Result;
use std::path::Path;
use vcall_metadata::dump::dump_class;
use vcall_metadata::loader::Loader;

/// Every type of the program (or those named) as text; `<Module>` is skipped.
pub fn dump_layout(program: &Path, types: &[String], imt_size: u32) -> Result<String> {
    let corlib = crate::vm::find_corlib()?;
    let mut loader = Loader::new(&corlib, imt_size)?;
    let main = loader.load_main(program)?;
    let mut out = String::new();
    let mut matched = 0;
    for key in loader.all_types(main) {
        let name = loader.type_full_name(key);
        if name == "<Module>" || (!types.is_empty() && !types.iter().any(|t| *t == name)) {
            continue;
        }
        matched += 1;
        let info = loader.class(key)?;
        out.push_str(&dump_class(&loader, &info));
        out.push('\n');
    }
    if matched == 0 && !types.is_empty() {
        return Err(crate::error::VmError::Usage(format!(
            "no type named {} in {}",
            types.join(", "),
            program.display()
        )));
    }
    Ok(out)
}
