//! The browser page (web/, built by `scripts/build-web`) in a real browser:
//! Debian's Chromium driven by Playwright for Python (`tests/web/drive.py`,
//! the system browser, nothing downloaded). The page is loaded from `file://`,
//! every bundled example goes into its file input, and the diagnostics it
//! shows (codes, positions, messages, read from the DOM) must be those of
//! `cchc check --format json` of the same files; no request may leave the
//! page's own folder (or, served over HTTP, its own host).

#[allow(unused_imports)]
use super::*;

use std::process::Stdio;

use serde_json::{Value, json};

use super::office::{docx, front, p, tbl};

const ROOT: &str = env!("CARGO_MANIFEST_DIR");

/// The imports wasm-bindgen's intrinsics add to the module (linked through
/// zip's getrandom); the page answers them with functions that throw.
const BINDGEN_IMPORTS: &[&str] = &[
    "__wbindgen_placeholder__.__wbindgen_describe",
    "__wbindgen_externref_xform__.__wbindgen_externref_statics_end",
    "__wbindgen_externref_xform__.__wbindgen_externref_table_grow",
    "__wbindgen_externref_xform__.__wbindgen_externref_table_set_null",
];

/// Builds the page as the README says.
fn build_page() -> PathBuf {
    let out = std::process::Command::new(Path::new(ROOT).join("scripts/build-web"))
        .current_dir(ROOT)
        .output()
        .expect("scripts/build-web runs");
    assert!(
        out.status.success(),
        "scripts/build-web: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    eprintln!("{}", String::from_utf8_lossy(&out.stdout).trim());
    Path::new(ROOT).join("web/dist")
}

/// A Word plan with a 200-row appendix under the six area groups.
fn word_appendix(rows: usize) -> Vec<u8> {
    const GROUPS: &[&str] = &[
        "I. CẢI CÁCH THỂ CHẾ",
        "II. CẢI CÁCH THỦ TỤC HÀNH CHÍNH",
        "III. CẢI CÁCH TỔ CHỨC BỘ MÁY",
        "IV. CẢI CÁCH CHẾ ĐỘ CÔNG VỤ",
        "V. CẢI CÁCH TÀI CHÍNH CÔNG",
        "VI. XÂY DỰNG, PHÁT TRIỂN CHÍNH PHỦ ĐIỆN TỬ, CHÍNH PHỦ SỐ",
    ];
    let header = [
        "STT",
        "Nội dung nhiệm vụ",
        "Sản phẩm",
        "Đơn vị chủ trì",
        "Đơn vị phối hợp",
        "Thời gian hoàn thành",
    ];
    let mut cells: Vec<Vec<String>> = vec![header.iter().map(|h| h.to_string()).collect()];
    for k in 0..rows {
        if k % rows.div_ceil(GROUPS.len()) == 0 {
            cells.push(vec![format!(
                "{{span=6}}{}",
                GROUPS[k / rows.div_ceil(GROUPS.len())]
            )]);
        }
        cells.push(vec![
            (k + 1).to_string(),
            format!("Rà soát, đơn giản hóa thủ tục hành chính thuộc lĩnh vực số {k}"),
            "Báo cáo kết quả rà soát".to_owned(),
            ["Văn phòng Sở", "Phòng Hành chính tư pháp", "Thanh tra Sở"][k % 3].to_owned(),
            "Các phòng chuyên môn".to_owned(),
            format!("{}/{}/{}", 1 + k % 28, 1 + k % 12, 2022 + k % 4),
        ]);
    }
    let rows: Vec<Vec<&str>> = cells
        .iter()
        .map(|r| r.iter().map(String::as_str).collect())
        .collect();
    let rows: Vec<&[&str]> = rows.iter().map(Vec::as_slice).collect();
    docx(&[front(), p("PHỤ LỤC: DANH MỤC NHIỆM VỤ"), tbl(&rows)].concat())
}

/// A YAML plan of at least 100 KB.
fn big_plan() -> String {
    let mut tasks = 100;
    loop {
        let text = cchc::corpus::plan(7, tasks, false);
        if text.len() >= 100_000 {
            return text;
        }
        tasks += 50;
    }
}

/// `cchc check --format json` of `files` in `dir`: its (path, code, line,
/// column, message) rows, sorted by path (stable within a file).
fn cli_rows(dir: &Path, files: &[&str], lang: &str) -> Vec<(String, String, u64, u64, String)> {
    let out = cchc()
        .current_dir(dir)
        .args(["check", "--format", "json", "--lang", lang])
        .args(files)
        .output()
        .expect("run");
    let doc: Value = serde_json::from_slice(&out.stdout).expect("JSON");
    let mut rows: Vec<_> = doc["diagnostics"]
        .as_array()
        .expect("list")
        .iter()
        .map(|d| {
            (
                d["path"].as_str().unwrap_or_default().to_owned(),
                d["code"].as_str().unwrap_or_default().to_owned(),
                d["line"].as_u64().unwrap_or_default(),
                d["column"].as_u64().unwrap_or_default(),
                d["message"].as_str().unwrap_or_default().to_owned(),
            )
        })
        .collect();
    rows.sort_by(|a, b| a.0.cmp(&b.0));
    rows
}

/// The same rows as the page showed them.
fn page_rows(run: &Value) -> Vec<(String, String, u64, u64, String)> {
    let mut rows = Vec::new();
    for f in run["shown"].as_array().expect("files") {
        for d in f["diagnostics"].as_array().expect("diagnostics") {
            rows.push((
                f["path"].as_str().unwrap_or_default().to_owned(),
                d["code"].as_str().unwrap_or_default().to_owned(),
                d["line"].as_u64().unwrap_or_default(),
                d["column"].as_u64().unwrap_or_default(),
                d["message"].as_str().unwrap_or_default().to_owned(),
            ));
        }
    }
    rows.sort_by(|a, b| a.0.cmp(&b.0));
    rows
}

#[test]
fn the_page_shows_what_the_cli_reports_and_sends_nothing() {
    let dist = build_page();
    let inputs = tempfile::tempdir().expect("tempdir");
    let dir = inputs.path();
    let mut singles: Vec<String> = Vec::new();
    for sub in ["examples", "examples/office"] {
        for entry in std::fs::read_dir(Path::new(ROOT).join(sub)).expect("examples") {
            let path = entry.expect("entry").path();
            let name = path
                .file_name()
                .and_then(|n| n.to_str())
                .unwrap_or_default()
                .to_owned();
            if [".yaml", ".docx", ".xlsx"]
                .iter()
                .any(|e| name.ends_with(e))
            {
                std::fs::copy(&path, dir.join(&name)).expect("copy");
                singles.push(name);
            }
        }
    }
    singles.sort();
    std::fs::write(dir.join("ke-hoach-100kb.yaml"), big_plan()).expect("write");
    std::fs::write(dir.join("phu-luc-200-dong.docx"), word_appendix(200)).expect("write");
    // A Word file with scanned pages over the size limit: the page does not copy it.
    let big = std::fs::File::create(dir.join("anh-chup.docx")).expect("create");
    big.set_len(cchc::source::MAX_FILE_SIZE + 1)
        .expect("sparse file");
    singles.push("anh-chup.docx".to_owned());
    let mut runs: Vec<Value> = singles
        .iter()
        .map(|f| json!({"files": [f], "lang": "vi"}))
        .collect();
    // Several at once run the cross-file rules; then the English toggle.
    let together = ["so-tu-phap.yaml", "so-tu-phap.docx", "so-tu-phap.xlsx"];
    runs.push(json!({"files": together, "lang": "vi"}));
    runs.push(json!({"files": ["thieu-noi-dung-va-dau-ra.yaml", "hai-don-vi-chu-tri.xlsx"], "lang": "en"}));
    // Timed: the 100 KB plan and the 200-row Word appendix, each three times.
    for f in ["ke-hoach-100kb.yaml", "phu-luc-200-dong.docx"] {
        for _ in 0..3 {
            runs.push(json!({"files": [f], "lang": "vi"}));
        }
    }
    // The last run is a document, so the page offers its YAML to save.
    runs.push(json!({"files": ["thieu-so-hieu.docx"], "lang": "vi"}));
    let shot = dir.join("page.png");
    let spec = json!({
        "dist": dist.canonicalize().expect("dist").display().to_string(),
        "dir": dir.canonicalize().expect("dir").display().to_string(),
        "screenshot": shot.display().to_string(),
        "runs": runs,
    });
    let mut child = std::process::Command::new("python3")
        .arg(Path::new(ROOT).join("tests/web/drive.py"))
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("python3 runs");
    std::io::Write::write_all(
        child.stdin.as_mut().expect("stdin"),
        spec.to_string().as_bytes(),
    )
    .expect("spec");
    let out = child.wait_with_output().expect("drive.py");
    assert!(
        out.status.success(),
        "drive.py (pip install playwright; scripts/test does it): {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let seen: Value = serde_json::from_slice(&out.stdout).expect("drive.py JSON");

    for run in seen["runs"].as_array().expect("runs") {
        let files: Vec<&str> = run["files"]
            .as_array()
            .expect("files")
            .iter()
            .filter_map(Value::as_str)
            .collect();
        assert_eq!(run["state"], "done", "{files:?}: {}", run["status"]);
        let lang = run["lang"].as_str().expect("lang");
        assert_eq!(
            page_rows(run),
            cli_rows(dir, &files, lang),
            "{files:?} ({lang})"
        );
        for f in run["shown"].as_array().expect("files") {
            let errors = f["diagnostics"]
                .as_array()
                .expect("list")
                .iter()
                .filter(|d| d["severity"] == "error")
                .count();
            let verdict = f["verdict"].as_str().expect("verdict");
            match (lang, errors) {
                ("vi", 0) => assert_eq!(verdict, "Sẵn sàng trình"),
                ("vi", n) => assert_eq!(verdict, format!("Còn {n} lỗi")),
                (_, 0) => assert_eq!(verdict, "Ready to submit"),
                (_, n) => assert_eq!(verdict, format!("{n} errors left")),
            }
        }
    }
    // The complete examples are ready to submit in the page too.
    for complete in ["so-tu-phap.yaml", "so-tu-phap.docx", "so-tu-phap.xlsx"] {
        let run = &seen["runs"][singles.iter().position(|s| s == complete).expect("example")];
        assert_eq!(run["shown"][0]["ready"], true, "{complete}");
    }
    // Nothing but the page's own files was requested.
    let requests: Vec<&str> = seen["requests"]
        .as_array()
        .expect("requests")
        .iter()
        .filter_map(Value::as_str)
        .collect();
    assert!(
        requests.iter().all(|u| u.starts_with("file://")),
        "requests: {requests:?}"
    );
    let http = &seen["http"];
    let origin = http["origin"].as_str().expect("origin");
    assert_eq!(http["state"], "done");
    for u in http["requests"].as_array().expect("requests") {
        assert!(
            u.as_str().is_some_and(|u| u.starts_with(origin)),
            "served page requested {u}"
        );
    }
    assert_eq!(
        seen["console"].as_array().map(Vec::len),
        Some(0),
        "no errors (and no Content-Security-Policy violation): {}",
        seen["console"]
    );
    // The module imports only wasm-bindgen's intrinsics, which cchc never calls.
    for import in seen["imports"].as_array().expect("imports") {
        assert!(
            BINDGEN_IMPORTS.contains(&import.as_str().unwrap_or_default()),
            "unexpected import {import}"
        );
    }
    // The imported YAML saved through the button is `cchc import`'s.
    let import = cchc()
        .args(["import"])
        .arg(dir.join("thieu-so-hieu.docx"))
        .output()
        .expect("import");
    assert_eq!(seen["saved"]["name"], "thieu-so-hieu.yaml");
    assert_eq!(
        seen["saved"]["text"].as_str(),
        Some(String::from_utf8_lossy(&import.stdout).as_ref())
    );
    assert!(
        seen["explain"]
            .as_str()
            .is_some_and(|t| t.contains("Cách sửa")),
        "an explanation opens on a code: {}",
        seen["explain"]
    );
    assert_not_blank(&shot);
    assert_eq!(
        seen["print"]["controls"], "none",
        "printed without controls"
    );
    assert_eq!(seen["print"]["filters"], "none", "printed without filters");
    assert_ne!(seen["print"]["results"], "none", "printed with the results");
    assert!(
        seen["phone"][0].as_u64() <= seen["phone"][1].as_u64(),
        "readable on a phone: the page is {} px wide on a {} px screen",
        seen["phone"][0],
        seen["phone"][1]
    );

    // Figures for the README: the page's time per call; the same files are kept in
    // target/web-inputs/ for the native baseline (`hyperfine`, README "Performance").
    let html = std::fs::read_to_string(dist.join("index.html")).expect("index.html");
    assert!(html.contains("connect-src 'none'"));
    let kept = Path::new(ROOT).join("target/web-inputs");
    std::fs::create_dir_all(&kept).expect("target/web-inputs");
    for f in ["ke-hoach-100kb.yaml", "phu-luc-200-dong.docx"] {
        let page: Vec<f64> = seen["runs"]
            .as_array()
            .expect("runs")
            .iter()
            .filter(|r| r["files"][0] == f && r["files"].as_array().map(Vec::len) == Some(1))
            .filter_map(|r| r["ms"].as_f64())
            .collect();
        std::fs::copy(dir.join(f), kept.join(f)).expect("keep");
        eprintln!("{f}: the page's check call took {page:?} ms");
    }
}
