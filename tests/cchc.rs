//! Integration tests: every rule against its fixture, the complete examples,
//! rendered output snapshots and the command-line contract (exit statuses).

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use cchc::check::{self, Options};
use cchc::rules::RULES;

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

/// `# expect: CODE line:col` lines of a fixture, as (code, line, col). A fixture
/// that cannot be read (the dangling link of P000) expects P000 at 1:1.
fn expectations(path: &Path) -> Vec<(String, u32, u32)> {
    let Ok(bytes) = std::fs::read(path) else {
        return vec![("P000".to_owned(), 1, 1)];
    };
    String::from_utf8_lossy(&bytes)
        .lines()
        .filter_map(|l| l.strip_prefix("# expect: "))
        .map(|e| {
            let (code, pos) = e.split_once(' ').expect("CODE line:col");
            let (line, col) = pos.trim().split_once(':').expect("line:col");
            (
                code.to_owned(),
                line.parse().expect("line"),
                col.parse().expect("col"),
            )
        })
        .collect()
}

/// Checks the targets and compares, per file, the positions of `code` with the expectations.
fn compare_fixture(
    code: &str,
    targets: &[check::Target],
    expected_from: &dyn Fn(&str) -> PathBuf,
    failures: &mut Vec<String>,
) {
    let report = check::run(targets, &Options::default());
    for file in &report.files {
        let expected = expectations(&expected_from(&file.path));
        if expected.is_empty() && !code.starts_with('X') {
            failures.push(format!("{code}: fixture {} expects nothing", file.path));
        }
        // The fixture's own code, and any other code it states expectations for.
        let mut codes: Vec<&str> = expected
            .iter()
            .map(|(c, _, _)| c.as_str())
            .chain([code])
            .collect();
        codes.sort();
        codes.dedup();
        for c in codes {
            let mut got: Vec<(u32, u32)> = file
                .diagnostics
                .iter()
                .filter(|d| d.code() == c)
                .map(|d| (d.line, d.column))
                .collect();
            let mut want: Vec<(u32, u32)> = expected
                .iter()
                .filter(|(x, _, _)| x == c)
                .map(|(_, l, col)| (*l, *col))
                .collect();
            got.sort();
            want.sort();
            if got != want {
                failures.push(format!("{c} in {}: got {got:?}, want {want:?}", file.path));
            }
        }
    }
}

