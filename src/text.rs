//! Vietnamese text handling: NFC normalisation, diacritic folding and phrase matching.

use std::borrow::Cow;

use unicode_normalization::char::{decompose_canonical, is_combining_mark};
use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfc_quick};

/// Text in NFC, the form ids and codes are compared in. Text already in NFC
/// (nearly all of it) is returned as is, without allocating.
pub fn nfc(s: &str) -> Cow<'_, str> {
    if s.is_ascii() || is_nfc_quick(s.chars()) == IsNormalized::Yes {
        Cow::Borrowed(s)
    } else {
        Cow::Owned(s.nfc().collect())
    }
}

/// `str::trim`, without decoding characters when the text starts and ends
/// with a visible ASCII character, as most values of a plan do.
pub fn trim(s: &str) -> &str {
    match s.as_bytes() {
        [first, .., last] if first.is_ascii_graphic() && last.is_ascii_graphic() => s,
        [only] if only.is_ascii_graphic() => s,
        _ => s.trim(),
    }
}

/// Lower-cases, strips diacritics (and folds đ/Đ to d) so that "Thường xuyên",
/// "thuong xuyen" and their NFD spellings compare equal.
pub fn fold(s: &str) -> String {
    if s.is_ascii() {
        return s.to_ascii_lowercase();
    }
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if c.is_ascii() {
            out.push(c.to_ascii_lowercase());
            continue;
        }
        // Each character's canonical decomposition, combining marks dropped: the
        // order of marks does not matter once they are all removed.
        decompose_canonical(c, |d| {
            if is_combining_mark(d) {
                return;
            }
            match d {
                'đ' | 'Đ' => out.push('d'),
                _ => out.extend(d.to_lowercase()),
            }
        });
    }
    out
}

/// The words of a text already folded ([`fold`]): letters and digits,
/// everything else separates. Borrowed from it, nothing allocated.
pub fn folded_words(folded: &str) -> impl Iterator<Item = &str> {
    folded
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
}

/// The folded words of a text.
pub fn words(s: &str) -> Vec<String> {
    folded_words(&fold(s)).map(str::to_owned).collect()
}

/// A name as it is compared with the names of a catalog or a unit: folded,
/// words only, one space between them ("  Cải cách TTHC. " → "cai cach tthc").
pub fn name_key(s: &str) -> String {
    // One string, no list of words: this runs for every name looked up.
    let folded = fold(s);
    let mut out = String::with_capacity(folded.len());
    for w in folded_words(&folded) {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(w);
    }
    out
}

/// Whether `phrase` occurs in `text` as a whole run of words (folded comparison).
pub fn contains_phrase(text: &[String], phrase: &[String]) -> bool {
    !phrase.is_empty() && text.windows(phrase.len()).any(|w| w == phrase)
}

/// Whether `text` begins with `phrase` as whole words (folded comparison).
pub fn starts_with_phrase(text: &[String], phrase: &[String]) -> bool {
    !phrase.is_empty() && text.starts_with(phrase)
}

/// The most candidates [`closest`] compares with.
pub const MAX_CANDIDATES: usize = 1_000;

/// The candidate closest to `input` by edit distance on folded text, if close enough
/// to be a useful "did you mean". `candidates` yields (text to compare, suggestion).
pub fn closest<'a>(
    input: &str,
    candidates: impl IntoIterator<Item = (&'a str, &'a str)>,
) -> Option<&'a str> {
    let folded = fold(input.trim());
    if folded.is_empty() {
        return None;
    }
    let mut best: Option<(f64, &'a str)> = None;
    // A suggestion among thousands of candidates helps nobody; the bound keeps a
    // hostile file with 100,000 ids from costing billions of comparisons.
    for (text, suggestion) in candidates.into_iter().take(MAX_CANDIDATES) {
        let other = fold(text);
        let score = if other == folded {
            1.0
        } else {
            strsim::normalized_damerau_levenshtein(&folded, &other)
                .max(strsim::jaro_winkler(&folded, &other) - 0.1)
        };
        if best.is_none_or(|(s, _)| score > s) {
            best = Some((score, suggestion));
        }
    }
    best.filter(|(score, _)| *score >= 0.6).map(|(_, s)| s)
}

/// Replaces control characters and terminal escape sequences in text taken from a
/// plan, so that printing it cannot move the cursor or change the terminal.
pub fn printable(s: &str) -> std::borrow::Cow<'_, str> {
    if !s.chars().any(|c| c.is_control() && c != '\n' && c != '\t') {
        return std::borrow::Cow::Borrowed(s);
    }
    std::borrow::Cow::Owned(
        s.chars()
            .map(|c| {
                if c.is_control() && c != '\n' && c != '\t' {
                    char::from_u32(0x2400 + c as u32)
                        .filter(|_| (c as u32) < 0x20)
                        .unwrap_or('\u{FFFD}')
                } else {
                    c
                }
            })
            .collect(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folding_removes_diacritics_and_case() {
        assert_eq!(fold("Thường Xuyên"), "thuong xuyen");
        assert_eq!(fold("Đẩy mạnh"), "day manh");
        let nfd: String = "hằng tháng".nfd().collect();
        assert_eq!(fold(&nfd), "hang thang");
    }

    #[test]
    fn trim_is_str_trim() {
        for s in [
            "",
            " ",
            "a",
            " a",
            "a ",
            "Sở Tư pháp",
            " Sở ",
            "\u{a0}Sở\u{3000}",
            "x\t",
            "\u{2003}",
            "T01",
            "Báo cáo kết quả",
            "~",
        ] {
            assert_eq!(trim(s), s.trim(), "{s:?}");
        }
    }

    #[test]
    fn phrases_match_on_word_boundaries() {
        let text = words("Các phòng chuyên môn");
        assert!(contains_phrase(&text, &words("cac phong")));
        assert!(!contains_phrase(&text, &words("phong chuyen mon thuoc")));
        assert!(starts_with_phrase(
            &words("Tổ chức hội nghị"),
            &words("tổ chức")
        ));
    }

    #[test]
    fn closest_suggests_near_codes() {
        let cands = [("lead", "lead"), ("support", "support")];
        assert_eq!(closest("lede", cands), Some("lead"));
        assert_eq!(closest("zzzzzz", cands), None);
    }

    #[test]
    fn printable_neutralises_escapes() {
        assert_eq!(printable("a\u{1b}[31mb"), "a\u{241b}[31mb");
        assert_eq!(printable("plain"), "plain");
    }
}
