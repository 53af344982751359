//! Lines as extraction leaves them: splitting, cleaning, artefacts (rules, page numbers,
//! markdown and signing-software lines) and table cells (tabs, `|`, rules inside a row).

mod artefacts;
mod cells;
pub(crate) mod reflow;

pub(crate) use cells::{Cell, cells, cells_at_gaps, flat};

use crate::ast::kind::DocKind;
use crate::ast::{ArtifactKind, BlockKind, Span};
use crate::cues::marker::{Marker, marker};
use crate::viet::{clean_borrowed, is_space};

/// One physical line of the (normalised) text.
#[derive(Debug, Clone)]
pub(crate) struct Line<'a> {
    /// 1-based line number.
    pub no: u32,
    /// Byte offset of the line in the text.
    pub start: usize,
    /// The line as it stands, without its line break.
    pub raw: &'a str,
    /// The line cleaned: markup removed, white space folded. Borrowed from `raw` when
    /// cleaning changes nothing but the ends, as for most lines.
    pub text: std::borrow::Cow<'a, str>,
    /// A line kept out of the text, and why.
    pub artifact: Option<ArtifactKind>,
    /// A form feed stood at or before this line.
    pub page_break: bool,
    /// The physical line this line is part of (itself, unless a flattened line was cut by
    /// [`crate::reflow`]): its byte offset and length (a length, not a `&str`: lines are many).
    pub phys_start: usize,
    pub phys_len: usize,
    /// 1-based character column where this line (piece) starts in its physical line.
    pub col: u32,
    /// The line's cells, split on first asking ([`cells`]) (a boxed slice: 8 bytes less than a
    /// `Vec` on every line).
    cells: std::cell::OnceCell<Box<[Cell]>>,
    /// The body marker the line opens with, read on first asking ([`Line::marker`]). Boxed:
    /// few lines open with one, and a `Marker` in place made every line 56 bytes larger (a
    /// 200 MB text has two million lines).
    marker: std::cell::OnceCell<Option<Box<Marker>>>,
    /// The tên loại the line is, read on first asking ([`Line::doc_kind`]). Boxed, as the
    /// marker is: few lines are one, and a `DocKind` in place is 8 bytes more on every line.
    doc_kind: std::cell::OnceCell<Option<Box<DocKind>>>,
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

    /// The body marker the line opens with (`Điều 5.`, `II.`, `1.2.`, `a)`, `-`): asked by
    /// several parts, read once.
    pub fn marker(&self) -> Option<&Marker> {
        self.marker
            .get_or_init(|| marker(&self.text).map(Box::new))
            .as_deref()
    }

    /// Whether the line opens with a structural marker (bullets excluded): `Điều 5.`, `II.`.
    pub fn opens_with_marker(&self) -> bool {
        self.marker().is_some_and(|m| m.kind != BlockKind::Bullet)
    }

    /// The tên loại the line is (`THÔNG BÁO`, `QUYẾT ĐỊNH`, `Bản Quy định`): asked by several
    /// parts, read once.
    pub fn doc_kind(&self) -> Option<&DocKind> {
        self.doc_kind
            .get_or_init(|| DocKind::from_line(&self.text).map(Box::new))
            .as_deref()
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

/// The physical lines of `text` as every span and diagnostic counts them: LF, CRLF, a lone CR
/// and a form feed each end one, and text after the last end is one more. Each comes with the
/// byte offset it starts at, without its line end.
///
/// ```
/// let lines: Vec<_> = vanban::physical_lines("a\r\nb\x0Cc").collect();
/// assert_eq!(lines, [(0, "a"), (3, "b"), (5, "c")]);
/// ```
pub fn physical_lines(text: &str) -> impl Iterator<Item = (usize, &str)> + '_ {
    let bytes = text.as_bytes();
    let mut start = 0;
    std::iter::from_fn(move || {
        if start >= bytes.len() {
            return None;
        }
        let from = start;
        match memchr::memchr3(b'\n', b'\r', 0x0C, &bytes[from..]) {
            Some(k) => {
                let end = from + k;
                start = end + 1;
                if bytes[end] == b'\r' && bytes.get(end + 1) == Some(&b'\n') {
                    start += 1;
                }
                Some((from, &text[from..end]))
            }
            None => {
                start = bytes.len();
                Some((from, &text[from..]))
            }
        }
    })
}