#[test]
fn every_rule_fires_exactly_where_its_fixture_says() {
    for rule in RULES {
        let dir = fixtures().join(rule.code);
        let file = fixtures().join(format!("{}.yaml", rule.code));
        assert!(
            dir.is_dir() || file.symlink_metadata().is_ok(),
            "rule {} has no fixture",
            rule.code
        );
    }
    let mut entries: Vec<PathBuf> = std::fs::read_dir(fixtures())
        .expect("fixtures")
        .map(|e| e.expect("entry").path())
        .collect();
    entries.sort();
    let mut failures = Vec::new();
    for path in entries {
        let name = path
            .file_name()
            .and_then(|n| n.to_str())
            .expect("name")
            .to_owned();
        let code = name.split('.').next().expect("code").to_owned();
        assert!(
            cchc::rules::find(&code).is_some(),
            "fixture {name} names no rule"
        );
        if path.is_dir() {
            let targets = check::targets(std::slice::from_ref(&path), None);
            compare_fixture(&code, &targets, &|p| PathBuf::from(p), &mut failures);
        } else {
            let target = check::Target {
                path: path.clone(),
                display: path.display().to_string(),
                walked: false,
            };
            compare_fixture(&code, &[target], &|_| path.clone(), &mut failures);
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

fn examples() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("examples")
}

const COMPLETE: &[&str] = &[
    "so-tu-phap.yaml",
    "ubnd-xa-phong-quang.yaml",
    "ke-hoach-2026-2030.yaml",
];

#[test]
fn complete_examples_produce_no_diagnostic_for_any_rule() {
    let targets: Vec<check::Target> = COMPLETE
        .iter()
        .map(|n| check::Target {
            path: examples().join(n),
            display: (*n).to_owned(),
            walked: false,
        })
        .collect();
    let report = check::run(&targets, &Options::default());
    for f in &report.files {
        let codes: Vec<String> = f
            .diagnostics
            .iter()
            .map(|d| format!("{} {}:{}", d.code(), d.line, d.column))
            .collect();
        assert!(codes.is_empty(), "{}: {codes:?}", f.path);
    }
}

/// Each mistake example and the rules it is written to show.
const MISTAKES: &[(&str, &[&str])] = &[
    ("thieu-noi-dung-tai-chinh-cong.yaml", &["U003", "C001"]),
    ("muc-tieu-khong-dinh-luong.yaml", &["Q001"]),
    ("giao-cho-cac-phong.yaml", &["U002"]),
    ("san-pham-la-hoat-dong.yaml", &["O002"]),
    ("thoi-han-thuong-xuyen.yaml", &["M006"]),
    ("thieu-moc-tien-do.yaml", &["M001"]),
];

#[test]
fn mistake_examples_fire_exactly_the_rules_they_are_named_after() {
    for (name, codes) in MISTAKES {
        let target = check::Target {
            path: examples().join(name),
            display: (*name).to_owned(),
            walked: false,
        };
        let report = check::run(&[target], &Options::default());
        let mut got: Vec<&str> = report.files[0]
            .diagnostics
            .iter()
            .map(|d| d.code())
            .collect();
        got.dedup();
        assert_eq!(&got, codes, "{name}");
    }
    let target = check::Target {
        path: examples().join("thieu-noi-dung-va-dau-ra.yaml"),
        display: "x".into(),
        walked: false,
    };
    let report = check::run(&[target], &Options::default());
    let codes: Vec<&str> = report.files[0]
        .diagnostics
        .iter()
        .map(|d| d.code())
        .collect();
    for code in [
        "C001", "Q001", "U002", "O002", "M006", "P006", "P009", "U004", "D005",
    ] {
        assert!(codes.contains(&code), "{code} missing from {codes:?}");
    }
}

#[test]
fn malformed_files_end_with_a_diagnostic_not_a_crash() {
    let binary: Vec<u8> = (0..=255u8).cycle().take(4096).collect();
    assert_hostile("binary.yaml", &binary, "P008");
    assert_hostile(
        "latin1.yaml",
        b"plan:\n  agency: S\xe1 T\xac ph\xb8p\n",
        "P008",
    );
    assert_hostile("empty.yaml", b"", "P002");
    assert_hostile("list.yaml", b"- a\n- b\n", "P002");
    assert_hostile("tab.yaml", b"plan:\n\tagency: x\n", "P001");
}

#[cfg(unix)]
#[test]
fn named_pipes_and_symlink_loops_are_p000_at_once() {
    let dir = tempfile::tempdir().expect("tempdir");
    let fifo = dir.path().join("pipe.yaml");
    assert!(
        std::process::Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .expect("mkfifo")
            .success()
    );
    let looped = dir.path().join("loop.yaml");
    std::os::unix::fs::symlink(&looped, &looped).expect("symlink");
    let out = cchc()
        .args(["check", "--format", "concise"])
        .arg(&fifo)
        .arg(&looped)
        .timeout(std::time::Duration::from_secs(20))
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(2));
    let text = String::from_utf8_lossy(&out.stdout);
    assert_eq!(text.matches("error[P000]").count(), 2, "{text}");
}

fn cchc() -> Command {
    let mut cmd = Command::cargo_bin("cchc").expect("binary");
    cmd.current_dir(env!("CARGO_MANIFEST_DIR"))
        .env_remove("CCHC_LANG")
        .env("NO_COLOR", "1");
    cmd
}

#[test]
fn exit_status_is_0_for_clean_plans_1_for_errors_2_for_unreadable_paths() {
    cchc()
        .args([
            "check",
            "examples/so-tu-phap.yaml",
            "examples/ubnd-xa-phong-quang.yaml",
        ])
        .assert()
        .code(0);
    cchc()
        .args(["check", "examples/thieu-noi-dung-va-dau-ra.yaml"])
        .assert()
        .code(1);
    let out = cchc()
        .args([
            "check",
            "--format",
            "concise",
            "does-not-exist.yaml",
            "examples/thieu-noi-dung-va-dau-ra.yaml",
        ])
        .assert()
        .code(2)
        .get_output()
        .stdout
        .clone();
    let text = String::from_utf8(out).expect("utf-8");
    assert!(
        text.contains("does-not-exist.yaml:1:1: error[P000]"),
        "{text}"
    );
    assert!(
        text.contains("thieu-noi-dung-va-dau-ra.yaml:"),
        "the other file is still checked: {text}"
    );
}

#[test]
fn warnings_fail_only_with_deny_warnings() {
    let plan = "tests/fixtures/U003.yaml";
    cchc()
        .args(["check", "--select", "U003", plan])
        .assert()
        .code(0);
    cchc()
        .args(["check", "--select", "U003", "--deny-warnings", plan])
        .assert()
        .code(1);
    cchc()
        .args([
            "check",
            "--ignore",
            "U",
            "--deny-warnings",
            "--select",
            "U003",
            plan,
        ])
        .assert()
        .code(0);
}

#[test]
fn unknown_rules_and_profiles_are_usage_errors() {
    let out = cchc()
        .args(["check", "--select", "C01", "examples"])
        .assert()
        .code(2)
        .get_output()
        .stderr
        .clone();
    assert!(
        String::from_utf8_lossy(&out).contains("C001"),
        "suggests the closest code"
    );
    cchc()
        .args(["check", "--profile", "no-such-profile", "examples"])
        .assert()
        .code(2);
    cchc().args(["explain", "Z999"]).assert().code(2);
}

#[test]
fn directories_are_walked_and_non_plans_skipped() {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::copy(
        examples().join("so-tu-phap.yaml"),
        dir.path().join("plan.yaml"),
    )
    .expect("copy");
    std::fs::write(dir.path().join("ci.yml"), "on: push\njobs: {}\n").expect("write");
    std::fs::create_dir(dir.path().join(".hidden")).expect("mkdir");
    std::fs::write(dir.path().join(".hidden/bad.yaml"), "plan: [").expect("write");
    let out = cchc()
        .args(["check", "--format", "json"])
        .arg(dir.path())
        .assert()
        .code(0)
        .get_output()
        .stdout
        .clone();
    let doc: serde_json::Value = serde_json::from_slice(&out).expect("json");
    assert_eq!(doc["summary"]["files_checked"], 1);
    assert_eq!(doc["summary"]["files_skipped"], 1);
}

#[test]
fn json_output_is_identical_across_runs_and_english_on_request() {
    let run = |lang: &str| {
        cchc()
            .env("CCHC_LANG", lang)
            .args([
                "check",
                "--format",
                "json",
                "examples",
                "tests/fixtures/X001",
            ])
            .output()
            .expect("run")
            .stdout
    };
    assert_eq!(run("vi"), run("vi"));
    let en: serde_json::Value = serde_json::from_slice(&run("en")).expect("json");
    let vi: serde_json::Value = serde_json::from_slice(&run("vi")).expect("json");
    assert_eq!(
        en["diagnostics"].as_array().map(Vec::len),
        vi["diagnostics"].as_array().map(Vec::len)
    );
    assert_ne!(
        en["diagnostics"][0]["message"],
        vi["diagnostics"][0]["message"]
    );
    assert_eq!(en["diagnostics"][0]["code"], vi["diagnostics"][0]["code"]);
}

#[test]
fn human_output_snapshot() {
    let out = cchc()
        .args([
            "check",
            "--color",
            "never",
            "examples/thieu-noi-dung-va-dau-ra.yaml",
        ])
        .output()
        .expect("run");
    insta::assert_snapshot!("human_vi", String::from_utf8_lossy(&out.stdout));
    let out = cchc()
        .args([
            "--lang",
            "en",
            "check",
            "--color",
            "never",
            "--select",
            "C001,U002,Q001",
            "examples/thieu-noi-dung-va-dau-ra.yaml",
        ])
        .output()
        .expect("run");
    insta::assert_snapshot!("human_en", String::from_utf8_lossy(&out.stdout));
}

#[test]
fn json_output_snapshot() {
    let out = cchc()
        .args([
            "check",
            "--format",
            "json",
            "examples/thieu-noi-dung-va-dau-ra.yaml",
        ])
        .output()
        .expect("run");
    insta::assert_snapshot!("json", String::from_utf8_lossy(&out.stdout));
}

#[test]
fn explain_shows_docs_in_both_languages() {
    let vi = cchc()
        .args(["explain", "C001"])
        .output()
        .expect("run")
        .stdout;
    let vi = String::from_utf8_lossy(&vi);
    assert!(
        vi.contains("các nhiệm vụ phải đầy đủ 06 nội dung CCHC") && vi.contains("Ví dụ vi phạm"),
        "{vi}"
    );
    let en = cchc()
        .args(["--lang", "en", "explain", "missing-reform-area"])
        .output()
        .expect("run")
        .stdout;
    let en = String::from_utf8_lossy(&en);
    assert!(
        en.contains("Example that fails") && en.contains("tasks must cover all six reform areas"),
        "{en}"
    );
}

#[test]
fn rules_profiles_and_schema_commands() {
    let rules = cchc().arg("rules").output().expect("run").stdout;
    let rules = String::from_utf8_lossy(&rules);
    for r in RULES {
        assert!(
            rules.contains(r.code) && rules.contains(r.name),
            "{}",
            r.code
        );
    }
    let profiles = cchc().arg("profiles").output().expect("run").stdout;
    assert!(String::from_utf8_lossy(&profiles).contains("7946/UBND-NCPC"));
    let schema = cchc().arg("schema").output().expect("run").stdout;
    let _: serde_json::Value = serde_json::from_slice(&schema).expect("schema is JSON");
}

#[test]
fn readme_lists_every_rule() {
    let readme = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md"))
        .expect("README");
    for r in RULES {
        let row = format!("| {} | {} | {} |", r.code, r.name, r.severity.as_str());
        assert!(readme.contains(&row), "README lacks the row `{row}`");
    }
}

#[test]
fn plans_are_never_modified() {
    let before = std::fs::read(examples().join("so-tu-phap.yaml")).expect("read");
    cchc()
        .args(["check", "--format", "json", "examples"])
        .assert()
        .code(1);
    assert_eq!(
        before,
        std::fs::read(examples().join("so-tu-phap.yaml")).expect("read")
    );
}

fn schema(name: &str) -> jsonschema::Validator {
    let text = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("schemas")
            .join(name),
    )
    .expect("schema");
    let value: serde_json::Value = serde_json::from_str(&text).expect("schema JSON");
    jsonschema::validator_for(&value).expect("valid schema")
}

