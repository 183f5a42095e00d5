//! The report's model: per plan, its coverage of the reform areas and
//! competitiveness items and its compliance; per roadmap year, the
//! deliverables due; per objective, its values. Built from checked files whose
//! typed plans were kept, whatever source they came from.

use std::collections::BTreeMap;

use crate::check::FileReport;
use crate::diagnostic::Severity;
use crate::i18n::Lang;
use crate::model::Plan;
use crate::profile::{self, Direction, Profile};

/// One cell of the coverage matrix.
#[derive(Debug, Clone)]
pub struct Coverage {
    pub code: String,
    /// Tasks naming the area or item.
    pub tasks: usize,
    /// The exemption's reason, when the item is exempted.
    pub exempt: Option<String>,
}

/// A milestone, target or baseline value.
#[derive(Debug, Clone)]
pub struct YearValue {
    pub year: i32,
    pub value: f64,
}

/// One objective of one plan.
#[derive(Debug, Clone)]
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
#[derive(Debug, Clone, Default)]
pub struct Counts {
    pub errors: usize,
    pub warnings: usize,
}

/// Compliance of one plan.
#[derive(Debug, Clone)]
pub struct Compliance {
    pub errors: usize,
    pub warnings: usize,
    pub families: BTreeMap<String, Counts>,
    /// No error: the plan can be submitted.
    pub ready: bool,
}

/// Everything the report shows about one plan.
#[derive(Debug, Clone)]
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
#[derive(Debug, Clone)]
pub struct YearRow {
    pub year: i32,
    pub areas: BTreeMap<String, usize>,
    pub total: usize,
}

/// The whole report.
#[derive(Debug, Clone)]
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
/// `extra`: the profiles that are not built in (the command line's, the configs').
pub fn build(files: &[FileReport], extra: &[&Profile], lang: Lang) -> Report {
    let find = |id: Option<&str>| -> &Profile {
        let id = id.unwrap_or(profile::DEFAULT_ID);
        extra
            .iter()
            .copied()
            .find(|p| p.id == id)
            .or_else(|| profile::find_built_in(id))
            .unwrap_or_else(|| profile::default_profile())
    };
    let name = |vi: &str, en: &str| match lang {
        Lang::Vi => vi.to_owned(),
        Lang::En => en.to_owned(),
    };
    let mut area_names: Vec<(String, String)> = Vec::new();
    let mut item_names: Vec<(String, String)> = Vec::new();
    for f in files.iter().filter(|f| f.skipped.is_none()) {
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
    for f in files.iter().filter(|f| f.skipped.is_none()) {
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
                    .find(|e| e.code == *code && e.has_reason())
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
                    .entry(t.area.as_deref().unwrap_or_default().to_owned())
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
                id: o.id.as_deref().unwrap_or_default().to_owned(),
                area: o.area.as_deref().unwrap_or_default().to_owned(),
                statement: o.statement.as_deref().unwrap_or_default().to_owned(),
                indicator: o.indicator.as_deref().map(str::to_owned),
                unit: o.unit.as_deref().map(str::to_owned),
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
                .entry(d.rule.family.letter().to_string())
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
