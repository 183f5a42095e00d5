//! P002 invalid-structure: a required key is missing or a value has the wrong shape.

use crate::diagnostic::{Diagnostic, Severity};
use crate::i18n::{Lang, Text};
use crate::location::{Part, Pointer, Span};
use crate::rules::{Check, Docs, Family, Rule, Sink};
use crate::source::yaml::Shape;
use crate::yaml::NodeKind;
use crate::{text, tr};

pub static RULE: Rule = Rule {
    code: "P002",
    name: "invalid-structure",
    family: Family::Input,
    severity: Severity::Error,
    check: Check::Input,
    docs: Docs {
        what: Text {
            vi: "Thiếu một mục bắt buộc (`version`, `plan` và `agency`/`number`/`title`/`issued`/`period`, `units`, `objectives`, `tasks`, mọi `id`, `name`, `area`, `statement`, `title`), một giá trị sai dạng (danh sách ở chỗ cần nhóm mục, nhóm mục ở chỗ cần văn bản…), mã không phải một từ, hoặc `version` khác 1. Mọi lỗi như vậy trong tệp được báo trong một lần chạy.",
            en: "A required key is missing (`version`, `plan` and its `agency`/`number`/`title`/`issued`/`period`, `units`, `objectives`, `tasks`, any `id`, `name`, `area`, `statement`, `title`), a value has the wrong shape (a list where a mapping belongs, a mapping where text belongs…), an id is not one word, or `version` is not 1. All such problems of a file are reported in one run.",
        },
        why: Text {
            vi: "Kế hoạch phải có đủ các phần mà văn bản chỉ đạo yêu cầu: mục tiêu, nhiệm vụ, đơn vị thực hiện.",
            en: "A plan must have every part the directive asks for: objectives, tasks and the units that carry them out.",
        },
        bad: "tasks:\n  - id: NV1\n    title: Rà soát TTHC\n",
        good: "tasks:\n  - id: NV1\n    area: procedures\n    title: Rà soát TTHC\n",
        fix: Text {
            vi: "Thêm mục còn thiếu hoặc viết giá trị đúng dạng theo mẫu của `cchc init`.",
            en: "Add the missing key or write the value in the shape the `cchc init` template shows.",
        },
    },
};

fn kind_name(kind: NodeKind, lang: Lang) -> &'static str {
    match (lang, kind) {
        (Lang::Vi, NodeKind::Mapping) => "một nhóm mục",
        (Lang::Vi, NodeKind::List) => "một danh sách",
        (Lang::Vi, NodeKind::Text) => "văn bản",
        (Lang::Vi, NodeKind::Number) => "một số",
        (Lang::Vi, NodeKind::Empty) => "giá trị trống",
        (Lang::En, NodeKind::Mapping) => "a mapping",
        (Lang::En, NodeKind::List) => "a list",
        (Lang::En, NodeKind::Text) => "text",
        (Lang::En, NodeKind::Number) => "a number",
        (Lang::En, NodeKind::Empty) => "an empty value",
    }
}

