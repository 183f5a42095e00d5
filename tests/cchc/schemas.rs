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

#[test]
fn the_loaders_key_lists_are_the_plan_schemas() {
    use cchc::source::yaml as keys;
    let text = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("schemas/plan.schema.json"),
    )
    .expect("schema");
    let schema: serde_json::Value = serde_json::from_str(&text).expect("json");
    let names = |node: &serde_json::Value, field: &str| -> Vec<String> {
        let mut v: Vec<String> = match &node[field] {
            serde_json::Value::Object(m) => m.keys().cloned().collect(),
            serde_json::Value::Array(a) => a
                .iter()
                .filter_map(|s| s.as_str().map(str::to_owned))
                .collect(),
            _ => Vec::new(),
        };
        v.sort();
        v
    };
    let sorted = |list: &[&str]| {
        let mut v: Vec<String> = list.iter().map(|s| (*s).to_owned()).collect();
        v.sort();
        v
    };
    let p = &schema["properties"];
    let objective = &p["objectives"]["items"];
    // (where, the schema's node, the loader's keys, the loader's required keys)
    let mappings: [(&str, &serde_json::Value, &[&str], &[&str]); 8] = [
        ("root", &schema, keys::ROOT_KEYS, keys::ROOT_REQUIRED),
        ("plan", &p["plan"], keys::PLAN_KEYS, keys::PLAN_REQUIRED),
        (
            "period",
            &p["plan"]["properties"]["period"],
            keys::PERIOD_KEYS,
            keys::PERIOD_KEYS,
        ),
        (
            "units",
            &p["units"]["items"],
            keys::UNIT_KEYS,
            keys::UNIT_KEYS,
        ),
        (
            "objectives",
            objective,
            keys::OBJECTIVE_KEYS,
            keys::OBJECTIVE_REQUIRED,
        ),
        (
            "baseline",
            &objective["properties"]["baseline"],
            keys::YEAR_VALUE_KEYS,
            keys::YEAR_VALUE_KEYS,
        ),
        (
            "tasks",
            &p["tasks"]["items"],
            keys::TASK_KEYS,
            keys::TASK_REQUIRED,
        ),
        ("resources", &p["resources"], keys::RESOURCES_KEYS, &[]),
    ];
    for (place, node, loader_keys, required) in mappings {
        assert_eq!(
            names(node, "properties"),
            sorted(loader_keys),
            "keys of {place}"
        );
        assert_eq!(
            names(node, "required"),
            sorted(required),
            "required keys of {place}"
        );
    }
    // Two deliberate differences, each reported by a more specific rule than P002/P003:
    // a target without `value` is Q001; an `exemptions.areas` key is C004.
    let target = &objective["properties"]["target"];
    assert_eq!(names(target, "properties"), sorted(keys::YEAR_VALUE_KEYS));
    assert_eq!(names(target, "required"), sorted(&["year", "value"]));
    let exemptions = names(&p["exemptions"], "properties");
    assert_eq!(exemptions, sorted(&["competitiveness"]));
    assert_eq!(
        sorted(keys::EXEMPTIONS_KEYS),
        sorted(&["competitiveness", "areas"])
    );
}
