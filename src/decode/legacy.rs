//! Bảng mã cũ — the legacy Vietnamese 8-bit encodings that pre-Unicode documents are still
//! found in: TCVN3 (a.k.a. ABC, VSCII-3 of TCVN 5712:1993, the `.VnTime` fonts), VNI-Windows
//! (the `VNI-Times` fonts) and VISCII (RFC 1456), as tables, plus the Windows-1252 view those
//! bytes take when a program reads them as Western text (mojibake such as `bé tµi chÝnh`).
//!
//! All three keep ASCII. A byte that an encoding leaves unassigned decodes as the Windows-1252
//! character at that byte (the `.VnTime` and `VNI` fonts are Windows-1252 fonts, so Word wrote
//! `“ ” – …` there), which makes [`Legacy::decode`] total and lets punctuation survive.
//!
//! ```
//! use vanban::legacy::{Legacy, cp1252_bytes};
//! // TCVN3 bytes that were read as Windows-1252 and saved as UTF-8
//! let bytes = cp1252_bytes("bé tµi chÝnh").unwrap();
//! assert_eq!(Legacy::Tcvn3.decode(&bytes), "bộ tài chính");
//! assert_eq!(Legacy::Vni.decode(&cp1252_bytes("chaøo caùc baïn").unwrap()), "chào các bạn");
//! ```

use std::collections::HashMap;
use std::sync::OnceLock;

/// A legacy Vietnamese 8-bit encoding.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Legacy {
    /// TCVN3 / ABC (VSCII-3, TCVN 5712:1993 VN3): one byte a letter, lower-case toned letters
    /// only; capitals with a tone are written with the lower-case codes in an all-capitals font
    /// (`.VnTimeH`).
    Tcvn3,
    /// VNI-Windows: an ASCII base letter followed by one modifier byte for the tone and/or shape
    /// (`aø` = à, `aá` = ấ), with single bytes for đ ơ ư, the i-family and ỵ.
    Vni,
    /// VISCII (RFC 1456): one byte a letter, all 134 letters, six of them in C0 control positions.
    Viscii,
}

impl Legacy {
    /// All three, in the order a detector tries them.
    pub const ALL: [Legacy; 3] = [Legacy::Tcvn3, Legacy::Vni, Legacy::Viscii];

    /// The encoding's name: `tcvn3`, `vni`, `viscii`.
    pub fn name(self) -> &'static str {
        match self {
            Legacy::Tcvn3 => "tcvn3",
            Legacy::Vni => "vni",
            Legacy::Viscii => "viscii",
        }
    }

    /// Decode raw bytes (ASCII passes through; VNI combines a base letter with the following
    /// modifier byte into one precomposed NFC letter). Never fails: a byte the encoding does not
    /// assign decodes as its Windows-1252 character (the five bytes Windows-1252 leaves undefined
    /// as U+0081, U+008D, U+008F, U+0090, U+009D).
    ///
    /// So a Windows-1252 letter at an unassigned byte comes out as itself and encodes back as the
    /// encoding's own code for it: TCVN3 0xC0 0xC1 0xC2 0xC3 0xCD 0xD9 0xDA 0xE0 (VSCII-1's
    /// capitals with tones, absent from VSCII-3) read `À Á Â Ã Í Ù Ú à`; a VNI modifier byte with
    /// no base before it reads as its Windows-1252 letter (`á`, 0xE1).
    ///
    /// VNI is read leniently in one respect: a modifier byte of the other case than its base
    /// (`Aù`) still combines, and the base decides the case of the letter.
    ///
    /// ```
    /// use vanban::Legacy;
    /// assert_eq!(Legacy::Viscii.decode(b"Vi\xAEt Nam"), "Việt Nam");
    /// assert_eq!(Legacy::Vni.decode(b"Vie\xE4t Nam"), "Việt Nam");
    /// assert_eq!(Legacy::Tcvn3.decode(b"Vi\xD6t Nam"), "Việt Nam");
    /// ```
    pub fn decode(self, bytes: &[u8]) -> String {
        let mut out = String::with_capacity(bytes.len() + bytes.len() / 2);
        out.extend(self.chars(bytes));
        out
    }

    /// The characters `bytes` decode to, one by one (what [`Legacy::decode`] collects): a
    /// reading can be scored without being written out.
    pub(crate) fn chars(self, bytes: &[u8]) -> impl Iterator<Item = char> + '_ {
        let m = maps(self);
        let mut i = 0;
        std::iter::from_fn(move || {
            let b = *bytes.get(i)?;
            if let Some(&next) = bytes.get(i + 1)
                && let Some(c) = m.pair(b, next)
            {
                i += 2;
                return Some(c);
            }
            i += 1;
            Some(m.single[b as usize].unwrap_or_else(|| cp1252_char(b)))
        })
    }

    /// Encode NFC text; `None` if some character has no representation.
    ///
    /// Representable are ASCII (in VISCII, except the six C0 controls it reassigns), the 134
    /// Vietnamese letters, and any other Windows-1252 character whose byte the encoding leaves
    /// unassigned (so `“ ” – …` survive in TCVN3 and VNI, not in VISCII, which assigns all of
    /// 0x80–0xFF). Combining marks are not representable: pass NFC text.
    ///
    /// TCVN3 has no capitals with a tone mark (beyond ASCII its only capitals are Ă Â Ê Ô Ơ Ư
    /// Đ): a capital with a tone (`Ấ`, `À`) is written with the code of its lower-case letter
    /// (`ấ` 0xCA, `à` 0xB5), which is what a document set in a `.VnTimeH` all-capitals font
    /// holds. Decoding gives the lower-case letter back (`QUYếT ĐịNH`); restoring the capitals is
    /// the caller's business.
    ///
    /// In VNI, a Windows-1252 character whose byte is a modifier (`ø` is 0xF8, the grave) is
    /// refused right after a base letter that it would combine with.
    ///
    /// ```
    /// use vanban::Legacy;
    /// assert_eq!(Legacy::Vni.encode("Việt").unwrap(), b"Vie\xE4t");
    /// assert_eq!(Legacy::Tcvn3.encode("VIỆT").unwrap(), b"VI\xD6T");
    /// assert_eq!(Legacy::Viscii.encode("“Việt”"), None);
    /// ```
    pub fn encode(self, text: &str) -> Option<Vec<u8>> {
        let m = maps(self);
        let mut out = Vec::with_capacity(text.len());
        for c in text.chars() {
            if let Some(bytes) = m.enc.get(&c) {
                out.extend_from_slice(bytes);
                continue;
            }
            if self == Legacy::Tcvn3
                && let Some(bytes) = single_lower(c).and_then(|l| m.enc.get(&l))
            {
                out.extend_from_slice(bytes);
                continue;
            }
            let b = cp1252_byte(c)?;
            if m.single[b as usize].is_some() {
                return None;
            }
            if out.last().is_some_and(|&prev| m.pair(prev, b).is_some()) {
                return None;
            }
            out.push(b);
        }
        Some(out)
    }
}

