//! `vanban` — convert Vietnamese administrative documents to JSON.

mod cli;

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand};

use cli::{read_input, say};

const EXIT_STATUS: &str = "Exit status:
  0  everything was converted (documents whose tree carries diagnostics included); for
     `stream`, every record was answered, errors included
  1  an input could not be read, decoded or written, or an output or a report could not be
     written (in a batch the other files are still converted); or two inputs would write the
     same output (then nothing is converted); for `check`, also a finding at least as
     serious as --fail-on
  2  a usage error (an unknown flag, no input, several inputs without --out or --jsonl)";

#[derive(Parser)]
#[command(
    name = "vanban",
    version,
    about = "Parse Vietnamese administrative documents (văn bản hành chính) into JSON",
    after_help = EXIT_STATUS
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Parse one file (or `-` for standard input) and print its JSON; with --out or --jsonl,
    /// convert many files or folders on several threads.
    Parse {
        /// Files or folders (folders are walked for `.txt`, `.md`, `.doc`, `.docx` and `.pdf`
        /// files, in any case; a file is read by its content, never its name); `-`
        /// reads standard input.
        #[arg(required = true)]
        inputs: Vec<PathBuf>,
        /// Write one JSON file per input into this folder, mirroring their relative paths.
        #[arg(long, short)]
        out: Option<PathBuf>,
        /// Write one JSON line per input to this file (`-`: standard output):
        /// {"path", "status", "error", "diagnostics": {"error", "warning", "info"}, "document"}.
        #[arg(long, value_name = "FILE")]
        jsonl: Option<PathBuf>,
        /// With --out: write the same lines without "document" to this file (`-`: standard
        /// output), a status table of the batch.
        #[arg(long, value_name = "FILE", requires = "out")]
        manifest: Option<PathBuf>,
        /// Indent the JSON (the files of --out; JSON lines stay on one line).
        #[arg(long)]
        pretty: bool,
        /// Show the document's diagnostics on standard error as snippets of its lines (one
        /// file; a batch's diagnostics are counted in its JSON lines).
        #[arg(long)]
        show_diagnostics: bool,
        /// Leave the spans out (every `span`, `*_span`, `*_spans`; `end_mark` written `true`):
        /// the document's structure alone, for snapshot tests that a character added on line 1
        /// should not break.
        #[arg(long)]
        no_spans: bool,
        /// Do not join lines that continue a paragraph across blank lines and page breaks.
        #[arg(long)]
        no_join: bool,
        /// With --out: keep an output that is at least as new as its input and valid JSON
        /// (resume a batch that was stopped); the summary says how many were kept.
        #[arg(long, requires = "out")]
        skip_existing: bool,
        /// Threads converting at once (default: the cores this process may use).
        #[arg(long, short, value_name = "N", value_parser = clap::value_parser!(u16).range(1..=1024))]
        jobs: Option<u16>,
        /// No progress bar and no warnings on standard error (errors and the summary remain).
        #[arg(long, short)]
        quiet: bool,
    },
    /// Convert JSONL records read on standard input, {"id", "text"|"path"|"bytes_b64"}, into
    /// one JSONL result each, {"id", "status", "error", "diagnostics", "document"}, in input
    /// order and flushed as they go: the pipe step for Spark, Beam or Ray. A bad record gives
    /// an error result, never a stop.
    Stream {
        /// Threads converting at once (default: the cores this process may use; a cluster
        /// engine that runs one process per core wants 1).
        #[arg(long, short, value_name = "N", value_parser = clap::value_parser!(u16).range(1..=1024))]
        jobs: Option<u16>,
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
    /// Render one document (or `-`) for people: `text`, canonical plain text in the Nghị định
    /// 30 layout (two-column cells separated by tabs; parsing it again gives the same pinned
    /// fields); `markdown`; `html`, a self-contained page with the header, the body outline
    /// with anchors, recipients, signature and the diagnostics beside the lines they concern.
    Render {
        /// The file, or `-` for standard input.
        input: PathBuf,
        /// What to write.
        #[arg(long, value_parser = ["text", "markdown", "html"], default_value = "text")]
        to: String,
        /// Do not join lines that continue a paragraph across blank lines and page breaks.
        #[arg(long)]
        no_join: bool,
    },
    /// List the assignments (`/tasks`) of documents, sorted by deadline (a dated one by its
    /// day, `trong năm 2025` by the last day of the period, the undated last): deadline,
    /// document number, block, lead, partners, action. For following up decisions across a
    /// folder.
    Tasks {
        /// Files or folders (walked as `parse` walks them); `-` reads standard input.
        #[arg(required = true)]
        inputs: Vec<PathBuf>,
        /// `table`: aligned columns for the terminal; `csv`: RFC 4180 with a header row, for a
        /// spreadsheet (path, document, issued, block, lead, cooperating, deadline,
        /// deadline_date, action, line); `json`: one object per line.
        #[arg(long, value_parser = ["table", "csv", "json"], default_value = "table")]
        format: String,
        /// Do not join lines that continue a paragraph across blank lines and page breaks.
        #[arg(long)]
        no_join: bool,
    },
    /// Print the JSON Schema (draft 2020-12) of the JSON that `parse` writes, generated from
    /// the tree's types; `src/schema.json` is this output as published.
    Schema,
    /// Check documents against the layout rules of Nghị định 30/2020/NĐ-CP (Quốc hiệu and
    /// Tiêu ngữ, issuer, number and symbol, place and date, tên loại and trích yếu, quyền hạn
    /// ký, Nơi nhận with Lưu: VT, the ./. end mark, the order of the components): each
    /// finding with its code (nd30-…), the line, the decree's reference and a hint.
    Check {
        /// Files or folders (walked as `parse` walks them); `-` reads standard input.
        #[arg(required = true)]
        inputs: Vec<PathBuf>,
        /// `text`: snippets of the document, for people; `json`: one line per file,
        /// {"path", "findings": [{"code", "severity", "line", "span", "message", "rule",
        /// "hint"}]}.
        #[arg(long, value_parser = ["text", "json"], default_value = "text")]
        format: String,
        /// Exit with status 1 when a finding is at least this serious.
        #[arg(long, value_parser = ["error", "warning", "info"])]
        fail_on: Option<String>,
        /// Show the parser's diagnostics too (`--fail-on` counts them).
        #[arg(long)]
        show_diagnostics: bool,
        /// Do not join lines that continue a paragraph across blank lines and page breaks.
        #[arg(long)]
        no_join: bool,
    },
}

