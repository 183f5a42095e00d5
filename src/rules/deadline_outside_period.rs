//! M005 deadline-outside-period: a `due` or `schedule` year outside `plan.period`.

use crate::diagnostic::{Diagnostic, Severity};
use crate::model::deadline::Deadline;
use crate::location::Part;
use crate::i18n::Text;
use crate::rules::{Check, Context, Docs, Family, Rule};
use crate::tr;

pub static RULE: Rule = Rule {
    code: "M005",
    name: "deadline-outside-period",
    family: Family::Roadmap,
    severity: Severity::Error,
    check: Check::Plan(check),
    docs: Docs {
        what: Text {
            vi: "Thời hạn của nhiệm vụ (`due`) hoặc một năm trong `schedule` nằm ngoài giai đoạn kế hoạch (`plan.period`).",
            en: "A task's `due` (or a `schedule` year) falls outside `plan.period`.",
        },
        why: Text {
            vi: "7946/UBND-NCPC: thời gian hoàn thành phải nằm trên lộ trình từng năm của giai đoạn kế hoạch.",
            en: "7946/UBND-NCPC: completion times must lie on the yearly roadmap of the plan's period.",
        },
        bad: "plan:\n  period: {from: 2022, to: 2025}\ntasks:\n  - id: NV1\n    due: 2026-06-30\n",
        good: "plan:\n  period: {from: 2022, to: 2025}\ntasks:\n  - id: NV1\n    due: 2025-06-30\n",
        fix: Text {
            vi: "Đặt thời hạn trong giai đoạn kế hoạch, hoặc chuyển nhiệm vụ sang kế hoạch của giai đoạn sau.",
            en: "Set the deadline inside the plan's period, or move the task to the next period's plan.",
        },
    },
};

fn check(ctx: &mut Context) {
    let Some(period) = ctx.plan.info.as_ref().and_then(|i| i.period()) else {
        return;
    };
    let (from, to) = (period.from, period.to);
    let lang = ctx.lang;
    for t in ctx.tasks() {
        let outside = match t.deadline() {
            Some(Deadline::Day(d)) => !period.contains(d.year),
            Some(Deadline::Years(a, b)) => !period.contains(a) || !period.contains(b),
            _ => false,
        };
        if outside {
            ctx.report(|| {
                Diagnostic::new(t.at("due"),
                    Part::Value,
                    tr!(
                        lang,
                        "Thời hạn nằm ngoài giai đoạn kế hoạch {from}–{to}",
                        "The deadline is outside the plan period {from}–{to}"
                    ),
                )
                .help(tr!(
                    lang,
                    "Đặt thời hạn trong khoảng {from}–{to}.",
                    "Set a deadline within {from}–{to}."
                ))
            });
        }
        for s in t.schedule.iter().flatten() {
            let Ok(year) = s.year else { continue };
            if period.contains(year) {
                continue;
            }
            ctx.report(|| {
                Diagnostic::new(t.at("schedule").key(s.key.clone()),
                    Part::Key,
                    tr!(
                        lang,
                        "Năm {year} của lịch thực hiện nằm ngoài giai đoạn kế hoạch {from}–{to}",
                        "Schedule year {year} is outside the plan period {from}–{to}"
                    ),
                )
                .help(tr!(
                    lang,
                    "Chỉ ghi các năm trong khoảng {from}–{to}.",
                    "List only years within {from}–{to}."
                ))
            });
        }
    }
}
