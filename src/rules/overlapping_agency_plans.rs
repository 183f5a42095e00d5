//! X002 overlapping-agency-plans: two plans of one agency with overlapping periods.

use std::collections::HashMap;

use crate::diagnostic::{Diagnostic, Severity};
use crate::location::{Part, Pointer};
use crate::i18n::Text;
use crate::rules::{Check, Docs, Family, PlanSummary, Rule, RunContext};
use crate::{text, tr};

pub static RULE: Rule = Rule {
    code: "X002",
    name: "overlapping-agency-plans",
    family: Family::CrossFile,
    severity: Severity::Warning,
    check: Check::Run(check),
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

/// Reports every pair of same-agency plans whose periods overlap, on each file
/// (grouped by agency first, so a run stays linear in the number of agencies).
pub fn check(ctx: &mut RunContext, plans: &[PlanSummary]) {
    let lang = ctx.lang;
    let mut groups: HashMap<String, Vec<&PlanSummary>> = HashMap::new();
    for p in plans {
        if let (Some(agency), Some(_)) = (&p.agency, &p.period) {
            groups.entry(agency_key(agency)).or_default().push(p);
        }
    }
    for group in groups.values().filter(|g| g.len() > 1) {
        for a in group {
            let Some((period, span)) = &a.period else {
                continue;
            };
            let overlapping: Vec<&PlanSummary> = group
                .iter()
                .copied()
                .filter(|b| b.file != a.file)
                .filter(|b| {
                    b.period
                        .as_ref()
                        .is_some_and(|(p2, _)| period.to >= p2.from && p2.to >= period.from)
                })
                .collect();
            let Some(first) = overlapping.first() else {
                continue;
            };
            let Some((p2, _)) = &first.period else {
                continue;
            };
            let (from, to, path, more) = (
                p2.from,
                p2.to,
                text::printable(&first.path),
                overlapping.len() - 1,
            );
            let message = if more == 0 {
                tr!(
                    lang,
                    "Giai đoạn chồng lên kế hoạch {from}–{to} của cùng cơ quan trong {path}",
                    "The period overlaps the same agency's {from}–{to} plan in {path}"
                )
            } else {
                tr!(
                    lang,
                    "Giai đoạn chồng lên kế hoạch {from}–{to} của cùng cơ quan trong {path} và {more} tệp khác",
                    "The period overlaps the same agency's {from}–{to} plan in {path} and {more} other files"
                )
            };
            let d = Diagnostic::new(Pointer::keys(&["plan", "period"]), Part::Value, message).help(tr!(
                lang,
                "Gộp các kế hoạch hoặc sửa giai đoạn để không chồng nhau.",
                "Merge the plans or fix their periods so they do not overlap."
            ));
            ctx.report(a.file, span.clone(), d);
        }
    }
}
