//! YAML with a span on every node, key and collection. A file is read from
//! saphyr-parser's event stream into a [`Tape`] (one record per node, in
//! document order), with caps on nesting depth, node count and alias expansion
//! checked before anything grows; plans are lowered from the tape and their
//! diagnostics resolved against it. A [`Node`] tree is what small files
//! (profiles, config) are read as, and what office documents are built into.
//! It knows nothing of plans.

pub mod tape;

use std::borrow::Cow;

pub use tape::{Pair, Tape, View};

use crate::location::{Pointer, Pos, Span};

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
        self.style == Style::Plain && is_null_text(&self.text)
    }

    /// The number a plain scalar denotes under the YAML 1.2 core schema.
    pub fn as_number(&self) -> Option<f64> {
        if self.style != Style::Plain {
            return None;
        }
        let t = &*self.text;
        let digits = t.strip_prefix(['-', '+']).unwrap_or(t);
        // Most numbers of a plan are whole (budgets, years, percentages):
        // read without the float parser, exactly (below 2^53).
        if (1..=15).contains(&digits.len()) && digits.bytes().all(|b| b.is_ascii_digit()) {
            let n = digits
                .bytes()
                .fold(0u64, |n, b| n * 10 + u64::from(b - b'0'));
            #[allow(clippy::cast_precision_loss)]
            let n = n as f64;
            return Some(if t.starts_with('-') { -n } else { n });
        }
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

    /// What kind of YAML value this scalar is, in words for messages.
    pub fn kind(&self) -> NodeKind {
        if self.is_null() {
            NodeKind::Empty
        } else if self.as_number().is_some() {
            NodeKind::Number
        } else {
            NodeKind::Text
        }
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

/// A plain scalar's text that denotes null (YAML 1.2 core schema).
fn is_null_text(text: &str) -> bool {
    matches!(text, "" | "~" | "null" | "Null" | "NULL")
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

/// Reads `text` into a tree whose collections and texts are kept in `arena`
/// (through a [`Tape`]: the caps, repeated keys and extra documents are its).
pub fn parse<'a>(text: &'a str, arena: &'a Arena, limits: Limits) -> Result<Tree<'a>, TreeError> {
    let tape = Tape::parse(text, arena, limits)?;
    Ok(Tree {
        root: tape.root().map(|r| r.to_node(arena)),
        notes: tape.notes,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::location::{Part, SourceMap, resolve};

    /// The span of `part` at `pointer` in `text`, resolved against its tape.
    fn locate(text: &str, pointer: &Pointer, part: Part) -> Span {
        let arena = Arena::new();
        let tape = Tape::parse(text, &arena, Limits::default()).expect("parses");
        resolve(Some(&tape as &dyn SourceMap), pointer, part)
    }

    fn tree<'a>(s: &'a str, arena: &'a Arena) -> Tree<'a> {
        parse(s, arena, Limits::default()).expect("parses")
    }

    fn try_parse(s: &str) -> Result<(), TreeError> {
        parse(s, &Arena::new(), Limits::default()).map(|_| ())
    }

    #[test]
    fn spans_follow_code_points() {
        let s = locate(
            "a: 1\nbé: \"x y\"\n",
            &Pointer::root().key("bé"),
            Part::Value,
        );
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
        let mut source = tape::Source::new(text);
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
        let borrowed = tape::build(text, &arena, Limits::default(), true).expect("parses");
        let t = Tree {
            root: borrowed.root().map(|r| r.to_node(&arena)),
            notes: borrowed.notes,
        };
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
        let text = "x: 1\nplan:\n  agency: A\n";
        let s = locate(text, &Pointer::keys(&["plan", "implements"]), Part::Key);
        assert_eq!((s.start.line, s.start.col), (2, 0));
        assert_eq!(
            locate(text, &Pointer::keys(&["resources"]), Part::Key),
            Span::DOCUMENT
        );
        let s = locate(text, &Pointer::keys(&["plan"]), Part::Start);
        assert_eq!((s.start.line, s.start.col), (3, 2));
    }
}
