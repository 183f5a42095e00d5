//! S003 unknown-code-in-suppression: a suppression names a rule that does not exist.

use crate::diagnostic::{Diagnostic, Severity};
use crate::i18n::{Lang, Text};
use crate::location::Span;
use crate::rules::{Check, Docs, Family, Rule, Sink};
use crate::rules::select::rule_suggestion;
use crate::tr;

pub static RULE: Rule = Rule {
    code: "S003",
    name: "unknown-code-in-suppression",
    family: Family::Suppression,
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

/// S003 at a suppression naming `code`, which is no rule.
pub fn report(sink: &mut Sink, comment: Span, code: &str, lang: Lang) {
    sink.report(&RULE, || {
        let hint = rule_suggestion(code, lang);
        Diagnostic::document(tr!(
            lang,
            "Chú thích bỏ qua nêu mã không tồn tại: {hint}",
            "The suppression names an unknown rule: {hint}"
        ))
        .help(tr!(
            lang,
            "Sửa mã theo danh sách `cchc rules`.",
            "Correct the code; `cchc rules` lists them."
        ))
        .at(comment)
    });
}
