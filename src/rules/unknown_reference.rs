//! P005 unknown-reference: `lead`, `support`, `owner` or `objectives` names an
//! id the file does not declare.

use foldhash::HashSet;

use crate::diagnostic::{Diagnostic, Severity};
use crate::model::Lead;
use crate::model::names::{UnitRef, Units};
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
            vi: "`lead`, `support`, `owner` hoặc `objectives` nêu một đơn vị (bằng mã hoặc đúng tên) hay mục tiêu chưa khai báo trong tệp, hoặc một tên mà hai đơn vị cùng mang; gợi ý mã gần nhất. Cụm từ chỉ tập thể, hay nhiều đơn vị, trong `lead` là U002, không phải P005.",
            en: "`lead`, `support`, `owner` or `objectives` names a unit (by id or exact name) or an objective the file does not declare, or a name two units share; the closest id is suggested. A collective phrase, or several units, in `lead` is U002, not P005.",
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
        let index = ctx.units;
        let names: Vec<(&str, &str)> = units
            .iter()
            .filter_map(|u| Some((u.name.as_deref()?, u.id.as_deref()?)))
            .chain(index.ids().iter().map(|i| (i.as_str(), i.as_str())))
            .collect();
        for t in ctx.tasks() {
            if let Some(Lead::One(lead)) = &t.lead
                && !lead.is_empty()
                && !index.is_id(lead)
                && index.several_in(lead).is_empty()
                && !ambiguous_lead::is_collective(ctx.profile, lead)
            {
                unit(ctx, index, t.at("lead"), lead, &names);
            }
            for (i, s) in t.support.iter().filter(|(_, s)| !index.is_id(s)) {
                unit(ctx, index, t.at("support").index(*i), s, &names);
            }
        }
        for o in plan.objectives.iter().flatten() {
            if let Some(owner) = &o.owner {
                unit(ctx, index, o.at("owner"), owner, &names);
            }
        }
    }
    if let Some(objectives) = &plan.objectives {
        let ids: Vec<&str> = objectives.iter().filter_map(|o| o.id.as_deref()).collect();
        let declared: HashSet<&str> = ids.iter().copied().collect();
        let pairs: Vec<(&str, &str)> = ids.iter().map(|i| (*i, *i)).collect();
        for t in ctx.tasks() {
            for (i, o) in &t.objectives {
                if !declared.contains(&**o) {
                    unknown(ctx, t.at("objectives").index(*i), o, &pairs, Kind::Objective);
                }
            }
        }
    }
}

/// Reports a unit reference that names no unit, or a name two units share.
fn unit(ctx: &mut Context, index: &Units, pointer: Pointer, value: &str, names: &[(&str, &str)]) {
    match index.find(value) {
        UnitRef::Id(_) => {}
        UnitRef::Ambiguous(ids) => {
            let lang = ctx.lang;
            let shown = text::printable(value);
            let list = ids.join("`, `");
            ctx.report(|| {
                Diagnostic::new(
                    pointer,
                    Part::Value,
                    tr!(
                        lang,
                        "\"{shown}\" là tên của nhiều đơn vị (`{list}`), không biết là đơn vị nào",
                        "\"{shown}\" is the name of several units (`{list}`): which one is meant is unclear"
                    ),
                )
                .help(tr!(
                    lang,
                    "Ghi mã của đơn vị thay cho tên, ví dụ `{}`; hoặc đặt tên khác nhau cho các đơn vị trong `units:`.",
                    "Write the unit's id instead of the name, e.g. `{}`, or give the units different names under `units:`.",
                    ids[0]
                ))
            });
        }
        UnitRef::Unknown => unknown(ctx, pointer, value, names, Kind::Unit),
    }
}

enum Kind {
    Unit,
    Objective,
}

/// `candidates`: (text to compare, id to suggest).
fn unknown(ctx: &mut Context, pointer: Pointer, id: &str, candidates: &[(&str, &str)], kind: Kind) {
    let lang = ctx.lang;
    let shown = text::printable(id);
    let message = match kind {
        Kind::Unit => tr!(
            lang,
            "Không có đơn vị nào có mã hoặc tên \"{shown}\" trong danh sách đơn vị (`units:`)",
            "No unit with the id or name \"{shown}\" is declared under `units:`"
        ),
        Kind::Objective => tr!(
            lang,
            "Không có mục tiêu nào mang mã `{shown}` trong `objectives:`",
            "No objective with id `{shown}` is declared under `objectives:`"
        ),
    };
    let help = || match text::closest(id, candidates.iter().copied()) {
        Some(s) => tr!(lang, "Có phải ý bạn là `{s}`?", "Did you mean `{s}`?"),
        None => {
            let mut ids: Vec<&str> = candidates.iter().map(|(_, i)| *i).collect();
            ids.dedup();
            let list = ids.join(", ");
            tr!(lang, "Các mã đã khai báo: {list}.", "Declared ids: {list}.")
        }
    };
    ctx.report(|| {
        Diagnostic::new(pointer, Part::Value, message).help(help())
    });
}
