//! The config file (`cchc.yaml` or `.cchc.yaml`, found from the current
//! directory upward): profile, language, per-rule severity, excluded paths and
//! per-path overrides. Anything unknown is an error with a suggestion.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use globset::{Glob, GlobSet, GlobSetBuilder};

use crate::diagnostic::Severity;
use crate::i18n::Lang;
use crate::profile::{self, Profile};
use crate::rules::Rule;
use crate::rules::select::{is_rule_key, rule_suggestion, selects};
use crate::yaml::{self, Limits, Node};
use crate::{text, tr};

/// File names looked up, in order, in each directory.
pub const NAMES: &[&str] = &["cchc.yaml", ".cchc.yaml"];

/// What the config says about one rule.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Setting {
    Off,
    On(Severity),
}

/// Rules (codes, names or family letters) and their settings.
#[derive(Debug, Clone, Default)]
pub struct RuleSettings(Vec<(String, Setting)>);

impl RuleSettings {
    /// The setting for `rule`, the last matching entry winning.
    pub fn get(&self, rule: &Rule) -> Option<Setting> {
        self.0
            .iter()
            .rev()
            .find(|(k, _)| selects(k, rule))
            .map(|(_, s)| *s)
    }
}

/// Settings that apply to files matching some globs.
#[derive(Debug, Clone)]
pub struct Override {
    pub files: GlobSet,
    pub rules: RuleSettings,
}

/// A loaded config file.
#[derive(Debug, Clone)]
pub struct Config {
    pub path: PathBuf,
    /// The directory globs are relative to (the config file's).
    pub root: PathBuf,
    /// `profile:`, resolved (a built-in id, or a file relative to the config).
    pub profile: Option<Profile>,
    pub lang: Option<Lang>,
    pub rules: RuleSettings,
    pub exclude: GlobSet,
    pub overrides: Vec<Override>,
}

impl Config {
    /// The config file that applies in `start` or the nearest directory above it.
    pub fn discover(start: &Path) -> Option<PathBuf> {
        let start = std::path::absolute(start).ok()?;
        start
            .ancestors()
            .flat_map(|dir| NAMES.iter().map(move |n| dir.join(n)))
            .find(|p| p.is_file())
    }

    /// `path` relative to the config's directory, `/`-separated.
    pub fn relative(&self, path: &Path) -> PathBuf {
        let abs = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
        abs.strip_prefix(&self.root)
            .map(Path::to_path_buf)
            .unwrap_or(abs)
    }

    pub fn excludes(&self, path: &Path) -> bool {
        self.exclude.is_match(self.relative(path))
    }

    /// The severity of `rule` in the file at `path`, `None` when switched off.
    pub fn severity(&self, rule: &Rule, path: &Path) -> Option<Severity> {
        self.severity_at(rule, &self.relative(path))
    }

    /// [`Config::severity`] for a path already made relative with [`Config::relative`].
    pub fn severity_at(&self, rule: &Rule, rel: &Path) -> Option<Severity> {
        let over = self
            .overrides
            .iter()
            .rev()
            .filter(|o| o.files.is_match(rel))
            .find_map(|o| o.rules.get(rule));
        match over.or_else(|| self.rules.get(rule)) {
            Some(Setting::Off) => None,
            Some(Setting::On(s)) => Some(s),
            None => Some(rule.severity),
        }
    }

    /// Reads and validates a config file.
    pub fn load(path: &Path, lang: Lang) -> Result<Config, String> {
        let shown = path.display().to_string();
        let fail = |msg: String| format!("{shown}: {msg}");
        let text = std::fs::read_to_string(path).map_err(|e| fail(e.to_string()))?;
        let arena = yaml::Arena::new();
        let tree = yaml::parse(&text, &arena, Limits::default()).map_err(|e| {
            fail(match e {
                yaml::TreeError::Syntax { at, message } => {
                    let line = at.line;
                    tr!(
                        lang,
                        "dòng {line}: lỗi cú pháp YAML: {message}",
                        "line {line}: YAML syntax error: {message}"
                    )
                }
                yaml::TreeError::Limit { at, .. } => {
                    let line = at.line;
                    tr!(
                        lang,
                        "dòng {line}: vượt giới hạn an toàn",
                        "line {line}: safety limit exceeded"
                    )
                }
            })
        })?;
        let root = abs_dir(path);
        let mut config = Config {
            path: path.to_path_buf(),
            root: root.clone(),
            profile: None,
            lang: None,
            rules: RuleSettings::default(),
            exclude: GlobSet::empty(),
            overrides: Vec::new(),
        };
        let Some(node) = tree.root.filter(|n| !n.is_null()) else {
            return Ok(config);
        };
        let entries = node.entries().ok_or_else(|| {
            fail(tr!(
                lang,
                "tệp cấu hình phải là một nhóm mục `tên: giá trị`",
                "the config must be a mapping"
            ))
        })?;
        for e in entries {
            let key = e.key.scalar().map(|s| &*s.text).unwrap_or_default();
            let at = e.key.span.start.line;
            let v = &e.value;
            match key {
                "profile" => {
                    let arg = scalar(v, key, lang).map_err(fail)?;
                    let resolved = profile::resolve(&arg, Some(&config.root), lang);
                    let line = v.span.start.line;
                    config.profile =
                        Some(resolved.map_err(|e| {
                            fail(tr!(lang, "dòng {line}: {e}", "line {line}: {e}"))
                        })?);
                }
                "lang" => {
                    let s = scalar(v, key, lang).map_err(fail)?;
                    config.lang = Some(match s.as_str() {
                        "vi" => Lang::Vi,
                        "en" => Lang::En,
                        _ => {
                            return Err(fail(tr!(
                                lang,
                                "dòng {at}: `lang` là `vi` hoặc `en`, không phải `{s}`",
                                "line {at}: `lang` is `vi` or `en`, not `{s}`"
                            )));
                        }
                    });
                }
                "rules" => config.rules = rule_settings(v, lang).map_err(fail)?,
                "exclude" => config.exclude = globs(v, key, lang).map_err(fail)?,
                "overrides" => {
                    let items = v.items().ok_or_else(|| {
                        fail(tr!(
                            lang,
                            "dòng {at}: `overrides` phải là một danh sách",
                            "line {at}: `overrides` must be a list"
                        ))
                    })?;
                    for item in items {
                        config
                            .overrides
                            .push(override_entry(item, lang).map_err(fail)?);
                    }
                }
                other => {
                    let known = ["profile", "lang", "rules", "exclude", "overrides"];
                    let hint = did_you_mean(other, &known, lang);
                    return Err(fail(tr!(
                        lang,
                        "dòng {at}: mục không hợp lệ `{other}`{hint}",
                        "line {at}: unknown key `{other}`{hint}"
                    )));
                }
            }
        }
        Ok(config)
    }
}

