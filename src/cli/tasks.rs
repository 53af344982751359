//! `vanban tasks`: a follow-up list of the assignments of many documents (`/tasks` of each),
//! sorted by deadline, as a table for the terminal, CSV for a spreadsheet, or JSON lines.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use serde_json::json;
use vanban::ast::Task;

use super::{read_sorted, say};

/// How the list is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Aligned columns, the action cut short.
    Table,
    /// RFC 4180 CSV with a header row, every field whole.
    Csv,
    /// One JSON object per line.
    Json,
}

/// One assignment with the document it is in.
struct Row {
    path: String,
    /// `123/TB-UBND`, or empty for a document without a number.
    document: String,
    /// The document's date (ISO).
    issued: Option<String>,
    task: Task,
    /// The day the deadline falls on, or the last day of the period it names: the sort key.
    due: Option<(u16, u8, u8)>,
}

/// List the tasks of every file of `inputs` (folders walked as `vanban parse` walks them).
/// Exit status 1 when a file cannot be read or decoded (the others are listed), else 0.
pub fn run(inputs: &[PathBuf], format: Format, opts: &vanban::Options) -> ExitCode {
    let mut failed = false;
    let mut rows = Vec::new();
    for item in read_sorted(inputs) {
        let Ok((path, bytes)) = item else {
            failed = true;
            continue;
        };
        let parsed = match vanban::parse_vec(bytes, opts) {
            Ok(p) => p,
            Err(e) => {
                say(&format!("{}: {e}", path.display()));
                failed = true;
                continue;
            }
        };
        rows.extend(rows_of(&path, parsed.document));
    }
    // by deadline, the undated last; a stable sort keeps each document's order otherwise
    rows.sort_by_key(|r| (r.due.is_none(), r.due));
    let written = match format {
        Format::Table => table(&rows),
        Format::Csv => csv(&rows),
        Format::Json => rows
            .iter()
            .map(|r| {
                json!({
                    "path": r.path,
                    "document": r.document,
                    "issued": r.issued,
                    "block": r.task.block,
                    "lead": r.task.lead,
                    "cooperating": r.task.cooperating,
                    "deadline": r.task.deadline,
                    "action": r.task.action,
                    "span": r.task.span,
                })
                .to_string()
                    + "\n"
            })
            .collect(),
    };
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    if let Err(e) = out.write_all(written.as_bytes()).and_then(|()| out.flush()) {
        say(&format!("cannot write to standard output: {e}"));
        return ExitCode::from(1);
    }
    if failed {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

fn rows_of(path: &Path, doc: vanban::Document) -> Vec<Row> {
    let document = doc
        .number
        .as_ref()
        .map(|n| match (&n.number, &n.symbol) {
            (Some(num), Some(sym)) => format!("{num}/{sym}"),
            (None, Some(sym)) => format!("/{sym}"),
            _ => n.raw.clone(),
        })
        .unwrap_or_default();
    let issued = doc.place_date.as_ref().and_then(|p| p.date.clone());
    doc.tasks
        .into_iter()
        .map(|task| Row {
            path: path.display().to_string(),
            document: document.clone(),
            issued: issued.clone(),
            due: task.deadline.as_ref().and_then(due),
            task,
        })
        .collect()
}

/// The day a deadline falls on: its date, or the last day of the year, quarter or month it
/// names (`trong năm 2025`, `trong quý III/2024`, `trong tháng 9/2024`).
fn due(d: &vanban::ast::Deadline) -> Option<(u16, u8, u8)> {
    if let Some(iso) = &d.date {
        let mut it = iso.split('-').map(|p| p.parse::<u16>().ok());
        let (y, m, dd) = (it.next()??, it.next()??, it.next()??);
        return Some((y, m as u8, dd as u8));
    }
    let t = &d.text;
    let number_after = |w: &str| {
        let at = t.find(w)? + w.len();
        let s = &t[at..];
        let n: String = s
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect();
        let rest = &s[n.len()..];
        let year: Option<u16> = rest
            .strip_prefix('/')
            .and_then(|r| r.get(..4))
            .and_then(|y| y.parse().ok());
        Some((n, year))
    };
    let last_day = |y: u16, m: u8| match m {
        2 if (y.is_multiple_of(4) && !y.is_multiple_of(100)) || y.is_multiple_of(400) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    };
    if let Some((n, _)) = number_after("năm ")
        && let Ok(y) = n.parse::<u16>()
    {
        return Some((y, 12, 31));
    }
    if let Some((q, Some(y))) = number_after("quý ").or_else(|| number_after("Quý ")) {
        let m = match q.as_str() {
            "I" | "1" => 3,
            "II" | "2" => 6,
            "III" | "3" => 9,
            _ => 12,
        };
        return Some((y, m, last_day(y, m)));
    }
    if let Some((m, Some(y))) = number_after("tháng ")
        && let Ok(m) = m.parse::<u8>()
        && (1..=12).contains(&m)
    {
        return Some((y, m, last_day(y, m)));
    }
    None
}

/// The deadline as a cell: its date, else its text.
fn deadline_cell(t: &Task) -> String {
    t.deadline
        .as_ref()
        .map(|d| d.date.clone().unwrap_or_else(|| d.text.clone()))
        .unwrap_or_default()
}

/// Aligned columns: DEADLINE, DOCUMENT, BLOCK, LEAD, PARTNERS, ACTION (cut at 60 characters).
fn table(rows: &[Row]) -> String {
    const HEAD: [&str; 6] = [
        "DEADLINE", "DOCUMENT", "BLOCK", "LEAD", "PARTNERS", "ACTION",
    ];
    let cells: Vec<[String; 6]> = rows
        .iter()
        .map(|r| {
            let action: String = r.task.action.chars().take(60).collect();
            let more = if action.len() < r.task.action.len() {
                "…"
            } else {
                ""
            };
            [
                deadline_cell(&r.task),
                if r.document.is_empty() {
                    r.path.clone()
                } else {
                    r.document.clone()
                },
                r.task.block.clone().unwrap_or_default(),
                r.task.lead.join("; "),
                r.task.cooperating.join("; "),
                format!("{action}{more}"),
            ]
        })
        .collect();
    let width = |k: usize| {
        cells
            .iter()
            .map(|c| c[k].chars().count())
            .chain([HEAD[k].len()])
            .max()
            .unwrap_or(0)
            .min(40)
    };
    let widths: Vec<usize> = (0..6).map(width).collect();
    let mut out = String::new();
    let mut line = |cols: &[String]| {
        for (k, c) in cols.iter().enumerate() {
            if k + 1 == cols.len() {
                out.push_str(c);
            } else {
                let shown: String = c.chars().take(widths[k]).collect();
                out.push_str(&shown);
                out.push_str(&" ".repeat(widths[k] - shown.chars().count() + 2));
            }
        }
        let keep = out.trim_end_matches(' ').len();
        out.truncate(keep);
        out.push('\n');
    };
    line(&HEAD.map(str::to_string));
    for c in &cells {
        line(c);
    }
    out.push_str(&format!("{} task(s)\n", rows.len()));
    out
}

/// RFC 4180: a header row, then a row per task; a field with a comma, a quote or a line break
/// is quoted, its quotes doubled.
fn csv(rows: &[Row]) -> String {
    fn field(s: &str) -> String {
        if s.contains([',', '"', '\n', '\r']) {
            format!("\"{}\"", s.replace('"', "\"\""))
        } else {
            s.to_string()
        }
    }
    let mut out = String::from(
        "path,document,issued,block,lead,cooperating,deadline,deadline_date,action,line\r\n",
    );
    for r in rows {
        let d = r.task.deadline.as_ref();
        let cells = [
            r.path.clone(),
            r.document.clone(),
            r.issued.clone().unwrap_or_default(),
            r.task.block.clone().unwrap_or_default(),
            r.task.lead.join("; "),
            r.task.cooperating.join("; "),
            d.map(|d| d.text.clone()).unwrap_or_default(),
            d.and_then(|d| d.date.clone()).unwrap_or_default(),
            r.task.action.clone(),
            r.task.span.line_start.to_string(),
        ];
        let row: Vec<String> = cells.iter().map(|c| field(c)).collect();
        out.push_str(&row.join(","));
        out.push_str("\r\n");
    }
    out
}
