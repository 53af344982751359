//! Pass 1 — legacy-encoding mojibake: TCVN3, VNI or VISCII bytes that were read as
//! Windows-1252 (`Uû ban nh©n d©n`), decoded line by line with the encoding that scores best.

use super::{RepairKind, Tally, legacy_kind, restore_upper};
use crate::decode::legacy::{Legacy, cp1252_bytes};
use crate::viet::syllable::score;

/// A line that may be mojibake: some non-ASCII, and every character is one a Windows-1252
/// decoder produces (no Vietnamese letter outside Latin-1 appears in it).
fn mojibake_candidate(line: &str) -> Option<Vec<u8>> {
    if line.is_ascii() {
        return None;
    }
    cp1252_bytes(line)
}

/// Whether a text holds a character that Vietnamese text never uses but 8-bit mojibake always
/// brings (`©`, `µ`, `§`, `ø`, `Ö`, `Œ`, …): Vietnamese uses only these Latin-1 letters.
fn has_foreign_latin1(text: &str) -> bool {
    const VIETNAMESE_LATIN1: &str = "àáâãèéêìíòóôõùúýÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝ";
    text.chars().any(|c| {
        let u = c as u32;
        (0x80..0x100).contains(&u) && !VIETNAMESE_LATIN1.contains(c)
            || matches!(
                u,
                0x152 | 0x153 | 0x160 | 0x161 | 0x178 | 0x192 | 0x2C6 | 0x2DC
            )
    })
}

/// Decode the mojibake lines of the text with the legacy encoding that scores best.
pub(super) fn mojibake_pass(text: &str, tally: &mut Tally) -> Option<(String, Legacy)> {
    // no character that only mojibake brings: nothing to look at (clean text exits here)
    if text.is_ascii() || !has_foreign_latin1(text) {
        return None;
    }
    // quick reject: a text with a Vietnamese letter outside Latin-1 on most non-ASCII lines
    // is Unicode already; look only at lines that could be 8-bit text
    let lines: Vec<&str> = text.split_inclusive('\n').collect();
    let cands: Vec<(usize, Vec<u8>)> = lines
        .iter()
        .enumerate()
        .filter_map(|(k, l)| mojibake_candidate(l).map(|b| (k, b)))
        .collect();
    if cands.is_empty() {
        return None;
    }
    // score the candidates as they are and as each legacy encoding reads them
    let before: Vec<(f32, usize)> = cands.iter().map(|(k, _)| score(lines[*k])).collect();
    let words: usize = before.iter().map(|b| b.1).sum();
    if words < 3 {
        return None;
    }
    let ok_before: f32 = before.iter().map(|(s, n)| s * *n as f32).sum();
    let mut best: Option<(Legacy, f32, Vec<String>)> = None;
    for enc in [Legacy::Tcvn3, Legacy::Vni, Legacy::Viscii] {
        let decoded: Vec<String> = cands.iter().map(|(_, b)| enc.decode(b)).collect();
        let ok_after: f32 = decoded
            .iter()
            .map(|d| {
                let (s, n) = score(d);
                s * n as f32
            })
            .sum();
        if best.as_ref().is_none_or(|b| ok_after > b.1) {
            best = Some((enc, ok_after, decoded));
        }
    }
    let (enc, ok_after, decoded) = best?;
    // the whole text must read clearly better, and mostly as Vietnamese, to be converted
    if ok_after < ok_before + 2.0 || ok_after < 0.5 * words as f32 {
        return None;
    }
    let mut out = String::with_capacity(text.len() + text.len() / 8);
    let mut changed = 0usize;
    let mut upper = 0usize;
    let mut first = 0u32;
    let mut first_upper = 0u32;
    let mut ci = 0usize;
    for (k, line) in lines.iter().enumerate() {
        if ci < cands.len() && cands[ci].0 == k {
            let d = &decoded[ci];
            let (sb, nb) = before[ci];
            let (sa, _) = score(d);
            ci += 1;
            // a line converts when it reads better (or has no words to judge and holds no
            // Vietnamese letter as it stands)
            // once the text as a whole reads as this encoding, a line converts unless it
            // reads worse (`Sè: 12` and `Số: 12` both score as words)
            let _ = nb;
            if sa >= sb && d != line {
                let (d2, n_up) = if enc == Legacy::Tcvn3 {
                    restore_upper(d)
                } else {
                    (d.clone(), 0)
                };
                if changed == 0 {
                    first = k as u32 + 1;
                }
                changed += 1;
                if n_up > 0 && upper == 0 {
                    first_upper = k as u32 + 1;
                }
                upper += n_up;
                out.push_str(&d2);
                continue;
            }
        }
        out.push_str(line);
    }
    if changed == 0 {
        return None;
    }
    tally.add(legacy_kind(enc), changed, first);
    tally.add(RepairKind::UpperCase, upper, first_upper);
    Some((out, enc))
}
