//! P005 unknown-reference: `lead`, `support`, `owner` or `objectives` names an
//! id the file does not declare.

use std::collections::HashSet;

use crate::diagnostic::{Diagnostic, Severity};
use crate::model::Lead;
use crate::location::{Part, Pointer};
use crate::rules::{Check, Family, Context, Docs, Rule, Text, ambiguous_lead};
use crate::{text, tr};

pub static RULE: Rule = Rule {
    code: "P005",
    name: "unknown-reference",
    family: Family::Input,
    severity: Severity::Error,
    check: Check::Plan(check),
    docs: Docs {
        what: Text {
            vi: "`lead`, `support`, `owner` hoặc `objectives` nêu một mã chưa khai báo trong tệp (trong `units` hoặc `objectives`); gợi ý mã gần nhất. Cụm từ chỉ tập thể trong `lead` là U002, không phải P005.",
            en: "`lead`, `support`, `owner` or `objectives` names an id the file does not declare (in `units` or `objectives`); the closest id is suggested. A collective phrase in `lead` is U002, not P005.",
        },
        why: Text {
            vi: "Nhiệm vụ phải \"gắn với trách nhiệm cụ thể của từng bộ phận hoặc từng đơn vị trực thuộc\": đơn vị được giao phải là đơn vị có thật trong danh sách.",
            en: "Tasks must be tied to the responsibility of a specific unit: the unit named must be one the plan declares.",
        },
        bad: "units:\n  - {id: VP, name: Văn phòng}\ntasks:\n  - id: NV1\n    lead: VPS\n",
        good: "units:\n  - {id: VP, name: Văn phòng}\ntasks:\n  - id: NV1\n    lead: VP\n",
        fix: Text {
            vi: "Dùng đúng mã đã khai báo trong `units:` (hoặc `objectives:`), hoặc khai báo thêm đơn vị đó.",
            en: "Use an id declared under `units:` (or `objectives:`), or declare that unit.",
        },
    },
};

fn check(ctx: &mut Context) {
    let plan = ctx.plan;
    if let Some(units) = &plan.units {
        let ids: Vec<&str> = units.iter().filter_map(|u| u.id.as_deref()).collect();
        let declared: HashSet<&str> = ids.iter().copied().collect();
        for t in ctx.tasks() {
            if let Some(Lead::One(lead)) = &t.lead
                && !lead.is_empty()
                && !declared.contains(lead.as_str())
                && !ambiguous_lead::is_collective(ctx.profile, lead)
            {
                unknown(ctx, t.at("lead"), lead, &ids, Kind::Unit);
            }
            for (i, s) in &t.support {
                if !declared.contains(s.as_str()) {
                    unknown(
                        ctx,
                        t.at("support").index(*i),
                        s,
                        &ids,
                        Kind::Unit,
                    );
                }
            }
        }
        for o in plan.objectives.iter().flatten() {
            if let Some(owner) = &o.owner
                && !declared.contains(owner.as_str())
            {
                unknown(
                    ctx,
                    o.at("owner"),
                    owner,
                    &ids,
                    Kind::Unit,
                );
            }
        }
    }
    if let Some(objectives) = &plan.objectives {
        let ids: Vec<&str> = objectives.iter().filter_map(|o| o.id.as_deref()).collect();
        let declared: HashSet<&str> = ids.iter().copied().collect();
        for t in ctx.tasks() {
            for (i, o) in &t.objectives {
                if !declared.contains(o.as_str()) {
                    unknown(
                        ctx,
                        t.at("objectives").index(*i),
                        o,
                        &ids,
                        Kind::Objective,
                    );
                }
            }
        }
    }
}

enum Kind {
    Unit,
    Objective,
}

fn unknown(ctx: &mut Context, pointer: Pointer, id: &str, ids: &[&str], kind: Kind) {
    let lang = ctx.lang;
    let shown = text::printable(id);
    let message = match kind {
        Kind::Unit => tr!(
            lang,
            "Không có đơn vị nào mang mã `{shown}` trong `units:`",
            "No unit with id `{shown}` is declared under `units:`"
        ),
        Kind::Objective => tr!(
            lang,
            "Không có mục tiêu nào mang mã `{shown}` trong `objectives:`",
            "No objective with id `{shown}` is declared under `objectives:`"
        ),
    };
    let help = || match text::closest(id, ids.iter().map(|i| (*i, *i))) {
        Some(s) => tr!(lang, "Có phải ý bạn là `{s}`?", "Did you mean `{s}`?"),
        None => {
            let list = ids.join(", ");
            tr!(lang, "Các mã đã khai báo: {list}.", "Declared ids: {list}.")
        }
    };
    ctx.report(|| {
        Diagnostic::new(pointer, Part::Value, message).help(help())
    });
}
