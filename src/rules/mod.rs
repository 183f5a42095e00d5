//! The rule registry: one static list of every rule, and the context a plan
//! rule receives. Each rule lives in its own file with its code, name, default
//! severity and user-facing docs beside the check; `explain`, `rules` and the
//! README table read that one declaration.

use crate::diagnostic::{Diagnostic, Lang, Severity, Sink};
use crate::load::model::{Plan, Task};
use crate::load::yaml::{self, Node, Part};
use crate::profile::Profile;

pub mod ambiguous_lead;
pub mod area_without_objective;
pub mod deadline_before_issue;
pub mod deadline_outside_period;
pub mod duplicate_id;
pub mod duplicate_plan_number;
pub mod idle_unit;
pub mod input_limit;
pub mod invalid_code;
pub mod invalid_date;
pub mod invalid_exemption;
pub mod invalid_structure;
pub mod lead_also_support;
pub mod milestone_regression;
pub mod milestone_target_mismatch;
pub mod missing_communication_audience;
pub mod missing_competitiveness_item;
pub mod missing_deadline;
pub mod missing_directive_task;
pub mod missing_key_task;
pub mod missing_lead;
pub mod missing_milestone;
pub mod missing_monthly_briefing;
pub mod missing_output;
pub mod missing_reference;
pub mod missing_reform_area;
pub mod missing_resources;
pub mod missing_satisfaction_measure;
pub mod missing_yearly_schedule;
pub mod not_utf8;
pub mod overlapping_agency_plans;
pub mod period_outside_directive;
pub mod suppression_without_reason;
pub mod target_out_of_range;
pub mod target_outside_period;
pub mod unknown_code_in_suppression;
pub mod unknown_key;
pub mod unknown_reference;
pub mod unquantified_objective;
pub mod unreadable_file;
pub mod unused_suppression;
pub mod vague_output;
pub mod weaker_than_programme;
pub mod yaml_syntax;
pub mod year_without_deliverables;

/// Text in both languages of the tool.
#[derive(Debug, Clone, Copy)]
pub struct Text {
    pub vi: &'static str,
    pub en: &'static str,
}

impl Text {
    pub fn get(&self, lang: Lang) -> &'static str {
        match lang {
            Lang::Vi => self.vi,
            Lang::En => self.en,
        }
    }
}

/// A rule's user-facing documentation.
#[derive(Debug, Clone, Copy)]
pub struct Docs {
    /// What it checks.
    pub what: Text,
    /// Why: the clause it enforces, quoted in Vietnamese (`vi`) with an English gloss (`en`).
    pub why: Text,
    /// A YAML snippet that makes the rule fire.
    pub bad: &'static str,
    /// The same snippet, fixed.
    pub good: &'static str,
    /// How to fix it.
    pub fix: Text,
}

/// A cross-file check: the plans' summaries in, (file index, diagnostic) pairs out.
pub type RunCheck =
    fn(&[crate::check::PlanSummary], Lang) -> Vec<(usize, crate::diagnostic::Located)>;

/// When and over what a rule runs.
#[derive(Debug, Clone, Copy)]
pub enum Check {
    /// Reported while a file is read (paths, bytes, YAML, structure).
    Input,
    /// Run over one lowered plan.
    Plan(fn(&mut Context)),
    /// Run over the summaries of every plan of one run.
    Run(RunCheck),
}

/// A rule and its metadata.
#[derive(Debug)]
pub struct Rule {
    pub code: &'static str,
    pub name: &'static str,
    pub severity: Severity,
    pub check: Check,
    pub docs: Docs,
}

impl Rule {
    /// The family letter: `P`, `C`, `Q`, `M`, `U`, `O`, `D`, `X`.
    pub fn family(&self) -> char {
        self.code.chars().next().unwrap_or('?')
    }
}

/// Every rule, in code order.
pub static RULES: &[&Rule] = &[
    &unreadable_file::RULE,
    &yaml_syntax::RULE,
    &invalid_structure::RULE,
    &unknown_key::RULE,
    &duplicate_id::RULE,
    &unknown_reference::RULE,
    &invalid_code::RULE,
    &input_limit::RULE,
    &not_utf8::RULE,
    &invalid_date::RULE,
    &missing_reform_area::RULE,
    &missing_competitiveness_item::RULE,
    &area_without_objective::RULE,
    &invalid_exemption::RULE,
    &unquantified_objective::RULE,
    &target_out_of_range::RULE,
    &target_outside_period::RULE,
    &weaker_than_programme::RULE,
    &missing_milestone::RULE,
    &milestone_regression::RULE,
    &milestone_target_mismatch::RULE,
    &missing_deadline::RULE,
    &deadline_outside_period::RULE,
    &missing_yearly_schedule::RULE,
    &year_without_deliverables::RULE,
    &deadline_before_issue::RULE,
    &period_outside_directive::RULE,
    &missing_lead::RULE,
    &ambiguous_lead::RULE,
    &idle_unit::RULE,
    &lead_also_support::RULE,
    &missing_output::RULE,
    &vague_output::RULE,
    &missing_directive_task::RULE,
    &missing_monthly_briefing::RULE,
    &missing_communication_audience::RULE,
    &missing_resources::RULE,
    &missing_reference::RULE,
    &missing_key_task::RULE,
    &missing_satisfaction_measure::RULE,
    &duplicate_plan_number::RULE,
    &overlapping_agency_plans::RULE,
    &suppression_without_reason::RULE,
    &unused_suppression::RULE,
    &unknown_code_in_suppression::RULE,
];

