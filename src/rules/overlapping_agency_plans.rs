//! X002 overlapping-agency-plans: two plans of one agency with overlapping periods.

use crate::check::PlanSummary;
use crate::diagnostic::{Diagnostic, Lang, Located, Severity};
use crate::load::yaml::Part;
use crate::rules::{Check, Docs, Rule, Text};
use crate::{text, tr};

pub static RULE: Rule = Rule {
    code: "X002",
    name: "overlapping-agency-plans",
    severity: Severity::Warning,
    check: Check::Run,
    docs: Docs {
        what: Text {
            vi: "Hai tệp của cùng một cơ quan (`plan.agency`, so sánh không phân biệt hoa thường và dấu cách) có giai đoạn chồng lên nhau; báo tại `plan.period` của cả hai tệp.",
            en: "Two files of the same `plan.agency` (compared ignoring case and spacing) have overlapping periods; reported at `plan.period` in each of the two files.",
        },
        why: Text {
            vi: "Mỗi cơ quan có một kế hoạch cho mỗi giai đoạn; hai kế hoạch chồng nhau làm trách nhiệm và lộ trình không rõ ràng.",
            en: "Each agency has one plan per period; two overlapping plans blur responsibility and the roadmap.",
        },
        bad: "# a.yaml\nplan: {agency: Sở Tư pháp, period: {from: 2022, to: 2025}}\n# b.yaml\nplan: {agency: Sở Tư pháp, period: {from: 2024, to: 2025}}\n",
        good: "# a.yaml\nplan: {agency: Sở Tư pháp, period: {from: 2022, to: 2025}}\n# b.yaml\nplan: {agency: Sở Tư pháp, period: {from: 2026, to: 2030}}\n",
        fix: Text {
            vi: "Gộp hai kế hoạch, hoặc sửa giai đoạn để không chồng nhau (kế hoạch sửa đổi thay thế kế hoạch cũ trong kho).",
            en: "Merge the two plans, or fix the periods so they do not overlap (a revised plan replaces the old one in the repository).",
        },
    },
};

fn agency_key(s: &str) -> String {
    text::nfc(s)
        .to_lowercase()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// Reports every pair of same-agency plans whose periods overlap, on each file.
pub fn check(plans: &[PlanSummary], lang: Lang) -> Vec<(usize, Located)> {
    let mut out = Vec::new();
    for (i, a) in plans.iter().enumerate() {
        let (Some(agency), Some((period, span))) = (&a.agency, &a.period) else {
            continue;
        };
        let key = agency_key(agency);
        for (j, b) in plans.iter().enumerate() {
            let (Some(other), Some((p2, _))) = (&b.agency, &b.period) else {
                continue;
            };
            if i == j || agency_key(other) != key || period.to < p2.from || p2.to < period.from {
                continue;
            }
            let (from, to, path) = (p2.from, p2.to, text::printable(&b.path));
            let d = Diagnostic::new(
                &RULE,
                "/plan/period",
                Part::Value,
                tr!(
                    lang,
                    "Giai đoạn chồng lên kế hoạch {from}–{to} của cùng cơ quan trong {path}",
                    "The period overlaps the same agency's {from}–{to} plan in {path}"
                ),
            )
            .help(tr!(
                lang,
                "Gộp hai kế hoạch hoặc sửa giai đoạn để không chồng nhau.",
                "Merge the two plans or fix their periods so they do not overlap."
            ));
            out.push((a.file, Located::new(d, *span)));
        }
    }
    out
}
