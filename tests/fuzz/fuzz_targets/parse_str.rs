//! Arbitrary `&str` → `parse` (default options and `join_continuations = false`) → `to_json`,
//! with the span invariants of `vanban_fuzz::check`.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    for opts in vanban_fuzz::option_sets() {
        let parsed = vanban::parse(text, &opts);
        // spans refer to the repaired text
        vanban_fuzz::check(&parsed, &vanban::repair(text).text);
    }
});
