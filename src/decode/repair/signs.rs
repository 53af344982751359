//! Dấu hiệu — the signs of damage in a text, found in one byte scan before any repair looks at
//! it: clean Unicode text (almost every document) is proven clean here, and the passes that
//! decode, score or normalise run only where a sign was seen.
//!
//! The scan reads eight bytes at a time while they are ASCII and looks at each non-ASCII
//! character alone: its UTF-8 lead byte (and the bytes after it) say which repair it may call
//! for. Every sign is a superset of what its pass would act on, so a pass that is skipped would
//! have changed nothing.

use super::nfc::split_at;

/// What the scan found in a text.
#[derive(Debug, Default)]
pub(super) struct Signs {
    /// A character only 8-bit mojibake brings (`©`, `µ`, `§`, `Œ`, …): the mojibake pass.
    pub foreign_latin1: bool,
    /// CR, a no-break or fixed-width space, a zero-width character, a soft hyphen, `Ð`/`ð` or
    /// a byte-order mark: the character pass.
    pub chars: bool,
    /// A Cyrillic letter of lead byte D1–D4, where glyph numbers of toned letters sit: the
    /// glyph pass.
    pub glyph: bool,
    /// A Cyrillic letter of lead byte D0–D1, or `ƣ`/`Ƣ`: the look-alike pass.
    pub homoglyph: bool,
    /// Byte offsets, ascending, in the lines the NFC pass must look at: a character that is not
    /// NFC for certain ([`super::nfc`]'s `surely_nfc`), or a space where a syllable may be cut
    /// (`ĐIỀ U`, `K ẾT`). A line with none of them is left as it is.
    pub nfc_at: Vec<usize>,
}

/// U+0080–U+00FF read from the second byte of a `C2`/`C3` pair: whether Vietnamese text uses
/// the character (`àáâãèéêìíòóôõùúý` and their capitals); all others are mojibake's.
const VIETNAMESE_LATIN1: [bool; 128] = {
    let mut t = [false; 128];
    let letters = "àáâãèéêìíòóôõùúýÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝ".as_bytes();
    // each is two bytes in UTF-8, C3 xx: U+00C0 + (xx - 0x80)
    let mut i = 0;
    while i < letters.len() {
        t[(letters[i + 1] - 0x80 + 0x40) as usize] = true;
        i += 2;
    }
    t
};

/// Whether the character whose UTF-8 starts at `b[i]` (a non-ASCII lead byte) is one only
/// mojibake brings: Latin-1 that Vietnamese never writes, or the Windows-1252 letters
/// `Œ œ Š š Ÿ ƒ ˆ ˜`.
pub(super) fn foreign_latin1_at(b: &[u8], i: usize) -> bool {
    let n1 = b.get(i + 1).copied().unwrap_or(0);
    match b[i] {
        0xC2 => true,
        0xC3 => !VIETNAMESE_LATIN1[((n1 & 0x3F) | 0x40) as usize],
        0xC5 => matches!(n1, 0x92 | 0x93 | 0xA0 | 0xA1 | 0xB8),
        0xC6 => n1 == 0x92,
        0xCB => matches!(n1, 0x86 | 0x9C),
        _ => false,
    }
}

/// Whether a text holds a character only mojibake brings (see [`foreign_latin1_at`]).
pub(super) fn has_foreign_latin1(text: &str) -> bool {
    let b = text.as_bytes();
    let mut i = skip_ascii(b, 0);
    while i < b.len() {
        if foreign_latin1_at(b, i) {
            return true;
        }
        i = skip_ascii(b, i + char_len(b[i]));
    }
    false
}

/// Length of the UTF-8 character led by `lead` (1 for a stray continuation byte, which valid
/// text never starts a character with).
fn char_len(lead: u8) -> usize {
    match lead {
        0xC0..=0xDF => 2,
        0xE0..=0xEF => 3,
        0xF0..=0xFF => 4,
        _ => 1,
    }
}