fn yaml_as_json(path: &Path) -> serde_json::Value {
    let text = std::fs::read_to_string(path).expect("read");
    let tree = cchc::yaml::parse(&text, Default::default()).expect("YAML");
    tree.root.expect("root").to_json()
}

#[test]
fn plan_schema_accepts_complete_examples_and_rejects_broken_ones() {
    let validator = schema("plan.schema.json");
    for name in COMPLETE {
        let doc = yaml_as_json(&examples().join(name));
        let errors: Vec<String> = validator.iter_errors(&doc).map(|e| e.to_string()).collect();
        assert!(errors.is_empty(), "{name}: {errors:?}");
    }
    for broken in [
        "examples/thieu-noi-dung-va-dau-ra.yaml",
        "tests/fixtures/P002.yaml",
        "tests/fixtures/P003.yaml",
    ] {
        let doc = yaml_as_json(&Path::new(env!("CARGO_MANIFEST_DIR")).join(broken));
        assert!(!validator.is_valid(&doc), "{broken} should be rejected");
    }
}

#[test]
fn built_in_profile_matches_the_directive_schema() {
    let validator = schema("directive.schema.json");
    let doc = yaml_as_json(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("schemas/directives/7946-UBND-NCPC.yaml"),
    );
    let errors: Vec<String> = validator.iter_errors(&doc).map(|e| e.to_string()).collect();
    assert!(errors.is_empty(), "{errors:?}");
}

#[test]
fn json_report_matches_the_report_schema() {
    let validator = schema("report.schema.json");
    let out = cchc()
        .args([
            "check",
            "--format",
            "json",
            "examples",
            "tests/fixtures/P000.yaml",
        ])
        .output()
        .expect("run")
        .stdout;
    let doc: serde_json::Value = serde_json::from_slice(&out).expect("json");
    let errors: Vec<String> = validator.iter_errors(&doc).map(|e| e.to_string()).collect();
    assert!(errors.is_empty(), "{errors:?}");
}

// ---- CI integration: formats, config, suppressions, stdin, exit statuses ----

const MIXED: &str = "examples/thieu-noi-dung-va-dau-ra.yaml";

fn stdout_of(args: &[&str]) -> String {
    let out = cchc().args(args).output().expect("run");
    String::from_utf8(out.stdout).expect("utf-8")
}

#[test]
fn every_format_snapshot_on_one_mixed_fixture() {
    for format in ["concise", "github", "junit", "sarif"] {
        let text = stdout_of(&["check", "--format", format, "--select", "Q,U,O,P", MIXED]);
        insta::assert_snapshot!(format!("format_{format}"), text);
    }
}

#[test]
fn every_format_is_byte_identical_across_runs() {
    for format in ["human", "concise", "json", "sarif", "github", "junit"] {
        let args = [
            "check",
            "--format",
            format,
            "--color",
            "never",
            "examples",
            "tests/fixtures/X001",
            "tests/fixtures/X002",
        ];
        assert_eq!(stdout_of(&args), stdout_of(&args), "{format}");
    }
}

