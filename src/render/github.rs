//! `--format github`: GitHub Actions workflow commands, one per diagnostic,
//! escaped as `@actions/core` escapes them; and, since a step shows only ten
//! annotations of each kind, a Markdown step summary of every finding.

use std::fmt::Write;

use crate::check::{FileReport, RunReport};
use crate::diagnostic::Severity;
use crate::i18n::Lang;
use crate::render::all;
use crate::text::printable;
use crate::tr;

/// Escapes the message part of a workflow command.
fn data(s: &str) -> String {
    s.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// Escapes a property value (`file=…`, `title=…`), where `:` and `,` are separators too.
fn property(s: &str) -> String {
    data(s).replace(':', "%3A").replace(',', "%2C")
}

pub fn render(report: &RunReport) -> String {
    let mut out = String::new();
    for (path, d) in all(report) {
        let command = match d.severity() {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "notice",
        };
        let title = format!("{} {}", d.code(), d.rule.name);
        let _ = writeln!(
            out,
            "::{command} file={},line={},col={},endLine={},endColumn={},title={}::{}",
            property(&printable(path)),
            d.line,
            d.column,
            d.end_line,
            d.end_column,
            property(&title),
            data(&printable(&d.diagnostic.message))
        );
    }
    out
}

/// Text for a Markdown table cell: no line breaks, `|` escaped, control characters neutralised.
fn cell(s: &str) -> String {
    printable(s).replace(['\n', '\r'], " ").replace('|', "\\|")
}

/// The Markdown step summary (`$GITHUB_STEP_SUMMARY`): a line of totals, then a
/// table per file with findings, the files with most errors first.
pub fn step_summary(report: &RunReport, lang: Lang) -> String {
    let (e, w, i) = (
        report.count(Severity::Error),
        report.count(Severity::Warning),
        report.count(Severity::Info),
    );
    let files = report.checked().count();
    let mut out = tr!(
        lang,
        "## cchc: {e} lỗi, {w} cảnh báo, {i} lưu ý trong {files} tệp\n\n",
        "## cchc: {e} errors, {w} warnings, {i} notes in {files} files\n\n"
    );
    let mut with_findings: Vec<&FileReport> = report
        .checked()
        .filter(|f| !f.diagnostics.is_empty())
        .collect();
    with_findings.sort_by(|a, b| {
        let key = |f: &FileReport| (f.count(Severity::Error), f.count(Severity::Warning));
        key(b).cmp(&key(a)).then(a.path.cmp(&b.path))
    });
    if with_findings.is_empty() {
        out.push_str(&tr!(lang, "Không có vấn đề nào.\n", "No problems found.\n"));
    }
    let header = tr!(
        lang,
        "| Vị trí | Mã | Mức | Nội dung |\n|---|---|---|---|\n",
        "| Place | Code | Severity | Message |\n|---|---|---|---|\n"
    );
    for f in with_findings {
        let (fe, fw) = (f.count(Severity::Error), f.count(Severity::Warning));
        let _ = writeln!(
            out,
            "### `{}` — {}\n",
            cell(&f.path).replace('`', "'"),
            tr!(
                lang,
                "{fe} lỗi, {fw} cảnh báo",
                "{fe} errors, {fw} warnings"
            )
        );
        out.push_str(&header);
        for d in &f.diagnostics {
            let _ = writeln!(
                out,
                "| {}:{} | {} | {} | {} |",
                d.line,
                d.column,
                d.code(),
                d.severity().word(lang),
                cell(&d.diagnostic.message)
            );
        }
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn separators_and_newlines_are_escaped() {
        assert_eq!(property("a,b:c%\n"), "a%2Cb%3Ac%25%0A");
        assert_eq!(data("50% done\r\nnext"), "50%25 done%0D%0Anext");
    }
}
