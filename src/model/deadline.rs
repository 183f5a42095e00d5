//! Dates, years and the deadline forms of PLAN-FORMAT.md (`due`), read with or
//! without diacritics, in NFC or NFD, case-insensitively, with any run of
//! spaces. The text is folded and cut into tokens (numbers, words, `/ - . ,`),
//! and each form is one slice pattern over the tokens.

use crate::profile::Profile;
use crate::text;

/// A calendar day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Date {
    pub year: i32,
    pub month: u32,
    pub day: u32,
}

impl Date {
    /// A day that exists in the calendar, else `None` (2022-02-30).
    pub fn new(year: i32, month: u32, day: u32) -> Option<Date> {
        (1..=12).contains(&month).then_some(())?;
        (1..=days_in_month(year, month))
            .contains(&day)
            .then_some(())?;
        Some(Date { year, month, day })
    }

    fn end_of_month(year: i32, month: u32) -> Date {
        Date {
            year,
            month,
            day: days_in_month(year, month),
        }
    }

    /// Reads a day in any form of PLAN-FORMAT.md "Dates": `2022-06-30`,
    /// `30/6/2022`, `30-6-2022`, `30.6.2022`, `ngày 30 tháng 6 năm 2022`.
    pub fn parse(s: &str) -> Option<Date> {
        match read_day(&tokens(s)?) {
            Some(Day::Valid(d)) => Some(d),
            _ => None,
        }
    }
}

impl std::fmt::Display for Date {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

/// The number of days of a month (1–12).
pub fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// A four-digit year.
pub fn year(s: &str) -> Option<i32> {
    let s = s.trim();
    (s.len() == 4 && s.bytes().all(|b| b.is_ascii_digit()))
        .then(|| s.parse().ok())
        .flatten()
}

/// How often a recurring task is due.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Recurrence {
    Monthly,
    Quarterly,
    Annually,
}

/// A task's deadline, in one of the forms the format allows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Deadline {
    /// A day, the last day of a month, quarter or half year, or 31 December of a year.
    Day(Date),
    /// Every year from the first to the last, both included.
    Years(i32, i32),
    Recurring(Recurrence),
    /// A phrase from the profile's list of vague deadlines.
    Vague,
}

impl Deadline {
    /// Reads a `due` value; `None` if it is in none of the forms.
    pub fn parse(raw: &str, profile: &Profile) -> Option<Deadline> {
        let toks = tokens(raw)?;
        let toks = trim_punctuation(&toks);
        if toks.is_empty() {
            return None;
        }
        let bare = strip_prefix(toks);
        if let Some(d) = dated(bare) {
            return Some(d);
        }
        if let Some(r) = recurring(toks) {
            return Some(Deadline::Recurring(r));
        }
        let folded = text::fold(raw);
        if profile.is_vague_folded(&folded) || is_vague_tokens(bare, profile) {
            return Some(Deadline::Vague);
        }
        None
    }

    /// The last day by which the task is due, when there is one.
    pub fn last_day(&self) -> Option<Date> {
        match *self {
            Deadline::Day(d) => Some(d),
            Deadline::Years(_, to) => Some(Date::end_of_month(to, 12)),
            Deadline::Recurring(_) | Deadline::Vague => None,
        }
    }
}

/// Why a date or deadline could not be read, for the help of P009.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unreadable {
    /// A day that does not exist: `31/6/2023` (day 31, month 6).
    NoSuchDay { year: i32, month: u32, day: u32 },
    /// A month above 12 whose day would be a month: `6/30/2023`, month first.
    MonthFirst(Date),
    /// A month outside 1–12 (`13/2022`) or a quarter outside I–IV.
    NoSuchMonth,
    /// A deadline that is not one day (`06/2022`) where a day is needed (`issued`).
    NotADay,
    /// None of the forms.
    Unknown,
}

