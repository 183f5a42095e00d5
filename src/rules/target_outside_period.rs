//! Q003 target-outside-period: `target.year` outside `plan.period`.

use crate::diagnostic::{Diagnostic, Severity};
use crate::location::Part;
use crate::i18n::Text;
use crate::rules::{Check, Context, Docs, Family, Rule};
use crate::tr;

pub static RULE: Rule = Rule {
    code: "Q003",
    name: "target-outside-period",
    family: Family::Objectives,
    severity: Severity::Error,
    check: Check::Plan(check),
    docs: Docs {
        what: Text {
            vi: "Năm của giá trị mục tiêu (`target.year`) nằm ngoài giai đoạn của kế hoạch (`plan.period`).",
            en: "`target.year` lies outside `plan.period`.",
        },
        why: Text {
            vi: "7946/UBND-NCPC: mục tiêu phải \"cụ thể, thiết thực, khả thi\" trong giai đoạn kế hoạch thực hiện.",
            en: "7946/UBND-NCPC: objectives must be specific and feasible within the plan's period.",
        },
        bad: "plan:\n  period: {from: 2022, to: 2025}\nobjectives:\n  - target: {year: 2030, value: 100}\n",
        good: "plan:\n  period: {from: 2022, to: 2025}\nobjectives:\n  - target: {year: 2025, value: 100}\n",
        fix: Text {
            vi: "Đặt năm mục tiêu trong giai đoạn của kế hoạch (thường là năm cuối).",
            en: "Set the target year inside the plan's period (usually its last year).",
        },
    },
};

fn check(ctx: &mut Context) {
    let Some(period) = ctx.plan.info.as_ref().and_then(|i| i.period()) else {
        return;
    };
    let lang = ctx.lang;
    for o in ctx.plan.objectives.iter().flatten() {
        let Some(year) = o.target.as_ref().and_then(|t| t.year()) else {
            continue;
        };
        if period.contains(year) {
            continue;
        }
        let (from, to) = (period.from, period.to);
        ctx.report(|| {
            Diagnostic::new(o.at("target").key("year"),
                Part::Value,
                tr!(
                    lang,
                    "Năm mục tiêu {year} nằm ngoài giai đoạn kế hoạch {from}–{to}",
                    "Target year {year} is outside the plan period {from}–{to}"
                ),
            )
            .help(tr!(
                lang,
                "Đặt `year:` trong khoảng {from}–{to}, ví dụ `year: {to}`.",
                "Set `year:` within {from}–{to}, e.g. `year: {to}`."
            ))
        });
    }
}
