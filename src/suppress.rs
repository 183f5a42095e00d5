//! Inline suppressions: `# cchc: ignore CODE[,CODE] -- reason` at the end of the
//! offending line, or alone on the line before it. A reason is required (S001);
//! unused suppressions are S002, unknown codes S003. They are found when a file
//! is read and applied once every rule, the cross-file ones too, has run.

use crate::i18n::Lang;
use crate::location::{Pos, Span};
use crate::rules::select::{is_rule_key, selects};
use crate::rules::suppression_without_reason::Malformed;
use crate::rules::{
    Located, Sink, suppression_without_reason, unknown_code_in_suppression, unused_suppression,
};

/// One suppression comment.
#[derive(Debug, Clone)]
pub struct Suppression {
    /// Where the comment is.
    pub span: Span,
    /// The line whose diagnostics it suppresses.
    pub target: u32,
    pub codes: Vec<String>,
    /// The reason after `--`, trimmed; `None` when there is none.
    pub reason: Option<String>,
    /// Alone on its line (so about the line below).
    pub alone: bool,
    /// Written wrongly: it suppresses nothing.
    pub malformed: Option<Malformed>,
}

/// `prefix` at the start of `text`, compared without regard to ASCII case.
fn strip_marker<'t>(text: &'t str, prefix: &str) -> Option<&'t str> {
    let head = text.get(..prefix.len())?;
    head.eq_ignore_ascii_case(prefix)
        .then(|| &text[prefix.len()..])
}

/// Whether a word after `ignore` is meant as a rule: a code (`O002`, or a
/// mistyped `O02`), a rule name (`vague-output`) or a family letter. The first
/// word that is not ends the codes: words after them are never read as codes.
fn is_code_word(word: &str) -> bool {
    let mut chars = word.chars();
    let letter = chars.next().is_some_and(|c| c.is_ascii_alphabetic());
    let rest: Vec<char> = chars.collect();
    let code = letter && !rest.is_empty() && rest.iter().all(char::is_ascii_digit);
    let name = word.contains('-')
        && word.starts_with(|c: char| c.is_ascii_lowercase())
        && word
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
    code || name || is_rule_key(word)
}

/// Finds the suppression comments of a file. The marker is case-insensitive.
pub fn scan(text: &str) -> Vec<Suppression> {
    let mut out = Vec::new();
    // Most files have no suppression: look for a `#` followed by the marker, in
    // any case, without copying the text (`#` is rare in plans; finding it is fast).
    let marked = memchr::memchr_iter(b'#', text.as_bytes())
        .any(|i| strip_marker(text[i + 1..].trim_start(), "cchc").is_some());
    if !marked {
        return out;
    }
    for (i, line) in text.split('\n').enumerate() {
        let line = line.strip_suffix('\r').unwrap_or(line);
        let Some((col, comment)) = comment_of(line) else {
            continue;
        };
        let Some(after) = strip_marker(comment.trim_start(), "cchc") else {
            continue;
        };
        let (after, mut malformed) = match after.strip_prefix(':') {
            Some(rest) => (rest, None),
            None => (after, Some(Malformed::NoColon)),
        };
        let Some(rest) = strip_marker(after.trim_start(), "ignore") else {
            continue;
        };
        if !rest.is_empty() && !rest.starts_with([' ', '\t', ',']) {
            continue;
        }
        let (head, reason) = match rest.split_once("--") {
            Some((codes, reason)) => (
                codes,
                Some(reason.trim().to_owned()).filter(|r| !r.is_empty()),
            ),
            None => (rest, None),
        };
        let words: Vec<&str> = head
            .split([',', ' ', '\t'])
            .map(str::trim)
            .filter(|c| !c.is_empty())
            .collect();
        let codes: Vec<String> = words
            .iter()
            .take_while(|w| is_code_word(w))
            .map(|w| (*w).to_owned())
            .collect();
        if reason.is_none() && words.get(codes.len()) == Some(&"-") {
            malformed = malformed.or(Some(Malformed::SingleDash));
        }
        let number = u32::try_from(i + 1).unwrap_or(u32::MAX);
        let alone = line[..col].trim().is_empty();
        let start = u32::try_from(line[..col].chars().count()).unwrap_or(0);
        out.push(Suppression {
            span: Span {
                start: Pos {
                    line: number,
                    col: start,
                },
                end: Pos {
                    line: number,
                    col: u32::try_from(line.chars().count()).unwrap_or(0),
                },
            },
            target: if alone { number + 1 } else { number },
            codes,
            reason,
            alone,
            malformed,
        });
    }
    out
}

