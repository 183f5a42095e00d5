//! P001 yaml-syntax: the file is not well-formed YAML.

use crate::diagnostic::{Diagnostic, Severity};
use crate::i18n::{Lang, Text};
use crate::location::{Pos, Span};
use crate::rules::{Check, Docs, Family, Rule, Sink};
use crate::tr;

pub static RULE: Rule = Rule {
    code: "P001",
    name: "yaml-syntax",
    family: Family::Input,
    severity: Severity::Error,
    check: Check::Input,
    docs: Docs {
        what: Text {
            vi: "Tệp không phải YAML hợp lệ (thụt lề sai, thiếu dấu ngoặc, dấu hai chấm đặt sai chỗ…); báo tại vị trí trình đọc YAML dừng lại.",
            en: "The file is not well-formed YAML (wrong indentation, an unclosed bracket, a misplaced colon…); reported where the YAML parser stopped.",
        },
        why: Text {
            vi: "Kế hoạch được viết theo định dạng YAML thống nhất để kiểm tra và tổng hợp tự động.",
            en: "Plans follow one YAML format so they can be checked and aggregated automatically.",
        },
        bad: "units:\n  - {id: VP, name: Văn phòng\n",
        good: "units:\n  - {id: VP, name: Văn phòng}\n",
        fix: Text {
            vi: "Sửa cú pháp tại vị trí được chỉ ra: dùng dấu cách (không dùng Tab) để thụt lề, đóng đủ ngoặc, đặt giá trị có dấu phẩy hoặc dấu hai chấm trong ngoặc kép.",
            en: "Fix the syntax at the position shown: indent with spaces (not tabs), close every bracket, quote values that contain commas or colons.",
        },
    },
};

/// P001 at the parser's position, clamped to the end of the file `end` (the
/// parser can place an error just past the last line: it reads an implicit
/// final line break).
pub fn report(sink: &mut Sink, at: Pos, message: &str, end: Pos, lang: Lang) {
    let at = at.min(end);
    sink.report(&RULE, || {
        Diagnostic::document(tr!(lang, "Lỗi cú pháp YAML: {message}", "YAML syntax error: {message}"))
            .help(tr!(lang, "Kiểm tra thụt lề (chỉ dùng dấu cách), dấu ngoặc và dấu hai chấm tại vị trí này; đặt giá trị chứa `:` hoặc `,` trong ngoặc kép.", "Check the indentation (spaces only), brackets and colons here; quote values that contain `:` or `,`."))
            .at(Span::char_at(at))
    });
}
