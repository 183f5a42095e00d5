//! `cchc report`: the views a reform office needs over many plans — coverage
//! (plans × reform areas and competitiveness items), the yearly roadmap
//! (years × areas), objectives with their milestones, and compliance — in
//! table, Markdown, CSV, JSON or self-contained HTML. The model is built from
//! checked files ([`model`]); each view is one function ([`views`]); each
//! format has its renderer.

mod csv;
mod html;
mod json;
mod markdown;
pub mod model;
mod table;
pub mod views;

pub use model::{Report, build};

use crate::i18n::Lang;

/// Output formats of `cchc report`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "cli", derive(clap::ValueEnum))]
pub enum ReportFormat {
    Table,
    Markdown,
    Csv,
    Json,
    Html,
}

/// Renders the report in `format`.
pub fn render(r: &Report, format: ReportFormat, lang: Lang) -> String {
    match format {
        ReportFormat::Table => table::render(r, lang),
        ReportFormat::Markdown => markdown::render(r, lang),
        ReportFormat::Csv => csv::render(r, lang),
        ReportFormat::Html => html::render(r, lang),
        ReportFormat::Json => json::render(r),
    }
}
