//! Invariants shared by the fuzz targets. Only cheap checks: the targets must stay fast.

use serde_json::Value;
use unicode_normalization::UnicodeNormalization;

/// Both option sets the targets exercise: the default, and continuation joining off.
pub fn option_sets() -> [vanban::Options; 2] {
    let default = vanban::Options::default();
    let mut no_join = vanban::Options::default();
    no_join.join_continuations = false;
    [default, no_join]
}

/// The number of physical lines of `text` by the parser's rule: LF, CRLF, a lone CR and a form
/// feed each end a line; trailing text without a break is one more line.
pub fn line_count(text: &str) -> u64 {
    let b = text.as_bytes();
    let (mut n, mut start, mut i) = (0u64, 0usize, 0usize);
    while i < b.len() {
        if matches!(b[i], b'\n' | b'\r' | 0x0C) {
            n += 1;
            if b[i] == b'\r' && b.get(i + 1) == Some(&b'\n') {
                i += 1;
            }
            start = i + 1;
        }
        i += 1;
    }
    if start < b.len() {
        n += 1;
    }
    n
}

/// Serialise `parsed` and check it against the text the parser saw (`decoded`, repaired):
/// the JSON is valid and shallow, every span lies inside the normalised text (byte range on
/// char boundaries, line range within the line count), every diagnostic line exists.
pub fn check(parsed: &vanban::Parsed, decoded: &str) {
    let json = vanban::to_json(parsed);
    let v: Value = serde_json::from_str(&json).expect("to_json writes valid JSON");
    // repairs leave the text NFC already; NFC again is a no-op kept for safety
    let text: String = decoded.nfc().collect();
    let lines = line_count(&text);
    let depth = walk(&v, &text, lines, 0);
    assert!(depth < 64, "JSON nesting depth {depth}");
    if let Some(Value::Array(diags)) = v.get("diagnostics") {
        for d in diags {
            if let Some(l) = d.get("line").and_then(Value::as_u64) {
                assert!(
                    (1..=lines.max(1)).contains(&l),
                    "diagnostic line {l} outside 1..={lines}: {d}"
                );
            }
        }
    }
}

/// Check every `{"bytes": [a, b], "lines": [x, y]}` object under `v`; returns the depth.
fn walk(v: &Value, text: &str, lines: u64, depth: usize) -> usize {
    match v {
        Value::Object(map) => {
            if let (Some(Value::Array(bytes)), Some(Value::Array(ls))) =
                (map.get("bytes"), map.get("lines"))
            {
                let n = |x: &Value| x.as_u64().expect("span numbers are unsigned");
                let (a, b) = (n(&bytes[0]) as usize, n(&bytes[1]) as usize);
                let (x, y) = (n(&ls[0]), n(&ls[1]));
                assert!(
                    a <= b && b <= text.len(),
                    "bytes [{a}, {b}] vs length {}",
                    text.len()
                );
                assert!(
                    text.is_char_boundary(a) && text.is_char_boundary(b),
                    "bytes [{a}, {b}] not on char boundaries"
                );
                assert!(
                    1 <= x && x <= y && y <= lines,
                    "lines [{x}, {y}] vs {lines} lines"
                );
            }
            map.values()
                .map(|c| walk(c, text, lines, depth + 1))
                .max()
                .unwrap_or(depth + 1)
        }
        Value::Array(items) => items
            .iter()
            .map(|c| walk(c, text, lines, depth + 1))
            .max()
            .unwrap_or(depth + 1),
        _ => depth,
    }
}

/// Bytes through `decode_and_repair` and `parse_bytes` with `opts`: `parse_bytes` fails exactly
/// when decoding does, and what it parses passes [`check`] against the text the parser saw.
pub fn check_bytes(data: &[u8], opts: &vanban::Options) {
    // the text the parser saw: decoded, then repaired (spans refer to it)
    let decoded = vanban::decode_and_repair(data)
        .ok()
        .map(|(text, _, _)| text);
    match vanban::parse_bytes(data, opts) {
        Ok(parsed) => {
            let text = decoded
                .as_deref()
                .expect("parse_bytes decodes what decode decodes");
            check(&parsed, text);
        }
        Err(_) => assert!(decoded.is_none(), "decode accepts what parse_bytes rejects"),
    }
}
