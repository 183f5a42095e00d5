//! An office document mapped into the plan tree a YAML file gives
//! (OFFICE-FORMAT.md): the identity from the Decree 30 header block, an
//! appendix line or a `Thông tin` sheet; objectives from the `MỤC TIÊU`
//! section and objectives tables; tasks from task tables with their group
//! rows; units from lead and support cells; funding from `KINH PHÍ`. Every
//! node's span stands for the cell or paragraph it came from (line `n` is
//! `origins[n - 1]`), so the YAML lowering, the rules and the resolver run
//! unchanged, and the places are translated back at the end.

use std::borrow::Cow;

use super::header::{self, Field, Header};
use super::{Block, Document, Paragraph, Row, Table, TableName};
use crate::location::{Origin, Pointer, Pos, Span};
use crate::profile::{Item, Profile};
use crate::text;
use crate::yaml::{Entry, Node, Scalar, Style, Value};

/// What reading a document notes for the T rules.
#[derive(Debug, Clone, PartialEq)]
pub enum OfficeNote {
    /// No table has a task header: the tables found, with their header cells.
    NoTaskTable { tables: Vec<(String, Vec<String>)> },
    /// A column whose header names no field, at its header cell.
    UnknownColumn { span: Span, header: String },
}

/// What `import` says it read.
#[derive(Debug, Clone, Default)]
pub struct ReadSummary {
    pub tables_used: Vec<String>,
    pub tables_ignored: Vec<String>,
    pub tasks: usize,
    pub objectives: usize,
    /// The identity fields found (`agency`, `number`…).
    pub identity: Vec<&'static str>,
}

/// A document as a plan tree.
#[derive(Debug, Clone)]
pub struct Lowered {
    pub tree: Node<'static>,
    /// The place of each synthetic line: line `n` is `origins[n - 1]`.
    pub origins: Vec<Origin>,
    pub notes: Vec<OfficeNote>,
    /// Values the document does not state, inferred from its words.
    pub inferred: Vec<Pointer>,
    pub summary: ReadSummary,
    /// The task and objectives tables read, for showing a row in diagnostics.
    pub tables: Vec<Table>,
}

impl Lowered {
    /// Each task's and objective's id with the place of its row.
    pub fn rows(&self) -> Vec<(String, &Origin)> {
        let mut out = Vec::new();
        for list in ["tasks", "objectives"] {
            let items = self
                .tree
                .get(list)
                .and_then(|e| e.value.items())
                .unwrap_or_default();
            for item in items {
                if let Some(id) = item.get("id")
                    && let Some(text) = id.value.scalar().map(|s| s.text.to_string())
                    && let Some(origin) = self.origin(id.value.span.start.line)
                {
                    out.push((text, origin));
                }
            }
        }
        out
    }

    /// The place a synthetic span stands for.
    pub fn origin(&self, line: u32) -> Option<&Origin> {
        self.origins
            .get(usize::try_from(line).ok()?.checked_sub(1)?)
    }
}

/// Synthetic spans: one line per place.
#[derive(Default)]
struct Places {
    origins: Vec<Origin>,
}

impl Places {
    fn span(&mut self, origin: &Origin) -> Span {
        if self.origins.last() != Some(origin) {
            self.origins.push(origin.clone());
        }
        let line = u32::try_from(self.origins.len()).unwrap_or(u32::MAX);
        Span {
            start: Pos { line, col: 0 },
            end: Pos { line, col: 1 },
        }
    }
}

fn scalar(text: impl Into<String>, style: Style, span: Span) -> Node<'static> {
    Node {
        value: Value::Scalar(Scalar {
            text: Cow::Owned(text.into()),
            style,
        }),
        span,
        flow: false,
    }
}

fn quoted(text: impl Into<String>, span: Span) -> Node<'static> {
    scalar(text, Style::Quoted, span)
}

fn plain(text: impl Into<String>, span: Span) -> Node<'static> {
    scalar(text, Style::Plain, span)
}

