//! Every rule against its fixture (`# expect: CODE line:col`), the complete
//! examples (no diagnostic) and the mistake examples (exactly their rules).

#[allow(unused_imports)]
use super::*;

/// `# expect: CODE line:col` lines of a fixture, as (code, line, col); a Word or
/// Excel fixture states them in a text file beside it (`T003.xlsx.expect`). A
/// fixture that cannot be read (the dangling link of P000) expects P000 at 1:1.
fn expectations(path: &Path) -> Vec<(String, u32, u32)> {
    let office = cchc::source::office::Kind::of(&path.to_string_lossy()).is_some();
    let sidecar = PathBuf::from(format!("{}.expect", path.display()));
    let Ok(bytes) = std::fs::read(if office { &sidecar } else { path }) else {
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
        let file = ["yaml", "docx", "xlsx"]
            .iter()
            .map(|ext| fixtures().join(format!("{}.{ext}", rule.code)))
            .find(|f| f.symlink_metadata().is_ok())
            .unwrap_or_else(|| fixtures().join(format!("{}.yaml", rule.code)));
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
        if name.ends_with(".expect") {
            continue;
        }
        let code = name.split('.').next().expect("code").to_owned();
        assert!(
            cchc::rules::find(&code).is_some(),
            "fixture {name} names no rule"
        );
        if path.is_dir() {
            let targets = check::targets(
                std::slice::from_ref(&path),
                &mut cchc::config::Configs::none(),
                false,
                false,
            )
            .expect("targets");
            compare_fixture(&code, &targets, &|p| PathBuf::from(p), &mut failures);
        } else {
            let target = check::Target {
                path: path.clone(),
                display: path.display().to_string(),
                walked: false,
                skip: None,
                config: None,
            };
            compare_fixture(&code, &[target], &|_| path.clone(), &mut failures);
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// The complete examples, as named on the command line.
fn complete_targets() -> Vec<check::Target> {
    COMPLETE
        .iter()
        .map(|n| check::Target {
            path: examples().join(n),
            display: (*n).to_owned(),
            walked: false,
            skip: None,
            config: None,
        })
        .collect()
}

#[test]
fn complete_examples_produce_no_diagnostic_for_any_rule() {
    let report = check::run(&complete_targets(), &Options::default());
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
            skip: None,
            config: None,
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
        skip: None,
        config: None,
    };
    let report = check::run(&[target], &Options::default());
    let codes: Vec<&str> = report.files[0]
        .diagnostics
        .iter()
        .map(|d| d.code())
        .collect();
    for code in [
        "C001", "Q001", "U002", "O002", "M006", "P009", "U004", "D005",
    ] {
        assert!(codes.contains(&code), "{code} missing from {codes:?}");
    }
}

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

#[test]
fn a_value_of_the_wrong_shape_is_reported_once_by_p002() {
    let path = fixtures().join("P002.shapes.yaml");
    let (_, codes) = check_file(&path);
    let wrong_shapes = expectations(&path)
        .iter()
        .filter(|(c, _, _)| c == "P002")
        .count();
    assert!(wrong_shapes >= 6, "the fixture has its wrong shapes");
    assert_eq!(
        codes.iter().filter(|c| *c == "P002").count(),
        wrong_shapes,
        "each wrong shape reported by P002, once: {codes:?}"
    );
    for quieter in ["Q001", "M001", "M004", "U001", "O001", "D004"] {
        assert!(
            !codes.iter().any(|c| c == quieter),
            "{quieter} repeats a P002: {codes:?}"
        );
    }
}

#[test]
fn every_rule_has_a_fixture_that_fires_it_and_plans_where_it_does_not() {
    let fired: std::collections::BTreeSet<String> = std::fs::read_dir(fixtures())
        .expect("fixtures")
        .map(|e| e.expect("entry").path())
        .flat_map(|p| {
            if p.is_dir() {
                std::fs::read_dir(&p)
                    .expect("dir")
                    .map(|e| e.expect("entry").path())
                    .collect()
            } else {
                vec![p]
            }
        })
        .flat_map(|p| expectations(&p))
        .map(|(code, _, _)| code)
        .collect();
    let report = check::run(&complete_targets(), &Options::default());
    assert_eq!(report.files.len(), COMPLETE.len());
    for rule in RULES {
        assert!(
            fired.contains(rule.code),
            "no fixture expects {} to fire",
            rule.code
        );
        for f in &report.files {
            assert!(
                !f.diagnostics.iter().any(|d| d.code() == rule.code),
                "{} fires on the complete plan {}",
                rule.code,
                f.path
            );
        }
    }
}

#[test]
fn no_message_or_doc_points_at_a_file_users_do_not_have() {
    let mut texts: Vec<String> = Vec::new();
    for rule in RULES {
        let d = rule.docs;
        for t in [d.what, d.why, d.fix] {
            texts.extend([t.vi.to_owned(), t.en.to_owned()]);
        }
    }
    for lang in ["vi", "en"] {
        let mut args = vec![
            "--lang",
            lang,
            "check",
            "--no-config",
            "--format",
            "json",
            "examples",
        ];
        let files = fixture_files();
        args.extend(files.iter().map(String::as_str));
        let doc: serde_json::Value = serde_json::from_str(&stdout_of(&args)).expect("json");
        for d in doc["diagnostics"].as_array().expect("list") {
            for key in ["message", "help"] {
                texts.extend(d[key].as_str().map(str::to_owned));
            }
        }
    }
    assert!(texts.len() > 500, "{}", texts.len());
    for t in &texts {
        assert!(
            !t.contains("PLAN-FORMAT") && !t.contains("DOMAIN.md") && !t.contains("RULES.md"),
            "{t}"
        );
    }
}

#[test]
fn a_tab_after_a_colon_is_valid_yaml_and_accepted() {
    let text = "version: 1\nplan:\n  agency:\tSở A\n  title: \"a:\tb\"\ntasks:\n  - id: NV1\n    lead:\tVP\n";
    let report = check::check_bytes(
        "tab.yaml",
        text.as_bytes(),
        false,
        &Options {
            keep_plan: true,
            ..Options::default()
        },
    );
    let codes: Vec<&str> = report.diagnostics.iter().map(|d| d.code()).collect();
    assert!(!codes.contains(&"P001"), "{codes:?}");
    let plan = report.plan.expect("plan");
    let task = &plan.tasks.expect("tasks")[0];
    assert_eq!(task.lead, Some(cchc::model::Lead::One("VP".into())));
    assert_eq!(plan.info.expect("plan").title.as_deref(), Some("a:\tb"));
}

#[test]
fn syntax_errors_are_named_in_the_users_language_with_the_parsers_text_after() {
    let text = std::fs::read(fixtures().join("P001.colon.yaml")).expect("fixture");
    for (lang, cause, parser) in [
        (
            cchc::i18n::Lang::Vi,
            "Thiếu dấu cách sau dấu hai chấm",
            "trình đọc YAML báo:",
        ),
        (
            cchc::i18n::Lang::En,
            "A space is missing after the colon",
            "the YAML parser says:",
        ),
    ] {
        let opts = Options {
            lang,
            ..Options::default()
        };
        let report = check::check_bytes("x.yaml", &text, false, &opts);
        let d = &report.diagnostics[0];
        let message = &d.diagnostic.message;
        assert!(message.starts_with(cause), "{message}");
        assert!(message.contains(parser), "{message}");
        assert_eq!((d.line, d.column), (9, 9));
    }
}
