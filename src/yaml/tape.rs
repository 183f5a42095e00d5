//! A YAML document as a tape: one record per node (keys included) in document
//! order, each collection followed by its children's records, so that a node
//! and its whole subtree are one slice of the tape. Built from saphyr-parser's
//! event stream in a loop (never recursively), with the caps of [`Limits`]
//! checked before anything grows; a plan is lowered straight from it and
//! diagnostics are resolved against it, with no tree of pointers in between.

use std::borrow::Cow;
use std::cell::RefCell;

use cchc_yaml_events::{Event, Events, ScalarStyle};
use foldhash::HashMap;

use super::{Arena, Limit, Limits, NodeKind, Scalar, Style, TreeError, TreeNote, Value};
use crate::location::{Part, Pointer, Pos, Segment, SourceMap, Span};

/// What a record is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Scalar(Style),
    Seq,
    Map,
}

/// One node of the tape.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Rec<'a> {
    /// A scalar's text; empty for a collection.
    text: &'a str,
    span: Span,
    /// The records of this node's subtree, itself included.
    len: u32,
    /// A collection's items, or its entries (a key and its value); 0 for a scalar.
    count: u32,
    kind: Kind,
    /// `{…}` or `[…]`.
    flow: bool,
}

/// A document read into a tape, with the problems that did not stop reading.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Tape<'a> {
    recs: Vec<Rec<'a>>,
    pub notes: Vec<TreeNote>,
    /// Where each item of a long list starts (from the list's record), made
    /// the first time an item of that list is looked up by its position, so
    /// that placing many diagnostics in one long list stays linear.
    items: RefCell<HashMap<usize, Vec<u32>>>,
}

/// Lists of at least this many items have their items' places indexed.
const INDEXED_LIST: usize = 64;

/// A node of a tape: its record first, then the records of its subtree.
#[derive(Debug, Clone, Copy)]
pub struct View<'t, 'a> {
    recs: &'t [Rec<'a>],
}

/// One `key: value` pair of a mapping on a tape.
#[derive(Debug, Clone, Copy)]
pub struct Pair<'t, 'a> {
    pub key: View<'t, 'a>,
    pub value: View<'t, 'a>,
}

/// The node whose records start `rest`, taken off its front.
fn take_node<'t, 'a>(rest: &mut &'t [Rec<'a>]) -> Option<View<'t, 'a>> {
    let len = rest.first()?.len as usize;
    let (node, after) = rest.split_at_checked(len).filter(|_| len > 0)?;
    *rest = after;
    Some(View { recs: node })
}

/// The children of a collection, in order.
#[derive(Debug, Clone)]
pub struct Children<'t, 'a> {
    rest: &'t [Rec<'a>],
    left: u32,
}

impl<'t, 'a> Iterator for Children<'t, 'a> {
    type Item = View<'t, 'a>;

    fn next(&mut self) -> Option<View<'t, 'a>> {
        self.left = self.left.checked_sub(1)?;
        take_node(&mut self.rest)
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        (0, Some(self.left as usize))
    }
}

/// The entries of a mapping, in order: a key's records, then its value's.
#[derive(Debug, Clone)]
pub struct Pairs<'t, 'a> {
    rest: &'t [Rec<'a>],
    left: u32,
}

impl<'t, 'a> Iterator for Pairs<'t, 'a> {
    type Item = Pair<'t, 'a>;

    fn next(&mut self) -> Option<Pair<'t, 'a>> {
        self.left = self.left.checked_sub(1)?;
        let key = take_node(&mut self.rest)?;
        let value = take_node(&mut self.rest)?;
        Some(Pair { key, value })
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        (0, Some(self.left as usize))
    }
}

impl<'t, 'a> View<'t, 'a> {
    fn rec(&self) -> &'t Rec<'a> {
        &self.recs[0]
    }

    pub fn span(&self) -> Span {
        self.rec().span
    }

    /// `{…}` or `[…]`, written on one line in flow style.
    pub fn flow(&self) -> bool {
        self.rec().flow
    }

