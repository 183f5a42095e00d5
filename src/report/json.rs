//! `report --format json`: the versioned document of
//! `schemas/coverage-report.schema.json`. It has its own output structs; the
//! report's model is never serialised directly.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::report::model::{self, Report};

#[derive(Serialize)]
struct Document<'a> {
    schema: u32,
    plans: Vec<Plan<'a>>,
    roadmap: Vec<Year<'a>>,
    objectives: Vec<Objective<'a>>,
    area_names: Vec<(&'a str, &'a str)>,
    item_names: Vec<(&'a str, &'a str)>,
}

#[derive(Serialize)]
struct Coverage<'a> {
    code: &'a str,
    tasks: usize,
    #[serde(skip_serializing_if = "Option::is_none")]
    exempt: Option<&'a str>,
}

#[derive(Serialize)]
struct YearValue {
    year: i32,
    value: f64,
}

#[derive(Serialize)]
struct Objective<'a> {
    plan: &'a str,
    id: &'a str,
    area: &'a str,
    statement: &'a str,
    indicator: Option<&'a str>,
    unit: Option<&'a str>,
    baseline: Option<YearValue>,
    milestones: Vec<YearValue>,
    target: Option<YearValue>,
    programme: Option<YearValue>,
    weaker: bool,
}

#[derive(Serialize)]
struct Counts {
    errors: usize,
    warnings: usize,
}

#[derive(Serialize)]
struct Compliance<'a> {
    errors: usize,
    warnings: usize,
    families: BTreeMap<&'a str, Counts>,
    ready: bool,
}

#[derive(Serialize)]
struct Plan<'a> {
    path: &'a str,
    agency: Option<&'a str>,
    number: Option<&'a str>,
    profile: Option<&'a str>,
    period: Option<&'a str>,
    areas: Vec<Coverage<'a>>,
    competitiveness: Vec<Coverage<'a>>,
    compliance: Compliance<'a>,
}

#[derive(Serialize)]
struct Year<'a> {
    year: i32,
    areas: BTreeMap<&'a str, usize>,
    total: usize,
}

fn year_value(v: &model::YearValue) -> YearValue {
    YearValue {
        year: v.year,
        value: v.value,
    }
}

fn coverage(list: &[model::Coverage]) -> Vec<Coverage<'_>> {
    list.iter()
        .map(|c| Coverage {
            code: &c.code,
            tasks: c.tasks,
            exempt: c.exempt.as_deref(),
        })
        .collect()
}

fn names(list: &[(String, String)]) -> Vec<(&str, &str)> {
    list.iter().map(|(c, n)| (c.as_str(), n.as_str())).collect()
}

pub fn render(r: &Report) -> String {
    let doc = Document {
        schema: r.schema,
        plans: r
            .plans
            .iter()
            .map(|p| Plan {
                path: &p.path,
                agency: p.agency.as_deref(),
                number: p.number.as_deref(),
                profile: p.profile.as_deref(),
                period: p.period.as_deref(),
                areas: coverage(&p.areas),
                competitiveness: coverage(&p.competitiveness),
                compliance: Compliance {
                    errors: p.compliance.errors,
                    warnings: p.compliance.warnings,
                    families: p
                        .compliance
                        .families
                        .iter()
                        .map(|(f, c)| {
                            let counts = Counts {
                                errors: c.errors,
                                warnings: c.warnings,
                            };
                            (f.as_str(), counts)
                        })
                        .collect(),
                    ready: p.compliance.ready,
                },
            })
            .collect(),
        roadmap: r
            .roadmap
            .iter()
            .map(|y| Year {
                year: y.year,
                areas: y.areas.iter().map(|(a, n)| (a.as_str(), *n)).collect(),
                total: y.total,
            })
            .collect(),
        objectives: r
            .objectives
            .iter()
            .map(|o| Objective {
                plan: &o.plan,
                id: &o.id,
                area: &o.area,
                statement: &o.statement,
                indicator: o.indicator.as_deref(),
                unit: o.unit.as_deref(),
                baseline: o.baseline.as_ref().map(year_value),
                milestones: o.milestones.iter().map(year_value).collect(),
                target: o.target.as_ref().map(year_value),
                programme: o.programme.as_ref().map(year_value),
                weaker: o.weaker,
            })
            .collect(),
        area_names: names(&r.area_names),
        item_names: names(&r.item_names),
    };
    let mut s = serde_json::to_string_pretty(&doc).unwrap_or_default();
    s.push('\n');
    s
}