#[test]
fn sarif_output_validates_against_the_oasis_schema() {
    let text = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/vendor/sarif-schema-2.1.0.json"),
    )
    .expect("schema");
    let schema: serde_json::Value = serde_json::from_str(&text).expect("json");
    let validator = jsonschema::validator_for(&schema).expect("valid schema");
    for paths in [&["examples"][..], &["examples/so-tu-phap.yaml"][..]] {
        let mut args = vec!["check", "--format", "sarif"];
        args.extend_from_slice(paths);
        let doc: serde_json::Value = serde_json::from_str(&stdout_of(&args)).expect("sarif json");
        let errors: Vec<String> = validator
            .iter_errors(&doc)
            .map(|e| format!("{e} at {}", e.instance_path()))
            .collect();
        assert!(errors.is_empty(), "{errors:?}");
        let run = &doc["runs"][0];
        assert_eq!(run["columnKind"], "unicodeCodePoints");
        assert_eq!(
            run["tool"]["driver"]["rules"].as_array().map(Vec::len),
            Some(RULES.len())
        );
        if paths == ["examples/so-tu-phap.yaml"] {
            assert_eq!(
                run["results"],
                serde_json::json!([]),
                "a clean run has results: []"
            );
        } else {
            let r = &run["results"][0];
            assert!(
                r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
                    .as_str()
                    .is_some_and(|u| u.starts_with("examples/"))
            );
            assert!(r["partialFingerprints"]["cchc/v1"].as_str().is_some());
        }
    }
}

#[test]
fn junit_report_is_well_formed_with_a_failure_per_error() {
    let text = stdout_of(&["check", "--format", "junit", "examples"]);
    let doc = roxmltree::Document::parse(&text).expect("well-formed XML");
    let suites: Vec<_> = doc
        .descendants()
        .filter(|n| n.has_tag_name("testsuite"))
        .collect();
    let json: serde_json::Value =
        serde_json::from_str(&stdout_of(&["check", "--format", "json", "examples"])).expect("json");
    assert_eq!(
        Some(suites.len() as u64),
        json["summary"]["files_checked"].as_u64()
    );
    let failures = doc
        .descendants()
        .filter(|n| n.has_tag_name("failure"))
        .count();
    assert_eq!(Some(failures as u64), json["summary"]["errors"].as_u64());
}

#[test]
fn github_annotations_are_escaped() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("a,b:c.yaml");
    std::fs::write(&path, "version: 1\nplan: [\n").expect("write");
    let text = stdout_of(&[
        "check",
        "--format",
        "github",
        path.to_str().expect("utf-8 path"),
    ]);
    assert!(text.starts_with("::error file="), "{text}");
    assert!(text.contains("a%2Cb%3Ac.yaml,line="), "{text}");
    assert_eq!(text.lines().count(), 1);
}

#[test]
fn exit_zero_and_deny_warnings() {
    cchc()
        .args(["check", "--exit-zero", MIXED])
        .assert()
        .code(0);
    let warn_only = "examples/san-pham-la-hoat-dong.yaml";
    cchc().args(["check", warn_only]).assert().code(0);
    cchc()
        .args(["check", "--deny-warnings", warn_only])
        .assert()
        .code(1);
    cchc()
        .args(["check", "--deny-warnings", "--exit-zero", warn_only])
        .assert()
        .code(0);
    cchc()
        .args(["check", "--exit-zero", "missing.yaml"])
        .assert()
        .code(2);
}

#[test]
fn output_file_holds_the_same_report() {
    let dir = tempfile::tempdir().expect("tempdir");
    let out = dir.path().join("report.json");
    cchc()
        .args(["check", "--format", "json", "--output"])
        .arg(&out)
        .arg("examples")
        .assert()
        .code(1)
        .stdout("");
    let written = std::fs::read_to_string(&out).expect("written");
    assert_eq!(
        written,
        stdout_of(&["check", "--format", "json", "examples"])
    );
    let leftovers: Vec<_> = std::fs::read_dir(dir.path()).expect("dir").collect();
    assert_eq!(leftovers.len(), 1, "no temporary file is left behind");
}

#[test]
fn statistics_count_per_rule() {
    let text = stdout_of(&["check", "--statistics", "--format", "json", MIXED]);
    let rows: serde_json::Value = serde_json::from_str(&text).expect("json");
    let c001 = rows
        .as_array()
        .expect("rows")
        .iter()
        .find(|r| r["code"] == "C001")
        .expect("C001 row");
    assert_eq!(c001["count"], 5);
}

#[test]
fn standard_input_is_checked_under_its_given_name() {
    let plan = std::fs::read(examples().join("giao-cho-cac-phong.yaml")).expect("read");
    let out = cchc()
        .args([
            "check",
            "--format",
            "concise",
            "--stdin-filename",
            "plans/so-tu-phap.yaml",
            "-",
        ])
        .write_stdin(plan)
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(1));
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.starts_with("plans/so-tu-phap.yaml:140:11: error[U002]"),
        "{text}"
    );
}

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

#[test]
fn config_schema_accepts_the_documented_example() {
    let validator = schema("config.schema.json");
    let docs = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/ci.md"))
        .expect("docs");
    let start = docs.find("```yaml\nprofile:").expect("the config example") + "```yaml\n".len();
    let example = &docs[start..start + docs[start..].find("```").expect("end of block")];
    let tree = cchc::yaml::parse(example, Default::default()).expect("yaml");
    assert!(validator.is_valid(&tree.root.expect("root").to_json()));
    let bad = cchc::yaml::parse("rules: {O002: of}\n", Default::default()).expect("yaml");
    assert!(!validator.is_valid(&bad.root.expect("root").to_json()));
}

// ---- Hardening: hostile inputs, terminal safety, pipes, fuzz replay, properties ----

/// Runs `cchc check --format json` on one file made of `bytes`, within a time
/// bound, and returns the exit status and the codes reported.
fn check_bytes_as_file(name: &str, bytes: &[u8]) -> (i32, Vec<String>) {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join(name);
    std::fs::write(&path, bytes).expect("write");
    check_file(&path)
}

