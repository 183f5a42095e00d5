//! Checking files: one file from bytes to located diagnostics, and a run over
//! many paths (walked in parallel, results in a fixed order) with the
//! cross-file rules applied to small per-plan summaries.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

use crate::diagnostic::{Diagnostic, Lang, Located, Severity, Sink};
use crate::load::yaml::{self, Limit, Limits, Part, Span, TreeError, TreeNote};
use crate::load::{self, lower};
use crate::profile::{self, Profile, YearRange};
use crate::rules::{
    self, Context, Rule, duplicate_id, input_limit, invalid_code, invalid_structure, yaml_syntax,
};
use crate::tr;

/// How a run is configured.
#[derive(Debug, Clone, Default)]
pub struct Options {
    pub lang: Lang,
    /// A profile given on the command line; it overrides `directive:` in plans.
    pub profile: Option<Profile>,
    /// Codes, names or family letters to keep (empty: all).
    pub select: Vec<String>,
    /// Codes, names or family letters to drop.
    pub ignore: Vec<String>,
    /// Keep each file's text for rendering source snippets.
    pub keep_source: bool,
    /// The profile of the config file, used when the plan names none.
    pub default_profile: Option<Profile>,
    /// The config file: severities, exclusions, overrides.
    pub config: Option<crate::config::Config>,
    /// Show everything, ignoring `# cchc: ignore` comments (for auditors).
    pub no_ignores: bool,
    /// Keep each file's typed plan (for `cchc report`).
    pub keep_plan: bool,
}

impl Options {
    /// Whether a rule's diagnostics are reported under `--select`/`--ignore`.
    pub fn enabled(&self, rule: &Rule) -> bool {
        let matches = |s: &String| crate::config::selects(s, rule);
        (self.select.is_empty() || self.select.iter().any(matches))
            && !self.ignore.iter().any(matches)
    }

    /// The severity a diagnostic of `rule` has in the file at `path`; `None` when off.
    pub fn severity(&self, rule: &Rule, path: &Path) -> Option<Severity> {
        if !self.enabled(rule) {
            return None;
        }
        match &self.config {
            Some(c) => c.severity(rule, path),
            None => Some(rule.severity),
        }
    }
}

/// What the cross-file rules need of one plan.
#[derive(Debug, Clone)]
pub struct PlanSummary {
    /// Index of the file in the run.
    pub file: usize,
    pub path: String,
    pub number: Option<(String, Span)>,
    pub agency: Option<String>,
    pub period: Option<(YearRange, Span)>,
}

/// The result of checking one file.
#[derive(Debug, Clone)]
pub struct FileReport {
    /// As given on the command line or found by walking, `/`-separated.
    pub path: String,
    /// The profile id the plan was checked against.
    pub profile: Option<String>,
    pub diagnostics: Vec<Located>,
    /// The text, when the run keeps it for snippets.
    pub source: Option<String>,
    /// A YAML file found by walking that is not a plan.
    pub skipped: bool,
    /// The path could not be read (P000).
    pub unreadable: bool,
    /// The typed plan, when the run keeps it.
    pub plan: Option<crate::load::model::Plan>,
    summary: Option<PlanSummary>,
}

