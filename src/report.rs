//! `cchc report`: the views a reform office needs over many plans — coverage
//! (plans × reform areas and competitiveness items), the yearly roadmap
//! (years × areas), objectives with their milestones, and compliance — in
//! table, Markdown, CSV, JSON or self-contained HTML.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write;
use std::path::{Path, PathBuf};

use comfy_table::{ContentArrangement, Table, presets::UTF8_FULL_CONDENSED};
use serde::Serialize;

use crate::check::{self, FileReport, Options};
use crate::config::Config;
use crate::diagnostic::{Lang, Severity};
use crate::load::model::Plan;
use crate::profile::{self, Direction, Profile};
use crate::tr;

/// Output formats of `cchc report`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ReportFormat {
    Table,
    Markdown,
    Csv,
    Json,
    Html,
}

#[derive(clap::Args, Debug)]
pub struct ReportArgs {
    /// Plan files or directories.
    #[arg(default_value = ".")]
    pub paths: Vec<PathBuf>,
    #[arg(long, value_enum, default_value = "table")]
    pub format: ReportFormat,
    /// Write the report to FILE (atomically) instead of standard output.
    #[arg(long, short)]
    pub output: Option<PathBuf>,
    /// Directive profile: a built-in id or a profile file.
    #[arg(long)]
    pub profile: Option<String>,
    /// Use no config file.
    #[arg(long)]
    pub no_config: bool,
}

/// One cell of the coverage matrix.
#[derive(Debug, Clone, Serialize)]
pub struct Coverage {
    pub code: String,
    /// Tasks naming the area or item.
    pub tasks: usize,
    /// The exemption's reason, when the item is exempted.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub exempt: Option<String>,
}

/// A milestone, target or baseline value.
#[derive(Debug, Clone, Serialize)]
pub struct YearValue {
    pub year: i32,
    pub value: f64,
}

/// One objective of one plan.
#[derive(Debug, Clone, Serialize)]
pub struct ObjectiveRow {
    pub plan: String,
    pub id: String,
    pub area: String,
    pub statement: String,
    pub indicator: Option<String>,
    pub unit: Option<String>,
    pub baseline: Option<YearValue>,
    pub milestones: Vec<YearValue>,
    pub target: Option<YearValue>,
    /// The parent programme's target for the same or nearest earlier year.
    pub programme: Option<YearValue>,
    /// The plan's target is less ambitious than the programme's.
    pub weaker: bool,
}

/// Errors and warnings of one rule family.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Counts {
    pub errors: usize,
    pub warnings: usize,
}

/// Compliance of one plan.
#[derive(Debug, Clone, Serialize)]
pub struct Compliance {
    pub errors: usize,
    pub warnings: usize,
    pub families: BTreeMap<String, Counts>,
    /// No error: the plan can be submitted.
    pub ready: bool,
}

/// Everything the report shows about one plan.
#[derive(Debug, Clone, Serialize)]
pub struct PlanRow {
    pub path: String,
    pub agency: Option<String>,
    pub number: Option<String>,
    pub profile: Option<String>,
    pub period: Option<String>,
    pub areas: Vec<Coverage>,
    pub competitiveness: Vec<Coverage>,
    pub compliance: Compliance,
}

/// Deliverables of one roadmap year, per area, over all plans.
#[derive(Debug, Clone, Serialize)]
pub struct YearRow {
    pub year: i32,
    pub areas: BTreeMap<String, usize>,
    pub total: usize,
}

/// The whole report (also the JSON document, `schemas/coverage-report.schema.json`).
#[derive(Debug, Clone, Serialize)]
pub struct Report {
    pub schema: u32,
    pub plans: Vec<PlanRow>,
    pub roadmap: Vec<YearRow>,
    pub objectives: Vec<ObjectiveRow>,
    /// Column order and names: reform areas.
    pub area_names: Vec<(String, String)>,
    /// Column order and names: competitiveness items.
    pub item_names: Vec<(String, String)>,
}

