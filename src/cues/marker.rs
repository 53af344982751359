//! Cues of the body: the marker that opens a line — Phần, Chương, Mục, Tiểu mục (`Chương II`,
//! `PHẦN THỨ NHẤT`), Điều (`Điều 5.`, `Điều 10a:`), Roman-numeral sections (`II.`), numbered
//! items (`1.`, `1.2.`), điểm (`a)`, `đ)`) and bullets (`-`, `+`, `•`).

use nom::branch::alt;
use nom::bytes::complete::{tag, tag_no_case, take_while_m_n, take_while1};
use nom::character::complete::{char, one_of, space0, space1};
use nom::combinator::{eof, opt, recognize};
use nom::multi::many0;
use nom::sequence::{pair, preceded};
use nom::{IResult, Parser};

use crate::ast::BlockKind;
use crate::viet::is_upper;

/// A marker at the start of a line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Marker {
    pub kind: BlockKind,
    /// Nesting rank: lower ranks hold higher ones.
    pub rank: u8,
    pub label: String,
    /// The marker as printed.
    pub printed: String,
    /// Byte length of the marker and the space after it.
    pub len: usize,
}

/// The 23 điểm letters in Vietnamese order.
pub(crate) const POINT_LETTERS: &str = "abcdđeghiklmnopqrstuvxy";

fn roman(i: &str) -> IResult<&str, &str> {
    take_while1(|c: char| matches!(c, 'I' | 'V' | 'X' | 'L' | 'C'))(i)
}

pub(crate) fn is_valid_roman(s: &str) -> bool {
    (1..=60).contains(&roman_value(s)) && s.len() <= 7 && !s.contains("IIII") && !s.contains("VV")
}

fn digits(i: &str) -> IResult<&str, &str> {
    take_while_m_n(1, 3, |c: char| c.is_ascii_digit())(i)
}

/// An article marker at the start of `i` (`Điều 5.`): its length.
pub(crate) fn article_len(i: &str) -> Option<usize> {
    article(i).ok().map(|(r, _)| i.len() - r.len())
}

/// `Điều 5.`, `Điều 10a:`
fn article(i: &str) -> IResult<&str, (String, &str)> {
    let (r, (_, _, n, l, _)) = (
        tag("Điều"),
        space1,
        digits,
        opt(one_of("abcdđ")),
        alt((tag("."), tag(":"))),
    )
        .parse(i)?;
    let label = match l {
        Some(c) => format!("{n}{c}"),
        None => n.to_string(),
    };
    Ok((r, (label, &i[..i.len() - r.len()])))
}

/// Capitals, but for a few letters OCR read small (`NHỮNG QUY ĐỊNH cHUNG`): three in four
/// letters at least.
fn mostly_upper(s: &str) -> bool {
    if is_upper(s) {
        return true;
    }
    let (up, all) = s
        .chars()
        .filter(|c| c.is_alphabetic())
        .fold((0, 0), |(u, a), c| {
            (u + usize::from(c.is_uppercase()), a + 1)
        });
    all >= 4 && up * 4 >= all * 3
}

/// `Phần I`, `PHẦN THỨ NHẤT`, `Chương II`, `Mục 1`, `Tiểu mục 2` (keyword + numeral).
fn keyword_heading<'a>(i: &'a str, kw: &'static str) -> IResult<&'a str, (String, &'a str)> {
    let (r, (_, _, n)) = (
        tag_no_case(kw),
        space1,
        alt((
            roman,
            digits,
            recognize(pair(
                tag_no_case("thứ "),
                take_while1(|c: char| c.is_alphabetic()),
            )),
        )),
    )
        .parse(i)?;
    let (r2, (punct, _)) = (opt(one_of(".:-")), space0).parse(r)?;
    // `Phần I của Bộ luật …` is a reference wrapped onto a new line, not a heading
    if punct.is_none() && !r2.is_empty() && !mostly_upper(r2) {
        return Err(nom::Err::Error(nom::error::Error::new(
            i,
            nom::error::ErrorKind::Verify,
        )));
    }
    let r = r2;
    Ok((r, (n.to_string(), &i[..i.len() - r.len()])))
}

/// `I.`, `II-`, `IV/`, `III)` followed by text, or alone (its heading on the next line).
fn roman_heading(i: &str) -> IResult<&str, (String, &str)> {
    let (r, (n, _, _)) = (roman, one_of(".-/)"), alt((space1, eof))).parse(i)?;
    Ok((r, (n.to_string(), &i[..i.len() - r.len()])))
}

