//! Q002 target-out-of-range: a percentage outside 0–100, or a negative value.

use crate::diagnostic::{Diagnostic, Severity};
use crate::location::Part;
use crate::i18n::Text;
use crate::rules::{Check, Context, Docs, Family, Rule};
use crate::tr;

pub static RULE: Rule = Rule {
    code: "Q002",
    name: "target-out-of-range",
    family: Family::Objectives,
    severity: Severity::Error,
    check: Check::Plan(check),
    docs: Docs {
        what: Text {
            vi: "Một giá trị `%` (mục tiêu, giá trị cơ sở hoặc mốc) nằm ngoài 0–100, hoặc một giá trị âm; mỗi giá trị một thông báo.",
            en: "A `%` target, baseline or milestone outside 0–100, or a negative value; one diagnostic per value.",
        },
        why: Text {
            vi: "7946/UBND-NCPC: mục tiêu phải \"khả thi\" — tỷ lệ vượt 100% hay số âm không thể đạt được.",
            en: "7946/UBND-NCPC: objectives must be feasible — a rate above 100% or a negative count cannot be reached.",
        },
        bad: "    unit: \"%\"\n    target: {year: 2025, value: 120}\n",
        good: "    unit: \"%\"\n    target: {year: 2025, value: 100}\n",
        fix: Text {
            vi: "Sửa giá trị về khoảng 0–100 (với `%`) hoặc số không âm; nếu muốn ghi số lượng, đổi `unit:`.",
            en: "Bring the value into 0–100 (for `%`) or make it non-negative; for a count, change `unit:`.",
        },
    },
};

/// Where a checked value sits in its objective.
enum Place<'a> {
    Baseline,
    Target,
    Milestone(&'a str),
}

fn check(ctx: &mut Context) {
    let lang = ctx.lang;
    for o in ctx.plan.objectives.iter().flatten() {
        let percent = o.is_percent();
        let baseline = o.baseline.as_ref().and_then(|b| b.number());
        let target = o.target.as_ref().and_then(|t| t.number());
        let milestones = o.milestones.iter().flatten();
        let values = (baseline.map(|v| (Place::Baseline, v)).into_iter())
            .chain(target.map(|v| (Place::Target, v)))
            .chain(milestones.filter_map(|m| Some((Place::Milestone(&m.key), m.value?))));
        for (place, v) in values {
            let (message, help) = if v < 0.0 {
                (
                    tr!(lang, "Giá trị {v} là số âm", "Value {v} is negative"),
                    tr!(
                        lang,
                        "Ghi giá trị không âm; để thể hiện mức giảm, dùng `direction: decrease`.",
                        "Write a non-negative value; to express a reduction use `direction: decrease`."
                    ),
                )
            } else if percent && v > 100.0 {
                (
                    tr!(lang, "Tỷ lệ {v}% vượt quá 100%", "Rate {v}% exceeds 100%"),
                    tr!(
                        lang,
                        "Tỷ lệ phần trăm nằm trong khoảng 0–100; nếu đây là số lượng, đổi `unit:` cho đúng.",
                        "A percentage lies within 0–100; if this is a count, correct `unit:`."
                    ),
                )
            } else {
                continue;
            };
            let pointer = match place {
                Place::Baseline => o.at("baseline").key("value"),
                Place::Target => o.at("target").key("value"),
                Place::Milestone(key) => o.at("milestones").key(key.to_string()),
            };
            ctx.report(|| {
                Diagnostic::new(pointer, Part::Value, message).help(help)
            });
        }
    }
}