/// The lower-case of a letter when it is one character.
fn single_lower(c: char) -> Option<char> {
    let mut l = c.to_lowercase();
    match (l.next(), l.next()) {
        (Some(l), None) if l != c => Some(l),
        _ => None,
    }
}

/// The lookup structures of one encoding, built once from its table.
struct Maps {
    /// Byte → letter, for the letters that are one byte.
    single: [Option<char>; 256],
    /// Letter → bytes.
    enc: HashMap<char, &'static [u8]>,
    /// Base byte and modifier byte (0xC0–0xFF) → letter (VNI only; empty otherwise), at
    /// `base * 64 + (modifier - 0xC0)`: a table, as the pairs are looked up at every byte.
    pairs: Vec<Option<char>>,
}

impl Maps {
    fn build(table: &[(char, &'static [u8])]) -> Maps {
        let mut single = [None; 256];
        let mut enc = HashMap::with_capacity(table.len());
        let mut pairs = Vec::new();
        for &(c, bytes) in table {
            match *bytes {
                [b] => single[b as usize] = Some(c),
                [b, m] => Self::add_pair(&mut pairs, b, m, c),
                _ => unreachable!("legacy table entries are one or two bytes"),
            }
            enc.insert(c, bytes);
        }
        Maps { single, enc, pairs }
    }

    /// Enter the letter of a base byte and a modifier byte.
    fn add_pair(pairs: &mut Vec<Option<char>>, base: u8, modifier: u8, c: char) {
        assert!(modifier >= 0xC0, "VNI modifier bytes are 0xC0-0xFF");
        if pairs.is_empty() {
            pairs.resize(256 * 64, None);
        }
        pairs[base as usize * 64 + (modifier - 0xC0) as usize] = Some(c);
    }

    /// The modifier's other case form (`modifier ^ 0x20`) reads as the table's wherever the
    /// table has no pair of its own for it.
    fn fill_other_case(&mut self) {
        if self.pairs.is_empty() {
            return;
        }
        let given = self.pairs.clone();
        for (k, slot) in self.pairs.iter_mut().enumerate() {
            if slot.is_none() {
                *slot = given[k ^ 0x20];
            }
        }
    }

    /// The letter a base byte and the byte after it make together, if they do. VNI modifier
    /// bytes come in a lower-case (0xE0–0xFF) and an upper-case (0xC0–0xDF) form; the other
    /// form than the table's is accepted too.
    fn pair(&self, base: u8, modifier: u8) -> Option<char> {
        if self.pairs.is_empty() || modifier < 0xC0 {
            return None;
        }
        self.pairs[base as usize * 64 + (modifier - 0xC0) as usize]
    }
}

fn maps(enc: Legacy) -> &'static Maps {
    static TCVN3: OnceLock<Maps> = OnceLock::new();
    static VNI: OnceLock<Maps> = OnceLock::new();
    static VISCII: OnceLock<Maps> = OnceLock::new();
    fn one_byte(table: &'static [(u8, char)]) -> Vec<(char, &'static [u8])> {
        table
            .iter()
            .map(|(b, c)| (*c, std::slice::from_ref(b)))
            .collect()
    }
    match enc {
        Legacy::Tcvn3 => TCVN3.get_or_init(|| Maps::build(&one_byte(TCVN3_TABLE))),
        Legacy::Vni => VNI.get_or_init(|| {
            let mut m = Maps::build(VNI_TABLE);
            for &([base, modifier], c) in VNI_I_TONES {
                Maps::add_pair(&mut m.pairs, base, modifier, c);
            }
            m.fill_other_case();
            m
        }),
        Legacy::Viscii => VISCII.get_or_init(|| Maps::build(&one_byte(VISCII_TABLE))),
    }
}

/// The byte a character stands for when 8-bit text was wrongly decoded as Windows-1252
/// (with the five undefined bytes 0x81 0x8D 0x8F 0x90 0x9D read as U+0081… as Latin-1 decoders do), or None.
pub fn cp1252_byte(c: char) -> Option<u8> {
    let u = c as u32;
    if u < 0x80 || (0xA0..=0xFF).contains(&u) {
        return Some(u as u8);
    }
    CP1252_80_9F
        .iter()
        .position(|&h| h == c)
        .map(|i| 0x80 + i as u8)
}

/// Re-encode a string that was produced by decoding 8-bit bytes as Windows-1252 back to those bytes; None if any char is not such a char.
pub fn cp1252_bytes(s: &str) -> Option<Vec<u8>> {
    s.chars().map(cp1252_byte).collect()
}

/// The character Windows-1252 gives a byte (the five undefined bytes as the C1 controls).
pub(crate) fn cp1252_char(b: u8) -> char {
    match b {
        0x80..=0x9F => CP1252_80_9F[(b - 0x80) as usize],
        _ => b as char,
    }
}

/// Windows-1252, bytes 0x80–0x9F (0xA0–0xFF are Latin-1). From the Unicode Consortium's
/// mapping `MAPPINGS/VENDORS/MICSFT/WINDOWS/CP1252.TXT`, checked against Python's `cp1252`
/// codec; the undefined 0x81 0x8D 0x8F 0x90 0x9D map to the C1 controls of the same number,
/// as the WHATWG `windows-1252` decoder does.
#[rustfmt::skip]
const CP1252_80_9F: [char; 32] = [
    '\u{20AC}', '\u{0081}', '\u{201A}', '\u{0192}', '\u{201E}', '\u{2026}', '\u{2020}', '\u{2021}',
    '\u{02C6}', '\u{2030}', '\u{0160}', '\u{2039}', '\u{0152}', '\u{008D}', '\u{017D}', '\u{008F}',
    '\u{0090}', '\u{2018}', '\u{2019}', '\u{201C}', '\u{201D}', '\u{2022}', '\u{2013}', '\u{2014}',
    '\u{02DC}', '\u{2122}', '\u{0161}', '\u{203A}', '\u{0153}', '\u{009D}', '\u{017E}', '\u{0178}',
];

/// TCVN3 (VSCII-3 = TCVN 5712:1993 "VN3"): 0x00–0x7F ASCII; the 74 letters below; 0xA0 no-break
/// space (as in Windows-1252, so not listed). Everything else is unassigned.
///
/// Provenance (each table cross-checked by script; all sources agree on every listed byte):
/// - glibc `localedata/charmaps/TCVN5712-1` (VSCII-1, the full TCVN 5712:1993 set, whose
///   0xA0–0xFF half VSCII-3 shares): the 67 lower-case letters and Ă Â Ê Ô Ơ Ư Đ were taken from
///   it; its upper-case toned letters (0xAF, 0xBA, 0xBF–0xC5, 0xCD, 0xD9–0xDB, 0xE0, 0xF0, 0xFF)
///   and combining marks (0xB0–0xB4) are not part of VSCII-3 and were left out.
/// - Wikipedia, "VSCII" (en.wikipedia.org/wiki/Vietnamese_Standard_Code_for_Information_Interchange):
///   VSCII-3 adds exactly 75 characters to ASCII — 67 lower-case letters, 7 upper-case base
///   letters, the no-break space — which is the repertoire here; capitals with tones come from an
///   all-capitals font.
/// - duydev/vietnamese-conversion `src/charsets.ts` (MIT), the `TCVN3` array: agrees on all 74;
///   its entry for ư is empty in the stored copy (the soft hyphen 0xAD was lost); 0xAD = ư is
///   from glibc and confirmed by real `.VnTime` text (`tr­ëng` = trưởng, corpus files 072/076).
/// - khiemdoan/VBKey `Modules/mdlCodeTable.bas`, `TCVN3_TABLE`: agrees on all 134 letters
///   under the policy of [`Legacy::encode`] (capitals with tones → lower-case codes).
/// - "Bảng đối chiếu encoding các bộ chữ hiện hành với Unicode" (scribd.com/document/23311958)
///   and "Unicode & Vietnamese Legacy Character Encodings" (dothanhlong.org): spot checks of the
///   a-, e-, i-rows agree.
#[rustfmt::skip]
const TCVN3_TABLE: &[(u8, char)] = &[
    (0xA1, 'Ă'), (0xA2, 'Â'), (0xA3, 'Ê'), (0xA4, 'Ô'), (0xA5, 'Ơ'), (0xA6, 'Ư'),
    (0xA7, 'Đ'), (0xA8, 'ă'), (0xA9, 'â'), (0xAA, 'ê'), (0xAB, 'ô'), (0xAC, 'ơ'),
    (0xAD, 'ư'), (0xAE, 'đ'), (0xB5, 'à'), (0xB6, 'ả'), (0xB7, 'ã'), (0xB8, 'á'),
    (0xB9, 'ạ'), (0xBB, 'ằ'), (0xBC, 'ẳ'), (0xBD, 'ẵ'), (0xBE, 'ắ'), (0xC6, 'ặ'),
    (0xC7, 'ầ'), (0xC8, 'ẩ'), (0xC9, 'ẫ'), (0xCA, 'ấ'), (0xCB, 'ậ'), (0xCC, 'è'),
    (0xCE, 'ẻ'), (0xCF, 'ẽ'), (0xD0, 'é'), (0xD1, 'ẹ'), (0xD2, 'ề'), (0xD3, 'ể'),
    (0xD4, 'ễ'), (0xD5, 'ế'), (0xD6, 'ệ'), (0xD7, 'ì'), (0xD8, 'ỉ'), (0xDC, 'ĩ'),
    (0xDD, 'í'), (0xDE, 'ị'), (0xDF, 'ò'), (0xE1, 'ỏ'), (0xE2, 'õ'), (0xE3, 'ó'),
    (0xE4, 'ọ'), (0xE5, 'ồ'), (0xE6, 'ổ'), (0xE7, 'ỗ'), (0xE8, 'ố'), (0xE9, 'ộ'),
    (0xEA, 'ờ'), (0xEB, 'ở'), (0xEC, 'ỡ'), (0xED, 'ớ'), (0xEE, 'ợ'), (0xEF, 'ù'),
    (0xF1, 'ủ'), (0xF2, 'ũ'), (0xF3, 'ú'), (0xF4, 'ụ'), (0xF5, 'ừ'), (0xF6, 'ử'),
    (0xF7, 'ữ'), (0xF8, 'ứ'), (0xF9, 'ự'), (0xFA, 'ỳ'), (0xFB, 'ỷ'), (0xFC, 'ỹ'),
    (0xFD, 'ý'), (0xFE, 'ỵ'),
];

/// VISCII 1.1 (RFC 1456): 0x00–0x7F ASCII except the six C0 positions 0x02 0x05 0x06 0x14 0x19
/// 0x1E; every byte 0x80–0xFF is a letter.
///
/// Provenance (cross-checked by script):
/// - glibc `localedata/charmaps/VISCII`: the table was taken from it (all 134 letters).
/// - RFC 1456, Table 1 "VISCII 8-bit Encoding Table (v1.1)", in VIQR mnemonics
///   (rfc-editor.org/rfc/rfc1456; stored copy at elook.org/computing/rfc/rfc1456.html): the rows
///   x0–xB, xE, xF of columns 8x–Fx and the C0 letters agree; rows 8x and 9x also agree with the
///   Viet-Std group's chart (vietstd.sourceforge.net/document/viscii1.htm).
/// - Perl `Encode` (`viscii`, Encode::Byte): agrees on all 256 bytes.
/// - Wikipedia, "VISCII" (vi.wikipedia.org/wiki/VISCII): C0 letters Ẳ Ẵ Ẫ Ỷ Ỹ Ỵ agree.
/// - khiemdoan/VBKey `VISCII_TABLE` disagrees on 7 letters: it writes Ẳ Ẵ Ẫ Ỷ Ỹ Ỵ Õ with the codes
///   of their lower-case letters, avoiding the C0 positions and 0xA0; RFC 1456, glibc and Perl
///   agree on the standard positions, which are used here.
#[rustfmt::skip]
const VISCII_TABLE: &[(u8, char)] = &[
    (0x02, 'Ẳ'), (0x05, 'Ẵ'), (0x06, 'Ẫ'), (0x14, 'Ỷ'), (0x19, 'Ỹ'), (0x1E, 'Ỵ'),
    (0x80, 'Ạ'), (0x81, 'Ắ'), (0x82, 'Ằ'), (0x83, 'Ặ'), (0x84, 'Ấ'), (0x85, 'Ầ'),
    (0x86, 'Ẩ'), (0x87, 'Ậ'), (0x88, 'Ẽ'), (0x89, 'Ẹ'), (0x8A, 'Ế'), (0x8B, 'Ề'),
    (0x8C, 'Ể'), (0x8D, 'Ễ'), (0x8E, 'Ệ'), (0x8F, 'Ố'), (0x90, 'Ồ'), (0x91, 'Ổ'),
    (0x92, 'Ỗ'), (0x93, 'Ộ'), (0x94, 'Ợ'), (0x95, 'Ớ'), (0x96, 'Ờ'), (0x97, 'Ở'),
    (0x98, 'Ị'), (0x99, 'Ỏ'), (0x9A, 'Ọ'), (0x9B, 'Ỉ'), (0x9C, 'Ủ'), (0x9D, 'Ũ'),
    (0x9E, 'Ụ'), (0x9F, 'Ỳ'), (0xA0, 'Õ'), (0xA1, 'ắ'), (0xA2, 'ằ'), (0xA3, 'ặ'),
    (0xA4, 'ấ'), (0xA5, 'ầ'), (0xA6, 'ẩ'), (0xA7, 'ậ'), (0xA8, 'ẽ'), (0xA9, 'ẹ'),
    (0xAA, 'ế'), (0xAB, 'ề'), (0xAC, 'ể'), (0xAD, 'ễ'), (0xAE, 'ệ'), (0xAF, 'ố'),
    (0xB0, 'ồ'), (0xB1, 'ổ'), (0xB2, 'ỗ'), (0xB3, 'Ỡ'), (0xB4, 'Ơ'), (0xB5, 'ộ'),
    (0xB6, 'ờ'), (0xB7, 'ở'), (0xB8, 'ị'), (0xB9, 'Ự'), (0xBA, 'Ứ'), (0xBB, 'Ừ'),
    (0xBC, 'Ử'), (0xBD, 'ơ'), (0xBE, 'ớ'), (0xBF, 'Ư'), (0xC0, 'À'), (0xC1, 'Á'),
    (0xC2, 'Â'), (0xC3, 'Ã'), (0xC4, 'Ả'), (0xC5, 'Ă'), (0xC6, 'ẳ'), (0xC7, 'ẵ'),
    (0xC8, 'È'), (0xC9, 'É'), (0xCA, 'Ê'), (0xCB, 'Ẻ'), (0xCC, 'Ì'), (0xCD, 'Í'),
    (0xCE, 'Ĩ'), (0xCF, 'ỳ'), (0xD0, 'Đ'), (0xD1, 'ứ'), (0xD2, 'Ò'), (0xD3, 'Ó'),
    (0xD4, 'Ô'), (0xD5, 'ạ'), (0xD6, 'ỷ'), (0xD7, 'ừ'), (0xD8, 'ử'), (0xD9, 'Ù'),
    (0xDA, 'Ú'), (0xDB, 'ỹ'), (0xDC, 'ỵ'), (0xDD, 'Ý'), (0xDE, 'ỡ'), (0xDF, 'ư'),
    (0xE0, 'à'), (0xE1, 'á'), (0xE2, 'â'), (0xE3, 'ã'), (0xE4, 'ả'), (0xE5, 'ă'),
    (0xE6, 'ữ'), (0xE7, 'ẫ'), (0xE8, 'è'), (0xE9, 'é'), (0xEA, 'ê'), (0xEB, 'ẻ'),
    (0xEC, 'ì'), (0xED, 'í'), (0xEE, 'ĩ'), (0xEF, 'ỉ'), (0xF0, 'đ'), (0xF1, 'ự'),
    (0xF2, 'ò'), (0xF3, 'ó'), (0xF4, 'ô'), (0xF5, 'õ'), (0xF6, 'ỏ'), (0xF7, 'ọ'),
    (0xF8, 'ụ'), (0xF9, 'ù'), (0xFA, 'ú'), (0xFB, 'ũ'), (0xFC, 'ủ'), (0xFD, 'ý'),
    (0xFE, 'ợ'), (0xFF, 'Ữ'),
];

/// VNI-Windows: a base letter (ASCII a e o u y, or ơ ư, which are single bytes) then one modifier
/// byte. Modifiers, lower-case / upper-case form: acute F9/D9, grave F8/D8, hook FB/DB, tilde
/// F5/D5, dot below EF/CF; circumflex E2/C2 and with acute E1/C1, grave E0/C0, hook E5/C5, tilde
/// E3/C3, dot E4/C4; breve EA/CA and with acute E9/C9, grave E8/C8, hook FA/DA, tilde FC/DC, dot
/// EB/CB. Single bytes: đ F1, Đ D1, ơ F4, Ơ D4, ư F6, Ư D6, í ED, ì EC, ỉ E6, ĩ F3, ị F2 (capitals
/// 0x20 lower), ỵ EE, Ỵ CE. In the Windows-1252 view: `aø` à, `aâ` â, `AÂ` Â, `ñ` đ, `ô` ơ, `ö` ư.
///
/// Provenance (cross-checked by script; no disagreement between the sources):
/// - duydev/vietnamese-conversion `src/charsets.ts` (MIT), the `VNI` array: all 134 agree.
/// - khiemdoan/VBKey `Modules/mdlCodeTable.bas`, `VNI_WINDOWS_TABLE`: all 134 agree.
/// - "Bảng đối chiếu encoding các bộ chữ hiện hành với Unicode" (scribd.com/document/23311958):
///   the a-, e-, i-rows agree; "Unicode & Vietnamese Legacy Character Encodings"
///   (dothanhlong.org/unicode-va-ma-hoa-ky-tu-cu-cua-viet-nam): À Á Â Ã È É Ê Ì Í à á â ã è é agree.
/// - Real VNI text (corpus file 077, `COÄNG HOAØ XAÕ HOÄI CHUÛ NGHÓA VIEÄT NAM`).
#[rustfmt::skip]
const VNI_TABLE: &[(char, &[u8])] = &[
    ('á', b"a\xF9"), ('à', b"a\xF8"), ('ả', b"a\xFB"), ('ã', b"a\xF5"), ('ạ', b"a\xEF"),
    ('ă', b"a\xEA"), ('ắ', b"a\xE9"), ('ằ', b"a\xE8"), ('ẳ', b"a\xFA"), ('ẵ', b"a\xFC"), ('ặ', b"a\xEB"),
    ('â', b"a\xE2"), ('ấ', b"a\xE1"), ('ầ', b"a\xE0"), ('ẩ', b"a\xE5"), ('ẫ', b"a\xE3"), ('ậ', b"a\xE4"),
    ('é', b"e\xF9"), ('è', b"e\xF8"), ('ẻ', b"e\xFB"), ('ẽ', b"e\xF5"), ('ẹ', b"e\xEF"),
    ('ê', b"e\xE2"), ('ế', b"e\xE1"), ('ề', b"e\xE0"), ('ể', b"e\xE5"), ('ễ', b"e\xE3"), ('ệ', b"e\xE4"),
    ('í', b"\xED"), ('ì', b"\xEC"), ('ỉ', b"\xE6"), ('ĩ', b"\xF3"), ('ị', b"\xF2"),
    ('ó', b"o\xF9"), ('ò', b"o\xF8"), ('ỏ', b"o\xFB"), ('õ', b"o\xF5"), ('ọ', b"o\xEF"),
    ('ô', b"o\xE2"), ('ố', b"o\xE1"), ('ồ', b"o\xE0"), ('ổ', b"o\xE5"), ('ỗ', b"o\xE3"), ('ộ', b"o\xE4"),
    ('ơ', b"\xF4"), ('ớ', b"\xF4\xF9"), ('ờ', b"\xF4\xF8"), ('ở', b"\xF4\xFB"), ('ỡ', b"\xF4\xF5"), ('ợ', b"\xF4\xEF"),
    ('ú', b"u\xF9"), ('ù', b"u\xF8"), ('ủ', b"u\xFB"), ('ũ', b"u\xF5"), ('ụ', b"u\xEF"),
    ('ư', b"\xF6"), ('ứ', b"\xF6\xF9"), ('ừ', b"\xF6\xF8"), ('ử', b"\xF6\xFB"), ('ữ', b"\xF6\xF5"), ('ự', b"\xF6\xEF"),
    ('ý', b"y\xF9"), ('ỳ', b"y\xF8"), ('ỷ', b"y\xFB"), ('ỹ', b"y\xF5"), ('ỵ', b"\xEE"),
    ('Á', b"A\xD9"), ('À', b"A\xD8"), ('Ả', b"A\xDB"), ('Ã', b"A\xD5"), ('Ạ', b"A\xCF"),
    ('Ă', b"A\xCA"), ('Ắ', b"A\xC9"), ('Ằ', b"A\xC8"), ('Ẳ', b"A\xDA"), ('Ẵ', b"A\xDC"), ('Ặ', b"A\xCB"),
    ('Â', b"A\xC2"), ('Ấ', b"A\xC1"), ('Ầ', b"A\xC0"), ('Ẩ', b"A\xC5"), ('Ẫ', b"A\xC3"), ('Ậ', b"A\xC4"),
    ('É', b"E\xD9"), ('È', b"E\xD8"), ('Ẻ', b"E\xDB"), ('Ẽ', b"E\xD5"), ('Ẹ', b"E\xCF"),
    ('Ê', b"E\xC2"), ('Ế', b"E\xC1"), ('Ề', b"E\xC0"), ('Ể', b"E\xC5"), ('Ễ', b"E\xC3"), ('Ệ', b"E\xC4"),
    ('Í', b"\xCD"), ('Ì', b"\xCC"), ('Ỉ', b"\xC6"), ('Ĩ', b"\xD3"), ('Ị', b"\xD2"),
    ('Ó', b"O\xD9"), ('Ò', b"O\xD8"), ('Ỏ', b"O\xDB"), ('Õ', b"O\xD5"), ('Ọ', b"O\xCF"),
    ('Ô', b"O\xC2"), ('Ố', b"O\xC1"), ('Ồ', b"O\xC0"), ('Ổ', b"O\xC5"), ('Ỗ', b"O\xC3"), ('Ộ', b"O\xC4"),
    ('Ơ', b"\xD4"), ('Ớ', b"\xD4\xD9"), ('Ờ', b"\xD4\xD8"), ('Ở', b"\xD4\xDB"), ('Ỡ', b"\xD4\xD5"), ('Ợ', b"\xD4\xCF"),
    ('Ú', b"U\xD9"), ('Ù', b"U\xD8"), ('Ủ', b"U\xDB"), ('Ũ', b"U\xD5"), ('Ụ', b"U\xCF"),
    ('Ư', b"\xD6"), ('Ứ', b"\xD6\xD9"), ('Ừ', b"\xD6\xD8"), ('Ử', b"\xD6\xDB"), ('Ữ', b"\xD6\xD5"), ('Ự', b"\xD6\xCF"),
    ('Ý', b"Y\xD9"), ('Ỳ', b"Y\xD8"), ('Ỷ', b"Y\xDB"), ('Ỹ', b"Y\xD5"), ('Ỵ', b"\xCE"),
    ('đ', b"\xF1"), ('Đ', b"\xD1"),
];

/// VNI's second form of the toned `i` letters, read but never written: the base `i`/`I` then a
/// tone modifier byte, as other vowels take it (`triønh` trình, `Chiù` Chí, `IØ` Ì), where the
/// table has one byte for each. Real VNI files hold both forms (the keyboard driver wrote one or
/// the other).
#[rustfmt::skip]
const VNI_I_TONES: &[([u8; 2], char)] = &[
    (*b"i\xF9", 'í'), (*b"i\xF8", 'ì'), (*b"i\xFB", 'ỉ'), (*b"i\xF5", 'ĩ'), (*b"i\xEF", 'ị'),
    (*b"I\xD9", 'Í'), (*b"I\xD8", 'Ì'), (*b"I\xDB", 'Ỉ'), (*b"I\xD5", 'Ĩ'), (*b"I\xCF", 'Ị'),
];

#[cfg(test)]
mod tests {
    use super::*;
    use unicode_normalization::UnicodeNormalization;

