//! Pass 2 — characters: CRLF and lone CR line ends, no-break and other fixed-width spaces,
//! zero-width characters and soft hyphens, `Ð` (eth) for `Đ`; byte scans decide whether to look.

use super::{RepairKind, Tally};

/// Line ends, no-break spaces, invisible characters and eth.
pub(super) fn chars_pass(text: &str, tally: &mut Tally) -> Option<String> {
    let b = text.as_bytes();
    let has_cr = memchr::memchr(b'\r', b).is_some();
    let mut special = has_cr;
    if !special {
        for i in memchr::memchr3_iter(0xC2, 0xC3, 0xE2, b).chain(memchr::memchr_iter(0xEF, b)) {
            let n1 = b.get(i + 1).copied();
            let n2 = b.get(i + 2).copied();
            special = match b[i] {
                0xC2 => matches!(n1, Some(0xA0 | 0xAD)),
                0xC3 => matches!(n1, Some(0x90 | 0xB0)),
                0xE2 => matches!(
                    (n1, n2),
                    (Some(0x80), Some(0x87 | 0x8B..=0x8D | 0xAF)) | (Some(0x81), Some(0xA0))
                ),
                _ => n1 == Some(0xBB) && n2 == Some(0xBF),
            };
            if special {
                break;
            }
        }
    }
    if !special {
        return None;
    }
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