impl FileReport {
    fn new(path: &str) -> Self {
        FileReport {
            path: path.to_owned(),
            profile: None,
            diagnostics: Vec::new(),
            source: None,
            skipped: false,
            unreadable: false,
            plan: None,
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

/// Checks one file at `path`, shown as `display`.
pub fn check_path(path: &Path, display: &str, walked: bool, opts: &Options) -> FileReport {
    match load::read(path, opts.lang) {
        Ok(bytes) => check_bytes(display, &bytes, walked, opts),
        Err(d) => {
            let mut report = FileReport::new(display);
            report.unreadable = d.rule.code == "P000";
            report.diagnostics.push(Located::new(*d, Span::DOCUMENT));
            report
        }
    }
}

/// Checks the bytes of one file. `walked` files that are not plans are skipped.
pub fn check_bytes(path: &str, bytes: &[u8], walked: bool, opts: &Options) -> FileReport {
    let mut report = FileReport::new(path);
    if bytes.len() as u64 > load::MAX_FILE_SIZE {
        report.diagnostics.push(Located::new(
            load::too_large(bytes.len() as u64, opts.lang),
            Span::DOCUMENT,
        ));
        return report;
    }
    match load::decode(bytes, opts.lang) {
        Ok(text) => {
            check_text(&mut report, text, walked, opts);
            if opts.keep_source {
                report.source = Some(text.to_owned());
            }
        }
        Err(d) => {
            let span = d.span.unwrap_or(Span::DOCUMENT);
            report.diagnostics.push(Located::new(*d, span));
        }
    }
    report
}

fn check_text(report: &mut FileReport, text: &str, walked: bool, opts: &Options) {
    lint_text(report, text, walked, opts);
    if !opts.no_ignores && !report.skipped {
        crate::suppress::apply(text, &mut report.diagnostics, opts.lang);
    }
}

fn lint_text(report: &mut FileReport, text: &str, walked: bool, opts: &Options) {
    let lang = opts.lang;
    let mut diags = Sink::default();
    let tree = match yaml::parse(text, Limits::default()) {
        Ok(tree) => tree,
        Err(e) => {
            report
                .diagnostics
                .push(tree_error(e, load::end_position(text), lang));
            return;
        }
    };
    let root = tree.root.as_ref();
    if walked && !root.is_some_and(|r| r.get("plan").is_some() || r.get("tasks").is_some()) {
        report.skipped = true;
        return;
    }
    for note in &tree.notes {
        diags.push(tree_note(note, lang));
    }
    let Some(root) = root.filter(|r| !r.is_null()) else {
        diags.push(
            Diagnostic::new(
                &invalid_structure::RULE,
                "",
                Part::Value,
                tr!(
                    lang,
                    "Tệp trống: chưa có nội dung kế hoạch",
                    "The file is empty: it holds no plan"
                ),
            )
            .help(tr!(
                lang,
                "Viết kế hoạch theo mẫu trong PLAN-FORMAT.md, hoặc tạo khung bằng `cchc init`.",
                "Write the plan as PLAN-FORMAT.md shows, or start from `cchc init`."
            )),
        );
        report.diagnostics = locate_all(diags.finish(lang), None);
        return;
    };
    let profile = match choose_profile(root, opts) {
        Ok(p) => p,
        Err(d) => {
            diags.push(*d);
            report.diagnostics = locate_all(diags.finish(lang), Some(root));
            return;
        }
    };
    report.profile = Some(profile.id.clone());
    let plan = lower::lower(root, profile, lang, &mut diags);
    Context::new(&plan, profile, lang, Some(root), &mut diags).run_all();
    report.summary = plan.info.as_ref().map(|info| PlanSummary {
        file: 0,
        path: report.path.clone(),
        number: info
            .number
            .clone()
            .map(|n| (n, yaml::locate(Some(root), "/plan/number", Part::Value))),
        agency: info.agency.clone(),
        period: info
            .period()
            .map(|p| (p, yaml::locate(Some(root), "/plan/period", Part::Value))),
    });
    report.diagnostics = locate_all(diags.finish(lang), Some(root));
    if opts.keep_plan {
        report.plan = Some(plan);
    }
}

/// Chooses the profile: `--profile`, else the plan's `directive:`, else the default.
fn choose_profile<'a>(
    root: &yaml::Node,
    opts: &'a Options,
) -> Result<&'a Profile, Box<Diagnostic>> {
    if let Some(p) = &opts.profile {
        return Ok(p);
    }
    let Some(id) = lower::directive(root) else {
        return Ok(opts
            .default_profile
            .as_ref()
            .unwrap_or_else(|| profile::default_profile()));
    };
    if let Some(p) = opts.default_profile.as_ref().filter(|p| p.id == id) {
        return Ok(p);
    }
    profile::find_built_in(id).ok_or_else(|| {
        let known: Vec<&str> = profile::built_in().iter().map(|p| p.id.as_str()).collect();
        Box::new(invalid_code::unknown_directive(id, &known, opts.lang))
    })
}

/// A syntax error or limit as a located diagnostic. The parser can place an
/// error just past the last line (it reads an implicit final line break), so
/// positions are clamped to the end of the file.
fn tree_error(e: TreeError, end: yaml::Pos, lang: Lang) -> Located {
    match e {
        TreeError::Syntax { at, message } => {
            let at = at.min(end);
            let d = Diagnostic::new(&yaml_syntax::RULE, "", Part::Value, tr!(lang, "Lỗi cú pháp YAML: {message}", "YAML syntax error: {message}"))
                .help(tr!(lang, "Kiểm tra thụt lề (chỉ dùng dấu cách), dấu ngoặc và dấu hai chấm tại vị trí này; đặt giá trị chứa `:` hoặc `,` trong ngoặc kép.", "Check the indentation (spaces only), brackets and colons here; quote values that contain `:` or `,`."));
            Located::new(
                d,
                Span {
                    start: at,
                    end: yaml::Pos {
                        line: at.line,
                        col: at.col + 1,
                    },
                },
            )
        }
        TreeError::Limit { at, limit } => {
            let at = at.min(end);
            let message = match limit {
                Limit::Depth(n) => tr!(
                    lang,
                    "Cấu trúc lồng quá sâu (quá {n} cấp)",
                    "Nesting is too deep (more than {n} levels)"
                ),
                Limit::Nodes(n) => tr!(
                    lang,
                    "Tệp có quá nhiều phần tử (quá {n})",
                    "The file has too many nodes (more than {n})"
                ),
                Limit::Aliases(n) => tr!(
                    lang,
                    "Alias sinh ra quá nhiều phần tử (quá {n}): có thể là \"bom alias\"",
                    "Aliases expand to too many nodes (more than {n}): possibly an alias bomb"
                ),
            };
            let d = Diagnostic::new(&input_limit::RULE, "", Part::Value, message)
                .help(tr!(lang, "Một kế hoạch thật không cần cấu trúc như vậy; viết lại không dùng alias lồng nhau hay lồng quá sâu.", "A real plan needs no such structure; rewrite it without nested aliases or deep nesting."));
            Located::new(d, Span { start: at, end: at })
        }
    }
}

fn tree_note(note: &TreeNote, lang: Lang) -> Diagnostic {
    match note {
        TreeNote::DuplicateKey {
            pointer,
            key,
            span,
            first,
        } => {
            let (key, line) = (crate::text::printable(key), first.start.line);
            Diagnostic::new(
                &duplicate_id::RULE,
                pointer.clone(),
                Part::Key,
                tr!(
                    lang,
                    "Khóa `{key}` lặp lại (đã có ở dòng {line})",
                    "Key `{key}` is repeated (first on line {line})"
                ),
            )
            .help(tr!(
                lang,
                "Gộp hai mục `{key}` thành một; giá trị lặp lại sau bị bỏ qua.",
                "Merge the two `{key}` entries; the later value is ignored."
            ))
            .at(*span)
        }
        TreeNote::ExtraDocument { span } => Diagnostic::new(
            &invalid_structure::RULE,
            "",
            Part::Value,
            tr!(
                lang,
                "Tệp có nhiều hơn một tài liệu YAML; chỉ tài liệu đầu tiên được kiểm tra",
                "The file holds more than one YAML document; only the first is checked"
            ),
        )
        .help(tr!(
            lang,
            "Mỗi tệp chứa một kế hoạch: tách các phần sau `---` ra tệp riêng.",
            "One plan per file: move what follows `---` to a file of its own."
        ))
        .at(*span),
    }
}

fn locate_all(diags: Vec<Diagnostic>, root: Option<&yaml::Node>) -> Vec<Located> {
    diags
        .into_iter()
        .map(|d| {
            let span = d
                .span
                .unwrap_or_else(|| yaml::locate(root, &d.pointer, d.part));
            Located::new(d, span)
        })
        .collect()
}

/// The result of a whole run.
#[derive(Debug, Clone, Default)]
pub struct RunReport {
    /// Checked and skipped files, sorted by path.
    pub files: Vec<FileReport>,
}

impl RunReport {
    pub fn checked(&self) -> impl Iterator<Item = &FileReport> {
        self.files.iter().filter(|f| !f.skipped)
    }

