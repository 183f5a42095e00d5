//! Where a diagnostic points: positions and spans in a source, the part of a
//! node meant, a typed `Pointer` of key/index segments (RFC 6901 when shown),
//! and the one resolver that turns a pointer into a span against a source map
//! (a YAML tree, later the cells of a table), falling back to the nearest
//! existing ancestor and never failing.

use std::borrow::Cow;
use std::fmt;

/// A position in the source: 1-based line, 0-based column in Unicode code points.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Default, Hash)]
pub struct Pos {
    pub line: u32,
    pub col: u32,
}

/// A half-open range of source positions.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Hash)]
pub struct Span {
    pub start: Pos,
    pub end: Pos,
}

impl Span {
    /// The start of the document: line 1, column 1, zero width.
    pub const DOCUMENT: Span = Span {
        start: Pos { line: 1, col: 0 },
        end: Pos { line: 1, col: 0 },
    };

    /// One character at `at`.
    pub fn char_at(at: Pos) -> Span {
        Span {
            start: at,
            end: Pos {
                line: at.line,
                col: at.col.saturating_add(1),
            },
        }
    }

    pub fn is_empty(&self) -> bool {
        self.start == self.end
    }
}

/// Which part of the node a diagnostic points at.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Part {
    /// The value itself.
    Value,
    /// The key that holds the value (`tasks:` for `/tasks`).
    Key,
    /// The start of a mapping: its first key (a key missing from it).
    Start,
}

/// One step of a pointer: a mapping key or a list index.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Segment {
    Key(Cow<'static, str>),
    Index(usize),
}

/// A path from the document root to a value (`/tasks/3/lead`), built by the
/// loader for every model item and extended by rules (`task.at("lead")`).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default, PartialOrd, Ord)]
pub struct Pointer(Vec<Segment>);

impl Pointer {
    /// The whole document (`""`).
    pub const fn root() -> Pointer {
        Pointer(Vec::new())
    }

    /// A pointer of fixed keys from the root: `Pointer::keys(&["plan", "period"])`.
    pub fn keys(keys: &[&'static str]) -> Pointer {
        Pointer(
            keys.iter()
                .map(|k| Segment::Key(Cow::Borrowed(*k)))
                .collect(),
        )
    }

    /// This pointer extended by a mapping key.
    #[must_use]
    pub fn key(mut self, key: impl Into<Cow<'static, str>>) -> Pointer {
        self.0.push(Segment::Key(key.into()));
        self
    }

    /// This pointer extended by a list index.
    #[must_use]
    pub fn index(mut self, index: usize) -> Pointer {
        self.0.push(Segment::Index(index));
        self
    }

    /// A new pointer: this one and `key` (with room for one step more, as a
    /// list item's index, without growing).
    #[must_use]
    pub fn with_key(&self, key: impl Into<Cow<'static, str>>) -> Pointer {
        let mut segments = Vec::with_capacity(self.0.len() + 2);
        segments.extend_from_slice(&self.0);
        segments.push(Segment::Key(key.into()));
        Pointer(segments)
    }

    pub fn segments(&self) -> &[Segment] {
        &self.0
    }

    pub fn is_root(&self) -> bool {
        self.0.is_empty()
    }

    /// The pointer one step up; the root has none.
    pub fn parent(&self) -> Option<Pointer> {
        let (_, rest) = self.0.split_last()?;
        Some(Pointer(rest.to_vec()))
    }

    /// How a place is named in messages: its key (`lead`), or for a list item its
    /// list and position, counted from 1 as officers count (`units #2`).
    pub fn label(&self) -> String {
        match self.0.as_slice() {
            [] => String::new(),
            [.., Segment::Key(parent), Segment::Index(i)] => format!("{parent} #{}", i + 1),
            [.., Segment::Key(k)] => k.to_string(),
            [.., Segment::Index(i)] => format!("#{}", i + 1),
        }
    }
}

/// RFC 6901: `/tasks/3/lead`, `~` and `/` in keys escaped; `""` for the root.
impl fmt::Display for Pointer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for segment in &self.0 {
            match segment {
                Segment::Index(i) => write!(f, "/{i}")?,
                Segment::Key(k) => {
                    f.write_str("/")?;
                    // The key in runs between the two characters that are escaped.
                    let mut rest: &str = k;
                    while let Some(at) = rest.find(['~', '/']) {
                        f.write_str(&rest[..at])?;
                        f.write_str(if rest.as_bytes()[at] == b'~' {
                            "~0"
                        } else {
                            "~1"
                        })?;
                        rest = &rest[at + 1..];
                    }
                    f.write_str(rest)?;
                }
            }
        }
        Ok(())
    }
}

