//! The parse stage: one module per part of the document, read top to bottom from the lines.
//!
//! ```text
//! header ─▶ title ─▶ recipients (Kính gửi) ─▶ preamble ─▶ body ─▶ closing ─▶ tail
//! (ô 1–4,   (ô 5a,     (ô 9a)                 (căn cứ)    (ô 6)   (ô 7, 9b)   (phụ lục,
//!  5b V/v)   5b)                                                              bản sao)
//! ```
//!
//! Each part reads a run of lines and reports what it finds odd to the [`Sink`]; no part
//! builds a diagnostic from another's fields. The parts ask the vocabulary of
//! [`crate::cues`] and never call each other, but for a block's components: the header reads
//! the issuer (`issuer`), and the closing block reads the recipients and the signature; the tail
//! reads an attached text with the header, body and closing parts.

pub(crate) mod body;
pub(crate) mod closing;
mod fields;
pub(crate) mod header;
mod issuer;
mod preamble;
mod recipients;
mod signature;
pub(crate) mod tail;
mod title;

use crate::ast::repair::Repair;
use crate::ast::{ArtifactKind, Document, Parsed, Recipients};
use crate::check;
use crate::decode::Furniture;
use crate::diagnostic::{Severity, Sink};
use crate::follow_up;
use crate::lines::{Cursor, Line, split_lines};
use crate::options::{Options, SCHEMA_VERSION};

/// Parse normalised text (the crate's front door calls this); `sink` holds what decoding found.
pub(crate) fn parse_text(
    text: &str,
    opts: &Options,
    encoding: &str,
    mut repairs: Vec<Repair>,
    mut sink: Sink,
    furniture: &[(u32, Furniture)],
) -> Parsed {
    let mut lines = split_lines(text);
    // the lines a reader found outside the document's flow (a .docx's page headers and
    // footers) are artefacts, whatever they say
    for &(no, kind) in furniture {
        let kind = match kind {
            Furniture::Header => ArtifactKind::PageHeader,
            _ => ArtifactKind::PageFooter,
        };
        for l in lines
            .iter_mut()
            .filter(|l| l.no == no && !l.text.is_empty())
        {
            l.artifact = Some(kind);
        }
    }
    // a repair names the line it found first in the text before it; a character removed from
    // a last line of its own (a stray BOM after the final line end) leaves that line out of
    // the repaired text, so the repair names the last line there is
    let last = lines.last().map_or(1, |l| l.no.max(1));
    for r in &mut repairs {
        r.first_line = r.first_line.min(last);
    }
    for r in &repairs {
        sink.at(Severity::Info, r.kind.code(), r.message(), r.first_line, 1);
    }
    let mut doc = Document {
        schema_version: SCHEMA_VERSION,
        encoding: encoding.to_string(),
        repairs,
        ..Document::default()
    };
    if lines.iter().all(|l| l.text.is_empty()) {
        check::empty(&mut doc, &lines, text);
        return Parsed { document: doc };
    }
    read_parts(&mut doc, &lines, opts, &mut sink);
    follow_up::read(&mut doc, text);
    check::finish(&mut doc, &lines, sink);
    Parsed { document: doc }
}