/// Split text into lines (LF, CRLF, lone CR and form feed all end a line) and classify them.
pub(crate) fn split_lines(text: &str) -> Vec<Line<'_>> {
    let bytes = text.as_bytes();
    let mut lines = Vec::with_capacity(text.len() / 60 + 1);
    let mut start = 0usize;
    let mut no = 1u32;
    let mut page_break = false;
    let mut i = 0usize;
    while i < bytes.len() {
        // the next line end, found with a vectorised search
        match memchr::memchr3(b'\n', b'\r', 0x0C, &bytes[i..]) {
            Some(k) => i += k,
            None => break,
        }
        let b = bytes[i];
        if b == 0x0C
            && let Some((end, cuts)) = flattened_pages(text, start, i)
        {
            // a document flattened page by page: its pages are cut as one text (a list goes
            // on over the page break), then at every form feed
            no = push_pages(&mut lines, no, start, &text[start..end], cuts, page_break);
            page_break = false;
            i = end;
            if i < bytes.len() {
                page_break = bytes[i] == 0x0C;
                if bytes[i] == b'\r' && bytes.get(i + 1) == Some(&b'\n') {
                    i += 1;
                }
                no += 1;
            }
            start = i + 1;
            i += 1;
            continue;
        }
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
    // the capacity was a guess (60 bytes a line); lines of ordinary text run longer, and a
    // big text would otherwise hold a third more lines' room than it has lines
    lines.shrink_to_fit();
    lines
}

/// A tên loại broken over two lines (`THÔNG` / `BÁO`, set in a narrow cell): the kind and the
/// index of its second line, when line `i` and the next line with text, both in capitals, name
/// a listed kind together and line `i` names none alone.
pub(crate) fn kind_over_two_lines(lines: &[Line<'_>], i: usize) -> Option<(DocKind, usize)> {
    let line = &lines[i];
    if line.doc_kind().is_some() || !crate::viet::is_upper(&line.text) || cells(line).len() > 1 {
        return None;
    }
    let m = Cursor::new(lines).next_text(i + 1, lines.len().min(i + 3))?;
    let next = &lines[m];
    if !crate::viet::is_upper(&next.text) || cells(next).len() > 1 {
        return None;
    }
    let kind = DocKind::from_line(&format!("{} {}", line.text, next.text))?;
    kind.name().is_some().then_some((kind, m))
}

/// Where a run of pages that form feeds separate, with no line break, ends (the byte of the
/// LF or CR after it, or the end of the text), and reflow's cuts in it, when the run starting
/// at `start` with a form feed at `ff` is a flattened document: long, and cut by reflow as one.
fn flattened_pages(text: &str, start: usize, ff: usize) -> Option<(usize, Vec<usize>)> {
    let rest = &text.as_bytes()[ff..];
    let end = ff + memchr::memchr2(b'\n', b'\r', rest).unwrap_or(rest.len());
    let run = &text[start..end];
    if run.len() < crate::lines::reflow::MIN_LEN {
        return None;
    }
    let cuts = crate::lines::reflow::cuts(run);
    (!cuts.is_empty()).then_some((end, cuts))
}

/// Push the pieces of a flattened run of pages (`raw`, form feeds inside): reflow's `cuts`, a
/// cut at every form feed, and one after a page number that opens a page. Returns the number of
/// the last page (physical line).
fn push_pages<'a>(
    lines: &mut Vec<Line<'a>>,
    no: u32,
    start: usize,
    raw: &'a str,
    mut cuts: Vec<usize>,
    page_break: bool,
) -> u32 {
    for f in memchr::memchr_iter(0x0C, raw.as_bytes()) {
        cuts.push(f);
        cuts.push(f + 1);
        // a page number at the top of the page (`2 1.2. Thực hiện …`)
        let after = &raw[f + 1..];
        let t = after.trim_start_matches([' ', '\t']);
        let digits = t.len() - t.trim_start_matches(|c: char| c.is_ascii_digit()).len();
        if (1..=3).contains(&digits) && t[digits..].starts_with([' ', '\t']) {
            cuts.push(f + 1 + (after.len() - t.len()) + digits);
        }
    }
    cuts.retain(|&c| c > 0 && c < raw.len());
    cuts.sort_unstable();
    cuts.dedup();
    push_pieces(lines, no, start, raw, cuts, page_break)
}