    /// The scalar, when this node is one.
    pub fn scalar(&self) -> Option<Scalar<'a>> {
        match self.rec().kind {
            Kind::Scalar(style) => Some(Scalar {
                text: Cow::Borrowed(self.rec().text),
                style,
            }),
            _ => None,
        }
    }

    /// A scalar's text as written, with its lifetime (that of the source or arena).
    pub fn text(&self) -> Option<&'a str> {
        matches!(self.rec().kind, Kind::Scalar(_)).then_some(self.rec().text)
    }

    /// A plain `~`, `null` or empty scalar (YAML 1.2 core schema).
    pub fn is_null(&self) -> bool {
        let rec = self.rec();
        rec.kind == Kind::Scalar(Style::Plain) && super::is_null_text(rec.text)
    }

    pub fn is_list(&self) -> bool {
        self.rec().kind == Kind::Seq
    }

    pub fn is_mapping(&self) -> bool {
        self.rec().kind == Kind::Map
    }

    /// The children's records: a list's items, a mapping's keys and values.
    fn children(&self) -> Children<'t, 'a> {
        let rec = self.rec();
        Children {
            rest: &self.recs[1..],
            left: if rec.kind == Kind::Map {
                rec.count.saturating_mul(2)
            } else {
                rec.count
            },
        }
    }

    /// The items of a list.
    pub fn items(&self) -> Option<Children<'t, 'a>> {
        self.is_list().then(|| self.children())
    }

    /// How many items or entries a collection has (0 for a scalar).
    pub fn size(&self) -> usize {
        self.rec().count as usize
    }

    /// The entries of a mapping.
    pub fn entries(&self) -> Option<Pairs<'t, 'a>> {
        self.is_mapping().then(|| Pairs {
            rest: &self.recs[1..],
            left: self.rec().count,
        })
    }

    /// The entry whose key is the text `key`.
    pub fn get(&self, key: &str) -> Option<Pair<'t, 'a>> {
        self.entries()?
            .find(|e| e.key.text().is_some_and(|k| k == key))
    }

    /// What kind of YAML value this is, in words for messages.
    pub fn kind(&self) -> NodeKind {
        match self.rec().kind {
            Kind::Map => NodeKind::Mapping,
            Kind::Seq => NodeKind::List,
            Kind::Scalar(_) => self.scalar().map_or(NodeKind::Text, |s| s.kind()),
        }
    }

    /// The first key of a mapping, the first line of a block list, else the node.
    fn start(self) -> Span {
        let mut node = self;
        loop {
            match node.rec().kind {
                Kind::Map => return node.children().next().map_or(node.span(), |k| k.span()),
                Kind::Seq if !node.flow() => match node.children().next() {
                    Some(first) => node = first,
                    None => return node.span(),
                },
                _ => return node.span(),
            }
        }
    }

    /// The node as a tree whose collections are slices of `arena` and whose
    /// texts are borrowed from the tape's (for the readers of small files:
    /// profiles, config). Recursion is bounded by [`Limits::max_depth`].
    pub fn to_node(self, arena: &'a Arena) -> super::Node<'a> {
        let value = match self.rec().kind {
            Kind::Scalar(_) => Value::Scalar(self.scalar().unwrap_or(Scalar {
                text: Cow::Borrowed(""),
                style: Style::Plain,
            })),
            Kind::Seq => {
                let items: Vec<_> = self.children().map(|c| c.to_node(arena)).collect();
                Value::Seq(Cow::Borrowed(arena.nodes.alloc_slice_fill_iter(items)))
            }
            Kind::Map => {
                let entries: Vec<_> = (self.entries().into_iter().flatten())
                    .map(|p| super::Entry {
                        key: p.key.to_node(arena),
                        value: p.value.to_node(arena),
                    })
                    .collect();
                Value::Map(Cow::Borrowed(arena.nodes.alloc_slice_fill_iter(entries)))
            }
        };
        super::Node {
            value,
            span: self.span(),
            flow: self.flow(),
        }
    }
}

impl<'a> Tape<'a> {
    /// The document's root, `None` when the stream holds no document.
    pub fn root(&self) -> Option<View<'_, 'a>> {
        (!self.recs.is_empty()).then_some(View { recs: &self.recs })
    }

