//! `--format junit`: JUnit XML, one `testsuite` per file, one `testcase` per
//! rule family, a `failure` per error (warnings are listed in `system-out`).

use std::fmt::Write;

use crate::check::RunReport;
use crate::diagnostic::Severity;
use crate::i18n::Lang;
use crate::rules::{Family, Located};

/// Escapes text for XML content and attributes; characters XML 1.0 cannot carry are replaced.
fn xml(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\n' => out.push_str("&#10;"),
            '\r' => out.push_str("&#13;"),
            '\t' => out.push('\t'),
            c if (c as u32) < 0x20 || matches!(c, '\u{FFFE}' | '\u{FFFF}') => out.push('\u{FFFD}'),
            c => out.push(c),
        }
    }
    out
}

fn line(d: &Located, path: &str) -> String {
    format!(
        "{path}:{}:{}: {}[{}] {}",
        d.line,
        d.column,
        d.severity().as_str(),
        d.code(),
        d.diagnostic.message
    )
}

pub fn render(report: &RunReport) -> String {
    let files: Vec<_> = report.checked().collect();
    let tests = files.len() * Family::ALL.len();
    let failures = report.count(Severity::Error);
    let mut out = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    let _ = writeln!(
        out,
        "<testsuites name=\"cchc\" tests=\"{tests}\" failures=\"{failures}\" errors=\"0\">"
    );
    for f in files {
        let path = xml(&f.path);
        let failed = f.count(Severity::Error);
        let _ = writeln!(
            out,
            "  <testsuite name=\"{path}\" tests=\"{}\" failures=\"{failed}\" errors=\"0\" skipped=\"0\">",
            Family::ALL.len()
        );
        for family in Family::ALL {
            // English family names: test names must not change with the message language.
            let name = xml(family.name(Lang::En));
            let in_family: Vec<&Located> = f
                .diagnostics
                .iter()
                .filter(|d| d.rule.family == family)
                .collect();
            if in_family.is_empty() {
                let _ = writeln!(
                    out,
                    "    <testcase classname=\"{path}\" name=\"{name}\" file=\"{path}\"/>"
                );
                continue;
            }
            let _ = writeln!(
                out,
                "    <testcase classname=\"{path}\" name=\"{name}\" file=\"{path}\">"
            );
            let mut notes = Vec::new();
            for d in in_family {
                if d.severity() == Severity::Error {
                    let help = d
                        .diagnostic
                        .help
                        .as_deref()
                        .map(|h| format!("\n{h}"))
                        .unwrap_or_default();
                    let _ = writeln!(
                        out,
                        "      <failure message=\"{}\" type=\"{}\">{}</failure>",
                        xml(&format!("{} {}", d.code(), d.diagnostic.message)),
                        d.code(),
                        xml(&format!("{}{help}", line(d, &f.path)))
                    );
                } else {
                    notes.push(line(d, &f.path));
                }
            }
            if !notes.is_empty() {
                let _ = writeln!(
                    out,
                    "      <system-out>{}</system-out>",
                    xml(&notes.join("\n"))
                );
            }
            out.push_str("    </testcase>\n");
        }
        out.push_str("  </testsuite>\n");
    }
    out.push_str("</testsuites>\n");
    out
}
