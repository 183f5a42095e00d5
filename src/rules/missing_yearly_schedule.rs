//! M006 missing-yearly-schedule: a year-range or vague deadline without a schedule for every year.

use crate::diagnostic::{Diagnostic, Severity};
use crate::model::deadline::Deadline;
use crate::location::Part;
use crate::rules::{Check, Family, Context, Docs, Rule, Text, years_list};
use crate::tr;

pub static RULE: Rule = Rule {
    code: "M006",
    name: "missing-yearly-schedule",
    family: Family::Roadmap,
    severity: Severity::Error,
    check: Check::Plan(check),
    docs: Docs {
        what: Text {
            vi: "`due` là một khoảng năm hoặc một cụm từ chung chung (`thường xuyên`, `kịp thời`…) mà `schedule` không nêu đủ mọi năm (khoảng năm: mọi năm trong khoảng; cụm từ chung chung: mọi năm của lộ trình). Báo tại giá trị `due`.",
            en: "`due` is a year range or a vague phrase (`thường xuyên`, `regularly`…) and `schedule` does not give every year it spans (for a vague phrase: every roadmap year). Reported at the `due` value.",
        },
        why: Text {
            vi: "7946/UBND-NCPC: \"chi tiết thời gian hoàn thành theo lộ trình từng năm\" — \"thường xuyên\" không phải là thời hạn.",
            en: "7946/UBND-NCPC: completion times per a yearly roadmap — \"regularly\" is not a deadline.",
        },
        bad: "    due: thường xuyên\n",
        good: "    due: thường xuyên\n    schedule:\n      2022: Báo cáo 6 tháng, báo cáo năm\n      2023: Báo cáo 6 tháng, báo cáo năm\n      2024: Báo cáo 6 tháng, báo cáo năm\n      2025: Báo cáo tổng kết giai đoạn\n",
        fix: Text {
            vi: "Thêm `schedule:` nêu sản phẩm của từng năm, hoặc thay bằng thời hạn cụ thể / `hằng năm`.",
            en: "Add a `schedule:` stating what each year delivers, or use a concrete deadline / `annually` instead.",
        },
    },
};

fn check(ctx: &mut Context) {
    let roadmap = ctx.roadmap();
    let lang = ctx.lang;
    for t in ctx.tasks() {
        let needed: Vec<i32> = match t.deadline() {
            Some(Deadline::Years(a, b)) => (a..=b).collect(),
            Some(Deadline::Vague) => roadmap.clone(),
            _ => continue,
        };
        let given: Vec<i32> = t.schedule_years().collect();
        let missing: Vec<i32> = needed.into_iter().filter(|y| !given.contains(y)).collect();
        if missing.is_empty() {
            continue;
        }
        let years = years_list(&missing);
        let first = missing[0];
        let message = if t.schedule.is_some() {
            tr!(
                lang,
                "Lịch thực hiện (`schedule`) thiếu các năm: {years}",
                "The `schedule` lacks the years: {years}"
            )
        } else if matches!(t.deadline(), Some(Deadline::Vague)) {
            tr!(
                lang,
                "Thời hạn chung chung, chưa chia theo lộ trình từng năm ({years})",
                "A vague deadline with no yearly schedule ({years})"
            )
        } else {
            tr!(
                lang,
                "Thời hạn kéo dài nhiều năm nhưng chưa có lịch từng năm ({years})",
                "A multi-year deadline with no yearly schedule ({years})"
            )
        };
        ctx.report(|| Diagnostic::new(t.at("due"), Part::Value, message)
                .help(tr!(lang, "Thêm `schedule:` nêu sản phẩm của từng năm, ví dụ `schedule: {{{first}: Báo cáo kết quả năm {first}}}`; hoặc dùng `due: hằng năm`.", "Add a `schedule:` giving each year's deliverable, e.g. `schedule: {{{first}: Báo cáo kết quả năm {first}}}`; or use `due: annually`.")),
        );
    }
}