/// `1.`, `2-`, `3)`, `1.1.`, `1.2.3` followed by text.
fn numbered(i: &str) -> IResult<&str, (String, &str)> {
    // an inserted khoản `5a.` carries a letter before its dot
    let (r0, first) = recognize(pair(digits, opt(one_of("abcdđe")))).parse(i)?;
    if first.ends_with(|c: char| c.is_alphabetic()) && !r0.starts_with(['.', ')']) {
        return Err(nom::Err::Error(nom::error::Error::new(
            i,
            nom::error::ErrorKind::Tag,
        )));
    }
    let (r, (rest, _, _)) = (
        many0(preceded(
            char('.'),
            take_while_m_n(1, 2, |c: char| c.is_ascii_digit()),
        )),
        opt(one_of(".-)")),
        space1,
    )
        .parse(r0)?;
    if rest.is_empty() && !i[first.len()..].starts_with(['.', '-', ')']) {
        return Err(nom::Err::Error(nom::error::Error::new(
            i,
            nom::error::ErrorKind::Tag,
        )));
    }
    let mut label = first.to_string();
    for p in &rest {
        label.push('.');
        label.push_str(p);
    }
    Ok((r, (label, &i[..i.len() - r.len()])))
}

/// `a)`, `đ)`, inserted `a1)`.
fn point(i: &str) -> IResult<&str, (String, &str)> {
    let (r, (l, d, _, _)) = (
        one_of(POINT_LETTERS),
        opt(take_while_m_n(1, 2, |c: char| c.is_ascii_digit())),
        char(')'),
        space0,
    )
        .parse(i)?;
    let label = format!("{l}{}", d.unwrap_or(""));
    Ok((r, (label, &i[..i.len() - r.len()])))
}

fn bullet(i: &str) -> IResult<&str, (char, &str)> {
    let (r, (c, _)) = (one_of("-–—+•·*▪●○◦"), space0).parse(i)?;
    Ok((r, (c, &i[..i.len() - r.len()])))
}

/// Whether `c` may open a marker: the first letters of `Phần`, `Chương`, `Tiểu mục`, `Mục` (any
/// case) and `Điều`, a Roman numeral, a digit, a point letter or a bullet. Most lines of a
/// body open otherwise (`Sở`, `Ủy ban`, `Giao`), and no parser is tried on them.
fn may_open_marker(c: char) -> bool {
    matches!(
        c,
        'P' | 'C' | 'T' | 'M' | 'Đ' | 'I' | 'V' | 'X' | 'L' | '0'..='9'
    ) || POINT_LETTERS.contains(c)
        || matches!(c, 'p' | 'c' | 't' | 'm')
        || "-–—+•·*▪●○◦".contains(c)
}

/// Recognise the marker that opens a body line, if any.
pub(crate) fn marker(text: &str) -> Option<Marker> {
    // each parser is tried only where its first character stands (it could match nowhere
    // else: the order of the tries, and so the answer, is unchanged)
    let first = text.chars().next().filter(|&c| may_open_marker(c))?;
    let mk = |kind: BlockKind, rank, label: String, printed: &str, rest: &str| {
        if rest.trim().is_empty() && !kind.is_heading() {
            return None;
        }
        Some(Marker {
            kind,
            rank,
            label,
            printed: printed.trim().to_string(),
            len: text.len() - rest.len(),
        })
    };
    if matches!(first, 'P' | 'p')
        && let Ok((rest, (l, p))) = keyword_heading(text, "Phần")
        && (!l.chars().all(|c| c.is_ascii_uppercase()) || is_valid_roman(&l))
    {
        return mk(BlockKind::Part, 0, l, p, rest);
    }
    if matches!(first, 'C' | 'c')
        && let Ok((rest, (l, p))) = keyword_heading(text, "Chương")
        && (!l.chars().all(|c| c.is_ascii_uppercase()) || is_valid_roman(&l))
    {
        return mk(BlockKind::Chapter, 1, l, p, rest);
    }
    if matches!(first, 'T' | 't')
        && let Ok((rest, (l, p))) = keyword_heading(text, "Tiểu mục")
    {
        return mk(BlockKind::Subsection, 3, l, p, rest);
    }
    if matches!(first, 'M' | 'm')
        && let Ok((rest, (l, p))) = keyword_heading(text, "Mục")
        && (l.chars().all(|c| c.is_ascii_digit()) || is_valid_roman(&l))
    {
        return mk(BlockKind::Section, 2, l, p, rest);
    }
    if first == 'Đ'
        && let Ok((rest, (l, p))) = article(text)
    {
        return mk(BlockKind::Article, 4, l, p, rest);
    }
    if matches!(first, 'I' | 'V' | 'X' | 'L' | 'C')
        && let Ok((rest, (l, p))) = roman_heading(text)
        && is_valid_roman(&l)
    {
        return mk(BlockKind::Section, 5, l, p, rest);
    }
    if first.is_ascii_digit()
        && let Ok((rest, (l, p))) = numbered(text)
    {
        let depth = l.matches('.').count().min(2) as u8;
        return mk(BlockKind::Item, 6 + depth, l, p, rest);
    }
    if let Ok((rest, (l, p))) = point(text) {
        return mk(BlockKind::Point, 9, l, p, rest);
    }
    if let Ok((rest, (c, p))) = bullet(text) {
        if rest.is_empty() {
            return None;
        }
        let rank = match c {
            '-' | '–' | '—' => 10,
            '+' => 11,
            _ => 12,
        };
        return mk(BlockKind::Bullet, rank, c.to_string(), p, rest);
    }
    None
}

