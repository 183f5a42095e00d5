//! S003 unknown-code-in-suppression: a suppression names a rule that does not exist.

use crate::diagnostic::Severity;
use crate::rules::{Check, Docs, Rule, Text};

pub static RULE: Rule = Rule {
    code: "S003",
    name: "unknown-code-in-suppression",
    severity: Severity::Warning,
    check: Check::Input,
    docs: Docs {
        what: Text {
            vi: "Một chú thích `# cchc: ignore …` nêu mã hoặc tên quy tắc không tồn tại.",
            en: "A `# cchc: ignore …` comment names a code or rule that does not exist.",
        },
        why: Text {
            vi: "Mã gõ sai không bỏ qua được gì; người đọc lại tưởng vấn đề đã được xem xét.",
            en: "A misspelt code suppresses nothing, while readers believe the finding was reviewed.",
        },
        bad: "    lead: Các phòng  # cchc: ignore U02 -- giao cả cơ quan\n",
        good: "    lead: Các phòng  # cchc: ignore U002 -- giao cả cơ quan\n",
        fix: Text {
            vi: "Sửa mã theo `cchc rules`.",
            en: "Correct the code; `cchc rules` lists them.",
        },
    },
};
