//! Reads the typed plan out of a YAML tape, noting every structural problem
//! of the file in one pass (a value of the wrong kind, a missing, unknown or
//! empty key, a bad id or version) instead of stopping at the first. The notes
//! are turned into diagnostics by the rules that own them (P002, P003).

use std::borrow::Cow;

use foldhash::HashMap;

use crate::location::{Pointer, Span};
use crate::model::deadline::{self, Date, Deadline};
use crate::model::decimal_comma;
use crate::model::*;
use crate::profile::Profile;
use crate::text;
use crate::yaml::{NodeKind, Pair, View};

/// A problem of the plan's structure, found while reading it.
#[derive(Debug, Clone, PartialEq)]
pub enum Shape {
    /// The document holds nothing.
    EmptyFile,
    /// A value of the wrong kind (a list where a mapping belongs…).
    WrongKind {
        pointer: Pointer,
        expected: NodeKind,
        found: NodeKind,
    },
    /// A required key missing from the mapping at `pointer`.
    MissingKey { pointer: Pointer, key: &'static str },
    /// A required text value left empty.
    EmptyValue { pointer: Pointer, key: &'static str },
    /// An id that is not one word.
    BadId { pointer: Pointer, raw: String },
    /// `version` other than 1.
    BadVersion { pointer: Pointer },
    /// A key written as a list or mapping, at `span`, in the mapping at `pointer`.
    NonScalarKey { pointer: Pointer, span: Span },
    /// A number written with a decimal comma (`95,5`), as written.
    DecimalComma { pointer: Pointer, written: String },
    /// A required key missing because it was misspelt: `written` at `pointer`
    /// (the misspelt key) is closest to the missing `key`.
    MisspeltKey {
        pointer: Pointer,
        key: &'static str,
        written: String,
    },
}

/// What reading the plan notes: a structural problem (P002), or a key the
/// format does not define there, with the keys it does (P003).
#[derive(Debug, Clone, PartialEq)]
pub enum Note {
    Structure(Shape),
    UnknownKey {
        pointer: Pointer,
        key: String,
        allowed: &'static [&'static str],
    },
}

/// Keys of each mapping of the format, and which of them are required.
pub const ROOT_KEYS: &[&str] = &[
    "version",
    "directive",
    "plan",
    "units",
    "objectives",
    "tasks",
    "resources",
    "exemptions",
];
pub const ROOT_REQUIRED: &[&str] = &["version", "plan", "units", "objectives", "tasks"];
pub const PLAN_KEYS: &[&str] = &[
    "agency",
    "number",
    "title",
    "issued",
    "period",
    "implements",
];
pub const PLAN_REQUIRED: &[&str] = &["agency", "number", "title", "issued", "period"];
pub const PERIOD_KEYS: &[&str] = &["from", "to"];
pub const UNIT_KEYS: &[&str] = &["id", "name"];
pub const OBJECTIVE_KEYS: &[&str] = &[
    "id",
    "area",
    "statement",
    "indicator",
    "unit",
    "baseline",
    "target",
    "milestones",
    "direction",
    "owner",
];
pub const OBJECTIVE_REQUIRED: &[&str] = &["id", "area", "statement"];
pub const YEAR_VALUE_KEYS: &[&str] = &["year", "value"];
pub const TASK_KEYS: &[&str] = &[
    "id",
    "area",
    "title",
    "objectives",
    "competitiveness",
    "focus",
    "kind",
    "audience",
    "output",
    "lead",
    "support",
    "due",
    "schedule",
    "budget_vnd",
];
pub const TASK_REQUIRED: &[&str] = &["id", "area", "title"];
pub const RESOURCES_KEYS: &[&str] = &["funding", "estimate_vnd", "notes"];
pub const EXEMPTIONS_KEYS: &[&str] = &["competitiveness", "areas"];

/// Reads the typed plan out of `root` (a tape's), sending each structural problem to `note`.
pub fn lower<'a>(root: View<'_, 'a>, profile: &Profile, note: &mut dyn FnMut(Note)) -> Plan<'a> {
    let mut l = Lowerer {
        profile,
        note,
        malformed: Vec::new(),
        deadlines: HashMap::default(),
    };
    let mut plan = l.plan(root);
    for pointer in &l.malformed {
        plan.mark_malformed(pointer);
    }
    plan
}

/// Reads only the `directive:` key, to choose the profile before lowering.
pub fn directive<'a>(root: View<'_, 'a>) -> Option<&'a str> {
    let value = root.get("directive")?.value;
    (!value.is_null()).then_some(value.text()?.trim())
}

/// A text in NFC, borrowed when it already is.
fn nfc(text: Cow<'_, str>) -> Cow<'_, str> {
    match text {
        Cow::Borrowed(t) => text::nfc(t),
        Cow::Owned(t) => Cow::Owned(text::nfc(&t).into_owned()),
    }
}

/// How many distinct `due` texts one plan remembers (a bound on a hostile file).
const DEADLINE_MEMO: usize = 1024;

/// A character an id may have: a letter, a digit, `_`, `.` or `-`.
fn id_char(c: char) -> bool {
    c.is_alphanumeric() || matches!(c, '_' | '.' | '-')
}

struct Lowerer<'a, 'd> {
    profile: &'a Profile,
    note: &'d mut dyn FnMut(Note),
    /// The values noted as having the wrong kind.
    malformed: Vec<Pointer>,
    /// Each `due` text read so far, and what it reads as: a plan repeats a few
    /// forms (`hằng năm`, `Quý II/2024`) over many tasks.
    deadlines: HashMap<String, Option<Deadline>>,
}

/// The entries of a mapping that passed its key checks, with its pointer.
struct Fields<'t, 'a> {
    /// The format of this mapping, and the value found for each of its keys (same order).
    format: &'static Format,
    values: [Option<View<'t, 'a>>; MAX_KEYS],
    /// Values a flow mapping's comma cut in two (`{value: 95,5}`): the text as written.
    decimals: Vec<(&'static str, String)>,
    /// Misspellings of keys that rules require (`ouput` for `output`).
    typos: Vec<Typo>,
    pointer: Pointer,
}

/// In a flow mapping, a comma ends a plain value: `{value: 95,5}` is read as
/// `value: 95` and a key `5` without a value. When `next` is that key, right
/// after the number `value`, the number as written (`95,5`).
fn split_decimal(value: View, next: &Pair) -> Option<String> {
    let (end, key) = (value.span().end, next.key.span().start);
    let adjacent = key.line == end.line && key.col == end.col + 1;
    if !adjacent {
        return None;
    }
    let int = value.scalar().filter(|s| s.as_integer().is_some())?;
    let frac = next.key.scalar()?;
    let digits = !frac.text.is_empty() && frac.text.bytes().all(|b| b.is_ascii_digit());
    (digits && next.value.is_null()).then(|| format!("{},{}", int.text, frac.text))
}

/// The most keys one mapping of the format has (`tasks` items: 14).
pub const MAX_KEYS: usize = 16;

/// Slots of a key list's table of places (a power of two, four times
/// [`MAX_KEYS`], so that probing always meets an empty slot soon).
const SLOTS: usize = 64;

/// Where each key of one key list is, by the key's length and first byte with
/// linear probing: a key's place in one or two steps, not by scanning the list.
struct Places([u8; SLOTS]);

/// A key's first slot in a table of [`Places`].
#[inline(always)]
const fn slot(key: &[u8]) -> usize {
    let first = if key.is_empty() { 0 } else { key[0] as usize };
    (key.len() * 3 + first * 7) % SLOTS
}

impl Places {
    const fn of(keys: &[&str]) -> Places {
        let mut slots = [0u8; SLOTS];
        let mut i = 0;
        while i < keys.len() {
            let mut s = slot(keys[i].as_bytes());
            while slots[s] != 0 {
                s = (s + 1) % SLOTS;
            }
            slots[s] = (i + 1) as u8;
            i += 1;
        }
        Places(slots)
    }

    /// The place of `key` in `keys`, the list this table was made of.
    #[inline(always)]
    fn find(&self, keys: &[&str], key: &str) -> Option<usize> {
        let mut s = slot(key.as_bytes());
        loop {
            let i = usize::from(self.0[s]).checked_sub(1)?;
            // `key` is mostly the very literal of the key list (its address
            // says so without comparing texts).
            if std::ptr::eq(keys[i], key) || keys[i] == key {
                return Some(i);
            }
            s = (s + 1) % SLOTS;
        }
    }
}

/// One mapping of the format: its keys, those it requires, those not required
/// but whose absence a rule reports (O001, M004, U001, Q001: a misspelling of
/// one is reported by that rule), and where each key is.
struct Format {
    keys: &'static [&'static str],
    required: &'static [&'static str],
    rule_required: &'static [&'static str],
    places: Places,
}

