//! What became of one input (kết quả chuyển đổi), and its JSONL record:
//!
//! ```text
//! {"path":"in/a.txt","status":"ok","error":null,"diagnostics":{"error":0,"warning":1,"info":2},"document":{…}}
//! ```
//!
//! `vanban parse --jsonl` writes one per input, `--manifest` the same without `document`, and
//! `vanban stream` one per record, keyed by the record's `id` instead of `path`. `status` is
//! `ok`, `error` (the input could not be read, decoded or written: `error` says why) or
//! `skipped` (`--skip-existing` kept an earlier output; its counts and document are read back
//! from it).

use std::io::Write;
use std::panic::{AssertUnwindSafe, catch_unwind};

use serde::Deserialize;
use vanban::{Options, Parsed, Severity};

/// How an input ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    Ok,
    Error,
    Skipped,
}

impl Status {
    fn as_str(self) -> &'static str {
        match self {
            Status::Ok => "ok",
            Status::Error => "error",
            Status::Skipped => "skipped",
        }
    }
}

/// Diagnostics by severity.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    pub error: usize,
    pub warning: usize,
    pub info: usize,
}

impl Counts {
    fn add(&mut self, s: Severity) {
        match s {
            Severity::Error => self.error += 1,
            Severity::Warning => self.warning += 1,
            Severity::Info => self.info += 1,
        }
    }

    /// The counts of a parsed document.
    pub fn of(parsed: &Parsed) -> Counts {
        let mut c = Counts::default();
        for d in parsed.diagnostics() {
            c.add(d.severity);
        }
        c
    }
}

/// One input's result.
#[derive(Debug, Clone)]
pub struct Outcome {
    pub status: Status,
    /// Why it failed, without the `vanban: PATH: ` prefix of the message on standard error.
    pub error: Option<String>,
    pub counts: Counts,
    /// The document's compact JSON, when a record must carry it.
    pub document: Option<String>,
    /// Bytes read (for the progress bar).
    pub bytes: u64,
    /// Things to say on standard error besides the error (an earlier output removed).
    pub notes: Vec<String>,
}

impl Outcome {
    /// A failure.
    pub fn failed(error: impl Into<String>, bytes: u64) -> Outcome {
        Outcome {
            status: Status::Error,
            error: Some(error.into()),
            counts: Counts::default(),
            document: None,
            bytes,
            notes: Vec::new(),
        }
    }

    /// Write the record: `{KEY: key, "status": …, "error": …, "diagnostics": {…}}`, then
    /// `"document": …` when `with_document`, and a line end.
    pub fn write_record<W: Write, K: serde::Serialize + ?Sized>(
        &self,
        w: &mut W,
        key: (&str, &K),
        with_document: bool,
    ) -> std::io::Result<()> {
        w.write_all(b"{")?;
        serde_json::to_writer(&mut *w, key.0)?;
        w.write_all(b":")?;
        serde_json::to_writer(&mut *w, key.1)?;
        write!(w, ",\"status\":\"{}\",\"error\":", self.status.as_str())?;
        serde_json::to_writer(&mut *w, &self.error)?;
        let c = self.counts;
        write!(
            w,
            ",\"diagnostics\":{{\"error\":{},\"warning\":{},\"info\":{}}}",
            c.error, c.warning, c.info
        )?;
        if with_document {
            w.write_all(b",\"document\":")?;
            match &self.document {
                Some(doc) => w.write_all(doc.as_bytes())?,
                None => w.write_all(b"null")?,
            }
        }
        w.write_all(b"}\n")
    }
}

/// Parse bytes, or say why not. A panic inside the parser (a bug: fuzzing has found none left,
/// but an archive of ten thousand files should not die of one) becomes this input's error.
pub fn parse_bytes(bytes: Vec<u8>, opts: &Options) -> Result<Parsed, String> {
    match catch_unwind(AssertUnwindSafe(|| vanban::parse_vec(bytes, opts))) {
        Ok(Ok(p)) => Ok(p),
        Ok(Err(e)) => Err(e.to_string()),
        Err(_) => Err(BUG.to_string()),
    }
}

/// [`parse_bytes`] for text that is already Unicode.
pub fn parse_text(text: &str, opts: &Options) -> Result<Parsed, String> {
    catch_unwind(AssertUnwindSafe(|| vanban::parse(text, opts))).map_err(|_| BUG.to_string())
}

