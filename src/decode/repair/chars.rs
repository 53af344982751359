//! Pass 2 — characters: CRLF and lone CR line ends, no-break and other fixed-width spaces,
//! zero-width characters and soft hyphens, `Ð` (eth) for `Đ`.

use super::{RepairKind, Tally};

/// What the character pass does with a character.
enum Action {
    /// A line end: CR, or CR LF (`len` 2).
    LineEnd,
    /// A no-break or fixed-width space, made a space.
    Space,
    /// A zero-width character, a soft hyphen or a byte-order mark, dropped.
    Invisible,
    /// `Ð` or `ð`, made `Đ`/`đ` in a word of letters.
    Eth(char),
    /// Left as it is.
    Keep,
}

/// The bytes that may start a character the pass changes: CR and the lead bytes of U+00A0,
/// U+00AD (C2), `Ð`/`ð` (C3), U+2007, U+200B–U+200D, U+202F, U+2060 (E2) and U+FEFF (EF).
const MAY: [bool; 256] = {
    let mut t = [false; 256];
    t[b'\r' as usize] = true;
    t[0xC2] = true;
    t[0xC3] = true;
    t[0xE2] = true;
    t[0xEF] = true;
    t
};

/// The action for the character at byte `i` (a byte of [`MAY`]) and its length in bytes.
fn action(b: &[u8], i: usize) -> (Action, usize) {
    let at = |k: usize| b.get(i + k).copied().unwrap_or(0);
    match (b[i], at(1), at(2)) {
        (b'\r', b'\n', _) => (Action::LineEnd, 2),
        (b'\r', _, _) => (Action::LineEnd, 1),
        (0xC2, 0xA0, _) => (Action::Space, 2),
        (0xC2, 0xAD, _) => (Action::Invisible, 2),
        (0xC3, 0x90, _) => (Action::Eth('Đ'), 2),
        (0xC3, 0xB0, _) => (Action::Eth('đ'), 2),
        (0xE2, 0x80, 0x87 | 0xAF) => (Action::Space, 3),
        (0xE2, 0x80, 0x8B..=0x8D) | (0xE2, 0x81, 0xA0) | (0xEF, 0xBB, 0xBF) => {
            (Action::Invisible, 3)
        }
        (0xC2 | 0xC3, _, _) => (Action::Keep, 2),
        _ => (Action::Keep, 3),
    }
}

