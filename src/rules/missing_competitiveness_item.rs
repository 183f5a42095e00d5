//! C002 missing-competitiveness-item: a PCI item no task improves and none exempts.

use crate::diagnostic::{Diagnostic, Severity};
use crate::i18n::Lang;
use crate::location::{Part, Pointer};
use crate::i18n::Text;
use crate::rules::{Check, Context, Docs, Family, Rule};
use crate::tr;

pub static RULE: Rule = Rule {
    code: "C002",
    name: "missing-competitiveness-item",
    family: Family::Coverage,
    severity: Severity::Error,
    check: Check::Plan(check),
    docs: Docs {
        what: Text {
            vi: "Một nội dung năng lực cạnh tranh cấp tỉnh (chỉ số thành phần PCI) không được nhiệm vụ nào nêu trong `competitiveness` và không được miễn (kèm lý do) trong `exemptions`; mỗi nội dung một thông báo, tại `tasks:`.",
            en: "A provincial-competitiveness (PCI) item is named by no task's `competitiveness` and not exempted (with a reason) under `exemptions`; one diagnostic per item, at `tasks:`.",
        },
        why: Text {
            vi: "7946/UBND-NCPC: \"và đủ các nội dung nâng cao năng lực cạnh tranh cấp tỉnh theo quy định của Chính phủ\".",
            en: "7946/UBND-NCPC: and every provincial-competitiveness item the Government defines.",
        },
        bad: "tasks:\n  - id: NV1\n    competitiveness: [time_costs]\n",
        good: "tasks:\n  - id: NV1\n    competitiveness: [time_costs, land_access]\n# hoặc:\nexemptions:\n  competitiveness:\n    land_access: Cơ quan không quản lý lĩnh vực đất đai\n",
        fix: Text {
            vi: "Ghi mã nội dung vào `competitiveness:` của nhiệm vụ cải thiện nó, hoặc miễn áp dụng kèm lý do trong `exemptions.competitiveness`.",
            en: "Name the item in the `competitiveness:` of a task that improves it, or exempt it with a reason under `exemptions.competitiveness`.",
        },
    },
};

fn check(ctx: &mut Context) {
    let Some(tasks) = ctx.task_section() else {
        return;
    };
    let lang = ctx.lang;
    let exemptions = ctx.plan.exemptions.as_ref();
    for item in &ctx.profile.competitiveness {
        let named = tasks
            .iter()
            .any(|t| t.competitiveness.iter().any(|(_, c)| *c == item.code));
        if named || exemptions.is_some_and(|e| e.exempts(&item.code)) {
            continue;
        }
        let name = match lang {
            Lang::Vi => &item.vi,
            Lang::En => &item.en,
        };
        let code = &item.code;
        ctx.report(|| Diagnostic::new(Pointer::keys(&["tasks"]), Part::Key, tr!(lang, "Chưa có nhiệm vụ nào cải thiện nội dung năng lực cạnh tranh \"{name}\" ({code})", "No task improves the competitiveness item \"{name}\" ({code})"))
                .help(tr!(
                    lang,
                    "Thêm `{code}` vào `competitiveness:` của nhiệm vụ liên quan; nếu cơ quan không quản lý lĩnh vực này, thêm dòng `{code}: <vì sao không thuộc phạm vi của cơ quan>` dưới `exemptions:` → `competitiveness:` (một dòng cho mỗi nội dung).",
                    "Add `{code}` to the `competitiveness:` of a related task; if the agency has no remit there, add the line `{code}: <why it is outside the agency's remit>` under `exemptions:` → `competitiveness:` (one line per item)."
                ))
            .table_help(tr!(lang, "Ghi `{name}` vào cột `Chỉ số PCI` của nhiệm vụ liên quan (hoặc đặt nhiệm vụ dưới dòng nhóm `Chỉ số {name}`); nếu cơ quan không quản lý lĩnh vực này, thêm một dòng vào sheet `Miễn trừ` (cột `Chỉ số PCI` | `Lý do`) nêu vì sao không thuộc phạm vi của cơ quan.", "Write `{name}` in the `Chỉ số PCI` column of a related task (or put the task under a group row `Chỉ số {name}`); if the agency has no remit there, add a row to the `Miễn trừ` sheet (`Chỉ số PCI` | `Lý do`) saying why."))
            .item(code.clone())
        );
    }
}
