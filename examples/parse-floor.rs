//! The parse floor for the performance comparison: reads the same files as
//! `cchc check` (same walk, same threads) and only pulls their YAML event
//! streams through saphyr-parser (the same compiled parser cchc calls, from
//! `yaml-events/`). `cargo run --release --example parse-floor -- DIR`

use std::sync::atomic::{AtomicUsize, Ordering};

// The same allocator as the `cchc` binary, so the comparison is of parsing alone.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    let paths: Vec<std::path::PathBuf> = std::env::args().skip(1).map(Into::into).collect();
    let targets =
        match cchc::check::targets(&paths, &mut cchc::config::Configs::none(), false, false) {
            Ok(t) => t,
            Err(e) => {
                eprintln!("parse-floor: {e}");
                std::process::exit(2);
            }
        };
    let next = AtomicUsize::new(0);
    let events = AtomicUsize::new(0);
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    std::thread::scope(|s| {
        for _ in 0..threads {
            s.spawn(|| {
                loop {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    let Some(t) = targets.get(i) else { break };
                    let Ok(text) = std::fs::read_to_string(&t.path) else {
                        continue;
                    };
                    let mut parser = cchc_yaml_events::Events::new(&text);
                    let n = std::iter::from_fn(|| parser.next_event())
                        .take_while(Result::is_ok)
                        .count();
                    events.fetch_add(n, Ordering::Relaxed);
                }
            });
        }
    });
    println!(
        "{} files, {} events",
        targets.len(),
        events.load(Ordering::Relaxed)
    );
}
