//! The command-line contract: commands, exit statuses, output files, pipes,
//! standard input, and that no command writes to a plan.

#[allow(unused_imports)]
use super::*;

#[test]
fn exit_status_is_0_for_clean_plans_1_for_errors_2_for_unreadable_paths() {
    cchc()
        .args([
            "check",
            "examples/so-tu-phap.yaml",
            "examples/ubnd-xa-phong-quang.yaml",
        ])
        .assert()
        .code(0);
    cchc()
        .args(["check", "examples/thieu-noi-dung-va-dau-ra.yaml"])
        .assert()
        .code(1);
    let out = cchc()
        .args([
            "check",
            "--format",
            "concise",
            "does-not-exist.yaml",
            "examples/thieu-noi-dung-va-dau-ra.yaml",
        ])
        .assert()
        .code(2)
        .get_output()
        .stdout
        .clone();
    let text = String::from_utf8(out).expect("utf-8");
    assert!(
        text.contains("does-not-exist.yaml:1:1: error[P000]"),
        "{text}"
    );
    assert!(
        text.contains("thieu-noi-dung-va-dau-ra.yaml:"),
        "the other file is still checked: {text}"
    );
}

#[test]
fn warnings_fail_only_with_deny_warnings() {
    let plan = "tests/fixtures/U003.yaml";
    cchc()
        .args(["check", "--select", "U003", plan])
        .assert()
        .code(0);
    cchc()
        .args(["check", "--select", "U003", "--deny-warnings", plan])
        .assert()
        .code(1);
    cchc()
        .args([
            "check",
            "--ignore",
            "U",
            "--deny-warnings",
            "--select",
            "U003",
            plan,
        ])
        .assert()
        .code(0);
}

#[test]
fn unknown_rules_and_profiles_are_usage_errors() {
    let out = cchc()
        .args(["check", "--select", "C01", "examples"])
        .assert()
        .code(2)
        .get_output()
        .stderr
        .clone();
    assert!(
        String::from_utf8_lossy(&out).contains("C001"),
        "suggests the closest code"
    );
    cchc()
        .args(["check", "--profile", "no-such-profile", "examples"])
        .assert()
        .code(2);
    cchc().args(["explain", "Z999"]).assert().code(2);
}

#[test]
fn directories_are_walked_and_non_plans_skipped() {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::copy(
        examples().join("so-tu-phap.yaml"),
        dir.path().join("plan.yaml"),
    )
    .expect("copy");
    std::fs::write(dir.path().join("ci.yml"), "on: push\njobs: {}\n").expect("write");
    std::fs::create_dir(dir.path().join(".hidden")).expect("mkdir");
    std::fs::write(dir.path().join(".hidden/bad.yaml"), "plan: [").expect("write");
    let out = cchc()
        .args(["check", "--format", "json"])
        .arg(dir.path())
        .assert()
        .code(0)
        .get_output()
        .stdout
        .clone();
    let doc: serde_json::Value = serde_json::from_slice(&out).expect("json");
    assert_eq!(doc["summary"]["files_checked"], 1);
    assert_eq!(doc["summary"]["files_skipped"], 1);
}

#[test]
fn explain_shows_docs_in_both_languages() {
    let vi = cchc()
        .args(["explain", "C001"])
        .output()
        .expect("run")
        .stdout;
    let vi = String::from_utf8_lossy(&vi);
    assert!(
        vi.contains("các nhiệm vụ phải đầy đủ 06 nội dung CCHC") && vi.contains("Ví dụ vi phạm"),
        "{vi}"
    );
    let en = cchc()
        .args(["--lang", "en", "explain", "missing-reform-area"])
        .output()
        .expect("run")
        .stdout;
    let en = String::from_utf8_lossy(&en);
    assert!(
        en.contains("Example that fails") && en.contains("tasks must cover all six reform areas"),
        "{en}"
    );
}

#[test]
fn rules_profiles_and_schema_commands() {
    let rules = cchc().arg("rules").output().expect("run").stdout;
    let rules = String::from_utf8_lossy(&rules);
    for r in RULES {
        assert!(
            rules.contains(r.code) && rules.contains(r.name),
            "{}",
            r.code
        );
    }
    let profiles = cchc().arg("profiles").output().expect("run").stdout;
    assert!(String::from_utf8_lossy(&profiles).contains("7946/UBND-NCPC"));
    let schema = cchc().arg("schema").output().expect("run").stdout;
    let _: serde_json::Value = serde_json::from_slice(&schema).expect("schema is JSON");
}

#[test]
fn readme_lists_every_rule() {
    let readme = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md"))
        .expect("README");
    for r in RULES {
        let row = format!("| {} | {} | {} |", r.code, r.name, r.severity.as_str());
        assert!(readme.contains(&row), "README lacks the row `{row}`");
    }
}

