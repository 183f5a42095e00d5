//! A YAML tree with a span on every node, key and collection, built from
//! saphyr-parser's event stream in a loop (never recursively), with caps on
//! nesting depth, node count and alias expansion checked before anything grows.
//! It knows nothing of plans: plan files, profiles and config files are all read
//! through it, and it is the source map YAML diagnostics are resolved against.

use std::borrow::Cow;

use foldhash::HashMap;
use saphyr_parser::{Event, Parser, ScalarStyle};

use crate::location::{Part, Pointer, Pos, Segment, SourceMap, Span};

fn span_of(span: &saphyr_parser::Span) -> Span {
    Span {
        start: pos(&span.start),
        end: pos(&span.end),
    }
}

fn pos(m: &saphyr_parser::Marker) -> Pos {
    Pos {
        line: u32::try_from(m.line()).unwrap_or(u32::MAX),
        col: u32::try_from(m.col()).unwrap_or(u32::MAX),
    }
}

/// How a scalar was written, which decides how it is typed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Style {
    Plain,
    Quoted,
    Block,
}

/// A scalar as written, with its style. Plain scalars on one line (most of a
/// plan) are borrowed from the text; the others keep the parser's copy.
#[derive(Debug, Clone, PartialEq)]
pub struct Scalar<'a> {
    pub text: Cow<'a, str>,
    pub style: Style,
}

impl Scalar<'_> {
    /// A plain `~`, `null` or empty scalar (YAML 1.2 core schema).
    pub fn is_null(&self) -> bool {
        self.style == Style::Plain && matches!(&*self.text, "" | "~" | "null" | "Null" | "NULL")
    }

    /// The number a plain scalar denotes under the YAML 1.2 core schema.
    pub fn as_number(&self) -> Option<f64> {
        if self.style != Style::Plain {
            return None;
        }
        let t = &*self.text;
        let digits = t.strip_prefix(['-', '+']).unwrap_or(t);
        let numeric = !digits.is_empty()
            && digits
                .chars()
                .all(|c| c.is_ascii_digit() || matches!(c, '.' | 'e' | 'E' | '-' | '+'))
            && digits.starts_with(|c: char| c.is_ascii_digit() || c == '.');
        if !numeric {
            return None;
        }
        t.parse::<f64>().ok().filter(|v| v.is_finite())
    }

    /// The integer a plain scalar denotes, if it is one.
    pub fn as_integer(&self) -> Option<i64> {
        if self.style != Style::Plain {
            return None;
        }
        let t = &*self.text;
        let digits = t.strip_prefix(['-', '+']).unwrap_or(t);
        if digits.is_empty() || !digits.chars().all(|c| c.is_ascii_digit()) {
            return None;
        }
        t.parse().ok()
    }

    /// The boolean a plain scalar denotes, if it is one.
    pub fn as_bool(&self) -> Option<bool> {
        if self.style != Style::Plain {
            return None;
        }
        match &*self.text {
            "true" | "True" | "TRUE" => Some(true),
            "false" | "False" | "FALSE" => Some(false),
            _ => None,
        }
    }
}

/// The content of a node. A parsed tree's collections are slices of its
/// [`Arena`]; a tree built by hand (an office document's) owns its vectors.
#[derive(Debug, Clone, PartialEq)]
pub enum Value<'a> {
    Scalar(Scalar<'a>),
    Seq(Cow<'a, [Node<'a>]>),
    Map(Cow<'a, [Entry<'a>]>),
}

/// Where a parsed tree lives: its lists, mappings and texts in one block of
/// memory per file (instead of an allocation per collection and per text,
/// released at once with nothing to walk: every node in it borrows its text
/// and its children).
#[derive(Default)]
pub struct Arena {
    nodes: bumpalo::Bump,
    /// Hand the block, emptied, to the next file of this thread.
    reuse: bool,
}

/// The largest block a thread keeps for its next file: the size of a file's
/// first block ([`Arena::for_text`]); a big file's blocks are freed.
const KEEP_BLOCK: usize = 8 << 20;

