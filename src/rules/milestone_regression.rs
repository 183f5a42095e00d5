//! M002 milestone-regression: milestones that move against `direction`.

use crate::diagnostic::{Diagnostic, Severity};
use crate::location::Part;
use crate::i18n::Text;
use crate::rules::{Check, Context, Docs, Family, Rule};
use crate::tr;

pub static RULE: Rule = Rule {
    code: "M002",
    name: "milestone-regression",
    family: Family::Roadmap,
    severity: Severity::Warning,
    check: Check::Plan(check),
    docs: Docs {
        what: Text {
            vi: "Mốc tiến độ đi ngược `direction` (giảm khi mục tiêu là tăng, hoặc ngược lại); báo tại từng mốc đi lùi so với năm trước.",
            en: "Milestones move against `direction` (down for an increasing objective, or up for a decreasing one); reported at each milestone that goes backwards from the year before.",
        },
        why: Text {
            vi: "7946/UBND-NCPC: lộ trình từng năm phải dẫn tới mục tiêu, không đi lùi.",
            en: "7946/UBND-NCPC: the yearly roadmap must lead to the objective, not away from it.",
        },
        bad: "    milestones: {2022: 60, 2023: 50, 2024: 90, 2025: 100}\n",
        good: "    milestones: {2022: 60, 2023: 70, 2024: 90, 2025: 100}\n",
        fix: Text {
            vi: "Sửa các mốc để không đi lùi, hoặc ghi `direction: decrease` nếu chỉ tiêu cần giảm.",
            en: "Fix the milestones so they do not go backwards, or write `direction: decrease` for an indicator that should fall.",
        },
    },
};

fn check(ctx: &mut Context) {
    let lang = ctx.lang;
    for o in ctx.plan.objectives.iter().flatten() {
        let mut points: Vec<(i32, f64, &str)> = o
            .milestones
            .iter()
            .flatten()
            .filter_map(|m| Some((*m.year.as_ref().ok()?, m.value?, m.key.as_str())))
            .collect();
        points.sort_by_key(|p| p.0);
        let decreasing = o.decreases();
        for w in points.windows(2) {
            let ((y0, v0, _), (y1, v1, key)) = (w[0], w[1]);
            let backwards = if decreasing { v1 > v0 } else { v1 < v0 };
            if !backwards {
                continue;
            }
            let help = if decreasing {
                tr!(
                    lang,
                    "Mục tiêu có `direction: decrease`: mốc năm {y1} không được cao hơn năm {y0} ({v0}).",
                    "The objective has `direction: decrease`: the {y1} milestone must not exceed {y0}'s ({v0})."
                )
            } else {
                tr!(
                    lang,
                    "Mốc năm {y1} không được thấp hơn năm {y0} ({v0}); nếu chỉ tiêu cần giảm, ghi `direction: decrease`.",
                    "The {y1} milestone must not be below {y0}'s ({v0}); for an indicator that should fall, write `direction: decrease`."
                )
            };
            ctx.report(|| {
                Diagnostic::new(o.at("milestones").key(key.to_string()),
                    Part::Value,
                    tr!(
                        lang,
                        "Mốc năm {y1} ({v1}) đi lùi so với năm {y0} ({v0})",
                        "The {y1} milestone ({v1}) goes backwards from {y0} ({v0})"
                    ),
                )
                .help(help)
            });
        }
    }
}
