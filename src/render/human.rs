//! `--format human`: a miette report per diagnostic (message, the source lines
//! with the span underlined, help), then a summary table. Text from the plan is
//! printed with control characters neutralised.

use std::fmt;

use comfy_table::{ContentArrangement, Table, presets::UTF8_FULL_CONDENSED};
use miette::{
    GraphicalReportHandler, GraphicalTheme, LabeledSpan, MietteError, MietteSpanContents,
    SourceCode, SourceSpan, SpanContents,
};

use crate::check::{FileReport, RunReport};
use crate::diagnostic::Severity;
use crate::i18n::Lang;
use crate::location::Origin;
use crate::render::excerpt::{self, OfficeExcerpt};
use crate::render::{Settings, summary_line};
use crate::rules::Located;
use crate::source::office::Table as OfficeTable;
use crate::text::printable;
use crate::tr;

/// The lines of a plan around one diagnostic, under the file's name, as
/// miette reads them: lines longer than the terminal are cut with `…` (the
/// line of the diagnostic around its column), so that nothing wraps into the
/// gutter; `base` is the number of lines before the excerpt.
struct Source<'a> {
    name: &'a str,
    text: String,
    base: usize,
    /// The excerpt line (0-based) shown from a later column, and the
    /// characters cut before it (replaced by one `…`).
    shifted: Option<(usize, usize)>,
    _file: std::marker::PhantomData<&'a str>,
}

impl SourceCode for Source<'_> {
    fn read_span<'a>(
        &'a self,
        span: &SourceSpan,
        before: usize,
        after: usize,
    ) -> Result<Box<dyn SpanContents<'a> + 'a>, MietteError> {
        let c = self.text.read_span(span, before, after)?;
        // miette counts columns in bytes; the header shows characters, as JSON does
        // (an editor's column), so Vietnamese text before the span does not shift it.
        let start = span.offset().min(self.text.len());
        let line_start = self.text[..start].rfind('\n').map_or(0, |i| i + 1);
        let line = self.text[..line_start].matches('\n').count();
        let mut column = self
            .text
            .get(line_start..start)
            .map_or(c.column(), |t| t.chars().count());
        if let Some((shifted, cut)) = self.shifted
            && shifted == line
        {
            column = column + cut - 1;
        }
        Ok(Box::new(MietteSpanContents::new_named(
            self.name.to_owned(),
            c.data(),
            *c.span(),
            c.line() + self.base,
            column,
            c.line_count(),
        )))
    }
}

/// One diagnostic as miette sees it.
struct Report<'a> {
    heading: String,
    severity: Severity,
    source: Option<Source<'a>>,
    spans: Vec<LabeledSpan>,
}

impl fmt::Debug for Report<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.heading)
    }
}

impl fmt::Display for Report<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.heading)
    }
}

impl std::error::Error for Report<'_> {}

impl miette::Diagnostic for Report<'_> {
    fn severity(&self) -> Option<miette::Severity> {
        Some(match self.severity {
            Severity::Error => miette::Severity::Error,
            Severity::Warning => miette::Severity::Warning,
            Severity::Info => miette::Severity::Advice,
        })
    }

    fn source_code(&self) -> Option<&dyn SourceCode> {
        self.source.as_ref().map(|s| s as &dyn SourceCode)
    }

    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        if self.spans.is_empty() {
            return None;
        }
        Some(Box::new(self.spans.iter().cloned()))
    }
}

/// Byte offsets of line starts, to turn (line, code-point column) into bytes.
struct Lines<'a> {
    text: &'a str,
    starts: Vec<usize>,
}

