//! S002 unused-suppression: a suppression comment that matched no diagnostic.

use crate::diagnostic::{Diagnostic, Severity};
use crate::i18n::{Lang, Text};
use crate::location::Span;
use crate::rules::{Check, Docs, Family, Rule, Sink};
use crate::tr;

pub static RULE: Rule = Rule {
    code: "S002",
    name: "unused-suppression",
    family: Family::Suppression,
    severity: Severity::Warning,
    check: Check::Input,
    docs: Docs {
        what: Text {
            vi: "Một chú thích `# cchc: ignore …` không khớp thông báo nào trên dòng nó áp dụng (dòng của nó, hoặc dòng sau nếu chú thích đứng riêng).",
            en: "A `# cchc: ignore …` comment that matched no diagnostic on the line it applies to (its own line, or the next one when it stands alone).",
        },
        why: Text {
            vi: "Chú thích thừa che giấu lỗi sau này và làm người đọc hiểu sai kế hoạch.",
            en: "Stale suppressions hide future problems and mislead readers.",
        },
        bad: "    output: Báo cáo kết quả  # cchc: ignore O002 -- đã sửa\n",
        good: "    output: Báo cáo kết quả\n",
        fix: Text {
            vi: "Xóa chú thích, hoặc chuyển nó tới đúng dòng có thông báo.",
            en: "Remove the comment, or move it to the line that has the diagnostic.",
        },
    },
};

/// S002 at a suppression of `codes` that silenced nothing; `alone` when the
/// comment stands on its own line (and so is about the line below).
pub fn report(sink: &mut Sink, comment: Span, codes: &str, alone: bool, lang: Lang) {
    sink.report(&RULE, || {
        let message = if alone {
            tr!(lang, "Chú thích bỏ qua {codes} không khớp thông báo nào ở dòng ngay dưới", "The suppression of {codes} matches no diagnostic on the line below")
        } else {
            tr!(lang, "Chú thích bỏ qua {codes} không khớp thông báo nào ở dòng này", "The suppression of {codes} matches no diagnostic on its line")
        };
        Diagnostic::document(message)
            .help(tr!(lang, "Xóa chú thích, hoặc đặt nó ở cuối dòng có thông báo (hoặc riêng ở dòng ngay trước).", "Remove it, or put it at the end of the line with the diagnostic (or alone on the line before)."))
            .at(comment)
    });
}