#[test]
fn plans_are_never_modified() {
    let before = std::fs::read(examples().join("so-tu-phap.yaml")).expect("read");
    cchc()
        .args(["check", "--format", "json", "examples"])
        .assert()
        .code(1);
    assert_eq!(
        before,
        std::fs::read(examples().join("so-tu-phap.yaml")).expect("read")
    );
}

#[test]
fn exit_zero_and_deny_warnings() {
    cchc()
        .args(["check", "--exit-zero", MIXED])
        .assert()
        .code(0);
    let warn_only = "examples/san-pham-la-hoat-dong.yaml";
    cchc().args(["check", warn_only]).assert().code(0);
    cchc()
        .args(["check", "--deny-warnings", warn_only])
        .assert()
        .code(1);
    cchc()
        .args(["check", "--deny-warnings", "--exit-zero", warn_only])
        .assert()
        .code(0);
    cchc()
        .args(["check", "--exit-zero", "missing.yaml"])
        .assert()
        .code(2);
}

#[test]
fn output_file_holds_the_same_report() {
    let dir = tempfile::tempdir().expect("tempdir");
    let out = dir.path().join("report.json");
    cchc()
        .args(["check", "--format", "json", "--output"])
        .arg(&out)
        .arg("examples")
        .assert()
        .code(1)
        .stdout("");
    let written = std::fs::read_to_string(&out).expect("written");
    let doc: serde_json::Value = serde_json::from_str(&written).expect("a JSON report");
    assert!(doc["summary"]["errors"].as_u64() > Some(0), "{written}");
    assert_eq!(
        written,
        stdout_of(&["check", "--format", "json", "examples"])
    );
    let leftovers: Vec<_> = std::fs::read_dir(dir.path()).expect("dir").collect();
    assert_eq!(leftovers.len(), 1, "no temporary file is left behind");
}

#[test]
fn standard_input_is_checked_under_its_given_name() {
    let plan = std::fs::read(examples().join("giao-cho-cac-phong.yaml")).expect("read");
    let out = cchc()
        .args([
            "check",
            "--format",
            "concise",
            "--stdin-filename",
            "plans/so-tu-phap.yaml",
            "-",
        ])
        .write_stdin(plan)
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(1));
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.starts_with("plans/so-tu-phap.yaml:140:11: error[U002]"),
        "{text}"
    );
}

