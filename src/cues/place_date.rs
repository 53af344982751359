//! Địa danh và thời gian (ô 4) — `Quảng Ngãi, ngày 05 tháng 9 năm 2024`, blanks allowed.

use nom::{IResult, Parser};

use crate::cues::scan::{one_of_ci, opt_char, ws0};

/// The parts of a place-and-date line, before spans are attached.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateParts {
    /// Day, `None` when blank.
    pub day: Option<u8>,
    /// Month, `None` when blank.
    pub month: Option<u8>,
    /// Year, `None` when blank.
    pub year: Option<u16>,
}

impl DateParts {
    /// ISO `YYYY-MM-DD` when the three parts are present and form a real calendar date.
    pub fn iso(&self) -> Option<String> {
        let (d, m, y) = (self.day?, self.month?, self.year?);
        valid(d, m, y).then(|| format!("{y:04}-{m:02}-{d:02}"))
    }

    /// The parts that are present but out of range, as a sentence, when there are any.
    pub fn range_problem(&self) -> Option<String> {
        if let Some(m) = self.month
            && !(1..=12).contains(&m)
        {
            return Some(format!("month {m} is not 1 to 12"));
        }
        if let Some(y) = self.year
            && !(1900..=2100).contains(&y)
        {
            return Some(format!("year {y} is outside 1900 to 2100"));
        }
        if let Some(d) = self.day {
            let max = match (self.month, self.year) {
                (Some(m), Some(y)) if (1..=12).contains(&m) => days_in(m, y),
                (Some(m), None) if (1..=12).contains(&m) => days_in(m, 2000),
                _ => 31,
            };
            if d == 0 || d > max {
                return Some(format!("day {d} does not exist in that month"));
            }
        }
        None
    }
}

fn days_in(m: u8, y: u16) -> u8 {
    match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        _ if (y.is_multiple_of(4) && !y.is_multiple_of(100)) || y.is_multiple_of(400) => 29,
        _ => 28,
    }
}

fn valid(d: u8, m: u8, y: u16) -> bool {
    (1..=12).contains(&m) && (1900..=2100).contains(&y) && d >= 1 && d <= days_in(m, y)
}

/// What may fill a blank in a date: white space, dots, ellipses, underscores
/// (`ngày ….. tháng 12`, `ngày ___ tháng`).
fn fill0(i: &str) -> IResult<&str, &str> {
    let rest = i.trim_start_matches(|c: char| c.is_whitespace() || matches!(c, '.' | '…' | '_'));
    Ok((rest, &i[..i.len() - rest.len()]))
}

/// A day or a month: one digit, or two with a stray space between (`0 6`); nothing when blank.
fn day_or_month(i: &str) -> IResult<&str, Option<u16>> {
    let digit = |i: &str| {
        i.chars()
            .next()
            .and_then(|c| c.to_digit(10).filter(|_| c.is_ascii_digit()))
    };
    let Some(a) = digit(i) else {
        return Ok((i, None));
    };
    let r = &i[1..];
    let after = r.strip_prefix(' ').unwrap_or(r);
    match digit(after) {
        Some(b) => Ok((&after[1..], Some((a * 10 + b) as u16))),
        None => Ok((r, Some(a as u16))),
    }
}

/// A year: four digits, or nothing.
fn year(i: &str) -> IResult<&str, Option<u16>> {
    let n = i.bytes().take(4).take_while(u8::is_ascii_digit).count();
    if n == 4 {
        return Ok((&i[4..], i[..4].parse().ok()));
    }
    Ok((i, None))
}

