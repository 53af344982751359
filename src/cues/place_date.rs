//! Địa danh và thời gian (ô 4) — `Quảng Ngãi, ngày 05 tháng 9 năm 2024`, blanks allowed.

use std::sync::LazyLock;

use regex::Regex;

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

static DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)(?:ngày|ngay)[\s.…_]*(\d ?\d|\d)?[\s.…_]*[/-]?\s*(?:tháng|thang)[\s.…_]*(\d ?\d|\d)?[\s.…_]*[/-]?\s*(?:năm|nam)[\s.…_]*(\d{4})?",
    )
    .expect("date regex")
});

/// Find `ngày … tháng … năm …` in a cell. Returns the byte range of the date words and the parts.
pub fn find_date(cell: &str) -> Option<(usize, usize, DateParts)> {
    let c = DATE.captures(cell)?;
    let m = c.get(0)?;
    let num = |i: usize| {
        c.get(i)
            .and_then(|g| g.as_str().replace(' ', "").parse::<u16>().ok())
    };
    let parts = DateParts {
        day: num(1).and_then(|v| u8::try_from(v).ok()),
        month: num(2).and_then(|v| u8::try_from(v).ok()),
        year: num(3),
    };
    if parts.year.is_none()
        && parts.month.is_none()
        && parts.day.is_none()
        && !cell[..m.start()].trim_end().ends_with(',')
    {
        return None;
    }
    Some((m.start(), m.end(), parts))
}

/// Lower-case words that belong inside a place name (`Thành phố Hồ Chí Minh`, `Thị xã …`).
const PLACE_INNER: &[&str] = &["phố", "xã", "trấn", "thị"];

/// The place in the text before `, ngày`: the last column of the text (after a run of three
/// or more spaces), then its trailing capitalised words (`V/v … Hà Nội` gives `Hà Nội`).
/// Returns the byte offset where the place starts and the place.
pub fn place_before(text: &str) -> Option<(usize, String)> {
    let t = text.trim_end_matches(|c: char| c.is_whitespace() || matches!(c, ',' | '*' | '_'));
    let col = t.rfind("   ").map_or(0, |i| i + 3);
    let tail = &t[col..];
    let lead = tail.len() - tail.trim_start().len();
    let tail = tail.trim_start().trim_start_matches(['*', '_', '(']);
    let base = t.len() - tail.len();
    let _ = lead;
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
