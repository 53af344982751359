//! Cues of the header block: Quốc hiệu (`CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM`), Tiêu ngữ
//! (`Độc lập - Tự do - Hạnh phúc`), the party heading (`ĐẢNG CỘNG SẢN VIỆT NAM`), marks
//! (`KHẨN`, `MẬT`, `Dự thảo`), the `V/v` trích yếu marker and `Kính gửi`.

use nom::branch::alt;
use nom::combinator::opt;
use nom::{IResult, Parser};

use crate::ast::MarkKind;
use crate::cues::number::{self, NumberParts};
use crate::cues::place_date;
use crate::cues::scan::{
    any_of0, end, fail, find_all, one_of_ci, one_of_exact, opens_like, opens_with, opt_char,
    starts, word_ci, word_end, ws0, ws1,
};

/// The Quốc hiệu as [`crate::viet::upper_key`] spells it.
pub(crate) const NATIONAL_KEY: &str = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM";

/// The Tiêu ngữ as printed on most documents.
pub(crate) const MOTTO_TEXT: &str = "Độc lập - Tự do - Hạnh phúc";

/// `Cộng hòa xã hội chủ nghĩa Việt Nam` in any case, with or without its marks (`CONG HOA XA
/// HOI …`), each tone placement (`hoà`, `hòa`), a wrong tone typed on `hòa` (`HÕA`, `hóa`: the
/// rest of the line still names the Quốc hiệu), its words glued or spaced.
fn national(i: &str) -> IResult<&str, ()> {
    (
        one_of_ci(&["cộng", "cong"]),
        ws0,
        one_of_ci(&[
            "hòa", "hoà", "hoa", "hóa", "hoá", "hõa", "hoã", "hỏa", "hoả", "họa", "hoạ",
        ]),
        ws1,
        one_of_ci(&["xã", "xa"]),
        ws0,
        one_of_ci(&["hội", "hoi"]),
        ws1,
        one_of_ci(&["chủ", "chu"]),
        ws0,
        one_of_ci(&["nghĩa", "nghia"]),
        ws1,
        one_of_ci(&["việt", "viet"]),
        ws0,
        word_ci("nam"),
    )
        .map(|_| ())
        .parse(i)
}

/// Dashes between the words of the Tiêu ngữ (`Độc lập - Tự do - Hạnh phúc`, `–`, `—`, none).
fn motto_gap(i: &str) -> IResult<&str, ()> {
    (ws0, any_of0(&['-', '–', '—']), ws0).map(|_| ()).parse(i)
}

/// `Độc lập - Tự do - Hạnh phúc` in any case; without marks only as whole words (`boundary`:
/// no letter stands right before).
fn motto(i: &str, boundary: bool) -> IResult<&str, ()> {
    let mut marked = (
        word_ci("độc"),
        ws0,
        word_ci("lập"),
        motto_gap,
        word_ci("tự"),
        ws0,
        word_ci("do"),
        motto_gap,
        word_ci("hạnh"),
        ws0,
        word_ci("phúc"),
    );
    let unmarked = (
        word_ci("doc"),
        ws0,
        word_ci("lap"),
        motto_gap,
        word_ci("tu"),
        ws0,
        word_ci("do"),
        motto_gap,
        word_ci("hanh"),
        ws0,
        word_ci("phuc"),
        word_end,
    );
    match marked.parse(i) {
        Ok((r, _)) => Ok((r, ())),
        Err(_) if boundary => unmarked.map(|_| ()).parse(i),
        Err(e) => Err(e),
    }
}

/// `ĐẢNG CỘNG SẢN VIỆT NAM` in any case.
fn party(i: &str) -> IResult<&str, ()> {
    (
        word_ci("đảng"),
        ws1,
        word_ci("cộng"),
        ws1,
        word_ci("sản"),
        ws1,
        word_ci("việt"),
        ws1,
        word_ci("nam"),
    )
        .map(|_| ())
        .parse(i)
}

