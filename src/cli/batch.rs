//! Batch conversion (chuyển đổi hàng loạt): `vanban parse DIR|FILES... --out DIR` and/or
//! `--jsonl FILE|-`, on several threads, resumable, with outputs written atomically and a
//! per-input report in input order.

use std::fs::File;
use std::io::{BufWriter, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use vanban::Options;

use super::record::{self, Counts, Outcome, Status};
use super::walk::{self, Entry, Walk};
use super::{Log, pool, read_input, say, temp_beside, write_atomic};

/// What a batch is asked to do.
pub struct Batch {
    /// Write one `.json` per input under this folder.
    pub out: Option<PathBuf>,
    /// Write one JSONL record per input, with its document, here (`-`: standard output).
    pub jsonl: Option<PathBuf>,
    /// Write one JSONL record per input, without its document, here (beside `out`).
    pub manifest: Option<PathBuf>,
    /// Indent the `.json` files.
    pub pretty: bool,
    /// Write the spans (`false`: the outline of `vanban::to_json_outline`).
    pub spans: bool,
    /// Keep outputs that are up to date.
    pub skip_existing: bool,
    /// Threads.
    pub jobs: usize,
    /// No progress bar, no warnings.
    pub quiet: bool,
}

/// A JSONL report being written. A file is written under a temporary name and renamed when the
/// batch ends, so that a killed run never leaves half a report under its final name; standard
/// output (`-`) and what is no regular file (`/dev/null`, a FIFO) are written straight through.
struct Report {
    w: BufWriter<Box<dyn Write + Send>>,
    /// `(temporary, final)` when renamed at the end.
    rename: Option<(PathBuf, PathBuf)>,
    name: String,
    with_document: bool,
}

impl Report {
    fn open(path: &Path, with_document: bool) -> Result<Report, String> {
        let name = path.display().to_string();
        let cannot = |e: std::io::Error| format!("{name}: cannot write: {e}");
        // a link is followed: its target is written, the link stays
        let resolved = std::fs::canonicalize(path);
        let path = match &resolved {
            Ok(p) if path.is_symlink() => p.as_path(),
            _ => path,
        };
        let (w, rename): (Box<dyn Write + Send>, _) = if path == Path::new("-") {
            (Box::new(std::io::stdout()), None)
        } else if std::fs::metadata(path).is_ok_and(|m| !m.is_file()) {
            let f = std::fs::OpenOptions::new()
                .write(true)
                .open(path)
                .map_err(cannot)?;
            (Box::new(f), None)
        } else {
            let tmp = temp_beside(path);
            let f = File::create(&tmp).map_err(cannot)?;
            (Box::new(f), Some((tmp, path.to_path_buf())))
        };
        let name = if path == Path::new("-") {
            "standard output".to_string()
        } else {
            name
        };
        Ok(Report {
            w: BufWriter::with_capacity(1 << 16, w),
            rename,
            name,
            with_document,
        })
    }

    fn write(&mut self, key: &str, o: &Outcome) -> Result<(), String> {
        o.write_record(&mut self.w, ("path", key), self.with_document)
            .map_err(|e| format!("cannot write to {}: {e}", self.name))
    }

    /// Flush, and rename into place; on failure the temporary file is removed.
    fn finish(mut self, ok: bool) -> Result<(), String> {
        let flushed = self.w.flush();
        let result = match (&self.rename, flushed) {
            (Some((tmp, path)), Ok(())) if ok => std::fs::rename(tmp, path),
            (_, r) => r,
        };
        if let (Some((tmp, _)), false) = (&self.rename, ok && result.is_ok()) {
            let _ = std::fs::remove_file(tmp);
        }
        result.map_err(|e| format!("cannot write to {}: {e}", self.name))
    }
}

/// Convert the inputs; the summary goes to standard error.
pub fn run(inputs: &[PathBuf], b: &Batch, opts: &Options) -> ExitCode {
    let show_bar = !b.quiet && std::io::stderr().is_terminal();
    // a first walk, before any work: clashes of output names, and the totals of the bar
    let survey = (b.out.is_some() || show_bar).then(|| walk::survey(inputs, show_bar));
    if let (Some(dir), Some(s)) = (&b.out, &survey)
        && !s.clashes.is_empty()
    {
        for (x, y, dest) in &s.clashes {
            say(&format!(
                "{} and {} would both be written to {}",
                x.display(),
                y.display(),
                dir.join(dest).display()
            ));
        }
        say("nothing converted: rename the inputs or convert them apart");
        return ExitCode::from(1);
    }
    let total = survey.as_ref().map_or(0, |s| s.files);
    let log = Log::new(
        b.quiet,
        show_bar.then(|| survey.as_ref().map_or(0, |s| s.bytes)),
    );
    let mut reports = Vec::new();
    for (path, with_document) in [(&b.jsonl, true), (&b.manifest, false)] {
        if let Some(path) = path {
            match Report::open(path, with_document) {
                Ok(r) => reports.push(r),
                Err(e) => {
                    say(&e);
                    return ExitCode::from(1);
                }
            }
        }
    }

    let (mut ok, mut failed, mut skipped, mut done) = (0u64, 0u64, 0u64, 0u64);
    let mut broken: Option<String> = None;
    let work = |e: Entry| {
        let o = convert(&e, b, opts);
        (e.src, o)
    };
    let emit = |(src, o): (PathBuf, Outcome)| {
        done += 1;
        match o.status {
            Status::Ok => ok += 1,
            Status::Skipped => skipped += 1,
            Status::Error => failed += 1,
        }
        if let Some(err) = &o.error {
            log.error(&format!("{}: {err}", src.display()));
        }
        for n in &o.notes {
            log.error(n);
        }
        let key = src.to_string_lossy();
        for r in &mut reports {
            if let Err(e) = r.write(&key, &o) {
                broken = Some(e);
                return false;
            }
        }
        log.advance(o.bytes, done, total);
        true
    };
    let walk = Walk::new(inputs, Some(log.clone()));
    // one job: on this thread (the walk never waits long), without hand-offs between threads
    let ran = if b.jobs <= 1 {
        pool::in_order(walk, work, emit);
        Ok(())
    } else {
        pool::ordered(walk, b.jobs, work, emit)
    };
    log.finish();
    if let Err(e) = ran {
        broken = Some(format!("cannot start a thread: {e}"));
    }
    for r in reports {
        if let Err(e) = r.finish(broken.is_none()) {
            broken.get_or_insert(e);
        }
    }
    if let Some(e) = &broken {
        say(&format!("{e}; stopped after {done} files"));
        return ExitCode::from(1);
    }
    let kept = if b.skip_existing {
        format!(", {skipped} skipped")
    } else {
        String::new()
    };
    let into = match (&b.out, &b.jsonl) {
        (Some(dir), _) => dir.display().to_string(),
        (None, Some(p)) if p == Path::new("-") => "standard output".to_string(),
        (None, Some(p)) => p.display().to_string(),
        (None, None) => String::new(),
    };
    say(&format!(
        "{ok} converted{kept}, {failed} failed, {done} files into {into}"
    ));
    if failed > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

/// Convert one input (on a worker thread): read, parse, write its `.json`, and say how it went.
/// When it fails, an output left by an earlier run is removed: it would belie the input.
fn convert(e: &Entry, b: &Batch, opts: &Options) -> Outcome {
    if let Some(why) = &e.failure {
        return Outcome::failed(why.clone(), 0);
    }
    let dest = b.out.as_ref().map(|d| e.dest(d));
    let with_document = b.jsonl.is_some();
    if b.skip_existing
        && e.src != Path::new("-")
        && let Some(dest) = &dest
        && let Some(o) = kept(&e.src, dest, with_document)
    {
        return o;
    }
    let bytes = match read_input(&e.src) {
        Ok(b) => b,
        Err(err) => return Outcome::failed(format!("cannot read: {err}"), 0),
    };
    let len = bytes.len() as u64;
    let mut o = match record::parse_bytes(bytes, opts) {
        Err(err) => Outcome::failed(err, len),
        Ok(parsed) => {
            let compact = |p: &vanban::Parsed| {
                if b.spans {
                    vanban::to_json(p)
                } else {
                    vanban::to_json_outline(p)
                }
            };
            let document = with_document.then(|| compact(&parsed));
            let written = match &dest {
                None => Ok(()),
                // the record's compact JSON serves the file too, unless it is indented
                Some(dest) => match (&document, b.pretty) {
                    (Some(d), false) => write_output(dest, d),
                    (_, true) if b.spans => write_output(dest, &vanban::to_json_pretty(&parsed)),
                    (_, true) => write_output(dest, &vanban::to_json_outline_pretty(&parsed)),
                    (None, false) => write_output(dest, &compact(&parsed)),
                },
            };
            match written {
                Err(err) => Outcome::failed(err, len),
                Ok(()) => Outcome {
                    status: Status::Ok,
                    error: None,
                    counts: Counts::of(&parsed),
                    document,
                    bytes: len,
                    notes: Vec::new(),
                },
            }
        }
    };
    if o.status == Status::Error
        && let Some(dest) = &dest
        && dest.exists()
        && std::fs::remove_file(dest).is_ok()
    {
        o.notes
            .push(format!("{}: removed (its input now fails)", dest.display()));
    }
    o
}

/// Write a `.json` output atomically, its folder created as needed.
fn write_output(dest: &Path, json: &str) -> Result<(), String> {
    if let Some(parent) = dest.parent() {
        std::fs::create_dir_all(parent)
            .map_err(|e| format!("cannot create {}: {e}", parent.display()))?;
    }
    write_atomic(dest, &[json.as_bytes(), b"\n"])
        .map_err(|e| format!("cannot write {}: {e}", dest.display()))
}

/// An earlier run's output that `--skip-existing` keeps: at least as new as its input, and a
/// whole JSON document of the contract's shape.
fn kept(src: &Path, dest: &Path, with_document: bool) -> Option<Outcome> {
    let s = std::fs::metadata(src).ok()?;
    let d = std::fs::metadata(dest).ok()?;
    if d.modified().ok()? < s.modified().ok()? {
        return None;
    }
    let k = record::read_kept(&std::fs::read(dest).ok()?, with_document)?;
    Some(Outcome {
        status: Status::Skipped,
        error: None,
        counts: k.counts,
        document: k.json,
        bytes: s.len(),
        notes: Vec::new(),
    })
}
