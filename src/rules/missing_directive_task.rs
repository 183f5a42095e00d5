//! D001 missing-directive-task: no task of `kind: directive`.

use crate::diagnostic::{Diagnostic, Severity};
use crate::location::{Part, Pointer};
use crate::profile::Activity;
use crate::i18n::Text;
use crate::rules::{Check, Context, Docs, Family, Rule};
use crate::tr;

pub static RULE: Rule = Rule {
    code: "D001",
    name: "missing-directive-task",
    family: Family::Directive,
    severity: Severity::Error,
    check: Check::Plan(check),
    docs: Docs {
        what: Text {
            vi: "Không có nhiệm vụ nào có `kind: directive` (ban hành văn bản chỉ đạo), khi hồ sơ yêu cầu.",
            en: "No task has `kind: directive` (issuing directive documents), when the profile requires one.",
        },
        why: Text {
            vi: "7946/UBND-NCPC: \"Ban hành các văn bản chỉ đạo đẩy mạnh CCHC, nâng cao năng lực cạnh tranh cấp tỉnh thuộc lĩnh vực và phạm vi quản lý, bảo đảm kịp thời\".",
            en: "7946/UBND-NCPC: issue directive documents that push reform and competitiveness within the agency's field, in good time.",
        },
        bad: "tasks:\n  - {id: NV1, area: direction, title: Họp giao ban}\n",
        good: "tasks:\n  - id: NV0\n    area: direction\n    kind: directive\n    title: Ban hành kế hoạch CCHC hằng năm\n    output: Kế hoạch CCHC năm\n",
        fix: Text {
            vi: "Thêm một nhiệm vụ `kind: directive`, ví dụ ban hành kế hoạch CCHC hằng năm.",
            en: "Add a `kind: directive` task, e.g. issuing the yearly reform plan.",
        },
    },
};

fn check(ctx: &mut Context) {
    let Some(tasks) = ctx.task_section() else {
        return;
    };
    if !ctx.profile.requires(Activity::Directive)
        || tasks.iter().any(|t| t.kind.as_deref() == Some("directive"))
    {
        return;
    }
    let lang = ctx.lang;
    ctx.report(|| Diagnostic::new(Pointer::keys(&["tasks"]), Part::Key, tr!(lang, "Kế hoạch chưa có nhiệm vụ ban hành văn bản chỉ đạo (`kind: directive`)", "The plan has no task issuing directive documents (`kind: directive`)"))
            .help(tr!(lang, "Thêm nhiệm vụ `kind: directive`, ví dụ \"Ban hành kế hoạch CCHC hằng năm\", với `area: direction`.", "Add a `kind: directive` task, e.g. \"Ban hành kế hoạch CCHC hằng năm\" (issue the yearly reform plan), with `area: direction`."))
            .table_help(tr!(lang, "Thêm vào nhóm chỉ đạo, điều hành một nhiệm vụ \"Ban hành kế hoạch CCHC hằng năm\" (hoặc ghi `Văn bản chỉ đạo` ở cột `Loại nhiệm vụ`).", "Add to the direction group a task \"Ban hành kế hoạch CCHC hằng năm\" (issue the yearly plan), or write `Văn bản chỉ đạo` in the `Loại nhiệm vụ` (kind) column.")),
    );
}