    /// The 134 precomposed Vietnamese letters, found in Unicode: letters whose NFD is a base
    /// a e i o u y with at most one shape mark that Vietnamese puts on that base (â ê ô ă ơ ư)
    /// and at most one of the five tone marks, and at least one mark; plus đ Đ.
    fn vietnamese_letters() -> Vec<char> {
        const TONES: &str = "\u{300}\u{301}\u{303}\u{309}\u{323}";
        let mut out = vec!['đ', 'Đ'];
        for c in ('\u{C0}'..='\u{1EFF}').filter(|c| c.is_alphabetic()) {
            let d: Vec<char> = c.to_string().nfd().collect();
            let base = d[0].to_ascii_lowercase();
            if !"aeiouy".contains(base) || d.len() < 2 {
                continue;
            }
            let marks = &d[1..];
            let shapes: Vec<char> = marks
                .iter()
                .copied()
                .filter(|m| !TONES.contains(*m))
                .collect();
            let tones = marks.len() - shapes.len();
            let shape_ok = match shapes[..] {
                [] => true,
                ['\u{302}'] => "aeo".contains(base),
                ['\u{306}'] => base == 'a',
                ['\u{31B}'] => "ou".contains(base),
                _ => false,
            };
            if shape_ok && tones <= 1 {
                out.push(c);
            }
        }
        out
    }

