//! The header block (ô 1–5b): tên cơ quan, Quốc hiệu và Tiêu ngữ, số và ký hiệu, địa danh và
//! thời gian, marks, and the `V/v` trích yếu of a công văn — in whatever layout extraction left
//! them: columns on separate lines in either order, rows joined, tab or `|` separated cells.

use std::sync::LazyLock;

use regex::Regex;

use crate::ast::kind::DocKind;
use crate::ast::{Issuer, Mark, MarkKind, NationalHeading, Number, PlaceDate, Span, Text};
use crate::lines::{Line, cells};
use crate::parse::number;
use crate::parse::place_date;
use crate::viet::{fold_ws, is_upper, upper_key};

static NATIONAL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)c[ộo]ng\s*h(?:òa|oà|oa|óa)\s+x[ãa]\s*h[ộo]i\s+ch[ủu]\s*ngh[ĩi]a\s+vi[ệe]t\s*nam",
    )
    .expect("national")
});
/// The Quốc hiệu as [`upper_key`] spells it.
const NATIONAL_KEY: &str = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM";

static MOTTO: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?:độc\s*lập\s*[-–—]*\s*tự\s*do\s*[-–—]*\s*hạnh\s*phúc|\bdoc\s*lap\s*[-–—]*\s*tu\s*do\s*[-–—]*\s*hanh\s*phuc\b)").expect("motto")
});
/// The Tiêu ngữ as printed on most documents.
const MOTTO_TEXT: &str = "Độc lập - Tự do - Hạnh phúc";
static PARTY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)đảng\s+cộng\s+sản\s+việt\s+nam|^(?:ĐOÀN TNCS HỒ CHÍ MINH|ĐOÀN THANH NIÊN CỘNG SẢN HỒ CHÍ MINH)$")
        .expect("party")
});
static VV: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?:^|\s)([Vv]/[Vv])\s*[:.]?\s*").expect("vv"));
static MARK: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^[(\[]?\s*(?:(THƯỢNG KHẨN|KHẨN|HỎA TỐC|HOẢ TỐC|HỎA TỐC HẸN GIỜ)|(TUYỆT MẬT|TỐI MẬT|MẬT)|(LƯU HÀNH NỘI BỘ|XEM XONG TRẢ LẠI|TÀI LIỆU THU HỒI)|((?i:dự thảo)(?:\s+(?i:lần)?\s*\d+)?))\s*[)\]]?$")
        .expect("mark")
});
static SYMBOL_TAIL: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^[\p{Lu}\d][\p{Lu}\d&./-]*$").expect("symbol tail"));
static KINH_GUI_IN: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)\s*kính\s*gửi\s*:").expect("kinh gui inside"));
static KINH_GUI: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)^kính\s*gửi\b").expect("kinh gui"));

/// What the header block gave.
#[derive(Debug, Default)]
pub(crate) struct Header {
    pub issuer: Option<Issuer>,
    pub national: Option<NationalHeading>,
    pub marks: Vec<Mark>,
    pub number: Option<Number>,
    pub place_date: Option<PlaceDate>,
    pub date_problem: Option<(String, u32)>,
    /// The `V/v` trích yếu, without the marker.
    pub vv: Option<Text>,
    pub front_matter: Vec<Text>,
    /// Header text that fits no component (kept for the diagnostics).
    pub unknown: Vec<Text>,
    /// Lines the header used (indices).
    pub used: Vec<usize>,
    /// Index of the first line after the header.
    pub end: usize,
}

