//! Text layers of PDFs whose fonts carry no Unicode map: extraction writes glyph numbers
//! instead of letters (`6Ӣ CÔNG THѬѪNG` for `SỞ CÔNG THƯƠNG`, `ÿӏQK` for `định`).
//!
//! In the TrueType fonts Vietnamese documents are set in, a glyph's number is fixed: the
//! printable ASCII characters sit 29 places below their code (glyph 3 is the space, as in the
//! standard Macintosh glyph order), and the Vietnamese letters sit at the numbers in
//! [`GLYPHS`] (`ị` is glyph 1231, which extraction writes as `ӏ`, U+04CF). A run of text may
//! come out with its ASCII right and only its Vietnamese letters as glyph numbers, or with every
//! character as a glyph number; each word is read both ways and kept in the way that makes a
//! Vietnamese syllable.
//!
//! Provenance of [`GLYPHS`]: the glyph order of Times New Roman, Times New Roman Bold and Arial
//! version 5.01 (the fonts Nghị định 30/2020 and common practice use), read from the fonts'
//! `cmap` and glyph order with fontTools; the three fonts give the same number to every
//! Vietnamese letter, and all three put ASCII at its code minus 29.
//!
//! Text where these glyph numbers are not the majority of its non-Latin letters (Russian, for
//! one) is never touched.

use crate::viet::syllable::is_syllable;

/// (glyph number, letter) for the Vietnamese letters from glyph 100 on, sorted by number.
pub(crate) const GLYPHS: &[(u32, char)] = &[
    (101, 'É'),
    (105, 'á'),
    (106, 'à'),
    (107, 'â'),
    (109, 'ã'),
    (112, 'é'),
    (113, 'è'),
    (114, 'ê'),
    (116, 'í'),
    (117, 'ì'),
    (121, 'ó'),
    (122, 'ò'),
    (123, 'ô'),
    (125, 'õ'),
    (126, 'ú'),
    (127, 'ù'),
    (172, 'À'),
    (173, 'Ã'),
    (174, 'Õ'),
    (198, 'Â'),
    (199, 'Ê'),
    (200, 'Á'),
    (202, 'È'),
    (203, 'Í'),
    (206, 'Ì'),
    (207, 'Ó'),
    (208, 'Ô'),
    (209, 'Ò'),
    (210, 'Ú'),
    (212, 'Ù'),
    (233, 'Ý'),
    (234, 'ý'),
    (255, 'đ'),
    (258, 'Ă'),
    (259, 'ă'),
    (264, 'Đ'),
    (428, 'Ĩ'),
    (429, 'ĩ'),
    (457, 'Ũ'),
    (458, 'ũ'),
    (483, 'Ỳ'),
    (484, 'ỳ'),
    (1130, 'Ơ'),
    (1131, 'ơ'),
    (1132, 'Ư'),
    (1133, 'ư'),
    (1188, 'Ạ'),
    (1189, 'ạ'),
    (1190, 'Ả'),
    (1191, 'ả'),
    (1192, 'Ấ'),
    (1193, 'ấ'),
    (1194, 'Ầ'),
    (1195, 'ầ'),
    (1196, 'Ẩ'),
    (1197, 'ẩ'),
    (1198, 'Ẫ'),
    (1199, 'ẫ'),
    (1200, 'Ậ'),
    (1201, 'ậ'),
    (1202, 'Ắ'),
    (1203, 'ắ'),
    (1204, 'Ằ'),
    (1205, 'ằ'),
    (1206, 'Ẳ'),
    (1207, 'ẳ'),
    (1208, 'Ẵ'),
    (1209, 'ẵ'),
    (1210, 'Ặ'),
    (1211, 'ặ'),
    (1212, 'Ẹ'),
    (1213, 'ẹ'),
    (1214, 'Ẻ'),
    (1215, 'ẻ'),
    (1216, 'Ẽ'),
    (1217, 'ẽ'),
    (1218, 'Ế'),
    (1219, 'ế'),
    (1220, 'Ề'),
    (1221, 'ề'),
    (1222, 'Ể'),
    (1223, 'ể'),
    (1224, 'Ễ'),
    (1225, 'ễ'),
    (1226, 'Ệ'),
    (1227, 'ệ'),
    (1228, 'Ỉ'),
    (1229, 'ỉ'),
    (1230, 'Ị'),
    (1231, 'ị'),
    (1232, 'Ọ'),
    (1233, 'ọ'),
    (1234, 'Ỏ'),
    (1235, 'ỏ'),
    (1236, 'Ố'),
    (1237, 'ố'),
    (1238, 'Ồ'),
    (1239, 'ồ'),
    (1240, 'Ổ'),
    (1241, 'ổ'),
    (1242, 'Ỗ'),
    (1243, 'ỗ'),
    (1244, 'Ộ'),
    (1245, 'ộ'),
    (1246, 'Ớ'),
    (1247, 'ớ'),
    (1248, 'Ờ'),
    (1249, 'ờ'),
    (1250, 'Ở'),
    (1251, 'ở'),
    (1252, 'Ỡ'),
    (1253, 'ỡ'),
    (1254, 'Ợ'),
    (1255, 'ợ'),
    (1256, 'Ụ'),
    (1257, 'ụ'),
    (1258, 'Ủ'),
    (1259, 'ủ'),
    (1260, 'Ứ'),
    (1261, 'ứ'),
    (1262, 'Ừ'),
    (1263, 'ừ'),
    (1264, 'Ử'),
    (1265, 'ử'),
    (1266, 'Ữ'),
    (1267, 'ữ'),
    (1268, 'Ự'),
    (1269, 'ự'),
    (1270, 'Ỵ'),
    (1271, 'ỵ'),
    (1272, 'Ỷ'),
    (1273, 'ỷ'),
    (1274, 'Ỹ'),
    (1275, 'ỹ'),
];

