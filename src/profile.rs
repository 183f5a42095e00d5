//! The directive profile: the machine form of one directive (period, areas,
//! competitiveness items, key tasks, required references and activities, the
//! indicator catalog and the word lists). Built-in profiles are YAML files under
//! `schemas/directives/` compiled into the binary; others are loaded with `--profile`.

use std::sync::OnceLock;

use serde::Deserialize;

use crate::text;
use crate::yaml::{self, Limits};

/// One directive's requirements, as data.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Profile {
    pub id: String,
    pub title: String,
    pub title_en: String,
    pub source: String,
    pub period: YearRange,
    pub areas: Vec<Area>,
    pub competitiveness: Vec<Item>,
    pub key_tasks: Vec<Item>,
    pub audiences: Vec<Item>,
    pub funding: Vec<Item>,
    #[serde(default)]
    pub required_references: Vec<String>,
    #[serde(default)]
    pub required_audiences: Vec<String>,
    #[serde(default)]
    pub required_activities: Vec<Activity>,
    #[serde(default)]
    pub indicators: Vec<Indicator>,
    #[serde(default)]
    pub satisfaction_indicator: Option<String>,
    pub words: Words,
    #[serde(skip)]
    folded: FoldedWords,
    /// Each catalog's codes, names and aliases as name keys ([`text::name_key`]) → code.
    #[serde(skip)]
    names: Vec<foldhash::HashMap<String, String>>,
}

/// The catalogs of a profile whose values a plan may write as a code or a name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Catalog {
    Area,
    Competitiveness,
    KeyTask,
    Audience,
    Funding,
    Indicator,
}

impl Catalog {
    pub const ALL: [Catalog; 6] = [
        Catalog::Area,
        Catalog::Competitiveness,
        Catalog::KeyTask,
        Catalog::Audience,
        Catalog::Funding,
        Catalog::Indicator,
    ];
}

/// A span of years, both ends included.
#[derive(Debug, Clone, Copy, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct YearRange {
    pub from: i32,
    pub to: i32,
}

impl YearRange {
    pub fn contains(&self, year: i32) -> bool {
        (self.from..=self.to).contains(&year)
    }
}

/// A reform area.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Area {
    pub code: String,
    pub vi: String,
    pub en: String,
    /// Whether the area is one of those every plan must cover (`direction` is not).
    #[serde(default = "yes")]
    pub counts: bool,
    /// Other names officers write for it (legacy programme names).
    #[serde(default)]
    pub aliases: Vec<String>,
    pub example_vi: String,
    pub example_en: String,
}

fn yes() -> bool {
    true
}

/// An entry of a catalog: competitiveness item, key task, audience, funding source.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Item {
    pub code: String,
    pub vi: String,
    pub en: String,
    #[serde(default)]
    pub aliases: Vec<String>,
}

/// An activity the directive requires of every plan (D001, D002, D004).
#[derive(Debug, Clone, Copy, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum Activity {
    Directive,
    Briefing,
    Resources,
}

/// Which way an indicator improves.
#[derive(Debug, Clone, Copy, Deserialize, PartialEq, Eq, Default)]
#[serde(rename_all = "snake_case")]
pub enum Direction {
    #[default]
    Increase,
    Decrease,
}

/// An indicator of the parent programme with its targets.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Indicator {
    pub code: String,
    pub vi: String,
    pub en: String,
    pub unit: String,
    #[serde(default)]
    pub direction: Direction,
    #[serde(default)]
    pub targets: Vec<Target>,
}

/// A target of the parent programme, with where it comes from.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Target {
    pub year: i32,
    pub value: f64,
    pub source: String,
}

/// The word lists the heuristics use.
#[derive(Debug, Clone, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct Words {
    pub vague_deadlines: Vec<String>,
    pub activity_verbs: Vec<String>,
    pub product_nouns: Vec<String>,
    pub collective_leads: Vec<String>,
    /// Exemption reasons that exempt nothing (C004).
    #[serde(default)]
    pub placeholder_reasons: Vec<String>,
    /// Words after which a product noun names no product (O002: `theo kế hoạch`).
    #[serde(default)]
    pub not_product_after: Vec<String>,
    /// Words that start the name of a unit (office documents: where a lead or support cell splits).
    #[serde(default)]
    pub unit_words: Vec<String>,
    /// A task's kind from words of its title (office documents), in order: the first kind found wins.
    #[serde(default)]
    pub kind_words: Vec<KindWords>,
}

