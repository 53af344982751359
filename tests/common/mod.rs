//! Helpers shared by the integration tests: fixture discovery and the line-accounting walker.
//!
//! Each test crate uses a different subset, hence the blanket `dead_code` allowance.
#![allow(dead_code)]

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use serde_json::Value;

/// The crate root (where `fixtures/` lives).
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The files directly inside `dir` whose extension is `ext`, sorted by name.
pub fn files_with_ext(dir: &Path, ext: &str) -> Vec<PathBuf> {
    let mut out: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", dir.display()))
        .map(|e| e.expect("directory entry").path())
        .filter(|p| p.is_file() && p.extension().is_some_and(|x| x == ext))
        .collect();
    out.sort();
    out
}

/// `fixtures/*.txt`, sorted.
pub fn good_fixtures() -> Vec<PathBuf> {
    files_with_ext(&root().join("fixtures"), "txt")
}

/// The fixtures in document formats, `fixtures/doc/*.doc`, `fixtures/docx/*.docx` and
/// `fixtures/pdf/*.pdf` (documents made by `fixtures/docx/make.py`), each only when the crate
/// reads its format (features `doc`, `docx`, `pdf`).
pub fn format_fixtures() -> Vec<PathBuf> {
    let mut v = Vec::new();
    for (ext, on) in [
        ("doc", cfg!(feature = "doc")),
        ("docx", cfg!(feature = "docx")),
        ("pdf", cfg!(feature = "pdf")),
    ] {
        if on {
            v.extend(files_with_ext(&root().join("fixtures").join(ext), ext));
        }
    }
    v
}

/// Every fixture document that parses: `fixtures/*.txt`, then the ones in document formats.
pub fn document_fixtures() -> Vec<PathBuf> {
    let mut v = good_fixtures();
    v.extend(format_fixtures());
    v
}

/// Every file in `fixtures/bad/`, sorted.
pub fn bad_fixtures() -> Vec<PathBuf> {
    let dir = root().join("fixtures").join("bad");
    let mut out: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", dir.display()))
        .map(|e| e.expect("directory entry").path())
        .filter(|p| p.is_file())
        .collect();
    out.sort();
    out
}

/// The file name without extension.
pub fn stem(path: &Path) -> String {
    path.file_stem()
        .expect("file stem")
        .to_string_lossy()
        .into_owned()
}

/// Parse a file the way the CLI does (bytes → decode → parse) and return the JSON value together
/// with the decoded text, or `None` when the bytes do not decode.
pub fn parse_file(path: &Path) -> Option<(String, Value)> {
    let bytes =
        std::fs::read(path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    let text = vanban::decode(&bytes).ok()?.text.into_owned();
    let parsed = vanban::parse_bytes(&bytes, &vanban::Options::default()).ok()?;
    Some((text, to_value(&parsed)))
}

/// The document as a `serde_json::Value`, through the public `to_json`.
pub fn to_value(parsed: &vanban::Parsed) -> Value {
    serde_json::from_str(&vanban::to_json(parsed)).expect("to_json writes valid JSON")
}

/// White space as the parser sees it (Unicode white space, zero-width space, BOM).
pub fn is_space(c: char) -> bool {
    c.is_whitespace() || matches!(c, '\u{200B}' | '\u{FEFF}')
}

/// The physical lines of `text` with their 1-based numbers. LF, CRLF, a lone CR and a form feed
/// each end a line (the parser's rule).
pub fn physical_lines(text: &str) -> Vec<(u32, &str)> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let (mut start, mut no, mut i) = (0usize, 1u32, 0usize);
    while i < bytes.len() {
        let b = bytes[i];
        if b == b'\n' || b == b'\r' || b == 0x0C {
            out.push((no, &text[start..i]));
            no += 1;
            if b == b'\r' && bytes.get(i + 1) == Some(&b'\n') {
                i += 1;
            }
            start = i + 1;
        }
        i += 1;
    }
    if start < bytes.len() {
        out.push((no, &text[start..]));
    }
    out
}

