//! `--format sarif`: SARIF 2.1.0 with one run, the rule catalog in
//! `tool.driver.rules`, code-point columns, relative URIs and fingerprints that
//! stay the same when lines move.

use std::collections::HashMap;

use serde::Serialize;

use crate::check::RunReport;
use crate::diagnostic::Severity;
use crate::i18n::Lang;
use crate::render::{Settings, all};
use crate::rules::{Located, RULES, Rule};

#[derive(Serialize)]
struct Log {
    #[serde(rename = "$schema")]
    schema: &'static str,
    version: &'static str,
    runs: Vec<Run>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Run {
    tool: Tool,
    column_kind: &'static str,
    results: Vec<SarifResult>,
}

#[derive(Serialize)]
struct Tool {
    driver: Driver,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Driver {
    name: &'static str,
    version: &'static str,
    semantic_version: &'static str,
    rules: Vec<Descriptor>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Descriptor {
    id: &'static str,
    name: &'static str,
    short_description: Message,
    full_description: Message,
    help: Help,
    default_configuration: Configuration,
    properties: Properties,
}

#[derive(Serialize)]
struct Message {
    text: String,
}

#[derive(Serialize)]
struct Help {
    text: String,
    markdown: String,
}

#[derive(Serialize)]
struct Configuration {
    level: &'static str,
}

#[derive(Serialize)]
struct Properties {
    tags: Vec<String>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct SarifResult {
    rule_id: &'static str,
    rule_index: usize,
    level: &'static str,
    message: Message,
    locations: Vec<Location>,
    partial_fingerprints: Fingerprints,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Location {
    physical_location: PhysicalLocation,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct PhysicalLocation {
    artifact_location: ArtifactLocation,
    region: Region,
}

#[derive(Serialize)]
struct ArtifactLocation {
    uri: String,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Region {
    start_line: u32,
    start_column: u32,
    end_line: u32,
    end_column: u32,
}

#[derive(Serialize)]
struct Fingerprints {
    #[serde(rename = "cchc/v1")]
    v1: String,
}

fn level(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

fn descriptor(rule: &'static Rule, lang: Lang) -> Descriptor {
    let d = rule.docs;
    let (what, fix) = (d.what.get(lang), d.fix.get(lang));
    let why = match lang {
        Lang::Vi => d.why.vi.to_owned(),
        Lang::En => format!("{} ({})", d.why.vi, d.why.en),
    };
    let (h_why, h_bad, h_good, h_fix) = match lang {
        Lang::Vi => ("Căn cứ", "Ví dụ vi phạm", "Cách viết đúng", "Cách sửa"),
        Lang::En => ("Why", "Example that fails", "Example that passes", "Fix"),
    };
    Descriptor {
        id: rule.code,
        name: rule.name,
        short_description: Message {
            text: first_sentence(what),
        },
        full_description: Message {
            text: what.to_owned(),
        },
        help: Help {
            text: format!("{what}\n\n{h_why}: {why}\n\n{h_fix}: {fix}"),
            markdown: format!(
                "{what}\n\n**{h_why}:** {why}\n\n**{h_bad}:**\n\n```yaml\n{}\n```\n\n**{h_good}:**\n\n```yaml\n{}\n```\n\n**{h_fix}:** {fix}",
                d.bad.trim_end(),
                d.good.trim_end()
            ),
        },
        default_configuration: Configuration {
            level: level(rule.severity),
        },
        properties: Properties {
            tags: vec![rule.family.name(Lang::En).to_owned()],
        },
    }
}

fn first_sentence(text: &str) -> String {
    let end = text
        .find(". ")
        .or_else(|| text.find("; "))
        .map_or(text.len(), |i| i + 1);
    text[..end].trim_end_matches([';', ' ']).to_owned()
}

/// FNV-1a, 64 bits: a fingerprint that does not depend on the Rust version.
fn fnv1a(parts: &[&str]) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for part in parts {
        for b in part.bytes().chain(std::iter::once(0)) {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0000_0100_0000_01b3);
        }
    }
    format!("{h:016x}")
}

/// A relative URI reference for a path: `/`-separated, percent-encoded.
pub fn uri(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    for b in path.trim_start_matches("./").bytes() {
        if b.is_ascii_alphanumeric() || b"-._~/".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// One result; `occurrence` counts the earlier results of the same rule, path,
/// pointer and item, so that even those get fingerprints of their own.
fn result(path: &str, d: &Located, occurrence: usize) -> SarifResult {
    let rule = d.rule;
    SarifResult {
        rule_id: rule.code,
        rule_index: RULES
            .iter()
            .position(|r| std::ptr::eq(*r, rule))
            .unwrap_or(0),
        level: level(d.severity()),
        message: Message {
            text: d.diagnostic.message.clone(),
        },
        locations: vec![Location {
            physical_location: PhysicalLocation {
                artifact_location: ArtifactLocation { uri: uri(path) },
                region: Region {
                    start_line: d.line,
                    start_column: d.column,
                    end_line: d.end_line.max(d.line),
                    end_column: if d.end_line > d.line {
                        d.end_column
                    } else {
                        d.end_column.max(d.column)
                    },
                },
            },
        }],
        partial_fingerprints: Fingerprints {
            // Never the message, the language or a line: an alert survives edits
            // elsewhere in the file and `--lang`.
            v1: fnv1a(&[
                path,
                rule.code,
                &d.diagnostic.pointer.to_string(),
                d.diagnostic.item.as_deref().unwrap_or_default(),
                &occurrence.to_string(),
            ]),
        },
    }
}

pub fn render(report: &RunReport, settings: &Settings) -> String {
    let log = Log {
        schema: "https://json.schemastore.org/sarif-2.1.0.json",
        version: "2.1.0",
        runs: vec![Run {
            tool: Tool {
                driver: Driver {
                    name: "cchc",
                    version: env!("CARGO_PKG_VERSION"),
                    semantic_version: env!("CARGO_PKG_VERSION"),
                    rules: RULES.iter().map(|r| descriptor(r, settings.lang)).collect(),
                },
            },
            column_kind: "unicodeCodePoints",
            results: {
                let mut seen: HashMap<(&str, &str, String, Option<&str>), usize> = HashMap::new();
                all(report)
                    .map(|(path, d)| {
                        let key = (
                            path,
                            d.code(),
                            d.diagnostic.pointer.to_string(),
                            d.diagnostic.item.as_deref(),
                        );
                        let n = seen.entry(key).or_insert(0);
                        *n += 1;
                        result(path, d, *n - 1)
                    })
                    .collect()
            },
        }],
    };
    let mut text = serde_json::to_string_pretty(&log).unwrap_or_default();
    text.push('\n');
    text
}