impl Format {
    const fn new(
        keys: &'static [&'static str],
        required: &'static [&'static str],
        rule_required: &'static [&'static str],
    ) -> Format {
        assert!(keys.len() <= MAX_KEYS, "a key list is longer than MAX_KEYS");
        Format {
            keys,
            required,
            rule_required,
            places: Places::of(keys),
        }
    }

    /// The place of `key` among the keys.
    #[inline(always)]
    fn find(&self, key: &str) -> Option<usize> {
        self.places.find(self.keys, key)
    }
}

static ROOT: Format = Format::new(ROOT_KEYS, ROOT_REQUIRED, &[]);
static PLAN: Format = Format::new(PLAN_KEYS, PLAN_REQUIRED, &[]);
static PERIOD: Format = Format::new(PERIOD_KEYS, PERIOD_KEYS, &[]);
static UNIT: Format = Format::new(UNIT_KEYS, UNIT_KEYS, &[]);
static OBJECTIVE: Format = Format::new(OBJECTIVE_KEYS, OBJECTIVE_REQUIRED, &["target"]);
/// `baseline`: a year and a value.
static YEAR_VALUE: Format = Format::new(YEAR_VALUE_KEYS, YEAR_VALUE_KEYS, &[]);
/// `target`: a year, and a value whose absence Q001 reports.
static TARGET: Format = Format::new(YEAR_VALUE_KEYS, &["year"], &[]);
static TASK: Format = Format::new(TASK_KEYS, TASK_REQUIRED, &["output", "lead", "due"]);
static RESOURCES: Format = Format::new(RESOURCES_KEYS, &[], &[]);
static EXEMPTIONS: Format = Format::new(EXEMPTIONS_KEYS, &[], &[]);