/// The text after a `#` that starts a YAML comment (at line start or after
/// white space, outside double quotes), with the `#`'s byte index.
fn comment_of(line: &str) -> Option<(usize, &str)> {
    let mut in_quotes = false;
    let mut prev = ' ';
    for (i, c) in line.char_indices() {
        match c {
            '"' => in_quotes = !in_quotes,
            '#' if !in_quotes && prev.is_whitespace() => return Some((i, &line[i + 1..])),
            _ => {}
        }
        prev = c;
    }
    None
}

/// A diagnostic silenced by an inline comment, with the comment's reason.
#[derive(Debug, Clone)]
pub struct Suppressed {
    pub located: Located,
    pub reason: String,
}

/// Moves the diagnostics that `suppressions` silence out of `diagnostics`
/// (returned, with their reasons, for SARIF) and adds S001–S003 for the comments.
pub fn apply(
    suppressions: &[Suppression],
    diagnostics: &mut Vec<Located>,
    lang: Lang,
) -> Vec<Suppressed> {
    let mut silenced = Vec::new();
    if suppressions.is_empty() {
        return silenced;
    }
    let mut sink = Sink::default();
    for s in suppressions {
        let mut valid_codes = Vec::new();
        for code in &s.codes {
            if is_rule_key(code) {
                valid_codes.push(code.as_str());
            } else {
                unknown_code_in_suppression::report(&mut sink, s.span, code, lang);
            }
        }
        let reason = match (&s.reason, s.malformed) {
            (Some(reason), None) => reason,
            (_, malformed) => {
                let example = format!("# cchc: ignore {} -- lý do", valid_codes.join(", "));
                suppression_without_reason::report(&mut sink, s.span, malformed, &example, lang);
                continue;
            }
        };
        let before = silenced.len();
        let (hit, kept): (Vec<Located>, Vec<Located>) =
            std::mem::take(diagnostics).into_iter().partition(|d| {
                let here = d.line == s.target || d.key_line == Some(s.target);
                here && valid_codes.iter().any(|c| selects(c, d.rule))
            });
        *diagnostics = kept;
        silenced.extend(hit.into_iter().map(|located| Suppressed {
            located,
            reason: reason.clone(),
        }));
        if silenced.len() == before && !valid_codes.is_empty() {
            let codes = valid_codes.join(", ");
            unused_suppression::report(&mut sink, s.span, &codes, s.alone, lang);
        }
    }
    diagnostics.extend(
        sink.finish(lang)
            .into_iter()
            .map(|f| Located::resolve(f, None)),
    );
    silenced
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn trailing_and_standalone_comments_are_found() {
        let text = "a: 1  # cchc: ignore O002, U003 -- lý do\n# cchc: ignore C001\nb: \"# cchc: ignore X\"\n";
        let s = scan(text);
        assert_eq!(s.len(), 2);
        assert_eq!(
            (s[0].target, s[0].reason.as_deref(), s[0].codes.clone()),
            (1, Some("lý do"), vec!["O002".to_owned(), "U003".to_owned()])
        );
        assert_eq!((s[1].target, s[1].reason.as_deref()), (3, None));
    }

    #[test]
    fn malformed_and_differently_cased_markers_are_recognised() {
        let text = "a: 1  # cchc: ignore O002 - lý do\nb: 1  # cchc ignore O002 -- lý do\nc: 1  # CCHC: IGNORE O002 -- lý do\nd: 1  # cchc: ignore O002 lý do\ne: 1  # cchc: ignored\n";
        let s = scan(text);
        assert_eq!(s.len(), 4, "{s:?}");
        assert_eq!(s[0].malformed, Some(Malformed::SingleDash));
        assert_eq!(s[0].codes, ["O002"], "words after the codes are not codes");
        assert_eq!(s[1].malformed, Some(Malformed::NoColon));
        assert_eq!(
            (s[2].malformed, s[2].reason.as_deref()),
            (None, Some("lý do"))
        );
        assert_eq!(
            (s[3].codes.clone(), s[3].reason.as_deref()),
            (vec!["O002".to_owned()], None)
        );
    }
}
