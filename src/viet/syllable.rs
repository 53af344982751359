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
pub fn is_syllable(word: &str) -> bool {
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
    let (mut ok, mut all) = (0usize, 0usize);
    for w in text.split_whitespace() {
        let w = w.trim_matches(|c: char| {
            c.is_ascii_punctuation() && !matches!(c, '@' | '#' | '$' | '^' | '|' | '~' | '`')
                || matches!(c, '“' | '”' | '‘' | '’' | '…' | '–' | '—')
        });
        if w.chars().count() < 2 || w.chars().any(|c| c.is_ascii_digit()) {
            continue;
        }
        all += 1;
        if is_syllable(w) {
            ok += 1;
        }
    }
    if all == 0 {
        (0.0, 0)
    } else {
        (ok as f32 / all as f32, all)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
