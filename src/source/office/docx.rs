//! A Word document's body (`word/document.xml`) as paragraphs and tables of
//! grid cells, with the numbering (`numbering.xml`) and heading styles
//! (`styles.xml`) a paragraph gets. Text is read from `w:t`, `w:tab` and
//! `w:br`; deleted text, field codes, drawings and macros are never read.

use std::collections::HashMap;

use quick_xml::Reader;
use quick_xml::events::{BytesStart, Event};

use super::{
    Block, Document, Limit, MAX_COLUMNS, MAX_ROWS, Merge, Paragraph, Row, Slot, Table, TableName,
    Unopenable, archive, clean_text,
};

/// At most this many cells in a document's tables together.
pub const MAX_CELLS: u64 = 2_000_000;

/// The value of the attribute `w:val` (any prefix) of an element.
fn val(e: &BytesStart<'_>) -> Option<String> {
    attr(e, "val")
}

fn attr(e: &BytesStart<'_>, name: &str) -> Option<String> {
    e.attributes().flatten().find_map(|a| {
        let key = a.key.local_name();
        (key.as_ref() == name)
            .then(|| {
                a.normalized_value(quick_xml::XmlVersion::Implicit1_0)
                    .ok()
                    .map(|v| v.into_owned())
            })
            .flatten()
    })
}

fn local(e: &BytesStart<'_>) -> String {
    e.local_name().as_ref().to_owned()
}

/// What a paragraph style gives its paragraphs.
#[derive(Debug, Default, Clone)]
struct Style {
    based_on: Option<String>,
    num_id: Option<String>,
    ilvl: Option<u32>,
    heading: bool,
}

/// The numbering definitions: `numId` → (level → format).
#[derive(Debug, Default)]
struct Numbering {
    formats: HashMap<String, HashMap<u32, String>>,
}

impl Numbering {
    fn format(&self, num_id: &str, ilvl: u32) -> Option<&str> {
        self.formats.get(num_id)?.get(&ilvl).map(String::as_str)
    }
}

fn xml_error(part: &str, e: impl std::fmt::Display) -> Unopenable {
    Unopenable::Malformed(format!("{part}: {e}"))
}

