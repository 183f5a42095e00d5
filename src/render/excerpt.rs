//! Where an office diagnostic is, in a neutral form: the place in words and,
//! for a table cell, its row under the header row with the cell marked. The
//! terminal renderer and the browser page each draw it in their own way.

use crate::i18n::Lang;
use crate::location::Origin;
use crate::source::office::{Table, TableName, header};
use crate::text::printable;
use crate::tr;

/// The place of an office diagnostic, and its row when it is in a table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OfficeExcerpt {
    /// `Bảng 3, dòng 15, cột Đơn vị chủ trì`, `sheet Nhiệm vụ, ô F13 (…)`, `đoạn 14`.
    pub place: String,
    pub row: Option<RowExcerpt>,
}

/// A row of a task or objective table cut to the columns that name it (number,
/// title) and the marked one, under its header.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RowExcerpt {
    /// The number of the (last) header row.
    pub header_number: u32,
    pub headers: Vec<String>,
    /// The row's number in its table or sheet.
    pub number: u32,
    /// The row's cells under `headers`; empty when the place is a header row.
    pub cells: Vec<String>,
    /// Which of `headers` is the diagnostic's cell.
    pub marked: usize,
}

/// Where in an office document, in words: `sheet Nhiệm vụ, ô F13 (dòng 13, cột Đơn vị chủ trì)`,
/// `Bảng 3, dòng 15, cột Đơn vị chủ trì`, `đoạn 14`.
pub fn office_place(origin: &Origin, column: Option<&str>, lang: Lang) -> String {
    let col = |c: u32| match column {
        Some(name) if !name.is_empty() => printable(name).into_owned(),
        _ => c.to_string(),
    };
    match origin {
        Origin::Cell { sheet, row, col: c } => tr!(
            lang,
            "sheet {}, ô {}{row} (dòng {row}, cột {})",
            "sheet {}, cell {}{row} (row {row}, column {})",
            printable(sheet),
            Origin::column_letters(*c),
            col(*c)
        ),
        Origin::TableCell { table, row, col: c } => tr!(
            lang,
            "Bảng {table}, dòng {row}, cột {}",
            "table {table}, row {row}, column {}",
            col(*c)
        ),
        Origin::Paragraph(n) => tr!(lang, "đoạn {n}", "paragraph {n}"),
    }
}

/// The excerpt of a diagnostic at `origin` among the document's task tables.
pub fn office(origin: &Origin, tables: &[Table], lang: Lang) -> OfficeExcerpt {
    let bare = || OfficeExcerpt {
        place: office_place(origin, None, lang),
        row: None,
    };
    let (table_name, row, col) = match origin {
        Origin::Cell { sheet, row, col } => (TableName::Sheet(sheet.clone()), *row, *col),
        Origin::TableCell { table, row, col } => (TableName::Word(*table), *row, *col),
        Origin::Paragraph(_) => return bare(),
    };
    let Some(table) = tables.iter().find(|t| t.name == table_name) else {
        return bare();
    };
    let header = header::find(table, header::task_field)
        .filter(|h| h.has(|f| f == header::Field::Title))
        .or_else(|| header::find(table, header::objective_field));
    let Some(header) = header else {
        return bare();
    };
    let heading_of = |c: u32| {
        header
            .columns
            .iter()
            .find(|x| x.col + 1 == c)
            .map(|x| x.text.clone())
    };
    let place = office_place(origin, heading_of(col).as_deref(), lang);
    // The number and title columns, and the marked one.
    let mut cols: Vec<u32> = header
        .columns
        .iter()
        .filter(|c| {
            matches!(
                c.field,
                Some(header::Field::Number | header::Field::Title | header::Field::Statement)
            )
        })
        .map(|c| c.col + 1)
        .collect();
    cols.push(col);
    cols.sort_unstable();
    cols.dedup();
    let shown = |s: &str| printable(&s.replace('\n', " ")).into_owned();
    let at_header = table.rows[header.first..header.body_start()]
        .iter()
        .any(|r| r.number == row);
    let cells = match table.rows.iter().find(|r| r.number == row) {
        Some(r) if !at_header => cols
            .iter()
            .map(|&c| shown(r.slots.get(c as usize - 1).map_or("", |s| s.text.as_str())))
            .collect(),
        _ => Vec::new(),
    };
    let header_number = table
        .rows
        .get(header.body_start().saturating_sub(1))
        .map_or(0, |r| r.number);
    OfficeExcerpt {
        place,
        row: Some(RowExcerpt {
            header_number,
            headers: cols
                .iter()
                .map(|&c| shown(&heading_of(c).unwrap_or_default()))
                .collect(),
            number: row,
            marked: cols.iter().position(|&c| c == col).unwrap_or(0),
            cells,
        }),
    }
}
