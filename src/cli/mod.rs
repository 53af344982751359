//! The `vanban` command's machinery beyond argument parsing: the batch walk (`walk`), the
//! ordered worker pool (`pool`), the per-input result and its JSONL record (`record`), batch
//! conversion (`batch`) and the record pipe for cluster engines (`stream`).

pub mod batch;
pub mod check;
pub mod pool;
pub mod record;
pub mod stream;
pub mod tasks;
pub mod walk;

use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

use indicatif::ProgressBar;

/// Where a batch says things on standard error: warnings (silenced by `--quiet`) and errors
/// (always), drawn around the progress bar when one is shown.
#[derive(Clone)]
pub struct Log {
    bar: ProgressBar,
    quiet: bool,
}

impl Log {
    /// A log with a progress bar of `len` bytes when `bar` is given (the caller decides: a
    /// terminal and no `--quiet`); with a hidden bar otherwise.
    pub fn new(quiet: bool, bar: Option<u64>) -> Log {
        let bar = match bar {
            Some(len) => {
                let pb = ProgressBar::new(len);
                pb.set_style(
                    indicatif::ProgressStyle::with_template(
                        "{elapsed_precise} [{wide_bar}] {binary_bytes}/{binary_total_bytes} \
                         {binary_bytes_per_sec} ETA {eta} {msg}",
                    )
                    .expect("a valid template")
                    .progress_chars("=> "),
                );
                pb
            }
            _ => ProgressBar::hidden(),
        };
        Log { bar, quiet }
    }

    /// A warning: `vanban: MESSAGE`, unless quiet.
    pub fn warn(&self, msg: &str) {
        if !self.quiet {
            self.error(msg);
        }
    }

    /// An error: `vanban: MESSAGE`, always.
    pub fn error(&self, msg: &str) {
        self.bar.suspend(|| say(msg));
    }

    /// One more input done: its bytes, and `files` done of `total`.
    pub fn advance(&self, bytes: u64, files: u64, total: u64) {
        if !self.bar.is_hidden() {
            self.bar.inc(bytes);
            self.bar.set_message(format!("{files}/{total} files"));
        }
    }

    /// Clear the bar before the summary.
    pub fn finish(&self) {
        self.bar.finish_and_clear();
    }
}

/// Say `vanban: MESSAGE` on standard error, one line: control characters (a newline in a file
/// name) are written as escapes. A standard error that cannot be written is no reason to stop
/// converting (a closed pipe would otherwise end the process with a panic).
pub fn say(msg: &str) {
    let mut line = String::with_capacity(msg.len() + 9);
    line.push_str("vanban: ");
    for c in msg.chars() {
        if c.is_control() {
            line.extend(c.escape_default());
        } else {
            line.push(c);
        }
    }
    line.push('\n');
    let _ = std::io::stderr().lock().write_all(line.as_bytes());
}

/// Read a file, or standard input for `-`.
pub fn read_input(path: &Path) -> std::io::Result<Vec<u8>> {
    if path == Path::new("-") {
        let mut b = Vec::new();
        std::io::stdin().read_to_end(&mut b)?;
        Ok(b)
    } else {
        std::fs::read(path)
    }
}

/// Every file of `inputs` in [`walk::Walk::sorted`] order with its bytes: `Err(())` for one the
/// walk could not take or that cannot be read, after naming it on standard error (the caller
/// counts it as failed and goes on).
pub fn read_sorted(inputs: &[PathBuf]) -> impl Iterator<Item = Result<(PathBuf, Vec<u8>), ()>> {
    walk::Walk::sorted(inputs).into_iter().map(|entry| {
        let path = entry.src;
        if let Some(why) = entry.failure {
            say(&format!("{}: {why}", path.display()));
            return Err(());
        }
        match read_input(&path) {
            Ok(bytes) => Ok((path, bytes)),
            Err(e) => {
                say(&format!("{}: cannot read: {e}", path.display()));
                Err(())
            }
        }
    })
}

/// Write `parts` one after the other to `dest` atomically: into a temporary file in the same folder, then renamed
/// over the final name, so that a killed run never leaves a partial file under that name.
///
/// There is no `fsync`: it would cost about a millisecond a file (an archive of 10,000 files
/// took twice as long) and guards only against a power cut, after which a file may be left
/// empty; `--skip-existing` finds such a file invalid and converts its input again.
pub fn write_atomic(dest: &Path, parts: &[&[u8]]) -> std::io::Result<()> {
    let tmp = temp_beside(dest);
    let result = std::fs::File::create(&tmp)
        .and_then(|mut f| parts.iter().try_for_each(|p| f.write_all(p)))
        .and_then(|()| std::fs::rename(&tmp, dest));
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result
}

/// `DIR/.vanban-PID-N.tmp` for a file in `DIR`: hidden, in the same folder (a rename never
/// crosses file systems), apart from what other threads and runs write at the same time, and
/// short (a name built on the output's own could pass the file system's 255 bytes where the
/// output's does not).
pub fn temp_beside(dest: &Path) -> PathBuf {
    static N: AtomicUsize = AtomicUsize::new(0);
    let dir = dest.parent().unwrap_or(Path::new("."));
    let n = N.fetch_add(1, Ordering::Relaxed);
    dir.join(format!(".vanban-{}-{n}.tmp", std::process::id()))
}
