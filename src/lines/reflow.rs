//! Reflow: a whole document flattened onto one physical line (a forum post, a page copy that
//! lost its line breaks: `… Hạnh phúc Số: 367 - QĐ/TW Hà Nội, ngày … QUYẾT ĐỊNHVề việc …`) is
//! cut back into the lines it was printed on, at the places where the document's parts begin.
//!
//! A line is cut only when it is long and holds the marks of several parts (a Quốc hiệu, a
//! `Số:` line, a `Nơi nhận:`, a quyền hạn line, `(đã ký)`, …): a long paragraph that only cites
//! `Điều 5.` is left alone. The pieces keep their byte ranges and their physical line number,
//! so spans and diagnostics still point into the text as given.

use std::sync::LazyLock;

use regex::Regex;

use crate::ast::kind::DocKind;
use crate::cues::closing::{is_mode_word, mode_prefix, noi_nhan_with_colon, signing_note_len};
use crate::cues::heading::{heading_len, motto_end_len, motto_len};
use crate::cues::marker::article_len;
use crate::cues::number;
use crate::cues::place_date;
use crate::cues::preamble::{basis, request};
use crate::cues::scan::{is_word_char, word_ci};
use crate::viet::is_capitalised;

/// Lines shorter than this are never cut.
const MIN_LEN: usize = 400;

/// The tên loại that stand alone on a line of their own in a flattened document.
const CUT_KINDS: &[DocKind] = &[
    DocKind::QuyetDinh,
    DocKind::QuyDinh,
    DocKind::NghiQuyet,
    DocKind::ThongBao,
    DocKind::ChiThi,
    DocKind::KeHoach,
    DocKind::BaoCao,
    DocKind::ToTrinh,
    DocKind::HuongDan,
    DocKind::QuyChe,
    DocKind::GiayMoi,
];

/// The printed names of [`CUT_KINDS`] (`QUYẾT ĐỊNH`), looked up once.
static CUT_KIND_NAMES: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| CUT_KINDS.iter().filter_map(DocKind::name).collect());

/// A kind of part that may begin inside a flattened line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Part {
    /// Quốc hiệu, party heading, the Đoàn's name (`CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM`).
    Heading,
    /// Tiêu ngữ (`Độc lập - Tự do - Hạnh phúc`).
    Motto,
    /// `***` under a party heading.
    Stars,
    /// A rule under a header column (`-----`).
    Rule,
    /// `Số:`.
    Number,
    /// `, ngày 29 tháng 10 năm 2013` after a place.
    Date,
    /// A tên loại in capitals; whether a trích yếu, an article or the end follows it.
    Kind { name_end: usize, alone: bool },
    /// `Căn cứ`, `Theo đề nghị`, `- Để`.
    Basis,
    /// `Điều 5.`
    Article,
    /// `./.`
    End,
    /// `Nơi nhận:`
    Recipients,
    /// `KT. CHỦ TỊCH`
    Mode,
    /// `(đã ký)`
    Signed,
    /// `Nguồn:` of a web page.
    Source,
}

impl Part {
    /// Parts that never stand inside a paragraph of running text.
    fn structural(self) -> bool {
        matches!(
            self,
            Part::Heading
                | Part::Number
                | Part::Recipients
                | Part::Mode
                | Part::Signed
                | Part::Stars
        )
    }

    /// Parts that open a word: glued to the word before, they are no part.
    fn opens_word(self) -> bool {
        matches!(
            self,
            Part::Number
                | Part::Basis
                | Part::Article
                | Part::Recipients
                | Part::Mode
                | Part::Source
        )
    }

    /// A kind, whatever its fields, for counting kinds.
    fn key(self) -> u8 {
        match self {
            Part::Heading => 0,
            Part::Motto => 1,
            Part::Stars => 2,
            Part::Rule => 3,
            Part::Number => 4,
            Part::Date => 5,
            Part::Kind { .. } => 6,
            Part::Basis => 7,
            Part::Article => 8,
            Part::End => 9,
            Part::Recipients => 10,
            Part::Mode => 11,
            Part::Signed => 12,
            Part::Source => 13,
        }
    }
}

