//! The closing block: Nơi nhận (ô 9b) with its `Lưu` entry, and the signature (ô 7) — as
//! separate columns, joined rows (`Nơi nhận: KT. CHỦ TỊCH` / `- Như Điều 3; PHÓ CHỦ TỊCH`)
//! or tab-separated cells. [`locate`] finds where it starts; [`parse`] reads it, with the
//! entries read by [`crate::parse::recipients`] and the signature by
//! [`crate::parse::signature`].

use crate::ast::{Archive, BlockKind, Signature, Span};
use crate::cues::closing::{
    is_luu, is_position_phrase, is_signature_like, may_hold_mode, may_hold_noi_nhan, modes,
    noi_nhan, opens_with_mode, strip_note,
};
use crate::cues::tail::{is_appendix_heading, is_copy_heading, opens_attachment, opens_copy};
use crate::diagnostic::{Code, Severity, Sink};
use crate::lines::{Cell, Cursor, Line, cells, cells_at_gaps};
use crate::parse::recipients::{archive_entries, clean_entry, split_entries};
use crate::parse::signature::{
    SigItem, main_signature, peel_tail, push_modes, push_sig, signature_text, split_blocks,
};
use crate::viet::{fold_ws, is_person_name, is_upper};

/// What the closing block gave.
#[derive(Debug, Default)]
pub(crate) struct Closing {
    /// The Nơi nhận entries, each with where it was read.
    pub cc: Vec<(String, Span)>,
    /// Where the Nơi nhận block was read.
    pub cc_span: Option<Span>,
    pub archive: Option<Archive>,
    pub signature: Option<Signature>,
    /// Every signature block, in reading order (biên bản, joint documents).
    pub signatures: Vec<Signature>,
    /// Index of the first line after the closing block.
    pub end: usize,
}

