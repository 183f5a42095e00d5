//! `--format json`: the versioned document of CLI.md (`schemas/report.schema.json`).
//! It has its own output structs; internal types are never serialised directly.

use serde::{Serialize, Serializer};

use crate::check::RunReport;
use crate::diagnostic::Severity;
use crate::location::{Origin, Pointer};
use crate::render::all;
use crate::rules::Located;

#[derive(Serialize)]
struct Document<'a> {
    schema: u32,
    tool: Tool,
    summary: Summary,
    files: Vec<File<'a>>,
    skipped: Vec<Skipped<'a>>,
    diagnostics: Diagnostics<'a>,
}

/// The run's diagnostics, serialised as they are walked: a run over thousands
/// of files does not hold a second copy of them to write the document.
struct Diagnostics<'a>(&'a RunReport);

impl Serialize for Diagnostics<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(all(self.0).map(|(path, d)| Entry::of(path, d)))
    }
}

/// A pointer written as its text (`/tasks/3/lead`), with no string made for it.
fn as_text<S: Serializer>(pointer: &&Pointer, s: S) -> Result<S::Ok, S::Error> {
    s.collect_str(pointer)
}

#[derive(Serialize)]
struct Skipped<'a> {
    path: &'a str,
    reason: &'static str,
}

/// `tool` of the JSON documents (this one and `--statistics`'s).
#[derive(Serialize)]
pub(super) struct Tool {
    name: &'static str,
    version: &'static str,
}

impl Tool {
    pub(super) fn cchc() -> Tool {
        Tool {
            name: "cchc",
            version: env!("CARGO_PKG_VERSION"),
        }
    }
}

/// `summary` of the JSON documents: files and counts of the run.
#[derive(Serialize)]
pub(super) struct Summary {
    files_checked: usize,
    files_skipped: usize,
    errors: usize,
    warnings: usize,
    infos: usize,
}

impl Summary {
    pub(super) fn of(report: &RunReport) -> Summary {
        Summary {
            files_checked: report.checked().count(),
            files_skipped: report.skipped(),
            errors: report.count(Severity::Error),
            warnings: report.count(Severity::Warning),
            infos: report.count(Severity::Info),
        }
    }
}

#[derive(Serialize)]
struct File<'a> {
    path: &'a str,
    profile: Option<&'a str>,
    errors: usize,
    warnings: usize,
}

#[derive(Serialize)]
struct Entry<'a> {
    path: &'a str,
    code: &'static str,
    rule: &'static str,
    severity: &'static str,
    message: &'a str,
    help: Option<&'a str>,
    #[serde(serialize_with = "as_text")]
    pointer: &'a Pointer,
    line: u32,
    column: u32,
    end_line: u32,
    end_column: u32,
    /// Where in an office document (absent for YAML).
    #[serde(skip_serializing_if = "Option::is_none")]
    source: Option<Source<'a>>,
}

/// The cell or paragraph of a table document (CLI.md "JSON document").
#[derive(Serialize)]
#[serde(untagged)]
enum Source<'a> {
    Cell { sheet: &'a str, cell: String },
    Table { table: u32, row: u32, column: u32 },
    Paragraph { paragraph: u32 },
}

impl<'a> Source<'a> {
    fn of(origin: &'a Origin) -> Source<'a> {
        match origin {
            Origin::Cell { sheet, row, col } => Source::Cell {
                sheet,
                cell: format!("{}{row}", Origin::column_letters(*col)),
            },
            Origin::TableCell { table, row, col } => Source::Table {
                table: *table,
                row: *row,
                column: *col,
            },
            Origin::Paragraph(n) => Source::Paragraph { paragraph: *n },
        }
    }
}

fn document(report: &RunReport) -> Document<'_> {
    Document {
        schema: 1,
        tool: Tool::cchc(),
        summary: Summary::of(report),
        files: report
            .checked()
            .map(|f| File {
                path: &f.path,
                profile: f.profile.as_deref(),
                errors: f.count(Severity::Error),
                warnings: f.count(Severity::Warning),
            })
            .collect(),
        skipped: report
            .passed_over()
            .map(|(path, reason)| Skipped {
                path,
                reason: reason.as_str(),
            })
            .collect(),
        diagnostics: Diagnostics(report),
    }
}

/// The document written into `out` as it is serialised.
pub fn write(report: &RunReport, out: &mut dyn std::io::Write) -> std::io::Result<()> {
    use std::io::Write as _;
    // The serializer writes a few bytes at a time (a quote, a key, an
    // indentation): into a buffer of a known type they are copies, where each
    // would otherwise be a call through `out`.
    let mut buffered = std::io::BufWriter::with_capacity(1 << 16, out);
    serde_json::to_writer_pretty(&mut buffered, &document(report))?;
    buffered.write_all(b"\n")?;
    buffered.flush()
}

/// The document as text.
pub fn render(report: &RunReport) -> String {
    let mut text = Vec::new();
    // Writing into memory fails only for a map with keys that are not text,
    // which the document has none of.
    if write(report, &mut text).is_err() {
        text.clear();
    }
    String::from_utf8(text).unwrap_or_default()
}

impl<'a> Entry<'a> {
    fn of(path: &'a str, d: &'a Located) -> Entry<'a> {
        Entry {
            path,
            code: d.code(),
            rule: d.rule.name,
            severity: d.severity().as_str(),
            message: &d.diagnostic.message,
            help: d.diagnostic.help.as_deref(),
            pointer: &d.diagnostic.pointer,
            line: d.line,
            column: d.column,
            end_line: d.end_line,
            end_column: d.end_column,
            source: d.origin.as_ref().map(Source::of),
        }
    }
}
