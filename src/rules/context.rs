//! What rules report through: the per-file [`Sink`] with its per-rule cap, the
//! [`Context`] a plan rule receives (it knows which rule runs), the
//! [`RunContext`] of the cross-file rules, and [`Located`], a diagnostic
//! attached to its rule and resolved to lines and columns.

use foldhash::HashMap;

use crate::diagnostic::{Diagnostic, Severity};
use crate::i18n::Lang;
use crate::location::{Part, SourceMap, Span, resolve};
use crate::model::names::Units;
use crate::model::{Plan, Task};
use crate::profile::{Profile, YearRange};
use crate::rules::{Check, RULES, Rule, input_limit};

/// The most diagnostics one rule reports in one file. Real plans stay far below;
/// a hostile file (400,000 tasks without output) would otherwise produce millions.
pub const MAX_PER_RULE: usize = 10_000;

/// A diagnostic and the rule that reported it, not yet placed in the file.
#[derive(Debug, Clone)]
pub struct Finding {
    pub rule: &'static Rule,
    pub diagnostic: Diagnostic,
}

/// Collects a file's diagnostics, keeping at most [`MAX_PER_RULE`] per rule so
/// that time and memory stay bounded whatever the file holds.
#[derive(Debug, Default)]
pub struct Sink {
    list: Vec<Finding>,
    counts: HashMap<&'static str, usize>,
}

impl Sink {
    /// Reports a diagnostic of `rule`, building it only while the rule is below its limit.
    pub fn report(&mut self, rule: &'static Rule, build: impl FnOnce() -> Diagnostic) {
        let count = self.counts.entry(rule.code).or_insert(0);
        *count += 1;
        if *count <= MAX_PER_RULE {
            self.list.push(Finding {
                rule,
                diagnostic: build(),
            });
        }
    }

    /// The diagnostics kept, and a P007 note for each rule that was cut short.
    pub fn finish(mut self, lang: Lang) -> Vec<Finding> {
        let mut capped: Vec<(&'static str, usize)> = self
            .counts
            .into_iter()
            .filter(|(_, n)| *n > MAX_PER_RULE)
            .collect();
        capped.sort();
        for (code, n) in capped {
            self.list.push(Finding {
                rule: &input_limit::RULE,
                diagnostic: input_limit::capped(code, n, MAX_PER_RULE, lang),
            });
        }
        self.list
    }
}

/// What a plan rule sees: the plan, the profile, the language; it reports
/// diagnostics of the rule that is running.
pub struct Context<'a> {
    pub plan: &'a Plan<'a>,
    pub profile: &'a Profile,
    pub lang: Lang,
    /// The plan's units by id and by name, built once for every rule.
    pub units: &'a Units,
    rule: &'static Rule,
    sink: &'a mut Sink,
}

impl<'a> Context<'a> {
    /// Reports a diagnostic of the running rule, built only if the file has not
    /// reached the per-rule limit (hostile files can trigger a rule millions of times).
    pub fn report(&mut self, build: impl FnOnce() -> Diagnostic) {
        self.sink.report(self.rule, build);
    }

    /// The tasks, empty when the section is missing.
    pub fn tasks(&self) -> &'a [Task<'a>] {
        self.plan.tasks.as_deref().unwrap_or_default()
    }

    /// The tasks of a plan whose `tasks:` section is readable; `None` otherwise,
    /// so plan-wide rules do not run on a section P002 already reported.
    pub fn task_section(&self) -> Option<&'a [Task<'a>]> {
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
}

/// Runs every plan, task and objective rule over one plan.
/// `units` is the index of the plan's units ([`crate::model::names::resolve`] returns it).
pub fn run_plan_rules(plan: &Plan, units: &Units, profile: &Profile, lang: Lang, sink: &mut Sink) {
    for rule in RULES {
        let mut ctx = Context {
            plan,
            profile,
            lang,
            units,
            rule,
            sink: &mut *sink,
        };
        let readable = |item: &crate::location::Pointer, key: Option<&'static str>| match key {
            Some(key) => !plan.is_malformed_at(item, key),
            None => true,
        };
        match rule.check {
            Check::Input | Check::Run(_) => {}
            Check::Plan(run) => run(&mut ctx),
            Check::Task {
                unless_malformed,
                run,
            } => {
                for t in plan.tasks.iter().flatten() {
                    if readable(&t.pointer, unless_malformed) {
                        run(&mut ctx, t);
                    }
                }
            }
            Check::Objective {
                unless_malformed,
                run,
            } => {
                for o in plan.objectives.iter().flatten() {
                    if readable(&o.pointer, unless_malformed) {
                        run(&mut ctx, o);
                    }
                }
            }
        }
    }
}