impl<'a> Lines<'a> {
    fn new(text: &'a str) -> Self {
        let mut starts = vec![0];
        let bytes = text.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            match bytes[i] {
                b'\n' => starts.push(i + 1),
                b'\r' if bytes.get(i + 1) != Some(&b'\n') => starts.push(i + 1),
                _ => {}
            }
            i += 1;
        }
        Lines { text, starts }
    }

    /// The text of a line (1-based), without its line break.
    fn line(&self, line: u32) -> &'a str {
        let idx = (line as usize).saturating_sub(1).min(self.starts.len() - 1);
        let rest = &self.text[self.starts[idx]..];
        &rest[..rest.find(['\n', '\r']).unwrap_or(rest.len())]
    }

    fn count(&self) -> u32 {
        self.starts.len() as u32
    }

    fn offset(&self, line: u32, column: u32) -> usize {
        let idx = (line as usize).saturating_sub(1).min(self.starts.len() - 1);
        let start = self.starts[idx];
        let rest = &self.text[start..];
        let eol = rest.find(['\n', '\r']).unwrap_or(rest.len());
        let line_text = &rest[..eol];
        let skip = (column as usize).saturating_sub(1);
        start
            + line_text
                .char_indices()
                .nth(skip)
                .map_or(line_text.len(), |(b, _)| b)
    }
}

/// Keeps line structure (and code-point count) while neutralising control characters.
fn printable_source(text: &str) -> String {
    text.chars()
        .map(|c| {
            if c.is_control() && !matches!(c, '\n' | '\r' | '\t') {
                '\u{FFFD}'
            } else {
                c
            }
        })
        .collect()
}

pub fn render(report: &RunReport, settings: &Settings) -> String {
    let mut out = String::new();
    let theme = if settings.color {
        GraphicalTheme::unicode()
    } else {
        GraphicalTheme::unicode_nocolor()
    };
    for file in &report.files {
        if file.diagnostics.is_empty() {
            continue;
        }
        let text = file.source.as_deref().map(printable_source);
        let lines = text.as_deref().map(Lines::new);
        let office = file.office.as_deref().map(Vec::as_slice);
        let name = printable(&file.path).into_owned();
        // Diagnostics of one code at one place (ten C002 at `tasks:`) are one
        // block listing each (they are sorted, so such runs are adjacent).
        for group in file.diagnostics.chunk_by(|a, b| {
            a.code() == b.code()
                && (a.line, a.column, a.end_line, a.end_column)
                    == (b.line, b.column, b.end_line, b.end_column)
        }) {
            match group {
                [one] => render_one(
                    &mut out,
                    one,
                    &name,
                    lines.as_ref(),
                    office,
                    settings,
                    &theme,
                    None,
                ),
                [first, ..] => {
                    let (heading, footer) = grouped(group, settings.lang);
                    let mut shown = first.clone();
                    shown.diagnostic.message = heading;
                    if group
                        .iter()
                        .any(|d| d.diagnostic.label != first.diagnostic.label)
                    {
                        shown.diagnostic.label = None;
                    }
                    let footer = Some(footer.as_str());
                    render_one(
                        &mut out,
                        &shown,
                        &name,
                        lines.as_ref(),
                        office,
                        settings,
                        &theme,
                        footer,
                    );
                }
                [] => {}
            }
        }
    }
    if !settings.quiet {
        out.push_str(&summary_table(report, settings));
    }
    out
}

/// The heading and the footer of a block of diagnostics of one code at one
/// place: how many, then each message, then the help (once when they share it).
fn grouped(group: &[Located], lang: Lang) -> (String, String) {
    let n = group.len();
    let heading = tr!(
        lang,
        "{n} trường hợp cùng loại tại đây:",
        "{n} findings of one kind here:"
    );
    let mut footer = String::new();
    for d in group {
        footer.push_str("• ");
        footer.push_str(&d.diagnostic.message);
        footer.push('\n');
    }
    let helps: Vec<&str> = group
        .iter()
        .filter_map(|d| d.diagnostic.help.as_deref())
        .collect();
    if let Some(first) = helps.first() {
        let word = tr!(lang, "cách sửa", "help");
        let more = if helps.iter().all(|h| h == first) {
            String::new()
        } else {
            tr!(
                lang,
                " (tương tự cho từng trường hợp)",
                " (likewise for each)"
            )
        };
        footer.push_str(&format!("{word}: {first}{more}"));
    }
    (heading, footer)
}

