//! Số, ký hiệu (ô 3) — `Số: 123/TB-UBND`, `Số: 30/2020/NĐ-CP`, `Số 12-TB/TU`, `Số: /TB-UBND`.

use nom::branch::alt;
use nom::bytes::complete::{take_while_m_n, take_while1};
use nom::character::complete::{char, space0};
use nom::combinator::{opt, recognize};
use nom::sequence::{pair, terminated};
use std::sync::LazyLock;

use nom::{IResult, Parser};

use crate::ast::kind::DocKind;
use crate::cues::scan::{ends_with_ci, one_of_ci, opens_like, opt_char, word_ci, ws0, ws1};

/// The parts of a số, ký hiệu, before spans are attached.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NumberParts {
    /// The number as printed, `None` when blank.
    pub number: Option<String>,
    /// The year of a normative number.
    pub year: Option<u16>,
    /// The ký hiệu.
    pub symbol: Option<String>,
    /// True for the party form `Số 12-TB/TU`.
    pub party: bool,
}

impl NumberParts {
    /// The type code at the head of the ký hiệu, if it is a known one (`TB`, `QĐ`, `TTr`).
    pub fn type_code(&self) -> Option<String> {
        let sym = self.symbol.as_deref()?;
        let first = sym.split(['-', '/']).next()?.trim();
        let has_more = sym.len() > first.len();
        (has_more && DocKind::is_type_code(first)).then(|| first.to_string())
    }

    /// The issuer and unit codes (every group of the ký hiệu but the type code).
    pub fn issuer_codes(&self) -> Vec<String> {
        let Some(sym) = self.symbol.as_deref() else {
            return Vec::new();
        };
        let skip = usize::from(self.type_code().is_some());
        sym.split(['-', '/'])
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .skip(skip)
            .map(str::to_string)
            .collect()
    }
}

/// Types whose name may stand before `số` in a number line (`Quyết định số 12/QĐ-UBND`,
/// `Luật số 45/2019/QH14`).
const NAMED_BEFORE_SO: &[DocKind] = &[
    DocKind::Luat,
    DocKind::BoLuat,
    DocKind::NghiQuyet,
    DocKind::PhapLenh,
    DocKind::NghiDinh,
    DocKind::Lenh,
    DocKind::QuyetDinh,
    DocKind::ThongTu,
    DocKind::ToTrinh,
    DocKind::BaoCao,
];

/// The printed names of [`NAMED_BEFORE_SO`], looked up once.
static NAMES: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| NAMED_BEFORE_SO.iter().filter_map(DocKind::name).collect());

/// Whether `i` opens with a letter an anchor may open with: `S` of `số`, or the first letter of
/// a type's name, in any case (a cheap test before the parser).
fn may_open_anchor(i: &str) -> bool {
    let Some(c) = i.chars().next() else {
        return false;
    };
    let up = if c.is_ascii() {
        c.to_ascii_uppercase()
    } else {
        c.to_uppercase().next().unwrap_or(c)
    };
    FIRST_LETTERS.contains(&up)
}

/// The letters an anchor may open with, in capitals: `S` and the first letters of [`NAMES`].
static FIRST_LETTERS: LazyLock<Vec<char>> = LazyLock::new(|| {
    let mut v: Vec<char> = NAMES.iter().filter_map(|n| n.chars().next()).collect();
    v.push('S');
    v.sort_unstable();
    v.dedup();
    v
});

/// `Số` in any case, with or without its mark (`SỐ`, `Sô`, `so`).
fn so(i: &str) -> IResult<&str, &str> {
    if !["số", "sô", "so"].iter().any(|w| opens_like(i, w)) {
        return crate::cues::scan::fail(i);
    }
    one_of_ci(&["số", "sô", "so"])(i)
}

/// The anchor of a number: `Số:`, `Số`, `Quyết định số:`, then white space. Returns whether a
/// colon followed.
pub(crate) fn anchor(i: &str) -> IResult<&str, bool> {
    if !may_open_anchor(i) {
        return crate::cues::scan::fail(i);
    }
    let named = NAMES.iter().filter(|n| opens_like(i, n)).find_map(|name| {
        let (r, _) = (word_ci(name), ws1).parse(i).ok()?;
        so(r).ok()
    });
    let (r, _) = match named {
        Some(ok) => ok,
        None => so(i)?,
    };
    let (r, _) = ws0(r)?;
    let (r, colon) = opt_char(&[':'])(r)?;
    Ok((r, !colon.is_empty()))
}

