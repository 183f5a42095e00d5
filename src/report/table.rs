//! `report --format table`: the views as terminal tables that fit 80 columns, with wrapped notes.

use std::fmt::Write;

use comfy_table::{ContentArrangement, Table, presets::UTF8_FULL_CONDENSED};

use crate::i18n::Lang;
use crate::report::model::Report;
use crate::report::views;

pub fn render(r: &Report, lang: Lang) -> String {
    let mut out = String::new();
    for v in views::all(r, lang, true) {
        let mut t = Table::new();
        t.load_style(UTF8_FULL_CONDENSED)
            .set_content_arrangement(ContentArrangement::Dynamic)
            .set_width(80);
        t.set_header(v.headers.clone());
        for row in &v.rows {
            t.add_row(
                row.iter()
                    .map(|c| crate::text::printable(&c.text).into_owned())
                    .collect::<Vec<_>>(),
            );
        }
        let _ = writeln!(out, "{}\n{t}", v.title);
        let wrap = textwrap::Options::new(80)
            .initial_indent("  ")
            .subsequent_indent("    ");
        for n in &v.notes {
            let _ = writeln!(out, "{}", textwrap::fill(&crate::text::printable(n), &wrap));
        }
        out.push('\n');
    }
    out
}
