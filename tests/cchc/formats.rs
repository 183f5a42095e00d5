//! The output formats: snapshots, byte-identical reruns, SARIF against the
//! OASIS schema, JUnit as XML, GitHub escaping, statistics, terminal safety.

#[allow(unused_imports)]
use super::*;

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
fn every_format_snapshot_on_one_mixed_fixture() {
    for format in ["concise", "github", "junit"] {
        let text = stdout_of(&["check", "--format", format, "--select", "Q,U,O,P", MIXED]);
        insta::assert_snapshot!(format!("format_{format}"), text);
    }
    // The results, and of the rule catalog only its ids (each descriptor is
    // checked by `sarif_rule_descriptors_carry_the_docs`), so the snapshot is
    // about this run.
    let text = stdout_of(&["check", "--format", "sarif", "--select", "Q,U,O,P", MIXED]);
    let mut doc: serde_json::Value = serde_json::from_str(&text).expect("sarif");
    let rules = &mut doc["runs"][0]["tool"]["driver"]["rules"];
    let ids: Vec<serde_json::Value> = rules
        .as_array()
        .expect("rules")
        .iter()
        .map(|r| r["id"].clone())
        .collect();
    *rules = serde_json::Value::Array(ids);
    // The root's absolute URI depends on where the repository is checked out.
    let root = &mut doc["runs"][0]["originalUriBaseIds"]["%SRCROOT%"]["uri"];
    assert!(
        root.as_str()
            .is_some_and(|u| u.starts_with("file:///") && u.ends_with('/'))
    );
    *root = serde_json::json!("file:///…/");
    let text = serde_json::to_string_pretty(&doc).expect("json");
    insta::assert_snapshot!("format_sarif", text);
}