    /// Reads `text` into a tape whose texts are kept in `arena` (or, for a big
    /// file, borrowed from `text`).
    pub fn parse(text: &'a str, arena: &'a Arena, limits: Limits) -> Result<Tape<'a>, TreeError> {
        build(text, arena, limits, text.len() >= BORROW_FROM)
    }

    /// The tape of a tree built by hand (an office document's), its texts
    /// borrowed from the tree.
    pub fn of_tree(root: &'a super::Node<'_>) -> Tape<'a> {
        fn push<'a>(recs: &mut Vec<Rec<'a>>, node: &'a super::Node<'_>) {
            let at = recs.len();
            let (kind, text, count) = match &node.value {
                Value::Scalar(s) => (Kind::Scalar(s.style), &*s.text, 0),
                Value::Seq(items) => (Kind::Seq, "", items.len()),
                Value::Map(entries) => (Kind::Map, "", entries.len()),
            };
            recs.push(Rec {
                text,
                span: node.span,
                len: 1,
                count: u32::try_from(count).unwrap_or(u32::MAX),
                kind,
                flow: node.flow,
            });
            match &node.value {
                Value::Scalar(_) => {}
                Value::Seq(items) => items.iter().for_each(|i| push(recs, i)),
                Value::Map(entries) => entries.iter().for_each(|e| {
                    push(recs, &e.key);
                    push(recs, &e.value);
                }),
            }
            recs[at].len = u32::try_from(recs.len() - at).unwrap_or(u32::MAX);
        }
        let mut recs = Vec::new();
        push(&mut recs, root);
        Tape {
            recs,
            ..Tape::default()
        }
    }

    /// The item at `index` of `list`, a list of this tape.
    fn item<'t>(&'t self, list: View<'t, 'a>, index: usize) -> Option<View<'t, 'a>> {
        let items = list.items()?;
        if list.size() < INDEXED_LIST {
            return items.clone().nth(index);
        }
        let at = (list.recs.as_ptr() as usize - self.recs.as_ptr() as usize)
            / std::mem::size_of::<Rec>();
        let mut lists = self.items.borrow_mut();
        let starts = lists.entry(at).or_insert_with(|| {
            let mut starts = Vec::with_capacity(list.size());
            let mut from = 1;
            for item in items {
                starts.push(u32::try_from(from).unwrap_or(u32::MAX));
                from += item.recs.len();
            }
            starts
        });
        let from = *starts.get(index)? as usize;
        let len = list.recs.get(from)?.len as usize;
        list.recs.get(from..from + len).map(|recs| View { recs })
    }
}

impl SourceMap for Tape<'_> {
    /// Walks `path` from the root. For the root itself only `Part::Value` has
    /// a place of its own; its key and start are line 1, column 1.
    fn find(&self, path: &[Segment], part: Part) -> Option<Span> {
        let mut node = self.root()?;
        let mut key_span: Option<Span> = None;
        for segment in path {
            let (key, next) = match segment {
                Segment::Key(k) => node.get(k).map(|e| (Some(e.key.span()), e.value))?,
                Segment::Index(i) => (None, self.item(node, *i)?),
            };
            key_span = key;
            node = next;
        }
        if path.is_empty() && part != Part::Value {
            return Some(Span::DOCUMENT);
        }
        Some(match part {
            Part::Key => key_span.unwrap_or_else(|| node.start()),
            Part::Start => node.start(),
            Part::Value => match node.rec().kind {
                Kind::Scalar(_) if node.span().is_empty() => key_span.unwrap_or(node.span()),
                Kind::Scalar(_) => node.span(),
                _ if node.flow() => node.span(),
                _ => node.start(),
            },
        })
    }
}

fn span_of(span: &cchc_yaml_events::Span) -> Span {
    Span {
        start: pos(&span.start),
        end: pos(&span.end),
    }
}

fn pos(m: &cchc_yaml_events::Marker) -> Pos {
    Pos {
        line: u32::try_from(m.line()).unwrap_or(u32::MAX),
        col: u32::try_from(m.col()).unwrap_or(u32::MAX),
    }
}

/// Files from this size on have their plain scalars borrowed from the text
/// rather than copied from the parser's: over a big file the copies would add
/// up to a second copy of the text; over a small one, finding the scalar in the
/// text costs more than copying it (measured: 1.04× the instructions and a
/// slower run over many small plans).
const BORROW_FROM: usize = 1 << 20;

/// Mappings with at least this many entries look up repeated keys by hash.
const BIG_MAPPING: u32 = 32;

/// An open collection.
struct Open<'a> {
    /// Its record on the tape.
    at: usize,
    anchor: usize,
    /// The record of the key whose value is being read (mappings).
    key: Option<usize>,
    /// The records of the last key and the last child.
    last_key: usize,
    last: usize,
    /// A mapping (else a list), and its entries or items so far: kept here,
    /// not read from and written to its record far back on the tape at every
    /// child (the record is written once, when the collection ends).
    map: bool,
    count: u32,
    /// Two bits per key read so far ([`key_bits`]), a small Bloom filter: a
    /// key with either bit clear is not a repeat, and the keys are not
    /// compared at all.
    seen: u128,
    /// Key → its record, built once the mapping is large.
    index: Option<HashMap<&'a str, usize>>,
}

