//! Pass 2 — characters: CRLF and lone CR line ends, no-break and other fixed-width spaces,
//! zero-width characters and soft hyphens, `Ð` (eth) for `Đ`.

use super::{RepairKind, Tally};

/// Line ends, no-break spaces, invisible characters and eth (called when
/// [`super::signs::Signs::chars`] saw one of them).
pub(super) fn chars_pass(text: &str, tally: &mut Tally) -> Option<String> {
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