const BUG: &str = "vanban failed on this input (a bug: please report it with the file)";

/// An output that an earlier run left: its diagnostics counted, and its text when asked for.
pub struct Kept {
    pub counts: Counts,
    pub json: Option<String>,
}

/// Read an earlier output back: `None` unless it is a whole JSON document with the contract's
/// `diagnostics` list (a run killed before atomic writes, or a file edited by hand, is not).
pub fn read_kept(bytes: &[u8], with_json: bool) -> Option<Kept> {
    #[derive(Deserialize)]
    struct Doc {
        diagnostics: Vec<Diag>,
    }
    #[derive(Deserialize)]
    struct Diag {
        severity: String,
    }
    let doc: Doc = serde_json::from_slice(bytes).ok()?;
    let mut counts = Counts::default();
    for d in doc.diagnostics {
        counts.add(match d.severity.as_str() {
            "error" => Severity::Error,
            "warning" => Severity::Warning,
            _ => Severity::Info,
        });
    }
    // the record carries it compact, on one line (it was written with or without --pretty)
    let json = with_json.then(|| compact(bytes));
    Some(Kept { counts, json })
}

/// Valid JSON without the white space between its tokens, in the same order.
fn compact(json: &[u8]) -> String {
    let mut out = Vec::with_capacity(json.len());
    let (mut in_string, mut escaped) = (false, false);
    for &b in json {
        if in_string {
            out.push(b);
            if escaped {
                escaped = false;
            } else if b == b'\\' {
                escaped = true;
            } else if b == b'"' {
                in_string = false;
            }
        } else if !matches!(b, b' ' | b'\n' | b'\r' | b'\t') {
            in_string = b == b'"';
            out.push(b);
        }
    }
    // white space outside strings is ASCII: what remains is the valid UTF-8 it was
    String::from_utf8(out).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record(o: &Outcome, with_document: bool) -> serde_json::Value {
        let mut buf = Vec::new();
        o.write_record(&mut buf, ("path", "in/a.txt"), with_document)
            .unwrap();
        assert!(buf.ends_with(b"}\n") && !buf[..buf.len() - 1].contains(&b'\n'));
        serde_json::from_slice(&buf).unwrap()
    }

    #[test]
    fn a_record_has_the_documented_shape() {
        let parsed = vanban::parse(
            "THÔNG BÁO\nVề việc nghỉ Tết\n1. Nghỉ.\n",
            &Options::default(),
        );
        let o = Outcome {
            status: Status::Ok,
            error: None,
            counts: Counts::of(&parsed),
            document: Some(vanban::to_json(&parsed)),
            bytes: 10,
            notes: Vec::new(),
        };
        let v = record(&o, true);
        assert_eq!(v["path"], "in/a.txt");
        assert_eq!(v["status"], "ok");
        assert!(v["error"].is_null());
        let n = parsed.diagnostics().len() as u64;
        let d = &v["diagnostics"];
        assert_eq!(
            d["error"].as_u64().unwrap()
                + d["warning"].as_u64().unwrap()
                + d["info"].as_u64().unwrap(),
            n
        );
        assert_eq!(v["document"]["kind"], "thong_bao");
        let v = record(&o, false);
        assert!(v.get("document").is_none());
    }

    #[test]
    fn a_failure_quotes_its_error() {
        let v = record(&Outcome::failed("cannot read: \"x\"\n", 0), true);
        assert_eq!(v["status"], "error");
        assert_eq!(v["error"], "cannot read: \"x\"\n");
        assert!(v["document"].is_null());
    }

    #[test]
    fn kept_outputs_are_read_back() {
        let parsed = vanban::parse("Phở bò\n", &Options::default());
        let json = vanban::to_json_pretty(&parsed);
        let k = read_kept(json.as_bytes(), true).unwrap();
        assert_eq!(k.counts, Counts::of(&parsed));
        assert_eq!(k.json.unwrap(), vanban::to_json(&parsed));
        assert!(read_kept(&json.as_bytes()[..json.len() / 2], false).is_none());
        assert!(read_kept(b"{\"a\":1}", false).is_none());
    }
}
