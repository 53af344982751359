//! Tệp PDF — the text layer of a PDF, its lines rebuilt from where each character stands on the
//! page, with the columns of a row (the issuer and the national heading, the Nơi nhận and the
//! signature) kept apart as cells.
//!
//! The characters come from `pdf-extract` (fonts, encodings and `ToUnicode` maps read by it,
//! on `lopdf`). On each page:
//! - characters whose baselines lie within half a font size of each other make one line;
//!   lines go top to bottom, characters left to right;
//! - a gap wider than a fifth of the font size between two characters is a space; a gap wider
//!   than [`COLUMN_GAP`] font sizes separates two cells (a tab, as the parser reads a row);
//! - a vertical gap of more than two line heights leaves a blank line;
//! - each page ends with a form feed.
//!
//! What the text layer holds is read as it is: glyph numbers of a font without a Unicode map
//! (`6ӕ\x1d` for `Số:`) and legacy-encoded letters are decoded by the repair passes. A PDF
//! whose pages hold no character (a scan) is an error that says to OCR it first.
//!
//! ```text
//! UBND TỈNH LÀO CAI           CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM      (two runs on one baseline)
//! ```
//! becomes `UBND TỈNH LÀO CAI⇥CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM`.

use super::glyphs::{GlyphOrder, ITALIC_BLOCKS, ITALIC_SHIFT};
use pdf_extract::{MediaBox, OutputDev, OutputError, Transform};

/// Why a PDF could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum PdfError {
    /// The file is damaged or cut short, or uses a structure the reader does not know.
    #[error("the PDF is damaged or cannot be read: {0}")]
    Corrupt(String),
    /// The PDF is encrypted with a password.
    #[error("the PDF is encrypted: save it without a password first")]
    Encrypted,
    /// No page holds a character: a scanned document.
    #[error("the PDF has no text layer (a scanned document): run OCR on it first")]
    NoTextLayer,
}

/// A gap between two characters of one baseline wider than this many font sizes separates two
/// cells (two columns of a row) rather than two words.
pub const COLUMN_GAP: f64 = 2.0;

/// Whether bytes are a PDF: they open with its header (`%PDF-`).
pub fn is_pdf(bytes: &[u8]) -> bool {
    bytes.starts_with(b"%PDF-")
}

/// The text of a PDF's text layer, as described in the module's documentation.
pub fn read(bytes: &[u8]) -> Result<String, PdfError> {
    // (the PDF reader is a third party's: a panic inside it is this file's error, never the
    // caller's crash)
    let result = std::panic::catch_unwind(|| {
        let mut doc =
            pdf_extract::Document::load_mem(bytes).map_err(|e| PdfError::Corrupt(e.to_string()))?;
        // the loader opens a file whose password is empty and takes `/Encrypt` out of the
        // trailer; still there, it names a password the reader was not given (lopdf's own
        // test sees only an `/Encrypt` written as a reference)
        if doc.trailer.get(b"Encrypt").is_ok() && (!doc.is_encrypted() || doc.decrypt("").is_err())
        {
            return Err(PdfError::Encrypted);
        }
        glyph_numbers_for_unmapped(&mut doc);
        without_comment_lines(&mut doc);
        let mut pages = Pages::default();
        pdf_extract::output_doc(&doc, &mut pages).map_err(|e| PdfError::Corrupt(e.to_string()))?;
        Ok(pages)
    });
    let pages = match result {
        Ok(r) => r?,
        Err(_) => {
            return Err(PdfError::Corrupt(
                "the PDF reader failed on this file".to_string(),
            ));
        }
    };
    if pages.chars == 0 {
        return Err(PdfError::NoTextLayer);
    }
    Ok(pages.text)
}