fn read_styles(xml: &str) -> Result<HashMap<String, Style>, Unopenable> {
    let mut styles = HashMap::new();
    let mut reader = Reader::from_str(xml);
    let mut current: Option<(String, Style)> = None;
    loop {
        match reader
            .read_event()
            .map_err(|e| xml_error("styles.xml", e))?
        {
            Event::Start(e) | Event::Empty(e) => match local(&e).as_str() {
                "style" => {
                    if let Some((id, s)) = current.take() {
                        styles.insert(id, s);
                    }
                    current = attr(&e, "styleId").map(|id| (id, Style::default()));
                }
                "name" => {
                    if let (Some((_, s)), Some(v)) = (&mut current, val(&e)) {
                        let v = v.to_ascii_lowercase();
                        s.heading |= v.starts_with("heading") || v == "title";
                    }
                }
                "basedOn" => {
                    if let Some((_, s)) = &mut current {
                        s.based_on = val(&e);
                    }
                }
                "numId" => {
                    if let Some((_, s)) = &mut current {
                        s.num_id = val(&e);
                    }
                }
                "ilvl" => {
                    if let Some((_, s)) = &mut current {
                        s.ilvl = val(&e).and_then(|v| v.parse().ok());
                    }
                }
                "outlineLvl" => {
                    if let Some((_, s)) = &mut current {
                        s.heading |= val(&e)
                            .and_then(|v| v.parse::<u32>().ok())
                            .is_some_and(|l| l < 9);
                    }
                }
                _ => {}
            },
            Event::End(e) if e.local_name().as_ref() == "style" => {
                if let Some((id, s)) = current.take() {
                    styles.insert(id, s);
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    Ok(styles)
}

fn read_numbering(xml: &str) -> Result<Numbering, Unopenable> {
    let mut abstract_levels: HashMap<String, HashMap<u32, String>> = HashMap::new();
    let mut nums: Vec<(String, String)> = Vec::new();
    let mut reader = Reader::from_str(xml);
    let mut abstract_id: Option<String> = None;
    let mut level: Option<u32> = None;
    let mut num_id: Option<String> = None;
    loop {
        match reader
            .read_event()
            .map_err(|e| xml_error("numbering.xml", e))?
        {
            Event::Start(e) | Event::Empty(e) => match local(&e).as_str() {
                "abstractNum" => abstract_id = attr(&e, "abstractNumId"),
                "lvl" => level = attr(&e, "ilvl").and_then(|v| v.parse().ok()),
                "numFmt" => {
                    if let (Some(a), Some(l), Some(f)) = (&abstract_id, level, val(&e)) {
                        abstract_levels.entry(a.clone()).or_default().insert(l, f);
                    }
                }
                "num" => num_id = attr(&e, "numId"),
                "abstractNumId" => {
                    if let (Some(n), Some(a)) = (&num_id, val(&e)) {
                        nums.push((n.clone(), a));
                    }
                }
                _ => {}
            },
            Event::End(e) => match e.local_name().as_ref() {
                "abstractNum" => abstract_id = None,
                "lvl" => level = None,
                "num" => num_id = None,
                _ => {}
            },
            Event::Eof => break,
            _ => {}
        }
    }
    let mut numbering = Numbering::default();
    for (num, abs) in nums {
        if let Some(levels) = abstract_levels.get(&abs) {
            numbering.formats.insert(num, levels.clone());
        }
    }
    Ok(numbering)
}

/// A paragraph being read.
#[derive(Default)]
struct OpenParagraph {
    text: String,
    style: Option<String>,
    num_id: Option<String>,
    ilvl: Option<u32>,
    /// Every run with text so far is bold.
    bold: bool,
    any_text: bool,
}

/// A cell being read.
#[derive(Default)]
struct OpenCell {
    text: String,
    span: u32,
    /// `Some(true)` restarts a vertical merge, `Some(false)` continues one.
    vmerge: Option<bool>,
    bold: bool,
    any_text: bool,
}

#[derive(Default)]
struct OpenRow {
    grid_before: u32,
    cells: Vec<OpenCell>,
}

/// Reads `word/document.xml` (with numbering and styles) into blocks.
pub fn read(bytes: &[u8]) -> Result<Document, Unopenable> {
    let mut zip = archive::open(bytes)?;
    let body = archive::text(&mut zip, "word/document.xml")?
        .ok_or_else(|| Unopenable::MissingPart("word/document.xml".into()))?;
    let styles = match archive::text(&mut zip, "word/styles.xml")? {
        Some(xml) => read_styles(&xml)?,
        None => HashMap::new(),
    };
    let numbering = match archive::text(&mut zip, "word/numbering.xml")? {
        Some(xml) => read_numbering(&xml)?,
        None => Numbering::default(),
    };
    Body::new(&styles, &numbering).read(&body)
}

struct Body<'s> {
    styles: &'s HashMap<String, Style>,
    numbering: &'s Numbering,
    blocks: Vec<Block>,
    paragraphs: u32,
    tables: u32,
    cells: u64,
}

impl<'s> Body<'s> {
    fn new(styles: &'s HashMap<String, Style>, numbering: &'s Numbering) -> Self {
        Body {
            styles,
            numbering,
            blocks: Vec::new(),
            paragraphs: 0,
            tables: 0,
            cells: 0,
        }
    }

    /// The style `id` and those it is based on, nearest first (at most 20 deep).
    fn style_chain(&self, id: Option<&str>) -> Vec<&'s Style> {
        let mut chain = Vec::new();
        let mut at = id.map(str::to_owned);
        while let Some(id) = at.take() {
            let Some(s) = self.styles.get(&id) else { break };
            chain.push(s);
            if chain.len() >= 20 {
                break;
            }
            at = s.based_on.clone();
        }
        chain
    }

    fn finish_paragraph(&mut self, p: OpenParagraph) {
        self.paragraphs += 1;
        let chain = self.style_chain(p.style.as_deref());
        let num_id = p
            .num_id
            .clone()
            .or_else(|| chain.iter().find_map(|s| s.num_id.clone()));
        let ilvl = p
            .ilvl
            .or_else(|| chain.iter().find_map(|s| s.ilvl))
            .unwrap_or(0);
        let format = num_id
            .as_deref()
            .filter(|n| *n != "0")
            .and_then(|n| self.numbering.format(n, ilvl));
        self.blocks.push(Block::Paragraph(Paragraph {
            number: self.paragraphs,
            text: clean_text(&p.text),
            listed: format.is_some_and(|f| f != "none"),
            roman: format == Some("upperRoman"),
            heading: chain.iter().any(|s| s.heading),
        }));
    }

    fn read(mut self, xml: &str) -> Result<Document, Unopenable> {
        let mut reader = Reader::from_str(xml);
        // Nesting of tables: 0 in the body, 1 in a top-level table, more in nested ones.
        let mut depth = 0u32;
        let mut paragraph: Option<OpenParagraph> = None;
        let mut rows: Vec<Row> = Vec::new();
        let mut row: Option<OpenRow> = None;
        let mut cell: Option<OpenCell> = None;
        let mut in_text = false;
        let mut in_run_props = false;
        let mut run_bold = false;
        loop {
            let event = reader
                .read_event()
                .map_err(|e| xml_error("document.xml", e))?;
            let (start, empty) = match &event {
                Event::Start(_) => (true, false),
                Event::Empty(_) => (true, true),
                _ => (false, false),
            };
            match event {
                Event::Start(e) | Event::Empty(e) if start => match local(&e).as_str() {
                    "p" if depth == 0 && !empty => {
                        paragraph = Some(OpenParagraph {
                            bold: true,
                            ..Default::default()
                        })
                    }
                    "p" if depth == 0 => self.finish_paragraph(OpenParagraph::default()),
                    "pStyle" if depth == 0 => {
                        if let Some(p) = &mut paragraph {
                            p.style = val(&e);
                        }
                    }
                    "numId" if depth == 0 => {
                        if let Some(p) = &mut paragraph {
                            p.num_id = val(&e);
                        }
                    }
                    "ilvl" if depth == 0 => {
                        if let Some(p) = &mut paragraph {
                            p.ilvl = val(&e).and_then(|v| v.parse().ok());
                        }
                    }
                    "tbl" if !empty => {
                        depth += 1;
                        if depth == 1 {
                            rows.clear();
                        } else if let Some(c) = &mut cell {
                            c.text.push('\n');
                        }
                    }
                    "tr" if depth == 1 && !empty => row = Some(OpenRow::default()),
                    "gridBefore" if depth == 1 => {
                        if let Some(r) = &mut row {
                            r.grid_before = val(&e)
                                .and_then(|v| v.parse().ok())
                                .unwrap_or(0)
                                .min(MAX_COLUMNS);
                        }
                    }
                    "tc" if depth == 1 && !empty => {
                        cell = Some(OpenCell {
                            span: 1,
                            bold: true,
                            ..Default::default()
                        })
                    }
                    "gridSpan" if depth == 1 => {
                        if let Some(c) = &mut cell {
                            c.span = val(&e)
                                .and_then(|v| v.parse().ok())
                                .unwrap_or(1)
                                .clamp(1, MAX_COLUMNS);
                        }
                    }
                    "vMerge" if depth == 1 => {
                        if let Some(c) = &mut cell {
                            c.vmerge = Some(val(&e).is_some_and(|v| v == "restart"));
                        }
                    }
                    "r" => {
                        in_run_props = false;
                        run_bold = false;
                    }
                    "rPr" if !empty => in_run_props = true,
                    "b" if in_run_props => {
                        run_bold = val(&e).is_none_or(|v| v != "0" && v != "false");
                    }
                    "t" if !empty => in_text = true,
                    "tab" => push_text(&mut paragraph, &mut cell, depth, " ", None),
                    "br" | "cr" => push_text(&mut paragraph, &mut cell, depth, "\n", None),
                    _ => {}
                },
                Event::Text(t) if in_text => {
                    let text = t.into_inner();
                    push_text(&mut paragraph, &mut cell, depth, &text, Some(run_bold));
                }
                Event::GeneralRef(r) if in_text => {
                    let resolved = match r.resolve_char_ref() {
                        Ok(Some(c)) => c.to_string(),
                        _ => match r.into_inner().as_ref() {
                            "amp" => "&".into(),
                            "lt" => "<".into(),
                            "gt" => ">".into(),
                            "quot" => "\"".into(),
                            "apos" => "'".into(),
                            _ => String::new(),
                        },
                    };
                    push_text(&mut paragraph, &mut cell, depth, &resolved, Some(run_bold));
                }
                Event::End(e) => match e.local_name().as_ref() {
                    "t" => in_text = false,
                    "rPr" => in_run_props = false,
                    "r" => run_bold = false,
                    "p" if depth == 0 => {
                        if let Some(p) = paragraph.take() {
                            self.finish_paragraph(p);
                        }
                    }
                    "p" if depth >= 1 => {
                        if let Some(c) = &mut cell {
                            c.text.push('\n');
                        }
                    }
                    "tc" if depth == 1 => {
                        if let (Some(r), Some(c)) = (&mut row, cell.take()) {
                            r.cells.push(c);
                        }
                    }
                    "tr" if depth == 1 => {
                        if let Some(r) = row.take() {
                            self.cells = self
                                .cells
                                .saturating_add(r.cells.len() as u64 + u64::from(r.grid_before));
                            if self.cells > MAX_CELLS {
                                return Err(Unopenable::Limit(Limit::Rows(rows.len() as u64)));
                            }
                            if rows.len() as u64 >= u64::from(MAX_ROWS) {
                                return Err(Unopenable::Limit(Limit::Rows(rows.len() as u64 + 1)));
                            }
                            let number = rows.len() as u32 + 1;
                            rows.push(grid_row(number, r)?);
                        }
                    }
                    "tbl" => {
                        if depth == 1 {
                            self.tables += 1;
                            self.blocks.push(Block::Table(Table {
                                name: TableName::Word(self.tables),
                                rows: std::mem::take(&mut rows),
                            }));
                        }
                        depth = depth.saturating_sub(1);
                    }
                    _ => {}
                },
                Event::Eof => break,
                _ => {}
            }
        }
        Ok(Document {
            blocks: self.blocks,
        })
    }
}

fn push_text(
    paragraph: &mut Option<OpenParagraph>,
    cell: &mut Option<OpenCell>,
    depth: u32,
    text: &str,
    bold: Option<bool>,
) {
    let visible = bold.filter(|_| !text.trim().is_empty());
    if depth == 0 {
        if let Some(p) = paragraph {
            p.text.push_str(text);
            if let Some(b) = visible {
                p.bold &= b;
                p.any_text = true;
            }
        }
    } else if let Some(c) = cell {
        c.text.push_str(text);
        if let Some(b) = visible {
            c.bold &= b;
            c.any_text = true;
        }
    }
}

/// A row's cells laid on the grid: `gridBefore` empty slots, then each cell
/// over its `gridSpan` columns.
fn grid_row(number: u32, row: OpenRow) -> Result<Row, Unopenable> {
    let mut slots: Vec<Slot> = (0..row.grid_before).map(|_| Slot::default()).collect();
    for cell in row.cells {
        let first = slots.len() as u32;
        let last = first + cell.span - 1;
        if last >= MAX_COLUMNS {
            return Err(Unopenable::Limit(Limit::Columns(u64::from(last) + 1)));
        }
        let merged = (cell.span > 1 || cell.vmerge.is_some()).then_some(Merge {
            first_col: first,
            last_col: last,
            origin: cell.vmerge != Some(false),
            vertical: cell.vmerge.is_some(),
        });
        let text = if cell.vmerge == Some(false) {
            String::new()
        } else {
            clean_text(&cell.text)
        };
        let bold = cell.bold && cell.any_text;
        for col in first..=last {
            slots.push(Slot {
                text: if col == first {
                    text.clone()
                } else {
                    String::new()
                },
                merged: merged.map(|m| Merge {
                    origin: m.origin && col == first,
                    ..m
                }),
                bold,
                ..Slot::default()
            });
        }
    }
    Ok(Row { number, slots })
}
