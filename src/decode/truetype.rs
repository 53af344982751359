//! Phông nhúng — the TrueType fonts a PDF embeds, read only as far as telling which glyph
//! order a font follows ([`GlyphOrder`]), for a font whose text carries no Unicode map.
//!
//! Vietnamese letters are composite glyphs: `ạ` is the glyph of `a` with the glyph of the dot
//! below over it, and a composite names its base glyph first. A font whose composites agree
//! with an order (the glyph the order calls `ạ` is built on the glyph it calls `a`) follows
//! that order. Subsets keep the glyph numbers of the whole font, so the evidence is there
//! even when most glyphs were left out.

use super::glyphs::GlyphOrder;
use unicode_normalization::UnicodeNormalization;

/// The bytes of the table `tag` of a TrueType font file, if it has one and it lies within the
/// file.
fn table<'a>(font: &'a [u8], tag: &[u8; 4]) -> Option<&'a [u8]> {
    let count = usize::from(u16_at(font, 4)?);
    (0..count).find_map(|i| {
        let record = font.get(12 + 16 * i..28 + 16 * i)?;
        if &record[..4] != tag {
            return None;
        }
        let offset = u32_at(record, 8)? as usize;
        let len = u32_at(record, 12)? as usize;
        font.get(offset..offset.checked_add(len)?)
    })
}

fn u16_at(b: &[u8], at: usize) -> Option<u16> {
    Some(u16::from_be_bytes(b.get(at..at + 2)?.try_into().ok()?))
}

fn u32_at(b: &[u8], at: usize) -> Option<u32> {
    Some(u32::from_be_bytes(b.get(at..at + 4)?.try_into().ok()?))
}

/// A font's glyph outlines, enough to find each composite glyph's base.
struct Glyphs<'a> {
    loca: &'a [u8],
    glyf: &'a [u8],
    long_offsets: bool,
}

impl<'a> Glyphs<'a> {
    fn of(font: &'a [u8]) -> Option<Self> {
        let head = table(font, b"head")?;
        Some(Glyphs {
            loca: table(font, b"loca")?,
            glyf: table(font, b"glyf")?,
            long_offsets: u16_at(head, 50)? == 1,
        })
    }

    /// The first component of glyph `g` if it is a composite glyph (its base letter).
    fn base(&self, g: u32) -> Option<u32> {
        let g = g as usize;
        let (start, end) = if self.long_offsets {
            (
                u32_at(self.loca, 4 * g)? as usize,
                u32_at(self.loca, 4 * g + 4)? as usize,
            )
        } else {
            (
                2 * usize::from(u16_at(self.loca, 2 * g)?),
                2 * usize::from(u16_at(self.loca, 2 * g + 2)?),
            )
        };
        let glyph = self.glyf.get(start..end)?;
        // a negative contour count marks a composite; its first component follows the
        // ten-byte header: flags, then the component's glyph number
        let contours = i16::from_be_bytes(glyph.get(..2)?.try_into().ok()?);
        (contours < 0)
            .then(|| u16_at(glyph, 12))
            .flatten()
            .map(u32::from)
    }
}

