//! Plans in Word and Excel (OFFICE-FORMAT.md): the bundled documents saved by
//! LibreOffice, and documents built here part by part (a `word/document.xml`
//! zipped as Word does) so that each mapping rule is checked at its exact cell
//! or paragraph: the JSON `line`/`column` and `source` of each diagnostic.

#[allow(unused_imports)]
use super::*;

use std::io::Write as _;

use serde_json::Value;

const W: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

/// A `.docx` whose body is `body` (WordprocessingML), stored uncompressed.
pub fn docx(body: &str) -> Vec<u8> {
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let opts =
        zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    let parts = [
        (
            "[Content_Types].xml",
            r#"<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>"#.to_owned(),
        ),
        (
            "_rels/.rels",
            r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>"#.to_owned(),
        ),
        (
            "word/document.xml",
            format!(r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="{W}"><w:body>{body}</w:body></w:document>"#),
        ),
    ];
    for (name, text) in parts {
        zip.start_file(name, opts).expect("zip");
        zip.write_all(text.as_bytes()).expect("zip");
    }
    zip.finish().expect("zip").into_inner()
}

fn esc(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// A paragraph (lines joined by `w:br`).
pub fn p(text: &str) -> String {
    let runs: Vec<String> = text
        .split('\n')
        .map(|l| format!("<w:t xml:space=\"preserve\">{}</w:t>", esc(l)))
        .collect();
    format!("<w:p><w:r>{}</w:r></w:p>", runs.join("<w:br/>"))
}

/// A table cell: `text`, optionally `{span=N}` (gridSpan), `{restart}` or `{continue}` (vMerge) first.
fn tc(cell: &str) -> String {
    let mut props = String::new();
    let mut text = cell;
    while let Some(rest) = text.strip_prefix('{') {
        let (tag, after) = rest.split_once('}').expect("closed tag");
        match tag {
            "restart" => props.push_str("<w:vMerge w:val=\"restart\"/>"),
            "continue" => props.push_str("<w:vMerge/>"),
            t => props.push_str(&format!(
                "<w:gridSpan w:val=\"{}\"/>",
                t.strip_prefix("span=").expect("span")
            )),
        }
        text = after;
    }
    format!("<w:tc><w:tcPr>{props}</w:tcPr>{}</w:tc>", p(text))
}

/// A table of rows of cells (see [`tc`]).
pub fn tbl(rows: &[&[&str]]) -> String {
    let rows: String = rows
        .iter()
        .map(|r| {
            format!(
                "<w:tr>{}</w:tr>",
                r.iter().map(|c| tc(c)).collect::<String>()
            )
        })
        .collect();
    format!("<w:tbl>{rows}</w:tbl>")
}

/// The Decree 30 header block, title and references of a complete plan.
pub fn front() -> String {
    [
        tbl(&[&[
            "UBND TỈNH BẮC KẠN\nSỞ TƯ PHÁP\nSố: 245/KH-STP",
            "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nBắc Kạn, ngày 10 tháng 12 năm 2021",
        ]]),
        p("KẾ HOẠCH"),
        p("Cải cách hành chính giai đoạn 2022 – 2025"),
        p(""),
        p("Căn cứ Nghị quyết số 76/NQ-CP; Chỉ thị số 23/CT-TTg; Nghị quyết 08-NQ/TU"),
        p("Thực hiện Văn bản số 7946/UBND-NCPC của UBND tỉnh"),
    ]
    .concat()
}

/// `cchc check --format json` of a document: exit status and diagnostics.
fn check_doc(name: &str, bytes: &[u8], extra: &[&str]) -> (i32, Vec<Value>) {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join(name);
    std::fs::write(&path, bytes).expect("write");
    let out = cchc()
        .args(["check", "--format", "json", "--no-config"])
        .args(extra)
        .arg(&path)
        .timeout(std::time::Duration::from_secs(60))
        .output()
        .expect("run");
    let doc: Value = serde_json::from_slice(&out.stdout).expect("JSON");
    let diags = doc["diagnostics"].as_array().expect("list").clone();
    (out.status.code().expect("exit"), diags)
}

/// The diagnostics of `code`, as (line, column, source).
fn at(diags: &[Value], code: &str) -> Vec<(u64, u64, Value)> {
    diags
        .iter()
        .filter(|d| d["code"] == code)
        .map(|d| {
            (
                d["line"].as_u64().expect("line"),
                d["column"].as_u64().expect("column"),
                d["source"].clone(),
            )
        })
        .collect()
}

fn codes(diags: &[Value]) -> Vec<String> {
    diags
        .iter()
        .map(|d| d["code"].as_str().expect("code").to_owned())
        .collect()
}

const HEADER: &[&str] = &[
    "STT",
    "Nội dung nhiệm vụ",
    "Sản phẩm",
    "Đơn vị chủ trì",
    "Đơn vị phối hợp",
    "Thời gian hoàn thành",
];

#[test]
fn the_complete_word_and_excel_examples_pass() {
    for f in [
        "examples/office/so-tu-phap.docx",
        "examples/office/so-tu-phap.xlsx",
    ] {
        let out = cchc()
            .args(["check", "--format", "json", "--no-config", f])
            .output()
            .expect("run");
        let doc: Value = serde_json::from_slice(&out.stdout).expect("JSON");
        assert_eq!(doc["diagnostics"], Value::Array(vec![]), "{f}");
        assert_eq!(out.status.code(), Some(0), "{f}");
        assert_eq!(doc["files"][0]["profile"], "7946/UBND-NCPC");
    }
}

#[test]
fn import_round_trips_to_the_same_codes() {
    let dir = tempfile::tempdir().expect("tempdir");
    for f in std::fs::read_dir(examples().join("office")).expect("dir") {
        let f = f.expect("entry").path();
        let Some(ext) = f.extension().and_then(|e| e.to_str()) else {
            continue;
        };
        if ext != "docx" && ext != "xlsx" {
            continue;
        }
        let yaml = dir
            .path()
            .join(format!("{}.yaml", f.file_name().unwrap().to_string_lossy()));
        let out = cchc()
            .args(["import"])
            .arg(&f)
            .arg("-o")
            .arg(&yaml)
            .output()
            .expect("run");
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let said = String::from_utf8_lossy(&out.stderr);
        assert!(
            said.contains("nhiệm vụ") && said.contains("bảng dùng"),
            "{said}"
        );
        let text = std::fs::read_to_string(&yaml).expect("written");
        assert!(
            text.contains("# Bảng ") || text.contains("# Nhiệm vụ!"),
            "source comments: {text}"
        );
        let of = |p: &Path| {
            let (_, mut c) = check_file(p);
            c.retain(|c| c != "T003");
            c.sort();
            c
        };
        assert_eq!(of(&f), of(&yaml), "{}", f.display());
    }
}

#[test]
fn group_rows_give_areas_and_tasks_are_numbered_in_table_order() {
    let body = [
        front(),
        tbl(&[
            HEADER,
            &["{span=6}I. CẢI CÁCH THỂ CHẾ"],
            &[
                "1",
                "Rà soát văn bản quy phạm pháp luật",
                "Báo cáo rà soát",
                "Phòng Tư pháp",
                "",
                "31/12/2023",
            ],
            &["II", "Cải cách thủ tục hành chính", "", "", "", ""],
            &[
                "1",
                "Công bố danh mục TTHC",
                "Quyết định công bố",
                "Văn phòng",
                "",
                "Quý II năm 2023",
            ],
            &["2", "Việc chưa giao", "", "", "", ""],
        ]),
    ]
    .concat();
    let bytes = docx(&body);
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("k.docx");
    std::fs::write(&path, &bytes).expect("write");
    let out = cchc().arg("import").arg(&path).output().expect("run");
    let yaml = String::from_utf8(out.stdout).expect("utf-8");
    let arena = cchc::yaml::Arena::new();
    let tree = cchc::yaml::parse(&yaml, &arena, Default::default())
        .expect("YAML")
        .root
        .expect("root")
        .to_json();
    let tasks = tree["tasks"].as_array().expect("tasks");
    let ids: Vec<&str> = tasks.iter().map(|t| t["id"].as_str().unwrap()).collect();
    assert_eq!(ids, ["NV1", "NV2", "NV3"], "{yaml}");
    assert_eq!(tasks[0]["area"], "institutional");
    assert_eq!(tasks[1]["area"], "procedures");
    assert_eq!(
        tasks[2]["title"], "Việc chưa giao",
        "a draft task must not vanish"
    );
    assert_eq!(tasks[1]["due"], "Quý II năm 2023");
    assert_eq!(tree["plan"]["agency"], "Sở Tư pháp");
    assert_eq!(tree["plan"]["number"], "245/KH-STP");
    assert_eq!(tree["plan"]["period"]["from"], 2022);
    assert_eq!(
        tree["plan"]["implements"],
        serde_json::json!(["76/NQ-CP", "23/CT-TTg", "08-NQ/TU", "7946/UBND-NCPC"])
    );
    // The draft's missing fields point at its title cell: table 2, row 6, column 2.
    let (_, diags) = check_doc("k.docx", &bytes, &[]);
    let o001 = at(&diags, "O001");
    assert!(
        o001.contains(&(6, 2, serde_json::json!({"table": 2, "row": 6, "column": 2}))),
        "{o001:?}"
    );
}

#[test]
fn a_collective_or_double_lead_is_u002_at_its_cell() {
    let body = [
        front(),
        tbl(&[
            HEADER,
            &["I", "Cải cách thể chế", "", "", "", ""],
            &[
                "1",
                "Rà soát văn bản",
                "Báo cáo rà soát",
                "Phòng Tư pháp, Văn phòng Sở",
                "",
                "31/12/2023",
            ],
            &[
                "2",
                "Công bố TTHC",
                "Quyết định công bố",
                "Các phòng chuyên môn",
                "",
                "31/12/2023",
            ],
            &[
                "3",
                "Sắp xếp bộ máy",
                "Đề án",
                "Phòng Xây dựng, kiểm tra và theo dõi thi hành pháp luật",
                "Các phòng, đơn vị liên quan",
                "31/12/2023",
            ],
        ]),
    ]
    .concat();
    let (_, diags) = check_doc("k.docx", &docx(&body), &["--select", "U"]);
    let u002 = at(&diags, "U002");
    assert!(
        u002.iter().any(|(l, c, _)| (*l, *c) == (3, 4)),
        "two units in one lead cell: {u002:?}"
    );
    assert!(
        u002.iter().any(|(l, c, _)| (*l, *c) == (4, 4)),
        "a collective lead: {u002:?}"
    );
    assert!(
        !u002.iter().any(|(l, _, _)| *l == 5),
        "one unit with commas in its name: {u002:?}"
    );
    assert!(at(&diags, "P005").is_empty(), "{diags:?}");
    // The message speaks of the cell, not of a YAML list.
    let message = diags
        .iter()
        .find(|d| d["code"] == "U002" && d["line"] == 3)
        .and_then(|d| d["message"].as_str())
        .unwrap_or_default();
    assert_eq!(
        message,
        "Mỗi nhiệm vụ chỉ có một đơn vị chủ trì, nhưng ô `Đơn vị chủ trì` ghi 2 đơn vị (Phòng Tư pháp, Văn phòng Sở)"
    );
}

#[test]
fn an_unknown_column_is_t003_at_its_header_cell() {
    let body = [
        front(),
        tbl(&[
            &[
                "STT",
                "Nội dung nhiệm vụ",
                "Người phụ trách",
                "Sản phẩm",
                "Đơn vị chủ trì",
                "Thời hạn",
                "Ghi chú",
            ],
            &["I", "Cải cách thể chế", "", "", "", "", ""],
            &[
                "1",
                "Rà soát văn bản",
                "Ông A",
                "Báo cáo",
                "Phòng Tư pháp",
                "31/12/2023",
                "x",
            ],
        ]),
    ]
    .concat();
    let (_, diags) = check_doc("k.docx", &docx(&body), &[]);
    assert_eq!(
        at(&diags, "T003"),
        vec![(1, 3, serde_json::json!({"table": 2, "row": 1, "column": 3}))]
    );
    let t003 = diags.iter().find(|d| d["code"] == "T003").expect("T003");
    assert!(
        t003["message"]
            .as_str()
            .unwrap()
            .contains("Người phụ trách")
    );
    assert_eq!(t003["severity"], "warning");
}

#[test]
fn two_row_headers_read_years_and_lead_support_under_their_parent() {
    let body = [
        front(),
        tbl(&[
            &[
                "{restart}STT",
                "{restart}Nội dung nhiệm vụ",
                "{restart}Sản phẩm",
                "{span=2}Đơn vị thực hiện",
                "{span=2}Lộ trình",
            ],
            &[
                "{continue}",
                "{continue}",
                "{continue}",
                "Chủ trì",
                "Phối hợp",
                "2023",
                "2024",
            ],
            &["I", "Cải cách thể chế", "", "", "", "", ""],
            &[
                "1",
                "Rà soát văn bản",
                "Báo cáo rà soát",
                "Phòng Tư pháp",
                "Văn phòng Sở",
                "x",
                "Báo cáo tổng kết",
            ],
        ]),
    ]
    .concat();
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("k.docx");
    std::fs::write(&path, docx(&body)).expect("write");
    let out = cchc().arg("import").arg(&path).output().expect("run");
    let yaml = String::from_utf8(out.stdout).expect("utf-8");
    let arena = cchc::yaml::Arena::new();
    let tree = cchc::yaml::parse(&yaml, &arena, Default::default())
        .expect("YAML")
        .root
        .expect("root")
        .to_json();
    let t = &tree["tasks"][0];
    assert_eq!(t["lead"], "Phòng Tư pháp", "{yaml}");
    assert_eq!(t["support"], serde_json::json!(["Văn phòng Sở"]));
    assert_eq!(t["due"], "2023-2024", "due over the marked years");
    assert_eq!(
        t["schedule"]["2023"], "Rà soát văn bản",
        "a mark is the task's title"
    );
    assert_eq!(t["schedule"]["2024"], "Báo cáo tổng kết");
}

#[test]
fn a_document_without_a_task_table_is_t002_listing_its_tables() {
    let body = [
        front(),
        tbl(&[
            &["Công việc", "Người làm"],
            &["Ban hành kế hoạch", "Văn phòng"],
        ]),
    ]
    .concat();
    let (status, diags) = check_doc("k.docx", &docx(&body), &[]);
    assert_eq!(status, 1);
    assert_eq!(codes(&diags), ["T002"], "no other rule runs");
    let message = diags[0]["message"].as_str().unwrap();
    assert!(
        message.contains("Bảng 2: Công việc | Người làm"),
        "{message}"
    );
    // Body paragraph 1 after the header table: the document's start.
    assert_eq!(diags[0]["source"], serde_json::json!({"paragraph": 1}));
}

#[test]
fn missing_identity_is_p002_at_the_document_start() {
    let body = [
        p("KẾ HOẠCH"),
        p("Cải cách hành chính năm 2023"),
        tbl(&[
            HEADER,
            &["I", "Cải cách thể chế", "", "", "", ""],
            &["1", "Rà soát", "Báo cáo", "Phòng Tư pháp", "", "31/12/2023"],
        ]),
    ]
    .concat();
    let (_, diags) = check_doc("k.docx", &docx(&body), &["--select", "P"]);
    let p002: Vec<&Value> = diags.iter().filter(|d| d["code"] == "P002").collect();
    assert!(!p002.is_empty(), "{diags:?}");
    for d in &p002 {
        assert_eq!(d["source"], serde_json::json!({"paragraph": 1}), "{d}");
    }
    let messages: String = p002
        .iter()
        .map(|d| d["message"].as_str().unwrap())
        .collect();
    assert!(
        messages.contains("agency") && messages.contains("number"),
        "{messages}"
    );
}

#[test]
fn hostile_documents_end_in_t001() {
    // Not a zip: a legacy .doc renamed, or text.
    assert_hostile(
        "cu.docx",
        b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1 legacy",
        "T001",
    );
    assert_hostile("text.xlsx", b"plan: {}\n", "T001");
    // A zip bomb: one member inflating 1000 times.
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let deflate = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    zip.start_file("word/document.xml", deflate).expect("zip");
    let zeros = vec![b' '; 50 * 1024 * 1024];
    zip.write_all(&zeros).expect("zip");
    let bomb = zip.finish().expect("zip").into_inner();
    assert!(bomb.len() < 1024 * 1024, "{}", bomb.len());
    assert_hostile("bomb.docx", &bomb, "T001");
    // An entity declaration.
    let dtd = docx("").into_iter().collect::<Vec<u8>>();
    let with_dtd = String::from_utf8_lossy(&dtd).replace(
        "<w:document",
        "<!DOCTYPE w [<!ENTITY a \"aaaaaaaaaa\">]><w:document",
    );
    assert_hostile("dtd.docx", with_dtd.as_bytes(), "T001");
    // Too many columns.
    let wide: Vec<String> = (0..1001).map(|i| format!("c{i}")).collect();
    let wide: Vec<&str> = wide.iter().map(String::as_str).collect();
    assert_hostile("wide.docx", &docx(&tbl(&[&wide])), "T001");
    // A zip without a document part.
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    zip.start_file("a.txt", zip::write::SimpleFileOptions::default())
        .expect("zip");
    zip.write_all(b"x").expect("zip");
    assert_hostile(
        "empty.docx",
        &zip.finish().expect("zip").into_inner(),
        "T001",
    );
}

#[test]
fn office_files_are_walked_only_with_office() {
    let without = stdout_of(&[
        "check",
        "--format",
        "json",
        "--no-config",
        "examples/office",
    ]);
    let doc: Value = serde_json::from_str(&without).expect("JSON");
    assert_eq!(doc["summary"]["files_checked"], 0);
    let with = stdout_of(&[
        "check",
        "--format",
        "json",
        "--no-config",
        "--office",
        "examples/office",
    ]);
    let doc: Value = serde_json::from_str(&with).expect("JSON");
    let paths: Vec<&str> = doc["files"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["path"].as_str().unwrap())
        .collect();
    assert!(
        paths.contains(&"examples/office/so-tu-phap.docx")
            && paths.contains(&"examples/office/so-tu-phap.xlsx"),
        "{paths:?}"
    );
}

#[test]
fn each_office_mistake_example_shows_its_one_mistake() {
    let cases: &[(&str, &str, (u64, u64), Value)] = &[
        (
            "giao-cho-cac-phong.docx",
            "U002",
            (15, 6),
            serde_json::json!({"table": 3, "row": 15, "column": 6}),
        ),
        (
            "hai-don-vi-chu-tri.xlsx",
            "U002",
            (13, 6),
            serde_json::json!({"sheet": "Nhiệm vụ", "cell": "F13"}),
        ),
        (
            "thieu-nhom-linh-vuc.docx",
            "C001",
            (1, 1),
            serde_json::json!({"table": 3, "row": 1, "column": 1}),
        ),
        (
            "san-pham-la-hoat-dong.xlsx",
            "O002",
            (18, 5),
            serde_json::json!({"sheet": "Nhiệm vụ", "cell": "E18"}),
        ),
        (
            "ngay-kieu-my.xlsx",
            "P009",
            (16, 8),
            serde_json::json!({"sheet": "Nhiệm vụ", "cell": "H16"}),
        ),
        (
            "thieu-so-hieu.docx",
            "P002",
            (1, 1),
            serde_json::json!({"paragraph": 1}),
        ),
    ];
    for (file, code, place, source) in cases {
        let path = examples().join("office").join(file);
        let (_, diags) = check_doc(file, &std::fs::read(&path).expect("example"), &[]);
        assert_eq!(codes(&diags), [*code], "{file}: {diags:?}");
        assert_eq!(
            at(&diags, code),
            vec![(place.0, place.1, source.clone())],
            "{file}"
        );
    }
}

#[test]
fn human_output_shows_the_row_under_its_header_with_the_cell_marked() {
    let out = cchc()
        .args([
            "check",
            "--no-config",
            "examples/office/hai-don-vi-chu-tri.xlsx",
        ])
        .env("COLUMNS", "80")
        .output()
        .expect("run");
    let text = String::from_utf8(out.stdout).expect("utf-8");
    assert!(
        text.contains("sheet Nhiệm vụ, ô F13 (dòng 13, cột Đơn vị chủ trì)"),
        "{text}"
    );
    let lines: Vec<&str> = text.lines().collect();
    let header = lines
        .iter()
        .position(|l| l.contains("│ STT │ Nội dung nhiệm vụ"))
        .expect(&text);
    assert!(
        lines[header + 1].contains("13 │") && lines[header + 1].contains("Phòng Hành chính"),
        "{text}"
    );
    // The mark sits under the lead cell.
    let lead_at = lines[header].find("Đơn vị chủ trì").expect("lead header");
    let mark_at = lines[header + 2].find('─').expect("mark");
    assert_eq!(
        lines[header][..lead_at].chars().count(),
        lines[header + 2][..mark_at].chars().count(),
        "{text}"
    );
    assert!(lines.iter().all(|l| l.chars().count() <= 80), "{text}");
}

#[test]
fn sarif_and_json_name_the_cell() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let doc = super::formats::sarif_in(root, &["examples/office/hai-don-vi-chu-tri.xlsx"]);
    let r = &doc["runs"][0]["results"][0];
    assert!(
        r["message"]["text"]
            .as_str()
            .unwrap()
            .ends_with("(Nhiệm vụ!F13)"),
        "{r}"
    );
    assert_eq!(
        r["locations"][0]["logicalLocations"][0]["name"],
        "Nhiệm vụ!F13"
    );
    assert_eq!(
        r["locations"][0]["physicalLocation"]["region"]["startLine"],
        13
    );
    let out = stdout_of(&[
        "check",
        "--format",
        "json",
        "--no-config",
        "--office",
        "examples/office",
    ]);
    let json: Value = serde_json::from_str(&out).expect("JSON");
    let errors: Vec<String> = schema("report.schema.json")
        .iter_errors(&json)
        .map(|e| format!("{e} at {}", e.instance_path()))
        .collect();
    assert!(errors.is_empty(), "{errors:?}");
}

#[test]
fn the_excel_template_reads_back_with_only_the_to_do_list() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("ke-hoach.xlsx");
    let out = cchc()
        .args(["init", "--agency", "Sở Nội vụ"])
        .arg(&path)
        .output()
        .expect("run");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let bytes = std::fs::read(&path).expect("written");
    // Sheets, drop-down lists, header comments and frozen headers, as an office suite reads them.
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(&bytes)).expect("a zip");
    let mut part = |name: &str| {
        let mut s = String::new();
        std::io::Read::read_to_string(&mut zip.by_name(name).expect(name), &mut s).expect("utf-8");
        s
    };
    let book = part("xl/workbook.xml");
    for sheet in [
        "Thông tin",
        "Đơn vị",
        "Mục tiêu",
        "Nhiệm vụ",
        "Miễn trừ",
        "Danh mục",
    ] {
        assert!(
            book.contains(&format!("name=\"{sheet}\"")),
            "{sheet}: {book}"
        );
    }
    let tasks = part("xl/worksheets/sheet4.xml");
    assert!(
        tasks.contains("<dataValidation")
            && tasks.contains("<formula1>'Đơn vị'!$B$2:$B$200</formula1>"),
        "lead drop-down"
    );
    assert!(tasks.contains("state=\"frozen\""), "frozen header rows");
    assert!(
        part("xl/comments4.xml").contains("Đúng một đơn vị"),
        "header comments"
    );
    // Read back: the to-do diagnostics, no T diagnostic, identity asked where the sheet has it.
    let (status, diags) = check_doc("ke-hoach.xlsx", &bytes, &[]);
    assert_eq!(status, 1);
    let codes = codes(&diags);
    assert!(!codes.iter().any(|c| c.starts_with('T')), "{codes:?}");
    for todo in ["C001", "C002", "D001", "D002", "D003", "P002"] {
        assert!(
            codes.iter().any(|c| c == todo),
            "{todo} missing from {codes:?}"
        );
    }
    let p002 = diags.iter().find(|d| d["code"] == "P002").expect("P002");
    assert_eq!(
        p002["source"],
        serde_json::json!({"sheet": "Thông tin", "cell": "A1"})
    );
    assert!(p002["help"].as_str().unwrap().contains("sheet `Thông tin`"));
    // The agency given on the command line is read back.
    assert!(
        !diags
            .iter()
            .any(|d| d["code"] == "P002" && d["message"].as_str().unwrap().contains("`agency`"))
    );
}

#[test]
fn damaged_office_documents_never_panic() {
    // Every bundled document with bytes overwritten at spread positions (a damaged download,
    // a truncated copy), through the fuzz target's path: the zip reader and every format.
    for f in std::fs::read_dir(examples().join("office")).expect("dir") {
        let path = f.expect("entry").path();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        if cchc::source::office::Kind::of(&name).is_none() {
            continue;
        }
        let bytes = std::fs::read(&path).expect("read");
        for k in 0..40usize {
            let mut damaged = bytes.clone();
            let at = (k * 7919) % damaged.len();
            for b in damaged.iter_mut().skip(at).take(16) {
                *b = b.wrapping_mul(31).wrapping_add(k as u8);
            }
            cchc::fuzzing::check_document_and_render(&name, &damaged);
            cchc::fuzzing::check_document_and_render(&name, &bytes[..bytes.len() * k / 40]);
        }
    }
}
