//! The rule registry: one list of every rule (which also declares the rule
//! modules), the rule families, and what a rule is. Each rule lives in its own
//! file with its code, name, family, default severity and user-facing docs
//! beside the check; `explain`, `rules`, SARIF and the README table read that
//! one declaration.

use crate::diagnostic::Severity;
use crate::i18n::{Lang, Text};
use crate::model::{Objective, Task};

mod context;
mod explain;
pub mod input;
pub mod select;

pub use context::{
    Context, Finding, Located, Place, PlanSummary, RunContext, Sink, Spot, run_plan_rules,
};

/// Declares the rule modules and the registry from one list, so the two cannot drift.
macro_rules! registry {
    ($($module:ident),* $(,)?) => {
        $(pub mod $module;)*

        /// Every rule, in code order within families.
        pub static RULES: &[&Rule] = &[$(&$module::RULE),*];

        /// The module (file) of each rule of [`RULES`], in the same order.
        pub static MODULES: &[&str] = &[$(stringify!($module)),*];
    };
}

registry! {
    unreadable_file,
    yaml_syntax,
    invalid_structure,
    unknown_key,
    duplicate_id,
    unknown_reference,
    invalid_code,
    input_limit,
    not_utf8,
    invalid_date,
    missing_reform_area,
    missing_competitiveness_item,
    area_without_objective,
    invalid_exemption,
    unquantified_objective,
    target_out_of_range,
    target_outside_period,
    weaker_than_programme,
    statement_target_mismatch,
    baseline_beyond_target,
    missing_milestone,
    milestone_regression,
    milestone_target_mismatch,
    missing_deadline,
    deadline_outside_period,
    missing_yearly_schedule,
    year_without_deliverables,
    deadline_before_issue,
    period_outside_directive,
    milestone_outside_period,
    issued_after_period,
    missing_lead,
    ambiguous_lead,
    idle_unit,
    lead_also_support,
    missing_output,
    vague_output,
    missing_directive_task,
    missing_monthly_briefing,
    missing_communication_audience,
    missing_resources,
    missing_reference,
    missing_key_task,
    missing_satisfaction_measure,
    duplicate_plan_number,
    overlapping_agency_plans,
    suppression_without_reason,
    unused_suppression,
    unknown_code_in_suppression,
    unreadable_document,
    no_task_table,
    unknown_column,
}

/// Where a rule reports a missing key of the item at `item`: at its
/// misspelling when one was written (`ouput`), else at the item's start; with
/// the sentence naming the typo, to add to the message.
pub fn missing_key(
    item: &crate::location::Pointer,
    typos: &[crate::model::Typo],
    key: &str,
    lang: Lang,
) -> (crate::location::Pointer, crate::location::Part, String) {
    use crate::location::Part;
    match crate::model::typo_of(typos, key) {
        Some(written) => {
            let shown = crate::text::printable(written);
            (
                item.clone().key(written.to_owned()),
                Part::Key,
                crate::tr!(
                    lang,
                    ": mục `{shown}` có lẽ là `{key}` viết sai (sửa thành `{key}`)",
                    ": `{shown}` looks like `{key}` misspelt (rename it `{key}`)"
                ),
            )
        }
        None => (item.clone(), Part::Start, String::new()),
    }
}

/// What a group of rules is about; the first letter of their codes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Family {
    Input,
    Coverage,
    Objectives,
    Roadmap,
    Responsibility,
    Outputs,
    Directive,
    CrossFile,
    Suppression,
    Tables,
}

impl Family {
    /// Every family, in the order they are listed.
    pub const ALL: [Family; 10] = [
        Family::Input,
        Family::Coverage,
        Family::Objectives,
        Family::Roadmap,
        Family::Responsibility,
        Family::Outputs,
        Family::Directive,
        Family::CrossFile,
        Family::Suppression,
        Family::Tables,
    ];

    /// The letter its codes start with.
    pub fn letter(self) -> char {
        FAMILY_NAMES[self as usize].0
    }

    /// The family a letter stands for (`--select P`), case-insensitively.
    pub fn from_letter(letter: char) -> Option<Family> {
        Family::ALL
            .into_iter()
            .find(|f| f.letter().eq_ignore_ascii_case(&letter))
    }