/// Both a text printed whole (concise) and the JSON written as it is
/// serialised (1.3 MB here, far beyond a pipe's buffer).
#[test]
fn a_closed_pipe_ends_quietly() {
    let bin = assert_cmd::cargo::cargo_bin("cchc");
    for format in ["concise", "json"] {
        let out = std::process::Command::new("sh")
            .arg("-c")
            .arg(format!(
                "'{}' check --no-config --format {format} examples tests/fixtures | head -1",
                bin.display()
            ))
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .output()
            .expect("sh");
        assert_eq!(String::from_utf8_lossy(&out.stdout).lines().count(), 1);
        assert!(
            out.stderr.is_empty(),
            "{format}: stderr: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
}

#[test]
fn no_command_ever_writes_to_a_plan() {
    fn snapshot(dir: &Path) -> Vec<(PathBuf, Vec<u8>)> {
        let mut files: Vec<_> = std::fs::read_dir(dir)
            .expect("dir")
            .map(|e| e.expect("entry").path())
            .collect();
        files.sort();
        files
            .into_iter()
            .filter(|p| p.is_file())
            .map(|p| (p.clone(), std::fs::read(&p).expect("read")))
            .collect()
    }
    let before = snapshot(&examples());
    let out_dir = tempfile::tempdir().expect("tempdir");
    for format in ["human", "concise", "json", "sarif", "github", "junit"] {
        cchc()
            .args(["check", "--format", format, "examples"])
            .assert()
            .code(1);
        let out = out_dir.path().join(format!("report.{format}"));
        cchc()
            .args(["check", "--format", format, "--output"])
            .arg(&out)
            .arg("examples")
            .assert()
            .code(1);
    }
    cchc()
        .args(["check", "--statistics", "examples"])
        .assert()
        .code(1);
    for command in [
        &["rules"][..],
        &["profiles"],
        &["schema"],
        &["explain", "C001"],
    ] {
        cchc().args(command).assert().code(0);
    }
    assert_eq!(before, snapshot(&examples()));
}

#[test]
fn init_writes_a_skeleton_whose_diagnostics_are_the_to_do_list() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("ke-hoach.yaml");
    let init = |extra: &[&str]| {
        cchc()
            .arg("init")
            .arg(&path)
            .args(extra)
            .output()
            .expect("run")
    };
    let out = init(&[
        "--agency",
        "Sở Y tế",
        "--period",
        "2026-2030",
        "--profile",
        "282/QĐ-TTg",
    ]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let first = std::fs::read(&path).expect("written");
    let out = init(&[]);
    assert_eq!(out.status.code(), Some(2), "never overwrites");
    assert_eq!(first, std::fs::read(&path).expect("unchanged"));
    assert_eq!(init(&["--force"]).status.code(), Some(0));
    let (status, codes) = check_file(&path);
    let codes: Vec<&str> = codes.iter().map(String::as_str).collect();
    assert_eq!(status, 1, "a fresh skeleton does not pass");
    for todo in [
        "P002", "Q001", "O001", "U001", "M004", "C002", "D006", "D004",
    ] {
        assert!(codes.contains(&todo), "{todo} missing from {codes:?}");
    }
    assert!(
        !codes.iter().any(|c| ["P001", "P003", "P006"].contains(c)),
        "the skeleton itself is well-formed: {codes:?}"
    );
    assert_eq!(
        cchc()
            .args(["init", "--period", "2030-2026"])
            .arg(dir.path().join("x.yaml"))
            .output()
            .expect("run")
            .status
            .code(),
        Some(2)
    );
}

#[test]
fn shell_completions_are_generated() {
    for shell in ["bash", "zsh", "fish", "powershell"] {
        let text = stdout_of(&["completions", shell]);
        assert!(
            text.contains("cchc") && text.contains("check") && text.contains("report"),
            "{shell}"
        );
    }
}

/// Runs `cchc ARGS` in `dir` through `sh` under `umask`, returning the exit status and stderr.
#[cfg(unix)]
fn under_umask(dir: &Path, umask: &str, args: &str) -> (Option<i32>, String) {
    let bin = assert_cmd::cargo::cargo_bin("cchc");
    let out = std::process::Command::new("sh")
        .arg("-c")
        .arg(format!("umask {umask}; exec '{}' {args}", bin.display()))
        .current_dir(dir)
        .env_remove("CCHC_LANG")
        .output()
        .expect("sh");
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[cfg(unix)]
fn mode(path: &Path) -> u32 {
    use std::os::unix::fs::PermissionsExt;
    std::fs::metadata(path).expect("stat").permissions().mode() & 0o777
}

#[cfg(unix)]
#[test]
fn an_output_that_is_a_plan_being_checked_is_refused_before_anything_is_written() {
    let dir = tempfile::tempdir().expect("tempdir");
    let plan = dir.path().join("plan.yaml");
    std::fs::copy(examples().join("so-tu-phap.yaml"), &plan).expect("copy");
    std::os::unix::fs::symlink("plan.yaml", dir.path().join("link.yaml")).expect("symlink");
    let original = std::fs::read(&plan).expect("read");
    for args in [
        "check plan.yaml --format json --output plan.yaml",
        "check --no-config . --format json --output link.yaml",
        "check ./plan.yaml -o ./sub/../plan.yaml",
        "report --format html --output plan.yaml plan.yaml",
    ] {
        std::fs::create_dir_all(dir.path().join("sub")).expect("mkdir");
        let (status, stderr) = under_umask(dir.path(), "022", args);
        assert_eq!(status, Some(2), "{args}: {stderr}");
        assert!(stderr.contains("--output"), "{args}: {stderr}");
        assert_eq!(std::fs::read(&plan).expect("read"), original, "{args}");
    }
    let (status, _) = under_umask(dir.path(), "022", "check plan.yaml -o report.txt");
    assert_eq!(status, Some(0), "another file is fine");
}

#[cfg(unix)]
#[test]
fn written_files_get_the_umask_and_a_replaced_file_keeps_its_mode() {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::copy(
        examples().join("so-tu-phap.yaml"),
        dir.path().join("plan.yaml"),
    )
    .expect("copy");
    let cases = [
        (
            "022",
            "check plan.yaml --format sarif -o a.sarif",
            "a.sarif",
            0o644,
        ),
        (
            "027",
            "check plan.yaml --format json -o b.json",
            "b.json",
            0o640,
        ),
        (
            "022",
            "report --format html -o c.html plan.yaml",
            "c.html",
            0o644,
        ),
        ("002", "init d.yaml", "d.yaml", 0o664),
    ];
    for (umask, args, file, want) in cases {
        let (status, stderr) = under_umask(dir.path(), umask, args);
        assert_eq!(status, Some(0), "{args}: {stderr}");
        assert_eq!(
            mode(&dir.path().join(file)),
            want,
            "{args} under umask {umask}"
        );
    }
    use std::os::unix::fs::PermissionsExt;
    let kept = dir.path().join("d.yaml");
    std::fs::set_permissions(&kept, std::fs::Permissions::from_mode(0o604)).expect("chmod");
    let (status, _) = under_umask(dir.path(), "077", "init --force d.yaml");
    assert_eq!(status, Some(0));
    assert_eq!(mode(&kept), 0o604, "init --force keeps the plan's mode");
    let report = dir.path().join("a.sarif");
    std::fs::set_permissions(&report, std::fs::Permissions::from_mode(0o600)).expect("chmod");
    let (status, _) = under_umask(
        dir.path(),
        "022",
        "check plan.yaml --format sarif -o a.sarif",
    );
    assert_eq!(status, Some(0));
    assert_eq!(mode(&report), 0o600, "a replaced report keeps its mode");
}

#[cfg(target_os = "linux")]
#[test]
fn a_failed_write_is_exit_2_with_a_message() {
    for args in [
        &["check", "examples/so-tu-phap.yaml"][..],
        &["check", "--format", "json", "examples"][..],
        &["report", "--no-config", "examples/so-tu-phap.yaml"][..],
    ] {
        let full = std::fs::OpenOptions::new()
            .write(true)
            .open("/dev/full")
            .expect("/dev/full");
        let out = std::process::Command::new(assert_cmd::cargo::cargo_bin("cchc"))
            .args(args)
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .stdout(full)
            .output()
            .expect("run");
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(stderr.contains("cchc:"), "{args:?}: {stderr}");
    }
    let out = cchc()
        .args([
            "check",
            "examples/so-tu-phap.yaml",
            "-o",
            "/dev/full/report.json",
        ])
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("/dev/full/report.json"));
}

/// `--output` naming a device or a pipe writes into it, as the shell's `>` does,
/// and never renames a file over it (which, run as root, replaced `/dev/full`
/// itself with a regular file).
#[cfg(target_os = "linux")]
#[test]
fn an_output_that_is_a_device_or_a_pipe_is_written_into() {
    use std::os::unix::fs::FileTypeExt;
    let check_into = |output: &Path| {
        cchc()
            .args([
                "check",
                "--format",
                "json",
                "examples/so-tu-phap.yaml",
                "-o",
            ])
            .arg(output)
            .output()
            .expect("run")
    };
    let out = check_into(Path::new("/dev/full"));
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("/dev/full"));
    let full = std::fs::metadata("/dev/full").expect("/dev/full");
    assert!(
        full.file_type().is_char_device(),
        "/dev/full is still the device"
    );

    let dir = tempfile::tempdir().expect("tempdir");
    let fifo = dir.path().join("report.fifo");
    let made = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .expect("mkfifo");
    assert!(made.success());
    let reader = {
        let fifo = fifo.clone();
        std::thread::spawn(move || std::fs::read_to_string(fifo).expect("read the pipe"))
    };
    let out = check_into(&fifo);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    // Checked before waiting for the reader: a file renamed over the pipe
    // would leave the reader blocked on the old one for ever.
    let still = std::fs::symlink_metadata(&fifo).expect("fifo");
    assert!(still.file_type().is_fifo(), "the pipe is still a pipe");
    let report: serde_json::Value =
        serde_json::from_str(&reader.join().expect("reader")).expect("the JSON report");
    assert_eq!(report["summary"]["files_checked"], 1);
}

/// The JSON report of `cchc check --format json ARGS` run in `cwd`.
fn json_in(cwd: &Path, args: &[&str]) -> (Option<i32>, serde_json::Value) {
    let out = Command::cargo_bin("cchc")
        .expect("binary")
        .current_dir(cwd)
        .env_remove("CCHC_LANG")
        .args(["check", "--format", "json"])
        .args(args)
        .output()
        .expect("run");
    let doc = serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|_| panic!("{args:?}: {}", String::from_utf8_lossy(&out.stderr)));
    (out.status.code(), doc)
}

