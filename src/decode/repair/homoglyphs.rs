//! Pass 4 — look-alike letters made the letters they stand for: Cyrillic letters that look
//! Latin inside Latin words (OCR: `ВСТ-VKSNDTC`), and `ƣ`/`Ƣ` (the letter oi, U+01A3/U+01A2),
//! which some PDF fonts give for `ư`/`Ư` (`Thƣơng`), in words that then read as Vietnamese.

use super::{RepairKind, Tally};
use crate::viet::syllable::is_syllable;

/// `ư`/`Ư` for the letter oi (`ƣ`/`Ƣ`).
fn u_horn(c: char) -> char {
    match c {
        'ƣ' => 'ư',
        'Ƣ' => 'Ư',
        c => c,
    }
}

/// A word with `ƣ`/`Ƣ` whose letters, read with `ư`/`Ư`, make Vietnamese syllables.
fn oi_for_u_horn(word: &str) -> bool {
    word.contains(['ƣ', 'Ƣ'])
        && word
            .split(|c: char| !c.is_alphabetic())
            .filter(|p| p.contains(['ƣ', 'Ƣ']))
            .all(|p| is_syllable(&p.chars().map(u_horn).collect::<String>()))
}

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

/// Cyrillic look-alike letters inside words that also hold Latin letters or digits, and `ƣ`
/// for `ư` in words that then read as Vietnamese. Called when [`super::signs::Signs::homoglyph`]
/// saw a Cyrillic letter (lead bytes D0/D1) or `ƣ`/`Ƣ`.
pub(super) fn homoglyph_pass(text: &str, tally: &mut Tally) -> Option<String> {
    let mut out = String::with_capacity(text.len());
    let (mut n, mut first) = (0usize, 0u32);
    for (k, line) in text.split_inclusive('\n').enumerate() {
        // a line with no Cyrillic letter (lead bytes D0/D1) and no `ƣ`/`Ƣ` (C6 A2/A3) has
        // nothing to change: copied whole
        let lb = line.as_bytes();
        let may = (0..lb.len()).any(|i| match lb[i] {
            0xD0 | 0xD1 => true,
            0xC6 => matches!(lb.get(i + 1), Some(0xA2 | 0xA3)),
            _ => false,
        });
        if !may {
            out.push_str(line);
            continue;
        }
        for (w_i, word) in line.split(' ').enumerate() {
            if w_i > 0 {
                out.push(' ');
            }
            let latin = word.chars().any(|c| c.is_ascii_alphanumeric());
            let twins = word.chars().filter(|&c| latin_twin(c).is_some()).count();
            let other_cyrillic = word
                .chars()
                .any(|c| ('\u{0400}'..='\u{04FF}').contains(&c) && latin_twin(c).is_none());
            if oi_for_u_horn(word) {
                out.extend(word.chars().map(u_horn));
                if n == 0 {
                    first = k as u32 + 1;
                }
                n += word.chars().filter(|c| matches!(c, 'ƣ' | 'Ƣ')).count();
            } else if latin && twins > 0 && !other_cyrillic {
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
