//! P003 unknown-key: a key the format does not define.

use crate::diagnostic::Severity;
use crate::rules::{Check, Docs, Rule, Text};

pub static RULE: Rule = Rule {
    code: "P003",
    name: "unknown-key",
    severity: Severity::Warning,
    check: Check::Input,
    docs: Docs {
        what: Text {
            vi: "Một khóa không có trong định dạng kế hoạch (thường là gõ sai); gợi ý khóa hợp lệ gần nhất.",
            en: "A key that the plan format does not define (usually a typo); the closest valid key is suggested.",
        },
        why: Text {
            vi: "Khóa gõ sai làm mất thông tin: `lede: VP` không giao đơn vị chủ trì nào.",
            en: "A misspelt key loses information: `lede: VP` assigns no lead unit at all.",
        },
        bad: "    lede: VP\n",
        good: "    lead: VP\n",
        fix: Text {
            vi: "Sửa tên khóa theo gợi ý, hoặc xóa khóa nếu không cần.",
            en: "Rename the key as suggested, or remove it.",
        },
    },
};
