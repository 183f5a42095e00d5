//! S001 suppression-without-reason: a `# cchc: ignore` comment without a reason.

use crate::diagnostic::Severity;
use crate::rules::{Check, Docs, Rule, Text};

pub static RULE: Rule = Rule {
    code: "S001",
    name: "suppression-without-reason",
    severity: Severity::Warning,
    check: Check::Input,
    docs: Docs {
        what: Text {
            vi: "Một chú thích `# cchc: ignore …` không ghi lý do sau `--`; chú thích đó không bỏ qua gì.",
            en: "A `# cchc: ignore …` comment without a reason after `--`; it suppresses nothing.",
        },
        why: Text {
            vi: "Bỏ qua một cảnh báo là một quyết định cần giải thích cho người thẩm định kế hoạch.",
            en: "Silencing a finding is a decision the plan's reviewer must be able to read the reason for.",
        },
        bad: "    output: Tổ chức tập huấn  # cchc: ignore O002\n",
        good: "    output: Tổ chức tập huấn  # cchc: ignore O002 -- sản phẩm là lớp tập huấn đã có tài liệu\n",
        fix: Text {
            vi: "Thêm lý do sau `--`, ví dụ `# cchc: ignore O002 -- lý do`.",
            en: "Add a reason after `--`, e.g. `# cchc: ignore O002 -- reason`.",
        },
    },
};