/// A run of at least `n` characters of `set` at the start of `i`: its length.
fn run_of(i: &str, set: &[char], n: usize) -> Option<usize> {
    let k = i.chars().take_while(|c| set.contains(c)).count();
    (k >= n).then(|| i.len() - i.trim_start_matches(set).len())
}

/// The tên loại in capitals at the start of `i`, with an optional colon: the part (where the
/// name and colon end; whether it stands alone: a trích yếu, an article or the end follows, or
/// a colon closes it) and how far it reaches (with the `Về`, `V/v`, `Điều` after it).
fn kind_at(i: &str) -> Option<(Part, usize)> {
    let first = i.chars().next()?;
    let name = CUT_KIND_NAMES
        .iter()
        .filter(|n| n.starts_with(first))
        .find(|n| i.starts_with(**n))?;
    let mut end = name.len();
    let t = i[end..].trim_start();
    if t.starts_with(':') {
        end = i.len() - t.len() + 1;
    }
    let t = i[end..].trim_start();
    let after = ["Về", "V/v", "VỀ", "Điều"]
        .iter()
        .find(|w| t.starts_with(**w))
        .map(|w| i.len() - t.len() + w.len())
        .or_else(|| t.is_empty().then_some(i.len()));
    let alone = after.is_some() || i[..end].ends_with(':');
    Some((
        Part::Kind {
            name_end: end,
            alone,
        },
        after.unwrap_or(end),
    ))
}

/// A Quốc hiệu or party heading in capitals at the start of `i`: its length.
fn heading_part(i: &str, c: char) -> Option<usize> {
    if !matches!(c, 'C' | 'Đ') {
        return None;
    }
    heading_len(i).filter(|&n| crate::viet::is_upper(&i[..n]))
}

/// `Số:` as printed at the start of `i` (a cited `số: 12/QĐ-UBND` in running text is no part):
/// its length.
fn number_part(i: &str, c: char) -> Option<usize> {
    match number::anchor(i) {
        Ok((r, true)) if c == 'S' => Some(i.len() - r.len()),
        _ => None,
    }
}

/// A quyền hạn prefix, white space, and a title in capitals (`KT. CHỦ TỊCH`) at the start of
/// `i`: its length, to the end of the title's first word.
fn mode_part(i: &str, c: char) -> Option<usize> {
    if !matches!(c, 'T' | 'K' | 'Q') {
        return None;
    }
    let (prefix, title) = mode_prefix(i)?;
    if i.len() - title.len() == prefix.len() {
        return None;
    }
    let caps = title.len() - title.trim_start_matches(char::is_uppercase).len();
    (title[..caps].chars().count() >= 2).then(|| i.len() - title.len() + caps)
}

