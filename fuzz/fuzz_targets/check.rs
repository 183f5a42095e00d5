//! Fuzz target: bytes → load → every rule → every output format.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    cchc::fuzzing::check_and_render(data);
});