/// Lines shown around a diagnostic, before and after its span.
const CONTEXT: u32 = 2;

/// How far (in lines) a related location may be to be shown in the same snippet.
const RELATED_REACH: u32 = 30;

/// The lines around `d` cut to `width`, and its spans in them.
fn excerpt<'a>(
    d: &Located,
    name: &'a str,
    lines: &Lines,
    width: usize,
) -> (Source<'a>, Vec<LabeledSpan>) {
    let diag = &d.diagnostic;
    let related = d
        .related
        .filter(|r| r.line.abs_diff(d.line) <= RELATED_REACH && diag.related.is_some());
    let low = related.map_or(d.line, |r| r.line.min(d.line));
    let high = related
        .map_or(d.end_line, |r| r.end_line.max(d.end_line))
        .max(d.line);
    let first = low.saturating_sub(CONTEXT).max(1);
    let last = (high + CONTEXT).min(lines.count());
    // The gutter: the line number, " │ ", and a margin.
    let gutter = last.to_string().len() + 5;
    let room = width.saturating_sub(gutter).max(20);
    let mut text = String::new();
    let mut shifted = None;
    for n in first..=last {
        let line = lines.line(n);
        let count = line.chars().count();
        if count <= room {
            text.push_str(line);
        } else if n == d.line && (d.column as usize) + 4 > room {
            // Show the diagnostic's line from a little before its column.
            let cut = (d.column as usize).saturating_sub(room / 4).max(1);
            text.push('…');
            let kept: String = line.chars().skip(cut).take(room - 2).collect();
            text.push_str(&kept);
            if cut + room - 2 < count {
                text.push('…');
            }
            shifted = Some(((n - first) as usize, cut));
        } else {
            text.extend(line.chars().take(room - 1));
            text.push('…');
        }
        text.push('\n');
    }
    let cut_lines = Lines::new(&text);
    let shift = |line: u32, column: u32| -> u32 {
        match shifted {
            Some((at, cut)) if at as u32 + first == line => {
                (column as usize).saturating_sub(cut).max(1) as u32 + 1
            }
            _ => column,
        }
    };
    let span = |line: u32, column: u32, end_line: u32, end_column: u32, label: Option<String>| {
        let start = cut_lines.offset(line + 1 - first, shift(line, column));
        let end = if (end_line, end_column) > (line, column) && end_line <= last {
            cut_lines.offset(end_line + 1 - first, shift(end_line, end_column))
        } else {
            start
        };
        LabeledSpan::new(label, start, end.saturating_sub(start))
    };
    let label = diag.label.as_deref().map(|l| printable(l).into_owned());
    let mut spans = vec![span(d.line, d.column, d.end_line, d.end_column, label)];
    if let (Some(at), Some(r)) = (related, &diag.related) {
        let label = Some(printable(&r.label).into_owned());
        spans.push(span(at.line, at.column, at.end_line, at.end_column, label));
    }
    let source = Source {
        name,
        text,
        base: (first - 1) as usize,
        shifted,
        _file: std::marker::PhantomData,
    };
    (source, spans)
}