/// The part that begins at the start of `i`, if any, and its length. `prev`: the character
/// right before. Tried in this order; the first that fits wins.
fn part_at(i: &str, prev: Option<char>) -> Option<(Part, usize)> {
    let c = i.chars().next()?;
    if let Some(n) = heading_part(i, c) {
        return Some((Part::Heading, n));
    }
    if matches!(c, 'Đ' | 'D' | 'H')
        && let Some(n) = motto_len(i, !prev.is_some_and(is_word_char)).or_else(|| motto_end_len(i))
    {
        return Some((Part::Motto, n));
    }
    if c == '*'
        && let Some(n) = run_of(i, &['*'], 3)
    {
        return Some((Part::Stars, n));
    }
    if matches!(c, '-' | '_' | '=')
        && let Some(n) = run_of(i, &['-', '_', '='], 5)
    {
        return Some((Part::Rule, n));
    }
    // `Số:` as printed (a cited `số: 12/QĐ-UBND` in running text is no part)
    if let Some(n) = number_part(i, c) {
        return Some((Part::Number, n));
    }
    if c == ','
        && let Ok((r, d)) = place_date::date(i[1..].trim_start())
        && d.day.is_some()
        && d.month.is_some()
        && d.year.is_some()
    {
        return Some((Part::Date, i.len() - r.len()));
    }
    if c.is_uppercase()
        && let Some(found) = kind_at(i)
    {
        return Some(found);
    }
    // (as printed: `Căn cứ`, `Theo đề nghị`, in capitals; a bullet `- căn cứ` too)
    if matches!(c, '-' | 'C' | 'T' | 'X')
        && let Some(r) = basis(i).or_else(|| request(i)).or_else(|| purpose(i))
    {
        return Some((Part::Basis, i.len() - r.len()));
    }
    if c == 'Đ'
        && let Some(n) = article_len(i)
    {
        return Some((Part::Article, n));
    }
    if c == '.' && i.starts_with(crate::cues::END_MARK) {
        return Some((Part::End, crate::cues::END_MARK.len()));
    }
    if c == 'N'
        && let Some(n) = noi_nhan_with_colon(i)
    {
        return Some((Part::Recipients, n));
    }
    if let Some(n) = mode_part(i, c) {
        return Some((Part::Mode, n));
    }
    if c == '('
        && let Some(n) = signing_note_len(i)
    {
        return Some((Part::Signed, n));
    }
    if matches!(c, 'N' | 'n')
        && let Ok((r, _)) = word_ci("nguồn")(i)
        && r.trim_start().starts_with(':')
    {
        let t = r.trim_start();
        return Some((Part::Source, i.len() - t.len() + 1));
    }
    None
}

/// `- Để …` opening a purpose clause in a flattened plan.
fn purpose(i: &str) -> Option<&str> {
    let r = i.strip_prefix('-')?.trim_start().strip_prefix("Để")?;
    r.strip_prefix(char::is_whitespace)
}

/// Whether two kinds of structural part are found anywhere in the line (a cheap test before
/// [`parts`]: only the structural recognisers, only where their first letter stands, each kind
/// only until it is found).
fn two_structural(raw: &str) -> bool {
    let mut found: Vec<u8> = Vec::new();
    let bytes = raw.as_bytes();
    for (at, &b) in bytes.iter().enumerate() {
        // cheap byte test first: the first letters of the structural parts (`Đ` is C4 90)
        let c = match b {
            b'C' | b'S' | b'N' | b'T' | b'K' | b'Q' | b'(' | b'*' => char::from(b),
            0xC4 if bytes.get(at + 1) == Some(&0x90) => 'Đ',
            _ => continue,
        };
        if let Some(part) = structural_at(&raw[at..], c)
            && !found.contains(&part.key())
        {
            found.push(part.key());
            if found.len() == 2 {
                return true;
            }
        }
    }
    false
}

/// The structural part that begins at the start of `i` (whose first character is `c`), if any:
/// [`part_at`] for those kinds only.
fn structural_at(i: &str, c: char) -> Option<Part> {
    let part = match c {
        'C' | 'Đ' => heading_part(i, c).map(|n| (Part::Heading, n)),
        'S' => number_part(i, c).map(|n| (Part::Number, n)),
        'N' => noi_nhan_with_colon(i).map(|n| (Part::Recipients, n)),
        'T' | 'K' | 'Q' => mode_part(i, c).map(|n| (Part::Mode, n)),
        '(' => signing_note_len(i).map(|n| (Part::Signed, n)),
        '*' => i.starts_with("***").then_some((Part::Stars, 3)),
        _ => None,
    };
    part.map(|p| p.0)
}

/// Every part found in a flattened line, left to right and never overlapping: (where it
/// starts, the part, where it ends).
fn parts(raw: &str) -> Vec<(usize, Part, usize)> {
    let mut out = Vec::new();
    let mut from = 0;
    let mut prev: Option<char> = None;
    for (at, c) in raw.char_indices() {
        if at < from {
            prev = Some(c);
            continue;
        }
        if let Some((part, n)) = part_at(&raw[at..], prev) {
            out.push((at, part, at + n));
            from = at + n;
        }
        prev = Some(c);
    }
    out
}

