//! Checking many files on all cores (each read from its path): workers take the next file from a shared
//! counter, and results go back to their file's slot, so the output does not
//! depend on scheduling. A panic while checking one file (a bug in cchc) is
//! reported on that file; the others are still checked.

use std::sync::atomic::{AtomicUsize, Ordering};

use crate::check::file::locate_all;
use crate::check::{FileReport, Options, Target, check_source};
use crate::rules::input;
use crate::rules::{Located, Sink, unreadable_file};
use crate::source::{self, ReadError};

/// Checks one target: its file read, under its config.
pub fn check_target(t: &Target, opts: &Options) -> FileReport {
    match source::read(&t.path) {
        Ok(bytes) => check_source(&t.display, &bytes, t.walked, t.config.clone(), opts),
        Err(e) => {
            let mut report = FileReport::new(&t.display);
            report.config = t.config.clone();
            report.unreadable = matches!(e, ReadError::Unreadable(_));
            let mut sink = Sink::default();
            input::read_error(&mut sink, &e, opts.lang);
            report.diagnostics = locate_all(sink, None, opts);
            report
        }
    }
}

/// Checks one target, catching a panic.
fn check_guarded(t: &Target, opts: &Options) -> FileReport {
    if let Some(reason) = t.skip {
        let mut report = FileReport::new(&t.display);
        report.skipped = Some(reason);
        return report;
    }
    let checked = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| check_target(t, opts)));
    checked.unwrap_or_else(|_| {
        let mut report = FileReport::new(&t.display);
        report.unreadable = true;
        let mut sink = Sink::default();
        unreadable_file::internal_error(&mut sink, opts.lang);
        report.diagnostics = sink
            .finish(opts.lang)
            .into_iter()
            .map(|f| Located::resolve(f, None))
            .collect();
        report
    })
}

/// Checks every target on all cores; the result does not depend on scheduling.
pub fn check_all(targets: &[Target], opts: &Options) -> Vec<FileReport> {
    let threads = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(targets.len().max(1));
    // One worker (one core, one file, or a target without threads such as
    // the browser) checks in this thread.
    if threads == 1 {
        return targets.iter().map(|t| check_guarded(t, opts)).collect();
    }
    let next = AtomicUsize::new(0);
    let mut slots: Vec<Option<FileReport>> = vec![None; targets.len()];
    std::thread::scope(|s| {
        let workers: Vec<_> = (0..threads)
            .map(|_| {
                s.spawn(|| {
                    let mut done = Vec::with_capacity(targets.len().div_ceil(threads));
                    loop {
                        let i = next.fetch_add(1, Ordering::Relaxed);
                        let Some(t) = targets.get(i) else { break };
                        done.push((i, check_guarded(t, opts)));
                    }
                    done
                })
            })
            .collect();
        for w in workers {
            for (i, r) in w.join().unwrap_or_default() {
                slots[i] = Some(r);
            }
        }
    });
    // Reports are large: one exact allocation, not one that doubles as it fills.
    let mut reports = Vec::with_capacity(targets.len());
    reports.extend(slots.into_iter().flatten());
    reports
}
