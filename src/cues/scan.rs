//! The small nom parsers the cues are written with: words in any case, white space, word
//! boundaries, and a scan for every place a cue starts in a text.
//!
//! Words are matched character by character in the input's own lengths, so a match never cuts a
//! character (`K`, the Kelvin sign, is three bytes where `k` is one).

use nom::error::{Error, ErrorKind};
use nom::{IResult, Parser};

/// A parse that failed here, for the hand-written parsers below.
pub(crate) fn fail<T>(i: &str) -> IResult<&str, T> {
    Err(nom::Err::Error(Error::new(i, ErrorKind::Tag)))
}

/// Whether two characters are the same letter in any case (`Ộ` and `ộ`).
fn same_ci(a: char, b: char) -> bool {
    if a == b {
        return true;
    }
    if a.is_ascii() && b.is_ascii() {
        return a.eq_ignore_ascii_case(&b);
    }
    if let (Some(x), Some(y)) = (Lower::of(a), Lower::of(b)) {
        return x == y;
    }
    same_ci_by_tables(a, b)
}

/// [`same_ci`] through the standard library's case tables.
fn same_ci_by_tables(a: char, b: char) -> bool {
    // (simple case folding, as a case-insensitive regex does: the long s is an s)
    let fold = |c: char| if c == 'ſ' { 's' } else { c };
    fold(a).to_lowercase().eq(fold(b).to_lowercase())
}

/// The lower case of the letters Vietnamese text is written in (U+0000–U+024F and the
/// Vietnamese block U+1EA0–U+1EF9), looked up in a table made once from the standard
/// library's: comparing two letters is one lookup each, not two searches of the case tables.
struct Lower;

impl Lower {
    /// `c`'s lower case as [`same_ci_by_tables`] reads it, when it is one character and `c`
    /// is in the table.
    fn of(c: char) -> Option<char> {
        static TABLE: std::sync::LazyLock<Vec<Option<char>>> = std::sync::LazyLock::new(|| {
            let one = |c: char| {
                let c = if c == 'ſ' { 's' } else { c };
                let mut l = c.to_lowercase();
                match (l.next(), l.next()) {
                    (Some(x), None) => Some(x),
                    _ => None,
                }
            };
            (0..0x250u32)
                .chain(0x1EA0..=0x1EF9)
                .map(|u| char::from_u32(u).and_then(one))
                .collect()
        });
        let u = c as u32;
        match u {
            0..0x250 => TABLE[u as usize],
            0x1EA0..=0x1EF9 => TABLE[0x250 + (u - 0x1EA0) as usize],
            _ => None,
        }
    }
}

/// `w` in any case at the start of the input (`kính` matches `KÍNH` and `Kính`).
pub(crate) fn word_ci(w: &'static str) -> impl Fn(&str) -> IResult<&str, &str> {
    move |i: &str| {
        let mut want = w.chars();
        let mut end = 0;
        for (at, c) in i.char_indices() {
            match want.next() {
                Some(x) if same_ci(c, x) => end = at + c.len_utf8(),
                Some(_) => return fail(i),
                None => return Ok((&i[end..], &i[..end])),
            }
        }
        match want.next() {
            None => Ok((&i[end..], &i[..end])),
            Some(_) => fail(i),
        }
    }
}

/// Where `w` (in any case) starts when `text` ends with it (`… Quyết định` ends with
/// `QUYẾT ĐỊNH`).
pub(crate) fn ends_with_ci(text: &str, w: &str) -> Option<usize> {
    let mut have = text.char_indices().rev();
    let mut start = text.len();
    for x in w.chars().rev() {
        let (at, c) = have.next()?;
        if !same_ci(c, x) {
            return None;
        }
        start = at;
    }
    Some(start)
}

/// Whether `i` opens with the first two characters of `w`, in any case (a cheap test before a
/// parser for `w`).
pub(crate) fn opens_like(i: &str, w: &str) -> bool {
    let mut a = i.chars();
    let mut b = w.chars();
    for _ in 0..2 {
        match (a.next(), b.next()) {
            (Some(x), Some(y)) if same_ci(x, y) => {}
            (_, None) => return true,
            _ => return false,
        }
    }
    true
}

/// The first of `words` (in any case) at the start of the input.
pub(crate) fn one_of_ci(words: &'static [&'static str]) -> impl Fn(&str) -> IResult<&str, &str> {
    move |i: &str| {
        words
            .iter()
            .find_map(|w| word_ci(w)(i).ok())
            .map_or_else(|| fail(i), Ok)
    }
}

/// The first of `words` (exactly as written) at the start of the input.
pub(crate) fn one_of_exact(words: &'static [&'static str]) -> impl Fn(&str) -> IResult<&str, &str> {
    move |i: &str| match words.iter().find(|w| i.starts_with(**w)) {
        Some(w) => Ok((&i[w.len()..], &i[..w.len()])),
        None => fail(i),
    }
}

/// White space, none or more (any Unicode white space, as extraction leaves it).
pub(crate) fn ws0(i: &str) -> IResult<&str, &str> {
    let rest = i.trim_start();
    Ok((rest, &i[..i.len() - rest.len()]))
}

/// White space, one or more.
pub(crate) fn ws1(i: &str) -> IResult<&str, &str> {
    match ws0(i)? {
        (_, "") => fail(i),
        ok => Ok(ok),
    }
}

