//! The report's views in a neutral form — titled tables of cells with notes —
//! one function per view, rendered by each output format.

use std::collections::{BTreeMap, BTreeSet};

use crate::i18n::Lang;
use crate::report::model::{Coverage, PlanRow, Report};
use crate::rules::Family;
use crate::tr;

/// A table in a neutral form, rendered by each format.
pub struct View {
    pub title: String,
    pub headers: Vec<String>,
    pub rows: Vec<Vec<Cell>>,
    pub notes: Vec<String>,
}

impl View {
    /// The largest heat-map count of the view (0 when it has none).
    pub fn max_heat(&self) -> usize {
        self.rows
            .iter()
            .flatten()
            .filter_map(|c| c.heat)
            .max()
            .unwrap_or(0)
    }
}

/// A cell: its text, a number for the heat-map, a tooltip.
#[derive(Clone, Default)]
pub struct Cell {
    pub text: String,
    pub heat: Option<usize>,
    pub title: Option<String>,
    pub class: Option<&'static str>,
}

impl Cell {
    fn text(s: impl Into<String>) -> Self {
        Cell {
            text: s.into(),
            ..Cell::default()
        }
    }
}

fn fmt_num(v: f64) -> String {
    if v.fract() == 0.0 && v.abs() < 1e15 {
        format!("{}", v as i64)
    } else {
        format!("{v}")
    }
}

fn plan_label(p: &PlanRow) -> String {
    p.agency.clone().unwrap_or_else(|| p.path.clone())
}

/// The four views (coverage in two tables when `short`); `short` uses numbered
/// column headers (with a legend) to fit a terminal.
pub fn all(r: &Report, lang: Lang, short: bool) -> Vec<View> {
    let mut views = coverage(r, lang, short);
    views.extend([
        roadmap(r, lang, short),
        objectives(r, lang, short),
        compliance(r, lang),
    ]);
    views
}

/// Plans × reform areas and competitiveness items: tasks per cell, exemptions noted.
fn coverage(r: &Report, lang: Lang, short: bool) -> Vec<View> {
    let exempt_word = if short {
        "*".to_owned()
    } else {
        tr!(lang, "miễn", "exempt")
    };
    let mut footnotes = Vec::new();
    let area_cell = |c: &Coverage| {
        let class = if c.code == "direction" {
            Some("neutral")
        } else {
            None
        };
        Cell {
            text: if c.tasks == 0 {
                "—".into()
            } else {
                c.tasks.to_string()
            },
            heat: Some(c.tasks),
            class,
            ..Cell::default()
        }
    };
    let mut item_cell = |p: &PlanRow, c: &Coverage| match &c.exempt {
        Some(reason) if c.tasks == 0 => {
            footnotes.push(format!(
                "[{}] {}: {} — {}",
                footnotes.len() + 1,
                plan_label(p),
                c.code,
                reason
            ));
            Cell {
                text: if short {
                    format!("{exempt_word}{}", footnotes.len())
                } else {
                    format!("{exempt_word} [{}]", footnotes.len())
                },
                title: Some(reason.clone()),
                class: Some("exempt"),
                ..Cell::default()
            }
        }
        _ => Cell {
            text: if c.tasks == 0 {
                "—".into()
            } else {
                c.tasks.to_string()
            },
            heat: Some(c.tasks),
            ..Cell::default()
        },
    };
    let label = |i: usize, letters: bool| {
        if letters {
            ((b'a' + (i % 26) as u8) as char).to_string()
        } else {
            (i + 1).to_string()
        }
    };
    let plan_header = tr!(lang, "Kế hoạch", "Plan");
    let cells_note = tr!(
        lang,
        "Số trong ô: số nhiệm vụ; — : chưa có nhiệm vụ; {exempt_word}n: miễn áp dụng, lý do ở chú thích [n].",
        "Cells: number of tasks; — : no task; {exempt_word}n: exempted, reason in note [n]."
    );
    let mut coverage_views = Vec::new();
    if short {
        // A terminal is 80 columns wide: areas and competitiveness items in two tables.
        let mut headers = vec![plan_header.clone()];
        let mut notes = Vec::new();
        for (i, (code, name)) in r.area_names.iter().enumerate() {
            headers.push(label(i, false));
            notes.push(format!("{} = {name} ({code})", label(i, false)));
        }
        let rows = r
            .plans
            .iter()
            .map(|p| {
                std::iter::once(Cell::text(plan_label(p)))
                    .chain(p.areas.iter().map(area_cell))
                    .collect()
            })
            .collect();
        notes.push(cells_note.clone());
        coverage_views.push(View {
            title: tr!(lang, "Độ bao phủ: nội dung CCHC", "Coverage: reform areas"),
            headers,
            rows,
            notes,
        });
        let mut headers = vec![plan_header.clone()];
        let mut notes = Vec::new();
        for (i, (code, name)) in r.item_names.iter().enumerate() {
            headers.push(label(i, true));
            notes.push(format!("{} = {name} ({code})", label(i, true)));
        }
        let rows = r
            .plans
            .iter()
            .map(|p| {
                std::iter::once(Cell::text(plan_label(p)))
                    .chain(p.competitiveness.iter().map(|c| item_cell(p, c)))
                    .collect()
            })
            .collect();
        notes.push(cells_note);
        notes.extend(footnotes);
        coverage_views.push(View {
            title: tr!(
                lang,
                "Độ bao phủ: năng lực cạnh tranh cấp tỉnh",
                "Coverage: competitiveness items"
            ),
            headers,
            rows,
            notes,
        });
    } else {
        let mut headers = vec![plan_header.clone()];
        headers.extend(r.area_names.iter().map(|(_, n)| n.clone()));
        headers.extend(r.item_names.iter().map(|(_, n)| n.clone()));
        let rows = r
            .plans
            .iter()
            .map(|p| {
                let mut row = vec![Cell::text(plan_label(p))];
                row.extend(p.areas.iter().map(area_cell));
                row.extend(p.competitiveness.iter().map(|c| item_cell(p, c)));
                row
            })
            .collect();
        let mut notes = vec![cells_note];
        notes.extend(footnotes);
        coverage_views.push(View {
            title: tr!(
                lang,
                "Độ bao phủ: nội dung CCHC và năng lực cạnh tranh cấp tỉnh",
                "Coverage: reform areas and competitiveness items"
            ),
            headers,
            rows,
            notes,
        });
    }
    coverage_views
}