/// Give every two-byte (CID) font of Identity encoding a Unicode map that writes a character
/// without one as its glyph number (the character whose code is the number), the way
/// extraction tools write them: the glyph pass ([`super::glyphs`]) reads those numbers back as
/// letters. Left alone, the
/// reader drops such characters, and `TỈNH` in a font whose map lacks `Ỉ` loses its letters.
///
/// The map is the font's own (its `bfchar`/`bfrange` blocks, which win) after a range of the
/// codes 0 to 2047 to themselves.
fn glyph_numbers_for_unmapped(doc: &mut pdf_extract::Document) {
    use pdf_extract::{Dictionary, Object, Stream};
    let fonts: Vec<(pdf_extract::ObjectId, Option<pdf_extract::ObjectId>)> = doc
        .objects
        .iter()
        .filter_map(|(&id, o)| {
            let d = o.as_dict().ok()?;
            let is = |k: &[u8], v: &[u8]| d.get(k).and_then(Object::as_name).is_ok_and(|n| n == v);
            // (with an Identity encoding, a code is the glyph's number; other CMaps map codes
            // to characters of their own and are left to the reader)
            let identity = is(b"Encoding", b"Identity-H") || is(b"Encoding", b"Identity-V");
            (is(b"Type", b"Font") && is(b"Subtype", b"Type0") && identity)
                .then(|| (id, d.get(b"ToUnicode").and_then(Object::as_reference).ok()))
        })
        .collect();
    for (font, map) in fonts {
        let order = embedded_font(doc, font)
            .map(|f| super::truetype::glyph_order(&f))
            .unwrap_or(GlyphOrder::Regular);
        let own = map
            .and_then(|m| doc.get_object(m).ok())
            .and_then(|o| o.as_stream().ok())
            .and_then(|s| {
                s.decompressed_content()
                    .ok()
                    .or_else(|| Some(s.content.clone()))
            })
            .map(|c| String::from_utf8_lossy(&c).into_owned())
            .unwrap_or_default();
        // the ASCII glyphs (3 to 97 in the standard TrueType glyph order, which the fonts of
        // these documents keep) are their characters 29 places up; the other glyphs without a
        // Unicode entry are written as their numbers, for the glyph pass to read word by word
        let cmap = identity_then(&own, true, order);
        let id = doc.add_object(Object::Stream(Stream::new(
            Dictionary::new(),
            cmap.into_bytes(),
        )));
        if let Ok(Object::Dictionary(d)) = doc.objects.get_mut(&font).ok_or(()) {
            d.set("ToUnicode", Object::Reference(id));
        }
    }
}

/// The TrueType file a two-byte font embeds (its descendant's `FontFile2`), decompressed.
fn embedded_font(doc: &pdf_extract::Document, font: pdf_extract::ObjectId) -> Option<Vec<u8>> {
    use pdf_extract::Object;
    let deref = |o: &'_ Object| -> Option<Object> {
        match o {
            Object::Reference(r) => doc.get_object(*r).ok().cloned(),
            other => Some(other.clone()),
        }
    };
    let font = doc.get_object(font).ok()?.as_dict().ok()?;
    let descendants = deref(font.get(b"DescendantFonts").ok()?)?;
    let descendant = deref(descendants.as_array().ok()?.first()?)?;
    let descriptor = deref(descendant.as_dict().ok()?.get(b"FontDescriptor").ok()?)?;
    let file = descriptor
        .as_dict()
        .ok()?
        .get(b"FontFile2")
        .ok()?
        .as_reference()
        .ok()?;
    let stream = doc.get_object(file).ok()?.as_stream().ok()?;
    stream
        .decompressed_content()
        .ok()
        .or_else(|| Some(stream.content.clone()))
}

