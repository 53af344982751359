//! Small text helpers shared by the component parsers (case, white space, markup, slugs).

use std::borrow::Cow;

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// Characters that count as white space in extracted text (NBSP, ideographic space, …).
pub fn is_space(c: char) -> bool {
    c.is_whitespace()
}

/// Characters that print as nothing and are dropped: zero-width space, joiners, BOM, soft hyphen.
pub fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{200B}'..='\u{200D}' | '\u{2060}' | '\u{FEFF}' | '\u{00AD}'
    )
}

/// Whether a text certainly needs no folding: no leading or trailing space, no two spaces in a
/// row, no tab or other space or invisible character. SIMD byte searches (memchr); Vietnamese
/// letters never trip it.
fn folded_already(s: &str) -> bool {
    let b = s.as_bytes();
    if b.first() == Some(&b' ') || b.last() == Some(&b' ') {
        return false;
    }
    if memchr::memchr3(b'\t', b'\r', b'\n', b).is_some()
        || memchr::memchr2(0x0B, 0x0C, b).is_some()
        || memchr::memmem::find(b, b"  ").is_some()
    {
        return false;
    }
    // multi-byte spaces and invisibles: NBSP and soft hyphen (C2 A0/AD), U+2000–U+200D,
    // U+2028/2029/202F (E2 80 …), U+205F/2060 (E2 81 …), U+3000 (E3 80 80), BOM (EF BB BF)
    for i in memchr::memchr3_iter(0xC2, 0xE2, 0xE3, b) {
        let (n1, n2) = (b.get(i + 1).copied(), b.get(i + 2).copied());
        let special = match b[i] {
            0xC2 => matches!(n1, Some(0xA0 | 0xAD)),
            0xE2 => matches!(
                (n1, n2),
                (Some(0x80), Some(0x80..=0x8D | 0xA8 | 0xA9 | 0xAF))
                    | (Some(0x81), Some(0x9F | 0xA0))
            ),
            _ => n1 == Some(0x80) && n2 == Some(0x80),
        };
        if special {
            return false;
        }
    }
    memchr::memmem::find(b, "\u{FEFF}".as_bytes()).is_none()
}

/// Fold runs of white space to one space and trim; zero-width characters are dropped.
///
/// Works on bytes: ASCII white space directly, the few multi-byte space and invisible
/// characters by their UTF-8 lead bytes; runs of other bytes are copied whole.
pub fn fold_ws(s: &str) -> String {
    if folded_already(s) {
        return s.to_string();
    }
    let b = s.as_bytes();
    let mut out = String::with_capacity(s.len());
    let mut pending = false;
    let mut run = 0usize; // start of the current run of kept bytes
    let mut i = 0usize;
    // flush the kept run [run, i)
    fn flush(out: &mut String, s: &str, from: usize, to: usize, pending: &mut bool) {
        if from < to {
            if *pending && !out.is_empty() {
                out.push(' ');
            }
            *pending = false;
            out.push_str(&s[from..to]);
        }
    }
    while i < b.len() {
        let c = b[i];
        let (len, kind) = if c < 0x80 {
            (
                1,
                if c.is_ascii_whitespace() || c == 0x0B {
                    1
                } else {
                    0
                },
            )
        } else if matches!(
            (c, b.get(i + 1)),
            (0xC2, Some(0xA0 | 0xAD))
                | (0xE1, Some(0x9A | 0xA0))
                | (0xE2, Some(0x80 | 0x81))
                | (0xE3, Some(0x80))
                | (0xEF, Some(0xBB))
        ) {
            let ch = s[i..].chars().next().expect("char boundary");
            let k = if is_invisible(ch) {
                2
            } else if ch.is_whitespace() {
                1
            } else {
                0
            };
            (ch.len_utf8(), k)
        } else {
            (1, 0)
        };
        match kind {
            0 => {}
            1 => {
                flush(&mut out, s, run, i, &mut pending);
                pending = true;
                run = i + len;
            }
            _ => {
                // invisible: dropped without breaking the word
                flush(&mut out, s, run, i, &mut pending);
                run = i + len;
            }
        }
        i += len;
    }
    flush(&mut out, s, run, b.len(), &mut pending);
    out
}

/// Remove markdown and pandoc remnants from a piece of a line, then fold white space:
/// `**bold**`, `*italic*` around the whole piece, `#` headings, `\-` escapes, a trailing `\`.
pub fn clean(s: &str) -> String {
    clean_borrowed(s).into_owned()
}

