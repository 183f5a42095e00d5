//! `cchc` checks administrative-reform (CCHC) action plans written in YAML
//! against the directive that requires them (document 7946/UBND-NCPC by
//! default): coverage of the six reform areas and the competitiveness items,
//! quantified objectives, a yearly roadmap, outputs and responsible units.

pub mod check;
pub mod cli;
pub mod config;
pub mod corpus;
pub mod diagnostic;
pub mod fuzzing;
pub mod init;
pub mod load;
pub mod profile;
pub mod render;
pub mod report;
pub mod rules;
pub mod suppress;
pub mod text;

pub use check::{Options, RunReport};
pub use diagnostic::{Diagnostic, Lang, Located, Severity};