/// Builds the report from checked files whose plans were kept.
pub fn build(files: &[FileReport], extra: Option<&Profile>, lang: Lang) -> Report {
    let find = |id: Option<&str>| -> &Profile {
        match (id, extra) {
            (Some(id), Some(p)) if p.id == id => p,
            (Some(id), _) => {
                profile::find_built_in(id).unwrap_or_else(|| profile::default_profile())
            }
            (None, Some(p)) => p,
            (None, None) => profile::default_profile(),
        }
    };
    let name = |vi: &str, en: &str| match lang {
        Lang::Vi => vi.to_owned(),
        Lang::En => en.to_owned(),
    };
    let mut area_names: Vec<(String, String)> = Vec::new();
    let mut item_names: Vec<(String, String)> = Vec::new();
    for f in files.iter().filter(|f| !f.skipped) {
        let p = find(f.profile.as_deref());
        for a in &p.areas {
            if !area_names.iter().any(|(c, _)| *c == a.code) {
                area_names.push((a.code.clone(), name(&a.vi, &a.en)));
            }
        }
        for i in &p.competitiveness {
            if !item_names.iter().any(|(c, _)| *c == i.code) {
                item_names.push((i.code.clone(), name(&i.vi, &i.en)));
            }
        }
    }
    let mut plans = Vec::new();
    let mut objectives = Vec::new();
    let mut roadmap: BTreeMap<i32, BTreeMap<String, usize>> = BTreeMap::new();
    for f in files.iter().filter(|f| !f.skipped) {
        let profile = find(f.profile.as_deref());
        let empty = Plan::default();
        let plan = f.plan.as_ref().unwrap_or(&empty);
        let tasks = plan.tasks.as_deref().unwrap_or_default();
        let info = plan.info.as_ref();
        let areas = area_names
            .iter()
            .map(|(code, _)| Coverage {
                code: code.clone(),
                tasks: tasks
                    .iter()
                    .filter(|t| t.area.as_deref() == Some(code.as_str()))
                    .count(),
                exempt: None,
            })
            .collect();
        let exemptions = plan.exemptions.clone().unwrap_or_default();
        let competitiveness = item_names
            .iter()
            .map(|(code, _)| Coverage {
                code: code.clone(),
                tasks: tasks
                    .iter()
                    .filter(|t| t.competitiveness.iter().any(|(_, c)| c == code))
                    .count(),
                exempt: exemptions
                    .competitiveness
                    .iter()
                    .find(|e| e.code == *code && !e.reason.is_empty())
                    .map(|e| e.reason.clone()),
            })
            .collect();
        let years = info.map(|i| i.roadmap()).unwrap_or_default();
        for t in tasks {
            let mut delivered = t.delivery_years(&years);
            delivered.sort_unstable();
            delivered.dedup();
            for y in delivered.into_iter().filter(|y| years.contains(y)) {
                *roadmap
                    .entry(y)
                    .or_default()
                    .entry(t.area.clone().unwrap_or_default())
                    .or_default() += 1;
            }
        }
        for o in plan.objectives.iter().flatten() {
            let target = o.target.as_ref().and_then(|t| {
                Some(YearValue {
                    year: t.year()?,
                    value: t.number()?,
                })
            });
            let indicator = o.indicator.as_deref().and_then(|i| profile.indicator(i));
            let programme = indicator.zip(target.as_ref()).and_then(|(ind, t)| {
                ind.targets
                    .iter()
                    .filter(|r| r.year <= t.year)
                    .max_by_key(|r| r.year)
                    .map(|r| YearValue {
                        year: r.year,
                        value: r.value,
                    })
            });
            let weaker = match (indicator, &target, &programme) {
                (Some(ind), Some(t), Some(p)) => match ind.direction {
                    Direction::Increase => t.value < p.value,
                    Direction::Decrease => t.value > p.value,
                },
                _ => false,
            };
            let mut milestones: Vec<YearValue> = o
                .milestones
                .iter()
                .flatten()
                .filter_map(|m| {
                    Some(YearValue {
                        year: *m.year.as_ref().ok()?,
                        value: m.value?,
                    })
                })
                .collect();
            milestones.sort_by_key(|m| m.year);
            objectives.push(ObjectiveRow {
                plan: f.path.clone(),
                id: o.id.clone().unwrap_or_default(),
                area: o.area.clone().unwrap_or_default(),
                statement: o.statement.clone().unwrap_or_default(),
                indicator: o.indicator.clone(),
                unit: o.unit.clone(),
                baseline: o.baseline.as_ref().and_then(|b| {
                    Some(YearValue {
                        year: b.year()?,
                        value: b.number()?,
                    })
                }),
                milestones,
                target,
                programme,
                weaker,
            });
        }
        let mut families: BTreeMap<String, Counts> = BTreeMap::new();
        for d in &f.diagnostics {
            let c = families
                .entry(d.diagnostic.rule.family().to_string())
                .or_default();
            match d.severity() {
                Severity::Error => c.errors += 1,
                Severity::Warning => c.warnings += 1,
                Severity::Info => {}
            }
        }
        let errors = f.count(Severity::Error);
        plans.push(PlanRow {
            path: f.path.clone(),
            agency: info.and_then(|i| i.agency.clone()),
            number: info.and_then(|i| i.number.clone()),
            profile: f.profile.clone(),
            period: info
                .and_then(|i| i.period())
                .map(|p| format!("{}–{}", p.from, p.to)),
            areas,
            competitiveness,
            compliance: Compliance {
                errors,
                warnings: f.count(Severity::Warning),
                families,
                ready: errors == 0,
            },
        });
    }
    let roadmap = roadmap
        .into_iter()
        .map(|(year, areas)| YearRow {
            year,
            total: areas.values().sum(),
            areas,
        })
        .collect();
    Report {
        schema: 1,
        plans,
        roadmap,
        objectives,
        area_names,
        item_names,
    }
}

