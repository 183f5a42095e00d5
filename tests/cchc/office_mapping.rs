//! The mapping rules of OFFICE-FORMAT.md one by one, each on a small document
//! built here (Word parts zipped by hand, workbooks by `rust_xlsxwriter`):
//! what `cchc import` reads from it, and where `cchc check` points (the JSON
//! `line`/`column` and `source`).

#[allow(unused_imports)]
use super::*;

use rust_xlsxwriter::{ExcelDateTime, Format, Workbook};
use serde_json::{Value, json};

use super::office::{docx, p, tbl};

/// `cchc import` of a document: the YAML text and its tree as JSON.
fn import(name: &str, bytes: &[u8]) -> (String, Value) {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join(name);
    std::fs::write(&path, bytes).expect("write");
    let out = cchc().arg("import").arg(&path).output().expect("run");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let yaml = String::from_utf8(out.stdout).expect("utf-8");
    let arena = cchc::yaml::Arena::new();
    let tree = cchc::yaml::parse(&yaml, &arena, Default::default())
        .expect("YAML")
        .root
        .expect("root")
        .to_json();
    (yaml, tree)
}

/// `cchc check --format json --no-config` of a document: its diagnostics.
fn check(name: &str, bytes: &[u8], extra: &[&str]) -> Vec<Value> {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join(name);
    std::fs::write(&path, bytes).expect("write");
    let out = cchc()
        .args(["check", "--format", "json", "--no-config"])
        .args(extra)
        .arg(&path)
        .output()
        .expect("run");
    let doc: Value = serde_json::from_slice(&out.stdout).expect("JSON");
    doc["diagnostics"].as_array().expect("list").clone()
}

/// The `source` objects of the diagnostics of `code`.
fn sources(diags: &[Value], code: &str) -> Vec<Value> {
    diags
        .iter()
        .filter(|d| d["code"] == code)
        .map(|d| d["source"].clone())
        .collect()
}

/// A workbook of sheets, each a list of rows of cells; a cell `=date:Y-M-D` is
/// an Excel date cell formatted `dd/mm/yyyy`, a cell `=n:V` a number cell.
fn xlsx(sheets: &[(&str, &[&[&str]])]) -> Vec<u8> {
    let mut book = Workbook::new();
    let date = Format::new().set_num_format("dd/mm/yyyy");
    for (name, rows) in sheets {
        let sheet = book.add_worksheet();
        sheet.set_name(*name).expect("sheet name");
        for (r, row) in rows.iter().enumerate() {
            for (c, cell) in row.iter().enumerate() {
                let (r, c) = (r as u32, c as u16);
                if let Some(ymd) = cell.strip_prefix("=date:") {
                    let n: Vec<u16> = ymd.split('-').map(|x| x.parse().expect("ymd")).collect();
                    let day = ExcelDateTime::from_ymd(n[0], n[1] as u8, n[2] as u8).expect("date");
                    sheet
                        .write_datetime_with_format(r, c, &day, &date)
                        .expect("write");
                } else if let Some(v) = cell.strip_prefix("=n:") {
                    sheet
                        .write_number(r, c, v.parse::<f64>().expect("number"))
                        .expect("write");
                } else if !cell.is_empty() {
                    sheet.write_string(r, c, *cell).expect("write");
                }
            }
        }
    }
    book.save_to_buffer().expect("xlsx")
}

/// The identity sheet of a complete plan.
const IDENTITY: &[&[&str]] = &[
    &["Cơ quan", "Sở Tư pháp"],
    &["Số hiệu", "245/KH-STP"],
    &[
        "Tên kế hoạch",
        "Kế hoạch cải cách hành chính giai đoạn 2022-2025",
    ],
    &["Ngày ban hành", "10/12/2021"],
    &["Giai đoạn", "2022-2025"],
    &["Căn cứ", "76/NQ-CP; 08-NQ/TU"],
    &["Nguồn kinh phí", "Ngân sách nhà nước"],
];

const HEADER: &[&str] = &[
    "STT",
    "Nội dung nhiệm vụ",
    "Sản phẩm",
    "Đơn vị chủ trì",
    "Đơn vị phối hợp",
    "Thời gian hoàn thành",
];

#[test]
fn objectives_come_from_the_list_paragraphs_of_the_muc_tieu_section() {
    // Paragraph numbers: the header block is a table; KẾ HOẠCH is paragraph 1.
    let body = [
        tbl(&[&[
            "SỞ TƯ PHÁP\nSố: 245/KH-STP",
            "Bắc Kạn, ngày 10 tháng 12 năm 2021",
        ]]),
        p("KẾ HOẠCH"),                                                  // 1
        p("Cải cách hành chính giai đoạn 2022 – 2025"),                 // 2
        p(""),                                                          // 3
        p("I. MỤC TIÊU"),                                               // 4
        p("1. Mục tiêu chung"),                                         // 5
        p("- Xây dựng nền hành chính chuyên nghiệp, hiện đại đạt 90%"), // 6
        p("2. Mục tiêu cụ thể"),                                        // 7
        p("- Cải cách TTHC: 95,5% hồ sơ được giải quyết đúng hạn đến hết năm 2024"), // 8
        p("Cải cách thể chế:"),                                         // 9
        p("- Tỷ lệ văn bản được rà soát tăng 20% so với năm 2021"),     // 10
        p("- Nâng cao chất lượng văn bản"),                             // 11
        p("II. NHIỆM VỤ"),                                              // 12
        tbl(&[
            HEADER,
            &["I", "Cải cách thể chế", "", "", "", ""],
            &[
                "1",
                "Rà soát văn bản",
                "Báo cáo rà soát",
                "Phòng Tư pháp",
                "",
                "31/12/2023",
            ],
        ]),
    ]
    .concat();
    let bytes = docx(&body);
    let (yaml, tree) = import("k.docx", &bytes);
    let objectives = tree["objectives"].as_array().expect("objectives");
    assert_eq!(objectives.len(), 3, "not under `Mục tiêu chung`: {yaml}");
    let first = &objectives[0];
    assert_eq!(first["id"], "MT1");
    assert_eq!(first["area"], "procedures", "from `Cải cách TTHC:`");
    assert_eq!(
        first["target"],
        json!({"value": 95.5, "year": 2024}),
        "{yaml}"
    );
    assert_eq!(first["unit"], "%");
    assert!(yaml.contains("# Đoạn 8"), "source comment: {yaml}");
    let second = &objectives[1];
    assert_eq!(second["area"], "institutional", "from the area sub-heading");
    assert_eq!(
        second["target"],
        json!({"value": 20, "year": 2025}),
        "`so với năm 2021` is no target year: period.to"
    );
    assert!(objectives[2].get("target").is_none(), "{yaml}");
    // The unquantified one is Q001 at its paragraph.
    let diags = check("k.docx", &bytes, &["--select", "Q001"]);
    assert_eq!(
        sources(&diags, "Q001"),
        [json!({"paragraph": 11})],
        "{diags:?}"
    );
}