impl<'t, 'a> Fields<'t, 'a> {
    // Inlined, so that the place of a literal key is worked out when compiling.
    #[inline(always)]
    fn get(&self, key: &str) -> Option<View<'t, 'a>> {
        self.format.find(key).and_then(|i| self.values[i])
    }

    fn pointer(&self, key: &'static str) -> Pointer {
        self.pointer.with_key(key)
    }

    /// The value of `key` as written when a decimal comma cut it in two.
    fn decimal(&self, key: &str) -> Option<&str> {
        self.decimals
            .iter()
            .find(|(k, _)| *k == key)
            .map(|(_, w)| w.as_str())
    }
}

impl Lowerer<'_, '_> {
    fn shape(&mut self, shape: Shape) {
        (self.note)(Note::Structure(shape));
    }

    fn wrong_shape(&mut self, pointer: Pointer, node: View, expected: NodeKind) {
        self.malformed.push(pointer.clone());
        self.shape(Shape::WrongKind {
            pointer,
            expected,
            found: node.kind(),
        });
    }

    /// Checks that `node` is a mapping with only the keys of `format` and all it requires.
    fn mapping<'t, 'a>(
        &mut self,
        node: View<'t, 'a>,
        pointer: Pointer,
        format: &'static Format,
    ) -> Option<Fields<'t, 'a>> {
        let (keys, required) = (format.keys, format.required);
        let Some(entries) = node.entries() else {
            self.wrong_shape(pointer, node, NodeKind::Mapping);
            return None;
        };
        let mut values = [None; MAX_KEYS];
        let mut unknown: Vec<String> = Vec::new();
        let mut decimals = Vec::new();
        // Only in a flow mapping can a comma have cut a number in two.
        let flow = node.flow();
        let mut previous: Option<(&'static str, View)> = None;
        for e in entries {
            if let Some((key, value)) = previous.take()
                && let Some(written) = split_decimal(value, &e)
            {
                decimals.push((key, written));
                continue;
            }
            let Some(k) = e.key.text() else {
                self.shape(Shape::NonScalarKey {
                    pointer: pointer.clone(),
                    span: e.key.span(),
                });
                continue;
            };
            if let Some(i) = format.find(k) {
                values[i] = Some(e.value);
                if flow {
                    previous = Some((keys[i], e.value));
                }
                continue;
            }
            unknown.push(k.to_owned());
        }
        let absent =
            |key: &str, values: &[Option<View>]| format.find(key).and_then(|i| values[i]).is_none();
        // A key written wrong whose closest valid key is one that is missing
        // is that key misspelt: one diagnostic, by the rule about the missing key.
        let mut misspelt: Vec<(&'static str, String)> = Vec::new();
        for written in unknown {
            let wanted = text::closest(&written, keys.iter().map(|k| (*k, *k)))
                .and_then(|c| keys.iter().copied().find(|k| *k == c))
                .filter(|k| absent(k, &values))
                .filter(|k| required.contains(k) || format.rule_required.contains(k))
                .filter(|k| !misspelt.iter().any(|(m, _)| m == k));
            match wanted {
                Some(key) => misspelt.push((key, written)),
                None => (self.note)(Note::UnknownKey {
                    pointer: pointer.clone().key(written.clone()),
                    key: written,
                    allowed: keys,
                }),
            }
        }
        let mut typos = Vec::new();
        let mut reported: Vec<&str> = Vec::new();
        for (key, written) in misspelt {
            if required.contains(&key) {
                reported.push(key);
                self.shape(Shape::MisspeltKey {
                    pointer: pointer.clone().key(written.clone()),
                    key,
                    written,
                });
            } else {
                typos.push(Typo { key, written });
            }
        }
        for key in required {
            if absent(key, &values) && !reported.contains(key) {
                self.shape(Shape::MissingKey {
                    pointer: pointer.clone(),
                    key,
                });
            }
        }
        Some(Fields {
            format,
            values,
            decimals,
            typos,
            pointer,
        })
    }

    /// The entries of a mapping whose keys are data (years, codes), not format keys.
    fn entries<'t, 'a>(
        &mut self,
        node: View<'t, 'a>,
        pointer: impl FnOnce() -> Pointer,
    ) -> Option<crate::yaml::tape::Pairs<'t, 'a>> {
        if node.entries().is_none() {
            self.wrong_shape(pointer(), node, NodeKind::Mapping);
        }
        node.entries()
    }

    /// A text value; `None` when absent or empty. Collections are noted.
    fn text<'a>(&mut self, f: &Fields<'_, 'a>, key: &'static str) -> Option<Cow<'a, str>> {
        let node = f.get(key)?;
        match node.text() {
            Some(_) if node.is_null() => None,
            Some(text) => Some(Cow::Borrowed(text::trim(text))),
            None => {
                self.wrong_shape(f.pointer(key), node, NodeKind::Text);
                None
            }
        }
    }

