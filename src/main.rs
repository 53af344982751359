//! `vanban` — convert Vietnamese administrative documents to JSON.

use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand};

#[derive(Parser)]
#[command(
    name = "vanban",
    version,
    about = "Parse Vietnamese administrative documents (văn bản hành chính) into JSON"
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
                Some(dir) => batch(&inputs, &dir, &opts, pretty),
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
            let mut out = std::io::stdout().lock();
            if out.write_all(r.text.as_bytes()).is_err() {
                return ExitCode::from(1);
            }
            ExitCode::SUCCESS
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
        Ok(json) => {
            let mut out = std::io::stdout().lock();
            if writeln!(out, "{json}").is_err() {
                return ExitCode::from(1);
            }
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("vanban: {e}");
            ExitCode::from(1)
        }
    }
}

/// Every file below the inputs, with the path to mirror under the output folder.
fn collect(inputs: &[PathBuf]) -> Vec<(PathBuf, PathBuf)> {
    let mut out = Vec::new();
    for input in inputs {
        if input.is_dir() {
            let mut stack = vec![input.clone()];
            while let Some(d) = stack.pop() {
                let Ok(rd) = std::fs::read_dir(&d) else {
                    out.push((d.clone(), d.clone()));
                    continue;
                };
                let mut entries: Vec<PathBuf> =
                    rd.filter_map(|e| e.ok().map(|e| e.path())).collect();
                entries.sort();
                for p in entries {
                    if p.is_dir() {
                        stack.push(p);
                    } else if p.extension().is_some_and(|e| e == "txt" || e == "md") {
                        let rel = p.strip_prefix(input).unwrap_or(&p).to_path_buf();
                        out.push((p, rel));
                    }
                }
            }
        } else {
            let rel = PathBuf::from(input.file_name().unwrap_or(input.as_os_str()));
            out.push((input.clone(), rel));
        }
    }
    out
}

fn batch(inputs: &[PathBuf], dir: &Path, opts: &vanban::Options, pretty: bool) -> ExitCode {
    let files = collect(inputs);
    let (mut ok, mut failed) = (0usize, 0usize);
    for (src, rel) in &files {
        let dest = dir.join(rel).with_extension("json");
        let result = convert(src, opts, pretty).and_then(|json| {
            if let Some(parent) = dest.parent() {
                std::fs::create_dir_all(parent)
                    .map_err(|e| format!("{}: cannot create: {e}", parent.display()))?;
            }
            std::fs::write(&dest, json + "\n")
                .map_err(|e| format!("{}: cannot write: {e}", dest.display()))
        });
        match result {
            Ok(()) => ok += 1,
            Err(e) => {
                failed += 1;
                eprintln!("vanban: {e}");
            }
        }
    }
    println!(
        "vanban: {ok} converted, {failed} failed, {} files into {}",
        files.len(),
        dir.display()
    );
    if failed > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}
