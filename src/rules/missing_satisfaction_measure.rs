//! D007 missing-satisfaction-measure: no objective uses the satisfaction indicator.

use crate::diagnostic::{Diagnostic, Severity};
use crate::location::{Part, Pointer};
use crate::i18n::Text;
use crate::rules::{Check, Context, Docs, Family, Rule};
use crate::tr;

pub static RULE: Rule = Rule {
    code: "D007",
    name: "missing-satisfaction-measure",
    family: Family::Directive,
    severity: Severity::Warning,
    check: Check::Plan(check),
    docs: Docs {
        what: Text {
            vi: "Không có mục tiêu nào dùng chỉ tiêu đo sự hài lòng của hồ sơ (`indicator: satisfaction` với văn bản mặc định); báo tại `objectives:`.",
            en: "No objective uses the profile's satisfaction indicator (`indicator: satisfaction` for the default); reported at `objectives:`.",
        },
        why: Text {
            vi: "Chỉ thị 23/CT-TTg: \"lấy người dân làm trung tâm, lấy sự hài lòng của người dân làm thước đo\".",
            en: "Directive 23/CT-TTg: put people at the centre and take their satisfaction as the measure.",
        },
        bad: "objectives:\n  - {id: MT1, area: procedures, indicator: online_services}\n",
        good: "objectives:\n  - id: MT2\n    area: procedures\n    statement: Mức độ hài lòng của người dân đạt từ 90% trở lên\n    indicator: satisfaction\n    unit: \"%\"\n    target: {year: 2025, value: 90}\n",
        fix: Text {
            vi: "Thêm một mục tiêu về mức độ hài lòng của người dân, doanh nghiệp với `indicator:` là chỉ tiêu hài lòng.",
            en: "Add an objective on citizens' and businesses' satisfaction whose `indicator:` is the satisfaction indicator.",
        },
    },
};

fn check(ctx: &mut Context) {
    let Some(code) = ctx.profile.satisfaction_indicator.as_deref() else {
        return;
    };
    let Some(objectives) = ctx.plan.objectives.as_deref() else {
        return;
    };
    if objectives
        .iter()
        .any(|o| o.indicator.as_deref() == Some(code))
    {
        return;
    }
    let lang = ctx.lang;
    ctx.report(|| {
        Diagnostic::new(Pointer::keys(&["objectives"]),
            Part::Key,
            tr!(
                lang,
                "Chưa có mục tiêu đo sự hài lòng của người dân, doanh nghiệp",
                "No objective measures citizens' and businesses' satisfaction"
            ),
        )
        .help(tr!(
            lang,
            "Thêm một mục tiêu có `indicator: {code}`, ví dụ mức độ hài lòng đạt từ 90% trở lên.",
            "Add an objective with `indicator: {code}`, e.g. satisfaction of at least 90%."
        ))
    });
}
