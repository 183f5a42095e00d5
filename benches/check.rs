//! Benchmarks: load and check one plan of about 40 tasks, against the parse
//! floor (pulling the same file's YAML events through saphyr-parser).

fn main() {
    divan::main();
}

const PLAN: &str = include_str!("../examples/so-tu-phap.yaml");

#[divan::bench]
fn parse_floor() -> usize {
    saphyr_parser::Parser::new_from_str(divan::black_box(PLAN)).count()
}

#[divan::bench]
fn load_and_check() -> usize {
    let opts = cchc::Options::default();
    let report = cchc::check::check_bytes(
        "so-tu-phap.yaml",
        divan::black_box(PLAN.as_bytes()),
        false,
        &opts,
    );
    report.diagnostics.len()
}