std::thread_local! {
    /// The block the last file checked on this thread left.
    static SPARE: std::cell::Cell<Option<bumpalo::Bump>> = const { std::cell::Cell::new(None) };
}

impl Arena {
    pub fn new() -> Arena {
        Arena::default()
    }

    /// An arena for the tree of a text of `len` bytes: the block the previous
    /// file of this thread used, emptied, when there is one (it grows as
    /// needed and the largest block is kept), else a block of some six times
    /// the text, up to [`KEEP_BLOCK`]. Over many files one block, warm in the
    /// caches, is used again and again instead of memory being freed and
    /// asked for (and zeroed by the system) for each file.
    pub fn for_text(len: usize) -> Arena {
        let nodes = SPARE
            .take()
            .unwrap_or_else(|| bumpalo::Bump::with_capacity(len.saturating_mul(6).min(KEEP_BLOCK)));
        Arena { nodes, reuse: true }
    }
}

impl Drop for Arena {
    fn drop(&mut self) {
        if self.reuse {
            let mut nodes = std::mem::take(&mut self.nodes);
            if nodes.allocated_bytes() <= KEEP_BLOCK {
                nodes.reset();
                SPARE.set(Some(nodes));
            }
        }
    }
}

/// Files from this size on have their plain scalars borrowed from the text
/// rather than copied from the parser's: over a big file the copies would add
/// up to a second copy of the text; over a small one, finding the scalar in the
/// text costs more than copying it (measured: 1.04× the instructions and a
/// slower run over many small plans).
const BORROW_FROM: usize = 1 << 20;

/// One `key: value` pair of a mapping.
#[derive(Debug, Clone, PartialEq)]
pub struct Entry<'a> {
    pub key: Node<'a>,
    pub value: Node<'a>,
}

/// A node with its span; `flow` is true for `{…}` and `[…]` collections.
#[derive(Debug, Clone, PartialEq)]
pub struct Node<'a> {
    pub value: Value<'a>,
    pub span: Span,
    pub flow: bool,
}

impl<'a> Node<'a> {
    pub fn scalar(&self) -> Option<&Scalar<'a>> {
        match &self.value {
            Value::Scalar(s) => Some(s),
            _ => None,
        }
    }

    pub fn is_null(&self) -> bool {
        self.scalar().is_some_and(Scalar::is_null)
    }

    pub fn entries(&self) -> Option<&[Entry<'a>]> {
        match &self.value {
            Value::Map(e) => Some(e),
            _ => None,
        }
    }

    pub fn items(&self) -> Option<&[Node<'a>]> {
        match &self.value {
            Value::Seq(items) => Some(items),
            _ => None,
        }
    }

    /// The entry whose key is the plain text `key`.
    pub fn get(&self, key: &str) -> Option<&Entry<'a>> {
        self.entries()?
            .iter()
            .find(|e| e.key.scalar().is_some_and(|s| s.text == key))
    }

    /// What kind of YAML value this is, in words for messages.
    pub fn kind(&self) -> NodeKind {
        match &self.value {
            Value::Map(_) => NodeKind::Mapping,
            Value::Seq(_) => NodeKind::List,
            Value::Scalar(s) if s.is_null() => NodeKind::Empty,
            Value::Scalar(s) if s.as_number().is_some() => NodeKind::Number,
            Value::Scalar(_) => NodeKind::Text,
        }
    }

    /// The node as a JSON value (core-schema typing for plain scalars).
    pub fn to_json(&self) -> serde_json::Value {
        use serde_json::Value as J;
        match &self.value {
            Value::Scalar(s) => {
                if s.is_null() {
                    J::Null
                } else if let Some(b) = s.as_bool() {
                    J::Bool(b)
                } else if let Some(i) = s.as_integer() {
                    J::from(i)
                } else if let Some(f) = s.as_number() {
                    serde_json::Number::from_f64(f).map_or(J::Null, J::Number)
                } else {
                    J::String(s.text.to_string())
                }
            }
            Value::Seq(items) => J::Array(items.iter().map(Node::to_json).collect()),
            Value::Map(entries) => J::Object(
                entries
                    .iter()
                    .map(|e| {
                        let key = e
                            .key
                            .scalar()
                            .map_or_else(String::new, |s| s.text.to_string());
                        (key, e.value.to_json())
                    })
                    .collect(),
            ),
        }
    }
}