/// The Đoàn's heading standing alone: `ĐOÀN TNCS HỒ CHÍ MINH`.
fn youth_union(i: &str) -> IResult<&str, ()> {
    (
        one_of_ci(&[
            "ĐOÀN TNCS HỒ CHÍ MINH",
            "ĐOÀN THANH NIÊN CỘNG SẢN HỒ CHÍ MINH",
        ]),
        end,
    )
        .map(|_| ())
        .parse(i)
}

/// The Đoàn's name: `ĐOÀN TNCS HỒ CHÍ MINH`, `ĐOÀN THANH NIÊN CỘNG SẢN HỒ CHÍ MINH`.
fn youth_union_name(i: &str) -> IResult<&str, &str> {
    one_of_ci(&[
        "ĐOÀN TNCS HỒ CHÍ MINH",
        "ĐOÀN THANH NIÊN CỘNG SẢN HỒ CHÍ MINH",
    ])(i)
}

/// A Quốc hiệu, party heading or the Đoàn's name at the start of `i`, in any case: its length.
pub(crate) fn heading_len(i: &str) -> Option<usize> {
    // cheap test first: the first two letters of `cộng`, `cong`, `đảng`, `đoàn`
    if !["cộ", "co", "đả", "đo"].iter().any(|w| opens_like(i, w)) {
        return None;
    }
    let rest = national(i)
        .or_else(|_| party(i))
        .or_else(|_| youth_union_name(i).map(|(r, _)| (r, ())))
        .ok()?
        .0;
    Some(i.len() - rest.len())
}

/// A Tiêu ngữ at the start of `i`: its length. `boundary`: no letter stands right before (the
/// form without marks is read only as whole words).
pub(crate) fn motto_len(i: &str, boundary: bool) -> Option<usize> {
    motto(i, boundary).ok().map(|(r, _)| i.len() - r.len())
}

/// The last words of the Tiêu ngữ as printed (`Hạnh phúc`, `HẠNH PHÚC`), at the start of `i`:
/// their length. (A Tiêu ngữ whose first words were lost still ends so.)
pub(crate) fn motto_end_len(i: &str) -> Option<usize> {
    let last = MOTTO_TEXT.rsplit(" - ").next()?;
    let (r, w) = word_ci(last)(i).ok()?;
    let printed = w == last || w == last.to_uppercase();
    printed.then(|| i.len() - r.len())
}

/// `Kính gửi` in any case, its words glued or spaced.
fn kinh_gui(i: &str) -> IResult<&str, ()> {
    (word_ci("kính"), ws0, word_ci("gửi")).map(|_| ()).parse(i)
}

/// The mark words, by kind, longest first where one opens another.
const URGENCY: &[&str] = &[
    "THƯỢNG KHẨN",
    "KHẨN",
    "HỎA TỐC HẸN GIỜ",
    "HỎA TỐC",
    "HOẢ TỐC",
];
const SECRECY: &[&str] = &["TUYỆT MẬT", "TỐI MẬT", "MẬT"];
const CIRCULATION: &[&str] = &["LƯU HÀNH NỘI BỘ", "XEM XONG TRẢ LẠI", "TÀI LIỆU THU HỒI"];

/// What may close a mark: white space and a closing bracket, then nothing.
fn mark_end(i: &str) -> IResult<&str, ()> {
    (ws0, opt_char(&[')', ']']), end).map(|_| ()).parse(i)
}

/// A draft mark: `Dự thảo`, `DỰ THẢO LẦN 2`, `Dự thảo 3`, closed.
fn draft(i: &str) -> IResult<&str, ()> {
    let (r, _) = word_ci("dự thảo")(i)?;
    let numbered = (ws1, opt(word_ci("lần")), ws0, digits1, mark_end);
    alt((numbered.map(|_| ()), mark_end)).parse(r)
}

