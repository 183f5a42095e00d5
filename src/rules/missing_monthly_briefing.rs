//! D002 missing-monthly-briefing: no monthly briefing task.

use crate::diagnostic::{Diagnostic, Severity};
use crate::model::deadline::{Deadline, Recurrence};
use crate::location::{Part, Pointer};
use crate::profile::Activity;
use crate::i18n::Text;
use crate::rules::{Check, Context, Docs, Family, Rule};
use crate::tr;

pub static RULE: Rule = Rule {
    code: "D002",
    name: "missing-monthly-briefing",
    family: Family::Directive,
    severity: Severity::Error,
    check: Check::Plan(check),
    docs: Docs {
        what: Text {
            vi: "Không có nhiệm vụ `kind: briefing` đến hạn `hằng tháng` (monthly), khi hồ sơ yêu cầu.",
            en: "No task of `kind: briefing` that is due `monthly`, when the profile requires one.",
        },
        why: Text {
            vi: "7946/UBND-NCPC: \"đưa chuyên đề CCHC … vào thảo luận, quán triệt tại các cuộc họp giao ban định kỳ hằng tháng\".",
            en: "7946/UBND-NCPC: put administrative reform on the agenda of the regular monthly briefings.",
        },
        bad: "  - id: NV2\n    kind: briefing\n    due: quarterly\n",
        good: "  - id: NV2\n    kind: briefing\n    due: monthly\n",
        fix: Text {
            vi: "Thêm (hoặc sửa) một nhiệm vụ `kind: briefing` với `due: hằng tháng`.",
            en: "Add (or correct) a `kind: briefing` task with `due: monthly`.",
        },
    },
};

fn check(ctx: &mut Context) {
    let Some(tasks) = ctx.task_section() else {
        return;
    };
    if !ctx.profile.requires(Activity::Briefing) {
        return;
    }
    let monthly = tasks.iter().any(|t| {
        t.kind.as_deref() == Some("briefing")
            && t.deadline() == Some(Deadline::Recurring(Recurrence::Monthly))
    });
    if monthly {
        return;
    }
    let lang = ctx.lang;
    ctx.report(|| Diagnostic::new(Pointer::keys(&["tasks"]), Part::Key, tr!(lang, "Kế hoạch chưa có nhiệm vụ đưa CCHC vào họp giao ban hằng tháng", "The plan has no monthly briefing on administrative reform"))
            .help(tr!(lang, "Thêm nhiệm vụ `kind: briefing` với `due: hằng tháng`, ví dụ \"Đưa nội dung CCHC vào cuộc họp giao ban hằng tháng\".", "Add a `kind: briefing` task with `due: monthly`, e.g. \"Đưa nội dung CCHC vào cuộc họp giao ban hằng tháng\"."))
            .table_help(tr!(lang, "Thêm nhiệm vụ \"Đưa nội dung CCHC vào cuộc họp giao ban hằng tháng\" với `Hằng tháng` ở cột `Thời gian hoàn thành`.", "Add the task \"Đưa nội dung CCHC vào cuộc họp giao ban hằng tháng\" (monthly briefing) with `Hằng tháng` in the `Thời gian hoàn thành` (deadline) column.")),
    );
}
