//! P000 unreadable-file: a path that cannot be read.

use crate::diagnostic::{Diagnostic, Severity};
use crate::i18n::{Lang, Text};
use crate::rules::{Check, Docs, Family, Rule, Sink};
use crate::source::Unreadable;
use crate::tr;

pub static RULE: Rule = Rule {
    code: "P000",
    name: "unreadable-file",
    family: Family::Input,
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

/// P000 for a path that gave no bytes.
pub fn report(sink: &mut Sink, error: &Unreadable, lang: Lang) {
    let reason = match error {
        Unreadable::NotRegular => tr!(
            lang,
            "không phải tệp thường (ống có tên, socket hoặc thiết bị)",
            "not a regular file (a named pipe, socket or device)"
        ),
        Unreadable::NotFound => {
            tr!(lang, "không tồn tại", "no such file or directory")
        }
        Unreadable::PermissionDenied => {
            tr!(lang, "không có quyền đọc", "permission denied")
        }
        Unreadable::SymlinkLoop => tr!(
            lang,
            "vòng liên kết tượng trưng (symlink loop)",
            "a symbolic link loop"
        ),
        Unreadable::Other(e) => e.clone(),
    };
    sink.report(&RULE, || {
        Diagnostic::document(tr!(
            lang,
            "Không đọc được tệp: {reason}",
            "Cannot read the file: {reason}"
        ))
        .help(tr!(
            lang,
            "Kiểm tra đường dẫn và quyền đọc; chỉ đưa vào các tệp YAML thường.",
            "Check the path and permissions; give only regular YAML files."
        ))
    });
}

/// P000 for a file whose check panicked: a bug in cchc, reported on that file.
pub fn internal_error(sink: &mut Sink, lang: Lang) {
    sink.report(&RULE, || {
        Diagnostic::document(tr!(lang, "Lỗi nội bộ của cchc khi kiểm tra tệp này", "Internal error in cchc while checking this file"))
            .help(tr!(lang, "Đây là lỗi của công cụ, không phải của kế hoạch: hãy báo kèm tệp này. Các tệp khác vẫn được kiểm tra.", "This is a bug in the tool, not in the plan: please report it with this file. The other files were still checked."))
    });
}
