//! Codes written as names (PLAN-FORMAT.md "Codes and names") and units named
//! rather than given by id ("Units by id or by name"). Once a plan is read,
//! [`resolve`] replaces every name a catalog or the plan's own units know by
//! its code or id, so that rules, reports and JSON only ever see codes; what
//! stays unresolved is left as written for P005/P006/U002 to explain.

use std::borrow::Cow;
use std::cell::RefCell;

use foldhash::{HashMap, HashSet};

use crate::model::{Lead, Plan, Unit};
use crate::profile::{Catalog, Profile};
use crate::text;

/// The task kinds the format defines, with the names officers write for them.
pub const KIND_NAMES: &[(&str, &[&str])] = &[
    (
        "directive",
        &["văn bản chỉ đạo", "chỉ đạo", "ban hành văn bản"],
    ),
    ("briefing", &["giao ban", "họp giao ban"]),
    (
        "communication",
        &["tuyên truyền", "thông tin, tuyên truyền"],
    ),
    ("inspection", &["kiểm tra"]),
    ("survey", &["khảo sát", "điều tra"]),
    ("report", &["báo cáo"]),
];

/// The objective directions, with their Vietnamese names.
pub const DIRECTION_NAMES: &[(&str, &[&str])] = &[("increase", &["tăng"]), ("decrease", &["giảm"])];

