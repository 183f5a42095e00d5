//! P009 invalid-date: a date, deadline, year key or period that cannot be read.

use crate::diagnostic::{Diagnostic, Severity};
use crate::i18n::Lang;
use crate::model::Parsed;
use crate::model::deadline::{self, Unreadable};
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
            vi: "`issued`, `due`, một mục năm (`milestones`, `schedule`), `target.year`/`baseline.year` hoặc `period` không đọc được theo các dạng của định dạng, là ngày không có thật (2022-02-30), hoặc `period.from` lớn hơn `period.to`.",
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

const DUE_HELP_VI: &str = "Viết theo một dạng: `30/6/2023`, `Tháng 6/2023`, `Quý II/2023`, `6 tháng đầu năm 2023`, `Năm 2023`, `Giai đoạn 2022-2025`, `Hằng tháng`, `Hằng quý`, `Hằng năm`, `Quý I hằng năm`.";
const DUE_HELP_EN: &str = "Use one of the forms: `30/6/2023` (day first), `Tháng 6/2023`, `Quý II/2023`, `6 tháng đầu năm 2023`, `2023`, `2022-2025`, `monthly`, `quarterly`, `annually`, `Quý I hằng năm`.";

/// What to write instead of an unreadable date or deadline, from why it could not be read.
fn help(raw: &str, day_only: bool, lang: Lang) -> String {
    match deadline::diagnose(raw) {
        Unreadable::NoSuchDay { year, month, day } => {
            let days = deadline::days_in_month(year, month);
            tr!(
                lang,
                "Tháng {month}/{year} chỉ có {days} ngày, không có ngày {day}: kiểm tra lại ngày, ví dụ `{days}/{month}/{year}` ({year}-{month:02}-{days:02}).",
                "Month {month} of {year} has only {days} days, not {day}: check the day, e.g. `{days}/{month}/{year}` ({year}-{month:02}-{days:02})."
            )
        }
        Unreadable::MonthFirst(d) => {
            let (dd, mm, y) = (d.day, d.month, d.year);
            tr!(
                lang,
                "Ngày được viết trước tháng: nếu là ngày {dd} tháng {mm} năm {y}, viết `{dd}/{mm}/{y}` hoặc `{d}`.",
                "Dates are written day first: for {y}-{mm:02}-{dd:02}, write `{dd}/{mm}/{y}` or `{d}`."
            )
        }
        Unreadable::NoSuchMonth => tr!(
            lang,
            "Tháng phải từ 1 đến 12 và quý từ I đến IV, ví dụ `Tháng 6/2023`, `Quý II/2023`.",
            "Months go from 1 to 12 and quarters from I to IV, e.g. `Tháng 6/2023`, `Quý II/2023`."
        ),
        Unreadable::NotADay if day_only => tr!(
            lang,
            "Ngày ban hành là một ngày cụ thể, ví dụ `10/12/2021` hoặc `2021-12-10`.",
            "The issue date is one day, e.g. `10/12/2021` or `2021-12-10`."
        ),
        _ if day_only => tr!(
            lang,
            "Viết ngày theo dạng ngày/tháng/năm, ví dụ `10/12/2021`, `ngày 10 tháng 12 năm 2021` hoặc `2021-12-10`.",
            "Write the date day first, e.g. `10/12/2021`, `ngày 10 tháng 12 năm 2021` or `2021-12-10`."
        ),
        _ => tr!(lang, "{DUE_HELP_VI}", "{DUE_HELP_EN}"),
    }
}

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
                .help(help(raw, true, lang))
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
                .help(help(raw, false, lang))
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
                "Mục `{shown}` không phải một năm",
                "Key `{shown}` is not a year"
            ),
        )
        .help(tr!(
            lang,
            "Mỗi mục ở đây là một năm 4 chữ số, ví dụ `2023: 80`.",
            "Each key here is a four-digit year, e.g. `2023: 80`."
        ))
    });
}