fn digits1(i: &str) -> IResult<&str, &str> {
    let rest = i.trim_start_matches(|c: char| c.is_ascii_digit());
    if rest.len() == i.len() {
        return fail(i);
    }
    Ok((rest, &i[..i.len() - rest.len()]))
}

/// Every Quốc hiệu in a cell, as byte ranges (`Cộng hoà xã hội chủ nghĩa Việt Nam` too).
pub(crate) fn nationals(cell: &str) -> impl Iterator<Item = (usize, usize)> + '_ {
    find_all(cell, |c| matches!(c, 'c' | 'C'), national)
}

/// Every Tiêu ngữ in a cell (`Độc lập - Tự do - Hạnh phúc`, also without diacritics).
pub(crate) fn mottos(cell: &str) -> impl Iterator<Item = (usize, usize)> + '_ {
    let mut from = 0;
    std::iter::from_fn(move || {
        let rest = &cell[from..];
        let (start, end) = rest
            .char_indices()
            .filter(|&(_, c)| matches!(c, 'đ' | 'Đ' | 'd' | 'D'))
            .find_map(|(at, _)| {
                let start = from + at;
                let boundary = !cell[..start].ends_with(crate::cues::scan::is_word_char);
                let (r, _) = motto(&cell[start..], boundary).ok()?;
                Some((start, cell.len() - r.len()))
            })?;
        from = end;
        Some((start, end))
    })
}

/// Every party heading in a cell (`ĐẢNG CỘNG SẢN VIỆT NAM`, the Đoàn's `ĐOÀN TNCS HỒ CHÍ MINH`).
pub(crate) fn party_headings(cell: &str) -> impl Iterator<Item = (usize, usize)> + '_ {
    let whole = starts(cell, youth_union).then_some((0, cell.len()));
    whole
        .into_iter()
        .chain(find_all(cell, |c| matches!(c, 'đ' | 'Đ'), party).filter(move |_| whole.is_none()))
}

/// The `V/v` marker in a cell: where `V/v` starts and where the trích yếu after it starts.
pub(crate) fn vv(cell: &str) -> Option<(usize, usize)> {
    let mut marker = (
        one_of_exact(&["V/V", "V/v", "v/V", "v/v"]),
        ws0,
        opt_char(&[':', '.']),
        ws0,
    );
    cell.char_indices()
        .filter(|&(at, _)| at == 0 || cell[..at].ends_with(char::is_whitespace))
        .find_map(|(at, _)| {
            let (rest, _) = marker.parse(&cell[at..]).ok()?;
            Some((at, cell.len() - rest.len()))
        })
}

/// Whether a line holds a `V/v` marker (`V/v tăng cường …`).
pub(crate) fn has_vv(text: &str) -> bool {
    vv(text).is_some()
}

/// A cell that is a mark alone: độ khẩn (`KHẨN`, `HỎA TỐC`), độ mật (`MẬT`), circulation
/// (`LƯU HÀNH NỘI BỘ`) or a draft (`Dự thảo lần 2`).
pub(crate) fn mark(cell: &str) -> Option<MarkKind> {
    let (body, _) = (opt_char(&['(', '[']), ws0).parse(cell).ok()?;
    // a word list matches when one of its words, then the end, closes the cell (`HỎA TỐC` is
    // tried before and after `HỎA TỐC HẸN GIỜ`)
    let closed = |words: &[&str]| {
        words
            .iter()
            .any(|w| body.strip_prefix(w).is_some_and(|r| mark_end(r).is_ok()))
    };
    if closed(URGENCY) {
        Some(MarkKind::Urgency)
    } else if closed(SECRECY) {
        Some(MarkKind::Secrecy)
    } else if closed(CIRCULATION) {
        Some(MarkKind::Circulation)
    } else {
        starts(body, draft).then_some(MarkKind::Draft)
    }
}

