//! The whole path from bytes to rendered diagnostics, as one function: the fuzz
//! target (`fuzz/`) calls it, and a test replays the fuzz corpus and the
//! regression inputs through it, so CI covers what fuzzing found.

use crate::check::{self, Options};
use crate::i18n::Lang;
use crate::render::{self, Format, Settings};

/// Checks `data` as a plan file (YAML, then a Word and an Excel document: bytes
/// through the zip reader into every format) and renders the result in every
/// format, with the invariants every output must keep; panics (for the fuzzer)
/// if one breaks.
pub fn check_and_render(data: &[u8]) {
    check_yaml_and_render(data);
    for name in ["fuzz.docx", "fuzz.xlsx"] {
        check_document_and_render(name, data);
    }
}

/// A `.docx`/`.xlsx` of `data`: positions start at 1:1, every output renders.
pub fn check_document_and_render(name: &str, data: &[u8]) {
    let opts = Options::default();
    let file = check::check_bytes(name, data, false, &opts);
    for d in &file.diagnostics {
        assert!(d.line >= 1 && d.column >= 1, "position starts at 1:1");
    }
    let report = check::finish(vec![file], &opts);
    let settings = settings(Lang::Vi);
    for format in [Format::Human, Format::Json, Format::Sarif, Format::Junit] {
        let text = render::render(format, &report, &settings);
        if matches!(format, Format::Json | Format::Sarif) {
            assert!(
                serde_json::from_str::<serde_json::Value>(&text).is_ok(),
                "{format:?} output is not JSON"
            );
        }
    }
}

fn check_yaml_and_render(data: &[u8]) {
    for lang in [Lang::Vi, Lang::En] {
        let opts = Options {
            lang,
            keep_source: true,
            ..Options::default()
        };
        let file = check::check_bytes("fuzz.yaml", data, false, &opts);
        let lines = line_count(data);
        for d in &file.diagnostics {
            assert!(d.line >= 1 && d.column >= 1, "position starts at 1:1");
            assert!(
                d.line <= lines,
                "line {} beyond the file's {lines} lines ({})",
                d.line,
                d.code()
            );
            assert!(
                (d.end_line, d.end_column) >= (d.line, d.column),
                "span ends before it starts ({})",
                d.code()
            );
        }
        let report = check::finish(vec![file], &opts);
        let settings = settings(lang);
        for format in [
            Format::Human,
            Format::Concise,
            Format::Json,
            Format::Sarif,
            Format::Github,
            Format::Junit,
        ] {
            let text = render::render(format, &report, &settings);
            if matches!(format, Format::Human | Format::Concise | Format::Github) {
                assert!(
                    !text.contains('\u{1b}'),
                    "an escape character reached {format:?} output"
                );
            }
            if matches!(format, Format::Json | Format::Sarif) {
                assert!(
                    serde_json::from_str::<serde_json::Value>(&text).is_ok(),
                    "{format:?} output is not JSON"
                );
            }
        }
    }
}

/// The render settings of the fuzz path: no colour, 80 columns, everything shown.
fn settings(lang: Lang) -> Settings {
    Settings {
        lang,
        color: false,
        quiet: false,
        width: 80,
        verbose: true,
        deny_warnings: false,
        places: None,
    }
}

/// Lines of the file as the checker counts them (LF, CRLF or CR end a line),
/// at least 1, ignoring a byte-order mark.
fn line_count(data: &[u8]) -> u32 {
    let body = data.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(data);
    let mut lines = 1u32;
    let mut i = 0;
    while i < body.len() {
        match body[i] {
            b'\n' => lines += 1,
            b'\r' if body.get(i + 1) != Some(&b'\n') => lines += 1,
            _ => {}
        }
        i += 1;
    }
    lines
}