/// The kind of a YAML value, for "expected X, found Y" messages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NodeKind {
    Mapping,
    List,
    Text,
    Number,
    Empty,
}

/// Safety limits applied while reading the event stream.
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    pub max_depth: usize,
    pub max_nodes: usize,
    pub max_alias_nodes: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_depth: 64,
            max_nodes: 4_000_000,
            max_alias_nodes: 10_000,
        }
    }
}

/// Which safety limit a file exceeded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Limit {
    Depth(usize),
    Nodes(usize),
    Aliases(usize),
}

/// Why a file could not be read into a tree.
#[derive(Debug, Clone, PartialEq)]
pub enum TreeError {
    /// Not well-formed YAML, at the parser's position.
    Syntax { at: Pos, message: String },
    /// A safety limit was exceeded at this position.
    Limit { at: Pos, limit: Limit },
}

/// A problem that does not stop reading: a repeated key, a second document.
#[derive(Debug, Clone, PartialEq)]
pub enum TreeNote {
    /// `key` repeated in one mapping; `span` is the later key, `first` the earlier one.
    DuplicateKey {
        pointer: Pointer,
        key: String,
        span: Span,
        first: Span,
    },
    /// The stream holds more than one document; the others are ignored.
    ExtraDocument { span: Span },
}

/// The result of reading one YAML stream.
#[derive(Debug, Clone, PartialEq)]
pub struct Tree<'a> {
    /// The first document's root, `None` when the stream holds no document.
    pub root: Option<Node<'a>>,
    pub notes: Vec<TreeNote>,
}

/// An open collection. Its children wait on the builder's stacks of pending
/// items (lists) and entries (mappings) until it ends, then move into a vector
/// of exactly their number: no spare capacity per collection.
enum Frame<'a> {
    Seq {
        start: Span,
        anchor: usize,
        /// Where its items begin on the stack of pending items.
        first: usize,
    },
    Map {
        start: Span,
        anchor: usize,
        /// Where its entries begin on the stack of pending entries.
        first: usize,
        /// The key whose value is being read.
        key: Option<Node<'a>>,
        /// Key → the entry's place on the pending stack, built once the mapping is large.
        index: Option<HashMap<String, usize>>,
        /// One bit per key read so far ([`key_bit`]): a key whose bit is clear
        /// is not a repeat, and the keys are not compared at all.
        seen: u64,
    },
}

/// Mappings with at least this many entries look up repeated keys by hash.
const BIG_MAPPING: usize = 32;

/// Finds where a plain scalar the parser copied stands in the text, so that it
/// can be borrowed from the text instead (most scalars of a plan are plain).
struct Source<'a> {
    text: &'a str,
    /// A place already found, as (character index, byte offset): scalars come
    /// in order, so the text is walked once from one scalar to the next.
    at: (usize, usize),
}

impl<'a> Source<'a> {
    fn new(text: &'a str) -> Self {
        Source { text, at: (0, 0) }
    }