/// The glyph orders the fonts of these documents follow.
///
/// [`GLYPHS`] is the order of Times New Roman, Times New Roman Bold and Arial (4,685 glyphs).
/// The Italic and Bold Italic of Times New Roman, as PDFs embed them (3,578 glyphs), keep
/// ASCII and the letters below glyph 500 where the others have them, but put `Ơ ơ Ư ư` at
/// 750–753 and `Ạ` … `ỹ` at 808–895: each [`ITALIC_SHIFT`] below its number in [`GLYPHS`].
///
/// Provenance of the italic order: the composite glyphs of embedded subsets (glyph 809 is
/// glyph 68, `a`, over a dot below; 821 is `a`, the circumflex and the dot below; 889 is
/// glyph 753, `ư`, over the dot below) and the letters they stand for in the documents' text,
/// which follow U+1EA0–U+1EF9 as the regular order does. The font itself was not at hand.
#[cfg(feature = "pdf")]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum GlyphOrder {
    /// Times New Roman, its Bold, and Arial: [`GLYPHS`] as it stands.
    Regular,
    /// Times New Roman Italic and Bold Italic: the blocks of [`ITALIC_BLOCKS`] moved down.
    Italic,
}

#[cfg(feature = "pdf")]
/// The italic order's blocks of Vietnamese letters (first and last glyph number).
pub(crate) const ITALIC_BLOCKS: [(u32, u32); 2] = [(750, 753), (808, 895)];

#[cfg(feature = "pdf")]
/// How far below its regular number the italic order puts a letter of [`ITALIC_BLOCKS`].
pub(crate) const ITALIC_SHIFT: u32 = 380;

#[cfg(feature = "pdf")]
impl GlyphOrder {
    /// The glyph's number in the regular order (the numbers the glyph pass reads), where this
    /// order is known to hold a letter or ASCII.
    pub(crate) fn regular_number(self, glyph: u32) -> Option<u32> {
        match self {
            GlyphOrder::Regular => Some(glyph),
            GlyphOrder::Italic => {
                if ITALIC_BLOCKS
                    .iter()
                    .any(|&(first, last)| (first..=last).contains(&glyph))
                {
                    Some(glyph + ITALIC_SHIFT)
                } else {
                    (glyph < 500).then_some(glyph)
                }
            }
        }
    }

    /// The letter the glyph stands for in this order, if any.
    pub(crate) fn letter(self, glyph: u32) -> Option<char> {
        self.regular_number(glyph).and_then(letter_of_glyph)
    }

