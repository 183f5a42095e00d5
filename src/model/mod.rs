//! The typed plan, whatever source it was read from. Each item keeps its
//! typed location (`/tasks/3`), so rules name what they report with
//! `task.at("lead")`; values that could not be read keep their raw text so
//! that the rule responsible for them (P006, P009, Q001) can report it.

pub mod deadline;
pub mod names;

use std::borrow::Cow;

use foldhash::HashSet;

use crate::location::Pointer;
use crate::profile::YearRange;
use deadline::{Date, Deadline};

/// Strings of a list, each with its index in the YAML list.
pub type Listed<'a> = Vec<(usize, Cow<'a, str>)>;

/// A list's strings made owned.
fn owned_list(list: Listed<'_>) -> Listed<'static> {
    list.into_iter()
        .map(|(i, s)| (i, Cow::Owned(s.into_owned())))
        .collect()
}

/// A text made owned.
fn owned(text: Option<Cow<'_, str>>) -> Option<Cow<'static, str>> {
    text.map(|t| Cow::Owned(t.into_owned()))
}

/// A value read as `T`, or the text that could not be read.
pub type Parsed<T> = Result<T, String>;

/// A whole plan file. Its texts are borrowed from the source's tree while
/// the file is checked ([`Plan::into_owned`] keeps one beyond it).
#[derive(Debug, Clone, Default)]
pub struct Plan<'a> {
    /// `directive:`, the profile id the plan names.
    pub directive: Option<String>,
    /// `plan:`; `None` when missing or not a mapping (P002 already reported).
    pub info: Option<Info<'a>>,
    pub units: Option<Vec<Unit<'a>>>,
    pub objectives: Option<Vec<Objective<'a>>>,
    pub tasks: Option<Vec<Task<'a>>>,
    /// `resources:`; `None` when the key is absent.
    pub resources: Option<Resources<'a>>,
    pub exemptions: Option<Exemptions>,
    /// Values that have the wrong shape (P002 reported them), with all their
    /// ancestors: rules about what such a value should say stay silent, P002
    /// being the more specific.
    pub malformed: HashSet<Pointer>,
}

impl Plan<'_> {
    /// The plan with its texts owned, to keep it after its source is gone.
    pub fn into_owned(self) -> Plan<'static> {
        Plan {
            directive: self.directive,
            info: self.info.map(|i| Info {
                agency: i.agency,
                number: i.number,
                title: i.title,
                issued: i.issued,
                period: i.period,
                implements: i.implements.map(owned_list),
            }),
            units: self.units.map(|us| {
                us.into_iter()
                    .map(|u| Unit {
                        index: u.index,
                        pointer: u.pointer,
                        id: owned(u.id),
                        name: owned(u.name),
                    })
                    .collect()
            }),
            objectives: self
                .objectives
                .map(|os| os.into_iter().map(Objective::into_owned).collect()),
            tasks: self
                .tasks
                .map(|ts| ts.into_iter().map(Task::into_owned).collect()),
            resources: self.resources.map(|r| Resources {
                funding: owned_list(r.funding),
            }),
            exemptions: self.exemptions,
            malformed: self.malformed,
        }
    }

    /// The pointer of a top-level section (`/tasks`).
    pub fn at(&self, key: &'static str) -> Pointer {
        Pointer::root().key(key)
    }

    /// Records that the value at `pointer` has the wrong shape.
    pub fn mark_malformed(&mut self, pointer: &Pointer) {
        let mut at = Some(pointer.clone());
        while let Some(p) = at.filter(|p| !p.is_root()) {
            at = p.parent();
            if !self.malformed.insert(p) {
                break;
            }
        }
    }

    /// Whether the value at `pointer`, or one inside it, was reported as malformed.
    pub fn is_malformed(&self, pointer: &Pointer) -> bool {
        !self.malformed.is_empty() && self.malformed.contains(pointer)
    }

    /// Whether the value of `key` in the item at `item` was reported as
    /// malformed; its pointer is built only when something was.
    pub fn is_malformed_at(&self, item: &Pointer, key: &'static str) -> bool {
        !self.malformed.is_empty() && self.malformed.contains(&item.clone().key(key))
    }
}

