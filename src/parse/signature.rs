//! Chữ ký (ô 7) — the signature: quyền hạn lines (`TM. ỦY BAN NHÂN DÂN`, `KT. CHỦ TỊCH`), the
//! position (`PHÓ CHỦ TỊCH`), the signer's name (`Nguyễn Văn An`) and notes (`(Đã ký)`), read
//! as a column of items and split into one block per signer.

use crate::ast::{Authority, Mode, Signature, Span};
use crate::cues::closing::{is_note, is_position_phrase, strip_note};
use crate::viet::is_person_name;

/// One item of a signature column.
#[derive(Debug)]
pub(crate) enum SigItem {
    Mode(Mode, String, Span),
    Caps(String, Span),
    Name(String, Span),
    Note(String, Span),
    Gap,
}

/// Peel signature text off the end of a recipients piece: `Như Điều 3; PHÓ CHỦ TỊCH`.
pub(crate) fn peel_tail(s: &str) -> (String, Option<String>) {
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
pub(crate) fn signature_text(t: &str) -> bool {
    if is_person_name(t) || is_note(t) || is_position_phrase(t) {
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
    // a one-letter capital right before the name is its initial, not the title (`PHÓ CHỦ
    // TỊCH Y Ngọc Hlin`)
    let k = if k > 1 && k < words.len() && crate::viet::is_initial(words[k - 1]) {
        k - 1
    } else {
        k
    };
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

/// Split one column's items into signature blocks: a new block starts when a quyền hạn line
/// or a position follows a signer's name.
pub(crate) fn split_blocks(items: Vec<SigItem>) -> Vec<Signature> {
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
pub(crate) fn main_signature(sigs: &[Signature]) -> Option<Signature> {
    let with_authority: Vec<&Signature> = sigs.iter().filter(|s| !s.authority.is_empty()).collect();
    match with_authority.as_slice() {
        [one] if sigs.len() > 1 => Some((*one).clone()),
        _ => sigs.last().cloned(),
    }
}

/// Push the quyền hạn lines found in `text` (as `modes` gave them), each with any name that
/// follows its title on the same row.
pub(crate) fn push_modes(
    items: &mut Vec<SigItem>,
    text: &str,
    ms: &[(usize, usize, Mode)],
    span: Span,
) -> Option<String> {
    let mut unplaced: Option<String> = None;
    for (k, &(_, tstart, mode)) in ms.iter().enumerate() {
        let end = ms.get(k + 1).map_or(text.len(), |m| m.0);
        let (caps, name) = mode_title(text[tstart..end].trim());
        items.push(SigItem::Mode(
            mode,
            caps.trim_end_matches([',', ';']).to_string(),
            span,
        ));
        if name.is_empty() || push_sig(items, &name, span) {
            continue;
        }
        if is_spaced_name(&name) {
            // the mixed-case words under the capitals are the signer's name, letter-spaced
            // by extraction (`Ngu y ễn Hữu Tín`)
            items.push(SigItem::Name(name, span));
        } else {
            unplaced = Some(match unplaced {
                Some(u) => format!("{u} {name}"),
                None => name,
            });
        }
    }
    unplaced
}

/// Words of letters only that open with a capital, as a name reads once extraction has
/// broken its syllables apart (`Ngu y ễn Hữu Tín`): what ends a signature cell under its
/// capitals.
fn is_spaced_name(t: &str) -> bool {
    let words: Vec<&str> = t.split_whitespace().collect();
    (2..=10).contains(&words.len())
        && t.starts_with(char::is_uppercase)
        && words.iter().all(|w| w.chars().all(char::is_alphabetic))
        && words
            .iter()
            .filter(|w| w.starts_with(char::is_uppercase))
            .count()
            >= 2
}

/// Classify a signature piece; false when it is no signature text at all.
pub(crate) fn push_sig(items: &mut Vec<SigItem>, t: &str, span: Span) -> bool {
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
    if is_note(t) {
        items.push(SigItem::Note(t.to_string(), span));
        return true;
    }
    if is_person_name(t) {
        items.push(SigItem::Name(t.to_string(), span));
        return true;
    }
    let (caps, name) = split_caps_name(t);
    let caps_then_name =
        !caps.is_empty() && (name.is_empty() || is_person_name(&name) || is_note(&name));
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
                // capitals before it: the wrapped title of the quyền hạn above (`TM. ỦY BAN
                // NHÂN DÂN` / `TỈNH QUẢNG NGÃI` / `KT. CHỦ TỊCH`), or a caption over the block
                // (`XÁC THỰC VĂN BẢN HỢP NHẤT`), kept as a note
                let before = std::mem::take(&mut after_mode);
                match sig.authority.last_mut() {
                    Some(a) if before.iter().all(|(_, g)| !g) => {
                        for (c, _) in before {
                            a.title.push(' ');
                            a.title.push_str(&c);
                        }
                    }
                    _ => sig.notes.extend(before.into_iter().map(|(c, _)| c)),
                }
                sig.authority.push(Authority {
                    mode,
                    title,
                    span: s,
                });
                span = Some(span.map_or(s, |x| x.join(s)));
                any = true;
                gap = false;
            }
            SigItem::Caps(c, s) => {
                if sig.signer.is_none() {
                    after_mode.push((c, gap));
                } else {
                    // capitals under the signer's name: kept as a note
                    sig.notes.push(c);
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
        let mut rest = after_mode[1..].iter();
        for (c, g) in rest.by_ref() {
            if *g {
                // capitals after a gap are no part of the position: kept as a note
                sig.notes.push(c.clone());
                break;
            }
            pos.push(' ');
            pos.push_str(c);
        }
        sig.notes.extend(rest.map(|(c, _)| c.clone()));
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
    fn pieces_peeled_off_a_recipient_row() {
        assert_eq!(
            peel_tail("Như Điều 3; PHÓ CHỦ TỊCH"),
            ("Như Điều 3;".to_string(), Some("PHÓ CHỦ TỊCH".to_string()))
        );
        assert_eq!(peel_tail("TT.HĐND tỉnh;").1, None);
    }
}
