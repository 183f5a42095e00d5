//! Checking files: which files a run covers ([`walk`]), one file from bytes to
//! located diagnostics ([`file`]), many files on all cores ([`schedule`]), and
//! what happens once every file is checked ([`finish`]): the cross-file
//! rules, then inline suppressions, then severities and selection, then order.

mod file;
mod finish;
#[cfg(feature = "cli")]
mod schedule;
#[cfg(feature = "cli")]
mod walk;

pub use file::{check_bytes, check_oversized, check_source};
pub use finish::finish;
#[cfg(feature = "cli")]
pub use schedule::{check_all, check_target};
#[cfg(feature = "cli")]
pub use walk::{Target, targets};

use std::sync::Arc;

use crate::config::Config;
use crate::diagnostic::Severity;
use crate::i18n::Lang;
use crate::model::Plan;
use crate::profile::Profile;
use crate::rules::select::Selection;
use crate::rules::{Family, Located, PlanSummary};
use crate::suppress::{Suppressed, Suppression};

/// How a run is configured.
#[derive(Debug, Clone, Default)]
pub struct Options {
    pub lang: Lang,
    /// A profile given on the command line; it overrides `directive:` in plans.
    pub profile: Option<Profile>,
    /// `--select` and `--ignore`.
    pub selection: Selection,
    /// Keep each file's text for rendering source snippets.
    pub keep_source: bool,
    /// Show everything, ignoring `# cchc: ignore` comments (for auditors).
    pub no_ignores: bool,
    /// Keep each file's typed plan (for `cchc report`).
    pub keep_plan: bool,
}

/// Why a file was passed over.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SkipReason {
    /// YAML whose top-level mapping has neither `plan` nor `tasks` (a CI workflow).
    NotAPlan,
    /// A file with no content at all.
    Empty,
    /// Matched by the config's `exclude`.
    Excluded,
}

impl SkipReason {
    /// The stable keyword of JSON output.
    pub fn as_str(self) -> &'static str {
        match self {
            SkipReason::NotAPlan => "not-a-plan",
            SkipReason::Empty => "empty",
            SkipReason::Excluded => "excluded",
        }
    }

    /// The reason in words.
    pub fn words(self, lang: Lang) -> &'static str {
        match (lang, self) {
            (Lang::Vi, SkipReason::NotAPlan) => {
                "không phải kế hoạch (không có `plan:` hay `tasks:`)"
            }
            (Lang::Vi, SkipReason::Empty) => "tệp trống",
            (Lang::Vi, SkipReason::Excluded) => "bị loại trừ theo `exclude` của tệp cấu hình",
            (Lang::En, SkipReason::NotAPlan) => "not a plan (no `plan:` or `tasks:`)",
            (Lang::En, SkipReason::Empty) => "empty",
            (Lang::En, SkipReason::Excluded) => "excluded by the config's `exclude`",
        }
    }
}

/// The result of checking one file.
#[derive(Debug, Clone)]
pub struct FileReport {
    /// As given on the command line or found by walking, `/`-separated.
    pub path: String,
    /// The profile id the plan was checked against.
    pub profile: Option<String>,
    pub diagnostics: Vec<Located>,
    /// Diagnostics silenced by inline comments (shown only in SARIF, as suppressed).
    pub suppressed: Vec<Suppressed>,
    /// The text, when the run keeps it for snippets.
    pub source: Option<String>,
    /// Why the file was passed over (found by walking, or named with
    /// `--skip-non-plans`, and not a plan; or excluded by the config).
    pub skipped: Option<SkipReason>,
    /// The path could not be read (P000).
    pub unreadable: bool,
    /// The typed plan, when the run keeps it.
    pub plan: Option<Plan<'static>>,
    /// The config file that applied to this file.
    pub config: Option<Arc<Config>>,
    /// An office document's task tables, for showing a row in diagnostics.
    pub office: Option<Arc<Vec<crate::source::office::Table>>>,
    /// The rule families that ran on this file and were selected for it (a
    /// file that could not be read as a plan ran only the P rules).
    pub families: Vec<Family>,
    /// The plan rules ran (the file was read as a plan with a known profile).
    pub plan_rules_ran: bool,
    /// The file's inline suppressions, applied once the cross-file rules have run.
    suppressions: Vec<Suppression>,
    summary: Option<PlanSummary>,
}

impl FileReport {
    fn new(path: &str) -> Self {
        FileReport {
            path: path.to_owned(),
            profile: None,
            diagnostics: Vec::new(),
            suppressed: Vec::new(),
            source: None,
            skipped: None,
            unreadable: false,
            plan: None,
            office: None,
            config: None,
            families: Vec::new(),
            plan_rules_ran: false,
            suppressions: Vec::new(),
            summary: None,
        }
    }

    pub fn count(&self, severity: Severity) -> usize {
        self.diagnostics
            .iter()
            .filter(|d| d.severity() == severity)
            .count()
    }
}

/// The result of a whole run.
#[derive(Debug, Clone, Default)]
pub struct RunReport {
    /// Checked and skipped files, sorted by path.
    pub files: Vec<FileReport>,
    /// The config files that applied, as found.
    pub configs: Vec<String>,
}

impl RunReport {
    pub fn checked(&self) -> impl Iterator<Item = &FileReport> {
        self.files.iter().filter(|f| f.skipped.is_none())
    }

    /// The files passed over, with the reason.
    pub fn passed_over(&self) -> impl Iterator<Item = (&str, SkipReason)> {
        self.files
            .iter()
            .filter_map(|f| f.skipped.map(|r| (f.path.as_str(), r)))
    }

    pub fn skipped(&self) -> usize {
        self.passed_over().count()
    }

    pub fn count(&self, severity: Severity) -> usize {
        self.files.iter().map(|f| f.count(severity)).sum()
    }

    /// Whether a path could not be read (exit status 2).
    pub fn had_unreadable(&self) -> bool {
        self.files.iter().any(|f| f.unreadable)
    }
}

/// Checks every target on all cores, then finishes the run.
#[cfg(feature = "cli")]
pub fn run(targets: &[Target], opts: &Options) -> RunReport {
    finish(check_all(targets, opts), opts)
}
