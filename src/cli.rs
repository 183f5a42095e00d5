//! Command-line interface: argument parsing and the commands.

use std::io::{IsTerminal, Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};
use comfy_table::{ContentArrangement, Table, presets::UTF8_FULL_CONDENSED};

use crate::check::{self, Options};
use crate::config::Config;
use crate::diagnostic::{Lang, Severity};
use crate::profile::{self, Profile};
use crate::render::{self, Format, Settings};
use crate::rules::{self, RULES};
use crate::tr;

/// The plan JSON Schema, as compiled in.
pub const PLAN_SCHEMA: &str = include_str!("../schemas/plan.schema.json");

#[derive(Parser, Debug)]
#[command(
    name = "cchc",
    version,
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
    /// Coverage, roadmap, objectives and compliance views over plans.
    Report(crate::report::ReportArgs),
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
}

/// Runs the command line; the exit status follows CLI.md.
pub fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let _ = e.print();
            return ExitCode::from(if e.use_stderr() { 2 } else { 0 });
        }
    };
    let lang = cli.lang.unwrap_or_default();
    let result = match cli.command {
        Command::Check(args) => run_check(args, cli.lang),
        Command::Explain { rule } => explain(&rule, lang).map(|t| (t, 0)),
        Command::Rules => Ok((rules_table(lang), 0)),
        Command::Schema => Ok((PLAN_SCHEMA.to_owned(), 0)),
        Command::Profiles => Ok((profiles_table(lang), 0)),
        Command::Init(args) => init(args, lang).map(|t| (t, 0)),
        Command::Report(args) => crate::report::run(args, cli.lang),
        Command::Completions { shell } => {
            let mut out = Vec::new();
            clap_complete::generate(
                shell,
                &mut <Cli as clap::CommandFactory>::command(),
                "cchc",
                &mut out,
            );
            Ok((String::from_utf8_lossy(&out).into_owned(), 0))
        }
    };
    match result {
        Ok((text, status)) => {
            let mut stdout = std::io::stdout().lock();
            // A closed pipe (`cchc check | head`) is not an error worth reporting.
            let _ = stdout
                .write_all(text.as_bytes())
                .and_then(|()| stdout.flush());
            ExitCode::from(status)
        }
        Err(message) => {
            let _ = writeln!(std::io::stderr(), "cchc: {message}");
            ExitCode::from(2)
        }
    }
}

/// Validates `--select`/`--ignore` entries: codes, names or family letters.
fn validate_selection(values: &[String], lang: Lang) -> Result<(), String> {
    match values.iter().find(|v| !crate::config::is_rule_key(v)) {
        Some(v) => Err(crate::config::rule_suggestion(v.trim(), lang)),
        None => Ok(()),
    }
}

/// Resolves `--profile ID|FILE`.
pub fn load_profile(arg: &str, lang: Lang) -> Result<Profile, String> {
    if let Some(p) = profile::find_built_in(arg) {
        return Ok(p.clone());
    }
    let path = std::path::Path::new(arg);
    if !path.exists() {
        let known = profile::built_in()
            .iter()
            .map(|p| p.id.as_str())
            .collect::<Vec<_>>()
            .join(", ");
        return Err(tr!(
            lang,
            "không có hồ sơ `{arg}`: không phải hồ sơ có sẵn ({known}) cũng không phải tệp",
            "no profile `{arg}`: neither a built-in profile ({known}) nor a file"
        ));
    }
    Profile::from_file(path)
        .map_err(|e| tr!(lang, "hồ sơ không hợp lệ: {e}", "invalid profile: {e}"))
}

