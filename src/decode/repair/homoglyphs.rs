//! Pass 4 — Cyrillic letters that look Latin (OCR: `ВСТ-VKSNDTC`) inside Latin words made Latin.

use super::{RepairKind, Tally};

/// The Latin letter a Cyrillic letter is mistaken for by OCR, if it looks like one.
fn latin_twin(c: char) -> Option<char> {
    Some(match c {
        'А' => 'A',
        'В' => 'B',
        'С' => 'C',
        'Е' => 'E',
        'Н' => 'H',
        'К' => 'K',
        'М' => 'M',
        'О' => 'O',
        'Р' => 'P',
        'Т' => 'T',
        'Х' => 'X',
        'а' => 'a',
        'е' => 'e',
        'о' => 'o',
        'р' => 'p',
        'с' => 'c',
        'у' => 'y',
        'х' => 'x',
        'і' => 'i',
        _ => return None,
    })
}

/// Cyrillic look-alike letters inside words that also hold Latin letters or digits.
pub(super) fn homoglyph_pass(text: &str, tally: &mut Tally) -> Option<String> {
    // Cyrillic letters are D0/D1 lead bytes in UTF-8
    memchr::memchr2(0xD0, 0xD1, text.as_bytes())?;
    let mut out = String::with_capacity(text.len());
    let (mut n, mut first) = (0usize, 0u32);
    for (k, line) in text.split_inclusive('\n').enumerate() {
        for (w_i, word) in line.split(' ').enumerate() {
            if w_i > 0 {
                out.push(' ');
            }
            let latin = word.chars().any(|c| c.is_ascii_alphanumeric());
            let twins = word.chars().filter(|&c| latin_twin(c).is_some()).count();
            let other_cyrillic = word
                .chars()
                .any(|c| ('\u{0400}'..='\u{04FF}').contains(&c) && latin_twin(c).is_none());
            if latin && twins > 0 && !other_cyrillic {
                out.extend(word.chars().map(|c| latin_twin(c).unwrap_or(c)));
                if n == 0 {
                    first = k as u32 + 1;
                }
                n += twins;
            } else {
                out.push_str(word);
            }
        }
    }
    tally.add(RepairKind::Homoglyphs, n, first);
    (n > 0).then_some(out)
}
