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
    let (status, all) = codes_in(repo.path(), repo.path(), &[]);
    assert_eq!(status, Some(1), "the run itself succeeded: {all:?}");
    assert!(
        all.iter().any(|c| c.contains("plans/")),
        "the plans were checked: {all:?}"
    );
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
        // A command quoted in prose (`- \`cchc check …\` when …`) runs as quoted.
        let line = match line.strip_prefix('`') {
            Some(quoted) => quoted.split('`').next().unwrap_or_default(),
            None => line,
        };
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

/// Codes per path of a JSON run over `paths` in `dir`, without a config.
fn codes_of_run(dir: &Path, paths: &[&str]) -> Vec<(String, String)> {
    let out = Command::cargo_bin("cchc")
        .expect("binary")
        .current_dir(dir)
        .env_remove("CCHC_LANG")
        .args(["check", "--no-config", "--format", "json"])
        .args(paths)
        .output()
        .expect("run");
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).expect("a JSON report");
    doc["diagnostics"]
        .as_array()
        .expect("diagnostics")
        .iter()
        .map(|d| {
            let field = |k: &str| d[k].as_str().unwrap_or_default().to_owned();
            (field("path"), field("code"))
        })
        .collect()
}

#[test]
fn cross_file_findings_are_silenced_inline_on_the_number_and_period_lines() {
    let dir = tempfile::tempdir().expect("tempdir");
    for (fixture, name) in [("X001", "a"), ("X001", "b"), ("X002", "a"), ("X002", "b")] {
        let from = fixtures().join(fixture).join(format!("{name}.yaml"));
        std::fs::copy(from, dir.path().join(format!("{fixture}-{name}.yaml"))).expect("copy");
    }
    let paths = ["X001-a.yaml", "X001-b.yaml", "X002-a.yaml", "X002-b.yaml"];
    let before = codes_of_run(dir.path(), &paths);
    let count = |codes: &[(String, String)], path: &str, code: &str| {
        codes.iter().filter(|(p, c)| p == path && c == code).count()
    };
    assert_eq!(count(&before, "X001-a.yaml", "X001"), 1, "{before:?}");
    assert_eq!(count(&before, "X002-b.yaml", "X002"), 1, "{before:?}");
    // X001 on a flow mapping's line; X002 on the `period:` key of a block mapping,
    // whose diagnostic is placed at its first key, the line below.
    let a = dir.path().join("X001-a.yaml");
    let text = std::fs::read_to_string(&a).expect("read");
    let text = text.replacen(
        "to: 2025}}\n",
        "to: 2025}}  # cchc: ignore X001 -- bản sao có chủ đích\n",
        1,
    );
    std::fs::write(&a, text).expect("write");
    let b = dir.path().join("X002-b.yaml");
    let text = std::fs::read_to_string(&b).expect("read");
    let text = text.replacen(
        "  period:\n",
        "  period:  # cchc: ignore X002 -- kế hoạch bổ sung\n",
        1,
    );
    std::fs::write(&b, text).expect("write");
    let after = codes_of_run(dir.path(), &paths);
    assert_eq!(count(&after, "X001-a.yaml", "X001"), 0, "{after:?}");
    assert_eq!(count(&after, "X002-b.yaml", "X002"), 0, "{after:?}");
    assert_eq!(
        count(&after, "X001-b.yaml", "X001"),
        1,
        "the other file still reports it"
    );
    assert!(
        !after.iter().any(|(_, c)| c.starts_with('S')),
        "the suppressions are used, so no S002: {after:?}"
    );
}
