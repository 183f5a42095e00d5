//! M001 missing-milestone: an objective without a milestone for some roadmap year.

use crate::diagnostic::{Diagnostic, Severity};
use crate::location::Part;
use crate::rules::{Check, Family, Context, Docs, Rule, Text, years_list};
use crate::tr;

pub static RULE: Rule = Rule {
    code: "M001",
    name: "missing-milestone",
    family: Family::Roadmap,
    severity: Severity::Error,
    check: Check::Plan(check),
    docs: Docs {
        what: Text {
            vi: "Mục tiêu thiếu mốc tiến độ (`milestones`) cho một hoặc nhiều năm của lộ trình, đến năm mục tiêu; mỗi mục tiêu một thông báo, nêu các năm còn thiếu, tại `milestones:` (hoặc tại mục tiêu nếu chưa có).",
            en: "An objective lacks a milestone for one or more roadmap years up to `target.year`; one diagnostic per objective naming the missing years, at `milestones:` (else the objective).",
        },
        why: Text {
            vi: "7946/UBND-NCPC: \"chi tiết thời gian hoàn thành theo lộ trình từng năm\".",
            en: "7946/UBND-NCPC: completion times per a yearly roadmap.",
        },
        bad: "    target: {year: 2025, value: 100}\n    milestones: {2022: 60, 2025: 100}\n",
        good: "    target: {year: 2025, value: 100}\n    milestones: {2022: 60, 2023: 80, 2024: 90, 2025: 100}\n",
        fix: Text {
            vi: "Ghi giá trị dự kiến cho mỗi năm của lộ trình trong `milestones:`.",
            en: "Give the planned value for every roadmap year under `milestones:`.",
        },
    },
};

fn check(ctx: &mut Context) {
    let roadmap = ctx.roadmap();
    let lang = ctx.lang;
    for o in ctx.plan.objectives.iter().flatten() {
        if ctx.plan.is_malformed_at(&o.pointer, "milestones") {
            continue;
        }
        let last = o
            .target
            .as_ref()
            .and_then(|t| t.year())
            .or(roadmap.last().copied());
        let Some(last) = last else { continue };
        let given: Vec<i32> = o
            .milestones
            .iter()
            .flatten()
            .filter_map(|m| m.year.as_ref().ok().copied())
            .collect();
        let missing: Vec<i32> = roadmap
            .iter()
            .copied()
            .filter(|y| *y <= last && !given.contains(y))
            .collect();
        if missing.is_empty() {
            continue;
        }
        let years = years_list(&missing);
        let example = missing.first().copied().unwrap_or(last);
        let (pointer, part) = if o.milestones.is_some() {
            (o.at("milestones"), Part::Key)
        } else {
            (o.pointer.clone(), Part::Start)
        };
        ctx.report(|| {
            Diagnostic::new(pointer,
                part,
                tr!(
                    lang,
                    "Mục tiêu thiếu mốc tiến độ các năm: {years}",
                    "The objective has no milestone for: {years}"
                ),
            )
            .help(tr!(
                lang,
                "Ghi giá trị dự kiến của từng năm trong `milestones:`, ví dụ `{example}: 80`.",
                "Give the planned value for each year under `milestones:`, e.g. `{example}: 80`."
            ))
            .table_help(tr!(lang, "Ghi giá trị dự kiến của từng năm vào các cột năm của lộ trình (ví dụ cột `{example}`: `80`).", "Fill the planned value of each year in the roadmap year columns (e.g. column `{example}`: `80`)."))
        });
    }
}