fn check_file(path: &Path) -> (i32, Vec<String>) {
    let out = cchc()
        .args(["check", "--format", "json", "--no-config"])
        .arg(path)
        .timeout(std::time::Duration::from_secs(60))
        .output()
        .expect("run");
    let status = out
        .status
        .code()
        .expect("exited, not killed by a signal or the timeout");
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).expect("a JSON report");
    let codes = doc["diagnostics"]
        .as_array()
        .expect("list")
        .iter()
        .filter_map(|d| d["code"].as_str().map(str::to_owned))
        .collect();
    (status, codes)
}

fn assert_hostile(name: &str, bytes: &[u8], code: &str) {
    let (status, codes) = check_bytes_as_file(name, bytes);
    assert!(matches!(status, 1 | 2), "{name}: exit {status}");
    assert!(
        codes.iter().any(|c| c == code),
        "{name}: expected {code}, got {codes:?}"
    );
}

#[test]
fn hostile_alias_bomb() {
    let mut s = String::from("a: &a [x, x, x, x, x, x, x, x, x, x]\n");
    for (prev, name) in ('a'..='y').zip('b'..='z') {
        s.push_str(&format!(
            "{name}: &{name} [{}]\n",
            vec![format!("*{prev}"); 10].join(", ")
        ));
    }
    assert_hostile("bomb.yaml", s.as_bytes(), "P007");
}

#[test]
fn hostile_200k_deep_flow_nesting() {
    assert_hostile("flow.yaml", "[".repeat(200_000).as_bytes(), "P007");
    assert_hostile("flowmap.yaml", "{a: ".repeat(100_000).as_bytes(), "P007");
}

#[test]
fn hostile_5000_deep_block_nesting() {
    let mut s = String::new();
    for depth in 0..5_000 {
        s.push_str(&" ".repeat(depth));
        s.push_str("- \n");
    }
    assert_hostile("block.yaml", s.as_bytes(), "P007");
}

#[test]
fn hostile_file_over_the_size_limit_is_not_read() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("huge.yaml");
    let file = std::fs::File::create(&path).expect("create");
    file.set_len(cchc::source::MAX_FILE_SIZE + 1)
        .expect("sparse file");
    let (status, codes) = check_file(&path);
    assert_eq!((status, codes), (1, vec!["P007".to_owned()]));
}

#[test]
fn hostile_random_bytes() {
    let mut rng = cchc::corpus::Rng::new(99);
    let bytes: Vec<u8> = (0..1_000_000).map(|_| rng.next_u64() as u8).collect();
    assert_hostile("random.yaml", &bytes, "P008");
}

#[test]
fn hostile_nul_bytes() {
    assert_hostile("nul.yaml", b"version: 1\nplan: a\x00b\n", "P001");
    assert_hostile("nuls.yaml", &[0u8; 4096], "P001");
}

#[test]
fn hostile_8mb_single_line() {
    let line = format!("plan: \"{}\"", "x".repeat(8 * 1024 * 1024));
    assert_hostile("line.yaml", line.as_bytes(), "P002");
    let flow = format!("tasks: [{}]", vec!["{id: a, area: b}"; 400_000].join(", "));
    assert_hostile("flowline.yaml", flow.as_bytes(), "P002");
}

#[test]
fn hostile_300000_keys() {
    let mut s = String::from("version: 1\nplan:\n");
    for i in 0..300_000 {
        s.push_str(&format!("  k{i}: v\n"));
    }
    assert_hostile("keys.yaml", s.as_bytes(), "P003");
}

#[test]
fn hostile_yaml_tags_are_plain_data() {
    let text = std::fs::read_to_string(examples().join("so-tu-phap.yaml")).expect("read");
    let tagged = text.replace(
        "agency: Sở Tư pháp tỉnh Bắc Kạn",
        "agency: !!python/object/apply:os.system [\"touch /tmp/pwned\"]",
    );
    let (status, codes) = check_bytes_as_file("tags.yaml", tagged.as_bytes());
    assert_eq!(status, 1);
    assert!(codes.contains(&"P002".to_owned()), "{codes:?}");
    let plain = text.replace(
        "title: Kế hoạch thực hiện",
        "title: !custom Kế hoạch thực hiện",
    );
    let (status, codes) = check_bytes_as_file("tag2.yaml", plain.as_bytes());
    assert_eq!(
        (status, codes),
        (0, vec![]),
        "an unknown tag on text is read as the text"
    );
}

#[test]
fn hostile_crlf_bom_and_nfd_text_is_read_like_the_plain_file() {
    use unicode_normalization::UnicodeNormalization;
    let text = std::fs::read_to_string(examples().join("giao-cho-cac-phong.yaml")).expect("read");
    let (_, plain) = check_bytes_as_file("plain.yaml", text.as_bytes());
    let crlf = format!("\u{feff}{}", text.replace('\n', "\r\n"));
    let (_, codes) = check_bytes_as_file("crlf.yaml", crlf.as_bytes());
    assert_eq!(codes, plain);
    let nfd: String = text.nfd().collect();
    let (_, codes) = check_bytes_as_file("nfd.yaml", nfd.as_bytes());
    assert_eq!(codes, plain);
}

#[test]
fn terminal_escapes_from_a_plan_are_neutralised() {
    let dir = tempfile::tempdir().expect("tempdir");
    let text = std::fs::read_to_string(examples().join("so-tu-phap.yaml")).expect("read");
    let evil = text.replace(
        "lead: HCTP\n    support: [VP]\n    due: annually",
        "lead: \"\\e]0;pwned\\a\\e[31mHCTP\"\n    support: [VP]\n    due: annually",
    );
    let path = dir.path().join("evil\u{1b}[2J.yaml");
    std::fs::write(&path, evil).expect("write");
    for format in ["human", "concise", "github"] {
        let out = cchc()
            .args(["check", "--color", "never", "--format", format])
            .arg(&path)
            .output()
            .expect("run");
        let text = String::from_utf8_lossy(&out.stdout);
        assert!(text.contains("P005"), "{format}: {text}");
        assert!(
            !text.contains('\u{1b}') && !text.contains('\u{7}'),
            "{format} leaks a control character: {text:?}"
        );
    }
    for (format, escaped) in [("json", "\\u001b"), ("sarif", "%1B")] {
        let out = cchc()
            .args(["check", "--format", format])
            .arg(&path)
            .output()
            .expect("run");
        let doc: serde_json::Value = serde_json::from_slice(&out.stdout).expect("valid JSON");
        assert!(
            doc.to_string().contains(escaped),
            "{format} keeps the file name, escaped"
        );
    }
    let out = cchc()
        .args(["check", "--format", "junit"])
        .arg(&path)
        .output()
        .expect("run");
    let text = String::from_utf8(out.stdout).expect("utf-8");
    roxmltree::Document::parse(&text).expect("well-formed XML despite control characters");
}