#[cfg(unix)]
#[test]
fn one_file_reached_by_several_paths_is_checked_once_under_the_first() {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::copy(
        examples().join("so-tu-phap.yaml"),
        dir.path().join("a.yaml"),
    )
    .expect("copy");
    std::os::unix::fs::symlink("a.yaml", dir.path().join("b.yaml")).expect("symlink");
    std::fs::create_dir(dir.path().join("sub")).expect("mkdir");
    let (status, doc) = json_in(
        dir.path(),
        &[
            "--no-config",
            "./a.yaml",
            ".",
            "a.yaml",
            "b.yaml",
            "sub/../a.yaml",
        ],
    );
    assert_eq!(
        status,
        Some(0),
        "no X001/X002 of the file against itself: {doc}"
    );
    assert_eq!(doc["summary"]["files_checked"], 1, "{doc}");
    assert_eq!(doc["files"][0]["path"], "./a.yaml", "the first path given");
}

#[test]
fn the_config_of_a_file_is_the_nearest_one_above_it_wherever_cchc_runs() {
    let repo = tempfile::tempdir().expect("tempdir");
    std::fs::create_dir_all(repo.path().join("plans/xa")).expect("mkdir");
    std::fs::write(repo.path().join("cchc.yaml"), "rules: {O002: info}\n").expect("config");
    std::fs::write(
        repo.path().join("plans/xa/cchc.yaml"),
        "rules: {O002: error}\n",
    )
    .expect("config");
    let so = repo.path().join("plans/so.yaml");
    let xa = repo.path().join("plans/xa/xa.yaml");
    for p in [&so, &xa] {
        std::fs::copy(examples().join("san-pham-la-hoat-dong.yaml"), p).expect("copy");
    }
    let severity_of = |cwd: &Path, file: &Path| {
        let (_, doc) = json_in(cwd, &[file.to_str().expect("utf-8")]);
        let d = doc["diagnostics"]
            .as_array()
            .expect("list")
            .iter()
            .find(|d| d["code"] == "O002")
            .cloned()
            .expect("O002");
        d["severity"].as_str().expect("severity").to_owned()
    };
    for cwd in [
        repo.path().to_path_buf(),
        repo.path().join("plans/xa"),
        "/".into(),
    ] {
        assert_eq!(severity_of(&cwd, &so), "info", "from {}", cwd.display());
        assert_eq!(severity_of(&cwd, &xa), "error", "from {}", cwd.display());
    }
    // One run over both: each file under its own config.
    let (status, doc) = json_in(Path::new("/"), &[repo.path().to_str().expect("utf-8")]);
    assert_eq!(status, Some(1));
    let severities: Vec<&str> = doc["diagnostics"]
        .as_array()
        .expect("list")
        .iter()
        .filter(|d| d["code"] == "O002")
        .filter_map(|d| d["severity"].as_str())
        .collect();
    assert_eq!(severities, ["info", "error"], "{doc}");
}

