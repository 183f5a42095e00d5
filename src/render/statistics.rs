//! `--statistics`: a count per rule instead of each diagnostic.

use std::collections::BTreeMap;
use std::fmt::Write;

use comfy_table::{Table, presets::UTF8_FULL_CONDENSED};
use serde::Serialize;

use crate::check::RunReport;
use crate::i18n::Lang;
use crate::render::{Format, Settings, all};
use crate::rules::Rule;

#[derive(Serialize)]
struct Row {
    code: &'static str,
    rule: &'static str,
    severity: &'static str,
    count: usize,
}

fn counts(report: &RunReport) -> Vec<Row> {
    let mut by_code: BTreeMap<(&'static str, &'static str), (&'static Rule, usize)> =
        BTreeMap::new();
    for (_, d) in all(report) {
        let entry = by_code
            .entry((d.code(), d.severity().as_str()))
            .or_insert((d.rule, 0));
        entry.1 += 1;
    }
    by_code
        .into_iter()
        .map(|((code, severity), (rule, count))| Row {
            code,
            rule: rule.name,
            severity,
            count,
        })
        .collect()
}

pub fn render(format: Format, report: &RunReport, settings: &Settings) -> String {
    let rows = counts(report);
    match format {
        Format::Json | Format::Sarif => {
            let mut s = serde_json::to_string_pretty(&rows).unwrap_or_default();
            s.push('\n');
            s
        }
        Format::Human => {
            let mut table = Table::new();
            table.load_style(UTF8_FULL_CONDENSED);
            table.set_header(match settings.lang {
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
            format!("{table}\n")
        }
        _ => {
            let mut s = String::new();
            for r in &rows {
                let _ = writeln!(s, "{:>6}\t{}\t{}\t{}", r.count, r.code, r.rule, r.severity);
            }
            s
        }
    }
}
