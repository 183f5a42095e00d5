//! Dates, years and the deadline forms of PLAN-FORMAT.md (`due`), read with or
//! without diacritics, in NFC or NFD, case-insensitively.

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

    /// Reads `YYYY-MM-DD`.
    pub fn parse(s: &str) -> Option<Date> {
        let b = s.trim();
        let mut parts = b.split('-');
        let (y, m, d) = (parts.next()?, parts.next()?, parts.next()?);
        if parts.next().is_some() || y.len() != 4 || m.len() != 2 || d.len() != 2 {
            return None;
        }
        Date::new(year(y)?, digits(m)?, digits(d)?)
    }
}

impl std::fmt::Display for Date {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

fn digits(s: &str) -> Option<u32> {
    (!s.is_empty() && s.len() <= 2 && s.bytes().all(|b| b.is_ascii_digit()))
        .then(|| s.parse().ok())
        .flatten()
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
    /// A day, the last day of a month or quarter, or 31 December of a year.
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
        let s = raw.trim();
        if let Some(d) = Date::parse(s) {
            return Some(Deadline::Day(d));
        }
        if let Some(y) = year(s) {
            return Some(Deadline::Day(Date::end_of_month(y, 12)));
        }
        let folded = text::fold(s);
        let compact: String = folded.split_whitespace().collect::<Vec<_>>().join(" ");
        if let Some(r) = recurrence(&compact) {
            return Some(Deadline::Recurring(r));
        }
        if profile.is_vague_folded(&folded) {
            return Some(Deadline::Vague);
        }
        if let Some(d) = month(&compact).or_else(|| quarter(&compact)) {
            return Some(Deadline::Day(d));
        }
        range(&compact)
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

fn recurrence(s: &str) -> Option<Recurrence> {
    match s {
        "monthly" | "hang thang" => Some(Recurrence::Monthly),
        "quarterly" | "hang quy" => Some(Recurrence::Quarterly),
        "annually" | "yearly" | "hang nam" => Some(Recurrence::Annually),
        _ => None,
    }
}

/// `2022-06`, `06/2022`, `tháng 6/2022` (already folded).
fn month(s: &str) -> Option<Date> {
    let (m, y) = if let Some((y, m)) = s.split_once('-').filter(|(y, _)| y.len() == 4) {
        (m, y)
    } else {
        let rest = s.strip_prefix("thang").map_or(s, str::trim_start);
        rest.split_once('/')?
    };
    let (m, y) = (digits(m.trim())?, year(y)?);
    (1..=12).contains(&m).then(|| Date::end_of_month(y, m))
}

/// `Q2/2022`, `Quý II/2022`, `quý 2/2022`, `2022-Q2` (already folded).
fn quarter(s: &str) -> Option<Date> {
    let (q, y) = if let Some((y, q)) = s.split_once("-q") {
        (q, y)
    } else if let Some(rest) = s.strip_prefix("quy").or_else(|| s.strip_prefix('q')) {
        rest.trim_start().split_once('/')?
    } else {
        return None;
    };
    let q = match q.trim() {
        "1" | "i" => 1,
        "2" | "ii" => 2,
        "3" | "iii" => 3,
        "4" | "iv" => 4,
        _ => return None,
    };
    Some(Date::end_of_month(year(y)?, q * 3))
}

/// `2022-2025`, `2022–2025` (already folded; a range must go forward).
fn range(s: &str) -> Option<Deadline> {
    let (a, b) = s.split_once(['-', '–', '—'])?;
    let (a, b) = (year(a)?, year(b)?);
    (a < b).then_some(Deadline::Years(a, b))
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