/// Explains why `raw` is not a date (or, with `deadline`, not a deadline).
pub fn diagnose(raw: &str) -> Unreadable {
    let Some(toks) = tokens(raw) else {
        return Unreadable::Unknown;
    };
    let toks = strip_prefix(trim_punctuation(&toks));
    match read_day(toks) {
        Some(Day::Impossible { year, month, day }) => {
            if month > 12
                && let Some(d) = Date::new(year, day, month)
            {
                return Unreadable::MonthFirst(d);
            }
            if (1..=12).contains(&month) {
                Unreadable::NoSuchDay { year, month, day }
            } else {
                Unreadable::NoSuchMonth
            }
        }
        _ if month_form(toks).is_some_and(|(_, m)| !(1..=12).contains(&m))
            || quarter_form(toks).is_some_and(|(_, q)| !(1..=4).contains(&q)) =>
        {
            Unreadable::NoSuchMonth
        }
        _ if dated(toks).is_some() => Unreadable::NotADay,
        _ => Unreadable::Unknown,
    }
}

/// One piece of folded text.
#[derive(Debug, Clone, PartialEq)]
enum Tok {
    /// Digits: the value and how many digits were written.
    Num(u32, usize),
    Word(String),
    Sym(char),
}

use Tok::{Num, Sym, Word};

/// The most tokens a date or deadline is read from: longer text is none of the forms.
const MAX_TOKENS: usize = 24;

/// Cuts folded text into numbers, words and the symbols `/ - . , ;` (dashes
/// of any kind are `-`); `None` for other symbols or too long a text.
fn tokens(s: &str) -> Option<Vec<Tok>> {
    if s.len() > 200 {
        return None;
    }
    let folded = text::fold(s);
    let mut out = Vec::new();
    let mut chars = folded.chars().peekable();
    while let Some(&c) = chars.peek() {
        if c.is_whitespace() {
            chars.next();
        } else if c.is_ascii_digit() {
            let mut digits = String::new();
            while let Some(&d) = chars.peek().filter(|d| d.is_ascii_digit()) {
                digits.push(d);
                chars.next();
            }
            let n = digits.parse().ok().filter(|_| digits.len() <= 4)?;
            out.push(Num(n, digits.len()));
        } else if c.is_alphabetic() {
            let mut word = String::new();
            while let Some(&d) = chars.peek().filter(|d| d.is_alphabetic()) {
                word.push(d);
                chars.next();
            }
            out.push(Word(word));
        } else {
            chars.next();
            out.push(Sym(match c {
                '/' | '.' | ',' | ';' | ':' | '(' | ')' => c,
                '-' | '–' | '—' | '‐' | '‑' => '-',
                _ => return None,
            }));
        }
        if out.len() > MAX_TOKENS {
            return None;
        }
    }
    Some(out)
}

/// Drops punctuation around the text (`Năm 2023.`).
fn trim_punctuation(toks: &[Tok]) -> &[Tok] {
    let start = toks
        .iter()
        .position(|t| !matches!(t, Sym(_)))
        .unwrap_or(toks.len());
    let end = toks
        .iter()
        .rposition(|t| !matches!(t, Sym(_)))
        .map_or(start, |i| i + 1);
    &toks[start..end.max(start)]
}

fn is(t: &Tok, word: &str) -> bool {
    matches!(t, Word(w) if w == word)
}

/// Whether `toks` begins with the words of `phrase`.
fn starts_with_words(toks: &[Tok], phrase: &[&str]) -> bool {
    toks.len() >= phrase.len() && toks.iter().zip(phrase).all(|(t, w)| is(t, w))
}

/// The words that may come before a deadline without changing it, longest first.
const PREFIXES: &[&[&str]] = &[
    &["hoan", "thanh", "truoc", "ngay"],
    &["hoan", "thanh", "truoc"],
    &["hoan", "thanh", "trong", "nam"],
    &["hoan", "thanh", "trong"],
    &["hoan", "thanh"],
    &["cham", "nhat", "ngay"],
    &["cham", "nhat", "la"],
    &["cham", "nhat"],
    &["truoc", "ngay"],
    &["truoc"],
    &["trong", "nam"],
    &["trong"],
    &["han"],
    &["thoi", "han"],
];