    /// A required text value: present-but-empty is noted too.
    fn required_text<'a>(&mut self, f: &Fields<'_, 'a>, key: &'static str) -> Option<Cow<'a, str>> {
        let value = self.text(f, key);
        if let Some(node) = f.get(key)
            && node.text().is_some()
            && value.as_deref().is_none_or(str::is_empty)
        {
            self.shape(Shape::EmptyValue {
                pointer: f.pointer(key),
                key,
            });
        }
        value
    }

    /// An id: one word of letters, digits, `_`, `.` and `-`, in NFC.
    fn id<'a>(&mut self, f: &Fields<'_, 'a>) -> Option<Cow<'a, str>> {
        let raw = self.required_text(f, "id")?;
        // Most ids are ASCII words (`T01`, `VP`): nothing to normalise or report.
        if !raw.is_empty() && raw.is_ascii() && raw.chars().all(id_char) {
            return Some(raw);
        }
        let id = nfc(raw.clone());
        if id.is_empty() {
            return None;
        }
        if !id.chars().all(id_char) {
            self.shape(Shape::BadId {
                pointer: f.pointer("id"),
                raw: raw.into_owned(),
            });
        }
        Some(id)
    }

    /// A list of strings; absent or empty is an empty list; items keep their index.
    fn list<'a>(&mut self, f: &Fields<'_, 'a>, key: &'static str) -> Listed<'a> {
        let Some(node) = f.get(key) else {
            return Vec::new();
        };
        if node.is_null() {
            return Vec::new();
        }
        let Some(items) = node.items() else {
            self.wrong_shape(f.pointer(key), node, NodeKind::List);
            return Vec::new();
        };
        let mut out = Vec::with_capacity(node.size());
        for (i, item) in items.enumerate() {
            match item.text() {
                Some(_) if item.is_null() => {}
                Some(text) => out.push((i, text::nfc(text::trim(text)))),
                None => self.wrong_shape(f.pointer(key).index(i), item, NodeKind::Text),
            }
        }
        out
    }

    /// A number; something else written there is noted.
    fn number(&mut self, f: &Fields, key: &'static str) -> Option<f64> {
        let node = f.get(key)?;
        if node.is_null() {
            return None;
        }
        self.number_at(node, || f.pointer(key), f.decimal(key))
    }

    /// A number at `pointer` (built only for a note); `split` is the text when
    /// a flow mapping's comma cut it.
    fn number_at(
        &mut self,
        node: View,
        pointer: impl FnOnce() -> Pointer,
        split: Option<&str>,
    ) -> Option<f64> {
        let number = node.scalar().and_then(|s| s.as_number());
        if split.is_none()
            && let Some(n) = number
        {
            return Some(n);
        }
        let written = split.map(str::to_owned).or_else(|| {
            node.text()
                .filter(|t| decimal_comma(t).is_some())
                .map(str::to_owned)
        });
        let pointer = pointer();
        if let Some(written) = written {
            self.malformed.push(pointer.clone());
            self.shape(Shape::DecimalComma { pointer, written });
            return None;
        }
        self.wrong_shape(pointer, node, NodeKind::Number);
        None
    }

    /// A year field: `Err(raw)` when it is not a year (P009 reports it).
    fn year(&mut self, f: &Fields, key: &'static str) -> Option<Parsed<i32>> {
        let raw = self.text(f, key)?;
        Some(deadline::year(&raw).ok_or_else(|| raw.into_owned()))
    }

    fn plan<'a>(&mut self, root: View<'_, 'a>) -> Plan<'a> {
        let mut plan = Plan::default();
        let Some(f) = self.mapping(root, Pointer::root(), &ROOT) else {
            return plan;
        };
        if let Some(v) = f.get("version")
            && v.scalar().and_then(|s| s.as_integer()) != Some(1)
        {
            self.shape(Shape::BadVersion {
                pointer: f.pointer("version"),
            });
        }
        plan.directive = self.text(&f, "directive").map(Cow::into_owned);
        plan.info = f.get("plan").and_then(|n| self.info(n));
        plan.units = self.section(&f, "units", |l, n, p, i| l.unit(n, p, i));
        plan.objectives = self.section(&f, "objectives", |l, n, p, i| l.objective(n, p, i));
        plan.tasks = self.section(&f, "tasks", |l, n, p, i| l.task(n, p, i));
        plan.resources = f.get("resources").map(|n| self.resources(n));
        plan.exemptions = f.get("exemptions").map(|n| self.exemptions(n));
        plan
    }

    /// A top-level list of mappings; `None` when missing or not a list.
    fn section<'t, 'a, T>(
        &mut self,
        f: &Fields<'t, 'a>,
        key: &'static str,
        item: impl Fn(&mut Self, View<'t, 'a>, Pointer, usize) -> Option<T>,
    ) -> Option<Vec<T>> {
        let node = f.get(key)?;
        if node.is_null() {
            return Some(Vec::new());
        }
        let Some(items) = node.items() else {
            self.wrong_shape(f.pointer(key), node, NodeKind::List);
            return None;
        };
        // Sized once: a task is large, and growing the list would copy them all.
        let mut out = Vec::with_capacity(node.size());
        for (i, n) in items.enumerate() {
            out.extend(item(self, n, f.pointer(key).index(i), i));
        }
        Some(out)
    }

    fn info<'a>(&mut self, node: View<'_, 'a>) -> Option<Info<'a>> {
        let f = self.mapping(node, Pointer::keys(&["plan"]), &PLAN)?;
        let issued = self
            .required_text(&f, "issued")
            .filter(|raw| !raw.is_empty())
            .map(|raw| Date::parse(&raw).ok_or_else(|| raw.into_owned()));
        let period = f.get("period").and_then(|n| {
            let p = self.mapping(n, f.pointer("period"), &PERIOD)?;
            Some(Period {
                from: self.year(&p, "from"),
                to: self.year(&p, "to"),
            })
        });
        let implements = f.get("implements").map(|_| self.list(&f, "implements"));
        Some(Info {
            agency: self.required_text(&f, "agency").map(Cow::into_owned),
            number: self.required_text(&f, "number").map(Cow::into_owned),
            title: self.required_text(&f, "title").map(Cow::into_owned),
            issued,
            period,
            implements,
        })
    }

    fn unit<'a>(&mut self, node: View<'_, 'a>, pointer: Pointer, index: usize) -> Option<Unit<'a>> {
        let f = self.mapping(node, pointer.clone(), &UNIT)?;
        Some(Unit {
            index,
            pointer,
            id: self.id(&f),
            name: self.required_text(&f, "name"),
        })
    }

    fn year_value(
        &mut self,
        f: &Fields,
        key: &'static str,
        format: &'static Format,
    ) -> Option<YearValue> {
        let node = f.get(key)?;
        let g = self.mapping(node, f.pointer(key), format)?;
        // A target that is not a number is Q001's (it says how to quantify it);
        // any other such value is P002's.
        let value = g.get("value").filter(|n| !n.is_null()).map(|n| {
            let written = g.decimal("value").map(str::to_owned);
            match (n.scalar(), written) {
                (_, Some(w)) if key == "target" => Amount::NotANumber(w),
                (Some(s), None) if key == "target" => s
                    .as_number()
                    .map_or_else(|| Amount::NotANumber(s.text.into_owned()), Amount::Number),
                (None, None) if key == "target" => {
                    self.wrong_shape(g.pointer("value"), n, NodeKind::Number);
                    Amount::NotANumber(String::new())
                }
                (_, w) => match self.number_at(n, || g.pointer("value"), w.as_deref()) {
                    Some(v) => Amount::Number(v),
                    None => Amount::NotANumber(String::new()),
                },
            }
        });
        Some(YearValue {
            year: self.year(&g, "year"),
            value,
        })
    }

    fn objective<'a>(
        &mut self,
        node: View<'_, 'a>,
        pointer: Pointer,
        index: usize,
    ) -> Option<Objective<'a>> {
        let f = self.mapping(node, pointer.clone(), &OBJECTIVE)?;
        let baseline = self.year_value(&f, "baseline", &YEAR_VALUE);
        let target = self.year_value(&f, "target", &TARGET);
        let milestones = f.get("milestones").and_then(|n| {
            let mut entries = self.entries(n, || f.pointer("milestones"))?.peekable();
            let mut out = Vec::with_capacity(n.size());
            let mut skip = false;
            while let Some(e) = entries.next() {
                if std::mem::take(&mut skip) {
                    continue;
                }
                let Some(key) = e.key.text().map(str::to_owned) else {
                    continue;
                };
                let split = entries
                    .peek()
                    .filter(|_| n.flow())
                    .and_then(|next| split_decimal(e.value, next));
                skip = split.is_some();
                let value = if e.value.is_null() {
                    None
                } else {
                    let at = || f.pointer("milestones").key(key.clone());
                    self.number_at(e.value, at, split.as_deref())
                };
                out.push(Milestone {
                    year: deadline::year(&key).ok_or_else(|| key.clone()),
                    key,
                    value,
                });
            }
            Some(out)
        });
        Some(Objective {
            index,
            pointer,
            id: self.id(&f),
            area: self.required_text(&f, "area"),
            statement: self.required_text(&f, "statement"),
            indicator: self.text(&f, "indicator"),
            unit: self.text(&f, "unit"),
            baseline,
            target,
            milestones,
            direction: self.text(&f, "direction"),
            owner: self.text(&f, "owner").map(nfc),
            typos: f.typos.clone(),
        })
    }

    fn task<'a>(&mut self, node: View<'_, 'a>, pointer: Pointer, index: usize) -> Option<Task<'a>> {
        let f = self.mapping(node, pointer.clone(), &TASK)?;
        let lead = f.get("lead").and_then(|n| match n.text() {
            _ if n.is_null() => Some(Lead::Empty),
            Some(text) => Some(Lead::One(text::nfc(text::trim(text)))),
            None if n.is_list() => Some(Lead::Many(self.list(&f, "lead"))),
            None => {
                self.wrong_shape(f.pointer("lead"), n, NodeKind::Text);
                None
            }
        });
        let output = f
            .get("output")
            .map(|_| self.text(&f, "output").unwrap_or_default());
        let profile = self.profile;
        let due = self.text(&f, "due").map(|raw| {
            let read = match self.deadlines.get(&*raw) {
                Some(read) => *read,
                None => {
                    let read = Deadline::parse(&raw, profile);
                    if self.deadlines.len() < DEADLINE_MEMO {
                        self.deadlines.insert(raw.to_string(), read);
                    }
                    read
                }
            };
            read.ok_or_else(|| raw.into_owned())
        });
        let schedule = f.get("schedule").and_then(|n| {
            if n.is_null() {
                return Some(Vec::new());
            }
            let entries = self.entries(n, || f.pointer("schedule"))?;
            Some(
                entries
                    .filter_map(|e| {
                        let key = e.key.text()?.to_owned();
                        if e.value.text().is_none() {
                            self.wrong_shape(
                                f.pointer("schedule").key(key.clone()),
                                e.value,
                                NodeKind::Text,
                            );
                        }
                        Some(ScheduleYear {
                            year: deadline::year(&key).ok_or_else(|| key.clone()),
                            key,
                        })
                    })
                    .collect(),
            )
        });
        self.number(&f, "budget_vnd");
        Some(Task {
            index,
            pointer,
            id: self.id(&f),
            area: self.required_text(&f, "area"),
            title: self.required_text(&f, "title"),
            objectives: self.list(&f, "objectives"),
            competitiveness: self.list(&f, "competitiveness"),
            focus: self.list(&f, "focus"),
            kind: self.text(&f, "kind"),
            audience: self.list(&f, "audience"),
            output,
            lead,
            support: self.list(&f, "support"),
            due,
            schedule,
            typos: f.typos.clone(),
        })
    }

    fn resources<'a>(&mut self, node: View<'_, 'a>) -> Resources<'a> {
        if node.is_null() {
            return Resources::default();
        }
        let Some(f) = self.mapping(node, Pointer::keys(&["resources"]), &RESOURCES) else {
            return Resources::default();
        };
        self.number(&f, "estimate_vnd");
        self.text(&f, "notes");
        Resources {
            funding: self.list(&f, "funding"),
        }
    }

    fn exemptions(&mut self, node: View) -> Exemptions {
        let mut out = Exemptions::default();
        if node.is_null() {
            return out;
        }
        let Some(f) = self.mapping(node, Pointer::keys(&["exemptions"]), &EXEMPTIONS) else {
            return out;
        };
        out.areas_key = f.get("areas").is_some();
        if let Some(n) = f.get("competitiveness").filter(|n| !n.is_null())
            && let Some(entries) = self.entries(n, || f.pointer("competitiveness"))
        {
            for e in entries {
                let Some(code) = e.key.text() else { continue };
                let reason = match e.value.text() {
                    Some(_) if e.value.is_null() => String::new(),
                    Some(text) => text.trim().to_owned(),
                    None => {
                        let p = f.pointer("competitiveness").key(code.to_owned());
                        self.wrong_shape(p, e.value, NodeKind::Text);
                        continue;
                    }
                };
                out.competitiveness.push(Exemption {
                    code: code.to_owned(),
                    key: code.to_owned(),
                    placeholder: false,
                    reason,
                });
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_key_of_every_mapping_is_found_in_its_place() {
        let formats = [
            &ROOT,
            &PLAN,
            &PERIOD,
            &UNIT,
            &OBJECTIVE,
            &YEAR_VALUE,
            &TARGET,
            &TASK,
            &RESOURCES,
            &EXEMPTIONS,
        ];
        for format in formats {
            for (i, key) in format.keys.iter().enumerate() {
                assert_eq!(format.find(key), Some(i), "{key}");
                // The same text at another address, as a key read from a file is.
                let read = String::from(*key);
                assert_eq!(format.find(&read), Some(i), "{key}");
            }
            for other in ["", "x", "ouput", "tasks ", "Id", "budget"] {
                assert_eq!(format.find(other), None, "{other}");
            }
        }
    }
}
