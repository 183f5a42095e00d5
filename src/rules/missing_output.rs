//! O001 missing-output: a task without an output product.

use crate::diagnostic::{Diagnostic, Severity};
use crate::location::Part;
use crate::model::Task;
use crate::i18n::Text;
use crate::rules::{Check, Context, Docs, Family, Rule};
use crate::tr;

pub static RULE: Rule = Rule {
    code: "O001",
    name: "missing-output",
    family: Family::Outputs,
    severity: Severity::Error,
    check: Check::Task {
        unless_malformed: Some("output"),
        run: check,
    },
    docs: Docs {
        what: Text {
            vi: "Nhiệm vụ không có sản phẩm đầu ra (`output`), hoặc để trống.",
            en: "A task has no `output`, or it is blank.",
        },
        why: Text {
            vi: "7946/UBND-NCPC: nhiệm vụ \"phải xác định rõ kết quả, sản phẩm đầu ra\".",
            en: "7946/UBND-NCPC: tasks must state clear results and output products.",
        },
        bad: "  - id: NV1\n    title: Rà soát TTHC\n    output: \"\"\n",
        good: "  - id: NV1\n    title: Rà soát TTHC\n    output: Báo cáo kết quả rà soát TTHC\n",
        fix: Text {
            vi: "Ghi sản phẩm cụ thể mà nhiệm vụ tạo ra: báo cáo, quyết định, kế hoạch, phần mềm…",
            en: "State the concrete product the task delivers: a report, decision, plan, software…",
        },
    },
};

fn check(ctx: &mut Context, t: &Task) {
    let lang = ctx.lang;
    
    let id = t.id.as_deref().unwrap_or("?");
    let (pointer, part, typo) = match &t.output {
        None => super::missing_key(&t.pointer, &t.typos, "output", lang),
        Some(o) if o.trim().is_empty() => (t.at("output"), Part::Value, String::new()),
        Some(_) => return,
    };
    ctx.report(|| Diagnostic::new(pointer, part, tr!(lang, "Nhiệm vụ `{id}` chưa có sản phẩm đầu ra (`output`){typo}", "Task `{id}` has no output product (`output`){typo}"))
            .help(tr!(lang, "Thêm `output:` nêu sản phẩm cụ thể, ví dụ `output: Báo cáo kết quả rà soát`.", "Add `output:` naming a concrete product, e.g. `output: Báo cáo kết quả rà soát` (review report)."))
            .table_help(tr!(lang, "Ghi vào cột `Sản phẩm` sản phẩm cụ thể, ví dụ `Báo cáo kết quả rà soát`.", "Write a concrete product in the `Sản phẩm` (output) column, e.g. `Báo cáo kết quả rà soát` (review report).")),
    );
}