/// Which config file applies to each file of a run: the one named with
/// `--config`, none (`--no-config`), or for each file the nearest `cchc.yaml`
/// (or `.cchc.yaml`) from its directory upward, as ruff finds `ruff.toml`, so a
/// file's result does not depend on where the command is run. Each config file
/// is read once.
#[derive(Debug, Default)]
pub struct Configs {
    explicit: Option<Arc<Config>>,
    discover: bool,
    lang: Lang,
    by_dir: HashMap<PathBuf, Option<Arc<Config>>>,
    by_path: HashMap<PathBuf, Arc<Config>>,
}

impl Configs {
    /// Every file gets `config`.
    pub fn one(config: Config) -> Configs {
        Configs {
            explicit: Some(Arc::new(config)),
            ..Configs::default()
        }
    }

    /// No file gets a config.
    pub fn none() -> Configs {
        Configs::default()
    }

    /// Each file gets the config nearest to it; messages of a bad config in `lang`.
    pub fn discovered(lang: Lang) -> Configs {
        Configs {
            discover: true,
            lang,
            ..Configs::default()
        }
    }

    /// The config of the file at `path` (a bad config file is an error).
    pub fn for_file(&mut self, path: &Path) -> Result<Option<Arc<Config>>, String> {
        if !self.discover {
            return Ok(self.explicit.clone());
        }
        let abs = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
        let dir = abs.parent().map(Path::to_path_buf).unwrap_or_default();
        self.for_dir(&dir)
    }

    fn for_dir(&mut self, dir: &Path) -> Result<Option<Arc<Config>>, String> {
        if let Some(known) = self.by_dir.get(dir) {
            return Ok(known.clone());
        }
        let here = NAMES.iter().map(|n| dir.join(n)).find(|p| p.is_file());
        let found = match (here, dir.parent()) {
            (Some(path), _) => Some(self.load(&path)?),
            (None, Some(parent)) => self.for_dir(parent)?,
            (None, None) => None,
        };
        self.by_dir.insert(dir.to_path_buf(), found.clone());
        Ok(found)
    }

    fn load(&mut self, path: &Path) -> Result<Arc<Config>, String> {
        if let Some(c) = self.by_path.get(path) {
            return Ok(c.clone());
        }
        let config = Arc::new(Config::load(path, self.lang)?);
        self.by_path.insert(path.to_path_buf(), config.clone());
        Ok(config)
    }
}

/// "; did you mean `x`?" for the choice closest to `input`, or nothing.
fn did_you_mean(input: &str, choices: &[&str], lang: Lang) -> String {
    text::closest(input, choices.iter().map(|c| (*c, *c)))
        .map(|s| tr!(lang, "; có phải ý bạn là `{s}`?", "; did you mean `{s}`?"))
        .unwrap_or_default()
}

fn abs_dir(path: &Path) -> PathBuf {
    let abs = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
    abs.parent().map(Path::to_path_buf).unwrap_or_default()
}

fn scalar(node: &Node, key: &str, lang: Lang) -> Result<String, String> {
    let line = node.span.start.line;
    node.scalar()
        .filter(|s| !s.is_null())
        .map(|s| s.text.trim().to_owned())
        .ok_or_else(|| {
            tr!(
                lang,
                "dòng {line}: `{key}` phải là một giá trị văn bản",
                "line {line}: `{key}` must be a text value"
            )
        })
}

