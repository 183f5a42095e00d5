//! `report --format csv`: the views as CSV, with a byte-order mark for Excel.

use std::fmt::Write;

use crate::i18n::Lang;
use crate::report::model::Report;
use crate::report::views;

fn csv_field(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_owned()
    }
}

pub fn render(r: &Report, lang: Lang) -> String {
    // A byte-order mark, so that spreadsheet programs read the Vietnamese text as UTF-8.
    let mut out = String::from("\u{feff}");
    for v in views::all(r, lang, false) {
        let _ = write!(out, "{}\r\n", csv_field(&v.title));
        let _ = write!(
            out,
            "{}\r\n",
            v.headers
                .iter()
                .map(|h| csv_field(h))
                .collect::<Vec<_>>()
                .join(",")
        );
        for row in &v.rows {
            let _ = write!(
                out,
                "{}\r\n",
                row.iter()
                    .map(|c| csv_field(&c.text))
                    .collect::<Vec<_>>()
                    .join(",")
            );
        }
        for n in &v.notes {
            let _ = write!(out, "{}\r\n", csv_field(n));
        }
        out.push_str("\r\n");
    }
    out
}