/// The first byte at or after `i` that is not ASCII (eight bytes at a time), or `b.len()`.
fn skip_ascii(b: &[u8], mut i: usize) -> usize {
    while i + 8 <= b.len() {
        let mut w = [0u8; 8];
        w.copy_from_slice(&b[i..i + 8]);
        let high = u64::from_le_bytes(w) & 0x8080_8080_8080_8080;
        if high != 0 {
            return i + (high.trailing_zeros() / 8) as usize;
        }
        i += 8;
    }
    while i < b.len() && b[i] < 0x80 {
        i += 1;
    }
    i
}

impl Signs {
    /// Add the signs of passes (not the NFC offsets) that `other` saw.
    pub(super) fn add_flags(&mut self, other: &Signs) {
        self.foreign_latin1 |= other.foreign_latin1;
        self.chars |= other.chars;
        self.glyph |= other.glyph;
        self.homoglyph |= other.homoglyph;
    }

    /// Scan `text` once.
    pub(super) fn of(text: &str) -> Signs {
        let b = text.as_bytes();
        let mut s = Signs {
            chars: memchr::memchr(b'\r', b).is_some(),
            ..Signs::default()
        };
        let mut i = skip_ascii(b, 0);
        while i < b.len() {
            let lead = b[i];
            let n1 = b.get(i + 1).copied().unwrap_or(0);
            let n2 = b.get(i + 2).copied().unwrap_or(0);
            // the common letters first, without a jump table (lead bytes come in no order a
            // branch predictor could learn): the Vietnamese block (E1) and the Latin letters
            // it shares (C3, C4, C6); then one match for the rest. `surely_nfc` is what the
            // NFC check accepts: U+0080–U+02FF, U+1E00–U+1EFF, U+2000–U+207F
            let (len, surely_nfc) = if lead == 0xE1 {
                (3, (0xB8..=0xBB).contains(&n1))
            } else if lead == 0xC3 {
                s.foreign_latin1 |= !VIETNAMESE_LATIN1[((n1 & 0x3F) | 0x40) as usize];
                s.chars |= n1 == 0x90 || n1 == 0xB0;
                (2, true)
            } else if lead == 0xC4 || (0xC7..=0xCA).contains(&lead) {
                (2, true)
            } else {
                match lead {
                    0xC6 => {
                        s.foreign_latin1 |= n1 == 0x92;
                        s.homoglyph |= matches!(n1, 0xA2 | 0xA3);
                        (2, true)
                    }
                    0xC2 => {
                        s.foreign_latin1 = true;
                        s.chars |= matches!(n1, 0xA0 | 0xAD);
                        (2, true)
                    }
                    0xC5 | 0xCB => {
                        s.foreign_latin1 |= foreign_latin1_at(b, i);
                        (2, true)
                    }
                    0xD0 => {
                        s.homoglyph = true;
                        (2, false)
                    }
                    0xD1 => {
                        s.homoglyph = true;
                        s.glyph = true;
                        (2, false)
                    }
                    // (D4: the Cyrillic Supplement, where `Ơ` and `Ư` are glyphs 1312, 1314)
                    0xD2..=0xD4 => {
                        s.glyph = true;
                        (2, false)
                    }
                    0xE2 => {
                        s.chars |=
                            matches!((n1, n2), (0x80, 0x87 | 0x8B..=0x8D | 0xAF) | (0x81, 0xA0));
                        (3, matches!(n1, 0x80 | 0x81))
                    }
                    0xEF => {
                        s.chars |= n1 == 0xBB && n2 == 0xBF;
                        (3, false)
                    }
                    _ => (char_len(lead), false),
                }
            };
            // a space just before or just after the character may cut a syllable
            let end = (i + len).min(b.len());
            let cut_before = i > 1 && b[i - 1] == b' ' && split_at(text, i - 1);
            let cut_after = end < b.len() && b[end] == b' ' && split_at(text, end);
            if !surely_nfc || cut_before {
                s.nfc_at.push(i);
            }
            if cut_after {
                s.nfc_at.push(end);
            }
            i = skip_ascii(b, end);
        }
        s
    }
}

