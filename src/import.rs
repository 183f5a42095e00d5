//! `cchc import`: an office document's plan written as YAML (OFFICE-FORMAT.md
//! "`cchc import FILE`"): the plan tree the checker reads, in the order of the
//! format's example, block style, values quoted only where YAML needs it, each
//! task and objective preceded by a comment naming its cell or row, inferred
//! values marked, units by name.

use std::fmt::Write as _;

use crate::i18n::Lang;
use crate::location::{Pointer, Segment};
use crate::profile::Profile;
use crate::source::office::plan::{Lowered, ReadSummary};
use crate::source::office::{self, Kind, Unopenable};
use crate::tr;
use crate::yaml::{Node, Style, Value};

/// The comment after an inferred value.
pub const INFERRED: &str = "# suy ra từ nội dung";

/// Reads a document and writes its plan as YAML; `Err` when it cannot be read
/// or has no task table (the reason, in `lang`).
pub fn import(
    name: &str,
    kind: Kind,
    bytes: &[u8],
    profile: &Profile,
    lang: Lang,
) -> Result<(String, ReadSummary), Unopenable> {
    let doc = office::read(kind, bytes)?;
    let lowered = office::plan::lower(&doc, profile, kind == Kind::Excel);
    let text = to_yaml(&lowered, name, lang);
    Ok((text, lowered.summary))
}

/// What `import` read, for standard error.
pub fn describe(summary: &ReadSummary, lang: Lang) -> String {
    let none = || tr!(lang, "không có", "none");
    let list = |v: &[String]| if v.is_empty() { none() } else { v.join(", ") };
    let identity: Vec<String> = summary.identity.iter().map(|s| (*s).to_owned()).collect();
    tr!(
        lang,
        "Đã đọc: bảng dùng: {}; bảng bỏ qua: {}; {} nhiệm vụ, {} mục tiêu; thông tin kế hoạch: {}",
        "Read: tables used: {}; tables ignored: {}; {} tasks, {} objectives; plan identity: {}",
        list(&summary.tables_used),
        list(&summary.tables_ignored),
        summary.tasks,
        summary.objectives,
        list(&identity)
    )
}

/// Writes the tree as YAML.
pub fn to_yaml(lowered: &Lowered, name: &str, lang: Lang) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "# yaml-language-server: $schema=https://cchc.invalid/schemas/plan.schema.json"
    );
    let _ = writeln!(
        out,
        "{}",
        tr!(
            lang,
            "# Nhập từ {name} bằng `cchc import`; mỗi nhiệm vụ, mục tiêu ghi ô nguồn ở dòng chú thích trên nó.",
            "# Imported from {name} by `cchc import`; each task and objective names its source cell in the comment above it."
        )
    );
    let Value::Map(entries) = &lowered.tree.value else {
        return out;
    };
    for e in entries.iter() {
        let key = key_text(&e.key);
        if matches!(
            key.as_str(),
            "units" | "objectives" | "tasks" | "resources" | "exemptions"
        ) {
            out.push('\n');
        }
        let pointer = Pointer::root().key(key.clone());
        emit_entry(&mut out, lowered, &e.key, &e.value, 0, &pointer);
    }
    out
}

fn key_text(node: &Node<'_>) -> String {
    node.scalar()
        .map(|s| s.text.to_string())
        .unwrap_or_default()
}

fn emit_entry(
    out: &mut String,
    l: &Lowered,
    key: &Node<'_>,
    value: &Node<'_>,
    indent: usize,
    pointer: &Pointer,
) {
    let pad = " ".repeat(indent);
    let inferred = l.inferred.contains(pointer);
    let mark = if inferred {
        format!("  {INFERRED}")
    } else {
        String::new()
    };
    let k = key
        .scalar()
        .map(|s| scalar_text(&s.text, s.style == Style::Plain))
        .unwrap_or_default();
    match &value.value {
        Value::Scalar(s) => {
            let _ = writeln!(
                out,
                "{pad}{k}: {}{mark}",
                scalar_text(&s.text, s.style == Style::Plain)
            );
        }
        Value::Seq(items) if items.is_empty() => {
            let _ = writeln!(out, "{pad}{k}: []{mark}");
        }
        Value::Seq(items) => {
            let _ = writeln!(out, "{pad}{k}:{mark}");
            for (i, item) in items.iter().enumerate() {
                emit_item(out, l, item, indent + 2, &pointer.clone().index(i));
            }
        }
        Value::Map(entries) if entries.is_empty() => {
            let _ = writeln!(out, "{pad}{k}: {{}}");
        }
        Value::Map(entries) => {
            let _ = writeln!(out, "{pad}{k}:{mark}");
            for e in entries.iter() {
                let key = key_text(&e.key);
                let child = pointer.clone().key(key);
                emit_entry(out, l, &e.key, &e.value, indent + 2, &child);
            }
        }
    }
}

