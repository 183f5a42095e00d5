//! `--format concise`: one line per diagnostic, `path:line:col: severity[CODE] message`.

use std::fmt::Write;

use crate::check::RunReport;
use crate::render::{Settings, all};
use crate::text::printable;

pub fn render(report: &RunReport, settings: &Settings) -> String {
    let mut out = String::new();
    for (path, d) in all(report) {
        let message = d.diagnostic.message.replace(['\n', '\r'], " ");
        let _ = writeln!(
            out,
            "{}:{}:{}: {}[{}] {}",
            printable(path),
            d.line,
            d.column,
            d.severity().as_str(),
            d.code(),
            printable(&message)
        );
    }
    if !settings.quiet {
        out.push_str(&crate::render::summary_line(report, settings.lang));
        out.push('\n');
    }
    out
}
