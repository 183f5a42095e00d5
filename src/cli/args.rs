//! The command line's arguments, as clap reads them.

use std::path::PathBuf;

use clap::{Parser, Subcommand, ValueEnum};

use crate::i18n::Lang;
use crate::render::Format;
use crate::report::ReportFormat;

#[derive(Parser, Debug)]
#[command(
    name = "cchc",
    version = concat!(
        env!("CARGO_PKG_VERSION"),
        " (",
        env!("CCHC_COMMIT"),
        " ",
        env!("CCHC_TARGET"),
        ")"
    ),
    about = "Kiểm tra kế hoạch cải cách hành chính (CCHC) viết bằng YAML / Checks administrative-reform action plans written in YAML"
)]
pub struct Cli {
    /// Message language (also CCHC_LANG).
    #[arg(long, global = true, env = "CCHC_LANG", value_enum)]
    pub lang: Option<Lang>,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Check plan files (directories are walked for *.yaml / *.yml).
    Check(CheckArgs),
    /// Explain a rule: what it checks, why, a failing and a passing snippet.
    Explain {
        /// Rule code (C001) or name (missing-reform-area).
        rule: String,
    },
    /// List every rule.
    Rules,
    /// Print the plan JSON Schema.
    Schema,
    /// List the built-in directive profiles.
    Profiles,
    /// Write a commented plan skeleton; its diagnostics are the to-do list.
    Init(InitArgs),
    /// Convert a Word or Excel plan (.docx/.xlsx) into the YAML format.
    Import(ImportArgs),
    /// Coverage, roadmap, objectives and compliance views over plans.
    Report(ReportArgs),
    /// Print a shell completion script.
    Completions {
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
}

#[derive(clap::Args, Debug)]
pub struct InitArgs {
    /// The file to write.
    #[arg(default_value = "ke-hoach.yaml")]
    pub file: PathBuf,
    /// The issuing agency.
    #[arg(long)]
    pub agency: Option<String>,
    /// The plan's years, e.g. 2026-2030 (default: the profile's period).
    #[arg(long)]
    pub period: Option<String>,
    /// Directive profile: a built-in id or a profile file.
    #[arg(long)]
    pub profile: Option<String>,
    /// Overwrite an existing file.
    #[arg(long)]
    pub force: bool,
}

#[derive(clap::Args, Debug)]
pub struct ImportArgs {
    /// The .docx or .xlsx plan to read.
    #[arg(value_name = "FILE")]
    pub document: PathBuf,
    /// Write the YAML there (atomically) instead of standard output.
    #[arg(long, short)]
    pub output: Option<PathBuf>,
    /// Directive profile: a built-in id or a profile file.
    #[arg(long)]
    pub profile: Option<String>,
    /// Overwrite an existing output file.
    #[arg(long)]
    pub force: bool,
}

/// When to colour output.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Color {
    Auto,
    Always,
    Never,
}

#[derive(clap::Args, Debug)]
pub struct CheckArgs {
    /// Files or directories; `-` reads standard input.
    #[arg(default_value = ".")]
    pub paths: Vec<PathBuf>,
    #[arg(long, value_enum, default_value = "human")]
    pub format: Format,
    /// Directive profile: a built-in id (7946/UBND-NCPC) or a profile file.
    #[arg(long)]
    pub profile: Option<String>,
    /// Only these rules: comma-separated codes, names or family letters.
    #[arg(long, value_delimiter = ',')]
    pub select: Vec<String>,
    /// Not these rules: comma-separated codes, names or family letters.
    #[arg(long, value_delimiter = ',')]
    pub ignore: Vec<String>,
    /// Warnings also make the exit status 1.
    #[arg(long)]
    pub deny_warnings: bool,
    #[arg(long, value_enum, default_value = "auto")]
    pub color: Color,
    /// Only diagnostics, no summary.
    #[arg(long, short)]
    pub quiet: bool,
    /// The name shown for standard input (`-`).
    #[arg(long, default_value = "-")]
    pub stdin_filename: String,
    /// Write the report to FILE (atomically) instead of standard output.
    #[arg(long, short)]
    pub output: Option<PathBuf>,
    /// Exit 0 even when there are errors (the report still lists them).
    #[arg(long)]
    pub exit_zero: bool,
    /// A count per rule instead of each diagnostic.
    #[arg(long)]
    pub statistics: bool,
    /// Config file (default: cchc.yaml or .cchc.yaml, looked up from the current directory upward).
    #[arg(long, conflicts_with = "no_config")]
    pub config: Option<PathBuf>,
    /// Use no config file.
    #[arg(long)]
    pub no_config: bool,
    /// Show every diagnostic, ignoring `# cchc: ignore` comments.
    #[arg(long)]
    pub no_ignores: bool,
    /// Files named on the command line that are not plans are skipped, as when walking
    /// (what the pre-commit hook passes: pre-commit names every staged YAML file).
    #[arg(long)]
    pub skip_non_plans: bool,
    /// Directory walks also read Word and Excel plans (`*.docx`, `*.xlsx`).
    #[arg(long)]
    pub office: bool,
    /// Also list the skipped files and where the config came from.
    #[arg(long, short)]
    pub verbose: bool,
}

#[derive(clap::Args, Debug)]
pub struct ReportArgs {
    /// Plan files or directories.
    #[arg(default_value = ".")]
    pub paths: Vec<PathBuf>,
    #[arg(long, value_enum, default_value = "table")]
    pub format: ReportFormat,
    /// Write the report to FILE (atomically) instead of standard output.
    #[arg(long, short)]
    pub output: Option<PathBuf>,
    /// Directive profile: a built-in id or a profile file.
    #[arg(long)]
    pub profile: Option<String>,
    /// Use no config file.
    #[arg(long)]
    pub no_config: bool,
    /// Directory walks also read Word and Excel plans (`*.docx`, `*.xlsx`).
    #[arg(long)]
    pub office: bool,
}
