//! Tên loại và trích yếu (ô 5a, 5b) — the type line under the header (`THÔNG BÁO`, `QUYẾT
//! ĐỊNH`, `31   THÔNG TƯ` with a stamp set apart) and the trích yếu under it (`Kết luận của Chủ
//! tịch UBND tỉnh …`, `Về việc …`); a công văn's `V/v` line stands for both; with no type line,
//! the number's type code names the kind (`Số: 12/TB-UBND` is a thông báo).

use crate::ast::kind::DocKind;
use crate::ast::{Number, Span, Text};
use crate::cues::closing::{is_position_phrase, noi_nhan, opens_with_mode};
use crate::cues::heading::{after_kinh_gui, after_ve_viec, vv};
use crate::cues::marker::starts_with_marker;
use crate::cues::preamble::AUTHORITY_HEADS;
use crate::cues::preamble::{is_basis, is_formula};
use crate::cues::tail::mentions_kem_theo;
use crate::diagnostic::{Code, Severity, Sink};
use crate::lines::{Cursor, Line, cells, flat, kind_over_two_lines};
use crate::viet::{ends_sentence, fold_ws, is_unmarked, is_upper, starts_lower, upper_key};

/// What the title part needs to know of the header above it.
pub(crate) struct Above<'h> {
    /// The first line after the header.
    pub end: usize,
    /// A Quốc hiệu (or party heading) or an issuer was read.
    pub heading_or_issuer: bool,
    /// The document's number, if one was read.
    pub number: Option<&'h Number>,
    /// The heading is the party's.
    pub party: bool,
    /// The `V/v` trích yếu of a công văn.
    pub vv: Option<&'h Text>,
}

/// What the title part gave.
#[derive(Debug, Default)]
pub(crate) struct Title {
    pub kind: Option<DocKind>,
    /// The tên loại as printed.
    pub kind_line: Option<Text>,
    /// The trích yếu.
    pub title: Option<String>,
    pub title_span: Option<Span>,
    /// The first line after the title.
    pub next: usize,
}

