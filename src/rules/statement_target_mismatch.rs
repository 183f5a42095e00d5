//! Q005 statement-target-mismatch: the statement names one percentage and
//! the target says another.

use crate::diagnostic::{Diagnostic, Severity};
use crate::i18n::Text;
use crate::location::Part;
use crate::model::Objective;
use crate::rules::{Check, Context, Docs, Family, Rule};
use crate::tr;

pub static RULE: Rule = Rule {
    code: "Q005",
    name: "statement-target-mismatch",
    family: Family::Objectives,
    severity: Severity::Warning,
    check: Check::Objective {
        unless_malformed: Some("target"),
        run: check,
    },
    docs: Docs {
        what: Text {
            vi: "Nội dung mục tiêu (`statement`) nêu đúng một tỷ lệ phần trăm (`95%`, `95 %`, `95 phần trăm`), đơn vị đo là `%`, nhưng giá trị mục tiêu (`target.value`) là một số khác.",
            en: "The `statement` names exactly one percentage (`95%`, `95 %`, `95 phần trăm`), the `unit` is `%`, and `target.value` is a different number.",
        },
        why: Text {
            vi: "7946/UBND-NCPC: mục tiêu phải \"cụ thể, thiết thực, khả thi, có tính định lượng cao\": lời văn và con số của cùng một mục tiêu phải khớp nhau.",
            en: "7946/UBND-NCPC: objectives must be specific and quantified: the words and the figure of one objective must agree.",
        },
        bad: "    statement: Đến năm 2025, 95% hồ sơ được giải quyết đúng hạn\n    unit: \"%\"\n    target: {year: 2025, value: 90}\n",
        good: "    statement: Đến năm 2025, 95% hồ sơ được giải quyết đúng hạn\n    unit: \"%\"\n    target: {year: 2025, value: 95}\n",
        fix: Text {
            vi: "Sửa con số trong nội dung hoặc giá trị mục tiêu để hai chỗ khớp nhau.",
            en: "Correct the figure in the statement or the target value so that they agree.",
        },
    },
};

/// The percentages a text names: `95%`, `95 %`, `95,5%`, `95 phần trăm`.
pub fn percentages(text: &str) -> Vec<f64> {
    // Digits, separators, spaces and `%` are ASCII: the text is walked byte by
    // byte (a byte of a longer character is never one of them).
    let b = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        if !b[i].is_ascii_digit()
            || text[..i]
                .chars()
                .next_back()
                .is_some_and(|c| c.is_alphanumeric() || c == '.')
        {
            i += 1;
            continue;
        }
        let start = i;
        while i < b.len()
            && (b[i].is_ascii_digit()
                || (matches!(b[i], b',' | b'.') && b.get(i + 1).is_some_and(u8::is_ascii_digit)))
        {
            i += 1;
        }
        let mut j = i;
        while b.get(j) == Some(&b' ') {
            j += 1;
        }
        // `%`, or the words `phần trăm` (only then is the text folded).
        let is_percent = match b.get(j) {
            Some(b'%') => true,
            Some(b'p' | b'P') => {
                let rest: String = text[j..].chars().take(12).collect();
                crate::text::fold(&rest).starts_with("phan tram")
            }
            _ => false,
        };
        if is_percent && let Ok(n) = text[start..i].replace(',', ".").parse::<f64>() {
            out.push(n);
        }
    }
    out
}

fn check(ctx: &mut Context, o: &Objective) {
    if !o.is_percent() {
        return;
    }
    let (Some(statement), Some(target)) = (&o.statement, o.target.as_ref().and_then(|t| t.number())) else {
        return;
    };
    let [said] = percentages(statement)[..] else {
        return;
    };
    if (said - target).abs() < 1e-9 {
        return;
    }
    let lang = ctx.lang;
    ctx.report(|| {
        Diagnostic::new(
            o.at("target").key("value"),
            Part::Value,
            tr!(
                lang,
                "Nội dung mục tiêu nêu {said}% nhưng giá trị mục tiêu là {target}",
                "The statement says {said}% but the target value is {target}"
            ),
        )
        .help(tr!(
            lang,
            "Nếu mục tiêu là {said}%, viết `value: {said}`; nếu không, sửa con số trong `statement`.",
            "If the objective is {said}%, write `value: {said}`; otherwise correct the figure in `statement`."
        ))
    });
}

#[cfg(test)]
mod tests {
    use super::percentages;

    #[test]
    fn percentages_are_found_in_every_form() {
        assert_eq!(percentages("đạt 95% hồ sơ"), vec![95.0]);
        assert_eq!(percentages("đạt 95 % hồ sơ"), vec![95.0]);
        assert_eq!(percentages("đạt 95,5% và 100 phần trăm"), vec![95.5, 100.0]);
        assert_eq!(percentages("Đến năm 2025, 100% TTHC"), vec![100.0]);
        assert!(percentages("năm 2025 có 30 TTHC").is_empty());
    }
}
