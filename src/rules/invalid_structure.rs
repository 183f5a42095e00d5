//! P002 invalid-structure: a required key is missing or a value has the wrong shape.

use crate::diagnostic::Severity;
use crate::rules::{Check, Docs, Rule, Text};

pub static RULE: Rule = Rule {
    code: "P002",
    name: "invalid-structure",
    severity: Severity::Error,
    check: Check::Input,
    docs: Docs {
        what: Text {
            vi: "Thiếu một khóa bắt buộc (`version`, `plan` và `agency`/`number`/`title`/`issued`/`period`, `units`, `objectives`, `tasks`, mọi `id`, `name`, `area`, `statement`, `title`), một giá trị sai dạng (danh sách ở chỗ cần mapping, mapping ở chỗ cần văn bản…), mã không phải một từ, hoặc `version` khác 1. Mọi lỗi như vậy trong tệp được báo trong một lần chạy.",
            en: "A required key is missing (`version`, `plan` and its `agency`/`number`/`title`/`issued`/`period`, `units`, `objectives`, `tasks`, any `id`, `name`, `area`, `statement`, `title`), a value has the wrong shape (a list where a mapping belongs, a mapping where text belongs…), an id is not one word, or `version` is not 1. All such problems of a file are reported in one run.",
        },
        why: Text {
            vi: "Kế hoạch phải có đủ các phần mà văn bản chỉ đạo yêu cầu: mục tiêu, nhiệm vụ, đơn vị thực hiện.",
            en: "A plan must have every part the directive asks for: objectives, tasks and the units that carry them out.",
        },
        bad: "tasks:\n  - id: NV1\n    title: Rà soát TTHC\n",
        good: "tasks:\n  - id: NV1\n    area: procedures\n    title: Rà soát TTHC\n",
        fix: Text {
            vi: "Thêm khóa còn thiếu hoặc viết giá trị đúng dạng theo PLAN-FORMAT.md.",
            en: "Add the missing key or write the value in the shape PLAN-FORMAT.md gives.",
        },
    },
};
