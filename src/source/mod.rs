//! Reading a plan's source: its bytes from a path (never more than
//! [`MAX_FILE_SIZE`], only regular files), UTF-8 decoding, and the plan read
//! out of a YAML tree ([`yaml`]). Nothing here names a rule: problems come
//! back as typed notes, and each rule turns its note into a diagnostic.

pub mod office;
pub mod syntax;
pub mod yaml;

use crate::location::Pos;

/// The largest file read; larger ones are not read at all.
pub const MAX_FILE_SIZE: u64 = 64 * 1024 * 1024;

/// Why a path gave no bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ReadError {
    Unreadable(Unreadable),
    /// Over [`MAX_FILE_SIZE`] bytes.
    TooLarge(u64),
}

/// The failures told apart in messages.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Unreadable {
    NotFound,
    PermissionDenied,
    SymlinkLoop,
    /// A named pipe, socket or device: never opened.
    NotRegular,
    Other(String),
}

impl Unreadable {
    #[cfg(feature = "cli")]
    fn of(e: &std::io::Error) -> Unreadable {
        use std::io::ErrorKind as K;
        match e.kind() {
            K::NotFound => Unreadable::NotFound,
            K::PermissionDenied => Unreadable::PermissionDenied,
            _ if e.raw_os_error() == Some(40) => Unreadable::SymlinkLoop,
            _ => Unreadable::Other(e.to_string()),
        }
    }
}

/// Reads a plan file's bytes (the command-line build). Only regular files are opened: a named pipe,
/// socket or device is refused at once and never read.
#[cfg(feature = "cli")]
pub fn read(path: &std::path::Path) -> Result<Vec<u8>, ReadError> {
    use std::io::Read as _;
    let io = |e: std::io::Error| ReadError::Unreadable(Unreadable::of(&e));
    let meta = std::fs::metadata(path).map_err(io)?;
    if !meta.is_file() {
        return Err(ReadError::Unreadable(Unreadable::NotRegular));
    }
    if meta.len() > MAX_FILE_SIZE {
        return Err(ReadError::TooLarge(meta.len()));
    }
    let file = std::fs::File::open(path).map_err(io)?;
    let mut bytes = Vec::with_capacity(usize::try_from(meta.len()).unwrap_or(0).saturating_add(1));
    file.take(MAX_FILE_SIZE + 1)
        .read_to_end(&mut bytes)
        .map_err(io)?;
    if bytes.len() as u64 > MAX_FILE_SIZE {
        return Err(ReadError::TooLarge(bytes.len() as u64));
    }
    Ok(bytes)
}

/// Bytes that are not UTF-8: where the first bad byte is, and which.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NotUtf8 {
    pub at: Pos,
    pub byte: u8,
    /// The file starts with a UTF-16 byte-order mark.
    pub utf16: bool,
}

/// Decodes UTF-8, dropping a leading byte-order mark.
pub fn decode(bytes: &[u8]) -> Result<&str, NotUtf8> {
    let body = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    std::str::from_utf8(body).map_err(|e| {
        let good = &body[..e.valid_up_to()];
        let text = std::str::from_utf8(good).unwrap_or_default();
        NotUtf8 {
            at: end_position(text),
            byte: body.get(e.valid_up_to()).copied().unwrap_or(0),
            utf16: bytes.starts_with(b"\xFF\xFE") || bytes.starts_with(b"\xFE\xFF"),
        }
    })
}

/// The position just after `text`: its line (LF, CRLF or CR end a line) and
/// the number of code points before it on that line.
pub fn end_position(text: &str) -> Pos {
    let mut line = 1u32;
    let mut col = 0u32;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\n' => {
                line += 1;
                col = 0;
            }
            '\r' => {
                if chars.peek() == Some(&'\n') {
                    chars.next();
                }
                line += 1;
                col = 0;
            }
            _ => col += 1,
        }
    }
    Pos { line, col }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bad_bytes_are_located_by_line_and_code_points() {
        let bytes = b"a: 1\nb\xC3\xA9: \xFF\n";
        let e = decode(bytes).expect_err("invalid");
        assert_eq!((e.at.line, e.at.col + 1, e.byte), (2, 5, 0xFF));
    }

    #[test]
    fn a_bom_is_accepted() {
        assert_eq!(decode(b"\xEF\xBB\xBFa: 1").ok(), Some("a: 1"));
    }
}
