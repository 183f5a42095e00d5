//! X001 duplicate-plan-number: two files of one run share `plan.number`.

use crate::check::PlanSummary;
use crate::diagnostic::{Diagnostic, Lang, Located, Severity};
use crate::load::yaml::Part;
use crate::rules::{Check, Docs, Rule, Text};
use crate::{text, tr};

pub static RULE: Rule = Rule {
    code: "X001",
    name: "duplicate-plan-number",
    severity: Severity::Error,
    check: Check::Run,
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

/// Reports every pair of plans with the same number, on each file.
pub fn check(plans: &[PlanSummary], lang: Lang) -> Vec<(usize, Located)> {
    let mut out = Vec::new();
    for (i, a) in plans.iter().enumerate() {
        let Some((number, span)) = &a.number else {
            continue;
        };
        let key = text::nfc(number).to_lowercase();
        for (j, b) in plans.iter().enumerate() {
            let Some((other, _)) = &b.number else {
                continue;
            };
            if i == j || text::nfc(other).to_lowercase() != key {
                continue;
            }
            let (shown, path) = (text::printable(number), text::printable(&b.path));
            let d = Diagnostic::new(
                &RULE,
                "/plan/number",
                Part::Value,
                tr!(
                    lang,
                    "Số hiệu {shown} trùng với kế hoạch trong {path}",
                    "Plan number {shown} is also used by {path}"
                ),
            )
            .help(tr!(
                lang,
                "Mỗi kế hoạch có một số hiệu riêng; sửa số hiệu cho đúng văn bản đã ký.",
                "Every plan has its own number; correct it to the signed document's."
            ));
            out.push((a.file, Located::new(d, *span)));
        }
    }
    out
}