/// `ngày 05 tháng 9 năm 2024` (also without marks: `ngay … thang … nam …`), any part left
/// blank, `/` or `-` between the parts allowed.
pub(crate) fn date(i: &str) -> IResult<&str, DateParts> {
    let part = |word: &'static [&'static str]| {
        (
            one_of_ci(word),
            fill0,
            day_or_month,
            fill0,
            opt_char(&['/', '-']),
            ws0,
        )
    };
    let (i, (_, _, day, ..)) = part(&["ngày", "ngay"]).parse(i)?;
    let (i, (_, _, month, ..)) = part(&["tháng", "thang"]).parse(i)?;
    let (i, (_, _, year)) = (one_of_ci(&["năm", "nam"]), fill0, year).parse(i)?;
    let parts = DateParts {
        day: day.and_then(|v| u8::try_from(v).ok()),
        month: month.and_then(|v| u8::try_from(v).ok()),
        year,
    };
    Ok((i, parts))
}

/// A date written in figures at the start of `r`: `30/9/2024`, `02-7-2025`, `26.8.2024`, or a
/// day and month alone (`30/9`): its length, its parts (`year` `None` for the short form, or when
/// what follows the second separator is no four-digit year) and its separator (`/`, `-`, `.`).
pub(crate) fn numeric_date(r: &str) -> Option<(usize, DateParts, char)> {
    let n = |s: &str| s.bytes().take_while(u8::is_ascii_digit).count();
    let d = n(r);
    if d == 0 || d > 2 {
        return None;
    }
    let sep = r[d..]
        .chars()
        .next()
        .filter(|c| matches!(c, '/' | '-' | '.'))?;
    let r2 = &r[d + 1..];
    let m = n(r2);
    if m == 0 || m > 2 {
        return None;
    }
    let mut parts = DateParts {
        day: r[..d].parse().ok(),
        month: r2[..m].parse().ok(),
        year: None,
    };
    let mut len = d + 1 + m;
    if let Some(r3) = r2[m..].strip_prefix(sep)
        && n(r3) == 4
    {
        parts.year = r3[..4].parse().ok();
        len += 5;
    }
    Some((len, parts, sep))
}

/// Find `ngày … tháng … năm …` in a cell. Returns the byte range of the date words and the
/// parts. A date with every part blank counts only after a comma (`Hà Nội, ngày  tháng  năm`).
pub fn find_date(cell: &str) -> Option<(usize, usize, DateParts)> {
    let (start, rest, parts) = cell
        .char_indices()
        .filter(|&(_, c)| matches!(c, 'n' | 'N'))
        .find_map(|(at, _)| {
            let (rest, parts) = date(&cell[at..]).ok()?;
            Some((at, rest, parts))
        })?;
    if parts.year.is_none()
        && parts.month.is_none()
        && parts.day.is_none()
        && !cell[..start].trim_end().ends_with(',')
    {
        return None;
    }
    Some((start, cell.len() - rest.len(), parts))
}

/// Lower-case words that belong inside a place name (`Thành phố Hồ Chí Minh`, `Thị xã …`).
const PLACE_INNER: &[&str] = &["phố", "xã", "trấn", "thị"];