#[derive(Debug)]
enum Tok {
    National(String),
    Motto(String),
    Party(String),
    Number(String, number::NumberParts),
    Date(String, Option<String>, place_date::DateParts),
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
    if let Some(c) = MARK.captures(cell) {
        let kind = if c.get(1).is_some() {
            MarkKind::Urgency
        } else if c.get(2).is_some() {
            MarkKind::Secrecy
        } else if c.get(3).is_some() {
            MarkKind::Circulation
        } else {
            MarkKind::Draft
        };
        return vec![Tok::Mark(kind, cell.to_string())];
    }
    enum A {
        Nat,
        Motto,
        Party,
        Num(number::NumberParts),
        Date(place_date::DateParts),
        Vv,
    }
    let mut anchors: Vec<(usize, usize, A)> = Vec::new();
    // the Quốc hiệu in running text (`… của Nước Cộng hòa xã hội chủ nghĩa Việt Nam;`, a
    // bullet, a long sentence) is no heading
    let running_text = cell.len() > 200 || cell.starts_with(['-', '+', '•']);
    for m in NATIONAL.find_iter(cell) {
        let before = cell[..m.start()].trim_end();
        let after_nuoc = before
            .rsplit(' ')
            .next()
            .is_some_and(|w| w.to_lowercase() == "nước");
        if !running_text && !after_nuoc {
            anchors.push((m.start(), m.end(), A::Nat));
        }
    }
    for m in MOTTO.find_iter(cell) {
        anchors.push((m.start(), m.end(), A::Motto));
    }
    for m in PARTY.find_iter(cell) {
        anchors.push((m.start(), m.end(), A::Party));
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
        if !cited {
            anchors.push((a, b, A::Date(parts)));
        }
    }
    if let Some(c) = VV.captures(cell) {
        let g = c.get(1).expect("vv group");
        anchors.push((g.start(), c.get(0).expect("vv").end(), A::Vv));
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
        match kind {
            A::Date(parts) => {
                let (place, head) = match place_date::place_before(gap) {
                    Some((at, p)) => (Some(p), &gap[..at]),
                    None => (None, gap),
                };
                free(head, &mut out);
                let raw_start = cursor + (head.len());
                out.push(Tok::Date(
                    fold_ws(cell[raw_start..b].trim_start_matches(['*', ' '])),
                    place,
                    parts,
                ));
            }
            A::Num(parts) => {
                free(gap, &mut out);
                out.push(Tok::Number(fold_ws(&cell[a..b]), parts));
            }
            A::Nat => {
                free(gap, &mut out);
                out.push(Tok::National(fold_ws(&cell[a..b])));
            }
            A::Motto => {
                free(gap, &mut out);
                out.push(Tok::Motto(fold_ws(&cell[a..b])));
            }
            A::Party => {
                free(gap, &mut out);
                out.push(Tok::Party(fold_ws(&cell[a..b])));
            }
            A::Vv => {
                free(gap, &mut out);
                out.push(Tok::Vv);
            }
        }
        cursor = b;
    }
    free(&cell[cursor..], &mut out);
    out
}

/// The document's own number in a cell: not the number of the text it is attached to
/// (`(Ban hành kèm theo Quyết định số: 522/2002/QĐ.UB …)`).
fn own_number(cell: &str) -> Option<(usize, usize, number::NumberParts)> {
    let found = number::find(cell)?;
    let before = cell[..found.0].to_lowercase();
    (!before.contains("kèm theo")).then_some(found)
}

/// Byte offset of the first header anchor in a text (Quốc hiệu, Tiêu ngữ, party heading,
/// number, date), if any.
fn first_anchor_at(text: &str) -> Option<usize> {
    [
        NATIONAL.find(text).map(|m| m.start()),
        MOTTO.find(text).map(|m| m.start()),
        PARTY.find(text).map(|m| m.start()),
        own_number(text).map(|n| n.0),
        place_date::find_date(text).map(|d| d.0),
    ]
    .into_iter()
    .flatten()
    .min()
}

/// Per-line memo of "does this line hold a header anchor" (each line is asked several times).
struct AnchorMemo(Vec<Option<bool>>);

