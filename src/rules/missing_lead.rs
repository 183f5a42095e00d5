//! U001 missing-lead: a task without a lead unit.

use crate::diagnostic::{Diagnostic, Severity};
use crate::model::{Lead, Task};
use crate::location::Part;
use crate::i18n::Text;
use crate::rules::{Check, Context, Docs, Family, Rule};
use crate::tr;

pub static RULE: Rule = Rule {
    code: "U001",
    name: "missing-lead",
    family: Family::Responsibility,
    severity: Severity::Error,
    check: Check::Task {
        unless_malformed: Some("lead"),
        run: check,
    },
    docs: Docs {
        what: Text {
            vi: "Nhiệm vụ không có đơn vị chủ trì (`lead`), hoặc `lead` để trống.",
            en: "A task has no lead unit (`lead`), or `lead` is empty.",
        },
        why: Text {
            vi: "7946/UBND-NCPC: nhiệm vụ phải \"gắn với trách nhiệm cụ thể của từng bộ phận hoặc từng đơn vị trực thuộc\".",
            en: "7946/UBND-NCPC: tasks must be tied to the specific responsibility of each unit.",
        },
        bad: "  - id: NV1\n    title: Rà soát TTHC\n    support: [VP]\n",
        good: "  - id: NV1\n    title: Rà soát TTHC\n    lead: HCTP\n    support: [VP]\n",
        fix: Text {
            vi: "Thêm `lead:` là mã của đúng một đơn vị trong `units:`.",
            en: "Add `lead:` naming exactly one unit id from `units:`.",
        },
    },
};

fn check(ctx: &mut Context, t: &Task) {
    let lang = ctx.lang;
    
    let id = t.id.as_deref().unwrap_or("?");
    let (pointer, part, typo) = match &t.lead {
        None => super::missing_key(&t.pointer, &t.typos, "lead", lang),
        Some(Lead::Empty) => (t.at("lead"), Part::Value, String::new()),
        Some(Lead::One(s)) if s.is_empty() => (t.at("lead"), Part::Value, String::new()),
        Some(_) => return,
    };
    ctx.report(|| Diagnostic::new(pointer, part, tr!(lang, "Nhiệm vụ `{id}` chưa có đơn vị chủ trì (`lead`){typo}", "Task `{id}` has no lead unit (`lead`){typo}"))
            .help(tr!(lang, "Thêm `lead:` là mã của một đơn vị trong `units:`; các đơn vị khác ghi vào `support:`.", "Add `lead:` with one unit id from `units:`; other units go under `support:`."))
            .table_help(tr!(lang, "Ghi vào cột `Đơn vị chủ trì` tên đúng một đơn vị, ví dụ `Văn phòng Sở`; các đơn vị khác ghi vào cột `Đơn vị phối hợp`.", "Write exactly one unit's name in the `Đơn vị chủ trì` (lead) column, e.g. `Văn phòng Sở`; other units go in the `Đơn vị phối hợp` (support) column.")),
    );
}