/// Line ends, no-break spaces, invisible characters and eth (called when
/// [`super::signs::Signs::chars`] saw one of them). The text between the characters that
/// change is copied whole.
pub(super) fn chars_pass(text: &str, tally: &mut Tally) -> Option<String> {
    let b = text.as_bytes();
    let mut out = String::with_capacity(text.len());
    let mut copied = 0usize;
    // per kind: how many, and the byte offset of the first
    let (mut crs, mut nbsp, mut invis, mut eth) = (0usize, 0usize, 0usize, 0usize);
    let (mut p_cr, mut p_nbsp, mut p_invis, mut p_eth) = (0usize, 0usize, 0usize, 0usize);
    let mut i = 0usize;
    while i < b.len() {
        if !MAY[b[i] as usize] {
            i += 1;
            continue;
        }
        let (act, len) = action(b, i);
        let put = match act {
            Action::Keep => None,
            Action::LineEnd => {
                if crs == 0 {
                    p_cr = i;
                }
                crs += 1;
                Some(Some('\n'))
            }
            Action::Space => {
                if nbsp == 0 {
                    p_nbsp = i;
                }
                nbsp += 1;
                Some(Some(' '))
            }
            Action::Invisible => {
                if invis == 0 {
                    p_invis = i;
                }
                invis += 1;
                Some(None)
            }
            Action::Eth(d) => {
                // in a word of letters (`ÐIỀU`, `Ðồng`), not Icelandic names alone: the
                // character written before it and the one after it in the text
                out.push_str(&text[copied..i]);
                copied = i;
                let prev_letter = out.chars().next_back().is_some_and(char::is_alphabetic);
                let next_letter = text[i + len..]
                    .chars()
                    .next()
                    .is_some_and(char::is_alphabetic);
                (prev_letter || next_letter).then(|| {
                    if eth == 0 {
                        p_eth = i;
                    }
                    eth += 1;
                    Some(d)
                })
            }
        };
        if let Some(c) = put {
            out.push_str(&text[copied..i]);
            if let Some(c) = c {
                out.push(c);
            }
            copied = i + len;
        }
        i += len;
    }
    if crs + nbsp + invis + eth == 0 {
        return None;
    }
    out.push_str(&text[copied..]);
    // the line of a byte offset: line ends before it, a CR LF counted once
    let line_of = |p: usize| {
        let before = &b[..p];
        let lone_cr = memchr::memchr_iter(b'\r', before)
            .filter(|&k| b.get(k + 1) != Some(&b'\n'))
            .count();
        1 + (memchr::memchr_iter(b'\n', before).count() + lone_cr) as u32
    };
    let first = |n: usize, p: usize| if n == 0 { 0 } else { line_of(p) };
    tally.add(RepairKind::LineEndings, crs, first(crs, p_cr));
    tally.add(RepairKind::NoBreakSpaces, nbsp, first(nbsp, p_nbsp));
    tally.add(
        RepairKind::InvisibleCharacters,
        invis,
        first(invis, p_invis),
    );
    tally.add(RepairKind::EthAsDStroke, eth, first(eth, p_eth));
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// The pass as it was written first, character by character: the reference.
    fn reference(text: &str, tally: &mut Tally) -> Option<String> {
        let mut out = String::with_capacity(text.len());
        let (mut crs, mut nbsp, mut invis, mut eth) = (0usize, 0usize, 0usize, 0usize);
        let (mut l_cr, mut l_nbsp, mut l_invis, mut l_eth) = (0u32, 0u32, 0u32, 0u32);
        let mut line = 1u32;
        let mut it = text.chars().peekable();
        let mut prev: Option<char> = None;
        while let Some(c) = it.next() {
            match c {
                '\r' => {
                    if it.peek() == Some(&'\n') {
                        it.next();
                    }
                    out.push('\n');
                    if crs == 0 {
                        l_cr = line;
                    }
                    crs += 1;
                    line += 1;
                    prev = Some('\n');
                    continue;
                }
                '\n' => line += 1,
                '\u{00A0}' | '\u{2007}' | '\u{202F}' => {
                    out.push(' ');
                    if nbsp == 0 {
                        l_nbsp = line;
                    }
                    nbsp += 1;
                    prev = Some(' ');
                    continue;
                }
                '\u{200B}'..='\u{200D}' | '\u{2060}' | '\u{FEFF}' | '\u{00AD}' => {
                    if invis == 0 {
                        l_invis = line;
                    }
                    invis += 1;
                    continue;
                }
                'Ð' | 'ð' => {
                    // in a word of letters (`ÐIỀU`, `Ðồng`), not Icelandic names alone
                    let next_letter = it.peek().is_some_and(|n| n.is_alphabetic());
                    let prev_letter = prev.is_some_and(|p| p.is_alphabetic());
                    if next_letter || prev_letter {
                        out.push(if c == 'Ð' { 'Đ' } else { 'đ' });
                        if eth == 0 {
                            l_eth = line;
                        }
                        eth += 1;
                        prev = Some(c);
                        continue;
                    }
                }
                _ => {}
            }
            out.push(c);
            prev = Some(c);
        }
        tally.add(RepairKind::LineEndings, crs, l_cr);
        tally.add(RepairKind::NoBreakSpaces, nbsp, l_nbsp);
        tally.add(RepairKind::InvisibleCharacters, invis, l_invis);
        tally.add(RepairKind::EthAsDStroke, eth, l_eth);
        Some(out)
    }

    proptest! {
        #[test]
        fn the_pass_is_the_character_by_character_one(
            text in proptest::collection::vec(
                prop_oneof![
                    Just("a"), Just(" "), Just("\r"), Just("\n"), Just("\r\n"), Just("\u{a0}"),
                    Just("\u{ad}"), Just("Ð"), Just("ð"), Just("\u{2007}"), Just("\u{202f}"),
                    Just("\u{200b}"), Just("\u{2060}"), Just("\u{feff}"), Just("à"), Just("–"),
                    Just("“"), Just("ĐIỀU"), Just("1")
                ],
                0..32,
            ).prop_map(|v| v.concat())
        ) {
            let (mut t1, mut t2) = (Tally::default(), Tally::default());
            let new = chars_pass(&text, &mut t1).unwrap_or_else(|| text.clone());
            let old = reference(&text, &mut t2).unwrap_or_else(|| text.clone());
            prop_assert_eq!(new, old);
            prop_assert_eq!(format!("{:?}", t1.0), format!("{:?}", t2.0));
        }
    }
}
