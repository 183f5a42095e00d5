//! M003 milestone-target-mismatch: the milestone of the target year differs from the target.

use crate::diagnostic::{Diagnostic, Severity};
use crate::location::Part;
use crate::i18n::Text;
use crate::rules::{Check, Context, Docs, Family, Rule};
use crate::tr;

pub static RULE: Rule = Rule {
    code: "M003",
    name: "milestone-target-mismatch",
    family: Family::Roadmap,
    severity: Severity::Error,
    check: Check::Plan(check),
    docs: Docs {
        what: Text {
            vi: "Mốc tiến độ của năm mục tiêu khác giá trị mục tiêu (`target.value`); báo tại mốc đó. Không kiểm tra khi giá trị mục tiêu không phải số (Q001).",
            en: "The milestone of `target.year` differs from `target.value`; reported at that milestone. Not checked when the target is not a number (Q001).",
        },
        why: Text {
            vi: "7946/UBND-NCPC: lộ trình từng năm phải khớp với mục tiêu định lượng.",
            en: "7946/UBND-NCPC: the yearly roadmap must agree with the quantified objective.",
        },
        bad: "    target: {year: 2025, value: 100}\n    milestones: {2024: 90, 2025: 95}\n",
        good: "    target: {year: 2025, value: 100}\n    milestones: {2024: 90, 2025: 100}\n",
        fix: Text {
            vi: "Cho mốc của năm mục tiêu bằng đúng giá trị mục tiêu (hoặc sửa giá trị mục tiêu).",
            en: "Make the target year's milestone equal to the target value (or correct the target).",
        },
    },
};

fn check(ctx: &mut Context) {
    let lang = ctx.lang;
    for o in ctx.plan.objectives.iter().flatten() {
        let Some(t) = &o.target else { continue };
        let (Some(year), Some(target)) = (t.year(), t.number()) else {
            continue;
        };
        let Some(m) = o
            .milestones
            .iter()
            .flatten()
            .find(|m| m.year.as_ref().ok() == Some(&year))
        else {
            continue;
        };
        let Some(value) = m.value else { continue };
        if (value - target).abs() < 1e-9 {
            continue;
        }
        ctx.report(|| {
            Diagnostic::new(o.at("milestones").key(m.key.clone()),
                Part::Value,
                tr!(
                    lang,
                    "Mốc năm {year} là {value}, khác giá trị mục tiêu {target}",
                    "The {year} milestone is {value}, not the target value {target}"
                ),
            )
            .help(tr!(
                lang,
                "Ghi `{year}: {target}` hoặc sửa `target.value` cho khớp.",
                "Write `{year}: {target}`, or correct `target.value` to match."
            ))
        });
    }
}