/// Read the tên loại and the trích yếu from where the header ended.
pub(crate) fn parse(lines: &[Line<'_>], above: &Above<'_>, sink: &mut Sink) -> Title {
    let mut t = Title {
        next: skip_unreadable_rows(lines, above, sink),
        ..Title::default()
    };
    let kind_from_line = type_line(lines, above, &mut t, sink);
    // trích yếu
    if kind_from_line.is_some()
        && t.title.is_none()
        && let Some((title, span, next)) = title_lines(lines, t.next, lines.len())
    {
        t.title = Some(title);
        t.title_span = Some(span);
        t.next = next;
    }
    let written_out =
        kind_from_line.is_none() && above.vv.is_none() && ve_viec(lines, above, &mut t);
    if let Some(vv) = above.vv {
        if t.title.is_none() {
            t.title = Some(vv.text.clone());
            t.title_span = Some(vv.span);
        } else if t.title.as_deref() != Some(vv.text.as_str()) {
            // a V/v read in the header while the trích yếu came from under the tên loại: it is
            // reported whole, never dropped
            sink.at_byte(
                Severity::Info,
                Code::UnrecognisedHeaderText,
                format!(
                    "a V/v trích yếu beside the one under the tên loại: \"{}\"",
                    vv.text
                ),
                vv.span.line_start,
                vv.span.start,
            );
        }
    }
    t.kind = kind_from_line.or_else(|| {
        if written_out {
            Some(DocKind::CongVan)
        } else {
            kind_from_number(above)
        }
    });
    t
}

/// With no tên loại and no `V/v` in the header: a công văn's trích yếu on a line of its own
/// under the header (a Word file sets it in a table row of its own, or under the header table):
/// `V/v …`, or `Về việc …` written out before its `Kính gửi`. Sets the title and returns
/// whether it was found.
fn ve_viec(lines: &[Line<'_>], above: &Above<'_>, t: &mut Title) -> bool {
    if !above.heading_or_issuer || t.title.is_some() {
        return false;
    }
    let (cur, n) = (Cursor::new(lines), lines.len());
    let Some(k) = cur.next_text(t.next, n) else {
        return false;
    };
    let text = &lines[k].text;
    let before_kinh_gui = || {
        cur.next_text(k + 1, n)
            .is_some_and(|m| after_kinh_gui(&lines[m].text).is_some())
    };
    let rest = match vv(text) {
        Some((0, len)) => text[len..].trim(),
        _ => match after_ve_viec(text) {
            Some(rest) if before_kinh_gui() => rest.trim(),
            _ => return false,
        },
    };
    if rest.is_empty() {
        return false;
    }
    t.title = Some(rest.to_string());
    t.title_span = Some(lines[k].span());
    t.next = k + 1;
    true
}

/// With no tên loại line: a công văn when a `V/v` was read, else the kind the number's type
/// code names (`TB` a thông báo; a party document's `TT` a thông tri).
fn kind_from_number(above: &Above<'_>) -> Option<DocKind> {
    if above.vv.is_some() {
        return Some(DocKind::CongVan);
    }
    let num = above.number?;
    match num.type_code.as_deref() {
        Some(code) if above.party => DocKind::from_party_code(code),
        Some(code) => DocKind::from_type_code(code),
        None if num.symbol.is_some() => Some(DocKind::CongVan),
        None => None,
    }
}

/// A header row that could not be read (OCR: `S6: /QD-XPVPHC Hd NAi, ngdy7f …`) between the
/// Quốc hiệu and a tên loại in capitals: up to two such rows, once a header was seen, are
/// reported and the tên loại read after them. Returns the line the tên loại is looked for at.
fn skip_unreadable_rows(lines: &[Line<'_>], above: &Above<'_>, sink: &mut Sink) -> usize {
    let (i, n) = (above.end, lines.len());
    if !above.heading_or_issuer {
        return i;
    }
    let cur = Cursor::new(lines);
    let unreadable = |k: usize| {
        lines[k].doc_kind().is_none()
            && !lines[k].text.ends_with(':')
            && lines[k].text.chars().count() <= 120
    };
    let mut skipped = Vec::new();
    let mut k = cur.next_text(i, n);
    while let Some(at) = k
        && skipped.len() < 2
        && unreadable(at)
    {
        skipped.push(at);
        k = cur.next_text(at + 1, n);
    }
    let Some(at) = k.filter(|&at| !skipped.is_empty() && is_type_row(&lines[at])) else {
        return i;
    };
    for s in skipped {
        let l = &lines[s];
        sink.at(
            Severity::Info,
            Code::UnrecognisedHeaderText,
            format!("header text that fits no component: \"{}\"", l.text),
            l.no,
            l.text_col(),
        );
    }
    at
}

/// A tên loại row: capitals (or text without diacritics), one cell, a known type.
fn is_type_row(l: &Line<'_>) -> bool {
    (is_upper(&l.text) || is_unmarked(&l.text)) && cells(l).len() <= 1 && l.doc_kind().is_some()
}

/// A stamp or page number set apart before the tên loại (`31            THÔNG TƯ`): the byte
/// where the tên loại starts.
fn stamp_before(raw: &str) -> Option<usize> {
    let t = raw.trim_start();
    let digits = t.bytes().take_while(u8::is_ascii_digit).count();
    if !(1..=4).contains(&digits) {
        return None;
    }
    let rest = &t[digits..];
    let gap = rest.len() - rest.trim_start().len();
    let spaces = rest.chars().take_while(|c| c.is_whitespace()).count();
    (spaces >= 3 && !rest.trim_start().is_empty()).then(|| raw.len() - rest.len() + gap)
}

/// The tên loại line at the next line with text, if it is one (also `NGHỊ QUYẾT Về việc …` on
/// one line, which gives the trích yếu too). Sets `kind_line`, the title and `next`.
fn type_line(
    lines: &[Line<'_>],
    above: &Above<'_>,
    t: &mut Title,
    sink: &mut Sink,
) -> Option<DocKind> {
    let k = Cursor::new(lines).next_text(t.next, lines.len())?;
    let line = &lines[k];
    let stamped =
        stamp_before(line.raw).filter(|&at| DocKind::from_line(&line.raw[at..]).is_some());
    let text = &match stamped {
        Some(at) => {
            sink.at(
                Severity::Info,
                Code::UnrecognisedHeaderText,
                format!(
                    "a number set apart before the tên loại (a stamp or page number): \"{}\"",
                    line.raw[..at].trim()
                ),
                line.no,
                line.col,
            );
            fold_ws(&line.raw[at..])
        }
        None => line.text.to_string(),
    };
    if cells(line).len() > 1 {
        return None;
    }
    let header_seen = above.number.is_some() || above.heading_or_issuer;
    let mut kind = DocKind::from_line(text);
    // a tên loại broken over two lines (`THÔNG` / `BÁO`, a narrow cell): the two lines
    if kind.is_none()
        && let Some((joined, m)) = kind_over_two_lines(lines, k)
    {
        t.kind_line = Some(Text {
            text: format!("{text} {}", lines[m].text),
            span: line.span().join(lines[m].span()),
        });
        t.next = m + 1;
        return Some(joined);
    }
    if kind.is_none()
        && header_seen
        && is_upper(text)
        && text.split_whitespace().count() <= 4
        && !text.ends_with(':')
        && !AUTHORITY_HEADS
            .iter()
            .any(|a| upper_key(text).starts_with(a))
        && above.vv.is_none()
    {
        kind = Some(DocKind::other(text));
    }
    if kind.is_some() {
        t.kind_line = Some(Text {
            text: text.clone(),
            span: line.span(),
        });
        t.next = k + 1;
        return kind;
    }
    // `NGHỊ QUYẾT Về việc …` on one line
    let (kind, name, rest) = DocKind::split_line(text)?;
    t.kind_line = Some(Text {
        text: name.to_string(),
        span: line.span(),
    });
    t.title = Some(rest.to_string());
    t.title_span = Some(line.span());
    t.next = k + 1;
    Some(kind)
}

/// The trích yếu lines after the tên loại: returns (title, span, index after the title).
fn title_lines(lines: &[Line<'_>], from: usize, end: usize) -> Option<(String, Span, usize)> {
    let cur = Cursor::new(lines);
    let first = cur.next_text(from, end)?;
    let ok_first = |t: &str| {
        after_kinh_gui(t).is_none()
            && !starts_with_marker(t)
            && !is_formula(t)
            && !is_basis(t)
            && !opens_with_mode(t)
            && noi_nhan(t).is_none()
    };
    let t0 = &flat(&lines[first]);
    // a line that ends in a colon introduces a list or a form (`… trân trọng giới thiệu:`);
    // a paragraph is no trích yếu
    if t0.ends_with(':') || (t0.chars().count() > 250 && !is_upper(t0)) {
        return None;
    }
    if !ok_first(t0)
        || (is_upper(t0) && AUTHORITY_HEADS.iter().any(|a| upper_key(t0).starts_with(a)))
    {
        return None;
    }
    let mut parts = vec![t0.to_string()];
    let mut span = lines[first].span();
    let mut next = first + 1;
    let caps_title = is_upper(t0);
    let mut k = first + 1;
    while k < end && parts.len() < 8 {
        let l = &lines[k];
        if l.artifact.is_some() {
            next = k + 1;
            break; // a rule closes the trích yếu
        }
        if l.text.is_empty() {
            // a wrapped line may follow a blank only when it starts in lower case
            match cur.next_text(k, end) {
                Some(m)
                    if starts_lower(&lines[m].text)
                        && !ends_sentence(parts.last().expect("a part")) =>
                {
                    k = m;
                    continue;
                }
                _ => break,
            }
        }
        let t = &flat(l);
        if !ok_first(t) || is_upper(t) != caps_title && !starts_lower(t) {
            break;
        }
        // a flattened line was cut where a part begins: the trích yếu ends at the cut
        if l.no == lines[k - 1].no && l.phys_start == lines[k - 1].phys_start && l.col > 1 {
            break;
        }
        // `(Ban hành kèm theo Quyết định số …)` under the title of an attached text
        if t.starts_with('(') && mentions_kem_theo(t) {
            break;
        }
        if (is_upper(t) && AUTHORITY_HEADS.iter().any(|a| upper_key(t).starts_with(a)))
            || is_position_phrase(t)
        {
            // the authority line of a decision (`bộ trưởng bộ tài chính` in old documents)
            break;
        }
        if t.chars().count() > 250
            || ends_sentence(parts.last().expect("a part")) && !starts_lower(t)
        {
            break;
        }
        parts.push(t.clone());
        span = span.join(l.span());
        k += 1;
        next = k;
    }
    let title = fold_ws(&parts.join(" "));
    Some((title, span, next))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_stamp_set_apart() {
        assert_eq!(stamp_before("31            THÔNG TƯ"), Some(14));
        assert_eq!(stamp_before("  7   QUYẾT ĐỊNH"), Some(6));
        assert_eq!(stamp_before("31 THÔNG TƯ"), None);
        assert_eq!(stamp_before("12345    THÔNG TƯ"), None);
        assert_eq!(stamp_before("31     "), None);
    }
}
