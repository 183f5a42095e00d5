//! M004 missing-deadline: a task without `due`.

use crate::diagnostic::{Diagnostic, Severity};
use crate::model::Task;
use crate::i18n::Text;
use crate::rules::{Check, Context, Docs, Family, Rule};
use crate::tr;

pub static RULE: Rule = Rule {
    code: "M004",
    name: "missing-deadline",
    family: Family::Roadmap,
    severity: Severity::Error,
    check: Check::Task {
        unless_malformed: Some("due"),
        run: check,
    },
    docs: Docs {
        what: Text {
            vi: "Nhiệm vụ không có thời hạn hoàn thành (`due`).",
            en: "A task has no deadline (`due`).",
        },
        why: Text {
            vi: "7946/UBND-NCPC: \"chi tiết thời gian hoàn thành theo lộ trình từng năm\".",
            en: "7946/UBND-NCPC: completion times per a yearly roadmap.",
        },
        bad: "  - id: NV3\n    title: Số hóa hồ sơ TTHC\n    lead: VP\n",
        good: "  - id: NV3\n    title: Số hóa hồ sơ TTHC\n    lead: VP\n    due: Quý IV/2023\n",
        fix: Text {
            vi: "Thêm `due:` theo một dạng của định dạng: ngày, tháng, quý, năm, khoảng năm, hoặc `hằng tháng`/`hằng quý`/`hằng năm`.",
            en: "Add `due:` in one of the format's forms: a date, month, quarter, year, year range, or `monthly`/`quarterly`/`annually`.",
        },
    },
};

fn check(ctx: &mut Context, t: &Task) {
    let lang = ctx.lang;
    
    if t.due.is_some() {
        return;
    }
    let id = t.id.as_deref().unwrap_or("?");
    let (pointer, part, typo) = super::missing_key(&t.pointer, &t.typos, "due", lang);
    ctx.report(|| {
        Diagnostic::new(pointer,
            part,
            tr!(
                lang,
                "Nhiệm vụ `{id}` chưa có thời hạn hoàn thành (`due`){typo}",
                "Task `{id}` has no deadline (`due`){typo}"
            ),
        )
        .help(tr!(
            lang,
            "Thêm `due:`, ví dụ `due: Quý IV/2023`, `due: 2023` hoặc `due: hằng năm`.",
            "Add `due:`, e.g. `due: Quý IV/2023`, `due: 2023` or `due: annually`."
        ))
            .table_help(tr!(lang, "Ghi vào cột `Thời gian hoàn thành`, ví dụ `30/6/2023`, `Quý IV/2023`, `2023` hoặc `Hằng năm`; hoặc đánh dấu `x` ở cột năm của lộ trình.", "Fill the `Thời gian hoàn thành` (deadline) column, e.g. `30/6/2023`, `Quý IV/2023`, `2023` or `Hằng năm` (annually); or mark `x` in the roadmap year columns."))
    });
}
