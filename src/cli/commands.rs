//! The commands that check plans (`check`, `report`) and the one that writes
//! one (`init`).

use std::io::{IsTerminal, Read};

use crate::check::{self, Options};
use crate::cli::args::{CheckArgs, Color, ImportArgs, InitArgs, ReportArgs};
use crate::cli::output::{Printed, deliver, deliver_with, refuse_inputs, write_file};
use crate::cli::setup::Setup;
use crate::diagnostic::Severity;
use crate::i18n::Lang;
use crate::profile;
use crate::render::{self, Format, Settings};
use crate::rules::select::Selection;
use crate::tr;

/// `cchc check`: checks the plans and renders the diagnostics.
/// `vt`: the console understands colour escapes (a Windows console may not).
pub fn check(args: CheckArgs, cli_lang: Option<Lang>, vt: bool) -> Result<(Printed, u8), String> {
    let mut setup = Setup::new(
        args.config.as_deref(),
        args.no_config,
        args.profile.as_deref(),
        cli_lang,
    )?;
    let lang = setup.lang;
    if args.statistics && !render::statistics::supports(args.format) {
        let format = format!("{:?}", args.format).to_lowercase();
        return Err(tr!(
            lang,
            "--statistics không dùng được với --format {format}: chỉ với human, concise hoặc json",
            "--statistics has no {format} form: use it with human, concise or json"
        ));
    }
    let opts = Options {
        selection: Selection::new(args.select.clone(), args.ignore.clone(), lang)?,
        keep_source: args.format == Format::Human && !args.statistics,
        no_ignores: args.no_ignores,
        ..setup.options()
    };
    let (stdin, paths): (Vec<_>, Vec<_>) = args
        .paths
        .iter()
        .cloned()
        .partition(|p| p.as_os_str() == "-");
    let targets = check::targets(&paths, &mut setup.configs, args.skip_non_plans, args.office)?;
    refuse_inputs(
        args.output.as_deref(),
        targets.iter().map(|t| t.path.as_path()),
        lang,
    )?;
    let mut files = check::check_all(&targets, &opts);
    if !stdin.is_empty() {
        let mut bytes = Vec::new();
        let read = std::io::stdin()
            .lock()
            .take(crate::source::MAX_FILE_SIZE + 1)
            .read_to_end(&mut bytes);
        read.map_err(|e| {
            tr!(
                lang,
                "không đọc được đầu vào chuẩn: {e}",
                "cannot read standard input: {e}"
            )
        })?;
        let config = setup
            .configs
            .for_file(std::path::Path::new(&args.stdin_filename))?;
        files.push(check::check_source(
            &args.stdin_filename,
            &bytes,
            false,
            config,
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
                    && vt
            }
        };
    let settings = Settings {
        lang,
        color,
        quiet: args.quiet,
        width: terminal_width(),
        verbose: args.verbose,
        deny_warnings: args.deny_warnings,
        places: std::env::current_dir().ok().map(render::Places::of),
    };
    if args.format == Format::Github
        && let Some(summary) = std::env::var_os("GITHUB_STEP_SUMMARY").filter(|v| !v.is_empty())
    {
        append(
            std::path::Path::new(&summary),
            &render::github::step_summary(&report, lang),
            lang,
        )?;
    }
    let failing = report.count(Severity::Error) > 0
        || (args.deny_warnings && report.count(Severity::Warning) > 0);
    let status = if report.had_unreadable() {
        2
    } else {
        u8::from(failing && !args.exit_zero)
    };
    if args.statistics {
        let text = render::statistics::render(args.format, &report, &settings);
        return deliver(text, args.output.as_deref(), status, lang);
    }
    let format = args.format;
    deliver_with(args.output.as_deref(), status, lang, move |out| {
        render::write(format, &report, &settings, out)
    })
}

/// `cchc report`: checks the plans, with the same setup as `check`, and renders the views.
pub fn report(args: ReportArgs, cli_lang: Option<Lang>) -> Result<(Printed, u8), String> {
    let mut setup = Setup::new(None, args.no_config, args.profile.as_deref(), cli_lang)?;
    let lang = setup.lang;
    let opts = Options {
        keep_plan: true,
        ..setup.options()
    };
    let targets = check::targets(&args.paths, &mut setup.configs, false, args.office)?;
    refuse_inputs(
        args.output.as_deref(),
        targets.iter().map(|t| t.path.as_path()),
        lang,
    )?;
    let run = check::run(&targets, &opts);
    // Profiles the plans may name that are not built in: `--profile`, and the configs'.
    let extra: Vec<&crate::profile::Profile> = opts
        .profile
        .iter()
        .chain(
            targets
                .iter()
                .filter_map(|t| t.config.as_ref()?.profile.as_ref()),
        )
        .collect();
    let report = crate::report::build(&run.files, &extra, lang);
    let text = crate::report::render(&report, args.format, lang);
    let status = if run.had_unreadable() { 2 } else { 0 };
    deliver(text, args.output.as_deref(), status, lang)
}

/// `cchc init`: writes the plan skeleton, never over an existing file without `--force`.
/// `cchc import`: a Word or Excel plan as YAML, on standard output or in `-o FILE`.
pub fn import(args: ImportArgs, lang: Lang) -> Result<(String, u8), String> {
    let shown = args.document.display().to_string();
    let name = args
        .document
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| shown.clone());
    let Some(kind) = crate::source::office::Kind::of(&name) else {
        return Err(tr!(
            lang,
            "{shown}: `cchc import` đọc tệp .docx hoặc .xlsx",
            "{shown}: `cchc import` reads a .docx or .xlsx file"
        ));
    };
    let profile = match args.profile.as_deref() {
        Some(p) => profile::resolve(p, None, lang)?,
        None => profile::default_profile().clone(),
    };
    let bytes = crate::source::read(&args.document).map_err(|e| {
        tr!(
            lang,
            "không đọc được {shown}: {e:?}",
            "cannot read {shown}: {e:?}"
        )
    })?;
    let (text, summary) = match crate::import::import(&name, kind, &bytes, &profile, lang) {
        Ok(done) => done,
        Err(why) => {
            let mut sink = crate::rules::Sink::default();
            crate::rules::unreadable_document::report(&mut sink, &why, lang);
            let message = sink
                .finish(lang)
                .into_iter()
                .map(|f| {
                    let help = f.diagnostic.help.unwrap_or_default();
                    format!("{shown}: T001 {} ({help})", f.diagnostic.message)
                })
                .collect::<Vec<_>>()
                .join("\n");
            eprintln!("{message}");
            return Ok((String::new(), 1));
        }
    };
    eprintln!("{}", crate::import::describe(&summary, lang));
    match &args.output {
        None => Ok((text, 0)),
        Some(out) => {
            refuse_inputs(Some(out.as_path()), [args.document.as_path()], lang)?;
            write_file(out, text.as_bytes(), args.force).map_err(|e| match e.kind() {
                std::io::ErrorKind::AlreadyExists => tr!(
                    lang,
                    "{} đã tồn tại; dùng --force để ghi đè",
                    "{} already exists; use --force to overwrite it",
                    out.display()
                ),
                _ => crate::cli::output::cannot_write(out, &e, lang),
            })?;
            Ok((String::new(), 0))
        }
    }
}

