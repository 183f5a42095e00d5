//! Integration tests, one binary: every rule against its fixture, the
//! examples, the command-line contract, the output formats and their
//! consumers, the config file, hostile input, the report, the schemas, and the
//! architecture of `src/`. Helpers shared by the modules live here.

mod architecture;
mod cli;
mod config;
mod dist;
mod fixtures;
mod formats;
mod hostile;
mod office;
mod office_mapping;
mod report;
mod schemas;
mod web;

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use cchc::check::{self, Options};
use cchc::rules::RULES;

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

/// The one-file fixtures (`tests/fixtures/*.yaml`), as paths for the command line.
fn fixture_files() -> Vec<String> {
    std::fs::read_dir(fixtures())
        .expect("fixtures")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.is_file())
        .map(|p| p.display().to_string())
        .collect()
}

fn examples() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("examples")
}

const COMPLETE: &[&str] = &[
    "so-tu-phap.yaml",
    "ubnd-xa-phong-quang.yaml",
    "ke-hoach-2026-2030.yaml",
];

fn cchc() -> Command {
    let mut cmd = Command::cargo_bin("cchc").expect("binary");
    cmd.current_dir(env!("CARGO_MANIFEST_DIR"))
        .env_remove("CCHC_LANG")
        // Snapshots are taken at a fixed width, whatever terminal runs the tests.
        .env("COLUMNS", "100")
        .env("NO_COLOR", "1");
    cmd
}

const MIXED: &str = "examples/thieu-noi-dung-va-dau-ra.yaml";

fn stdout_of(args: &[&str]) -> String {
    let out = cchc().args(args).output().expect("run");
    String::from_utf8(out.stdout).expect("utf-8")
}

fn schema(name: &str) -> jsonschema::Validator {
    let text = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("schemas")
            .join(name),
    )
    .expect("schema");
    let value: serde_json::Value = serde_json::from_str(&text).expect("schema JSON");
    jsonschema::validator_for(&value).expect("valid schema")
}

fn yaml_as_json(path: &Path) -> serde_json::Value {
    let text = std::fs::read_to_string(path).expect("read");
    let arena = cchc::yaml::Arena::new();
    let tree = cchc::yaml::parse(&text, &arena, Default::default()).expect("YAML");
    tree.root.expect("root").to_json()
}

/// Runs `cchc check --format json` on one file made of `bytes`, within a time
/// bound, and returns the exit status and the codes reported.
fn check_bytes_as_file(name: &str, bytes: &[u8]) -> (i32, Vec<String>) {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join(name);
    std::fs::write(&path, bytes).expect("write");
    check_file(&path)
}

fn check_file(path: &Path) -> (i32, Vec<String>) {
    let out = cchc()
        .args(["check", "--format", "json", "--no-config"])
        .arg(path)
        .timeout(std::time::Duration::from_secs(60))
        .output()
        .expect("run");
    let status = out
        .status
        .code()
        .expect("exited, not killed by a signal or the timeout");
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).expect("a JSON report");
    let codes = doc["diagnostics"]
        .as_array()
        .expect("list")
        .iter()
        .filter_map(|d| d["code"].as_str().map(str::to_owned))
        .collect();
    (status, codes)
}

fn assert_hostile(name: &str, bytes: &[u8], code: &str) {
    let (status, codes) = check_bytes_as_file(name, bytes);
    assert!(matches!(status, 1 | 2), "{name}: exit {status}");
    assert!(
        codes.iter().any(|c| c == code),
        "{name}: expected {code}, got {codes:?}"
    );
}

/// Asserts that a PNG screenshot is not blank: at least one pixel in fifty
/// is not (near) white.
fn assert_not_blank(png: &Path) {
    let decoder = png::Decoder::new(std::io::BufReader::new(
        std::fs::File::open(png).expect("screenshot"),
    ));
    let mut reader = decoder.read_info().expect("png");
    let mut buf = vec![0; reader.output_buffer_size().expect("size")];
    let info = reader.next_frame(&mut buf).expect("frame");
    let pixels = &buf[..info.buffer_size()];
    let step = info.color_type.samples();
    let non_white = pixels
        .chunks(step)
        .filter(|p| p.iter().take(3).any(|c| *c < 235))
        .count();
    let total = pixels.len() / step;
    assert!(
        non_white * 50 > total,
        "the screenshot is not blank ({non_white} of {total} pixels)"
    );
}