#[test]
fn funding_comes_from_the_kinh_phi_section_and_d004_points_at_its_heading() {
    let plan = |funding_text: &str| {
        [
            tbl(&[&[
                "SỞ TƯ PHÁP\nSố: 245/KH-STP",
                "Bắc Kạn, ngày 10 tháng 12 năm 2021",
            ]]),
            p("KẾ HOẠCH"),                                  // 1
            p("Cải cách hành chính giai đoạn 2022 – 2025"), // 2
            p(""),                                          // 3
            p("I. NHIỆM VỤ"),                               // 4
            tbl(&[
                HEADER,
                &["I", "Cải cách thể chế", "", "", "", ""],
                &[
                    "1",
                    "Rà soát văn bản",
                    "Báo cáo rà soát",
                    "Phòng Tư pháp",
                    "",
                    "31/12/2023",
                ],
            ]),
            p("III. KINH PHÍ THỰC HIỆN"), // 5
            p(funding_text),              // 6
        ]
        .concat()
    };
    let with = docx(&plan(
        "Kinh phí từ nguồn chi thường xuyên của ngân sách nhà nước và huy động xã hội hóa.",
    ));
    let (yaml, tree) = import("k.docx", &with);
    let mut funding: Vec<&str> = tree["resources"]["funding"]
        .as_array()
        .unwrap_or_else(|| panic!("funding: {yaml}"))
        .iter()
        .map(|f| f.as_str().expect("code"))
        .collect();
    funding.sort_unstable();
    assert_eq!(funding, ["regular_budget", "socialized", "state_budget"]);
    assert!(sources(&check("k.docx", &with, &["--select", "D004"]), "D004").is_empty());

    let without = docx(&plan("Các đơn vị tự cân đối."));
    let diags = check("k.docx", &without, &["--select", "D004"]);
    assert_eq!(
        sources(&diags, "D004"),
        [json!({"paragraph": 5})],
        "{diags:?}"
    );
}

#[test]
fn kind_audience_and_monthly_are_inferred_from_the_title_and_marked() {
    let body = [
        tbl(&[&[
            "SỞ TƯ PHÁP\nSố: 245/KH-STP",
            "Bắc Kạn, ngày 10 tháng 12 năm 2021",
        ]]),
        p("KẾ HOẠCH"),
        p("Cải cách hành chính năm 2023"),
        tbl(&[
            HEADER,
            &["I", "Chỉ đạo, điều hành", "", "", "", ""],
            &[
                "1",
                "Tuyên truyền về cải cách hành chính cho cán bộ, công chức, viên chức và người dân",
                "Tin, bài trên trang thông tin điện tử",
                "Văn phòng Sở",
                "",
                "31/12/2023",
            ],
            &[
                "2",
                "Tổ chức giao ban hằng tháng",
                "Biên bản giao ban",
                "Văn phòng Sở",
                "",
                "",
            ],
            &[
                "3",
                "Kiểm tra công tác cải cách hành chính",
                "Báo cáo kiểm tra",
                "Thanh tra Sở",
                "",
                "30/9/2023",
            ],
        ]),
    ]
    .concat();
    let (yaml, tree) = import("k.docx", &docx(&body));
    let tasks = tree["tasks"].as_array().expect("tasks");
    assert_eq!(tasks[0]["kind"], "communication", "{yaml}");
    let mut audience: Vec<&str> = tasks[0]["audience"]
        .as_array()
        .expect("audience")
        .iter()
        .map(|a| a.as_str().expect("code"))
        .collect();
    audience.sort_unstable();
    assert_eq!(audience, ["citizens", "staff"]);
    assert_eq!(tasks[1]["kind"], "briefing");
    assert_eq!(tasks[1]["due"], "hằng tháng", "PLAN-FORMAT.md's `monthly`");
    assert_eq!(tasks[2]["kind"], "inspection");
    assert!(
        yaml.contains(&format!("kind: communication  {}", cchc::import::INFERRED))
            && yaml.contains(&format!("due: hằng tháng  {}", cchc::import::INFERRED)),
        "inferred values are marked: {yaml}"
    );
}

#[test]
fn a_kind_or_due_the_document_states_is_not_inferred() {
    let body = [
        tbl(&[&[
            "SỞ TƯ PHÁP\nSố: 245/KH-STP",
            "Bắc Kạn, ngày 10 tháng 12 năm 2021",
        ]]),
        p("KẾ HOẠCH"),
        p("Cải cách hành chính năm 2023"),
        tbl(&[
            &[
                "STT",
                "Nội dung nhiệm vụ",
                "Loại",
                "Sản phẩm",
                "Đơn vị chủ trì",
                "Thời hạn",
            ],
            &["I", "Chỉ đạo, điều hành", "", "", "", ""],
            &[
                "1",
                "Tổ chức giao ban hằng tháng",
                "inspection",
                "Biên bản",
                "Văn phòng Sở",
                "30/6/2023",
            ],
        ]),
    ]
    .concat();
    let (yaml, tree) = import("k.docx", &docx(&body));
    assert_eq!(tree["tasks"][0]["kind"], "inspection", "{yaml}");
    assert_eq!(tree["tasks"][0]["due"], "30/6/2023");
    assert!(!yaml.contains(cchc::import::INFERRED), "{yaml}");
}