/// What the cross-file rules need of one plan; its places are resolved when
/// the file is checked.
#[derive(Debug, Clone)]
pub struct PlanSummary {
    /// Index of the file in the run.
    pub file: usize,
    pub path: String,
    pub number: Option<(String, Spot)>,
    pub agency: Option<String>,
    pub period: Option<(YearRange, Spot)>,
}

/// Where a value of a plan is: its span, the line of its key, and for an
/// office document its cell or paragraph.
#[derive(Debug, Clone)]
pub struct Spot {
    pub span: Span,
    pub key_line: u32,
    pub origin: Option<crate::location::Origin>,
}

impl Spot {
    /// The spot of the value at `pointer` in `map`.
    pub fn of(map: &dyn SourceMap, pointer: &crate::location::Pointer) -> Spot {
        Spot {
            span: resolve(Some(map), pointer, Part::Value),
            key_line: Place::of(resolve(Some(map), pointer, Part::Key)).line,
            origin: None,
        }
    }
}

/// What a cross-file rule reports through: diagnostics on files of the run.
pub struct RunContext {
    pub lang: Lang,
    rule: &'static Rule,
    found: Vec<(usize, Located)>,
}

impl RunContext {
    /// Reports a diagnostic of the running rule on file `file`, at `spot`.
    pub fn report(&mut self, file: usize, spot: Spot, diagnostic: Diagnostic) {
        let finding = Finding {
            rule: self.rule,
            diagnostic: diagnostic.at(spot.span),
        };
        let mut located = Located::resolve(finding, None).with_key_line(spot.key_line);
        located.origin = spot.origin;
        self.found.push((file, located));
    }

    /// Runs every cross-file rule over the plans of one run.
    pub fn run_all(plans: &[PlanSummary], lang: Lang) -> Vec<(usize, Located)> {
        let mut found = Vec::new();
        for rule in RULES {
            if let Check::Run(run) = rule.check {
                let mut ctx = RunContext {
                    lang,
                    rule,
                    found: std::mem::take(&mut found),
                };
                run(&mut ctx, plans);
                found = ctx.found;
            }
        }
        found
    }
}

/// A place in a file: 1-based lines and columns in code points, end exclusive.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Place {
    pub line: u32,
    pub column: u32,
    pub end_line: u32,
    pub end_column: u32,
}

impl Place {
    pub fn of(span: Span) -> Place {
        Place {
            line: span.start.line.max(1),
            column: span.start.col.saturating_add(1),
            end_line: span.end.line.max(1),
            end_column: span.end.col.saturating_add(1),
        }
    }
}

/// A diagnostic with its rule, its severity in this run, and its place.
#[derive(Debug, Clone)]
pub struct Located {
    pub rule: &'static Rule,
    pub severity: Severity,
    pub diagnostic: Diagnostic,
    pub line: u32,
    pub column: u32,
    pub end_line: u32,
    pub end_column: u32,
    /// Where the related place is, when the diagnostic has one.
    pub related: Option<Place>,
    /// The line of the key that holds the value, when it is not `line` (a
    /// block mapping is reported at its first key): a suppression on the key's
    /// line applies too.
    pub key_line: Option<u32>,
    /// The cell or paragraph of an office document the place is.
    pub origin: Option<crate::location::Origin>,
}

impl Located {
    /// Places a finding: its span if it has one, else its pointer resolved against `map`.
    pub fn resolve(finding: Finding, map: Option<&dyn SourceMap>) -> Located {
        let d = &finding.diagnostic;
        let span = d.span.unwrap_or_else(|| resolve(map, &d.pointer, d.part));
        let related = d
            .related
            .as_ref()
            .map(|r| Place::of(r.span.unwrap_or_else(|| resolve(map, &r.pointer, r.part))));
        let place = Place::of(span);
        Located {
            rule: finding.rule,
            severity: finding.rule.severity,
            diagnostic: finding.diagnostic,
            line: place.line,
            column: place.column,
            end_line: place.end_line,
            end_column: place.end_column,
            related,
            key_line: None,
            origin: None,
        }
    }

    /// Finds the line of the key that holds the value, for a file that has
    /// suppressions (only they need it).
    pub fn find_key_line(&mut self, map: &dyn SourceMap) {
        let d = &self.diagnostic;
        if d.span.is_none() && d.part != Part::Key && !d.pointer.is_root() {
            let line = Place::of(resolve(Some(map), &d.pointer, Part::Key)).line;
            self.key_line = Some(line).filter(|l| *l != self.line);
        }
    }

    /// The same, with the line of the key that holds the value (for cross-file
    /// rules, whose places were resolved when each file was checked).
    #[must_use]
    pub fn with_key_line(mut self, key_line: u32) -> Located {
        self.key_line = Some(key_line).filter(|l| *l != self.line);
        self
    }

    pub fn code(&self) -> &'static str {
        self.rule.code
    }

    pub fn severity(&self) -> Severity {
        self.severity
    }
}
