//! Which files a run covers: paths named on the command line, and the
//! `*.yaml`/`*.yml` files found by walking directories (hidden directories
//! and what `.gitignore` ignores are skipped, as ripgrep does). One file
//! reached by several paths — named twice, `./a.yaml` and `a.yaml`, named and
//! found by walking, through a symlink — is one target, under the first path.

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::check::SkipReason;
use crate::config::{Config, Configs};
use crate::source::office::Kind;

/// A file to check and how it was found.
#[derive(Debug, Clone)]
pub struct Target {
    pub path: PathBuf,
    pub display: String,
    /// Found by walking (or named with `--skip-non-plans`): passed over when not a plan.
    pub walked: bool,
    /// Passed over without being read.
    pub skip: Option<SkipReason>,
    /// The config file that applies to it.
    pub config: Option<Arc<Config>>,
}

impl Target {
    /// A file named on the command line, with no config.
    pub fn named(path: impl Into<PathBuf>) -> Target {
        let path = path.into();
        Target {
            display: path.to_string_lossy().replace('\\', "/"),
            path,
            walked: false,
            skip: None,
            config: None,
        }
    }
}

/// Expands command-line paths: directories are walked for `*.yaml`/`*.yml`
/// (with `office` also `*.docx`/`*.xlsx`),
/// skipping hidden directories and what `.gitignore` ignores; files their
/// config excludes are listed as passed over. `skip_non_plans` treats named
/// files like walked ones. A config file that cannot be read is an error.
pub fn targets(
    paths: &[PathBuf],
    configs: &mut Configs,
    skip_non_plans: bool,
    office: bool,
) -> Result<Vec<Target>, String> {
    let mut out = Vec::new();
    let mut seen = HashSet::new();
    // Canonical paths (links resolved) identify files; a path that cannot be
    // resolved (missing: P000) is kept as it was typed.
    let mut first = |path: &Path| {
        let id = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
        seen.insert(id)
    };
    for path in paths {
        if !path.is_dir() {
            if first(path) {
                out.push(Target {
                    walked: skip_non_plans,
                    config: configs.for_file(path)?,
                    ..Target::named(path.clone())
                });
            }
            continue;
        }
        let walker = ignore::WalkBuilder::new(path)
            .hidden(true)
            .require_git(false)
            .sort_by_file_path(Ord::cmp)
            .build();
        for entry in walker.flatten() {
            let p = entry.path();
            let is_yaml = p.extension().is_some_and(|e| e == "yaml" || e == "yml");
            // `~$ke-hoach.docx` is the lock file Word keeps beside an open document.
            let is_office = office
                && p.file_name()
                    .and_then(|n| n.to_str())
                    .is_some_and(|n| !n.starts_with("~$") && Kind::of(n).is_some());
            if !(is_yaml || is_office) || entry.file_type().is_none_or(|t| t.is_dir()) || !first(p)
            {
                continue;
            }
            let config = configs.for_file(p)?;
            let excluded = config.as_ref().is_some_and(|c| c.excludes(p));
            out.push(Target {
                path: p.to_path_buf(),
                display: display(p),
                walked: true,
                skip: excluded.then_some(SkipReason::Excluded),
                config,
            });
        }
    }
    Ok(out)
}

/// A path found by walking, `/`-separated, without a leading `./` (walking `.` yields `./a.yaml`).
fn display(path: &Path) -> String {
    let s = path.to_string_lossy().replace('\\', "/");
    s.strip_prefix("./").map(str::to_owned).unwrap_or(s)
}