#[test]
fn skipped_files_are_listed_with_their_reason() {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::create_dir_all(dir.path().join("drafts")).expect("mkdir");
    std::fs::copy(
        examples().join("so-tu-phap.yaml"),
        dir.path().join("plan.yaml"),
    )
    .expect("copy");
    std::fs::copy(
        examples().join("giao-cho-cac-phong.yaml"),
        dir.path().join("drafts/d.yaml"),
    )
    .expect("copy");
    std::fs::write(dir.path().join("ci.yml"), "on: push\njobs: {}\n").expect("write");
    std::fs::write(dir.path().join("empty.yaml"), "").expect("write");
    std::fs::write(dir.path().join("cchc.yaml"), "exclude: [\"drafts/**\"]\n").expect("write");
    let (status, doc) = json_in(dir.path(), &["."]);
    assert_eq!(status, Some(0), "{doc}");
    let skipped: Vec<(String, String)> = doc["skipped"]
        .as_array()
        .expect("skipped")
        .iter()
        .map(|s| {
            let field = |k: &str| s[k].as_str().unwrap_or_default().to_owned();
            (field("path"), field("reason"))
        })
        .collect();
    let want: Vec<(String, String)> = [
        ("cchc.yaml", "not-a-plan"),
        ("ci.yml", "not-a-plan"),
        ("drafts/d.yaml", "excluded"),
        ("empty.yaml", "empty"),
    ]
    .iter()
    .map(|(p, r)| ((*p).to_owned(), (*r).to_owned()))
    .collect();
    assert_eq!(skipped, want);
    assert_eq!(doc["summary"]["files_skipped"], 4);
    assert_eq!(doc["summary"]["files_checked"], 1);
    let human = Command::cargo_bin("cchc")
        .expect("binary")
        .current_dir(dir.path())
        .env_remove("CCHC_LANG")
        .args(["check", "--verbose", "."])
        .output()
        .expect("run");
    let text = String::from_utf8_lossy(&human.stdout);
    assert!(text.contains("Bỏ qua empty.yaml: tệp trống"), "{text}");
    assert!(text.contains("Bỏ qua drafts/d.yaml: bị loại trừ"), "{text}");
    assert!(text.contains("Tệp cấu hình: "), "{text}");
}

#[test]
fn skip_non_plans_passes_over_named_yaml_that_is_not_a_plan() {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::create_dir_all(dir.path().join(".github/workflows")).expect("mkdir");
    std::fs::write(
        dir.path().join(".github/workflows/ci.yml"),
        "on: push\njobs: {}\n",
    )
    .expect("write");
    std::fs::write(dir.path().join(".gitlab-ci.yml"), "stages: [check]\n").expect("write");
    std::fs::copy(
        examples().join("so-tu-phap.yaml"),
        dir.path().join("plan.yaml"),
    )
    .expect("copy");
    let files = [".github/workflows/ci.yml", ".gitlab-ci.yml", "plan.yaml"];
    let (status, _) = json_in(dir.path(), &[&["--no-config"][..], &files].concat());
    assert_eq!(status, Some(1), "named, the workflows are checked as plans");
    let (status, doc) = json_in(
        dir.path(),
        &[&["--no-config", "--skip-non-plans"][..], &files].concat(),
    );
    assert_eq!(status, Some(0), "{doc}");
    assert_eq!(doc["summary"]["files_skipped"], 2);
    assert_eq!(doc["summary"]["files_checked"], 1);
}

