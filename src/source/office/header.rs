//! The header of a task or objectives table (OFFICE-FORMAT.md "Tables"): its
//! row or two rows, and the field each grid column holds, matched on folded
//! header text against the names of the format.

use super::{Row, Table};
use crate::text;

/// What a task table's column holds.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Field {
    Number,
    Title,
    Area,
    Output,
    Lead,
    Support,
    Due,
    /// Read, not checked.
    Start,
    Kind,
    Audience,
    Competitiveness,
    Focus,
    /// `budget_vnd`, with the scale its header names.
    Budget(f64),
    /// Read, not checked (`Ghi chú`, budget sources under `Kinh phí`).
    Ignored,
    /// A roadmap year.
    Year(i32),
    // Objectives tables.
    Statement,
    Indicator,
    Unit,
    /// `baseline`, with the year its header names.
    Baseline(Option<i32>),
    BaselineYear,
    /// `target`, with the year its header names.
    Target(Option<i32>),
    Direction,
}

const NUMBER: &[&str] = &["STT", "TT", "Số TT", "Số thứ tự"];
const TITLE: &[&str] = &[
    "Nhiệm vụ",
    "Nội dung",
    "Nội dung nhiệm vụ",
    "Nội dung công việc",
    "Tên nhiệm vụ",
    "Nhiệm vụ, giải pháp",
    "Nội dung thực hiện",
    "Nhiệm vụ cụ thể",
];
const AREA: &[&str] = &[
    "Nội dung CCHC",
    "Lĩnh vực",
    "Lĩnh vực CCHC",
    "Nhóm nhiệm vụ",
];
const OUTPUT: &[&str] = &[
    "Sản phẩm",
    "Sản phẩm đầu ra",
    "Sản phẩm dự kiến",
    "Kết quả",
    "Kết quả, sản phẩm",
    "Sản phẩm, kết quả",
    "Hình thức sản phẩm",
    "Kết quả dự kiến",
];
const LEAD: &[&str] = &[
    "Đơn vị chủ trì",
    "Cơ quan chủ trì",
    "Chủ trì",
    "Đơn vị thực hiện",
    "Bộ phận chủ trì",
    "Cơ quan, đơn vị chủ trì",
    "Đơn vị chủ trì thực hiện",
    "Cơ quan, đơn vị chủ trì thực hiện",
    "Cơ quan chủ trì thực hiện",
];
const SUPPORT: &[&str] = &[
    "Đơn vị phối hợp",
    "Cơ quan phối hợp",
    "Phối hợp",
    "Cơ quan, đơn vị phối hợp",
    "Đơn vị phối hợp thực hiện",
];
const DUE: &[&str] = &[
    "Thời gian hoàn thành",
    "Thời hạn",
    "Thời hạn hoàn thành",
    "Thời gian thực hiện",
    "Tiến độ",
    "Tiến độ thực hiện",
    "Thời gian",
    "Thời gian kết thúc",
    "Thời gian hoàn thành dự kiến",
];
const START: &[&str] = &["Thời gian bắt đầu"];
const KIND: &[&str] = &["Loại", "Loại nhiệm vụ"];
const AUDIENCE: &[&str] = &["Đối tượng", "Đối tượng tuyên truyền"];
const COMPETITIVENESS: &[&str] = &[
    "Chỉ số PCI",
    "Chỉ số thành phần",
    "Chỉ số thành phần PCI",
    "PCI",
];
const FOCUS: &[&str] = &["Nhiệm vụ trọng tâm"];
const BUDGET: &[&str] = &[
    "Kinh phí",
    "Kinh phí (đồng)",
    "Kinh phí thực hiện",
    "Dự toán",
    "Dự kiến kinh phí",
    "Kinh phí dự kiến",
];
const NOTE: &[&str] = &["Ghi chú"];
const YEAR_PARENTS: &[&str] = &[
    "Lộ trình",
    "Lộ trình thực hiện",
    "Thời gian hoàn thành",
    "Thời gian thực hiện",
    "Tiến độ",
    "Tiến độ thực hiện",
];
const STATEMENT: &[&str] = &[
    "Mục tiêu",
    "Chỉ tiêu",
    "Nội dung chỉ tiêu",
    "Tên chỉ tiêu",
    "Nội dung mục tiêu",
];
const INDICATOR: &[&str] = &["Chỉ số", "Mã chỉ số"];
const UNIT: &[&str] = &["Đơn vị tính", "ĐVT"];
const BASELINE: &[&str] = &["Giá trị cơ sở", "Hiện trạng", "Cơ sở"];
const DIRECTION: &[&str] = &["Xu hướng", "Chiều"];

