//! Writes N synthetic plans (about 40 tasks each, a third with typical defects)
//! into DIR, for benchmarks: `cargo run --release --example gen-corpus -- DIR N`.

use std::path::PathBuf;

fn main() -> std::process::ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (Some(dir), Some(n)) = (
        args.first(),
        args.get(1).and_then(|n| n.parse::<u64>().ok()),
    ) else {
        eprintln!("usage: gen-corpus DIR N [TASKS]");
        return std::process::ExitCode::from(2);
    };
    let tasks = args.get(2).and_then(|t| t.parse().ok()).unwrap_or(40);
    let dir = PathBuf::from(dir);
    let mut bytes = 0usize;
    for i in 0..n {
        let sub = dir.join(format!("{:03}", i / 1000));
        let text = cchc::corpus::plan(i + 1, tasks, i % 3 == 2);
        bytes += text.len();
        if let Err(e) = std::fs::create_dir_all(&sub)
            .and_then(|()| std::fs::write(sub.join(format!("plan-{i:06}.yaml")), text))
        {
            eprintln!("gen-corpus: {e}");
            return std::process::ExitCode::from(1);
        }
    }
    eprintln!(
        "wrote {n} plans, {:.1} MB, into {}",
        bytes as f64 / 1e6,
        dir.display()
    );
    std::process::ExitCode::SUCCESS
}
