//! What the browser page shows, as one versioned JSON document built from
//! the same run `cchc check` makes: the CLI's own JSON document (`check`), and
//! beside it per file the verdict, each diagnostic's place in words with its
//! source lines or table row, the imported YAML of a document, the coverage
//! views of `cchc report`, and the `cchc explain` text of each code shown.

use std::collections::BTreeMap;

use cchc::check::{self, FileReport, Options};
use cchc::diagnostic::Severity;
use cchc::i18n::Lang;
use cchc::render::excerpt::{self, RowExcerpt};
use cchc::report::views;
use cchc::rules::{Family, Located};
use cchc::source::office::Kind;
use cchc::{profile, tr};
use serde::{Deserialize, Serialize};

/// The version of [`Answer`]'s shape.
pub const SCHEMA: u32 = 1;

/// How many source lines are shown around a YAML diagnostic, at most.
const MAX_LINES: u32 = 7;

#[derive(Deserialize)]
struct Header {
    lang: String,
    files: Vec<FileHeader>,
}

#[derive(Deserialize)]
struct FileHeader {
    name: String,
    /// How many of the request's bytes are this file's.
    size: usize,
    /// The file's size when the page did not copy it, being over
    /// [`cchc_max_file_size`](crate::cchc_max_file_size).
    #[serde(default)]
    omitted: Option<u64>,
}

/// A file of a request: its name and its bytes, or the size of a file too
/// large to be copied.
pub enum Content<'a> {
    Bytes(&'a [u8]),
    Omitted(u64),
}

/// The page's document.
#[derive(Serialize)]
pub struct Answer {
    pub schema: u32,
    pub version: &'static str,
    /// `cchc check --format json` of the same files, as the CLI writes it.
    pub check: serde_json::Value,
    /// The summary line of `cchc check`.
    pub summary: String,
    pub files: Vec<FileView>,
    /// The views of `cchc report` (coverage heat-map, roadmap, objectives, compliance).
    pub report: Vec<ViewOut>,
    /// `cchc explain` of each code shown.
    pub explain: BTreeMap<&'static str, String>,
    /// Every rule family, for the filters.
    pub families: Vec<FamilyOut>,
}

/// One file: its verdict and its diagnostics in the order of `check`.
#[derive(Serialize)]
pub struct FileView {
    pub path: String,
    pub errors: usize,
    pub warnings: usize,
    pub infos: usize,
    /// No error (the plan can be submitted).
    pub ready: bool,
    /// "Sẵn sàng trình", "Còn 3 lỗi", or why the file was passed over.
    pub verdict: String,
    pub diagnostics: Vec<Shown>,
    /// A Word or Excel document read as a YAML plan (`cchc import`).
    pub yaml: Option<String>,
    /// The name to save it under.
    pub yaml_name: Option<String>,
}

/// One diagnostic as the page shows it.
#[derive(Serialize)]
pub struct Shown {
    pub code: &'static str,
    pub rule: &'static str,
    pub family: char,
    pub severity: &'static str,
    /// The severity in words.
    pub severity_word: &'static str,
    pub message: String,
    pub help: Option<String>,
    pub line: u32,
    pub column: u32,
    /// Where, in words: `dòng 12, cột 5`, `Bảng 2, dòng 3, cột Sản phẩm`.
    pub place: String,
    /// A YAML file's lines around the place.
    pub lines: Vec<LineOut>,
    /// An office document's row under its header.
    pub row: Option<RowOut>,
}

/// A source line, split where the diagnostic marks it.
#[derive(Serialize)]
pub struct LineOut {
    pub number: u32,
    pub before: String,
    pub marked: String,
    pub after: String,
}

/// A table row cut to the columns that name it and the marked one.
#[derive(Serialize)]
pub struct RowOut {
    pub header_number: u32,
    pub headers: Vec<String>,
    pub number: u32,
    pub cells: Vec<String>,
    pub marked: usize,
}

/// A view of `cchc report`.
#[derive(Serialize)]
pub struct ViewOut {
    pub title: String,
    pub headers: Vec<String>,
    pub rows: Vec<Vec<CellOut>>,
    pub notes: Vec<String>,
}

/// A cell; `heat` is its heat-map level, 0 (none) to 5 (the most of its view).
#[derive(Serialize)]
pub struct CellOut {
    pub text: String,
    pub heat: Option<u8>,
    pub title: Option<String>,
    pub class: Option<&'static str>,
}

#[derive(Serialize)]
pub struct FamilyOut {
    pub letter: char,
    pub name: &'static str,
}

/// The answer to a request of the ABI (see the crate's docs); a request that
/// cannot be read gets `{"schema":1,"error":"…"}`.
pub fn answer(request: &[u8]) -> String {
    match parse(request) {
        Ok((lang, files)) => {
            serde_json::to_string(&check(&files, lang)).unwrap_or_else(|e| error(&e.to_string()))
        }
        Err(e) => error(&e),
    }
}