#[test]
fn the_pre_commit_hook_runs_serially_and_skips_what_is_not_a_plan() {
    let hooks = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join(".pre-commit-hooks.yaml"),
    )
    .expect("hooks");
    let arena = cchc::yaml::Arena::new();
    let tree = cchc::yaml::parse(&hooks, &arena, Default::default()).expect("yaml");
    let hook = tree.root.expect("root").to_json()[0].clone();
    assert_eq!(hook["id"], "cchc");
    assert_eq!(
        hook["require_serial"], true,
        "one batch, so X001 sees every plan"
    );
    let entry = hook["entry"].as_str().expect("entry");
    assert!(entry.contains("--skip-non-plans"), "{entry}");
    // What pre-commit runs on a commit staging two plans that share a number and
    // the repository's CI files: the entry, with every file in one batch.
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::create_dir_all(dir.path().join(".github/workflows")).expect("mkdir");
    std::fs::write(dir.path().join(".github/workflows/ci.yml"), "on: push\n").expect("write");
    std::fs::write(dir.path().join(".gitlab-ci.yml"), "stages: [check]\n").expect("write");
    std::fs::copy(
        examples().join("so-tu-phap.yaml"),
        dir.path().join("a.yaml"),
    )
    .expect("copy");
    std::fs::copy(
        examples().join("so-tu-phap.yaml"),
        dir.path().join("b.yaml"),
    )
    .expect("copy");
    let args: Vec<&str> = entry
        .split_whitespace()
        .skip(1)
        .chain([
            "--no-config",
            ".github/workflows/ci.yml",
            ".gitlab-ci.yml",
            "a.yaml",
            "b.yaml",
        ])
        .collect();
    let out = Command::cargo_bin("cchc")
        .expect("binary")
        .current_dir(dir.path())
        .env_remove("CCHC_LANG")
        .args(&args)
        .output()
        .expect("run");
    let text = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(1), "{text}");
    assert_eq!(text.matches("[X001]").count(), 2, "{text}");
    assert!(!text.contains("ci.yml:"), "{text}");
}

#[test]
fn the_summary_table_lists_the_files_with_problems_first_when_there_are_many() {
    let dir = tempfile::tempdir().expect("tempdir");
    let clean = std::fs::read_to_string(examples().join("so-tu-phap.yaml")).expect("read");
    for i in 0..22 {
        let text = clean.replace("245/KH-STP", &format!("{i}/KH-STP"));
        std::fs::write(dir.path().join(format!("clean-{i:02}.yaml")), text).expect("write");
    }
    let long = "z".repeat(60);
    std::fs::copy(
        examples().join("thieu-noi-dung-va-dau-ra.yaml"),
        dir.path().join(format!("{long}.yaml")),
    )
    .expect("copy");
    std::fs::copy(
        examples().join("giao-cho-cac-phong.yaml"),
        dir.path().join("a-one.yaml"),
    )
    .expect("copy");
    let out = Command::cargo_bin("cchc")
        .expect("binary")
        .current_dir(dir.path())
        .env_remove("CCHC_LANG")
        // The copies share an agency and a period (X002): not the point here.
        .args([
            "check",
            "--no-config",
            "--color",
            "never",
            "--ignore",
            "X002",
            ".",
        ])
        .output()
        .expect("run");
    let text = String::from_utf8_lossy(&out.stdout);
    let table = &text[text.rfind("┌").expect("a table")..];
    assert!(
        !table.contains("clean-"),
        "clean files are one line: {table}"
    );
    assert!(table.contains("… và 22 tệp khác"), "{table}");
    let zzz = table.find("zzzz").expect("the failing file");
    let one = table.find("a-one.yaml").expect("the other failing file");
    assert!(zzz < one, "most errors first: {table}");
    assert!(!table.contains(&long), "long paths are shortened: {table}");
    assert!(table.contains('…'));
}

#[test]
fn human_output_at_80_columns_has_no_longer_line_and_groups_one_place() {
    for lang in ["vi", "en"] {
        let out = cchc()
            .env("COLUMNS", "80")
            .args([
                "check",
                "--lang",
                lang,
                "examples/",
                "tests/fixtures/C002.yaml",
            ])
            .arg("tests/fixtures/P001.bracket.yaml")
            .output()
            .expect("run");
        let text = String::from_utf8(out.stdout).expect("utf-8");
        let long: Vec<&str> = text.lines().filter(|l| l.chars().count() > 80).collect();
        assert!(long.is_empty(), "{lang}: {long:#?}");
        // A line longer than the terminal is cut with an ellipsis, not wrapped.
        assert!(text.contains("…"), "{text}");
        // The five C001 of C002.yaml at `tasks:` are one block listing each.
        let block = if lang == "vi" {
            "lỗi[C001]: 5 trường hợp cùng loại tại đây:"
        } else {
            "error[C001]: 5 findings of one kind here:"
        };
        assert_eq!(text.matches(block).count(), 1, "{text}");
    }
}

/// Replaces the list item that starts with `start` (up to the next item or
/// blank line) by `with`.
fn replace_item(text: &str, start: &str, with: &str) -> String {
    let at = text.find(start).expect("the item");
    let rest = &text[at + start.len()..];
    let end = [rest.find("\n  - "), rest.find("\n\n")]
        .into_iter()
        .flatten()
        .min()
        .map_or(text.len(), |i| at + start.len() + i + 1);
    format!("{}{with}{}", &text[..at], &text[end..])
}

