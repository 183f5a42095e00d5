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
    assert_eq!(c001["count"], 5);
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
    let files: Vec<String> = std::fs::read_dir(fixtures())
        .expect("fixtures")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.is_file())
        .map(|p| p.display().to_string())
        .collect();
    args.extend(files.iter().map(String::as_str));
    let all = fingerprints(&args);
    let mut unique = all.clone();
    unique.sort();
    unique.dedup();
    assert!(all.len() > 100, "{}", all.len());
    assert_eq!(unique.len(), all.len());
}