/// The `plan:` mapping: the document's identity.
#[derive(Debug, Clone, Default)]
pub struct Info<'a> {
    pub agency: Option<String>,
    pub number: Option<String>,
    pub title: Option<String>,
    pub issued: Option<Parsed<Date>>,
    pub period: Option<Period>,
    /// `implements:`; `None` when absent.
    pub implements: Option<Listed<'a>>,
}

impl Info<'_> {
    /// The pointer of a key of `plan:` (`/plan/period`).
    pub fn at(&self, key: &'static str) -> Pointer {
        Pointer::keys(&["plan", key])
    }

    /// The plan's years, when `period` is readable and goes forward.
    pub fn period(&self) -> Option<YearRange> {
        self.period.as_ref().and_then(Period::range)
    }

    pub fn issued(&self) -> Option<Date> {
        self.issued.as_ref().and_then(|d| d.as_ref().ok().copied())
    }

    /// Roadmap years: the years of the period not earlier than the year of `issued`.
    pub fn roadmap(&self) -> Vec<i32> {
        let Some(period) = self.period() else {
            return Vec::new();
        };
        let first = self
            .issued()
            .map_or(period.from, |d| d.year.max(period.from));
        (first..=period.to).collect()
    }
}

/// `period: {from, to}`.
#[derive(Debug, Clone, Default)]
pub struct Period {
    pub from: Option<Parsed<i32>>,
    pub to: Option<Parsed<i32>>,
}

impl Period {
    pub fn range(&self) -> Option<YearRange> {
        match (&self.from, &self.to) {
            (Some(Ok(from)), Some(Ok(to))) if from <= to => Some(YearRange {
                from: *from,
                to: *to,
            }),
            _ => None,
        }
    }
}

/// A unit of the agency (`units:`).
#[derive(Debug, Clone, Default)]
pub struct Unit<'a> {
    pub index: usize,
    /// Where the unit is (`/units/2`).
    pub pointer: Pointer,
    /// The id in NFC.
    pub id: Option<Cow<'a, str>>,
    pub name: Option<Cow<'a, str>>,
}

/// A number, or what was written where a number belongs.
#[derive(Debug, Clone, PartialEq)]
pub enum Amount {
    Number(f64),
    NotANumber(String),
}

/// `95,5` (a decimal comma, as officers write): the number with a point, `95.5`.
pub fn decimal_comma(raw: &str) -> Option<String> {
    let t = raw.trim();
    let (int, frac) = t.split_once(',')?;
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    let unsigned = int.strip_prefix('-').unwrap_or(int);
    (digits(unsigned) && digits(frac)).then(|| format!("{int}.{frac}"))
}

/// `95%`, `95 %`, `95,5%`: the number before the percent sign, with a point.
pub fn percentage(raw: &str) -> Option<String> {
    let n = raw.trim().strip_suffix('%')?.trim_end();
    if let Some(d) = decimal_comma(n) {
        return Some(d);
    }
    (!n.is_empty() && n.parse::<f64>().is_ok_and(f64::is_finite)).then(|| n.to_owned())
}

impl Amount {
    pub fn number(&self) -> Option<f64> {
        match self {
            Amount::Number(n) => Some(*n),
            Amount::NotANumber(_) => None,
        }
    }
}

/// `{year, value}` of a baseline or target.
#[derive(Debug, Clone, Default)]
pub struct YearValue {
    pub year: Option<Parsed<i32>>,
    pub value: Option<Amount>,
}

impl YearValue {
    pub fn year(&self) -> Option<i32> {
        self.year.as_ref().and_then(|y| y.as_ref().ok().copied())
    }

    pub fn number(&self) -> Option<f64> {
        self.value.as_ref().and_then(Amount::number)
    }
}

/// One entry of `milestones:`, keyed by year.
#[derive(Debug, Clone)]
pub struct Milestone {
    /// The key as written (the pointer segment).
    pub key: String,
    pub year: Parsed<i32>,
    pub value: Option<f64>,
}