fn run_check(args: CheckArgs, cli_lang: Option<Lang>) -> Result<(String, u8), String> {
    let config_path = match (&args.config, args.no_config) {
        (Some(p), _) => Some(p.clone()),
        (None, true) => None,
        (None, false) => Config::discover(Path::new(".")),
    };
    let config = config_path
        .map(|p| Config::load(&p, cli_lang.unwrap_or_default()))
        .transpose()?;
    let lang = cli_lang
        .or(config.as_ref().and_then(|c| c.lang))
        .unwrap_or_default();
    validate_selection(&args.select, lang)?;
    validate_selection(&args.ignore, lang)?;
    let profile = args
        .profile
        .as_deref()
        .map(|p| load_profile(p, lang))
        .transpose()?;
    let default_profile = match config
        .as_ref()
        .and_then(|c| c.profile.as_ref().map(|p| (c, p)))
    {
        Some((c, p)) if profile::find_built_in(p).is_none() => {
            Some(load_profile(&c.root.join(p).to_string_lossy(), lang)?)
        }
        Some((_, p)) => Some(load_profile(p, lang)?),
        None => None,
    };
    let opts = Options {
        lang,
        profile,
        select: args.select.clone(),
        ignore: args.ignore.clone(),
        keep_source: args.format == Format::Human && !args.statistics,
        default_profile,
        config,
        no_ignores: args.no_ignores,
        keep_plan: false,
    };
    let (stdin, paths): (Vec<_>, Vec<_>) = args
        .paths
        .iter()
        .cloned()
        .partition(|p| p.as_os_str() == "-");
    let targets = check::targets(&paths, opts.config.as_ref());
    let mut files = check::check_all(&targets, &opts);
    if !stdin.is_empty() {
        let mut bytes = Vec::new();
        let read = std::io::stdin()
            .lock()
            .take(crate::load::MAX_FILE_SIZE + 1)
            .read_to_end(&mut bytes);
        read.map_err(|e| {
            tr!(
                lang,
                "không đọc được đầu vào chuẩn: {e}",
                "cannot read standard input: {e}"
            )
        })?;
        files.push(check::check_bytes(
            &args.stdin_filename,
            &bytes,
            false,
            &opts,
        ));
    }
    let report = check::finish(files, &opts);
    let color = args.output.is_none()
        && match args.color {
            Color::Always => true,
            Color::Never => false,
            Color::Auto => {
                std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
                    && std::io::stdout().is_terminal()
            }
        };
    let settings = Settings {
        lang,
        color,
        quiet: args.quiet,
        width: 100,
    };
    let text = if args.statistics {
        render::statistics::render(args.format, &report, &settings)
    } else {
        render::render(args.format, &report, &settings)
    };
    let failing = report.count(Severity::Error) > 0
        || (args.deny_warnings && report.count(Severity::Warning) > 0);
    let status = if report.had_unreadable() {
        2
    } else {
        u8::from(failing && !args.exit_zero)
    };
    deliver(text, args.output.as_deref(), status, lang)
}

fn init(args: InitArgs, lang: Lang) -> Result<String, String> {
    let profile = match args.profile.as_deref() {
        Some(p) => load_profile(p, lang)?,
        None => profile::default_profile().clone(),
    };
    let period = match args.period.as_deref() {
        Some(p) => crate::init::parse_period(p).ok_or_else(|| {
            tr!(
                lang,
                "giai đoạn `{p}` không hợp lệ; viết dạng 2026-2030",
                "invalid period `{p}`; write it as 2026-2030"
            )
        })?,
        None => profile.period,
    };
    let text = crate::init::skeleton(&profile, args.agency.as_deref(), period);
    let shown = args.file.display().to_string();
    write_file(&args.file, text.as_bytes(), args.force).map_err(|e| match e.kind() {
        std::io::ErrorKind::AlreadyExists => tr!(
            lang,
            "{shown} đã tồn tại; dùng --force để ghi đè",
            "{shown} already exists; use --force to overwrite it"
        ),
        _ => tr!(
            lang,
            "không ghi được {shown}: {e}",
            "cannot write {shown}: {e}"
        ),
    })?;
    Ok(tr!(
        lang,
        "Đã tạo {shown}. Điền các chỗ trống rồi chạy: cchc check {shown}\n",
        "Wrote {shown}. Fill in the blanks, then run: cchc check {shown}\n"
    ))
}

/// The command's text for standard output, or written to `output` (then nothing is printed).
pub fn deliver(
    text: String,
    output: Option<&Path>,
    status: u8,
    lang: Lang,
) -> Result<(String, u8), String> {
    match output {
        Some(path) => {
            write_atomically(path, text.as_bytes()).map_err(|e| {
                tr!(
                    lang,
                    "không ghi được {}: {e}",
                    "cannot write {}: {e}",
                    path.display()
                )
            })?;
            Ok((String::new(), status))
        }
        None => Ok((text, status)),
    }
}

/// Writes `bytes` to `path` through a temporary file in the same directory and a
/// rename, so a reader never sees a half-written report.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    write_file(path, bytes, true)
}

/// [`write_atomically`], refusing (`AlreadyExists`) to replace an existing file unless `overwrite`.
fn write_file(path: &Path, bytes: &[u8], overwrite: bool) -> std::io::Result<()> {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let mut file = tempfile::NamedTempFile::new_in(dir)?;
    file.write_all(bytes)?;
    file.as_file().sync_all()?;
    if overwrite {
        file.persist(path).map_err(|e| e.error)?;
    } else {
        file.persist_noclobber(path).map_err(|e| e.error)?;
    }
    Ok(())
}

