//! M011 issued-after-period: the plan is dated after its period ended.

use crate::diagnostic::{Diagnostic, Severity};
use crate::i18n::Text;
use crate::location::Part;
use crate::model::Plan;
use crate::rules::{Check, Context, Docs, Family, Rule};
use crate::tr;

pub static RULE: Rule = Rule {
    code: "M011",
    name: "issued-after-period",
    family: Family::Roadmap,
    severity: Severity::Error,
    check: Check::Plan(check),
    docs: Docs {
        what: Text {
            vi: "Ngày ban hành (`plan.issued`) muộn hơn ngày cuối của giai đoạn kế hoạch (31/12 của `period.to`). Khi đó ngày ban hành bị nghi là sai, nên M008 không được báo cho kế hoạch này.",
            en: "`plan.issued` is later than the end of `plan.period` (31 December of `period.to`). The issue date is then the suspect, so M008 is not reported for the plan.",
        },
        why: Text {
            vi: "Một kế hoạch ban hành sau khi giai đoạn của nó đã kết thúc không còn lộ trình nào để thực hiện: thường là gõ nhầm năm.",
            en: "A plan issued after its period has ended has no roadmap left: usually a mistyped year.",
        },
        bad: "plan:\n  issued: 10/12/2027\n  period: {from: 2022, to: 2025}\n",
        good: "plan:\n  issued: 10/12/2021\n  period: {from: 2022, to: 2025}\n",
        fix: Text {
            vi: "Kiểm tra lại năm của ngày ban hành và của giai đoạn.",
            en: "Check the year of the issue date and of the period.",
        },
    },
};

/// Whether the plan is dated after its period (then M008 stays silent).
pub fn applies(plan: &Plan) -> bool {
    let Some(info) = &plan.info else { return false };
    matches!((info.issued(), info.period()), (Some(d), Some(p)) if d.year > p.to)
}

fn check(ctx: &mut Context) {
    if !applies(ctx.plan) {
        return;
    }
    let Some(info) = &ctx.plan.info else { return };
    let (Some(issued), Some(period)) = (info.issued(), info.period()) else {
        return;
    };
    let lang = ctx.lang;
    let to = period.to;
    ctx.report(|| {
        Diagnostic::new(
            info.at("issued"),
            Part::Value,
            tr!(
                lang,
                "Kế hoạch ban hành ngày {issued}, sau khi giai đoạn {}–{to} đã kết thúc",
                "The plan is dated {issued}, after its period {}–{to} ended",
                period.from
            ),
        )
        .help(tr!(
            lang,
            "Kiểm tra lại năm ban hành (thường là năm {} hoặc sớm hơn) và giai đoạn `period`.",
            "Check the year of issue (usually {} or earlier) and the `period`.",
            period.from
        ))
    });
}