    /// The byte offset of the character at `index` (the parser's markers count
    /// characters), walking forward from the last place found eight bytes at a
    /// time: eight ASCII bytes are skipped or stepped into at once, others by
    /// counting the bytes that start a character.
    fn byte_of(&mut self, index: usize) -> Option<usize> {
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
    fn borrow(&mut self, text: Cow<'a, str>, span: &saphyr_parser::Span) -> Cow<'a, str> {
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

/// Reads `text` into a tree whose collections and texts are kept in `arena`. Never recurses, so hostile nesting cannot overflow the stack;
/// every cap is checked before the structure grows.
pub fn parse<'a>(text: &'a str, arena: &'a Arena, limits: Limits) -> Result<Tree<'a>, TreeError> {
    build(text, arena, limits, text.len() >= BORROW_FROM)
}

/// [`parse`], borrowing plain scalars from the text when `borrow` is set.
fn build<'a>(
    text: &'a str,
    arena: &'a Arena,
    limits: Limits,
    borrow: bool,
) -> Result<Tree<'a>, TreeError> {
    let mut parser = Parser::new_from_str(text);
    let mut source = Source::new(text);
    // Copies the parser's text into the arena (unless it is borrowed already),
    // so the parser's own is freed at once and its memory reused for the next.
    let keep = |text: Cow<'a, str>| -> Cow<'a, str> {
        match text {
            Cow::Borrowed(b) => Cow::Borrowed(b),
            Cow::Owned(o) => Cow::Borrowed(arena.nodes.alloc_str(&o)),
        }
    };
    // Sized for a plan's nesting and its longest lists and mappings, so that
    // they do not grow file after file.
    let mut stack: Vec<Frame<'a>> = Vec::with_capacity(16);
    let mut items: Vec<Node<'a>> = Vec::with_capacity(64);
    let mut entries: Vec<Entry<'a>> = Vec::with_capacity(64);
    let mut anchors: Vec<(usize, Node<'a>, usize)> = Vec::new();
    let mut nodes = 0usize;
    let mut alias_nodes = 0usize;
    let mut root: Option<Node<'a>> = None;
    let mut notes = Vec::new();
    let mut documents = 0usize;

    while let Some(next) = parser.next_event() {
        let (event, parser_span) = next.map_err(|e| scan_error(&e, limits))?;
        let span = span_of(&parser_span);
        let (node, anchor): (Node<'a>, usize) = match event {
            Event::StreamStart | Event::StreamEnd | Event::Nothing | Event::DocumentEnd => continue,
            Event::DocumentStart(_) => {
                documents += 1;
                if documents > 1 {
                    notes.push(TreeNote::ExtraDocument { span });
                    // What follows is not read into the tree, but a syntax error in
                    // it still makes the file malformed YAML.
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
                let node = Node {
                    value: Value::Scalar(Scalar { text, style }),
                    span,
                    flow: false,
                };
                (node, anchor)
            }
            Event::Alias(id) => {
                let Some((_, node, size)) = anchors.iter().rev().find(|(a, _, _)| *a == id) else {
                    return Err(TreeError::Syntax {
                        at: span.start,
                        message: "unknown anchor".to_owned(),
                    });
                };
                alias_nodes += size;
                nodes += size;
                if alias_nodes > limits.max_alias_nodes {
                    return Err(limit_at(span, Limit::Aliases(limits.max_alias_nodes)));
                }
                if nodes > limits.max_nodes {
                    return Err(limit_at(span, Limit::Nodes(limits.max_nodes)));
                }
                let mut node = node.clone();
                node.span = span;
                (node, 0)
            }
            Event::SequenceStart(anchor, _) | Event::MappingStart(anchor, _) => {
                nodes += 1;
                if nodes > limits.max_nodes {
                    return Err(limit_at(span, Limit::Nodes(limits.max_nodes)));
                }
                if stack.len() >= limits.max_depth {
                    return Err(limit_at(span, Limit::Depth(limits.max_depth)));
                }
                stack.push(if matches!(event, Event::SequenceStart(..)) {
                    Frame::Seq {
                        start: span,
                        anchor,
                        first: items.len(),
                    }
                } else {
                    Frame::Map {
                        start: span,
                        anchor,
                        first: entries.len(),
                        key: None,
                        index: None,
                        seen: 0,
                    }
                });
                continue;
            }
            Event::SequenceEnd | Event::MappingEnd => match stack.pop() {
                Some(Frame::Seq {
                    start,
                    anchor,
                    first,
                }) => {
                    let children: &'a [Node<'a>] =
                        arena.nodes.alloc_slice_fill_iter(items.drain(first..));
                    let flow = !start.is_empty();
                    let end = if flow {
                        span.end
                    } else {
                        children.last().map_or(start.end, |n| n.span.end)
                    };
                    let node = Node {
                        value: Value::Seq(Cow::Borrowed(children)),
                        span: Span {
                            start: start.start,
                            end,
                        },
                        flow,
                    };
                    (node, anchor)
                }
                Some(Frame::Map {
                    start,
                    anchor,
                    first,
                    ..
                }) => {
                    let children: &'a [Entry<'a>] =
                        arena.nodes.alloc_slice_fill_iter(entries.drain(first..));
                    let flow = !start.is_empty();
                    let end = if flow {
                        span.end
                    } else {
                        children
                            .last()
                            .map_or(start.end, |e| e.value.span.end.max(e.key.span.end))
                    };
                    let node = Node {
                        value: Value::Map(Cow::Borrowed(children)),
                        span: Span {
                            start: start.start,
                            end,
                        },
                        flow,
                    };
                    (node, anchor)
                }
                None => continue,
            },
        };

        if anchor != 0 {
            anchors.push((anchor, node.clone(), count_nodes(&node)));
        }
        let mut duplicate: Option<(Node<'a>, Span)> = None;
        match stack.last_mut() {
            None => {
                if root.is_none() {
                    root = Some(node);
                }
            }
            Some(Frame::Seq { .. }) => items.push(node),
            Some(Frame::Map {
                key,
                first,
                index,
                seen,
                ..
            }) => match key.take() {
                None => *key = Some(node),
                Some(k) => {
                    let earlier = k.scalar().and_then(|ks| match index {
                        Some(index) => index.get(&*ks.text).map(|i| entries[*i].key.span),
                        None => {
                            let bit = key_bit(&ks.text);
                            let repeat = *seen & bit != 0;
                            *seen |= bit;
                            repeat
                                .then(|| {
                                    entries[*first..]
                                        .iter()
                                        .find(|e| e.key.scalar().is_some_and(|s| s.text == ks.text))
                                        .map(|e| e.key.span)
                                })
                                .flatten()
                        }
                    });
                    match earlier {
                        Some(earlier) => duplicate = Some((k, earlier)),
                        None => {
                            // Large mappings keep their keys hashed, so a 300,000-key
                            // mapping is not a quadratic scan for repeated keys.
                            // (A key's text is copied only for such a mapping.)
                            if index.is_some() || entries.len() - *first >= BIG_MAPPING {
                                index_key(index, &entries[*first..], *first, &k);
                            }
                            entries.push(Entry {
                                key: k,
                                value: node,
                            });
                        }
                    }
                }
            },
        }
        if let Some((k, first)) = duplicate {
            let text = k.scalar().map_or("", |s| &*s.text);
            notes.push(TreeNote::DuplicateKey {
                pointer: pointer_of(&stack, items.len(), text),
                key: text.to_owned(),
                span: k.span,
                first,
            });
        }
    }
    Ok(Tree { root, notes })
}

/// Records `key`, about to be the entry after `entries` (the mapping's, from
/// `first` on the pending stack), in a big mapping's key index, building the
/// index when the mapping has just grown big. (A key's text is copied only here.)
#[cold]
fn index_key(
    index: &mut Option<HashMap<String, usize>>,
    entries: &[Entry<'_>],
    first: usize,
    key: &Node<'_>,
) {
    let Some(text) = key.scalar().map(|s| s.text.to_string()) else {
        return;
    };
    let at = first + entries.len();
    let index = index.get_or_insert_with(|| {
        entries
            .iter()
            .enumerate()
            .filter_map(|(i, e)| Some((e.key.scalar()?.text.to_string(), first + i)))
            .collect()
    });
    index.insert(text, at);
}

/// A key's bit in a mapping's `seen` mask: equal keys have equal bits.
fn key_bit(key: &str) -> u64 {
    let b = key.as_bytes();
    let (first, last) = (b.first().copied(), b.last().copied());
    let mix = b.len() ^ usize::from(first.unwrap_or(0)) << 2 ^ usize::from(last.unwrap_or(0)) << 4;
    1 << (mix.wrapping_mul(0x9E37_79B9) >> 7 & 63)
}

/// The parser's error as ours. The scanner has its own nesting guard, which can
/// trip before our depth check sees the events; it is the same limit, so it is
/// reported as one.
fn scan_error(e: &saphyr_parser::ScanError, limits: Limits) -> TreeError {
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

/// Counts the nodes of a subtree without recursion.
fn count_nodes(node: &Node<'_>) -> usize {
    let mut count = 0;
    let mut todo = vec![node];
    while let Some(n) = todo.pop() {
        count += 1;
        match &n.value {
            Value::Scalar(_) => {}
            Value::Seq(items) => todo.extend(items.iter()),
            Value::Map(entries) => {
                for e in entries.iter() {
                    todo.push(&e.key);
                    todo.push(&e.value);
                }
            }
        }
    }
    count
}

/// The pointer of `key` inside the innermost open mapping: each enclosing
/// frame contributes the segment of the child being built in it. `items` is
/// the number of pending list items.
fn pointer_of(stack: &[Frame<'_>], items: usize, key: &str) -> Pointer {
    let mut out = Pointer::root();
    for (depth, frame) in stack[..stack.len().saturating_sub(1)].iter().enumerate() {
        out = match frame {
            Frame::Seq { first, .. } => {
                // A list's items so far end where the next open list's begin.
                let end = stack[depth + 1..]
                    .iter()
                    .find_map(|f| match f {
                        Frame::Seq { first, .. } => Some(*first),
                        Frame::Map { .. } => None,
                    })
                    .unwrap_or(items);
                out.index(end - first)
            }
            Frame::Map { key: Some(k), .. } => {
                out.key(k.scalar().map_or_else(String::new, |s| s.text.to_string()))
            }
            Frame::Map { key: None, .. } => out,
        };
    }
    out.key(key.to_owned())
}

impl SourceMap for Node<'_> {
    /// Walks `path` from this node (the document root). For the root itself only
    /// `Part::Value` has a place of its own; its key and start are line 1, column 1.
    fn find(&self, path: &[Segment], part: Part) -> Option<Span> {
        let mut node = self;
        let mut key_span: Option<Span> = None;
        for segment in path {
            let (key, next) = match (&node.value, segment) {
                (Value::Map(entries), Segment::Key(k)) => entries
                    .iter()
                    .find(|e| e.key.scalar().is_some_and(|s| s.text == *k))
                    .map(|e| (Some(e.key.span), &e.value))?,
                (Value::Seq(items), Segment::Index(i)) => (None, items.get(*i)?),
                _ => return None,
            };
            key_span = key;
            node = next;
        }
        if path.is_empty() && part != Part::Value {
            return Some(Span::DOCUMENT);
        }
        Some(match part {
            Part::Key => key_span.unwrap_or_else(|| start_of(node)),
            Part::Start => start_of(node),
            Part::Value => match &node.value {
                Value::Scalar(_) if node.span.is_empty() => key_span.unwrap_or(node.span),
                Value::Scalar(_) => node.span,
                _ if node.flow => node.span,
                _ => start_of(node),
            },
        })
    }
}

/// The first key of a mapping, the first line of a block list, else the node.
fn start_of(node: &Node<'_>) -> Span {
    match &node.value {
        Value::Map(entries) => entries.first().map_or(node.span, |e| e.key.span),
        Value::Seq(items) if !node.flow => items.first().map_or(node.span, start_of),
        _ => node.span,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::location::resolve;

    fn locate(root: Option<&Node<'_>>, pointer: &Pointer, part: Part) -> Span {
        resolve(root.map(|r| r as &dyn SourceMap), pointer, part)
    }

    fn tree<'a>(s: &'a str, arena: &'a Arena) -> Tree<'a> {
        parse(s, arena, Limits::default()).expect("parses")
    }

    fn try_parse(s: &str) -> Result<(), TreeError> {
        parse(s, &Arena::new(), Limits::default()).map(|_| ())
    }

    #[test]
    fn spans_follow_code_points() {
        let arena = Arena::new();
        let t = tree("a: 1\nbé: \"x y\"\n", &arena);
        let root = t.root.expect("root");
        let s = locate(Some(&root), &Pointer::root().key("bé"), Part::Value);
        assert_eq!((s.start.line, s.start.col, s.end.col), (2, 4, 9));
    }

    #[test]
    fn duplicate_keys_are_noted_at_the_later_one() {
        let arena = Arena::new();
        let t = tree("a:\n  b: 1\n  b: 2\n", &arena);
        assert!(
            matches!(&t.notes[0], TreeNote::DuplicateKey { pointer, span, .. } if pointer == &Pointer::keys(&["a", "b"]) && span.start.line == 3)
        );
    }

    #[test]
    fn a_character_index_finds_its_byte_forward_and_backward() {
        let text =
            "ab: Phòng Kế hoạch – Tài chính\n  - {id: TCCB, name: Văn phòng Ủy ban}\r\nx: 😀y";
        let starts: Vec<usize> = text.char_indices().map(|(b, _)| b).collect();
        let mut source = Source::new(text);
        for (i, b) in starts.iter().enumerate() {
            assert_eq!(source.byte_of(i), Some(*b), "character {i}");
        }
        assert_eq!(source.byte_of(starts.len()), Some(text.len()));
        assert_eq!(source.byte_of(starts.len() + 1), None);
        // Going back starts again from the top; every step size lands right.
        for step in 1..12 {
            for i in (0..starts.len()).rev().step_by(step) {
                assert_eq!(source.byte_of(i), Some(starts[i]), "back to {i}");
            }
        }
    }

    /// The repeated keys a tree noted, with their pointers.
    fn repeated_keys<'t>(t: &'t Tree<'_>) -> impl Iterator<Item = (&'t Pointer, &'t str)> {
        t.notes.iter().filter_map(|n| match n {
            TreeNote::DuplicateKey { pointer, key, .. } => Some((pointer, key.as_str())),
            TreeNote::ExtraDocument { .. } => None,
        })
    }

    #[test]
    fn a_repeated_key_inside_lists_has_the_pointer_of_its_place() {
        let arena = Arena::new();
        let t = tree(
            "tasks:\n  - id: 1\n    id: 2\n  - x: [a, [b], {c: 1, c: 2}]\n    y: 1\n    y: 2\n",
            &arena,
        );
        let pointers: Vec<String> = repeated_keys(&t).map(|(p, _)| p.to_string()).collect();
        assert_eq!(pointers, ["/tasks/0/id", "/tasks/1/x/2/c", "/tasks/1/y"]);
    }

    #[test]
    fn every_repeated_key_is_noted_whatever_the_key_mask_says() {
        // 24 keys (a small mapping: the mask, no hash index) and 100 (the index),
        // every third written again later; many share a bit of the mask, and
        // none may be taken for a repeat wrongly.
        for n in [24, 100] {
            let keys: Vec<String> = (0..n).map(|i| format!("k{i}")).collect();
            let mut text = String::new();
            for k in keys.iter().chain(keys.iter().step_by(3)) {
                text.push_str(&format!("{k}: 1\n"));
            }
            let arena = Arena::new();
            let t = tree(&text, &arena);
            let repeated: Vec<&str> = repeated_keys(&t).map(|(_, key)| key).collect();
            let expected: Vec<&str> = keys.iter().step_by(3).map(String::as_str).collect();
            assert_eq!(repeated, expected, "{n} keys");
            assert_eq!(t.root.expect("root").entries().expect("map").len(), n);
        }
    }

    #[test]
    fn plain_scalars_on_one_line_are_borrowed_from_the_text_of_a_big_file() {
        let text = "a: Sở Tư pháp\nb: [cán bộ, nhân dân, x]\nc: dòng một\n  dòng hai\nd: \"q\"\r\ne: f\n\
             g: [Phòng Kế hoạch – Tài chính, Trung tâm Dữ liệu, Văn phòng Ủy ban nhân dân tỉnh]\n";
        // A small file keeps the parser's texts, a big one (`borrow`) takes
        // them from the text: the same texts either way.
        let arena = Arena::new();
        let copied = tree(text, &arena);
        let t = build(text, &arena, Limits::default(), true).expect("parses");
        assert_eq!(copied, t);
        let in_text = |s: &str| text.as_bytes().as_ptr_range().contains(&s.as_ptr());
        let root = t.root.expect("root");
        let texts: Vec<(String, bool)> = root
            .entries()
            .expect("map")
            .iter()
            .flat_map(|e| match &e.value.value {
                Value::Seq(items) => items.iter().collect::<Vec<_>>(),
                _ => vec![&e.value],
            })
            .filter_map(|n| n.scalar())
            .map(|s| (s.text.to_string(), in_text(&s.text)))
            .collect();
        assert_eq!(
            texts,
            [
                ("Sở Tư pháp".to_owned(), true),
                ("cán bộ".to_owned(), true),
                ("nhân dân".to_owned(), true),
                ("x".to_owned(), true),
                ("dòng một dòng hai".to_owned(), false),
                ("q".to_owned(), false),
                ("f".to_owned(), true),
                ("Phòng Kế hoạch – Tài chính".to_owned(), true),
                ("Trung tâm Dữ liệu".to_owned(), true),
                ("Văn phòng Ủy ban nhân dân tỉnh".to_owned(), true),
            ]
        );
    }

    #[test]
    fn a_syntax_error_after_a_second_document_is_still_an_error() {
        // yaml-test-suite QLJ7: a tag handle defined in the first document only.
        let qlj7 =
            "%TAG !prefix! tag:example.com,2011:\n--- !prefix!A\na: b\n--- !prefix!B\nc: d\n";
        assert!(matches!(try_parse(qlj7), Err(TreeError::Syntax { .. })));
        let after = "a: 1\n---\nb: [\n";
        assert!(matches!(
            try_parse(after),
            Err(TreeError::Syntax { at, .. }) if at.line >= 3
        ));
        let arena = Arena::new();
        let fine = tree("a: 1\n---\nb: 2\n", &arena);
        assert!(matches!(fine.notes[..], [TreeNote::ExtraDocument { .. }]));
    }

    #[test]
    fn deep_nesting_is_a_limit_not_a_crash() {
        let deep = "- ".repeat(100_000) + "x";
        assert!(matches!(
            try_parse(&deep),
            Err(TreeError::Limit {
                limit: Limit::Depth(_),
                ..
            })
        ));
        let flow = "[".repeat(200_000);
        assert!(try_parse(&flow).is_err());
    }

    #[test]
    fn alias_bombs_hit_the_budget() {
        let mut s = String::from("a: &a [x, x, x, x, x, x, x, x, x, x]\n");
        let mut prev = 'a';
        for name in 'b'..='j' {
            s.push_str(&format!("{name}: &{name} [*{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}]\n"));
            prev = name;
        }
        assert!(matches!(
            try_parse(&s),
            Err(TreeError::Limit {
                limit: Limit::Aliases(_),
                ..
            })
        ));
    }

    #[test]
    fn missing_pointers_fall_back_to_the_ancestor_key() {
        let arena = Arena::new();
        let t = tree("x: 1\nplan:\n  agency: A\n", &arena);
        let root = t.root.expect("root");
        let s = locate(
            Some(&root),
            &Pointer::keys(&["plan", "implements"]),
            Part::Key,
        );
        assert_eq!((s.start.line, s.start.col), (2, 0));
        assert_eq!(
            locate(Some(&root), &Pointer::keys(&["resources"]), Part::Key),
            Span::DOCUMENT
        );
        let s = locate(Some(&root), &Pointer::keys(&["plan"]), Part::Start);
        assert_eq!((s.start.line, s.start.col), (3, 2));
    }
}
