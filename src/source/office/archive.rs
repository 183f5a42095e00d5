//! The zip container of a `.docx`/`.xlsx`, checked before anything is
//! inflated: the sizes in its central directory against the limits of
//! OFFICE-FORMAT.md, then every XML part's prolog for a DTD or entity
//! declaration. Members are read through a bound of their declared size.

use std::io::{Cursor, Read};

use zip::ZipArchive;

use super::{Limit, Unopenable};

/// At most this many bytes once inflated, all members together.
pub const MAX_UNCOMPRESSED: u64 = 256 * 1024 * 1024;
/// A member may inflate to at most this many times its compressed size.
pub const MAX_RATIO: u64 = 100;
/// Members smaller than this are not held to the ratio (a tiny part compresses well).
const RATIO_FLOOR: u64 = 64 * 1024;
/// The prolog of an XML part (before its root element) is read up to this far.
const MAX_PROLOG: usize = 64 * 1024;

/// Opens `bytes` as a zip archive.
pub fn open(bytes: &[u8]) -> Result<ZipArchive<Cursor<&[u8]>>, Unopenable> {
    if bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0]) {
        return Err(Unopenable::Encrypted);
    }
    ZipArchive::new(Cursor::new(bytes)).map_err(|_| Unopenable::NotAnArchive)
}

/// Checks the archive's declared sizes, then that no XML part declares a DTD.
pub fn check(bytes: &[u8]) -> Result<(), Unopenable> {
    let mut zip = open(bytes)?;
    let mut total: u64 = 0;
    for i in 0..zip.len() {
        let member = zip
            .by_index_raw(i)
            .map_err(|e| Unopenable::Malformed(e.to_string()))?;
        let size = member.size();
        total = total.saturating_add(size);
        if total > MAX_UNCOMPRESSED {
            return Err(Unopenable::Limit(Limit::Uncompressed(total)));
        }
        let packed = member.compressed_size().max(1);
        if size > RATIO_FLOOR && size / packed > MAX_RATIO {
            return Err(Unopenable::Limit(Limit::Ratio {
                member: member.name().map(|n| n.into_owned()).unwrap_or_default(),
                ratio: size / packed,
            }));
        }
    }
    let names: Vec<String> = zip
        .file_names()
        .filter_map(Result::ok)
        .filter(|n| n.ends_with(".xml") || n.ends_with(".rels"))
        .map(|n| n.into_owned())
        .collect();
    for name in names {
        let mut member = zip
            .by_name(&name)
            .map_err(|e| Unopenable::Malformed(e.to_string()))?;
        let mut head = Vec::with_capacity(4096);
        (&mut member)
            .take(MAX_PROLOG as u64)
            .read_to_end(&mut head)
            .map_err(|e| Unopenable::Malformed(format!("{name}: {e}")))?;
        if declares_dtd(&head) {
            return Err(Unopenable::Dtd(name));
        }
    }
    Ok(())
}

/// Whether the prolog of an XML text (what comes before its root element)
/// holds `<!DOCTYPE` or `<!ENTITY`. A prolog longer than what was read counts.
fn declares_dtd(head: &[u8]) -> bool {
    let mut rest = head;
    loop {
        let Some(at) = rest.iter().position(|&b| b == b'<') else {
            return head.len() >= MAX_PROLOG;
        };
        rest = &rest[at..];
        if rest.starts_with(b"<?") {
            match find(rest, b"?>") {
                Some(end) => rest = &rest[end + 2..],
                None => return head.len() >= MAX_PROLOG,
            }
        } else if rest.starts_with(b"<!--") {
            match find(rest, b"-->") {
                Some(end) => rest = &rest[end + 3..],
                None => return head.len() >= MAX_PROLOG,
            }
        } else {
            return rest.starts_with(b"<!");
        }
    }
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

/// The text of the member `name`, read through a bound of its declared size;
/// `None` when the archive has no such member.
pub fn text(zip: &mut ZipArchive<Cursor<&[u8]>>, name: &str) -> Result<Option<String>, Unopenable> {
    let mut member = match zip.by_name(name) {
        Ok(m) => m,
        Err(zip::result::ZipError::FileNotFound) => return Ok(None),
        Err(e) => return Err(Unopenable::Malformed(format!("{name}: {e}"))),
    };
    let declared = member.size();
    let mut bytes =
        Vec::with_capacity(usize::try_from(declared.min(MAX_UNCOMPRESSED)).unwrap_or(0));
    (&mut member)
        .take(declared.min(MAX_UNCOMPRESSED))
        .read_to_end(&mut bytes)
        .map_err(|e| Unopenable::Malformed(format!("{name}: {e}")))?;
    String::from_utf8(bytes)
        .map(Some)
        .map_err(|_| Unopenable::Malformed(format!("{name}: not UTF-8")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_doctype_in_the_prolog_is_found() {
        assert!(declares_dtd(
            b"<?xml version=\"1.0\"?>\n<!DOCTYPE x [<!ENTITY a \"b\">]><x/>"
        ));
        assert!(declares_dtd(b"<!-- c --><!ENTITY a \"b\"><x/>"));
        assert!(!declares_dtd(
            b"<?xml version=\"1.0\"?><w:document><!-- <!DOCTYPE --></w:document>"
        ));
    }

    #[test]
    fn what_is_not_a_zip_is_not_an_archive() {
        assert_eq!(check(b"plan: {}").err(), Some(Unopenable::NotAnArchive));
        assert_eq!(
            check(&[0xD0, 0xCF, 0x11, 0xE0, 0, 0]).err(),
            Some(Unopenable::Encrypted)
        );
    }
}
