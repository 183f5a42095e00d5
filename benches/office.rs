//! Benchmarks of office documents (issue: a 40-page Word plan with a 200-row
//! appendix under 100 ms, a workbook of 10,000 task rows under 1 s), each
//! against its YAML equivalent — the output of `cchc import` of the same
//! document — checked in the same run as the baseline.

use std::io::Write as _;

// The allocator of the `cchc` binary.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    divan::main();
}

const AREAS: &[&str] = &[
    "CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH CCHC",
    "CẢI CÁCH THỂ CHẾ",
    "CẢI CÁCH THỦ TỤC HÀNH CHÍNH",
    "CẢI CÁCH TỔ CHỨC BỘ MÁY HÀNH CHÍNH NHÀ NƯỚC",
    "CẢI CÁCH CHẾ ĐỘ CÔNG VỤ",
    "CẢI CÁCH TÀI CHÍNH CÔNG",
    "XÂY DỰNG, PHÁT TRIỂN CHÍNH PHỦ ĐIỆN TỬ, CHÍNH PHỦ SỐ",
];
const ROMAN: &[&str] = &["I", "II", "III", "IV", "V", "VI", "VII"];
const UNITS: &[&str] = &[
    "Văn phòng Sở",
    "Phòng Hành chính tư pháp",
    "Thanh tra Sở",
    "Phòng Phổ biến giáo dục pháp luật",
];

fn esc(s: &str) -> String {
    s.replace('&', "&amp;").replace('<', "&lt;")
}

fn p(text: &str) -> String {
    format!(
        "<w:p><w:r><w:t xml:space=\"preserve\">{}</w:t></w:r></w:p>",
        esc(text)
    )
}

fn tc(text: &str, span: usize) -> String {
    let props = if span > 1 {
        format!("<w:tcPr><w:gridSpan w:val=\"{span}\"/></w:tcPr>")
    } else {
        String::new()
    };
    format!("<w:tc>{props}{}</w:tc>", p(text))
}

fn row(cells: &[&str]) -> String {
    format!(
        "<w:tr>{}</w:tr>",
        cells.iter().map(|c| tc(c, 1)).collect::<String>()
    )
}

/// A 40-page Word plan: the Decree 30 header, ~800 body paragraphs, and an appendix of `tasks` rows.
fn word_plan(tasks: usize) -> Vec<u8> {
    let mut body = String::new();
    body.push_str("<w:tbl>");
    body.push_str(&row(&[
        "UBND TỈNH BẮC KẠN\nSỞ TƯ PHÁP",
        "Bắc Kạn, ngày 10 tháng 12 năm 2021",
    ]));
    body.push_str("</w:tbl>");
    body.push_str(&p("Số: 245/KH-STP"));
    body.push_str(&p("KẾ HOẠCH"));
    body.push_str(&p("Cải cách hành chính giai đoạn 2022 – 2025"));
    body.push_str(&p(""));
    body.push_str(&p(
        "Căn cứ Nghị quyết số 76/NQ-CP; Nghị quyết số 08-NQ/TU; Chỉ thị số 23/CT-TTg",
    ));
    body.push_str(&p("I. MỤC ĐÍCH, YÊU CẦU"));
    for i in 0..800 {
        body.push_str(&p(&format!(
            "- Đoạn {i}: triển khai đồng bộ các nhiệm vụ cải cách hành chính, gắn với trách nhiệm của từng đơn vị, \
             bảo đảm tiến độ, chất lượng và hiệu quả; thường xuyên kiểm tra, đôn đốc việc thực hiện."
        )));
    }
    body.push_str(&p("II. KINH PHÍ"));
    body.push_str(&p("Kinh phí chi thường xuyên của Sở."));
    body.push_str("<w:tbl>");
    body.push_str(&row(&[
        "STT",
        "Nội dung nhiệm vụ",
        "Sản phẩm",
        "Đơn vị chủ trì",
        "Đơn vị phối hợp",
        "Thời gian hoàn thành",
    ]));
    let per_area = tasks.div_ceil(AREAS.len());
    let mut n = 0;
    for (a, area) in AREAS.iter().enumerate() {
        body.push_str(&format!(
            "<w:tr>{}</w:tr>",
            tc(&format!("{}. {area}", ROMAN[a]), 6)
        ));
        for k in 0..per_area {
            if n == tasks {
                break;
            }
            n += 1;
            let due = format!("{}/{}/{}", 1 + k % 28, 1 + k % 12, 2022 + k % 4);
            body.push_str(&row(&[
                &(k + 1).to_string(),
                &format!(
                    "Nhiệm vụ {n}: rà soát, đơn giản hóa thủ tục hành chính thuộc lĩnh vực {k}"
                ),
                "Báo cáo kết quả rà soát",
                UNITS[n % UNITS.len()],
                UNITS[(n + 1) % UNITS.len()],
                &due,
            ]));
        }
    }
    body.push_str("</w:tbl>");
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let opts = zip::write::SimpleFileOptions::default();
    zip.start_file("word/document.xml", opts).expect("zip");
    write!(
        zip,
        r#"<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>{body}</w:body></w:document>"#
    )
    .expect("zip");
    zip.finish().expect("zip").into_inner()
}

