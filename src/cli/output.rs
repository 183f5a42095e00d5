//! Where a command's text goes: standard output, or a file written
//! atomically (a temporary file in the same directory, then a rename), so a
//! reader never sees a half-written report.

use std::io::Write;
use std::path::{Path, PathBuf};

use crate::i18n::Lang;
use crate::tr;

/// The command's text for standard output, or written to `output` (then nothing is printed).
pub fn deliver(
    text: String,
    output: Option<&Path>,
    status: u8,
    lang: Lang,
) -> Result<(String, u8), String> {
    match output {
        Some(path) => {
            write_file(path, text.as_bytes(), true).map_err(|e| {
                tr!(
                    lang,
                    "không ghi được {}: {e}",
                    "cannot write {}: {e}",
                    path.display()
                )
            })?;
            Ok((String::new(), status))
        }
        None => Ok((text, status)),
    }
}

/// Writes `bytes` to `path` atomically, refusing (`AlreadyExists`) to replace
/// an existing file unless `overwrite`.
pub fn write_file(path: &Path, bytes: &[u8], overwrite: bool) -> std::io::Result<()> {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let mut file = tempfile::NamedTempFile::new_in(dir)?;
    file.write_all(bytes)?;
    file.as_file().sync_all()?;
    if overwrite {
        file.persist(path).map_err(|e| e.error)?;
    } else {
        file.persist_noclobber(path).map_err(|e| e.error)?;
    }
    Ok(())
}