/// Whether a header text names one of `names`: equal once folded, or one of
/// them followed by `(`, `/` or `:`.
pub fn names(header: &str, names: &[&str]) -> bool {
    let key = text::name_key(header);
    let head = header
        .split_once(['(', '/', ':'])
        .map(|(h, _)| text::name_key(h));
    names.iter().any(|n| {
        let n = text::name_key(n);
        n == key || head.as_ref() == Some(&n)
    })
}

/// A year alone or as `Năm 2023`.
pub fn year(header: &str) -> Option<i32> {
    let words = text::words(header);
    let digits = match words.as_slice() {
        [y] => y,
        [n, y] if n == "nam" => y,
        _ => return None,
    };
    (digits.len() == 4)
        .then(|| digits.parse().ok())
        .flatten()
        .filter(|y| (1900..=2200).contains(y))
}

/// The scale a budget header names: `(triệu đồng)` × 1,000,000.
fn scale(header: &str) -> f64 {
    let w = text::words(header);
    let has = |a: &str| w.iter().any(|x| x == a);
    if has("ty") {
        1e9
    } else if has("trieu") {
        1e6
    } else if has("nghin") || has("ngan") {
        1e3
    } else {
        1.0
    }
}

/// A year in a header after `Mục tiêu`/`Chỉ tiêu`/`Cơ sở`… (`Mục tiêu đến năm 2025`).
fn year_after(header: &str, lead: &[&str], fillers: &[&str]) -> Option<Option<i32>> {
    let w = text::words(header);
    for l in lead {
        let lw = text::words(l);
        if w.starts_with(&lw) {
            let rest: Vec<&String> = w[lw.len()..]
                .iter()
                .filter(|x| !fillers.contains(&x.as_str()))
                .collect();
            return match rest.as_slice() {
                [] => Some(None),
                [y] if y.len() == 4 => y.parse().ok().map(Some),
                _ => None,
            };
        }
    }
    None
}

/// The field of a task-table column headed `text` (alone, or the lower cell of
/// two rows), `None` when it names none.
pub fn task_field(text: &str) -> Option<Field> {
    if text.trim().is_empty() {
        return None;
    }
    let table: &[(&[&str], Field)] = &[
        (NUMBER, Field::Number),
        (TITLE, Field::Title),
        (AREA, Field::Area),
        (OUTPUT, Field::Output),
        (LEAD, Field::Lead),
        (SUPPORT, Field::Support),
        (START, Field::Start),
        (DUE, Field::Due),
        (KIND, Field::Kind),
        (AUDIENCE, Field::Audience),
        (COMPETITIVENESS, Field::Competitiveness),
        (FOCUS, Field::Focus),
        (NOTE, Field::Ignored),
    ];
    if let Some((_, f)) = table.iter().find(|(n, _)| names(text, n)) {
        return Some(*f);
    }
    if names(text, BUDGET) || text::words(text).starts_with(&["kinh".into(), "phi".into()]) {
        return Some(Field::Budget(scale(text)));
    }
    year(text).map(Field::Year)
}

/// The field of an objectives-table column headed `text`.
pub fn objective_field(text: &str) -> Option<Field> {
    if text.trim().is_empty() {
        return None;
    }
    if names(text, NUMBER) {
        return Some(Field::Number);
    }
    if let Some(Some(y)) = year_after(text, &["Mục tiêu", "Chỉ tiêu"], &["den", "het", "nam"])
    {
        return Some(Field::Target(Some(y)));
    }
    if names(text, &["Giá trị mục tiêu"]) {
        return Some(Field::Target(None));
    }
    if names(text, STATEMENT) {
        return Some(Field::Statement);
    }
    if names(text, AREA) {
        return Some(Field::Area);
    }
    if names(text, INDICATOR) {
        return Some(Field::Indicator);
    }
    if names(text, UNIT) {
        return Some(Field::Unit);
    }
    if names(text, &["Năm cơ sở"]) {
        return Some(Field::BaselineYear);
    }
    if let Some(y) = year_after(text, BASELINE, &["nam"]) {
        return Some(Field::Baseline(y));
    }
    if names(text, DIRECTION) {
        return Some(Field::Direction);
    }
    if names(text, NOTE) {
        return Some(Field::Ignored);
    }
    year(text).map(Field::Year)
}

/// One column of a table's header.
#[derive(Debug, Clone)]
pub struct Column {
    /// The grid column, from 0.
    pub col: u32,
    /// The field it holds, `None` for an unknown column (T003) or an empty header.
    pub field: Option<Field>,
    /// The header text shown in messages (the two rows joined).
    pub text: String,
    /// The row number of the header cell that names it (the lower one when it has its own text).
    pub row: u32,
    /// Whether the header cell is empty (the column is ignored, not T003).
    pub empty: bool,
}