#[test]
fn an_officer_fills_the_skeleton_step_by_step_to_a_passing_plan() {
    let dir = tempfile::tempdir().expect("tempdir");
    let plan = dir.path().join("ke-hoach.yaml");
    cchc()
        .args(["init", "--agency", "Sở Nội vụ", "--period", "2022-2025"])
        .arg(&plan)
        .assert()
        .success();
    let count = |text: &str| -> Vec<String> {
        std::fs::write(&plan, text).expect("write");
        let out = cchc()
            .args(["check", "--format", "json", "--no-config"])
            .arg(&plan)
            .output()
            .expect("run");
        let doc: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
        doc["diagnostics"]
            .as_array()
            .expect("diagnostics")
            .iter()
            .map(|d| format!("{} {} {}", d["code"], d["pointer"], d["message"]))
            .collect()
    };
    let mut text = std::fs::read_to_string(&plan).expect("skeleton");
    let mut before = count(&text);
    assert!(!before.is_empty());
    let objective = |id: &str, area: &str, statement: &str, target: u32| {
        format!(
            "  - id: {id}\n    area: {area}\n    statement: {statement}\n    unit: \"%\"\n    baseline: {{year: 2021, value: 60}}\n    target: {{year: 2025, value: {target}}}\n    milestones: {{2022: 70, 2023: 80, 2024: 90, 2025: {target}}}\n"
        )
    };
    let task = |id: &str,
                area: &str,
                title: &str,
                pci: &str,
                focus: &str,
                output: &str,
                lead: &str,
                due: &str| {
        format!(
            "  - id: {id}\n    area: {area}\n    title: {title}\n    competitiveness: [{pci}]\n    focus: [{focus}]\n    output: {output}\n    lead: {lead}\n    due: {due}\n"
        )
    };
    type Edit = Box<dyn Fn(&str) -> String>;
    let steps: Vec<(&str, Edit)> = vec![
        (
            "the plan's number and date",
            Box::new(|t: &str| {
                t.replace("number: \"\"", "number: 12/KH-SNV")
                    .replace("issued: \"\"", "issued: 15/12/2021")
            }),
        ),
        (
            "the objectives",
            Box::new(move |t: &str| {
                let mut t = t.to_owned();
                for (id, area) in [
                    ("MT1", "Cải cách thể chế"),
                    ("MT2", "Cải cách thủ tục hành chính"),
                    ("MT3", "Cải cách tổ chức bộ máy"),
                    ("MT4", "Cải cách chế độ công vụ"),
                    ("MT5", "Cải cách tài chính công"),
                    ("MT6", "Chính quyền điện tử"),
                ] {
                    let statement =
                        format!("Đến năm 2025, 100% nhiệm vụ {area} hoàn thành đúng hạn");
                    t = replace_item(
                        &t,
                        &format!("  - id: {id}\n"),
                        &objective(id, area, &statement, 100),
                    );
                }
                t.replace(
                "    target: {year: 2025, value: }\n    milestones: {}",
                "    target: {year: 2025, value: 95}\n    milestones: {2022: 85, 2023: 88, 2024: 92, 2025: 95}",
            )
            }),
        ),
        (
            "the communication task, audiences by name",
            Box::new(|t: &str| {
                t.replace(
                    "audience: [staff, citizens, businesses]",
                    "audience: [cán bộ, nhân dân, Doanh nghiệp]",
                )
            }),
        ),
        (
            "the units and the tasks of the six areas, leads by name",
            Box::new(move |t: &str| {
                let mut t = t.replace(
                "  - {id: VP, name: Văn phòng}\n",
                "  - {id: VP, name: Văn phòng Sở}\n  - {id: TCCB, name: Phòng Tổ chức cán bộ}\n  - {id: TTra, name: Thanh tra Sở}\n",
            );
                for (id, area, pci, focus, lead, due) in [
                    (
                        "NV4",
                        "Cải cách thể chế",
                        "Thiết chế pháp lý, Cạnh tranh bình đẳng",
                        "legal_documents",
                        "Thanh tra Sở",
                        "Quý II/2022",
                    ),
                    (
                        "NV5",
                        "Cải cách TTHC",
                        "Gia nhập thị trường, Chi phí thời gian, Chi phí không chính thức, Tính minh bạch",
                        "admin_procedures",
                        "VP",
                        "Hằng năm",
                    ),
                    (
                        "NV6",
                        "Cải cách tổ chức bộ máy",
                        "Tính năng động",
                        "apparatus_streamlining",
                        "TCCB",
                        "30/6/2023",
                    ),
                    (
                        "NV7",
                        "Cải cách chế độ công vụ",
                        "Đào tạo nghề",
                        "job_positions, cadre_management, transparent_recruitment",
                        "Phòng Tổ chức cán bộ",
                        "Trước 31/12/2024",
                    ),
                    (
                        "NV8",
                        "Cải cách tài chính công",
                        "Hỗ trợ doanh nghiệp",
                        "",
                        "VP",
                        "6 tháng đầu năm 2025",
                    ),
                    (
                        "NV9",
                        "Chính quyền điện tử",
                        "Tiếp cận đất đai",
                        "digital_government_resources",
                        "VP",
                        "Trong năm 2023",
                    ),
                ] {
                    let title = format!("Rà soát, hoàn thiện các nội dung {area}");
                    let block = task(
                        id,
                        area,
                        &title,
                        pci,
                        focus,
                        "Báo cáo kết quả rà soát",
                        lead,
                        due,
                    );
                    t = replace_item(&t, &format!("  - id: {id}\n"), &block);
                }
                t
            }),
        ),
        (
            "the resources",
            Box::new(|t: &str| {
                t.replace(
                    "  funding: []",
                    "  funding: [Ngân sách nhà nước, dự toán chi thường xuyên]",
                )
                .replace(
                    "  notes: \"\"",
                    "  notes: Bố trí trong dự toán chi thường xuyên hằng năm",
                )
            }),
        ),
    ];
    // Codes that would contradict what the officer wrote: names, dates and
    // units written the way the format allows are never rejected.
    let contradictions = ["P001", "P003", "P005", "P006", "P009", "U002", "U003"];
    for (step, edit) in steps {
        text = edit(&text);
        let after = count(&text);
        let wrong: Vec<&String> = after
            .iter()
            .filter(|d| {
                contradictions
                    .iter()
                    .any(|c| d.starts_with(&format!("\"{c}\"")))
            })
            .collect();
        assert!(wrong.is_empty(), "after {step}: {wrong:#?}");
        // Writing codes as their names changes nothing; every other step removes work.
        let renames = step.contains("audiences by name");
        assert!(
            after.len() < before.len() || (renames && after == before),
            "after {step}: {} diagnostics, {} before: {after:#?}",
            after.len(),
            before.len()
        );
        before = after;
    }
    assert!(before.is_empty(), "the filled plan still has {before:#?}");
}