/// A mapping whose keys sit where their values are.
fn map(entries: Vec<(String, Node<'static>)>, span: Span) -> Node<'static> {
    Node {
        value: Value::Map(
            entries
                .into_iter()
                .map(|(k, v)| Entry {
                    key: quoted(k, v.span),
                    value: v,
                })
                .collect(),
        ),
        span,
        flow: false,
    }
}

/// A mapping keyed by year (`schedule`, `milestones`): plain keys, read as
/// numbers as a YAML plan writes them, at the first value's place.
fn year_map(entries: Vec<(String, Node<'static>)>, fallback: Span) -> Node<'static> {
    let span = entries.first().map_or(fallback, |(_, n)| n.span);
    Node {
        value: Value::Map(
            entries
                .into_iter()
                .map(|(k, v)| Entry {
                    key: plain(k, v.span),
                    value: v,
                })
                .collect(),
        ),
        span,
        flow: false,
    }
}

fn seq(items: Vec<Node<'static>>, span: Span) -> Node<'static> {
    Node {
        value: Value::Seq(items.into()),
        span,
        flow: false,
    }
}

/// A number as officers write it in a document: `95,5`, `150.000.000`,
/// `150 000 000`, `95%` (the `%` returned apart).
pub fn locale_number(raw: &str) -> Option<(f64, bool)> {
    let t = raw.trim();
    let (t, percent) = match t.strip_suffix('%') {
        Some(n) => (n.trim_end(), true),
        None => (t, false),
    };
    let compact: String = t.chars().filter(|c| !c.is_whitespace()).collect();
    let (neg, digits) = match compact.strip_prefix('-') {
        Some(d) => (true, d),
        None => (false, compact.as_str()),
    };
    if digits.is_empty()
        || !digits
            .chars()
            .all(|c| c.is_ascii_digit() || c == '.' || c == ',')
    {
        return None;
    }
    let (int, frac) = match digits.split_once(',') {
        Some((i, f)) if !f.contains([',', '.']) => (i, Some(f)),
        Some(_) => return None,
        None => (digits, None),
    };
    let groups: Vec<&str> = int.split('.').collect();
    let thousands = groups.len() > 1
        && (1..=3).contains(&groups[0].len())
        && groups[1..].iter().all(|g| g.len() == 3);
    let number = if thousands {
        let whole: String = groups.concat();
        match frac {
            Some(f) => format!("{whole}.{f}"),
            None => whole,
        }
    } else if let Some(f) = frac {
        if int.contains('.') {
            return None;
        }
        format!("{int}.{f}")
    } else {
        int.to_owned()
    };
    let value: f64 = number.parse().ok().filter(|v: &f64| v.is_finite())?;
    Some((if neg { -value } else { value }, percent))
}

/// A number written back for the tree: `2023`, `95.5`.
fn number_text(v: f64) -> String {
    super::xlsx::number_text(v)
}

/// A catalog of the profile an office document can name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Catalog {
    Area,
    Competitiveness,
    KeyTask,
}

/// The codes, names and aliases of a catalog entry, as folded words.
fn names_of(code: &str, vi: &str, aliases: &[String]) -> Vec<Vec<String>> {
    let mut out = vec![text::words(code), text::words(vi)];
    out.extend(aliases.iter().map(|a| text::words(a)));
    out.retain(|w| !w.is_empty());
    out
}

struct Names {
    entries: Vec<(Catalog, String, Vec<Vec<String>>)>,
    audiences: Vec<(String, Vec<Vec<String>>)>,
    funding: Vec<(String, Vec<Vec<String>>)>,
}

impl Names {
    fn new(profile: &Profile) -> Names {
        let mut entries = Vec::new();
        for a in &profile.areas {
            entries.push((
                Catalog::Area,
                a.code.clone(),
                names_of(&a.code, &a.vi, &a.aliases),
            ));
        }
        let items = |c: Catalog, list: &[Item], out: &mut Vec<_>| {
            for i in list {
                out.push((c, i.code.clone(), names_of(&i.code, &i.vi, &i.aliases)));
            }
        };
        items(
            Catalog::Competitiveness,
            &profile.competitiveness,
            &mut entries,
        );
        items(Catalog::KeyTask, &profile.key_tasks, &mut entries);
        let list = |l: &[Item]| {
            l.iter()
                .map(|i| (i.code.clone(), names_of(&i.code, &i.vi, &i.aliases)))
                .collect()
        };
        Names {
            entries,
            audiences: list(&profile.audiences),
            funding: list(&profile.funding),
        }
    }

    /// What a group title names: the longest name or alias it starts with.
    fn group(&self, words: &[String]) -> Option<(Catalog, String)> {
        self.entries
            .iter()
            .flat_map(|(c, code, names)| names.iter().map(move |n| (c, code, n)))
            .filter(|(_, _, n)| text::starts_with_phrase(words, n))
            .max_by_key(|(_, _, n)| n.len())
            .map(|(c, code, _)| (*c, code.clone()))
    }

    /// Whether `text` is, as a whole, a code or name of `catalog`.
    fn is_name(&self, catalog: Option<Catalog>, text: &str) -> bool {
        let w = text::words(text);
        match catalog {
            Some(c) => self
                .entries
                .iter()
                .filter(|(k, _, _)| *k == c)
                .any(|(_, _, names)| names.contains(&w)),
            None => self.audiences.iter().any(|(_, names)| names.contains(&w)),
        }
    }
}

/// Numbering at the start of a title (`I.`, `II -`, `1.`, `a)`), and the rest.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Numbering {
    Roman,
    Arabic,
    Letter,
}

impl Numbering {
    fn level(self) -> u8 {
        match self {
            Numbering::Roman => 0,
            Numbering::Arabic => 1,
            Numbering::Letter => 2,
        }
    }
}

fn is_roman(s: &str) -> bool {
    const ROMANS: &[&str] = &["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX"];
    let tens = s.trim_start_matches('X');
    let x = s.len() - tens.len();
    !s.is_empty() && x <= 3 && (tens.is_empty() || ROMANS.contains(&tens))
}

/// The numbering of a token (`II`, `3`, `1.2`, `a`).
fn numbering_of(token: &str) -> Option<Numbering> {
    let t = token.trim();
    if t.is_empty() {
        return None;
    }
    if is_roman(t) {
        return Some(Numbering::Roman);
    }
    if t.split('.')
        .all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()))
    {
        return Some(Numbering::Arabic);
    }
    let mut chars = t.chars();
    match (chars.next(), chars.next()) {
        (Some(c), None) if c.is_alphabetic() => Some(Numbering::Letter),
        _ => None,
    }
}

/// Splits a numbering off the start of `title`: `II. Cải cách` → (Roman, `Cải cách`).
fn split_numbering(title: &str) -> (Option<Numbering>, &str) {
    let t = title.trim_start();
    let end = t
        .char_indices()
        .find(|(_, c)| !(c.is_alphanumeric() || *c == '.'))
        .map_or(t.len(), |(i, _)| i);
    let token = t[..end].trim_end_matches('.');
    let after = &t[end..];
    let sep = after.trim_start();
    let has_sep = t[..end].ends_with('.')
        || sep.starts_with([')', '-', '–', '.', ':'])
        || (after.is_empty() && end > 0);
    if !has_sep || token.is_empty() || token.chars().count() > 6 {
        return (None, title);
    }
    match numbering_of(token) {
        Some(n) => {
            let rest = sep
                .trim_start_matches([')', '-', '–', '.', ':'])
                .trim_start();
            (Some(n), rest)
        }
        None => (None, title),
    }
}

/// A group title's words after `Chỉ số`, `Về` or `Nhóm`.
fn group_words(rest: &str) -> Vec<Vec<String>> {
    let words = text::words(rest);
    let mut out = vec![words.clone()];
    for prefix in [&["chi", "so"][..], &["ve"], &["nhom"]] {
        if words.len() > prefix.len() && words.iter().zip(prefix).all(|(a, b)| a == b) {
            out.push(words[prefix.len()..].to_vec());
        }
    }
    out
}

/// Text in capitals only (at least one letter).
fn all_caps(s: &str) -> bool {
    s.chars().any(char::is_alphabetic) && !s.chars().any(char::is_lowercase)
}

/// Splits a multi-valued cell (`competitiveness`, `focus`, `audience`) at line
/// breaks and `;`, and at `,` except inside a name of `catalog`.
fn split_values(cell: &str, names: &Names, catalog: Option<Catalog>) -> Vec<String> {
    let mut out = Vec::new();
    for part in cell
        .split(['\n', ';'])
        .map(str::trim)
        .filter(|p| !p.is_empty())
    {
        if names.is_name(catalog, part) || !part.contains(',') {
            out.push(part.to_owned());
            continue;
        }
        let pieces: Vec<&str> = part.split(',').map(str::trim).collect();
        let mut i = 0;
        while i < pieces.len() {
            let mut end = i + 1;
            for j in (i + 2..=pieces.len()).rev() {
                if names.is_name(catalog, &pieces[i..j].join(", ")) {
                    end = j;
                    break;
                }
            }
            let joined = pieces[i..end].join(", ");
            if !joined.is_empty() {
                out.push(joined);
            }
            i = end;
        }
    }
    out
}

const SPLIT_AFTER_VA: &[&str] = &[
    "Phòng",
    "Văn phòng",
    "Ban",
    "Trung tâm",
    "Chi cục",
    "Thanh tra",
    "Trường",
    "Bệnh viện",
];

/// Whether `rest` begins with one of `phrases` (folded words) as whole words.
fn starts_with_any(rest: &str, phrases: &[Vec<String>]) -> bool {
    let words = text::words(rest);
    phrases.iter().any(|p| text::starts_with_phrase(&words, p))
}

/// Splits a lead or support cell into unit names (OFFICE-FORMAT.md "Units").
fn split_units(cell: &str, profile: &Profile) -> Vec<String> {
    let unit_words = &profile.folded().unit_words;
    let after_va: Vec<Vec<String>> = SPLIT_AFTER_VA.iter().map(|w| text::words(w)).collect();
    let mut out = Vec::new();
    for part in cell.split(['\n', ';']) {
        let mut current = String::new();
        let mut rest = part;
        loop {
            let comma = rest.find(',');
            let va = rest.find(" và ");
            let (at, len, phrases) = match (comma, va) {
                (Some(c), Some(v)) if v < c => (v, " và ".len(), &after_va),
                (Some(c), _) => (c, 1, unit_words),
                (None, Some(v)) => (v, " và ".len(), &after_va),
                (None, None) => break,
            };
            let after = &rest[at + len..];
            current.push_str(&rest[..at]);
            if starts_with_any(after, phrases) {
                out.push(std::mem::take(&mut current));
            } else {
                current.push_str(&rest[at..at + len]);
            }
            rest = after;
        }
        current.push_str(rest);
        out.push(current);
    }
    out.into_iter()
        .map(|s| s.trim().trim_end_matches([',', '.']).trim().to_owned())
        .filter(|s| !s.is_empty())
        .collect()
}

/// The units a document names, in order of first appearance.
#[derive(Default)]
struct UnitRegistry {
    /// (folded name, name, where first named)
    units: Vec<(String, String, Origin)>,
    /// Units declared by a `Mã | Tên đơn vị` sheet: (id, name, where).
    declared: Option<Vec<(String, String, Origin)>>,
}

impl UnitRegistry {
    fn note(&mut self, name: &str, origin: &Origin) {
        if self.declared.is_some() {
            return;
        }
        let key = text::name_key(name);
        if !self.units.iter().any(|(k, _, _)| *k == key) {
            self.units.push((key, name.to_owned(), origin.clone()));
        }
    }
}

/// An open group row of a task or objectives table.
struct Group {
    level: u8,
    names: Option<(Catalog, String)>,
}

/// Reads the document into the plan tree.
pub fn lower(doc: &Document, profile: &Profile, excel: bool) -> Lowered {
    Lowering::new(doc, profile, excel).run()
}

struct Lowering<'a> {
    doc: &'a Document,
    profile: &'a Profile,
    excel: bool,
    names: Names,
    places: Places,
    units: UnitRegistry,
    notes: Vec<OfficeNote>,
    inferred: Vec<Pointer>,
    summary: ReadSummary,
    tasks: Vec<Node<'static>>,
    objectives: Vec<Node<'static>>,
    /// Where `tasks:` is: the first task table's header row, column 1.
    tasks_at: Option<Origin>,
    objectives_at: Option<Origin>,
    funding_at: Option<Origin>,
    funding: Vec<(String, Origin)>,
    implements_at: Option<Origin>,
    identity: Identity,
    exemptions: Vec<(String, String, Origin)>,
    directive: Option<(String, Origin)>,
    task_tables: Vec<Table>,
    period_to: Option<i32>,
}

/// The plan's identity as found, each value with its place.
#[derive(Default)]
struct Identity {
    agency: Option<(String, Origin)>,
    number: Option<(String, Origin)>,
    title: Option<(String, Origin)>,
    issued: Option<(String, Origin)>,
    period: Option<((i32, i32), Origin)>,
    implements: Vec<(String, Origin)>,
}

