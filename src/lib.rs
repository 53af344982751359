//! # vanban
//!
//! Reads Vietnamese administrative documents (văn bản hành chính: Thông báo, Quyết định, Công
//! văn, Kế hoạch, Báo cáo, Tờ trình, Giấy mời, …) as text extraction leaves them, and turns them
//! into a typed tree of every component that Nghị định 30/2020/NĐ-CP defines, with spans and
//! diagnostics, serialised to a stable JSON (`schema_version` 1).
//!
//! ```
//! let text = "ỦY BAN NHÂN DÂN\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n\
//!             TỈNH BẮC NINH\tĐộc lập - Tự do - Hạnh phúc\n\
//!             Số: 123/TB-UBND\tBắc Ninh, ngày 05 tháng 3 năm 2024\n\
//!             THÔNG BÁO\n\
//!             Về việc nghỉ Tết\n\
//!             1. Cán bộ được nghỉ từ ngày 8/2.\n\
//!             Nơi nhận:\n- Các sở;\n- Lưu: VT, VP.\n\
//!             KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\nNguyễn Văn An\n";
//! let doc = vanban::parse(text, &vanban::Options::default()).document;
//! assert_eq!(doc.kind.unwrap().slug(), "thong_bao");
//! assert_eq!(doc.issuer.unwrap().name, "ỦY BAN NHÂN DÂN TỈNH BẮC NINH");
//! assert_eq!(doc.number.unwrap().symbol.as_deref(), Some("TB-UBND"));
//! assert_eq!(doc.place_date.unwrap().date.as_deref(), Some("2024-03-05"));
//! assert_eq!(doc.title.as_deref(), Some("Về việc nghỉ Tết"));
//! assert_eq!(doc.signature.unwrap().signer.as_deref(), Some("Nguyễn Văn An"));
//! ```
//!
//! The pipeline flows one way: [`decode`] (bytes → text, repairs, NFC) → lines (cells,
//! artefacts, reflow) → one parser per document part (header, title, recipients, preamble,
//! body, closing, tail), each asking the vocabulary of the cue layer and reporting to a
//! [`diagnostic::Sink`] → a check stage (missing components, the line account) → [`ast`] →
//! JSON ([`to_json`]). The README's "Pipeline and modules" maps the source tree.

#![warn(missing_docs)]

pub mod ast;
mod check;
pub mod conformance;
mod cues;
mod decode;
pub mod diagnostic;
pub(crate) mod follow_up;
mod lines;
mod options;
mod parse;
pub mod render;
mod viet;

pub use ast::kind;
pub use ast::{Document, Parsed};
pub use cues::{number, place_date};
pub use decode::legacy;
pub use decode::repair;
use std::borrow::Cow;

#[cfg(feature = "doc")]
pub use decode::doc::{self, DocError};
#[cfg(feature = "docx")]
pub use decode::docx::{self, DocxError};
#[cfg(feature = "pdf")]
pub use decode::pdf::{self, PdfError};
pub use decode::{Damage, DecodeError, Decoded, Furniture, decode};
use diagnostic::{Code, Sink};
pub use diagnostic::{Diagnostic, Severity};
pub use kind::DocKind;
pub use legacy::Legacy;
pub use lines::physical_lines;
pub use options::{Options, SCHEMA_VERSION};
pub use repair::{Repair, RepairKind, Repaired, repair};
pub use viet::syllable;

/// Parse the text of a document. Never fails on content: odd input gives a partial tree with
/// diagnostics (`not-a-document`, `empty-input`, `unplaced-line`, …).
///
/// The text is [`repair`](fn@repair)ed first (legacy mojibake, NFC, split marks, odd spaces, line ends);
/// spans refer to the repaired text, and each kind of repair is reported as an `info`
/// diagnostic.
pub fn parse(text: &str, options: &Options) -> Parsed {
    let r = repair(text);
    parse::parse_text(
        &r.text,
        options,
        &encoding_name("str", r.mojibake),
        r.repairs,
        Sink::default(),
        &[],
    )
}

/// Decode bytes (UTF-8 with or without BOM, UTF-16 with BOM, or an 8-bit Vietnamese encoding
/// found by content), repair the text, then parse it.
///
/// Fails only when the bytes cannot be decoded as text. UTF-8 with a few damaged bytes (a file
/// cut in the middle of a character) is read, with U+FFFD in their place and a `damaged-bytes`
/// error at each.
pub fn parse_bytes(bytes: &[u8], options: &Options) -> Result<Parsed, DecodeError> {
    let d = decode(bytes)?;
    let r = repair::repair_decoded(&d.text, d.encoding, d.legacy());
    let sink = damaged_bytes(&d);
    Ok(parse::parse_text(
        &r.text,
        options,
        &encoding_name(d.encoding, r.mojibake),
        r.repairs,
        sink,
        &d.furniture,
    ))
}

