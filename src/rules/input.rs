//! Turns what reading a file noted — a path that gave no bytes, a YAML error
//! or limit, a repeated key, a structural problem — into diagnostics, each
//! through the rule file that owns the message.

use crate::i18n::Lang;
use crate::rules::{
    Sink, duplicate_id, input_limit, invalid_structure, unknown_key, unreadable_file, yaml_syntax,
};
use crate::source::ReadError;
use crate::source::yaml::Note;
use crate::yaml::{TreeError, TreeNote};

/// P000, or P007 for a file over the size limit.
pub fn read_error(sink: &mut Sink, error: &ReadError, lang: Lang) {
    match error {
        ReadError::Unreadable(e) => unreadable_file::report(sink, e, lang),
        ReadError::TooLarge(size) => input_limit::too_large(sink, *size, lang),
    }
}

/// P001 or P007 for a stream that could not be read into a tree; `end` is the
/// end of the file, where positions past it are clamped.
pub fn tree_error(sink: &mut Sink, error: &TreeError, text: &str, lang: Lang) {
    match error {
        TreeError::Syntax { at, message } => yaml_syntax::report(sink, *at, message, text, lang),
        TreeError::Limit { at, limit } => {
            let end = crate::source::end_position(text);
            input_limit::tree_limit(sink, *at, *limit, end, lang)
        }
    }
}

/// P004 for a repeated key, P002 for a second document.
pub fn tree_note(sink: &mut Sink, note: &TreeNote, lang: Lang) {
    match note {
        TreeNote::DuplicateKey {
            pointer,
            key,
            span,
            first,
        } => duplicate_id::repeated_key(sink, pointer, key, *span, *first, lang),
        TreeNote::ExtraDocument { span } => invalid_structure::extra_document(sink, *span, lang),
    }
}

/// P002 or P003 for what reading the plan noted.
pub fn plan_note(sink: &mut Sink, note: &Note, lang: Lang) {
    match note {
        Note::Structure(shape) => invalid_structure::report(sink, shape, lang),
        Note::UnknownKey {
            pointer,
            key,
            allowed,
        } => unknown_key::report(sink, pointer, key, allowed, lang),
    }
}