/// Take the comment lines (`% CANON_PFINF_TYPE0_TEXTON`, a scanner's note) out of the pages'
/// content streams: the content reader stops at them, and the page's text (the invisible
/// text layer a scanner's OCR lays over its image) would be lost with it.
fn without_comment_lines(doc: &mut pdf_extract::Document) {
    let streams: Vec<pdf_extract::ObjectId> = doc
        .get_pages()
        .values()
        .flat_map(|&page| doc.get_page_contents(page))
        .collect();
    for id in streams {
        let Some(pdf_extract::Object::Stream(stream)) = doc.objects.get_mut(&id) else {
            continue;
        };
        let Ok(content) = stream
            .decompressed_content()
            .or_else(|_| Ok::<_, ()>(stream.content.clone()))
        else {
            continue;
        };
        let is_comment = |l: &[u8]| l.iter().find(|b| !b.is_ascii_whitespace()) == Some(&b'%');
        if !content.split(|&b| b == b'\n').any(is_comment) {
            continue;
        }
        let kept: Vec<&[u8]> = content
            .split(|&b| b == b'\n')
            .filter(|l| !is_comment(l))
            .collect();
        stream.set_plain_content(kept.join(&b'\n'));
    }
}

/// A `ToUnicode` CMap mapping the codes 0 to 2047 to the characters of those numbers (with
/// `ascii`, codes 3 to 97 to the ASCII characters 29 places up), then the mapping blocks of
/// `own` (a font's map: its entries come later, so they win).
fn identity_then(own: &str, ascii: bool, order: GlyphOrder) -> String {
    let mut c = String::from(
        "/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n\
         /CMapName /Identity-Glyphs def /CMapType 2 def\n\
         1 begincodespacerange <0000> <FFFF> endcodespacerange\n",
    );
    // glyphs 0 to 2047: the glyph numbers the glyph pass knows end below 1400, and a map of
    // every two-byte code (65,536 entries per font, each a string in the reader's table) made
    // a PDF of six fonts take a second; a range stays within one high byte, as CMaps have it
    c.push_str("8 beginbfrange\n");
    for hi in 0u32..8 {
        c.push_str(&format!("<{hi:02X}00> <{hi:02X}FF> <{hi:02X}00>\n"));
    }
    c.push_str("endbfrange\n");
    if ascii {
        c.push_str("1 beginbfrange\n<0003> <0061> <0020>\nendbfrange\n");
    }
    // an italic font's letters written as the regular order's numbers, which the glyph pass
    // reads
    if order == GlyphOrder::Italic {
        c.push_str(&format!("{} beginbfrange\n", ITALIC_BLOCKS.len()));
        for (first, last) in ITALIC_BLOCKS {
            c.push_str(&format!(
                "<{first:04X}> <{last:04X}> <{:04X}>\n",
                first + ITALIC_SHIFT
            ));
        }
        c.push_str("endbfrange\n");
    }
    // the font's own blocks, whole
    let mut rest = own;
    while let Some(at) = rest.find("beginbf") {
        let Some(len) = rest[at..].find("endbf").map(|e| {
            e + rest[at + e..]
                .find(char::is_whitespace)
                .unwrap_or(rest.len() - at - e)
        }) else {
            break;
        };
        // the count before the keyword
        let line_start = rest[..at].rfind('\n').map_or(0, |k| k + 1);
        c.push_str(rest[line_start..at + len].trim());
        c.push('\n');
        rest = &rest[at + len..];
    }
    c.push_str("endcmap CMapName currentdict /CMap defineresource pop end end\n");
    c
}

/// One character placed on the page: where its baseline starts (y down the page), where it
/// ends along the line, and its font size.
#[derive(Debug, Clone)]
struct Glyph {
    x: f64,
    end: f64,
    y: f64,
    size: f64,
    text: String,
}

/// The pages read so far: their text, and the characters of the page being read.
#[derive(Default)]
struct Pages {
    text: String,
    glyphs: Vec<Glyph>,
    /// The top of the page (PDF's y goes up; lines are ordered down the page).
    top: f64,
    /// Characters read in all.
    chars: usize,
}

impl OutputDev for Pages {
    fn begin_page(
        &mut self,
        _page_num: u32,
        media_box: &MediaBox,
        _art_box: Option<(f64, f64, f64, f64)>,
    ) -> Result<(), OutputError> {
        self.glyphs.clear();
        self.top = media_box.ury;
        Ok(())
    }

