//! U002 ambiguous-lead: a lead that is a list or a collective phrase.

use crate::diagnostic::{Diagnostic, Severity};
use crate::model::Lead;
use crate::model::names::UnitRef;
use crate::location::Part;
use crate::profile::Profile;
use crate::i18n::Text;
use crate::rules::{Check, Context, Docs, Family, Rule};
use crate::{text, tr};

pub static RULE: Rule = Rule {
    code: "U002",
    name: "ambiguous-lead",
    family: Family::Responsibility,
    severity: Severity::Error,
    check: Check::Plan(check),
    docs: Docs {
        what: Text {
            vi: "`lead` là một danh sách, là văn bản nêu từ hai đơn vị đã khai báo trở lên (`TCCB, VP`, `… và …`), hoặc là một giá trị không phải mã hay tên đơn vị đã khai báo và chứa cụm từ chỉ tập thể của văn bản chỉ đạo (`các phòng`, `các đơn vị`, `toàn Sở`, `all`…), so sánh từng từ, không phân biệt hoa thường và dấu.",
            en: "`lead` is a list, text naming two or more declared units (`TCCB, VP`, `… và …`), or a value that is no declared id or name and contains one of the profile's collective phrases (`các phòng`, `các đơn vị`, `toàn Sở`, `all`…), compared word by word, case- and diacritic-folded.",
        },
        why: Text {
            vi: "7946/UBND-NCPC: nhiệm vụ phải \"gắn với trách nhiệm cụ thể của từng bộ phận hoặc từng đơn vị trực thuộc\" — \"các phòng\" không phải là một đơn vị chịu trách nhiệm.",
            en: "7946/UBND-NCPC: tasks must be tied to the specific responsibility of each unit — \"all departments\" is nobody in particular.",
        },
        bad: "    lead: Các phòng chuyên môn\n",
        good: "    lead: VP\n    support: [HCTP, XDKT]\n",
        fix: Text {
            vi: "Giao `lead:` cho đúng một đơn vị; các đơn vị còn lại ghi vào `support:`.",
            en: "Give `lead:` to exactly one unit; list the others under `support:`.",
        },
    },
};

/// Whether `lead` contains one of the profile's collective phrases.
pub fn is_collective(profile: &Profile, lead: &str) -> bool {
    profile.is_collective(lead)
}

/// The name of the unit `id` names, when the plan gives one.
fn unit_name<'a>(plan: &'a crate::model::Plan, id: &'a str) -> &'a str {
    plan.units
        .iter()
        .flatten()
        .find(|u| u.id.as_deref() == Some(id))
        .and_then(|u| u.name.as_deref())
        .unwrap_or(id)
}

fn check(ctx: &mut Context) {
    let lang = ctx.lang;
    let units = ctx.units;
    let plan = ctx.plan;
    for t in ctx.tasks() {
        if let Some(Lead::One(lead)) = &t.lead
            && units.is_id(lead)
        {
            continue;
        }
        let pointer = t.at("lead");
        match &t.lead {
            Some(Lead::Many(items)) => {
                let first = items.first().map_or("…", |(_, s)| &**s);
                let rest = items
                    .iter()
                    .skip(1)
                    .map(|(_, s)| &**s)
                    .collect::<Vec<_>>()
                    .join(", ");
                // A document's officer wrote names; the lowering gave them ids.
                let named: Vec<&str> = items.iter().map(|(_, s)| unit_name(plan, s)).collect();
                let (named_first, named_rest) = (named.first().copied().unwrap_or("…"), named[1.min(named.len())..].join(", "));
                let all = named.join(", ");
                let n = items.len();
                ctx.report(|| Diagnostic::new(pointer, Part::Value, tr!(lang, "Mỗi nhiệm vụ chỉ có một đơn vị chủ trì, nhưng `lead` là một danh sách", "A task has exactly one lead unit, but `lead` is a list"))
            .table_message(tr!(lang, "Mỗi nhiệm vụ chỉ có một đơn vị chủ trì, nhưng ô `Đơn vị chủ trì` ghi {n} đơn vị ({all})", "A task has exactly one lead unit, but the `Đơn vị chủ trì` (lead) cell names {n} units ({all})"))
                        .help(tr!(lang, "Giữ một đơn vị chủ trì (`lead: {first}`) và chuyển các đơn vị khác vào `support: [{rest}]`.", "Keep one lead (`lead: {first}`) and move the others to `support: [{rest}]`."))
            .table_help(tr!(lang, "Để trong cột `Đơn vị chủ trì` một đơn vị ({named_first}) và chuyển các đơn vị khác ({named_rest}) sang cột `Đơn vị phối hợp`.", "Keep one unit ({named_first}) in the `Đơn vị chủ trì` (lead) column and move the others ({named_rest}) to the `Đơn vị phối hợp` (support) column.")),
                );
            }
            Some(Lead::One(lead)) if units.find(lead) != UnitRef::Unknown => {}
            Some(Lead::One(lead)) if !units.several_in(lead).is_empty() => {
                let several = units.several_in(lead);
                let first = several[0].clone();
                let rest = several[1..].join(", ");
                let named: Vec<&str> = several.iter().map(|id| unit_name(plan, id)).collect();
                let (named_first, named_rest) = (named[0], named[1..].join(", "));
                let shown = text::printable(lead);
                ctx.report(|| Diagnostic::new(pointer, Part::Value, tr!(lang, "Mỗi nhiệm vụ chỉ có một đơn vị chủ trì, nhưng \"{shown}\" nêu {} đơn vị", "A task has exactly one lead unit, but \"{shown}\" names {} units", several.len()))
                        .help(tr!(lang, "Giữ một đơn vị chủ trì (`lead: {first}`) và chuyển các đơn vị khác vào `support: [{rest}]`.", "Keep one lead (`lead: {first}`) and move the others to `support: [{rest}]`."))
            .table_help(tr!(lang, "Để trong cột `Đơn vị chủ trì` một đơn vị ({named_first}) và chuyển các đơn vị khác ({named_rest}) sang cột `Đơn vị phối hợp`.", "Keep one unit ({named_first}) in the `Đơn vị chủ trì` (lead) column and move the others ({named_rest}) to the `Đơn vị phối hợp` (support) column.")),
                );
            }
            Some(Lead::One(lead)) if is_collective(ctx.profile, lead) => {
                let shown = text::printable(lead);
                ctx.report(|| Diagnostic::new(pointer, Part::Value, tr!(lang, "\"{shown}\" không phải một đơn vị cụ thể chịu trách nhiệm chủ trì", "\"{shown}\" is not one specific unit in charge"))
                        .help(tr!(lang, "Giao `lead:` cho một đơn vị trong `units:`; các đơn vị phối hợp ghi vào `support:`.", "Give `lead:` to one unit from `units:`; co-operating units go under `support:`."))
            .table_help(tr!(lang, "Ghi vào cột `Đơn vị chủ trì` tên một đơn vị cụ thể (ví dụ `Văn phòng Sở`, `Phòng Hành chính tư pháp`); các đơn vị phối hợp ghi vào cột `Đơn vị phối hợp`.", "Write one specific unit in the `Đơn vị chủ trì` (lead) column (e.g. `Văn phòng Sở`); co-operating units go in the `Đơn vị phối hợp` (support) column.")),
                );
            }
            _ => {}
        }
    }
}
