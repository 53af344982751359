//! `vanban` — convert Vietnamese administrative documents to JSON.

use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand};

#[derive(Parser)]
#[command(
    name = "vanban",
    version,
    about = "Parse Vietnamese administrative documents (văn bản hành chính) into JSON",
    after_help = "Exit status:\n  0  everything was converted (documents whose tree carries diagnostics included)\n  1  an input could not be read, decoded or written, an output could not be written,\n     or two inputs would write the same output (in a batch the other files are still\n     converted)\n  2  a usage error (an unknown flag, no input, several inputs without --out)"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Parse one file (or `-` for standard input) and print its JSON; with --out, convert many
    /// files or folders, mirroring their relative paths as `.json` files.
    Parse {
        /// Files or folders (folders are walked for `.txt` and `.md` files); `-` reads stdin.
        #[arg(required = true)]
        inputs: Vec<PathBuf>,
        /// Write one JSON file per input into this folder instead of printing.
        #[arg(long, short)]
        out: Option<PathBuf>,
        /// Indent the JSON.
        #[arg(long)]
        pretty: bool,
        /// Do not join lines that continue a paragraph across blank lines and page breaks.
        #[arg(long)]
        no_join: bool,
        /// With --out: keep an output that is newer than its input and valid JSON (resume a
        /// batch that was stopped); the summary says how many were kept.
        #[arg(long, requires = "out")]
        skip_existing: bool,
    },
    /// Decode one file (or `-`) and print its repaired Unicode text: legacy encodings and
    /// mojibake decoded, NFC, split marks joined, odd spaces and line ends fixed. What was
    /// repaired goes to standard error, one line per kind.
    Decode {
        /// The file, or `-` for standard input.
        input: PathBuf,
        /// Print nothing on standard error.
        #[arg(long, short)]
        quiet: bool,
    },
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Parse {
            inputs,
            out,
            pretty,
            no_join,
            skip_existing,
        } => {
            let mut opts = vanban::Options::default();
            opts.join_continuations = !no_join;
            match out {
                None if inputs.len() == 1 && !inputs[0].is_dir() => {
                    single(&inputs[0], &opts, pretty)
                }
                None => {
                    eprintln!("vanban: several inputs or a folder need --out DIR");
                    ExitCode::from(2)
                }
                Some(dir) => batch(&inputs, &dir, &opts, pretty, skip_existing),
            }
        }
        Command::Decode { input, quiet } => decode(&input, quiet),
    }
}

fn decode(path: &Path, quiet: bool) -> ExitCode {
    let bytes = match read_input(path) {
        Ok(b) => b,
        Err(e) => {
            eprintln!("vanban: {}: cannot read: {e}", path.display());
            return ExitCode::from(1);
        }
    };
    match vanban::decode(&bytes) {
        Ok(d) => {
            let r = vanban::repair::repair_from(&d.text, d.legacy());
            if !quiet {
                eprintln!("vanban: {}: read as {}", path.display(), d.encoding);
                for dmg in &d.damaged {
                    eprintln!(
                        "vanban: {}:{}:{}: damaged bytes read as U+FFFD",
                        path.display(),
                        dmg.line,
                        dmg.column
                    );
                }
                for rep in &r.repairs {
                    eprintln!("vanban: {}: {}", path.display(), rep.message());
                }
            }
            write_stdout(r.text.as_bytes())
        }
        Err(e) => {
            eprintln!("vanban: {}: {e}", path.display());
            ExitCode::from(1)
        }
    }
}

fn read_input(path: &Path) -> std::io::Result<Vec<u8>> {
    if path == Path::new("-") {
        let mut b = Vec::new();
        std::io::stdin().read_to_end(&mut b)?;
        Ok(b)
    } else {
        std::fs::read(path)
    }
}

fn convert(path: &Path, opts: &vanban::Options, pretty: bool) -> Result<String, String> {
    let bytes = read_input(path).map_err(|e| format!("{}: cannot read: {e}", path.display()))?;
    let parsed =
        vanban::parse_bytes(&bytes, opts).map_err(|e| format!("{}: {e}", path.display()))?;
    Ok(if pretty {
        vanban::to_json_pretty(&parsed)
    } else {
        vanban::to_json(&parsed)
    })
}

fn single(path: &Path, opts: &vanban::Options, pretty: bool) -> ExitCode {
    match convert(path, opts, pretty) {
        Ok(json) => write_stdout(format!("{json}\n").as_bytes()),
        Err(e) => {
            eprintln!("vanban: {e}");
            ExitCode::from(1)
        }
    }
}

/// Write to standard output and flush; a failure (a full disk, a closed pipe) is said on
/// standard error, exit status 1.
fn write_stdout(bytes: &[u8]) -> ExitCode {
    let mut out = std::io::stdout().lock();
    match out.write_all(bytes).and_then(|()| out.flush()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("vanban: cannot write to standard output: {e}");
            ExitCode::from(1)
        }
    }
}

/// Whether a file name ends in `.txt` or `.md`, in any case (`.TXT`, `.Md`).
fn is_text_file(p: &Path) -> bool {
    p.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case("txt") || e.eq_ignore_ascii_case("md"))
}