impl<'a> Lowering<'a> {
    fn new(doc: &'a Document, profile: &'a Profile, excel: bool) -> Self {
        Lowering {
            doc,
            profile,
            excel,
            names: Names::new(profile),
            places: Places::default(),
            units: UnitRegistry::default(),
            notes: Vec::new(),
            inferred: Vec::new(),
            summary: ReadSummary::default(),
            tasks: Vec::new(),
            objectives: Vec::new(),
            tasks_at: None,
            objectives_at: None,
            funding_at: None,
            funding: Vec::new(),
            implements_at: None,
            identity: Identity::default(),
            exemptions: Vec::new(),
            directive: None,
            task_tables: Vec::new(),
            period_to: None,
        }
    }

    /// The document's start: body paragraph 1 after the header table, or A1
    /// of the identity sheet (else of the first sheet).
    fn document_start(&self) -> Origin {
        if self.excel {
            let sheets = || {
                self.doc.blocks.iter().filter_map(|b| match b {
                    Block::Table(t) => Some(t),
                    Block::Paragraph(_) => None,
                })
            };
            let sheet = sheets()
                .find(|t| identity_sheet(t))
                .or_else(|| sheets().next());
            return match sheet.map(|t| &t.name) {
                Some(TableName::Sheet(s)) => Origin::Cell {
                    sheet: s.clone(),
                    row: 1,
                    col: 1,
                },
                _ => Origin::Cell {
                    sheet: "Sheet1".into(),
                    row: 1,
                    col: 1,
                },
            };
        }
        let mut seen_table = false;
        for b in &self.doc.blocks {
            match b {
                Block::Table(_) => seen_table = true,
                Block::Paragraph(p) if seen_table || !self.has_leading_table() => {
                    return Origin::Paragraph(p.number);
                }
                Block::Paragraph(_) => {}
            }
        }
        Origin::Paragraph(1)
    }

    fn has_leading_table(&self) -> bool {
        self.doc
            .blocks
            .iter()
            .find(|b| {
                matches!(b, Block::Table(_))
                    || matches!(b, Block::Paragraph(p) if !p.text.is_empty())
            })
            .is_some_and(|b| matches!(b, Block::Table(_)))
    }

    fn run(mut self) -> Lowered {
        let start = self.document_start();
        self.places.span(&start);
        if self.excel {
            self.read_workbook();
        } else {
            self.read_word();
        }
        if self.task_tables.is_empty() {
            let tables = self
                .doc
                .blocks
                .iter()
                .filter_map(|b| match b {
                    Block::Table(t) => Some((
                        table_label(t),
                        header::find(t, header::task_field)
                            .map(|h| {
                                h.columns
                                    .iter()
                                    .filter(|c| !c.empty)
                                    .map(|c| c.text.clone())
                                    .collect()
                            })
                            .unwrap_or_default(),
                    )),
                    Block::Paragraph(_) => None,
                })
                .collect();
            self.notes.push(OfficeNote::NoTaskTable { tables });
        }
        let tree = self.build_tree(&start);
        Lowered {
            tree,
            origins: self.places.origins,
            notes: self.notes,
            inferred: self.inferred,
            summary: self.summary,
            tables: self.task_tables,
        }
    }
}

/// How a table is named to people: `Bảng 3`, `sheet Phụ lục`.
pub fn table_label(t: &Table) -> String {
    match &t.name {
        TableName::Word(n) => format!("Bảng {n}"),
        TableName::Sheet(s) => format!("sheet {s}"),
    }
}

/// The identity labels of a `Thông tin` sheet's first column.
const IDENTITY_LABELS: &[(&str, &[&str])] = &[
    ("agency", &["Cơ quan"]),
    ("number", &["Số hiệu", "Số"]),
    ("title", &["Tên kế hoạch", "Trích yếu"]),
    ("issued", &["Ngày ban hành"]),
    ("period", &["Giai đoạn"]),
    ("implements", &["Căn cứ"]),
    ("funding", &["Nguồn kinh phí", "Kinh phí"]),
    ("directive", &["Hồ sơ chỉ đạo"]),
];

fn identity_label(text: &str) -> Option<&'static str> {
    IDENTITY_LABELS
        .iter()
        .find(|(_, names)| header::names(text, names))
        .map(|(f, _)| *f)
}

/// A sheet whose first column holds at least two identity labels.
fn identity_sheet(t: &Table) -> bool {
    t.rows
        .iter()
        .filter(|r| {
            r.slots
                .first()
                .is_some_and(|s| identity_label(&s.text).is_some())
        })
        .count()
        >= 2
}

/// The first non-empty cell right of the first one.
fn value_right(row: &Row) -> Option<(usize, &str)> {
    row.slots
        .iter()
        .enumerate()
        .skip(1)
        .find(|(_, s)| !s.text.is_empty())
        .map(|(i, s)| (i, s.text.as_str()))
}

/// Document numbers in Decree 30's forms: `76/NQ-CP`, `30/2020/NĐ-CP`, `08-NQ/TU`.
pub fn document_numbers(text: &str) -> Vec<String> {
    let token_char = |c: char| c.is_alphanumeric() || c == '/' || c == '-';
    let mut out = Vec::new();
    for token in text.split(|c: char| !token_char(c)) {
        let token = token.trim_matches('-');
        if is_document_number(token) && !out.iter().any(|t| t == token) {
            out.push(token.to_owned());
        }
    }
    out
}

fn is_document_number(t: &str) -> bool {
    // `NQ`, `CP`, `TTg`, `UBND`, `NĐ`: a capital first, letters and digits after.
    let upper = |s: &str| {
        s.chars().next().is_some_and(char::is_uppercase) && s.chars().all(char::is_alphanumeric)
    };
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    let parts: Vec<&str> = t.split('/').collect();
    match parts.as_slice() {
        [n, kind] if digits(n) => kind
            .split_once('-')
            .is_some_and(|(a, b)| upper(a) && upper(b)),
        [n, y, kind] if digits(n) && y.len() == 4 && digits(y) => kind
            .split_once('-')
            .is_some_and(|(a, b)| upper(a) && upper(b)),
        [nk, issuer] => nk
            .split_once('-')
            .is_some_and(|(n, k)| digits(n) && upper(k) && upper(issuer)),
        _ => false,
    }
}

/// The period a title names: `giai đoạn 2021 – 2025`, any `2021-2025`, else `năm 2023`.
pub fn period_of(title: &str) -> Option<(i32, i32)> {
    let w = text::words(title);
    let year = |s: &String| {
        (s.len() == 4)
            .then(|| s.parse::<i32>().ok())
            .flatten()
            .filter(|y| (1900..=2200).contains(y))
    };
    for i in 0..w.len() {
        if let (Some(a), Some(b)) = (year(&w[i]), w.get(i + 1).and_then(year))
            && a <= b
        {
            return Some((a, b));
        }
    }
    w.windows(2)
        .find(|p| p[0] == "nam" && year(&p[1]).is_some())
        .and_then(|p| year(&p[1]))
        .map(|y| (y, y))
}

/// A place-and-date line's date: `Bắc Kạn, ngày 10 tháng 12 năm 2021` → `ngày 10 tháng 12 năm 2021`.
fn dated(line: &str) -> Option<String> {
    let folded = text::fold(line);
    let at = folded.find("ngay ")?;
    let rest = &folded[at..];
    let w = text::words(rest);
    let ok = w.len() >= 6 && w[0] == "ngay" && w[2] == "thang" && w[4] == "nam";
    if !ok {
        return None;
    }
    Some(format!("ngày {} tháng {} năm {}", w[1], w[3], w[5]))
}

/// `Số: 245/KH-STP` → `245/KH-STP`; `Số:   /KH-UBND` (a draft) → none.
fn number_line(line: &str) -> Option<Option<String>> {
    let t = line.trim();
    let rest = t
        .strip_prefix("Số:")
        .or_else(|| t.strip_prefix("Số "))
        .or_else(|| t.strip_prefix("SỐ:"))?;
    let value = rest.split_whitespace().collect::<Vec<_>>().join("");
    if !value.contains('/') {
        return None;
    }
    let head = value.split('/').next().unwrap_or_default();
    Some((!head.is_empty() && head.bytes().any(|b| b.is_ascii_digit())).then_some(value))
}