/// Every line the JSON tree accounts for: the `"lines": [a, b]` range of every span anywhere in
/// the tree (node spans, `title_span`, `cc_spans`, artefacts, …) and every `diagnostics[].line`.
pub fn covered_lines(doc: &Value) -> BTreeSet<u64> {
    fn walk(v: &Value, out: &mut BTreeSet<u64>) {
        match v {
            Value::Object(map) => {
                if let Some(Value::Array(r)) = map.get("lines")
                    && let [a, b] = r.as_slice()
                    && let (Some(a), Some(b)) = (a.as_u64(), b.as_u64())
                {
                    out.extend(a..=b);
                }
                for child in map.values() {
                    walk(child, out);
                }
            }
            Value::Array(items) => items.iter().for_each(|x| walk(x, out)),
            _ => {}
        }
    }
    let mut out = BTreeSet::new();
    walk(doc, &mut out);
    if let Some(Value::Array(diags)) = doc.get("diagnostics") {
        out.extend(
            diags
                .iter()
                .filter_map(|d| d.get("line").and_then(Value::as_u64)),
        );
    }
    out
}

/// The non-blank lines of `text` that no span, artefact or diagnostic of `doc` accounts for.
pub fn unaccounted_lines(text: &str, doc: &Value) -> Vec<(u32, String)> {
    let covered = covered_lines(doc);
    physical_lines(text)
        .into_iter()
        .filter(|(no, line)| !line.chars().all(is_space) && !covered.contains(&u64::from(*no)))
        .map(|(no, line)| (no, line.to_string()))
        .collect()
}

/// Fold runs of white space to one space and trim, after NFC (the scorer's `norm` for strings;
/// Python's `str.split()` also splits on the information separators U+001C..U+001F).
pub fn fold(s: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    let nfc: String = s.nfc().collect();
    nfc.split(|c: char| c.is_whitespace() || ('\u{1C}'..='\u{1F}').contains(&c))
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// Apply [`fold`] to every string inside a value.
pub fn norm(v: &Value) -> Value {
    match v {
        Value::String(s) => Value::String(fold(s)),
        Value::Array(a) => Value::Array(a.iter().map(norm).collect()),
        Value::Object(m) => Value::Object(m.iter().map(|(k, x)| (k.clone(), norm(x))).collect()),
        other => other.clone(),
    }
}

/// The words of a text as the account counts them: runs of letters and digits, NFC, in small
/// letters, with their counts.
pub fn word_counts(s: &str) -> std::collections::HashMap<String, usize> {
    use unicode_normalization::UnicodeNormalization;
    let nfc: String = s.nfc().collect::<String>().to_lowercase();
    let mut out = std::collections::HashMap::new();
    for w in nfc
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        *out.entry(w.to_string()).or_insert(0) += 1;
    }
    out
}

/// Every string anywhere in a JSON value, diagnostics included, joined by newlines.
pub fn json_strings(v: &Value) -> String {
    fn walk(v: &Value, out: &mut String) {
        match v {
            Value::String(s) => {
                out.push_str(s);
                out.push('\n');
            }
            Value::Array(a) => a.iter().for_each(|x| walk(x, out)),
            Value::Object(m) => m.values().for_each(|x| walk(x, out)),
            _ => {}
        }
    }
    let mut out = String::new();
    walk(v, &mut out);
    out
}

/// How many of the repaired text's words reach the strings of the JSON (each counted as many
/// times as it occurs in both), and how many words the text has: the word account of
/// `../shared/tools/account`, for one document.
///
/// The labels the tree keeps as structure rather than as text (`Kính gửi`, `Nơi nhận`, `V/v`:
/// `recipients.to`, `recipients.cc` and `title` hold what follows them) are not counted, nor
/// are one-letter words (the halves of a quyền hạn printed `T/M`, `K/T`, which the tree keeps
/// as the mode `TM`, `KT`).
pub fn words_reaching(repaired: &str, doc: &Value) -> (usize, usize) {
    let mut text = word_counts(repaired);
    text.retain(|w, _| w.chars().count() > 1);
    // (a label split over two lines is still a label)
    let folded = repaired
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase();
    for label in ["kính gửi", "nơi nhận", "v/v"] {
        let n = folded.matches(label).count();
        for w in word_counts(label).into_keys() {
            if let Some(c) = text.get_mut(&w) {
                *c = c.saturating_sub(n);
            }
        }
    }
    let json = word_counts(&json_strings(doc));
    let total = text.values().sum();
    let found = text
        .iter()
        .map(|(w, &n)| n.min(json.get(w).copied().unwrap_or(0)))
        .sum();
    (found, total)
}

// ---------------------------------------------------------------------------------------------
// the pinned fields, read as ../shared/tools/score reads them

