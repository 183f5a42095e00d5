//! D005 missing-reference: `plan.implements` lacks a document the profile requires.

use crate::diagnostic::{Diagnostic, Severity};
use crate::location::{Part, Pointer};
use crate::i18n::Text;
use crate::rules::{Check, Context, Docs, Family, Rule};
use crate::{text, tr};

pub static RULE: Rule = Rule {
    code: "D005",
    name: "missing-reference",
    family: Family::Directive,
    severity: Severity::Error,
    check: Check::Plan(check),
    docs: Docs {
        what: Text {
            vi: "`plan.implements` thiếu một văn bản mà văn bản chỉ đạo yêu cầu (76/NQ-CP, 08-NQ/TU với văn bản mặc định); mỗi văn bản một thông báo, tại `implements:` (hoặc `plan:`).",
            en: "`plan.implements` lacks a document the profile requires (76/NQ-CP, 08-NQ/TU for the default); one per document, at `implements:` (else `plan:`).",
        },
        why: Text {
            vi: "7946/UBND-NCPC: kế hoạch \"phải bám sát các mục tiêu, nhiệm vụ và giải pháp của Chương trình hành động\" thực hiện Nghị quyết 76/NQ-CP và Nghị quyết 08-NQ/TU.",
            en: "7946/UBND-NCPC: the plan must follow the Action Program implementing Resolutions 76/NQ-CP and 08-NQ/TU.",
        },
        bad: "plan:\n  implements: [76/NQ-CP]\n",
        good: "plan:\n  implements: [76/NQ-CP, 08-NQ/TU, 7946/UBND-NCPC]\n",
        fix: Text {
            vi: "Thêm số hiệu văn bản còn thiếu vào `plan.implements`.",
            en: "Add the missing document number to `plan.implements`.",
        },
    },
};

fn check(ctx: &mut Context) {
    let Some(info) = &ctx.plan.info else { return };
    let cited: Vec<Vec<String>> = info
        .implements
        .iter()
        .flatten()
        .map(|(_, d)| text::words(d))
        .collect();
    let lang = ctx.lang;
    for required in &ctx.profile.required_references {
        let want = text::words(required);
        if cited.iter().any(|c| text::contains_phrase(c, &want)) {
            continue;
        }
        ctx.report(|| {
            Diagnostic::new(Pointer::keys(&["plan", "implements"]),
                Part::Key,
                tr!(
                    lang,
                    "Kế hoạch chưa nêu căn cứ văn bản {required}",
                    "The plan does not cite {required} among the documents it implements"
                ),
            )
            .help(tr!(
                lang,
                "Thêm `{required}` vào `implements:` của phần `plan`.",
                "Add `{required}` to `implements:` under `plan`."
            ))
            .table_help(tr!(lang, "Nêu `{required}` trong đoạn `Căn cứ …` ở đầu văn bản (Excel: dòng `Căn cứ` của sheet `Thông tin`).", "Cite `{required}` in the `Căn cứ …` paragraph at the top of the document (Excel: the `Căn cứ` row of the `Thông tin` sheet)."))
            .item(required.clone())
        });
    }
}
