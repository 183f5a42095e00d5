//! Renderers: each turns a run's diagnostics into text in one format.

pub mod concise;
pub mod github;
pub mod human;
pub mod json;
pub mod junit;
pub mod sarif;
pub mod statistics;

use crate::check::RunReport;
use crate::i18n::Lang;
use crate::rules::Located;

/// The output formats of `cchc check`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Human,
    Concise,
    Json,
    Sarif,
    Github,
    Junit,
}

/// What every renderer is given.
pub struct Settings {
    pub lang: Lang,
    pub color: bool,
    pub quiet: bool,
    /// Terminal width for wrapping (human output).
    pub width: usize,
    /// `--deny-warnings`: warnings fail too (JUnit test cases).
    pub deny_warnings: bool,
}

/// Renders a run in `format`.
pub fn render(format: Format, report: &RunReport, settings: &Settings) -> String {
    match format {
        Format::Human => human::render(report, settings),
        Format::Concise => concise::render(report, settings),
        Format::Json => json::render(report),
        Format::Sarif => sarif::render(report, settings),
        Format::Github => github::render(report),
        Format::Junit => junit::render(report, settings),
    }
}

/// Every diagnostic of the run with its file path, in output order.
pub fn all(report: &RunReport) -> impl Iterator<Item = (&str, &Located)> {
    report
        .files
        .iter()
        .flat_map(|f| f.diagnostics.iter().map(move |d| (f.path.as_str(), d)))
}