    fn end_page(&mut self) -> Result<(), OutputError> {
        let glyphs = std::mem::take(&mut self.glyphs);
        self.text.push_str(&page_text(glyphs));
        self.text.push('\x0C');
        Ok(())
    }

    fn output_character(
        &mut self,
        trm: &Transform,
        width: f64,
        _spacing: f64,
        font_size: f64,
        char: &str,
    ) -> Result<(), OutputError> {
        // the font size on the page: the side of the square with the area of the transformed
        // (size, size) vector's rectangle
        let (vx, vy) = (
            font_size * (trm.m11 + trm.m21),
            font_size * (trm.m12 + trm.m22),
        );
        let size = (vx * vy).abs().sqrt();
        let (x, y) = (trm.m31, trm.m32);
        if !(x.is_finite() && y.is_finite() && size.is_finite()) || char.is_empty() {
            return Ok(());
        }
        self.chars += 1;
        // (a character is at most an em wide: a font whose widths say more is wrong, and a
        // column gap after it would be lost)
        let advance = (width * size).clamp(0.0, size);
        self.glyphs.push(Glyph {
            x,
            end: x + if advance.is_finite() { advance } else { 0.0 },
            y: self.top - y,
            size: if size > 0.0 { size } else { 1.0 },
            text: char.to_string(),
        });
        Ok(())
    }

    fn begin_word(&mut self) -> Result<(), OutputError> {
        Ok(())
    }

    fn end_word(&mut self) -> Result<(), OutputError> {
        Ok(())
    }

    fn end_line(&mut self) -> Result<(), OutputError> {
        Ok(())
    }
}

/// The lines of one page from its characters.
///
/// The characters are first cut into runs as the page draws them: a run goes on while the next
/// character stands on the same baseline, not to the left of the one before and not a column
/// apart. Runs are then put on lines by their baselines (top to bottom) and, within a line, by
/// where they start (left to right). Within a run the order is the page's own: a font with
/// wrong widths misplaces its characters, never their order.
fn page_text(glyphs: Vec<Glyph>) -> String {
    let mut runs: Vec<Vec<Glyph>> = Vec::new();
    for g in glyphs {
        match runs.last_mut() {
            Some(run)
                if run.last().is_some_and(|p| {
                    (g.y - p.y).abs() <= 0.5 * p.size.min(g.size)
                        && g.x >= p.x - 0.5 * p.size
                        && g.x - p.end <= COLUMN_GAP * g.size
                }) =>
            {
                run.push(g)
            }
            _ => runs.push(vec![g]),
        }
    }
    // top to bottom (a stable sort: runs of one baseline keep the page's order)
    runs.sort_by(|a, b| a[0].y.total_cmp(&b[0].y));
    let mut lines: Vec<Vec<Vec<Glyph>>> = Vec::new();
    for run in runs {
        match lines.last_mut() {
            Some(line)
                if (run[0].y - line[0][0].y).abs() <= 0.5 * line[0][0].size.min(run[0].size) =>
            {
                line.push(run)
            }
            _ => lines.push(vec![run]),
        }
    }
    let mut out = String::new();
    let mut last: Option<(f64, f64)> = None;
    for line in lines {
        let line = into_blanks(line);
        let (y, size) = (line[0][0].y, line[0][0].size);
        if let Some((last_y, last_size)) = last
            && y - last_y > 2.4 * last_size.max(size)
        {
            out.push('\n');
        }
        last = Some((y, size));
        let mut end: Option<f64> = None;
        for g in line.iter().flatten() {
            if let Some(e) = end {
                let gap = g.x - e;
                if gap > COLUMN_GAP * g.size {
                    out.push('\t');
                } else if gap > 0.2 * g.size
                    && !g.text.starts_with(' ')
                    && !out.ends_with([' ', '\t'])
                {
                    out.push(' ');
                }
            }
            out.push_str(&g.text);
            end = Some(end.map_or(g.end, |e: f64| e.max(g.end)));
        }
        out.push('\n');
    }
    out
}

