//! P009 invalid-date: a date, deadline, year key or period that cannot be read.

use crate::diagnostic::{Diagnostic, Severity};
use crate::model::Parsed;
use crate::location::{Part, Pointer};
use crate::i18n::Text;
use crate::rules::{Check, Context, Docs, Family, Rule};
use crate::{text, tr};

pub static RULE: Rule = Rule {
    code: "P009",
    name: "invalid-date",
    family: Family::Input,
    severity: Severity::Error,
    check: Check::Plan(check),
    docs: Docs {
        what: Text {
            vi: "`issued`, `due`, một khóa năm (`milestones`, `schedule`), `target.year`/`baseline.year` hoặc `period` không đọc được theo các dạng của định dạng, là ngày không có thật (2022-02-30), hoặc `period.from` lớn hơn `period.to`.",
            en: "`issued`, `due`, a year key (`milestones`, `schedule`), `target.year`/`baseline.year` or `period` cannot be read in the forms the format allows, names an impossible date (2022-02-30), or `period.from > period.to`.",
        },
        why: Text {
            vi: "Văn bản yêu cầu \"chi tiết thời gian hoàn thành theo lộ trình từng năm\": thời hạn phải đọc được thì mới xếp được vào lộ trình.",
            en: "The directive asks for \"completion times per a yearly roadmap\": a deadline must be readable to be placed on the roadmap.",
        },
        bad: "    due: cuối năm 2023\n",
        good: "    due: 2023-12-31      # hoặc Quý IV/2023, 12/2023, 2023\n",
        fix: Text {
            vi: "Viết thời hạn theo một dạng: `2023-06-30`, `06/2023`, `tháng 6/2023`, `Quý II/2023`, `2023`, `2022-2025`, `hằng tháng`, `hằng quý`, `hằng năm`.",
            en: "Write the deadline in one of the forms: `2023-06-30`, `06/2023`, `tháng 6/2023`, `Quý II/2023`, `2023`, `2022-2025`, `monthly`, `quarterly`, `annually`.",
        },
    },
};

const DUE_HELP_VI: &str = "Viết theo một dạng: `2023-06-30`, `06/2023`, `tháng 6/2023`, `Quý II/2023`, `2023`, `2022-2025`, `hằng tháng`, `hằng quý`, `hằng năm`.";
const DUE_HELP_EN: &str = "Use one of the forms: `2023-06-30`, `06/2023`, `tháng 6/2023`, `Quý II/2023`, `2023`, `2022-2025`, `monthly`, `quarterly`, `annually`.";

fn check(ctx: &mut Context) {
    let lang = ctx.lang;
    let plan = ctx.plan;
    if let Some(info) = &plan.info {
        if let Some(Err(raw)) = &info.issued {
            let shown = text::printable(raw);
            ctx.report(|| {
                Diagnostic::new(Pointer::keys(&["plan", "issued"]),
                    Part::Value,
                    tr!(
                        lang,
                        "Ngày ban hành `{shown}` không hợp lệ",
                        "Issue date `{shown}` is not a valid date"
                    ),
                )
                .help(tr!(
                    lang,
                    "Viết ngày có thật theo dạng `NNNN-TT-NN`, ví dụ `2021-12-10`.",
                    "Write a real date as `YYYY-MM-DD`, e.g. `2021-12-10`."
                ))
            });
        }
        if let Some(period) = &info.period {
            year(ctx, Pointer::keys(&["plan", "period", "from"]), &period.from);
            year(ctx, Pointer::keys(&["plan", "period", "to"]), &period.to);
            if let (Some(Ok(from)), Some(Ok(to))) = (&period.from, &period.to)
                && from > to
            {
                ctx.report(|| Diagnostic::new(Pointer::keys(&["plan", "period"]), Part::Value, tr!(lang, "Giai đoạn bắt đầu năm {from} sau năm kết thúc {to}", "The period starts in {from}, after it ends in {to}"))
                        .help(tr!(lang, "Đổi lại để `from` không lớn hơn `to`, ví dụ `period: {{from: {to}, to: {from}}}`.", "Swap them so that `from` is not after `to`, e.g. `period: {{from: {to}, to: {from}}}`.")),
                );
            }
        }
    }
    for o in plan.objectives.iter().flatten() {
        if let Some(b) = &o.baseline {
            year(ctx, o.at("baseline").key("year"), &b.year);
        }
        if let Some(t) = &o.target {
            year(ctx, o.at("target").key("year"), &t.year);
        }
        for m in o.milestones.iter().flatten() {
            if m.year.is_err() {
                year_key(
                    ctx,
                    o.at("milestones").key(m.key.clone()),
                    &m.key,
                );
            }
        }
    }
    for t in ctx.tasks() {
        if let Some(Err(raw)) = &t.due {
            let shown = text::printable(raw);
            ctx.report(|| {
                Diagnostic::new(t.at("due"),
                    Part::Value,
                    tr!(
                        lang,
                        "Không đọc được thời hạn `{shown}`",
                        "Cannot read the deadline `{shown}`"
                    ),
                )
                .help(tr!(lang, "{DUE_HELP_VI}", "{DUE_HELP_EN}"))
            });
        }
        for s in t.schedule.iter().flatten() {
            if s.year.is_err() {
                year_key(
                    ctx,
                    t.at("schedule").key(s.key.clone()),
                    &s.key,
                );
            }
        }
    }
}

fn year(ctx: &mut Context, pointer: Pointer, value: &Option<Parsed<i32>>) {
    if let Some(Err(raw)) = value {
        let lang = ctx.lang;
        let shown = text::printable(raw);
        ctx.report(|| {
            Diagnostic::new(pointer,
                Part::Value,
                tr!(
                    lang,
                    "`{shown}` không phải một năm",
                    "`{shown}` is not a year"
                ),
            )
            .help(tr!(
                lang,
                "Viết năm bằng 4 chữ số, ví dụ `2025`.",
                "Write the year with four digits, e.g. `2025`."
            ))
        });
    }
}

fn year_key(ctx: &mut Context, pointer: Pointer, key: &str) {
    let lang = ctx.lang;
    let shown = text::printable(key);
    ctx.report(|| {
        Diagnostic::new(pointer,
            Part::Key,
            tr!(
                lang,
                "Khóa `{shown}` không phải một năm",
                "Key `{shown}` is not a year"
            ),
        )
        .help(tr!(
            lang,
            "Mỗi khóa ở đây là một năm 4 chữ số, ví dụ `2023: 80`.",
            "Each key here is a four-digit year, e.g. `2023: 80`."
        ))
    });
}
