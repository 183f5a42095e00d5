//! `report --format markdown`: the views as Markdown tables.

use std::fmt::Write;

use crate::i18n::Lang;
use crate::report::model::Report;
use crate::report::views;

fn md_escape(s: &str) -> String {
    crate::text::printable(s)
        .replace('|', "\\|")
        .replace(['\n', '\r'], " ")
}

pub fn render(r: &Report, lang: Lang) -> String {
    let mut out = String::new();
    for v in views::all(r, lang, false) {
        let _ = writeln!(out, "### {}\n", md_escape(&v.title));
        let _ = writeln!(
            out,
            "| {} |",
            v.headers
                .iter()
                .map(|h| md_escape(h))
                .collect::<Vec<_>>()
                .join(" | ")
        );
        let _ = writeln!(out, "|{}", "---|".repeat(v.headers.len()));
        for row in &v.rows {
            let _ = writeln!(
                out,
                "| {} |",
                row.iter()
                    .map(|c| md_escape(&c.text))
                    .collect::<Vec<_>>()
                    .join(" | ")
            );
        }
        out.push('\n');
        for n in &v.notes {
            let _ = writeln!(out, "- {}", md_escape(n));
        }
        out.push('\n');
    }
    out
}
