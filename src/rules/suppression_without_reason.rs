//! S001 suppression-without-reason: a `# cchc: ignore` comment without a reason, or written wrongly.

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
            vi: "Một chú thích `# cchc: ignore …` không ghi lý do sau `--`, hoặc viết sai dạng (`# cchc ignore …` thiếu dấu hai chấm, một dấu `-` trước lý do); chú thích đó không bỏ qua gì. Chữ hoa hay thường đều được (`# CCHC: IGNORE`); các từ sau mã không bị đọc thành mã.",
            en: "A `# cchc: ignore …` comment without a reason after `--`, or written wrongly (`# cchc ignore …` without the colon, a single `-` before the reason); it suppresses nothing. The marker is case-insensitive (`# CCHC: IGNORE`); words after the codes are never read as codes.",
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

/// How a suppression comment is malformed (S001; it suppresses nothing).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Malformed {
    /// `# cchc ignore …`: no colon after `cchc`.
    NoColon,
    /// `# cchc: ignore O002 - lý do`: one dash before the reason.
    SingleDash,
}

/// S001 at a suppression comment without a reason, or written wrongly;
/// `example` is the comment written rightly.
pub fn report(
    sink: &mut Sink,
    comment: Span,
    malformed: Option<Malformed>,
    example: &str,
    lang: Lang,
) {
    sink.report(&RULE, || {
        let message = match malformed {
            None => tr!(lang, "Chú thích bỏ qua không có lý do nên không có hiệu lực", "The suppression has no reason, so it suppresses nothing"),
            Some(Malformed::NoColon) => tr!(lang, "Chú thích bỏ qua viết thiếu dấu hai chấm sau `cchc` nên không có hiệu lực", "The suppression lacks the colon after `cchc`, so it suppresses nothing"),
            Some(Malformed::SingleDash) => tr!(lang, "Chú thích bỏ qua dùng một dấu `-` trước lý do; phải là hai dấu `--`, nên chú thích không có hiệu lực", "The suppression has a single `-` before its reason; it takes two, `--`, so it suppresses nothing"),
        };
        Diagnostic::document(message)
            .help(tr!(lang, "Viết đúng dạng `{example}`, ví dụ `# cchc: ignore O002 -- sản phẩm là lớp tập huấn`.", "Write it as `{example}`, e.g. `# cchc: ignore O002 -- the product is the training course`."))
            .at(comment)
    });
}