    #[test]
    fn there_are_134_letters() {
        let l = vietnamese_letters();
        assert_eq!(l.len(), 134);
        assert_eq!(l.iter().filter(|c| c.is_lowercase()).count(), 67);
    }

    #[test]
    fn tables_cover_the_letters_once() {
        let letters = vietnamese_letters();
        for enc in Legacy::ALL {
            let m = maps(enc);
            let mut seen = HashMap::new();
            for (c, bytes) in &m.enc {
                assert!(
                    letters.contains(c),
                    "{}: {c} is not a Vietnamese letter",
                    enc.name()
                );
                assert!(
                    seen.insert(*bytes, *c).is_none(),
                    "{}: bytes {bytes:x?} twice",
                    enc.name()
                );
            }
            let want = match enc {
                Legacy::Tcvn3 => 67 + 7,
                _ => 134,
            };
            assert_eq!(m.enc.len(), want, "{}", enc.name());
        }
    }

    #[test]
    fn round_trip_134_letters() {
        let letters = vietnamese_letters();
        for enc in Legacy::ALL {
            for &c in &letters {
                let s = c.to_string();
                let bytes = enc
                    .encode(&s)
                    .unwrap_or_else(|| panic!("{}: {c} unencodable", enc.name()));
                let back = enc.decode(&bytes);
                let want = if enc == Legacy::Tcvn3 && !"ĂÂÊÔƠƯĐ".contains(c) {
                    s.to_lowercase()
                } else {
                    s.clone()
                };
                assert_eq!(back, want, "{} {c} {bytes:02X?}", enc.name());
                // inside a word, next to ASCII and to other letters
                let word = format!("x{c}y{c}{c}A");
                let want = format!("x{want}y{want}{want}A");
                assert_eq!(
                    enc.decode(&enc.encode(&word).unwrap()),
                    want,
                    "{} {word}",
                    enc.name()
                );
            }
            // all of them in a row
            let all: String = letters.iter().collect();
            let want = if enc == Legacy::Tcvn3 {
                letters
                    .iter()
                    .map(|&c| {
                        if "ĂÂÊÔƠƯĐ".contains(c) {
                            c.to_string()
                        } else {
                            c.to_lowercase().to_string()
                        }
                    })
                    .collect()
            } else {
                all.clone()
            };
            assert_eq!(
                enc.decode(&enc.encode(&all).unwrap()),
                want,
                "{}",
                enc.name()
            );
        }
    }