/// The byte offsets (inside `raw`, strictly between its ends) where a flattened line is cut.
/// Empty when the line is an ordinary line: shorter than [`MIN_LEN`], or holding fewer than
/// three kinds of part, two of them structural.
pub(crate) fn cuts(raw: &str) -> Vec<usize> {
    if raw.len() < MIN_LEN || !two_structural(raw) {
        return Vec::new();
    }
    // a part that opens a word does not stand glued to the word before
    let found: Vec<_> = parts(raw)
        .into_iter()
        .filter(|&(start, part, end)| !(part.opens_word() && glued(raw, start, end)))
        .collect();
    let mut kinds: Vec<u8> = found.iter().map(|p| p.1.key()).collect();
    kinds.sort_unstable();
    kinds.dedup();
    let structural = kinds
        .iter()
        .filter(|&&k| found.iter().any(|p| p.1.key() == k && p.1.structural()))
        .count();
    if kinds.len() < 3 || structural < 2 {
        return Vec::new();
    }
    let mut out = Vec::new();
    let mut footer_from: Option<usize> = None;
    for &(start, part, end) in &found {
        if part == Part::Recipients {
            footer_from.get_or_insert(end);
        }
        part_cuts(raw, start, part, end, &mut out);
    }
    glued_capitals(raw, &mut out);
    // a line of capitals after running text (the authority line under a trích yếu:
    // `… xã Sơn Thủy GIÁM ĐỐC BAN QUẢN LÝ DỰ ÁN …`)
    for m in CAPS_AFTER_TEXT.captures_iter(raw) {
        if let Some(g) = m.get(1) {
            out.push(g.start());
        }
    }
    if let Some(from) = footer_from {
        // the signature's capitals after the last recipient (`- Lưu: VP Cục. CỤC TRƯỞNG`)
        for m in CAPS_AFTER_STOP.captures_iter(&raw[from..]) {
            let stop = m.get(0).map_or(0, |g| g.start());
            let word = raw[..from + stop].rsplit(char::is_whitespace).next();
            if let Some(g) = m.get(1)
                && !word.is_some_and(is_mode_word)
            {
                out.push(from + g.start());
            }
        }
    }
    out.retain(|&b| b > 0 && b < raw.len());
    out.sort_unstable();
    out.dedup();
    out
}

/// Where one part found at `start..end` cuts the line: before it, after it, or both.
fn part_cuts(raw: &str, start: usize, part: Part, end: usize, out: &mut Vec<usize>) {
    let text = &raw[start..end];
    let prev = raw[..start].trim_end().chars().next_back();
    let after_stop = prev.is_none_or(|p| {
        matches!(p, '.' | ';' | ':' | '!' | '?' | '"' | '”' | ')' | ',') || p.is_uppercase()
    });
    let cut_before = match part {
        // the Đoàn's heading also closes the name of its organs (`BAN BÍ THƯ TRUNG ƯƠNG
        // ĐOÀN TNCS HỒ CHÍ MINH`): cut only where it is glued on or follows a stop
        Part::Heading if text.starts_with("ĐOÀN") => {
            !raw[..start].ends_with(char::is_whitespace)
                || prev.is_some_and(|p| matches!(p, '.' | ';' | ':' | '*'))
        }
        Part::Heading
        | Part::Stars
        | Part::Rule
        | Part::Number
        | Part::Recipients
        | Part::Signed
        | Part::Source => true,
        Part::Mode | Part::Article => after_stop,
        Part::Basis => text.starts_with('-') || after_stop,
        // a tên loại stands alone: before a trích yếu, an article, a colon or the end
        Part::Kind { alone, .. } => alone,
        Part::Date => {
            // the place before `, ngày`: up to four words that open with a capital
            if let Some(at) = place_start(&raw[..start]) {
                out.push(at);
            }
            false
        }
        Part::Motto | Part::End => false,
    };
    if cut_before {
        out.push(start);
    }
    let cut_after = match part {
        Part::Motto | Part::Stars | Part::Rule | Part::End | Part::Signed | Part::Date => true,
        Part::Kind { .. } => cut_before,
        _ => false,
    };
    if cut_after {
        out.push(match part {
            Part::Kind { name_end, .. } => start + name_end,
            _ => end,
        });
    }
    if part == Part::Signed
        && let Some(n) = name_after(&raw[end..])
    {
        // the signer's name, then the next part in capitals
        out.push(end + n);
    }
}

