//! Choosing rules: a code (`C001`), a name (`missing-reform-area`) or a family
//! letter (`C`) selects rules, for `--select`/`--ignore`, the config file and
//! inline suppressions alike; a key that selects nothing gets a suggestion.

use crate::i18n::Lang;
use crate::rules::{Family, RULES, Rule};
use crate::{text, tr};

/// Whether a code, name or family letter selects `rule`.
pub fn selects(key: &str, rule: &Rule) -> bool {
    let k = key.trim();
    let mut letters = k.chars();
    let family = match (letters.next(), letters.next()) {
        (Some(c), None) => Family::from_letter(c),
        _ => None,
    };
    k.eq_ignore_ascii_case(rule.code)
        || k.eq_ignore_ascii_case(rule.name)
        || family == Some(rule.family)
}

/// Whether a code, name or family letter names any rule.
pub fn is_rule_key(key: &str) -> bool {
    RULES.iter().any(|r| selects(key, r))
}

/// A did-you-mean for a key that names no rule.
pub fn rule_suggestion(key: &str, lang: Lang) -> String {
    let names = RULES
        .iter()
        .flat_map(|r| [(r.code, r.code), (r.name, r.name)]);
    match text::closest(key, names) {
        Some(s) => tr!(
            lang,
            "không có quy tắc `{key}`; có phải ý bạn là `{s}`?",
            "no rule `{key}`; did you mean `{s}`?"
        ),
        None => tr!(
            lang,
            "không có quy tắc `{key}` (xem `cchc rules`)",
            "no rule `{key}` (see `cchc rules`)"
        ),
    }
}

/// `--select` and `--ignore`: which rules a run reports.
#[derive(Debug, Clone, Default)]
pub struct Selection {
    /// Codes, names or family letters to keep (empty: all).
    pub select: Vec<String>,
    /// Codes, names or family letters to drop.
    pub ignore: Vec<String>,
}

impl Selection {
    /// A selection whose every entry names a rule, else the suggestion for the first that does not.
    pub fn new(select: Vec<String>, ignore: Vec<String>, lang: Lang) -> Result<Selection, String> {
        match select.iter().chain(&ignore).find(|v| !is_rule_key(v)) {
            Some(v) => Err(rule_suggestion(v.trim(), lang)),
            None => Ok(Selection { select, ignore }),
        }
    }

    /// Whether a rule's diagnostics are reported.
    pub fn enabled(&self, rule: &Rule) -> bool {
        let matches = |s: &String| selects(s, rule);
        (self.select.is_empty() || self.select.iter().any(matches))
            && !self.ignore.iter().any(matches)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::find;

    #[test]
    fn codes_names_and_family_letters_select() {
        let c001 = find("C001").expect("rule");
        for key in ["C001", "c001", "missing-reform-area", "C", "c"] {
            assert!(selects(key, c001), "{key}");
        }
        assert!(!selects("P", c001));
        assert!(!is_rule_key("Z"));
        let s = Selection::new(vec!["C".into()], vec!["C002".into()], Lang::En).expect("valid");
        assert!(s.enabled(c001));
        assert!(!s.enabled(find("C002").expect("rule")));
        assert!(Selection::new(vec!["C0O1".into()], vec![], Lang::En).is_err());
    }
}
