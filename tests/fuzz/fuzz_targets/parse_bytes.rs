//! Arbitrary bytes → `parse_bytes` (default options and `join_continuations = false`) →
//! `to_json`, with the span invariants of `vanban_fuzz::check`.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    for opts in vanban_fuzz::option_sets() {
        vanban_fuzz::check_bytes(data, &opts);
    }
});
