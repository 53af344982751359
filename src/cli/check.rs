//! `vanban check`: each document's findings against Nghị định 30/2020/NĐ-CP
//! ([`vanban::conformance`]), shown as snippets of the document (the line, a caret under what
//! the finding concerns, the decree's reference and a hint) or as JSON lines; and the parser's
//! diagnostics shown the same way (`--show-diagnostics`, also on `vanban parse`).

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use annotate_snippets::{Level, Renderer, Snippet};
use serde_json::json;
use vanban::ast::Span;
use vanban::conformance::{self, Finding};
use vanban::diagnostic::{Diagnostic, Severity};

use super::{read_sorted, say};

/// How findings are written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Snippets of the document, for people.
    Text,
    /// One JSON line per file: `{"path", "findings": [{code, severity, line, span, message,
    /// rule, hint}], "diagnostics"}`.
    Json,
}

/// What `vanban check` is asked to do.
pub struct Check {
    /// How to write the findings.
    pub format: Format,
    /// Exit with 1 when a finding (or a shown diagnostic) is at least this serious.
    pub fail_on: Option<Severity>,
    /// Show the parser's diagnostics too.
    pub diagnostics: bool,
}

/// Check every file of `inputs` (folders walked as `vanban parse` walks them). Exit status: 1
/// when a file cannot be read or decoded, or when `fail_on` is met; else 0.
pub fn run(inputs: &[PathBuf], c: &Check, opts: &vanban::Options) -> ExitCode {
    let mut failed = false;
    let mut met = false;
    let (mut files, mut counts) = (0usize, [0usize; 3]);
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    for item in read_sorted(inputs) {
        let Ok((path, bytes)) = item else {
            failed = true;
            continue;
        };
        let (text, parsed) = match vanban::decode_and_repair(&bytes)
            .and_then(|(text, ..)| Ok((text, vanban::parse_bytes(&bytes, opts)?)))
        {
            Ok(x) => x,
            Err(e) => {
                say(&format!("{}: {e}", path.display()));
                failed = true;
                continue;
            }
        };
        files += 1;
        let findings = conformance::check(&parsed);
        let diagnostics: &[Diagnostic] = if c.diagnostics {
            parsed.diagnostics()
        } else {
            &[]
        };
        let severities = findings
            .iter()
            .map(|f| f.severity)
            .chain(diagnostics.iter().map(|d| d.severity));
        for s in severities {
            counts[s as usize] += 1;
            met |= c.fail_on.is_some_and(|at| s >= at);
        }
        let written = match c.format {
            Format::Json => {
                let mut record = json!({
                    "path": path.display().to_string(),
                    "findings": findings,
                });
                if c.diagnostics {
                    record["diagnostics"] = json!(diagnostics);
                }
                writeln!(out, "{record}")
            }
            Format::Text => {
                let name = path.display().to_string();
                let mut s = String::new();
                for d in diagnostics {
                    s.push_str(&diagnostic(&name, &text, d));
                    s.push_str("\n\n");
                }
                for f in &findings {
                    s.push_str(&finding(&name, &text, f));
                    s.push_str("\n\n");
                }
                out.write_all(s.as_bytes())
            }
        };
        if let Err(e) = written {
            say(&format!("cannot write to standard output: {e}"));
            return ExitCode::from(1);
        }
    }
    if c.format == Format::Text {
        let _ = writeln!(
            out,
            "{files} file(s) checked: {} error(s), {} warning(s), {} info",
            counts[Severity::Error as usize],
            counts[Severity::Warning as usize],
            counts[Severity::Info as usize],
        );
    }
    if let Err(e) = out.flush() {
        say(&format!("cannot write to standard output: {e}"));
        return ExitCode::from(1);
    }
    if failed || met {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

/// The annotate-snippets level of a severity.
fn level(s: Severity) -> Level {
    match s {
        Severity::Error => Level::Error,
        Severity::Warning => Level::Warning,
        _ => Level::Info,
    }
}

/// Line `no` (1-based) of `text` as the parser counts lines, with the byte offset it starts at.
fn line_of(text: &str, no: u32) -> Option<(usize, &str)> {
    vanban::physical_lines(text).nth(no.checked_sub(1)? as usize)
}

/// What a snippet marks on its line.
#[derive(Clone, Copy)]
enum Mark {
    /// A component: its span.
    Span(Span),
    /// A missing component: the line where it belongs.
    Missing,
    /// A diagnostic: from its 1-based character column on.
    Column(Option<u32>),
}

/// A snippet: `title` at `line` of `text`, then the notes.
#[allow(clippy::too_many_arguments)]
fn snippet(
    path: &str,
    text: &str,
    severity: Severity,
    code: &str,
    title: &str,
    line: Option<u32>,
    mark: Mark,
    notes: &[(Level, String)],
) -> String {
    let span = match mark {
        Mark::Span(s) => Some(s),
        _ => None,
    };
    let lv = level(severity);
    // (the line as shown outlives the message that borrows it)
    let shown: String;
    let mut message = lv.title(title).id(code);
    if let Some((start, source)) = line.and_then(|l| line_of(text, l)) {
        let trimmed = source.trim_end();
        let range = span
            .filter(|s| s.start >= start && s.start < start + trimmed.len().max(1))
            .map(|s| {
                s.start - start..(s.end.min(start + trimmed.len()) - start).max(s.start - start)
            })
            .unwrap_or_else(|| {
                let lead = match mark {
                    Mark::Column(Some(col)) => trimmed
                        .char_indices()
                        .nth(col.saturating_sub(1) as usize)
                        .map_or(trimmed.len(), |(i, _)| i),
                    _ => trimmed.len() - trimmed.trim_start().len(),
                };
                lead..trimmed.len()
            });
        let range = if range.is_empty() && !trimmed.is_empty() {
            range.start..trimmed.len()
        } else {
            range
        };
        // a component that is there is marked; for a missing one, the line where it belongs
        // tabs (the cells of a row) shown as four spaces, the marked range moved with them
        shown = trimmed.replace('\t', "    ");
        let moved = |at: usize| at + 3 * trimmed[..at].matches('\t').count();
        let range = moved(range.start)..moved(range.end);
        let annotation = match mark {
            Mark::Missing => Level::Note.span(range).label("expected around here"),
            _ => lv.span(range),
        };
        message = message.snippet(
            Snippet::source(&shown)
                .line_start(line.unwrap_or(1) as usize)
                .origin(path)
                .annotation(annotation),
        );
    }
    for (l, note) in notes {
        message = message.footer(l.title(note));
    }
    Renderer::plain().render(message).to_string()
}

/// A finding as a snippet, with the decree's reference and the hint.
pub fn finding(path: &str, text: &str, f: &Finding) -> String {
    snippet(
        path,
        text,
        f.severity,
        f.rule.code(),
        &f.message,
        f.line,
        f.span.map_or(Mark::Missing, Mark::Span),
        &[
            (Level::Note, format!("rule: {}", f.reference)),
            (Level::Help, f.hint.clone()),
        ],
    )
}

/// A parse diagnostic as a snippet.
pub fn diagnostic(path: &str, text: &str, d: &Diagnostic) -> String {
    snippet(
        path,
        text,
        d.severity,
        d.code.as_str(),
        &d.message,
        d.line,
        Mark::Column(d.column),
        &[],
    )
}

/// Show a document's parse diagnostics on standard error (`vanban parse --show-diagnostics`).
pub fn show_diagnostics(path: &Path, bytes: &[u8], parsed: &vanban::Parsed) {
    let Ok((text, ..)) = vanban::decode_and_repair(bytes) else {
        return;
    };
    let name = path.display().to_string();
    let mut s = String::new();
    for d in parsed.diagnostics() {
        s.push_str(&diagnostic(&name, &text, d));
        s.push_str("\n\n");
    }
    let _ = std::io::stderr().lock().write_all(s.as_bytes());
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_as_the_parser_counts_them() {
        let t = "a\r\nb\rc\x0Cd\n\ne";
        let lines: Vec<_> = (1..=7).map(|n| line_of(t, n).map(|l| l.1)).collect();
        assert_eq!(
            lines,
            [
                Some("a"),
                Some("b"),
                Some("c"),
                Some("d"),
                Some(""),
                Some("e"),
                None
            ]
        );
        assert_eq!(line_of(t, 2), Some((3, "b")));
    }
}
