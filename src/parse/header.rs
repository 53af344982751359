//! The header block (ô 1–5b): tên cơ quan, Quốc hiệu và Tiêu ngữ, số và ký hiệu, địa danh và
//! thời gian, marks, and the `V/v` trích yếu of a công văn — in whatever layout extraction left
//! them: columns on separate lines in either order, rows joined, tab or `|` separated cells.
//!
//! Each cell is cut into tokens at the anchors it holds (Quốc hiệu, Tiêu ngữ, party heading,
//! number, date, `V/v`); what lies between anchors is free text, read as the issuer, the V/v
//! trích yếu, front matter or unknown header text by where it stands.

use crate::ast::{Mark, MarkKind, NationalHeading, Number, PlaceDate, Span, Text};
use crate::cues::heading::{
    MOTTO_TEXT, NATIONAL_KEY, first_anchor_at, has_vv, is_heading_row, kinh_gui_label_at,
    kinh_split, mark, mottos, nationals, opens_kinh_gui, own_number, party_headings, vv,
};
use crate::cues::number::NumberParts;
use crate::cues::place_date::{self, DateParts};
use crate::cues::preamble::is_basis;
use crate::diagnostic::{Code, Severity, Sink};
use crate::lines::{Cell, Cursor, Line, cells, kind_over_two_lines};
use crate::parse::issuer::{is_org_like, issuer_from};
use crate::viet::{fold_ws, is_upper, upper_key};

/// What the header block gave.
#[derive(Debug, Default)]
pub(crate) struct Header {
    pub issuer: Option<crate::ast::Issuer>,
    pub national: Option<NationalHeading>,
    pub marks: Vec<Mark>,
    pub number: Option<Number>,
    pub place_date: Option<PlaceDate>,
    /// The `V/v` trích yếu, without the marker.
    pub vv: Option<Text>,
    /// A `Kính gửi: …` cell in a header row (`Số: …<TAB>V/v …<TAB>Kính gửi: Công ty …`), or
    /// run into the V/v text: for the recipients part to read.
    pub kinh_gui: Option<Text>,
    pub front_matter: Vec<Text>,
    /// Index of the first line after the header.
    pub end: usize,
}

#[derive(Debug)]
enum Tok {
    National(String),
    Motto(String),
    Party(String),
    Number(String, NumberParts),
    Date(String, Option<String>, DateParts),
    Vv,
    Mark(MarkKind, String),
    Free(String),
}

impl Tok {
    fn is_anchor(&self) -> bool {
        !matches!(self, Tok::Free(_))
    }
}

/// Split one cell into header tokens at the anchors it holds.
fn tokenize(cell: &str) -> Vec<Tok> {
    if let Some(kind) = mark(cell) {
        return vec![Tok::Mark(kind, cell.to_string())];
    }
    enum A {
        Nat,
        Motto,
        Party,
        Num(NumberParts),
        Date(DateParts),
        Vv,
    }
    let mut anchors: Vec<(usize, usize, A)> = Vec::new();
    // the Quốc hiệu in running text (`… của Nước Cộng hòa xã hội chủ nghĩa Việt Nam;`, a
    // bullet, a long sentence) is no heading
    let running_text = cell.len() > 200 || cell.starts_with(['-', '+', '•']);
    for (a, b) in nationals(cell) {
        let before = cell[..a].trim_end();
        let after_nuoc = before
            .rsplit(' ')
            .next()
            .is_some_and(|w| w.to_lowercase() == "nước");
        if !running_text && !after_nuoc {
            anchors.push((a, b, A::Nat));
        }
    }
    for (a, b) in mottos(cell) {
        anchors.push((a, b, A::Motto));
    }
    for (a, b) in party_headings(cell) {
        // the party's name in running text (`… Cổng thông tin điện tử Đảng Cộng sản Việt
        // Nam`), not in capitals, after a word in small letters, is no heading
        let in_sentence =
            !is_upper(&cell[a..b]) && cell[..a].trim_end().ends_with(char::is_lowercase);
        if !running_text && !in_sentence {
            anchors.push((a, b, A::Party));
        }
    }
    if let Some((a, b, parts)) = own_number(cell) {
        anchors.push((a, b, A::Num(parts)));
    }
    if let Some((a, b, parts)) = place_date::find_date(cell) {
        // the date of a cited text (`… Quyết định số 22/2013/QĐ-TTg ngày 26 tháng 4 năm 2013`)
        // is not the document's
        let mut before = cell[..a].split_whitespace().rev();
        let cited = before
            .next()
            .is_some_and(|w| w.contains('/') && w.chars().any(|c| c.is_ascii_digit()))
            && before.next() == Some("số");
        // nor is a date in running text (`… Luật Tổ chức chính quyền địa phương ngày 19 tháng 6
        // năm 2015`): after a word in small letters, no comma and no place before it
        let head = cell[..a].trim_end();
        let in_sentence =
            head.ends_with(char::is_lowercase) && place_date::place_before(head).is_none();
        if !cited && !in_sentence {
            anchors.push((a, b, A::Date(parts)));
        }
    }
    if let Some((a, b)) = vv(cell) {
        anchors.push((a, b, A::Vv));
    }
    anchors.sort_by_key(|a| a.0);
    let mut out = Vec::new();
    let mut cursor = 0;
    let free = |s: &str, out: &mut Vec<Tok>| {
        let t = fold_ws(s.trim_matches(|c: char| c.is_whitespace() || matches!(c, '*' | '|')));
        if !t.is_empty() {
            out.push(Tok::Free(t));
        }
    };
    for (a, b, kind) in anchors {
        if a < cursor {
            continue; // overlaps an earlier anchor
        }
        let gap = &cell[cursor..a];
        let (head, tok) = match kind {
            A::Date(parts) => {
                let (place, head) = match place_date::place_before(gap) {
                    Some((at, p)) => (Some(p), &gap[..at]),
                    None => (None, gap),
                };
                let raw_start = cursor + head.len();
                let raw = fold_ws(cell[raw_start..b].trim_start_matches(['*', ' ']));
                (head, Tok::Date(raw, place, parts))
            }
            A::Num(parts) => (gap, Tok::Number(fold_ws(&cell[a..b]), parts)),
            A::Nat => (gap, Tok::National(fold_ws(&cell[a..b]))),
            A::Motto => (gap, Tok::Motto(fold_ws(&cell[a..b]))),
            A::Party => (gap, Tok::Party(fold_ws(&cell[a..b]))),
            A::Vv => (gap, Tok::Vv),
        };
        free(head, &mut out);
        out.push(tok);
        cursor = b;
    }
    free(&cell[cursor..], &mut out);
    out
}