#[test]
fn a_closed_pipe_ends_quietly() {
    let bin = assert_cmd::cargo::cargo_bin("cchc");
    let out = std::process::Command::new("sh")
        .arg("-c")
        .arg(format!(
            "'{}' check --no-config --format concise examples tests/fixtures | head -1",
            bin.display()
        ))
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("sh");
    assert_eq!(String::from_utf8_lossy(&out.stdout).lines().count(), 1);
    assert!(
        out.stderr.is_empty(),
        "stderr: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn no_command_ever_writes_to_a_plan() {
    fn snapshot(dir: &Path) -> Vec<(PathBuf, Vec<u8>)> {
        let mut files: Vec<_> = std::fs::read_dir(dir)
            .expect("dir")
            .map(|e| e.expect("entry").path())
            .collect();
        files.sort();
        files
            .into_iter()
            .filter(|p| p.is_file())
            .map(|p| (p.clone(), std::fs::read(&p).expect("read")))
            .collect()
    }
    let before = snapshot(&examples());
    let out_dir = tempfile::tempdir().expect("tempdir");
    for format in ["human", "concise", "json", "sarif", "github", "junit"] {
        cchc()
            .args(["check", "--format", format, "examples"])
            .assert()
            .code(1);
        let out = out_dir.path().join(format!("report.{format}"));
        cchc()
            .args(["check", "--format", format, "--output"])
            .arg(&out)
            .arg("examples")
            .assert()
            .code(1);
    }
    cchc()
        .args(["check", "--statistics", "examples"])
        .assert()
        .code(1);
    for command in [
        &["rules"][..],
        &["profiles"],
        &["schema"],
        &["explain", "C001"],
    ] {
        cchc().args(command).assert().code(0);
    }
    assert_eq!(before, snapshot(&examples()));
}

#[test]
fn fuzz_corpus_and_regressions_replay_without_panics() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut replayed = 0;
    for dir in ["fuzz/corpus/check", "tests/regressions"] {
        let Ok(entries) = std::fs::read_dir(root.join(dir)) else {
            continue;
        };
        for entry in entries {
            let path = entry.expect("entry").path();
            if path.is_file() {
                cchc::fuzzing::check_and_render(&std::fs::read(&path).expect("read"));
                replayed += 1;
            }
        }
    }
    assert!(replayed > 0, "no corpus found");
}

mod properties {
    use super::*;
    use proptest::prelude::*;

    /// A mutation applied at a relative position of a plan's text.
    #[derive(Debug, Clone)]
    enum Mutation {
        Delete(usize, usize),
        Insert(usize, String),
        DuplicateLine(usize),
        SwapLines(usize, usize),
    }

    fn mutation() -> impl Strategy<Value = Mutation> {
        let snippet = prop_oneof![
            Just(":".to_owned()),
            Just("- ".to_owned()),
            Just("{".to_owned()),
            Just("]".to_owned()),
            Just("\t".to_owned()),
            Just("\n  ".to_owned()),
            Just("&a *a ".to_owned()),
            Just("\"".to_owned()),
            Just("# cchc: ignore O002".to_owned()),
            Just("\u{1b}[31m".to_owned()),
            Just("\u{301}".to_owned()),
            Just("\r".to_owned()),
            "[a-zđơư0-9 ,:-]{1,12}",
        ];
        prop_oneof![
            (0usize..10_000, 0usize..40).prop_map(|(at, len)| Mutation::Delete(at, len)),
            (0usize..10_000, snippet).prop_map(|(at, s)| Mutation::Insert(at, s)),
            (0usize..400).prop_map(Mutation::DuplicateLine),
            (0usize..400, 0usize..400).prop_map(|(a, b)| Mutation::SwapLines(a, b)),
        ]
    }

    fn apply(text: &str, mutations: &[Mutation]) -> Vec<u8> {
        let mut bytes = text.as_bytes().to_vec();
        for m in mutations {
            let len = bytes.len().max(1);
            match m {
                Mutation::Delete(at, n) => {
                    let at = at % len;
                    let end = (at + n).min(bytes.len());
                    bytes.drain(at.min(end)..end);
                }
                Mutation::Insert(at, s) => {
                    let at = at % len;
                    bytes.splice(at..at, s.bytes());
                }
                Mutation::DuplicateLine(i) | Mutation::SwapLines(i, _) => {
                    let mut lines: Vec<Vec<u8>> =
                        bytes.split(|b| *b == b'\n').map(<[u8]>::to_vec).collect();
                    let n = lines.len();
                    match m {
                        Mutation::DuplicateLine(_) => {
                            let line = lines[i % n].clone();
                            lines.insert(i % n, line);
                        }
                        Mutation::SwapLines(_, j) => lines.swap(i % n, j % n),
                        _ => {}
                    }
                    bytes = lines.join(&b'\n');
                }
            }
        }
        bytes
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

        #[test]
        fn mutated_plans_never_panic_and_stay_inside_the_file(
            which in 0usize..3,
            mutations in proptest::collection::vec(mutation(), 1..6),
        ) {
            let name = ["so-tu-phap.yaml", "ubnd-xa-phong-quang.yaml", "thieu-noi-dung-va-dau-ra.yaml"][which];
            let text = std::fs::read_to_string(examples().join(name)).expect("read");
            let bytes = apply(&text, &mutations);
            // Panics, positions outside the file, escapes in terminal output or invalid JSON fail here.
            cchc::fuzzing::check_and_render(&bytes);
        }

        #[test]
        fn output_is_sorted_and_deterministic(
            mutations in proptest::collection::vec(mutation(), 0..4),
        ) {
            let text = std::fs::read_to_string(examples().join("thieu-noi-dung-va-dau-ra.yaml")).expect("read");
            let bytes = apply(&text, &mutations);
            let opts = Options::default();
            let run = || check::finish(vec![check::check_bytes("p.yaml", &bytes, false, &opts)], &opts);
            let (a, b) = (run(), run());
            let key = |r: &check::RunReport| r.files[0].diagnostics.iter().map(|d| (d.line, d.column, d.code(), d.diagnostic.message.clone())).collect::<Vec<_>>();
            prop_assert_eq!(key(&a), key(&b));
            let positions: Vec<_> = a.files[0].diagnostics.iter().map(|d| (d.line, d.column, d.code())).collect();
            let mut sorted = positions.clone();
            sorted.sort();
            prop_assert_eq!(positions, sorted);
        }
    }
}

