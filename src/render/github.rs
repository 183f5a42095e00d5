//! `--format github`: GitHub Actions workflow commands, one per diagnostic.

use std::fmt::Write;

use crate::check::RunReport;
use crate::diagnostic::Severity;
use crate::render::all;
use crate::text::printable;

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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn separators_and_newlines_are_escaped() {
        assert_eq!(property("a,b:c%\n"), "a%2Cb%3Ac%25%0A");
        assert_eq!(data("50% done\r\nnext"), "50%25 done%0D%0Anext");
    }
}
