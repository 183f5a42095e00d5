//! The one diagnostic type: a rule, a severity, a message with its help, and a
//! location that is a JSON Pointer into the document (resolved to a span later).

use crate::load::yaml::{Part, Span};
use crate::rules::Rule;

/// How serious a diagnostic is; the order is that of increasing gravity.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    Info,
    Warning,
    Error,
}

impl Severity {
    /// The stable English keyword (JSON, concise output, config files).
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }

    /// The word shown to people in `lang`.
    pub fn word(self, lang: Lang) -> &'static str {
        match (lang, self) {
            (Lang::Vi, Severity::Error) => "lỗi",
            (Lang::Vi, Severity::Warning) => "cảnh báo",
            (Lang::Vi, Severity::Info) => "gợi ý",
            (Lang::En, s) => s.as_str(),
        }
    }
}

/// The language of messages. Codes, names and JSON keys never change with it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum Lang {
    #[default]
    Vi,
    En,
}

/// Formats a message in the chosen language; both arms may capture the same
/// variables (`tr!(lang, "Thiếu {x}", "Missing {x}")`).
#[macro_export]
macro_rules! tr {
    ($lang:expr, $vi:literal, $en:literal $(, $arg:expr)* $(,)?) => {
        match $lang {
            $crate::diagnostic::Lang::Vi => format!($vi $(, $arg)*),
            $crate::diagnostic::Lang::En => format!($en $(, $arg)*),
        }
    };
}

/// One problem found in a plan.
#[derive(Debug, Clone)]
pub struct Diagnostic {
    pub rule: &'static Rule,
    pub severity: Severity,
    pub message: String,
    pub help: Option<String>,
    /// A short text shown under the underlined span.
    pub label: Option<String>,
    /// RFC 6901 pointer to the value concerned; `""` is the whole document.
    pub pointer: String,
    pub part: Part,
    /// A position known without the tree (syntax errors, limits, bad bytes).
    pub span: Option<Span>,
}

impl Diagnostic {
    pub fn new(
        rule: &'static Rule,
        pointer: impl Into<String>,
        part: Part,
        message: String,
    ) -> Self {
        Diagnostic {
            rule,
            severity: rule.severity,
            message,
            help: None,
            label: None,
            pointer: pointer.into(),
            part,
            span: None,
        }
    }

    pub fn help(mut self, help: String) -> Self {
        self.help = Some(help);
        self
    }

    pub fn label(mut self, label: String) -> Self {
        self.label = Some(label);
        self
    }

    pub fn at(mut self, span: Span) -> Self {
        self.span = Some(span);
        self
    }
}

/// A diagnostic resolved to its place in a file: 1-based lines and columns in
/// code points, end exclusive.
#[derive(Debug, Clone)]
pub struct Located {
    pub diagnostic: Diagnostic,
    pub line: u32,
    pub column: u32,
    pub end_line: u32,
    pub end_column: u32,
}

impl Located {
    pub fn new(diagnostic: Diagnostic, span: Span) -> Self {
        Located {
            diagnostic,
            line: span.start.line.max(1),
            column: span.start.col.saturating_add(1),
            end_line: span.end.line.max(1),
            end_column: span.end.col.saturating_add(1),
        }
    }

    pub fn code(&self) -> &'static str {
        self.diagnostic.rule.code
    }

    pub fn severity(&self) -> Severity {
        self.diagnostic.severity
    }
}

/// The most diagnostics one rule reports in one file. Real plans stay far below;
/// a hostile file (400,000 tasks without output) would otherwise produce millions.
pub const MAX_PER_RULE: usize = 10_000;

/// Collects a file's diagnostics, keeping at most [`MAX_PER_RULE`] per rule so
/// that time and memory stay bounded whatever the file holds.
#[derive(Debug, Default)]
pub struct Sink {
    list: Vec<Diagnostic>,
    counts: std::collections::HashMap<&'static str, usize>,
}

impl Sink {
    /// Whether `rule` already has its maximum of diagnostics in this file; if so,
    /// the diagnostic the caller was about to build is counted instead.
    pub fn saturated(&mut self, rule: &'static Rule) -> bool {
        let count = self.counts.entry(rule.code).or_insert(0);
        if *count >= MAX_PER_RULE {
            *count += 1;
            return true;
        }
        false
    }

    /// Pushes a diagnostic of `rule`, building it only while the rule is below its limit.
    pub fn push_with(&mut self, rule: &'static Rule, diagnostic: impl FnOnce() -> Diagnostic) {
        if !self.saturated(rule) {
            self.push(diagnostic());
        }
    }

    pub fn push(&mut self, d: Diagnostic) {
        let count = self.counts.entry(d.rule.code).or_insert(0);
        *count += 1;
        if *count <= MAX_PER_RULE {
            self.list.push(d);
        }
    }

    /// The diagnostics kept, and a P007 note for each rule that was cut short.
    pub fn finish(mut self, lang: Lang) -> Vec<Diagnostic> {
        let mut capped: Vec<(&'static str, usize)> = self
            .counts
            .into_iter()
            .filter(|(_, n)| *n > MAX_PER_RULE)
            .collect();
        capped.sort();
        for (code, n) in capped {
            let max = MAX_PER_RULE;
            self.list.push(
                Diagnostic::new(
                    &crate::rules::input_limit::RULE,
                    "",
                    Part::Value,
                    tr!(lang, "Quy tắc {code} báo {n} lần trong tệp này; chỉ hiện {max} lần đầu", "Rule {code} fired {n} times in this file; only the first {max} are shown"),
                )
                .help(tr!(lang, "Sửa các lỗi đã hiện rồi kiểm tra lại; một kế hoạch thật không có nhiều lỗi đến vậy.", "Fix the ones shown and check again; a real plan has nowhere near this many.")),
            );
        }
        self.list
    }
}
