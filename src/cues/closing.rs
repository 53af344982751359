//! Cues of the closing block: `Nơi nhận:` (ô 9b) and its `Lưu: VT, VP.` entry; the quyền hạn
//! of a signature (`TM. ỦY BAN NHÂN DÂN`, `KT. CHỦ TỊCH`, `TL.`, `TUQ.`, `Q.`), positions
//! (`PHÓ CHỦ TỊCH`, `Thứ trưởng`) and notes (`(Đã ký)`, `(ký, ghi rõ họ tên)`).

use nom::{IResult, Parser};

use crate::ast::Mode;
use crate::cues::scan::{any_of0, end, fail, one_of_ci, opens_like, opt_char, word_ci, ws0};
use crate::viet::{is_person_name, is_upper, upper_key};

/// `Nơi nhận:` in any case, with or without marks, in bold or italics (`**Nơi nhận:**`).
fn noi_nhan_label(i: &str) -> IResult<&str, ()> {
    (
        marks_and_spaces,
        noi_nhan_words,
        ws0,
        opt_char(&[':', '.']),
        any_of0(&['*', '_']),
        ws0,
    )
        .map(|_| ())
        .parse(i)
}

/// `Nơi nhận` in any case, with or without marks, its words glued or spaced.
fn noi_nhan_words(i: &str) -> IResult<&str, ()> {
    (
        one_of_ci(&["nơi", "noi"]),
        ws0,
        one_of_ci(&["nhận", "nhan"]),
    )
        .map(|_| ())
        .parse(i)
}