    pub fn skipped(&self) -> usize {
        self.files.iter().filter(|f| f.skipped).count()
    }

    pub fn count(&self, severity: Severity) -> usize {
        self.files.iter().map(|f| f.count(severity)).sum()
    }

    /// Whether a path could not be read (exit status 2).
    pub fn had_unreadable(&self) -> bool {
        self.files.iter().any(|f| f.unreadable)
    }
}

/// A file to check and how it was found.
#[derive(Debug, Clone)]
pub struct Target {
    pub path: PathBuf,
    pub display: String,
    pub walked: bool,
}

/// Expands command-line paths: directories are walked for `*.yaml`/`*.yml`,
/// skipping hidden directories and what `.gitignore` ignores.
pub fn targets(paths: &[PathBuf], config: Option<&crate::config::Config>) -> Vec<Target> {
    let mut out = Vec::new();
    for path in paths {
        if !path.is_dir() {
            out.push(Target {
                path: path.clone(),
                display: path.to_string_lossy().replace('\\', "/"),
                walked: false,
            });
            continue;
        }
        let walker = ignore::WalkBuilder::new(path)
            .hidden(true)
            .require_git(false)
            .sort_by_file_path(Ord::cmp)
            .build();
        for entry in walker.flatten() {
            let p = entry.path();
            let is_yaml = p.extension().is_some_and(|e| e == "yaml" || e == "yml");
            let excluded = config.is_some_and(|c| c.excludes(p));
            if is_yaml && !excluded && entry.file_type().is_some_and(|t| !t.is_dir()) {
                out.push(Target {
                    path: p.to_path_buf(),
                    display: display(p),
                    walked: true,
                });
            }
        }
    }
    out
}

/// A path found by walking, `/`-separated, without a leading `./` (walking `.` yields `./a.yaml`).
fn display(path: &Path) -> String {
    let s = path.to_string_lossy().replace('\\', "/");
    s.strip_prefix("./").map(str::to_owned).unwrap_or(s)
}

/// Checks one target; a panic (a bug in cchc, never expected) is caught so that
/// the other files are still checked, and reported on this file with exit status 2.
fn check_guarded(t: &Target, opts: &Options) -> FileReport {
    let checked = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        check_path(&t.path, &t.display, t.walked, opts)
    }));
    checked.unwrap_or_else(|_| {
        let lang = opts.lang;
        let mut report = FileReport::new(&t.display);
        report.unreadable = true;
        let d = Diagnostic::new(&crate::rules::unreadable_file::RULE, "", Part::Value, tr!(lang, "Lỗi nội bộ của cchc khi kiểm tra tệp này", "Internal error in cchc while checking this file"))
            .help(tr!(lang, "Đây là lỗi của công cụ, không phải của kế hoạch: hãy báo kèm tệp này. Các tệp khác vẫn được kiểm tra.", "This is a bug in the tool, not in the plan: please report it with this file. The other files were still checked."));
        report.diagnostics.push(Located::new(d, Span::DOCUMENT));
        report
    })
}