#[test]
fn sarif_rule_descriptors_carry_the_docs() {
    let doc: serde_json::Value =
        serde_json::from_str(&stdout_of(&["check", "--format", "sarif", MIXED])).expect("sarif");
    let rules = doc["runs"][0]["tool"]["driver"]["rules"]
        .as_array()
        .expect("rules");
    assert_eq!(rules.len(), RULES.len());
    for (d, rule) in rules.iter().zip(RULES) {
        assert_eq!(d["id"], rule.code);
        assert_eq!(d["name"], rule.name);
        let full = d["fullDescription"]["text"].as_str().expect("full");
        assert_eq!(full, rule.docs.what.vi);
        let short = d["shortDescription"]["text"].as_str().expect("short");
        assert!(!short.is_empty() && full.starts_with(short.trim_end_matches('.')));
        let markdown = d["help"]["markdown"].as_str().expect("markdown");
        assert!(markdown.contains(rule.docs.bad.trim_end()), "{}", rule.code);
        assert!(
            markdown.contains(rule.docs.good.trim_end()),
            "{}",
            rule.code
        );
        assert_eq!(
            d["properties"]["tags"][0],
            rule.family.name(cchc::Lang::En),
            "{}",
            rule.code
        );
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
        let first = stdout_of(&args);
        assert!(first.contains("X001"), "{format}: the run reports: {first}");
        assert_eq!(first, stdout_of(&args), "{format}");
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

/// Validates JUnit XML against the Jenkins `junit-10.xsd` with `xmllint`
/// (Debian's libxml2-utils, installed by `scripts/test`).
fn assert_valid_junit(text: &str, what: &str) {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("report.xml");
    std::fs::write(&path, text).expect("write");
    let xsd = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/vendor/junit-10.xsd");
    let out = std::process::Command::new("xmllint")
        .arg("--noout")
        .arg("--schema")
        .arg(&xsd)
        .arg(&path)
        .output()
        .expect("xmllint (libxml2-utils) is installed by scripts/test");
    assert!(
        out.status.success(),
        "{what}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// Per test suite: (name, tests, failures, skipped) from the attributes, checked
/// against the test cases they count; and the same totals at the top.
fn junit_counts(text: &str) -> Vec<(String, usize, usize, usize)> {
    let doc = roxmltree::Document::parse(text).expect("well-formed XML");
    let attr = |n: roxmltree::Node, a: &str| -> usize {
        n.attribute(a).and_then(|v| v.parse().ok()).expect("count")
    };
    let mut suites = Vec::new();
    for suite in doc.descendants().filter(|n| n.has_tag_name("testsuite")) {
        let cases: Vec<_> = suite
            .children()
            .filter(|n| n.has_tag_name("testcase"))
            .collect();
        let with = |tag: &str| {
            cases
                .iter()
                .filter(|c| c.children().any(|n| n.has_tag_name(tag)))
                .count()
        };
        let failures_per_case = cases
            .iter()
            .map(|c| c.children().filter(|n| n.has_tag_name("failure")).count())
            .max()
            .unwrap_or(0);
        assert!(failures_per_case <= 1, "one failure element per case");
        let counted = (
            attr(suite, "tests"),
            attr(suite, "failures"),
            attr(suite, "skipped"),
        );
        assert_eq!(counted, (cases.len(), with("failure"), with("skipped")));
        let name = suite.attribute("name").expect("name").to_owned();
        suites.push((name, counted.0, counted.1, counted.2));
    }
    let top = doc.root_element();
    assert_eq!(
        attr(top, "tests"),
        suites.iter().map(|s| s.1).sum::<usize>()
    );
    assert_eq!(
        attr(top, "failures"),
        suites.iter().map(|s| s.2).sum::<usize>()
    );
    suites
}

#[test]
fn junit_counts_test_cases_and_validates_against_the_jenkins_schema() {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::write(dir.path().join("broken.yaml"), "plan: [\n").expect("write");
    let broken = dir.path().join("broken.yaml");
    let broken = broken.to_str().expect("utf-8");
    let warn_only = "examples/san-pham-la-hoat-dong.yaml";
    let runs: [&[&str]; 5] = [
        &["examples"],
        &["--deny-warnings", warn_only],
        &[warn_only],
        &["--select", "C", MIXED],
        &[broken],
    ];
    let mut results = Vec::new();
    for extra in runs {
        let mut args = vec!["check", "--no-config", "--format", "junit"];
        args.extend_from_slice(extra);
        let text = stdout_of(&args);
        assert_valid_junit(&text, &format!("{extra:?}"));
        results.push((text.clone(), junit_counts(&text)));
    }
    // Every checked file is a suite of nine cases.
    let json: serde_json::Value = serde_json::from_str(&stdout_of(&[
        "check",
        "--no-config",
        "--format",
        "json",
        "examples",
    ]))
    .expect("json");
    assert_eq!(
        Some(results[0].1.len() as u64),
        json["summary"]["files_checked"].as_u64()
    );
    assert!(results[0].1.iter().all(|s| s.1 == 9));
    // --deny-warnings fails the case the warning is in; without it the file passes.
    assert_eq!(results[1].1[0].2, 1, "{}", results[1].0);
    assert_eq!(results[2].1[0].2, 0, "{}", results[2].0);
    assert!(
        results[2].0.contains("<system-out>"),
        "warnings of a passing case"
    );
    // Deselected families are skipped, not passed.
    assert_eq!(results[3].1[0].3, 8, "{}", results[3].0);
    assert!(results[3].0.contains("deselected"));
    // A file that is not YAML ran only the P rules (and the suppressions).
    let (text, counts) = &results[4];
    assert_eq!((counts[0].2, counts[0].3), (1, 7), "{text}");
    assert!(text.contains("could not be read as a plan"), "{text}");
    assert!(
        !text.contains(" file="),
        "junit-10.xsd has no `file` on test cases"
    );
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
fn statistics_count_per_rule() {
    let text = stdout_of(&["check", "--statistics", "--format", "json", MIXED]);
    let doc: serde_json::Value = serde_json::from_str(&text).expect("json");
    let errors: Vec<String> = schema("statistics.schema.json")
        .iter_errors(&doc)
        .map(|e| format!("{e} at {}", e.instance_path()))
        .collect();
    assert!(errors.is_empty(), "{errors:?}");
    let rows = doc["rules"].as_array().expect("rows");
    let c001 = rows.iter().find(|r| r["code"] == "C001").expect("C001 row");
    assert_eq!(c001["count"], 4);
    let counts: Vec<u64> = rows.iter().filter_map(|r| r["count"].as_u64()).collect();
    assert!(
        counts.windows(2).all(|w| w[0] >= w[1]),
        "sorted by count: {counts:?}"
    );
    assert_eq!(doc["total"].as_u64(), Some(counts.iter().sum()));
    let full: serde_json::Value =
        serde_json::from_str(&stdout_of(&["check", "--format", "json", MIXED])).expect("json");
    assert_eq!(
        doc["total"].as_u64(),
        full["diagnostics"].as_array().map(|d| d.len() as u64)
    );

    for format in ["human", "concise"] {
        let table = stdout_of(&["check", "--statistics", "--format", format, MIXED]);
        let total = table
            .lines()
            .find(|l| l.contains("Tổng cộng"))
            .expect("total row");
        assert!(
            total.contains(&counts.iter().sum::<u64>().to_string()),
            "{format}: {table}"
        );
        let c002 = table.find("C002").expect("C002 row");
        let c001 = table.find("C001").expect("C001 row");
        assert!(
            c002 < c001,
            "{format}: the 10 C002 before the 5 C001: {table}"
        );
    }
    for format in ["sarif", "junit", "github"] {
        let out = cchc()
            .args(["check", "--statistics", "--format", format, MIXED])
            .output()
            .expect("run");
        assert_eq!(out.status.code(), Some(2), "{format}");
        assert!(out.stdout.is_empty(), "{format}: never another format");
        assert!(String::from_utf8_lossy(&out.stderr).contains("--statistics"));
    }
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

/// The `cchc/v1` fingerprints of a SARIF run, in result order.
fn fingerprints(args: &[&str]) -> Vec<String> {
    let doc: serde_json::Value = serde_json::from_str(&stdout_of(args)).expect("sarif");
    doc["runs"][0]["results"]
        .as_array()
        .expect("results")
        .iter()
        .map(|r| {
            r["partialFingerprints"]["cchc/v1"]
                .as_str()
                .expect("fingerprint")
                .to_owned()
        })
        .collect()
}

#[test]
fn sarif_fingerprints_ignore_the_language_and_lines_moving() {
    let vi = fingerprints(&["--lang", "vi", "check", "--format", "sarif", MIXED]);
    let en = fingerprints(&["--lang", "en", "check", "--format", "sarif", MIXED]);
    assert!(vi.len() > 20, "the fixture has findings: {}", vi.len());
    assert_eq!(vi, en, "the same alerts in both languages");
    let mut unique = vi.clone();
    unique.sort();
    unique.dedup();
    assert_eq!(
        unique.len(),
        vi.len(),
        "every result has its own fingerprint"
    );

    // Lines inserted above every finding, and a duplicated id moved down.
    let dir = tempfile::tempdir().expect("tempdir");
    let text =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(MIXED)).expect("read");
    let path = dir.path().join("plan.yaml");
    std::fs::write(&path, &text).expect("write");
    let shown = path.to_str().expect("utf-8 path");
    let before = fingerprints(&["check", "--format", "sarif", shown]);
    let moved = text.replacen("\nplan:", "\n# Ghi chú thêm\n# của văn phòng\n\nplan:", 1);
    assert_ne!(moved, text);
    std::fs::write(&path, moved).expect("write");
    let mut after = fingerprints(&["check", "--format", "sarif", shown]);
    let mut before = before;
    before.sort();
    after.sort();
    assert_eq!(before, after);
}

#[test]
fn no_two_results_share_a_fingerprint_in_any_example_or_fixture() {
    let mut args = vec!["check", "--format", "sarif", "examples"];
    let dirs: Vec<String> = ["X001", "X002"]
        .iter()
        .map(|d| format!("tests/fixtures/{d}"))
        .collect();
    args.extend(dirs.iter().map(String::as_str));
    let files = fixture_files();
    args.extend(files.iter().map(String::as_str));
    let all = fingerprints(&args);
    let mut unique = all.clone();
    unique.sort();
    unique.dedup();
    assert!(all.len() > 100, "{}", all.len());
    assert_eq!(unique.len(), all.len());
}

fn sarif_validator() -> jsonschema::Validator {
    let text = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/vendor/sarif-schema-2.1.0.json"),
    )
    .expect("schema");
    let schema: serde_json::Value = serde_json::from_str(&text).expect("json");
    jsonschema::validator_for(&schema).expect("valid schema")
}

/// The SARIF of `cchc check --format sarif ARGS` run in `cwd`, checked against the OASIS schema.
pub fn sarif_in(cwd: &Path, args: &[&str]) -> serde_json::Value {
    let out = Command::cargo_bin("cchc")
        .expect("binary")
        .current_dir(cwd)
        .env_remove("CCHC_LANG")
        .args(["check", "--no-config", "--format", "sarif"])
        .args(args)
        .output()
        .expect("run");
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).expect("sarif");
    let errors: Vec<String> = sarif_validator()
        .iter_errors(&doc)
        .map(|e| format!("{e} at {}", e.instance_path()))
        .collect();
    assert!(errors.is_empty(), "{args:?}: {errors:?}");
    doc
}

fn artifact(doc: &serde_json::Value) -> serde_json::Value {
    doc["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"].clone()
}

#[test]
fn sarif_uris_are_relative_to_the_repository_root_whatever_path_was_typed() {
    let repo = tempfile::tempdir().expect("tempdir");
    std::fs::create_dir_all(repo.path().join(".git")).expect("a git work tree");
    std::fs::create_dir_all(repo.path().join("plans/xã")).expect("mkdir");
    std::fs::create_dir_all(repo.path().join("docs")).expect("mkdir");
    let plan = repo.path().join("plans/xã/kế hoạch.yaml");
    std::fs::copy(examples().join("giao-cho-cac-phong.yaml"), &plan).expect("copy");
    let want = serde_json::json!({
        "uri": "plans/x%C3%A3/k%E1%BA%BF%20ho%E1%BA%A1ch.yaml",
        "uriBaseId": "%SRCROOT%"
    });
    let absolute = plan.to_str().expect("utf-8");
    for (cwd, path) in [
        (repo.path().to_path_buf(), "plans/xã/kế hoạch.yaml"),
        (repo.path().join("docs"), "../plans/xã/kế hoạch.yaml"),
        (repo.path().join("docs"), absolute),
        (repo.path().join("plans"), "./xã/../xã/kế hoạch.yaml"),
    ] {
        let doc = sarif_in(&cwd, &[path]);
        assert_eq!(artifact(&doc), want, "{path} from {}", cwd.display());
        let root = doc["runs"][0]["originalUriBaseIds"]["%SRCROOT%"]["uri"]
            .as_str()
            .expect("root")
            .to_owned();
        assert!(
            root.starts_with("file:///") && root.ends_with('/'),
            "{root}"
        );
    }
    // Outside the root: an absolute file:// URI, no base.
    let elsewhere = tempfile::tempdir().expect("tempdir");
    let outside = elsewhere.path().join("plan.yaml");
    std::fs::copy(examples().join("giao-cho-cac-phong.yaml"), &outside).expect("copy");
    let doc = sarif_in(repo.path(), &[outside.to_str().expect("utf-8")]);
    let a = artifact(&doc);
    assert!(
        a["uri"].as_str().is_some_and(|u| u.starts_with("file:///")),
        "{a}"
    );
    assert!(a.get("uriBaseId").is_none(), "{a}");
}

#[test]
fn sarif_marks_findings_silenced_inline_as_suppressed() {
    let dir = tempfile::tempdir().expect("tempdir");
    let text =
        std::fs::read_to_string(examples().join("san-pham-la-hoat-dong.yaml")).expect("read");
    let silenced = text.replace(
        "output: Tăng cường công tác rà soát, đơn giản hóa TTHC",
        "output: Tăng cường công tác rà soát, đơn giản hóa TTHC  # cchc: ignore O002 -- báo cáo kèm theo",
    );
    assert_ne!(silenced, text);
    std::fs::write(dir.path().join("plan.yaml"), silenced).expect("write");
    let doc = sarif_in(dir.path(), &["plan.yaml"]);
    let results = doc["runs"][0]["results"].as_array().expect("results");
    let o002: Vec<&serde_json::Value> = results.iter().filter(|r| r["ruleId"] == "O002").collect();
    assert_eq!(o002.len(), 1, "{results:?}");
    assert_eq!(
        o002[0]["suppressions"],
        serde_json::json!([{"kind": "inSource", "justification": "báo cáo kèm theo"}])
    );
    // Everywhere else it is gone, and the run passes.
    let out = Command::cargo_bin("cchc")
        .expect("binary")
        .current_dir(dir.path())
        .args(["check", "--no-config", "--format", "json", "plan.yaml"])
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(0));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    assert_eq!(json["diagnostics"], serde_json::json!([]));
}

#[test]
fn sarif_keeps_at_most_25000_results_and_says_how_many_it_left_out() {
    let dir = tempfile::tempdir().expect("tempdir");
    // 10,000 tasks with neither lead, output nor deadline: 30,000 findings and more.
    let tasks: Vec<String> = (0..10_000)
        .map(|i| format!("{{id: T{i}, area: procedures, title: t}}"))
        .collect();
    let text = format!("tasks: [{}]\n", tasks.join(", "));
    std::fs::write(dir.path().join("plan.yaml"), text).expect("write");
    let json: serde_json::Value = {
        let out = Command::cargo_bin("cchc")
            .expect("binary")
            .current_dir(dir.path())
            .args(["check", "--no-config", "--format", "json", "plan.yaml"])
            .output()
            .expect("run");
        serde_json::from_slice(&out.stdout).expect("json")
    };
    let all = json["diagnostics"].as_array().expect("list").len();
    assert!(all > 25_000, "{all}");
    let doc = sarif_in(dir.path(), &["plan.yaml"]);
    let run = &doc["runs"][0];
    assert_eq!(run["results"].as_array().map(Vec::len), Some(25_000));
    let note = &run["invocations"][0]["toolExecutionNotifications"][0];
    assert_eq!(note["level"], "warning");
    let text = note["message"]["text"].as_str().expect("text");
    assert!(text.contains(&(all - 25_000).to_string()), "{text}");
    assert_eq!(run["invocations"][0]["executionSuccessful"], true);
}

#[test]
fn github_format_appends_a_step_summary_of_every_finding() {
    let dir = tempfile::tempdir().expect("tempdir");
    let summary = dir.path().join("summary.md");
    std::fs::write(&summary, "earlier step\n").expect("write");
    let out = cchc()
        .env("GITHUB_STEP_SUMMARY", &summary)
        .args(["check", "--format", "github", "examples"])
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(1));
    let annotations = String::from_utf8_lossy(&out.stdout);
    let text = std::fs::read_to_string(&summary).expect("summary");
    assert!(
        text.starts_with("earlier step\n## cchc: "),
        "appended: {text}"
    );
    let rows = text
        .lines()
        .filter(|l| l.starts_with("| ") && !l.starts_with("| Vị trí"))
        .count();
    assert_eq!(
        rows,
        annotations.lines().count(),
        "every finding, not only ten"
    );
    let first = text.find("### `").expect("a file table");
    assert!(
        text[first..].starts_with("### `examples/thieu-noi-dung-va-dau-ra.yaml`"),
        "most errors first: {text}"
    );
    // Without the variable nothing else is written.
    let plain = cchc()
        .env_remove("GITHUB_STEP_SUMMARY")
        .args(["check", "--format", "github", "examples"])
        .output()
        .expect("run");
    assert_eq!(plain.stdout, out.stdout);
}

#[test]
fn human_headers_count_characters_as_json_does() {
    let dir = tempfile::tempdir().expect("tempdir");
    let text = std::fs::read_to_string(examples().join("so-tu-phap.yaml")).expect("read");
    let vietnamese = text.replace(
        "audience: [Người dân, Doanh nghiệp]",
        "audience: [Người dân, dn]",
    );
    assert_ne!(vietnamese, text);
    let plan = dir.path().join("plan.yaml");
    std::fs::write(&plan, vietnamese).expect("write");
    let shown = plan.to_str().expect("utf-8");
    let concise = stdout_of(&["check", "--no-config", "--format", "concise", shown]);
    let want: Vec<String> = concise
        .lines()
        .filter_map(|l| l.split(": ").next())
        .filter(|p| p.starts_with(shown))
        .map(str::to_owned)
        .collect();
    let human = stdout_of(&["check", "--no-config", "--color", "never", shown]);
    let got: Vec<String> = human
        .lines()
        .filter_map(|l| Some(l.split_once("╭─[")?.1.trim_end_matches(']').to_owned()))
        .collect();
    assert!(
        want.iter().any(|p| p.ends_with(":27")),
        "a column after `người dân, `: {want:?}"
    );
    assert_eq!(got, want);
}

#[test]
fn human_output_wraps_at_the_width_of_columns() {
    for width in [60usize, 80] {
        let out = cchc()
            .env("COLUMNS", width.to_string())
            .args(["check", "--color", "never", MIXED])
            .output()
            .expect("run");
        let text = String::from_utf8_lossy(&out.stdout);
        // Source lines are the plan's own; the tool's words wrap to the width.
        let too_long: Vec<&str> = text
            .lines()
            .filter(|l| !l.contains(" │ ") && !l.contains("╭─["))
            .filter(|l| l.chars().count() > width)
            .collect();
        assert!(too_long.is_empty(), "COLUMNS={width}: {too_long:#?}");
    }
}
