//! The layering of STYLE.md, enforced as ArchUnit-style tests do: every
//! `crate::` path in `src/` is an edge from the module of its file to the module
//! it names, and an edge must go to a lower layer (or stay inside its module).
//! Test modules (`#[cfg(test)]`, at the end of a file) are left out: tests may
//! use anything. `lib.rs` (declarations) and `main.rs` (the binary) are not modules.

use std::path::Path;

/// The layers, from the top; a module may use only modules of lower layers.
const LAYERS: &[&[&str]] = &[
    &["cli", "fuzzing"],
    &["report", "render", "init", "import"],
    &["check"],
    &["suppress", "config"],
    &["rules"],
    &["diagnostic", "source"],
    &["model"],
    &["profile"],
    &["yaml"],
    &["location"],
    &["text", "i18n", "corpus"],
];

/// Names at the crate root that belong to a module (`tr!` is exported by `i18n`).
fn module_of_root_name(name: &str) -> &str {
    match name {
        "tr" => "i18n",
        other => other,
    }
}

fn layer(module: &str) -> Option<usize> {
    LAYERS.iter().position(|l| l.contains(&module))
}

/// The modules a file's code (not its tests, not its comments) names with
/// `crate::`, with the line of each.
fn uses(source: &str) -> Vec<(usize, String)> {
    let code = source.split("#[cfg(test)]").next().unwrap_or_default();
    let mut out = Vec::new();
    for (n, line) in code.lines().enumerate() {
        let line = line.split("//").next().unwrap_or_default();
        let mut rest = line;
        while let Some(i) = rest.find("crate::") {
            rest = &rest[i + "crate::".len()..];
            if let Some(group) = rest.strip_prefix('{') {
                // `crate::{a, b::{c, d}, e}`: the first name of each top-level item.
                let mut depth = 0;
                let mut items = vec![String::new()];
                for c in group.chars() {
                    match c {
                        '{' => depth += 1,
                        '}' if depth == 0 => break,
                        '}' => depth -= 1,
                        ',' if depth == 0 => items.push(String::new()),
                        c if depth == 0 => items.last_mut().expect("one item").push(c),
                        _ => {}
                    }
                }
                for item in items {
                    let name: String = item
                        .trim()
                        .chars()
                        .take_while(|c| c.is_alphanumeric() || *c == '_')
                        .collect();
                    if !name.is_empty() {
                        out.push((n + 1, module_of_root_name(&name).to_owned()));
                    }
                }
            } else {
                let name: String = rest
                    .chars()
                    .take_while(|c| c.is_alphanumeric() || *c == '_')
                    .collect();
                out.push((n + 1, module_of_root_name(&name).to_owned()));
            }
        }
    }
    out.sort();
    out.dedup();
    out
}

/// The edges of one file that break the layering, as messages.
fn violations(module: &str, file: &str, source: &str) -> Vec<String> {
    let Some(from) = layer(module) else {
        return vec![format!(
            "{file}: module `{module}` is in no layer of the architecture test"
        )];
    };
    uses(source)
        .into_iter()
        .filter(|(_, to)| to != module)
        .filter_map(|(line, to)| match layer(&to) {
            Some(l) if l > from => None,
            Some(_) => Some(format!(
                "{file}:{line}: `{module}` uses `{to}`, which is not below it"
            )),
            None => Some(format!(
                "{file}:{line}: `{module}` uses `{to}`, which is in no layer"
            )),
        })
        .collect()
}

fn rust_files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("src") {
        let path = entry.expect("entry").path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

#[test]
fn every_import_goes_down_the_layers() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    files.sort();
    let mut problems = Vec::new();
    let mut modules = std::collections::BTreeSet::new();
    for path in &files {
        let rel = path.strip_prefix(&src).expect("under src");
        let first = rel
            .components()
            .next()
            .and_then(|c| c.as_os_str().to_str())
            .expect("name");
        let module = first.strip_suffix(".rs").unwrap_or(first);
        if matches!(module, "lib" | "main") {
            continue;
        }
        modules.insert(module.to_owned());
        let source = std::fs::read_to_string(path).expect("read");
        problems.extend(violations(module, &rel.display().to_string(), &source));
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
    for layer in LAYERS {
        for m in *layer {
            assert!(modules.contains(*m), "layer list names `{m}`, not in src/");
        }
    }
}

#[test]
fn an_upward_or_sideways_import_is_caught() {
    let upward = "use crate::check::Options;\nuse crate::{text, tr};\n";
    let found = violations("rules", "src/rules/x.rs", upward);
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(found[0].contains("`rules` uses `check`"), "{found:?}");
    let sideways = "fn f() { crate::render::human::summary_line(); }";
    assert_eq!(violations("report", "src/report/x.rs", sideways).len(), 1);
    let grouped = "use crate::{location::Pointer, config};";
    let found = violations("source", "src/source/x.rs", grouped);
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(found[0].contains("`config`"), "{found:?}");
    let tests_only = "use crate::i18n::Lang;\n#[cfg(test)]\nmod tests { use crate::cli::main; }";
    assert!(violations("model", "src/model/mod.rs", tests_only).is_empty());
    assert!(!violations("nowhere", "src/nowhere.rs", "").is_empty());
    assert!(violations("location", "src/location.rs", "// crate::cli in a comment").is_empty());
}