/// A table's header: its rows and its columns.
#[derive(Debug, Clone)]
pub struct Header {
    /// Index in `table.rows` of the first header row, and how many rows it has.
    pub first: usize,
    pub height: usize,
    pub columns: Vec<Column>,
}

impl Header {
    /// The column holding `field` (the first, when several match).
    pub fn column(&self, field: impl Fn(Field) -> bool) -> Option<u32> {
        self.columns
            .iter()
            .find(|c| c.field.is_some_and(&field))
            .map(|c| c.col)
    }

    pub fn has(&self, field: impl Fn(Field) -> bool) -> bool {
        self.column(field).is_some()
    }

    /// The index in `table.rows` of the first row below the header.
    pub fn body_start(&self) -> usize {
        self.first + self.height
    }
}

/// The text heading grid column `col` in a header row: the merged cell
/// covering it gives its text to every column it covers.
fn heading(row: &Row, col: u32) -> &str {
    let Some(slot) = row.slots.get(col as usize) else {
        return "";
    };
    match slot.merged {
        Some(m) if !m.origin && !m.vertical => row
            .slots
            .get(m.first_col as usize)
            .map_or("", |s| s.text.as_str()),
        _ => slot.text.as_str(),
    }
}

/// Finds a table's header with `classify` as the field matcher: the first row
/// (among the first 5) with two non-empty cells, and the next when it holds a
/// cell merged over several columns.
pub fn find(table: &Table, classify: fn(&str) -> Option<Field>) -> Option<Header> {
    let first = table
        .rows
        .iter()
        .take(5)
        .position(|r| r.slots.iter().filter(|s| !s.text.is_empty()).count() >= 2)?;
    let top = &table.rows[first];
    let two = top.slots.iter().any(|s| {
        s.merged
            .is_some_and(|m| m.origin && m.last_col > m.first_col)
    }) && table.rows.get(first + 1).is_some();
    let width = table.rows[first..]
        .iter()
        .take(if two { 2 } else { 1 })
        .map(|r| r.slots.len())
        .max()
        .unwrap_or(0) as u32;
    let mut columns = Vec::new();
    for col in 0..width {
        let upper = heading(top, col).to_owned();
        let lower = if two {
            heading(&table.rows[first + 1], col).to_owned()
        } else {
            String::new()
        };
        let lower_is_own = two && !lower.is_empty() && lower != upper;
        let (field, text, row) = if lower_is_own {
            let joined = format!("{upper} {lower}");
            let field = match classify(&lower) {
                // A year under any other parent is an unknown column (T003).
                Some(Field::Year(y)) => {
                    (upper.is_empty() || names(&upper, YEAR_PARENTS)).then_some(Field::Year(y))
                }
                Some(Field::Number) | Some(Field::Ignored) if names(&upper, BUDGET) => {
                    Some(Field::Ignored)
                }
                Some(f) => Some(f),
                None if names(&upper, BUDGET)
                    || text::words(&upper).starts_with(&["kinh".into(), "phi".into()]) =>
                {
                    if names(&lower, &["Tổng số", "Tổng"]) {
                        Some(Field::Budget(scale(&upper)))
                    } else {
                        Some(Field::Ignored)
                    }
                }
                None => classify(&joined),
            };
            (field, joined, table.rows[first + 1].number)
        } else {
            (classify(&upper), upper.clone(), top.number)
        };
        columns.push(Column {
            col,
            empty: text.trim().is_empty(),
            field,
            text,
            row,
        });
    }
    Some(Header {
        first,
        height: if two { 2 } else { 1 },
        columns,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn header_names_match_folded_and_before_a_bracket() {
        assert_eq!(task_field("ĐƠN VỊ CHỦ TRÌ"), Some(Field::Lead));
        assert_eq!(task_field("Sản phẩm (đầu ra)"), Some(Field::Output));
        assert_eq!(task_field("Thời gian hoàn thành:"), Some(Field::Due));
        assert_eq!(task_field("Năm 2023"), Some(Field::Year(2023)));
        assert_eq!(
            task_field("Kinh phí (triệu đồng)"),
            Some(Field::Budget(1e6))
        );
        assert_eq!(task_field("Ý kiến"), None);
        assert_eq!(
            objective_field("Mục tiêu đến năm 2025"),
            Some(Field::Target(Some(2025)))
        );
        assert_eq!(
            objective_field("Chỉ tiêu đến hết năm 2025"),
            Some(Field::Target(Some(2025)))
        );
        assert_eq!(
            objective_field("Cơ sở năm 2021"),
            Some(Field::Baseline(Some(2021)))
        );
        assert_eq!(
            objective_field("Hiện trạng (2021)"),
            Some(Field::Baseline(Some(2021)))
        );
        assert_eq!(objective_field("Mục tiêu"), Some(Field::Statement));
    }
}
