//! D004 missing-resources: no `resources`, or no funding source.

use crate::diagnostic::{Diagnostic, Severity};
use crate::location::{Part, Pointer};
use crate::profile::Activity;
use crate::i18n::Text;
use crate::rules::{Check, Context, Docs, Family, Rule};
use crate::tr;

pub static RULE: Rule = Rule {
    code: "D004",
    name: "missing-resources",
    family: Family::Directive,
    severity: Severity::Error,
    check: Check::Plan(check),
    docs: Docs {
        what: Text {
            vi: "Kế hoạch không có phần `resources`, hoặc không nêu nguồn kinh phí nào (`funding`); báo tại `resources:` (hoặc dòng 1).",
            en: "The plan has no `resources`, or it names no funding source (`funding`); reported at `resources:` (else line 1).",
        },
        why: Text {
            vi: "7946/UBND-NCPC: \"Đảm bảo đủ nguồn lực, vật lực thực hiện\".",
            en: "7946/UBND-NCPC: ensure sufficient resources to carry the plan out.",
        },
        bad: "resources:\n  notes: Theo dự toán\n",
        good: "resources:\n  funding: [regular_budget]\n  notes: Bố trí trong dự toán chi thường xuyên hằng năm\n",
        fix: Text {
            vi: "Thêm `resources:` với `funding:` nêu ít nhất một nguồn: `state_budget`, `regular_budget`, `socialized`, `other`.",
            en: "Add `resources:` with `funding:` naming at least one source: `state_budget`, `regular_budget`, `socialized`, `other`.",
        },
    },
};

fn check(ctx: &mut Context) {
    if !ctx.profile.requires(Activity::Resources) || ctx.plan.is_malformed(&ctx.plan.at("resources")) {
        return;
    }
    let lang = ctx.lang;
    let message = match &ctx.plan.resources {
        None => tr!(
            lang,
            "Kế hoạch chưa có phần nguồn lực (`resources`)",
            "The plan has no `resources` section"
        ),
        Some(r) if r.funding.is_empty() => tr!(
            lang,
            "Phần nguồn lực chưa nêu nguồn kinh phí (`funding`)",
            "`resources` names no funding source (`funding`)"
        ),
        Some(_) => return,
    };
    ctx.report(|| Diagnostic::new(Pointer::keys(&["resources"]), Part::Key, message)
            .help(tr!(lang, "Ghi `resources: {{funding: [regular_budget]}}` (các nguồn: state_budget, regular_budget, socialized, other), kèm `estimate_vnd` nếu có.", "Write `resources: {{funding: [regular_budget]}}` (sources: state_budget, regular_budget, socialized, other), with `estimate_vnd` if known."))
            .table_help(tr!(lang, "Nêu nguồn kinh phí trong mục `KINH PHÍ` của văn bản, ví dụ \"Kinh phí thực hiện từ nguồn chi thường xuyên\" (Excel: dòng `Nguồn kinh phí` của sheet `Thông tin`); các nguồn: ngân sách nhà nước, chi thường xuyên, xã hội hóa, nguồn khác.", "Name the funding in the `KINH PHÍ` section of the document, e.g. \"Kinh phí thực hiện từ nguồn chi thường xuyên\" (Excel: the `Nguồn kinh phí` row of the `Thông tin` sheet); sources: ngân sách nhà nước, chi thường xuyên, xã hội hóa, nguồn khác.")),
    );
}
