//! Reflow: a whole document flattened onto one physical line (a forum post, a page copy that
//! lost its line breaks: `… Hạnh phúc Số: 367 - QĐ/TW Hà Nội, ngày … QUYẾT ĐỊNHVề việc …`) is
//! cut back into the lines it was printed on, at the places where the document's parts begin.
//!
//! A line is cut only when it is long and holds the marks of several parts (a Quốc hiệu, a
//! `Số:` line, a `Nơi nhận:`, a quyền hạn line, `(đã ký)`, …): a long paragraph that only cites
//! `Điều 5.` is left alone. The pieces keep their byte ranges and their physical line number,
//! so spans and diagnostics still point into the text as given.

use std::sync::LazyLock;

use crate::ast::kind::DocKind;
use crate::cues::closing::{is_mode_word, mode_prefix, noi_nhan_with_colon, signing_note_len};
use crate::cues::heading::{heading_len, kinh_gui_label_len, motto_end_len, motto_len};
use crate::cues::marker::{POINT_LETTERS, article_len, is_valid_roman, roman_value};
use crate::cues::number;
use crate::cues::place_date;
use crate::cues::preamble::{AUTHORITY_HEADS, basis, request};
use crate::cues::scan::{is_word_char, word_ci};
use crate::cues::tail::is_attached_to;
use crate::viet::{is_capitalised, upper_key};

/// Lines shorter than this are never cut.
pub(crate) const MIN_LEN: usize = 400;

/// Lines at least this long need only one structural part among their three kinds of part to
/// be cut (a paragraph is rarely this long; a document on one line always is).
const LONG_LEN: usize = 2000;

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
    DocKind::BienBan,
    DocKind::ThongTu,
    DocKind::ThongTuLienTich,
    DocKind::NghiDinh,
    DocKind::CongDien,
    DocKind::KetLuan,
    DocKind::ThongTri,
    DocKind::PhuongAn,
    DocKind::DeAn,
    DocKind::GiayGioiThieu,
    DocKind::GiayNghiPhep,
    DocKind::PhieuTrinh,
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
    /// `, ngày 29 tháng 10 năm 2013` after a place; `whole` when no part is left blank.
    Date { whole: bool },
    /// A tên loại in capitals; whether a trích yếu, an article or the end follows it.
    Kind { name_end: usize, alone: bool },
    /// `Căn cứ`, `Theo đề nghị`, `- Để`.
    Basis,
    /// `Điều 5.`
    Article,
    /// `Chương II`, `PHẦN THỨ NHẤT`, `Mục 1` (a heading over articles).
    Chapter,
    /// `PHỤ LỤC`, `PHỤ LỤC I` after the closing block.
    Appendix,
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
    /// `Kính gửi:`
    KinhGui,
    /// A bullet after a stop (`…; - Công an tỉnh;`).
    Bullet,
    /// A sentence that opens the body under a trích yếu (`… tỉnh Lào Cai Thực hiện Chỉ thị …`).
    Opener,
    /// `V/v` opening a trích yếu.
    Vv,
    /// `(Ban hành kèm theo Quyết định số …)` under the title of an attached text.
    AttachedTo,
    /// A markdown table's cell border (`| ỦY BAN NHÂN DÂN … | CỘNG HÒA …`) or heading mark (`#`).
    Markup,
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
                | Part::KinhGui
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
                | Part::KinhGui
                | Part::Opener
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
            Part::Date { .. } => 5,
            Part::Kind { .. } => 6,
            Part::Basis => 7,
            Part::Article => 8,
            Part::End => 9,
            Part::Recipients => 10,
            Part::Mode => 11,
            Part::Signed => 12,
            Part::Source => 13,
            Part::KinhGui => 14,
            Part::Bullet => 15,
            Part::Opener => 16,
            Part::Markup => 17,
            Part::Vv => 18,
            Part::AttachedTo => 19,
            Part::Chapter => 20,
            Part::Appendix => 21,
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
    // a name that goes on in capitals (`GIẤY MỜI HỌP`, `BIÊN BẢN LÀM VIỆC`) when a trích yếu
    // in small letters follows it: the capitals are part of the tên loại
    let more = {
        let words: Vec<&str> = i[end..]
            .split(' ')
            .filter(|w| !w.is_empty())
            .take(3)
            .collect();
        let caps = words
            .iter()
            .take_while(|w| w.chars().all(|c| c.is_alphabetic() && c.is_uppercase()))
            .count();
        let next_small = words
            .get(caps)
            .is_some_and(|w| w.chars().any(char::is_lowercase));
        if (1..=2).contains(&caps) && next_small {
            let w = words[caps - 1];
            i[end..].find(w).map_or(0, |k| k + w.len())
        } else {
            0
        }
    };
    end += more;
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
    // a trích yếu that opens with a word in small letters or capitalised (`THÔNG BÁO Kết luận
    // của …`, `THÔNG BÁO kết luận của …`), not with more capitals
    let titled = {
        let word: String = t.chars().take_while(|c| c.is_alphabetic()).collect();
        // (`QUYẾT ĐỊNH của Bộ trưởng …` in older documents names its maker: one heading)
        word.chars().count() >= 2
            && word.chars().skip(1).all(char::is_lowercase)
            && !word.eq_ignore_ascii_case("của")
            && word != "Của"
    };
    let alone = after.is_some() || titled || i[..end].ends_with(':');
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
    // (as printed, `Số` opens with a capital: asked before the anchor is parsed)
    if c != 'S' {
        return None;
    }
    match number::anchor(i) {
        Ok((r, true)) => Some(i.len() - r.len()),
        // `Số 60-NQ/TW` of a party document: no colon, then a number glued to its ký hiệu
        Ok((r, false)) if i.starts_with("Số ") && numbered_symbol(r) => Some(i.len() - r.len()),
        _ => None,
    }
}