/// Years × areas: the deliverables due.
fn roadmap(r: &Report, lang: Lang, short: bool) -> View {
    let area_cols: Vec<&(String, String)> = r.area_names.iter().collect();
    let mut roadmap_headers = vec![tr!(lang, "Năm", "Year")];
    for (i, (_, name)) in area_cols.iter().enumerate() {
        roadmap_headers.push(if short {
            format!("{}", i + 1)
        } else {
            name.clone()
        });
    }
    roadmap_headers.push(tr!(lang, "Tổng", "Total"));
    let roadmap_rows = r
        .roadmap
        .iter()
        .map(|y| {
            let mut row = vec![Cell::text(y.year.to_string())];
            for (code, _) in &area_cols {
                let n = y.areas.get(code).copied().unwrap_or(0);
                row.push(Cell {
                    text: n.to_string(),
                    heat: Some(n),
                    ..Cell::default()
                });
            }
            row.push(Cell::text(y.total.to_string()));
            row
        })
        .collect();
    View {
        title: tr!(
            lang,
            "Lộ trình từng năm: số sản phẩm đến hạn theo nội dung",
            "Yearly roadmap: deliverables due per area"
        ),
        headers: roadmap_headers,
        rows: roadmap_rows,
        notes: vec![tr!(
            lang,
            "Nhiệm vụ định kỳ được tính ở mọi năm của lộ trình; khoảng năm ở từng năm của khoảng.",
            "Recurring tasks count in every roadmap year; a year range in each of its years."
        )],
    }
}

