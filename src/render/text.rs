//! Canonical plain text: the document laid out as Nghị định 30/2020/NĐ-CP lays it out, with the
//! two columns of the header and of the closing as tab-separated cells (as a Word table saved as
//! text gives them).

use crate::ast::Parsed;
use crate::ast::kind::DocKind;
use crate::ast::{Block, BlockKind, Recipients, Signature};

use super::{Head, is_vv, own_signatures, signature_lines};
use crate::viet::ends_sentence;

/// The document as canonical plain text.
///
/// ```text
/// ỦY BAN NHÂN DÂN⇥CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
/// TỈNH BẮC NINH⇥Độc lập - Tự do - Hạnh phúc
/// Số: 123/TB-UBND⇥Bắc Ninh, ngày 05 tháng 3 năm 2024
///
/// THÔNG BÁO
/// Về việc nghỉ Tết
///
/// 1. Cán bộ được nghỉ từ ngày 8/2./.
///
/// Nơi nhận:⇥KT. CHỦ TỊCH
/// - Các sở;⇥PHÓ CHỦ TỊCH
/// - Lưu: VT, VP.⇥Nguyễn Văn An
/// ```
///
/// Lines kept out of the text (page numbers, rules, signing-software lines) are not written;
/// the labelled fields of a form are already in the body and are written once. Parsing the
/// result again gives the same pinned fields.
pub fn to_text(parsed: &Parsed) -> String {
    let doc = &parsed.document;
    let mut w = Writer::default();
    for t in &doc.front_matter {
        w.line(&t.text);
        w.blank();
    }
    w.blank();
    let vv = is_vv(doc);
    header(
        &mut w,
        Head::of_document(doc),
        if vv { doc.title.as_deref() } else { None },
    );
    for m in &doc.marks {
        w.line(&m.text);
    }
    w.blank();
    let kind_line = doc
        .kind_line
        .as_ref()
        .map(|t| t.text.clone())
        .or_else(|| match &doc.kind {
            Some(DocKind::CongVan) | None => None,
            Some(k) => k.name().map(str::to_string),
        });
    if let Some(k) = &kind_line {
        w.line(k);
    }
    if !vv && let Some(t) = &doc.title {
        // a long one in lines of a few words, as printed (one in capitals reads as the title
        // on one line too)
        let lines = if t.chars().count() > 2 * TITLE_WIDTH && t.chars().any(char::is_lowercase) {
            wrap(t, TITLE_WIDTH)
        } else {
            vec![t.as_str()]
        };
        for l in lines {
            w.line(l);
        }
    }
    w.blank();
    kinh_gui(&mut w, &doc.recipients);
    if let Some(p) = &doc.preamble {
        if let Some(a) = &p.authority {
            w.line(&a.text);
            w.blank();
        }
        for t in p.bases.iter().chain(&p.proposals) {
            w.line(&t.text);
        }
        if let Some(e) = &p.enacting {
            w.blank();
            w.line(&e.text);
        }
        w.blank();
    }
    blocks(&mut w, &doc.body);
    if doc.end_mark.is_some() {
        w.end_mark();
    }
    w.blank();
    closing(&mut w, &doc.recipients, &own_signatures(doc));
    for a in &doc.appendices {
        w.blank();
        if !Head::of_appendix(a).is_empty() {
            header(&mut w, Head::of_appendix(a), None);
            w.blank();
        }
        for l in a.heading.iter().chain(&a.title).chain(&a.attached_to) {
            w.line(l);
        }
        w.blank();
        blocks(&mut w, &a.body);
    }
    for c in &doc.copies {
        w.blank();
        w.line(&c.heading);
        header(&mut w, Head::of_copy(c), None);
        w.blank();
        closing(
            &mut w,
            &c.recipients,
            &c.signature.iter().collect::<Vec<_>>(),
        );
    }
    w.finish()
}

/// The width (in characters) a trích yếu over twice as long is wrapped at: a long one on a
/// single line reads as a paragraph of the body.
const TITLE_WIDTH: usize = 90;

/// `s` cut at spaces into lines of at most `width` characters (a longer word stands alone).
fn wrap(s: &str, width: usize) -> Vec<&str> {
    let mut out = Vec::new();
    let (mut start, mut end, mut len) = (0, 0, 0);
    let mut at = 0;
    for word in s.split(' ') {
        let (from, to) = (at, at + word.len());
        at = to + 1;
        let n = word.chars().count();
        if len > 0 && len + 1 + n > width {
            out.push(&s[start..end]);
            (start, len) = (from, 0);
        }
        len += if len > 0 { 1 + n } else { n };
        end = to;
    }
    if start < s.len() {
        out.push(&s[start..end]);
    }
    out
}

/// Lines, with blank lines folded to one and none at the start or end.
#[derive(Default)]
struct Writer {
    out: String,
    blank: bool,
}

impl Writer {
    /// A line (a blank one only marks a blank line to come). Its end is trimmed; its start is
    /// kept, so that a row's leading tab stays an empty left cell.
    fn line(&mut self, s: &str) {
        if s.trim().is_empty() {
            return self.blank();
        }
        if self.blank && !self.out.is_empty() {
            self.out.push('\n');
        }
        self.blank = false;
        self.out.push_str(s.trim_end());
        self.out.push('\n');
    }

    fn blank(&mut self) {
        self.blank = true;
    }

    /// Columns side by side, a row per line, cells separated by a tab.
    fn columns(&mut self, cols: &[Vec<String>]) {
        let rows = cols.iter().map(Vec::len).max().unwrap_or(0);
        for r in 0..rows {
            let cells: Vec<&str> = cols
                .iter()
                .map(|c| c.get(r).map_or("", String::as_str))
                .collect();
            // (a row empty in every column is left out, not made a blank line)
            if cells.iter().any(|c| !c.trim().is_empty()) {
                self.line(&cells.join("\t"));
            }
        }
    }

