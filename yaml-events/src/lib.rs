//! saphyr-parser's event stream over a string, instantiated here and nowhere else.
//!
//! The parser is generic over its input, so each crate that uses it compiles its own copy, and
//! where that copy lands among the crate's codegen units (and so what gets inlined into what)
//! changed with every edit of cchc: the parser's own instruction count moved by 3 % from build to
//! build. Compiled in this small crate (one codegen unit, see the workspace's release profile),
//! it is the same machine code for `cchc` and for the parse floor it is measured against.

pub use saphyr_parser::{Event, Marker, ScalarStyle, ScanError, Span};

use saphyr_parser::{Parser, StrInput};

/// The events of a YAML text, with their spans, in order.
pub struct Events<'a>(Parser<'a, StrInput<'a>>);

impl<'a> Events<'a> {
    /// The events of `text`.
    pub fn new(text: &'a str) -> Events<'a> {
        Events(Parser::new_from_str(text))
    }

    /// The next event, a syntax error, or `None` once the stream has ended.
    pub fn next_event(&mut self) -> Option<Result<(Event<'a>, Span), ScanError>> {
        self.0.next_event()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_document_is_its_events_in_order() {
        let mut events = Events::new("a: [1, b]\n");
        let mut kinds = Vec::new();
        while let Some(next) = events.next_event() {
            let (event, _) = next.expect("valid YAML");
            kinds.push(match event {
                Event::Scalar(text, ..) => text.into_owned(),
                Event::MappingStart(..) => "{".to_owned(),
                Event::MappingEnd => "}".to_owned(),
                Event::SequenceStart(..) => "[".to_owned(),
                Event::SequenceEnd => "]".to_owned(),
                _ => continue,
            });
        }
        assert_eq!(kinds, ["{", "a", "[", "1", "b", "]", "}"]);
    }

    #[test]
    fn a_syntax_error_is_an_event_too() {
        let mut events = Events::new("a: [1\n");
        assert!(std::iter::from_fn(|| events.next_event()).any(|e| e.is_err()));
    }
}
