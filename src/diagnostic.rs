//! The one diagnostic type: what is wrong (message, help, a label under the
//! place), where (a typed pointer and the part of the node meant, or a span
//! known without a tree), and optionally a second place it relates to. The
//! rule a diagnostic belongs to and its severity are attached by the rule's
//! context (`rules`), which is the only place diagnostics are reported.

use crate::i18n::Lang;
use crate::location::{Part, Pointer, Span};

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
            (Lang::Vi, Severity::Info) => "lưu ý",
            (Lang::En, s) => s.as_str(),
        }
    }
}

/// A second place a diagnostic refers to ("first defined here").
#[derive(Debug, Clone, PartialEq)]
pub struct Related {
    pub pointer: Pointer,
    pub part: Part,
    /// A position known without the tree.
    pub span: Option<Span>,
    /// What the place is, shown beside it.
    pub label: String,
}

/// One problem found in a plan.
#[derive(Debug, Clone, PartialEq)]
pub struct Diagnostic {
    pub message: String,
    pub help: Option<String>,
    /// The help in the words of a Word or Excel plan (columns, group rows,
    /// sheets instead of YAML keys), shown instead of `help` for those files.
    pub table_help: Option<String>,
    /// The message in those words, when the YAML one names a key or a shape an
    /// officer never wrote (a list), shown instead of `message` for those files.
    pub table_message: Option<String>,
    /// A short text shown under the underlined span.
    pub label: Option<String>,
    /// The value concerned; the root is the whole document.
    pub pointer: Pointer,
    pub part: Part,
    /// A position known without the tree (syntax errors, limits, bad bytes).
    pub span: Option<Span>,
    pub related: Option<Box<Related>>,
    /// What, of several diagnostics of one rule at one place, this one is about
    /// (an area or item code, a year): it tells their fingerprints apart.
    pub item: Option<String>,
}

impl Diagnostic {
    /// A diagnostic about `part` of the value at `pointer`.
    pub fn new(pointer: Pointer, part: Part, message: String) -> Self {
        Diagnostic {
            message,
            help: None,
            table_help: None,
            table_message: None,
            label: None,
            pointer,
            part,
            span: None,
            related: None,
            item: None,
        }
    }

    /// A diagnostic about the whole document (line 1 unless placed with [`Diagnostic::at`]).
    pub fn document(message: String) -> Self {
        Diagnostic::new(Pointer::root(), Part::Value, message)
    }

    #[must_use]
    pub fn help(mut self, help: String) -> Self {
        self.help = Some(help);
        self
    }

    /// The message as an officer reads it in a Word or Excel plan.
    #[must_use]
    pub fn table_message(mut self, message: String) -> Self {
        self.table_message = Some(message);
        self
    }

    /// The fix as an officer makes it in a Word or Excel plan.
    #[must_use]
    pub fn table_help(mut self, help: String) -> Self {
        self.table_help = Some(help);
        self
    }

    #[must_use]
    pub fn label(mut self, label: String) -> Self {
        self.label = Some(label);
        self
    }

    /// Places the diagnostic at a span known without the tree.
    #[must_use]
    pub fn at(mut self, span: Span) -> Self {
        self.span = Some(span);
        self
    }

    #[must_use]
    pub fn item(mut self, item: String) -> Self {
        self.item = Some(item);
        self
    }

    #[must_use]
    pub fn related(mut self, related: Related) -> Self {
        self.related = Some(Box::new(related));
        self
    }
}
