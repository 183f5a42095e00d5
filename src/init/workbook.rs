//! `cchc init ke-hoach.xlsx`: the Excel template of OFFICE-FORMAT.md. Sheets
//! `Thông tin`, `Đơn vị`, `Mục tiêu` (a column per roadmap year), `Nhiệm vụ`
//! (every task field, group rows in place for the reform areas and a PCI
//! group), `Miễn trừ` and `Danh mục` (the profile's catalogs); coded columns
//! have drop-down lists of the Vietnamese names, lead and support a drop-down
//! of the `Đơn vị` sheet, header cells a comment, header rows frozen. Read
//! back empty, it gives the to-do diagnostics and no T diagnostic.

use rust_xlsxwriter::{
    DataValidation, DataValidationErrorStyle, Format, FormatAlign, FormatBorder, Formula, Note,
    Workbook, Worksheet, XlsxError,
};

use crate::model::names::{DIRECTION_NAMES, KIND_NAMES};
use crate::profile::{Profile, YearRange};

/// Rows of the task and objectives sheets that get drop-down lists.
const LAST_ROW: u32 = 1_000;

fn header_format() -> Format {
    Format::new()
        .set_bold()
        .set_text_wrap()
        .set_align(FormatAlign::Center)
        .set_align(FormatAlign::VerticalCenter)
        .set_border(FormatBorder::Thin)
        .set_background_color("#DDEBF7")
}

/// A column of a sheet: its header and the comment explaining it.
struct Column<'a> {
    header: String,
    note: &'a str,
    width: f64,
}

fn col(header: impl Into<String>, note: &str, width: f64) -> Column<'_> {
    Column {
        header: header.into(),
        note,
        width,
    }
}

/// Writes one header row (or the cells of a two-row header that span both rows).
fn headers(ws: &mut Worksheet, columns: &[Column], two_rows: bool) -> Result<(), XlsxError> {
    let f = header_format();
    for (i, c) in columns.iter().enumerate() {
        let i = u16::try_from(i).unwrap_or(u16::MAX);
        if two_rows {
            ws.merge_range(0, i, 1, i, &c.header, &f)?;
        } else {
            ws.write_string_with_format(0, i, &c.header, &f)?;
        }
        ws.insert_note(0, i, &Note::new(c.note).set_author("cchc").set_width(300))?;
        ws.set_column_width(i, c.width)?;
    }
    Ok(())
}

/// A drop-down of a `Danh mục` column (names only), or of the `Đơn vị` names.
fn list(range: &str, strict: bool) -> DataValidation {
    let v = DataValidation::new().allow_list_formula(Formula::new(range));
    if strict {
        v
    } else {
        // Several values in a cell (`support`, PCI items) are allowed: the list only helps.
        v.set_error_style(DataValidationErrorStyle::Information)
    }
}

