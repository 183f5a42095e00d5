//! What a YAML syntax error is, in an officer's terms, and where the mistake
//! is. The parser says where it stopped ("did not find expected key" at the
//! line after the mistake); this module looks at the source around that
//! position — and back to where an unclosed bracket or quote opened — for the
//! mistakes people make (RULES.md, P001), so that the message names the cause
//! at the character to fix. It also repairs the one case the parser gets
//! wrong: a tab after `key:` before the value, which is valid YAML.

use crate::location::Pos;

/// A mistake found in the source, at a position.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mistake {
    /// A tab in a line's indentation.
    TabIndent,
    /// A non-breaking or other non-ASCII space in a line's indentation.
    OddSpaceIndent(char),
    /// `-id: NV9`: no space after the list dash.
    NoSpaceAfterDash,
    /// `lead:TCCB`: no space after the key's colon.
    NoSpaceAfterColon,
    /// `title: Kế hoạch: năm 2023`: an unquoted `: ` inside a value.
    ColonInValue,
    /// `title: Kế hoạch #1: …`: an unquoted ` #` inside a value.
    HashInValue,
    /// A value between typographic quotes (`“…”`), which YAML does not know.
    TypographicQuotes,
    /// A `[`, `{`, `"` or `'` that is never closed.
    Unclosed(char),
    /// A line indented deeper than the line above it allows.
    DeeperIndent,
    /// A line indented less than its siblings, to no level above.
    ShallowerIndent,
}

/// How many lines before the parser's position a mistake is looked for.
const BEFORE: u32 = 3;

/// The mistake that most likely caused a syntax error the parser reported at
/// `at` (1-based line, 0-based column in characters), with its position.
pub fn classify(text: &str, at: Pos) -> Option<(Mistake, Pos)> {
    let lines: Vec<&str> = text.lines().collect();
    let last = (at.line as usize + 1).min(lines.len());
    let first = at.line.saturating_sub(BEFORE).max(1) as usize;
    if let Some(found) = unclosed(&lines[..last]) {
        return Some(found);
    }
    // A mistake inside a line explains a wrongly indented line after it
    // (`-id: NV9` makes the next line look too deep): those come first.
    let mut in_lines: Option<(Mistake, Pos)> = None;
    let mut indented: Option<(Mistake, Pos)> = None;
    let mut indents = Indents::default();
    let nearer = |best: &mut Option<(Mistake, Pos)>, m: Mistake, pos: Pos| {
        let distance = |p: Pos| p.line.abs_diff(at.line);
        if best.is_none_or(|(_, b)| distance(pos) < distance(b)) {
            *best = Some((m, pos));
        }
    };
    for (i, line) in lines[..last].iter().enumerate() {
        let number = i as u32 + 1;
        let shape = indents.next(line);
        if (number as usize) < first {
            continue;
        }
        if let Some((m, col)) = in_line(line) {
            nearer(&mut in_lines, m, Pos { line: number, col });
        }
        if let Some(m) = shape {
            let col = indentation(line).len() as u32;
            nearer(&mut indented, m, Pos { line: number, col });
        }
    }
    in_lines.or(indented)
}

/// The leading run of whitespace, ASCII or not.
fn indentation(line: &str) -> Vec<char> {
    line.chars().take_while(|c| c.is_whitespace()).collect()
}

/// The part of `line` before a comment (a `#` at the start or after a space,
/// outside quotes).
fn without_comment(line: &str) -> &str {
    let mut quote: Option<char> = None;
    let mut previous = ' ';
    for (i, c) in line.char_indices() {
        match quote {
            Some(q) if c == q => quote = None,
            Some(_) => {}
            None if (c == '"' || c == '\'') && matches!(previous, ' ' | '[' | '{' | ',') => {
                quote = Some(c)
            }
            None if c == '#' && previous.is_whitespace() => return &line[..i],
            None => {}
        }
        previous = c;
    }
    line
}

/// Whether a line is a plain key: letters, digits, `_`, `.`, `-` before `:`.
fn is_key(s: &str) -> bool {
    !s.is_empty()
        && s.chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '_' | '.' | '-'))
}