/// An objective (`objectives:`).
#[derive(Debug, Clone, Default)]
pub struct Objective<'a> {
    pub index: usize,
    /// Where the objective is (`/objectives/0`).
    pub pointer: Pointer,
    pub id: Option<Cow<'a, str>>,
    pub area: Option<Cow<'a, str>>,
    pub statement: Option<Cow<'a, str>>,
    pub indicator: Option<Cow<'a, str>>,
    pub unit: Option<Cow<'a, str>>,
    pub baseline: Option<YearValue>,
    pub target: Option<YearValue>,
    pub milestones: Option<Vec<Milestone>>,
    pub direction: Option<Cow<'a, str>>,
    pub owner: Option<Cow<'a, str>>,
    /// Required keys written wrong (Q001 reports a misspelt `target` there).
    pub typos: Vec<Typo>,
}

impl Unit<'_> {
    /// The pointer of one of the unit's keys (`/units/2/id`).
    pub fn at(&self, key: &'static str) -> Pointer {
        self.pointer.with_key(key)
    }
}

impl Objective<'_> {
    /// The objective with its texts owned.
    pub fn into_owned(self) -> Objective<'static> {
        Objective {
            index: self.index,
            pointer: self.pointer,
            id: owned(self.id),
            area: owned(self.area),
            statement: owned(self.statement),
            indicator: owned(self.indicator),
            unit: owned(self.unit),
            baseline: self.baseline,
            target: self.target,
            milestones: self.milestones,
            direction: owned(self.direction),
            owner: owned(self.owner),
            typos: self.typos,
        }
    }

    /// The pointer of one of the objective's keys (`/objectives/0/target`).
    pub fn at(&self, key: &'static str) -> Pointer {
        self.pointer.with_key(key)
    }

    pub fn is_percent(&self) -> bool {
        self.unit.as_deref().is_some_and(|u| u.trim() == "%")
    }

    /// Whether progress means going down (`direction: decrease`).
    pub fn decreases(&self) -> bool {
        self.direction
            .as_deref()
            .is_some_and(|d| d.trim() == "decrease")
    }
}

/// A key the rules require written wrong (`ouput` for `output`).
#[derive(Debug, Clone, PartialEq)]
pub struct Typo {
    /// The key meant.
    pub key: &'static str,
    /// The key as written (the pointer segment).
    pub written: String,
}

/// The misspelling of `key` among `typos`, as written.
pub fn typo_of<'a>(typos: &'a [Typo], key: &str) -> Option<&'a str> {
    typos
        .iter()
        .find(|t| t.key == key)
        .map(|t| t.written.as_str())
}

/// What `lead:` holds.
#[derive(Debug, Clone, PartialEq)]
pub enum Lead<'a> {
    /// `lead:` with no value.
    Empty,
    One(Cow<'a, str>),
    /// A list: more than one lead, never allowed (U002).
    Many(Listed<'a>),
}

/// One entry of `schedule:`.
#[derive(Debug, Clone)]
pub struct ScheduleYear {
    pub key: String,
    pub year: Parsed<i32>,
}

/// A task (`tasks:`).
#[derive(Debug, Clone, Default)]
pub struct Task<'a> {
    pub index: usize,
    /// Where the task is (`/tasks/3`).
    pub pointer: Pointer,
    pub id: Option<Cow<'a, str>>,
    pub area: Option<Cow<'a, str>>,
    pub title: Option<Cow<'a, str>>,
    pub objectives: Listed<'a>,
    pub competitiveness: Listed<'a>,
    pub focus: Listed<'a>,
    pub kind: Option<Cow<'a, str>>,
    pub audience: Listed<'a>,
    /// `Some("")` when the key is there without a value.
    pub output: Option<Cow<'a, str>>,
    pub lead: Option<Lead<'a>>,
    pub support: Listed<'a>,
    /// `Some(Err(raw))` when the deadline is in none of the forms (P009).
    pub due: Option<Parsed<Deadline>>,
    pub schedule: Option<Vec<ScheduleYear>>,
    /// Required keys written wrong (O001, U001, M004 report them there).
    pub typos: Vec<Typo>,
}