/// [`clean`], borrowing from `s` when cleaning changes nothing but the ends (most lines of a
/// text): the lines of a document keep their text this way without a copy each.
pub fn clean_borrowed(s: &str) -> Cow<'_, str> {
    let trimmed = s.trim_matches(is_space);
    // escapes and bold or underline markup make a new text; without them the line is read
    // in place
    let mut owned: Option<String> = None;
    if trimmed.contains('\\') {
        let mut o = String::with_capacity(trimmed.len());
        let mut it = trimmed.chars().peekable();
        while let Some(c) = it.next() {
            if c == '\\' {
                match it.peek() {
                    Some(n) if n.is_ascii_punctuation() => {
                        o.push(*n);
                        it.next();
                    }
                    None => {}
                    _ => {}
                }
            } else {
                o.push(c);
            }
        }
        owned = Some(o);
    }
    let t = owned.as_deref().unwrap_or(trimmed);
    if t.contains("**") || t.contains("__") {
        owned = Some(t.replace("**", "").replace("__", " "));
    }
    match owned {
        None => {
            let u = strip_marks(trimmed);
            if folded_already(u) {
                Cow::Borrowed(u)
            } else {
                Cow::Owned(fold_ws(u))
            }
        }
        Some(o) => Cow::Owned(fold_ws(strip_marks(&o))),
    }
}

/// A heading's `#`s and italic markers around the whole piece (`*Hà Nội, ngày …*`) taken off,
/// with the spaces at the ends.
fn strip_marks(t: &str) -> &str {
    let mut u = t.trim_matches(is_space);
    if u.starts_with('#') {
        u = u.trim_start_matches('#');
    }
    if u.len() > 2 && u.starts_with('*') && u.ends_with('*') && !u[1..].starts_with(' ') {
        u = &u[1..u.len() - 1];
    }
    u
}

/// True when the text has letters and none of them is lower case (`THÔNG BÁO`, `UBND TỈNH`).
pub fn is_upper(s: &str) -> bool {
    let mut letters = 0;
    for c in s.chars() {
        if c.is_lowercase() {
            return false;
        }
        if c.is_alphabetic() {
            letters += 1;
        }
    }
    letters > 0
}

/// True when the text's first character is a lower-case letter.
pub fn starts_lower(s: &str) -> bool {
    s.chars().next().is_some_and(|c| c.is_lowercase())
}

/// True when the text ends a sentence or a list entry (`.`, `;`, `:`, `!`, `?`, `./.`).
pub fn ends_sentence(s: &str) -> bool {
    let t = s.trim_end_matches(|c: char| is_space(c) || matches!(c, '*' | '"' | '”' | '»' | ')'));
    t.ends_with(['.', ';', ':', '!', '?', '…'])
}

/// Upper-case matching key: capitals, folded white space, old tone placement made new at the
/// end of a syllable (`HOÀ` → `HÒA`, `UỶ` → `ỦY`, but `HOẠCH` kept), `Ð` (U+00D0) as `Đ`.
pub fn upper_key(s: &str) -> String {
    let u = fold_ws(s).to_uppercase().replace('Ð', "Đ");
    if !u.contains(['O', 'U']) {
        return u;
    }
    const SWAPS: &[(&str, &str)] = &[
        ("OÀ", "ÒA"),
        ("OÁ", "ÓA"),
        ("OẢ", "ỎA"),
        ("OÃ", "ÕA"),
        ("OẠ", "ỌA"),
        ("UỶ", "ỦY"),
        ("UÝ", "ÚY"),
        ("UỲ", "ÙY"),
        ("UỸ", "ŨY"),
        ("UỴ", "ỤY"),
    ];
    let mut out = String::with_capacity(u.len());
    for (k, word) in u.split(' ').enumerate() {
        if k > 0 {
            out.push(' ');
        }
        let core = word.trim_end_matches(|c: char| !c.is_alphabetic());
        let tail = &word[core.len()..];
        match SWAPS.iter().find(|(old, _)| core.ends_with(old)) {
            Some((old, new)) => {
                out.push_str(&core[..core.len() - old.len()]);
                out.push_str(new);
            }
            None => out.push_str(core),
        }
        out.push_str(tail);
    }
    out
}

/// The text without its diacritics (`ĐỘC LẬP` → `DOC LAP`, `Biên bản Đoàn` → `Bien ban Doan`),
/// to compare with text typed or read by OCR without marks.
pub fn bare(s: &str) -> String {
    s.nfd()
        .filter(|&c| !is_combining_mark(c))
        .map(|c| match c {
            'Đ' | 'Ð' => 'D',
            'đ' => 'd',
            c => c,
        })
        .collect()
}

/// Whether the letters of `s` carry no diacritic at all (text typed without marks), and
/// there is at least one letter.
pub fn is_unmarked(s: &str) -> bool {
    s.is_ascii() && s.bytes().any(|b| b.is_ascii_alphabetic())
}

/// Levenshtein distance between two short strings, in characters.
pub fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut diag = row[0];
        row[0] = i + 1;
        for (j, &cb) in b.iter().enumerate() {
            let up = row[j + 1];
            row[j + 1] = (diag + usize::from(ca != cb)).min(up + 1).min(row[j] + 1);
            diag = up;
        }
    }
    row[b.len()]
}

/// Whether a short line reads as `target` once case and diacritics are set aside, with at
/// most one character in four misread (OCR: `CQNG HOA XA HQI CHU NGHIA VIET NAM`).
pub fn reads_as(line: &str, target: &str) -> bool {
    let n = target.chars().count();
    let m = line.chars().count();
    if m > n + n / 4 || m + n / 4 < n {
        return false;
    }
    let a = bare(&line.to_uppercase());
    let b = bare(&target.to_uppercase());
    edit_distance(&a, &b) * 4 <= n
}