    /// What decoding and encoding again gives: the text itself, but for TCVN3 with the capitals
    /// that have no code of their own in lower case.
    fn stable(enc: Legacy, text: &str) -> String {
        if enc != Legacy::Tcvn3 {
            return text.to_string();
        }
        let letters = vietnamese_letters();
        text.chars()
            .map(|c| {
                if letters.contains(&c) && !"ĂÂÊÔƠƯĐ".contains(c) {
                    c.to_lowercase().next().unwrap()
                } else {
                    c
                }
            })
            .collect()
    }

    #[test]
    fn any_bytes_decode_to_text_that_encodes_again() {
        let all: Vec<u8> = (0..=255).collect();
        let mut reversed = all.clone();
        reversed.reverse();
        for enc in Legacy::ALL {
            for bytes in [all.clone(), reversed.clone()]
                .into_iter()
                .chain((0..=255u8).map(|b| vec![b]))
            {
                let text = enc.decode(&bytes);
                let again = enc
                    .encode(&text)
                    .unwrap_or_else(|| panic!("{}: {text:?}", enc.name()));
                assert_eq!(
                    enc.decode(&again),
                    stable(enc, &text),
                    "{} {bytes:02X?}",
                    enc.name()
                );
            }
            // bytes that are letters of the table come back as the same bytes
            let m = maps(enc);
            for (b, c) in m
                .single
                .iter()
                .enumerate()
                .filter_map(|(b, c)| c.map(|c| (b, c)))
            {
                assert_eq!(
                    enc.encode(&c.to_string()),
                    Some(vec![b as u8]),
                    "{} {b:02X}",
                    enc.name()
                );
            }
        }
        // TCVN3 and VISCII: every byte whose Windows-1252 character is not a Vietnamese letter
        // round-trips as a byte
        let letters = vietnamese_letters();
        for enc in [Legacy::Tcvn3, Legacy::Viscii] {
            let keep: Vec<u8> = all
                .iter()
                .copied()
                .filter(|&b| !letters.contains(&cp1252_char(b)))
                .collect();
            assert_eq!(enc.encode(&enc.decode(&keep)), Some(keep), "{}", enc.name());
        }
    }

