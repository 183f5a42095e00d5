//! Q006 baseline-beyond-target: the starting point already reaches the target.

use crate::diagnostic::{Diagnostic, Severity};
use crate::i18n::Text;
use crate::location::Part;
use crate::model::Objective;
use crate::rules::{Check, Context, Docs, Family, Rule};
use crate::tr;

pub static RULE: Rule = Rule {
    code: "Q006",
    name: "baseline-beyond-target",
    family: Family::Objectives,
    severity: Severity::Warning,
    check: Check::Objective {
        unless_malformed: Some("baseline"),
        run: check,
    },
    docs: Docs {
        what: Text {
            vi: "Giá trị cơ sở (`baseline.value`) đã bằng hoặc vượt giá trị mục tiêu (`target.value`) theo chiều của mục tiêu (cao hơn với `increase`, thấp hơn với `decrease`).",
            en: "`baseline.value` is already at or past `target.value` in the objective's `direction` (above it for `increase`, below it for `decrease`).",
        },
        why: Text {
            vi: "7946/UBND-NCPC: mục tiêu phải \"cụ thể, thiết thực, khả thi\": một mục tiêu đã đạt từ năm gốc không đặt ra việc gì phải làm.",
            en: "7946/UBND-NCPC: objectives must be practical: a target already met at the baseline asks nothing of the plan.",
        },
        bad: "    baseline: {year: 2021, value: 95}\n    target: {year: 2025, value: 90}\n",
        good: "    baseline: {year: 2021, value: 80}\n    target: {year: 2025, value: 95}\n",
        fix: Text {
            vi: "Kiểm tra lại giá trị cơ sở và giá trị mục tiêu; với chỉ tiêu cần giảm, ghi `direction: decrease`.",
            en: "Check the baseline and the target; for an indicator that should go down, write `direction: decrease`.",
        },
    },
};

fn check(ctx: &mut Context, o: &Objective) {
    let (Some(base), Some(target)) = (
        o.baseline.as_ref().and_then(|b| b.number()),
        o.target.as_ref().and_then(|t| t.number()),
    ) else {
        return;
    };
    let beyond = if o.decreases() { base <= target } else { base >= target };
    if !beyond {
        return;
    }
    let lang = ctx.lang;
    let way = match (lang, o.decreases()) {
        (crate::i18n::Lang::Vi, false) => "tăng",
        (crate::i18n::Lang::Vi, true) => "giảm",
        (crate::i18n::Lang::En, false) => "go up",
        (crate::i18n::Lang::En, true) => "go down",
    };
    ctx.report(|| {
        Diagnostic::new(
            o.at("baseline").key("value"),
            Part::Value,
            tr!(
                lang,
                "Giá trị cơ sở {base} đã đạt mục tiêu {target}: mục tiêu không còn phải {way}",
                "The baseline {base} already meets the target {target}: nothing is left to {way}"
            ),
        )
        .help(tr!(
            lang,
            "Kiểm tra lại hai con số; nếu chỉ tiêu cần giảm, ghi `direction: decrease`.",
            "Check both figures; if the indicator should go down, write `direction: decrease`."
        ))
    });
}
