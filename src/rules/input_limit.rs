//! P007 input-limit: the file exceeds a safety limit.

use crate::diagnostic::{Diagnostic, Severity};
use crate::i18n::{Lang, Text};
use crate::location::{Pos, Span};
use crate::rules::{Check, Docs, Family, Rule, Sink};
use crate::source::MAX_FILE_SIZE;
use crate::tr;
use crate::yaml::Limit;

pub static RULE: Rule = Rule {
    code: "P007",
    name: "input-limit",
    family: Family::Input,
    severity: Severity::Error,
    check: Check::Input,
    docs: Docs {
        what: Text {
            vi: "Tệp vượt một giới hạn an toàn: kích thước (64 MiB), độ sâu lồng nhau (64 cấp), số nút (4 triệu) hoặc số nút sinh ra từ alias (10.000). Không có gì được mở rộng quá giới hạn.",
            en: "The file exceeds a safety limit: size (64 MiB), nesting depth (64 levels), number of nodes (4 million) or nodes produced by aliases (10,000). Nothing is expanded past the limit.",
        },
        why: Text {
            vi: "Một kế hoạch thật không bao giờ chạm các giới hạn này; tệp vượt giới hạn là tệp hỏng hoặc độc hại và không được làm treo hệ thống CI.",
            en: "No real plan comes near these limits; a file beyond them is broken or hostile and must not stall CI.",
        },
        bad: "a: &a [x, x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\n",
        good: "units:\n  - {id: VP, name: Văn phòng}\n",
        fix: Text {
            vi: "Viết kế hoạch không dùng alias (`*tên`) lồng nhau và không lồng quá sâu; tách kế hoạch quá lớn thành nhiều tệp.",
            en: "Write the plan without nested aliases (`*name`) or deep nesting; split an oversized plan into several files.",
        },
    },
};

/// P007 for a file over the size limit, which is not read.
pub fn too_large(sink: &mut Sink, size: u64, lang: Lang) {
    let (mib, max) = (size / (1024 * 1024), MAX_FILE_SIZE / (1024 * 1024));
    sink.report(&RULE, || {
        Diagnostic::document(tr!(
            lang,
            "Tệp quá lớn ({mib} MiB, giới hạn {max} MiB)",
            "The file is too large ({mib} MiB; the limit is {max} MiB)"
        ))
        .help(tr!(
            lang,
            "Một kế hoạch thật nhỏ hơn nhiều; kiểm tra xem có phải đúng tệp không, hoặc tách kế hoạch.",
            "A real plan is far smaller; check that this is the right file, or split the plan."
        ))
    });
}

/// P007 for a safety limit of the YAML reader, at the place it was exceeded
/// (clamped to the end of the file `end`).
pub fn tree_limit(sink: &mut Sink, at: Pos, limit: Limit, end: Pos, lang: Lang) {
    let at = at.min(end);
    let message = match limit {
        Limit::Depth(n) => tr!(
            lang,
            "Cấu trúc lồng quá sâu (quá {n} cấp)",
            "Nesting is too deep (more than {n} levels)"
        ),
        Limit::Nodes(n) => tr!(
            lang,
            "Tệp có quá nhiều phần tử (quá {n})",
            "The file has too many nodes (more than {n})"
        ),
        Limit::Aliases(n) => tr!(
            lang,
            "Alias sinh ra quá nhiều phần tử (quá {n}): có thể là \"bom alias\"",
            "Aliases expand to too many nodes (more than {n}): possibly an alias bomb"
        ),
    };
    sink.report(&RULE, || {
        Diagnostic::document(message)
            .help(tr!(lang, "Một kế hoạch thật không cần cấu trúc như vậy; viết lại không dùng alias lồng nhau hay lồng quá sâu.", "A real plan needs no such structure; rewrite it without nested aliases or deep nesting."))
            .at(Span { start: at, end: at })
    });
}

/// The P007 that says a rule fired `n` times in one file and only `max` are shown.
pub fn capped(code: &str, n: usize, max: usize, lang: Lang) -> Diagnostic {
    Diagnostic::document(tr!(lang, "Quy tắc {code} báo {n} lần trong tệp này; chỉ hiện {max} lần đầu", "Rule {code} fired {n} times in this file; only the first {max} are shown"))
        .help(tr!(lang, "Sửa các lỗi đã hiện rồi kiểm tra lại; một kế hoạch thật không có nhiều lỗi đến vậy.", "Fix the ones shown and check again; a real plan has nowhere near this many."))
}