/// The column (in characters) of byte offset `i` of `line`.
fn col(line: &str, i: usize) -> u32 {
    line[..i].chars().count() as u32
}

/// A mistake inside one line: its indentation, a dash or colon without a
/// space, or a value that needs quotes.
fn in_line(line: &str) -> Option<(Mistake, u32)> {
    let indent = indentation(line);
    if let Some(i) = indent.iter().position(|c| *c == '\t') {
        return Some((Mistake::TabIndent, i as u32));
    }
    if let Some(i) = indent.iter().position(|c| !c.is_ascii()) {
        return Some((Mistake::OddSpaceIndent(indent[i]), i as u32));
    }
    let code = without_comment(line);
    let mut start: usize = indent.iter().map(|c| c.len_utf8()).sum();
    // List dashes: "- - key: value".
    loop {
        let rest = &code[start..];
        let Some(after) = rest.strip_prefix('-') else {
            break;
        };
        match after.chars().next() {
            Some(' ') => start += 1 + after.len() - after.trim_start().len(),
            Some(c) if c.is_alphabetic() || matches!(c, '{' | '[' | '"') => {
                return Some((Mistake::NoSpaceAfterDash, col(line, start)));
            }
            _ => break,
        }
    }
    let rest = &code[start..];
    let colon = rest.find(':')?;
    let (key, after) = (&rest[..colon], &rest[colon + 1..]);
    if !is_key(key) {
        return None;
    }
    let at_colon = col(line, start + colon);
    match after.chars().next() {
        None | Some(' ') | Some('\t') => {}
        Some(c) if c.is_whitespace() => return Some((Mistake::NoSpaceAfterColon, at_colon)),
        Some(':') | Some('/') => return None,
        Some(_) => return Some((Mistake::NoSpaceAfterColon, at_colon)),
    }
    let value_start = start + colon + 1 + (after.len() - after.trim_start().len());
    let value = line[value_start..].trim_end();
    if value.starts_with(['“', '”', '‘', '’', '„']) {
        return Some((Mistake::TypographicQuotes, col(line, value_start)));
    }
    if value.starts_with(['"', '\'', '[', '{', '|', '>', '&', '*', '!']) {
        return None;
    }
    let value_code = &code[value_start.min(code.len())..];
    if let Some(i) = value_code.find(": ").or_else(|| {
        value_code
            .trim_end()
            .ends_with(':')
            .then(|| value_code.trim_end().len() - 1)
    }) {
        return Some((Mistake::ColonInValue, col(line, value_start + i)));
    }
    // A comment cut the value, and what follows it holds a colon: ` #` is
    // the likely culprit only then (a plain comment is no error).
    if code.len() < line.len() && line[code.len()..].contains(": ") {
        return Some((Mistake::HashInValue, col(line, code.len())));
    }
    None
}

/// The indentation levels seen so far, to tell a line indented wrongly.
#[derive(Default)]
struct Indents {
    /// Columns of the keys and dashes that are still open, innermost last.
    stack: Vec<u32>,
    /// The key column of the previous line, and whether it opens a block.
    previous: Option<(u32, bool)>,
}

impl Indents {
    /// Takes the next line; a mistake of its indentation, if any.
    fn next(&mut self, line: &str) -> Option<Mistake> {
        let code = without_comment(line);
        if code.trim().is_empty() || !indentation(line).iter().all(|c| *c == ' ') {
            return None;
        }
        let indent = indentation(line).len() as u32;
        let mut columns = vec![indent];
        let mut rest = code.trim_start();
        let mut at = indent;
        while let Some(after) = rest.strip_prefix("- ") {
            let skipped = after.len() - after.trim_start().len();
            at += 2 + skipped as u32;
            columns.push(at);
            rest = after.trim_start();
        }
        let is_item = columns.len() > 1;
        let opens = rest.trim_end().ends_with(':') || rest.trim_end() == "-";
        let mut mistake = None;
        match self.previous {
            Some((key, false)) if indent > key && !is_item => mistake = Some(Mistake::DeeperIndent),
            Some((key, _)) if indent < key => {
                while self.stack.last().is_some_and(|top| *top > indent) {
                    self.stack.pop();
                }
                if self.stack.last() != Some(&indent) && !self.stack.is_empty() {
                    mistake = Some(Mistake::ShallowerIndent);
                }
            }
            _ => {}
        }
        while self.stack.last().is_some_and(|top| *top >= indent) {
            self.stack.pop();
        }
        self.stack.extend(columns.iter().copied());
        let key = *columns.last().unwrap_or(&indent);
        // A line with a plain value cut short ("[a," …) is left to `unclosed`.
        self.previous = Some((key, opens || !rest.contains(':')));
        mistake
    }
}

