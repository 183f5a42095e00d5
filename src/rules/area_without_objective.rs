//! C003 area-without-objective: a reform area has tasks but no objective.

use crate::diagnostic::{Diagnostic, Severity};
use crate::location::{Part, Pointer};
use crate::i18n::Text;
use crate::rules::{Check, Context, Docs, Family, Rule};
use crate::tr;

pub static RULE: Rule = Rule {
    code: "C003",
    name: "area-without-objective",
    family: Family::Coverage,
    severity: Severity::Warning,
    check: Check::Plan(check),
    docs: Docs {
        what: Text {
            vi: "Một trong sáu nội dung CCHC có nhiệm vụ nhưng không có mục tiêu nào; mỗi nội dung một thông báo, tại `objectives:` (nội dung `direction` được miễn).",
            en: "One of the six reform areas has tasks but no objective; one diagnostic per area, at `objectives:` (`direction` is exempt).",
        },
        why: Text {
            vi: "7946/UBND-NCPC: \"Các mục tiêu phải cụ thể, thiết thực, khả thi, có tính định lượng cao\" — nhiệm vụ phải phục vụ một mục tiêu đo được.",
            en: "7946/UBND-NCPC: objectives must be specific, practical, feasible and highly quantified — tasks should serve a measurable objective.",
        },
        bad: "objectives: []\ntasks:\n  - {id: NV1, area: procedures, title: Rà soát TTHC}\n",
        good: "objectives:\n  - id: MT1\n    area: procedures\n    statement: 100% TTHC được rà soát\n    unit: \"%\"\n    target: {year: 2025, value: 100}\n",
        fix: Text {
            vi: "Thêm một mục tiêu định lượng có `area:` là nội dung đó.",
            en: "Add a quantified objective whose `area:` is that reform area.",
        },
    },
};

fn check(ctx: &mut Context) {
    let (Some(tasks), Some(objectives)) = (ctx.task_section(), ctx.plan.objectives.as_deref())
    else {
        return;
    };
    let lang = ctx.lang;
    for area in ctx.profile.required_areas() {
        let code = area.code.as_str();
        let has_task = tasks.iter().any(|t| t.area.as_deref() == Some(code));
        let has_objective = objectives.iter().any(|o| o.area.as_deref() == Some(code));
        if !has_task || has_objective {
            continue;
        }
        let name = ctx.area_name(code);
        ctx.report(|| {
            Diagnostic::new(Pointer::keys(&["objectives"]),
                Part::Key,
                tr!(
                    lang,
                    "Nội dung \"{name}\" có nhiệm vụ nhưng chưa có mục tiêu",
                    "The reform area \"{name}\" has tasks but no objective"
                ),
            )
            .help(tr!(
                lang,
                "Thêm một mục tiêu có `area: {code}`, với `target` là một con số.",
                "Add an objective with `area: {code}` and a numeric `target`."
            ))
            .item(code.to_string())
        }
        );
    }
}
