//! What happens once every file is checked, in this order: the cross-file
//! rules, then the inline suppressions (so they can silence X001/X002), then
//! each file's severities and selection (one table per file), then the order
//! of the output.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use foldhash::HashMap;

use crate::config::Config;

use crate::check::{FileReport, Options, RunReport};
use crate::diagnostic::Severity;
use crate::rules::{Family, Located, PlanSummary, RULES, Rule, RunContext};
use crate::suppress;

/// The severity each rule has in one file (`None`: off), computed once per rule.
struct Severities<'a> {
    opts: &'a Options,
    /// The file's config, and the file's path relative to the config's directory.
    config: Option<(Arc<Config>, PathBuf)>,
    known: HashMap<&'static str, Option<Severity>>,
}

impl<'a> Severities<'a> {
    fn of(opts: &'a Options, file: &FileReport) -> Self {
        Severities {
            opts,
            config: file.config.clone().map(|c| {
                let rel = c.relative(Path::new(&file.path));
                (c, rel)
            }),
            known: HashMap::default(),
        }
    }

    fn get(&mut self, rule: &'static Rule) -> Option<Severity> {
        let (opts, config) = (self.opts, &self.config);
        *self.known.entry(rule.code).or_insert_with(|| {
            if !opts.selection.enabled(rule) {
                return None;
            }
            match config {
                Some((c, rel)) => c.severity_at(rule, rel),
                None => Some(rule.severity),
            }
        })
    }
}

/// Finishes a run: cross-file rules, suppressions, severities, order.
pub fn finish(mut files: Vec<FileReport>, opts: &Options) -> RunReport {
    files.sort_by(|a, b| a.path.cmp(&b.path));
    files.dedup_by(|a, b| a.path == b.path);
    // Taken, not copied: each file keeps only whether it had one.
    let cross_file: Vec<bool> = files.iter().map(|f| f.summary.is_some()).collect();
    let summaries: Vec<PlanSummary> = files
        .iter_mut()
        .enumerate()
        .filter_map(|(i, f)| f.summary.take().map(|s| PlanSummary { file: i, ..s }))
        .collect();
    for (i, located) in RunContext::run_all(&summaries, opts.lang) {
        files[i].diagnostics.push(located);
    }
    for (f, cross_file) in files.iter_mut().zip(cross_file) {
        f.suppressed = suppress::apply(
            &std::mem::take(&mut f.suppressions),
            &mut f.diagnostics,
            opts.lang,
        );
        let mut severities = Severities::of(opts, f);
        let mut keep = |d: &mut Located| match severities.get(d.rule) {
            Some(s) => {
                d.severity = s;
                true
            }
            None => false,
        };
        f.diagnostics.retain_mut(&mut keep);
        f.suppressed.retain_mut(|s| keep(&mut s.located));
        let order = |a: &Located, b: &Located| {
            (a.line, a.column, a.code()).cmp(&(b.line, b.column, b.code()))
        };
        f.diagnostics.sort_by(order);
        f.suppressed.sort_by(|a, b| order(&a.located, &b.located));
        let ran = |family: Family| match family {
            Family::Input => true,
            Family::Suppression => !opts.no_ignores,
            Family::CrossFile => cross_file,
            _ => f.plan_rules_ran,
        };
        // The families with a rule selected for this file, each rule asked once.
        let mut selected: Vec<Family> = Vec::new();
        for r in RULES {
            if !selected.contains(&r.family) && severities.get(r).is_some() {
                selected.push(r.family);
            }
        }
        f.families = Family::ALL
            .into_iter()
            .filter(|family| ran(*family) && selected.contains(family))
            .collect();
    }
    let mut configs: Vec<String> = files
        .iter()
        .filter_map(|f| f.config.as_ref().map(|c| c.path.display().to_string()))
        .collect();
    configs.sort();
    configs.dedup();
    RunReport { files, configs }
}