/// The words of a title that make a task of `kind` (office documents).
#[derive(Debug, Clone, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct KindWords {
    pub kind: String,
    pub words: Vec<String>,
}

/// The word lists, folded into words once when the profile is loaded.
#[derive(Debug, Clone, Default)]
pub struct FoldedWords {
    pub vague_deadlines: Vec<Vec<String>>,
    pub activity_verbs: Vec<Vec<String>>,
    pub product_nouns: Vec<Vec<String>>,
    pub collective_leads: Vec<Vec<String>>,
    pub placeholder_reasons: Vec<Vec<String>>,
    pub not_product_after: Vec<Vec<String>>,
    pub unit_words: Vec<Vec<String>>,
    /// `(kind, phrases)`, in the profile's order.
    pub kind_words: Vec<(String, Vec<Vec<String>>)>,
}

const BUILT_IN: &[(&str, &str)] = &[
    (
        "7946-UBND-NCPC.yaml",
        include_str!("../schemas/directives/7946-UBND-NCPC.yaml"),
    ),
    (
        "282-QD-TTg.yaml",
        include_str!("../schemas/directives/282-QD-TTg.yaml"),
    ),
];

/// The profile used when neither the command line, the plan nor a config names one.
pub const DEFAULT_ID: &str = "7946/UBND-NCPC";

/// The built-in profiles, parsed once.
pub fn built_in() -> &'static [Profile] {
    static PROFILES: OnceLock<Vec<Profile>> = OnceLock::new();
    PROFILES.get_or_init(|| {
        BUILT_IN
            .iter()
            .map(|(name, text)| match Profile::from_yaml(text) {
                Ok(p) => p,
                Err(e) => panic!(
                    "built-in profile {name} is invalid (a build defect caught by tests): {e}"
                ),
            })
            .collect()
    })
}

/// The built-in default profile (7946/UBND-NCPC).
pub fn default_profile() -> &'static Profile {
    find_built_in(DEFAULT_ID).unwrap_or(&built_in()[0])
}

/// A built-in profile by id.
pub fn find_built_in(id: &str) -> Option<&'static Profile> {
    let id = id.trim();
    // Officers also write ids without diacritics ("282/QD-TTg"): fall back to folded text.
    built_in().iter().find(|p| p.id == id).or_else(|| {
        built_in()
            .iter()
            .find(|p| text::fold(&p.id) == text::fold(id))
    })
}

/// Resolves a profile named by `arg`: a built-in id, else a profile file
/// (relative to `base` when given, as a config file's `profile:` is).
pub fn resolve(
    arg: &str,
    base: Option<&std::path::Path>,
    lang: crate::i18n::Lang,
) -> Result<Profile, String> {
    if let Some(p) = find_built_in(arg) {
        return Ok(p.clone());
    }
    let path = match base {
        Some(dir) => dir.join(arg),
        None => std::path::PathBuf::from(arg),
    };
    if !path.exists() {
        let known = built_in()
            .iter()
            .map(|p| p.id.as_str())
            .collect::<Vec<_>>()
            .join(", ");
        return Err(crate::tr!(
            lang,
            "không có hồ sơ `{arg}`: không phải hồ sơ có sẵn ({known}) cũng không phải tệp",
            "no profile `{arg}`: neither a built-in profile ({known}) nor a file"
        ));
    }
    Profile::from_file(&path)
        .map_err(|e| crate::tr!(lang, "hồ sơ không hợp lệ: {e}", "invalid profile: {e}"))
}