/// The template workbook's bytes.
pub fn template(
    profile: &Profile,
    agency: Option<&str>,
    period: YearRange,
) -> Result<Vec<u8>, XlsxError> {
    let mut book = Workbook::new();
    let years: Vec<i32> = (period.from..=period.to).collect();
    let bold = Format::new().set_bold();
    let wrap = Format::new().set_text_wrap();

    // Thông tin: one field per row, the value in column B.
    {
        let ws = book.add_worksheet();
        ws.set_name("Thông tin")?;
        ws.set_column_width(0, 22)?;
        ws.set_column_width(1, 70)?;
        ws.write_string_with_format(0, 0, "Thông tin", &header_format())?;
        ws.write_string_with_format(0, 1, "Nội dung", &header_format())?;
        let refs = profile.required_references.join("; ");
        let period_text = format!("{}-{}", period.from, period.to);
        let rows: [(&str, &str, String); 8] = [
            (
                "Cơ quan",
                "Tên cơ quan ban hành kế hoạch, ví dụ: Sở Tư pháp tỉnh Bắc Kạn",
                agency.unwrap_or_default().to_owned(),
            ),
            (
                "Số hiệu",
                "Số hiệu văn bản, ví dụ: 245/KH-STP",
                String::new(),
            ),
            (
                "Tên kế hoạch",
                "Trích yếu, ví dụ: Kế hoạch cải cách hành chính giai đoạn 2026 – 2030",
                String::new(),
            ),
            (
                "Ngày ban hành",
                "Ngày ký ban hành, ghi ngày trước: 10/12/2025",
                String::new(),
            ),
            (
                "Giai đoạn",
                "Năm đầu-năm cuối, ví dụ 2026-2030, hoặc một năm",
                period_text,
            ),
            (
                "Căn cứ",
                "Số hiệu các văn bản thực hiện, cách nhau bởi dấu chấm phẩy",
                refs,
            ),
            (
                "Nguồn kinh phí",
                "Chọn hoặc ghi các nguồn: Ngân sách nhà nước; Kinh phí chi thường xuyên; Xã hội hóa",
                String::new(),
            ),
            (
                "Hồ sơ chỉ đạo",
                "Văn bản chỉ đạo mà kế hoạch thực hiện (mã trong `cchc profiles`)",
                profile.id.clone(),
            ),
        ];
        for (i, (label, note, value)) in rows.iter().enumerate() {
            let r = u32::try_from(i + 1).unwrap_or(u32::MAX);
            ws.write_string_with_format(r, 0, *label, &bold)?;
            ws.insert_note(r, 0, &Note::new(*note).set_author("cchc").set_width(300))?;
            if !value.is_empty() {
                ws.write_string_with_format(r, 1, value, &wrap)?;
            }
        }
        ws.add_data_validation(7, 1, 7, 1, &list("='Danh mục'!$E$2:$E$20", false))?;
        ws.set_freeze_panes(1, 0)?;
    }

    // Đơn vị: the units, declared once; leads and supports name them.
    {
        let ws = book.add_worksheet();
        ws.set_name("Đơn vị")?;
        headers(
            ws,
            &[
                col(
                    "Mã",
                    "Mã ngắn của đơn vị, không dấu cách, ví dụ: VP, TTra",
                    12.0,
                ),
                col(
                    "Tên đơn vị",
                    "Tên đầy đủ của phòng, ban, đơn vị trực thuộc; mỗi dòng một đơn vị",
                    50.0,
                ),
            ],
            false,
        )?;
        ws.set_freeze_panes(1, 0)?;
    }

    // Mục tiêu: the objectives, one row each, a column per roadmap year.
    {
        let ws = book.add_worksheet();
        ws.set_name("Mục tiêu")?;
        let lead = [
            col("STT", "Số thứ tự", 6.0),
            col(
                "Mục tiêu",
                "Nội dung mục tiêu, có số liệu cụ thể (ví dụ: 100% TTHC …)",
                45.0,
            ),
            col(
                "Lĩnh vực",
                "Nội dung CCHC của mục tiêu (chọn trong danh sách)",
                24.0,
            ),
            col(
                "Chỉ số",
                "Chỉ số của văn bản chỉ đạo mà mục tiêu đo (nếu có)",
                24.0,
            ),
            col("Đơn vị tính", "%, hồ sơ, đơn vị…", 10.0),
            col(
                format!("Cơ sở năm {}", period.from - 1),
                "Giá trị hiện trạng năm trước giai đoạn",
                12.0,
            ),
        ];
        let tail = [
            col(
                format!("Mục tiêu đến năm {}", period.to),
                "Giá trị cần đạt cuối giai đoạn (một con số)",
                14.0,
            ),
            col(
                "Xu hướng",
                "tăng hoặc giảm (giảm: mục tiêu càng nhỏ càng tốt)",
                10.0,
            ),
        ];
        headers(ws, &lead, true)?;
        let first_year = u16::try_from(lead.len()).unwrap_or(0);
        let last_year = first_year + u16::try_from(years.len()).unwrap_or(1) - 1;
        let f = header_format();
        ws.merge_range(0, first_year, 0, last_year, "Lộ trình", &f)?;
        ws.insert_note(
            0,
            first_year,
            &Note::new("Giá trị cần đạt mỗi năm").set_author("cchc"),
        )?;
        for (k, y) in years.iter().enumerate() {
            ws.write_number_with_format(1, first_year + k as u16, f64::from(*y), &f)?;
        }
        for (k, c) in tail.iter().enumerate() {
            let i = last_year + 1 + k as u16;
            ws.merge_range(0, i, 1, i, &c.header, &f)?;
            ws.insert_note(0, i, &Note::new(c.note).set_author("cchc").set_width(300))?;
            ws.set_column_width(i, c.width)?;
        }
        ws.add_data_validation(2, 2, LAST_ROW, 2, &list("='Danh mục'!$A$2:$A$20", true))?;
        ws.add_data_validation(2, 3, LAST_ROW, 3, &list("='Danh mục'!$G$2:$G$40", true))?;
        ws.add_data_validation(
            2,
            last_year + 2,
            LAST_ROW,
            last_year + 2,
            &list("='Danh mục'!$H$2:$H$3", true),
        )?;
        ws.set_freeze_panes(2, 2)?;
    }

    // Nhiệm vụ: the appendix, group rows in place.
    {
        let ws = book.add_worksheet();
        ws.set_name("Nhiệm vụ")?;
        let lead = [
            col("STT", "Số thứ tự: I, II… cho nhóm; 1, 2… cho nhiệm vụ", 6.0),
            col(
                "Nội dung nhiệm vụ",
                "Tên nhiệm vụ, mỗi dòng một nhiệm vụ, dưới dòng nhóm của nội dung CCHC",
                45.0,
            ),
            col(
                "Lĩnh vực",
                "Nội dung CCHC của nhiệm vụ; để trống thì lấy theo dòng nhóm phía trên (bắt buộc với nhiệm vụ dưới nhóm PCI)",
                22.0,
            ),
            col(
                "Loại nhiệm vụ",
                "Văn bản chỉ đạo, Giao ban, Tuyên truyền, Kiểm tra, Khảo sát, Báo cáo (nếu có)",
                14.0,
            ),
            col(
                "Đối tượng",
                "Đối tượng tuyên truyền (Cán bộ, công chức, viên chức; Người dân; Doanh nghiệp)",
                18.0,
            ),
            col(
                "Sản phẩm",
                "Sản phẩm đầu ra cụ thể: Kế hoạch, Báo cáo, Quyết định… (không phải hoạt động)",
                30.0,
            ),
            col("Đơn vị chủ trì", "Đúng một đơn vị của sheet Đơn vị", 24.0),
            col(
                "Đơn vị phối hợp",
                "Các đơn vị phối hợp, mỗi đơn vị một dòng trong ô",
                24.0,
            ),
            col(
                "Thời gian hoàn thành",
                "Ngày trước: 30/6/2026, Quý II năm 2026, Tháng 6/2026, Hằng năm",
                16.0,
            ),
        ];
        let tail = [
            col(
                "Chỉ số PCI",
                "Chỉ số thành phần năng lực cạnh tranh mà nhiệm vụ cải thiện (mỗi chỉ số một dòng)",
                26.0,
            ),
            col(
                "Nhiệm vụ trọng tâm",
                "Nhiệm vụ trọng tâm của Chỉ thị 23/CT-TTg mà nhiệm vụ thực hiện",
                26.0,
            ),
            col("Kinh phí (đồng)", "Dự toán kinh phí, đồng (nếu có)", 14.0),
            col("Ghi chú", "Ghi chú (không được kiểm tra)", 16.0),
        ];
        headers(ws, &lead, true)?;
        let first_year = u16::try_from(lead.len()).unwrap_or(0);
        let last_year = first_year + u16::try_from(years.len()).unwrap_or(1) - 1;
        let f = header_format();
        ws.merge_range(0, first_year, 0, last_year, "Lộ trình thực hiện", &f)?;
        ws.insert_note(
            0,
            first_year,
            &Note::new("Việc làm hoặc sản phẩm của từng năm; ghi x nếu chỉ đánh dấu năm thực hiện")
                .set_author("cchc"),
        )?;
        for (k, y) in years.iter().enumerate() {
            ws.write_number_with_format(1, first_year + k as u16, f64::from(*y), &f)?;
            ws.set_column_width(first_year + k as u16, 12.0)?;
        }
        for (k, c) in tail.iter().enumerate() {
            let i = last_year + 1 + k as u16;
            ws.merge_range(0, i, 1, i, &c.header, &f)?;
            ws.insert_note(0, i, &Note::new(c.note).set_author("cchc").set_width(300))?;
            ws.set_column_width(i, c.width)?;
        }
        let last_col = last_year + u16::try_from(tail.len()).unwrap_or(0);
        const ROMAN: [&str; 12] = [
            "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII",
        ];
        let mut groups: Vec<String> = Vec::new();
        // The directive's activities first, under the direction area (when the profile has one).
        let mut areas: Vec<&crate::profile::Area> =
            profile.areas.iter().filter(|a| !a.counts).collect();
        areas.extend(profile.areas.iter().filter(|a| a.counts));
        for a in areas {
            groups.push(a.vi.to_uppercase());
        }
        groups.push("NHIỆM VỤ NÂNG CAO NĂNG LỰC CẠNH TRANH CẤP TỈNH (PCI)".to_owned());
        let group_format = Format::new().set_bold().set_background_color("#F2F2F2");
        // Each group row is followed by two blank task rows to fill in.
        let mut r = 2u32;
        for (i, g) in groups.iter().enumerate() {
            ws.write_string_with_format(r, 0, ROMAN.get(i).copied().unwrap_or("X"), &group_format)?;
            ws.merge_range(r, 1, r, last_col, g, &group_format)?;
            r += 3;
        }
        let at = |header: &str| {
            lead.iter()
                .position(|c| c.header == header)
                .and_then(|i| u16::try_from(i).ok())
                .unwrap_or(0)
        };
        let lists = [
            (at("Lĩnh vực"), "='Danh mục'!$A$2:$A$20", true),
            (at("Loại nhiệm vụ"), "='Danh mục'!$F$2:$F$10", false),
            (at("Đối tượng"), "='Danh mục'!$D$2:$D$10", false),
            (at("Đơn vị chủ trì"), "='Đơn vị'!$B$2:$B$200", true),
            (at("Đơn vị phối hợp"), "='Đơn vị'!$B$2:$B$200", false),
            (last_year + 1, "='Danh mục'!$B$2:$B$40", false),
            (last_year + 2, "='Danh mục'!$C$2:$C$40", false),
        ];
        for (c, range, strict) in lists {
            ws.add_data_validation(2, c, LAST_ROW, c, &list(range, strict))?;
        }
        ws.set_freeze_panes(2, 2)?;
    }

    // Miễn trừ: PCI items that do not apply to the agency, with the reason.
    {
        let ws = book.add_worksheet();
        ws.set_name("Miễn trừ")?;
        headers(
            ws,
            &[
                col(
                    "Chỉ số PCI",
                    "Chỉ số thành phần PCI không thuộc phạm vi quản lý của cơ quan",
                    40.0,
                ),
                col(
                    "Lý do",
                    "Vì sao chỉ số không thuộc phạm vi của cơ quan (bắt buộc)",
                    60.0,
                ),
            ],
            false,
        )?;
        ws.add_data_validation(1, 0, 200, 0, &list("='Danh mục'!$B$2:$B$40", true))?;
        ws.set_freeze_panes(1, 0)?;
    }

    // Danh mục: the catalogs the drop-downs list.
    {
        let ws = book.add_worksheet();
        ws.set_name("Danh mục")?;
        let kinds: Vec<String> = KIND_NAMES
            .iter()
            .filter_map(|(_, names)| names.first())
            .map(|n| capitalised(n))
            .collect();
        let directions: Vec<String> = DIRECTION_NAMES
            .iter()
            .filter_map(|(_, names)| names.first())
            .map(|n| (*n).to_owned())
            .collect();
        let columns: Vec<(&str, Vec<String>)> = vec![
            (
                "Danh mục lĩnh vực",
                profile.areas.iter().map(|a| a.vi.clone()).collect(),
            ),
            (
                "Danh mục chỉ số PCI",
                profile
                    .competitiveness
                    .iter()
                    .map(|i| i.vi.clone())
                    .collect(),
            ),
            (
                "Danh mục nhiệm vụ trọng tâm",
                profile
                    .key_tasks
                    .iter()
                    .map(|i| capitalised(&i.vi))
                    .collect(),
            ),
            (
                "Danh mục đối tượng",
                profile.audiences.iter().map(|i| i.vi.clone()).collect(),
            ),
            (
                "Danh mục nguồn kinh phí",
                profile.funding.iter().map(|i| i.vi.clone()).collect(),
            ),
            ("Danh mục loại nhiệm vụ", kinds),
            (
                "Danh mục chỉ số",
                profile.indicators.iter().map(|i| i.vi.clone()).collect(),
            ),
            ("Danh mục xu hướng", directions),
        ];
        for (c, (head, values)) in columns.iter().enumerate() {
            let c = c as u16;
            ws.write_string_with_format(0, c, *head, &header_format())?;
            ws.set_column_width(c, 40.0)?;
            for (r, v) in values.iter().enumerate() {
                ws.write_string(r as u32 + 1, c, v)?;
            }
        }
        ws.set_freeze_panes(1, 0)?;
    }
    book.save_to_buffer()
}

fn capitalised(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_uppercase().collect::<String>() + c.as_str())
        .unwrap_or_default()
}