/// Push one physical line, or the pieces of a flattened document line (see [`crate::reflow`]).
fn push_line<'a>(lines: &mut Vec<Line<'a>>, no: u32, start: usize, raw: &'a str, page_break: bool) {
    let cuts = crate::lines::reflow::cuts(raw);
    if cuts.is_empty() {
        lines.push(make_line(no, start, raw, page_break));
    } else {
        push_pieces(lines, no, start, raw, cuts, page_break);
    }
}

/// Push the pieces of `raw` between its `cuts` (in order), trimmed, each with the number,
/// start and column of the page (physical line) it stands on: form feeds in `raw` end pages,
/// and a page's first piece carries the page break. Columns are counted as the pieces go
/// (linear in the text). Returns the number of the last page.
fn push_pieces<'a>(
    lines: &mut Vec<Line<'a>>,
    no: u32,
    start: usize,
    raw: &'a str,
    cuts: Vec<usize>,
    page_break: bool,
) -> u32 {
    let feeds: Vec<usize> = memchr::memchr_iter(0x0C, raw.as_bytes()).collect();
    let mut last = 0;
    let mut page = 0usize; // form feeds passed
    let (mut counted, mut col) = (0usize, 1u32);
    let mut first_on_page = true;
    for c in cuts.into_iter().chain([raw.len()]) {
        let piece = &raw[last..c];
        let at = last + (piece.len() - piece.trim_start().len());
        while page < feeds.len() && feeds[page] < at {
            page += 1;
            (counted, col, first_on_page) = (feeds[page - 1] + 1, 1, true);
        }
        let piece = piece.trim();
        if !piece.is_empty() {
            let seg_start = if page == 0 { 0 } else { feeds[page - 1] + 1 };
            let seg_end = feeds.get(page).copied().unwrap_or(raw.len());
            col += raw[counted..at].chars().count() as u32;
            counted = at;
            let mut l = make_line(
                no + page as u32,
                start + at,
                piece,
                first_on_page && (page > 0 || page_break),
            );
            first_on_page = false;
            l.phys_start = start + seg_start;
            l.phys_len = seg_end - seg_start;
            l.col = col;
            lines.push(l);
        }
        last = c;
    }
    no + feeds.len() as u32
}

fn make_line(no: u32, start: usize, raw: &str, page_break: bool) -> Line<'_> {
    let text = clean_borrowed(raw);
    let trimmed = raw.trim_matches(is_space);
    let artifact = if trimmed.is_empty() {
        None
    } else if artefacts::is_table_rule(trimmed)
        || text.is_empty()
        || text
            .chars()
            .all(|c| c == '|' || c == '+' || c.is_whitespace())
    {
        Some(ArtifactKind::Markup)
    } else if artefacts::is_rule(&text)
        && text.chars().filter(|c| !c.is_whitespace()).count() >= 1
        && !text.chars().all(|c| c.is_ascii_digit())
    {
        Some(ArtifactKind::Rule)
    } else if artefacts::is_signing_stamp(&text) {
        Some(ArtifactKind::SigningSoftware)
    } else if artefacts::is_page_of(&text) {
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
        phys_start: start,
        phys_len: raw.len(),
        col: 1,
        cells: std::cell::OnceCell::new(),
        marker: std::cell::OnceCell::new(),
        doc_kind: std::cell::OnceCell::new(),
    }
}