pub fn init(args: InitArgs, lang: Lang) -> Result<String, String> {
    let profile = match args.profile.as_deref() {
        Some(p) => profile::resolve(p, None, lang)?,
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
    let excel = matches!(
        crate::source::office::Kind::of(&args.file.to_string_lossy()),
        Some(crate::source::office::Kind::Excel)
    );
    let bytes = if excel {
        crate::init::workbook::template(&profile, args.agency.as_deref(), period).map_err(|e| {
            tr!(
                lang,
                "không tạo được mẫu Excel: {e}",
                "cannot build the Excel template: {e}"
            )
        })?
    } else {
        crate::init::skeleton(&profile, args.agency.as_deref(), period).into_bytes()
    };
    let shown = args.file.display().to_string();
    write_file(&args.file, &bytes, args.force).map_err(|e| match e.kind() {
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

/// The width the human output fits: `COLUMNS`, else the terminal's, else 100.
pub(super) fn terminal_width() -> usize {
    std::env::var("COLUMNS")
        .ok()
        .and_then(|c| c.trim().parse::<usize>().ok())
        .filter(|w| *w >= 20)
        .or_else(|| terminal_size::terminal_size().map(|(w, _)| usize::from(w.0)))
        .unwrap_or(100)
}

/// Appends `text` to the file at `path` (GitHub's step summary), creating it if need be.
fn append(path: &std::path::Path, text: &str, lang: Lang) -> Result<(), String> {
    use std::io::Write;
    std::fs::OpenOptions::new()
        .append(true)
        .create(true)
        .open(path)
        .and_then(|mut f| f.write_all(text.as_bytes()))
        .map_err(|e| crate::cli::output::cannot_write(path, &e, lang))
}
