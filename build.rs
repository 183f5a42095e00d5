//! Stamps `cchc --version` with the git commit and the target triple.
//!
//! The commit comes from `CCHC_COMMIT` when the release workflow sets it, else from `git` when
//! building from a clone; a source archive without either says `unknown`.

use std::process::Command;

fn main() {
    println!("cargo:rerun-if-env-changed=CCHC_COMMIT");
    // Only files that exist: a missing one would rebuild the crate on every build.
    let mut watched = vec![".git/HEAD".to_owned(), ".git/packed-refs".to_owned()];
    if let Ok(head) = std::fs::read_to_string(".git/HEAD")
        && let Some(reference) = head.strip_prefix("ref: ")
    {
        watched.push(format!(".git/{}", reference.trim()));
    }
    for path in watched.iter().filter(|p| std::path::Path::new(p).is_file()) {
        println!("cargo:rerun-if-changed={path}");
    }
    let commit = std::env::var("CCHC_COMMIT")
        .ok()
        .filter(|c| !c.is_empty())
        .or_else(|| {
            let out = Command::new("git")
                .args(["rev-parse", "--short=12", "HEAD"])
                .output()
                .ok()?;
            out.status
                .success()
                .then(|| String::from_utf8_lossy(&out.stdout).trim().to_owned())
                .filter(|c| !c.is_empty())
        })
        .unwrap_or_else(|| "unknown".to_owned());
    println!("cargo:rustc-env=CCHC_COMMIT={commit}");
    let target = std::env::var("TARGET").unwrap_or_else(|_| "unknown".to_owned());
    println!("cargo:rustc-env=CCHC_TARGET={target}");
}
