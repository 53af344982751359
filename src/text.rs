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
/// row, no tab or other space character. Scans bytes; Vietnamese letters never trip it.
fn folded_already(s: &str) -> bool {
    let b = s.as_bytes();
    if b.first() == Some(&b' ') || b.last() == Some(&b' ') {
        return false;
    }
    let mut prev_space = false;
    for (i, &c) in b.iter().enumerate() {
        match c {
            b' ' => {
                if prev_space {
                    return false;
                }
                prev_space = true;
                continue;
            }
            b'\t' | b'\n' | b'\r' | 0x0B | 0x0C => return false,
            // lead bytes of NBSP (C2 A0), U+1680/U+180E (E1 9A/A0), U+2000–U+205F (E2 80/81),
            // U+3000 (E3 80) and U+FEFF (EF BB): let the full fold decide
            0xC2 if matches!(b.get(i + 1), Some(0xA0) | Some(0xAD)) => return false,
            0xE1 if matches!(b.get(i + 1), Some(0x9A) | Some(0xA0)) => return false,
            0xE2 if b.get(i + 1) == Some(&0x80)
                && matches!(b.get(i + 2), Some(0x80..=0x8D | 0xA8 | 0xA9 | 0xAF)) =>
            {
                return false;
            }
            0xE2 if b.get(i + 1) == Some(&0x81) && matches!(b.get(i + 2), Some(0x9F | 0xA0)) => {
                return false;
            }
            0xE3 | 0xEF => return false,
            _ => {}
        }
        prev_space = false;
    }
    true
}

/// Fold runs of white space to one space and trim.
pub fn fold_ws(s: &str) -> String {
    if folded_already(s) {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    let mut pending = false;
    for c in s.chars() {
        if is_invisible(c) {
            continue;
        }
        if is_space(c) {
            pending = !out.is_empty();
        } else {
            if pending {
                out.push(' ');
                pending = false;
            }
            out.push(c);
        }
    }
    out
}

/// Remove markdown and pandoc remnants from a piece of a line, then fold white space:
/// `**bold**`, `*italic*` around the whole piece, `#` headings, `\-` escapes, a trailing `\`.
pub fn clean(s: &str) -> String {
    let mut t: Cow<str> = Cow::Borrowed(s.trim_matches(is_space));
    if t.contains('\\') {
        let mut o = String::with_capacity(t.len());
        let mut it = t.chars().peekable();
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
        t = Cow::Owned(o);
    }
    if t.contains("**") || t.contains("__") {
        t = Cow::Owned(t.replace("**", "").replace("__", " "));
    }
    let mut u = t.trim_matches(is_space);
    if u.starts_with('#') {
        u = u.trim_start_matches('#');
    }
    // italic markers around the whole piece: *Hà Nội, ngày …*
    if u.len() > 2 && u.starts_with('*') && u.ends_with('*') && !u[1..].starts_with(' ') {
        u = &u[1..u.len() - 1];
    }
    fold_ws(u)
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

/// 1-based character column of a byte offset within a line.
pub fn char_column(line: &str, byte: usize) -> u32 {
    let byte = byte.min(line.len());
    let mut b = byte;
    while !line.is_char_boundary(b) {
        b -= 1;
    }
    line[..b].chars().count() as u32 + 1
}

/// Whether a word is capitalised the way names are (`Nguyễn`, `Lê`, `Phú`).
fn is_name_word(w: &str) -> bool {
    let mut cs = w.chars();
    match cs.next() {
        Some(c) if c.is_uppercase() => {}
        _ => return false,
    }
    let rest: Vec<char> = cs.collect();
    if rest.is_empty() {
        return false;
    }
    rest.iter().all(|c| c.is_lowercase())
}

/// A person's name as signed: 2 to 6 capitalised words, no digits (`Lê Chí Phương`); a
/// one-letter word is allowed inside ethnic names (`Kpă Y Lim`), not as the whole name.
pub fn is_person_name(s: &str) -> bool {
    let s = s.trim();
    let words: Vec<&str> = s.split_whitespace().collect();
    if !(2..=6).contains(&words.len()) {
        return false;
    }
    let single = |w: &str| w.chars().count() == 1 && w.chars().all(char::is_uppercase);
    let long = words.iter().filter(|w| is_name_word(w)).count();
    long >= 2 && words.iter().all(|w| is_name_word(w) || single(w))
}

#[cfg(test)]
mod tests {
    use super::*;

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
    fn columns_count_characters() {
        assert_eq!(char_column("Số: 12", 5), 4);
        assert_eq!(char_column("ab", 0), 1);
    }
}
