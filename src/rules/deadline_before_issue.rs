//! M008 deadline-before-issue: a deadline earlier than the plan's issue date.

use crate::diagnostic::{Diagnostic, Severity};
use crate::location::Part;
use crate::i18n::Text;
use crate::rules::{Check, Context, Docs, Family, Rule};
use crate::tr;

pub static RULE: Rule = Rule {
    code: "M008",
    name: "deadline-before-issue",
    family: Family::Roadmap,
    severity: Severity::Warning,
    check: Check::Plan(check),
    docs: Docs {
        what: Text {
            vi: "Thời hạn của nhiệm vụ sớm hơn ngày ban hành kế hoạch (`plan.issued`).",
            en: "A task's `due` is earlier than `plan.issued`.",
        },
        why: Text {
            vi: "7946/UBND-NCPC: thời hạn phải nằm trên lộ trình thực hiện sau khi kế hoạch được ban hành.",
            en: "7946/UBND-NCPC: deadlines must lie on the roadmap that starts when the plan is issued.",
        },
        bad: "plan:\n  issued: 2022-03-01\ntasks:\n  - id: NV1\n    due: Q1/2022\n",
        good: "plan:\n  issued: 2022-03-01\ntasks:\n  - id: NV1\n    due: Q2/2022\n",
        fix: Text {
            vi: "Đặt thời hạn sau ngày ban hành, hoặc bỏ nhiệm vụ đã hoàn thành trước khi có kế hoạch.",
            en: "Set a deadline after the issue date, or drop a task finished before the plan existed.",
        },
    },
};

fn check(ctx: &mut Context) {
    // A plan dated after its period: the date is the suspect (M011), not the deadlines.
    if super::issued_after_period::applies(ctx.plan) {
        return;
    }
    let Some(issued) = ctx.plan.info.as_ref().and_then(|i| i.issued()) else {
        return;
    };
    let lang = ctx.lang;
    for t in ctx.tasks() {
        let Some(last) = t.deadline().and_then(|d| d.last_day()) else {
            continue;
        };
        if last >= issued {
            continue;
        }
        ctx.report(|| {
            Diagnostic::new(t.at("due"),
                Part::Value,
                tr!(
                    lang,
                    "Thời hạn ({last}) sớm hơn ngày ban hành kế hoạch ({issued})",
                    "The deadline ({last}) is before the plan was issued ({issued})"
                ),
            )
            .help(tr!(
                lang,
                "Đặt thời hạn sau {issued}.",
                "Set a deadline after {issued}."
            ))
        });
    }
}