/// A line longer than this (in characters) is a sentence of the body, not a header row.
const LONG_SENTENCE: usize = 160;

/// Per-line memo of "does this line hold a header anchor" (each line is asked several times).
struct AnchorMemo(Vec<Option<bool>>);

impl AnchorMemo {
    fn line_has_anchor(&mut self, lines: &[Line<'_>], k: usize) -> bool {
        if let Some(Some(v)) = self.0.get(k) {
            return *v;
        }
        let l = &lines[k];
        // a date inside a long sentence of the body is no header row
        let v = l.text.chars().count() <= LONG_SENTENCE && first_anchor_at(&l.text).is_some();
        if let Some(slot) = self.0.get_mut(k) {
            *slot = Some(v);
        }
        v
    }

    /// Whether one of the next three lines with text holds a header anchor.
    fn ahead(&mut self, lines: &[Line<'_>], from: usize, limit: usize) -> bool {
        let end = limit.max(from).min(lines.len());
        let next: Vec<usize> = (from.min(end)..end)
            .filter(|&k| !lines[k].is_void())
            .take(3)
            .collect();
        next.into_iter().any(|k| self.line_has_anchor(lines, k))
    }
}

/// A line that opens the body: a marker, `Kính gửi`, or a sentence.
fn is_body_like(line: &Line<'_>) -> bool {
    let text = &line.text;
    if opens_kinh_gui(text) || line.opens_with_marker() {
        return true;
    }
    !is_upper(text) && text.chars().count() > 25
}

/// The Quốc hiệu (or party heading) being read, started at `span` if it was not yet, and its
/// span grown by `span`.
fn heading_at(
    national: &mut Option<NationalHeading>,
    party: bool,
    span: Span,
) -> &mut NationalHeading {
    let n = national.get_or_insert(NationalHeading {
        name: None,
        motto: None,
        party,
        span,
    });
    n.span = n.span.join(span);
    n
}

/// Where the header starts when a web page or a news article runs above it: the issuer lines
/// just over the first Quốc hiệu (or party heading) row, when the lines before them hold
/// sentences and no header anchor. `None` when the header starts at the top as usual.
fn header_top(lines: &[Line<'_>], limit: usize, memo: &mut AnchorMemo) -> Option<usize> {
    let first = (0..limit).find(|&k| !lines[k].is_void())?;
    // the heading on a line of its own, or in a later cell of a row (`BỘ TÀI CHÍNH⇥CỘNG HÒA …`)
    let heading = |l: &Line<'_>| {
        is_heading_row(&l.text) || cells(l).iter().skip(1).any(|c| is_heading_row(&c.text))
    };
    let at = (first..limit).find(|&k| !lines[k].is_void() && heading(&lines[k]))?;
    // the issuer column printed over the heading: a few short lines without sentences
    let mut top = at;
    let mut taken = 0;
    for k in (first..at).rev() {
        let l = &lines[k];
        if l.is_void() {
            continue;
        }
        let t = &l.text;
        let short = t.chars().count() <= 80 && !crate::viet::ends_sentence(t);
        if taken < 4 && short && (is_upper(t) || is_org_like(t)) {
            top = k;
            taken += 1;
        } else {
            break;
        }
    }
    let above: Vec<usize> = (first..top).filter(|&k| !lines[k].is_void()).collect();
    let residue = !above.is_empty()
        && above.iter().any(|&k| is_body_like(&lines[k]))
        && above
            .iter()
            .all(|&k| !memo.line_has_anchor(lines, k) && !has_vv(&lines[k].text));
    residue.then_some(top)
}

/// Parse the header at the top of `lines`. `limit` bounds how far it may look. Header text
/// that fits no component and a date that is no real date are reported to `sink`.
pub(crate) fn parse(lines: &[Line<'_>], limit: usize, sink: &mut Sink) -> Header {
    let mut r = Reader::new(lines, limit);
    let mut i = r.skip_front_matter();
    while i < r.limit {
        match r.row(i, sink) {
            Some(next) => i = next,
            None => break,
        }
    }
    r.finish(i)
}

/// The V/v trích yếu being read.
#[derive(Default)]
struct VvText {
    /// A V/v line was read and may go on over the next rows.
    open: bool,
    /// A blank line came since.
    gap: bool,
    /// The row it was read on.
    row: Option<usize>,
    text: String,
    span: Option<Span>,
}

/// The header being read, row by row.
struct Reader<'l, 'a> {
    lines: &'l [Line<'a>],
    limit: usize,
    memo: AnchorMemo,
    h: Header,
    /// The capital lines of the issuer column, top first.
    org: Vec<Text>,
    national: Option<NationalHeading>,
    seen_anchor: bool,
    seen_number: bool,
    seen_date: bool,
    vv: VvText,
    /// The row the number was read on (its ký hiệu may wrap onto the next).
    number_row: Option<usize>,
    /// The row after a row joined with the next one.
    skip_to: Option<usize>,
}

impl<'l, 'a> Reader<'l, 'a> {
    fn new(lines: &'l [Line<'a>], limit: usize) -> Self {
        let limit = limit.min(lines.len());
        Reader {
            lines,
            limit,
            memo: AnchorMemo(vec![None; limit]),
            h: Header::default(),
            org: Vec::new(),
            national: None,
            seen_anchor: false,
            seen_number: false,
            seen_date: false,
            vv: VvText::default(),
            number_row: None,
            skip_to: None,
        }
    }

    /// The next line with text after `i`, within the header's reach.
    fn next_text(&self, i: usize) -> Option<usize> {
        Cursor::new(self.lines).next_text(i + 1, self.limit)
    }

    /// A web page or a news article above the header goes to the front matter; returns the
    /// line the header starts at.
    fn skip_front_matter(&mut self) -> usize {
        let Some(top) = header_top(self.lines, self.limit, &mut self.memo) else {
            return 0;
        };
        for line in self.lines.iter().take(top) {
            if !line.is_void() {
                self.h.front_matter.push(Text {
                    text: line.text.to_string(),
                    span: line.span(),
                });
            }
        }
        top
    }

    /// A line above the document proper (a web page's title or labels): it and the capital
    /// lines gathered before it go to the front matter.
    fn residue(&mut self, i: usize) {
        let line = &self.lines[i];
        self.h.front_matter.append(&mut self.org);
        self.h.front_matter.push(Text {
            text: line.text.to_string(),
            span: line.span(),
        });
    }

    /// Read row `i`; returns the row to read next, or `None` where the header ends.
    fn row(&mut self, i: usize, sink: &mut Sink) -> Option<usize> {
        let lines = self.lines;
        let line = &lines[i];
        if line.artifact.is_some() {
            return Some(i + 1);
        }
        if line.text.is_empty() {
            self.vv.gap = true;
            return Some(i + 1);
        }
        if self.wrapped_symbol(i) {
            return Some(i + 1);
        }
        // once the number and the date are read, a long sentence opens the body, even when it
        // begins with a date of its own (`Ngày 14 tháng 10 năm 2025, Bộ Công Thương nhận được …`)
        if self.seen_number
            && self.seen_date
            && line.text.chars().count() > LONG_SENTENCE
            && is_body_like(line)
            && cells(line).len() <= 1
        {
            return None;
        }
        let cs = cells(line);
        if let Some(next) = self.wrapped_national(i) {
            return Some(next);
        }
        if cs.len() <= 1 && self.misread_heading(i) {
            return Some(i + 1);
        }
        if cs.len() <= 1
            && (line.doc_kind().is_some() || kind_over_two_lines(self.lines, i).is_some())
            && mark(&line.text).is_none()
        {
            // a page title above the document (`KẾ HOẠCH TUYỂN SINH …` over the header) is
            // residue; a tên loại under the header, or one whose next line runs on in lower
            // case (`Quyết định` / `của Bộ trưởng … số …`), opens the document itself
            let runs_on = self.next_text(i).is_some_and(|k| {
                let t = &self.lines[k].text;
                t.starts_with("của ") || t.starts_with("về ")
            });
            if self.seen_anchor || runs_on || !self.memo.ahead(self.lines, i + 1, self.limit) {
                return None;
            }
            self.residue(i);
            return Some(i + 1);
        }
        // căn cứ lines open the preamble (their dates are not the document's), Kính gửi the
        // recipients (also `Kính` / `gửi:` cut over two lines)
        let kinh_next = Cursor::new(lines)
            .next_text(i + 1, lines.len())
            .filter(|&m| m <= i + 2)
            .is_some_and(|m| kinh_split(&line.text, &lines[m].text));
        if is_basis(&line.text)
            || kinh_next
            || opens_kinh_gui(&line.text)
            || cs.first().is_some_and(|c| opens_kinh_gui(&c.text))
        {
            return None;
        }
        let cs = self.join_wrapped_row(i, cs.to_vec());
        let toks: Vec<(Tok, Span)> = cs
            .iter()
            .flat_map(|c| tokenize(&c.text).into_iter().map(move |t| (t, c.span)))
            .collect();
        let has_anchor = toks.iter().any(|(t, _)| t.is_anchor());
        if !has_anchor {
            match self.free_row(i) {
                FreeRow::Read => {}
                FreeRow::End => return None,
                FreeRow::Residue => {
                    self.residue(i);
                    return Some(i + 1);
                }
            }
        }
        self.tokens(i, toks, has_anchor, sink);
        Some(self.skip_to.take().unwrap_or(i + 1))
    }

    /// A ký hiệu cut at a hyphen and wrapped onto the next line (`…-BYT-` / `BCT-VKSNDTC`):
    /// joined to the number read on the row before.
    fn wrapped_symbol(&mut self, i: usize) -> bool {
        let lines = self.lines;
        let line = &lines[i];
        let Some(num) = self.h.number.as_mut() else {
            return false;
        };
        let wraps = self.number_row.is_some_and(|r| r + 1 == i)
            && num
                .symbol
                .as_deref()
                .is_some_and(|s| s.ends_with(['-', '/']))
            && is_symbol_tail(&line.text);
        if !wraps {
            return false;
        }
        let sym = format!("{}{}", num.symbol.take().unwrap_or_default(), line.text);
        num.raw = format!("{}{}", num.raw, line.text);
        let parts = NumberParts {
            number: num.number.clone(),
            year: num.year,
            symbol: Some(sym),
            party: false,
        };
        num.type_code = parts.type_code();
        num.issuer_codes = parts.issuer_codes();
        num.symbol = parts.symbol;
        num.span = num.span.join(line.span());
        true
    }

    /// A Quốc hiệu wrapped over two lines (`CỘNG HÒA XÃ HỘI` / `CHỦ NGHĨA VIỆT NAM`): the row
    /// to read next (the second line again when more follows the Quốc hiệu on it).
    fn wrapped_national(&mut self, i: usize) -> Option<usize> {
        let lines = self.lines;
        let line = &lines[i];
        if line.text.len() >= 50 || !line.text.starts_with(['C', 'c']) {
            return None;
        }
        let key = upper_key(&line.text);
        if key.len() < 4 || !NATIONAL_KEY.starts_with(&key) || key == NATIONAL_KEY {
            return None;
        }
        let k = self.next_text(i)?;
        let both = format!("{key} {}", upper_key(&self.lines[k].text));
        if !both.starts_with(NATIONAL_KEY) {
            return None;
        }
        let span = line.span().join(self.lines[k].span());
        let name = format!("{} {}", line.text, self.lines[k].text);
        heading_at(&mut self.national, false, span)
            .name
            .get_or_insert(fold_ws(&name));
        self.seen_anchor = true;
        // the rest of the second line (a motto, a date) is read as usual
        Some(if both.trim() == NATIONAL_KEY {
            k + 1
        } else {
            i + 1
        })
    }

    /// A Quốc hiệu or Tiêu ngữ misread by OCR (`CQNG HOA XA HQI …`, `DQc l$p - Tg do - …`),
    /// before any anchor was read.
    fn misread_heading(&mut self, i: usize) -> bool {
        let lines = self.lines;
        let line = &lines[i];
        if self.seen_anchor || first_anchor_at(&line.text).is_some() {
            return false;
        }
        let t = &line.text;
        let nat = crate::viet::reads_as(t, NATIONAL_KEY);
        if !nat && !crate::viet::reads_as(t, MOTTO_TEXT) {
            return false;
        }
        let n = heading_at(&mut self.national, false, line.span());
        if nat {
            n.name.get_or_insert(t.to_string());
        } else {
            n.motto.get_or_insert(t.to_string());
        }
        // the Tiêu ngữ comes under the Quốc hiệu: the row after it may be one too
        self.seen_anchor = !nat;
        true
    }

    /// A header row wrapped over two lines (`Sóc Trăng, ngày` / `27 tháng 09 năm 2022`,
    /// `Độc lập -` / `Tự do - Hạnh phúc`): the last cell joined with the next line when the
    /// pair holds an anchor that starts on the first line and neither line does alone.
    fn join_wrapped_row(&mut self, i: usize, mut cs: Vec<Cell>) -> Vec<Cell> {
        let Some(last) = cs.last_mut() else {
            return cs;
        };
        if first_anchor_at(&last.text).is_some() {
            return cs;
        }
        let Some(k) = self.next_text(i).filter(|&k| k <= i + 2) else {
            return cs;
        };
        let lines = self.lines;
        let next = &lines[k];
        if self.memo.line_has_anchor(self.lines, k)
            && first_anchor_at(&next.text).is_some_and(|a| a == 0)
        {
            return cs;
        }
        let joined = format!("{} {}", last.text, next.text);
        // a place name wrapped before its date (`Phan` / `Rang, ngày 12 tháng 11 …`)
        let place_head = {
            let words: Vec<&str> = last.text.split_whitespace().collect();
            (1..=2).contains(&words.len())
                && words.iter().all(|w| crate::viet::is_capitalised(w))
                && first_anchor_at(&next.text).is_some_and(|a| a > 0)
        };
        if place_head || first_anchor_at(&joined).is_some_and(|a| a < last.text.len()) {
            last.text = joined;
            last.span = last.span.join(next.span());
            self.skip_to = Some(k + 1);
        }
        cs
    }

    /// What a row without anchors is, by where it stands.
    fn free_row(&mut self, i: usize) -> FreeRow {
        let lines = self.lines;
        let text = &lines[i].text;
        let caps = is_upper(text);
        let org_like = is_org_like(text);
        if self.vv.open && !caps && (!self.vv.gap || crate::viet::starts_lower(text)) {
            // a wrapped V/v line
            FreeRow::Read
        } else if !caps && org_like && (!self.seen_number || !self.org.is_empty()) {
            // an issuer typed in lower or mixed case (older documents)
            FreeRow::Read
        } else if self.seen_anchor && (!caps || (self.seen_number && self.seen_date)) {
            // text between header rows (`(Dự thảo)`, a stamp) is kept as unknown header text;
            // with no anchor ahead the header has ended
            if self.memo.ahead(self.lines, i + 1, self.limit) {
                FreeRow::Read
            } else {
                FreeRow::End
            }
        } else if self.seen_anchor
            || caps
            || org_like && self.memo.ahead(self.lines, i + 1, self.limit)
        {
            FreeRow::Read
        } else if is_body_like(&lines[i])
            && !self.org.is_empty()
            && !self.memo.ahead(self.lines, i + 1, self.limit)
        {
            FreeRow::End
        } else {
            // web-page residue above the document: what came before it is residue too
            FreeRow::Residue
        }
    }

    /// Take the tokens of row `i`.
    fn tokens(&mut self, i: usize, toks: Vec<(Tok, Span)>, has_anchor: bool, sink: &mut Sink) {
        let mut after_vv = false;
        let first_national = toks
            .iter()
            .position(|(t, _)| matches!(t, Tok::National(_) | Tok::Party(_) | Tok::Motto(_)))
            .unwrap_or(0);
        for (k_tok, (tok, span)) in toks.into_iter().enumerate() {
            if !matches!(tok, Tok::Vv | Tok::Mark(..) | Tok::Free(_)) {
                after_vv = false;
            }
            match tok {
                Tok::National(s) | Tok::Party(s) => {
                    let party = upper_key(&s).starts_with("ĐẢNG");
                    heading_at(&mut self.national, party, span)
                        .name
                        .get_or_insert(s);
                    self.seen_anchor = true;
                    self.vv.open = false;
                }
                Tok::Motto(s) => {
                    heading_at(&mut self.national, false, span)
                        .motto
                        .get_or_insert(s);
                    self.seen_anchor = true;
                    self.vv.open = false;
                }
                Tok::Number(raw, p) => self.number(i, raw, p, span, sink),
                Tok::Date(raw, place, p) => self.date(i, raw, place, p, span, sink),
                Tok::Vv => {
                    if !self.seen_anchor && self.org.is_empty() {
                        // a scraper's page title (`# V/v …`) above the document
                        continue;
                    }
                    self.vv = VvText {
                        open: true,
                        gap: false,
                        row: Some(i),
                        text: String::new(),
                        span: Some(span),
                    };
                    after_vv = true;
                }
                Tok::Mark(kind, text) => self.h.marks.push(Mark { kind, text, span }),
                Tok::Free(s) => {
                    let org_here = k_tok < first_national || !has_anchor;
                    if self.free(i, s, span, after_vv, org_here, has_anchor, sink) {
                        after_vv = false;
                    }
                }
            }
        }
    }

    /// The number token of row `i`: the document's number, or a second one (unknown text).
    fn number(&mut self, i: usize, raw: String, p: NumberParts, span: Span, sink: &mut Sink) {
        self.seen_anchor = true;
        self.seen_number = true;
        self.number_row = Some(i);
        self.vv.open = false;
        if self.h.number.is_some() {
            unknown(sink, &raw, span);
            return;
        }
        self.h.number = Some(Number {
            raw,
            type_code: p.type_code(),
            issuer_codes: p.issuer_codes(),
            number: p.number,
            year: p.year,
            symbol: p.symbol,
            span,
        });
    }

    /// The place-and-date token of row `i`: the document's date, or a second one.
    fn date(
        &mut self,
        i: usize,
        raw: String,
        place: Option<String>,
        p: DateParts,
        span: Span,
        sink: &mut Sink,
    ) {
        self.seen_anchor = true;
        self.seen_date = true;
        // a V/v cell beside the date (`V/v … <spaces> Hà Nội, ngày …`) may go on over the
        // next rows
        self.vv.open = self.vv.open && self.vv.row == Some(i);
        if self.h.place_date.is_some() {
            unknown(sink, &raw, span);
            return;
        }
        if let Some(problem) = p.range_problem() {
            sink.at(
                Severity::Warning,
                Code::DateOutOfRange,
                format!("the date is not a real date: {problem}"),
                span.line_start,
                1,
            );
        }
        self.h.place_date = Some(PlaceDate {
            raw: match &place {
                Some(pl) if !raw.starts_with(pl.as_str()) => format!("{pl}, {raw}"),
                _ => raw,
            },
            date: p.iso(),
            place,
            day: p.day,
            month: p.month,
            year: p.year,
            span,
        });
    }

    /// A free token of row `i`: the V/v text, the issuer, front matter or unknown text.
    /// Returns whether it went into the V/v text.
    #[allow(clippy::too_many_arguments)]
    fn free(
        &mut self,
        i: usize,
        s: String,
        span: Span,
        after_vv: bool,
        org_here: bool,
        has_anchor: bool,
        sink: &mut Sink,
    ) -> bool {
        // a Kính gửi cell beside the header's cells closes the V/v and holds the addressees
        if opens_kinh_gui(&s) && self.h.kinh_gui.is_none() {
            self.vv.open = false;
            self.h.kinh_gui = Some(Text { text: s, span });
            return after_vv;
        }
        if after_vv || (self.vv.open && !is_upper(&s)) {
            if !self.vv.text.is_empty() {
                self.vv.text.push(' ');
            }
            self.vv.text.push_str(&s);
            self.vv.span = self.vv.span.map(|v| v.join(span));
            self.vv.gap = false;
            return true;
        }
        if (is_upper(&s) && s.chars().any(char::is_alphabetic)) || (org_here && is_org_like(&s)) {
            let complete = self.seen_number && self.seen_date && self.national.is_some();
            if !complete || self.org.is_empty() {
                self.org.push(Text { text: s, span });
            } else {
                unknown(sink, &s, span);
            }
        } else if !self.seen_anchor && !has_anchor {
            self.h.front_matter.push(Text { text: s, span });
        } else if self.vv.span.is_none()
            && !has_anchor
            && self.number_row.is_some_and(|r| i == r + 1)
            && (crate::viet::starts_lower(&s) || s.starts_with("Về "))
        {
            // the trích yếu of a công văn printed under the number without `V/v` (party công
            // văn: `Số 416-CV/ĐU` / `về thu, nộp đảng phí …`)
            self.vv = VvText {
                open: true,
                gap: false,
                row: Some(i),
                text: s,
                span: Some(span),
            };
        } else {
            unknown(sink, &s, span);
        }
        false
    }

    /// The header read up to line `end`.
    fn finish(mut self, end: usize) -> Header {
        let mut h = self.h;
        h.end = end;
        let mut vv_text = std::mem::take(&mut self.vv.text);
        if let Some(at) = kinh_gui_label_at(&vv_text) {
            // the V/v ran on into `Kính gửi: …`: the addressees are no trích yếu
            if h.kinh_gui.is_none()
                && let Some(span) = self.vv.span
            {
                h.kinh_gui = Some(Text {
                    text: vv_text[at..].trim().to_string(),
                    span,
                });
            }
            vv_text.truncate(at);
        }
        if !vv_text.is_empty() {
            h.vv = self.vv.span.map(|span| Text {
                text: vv_text.trim_end_matches([',', ';']).trim().to_string(),
                span,
            });
        }
        h.national = self.national;
        h.issuer = issuer_from(&self.org);
        if !self.seen_anchor && self.org.is_empty() {
            // nothing of a header: leave every line to the body
            h.front_matter.clear();
            h.end = 0;
        }
        h
    }
}

/// What a header row without anchors is.
enum FreeRow {
    /// Header text: read its tokens.
    Read,
    /// The header has ended above it.
    End,
    /// Web-page residue above the document.
    Residue,
}

/// Header text that fits no component, reported where it stands.
pub(crate) fn unknown(sink: &mut Sink, text: &str, span: Span) {
    sink.at_byte(
        Severity::Info,
        Code::UnrecognisedHeaderText,
        format!("header text that fits no component: \"{text}\""),
        span.line_start,
        span.start,
    );
}

/// The rest of a ký hiệu wrapped onto its own line (`BCT-VKSNDTC`): capitals and digits, with
/// `&`, `.`, `/` and `-` between them.
fn is_symbol_tail(text: &str) -> bool {
    let mut cs = text.chars();
    cs.next()
        .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
        && cs.all(|c| c.is_uppercase() || c.is_ascii_digit() || matches!(c, '&' | '.' | '/' | '-'))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lines::split_lines;

    fn head(s: &str) -> Header {
        let ls = split_lines(s);
        parse(&ls, 80, &mut Sink::default())
    }

    #[test]
    fn a_news_article_above_the_header_is_front_matter() {
        let h = head(
            "Quy định số 97-QĐ/TW của Bộ Chính trị về chức năng của đảng đoàn, một bài báo rất dài\n\nChỉ thị của Ban Bí thư về việc tổ chức Tết năm 2025\n\nBAN CHẤP HÀNH TRUNG ƯƠNG\n-------\nĐẢNG CỘNG SẢN VIỆT NAM\n\nSố: 97-QĐ/TW\n\nHà Nội, ngày 07 tháng 02 năm 2023\n",
        );
        assert_eq!(h.front_matter.len(), 2);
        assert_eq!(h.issuer.unwrap().name, "BAN CHẤP HÀNH TRUNG ƯƠNG");
        assert_eq!(h.number.unwrap().number.as_deref(), Some("97"));
        assert_eq!(h.place_date.unwrap().day, Some(7));
    }

    #[test]
    fn front_matter_above_a_header_in_cells() {
        // the same header as a table saved as text: the heading in the row's second cell
        let h = head(
            "Quy định số 97-QĐ/TW của Bộ Chính trị về chức năng của đảng đoàn, một bài báo rất dài\n\nChỉ thị của Ban Bí thư về việc tổ chức Tết năm 2025\n\nBAN CHẤP HÀNH TRUNG ƯƠNG\tĐẢNG CỘNG SẢN VIỆT NAM\nSố: 97-QĐ/TW\tHà Nội, ngày 07 tháng 02 năm 2023\n",
        );
        assert_eq!(h.front_matter.len(), 2);
        assert_eq!(h.issuer.unwrap().name, "BAN CHẤP HÀNH TRUNG ƯƠNG");
        assert_eq!(h.number.unwrap().number.as_deref(), Some("97"));
        assert_eq!(h.place_date.unwrap().day, Some(7));
    }

    #[test]
    fn a_date_in_running_text_is_not_the_place_and_date() {
        let h = head(
            "ỦY BAN NHÂN DÂN\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nXÃ TỊNH HÀ\tĐộc lập - Tự do - Hạnh phúc\n\nỦy ban nhân dân xã đề nghị các thôn gửi về Ủy ban nhân dân xã trước ngày 20 tháng 5 năm 2025.\n",
        );
        assert!(h.place_date.is_none());
        // a place in small letters after its first, or none before a comma, still is one
        for line in [
            "Hà nội ngày 05 tháng 3 năm 2024",
            "Số: 12/TB-UBND, ngày 05 tháng 3 năm 2024",
        ] {
            let h = head(&format!(
                "SỞ CÔNG THƯƠNG\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n{line}\n"
            ));
            assert_eq!(h.place_date.map(|p| p.day), Some(Some(5)), "{line}");
        }
    }

    #[test]
    fn a_vv_line_over_the_heading_is_no_residue() {
        let h = head(
            "SỞ CÔNG THƯƠNG\nPHÒNG QLCN\n\tV/v tham gia ý kiến hồ sơ đề xuất đầu tư dự án hạ tầng\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập – Tự do – Hạnh phúc\nLào Cai, ngày 19 tháng 6 năm 2026\n",
        );
        assert!(h.front_matter.is_empty());
        assert_eq!(h.issuer.unwrap().name, "PHÒNG QLCN");
        assert!(h.vv.is_some());
    }

    #[test]
    fn header_without_diacritics_or_misread_by_ocr() {
        let h = head(
            "SO CONG THUONG\nPHONG QLCN\nCONG HOA XA HOI CHU NGHIA VIET NAM\nDoc lap - Tu do - Hanh phuc\n",
        );
        let iss = h.issuer.unwrap();
        assert_eq!(iss.name, "PHONG QLCN");
        assert_eq!(iss.parent.as_deref(), Some("SO CONG THUONG"));
        assert!(h.national.as_ref().unwrap().motto.is_some());
        let h =
            head("CQNG HOA XA HQI CHU NGHIA VIET NAM\nDQc l$p - Tg do - H4nh phric\nBIEN BAN\n");
        assert!(h.issuer.is_none());
        let n = h.national.unwrap();
        assert_eq!(
            n.name.as_deref(),
            Some("CQNG HOA XA HQI CHU NGHIA VIET NAM")
        );
        assert_eq!(n.motto.as_deref(), Some("DQc l$p - Tg do - H4nh phric"));
    }

    #[test]
    fn a_place_wrapped_before_its_date() {
        let h =
            head("SỞ GIÁO DỤC VÀ ĐÀO TẠO\nSố:\n1228/THPT\nPhan\nRang ngày 12 tháng 11 năm 2003\n");
        let pd = h.place_date.unwrap();
        assert_eq!(pd.place.as_deref(), Some("Phan Rang"));
        assert_eq!(pd.day, Some(12));
    }

    #[test]
    fn the_number_of_the_text_attached_to_is_not_the_documents() {
        let h = head(
            "ỦY BAN NHÂN DÂN\nCộng hòa xã hội chủ nghĩa việt nam\nTỉnh an giang\nĐộc lập - Tự do - Hạnh phúc\nLong Xuyên, ngày 07 tháng 3 năm 2002\nBản Quy định\nChính sách khuyến khích đầu tư\n(Ban hành kèm theo Quyết định số: 522/2002/QĐ.UB\nngày 07/3/2002 của UBND tỉnh An Giang)\n",
        );
        assert!(h.number.is_none());
        assert_eq!(h.end, 5);
        // nor is the date of a text cited in a page title
        let h = head(
            "# Hướng dẫn thực hiện Quyết định số 22/2013/QĐ-TTg ngày 26 tháng 4 năm 2013 của Thủ tướng\nỦY BAN NHÂN DÂN\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nSố: 3210/QĐ-UBND\tHà Nội, ngày 28 tháng 6 năm 2014\n",
        );
        assert_eq!(h.place_date.unwrap().year, Some(2014));
    }

    #[test]
    fn a_type_line_that_runs_on_is_no_page_title() {
        let h = head(
            "Quyết định\ncủa Bộ trưởng Bộ Tài chính số 1141-TC/QĐ/CĐKT\nngày 01 tháng 11 năm 1995 Về việc ban hành\n",
        );
        assert_eq!(h.end, 0);
        assert!(h.front_matter.is_empty());
    }

    #[test]
    fn columns_on_separate_lines() {
        let h = head(
            "UBND TỈNH LÀO CAI\nVĂN PHÒNG\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\nSố:    /TB-VP\nLào Cai, ngày   tháng 6 năm 2026\n\nTHÔNG BÁO\n",
        );
        let i = h.issuer.unwrap();
        assert_eq!(i.parent.as_deref(), Some("UBND TỈNH LÀO CAI"));
        assert_eq!(i.name, "VĂN PHÒNG");
        assert_eq!(h.number.unwrap().symbol.as_deref(), Some("TB-VP"));
        let pd = h.place_date.unwrap();
        assert_eq!(
            (pd.place.as_deref(), pd.day, pd.month),
            (Some("Lào Cai"), None, Some(6))
        );
        assert_eq!(h.end, 8);
    }

    #[test]
    fn rows_joined() {
        let h = head(
            "ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nTỈNH BẮC NINH Độc lập - Tự do - Hạnh phúc\nSố: 123/QĐ-UBND Bắc Ninh, ngày 05 tháng 3 năm 2024\nQUYẾT ĐỊNH\n",
        );
        let i = h.issuer.unwrap();
        assert_eq!(
            (i.parent, i.name.as_str()),
            (None, "ỦY BAN NHÂN DÂN TỈNH BẮC NINH")
        );
        assert_eq!(h.number.unwrap().number.as_deref(), Some("123"));
        let pd = h.place_date.unwrap();
        assert_eq!(pd.place.as_deref(), Some("Bắc Ninh"));
        assert_eq!(pd.date.as_deref(), Some("2024-03-05"));
    }

    #[test]
    fn tab_cells_with_vv() {
        let h = head(
            "UBND TỈNH LÀO CAI SỞ CÔNG THƯƠNG\t\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc\nSố: /SCT-CN\t\tLào Cai, ngày  tháng 4 năm 2026\nV/v Thông báo tổ chức kiểm tra\t\t\n\nKính gửi: Các đơn vị\n",
        );
        let i = h.issuer.unwrap();
        assert_eq!(i.parent.as_deref(), Some("UBND TỈNH LÀO CAI"));
        assert_eq!(i.name, "SỞ CÔNG THƯƠNG");
        assert_eq!(h.vv.unwrap().text, "Thông báo tổ chức kiểm tra");
        assert_eq!(h.end, 4);
    }

    #[test]
    fn wrapped_vv_in_layout_text() {
        let h = head(
            "   ỦY BAN NHÂN DÂN              CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM\n     TỈNH LÀO CAI                Độc lập - Tự do - Hạnh phúc\n\n   Số: 5973 /UBND-KT               Lào Cai, ngày 11 tháng 6 năm 2026\nV/v tăng cường công tác quản\n lý, thanh tra\n\n      Kính gửi: Sở Tài chính\n",
        );
        assert_eq!(h.vv.unwrap().text, "tăng cường công tác quản lý, thanh tra");
        assert_eq!(h.number.unwrap().number.as_deref(), Some("5973"));
        assert_eq!(h.issuer.unwrap().name, "ỦY BAN NHÂN DÂN TỈNH LÀO CAI");
    }

    #[test]
    fn party_header() {
        let h = head(
            "ĐẢNG BỘ TỈNH THÁI NGUYÊN\nHUYỆN ỦY ĐỊNH HÓA\n*\nSố 12-TB/HU\nĐẢNG CỘNG SẢN VIỆT NAM\nĐịnh Hóa, ngày 03 tháng 4 năm 2018\nTHÔNG BÁO\n",
        );
        let i = h.issuer.unwrap();
        assert_eq!(i.parent.as_deref(), Some("ĐẢNG BỘ TỈNH THÁI NGUYÊN"));
        assert_eq!(i.name, "HUYỆN ỦY ĐỊNH HÓA");
        assert!(h.national.unwrap().party);
        assert_eq!(h.number.unwrap().symbol.as_deref(), Some("TB/HU"));
    }

    #[test]
    fn national_heading_wrapped() {
        let h = head(
            "ỦY BAN NHÂN DÂN\nTỈNH SÓC TRĂNG\nCỘNG HÒA XÃ HỘI\nCHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\nSố: 135/KH-UBND\n",
        );
        assert_eq!(h.issuer.unwrap().name, "ỦY BAN NHÂN DÂN TỈNH SÓC TRĂNG");
        assert_eq!(
            h.national.unwrap().name.as_deref(),
            Some("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
        );
    }

    #[test]
    fn lower_case_header_of_old_documents() {
        let h = head(
            "Chính phủ\n===\nSỐ: 28 /2003/NĐ-CP\nCộng hoà xã hội chủ nghĩa việt nam\nĐộc lập - Tự do - Hạnh phúc\nHà Nội, ngày 31 tháng 3 năm 2003\n",
        );
        assert_eq!(h.issuer.unwrap().name, "Chính phủ");
        let h =
            head("bộ tài chính      cộng hoà xã hội chủ  nghĩa Việt nam\nSỐ:  144 /2002/QĐ/BTC\n");
        assert_eq!(h.issuer.unwrap().name, "bộ tài chính");
    }

    #[test]
    fn date_wrapped_over_two_lines() {
        let h = head(
            "ỦY BAN NHÂN DÂN\nTỈNH SÓC TRĂNG\nSố: 135/KH-UBND\nSóc Trăng, ngày\n27 tháng 09 năm 2022\nKẾ HOẠCH\n",
        );
        let pd = h.place_date.unwrap();
        assert_eq!(
            (pd.place.as_deref(), pd.day, pd.month),
            (Some("Sóc Trăng"), Some(27), Some(9))
        );
    }

    #[test]
    fn motto_wrapped_over_two_lines() {
        let h = head(
            "ỦY BAN NHÂN DÂN\nXÃ XUÂN PHÚ\nCỘNG HOÀ XÃ HỘI\nCHỦ NGHĨA VIỆT NAM\nĐộc lập -\nTự do - Hạnh phúc\nQUY CHẾ LÀM\n",
        );
        assert!(h.national.unwrap().motto.is_some());
        assert_eq!(h.end, 6);
    }

    #[test]
    fn marks_and_no_header() {
        let h = head("BỘ Y TẾ\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nKHẨN\nSố: 1/BYT-KH\n");
        assert_eq!(h.marks.len(), 1);
        let h = head("Ngày 5/6 Cục Thuế đã họp với các doanh nghiệp về việc kê khai.\n");
        assert!(h.issuer.is_none());
        assert_eq!(h.end, 0);
    }
}