/// Where an anchored node's records are: on the tape, or (when the entry that
/// held it was dropped as a repeated key) kept aside.
#[derive(Clone, Copy)]
enum Anchored {
    Tape { at: usize, len: usize },
    Aside { at: usize, len: usize },
}

/// Finds where a plain scalar the parser copied stands in the text, so that it
/// can be borrowed from the text instead (most scalars of a plan are plain).
pub(super) struct Source<'a> {
    text: &'a str,
    /// A place already found, as (character index, byte offset): scalars come
    /// in order, so the text is walked once from one scalar to the next.
    at: (usize, usize),
}

impl<'a> Source<'a> {
    pub(super) fn new(text: &'a str) -> Self {
        Source { text, at: (0, 0) }
    }

    /// The byte offset of the character at `index` (the parser's markers count
    /// characters), walking forward from the last place found eight bytes at a
    /// time: eight ASCII bytes are skipped or stepped into at once, others by
    /// counting the bytes that start a character.
    pub(super) fn byte_of(&mut self, index: usize) -> Option<usize> {
        if index < self.at.0 {
            self.at = (0, 0);
        }
        let bytes = self.text.as_bytes();
        let (mut left, mut b) = (index - self.at.0, self.at.1);
        const HIGH: u64 = 0x8080_8080_8080_8080;
        while left > 0
            && let Some(chunk) = bytes.get(b..b + 8)
        {
            let word = u64::from_le_bytes(chunk.try_into().ok()?);
            if word & HIGH == 0 {
                // Eight ASCII bytes are eight characters (keys, indentation, codes):
                // the place is among them or after them.
                let step = left.min(8);
                left -= step;
                b += step;
                continue;
            }
            // A continuation byte is 10xxxxxx: its top bit set, the next one clear.
            let continuation = (word & HIGH & !(word << 1)).count_ones() as usize;
            let starts = 8 - continuation;
            if starts > left {
                break;
            }
            left -= starts;
            b += 8;
        }
        while b < bytes.len() {
            if bytes[b] & 0xC0 != 0x80 {
                if left == 0 {
                    break;
                }
                left -= 1;
            }
            b += 1;
        }
        if left != 0 || !self.text.is_char_boundary(b) {
            return None;
        }
        self.at = (index, b);
        Some(b)
    }