/// Panics inside the crates of the PDF reader are caught by `vanban::pdf::read`, which makes
/// them a typed error (`the PDF is damaged or cannot be read`, said once on standard error);
/// their default message (`thread 'main' panicked at …/adobe-cmap-parser-0.4.1/src/lib.rs`)
/// would only add noise to a batch's standard error. Any other panic is printed as usual.
fn quiet_pdf_reader_panics() {
    const READER: &[&str] = &[
        "pdf-extract-",
        "lopdf-",
        "adobe-cmap-parser-",
        "type1-encoding-parser-",
        "postscript-",
    ];
    let default = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let in_reader = info
            .location()
            .is_some_and(|l| READER.iter().any(|c| l.file().contains(c)));
        if !in_reader {
            default(info);
        }
    }));
}

/// Whether two paths name the same file: the same words, or the same file once resolved.
fn same_file(a: &Path, b: &Path) -> bool {
    // a file not made yet is resolved through its folder
    let resolve = |p: &Path| {
        std::fs::canonicalize(p).ok().or_else(|| {
            let dir = match p.parent() {
                Some(d) if !d.as_os_str().is_empty() => d,
                _ => Path::new("."),
            };
            Some(std::fs::canonicalize(dir).ok()?.join(p.file_name()?))
        })
    };
    a == b || matches!((resolve(a), resolve(b)), (Some(x), Some(y)) if x == y)
}

fn options(no_join: bool) -> vanban::Options {
    let mut opts = vanban::Options::default();
    opts.join_continuations = !no_join;
    opts
}

fn jobs(n: Option<u16>) -> usize {
    n.map_or_else(cli::pool::default_jobs, usize::from)
}

fn main() -> ExitCode {
    quiet_pdf_reader_panics();
    let cli = Cli::parse();
    match cli.command {
        Command::Parse {
            inputs,
            out,
            jsonl,
            manifest,
            pretty,
            show_diagnostics,
            no_spans,
            no_join,
            skip_existing,
            jobs: n,
            quiet,
        } => {
            let opts = options(no_join);
            if out.is_none() && jsonl.is_none() {
                if inputs.len() == 1 && !inputs[0].is_dir() {
                    return single(&inputs[0], &opts, pretty, !no_spans, show_diagnostics);
                }
                say("several inputs or a folder need --out DIR or --jsonl FILE");
                return ExitCode::from(2);
            }
            if let (Some(j), Some(m)) = (&jsonl, &manifest)
                && same_file(j, m)
            {
                say("--jsonl and --manifest cannot be written to the same place");
                return ExitCode::from(2);
            }
            if inputs.iter().filter(|p| *p == Path::new("-")).count() > 1 {
                say("standard input (-) can be read only once");
                return ExitCode::from(2);
            }
            let batch = cli::batch::Batch {
                out,
                jsonl,
                manifest,
                pretty,
                spans: !no_spans,
                skip_existing,
                jobs: jobs(n),
                quiet,
            };
            cli::batch::run(&inputs, &batch, &opts)
        }
        Command::Stream { jobs: n, no_join } => cli::stream::run(jobs(n), &options(no_join)),
        Command::Decode { input, quiet } => decode(&input, quiet),
        Command::Render { input, to, no_join } => {
            let format = match to.as_str() {
                "markdown" => vanban::render::Format::Markdown,
                "html" => vanban::render::Format::Html,
                _ => vanban::render::Format::Text,
            };
            render(&input, format, &options(no_join))
        }
        Command::Tasks {
            inputs,
            format,
            no_join,
        } => {
            let format = match format.as_str() {
                "csv" => cli::tasks::Format::Csv,
                "json" => cli::tasks::Format::Json,
                _ => cli::tasks::Format::Table,
            };
            cli::tasks::run(&inputs, format, &options(no_join))
        }
        Command::Schema => {
            let schema = serde_json::to_string_pretty(&vanban::json_schema())
                .expect("a schema always serialises");
            write_stdout(format!("{schema}\n").as_bytes())
        }
        Command::Check {
            inputs,
            format,
            fail_on,
            show_diagnostics,
            no_join,
        } => {
            let check = cli::check::Check {
                format: if format == "json" {
                    cli::check::Format::Json
                } else {
                    cli::check::Format::Text
                },
                fail_on: fail_on.map(|f| match f.as_str() {
                    "error" => vanban::Severity::Error,
                    "warning" => vanban::Severity::Warning,
                    _ => vanban::Severity::Info,
                }),
                diagnostics: show_diagnostics,
            };
            cli::check::run(&inputs, &check, &options(no_join))
        }
    }
}

