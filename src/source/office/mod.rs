//! Plans in office documents (OFFICE-FORMAT.md): a `.docx` or `.xlsx` read
//! into paragraphs and tables of grid cells ([`docx`], [`xlsx`], under the
//! limits of [`archive`]), then mapped into the same plan tree a YAML file
//! gives ([`plan`]), every value keeping the cell or paragraph it came from.
//! Nothing here names a rule: what cannot be read comes back as a typed note.

pub mod archive;
pub mod docx;
pub mod header;
pub mod plan;
pub mod xlsx;

use crate::location::Origin;

/// Which kind of office document a path names, by its extension.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Word,
    Excel,
}

impl Kind {
    /// The kind of a file named `name` (`.docx`/`.docm`, `.xlsx`/`.xlsm`), case-insensitively.
    pub fn of(name: &str) -> Option<Kind> {
        let ext = name.rsplit_once('.')?.1.to_ascii_lowercase();
        match ext.as_str() {
            "docx" | "docm" => Some(Kind::Word),
            "xlsx" | "xlsm" => Some(Kind::Excel),
            _ => None,
        }
    }
}

/// Why a document could not be read (T001).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Unopenable {
    /// Not a zip archive at all (a legacy `.doc`/`.xls` renamed, a text file).
    NotAnArchive,
    /// Password-protected (an OLE container).
    Encrypted,
    /// A zip archive without the part a document of that kind needs.
    MissingPart(String),
    /// A member or the archive breaks a limit of OFFICE-FORMAT.md.
    Limit(Limit),
    /// A part declares a DTD or entities.
    Dtd(String),
    /// A part is not well-formed XML, or the reading crate refused it.
    Malformed(String),
}

/// The limits of OFFICE-FORMAT.md "Files".
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Limit {
    /// More than [`archive::MAX_UNCOMPRESSED`] bytes once inflated, in total.
    Uncompressed(u64),
    /// A member inflating to more than [`archive::MAX_RATIO`] times its size.
    Ratio { member: String, ratio: u64 },
    /// More than [`MAX_ROWS`] rows in a table or sheet.
    Rows(u64),
    /// More than [`MAX_COLUMNS`] columns.
    Columns(u64),
}

/// At most this many rows per table or sheet.
pub const MAX_ROWS: u32 = 100_000;
/// At most this many columns.
pub const MAX_COLUMNS: u32 = 1_000;

/// A document: its body in order, paragraphs and tables.
#[derive(Debug, Clone, Default)]
pub struct Document {
    pub blocks: Vec<Block>,
}

/// One block of a body.
#[derive(Debug, Clone)]
pub enum Block {
    Paragraph(Paragraph),
    Table(Table),
}

/// A body paragraph of a Word document.
#[derive(Debug, Clone, Default)]
pub struct Paragraph {
    /// Its number among the body's paragraphs, from 1.
    pub number: u32,
    pub text: String,
    /// Word numbers or bullets it (directly or through its style).
    pub listed: bool,
    /// Word numbers it with an upper-Roman format.
    pub roman: bool,
    /// Its style is a heading.
    pub heading: bool,
}

/// Where a table is: a Word table's number, or an Excel sheet's name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TableName {
    Word(u32),
    Sheet(String),
}

/// A table as a grid: each row holds one slot per grid column.
#[derive(Debug, Clone)]
pub struct Table {
    pub name: TableName,
    pub rows: Vec<Row>,
}

/// A row of a table.
#[derive(Debug, Clone, Default)]
pub struct Row {
    /// The row's number in its table or sheet, from 1.
    pub number: u32,
    pub slots: Vec<Slot>,
}

/// One grid column of a row.
#[derive(Debug, Clone, Default)]
pub struct Slot {
    /// The text, as OFFICE-FORMAT.md "Text" reads it; empty for a slot covered
    /// by a merged cell that starts elsewhere.
    pub text: String,
    /// The columns (from 0) of the merged cell this slot belongs to, when it is
    /// merged over several; `first` is the slot's own column when it starts it.
    pub merged: Option<Merge>,
    /// An Excel number cell's value.
    pub number: Option<f64>,
    /// An Excel date cell's day, as `YYYY-MM-DD`.
    pub date: Option<String>,
    /// Every run of the text is bold.
    pub bold: bool,
}

/// The extent of a merged cell, in grid columns and rows (from 0).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Merge {
    pub first_col: u32,
    pub last_col: u32,
    /// Whether this slot is the cell's first row and column (it holds the text).
    pub origin: bool,
    /// Whether the merged cell also spans rows below or above.
    pub vertical: bool,
}

impl Table {
    /// The place of the cell at `row` (a row number) and `col` (from 0).
    pub fn origin(&self, row: u32, col: u32) -> Origin {
        match &self.name {
            TableName::Word(table) => Origin::TableCell {
                table: *table,
                row,
                col: col + 1,
            },
            TableName::Sheet(sheet) => Origin::Cell {
                sheet: sheet.clone(),
                row,
                col: col + 1,
            },
        }
    }
}

/// Reads a document's bytes into its blocks, under the limits.
pub fn read(kind: Kind, bytes: &[u8]) -> Result<Document, Unopenable> {
    archive::check(bytes)?;
    match kind {
        Kind::Word => docx::read(bytes),
        Kind::Excel => xlsx::read(bytes),
    }
}

/// Plain text as OFFICE-FORMAT.md "Text" says: line breaks kept as `\n`,
/// other whitespace runs collapsed to one space, each line trimmed, NFC.
pub fn clean_text(raw: &str) -> String {
    let mut out = String::with_capacity(raw.len());
    for (i, line) in raw.split('\n').enumerate() {
        if i > 0 {
            out.push('\n');
        }
        let mut first = true;
        for word in line.split_whitespace() {
            if !first {
                out.push(' ');
            }
            out.push_str(word);
            first = false;
        }
    }
    let trimmed = out.trim_matches(|c: char| c.is_whitespace());
    crate::text::nfc(trimmed).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_keeps_line_breaks_and_collapses_the_rest() {
        assert_eq!(
            clean_text("  Phòng\t Tư  pháp \n Văn phòng "),
            "Phòng Tư pháp\nVăn phòng"
        );
        assert_eq!(Kind::of("KE-HOACH.DOCX"), Some(Kind::Word));
        assert_eq!(Kind::of("a.xlsm"), Some(Kind::Excel));
        assert_eq!(Kind::of("a.yaml"), None);
    }
}
