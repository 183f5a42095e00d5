//! Q001 unquantified-objective: an objective without a numeric target.

use crate::diagnostic::{Diagnostic, Severity};
use crate::model::{decimal_comma, percentage};
use crate::model::{Amount, Objective};
use crate::location::Part;
use crate::i18n::Text;
use crate::rules::{Check, Context, Docs, Family, Rule};
use crate::{text, tr};

pub static RULE: Rule = Rule {
    code: "Q001",
    name: "unquantified-objective",
    family: Family::Objectives,
    severity: Severity::Error,
    check: Check::Objective {
        unless_malformed: Some("target"),
        run: check,
    },
    docs: Docs {
        what: Text {
            vi: "Một mục tiêu không có `target`, hoặc `target.value` không phải một con số (ví dụ `\"100%\"`, `cao`).",
            en: "An objective has no `target`, or `target.value` is not a number (e.g. `\"100%\"`, `cao`).",
        },
        why: Text {
            vi: "7946/UBND-NCPC: \"Các mục tiêu phải cụ thể, thiết thực, khả thi, có tính định lượng cao\".",
            en: "7946/UBND-NCPC: objectives must be specific, practical, feasible and highly quantified.",
        },
        bad: "    unit: \"%\"\n    target: {year: 2025, value: \"100%\"}\n",
        good: "    unit: \"%\"\n    target: {year: 2025, value: 100}\n",
        fix: Text {
            vi: "Ghi `target: {year: NĂM, value: SỐ}` với giá trị là một số, và đơn vị đo ở `unit:`.",
            en: "Write `target: {year: YEAR, value: NUMBER}` with a plain number, and the unit of measure under `unit:`.",
        },
    },
};

fn check(ctx: &mut Context, o: &Objective) {
    let lang = ctx.lang;
    {
        let (at, part, typo) = super::missing_key(&o.pointer, &o.typos, "target", lang);
        match o.target.as_ref().map(|t| &t.value) {
            None => ctx.report(|| Diagnostic::new(at, part, tr!(lang, "Mục tiêu chưa có giá trị mục tiêu (`target`){typo}", "The objective has no `target`{typo}"))
                    .help(tr!(lang, "Thêm `target: {{year: 2025, value: 100}}` và `unit:` để mục tiêu đo được.", "Add `target: {{year: 2025, value: 100}}` and a `unit:` so the objective can be measured.")),
            ),
            Some(None) => ctx.report(|| Diagnostic::new(o.at("target"), Part::Start, tr!(lang, "`target` chưa có giá trị (`value`)", "`target` has no `value`"))
                    .help(tr!(lang, "Thêm `value:` là một con số, ví dụ `value: 100`.", "Add a numeric `value:`, e.g. `value: 100`.")),
            ),
            Some(Some(Amount::NotANumber(raw))) if decimal_comma(raw).is_some() => {
                let shown = text::printable(raw);
                let fixed = decimal_comma(raw).unwrap_or_default();
                ctx.report(|| Diagnostic::new(o.at("target").key("value"), Part::Value, tr!(lang, "Giá trị mục tiêu `{shown}` viết số thập phân bằng dấu phẩy, nên không đọc được là một số", "Target value `{shown}` uses a decimal comma, so it is not read as a number"))
                        .help(tr!(lang, "Viết `value: {fixed}` (dấu chấm thập phân).", "Write `value: {fixed}`, with a decimal point.")),
                );
            }
            Some(Some(Amount::NotANumber(raw))) if percentage(raw).is_some() => {
                let shown = text::printable(raw);
                let number = percentage(raw).unwrap_or_default();
                ctx.report(|| Diagnostic::new(o.at("target").key("value"), Part::Value, tr!(lang, "Giá trị mục tiêu `{shown}` có kèm dấu %, nên không đọc được là một số", "Target value `{shown}` carries a % sign, so it is not read as a number"))
                        .help(tr!(lang, "Viết `value: {number}` và ghi đơn vị riêng: `unit: \"%\"`.", "Write `value: {number}` and the unit apart: `unit: \"%\"`.")),
                );
            }
            Some(Some(Amount::NotANumber(raw))) => {
                let shown = text::printable(raw);
                let digits: String = raw.chars().filter(|c| c.is_ascii_digit() || *c == '.').collect();
                let help = if digits.is_empty() {
                    tr!(lang, "Thay `{shown}` bằng một con số đo được, ví dụ `value: 90` với `unit: \"%\"`.", "Replace `{shown}` with a measurable number, e.g. `value: 90` with `unit: \"%\"`.")
                } else {
                    tr!(lang, "Ghi số không kèm đơn vị và không có ngoặc kép: `value: {digits}`, đơn vị ghi ở `unit:`.", "Write the number without its unit or quotes: `value: {digits}`, with the unit under `unit:`.")
                };
                ctx.report(|| Diagnostic::new(o.at("target").key("value"), Part::Value, tr!(lang, "Giá trị mục tiêu `{shown}` không phải một con số", "Target value `{shown}` is not a number"))
                        .help(help),
                );
            }
            Some(Some(Amount::Number(_))) => {}
        }
    }
}