/// `toks` without a leading prefix (and the `:` that may follow it).
fn strip_prefix(toks: &[Tok]) -> &[Tok] {
    for p in PREFIXES {
        if starts_with_words(toks, p) && toks.len() > p.len() {
            let rest = &toks[p.len()..];
            return match rest {
                [Sym(':'), rest @ ..] => rest,
                _ => rest,
            };
        }
    }
    toks
}

/// A day as read: real, or a day/month/year triple no calendar has.
enum Day {
    Valid(Date),
    Impossible { year: i32, month: u32, day: u32 },
}

fn day_of(year: u32, month: u32, day: u32) -> Day {
    let year = year as i32;
    match Date::new(year, month, day) {
        Some(d) => Day::Valid(d),
        None => Day::Impossible { year, month, day },
    }
}

fn small(t: &Tok) -> Option<u32> {
    match t {
        Num(n, len) if *len <= 2 => Some(*n),
        _ => None,
    }
}

fn year4(t: &Tok) -> Option<u32> {
    match t {
        Num(n, 4) => Some(*n),
        _ => None,
    }
}

fn sep(t: &Tok) -> bool {
    matches!(t, Sym('/' | '-' | '.'))
}

/// The date forms, after an optional `ngày`.
fn read_day(toks: &[Tok]) -> Option<Day> {
    let toks = match toks {
        [w, rest @ ..] if is(w, "ngay") => rest,
        _ => toks,
    };
    match toks {
        [y, Sym('-'), m, Sym('-'), d] if year4(y).is_some() => {
            Some(day_of(year4(y)?, small(m)?, small(d)?))
        }
        [d, s1, m, s2, y] if sep(s1) && s1 == s2 => Some(day_of(year4(y)?, small(m)?, small(d)?)),
        [d, t, m, n, y] if is(t, "thang") && is(n, "nam") => {
            Some(day_of(year4(y)?, small(m)?, small(d)?))
        }
        _ => None,
    }
}

/// A month as (year, month), the month possibly out of range.
fn month_form(toks: &[Tok]) -> Option<(u32, u32)> {
    match toks {
        [y, Sym('-'), m] if year4(y).is_some() => Some((year4(y)?, small(m)?)),
        [m, s, y] if sep(s) => Some((year4(y)?, small(m)?)),
        [t, m, s, y] if (is(t, "thang") || is(t, "t")) && sep(s) => Some((year4(y)?, small(m)?)),
        [t, m, n, y] if is(t, "thang") && is(n, "nam") => Some((year4(y)?, small(m)?)),
        [t, m, y] if is(t, "thang") => Some((year4(y)?, small(m)?)),
        _ => None,
    }
}

/// A quarter number from `2`, `ii`.
fn quarter_number(t: &Tok) -> Option<u32> {
    match t {
        Num(n, 1) => Some(*n),
        Word(w) => match w.as_str() {
            "i" => Some(1),
            "ii" => Some(2),
            "iii" => Some(3),
            "iv" => Some(4),
            _ => None,
        },
        _ => None,
    }
}

fn is_quarter_word(t: &Tok) -> bool {
    is(t, "quy") || is(t, "q")
}

/// A quarter as (year, quarter), the quarter possibly out of range.
fn quarter_form(toks: &[Tok]) -> Option<(u32, u32)> {
    match toks {
        [q, n, s, y] if is_quarter_word(q) && sep(s) => Some((year4(y)?, quarter_number(n)?)),
        [q, n, w, y] if is(q, "quy") && is(w, "nam") => Some((year4(y)?, quarter_number(n)?)),
        [q, n, y] if is(q, "quy") => Some((year4(y)?, quarter_number(n)?)),
        [y, Sym('-'), q, n] if is(q, "q") => Some((year4(y)?, quarter_number(n)?)),
        _ => None,
    }
}

/// `6 tháng đầu năm`, `6 tháng cuối năm`: the month the half ends with.
fn half_year(toks: &[Tok]) -> Option<u32> {
    match toks {
        [Num(6, 1), t, half, n] if is(t, "thang") && is(n, "nam") => match half {
            h if is(h, "dau") => Some(6),
            h if is(h, "cuoi") => Some(12),
            _ => None,
        },
        _ => None,
    }
}

