//! Arbitrary bytes → `parse_bytes` (default options and `join_continuations = false`) →
//! `to_json`, with the span invariants of `vanban_fuzz::check`.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    // the text the parser saw: decoded, then repaired (spans refer to it)
    let decoded = vanban::decode_and_repair(data)
        .ok()
        .map(|(text, _, _)| text);
    for opts in vanban_fuzz::option_sets() {
        match vanban::parse_bytes(data, &opts) {
            Ok(parsed) => {
                let text = decoded
                    .as_deref()
                    .expect("parse_bytes decodes what decode decodes");
                vanban_fuzz::check(&parsed, text);
            }
            Err(_) => assert!(decoded.is_none(), "decode accepts what parse_bytes rejects"),
        }
    }
});
