//! T002 no-task-table: a document none of whose tables has a task header.

use crate::diagnostic::{Diagnostic, Severity};
use crate::i18n::{Lang, Text};
use crate::rules::{Check, Docs, Family, Rule, Sink};
use crate::tr;

pub static RULE: Rule = Rule {
    code: "T002",
    name: "no-task-table",
    family: Family::Tables,
    severity: Severity::Error,
    check: Check::Input,
    docs: Docs {
        what: Text {
            vi: "Không bảng nào của văn bản có dòng tiêu đề của bảng nhiệm vụ: một cột nội dung nhiệm vụ (`Nội dung nhiệm vụ`, `Nhiệm vụ`…) và ít nhất một cột `Sản phẩm`, `Đơn vị chủ trì` hoặc `Thời gian hoàn thành`. Thông báo liệt kê các bảng tìm thấy với các ô tiêu đề của chúng. Không quy tắc nào khác chạy trên văn bản này.",
            en: "No table of the document has a task-table header: a task column (`Nội dung nhiệm vụ`, `Nhiệm vụ`…) and at least one of `Sản phẩm`, `Đơn vị chủ trì`, `Thời gian hoàn thành`. The message lists the tables found with their header cells. No other rule runs on the document.",
        },
        why: Text {
            vi: "Văn bản 7946 yêu cầu mỗi nhiệm vụ có sản phẩm, thời hạn và một đơn vị chủ trì; các nhiệm vụ nằm trong phụ lục \"Danh mục nhiệm vụ\".",
            en: "Directive 7946 asks for each task's output, deadline and one lead unit; the tasks are in the appendix \"Danh mục nhiệm vụ\".",
        },
        bad: "| Công việc | Người làm |\n| Ban hành kế hoạch | Văn phòng |",
        good: "| STT | Nội dung nhiệm vụ | Sản phẩm | Đơn vị chủ trì | Thời gian hoàn thành |\n| 1 | Ban hành kế hoạch | Kế hoạch | Văn phòng | 31/01/2023 |",
        fix: Text {
            vi: "Đặt tên các cột của bảng nhiệm vụ theo mẫu: `STT`, `Nội dung nhiệm vụ`, `Sản phẩm`, `Đơn vị chủ trì`, `Đơn vị phối hợp`, `Thời gian hoàn thành` (hoặc dùng mẫu Excel của `cchc init ke-hoach.xlsx`).",
            en: "Name the task table's columns as in the template: `STT`, `Nội dung nhiệm vụ`, `Sản phẩm`, `Đơn vị chủ trì`, `Đơn vị phối hợp`, `Thời gian hoàn thành` (or use the Excel template of `cchc init ke-hoach.xlsx`).",
        },
    },
};

/// T002, listing the tables found (`Bảng 1: Cơ quan | Số`).
pub fn report(sink: &mut Sink, tables: &[(String, Vec<String>)], lang: Lang) {
    let found = if tables.is_empty() {
        tr!(lang, "văn bản không có bảng nào", "the document has no table")
    } else {
        let list: Vec<String> = tables
            .iter()
            .map(|(name, headers)| {
                if headers.is_empty() {
                    name.clone()
                } else {
                    format!("{name}: {}", headers.join(" | "))
                }
            })
            .collect();
        tr!(lang, "các bảng tìm thấy: {}", "tables found: {}", list.join("; "))
    };
    sink.report(&RULE, || {
        Diagnostic::document(tr!(
            lang,
            "Không tìm thấy bảng nhiệm vụ ({found})",
            "No task table found ({found})"
        ))
        .help(tr!(
            lang,
            "bảng nhiệm vụ cần dòng tiêu đề có cột `Nội dung nhiệm vụ` (hoặc `Nhiệm vụ`, `Nội dung`) và ít nhất một cột `Sản phẩm`, `Đơn vị chủ trì` hoặc `Thời gian hoàn thành`",
            "a task table needs a header row with a `Nội dung nhiệm vụ` (or `Nhiệm vụ`, `Nội dung`) column and at least one of `Sản phẩm`, `Đơn vị chủ trì`, `Thời gian hoàn thành`"
        ))
    });
}
