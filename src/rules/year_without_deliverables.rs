//! M007 year-without-deliverables: a roadmap year in which no task is due.

use crate::diagnostic::{Diagnostic, Severity};
use crate::location::{Part, Pointer};
use crate::i18n::Text;
use crate::rules::{Check, Context, Docs, Family, Rule};
use crate::tr;

pub static RULE: Rule = Rule {
    code: "M007",
    name: "year-without-deliverables",
    family: Family::Roadmap,
    severity: Severity::Error,
    check: Check::Plan(check),
    docs: Docs {
        what: Text {
            vi: "Một năm của lộ trình không có nhiệm vụ nào đến hạn; mỗi năm một thông báo, tại `tasks:`. Nhiệm vụ định kỳ (`hằng tháng/quý/năm`) tính cho mọi năm, khoảng năm tính cho từng năm trong khoảng, nhiệm vụ có `schedule` tính cho mỗi năm được nêu.",
            en: "A roadmap year in which no task is due; one per year, at `tasks:`. A recurring task counts in every roadmap year, a year range in each of its years, a task with a `schedule` in each year it lists.",
        },
        why: Text {
            vi: "7946/UBND-NCPC: \"chi tiết thời gian hoàn thành theo lộ trình từng năm\" — mỗi năm phải có kết quả.",
            en: "7946/UBND-NCPC: completion times per a yearly roadmap — every year must deliver something.",
        },
        bad: "plan:\n  period: {from: 2022, to: 2025}\ntasks:\n  - {id: NV1, due: 2022}\n  - {id: NV2, due: 2025}\n",
        good: "plan:\n  period: {from: 2022, to: 2025}\ntasks:\n  - {id: NV1, due: 2022}\n  - {id: NV2, due: 2025}\n  - {id: NV3, due: annually}\n",
        fix: Text {
            vi: "Phân bổ nhiệm vụ cho năm còn trống, hoặc thêm `schedule:` nêu sản phẩm của năm đó.",
            en: "Schedule a task in the empty year, or add a `schedule:` giving that year's deliverable.",
        },
    },
};

fn check(ctx: &mut Context) {
    let Some(tasks) = ctx.task_section() else {
        return;
    };
    let roadmap = ctx.roadmap();
    let lang = ctx.lang;
    // Which roadmap years some task delivers in; most plans cover them all
    // within their first tasks, and the rest are not read.
    let mut covered = vec![false; roadmap.len()];
    let mut left = roadmap.len();
    for t in tasks {
        if left == 0 {
            break;
        }
        for year in t.delivers(&roadmap) {
            if let Some(i) = roadmap.iter().position(|y| *y == year)
                && !covered[i]
            {
                covered[i] = true;
                left -= 1;
            }
        }
    }
    for (year, _) in roadmap.iter().zip(&covered).filter(|(_, c)| !**c) {
        ctx.report(|| Diagnostic::new(Pointer::keys(&["tasks"]), Part::Key, tr!(lang, "Năm {year} của lộ trình không có nhiệm vụ nào đến hạn", "No task is due in roadmap year {year}"))
                .help(tr!(lang, "Đặt thời hạn của ít nhất một nhiệm vụ trong năm {year}, hoặc nêu sản phẩm năm {year} trong `schedule:`.", "Give at least one task a deadline in {year}, or a {year} deliverable under `schedule:`."))
            .item(year.to_string())
        );
    }
}
