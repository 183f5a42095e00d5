//! The two languages of the tool: `Lang`, the `tr!` macro that formats a
//! message in one of them, and `Text`, a fixed text in both.

/// The language of messages. Codes, names and JSON keys never change with it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[cfg_attr(feature = "cli", derive(clap::ValueEnum))]
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
            $crate::i18n::Lang::Vi => format!($vi $(, $arg)*),
            $crate::i18n::Lang::En => format!($en $(, $arg)*),
        }
    };
}

/// Text in both languages of the tool.
#[derive(Debug, Clone, Copy)]
pub struct Text {
    pub vi: &'static str,
    pub en: &'static str,
}

impl Text {
    pub fn get(&self, lang: Lang) -> &'static str {
        match lang {
            Lang::Vi => self.vi,
            Lang::En => self.en,
        }
    }
}
