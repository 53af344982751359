//! Âm tiết tiếng Việt — whether a word is a well-formed Vietnamese syllable. The encoding
//! detector and the text repairs score text by the share of such words before and after a
//! change, and change nothing that does not score better.

use std::collections::HashSet;
use std::sync::LazyLock;

use unicode_normalization::UnicodeNormalization;

/// Initial consonants (phụ âm đầu), longest first.
const ONSETS: &[&str] = &[
    "ngh", "ng", "nh", "ch", "gh", "gi", "kh", "ph", "th", "tr", "qu", "b", "c", "d", "đ", "g",
    "h", "k", "l", "m", "n", "p", "r", "s", "t", "v", "x", "",
];

/// Rhymes (vần) without tone, as nucleus with its possible endings.
const RHYMES: &[(&str, &[&str])] = &[
    (
        "a",
        &[
            "", "c", "ch", "i", "m", "n", "ng", "nh", "o", "p", "t", "u", "y",
        ],
    ),
    ("ă", &["c", "m", "n", "ng", "p", "t"]),
    ("â", &["c", "m", "n", "ng", "p", "t", "u", "y"]),
    ("e", &["", "c", "ch", "m", "n", "ng", "nh", "o", "p", "t"]),
    ("ê", &["", "c", "ch", "m", "n", "nh", "p", "t", "u"]),
    ("i", &["", "a", "c", "ch", "m", "n", "nh", "p", "t", "u"]),
    ("iê", &["c", "m", "n", "ng", "p", "t", "u"]),
    ("o", &["", "c", "i", "m", "n", "ng", "p", "t"]),
    (
        "oa",
        &["", "c", "ch", "i", "m", "n", "ng", "nh", "o", "p", "t", "y"],
    ),
    ("oă", &["c", "m", "n", "ng", "t"]),
    ("oe", &["", "n", "o", "t"]),
    ("oo", &["c", "ng"]),
    ("ô", &["", "c", "i", "m", "n", "ng", "p", "t"]),
    ("ơ", &["", "i", "m", "n", "p", "t"]),
    ("u", &["", "a", "c", "i", "m", "n", "ng", "p", "t", "y"]),
    ("uâ", &["n", "ng", "t", "y"]),
    ("uê", &["", "ch", "n", "nh"]),
    ("uô", &["c", "i", "m", "n", "ng", "t"]),
    ("uơ", &[""]),
    ("uy", &["", "a", "ch", "n", "nh", "p", "t", "u"]),
    ("uyê", &["n", "t"]),
    ("ư", &["", "a", "c", "i", "m", "n", "ng", "t", "u"]),
    ("ươ", &["c", "i", "m", "n", "ng", "p", "t", "u"]),
    ("y", &[""]),
    ("yê", &["m", "n", "ng", "t", "u"]),
];

static RHYME_SET: LazyLock<HashSet<String>> = LazyLock::new(|| {
    let mut s = HashSet::new();
    for (nucleus, codas) in RHYMES {
        for c in *codas {
            s.insert(format!("{nucleus}{c}"));
        }
    }
    s
});

/// The five tone marks as combining characters (huyền, sắc, ngã, hỏi, nặng).
fn is_tone_mark(c: char) -> bool {
    matches!(
        c,
        '\u{0300}' | '\u{0301}' | '\u{0303}' | '\u{0309}' | '\u{0323}'
    )
}

/// Whether `word` (any case, NFC or not) is one Vietnamese syllable: an initial consonant, a
/// rhyme of the language and at most one tone mark. `đất`, `Nghiêng`, `QUYẾT`, `gì` are; `UBND`,
/// `nh©n`, `house` are not.
///
/// Every decoding and repair scores text with this, word by word, so it reads a word without
/// allocating: each character is looked up in a table of letters (base letter and tone), built
/// once from the letters' canonical decompositions. A word with a character outside the table
/// and not surely foreign goes the long way, through NFD and NFC.
pub fn is_syllable(word: &str) -> bool {
    if word.is_empty() || word.len() > 40 {
        return false;
    }
    let mut buf = [0u8; 40];
    match spell(word.chars(), &mut buf) {
        Spelling::Base(n, tones) => tones <= 1 && base_is_syllable(&buf[..n]),
        Spelling::Foreign => false,
        Spelling::Unknown => is_syllable_by_nfd(word),
    }
}