/// A table in a neutral form, rendered by each format.
struct View {
    title: String,
    headers: Vec<String>,
    rows: Vec<Vec<Cell>>,
    notes: Vec<String>,
}

/// A cell: its text, a number for the heat-map, a tooltip.
#[derive(Clone, Default)]
struct Cell {
    text: String,
    heat: Option<usize>,
    title: Option<String>,
    class: Option<&'static str>,
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

/// The four views; `short` uses numbered column headers (with a legend) to fit a terminal.
fn views(r: &Report, lang: Lang, short: bool) -> Vec<View> {
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
    let roadmap = View {
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
    };

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
    let objectives = View {
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
    };

    let families = "PCQMUODXS";
    let mut compliance_headers = vec![
        tr!(lang, "Kế hoạch", "Plan"),
        tr!(lang, "Lỗi", "Errors"),
        tr!(lang, "Cảnh báo", "Warnings"),
    ];
    compliance_headers.extend(families.chars().map(|c| c.to_string()));
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
            for f in families.chars() {
                row.push(Cell::text(
                    c.families
                        .get(&f.to_string())
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
    let compliance = View {
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
    };
    coverage_views.extend([roadmap, objectives, compliance]);
    coverage_views
}

fn render_table(r: &Report, lang: Lang) -> String {
    let mut out = String::new();
    for v in views(r, lang, true) {
        let mut t = Table::new();
        t.load_style(UTF8_FULL_CONDENSED)
            .set_content_arrangement(ContentArrangement::Dynamic)
            .set_width(80);
        t.set_header(v.headers.clone());
        for row in &v.rows {
            t.add_row(
                row.iter()
                    .map(|c| crate::text::printable(&c.text).into_owned())
                    .collect::<Vec<_>>(),
            );
        }
        let _ = writeln!(out, "{}\n{t}", v.title);
        let wrap = textwrap::Options::new(80)
            .initial_indent("  ")
            .subsequent_indent("    ");
        for n in &v.notes {
            let _ = writeln!(out, "{}", textwrap::fill(&crate::text::printable(n), &wrap));
        }
        out.push('\n');
    }
    out
}

fn md_escape(s: &str) -> String {
    crate::text::printable(s)
        .replace('|', "\\|")
        .replace(['\n', '\r'], " ")
}

fn render_markdown(r: &Report, lang: Lang) -> String {
    let mut out = String::new();
    for v in views(r, lang, false) {
        let _ = writeln!(out, "### {}\n", md_escape(&v.title));
        let _ = writeln!(
            out,
            "| {} |",
            v.headers
                .iter()
                .map(|h| md_escape(h))
                .collect::<Vec<_>>()
                .join(" | ")
        );
        let _ = writeln!(out, "|{}", "---|".repeat(v.headers.len()));
        for row in &v.rows {
            let _ = writeln!(
                out,
                "| {} |",
                row.iter()
                    .map(|c| md_escape(&c.text))
                    .collect::<Vec<_>>()
                    .join(" | ")
            );
        }
        out.push('\n');
        for n in &v.notes {
            let _ = writeln!(out, "- {}", md_escape(n));
        }
        out.push('\n');
    }
    out
}

fn csv_field(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_owned()
    }
}

fn render_csv(r: &Report, lang: Lang) -> String {
    // A byte-order mark, so that spreadsheet programs read the Vietnamese text as UTF-8.
    let mut out = String::from("\u{feff}");
    for v in views(r, lang, false) {
        let _ = write!(out, "{}\r\n", csv_field(&v.title));
        let _ = write!(
            out,
            "{}\r\n",
            v.headers
                .iter()
                .map(|h| csv_field(h))
                .collect::<Vec<_>>()
                .join(",")
        );
        for row in &v.rows {
            let _ = write!(
                out,
                "{}\r\n",
                row.iter()
                    .map(|c| csv_field(&c.text))
                    .collect::<Vec<_>>()
                    .join(",")
            );
        }
        for n in &v.notes {
            let _ = write!(out, "{}\r\n", csv_field(n));
        }
        out.push_str("\r\n");
    }
    out
}

fn html_escape(s: &str) -> String {
    crate::text::printable(s)
        .replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// A colour from pale red (0) through yellow to green (max), for the heat-map.
fn heat_colour(n: usize, max: usize) -> String {
    if n == 0 {
        return "#fde2e1".to_owned();
    }
    let t = n as f64 / max.max(1) as f64;
    let hue = 50.0 + 70.0 * t;
    let light = 85.0 - 30.0 * t;
    format!("hsl({hue:.0}, 65%, {light:.0}%)")
}

const CSS: &str = r#"
*{box-sizing:border-box}body{font-family:"Segoe UI",Roboto,"Noto Sans",Arial,sans-serif;margin:1rem;color:#1f2933;line-height:1.4}
h1{font-size:1.4rem;margin:.2rem 0 1rem}h2{font-size:1.1rem;margin:1.6rem 0 .5rem}
.wrap{overflow-x:auto;-webkit-overflow-scrolling:touch;border:1px solid #d2d6dc;border-radius:6px}
table{border-collapse:collapse;width:100%;font-size:.85rem}th,td{border:1px solid #e4e7eb;padding:.3rem .45rem;text-align:center;vertical-align:middle}
th{background:#f0f4f8;font-weight:600}td:first-child,th:first-child{text-align:left;position:sticky;left:0;background:#fff}
th:first-child{background:#f0f4f8}td.exempt{background:#e4e7eb;color:#52606d;font-style:italic}td.neutral{background:#f8fafc}
td.weaker{background:#ffe3b3;font-weight:600}td.ready{background:#c6f7d0}td.not-ready{background:#fde2e1}
ul.notes{font-size:.8rem;color:#52606d;margin:.4rem 0 0;padding-left:1.2rem}.meta{color:#52606d;font-size:.85rem}
@media (max-width:600px){body{margin:.5rem}table{font-size:.75rem}th,td{padding:.2rem .3rem}}
@media print{@page{size:A4 landscape;margin:12mm}body{margin:0;font-size:9pt}.wrap{overflow:visible;border:none}
table{font-size:8pt;page-break-inside:auto}tr{page-break-inside:avoid}h2{page-break-after:avoid}
td,th{-webkit-print-color-adjust:exact;print-color-adjust:exact}}
"#;

fn render_html(r: &Report, lang: Lang) -> String {
    let title = tr!(
        lang,
        "Báo cáo tổng hợp kế hoạch cải cách hành chính",
        "Administrative-reform plans: summary report"
    );
    let mut out = String::new();
    let html_lang = match lang {
        Lang::Vi => "vi",
        Lang::En => "en",
    };
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"{html_lang}\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>{t}</title>\n<style>{CSS}</style>\n</head>\n<body>\n<h1>{t}</h1>\n<p class=\"meta\">{meta}</p>\n",
        t = html_escape(&title),
        meta = html_escape(&tr!(
            lang,
            "{} kế hoạch; tạo bởi cchc {}",
            "{} plans; made by cchc {}",
            r.plans.len(),
            env!("CARGO_PKG_VERSION")
        ))
    );
    for (i, v) in views(r, lang, false).into_iter().enumerate() {
        let id = ["coverage", "roadmap", "objectives", "compliance"]
            .get(i)
            .copied()
            .unwrap_or("view");
        let max = v
            .rows
            .iter()
            .flatten()
            .filter_map(|c| c.heat)
            .max()
            .unwrap_or(0);
        let _ = write!(
            out,
            "<section id=\"{id}\">\n<h2>{}</h2>\n<div class=\"wrap\"><table>\n<thead><tr>",
            html_escape(&v.title)
        );
        for h in &v.headers {
            let _ = write!(out, "<th scope=\"col\">{}</th>", html_escape(h));
        }
        out.push_str("</tr></thead>\n<tbody>\n");
        for row in &v.rows {
            out.push_str("<tr>");
            for (j, c) in row.iter().enumerate() {
                let tag = if j == 0 { "th scope=\"row\"" } else { "td" };
                let close = if j == 0 { "th" } else { "td" };
                let mut attrs = String::new();
                if let Some(class) = c.class {
                    let _ = write!(attrs, " class=\"{class}\"");
                }
                if let Some(t) = &c.title {
                    let _ = write!(attrs, " title=\"{}\"", html_escape(t));
                }
                if let Some(n) = c.heat {
                    if c.class.is_none() {
                        let _ = write!(attrs, " style=\"background:{}\"", heat_colour(n, max));
                    }
                    let _ = write!(attrs, " data-count=\"{n}\"");
                }
                let _ = write!(out, "<{tag}{attrs}>{}</{close}>", html_escape(&c.text));
            }
            out.push_str("</tr>\n");
        }
        out.push_str("</tbody></table></div>\n<ul class=\"notes\">");
        for n in &v.notes {
            let _ = write!(out, "<li>{}</li>", html_escape(n));
        }
        out.push_str("</ul>\n</section>\n");
    }
    out.push_str("</body>\n</html>\n");
    out
}

/// Renders the report in `format`.
pub fn render(r: &Report, format: ReportFormat, lang: Lang) -> String {
    match format {
        ReportFormat::Table => render_table(r, lang),
        ReportFormat::Markdown => render_markdown(r, lang),
        ReportFormat::Csv => render_csv(r, lang),
        ReportFormat::Html => render_html(r, lang),
        ReportFormat::Json => {
            let mut s = serde_json::to_string_pretty(r).unwrap_or_default();
            s.push('\n');
            s
        }
    }
}

/// `cchc report`: checks the plans and renders the views.
pub fn run(args: ReportArgs, cli_lang: Option<Lang>) -> Result<(String, u8), String> {
    let config = if args.no_config {
        None
    } else {
        Config::discover(Path::new("."))
    }
    .map(|p| Config::load(&p, cli_lang.unwrap_or_default()))
    .transpose()?;
    let lang = cli_lang
        .or(config.as_ref().and_then(|c| c.lang))
        .unwrap_or_default();
    let profile = args
        .profile
        .as_deref()
        .map(|p| crate::cli::load_profile(p, lang))
        .transpose()?;
    let opts = Options {
        lang,
        profile: profile.clone(),
        keep_plan: true,
        config,
        ..Options::default()
    };
    let targets = check::targets(&args.paths, opts.config.as_ref());
    let run = check::run(&targets, &opts);
    let report = build(&run.files, profile.as_ref(), lang);
    let text = render(&report, args.format, lang);
    let status = if run.had_unreadable() { 2 } else { 0 };
    crate::cli::deliver(text, args.output.as_deref(), status, lang)
}