#[allow(clippy::too_many_arguments)]
fn render_one(
    out: &mut String,
    d: &Located,
    name: &str,
    lines: Option<&Lines>,
    office: Option<&[OfficeTable]>,
    settings: &Settings,
    theme: &GraphicalTheme,
    footer: Option<&str>,
) {
    let lang = settings.lang;
    let diag = &d.diagnostic;
    let heading = format!(
        "{}[{}]: {}",
        d.severity().word(lang),
        d.code(),
        printable(&diag.message)
    );
    let (source, spans) = match lines {
        Some(lines) => {
            let (source, spans) = excerpt(d, name, lines, settings.width);
            (Some(source), spans)
        }
        None => (None, Vec::new()),
    };
    let header_location = match (&source, &d.origin) {
        (None, Some(origin)) => office_excerpt(name, origin, office.unwrap_or_default(), settings),
        (None, None) => format!("  ╭─[{name}:{}:{}]\n", d.line, d.column),
        _ => String::new(),
    };
    let report = Report {
        heading,
        severity: d.severity(),
        source,
        spans,
    };
    let mut handler = GraphicalReportHandler::new_themed(theme.clone())
        .with_width(settings.width)
        .with_links(false);
    if let Some(footer) = footer {
        handler = handler.with_footer(printable(footer).into_owned());
    } else if let Some(help) = &diag.help {
        let word = tr!(lang, "cách sửa", "help");
        handler = handler.with_footer(format!("{word}: {}", printable(help)));
    }
    let mut rendered = String::new();
    if handler.render_report(&mut rendered, &report).is_err() {
        rendered = format!("{}\n", report.heading);
    }
    if header_location.is_empty() {
        out.push_str(&rendered);
    } else {
        // After the heading, which may wrap over several lines: before the first blank line.
        let at = rendered.find("\n\n").map_or(rendered.len(), |i| i + 1);
        let (heading, rest) = rendered.split_at(at);
        out.push_str(heading);
        if !heading.ends_with('\n') {
            out.push('\n');
        }
        out.push_str(&header_location);
        out.push_str(rest);
    }
    out.push('\n');
}

/// `╭─[file: place]`, or the place on a line of its own when both do not fit the width.
fn place_line(name: &str, place: &str, width: usize) -> String {
    let one = format!("  ╭─[{name}: {place}]\n");
    if one.chars().count() <= width + 1 {
        return one;
    }
    let room = width.saturating_sub(4).max(10);
    let place: String = if place.chars().count() > room {
        place.chars().take(room - 1).chain(['…']).collect()
    } else {
        place.to_owned()
    };
    format!("  ╭─[{name}]\n  │ {place}\n")
}

/// The place of an office diagnostic and, for a table cell, its row shown as a
/// small table under the header row, the cell marked.
fn office_excerpt(
    name: &str,
    origin: &Origin,
    tables: &[OfficeTable],
    settings: &Settings,
) -> String {
    use std::fmt::Write as _;
    let OfficeExcerpt { place, row } = excerpt::office(origin, tables, settings.lang);
    let mut out = place_line(name, &place, settings.width);
    let Some(row) = row else {
        return out;
    };
    let room = settings.width.saturating_sub(10).max(30);
    let widest = (room / row.headers.len().max(1)).clamp(6, 40);
    let cut = |s: &str| -> String {
        if s.chars().count() > widest {
            let mut t: String = s.chars().take(widest - 1).collect();
            t.push('…');
            t
        } else {
            s.to_owned()
        }
    };
    let head: Vec<String> = row.headers.iter().map(|h| cut(h)).collect();
    let body: Vec<String> = row.cells.iter().map(|c| cut(c)).collect();
    let widths: Vec<usize> = (0..head.len())
        .map(|i| {
            head[i]
                .chars()
                .count()
                .max(body.get(i).map_or(0, |b| b.chars().count()))
                .max(1)
        })
        .collect();
    let line = |cells: &[String]| -> String {
        cells
            .iter()
            .zip(&widths)
            .map(|(c, w)| format!("{c}{}", " ".repeat(w - c.chars().count())))
            .collect::<Vec<_>>()
            .join(" │ ")
            .trim_end()
            .to_owned()
    };
    let numbers = format!("{}", row.header_number)
        .len()
        .max(format!("{}", row.number).len());
    let _ = writeln!(out, "  │ {:>numbers$} │ {}", row.header_number, line(&head));
    if !body.is_empty() {
        let _ = writeln!(out, "  │ {:>numbers$} │ {}", row.number, line(&body));
    }
    let marked = row.marked.min(widths.len().saturating_sub(1));
    let offset: usize = widths[..marked].iter().map(|w| w + 3).sum();
    let _ = writeln!(
        out,
        "  │ {:>numbers$}   {}{}",
        "",
        " ".repeat(offset),
        "─".repeat(widths.get(marked).copied().unwrap_or(1))
    );
    out
}

