//! One file, from bytes to located diagnostics: read, decode, parse, choose
//! the profile, read the plan, run the plan rules, resolve every diagnostic's
//! place once against the tape, and keep what the cross-file rules and the
//! suppressions need for later.

use std::sync::Arc;

use crate::check::{FileReport, Options, SkipReason};
use crate::config::Config;
use crate::location::Origin;
use crate::location::SourceMap;
use crate::profile::{self, Profile};
use crate::rules::{
    self, Located, PlanSummary, Sink, Spot, input, input_limit, invalid_code, not_utf8,
};
use crate::source;
use crate::source::office::plan::{Lowered, OfficeNote};
use crate::source::office::{self, Kind};
use crate::source::yaml::{Note, Shape};
use crate::suppress;
use crate::yaml::{self, Limits, Tape, View};

/// Places every finding of `sink`, against `map` when the file has a source map.
pub(super) fn locate_all(sink: Sink, map: Option<&dyn SourceMap>, opts: &Options) -> Vec<Located> {
    sink.finish(opts.lang)
        .into_iter()
        .map(|f| Located::resolve(f, map))
        .collect()
}

/// Places every finding of `sink` against the file's tape; with `key_lines`
/// (the file has suppressions) also finds the line of each value's key.
fn locate_in_map(sink: Sink, map: &dyn SourceMap, key_lines: bool, opts: &Options) -> Vec<Located> {
    let mut located = locate_all(sink, Some(map), opts);
    if key_lines {
        for d in &mut located {
            d.find_key_line(map);
        }
    }
    located
}

/// Checks the bytes of one file without a config. `walked` files that are not
/// plans are skipped.
pub fn check_bytes(path: &str, bytes: &[u8], walked: bool, opts: &Options) -> FileReport {
    check_source(path, bytes, walked, None, opts)
}

/// A file over [`source::MAX_FILE_SIZE`] bytes, its bytes never read (the
/// browser page does not copy them): what checking such bytes reports.
pub fn check_oversized(path: &str, size: u64, opts: &Options) -> FileReport {
    let mut report = FileReport::new(path);
    let mut sink = Sink::default();
    input_limit::too_large(&mut sink, size, opts.lang);
    report.diagnostics = locate_all(sink, None, opts);
    report
}

/// Checks the bytes of one file, shown as `path`, under `config`.
pub fn check_source(
    path: &str,
    bytes: &[u8],
    walked: bool,
    config: Option<Arc<Config>>,
    opts: &Options,
) -> FileReport {
    if bytes.len() as u64 > source::MAX_FILE_SIZE {
        let mut report = check_oversized(path, bytes.len() as u64, opts);
        report.config = config;
        return report;
    }
    let mut report = FileReport::new(path);
    report.config = config;
    if let Some(kind) = Kind::of(path) {
        check_office(&mut report, kind, bytes, walked, opts);
        return report;
    }
    match source::decode(bytes) {
        Ok(text) => {
            check_text(&mut report, text, walked, opts);
            if opts.keep_source {
                report.source = Some(text.to_owned());
            }
        }
        Err(e) => {
            let mut sink = Sink::default();
            not_utf8::report(&mut sink, &e, opts.lang);
            report.diagnostics = locate_all(sink, None, opts);
        }
    }
    report
}

