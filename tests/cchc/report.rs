//! `cchc report`: its views in every format, and the HTML page in a real browser.

#[allow(unused_imports)]
use super::*;

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
    assert_not_blank(&png);
}

#[test]
fn report_uses_the_profile_of_the_config() {
    let dir = tempfile::tempdir().expect("tempdir");
    let text = std::fs::read_to_string(examples().join("ke-hoach-2026-2030.yaml")).expect("read");
    let without = text.replacen("directive: 282/QĐ-TTg\n", "", 1);
    assert_ne!(text, without, "the example names its directive");
    std::fs::write(dir.path().join("plan.yaml"), without).expect("write");
    let profile_of = |config: Option<&str>| {
        let mut cmd = Command::cargo_bin("cchc").expect("binary");
        cmd.current_dir(dir.path()).env_remove("CCHC_LANG");
        match config {
            Some(c) => std::fs::write(dir.path().join("cchc.yaml"), c).expect("config"),
            None => {
                let _ = std::fs::remove_file(dir.path().join("cchc.yaml"));
            }
        }
        let out = cmd
            .args(["report", "--format", "json", "plan.yaml"])
            .output()
            .expect("run");
        assert_eq!(
            out.status.code(),
            Some(0),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let doc: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
        doc["plans"][0]["profile"].as_str().map(str::to_owned)
    };
    assert_eq!(profile_of(None).as_deref(), Some("7946/UBND-NCPC"));
    assert_eq!(
        profile_of(Some("profile: 282/QĐ-TTg\n")).as_deref(),
        Some("282/QĐ-TTg"),
        "the config's profile, as `check` uses it"
    );
}
