//! `--format junit`: JUnit XML as CLI.md says — one `testsuite` per file, one
//! `testcase` per rule family. A case fails (one `failure`, whose text lists
//! every error of the family in the file, and its warnings under
//! `--deny-warnings`) when the family has an error; families that did not run
//! (deselected, or the file could not be read as a plan) are `skipped`; the
//! counts are of test cases, consistent at every level. Valid against the
//! Jenkins `junit-10.xsd`, which GitLab and junitparser also read.

use std::fmt::Write;

use crate::check::{FileReport, RunReport};
use crate::diagnostic::Severity;
use crate::i18n::Lang;
use crate::render::Settings;
use crate::rules::{Family, Located};

/// Escapes text for XML content and attributes; characters XML 1.0 cannot carry are replaced.
fn xml(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\n' => out.push_str("&#10;"),
            '\r' => out.push_str("&#13;"),
            '\t' => out.push('\t'),
            c if (c as u32) < 0x20 || matches!(c, '\u{FFFE}' | '\u{FFFF}') => out.push('\u{FFFD}'),
            c => out.push(c),
        }
    }
    out
}

fn line(d: &Located, path: &str) -> String {
    format!(
        "{path}:{}:{}: {}[{}] {}",
        d.line,
        d.column,
        d.severity().as_str(),
        d.code(),
        d.diagnostic.message
    )
}

/// What one test case (a family in a file) comes to.
enum Outcome {
    Passed,
    Failed,
    Skipped,
}

fn outcome(f: &FileReport, family: Family, deny_warnings: bool) -> Outcome {
    if !f.families.contains(&family) {
        return Outcome::Skipped;
    }
    let fails = |d: &&Located| {
        d.rule.family == family
            && (d.severity() == Severity::Error
                || (deny_warnings && d.severity() == Severity::Warning))
    };
    if f.diagnostics.iter().any(|d| fails(&d)) {
        Outcome::Failed
    } else {
        Outcome::Passed
    }
}

/// The families a file has a test case for: the T rules only for office documents.
fn families(f: &FileReport) -> Vec<Family> {
    let office = crate::source::office::Kind::of(&f.path).is_some();
    Family::ALL
        .into_iter()
        .filter(|family| office || *family != Family::Tables)
        .collect()
}

pub fn render(report: &RunReport, settings: &Settings) -> String {
    let deny = settings.deny_warnings;
    let files: Vec<&FileReport> = report.checked().collect();
    let count = |wanted: fn(&Outcome) -> bool| {
        files
            .iter()
            .flat_map(|f| {
                families(f)
                    .into_iter()
                    .map(|family| outcome(f, family, deny))
            })
            .filter(&wanted)
            .count()
    };
    let tests: usize = files.iter().map(|f| families(f).len()).sum();
    let failures = count(|o| matches!(o, Outcome::Failed));
    let mut out = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    let _ = writeln!(
        out,
        "<testsuites name=\"cchc\" tests=\"{tests}\" failures=\"{failures}\" errors=\"0\">"
    );
    for f in files {
        let path = xml(&f.path);
        let families = families(f);
        let outcomes: Vec<Outcome> = families
            .iter()
            .map(|&family| outcome(f, family, deny))
            .collect();
        let failed = outcomes
            .iter()
            .filter(|o| matches!(o, Outcome::Failed))
            .count();
        let skipped = outcomes
            .iter()
            .filter(|o| matches!(o, Outcome::Skipped))
            .count();
        let _ = writeln!(
            out,
            "  <testsuite name=\"{path}\" tests=\"{}\" failures=\"{failed}\" errors=\"0\" skipped=\"{skipped}\">",
            families.len()
        );
        for (family, outcome) in families.into_iter().zip(outcomes) {
            // English family names: test names must not change with the message language.
            let name = xml(family.name(Lang::En));
            let in_family: Vec<&Located> = f
                .diagnostics
                .iter()
                .filter(|d| d.rule.family == family)
                .collect();
            let _ = write!(out, "    <testcase classname=\"{path}\" name=\"{name}\"");
            let failing = |d: &Located| {
                d.severity() == Severity::Error || (deny && d.severity() == Severity::Warning)
            };
            let (listed, others): (Vec<&Located>, Vec<&Located>) = match outcome {
                Outcome::Failed => in_family.iter().partition(|d| failing(d)),
                _ => (Vec::new(), in_family),
            };
            if matches!(outcome, Outcome::Passed) && others.is_empty() {
                out.push_str("/>\n");
                continue;
            }
            out.push_str(">\n");
            match outcome {
                Outcome::Skipped => {
                    let why = match family {
                        Family::Input | Family::Suppression => {
                            "not run: deselected (--select, --ignore, --no-ignores or the config)"
                        }
                        _ if !f.plan_rules_ran => "not run: the file could not be read as a plan",
                        Family::CrossFile => {
                            "not run: deselected, or the plan has no readable `plan:` section"
                        }
                        _ => "not run: deselected (--select, --ignore or the config)",
                    };
                    let _ = writeln!(out, "      <skipped message=\"{why}\"/>");
                }
                Outcome::Failed => {
                    let text: Vec<String> = listed
                        .iter()
                        .map(|d| {
                            let help = d
                                .diagnostic
                                .help
                                .as_deref()
                                .map(|h| format!("\n  {h}"))
                                .unwrap_or_default();
                            format!("{}{help}", line(d, &f.path))
                        })
                        .collect();
                    let first = listed.first().map(|d| d.code()).unwrap_or_default();
                    let message = if listed.len() == 1 {
                        format!("{first} {}", listed[0].diagnostic.message)
                    } else {
                        format!("{} problems, the first {first}", listed.len())
                    };
                    let _ = writeln!(
                        out,
                        "      <failure message=\"{}\" type=\"{}\">{}</failure>",
                        xml(&message),
                        family.letter(),
                        xml(&text.join("\n"))
                    );
                }
                Outcome::Passed => {}
            }
            if !others.is_empty() {
                let notes: Vec<String> = others.iter().map(|d| line(d, &f.path)).collect();
                let _ = writeln!(
                    out,
                    "      <system-out>{}</system-out>",
                    xml(&notes.join("\n"))
                );
            }
            out.push_str("    </testcase>\n");
        }
        out.push_str("  </testsuite>\n");
    }
    out.push_str("</testsuites>\n");
    out
}