    /// A plain scalar on one line, borrowed from the source: there it is written
    /// exactly as it reads (folding only joins lines, and plain scalars have no
    /// escapes), so the parser's copy can be dropped. Its start is found from
    /// the parser's character index, its end from its length; the comparison
    /// with the copy confirms both, and anything else keeps the copy.
    fn borrow(&mut self, text: Cow<'a, str>, span: &cchc_yaml_events::Span) -> Cow<'a, str> {
        let Cow::Owned(owned) = &text else {
            return text;
        };
        if span.start.line() != span.end.line() {
            return text;
        }
        let Some(from) = self.byte_of(span.start.index()) else {
            return text;
        };
        match self.text.get(from..from + owned.len()) {
            Some(source) if source == owned => {
                // The next walk starts after the scalar, over the (mostly ASCII)
                // text between two values, when the scalar's end is where its
                // characters say.
                let (start, end) = (span.start.index(), span.end.index());
                if end.checked_sub(start) == Some(source.chars().count()) {
                    self.at = (end, from + source.len());
                }
                Cow::Borrowed(source)
            }
            _ => text,
        }
    }
}

/// Records a tape is given room for per byte of text (a plan has about one
/// node per 12 bytes), so that it seldom grows.
const BYTES_PER_RECORD: usize = 12;

/// [`Tape::parse`], borrowing plain scalars from the text when `borrow` is set.
pub(super) fn build<'a>(
    text: &'a str,
    arena: &'a Arena,
    limits: Limits,
    borrow: bool,
) -> Result<Tape<'a>, TreeError> {
    let mut parser = Events::new(text);
    let mut source = Source::new(text);
    // Copies the parser's text into the arena (unless it is borrowed already),
    // so the parser's own is freed at once and its memory reused for the next.
    let keep = |text: Cow<'a, str>| -> &'a str {
        match text {
            Cow::Borrowed(b) => b,
            Cow::Owned(o) => arena.nodes.alloc_str(&o),
        }
    };
    let mut recs: Vec<Rec<'a>> = Vec::with_capacity(text.len() / BYTES_PER_RECORD + 16);
    // Sized for a plan's nesting, so that it does not grow.
    let mut stack: Vec<Open<'a>> = Vec::with_capacity(16);
    let mut anchors: Vec<(usize, Anchored)> = Vec::new();
    let mut aside: Vec<Rec<'a>> = Vec::new();
    let mut nodes = 0usize;
    let mut alias_nodes = 0usize;
    let mut notes = Vec::new();
    let mut documents = 0usize;

    while let Some(next) = parser.next_event() {
        let (event, parser_span) = next.map_err(|e| scan_error(&e, limits))?;
        let span = span_of(&parser_span);
        // The record of the node just completed, and its anchor.
        let (done, anchor) = match event {
            Event::StreamStart | Event::StreamEnd | Event::Nothing | Event::DocumentEnd => continue,
            Event::DocumentStart(_) => {
                documents += 1;
                if documents > 1 {
                    notes.push(TreeNote::ExtraDocument { span });
                    // What follows is not read, but a syntax error in it still
                    // makes the file malformed YAML.
                    while let Some(next) = parser.next_event() {
                        next.map_err(|e| scan_error(&e, limits))?;
                    }
                    break;
                }
                continue;
            }
            Event::Scalar(text, style, anchor, _tag) => {
                nodes += 1;
                if nodes > limits.max_nodes {
                    return Err(limit_at(span, Limit::Nodes(limits.max_nodes)));
                }
                let (style, text) = match style {
                    ScalarStyle::Plain if borrow => {
                        (Style::Plain, keep(source.borrow(text, &parser_span)))
                    }
                    ScalarStyle::Plain => (Style::Plain, keep(text)),
                    ScalarStyle::SingleQuoted | ScalarStyle::DoubleQuoted => {
                        (Style::Quoted, keep(text))
                    }
                    ScalarStyle::Literal | ScalarStyle::Folded => (Style::Block, keep(text)),
                };
                recs.push(Rec {
                    text,
                    span,
                    len: 1,
                    count: 0,
                    kind: Kind::Scalar(style),
                    flow: false,
                });
                (recs.len() - 1, anchor)
            }
            Event::Alias(id) => {
                let Some(&(_, anchored)) = anchors.iter().rev().find(|(a, _)| *a == id) else {
                    return Err(TreeError::Syntax {
                        at: span.start,
                        message: "unknown anchor".to_owned(),
                    });
                };
                let (from, len) = match anchored {
                    Anchored::Tape { at, len } | Anchored::Aside { at, len } => (at, len),
                };
                alias_nodes += len;
                nodes += len;
                if alias_nodes > limits.max_alias_nodes {
                    return Err(limit_at(span, Limit::Aliases(limits.max_alias_nodes)));
                }
                if nodes > limits.max_nodes {
                    return Err(limit_at(span, Limit::Nodes(limits.max_nodes)));
                }
                let at = recs.len();
                match anchored {
                    Anchored::Tape { .. } => recs.extend_from_within(from..from + len),
                    Anchored::Aside { .. } => recs.extend_from_slice(&aside[from..from + len]),
                }
                recs[at].span = span;
                (at, 0)
            }
            Event::SequenceStart(anchor, _) | Event::MappingStart(anchor, _) => {
                nodes += 1;
                if nodes > limits.max_nodes {
                    return Err(limit_at(span, Limit::Nodes(limits.max_nodes)));
                }
                if stack.len() >= limits.max_depth {
                    return Err(limit_at(span, Limit::Depth(limits.max_depth)));
                }
                let kind = if matches!(event, Event::SequenceStart(..)) {
                    Kind::Seq
                } else {
                    Kind::Map
                };
                stack.push(Open {
                    at: recs.len(),
                    anchor,
                    map: kind == Kind::Map,
                    count: 0,
                    key: None,
                    last_key: usize::MAX,
                    last: usize::MAX,
                    seen: 0,
                    index: None,
                });
                recs.push(Rec {
                    text: "",
                    span,
                    len: 0,
                    count: 0,
                    kind,
                    flow: !span.is_empty(),
                });
                continue;
            }
            Event::SequenceEnd | Event::MappingEnd => {
                let Some(open) = stack.pop() else { continue };
                if let Some(key) = open.key {
                    // A key without its value (not produced by the parser): dropped.
                    recs.truncate(key);
                }
                let rec = &recs[open.at];
                let end = if rec.flow {
                    span.end
                } else if open.last == usize::MAX {
                    rec.span.end
                } else if rec.kind == Kind::Map {
                    recs[open.last].span.end.max(recs[open.last_key].span.end)
                } else {
                    recs[open.last].span.end
                };
                let len = recs.len() - open.at;
                let rec = &mut recs[open.at];
                rec.count = open.count;
                rec.span.end = end;
                rec.len = u32::try_from(len).unwrap_or(u32::MAX);
                (open.at, open.anchor)
            }
        };

        if anchor != 0 {
            let len = recs.len() - done;
            anchors.push((anchor, Anchored::Tape { at: done, len }));
        }
        let Some(open) = stack.last_mut() else {
            // The root: the first node of the first document.
            continue;
        };
        if !open.map {
            open.count += 1;
            open.last = done;
            continue;
        }
        let Some(key) = open.key.take() else {
            open.key = Some(done);
            continue;
        };
        let earlier = match recs[key].kind {
            Kind::Scalar(_) => {
                let text = recs[key].text;
                match &open.index {
                    Some(index) => index.get(text).map(|k| recs[*k].span),
                    None => {
                        let bits = key_bits(text);
                        let repeat = open.seen & bits == bits;
                        open.seen |= bits;
                        if repeat {
                            entry_keys(&recs, open.at, key)
                                .find(|&k| {
                                    matches!(recs[k].kind, Kind::Scalar(_)) && recs[k].text == text
                                })
                                .map(|k| recs[k].span)
                        } else {
                            None
                        }
                    }
                }
            }
            _ => None,
        };
        match earlier {
            Some(first) => {
                let text = recs[key].text;
                notes.push(TreeNote::DuplicateKey {
                    pointer: pointer_of(&stack, &recs, text),
                    key: text.to_owned(),
                    span: recs[key].span,
                    first,
                });
                // The repeated entry is dropped; an anchor inside it stays usable.
                for (_, anchored) in anchors.iter_mut() {
                    if let Anchored::Tape { at, len } = *anchored
                        && at >= key
                    {
                        *anchored = Anchored::Aside {
                            at: aside.len(),
                            len,
                        };
                        aside.extend_from_slice(&recs[at..at + len]);
                    }
                }
                recs.truncate(key);
            }
            None => {
                open.count += 1;
                let count = open.count;
                open.last_key = key;
                open.last = done;
                // Large mappings keep their keys hashed, so a 300,000-key
                // mapping is not a quadratic scan for repeated keys.
                if matches!(recs[key].kind, Kind::Scalar(_))
                    && (open.index.is_some() || count >= BIG_MAPPING)
                {
                    index_key(open, &recs, key);
                }
            }
        }
    }
    Ok(Tape {
        recs,
        notes,
        ..Tape::default()
    })
}

