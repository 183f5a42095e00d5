//! P001 yaml-syntax: the file is not well-formed YAML.

use crate::diagnostic::{Diagnostic, Severity};
use crate::i18n::{Lang, Text};
use crate::location::{Pos, Span};
use crate::source::{self, syntax::{self, Mistake}};
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
            vi: "Tệp không phải YAML hợp lệ: thụt lề bằng Tab hoặc khoảng trắng đặc biệt, thiếu dấu cách sau `-` hoặc `:`, giá trị có `: ` hoặc ` #` chưa đặt trong ngoặc kép, ngoặc `[`, `{` hoặc ngoặc kép chưa đóng, ngoặc kép kiểu chữ (“ ”), dòng thụt lề lệch với các dòng cùng cấp; báo tại chỗ sai.",
            en: "The file is not well-formed YAML: a tab or a special space in the indentation, no space after `-` or `:`, an unquoted `: ` or ` #` in a value, an unclosed `[`, `{` or quote, typographic quotes (“ ”), a line indented unlike its siblings; reported at the mistake.",
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

/// P001 for a syntax error the parser reported at `at`: the cause named in
/// the user's words at the mistake (RULES.md's cases), the parser's own text
/// after it; else at the parser's position, clamped to the end of the file
/// (the parser can place an error just past the last line).
pub fn report(sink: &mut Sink, at: Pos, message: &str, text: &str, lang: Lang) {
    let end = source::end_position(text);
    let parser = tr!(lang, "trình đọc YAML báo: {message}", "the YAML parser says: {message}");
    let (what, help, pos) = match syntax::classify(text, at) {
        Some((mistake, pos)) => {
            let (what, help) = explain(mistake, lang);
            (what, help, pos)
        }
        None => (
            tr!(lang, "Lỗi cú pháp YAML", "YAML syntax error"),
            tr!(lang, "Kiểm tra thụt lề (chỉ dùng dấu cách), dấu ngoặc và dấu hai chấm tại vị trí này; đặt giá trị chứa `:` hoặc `#` trong ngoặc kép.", "Check the indentation (spaces only), brackets and colons here; quote values that contain `:` or `#`."),
            at.min(end),
        ),
    };
    sink.report(&RULE, || {
        Diagnostic::document(format!("{what} ({parser})"))
            .help(help)
            .at(Span::char_at(pos))
    });
}

/// The message and the help for each mistake.
fn explain(mistake: Mistake, lang: Lang) -> (String, String) {
    match mistake {
        Mistake::TabIndent => (
            tr!(lang, "Dòng được thụt lề bằng phím Tab", "The line is indented with a tab"),
            tr!(lang, "Thay Tab bằng dấu cách: mỗi cấp thụt lề 2 dấu cách, thẳng hàng với các dòng cùng cấp.", "Replace the tab with spaces: two spaces per level, aligned with the lines of the same level."),
        ),
        Mistake::OddSpaceIndent(c) => {
            let code = format!("U+{:04X}", c as u32);
            (
                tr!(lang, "Dòng được thụt lề bằng một ký tự khoảng trắng đặc biệt ({code}, thường do sao chép từ Word)", "The line is indented with a special space character ({code}, usually pasted from Word)"),
                tr!(lang, "Xóa khoảng trắng đầu dòng và gõ lại bằng phím cách.", "Delete the leading space and type it again with the space bar."),
            )
        }
        Mistake::NoSpaceAfterDash => (
            tr!(lang, "Thiếu dấu cách sau dấu `-` của mục danh sách", "A space is missing after the list item's `-`"),
            tr!(lang, "Viết `- id: …`: một dấu cách sau dấu `-`.", "Write `- id: …`, with a space after the `-`."),
        ),
        Mistake::NoSpaceAfterColon => (
            tr!(lang, "Thiếu dấu cách sau dấu hai chấm", "A space is missing after the colon"),
            tr!(lang, "Viết một dấu cách sau dấu hai chấm, ví dụ `lead: VP`.", "Write a space after the colon, e.g. `lead: VP`."),
        ),
        Mistake::ColonInValue => (
            tr!(lang, "Giá trị có dấu hai chấm và dấu cách (`: `) nhưng không đặt trong ngoặc kép", "The value holds a colon and a space (`: `) but is not quoted"),
            tr!(lang, "Đặt cả giá trị trong ngoặc kép, ví dụ `title: \"Kế hoạch: năm 2023\"`.", "Put the whole value in double quotes, e.g. `title: \"Kế hoạch: năm 2023\"`."),
        ),
        Mistake::HashInValue => (
            tr!(lang, "Dấu ` #` trong giá trị bắt đầu một chú thích, cắt mất phần sau của giá trị", "The ` #` inside the value starts a comment and cuts the value short"),
            tr!(lang, "Đặt cả giá trị trong ngoặc kép, ví dụ `title: \"Kế hoạch #1\"`.", "Put the whole value in double quotes, e.g. `title: \"Kế hoạch #1\"`."),
        ),
        Mistake::TypographicQuotes => (
            tr!(lang, "Giá trị đặt trong dấu ngoặc kép kiểu chữ (“ ”), YAML không hiểu là ngoặc kép", "The value is in typographic quotes (“ ”), which YAML does not read as quotes"),
            tr!(lang, "Thay “ ” bằng dấu ngoặc kép thẳng \" \" (thường do sao chép từ Word).", "Replace “ ” with straight quotes \" \" (usually pasted from Word)."),
        ),
        Mistake::Unclosed(c) => {
            let close = match c {
                '[' => ']',
                '{' => '}',
                other => other,
            };
            (
                tr!(lang, "Dấu `{c}` mở ở đây chưa được đóng", "The `{c}` opened here is never closed"),
                tr!(lang, "Thêm `{close}` ở cuối giá trị, trên cùng dòng.", "Add `{close}` at the end of the value, on the same line."),
            )
        }
        Mistake::DeeperIndent => (
            tr!(lang, "Dòng thụt lề sâu hơn các dòng cùng cấp", "The line is indented deeper than its siblings"),
            tr!(lang, "Thụt lề dòng này thẳng hàng với dòng ở trên (cùng số dấu cách).", "Indent this line like the line above it (the same number of spaces)."),
        ),
        Mistake::ShallowerIndent => (
            tr!(lang, "Dòng thụt lề ít hơn các dòng cùng cấp", "The line is indented less than its siblings"),
            tr!(lang, "Thụt lề dòng này thẳng hàng với các dòng cùng mục (cùng số dấu cách).", "Indent this line like the other lines of its entry (the same number of spaces)."),
        ),
    }
}