    /// Its name, with its letter: `C: độ bao phủ`.
    pub fn name(self, lang: Lang) -> &'static str {
        FAMILY_NAMES[self as usize].1.get(lang)
    }
}

/// Each family's letter and name, in the order of [`Family::ALL`].
const FAMILY_NAMES: [(char, Text); 10] = [
    (
        'P',
        Text {
            vi: "P: cấu trúc và đầu vào",
            en: "P: structure and input",
        },
    ),
    (
        'C',
        Text {
            vi: "C: độ bao phủ",
            en: "C: coverage",
        },
    ),
    (
        'Q',
        Text {
            vi: "Q: mục tiêu định lượng",
            en: "Q: quantified objectives",
        },
    ),
    (
        'M',
        Text {
            vi: "M: lộ trình và thời hạn",
            en: "M: roadmap and deadlines",
        },
    ),
    (
        'U',
        Text {
            vi: "U: trách nhiệm",
            en: "U: responsibility",
        },
    ),
    (
        'O',
        Text {
            vi: "O: sản phẩm đầu ra",
            en: "O: outputs",
        },
    ),
    (
        'D',
        Text {
            vi: "D: hoạt động văn bản yêu cầu",
            en: "D: activities the directive names",
        },
    ),
    (
        'X',
        Text {
            vi: "X: giữa các tệp",
            en: "X: across files",
        },
    ),
    (
        'S',
        Text {
            vi: "S: chú thích bỏ qua",
            en: "S: suppressions",
        },
    ),
    (
        'T',
        Text {
            vi: "T: văn bản Word/Excel",
            en: "T: table documents",
        },
    ),
];

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

/// When and over what a rule runs.
#[derive(Debug, Clone, Copy)]
pub enum Check {
    /// Reported while a file is read (paths, bytes, YAML, structure, suppressions).
    Input,
    /// Run once over one plan.
    Plan(fn(&mut Context)),
    /// Run on each task, except where the task's key `unless_malformed` has the
    /// wrong shape (P002 reported it and is the more specific).
    Task {
        unless_malformed: Option<&'static str>,
        run: fn(&mut Context, &Task),
    },
    /// Run on each objective, with the same exception as [`Check::Task`].
    Objective {
        unless_malformed: Option<&'static str>,
        run: fn(&mut Context, &Objective),
    },
    /// Run over the summaries of every plan of one run.
    Run(fn(&mut RunContext, &[PlanSummary])),
}

/// A rule and its metadata.
#[derive(Debug)]
pub struct Rule {
    pub code: &'static str,
    pub name: &'static str,
    pub family: Family,
    pub severity: Severity,
    pub check: Check,
    pub docs: Docs,
}

/// A rule by code (`C001`) or name (`missing-reform-area`), case-insensitively.
pub fn find(code_or_name: &str) -> Option<&'static Rule> {
    let q = code_or_name.trim();
    RULES
        .iter()
        .copied()
        .find(|r| r.code.eq_ignore_ascii_case(q) || r.name.eq_ignore_ascii_case(q))
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
                r.code.len() == 4 && r.code.starts_with(r.family.letter()),
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
        let key = |r: &&Rule| (r.family, r.code);
        assert!(RULES.windows(2).all(|w| key(&w[0]) < key(&w[1])));
    }

    #[test]
    fn each_rule_lives_in_the_file_named_after_it() {
        assert_eq!(RULES.len(), MODULES.len());
        for (rule, module) in RULES.iter().zip(MODULES) {
            assert_eq!(rule.name.replace('-', "_"), *module, "{}", rule.code);
            let path = format!("{}/src/rules/{module}.rs", env!("CARGO_MANIFEST_DIR"));
            let source = std::fs::read_to_string(&path).unwrap_or_default();
            assert!(
                source.contains(&format!("code: \"{}\"", rule.code)),
                "{path} does not declare {}",
                rule.code
            );
        }
    }

    #[test]
    fn families_have_distinct_letters_and_names() {
        for (i, f) in Family::ALL.iter().enumerate() {
            assert_eq!(*f as usize, i, "ALL is in declaration order");
            assert_eq!(Family::from_letter(f.letter()), Some(*f));
            assert!(f.name(Lang::Vi).starts_with(f.letter()));
            assert!(Family::ALL[..i].iter().all(|g| g.letter() != f.letter()));
        }
        assert_eq!(Family::from_letter('z'), None);
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