impl AnchorMemo {
    fn line_has_anchor(&mut self, lines: &[Line<'_>], k: usize) -> bool {
        if let Some(Some(v)) = self.0.get(k) {
            return *v;
        }
        let l = &lines[k];
        // a date inside a long sentence of the body is no header row
        let v = l.text.chars().count() <= 160 && first_anchor_at(&l.text).is_some();
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
fn is_body_like(text: &str) -> bool {
    if KINH_GUI.is_match(text) || crate::parse::body::starts_with_marker(text) {
        return true;
    }
    !is_upper(text) && text.chars().count() > 25
}

/// A line above the document proper (a web page's title or labels): it and the capital lines
/// gathered before it go to the front matter.
fn residue(h: &mut Header, org: &mut Vec<Text>, line: &Line<'_>, i: usize) {
    h.front_matter.append(org);
    h.front_matter.push(Text {
        text: line.text.clone(),
        span: line.span(),
    });
    h.used.push(i);
}

/// `Kính` alone on a line and `gửi:` opening the next (a table cell wrapped word by word):
/// the index of the `gửi` line.
pub(crate) fn kinh_split(lines: &[Line<'_>], k: usize) -> Option<usize> {
    if lines[k].text.to_lowercase() != "kính" {
        return None;
    }
    let m = (k + 1..lines.len()).find(|&m| !lines[m].is_void())?;
    (m <= k + 2 && KINH_GUI.is_match(&format!("Kính {}", lines[m].text))).then_some(m)
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

/// Whether a line is a Quốc hiệu or a party heading standing alone (a header row).
fn is_heading_row(text: &str) -> bool {
    text.chars().count() <= 120
        && (NATIONAL.find(text).is_some_and(|m| m.start() == 0)
            || PARTY.find(text).is_some_and(|m| m.start() == 0))
}

/// Where the header starts when a web page or a news article runs above it: the issuer lines
/// just over the first Quốc hiệu (or party heading) row, when the lines before them hold
/// sentences and no header anchor. `None` when the header starts at the top as usual.
fn header_top(lines: &[Line<'_>], limit: usize, memo: &mut AnchorMemo) -> Option<usize> {
    let first = (0..limit).find(|&k| !lines[k].is_void())?;
    let at = (first..limit).find(|&k| !lines[k].is_void() && is_heading_row(&lines[k].text))?;
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
        && above.iter().any(|&k| is_body_like(&lines[k].text))
        && above
            .iter()
            .all(|&k| !memo.line_has_anchor(lines, k) && !VV.is_match(&lines[k].text));
    residue.then_some(top)
}

/// Parse the header at the top of `lines`. `limit` bounds how far it may look.
pub(crate) fn parse(lines: &[Line<'_>], limit: usize) -> Header {
    let mut h = Header::default();
    let mut org: Vec<Text> = Vec::new();
    let mut seen_anchor = false;
    let mut seen_number = false;
    let mut seen_date = false;
    let mut vv_open = false;
    let mut vv_gap = false;
    let org_zone = true;
    let mut skip_to: Option<usize> = None;
    let mut vv_row: Option<usize> = None;
    let mut number_row: Option<usize> = None;
    let mut vv_text = String::new();
    let mut vv_span: Option<Span> = None;
    let mut national: Option<NationalHeading> = None;
    let limit = limit.min(lines.len());
    let mut memo = AnchorMemo(vec![None; limit]);
    let mut i = 0;
    if let Some(top) = header_top(lines, limit, &mut memo) {
        for (k, line) in lines.iter().enumerate().take(top) {
            if !line.is_void() {
                h.front_matter.push(Text {
                    text: line.text.clone(),
                    span: line.span(),
                });
            }
            h.used.push(k);
        }
        i = top;
    }
    while i < limit {
        let line = &lines[i];
        if line.artifact.is_some() {
            h.used.push(i);
            i += 1;
            continue;
        }
        if line.text.is_empty() {
            vv_gap = true;
            i += 1;
            continue;
        }
        // a ký hiệu cut at a hyphen and wrapped onto the next line (`…-BYT-` / `BCT-VKSNDTC`)
        if let Some(num) = h.number.as_mut()
            && number_row.is_some_and(|r| r + 1 == i)
            && num
                .symbol
                .as_deref()
                .is_some_and(|s| s.ends_with(['-', '/']))
            && SYMBOL_TAIL.is_match(&line.text)
        {
            let sym = format!("{}{}", num.symbol.take().unwrap_or_default(), line.text);
            num.raw = format!("{}{}", num.raw, line.text);
            let parts = number::NumberParts {
                number: num.number.clone(),
                year: num.year,
                symbol: Some(sym),
                party: false,
            };
            num.type_code = parts.type_code();
            num.issuer_codes = parts.issuer_codes();
            num.symbol = parts.symbol;
            num.span = num.span.join(line.span());
            h.used.push(i);
            i += 1;
            continue;
        }
        let cs = cells(line);
        // a Quốc hiệu wrapped over two lines (`CỘNG HÒA XÃ HỘI` / `CHỦ NGHĨA VIỆT NAM`)
        let maybe_national = line.text.len() < 50 && line.text.starts_with(['C', 'c']);
        let key = if maybe_national {
            upper_key(&line.text)
        } else {
            String::new()
        };
        if key.len() >= 4 && NATIONAL_KEY.starts_with(&key) && key != NATIONAL_KEY {
            let next = (i + 1..limit).find(|&k| !lines[k].is_void());
            if let Some(k) = next
                && format!("{key} {}", upper_key(&lines[k].text)).starts_with(NATIONAL_KEY)
            {
                let span = line.span().join(lines[k].span());
                let name = format!("{} {}", line.text, lines[k].text);
                heading_at(&mut national, false, span)
                    .name
                    .get_or_insert(fold_ws(&name));
                seen_anchor = true;
                h.used.push(i);
                h.used.push(k);
                // the rest of the second line (a motto, a date) is read as usual
                let rest_key = format!("{key} {}", upper_key(&lines[k].text));
                if rest_key.trim() == NATIONAL_KEY {
                    i = k + 1;
                    continue;
                }
                i += 1;
                continue;
            }
        }
        // a Quốc hiệu or Tiêu ngữ misread by OCR (`CQNG HOA XA HQI …`, `DQc l$p - Tg do - …`)
        if !seen_anchor && cs.len() <= 1 && first_anchor_at(&line.text).is_none() {
            let t = &line.text;
            let nat = crate::viet::reads_as(t, NATIONAL_KEY);
            if nat || crate::viet::reads_as(t, MOTTO_TEXT) {
                let n = heading_at(&mut national, false, line.span());
                if nat {
                    n.name.get_or_insert(t.clone());
                } else {
                    n.motto.get_or_insert(t.clone());
                }
                // the Tiêu ngữ comes under the Quốc hiệu: the row after it may be one too
                seen_anchor = !nat;
                h.used.push(i);
                i += 1;
                continue;
            }
        }
        let single = cs.len() <= 1;
        if single && DocKind::from_line(&line.text).is_some() && !MARK.is_match(&line.text) {
            // a page title above the document (`KẾ HOẠCH TUYỂN SINH …` over the header) is residue
            // (a tên loại whose next line runs on in lower case, `Quyết định` / `của Bộ trưởng
            // … số …`, opens the document itself)
            let runs_on = (i + 1..limit)
                .find(|&k| !lines[k].is_void())
                .is_some_and(|k| {
                    let t = &lines[k].text;
                    t.starts_with("của ") || t.starts_with("về ")
                });
            if seen_anchor || runs_on || !memo.ahead(lines, i + 1, limit) {
                break;
            }
            residue(&mut h, &mut org, line, i);
            i += 1;
            continue;
        }
        // căn cứ lines open the preamble; their dates are not the document's
        if crate::parse::preamble::is_basis(&line.text) {
            break;
        }
        // (also `Kính` / `gửi:` cut over two lines)
        if kinh_split(lines, i).is_some()
            || KINH_GUI.is_match(&line.text)
            || cs.first().is_some_and(|c| KINH_GUI.is_match(&c.text))
        {
            break;
        }
        let mut cs = cs;
        // a header row wrapped over two lines (`Sóc Trăng, ngày` / `27 tháng 09 năm 2022`,
        // `Độc lập -` / `Tự do - Hạnh phúc`): join when the pair holds an anchor that starts
        // on the first line and neither line does alone
        if let Some(last) = cs.last_mut()
            && first_anchor_at(&last.text).is_none()
            && let Some(k) = (i + 1..limit).find(|&k| !lines[k].is_void())
            && k <= i + 2
            && (!memo.line_has_anchor(lines, k)
                || first_anchor_at(&lines[k].text).is_none_or(|a| a > 0))
        {
            let joined = format!("{} {}", last.text, lines[k].text);
            // a place name wrapped before its date (`Phan` / `Rang, ngày 12 tháng 11 …`)
            let place_head = {
                let words: Vec<&str> = last.text.split_whitespace().collect();
                (1..=2).contains(&words.len())
                    && words.iter().all(|w| crate::viet::is_capitalised(w))
                    && first_anchor_at(&lines[k].text).is_some_and(|a| a > 0)
            };
            if place_head || first_anchor_at(&joined).is_some_and(|a| a < last.text.len()) {
                last.text = joined;
                last.span = last.span.join(lines[k].span());
                h.used.push(k);
                skip_to = Some(k + 1);
            }
        }
        let toks: Vec<(Tok, Span)> = cs
            .iter()
            .flat_map(|c| tokenize(&c.text).into_iter().map(move |t| (t, c.span)))
            .collect();
        let has_anchor = toks.iter().any(|(t, _)| t.is_anchor());
        if !has_anchor {
            let caps = is_upper(&line.text);
            if vv_open && !caps && (!vv_gap || crate::viet::starts_lower(&line.text)) {
                // a wrapped V/v line
            } else if !caps
                && is_org_like(&line.text)
                && (!seen_number || !org.is_empty())
                && org_zone
            {
                // an issuer typed in lower or mixed case (older documents)
            } else if seen_anchor && (!caps || (seen_number && seen_date)) {
                if !memo.ahead(lines, i + 1, limit) {
                    break;
                }
                // text between header rows (`(Dự thảo)`, a stamp): kept as unknown header text
            } else if !(seen_anchor
                || caps
                || is_org_like(&line.text) && memo.ahead(lines, i + 1, limit))
            {
                if is_body_like(&line.text) && !org.is_empty() && !memo.ahead(lines, i + 1, limit) {
                    break;
                }
                // web-page residue above the document: what came before it is residue too
                residue(&mut h, &mut org, line, i);
                i += 1;
                continue;
            }
        }
        let mut after_vv = false;
        let first_national = toks
            .iter()
            .position(|(t, _)| matches!(t, Tok::National(_) | Tok::Party(_) | Tok::Motto(_)))
            .unwrap_or(0);
        for (k_tok, (tok, span)) in toks.into_iter().enumerate() {
            match tok {
                Tok::National(s) | Tok::Party(s) => {
                    let party = upper_key(&s).starts_with("ĐẢNG");
                    heading_at(&mut national, party, span).name.get_or_insert(s);
                    seen_anchor = true;
                    vv_open = false;
                    after_vv = false;
                }
                Tok::Motto(s) => {
                    heading_at(&mut national, false, span)
                        .motto
                        .get_or_insert(s);
                    seen_anchor = true;
                    vv_open = false;
                    after_vv = false;
                }
                Tok::Number(raw, p) => {
                    seen_anchor = true;
                    seen_number = true;
                    number_row = Some(i);
                    vv_open = false;
                    after_vv = false;
                    if h.number.is_some() {
                        h.unknown.push(Text { text: raw, span });
                    } else {
                        h.number = Some(Number {
                            raw,
                            type_code: p.type_code(),
                            issuer_codes: p.issuer_codes(),
                            number: p.number,
                            year: p.year,
                            symbol: p.symbol,
                            span,
                        });
                    }
                }
                Tok::Date(raw, place, p) => {
                    seen_anchor = true;
                    seen_date = true;
                    after_vv = false;
                    // a V/v cell beside the date (`V/v … <spaces> Hà Nội, ngày …`) may go on
                    // over the next rows
                    vv_open = vv_open && vv_row == Some(i);
                    if h.place_date.is_some() {
                        h.unknown.push(Text { text: raw, span });
                    } else {
                        if let Some(problem) = p.range_problem() {
                            h.date_problem = Some((problem, span.line_start));
                        }
                        h.place_date = Some(PlaceDate {
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
                }
                Tok::Vv => {
                    if !seen_anchor && org.is_empty() {
                        // a scraper's page title (`# V/v …`) above the document
                        continue;
                    }
                    vv_open = true;
                    vv_gap = false;
                    after_vv = true;
                    vv_row = Some(i);
                    vv_text.clear();
                    vv_span = Some(span);
                }
                Tok::Mark(kind, text) => {
                    h.marks.push(Mark { kind, text, span });
                }
                Tok::Free(s) => {
                    if after_vv || (vv_open && !is_upper(&s)) {
                        if !vv_text.is_empty() {
                            vv_text.push(' ');
                        }
                        vv_text.push_str(&s);
                        vv_span = vv_span.map(|v| v.join(span));
                        after_vv = false;
                        vv_gap = false;
                    } else if (is_upper(&s) && s.chars().any(char::is_alphabetic))
                        || (k_tok < first_national && is_org_like(&s))
                        || (!has_anchor && is_org_like(&s))
                    {
                        if !(seen_number && seen_date && national.is_some()) || org.is_empty() {
                            org.push(Text { text: s, span });
                        } else {
                            h.unknown.push(Text { text: s, span });
                        }
                    } else if !seen_anchor && !has_anchor {
                        h.front_matter.push(Text { text: s, span });
                    } else if vv_span.is_none()
                        && !has_anchor
                        && number_row.is_some_and(|r| i == r + 1)
                        && (crate::viet::starts_lower(&s) || s.starts_with("Về "))
                    {
                        // the trích yếu of a công văn printed under the number without `V/v`
                        // (party công văn: `Số 416-CV/ĐU` / `về thu, nộp đảng phí …`)
                        vv_text.push_str(&s);
                        vv_span = Some(span);
                        vv_open = true;
                        vv_gap = false;
                        vv_row = Some(i);
                    } else {
                        h.unknown.push(Text { text: s, span });
                    }
                }
            }
        }
        h.used.push(i);
        i = skip_to.take().unwrap_or(i + 1);
    }
    h.end = i;
    if let Some(m) = KINH_GUI_IN.find(&vv_text) {
        vv_text.truncate(m.start());
    }
    if !vv_text.is_empty() {
        h.vv = vv_span.map(|span| Text {
            text: vv_text.trim_end_matches([',', ';']).trim().to_string(),
            span,
        });
    }
    h.national = national;
    h.issuer = issuer_from(&org);
    if !seen_anchor && org.is_empty() {
        // nothing of a header: leave every line to the body
        h.front_matter.clear();
        h.used.clear();
        h.end = 0;
    }
    h
}

/// Words that open the name of an issuing body in any case (`Bộ Tài chính`, `ủy ban nhân dân`).
const ORG_HEADS: &[&str] = &[
    "BỘ",
    "CHÍNH PHỦ",
    "ỦY BAN",
    "ỦY BAN",
    "UBND",
    "SỞ",
    "TỔNG CỤC",
    "CỤC",
    "HỘI ĐỒNG",
    "QUỐC HỘI",
    "VĂN PHÒNG",
    "PHÒNG",
    "TRƯỜNG",
    "BAN",
    "THỦ TƯỚNG",
    "CÔNG TY",
    "TRUNG TÂM",
    "TỈNH",
    "HUYỆN",
    "THÀNH PHỐ",
    "XÃ",
    "PHƯỜNG",
    "QUẬN",
    "THỊ XÃ",
    "ĐẢNG BỘ",
    "ĐOÀN",
    "CHI CỤC",
];

/// A short line naming a body, whatever its case: `Chính phủ`, `Bộ Tài chính`, `Tỉnh an giang`.
fn is_org_like(text: &str) -> bool {
    let words = text.split_whitespace().count();
    if words == 0
        || words > 10
        || text
            .chars()
            .any(|c| c.is_ascii_digit() || matches!(c, ',' | ';' | ':' | '.'))
    {
        return false;
    }
    let key = upper_key(text);
    ORG_HEADS.iter().any(|h| starts_with_words(&key, h))
}

/// Words that open a subordinate body (the issuer under a cơ quan chủ quản).
const UNIT_HEADS: &[&str] = &[
    "SỞ",
    "PHÒNG",
    "CỤC",
    "CHI CỤC",
    "TỔNG CỤC",
    "VỤ",
    "VĂN PHÒNG",
    "BAN",
    "TRƯỜNG",
    "TRUNG TÂM",
    "ĐOÀN",
    "THANH TRA",
    "VIỆN",
    "BỆNH VIỆN",
    "HỌC VIỆN",
    "HỘI ĐỒNG",
    "HUYỆN ỦY",
    "HUYỆN UỶ",
    "TỈNH ỦY",
    "TỈNH UỶ",
    "THÀNH ỦY",
    "THÀNH UỶ",
    "ĐẢNG ỦY",
    "ĐẢNG UỶ",
    "QUẬN ỦY",
    "QUẬN UỶ",
    "CÔNG AN",
    "KHO BẠC",
    "CHI NHÁNH",
    "ĐÀI",
    "BÁO",
    "TỔ",
    "BỘ CHỈ HUY",
    "ỦY BAN KIỂM TRA",
    "CHI BỘ",
    "TRUNG ĐOÀN",
    "NHÀ XUẤT BẢN",
    "QUỸ",
    "BAN QUẢN LÝ",
];

/// Words after which a name is still the same body (wrapped): places and connectors.
const WRAP_HEADS: &[&str] = &[
    "TỈNH",
    "THÀNH PHỐ",
    "HUYỆN",
    "QUẬN",
    "XÃ",
    "PHƯỜNG",
    "THỊ XÃ",
    "THỊ TRẤN",
    "VÀ",
    "-",
    "–",
];

fn starts_with_words(s: &str, head: &str) -> bool {
    let at = |head: &str| {
        s.strip_prefix(head)
            .is_some_and(|r| r.is_empty() || r.starts_with(' '))
    };
    // a header typed without diacritics (`SO XAY DUNG`) matches the heads without theirs
    at(head) || (crate::viet::is_unmarked(s) && !head.is_ascii() && at(&crate::viet::bare(head)))
}

fn unit_head_at(words: &[&str], k: usize) -> bool {
    let rest = words[k..].join(" ");
    let key = upper_key(&rest);
    if WRAP_HEADS.iter().any(|w| starts_with_words(&key, w))
        && !["HUYỆN ỦY", "TỈNH ỦY", "THÀNH ỦY", "QUẬN ỦY"]
            .iter()
            .any(|w| starts_with_words(&key, w))
    {
        return false;
    }
    if k > 0 {
        let prev = upper_key(words[k - 1]);
        // ỦY BAN, UỶ BAN, ĐẢNG BỘ, …: the unit word is inside the name
        if matches!(
            prev.as_str(),
            "ỦY" | "UỶ" | "ĐẢNG" | "HÀNH" | "THƯỜNG" | "CHỈ" | "VỤ" | "ĐÀO"
        ) {
            return false;
        }
    }
    UNIT_HEADS.iter().any(|w| starts_with_words(&key, w))
}

/// Words that cannot stand right before a subordinate body's head word: the head word is then
/// part of a longer name (`MÔI TRƯỜNG`, `DỊCH VỤ`, `VÀ ĐÀO TẠO`).
const INNER_BEFORE: &[&str] = &[
    "VÀ", "&", "-", "–", "MÔI", "QUỐC", "NỘI", "DỊCH", "NHIỆM", "PHỤC", "ĐẠI", "CAO", "CÔNG",
    "NHÂN",
];

/// Parents that a row-joined issuer line may open with.
const PARENT_HEADS: &[&str] = &[
    "UBND",
    "ỦY BAN NHÂN DÂN",
    "UỶ BAN NHÂN DÂN",
    "BỘ",
    "TỔNG CỤC",
    "SỞ",
    "ĐẢNG BỘ",
    "BAN CHẤP HÀNH",
    "HĐND",
    "TỈNH ỦY",
    "TỈNH UỶ",
    "HUYỆN ỦY",
    "HUYỆN UỶ",
    "THÀNH ỦY",
    "THÀNH UỶ",
    "CỤC",
    "PHÒNG",
];

/// Split a row-joined `UBND TỈNH LÀO CAI SỞ CÔNG THƯƠNG` at the subordinate body.
fn split_inline(s: &str) -> Option<(String, String)> {
    let words: Vec<&str> = s.split(' ').collect();
    if words.len() < 3 {
        return None;
    }
    let key = upper_key(s);
    if !PARENT_HEADS.iter().any(|p| starts_with_words(&key, p)) {
        return None;
    }
    (2..words.len())
        .find(|&k| {
            let prev = upper_key(words[k - 1]);
            // the unit needs a name after its head word (`NỘI VỤ` ends a name, `VỤ PHÁP CHẾ`
            // opens one)
            !INNER_BEFORE.contains(&prev.as_str())
                && k + 1 < words.len()
                && !matches!(words[k + 1], "-" | "–")
                && unit_head_at(&words, k)
        })
        .map(|k| (words[..k].join(" "), words[k..].join(" ")))
}

/// Build the issuer from the capital lines of the left column, top first.
pub(crate) fn issuer_from(org: &[Text]) -> Option<Issuer> {
    if org.is_empty() {
        return None;
    }
    // split row-joined pieces first
    let mut units: Vec<Text> = Vec::new();
    for t in org {
        match split_inline(&t.text) {
            Some((a, b)) => {
                units.push(Text {
                    text: a,
                    span: t.span,
                });
                units.push(Text {
                    text: b,
                    span: t.span,
                });
            }
            None => units.push(t.clone()),
        }
    }
    let span = units
        .iter()
        .skip(1)
        .fold(units[0].span, |s, u| s.join(u.span));
    let split = (1..units.len()).rev().find(|&k| {
        let words: Vec<&str> = units[k].text.split(' ').collect();
        unit_head_at(&words, 0)
    });
    // lines joined; stray underscores of a rule left inside a cell dropped
    let join = |ts: &[Text]| {
        let s = ts
            .iter()
            .map(|t| t.text.as_str())
            .collect::<Vec<_>>()
            .join(" ");
        fold_ws(
            &s.split(' ')
                .filter(|w| !w.chars().all(|c| c == '_'))
                .collect::<Vec<_>>()
                .join(" "),
        )
    };
    Some(match split {
        Some(k) => Issuer {
            parent: Some(join(&units[..k])),
            name: join(&units[k..]),
            span,
        },
        None => Issuer {
            parent: None,
            name: join(&units),
            span,
        },
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lines::split_lines;

    fn head(s: &str) -> Header {
        let ls = split_lines(s);
        parse(&ls, 80)
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
