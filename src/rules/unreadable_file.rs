//! P000 unreadable-file: a path that cannot be read.

use crate::diagnostic::Severity;
use crate::rules::{Check, Docs, Rule, Text};

pub static RULE: Rule = Rule {
    code: "P000",
    name: "unreadable-file",
    severity: Severity::Error,
    check: Check::Input,
    docs: Docs {
        what: Text {
            vi: "Một đường dẫn không đọc được: không tồn tại, không có quyền đọc, vòng liên kết tượng trưng, hoặc không phải tệp thường (ống có tên, socket, thiết bị: báo ngay, không đọc). Các tệp khác vẫn được kiểm tra; mã thoát là 2.",
            en: "A path cannot be read: missing, no permission, a symlink loop, or not a regular file (a named pipe, socket or device is reported at once, never read). The other files are still checked; the exit status is 2.",
        },
        why: Text {
            vi: "Kế hoạch phải được kiểm tra đầy đủ trước khi trình; một tệp không đọc được là một kế hoạch chưa được kiểm tra.",
            en: "A plan must be checked before it is submitted; a file that cannot be read is a plan that was not checked.",
        },
        bad: "$ cchc check ke-hoach/khong-co.yaml",
        good: "$ cchc check ke-hoach/so-tu-phap.yaml",
        fix: Text {
            vi: "Kiểm tra lại tên và quyền đọc của tệp; chỉ đưa vào các tệp YAML thường.",
            en: "Check the file's name and permissions; give only regular YAML files.",
        },
    },
};