/// The longest path shown whole in the summary table; longer ones lose their middle.
const MAX_PATH: usize = 60;

/// The width the other columns of the summary table and its borders take.
const OTHER_COLUMNS: usize = 42;

/// `path` cut in the middle with `…` to at most `max` characters.
fn shorten(path: &str, max: usize) -> String {
    let chars: Vec<char> = path.chars().collect();
    if chars.len() <= max {
        return path.to_owned();
    }
    let head = max / 3;
    let tail = max - head - 1;
    let mut out: String = chars[..head].iter().collect();
    out.push('…');
    out.extend(&chars[chars.len() - tail..]);
    out
}

/// The most files the summary table lists one by one; above it, only those with problems.
const ALL_FILES_UP_TO: usize = 20;

fn summary_table(report: &RunReport, settings: &Settings) -> String {
    let lang = settings.lang;
    let mut table = Table::new();
    table
        .load_style(UTF8_FULL_CONDENSED)
        .set_content_arrangement(ContentArrangement::Dynamic)
        .set_width(u16::try_from(settings.width).unwrap_or(u16::MAX));
    table.set_header(match lang {
        Lang::Vi => ["Tệp", "Văn bản chỉ đạo", "Lỗi", "Cảnh báo"],
        Lang::En => ["File", "Profile", "Errors", "Warnings"],
    });
    let checked: Vec<&FileReport> = report.checked().collect();
    let problems = |f: &FileReport| (f.count(Severity::Error), f.count(Severity::Warning));
    let listed: Vec<&FileReport> = if checked.len() <= ALL_FILES_UP_TO {
        checked.clone()
    } else {
        let mut with: Vec<&FileReport> = checked
            .iter()
            .copied()
            .filter(|f| problems(f) != (0, 0))
            .collect();
        with.sort_by(|a, b| problems(b).cmp(&problems(a)).then(a.path.cmp(&b.path)));
        with
    };
    for f in &listed {
        table.add_row(vec![
            shorten(
                &printable(&f.path),
                settings
                    .width
                    .saturating_sub(OTHER_COLUMNS)
                    .clamp(16, MAX_PATH),
            ),
            f.profile.clone().unwrap_or_else(|| "—".to_owned()),
            f.count(Severity::Error).to_string(),
            f.count(Severity::Warning).to_string(),
        ]);
    }
    if listed.len() < checked.len() {
        let more = checked.len() - listed.len();
        table.add_row(vec![
            tr!(
                lang,
                "… và {more} tệp khác không có lỗi hay cảnh báo",
                "… and {more} more files without errors or warnings"
            ),
            String::new(),
            "0".to_owned(),
            "0".to_owned(),
        ]);
    }
    let (e, w) = (
        report.count(Severity::Error),
        report.count(Severity::Warning),
    );
    table.add_row(vec![
        tr!(lang, "Tổng cộng", "Total"),
        String::new(),
        e.to_string(),
        w.to_string(),
    ]);
    let mut out = table.to_string();
    out.push('\n');
    out.push_str(&summary_line(report, lang));
    out.push('\n');
    if settings.verbose {
        for config in &report.configs {
            let shown = printable(config);
            out.push_str(&tr!(
                lang,
                "Tệp cấu hình: {shown}\n",
                "Config file: {shown}\n"
            ));
        }
        for (path, reason) in report.passed_over() {
            let (shown, why) = (printable(path), reason.words(lang));
            out.push_str(&tr!(
                lang,
                "Bỏ qua {shown}: {why}\n",
                "Skipped {shown}: {why}\n"
            ));
        }
    }
    out
}