/// Every file below the inputs, with the path to mirror under the output folder. Folders are
/// walked without following links to folders (a link back up, `ln -s . self` or `ln -s ..`,
/// would never end); links to files are followed. What is neither a folder nor a regular file
/// (a FIFO, a device, a socket) is skipped with a warning, as is a folder that cannot be read.
fn collect(inputs: &[PathBuf]) -> Vec<(PathBuf, PathBuf)> {
    let mut out = Vec::new();
    for input in inputs {
        if input == Path::new("-") {
            // standard input: written as `stdin.json`
            out.push((input.clone(), PathBuf::from("stdin")));
        } else if input.is_dir() {
            let mut stack = vec![input.clone()];
            while let Some(d) = stack.pop() {
                let rd = match std::fs::read_dir(&d) {
                    Ok(rd) => rd,
                    Err(e) => {
                        eprintln!("vanban: {}: cannot read the folder: {e}", d.display());
                        continue;
                    }
                };
                let mut entries: Vec<PathBuf> =
                    rd.filter_map(|e| e.ok().map(|e| e.path())).collect();
                entries.sort();
                let mut folders = Vec::new();
                for p in entries {
                    let Ok(meta) = std::fs::symlink_metadata(&p) else {
                        continue;
                    };
                    let ft = meta.file_type();
                    if ft.is_dir() {
                        folders.push(p);
                    } else if ft.is_symlink() && p.is_dir() {
                        eprintln!("vanban: {}: a link to a folder, not followed", p.display());
                    } else if is_text_file(&p) {
                        // a link to a file is read; what is no regular file is skipped
                        if std::fs::metadata(&p).is_ok_and(|m| m.is_file()) {
                            let rel = p.strip_prefix(input).unwrap_or(&p).to_path_buf();
                            out.push((p, rel));
                        } else {
                            eprintln!("vanban: {}: not a regular file, skipped", p.display());
                        }
                    }
                }
                // in reverse, so that the stack pops them in order
                stack.extend(folders.into_iter().rev());
            }
        } else {
            let rel = PathBuf::from(input.file_name().unwrap_or(input.as_os_str()));
            out.push((input.clone(), rel));
        }
    }
    out
}

/// Output files that two inputs would both write (`a.txt` and `a.md` in one folder, or
/// `d1/b.txt` and `d2/b.txt` named on the command line): each clash once, with both inputs.
fn collisions(files: &[(PathBuf, PathBuf)]) -> Vec<(PathBuf, PathBuf, PathBuf)> {
    let mut seen: std::collections::HashMap<PathBuf, &PathBuf> = std::collections::HashMap::new();
    let mut out = Vec::new();
    for (src, rel) in files {
        let dest = rel.with_extension("json");
        match seen.get(&dest) {
            Some(first) => out.push(((*first).clone(), src.clone(), dest)),
            None => {
                seen.insert(dest, src);
            }
        }
    }
    out
}

/// Write `bytes` to `dest` atomically: into a temporary file in the same folder, then renamed
/// over the final name, so that a killed run never leaves a partial file under that name.
fn write_atomic(dest: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let dir = dest.parent().unwrap_or(Path::new("."));
    let name = dest.file_name().unwrap_or_default().to_string_lossy();
    let tmp = dir.join(format!(".{name}.{}.tmp", std::process::id()));
    let result = std::fs::File::create(&tmp)
        .and_then(|mut f| f.write_all(bytes).and_then(|()| f.sync_data()))
        .and_then(|()| std::fs::rename(&tmp, dest));
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result
}

/// Whether an earlier run's output can be kept: newer than its input (or as new), and a whole
/// JSON document (a run killed before atomic writes, or a file edited by hand, is not).
fn up_to_date(src: &Path, dest: &Path) -> bool {
    let modified = |p: &Path| std::fs::metadata(p).and_then(|m| m.modified()).ok();
    let (Some(s), Some(d)) = (modified(src), modified(dest)) else {
        return false;
    };
    d >= s
        && std::fs::read(dest)
            .is_ok_and(|b| serde_json::from_slice::<serde::de::IgnoredAny>(&b).is_ok())
}

fn batch(
    inputs: &[PathBuf],
    dir: &Path,
    opts: &vanban::Options,
    pretty: bool,
    skip_existing: bool,
) -> ExitCode {
    let files = collect(inputs);
    let clashes = collisions(&files);
    if !clashes.is_empty() {
        for (a, b, dest) in &clashes {
            eprintln!(
                "vanban: {} and {} would both be written to {}",
                a.display(),
                b.display(),
                dir.join(dest).display()
            );
        }
        eprintln!("vanban: nothing converted: rename the inputs or convert them apart");
        return ExitCode::from(1);
    }
    let (mut ok, mut failed, mut skipped) = (0usize, 0usize, 0usize);
    for (src, rel) in &files {
        let dest = dir.join(rel).with_extension("json");
        if skip_existing && src != Path::new("-") && up_to_date(src, &dest) {
            skipped += 1;
            continue;
        }
        let result = convert(src, opts, pretty).and_then(|json| {
            if let Some(parent) = dest.parent() {
                std::fs::create_dir_all(parent)
                    .map_err(|e| format!("{}: cannot create: {e}", parent.display()))?;
            }
            write_atomic(&dest, (json + "\n").as_bytes())
                .map_err(|e| format!("{}: cannot write: {e}", dest.display()))
        });
        match result {
            Ok(()) => ok += 1,
            Err(e) => {
                failed += 1;
                eprintln!("vanban: {e}");
                // an output left from an earlier run would now belie the input: removed
                if dest.exists() && std::fs::remove_file(&dest).is_ok() {
                    eprintln!("vanban: {}: removed (its input now fails)", dest.display());
                }
            }
        }
    }
    let kept = if skip_existing {
        format!(", {skipped} skipped")
    } else {
        String::new()
    };
    eprintln!(
        "vanban: {ok} converted{kept}, {failed} failed, {} files into {}",
        files.len(),
        dir.display()
    );
    if failed > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}
