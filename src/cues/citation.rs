//! Trích dẫn — a reference to another document in running text: `Nghị quyết số
//! 11/2024/NQ-QH15`, `khoản 1 Điều 59 Nghị định số 193/2025/NĐ-CP ngày 02/7/2025 của Chính phủ`,
//! `Văn bản số 6120/UBND-KT ngày 26/8/2024`, `Quy định số 97-QĐ/TW`, `Thông tư 01/2011/TT-BNV`.

use nom::bytes::complete::{take_while_m_n, take_while1};
use nom::character::complete::{char, space0};
use nom::combinator::opt;
use nom::sequence::terminated;
use nom::{IResult, Parser};

use crate::ast::kind::DocKind;
use crate::cues::number::NumberParts;
use crate::cues::place_date;
use crate::cues::scan::{ends_with_ci, fail};

/// A reference found in a text, before spans are attached.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Cited {
    /// Byte range of the reference in the text: from its parts (or its name, or its number)
    /// to its date (or its number).
    pub start: usize,
    pub end: usize,
    /// The type named before the number, else the one its symbol's code names.
    pub kind: Option<DocKind>,
    pub number: NumberParts,
    /// ISO date of the `ngày …` after the number.
    pub date: Option<String>,
    /// The words after `về` (`về công tác văn thư` gives `công tác văn thư`).
    pub title: Option<String>,
    /// `khoản 2 Điều 5` before the name.
    pub parts: Option<String>,
}

/// A character of a ký hiệu in running text (`NĐ-CP`, `QĐ.UB`, `TTLT-BNV-VPCP`, `BGD&ĐT`).
fn symbol_char(c: char) -> bool {
    c.is_alphanumeric() || matches!(c, '-' | '/' | '&' | '.' | '_')
}

/// The number of a cited text: `11/2024/NQ-QH15`, `6120/UBND-KT`, `6987 /SNNMT-KS`, or the
/// party form `97-QĐ/TW`. The ký hiệu opens with a letter and holds a capital, so a date
/// (`26/8/2024`), a fraction (`07/07`) or a unit (`m3/ngày`) is none.
pub(crate) fn cited_number(i: &str) -> IResult<&str, NumberParts> {
    let (r, num) = take_while_m_n(1, 6, |c: char| c.is_ascii_digit())(i)?;
    let (r, party) = match (space0::<&str, nom::error::Error<&str>>, char('/'), space0).parse(r) {
        Ok((r, _)) => (r, false),
        Err(_) => (char('-').parse(r)?.0, true),
    };
    let (r, year) = if party {
        (r, None)
    } else {
        opt(terminated(
            take_while_m_n(4, 4, |c: char| c.is_ascii_digit()),
            char('/'),
        ))
        .parse(r)?
    };
    let (_, sym) = take_while1(symbol_char)(r)?;
    let sym = sym.trim_end_matches(['.', '/', '-', '_', '&']);
    // a hyphen between spaces inside the symbol (`24/2000/NĐ - CP`): the groups joined
    let mut used = sym.len();
    let mut joined = sym.to_string();
    while let Some(after) = r[used..]
        .strip_prefix(" - ")
        .or_else(|| r[used..].strip_prefix(" -"))
        .or_else(|| {
            r[used..]
                .strip_prefix("- ")
                .filter(|_| joined.ends_with(char::is_alphanumeric))
        })
        .map(str::trim_start)
    {
        let next = after
            .char_indices()
            .find(|&(_, c)| !(c.is_alphanumeric() || c == '&'))
            .map_or(after.len(), |(k, _)| k);
        let group = &after[..next];
        if group.is_empty() || !group.chars().next().is_some_and(char::is_uppercase) {
            break;
        }
        joined.push('-');
        joined.push_str(group);
        used = r.len() - after.len() + next;
    }
    let sym = joined.as_str();
    let opens_with_letter = sym.chars().next().is_some_and(char::is_alphabetic);
    let capital = sym.chars().any(char::is_uppercase);
    if !opens_with_letter || !capital || (party && !sym.contains('/')) {
        return fail(i);
    }
    let rest = &r[used..];
    Ok((
        rest,
        NumberParts {
            number: Some(num.to_string()),
            year: year.and_then(|y| y.parse().ok()),
            symbol: Some(sym.to_string()),
            party,
        },
    ))
}

/// Names that stand before a cited number without being a tên loại of the table.
const GENERIC: &[&str] = &["văn bản", "công văn", "công điện"];

