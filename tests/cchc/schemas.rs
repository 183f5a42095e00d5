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
        "tests/fixtures/P006.yaml",
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
    let arena = cchc::yaml::Arena::new();
    let tree = cchc::yaml::parse(example, &arena, Default::default()).expect("yaml");
    assert!(validator.is_valid(&tree.root.expect("root").to_json()));
    let arena = cchc::yaml::Arena::new();
    let bad = cchc::yaml::parse("rules: {O002: of}\n", &arena, Default::default()).expect("yaml");
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
    // A target without `value` is Q001, and an `exemptions.areas` key C004, not
    // P002/P003: the schema accepts both, as the checker's structure does.
    let target = &objective["properties"]["target"];
    assert_eq!(names(target, "properties"), sorted(keys::YEAR_VALUE_KEYS));
    assert_eq!(names(target, "required"), sorted(&["year"]));
    let exemptions = names(&p["exemptions"], "properties");
    assert_eq!(exemptions, sorted(&["competitiveness", "areas"]));
    assert_eq!(
        sorted(keys::EXEMPTIONS_KEYS),
        sorted(&["competitiveness", "areas"])
    );
}

/// Every YAML plan the tests hold: fixtures (with the files of their
/// directories), regressions and examples.
fn every_plan_file() -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut out = Vec::new();
    let mut dirs = vec![
        root.join("tests/fixtures"),
        root.join("tests/regressions"),
        root.join("examples"),
    ];
    while let Some(dir) = dirs.pop() {
        for entry in std::fs::read_dir(&dir).expect("dir") {
            let path = entry.expect("entry").path();
            if path.is_dir() {
                dirs.push(path);
            } else if path.extension().is_some_and(|e| e == "yaml" || e == "yml") {
                out.push(path);
            }
        }
    }
    out.sort();
    out
}

/// What the checker reports that no schema can say: whether a deadline
/// reads (the forms of PLAN-FORMAT.md, the profile's vague phrases, word
/// order) and whether a day exists (31/6). The schema accepts those values.
fn inexpressible(d: &cchc::rules::Located) -> bool {
    let pointer = d.diagnostic.pointer.to_string();
    d.code() == "P009" && (pointer.ends_with("/due") || pointer == "/plan/issued")
}

/// The structural codes of a plan's text, and the schema's errors for it.
fn both_verdicts(
    validator: &jsonschema::Validator,
    name: &str,
    text: &str,
) -> Option<(Vec<String>, Vec<String>, bool)> {
    let arena = cchc::yaml::Arena::new();
    let tree = cchc::yaml::parse(text, &arena, Default::default()).ok()?;
    let root = tree.root?;
    let report = check::check_bytes(name, text.as_bytes(), false, &Options::default());
    let structural = ["P002", "P003", "P006", "P009"];
    let found: Vec<&cchc::rules::Located> = report
        .diagnostics
        .iter()
        .filter(|d| structural.contains(&d.code()))
        .collect();
    let only_inexpressible = found.iter().all(|d| inexpressible(d));
    let codes = found
        .iter()
        .map(|d| format!("{} {}", d.code(), d.diagnostic.pointer))
        .collect();
    let errors = validator
        .iter_errors(&root.to_json())
        .map(|e| format!("{e} at {}", e.instance_path()))
        .collect();
    Some((codes, errors, only_inexpressible))
}