/// The runs of one line left to right, a run drawn over the blank of another put into it.
///
/// A number and a day filled into a document's blanks when it is issued (`Số:      /SCT-CN`
/// stamped `3036`, `ngày    tháng 5` stamped `28`) are drawn after the line, over its spaces:
/// ordered by where runs start they would follow the whole line (`/SCT-CN3036`). A run that
/// starts within another and covers only its spaces splits it there, and those spaces go.
fn into_blanks(mut line: Vec<Vec<Glyph>>) -> Vec<Vec<Glyph>> {
    line.sort_by(|a, b| a[0].x.total_cmp(&b[0].x));
    let mut out: Vec<Vec<Glyph>> = Vec::with_capacity(line.len());
    for run in line {
        let (start, end) = (run[0].x, run.iter().map(|g| g.end).fold(run[0].x, f64::max));
        let covers = |g: &Glyph| g.end > start && g.x < end;
        let host = out.iter().position(|h| {
            h[0].x < start
                && h.last().is_some_and(|l| l.x > end)
                && h.iter()
                    .filter(|g| covers(g))
                    .all(|g| g.text.trim().is_empty())
        });
        match host {
            Some(i) => {
                let host = out.remove(i);
                let (before, after): (Vec<Glyph>, Vec<Glyph>) = host
                    .into_iter()
                    .filter(|g| !covers(g))
                    .partition(|g| g.x < start);
                let pieces = [before, run, after].into_iter().filter(|p| !p.is_empty());
                for (k, piece) in pieces.enumerate() {
                    out.insert(i + k, piece);
                }
            }
            None => out.push(run),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn g(x: f64, y: f64, text: &str) -> Glyph {
        Glyph {
            x,
            end: x + 6.0 * text.chars().count() as f64,
            y,
            size: 12.0,
            text: text.to_string(),
        }
    }

    #[test]
    fn lines_words_and_cells_by_place() {
        let glyphs = vec![
            // the second column first, as a PDF may draw it
            g(300.0, 100.0, "CỘNG"),
            g(330.0, 100.5, "HÒA"),
            g(50.0, 101.0, "UBND"),
            g(80.0, 100.0, "TỈNH"),
            g(50.0, 114.0, "Số:"),
            g(72.0, 114.0, "12/TB"),
            // far below: a blank line before it
            g(50.0, 200.0, "Nội"),
            g(71.0, 200.0, "dung."),
        ];
        assert_eq!(
            page_text(glyphs),
            "UBND TỈNH\tCỘNG HÒA\nSố: 12/TB\n\nNội dung.\n"
        );
    }

    #[test]
    fn a_number_stamped_into_a_blank_goes_into_it() {
        let mut glyphs = vec![g(50.0, 100.0, "Số:")];
        // the blank: spaces from 68 to 116
        glyphs.extend((0..8).map(|k| g(68.0 + 6.0 * k as f64, 100.0, " ")));
        glyphs.push(g(116.0, 100.0, "/SCT-CN"));
        // drawn after the line, over its spaces
        glyphs.push(g(80.0, 100.2, "3036"));
        assert_eq!(page_text(glyphs), "Số:  3036  /SCT-CN\n");
        // a run drawn over letters is no filler: it follows by where it starts
        let glyphs = vec![
            g(50.0, 100.0, "Số:"),
            g(74.0, 100.0, "12/TB"),
            g(76.0, 100.0, "X"),
        ];
        assert_eq!(page_text(glyphs), "Số: 12/TBX\n");
    }

    #[test]
    fn not_a_pdf_or_a_broken_one() {
        assert!(is_pdf(b"%PDF-1.7\n"));
        assert!(!is_pdf(b"PDF document"));
        assert!(matches!(
            read(b"%PDF-1.7\n%%EOF\n"),
            Err(PdfError::Corrupt(_))
        ));
        assert!(matches!(
            read(b"%PDF-1.4\n1 0 obj\n<<"),
            Err(PdfError::Corrupt(_))
        ));
    }
}
