//! C004 invalid-exemption: an exemption without a reason, or of a reform area.

use crate::diagnostic::{Diagnostic, Severity};
use crate::location::{Part, Pointer};
use crate::i18n::Text;
use crate::rules::{Check, Context, Docs, Family, Rule};
use crate::{text, tr};

pub static RULE: Rule = Rule {
    code: "C004",
    name: "invalid-exemption",
    family: Family::Coverage,
    severity: Severity::Error,
    check: Check::Plan(check),
    docs: Docs {
        what: Text {
            vi: "Một miễn áp dụng không có lý do hoặc lý do chỉ là chữ điền chỗ (`lý do`, `-`, `không áp dụng`; khi đó không miễn gì), hoặc cố miễn một nội dung CCHC (mục `areas` trong `exemptions`, hay mã nội dung CCHC trong `exemptions.competitiveness`).",
            en: "An exemption with an empty or placeholder reason (`lý do`, `-`, `không áp dụng`; it then exempts nothing), or an attempt to exempt a reform area (an `areas` key under `exemptions`, or a reform-area code under `exemptions.competitiveness`).",
        },
        why: Text {
            vi: "7946/UBND-NCPC: \"các nhiệm vụ phải đầy đủ 06 nội dung CCHC\" — sáu nội dung không được miễn; nội dung năng lực cạnh tranh chỉ được miễn khi nêu rõ lý do.",
            en: "7946/UBND-NCPC: tasks must cover all six reform areas — they cannot be exempted; a competitiveness item may be exempted only with a stated reason.",
        },
        bad: "exemptions:\n  competitiveness:\n    land_access: \"\"\n",
        good: "exemptions:\n  competitiveness:\n    land_access: Sở không quản lý lĩnh vực đất đai\n",
        fix: Text {
            vi: "Ghi lý do cụ thể cho mỗi nội dung được miễn; bỏ mọi miễn áp dụng cho nội dung CCHC và thêm nhiệm vụ cho nội dung đó.",
            en: "Give a specific reason for each exempted item; remove any exemption of a reform area and add a task for it instead.",
        },
    },
};

fn check(ctx: &mut Context) {
    let Some(ex) = &ctx.plan.exemptions else {
        return;
    };
    let lang = ctx.lang;
    if ex.areas_key {
        ctx.report(|| Diagnostic::new(Pointer::keys(&["exemptions", "areas"]), Part::Key, tr!(lang, "Không được miễn áp dụng nội dung CCHC", "Reform areas cannot be exempted"))
                .help(tr!(lang, "Xóa `areas:` và thêm nhiệm vụ cho mọi nội dung CCHC: văn bản yêu cầu đầy đủ 06 nội dung.", "Remove `areas:` and add tasks for every reform area: the directive requires all six.")),
        );
    }
    for e in &ex.competitiveness {
        let at = Pointer::keys(&["exemptions", "competitiveness"]).key(e.key.clone());
        let code = text::printable(&e.code);
        if ctx.profile.area(&e.code).is_some() {
            ctx.report(|| {
                Diagnostic::new(at,
                    Part::Key,
                    tr!(
                        lang,
                        "`{code}` là nội dung CCHC, không được miễn áp dụng",
                        "`{code}` is a reform area and cannot be exempted"
                    ),
                )
                .help(tr!(
                    lang,
                    "Xóa dòng này và thêm nhiệm vụ có `area: {code}`.",
                    "Remove this line and add a task with `area: {code}`."
                ))
            });
        } else if e.reason.is_empty() {
            ctx.report(|| Diagnostic::new(at, Part::Value, tr!(lang, "Miễn áp dụng `{code}` không có lý do nên không có hiệu lực", "The exemption of `{code}` has no reason and exempts nothing"))
                    .help(tr!(lang, "Ghi lý do sau dấu hai chấm, ví dụ `{code}: Cơ quan không quản lý lĩnh vực này`.", "Write the reason after the colon, e.g. `{code}: the agency has no remit in this field`.")),
            );
        } else if e.placeholder {
            let reason = text::printable(&e.reason);
            ctx.report(|| Diagnostic::new(at, Part::Value, tr!(lang, "Lý do miễn áp dụng `{code}` chỉ là \"{reason}\", chưa phải một lý do", "The exemption of `{code}` gives \"{reason}\", which is not a reason"))
                    .help(tr!(lang, "Ghi vì sao nội dung này không thuộc phạm vi của cơ quan, ví dụ `{code}: Cơ quan không quản lý lĩnh vực này`; nếu không có lý do, xóa dòng và thêm nhiệm vụ.", "Say why the item is outside the agency's remit, e.g. `{code}: the agency has no remit in this field`; with no reason, remove the line and add a task.")),
            );
        }
    }
}