fn check_text(report: &mut FileReport, text: &str, walked: bool, opts: &Options) {
    let lang = opts.lang;
    let mut sink = Sink::default();
    // A tab after `key:` is valid YAML the parser refuses: read it as a space
    // (one character for one, so every position stays).
    let repaired;
    let arena = yaml::Arena::for_text(text.len());
    let tape = match Tape::parse(text, &arena, Limits::default()) {
        Ok(tape) => Ok(tape),
        Err(first) => match source::syntax::tabs_after_colons(text) {
            Some(fixed) => {
                repaired = fixed;
                Tape::parse(&repaired, &arena, Limits::default())
            }
            None => Err(first),
        },
    };
    let tape = match tape {
        Ok(tape) => tape,
        Err(e) => {
            input::tree_error(&mut sink, &e, text, lang);
            report.diagnostics = locate_all(sink, None, opts);
            report.suppressions = suppressions(text, opts);
            return;
        }
    };
    let root = tape.root();
    if walked && !root.is_some_and(|r| r.get("plan").is_some() || r.get("tasks").is_some()) {
        let empty = root.is_none_or(|r| r.is_null()) && tape.notes.is_empty();
        report.skipped = Some(if empty {
            SkipReason::Empty
        } else {
            SkipReason::NotAPlan
        });
        return;
    }
    report.suppressions = suppressions(text, opts);
    for note in &tape.notes {
        input::tree_note(&mut sink, note, lang);
    }
    let Some(root) = root.filter(|r| !r.is_null()) else {
        input::plan_note(&mut sink, &Note::Structure(Shape::EmptyFile), lang);
        report.diagnostics = locate_all(sink, None, opts);
        return;
    };
    let map: &dyn SourceMap = &tape;
    let profile = match choose_profile(root, report.config.as_deref(), opts) {
        Ok(p) => p,
        Err(id) => {
            let known: Vec<&str> = profile::built_in().iter().map(|p| p.id.as_str()).collect();
            invalid_code::unknown_directive(&mut sink, id, &known, lang);
            report.diagnostics = locate_in_map(sink, map, !report.suppressions.is_empty(), opts);
            return;
        }
    };
    report.profile = Some(profile.id.clone());
    let mut plan = source::yaml::lower(root, profile, &mut |note| {
        input::plan_note(&mut sink, &note, lang);
    });
    let units = crate::model::names::resolve(&mut plan, profile);
    rules::run_plan_rules(&plan, &units, profile, lang, &mut sink);
    report.plan_rules_ran = true;
    report.summary = plan.info.as_ref().map(|info| PlanSummary {
        file: 0,
        path: report.path.clone(),
        number: info
            .number
            .clone()
            .map(|n| (n, Spot::of(map, &info.at("number")))),
        agency: info.agency.clone(),
        period: info
            .period()
            .map(|p| (p, Spot::of(map, &info.at("period")))),
    });
    report.diagnostics = locate_in_map(sink, map, !report.suppressions.is_empty(), opts);
    if opts.keep_plan {
        report.plan = Some(plan.into_owned());
    }
}

/// Checks a `.docx`/`.xlsx`: read into its tables, mapped into the plan tree (turned into a tape),
/// then the same lowering and rules as a YAML plan; places are translated
/// from the tree's synthetic lines back to cells and paragraphs.
fn check_office(report: &mut FileReport, kind: Kind, bytes: &[u8], walked: bool, opts: &Options) {
    let lang = opts.lang;
    let mut sink = Sink::default();
    let doc = match office::read(kind, bytes) {
        Ok(doc) => doc,
        Err(why) => {
            rules::unreadable_document::report(&mut sink, &why, lang);
            report.diagnostics = locate_all(sink, None, opts);
            return;
        }
    };
    let excel = kind == Kind::Excel;
    let configured = report.config.as_ref().and_then(|c| c.profile.as_ref());
    let mut profile: &Profile = opts
        .profile
        .as_ref()
        .or(configured)
        .unwrap_or_else(|| profile::default_profile());
    let mut lowered = office::plan::lower(&doc, profile, excel);
    // A `Hồ sơ chỉ đạo` row names the profile, as `directive:` does.
    if opts.profile.is_none()
        && let Some(id) = Tape::of_tree(&lowered.tree)
            .root()
            .and_then(source::yaml::directive)
            .map(str::to_owned)
        && id != profile.id
    {
        match configured
            .filter(|p| p.id == id)
            .or_else(|| profile::find_built_in(&id))
        {
            Some(p) => {
                profile = p;
                lowered = office::plan::lower(&doc, profile, excel);
            }
            None => {
                let known: Vec<&str> = profile::built_in().iter().map(|p| p.id.as_str()).collect();
                invalid_code::unknown_directive(&mut sink, &id, &known, lang);
                finish_office(report, sink, &lowered, &Tape::of_tree(&lowered.tree), opts);
                return;
            }
        }
    }
    if let Some(OfficeNote::NoTaskTable { tables }) = lowered
        .notes
        .iter()
        .find(|n| matches!(n, OfficeNote::NoTaskTable { .. }))
    {
        if walked {
            report.skipped = Some(SkipReason::NotAPlan);
            return;
        }
        rules::no_task_table::report(&mut sink, tables, lang);
        finish_office(report, sink, &lowered, &Tape::of_tree(&lowered.tree), opts);
        return;
    }
    for note in &lowered.notes {
        if let OfficeNote::UnknownColumn { span, header } = note {
            rules::unknown_column::report(&mut sink, *span, header, lang);
        }
    }
    report.profile = Some(profile.id.clone());
    let identity = crate::location::Pointer::keys(&["plan"]);
    let tape = Tape::of_tree(&lowered.tree);
    let Some(root) = tape.root() else {
        finish_office(report, sink, &lowered, &tape, opts);
        return;
    };
    let mut plan = source::yaml::lower(root, profile, &mut |note| match &note {
        Note::Structure(Shape::MissingKey { pointer, key }) if *pointer == identity => {
            rules::invalid_structure::missing_identity(&mut sink, key, excel, lang);
        }
        _ => input::plan_note(&mut sink, &note, lang),
    });
    let units = crate::model::names::resolve(&mut plan, profile);
    rules::run_plan_rules(&plan, &units, profile, lang, &mut sink);
    report.plan_rules_ran = true;
    let map: &dyn SourceMap = &tape;
    let spot = |pointer: &crate::location::Pointer| {
        let mut s = Spot::of(map, pointer);
        s.origin = lowered.origin(s.span.start.line).cloned();
        s.span = real_span(&lowered, s.span);
        if let Some(o) = lowered.origin(s.key_line) {
            s.key_line = o.line_column().0;
        }
        s
    };
    report.summary = plan.info.as_ref().map(|info| PlanSummary {
        file: 0,
        path: report.path.clone(),
        number: info.number.clone().map(|n| (n, spot(&info.at("number")))),
        agency: info.agency.clone(),
        period: info.period().map(|p| (p, spot(&info.at("period")))),
    });
    finish_office(report, sink, &lowered, &tape, opts);
    if opts.keep_plan {
        report.plan = Some(plan.into_owned());
    }
}