/// Whether a line opens with `Kính gửi` (`Kính gửi: Sở Tài chính`, `KÍNH GỬI`).
pub(crate) fn opens_kinh_gui(text: &str) -> bool {
    starts(text, (kinh_gui, word_end))
}

/// What follows `Kính gửi:` at the start of a line (`Kính gửi: Sở Tài chính` → `Sở Tài chính`).
/// The trích yếu after `Về việc` written out, the long form of `V/v` (`Về việc rút hồ sơ …`,
/// `về việc: …`): the text after it.
pub(crate) fn after_ve_viec(text: &str) -> Option<&str> {
    let (rest, _) = (
        word_ci("về"),
        ws1,
        word_ci("việc"),
        ws0,
        opt_char(&[':', '.']),
        ws0,
    )
        .parse(text)
        .ok()?;
    Some(rest)
}

pub(crate) fn after_kinh_gui(text: &str) -> Option<&str> {
    let (rest, _) = (kinh_gui, ws0, opt_char(&[':', '.']), ws0)
        .parse(text)
        .ok()?;
    Some(rest)
}

/// A `Kính gửi:` label, with its colon, at the start of `i`: its length.
pub(crate) fn kinh_gui_label_len(i: &str) -> Option<usize> {
    let (r, _) = (kinh_gui, ws0, nom::character::complete::char(':'))
        .parse(i)
        .ok()?;
    Some(i.len() - r.len())
}

/// Where a `Kính gửi:` label starts inside a text (a V/v cell that ran on into it).
pub(crate) fn kinh_gui_label_at(text: &str) -> Option<usize> {
    let label = (kinh_gui, ws0, nom::character::complete::char(':'));
    let (at, _) = find_all(text, |c| matches!(c, 'k' | 'K' | '\u{212A}'), label).next()?;
    // with the white space before it
    Some(text[..at].trim_end().len())
}

/// `Kính` alone on a line and `gửi:` opening the next one (a table cell wrapped word by word).
pub(crate) fn kinh_split(line: &str, next: &str) -> bool {
    line.to_lowercase() == "kính" && opens_kinh_gui(&format!("Kính {next}"))
}

/// Whether a line is a Quốc hiệu or a party heading standing alone (a header row).
pub(crate) fn is_heading_row(text: &str) -> bool {
    // (what `nationals` and `party_headings` would find first, asked at the start only: a
    // line that opens otherwise is not read to its end)
    text.chars().count() <= 120
        && (opens_with(text, |c| matches!(c, 'c' | 'C'), national)
            || starts(text, youth_union)
            || opens_with(text, |c| matches!(c, 'đ' | 'Đ'), party))
}

/// The document's own number in a cell: not the number of the text it is attached to
/// (`(Ban hành kèm theo Quyết định số: 522/2002/QĐ.UB …)`).
pub(crate) fn own_number(cell: &str) -> Option<(usize, usize, NumberParts)> {
    let found = number::find(cell)?;
    (!crate::cues::tail::mentions_kem_theo(&cell[..found.0])).then_some(found)
}