/// A base letter as one byte: `a`–`z`, and the letters with a vowel mark or a stroke as `1`–`7`.
const BREVE_A: u8 = b'1'; // ă
const CIRC_A: u8 = b'2'; // â
const CIRC_E: u8 = b'3'; // ê
const CIRC_O: u8 = b'4'; // ô
const HORN_O: u8 = b'5'; // ơ
const HORN_U: u8 = b'6'; // ư
const D_STROKE: u8 = b'7'; // đ

/// The byte of a lower-case base letter, if it is one of the language's.
fn base_byte(c: char) -> Option<u8> {
    Some(match c {
        'a'..='z' => c as u8,
        'ă' => BREVE_A,
        'â' => CIRC_A,
        'ê' => CIRC_E,
        'ô' => CIRC_O,
        'ơ' => HORN_O,
        'ư' => HORN_U,
        'đ' => D_STROKE,
        _ => return None,
    })
}

/// A string of base letters as bytes (`"ươ"` → `"65"`).
fn base_bytes(s: &str) -> Vec<u8> {
    s.chars()
        .map(|c| base_byte(c).expect("a base letter"))
        .collect()
}

/// How a word is spelt: base letters and tone marks, a letter no syllable has, or a character
/// the table does not know.
enum Spelling {
    /// The number of base letters written into the buffer, and of tone marks.
    Base(usize, u32),
    Foreign,
    Unknown,
}

/// A table entry: the base letter's byte and the tone marks, `FOREIGN` for a letter that no
/// syllable holds (`ç`, `ö`, `©`), `UNKNOWN` where the long way must decide.
type Entry = (u8, u8);
const FOREIGN: Entry = (0, 0);
const UNKNOWN: Entry = (0, 1);

/// The characters from U+0080 to U+024F (Latin-1 and Latin Extended-A/B: `à`, `Đ`, `ơ`, `ư`,
/// and the signs mojibake brings, `©`, `¬`) and from U+1EA0 to U+1EF9 (the Vietnamese block:
/// `ạ`, `ế`, `ữ`), by their canonical decomposition.
static LETTERS: LazyLock<(Vec<Entry>, Vec<Entry>)> = LazyLock::new(|| {
    let entry = |u: u32| -> Entry {
        let Some(c) = char::from_u32(u) else {
            return FOREIGN;
        };
        let mut tones = 0u8;
        let mut base = String::new();
        for d in c.nfd() {
            if is_tone_mark(d) {
                tones += 1;
            } else {
                base.extend(d.to_lowercase());
            }
        }
        let base: String = base.nfc().collect();
        let mut chars = base.chars();
        match (chars.next().and_then(base_byte), chars.next()) {
            (Some(b), None) => (b, tones),
            _ if c.is_alphabetic() || !base.is_empty() => FOREIGN,
            _ => UNKNOWN,
        }
    };
    (
        (0x80..=0x24F).map(entry).collect(),
        (0x1EA0..=0x1EF9).map(entry).collect(),
    )
});