#[test]
fn budgets_follow_the_locale_and_the_unit_in_the_header() {
    let body = [
        tbl(&[&[
            "SỞ TƯ PHÁP\nSố: 245/KH-STP",
            "Bắc Kạn, ngày 10 tháng 12 năm 2021",
        ]]),
        p("KẾ HOẠCH"),
        p("Cải cách hành chính năm 2023"),
        tbl(&[
            &[
                "STT",
                "Nội dung nhiệm vụ",
                "Sản phẩm",
                "Đơn vị chủ trì",
                "Thời hạn",
                "Kinh phí (triệu đồng)",
            ],
            &["I", "Cải cách thể chế", "", "", "", ""],
            &[
                "1",
                "Rà soát văn bản",
                "Báo cáo",
                "Phòng Tư pháp",
                "31/12/2023",
                "1,5",
            ],
            &[
                "2",
                "Hệ thống hóa văn bản",
                "Báo cáo",
                "Phòng Tư pháp",
                "31/12/2023",
                "150.000",
            ],
            &[
                "3",
                "Số hóa văn bản",
                "Cơ sở dữ liệu",
                "Phòng Tư pháp",
                "31/12/2023",
                "2.5",
            ],
        ]),
        tbl(&[
            &[
                "STT",
                "Nội dung nhiệm vụ",
                "Sản phẩm",
                "Đơn vị chủ trì",
                "Thời hạn",
                "Kinh phí (đồng)",
            ],
            &[
                "1",
                "In tài liệu",
                "Tài liệu",
                "Phòng Tư pháp",
                "31/12/2023",
                "150 000 000",
            ],
        ]),
    ]
    .concat();
    let (yaml, tree) = import("k.docx", &docx(&body));
    let budgets: Vec<f64> = tree["tasks"]
        .as_array()
        .expect("tasks")
        .iter()
        .map(|t| t["budget_vnd"].as_f64().unwrap_or_else(|| panic!("{yaml}")))
        .collect();
    assert_eq!(
        budgets,
        [1_500_000.0, 150_000_000_000.0, 2_500_000.0, 150_000_000.0]
    );
    let ids: Vec<&str> = tree["tasks"]
        .as_array()
        .expect("tasks")
        .iter()
        .map(|t| t["id"].as_str().expect("id"))
        .collect();
    assert_eq!(
        ids,
        ["NV1", "NV2", "NV3", "NV4"],
        "numbered on across tables"
    );
}

#[test]
fn locale_numbers_in_objective_cells() {
    let body = [
        tbl(&[&[
            "SỞ TƯ PHÁP\nSố: 245/KH-STP",
            "Bắc Kạn, ngày 10 tháng 12 năm 2021",
        ]]),
        p("KẾ HOẠCH"),
        p("Cải cách hành chính giai đoạn 2022 – 2025"),
        tbl(&[
            &[
                "STT",
                "Chỉ tiêu",
                "Đơn vị tính",
                "Cơ sở năm 2021",
                "Mục tiêu đến năm 2025",
                "Xu hướng",
            ],
            &["1", "Tỷ lệ hồ sơ đúng hạn", "", "88,5%", "95%", "tăng"],
            &[
                "2",
                "Thời gian giải quyết hồ sơ",
                "ngày",
                "12",
                "7,5",
                "giảm",
            ],
        ]),
        tbl(&[
            HEADER,
            &["I", "Cải cách thể chế", "", "", "", ""],
            &[
                "1",
                "Rà soát văn bản",
                "Báo cáo rà soát",
                "Phòng Tư pháp",
                "",
                "31/12/2023",
            ],
        ]),
    ]
    .concat();
    let (yaml, tree) = import("k.docx", &docx(&body));
    let o = &tree["objectives"];
    assert_eq!(
        o[0]["baseline"],
        json!({"year": 2021, "value": 88.5}),
        "{yaml}"
    );
    assert_eq!(o[0]["target"], json!({"year": 2025, "value": 95}));
    assert_eq!(o[0]["unit"], "%", "the % of the cell");
    assert_eq!(o[0]["direction"], "tăng", "names stay names");
    assert_eq!(o[1]["target"]["value"], 7.5);
    assert_eq!(o[1]["unit"], "ngày");
    assert_eq!(o[1]["direction"], "giảm");
    assert!(yaml.contains("# Bảng 2, dòng 2"), "{yaml}");
}

#[test]
fn an_excel_date_cell_is_that_day_and_a_text_date_is_read_day_first() {
    let bytes = xlsx(&[
        ("Thông tin", IDENTITY),
        (
            "Nhiệm vụ",
            &[
                HEADER,
                &["I", "Cải cách thể chế", "", "", "", ""],
                &[
                    "1",
                    "Rà soát văn bản",
                    "Báo cáo",
                    "Phòng Tư pháp",
                    "",
                    "=date:2023-06-30",
                ],
                &[
                    "2",
                    "Hệ thống hóa văn bản",
                    "Báo cáo",
                    "Phòng Tư pháp",
                    "",
                    "05/12/2023",
                ],
                &[
                    "3",
                    "Số hóa văn bản",
                    "Cơ sở dữ liệu",
                    "Phòng Tư pháp",
                    "",
                    "12/31/2023",
                ],
            ],
        ),
    ]);
    let (yaml, tree) = import("k.xlsx", &bytes);
    assert_eq!(tree["tasks"][0]["due"], "2023-06-30", "{yaml}");
    assert_eq!(tree["tasks"][1]["due"], "05/12/2023");
    assert!(yaml.contains("# Nhiệm vụ!B3"), "{yaml}");
    // The month-first date is P009 at its cell (sheet row 5, column F).
    let diags = check("k.xlsx", &bytes, &["--select", "P009"]);
    assert_eq!(
        sources(&diags, "P009"),
        [json!({"sheet": "Nhiệm vụ", "cell": "F5"})],
        "{diags:?}"
    );
}

#[test]
fn identity_from_the_information_sheet_and_from_the_appendix_line() {
    // The `Thông tin` sheet gives every field.
    let bytes = xlsx(&[
        ("Thông tin", IDENTITY),
        (
            "Nhiệm vụ",
            &[
                HEADER,
                &["I", "Cải cách thể chế", "", "", "", ""],
                &[
                    "1",
                    "Rà soát văn bản",
                    "Báo cáo",
                    "Phòng Tư pháp",
                    "",
                    "31/12/2023",
                ],
            ],
        ),
    ]);
    let (yaml, tree) = import("k.xlsx", &bytes);
    let plan = &tree["plan"];
    assert_eq!(plan["agency"], "Sở Tư pháp", "{yaml}");
    assert_eq!(plan["number"], "245/KH-STP");
    assert_eq!(plan["issued"], "10/12/2021");
    assert_eq!(plan["period"], json!({"from": 2022, "to": 2025}));
    assert_eq!(plan["implements"], json!(["76/NQ-CP", "08-NQ/TU"]));
    assert_eq!(tree["resources"]["funding"], json!(["state_budget"]));
    assert!(sources(&check("k.xlsx", &bytes, &["--select", "P002"]), "P002").is_empty());

    // Without it, the title line above the table gives number, issued, agency.
    let bytes = xlsx(&[(
        "Phụ lục",
        &[
            &["DANH MỤC NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH NĂM 2023"],
            &["(Kèm theo Kế hoạch số 245/KH-STP ngày 10/12/2021 của Sở Tư pháp)"],
            HEADER,
            &["I", "Cải cách thể chế", "", "", "", ""],
            &[
                "1",
                "Rà soát văn bản",
                "Báo cáo",
                "Phòng Tư pháp",
                "",
                "31/12/2023",
            ],
        ],
    )]);
    let (yaml, tree) = import("k.xlsx", &bytes);
    let plan = &tree["plan"];
    assert_eq!(plan["number"], "245/KH-STP", "{yaml}");
    assert_eq!(plan["issued"], "10/12/2021");
    assert_eq!(plan["agency"], "Sở Tư pháp");
    // What the line does not give is P002 at A1 of the first sheet.
    let diags = check("k.xlsx", &bytes, &["--select", "P002"]);
    let p002 = sources(&diags, "P002");
    assert!(!p002.is_empty(), "title and period are missing: {diags:?}");
    for s in p002 {
        assert_eq!(s, json!({"sheet": "Phụ lục", "cell": "A1"}));
    }
}