/// [`parse_bytes`] for bytes the caller gives up: they are freed as soon as the text no longer
/// needs them (when the repairs made a text of their own), so a big input is not held twice
/// while it is parsed. The result is the same.
///
/// ```
/// let bytes = "THÔNG BÁO\r\nVề việc nghỉ lễ\r\n".as_bytes().to_vec();
/// let parsed = vanban::parse_vec(bytes, &vanban::Options::default()).unwrap();
/// assert_eq!(parsed.document.kind, Some(vanban::DocKind::ThongBao));
/// ```
pub fn parse_vec(bytes: Vec<u8>, options: &Options) -> Result<Parsed, DecodeError> {
    let d = decode(&bytes)?;
    let sink = damaged_bytes(&d);
    let Repaired {
        text,
        repairs,
        mojibake,
    } = repair::repair_decoded(&d.text, d.encoding, d.legacy());
    let encoding = encoding_name(d.encoding, mojibake);
    let furniture = d.furniture.clone();
    Ok(match text {
        Cow::Owned(text) => {
            drop(d);
            drop(bytes);
            parse::parse_text(&text, options, &encoding, repairs, sink, &furniture)
        }
        Cow::Borrowed(text) => {
            parse::parse_text(text, options, &encoding, repairs, sink, &furniture)
        }
    })
}

/// An `error` diagnostic at each place where bytes that are not UTF-8 were read as U+FFFD.
fn damaged_bytes(d: &Decoded<'_>) -> Sink {
    let mut sink = Sink::default();
    for dmg in &d.damaged {
        sink.at(
            Severity::Error,
            Code::DamagedBytes,
            format!(
                "bytes that are not UTF-8 ({}) were read as U+FFFD: the text is damaged here",
                hex(&dmg.bytes)
            ),
            dmg.line,
            dmg.column,
        );
    }
    sink
}

/// Bytes as `0xE1 0xBB`.
fn hex(bytes: &[u8]) -> String {
    bytes
        .iter()
        .map(|b| format!("0x{b:02X}"))
        .collect::<Vec<_>>()
        .join(" ")
}

/// Decode bytes and repair the text, without parsing: what `vanban decode` prints.
pub fn decode_and_repair(bytes: &[u8]) -> Result<(String, &'static str, Vec<Repair>), DecodeError> {
    let d = decode(bytes)?;
    let r = repair::repair_decoded(&d.text, d.encoding, d.legacy());
    Ok((r.text.into_owned(), d.encoding, r.repairs))
}

/// `utf-8`, or `utf-8+tcvn3` for UTF-8 text that held TCVN3 mojibake.
fn encoding_name(bytes: &str, mojibake: Option<Legacy>) -> String {
    match mojibake {
        Some(m) => format!("{bytes}+{}", m.name()),
        None => bytes.to_string(),
    }
}

/// The document as compact JSON (the contract's shape).
pub fn to_json(parsed: &Parsed) -> String {
    serde_json::to_string(&parsed.document).expect("a document always serialises")
}

/// The document as indented JSON.
pub fn to_json_pretty(parsed: &Parsed) -> String {
    serde_json::to_string_pretty(&parsed.document).expect("a document always serialises")
}

/// The document as JSON without its spans, for snapshots of a document's structure: a
/// character added on line 1 moves every span after it, and spans are most of the JSON.
///
/// Every `span` and every key ending in `_span` or `_spans` (`title_span`, `to_spans`) is left
/// out; `end_mark`, a span of its own, is written `true`. Diagnostics keep their line and
/// column. The outline does not read back into the types ([`Parsed`] needs its spans).
///
/// ```
/// let parsed = vanban::parse("THÔNG BÁO\nVề việc nghỉ lễ\n", &vanban::Options::default());
/// let outline = vanban::to_json_outline(&parsed);
/// assert!(!outline.contains("\"span\"") && !outline.contains("\"bytes\""));
/// assert!(outline.contains("\"kind\":\"thong_bao\""));
/// ```
pub fn to_json_outline(parsed: &Parsed) -> String {
    outline(parsed).to_string()
}