#[test]
fn the_plan_schema_and_the_checker_agree_both_ways() {
    let validator = schema("plan.schema.json");
    let mut mismatches = Vec::new();
    let mut compared = 0;
    let mut check = |name: &str, text: &str| {
        let Some((codes, errors, only_inexpressible)) = both_verdicts(&validator, name, text)
        else {
            return;
        };
        compared += 1;
        // The schema rejects only what the checker reports as P002, P003, P006 or
        // P009; the checker's P002/P003/P006/P009 the schema rejects too, unless
        // it is about a deadline's wording or a day's existence.
        let disagree = if errors.is_empty() {
            !codes.is_empty() && !only_inexpressible
        } else {
            codes.is_empty()
        };
        if disagree {
            mismatches.push(format!("{name}: checker {codes:?}, schema {errors:?}"));
        }
    };
    for path in every_plan_file() {
        let text = std::fs::read_to_string(&path).unwrap_or_default();
        check(&path.display().to_string(), &text);
    }
    let head = "version: 1\nplan: {agency: A, number: 1/KH, title: T, issued: 15/01/2022, period: {from: 2022, to: 2025}}\nunits: [{id: TTra, name: Thanh tra Sở}]\nobjectives: []\n";
    for (case, tasks) in [
        ("no task", "tasks: []\n".to_owned()),
        ("names", "tasks:\n  - {id: NV1, area: Cải cách thể chế, title: T, kind: Tuyên truyền, audience: [cán bộ, nhân dân, Doanh nghiệp], competitiveness: [Tiếp cận đất đai], focus: [admin_procedures], lead: Thanh tra Sở, due: Quý I hằng năm}\n".to_owned()),
        ("bad code", "tasks:\n  - {id: NV1, area: Cải cách, title: T}\n".to_owned()),
        ("bad focus", "tasks:\n  - {id: NV1, area: procedures, title: T, focus: [job]}\n".to_owned()),
        ("id with a space", "tasks:\n  - {id: NV 1, area: procedures, title: T}\n".to_owned()),
        ("year key", "tasks:\n  - {id: NV1, area: procedures, title: T, schedule: {năm 2023: x}}\n".to_owned()),
    ] {
        check(case, &format!("{head}{tasks}"));
    }
    for (case, text) in [
        (
            "quoted period",
            head.replace("{from: 2022, to: 2025}", "{from: \"2022\", to: \"2025\"}")
                + "tasks: []\n",
        ),
        (
            "half a period",
            head.replace("{from: 2022, to: 2025}", "{from: 2022}") + "tasks: []\n",
        ),
        (
            "empty number",
            head.replace("number: 1/KH", "number: \"\"") + "tasks: []\n",
        ),
        (
            "version 2",
            head.replace("version: 1", "version: 2") + "tasks: []\n",
        ),
    ] {
        check(case, &text);
    }
    assert!(compared > 50, "only {compared} plans compared");
    assert!(mismatches.is_empty(), "{}", mismatches.join("\n"));
}

#[test]
fn coded_values_are_enums_of_codes_and_names_with_vietnamese_descriptions() {
    let doc: serde_json::Value = serde_json::from_str(cchc::cli::PLAN_SCHEMA).expect("schema JSON");
    let p = cchc::profile::default_profile();
    let task = &doc["properties"]["tasks"]["items"]["properties"];
    let enum_of = |node: &serde_json::Value| -> Vec<String> {
        node["enum"]
            .as_array()
            .map(|a| {
                a.iter()
                    .filter_map(|v| v.as_str().map(str::to_owned))
                    .collect()
            })
            .unwrap_or_default()
    };
    for (node, catalog) in [
        (&task["area"], cchc::profile::Catalog::Area),
        (
            &task["competitiveness"]["items"],
            cchc::profile::Catalog::Competitiveness,
        ),
        (&task["focus"]["items"], cchc::profile::Catalog::KeyTask),
        (&task["audience"]["items"], cchc::profile::Catalog::Audience),
        (
            &doc["properties"]["resources"]["properties"]["funding"]["items"],
            cchc::profile::Catalog::Funding,
        ),
    ] {
        let values = enum_of(node);
        for (code, names) in p.entries(catalog) {
            for v in std::iter::once(code).chain(names) {
                assert!(
                    values.iter().any(|x| x == v),
                    "{catalog:?}: `{v}` not in the enum"
                );
            }
        }
        let descriptions = node["markdownEnumDescriptions"]
            .as_array()
            .map_or(0, Vec::len);
        assert_eq!(
            descriptions,
            values.len(),
            "{catalog:?}: one description per value"
        );
    }
    for (code, names) in cchc::model::names::KIND_NAMES {
        let values = enum_of(&task["kind"]);
        assert!(values.iter().any(|x| x == code));
        for n in *names {
            assert!(values.iter().any(|x| x == n), "kind name {n}");
        }
    }
    let indicators = enum_of(&doc["properties"]["objectives"]["items"]["properties"]["indicator"]);
    for i in &p.indicators {
        assert!(indicators.contains(&i.code), "indicator {}", i.code);
    }
}
