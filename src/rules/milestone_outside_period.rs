//! M010 milestone-outside-period: a `milestones` year outside `plan.period`.

use crate::diagnostic::{Diagnostic, Severity};
use crate::i18n::Text;
use crate::location::Part;
use crate::rules::{Check, Context, Docs, Family, Rule};
use crate::tr;

pub static RULE: Rule = Rule {
    code: "M010",
    name: "milestone-outside-period",
    family: Family::Roadmap,
    severity: Severity::Error,
    check: Check::Plan(check),
    docs: Docs {
        what: Text {
            vi: "Một năm trong `milestones` nằm ngoài giai đoạn của kế hoạch (`plan.period`); mỗi năm một thông báo, tại năm đó.",
            en: "A `milestones` year lies outside `plan.period`; one diagnostic per year, at that key.",
        },
        why: Text {
            vi: "7946/UBND-NCPC: \"chi tiết thời gian hoàn thành theo lộ trình từng năm\" — lộ trình là các năm của kế hoạch.",
            en: "7946/UBND-NCPC: completion times follow a yearly roadmap, which is the years of the plan.",
        },
        bad: "plan:\n  period: {from: 2022, to: 2025}\nobjectives:\n  - milestones: {2022: 60, 2026: 100}\n",
        good: "plan:\n  period: {from: 2022, to: 2025}\nobjectives:\n  - milestones: {2022: 60, 2025: 100}\n",
        fix: Text {
            vi: "Xóa mốc của năm ngoài giai đoạn, hoặc sửa năm cho đúng.",
            en: "Remove the milestone of the year outside the period, or correct the year.",
        },
    },
};

fn check(ctx: &mut Context) {
    let Some(period) = ctx.plan.info.as_ref().and_then(|i| i.period()) else {
        return;
    };
    let lang = ctx.lang;
    let (from, to) = (period.from, period.to);
    for o in ctx.plan.objectives.iter().flatten() {
        for m in o.milestones.iter().flatten() {
            let Ok(year) = m.year else { continue };
            if period.contains(year) {
                continue;
            }
            ctx.report(|| {
                Diagnostic::new(
                    o.at("milestones").key(m.key.clone()),
                    Part::Key,
                    tr!(
                        lang,
                        "Mốc tiến độ năm {year} nằm ngoài giai đoạn kế hoạch {from}–{to}",
                        "The milestone for {year} is outside the plan period {from}–{to}"
                    ),
                )
                .help(tr!(
                    lang,
                    "Chỉ ghi mốc cho các năm {from}–{to}; xóa mốc năm {year} hoặc sửa lại năm.",
                    "Give milestones for {from}–{to} only; remove the {year} one or correct its year."
                ))
            });
        }
    }
}