#[cfg(test)]
mod tests {
    use super::super::nfc::{maybe_split_fragment, surely_nfc};
    use super::*;
    use proptest::prelude::*;

    proptest! {
        /// A line holds an offset of `nfc_at` exactly when the NFC pass, asked line by line,
        /// would look at it (not NFC for certain, or a syllable may be cut in it).
        #[test]
        fn nfc_at_marks_the_lines_the_pass_would_look_at(
            text in proptest::collection::vec(
                prop_oneof![
                    Just(" "), Just("\n"), Just("\r"), Just("\t"), Just(","), Just("K"),
                    Just("NG"), Just("n"), Just("h"), Just("Ô"), Just("Ế"), Just("ỹ"),
                    Just("à"), Just("\u{301}"), Just("\u{a0}"), Just("©"), Just("Ӣ"),
                    Just("ƣ"), Just("“"), Just("a"), Just("ÿ"), Just("(")
                ],
                0..40,
            ).prop_map(|v| v.concat())
        ) {
            let at = Signs::of(&text).nfc_at;
            let mut start = 0;
            for line in text.split_inclusive('\n') {
                let end = start + line.len();
                let flagged = at.iter().any(|&p| (start..end).contains(&p));
                let looks = !surely_nfc(line) || maybe_split_fragment(line);
                prop_assert_eq!(flagged, looks, "{:?}", line);
                start = end;
            }
        }
    }

    #[test]
    fn clean_text_has_no_signs() {
        let s = Signs::of("Ủy ban nhân dân tỉnh Lào Cai\n– “Đền ơn” 2024, Quyết định số 12\n");
        assert!(!s.foreign_latin1 && !s.chars && !s.glyph && !s.homoglyph);
        assert!(s.nfc_at.is_empty(), "{:?}", s.nfc_at);
    }

    #[test]
    fn each_sign_is_seen() {
        assert!(Signs::of("Uû ban nh©n d©n").foreign_latin1);
        assert!(Signs::of("a\r\nb").chars);
        assert!(Signs::of("a\u{a0}b").chars);
        assert!(Signs::of("ÐIỀU 1").chars);
        assert!(Signs::of("x\u{200b}y").chars);
        assert!(Signs::of("6Ӣ CÔNG").glyph);
        assert!(Signs::of("ВСТ-VKSNDTC").homoglyph);
        assert!(Signs::of("Thƣơng").homoglyph);
        let nfd = "Quye\u{302}\u{301}t";
        assert_eq!(Signs::of(nfd).nfc_at, [4, 6], "each combining mark");
        // a syllable cut before its ending, and after its initial
        assert!(!Signs::of("THÔ NG BÁO").nfc_at.is_empty());
        assert!(!Signs::of("K ẾT LUẬN").nfc_at.is_empty());
    }

    #[test]
    fn foreign_latin1_is_what_vietnamese_never_writes() {
        const VIETNAMESE: &str = "àáâãèéêìíòóôõùúýÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝ";
        for u in 0x80u32..0x100 {
            let c = char::from_u32(u).unwrap();
            let want = !VIETNAMESE.contains(c);
            assert_eq!(has_foreign_latin1(&format!("ab{c}d")), want, "{c:?}");
            assert_eq!(Signs::of(&format!("ab{c}d")).foreign_latin1, want, "{c:?}");
        }
        for c in ['Œ', 'œ', 'Š', 'š', 'Ÿ', 'ƒ', 'ˆ', '˜'] {
            assert!(has_foreign_latin1(&c.to_string()), "{c:?}");
        }
        assert!(!has_foreign_latin1("Ủy ban nhân dân – “Đền ơn”"));
        assert!(!has_foreign_latin1(
            "plain ASCII that is long enough to skip"
        ));
    }
}
