//! P008 not-utf8: the file is not UTF-8.

use crate::diagnostic::{Diagnostic, Severity};
use crate::i18n::{Lang, Text};
use crate::location::Span;
use crate::rules::{Check, Docs, Family, Rule, Sink};
use crate::source::NotUtf8;
use crate::tr;

pub static RULE: Rule = Rule {
    code: "P008",
    name: "not-utf8",
    family: Family::Input,
    severity: Severity::Error,
    check: Check::Input,
    docs: Docs {
        what: Text {
            vi: "Tệp không được mã hóa UTF-8; báo tại byte sai đầu tiên. Dấu BOM UTF-8 được chấp nhận.",
            en: "The file is not UTF-8; reported at the first invalid byte. A UTF-8 byte-order mark is accepted.",
        },
        why: Text {
            vi: "Tiếng Việt chỉ hiển thị và so khớp đúng khi dùng Unicode UTF-8; các bảng mã cũ (TCVN3/ABC, VNI) làm hỏng dấu.",
            en: "Vietnamese displays and matches correctly only in Unicode UTF-8; legacy encodings (TCVN3/ABC, VNI) garble the diacritics.",
        },
        bad: "# tệp lưu bằng bảng mã TCVN3: \"C¶i c¸ch hµnh chÝnh\"\n",
        good: "# tệp lưu bằng UTF-8: \"Cải cách hành chính\"\n",
        fix: Text {
            vi: "Mở tệp bằng trình soạn thảo và lưu lại với mã hóa UTF-8; nếu văn bản gõ bằng TCVN3 hoặc VNI, chuyển mã sang Unicode (ví dụ bằng Unikey) trước.",
            en: "Open the file in an editor and save it as UTF-8; if the text was typed in TCVN3 or VNI, convert it to Unicode (e.g. with Unikey) first.",
        },
    },
};

/// P008 at the first byte that is not UTF-8.
pub fn report(sink: &mut Sink, e: &NotUtf8, lang: Lang) {
    let byte = e.byte;
    let message = if e.utf16 {
        tr!(lang, "Tệp được lưu bằng UTF-16, không phải UTF-8", "The file is saved as UTF-16, not UTF-8")
    } else {
        tr!(lang, "Tệp không phải UTF-8: byte 0x{byte:02X} không hợp lệ", "The file is not UTF-8: invalid byte 0x{byte:02X}")
    };
    sink.report(&RULE, || {
        Diagnostic::document(message)
            .help(tr!(lang, "Lưu lại tệp với mã hóa UTF-8. Nếu văn bản được gõ bằng bảng mã cũ (TCVN3/ABC, VNI), hãy chuyển mã sang Unicode trước (ví dụ bằng công cụ chuyển mã của Unikey).", "Save the file as UTF-8. If the text was typed in a legacy Vietnamese encoding (TCVN3/ABC, VNI), convert it to Unicode first (e.g. with Unikey's converter)."))
            .at(Span::char_at(e.at))
    });
}
