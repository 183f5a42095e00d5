//! Benchmarks: load and check one generated plan of 40 tasks (~16 KB), against
//! the parse floor (pulling the same text's YAML events through saphyr-parser).

// The allocator of the `cchc` binary.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    divan::main();
}

fn plan() -> String {
    cchc::corpus::plan(42, 40, false)
}

#[divan::bench]
fn parse_floor(bencher: divan::Bencher) {
    let text = plan();
    bencher.bench(|| {
        let mut parser = cchc_yaml_events::Events::new(divan::black_box(&text));
        std::iter::from_fn(|| parser.next_event()).count()
    });
}

#[divan::bench]
fn load_and_check(bencher: divan::Bencher) {
    let text = plan();
    let opts = cchc::Options::default();
    bencher.bench(|| {
        let report =
            cchc::check::check_bytes("plan.yaml", divan::black_box(text.as_bytes()), false, &opts);
        report.diagnostics.len()
    });
}

#[divan::bench]
fn load_and_check_defective(bencher: divan::Bencher) {
    let text = cchc::corpus::plan(42, 40, true);
    let opts = cchc::Options::default();
    bencher.bench(|| {
        let report =
            cchc::check::check_bytes("plan.yaml", divan::black_box(text.as_bytes()), false, &opts);
        report.diagnostics.len()
    });
}