/// Whether a line opens with a structural marker (bullets excluded).
pub(crate) fn starts_with_marker(text: &str) -> bool {
    marker(text).is_some_and(|m| m.kind != BlockKind::Bullet)
}

/// The value of a Roman numeral (`XIV` → 14).
pub(crate) fn roman_value(s: &str) -> u32 {
    let val = |c| match c {
        'I' => 1,
        'V' => 5,
        'X' => 10,
        'L' => 50,
        _ => 100,
    };
    let cs: Vec<u32> = s.chars().map(val).collect();
    let mut total = 0i64;
    for (k, v) in cs.iter().enumerate() {
        if cs.get(k + 1).is_some_and(|n| n > v) {
            total -= *v as i64;
        } else {
            total += *v as i64;
        }
    }
    total.max(0) as u32
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_marker_opens_with_another_character() {
        // every first character up to the Vietnamese block, with each opening of a marker after
        let rests = [
            "hần I",
            "HẦN THỨ NHẤT",
            "I. Mục",
            "1. Nội",
            "iều 5. X",
            ") điểm",
            " Như",
        ];
        for c in (0..0x2000u32).filter_map(char::from_u32) {
            if may_open_marker(c) {
                continue;
            }
            for r in rests {
                let t = format!("{c}{r}");
                let s = &t;
                let all = [
                    keyword_heading(s, "Phần").is_ok(),
                    keyword_heading(s, "Chương").is_ok(),
                    keyword_heading(s, "Tiểu mục").is_ok(),
                    keyword_heading(s, "Mục").is_ok(),
                    article(s).is_ok(),
                    roman_heading(s).is_ok(),
                    numbered(s).is_ok(),
                    point(s).is_ok(),
                    bullet(s).is_ok(),
                ];
                assert!(!all.contains(&true), "{t:?}");
            }
        }
    }

    #[test]
    fn each_parser_opens_only_with_its_first_characters() {
        let rests = [
            "hần I",
            "HẦN THỨ NHẤT",
            "hương II",
            "iểu mục 1",
            "ục 2",
            "iều 5. X",
        ];
        let rests2 = ["I. Mục", "1. Nội", ") điểm", ". x"];
        for c in (0..0x2000u32).filter_map(char::from_u32) {
            for r in rests.iter().chain(&rests2) {
                let t = format!("{c}{r}");
                let s = &t;
                let tries = [
                    (keyword_heading(s, "Phần").is_ok(), matches!(c, 'P' | 'p')),
                    (keyword_heading(s, "Chương").is_ok(), matches!(c, 'C' | 'c')),
                    (
                        keyword_heading(s, "Tiểu mục").is_ok(),
                        matches!(c, 'T' | 't'),
                    ),
                    (keyword_heading(s, "Mục").is_ok(), matches!(c, 'M' | 'm')),
                    (article(s).is_ok(), c == 'Đ'),
                    (
                        roman_heading(s).is_ok(),
                        matches!(c, 'I' | 'V' | 'X' | 'L' | 'C'),
                    ),
                    (numbered(s).is_ok(), c.is_ascii_digit()),
                ];
                for (k, (ok, may)) in tries.iter().enumerate() {
                    assert!(!ok || *may, "parser {k} on {t:?}");
                }
            }
        }
    }

    #[test]
    fn markers() {
        let k = |s: &str| marker(s).map(|m| (m.kind, m.label));
        assert_eq!(k("I. Đánh giá"), Some((BlockKind::Section, "I".into())));
        assert_eq!(k("II- NHIỆM VỤ"), Some((BlockKind::Section, "II".into())));
        assert_eq!(k("1. Sở Công Thương"), Some((BlockKind::Item, "1".into())));
        assert_eq!(k("1.2. Nội dung"), Some((BlockKind::Item, "1.2".into())));
        assert_eq!(k("1-  Nội dung"), Some((BlockKind::Item, "1".into())));
        assert_eq!(k("đ) Điểm"), Some((BlockKind::Point, "đ".into())));
        assert_eq!(k("a1) Điểm chèn"), Some((BlockKind::Point, "a1".into())));
        assert_eq!(k("Điều 5. Phạm vi"), Some((BlockKind::Article, "5".into())));
        assert_eq!(
            k("Điều 10a. Chèn"),
            Some((BlockKind::Article, "10a".into()))
        );
        assert_eq!(k("Chương II"), Some((BlockKind::Chapter, "II".into())));
        assert_eq!(
            k("PHẦN THỨ NHẤT"),
            Some((BlockKind::Part, "THỨ NHẤT".into()))
        );
        assert_eq!(k("- Như trên"), Some((BlockKind::Bullet, "-".into())));
        assert_eq!(k("2024 là năm"), None);
        assert_eq!(k("Điều 64 Luật Khoáng sản"), None);
        assert_eq!(k("Phần I của Bộ luật Hình sự"), None);
        assert_eq!(k("Việc này"), None);
        assert_eq!(k("IIII. x"), None);
    }
}