#[test]
fn help_is_vietnamese_by_default_and_english_on_request() {
    let vi = stdout_of(&["check", "--help"]);
    assert!(
        vi.contains("Cách dùng:") && vi.contains("Tùy chọn:"),
        "{vi}"
    );
    assert!(!vi.contains("Usage:") && !vi.contains("Options:"), "{vi}");
    for args in [
        vec!["--lang", "en", "check", "--help"],
        vec!["check", "--help", "--lang", "en"],
    ] {
        let en = stdout_of(&args);
        assert!(en.contains("Usage:") && en.contains("Options:"), "{en}");
        assert!(!en.contains("Cách dùng:"), "{en}");
    }
    let out = cchc()
        .env("CCHC_LANG", "en")
        .args(["--help"])
        .output()
        .expect("run");
    assert!(String::from_utf8_lossy(&out.stdout).contains("Commands:"));
}

#[test]
fn the_rules_table_fits_an_80_column_terminal_in_vietnamese() {
    let out = cchc()
        .env("COLUMNS", "80")
        .arg("rules")
        .output()
        .expect("run");
    let text = String::from_utf8(out.stdout).expect("utf-8");
    for line in text.lines() {
        assert!(line.chars().count() <= 80, "{line:?}");
    }
    for rule in RULES {
        assert!(text.contains(rule.code), "{} missing", rule.code);
    }
    assert!(text.contains("lỗi") && text.contains("cảnh báo"), "{text}");
}

#[test]
fn the_skeletons_dates_lie_inside_its_period_and_it_lists_the_catalogs() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("ke-hoach.yaml");
    cchc()
        .arg("init")
        .arg(&path)
        .args(["--period", "2022-2025"])
        .assert()
        .code(0);
    let text = std::fs::read_to_string(&path).expect("written");
    assert!(
        text.starts_with("# yaml-language-server: $schema="),
        "{text}"
    );
    let years: Vec<u32> = text
        .lines()
        .filter(|l| !l.trim_start().starts_with('#'))
        .flat_map(|l| {
            l.split(|c: char| !c.is_ascii_digit())
                .filter(|w| w.len() == 4)
                .filter_map(|w| w.parse().ok())
                .collect::<Vec<u32>>()
        })
        .filter(|y| (1990..2100).contains(y))
        .collect();
    assert!(!years.is_empty());
    for year in &years {
        assert!(
            (2021..=2025).contains(year),
            "{year} outside 2022–2025 (the issue date may be the year before)"
        );
    }
    // The catalogs an officer picks from are in the file, as comments.
    assert!(text.contains("land_access"), "PCI catalog");
    assert!(text.contains("Tiếp cận đất đai"), "PCI names");
    let (_, codes) = check_file(&path);
    assert!(!codes.iter().any(|c| c == "M005"), "{codes:?}");
}