/// The span a synthetic span stands for: the cell's row and column (one character wide).
fn real_span(lowered: &Lowered, span: crate::location::Span) -> crate::location::Span {
    let Some(origin) = lowered.origin(span.start.line) else {
        return span;
    };
    let (line, col) = origin.line_column();
    let start = crate::location::Pos {
        line,
        col: col.saturating_sub(1),
    };
    crate::location::Span {
        start,
        end: crate::location::Pos { line, col },
    }
}

/// Places an office document's findings on its cells and paragraphs (the
/// tape of `lowered`'s tree is the map they are placed against first).
fn finish_office(
    report: &mut FileReport,
    sink: Sink,
    lowered: &Lowered,
    tape: &Tape,
    opts: &Options,
) {
    let origin_of = |line: u32| -> Option<Origin> { lowered.origin(line).cloned() };
    let mut located = locate_all(sink, Some(tape), opts);
    // Ids are the lowering's own (`NV3`): messages add the row they stand for.
    let rows: Vec<(String, String)> = lowered
        .rows()
        .into_iter()
        .map(|(id, origin)| {
            let named = format!("`{id}` ({})", origin.row_name(opts.lang));
            (format!("`{id}`"), named)
        })
        .collect();
    let name_rows = |text: &mut String| {
        if text.contains('`') {
            for (id, named) in &rows {
                if text.contains(id.as_str()) {
                    *text = text.replace(id.as_str(), named);
                }
            }
        }
    };
    for d in &mut located {
        let diagnostic = &mut d.diagnostic;
        if let Some(help) = diagnostic.table_help.take() {
            diagnostic.help = Some(help);
        }
        if let Some(message) = diagnostic.table_message.take() {
            diagnostic.message = message;
        }
        name_rows(&mut diagnostic.message);
        if let Some(help) = &mut diagnostic.help {
            name_rows(help);
        }
        if let Some(origin) = origin_of(d.line) {
            let (line, col) = origin.line_column();
            d.line = line;
            d.column = col;
            d.end_line = line;
            d.end_column = col + 1;
            d.origin = Some(origin);
        }
        if let Some(r) = &mut d.related
            && let Some(origin) = origin_of(r.line)
        {
            let (line, col) = origin.line_column();
            *r = rules::Place {
                line,
                column: col,
                end_line: line,
                end_column: col + 1,
            };
        }
        d.key_line = None;
    }
    report.diagnostics = located;
    report.office = Some(Arc::new(lowered.tables.clone()));
}

/// The file's suppression comments, none when the run ignores them.
fn suppressions(text: &str, opts: &Options) -> Vec<suppress::Suppression> {
    if opts.no_ignores {
        Vec::new()
    } else {
        suppress::scan(text)
    }
}

/// Chooses the profile: `--profile`, else the plan's `directive:`, else the
/// config's, else the default; `Err` with the id when `directive:` names none.
fn choose_profile<'a, 'n>(
    root: View<'_, 'n>,
    config: Option<&'a Config>,
    opts: &'a Options,
) -> Result<&'a Profile, &'n str> {
    if let Some(p) = &opts.profile {
        return Ok(p);
    }
    let configured = config.and_then(|c| c.profile.as_ref());
    let Some(id) = source::yaml::directive(root) else {
        return Ok(configured.unwrap_or_else(|| profile::default_profile()));
    };
    if let Some(p) = configured.filter(|p| p.id == id) {
        return Ok(p);
    }
    profile::find_built_in(id).ok_or(id)
}
