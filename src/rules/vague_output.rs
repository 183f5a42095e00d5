//! O002 vague-output: an output that names an activity instead of a product.

use crate::diagnostic::{Diagnostic, Severity};
use crate::location::Part;
use crate::i18n::Text;
use crate::rules::{Check, Context, Docs, Family, Rule};
use crate::{text, tr};

pub static RULE: Rule = Rule {
    code: "O002",
    name: "vague-output",
    family: Family::Outputs,
    severity: Severity::Warning,
    check: Check::Plan(check),
    docs: Docs {
        what: Text {
            vi: "`output` nêu một hoạt động thay vì một sản phẩm: bắt đầu bằng động từ chỉ hoạt động của hồ sơ (`Tổ chức`, `Thực hiện`, `Triển khai`, `Tăng cường`, `Đẩy mạnh`, `Nâng cao`…) và không chứa danh từ chỉ sản phẩm nào (`Báo cáo`, `Kế hoạch`, `Quyết định`, `Văn bản`, `Đề án`…).",
            en: "`output` names an activity instead of a product: it starts with one of the profile's activity verbs (`Tổ chức`, `Thực hiện`, `Triển khai`, `Tăng cường`, `Đẩy mạnh`, `Nâng cao`…) and contains none of its product nouns (`Báo cáo`, `Kế hoạch`, `Quyết định`, `Văn bản`, `Đề án`…).",
        },
        why: Text {
            vi: "7946/UBND-NCPC: nhiệm vụ \"phải xác định rõ kết quả, sản phẩm đầu ra\" — \"Tăng cường kiểm tra\" không phải là sản phẩm.",
            en: "7946/UBND-NCPC: tasks must state clear results and output products — \"step up inspections\" is not a product.",
        },
        bad: "    output: Tăng cường công tác kiểm tra CCHC\n",
        good: "    output: Báo cáo kết quả kiểm tra CCHC tại 5 đơn vị\n",
        fix: Text {
            vi: "Ghi sản phẩm tạo ra (báo cáo, quyết định, kế hoạch, văn bản, phần mềm, hội nghị…), không ghi hoạt động.",
            en: "Name the product delivered (a report, decision, plan, document, software, conference…), not the activity.",
        },
    },
};

/// Whether the words name a product: a product noun that does not follow one
/// of the `not_product_after` words ("theo kế hoạch", "đúng quy định" name none).
fn names_a_product(w: &[String], words: &crate::profile::FoldedWords) -> bool {
    words.product_nouns.iter().filter(|n| !n.is_empty()).any(|noun| {
        (0..w.len().saturating_sub(noun.len() - 1)).any(|i| {
            w[i..].starts_with(noun)
                && (i == 0
                    || !words
                        .not_product_after
                        .iter()
                        .any(|p| w[..i].ends_with(p)))
        })
    })
}

fn check(ctx: &mut Context) {
    let lang = ctx.lang;
    let words = ctx.profile.folded();
    // The first words already seen in this plan's outputs, and whether one of
    // the activity verbs starts with it: a plan repeats a few (`Báo cáo`,
    // `Kế hoạch`), and each is folded once.
    let mut firsts: Vec<(&str, bool)> = Vec::new();
    for t in ctx.tasks() {
        let Some(output) = t.output.as_deref().filter(|o| !o.trim().is_empty()) else {
            continue;
        };
        // Most outputs start with a product noun: compare the first word, then
        // the second, alone before folding the whole text ("Báo cáo" shares its
        // first word with "Bảo đảm").
        let mut tokens = output.split_whitespace();
        let Some(first) = tokens.next() else {
            continue;
        };
        let starts_a_verb = match firsts.iter().find(|(w, _)| *w == first) {
            Some((_, known)) => *known,
            None => {
                let folded = text::fold(first);
                let known = words
                    .activity_verbs
                    .iter()
                    .any(|v| v.first().is_some_and(|w| *w == folded));
                // Bounded: a hostile plan's thousands of distinct words are
                // folded each time rather than searched for.
                if firsts.len() < 64 {
                    firsts.push((first, known));
                }
                known
            }
        };
        if !starts_a_verb {
            continue;
        }
        let first = text::fold(first);
        let mut verbs = words
            .activity_verbs
            .iter()
            .filter(|v| v.first().is_some_and(|w| *w == first));
        let second = tokens.next().map(text::fold);
        let second = second
            .as_deref()
            .and_then(|t| text::folded_words(t).next());
        if let Some(second) = second
            && verbs.all(|v| v.get(1).is_some_and(|w| w != second))
        {
            continue;
        }
        let w = text::words(output);
        if !words
            .activity_verbs
            .iter()
            .any(|v| text::starts_with_phrase(&w, v))
        {
            continue;
        }
        if names_a_product(&w, words) {
            continue;
        }
        let shown = text::printable(output);
        ctx.report(|| Diagnostic::new(t.at("output"), Part::Value, tr!(lang, "Sản phẩm đầu ra \"{shown}\" là một hoạt động, chưa phải sản phẩm", "The output \"{shown}\" is an activity, not a product"))
                .help(tr!(lang, "Nêu sản phẩm cụ thể mà hoạt động tạo ra, ví dụ \"Báo cáo kết quả …\", \"Kế hoạch …\", \"Quyết định …\".", "Name the concrete product the activity delivers, e.g. \"Báo cáo kết quả …\" (report), \"Kế hoạch …\" (plan), \"Quyết định …\" (decision).")),
        );
    }
}
