//! Reading plan files: bytes from a path (P000, P007 size), UTF-8 decoding
//! (P008), the spanned YAML tree (P001, P004 repeated keys, P007) and the typed
//! plan (P002, P003).

pub mod deadline;
pub mod lower;
pub mod model;
pub mod yaml;

use std::io::Read;
use std::path::Path;

use crate::diagnostic::{Diagnostic, Lang};
use crate::rules::{input_limit, not_utf8, unreadable_file};
use crate::tr;
use yaml::{Part, Pos, Span};

/// The largest file read; larger ones are P007 without being read.
pub const MAX_FILE_SIZE: u64 = 64 * 1024 * 1024;

/// Reads a plan file's bytes. Only regular files are opened: a named pipe,
/// socket or device is P000 at once and never read.
pub fn read(path: &Path, lang: Lang) -> Result<Vec<u8>, Box<Diagnostic>> {
    let unreadable = |reason: String| {
        Box::new(
            Diagnostic::new(
                &unreadable_file::RULE,
                "",
                Part::Value,
                tr!(
                    lang,
                    "Không đọc được tệp: {reason}",
                    "Cannot read the file: {reason}"
                ),
            )
            .help(tr!(
                lang,
                "Kiểm tra đường dẫn và quyền đọc; chỉ đưa vào các tệp YAML thường.",
                "Check the path and permissions; give only regular YAML files."
            )),
        )
    };
    let meta = std::fs::metadata(path).map_err(|e| unreadable(io_reason(&e, lang)))?;
    if !meta.is_file() {
        return Err(unreadable(tr!(
            lang,
            "không phải tệp thường (ống có tên, socket hoặc thiết bị)",
            "not a regular file (a named pipe, socket or device)"
        )));
    }
    if meta.len() > MAX_FILE_SIZE {
        return Err(Box::new(too_large(meta.len(), lang)));
    }
    let file = std::fs::File::open(path).map_err(|e| unreadable(io_reason(&e, lang)))?;
    let mut bytes = Vec::with_capacity(usize::try_from(meta.len()).unwrap_or(0).saturating_add(1));
    file.take(MAX_FILE_SIZE + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| unreadable(io_reason(&e, lang)))?;
    if bytes.len() as u64 > MAX_FILE_SIZE {
        return Err(Box::new(too_large(bytes.len() as u64, lang)));
    }
    Ok(bytes)
}

/// P007 for a file over the size limit.
pub fn too_large(size: u64, lang: Lang) -> Diagnostic {
    let (mib, max) = (size / (1024 * 1024), MAX_FILE_SIZE / (1024 * 1024));
    Diagnostic::new(
        &input_limit::RULE,
        "",
        Part::Value,
        tr!(
            lang,
            "Tệp quá lớn ({mib} MiB, giới hạn {max} MiB)",
            "The file is too large ({mib} MiB; the limit is {max} MiB)"
        ),
    )
    .help(tr!(
        lang,
        "Một kế hoạch thật nhỏ hơn nhiều; kiểm tra xem có phải đúng tệp không, hoặc tách kế hoạch.",
        "A real plan is far smaller; check that this is the right file, or split the plan."
    ))
}

fn io_reason(e: &std::io::Error, lang: Lang) -> String {
    use std::io::ErrorKind as K;
    match e.kind() {
        K::NotFound => tr!(lang, "không tồn tại", "no such file or directory"),
        K::PermissionDenied => tr!(lang, "không có quyền đọc", "permission denied"),
        _ if e.raw_os_error() == Some(40) => tr!(
            lang,
            "vòng liên kết tượng trưng (symlink loop)",
            "a symbolic link loop"
        ),
        _ => e.to_string(),
    }
}

/// Decodes UTF-8, dropping a leading byte-order mark; P008 at the first bad byte.
pub fn decode(bytes: &[u8], lang: Lang) -> Result<&str, Box<Diagnostic>> {
    let body = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    std::str::from_utf8(body).map_err(|e| {
        let good = &body[..e.valid_up_to()];
        let text = std::str::from_utf8(good).unwrap_or_default();
        let at = end_position(text);
        let utf16 = bytes.starts_with(b"\xFF\xFE") || bytes.starts_with(b"\xFE\xFF");
        let byte = body.get(e.valid_up_to()).copied().unwrap_or(0);
        let message = if utf16 {
            tr!(lang, "Tệp được lưu bằng UTF-16, không phải UTF-8", "The file is saved as UTF-16, not UTF-8")
        } else {
            tr!(lang, "Tệp không phải UTF-8: byte 0x{byte:02X} không hợp lệ", "The file is not UTF-8: invalid byte 0x{byte:02X}")
        };
        Box::new(Diagnostic::new(&not_utf8::RULE, "", Part::Value, message)
            .help(tr!(lang, "Lưu lại tệp với mã hóa UTF-8. Nếu văn bản được gõ bằng bảng mã cũ (TCVN3/ABC, VNI), hãy chuyển mã sang Unicode trước (ví dụ bằng công cụ chuyển mã của Unikey).", "Save the file as UTF-8. If the text was typed in a legacy Vietnamese encoding (TCVN3/ABC, VNI), convert it to Unicode first (e.g. with Unikey's converter)."))
            .at(Span { start: at, end: Pos { line: at.line, col: at.col + 1 } }))
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
        let d = decode(bytes, Lang::En).expect_err("invalid");
        let span = d.span.expect("span");
        assert_eq!((span.start.line, span.start.col + 1), (2, 5));
    }

    #[test]
    fn a_bom_is_accepted() {
        assert_eq!(decode(b"\xEF\xBB\xBFa: 1", Lang::Vi).ok(), Some("a: 1"));
    }
}