/// A day, month, quarter, half year, year or year range.
fn dated(toks: &[Tok]) -> Option<Deadline> {
    if let Some(Day::Valid(d)) = read_day(toks) {
        return Some(Deadline::Day(d));
    }
    if let Some((y, m)) = month_form(toks) {
        return (1..=12)
            .contains(&m)
            .then(|| Deadline::Day(Date::end_of_month(y as i32, m)));
    }
    if let Some((y, q)) = quarter_form(toks) {
        return (1..=4)
            .contains(&q)
            .then(|| Deadline::Day(Date::end_of_month(y as i32, q * 3)));
    }
    let year_at = |toks: &[Tok]| -> Option<i32> {
        match toks {
            [y] => year4(y).map(|y| y as i32),
            [n, y] if is(n, "nam") => year4(y).map(|y| y as i32),
            _ => None,
        }
    };
    if toks.len() > 4
        && let Some(m) = half_year(&toks[..4])
        && let Some(y) = year_at(&toks[4..])
    {
        return Some(Deadline::Day(Date::end_of_month(y, m)));
    }
    if let Some(y) = year_at(toks) {
        return Some(Deadline::Day(Date::end_of_month(y, 12)));
    }
    range(toks)
}

/// `2022-2025`, `giai đoạn 2022-2025`, `2022 đến 2025`, `từ năm 2022 đến năm 2025`.
fn range(toks: &[Tok]) -> Option<Deadline> {
    let mut toks = toks;
    for lead in [&["giai", "doan"][..], &["tu", "nam"], &["tu"], &["nam"]] {
        if starts_with_words(toks, lead) {
            toks = &toks[lead.len()..];
            break;
        }
    }
    let (a, rest) = toks.split_first()?;
    let rest = match rest {
        [Sym('-'), rest @ ..] => rest,
        [w, n, rest @ ..] if is(w, "den") && is(n, "nam") => rest,
        [w, rest @ ..] if is(w, "den") => rest,
        _ => return None,
    };
    let [b] = rest else { return None };
    let (a, b) = (year4(a)? as i32, year4(b)? as i32);
    (a < b).then_some(Deadline::Years(a, b))
}

/// The recurrence a phrase names: `hằng năm`, `hàng quý`, `annually`; and its length in tokens.
fn recurrence_at(toks: &[Tok]) -> Option<(Recurrence, usize)> {
    let every = |w: &str| match w {
        "thang" => Some(Recurrence::Monthly),
        "quy" => Some(Recurrence::Quarterly),
        "nam" => Some(Recurrence::Annually),
        _ => None,
    };
    match toks {
        [Word(h), Word(w), ..] if h == "hang" || h == "moi" => every(w).map(|r| (r, 2)),
        [Word(w), ..] => match w.as_str() {
            "monthly" => Some((Recurrence::Monthly, 1)),
            "quarterly" => Some((Recurrence::Quarterly, 1)),
            "annually" | "yearly" => Some((Recurrence::Annually, 1)),
            _ => None,
        },
        _ => None,
    }
}

/// A recurring phrase, alone or with a time inside the year before or after
/// it (`quý I hằng năm`, `hằng năm, trước ngày 15/12`, `định kỳ hằng quý`).
fn recurring(toks: &[Tok]) -> Option<Recurrence> {
    let at = (0..toks.len()).find(|&i| recurrence_at(&toks[i..]).is_some())?;
    let (r, len) = recurrence_at(&toks[at..])?;
    let before = trim_punctuation(&toks[..at]);
    let before = if starts_with_words(before, &["dinh", "ky"]) {
        &before[2..]
    } else {
        before
    };
    let after = trim_punctuation(&toks[at + len..]);
    let inside = |t: &[Tok]| t.is_empty() || within_year(strip_prefix(t));
    (inside(before) && inside(after) && (before.is_empty() || after.is_empty())).then_some(r)
}