impl Profile {
    /// Reads and validates a profile from YAML text.
    pub fn from_yaml(text: &str) -> Result<Profile, String> {
        let arena = yaml::Arena::new();
        let tree = yaml::parse(text, &arena, Limits::default()).map_err(|e| match e {
            yaml::TreeError::Syntax { at, message } => {
                format!(
                    "YAML syntax error at line {}, column {}: {message}",
                    at.line,
                    at.col + 1
                )
            }
            yaml::TreeError::Limit { at, .. } => {
                format!(
                    "safety limit exceeded at line {}, column {}",
                    at.line,
                    at.col + 1
                )
            }
        })?;
        if let Some(yaml::TreeNote::DuplicateKey { key, span, .. }) = tree
            .notes
            .iter()
            .find(|n| matches!(n, yaml::TreeNote::DuplicateKey { .. }))
        {
            return Err(format!("key `{key}` repeated at line {}", span.start.line));
        }
        let root = tree.root.ok_or("the profile is empty")?;
        let mut profile: Profile =
            serde_json::from_value(root.to_json()).map_err(|e| e.to_string())?;
        profile.validate()?;
        profile.folded = FoldedWords {
            vague_deadlines: fold_all(&profile.words.vague_deadlines),
            activity_verbs: fold_all(&profile.words.activity_verbs),
            product_nouns: fold_all(&profile.words.product_nouns),
            collective_leads: fold_all(&profile.words.collective_leads),
            placeholder_reasons: fold_all(&profile.words.placeholder_reasons),
            not_product_after: fold_all(&profile.words.not_product_after),
            unit_words: fold_all(&profile.words.unit_words),
            kind_words: profile
                .words
                .kind_words
                .iter()
                .map(|k| (k.kind.clone(), fold_all(&k.words)))
                .collect(),
        };
        profile.names = Catalog::ALL
            .iter()
            .map(|&c| {
                let mut map = foldhash::HashMap::default();
                for (code, names) in profile.entries(c) {
                    for name in names {
                        map.entry(text::name_key(name))
                            .or_insert_with(|| code.to_owned());
                    }
                    map.insert(text::name_key(code), code.to_owned());
                    // The code as written (`civil_service`), found without folding.
                    map.insert(code.to_owned(), code.to_owned());
                }
                map
            })
            .collect();
        Ok(profile)
    }

    /// Reads a profile file given with `--profile`.
    pub fn from_file(path: &std::path::Path) -> Result<Profile, String> {
        let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
        Profile::from_yaml(&text).map_err(|e| format!("{}: {e}", path.display()))
    }

    fn validate(&self) -> Result<(), String> {
        if self.period.from > self.period.to {
            return Err(format!(
                "period.from {} is after period.to {}",
                self.period.from, self.period.to
            ));
        }
        let catalogs: [(&str, Vec<&str>); 6] = [
            (
                "areas",
                self.areas.iter().map(|a| a.code.as_str()).collect(),
            ),
            ("competitiveness", codes(&self.competitiveness)),
            ("key_tasks", codes(&self.key_tasks)),
            ("audiences", codes(&self.audiences)),
            ("funding", codes(&self.funding)),
            (
                "indicators",
                self.indicators.iter().map(|i| i.code.as_str()).collect(),
            ),
        ];
        for (name, list) in &catalogs {
            for (i, code) in list.iter().enumerate() {
                if code.is_empty() {
                    return Err(format!("{name}: an empty code"));
                }
                if list[..i].contains(code) {
                    return Err(format!("{name}: code `{code}` appears twice"));
                }
            }
        }
        if !self.areas.iter().any(|a| a.counts) {
            return Err("areas: no area that plans must cover".to_owned());
        }
        for a in &self.required_audiences {
            if !self.audiences.iter().any(|x| &x.code == a) {
                return Err(format!("required_audiences: `{a}` is not in audiences"));
            }
        }
        if let Some(s) = &self.satisfaction_indicator
            && !self.indicators.iter().any(|i| &i.code == s)
        {
            return Err(format!(
                "satisfaction_indicator: `{s}` is not in indicators"
            ));
        }
        Ok(())
    }

    /// The reform areas every plan must cover, in catalog order.
    pub fn required_areas(&self) -> impl Iterator<Item = &Area> {
        self.areas.iter().filter(|a| a.counts)
    }

    pub fn area(&self, code: &str) -> Option<&Area> {
        self.areas.iter().find(|a| a.code == code)
    }

    pub fn indicator(&self, code: &str) -> Option<&Indicator> {
        self.indicators.iter().find(|i| i.code == code)
    }

    pub fn requires(&self, activity: Activity) -> bool {
        self.required_activities.contains(&activity)
    }