/// The code of a format-defined list (`kind`, `direction`) that `value` is or names.
pub fn format_code(list: &[(&'static str, &[&str])], value: &str) -> Option<&'static str> {
    if let Some((code, _)) = list.iter().find(|(c, _)| *c == value) {
        return Some(code);
    }
    let key = text::name_key(value);
    list.iter()
        .find(|(code, names)| *code == key || names.iter().any(|n| text::name_key(n) == key))
        .map(|(code, _)| *code)
}

/// What a `lead`, `support` or `owner` value names.
#[derive(Debug, Clone, PartialEq)]
pub enum UnitRef {
    /// One declared unit, by id or by its name.
    Id(String),
    /// The name of two or more units: their ids.
    Ambiguous(Vec<String>),
    Unknown,
}

/// The plan's units, to find one by id or by name.
#[derive(Debug, Default)]
pub struct Units {
    ids: Vec<String>,
    declared: HashSet<String>,
    by_name: HashMap<String, Vec<String>>,
    /// What each text looked up so far was found to be: a plan names the same
    /// few units over many tasks, and the lookup folds the text each time.
    found: RefCell<HashMap<String, UnitRef>>,
}

/// How many distinct texts [`Units`] remembers (a bound on a hostile file).
const FOUND_MEMO: usize = 1024;

impl Units {
    pub fn new(units: &[Unit]) -> Units {
        let mut out = Units::default();
        for u in units {
            let Some(id) = &u.id else { continue };
            out.ids.push(id.to_string());
            out.declared.insert(id.to_string());
            if let Some(name) = &u.name {
                out.by_name
                    .entry(text::name_key(name))
                    .or_default()
                    .push(id.to_string());
            }
        }
        out
    }

    /// The declared ids, in order.
    pub fn ids(&self) -> &[String] {
        &self.ids
    }

    /// Whether `value` is, exactly as written, a declared id (what a lead or
    /// support becomes once [`resolve`] has read it).
    pub fn is_id(&self, value: &str) -> bool {
        self.declared.contains(value)
    }

    pub fn find(&self, value: &str) -> UnitRef {
        if let Some(known) = self.found.borrow().get(value) {
            return known.clone();
        }
        let found = self.look_up(value);
        let mut memo = self.found.borrow_mut();
        if memo.len() < FOUND_MEMO {
            memo.insert(value.to_owned(), found.clone());
        }
        found
    }

    fn look_up(&self, value: &str) -> UnitRef {
        let value = text::nfc(value.trim());
        if self.declared.contains(value.as_ref()) {
            return UnitRef::Id(value.into_owned());
        }
        match self.by_name.get(&text::name_key(&value)).map(Vec::as_slice) {
            Some([id]) => UnitRef::Id(id.clone()),
            // Two units declared with one id are P004's; the same id twice is one unit.
            Some([first, rest @ ..]) if rest.iter().all(|id| id == first) => {
                UnitRef::Id(first.clone())
            }
            Some(ids) if ids.len() > 1 => {
                let mut ids = ids.to_vec();
                ids.dedup();
                UnitRef::Ambiguous(ids)
            }
            _ => UnitRef::Unknown,
        }
    }

    /// The units a `lead` written as text names when it names two or more
    /// (`TCCB, VP`, `Văn phòng và Thanh tra Sở`), split at `,`, `;`, `/`,
    /// `+`, `và` and line breaks; empty otherwise.
    pub fn several_in(&self, value: &str) -> Vec<String> {
        if self.find(value) != UnitRef::Unknown {
            return Vec::new();
        }
        let mut found = Vec::new();
        for part in split_units(value) {
            if let UnitRef::Id(id) = self.find(part)
                && !found.contains(&id)
            {
                found.push(id);
            }
        }
        if found.len() >= 2 { found } else { Vec::new() }
    }
}

/// The parts of a text naming several units.
fn split_units(value: &str) -> Vec<&str> {
    let mut parts = Vec::new();
    for piece in value.split([',', ';', '/', '+', '\n']) {
        let mut rest = piece;
        // " và " between two names; never inside a word.
        while let Some(i) = rest.find(" và ") {
            parts.push(&rest[..i]);
            rest = &rest[i + " và ".len()..];
        }
        parts.push(rest);
    }
    parts
        .into_iter()
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect()
}

/// Replaces the names in `plan` by codes and unit ids where they are known;
/// returns the index of the plan's units it used, for the rules.
pub fn resolve(plan: &mut Plan, profile: &Profile) -> Units {
    let code = |catalog: Catalog, value: &mut Cow<'_, str>| {
        if let Some(c) = profile.code_of(catalog, value)
            && c != value
        {
            *value = Cow::Owned(c.to_owned());
        }
    };
    let format = |list: &[(&'static str, &[&str])], value: &mut Cow<'_, str>| {
        if let Some(c) = format_code(list, value)
            && c != value
        {
            *value = Cow::Borrowed(c);
        }
    };
    let units = Units::new(plan.units.as_deref().unwrap_or_default());
    let unit = |value: &mut Cow<'_, str>| {
        if units.is_id(value) {
            return;
        }
        if let UnitRef::Id(id) = units.find(value)
            && id != *value
        {
            *value = Cow::Owned(id);
        }
    };
    for o in plan.objectives.iter_mut().flatten() {
        o.area.iter_mut().for_each(|v| code(Catalog::Area, v));
        o.indicator
            .iter_mut()
            .for_each(|v| code(Catalog::Indicator, v));
        o.direction
            .iter_mut()
            .for_each(|v| format(DIRECTION_NAMES, v));
        o.owner.iter_mut().for_each(unit);
    }
    for t in plan.tasks.iter_mut().flatten() {
        t.area.iter_mut().for_each(|v| code(Catalog::Area, v));
        t.kind.iter_mut().for_each(|v| format(KIND_NAMES, v));
        for (catalog, list) in [
            (Catalog::Competitiveness, &mut t.competitiveness),
            (Catalog::KeyTask, &mut t.focus),
            (Catalog::Audience, &mut t.audience),
        ] {
            list.iter_mut().for_each(|(_, v)| code(catalog, v));
        }
        match &mut t.lead {
            Some(Lead::One(v)) => unit(v),
            Some(Lead::Many(items)) => items.iter_mut().for_each(|(_, v)| unit(v)),
            _ => {}
        }
        t.support.iter_mut().for_each(|(_, v)| unit(v));
    }
    if let Some(r) = &mut plan.resources {
        r.funding
            .iter_mut()
            .for_each(|(_, v)| code(Catalog::Funding, v));
    }
    if let Some(e) = &mut plan.exemptions {
        for x in &mut e.competitiveness {
            // A reform area's name here becomes its code, for C004 to refuse.
            let found = profile
                .code_of(Catalog::Competitiveness, &x.code)
                .or_else(|| profile.code_of(Catalog::Area, &x.code));
            if let Some(c) = found {
                x.code = c.to_owned();
            }
            x.placeholder = profile.is_placeholder_reason(&x.reason);
        }
    }
    units
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::location::Pointer;

    fn unit<'a>(id: &'a str, name: &'a str) -> Unit<'a> {
        Unit {
            index: 0,
            pointer: Pointer::root(),
            id: Some(id.into()),
            name: Some(name.into()),
        }
    }

    #[test]
    fn units_are_found_by_id_or_name() {
        let u = Units::new(&[
            unit("TTra", "Thanh tra Sở"),
            unit("VP", "Văn phòng Sở"),
            unit("A", "Phòng chung"),
            unit("B", "Phòng chung"),
        ]);
        assert_eq!(u.find("thanh tra sở"), UnitRef::Id("TTra".into()));
        assert_eq!(u.find(" Thanh  tra Sở. "), UnitRef::Id("TTra".into()));
        assert_eq!(u.find("VP"), UnitRef::Id("VP".into()));
        assert_eq!(
            u.find("Phòng chung"),
            UnitRef::Ambiguous(vec!["A".into(), "B".into()])
        );
        assert_eq!(u.find("Phòng khác"), UnitRef::Unknown);
        assert_eq!(u.several_in("TTra, VP"), vec!["TTra", "VP"]);
        assert_eq!(
            u.several_in("Thanh tra Sở và Văn phòng Sở"),
            vec!["TTra", "VP"]
        );
        assert_eq!(u.several_in("VP / TTra"), vec!["VP", "TTra"]);
        assert!(u.several_in("VP").is_empty());
        assert!(u.several_in("VP, Phòng khác").is_empty());
    }

    #[test]
    fn format_codes_are_found_by_name() {
        assert_eq!(
            format_code(KIND_NAMES, "Tuyên truyền"),
            Some("communication")
        );
        assert_eq!(format_code(KIND_NAMES, "briefing"), Some("briefing"));
        assert_eq!(format_code(DIRECTION_NAMES, "Giảm"), Some("decrease"));
        assert_eq!(format_code(KIND_NAMES, "họp"), None);
    }

    #[test]
    fn catalog_names_and_aliases_become_codes() {
        let p = crate::profile::default_profile();
        for (catalog, name, want) in [
            (Catalog::Area, "Cải cách thể chế", "institutional"),
            (Catalog::Area, "cai cach TTHC", "procedures"),
            (
                Catalog::Area,
                "Hiện đại hóa hành chính",
                "digital_government",
            ),
            (Catalog::Area, "Chỉ đạo, điều hành", "direction"),
            (Catalog::Audience, "cán bộ", "staff"),
            (Catalog::Audience, "nhân dân", "citizens"),
            (Catalog::Audience, "Doanh nghiệp", "businesses"),
            (Catalog::Funding, "Ngân sách nhà nước", "state_budget"),
            (
                Catalog::Funding,
                "dự toán chi thường xuyên",
                "regular_budget",
            ),
            (Catalog::Competitiveness, "Tiếp cận đất đai", "land_access"),
            (Catalog::Competitiveness, "Đào tạo nghề", "labor_training"),
        ] {
            assert_eq!(p.code_of(catalog, name), Some(want), "{name}");
        }
        assert_eq!(p.code_of(Catalog::Area, "Cải cách"), None);
    }
}
