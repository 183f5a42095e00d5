//! P001 yaml-syntax: the file is not well-formed YAML.

use crate::diagnostic::Severity;
use crate::rules::{Check, Docs, Rule, Text};

pub static RULE: Rule = Rule {
    code: "P001",
    name: "yaml-syntax",
    severity: Severity::Error,
    check: Check::Input,
    docs: Docs {
        what: Text {
            vi: "Tệp không phải YAML hợp lệ (thụt lề sai, thiếu dấu ngoặc, dấu hai chấm đặt sai chỗ…); báo tại vị trí trình đọc YAML dừng lại.",
            en: "The file is not well-formed YAML (wrong indentation, an unclosed bracket, a misplaced colon…); reported where the YAML parser stopped.",
        },
        why: Text {
            vi: "Kế hoạch được viết theo định dạng YAML thống nhất (PLAN-FORMAT.md) để kiểm tra và tổng hợp tự động.",
            en: "Plans follow one YAML format (PLAN-FORMAT.md) so they can be checked and aggregated automatically.",
        },
        bad: "units:\n  - {id: VP, name: Văn phòng\n",
        good: "units:\n  - {id: VP, name: Văn phòng}\n",
        fix: Text {
            vi: "Sửa cú pháp tại vị trí được chỉ ra: dùng dấu cách (không dùng Tab) để thụt lề, đóng đủ ngoặc, đặt giá trị có dấu phẩy hoặc dấu hai chấm trong ngoặc kép.",
            en: "Fix the syntax at the position shown: indent with spaces (not tabs), close every bracket, quote values that contain commas or colons.",
        },
    },
};