/// Read every part of the document, top to bottom.
fn read_parts(doc: &mut Document, lines: &[Line<'_>], opts: &Options, sink: &mut Sink) {
    let n = lines.len();
    let cur = Cursor::new(lines);
    let h = header::parse(lines, opts.header_lines, sink);
    let t = title::parse(
        lines,
        &title::Above {
            end: h.end,
            heading_or_issuer: h.national.is_some() || h.issuer.is_some(),
            number: h.number.as_ref(),
            party: h.national.as_ref().is_some_and(|n| n.party),
            vv: h.vv.as_ref(),
        },
        sink,
    );
    doc.kind = t.kind;
    doc.kind_line = t.kind_line;
    doc.title = t.title;
    doc.title_span = t.title_span;
    let (closing_from, mut tail_from) = closing::locate(lines, t.next);
    if let Some(k) = &h.kinh_gui {
        // Kính gửi in a header row
        let to = recipients::kinh_gui_entries(&k.text, k.span);
        if !to.is_empty() {
            doc.recipients.to_span = Some(k.span);
        }
        for (t, s) in to {
            doc.recipients.to.push(t);
            doc.recipients.to_spans.push(s);
        }
    }
    let mut start = t.next;
    // an address in brackets under a Kính gửi of the header row belongs to the addressee
    if let Some(j) = cur.next_text(start, closing_from)
        && recipients::is_addressee_note(&lines[j].text)
        && let (Some(last), Some(span)) = (
            doc.recipients.to.last_mut(),
            doc.recipients.to_spans.last_mut(),
        )
    {
        last.push(' ');
        last.push_str(lines[j].text.trim());
        *span = span.join(lines[j].span());
        doc.recipients.to_span = doc.recipients.to_span.map(|s| s.join(lines[j].span()));
        start = j + 1;
    }
    // Kính gửi under the title, or after the preamble of an upward report
    let mut from = kinh_gui(&mut doc.recipients, lines, start, closing_from);
    let body_idx: Vec<usize> = (from..closing_from)
        .filter(|&j| !lines[j].is_void())
        .collect();
    if let Some((p, used)) = preamble::parse(lines, &body_idx) {
        from = body_idx[used - 1] + 1;
        doc.preamble = Some(p);
    }
    if doc.recipients.to.is_empty() {
        from = kinh_gui(&mut doc.recipients, lines, from, closing_from);
    }
    let idx: Vec<usize> = (from..closing_from).collect();
    doc.body = body::parse(lines, &idx, opts.join_continuations, sink);
    if let Some(last) = cur.prev_text(from, closing_from)
        && lines[last].text.trim_end().ends_with("./.")
    {
        doc.end_mark = Some(lines[last].span());
    }
    if closing_from < n && tail_from == n {
        let c = closing::parse(lines, closing_from, sink);
        let r = &mut doc.recipients;
        for (t, s) in c.cc {
            r.cc.push(t);
            r.cc_spans.push(s);
        }
        r.archive = c.archive;
        r.span = c.cc_span;
        doc.signature = c.signature;
        doc.signatures = c.signatures;
        tail_from = c.end;
    }
    if tail_from < n {
        let t = tail::parse(lines, tail_from, opts.join_continuations, sink);
        doc.appendices = t.appendices;
        doc.copies = t.copies;
        for c in &doc.copies {
            doc.signatures.extend(c.signature.iter().cloned());
        }
    }
    doc.fields = fields::fields(doc);
    doc.front_matter = h.front_matter;
    doc.issuer = h.issuer;
    doc.national_heading = h.national;
    doc.marks = h.marks;
    doc.number = h.number;
    doc.place_date = h.place_date;
}

/// The `Kính gửi` addressees at the next line with text from `from` (before `end`), if that
/// line opens with `Kính gửi`; returns the line after them (`from` when there are none).
fn kinh_gui(r: &mut Recipients, lines: &[Line<'_>], from: usize, end: usize) -> usize {
    let Some(k) = Cursor::new(lines).next_text(from, end) else {
        return from;
    };
    if !recipients::is_kinh_gui(lines, k) {
        return from;
    }
    let (to, next) = recipients::kinh_gui(lines, k, end);
    r.to_span = Some(lines[k].span().join(lines[next - 1].span()));
    for (t, s) in to {
        r.to.push(t);
        r.to_spans.push(s);
    }
    next
}

#[cfg(test)]
mod tests {
    use crate::{Options, parse};

    fn doc(s: &str) -> crate::Document {
        parse(s, &Options::default()).document
    }

    #[test]
    fn kinh_gui_split_over_two_lines() {
        let d = doc(
            "SỞ GIÁO DỤC VÀ ĐÀO TẠO\nSố: 12/SGD\nPhan Rang, ngày 12 tháng 11 năm 2003\nV/v chuyển trường\nKính\ngửi:\n- Trưởng phòng GD-ĐT các huyện,\nthị.\n- Hiệu trưởng các trường\nCăn cứ Quyết định số 51/2002/QĐ-BGD&ĐT ngày 25/12/2002 của Bộ trưởng;\n",
        );
        assert_eq!(
            d.recipients.to,
            [
                "Trưởng phòng GD-ĐT các huyện, thị",
                "Hiệu trưởng các trường"
            ]
        );
    }

    #[test]
    fn a_stamp_before_the_type_line() {
        let d = doc(
            "BỘ Y TẾ\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\nSố: 32/2023/TT-BYT\tHà Nội, ngày 31 tháng 12 năm 2023\n2:3\n31            THÔNG TƯ\n2/2\nQuy định chi tiết một số điều của Luật Khám bệnh, chữa bệnh\nCăn cứ Luật Khám bệnh, chữa bệnh;\n",
        );
        assert_eq!(d.kind.unwrap().slug(), "thong_tu");
        assert_eq!(
            d.title.as_deref(),
            Some("Quy định chi tiết một số điều của Luật Khám bệnh, chữa bệnh")
        );
    }

    #[test]
    fn an_unreadable_header_row_before_the_type_line() {
        let d = doc(
            "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\nS6: /QD-XPVPHC Hd NAi, ngdy7f,ttuing 7 ndm 2026\nQUYET DINH\nXu phat vi pham hanh chinh\n",
        );
        assert_eq!(d.kind.unwrap().slug(), "quyet_dinh");
        assert_eq!(d.title.as_deref(), Some("Xu phat vi pham hanh chinh"));
        assert!(
            d.diagnostics
                .iter()
                .any(|x| x.code == "unrecognised-header-text" && x.line == Some(3))
        );
    }

    #[test]
    fn a_phu_luc_under_the_closing_line_ends_the_text() {
        let d = doc(
            "UBND TỈNH LÀO CAI\nVĂN PHÒNG\nSố: 1/BC-VP\nLào Cai, ngày 1 tháng 6 năm 2026\nBÁO CÁO\nTình hình cụm công nghiệp\nI. HIỆN TRẠNG\nNội dung.\nII. KIẾN NGHỊ\nNội dung.\nVĂN PHÒNG UBND TỈNH\nPhụ lục 1\nDANH SÁCH\nI. Cụm do xã quản lý\n1\nNhận xét\nPHÓ CHÁNH VĂN PHÒNG\nNguyễn Văn An\n",
        );
        let labels: Vec<_> = d.body.iter().filter_map(|b| b.label.clone()).collect();
        assert_eq!(labels, ["I", "II"]);
        assert_eq!(d.appendices.len(), 1);
    }

    #[test]
    fn kinh_gui_in_a_header_row_and_a_body_that_opens_with_a_date() {
        let d = doc(
            "BỘ CÔNG THƯƠNG\nCỤC HOÁ CHẤT\tCỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM\nSố: 12/HC-QLHC\tHà Nội, ngày 5 tháng 5 năm 2025\tV/v bổ sung hồ sơ\tKính gửi: Công ty Cổ phần Logistic Việt Trung\n(địa chỉ: phường Lào Cai, tỉnh Lào Cai)\nNgày 14 tháng 10 năm 2025, Bộ Công Thương nhận được hồ sơ đề nghị cấp Giấy phép vận chuyển hàng hóa nguy hiểm của Công ty, sau khi xem xét, Cục Hóa chất có ý kiến như sau.\nNơi nhận:\n- Như trên;\n- Lưu: VT.\nKT. CỤC TRƯỞNG\nPHÓ CỤC TRƯỞNG\nVương Thành Chung\n",
        );
        assert_eq!(
            d.recipients.to,
            ["Công ty Cổ phần Logistic Việt Trung (địa chỉ: phường Lào Cai, tỉnh Lào Cai)"]
        );
        assert_eq!(d.title.as_deref(), Some("bổ sung hồ sơ"));
        assert!(d.body[0].text.starts_with("Ngày 14 tháng 10"));
        assert!(
            d.body
                .iter()
                .any(|b| b.text.contains("Bộ Công Thương nhận được"))
        );
        assert!(d.place_date.unwrap().month == Some(5));
    }

    #[test]
    fn a_type_line_broken_over_two_lines_and_a_record_with_stray_text() {
        let d = doc(
            "ỦY BAN NHÂN DÂN TỈNH BẾN TRE\nSố: 88/TB-UBND\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\nBến Tre, ngày 21 tháng 5 năm 2024\nTHÔNG\nBÁO\nKết luận của Phó Chủ tịch\n\nNgày 16 tháng 5 năm 2024, Phó Chủ tịch chủ trì cuộc họp.\nNơi nhận:\n- Lưu: VT.\nCHÁNH VĂN PHÒNG\nLâm Thị Thu Vân\nTRÍCH SAO\nCác sở, ngành đã chủ động triển khai kế hoạch phòng, chống hạn mặn.\nSố: 12/TrS-VP\nBến Tre, ngày 23 tháng 5 năm 2024\nNơi nhận:\n- Lưu: VT.\nCHÁNH VĂN PHÒNG\nPhan Văn Đức\n",
        );
        assert_eq!(d.kind.as_ref().map(|k| k.slug()), Some("thong_bao"));
        assert_eq!(d.title.as_deref(), Some("Kết luận của Phó Chủ tịch"));
        assert_eq!(d.copies.len(), 1);
        // the line between the record's heading and its number is reported whole
        assert!(d.diagnostics.iter().any(|x| {
            x.message
                .contains("Các sở, ngành đã chủ động triển khai kế hoạch phòng, chống hạn mặn.")
        }));
    }
}