/// ASCII slug: lower case, diacritics removed, `đ` as `d`, words joined by `_`.
pub fn slug(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut sep = false;
    for c in s.nfd() {
        if is_combining_mark(c) {
            continue;
        }
        let c = match c {
            'đ' | 'Đ' | 'Ð' => 'd',
            c => c,
        };
        if c.is_ascii_alphanumeric() {
            if sep && !out.is_empty() {
                out.push('_');
            }
            sep = false;
            out.push(c.to_ascii_lowercase());
        } else {
            sep = true;
        }
    }
    out
}

/// A word with one capital and then only small letters (`Hà`, `Nội`, `Y`), as places and
/// names are written.
pub fn is_capitalised(w: &str) -> bool {
    let mut cs = w.chars();
    cs.next().is_some_and(char::is_uppercase) && cs.all(char::is_lowercase)
}

/// Whether a word is capitalised the way names are (`Nguyễn`, `Lê`, `Phú`): two letters or more.
fn is_name_word(w: &str) -> bool {
    is_capitalised(w) && w.chars().nth(1).is_some()
}

/// A person's name as signed: 2 to 6 capitalised words, no digits (`Lê Chí Phương`); a
/// one-letter word is allowed inside ethnic names (`Kpă Y Lim`), not as the whole name.
pub fn is_person_name(s: &str) -> bool {
    let s = s.trim();
    let words: Vec<&str> = s.split_whitespace().collect();
    if !(2..=6).contains(&words.len()) {
        return false;
    }
    let long = words.iter().filter(|w| is_name_word(w)).count();
    long >= 2 && words.iter().all(|w| is_name_word(w) || is_initial(w))
}

/// A one-letter capital in a name (`Y` of `Y Ngọc Hlin`, `Kpă Y Lim`).
pub(crate) fn is_initial(w: &str) -> bool {
    w.chars().count() == 1 && w.chars().all(char::is_uppercase)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unmarked_text_and_ocr_misreads() {
        assert_eq!(bare("ĐỘC LẬP - TỰ DO"), "DOC LAP - TU DO");
        assert!(is_unmarked("SO XAY DUNG"));
        assert!(!is_unmarked("SỞ XÂY DỰNG"));
        assert!(!is_unmarked("12/2024"));
        assert_eq!(edit_distance("kitten", "sitting"), 3);
        assert_eq!(edit_distance("", "abc"), 3);
        let national = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM";
        assert!(reads_as("CQNG HOA XA HQI CHU NGHIA VIET NAM", national));
        assert!(reads_as(
            "DQc l$p - Tg do - H4nh phric",
            "Độc lập - Tự do - Hạnh phúc"
        ));
        assert!(!reads_as("CÔNG TY CỔ PHẦN XÂY DỰNG VIỆT NAM", national));
        assert!(!reads_as("BAN CHẤP HÀNH TRUNG ƯƠNG", national));
    }

    #[test]
    fn folding_and_cleaning() {
        assert_eq!(fold_ws("  a \t b\u{a0} c  "), "a b c");
        assert_eq!(fold_ws("Lao động – Thương binh"), "Lao động – Thương binh");
        assert_eq!(fold_ws("a\u{2003}b\u{200b}c"), "a bc");
        assert_eq!(fold_ws("a\u{3000}b"), "a b");
        assert_eq!(clean("**THÔNG BÁO**"), "THÔNG BÁO");
        assert_eq!(
            clean("*Hà Nội, ngày 12 tháng 4 năm 2025*"),
            "Hà Nội, ngày 12 tháng 4 năm 2025"
        );
        assert_eq!(clean("\\- Báo cáo chính trị"), "- Báo cáo chính trị");
        assert_eq!(clean("# V/v ban hành"), "V/v ban hành");
    }

    #[test]
    fn case_tests() {
        assert!(is_upper("ỦY BAN NHÂN DÂN TỈNH LÀO CAI"));
        assert!(!is_upper("Ủy ban nhân dân"));
        assert!(starts_lower("người có công"));
        assert!(is_person_name("Lê Chí Phương"));
        assert!(is_person_name("Kpă Y Lim"));
        assert!(!is_person_name("A B"));
        assert!(!is_person_name("Như trên"));
        assert!(!is_person_name("PHÓ CHỦ TỊCH"));
    }

    #[test]
    fn keys_and_slugs() {
        assert_eq!(upper_key("Cộng hoà"), "CỘNG HÒA");
        assert_eq!(upper_key("UỶ BAN"), "ỦY BAN");
        assert_eq!(upper_key("Kế hoạch"), "KẾ HOẠCH");
        assert_eq!(upper_key("hoà,"), "HÒA,");
        assert_eq!(slug("Giấy mời họp"), "giay_moi_hop");
        assert_eq!(slug("ĐỀ ÁN"), "de_an");
    }

    #[test]
    fn columns_count_characters() {}
}