#[test]
fn arabic_sub_groups_close_at_their_level_and_roman_groups_above_them() {
    let body = [
        tbl(&[&[
            "SỞ TƯ PHÁP\nSố: 245/KH-STP",
            "Bắc Kạn, ngày 10 tháng 12 năm 2021",
        ]]),
        p("KẾ HOẠCH"),
        p("Cải cách hành chính năm 2023"),
        tbl(&[
            HEADER,                                                 // 1
            &["II", "Cải cách thủ tục hành chính", "", "", "", ""], // 2
            &["1", "Chỉ số Gia nhập thị trường", "", "", "", ""],   // 3
            &[
                "a",
                "Rút ngắn thời gian đăng ký",
                "Quyết định",
                "Văn phòng Sở",
                "",
                "30/6/2023",
            ], // 4
            &["2", "Chỉ số Tiếp cận đất đai", "", "", "", ""],      // 5
            &[
                "a",
                "Công khai quy hoạch",
                "Danh mục",
                "Văn phòng Sở",
                "",
                "30/6/2023",
            ], // 6
            &[
                "III",
                "Nhiệm vụ nâng cao năng lực cạnh tranh cấp tỉnh",
                "",
                "",
                "",
                "",
            ], // 7
            &[
                "1",
                "Hỗ trợ doanh nghiệp khởi nghiệp",
                "Kế hoạch",
                "Văn phòng Sở",
                "",
                "30/6/2023",
            ], // 8
        ]),
    ]
    .concat();
    let (yaml, tree) = import("k.docx", &docx(&body));
    let tasks = tree["tasks"].as_array().expect("tasks");
    assert_eq!(tasks.len(), 3, "{yaml}");
    assert_eq!(tasks[0]["area"], "procedures");
    assert_eq!(
        tasks[0]["competitiveness"],
        json!(["market_entry"]),
        "{yaml}"
    );
    assert_eq!(
        tasks[1]["competitiveness"],
        json!(["land_access"]),
        "the sibling `2.` closed `1.`"
    );
    assert_eq!(
        tasks[1]["area"], "procedures",
        "the Roman group is still open"
    );
    assert!(
        tasks[2].get("competitiveness").is_none() && tasks[2].get("area").is_none(),
        "`III` closed `II` and its sub-groups and names nothing: {yaml}"
    );
    // The task with no area is P002 at its title cell: table 2, row 8.
    let diags = check("k.docx", &docx(&body), &["--select", "P002"]);
    assert_eq!(
        sources(&diags, "P002"),
        [json!({"table": 2, "row": 8, "column": 2})],
        "{diags:?}"
    );
}

/// Every header name of OFFICE-FORMAT.md's task table: the field it names,
/// the names, a cell and what `cchc import` reads from that cell.
fn task_header_cases() -> Vec<(&'static str, Vec<&'static str>, &'static str, Value)> {
    vec![
        (
            "title",
            vec![
                "Nhiệm vụ",
                "Nội dung",
                "Nội dung nhiệm vụ",
                "Nội dung công việc",
                "Tên nhiệm vụ",
                "Nhiệm vụ, giải pháp",
                "Nội dung thực hiện",
                "Nhiệm vụ cụ thể",
            ],
            "Rà soát văn bản",
            json!("Rà soát văn bản"),
        ),
        (
            "area",
            vec![
                "Nội dung CCHC",
                "Lĩnh vực",
                "Lĩnh vực CCHC",
                "Nhóm nhiệm vụ",
            ],
            "Cải cách thủ tục hành chính",
            json!("Cải cách thủ tục hành chính"),
        ),
        (
            "output",
            vec![
                "Sản phẩm",
                "Sản phẩm đầu ra",
                "Sản phẩm dự kiến",
                "Kết quả",
                "Kết quả, sản phẩm",
                "Sản phẩm, kết quả",
                "Hình thức sản phẩm",
                "Kết quả dự kiến",
            ],
            "Báo cáo rà soát",
            json!("Báo cáo rà soát"),
        ),
        (
            "lead",
            vec![
                "Đơn vị chủ trì",
                "Cơ quan chủ trì",
                "Chủ trì",
                "Đơn vị thực hiện",
                "Bộ phận chủ trì",
                "Cơ quan, đơn vị chủ trì",
                "Đơn vị chủ trì thực hiện",
                "Cơ quan, đơn vị chủ trì thực hiện",
                "Cơ quan chủ trì thực hiện",
            ],
            "Thanh tra Sở",
            json!("Thanh tra Sở"),
        ),
        (
            "support",
            vec![
                "Đơn vị phối hợp",
                "Cơ quan phối hợp",
                "Phối hợp",
                "Cơ quan, đơn vị phối hợp",
                "Đơn vị phối hợp thực hiện",
            ],
            "Văn phòng Sở",
            json!(["Văn phòng Sở"]),
        ),
        (
            "due",
            vec![
                "Thời gian hoàn thành",
                "Thời hạn",
                "Thời hạn hoàn thành",
                "Thời gian thực hiện",
                "Tiến độ",
                "Tiến độ thực hiện",
                "Thời gian",
                "Thời gian kết thúc",
                "Thời gian hoàn thành dự kiến",
            ],
            "Quý III năm 2023",
            json!("Quý III năm 2023"),
        ),
        (
            "kind",
            vec!["Loại", "Loại nhiệm vụ"],
            "inspection",
            json!("inspection"),
        ),
        (
            "audience",
            vec!["Đối tượng", "Đối tượng tuyên truyền"],
            "Người dân; doanh nghiệp",
            json!(["Người dân", "doanh nghiệp"]),
        ),
        (
            "competitiveness",
            vec![
                "Chỉ số PCI",
                "Chỉ số thành phần",
                "Chỉ số thành phần PCI",
                "PCI",
            ],
            "Gia nhập thị trường, Tính minh bạch",
            json!(["Gia nhập thị trường", "Tính minh bạch"]),
        ),
        (
            "focus",
            vec!["Nhiệm vụ trọng tâm"],
            "job_positions",
            json!(["job_positions"]),
        ),
        (
            "budget_vnd",
            vec![
                "Kinh phí",
                "Kinh phí (đồng)",
                "Kinh phí thực hiện",
                "Dự toán",
                "Dự kiến kinh phí",
                "Kinh phí dự kiến",
            ],
            "5.000.000",
            json!(5_000_000),
        ),
    ]
}