// ---- Profiles, init, completions, reports ----

#[test]
fn a_2026_2030_plan_is_checked_against_the_second_profile() {
    let plan = "examples/ke-hoach-2026-2030.yaml";
    let doc: serde_json::Value =
        serde_json::from_str(&stdout_of(&["check", "--format", "json", plan])).expect("json");
    assert_eq!(doc["files"][0]["profile"], "282/QĐ-TTg");
    assert_eq!(doc["summary"]["errors"], 0);
    let forced = stdout_of(&[
        "check",
        "--format",
        "concise",
        "--profile",
        "7946/UBND-NCPC",
        plan,
    ]);
    assert!(
        forced.contains("error[M009]"),
        "the 2021–2025 profile rejects the period: {forced}"
    );
    let text =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(plan)).expect("read");
    let (status, codes) = check_bytes_as_file(
        "plain.yaml",
        text.replace("directive: 282/QĐ-TTg", "directive: 282/QD-TTg")
            .as_bytes(),
    );
    assert_eq!(
        (status, codes),
        (0, vec![]),
        "an id written without diacritics is found"
    );
    let profiles = stdout_of(&["profiles"]);
    assert!(
        profiles.contains("282/QĐ-TTg")
            && profiles.contains("2026–2030")
            && profiles.contains("2021–2025")
    );
}

const REPORT_PLANS: &[&str] = &[
    "examples/so-tu-phap.yaml",
    "examples/ubnd-xa-phong-quang.yaml",
    "examples/ke-hoach-2026-2030.yaml",
    "examples/thieu-noi-dung-va-dau-ra.yaml",
];

fn report(format: &str) -> String {
    let mut args = vec!["report", "--no-config", "--format", format];
    args.extend_from_slice(REPORT_PLANS);
    let out = cchc().args(&args).output().expect("run");
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("utf-8")
}

#[test]
fn report_table_fits_an_80_column_terminal() {
    let text = report("table");
    for line in text.lines() {
        assert!(
            line.chars().count() <= 80,
            "too wide ({}): {line}",
            line.chars().count()
        );
    }
    assert!(
        text.contains("Sở Tư pháp tỉnh Bắc Kạn") && text.contains("*1"),
        "{text}"
    );
    insta::assert_snapshot!("report_table", text);
}

#[test]
fn report_markdown_and_csv() {
    let md = report("markdown");
    assert!(
        md.contains("### Độ bao phủ") && md.contains("| UBND xã Phong Quang |"),
        "{md}"
    );
    let csv = report("csv");
    assert!(csv.starts_with('\u{feff}'), "UTF-8 BOM for spreadsheets");
    assert!(
        csv.contains("\"Sở Văn hóa, Thể thao và Du lịch\""),
        "fields with commas are quoted"
    );
    insta::assert_snapshot!("report_markdown", md);
}

#[test]
fn report_json_matches_its_schema_and_counts() {
    let doc: serde_json::Value = serde_json::from_str(&report("json")).expect("json");
    let validator = schema("coverage-report.schema.json");
    let errors: Vec<String> = validator.iter_errors(&doc).map(|e| e.to_string()).collect();
    assert!(errors.is_empty(), "{errors:?}");
    let so = doc["plans"]
        .as_array()
        .expect("plans")
        .iter()
        .find(|p| p["path"] == "examples/so-tu-phap.yaml")
        .expect("plan");
    let land = so["competitiveness"]
        .as_array()
        .expect("items")
        .iter()
        .find(|c| c["code"] == "land_access")
        .expect("item");
    assert_eq!(land["exempt"], "Sở Tư pháp không quản lý lĩnh vực đất đai");
    assert_eq!(so["compliance"]["ready"], true);
    let weak: Vec<_> = doc["objectives"]
        .as_array()
        .expect("objectives")
        .iter()
        .filter(|o| o["weaker"] == true)
        .collect();
    assert!(weak.is_empty(), "no example is weaker than its programme");
    let y2022 = doc["roadmap"]
        .as_array()
        .expect("roadmap")
        .iter()
        .find(|y| y["year"] == 2022)
        .expect("2022");
    assert!(
        y2022["areas"]["direction"].as_u64().is_some_and(|n| n >= 2),
        "recurring tasks count in every year: {y2022}"
    );
}

/// Runs headless Chromium (Debian's package; `.ci/run` installs it) with the
/// flags this closed network needs.
fn chromium(args: &[&str]) -> std::process::Output {
    let profile = tempfile::tempdir().expect("tempdir");
    std::process::Command::new("chromium")
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--hide-scrollbars",
        ])
        .arg(format!("--user-data-dir={}", profile.path().display()))
        .args(args)
        .output()
        .expect("chromium is installed (apt-get install chromium; .ci/run does it)")
}