/// Characters of the set, none or more.
pub(crate) fn any_of0(set: &'static [char]) -> impl Fn(&str) -> IResult<&str, &str> {
    move |i: &str| {
        let rest = i.trim_start_matches(set);
        Ok((rest, &i[..i.len() - rest.len()]))
    }
}

/// One character of the set, or nothing.
pub(crate) fn opt_char(set: &'static [char]) -> impl Fn(&str) -> IResult<&str, &str> {
    move |i: &str| {
        let n = i
            .chars()
            .next()
            .filter(|c| set.contains(c))
            .map_or(0, char::len_utf8);
        Ok((&i[n..], &i[..n]))
    }
}

/// A character that belongs to a word, as a regex's `\w` has it: a letter, a mark, a decimal
/// digit, a connector (`_`).
pub(crate) fn is_word_char(c: char) -> bool {
    regex_syntax::is_word_character(c)
}

/// A word ends here: the input is empty or goes on with a character outside words.
pub(crate) fn word_end(i: &str) -> IResult<&str, ()> {
    match i.chars().next() {
        Some(c) if is_word_char(c) => fail(i),
        _ => Ok((i, ())),
    }
}

/// The input is all consumed.
pub(crate) fn end(i: &str) -> IResult<&str, ()> {
    if i.is_empty() { Ok((i, ())) } else { fail(i) }
}

/// Whether `p` matches at the start of `text`.
pub(crate) fn starts<'a, O>(text: &'a str, mut p: impl Parser<&'a str, Output = O>) -> bool {
    p.parse(text).is_ok()
}

/// Whether the first match [`find_all`] gives starts at the start of `text`: `p` matches there,
/// taking something, and `first` accepts the first character. Only the start is tried.
pub(crate) fn opens_with<'a, O>(
    text: &'a str,
    first: fn(char) -> bool,
    mut p: impl Parser<&'a str, Output = O>,
) -> bool {
    text.chars().next().is_some_and(first) && p.parse(text).is_ok_and(|(r, _)| r.len() < text.len())
}

/// Every match of `p` in `text`, left to right and never overlapping, as byte ranges. `p` is
/// tried only where `first` accepts the character (a cheap test before the parser).
pub(crate) fn find_all<'a, O, P>(
    text: &'a str,
    first: fn(char) -> bool,
    mut p: P,
) -> impl Iterator<Item = (usize, usize)> + 'a
where
    P: Parser<&'a str, Output = O> + 'a,
{
    let mut from = 0;
    std::iter::from_fn(move || {
        while from < text.len() {
            let rest = &text[from..];
            let (at, c) = rest.char_indices().find(|&(_, c)| first(c))?;
            let start = from + at;
            match p.parse(&text[start..]) {
                Ok((r, _)) if r.len() < text.len() - start => {
                    let end = text.len() - r.len();
                    from = end;
                    return Some((start, end));
                }
                _ => from = start + c.len_utf8(),
            }
        }
        None
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_in_any_case_never_cut_a_character() {
        assert_eq!(word_ci("kính")("KÍNH gửi"), Ok((" gửi", "KÍNH")));
        assert!(word_ci("kính")("Kín").is_err());
        // the Kelvin sign is `k` in lower case, and three bytes long
        assert_eq!(word_ci("kính")("\u{212A}ính!"), Ok(("!", "\u{212A}ính")));
        assert_eq!(one_of_ci(&["hòa", "hoà"])("HOÀ"), Ok(("", "HOÀ")));
    }

    #[test]
    fn the_table_of_lower_case_agrees_with_the_case_tables() {
        let letters: Vec<char> = (0..0x2000u32)
            .chain(0x1E00..0x1F00)
            .chain(0x2100..0x2200)
            .filter_map(char::from_u32)
            .collect();
        let some: Vec<char> = "aAsSſkKKİıiIàÀạẠđĐưƯơƠyÿŸßẞ".chars().collect();
        for &a in &letters {
            for &b in &some {
                assert_eq!(same_ci(a, b), same_ci_by_tables(a, b), "{a:?} {b:?}");
                assert_eq!(same_ci(b, a), same_ci_by_tables(b, a), "{b:?} {a:?}");
            }
        }
        for u in (0..0x250u32).chain(0x1EA0..=0x1EF9) {
            let Some(a) = char::from_u32(u) else { continue };
            for v in (u.saturating_sub(40)..u + 40).chain(0x1EA0..=0x1EF9) {
                let Some(b) = char::from_u32(v) else { continue };
                assert_eq!(same_ci(a, b), same_ci_by_tables(a, b), "{a:?} {b:?}");
            }
        }
    }

    #[test]
    fn opens_like_compares_two_letters_in_any_case() {
        assert!(opens_like("CỘNG HÒA", "cộng"));
        assert!(opens_like("Số:", "số"));
        assert!(!opens_like("Sở", "số"));
        assert!(opens_like("x", "x"));
        assert!(!opens_like("", "so"));
    }

    #[test]
    fn white_space_and_boundaries() {
        assert_eq!(ws0("\u{a0} x"), Ok(("x", "\u{a0} ")));
        assert!(ws1("x").is_err());
        assert!(word_end("ệ").is_err());
        assert!(word_end(":").is_ok());
        assert!(word_end("").is_ok());
    }

    #[test]
    fn every_match_left_to_right() {
        let p = word_ci("ab");
        let found: Vec<_> = find_all("xAbab aB", |c| c == 'a' || c == 'A', p).collect();
        assert_eq!(found, [(1, 3), (3, 5), (6, 8)]);
    }
}
