//! The JSON Schemas against what the tool reads and writes.

#[allow(unused_imports)]
use super::*;

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
