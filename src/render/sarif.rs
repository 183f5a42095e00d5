//! `--format sarif`: SARIF 2.1.0 with one run, the rule catalog in
//! `tool.driver.rules`, code-point columns, relative URIs and fingerprints that
//! stay the same when lines move.

use std::collections::HashMap;
use std::path::{Component, Path, PathBuf};

use serde::Serialize;

use crate::check::RunReport;
use crate::diagnostic::Severity;
use crate::i18n::Lang;
use crate::render::{Places, Settings};
use crate::rules::{Located, RULES, Rule};
use crate::tr;

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
    #[serde(skip_serializing_if = "Option::is_none")]
    invocations: Option<Vec<Invocation>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    original_uri_base_ids: Option<BaseIds>,
    column_kind: &'static str,
    results: Vec<SarifResult>,
}

#[derive(Serialize)]
struct BaseIds {
    #[serde(rename = "%SRCROOT%")]
    src_root: ArtifactLocation,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Invocation {
    execution_successful: bool,
    tool_execution_notifications: Vec<Notification>,
}

#[derive(Serialize)]
struct Notification {
    level: &'static str,
    message: Message,
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
    #[serde(skip_serializing_if = "Option::is_none")]
    suppressions: Option<Vec<Suppression>>,
}

#[derive(Serialize)]
struct Suppression {
    kind: &'static str,
    justification: String,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Location {
    physical_location: PhysicalLocation,
    /// The cell or paragraph of an office document (`Nhiệm vụ!F13`).
    #[serde(skip_serializing_if = "Option::is_none")]
    logical_locations: Option<Vec<LogicalLocation>>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct LogicalLocation {
    name: String,
    fully_qualified_name: String,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct PhysicalLocation {
    artifact_location: ArtifactLocation,
    region: Region,
}

#[derive(Serialize, Clone)]
#[serde(rename_all = "camelCase")]
struct ArtifactLocation {
    uri: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    uri_base_id: Option<&'static str>,
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

/// The most results one run carries: GitHub code scanning rejects more.
pub const MAX_RESULTS: usize = 25_000;

/// Percent-encodes a path for a URI: `/`-separated, unreserved bytes kept.
fn encode(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    for b in path.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~/".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// `path` made absolute against `cwd`, with `.` and `..` resolved lexically.
fn absolute(cwd: &Path, path: &str) -> PathBuf {
    let mut out = PathBuf::new();
    for c in cwd.join(path).components() {
        match c {
            Component::ParentDir => {
                out.pop();
            }
            Component::CurDir => {}
            c => out.push(c),
        }
    }
    out
}

/// An absolute path as a `file://` URI, with a trailing `/` for a directory.
fn file_uri(path: &Path, directory: bool) -> String {
    let mut s = path.to_string_lossy().replace('\\', "/");
    if !s.starts_with('/') {
        s.insert(0, '/');
    }
    if directory && !s.ends_with('/') {
        s.push('/');
    }
    format!("file://{}", encode(&s))
}

/// Where a file is, for SARIF: relative to `%SRCROOT%` when it lies under the
/// repository root, else an absolute `file://` URI; as given when the run has no places.
fn artifact(path: &str, places: Option<&Places>) -> ArtifactLocation {
    let Some(places) = places else {
        return ArtifactLocation {
            uri: encode(path.trim_start_matches("./")),
            uri_base_id: None,
        };
    };
    let abs = absolute(&places.cwd, path);
    match abs.strip_prefix(&places.root) {
        Ok(rel) => ArtifactLocation {
            uri: encode(&rel.to_string_lossy().replace('\\', "/")),
            uri_base_id: Some("%SRCROOT%"),
        },
        Err(_) => ArtifactLocation {
            uri: file_uri(&abs, false),
            uri_base_id: None,
        },
    }
}

/// One result in the file at `artifact_location`; `pointer` is the
/// diagnostic's, shown; `occurrence` counts the earlier results of the same
/// rule, path, pointer and item, so that even those get fingerprints of their own.
fn result(
    artifact_location: &ArtifactLocation,
    d: &Located,
    pointer: &str,
    occurrence: usize,
    reason: Option<&str>,
) -> SarifResult {
    let rule = d.rule;
    SarifResult {
        rule_id: rule.code,
        rule_index: RULES
            .iter()
            .position(|r| std::ptr::eq(*r, rule))
            .unwrap_or(0),
        level: level(d.severity()),
        message: Message {
            text: match &d.origin {
                Some(o) => format!("{} ({})", d.diagnostic.message, o.reference()),
                None => d.diagnostic.message.clone(),
            },
        },
        locations: vec![Location {
            logical_locations: d.origin.as_ref().map(|o| {
                vec![LogicalLocation {
                    name: o.reference(),
                    fully_qualified_name: format!("{}#{}", artifact_location.uri, o.reference()),
                }]
            }),
            physical_location: PhysicalLocation {
                artifact_location: artifact_location.clone(),
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
                &artifact_location.uri,
                rule.code,
                pointer,
                d.diagnostic.item.as_deref().unwrap_or_default(),
                &occurrence.to_string(),
            ]),
        },
        suppressions: reason.map(|r| {
            vec![Suppression {
                kind: "inSource",
                justification: r.to_owned(),
            }]
        }),
    }
}

pub fn render(report: &RunReport, settings: &Settings) -> String {
    let places = settings.places.as_ref();
    let mut seen: HashMap<(&str, &str, String, Option<&str>), usize> = HashMap::new();
    let mut results = Vec::new();
    let mut left_out = 0usize;
    for f in &report.files {
        // Where the file is, worked out once for all its results.
        let at = artifact(&f.path, places);
        let active = f.diagnostics.iter().map(|d| (d, None));
        let silenced = f
            .suppressed
            .iter()
            .map(|s| (&s.located, Some(s.reason.as_str())));
        for (d, reason) in active.chain(silenced) {
            if results.len() == MAX_RESULTS {
                left_out += 1;
                continue;
            }
            let pointer = d.diagnostic.pointer.to_string();
            let key = (
                f.path.as_str(),
                d.code(),
                pointer.clone(),
                d.diagnostic.item.as_deref(),
            );
            let n = seen.entry(key).or_insert(0);
            *n += 1;
            results.push(result(&at, d, &pointer, *n - 1, reason));
        }
    }
    let invocations = (left_out > 0).then(|| {
        let text = tr!(
            settings.lang,
            "{left_out} kết quả không được đưa vào: mỗi lần chạy chỉ ghi tối đa {MAX_RESULTS} kết quả (giới hạn của GitHub code scanning)",
            "{left_out} results were left out: a run carries at most {MAX_RESULTS} (the GitHub code scanning limit)"
        );
        vec![Invocation {
            execution_successful: true,
            tool_execution_notifications: vec![Notification {
                level: "warning",
                message: Message { text },
            }],
        }]
    });
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
            invocations,
            original_uri_base_ids: places.map(|p| BaseIds {
                src_root: ArtifactLocation {
                    uri: file_uri(&p.root, true),
                    uri_base_id: None,
                },
            }),
            column_kind: "unicodeCodePoints",
            results,
        }],
    };
    let mut text = serde_json::to_string_pretty(&log).unwrap_or_default();
    text.push('\n');
    text
}