/// A workbook whose task sheet has `tasks` rows under group rows.
fn excel_plan(tasks: usize) -> Vec<u8> {
    let mut book = rust_xlsxwriter::Workbook::new();
    let info = book.add_worksheet();
    info.set_name("Thông tin").expect("name");
    let rows = [
        ("Cơ quan", "Sở Tư pháp"),
        ("Số hiệu", "245/KH-STP"),
        (
            "Tên kế hoạch",
            "Kế hoạch cải cách hành chính giai đoạn 2022 – 2025",
        ),
        ("Ngày ban hành", "10/12/2021"),
        ("Giai đoạn", "2022-2025"),
        ("Căn cứ", "76/NQ-CP; 08-NQ/TU"),
        ("Nguồn kinh phí", "Kinh phí chi thường xuyên"),
    ];
    for (i, (k, v)) in rows.iter().enumerate() {
        info.write_string(i as u32, 0, *k).expect("cell");
        info.write_string(i as u32, 1, *v).expect("cell");
    }
    let ws = book.add_worksheet();
    ws.set_name("Nhiệm vụ").expect("name");
    for (c, h) in [
        "STT",
        "Nội dung nhiệm vụ",
        "Sản phẩm",
        "Đơn vị chủ trì",
        "Đơn vị phối hợp",
        "Thời gian hoàn thành",
    ]
    .iter()
    .enumerate()
    {
        ws.write_string(0, c as u16, *h).expect("cell");
    }
    let per_area = tasks.div_ceil(AREAS.len());
    let (mut r, mut n) = (1u32, 0usize);
    for (a, area) in AREAS.iter().enumerate() {
        ws.write_string(r, 0, ROMAN[a]).expect("cell");
        ws.write_string(r, 1, *area).expect("cell");
        r += 1;
        for k in 0..per_area {
            if n == tasks {
                break;
            }
            n += 1;
            ws.write_number(r, 0, (k + 1) as f64).expect("cell");
            ws.write_string(
                r,
                1,
                format!("Nhiệm vụ {n}: rà soát, đơn giản hóa thủ tục hành chính"),
            )
            .expect("cell");
            ws.write_string(r, 2, "Báo cáo kết quả rà soát")
                .expect("cell");
            ws.write_string(r, 3, UNITS[n % UNITS.len()]).expect("cell");
            ws.write_string(r, 4, UNITS[(n + 1) % UNITS.len()])
                .expect("cell");
            ws.write_string(
                r,
                5,
                format!(
                    "Quý {} năm {}",
                    ["I", "II", "III", "IV"][k % 4],
                    2022 + k % 4
                ),
            )
            .expect("cell");
            r += 1;
        }
    }
    book.save_to_buffer().expect("xlsx")
}

fn yaml_of(name: &str, bytes: &[u8]) -> String {
    let kind = cchc::source::office::Kind::of(name).expect("office");
    let profile = cchc::profile::default_profile();
    cchc::import::import(name, kind, bytes, profile, cchc::i18n::Lang::Vi)
        .expect("import")
        .0
}

fn check(name: &str, bytes: &[u8]) -> usize {
    let opts = cchc::Options::default();
    cchc::check::check_bytes(name, divan::black_box(bytes), false, &opts)
        .diagnostics
        .len()
}

#[divan::bench(sample_count = 20)]
fn word_200_rows(bencher: divan::Bencher) {
    let doc = word_plan(200);
    bencher.bench(|| check("ke-hoach.docx", &doc));
}

#[divan::bench(sample_count = 20)]
fn word_200_rows_as_yaml(bencher: divan::Bencher) {
    let yaml = yaml_of("ke-hoach.docx", &word_plan(200));
    bencher.bench(|| check("ke-hoach.yaml", yaml.as_bytes()));
}

#[divan::bench(sample_count = 5)]
fn excel_10000_rows(bencher: divan::Bencher) {
    let book = excel_plan(10_000);
    bencher.bench(|| check("phu-luc.xlsx", &book));
}

#[divan::bench(sample_count = 5)]
fn excel_10000_rows_as_yaml(bencher: divan::Bencher) {
    let yaml = yaml_of("phu-luc.xlsx", &excel_plan(10_000));
    bencher.bench(|| check("phu-luc.yaml", yaml.as_bytes()));
}
