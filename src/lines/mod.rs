//! Lines as extraction leaves them: splitting, cleaning, artefacts (rules, page numbers,
//! markdown and signing-software lines) and table cells (tabs, `|`, rules inside a row).

pub(crate) mod reflow;

use std::sync::LazyLock;

use regex::Regex;

use crate::ast::{ArtifactKind, Span};
use crate::viet::{clean, is_space};

/// One physical line of the (normalised) text.
#[derive(Debug, Clone)]
pub(crate) struct Line<'a> {
    /// 1-based line number.
    pub no: u32,
    /// Byte offset of the line in the text.
    pub start: usize,
    /// The line as it stands, without its line break.
    pub raw: &'a str,
    /// The line cleaned: markup removed, white space folded.
    pub text: String,
    /// A line kept out of the text, and why.
    pub artifact: Option<ArtifactKind>,
    /// A form feed stood at or before this line.
    pub page_break: bool,
    /// The physical line this line is part of (itself, unless a flattened line was cut by
    /// [`crate::reflow`]), and its byte offset.
    pub phys: &'a str,
    pub phys_start: usize,
    /// 1-based character column where this line (piece) starts in its physical line.
    pub col: u32,
}

impl Line<'_> {
    /// Blank or artefact: carries no text.
    pub fn is_void(&self) -> bool {
        self.text.is_empty() || self.artifact.is_some()
    }

    /// 1-based character column, in its physical line, where this line's text begins (after
    /// its leading white space).
    pub fn text_col(&self) -> u32 {
        let lead = self.raw.len() - self.raw.trim_start().len();
        self.col + self.raw[..lead].chars().count() as u32
    }

    pub fn span(&self) -> Span {
        Span {
            start: self.start,
            end: self.start + self.raw.len(),
            line_start: self.no,
            line_end: self.no,
        }
    }
}

/// A cell of a line: a piece between tabs, `|` or rules, cleaned, with its byte range.
#[derive(Debug, Clone)]
pub(crate) struct Cell {
    pub text: String,
    pub span: Span,
}

static RULE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^[\s_=~*.\-–—‒―•·oO0&]*$").expect("rule regex"));
static TABLE_RULE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\s*\|?(\s*:?-{2,}:?\s*\|)+\s*:?-*:?\s*$").expect("table rule"));
static PAGE_NO: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^[-–\s]*\d{1,3}[-–\s]*$").expect("page no"));
/// `2/5`, `1:1` alone on a line: a page of pages, whatever stands around it.
static PAGE_OF: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\d{1,3}\s*[/:]\s*\d{1,3}$").expect("page of"));
static SIGNING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(ký bởi|người ký|thời gian ký|ngày ký|chứng thư số)\s*:").expect("signing")
});
static CELL_SPLIT: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\t|\|| ?[-_=—–]{3,} ?|\s{2,}[-–—]{2,}").expect("cell split"));

/// Split text into lines (LF, CRLF, lone CR and form feed all end a line) and classify them.
pub(crate) fn split_lines(text: &str) -> Vec<Line<'_>> {
    let mut lines = Vec::with_capacity(text.len() / 60 + 1);
    let bytes = text.as_bytes();
    let mut start = 0usize;
    let mut no = 1u32;
    let mut page_break = false;
    let mut i = 0usize;
    while i < bytes.len() {
        let b = bytes[i];
        if b == b'\n' || b == b'\r' || b == 0x0C {
            push_line(&mut lines, no, start, &text[start..i], page_break);
            no += 1;
            page_break = b == 0x0C;
            if b == b'\r' && bytes.get(i + 1) == Some(&b'\n') {
                i += 1;
            }
            start = i + 1;
        }
        i += 1;
    }
    if start < bytes.len() {
        push_line(&mut lines, no, start, &text[start..], page_break);
    }
    mark_page_numbers(&mut lines);
    lines
}