    /// `./.` after the last line written, unless it already ends so.
    fn end_mark(&mut self) {
        let body = self.out.trim_end_matches('\n');
        if !body.ends_with("./.") && !body.is_empty() {
            let keep = body.len();
            self.out.truncate(keep);
            self.out.push_str("./.\n");
        }
    }

    fn finish(mut self) -> String {
        let keep = self.out.trim_end_matches('\n').len();
        self.out.truncate(keep);
        if !self.out.is_empty() {
            self.out.push('\n');
        }
        self.out
    }
}

/// Ô 1–4 (and 5b): tên cơ quan chủ quản and ban hành beside Quốc hiệu and Tiêu ngữ, then số, ký
/// hiệu beside địa danh and ngày tháng, then a công văn's `V/v` trích yếu under the number.
fn header(w: &mut Writer, head: Head<'_>, vv: Option<&str>) {
    let mut left: Vec<String> = Vec::new();
    if let Some(i) = head.issuer {
        left.extend(i.parent.iter().cloned());
        left.push(i.name.clone());
    }
    let mut right: Vec<String> = Vec::new();
    if let Some(n) = head.national {
        right.extend(n.name.iter().cloned());
        right.extend(n.motto.iter().cloned());
    }
    w.columns(&[left, right]);
    let number = head.number.map(|n| n.raw.clone()).unwrap_or_default();
    let place_date = head.place_date.map(|p| p.raw.clone()).unwrap_or_default();
    w.columns(&[vec![number], vec![place_date]]);
    if let Some(t) = vv {
        w.line(&format!("V/v {t}"));
    }
}

/// Kính gửi (ô 9a): one recipient on the label's line, several as a list.
fn kinh_gui(w: &mut Writer, r: &Recipients) {
    match r.to.as_slice() {
        [] => {}
        [one] => {
            w.line(&format!("Kính gửi: {one}"));
            w.blank();
        }
        many => {
            w.line("Kính gửi:");
            let last = many.len() - 1;
            for (i, t) in many.iter().enumerate() {
                w.line(&format!("- {t}{}", if i == last { "." } else { ";" }));
            }
            w.blank();
        }
    }
}

/// Nội dung: each block on its own line(s), its marker first, children after it.
fn blocks(w: &mut Writer, list: &[Block]) {
    for b in list {
        match (b.kind, &b.marker) {
            // Phần, Chương, Mục, Tiểu mục: the marker line, then the heading's name under it
            (BlockKind::Part | BlockKind::Chapter | BlockKind::Subsection, Some(m)) => {
                w.line(m);
                w.line(&b.text);
            }
            (_, Some(m)) if b.text.is_empty() => w.line(m),
            (_, Some(m)) => paragraph(w, &format!("{m} {}", b.text)),
            (_, None) => paragraph(w, &b.text),
        }
        blocks(w, &b.children);
    }
}

/// A block's text, on one line; a long one that ends without a sentence's end (a table row,
/// a list entry without its `;`) gets its last words on a short line of their own, as a
/// printed paragraph ends: a long unfinished line followed by another reads as one paragraph
/// wrapped, and the block after it would be taken into it.
fn paragraph(w: &mut Writer, text: &str) {
    /// A line at least this long, unfinished, is read as wrapped (the body's rule).
    const WRAPPED: usize = 60;
    if ends_sentence(text) || text.chars().count() < WRAPPED {
        return w.line(text);
    }
    // the last space that leaves a tail of a few words opening in small letters (no marker,
    // no capitals: the tail reads as the line's continuation) and a head still unfinished
    let cut = text
        .char_indices()
        .rev()
        .take(40)
        .filter(|&(i, c)| c == ' ' && text[i + 1..].starts_with(char::is_lowercase))
        .map(|(i, _)| i)
        .last()
        .filter(|&i| !ends_sentence(&text[..i]));
    match cut {
        Some(i) => {
            w.line(&text[..i]);
            w.line(&text[i + 1..]);
        }
        None => w.line(text),
    }
}

/// Nơi nhận (ô 9b) in the left column beside the signature (ô 7); several signature blocks (a
/// joint document, a biên bản's thư ký and chủ tọa) side by side, with Nơi nhận under them.
fn closing(w: &mut Writer, r: &Recipients, sigs: &[&Signature]) {
    let mut noi_nhan = Vec::new();
    if !r.cc.is_empty() || r.archive.is_some() {
        noi_nhan.push("Nơi nhận:".to_string());
        noi_nhan.extend(r.cc.iter().map(|c| format!("- {c};")));
        if let Some(a) = &r.archive {
            noi_nhan.push(format!("- {}.", a.raw.trim_end_matches('.')));
        }
    }
    // the signing space: two empty rows over họ tên, room for the signature and the seal
    let stacks: Vec<Vec<String>> = sigs
        .iter()
        .map(|s| {
            let mut lines = signature_lines(s);
            if s.signer.is_some() && lines.len() > 1 {
                let at = lines.len() - 1;
                lines.splice(at..at, [String::new(), String::new()]);
            }
            lines
        })
        .collect();
    match stacks.as_slice() {
        [] => noi_nhan.iter().for_each(|l| w.line(l)),
        [one] if !noi_nhan.is_empty() => w.columns(&[noi_nhan, one.clone()]),
        _ => {
            w.columns(&stacks);
            w.blank();
            noi_nhan.iter().for_each(|l| w.line(l));
        }
    }
}
