//! `--format json`: the versioned document of CLI.md (`schemas/report.schema.json`).
//! It has its own output structs; internal types are never serialised directly.

use serde::Serialize;

use crate::check::RunReport;
use crate::diagnostic::Severity;
use crate::location::Origin;
use crate::render::all;

#[derive(Serialize)]
struct Document<'a> {
    schema: u32,
    tool: Tool,
    summary: Summary,
    files: Vec<File<'a>>,
    skipped: Vec<Skipped<'a>>,
    diagnostics: Vec<Entry<'a>>,
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
    pointer: String,
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

pub fn render(report: &RunReport) -> String {
    let doc = Document {
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
        diagnostics: all(report)
            .map(|(path, d)| Entry {
                path,
                code: d.code(),
                rule: d.rule.name,
                severity: d.severity().as_str(),
                message: &d.diagnostic.message,
                help: d.diagnostic.help.as_deref(),
                pointer: d.diagnostic.pointer.to_string(),
                line: d.line,
                column: d.column,
                end_line: d.end_line,
                end_column: d.end_column,
                source: d.origin.as_ref().map(Source::of),
            })
            .collect(),
    };
    let mut text = serde_json::to_string_pretty(&doc).unwrap_or_default();
    text.push('\n');
    text
}
