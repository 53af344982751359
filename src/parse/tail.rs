//! What follows the closing block: phụ lục (`Phụ lục I`, `PHỤ LỤC 01`), texts issued with the
//! document under a repeated header (`QUY CHẾ` … `(Ban hành kèm theo Quyết định số …)`), and
//! bản sao records (`SAO Y`, `SAO LỤC`, `TRÍCH SAO`) — each parsed into its own node, never into
//! the main body.

use crate::ast::{Appendix, CopyKind, DocumentCopy, Recipients, Span};
use crate::cues::heading::nationals;
use crate::cues::tail::{is_appendix_heading, is_attached_to, is_copy_heading};
use crate::diagnostic::Sink;
use crate::lines::{Cursor, Line, cells};
use crate::parse::{body, closing, header};
use crate::viet::{fold_ws, is_upper};

/// A repeated header (an attached text's own issuer and Quốc hiệu) starts at line `k`: a
/// capital line that opens a block of capitals with the Quốc hiệu among its next lines.
fn repeated_header_at(lines: &[Line<'_>], k: usize) -> bool {
    if !is_upper(&lines[k].text) || lines[k].is_void() {
        return false;
    }
    // the first capital line of its block
    if let Some(p) = lines[..k].iter().rev().find(|l| !l.is_void())
        && is_upper(&p.text)
    {
        return false;
    }
    // the Quốc hiệu in capitals, as a header prints it (a căn cứ that names the Constitution of
    // the `nước Cộng hòa xã hội chủ nghĩa Việt Nam` is no header)
    lines[k..]
        .iter()
        .filter(|l| !l.is_void())
        .take(4)
        .any(|l| nationals(&l.text).any(|(a, b)| is_upper(&l.text[a..b])))
}

/// Parsed tail: appendices and copies, with the numbering issues of their bodies.
pub(crate) struct Tail {
    pub appendices: Vec<Appendix>,
    pub copies: Vec<DocumentCopy>,
}

/// Parse everything from line `from` to the end; what the header, body and closing block of
/// each part find is reported to `sink`.
pub(crate) fn parse(lines: &[Line<'_>], from: usize, join: bool, sink: &mut Sink) -> Tail {
    let n = lines.len();
    let mut tail = Tail {
        appendices: Vec::new(),
        copies: Vec::new(),
    };
    let cur = Cursor::new(lines);
    // where the next part starts, after line `k`
    let next_start = |k: usize| {
        (k + 1..n)
            .find(|&m| {
                let t = &lines[m].text;
                is_appendix_heading(t) || is_copy_heading(t) || repeated_header_at(lines, m)
            })
            .unwrap_or(n)
    };
    let mut j = from;
    while let Some(k) = cur.next_text(j, n) {
        let end = next_start(k);
        if is_copy_heading(&lines[k].text) {
            // what follows the record's closing block is read on its own (nothing is lost)
            let (c, used) = copy(lines, k, end, sink);
            tail.copies.push(c);
            j = used;
            continue;
        }
        tail.appendices.push(appendix(lines, k, end, join, sink));
        j = end;
    }
    tail
}

fn span_of(lines: &[Line<'_>], a: usize, b: usize) -> Span {
    lines[a].span().join(lines[b.max(a)].span())
}

/// A bản sao record from line `k` (its heading) to at most `end`, and the line after it.
fn copy(lines: &[Line<'_>], k: usize, end: usize, sink: &mut Sink) -> (DocumentCopy, usize) {
    let heading = lines[k].text.to_string();
    let kind = if heading.starts_with("SAO LỤC") {
        CopyKind::SaoLuc
    } else if heading.starts_with("TRÍCH SAO") {
        CopyKind::TrichSao
    } else {
        CopyKind::SaoY
    };
    let sub = &lines[..end];
    let h = header::parse(&sub[k + 1..], 20, sink);
    // a record's header has no front matter, V/v or Kính gửi of its own: text read as such is
    // reported, never dropped
    for t in h.front_matter.iter().chain(&h.vv).chain(&h.kinh_gui) {
        header::unknown(sink, &t.text, t.span);
    }
    let f = closing::parse(sub, k + 1 + h.end, sink);
    let mut recipients = Recipients::default();
    for (t, s) in f.cc {
        recipients.cc.push(t);
        recipients.cc_spans.push(s);
    }
    recipients.archive = f.archive;
    recipients.span = f.cc_span;
    let used = f.end.clamp(k + 1, end);
    let record = DocumentCopy {
        kind,
        heading,
        issuer: h.issuer,
        national_heading: h.national,
        number: h.number,
        place_date: h.place_date,
        recipients,
        signature: f.signature,
        span: span_of(lines, k, used - 1),
    };
    (record, used)
}

/// A phụ lục or attached text from line `k` to `end`.
fn appendix(lines: &[Line<'_>], k: usize, end: usize, join: bool, sink: &mut Sink) -> Appendix {
    let mut heading = None;
    let mut kind = None;
    let mut title: Option<String> = None;
    let mut attached_to = None;
    let mut i = k;
    let mut own = None;
    if repeated_header_at(lines, k) {
        // an attached text under its own header: issuer, Quốc hiệu, then its tên loại (a
        // header read only after text that is no header is none: that text would be lost)
        let mut quiet = Sink::default();
        let h = header::parse(&lines[k..end], 20, &mut quiet);
        if h.front_matter.is_empty() && h.national.is_some() {
            sink.append(&mut quiet);
            i = k + h.end;
            own = Some(h);
        }
    }
    let next = |mut j: usize| {
        while j < end && lines[j].is_void() {
            j += 1;
        }
        j
    };
    i = next(i);
    if i < end {
        let t = &lines[i].text;
        if is_appendix_heading(t) {
            heading = Some(t.to_string());
            i += 1;
        } else if cells(&lines[i]).len() <= 1
            && let Some(dk) = lines[i].doc_kind().cloned()
            && is_upper(t)
        {
            heading = Some(t.to_string());
            kind = Some(dk);
            i += 1;
        }
    }
    if heading.is_some() {
        // the title: capital lines under the heading (or lines up to the `(Kèm theo …)` line)
        let mut parts: Vec<String> = Vec::new();
        let mut j = next(i);
        while j < end && parts.len() < 6 {
            let t = &lines[j].text;
            if is_attached_to(t) {
                attached_to = Some(t.to_string());
                j += 1;
                break;
            }
            if is_upper(t) && !lines[j].opens_with_marker() {
                parts.push(t.to_string());
                j = next(j + 1);
            } else {
                break;
            }
        }
        // a `(Kèm theo …)` line right after the title
        let jj = next(j);
        if attached_to.is_none() && jj < end && is_attached_to(&lines[jj].text) {
            attached_to = Some(lines[jj].text.to_string());
            j = jj + 1;
        }
        if !parts.is_empty() {
            title = Some(fold_ws(&parts.join(" ")));
        }
        i = j;
    }
    let idx: Vec<usize> = (i..end).collect();
    let blocks = body::parse(lines, &idx, join, sink);
    let (issuer, national_heading, number, place_date) = match own {
        Some(h) => (h.issuer, h.national, h.number, h.place_date),
        None => (None, None, None, None),
    };
    Appendix {
        heading,
        kind,
        title,
        attached_to,
        issuer,
        national_heading,
        number,
        place_date,
        body: blocks,
        span: span_of(lines, k, end.saturating_sub(1)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lines::split_lines;

    #[test]
    fn appendices_and_copies() {
        let ls = split_lines(
            "PHỤ LỤC I\nDANH SÁCH CÁC ĐƠN VỊ\n(Kèm theo Kế hoạch số 12/KH-UBND)\n1. Sở Tài chính\n2. Sở Nội vụ\nPHỤ LỤC II\n1. Một\nSAO Y BẢN CHÍNH\nUBND HUYỆN A\nSố: 05/SY-UBND\nA, ngày 02 tháng 3 năm 2024\nTL. CHỦ TỊCH\nCHÁNH VĂN PHÒNG\nNguyễn Văn Bình\n",
        );
        let t = parse(&ls, 0, true, &mut Sink::default());
        assert_eq!(t.appendices.len(), 2);
        let a = &t.appendices[0];
        assert_eq!(a.heading.as_deref(), Some("PHỤ LỤC I"));
        assert_eq!(a.title.as_deref(), Some("DANH SÁCH CÁC ĐƠN VỊ"));
        assert!(a.attached_to.is_some());
        assert_eq!(a.body.len(), 2);
        assert_eq!(t.copies.len(), 1);
        let c = &t.copies[0];
        assert_eq!(c.kind, CopyKind::SaoY);
        assert_eq!(
            c.number.as_ref().unwrap().symbol.as_deref(),
            Some("SY-UBND")
        );
        assert_eq!(
            c.signature.as_ref().unwrap().signer.as_deref(),
            Some("Nguyễn Văn Bình")
        );
    }
}
