//! Where a command's text goes: standard output, or a file written
//! atomically (a temporary file in the same directory, then a rename) with
//! the permissions a new file gets under the umask — an existing file
//! replaced keeps its mode. A file being checked is never written over.

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
) -> Result<(Printed, u8), String> {
    match output {
        Some(path) => {
            write_file(path, text.as_bytes(), true).map_err(|e| cannot_write(path, &e, lang))?;
            Ok((Printed::Text(String::new()), status))
        }
        None => Ok((Printed::Text(text), status)),
    }
}

/// Writes a command's text into a writer, as it is made.
pub type Writer = Box<dyn FnOnce(&mut dyn Write) -> std::io::Result<()>>;

/// What a command prints on standard output: a text, or a writer that writes
/// it there piece by piece (a JSON report of thousands of files is never held
/// whole in memory).
pub enum Printed {
    Text(String),
    Written(Writer),
}

impl Printed {
    /// Writes the text into `out`.
    pub fn print(self, out: &mut dyn Write) -> std::io::Result<()> {
        match self {
            Printed::Text(text) => out.write_all(text.as_bytes()),
            Printed::Written(write) => write(out),
        }
    }
}

/// [`deliver`] for a text that can be written piece by piece: `write` writes
/// it into `output`, or onto standard output, as it is made.
pub fn deliver_with(
    output: Option<&Path>,
    status: u8,
    lang: Lang,
    write: impl FnOnce(&mut dyn Write) -> std::io::Result<()> + 'static,
) -> Result<(Printed, u8), String> {
    match output {
        Some(path) => {
            write_file_with(path, true, write).map_err(|e| cannot_write(path, &e, lang))?;
            Ok((Printed::Text(String::new()), status))
        }
        None => Ok((Printed::Written(Box::new(write)), status)),
    }
}

/// "cannot write FILE: reason", for any failed write.
pub fn cannot_write(path: &Path, e: &std::io::Error, lang: Lang) -> String {
    let shown = path.display();
    tr!(
        lang,
        "không ghi được {shown}: {e}",
        "cannot write {shown}: {e}"
    )
}

/// Refuses an `--output` that is one of `inputs` (the same file by any path,
/// through links), before anything is checked or written.
pub fn refuse_inputs<'a>(
    output: Option<&Path>,
    inputs: impl IntoIterator<Item = &'a Path>,
    lang: Lang,
) -> Result<(), String> {
    let Some(output) = output else {
        return Ok(());
    };
    // A file that does not exist yet cannot be one being checked.
    let Ok(target) = Identity::of(output) else {
        return Ok(());
    };
    for input in inputs {
        if Identity::of(input).is_ok_and(|h| h == target) {
            let (out, plan) = (output.display(), input.display());
            return Err(tr!(
                lang,
                "không ghi báo cáo vào {out}: đó là tệp kế hoạch đang được kiểm tra ({plan}); chọn tệp khác cho --output",
                "will not write the report to {out}: it is a plan being checked ({plan}); choose another --output file"
            ));
        }
    }
    Ok(())
}

/// Which file a path reaches, through links: the device and inode number
/// read from its metadata on Unix (no file opened, over thousands of inputs),
/// a handle to it elsewhere.
#[derive(PartialEq)]
struct Identity(#[cfg(unix)] (u64, u64), #[cfg(not(unix))] same_file::Handle);

impl Identity {
    fn of(path: &Path) -> std::io::Result<Identity> {
        #[cfg(unix)]
        {
            use std::os::unix::fs::MetadataExt as _;
            let meta = std::fs::metadata(path)?;
            Ok(Identity((meta.dev(), meta.ino())))
        }
        #[cfg(not(unix))]
        {
            same_file::Handle::from_path(path).map(Identity)
        }
    }
}

/// Writes `bytes` to `path` atomically, refusing (`AlreadyExists`) to replace
/// an existing file unless `overwrite`.
pub fn write_file(path: &Path, bytes: &[u8], overwrite: bool) -> std::io::Result<()> {
    write_file_with(path, overwrite, |out| out.write_all(bytes))
}

/// [`write_file`] of what `write` writes, through a buffer.
pub fn write_file_with(
    path: &Path,
    overwrite: bool,
    write: impl FnOnce(&mut dyn Write) -> std::io::Result<()>,
) -> std::io::Result<()> {
    let existing = std::fs::metadata(path).ok();
    if let Some(meta) = &existing
        && !meta.is_file()
        && !meta.is_dir()
    {
        // A device or a pipe (`-o /dev/stdout`, `/dev/null`, a FIFO) is written
        // into, as the shell's `>` would: renaming a file over it would replace
        // the device itself.
        let mut device =
            std::io::BufWriter::new(std::fs::OpenOptions::new().write(true).open(path)?);
        write(&mut device)?;
        return device.flush();
    }
    let existing = existing.map(|m| m.permissions());
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let mut builder = tempfile::Builder::new();
    builder.prefix(".cchc-");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        // The mode `open` gets, from which the kernel takes away the umask: 0644 under 022.
        builder.permissions(std::fs::Permissions::from_mode(0o666));
    }
    let mut file = builder.tempfile_in(dir)?;
    let mut buffered = std::io::BufWriter::new(&mut file);
    write(&mut buffered)?;
    buffered
        .into_inner()
        .map_err(std::io::IntoInnerError::into_error)?;
    if let Some(mode) = existing {
        file.as_file().set_permissions(mode)?;
    }
    file.as_file().sync_all()?;
    if overwrite {
        file.persist(path).map_err(|e| e.error)?;
    } else {
        file.persist_noclobber(path).map_err(|e| e.error)?;
    }
    Ok(())
}
