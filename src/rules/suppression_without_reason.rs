//! S001 suppression-without-reason: a `# cchc: ignore` comment without a reason.

use crate::diagnostic::{Diagnostic, Severity};
use crate::i18n::{Lang, Text};
use crate::location::Span;
use crate::rules::{Check, Docs, Family, Rule, Sink};
use crate::tr;

pub static RULE: Rule = Rule {
    code: "S001",
    name: "suppression-without-reason",
    family: Family::Suppression,
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

/// S001 at a suppression comment without a reason.
pub fn report(sink: &mut Sink, comment: Span, lang: Lang) {
    sink.report(&RULE, || {
        Diagnostic::document(tr!(lang, "Chú thích bỏ qua không có lý do nên không có hiệu lực", "The suppression has no reason, so it suppresses nothing"))
            .help(tr!(lang, "Ghi lý do sau `--`, ví dụ `# cchc: ignore O002 -- sản phẩm là lớp tập huấn`.", "Write the reason after `--`, e.g. `# cchc: ignore O002 -- the product is the training course`."))
            .at(comment)
    });
}
