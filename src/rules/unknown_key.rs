//! P003 unknown-key: a key the format does not define.

use crate::diagnostic::{Diagnostic, Severity};
use crate::i18n::{Lang, Text};
use crate::location::{Part, Pointer};
use crate::rules::{Check, Docs, Family, Rule, Sink};
use crate::{text, tr};

pub static RULE: Rule = Rule {
    code: "P003",
    name: "unknown-key",
    family: Family::Input,
    severity: Severity::Warning,
    check: Check::Input,
    docs: Docs {
        what: Text {
            vi: "Một mục không có trong định dạng kế hoạch (thường là gõ sai); gợi ý mục hợp lệ gần nhất.",
            en: "A key that the plan format does not define (usually a typo); the closest valid key is suggested.",
        },
        why: Text {
            vi: "Mục gõ sai làm mất thông tin: `lede: VP` không giao đơn vị chủ trì nào.",
            en: "A misspelt key loses information: `lede: VP` assigns no lead unit at all.",
        },
        bad: "    lede: VP\n",
        good: "    lead: VP\n",
        fix: Text {
            vi: "Sửa tên mục theo gợi ý, hoặc xóa mục nếu không cần.",
            en: "Rename the key as suggested, or remove it.",
        },
    },
};

/// P003 at a key the format does not define, suggesting the closest of `allowed`.
pub fn report(sink: &mut Sink, pointer: &Pointer, key: &str, allowed: &[&str], lang: Lang) {
    sink.report(&RULE, || {
        let name = text::printable(key);
        let d = Diagnostic::new(
            pointer.clone(),
            Part::Key,
            tr!(
                lang,
                "Mục `{name}` không có trong định dạng kế hoạch",
                "Unknown key `{name}`"
            ),
        );
        match text::closest(key, allowed.iter().map(|k| (*k, *k))) {
            Some(s) => d.help(tr!(lang, "Có phải ý bạn là `{s}`?", "Did you mean `{s}`?")),
            None => {
                let allowed = allowed.join(", ");
                d.help(tr!(
                    lang,
                    "Các mục hợp lệ ở đây: {allowed}.",
                    "Valid keys here: {allowed}."
                ))
            }
        }
    });
}