    /// The glyph numbers of this order's Vietnamese letters above ASCII.
    pub(crate) fn letter_glyphs(self) -> Vec<u32> {
        match self {
            GlyphOrder::Regular => GLYPHS.iter().map(|&(g, _)| g).collect(),
            GlyphOrder::Italic => ITALIC_BLOCKS
                .iter()
                .flat_map(|&(first, last)| first..=last)
                .collect(),
        }
    }
}

/// The letter whose glyph number is `cp`, if any: ASCII below 98 (code − 29 → letter), then
/// the table.
fn letter_of_glyph(cp: u32) -> Option<char> {
    // white space is never a glyph number: extraction writes spaces and line breaks itself
    if matches!(cp, 9 | 10 | 13 | 32) {
        return None;
    }
    if (3..98).contains(&cp) {
        return char::from_u32(cp + 29);
    }
    // (the table ends in the Cyrillic block: the Vietnamese letters above it, the commonest
    // characters asked, are never searched for)
    if GLYPHS.last().is_some_and(|&(last, _)| cp > last) {
        return None;
    }
    GLYPHS
        .binary_search_by_key(&cp, |&(g, _)| g)
        .ok()
        .map(|i| GLYPHS[i].1)
}

/// A character that can only be a glyph number in Vietnamese text: a table entry at U+00FF or
/// above (`ÿ` for `đ`, `Ĉ` for `Đ`, the Cyrillic block for the toned letters).
fn is_signal(c: char) -> bool {
    let cp = c as u32;
    cp >= 0xFF && letter_of_glyph(cp).is_some_and(|l| l != c)
}

/// Whether a line holds a character that stands for a glyph number.
pub(crate) fn has_signal(line: &str) -> bool {
    line.chars().any(is_signal)
}

/// Whether a text reads as glyph numbers: enough signal characters in the Cyrillic block, and
/// far more of them than the basic Cyrillic letters of real Russian or Ukrainian text.
pub(crate) fn looks_like_glyph_numbers(text: &str) -> bool {
    let (mut signal, mut cyrillic) = (0usize, 0usize);
    for c in text
        .chars()
        .filter(|&c| ('\u{0400}'..='\u{04FF}').contains(&c))
    {
        if is_signal(c) {
            signal += 1;
        } else {
            cyrillic += 1;
        }
    }
    signal >= 8 && signal > 3 * cyrillic
}

/// Whether a text holds a glyph number of a Vietnamese letter (a signal character) and no
/// letter of the Cyrillic blocks (U+0400–U+052F) that is not one.
pub(crate) fn only_glyph_numbers_in_cyrillic(text: &str) -> bool {
    let mut any = false;
    for c in text.chars().filter(|&c| c as u32 >= 0xFF) {
        if is_signal(c) {
            any = true;
        } else if ('\u{0400}'..='\u{052F}').contains(&c) {
            return false;
        }
    }
    any
}

/// The word with its signal characters read as glyph numbers (`all` = false) or with its
/// ASCII characters read so too (`all` = true).
fn read(word: &str, all: bool) -> String {
    // (Latin-1 letters stand for themselves either way: `à`, `ô` come out right in both)
    word.chars()
        .map(|c| {
            if (all && c.is_ascii()) || is_signal(c) {
                letter_of_glyph(c as u32).unwrap_or(c)
            } else {
                c
            }
        })
        .collect()
}

/// Punctuation that may stand around a word.
fn is_punct(c: char) -> bool {
    matches!(
        c,
        ',' | '.' | ';' | ':' | '(' | ')' | '"' | '\'' | '“' | '”' | '!' | '?' | '/' | '-'
    )
}

/// A word of syllables (`Quyết`, `SỞ`, `(để`), punctuation around it allowed, in small
/// letters, in capitals or capitalised (`nghÉ`, `sởI` are no reading).
fn reads_well(w: &str) -> bool {
    let c = w.trim_matches(|c: char| c.is_whitespace() || is_punct(c));
    let cased = {
        let mut cs = c.chars().filter(|&c| crate::viet::is_letter(c));
        let first_upper = cs.next().is_some_and(char::is_uppercase);
        let rest: Vec<char> = cs.collect();
        rest.iter().all(|c| c.is_lowercase())
            || first_upper && rest.iter().all(|c| c.is_uppercase())
    };
    !c.is_empty() && cased && c.split('-').all(is_syllable)
}

