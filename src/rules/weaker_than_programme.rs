//! Q004 weaker-than-programme: a target less ambitious than the parent programme's.

use crate::diagnostic::{Diagnostic, Severity};
use crate::location::Part;
use crate::profile::Direction;
use crate::i18n::Text;
use crate::rules::{Check, Context, Docs, Family, Rule};
use crate::tr;

pub static RULE: Rule = Rule {
    code: "Q004",
    name: "weaker-than-programme",
    family: Family::Objectives,
    severity: Severity::Warning,
    check: Check::Plan(check),
    docs: Docs {
        what: Text {
            vi: "Mục tiêu có `indicator` đặt giá trị kém hơn chỉ tiêu của chương trình cấp trên (trong văn bản chỉ đạo) cho cùng năm hoặc năm gần nhất trước đó.",
            en: "An objective with an `indicator` sets a target less ambitious than the profile's target for that indicator in the same (or the nearest earlier) year.",
        },
        why: Text {
            vi: "7946/UBND-NCPC: kế hoạch \"phải bám sát các mục tiêu, nhiệm vụ và giải pháp của Chương trình hành động\".",
            en: "7946/UBND-NCPC: the plan must follow the Action Program's objectives, tasks and solutions.",
        },
        bad: "    indicator: online_services\n    target: {year: 2025, value: 70}\n",
        good: "    indicator: online_services\n    target: {year: 2025, value: 80}\n",
        fix: Text {
            vi: "Nâng giá trị mục tiêu ít nhất bằng chỉ tiêu của chương trình cấp trên (kế hoạch được đặt cao hơn, không được thấp hơn).",
            en: "Raise the target at least to the parent programme's (a plan may be more ambitious, never less).",
        },
    },
};

fn check(ctx: &mut Context) {
    let lang = ctx.lang;
    for o in ctx.plan.objectives.iter().flatten() {
        let Some(indicator) = o
            .indicator
            .as_deref()
            .and_then(|i| ctx.profile.indicator(i))
        else {
            continue;
        };
        let Some(t) = &o.target else { continue };
        let (Some(year), Some(value)) = (t.year(), t.number()) else {
            continue;
        };
        let Some(reference) = indicator
            .targets
            .iter()
            .filter(|r| r.year <= year)
            .max_by_key(|r| r.year)
        else {
            continue;
        };
        let weaker = match indicator.direction {
            Direction::Increase => value < reference.value,
            Direction::Decrease => value > reference.value,
        };
        if !weaker {
            continue;
        }
        let (want, ref_year, source, unit) = (
            reference.value,
            reference.year,
            &reference.source,
            &indicator.unit,
        );
        let cmp_vi = if indicator.direction == Direction::Increase {
            "ít nhất"
        } else {
            "nhiều nhất"
        };
        let cmp_en = if indicator.direction == Direction::Increase {
            "at least"
        } else {
            "at most"
        };
        ctx.report(|| Diagnostic::new(o.at("target").key("value"), Part::Value, tr!(lang, "Mục tiêu {value}{unit} thấp hơn chỉ tiêu {want}{unit} năm {ref_year} của chương trình cấp trên", "Target {value}{unit} is weaker than the parent programme's {want}{unit} for {ref_year}"))
                .help(tr!(lang, "Theo {source}, chỉ tiêu này là {cmp_vi} {want}{unit} vào năm {ref_year}; đặt `value` {cmp_vi} {want}.", "Per {source}, this indicator is {cmp_en} {want}{unit} by {ref_year}; set `value` to {cmp_en} {want}.")),
        );
    }
}