/// Parse one input and write it rendered in `format` on standard output; an input that cannot
/// be read or decoded is a one-line error and exit status 1, as for `parse`.
fn render(path: &Path, format: vanban::render::Format, opts: &vanban::Options) -> ExitCode {
    let bytes = match read_input(path) {
        Ok(b) => b,
        Err(e) => {
            say(&format!("{}: cannot read: {e}", path.display()));
            return ExitCode::from(1);
        }
    };
    match vanban::parse_vec(bytes, opts) {
        Ok(parsed) => write_stdout(vanban::render::render(&parsed, format).as_bytes()),
        Err(e) => {
            say(&format!("{}: {e}", path.display()));
            ExitCode::from(1)
        }
    }
}

fn decode(path: &Path, quiet: bool) -> ExitCode {
    let bytes = match read_input(path) {
        Ok(b) => b,
        Err(e) => {
            say(&format!("{}: cannot read: {e}", path.display()));
            return ExitCode::from(1);
        }
    };
    match vanban::decode(&bytes) {
        Ok(d) => {
            let r = vanban::repair::repair_decoded(&d.text, d.encoding, d.legacy());
            if !quiet {
                say(&format!("{}: read as {}", path.display(), d.encoding));
                for dmg in &d.damaged {
                    say(&format!(
                        "{}:{}:{}: damaged bytes read as U+FFFD",
                        path.display(),
                        dmg.line,
                        dmg.column
                    ));
                }
                for rep in &r.repairs {
                    say(&format!("{}: {}", path.display(), rep.message()));
                }
            }
            write_stdout(r.text.as_bytes())
        }
        Err(e) => {
            say(&format!("{}: {e}", path.display()));
            ExitCode::from(1)
        }
    }
}

/// Parse one input and write its JSON straight to standard output through a buffer: the JSON
/// of a 20 MB document is 34 MB, and building it as a string first (and again with its line
/// end) held two copies of it beside the tree.
fn single(
    path: &Path,
    opts: &vanban::Options,
    pretty: bool,
    spans: bool,
    show_diagnostics: bool,
) -> ExitCode {
    let parsed = match read_input(path) {
        Err(e) => Err(format!("{}: cannot read: {e}", path.display())),
        // the diagnostics are shown on the text the parser saw: the bytes are kept for it
        Ok(bytes) if show_diagnostics => vanban::parse_bytes(&bytes, opts)
            .inspect(|p| cli::check::show_diagnostics(path, &bytes, p))
            .map_err(|e| format!("{}: {e}", path.display())),
        // (the bytes are freed as soon as the repaired text no longer needs them: the tree
        // owns its text)
        Ok(bytes) => vanban::parse_vec(bytes, opts).map_err(|e| format!("{}: {e}", path.display())),
    };
    let parsed = match parsed {
        Ok(p) => p,
        Err(e) => {
            say(&e);
            return ExitCode::from(1);
        }
    };
    let mut out = std::io::BufWriter::with_capacity(1 << 16, std::io::stdout().lock());
    let written = if spans {
        vanban::to_writer(&mut out, &parsed, pretty)
    } else if pretty {
        out.write_all(vanban::to_json_outline_pretty(&parsed).as_bytes())
    } else {
        out.write_all(vanban::to_json_outline(&parsed).as_bytes())
    };
    let written = written
        .and_then(|()| out.write_all(b"\n"))
        .and_then(|()| out.flush());
    match written {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            say(&format!("cannot write to standard output: {e}"));
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
            say(&format!("cannot write to standard output: {e}"));
            ExitCode::from(1)
        }
    }
}
