//! C001 missing-reform-area: one of the six reform areas has no task.

use crate::diagnostic::{Diagnostic, Severity};
use crate::location::{Part, Pointer};
use crate::i18n::Text;
use crate::rules::{Check, Context, Docs, Family, Rule};
use crate::tr;

pub static RULE: Rule = Rule {
    code: "C001",
    name: "missing-reform-area",
    family: Family::Coverage,
    severity: Severity::Error,
    check: Check::Plan(check),
    docs: Docs {
        what: Text {
            vi: "Một trong sáu nội dung CCHC của văn bản chỉ đạo không có nhiệm vụ nào; mỗi nội dung thiếu một thông báo, tại mục `tasks:`. Nhiệm vụ `area: direction` không được tính.",
            en: "One of the profile's six reform areas has no task; one diagnostic per missing area, at the `tasks:` key. Tasks with `area: direction` do not count.",
        },
        why: Text {
            vi: "7946/UBND-NCPC: \"các nhiệm vụ phải đầy đủ 06 nội dung CCHC\".",
            en: "7946/UBND-NCPC: tasks must cover all six reform areas.",
        },
        bad: "tasks:\n  - id: NV1\n    area: procedures\n    # … không có nhiệm vụ nào về public_finance\n",
        good: "tasks:\n  - id: NV1\n    area: procedures\n  - id: NV2\n    area: public_finance\n    title: Giao quyền tự chủ tài chính cho đơn vị sự nghiệp\n",
        fix: Text {
            vi: "Thêm ít nhất một nhiệm vụ có `area:` là nội dung còn thiếu.",
            en: "Add at least one task whose `area:` is the missing reform area.",
        },
    },
};

fn check(ctx: &mut Context) {
    let Some(tasks) = ctx.task_section() else {
        return;
    };
    let required: Vec<_> = ctx.profile.required_areas().collect();
    let covered = required
        .iter()
        .filter(|a| {
            tasks
                .iter()
                .any(|t| t.area.as_deref() == Some(a.code.as_str()))
        })
        .count();
    let total = required.len();
    let lang = ctx.lang;
    for area in required {
        if tasks
            .iter()
            .any(|t| t.area.as_deref() == Some(area.code.as_str()))
        {
            continue;
        }
        let name = ctx.area_name(&area.code);
        let (code, id) = (&area.code, &ctx.profile.id);
        let example = match lang {
            crate::i18n::Lang::Vi => &area.example_vi,
            crate::i18n::Lang::En => &area.example_en,
        };
        let upper = area.vi.to_uppercase();
        ctx.report(|| Diagnostic::new(Pointer::keys(&["tasks"]), Part::Key, tr!(lang, "Kế hoạch chưa có nhiệm vụ thuộc nội dung \"{name}\"", "The plan has no task in the reform area \"{name}\""))
                .label(tr!(lang, "{covered}/{total} nội dung CCHC đã có nhiệm vụ", "{covered}/{total} reform areas have tasks"))
                .help(tr!(
                    lang,
                    "Văn bản {id} yêu cầu \"các nhiệm vụ phải đầy đủ 06 nội dung CCHC\". Thêm ít nhất một nhiệm vụ có `area: {code}`, ví dụ {example}.",
                    "Document {id} requires \"các nhiệm vụ phải đầy đủ 06 nội dung CCHC\" (tasks must cover all six reform areas). Add at least one task with `area: {code}`, e.g. {example}."
                ))
            .table_help(tr!(lang, "Văn bản {id} yêu cầu \"các nhiệm vụ phải đầy đủ 06 nội dung CCHC\". Thêm vào bảng nhiệm vụ dòng nhóm `{upper}` và ít nhất một nhiệm vụ dưới nó (hoặc ghi `{name}` ở cột `Lĩnh vực`), ví dụ {example}.", "Document {id} requires \"các nhiệm vụ phải đầy đủ 06 nội dung CCHC\" (all six reform areas). Add the group row `{upper}` to the task table with at least one task under it (or write `{name}` in the `Lĩnh vực` column), e.g. {example}."))
            .item(area.code.clone())
        );
    }
}
