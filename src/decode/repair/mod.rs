//! Sửa lỗi văn bản — repairs on text before it is parsed: legacy-encoding mojibake (TCVN3, VNI,
//! VISCII read as Windows-1252), capitals lost to TCVN3's missing upper-case toned letters,
//! NFC, combining marks split off by spaces, `Ð` for `Đ`, no-break spaces, zero-width
//! characters and soft hyphens, CRLF and lone CR.
//!
//! Every change is counted by kind with the first line it touched, so a user can see what was
//! done; nothing changes unless it scores better on Vietnamese syllables (see
//! [`crate::viet::syllable`]), so correct Unicode and other languages are left as they are.

use std::borrow::Cow;

use unicode_normalization::UnicodeNormalization;

use crate::decode::legacy::Legacy;

mod chars;
mod glyph;
mod homoglyphs;
mod mojibake;
mod nfc;
pub(crate) mod region;
mod signs;
mod upper;

use chars::chars_pass;
use glyph::glyph_pass;
use homoglyphs::homoglyph_pass;
use mojibake::mojibake_pass;
use nfc::nfc_pass;
use signs::Signs;
pub(crate) use upper::restore_upper;

pub use crate::ast::repair::{Repair, RepairKind};

/// The repair that reports text decoded from `enc`.
fn legacy_kind(enc: Legacy) -> RepairKind {
    match enc {
        Legacy::Tcvn3 => RepairKind::MojibakeTcvn3,
        Legacy::Vni => RepairKind::MojibakeVni,
        Legacy::Viscii => RepairKind::MojibakeViscii,
    }
}

/// A key for matching words whatever their tone placement, case or normalisation:
/// `hoà`, `hòa`, `HOÀ` and a decomposed `hoà` all give `hòa`. The text itself keeps the
/// placement as printed; use this only to compare.
///
/// ```
/// assert_eq!(vanban::repair::match_key("Cộng hoà"), vanban::repair::match_key("CỘNG HÒA"));
/// assert_eq!(vanban::repair::match_key("Uỷ ban"), "ủy ban");
/// ```
pub fn match_key(s: &str) -> String {
    let nfc: String = s.nfc().collect();
    crate::viet::upper_key(&nfc).to_lowercase()
}

/// Text after [`repair`], with what was done to it.
#[derive(Debug, Clone)]
pub struct Repaired<'a> {
    /// The repaired text (borrowed when nothing needed repair).
    pub text: Cow<'a, str>,
    /// The repairs, one per kind, in a stable order.
    pub repairs: Vec<Repair>,
    /// The legacy encoding whose mojibake was decoded, if any (when runs of lines were in
    /// different ones, the one that decoded most lines; [`Repaired::repairs`] counts each).
    pub mojibake: Option<Legacy>,
}

#[derive(Default)]
struct Tally(Vec<Repair>);

impl Tally {
    fn add(&mut self, kind: RepairKind, count: usize, line: u32) {
        if count == 0 {
            return;
        }
        match self.0.iter_mut().find(|r| r.kind == kind) {
            Some(r) => {
                r.count += count;
                r.first_line = r.first_line.min(line);
            }
            None => self.0.push(Repair {
                kind,
                count,
                first_line: line,
            }),
        }
    }
}

/// Repair text: legacy mojibake, lost capitals, NFC, split marks, eth, odd spaces, invisible
/// characters, line ends. Text that needs none of it is returned borrowed, after a byte scan.
///
/// ```
/// let r = vanban::repair("Uû ban nh©n d©n tØnh\r\nQUYÕT §ÞNH");
/// assert_eq!(r.text, "Uỷ ban nhân dân tỉnh\nQUYẾT ĐỊNH");
/// assert_eq!(r.mojibake, Some(vanban::Legacy::Tcvn3));
/// ```
pub fn repair(text: &str) -> Repaired<'_> {
    repair_from(text, None)
}

/// [`repair`] for text decoded from bytes in a legacy encoding: TCVN3 text also gets its
/// capitals back.
pub fn repair_from(text: &str, decoded_from: Option<Legacy>) -> Repaired<'_> {
    repair_source(text, decoded_from, false)
}