/// Two to eight capitals and nothing else (`UBND`, `QĐSCT`), punctuation around allowed.
fn is_abbreviation(w: &str) -> bool {
    let c = w.trim_matches(is_punct);
    (2..=8).contains(&c.chars().count()) && c.chars().all(|c| c.is_uppercase())
}

/// The letters of a reading, punctuation left out.
fn letters(w: &str) -> String {
    w.chars().filter(|c| c.is_alphanumeric()).collect()
}

/// Read one line that holds glyph numbers. Returns the line and how many words changed.
///
/// Each word is read both ways. A word that makes a syllable only one way is read that way;
/// a word that makes one both ways (`Vӕ`: `Vố` or `số`) is read in small letters, unless a
/// capital is in its place: at the start of a line or a sentence, or after a capitalised word.
pub(crate) fn read_line(line: &str) -> (String, usize) {
    // a line without a signal may still hold words written wholly as glyph numbers (`9Ă1` for
    // `VĂN`): only those that make no syllable as they stand are read
    let signal_line = line.chars().any(is_signal);
    #[derive(Clone, Copy, PartialEq)]
    enum Way {
        Mixed,
        Whole,
        Either,
        Neither,
    }
    let body = line.trim_end_matches(['\n', '\r']);
    let eol = &line[body.len()..];
    let words: Vec<&str> = body.split(' ').collect();
    let readings: Vec<(String, String)> = words
        .iter()
        .map(|w| (read(w, false), read(w, true)))
        .collect();
    let has_signal: Vec<bool> = words.iter().map(|w| w.chars().any(is_signal)).collect();
    let mut ways: Vec<Way> = Vec::with_capacity(words.len());
    for (k, (word, (m, w))) in words.iter().zip(&readings).enumerate() {
        let way = if word
            .chars()
            .all(|c| c.is_ascii_digit() || matches!(c, '.' | ',' | '/' | ':' | '-'))
        {
            // a number is a number (`8`, `09/8/2024,` are no glyphs of `U`, `…`)
            Way::Neither
        } else if word.chars().all(|c| c.is_ascii_alphabetic() || is_punct(c))
            && !(k > 0 && (has_signal[k - 1] || ways[k - 1] == Way::Whole)
                || has_signal.get(k + 1).copied().unwrap_or(false))
        {
            // a word of plain ASCII letters (`KD`, `FKR`) is read as glyph numbers only next
            // to a word that surely is (an abbreviation stays an abbreviation elsewhere)
            Way::Mixed
        } else if is_abbreviation(w) && !reads_well(m) && m.chars().any(|c| !c.is_alphabetic()) {
            // an abbreviation written wholly as glyph numbers (`8%1'` for `UBND`): capitals
            // one way, symbols the other
            Way::Whole
        } else {
            match (reads_well(m), reads_well(w)) {
                // the same letters either way: only punctuation would change
                (true, true) if letters(m) == letters(w) => Way::Mixed,
                (true, false) => Way::Mixed,
                (false, true) => Way::Whole,
                (true, true) => Way::Either,
                (false, false) => Way::Neither,
            }
        };
        ways.push(way);
    }
    let mut out = String::with_capacity(line.len());
    let mut changed = 0;
    // the word before, as it was read
    let mut prev: Option<String> = None;
    // whether the word before was kept as it stands, holding no signal
    let mut prev_stands = false;
    for (k, word) in words.iter().enumerate() {
        if k > 0 {
            out.push(' ');
        }
        let after_stop = prev.as_deref().is_none_or(|p| {
            p.ends_with(['.', ':', ';', '!', '?']) || !p.chars().any(char::is_alphanumeric)
        });
        let after_capital = prev
            .as_deref()
            .is_some_and(|p| p.starts_with(char::is_uppercase));
        // (read as glyph numbers, such a word is in small letters, as most words are; read as
        // it stands it has a capital in the middle of a sentence)
        let way = match ways[k] {
            // a capital is normal at the start of a line or a sentence
            Way::Either if after_stop || !signal_line => Way::Mixed,
            // a word without a signal after a word that stands as it is (`thông Yên`: a run
            // of text set in a font with a Unicode map) stands as it is too
            Way::Either if !has_signal[k] && prev_stands => Way::Mixed,
            // and inside a name (`Phạm Vũ`)
            Way::Either if after_capital => Way::Mixed,
            Way::Either => Way::Whole,
            w => w,
        };
        let pick: &str = match way {
            Way::Whole => &readings[k].1,
            // a signal is read even when the word makes no syllable either way
            Way::Neither if signal_line && word.chars().any(is_signal) => &readings[k].0,
            Way::Neither => word,
            _ => &readings[k].0,
        };
        if pick != *word {
            changed += 1;
        }
        if !pick.is_empty() {
            prev_stands = pick == *word && !has_signal[k] && way != Way::Whole;
        }
        out.push_str(pick);
        if !pick.is_empty() {
            prev = Some(pick.to_string());
        }
    }
    out.push_str(eol);
    (out, changed)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_glyph_table_is_sorted() {
        assert!(GLYPHS.windows(2).all(|w| w[0].0 < w[1].0));
    }

    #[test]
    fn table_is_sorted_and_holds_every_letter_once() {
        assert!(GLYPHS.windows(2).all(|w| w[0].0 < w[1].0));
        let mut letters: Vec<char> = GLYPHS.iter().map(|g| g.1).collect();
        letters.sort_unstable();
        letters.dedup();
        assert_eq!(letters.len(), GLYPHS.len());
        // the toned letters of U+1EA0–U+1EF1 run on from glyph 1188 in Unicode order
        for (g, c) in GLYPHS.iter().filter(|g| (1188..1258).contains(&g.0)) {
            assert_eq!(*g + 6652, *c as u32);
        }
    }

    #[test]
    fn words_come_back() {
        assert_eq!(read_line("6Ӣ CÔNG THѬѪNG").0, "SỞ CÔNG THƯƠNG");
        assert_eq!(read_line("UBND 7ӌ1+ LÀO CAI").0, "UBND TỈNH LÀO CAI");
        assert_eq!(read_line("quy ÿӏnh và ÿӏQK FӫD").0, "quy định và định của");
        assert_eq!(read_line("4X\\ӃW ÿӏQK Vӕ").0, "Quyết định số");
        assert_eq!(read_line("&Ӝ1* HÒA").0, "CỘNG HÒA");
        // a line without a signal: only words that make no syllable as they stand
        assert_eq!(read_line("9Ă1 PHÒNG").0, "VĂN PHÒNG");
        assert_eq!(read_line("Ho Chi Minh UBND").1, 0);
        assert_eq!(
            read_line("Phòng KD và ÿӏQK theo KH").0,
            "Phòng KD và định theo KH"
        );
        assert_eq!(read_line("ÿӏQK FӫD FKR Yj").0, "định của cho và");
        assert_eq!(
            read_line("Kính JӱL 6ӣ Công 7KѭѫQJ").0,
            "Kính gửi Sở Công Thương"
        );
        // a word that reads both ways, after one that stands as it is
        assert_eq!(
            read_line("giao thông Yên Bái (Gói th\u{4AB}u").0,
            "giao thông Yên Bái (Gói thầu"
        );
    }

    #[test]
    fn a_few_glyph_numbers_among_letters() {
        // a PDF whose fonts map all but a few letters: `CỘNG` written `CӜNG`
        assert!(only_glyph_numbers_in_cyrillic(
            "UBND TỈNH LÀO CAI\tCӜNG HÒA"
        ));
        assert!(!looks_like_glyph_numbers("UBND TỈNH LÀO CAI\tCӜNG HÒA"));
        // a real Cyrillic letter beside it: not certain
        assert!(!only_glyph_numbers_in_cyrillic("CӜNG Москва"));
        assert!(!only_glyph_numbers_in_cyrillic("CỘNG HÒA"));
    }

    #[test]
    fn russian_is_no_glyph_text() {
        assert!(!looks_like_glyph_numbers(
            "Москва — столица России, крупнейший город страны"
        ));
        assert!(looks_like_glyph_numbers(
            "ÿӏQK FӫD phÆp OXұW YLӋF FKҩS hành Vӱ GөQJ YұW OLӋX Qә công QJKLӋS"
        ));
    }
}