/// A line in capitals written in the usual form (`SỞ TƯ PHÁP` → `Sở Tư pháp`).
pub fn usual_case(line: &str) -> String {
    if !all_caps(line) {
        return line.to_owned();
    }
    const KEEP: &[&str] = &["UBND", "HĐND", "TTHC", "CCHC"];
    const PLACE: &[&str] = &[
        "tỉnh",
        "huyện",
        "xã",
        "phường",
        "thị trấn",
        "thành phố",
        "thị xã",
    ];
    const UNIT: &[&str] = &["sở", "phòng", "ban", "trung tâm", "chi cục"];
    let words: Vec<&str> = line.split_whitespace().collect();
    let mut out: Vec<String> = Vec::new();
    // Whether the next words are a place name or a unit's name (capitalised).
    let mut capitalise_rest = false;
    let mut capitalise_next = false;
    let mut i = 0;
    while i < words.len() {
        let w = words[i];
        if KEEP.contains(&w) {
            out.push(w.to_owned());
            i += 1;
            continue;
        }
        let lower = w.to_lowercase();
        let two = words
            .get(i + 1)
            .map(|n| format!("{lower} {}", n.to_lowercase()));
        let capital = |s: &str| {
            let mut c = s.chars();
            c.next()
                .map(|f| f.to_uppercase().collect::<String>() + c.as_str())
                .unwrap_or_default()
        };
        if out.is_empty() || capitalise_rest || capitalise_next {
            out.push(capital(&lower));
            capitalise_next = false;
        } else {
            out.push(lower.clone());
        }
        if two.as_deref().is_some_and(|t| PLACE.contains(&t)) {
            out.push(words[i + 1].to_lowercase());
            i += 1;
            capitalise_rest = true;
        } else if PLACE.contains(&lower.as_str()) {
            capitalise_rest = true;
        } else if two.as_deref().is_some_and(|t| UNIT.contains(&t)) {
            out.push(words[i + 1].to_lowercase());
            i += 1;
            capitalise_next = true;
        } else if UNIT.contains(&lower.as_str())
            // `Ủy ban nhân dân`: the word after `ban` is no name.
            && !(lower == "ban" && i > 0 && matches!(words[i - 1].to_lowercase().as_str(), "ủy" | "uỷ"))
        {
            capitalise_next = true;
        }
        i += 1;
    }
    out.join(" ")
}

const PLACE_WORDS: &[&[&str]] = &[
    &["tinh"],
    &["huyen"],
    &["xa"],
    &["phuong"],
    &["thi", "tran"],
    &["thi", "xa"],
    &["thanh", "pho"],
];

fn is_place_line(line: &str) -> bool {
    let w = text::words(line);
    PLACE_WORDS
        .iter()
        .any(|p| w.len() > p.len() && w.iter().zip(p.iter()).all(|(a, b)| a == b))
}

fn is_separator(line: &str) -> bool {
    let t = line.trim();
    t.chars().count() >= 3
        && t.chars()
            .all(|c| matches!(c, '—' | '–' | '-' | '_' | '=' | '*' | '…' | '.'))
}

/// The agency of a header block's left cell (OFFICE-FORMAT.md "A Word plan").
fn agency_of(cell: &str) -> Option<String> {
    let mut lines: Vec<&str> = Vec::new();
    for line in cell.lines().map(str::trim).filter(|l| !l.is_empty()) {
        if is_separator(line)
            || text::words(line).first().is_some_and(|w| w == "so") && line.contains(['/', ':'])
        {
            break;
        }
        lines.push(line);
    }
    let last = *lines.last()?;
    if is_place_line(last) && lines.len() >= 2 {
        let parent = lines[lines.len() - 2];
        return Some(usual_case(&format!("{parent} {last}")));
    }
    Some(usual_case(last))
}

/// `(Kèm theo Kế hoạch số 245/KH-STP ngày 10/12/2021 của Sở Tư pháp)`: number, issued, agency.
fn appendix_line(line: &str) -> Option<(Option<String>, Option<String>, Option<String>)> {
    let folded = text::fold(line);
    if !folded.contains("kem theo") {
        return None;
    }
    let number = document_numbers(line).into_iter().next();
    let words: Vec<&str> = line.split_whitespace().collect();
    let issued = words
        .iter()
        .position(|w| text::fold(w) == "ngay")
        .and_then(|i| words.get(i + 1))
        .map(|d| {
            d.trim_matches(|c: char| !(c.is_ascii_digit() || c == '/'))
                .to_owned()
        })
        .filter(|d| d.contains('/'));
    let agency = line
        .rfind(" của ")
        .map(|i| {
            line[i + " của ".len()..]
                .trim()
                .trim_end_matches(')')
                .trim()
                .to_owned()
        })
        .filter(|a| !a.is_empty());
    Some((number, issued, agency))
}