/// Whether the text at `start..end` opens with a letter glued to a letter or digit before it.
fn glued(raw: &str, start: usize, end: usize) -> bool {
    raw[start..end].starts_with(char::is_alphabetic)
        && raw[..start]
            .chars()
            .next_back()
            .is_some_and(char::is_alphanumeric)
}

/// Where the place before a date starts: up to four words that open with a capital, right
/// before `before`'s end.
fn place_start(before: &str) -> Option<usize> {
    // four words of a place name never reach further back than this
    let mut from = before.len().saturating_sub(PLACE_REACH);
    while !before.is_char_boundary(from) {
        from += 1;
    }
    let mut at = None;
    for (words, (i, w)) in split_words_back(&before[from..]).enumerate() {
        if words == 4 || !is_capitalised(w) {
            break;
        }
        at = Some(from + i);
    }
    at
}

/// How far back from a date its place may begin, in bytes.
const PLACE_REACH: usize = 256;

static CAPS_AFTER_TEXT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\p{Ll}[,;:]?\s+(\p{Lu}{2,}(?:\s+\p{Lu}{2,}){2,})").expect("caps after text")
});
static CAPS_AFTER_STOP: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"[.;]\s+(\p{Lu}{2,}(?:\s+\p{Lu}{2,})+)").expect("caps after stop")
});

/// The longest word of a person's name, in characters.
const NAME_WORD_MAX: usize = 32;

/// The end of a person's name (two to five capitalised words) at the start of `s`, when the
/// name is followed by capitals or ends the text.
fn name_after(s: &str) -> Option<usize> {
    let mut end = 0;
    let mut words = 0;
    let mut rest = s;
    loop {
        let t = rest.trim_start();
        let off = s.len() - t.len();
        // a word is read up to [`NAME_WORD_MAX`] characters: a longer one is no name's word
        // (and reading it whole for each note would make a run of notes quadratic)
        let w_end = t
            .char_indices()
            .take(NAME_WORD_MAX + 1)
            .find(|&(_, c)| c.is_whitespace())
            .map(|(k, _)| k);
        let long = w_end.is_none() && t.chars().nth(NAME_WORD_MAX).is_some();
        let w_end = w_end.unwrap_or_else(|| {
            t.char_indices()
                .nth(NAME_WORD_MAX)
                .map_or(t.len(), |(k, _)| k)
        });
        let w = &t[..w_end];
        if w.is_empty() {
            break;
        }
        if !long && is_capitalised(w) && words < 5 {
            words += 1;
            end = off + w_end;
            rest = &t[w_end..];
            continue;
        }
        let caps = w.chars().filter(|c| c.is_alphabetic()).count() >= 2
            && w.chars().all(|c| !c.is_lowercase());
        if !caps {
            return None;
        }
        break;
    }
    (2..=5).contains(&words).then_some(end)
}

/// Words of `s` from the end, each with its byte offset.
fn split_words_back(s: &str) -> impl Iterator<Item = (usize, &str)> {
    let mut end = s.len();
    std::iter::from_fn(move || {
        let t = s[..end].trim_end();
        if t.is_empty() {
            return None;
        }
        let start = t
            .char_indices()
            .rev()
            .find(|(_, c)| c.is_whitespace())
            .map_or(0, |(i, c)| i + c.len_utf8());
        end = start;
        Some((start, &t[start..]))
    })
}