    #[test]
    fn cp1252_view() {
        for b in 0..=255u8 {
            let c = cp1252_char(b);
            assert_eq!(cp1252_byte(c), Some(b), "{b:02X}");
        }
        assert_eq!(cp1252_byte('€'), Some(0x80));
        assert_eq!(cp1252_byte('\u{81}'), Some(0x81));
        assert_eq!(cp1252_byte('“'), Some(0x93));
        assert_eq!(cp1252_byte('\u{AD}'), Some(0xAD));
        assert_eq!(cp1252_byte('\u{80}'), None); // 0x80 is €, not the C1 control
        assert_eq!(cp1252_byte('ộ'), None);
        assert_eq!(cp1252_bytes("Sè: 1"), Some(b"S\xE8: 1".to_vec()));
        assert_eq!(cp1252_bytes("Số: 1"), None);
    }

    fn moji(enc: Legacy, s: &str) -> String {
        enc.decode(&cp1252_bytes(s).expect("a Windows-1252 string"))
    }

    #[test]
    fn tcvn3_real_strings() {
        let t = Legacy::Tcvn3;
        assert_eq!(moji(t, "Uû ban nh©n d©n"), "Uỷ ban nhân dân");
        assert_eq!(moji(t, "bé tµi chÝnh"), "bộ tài chính");
        assert_eq!(
            moji(t, "céng hoµ x· héi chñ nghÜa viÖt nam"),
            "cộng hoà xã hội chủ nghĩa việt nam"
        );
        assert_eq!(
            moji(t, "§éc lËp-Tù do-H¹nh phóc"),
            "Độc lập-Tự do-Hạnh phúc"
        );
        assert_eq!(moji(t, "bé tr\u{AD}ëng"), "bộ trưởng");
        // .VnTimeH capitals: lower-case codes
        assert_eq!(moji(t, "QUYÕT §ÞNH"), "QUYếT ĐịNH");
        assert_eq!(moji(t, "“Quy ®Þnh”"), "“Quy định”");
        assert_eq!(
            t.encode("QUYẾT ĐỊNH").unwrap(),
            cp1252_bytes("QUYÕT §ÞNH").unwrap()
        );
    }

