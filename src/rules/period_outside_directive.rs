//! M009 period-outside-directive: `plan.period` not inside the profile's period.

use crate::diagnostic::{Diagnostic, Severity};
use crate::location::{Part, Pointer};
use crate::i18n::Text;
use crate::rules::{Check, Context, Docs, Family, Rule};
use crate::tr;

pub static RULE: Rule = Rule {
    code: "M009",
    name: "period-outside-directive",
    family: Family::Roadmap,
    severity: Severity::Error,
    check: Check::Plan(check),
    docs: Docs {
        what: Text {
            vi: "Giai đoạn của kế hoạch (`plan.period`) không nằm trong giai đoạn của văn bản chỉ đạo (hồ sơ).",
            en: "`plan.period` is not inside the profile's period.",
        },
        why: Text {
            vi: "7946/UBND-NCPC: kế hoạch thực hiện Chương trình hành động \"giai đoạn 2021–2025\".",
            en: "7946/UBND-NCPC: plans implement the Action Program for the period 2021–2025.",
        },
        bad: "plan:\n  period: {from: 2024, to: 2027}\n",
        good: "plan:\n  period: {from: 2022, to: 2025}\n",
        fix: Text {
            vi: "Đặt giai đoạn trong giai đoạn của văn bản chỉ đạo, hoặc chọn hồ sơ của giai đoạn khác (`directive:` hoặc `--profile`).",
            en: "Set a period inside the directive's, or choose the profile of another period (`directive:` or `--profile`).",
        },
    },
};

fn check(ctx: &mut Context) {
    let Some(period) = ctx.plan.info.as_ref().and_then(|i| i.period()) else {
        return;
    };
    let outer = ctx.profile.period;
    if outer.contains(period.from) && outer.contains(period.to) {
        return;
    }
    let lang = ctx.lang;
    let (from, to, pfrom, pto, id) = (
        period.from,
        period.to,
        outer.from,
        outer.to,
        &ctx.profile.id,
    );
    ctx.report(|| Diagnostic::new(Pointer::keys(&["plan", "period"]), Part::Value, tr!(lang, "Giai đoạn {from}–{to} không nằm trong giai đoạn {pfrom}–{pto} của văn bản {id}", "The period {from}–{to} is not inside {pfrom}–{pto}, the period of {id}"))
            .help(tr!(lang, "Đặt giai đoạn trong khoảng {pfrom}–{pto}, hoặc chọn văn bản chỉ đạo của giai đoạn khác (`cchc profiles`).", "Set a period within {pfrom}–{pto}, or choose the profile of another period (`cchc profiles`).")),
    );
}