/// Read a word into base-letter bytes (written into `buf`) and a count of tone marks.
fn spell(word: impl Iterator<Item = char>, buf: &mut [u8; 40]) -> Spelling {
    let mut n = 0usize;
    let mut tones = 0u32;
    let (latin, viet) = &*LETTERS;
    for c in word {
        let u = c as u32;
        let (b, t) = if c.is_ascii_alphabetic() {
            (c.to_ascii_lowercase() as u8, 0)
        } else if c.is_ascii() {
            return Spelling::Foreign;
        } else if is_tone_mark(c) {
            tones += 1;
            continue;
        } else if matches!(u, 0x302 | 0x306 | 0x31B) {
            // a vowel mark written apart (NFD): it changes the letter before it
            let Some(prev) = n.checked_sub(1).map(|k| &mut buf[k]) else {
                return Spelling::Unknown;
            };
            *prev = match (*prev, u) {
                (b'a', 0x302) => CIRC_A,
                (b'a', 0x306) => BREVE_A,
                (b'e', 0x302) => CIRC_E,
                (b'o', 0x302) => CIRC_O,
                (b'o', 0x31B) => HORN_O,
                (b'u', 0x31B) => HORN_U,
                _ => return Spelling::Unknown,
            };
            continue;
        } else {
            let e = match u {
                0x80..=0x24F => latin[(u - 0x80) as usize],
                0x1EA0..=0x1EF9 => viet[(u - 0x1EA0) as usize],
                // IPA, spacing modifiers, other scripts, punctuation and signs: no canonical
                // decomposition reaches a Latin letter there (combining marks, the Kelvin and
                // Ångström signs and the rest of Latin Extended Additional go the long way)
                0x250..=0x2FF | 0x370..=0x1DBF | 0x2000..=0x20CF | 0x2130..=0xFE1F | 0xFE30.. => {
                    FOREIGN
                }
                _ => UNKNOWN,
            };
            match e {
                FOREIGN => return Spelling::Foreign,
                UNKNOWN => return Spelling::Unknown,
                (b, t) => (b, u32::from(t)),
            }
        };
        if n == buf.len() {
            return Spelling::Unknown;
        }
        buf[n] = b;
        n += 1;
        tones += t;
    }
    Spelling::Base(n, tones)
}

/// Onsets as base-letter bytes, and rhymes as bits of a set indexed by their letters (a rhyme
/// has at most 4 base letters, `ương`, `uyên`, each one of 19: see [`rhyme_index`]).
struct Tables {
    /// By first byte: the onsets that start with it, longest first, then the empty one (as
    /// their letters and length: compared inline, never through `memcmp`).
    onsets: Vec<Vec<([u8; 3], usize)>>,
    /// Bit [`rhyme_index`] is set for each rhyme (2^20 bits: one lookup, where a binary search
    /// through the sorted rhymes made eight dependent ones).
    rhymes: Vec<u64>,
}

/// The code of a letter a rhyme may hold (1–19), or 0.
const fn rhyme_letter(b: u8) -> u8 {
    match b {
        b'a' => 1,
        b'e' => 2,
        b'i' => 3,
        b'o' => 4,
        b'u' => 5,
        b'y' => 6,
        BREVE_A => 7,
        CIRC_A => 8,
        CIRC_E => 9,
        CIRC_O => 10,
        HORN_O => 11,
        HORN_U => 12,
        b'c' => 13,
        b'h' => 14,
        b'm' => 15,
        b'n' => 16,
        b'g' => 17,
        b'p' => 18,
        b't' => 19,
        _ => 0,
    }
}

/// Up to four base-letter bytes as an index into the rhyme set: five bits a letter. None for a
/// longer run or a letter no rhyme holds.
fn rhyme_index(bytes: &[u8]) -> Option<usize> {
    if bytes.len() > 4 {
        return None;
    }
    let mut n = 0usize;
    for &b in bytes {
        let code = rhyme_letter(b);
        if code == 0 {
            return None;
        }
        n = n << 5 | usize::from(code);
    }
    Some(n)
}

static TABLES: LazyLock<Tables> = LazyLock::new(|| {
    let mut rhymes = vec![0u64; (1 << 20) / 64];
    for r in RHYME_SET.iter() {
        let k = rhyme_index(&base_bytes(r)).expect("a rhyme has at most 4 letters of its own");
        rhymes[k / 64] |= 1 << (k % 64);
    }
    let all: Vec<Vec<u8>> = ONSETS.iter().map(|o| base_bytes(o)).collect();
    let onsets = (0..=255u8)
        .map(|b| {
            all.iter()
                .filter(|o| o.first().is_none_or(|&f| f == b))
                .map(|o| {
                    let mut a = [0u8; 3];
                    a[..o.len()].copy_from_slice(o);
                    (a, o.len())
                })
                .collect()
        })
        .collect();
    Tables { onsets, rhymes }
});