/// P002 for a structural problem noted while the plan was read.
pub fn report(sink: &mut Sink, shape: &Shape, lang: Lang) {
    let at = |pointer: &Pointer, part: Part, message: String, help: String| {
        Diagnostic::new(pointer.clone(), part, message).help(help)
    };
    sink.report(&RULE, || match shape {
        Shape::EmptyFile => Diagnostic::document(tr!(
            lang,
            "Tệp trống: chưa có nội dung kế hoạch",
            "The file is empty: it holds no plan"
        ))
        .help(tr!(
            lang,
            "Tạo khung kế hoạch bằng `cchc init` rồi điền nội dung.",
            "Start from the skeleton `cchc init` writes and fill it in."
        )),
        Shape::WrongKind {
            pointer,
            expected,
            found,
        } => {
            let key = pointer.label();
            let want = kind_name(*expected, lang);
            let found = kind_name(*found, lang);
            let help = match expected {
                NodeKind::List => tr!(
                    lang,
                    "Viết dạng danh sách, ví dụ `{key}: [A, B]` hoặc mỗi phần tử một dòng bắt đầu bằng `- `.",
                    "Write a list, e.g. `{key}: [A, B]`, or one item per line starting with `- `."
                ),
                NodeKind::Mapping => tr!(
                    lang,
                    "Viết các dòng `tên mục: giá trị` thụt lề dưới `{key}:`, như trong khung `cchc init`.",
                    "Write `key: value` pairs indented under `{key}:`, as in the `cchc init` skeleton."
                ),
                NodeKind::Number => tr!(
                    lang,
                    "Viết một số không kèm đơn vị hay dấu ngoặc kép, ví dụ `90`.",
                    "Write a plain number without a unit or quotes, e.g. `90`."
                ),
                _ => tr!(
                    lang,
                    "Viết một giá trị văn bản trên cùng dòng với `{key}:`.",
                    "Write a text value on the same line as `{key}:`."
                ),
            };
            let message = tr!(
                lang,
                "`{key}` phải là {want}, nhưng đang là {found}",
                "`{key}` must be {want}, found {found}"
            );
            at(pointer, Part::Value, message, help)
        }
        Shape::MissingKey { pointer, key } if pointer.is_root() => at(
            pointer,
            Part::Start,
            tr!(
                lang,
                "Kế hoạch thiếu phần `{key}:`",
                "The plan has no `{key}:` section"
            ),
            tr!(
                lang,
                "Thêm phần `{key}:` ở cấp ngoài cùng của tệp, như trong khung `cchc init`.",
                "Add a top-level `{key}:` section, as in the `cchc init` skeleton."
            ),
        ),
        Shape::MissingKey { pointer, key } => {
            let within = pointer.label();
            at(
                pointer,
                Part::Start,
                tr!(
                    lang,
                    "Thiếu mục bắt buộc `{key}` trong `{within}`",
                    "Required key `{key}` is missing from `{within}`"
                ),
                tr!(
                    lang,
                    "Thêm dòng `{key}: …` vào mục này.",
                    "Add a `{key}: …` line to this entry."
                ),
            )
        }
        Shape::EmptyValue { pointer, key } => at(
            pointer,
            Part::Value,
            tr!(lang, "`{key}` đang để trống", "`{key}` is empty"),
            tr!(lang, "Ghi nội dung cho `{key}`.", "Give `{key}` a value."),
        ),
        Shape::BadId { pointer, raw } => {
            let shown = text::printable(raw);
            at(
                pointer,
                Part::Value,
                tr!(lang, "Mã `{shown}` không hợp lệ: mã phải là một từ", "Id `{shown}` is not valid: an id is one word"),
                tr!(lang, "Chỉ dùng chữ, số và các dấu `_`, `.`, `-`, không có khoảng trắng (ví dụ `NV1.2`, `TĐC`).", "Use only letters, digits, `_`, `.` and `-`, no spaces (e.g. `NV1.2`, `TĐC`)."),
            )
        }
        Shape::BadVersion { pointer } => at(
            pointer,
            Part::Value,
            tr!(
                lang,
                "Phiên bản định dạng không được hỗ trợ",
                "Unsupported format version"
            ),
            tr!(
                lang,
                "Ghi `version: 1`: đây là phiên bản định dạng duy nhất.",
                "Write `version: 1`, the only format version."
            ),
        ),
        Shape::DecimalComma { pointer, written } => {
            let shown = text::printable(written);
            let fixed = shown.replace(',', ".");
            let key = pointer.label();
            at(
                pointer,
                Part::Value,
                tr!(
                    lang,
                    "`{key}` viết số thập phân bằng dấu phẩy (`{shown}`), nên không đọc được là một số",
                    "`{key}` is written with a decimal comma (`{shown}`), so it is not read as a number"
                ),
                tr!(
                    lang,
                    "Viết {fixed}: số thập phân dùng dấu chấm, không dùng dấu phẩy.",
                    "Write {fixed}: decimals take a point, not a comma."
                ),
            )
        }
        Shape::MisspeltKey {
            pointer,
            key,
            written,
        } => {
            let shown = text::printable(written);
            at(
                pointer,
                Part::Key,
                tr!(
                    lang,
                    "Thiếu mục bắt buộc `{key}`: mục `{shown}` có lẽ là `{key}` viết sai",
                    "Required key `{key}` is missing: `{shown}` looks like `{key}` misspelt"
                ),
                tr!(lang, "Sửa `{shown}` thành `{key}`.", "Rename `{shown}` to `{key}`."),
            )
        }
        Shape::NonScalarKey { pointer, span } => Diagnostic::new(
            pointer.clone(),
            Part::Start,
            tr!(
                lang,
                "Tên mục phải là một từ, không phải danh sách hay nhóm mục",
                "A key must be a word, not a list or a mapping"
            ),
        )
        .at(*span),
    });
}