/// [`repair_from`] for the text a reader of a format gave (`vanban::Decoded::encoding`):
/// a PDF's text layer (`pdf`) has its glyph numbers read in any run of lines that holds one
/// and no other Cyrillic letter (the PDF reader writes a glyph its font maps to no letter as
/// the glyph's number, so a few of them among mapped letters are glyph numbers for certain).
pub fn repair_decoded<'a>(
    text: &'a str,
    encoding: &str,
    decoded_from: Option<Legacy>,
) -> Repaired<'a> {
    repair_source(text, decoded_from, encoding == "pdf")
}

fn repair_source(text: &str, decoded_from: Option<Legacy>, pdf: bool) -> Repaired<'_> {
    let mut tally = Tally::default();
    let mut cur: Cow<'_, str> = Cow::Borrowed(text);
    if decoded_from == Some(Legacy::Tcvn3) {
        let mut out = String::with_capacity(text.len());
        let (mut n, mut first) = (0usize, 0u32);
        for (k, line) in text.split_inclusive('\n').enumerate() {
            let (l, c) = restore_upper(line);
            if c > 0 && n == 0 {
                first = k as u32 + 1;
            }
            n += c;
            out.push_str(&l);
        }
        if n > 0 {
            tally.add(RepairKind::UpperCase, n, first);
            cur = Cow::Owned(out);
        }
    }

    // 0. one byte scan for the signs of each kind of damage: a pass runs only where its sign
    //    was seen. The lines the mojibake pass decodes are scanned again (their readings may
    //    bring any character; the other lines keep their signs), and the text is scanned
    //    again before the NFC pass when a pass changed it (for the offsets of its lines); the
    //    character, glyph and look-alike passes bring no sign of the passes after them
    let mut signs = Signs::of(&cur);
    let mut scanned = true;
    // 1. legacy mojibake, each run of lines in the encoding that reads it best (first: a
    //    soft hyphen or a no-break space there is a letter's byte, `ư` or `ơ` in TCVN3)
    let mut mojibake = None;
    if signs.foreign_latin1
        && let Some((t, enc, decoded)) = mojibake_pass(&cur, &mut tally)
    {
        for r in decoded {
            signs.add_flags(&Signs::of(&t[r]));
        }
        cur = Cow::Owned(t);
        scanned = false;
        mojibake = Some(enc);
    }
    // 2. characters: line ends, spaces, invisibles, eth
    if signs.chars
        && let Some(t) = chars_pass(&cur, &mut tally)
    {
        cur = Cow::Owned(t);
        scanned = false;
    }
    // 3. a PDF text layer written as glyph numbers (before the look-alikes: its Vietnamese
    //    letters sit in the Cyrillic block)
    if signs.glyph
        && let Some(t) = glyph_pass(&cur, pdf, &mut tally)
    {
        cur = Cow::Owned(t);
        scanned = false;
    }
    // 4. look-alikes: Cyrillic letters inside Latin words (OCR), ƣ for ư (PDF fonts)
    if signs.homoglyph
        && let Some(t) = homoglyph_pass(&cur, &mut tally)
    {
        cur = Cow::Owned(t);
        scanned = false;
    }
    // 5. NFC and split marks, in the lines where the scan saw a sign of either
    if !scanned {
        signs = Signs::of(&cur);
    }
    if !signs.nfc_at.is_empty()
        && let Some(t) = nfc_pass(&cur, &signs.nfc_at, &mut tally)
    {
        cur = Cow::Owned(t);
    }
    let mut repairs = tally.0;
    repairs.sort_by_key(|r| r.kind);
    Repaired {
        text: cur,
        repairs,
        mojibake,
    }
}

#[cfg(test)]
mod tests {
    use super::nfc::join_split_marks;
    use super::*;

    #[test]
    fn clean_text_is_borrowed() {
        let t = "Ủy ban nhân dân tỉnh Lào Cai\n– “Đền ơn” 2024\n";
        let r = repair(t);
        assert!(matches!(r.text, Cow::Borrowed(_)));
        assert!(r.repairs.is_empty());
    }