    /// Each entry of a catalog as (code, the names it may be written as).
    pub fn entries(&self, catalog: Catalog) -> Vec<(&str, Vec<&str>)> {
        fn item(i: &Item) -> (&str, Vec<&str>) {
            let mut names = vec![i.vi.as_str(), i.en.as_str()];
            names.extend(i.aliases.iter().map(String::as_str));
            (i.code.as_str(), names)
        }
        match catalog {
            Catalog::Area => self
                .areas
                .iter()
                .map(|a| {
                    let mut names = vec![a.vi.as_str(), a.en.as_str()];
                    names.extend(a.aliases.iter().map(String::as_str));
                    (a.code.as_str(), names)
                })
                .collect(),
            Catalog::Competitiveness => self.competitiveness.iter().map(item).collect(),
            Catalog::KeyTask => self.key_tasks.iter().map(item).collect(),
            Catalog::Audience => self.audiences.iter().map(item).collect(),
            Catalog::Funding => self.funding.iter().map(item).collect(),
            Catalog::Indicator => self
                .indicators
                .iter()
                .map(|i| (i.code.as_str(), vec![i.vi.as_str(), i.en.as_str()]))
                .collect(),
        }
    }

    /// The code a value of `catalog` stands for: the code itself, or the code of
    /// the entry whose Vietnamese or English name or alias it is (folded).
    pub fn code_of(&self, catalog: Catalog, value: &str) -> Option<&str> {
        let map = self
            .names
            .get(Catalog::ALL.iter().position(|c| *c == catalog)?)?;
        map.get(value)
            .or_else(|| map.get(&text::name_key(value)))
            .map(String::as_str)
    }

    /// Whether an exemption reason says nothing: only punctuation, or one of
    /// the profile's `placeholder_reasons` as a whole (folded).
    pub fn is_placeholder_reason(&self, reason: &str) -> bool {
        let words = text::words(reason);
        words.is_empty()
            || self
                .folded
                .placeholder_reasons
                .iter()
                .any(|p| !p.is_empty() && *p == words)
    }

    /// Whether `text` contains one of the profile's collective phrases
    /// (`các phòng`, `toàn Sở`), compared word by word, folded.
    pub fn is_collective(&self, text: &str) -> bool {
        let words = text::words(text);
        self.folded
            .collective_leads
            .iter()
            .any(|p| text::contains_phrase(&words, p))
    }

    /// The word lists as folded words.
    pub fn folded(&self) -> &FoldedWords {
        &self.folded
    }

    /// Whether text already folded ([`text::fold`]) is one of the vague deadline
    /// phrases, compared word by word without allocating.
    pub fn is_vague_folded(&self, folded: &str) -> bool {
        let words = || text::folded_words(folded);
        words().next().is_some()
            && self
                .folded
                .vague_deadlines
                .iter()
                .any(|phrase| words().eq(phrase.iter().map(String::as_str)))
    }
}

fn codes(items: &[Item]) -> Vec<&str> {
    items.iter().map(|i| i.code.as_str()).collect()
}

fn fold_all(list: &[String]) -> Vec<Vec<String>> {
    list.iter().map(|s| text::words(s)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn built_in_profiles_load_and_validate() {
        let p = find_built_in(DEFAULT_ID).expect("default profile");
        assert_eq!(p.required_areas().count(), 6);
        assert_eq!(p.competitiveness.len(), 10);
        assert_eq!(p.key_tasks.len(), 7);
        assert!(p.is_vague_folded(&text::fold("Thuong xuyen")));
    }

    #[test]
    fn the_2026_2030_profile_requires_no_provincial_activity() {
        let p = find_built_in("282/QĐ-TTg").expect("second profile");
        assert_eq!((p.period.from, p.period.to), (2026, 2030));
        assert!(p.required_activities.is_empty() && p.required_audiences.is_empty());
        assert_eq!(
            p.satisfaction_indicator.as_deref(),
            Some("online_satisfaction")
        );
        assert_eq!(p.required_areas().count(), 6);
    }

    #[test]
    fn invalid_profiles_are_rejected_with_a_reason() {
        let err = Profile::from_yaml("id: x\n").expect_err("incomplete");
        assert!(err.contains("missing field"), "{err}");
    }
}
