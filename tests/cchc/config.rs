//! The config file (discovery, severities, overrides, exclusions, errors),
//! inline suppressions and the CI documentation's commands.

#[allow(unused_imports)]
use super::*;

fn repo_with_config(config: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::create_dir_all(dir.path().join("plans/sub")).expect("mkdir");
    std::fs::create_dir_all(dir.path().join("drafts")).expect("mkdir");
    for (from, to) in [
        ("san-pham-la-hoat-dong.yaml", "plans/so-a.yaml"),
        ("giao-cho-cac-phong.yaml", "plans/xa-b.yaml"),
        ("thieu-noi-dung-va-dau-ra.yaml", "drafts/nhap.yaml"),
    ] {
        std::fs::copy(examples().join(from), dir.path().join(to)).expect("copy");
    }
    std::fs::write(dir.path().join("cchc.yaml"), config).expect("write config");
    dir
}

fn codes_in(dir: &Path, cwd: &Path, extra: &[&str]) -> (Option<i32>, Vec<String>) {
    let mut cmd = Command::cargo_bin("cchc").expect("binary");
    cmd.current_dir(cwd)
        .env_remove("CCHC_LANG")
        .args(["check", "--format", "json"])
        .args(extra)
        .arg(dir);
    let out = cmd.output().expect("run");
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap_or_default();
    let codes = doc["diagnostics"]
        .as_array()
        .map(|a| {
            a.iter()
                .map(|d| {
                    format!(
                        "{} {}",
                        d["path"].as_str().unwrap_or(""),
                        d["code"].as_str().unwrap_or("")
                    )
                })
                .collect()
        })
        .unwrap_or_default();
    (out.status.code(), codes)
}

#[test]
fn config_is_found_upward_and_changes_severities_per_path() {
    let repo = repo_with_config(
        "rules:\n  O002: error\noverrides:\n  - files: [\"plans/xa-*.yaml\"]\n    rules: {U002: warning}\nexclude: [\"drafts/**\"]\n",
    );
    let cwd = repo.path().join("plans/sub");
    let (status, codes) = codes_in(
        &repo.path().join("plans").canonicalize().expect("abs"),
        &cwd,
        &[],
    );
    assert_eq!(codes.len(), 2, "{codes:?}");
    assert_eq!(status, Some(1), "O002 raised to error");
    let out = Command::cargo_bin("cchc")
        .expect("bin")
        .current_dir(&cwd)
        .args(["check", "--format", "json", "--select", "U002"])
        .arg(repo.path().join("plans/xa-b.yaml"))
        .output()
        .expect("run");
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    assert_eq!(
        doc["diagnostics"][0]["severity"], "warning",
        "override applied"
    );
    let (_, all) = codes_in(repo.path(), repo.path(), &[]);
    assert!(
        !all.iter().any(|c| c.contains("drafts")),
        "excluded: {all:?}"
    );
    let (_, unconfigured) = codes_in(repo.path(), repo.path(), &["--no-config"]);
    assert!(
        unconfigured.iter().any(|c| c.contains("drafts")),
        "--no-config: {unconfigured:?}"
    );
}

#[test]
fn config_can_switch_rules_off_and_set_the_language() {
    let repo = repo_with_config("lang: en\nrules: {vague-output: off, U: warning}\n");
    let out = Command::cargo_bin("cchc")
        .expect("bin")
        .current_dir(repo.path())
        .env_remove("CCHC_LANG")
        .args(["check", "--format", "json", "plans"])
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(0));
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    let diags = doc["diagnostics"].as_array().expect("list");
    assert_eq!(diags.len(), 1, "{diags:?}");
    assert_eq!(diags[0]["code"], "U002");
    assert_eq!(diags[0]["severity"], "warning");
    assert!(
        diags[0]["message"]
            .as_str()
            .is_some_and(|m| m.contains("is not one specific unit")),
        "English from the config"
    );
}

#[test]
fn config_errors_exit_2_with_a_suggestion() {
    for (config, hint) in [
        ("rule: {}\n", "rules"),
        ("rules: {O02: off}\n", "O002"),
        ("rules: {O002: of}\n", "off"),
        ("lang: fr\n", "vi"),
    ] {
        let repo = repo_with_config(config);
        let out = Command::cargo_bin("cchc")
            .expect("bin")
            .current_dir(repo.path())
            .args(["check", "plans"])
            .output()
            .expect("run");
        assert_eq!(out.status.code(), Some(2), "{config}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains(hint), "{config}: {err}");
    }
    cchc()
        .args(["check", "--config", "no-such-config.yaml", "examples"])
        .assert()
        .code(2);
}

#[test]
fn suppressions_need_reasons_and_no_ignores_shows_everything() {
    let dir = tempfile::tempdir().expect("tempdir");
    let text =
        std::fs::read_to_string(examples().join("san-pham-la-hoat-dong.yaml")).expect("read");
    let with = text.replace("output: Tăng cường công tác rà soát, đơn giản hóa TTHC", "output: Tăng cường công tác rà soát, đơn giản hóa TTHC  # cchc: ignore O002 -- báo cáo kèm theo");
    let path = dir.path().join("plan.yaml");
    std::fs::write(&path, &with).expect("write");
    let (status, codes) = codes_in(&path, dir.path(), &["--no-config"]);
    assert_eq!((status, codes.len()), (Some(0), 0), "{codes:?}");
    let (_, codes) = codes_in(&path, dir.path(), &["--no-config", "--no-ignores"]);
    assert_eq!(codes.len(), 1, "{codes:?}");
    std::fs::write(&path, with.replace(" -- báo cáo kèm theo", "")).expect("write");
    let (_, codes) = codes_in(&path, dir.path(), &["--no-config"]);
    assert!(
        codes.iter().any(|c| c.ends_with("S001")) && codes.iter().any(|c| c.ends_with("O002")),
        "{codes:?}"
    );
}

#[test]
fn ci_docs_commands_run_against_the_examples() {
    let docs = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/ci.md"))
        .expect("docs");
    let bin = assert_cmd::cargo::cargo_bin("cchc");
    let path = format!(
        "{}:{}",
        bin.parent().expect("dir").display(),
        std::env::var("PATH").unwrap_or_default()
    );
    let dir = tempfile::tempdir().expect("tempdir");
    let mut ran = 0;
    for line in docs.lines() {
        let line = line
            .trim()
            .trim_start_matches("- run: ")
            .trim_start_matches("- ");
        if !line.starts_with("cchc check") || !line.contains("plans/") {
            continue;
        }
        let command = line.replace("plans/", &format!("{}/", examples().display()));
        let out = std::process::Command::new("sh")
            .arg("-c")
            .arg(&command)
            .current_dir(dir.path())
            .env("PATH", &path)
            .output()
            .expect("sh");
        assert!(
            matches!(out.status.code(), Some(0 | 1)),
            "{command}: {:?}",
            out.status
        );
        ran += 1;
    }
    assert_eq!(ran, 3, "the GitHub and GitLab commands were found");
    let sarif: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(dir.path().join("cchc.sarif")).expect("sarif"),
    )
    .expect("json");
    assert_eq!(sarif["version"], "2.1.0");
    roxmltree::Document::parse(
        &std::fs::read_to_string(dir.path().join("cchc-junit.xml")).expect("junit"),
    )
    .expect("xml");
}
