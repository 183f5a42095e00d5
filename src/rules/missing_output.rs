//! O001 missing-output: a task without an output product.

use crate::diagnostic::{Diagnostic, Severity};
use crate::load::yaml::Part;
use crate::rules::{Check, Context, Docs, Rule, Text};
use crate::tr;

pub static RULE: Rule = Rule {
    code: "O001",
    name: "missing-output",
    severity: Severity::Error,
    check: Check::Plan(check),
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

fn check(ctx: &mut Context) {
    let lang = ctx.lang;
    for t in ctx.tasks() {
        if ctx.plan.is_malformed(&format!("{}/output", t.pointer())) {
            continue;
        }
        let id = t.id.as_deref().unwrap_or("?");
        let (pointer, part) = match &t.output {
            None => (t.pointer(), Part::Start),
            Some(o) if o.trim().is_empty() => (format!("{}/output", t.pointer()), Part::Value),
            Some(_) => continue,
        };
        ctx.report_lazy(&RULE, || Diagnostic::new(&RULE, pointer, part, tr!(lang, "Nhiệm vụ `{id}` chưa có sản phẩm đầu ra (`output`)", "Task `{id}` has no output product (`output`)"))
                .help(tr!(lang, "Thêm `output:` nêu sản phẩm cụ thể, ví dụ `output: Báo cáo kết quả rà soát`.", "Add `output:` naming a concrete product, e.g. `output: Báo cáo kết quả rà soát` (review report).")),
        );
    }
}