/// Find `Số:` in a header cell. Returns the byte range of the whole number (anchor to the end
/// of the ký hiệu) and its parts. Without a colon the anchor must open the cell (`Số 12-TB/TU`).
pub fn find(cell: &str) -> Option<(usize, usize, NumberParts)> {
    // anchors are found by their `số` (every anchor has one), then the type's name before it
    // is taken in; an anchor opens the cell or follows white space, `(` or `|`, and anchors
    // never overlap (the character before one is its own)
    let opens = |q: usize, from: usize| {
        if q == 0 {
            return from == 0;
        }
        cell[..q].chars().next_back().is_some_and(|c| {
            (c.is_whitespace() || matches!(c, '(' | '|')) && q - c.len_utf8() >= from
        })
    };
    let mut from = 0;
    let mut search = 0;
    while search < cell.len() {
        let (p, after) = cell[search..]
            .char_indices()
            .map(|(k, c)| (search + k, c))
            .filter(|&(q, c)| matches!(c, 's' | 'S' | 'ſ') && opens(q, 0))
            .find_map(|(q, _)| so(&cell[q..]).ok().map(|(r, _)| (q, r)))?;
        search = p + 1;
        let start =
            name_before(cell, p, |q| opens(q, from)).or_else(|| opens(p, from).then_some(p));
        let Some(start) = start else {
            continue;
        };
        let (rest, _) = ws0(after).ok()?;
        let (rest, colon) = opt_char(&[':'])(rest).ok()?;
        let colon = !colon.is_empty();
        from = cell.len() - rest.len();
        search = search.max(from);
        let at_start = cell[..start].trim().is_empty();
        if !colon && !at_start {
            continue;
        }
        let Ok((left, parts)) = number_tail(rest) else {
            continue;
        };
        if !colon && parts.number.is_none() && parts.symbol.is_none() {
            continue;
        }
        return Some((start, cell.len() - left.len(), parts));
    }
    None
}

/// Where the type's name that stands right before the `số` at `p` starts (`Quyết định số`,
/// `Bộ luật số`: the longest that `opens` an anchor), when white space separates them.
fn name_before(cell: &str, p: usize, opens: impl Fn(usize) -> bool) -> Option<usize> {
    let before = cell[..p].trim_end();
    if before.len() == p {
        return None;
    }
    NAMES
        .iter()
        .filter_map(|n| ends_with_ci(before, n))
        .filter(|&q| opens(q))
        .min()
}

fn is_num_char(c: char) -> bool {
    c.is_ascii_alphanumeric()
}

fn symbol_char(c: char) -> bool {
    !c.is_whitespace() && !matches!(c, '|' | ',' | ';')
}

/// `[number] [.] / [YYYY /] symbol` or the party `number - TYPE/ISSUER`.
fn number_tail(i: &str) -> IResult<&str, NumberParts> {
    let (i, _) = space0(i)?;
    alt((party_tail, state_tail)).parse(i)
}

fn party_tail(i: &str) -> IResult<&str, NumberParts> {
    let (i, num) = take_while_m_n(1, 6, |c: char| c.is_ascii_digit())(i)?;
    // `367-QĐ/TW`, or with stray spaces `367 - QĐ/TW`
    let (i, _) = (space0, char('-'), space0).parse(i)?;
    let (i, sym) = recognize((
        take_while1(|c: char| c.is_alphanumeric()),
        char('/'),
        take_while1(symbol_char),
    ))
    .parse(i)?;
    Ok((
        i,
        NumberParts {
            number: Some(num.to_string()),
            year: None,
            symbol: Some(trim_symbol(sym)),
            party: true,
        },
    ))
}

fn state_tail(i: &str) -> IResult<&str, NumberParts> {
    let (i, num) = opt(take_while_m_n(1, 8, is_num_char)).parse(i)?;
    let (i, _) = (space0, opt(char('.')), space0, char('/'), space0).parse(i)?;
    let (i, year) = opt(terminated(
        take_while_m_n(4, 4, |c: char| c.is_ascii_digit()),
        pair(space0, char('/')),
    ))
    .parse(i)?;
    let (i, _) = space0(i)?;
    let (i, sym) = opt(symbol).parse(i)?;
    let number = num.filter(|n| !n.is_empty()).map(str::to_string);
    Ok((
        i,
        NumberParts {
            number,
            year: year.and_then(|y| y.parse().ok()),
            symbol: sym.map(trim_symbol).filter(|s| !s.is_empty()),
            party: false,
        },
    ))
}

/// A ký hiệu: one token, or tokens joined by a hyphen with stray spaces (`TTr - SCT`).
fn symbol(i: &str) -> IResult<&str, &str> {
    let (mut rest, _) = take_while1(symbol_char)(i)?;
    loop {
        let used = &i[..i.len() - rest.len()];
        let spaces = rest.len() - rest.trim_start_matches(' ').len();
        let after = &rest[spaces..];
        let hyphen = after.starts_with('-') || after.starts_with('–');
        // `TTr - SCT` (hyphen between spaces) or `TTr- BLĐTBXH` (hyphen, then a space)
        let next = if hyphen && spaces > 0 {
            after[after.chars().next().map_or(0, char::len_utf8)..].trim_start_matches(' ')
        } else if used.ends_with('-') && spaces > 0 {
            after
        } else {
            break;
        };
        let tok: IResult<&str, &str> = take_while1(|c: char| {
            symbol_char(c) && (c.is_uppercase() || c.is_ascii_digit() || c == '-')
        })(next);
        match tok {
            Ok((r2, t)) if t.chars().next().is_some_and(char::is_uppercase) => rest = r2,
            _ => break,
        }
    }
    let used = i.len() - rest.len();
    Ok((rest, &i[..used]))
}