/// The place in the text before `, ngày`: the last column of the text (after a run of three
/// or more spaces), then its trailing capitalised words (`V/v … Hà Nội` gives `Hà Nội`).
/// Returns the byte offset where the place starts and the place.
pub fn place_before(text: &str) -> Option<(usize, String)> {
    let t = text.trim_end_matches(|c: char| c.is_whitespace() || matches!(c, ',' | '*' | '_'));
    let col = t.rfind("   ").map_or(0, |i| i + 3);
    let tail = t[col..].trim_start().trim_start_matches(['*', '_', '(']);
    let base = t.len() - tail.len();
    if tail.is_empty() {
        return None;
    }
    let words: Vec<(usize, &str)> = tail
        .split(' ')
        .scan(0usize, |pos, w| {
            let at = *pos;
            *pos += w.len() + 1;
            Some((at, w))
        })
        .filter(|(_, w)| !w.is_empty())
        .collect();
    let mut first = words.len();
    for (k, (_, w)) in words.iter().enumerate().rev() {
        // a cited number (`22/2013/QĐ-TTg`) is never part of a place
        let cap = w
            .chars()
            .next()
            .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
            && !w.contains('/');
        let inner = PLACE_INNER.contains(w) && k > 0;
        if cap || inner {
            first = k;
        } else {
            break;
        }
    }
    // a lower-case inner word or a number cannot open the place (`… năm 2025 Đà Nẵng`)
    while first < words.len()
        && (PLACE_INNER.contains(&words[first].1)
            || words[first]
                .1
                .chars()
                .all(|c| c.is_ascii_digit() || c == '.'))
    {
        first += 1;
    }
    if first >= words.len() {
        // an old document may write the place in lower case after its first letter
        // (`Hà nội`): take the whole last column when it is a few words opening with a capital
        let short = words.len() <= 3
            && words[0].1.chars().next().is_some_and(char::is_uppercase)
            && words
                .iter()
                .all(|(_, w)| w.chars().all(char::is_alphabetic));
        if short {
            return Some((base, crate::viet::fold_ws(tail)));
        }
        return None;
    }
    let at = base + words[first].0;
    Some((at, crate::viet::fold_ws(&t[at..])))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn full_and_blank_dates() {
        let s = "Quảng Ngãi, ngày tháng 9 năm 2024";
        let (a, _, p) = find_date(s).unwrap();
        assert_eq!((p.day, p.month, p.year), (None, Some(9), Some(2024)));
        assert_eq!(place_before(&s[..a]).unwrap().1, "Quảng Ngãi");
        let (_, _, p) = find_date("Hà Nội, ngày 05 tháng 01 năm 2020").unwrap();
        assert_eq!(p.iso().as_deref(), Some("2020-01-05"));
        let (_, _, p) = find_date("ngày 23 tháng               7    năm 2026").unwrap();
        assert_eq!(p.month, Some(7));
        let (_, _, p) = find_date("ngày 5 tháng5 năm 2001").unwrap();
        assert_eq!(p.month, Some(5));
        let (_, _, p) = find_date("ngày 26 tháng 0 6 năm 2018").unwrap();
        assert_eq!(p.month, Some(6));
        let (_, _, p) = find_date("ngày ….. tháng 12 năm 2021").unwrap();
        assert_eq!((p.day, p.month), (None, Some(12)));
    }

    #[test]
    fn dates_without_marks_and_with_separators() {
        let (_, _, p) = find_date("Phan Rang ngay 12 thang 11 nam 2003").unwrap();
        assert_eq!((p.day, p.month, p.year), (Some(12), Some(11), Some(2003)));
        let (_, _, p) = find_date("ngày 1 2 tháng 3 năm 2020").unwrap();
        assert_eq!(p.day, Some(12));
        let (_, _, p) = find_date("ngày 5/ tháng 6 - năm 2026").unwrap();
        assert_eq!((p.day, p.month, p.year), (Some(5), Some(6), Some(2026)));
        // every part blank counts only after a comma
        assert!(find_date("ngày tháng năm").is_none());
        assert!(find_date("Hà Nội, ngày  tháng  năm").is_some());
    }

    #[test]
    fn ranges_are_checked() {
        let (_, _, p) = find_date("ngày 31 tháng 02 năm 2024").unwrap();
        assert_eq!(p.iso(), None);
        assert!(p.range_problem().is_some());
        let (_, _, p) = find_date("ngày 29 tháng 02 năm 2024").unwrap();
        assert_eq!(p.iso().as_deref(), Some("2024-02-29"));
    }

    #[test]
    fn places() {
        assert_eq!(
            place_before("Thành phố Hồ Chí Minh, ").unwrap().1,
            "Thành phố Hồ Chí Minh"
        );
        assert_eq!(
            place_before("V/v tăng cường công tác Lào Cai, ").unwrap().1,
            "Lào Cai"
        );
        assert_eq!(
            place_before("V/v về việc ABC      Hà Nội, ").unwrap().1,
            "Hà Nội"
        );
        assert_eq!(place_before("*Hà Nội, ").unwrap().1, "Hà Nội");
        assert_eq!(place_before("Hà nội, ").unwrap().1, "Hà nội");
        assert_eq!(place_before("V/v triển khai công tác, "), None);
    }
}