/// Records the key at `key` in a big mapping's key index, building the index
/// when the mapping has just grown big.
#[cold]
fn index_key<'a>(open: &mut Open<'a>, recs: &[Rec<'a>], key: usize) {
    let index = open.index.get_or_insert_with(|| {
        let mut index = HashMap::default();
        for at in entry_keys(recs, open.at, key) {
            if matches!(recs[at].kind, Kind::Scalar(_)) {
                index.entry(recs[at].text).or_insert(at);
            }
        }
        index
    });
    index.entry(recs[key].text).or_insert(key);
}

/// The records of the keys of a mapping still being read, whose record is at
/// `at`, up to `end`: an entry is its key's records, then its value's (each
/// node's record says how many records it spans, so no count is needed).
fn entry_keys<'r>(recs: &'r [Rec<'_>], at: usize, end: usize) -> impl Iterator<Item = usize> + 'r {
    let mut next = at + 1;
    std::iter::from_fn(move || {
        let key = next;
        (key < end).then(|| {
            next += recs[key].len as usize;
            next += recs.get(next).map_or(1, |r| r.len as usize);
            key
        })
    })
}

/// A key's two bits in a mapping's `seen` mask: equal keys have equal bits.
fn key_bits(key: &str) -> u128 {
    let b = key.as_bytes();
    let (first, last) = (b.first().copied(), b.last().copied());
    let second = b.get(1).copied();
    let mix = b.len()
        ^ usize::from(first.unwrap_or(0)) << 2
        ^ usize::from(second.unwrap_or(0)) << 9
        ^ usize::from(last.unwrap_or(0)) << 4;
    let h = mix.wrapping_mul(0x9E37_79B9);
    1 << (h >> 7 & 127) | 1 << (h >> 17 & 127)
}

/// The parser's error as ours. The scanner has its own nesting guard, which can
/// trip before our depth check sees the events; it is the same limit, so it is
/// reported as one.
fn scan_error(e: &cchc_yaml_events::ScanError, limits: Limits) -> TreeError {
    if e.info().contains("recursion limit") {
        TreeError::Limit {
            at: pos(e.marker()),
            limit: Limit::Depth(limits.max_depth),
        }
    } else {
        TreeError::Syntax {
            at: pos(e.marker()),
            message: e.info().to_owned(),
        }
    }
}

fn limit_at(span: Span, limit: Limit) -> TreeError {
    TreeError::Limit {
        at: span.start,
        limit,
    }
}

/// The pointer of `key` inside the innermost open mapping: each enclosing
/// collection contributes the segment of the child being read in it.
fn pointer_of(stack: &[Open<'_>], recs: &[Rec<'_>], key: &str) -> Pointer {
    let mut out = Pointer::root();
    for open in &stack[..stack.len().saturating_sub(1)] {
        out = match (open.map, open.key) {
            (false, _) => out.index(open.count as usize),
            (_, Some(k)) if matches!(recs[k].kind, Kind::Scalar(_)) => {
                out.key(recs[k].text.to_owned())
            }
            (_, Some(_)) => out.key(String::new()),
            (_, None) => out,
        };
    }
    out.key(key.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::location::resolve;

    fn tape<'a>(text: &'a str, arena: &'a Arena) -> Tape<'a> {
        Tape::parse(text, arena, Limits::default()).expect("parses")
    }

    #[test]
    fn the_tape_of_a_tree_is_the_tape_the_tree_was_read_from() {
        let text = "version: 1\nplan: {agency: A, period: {from: 2026, to: 2030}}\n\
            tasks:\n  - id: T1\n    lead: [a, b]\n    schedule:\n      2026: x\n  - id: T2\n";
        let arena = Arena::new();
        let read = tape(text, &arena);
        let tree = read.root().expect("root").to_node(&arena);
        assert_eq!(Tape::of_tree(&tree).recs, read.recs);
    }

    #[test]
    #[cfg(target_pointer_width = "64")]
    fn a_record_is_48_bytes() {
        // The tape's share of the memory bound on big files (README, Performance).
        assert_eq!(std::mem::size_of::<Rec>(), 48);
    }

    #[test]
    fn items_of_a_long_list_are_found_by_position() {
        let items: Vec<String> = (0..300).map(|i| format!("  - {{id: T{i}}}\n")).collect();
        let text = format!("tasks:\n{}", items.concat());
        let arena = Arena::new();
        let read = tape(&text, &arena);
        for i in [0, 63, 64, 150, 299] {
            let pointer = Pointer::keys(&["tasks"]).index(i).key("id");
            let span = resolve(Some(&read), &pointer, Part::Value);
            assert_eq!(span.start.line as usize, i + 2, "item {i}");
        }
        // Past the end: the nearest existing ancestor's key.
        let past = resolve(
            Some(&read),
            &Pointer::keys(&["tasks"]).index(300),
            Part::Value,
        );
        assert_eq!(past.start.line, 1);
    }

    #[test]
    fn an_anchor_in_a_dropped_repeated_entry_stays_usable() {
        let arena = Arena::new();
        let read = tape("a: 1\na: &x [1, 2]\nb: *x\n", &arena);
        assert!(matches!(read.notes[..], [TreeNote::DuplicateKey { .. }]));
        let root = read.root().expect("root");
        assert_eq!(root.size(), 2);
        assert_eq!(root.get("a").and_then(|e| e.value.text()), Some("1"));
        let b = root.get("b").expect("b").value;
        let items: Vec<_> = b.items().expect("list").filter_map(|i| i.text()).collect();
        assert_eq!(items, ["1", "2"]);
        assert_eq!(b.span().start.line, 3);
    }
}
