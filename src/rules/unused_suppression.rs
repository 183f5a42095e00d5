//! S002 unused-suppression: a suppression comment that matched no diagnostic.

use crate::diagnostic::Severity;
use crate::rules::{Check, Docs, Rule, Text};

pub static RULE: Rule = Rule {
    code: "S002",
    name: "unused-suppression",
    severity: Severity::Warning,
    check: Check::Input,
    docs: Docs {
        what: Text {
            vi: "Một chú thích `# cchc: ignore …` không khớp chẩn đoán nào trên dòng nó áp dụng (dòng của nó, hoặc dòng sau nếu chú thích đứng riêng).",
            en: "A `# cchc: ignore …` comment that matched no diagnostic on the line it applies to (its own line, or the next one when it stands alone).",
        },
        why: Text {
            vi: "Chú thích thừa che giấu lỗi sau này và làm người đọc hiểu sai kế hoạch.",
            en: "Stale suppressions hide future problems and mislead readers.",
        },
        bad: "    output: Báo cáo kết quả  # cchc: ignore O002 -- đã sửa\n",
        good: "    output: Báo cáo kết quả\n",
        fix: Text {
            vi: "Xóa chú thích, hoặc chuyển nó tới đúng dòng có chẩn đoán.",
            en: "Remove the comment, or move it to the line that has the diagnostic.",
        },
    },
};