    #[test]
    fn english_and_french_are_left_alone() {
        for t in [
            "The committee met on Friday and approved the budget for the coming year.\n",
            "Le comité s'est réuni à Paris; il a approuvé le budget de l'année prochaine.\n",
            "Café, crème brûlée et gâteau: voilà où nous étions.\n",
        ] {
            let r = repair(t);
            assert_eq!(r.text, t);
            assert!(r.repairs.is_empty(), "{t}: {:?}", r.repairs);
        }
    }

    #[test]
    fn line_ends_spaces_invisibles_eth() {
        let r = repair("a\r\nb\rc\u{a0}d\u{200b}e ÐIỀU\n");
        assert_eq!(r.text, "a\nb\nc de ĐIỀU\n");
        let kinds: Vec<_> = r.repairs.iter().map(|x| x.kind).collect();
        assert_eq!(
            kinds,
            [
                RepairKind::LineEndings,
                RepairKind::EthAsDStroke,
                RepairKind::NoBreakSpaces,
                RepairKind::InvisibleCharacters
            ]
        );
        assert_eq!(r.repairs[0].count, 2);
    }

    #[test]
    fn nfd_and_split_marks() {
        let nfd: String = "ĐIỀU 1. Quyết định\n".nfd().collect();
        assert_eq!(repair(&nfd).text, "ĐIỀU 1. Quyết định\n");
        // a mark after a space, and fragments of one syllable
        let split = "ĐIÊ \u{0300}U 1\n".to_string();
        assert_eq!(repair(&split).text, "ĐIỀU 1\n");
        assert_eq!(join_split_marks("THÔ NG BÁO").0, "THÔNG BÁO");
        assert_eq!(join_split_marks("ĐIỀ U 5").0, "ĐIỀU 5");
        assert_eq!(join_split_marks("UBND TỈNH").0, "UBND TỈNH");
        assert_eq!(join_split_marks("TÂM THỜ I GIAN").0, "TÂM THỜI GIAN");
        assert_eq!(join_split_marks("PHẦN I").0, "PHẦN I");
        assert_eq!(join_split_marks("Nh ư tr ê n").0, "Như trên");
        // a lone consonant opens the next syllable rather than closing the one before it
        assert_eq!(
            join_split_marks("ỦY B AN NHÂN D Â N T HÀNH P HỐ HỒ C H Í M I NH\n").0,
            "ỦY BAN NHÂN DÂN THÀNH PHỐ HỒ CHÍ MINH\n"
        );
        assert_eq!(join_split_marks("CHỦ T Ị CH").0, "CHỦ TỊCH");
        // punctuation after the last fragment stays after the joined word
        assert_eq!(
            join_split_marks("các Ban của Đ ả ng;").0,
            "các Ban của Đảng;"
        );
        // whole syllables are left as they are
        assert_eq!(join_split_marks("Ngu y ễn").0, "Ngu y ễn");
        assert_eq!(join_split_marks("Mục I").0, "Mục I");
        assert_eq!(join_split_marks("dưới 15 độ C.").0, "dưới 15 độ C.");
    }

    #[test]
    fn cyrillic_look_alikes_in_latin_codes() {
        let r = repair("Số: 24/HDLN-ВСТ-ВТC-VKSNDTC\nМосква\n");
        assert_eq!(r.text, "Số: 24/HDLN-BCT-BTC-VKSNDTC\nМосква\n");
        assert_eq!(r.repairs[0].kind, RepairKind::Homoglyphs);
    }

    #[test]
    fn tcvn3_capitals_are_restored() {
        assert_eq!(restore_upper("QUYếT ĐịNH Uỷ ban").0, "QUYẾT ĐỊNH Uỷ ban");
        assert_eq!(restore_upper("ủY BAN NHÂN DÂN").0, "ỦY BAN NHÂN DÂN");
        assert_eq!(restore_upper("TỉNH Hà TĩNH").0, "TỈNH HÀ TĨNH");
        assert_eq!(restore_upper("Hà Tĩnh, ngày 14").0, "Hà Tĩnh, ngày 14");
        assert_eq!(restore_upper("Số: 214/TB-UBND").0, "Số: 214/TB-UBND");
    }
}