/// Whether a line may hold a `Nơi nhận` label (a cheap byte test before the parser; the
/// label's second word as printed: `nhận`, `NHẬN`, `nhan`).
pub(crate) fn may_hold_noi_nhan(t: &str) -> bool {
    use memchr::memmem::Finder;
    // (finders built once: `str::contains` built one at each asking, for every line)
    static WORDS: std::sync::LazyLock<[Finder<'static>; 3]> =
        std::sync::LazyLock::new(|| ["nhận", "NHẬN", "nhan"].map(|w| Finder::new(w.as_bytes())));
    WORDS.iter().any(|f| f.find(t.as_bytes()).is_some())
}

/// Whether a line may hold a quyền hạn prefix (a cheap byte test before the parser: `KT.`,
/// `T/M`, `K/T`, `Q.`, `TM`, `TL`).
pub(crate) fn may_hold_mode(t: &str) -> bool {
    // `T.`, `T/`, `TM`, `TL`, `Q.` or `/T`: one search for the three first bytes
    let b = t.as_bytes();
    memchr::memchr3_iter(b'T', b'Q', b'/', b).any(|i| {
        matches!(
            (b[i], b.get(i + 1)),
            (b'T', Some(b'.' | b'/' | b'M' | b'L')) | (b'Q', Some(b'.')) | (b'/', Some(b'T'))
        )
    })
}

/// Bold and italic marks and white space, none or more.
fn marks_and_spaces(i: &str) -> IResult<&str, &str> {
    let rest = i.trim_start_matches(|c: char| c == '*' || c == '_' || c.is_whitespace());
    Ok((rest, &i[..i.len() - rest.len()]))
}

/// `Lưu` and what follows it: a colon, white space, or the end (`Lưu: VT`, `Lưu VT`).
fn luu(i: &str) -> IResult<&str, ()> {
    let (rest, _) = word_ci("lưu")(i)?;
    if let Ok((r, _)) = (ws0, nom::character::complete::char(':'), ws0).parse(rest) {
        return Ok((r, ()));
    }
    let (r, spaces) = ws0(rest)?;
    if !spaces.is_empty() || end(r).is_ok() {
        return Ok((r, ()));
    }
    fail(i)
}

/// The words a note opens with, inside its brackets: `(Đã ký)`, `(ký, ghi rõ họ tên)`,
/// `[Chữ ký]`, `(đóng dấu)`.
fn note_words(i: &str) -> IResult<&str, ()> {
    let two = |a: &'static str, b: &'static str| (word_ci(a), ws0, word_ci(b)).map(|_| ());
    let (r, _) = ws0(i)?;
    two("đã", "ký")
        .or(word_ci("ký").map(|_| ()))
        .or(two("chữ", "ký"))
        .or(two("đóng", "dấu"))
        .parse(r)
}

/// A closing bracket and, after it, nothing but `tail`.
fn closes_at_end(s: &str, tail: fn(&str) -> bool) -> bool {
    s.find([')', ']']).is_some_and(|k| tail(&s[k + 1..]))
}

/// Recognise a `Nơi nhận:` cell; returns what follows the label.
pub(crate) fn noi_nhan(text: &str) -> Option<&str> {
    noi_nhan_label(text).ok().map(|(rest, _)| rest)
}

/// Whether a text opens with `Lưu` (`Lưu: VT, VP.`, `- Lưu VT`).
pub(crate) fn is_luu(text: &str) -> bool {
    luu(text).is_ok()
}

/// The entries of a `Lưu:` text, after its label (`Lưu: VT, VP.` → `VT, VP.`).
pub(crate) fn after_luu(text: &str) -> &str {
    luu(text).map_or(text, |(rest, _)| rest)
}

/// A note alone (`(Đã ký)`, `[ký, đóng dấu]`, `Đã ký.`).
pub(crate) fn is_note(text: &str) -> bool {
    let bracketed = opt_char(&['(', '['])(text)
        .ok()
        .filter(|(_, b)| !b.is_empty())
        .and_then(|(r, _)| note_words(r).ok())
        .is_some_and(|(r, _)| closes_at_end(r, |t| t.is_empty() || t == "."));
    let bare = (word_ci("đã"), ws0, word_ci("ký"), opt_char(&['.']), end)
        .parse(text)
        .is_ok();
    bracketed || bare
}

/// Split a note printed after a name (`Nguyễn Văn A (Đã ký)`) from it.
pub(crate) fn strip_note(t: &str) -> (&str, Option<&str>) {
    let body = t.trim_end();
    if !body.ends_with([')', ']']) {
        return (t, None);
    }
    let close = body.len() - 1;
    // the bracket that opens the note: after any other closing bracket, the first whose words
    // read as a note (`(Đã ký)`, `(ký, ghi rõ họ tên)`, `[đóng dấu]`)
    let after = body[..close].rfind([')', ']']).map_or(0, |k| k + 1);
    let open = body[after..close]
        .match_indices(['(', '['])
        .map(|(k, _)| after + k)
        .find(|&k| {
            let inner = &body[k + 1..close];
            let Ok((r, _)) = ws0(inner) else {
                return false;
            };
            let da_ky = (word_ci("đã"), ws0, word_ci("ký"), end).parse(r).is_ok();
            da_ky
                || word_ci("ký")(r).is_ok()
                || (word_ci("đóng"), ws0, word_ci("dấu")).parse(r).is_ok()
        });
    match open {
        Some(k) => (t[..k].trim_end(), Some(&body[k..])),
        None => (t, None),
    }
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

/// A quyền hạn prefix: as printed, or in any case when a slash or a dot follows it.
enum Prefix {
    Exact(&'static str),
    AnyCaseMarked(&'static str),
}

/// The quyền hạn prefixes, in the order they are tried (`T/M` before `TM`, with a dot before
/// without).
const PREFIXES: &[Prefix] = &[
    Prefix::Exact("T/M"),
    Prefix::Exact("K/T"),
    Prefix::Exact("T/L"),
    Prefix::AnyCaseMarked("tm"),
    Prefix::AnyCaseMarked("kt"),
    Prefix::AnyCaseMarked("tl"),
    Prefix::Exact("TUQ."),
    Prefix::Exact("TM."),
    Prefix::Exact("KT."),
    Prefix::Exact("TL."),
    Prefix::Exact("Q."),
    Prefix::Exact("TM"),
    Prefix::Exact("KT"),
    Prefix::Exact("TL"),
    Prefix::Exact("TUQ"),
];

/// Whether a word is a quyền hạn prefix standing alone (`KT`, `T/M`, `Q`), with or without its
/// dot.
pub(crate) fn is_mode_word(w: &str) -> bool {
    PREFIXES.iter().any(|p| match p {
        Prefix::Exact(x) => x.trim_end_matches('.') == w,
        Prefix::AnyCaseMarked(_) => false,
    })
}

/// The notes a signer's name follows in running text: `(đã ký)`, `(Ký tên)`, `(đã ký và đóng
/// dấu)`, `(ký, ghi rõ họ tên)`.
const SIGNING_NOTES: &[&str] = &["đã ký", "ký tên", "đã ký và đóng dấu", "ký, ghi rõ họ tên"];

/// A signing note at the start of `i`, brackets included (`(Đã ký)`): its length.
pub(crate) fn signing_note_len(i: &str) -> Option<usize> {
    let inner = i.strip_prefix('(')?;
    SIGNING_NOTES.iter().find_map(|w| {
        let (r, _) = word_ci(w)(inner).ok()?;
        r.starts_with(')').then(|| i.len() - r.len() + 1)
    })
}

/// A `Nơi nhận:` label with its colon at the start of `i`: its length, to the colon.
pub(crate) fn noi_nhan_with_colon(i: &str) -> Option<usize> {
    if !opens_like(i, "nơ") && !opens_like(i, "no") {
        return None;
    }
    let (rest, _) = (noi_nhan_words, ws0, nom::character::complete::char(':'))
        .parse(i)
        .ok()?;
    Some(i.len() - rest.len())
}

/// A quyền hạn prefix at the start of `i` (`KT.`, `T/M`, `tl/`, `TUQ`), then white space and
/// the first letter of the title: the prefix and the text from the title on.
pub(crate) fn mode_prefix(i: &str) -> Option<(&str, &str)> {
    // cheap test first: every prefix opens with one of these, and goes on with one of these
    let mut cs = i.chars();
    if !matches!(cs.next(), Some('T' | 'K' | 'Q' | 't' | 'k'))
        || !matches!(
            cs.next(),
            Some('/' | '.' | 'M' | 'm' | 'T' | 't' | 'L' | 'l' | 'U')
        )
    {
        return None;
    }
    PREFIXES.iter().find_map(|p| {
        let len = match p {
            Prefix::Exact(w) => i.starts_with(w).then_some(w.len())?,
            Prefix::AnyCaseMarked(w) => {
                let (r, head) = word_ci(w)(i).ok()?;
                let (_, mark) = opt_char(&['/', '.'])(r).ok()?;
                (!mark.is_empty()).then_some(head.len() + mark.len())?
            }
        };
        let title = i[len..].trim_start();
        title
            .chars()
            .next()
            .is_some_and(char::is_alphabetic)
            .then(|| (&i[..len], title))
    })
}

/// Every quyền hạn prefix in a text, left to right: (start of the prefix, the prefix, start of
/// the title). A prefix opens the text or follows white space; prefixes never overlap (the
/// white space before one belongs to it, the title's first letter to the one before).
fn anchors(text: &str) -> impl Iterator<Item = (usize, &str, usize)> + '_ {
    let mut from = 0;
    std::iter::from_fn(move || {
        let (at, (prefix, title)) = text[from..]
            .char_indices()
            .map(|(k, _)| from + k)
            .filter(|&q| {
                if q == 0 {
                    return from == 0;
                }
                text[..q]
                    .chars()
                    .next_back()
                    .is_some_and(|c| c.is_whitespace() && q - c.len_utf8() >= from)
            })
            .find_map(|q| mode_prefix(&text[q..]).map(|m| (q, m)))?;
        let t_start = text.len() - title.len();
        from = t_start + title.chars().next().map_or(1, char::len_utf8);
        Some((at, prefix, t_start))
    })
}

/// Quyền hạn anchors in a piece: (start of the prefix, start of the title, mode).
pub(crate) fn modes(text: &str) -> Vec<(usize, usize, Mode)> {
    anchors(text)
        .filter(|&(at, prefix, t_start)| accepted(text, at, prefix, t_start))
        .map(|(at, prefix, t_start)| (at, t_start, parse_mode(prefix)))
        .collect()
}

/// Whether the prefix found at `at` (its title at `t_start`) opens a quyền hạn line.
fn accepted(text: &str, at: usize, prefix: &str, t_start: usize) -> bool {
    let bare = !prefix.ends_with('.') && !prefix.contains('/');
    if bare && !text[..at].trim_start().is_empty() {
        return false; // `TM ỦY BAN` without a dot only opens a piece
    }
    // the title must be a word in capitals (`Q. Anh` is an initial); an old document typed in
    // lower case may write `KT/ bộ trưởng …` (with a dot or a slash the prefix is unambiguous)
    let word: String = text[t_start..]
        .chars()
        .take_while(|c| !c.is_whitespace() && *c != ',')
        .collect();
    if word.chars().count() < 2 {
        return false;
    }
    is_upper(&word) || (prefix.ends_with(['/', '.']) && is_position_phrase(&text[t_start..]))
}

/// Whether a line opens a signature stack (`KT. CHỦ TỊCH`, `T/M BAN THƯỜNG VỤ`).
pub(crate) fn opens_with_mode(text: &str) -> bool {
    // (the first of `anchors` when it is at the start: asked there only, not searched for
    // through the whole line)
    mode_prefix(text)
        .is_some_and(|(prefix, title)| accepted(text, 0, prefix, text.len() - title.len()))
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
    // (more than eight words is no position: count no further)
    let words = t.split_whitespace().take(9).count();
    if words == 0
        || words > 8
        || t.chars()
            .any(|c| c.is_ascii_digit() || matches!(c, ';' | ':'))
    {
        return false;
    }
    let key = upper_key(t);
    POSITION_HEADS.iter().any(|h| {
        key.strip_prefix(h)
            .is_some_and(|r| r.is_empty() || r.starts_with(' '))
    })
}

/// Signature-like text: a quyền hạn line, capitals, a name, a note.
pub(crate) fn is_signature_like(text: &str) -> bool {
    let text = strip_note(text).0;
    opens_with_mode(text)
        || is_note(text)
        || is_person_name(text)
        || (is_upper(text) && text.split_whitespace().count() <= 10)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_mode_opens_a_line_when_the_first_anchor_is_at_its_start() {
        let lines =
            crate::fixture_lines(&["KT. CHỦ TỊCH", "x KT. CHỦ TỊCH", "TM ỦY BAN", "Q. Anh"]);
        for l in &lines {
            let old = anchors(l)
                .next()
                .is_some_and(|(at, prefix, t_start)| at == 0 && accepted(l, at, prefix, t_start));
            assert_eq!(opens_with_mode(l), old, "{l:?}");
        }
    }

    #[test]
    fn noi_nhan_and_luu() {
        assert_eq!(noi_nhan("Nơi nhận:"), Some(""));
        assert_eq!(noi_nhan("**Nơi nhận:** - Như trên;"), Some("- Như trên;"));
        assert_eq!(noi_nhan("NOI NHAN."), Some(""));
        assert_eq!(noi_nhan("Nơi làm việc"), None);
        assert!(is_luu("Lưu: VT, VP."));
        assert!(is_luu("Lưu VT"));
        assert!(is_luu("LƯU"));
        assert!(!is_luu("Lưuý"));
        assert_eq!(after_luu("Lưu : VT, VP."), "VT, VP.");
    }

    #[test]
    fn quyen_han_prefixes() {
        let m = |t: &str| modes(t).iter().map(|m| (m.0, m.2)).collect::<Vec<_>>();
        assert_eq!(m("KT. CHỦ TỊCH"), [(0, Mode::KT)]);
        assert_eq!(m("TM.ỦY BAN NHÂN DÂN"), [(0, Mode::TM)]);
        assert_eq!(m("T/M BAN THƯỜNG VỤ"), [(0, Mode::TM)]);
        assert_eq!(m("kt/ bộ trưởng bộ tài chính"), [(0, Mode::KT)]);
        let two = "TL. CHỦ TỊCH  KT. CHÁNH VĂN PHÒNG";
        assert_eq!(m(two), [(0, Mode::TL), (two.find("KT").unwrap(), Mode::KT)]);
        // without a dot a prefix only opens a piece; `Q. Anh` is an initial
        assert_eq!(m("BAN TM ABC"), []);
        assert_eq!(m("Q. Anh"), []);
        assert_eq!(m("TUQ. CỤC TRƯỞNG"), [(0, Mode::TUQ)]);
        assert!(opens_with_mode("Q. GIÁM ĐỐC"));
    }

    #[test]
    fn notes_and_positions() {
        assert!(is_note("(Đã ký)"));
        assert!(is_note("[ký, ghi rõ họ tên]."));
        assert!(is_note("Đã ký."));
        assert!(!is_note("(Đã ký) Nguyễn Văn A"));
        assert_eq!(
            strip_note("Nguyễn Văn A (Đã ký)"),
            ("Nguyễn Văn A", Some("(Đã ký)"))
        );
        assert_eq!(
            strip_note("A (x) (đóng dấu) "),
            ("A (x)", Some("(đóng dấu)"))
        );
        assert_eq!(strip_note("A (đã ký x)"), ("A (đã ký x)", None));
        assert!(is_position_phrase("Thứ trưởng"));
        assert!(is_position_phrase("PHÓ CHỦ TỊCH"));
        assert!(!is_position_phrase("Phòng Tài chính"));
        assert!(is_signature_like("Nguyễn Văn An"));
        assert!(!is_signature_like("Nội dung của văn bản."));
    }
}
