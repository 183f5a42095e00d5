//! `cchc` checks administrative-reform (CCHC) action plans written in YAML
//! against the directive that requires them (document 7946/UBND-NCPC by
//! default): coverage of the six reform areas and the competitiveness items,
//! quantified objectives, a yearly roadmap, outputs and responsible units.
//!
//! Modules depend on each other in one direction only (STYLE.md; the
//! architecture test in `tests/cchc/architecture.rs` enforces it), from the top:
//! `cli` → `report` · `render` · `init` → `check` → `suppress` · `config` →
//! `rules` → `diagnostic` · `source` → `model` → `profile` → `yaml` →
//! `location` → `text` · `i18n`.

pub mod check;
#[cfg(feature = "cli")]
pub mod cli;
pub mod config;
pub mod corpus;
pub mod diagnostic;
#[cfg(feature = "cli")]
pub mod fuzzing;
pub mod i18n;
pub mod import;
#[cfg(feature = "cli")]
pub mod init;
pub mod location;
pub mod model;
pub mod profile;
pub mod render;
pub mod report;
pub mod rules;
pub mod source;
pub mod suppress;
pub mod text;
pub mod yaml;

pub use check::{Options, RunReport};
pub use diagnostic::{Diagnostic, Severity};
pub use i18n::Lang;
pub use rules::Located;