impl Task<'_> {
    /// The task with its texts owned.
    pub fn into_owned(self) -> Task<'static> {
        Task {
            index: self.index,
            pointer: self.pointer,
            id: owned(self.id),
            area: owned(self.area),
            title: owned(self.title),
            objectives: owned_list(self.objectives),
            competitiveness: owned_list(self.competitiveness),
            focus: owned_list(self.focus),
            kind: owned(self.kind),
            audience: owned_list(self.audience),
            output: owned(self.output),
            lead: self.lead.map(|l| match l {
                Lead::Empty => Lead::Empty,
                Lead::One(id) => Lead::One(Cow::Owned(id.into_owned())),
                Lead::Many(ids) => Lead::Many(owned_list(ids)),
            }),
            support: owned_list(self.support),
            due: self.due,
            schedule: self.schedule,
            typos: self.typos,
        }
    }

    /// The pointer of one of the task's keys (`/tasks/3/lead`).
    pub fn at(&self, key: &'static str) -> Pointer {
        self.pointer.with_key(key)
    }

    pub fn deadline(&self) -> Option<Deadline> {
        self.due.as_ref().and_then(|d| d.as_ref().ok().copied())
    }

    /// The years listed in `schedule`, readable ones only.
    pub fn schedule_years(&self) -> impl Iterator<Item = i32> + '_ {
        self.schedule
            .iter()
            .flatten()
            .filter_map(|s| s.year.as_ref().ok().copied())
    }

    /// The years in which this task delivers something (M007): its `schedule`
    /// years, then its deadline's (every roadmap year for a recurring one).
    pub fn delivers<'r>(&'r self, roadmap: &'r [i32]) -> impl Iterator<Item = i32> + 'r {
        let (years, every): (Option<std::ops::RangeInclusive<i32>>, &[i32]) = match self.deadline()
        {
            Some(Deadline::Day(d)) => (Some(d.year..=d.year), &[]),
            Some(Deadline::Years(a, b)) => (Some(a..=b), &[]),
            Some(Deadline::Recurring(_)) => (None, roadmap),
            Some(Deadline::Vague) | None => (None, &[]),
        };
        self.schedule_years()
            .chain(years.into_iter().flatten())
            .chain(every.iter().copied())
    }

    /// [`Task::delivers`] as a list.
    pub fn delivery_years(&self, roadmap: &[i32]) -> Vec<i32> {
        self.delivers(roadmap).collect()
    }

    pub fn lead_id(&self) -> Option<&str> {
        match &self.lead {
            Some(Lead::One(id)) => Some(id),
            _ => None,
        }
    }
}

/// `resources:`.
#[derive(Debug, Clone, Default)]
pub struct Resources<'a> {
    pub funding: Listed<'a>,
}

/// One `exemptions.competitiveness` entry.
#[derive(Debug, Clone)]
pub struct Exemption {
    /// The code; a name written as the key is replaced by its code.
    pub code: String,
    /// The key as written (the pointer segment).
    pub key: String,
    /// The reason, trimmed; empty when none was given.
    pub reason: String,
    /// Whether the reason is one of the profile's placeholders (`lý do`, `-`).
    pub placeholder: bool,
}

impl Exemption {
    /// Whether the exemption has a real reason, and so exempts its item.
    pub fn has_reason(&self) -> bool {
        !self.reason.is_empty() && !self.placeholder
    }
}

/// `exemptions:`.
#[derive(Debug, Clone, Default)]
pub struct Exemptions {
    pub competitiveness: Vec<Exemption>,
    /// Whether an `areas:` key tries to exempt reform areas (C004).
    pub areas_key: bool,
}

impl Exemptions {
    /// Whether `code` is validly exempted (with a reason).
    pub fn exempts(&self, code: &str) -> bool {
        self.competitiveness
            .iter()
            .any(|e| e.code == code && e.has_reason())
    }
}

/// The task kinds the format defines.
pub const KINDS: &[&str] = &[
    "directive",
    "briefing",
    "communication",
    "inspection",
    "survey",
    "report",
];

/// The objective directions the format defines.
pub const DIRECTIONS: &[&str] = &["increase", "decrease"];