/// Checks every target on all cores, then applies the cross-file rules.
pub fn run(targets: &[Target], opts: &Options) -> RunReport {
    finish(check_all(targets, opts), opts)
}

/// Checks every target on all cores; the result does not depend on scheduling.
pub fn check_all(targets: &[Target], opts: &Options) -> Vec<FileReport> {
    let threads = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(targets.len().max(1));
    let next = AtomicUsize::new(0);
    let mut slots: Vec<Option<FileReport>> = vec![None; targets.len()];
    std::thread::scope(|s| {
        let workers: Vec<_> = (0..threads)
            .map(|_| {
                s.spawn(|| {
                    let mut done = Vec::new();
                    loop {
                        let i = next.fetch_add(1, Ordering::Relaxed);
                        let Some(t) = targets.get(i) else { break };
                        done.push((i, check_guarded(t, opts)));
                    }
                    done
                })
            })
            .collect();
        for w in workers {
            for (i, r) in w.join().unwrap_or_default() {
                slots[i] = Some(r);
            }
        }
    });
    slots.into_iter().flatten().collect()
}

/// Applies the cross-file rules and the selection, and sorts everything.
pub fn finish(mut files: Vec<FileReport>, opts: &Options) -> RunReport {
    files.sort_by(|a, b| a.path.cmp(&b.path));
    files.dedup_by(|a, b| a.path == b.path);
    let summaries: Vec<PlanSummary> = files
        .iter()
        .enumerate()
        .filter_map(|(i, f)| f.summary.clone().map(|s| PlanSummary { file: i, ..s }))
        .collect();
    for rule in rules::RULES {
        if let rules::Check::Run(check) = rule.check {
            for (i, located) in check(&summaries, opts.lang) {
                files[i].diagnostics.push(located);
            }
        }
    }
    for f in &mut files {
        let path = PathBuf::from(&f.path);
        f.diagnostics
            .retain_mut(|d| match opts.severity(d.diagnostic.rule, &path) {
                Some(s) => {
                    d.diagnostic.severity = s;
                    true
                }
                None => false,
            });
        f.diagnostics
            .sort_by(|a, b| (a.line, a.column, a.code()).cmp(&(b.line, b.column, b.code())));
        f.summary = None;
    }
    RunReport { files }
}