/// Push one physical line, or the pieces of a flattened document line (see [`crate::reflow`]).
fn push_line<'a>(lines: &mut Vec<Line<'a>>, no: u32, start: usize, raw: &'a str, page_break: bool) {
    let cuts = crate::lines::reflow::cuts(raw);
    if cuts.is_empty() {
        lines.push(make_line(no, start, raw, page_break));
        return;
    }
    let mut last = 0;
    // the column of each piece, counted as the pieces go (linear in the line)
    let (mut counted, mut col) = (0usize, 1u32);
    let mut first = true;
    for c in cuts.into_iter().chain([raw.len()]) {
        let piece = &raw[last..c];
        let lead = piece.len() - piece.trim_start().len();
        let piece = piece.trim();
        if !piece.is_empty() {
            let at = last + lead;
            col += raw[counted..at].chars().count() as u32;
            counted = at;
            let mut l = make_line(no, start + at, piece, page_break && first);
            first = false;
            l.phys = raw;
            l.phys_start = start;
            l.col = col;
            lines.push(l);
        }
        last = c;
    }
}

fn make_line(no: u32, start: usize, raw: &str, page_break: bool) -> Line<'_> {
    let text = clean(raw);
    let trimmed = raw.trim_matches(is_space);
    let artifact = if trimmed.is_empty() {
        None
    } else if TABLE_RULE.is_match(trimmed)
        || text.is_empty()
        || text
            .chars()
            .all(|c| c == '|' || c == '+' || c.is_whitespace())
    {
        Some(ArtifactKind::Markup)
    } else if RULE.is_match(&text)
        && text.chars().filter(|c| !c.is_whitespace()).count() >= 1
        && !text.chars().all(|c| c.is_ascii_digit())
    {
        Some(ArtifactKind::Rule)
    } else if SIGNING.is_match(&text) {
        Some(ArtifactKind::SigningSoftware)
    } else if PAGE_OF.is_match(&text) {
        Some(ArtifactKind::PageNumber)
    } else {
        None
    };
    Line {
        no,
        start,
        raw,
        text,
        artifact,
        page_break,
        phys: raw,
        phys_start: start,
        col: 1,
    }
}

/// A lone number is a page number when it stands between blank lines or at a page break.
fn mark_page_numbers(lines: &mut [Line<'_>]) {
    for i in 0..lines.len() {
        if lines[i].artifact.is_some() || !PAGE_NO.is_match(&lines[i].text) {
            continue;
        }
        let prev_void = i == 0 || lines[i - 1].text.is_empty() || lines[i].page_break;
        let next_void =
            i + 1 >= lines.len() || lines[i + 1].text.is_empty() || lines[i + 1].page_break;
        if prev_void && next_void {
            lines[i].artifact = Some(ArtifactKind::PageNumber);
        }
    }
}

/// The cells of a line: split on tabs, `|` and rules inside the row, each cleaned.
pub(crate) fn cells(line: &Line<'_>) -> Vec<Cell> {
    let mut out = Vec::new();
    let raw = line.raw;
    let mut last = 0;
    let push = |a: usize, b: usize, out: &mut Vec<Cell>| {
        let t = clean(&raw[a..b]);
        if !t.is_empty() && !RULE.is_match(&t) {
            out.push(Cell {
                text: t,
                span: Span {
                    start: line.start + a,
                    end: line.start + b,
                    line_start: line.no,
                    line_end: line.no,
                },
            });
        }
    };
    for m in CELL_SPLIT.find_iter(raw) {
        push(last, m.start(), &mut out);
        last = m.end();
    }
    push(last, raw.len(), &mut out);
    // a label cut from its value by a tab (`Số:<TAB>/BC-UBND`) belongs with it
    let mut merged: Vec<Cell> = Vec::with_capacity(out.len());
    for c in out {
        match merged.last_mut() {
            Some(prev) if prev.text.ends_with(':') && prev.text.chars().count() <= 12 => {
                prev.text.push(' ');
                prev.text.push_str(&c.text);
                prev.span = prev.span.join(c.span);
            }
            _ => merged.push(c),
        }
    }
    merged
}

/// Cells of a closing-block line: the line's cells, each split again at wide gaps (four or more
/// spaces), since the Nơi nhận and signature columns often stand side by side with runs of
/// spaces between.
pub(crate) fn cells_at_gaps(line: &Line<'_>) -> Vec<Cell> {
    let mut out = Vec::new();
    for c in cells(line) {
        let raw = &line.raw[c.span.start - line.start..c.span.end - line.start];
        if !WIDE_GAP.is_match(raw.trim()) {
            out.push(c);
            continue;
        }
        let base = c.span.start;
        let mut last = 0;
        let push = |a: usize, b: usize, out: &mut Vec<Cell>| {
            let t = clean(&raw[a..b]);
            if !t.is_empty() {
                out.push(Cell {
                    text: t,
                    span: Span {
                        start: base + a,
                        end: base + b,
                        ..c.span
                    },
                });
            }
        };
        for m in WIDE_GAP.find_iter(raw) {
            push(last, m.start(), &mut out);
            last = m.end();
        }
        push(last, raw.len(), &mut out);
    }
    out
}

static WIDE_GAP: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"\s{4,}").expect("gap"));