fn globs(node: &Node, key: &str, lang: Lang) -> Result<GlobSet, String> {
    let line = node.span.start.line;
    let items = node.items().ok_or_else(|| {
        tr!(
            lang,
            "dòng {line}: `{key}` phải là danh sách mẫu đường dẫn",
            "line {line}: `{key}` must be a list of path globs"
        )
    })?;
    let mut set = GlobSetBuilder::new();
    for item in items {
        let pattern = scalar(item, key, lang)?;
        let glob = Glob::new(&pattern).map_err(|e| {
            tr!(
                lang,
                "dòng {line}: mẫu `{pattern}` không hợp lệ: {e}",
                "line {line}: invalid glob `{pattern}`: {e}"
            )
        })?;
        set.add(glob);
    }
    set.build().map_err(|e| e.to_string())
}

fn rule_settings(node: &Node, lang: Lang) -> Result<RuleSettings, String> {
    let line = node.span.start.line;
    let entries = node.entries().ok_or_else(|| {
        tr!(
            lang,
            "dòng {line}: `rules` phải là các dòng `MÃ: mức`",
            "line {line}: `rules` must map `CODE: severity`"
        )
    })?;
    let mut out = Vec::new();
    for e in entries {
        let key = e
            .key
            .scalar()
            .map(|s| s.text.to_string())
            .unwrap_or_default();
        let at = e.key.span.start.line;
        if !is_rule_key(&key) {
            return Err(format!(
                "{} {}",
                tr!(lang, "dòng {at}:", "line {at}:"),
                rule_suggestion(&key, lang)
            ));
        }
        let value = e
            .value
            .scalar()
            .map(|s| s.text.trim().to_ascii_lowercase())
            .unwrap_or_default();
        let setting = match value.as_str() {
            "off" | "false" => Setting::Off,
            "info" => Setting::On(Severity::Info),
            "warning" => Setting::On(Severity::Warning),
            "error" => Setting::On(Severity::Error),
            other => {
                let levels = ["off", "info", "warning", "error"];
                let hint = did_you_mean(other, &levels, lang);
                return Err(tr!(
                    lang,
                    "dòng {at}: mức `{other}` không hợp lệ (off, info, warning, error){hint}",
                    "line {at}: invalid severity `{other}` (off, info, warning, error){hint}"
                ));
            }
        };
        out.push((key, setting));
    }
    Ok(RuleSettings(out))
}

fn override_entry(node: &Node, lang: Lang) -> Result<Override, String> {
    let line = node.span.start.line;
    let entries = node.entries().ok_or_else(|| {
        tr!(
            lang,
            "dòng {line}: mỗi mục `overrides` là một nhóm có `files` và `rules`",
            "line {line}: each `overrides` entry is a mapping with `files` and `rules`"
        )
    })?;
    let mut files = None;
    let mut rules = RuleSettings::default();
    for e in entries {
        match e.key.scalar().map(|s| &*s.text).unwrap_or_default() {
            "files" => files = Some(globs(&e.value, "files", lang)?),
            "rules" => rules = rule_settings(&e.value, lang)?,
            other => {
                let at = e.key.span.start.line;
                let hint = did_you_mean(other, &["files", "rules"], lang);
                return Err(tr!(
                    lang,
                    "dòng {at}: mục không hợp lệ `{other}`{hint}",
                    "line {at}: unknown key `{other}`{hint}"
                ));
            }
        }
    }
    let files = files.ok_or_else(|| {
        tr!(
            lang,
            "dòng {line}: mục `overrides` thiếu `files`",
            "line {line}: an `overrides` entry lacks `files`"
        )
    })?;
    Ok(Override { files, rules })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn write(text: &str) -> (tempfile::TempDir, PathBuf) {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("cchc.yaml");
        std::fs::write(&path, text).expect("write");
        (dir, path)
    }

    #[test]
    fn severities_and_overrides_apply_by_path() {
        let (dir, path) = write(
            "rules:\n  O002: off\n  U003: error\noverrides:\n  - files: [\"plans/xa-*.yaml\"]\n    rules: {C002: warning}\n",
        );
        let c = Config::load(&path, Lang::En).expect("valid");
        let o002 = crate::rules::find("O002").expect("rule");
        let c002 = crate::rules::find("C002").expect("rule");
        let plan = dir.path().join("plans/xa-a.yaml");
        assert_eq!(c.severity(o002, &plan), None);
        assert_eq!(c.severity(c002, &plan), Some(Severity::Warning));
        assert_eq!(
            c.severity(c002, &dir.path().join("plans/so.yaml")),
            Some(Severity::Error)
        );
    }

    #[test]
    fn unknown_keys_rules_and_severities_are_errors_with_suggestions() {
        for (text, hint) in [
            ("rule: {}\n", "rules"),
            ("rules: {O02: off}\n", "O002"),
            ("rules: {O002: of}\n", "off"),
        ] {
            let (_dir, path) = write(text);
            let err = Config::load(&path, Lang::En).expect_err("invalid");
            assert!(err.contains(hint), "{err}");
        }
    }
}
