//! D006 missing-key-task: a Directive 23/CT-TTg key task no task addresses.

use crate::diagnostic::{Diagnostic, Severity};
use crate::i18n::Lang;
use crate::location::{Part, Pointer};
use crate::i18n::Text;
use crate::rules::{Check, Context, Docs, Family, Rule};
use crate::tr;

pub static RULE: Rule = Rule {
    code: "D006",
    name: "missing-key-task",
    family: Family::Directive,
    severity: Severity::Warning,
    check: Check::Plan(check),
    docs: Docs {
        what: Text {
            vi: "Một nhiệm vụ trọng tâm của Chỉ thị 23/CT-TTg không được nhiệm vụ nào nêu trong `focus`; mỗi nhiệm vụ trọng tâm một thông báo, tại `tasks:`.",
            en: "A Directive 23/CT-TTg key task is addressed by no task's `focus`; one per key task, at `tasks:`.",
        },
        why: Text {
            vi: "7946/UBND-NCPC yêu cầu thực hiện Chỉ thị 23/CT-TTg với bảy nhiệm vụ trọng tâm.",
            en: "7946/UBND-NCPC requires implementing Directive 23/CT-TTg and its seven key tasks.",
        },
        bad: "  - id: NV1\n    area: civil_service\n    title: Rà soát đề án vị trí việc làm\n",
        good: "  - id: NV1\n    area: civil_service\n    title: Rà soát đề án vị trí việc làm\n    focus: [job_positions]\n",
        fix: Text {
            vi: "Ghi mã nhiệm vụ trọng tâm vào `focus:` của nhiệm vụ thực hiện nó, hoặc thêm nhiệm vụ mới.",
            en: "Name the key task in the `focus:` of the task that carries it out, or add such a task.",
        },
    },
};

fn check(ctx: &mut Context) {
    let Some(tasks) = ctx.task_section() else {
        return;
    };
    let lang = ctx.lang;
    for key in &ctx.profile.key_tasks {
        if tasks
            .iter()
            .any(|t| t.focus.iter().any(|(_, f)| *f == key.code))
        {
            continue;
        }
        let name = match lang {
            Lang::Vi => &key.vi,
            Lang::En => &key.en,
        };
        let code = &key.code;
        ctx.report(|| {
            Diagnostic::new(Pointer::keys(&["tasks"]),
                Part::Key,
                tr!(
                    lang,
                    "Chưa có nhiệm vụ thực hiện nhiệm vụ trọng tâm của Chỉ thị 23/CT-TTg: {name}",
                    "No task addresses the Directive 23/CT-TTg key task: {name}"
                ),
            )
            .help(tr!(
                lang,
                "Thêm `{code}` vào `focus:` của nhiệm vụ liên quan.",
                "Add `{code}` to the `focus:` of a related task."
            ))
            .table_help(tr!(lang, "Ghi `{name}` vào cột `Nhiệm vụ trọng tâm` của nhiệm vụ liên quan.", "Write `{name}` in the `Nhiệm vụ trọng tâm` (key task) column of a related task."))
            .item(code.clone())
        }
        );
    }
}
