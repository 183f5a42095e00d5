//! Which files a run covers: paths named on the command line, and the
//! `*.yaml`/`*.yml` files found by walking directories (hidden directories
//! and what `.gitignore` ignores are skipped, as ripgrep does).

use std::path::{Path, PathBuf};

use crate::config::Config;

/// A file to check and how it was found.
#[derive(Debug, Clone)]
pub struct Target {
    pub path: PathBuf,
    pub display: String,
    pub walked: bool,
}

/// Expands command-line paths: directories are walked for `*.yaml`/`*.yml`,
/// skipping hidden directories and what `.gitignore` ignores.
pub fn targets(paths: &[PathBuf], config: Option<&Config>) -> Vec<Target> {
    let mut out = Vec::new();
    for path in paths {
        if !path.is_dir() {
            out.push(Target {
                path: path.clone(),
                display: path.to_string_lossy().replace('\\', "/"),
                walked: false,
            });
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
            let excluded = config.is_some_and(|c| c.excludes(p));
            if is_yaml && !excluded && entry.file_type().is_some_and(|t| !t.is_dir()) {
                out.push(Target {
                    path: p.to_path_buf(),
                    display: display(p),
                    walked: true,
                });
            }
        }
    }
    out
}

/// A path found by walking, `/`-separated, without a leading `./` (walking `.` yields `./a.yaml`).
fn display(path: &Path) -> String {
    let s = path.to_string_lossy().replace('\\', "/");
    s.strip_prefix("./").map(str::to_owned).unwrap_or(s)
}