fn trim_symbol(s: &str) -> String {
    crate::viet::fold_ws(s.trim_end_matches(['.', '\\', ':']))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parts(s: &str) -> (Option<String>, Option<u16>, Option<String>) {
        let (_, _, p) = find(s).expect(s);
        (p.number, p.year, p.symbol)
    }

    fn o(s: &str) -> Option<String> {
        Some(s.to_string())
    }

    #[test]
    fn anchors() {
        assert_eq!(anchor("Số: 12"), Ok((" 12", true)));
        assert_eq!(anchor("SỐ 12"), Ok(("12", false)));
        assert_eq!(anchor("Quyết định số: 5"), Ok((" 5", true)));
        assert_eq!(anchor("LUẬT SỐ 45"), Ok(("45", false)));
        assert!(anchor("Sở Tài chính").is_err());
        // a cited number is no anchor unless a colon follows or it opens the cell
        assert_eq!(find("Căn cứ Quyết định số 5/QĐ-UB"), None);
        assert!(find("(Ban hành kèm theo Quyết định số: 5/QĐ-UB)").is_some());
    }

    #[test]
    fn plain_numbers() {
        assert_eq!(parts("Số: 123/TB-UBND"), (o("123"), None, o("TB-UBND")));
        assert_eq!(parts("Số: 05/BNV-VP"), (o("05"), None, o("BNV-VP")));
        assert_eq!(parts("Số: 1206 /QĐ-HVTC"), (o("1206"), None, o("QĐ-HVTC")));
        assert_eq!(parts("Số: 50./TB-THCS"), (o("50"), None, o("TB-THCS")));
    }

    #[test]
    fn blank_numbers() {
        assert_eq!(parts("Số: /TB-UBND"), (None, None, o("TB-UBND")));
        assert_eq!(parts("Số:           /TB-VP"), (None, None, o("TB-VP")));
        assert_eq!(
            parts("Số:      /TTr- BLĐTBXH"),
            (None, None, o("TTr- BLĐTBXH"))
        );
        assert_eq!(parts("Số: /TTr - SCT"), (None, None, o("TTr - SCT")));
    }

    #[test]
    fn normative_and_party() {
        assert_eq!(
            parts("Số: 30/2020/NĐ-CP"),
            (o("30"), Some(2020), o("NĐ-CP"))
        );
        assert_eq!(
            parts("SỐ:155/1998/TT/BTC"),
            (o("155"), Some(1998), o("TT/BTC"))
        );
        assert_eq!(
            parts("Luật số: 45/2019/QH14"),
            (o("45"), Some(2019), o("QH14"))
        );
        assert_eq!(parts("Số 12-TB/TU"), (o("12"), None, o("TB/TU")));
        assert!(find("Số 12-TB/TU").unwrap().2.party);
        assert_eq!(
            parts("Số: 367 - QĐ/TWĐTN-VP"),
            (Some("367".into()), None, Some("QĐ/TWĐTN-VP".into()))
        );
    }

    #[test]
    fn number_inside_a_row() {
        let s = "Số: 123/QĐ-UBND Bắc Ninh, ngày 05 tháng 3 năm 2024";
        let (a, b, p) = find(s).unwrap();
        assert_eq!(&s[a..b], "Số: 123/QĐ-UBND");
        assert_eq!(p.number.as_deref(), Some("123"));
        let s = "TỈNH LÀO CAI Số: /UBND-KT V/v báo cáo";
        let (a, b, _) = find(s).unwrap();
        assert_eq!(&s[a..b], "Số: /UBND-KT");
    }

    #[test]
    fn references_without_colon_are_not_numbers() {
        assert!(find("ĐOÀN KIỂM TRA THEO QĐ SỐ 2872/QĐ-SCT").is_none());
    }

    #[test]
    fn codes() {
        let (_, _, p) = find("Số: 678/UBND-KGVX").unwrap();
        assert_eq!(p.type_code(), None);
        assert_eq!(p.issuer_codes(), ["UBND", "KGVX"]);
        let (_, _, p) = find("Số: 45/TTr-SXD").unwrap();
        assert_eq!(p.type_code().as_deref(), Some("TTr"));
        assert_eq!(p.issuer_codes(), ["SXD"]);
    }
}