impl Tables {
    fn onsets_of(&self, first: u8) -> &[([u8; 3], usize)] {
        &self.onsets[usize::from(first)]
    }

    fn is_rhyme(&self, bytes: &[u8]) -> bool {
        rhyme_index(bytes).is_some_and(|k| self.rhymes[k / 64] >> (k % 64) & 1 == 1)
    }
}

/// The syllable check on base letters (lower case, no tone marks).
fn base_is_syllable(base: &[u8]) -> bool {
    if base.iter().any(|b| matches!(b, b'f' | b'j' | b'w' | b'z')) {
        return false;
    }
    let t = &*TABLES;
    let first = base.first().copied().unwrap_or(0);
    for (letters, len) in t.onsets_of(first) {
        let onset = &letters[..*len];
        if base.len() < *len || (0..*len).any(|k| base[k] != onset[k]) {
            continue;
        }
        let rhyme = &base[*len..];
        if t.is_rhyme(rhyme) {
            // `c`, `k`, `g`/`gh`, `ng`/`ngh`, `q` are spelled by the vowel that follows
            let front = matches!(rhyme.first(), Some(b'e' | &CIRC_E | b'i' | b'y'));
            let ok = match onset {
                b"c" | b"g" | b"ng" => !front || (onset == b"g" && rhyme.first() == Some(&b'i')),
                b"k" | b"gh" | b"ngh" => front,
                b"qu" => rhyme.first() != Some(&b'u'),
                _ => true,
            };
            if ok {
                return true;
            }
        }
        if onset == b"gi" {
            if rhyme.is_empty() {
                return true;
            }
            let mut key = [0u8; 5];
            if rhyme.len() < key.len() {
                key[0] = b'i';
                key[1..=rhyme.len()].copy_from_slice(rhyme);
                if t.is_rhyme(&key[..=rhyme.len()]) {
                    return true;
                }
            }
        }
    }
    false
}

/// [`is_syllable`] the long way, through Unicode normalisation: for words holding a character
/// the letter table does not know (and, in tests, to check the table against).
fn is_syllable_by_nfd(word: &str) -> bool {
    if word.is_empty() || word.len() > 40 {
        return false;
    }
    let mut tones = 0;
    let mut base = String::with_capacity(word.len());
    for c in word.nfd() {
        if is_tone_mark(c) {
            tones += 1;
            continue;
        }
        base.extend(c.to_lowercase());
    }
    if tones > 1 {
        return false;
    }
    let base: String = base.nfc().collect();
    if !base
        .chars()
        .all(|c| c.is_ascii_lowercase() || "đăâêôơư".contains(c))
        || base.chars().any(|c| matches!(c, 'f' | 'j' | 'w' | 'z'))
    {
        return false;
    }
    for onset in ONSETS {
        if let Some(rhyme) = base.strip_prefix(onset) {
            if RHYME_SET.contains(rhyme) {
                // `c`, `k`, `g`/`gh`, `ng`/`ngh`, `q` are spelled by the vowel that follows
                let first = rhyme.chars().next().unwrap_or(' ');
                let front = matches!(first, 'e' | 'ê' | 'i' | 'y');
                let ok = match *onset {
                    "c" | "g" | "ng" => !front || (*onset == "g" && rhyme.starts_with('i')),
                    "k" | "gh" | "ngh" => front,
                    "qu" => !rhyme.starts_with('u'),
                    _ => true,
                };
                if ok {
                    return true;
                }
            }
            if *onset == "gi" && (rhyme.is_empty() || RHYME_SET.contains(&format!("i{rhyme}"))) {
                return true;
            }
        }
    }
    false
}

/// Share of scored words that are syllables, and how many words were scored. Words are runs of
/// non-space characters with their outer punctuation removed; numbers and one-letter words
/// are not scored.
pub fn score(text: &str) -> (f32, usize) {
    score_chars(text.chars())
}