fn error(message: &str) -> String {
    serde_json::json!({ "schema": SCHEMA, "error": message }).to_string()
}

/// A file of a request: its name and what the page sent of it.
pub type FileIn<'a> = (String, Content<'a>);

fn parse(request: &[u8]) -> Result<(Lang, Vec<FileIn<'_>>), String> {
    let (n, rest) = request
        .split_first_chunk::<4>()
        .ok_or("request shorter than its length prefix")?;
    let n = u32::from_le_bytes(*n) as usize;
    let (header, mut body) = rest
        .split_at_checked(n)
        .ok_or("request shorter than its header")?;
    let header: Header = serde_json::from_slice(header).map_err(|e| e.to_string())?;
    let lang = match header.lang.as_str() {
        "en" => Lang::En,
        _ => Lang::Vi,
    };
    let mut files = Vec::new();
    for f in header.files {
        let (bytes, rest) = body
            .split_at_checked(f.size)
            .ok_or_else(|| format!("request shorter than the file {}", f.name))?;
        files.push((
            f.name,
            match f.omitted {
                Some(size) => Content::Omitted(size),
                None => Content::Bytes(bytes),
            },
        ));
        body = rest;
    }
    Ok((lang, files))
}

/// Checks `files` (name, bytes) as `cchc check` checks files named on its
/// command line, without a config file.
pub fn check(files: &[FileIn<'_>], lang: Lang) -> Answer {
    let opts = Options {
        lang,
        keep_source: true,
        keep_plan: true,
        ..Options::default()
    };
    let reports: Vec<FileReport> = files
        .iter()
        .map(|(name, content)| match content {
            Content::Bytes(bytes) => check::check_bytes(name, bytes, false, &opts),
            Content::Omitted(size) => check::check_oversized(name, *size, &opts),
        })
        .collect();
    let run = check::finish(reports, &opts);
    let check_doc =
        serde_json::from_str(&cchc::render::json::render(&run)).unwrap_or(serde_json::Value::Null);
    let mut explain = BTreeMap::new();
    let views = files_view(&run.files, files, lang, &mut explain);
    let report = cchc::report::build(&run.files, &[], lang);
    Answer {
        schema: SCHEMA,
        version: env!("CARGO_PKG_VERSION"),
        check: check_doc,
        summary: cchc::render::summary_line(&run, lang),
        files: views,
        report: views::all(&report, lang, false)
            .into_iter()
            .map(view_out)
            .collect(),
        explain,
        families: Family::ALL
            .into_iter()
            .map(|f| FamilyOut {
                letter: f.letter(),
                name: f.name(lang),
            })
            .collect(),
    }
}

fn files_view(
    reports: &[FileReport],
    files: &[FileIn<'_>],
    lang: Lang,
    explain: &mut BTreeMap<&'static str, String>,
) -> Vec<FileView> {
    reports
        .iter()
        .map(|f| {
            let errors = f.count(Severity::Error);
            let verdict = match f.skipped {
                Some(reason) => reason.words(lang).to_owned(),
                None if errors == 0 => tr!(lang, "Sẵn sàng trình", "Ready to submit"),
                None => tr!(lang, "Còn {errors} lỗi", "{errors} errors left"),
            };
            for d in &f.diagnostics {
                explain
                    .entry(d.code())
                    .or_insert_with(|| d.rule.explain(lang));
            }
            let bytes = files.iter().find_map(|(n, c)| match c {
                Content::Bytes(b) if *n == f.path => Some(*b),
                _ => None,
            });
            let (yaml, yaml_name) = match (Kind::of(&f.path), bytes) {
                (Some(kind), Some(bytes)) => imported(&f.path, kind, bytes, lang),
                _ => (None, None),
            };
            FileView {
                path: f.path.clone(),
                errors,
                warnings: f.count(Severity::Warning),
                infos: f.count(Severity::Info),
                ready: f.skipped.is_none() && errors == 0,
                verdict,
                diagnostics: f.diagnostics.iter().map(|d| shown(d, f, lang)).collect(),
                yaml,
                yaml_name,
            }
        })
        .collect()
}

/// The document as a YAML plan, and the name to save it under.
fn imported(path: &str, kind: Kind, bytes: &[u8], lang: Lang) -> (Option<String>, Option<String>) {
    let name = path.rsplit('/').next().unwrap_or(path);
    match cchc::import::import(name, kind, bytes, profile::default_profile(), lang) {
        Ok((text, _)) => {
            let stem = name.rsplit_once('.').map_or(name, |(s, _)| s);
            (Some(text), Some(format!("{stem}.yaml")))
        }
        Err(_) => (None, None),
    }
}

fn shown(d: &Located, f: &FileReport, lang: Lang) -> Shown {
    let (place, lines, row) = match (&d.origin, &f.office) {
        (Some(origin), tables) => {
            let tables = tables.as_deref().map(Vec::as_slice).unwrap_or_default();
            let ex = excerpt::office(origin, tables, lang);
            (ex.place, Vec::new(), ex.row.map(row_out))
        }
        (None, _) => (
            tr!(
                lang,
                "dòng {}, cột {}",
                "line {}, column {}",
                d.line,
                d.column
            ),
            f.source.as_deref().map_or_else(Vec::new, |s| lines(s, d)),
            None,
        ),
    };
    Shown {
        code: d.code(),
        rule: d.rule.name,
        family: d.rule.family.letter(),
        severity: d.severity().as_str(),
        severity_word: d.severity().word(lang),
        message: d.diagnostic.message.clone(),
        help: d.diagnostic.help.clone(),
        line: d.line,
        column: d.column,
        place,
        lines,
        row,
    }
}

fn row_out(r: RowExcerpt) -> RowOut {
    RowOut {
        header_number: r.header_number,
        headers: r.headers,
        number: r.number,
        cells: r.cells,
        marked: r.marked,
    }
}

/// The lines of `source` around the diagnostic (one before, one after), the
/// marked columns split out of each.
fn lines(source: &str, d: &Located) -> Vec<LineOut> {
    if d.line == 0 {
        return Vec::new();
    }
    let first = d.line.saturating_sub(1).max(1);
    let last = d
        .end_line
        .max(d.line)
        .saturating_add(1)
        .min(first + MAX_LINES - 1);
    source
        .lines()
        .enumerate()
        .map(|(i, text)| (i as u32 + 1, text))
        .skip_while(|(n, _)| *n < first)
        .take_while(|(n, _)| *n <= last)
        .map(|(number, text)| {
            let text = cchc::text::printable(text);
            let chars: Vec<char> = text.chars().collect();
            let len = chars.len() as u32;
            let (from, to) = if number < d.line || number > d.end_line.max(d.line) {
                (len, len)
            } else {
                let from = if number == d.line {
                    d.column.max(1) - 1
                } else {
                    0
                };
                let to = if number == d.end_line && d.end_column > 0 {
                    d.end_column - 1
                } else {
                    len
                };
                (from.min(len), to.clamp(from.min(len), len))
            };
            let part = |a: u32, b: u32| chars[a as usize..b as usize].iter().collect::<String>();
            // An empty mark (a missing key's place) marks the next character.
            let to = if from == to && number == d.line {
                (to + 1).min(len)
            } else {
                to
            };
            LineOut {
                number,
                before: part(0, from),
                marked: part(from, to),
                after: part(to, len),
            }
        })
        .collect()
}

fn view_out(v: views::View) -> ViewOut {
    let max = v.max_heat().max(1);
    ViewOut {
        title: v.title,
        headers: v.headers,
        rows: v
            .rows
            .into_iter()
            .map(|row| {
                row.into_iter()
                    .map(|c| CellOut {
                        heat: c.heat.map(|n| match n {
                            0 => 0,
                            n => (1 + (4 * n) / max).min(5) as u8,
                        }),
                        text: c.text,
                        title: c.title,
                        class: c.class,
                    })
                    .collect()
            })
            .collect(),
        notes: v.notes,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn request(header: &str, bytes: &[u8]) -> Vec<u8> {
        let mut r = (header.len() as u32).to_le_bytes().to_vec();
        r.extend_from_slice(header.as_bytes());
        r.extend_from_slice(bytes);
        r
    }

    #[test]
    fn a_file_too_large_to_copy_gets_the_cli_diagnostic() {
        let size = cchc::source::MAX_FILE_SIZE + 1;
        let header = format!(
            r#"{{"lang":"vi","files":[{{"name":"anh-chup.docx","size":0,"omitted":{size}}}]}}"#
        );
        let doc: serde_json::Value =
            serde_json::from_str(&answer(&request(&header, b""))).expect("JSON");
        let big = vec![0u8; size as usize];
        let cli = check::check_bytes("anh-chup.docx", &big, false, &Options::default());
        assert_eq!(doc["files"][0]["diagnostics"][0]["code"], "P007");
        assert_eq!(
            doc["files"][0]["diagnostics"][0]["message"],
            cli.diagnostics[0].diagnostic.message.as_str()
        );
    }

    #[test]
    fn a_request_shorter_than_it_says_is_an_error_not_a_panic() {
        for bad in [
            &b""[..],
            &b"\x05\0\0\0{}"[..],
            &request(
                r#"{"lang":"vi","files":[{"name":"a.yaml","size":10}]}"#,
                b"abc",
            ),
            &request("not json", b""),
        ] {
            let doc: serde_json::Value = serde_json::from_str(&answer(bad)).expect("JSON");
            assert!(doc["error"].is_string(), "{doc}");
        }
    }
}