/// Each objective's baseline, milestones and target, beside the programme's.
fn objectives(r: &Report, lang: Lang, short: bool) -> View {
    let years: BTreeSet<i32> = if short {
        BTreeSet::new()
    } else {
        r.objectives
            .iter()
            .flat_map(|o| o.milestones.iter().map(|m| m.year))
            .collect()
    };
    let mut objective_headers = vec![
        tr!(lang, "Kế hoạch", "Plan"),
        tr!(lang, "Mục tiêu", "Objective"),
    ];
    if !short {
        objective_headers.push(tr!(lang, "Chỉ tiêu", "Indicator"));
    }
    objective_headers.extend([tr!(lang, "Đơn vị", "Unit"), tr!(lang, "Cơ sở", "Baseline")]);
    if short {
        // One column of "year: value" pairs, so that any number of years fits 80 columns.
        objective_headers.push(tr!(lang, "Mốc từng năm", "Yearly milestones"));
    }
    objective_headers.extend(years.iter().map(i32::to_string));
    objective_headers.push(tr!(lang, "Mục tiêu", "Target"));
    objective_headers.push(tr!(lang, "Chỉ tiêu cấp trên", "Programme"));
    let plans_by_path: BTreeMap<&str, &PlanRow> =
        r.plans.iter().map(|p| (p.path.as_str(), p)).collect();
    let objective_rows = r
        .objectives
        .iter()
        .map(|o| {
            let plan = plans_by_path.get(o.plan.as_str()).copied();
            let label = match plan {
                Some(p) if short => p.number.clone().unwrap_or_else(|| plan_label(p)),
                Some(p) => plan_label(p),
                None => o.plan.clone(),
            };
            let id = match (&o.indicator, short) {
                (Some(i), true) => format!("{} ({i})", o.id),
                _ => o.id.clone(),
            };
            let mut row = vec![
                Cell::text(label),
                Cell {
                    text: id,
                    title: Some(o.statement.clone()),
                    ..Cell::default()
                },
            ];
            if !short {
                row.push(Cell::text(o.indicator.clone().unwrap_or_default()));
            }
            row.push(Cell::text(o.unit.clone().unwrap_or_default()));
            row.push(Cell::text(
                o.baseline
                    .as_ref()
                    .map(|b| format!("{} ({})", fmt_num(b.value), b.year))
                    .unwrap_or_default(),
            ));
            if short {
                row.push(Cell::text(
                    o.milestones
                        .iter()
                        .map(|m| format!("{}: {}", m.year, fmt_num(m.value)))
                        .collect::<Vec<_>>()
                        .join(", "),
                ));
            }
            for y in &years {
                row.push(Cell::text(
                    o.milestones
                        .iter()
                        .find(|m| m.year == *y)
                        .map(|m| fmt_num(m.value))
                        .unwrap_or_default(),
                ));
            }
            row.push(Cell::text(
                o.target
                    .as_ref()
                    .map(|t| format!("{} ({})", fmt_num(t.value), t.year))
                    .unwrap_or_else(|| "—".into()),
            ));
            row.push(match &o.programme {
                Some(p) if o.weaker => Cell {
                    text: format!("{} ({}) ⚠", fmt_num(p.value), p.year),
                    class: Some("weaker"),
                    title: Some(tr!(
                        lang,
                        "Mục tiêu của kế hoạch thấp hơn chỉ tiêu cấp trên",
                        "The plan's target is weaker than the programme's"
                    )),
                    ..Cell::default()
                },
                Some(p) => Cell::text(format!("{} ({})", fmt_num(p.value), p.year)),
                None => Cell::text(""),
            });
            row
        })
        .collect();
    View {
        title: tr!(
            lang,
            "Mục tiêu: giá trị cơ sở, mốc từng năm, mục tiêu",
            "Objectives: baseline, yearly milestones, target"
        ),
        headers: objective_headers,
        rows: objective_rows,
        notes: vec![tr!(
            lang,
            "⚠: mục tiêu thấp hơn chỉ tiêu của chương trình cấp trên (Q004).",
            "⚠: the target is weaker than the parent programme's (Q004)."
        )],
    }
}

/// Errors and warnings per plan and rule family, and whether it can be submitted.
fn compliance(r: &Report, lang: Lang) -> View {
    let mut compliance_headers = vec![
        tr!(lang, "Kế hoạch", "Plan"),
        tr!(lang, "Lỗi", "Errors"),
        tr!(lang, "Cảnh báo", "Warnings"),
    ];
    // The T rules apply to office documents only: their column is shown when one is in the report.
    let families: Vec<Family> = Family::ALL
        .into_iter()
        .filter(|f| {
            *f != Family::Tables
                || r.plans
                    .iter()
                    .any(|p| crate::source::office::Kind::of(&p.path).is_some())
        })
        .collect();
    compliance_headers.extend(families.iter().map(|f| f.letter().to_string()));
    compliance_headers.push(tr!(lang, "Sẵn sàng trình", "Ready"));
    let compliance_rows = r
        .plans
        .iter()
        .map(|p| {
            let c = &p.compliance;
            let mut row = vec![
                Cell::text(plan_label(p)),
                Cell::text(c.errors.to_string()),
                Cell::text(c.warnings.to_string()),
            ];
            for f in &families {
                row.push(Cell::text(
                    c.families
                        .get(&f.letter().to_string())
                        .map(|n| format!("{}/{}", n.errors, n.warnings))
                        .unwrap_or_default(),
                ));
            }
            row.push(Cell {
                text: if c.ready {
                    tr!(lang, "có", "yes")
                } else {
                    tr!(lang, "chưa", "no")
                },
                class: Some(if c.ready { "ready" } else { "not-ready" }),
                ..Cell::default()
            });
            row
        })
        .collect();
    View {
        title: tr!(
            lang,
            "Tuân thủ: lỗi/cảnh báo theo nhóm quy tắc",
            "Compliance: errors/warnings per rule family"
        ),
        headers: compliance_headers,
        rows: compliance_rows,
        notes: vec![tr!(
            lang,
            "Nhóm: P cấu trúc, C bao phủ, Q định lượng, M lộ trình, U trách nhiệm, O sản phẩm, D hoạt động, X giữa các tệp, S chú thích bỏ qua. Ô: lỗi/cảnh báo.",
            "Families: P structure, C coverage, Q quantified, M roadmap, U responsibility, O outputs, D activities, X across files, S suppressions. Cells: errors/warnings."
        )],
    }
}