/// A rule by code (`C001`) or name (`missing-reform-area`), case-insensitively.
pub fn find(code_or_name: &str) -> Option<&'static Rule> {
    let q = code_or_name.trim();
    RULES
        .iter()
        .copied()
        .find(|r| r.code.eq_ignore_ascii_case(q) || r.name.eq_ignore_ascii_case(q))
}

/// What a plan rule sees: the plan, the profile, the language; it pushes diagnostics.
pub struct Context<'a> {
    pub plan: &'a Plan,
    pub profile: &'a Profile,
    pub lang: Lang,
    root: Option<&'a Node<'a>>,
    diagnostics: &'a mut Sink,
}

impl<'a> Context<'a> {
    pub fn new(
        plan: &'a Plan,
        profile: &'a Profile,
        lang: Lang,
        root: Option<&'a Node<'a>>,
        diagnostics: &'a mut Sink,
    ) -> Self {
        Context {
            plan,
            profile,
            lang,
            root,
            diagnostics,
        }
    }

    /// The line of the value at `pointer`, for messages that name another place.
    pub fn line_of(&self, pointer: &str) -> u32 {
        yaml::locate(self.root, pointer, Part::Value).start.line
    }

    /// Reports a diagnostic of `rule`, building it only if the file has not yet
    /// reached the per-rule limit (hostile files can trigger a rule millions of times).
    pub fn report_lazy(&mut self, rule: &'static Rule, diagnostic: impl FnOnce() -> Diagnostic) {
        self.diagnostics.push_with(rule, diagnostic);
    }

    /// The tasks, empty when the section is missing.
    pub fn tasks(&self) -> &'a [Task] {
        self.plan.tasks.as_deref().unwrap_or_default()
    }

    /// The tasks of a plan whose `tasks:` section is readable; `None` otherwise,
    /// so plan-wide rules do not run on a section P002 already reported.
    pub fn task_section(&self) -> Option<&'a [Task]> {
        self.plan.tasks.as_deref()
    }

    /// The roadmap years of the plan (empty when `plan` is unreadable).
    pub fn roadmap(&self) -> Vec<i32> {
        self.plan
            .info
            .as_ref()
            .map(|i| i.roadmap())
            .unwrap_or_default()
    }

    /// The Vietnamese or English name of a reform area code.
    pub fn area_name(&self, code: &str) -> String {
        self.profile.area(code).map_or_else(
            || code.to_owned(),
            |a| match self.lang {
                Lang::Vi => a.vi.clone(),
                Lang::En => a.en.clone(),
            },
        )
    }

    /// Runs every plan rule over one plan.
    pub fn run_all(mut self) {
        for rule in RULES {
            if let Check::Plan(check) = rule.check {
                check(&mut self);
            }
        }
    }
}

/// Lists years compactly for messages: `2022, 2023, 2025`.
pub fn years_list(years: &[i32]) -> String {
    years
        .iter()
        .map(i32::to_string)
        .collect::<Vec<_>>()
        .join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_and_names_are_unique_and_well_formed() {
        for (i, r) in RULES.iter().enumerate() {
            assert!(
                r.code.len() == 4 && "PCQMUODXS".contains(r.family()),
                "{}",
                r.code
            );
            assert!(
                r.name
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-'),
                "{}",
                r.name
            );
            for other in &RULES[..i] {
                assert_ne!(r.code, other.code);
                assert_ne!(r.name, other.name);
            }
        }
    }

    #[test]
    fn registry_is_in_code_order_within_families() {
        let order = "PCQMUODXS";
        let key = |r: &&Rule| (order.find(r.family()), r.code);
        assert!(RULES.windows(2).all(|w| key(&w[0]) < key(&w[1])));
    }

    #[test]
    fn every_rule_is_documented_in_both_languages() {
        for r in RULES {
            let d = r.docs;
            for t in [d.what, d.why, d.fix] {
                assert!(
                    !t.vi.trim().is_empty() && !t.en.trim().is_empty(),
                    "{}",
                    r.code
                );
            }
            assert!(
                !d.bad.trim().is_empty() && !d.good.trim().is_empty(),
                "{}",
                r.code
            );
            assert_ne!(d.bad, d.good, "{}", r.code);
        }
    }

    #[test]
    fn rules_are_found_by_code_or_name() {
        assert_eq!(find("c001").map(|r| r.code), Some("C001"));
        assert_eq!(find("missing-reform-area").map(|r| r.code), Some("C001"));
        assert!(find("Z999").is_none());
    }
}
