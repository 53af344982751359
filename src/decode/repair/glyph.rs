//! Pass 3 — words of a PDF text layer written as glyph numbers read back as letters
//! (`6Ӣ CÔNG THѬѪNG` → `SỞ CÔNG THƯƠNG`), in each run of lines that reads as such.

use super::{RepairKind, Tally, region};
use crate::decode::glyphs;
use crate::viet::syllable::score;

/// Words written as glyph numbers (see [`crate::decode::glyphs`]), in each run of lines that
/// reads as such (runs end at lines of Unicode Vietnamese with no glyph number in them).
/// Called when [`super::signs::Signs::glyph`] saw a letter of the Cyrillic block (lead bytes
/// D1–D4), where the glyph numbers of the toned letters are. `pdf`: the text is a PDF's text
/// layer as vanban's reader writes it, where a glyph number among letters is one for certain
/// (a run needs no more than one, and no other Cyrillic letter).
pub(super) fn glyph_pass(text: &str, pdf: bool, tally: &mut Tally) -> Option<String> {
    let lines: Vec<&str> = text.split_inclusive('\n').collect();
    let unicode = |l: &str| {
        // a letter of the Vietnamese block
        let b = l.as_bytes();
        let block = memchr::memchr_iter(0xE1, b).any(|i| region::vietnamese_block_at(b, i));
        block && !glyphs::has_signal(l)
    };
    let mut read = vec![false; lines.len()];
    for run in region::runs_between(&lines, unicode) {
        // from the first line with a glyph number to the last (the lines around them may
        // belong to a neighbouring text of another kind: OCR, plain ASCII)
        let signal = |&k: &usize| glyphs::has_signal(lines[k]);
        let (Some(a), Some(b)) = (run.clone().find(signal), run.clone().rev().find(signal)) else {
            continue;
        };
        let run_text = lines[a..=b].concat();
        let certain = pdf && glyphs::only_glyph_numbers_in_cyrillic(&run_text);
        if !certain && !glyphs::looks_like_glyph_numbers(&run_text) {
            continue;
        }
        read[a..=b].fill(true);
        // a line next to them is read too when it then holds more syllables (a name such as
        // `Hoàng 9ăQ Thuân`, whose letters are all ASCII or Latin-1, under the signature)
        let gains = |k: usize| {
            let syllables = |t: &str| {
                let (s, n) = score(t);
                s * n as f32
            };
            syllables(&glyphs::read_line(lines[k]).0) > syllables(lines[k])
        };
        for k in (b + 1..run.end).take_while(|&k| gains(k)) {
            read[k] = true;
        }
        for k in (run.start..a).rev().take_while(|&k| gains(k)) {
            read[k] = true;
        }
    }
    if !read.contains(&true) {
        return None;
    }
    let mut out = String::with_capacity(text.len());
    let (mut n, mut first) = (0usize, 0u32);
    for (k, line) in lines.iter().enumerate() {
        if !read[k] {
            out.push_str(line);
            continue;
        }
        let (l, c) = glyphs::read_line(line);
        if c > 0 && n == 0 {
            first = k as u32 + 1;
        }
        n += c;
        out.push_str(&l);
    }
    tally.add(RepairKind::GlyphNumbers, n, first);
    (n > 0).then_some(out)
}
