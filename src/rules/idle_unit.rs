//! U003 idle-unit: a declared unit that neither leads nor supports any task.

use crate::diagnostic::{Diagnostic, Severity};
use crate::model::Lead;
use crate::location::Part;
use crate::i18n::Text;
use crate::rules::{Check, Context, Docs, Family, Rule};
use crate::{text, tr};

pub static RULE: Rule = Rule {
    code: "U003",
    name: "idle-unit",
    family: Family::Responsibility,
    severity: Severity::Warning,
    check: Check::Plan(check),
    docs: Docs {
        what: Text {
            vi: "Một đơn vị được khai báo trong `units:` nhưng không chủ trì cũng không phối hợp nhiệm vụ nào; báo tại `id` của đơn vị.",
            en: "A unit declared under `units:` neither leads nor supports any task; reported at the unit's `id`.",
        },
        why: Text {
            vi: "7946/UBND-NCPC: kế hoạch phải \"gắn với trách nhiệm cụ thể của từng bộ phận hoặc từng đơn vị trực thuộc\".",
            en: "7946/UBND-NCPC: the plan must tie responsibility to each unit.",
        },
        bad: "units:\n  - {id: VP, name: Văn phòng}\n  - {id: TTra, name: Thanh tra}\ntasks:\n  - {id: NV1, lead: VP}\n",
        good: "units:\n  - {id: VP, name: Văn phòng}\n  - {id: TTra, name: Thanh tra}\ntasks:\n  - {id: NV1, lead: VP, support: [TTra]}\n",
        fix: Text {
            vi: "Giao cho đơn vị này chủ trì hoặc phối hợp ít nhất một nhiệm vụ, hoặc bỏ đơn vị khỏi `units:`.",
            en: "Have the unit lead or support at least one task, or remove it from `units:`.",
        },
    },
};

fn check(ctx: &mut Context) {
    let (Some(units), Some(tasks)) = (ctx.plan.units.as_deref(), ctx.task_section()) else {
        return;
    };
    let lang = ctx.lang;
    // Every unit that leads or supports a task, collected once.
    let mut busy: foldhash::HashSet<&str> = foldhash::HashSet::default();
    for t in tasks {
        match &t.lead {
            Some(Lead::One(l)) => {
                busy.insert(l);
            }
            Some(Lead::Many(items)) => busy.extend(items.iter().map(|(_, l)| &**l)),
            _ => {}
        }
        busy.extend(t.support.iter().map(|(_, s)| &**s));
    }
    for u in units {
        let Some(id) = u.id.as_deref() else { continue };
        if busy.contains(id) {
            continue;
        }
        let shown = text::printable(id);
        ctx.report(|| Diagnostic::new(u.at("id"), Part::Value, tr!(lang, "Đơn vị `{shown}` không chủ trì hay phối hợp nhiệm vụ nào", "Unit `{shown}` neither leads nor supports any task"))
                .help(tr!(lang, "Giao cho `{shown}` một nhiệm vụ (`lead: {shown}` hoặc `support: [{shown}]`), hoặc bỏ đơn vị khỏi `units:`.", "Give `{shown}` a task (`lead: {shown}` or `support: [{shown}]`), or remove it from `units:`."))
            .table_help(tr!(lang, "Giao cho `{shown}` một nhiệm vụ (ở cột `Đơn vị chủ trì` hoặc `Đơn vị phối hợp`), hoặc xóa dòng của đơn vị khỏi sheet `Đơn vị`.", "Give `{shown}` a task (in the `Đơn vị chủ trì` or `Đơn vị phối hợp` column), or delete its row from the `Đơn vị` sheet.")),
        );
    }
}