/// Byte offset of the first header anchor in a text (Quốc hiệu, Tiêu ngữ, party heading,
/// number, date), if any.
pub(crate) fn first_anchor_at(text: &str) -> Option<usize> {
    // each finder asked in turn, and none after one finds an anchor at the very start
    let finders: [fn(&str) -> Option<usize>; 5] = [
        |t| nationals(t).next().map(|m| m.0),
        |t| mottos(t).next().map(|m| m.0),
        |t| party_headings(t).next().map(|m| m.0),
        |t| own_number(t).map(|n| n.0),
        |t| place_date::find_date(t).map(|d| d.0),
    ];
    let mut first: Option<usize> = None;
    for f in finders {
        if first == Some(0) {
            break;
        }
        if let Some(at) = f(text) {
            first = Some(first.map_or(at, |b| b.min(at)));
        }
    }
    first
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_heading_row_is_what_the_scans_find_first_at_the_start() {
        // every line of every fixture, and lines that open otherwise
        let lines = crate::fixture_lines(&[
            "Theo CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
            "ĐẢNG CỘNG SẢN VIỆT NAM",
            "x ĐẢNG CỘNG SẢN VIỆT NAM",
            "cộng hoà xã hội chủ nghĩa việt nam",
        ]);
        for l in &lines {
            let old = l.chars().count() <= 120
                && (nationals(l).next().is_some_and(|m| m.0 == 0)
                    || party_headings(l).next().is_some_and(|m| m.0 == 0));
            assert_eq!(is_heading_row(l), old, "{l:?}");
        }
    }

    #[test]
    fn quoc_hieu_tieu_ngu_and_party_heading() {
        let all = |t: &str| nationals(t).collect::<Vec<_>>();
        let q = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM";
        assert_eq!(all(q), [(0, q.len())]);
        assert_eq!(all("Cộng hoà xã hội chủ nghĩa Việt Nam").len(), 1);
        assert_eq!(all("CONG HOA XA HOI CHU NGHIA VIET NAM").len(), 1);
        assert_eq!(all("CỘNG HÒA XÃ HỘI").len(), 0);
        assert_eq!(all("CỘNG HÕA XÃ HỘI CHỦ NGHĨA VIỆT NAM").len(), 1);
        assert_eq!(mottos("Độc lập - Tự do - Hạnh phúc").count(), 1);
        assert_eq!(mottos("Độc lập – Tự do – Hạnh phúc").count(), 1);
        assert_eq!(mottos("Doc lap - Tu do - Hanh phuc").count(), 1);
        assert_eq!(mottos("xdoc lap tu do hanh phuc").count(), 0);
        assert_eq!(party_headings("ĐẢNG CỘNG SẢN VIỆT NAM").count(), 1);
        assert_eq!(party_headings("ĐOÀN TNCS HỒ CHÍ MINH").count(), 1);
        assert_eq!(
            party_headings("BAN BÍ THƯ ĐOÀN TNCS HỒ CHÍ MINH").count(),
            0
        );
        assert!(is_heading_row("ĐẢNG CỘNG SẢN VIỆT NAM"));
    }

    #[test]
    fn marks_vv_and_kinh_gui() {
        assert_eq!(mark("(KHẨN)"), Some(MarkKind::Urgency));
        assert_eq!(mark("HỎA TỐC HẸN GIỜ"), Some(MarkKind::Urgency));
        assert_eq!(mark("[ MẬT ]"), Some(MarkKind::Secrecy));
        assert_eq!(mark("LƯU HÀNH NỘI BỘ"), Some(MarkKind::Circulation));
        assert_eq!(mark("Dự thảo lần 2"), Some(MarkKind::Draft));
        assert_eq!(mark("Dự thảo lần"), None);
        assert_eq!(mark("KHẨN TRƯƠNG"), None);
        assert_eq!(vv("V/v tăng cường"), Some((0, 4)));
        let t = "Số: 1/UBND  V/V: kiểm tra";
        assert_eq!(
            vv(t),
            Some((t.find("V/V").unwrap(), t.find("kiểm").unwrap()))
        );
        assert_eq!(vv("xV/v"), None);
        assert!(opens_kinh_gui("Kính gửi: Sở Tài chính"));
        assert!(opens_kinh_gui("KÍNHGỬI"));
        assert!(!opens_kinh_gui("Kính gửix"));
        assert_eq!(
            after_kinh_gui("Kính gửi : Sở Tài chính"),
            Some("Sở Tài chính")
        );
        let t = "về việc X  Kính gửi: Y";
        assert_eq!(kinh_gui_label_at(t), Some(t.find("  Kính").unwrap()));
        assert!(kinh_split("Kính", "gửi: Sở Nội vụ"));
    }
}
