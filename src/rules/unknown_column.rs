//! T003 unknown-column: a column of a task or objectives table whose header names no field.

use crate::diagnostic::{Diagnostic, Severity};
use crate::i18n::{Lang, Text};
use crate::location::Span;
use crate::rules::{Check, Docs, Family, Rule, Sink};
use crate::tr;

pub static RULE: Rule = Rule {
    code: "T003",
    name: "unknown-column",
    family: Family::Tables,
    severity: Severity::Warning,
    check: Check::Input,
    docs: Docs {
        what: Text {
            vi: "Một cột của bảng nhiệm vụ hoặc bảng mục tiêu có tiêu đề không khớp tên cột nào đã biết (cột năm dưới một tiêu đề khác `Lộ trình`/`Thời gian hoàn thành`/`Tiến độ` cũng vậy); nội dung cột không được đọc. Báo tại ô tiêu đề.",
            en: "A column of a task or objectives table whose header matches no known name (also a year column under a parent other than `Lộ trình`/`Thời gian hoàn thành`/`Tiến độ`); its content is not read. Reported at the header cell.",
        },
        why: Text {
            vi: "Một cột bị bỏ qua có thể chứa thông tin người soạn tưởng là đã khai (ví dụ đơn vị chủ trì dưới tên cột lạ).",
            en: "An ignored column may hold what the author thinks is stated (a lead unit under an odd header).",
        },
        bad: "| STT | Nội dung nhiệm vụ | Người phụ trách | Sản phẩm |",
        good: "| STT | Nội dung nhiệm vụ | Đơn vị chủ trì | Sản phẩm |",
        fix: Text {
            vi: "Đổi tiêu đề cột thành một tên đã biết (`Đơn vị chủ trì`, `Sản phẩm`, `Thời gian hoàn thành`…), hoặc đặt tiêu đề `Ghi chú` nếu cột không cần kiểm tra.",
            en: "Rename the column to a known header (`Đơn vị chủ trì`, `Sản phẩm`, `Thời gian hoàn thành`…), or head it `Ghi chú` when it needs no check.",
        },
    },
};

/// T003 at the header cell of a column whose header is `header`.
pub fn report(sink: &mut Sink, span: Span, header: &str, lang: Lang) {
    let shown = crate::text::printable(header);
    sink.report(&RULE, || {
        Diagnostic::document(tr!(
            lang,
            "Cột \"{shown}\" không khớp tên cột nào của bảng; nội dung cột này không được đọc",
            "The column \"{shown}\" matches no known header; its content is not read"
        ))
        .help(tr!(
            lang,
            "đổi tiêu đề thành một tên đã biết (`Đơn vị chủ trì`, `Sản phẩm`, `Thời gian hoàn thành`…) hoặc `Ghi chú`",
            "rename it to a known header (`Đơn vị chủ trì`, `Sản phẩm`, `Thời gian hoàn thành`…) or `Ghi chú`"
        ))
        .at(span)
    });
}
