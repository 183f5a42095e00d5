//! X001 duplicate-plan-number: two files of one run share `plan.number`.

use std::collections::HashMap;

use crate::diagnostic::{Diagnostic, Severity};
use crate::location::{Part, Pointer};
use crate::i18n::Text;
use crate::rules::{Check, Docs, Family, PlanSummary, Rule, RunContext};
use crate::{text, tr};

pub static RULE: Rule = Rule {
    code: "X001",
    name: "duplicate-plan-number",
    family: Family::CrossFile,
    severity: Severity::Error,
    check: Check::Run(check),
    docs: Docs {
        what: Text {
            vi: "Hai tệp trong cùng một lần kiểm tra có cùng số hiệu văn bản (`plan.number`, so sánh không phân biệt hoa thường); báo ở cả hai tệp.",
            en: "Two files checked in one run share `plan.number` (compared case-insensitively); reported on each.",
        },
        why: Text {
            vi: "Số hiệu văn bản xác định duy nhất một kế hoạch trong kho kế hoạch; số trùng thường là tệp sao chép chưa sửa.",
            en: "A document number identifies one plan in the repository; a repeated number is usually a copied file not yet edited.",
        },
        bad: "# so-tu-phap.yaml\nplan:\n  number: 245/KH-STP\n# so-tai-chinh.yaml\nplan:\n  number: 245/KH-STP\n",
        good: "# so-tu-phap.yaml\nplan:\n  number: 245/KH-STP\n# so-tai-chinh.yaml\nplan:\n  number: 312/KH-STC\n",
        fix: Text {
            vi: "Sửa số hiệu của kế hoạch sai cho đúng văn bản đã ký.",
            en: "Correct the wrong plan's number to that of the signed document.",
        },
    },
};

/// Reports, on each file, the other files that share its number (grouped by
/// normalised number, so a run stays linear in the number of plans).
pub fn check(ctx: &mut RunContext, plans: &[PlanSummary]) {
    let lang = ctx.lang;
    let mut groups: HashMap<String, Vec<&PlanSummary>> = HashMap::new();
    for p in plans {
        if let Some((number, _)) = &p.number {
            groups
                .entry(text::nfc(number.trim()).to_lowercase())
                .or_default()
                .push(p);
        }
    }
    for group in groups.values().filter(|g| g.len() > 1) {
        for a in group {
            let Some((number, span)) = &a.number else {
                continue;
            };
            let others: Vec<&str> = group
                .iter()
                .filter(|b| b.file != a.file)
                .map(|b| b.path.as_str())
                .collect();
            let (shown, path) = (text::printable(number), text::printable(others[0]));
            let more = others.len() - 1;
            let message = if more == 0 {
                tr!(
                    lang,
                    "Số hiệu {shown} trùng với kế hoạch trong {path}",
                    "Plan number {shown} is also used by {path}"
                )
            } else {
                tr!(
                    lang,
                    "Số hiệu {shown} trùng với kế hoạch trong {path} và {more} tệp khác",
                    "Plan number {shown} is also used by {path} and {more} other files"
                )
            };
            let d = Diagnostic::new(Pointer::keys(&["plan", "number"]), Part::Value, message).help(tr!(
                lang,
                "Mỗi kế hoạch có một số hiệu riêng; sửa số hiệu cho đúng văn bản đã ký.",
                "Every plan has its own number; correct it to the signed document's."
            ));
            ctx.report(a.file, span.clone(), d);
        }
    }
}