/// Two lines of capitals glued where the line break was lost (`ĐOÀNBÍ THƯ`): a word that is
/// no syllable but splits into two capital syllables is cut between them.
fn glued_capitals(raw: &str, out: &mut Vec<usize>) {
    let mut start = None;
    for (i, c) in raw.char_indices().chain(std::iter::once((raw.len(), ' '))) {
        if c.is_alphabetic() {
            start.get_or_insert(i);
            continue;
        }
        let Some(s) = start.take() else { continue };
        let w = &raw[s..i];
        // two syllables are never longer than this (and a long run of letters is no word)
        if w.len() < 4 || w.len() > 48 || crate::viet::syllable::is_syllable(w) {
            continue;
        }
        let upper = w.chars().all(|c| !c.is_lowercase());
        for (k, _) in w.char_indices().skip(2) {
            let (a, b) = w.split_at(k);
            let b_ok = if upper {
                b.chars().count() >= 2
            } else {
                // `ĐỊNHVề`: capitals, then a capitalised word
                b.chars().next().is_some_and(char::is_uppercase)
                    && b.chars().skip(1).all(char::is_lowercase)
                    && a.chars().all(|c| !c.is_lowercase())
            };
            if b_ok
                && a.chars().all(|c| !c.is_lowercase())
                && crate::viet::syllable::is_syllable(a)
                && crate::viet::syllable::is_syllable(b)
            {
                out.push(s + k);
                break;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pieces(raw: &str) -> Vec<&str> {
        let mut out = Vec::new();
        let mut last = 0;
        for c in cuts(raw).into_iter().chain([raw.len()]) {
            let p = raw[last..c].trim();
            if !p.is_empty() {
                out.push(p);
            }
            last = c;
        }
        out
    }

    #[test]
    fn a_flattened_decision_is_cut_at_its_parts() {
        let raw = "BAN CHẤP HÀNH TRUNG ƯƠNG***Số: 367-QĐ/TW Hà Nội, ngày 29 tháng 10 năm 2013 QUYẾT ĐỊNHVề việc ban hành Quy định về văn bản--------- BAN BÍ THƯ TRUNG ƯƠNG ĐOÀN TNCS HỒ CHÍ MINH- Căn cứ Điều lệ; - Căn cứ Quy chế làm việc của Ban Chấp hành, QUYẾT ĐỊNH Điều 1. Ban hành kèm theo quyết định này Quy định. Điều 2. Quyết định này có hiệu lực từ ngày ký./. Nơi nhận: - Như điều 2; - Lưu VT. TM. BAN BÍ THƯ TRUNG ƯƠNG ĐOÀNBÍ THƯ THƯỜNG TRỰC (đã ký) Nguyễn Văn An BAN CHẤP HÀNH TRUNG ƯƠNG";
        assert_eq!(
            pieces(raw),
            [
                "BAN CHẤP HÀNH TRUNG ƯƠNG",
                "***",
                "Số: 367-QĐ/TW",
                "Hà Nội, ngày 29 tháng 10 năm 2013",
                "QUYẾT ĐỊNH",
                "Về việc ban hành Quy định về văn bản",
                "---------",
                "BAN BÍ THƯ TRUNG ƯƠNG ĐOÀN TNCS HỒ CHÍ MINH",
                "- Căn cứ Điều lệ;",
                "- Căn cứ Quy chế làm việc của Ban Chấp hành,",
                "QUYẾT ĐỊNH",
                "Điều 1. Ban hành kèm theo quyết định này Quy định.",
                "Điều 2. Quyết định này có hiệu lực từ ngày ký./.",
                "Nơi nhận: - Như điều 2; - Lưu VT.",
                "TM. BAN BÍ THƯ TRUNG ƯƠNG ĐOÀN",
                "BÍ THƯ THƯỜNG TRỰC",
                "(đã ký)",
                "Nguyễn Văn An",
                "BAN CHẤP HÀNH TRUNG ƯƠNG",
            ]
        );
    }

    #[test]
    fn parts_are_read_with_the_cues() {
        assert_eq!(
            part_at("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM x", None).map(|p| p.0),
            Some(Part::Heading)
        );
        // the Quốc hiệu in running text, in title case, is no part
        assert_eq!(part_at("Cộng hòa xã hội chủ nghĩa Việt Nam", None), None);
        assert_eq!(part_at("Số: 12/QĐ", None).map(|p| p.0), Some(Part::Number));
        assert_eq!(part_at("số: 12/QĐ", None), None);
        assert_eq!(
            part_at(", ngày 5 tháng 6 năm 2026 x", None).map(|p| p.0),
            Some(Part::Date)
        );
        assert_eq!(part_at(", ngày  tháng 6 năm 2026", None), None);
        let (p, n) = part_at("QUYẾT ĐỊNH Về việc", None).unwrap();
        assert_eq!(
            p,
            Part::Kind {
                name_end: "QUYẾT ĐỊNH".len(),
                alone: true
            }
        );
        assert_eq!(n, "QUYẾT ĐỊNH Về".len());
        assert_eq!(
            part_at("QUYẾT ĐỊNH của", None).map(|p| p.0),
            Some(Part::Kind {
                name_end: "QUYẾT ĐỊNH".len(),
                alone: false
            })
        );
        assert_eq!(
            part_at("KT. CHỦ TỊCH", None),
            Some((Part::Mode, "KT. CHỦ".len()))
        );
        assert_eq!(part_at("KT.CHỦ TỊCH", None), None);
        assert_eq!(
            part_at("(đã ký) x", None),
            Some((Part::Signed, "(đã ký)".len()))
        );
        assert_eq!(
            part_at("Nơi nhận:***", None),
            Some((Part::Recipients, "Nơi nhận:".len()))
        );
        assert_eq!(
            part_at("Hạnh phúc Số", None).map(|p| p.0),
            Some(Part::Motto)
        );
        assert_eq!(part_at("hạnh phúc", None), None);
        assert_eq!(
            part_at("- Để thực hiện", None).map(|p| p.0),
            Some(Part::Basis)
        );
        assert_eq!(part_at("Trên cơ sở đó", None), None);
    }

    #[test]
    fn wide_spaces_and_long_words_are_safe() {
        // an ideographic space before `, ngày` (a multi-byte space when walking back)
        let raw = format!(
            "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Số: 12/QĐ-UBND Hà\u{3000}Nội, ngày 1 tháng 1 năm 2024 {} Nơi nhận: - Lưu VT. {}",
            "nội dung ".repeat(40),
            "A".repeat(5000)
        );
        let cut = cuts(&raw);
        assert!(!cut.is_empty());
        assert!(cut.iter().all(|&c| raw.is_char_boundary(c)));
        // a wide space after `- Để` (a purpose clause)
        let raw = format!(
            "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Số: 12/KH-UBND KẾ HOẠCH - Để\u{2003}triển khai {}",
            "nội dung ".repeat(50)
        );
        assert!(cuts(&raw).iter().all(|&c| raw.is_char_boundary(c)));
    }

    #[test]
    fn a_long_paragraph_is_left_alone() {
        let raw = "Căn cứ quy định tại Điều 5. Luật Ban hành văn bản quy phạm pháp luật và Nghị định số 30/2020/NĐ-CP ngày 05 tháng 3 năm 2020 của Chính phủ về công tác văn thư, các cơ quan, đơn vị thực hiện nghiêm việc ban hành văn bản đúng thể thức, đúng thẩm quyền và đúng trình tự, thủ tục; báo cáo kết quả thực hiện về Văn phòng trước ngày 15 tháng 12 năm 2024 để tổng hợp, báo cáo Ủy ban nhân dân tỉnh theo quy định./.";
        assert!(raw.len() >= MIN_LEN);
        assert!(cuts(raw).is_empty());
        assert!(cuts("ngắn").is_empty());
    }
}
