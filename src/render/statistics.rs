//! `--statistics`: a count per rule instead of each diagnostic — a table
//! sorted by count (then code) with a total row for `human` and `concise`, the
//! document of `schemas/statistics.schema.json` for `json`. Other formats have
//! no statistics form (the command refuses them).

use std::collections::BTreeMap;

use comfy_table::{Table, presets::UTF8_FULL_CONDENSED};
use serde::Serialize;

use crate::check::RunReport;
use crate::i18n::Lang;
use crate::render::json::{Summary, Tool};
use crate::render::{Format, Settings, all};
use crate::rules::Rule;
use crate::tr;

/// Whether `format` has a statistics form.
pub fn supports(format: Format) -> bool {
    matches!(format, Format::Human | Format::Concise | Format::Json)
}

#[derive(Serialize)]
struct Row {
    code: &'static str,
    rule: &'static str,
    severity: &'static str,
    count: usize,
}

#[derive(Serialize)]
struct Document {
    schema: u32,
    tool: Tool,
    summary: Summary,
    rules: Vec<Row>,
    total: usize,
}

/// Counts per (rule, severity), most frequent first, then by code.
fn counts(report: &RunReport) -> Vec<Row> {
    let mut by_code: BTreeMap<(&'static str, &'static str), (&'static Rule, usize)> =
        BTreeMap::new();
    for (_, d) in all(report) {
        let entry = by_code
            .entry((d.code(), d.severity().as_str()))
            .or_insert((d.rule, 0));
        entry.1 += 1;
    }
    let mut rows: Vec<Row> = by_code
        .into_iter()
        .map(|((code, severity), (rule, count))| Row {
            code,
            rule: rule.name,
            severity,
            count,
        })
        .collect();
    rows.sort_by(|a, b| b.count.cmp(&a.count).then(a.code.cmp(b.code)));
    rows
}

pub fn render(format: Format, report: &RunReport, settings: &Settings) -> String {
    let rows = counts(report);
    let total = rows.iter().map(|r| r.count).sum();
    if format == Format::Json {
        let doc = Document {
            schema: 1,
            tool: Tool::cchc(),
            summary: Summary::of(report),
            rules: rows,
            total,
        };
        let mut s = serde_json::to_string_pretty(&doc).unwrap_or_default();
        s.push('\n');
        return s;
    }
    let lang = settings.lang;
    let mut table = Table::new();
    table.load_style(UTF8_FULL_CONDENSED);
    table.set_header(match lang {
        Lang::Vi => ["Mã", "Tên", "Mức", "Số lượng"],
        Lang::En => ["Code", "Name", "Severity", "Count"],
    });
    for r in &rows {
        table.add_row(vec![
            r.code.to_owned(),
            r.rule.to_owned(),
            r.severity.to_owned(),
            r.count.to_string(),
        ]);
    }
    table.add_row(vec![
        tr!(lang, "Tổng cộng", "Total"),
        String::new(),
        String::new(),
        total.to_string(),
    ]);
    format!("{table}\n")
}
