//! The closing block: Nơi nhận (ô 9b) with its `Lưu` entry, and the signature (ô 7) — as
//! separate columns, joined rows (`Nơi nhận: KT. CHỦ TỊCH` / `- Như Điều 3; PHÓ CHỦ TỊCH`)
//! or tab-separated cells.

use std::sync::LazyLock;

use regex::Regex;

use crate::ast::{Archive, Authority, Mode, Signature, Span, Text};
use crate::lines::{Line, cells};
use crate::viet::{fold_ws, is_person_name, is_upper};

static NOI_NHAN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^[*_\s]*n[ơo]i\s*nh[ậa]n\s*[:.]?[*_]*\s*").expect("noi nhan")
});
static MODE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?:^|\s)(T/M|K/T|T/L|(?i:tm|kt|tl)[/.]|TUQ\.|TM\.|KT\.|TL\.|Q\.|TM|KT|TL|TUQ)\s*(\p{L})",
    )
    .expect("mode")
});
static NOTE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^[(\[]\s*(?:đã\s*ký|ký|chữ\s*ký|đóng\s*dấu|đã\s*ký\s*và\s*đóng\s*dấu)[^)\]]*[)\]]\.?$|^(?i:đã\s*ký)\.?$")
        .expect("note")
});
static LUU: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(?i:lưu)(?:\s*:\s*|\s+|$)").expect("luu"));
static COPY: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(?:SAO Y|SAO LỤC|TRÍCH SAO)\b").expect("copy"));
static APPENDIX: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:PHỤ LỤC|Phụ lục|PHỤ BIỂU|Phụ biểu|DANH MỤC|DANH SÁCH|Mẫu số|MẪU SỐ)\b")
        .expect("appendix")
});

static WIDE_GAP: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"\s{4,}").expect("gap"));
static TRAILING_NOTE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\s*([(\[]\s*(?:đã\s*ký|ký[^)\]]*|đóng\s*dấu[^)\]]*)[)\]])\s*$")
        .expect("trailing note")
});