/// The scored fields, in the scorer's order.
pub const FIELDS: [&str; 18] = [
    "kind",
    "issuer.name",
    "issuer.parent",
    "number.number",
    "number.year",
    "number.symbol",
    "place_date.place",
    "place_date.day",
    "place_date.month",
    "place_date.year",
    "title",
    "recipients.to",
    "recipients.cc",
    "recipients.archive",
    "signature.authority",
    "signature.position",
    "signature.signer",
    "body.labels",
];

/// Python's `get(obj, *path)`: descend through objects, `null` as soon as something is not one.
pub fn get(mut v: &Value, path: &[&str]) -> Value {
    for p in path {
        match v {
            Value::Object(m) => match m.get(*p) {
                Some(x) => v = x,
                None => return Value::Null,
            },
            _ => return Value::Null,
        }
    }
    v.clone()
}

/// The labelled top-level blocks of an output document as `[kind, label]` pairs.
pub fn labelled_top_blocks(doc: &Value) -> Value {
    let mut out = Vec::new();
    if let Value::Array(blocks) = get(doc, &["body"]) {
        for b in &blocks {
            if !b.is_object() {
                continue;
            }
            let kind = b.get("kind").cloned().unwrap_or(Value::Null);
            let label = b.get("label").cloned().unwrap_or(Value::Null);
            if !label.is_null() && kind != "bullet" && kind != "paragraph" {
                out.push(Value::Array(vec![kind, label]));
            }
        }
    }
    Value::Array(out)
}

/// `signature.authority` as `[[mode, title], …]`, or null when it is not an array.
pub fn authority(doc: &Value) -> Value {
    match get(doc, &["signature", "authority"]) {
        Value::Array(a) => Value::Array(
            a.iter()
                .map(|x| Value::Array(vec![get(x, &["mode"]), get(x, &["title"])]))
                .collect(),
        ),
        _ => Value::Null,
    }
}

/// A field's value in a document (gold answer or parser output).
pub fn field(doc: &Value, name: &str) -> Value {
    match name {
        "body.labels" => labelled_top_blocks(doc),
        "signature.authority" => authority(doc),
        "recipients.archive" => get(doc, &["recipients", "archive", "entries"]),
        _ => get(doc, &name.split('.').collect::<Vec<_>>()),
    }
}

/// The pinned paths of the JSON contract in a document's JSON: the scorer's fields, the ISO
/// date, and the whole body outline (every block's kind and label, nested).
pub fn pinned(doc: &Value) -> Vec<(&'static str, Value)> {
    fn outline(blocks: &Value) -> Value {
        Value::Array(
            blocks
                .as_array()
                .into_iter()
                .flatten()
                .map(|b| {
                    Value::Array(vec![
                        b["kind"].clone(),
                        b["label"].clone(),
                        outline(&b["children"]),
                    ])
                })
                .collect(),
        )
    }
    let mut out: Vec<(&'static str, Value)> =
        FIELDS.iter().map(|f| (*f, norm(&field(doc, f)))).collect();
    out.push(("place_date.date", field(doc, "place_date.date")));
    out.push(("body.outline", outline(&doc["body"])));
    out
}

/// The pinned fields that differ between a document and the parse of its canonical text.
pub fn round_trip(parsed: &vanban::Parsed) -> (usize, Vec<String>) {
    let opts = vanban::Options::default();
    let text = vanban::render::to_text(parsed);
    let again = vanban::parse(&text, &opts);
    let before = pinned(&serde_json::to_value(&parsed.document).unwrap());
    let after = pinned(&serde_json::to_value(&again.document).unwrap());
    let misses = before
        .iter()
        .zip(&after)
        .filter(|((_, a), (_, b))| a != b)
        .map(|((name, a), (_, b))| format!("{name}: {}", first_difference(a, b)))
        .collect();
    (before.len(), misses)
}

/// Where two values first differ: the path of array indices, then both values there.
pub fn first_difference(a: &Value, b: &Value) -> String {
    match (a, b) {
        (Value::Array(x), Value::Array(y)) => {
            for (i, (p, q)) in x.iter().zip(y).enumerate() {
                if p != q {
                    return format!("[{i}]{}", first_difference(p, q));
                }
            }
            format!(" length {} -> {}", x.len(), y.len())
        }
        _ => format!(" {a} -> {b}"),
    }
}