/// A lone number is a page number when it stands between blank lines or at a page break.
fn mark_page_numbers(lines: &mut [Line<'_>]) {
    for i in 0..lines.len() {
        if lines[i].artifact.is_some() || !artefacts::is_page_number(&lines[i].text) {
            continue;
        }
        let prev_void = i == 0 || lines[i - 1].text.is_empty() || lines[i].page_break;
        // (a number cut off the top of a flattened page is followed by its page's text)
        let next_void = i + 1 >= lines.len()
            || lines[i + 1].text.is_empty()
            || lines[i + 1].page_break
            || lines[i].page_break && lines[i + 1].phys_start == lines[i].phys_start;
        if prev_void && next_void {
            lines[i].artifact = Some(ArtifactKind::PageNumber);
        }
    }
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
    fn a_document_flattened_page_by_page_is_cut_as_one() {
        // two pages joined by a form feed, no line break: item 1 on the first page, its list
        // going on with item 2 after a page number on the second
        let page1 = "ỦY BAN NHÂN DÂN TỈNH LÀO CAI CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc Số: 12/UBND-KT Lào Cai, ngày 5 tháng 6 năm 2026 V/v quản lý khoáng sản Kính gửi: Sở Nông nghiệp và Môi trường. Ủy ban nhân dân tỉnh yêu cầu: 1. Sở Nông nghiệp và Môi trường rà soát các giấy phép khai thác khoáng sản còn hiệu lực trên địa bàn tỉnh.";
        let page2 = " 2 2. Công an tỉnh xử lý nghiêm các hành vi khai thác trái phép. Nơi nhận: - Như trên; - Lưu: VT. KT. CHỦ TỊCH PHÓ CHỦ TỊCH Nguyễn Văn An\nhết\n";
        let text = format!("{page1}\x0C{page2}");
        let ls = split_lines(&text);
        let item = |label: &str| {
            ls.iter()
                .find(|l| l.text.starts_with(label))
                .unwrap_or_else(|| panic!("no piece opens with {label}"))
        };
        assert_eq!(item("1. Sở").no, 1);
        assert_eq!(item("2. Công an").no, 2);
        // the page number at the top of the second page is an artefact, on line 2
        let number = ls.iter().find(|l| l.text == "2").expect("the page number");
        assert_eq!(number.artifact, Some(ArtifactKind::PageNumber));
        assert_eq!(number.no, 2);
        assert!(number.page_break);
        // the line after the run keeps its number
        assert_eq!(ls.last().map(|l| (l.no, &*l.text)), Some((3, "hết")));
        // empty pages in the run: their numbers are counted though no line carries them, and
        // the whole parse (its line account) copes (a crash found by fuzzing)
        let text = format!("{page1}{}{page2}", "\x0C \x0C".repeat(20));
        let ls = split_lines(&text);
        assert_eq!(ls.last().map(|l| l.no), Some(42));
        assert!(ls.len() < 42);
        let d = crate::parse(&text, &crate::Options::default()).document;
        assert_eq!(d.recipients.cc, ["Như trên"]);
    }

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
    fn of_the_characters_e1_leads_only_the_ogham_space_may_separate() {
        // (the separators' byte test reads no character led by E1 but this one)
        const RULE: &[char] = &['-', '_', '=', '—', '–'];
        for c in ('\u{1000}'..='\u{1FFF}').filter(|c| c.is_whitespace() || RULE.contains(c)) {
            assert_eq!(c, '\u{1680}');
        }
    }

    #[test]
    fn cells_split_on_tabs_pipes_and_rules() {
        let ls = split_lines("| VĂN PHÒNG CHÍNH PHỦ ------- | CỘNG HÒA XÃ HỘI |\nA\t\tB");
        let c: Vec<String> = cells(&ls[0]).iter().map(|c| c.text.clone()).collect();
        assert_eq!(c, ["VĂN PHÒNG CHÍNH PHỦ", "CỘNG HÒA XÃ HỘI"]);
        let c: Vec<String> = cells(&ls[1]).iter().map(|c| c.text.clone()).collect();
        assert_eq!(c, ["A", "B"]);
    }
}