/// The order the font's composite glyphs agree with best: for each order, a composite at one
/// of its letters counts for it when the base is a letter the order names and the letter is
/// that base with marks added (`ậ` on `a`, `ự` on `ư`), and against it otherwise. With no
/// evidence either way the order is [`GlyphOrder::Regular`].
pub(crate) fn glyph_order(font: &[u8]) -> GlyphOrder {
    let Some(glyphs) = Glyphs::of(font) else {
        return GlyphOrder::Regular;
    };
    let score = |order: GlyphOrder| -> i64 {
        let mut score = 0;
        for g in order.letter_glyphs() {
            let Some(base) = glyphs.base(g) else { continue };
            let agrees = match (order.letter(g), order.letter(base)) {
                (Some(letter), Some(base)) if letter != base => {
                    let base: String = std::iter::once(base).nfd().collect();
                    std::iter::once(letter)
                        .nfd()
                        .collect::<String>()
                        .starts_with(&base)
                }
                _ => false,
            };
            score += if agrees { 1 } else { -1 };
        }
        score
    };
    let italic = score(GlyphOrder::Italic);
    if italic > 0 && italic > score(GlyphOrder::Regular) {
        GlyphOrder::Italic
    } else {
        GlyphOrder::Regular
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A font file with the tables `head`, `loca` (long offsets) and `glyf`, where each glyph
    /// is given as `Some(base)` (a composite on that glyph) or `None` (a simple glyph).
    pub(crate) fn font(glyphs: &[(u32, Option<u32>)]) -> Vec<u8> {
        let count = glyphs.iter().map(|&(g, _)| g).max().unwrap_or(0) as usize + 1;
        let mut glyf = Vec::new();
        let mut loca = Vec::new();
        for g in 0..count {
            loca.extend_from_slice(&(glyf.len() as u32).to_be_bytes());
            match glyphs.iter().find(|&&(n, _)| n as usize == g) {
                Some(&(_, Some(base))) => {
                    glyf.extend_from_slice(&(-1i16).to_be_bytes());
                    glyf.extend_from_slice(&[0; 8]);
                    glyf.extend_from_slice(&0u16.to_be_bytes());
                    glyf.extend_from_slice(&(base as u16).to_be_bytes());
                    glyf.extend_from_slice(&[0, 0]);
                }
                Some(&(_, None)) => {
                    glyf.extend_from_slice(&1i16.to_be_bytes());
                    glyf.extend_from_slice(&[0; 12]);
                }
                None => {}
            }
        }
        loca.extend_from_slice(&(glyf.len() as u32).to_be_bytes());
        let mut head = vec![0u8; 54];
        head[50..52].copy_from_slice(&1u16.to_be_bytes());
        let tables: [(&[u8; 4], Vec<u8>); 3] = [(b"glyf", glyf), (b"head", head), (b"loca", loca)];
        let mut out = vec![0, 1, 0, 0];
        out.extend_from_slice(&(tables.len() as u16).to_be_bytes());
        out.extend_from_slice(&[0; 6]);
        let mut offset = 12 + 16 * tables.len();
        for (tag, data) in &tables {
            out.extend_from_slice(*tag);
            out.extend_from_slice(&[0; 4]);
            out.extend_from_slice(&(offset as u32).to_be_bytes());
            out.extend_from_slice(&(data.len() as u32).to_be_bytes());
            offset += data.len();
        }
        for (_, data) in &tables {
            out.extend_from_slice(data);
        }
        out
    }

    #[test]
    fn the_order_follows_the_composites() {
        // glyph 68 is `a`; the italic order's `ạ` (809) and `ậ` (821) are built on it
        let italic = font(&[
            (68, None),
            (753, None),
            (809, Some(68)),
            (821, Some(68)),
            (889, Some(753)),
        ]);
        assert_eq!(glyph_order(&italic), GlyphOrder::Italic);
        // the regular order's `ạ` (1189) on `a`
        let regular = font(&[(68, None), (1189, Some(68)), (1201, Some(68))]);
        assert_eq!(glyph_order(&regular), GlyphOrder::Regular);
        // composites that agree with neither, no composites, and no font at all
        let neither = font(&[(72, None), (809, Some(72)), (821, Some(72))]);
        assert_eq!(glyph_order(&neither), GlyphOrder::Regular);
        assert_eq!(glyph_order(&font(&[(68, None)])), GlyphOrder::Regular);
        assert_eq!(glyph_order(b"not a font"), GlyphOrder::Regular);
        assert_eq!(glyph_order(&italic[..40]), GlyphOrder::Regular);
    }

    #[test]
    fn italic_letters_are_the_regular_ones_moved() {
        assert_eq!(GlyphOrder::Italic.letter(751), Some('ơ'));
        assert_eq!(GlyphOrder::Italic.letter(821), Some('ậ'));
        assert_eq!(GlyphOrder::Italic.letter(889), Some('ự'));
        assert_eq!(GlyphOrder::Italic.letter(895), Some('ỹ'));
        assert_eq!(GlyphOrder::Italic.letter(68), Some('a'));
        assert_eq!(GlyphOrder::Italic.letter(1201), None);
        assert_eq!(GlyphOrder::Regular.letter(1201), Some('ậ'));
    }
}