/// P002 for a second document in the file, at its `---`.
pub fn extra_document(sink: &mut Sink, span: Span, lang: Lang) {
    sink.report(&RULE, || {
        Diagnostic::document(tr!(
            lang,
            "Tệp có nhiều hơn một tài liệu YAML; chỉ tài liệu đầu tiên được kiểm tra",
            "The file holds more than one YAML document; only the first is checked"
        ))
        .help(tr!(
            lang,
            "Mỗi tệp chứa một kế hoạch: tách các phần sau `---` ra tệp riêng.",
            "One plan per file: move what follows `---` to a file of its own."
        ))
        .at(span)
    });
}

/// P002 for an identity field an office document does not state, at the
/// document's start, saying where the document is expected to state it.
pub fn missing_identity(sink: &mut Sink, key: &str, excel: bool, lang: Lang) {
    let (what, word, sheet) = match key {
        "agency" => (
            tr!(lang, "tên cơ quan ban hành", "the issuing agency"),
            tr!(
                lang,
                "ô bên trái của khối đầu văn bản, dưới tên cơ quan cấp trên (`UBND TỈNH BẮC KẠN` rồi `SỞ TƯ PHÁP`)",
                "the left cell of the header block, under the parent agency (`UBND TỈNH BẮC KẠN` then `SỞ TƯ PHÁP`)"
            ),
            "Cơ quan",
        ),
        "number" => (
            tr!(lang, "số hiệu văn bản", "the document number"),
            tr!(lang, "dòng `Số: …/KH-…` ở đầu văn bản", "the line `Số: …/KH-…` at the top"),
            "Số hiệu",
        ),
        "title" => (
            tr!(lang, "tên (trích yếu) kế hoạch", "the plan's title"),
            tr!(
                lang,
                "đoạn `KẾ HOẠCH` và dòng trích yếu ngay dưới nó",
                "the paragraph `KẾ HOẠCH` and the summary line below it"
            ),
            "Tên kế hoạch",
        ),
        "issued" => (
            tr!(lang, "ngày ban hành", "the date of issue"),
            tr!(
                lang,
                "dòng địa danh, ngày tháng ở đầu văn bản (`Bắc Kạn, ngày 10 tháng 12 năm 2021`)",
                "the place-and-date line at the top (`Bắc Kạn, ngày 10 tháng 12 năm 2021`)"
            ),
            "Ngày ban hành",
        ),
        _ => (
            tr!(lang, "giai đoạn của kế hoạch", "the plan's period"),
            tr!(
                lang,
                "dòng trích yếu (`… giai đoạn 2022 – 2025` hoặc `… năm 2023`)",
                "the summary line (`… giai đoạn 2022 – 2025` or `… năm 2023`)"
            ),
            "Giai đoạn",
        ),
    };
    let help = if excel {
        tr!(
            lang,
            "Ghi vào dòng `{sheet}` của sheet `Thông tin` (cột A là tên mục, cột B là nội dung).",
            "Write it on the `{sheet}` row of the `Thông tin` sheet (the label in column A, the value in column B)."
        )
    } else {
        tr!(lang, "Ghi ở {word}.", "Write it in {word}.")
    };
    sink.report(&RULE, || {
        Diagnostic::document(tr!(
            lang,
            "Văn bản chưa ghi {what} (`{key}`)",
            "The document does not state {what} (`{key}`)"
        ))
        .help(help)
        .item(key.to_owned())
    });
}