fn emit_item(out: &mut String, l: &Lowered, item: &Node<'_>, indent: usize, pointer: &Pointer) {
    let pad = " ".repeat(indent);
    match &item.value {
        Value::Scalar(s) => {
            let _ = writeln!(
                out,
                "{pad}- {}",
                scalar_text(&s.text, s.style == Style::Plain)
            );
        }
        Value::Map(entries) => {
            // A task or objective names its row; a unit the cell that first names it.
            if matches!(pointer.segments().first(), Some(Segment::Key(k)) if k == "tasks" || k == "objectives")
                && let Some(origin) = l.origin(item.span.start.line)
            {
                let _ = writeln!(out, "{pad}# {}", origin.reference());
            }
            let mut body = String::new();
            for e in entries.iter() {
                let key = key_text(&e.key);
                let child = pointer.clone().key(key);
                emit_entry(&mut body, l, &e.key, &e.value, indent + 2, &child);
            }
            // The first line goes after the dash.
            let mut lines = body.lines();
            if let Some(first) = lines.next() {
                let _ = writeln!(out, "{pad}- {}", first.trim_start());
            }
            for line in lines {
                let _ = writeln!(out, "{line}");
            }
        }
        Value::Seq(_) => {
            let _ = writeln!(out, "{pad}- []");
        }
    }
}

/// A scalar as YAML: plain where it reads back as the same string (or, for a
/// `number`, as that number), else double-quoted.
pub fn scalar_text(text: &str, number: bool) -> String {
    if number && !text.is_empty() && text.parse::<f64>().is_ok() {
        return text.to_owned();
    }
    if needs_quotes(text) {
        let mut q = String::with_capacity(text.len() + 2);
        q.push('"');
        for c in text.chars() {
            match c {
                '"' => q.push_str("\\\""),
                '\\' => q.push_str("\\\\"),
                '\n' => q.push_str("\\n"),
                '\t' => q.push_str("\\t"),
                c if c.is_control() => {
                    let _ = write!(q, "\\u{:04X}", c as u32);
                }
                c => q.push(c),
            }
        }
        q.push('"');
        q
    } else {
        text.to_owned()
    }
}

fn needs_quotes(s: &str) -> bool {
    if s.is_empty() || s.trim() != s {
        return true;
    }
    let first = s.chars().next().unwrap_or(' ');
    if "-?:,[]{}#&*!|>'\"%@`".contains(first) {
        return true;
    }
    if s.contains(": ") || s.contains(" #") || s.ends_with(':') || s.chars().any(char::is_control) {
        return true;
    }
    let lower = s.to_ascii_lowercase();
    if matches!(
        lower.as_str(),
        "true" | "false" | "null" | "~" | "yes" | "no" | "on" | "off" | "y" | "n"
    ) {
        return true;
    }
    // Anything a YAML reader could take for a number or a date.
    let numeric = s
        .chars()
        .all(|c| c.is_ascii_digit() || "+-.eE_:".contains(c));
    numeric || s.starts_with(|c: char| c.is_ascii_digit()) && s.parse::<f64>().is_ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_what_yaml_would_misread_is_quoted() {
        assert_eq!(scalar_text("Văn phòng Sở", false), "Văn phòng Sở");
        assert_eq!(scalar_text("%", false), "\"%\"");
        assert_eq!(scalar_text("2025", false), "\"2025\"");
        assert_eq!(scalar_text("2025", true), "2025");
        assert_eq!(scalar_text("Quý I/2022", false), "Quý I/2022");
        assert_eq!(scalar_text("a: b", false), "\"a: b\"");
        assert_eq!(scalar_text("dòng 1\ndòng 2", false), "\"dòng 1\\ndòng 2\"");
        assert_eq!(scalar_text("no", false), "\"no\"");
    }
}
