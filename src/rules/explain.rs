//! A rule's documentation as the text of `cchc explain` (and of the browser
//! page's explanation of a code).

use crate::i18n::Lang;
use crate::rules::Rule;
use crate::tr;

fn indent(snippet: &str) -> String {
    snippet.lines().map(|l| format!("    {l}\n")).collect()
}

impl Rule {
    /// What the rule checks, why, an example that fails and one that passes,
    /// and how to fix it, wrapped at 80 columns.
    pub fn explain(&self, lang: Lang) -> String {
        let d = self.docs;
        let sev = self.severity.word(lang);
        let (code, name) = (self.code, self.name);
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
        out
    }
}