#[test]
fn every_task_header_name_reads_its_field() {
    // The base table; a case replaces the column of its field or adds one.
    let base: [(&str, &str, &str); 5] = [
        ("number", "STT", "1"),
        ("title", "Nội dung nhiệm vụ", "Rà soát văn bản"),
        ("output", "Sản phẩm", "Báo cáo rà soát"),
        ("lead", "Đơn vị chủ trì", "Thanh tra Sở"),
        ("due", "Thời hạn", "Quý III năm 2023"),
    ];
    let mut wrong = Vec::new();
    for (field, names, cell, read) in task_header_cases() {
        for name in names {
            let mut header: Vec<&str> = Vec::new();
            let mut row: Vec<&str> = Vec::new();
            for (f, h, c) in base {
                if f == field {
                    header.push(name);
                    row.push(cell);
                } else {
                    header.push(h);
                    row.push(c);
                }
            }
            if !base.iter().any(|(f, _, _)| *f == field) {
                header.push(name);
                row.push(cell);
            }
            let body = [
                p("KẾ HOẠCH"),
                tbl(&[&header, &["I", "Cải cách thể chế", "", "", ""], &row]),
            ]
            .concat();
            let (yaml, tree) = import("k.docx", &docx(&body));
            let got = &tree["tasks"][0][field];
            // An own cell wins over the open group row (`area`); names stay names.
            let expected = read.clone();
            if *got != expected {
                wrong.push(format!("{name:?} → {field}: {got} ≠ {expected}\n{yaml}"));
            }
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn every_objective_header_name_reads_its_field() {
    let cases: &[(&str, &str, Value)] = &[
        ("Mục tiêu", "statement", json!("Tỷ lệ hồ sơ đúng hạn")),
        ("Chỉ tiêu", "statement", json!("Tỷ lệ hồ sơ đúng hạn")),
        (
            "Nội dung chỉ tiêu",
            "statement",
            json!("Tỷ lệ hồ sơ đúng hạn"),
        ),
        ("Tên chỉ tiêu", "statement", json!("Tỷ lệ hồ sơ đúng hạn")),
        (
            "Nội dung mục tiêu",
            "statement",
            json!("Tỷ lệ hồ sơ đúng hạn"),
        ),
    ];
    let mut wrong = Vec::new();
    for (name, field, read) in cases {
        let body = [
            p("KẾ HOẠCH"),
            p("Cải cách hành chính giai đoạn 2022 – 2025"),
            tbl(&[
                &[
                    "STT",
                    name,
                    "Lĩnh vực",
                    "Chỉ số",
                    "ĐVT",
                    "Hiện trạng",
                    "Giá trị mục tiêu",
                    "Chiều",
                ],
                &[
                    "1",
                    "Tỷ lệ hồ sơ đúng hạn",
                    "Cải cách TTHC",
                    "online_services",
                    "%",
                    "80",
                    "95",
                    "tăng",
                ],
            ]),
            tbl(&[
                HEADER,
                &["I", "Cải cách thể chế", "", "", "", ""],
                &[
                    "1",
                    "Rà soát văn bản",
                    "Báo cáo rà soát",
                    "Phòng Tư pháp",
                    "",
                    "31/12/2023",
                ],
            ]),
        ]
        .concat();
        let (yaml, tree) = import("k.docx", &docx(&body));
        let o = &tree["objectives"][0];
        if o[*field] != *read {
            wrong.push(format!("{name:?}: {} ≠ {read}\n{yaml}", o[*field]));
        }
        let expected = json!({
            "id": "MT1",
            "area": "Cải cách TTHC",
            "statement": "Tỷ lệ hồ sơ đúng hạn",
            "indicator": "online_services",
            "unit": "%",
            "baseline": {"value": 80},
            "target": {"value": 95, "year": 2025},
            "direction": "tăng",
        });
        if *o != expected {
            wrong.push(format!("{name:?}: {o} ≠ {expected}"));
        }
    }
    // The other names of each objective field, in a table of only that and a statement.
    let others: &[(&str, &str, &str, Value)] = &[
        (
            "Nội dung CCHC",
            "area",
            "Cải cách thể chế",
            json!("Cải cách thể chế"),
        ),
        (
            "Nhóm nhiệm vụ",
            "area",
            "Cải cách thể chế",
            json!("Cải cách thể chế"),
        ),
        (
            "Lĩnh vực CCHC",
            "area",
            "Cải cách thể chế",
            json!("Cải cách thể chế"),
        ),
        (
            "Mã chỉ số",
            "indicator",
            "online_services",
            json!("online_services"),
        ),
        ("Đơn vị tính", "unit", "%", json!("%")),
        ("Giá trị cơ sở", "baseline", "60", json!({"value": 60})),
        ("Cơ sở", "baseline", "60", json!({"value": 60})),
        (
            "Hiện trạng (2021)",
            "baseline",
            "60",
            json!({"value": 60, "year": 2021}),
        ),
        (
            "Mục tiêu đến năm 2024",
            "target",
            "90",
            json!({"value": 90, "year": 2024}),
        ),
        (
            "Chỉ tiêu năm 2024",
            "target",
            "90",
            json!({"value": 90, "year": 2024}),
        ),
        (
            "Chỉ tiêu đến hết năm 2024",
            "target",
            "90",
            json!({"value": 90, "year": 2024}),
        ),
        ("Xu hướng", "direction", "giảm", json!("giảm")),
        ("Chiều", "direction", "decrease", json!("decrease")),
    ];
    for (name, field, cell, read) in others {
        let body = [
            p("KẾ HOẠCH"),
            p("Cải cách hành chính giai đoạn 2022 – 2025"),
            tbl(&[
                &["STT", "Chỉ tiêu", name, "2025"],
                &["1", "Tỷ lệ hồ sơ đúng hạn", cell, "95"],
            ]),
            tbl(&[
                HEADER,
                &["I", "Cải cách thể chế", "", "", "", ""],
                &[
                    "1",
                    "Rà soát văn bản",
                    "Báo cáo rà soát",
                    "Phòng Tư pháp",
                    "",
                    "31/12/2023",
                ],
            ]),
        ]
        .concat();
        let (yaml, tree) = import("k.docx", &docx(&body));
        let o = &tree["objectives"][0];
        if o[*field] != *read {
            wrong.push(format!(
                "{name:?} → {field}: {} ≠ {read}\n{yaml}",
                o[*field]
            ));
        }
        if o["milestones"] != json!({"2025": 95}) {
            wrong.push(format!("{name:?}: milestones {}", o["milestones"]));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

/// The workbook `bytes` with text written into cells (sheet number from 1,
/// `A1` reference, text), as an officer fills them in: inline strings in the
/// sheet's XML, replacing what the cell held; nothing else changes.
fn fill(bytes: &[u8], cells: &[(usize, &str, &str)]) -> Vec<u8> {
    use std::io::{Read as _, Write as _};
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("a zip");
    let mut out = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for i in 0..zip.len() {
        let mut member = zip.by_index(i).expect("member");
        let name = member.name().expect("member name").to_string();
        let mut data = Vec::new();
        member.read_to_end(&mut data).expect("read");
        let sheet = name
            .strip_prefix("xl/worksheets/sheet")
            .and_then(|n| n.strip_suffix(".xml"))
            .and_then(|n| n.parse::<usize>().ok());
        if let Some(sheet) = sheet {
            let mut xml = String::from_utf8(data).expect("utf-8");
            for (_, cell, text) in cells.iter().filter(|(s, _, _)| *s == sheet) {
                xml = put_cell(&xml, cell, text);
            }
            data = xml.into_bytes();
        }
        out.start_file(name, zip::write::SimpleFileOptions::default())
            .expect("zip");
        out.write_all(&data).expect("zip");
    }
    out.finish().expect("zip").into_inner()
}

/// One cell written into a sheet's XML: the old `<c>` removed, the new one
/// added to its row, the row created in order when the sheet had none.
fn put_cell(xml: &str, cell: &str, text: &str) -> String {
    let row: u32 = cell
        .trim_start_matches(|c: char| c.is_ascii_uppercase())
        .parse()
        .expect("row");
    let escaped = text
        .replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;");
    let new = format!(
        r#"<c r="{cell}" t="inlineStr"><is><t xml:space="preserve">{escaped}</t></is></c>"#
    );
    let mut xml = xml.to_owned();
    if let Some(start) = xml.find(&format!(r#"<c r="{cell}""#)) {
        let rest = &xml[start..];
        let open_end = rest.find('>').expect("tag end");
        let end = if rest[..open_end].ends_with('/') {
            open_end + 1
        } else {
            rest.find("</c>").expect("cell end") + "</c>".len()
        };
        xml.replace_range(start..start + end, "");
    }
    if let Some(start) = xml.find(&format!(r#"<row r="{row}""#)) {
        let close = start + xml[start..].find("</row>").expect("row end");
        xml.insert_str(close, &new);
        return xml;
    }
    // The first row after it, else the end of the sheet data.
    let mut at = xml.find("</sheetData>").expect("sheet data");
    let mut from = 0;
    while let Some(i) = xml[from..].find("<row r=\"") {
        let i = from + i;
        let n: u32 = xml[i + 8..]
            .split('"')
            .next()
            .and_then(|n| n.parse().ok())
            .expect("row number");
        if n > row {
            at = i;
            break;
        }
        from = i + 1;
    }
    xml.insert_str(at, &format!(r#"<row r="{row}">{new}</row>"#));
    xml
}

#[test]
fn the_excel_template_filled_with_a_complete_plan_gives_no_diagnostic() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("ke-hoach.xlsx");
    let out = cchc()
        .args(["init", "--agency", "Sở Tư pháp", "--period", "2022-2025"])
        .arg(&path)
        .output()
        .expect("run");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let template = std::fs::read(&path).expect("written");
    // Sheets: 1 Thông tin, 2 Đơn vị, 3 Mục tiêu, 4 Nhiệm vụ, 5 Miễn trừ.
    let mut cells: Vec<(usize, String, String)> = Vec::new();
    let mut put = |sheet: usize, row: u32, values: &[&str]| {
        for (i, v) in values.iter().enumerate() {
            if !v.is_empty() {
                let col = char::from(b'A' + i as u8);
                cells.push((sheet, format!("{col}{row}"), (*v).to_owned()));
            }
        }
    };
    put(1, 3, &["", "245/KH-STP"]);
    put(
        1,
        4,
        &[
            "",
            "Kế hoạch cải cách hành chính giai đoạn 2022-2025 của Sở Tư pháp",
        ],
    );
    put(1, 5, &["", "10/12/2021"]);
    put(1, 8, &["", "Kinh phí chi thường xuyên"]);
    for (r, (id, name)) in [
        ("VP", "Văn phòng Sở"),
        ("HCTP", "Phòng Hành chính tư pháp"),
        (
            "XDKT",
            "Phòng Xây dựng, kiểm tra và theo dõi thi hành pháp luật",
        ),
        ("PBGD", "Phòng Phổ biến giáo dục pháp luật"),
        ("TTra", "Thanh tra Sở"),
        ("TTTG", "Trung tâm Trợ giúp pháp lý nhà nước"),
    ]
    .iter()
    .enumerate()
    {
        put(2, r as u32 + 2, &[id, name]);
    }
    // STT, Mục tiêu, Lĩnh vực, Chỉ số, Đơn vị tính, Cơ sở năm 2021, 2022–2025, Mục tiêu đến năm 2025, Xu hướng.
    let objectives: &[&[&str]] = &[
        &[
            "1",
            "Đến năm 2025, 100% TTHC của Sở được cung cấp dịch vụ công trực tuyến toàn trình",
            "Cải cách thủ tục hành chính",
            "Tỷ lệ thủ tục hành chính được cung cấp dịch vụ công trực tuyến mức độ 3, 4 (toàn trình)",
            "%",
            "35",
            "60",
            "80",
            "90",
            "100",
            "100",
            "tăng",
        ],
        &[
            "2",
            "Mức độ hài lòng của người dân, doanh nghiệp về giải quyết TTHC đạt từ 95% trở lên",
            "Cải cách thủ tục hành chính",
            "Mức độ hài lòng của người dân, doanh nghiệp về giải quyết thủ tục hành chính",
            "%",
            "88",
            "90",
            "92",
            "94",
            "95",
            "95",
            "tăng",
        ],
        &[
            "3",
            "100% văn bản quy phạm pháp luật của tỉnh được rà soát, hệ thống hóa đúng kỳ",
            "Cải cách thể chế",
            "",
            "%",
            "",
            "100",
            "100",
            "100",
            "100",
            "100",
            "",
        ],
        &[
            "4",
            "Giảm số phòng chuyên môn và đơn vị sự nghiệp trực thuộc từ 8 xuống 6",
            "Cải cách tổ chức bộ máy hành chính nhà nước",
            "",
            "đơn vị",
            "8",
            "8",
            "7",
            "7",
            "6",
            "6",
            "giảm",
        ],
        &[
            "5",
            "100% công chức, viên chức được bố trí đúng vị trí việc làm đã phê duyệt",
            "Cải cách chế độ công vụ",
            "",
            "%",
            "",
            "90",
            "95",
            "100",
            "100",
            "100",
            "",
        ],
        &[
            "6",
            "Trung tâm Trợ giúp pháp lý tự bảo đảm một phần chi thường xuyên",
            "Cải cách tài chính công",
            "",
            "%",
            "5",
            "8",
            "12",
            "16",
            "20",
            "20",
            "",
        ],
        &[
            "7",
            "100% hồ sơ TTHC được số hóa khi tiếp nhận và trả kết quả",
            "Xây dựng, phát triển Chính phủ điện tử, Chính phủ số",
            "Tỷ lệ người dùng dịch vụ công trực tuyến được định danh và xác thực điện tử",
            "%",
            "",
            "70",
            "85",
            "95",
            "100",
            "100",
            "",
        ],
    ];
    for (i, row) in objectives.iter().enumerate() {
        put(3, i as u32 + 3, row);
    }
    // STT, Nội dung nhiệm vụ, Lĩnh vực, Loại, Đối tượng, Sản phẩm, Chủ trì, Phối hợp, Thời gian,
    // 2022–2025, Chỉ số PCI, Nhiệm vụ trọng tâm: into the blank rows under each group row.
    let tasks: &[(u32, &[&str])] = &[
        (
            4,
            &[
                "1",
                "Ban hành kế hoạch CCHC hằng năm của Sở",
                "",
                "Văn bản chỉ đạo",
                "",
                "Kế hoạch CCHC năm của Sở",
                "Văn phòng Sở",
                "",
                "Hằng năm",
            ],
        ),
        (
            5,
            &[
                "2",
                "Đưa nội dung CCHC vào thảo luận tại cuộc họp giao ban hằng tháng",
                "",
                "Giao ban",
                "",
                "Thông báo kết luận cuộc họp giao ban",
                "Văn phòng Sở",
                "",
                "Hằng tháng",
            ],
        ),
        (
            7,
            &[
                "1",
                "Rà soát, hệ thống hóa văn bản quy phạm pháp luật của tỉnh",
                "",
                "",
                "",
                "Quyết định công bố kết quả hệ thống hóa văn bản quy phạm pháp luật",
                "Phòng Xây dựng, kiểm tra và theo dõi thi hành pháp luật",
                "",
                "Quý IV hằng năm",
                "",
                "",
                "",
                "",
                "Thiết chế pháp lý và an ninh trật tự\nCạnh tranh bình đẳng",
                "Đổi mới và nâng cao chất lượng xây dựng, ban hành văn bản quy phạm pháp luật và tổ chức thi hành pháp luật",
            ],
        ),
        (
            10,
            &[
                "1",
                "Rà soát, đơn giản hóa TTHC thuộc thẩm quyền giải quyết của Sở",
                "",
                "",
                "",
                "Báo cáo kết quả rà soát và phương án đơn giản hóa TTHC",
                "Phòng Hành chính tư pháp",
                "Văn phòng Sở",
                "Hằng năm",
                "",
                "",
                "",
                "",
                "Chi phí thời gian để thực hiện các quy định của Nhà nước\nGia nhập thị trường",
                "Cải cách thủ tục hành chính một cách quyết liệt, thực chất, hiệu quả hơn",
            ],
        ),
        (
            11,
            &[
                "2",
                "Khảo sát mức độ hài lòng của người dân, doanh nghiệp về giải quyết TTHC",
                "",
                "Khảo sát",
                "",
                "Báo cáo kết quả khảo sát mức độ hài lòng",
                "Văn phòng Sở",
                "",
                "Quý IV/2022",
                "",
                "",
                "",
                "",
                "Dịch vụ hỗ trợ doanh nghiệp",
            ],
        ),
        (
            13,
            &[
                "1",
                "Rà soát, sắp xếp lại các phòng chuyên môn và đơn vị sự nghiệp trực thuộc",
                "",
                "",
                "",
                "Đề án sắp xếp tổ chức bộ máy của Sở",
                "Văn phòng Sở",
                "",
                "30/6/2023",
                "",
                "",
                "",
                "",
                "",
                "Rà soát, sắp xếp tinh gọn tổ chức bộ máy và kiện toàn chức năng, nhiệm vụ các cơ quan hành chính, đơn vị sự nghiệp công lập",
            ],
        ),
        (
            16,
            &[
                "1",
                "Rà soát, điều chỉnh đề án vị trí việc làm",
                "",
                "",
                "",
                "Đề án vị trí việc làm được phê duyệt",
                "Văn phòng Sở",
                "",
                "Tháng 6/2023",
                "",
                "",
                "",
                "",
                "",
                "Xây dựng đề án vị trí việc làm hoặc đề án điều chỉnh vị trí việc làm\nThực hiện nghiêm các quy định về quản lý, sử dụng cán bộ, công chức, viên chức",
            ],
        ),
        (
            17,
            &[
                "2",
                "Tuyển dụng, bổ nhiệm công chức, viên chức công khai, minh bạch",
                "",
                "",
                "",
                "Quy chế tuyển dụng, bổ nhiệm và thông báo công khai kết quả",
                "Văn phòng Sở",
                "",
                "Năm 2024",
                "",
                "",
                "",
                "",
                "Đào tạo lao động",
                "Bảo đảm cơ chế cạnh tranh lành mạnh, dân chủ, công khai, minh bạch trong tuyển dụng, bổ nhiệm, đề bạt công chức, viên chức",
            ],
        ),
        (
            19,
            &[
                "1",
                "Giao quyền tự chủ tài chính cho Trung tâm Trợ giúp pháp lý",
                "",
                "",
                "",
                "Quyết định giao quyền tự chủ tài chính",
                "Trung tâm Trợ giúp pháp lý nhà nước",
                "Văn phòng Sở",
                "Trước 31/12/2023",
            ],
        ),
        (
            22,
            &[
                "1",
                "Số hóa hồ sơ, kết quả giải quyết TTHC lĩnh vực tư pháp",
                "",
                "",
                "",
                "Cơ sở dữ liệu hồ sơ TTHC đã số hóa",
                "Phòng Hành chính tư pháp",
                "Văn phòng Sở",
                "6 tháng cuối năm 2025",
                "",
                "",
                "",
                "",
                "",
                "Ưu tiên nguồn lực triển khai các nhiệm vụ xây dựng và phát triển Chính quyền điện tử, Chính quyền số theo lộ trình",
            ],
        ),
        (
            25,
            &[
                "1",
                "Quán triệt Chương trình hành động CCHC đến toàn thể công chức, viên chức",
                "Công tác chỉ đạo, điều hành CCHC",
                "Tuyên truyền",
                "Cán bộ, công chức, viên chức",
                "Hội nghị quán triệt và tài liệu tuyên truyền nội bộ",
                "Văn phòng Sở",
                "Phòng Phổ biến giáo dục pháp luật",
                "Quý I/2022",
            ],
        ),
        (
            26,
            &[
                "2",
                "Tuyên truyền về CCHC, dịch vụ công trực tuyến đến người dân và doanh nghiệp",
                "Công tác chỉ đạo, điều hành CCHC",
                "Tuyên truyền",
                "Người dân\nDoanh nghiệp",
                "Tin, bài trên Cổng thông tin điện tử của Sở",
                "Phòng Phổ biến giáo dục pháp luật",
                "",
                "Hằng quý",
                "",
                "",
                "",
                "",
                "Tính minh bạch và tiếp cận thông tin\nTính năng động của chính quyền tỉnh",
            ],
        ),
        (
            27,
            &[
                "3",
                "Kiểm tra công tác CCHC tại các phòng, đơn vị trực thuộc",
                "Công tác chỉ đạo, điều hành CCHC",
                "Kiểm tra",
                "",
                "Báo cáo kết quả kiểm tra CCHC",
                "Thanh tra Sở",
                "Văn phòng Sở",
                "",
                "Kiểm tra 2 đơn vị",
                "Kiểm tra 2 đơn vị",
                "Kiểm tra 2 đơn vị",
                "Báo cáo tổng hợp kết quả kiểm tra giai đoạn",
                "Chi phí không chính thức",
            ],
        ),
    ];
    for (row, values) in tasks {
        put(4, *row, values);
    }
    put(
        5,
        2,
        &[
            "Tiếp cận đất đai và sự ổn định trong sử dụng đất",
            "Sở Tư pháp không quản lý lĩnh vực đất đai",
        ],
    );
    let cells: Vec<(usize, &str, &str)> = cells
        .iter()
        .map(|(s, c, t)| (*s, c.as_str(), t.as_str()))
        .collect();
    let filled = fill(&template, &cells);
    let diags = check("ke-hoach.xlsx", &filled, &[]);
    let said: Vec<String> = diags
        .iter()
        .map(|d| format!("{} {} {}", d["code"], d["source"], d["message"]))
        .collect();
    assert!(diags.is_empty(), "{}", said.join("\n"));
    // The units sheet is read: U003 would name an idle unit, P005 a lead it does not declare.
    let (yaml, tree) = import("ke-hoach.xlsx", &filled);
    assert_eq!(
        tree["units"][0],
        json!({"id": "VP", "name": "Văn phòng Sở"}),
        "{yaml}"
    );
    assert_eq!(tree["tasks"].as_array().map(Vec::len), Some(13));
}

#[test]
fn messages_name_the_row_and_fixes_speak_of_columns() {
    let body = [
        tbl(&[&[
            "SỞ TƯ PHÁP\nSố: 245/KH-STP",
            "Bắc Kạn, ngày 10 tháng 12 năm 2021",
        ]]),
        p("KẾ HOẠCH"),
        p("Cải cách hành chính năm 2023"),
        tbl(&[
            HEADER,
            &["I", "Cải cách thể chế", "", "", "", ""],
            &[
                "1",
                "Rà soát văn bản",
                "",
                "Phòng Tư pháp",
                "",
                "31/12/2023",
            ],
        ]),
    ]
    .concat();
    let bytes = docx(&body);
    let diags = check("k.docx", &bytes, &["--select", "O001"]);
    let o001 = diags.iter().find(|d| d["code"] == "O001").expect("O001");
    assert!(
        o001["message"]
            .as_str()
            .unwrap()
            .contains("`NV1` (Bảng 2, dòng 3)"),
        "{o001}"
    );
    assert!(
        o001["help"].as_str().unwrap().contains("cột `Sản phẩm`"),
        "{o001}"
    );
    // The imported YAML speaks YAML.
    let (yaml, _) = import("k.docx", &bytes);
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("k.yaml");
    std::fs::write(&path, yaml).expect("write");
    let out = cchc()
        .args([
            "check",
            "--format",
            "json",
            "--no-config",
            "--select",
            "O001",
        ])
        .arg(&path)
        .output()
        .expect("run");
    let doc: Value = serde_json::from_slice(&out.stdout).expect("JSON");
    let help = doc["diagnostics"][0]["help"].as_str().expect("help");
    assert!(help.contains("`output:`"), "{help}");
}

#[test]
fn cross_file_diagnostics_on_office_documents_name_their_cell() {
    let out = cchc()
        .args(["check", "--format", "json", "--no-config"])
        .arg("examples/office/so-tu-phap.docx")
        .arg("examples/office/so-tu-phap.xlsx")
        .output()
        .expect("run");
    let doc: Value = serde_json::from_slice(&out.stdout).expect("JSON");
    let diags = doc["diagnostics"].as_array().expect("list");
    let at = |suffix: &str| -> Vec<Value> {
        diags
            .iter()
            .filter(|d| {
                d["code"] == "X001" && d["path"].as_str().is_some_and(|f| f.ends_with(suffix))
            })
            .map(|d| d["source"].clone())
            .collect()
    };
    assert_eq!(
        at(".docx"),
        vec![json!({"table": 1, "row": 1, "column": 1})]
    );
    assert_eq!(
        at(".xlsx"),
        vec![json!({"sheet": "Thông tin", "cell": "B3"})]
    );
}