#[test]
fn html_report_renders_in_a_real_browser() {
    let dir = tempfile::tempdir().expect("tempdir");
    let html = dir.path().join("report.html");
    let mut args = vec!["report", "--no-config", "--format", "html", "--output"];
    let html_arg = html.to_str().expect("utf-8 path").to_owned();
    args.push(&html_arg);
    args.extend_from_slice(REPORT_PLANS);
    cchc().args(&args).assert().code(0);
    let text = std::fs::read_to_string(&html).expect("html");
    for forbidden in ["<script", "http://", "https://", "@import", "url("] {
        assert!(
            !text.contains(forbidden),
            "self-contained: found {forbidden}"
        );
    }
    assert!(text.contains("@media print") && text.contains("name=\"viewport\""));
    let url = format!("file://{}", html.display());
    let out = chromium(&["--dump-dom", &url]);
    let dom = String::from_utf8_lossy(&out.stdout);
    assert!(
        dom.contains("<section id=\"coverage\">"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    for section in ["roadmap", "objectives", "compliance"] {
        assert!(
            dom.contains(&format!("<section id=\"{section}\">")),
            "{section}"
        );
    }
    assert!(
        dom.contains("class=\"exempt\" title=\"Sở Tư pháp không quản lý lĩnh vực đất đai\""),
        "exemption with its reason on hover"
    );
    assert!(
        dom.contains("data-count=\"5\""),
        "the heat-map carries the counts"
    );
    assert_eq!(
        dom.matches("<tr>").count(),
        1 + 4 + 1 + 9 + 1 + 22 + 1 + 4,
        "header and data rows of the four tables"
    );
    let png = dir.path().join("shot.png");
    let shot = format!("--screenshot={}", png.display());
    chromium(&[&shot, "--window-size=1200,1600", &url]);
    let decoder = png::Decoder::new(std::io::BufReader::new(
        std::fs::File::open(&png).expect("screenshot"),
    ));
    let mut reader = decoder.read_info().expect("png");
    let mut buf = vec![0; reader.output_buffer_size().expect("size")];
    let info = reader.next_frame(&mut buf).expect("frame");
    let pixels = &buf[..info.buffer_size()];
    let step = info.color_type.samples();
    let non_white = pixels
        .chunks(step)
        .filter(|p| p.iter().take(3).any(|c| *c < 235))
        .count();
    let total = pixels.len() / step;
    assert!(
        non_white * 50 > total,
        "the screenshot is not blank ({non_white} of {total} pixels)"
    );
}

#[test]
fn init_writes_a_skeleton_whose_diagnostics_are_the_to_do_list() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("ke-hoach.yaml");
    let init = |extra: &[&str]| {
        cchc()
            .arg("init")
            .arg(&path)
            .args(extra)
            .output()
            .expect("run")
    };
    let out = init(&[
        "--agency",
        "Sở Y tế",
        "--period",
        "2026-2030",
        "--profile",
        "282/QĐ-TTg",
    ]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let first = std::fs::read(&path).expect("written");
    let out = init(&[]);
    assert_eq!(out.status.code(), Some(2), "never overwrites");
    assert_eq!(first, std::fs::read(&path).expect("unchanged"));
    assert_eq!(init(&["--force"]).status.code(), Some(0));
    let (status, codes) = check_file(&path);
    let codes: Vec<&str> = codes.iter().map(String::as_str).collect();
    assert_eq!(status, 1, "a fresh skeleton does not pass");
    for todo in [
        "P002", "Q001", "O001", "U001", "M004", "C002", "D006", "D004",
    ] {
        assert!(codes.contains(&todo), "{todo} missing from {codes:?}");
    }
    assert!(
        !codes.iter().any(|c| ["P001", "P003", "P006"].contains(c)),
        "the skeleton itself is well-formed: {codes:?}"
    );
    assert_eq!(
        cchc()
            .args(["init", "--period", "2030-2026"])
            .arg(dir.path().join("x.yaml"))
            .output()
            .expect("run")
            .status
            .code(),
        Some(2)
    );
}

#[test]
fn shell_completions_are_generated() {
    for shell in ["bash", "zsh", "fish", "powershell"] {
        let text = stdout_of(&["completions", shell]);
        assert!(
            text.contains("cchc") && text.contains("check") && text.contains("report"),
            "{shell}"
        );
    }
}

#[test]
fn a_value_of_the_wrong_shape_is_reported_once_by_p002() {
    let (_, codes) =
        check_file(&Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/P002.shapes.yaml"));
    for quieter in ["Q001", "M001", "M004", "U001", "O001", "D004"] {
        assert!(
            !codes.iter().any(|c| c == quieter),
            "{quieter} repeats a P002: {codes:?}"
        );
    }
}

#[test]
fn hostile_many_malformed_values_stay_linear() {
    // Each task's `due` has the wrong shape: P002 for each, and the rules that
    // stay silent for malformed values must not rescan them all per task.
    let text = format!(
        "tasks: [{}]",
        vec!["{id: a, area: b, title: t, due: {x: 1}}"; 50_000].join(", ")
    );
    assert_hostile("malformed.yaml", text.as_bytes(), "P002");
}

#[test]
fn hostile_many_units_and_references_stay_linear() {
    // 40,000 units, 20,000 tasks referring to the first half: membership of ids is
    // hashed (P005, U002, U003), not a scan of every unit for every task.
    let n = 20_000;
    let units: Vec<String> = (0..2 * n)
        .map(|i| format!("{{id: U{i}, name: n}}"))
        .collect();
    let tasks: Vec<String> = (0..n)
        .map(|i| format!("{{id: T{i}, area: procedures, title: t, lead: U{i}}}"))
        .collect();
    let text = format!(
        "units: [{}]\ntasks: [{}]\n",
        units.join(", "),
        tasks.join(", ")
    );
    let (status, codes) = check_bytes_as_file("refs.yaml", text.as_bytes());
    assert_eq!(status, 1);
    assert_eq!(
        codes.iter().filter(|c| *c == "U003").count(),
        10_000,
        "idle units reported, capped"
    );
    assert!(!codes.iter().any(|c| c == "P005"));
}