/// [`score`] of the text the characters make, read as they come (a legacy reading is scored
/// without being written out as a string).
pub(crate) fn score_chars(chars: impl Iterator<Item = char>) -> (f32, usize) {
    let (mut ok, mut all) = (0usize, 0usize);
    // the word being read
    let mut word: Vec<char> = Vec::with_capacity(32);
    let mut take = |word: &mut Vec<char>| {
        let (counted, syllable) = word_score(word);
        all += usize::from(counted);
        ok += usize::from(syllable);
        word.clear();
    };
    for c in chars {
        if c.is_whitespace() {
            if !word.is_empty() {
                take(&mut word);
            }
        } else {
            word.push(c);
        }
    }
    if !word.is_empty() {
        take(&mut word);
    }
    share(ok, all)
}

/// (share of syllables, words scored) from the counts.
pub(crate) fn share(ok: usize, all: usize) -> (f32, usize) {
    if all == 0 {
        (0.0, 0)
    } else {
        (ok as f32 / all as f32, all)
    }
}

/// How one word (a run of characters without white space) counts in [`score`]: whether it is
/// scored (two characters or more once its outer punctuation is off, and no digit), and
/// whether it is then a syllable.
pub(crate) fn word_score(word: &[char]) -> (bool, bool) {
    let outer = |c: char| {
        c.is_ascii_punctuation() && !matches!(c, '@' | '#' | '$' | '^' | '|' | '~' | '`')
            || matches!(c, '“' | '”' | '‘' | '’' | '…' | '–' | '—')
    };
    let mut w = word;
    while let [first, rest @ ..] = w
        && outer(*first)
    {
        w = rest;
    }
    while let [rest @ .., last] = w
        && outer(*last)
    {
        w = rest;
    }
    if w.len() >= 2 && !w.iter().any(char::is_ascii_digit) {
        (true, is_syllable_remembered(w))
    } else {
        (false, false)
    }
}

/// Words of up to this many characters are remembered by [`is_syllable_remembered`] (the
/// longest syllable, `nghiêng`, has seven).
const REMEMBERED_LEN: usize = 8;

/// Slots of the word memory: a power of two.
const REMEMBERED_SLOTS: usize = 1024;

/// A word remembered with its answer: its characters (unused ones `'\0'`), and whether it is
/// a syllable.
type Remembered = ([char; REMEMBERED_LEN], bool);

thread_local! {
    /// The answers of [`is_syllable_chars`] for recent words, one slot per hash of the word: a
    /// text repeats its words (`của`, `và`, `nh©n`), and a line of mojibake is scored as it
    /// stands and under three encodings, word by word.
    static REMEMBERED: std::cell::RefCell<Vec<Remembered>> =
        std::cell::RefCell::new(vec![(['\0'; REMEMBERED_LEN], false); REMEMBERED_SLOTS]);
}

/// [`is_syllable_chars`], answered from the word memory when the word was seen lately (the
/// same answer: a slot holds a word's characters whole and is compared in full).
fn is_syllable_remembered(word: &[char]) -> bool {
    if word.len() > REMEMBERED_LEN || word.contains(&'\0') {
        return is_syllable_chars(word);
    }
    let mut key = ['\0'; REMEMBERED_LEN];
    key[..word.len()].copy_from_slice(word);
    // FxHash-style mixing of the characters
    let mut h = 0u64;
    for &c in word {
        h = (h.rotate_left(5) ^ u64::from(c as u32)).wrapping_mul(0x51_7C_C1_B7_27_22_0A_95);
    }
    let slot = (h >> 54) as usize % REMEMBERED_SLOTS;
    REMEMBERED.with_borrow_mut(|m| {
        let e = &mut m[slot];
        if e.0 == key {
            return e.1;
        }
        let yes = is_syllable_chars(word);
        *e = (key, yes);
        yes
    })
}