/// [`to_json_outline`], indented.
pub fn to_json_outline_pretty(parsed: &Parsed) -> String {
    serde_json::to_string_pretty(&outline(parsed)).expect("a value always serialises")
}

/// The document's JSON value with its spans taken out (see [`to_json_outline`]).
fn outline(parsed: &Parsed) -> serde_json::Value {
    fn is_span(v: &serde_json::Value) -> bool {
        v.as_object()
            .is_some_and(|o| o.len() == 2 && o.contains_key("bytes") && o.contains_key("lines"))
    }
    fn walk(v: &mut serde_json::Value) {
        match v {
            serde_json::Value::Object(map) => {
                map.retain(|k, _| !(k == "span" || k.ends_with("_span") || k.ends_with("_spans")));
                for value in map.values_mut() {
                    if is_span(value) {
                        *value = serde_json::Value::Bool(true);
                    } else {
                        walk(value);
                    }
                }
            }
            serde_json::Value::Array(items) => items.iter_mut().for_each(walk),
            _ => {}
        }
    }
    let mut v = serde_json::to_value(&parsed.document).expect("a document always serialises");
    walk(&mut v);
    v
}

/// The JSON Schema (draft 2020-12) of what [`to_json`] writes, generated from the tree's types:
/// serde's attributes read as serde reads them, the doc comments as descriptions. Objects are
/// closed (`additionalProperties: false`) so that drift shows; the contract lets fields be
/// added, so a reader that must accept newer output ignores unknown properties. `vanban schema`
/// prints it, and `src/schema.json` is this schema as published.
///
/// ```
/// let schema = vanban::json_schema();
/// assert_eq!(schema["title"], "Document");
/// assert_eq!(schema["properties"]["schema_version"]["const"], 1);
/// ```
#[cfg(feature = "schema")]
pub fn json_schema() -> serde_json::Value {
    // every field is written, null or [] when absent: each object requires all of them
    // (schemars leaves an Option out of `required`, as serde reads a missing one as None)
    fn require_all(v: &mut serde_json::Value) {
        match v {
            serde_json::Value::Object(map) => {
                if let Some(keys) = map
                    .get("properties")
                    .and_then(|p| p.as_object())
                    .map(|p| p.keys().cloned().map(serde_json::Value::String).collect())
                {
                    map.insert("required".into(), serde_json::Value::Array(keys));
                }
                map.values_mut().for_each(require_all);
            }
            serde_json::Value::Array(items) => items.iter_mut().for_each(require_all),
            _ => {}
        }
    }
    let mut schema =
        serde_json::to_value(schemars::schema_for!(Document)).expect("a schema always serialises");
    require_all(&mut schema);
    if let Some(root) = schema.as_object_mut() {
        root.insert("$id".into(), "urn:vanban:document:1".into());
        root.insert(
            "$comment".into(),
            format!(
                "JSON written by vanban (schema_version {SCHEMA_VERSION}), generated from the \
                 types of src/ast (vanban schema). Every field is always present (null or [] when \
                 absent). Objects are closed so that drift is caught; the contract allows new \
                 fields without a version bump."
            )
            .into(),
        );
        if let Some(v) = root
            .get_mut("properties")
            .and_then(|p| p.get_mut("schema_version"))
            .and_then(|v| v.as_object_mut())
        {
            v.insert("const".into(), SCHEMA_VERSION.into());
        }
    }
    schema
}

/// Write the document as JSON to a writer.
pub fn to_writer<W: std::io::Write>(
    writer: W,
    parsed: &Parsed,
    pretty: bool,
) -> std::io::Result<()> {
    let r = if pretty {
        serde_json::to_writer_pretty(writer, &parsed.document)
    } else {
        serde_json::to_writer(writer, &parsed.document)
    };
    r.map_err(std::io::Error::other)
}

/// The README's examples run as doctests, so the documentation cannot drift from the code.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
pub struct ReadmeDoctests;

/// Every line of every fixture, as it stands and trimmed, after `extra`: the inputs on which
/// the unit tests check a fast test against the slower one it stands for.
#[cfg(test)]
pub(crate) fn fixture_lines(extra: &[&str]) -> Vec<String> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures");
    let mut lines: Vec<String> = extra.iter().map(|l| l.to_string()).collect();
    for e in std::fs::read_dir(dir).unwrap().flatten() {
        if let Ok(t) = std::fs::read_to_string(e.path()) {
            for l in t.lines() {
                lines.push(l.to_string());
                if l.trim() != l {
                    lines.push(l.trim().to_string());
                }
            }
        }
    }
    lines
}
