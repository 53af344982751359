//! `vanban stream` (luồng bản ghi): the pipe step for engines that already spread work over a
//! cluster (Spark's `RDD.pipe`, a Beam or Ray map step). It reads JSONL records on standard
//! input, one document each,
//!
//! ```text
//! {"id": 7, "text": "ỦY BAN NHÂN DÂN\n…"}
//! {"id": "a", "path": "archive/2024/a.txt"}
//! {"id": [1, 2], "bytes_b64": "VOG7iCBCQU4g…"}
//! ```
//!
//! and writes one JSONL result per record, in input order, flushed as it goes, keyed by the
//! record's `id` (any JSON value, echoed; `null` when missing):
//!
//! ```text
//! {"id":7,"status":"ok","error":null,"diagnostics":{"error":0,"warning":1,"info":0},"document":{…}}
//! ```
//!
//! A bad record (a line that is not JSON, no text, bytes that decode to nothing) gives an error
//! result for that record, never a stop; blank lines are not records. The exit status is 1
//! only when standard input cannot be read or standard output cannot be written.

use std::io::{BufRead, BufReader, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use base64::Engine;
use base64::engine::DecodePaddingMode;
use base64::engine::general_purpose::{GeneralPurpose, GeneralPurposeConfig};
use serde::Deserialize;
use serde_json::value::RawValue;
use vanban::Options;

use super::record::{self, Counts, Outcome, Status};
use super::{pool, say};

/// One input line: its number (from 1) and its bytes, or why it could not be read.
type Line = (u64, std::io::Result<Vec<u8>>);

/// The lines of standard input that hold something, read as they arrive. A read error ends
/// the feed after it is reported.
fn lines() -> impl Iterator<Item = Line> + Send {
    let mut input = BufReader::with_capacity(1 << 16, std::io::stdin());
    let mut n = 0u64;
    let mut failed = false;
    std::iter::from_fn(move || {
        loop {
            if failed {
                return None;
            }
            let mut buf = Vec::new();
            n += 1;
            match input.read_until(b'\n', &mut buf) {
                Ok(0) => return None,
                Ok(_) if buf.iter().all(u8::is_ascii_whitespace) => continue,
                Ok(_) => return Some((n, Ok(buf))),
                Err(e) => {
                    failed = true;
                    return Some((n, Err(e)));
                }
            }
        }
    })
}

/// A record as sent. `id` is kept as the JSON text it was sent as (`1.50` stays `1.50`, a
/// 30-digit number keeps its digits).
#[derive(Deserialize)]
struct Record {
    id: Option<Box<RawValue>>,
    text: Option<String>,
    path: Option<PathBuf>,
    bytes_b64: Option<String>,
}

/// The `id` of a record that is a JSON object but not a good record (two `text` keys, a
/// `text` that is a number): its result still carries it.
#[derive(Deserialize)]
struct IdOnly {
    id: Option<Box<RawValue>>,
}

/// An id to echo: the record's own, or `null`.
type Id = Option<Box<RawValue>>;

/// Base64 as people send it: the standard or the URL-safe alphabet, with or without padding,
/// wrapped over lines or not (`base64`, Python's `encodebytes`).
fn decode_b64(text: &str) -> Result<Vec<u8>, String> {
    const LENIENT: GeneralPurposeConfig =
        GeneralPurposeConfig::new().with_decode_padding_mode(DecodePaddingMode::Indifferent);
    const STANDARD: GeneralPurpose = GeneralPurpose::new(&base64::alphabet::STANDARD, LENIENT);
    const URL_SAFE: GeneralPurpose = GeneralPurpose::new(&base64::alphabet::URL_SAFE, LENIENT);
    let packed: String = text.chars().filter(|c| !c.is_ascii_whitespace()).collect();
    let url_safe = packed.contains(['-', '_']);
    let engine = if url_safe { &URL_SAFE } else { &STANDARD };
    engine
        .decode(packed.as_bytes())
        .map_err(|e| format!("bytes_b64 is not base64: {e}"))
}

/// Convert one record: `(its id, the outcome, whether reading standard input failed)`.
fn convert(line: Line, opts: &Options) -> (Id, Outcome, bool) {
    let (n, bytes) = line;
    let bytes = match bytes {
        Ok(b) => b,
        Err(e) => {
            let msg = format!("line {n}: cannot read standard input: {e}");
            return (None, Outcome::failed(msg, 0), true);
        }
    };
    let len = bytes.len() as u64;
    // a record is a JSON object (serde would also take an array of the fields in order)
    let is_object = bytes.iter().find(|b| !b.is_ascii_whitespace()) == Some(&b'{');
    let rec: Record = match serde_json::from_slice(&bytes) {
        Ok(r) if is_object => r,
        Ok(_) => {
            let msg = format!("line {n}: not a JSON object");
            return (None, Outcome::failed(msg, len), false);
        }
        Err(e) => {
            let id = is_object
                .then(|| serde_json::from_slice::<IdOnly>(&bytes).ok())
                .flatten()
                .and_then(|r| r.id);
            let what = if id.is_some() {
                "not a good record"
            } else {
                "not a JSON record"
            };
            let msg = format!("line {n}: {what}: {e}");
            return (id, Outcome::failed(msg, len), false);
        }
    };
    let parsed = match (rec.text, rec.path, rec.bytes_b64) {
        (Some(text), None, None) => record::parse_text(&text, opts),
        (None, Some(path), None) => std::fs::read(&path)
            .map_err(|e| format!("{}: cannot read: {e}", path.display()))
            .and_then(|b| record::parse_bytes(b, opts)),
        (None, None, Some(b64)) => decode_b64(&b64).and_then(|b| record::parse_bytes(b, opts)),
        _ => Err("a record holds exactly one of text, path and bytes_b64".to_string()),
    };
    let o = match parsed {
        Ok(p) => Outcome {
            status: Status::Ok,
            error: None,
            counts: Counts::of(&p),
            document: Some(vanban::to_json(&p)),
            bytes: len,
            notes: Vec::new(),
        },
        Err(e) => Outcome::failed(format!("line {n}: {e}"), len),
    };
    (rec.id, o, false)
}

/// Run the pipe step.
pub fn run(jobs: usize, opts: &Options) -> ExitCode {
    let mut out = std::io::stdout().lock();
    let mut status = ExitCode::SUCCESS;
    let ran = pool::ordered(
        lines(),
        jobs,
        |line| convert(line, opts),
        |(id, o, input_failed)| {
            if input_failed {
                say(o.error.as_deref().unwrap_or_default());
                status = ExitCode::from(1);
            }
            let written = o
                .write_record(&mut out, ("id", &id.as_deref()), true)
                .and_then(|()| out.flush());
            if let Err(e) = written {
                say(&format!("cannot write to standard output: {e}"));
                status = ExitCode::from(1);
                return false;
            }
            true
        },
    );
    if let Err(e) = ran {
        say(&format!("cannot start a thread: {e}"));
        return ExitCode::from(1);
    }
    status
}