/// Names by their last word: the type a name names (none for [`GENERIC`]) and the name.
type NamesByLastWord = std::collections::HashMap<String, Vec<(Option<DocKind>, &'static str)>>;

/// The names that may stand before a cited number (every tên loại of the table, and
/// [`GENERIC`]), by their last word in small letters: a reference's name is looked for among
/// the few that end as the text before its number ends.
static NAMES_BY_LAST_WORD: std::sync::LazyLock<NamesByLastWord> = std::sync::LazyLock::new(|| {
    let mut m = NamesByLastWord::new();
    let all = DocKind::named()
        .map(|(k, n)| (Some(k.clone()), n))
        .chain(GENERIC.iter().map(|g| (None, *g)));
    for (k, n) in all {
        let last = n.rsplit(' ').next().unwrap_or(n).to_lowercase();
        m.entry(last).or_default().push((k, n));
    }
    m
});

/// Every reference in `text`, in order.
pub(crate) fn find_all(text: &str) -> Vec<Cited> {
    let mut out = Vec::new();
    let mut at = 0;
    let bytes = text.as_bytes();
    while at < text.len() {
        // a number opens at a digit after no letter, digit or joiner
        let Some(k) = bytes[at..].iter().position(u8::is_ascii_digit) else {
            break;
        };
        let p = at + k;
        let opens = text[..p]
            .chars()
            .next_back()
            .is_none_or(|c| !(c.is_alphanumeric() || matches!(c, '/' | '-' | '.' | '_' | '&')));
        if opens && let Ok((rest, number)) = cited_number(&text[p..]) {
            let end = text.len() - rest.len();
            out.push(reference(text, p, end, number));
            at = end;
            continue;
        }
        // past this run of digits
        at = p + bytes[p..].iter().take_while(|b| b.is_ascii_digit()).count();
    }
    out
}

/// The reference around the number at `p..end`: what names it before, its date and subject
/// after.
fn reference(text: &str, p: usize, end: usize, mut number: NumberParts) -> Cited {
    let mut start = p;
    // a national standard, `QCVN 01:2019/BCT`, `TCVN 5507 : 2002`: its number before the colon,
    // the digits read as the number its year
    if let Some((q, num)) = standard_before(&text[..p]) {
        number.year = number.number.as_deref().and_then(|y| y.parse().ok());
        number.number = Some(num);
        return Cited {
            start: q,
            end,
            kind: None,
            number,
            date: None,
            title: None,
            parts: None,
        };
    }
    // `số` or `số:` before the number
    let before = text[..start].trim_end();
    let before = before.strip_suffix(':').map_or(before, str::trim_end);
    if let Some(q) = ends_with_ci(before, "số").filter(|&q| word_start(text, q)) {
        start = q;
    }
    // the type's name before it (the longest that fits)
    let before = text[..start].trim_end();
    let last = before.rsplit(' ').next().unwrap_or("").to_lowercase();
    let named = NAMES_BY_LAST_WORD
        .get(last.as_str())
        .into_iter()
        .flatten()
        .filter_map(|(k, n)| {
            ends_with_ci(before, n)
                .filter(|&q| word_start(text, q))
                .map(|q| (q, k.clone()))
        })
        .min_by_key(|(q, _)| *q);
    // `Luật Lưu trữ số 33/2024/QH15`: a law's name between `Luật` and its number
    let named = named.or_else(|| {
        if start == p {
            return None;
        }
        let window = crate::viet::floor_boundary(before, before.len().saturating_sub(120));
        let head = &before[window..];
        let at = head.rfind("Luật ")?;
        let q = window + at;
        let between = &before[q..];
        (word_start(text, q) && !between.contains([',', ';', '.', ':']))
            .then_some((q, Some(DocKind::Luat)))
    });
    let mut kind = None;
    let is_named = named.is_some();
    if let Some((q, k)) = named {
        start = q;
        kind = k;
    }
    let kind = kind.or_else(|| {
        let code = number.type_code()?;
        if number.party {
            DocKind::from_party_code(&code)
        } else {
            DocKind::from_type_code(&code)
        }
    });
    // the cited units before the name: `khoản 1 Điều 59`, `điểm a, khoản 2 Điều 5 của`
    let mut parts = None;
    if is_named && let Some(q) = parts_before(text, start) {
        parts = Some(crate::viet::fold_ws(
            text[q..start]
                .trim_end()
                .trim_end_matches(|c: char| c == ',' || c.is_whitespace())
                .trim_end_matches(" của")
                .trim_end_matches(" tại"),
        ));
        start = q;
    }
    // `ngày 02/7/2025` or `ngày 02 tháng 7 năm 2025` after it
    let mut stop = end;
    let mut date = None;
    let after = &text[end..];
    let lead = after.len() - after.trim_start().len();
    if let Some((len, iso)) = date_after(&after[lead..]) {
        stop = end + lead + len;
        date = iso;
    }
    let title = title_after(&text[stop..]);
    Cited {
        start,
        end: stop,
        kind,
        number,
        date,
        title,
        parts,
    }
}

/// `QCVN 01:` or `TCVN 5507 : ` right before a year: where the standard's name starts, and its
/// name and number (`QCVN 01`).
fn standard_before(before: &str) -> Option<(usize, String)> {
    let t = before.trim_end().strip_suffix(':')?.trim_end();
    let digits = t.len() - t.trim_end_matches(|c: char| c.is_ascii_digit()).len();
    if digits == 0 {
        return None;
    }
    let head = t[..t.len() - digits].trim_end();
    let q = ["QCVN", "TCVN"]
        .iter()
        .find_map(|w| head.strip_suffix(w).map(|h| h.len()))?;
    Some((q, crate::viet::fold_ws(&t[q..])))
}

/// Whether a word starts at `q` (nothing or no letter before it).
fn word_start(text: &str, q: usize) -> bool {
    text[..q]
        .chars()
        .next_back()
        .is_none_or(|c| !c.is_alphanumeric())
}

/// Where the cited units before `start` begin: pairs of a unit and its label (`Điều 59`,
/// `khoản 1`, `điểm a`, `Mục 2`, `Chương II`, `Phụ lục I`) read backwards, with `của`/`tại`
/// between them and the name allowed.
fn parts_before(text: &str, start: usize) -> Option<usize> {
    const UNITS: &[&str] = &["điểm", "khoản", "điều", "mục", "chương", "phần", "phụ lục"];
    let mut q = start;
    let mut s = text[..q].trim_end();
    for w in [" của", " tại", " theo"] {
        if let Some(x) = ends_with_ci(s, w) {
            s = text[..x].trim_end();
            break;
        }
    }
    let mut found = None;
    loop {
        let s2 = s.trim_end_matches([',', ' ']);
        // the label: a word of letters and digits, short
        let label_at = s2.rfind(' ').map_or(0, |i| i + 1);
        let label = &s2[label_at..];
        if label.is_empty()
            || label.chars().count() > 5
            || !label.chars().all(char::is_alphanumeric)
        {
            break;
        }
        let head = s2[..label_at].trim_end();
        let Some(u) = UNITS
            .iter()
            .filter_map(|u| ends_with_ci(head, u).filter(|&x| word_start(text, x)))
            .min()
        else {
            break;
        };
        found = Some(u);
        q = u;
        s = text[..q].trim_end();
    }
    let _ = q;
    found
}

/// `ngày 02/7/2025`, `ngày 02-7-2025` or `ngày 02 tháng 7 năm 2025` at the start of `i`: its
/// length and the ISO date when whole.
fn date_after(i: &str) -> Option<(usize, Option<String>)> {
    if let Ok((rest, parts)) = place_date::date(i) {
        let len = i.len() - rest.len();
        return Some((i[..len].trim_end().len(), parts.iso()));
    }
    let (r, _) = crate::cues::scan::one_of_ci(&["ngày", "ngay"])(i).ok()?;
    let r2 = r.trim_start();
    let (len, parts, _) = place_date::numeric_date(r2).filter(|(_, p, _)| p.year.is_some())?;
    Some((i.len() - r2.len() + len, parts.iso()))
}

/// The subject of a cited text: the words after `về` (or `về việc`) that follow it within a
/// few words (`của Chính phủ về …`), up to `;`, `)`, a quote's end or a sentence's end (a
/// subject may name another text: `về sửa đổi, bổ sung một số điều của Quyết định số …`).
fn title_after(i: &str) -> Option<String> {
    // `về` must come soon: after the issuer (`của Ủy ban nhân dân tỉnh`), not in a new clause
    let window: usize = i.char_indices().nth(90).map_or(i.len(), |(k, _)| k);
    let cut = i[..window].find([';', ')', ':', '(']).unwrap_or(window);
    // the subject opens after `về`, or with the verb that names what the text does (`… của Bộ
    // Công Thương hướng dẫn chức năng, nhiệm vụ …`), whichever comes first
    const OPENS: &[(&str, bool)] = &[
        (" về ", true),
        (" quy định ", false),
        (" hướng dẫn ", false),
        (" ban hành ", false),
        (" sửa đổi", false),
    ];
    // (a verb opens the subject only right after the number, the date or the issuer: `và các
    // văn bản hướng dẫn …` after it is another text)
    let right_after = |k: usize| {
        let head = i[..k].trim();
        head.is_empty() || (head.starts_with("của ") && !head.contains(" và "))
    };
    // (`at`: where the word starts in `i`; the words are looked for after each space only)
    let head = &i[..cut];
    let starts =
        std::iter::once(0).chain(memchr::memchr_iter(b' ', head.as_bytes()).map(|k| k + 1));
    let (at, skip) = starts
        .filter_map(|k| {
            OPENS
                .iter()
                .find(|(w, _)| head[k..].starts_with(&w[1..]))
                .map(|&(_, skip)| (k, skip))
        })
        .find(|&(k, skip)| skip || right_after(k))?;
    let from = at;
    let body = if skip {
        &i[from + "về ".len()..]
    } else {
        &i[from..]
    };
    let body = body.strip_prefix("việc ").unwrap_or(body);
    // `… quy định như sau:` opens a quotation, `sửa đổi, bổ sung bởi …` names the amending
    // text: neither is the cited text's subject
    if body.starts_with("quy định như sau")
        || body.contains(" bởi ") && body.find(" bởi ") < Some(30)
    {
        return None;
    }
    let mut end = body
        .find([';', ':', ')', '”', '"', '\n'])
        .unwrap_or(body.len());
    // `…, có hiệu lực kể từ …`, `… có căn cứ ban hành như sau` are said of the text, not its
    // subject
    for tail in [", có hiệu lực", " có căn cứ ban hành"] {
        if let Some(k) = body[..end].find(tail) {
            end = k;
        }
    }
    // a comma before a capital after a few words opens the sentence's own clause (`… về hướng
    // dẫn chuyển đổi số hồ sơ, Ủy ban nhân dân tỉnh ban hành …`)
    if let Some(c) = body[..end].match_indices(", ").map(|(k, _)| k).find(|&k| {
        body[k + 2..].starts_with(char::is_uppercase) && body[..k].split(' ').count() >= 4
    }) {
        end = c;
    }
    // a sentence's end: a full stop before a capital or the end
    if let Some(dot) = body[..end]
        .match_indices(". ")
        .map(|(k, _)| k)
        .find(|&k| body[k + 2..].starts_with(char::is_uppercase))
    {
        end = end.min(dot);
    }
    let t = body[..end].trim().trim_end_matches(['.', ',']).trim();
    let t: String = t.chars().take(300).collect();
    (!t.is_empty()).then(|| crate::viet::fold_ws(&t))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn one(text: &str) -> Cited {
        let all = find_all(text);
        assert_eq!(all.len(), 1, "{all:?}");
        all.into_iter().next().unwrap()
    }

    #[test]
    fn numbers_of_cited_texts() {
        for (t, num, year, sym) in [
            ("11/2024/NQ-QH15", "11", Some(2024), "NQ-QH15"),
            ("6120/UBND-KT", "6120", None, "UBND-KT"),
            ("6987 /SNNMT-KS", "6987", None, "SNNMT-KS"),
            ("97-QĐ/TW", "97", None, "QĐ/TW"),
            ("51/2002/QĐ-BGD&ĐT", "51", Some(2002), "QĐ-BGD&ĐT"),
            ("522/2002/QĐ.UB.", "522", Some(2002), "QĐ.UB"),
            ("24/2000/NĐ - CP ngày", "24", Some(2000), "NĐ-CP"),
        ] {
            let (_, p) = cited_number(t).unwrap_or_else(|e| panic!("{t}: {e}"));
            assert_eq!(p.number.as_deref(), Some(num), "{t}");
            assert_eq!(p.year, year, "{t}");
            assert_eq!(p.symbol.as_deref(), Some(sym), "{t}");
        }
        for t in [
            "26/8/2024",
            "07/07",
            "100m3/ngày",
            "2021-2026",
            "3/2",
            "5 triệu/ha",
            "12/ha",
        ] {
            assert!(cited_number(t).is_err(), "{t}");
        }
    }

    #[test]
    fn a_named_reference_with_date_and_subject() {
        let t = "Căn cứ Nghị định số 30/2020/NĐ-CP ngày 05 tháng 3 năm 2020 của Chính phủ về công tác văn thư;";
        let c = one(t);
        assert_eq!(c.kind, Some(DocKind::NghiDinh));
        assert_eq!(
            &t[c.start..c.end],
            "Nghị định số 30/2020/NĐ-CP ngày 05 tháng 3 năm 2020"
        );
        assert_eq!(c.date.as_deref(), Some("2020-03-05"));
        assert_eq!(c.title.as_deref(), Some("công tác văn thư"));
        assert_eq!(c.number.issuer_codes(), ["CP"]);
    }

    #[test]
    fn parts_before_the_name_and_a_slash_date() {
        let t = "Theo quy định tại khoản 1 Điều 59 Nghị định số 193/2025/NĐ-CP ngày 02/7/2025.";
        let c = one(t);
        assert_eq!(c.parts.as_deref(), Some("khoản 1 Điều 59"));
        assert_eq!(
            &t[c.start..c.end],
            "khoản 1 Điều 59 Nghị định số 193/2025/NĐ-CP ngày 02/7/2025"
        );
        assert_eq!(c.date.as_deref(), Some("2025-07-02"));
        let t = "điểm a, khoản 2 Điều 5 của Thông tư 01/2011/TT-BNV";
        let c = one(t);
        assert_eq!(c.parts.as_deref(), Some("điểm a, khoản 2 Điều 5"));
        assert_eq!(c.kind, Some(DocKind::ThongTu));
    }

    #[test]
    fn bare_and_generic_references() {
        let t = "Thực hiện Văn bản số 6120/UBND-KT ngày 26/8/2024 của UBND tỉnh về bảo đảm cung ứng hàng hóa";
        let c = one(t);
        assert_eq!(c.kind, None);
        assert_eq!(&t[c.start..c.end], "Văn bản số 6120/UBND-KT ngày 26/8/2024");
        assert_eq!(c.title.as_deref(), Some("bảo đảm cung ứng hàng hóa"));
        // the kind a symbol's code names, for a bare number
        let c = one("theo 14/CT-TTg của Thủ tướng");
        assert_eq!(c.kind, Some(DocKind::ChiThi));
        assert_eq!(
            one("Quy định số 97-QĐ/TW ngày 7/2/2023").kind,
            Some(DocKind::QuyDinh)
        );
    }

    #[test]
    fn a_subject_opened_by_its_verb() {
        let t = "Căn cứ Thông tư số 37/2025/TT-BCT của Bộ Công Thương hướng dẫn chức năng, nhiệm vụ của cơ quan chuyên môn về công thương;";
        assert_eq!(
            one(t).title.as_deref(),
            Some("hướng dẫn chức năng, nhiệm vụ của cơ quan chuyên môn về công thương")
        );
    }

    #[test]
    fn a_law_by_its_name_and_number() {
        let t = "Căn cứ Luật Lưu trữ số 33/2024/QH15 ngày 21 tháng 6 năm 2024;";
        let c = one(t);
        assert_eq!(c.kind, Some(DocKind::Luat));
        assert_eq!(
            &t[c.start..c.end],
            "Luật Lưu trữ số 33/2024/QH15 ngày 21 tháng 6 năm 2024"
        );
    }

    #[test]
    fn a_national_standard() {
        let t = "theo Quy chuẩn kỹ thuật quốc gia QCVN 01: 2019/BCT của Bộ Công Thương";
        let c = one(t);
        assert_eq!(&t[c.start..c.end], "QCVN 01: 2019/BCT");
        assert_eq!(
            (c.number.number.as_deref(), c.number.year),
            (Some("QCVN 01"), Some(2019))
        );
        assert_eq!(c.number.symbol.as_deref(), Some("BCT"));
    }

    #[test]
    fn several_in_one_sentence() {
        let t = "Bãi bỏ Quyết định số 04/2022/QĐ-UBND và Quyết định số 47/2021/QĐ-UBND; thay thế Thông tư liên tịch số 55/2005/TTLT-BNV-VPCP.";
        let all = find_all(t);
        assert_eq!(all.len(), 3);
        assert_eq!(all[2].kind, Some(DocKind::ThongTuLienTich));
        assert_eq!(all[0].title, None);
    }
}