/// Where the closing block starts in `lines[from..]`, and where what follows the text (phụ
/// lục, attached texts, bản sao) starts: `(closing, tail)`. With no closing block, a phụ lục
/// or bản sao heading ends the text (`closing == tail`); both are `lines.len()` when neither
/// is found. A phụ lục heading right under a closing line in capitals (`VĂN PHÒNG UBND TỈNH` /
/// `Phụ lục 1`) ends the text even when a closing block turns up further down (in the phụ lục
/// itself).
pub(crate) fn locate(lines: &[Line<'_>], from: usize) -> (usize, usize) {
    let n = lines.len();
    let cur = Cursor::new(lines);
    let early_appendix = |f: usize| {
        (from..f).find(|&k| {
            is_appendix_heading(&lines[k].text)
                && lines[k].text.chars().count() <= 40
                && cur.prev_text(from, k).is_some_and(|p| {
                    let t = &lines[p].text;
                    (is_upper(t) && t.split_whitespace().count() <= 8) || t.ends_with("./.")
                })
        })
    };
    match locate_block(lines, from) {
        Some(f) => match early_appendix(f) {
            Some(a) => (a, a),
            None => (f, n),
        },
        None => {
            let a = (from..n)
                .find(|&k| is_appendix_heading(&lines[k].text) || is_copy_heading(&lines[k].text))
                .unwrap_or(n);
            (a, a)
        }
    }
}

/// Where the closing block (Nơi nhận, signature) starts, searching from line `from`.
fn locate_block(lines: &[Line<'_>], from: usize) -> Option<usize> {
    let n = lines.len();
    // cheap byte tests first: cells are split only on lines that may hold the labels
    let nn = (from..n).find(|&k| {
        let t = &lines[k].text;
        may_hold_noi_nhan(t)
            && (noi_nhan(t).is_some()
                || cells(&lines[k]).iter().any(|c| noi_nhan(&c.text).is_some()))
    });
    let first_mode = (from..n).find(|&k| {
        let l = &lines[k];
        !l.is_void() && may_hold_mode(&l.text) && cells(l).iter().any(|c| opens_with_mode(&c.text))
    });
    if let Some(nn) = nn {
        let mut start = nn;
        // a signature printed before its Nơi nhận column
        let mut k = nn;
        let mut seen = 0;
        let mut strong = None;
        while k > from && seen < 8 {
            k -= 1;
            let l = &lines[k];
            if l.is_void() {
                continue;
            }
            if !is_signature_like(&l.text) || l.opens_with_marker() {
                break;
            }
            seen += 1;
            if opens_with_mode(&l.text) || is_person_name(&l.text) {
                strong = Some(k);
            }
        }
        if let Some(s) = strong {
            // take the whole stack above the strong line
            let mut top = s;
            let mut m = s;
            while m > from {
                m -= 1;
                if lines[m].is_void() {
                    continue;
                }
                if is_signature_like(&lines[m].text) && !lines[m].opens_with_marker() && m + 8 > s {
                    top = m;
                } else {
                    break;
                }
            }
            start = top;
        }
        if let Some(fm) = first_mode
            && fm < start
            && start - fm <= 12
        {
            start = fm;
        }
        return Some(start);
    }
    if let Some(fm) = first_mode {
        return Some(fm);
    }
    // a head signing in person, no Nơi nhận: capitals then a name near the end
    let tail_from = n.saturating_sub(40).max(from);
    let name = (tail_from..n).rev().find(|&k| {
        cells_at_gaps(&lines[k])
            .iter()
            .any(|c| is_person_name(strip_note(&c.text).0))
    });
    let Some(name) = name else {
        // a position in capitals closing the text, unsigned (`ĐẠI DIỆN CÔNG TY` / `(Ký tên,
        // đóng dấu)`): the last lines with text, after the end of the content
        let last: Vec<usize> = (tail_from..n)
            .rev()
            .filter(|&k| !lines[k].is_void())
            .take(2)
            .collect();
        return last.into_iter().rev().find(|&k| {
            let t = &lines[k].text;
            is_upper(t) && is_position_phrase(t)
        });
    };
    let mut k = name;
    let mut top = None;
    while k > from {
        k -= 1;
        let l = &lines[k];
        if l.is_void() {
            continue;
        }
        if is_upper(&l.text) && l.text.split_whitespace().count() <= 10 {
            top = Some(k);
        } else if is_signature_like(&l.text) {
            // a name or a note: another signer's block above (biên bản: thư ký, chủ tọa)
            continue;
        } else {
            break;
        }
    }
    // a name alone closing the text (web copies that print `Nguyễn Văn A (Đã ký)` only)
    top.or_else(|| {
        let after = (name + 1..n).filter(|&k| !lines[k].is_void()).count();
        (after == 0).then_some(name)
    })
}

/// Read the closing block from line `from` on. Text in it that is neither a recipient nor part
/// of a signature is reported to `sink`.
pub(crate) fn parse(lines: &[Line<'_>], from: usize, sink: &mut Sink) -> Closing {
    let mut r = Reader {
        lines,
        f: Closing {
            end: lines.len(),
            ..Closing::default()
        },
        in_cc: false,
        entry_open: false,
        last_raw: String::new(),
        wrapped: false,
        items: Vec::new(),
        cols: Vec::new(),
        columns_active: false,
        have_name: false,
        scanned: 0,
    };
    let mut i = from;
    while i < lines.len() && r.row(i, sink) {
        i += 1;
    }
    r.finish(i)
}

/// The closing block being read, row by row.
struct Reader<'l, 'a> {
    lines: &'l [Line<'a>],
    f: Closing,
    /// Inside the Nơi nhận list.
    in_cc: bool,
    /// The last entry did not end (no `;` or `.`): the next piece may wrap it.
    entry_open: bool,
    /// The last entry as printed, its wrapped lines joined; cleaned into `f.cc` when the entry
    /// ends (cleaning it again on each wrapped line would be quadratic).
    last_raw: String,
    /// The last entry took wrapped lines since it was cleaned.
    wrapped: bool,
    /// The signature column.
    items: Vec<SigItem>,
    /// Side-by-side signature columns (index 0 unused: `items` is the single column).
    cols: Vec<Vec<SigItem>>,
    columns_active: bool,
    /// A signer's name was read.
    have_name: bool,
    /// Items already looked at for a signer's name.
    scanned: usize,
}

impl Reader<'_, '_> {
    /// Read row `i`; false where the closing block has ended above it.
    fn row(&mut self, i: usize, sink: &mut Sink) -> bool {
        let line = &self.lines[i];
        if line.artifact.is_some() {
            return true;
        }
        if line.text.is_empty() {
            self.items.push(SigItem::Gap);
            return true;
        }
        // a recipient entry wrapped onto a row below the signer's name (`- Quận ủy, HĐND` /
        // `và UBND quận, huyện`): the list goes on
        let cells_here = cells_at_gaps(line);
        let cc_wrap = self.in_cc
            && self.entry_open
            && self.f.archive.is_none()
            && crate::viet::starts_lower(&line.text)
            && cells_here.len() <= 1;
        if self.ends_above(i, cc_wrap) {
            return false;
        }
        if self.side_by_side(i, &cells_here, sink) {
            return true;
        }
        for cell in cells_here.iter() {
            self.cell(cell, cc_wrap, sink);
        }
        self.have_name |= self.named_since_scan();
        self.scanned = self.items.len();
        true
    }

    /// Whether the items added since the last scan hold a signer's name (no rescans: linear).
    fn named_since_scan(&self) -> bool {
        self.items[self.scanned..]
            .iter()
            .any(|x| matches!(x, SigItem::Name(..)))
    }

    /// Whether the block ends above row `i`: after the signer's name, a phụ lục or bản sao
    /// heading, text that is neither signature nor recipient, or capitals that open the next
    /// part (a phụ lục, a quy chế).
    fn ends_above(&self, i: usize, cc_wrap: bool) -> bool {
        // text with a structure of its own ends the block even before a signer's name is read
        // (a signature cell flattened onto one row may hide the name)
        let started = self.in_cc || !self.items.is_empty();
        if started && !cc_wrap && opens_part(&self.lines[i]) {
            return true;
        }
        if !self.have_name {
            return false;
        }
        let t = &self.lines[i].text;
        if !cc_wrap && (opens_attachment(t) || opens_copy(t) || !is_signature_like_or_recipient(t))
        {
            return true;
        }
        is_upper(t)
            && !(self.in_cc && self.f.archive.is_none() && t.starts_with(['-', '+', '•']))
            && t.chars().filter(|c| c.is_alphabetic()).count() >= 2
            && !another_signer_follows(self.lines, i)
    }

    /// Signature blocks side by side (`THƯ KÝ<TAB>CHỦ TỌA`, two ministers): one column each.
    /// Stacked quyền hạn lines flattened onto one row (`TM. …<spaces>KT. …`) are not: the
    /// columns must go on over the next row. True when row `i` was read so.
    fn side_by_side(&mut self, i: usize, cells_here: &[Cell], sink: &mut Sink) -> bool {
        let next_row_cells = self.lines[i + 1..]
            .iter()
            .find(|l| !l.is_void())
            .map_or(0, |l| cells_at_gaps(l).len());
        let side_by_side = cells_here.len() >= 2
            && (self.columns_active || next_row_cells >= 2)
            && cells_here.iter().all(|c| {
                is_signature_like(&c.text)
                    && !c.text.starts_with(['-', '+', '•'])
                    && noi_nhan(&c.text).is_none()
            });
        self.columns_active = side_by_side;
        if !side_by_side {
            return false;
        }
        let mut named = false;
        for (j, cell) in cells_here.iter().enumerate() {
            while self.cols.len() <= j + 1 {
                self.cols.push(Vec::new());
            }
            let target = &mut self.cols[j + 1];
            let before = target.len();
            let ms = modes(&cell.text);
            if ms.first().is_some_and(|m| m.0 == 0) {
                if let Some(u) = push_modes(target, &cell.text, &ms, cell.span) {
                    leftover(sink, &u, cell.span);
                }
            } else if !push_sig(target, &cell.text, cell.span) {
                leftover(sink, &cell.text, cell.span);
            }
            named |= target[before..]
                .iter()
                .any(|x| matches!(x, SigItem::Name(..)));
        }
        // only what this row added can hold a new name (no rescans: linear time)
        self.have_name |= named;
        true
    }

    /// One cell of a row: a `Nơi nhận:` label, recipient entries, signature text, quyền hạn.
    fn cell(&mut self, cell: &Cell, cc_wrap: bool, sink: &mut Sink) {
        let mut text = cell.text.as_str();
        if let Some(rest) = noi_nhan(text) {
            self.in_cc = true;
            self.entry_open = false;
            text = rest;
            self.f.cc_span = Some(Span::join_opt(self.f.cc_span, cell.span));
        }
        if text.is_empty() {
            return;
        }
        let ms = modes(text);
        let pre_end = ms.first().map_or(text.len(), |m| m.0);
        let pre = text[..pre_end].trim();
        if !pre.is_empty() {
            let dashed = pre.starts_with(['-', '–', '+', '•']);
            let recip = dashed
                || is_luu(pre)
                || (self.in_cc && !signature_text(pre) && (!self.have_name || cc_wrap));
            if recip {
                self.recipients(pre, cell.span, sink);
            } else if !push_sig(&mut self.items, pre, cell.span) {
                leftover(sink, pre, cell.span);
            }
        }
        if let Some(u) = push_modes(&mut self.items, text, &ms, cell.span) {
            leftover(sink, &u, cell.span);
        }
    }

    /// A piece of the Nơi nhận list (`- Như Điều 3; - Lưu: VT.`), with any signature text
    /// joined on after it (`- Lưu: VT, TH. PHÓ CHỦ TỊCH`).
    fn recipients(&mut self, pre: &str, span: Span, sink: &mut Sink) {
        self.in_cc = true;
        self.f.cc_span = Some(Span::join_opt(self.f.cc_span, span));
        let (body, tail) = peel_tail(pre);
        for e in split_entries(&body) {
            self.entry(&e, span, sink);
        }
        if let Some(t) = tail {
            push_sig(&mut self.items, &t, span);
            self.have_name |= self.named_since_scan();
        }
    }

    /// One entry of the Nơi nhận list: a recipient, the `Lưu` row, or the rest of a wrapped
    /// entry.
    fn entry(&mut self, e: &str, span: Span, sink: &mut Sink) {
        let starts_entry = e.starts_with(['-', '–', '+', '•']);
        let cleaned = clean_entry(e);
        if cleaned.is_empty() {
            return;
        }
        let raw = e.trim_start_matches(['-', '–', '+', '•', ' ']).trim();
        if is_luu(raw) && self.f.archive.is_some() {
            // a second Lưu entry: reported, never dropped
            leftover(sink, raw, span);
        } else if is_luu(raw) {
            let (raw2, t2) = peel_tail_name(raw);
            self.f.archive = Some(Archive {
                entries: archive_entries(&raw2),
                raw: fold_ws(&raw2),
                span,
            });
            if let Some(t2) = t2 {
                push_sig(&mut self.items, &t2, span);
            }
            self.entry_open = false;
        } else if !starts_entry
            && self.entry_open
            && self.f.archive.is_none()
            && !self.f.cc.is_empty()
        {
            let last = self.f.cc.last_mut().expect("an entry");
            self.last_raw.push(' ');
            self.last_raw.push_str(raw);
            self.wrapped = true;
            last.1 = last.1.join(span);
            self.entry_open = !ends_entry(raw);
        } else {
            self.settle();
            self.f.cc.push((cleaned, span));
            self.last_raw = raw.to_string();
            self.entry_open = !ends_entry(raw);
        }
    }

    /// The last Nơi nhận entry, cleaned, once it has ended.
    fn settle(&mut self) {
        if std::mem::take(&mut self.wrapped)
            && let Some(last) = self.f.cc.last_mut()
        {
            last.0 = clean_entry(&self.last_raw);
        }
    }

    /// The block read up to line `end`.
    fn finish(mut self, end: usize) -> Closing {
        self.settle();
        let mut f = self.f;
        f.end = end;
        let mut sigs = split_blocks(self.items);
        for col in self.cols.into_iter().skip(1) {
            sigs.extend(split_blocks(col));
        }
        f.signature = main_signature(&sigs);
        f.signatures = sigs;
        f
    }
}

/// Text in the closing block that is neither a recipient nor part of a signature.
fn leftover(sink: &mut Sink, text: &str, span: Span) {
    sink.at_byte(
        Severity::Warning,
        Code::UnrecognisedClosingText,
        format!(
            "text in the closing block that is neither a recipient nor part of the signature: \"{text}\""
        ),
        span.line_start,
        span.start,
    );
}

/// Whether the capital line at `i` opens another signature block: a name follows within the
/// next four lines with text (biên bản printed column after column).
fn another_signer_follows(lines: &[Line<'_>], i: usize) -> bool {
    let t = &lines[i].text;
    // a tên loại (`KẾ HOẠCH` of an attached plan) is never a signer's position
    if !is_signature_like(t) || lines[i].doc_kind().is_some() {
        return false;
    }
    lines[i + 1..]
        .iter()
        .filter(|l| !l.is_void())
        .take(4)
        .any(|l| is_person_name(strip_note(&l.text).0))
}

fn is_signature_like_or_recipient(t: &str) -> bool {
    is_signature_like(t) || t.starts_with(['-', '+', '•']) || is_luu(t) || noi_nhan(t).is_some()
}

/// A line that opens a part of its own, which no signature block or recipients list spans: a
/// tên loại alone in capitals (`KẾ HOẠCH` over an attached plan, `QUY CHẾ`), or a Phần,
/// Chương, Roman-numeral section or Điều heading (`I. MỤC ĐÍCH - YÊU CẦU`, `Điều 1. Phạm vi`).
fn opens_part(line: &Line<'_>) -> bool {
    let t = &line.text;
    if cells_at_gaps(line).len() > 1 {
        return false;
    }
    if is_upper(t) && t.split_whitespace().count() <= 8 && line.doc_kind().is_some() {
        return true;
    }
    matches!(
        line.marker().map(|m| m.kind),
        Some(BlockKind::Part | BlockKind::Chapter | BlockKind::Section | BlockKind::Article)
    )
}

/// An entry ends at `;` or `.`; one that ends in `,` or nothing wraps onto the next line.
fn ends_entry(s: &str) -> bool {
    s.trim_end().ends_with([';', '.'])
}

/// A `Lưu: VT, TH. Nguyễn Văn A` row: the name after the last full stop is the signer's.
fn peel_tail_name(s: &str) -> (String, Option<String>) {
    let (body, tail) = peel_tail(s);
    match tail {
        Some(t) if is_person_name(&t) || signature_text(&t) => (body, Some(t)),
        _ => (s.to_string(), None),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ast::Mode;
    use crate::lines::split_lines;

    fn foot(s: &str) -> Closing {
        let ls = split_lines(s);
        parse(&ls, 0, &mut Sink::default())
    }

    #[test]
    fn seed_like_stack() {
        let f = foot(
            "Nơi nhận:\n- CT, PCT UBND tỉnh;\n- Các Sở, ban, ngành;\n- Lưu: VT, KGVXn534\n\nTL. CHỦ TỊCH\nKT. CHÁNH VĂN PHÒNG\nPHÓ CHÁNH VĂN PHÒNG\n\nLê Chí Phương\n",
        );
        let cc: Vec<&str> = f.cc.iter().map(|c| c.0.as_str()).collect();
        assert_eq!(cc, ["CT, PCT UBND tỉnh", "Các Sở, ban, ngành"]);
        let a = f.archive.unwrap();
        assert_eq!(a.raw, "Lưu: VT, KGVXn534");
        assert_eq!(a.entries, ["VT", "KGVXn534"]);
        let s = f.signature.unwrap();
        assert_eq!(s.authority.len(), 2);
        assert_eq!(s.authority[0].mode, Mode::TL);
        assert_eq!(s.authority[1].title, "CHÁNH VĂN PHÒNG");
        assert_eq!(s.position.as_deref(), Some("PHÓ CHÁNH VĂN PHÒNG"));
        assert_eq!(s.signer.as_deref(), Some("Lê Chí Phương"));
    }

    #[test]
    fn rows_joined_with_spaces() {
        let f = foot(
            "Nơi nhận: KT. CHỦ TỊCH\n- Như Điều 3; PHÓ CHỦ TỊCH\n- Lưu: VT, TH.\nNguyễn Văn An\n",
        );
        assert_eq!(
            f.cc.iter().map(|c| c.0.as_str()).collect::<Vec<_>>(),
            ["Như Điều 3"]
        );
        let s = f.signature.unwrap();
        assert_eq!(s.authority[0].title, "CHỦ TỊCH");
        assert_eq!(s.position.as_deref(), Some("PHÓ CHỦ TỊCH"));
        assert_eq!(s.signer.as_deref(), Some("Nguyễn Văn An"));
    }

    #[test]
    fn one_tab_row() {
        let f = foot(
            "Nơi nhận:\t\t - Như trên; - Ban Giám đốc Sở; - Lưu: VT, CN(M.Cường).\t\tKT. GIÁM ĐỐC PHÓ GIÁM ĐỐC   Hoàng Văn Thuân\n",
        );
        assert_eq!(f.cc.len(), 2);
        assert_eq!(f.archive.unwrap().entries, ["VT", "CN(M.Cường)"]);
        let s = f.signature.unwrap();
        assert_eq!(
            (s.authority[0].mode, s.authority[0].title.as_str()),
            (Mode::KT, "GIÁM ĐỐC")
        );
        assert_eq!(s.position.as_deref(), Some("PHÓ GIÁM ĐỐC"));
        assert_eq!(s.signer.as_deref(), Some("Hoàng Văn Thuân"));
    }

    #[test]
    fn slash_modes_notes_and_party_archive() {
        let f = foot(
            "Nơi nhận:\n- Các chi bộ;\n- Lưu Văn phòng Huyện ủy.\nT/M BAN THƯỜNG VỤ\nPHÓ BÍ THƯ\n(Đã ký)\nHoàng Thị Lan\n",
        );
        assert_eq!(f.archive.unwrap().entries, ["Văn phòng Huyện ủy"]);
        let s = f.signature.unwrap();
        assert_eq!(s.authority[0].mode, Mode::TM);
        assert_eq!(s.notes, ["(Đã ký)"]);
        assert_eq!(s.signer.as_deref(), Some("Hoàng Thị Lan"));
    }

    #[test]
    fn list_goes_on_below_the_signer() {
        // the Nơi nhận column is longer than the signature column beside it
        let f = foot(
            "Nơi nhận:                              CHỦ TỊCH\n- Bộ Nội vụ\n- TT.HĐND, UBND TP\n- Sở, Ban ngành TP                  Nguyễn Văn An\n- Quận ủy, Huyện ủy, HĐND\n   và UBND quận, huyện\n- Ban QLDA\n- Lưu TTLT\n",
        );
        let cc: Vec<&str> = f.cc.iter().map(|c| c.0.as_str()).collect();
        assert_eq!(
            cc,
            [
                "Bộ Nội vụ",
                "TT.HĐND, UBND TP",
                "Sở, Ban ngành TP",
                "Quận ủy, Huyện ủy, HĐND và UBND quận, huyện",
                "Ban QLDA"
            ]
        );
        assert_eq!(f.archive.unwrap().entries, ["TTLT"]);
        assert_eq!(
            f.signature.unwrap().signer.as_deref(),
            Some("Nguyễn Văn An")
        );
        assert_eq!(f.end, 8);
    }

    #[test]
    fn a_sentence_after_the_signer_ends_the_block() {
        let f = foot(
            "Nơi nhận:\n- Bộ Nội vụ;\n- Lưu: VT.\nCHỦ TỊCH\nNguyễn Văn An\nnội dung đính kèm ở dưới\n",
        );
        assert_eq!(f.end, 5);
    }

    #[test]
    fn an_attached_plan_ends_the_block_even_before_a_name() {
        // the signature stack flattened into one cell, its name letter-spaced; the plan under
        // it opens with its tên loại and Roman sections
        let f = foot(
            "Nơi nhận:\n- Lưu: VT.\tKT. CHỦ TỊCH PHÓ CHỦ TỊCH Ngu y ễn Hữu Tín\n\nKẾ HOẠCH\nTRIỂN KHAI THỰC HIỆN\nI. MỤC ĐÍCH\n",
        );
        assert_eq!(f.end, 3);
        let s = f.signature.unwrap();
        assert_eq!(s.position.as_deref(), Some("PHÓ CHỦ TỊCH"));
        assert_eq!(s.signer.as_deref(), Some("Ngu y ễn Hữu Tín"));
        let f = foot("Nơi nhận:\n- Lưu: VT.\nGIÁM ĐỐC\nI. TÌNH HÌNH CHUNG\n");
        assert_eq!(f.end, 3);
    }

    #[test]
    fn a_mode_in_title_case() {
        let f = foot(
            "Nơi nhận:|Kt. Bộ trưởng Bộ Tài chính|\n- VP Quốc hội|Thứ trưởng|\n- Lưu VP.|Vũ Văn Ninh|\n",
        );
        let s = f.signature.unwrap();
        assert_eq!(s.authority[0].mode, Mode::KT);
        assert_eq!(s.authority[0].title, "Bộ trưởng Bộ Tài chính");
        assert_eq!(s.position.as_deref(), Some("Thứ trưởng"));
    }

    #[test]
    fn wrapped_entries_are_joined() {
        let f = foot(
            "Nơi nhận:\n- Các Sở, ngành: Xây dựng, Công Thương,\nTài chính, Nội vụ;\n- Lưu: VT.\n",
        );
        assert_eq!(
            f.cc[0].0,
            "Các Sở, ngành: Xây dựng, Công Thương, Tài chính, Nội vụ"
        );
    }

    #[test]
    fn archive_splitting() {
        assert_eq!(
            archive_entries("Lưu: VT, KT(Thủy, Nho)."),
            ["VT", "KT(Thủy, Nho)"]
        );
        assert_eq!(
            archive_entries("Lưu: VT, KGVX (02), VA"),
            ["VT", "KGVX (02)", "VA"]
        );
    }

    #[test]
    fn two_signers_side_by_side() {
        let f = foot("THƯ KÝ\tCHỦ TỌA\n\nLê Văn An\tTrần Thị Bình\n");
        assert_eq!(f.signatures.len(), 2);
        assert_eq!(f.signatures[0].position.as_deref(), Some("THƯ KÝ"));
        assert_eq!(f.signatures[0].signer.as_deref(), Some("Lê Văn An"));
        assert_eq!(f.signatures[1].signer.as_deref(), Some("Trần Thị Bình"));
    }

    #[test]
    fn two_signers_one_after_the_other() {
        let f = foot("THƯ KÝ\n\nLê Văn An\nCHỦ TỌA\n\nTrần Thị Bình\n");
        assert_eq!(f.signatures.len(), 2);
        assert_eq!(f.signatures[1].position.as_deref(), Some("CHỦ TỌA"));
    }

    #[test]
    fn joint_ministers() {
        let f = foot(
            "KT. BỘ TRƯỞNG BỘ NỘI VỤ\tKT. BỘ TRƯỞNG BỘ TÀI CHÍNH\nTHỨ TRƯỞNG\tTHỨ TRƯỞNG\nNguyễn Văn A\tTrần Văn B\n",
        );
        assert_eq!(f.signatures.len(), 2);
        assert_eq!(f.signatures[1].authority[0].title, "BỘ TRƯỞNG BỘ TÀI CHÍNH");
        assert_eq!(f.signatures[1].signer.as_deref(), Some("Trần Văn B"));
    }

    #[test]
    fn old_lower_case_stack() {
        let f = foot(
            "Nơi nhận:\n- Công báo;\n- Lưu: VT.\nKT/ bộ trưởng bộ tài chính\nThứ trưởng\n(Đã ký)\nTrương Chí Trung\n",
        );
        let s = f.signature.unwrap();
        assert_eq!(s.authority[0].mode, Mode::KT);
        assert_eq!(s.authority[0].title, "bộ trưởng bộ tài chính");
        assert_eq!(s.position.as_deref(), Some("Thứ trưởng"));
        assert_eq!(s.signer.as_deref(), Some("Trương Chí Trung"));
    }

    #[test]
    fn head_in_person() {
        let f = foot("GIÁM ĐỐC\n\nTrần Văn Minh\n");
        let s = f.signature.unwrap();
        assert!(s.authority.is_empty());
        assert_eq!(s.position.as_deref(), Some("GIÁM ĐỐC"));
    }
}
