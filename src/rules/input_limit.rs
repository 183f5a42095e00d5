//! P007 input-limit: the file exceeds a safety limit.

use crate::diagnostic::Severity;
use crate::rules::{Check, Docs, Rule, Text};

pub static RULE: Rule = Rule {
    code: "P007",
    name: "input-limit",
    severity: Severity::Error,
    check: Check::Input,
    docs: Docs {
        what: Text {
            vi: "Tệp vượt một giới hạn an toàn: kích thước (64 MiB), độ sâu lồng nhau (64 cấp), số nút (4 triệu) hoặc số nút sinh ra từ alias (10.000). Không có gì được mở rộng quá giới hạn.",
            en: "The file exceeds a safety limit: size (64 MiB), nesting depth (64 levels), number of nodes (4 million) or nodes produced by aliases (10,000). Nothing is expanded past the limit.",
        },
        why: Text {
            vi: "Một kế hoạch thật không bao giờ chạm các giới hạn này; tệp vượt giới hạn là tệp hỏng hoặc độc hại và không được làm treo hệ thống CI.",
            en: "No real plan comes near these limits; a file beyond them is broken or hostile and must not stall CI.",
        },
        bad: "a: &a [x, x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\n",
        good: "units:\n  - {id: VP, name: Văn phòng}\n",
        fix: Text {
            vi: "Viết kế hoạch không dùng alias (`*tên`) lồng nhau và không lồng quá sâu; tách kế hoạch quá lớn thành nhiều tệp.",
            en: "Write the plan without nested aliases (`*name`) or deep nesting; split an oversized plan into several files.",
        },
    },
};
