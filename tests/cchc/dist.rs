//! The distribution files agree with each other: what the action downloads is what the release
//! workflow builds, and the pre-commit mirror pins the crate's version. (scripts/test-dist builds
//! and runs the binaries, the wheels and the hook; scripts/check-workflows lints the files.)

#[allow(unused_imports)]
use super::*;

fn read(path: &str) -> String {
    std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(path)).expect(path)
}

/// The Rust target triples named in `text` (`x86_64-unknown-linux-musl`, …).
fn triples(text: &str) -> std::collections::BTreeSet<String> {
    text.split(|c: char| !(c.is_ascii_alphanumeric() || c == '-' || c == '_'))
        .filter(|w| {
            !w.starts_with('-')
                && !w.ends_with('-')
                && w.matches('-').count() >= 2
                && ["-linux-", "-windows-", "-apple-"]
                    .iter()
                    .any(|os| w.contains(os))
        })
        .map(str::to_owned)
        .collect()
}

#[test]
fn the_action_installs_exactly_the_archives_the_release_builds() {
    let action = read("action.yml");
    let release = read(".github/workflows/release.yml");
    let binaries = &release[release.find("  binaries:").expect("binaries job")
        ..release.find("  wheels:").expect("wheels job")];
    let built = triples(binaries);
    assert_eq!(built.len(), 5, "{built:?}");
    assert_eq!(triples(&action), built);
    // One naming scheme on both sides: cchc-TAG-TARGET.EXT, checked against SHA256SUMS.
    assert!(action.contains(r#"archive="cchc-$CCHC_VERSION-$target.$ext""#));
    assert!(release.contains(r#""dist/cchc-$TAG-$TARGET.zip""#));
    assert!(release.contains(r#""dist/cchc-$TAG-$TARGET.tar.gz""#));
    assert!(action.contains("SHA256SUMS") && release.contains("> SHA256SUMS"));
    assert!(!action.contains("cargo "), "the action never compiles");
}

#[test]
fn the_pre_commit_mirror_pins_this_version_and_keeps_the_hooks_flags() {
    let version = env!("CARGO_PKG_VERSION");
    let pyproject = read("pre-commit-mirror/pyproject.toml");
    assert!(
        pyproject.contains(&format!("\"cchc=={version}\"")),
        "{pyproject}"
    );
    assert!(pyproject.contains(&format!("version = \"{version}\"")));
    let hooks = read("pre-commit-mirror/.pre-commit-hooks.yaml");
    let arena = cchc::yaml::Arena::new();
    let tree = cchc::yaml::parse(&hooks, &arena, Default::default()).expect("yaml");
    let mirror = tree.root.expect("root").to_json()[0].clone();
    let hooks = read(".pre-commit-hooks.yaml");
    let arena = cchc::yaml::Arena::new();
    let tree = cchc::yaml::parse(&hooks, &arena, Default::default()).expect("yaml");
    let source = tree.root.expect("root").to_json()[0].clone();
    assert_eq!(mirror["language"], "python");
    for key in ["id", "entry", "files", "exclude", "require_serial"] {
        assert_eq!(mirror[key], source[key], "{key}");
    }
}

#[test]
fn version_names_the_commit_and_the_target() {
    let out = Command::cargo_bin("cchc")
        .unwrap()
        .arg("--version")
        .output()
        .unwrap();
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    let git = std::process::Command::new("git")
        .args(["rev-parse", "--short=12", "HEAD"])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .unwrap();
    let commit = String::from_utf8(git.stdout).unwrap().trim().to_owned();
    let rustc = std::process::Command::new(std::env::var("RUSTC").unwrap_or("rustc".into()))
        .arg("-vV")
        .output()
        .unwrap();
    let rustc = String::from_utf8(rustc.stdout).unwrap();
    let host = rustc
        .lines()
        .find_map(|l| l.strip_prefix("host: "))
        .unwrap();
    assert_eq!(
        text.trim_end(),
        format!("cchc {} ({commit} {host})", env!("CARGO_PKG_VERSION"))
    );
}
