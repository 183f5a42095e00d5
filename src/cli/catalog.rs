//! The commands that read the catalogs: `explain`, `rules`, `profiles`.

use comfy_table::{ContentArrangement, Table, presets::UTF8_FULL_CONDENSED};

use crate::i18n::Lang;
use crate::profile;
use crate::rules::select::rule_suggestion;
use crate::rules::{self, RULES};

/// `cchc explain`: a rule's documentation.
pub fn explain(query: &str, lang: Lang) -> Result<String, String> {
    let Some(rule) = rules::find(query) else {
        return Err(rule_suggestion(query.trim(), lang));
    };
    Ok(rule.explain(lang))
}

/// An empty table with the catalogs' style and `header`.
fn table(header: [&str; 4]) -> Table {
    let mut table = Table::new();
    table
        .load_style(UTF8_FULL_CONDENSED)
        .set_content_arrangement(ContentArrangement::Dynamic)
        .set_width(100);
    table.set_header(header);
    table
}

/// `cchc rules`: every rule in a table.
/// Each rule's code, default severity, name and what it checks (its first
/// sentence), under a row per family; as wide as the terminal, 100 at most.
pub fn rules_table(lang: Lang, width: usize) -> String {
    let mut table = Table::new();
    table
        .load_style(UTF8_FULL_CONDENSED)
        .set_content_arrangement(ContentArrangement::Dynamic)
        .set_width(u16::try_from(width.clamp(40, 100)).unwrap_or(100));
    table.set_header(match lang {
        Lang::Vi => ["Mã", "Mức", "Quy tắc: kiểm tra gì"],
        Lang::En => ["Code", "Severity", "Rule: what it checks"],
    });
    let mut family = None;
    for r in RULES {
        if family != Some(r.family) {
            family = Some(r.family);
            table.add_row(vec![
                String::new(),
                String::new(),
                r.family.name(lang).to_uppercase(),
            ]);
        }
        let what = r.docs.what.get(lang);
        let first = what.split_inclusive(". ").next().unwrap_or(what).trim_end();
        table.add_row(vec![
            r.code.to_owned(),
            r.severity.word(lang).to_owned(),
            format!("{}\n{first}", r.name),
        ]);
    }
    format!("{table}\n")
}

/// `cchc profiles`: the built-in profiles.
pub fn profiles_table(lang: Lang) -> String {
    let mut table = table(match lang {
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