/// Where a value of an office document is: a cell of a sheet, a cell of a
/// Word table, or a body paragraph (rows, columns and numbers from 1).
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Origin {
    Cell { sheet: String, row: u32, col: u32 },
    TableCell { table: u32, row: u32, col: u32 },
    Paragraph(u32),
}

impl Origin {
    /// The line and column a diagnostic there has: the row and column, or the
    /// paragraph's number and 1.
    pub fn line_column(&self) -> (u32, u32) {
        match self {
            Origin::Cell { row, col, .. } | Origin::TableCell { row, col, .. } => (*row, *col),
            Origin::Paragraph(n) => (*n, 1),
        }
    }

    /// A cell's column as Excel letters (`1` → `A`, `27` → `AA`).
    pub fn column_letters(col: u32) -> String {
        let mut n = col.max(1);
        let mut out = Vec::new();
        while n > 0 {
            let rem = (n - 1) % 26;
            out.push(b'A' + rem as u8);
            n = (n - 1) / 26;
        }
        out.reverse();
        String::from_utf8(out).unwrap_or_default()
    }

    /// The row (or paragraph) in a message, naming a task or objective by
    /// where it is: `sheet Nhiệm vụ, dòng 12`, `Bảng 2, dòng 5`, `đoạn 14`.
    pub fn row_name(&self, lang: crate::i18n::Lang) -> String {
        match self {
            Origin::Cell { sheet, row, .. } => {
                crate::tr!(
                    lang,
                    "sheet {sheet}, dòng {row}",
                    "sheet {sheet}, row {row}"
                )
            }
            Origin::TableCell { table, row, .. } => {
                crate::tr!(lang, "Bảng {table}, dòng {row}", "table {table}, row {row}")
            }
            Origin::Paragraph(n) => crate::tr!(lang, "đoạn {n}", "paragraph {n}"),
        }
    }

    /// How the place is written in a source comment: `Phụ lục!B12`, `Bảng 3, dòng 12`, `Đoạn 14`.
    pub fn reference(&self) -> String {
        match self {
            Origin::Cell { sheet, row, col } => {
                format!("{sheet}!{}{row}", Origin::column_letters(*col))
            }
            Origin::TableCell { table, row, .. } => format!("Bảng {table}, dòng {row}"),
            Origin::Paragraph(n) => format!("Đoạn {n}"),
        }
    }
}

/// A source that can say where the value at a path is.
pub trait SourceMap {
    /// The span of `part` of the value at `path`, `None` when `path` names nothing.
    fn find(&self, path: &[Segment], part: Part) -> Option<Span>;
}

/// The span of `part` of the value at `pointer`. A pointer that names nothing
/// falls back to the key of its nearest existing ancestor; without a source
/// (or at the root) it is line 1, column 1.
pub fn resolve(map: Option<&dyn SourceMap>, pointer: &Pointer, part: Part) -> Span {
    let Some(map) = map else {
        return Span::DOCUMENT;
    };
    let path = pointer.segments();
    if let Some(span) = map.find(path, part) {
        return span;
    }
    (0..path.len())
        .rev()
        .find_map(|n| map.find(&path[..n], Part::Key))
        .unwrap_or(Span::DOCUMENT)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pointers_display_as_rfc_6901() {
        let p = Pointer::keys(&["tasks"]).index(3).key("lead");
        assert_eq!(p.to_string(), "/tasks/3/lead");
        assert_eq!(Pointer::root().key("a/b~c").to_string(), "/a~1b~0c");
        assert_eq!(Pointer::root().to_string(), "");
    }

    #[test]
    fn excel_columns_are_letters() {
        assert_eq!(Origin::column_letters(1), "A");
        assert_eq!(Origin::column_letters(26), "Z");
        assert_eq!(Origin::column_letters(27), "AA");
        let cell = Origin::Cell {
            sheet: "Phụ lục".into(),
            row: 12,
            col: 5,
        };
        assert_eq!(cell.reference(), "Phụ lục!E12");
    }

    #[test]
    fn labels_count_list_items_from_one() {
        assert_eq!(Pointer::keys(&["units"]).index(1).label(), "units #2");
        assert_eq!(Pointer::keys(&["plan", "number"]).label(), "number");
        assert_eq!(
            Pointer::keys(&["units"]).index(1).parent(),
            Some(Pointer::keys(&["units"]))
        );
    }
}