/// Cells of a closing-block line: the line's cells, each split again at wide gaps, since the
/// Nơi nhận and signature columns often stand side by side with runs of spaces between.
pub(crate) fn footer_cells(line: &Line<'_>) -> Vec<crate::lines::Cell> {
    let mut out = Vec::new();
    for c in cells(line) {
        let raw = &line.raw[c.span.start - line.start..c.span.end - line.start];
        if !WIDE_GAP.is_match(raw.trim()) {
            out.push(c);
            continue;
        }
        let base = c.span.start;
        let mut last = 0;
        let push = |a: usize, b: usize, out: &mut Vec<crate::lines::Cell>| {
            let t = crate::viet::clean(&raw[a..b]);
            if !t.is_empty() {
                out.push(crate::lines::Cell {
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

/// Split a note printed after a name (`Nguyễn Văn A (Đã ký)`) from it.
pub(crate) fn strip_note(t: &str) -> (&str, Option<&str>) {
    match TRAILING_NOTE.captures(t) {
        Some(c) => {
            let m = c.get(0).expect("note");
            (
                t[..m.start()].trim_end(),
                Some(c.get(1).expect("note text").as_str()),
            )
        }
        None => (t, None),
    }
}

/// Recognise a `Nơi nhận:` cell; returns what follows the label.
pub(crate) fn noi_nhan(text: &str) -> Option<&str> {
    NOI_NHAN.find(text).map(|m| &text[m.end()..])
}

fn parse_mode(s: &str) -> Mode {
    match s.trim_end_matches(['.', '/']).to_uppercase().as_str() {
        "TM" | "T/M" => Mode::TM,
        "KT" | "K/T" => Mode::KT,
        "TL" | "T/L" => Mode::TL,
        "TUQ" => Mode::TUQ,
        _ => Mode::Q,
    }
}

/// Mode anchors in a piece: (start of the prefix, start of the title, mode).
fn modes(text: &str) -> Vec<(usize, usize, Mode)> {
    let mut out = Vec::new();
    for c in MODE.captures_iter(text) {
        let p = c.get(1).expect("prefix");
        let t = c.get(2).expect("title");
        let bare = !p.as_str().ends_with('.') && !p.as_str().contains('/');
        if bare && !text[..p.start()].trim().is_empty() {
            continue; // `TM ỦY BAN` without a dot only opens a piece
        }
        // the title must be a word in capitals (`Q. Anh` is an initial); an old document
        // typed in lower case may write `KT/ bộ trưởng …` (slash form: unambiguous)
        let word: String = text[t.start()..]
            .chars()
            .take_while(|c| !c.is_whitespace() && *c != ',')
            .collect();
        // with a dot or a slash the prefix is unambiguous: `KT. Bộ trưởng Bộ Tài chính`
        let marked = p.as_str().ends_with(['/', '.']);
        let lower_ok = marked && is_position_phrase(&text[t.start()..]);
        if word.chars().count() < 2 || !(is_upper(&word) || lower_ok) {
            continue;
        }
        out.push((p.start(), t.start(), parse_mode(p.as_str())));
    }
    out
}

/// Heads of position titles, in capitals (`PHÓ CHỦ TỊCH`, `Thứ trưởng`, `bộ trưởng bộ tài chính`).
const POSITION_HEADS: &[&str] = &[
    "PHÓ",
    "CHỦ TỊCH",
    "GIÁM ĐỐC",
    "THỨ TRƯỞNG",
    "BỘ TRƯỞNG",
    "TRƯỞNG",
    "CHÁNH",
    "THỦ TƯỚNG",
    "BÍ THƯ",
    "CỤC TRƯỞNG",
    "VỤ TRƯỞNG",
    "HIỆU TRƯỞNG",
    "TỔNG",
    "VIỆN TRƯỞNG",
    "CHỦ NHIỆM",
    "THƯ KÝ",
    "CHỦ TỌA",
    "CHỦ TRÌ",
    "ỦY VIÊN",
    "ĐẠI DIỆN",
];

/// A position title in any case, as old lower-case documents print it (`Thứ trưởng`).
pub(crate) fn is_position_phrase(t: &str) -> bool {
    let t = t.trim();
    let words = t.split_whitespace().count();
    if words == 0
        || words > 8
        || t.chars()
            .any(|c| c.is_ascii_digit() || matches!(c, ';' | ':'))
    {
        return false;
    }
    let key = crate::viet::upper_key(t);
    POSITION_HEADS.iter().any(|h| {
        key.strip_prefix(h)
            .is_some_and(|r| r.is_empty() || r.starts_with(' '))
    })
}

/// Whether a line opens a signature stack (`KT. CHỦ TỊCH`, `T/M BAN THƯỜNG VỤ`).
pub(crate) fn opens_with_mode(text: &str) -> bool {
    modes(text).first().is_some_and(|m| m.0 == 0)
}

/// Signature-like text: a mode line, capitals, a name, a note.
pub(crate) fn is_signature_like(text: &str) -> bool {
    let text = strip_note(text).0;
    opens_with_mode(text)
        || NOTE.is_match(text)
        || is_person_name(text)
        || (is_upper(text) && text.split_whitespace().count() <= 10)
}

#[derive(Debug)]
enum SigItem {
    Mode(Mode, String, Span),
    Caps(String, Span),
    Name(String, Span),
    Note(String, Span),
    Gap,
}

/// What the closing block gave.
#[derive(Debug, Default)]
pub(crate) struct Footer {
    pub cc: Vec<(String, Span)>,
    /// Where the Nơi nhận block was read.
    pub cc_span: Option<Span>,
    pub archive: Option<Archive>,
    pub signature: Option<Signature>,
    /// Every signature block, in reading order (biên bản, joint documents).
    pub signatures: Vec<Signature>,
    pub used: Vec<usize>,
    /// Index of the first line after the closing block.
    pub end: usize,
    pub leftovers: Vec<Text>,
}

/// Split `- A; - B; - Lưu: VT.` into entries at dashes that open an entry.
pub(crate) fn split_entries(s: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut starts = vec![];
    let chars: Vec<(usize, char)> = s.char_indices().collect();
    for (k, &(i, c)) in chars.iter().enumerate() {
        if !matches!(c, '-' | '–' | '+' | '•' | '*') {
            continue;
        }
        let next_space = chars.get(k + 1).is_none_or(|&(_, n)| n.is_whitespace());
        if !next_space {
            continue;
        }
        let before = s[..i].trim_end();
        if before.is_empty() || before.ends_with([';', '.', ',', ':']) {
            starts.push(i);
        }
    }
    if starts.first() != Some(&0) {
        starts.insert(0, 0);
    }
    for (k, &a) in starts.iter().enumerate() {
        let b = starts.get(k + 1).copied().unwrap_or(s.len());
        let e = s[a..b].trim();
        if !e.is_empty() {
            out.push(e.to_string());
        }
    }
    out
}

/// Drop a leading `- ` and a trailing `;`, `.`, `,`.
pub(crate) fn clean_entry(s: &str) -> String {
    let t = s
        .trim()
        .trim_start_matches(['-', '–', '+', '•', '*'])
        .trim_start();
    let t = t.trim_end_matches(|c: char| c.is_whitespace() || matches!(c, ';' | ',' | '.'));
    let t = t.strip_suffix("./").unwrap_or(t);
    fold_ws(t)
}

/// Split a `Lưu:` entry on commas outside parentheses; trailing `.` dropped.
pub(crate) fn archive_entries(raw: &str) -> Vec<String> {
    let body = LUU.find(raw).map_or(raw, |m| &raw[m.end()..]);
    let mut out = Vec::new();
    let mut depth = 0i32;
    let mut cur = String::new();
    for c in body.chars() {
        match c {
            '(' | '[' => depth += 1,
            ')' | ']' => depth -= 1,
            _ => {}
        }
        if c == ',' && depth <= 0 {
            out.push(std::mem::take(&mut cur));
        } else {
            cur.push(c);
        }
    }
    out.push(cur);
    out.into_iter()
        .map(|e| {
            fold_ws(
                e.trim()
                    .trim_end_matches(|c: char| c == '.' || c == ';' || c.is_whitespace()),
            )
        })
        .filter(|e| !e.is_empty())
        .collect()
}

/// Peel signature text off the end of a recipients piece: `Như Điều 3; PHÓ CHỦ TỊCH`.
fn peel_tail(s: &str) -> (String, Option<String>) {
    let mut depth = 0i32;
    let mut cut = None;
    for (i, c) in s.char_indices() {
        match c {
            '(' => depth += 1,
            ')' => depth -= 1,
            ';' if depth <= 0 => cut = Some(i + 1),
            // a full stop ends a sentence only before a space (`TT.HĐND` is one abbreviation)
            '.' if depth <= 0 && s[i + 1..].starts_with(char::is_whitespace) => cut = Some(i + 1),
            _ => {}
        }
    }
    if let Some(i) = cut {
        let tail = s[i..].trim();
        if !tail.is_empty() && !tail.starts_with(['-', '+', '/']) && signature_text(tail) {
            return (s[..i].to_string(), Some(tail.to_string()));
        }
    }
    (s.to_string(), None)
}

/// Text that belongs to a signature: capitals, or capitals then a name, or a name.
fn signature_text(t: &str) -> bool {
    if is_person_name(t) || NOTE.is_match(t) || is_position_phrase(t) {
        return true;
    }
    let (caps, name) = split_caps_name(t);
    !caps.is_empty()
        && caps.chars().filter(|c| c.is_alphabetic()).count() >= 4
        && (name.is_empty() || is_person_name(&name))
}

/// The title after a quyền hạn prefix and any name after it: capitals then a name, or, in an
/// old lower-case document (`KT/ bộ trưởng bộ tài chính`), the whole text.
fn mode_title(body: &str) -> (String, String) {
    let (caps, name) = split_caps_name(body);
    if caps.is_empty() && is_position_phrase(body) {
        return (body.trim().to_string(), String::new());
    }
    (caps, name)
}

/// `PHÓ GIÁM ĐỐC Hoàng Văn Thuân` → (`PHÓ GIÁM ĐỐC`, `Hoàng Văn Thuân`).
fn split_caps_name(t: &str) -> (String, String) {
    let words: Vec<&str> = t.split_whitespace().collect();
    let k = words
        .iter()
        .position(|w| w.chars().any(char::is_lowercase))
        .unwrap_or(words.len());
    // a one-letter capital right before the name is its initial, not the title
    (words[..k].join(" "), words[k..].join(" "))
}

/// Positions that may follow the authority title on one joined row.
const POSITIONS: &[&str] = &[
    "PHÓ ",
    "CHỦ TỊCH",
    "GIÁM ĐỐC",
    "CHÁNH VĂN PHÒNG",
    "BÍ THƯ",
    "TRƯỞNG BAN",
    "TRƯỞNG ĐOÀN",
    "CỤC TRƯỞNG",
    "VỤ TRƯỞNG",
    "TRƯỞNG PHÒNG",
    "HIỆU TRƯỞNG",
    "THỦ TƯỚNG",
    "THỨ TRƯỞNG",
    "TỔNG CỤC TRƯỞNG",
    "CHÁNH THANH TRA",
    "VIỆN TRƯỞNG",
];

/// Split a joined `GIÁM ĐỐC PHÓ GIÁM ĐỐC` into the authority title and the position.
fn split_title_position(title: &str) -> (String, Option<String>) {
    if let Some(i) = title.find(" PHÓ ") {
        return (
            title[..i].trim().to_string(),
            Some(title[i + 1..].trim().to_string()),
        );
    }
    let mut best: Option<usize> = None;
    for p in POSITIONS {
        let needle = format!(" {}", p.trim());
        let mut from = 0;
        while let Some(k) = title[from..].find(&needle) {
            let at = from + k;
            let end = at + needle.len();
            let word_end = title[end..].is_empty() || title[end..].starts_with([' ', ',']);
            // the title before must be a whole title of two words or more (`TỔNG CỤC TRƯỞNG`)
            if word_end
                && title[..at].split_whitespace().count() >= 2
                && best.is_none_or(|b| at < b)
            {
                best = Some(at);
            }
            from = end;
        }
    }
    match best {
        Some(at) => (
            title[..at].trim().to_string(),
            Some(title[at..].trim().to_string()),
        ),
        None => (title.to_string(), None),
    }
}

/// Parse the closing block from line `from` on.
pub(crate) fn parse(lines: &[Line<'_>], from: usize) -> Footer {
    let mut f = Footer {
        end: lines.len(),
        ..Footer::default()
    };
    let mut in_cc = false;
    let mut entry_open = false;
    let mut last_raw = String::new();
    let mut items: Vec<SigItem> = Vec::new();
    // side-by-side signature columns (index 0 unused: `items` is the single column)
    let mut cols: Vec<Vec<SigItem>> = Vec::new();
    let mut columns_active = false;
    let mut have_name = false;
    // items already looked at for a signer's name
    let mut scanned = 0usize;
    let mut have_cc = false;
    let mut i = from;
    while i < lines.len() {
        let line = &lines[i];
        if line.artifact.is_some() {
            f.used.push(i);
            i += 1;
            continue;
        }
        if line.text.is_empty() {
            items.push(SigItem::Gap);
            i += 1;
            continue;
        }
        // a recipient entry wrapped onto a row below the signer's name (`- Quận ủy, HĐND` /
        // `và UBND quận, huyện`): the list goes on
        let cells_here = footer_cells(line);
        let cc_wrap = in_cc
            && entry_open
            && f.archive.is_none()
            && crate::viet::starts_lower(&line.text)
            && cells_here.len() <= 1;
        if have_name
            && !cc_wrap
            && (APPENDIX.is_match(&line.text)
                || COPY.is_match(&line.text)
                || !is_signature_like_or_recipient(&line.text))
        {
            break;
        }
        if have_name
            && is_upper(&line.text)
            && !(in_cc && f.archive.is_none() && line.text.starts_with(['-', '+', '•']))
            && line.text.chars().filter(|c| c.is_alphabetic()).count() >= 2
            && !another_signer_follows(lines, i)
        {
            // capitals after the signer: the next document part (phụ lục, quy chế)
            break;
        }
        // signature blocks side by side (`THƯ KÝ<TAB>CHỦ TỌA`, two ministers): one column each
        // (stacked quyền hạn lines flattened onto one row, `TM. …<spaces>KT. …`, are not: the
        // columns must go on over the next row)
        let next_row_cells = lines[i + 1..]
            .iter()
            .find(|l| !l.is_void())
            .map_or(0, |l| footer_cells(l).len());
        let side_by_side = cells_here.len() >= 2
            && (columns_active || next_row_cells >= 2)
            && cells_here.iter().all(|c| {
                is_signature_like(&c.text)
                    && !c.text.starts_with(['-', '+', '•'])
                    && noi_nhan(&c.text).is_none()
            });
        columns_active = side_by_side;
        if side_by_side {
            let mut cells_here_names = false;
            for (j, cell) in cells_here.iter().enumerate() {
                while cols.len() <= j + 1 {
                    cols.push(Vec::new());
                }
                let target = &mut cols[j + 1];
                let before = target.len();
                let ms = modes(&cell.text);
                if ms.first().is_some_and(|m| m.0 == 0) {
                    push_modes(target, &cell.text, &ms, cell.span);
                } else {
                    push_sig(target, &cell.text, cell.span);
                }
                cells_here_names |= target[before..]
                    .iter()
                    .any(|x| matches!(x, SigItem::Name(..)));
            }
            // only what this row added can hold a new name (no rescans: linear time)
            have_name |= cells_here_names;
            f.used.push(i);
            i += 1;
            continue;
        }
        let mut leftover = false;
        for cell in cells_here {
            let mut text = cell.text.as_str();
            if let Some(rest) = noi_nhan(text) {
                in_cc = true;
                have_cc = true;
                entry_open = false;
                text = rest;
                f.cc_span = Some(Span::join_opt(f.cc_span, cell.span));
            }
            if text.is_empty() {
                continue;
            }
            let ms = modes(text);
            let pre_end = ms.first().map_or(text.len(), |m| m.0);
            let pre = text[..pre_end].trim();
            if !pre.is_empty() {
                let dashed = pre.starts_with(['-', '–', '+', '•']);
                let recip = dashed
                    || LUU.is_match(pre)
                    || (in_cc && !signature_text(pre) && (!have_name || cc_wrap));
                if recip {
                    in_cc = true;
                    have_cc = true;
                    f.cc_span = Some(Span::join_opt(f.cc_span, cell.span));
                    let (body, tail) = peel_tail(pre);
                    for e in split_entries(&body) {
                        let starts_entry = e.starts_with(['-', '–', '+', '•']);
                        let cleaned = clean_entry(&e);
                        if cleaned.is_empty() {
                            continue;
                        }
                        let raw = e.trim_start_matches(['-', '–', '+', '•', ' ']).trim();
                        if LUU.is_match(raw) && f.archive.is_some() {
                            // a second Lưu entry: kept for the diagnostics, never dropped
                            f.leftovers.push(Text {
                                text: raw.to_string(),
                                span: cell.span,
                            });
                        } else if LUU.is_match(raw) {
                            let (raw2, t2) = peel_tail_name(raw);
                            f.archive = Some(Archive {
                                entries: archive_entries(&raw2),
                                raw: fold_ws(&raw2),
                                span: cell.span,
                            });
                            if let Some(t2) = t2 {
                                push_sig(&mut items, &t2, cell.span);
                            }
                            entry_open = false;
                        } else if !starts_entry
                            && entry_open
                            && f.archive.is_none()
                            && !f.cc.is_empty()
                        {
                            let last = f.cc.last_mut().expect("an entry");
                            last_raw = format!("{last_raw} {raw}");
                            last.0 = clean_entry(&last_raw);
                            last.1 = last.1.join(cell.span);
                            entry_open = !ends_entry(raw);
                        } else {
                            f.cc.push((cleaned, cell.span));
                            last_raw = raw.to_string();
                            entry_open = !ends_entry(raw);
                        }
                    }
                    if let Some(t) = tail {
                        push_sig(&mut items, &t, cell.span);
                        have_name |= items[scanned..]
                            .iter()
                            .any(|x| matches!(x, SigItem::Name(..)));
                    }
                } else if !push_sig(&mut items, pre, cell.span) {
                    leftover = true;
                    f.leftovers.push(Text {
                        text: pre.to_string(),
                        span: cell.span,
                    });
                }
            }
            push_modes(&mut items, text, &ms, cell.span);
        }
        have_name |= items[scanned..]
            .iter()
            .any(|x| matches!(x, SigItem::Name(..)));
        scanned = items.len();
        let _ = leftover;
        f.used.push(i);
        i += 1;
    }
    f.end = i;
    let _ = have_cc;
    let mut sigs = split_blocks(items);
    for col in cols.into_iter().skip(1) {
        sigs.extend(split_blocks(col));
    }
    f.signature = main_signature(&sigs);
    f.signatures = sigs;
    f
}

/// Whether the capital line at `i` opens another signature block: a name follows within the
/// next four lines with text (biên bản printed column after column).
fn another_signer_follows(lines: &[Line<'_>], i: usize) -> bool {
    let t = &lines[i].text;
    // a tên loại (`KẾ HOẠCH` of an attached plan) is never a signer's position
    if !is_signature_like(t) || crate::ast::kind::DocKind::from_line(t).is_some() {
        return false;
    }
    lines[i + 1..]
        .iter()
        .filter(|l| !l.is_void())
        .take(4)
        .any(|l| is_person_name(strip_note(&l.text).0))
}

/// Split one column's items into signature blocks: a new block starts when a quyền hạn line
/// or a position follows a signer's name.
fn split_blocks(items: Vec<SigItem>) -> Vec<Signature> {
    let mut blocks: Vec<Vec<SigItem>> = vec![Vec::new()];
    let mut named = false;
    for it in items {
        let opens = matches!(it, SigItem::Mode(..) | SigItem::Caps(..));
        if opens && named {
            blocks.push(Vec::new());
            named = false;
        }
        if matches!(it, SigItem::Name(..)) {
            named = true;
        }
        blocks.last_mut().expect("a block").push(it);
    }
    blocks.into_iter().filter_map(assemble).collect()
}

/// The main signature among several: the only one with quyền hạn lines, else the last.
fn main_signature(sigs: &[Signature]) -> Option<Signature> {
    let with_authority: Vec<&Signature> = sigs.iter().filter(|s| !s.authority.is_empty()).collect();
    match with_authority.as_slice() {
        [one] if sigs.len() > 1 => Some((*one).clone()),
        _ => sigs.last().cloned(),
    }
}

fn is_signature_like_or_recipient(t: &str) -> bool {
    is_signature_like(t)
        || t.starts_with(['-', '+', '•'])
        || LUU.is_match(t)
        || noi_nhan(t).is_some()
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

/// Push the quyền hạn lines found in `text` (as `modes` gave them), each with any name that
/// follows its title on the same row.
fn push_modes(items: &mut Vec<SigItem>, text: &str, ms: &[(usize, usize, Mode)], span: Span) {
    for (k, &(_, tstart, mode)) in ms.iter().enumerate() {
        let end = ms.get(k + 1).map_or(text.len(), |m| m.0);
        let (caps, name) = mode_title(text[tstart..end].trim());
        items.push(SigItem::Mode(
            mode,
            caps.trim_end_matches([',', ';']).to_string(),
            span,
        ));
        if !name.is_empty() {
            push_sig(items, &name, span);
        }
    }
}

/// Classify a signature piece; false when it is no signature text at all.
fn push_sig(items: &mut Vec<SigItem>, t: &str, span: Span) -> bool {
    let t = t.trim();
    if t.is_empty() {
        return true;
    }
    if let (name, Some(note)) = strip_note(t)
        && !name.is_empty()
    {
        let ok = push_sig(items, name, span);
        items.push(SigItem::Note(note.to_string(), span));
        return ok;
    }
    if NOTE.is_match(t) {
        items.push(SigItem::Note(t.to_string(), span));
        return true;
    }
    if is_person_name(t) {
        items.push(SigItem::Name(t.to_string(), span));
        return true;
    }
    let (caps, name) = split_caps_name(t);
    let caps_then_name =
        !caps.is_empty() && (name.is_empty() || is_person_name(&name) || NOTE.is_match(&name));
    if !caps_then_name && is_position_phrase(t) && !is_person_name(t) {
        // a position in an old lower-case document (`Thứ trưởng`)
        items.push(SigItem::Caps(t.to_string(), span));
        return true;
    }
    if caps_then_name {
        items.push(SigItem::Caps(caps, span));
        if !name.is_empty() {
            return push_sig(items, &name, span);
        }
        return true;
    }
    false
}

fn assemble(items: Vec<SigItem>) -> Option<Signature> {
    let mut sig = Signature::default();
    let mut span: Option<Span> = None;
    let mut after_mode: Vec<(String, bool)> = Vec::new(); // (caps, preceded by a gap)
    let mut gap = false;
    let mut any = false;
    for it in items {
        match it {
            SigItem::Mode(mode, title, s) => {
                sig.authority.push(Authority {
                    mode,
                    title,
                    span: s,
                });
                after_mode.clear();
                span = Some(span.map_or(s, |x| x.join(s)));
                any = true;
                gap = false;
            }
            SigItem::Caps(c, s) => {
                if sig.signer.is_none() {
                    after_mode.push((c, gap));
                }
                span = Some(span.map_or(s, |x| x.join(s)));
                any = true;
                gap = false;
            }
            SigItem::Name(n, s) => {
                sig.signer = Some(n);
                span = Some(span.map_or(s, |x| x.join(s)));
                any = true;
                gap = false;
            }
            SigItem::Note(n, s) => {
                sig.notes.push(n);
                span = Some(span.map_or(s, |x| x.join(s)));
            }
            SigItem::Gap => gap = true,
        }
    }
    if !any {
        return None;
    }
    if !after_mode.is_empty() {
        // consecutive capital lines right after the authority make the position
        let mut pos = after_mode[0].0.clone();
        for (c, g) in &after_mode[1..] {
            if *g {
                break;
            }
            pos.push(' ');
            pos.push_str(c);
        }
        sig.position = Some(pos);
    } else if let Some(last) = sig.authority.last_mut() {
        let (t, p) = split_title_position(&last.title);
        if p.is_some() {
            last.title = t;
            sig.position = p;
        }
    }
    sig.span = span.unwrap_or_default();
    Some(sig)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ast::Mode;
    use crate::lines::split_lines;

    fn foot(s: &str) -> Footer {
        let ls = split_lines(s);
        parse(&ls, 0)
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
    fn joined_titles_split_at_the_position() {
        assert_eq!(
            split_title_position("BỘ TRƯỞNG VỤ TRƯỞNG VỤ KẾ HOẠCH - TÀI CHÍNH"),
            (
                "BỘ TRƯỞNG".to_string(),
                Some("VỤ TRƯỞNG VỤ KẾ HOẠCH - TÀI CHÍNH".to_string())
            )
        );
        assert_eq!(split_title_position("TỔNG CỤC TRƯỞNG").1, None);
        assert_eq!(split_title_position("ỦY BAN NHÂN DÂN TỈNH").1, None);
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