/// A number and its ký hiệu as one word: digits, then `-` or `/`, then a capital (`60-NQ/TW`,
/// `12/TB-UBND`).
fn numbered_symbol(r: &str) -> bool {
    let digits = r.len() - r.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    digits > 0
        && r[digits..]
            .strip_prefix(['-', '/'])
            .is_some_and(|t| t.starts_with(|c: char| c.is_ascii_uppercase() || c == 'Đ'))
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
    // (`KT. TM. …`: a Lưu entry `KT.` before a quyền hạn, not a quyền hạn itself)
    let word = title
        .split(|c: char| !c.is_alphabetic())
        .next()
        .unwrap_or("");
    (title[..caps].chars().count() >= 2 && !is_mode_word(word))
        .then(|| i.len() - title.len() + caps)
}

/// The part that begins at the start of `i`, if any, and its length. `prev`: the character
/// right before. Tried in this order; the first that fits wins.
#[cfg(test)]
fn part_at(i: &str, prev: Option<char>) -> Option<(Part, usize)> {
    part_after(i, prev, false, false)
}

/// [`part_at`], knowing whether the last character before the white space before `i` ends a
/// clause (`.`, `;`, `:`): a bullet stands only there.
fn part_after(
    i: &str,
    prev: Option<char>,
    prev_stop: bool,
    prev_gap: bool,
) -> Option<(Part, usize)> {
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
    // (a part may be left blank: `, ngày      tháng 6 năm 2026`)
    if c == ','
        && let Ok((r, d)) = place_date::date(i[1..].trim_start())
    {
        let whole = d.day.is_some() && d.month.is_some() && d.year.is_some();
        return Some((Part::Date { whole }, i.len() - r.len()));
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
    if matches!(c, 'C' | 'P' | 'M')
        && prev.is_none_or(char::is_whitespace)
        && let Some(n) = chapter_len(i)
    {
        return Some((Part::Chapter, n));
    }
    // (`Phụ lục 01` as printed after a stop: `… - Lưu: VT. Phụ lục 01 …`)
    if c == 'P'
        && prev.is_none_or(char::is_whitespace)
        && let Some((name, r)) = ["PHỤ LỤC", "Phụ lục"]
            .iter()
            .find_map(|n| i.strip_prefix(*n).map(|r| (*n, r)))
        && r.chars().next().is_none_or(|c| !c.is_alphabetic())
        && (name == "PHỤ LỤC" || prev_stop || prev_gap || numbered_heading(r))
    {
        // with its numeral (`Phụ lục 1`, `PHỤ LỤC II`): the heading line ends there
        let t = r.trim_start_matches(' ');
        let n = numeral_len(t);
        let numeral = n > 0 && n <= 4 && t[n..].chars().next().is_none_or(|c| !c.is_alphanumeric());
        let len = if numeral {
            i.len() - t.len() + n
        } else {
            name.len()
        };
        return Some((Part::Appendix, len));
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
    if c == '(' && is_attached_to(i) {
        return Some((Part::AttachedTo, 1));
    }
    if c == '('
        && let Some(n) = signing_note_len(i)
    {
        return Some((Part::Signed, n));
    }
    if matches!(c, '|' | '#')
        && prev.is_none_or(char::is_whitespace)
        && let Some(n) = run_of(i, &[c], 1)
        && i[n..].chars().next().is_none_or(char::is_whitespace)
    {
        return Some((Part::Markup, n));
    }
    // (after a tab, `V/v` opens a cell of its own already)
    if c == 'V' && prev == Some(' ') && i.starts_with("V/v ") {
        return Some((Part::Vv, 3));
    }
    if c == 'K'
        && let Some(n) = kinh_gui_label_len(i)
    {
        return Some((Part::KinhGui, n));
    }
    // a bullet after a stop, or after a gap (the white space a line break left, `… đơn vị
    // <spaces>- Lãnh đạo …`) before a capital
    if matches!(c, '-' | '+' | '•')
        && i[c.len_utf8()..].starts_with([' ', '\t'])
        && (prev_stop
            || prev_gap
                && i[c.len_utf8()..]
                    .trim_start()
                    .starts_with(char::is_uppercase))
    {
        return Some((Part::Bullet, c.len_utf8()));
    }
    if matches!(c, 'T' | 'N' | 'Đ' | 'S')
        && prev.is_some_and(char::is_whitespace)
        && let Some(n) = opener_len(i)
    {
        return Some((Part::Opener, n));
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

/// `Chương II`, `PHẦN THỨ NHẤT`, `Mục 1` at the start of `i`, a heading in capitals or an
/// article after it: the marker's length.
fn chapter_len(i: &str) -> Option<usize> {
    let kw = ["Chương", "CHƯƠNG", "Phần", "PHẦN", "Mục", "MỤC"]
        .iter()
        .find(|k| i.starts_with(**k))?;
    let r = i[kw.len()..].strip_prefix(' ')?;
    let numeral = r
        .split(|c: char| c.is_whitespace() || matches!(c, '.' | ':' | '-'))
        .next()?;
    let ordinal = ["thứ", "THỨ"].iter().any(|t| r.starts_with(*t));
    let ok = is_valid_roman(numeral)
        || !numeral.is_empty() && numeral.len() <= 3 && numeral.bytes().all(|b| b.is_ascii_digit());
    if !(ok || ordinal) {
        return None;
    }
    let n = i.len() - r.len() + if ordinal { 0 } else { numeral.len() };
    heading_follows(&i[n..]).then_some(n)
}

/// The length of the numeral of a phụ lục at the start of `t` (`01`, `II`): its digits or
/// Roman letters.
fn numeral_len(t: &str) -> usize {
    t.len()
        - t.trim_start_matches(|c: char| c.is_ascii_digit() || matches!(c, 'I' | 'V' | 'X'))
            .len()
}

/// A numeral, then a heading in capitals (` 1 DANH SÁCH CÁC CỤM …` after `Phụ lục`).
fn numbered_heading(r: &str) -> bool {
    let t = r.trim_start();
    let n = numeral_len(t);
    n > 0 && n <= 4 && t[n..].starts_with(' ') && heading_follows(&t[n..])
}

/// Whether a heading in capitals (`QUY ĐỊNH CHUNG`) or an article follows a Chương or Phần
/// marker: a `Chương II` cited in running text (`theo Chương II của Luật`) has neither.
fn heading_follows(rest: &str) -> bool {
    let t = rest.trim_start_matches([' ', '\t', '.', ':', '-', '–']);
    // (`PHẦN THỨ NHẤT`: the ordinal is capitals too)
    let word: String = t.chars().take_while(|c| c.is_alphabetic()).collect();
    word == "Điều" || word.chars().count() >= 2 && word.chars().all(char::is_uppercase)
}

/// The words that open the first sentence of a body under its trích yếu, capitalised as
/// printed: `Thực hiện Văn bản số …`, `Nhằm nâng cao …`, `Để bảo đảm …`, `Sau khi …`,
/// `Ngày 14 tháng 10 năm 2025, …`.
fn opener_len(i: &str) -> Option<usize> {
    const OPENERS: &[&str] = &["Thực hiện ", "Nhằm ", "Để ", "Sau khi ", "Trên cơ sở "];
    if let Some(w) = OPENERS.iter().find(|w| i.starts_with(**w)) {
        return Some(w.len() - 1);
    }
    let r = i.strip_prefix("Ngày ")?;
    r.starts_with(|c: char| c.is_ascii_digit())
        .then_some("Ngày".len())
}

/// `- Để …` opening a purpose clause in a flattened plan.
fn purpose(i: &str) -> Option<&str> {
    let r = i.strip_prefix('-')?.trim_start().strip_prefix("Để")?;
    r.strip_prefix(char::is_whitespace)
}

/// Whether `need` kinds of structural part are found anywhere in the line (a cheap test before
/// [`parts`]: only the structural recognisers, only where their first letter stands, each kind
/// only until it is found).
fn structural_kinds(raw: &str, need: usize) -> bool {
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
            if found.len() == need {
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
        'K' => mode_part(i, c)
            .map(|n| (Part::Mode, n))
            .or_else(|| kinh_gui_label_len(i).map(|n| (Part::KinhGui, n))),
        'T' | 'Q' => mode_part(i, c).map(|n| (Part::Mode, n)),
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
    // the last character that is no white space, and whether it ends a clause
    let mut stop = false;
    // white space characters right before
    let mut spaces = 0;
    for (at, c) in raw.char_indices() {
        if at >= from
            && let Some((part, n)) = part_after(&raw[at..], prev, stop, spaces >= 2)
        {
            out.push((at, part, at + n));
            from = at + n;
        }
        if c.is_whitespace() {
            spaces += 1;
        } else {
            spaces = 0;
            stop = matches!(c, '.' | ';' | ':');
        }
        prev = Some(c);
    }
    out
}

/// The byte offsets (inside `raw`, strictly between its ends) where a flattened line is cut.
/// Empty when the line is an ordinary line: shorter than [`MIN_LEN`], or holding fewer than
/// three kinds of part, two of them structural.
pub(crate) fn cuts(raw: &str) -> Vec<usize> {
    // a whole document on one line is long: one structural part is enough there (a biên bản
    // has no Số and no Nơi nhận)
    let enough = if raw.len() >= LONG_LEN { 1 } else { 2 };
    // a document with no header at all opens with its tên loại standing alone (`NGHỊ QUYẾT Về
    // việc …`): that is its structural part
    if raw.len() < MIN_LEN {
        return Vec::new();
    }
    let opens_with_kind =
        kind_at(raw.trim_start()).is_some_and(|(p, _)| matches!(p, Part::Kind { alone: true, .. }));
    if !opens_with_kind && !structural_kinds(raw, enough) {
        return Vec::new();
    }
    // a part that opens a word does not stand glued to the word before
    let found: Vec<_> = parts(raw)
        .into_iter()
        .filter(|&(start, part, end)| !(part.opens_word() && glued(raw, start, end)))
        .collect();
    let markers = counted_markers(raw);
    let mut kinds: Vec<u8> = found.iter().map(|p| p.1.key()).collect();
    if !markers.is_empty() {
        // (a key of its own for the counted body markers)
        kinds.push(u8::MAX);
    }
    kinds.sort_unstable();
    kinds.dedup();
    let structural = kinds
        .iter()
        .filter(|&&k| found.iter().any(|p| p.1.key() == k && p.1.structural()))
        .count();
    let (structural, enough) = if opens_with_kind {
        (structural + 1, 1)
    } else {
        (structural, enough)
    };
    if kinds.len() < 3 || structural < enough {
        return Vec::new();
    }
    let mut out = Vec::new();
    let mut footer_from: Option<usize> = None;
    // where the last part of the header (Số, date, Tiêu ngữ, a rule, a table border) ended
    let mut header_end: Option<usize> = None;
    for &(start, mut part, end) in &found {
        if part == Part::Recipients {
            footer_from.get_or_insert(end);
        }
        if part == Part::Basis
            && let Some(at) = authority_before(&raw[..start])
        {
            out.push(at);
        }
        // a tên loại right under the header stands alone even before a trích yếu in capitals
        // (`… ngày 13 tháng 8 năm 2024 | QUYẾT ĐỊNH BAN HÀNH KẾ HOẠCH …`)
        if let Part::Kind {
            name_end,
            alone: false,
        } = part
            && header_end.is_some_and(|h| {
                raw[h..start]
                    .chars()
                    .all(|c| c.is_whitespace() || matches!(c, '|' | '*' | '#' | '-' | '_'))
            })
        {
            part = Part::Kind {
                name_end,
                alone: true,
            };
        }
        header_end = match part {
            Part::Number
            | Part::Date { .. }
            | Part::Motto
            | Part::Rule
            | Part::Markup
            | Part::Stars => Some(end),
            _ => None,
        };
        part_cuts(raw, start, part, end, &mut out);
    }
    glued_capitals(raw, &mut out);
    out.extend(markers);
    // a line of capitals after running text (the authority line under a trích yếu:
    // `… xã Sơn Thủy GIÁM ĐỐC BAN QUẢN LÝ DỰ ÁN …`)
    out.extend(caps_after_text(raw));
    if let Some(from) = footer_from {
        // the signature's capitals after the last recipient (`- Lưu: VP Cục. CỤC TRƯỞNG`)
        for (stop, caps) in caps_after_stop(&raw[from..]) {
            let word = raw[..from + stop].rsplit(char::is_whitespace).next();
            if !word.is_some_and(is_mode_word) {
                out.push(from + caps);
            }
        }
        // a Nơi nhận entry after the signature's capitals on one row (`KT. GIÁM ĐỐC - Như
        // trên;`): the two columns of the closing table, read row by row
        let footer = &raw[from..];
        // (two words in capitals before the dash: `CHỦ TỊCH - …`, not the code in `Cục KTVB và
        // QLXPVPHC - Bộ Tư pháp`)
        let caps = |w: &str| {
            w.chars().filter(|c| c.is_alphabetic()).count() >= 2
                && w.chars().all(|c| c.is_uppercase() || !c.is_alphabetic())
        };
        for (k, _) in footer.match_indices(" - ") {
            let mut before = footer[..k].rsplit(char::is_whitespace);
            if before.next().is_some_and(caps) && before.next().is_some_and(caps) {
                out.push(from + k + 1);
            }
        }
    }
    // never inside a marker (`Chương II`: the capitals after `Chương` are its numeral); the
    // markers' ranges are in order and never overlap, so a binary search finds the one a cut
    // may fall in
    let markers: Vec<(usize, usize)> = found
        .iter()
        .filter(|p| matches!(p.1, Part::Chapter | Part::Article))
        .map(|&(start, _, end)| (start, end))
        .collect();
    let inside = |b: usize| {
        let k = markers.partition_point(|&(start, _)| start < b);
        k > 0 && b < markers[k - 1].1
    };
    out.retain(|&b| b > 0 && b < raw.len() && !inside(b));
    out.sort_unstable();
    out.dedup();
    out
}

/// Kinds of body marker that count up in a flattened line.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Count {
    /// `I.`, `II.` (mục in Roman numerals).
    Roman,
    /// `1.`, `2)` (numbered items, khoản).
    Decimal,
    /// `a)`, `b)` (điểm).
    Letter,
    /// `1.1.`, `1.2.` (items under item 1: the number is the item's).
    Sub(u32),
}

/// Words after which a number is no item marker (`Điều 2.`, `khoản 3.`, `năm 2.`).
const NOT_BEFORE_ITEM: &[&str] = &[
    "điều", "khoản", "điểm", "số", "ngày", "tháng", "năm", "lần", "mục", "phần", "chương", "tập",
    "trang", "lục", "mẫu", "bước", "đoạn", "kỳ", "quý", "tuần", "thứ", "hạng", "loại", "cấp",
    "nhóm", "tổ", "đội", "khu", "lô", "tầng", "khóa", "khoá", "hội",
];

/// A body marker at the start of `i` (after white space): its kind and value, when a word in
/// capitals or capitalised follows it (`II. NỘI DUNG`, `1. Sở Tài chính`, `a) đối với …`).
fn counted_marker(i: &str) -> Option<(Count, u32)> {
    let c = i.chars().next()?;
    let (count, value, rest) = if matches!(c, 'I' | 'V' | 'X') {
        let n = i.len() - i.trim_start_matches(['I', 'V', 'X', 'L', 'C']).len();
        let numeral = &i[..n];
        if !is_valid_roman(numeral) {
            return None;
        }
        (
            Count::Roman,
            roman_value(numeral),
            i[n..].strip_prefix(['.', '-'])?,
        )
    } else if c.is_ascii_digit() {
        let n = i.len() - i.trim_start_matches(|c: char| c.is_ascii_digit()).len();
        if n > 2 {
            return None;
        }
        let v: u32 = i[..n].parse().ok()?;
        let r = i[n..].strip_prefix(['.', ')'])?;
        // `1.2.` or `1.2` then a space: an item under item 1
        let m = r.len() - r.trim_start_matches(|c: char| c.is_ascii_digit()).len();
        if (1..=2).contains(&m) {
            let sub: u32 = r[..m].parse().ok()?;
            let rest = r[m..].strip_prefix('.').unwrap_or(&r[m..]);
            (Count::Sub(v), sub, rest)
        } else {
            (Count::Decimal, v, r)
        }
    } else if POINT_LETTERS.contains(c) {
        let k = POINT_LETTERS.chars().position(|l| l == c)? as u32 + 1;
        (Count::Letter, k, i[c.len_utf8()..].strip_prefix(')')?)
    } else {
        return None;
    };
    let gap = rest.len() - rest.trim_start_matches([' ', '\t', '*']).len();
    let next = rest[gap..].chars().next()?;
    let opens = gap > 0 && (next.is_uppercase() || count == Count::Letter && next.is_alphabetic());
    opens.then_some((count, value))
}

/// Where the body markers of a flattened line stand: Roman mục, numbered items and điểm, each
/// kept only in a run that counts up from its first (I, II, III; 1, 2, 3 again under each mục;
/// a, b, c), two markers at least, so that a number cited in running text is never cut at.
fn counted_markers(raw: &str) -> Vec<usize> {
    let mut runs: Vec<(Count, u32, Vec<usize>)> = Vec::new();
    let mut out = Vec::new();
    let mut prev_word = "";
    let mut word_start = 0;
    let bytes = raw.as_bytes();
    for (at, c) in raw.char_indices() {
        let boundary = at == 0 || matches!(bytes[at - 1], b' ' | b'\t' | b'*');
        if !boundary {
            continue;
        }
        if at > word_start {
            let w = raw[word_start..at].trim_matches([' ', '\t', '*']);
            if !w.is_empty() {
                prev_word = w;
            }
        }
        word_start = at;
        if !(c.is_ascii_alphanumeric() || c == 'đ') {
            continue;
        }
        let Some((count, value)) = counted_marker(&raw[at..]) else {
            continue;
        };
        if count != Count::Roman {
            let p = prev_word.to_lowercase();
            if NOT_BEFORE_ITEM.contains(&p.as_str()) {
                continue;
            }
        }
        match runs.iter_mut().rev().find(|r| r.0 == count) {
            Some(run) if run.1 + 1 == value => {
                run.1 = value;
                run.2.push(at);
            }
            _ if value == 1 => runs.push((count, 1, vec![at])),
            _ => {}
        }
    }
    // an item and the items under it confirm each other (`1. Yêu cầu … 1.1. Triển khai …`,
    // on a page of its own: item 2 may be on the next)
    let has_subs = |v: u32| runs.iter().any(|r| r.0 == Count::Sub(v));
    let has_item = |v: u32| runs.iter().any(|r| r.0 == Count::Decimal && r.1 >= v);
    for (count, last, at) in &runs {
        let confirmed = at.len() >= 2
            || *count == Count::Decimal && has_subs(*last)
            || matches!(*count, Count::Sub(v) if has_item(v));
        if confirmed {
            out.extend(at);
        }
    }
    out
}

/// Where one part found at `start..end` cuts the line: before it, after it, or both.
fn part_cuts(raw: &str, start: usize, part: Part, end: usize, out: &mut Vec<usize>) {
    let text = &raw[start..end];
    let prev = raw[..start].trim_end().chars().next_back();
    let after_stop = prev.is_none_or(|p| {
        matches!(p, '.' | ';' | ':' | '!' | '?' | '"' | '”' | ')' | ',') || p.is_uppercase()
    });
    // after a word in small letters or a number (`… năm 2025 Căn cứ …`)
    let after_text =
        prev.is_some_and(|p| p.is_lowercase() || p.is_ascii_digit() || matches!(p, ')' | '”'));
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
        | Part::Source
        | Part::KinhGui
        | Part::Bullet
        | Part::Markup
        | Part::Vv
        | Part::AttachedTo
        | Part::Appendix => true,
        // (after a word in small letters: the trích yếu has no full stop)
        Part::Opener => after_text,
        Part::Mode | Part::Article => after_stop,
        // (`… tỉnh Lào Cai Chương I QUY ĐỊNH CHUNG`: after a stop or a word, never glued)
        Part::Chapter => true,
        // (`… tỉnh Lào Cai Căn cứ Luật …`: the trích yếu has no full stop)
        Part::Basis => text.starts_with('-') || after_stop || after_text,
        // a tên loại stands alone: before a trích yếu, an article, a colon or the end
        Part::Kind { alone, .. } => alone,
        Part::Date { .. } => {
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
        Part::Motto
        | Part::Stars
        | Part::Rule
        | Part::End
        | Part::Signed
        | Part::Markup
        | Part::Appendix => true,
        // (what follows a date left blank may be its own cell: `…năm 2025<TAB>V/v …`)
        Part::Date { whole } => whole,
        Part::Kind { .. } => cut_before,
        _ => false,
    };
    if cut_after {
        out.push(match part {
            Part::Kind { name_end, .. } => start + name_end,
            _ => end,
        });
    }
    if part == Part::KinhGui
        && let Some(n) = list_end(&raw[end..])
    {
        // the body after the addressees
        out.push(end + n);
    }
    if part == Part::Signed
        && let Some(n) = name_after(&raw[end..])
    {
        // the signer's name, then the next part in capitals
        out.push(end + n);
    }
}

/// Where the authority line of a decision starts in the capitals right before its first căn
/// cứ (`… TRÊN ĐỊA BÀN TỈNH HÀ GIANG CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH HÀ GIANG` before `Căn cứ`):
/// the last authority head in that run of capitals, with a head glued before it (`CHỦ TỊCH`
/// before `ỦY BAN`).
fn authority_before(before: &str) -> Option<usize> {
    let t = before.trim_end();
    // the run of words in capitals that ends right before the căn cứ, word by word backwards
    // (white space of any width between them: `CHỦ TỊCH<em space>ỦY BAN`)
    let mut run_start = t.len();
    let mut rest = t;
    while !rest.is_empty() {
        let at = rest
            .char_indices()
            .rev()
            .find(|&(_, c)| c.is_whitespace())
            .map_or(0, |(i, c)| i + c.len_utf8());
        let w = &rest[at..];
        let letters = w.chars().filter(|c| c.is_alphabetic()).count();
        if w.chars().any(char::is_lowercase) || letters == 0 && w != "-" {
            break;
        }
        run_start = at;
        rest = rest[..at].trim_end();
    }
    let run = &t[run_start..];
    // (compared by key: `UỶ BAN` is `ỦY BAN`); the length of the head as printed
    let head_at = |i: &str| {
        let words: Vec<&str> = i.split(' ').take(3).collect();
        let key = upper_key(&words.join(" "));
        let head = AUTHORITY_HEADS.iter().find(|h| key.starts_with(**h))?;
        let n = head.split(' ').count();
        Some(words.get(..n)?.iter().map(|w| w.len()).sum::<usize>() + n - 1)
    };
    // word starts in the run, last first
    let starts: Vec<usize> = std::iter::once(0)
        .chain(run.match_indices(' ').map(|(i, _)| i + 1))
        .collect();
    let mut at = *starts
        .iter()
        .rev()
        .find(|&&k| head_at(&run[k..]).is_some())?;
    // a head right before it opens the line (`CHỦ TỊCH ỦY BAN …`)
    while let Some(&k) = starts.iter().filter(|&&k| k < at).find(|&&k| {
        head_at(&run[k..])
            .is_some_and(|n| k + n <= at && run.get(k + n..at).is_some_and(|g| g.trim().is_empty()))
    }) {
        at = k;
    }
    (run_start + at > 0).then_some(run_start + at)
}

/// Where a list of addressees after `Kính gửi:` ends in a flattened line: after the first full
/// stop that a capital follows (`- Ủy ban nhân dân các xã, phường. Thực hiện …`), or at the
/// first gap of white space a capital follows (the line break after one addressee: `Kính gửi:
/// Hợp tác xã Văn Thịnh<spaces>Sở Công Thương nhận được …`), within the length a list of
/// addressees may have.
fn list_end(s: &str) -> Option<usize> {
    const LIST_MAX: usize = 1500;
    let mut spaces = 0;
    let mut words = 0;
    let mut prev = ' ';
    for (i, c) in s.char_indices() {
        if i > LIST_MAX {
            break;
        }
        if c.is_whitespace() {
            spaces += 1;
        } else {
            if c.is_uppercase() && (prev == '.' && spaces >= 1 || spaces >= 2 && words >= 2) {
                return Some(i);
            }
            if spaces > 0 {
                words += 1;
            }
            spaces = 0;
            prev = c;
        }
    }
    None
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
        // (markup before the place: `*Hà Nội, ngày …*`)
        let lead = w.len() - w.trim_start_matches(['*', '_']).len();
        let (i, w) = (i + lead, &w[lead..]);
        // (`TP.Cần Thơ`, `Tp.Hồ Chí Minh`: an abbreviation glued on with a full stop)
        let glued = w.starts_with(char::is_uppercase)
            && w.contains('.')
            && w.rsplit('.').next().is_some_and(is_capitalised);
        if words == 4 || !(is_capitalised(w) || glued) {
            break;
        }
        at = Some(from + i);
    }
    at
}

/// How far back from a date its place may begin, in bytes.
const PLACE_REACH: usize = 256;

/// A run of two or more capital letters (Lu) at byte `at` of `s`: its end.
fn capitals_at(s: &str, at: usize) -> Option<usize> {
    let mut n = 0;
    let mut end = at;
    for c in s[at..].chars() {
        if !crate::viet::is_lu(c) {
            break;
        }
        n += 1;
        end += c.len_utf8();
    }
    (n >= 2).then_some(end)
}

/// White space at byte `at` of `s`: its end (`at` when there is none).
fn space_at(s: &str, at: usize) -> usize {
    at + s[at..]
        .char_indices()
        .find(|&(_, c)| !c.is_whitespace())
        .map_or(s.len() - at, |(k, _)| k)
}

/// A line of capitals at byte `at` (after its lead): white space, then at least `words` runs of
/// capitals, each but the last standing alone between white space. Returns the start of the
/// first run and the end of the last (`\s+(\p{Lu}{2,}(?:\s+\p{Lu}{2,}){words-1,})`, greedy).
fn capitals_line(s: &str, at: usize, words: usize) -> Option<(usize, usize)> {
    let first = space_at(s, at);
    if first == at {
        return None;
    }
    let mut end = capitals_at(s, first)?;
    let mut n = 1;
    loop {
        let next = space_at(s, end);
        match (next > end).then(|| capitals_at(s, next)).flatten() {
            Some(e) => {
                end = e;
                n += 1;
            }
            None => break,
        }
    }
    (n >= words).then_some((first, end))
}

/// Each line of capitals after running text (`\p{Ll}[,;:]?\s+` then three or more runs of
/// capitals), leftmost first and not overlapping: the start of the capitals.
fn caps_after_text(s: &str) -> Vec<usize> {
    let mut out = Vec::new();
    let mut from = 0;
    while let Some((start, end)) = s[from..].char_indices().find_map(|(k, c)| {
        if !crate::viet::is_ll(c) {
            return None;
        }
        let q = from + k + c.len_utf8();
        let q = q + usize::from(matches!(s.as_bytes().get(q), Some(b',' | b';' | b':')));
        capitals_line(s, q, 3)
    }) {
        out.push(start);
        from = end;
    }
    out
}

/// Each line of capitals after a full stop or semicolon (`[.;]\s+` then two or more runs of
/// capitals), leftmost first and not overlapping: the stop's offset and the capitals' start.
fn caps_after_stop(s: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut from = 0;
    while let Some((p, start, end)) = s.as_bytes()[from..]
        .iter()
        .enumerate()
        .filter(|&(_, b)| matches!(b, b'.' | b';'))
        .find_map(|(k, _)| {
            let p = from + k;
            capitals_line(s, p + 1, 2).map(|(start, end)| (p, start, end))
        })
    {
        out.push((p, start));
        from = end;
    }
    out
}

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

    use proptest::prelude::*;

    proptest! {
        /// The hand-written scans find what the regexes they replace found.
        #[test]
        fn capitals_scans_are_the_regexes(
            text in proptest::collection::vec(
                prop_oneof![
                    Just(" "), Just("\n"),
                    Just("."), Just(";"),
                    Just(","), Just("a"),
                    Just("ư"), Just("B"),
                    Just("Ư"), Just("CD"),
                    Just("Ⅱ"), Just("ª"),
                    Just("1"), Just("\u{a0}")
                ],
                0..48,
            ).prop_map(|v| v.concat())
        ) {
            let text_re = regex::Regex::new(r"\p{Ll}[,;:]?\s+(\p{Lu}{2,}(?:\s+\p{Lu}{2,}){2,})").unwrap();
            let stop_re = regex::Regex::new(r"[.;]\s+(\p{Lu}{2,}(?:\s+\p{Lu}{2,})+)").unwrap();
            let want: Vec<usize> = text_re
                .captures_iter(&text)
                .map(|m| m.get(1).unwrap().start())
                .collect();
            prop_assert_eq!(caps_after_text(&text), want);
            let want: Vec<(usize, usize)> = stop_re
                .captures_iter(&text)
                .map(|m| (m.get(0).unwrap().start(), m.get(1).unwrap().start()))
                .collect();
            prop_assert_eq!(caps_after_stop(&text), want);
        }
    }

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
                "Nơi nhận:",
                "- Như điều 2;",
                "- Lưu VT.",
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
            Some(Part::Date { whole: true })
        );
        assert_eq!(
            part_at(", ngày  tháng 6 năm 2026", None).map(|p| p.0),
            Some(Part::Date { whole: false })
        );
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

    #[test]
    fn a_flattened_official_letter_is_cut_at_its_list_and_body_parts() {
        let raw = "ỦY BAN NHÂN DÂN TỈNH LÀO CAI CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc Số: /UBND-KT Lào Cai, ngày    tháng 6 năm 2026 V/v tăng cường quản lý khoáng sản Kính gửi: - Các Sở, ban, ngành; - Công an tỉnh. Thực hiện Văn bản số 4250/BNNMT-ĐCKS, Ủy ban nhân dân tỉnh yêu cầu: I. NHIỆM VỤ CHUNG Các cơ quan thực hiện nghiêm. 1. Thanh tra tỉnh chủ trì thanh tra. 2. Sở Công Thương kiểm tra vật liệu nổ. II. TỔ CHỨC THỰC HIỆN a) đối với cấp tỉnh; b) đối với cấp xã. Nơi nhận: - Như trên; - Lưu: VT, KT. KT. CHỦ TỊCH PHÓ CHỦ TỊCH Nguyễn Thành Sinh";
        assert_eq!(
            pieces(raw),
            [
                "ỦY BAN NHÂN DÂN TỈNH LÀO CAI",
                "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc",
                "Số: /UBND-KT",
                "Lào Cai, ngày    tháng 6 năm 2026",
                "V/v tăng cường quản lý khoáng sản",
                "Kính gửi:",
                "- Các Sở, ban, ngành;",
                "- Công an tỉnh.",
                "Thực hiện Văn bản số 4250/BNNMT-ĐCKS, Ủy ban nhân dân tỉnh yêu cầu:",
                "I. NHIỆM VỤ CHUNG Các cơ quan thực hiện nghiêm.",
                "1. Thanh tra tỉnh chủ trì thanh tra.",
                "2. Sở Công Thương kiểm tra vật liệu nổ.",
                "II. TỔ CHỨC THỰC HIỆN",
                "a) đối với cấp tỉnh;",
                "b) đối với cấp xã.",
                "Nơi nhận:",
                "- Như trên;",
                "- Lưu: VT, KT.",
                "KT. CHỦ TỊCH PHÓ CHỦ TỊCH Nguyễn Thành Sinh",
            ]
        );
    }

    #[test]
    fn numbers_in_running_text_and_markdown_cells() {
        // a count that does not go up from 1 is no list (`năm 2.`, `khoản 3.`, a lone `5.`)
        assert!(counted_markers("Tổng số 5. Trong đó khoản 1. Phạm vi và 2. Đối tượng").is_empty());
        let raw = "theo khoản 1. Sở và khoản 2. Ban; xem 1. Một việc. 2. Hai việc.";
        let at = counted_markers(raw);
        assert_eq!(at.len(), 2);
        assert!(raw[at[0]..].starts_with("1. Một"));
        // a markdown table flattened: its cell borders cut
        assert_eq!(
            part_at("| ỦY BAN", Some(' ')).map(|p| p.0),
            Some(Part::Markup)
        );
        assert_eq!(part_at("|x", Some(' ')), None);
        // a tên loại before a capitalised trích yếu stands alone
        assert_eq!(
            part_at("THÔNG BÁO Kết luận của", None).map(|p| p.0),
            Some(Part::Kind {
                name_end: "THÔNG BÁO".len(),
                alone: true
            })
        );
    }

    #[test]
    fn the_authority_line_before_a_basis_with_wide_spaces() {
        // white space wider than a byte between the capitals (a panic once: offsets were
        // counted as if every space were one byte)
        let before = "Về việc thành lập tổ công tác CHỦ TỊCH\u{2003}ỦY BAN\u{3000}NHÂN DÂN TỈNH ";
        let at = authority_before(before).expect("the authority line");
        assert!(before[at..].starts_with("CHỦ TỊCH"), "{}", &before[at..]);
        let before = "… trên địa bàn tỉnh GIÁM ĐỐC SỞ Y TẾ ";
        let at = authority_before(before).expect("the authority line");
        assert_eq!(&before[at..], "GIÁM ĐỐC SỞ Y TẾ ");
    }
}
