//! Renderers: each turns a run's diagnostics into text in one format.

pub mod concise;
pub mod excerpt;
pub mod github;
#[cfg(feature = "cli")]
pub mod human;
pub mod json;
pub mod junit;
pub mod sarif;
#[cfg(feature = "cli")]
pub mod statistics;

use crate::check::RunReport;
use crate::diagnostic::Severity;
use crate::i18n::Lang;
use crate::rules::Located;
use crate::tr;

/// The output formats of `cchc check`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "cli", derive(clap::ValueEnum))]
pub enum Format {
    /// The terminal renderer (miette), in the command-line build only.
    #[cfg(feature = "cli")]
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
    /// `--verbose`: list the skipped files and the config files (human output).
    pub verbose: bool,
    /// `--deny-warnings`: warnings fail too (JUnit test cases).
    pub deny_warnings: bool,
    /// Where the run is and the repository root its SARIF URIs are relative
    /// to; `None` writes paths as given.
    pub places: Option<Places>,
}

/// The current directory and the repository root (the enclosing git work
/// tree, else the current directory), both absolute.
#[derive(Debug, Clone)]
pub struct Places {
    pub cwd: std::path::PathBuf,
    pub root: std::path::PathBuf,
}

impl Places {
    /// The places of a run started in `cwd`.
    pub fn of(cwd: std::path::PathBuf) -> Places {
        let root = cwd
            .ancestors()
            .find(|d| d.join(".git").exists())
            .unwrap_or(&cwd)
            .to_path_buf();
        Places { cwd, root }
    }
}

/// Renders a run in `format`.
pub fn render(format: Format, report: &RunReport, settings: &Settings) -> String {
    match format {
        #[cfg(feature = "cli")]
        Format::Human => human::render(report, settings),
        Format::Concise => concise::render(report, settings),
        Format::Json => json::render(report),
        Format::Sarif => sarif::render(report, settings),
        Format::Github => github::render(report),
        Format::Junit => junit::render(report, settings),
    }
}

/// [`render`] written into `out`; the JSON document is written as it is
/// serialised, never held whole in memory.
pub fn write(
    format: Format,
    report: &RunReport,
    settings: &Settings,
    out: &mut dyn std::io::Write,
) -> std::io::Result<()> {
    match format {
        Format::Json => json::write(report, out),
        _ => out.write_all(render(format, report, settings).as_bytes()),
    }
}

/// The one-line summary of the run (concise and human formats).
pub fn summary_line(report: &RunReport, lang: Lang) -> String {
    let (files, skipped) = (report.checked().count(), report.skipped());
    let (e, w, i) = (
        report.count(Severity::Error),
        report.count(Severity::Warning),
        report.count(Severity::Info),
    );
    tr!(
        lang,
        "{files} tệp đã kiểm tra, {skipped} bỏ qua: {e} lỗi, {w} cảnh báo, {i} lưu ý",
        "{files} files checked, {skipped} skipped: {e} errors, {w} warnings, {i} infos"
    )
}

/// Every diagnostic of the run with its file path, in output order.
pub fn all(report: &RunReport) -> impl Iterator<Item = (&str, &Located)> {
    report
        .files
        .iter()
        .flat_map(|f| f.diagnostics.iter().map(move |d| (f.path.as_str(), d)))
}
