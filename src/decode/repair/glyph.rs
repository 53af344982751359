//! Pass 3 — words of a PDF text layer written as glyph numbers read back as letters
//! (`6Ӣ CÔNG THѬѪNG` → `SỞ CÔNG THƯƠNG`), in a text that reads as such.

use super::{RepairKind, Tally};

/// Words written as glyph numbers (see [`crate::decode::glyphs`]), in a text that reads as such.
pub(super) fn glyph_pass(text: &str, tally: &mut Tally) -> Option<String> {
    // the glyph numbers of the toned letters are in the Cyrillic block (lead bytes D1–D3)
    if memchr::memchr3(0xD1, 0xD2, 0xD3, text.as_bytes()).is_none()
        || !crate::decode::glyphs::looks_like_glyph_numbers(text)
    {
        return None;
    }
    let mut out = String::with_capacity(text.len());
    let (mut n, mut first) = (0usize, 0u32);
    for (k, line) in text.split_inclusive('\n').enumerate() {
        let (l, c) = crate::decode::glyphs::read_line(line);
        if c > 0 && n == 0 {
            first = k as u32 + 1;
        }
        n += c;
        out.push_str(&l);
    }
    tally.add(RepairKind::GlyphNumbers, n, first);
    (n > 0).then_some(out)
}