    #[test]
    fn vni_real_strings() {
        let v = Legacy::Vni;
        assert_eq!(moji(v, "chaøo caùc baïn"), "chào các bạn");
        assert_eq!(moji(v, "UÛY BAN NHAÂN DAÂN"), "ỦY BAN NHÂN DÂN");
        assert_eq!(moji(v, "UYÛ BAN NHAÂN DAÂN"), "UỶ BAN NHÂN DÂN");
        // the second form of the toned i: base then tone byte
        assert_eq!(moji(v, "Tôø triønh Chiù tieâu"), "Tờ trình Chí tiêu");
        assert_eq!(moji(v, "TÔØ TRIØNH CHIÙ"), "TỜ TRÌNH CHÍ");
        assert_eq!(moji(v, "tæ chæ"), "tỉ chỉ");
        // it is read, never written
        assert_eq!(v.encode("trình").unwrap(), b"tr\xECnh");
        assert_eq!(
            moji(v, "COÄNG HOØA XAÕ HOÄI CHUÛ NGHÓA VIEÄT NAM"),
            "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
        );
        assert_eq!(
            moji(v, "COÄNG HOAØ XAÕ HOÄI CHUÛ NGHÓA VIEÄT NAM"),
            "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM"
        );
        assert_eq!(
            moji(v, "Ñoäc laäp – Töï do – Haïnh phuùc"),
            "Độc lập – Tự do – Hạnh phúc"
        );
        assert_eq!(
            moji(v, "Quy cheá naøy quy ñònh chöùc naêng"),
            "Quy chế này quy định chức năng"
        );
        assert_eq!(moji(v, "TRÖÔØNG"), "TRƯỜNG");
        assert_eq!(moji(v, "ÔÛ"), "Ở");
        // a modifier of the other case still combines; the base decides
        assert_eq!(moji(v, "Aù aÙ"), "Á á");
        // a modifier with nothing to combine with stays what Windows-1252 says
        assert_eq!(moji(v, "ø café"), "ø café");
    }