impl Lowering<'_> {
    // ----- Word -----

    fn read_word(&mut self) {
        let blocks = &self.doc.blocks;
        // The header block: a table before the `KẾ HOẠCH` paragraph.
        let title_at = blocks.iter().position(
            |b| matches!(b, Block::Paragraph(p) if text::name_key(&p.text) == "ke hoach"),
        );
        let before_title = title_at.unwrap_or(blocks.len().min(3));
        for b in &blocks[..before_title] {
            match b {
                Block::Table(t) => self.header_block(t),
                Block::Paragraph(p) => self.identity_line(&p.text, &Origin::Paragraph(p.number)),
            }
        }
        if let Some(at) = title_at {
            let mut parts = Vec::new();
            let mut first: Option<Origin> = None;
            for b in &blocks[at + 1..] {
                let Block::Paragraph(p) = b else { break };
                let w = text::words(&p.text);
                if p.text.is_empty()
                    || is_separator(&p.text)
                    || w.first().is_some_and(|x| x == "can") && w.get(1).is_some_and(|x| x == "cu")
                    || w.starts_with(&["thuc".into(), "hien".into()])
                    || self.is_section(p)
                {
                    break;
                }
                first.get_or_insert(Origin::Paragraph(p.number));
                parts.push(p.text.replace('\n', " "));
            }
            if let Some(origin) = first {
                let title = format!("Kế hoạch {}", parts.join(" "));
                if let Some(period) = period_of(&title) {
                    self.identity.period.get_or_insert((period, origin.clone()));
                }
                self.identity.title = Some((title, origin));
            }
        }
        // Paragraphs and tables after the title.
        let mut section: Option<String> = None;
        let mut seen_section = false;
        let mut sub: Option<SubHeading> = None;
        let mut has_specific = false;
        // Whether the MỤC TIÊU section has a `Mục tiêu cụ thể` sub-heading (objectives only after it).
        let mut objective_paragraphs: Vec<(&Paragraph, Option<String>)> = Vec::new();
        let mut in_objectives = false;
        for b in &blocks[title_at.map_or(0, |a| a + 1)..] {
            match b {
                Block::Paragraph(p) if self.is_section(p) => {
                    seen_section = true;
                    let folded = text::fold(&p.text);
                    if in_objectives {
                        self.flush_objectives(&objective_paragraphs, has_specific);
                        objective_paragraphs.clear();
                    }
                    in_objectives = folded.contains("muc tieu");
                    if in_objectives {
                        self.objectives_at
                            .get_or_insert(Origin::Paragraph(p.number));
                        has_specific = false;
                        sub = None;
                    }
                    if folded.contains("kinh phi") {
                        self.funding_at.get_or_insert(Origin::Paragraph(p.number));
                    }
                    section = Some(folded);
                }
                Block::Paragraph(p) => {
                    let w = text::words(&p.text);
                    let reference = w.starts_with(&["can".into(), "cu".into()])
                        || w.starts_with(&["thuc".into(), "hien".into()]);
                    if reference && !seen_section {
                        let origin = Origin::Paragraph(p.number);
                        self.implements_at.get_or_insert(origin.clone());
                        for n in document_numbers(&p.text) {
                            if !self.identity.implements.iter().any(|(x, _)| *x == n) {
                                self.identity.implements.push((n, origin.clone()));
                            }
                        }
                        continue;
                    }
                    if self.identity.number.is_none() || self.identity.agency.is_none() {
                        self.appendix(&p.text, &Origin::Paragraph(p.number));
                    }
                    if in_objectives {
                        if let Some(s) = self.sub_heading(&p.text) {
                            if matches!(s, SubHeading::Specific) {
                                has_specific = true;
                                objective_paragraphs.clear();
                            }
                            sub = Some(s);
                            continue;
                        }
                        if self.is_list(p) {
                            let area = match &sub {
                                Some(SubHeading::Area(code)) => Some(code.clone()),
                                _ => None,
                            };
                            let excluded = matches!(sub, Some(SubHeading::Purpose));
                            if !excluded {
                                objective_paragraphs.push((p, area));
                            }
                        }
                    }
                    if section.as_deref().is_some_and(|s| s.contains("kinh phi")) {
                        self.funding_from(&p.text, &Origin::Paragraph(p.number));
                    }
                }
                Block::Table(t) => self.table(t),
            }
        }
        if in_objectives {
            self.flush_objectives(&objective_paragraphs, has_specific);
        }
    }

    fn identity_line(&mut self, line: &str, origin: &Origin) {
        for l in line.lines() {
            if let Some(n) = number_line(l) {
                if let Some(n) = n {
                    self.identity.number.get_or_insert((n, origin.clone()));
                }
            } else if let Some(d) = dated(l)
                && l.contains(',')
            {
                self.identity.issued.get_or_insert((d, origin.clone()));
            }
        }
    }

    fn header_block(&mut self, t: &Table) {
        for row in &t.rows {
            for (i, slot) in row.slots.iter().enumerate() {
                if slot.text.is_empty() {
                    continue;
                }
                let origin = t.origin(row.number, i as u32);
                self.identity_line(&slot.text, &origin);
                if i == 0
                    && self.identity.agency.is_none()
                    && let Some(a) = agency_of(&slot.text)
                    && !a.is_empty()
                {
                    self.identity.agency = Some((a, origin.clone()));
                }
            }
        }
    }

    fn appendix(&mut self, line: &str, origin: &Origin) {
        if let Some((number, issued, agency)) = appendix_line(line) {
            if let Some(n) = number {
                self.identity.number.get_or_insert((n, origin.clone()));
            }
            if let Some(d) = issued {
                self.identity.issued.get_or_insert((d, origin.clone()));
            }
            if let Some(a) = agency {
                self.identity.agency.get_or_insert((a, origin.clone()));
            }
        }
    }

    fn is_section(&self, p: &Paragraph) -> bool {
        if p.text.is_empty() {
            return false;
        }
        if p.roman || p.heading {
            return true;
        }
        matches!(split_numbering(&p.text), (Some(Numbering::Roman), rest) if !rest.is_empty())
    }

    fn is_list(&self, p: &Paragraph) -> bool {
        if p.text.is_empty() {
            return false;
        }
        p.listed
            || p.text.starts_with(['-', '–', '+', '•'])
            || matches!(
                split_numbering(&p.text),
                (Some(Numbering::Arabic | Numbering::Letter), _)
            )
    }

    fn sub_heading(&self, line: &str) -> Option<SubHeading> {
        let (_, rest) = split_numbering(line);
        let rest = rest.trim().trim_end_matches(':').trim();
        let key = text::name_key(rest);
        let key = key.strip_prefix("ve ").unwrap_or(&key).to_owned();
        match key.as_str() {
            "muc dich" | "yeu cau" | "muc dich yeu cau" | "muc tieu chung" => {
                Some(SubHeading::Purpose)
            }
            "muc tieu" => Some(SubHeading::General),
            "muc tieu cu the" | "chi tieu cu the" => Some(SubHeading::Specific),
            _ => self
                .profile
                .areas
                .iter()
                .find(|a| names_of(&a.code, &a.vi, &a.aliases).contains(&text::words(&key)))
                .map(|a| SubHeading::Area(a.code.clone())),
        }
    }

    fn flush_objectives(&mut self, paragraphs: &[(&Paragraph, Option<String>)], _specific: bool) {
        for (p, area) in paragraphs {
            self.objective_from_text(p, area.clone());
        }
    }

    fn objective_from_text(&mut self, p: &Paragraph, sub_area: Option<String>) {
        let origin = Origin::Paragraph(p.number);
        let span = self.places.span(&origin);
        let statement = p
            .text
            .trim_start_matches(['-', '–', '+', '•'])
            .trim_start()
            .to_owned();
        let statement = match split_numbering(&statement) {
            (Some(Numbering::Arabic | Numbering::Letter), rest) => rest.to_owned(),
            _ => statement,
        };
        let n = self.objectives.len() + 1;
        let mut entries = vec![("id".to_owned(), quoted(format!("MT{n}"), span))];
        let area = statement.split_once(':').and_then(|(head, _)| {
            let w = text::words(head);
            self.profile
                .areas
                .iter()
                .find(|a| names_of(&a.code, &a.vi, &a.aliases).contains(&w))
                .map(|a| a.code.clone())
        });
        if let Some(a) = area.or(sub_area) {
            entries.push(("area".into(), quoted(a, span)));
        }
        entries.push(("statement".into(), quoted(statement.clone(), span)));
        let percents = percentages(&statement);
        if let [value] = percents.as_slice() {
            entries.push(("unit".into(), quoted("%", span)));
            let year = target_year(&statement).or(self.period_to).or(self
                .identity
                .period
                .as_ref()
                .map(|p| p.0.1));
            let mut target = vec![];
            if let Some(y) = year {
                target.push(("year".to_owned(), plain(y.to_string(), span)));
            }
            target.push(("value".to_owned(), plain(number_text(*value), span)));
            entries.push(("target".into(), map(target, span)));
        }
        self.objectives.push(map(entries, span));
    }

    fn funding_from(&mut self, text_: &str, origin: &Origin) {
        let words = text::words(text_);
        for (code, names) in &self.names.funding {
            if names.iter().any(|n| text::contains_phrase(&words, n))
                && !self.funding.iter().any(|(c, _)| c == code)
            {
                self.funding.push((code.clone(), origin.clone()));
            }
        }
    }

    // ----- Excel -----

    fn read_workbook(&mut self) {
        for b in &self.doc.blocks {
            let Block::Table(t) = b else { continue };
            if identity_sheet(t) {
                self.identity_sheet(t);
                continue;
            }
            if let Some(h) = special_header(
                t,
                &[
                    &["Chỉ số PCI", "Lý do"],
                    &["Nội dung", "Lý do không áp dụng"],
                ],
            ) {
                self.summary.tables_used.push(table_label(t));
                for row in &t.rows[h + 1..] {
                    let (Some(item), reason) = (row.slots.first(), row.slots.get(1)) else {
                        continue;
                    };
                    if item.text.is_empty() {
                        continue;
                    }
                    let origin = t.origin(row.number, 0);
                    self.exemptions.push((
                        item.text.clone(),
                        reason.map(|r| r.text.clone()).unwrap_or_default(),
                        origin,
                    ));
                }
                continue;
            }
            if let Some(h) = special_header(t, &[&["Mã", "Tên đơn vị"]]) {
                self.summary.tables_used.push(table_label(t));
                let declared = self.units.declared.get_or_insert_with(Vec::new);
                for row in &t.rows[h + 1..] {
                    let id = row
                        .slots
                        .first()
                        .map(|s| s.text.clone())
                        .unwrap_or_default();
                    let name = row.slots.get(1).map(|s| s.text.clone()).unwrap_or_default();
                    if id.is_empty() && name.is_empty() {
                        continue;
                    }
                    declared.push((id, name, t.origin(row.number, 0)));
                }
                continue;
            }
            // A title line above the table.
            for row in t.rows.iter().take(5) {
                for (i, s) in row.slots.iter().enumerate() {
                    if !s.text.is_empty() && self.identity.number.is_none() {
                        self.appendix(&s.text, &t.origin(row.number, i as u32));
                    }
                }
            }
            self.table(t);
        }
    }

    fn identity_sheet(&mut self, t: &Table) {
        self.summary.tables_used.push(table_label(t));
        for row in &t.rows {
            let Some(label) = row.slots.first().and_then(|s| identity_label(&s.text)) else {
                continue;
            };
            let label_origin = t.origin(row.number, 0);
            if label == "funding" {
                self.funding_at.get_or_insert(label_origin.clone());
            }
            if label == "implements" {
                self.implements_at.get_or_insert(label_origin.clone());
            }
            let Some((col, value)) = value_right(row) else {
                continue;
            };
            let origin = t.origin(row.number, col as u32);
            let value = value.to_owned();
            let slot = &row.slots[col];
            match label {
                "agency" => self.identity.agency = Some((value, origin)),
                "number" => self.identity.number = Some((value, origin)),
                "title" => {
                    if let Some(p) = period_of(&value) {
                        self.identity.period.get_or_insert((p, origin.clone()));
                    }
                    self.identity.title = Some((value, origin));
                }
                "issued" => {
                    self.identity.issued = Some((slot.date.clone().unwrap_or(value), origin))
                }
                "period" => {
                    if let Some(p) = period_of(&value) {
                        self.identity.period = Some((p, origin));
                    }
                }
                "implements" => {
                    for n in document_numbers(&value) {
                        self.identity.implements.push((n, origin.clone()));
                    }
                }
                "funding" => {
                    for part in split_values(&value, &self.names, None) {
                        self.funding_from(&part, &origin);
                    }
                }
                "directive" => self.directive = Some((value, origin)),
                _ => {}
            }
        }
    }

    // ----- Tables -----

    fn table(&mut self, t: &Table) {
        if let Some(h) = header::find(t, header::task_field)
            && h.has(|f| f == Field::Title)
            && h.has(|f| matches!(f, Field::Output | Field::Lead | Field::Due))
        {
            self.summary.tables_used.push(table_label(t));
            self.task_table(t, &h);
            return;
        }
        if let Some(h) = header::find(t, header::objective_field)
            && h.has(|f| f == Field::Statement)
            && h.has(|f| matches!(f, Field::Target(_) | Field::Year(_)))
        {
            self.summary.tables_used.push(table_label(t));
            self.objective_table(t, &h);
            return;
        }
        self.summary.tables_ignored.push(table_label(t));
    }

    fn unknown_columns(&mut self, t: &Table, h: &Header) {
        for c in &h.columns {
            if c.field.is_none() && !c.empty {
                let span = self.places.span(&t.origin(c.row, c.col));
                self.notes.push(OfficeNote::UnknownColumn {
                    span,
                    header: c.text.clone(),
                });
            }
        }
    }

    fn task_table(&mut self, t: &Table, h: &Header) {
        let header_row = &t.rows[h.first];
        self.tasks_at.get_or_insert(t.origin(header_row.number, 0));
        self.unknown_columns(t, h);
        self.task_tables.push(t.clone());
        let col = |f: fn(Field) -> bool| h.column(f).map(|c| c as usize);
        let title_col = col(|f| f == Field::Title).unwrap_or(0);
        let number_col = col(|f| f == Field::Number);
        let detail_cols: Vec<usize> = h
            .columns
            .iter()
            .filter(|c| {
                matches!(
                    c.field,
                    Some(
                        Field::Output | Field::Lead | Field::Support | Field::Due | Field::Year(_)
                    )
                )
            })
            .map(|c| c.col as usize)
            .collect();
        let mut groups: Vec<Group> = Vec::new();
        for row in &t.rows[h.body_start()..] {
            let cell = |c: usize| row.slots.get(c).map_or("", |s| s.text.as_str());
            let title = title_text(row, title_col);
            if title.is_empty() {
                continue;
            }
            let details_empty = detail_cols.iter().all(|&c| cell(c).is_empty());
            let (numbering, rest) = match split_numbering(&title) {
                (Some(n), rest) => (Some(n), rest.to_owned()),
                (None, _) => (
                    number_col.and_then(|c| numbering_of(cell(c).trim_end_matches('.'))),
                    title.clone(),
                ),
            };
            if details_empty {
                let named = group_words(&rest).iter().find_map(|w| self.names.group(w));
                let merged_across =
                    row.slots
                        .get(title_col)
                        .and_then(|s| s.merged)
                        .is_some_and(|m| {
                            m.first_col as usize <= title_col
                                && m.last_col as usize + 1 >= row.slots.len().max(h.columns.len())
                        });
                let group = match numbering {
                    Some(Numbering::Roman | Numbering::Letter) | None => true,
                    Some(Numbering::Arabic) => {
                        named.is_some()
                            || merged_across
                            || row.slots.get(title_col).is_some_and(|s| s.bold)
                            || all_caps(&rest)
                    }
                };
                if group {
                    let level = numbering.map_or(0, Numbering::level);
                    while groups.last().is_some_and(|g| g.level >= level) {
                        groups.pop();
                    }
                    groups.push(Group {
                        level,
                        names: named,
                    });
                    continue;
                }
            }
            self.task_row(t, h, row, title_col, &title, &groups);
        }
    }

    fn task_row(
        &mut self,
        t: &Table,
        h: &Header,
        row: &Row,
        title_col: usize,
        title: &str,
        groups: &[Group],
    ) {
        let n = self.tasks.len() + 1;
        let pointer = Pointer::keys(&["tasks"]).index(n - 1);
        let title_origin = t.origin(row.number, title_col as u32);
        let span = self.places.span(&title_origin);
        let mut entries = vec![("id".to_owned(), quoted(format!("NV{n}"), span))];
        let at = |lowering: &mut Self, c: u32| lowering.places.span(&t.origin(row.number, c));
        let slot = |c: u32| row.slots.get(c as usize);
        let cell = |c: u32| slot(c).map_or("", |s| s.text.as_str());
        let column = |f: fn(Field) -> bool| h.column(f);
        // area
        let own_area = column(|f| f == Field::Area).filter(|&c| !cell(c).is_empty());
        if let Some(c) = own_area {
            let s = at(self, c);
            entries.push(("area".into(), quoted(cell(c), s)));
        } else if let Some(code) = groups.iter().rev().find_map(|g| match &g.names {
            Some((Catalog::Area, code)) => Some(code.clone()),
            _ => None,
        }) {
            entries.push(("area".into(), quoted(code, span)));
        }
        entries.push(("title".into(), quoted(title, span)));
        // competitiveness and focus: own cells and open groups
        for (key, field, catalog) in [
            (
                "competitiveness",
                Field::Competitiveness,
                Catalog::Competitiveness,
            ),
            ("focus", Field::Focus, Catalog::KeyTask),
        ] {
            let mut items: Vec<Node<'static>> = Vec::new();
            let mut seen: Vec<String> = Vec::new();
            if let Some(c) = h.column(|f| f == field) {
                let s = at(self, c);
                for v in split_values(cell(c), &self.names, Some(catalog)) {
                    seen.push(text::name_key(&v));
                    items.push(quoted(v, s));
                }
            }
            for g in groups {
                if let Some((k, code)) = &g.names
                    && *k == catalog
                    && !seen.contains(&text::name_key(code))
                {
                    seen.push(text::name_key(code));
                    items.push(quoted(code.clone(), span));
                }
            }
            if !items.is_empty() {
                entries.push((key.into(), seq(items, span)));
            }
        }
        // kind
        let kind_cell = column(|f| f == Field::Kind).filter(|&c| !cell(c).is_empty());
        let kind: Option<String>;
        if let Some(c) = kind_cell {
            let s = at(self, c);
            kind = crate::model::names::format_code(crate::model::names::KIND_NAMES, cell(c))
                .map(str::to_owned);
            entries.push(("kind".into(), quoted(cell(c), s)));
        } else {
            let words = text::words(title);
            kind = self
                .profile
                .folded()
                .kind_words
                .iter()
                .find(|(_, phrases)| phrases.iter().any(|p| text::contains_phrase(&words, p)))
                .map(|(k, _)| k.clone());
            if let Some(k) = &kind {
                entries.push(("kind".into(), quoted(k.clone(), span)));
                self.inferred.push(pointer.clone().key("kind"));
            }
        }
        // audience
        let output_col = column(|f| f == Field::Output);
        if let Some(c) = column(|f| f == Field::Audience).filter(|&c| !cell(c).is_empty()) {
            let s = at(self, c);
            let items = split_values(cell(c), &self.names, None)
                .into_iter()
                .map(|v| quoted(v, s))
                .collect();
            entries.push(("audience".into(), seq(items, s)));
        } else if kind.as_deref() == Some("communication") {
            let mut words = text::words(title);
            if let Some(c) = output_col {
                words.extend(text::words(cell(c)));
            }
            let found: Vec<Node<'static>> = self
                .names
                .audiences
                .iter()
                .filter(|(_, names)| {
                    names
                        .iter()
                        .skip(1)
                        .any(|n| text::contains_phrase(&words, n))
                })
                .map(|(code, _)| quoted(code.clone(), span))
                .collect();
            if !found.is_empty() {
                entries.push(("audience".into(), seq(found, span)));
                self.inferred.push(pointer.clone().key("audience"));
            }
        }
        // output
        if let Some(c) = output_col.filter(|&c| !cell(c).is_empty()) {
            let s = at(self, c);
            entries.push(("output".into(), quoted(cell(c), s)));
        }
        // lead and support
        if let Some(c) = column(|f| f == Field::Lead).filter(|&c| !cell(c).is_empty()) {
            let origin = t.origin(row.number, c);
            let s = self.places.span(&origin);
            let parts = split_units(cell(c), self.profile);
            for p in parts.iter().filter(|p| !self.profile.is_collective(p)) {
                self.units.note(p, &origin);
            }
            let node = match parts.as_slice() {
                [one] => quoted(one.clone(), s),
                many => seq(many.iter().map(|p| quoted(p.clone(), s)).collect(), s),
            };
            entries.push(("lead".into(), node));
        }
        if let Some(c) = column(|f| f == Field::Support).filter(|&c| !cell(c).is_empty()) {
            let origin = t.origin(row.number, c);
            let s = self.places.span(&origin);
            let parts: Vec<String> = split_units(cell(c), self.profile)
                .into_iter()
                .filter(|p| !self.profile.is_collective(p))
                .collect();
            for p in &parts {
                self.units.note(p, &origin);
            }
            if !parts.is_empty() {
                entries.push((
                    "support".into(),
                    seq(parts.into_iter().map(|p| quoted(p, s)).collect(), s),
                ));
            }
        }
        // due and schedule
        let years: Vec<(i32, u32)> = h
            .columns
            .iter()
            .filter_map(|c| match c.field {
                Some(Field::Year(y)) if !cell(c.col).is_empty() => Some((y, c.col)),
                _ => None,
            })
            .collect();
        if let Some(c) = column(|f| f == Field::Due).filter(|&c| !cell(c).is_empty()) {
            let s = at(self, c);
            let value = slot(c)
                .and_then(|x| x.date.clone())
                .unwrap_or_else(|| cell(c).to_owned());
            entries.push(("due".into(), quoted(value, s)));
        } else if kind.as_deref() == Some("briefing")
            && ["hang thang"].iter().any(|p| text::fold(title).contains(p))
        {
            entries.push(("due".into(), quoted("hằng tháng", span)));
            self.inferred.push(pointer.clone().key("due"));
        } else if let (Some(first), Some(last)) = (years.first(), years.last()) {
            let s = at(self, first.1);
            let value = if first.0 == last.0 {
                format!("năm {}", first.0)
            } else {
                format!("{}-{}", first.0, last.0)
            };
            entries.push(("due".into(), quoted(value, s)));
        }
        if !years.is_empty() {
            let mut sched = Vec::new();
            for (y, c) in &years {
                let s = at(self, *c);
                let v = cell(*c);
                let marks = ["x", "X", "✓", "✔", "•"];
                let value = if marks.contains(&v.trim()) {
                    title.to_owned()
                } else {
                    v.to_owned()
                };
                sched.push((y.to_string(), quoted(value, s)));
            }
            entries.push(("schedule".into(), year_map(sched, span)));
        }
        // budget
        if let Some(c) = h
            .columns
            .iter()
            .find(|c| matches!(c.field, Some(Field::Budget(_))) && !cell(c.col).is_empty())
        {
            let Some(Field::Budget(scale)) = c.field else {
                unreachable!()
            };
            let s = at(self, c.col);
            let value = slot(c.col)
                .and_then(|x| x.number)
                .or_else(|| locale_number(cell(c.col)).map(|(v, _)| v));
            match value {
                Some(v) => entries.push(("budget_vnd".into(), plain(number_text(v * scale), s))),
                None => entries.push(("budget_vnd".into(), quoted(cell(c.col), s))),
            }
        }
        self.tasks.push(map(entries, span));
    }

    fn objective_table(&mut self, t: &Table, h: &Header) {
        self.task_tables.push(t.clone());
        self.objectives_at
            .get_or_insert(t.origin(t.rows[h.first].number, 0));
        self.unknown_columns(t, h);
        let statement_col = h.column(|f| f == Field::Statement).unwrap_or(0);
        let number_col = h.column(|f| f == Field::Number);
        let mut area_group: Option<String> = None;
        for row in &t.rows[h.body_start()..] {
            let cell = |c: u32| row.slots.get(c as usize).map_or("", |s| s.text.as_str());
            let statement = title_text(row, statement_col as usize);
            if statement.is_empty() {
                continue;
            }
            let others_empty = h
                .columns
                .iter()
                .filter(|c| c.col != statement_col && Some(c.col) != number_col)
                .all(|c| cell(c.col).is_empty());
            if others_empty {
                let (_, rest) = split_numbering(&statement);
                area_group = group_words(rest)
                    .iter()
                    .find_map(|w| match self.names.group(w) {
                        Some((Catalog::Area, code)) => Some(code),
                        _ => None,
                    });
                continue;
            }
            let span = self.places.span(&t.origin(row.number, statement_col));
            let n = self.objectives.len() + 1;
            let mut entries = vec![("id".to_owned(), quoted(format!("MT{n}"), span))];
            let mut at = |c: u32| self.places.span(&t.origin(row.number, c));
            if let Some(c) = h
                .column(|f| f == Field::Area)
                .filter(|&c| !cell(c).is_empty())
            {
                entries.push(("area".into(), quoted(cell(c), at(c))));
            } else if let Some(a) = &area_group {
                entries.push(("area".into(), quoted(a.clone(), span)));
            }
            entries.push(("statement".into(), quoted(statement.clone(), span)));
            let number_node = |text_: &str, s: Span| match locale_number(text_) {
                Some((v, _)) => plain(number_text(v), s),
                None => quoted(text_, s),
            };
            let mut percent = false;
            for c in &h.columns {
                let v = cell(c.col);
                if v.is_empty() {
                    continue;
                }
                percent |= v.trim_end().ends_with('%');
            }
            for (key, field) in [
                ("indicator", Field::Indicator),
                ("unit", Field::Unit),
                ("direction", Field::Direction),
            ] {
                if let Some(c) = h.column(|f| f == field).filter(|&c| !cell(c).is_empty()) {
                    entries.push((key.into(), quoted(cell(c), at(c))));
                }
            }
            if percent
                && h.column(|f| f == Field::Unit)
                    .is_none_or(|c| cell(c).is_empty())
            {
                entries.push(("unit".into(), quoted("%", span)));
            }
            let baseline_year = h
                .column(|f| f == Field::BaselineYear)
                .map(|c| cell(c).to_owned())
                .filter(|y| !y.is_empty());
            if let Some(c) = h
                .columns
                .iter()
                .find(|c| matches!(c.field, Some(Field::Baseline(_))) && !cell(c.col).is_empty())
            {
                let Some(Field::Baseline(year)) = c.field else {
                    unreachable!()
                };
                let s = at(c.col);
                let mut yv = Vec::new();
                if let Some(y) = year.map(|y| y.to_string()).or(baseline_year) {
                    yv.push(("year".to_owned(), plain(y, s)));
                }
                yv.push(("value".to_owned(), number_node(cell(c.col), s)));
                entries.push(("baseline".into(), map(yv, s)));
            }
            if let Some(c) = h
                .columns
                .iter()
                .find(|c| matches!(c.field, Some(Field::Target(_))) && !cell(c.col).is_empty())
            {
                let Some(Field::Target(year)) = c.field else {
                    unreachable!()
                };
                let s = at(c.col);
                let mut yv = Vec::new();
                if let Some(y) = year.or(self.identity.period.as_ref().map(|p| p.0.1)) {
                    yv.push(("year".to_owned(), plain(y.to_string(), s)));
                }
                yv.push(("value".to_owned(), number_node(cell(c.col), s)));
                entries.push(("target".into(), map(yv, s)));
            }
            let milestones: Vec<(String, Node<'static>)> = h
                .columns
                .iter()
                .filter_map(|c| match c.field {
                    Some(Field::Year(y)) if !cell(c.col).is_empty() => Some((y, c.col)),
                    _ => None,
                })
                .map(|(y, c)| (y.to_string(), number_node(cell(c), at(c))))
                .collect();
            if !milestones.is_empty() {
                entries.push(("milestones".into(), year_map(milestones, span)));
            }
            self.objectives.push(map(entries, span));
        }
    }

    // ----- The tree -----

    fn build_tree(&mut self, start: &Origin) -> Node<'static> {
        self.summary.tasks = self.tasks.len();
        self.summary.objectives = self.objectives.len();
        let doc = self.places.span(start);
        let mut root: Vec<(String, Node<'static>)> = vec![("version".into(), plain("1", doc))];
        if let Some((d, o)) = self.directive.clone() {
            let s = self.places.span(&o);
            root.push(("directive".into(), quoted(d, s)));
        }
        let mut plan: Vec<(String, Node<'static>)> = Vec::new();
        let id = std::mem::take(&mut self.identity);
        if let Some((a, o)) = id.agency {
            self.summary.identity.push("agency");
            plan.push(("agency".into(), quoted(a, self.places.span(&o))));
        }
        if let Some((a, o)) = id.number {
            self.summary.identity.push("number");
            plan.push(("number".into(), quoted(a, self.places.span(&o))));
        }
        if let Some((a, o)) = id.title {
            self.summary.identity.push("title");
            plan.push(("title".into(), quoted(a, self.places.span(&o))));
        }
        if let Some((a, o)) = id.issued {
            self.summary.identity.push("issued");
            plan.push(("issued".into(), quoted(a, self.places.span(&o))));
        }
        if let Some(((from, to), o)) = id.period {
            self.summary.identity.push("period");
            let s = self.places.span(&o);
            plan.push((
                "period".into(),
                map(
                    vec![
                        ("from".into(), plain(from.to_string(), s)),
                        ("to".into(), plain(to.to_string(), s)),
                    ],
                    s,
                ),
            ));
        }
        if !id.implements.is_empty() || self.implements_at.is_some() {
            let s = self
                .implements_at
                .clone()
                .map_or(doc, |o| self.places.span(&o));
            let items = id
                .implements
                .into_iter()
                .map(|(n, o)| quoted(n, self.places.span(&o)))
                .collect();
            plan.push(("implements".into(), seq(items, s)));
        }
        // `plan:` sits at the document start; the entries keep their places.
        root.push((
            "plan".into(),
            Node {
                value: Value::Map(
                    plan.into_iter()
                        .map(|(k, v)| Entry {
                            key: quoted(k, v.span),
                            value: v,
                        })
                        .collect(),
                ),
                span: doc,
                flow: false,
            },
        ));
        let units = match self.units.declared.take() {
            Some(declared) => declared,
            None => self
                .units
                .units
                .iter()
                .enumerate()
                .map(|(i, (_, name, o))| (format!("DV{}", i + 1), name.clone(), o.clone()))
                .collect(),
        };
        let unit_nodes = units
            .into_iter()
            .map(|(id, name, o)| {
                let s = self.places.span(&o);
                map(
                    vec![
                        ("id".into(), quoted(id, s)),
                        ("name".into(), quoted(name, s)),
                    ],
                    s,
                )
            })
            .collect();
        root.push(("units".into(), seq(unit_nodes, doc)));
        let obj_span = self
            .objectives_at
            .clone()
            .map_or(doc, |o| self.places.span(&o));
        root.push((
            "objectives".into(),
            seq(std::mem::take(&mut self.objectives), obj_span),
        ));
        let tasks_span = self.tasks_at.clone().map_or(doc, |o| self.places.span(&o));
        root.push((
            "tasks".into(),
            seq(std::mem::take(&mut self.tasks), tasks_span),
        ));
        let funding_span = self
            .funding_at
            .clone()
            .map_or(doc, |o| self.places.span(&o));
        if !self.funding.is_empty() || self.funding_at.is_some() {
            let items = std::mem::take(&mut self.funding)
                .into_iter()
                .map(|(c, o)| quoted(c, self.places.span(&o)))
                .collect();
            root.push((
                "resources".into(),
                map(
                    vec![("funding".into(), seq(items, funding_span))],
                    funding_span,
                ),
            ));
        }
        if !self.exemptions.is_empty() {
            let entries: Vec<(String, Node<'static>)> = std::mem::take(&mut self.exemptions)
                .into_iter()
                .map(|(item, reason, o)| (item, quoted(reason, self.places.span(&o))))
                .collect();
            let s = entries[0].1.span;
            root.push((
                "exemptions".into(),
                map(vec![("competitiveness".into(), map(entries, s))], s),
            ));
        }
        // Top-level keys sit at the document start.
        Node {
            value: Value::Map(
                root.into_iter()
                    .map(|(k, v)| {
                        let key_span = match k.as_str() {
                            "objectives" => obj_span,
                            "tasks" => tasks_span,
                            "resources" => funding_span,
                            _ => doc,
                        };
                        Entry {
                            key: quoted(k, key_span),
                            value: v,
                        }
                    })
                    .collect(),
            ),
            span: doc,
            flow: false,
        }
    }
}

/// A sub-heading of the `MỤC TIÊU` section.
#[derive(Debug, Clone)]
enum SubHeading {
    /// `Mục đích`, `Yêu cầu`, `Mục tiêu chung`: no objectives under it.
    Purpose,
    General,
    /// `Mục tiêu cụ thể`: only the objectives after it count.
    Specific,
    Area(String),
}

/// The row's title text: its title cell, or the text of a merged cell covering the title column.
fn title_text(row: &Row, title_col: usize) -> String {
    let Some(slot) = row.slots.get(title_col) else {
        return String::new();
    };
    if !slot.text.is_empty() {
        return slot.text.clone();
    }
    match slot.merged {
        Some(m) if !m.vertical || m.origin => row
            .slots
            .get(m.first_col as usize)
            .map(|s| s.text.clone())
            .unwrap_or_default(),
        _ => String::new(),
    }
}

/// The row index of a special sheet's header (`Mã | Tên đơn vị`), if it has one among the first 5 rows.
fn special_header(t: &Table, headers: &[&[&str]]) -> Option<usize> {
    t.rows.iter().take(5).position(|r| {
        headers.iter().any(|h| {
            h.iter().enumerate().all(|(i, name)| {
                r.slots
                    .get(i)
                    .is_some_and(|s| header::names(&s.text, &[name]))
            })
        })
    })
}

/// The percentages in a text (`95%`, `95,5 %`).
fn percentages(s: &str) -> Vec<f64> {
    let mut out = Vec::new();
    for (i, c) in s.char_indices() {
        if c != '%' {
            continue;
        }
        let before = s[..i].trim_end();
        let start = before
            .char_indices()
            .rev()
            .take_while(|(_, c)| c.is_ascii_digit() || *c == ',' || *c == '.')
            .last()
            .map_or(before.len(), |(j, _)| j);
        if let Some((v, _)) = locale_number(&before[start..]) {
            out.push(v);
        }
    }
    out
}

/// The year of a target in an objective's text (OFFICE-FORMAT.md "A Word plan").
fn target_year(s: &str) -> Option<i32> {
    let w = text::words(s);
    let year = |x: &String| (x.len() == 4).then(|| x.parse::<i32>().ok()).flatten();
    for i in 0..w.len() {
        if w[i] == "den" {
            let rest = &w[i + 1..];
            match rest {
                [h, n, y, ..] if h == "het" && n == "nam" => return year(y),
                [n, y, ..] if n == "nam" => return year(y),
                _ => {}
            }
        }
    }
    for i in 0..w.len().saturating_sub(1) {
        if w[i] == "nam" && year(&w[i + 1]).is_some() {
            let preceded = i >= 2 && w[i - 2] == "so" && w[i - 1] == "voi";
            if !preceded {
                return year(&w[i + 1]);
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_follow_the_locale() {
        assert_eq!(locale_number("95,5"), Some((95.5, false)));
        assert_eq!(locale_number("150.000.000"), Some((150_000_000.0, false)));
        assert_eq!(locale_number("150 000 000"), Some((150_000_000.0, false)));
        assert_eq!(locale_number("95.5"), Some((95.5, false)));
        assert_eq!(locale_number("95%"), Some((95.0, true)));
        assert_eq!(locale_number("abc"), None);
    }

    #[test]
    fn numbering_is_split_off_titles() {
        assert_eq!(
            split_numbering("II. Cải cách thủ tục").0,
            Some(Numbering::Roman)
        );
        assert_eq!(split_numbering("II - Cải cách").1, "Cải cách");
        assert_eq!(split_numbering("1. Chỉ số").0, Some(Numbering::Arabic));
        assert_eq!(split_numbering("a) Về").0, Some(Numbering::Letter));
        assert_eq!(split_numbering("Cải cách").0, None);
        assert!(is_roman("XXXIX") && !is_roman("XL") && !is_roman("C"));
    }

    #[test]
    fn decree_30_numbers_are_found() {
        assert_eq!(
            document_numbers(
                "Căn cứ Nghị quyết số 76/NQ-CP ngày 15/7/2021; Nghị định 30/2020/NĐ-CP; Nghị quyết 08-NQ/TU"
            ),
            vec!["76/NQ-CP", "30/2020/NĐ-CP", "08-NQ/TU"]
        );
    }

    #[test]
    fn capitals_are_written_in_the_usual_form() {
        assert_eq!(usual_case("SỞ TƯ PHÁP"), "Sở Tư pháp");
        assert_eq!(
            usual_case("ỦY BAN NHÂN DÂN HUYỆN CHỢ ĐỒN"),
            "Ủy ban nhân dân huyện Chợ Đồn"
        );
        assert_eq!(
            agency_of("UBND TỈNH BẮC KẠN\nSỞ TƯ PHÁP\nSố: 245/KH-STP").as_deref(),
            Some("Sở Tư pháp")
        );
        assert_eq!(
            agency_of("ỦY BAN NHÂN DÂN\nHUYỆN CHỢ ĐỒN\n———").as_deref(),
            Some("Ủy ban nhân dân huyện Chợ Đồn")
        );
    }

    #[test]
    fn periods_and_target_years_come_from_the_words() {
        assert_eq!(
            period_of("Kế hoạch CCHC giai đoạn 2021 – 2025"),
            Some((2021, 2025))
        );
        assert_eq!(period_of("Kế hoạch CCHC năm 2023"), Some((2023, 2023)));
        assert_eq!(target_year("đạt 95% đến hết năm 2025"), Some(2025));
        assert_eq!(
            target_year("tăng 10% so với năm 2020, năm 2023"),
            Some(2023)
        );
        assert_eq!(percentages("Cải cách TTHC: 95,5 % hồ sơ"), vec![95.5]);
    }

    #[test]
    fn numbers_and_dates_of_the_header_block() {
        assert_eq!(
            number_line("Số: 245/KH-STP"),
            Some(Some("245/KH-STP".into()))
        );
        assert_eq!(number_line("Số:      /KH-UBND"), Some(None));
        assert_eq!(
            dated("Bắc Kạn, ngày 10 tháng 12 năm 2021").as_deref(),
            Some("ngày 10 tháng 12 năm 2021")
        );
    }
}