/// [`is_syllable`] of the word the characters make.
fn is_syllable_chars(word: &[char]) -> bool {
    let len: usize = word.iter().map(|c| c.len_utf8()).sum();
    if word.is_empty() || len > 40 {
        return false;
    }
    let mut buf = [0u8; 40];
    match spell(word.iter().copied(), &mut buf) {
        Spelling::Base(n, tones) => tones <= 1 && base_is_syllable(&buf[..n]),
        Spelling::Foreign => false,
        Spelling::Unknown => is_syllable_by_nfd(&word.iter().collect::<String>()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        /// The word memory answers as [`is_syllable_chars`] does, for words seen first and
        /// seen again (slots are shared by words whose hashes meet, and overwritten).
        #[test]
        fn remembered_answers_are_the_answers(
            words in proptest::collection::vec(
                proptest::collection::vec(
                    prop_oneof![
                        Just('n'), Just('g'), Just('h'), Just('i'), Just('ê'), Just('ệ'),
                        Just('a'), Just('©'), Just('Ư'), Just('q'), Just('u'), Just('y'),
                        Just('\u{301}'), Just('t'), Just('o'), Just('ơ'), Just('Đ')
                    ],
                    2..11,
                ),
                1..60,
            )
        ) {
            for w in words.iter().chain(words.iter()) {
                prop_assert_eq!(is_syllable_remembered(w), is_syllable_chars(w), "{:?}", w);
            }
        }
    }

    #[test]
    fn real_syllables() {
        for w in [
            "đất", "Nghiêng", "QUYẾT", "ĐỊNH", "gì", "giữa", "quyền", "khuya", "người", "hoà",
            "hòa", "thuở", "Ủy", "Uỷ", "ban", "nhân", "dân", "tỉnh", "chủ", "nghĩa", "việt", "nam",
            "huyện", "khoảng", "oanh", "ngoằn", "nguyễn", "xoong", "gìn", "kiểm",
        ] {
            assert!(is_syllable(w), "{w}");
        }
    }

    #[test]
    fn not_syllables() {
        for w in [
            "UBND", "nh©n", "house", "ĐIỀ", "NG", "ka", "quu", "bàá", "fax", "tµi",
        ] {
            assert!(!is_syllable(w), "{w}");
        }
    }

    #[test]
    fn the_table_agrees_with_normalisation() {
        // every letter of the table's ranges, alone, with ASCII letters around it, with a
        // tone or vowel mark after it, in NFC and NFD
        let mut words = Vec::new();
        let ranges = (0x80u32..=0x36F)
            .chain(0x1E00..=0x1EFF)
            .chain(0x2100..=0x2130);
        for u in ranges {
            let Some(c) = char::from_u32(u) else { continue };
            for w in [
                format!("{c}"),
                format!("ng{c}"),
                format!("th{c}n"),
                format!("qu{c}"),
                format!("gi{c}"),
                format!("u{c}\u{31B}"),
                format!("o{c}"),
                format!("{c}\u{301}"),
                format!("nh{c}\u{302}t"),
            ] {
                words.push(w.nfd().collect::<String>());
                words.push(w);
            }
        }
        for w in [
            "nh©n",
            "tØnh",
            "Uû",
            "d©n",
            "ViÖt",
            "K",
            "Å",
            "ДАН",
            "ǹg",
            "Ǹ",
            "\u{340}a",
            "a\u{341}",
            "người",
            "NGƯỜI",
            "ngươ\u{300}i",
            "gìn",
            "gi",
            "giêng",
            "ĐẤT",
        ] {
            words.push(w.to_string());
        }
        for w in &words {
            assert_eq!(is_syllable(w), is_syllable_by_nfd(w), "{w:?}");
        }
    }

    #[test]
    fn scores() {
        let (s, n) = score("Ủy ban nhân dân tỉnh Lào Cai, ngày 05 tháng 6 năm 2026.");
        assert_eq!(n, 10);
        assert!(s > 0.99);
        let (s, _) = score("Uû ban nh©n d©n tØnh");
        assert!(s < 0.5);
        let (s, _) = score("The quick brown fox jumps over the lazy dog");
        assert!(s < 0.5);
    }
}
