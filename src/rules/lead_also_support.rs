//! U004 lead-also-support: a task lists its lead unit again in `support`.

use crate::diagnostic::{Diagnostic, Severity};
use crate::location::Part;
use crate::i18n::Text;
use crate::rules::{Check, Context, Docs, Family, Rule};
use crate::{text, tr};

pub static RULE: Rule = Rule {
    code: "U004",
    name: "lead-also-support",
    family: Family::Responsibility,
    severity: Severity::Warning,
    check: Check::Plan(check),
    docs: Docs {
        what: Text {
            vi: "Nhiệm vụ ghi đơn vị chủ trì lần nữa trong `support`; báo tại phần tử đó của `support`.",
            en: "A task lists its lead unit again in `support`; reported at that `support` item.",
        },
        why: Text {
            vi: "7946/UBND-NCPC: trách nhiệm phải cụ thể — một đơn vị không vừa chủ trì vừa phối hợp cùng một nhiệm vụ.",
            en: "7946/UBND-NCPC: responsibility must be specific — one unit does not both lead and support the same task.",
        },
        bad: "    lead: VP\n    support: [VP, HCTP]\n",
        good: "    lead: VP\n    support: [HCTP]\n",
        fix: Text {
            vi: "Xóa đơn vị chủ trì khỏi `support`.",
            en: "Remove the lead unit from `support`.",
        },
    },
};

fn check(ctx: &mut Context) {
    let lang = ctx.lang;
    for t in ctx.tasks() {
        let Some(lead) = t.lead_id() else { continue };
        for (i, s) in &t.support {
            if s != lead {
                continue;
            }
            let shown = text::printable(lead);
            ctx.report(|| {
                Diagnostic::new(t.at("support").index(*i),
                    Part::Value,
                    tr!(
                        lang,
                        "`{shown}` đã là đơn vị chủ trì, không cần ghi lại ở `support`",
                        "`{shown}` is already the lead; it need not be listed in `support`"
                    ),
                )
                .help(tr!(
                    lang,
                    "Xóa `{shown}` khỏi `support`.",
                    "Remove `{shown}` from `support`."
                ))
            });
        }
    }
}