/// A line's cells joined by one space (`| Kính gửi: | - Bộ Tài chính; |` → `Kính gửi: - Bộ …`).
pub(crate) fn flat(line: &Line<'_>) -> String {
    let cs = cells(line);
    if cs.is_empty() {
        return line.text.clone();
    }
    cs.iter()
        .map(|c| c.text.as_str())
        .collect::<Vec<_>>()
        .join(" ")
}

/// Walks the lines of a document: the next or previous line that carries text.
#[derive(Clone, Copy)]
pub(crate) struct Cursor<'l, 'a> {
    /// Every line of the document.
    pub lines: &'l [Line<'a>],
}

impl<'l, 'a> Cursor<'l, 'a> {
    pub(crate) fn new(lines: &'l [Line<'a>]) -> Self {
        Cursor { lines }
    }

    /// The first line at or after `from`, before `end`, that carries text.
    pub(crate) fn next_text(&self, from: usize, end: usize) -> Option<usize> {
        let end = end.min(self.lines.len());
        (from..end).find(|&k| !self.lines[k].is_void())
    }

    /// The last line before `before`, at or after `floor`, that carries text.
    pub(crate) fn prev_text(&self, floor: usize, before: usize) -> Option<usize> {
        (floor..before.min(self.lines.len()))
            .rev()
            .find(|&k| !self.lines[k].is_void())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_breaks_of_every_kind() {
        let ls = split_lines("a\r\nb\rc\x0Cd\n");
        let t: Vec<&str> = ls.iter().map(|l| l.raw).collect();
        assert_eq!(t, ["a", "b", "c", "d"]);
        assert!(ls[3].page_break);
    }

    #[test]
    fn artefacts() {
        let ls = split_lines("x\n_____\n\n2\n\n|---|---|\nKý bởi: Văn phòng\n-----o0o-----\n2/5\n");
        let kinds: Vec<_> = ls.iter().map(|l| l.artifact).collect();
        assert_eq!(kinds[1], Some(ArtifactKind::Rule));
        assert_eq!(kinds[3], Some(ArtifactKind::PageNumber));
        assert_eq!(kinds[5], Some(ArtifactKind::Markup));
        assert_eq!(kinds[6], Some(ArtifactKind::SigningSoftware));
        assert_eq!(kinds[7], Some(ArtifactKind::Rule));
        assert_eq!(kinds[8], Some(ArtifactKind::PageNumber));
    }

    #[test]
    fn numbers_inside_text_are_not_page_numbers() {
        let ls = split_lines("Tổng số\n12\nngười\n");
        assert!(ls[1].artifact.is_none());
    }

    #[test]
    fn cells_split_on_tabs_pipes_and_rules() {
        let ls = split_lines("| VĂN PHÒNG CHÍNH PHỦ ------- | CỘNG HÒA XÃ HỘI |\nA\t\tB");
        let c: Vec<String> = cells(&ls[0]).into_iter().map(|c| c.text).collect();
        assert_eq!(c, ["VĂN PHÒNG CHÍNH PHỦ", "CỘNG HÒA XÃ HỘI"]);
        let c: Vec<String> = cells(&ls[1]).into_iter().map(|c| c.text).collect();
        assert_eq!(c, ["A", "B"]);
    }
}