fn explain(query: &str, lang: Lang) -> Result<String, String> {
    let Some(rule) = rules::find(query) else {
        return Err(crate::config::rule_suggestion(query.trim(), lang));
    };
    let d = rule.docs;
    let sev = rule.severity.word(lang);
    let (code, name) = (rule.code, rule.name);
    let mut out = tr!(
        lang,
        "{code} {name} (mặc định: {sev})\n\n",
        "{code} {name} (default: {sev})\n\n"
    );
    let (what, why, bad, good, fix) = match lang {
        Lang::Vi => (
            "Quy tắc kiểm tra",
            "Căn cứ",
            "Ví dụ vi phạm",
            "Cách viết đúng",
            "Cách sửa",
        ),
        Lang::En => (
            "What it checks",
            "Why",
            "Example that fails",
            "Example that passes",
            "Fix",
        ),
    };
    let para = |text: &str| {
        textwrap::fill(
            text,
            textwrap::Options::new(80)
                .initial_indent("  ")
                .subsequent_indent("  "),
        )
    };
    out.push_str(&format!("{what}:\n{}\n\n", para(d.what.get(lang))));
    out.push_str(&format!("{why}:\n{}\n", para(d.why.vi)));
    if lang == Lang::En {
        out.push_str(&format!("{}\n", para(&format!("({})", d.why.en))));
    }
    out.push_str(&format!(
        "\n{bad}:\n{}\n{good}:\n{}\n",
        indent(d.bad),
        indent(d.good)
    ));
    out.push_str(&format!("{fix}:\n{}\n", para(d.fix.get(lang))));
    Ok(out)
}

fn indent(snippet: &str) -> String {
    snippet.lines().map(|l| format!("    {l}\n")).collect()
}

fn rules_table(lang: Lang) -> String {
    let mut table = Table::new();
    table
        .load_style(UTF8_FULL_CONDENSED)
        .set_content_arrangement(ContentArrangement::Dynamic)
        .set_width(100);
    table.set_header(match lang {
        Lang::Vi => ["Mã", "Tên", "Mức mặc định", "Nhóm"],
        Lang::En => ["Code", "Name", "Default severity", "Family"],
    });
    for r in RULES {
        table.add_row(vec![
            r.code.to_owned(),
            r.name.to_owned(),
            r.severity.as_str().to_owned(),
            family_name(r.family(), lang).to_owned(),
        ]);
    }
    format!("{table}\n")
}

/// The family a code letter stands for.
pub fn family_name(letter: char, lang: Lang) -> &'static str {
    match (lang, letter) {
        (Lang::Vi, 'P') => "P: cấu trúc và đầu vào",
        (Lang::Vi, 'C') => "C: độ bao phủ",
        (Lang::Vi, 'Q') => "Q: mục tiêu định lượng",
        (Lang::Vi, 'M') => "M: lộ trình và thời hạn",
        (Lang::Vi, 'U') => "U: trách nhiệm",
        (Lang::Vi, 'O') => "O: sản phẩm đầu ra",
        (Lang::Vi, 'D') => "D: hoạt động văn bản yêu cầu",
        (Lang::Vi, 'X') => "X: giữa các tệp",
        (Lang::Vi, 'S') => "S: chú thích bỏ qua",
        (Lang::En, 'P') => "P: structure and input",
        (Lang::En, 'C') => "C: coverage",
        (Lang::En, 'Q') => "Q: quantified objectives",
        (Lang::En, 'M') => "M: roadmap and deadlines",
        (Lang::En, 'U') => "U: responsibility",
        (Lang::En, 'O') => "O: outputs",
        (Lang::En, 'D') => "D: activities the directive names",
        (Lang::En, 'X') => "X: across files",
        (Lang::En, 'S') => "S: suppressions",
        _ => "?",
    }
}

fn profiles_table(lang: Lang) -> String {
    let mut table = Table::new();
    table
        .load_style(UTF8_FULL_CONDENSED)
        .set_content_arrangement(ContentArrangement::Dynamic)
        .set_width(100);
    table.set_header(match lang {
        Lang::Vi => ["Mã hồ sơ", "Giai đoạn", "Tên", "Nguồn"],
        Lang::En => ["Id", "Period", "Title", "Source"],
    });
    for p in profile::built_in() {
        let title = match lang {
            Lang::Vi => &p.title,
            Lang::En => &p.title_en,
        };
        table.add_row(vec![
            p.id.clone(),
            format!("{}–{}", p.period.from, p.period.to),
            title.clone(),
            p.source.clone(),
        ]);
    }
    format!("{table}\n")
}