/// A `[`, `{` or quote opened on a line and still open where the next line
/// starts a new key at the same or a lower indentation: unclosed, at the opener.
fn unclosed(lines: &[&str]) -> Option<(Mistake, Pos)> {
    for (i, line) in lines.iter().enumerate() {
        let Some((c, column)) = open_at_end(line) else {
            continue;
        };
        let indent = indentation(line).len();
        let next = lines[i + 1..]
            .iter()
            .find(|l| !without_comment(l).trim().is_empty());
        // A flow collection or quoted text may go on, indented, on the next line.
        let continues = next.is_some_and(|n| indentation(n).len() > indent);
        if !continues {
            return Some((
                Mistake::Unclosed(c),
                Pos {
                    line: i as u32 + 1,
                    col: column,
                },
            ));
        }
    }
    None
}

/// The innermost opener still open at the end of `line`, with its column.
fn open_at_end(line: &str) -> Option<(char, u32)> {
    let mut open: Vec<(char, u32)> = Vec::new();
    let mut quote: Option<(char, u32)> = None;
    let mut previous = ' ';
    let mut chars = line.chars().enumerate().peekable();
    while let Some((i, c)) = chars.next() {
        match quote {
            Some(('"', _)) if c == '\\' => {
                chars.next();
            }
            Some((q, _)) if c == q => {
                if q == '\'' && chars.peek().is_some_and(|(_, n)| *n == '\'') {
                    chars.next();
                } else {
                    quote = None;
                }
            }
            Some(_) => {}
            None => match c {
                '"' | '\'' if matches!(previous, ' ' | '[' | '{' | ',' | ':') => {
                    quote = Some((c, i as u32))
                }
                '[' | '{' if matches!(previous, ' ' | '[' | '{' | ',' | ':' | '-') => {
                    open.push((c, i as u32))
                }
                ']' | '}' if !open.is_empty() => {
                    open.pop();
                }
                '#' if previous.is_whitespace() => break,
                _ => {}
            },
        }
        previous = c;
    }
    quote.or_else(|| open.last().copied())
}

/// The text with each tab right after a plain key's colon (`lead:<TAB>VP`,
/// valid YAML the parser refuses) replaced by a space, one character for one
/// so that every position stays the same; `None` when there is none.
pub fn tabs_after_colons(text: &str) -> Option<String> {
    if !text.contains(":\t") {
        return None;
    }
    let mut out = String::with_capacity(text.len());
    let mut changed = false;
    for line in text.split_inclusive('\n') {
        let body = line.trim_start_matches([' ', '-']);
        let offset = line.len() - body.len();
        match body.find(":\t") {
            Some(i) if is_key(&body[..i]) && !line[..offset].contains('\t') => {
                let value_at = offset + i + 1;
                let tabs = line[value_at..].len() - line[value_at..].trim_start_matches('\t').len();
                out.push_str(&line[..value_at]);
                out.extend(std::iter::repeat_n(' ', tabs));
                out.push_str(&line[value_at + tabs..]);
                changed = true;
            }
            _ => out.push_str(line),
        }
    }
    changed.then_some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tabs_after_a_colon_become_spaces_one_for_one() {
        assert_eq!(
            tabs_after_colons("a: 1\n  lead:\tVP\n").as_deref(),
            Some("a: 1\n  lead: VP\n")
        );
        assert_eq!(tabs_after_colons("a: \"x:\ty\"\n"), None);
    }
}