/// A time inside a year: `quý I`, `tháng 11`, `15/12`, `ngày 15/12`, `6 tháng đầu năm`,
/// `cuối năm`, `đầu quý`.
fn within_year(toks: &[Tok]) -> bool {
    let toks = match toks {
        [w, rest @ ..] if is(w, "ngay") => rest,
        _ => toks,
    };
    match toks {
        [q, n] if is_quarter_word(q) => quarter_number(n).is_some_and(|q| (1..=4).contains(&q)),
        [t, m] if is(t, "thang") || is(t, "t") => small(m).is_some_and(|m| (1..=12).contains(&m)),
        [d, s, m] if sep(s) => match (small(d), small(m)) {
            (Some(d), Some(m)) => {
                (1..=12).contains(&m) && (1..=days_in_month(2024, m)).contains(&d)
            }
            _ => false,
        },
        [w, p] if is(w, "cuoi") || is(w, "dau") || is(w, "giua") => {
            is(p, "nam") || is(p, "quy") || is(p, "thang")
        }
        _ => half_year(toks).is_some(),
    }
}

/// Whether the words of `toks` are one of the profile's vague phrases.
fn is_vague_tokens(toks: &[Tok], profile: &Profile) -> bool {
    let words: Vec<&str> = toks
        .iter()
        .filter_map(|t| match t {
            Word(w) => Some(w.as_str()),
            _ => None,
        })
        .collect();
    words.len() == toks.iter().filter(|t| !matches!(t, Sym(_))).count()
        && !words.is_empty()
        && profile.is_vague_folded(&words.join(" "))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::profile;

    fn due(s: &str) -> Option<Deadline> {
        let p = profile::find_built_in(profile::DEFAULT_ID).expect("default");
        Deadline::parse(s, p)
    }

    fn day(y: i32, m: u32, d: u32) -> Option<Deadline> {
        Some(Deadline::Day(Date {
            year: y,
            month: m,
            day: d,
        }))
    }

    #[test]
    fn every_form_of_the_format_is_read() {
        assert_eq!(due("2022-06-30"), day(2022, 6, 30));
        assert_eq!(due("2022-06"), day(2022, 6, 30));
        assert_eq!(due("06/2022"), day(2022, 6, 30));
        assert_eq!(due("tháng 6/2022"), day(2022, 6, 30));
        assert_eq!(due("Tháng 2/2024"), day(2024, 2, 29));
        assert_eq!(due("Q2/2022"), day(2022, 6, 30));
        assert_eq!(due("Quý II/2022"), day(2022, 6, 30));
        assert_eq!(due("quy 4/2022"), day(2022, 12, 31));
        assert_eq!(due("2022-Q1"), day(2022, 3, 31));
        assert_eq!(due("2022"), day(2022, 12, 31));
        assert_eq!(due("2022-2025"), Some(Deadline::Years(2022, 2025)));
        assert_eq!(due("2022–2025"), Some(Deadline::Years(2022, 2025)));
        assert_eq!(
            due("Hằng tháng"),
            Some(Deadline::Recurring(Recurrence::Monthly))
        );
        assert_eq!(
            due("hàng quý"),
            Some(Deadline::Recurring(Recurrence::Quarterly))
        );
        assert_eq!(
            due("annually"),
            Some(Deadline::Recurring(Recurrence::Annually))
        );
        assert_eq!(due("thuong xuyen"), Some(Deadline::Vague));
        assert_eq!(due("Kịp thời"), Some(Deadline::Vague));
    }

    #[test]
    fn officers_forms_are_read() {
        let annually = Some(Deadline::Recurring(Recurrence::Annually));
        for (s, want) in [
            ("30/6/2023", day(2023, 6, 30)),
            ("30/06/2023", day(2023, 6, 30)),
            ("30-6-2023", day(2023, 6, 30)),
            ("30.6.2023", day(2023, 6, 30)),
            ("ngày 30/6/2023", day(2023, 6, 30)),
            ("ngày 30 tháng 6 năm 2023", day(2023, 6, 30)),
            ("30 tháng 6 năm 2023", day(2023, 6, 30)),
            ("Trước 30/6/2023", day(2023, 6, 30)),
            ("Chậm nhất ngày 30/6/2023", day(2023, 6, 30)),
            ("Hoàn thành trước 30/6/2023", day(2023, 6, 30)),
            ("hạn 30/6/2023", day(2023, 6, 30)),
            ("Năm 2023", day(2023, 12, 31)),
            ("Trong năm 2023", day(2023, 12, 31)),
            ("Năm 2023.", day(2023, 12, 31)),
            ("Tháng 6 năm 2023", day(2023, 6, 30)),
            ("Tháng 6/2023", day(2023, 6, 30)),
            ("T6/2023", day(2023, 6, 30)),
            ("6/2023", day(2023, 6, 30)),
            ("quý II năm 2023", day(2023, 6, 30)),
            ("Quý  II / 2023", day(2023, 6, 30)),
            ("QUÝ IV/2023", day(2023, 12, 31)),
            ("6 tháng đầu năm 2023", day(2023, 6, 30)),
            ("6 tháng cuối năm 2023", day(2023, 12, 31)),
            ("Giai đoạn 2022-2025", Some(Deadline::Years(2022, 2025))),
            ("2022 - 2025", Some(Deadline::Years(2022, 2025))),
            ("2022 đến 2025", Some(Deadline::Years(2022, 2025))),
            (
                "Từ năm 2022 đến năm 2025",
                Some(Deadline::Years(2022, 2025)),
            ),
            ("Quý I hằng năm", annually),
            ("tháng 11 hằng năm", annually),
            ("Định kỳ hằng năm", annually),
            ("Hàng năm", annually),
            ("hằng năm, trước ngày 15/12", annually),
            ("trước 15/12 hằng năm", annually),
            (
                "Định kỳ hằng quý",
                Some(Deadline::Recurring(Recurrence::Quarterly)),
            ),
            ("HẰNG THÁNG", Some(Deadline::Recurring(Recurrence::Monthly))),
            ("Trong năm", Some(Deadline::Vague)),
            ("Định kỳ", Some(Deadline::Vague)),
            ("Theo kế hoạch", Some(Deadline::Vague)),
        ] {
            assert_eq!(due(s), want, "{s}");
        }
    }

    #[test]
    fn issue_dates_are_read_day_first() {
        for s in [
            "15/01/2022",
            "15/1/2022",
            "ngày 15 tháng 01 năm 2022",
            "2022-01-15",
        ] {
            assert_eq!(
                Date::parse(s),
                Some(Date {
                    year: 2022,
                    month: 1,
                    day: 15
                }),
                "{s}"
            );
        }
        assert_eq!(Date::parse("01/2022"), None);
    }

    #[test]
    fn unreadable_dates_are_explained() {
        assert_eq!(
            diagnose("31/6/2023"),
            Unreadable::NoSuchDay {
                year: 2023,
                month: 6,
                day: 31
            }
        );
        assert_eq!(
            diagnose("6/30/2023"),
            Unreadable::MonthFirst(Date {
                year: 2023,
                month: 6,
                day: 30
            })
        );
        assert_eq!(diagnose("13/2022"), Unreadable::NoSuchMonth);
        assert_eq!(diagnose("06/2022"), Unreadable::NotADay);
        assert_eq!(diagnose("cuối năm"), Unreadable::Unknown);
    }

    #[test]
    fn nfd_text_is_read_like_nfc() {
        use unicode_normalization::UnicodeNormalization;
        let nfd: String = "Quý III/2023".nfd().collect();
        assert_eq!(due(&nfd), day(2023, 9, 30));
    }

    #[test]
    fn impossible_or_unknown_forms_are_rejected() {
        for s in [
            "2022-02-30",
            "13/2022",
            "Q5/2022",
            "2025-2022",
            "cuối năm",
            "22/2022",
            "",
        ] {
            assert_eq!(due(s), None, "{s}");
        }
    }
}
