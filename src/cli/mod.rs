//! Command-line interface: the arguments ([`args`]), the run setup that
//! `check` and `report` share ([`setup`]), the commands, and where their
//! output goes ([`output`]). Nothing below this module knows it exists.

pub mod args;
mod catalog;
mod commands;
pub mod console;
mod help;
pub mod output;
pub mod setup;

use std::io::Write;
use std::process::ExitCode;

use crate::cli::output::Printed;
use crate::tr;

pub use args::{Cli, Command};

/// The plan JSON Schema, as compiled in.
pub const PLAN_SCHEMA: &str = include_str!("../../schemas/plan.schema.json");

/// Runs the command line; the exit status follows CLI.md.
pub fn main() -> ExitCode {
    let console = console::Console::attach();
    let mut argv: Vec<String> = std::env::args().collect();
    if console.own_window {
        let command = <Cli as clap::CommandFactory>::command();
        let names: Vec<&str> = command.get_subcommands().map(|c| c.get_name()).collect();
        argv = console::explorer_args(argv, &names);
    }
    let lang = help::early_lang(&argv);
    let status = run(&argv, console);
    console.finish(lang);
    status
}

/// Runs one command line.
fn run(argv: &[String], console: console::Console) -> ExitCode {
    let command = help::localize(
        <Cli as clap::CommandFactory>::command(),
        help::early_lang(argv),
    );
    let parsed = command
        .try_get_matches_from(argv)
        .and_then(|m| <Cli as clap::FromArgMatches>::from_arg_matches(&m));
    let cli = match parsed {
        Ok(cli) => cli,
        Err(e) => {
            let _ = e.print();
            return ExitCode::from(if e.use_stderr() { 2 } else { 0 });
        }
    };
    let lang = cli.lang.unwrap_or_default();
    // `check` and `report` say what they print (they may write a file instead);
    // the others make a whole text.
    let text = |(text, status): (String, u8)| (Printed::Text(text), status);
    let result = match cli.command {
        Command::Check(args) => commands::check(args, cli.lang, console.vt),
        Command::Explain { rule } => catalog::explain(&rule, lang).map(|t| text((t, 0))),
        Command::Rules => Ok(text((
            catalog::rules_table(lang, commands::terminal_width()),
            0,
        ))),
        Command::Schema => Ok(text((PLAN_SCHEMA.to_owned(), 0))),
        Command::Profiles => Ok(text((catalog::profiles_table(lang), 0))),
        Command::Init(args) => commands::init(args, lang).map(|t| text((t, 0))),
        Command::Import(args) => commands::import(args, lang).map(text),
        Command::Report(args) => commands::report(args, cli.lang),
        Command::Completions { shell } => {
            let mut out = Vec::new();
            clap_complete::generate(
                shell,
                &mut <Cli as clap::CommandFactory>::command(),
                "cchc",
                &mut out,
            );
            Ok(text((String::from_utf8_lossy(&out).into_owned(), 0)))
        }
    };
    match result {
        Ok((printed, status)) => {
            let mut stdout = std::io::stdout().lock();
            match printed.print(&mut stdout).and_then(|()| stdout.flush()) {
                Ok(()) => ExitCode::from(status),
                // A closed pipe (`cchc check | head`) is not an error worth reporting.
                Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::from(status),
                // A full disk or `/dev/full`: the report was lost, so the run failed.
                Err(e) => {
                    let message = tr!(
                        lang,
                        "không ghi được ra đầu ra chuẩn: {e}",
                        "cannot write to standard output: {e}"
                    );
                    let _ = writeln!(std::io::stderr(), "cchc: {message}");
                    ExitCode::from(2)
                }
            }
        }
        Err(message) => {
            let _ = writeln!(std::io::stderr(), "cchc: {message}");
            ExitCode::from(2)
        }
    }
}