    #[test]
    fn viscii_strings() {
        let v = Legacy::Viscii;
        assert_eq!(v.decode(b"C\xB5ng h\xF2a Vi\xAEt Nam"), "Cộng hòa Việt Nam");
        assert_eq!(v.decode(b"\x02\x05\x06\x14\x19\x1E"), "ẲẴẪỶỸỴ");
        assert_eq!(v.encode("Ẳ").unwrap(), b"\x02");
        assert_eq!(v.encode("\u{2}"), None);
        assert_eq!(v.decode(b"\xA0"), "Õ");
        assert_eq!(v.encode("\u{A0}"), None);
    }

    #[test]
    fn encode_refuses_what_it_cannot_write() {
        // TCVN3 and VNI leave 0x93/0x94 free: curly quotes pass
        assert_eq!(Legacy::Tcvn3.encode("“a”").unwrap(), b"\x93a\x94");
        assert_eq!(Legacy::Vni.encode("“a”").unwrap(), b"\x93a\x94");
        // a Windows-1252 letter whose byte the encoding uses for a letter
        assert_eq!(Legacy::Tcvn3.encode("µ"), None); // 0xB5 is à
        assert_eq!(Legacy::Vni.encode("ñ"), None); // 0xF1 is đ
        // VNI: a modifier byte after a base it would join
        assert_eq!(Legacy::Vni.encode("aø"), None);
        assert_eq!(Legacy::Vni.encode("hø").unwrap(), b"h\xF8");
        // not Windows-1252, not a letter
        assert_eq!(Legacy::Tcvn3.encode("ŉ"), None);
        assert_eq!(Legacy::Vni.encode("e\u{301}"), None);
        assert_eq!(Legacy::Tcvn3.name(), "tcvn3");
        assert_eq!(Legacy::Vni.name(), "vni");
        assert_eq!(Legacy::Viscii.name(), "viscii");
    }
}
