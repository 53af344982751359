//! Tệp Word (.docx) — a WordprocessingML package read into the lines the text path gives, with
//! the cells of a table known instead of guessed.
//!
//! A .docx is a zip archive holding `word/document.xml` (and `word/numbering.xml`,
//! `word/styles.xml` for list numbering). What becomes text:
//! - a paragraph (`w:p`) is a line; a line break (`w:br`, `w:cr`) inside it starts another, a
//!   page break (`w:br w:type="page"`) also ends the page (a form feed, as in extracted text);
//! - a tab (`w:tab`) is a tab, a non-breaking hyphen a hyphen, a soft hyphen nothing;
//! - the number or bullet Word prints before a list paragraph (`numbering.xml`: `1.`, `a)`,
//!   `II.`, `Điều 3.`, `-`) is written before its text, as printed;
//! - a table row is written line by line with its cells side by side, separated by tabs (the
//!   way the parser reads a row of cells): line *k* of the row holds line *k* of each cell, so
//!   the issuer column and the national heading column of a header table stand on the same
//!   lines as printed, never interleaved (`src/decode/word.rs` writes the rows). A merged cell is
//!   written once, a cell over several grid columns leaves the others empty, and a table inside
//!   a cell is written into that cell row by row;
//! - a text box's paragraphs follow the paragraph that anchors it (the `mc:Fallback` copy of a
//!   drawing is skipped, so nothing is read twice);
//! - deleted text (`w:del`, `w:moveFrom`) and field instructions (`PAGE`, `HYPERLINK …`) are
//!   not text; a field's result is.
//!
//! Page headers and footers (`word/header1.xml`, `word/footer2.xml`: a running title, a page
//! number) are not part of the document's flow: their lines, each once, follow the document
//! after a form feed, and [`read_with_furniture`] says which lines they are (the parser keeps
//! them as artefacts, `page-header` and `page-footer`).
//!
//! ```text
//! <w:tr><w:tc><w:p>…UBND TỈNH LÀO CAI…</w:p><w:p>…Số: 12/TB-VP…</w:p></w:tc>
//!       <w:tc><w:p>…CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM…</w:p>…</w:tc></w:tr>
//! ```
//! becomes `UBND TỈNH LÀO CAI⇥CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM` and `Số: 12/TB-VP⇥Độc lập - Tự
//! do - Hạnh phúc`.

use std::collections::HashMap;
use std::io::Read;

use quick_xml::events::{BytesStart, Event};

use super::Furniture;
use super::word::{self, Item};

/// The most bytes an entry of the archive may inflate to: a real document.xml is a few MB; a
/// zip bomb inflates a few KB into gigabytes.
pub const MAX_INFLATED: u64 = 256 * 1024 * 1024;

/// Why a .docx could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum DocxError {
    /// The zip archive is damaged or cut short (its central directory cannot be read).
    #[error("the zip archive is damaged or truncated: {0}")]
    Corrupt(String),
    /// A zip archive without `word/document.xml`: some other package, not a Word document.
    #[error("a zip archive without word/document.xml: not a Word .docx")]
    NoDocument,
    /// An entry inflates to more than [`MAX_INFLATED`] bytes (a zip bomb, or no document).
    #[error("{entry} inflates to more than {limit} bytes: refused")]
    TooLarge {
        /// The entry's name.
        entry: String,
        /// The limit, in bytes.
        limit: u64,
    },
    /// The entry is encrypted (a password-protected archive).
    #[error("{0} is encrypted: open the document in Word and save it without a password")]
    Encrypted(String),
    /// The XML of an entry is not well-formed or not UTF-8.
    #[error("{entry} is not well-formed XML: {reason}")]
    Xml {
        /// The entry's name.
        entry: String,
        /// What the XML reader said.
        reason: String,
    },
}

/// Whether bytes are a zip archive (a local file header, or the end record of an empty one).
pub fn is_zip(bytes: &[u8]) -> bool {
    bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(b"PK\x05\x06")
}

/// The text of a .docx, as described in the module's documentation.
pub fn read(bytes: &[u8]) -> Result<String, DocxError> {
    read_limited(bytes, MAX_INFLATED).map(|(text, _)| text)
}

/// [`read`], and which lines of the text are page header and footer lines (1-based).
pub fn read_with_furniture(bytes: &[u8]) -> Result<(String, Vec<(u32, Furniture)>), DocxError> {
    read_limited(bytes, MAX_INFLATED)
}

/// [`read_with_furniture`], with entries inflating to at most `limit` bytes.
fn read_limited(bytes: &[u8], limit: u64) -> Result<(String, Vec<(u32, Furniture)>), DocxError> {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes))
        .map_err(|e| DocxError::Corrupt(e.to_string()))?;
    // the page headers and footers, in the order of their part names (`header1.xml`, …)
    let mut parts: Vec<(String, Furniture)> = zip
        .file_names()
        .filter_map(|n| {
            let n = n.ok()?;
            let file = n.strip_prefix("word/")?.strip_suffix(".xml")?;
            let kind = if file.starts_with("header") {
                Furniture::Header
            } else if file.starts_with("footer") {
                Furniture::Footer
            } else {
                return None;
            };
            file.bytes()
                .skip(6)
                .all(|b| b.is_ascii_digit())
                .then(|| (n.to_string(), kind))
        })
        .collect();
    parts.sort_by(|a, b| (a.1 as u8, a.0.len(), &a.0).cmp(&(b.1 as u8, b.0.len(), &b.0)));
    let mut entry = |name: &str| entry(&mut zip, name, limit);
    let document = entry("word/document.xml")?.ok_or(DocxError::NoDocument)?;
    let numbering = match entry("word/numbering.xml")? {
        Some(x) => Numbering::read(&x)?,
        None => Numbering::default(),
    };
    let styles = match entry("word/styles.xml")? {
        Some(x) => style_numbers(&x)?,
        None => HashMap::new(),
    };
    let mut counters = Counters {
        numbering,
        counts: HashMap::new(),
    };
    let body = Body::read(&document, &styles, &mut counters)?;
    let mut text = word::render(body.items);
    // each header and footer line once (a document has one per section and page kind, mostly
    // alike), after the document and a form feed: the line numbers say which they are
    let mut furniture_lines: Vec<(String, Furniture)> = Vec::new();
    // (each part is capped as every entry is, and all of them together too: an archive of
    // many large header parts is no document)
    let mut read = 0u64;
    for (name, kind) in parts {
        let Some(xml) = entry(&name)? else { continue };
        read += xml.len() as u64;
        if read > limit {
            return Err(DocxError::TooLarge {
                entry: "word/header*.xml and word/footer*.xml".to_string(),
                limit,
            });
        }
        let part = Body::read_part(&xml, &name, &styles, &mut counters)?;
        for line in word::render(part.items).lines() {
            let line = line.trim();
            if !line.is_empty() && !furniture_lines.iter().any(|(l, _)| l == line) {
                furniture_lines.push((line.to_string(), kind));
            }
        }
    }
    let mut furniture = Vec::with_capacity(furniture_lines.len());
    if !furniture_lines.is_empty() {
        if !text.is_empty() && !text.ends_with('\n') {
            text.push('\n');
        }
        text.push('\x0C');
        // (the text ends with a line end here: no line of it is left open)
        let mut no = crate::lines::physical_lines(&text).count() as u32;
        for (line, kind) in furniture_lines {
            no += 1;
            text.push_str(&line);
            text.push('\n');
            furniture.push((no, kind));
        }
    }
    Ok((text, furniture))
}

/// One entry of the archive, inflated (at most `limit` bytes) and read as UTF-8; `None` when
/// the archive has no such entry.
fn entry<R: Read + std::io::Seek>(
    zip: &mut zip::ZipArchive<R>,
    name: &str,
    limit: u64,
) -> Result<Option<String>, DocxError> {
    let mut f = match zip.by_name(name) {
        Ok(f) => f,
        Err(zip::result::ZipError::FileNotFound) => return Ok(None),
        Err(zip::result::ZipError::UnsupportedArchive(m)) if m.contains("assword") => {
            return Err(DocxError::Encrypted(name.to_string()));
        }
        Err(e) => return Err(DocxError::Corrupt(format!("{name}: {e}"))),
    };
    if f.encrypted() {
        return Err(DocxError::Encrypted(name.to_string()));
    }
    let too_large = || DocxError::TooLarge {
        entry: name.to_string(),
        limit,
    };
    if f.size() > limit {
        return Err(too_large());
    }
    // (the size the archive declares may lie: the reading itself is capped too)
    let mut buf = Vec::with_capacity(f.size() as usize);
    (&mut f)
        .take(limit + 1)
        .read_to_end(&mut buf)
        .map_err(|e| DocxError::Corrupt(format!("{name}: {e}")))?;
    if buf.len() as u64 > limit {
        return Err(too_large());
    }
    let text = String::from_utf8(buf).map_err(|e| DocxError::Xml {
        entry: name.to_string(),
        reason: format!("not UTF-8 at byte {}", e.utf8_error().valid_up_to()),
    })?;
    Ok(Some(text))
}

/// An XML error of `entry`.
fn xml_error(entry: &str, e: impl std::fmt::Display) -> DocxError {
    DocxError::Xml {
        entry: entry.to_string(),
        reason: e.to_string(),
    }
}

/// The value of attribute `w:name` (any prefix) of an element.
fn attr(e: &BytesStart<'_>, name: &str) -> Option<String> {
    e.attributes()
        .flatten()
        .find(|a| a.key.local_name().as_ref() == name)
        .and_then(|a| {
            a.normalized_value(quick_xml::XmlVersion::Implicit1_0)
                .ok()
                .map(|v| v.into_owned())
        })
}

/// The character an entity reference stands for (`&amp;`, `&#7897;`).
fn entity(name: &str) -> Option<char> {
    match name {
        "amp" => Some('&'),
        "lt" => Some('<'),
        "gt" => Some('>'),
        "quot" => Some('"'),
        "apos" => Some('\''),
        _ => {
            let n = name.strip_prefix('#')?;
            let code = match n.strip_prefix(['x', 'X']) {
                Some(hex) => u32::from_str_radix(hex, 16).ok()?,
                None => n.parse().ok()?,
            };
            char::from_u32(code)
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Numbering

/// How one level of a list is printed.
#[derive(Debug, Clone, Default)]
struct Level {
    /// `decimal`, `lowerLetter`, `upperRoman`, `bullet`, …
    format: String,
    /// The printed form with `%1`…`%9` for the counters of the levels (`%1.`, `Điều %1.`).
    text: String,
    /// The first number.
    start: u32,
}

/// `numbering.xml`: the levels of each abstract list, and the list (`numId`) that uses it.
#[derive(Debug, Default)]
struct Numbering {
    abstracts: HashMap<String, Vec<Level>>,
    /// numId → (abstractNumId, start overrides per level).
    nums: HashMap<String, (String, HashMap<usize, u32>)>,
}

impl Numbering {
    fn read(xml: &str) -> Result<Numbering, DocxError> {
        let name = "word/numbering.xml";
        let mut r = quick_xml::Reader::from_str(xml);
        let mut n = Numbering::default();
        let mut abs: Option<(String, Vec<Level>)> = None;
        let mut lvl: Option<(usize, Level)> = None;
        let mut num: Option<(String, String, HashMap<usize, u32>)> = None;
        let mut override_lvl: Option<usize> = None;
        loop {
            let ev = r.read_event().map_err(|e| xml_error(name, e))?;
            match &ev {
                Event::Start(e) | Event::Empty(e) => {
                    let empty = matches!(ev, Event::Empty(_));
                    match e.local_name().as_ref() {
                        "abstractNum" if !empty => {
                            abs = Some((attr(e, "abstractNumId").unwrap_or_default(), Vec::new()));
                        }
                        "lvl" if !empty && abs.is_some() => {
                            let i = attr(e, "ilvl").and_then(|v| v.parse().ok()).unwrap_or(0);
                            lvl = Some((
                                i,
                                Level {
                                    start: 1,
                                    ..Level::default()
                                },
                            ));
                        }
                        "start" => {
                            if let (Some((_, l)), Some(v)) = (&mut lvl, attr(e, "val")) {
                                l.start = v.parse().unwrap_or(1);
                            }
                        }
                        "numFmt" => {
                            if let (Some((_, l)), Some(v)) = (&mut lvl, attr(e, "val")) {
                                l.format = v;
                            }
                        }
                        "lvlText" => {
                            if let (Some((_, l)), Some(v)) = (&mut lvl, attr(e, "val")) {
                                l.text = v;
                            }
                        }
                        "num" if !empty => {
                            num = Some((
                                attr(e, "numId").unwrap_or_default(),
                                String::new(),
                                HashMap::new(),
                            ));
                        }
                        "abstractNumId" => {
                            if let (Some(m), Some(v)) = (&mut num, attr(e, "val")) {
                                m.1 = v;
                            }
                        }
                        "lvlOverride" => {
                            override_lvl = attr(e, "ilvl").and_then(|v| v.parse().ok());
                        }
                        "startOverride" => {
                            if let (Some(m), Some(i), Some(v)) =
                                (&mut num, override_lvl, attr(e, "val"))
                            {
                                m.2.insert(i, v.parse().unwrap_or(1));
                            }
                        }
                        _ => {}
                    }
                }
                Event::End(e) => match e.local_name().as_ref() {
                    "lvl" => {
                        if let (Some((i, l)), Some((_, levels))) = (lvl.take(), &mut abs) {
                            if levels.len() <= i {
                                levels.resize(i + 1, Level::default());
                            }
                            levels[i] = l;
                        }
                    }
                    "abstractNum" => {
                        if let Some((id, levels)) = abs.take() {
                            n.abstracts.insert(id, levels);
                        }
                    }
                    "num" => {
                        if let Some((id, a, o)) = num.take() {
                            n.nums.insert(id, (a, o));
                        }
                    }
                    _ => {}
                },
                Event::Eof => break,
                _ => {}
            }
        }
        Ok(n)
    }
}

/// The list numbers as Word prints them while the paragraphs come in order: a counter per
/// list and level; a level's counter starts again when a level above it moves on.
struct Counters {
    numbering: Numbering,
    /// abstractNumId → counters per level (lists that share an abstract list count together).
    counts: HashMap<String, Vec<Option<u32>>>,
}

impl Counters {
    /// The label printed before a paragraph of list `num_id` at level `ilvl` (`2.`, `b)`, `-`),
    /// or `None` when the list prints nothing there.
    fn next(&mut self, num_id: &str, ilvl: usize) -> Option<String> {
        let (abs, overrides) = self.numbering.nums.get(num_id)?;
        let levels = self.numbering.abstracts.get(abs)?;
        let level = levels.get(ilvl)?;
        let counts = self.counts.entry(abs.clone()).or_default();
        if counts.len() < levels.len().max(ilvl + 1) {
            counts.resize(levels.len().max(ilvl + 1), None);
        }
        let start = |i: usize| {
            overrides
                .get(&i)
                .copied()
                .unwrap_or_else(|| levels.get(i).map_or(1, |l| l.start))
        };
        counts[ilvl] = Some(match counts[ilvl] {
            Some(c) => c + 1,
            None => start(ilvl),
        });
        for c in counts.iter_mut().skip(ilvl + 1) {
            *c = None;
        }
        if level.format == "none" {
            return None;
        }
        if level.format == "bullet" {
            let b = bullet(&level.text);
            return (!b.is_empty()).then_some(b);
        }
        let mut out = String::new();
        let mut chars = level.text.chars().peekable();
        while let Some(c) = chars.next() {
            if c == '%'
                && let Some(d) = chars.peek().and_then(|d| d.to_digit(10))
                && (1..=9).contains(&d)
            {
                chars.next();
                let i = d as usize - 1;
                let n = counts.get(i).copied().flatten().unwrap_or_else(|| start(i));
                let format = levels.get(i).map_or("decimal", |l| l.format.as_str());
                out.push_str(&format_number(n, format));
            } else {
                out.push(c);
            }
        }
        let out = out.trim().to_string();
        (!out.is_empty()).then_some(out)
    }
}

/// A bullet as printed: the Symbol and Wingdings code points Word uses (private use area)
/// read as the mark they draw.
fn bullet(text: &str) -> String {
    text.chars()
        .map(|c| match c as u32 {
            0xF0B7 | 0xF09F | 0xF06C | 0x2022 => '•',
            0xF02D | 0xF0BE => '-',
            0xF0A7 | 0xF06E | 0xF0FC | 0xF0D8 | 0xF0A8 => '▪',
            0xF000..=0xF0FF => '•',
            _ => c,
        })
        .collect::<String>()
        .trim()
        .to_string()
}

/// A counter in a list format: `decimal` 3, `lowerLetter` c, `upperRoman` III, …
fn format_number(n: u32, format: &str) -> String {
    match format {
        "lowerLetter" => letters(n, false),
        "upperLetter" => letters(n, true),
        "lowerRoman" => roman(n).to_lowercase(),
        "upperRoman" => roman(n),
        "decimalZero" => format!("{n:02}"),
        _ => n.to_string(),
    }
}

/// `a`…`z`, then `aa`, `bb`, … as Word counts letters.
fn letters(n: u32, upper: bool) -> String {
    if n == 0 {
        return String::new();
    }
    let base = if upper { b'A' } else { b'a' };
    let c = char::from(base + ((n - 1) % 26) as u8);
    std::iter::repeat_n(c, ((n - 1) / 26 + 1) as usize).collect()
}

/// Roman numerals (up to 3999; larger numbers are written as digits).
fn roman(mut n: u32) -> String {
    if n == 0 || n > 3999 {
        return n.to_string();
    }
    const TABLE: [(u32, &str); 13] = [
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ];
    let mut s = String::new();
    for (v, r) in TABLE {
        while n >= v {
            s.push_str(r);
            n -= v;
        }
    }
    s
}

/// `styles.xml`: the list (numId, level) a paragraph style carries, for paragraphs numbered
/// through their style (`Heading 1` numbered `Điều %1.`).
fn style_numbers(xml: &str) -> Result<HashMap<String, (String, usize)>, DocxError> {
    let name = "word/styles.xml";
    let mut r = quick_xml::Reader::from_str(xml);
    let mut out = HashMap::new();
    let mut style: Option<String> = None;
    let (mut num, mut ilvl): (Option<String>, usize) = (None, 0);
    loop {
        match r.read_event().map_err(|e| xml_error(name, e))? {
            Event::Start(e) | Event::Empty(e) => match e.local_name().as_ref() {
                "style" => {
                    style = attr(&e, "styleId");
                    num = None;
                    ilvl = 0;
                }
                "numId" if style.is_some() => num = attr(&e, "val"),
                "ilvl" if style.is_some() => {
                    ilvl = attr(&e, "val").and_then(|v| v.parse().ok()).unwrap_or(0);
                }
                _ => {}
            },
            Event::End(e) if e.local_name().as_ref() == "style" => {
                if let (Some(s), Some(n)) = (style.take(), num.take()) {
                    out.insert(s, (n, ilvl));
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    Ok(out)
}

// ---------------------------------------------------------------------------------------------
// The body

/// The document's body, read from `document.xml`.
struct Body {
    items: Vec<Item>,
}

/// What is open where the reader stands, innermost last: the body, tables, rows, cells and
/// paragraphs (a text box inside a paragraph opens paragraphs, even tables, of its own).
enum Frame {
    /// The body or a cell: the items read so far.
    Items(Vec<Item>),
    /// A table: its rows.
    Table(Vec<Vec<Option<Vec<Item>>>>),
    /// A row: its cells.
    Row(Vec<Option<Vec<Item>>>),
    /// A paragraph.
    Para(Para),
}

/// The paragraph being read.
#[derive(Default)]
struct Para {
    text: String,
    num_id: Option<String>,
    ilvl: Option<usize>,
    style: Option<String>,
    /// What text boxes anchored in this paragraph hold, written after it.
    boxes: Vec<Item>,
}

/// The innermost paragraph open.
fn para(stack: &mut [Frame]) -> Option<&mut Para> {
    stack.iter_mut().rev().find_map(|f| match f {
        Frame::Para(p) => Some(p),
        _ => None,
    })
}

/// Put a finished item into the innermost frame that holds items: a cell or the body, or the
/// paragraph whose text box it stood in.
fn push_item(stack: &mut [Frame], item: Item) {
    match stack.last_mut() {
        Some(Frame::Items(v)) => v.push(item),
        Some(Frame::Para(p)) => p.boxes.push(item),
        // (a paragraph straight inside a row or a table: malformed, and written in place)
        Some(Frame::Row(cells)) => cells.push(Some(vec![item])),
        Some(Frame::Table(rows)) => rows.push(vec![Some(vec![item])]),
        None => {}
    }
}

impl Body {
    fn read(
        xml: &str,
        styles: &HashMap<String, (String, usize)>,
        counters: &mut Counters,
    ) -> Result<Body, DocxError> {
        Body::read_part(xml, "word/document.xml", styles, counters)
    }

    /// The paragraphs and tables of one part of the package (the document, a header, a
    /// footer); `name` names it in errors.
    fn read_part(
        xml: &str,
        name: &str,
        styles: &HashMap<String, (String, usize)>,
        counters: &mut Counters,
    ) -> Result<Body, DocxError> {
        let mut r = quick_xml::Reader::from_str(xml);
        let mut stack: Vec<Frame> = vec![Frame::Items(Vec::new())];
        // elements whose content is not text (deleted text, field instructions, the fallback
        // copy of a drawing, tab stops, run properties): the depth of the outermost one open
        let mut skip: Option<usize> = None;
        let mut depth = 0usize;
        // whether the cell being read continues a vertical merge, and the grid columns it spans
        let mut merged_cell = false;
        let mut span = 1usize;
        let mut in_text = false;
        loop {
            let ev = r.read_event().map_err(|e| xml_error(name, e))?;
            match ev {
                Event::Start(e) => {
                    depth += 1;
                    if skip.is_some() {
                        continue;
                    }
                    match e.local_name().as_ref() {
                        "Fallback" | "del" | "moveFrom" | "instrText" | "delText" | "rPr"
                        | "tabs" | "sectPr" => skip = Some(depth),
                        "tbl" => stack.push(Frame::Table(Vec::new())),
                        "tr" => stack.push(Frame::Row(Vec::new())),
                        "tc" => {
                            merged_cell = false;
                            span = 1;
                            stack.push(Frame::Items(Vec::new()));
                        }
                        "p" => stack.push(Frame::Para(Para::default())),
                        "t" => in_text = true,
                        _ => properties(&e, &mut stack, &mut merged_cell, &mut span),
                    }
                }
                Event::Empty(e) => {
                    if skip.is_some() {
                        continue;
                    }
                    match e.local_name().as_ref() {
                        "p" => push_item(&mut stack, Item::Para(String::new())),
                        "tc" => {
                            if let Some(Frame::Row(cells)) = stack.last_mut() {
                                cells.push(Some(Vec::new()));
                            }
                        }
                        local => {
                            let text = match local {
                                "tab" | "ptab" => Some("\t".to_string()),
                                "br" if attr(&e, "type").as_deref() == Some("page") => {
                                    Some("\x0C".to_string())
                                }
                                "br" | "cr" => Some("\n".to_string()),
                                "noBreakHyphen" => Some("-".to_string()),
                                "sym" => attr(&e, "char")
                                    .and_then(|h| u32::from_str_radix(&h, 16).ok())
                                    .and_then(char::from_u32)
                                    .map(|c| bullet(&c.to_string())),
                                _ => None,
                            };
                            match (text, para(&mut stack)) {
                                (Some(t), Some(p)) => p.text.push_str(&t),
                                _ => properties(&e, &mut stack, &mut merged_cell, &mut span),
                            }
                        }
                    }
                }
                Event::Text(t) => {
                    if skip.is_none()
                        && in_text
                        && let Some(p) = para(&mut stack)
                    {
                        p.text.push_str(&t.xml10_content());
                    }
                }
                Event::GeneralRef(g) => {
                    if skip.is_none()
                        && in_text
                        && let Some(p) = para(&mut stack)
                        && let Some(c) = entity(&g.into_inner())
                    {
                        p.text.push(c);
                    }
                }
                Event::CData(t) => {
                    if skip.is_none()
                        && in_text
                        && let Some(p) = para(&mut stack)
                    {
                        p.text.push_str(&t.into_inner());
                    }
                }
                Event::End(e) => {
                    if let Some(d) = skip {
                        if d == depth {
                            skip = None;
                        }
                        depth -= 1;
                        continue;
                    }
                    depth = depth.saturating_sub(1);
                    match e.local_name().as_ref() {
                        "t" => in_text = false,
                        "p" => {
                            if let Some(Frame::Para(p)) = stack.pop() {
                                let num = match (p.num_id, p.style) {
                                    (Some(n), _) if n == "0" => None,
                                    (Some(n), _) => Some((n, p.ilvl.unwrap_or(0))),
                                    (None, Some(s)) => styles
                                        .get(&s)
                                        .map(|(n, l)| (n.clone(), p.ilvl.unwrap_or(*l))),
                                    (None, None) => None,
                                };
                                // (the label is worked out as the paragraphs come, in order)
                                let label = num.and_then(|(n, l)| counters.next(&n, l));
                                let text = match label {
                                    Some(label) if !p.text.trim().is_empty() => {
                                        format!("{label} {}", p.text)
                                    }
                                    Some(label) => label,
                                    None => p.text,
                                };
                                push_item(&mut stack, Item::Para(text));
                                for b in p.boxes {
                                    push_item(&mut stack, b);
                                }
                            }
                        }
                        "tc" => {
                            if let Some(Frame::Items(items)) = stack.pop()
                                && let Some(Frame::Row(cells)) = stack.last_mut()
                            {
                                cells.push((!merged_cell).then_some(items));
                                // a cell over several grid columns leaves the others empty, so
                                // that the columns of the rows stay in line
                                cells.extend((1..span.min(64)).map(|_| None));
                            }
                            merged_cell = false;
                            span = 1;
                        }
                        "tr" => {
                            if let Some(Frame::Row(cells)) = stack.pop()
                                && let Some(Frame::Table(rows)) = stack.last_mut()
                            {
                                rows.push(cells);
                            }
                        }
                        "tbl" => {
                            if let Some(Frame::Table(rows)) = stack.pop() {
                                push_item(&mut stack, Item::Table(rows));
                            }
                        }
                        _ => {}
                    }
                }
                Event::Eof => break,
                _ => {}
            }
        }
        // (a document cut short: what was read is kept, innermost first)
        while stack.len() > 1 {
            let item = match stack.pop() {
                Some(Frame::Para(p)) => Item::Para(p.text),
                Some(Frame::Items(v)) => Item::Table(vec![vec![Some(v)]]),
                Some(Frame::Row(cells)) => Item::Table(vec![cells]),
                Some(Frame::Table(rows)) => Item::Table(rows),
                None => break,
            };
            push_item(&mut stack, item);
        }
        let items = match stack.pop() {
            Some(Frame::Items(v)) => v,
            _ => Vec::new(),
        };
        Ok(Body { items })
    }
}

/// Read the paragraph and cell properties an element carries (`w:numId`, `w:ilvl`, `w:pStyle`,
/// `w:vMerge`, `w:gridSpan`).
fn properties(e: &BytesStart<'_>, stack: &mut [Frame], merged_cell: &mut bool, span: &mut usize) {
    match e.local_name().as_ref() {
        "numId" => {
            if let Some(p) = para(stack) {
                // (`0` takes away the numbering the paragraph's style gives: kept, as none)
                p.num_id = attr(e, "val");
            }
        }
        "ilvl" => {
            if let Some(p) = para(stack) {
                p.ilvl = attr(e, "val").and_then(|v| v.parse().ok());
            }
        }
        "pStyle" => {
            if let Some(p) = para(stack) {
                p.style = attr(e, "val");
            }
        }
        // `<w:vMerge/>` or `w:val="continue"` continues the cell above; `restart` opens one
        "vMerge" => *merged_cell = attr(e, "val").is_none_or(|v| v == "continue"),
        "gridSpan" => *span = attr(e, "val").and_then(|v| v.parse().ok()).unwrap_or(1),
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    /// A zip archive of (name, content) entries, deflated or stored.
    fn archive(entries: &[(&str, &[u8])], deflate: bool) -> Vec<u8> {
        let mut z = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
        let method = if deflate {
            zip::CompressionMethod::Deflated
        } else {
            zip::CompressionMethod::Stored
        };
        let opts = zip::write::SimpleFileOptions::default().compression_method(method);
        for (name, content) in entries {
            z.start_file(*name, opts).unwrap();
            z.write_all(content).unwrap();
        }
        z.finish().unwrap().into_inner()
    }

    /// A document.xml around a body.
    fn document(body: &str) -> Vec<u8> {
        format!(
            "<?xml version=\"1.0\"?><w:document xmlns:w=\"w\"><w:body>{body}</w:body></w:document>"
        )
        .into_bytes()
    }

    fn text_of(body: &str) -> String {
        read(&archive(&[("word/document.xml", &document(body))], true)).unwrap()
    }

    #[test]
    fn paragraphs_runs_tabs_and_breaks() {
        assert_eq!(
            text_of(
                "<w:p><w:r><w:t>Số: 12/TB</w:t><w:tab/><w:t xml:space=\"preserve\">Hà Nội </w:t></w:r>\
                 <w:r><w:br/><w:t>dòng hai</w:t></w:r></w:p><w:p/>\
                 <w:p><w:r><w:t>A&amp;B &#7897;</w:t><w:softHyphen/><w:noBreakHyphen/></w:r></w:p>"
            ),
            "Số: 12/TB\tHà Nội \ndòng hai\n\nA&B ộ-\n"
        );
    }

    #[test]
    fn deleted_text_field_codes_and_fallbacks_are_no_text() {
        let t = text_of(
            "<w:p><w:r><w:t>giữ</w:t></w:r><w:del><w:r><w:delText>bỏ</w:delText></w:r></w:del>\
             <w:r><w:fldChar w:fldCharType=\"begin\"/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r>\
             <w:r><w:fldChar w:fldCharType=\"separate\"/></w:r><w:r><w:t>3</w:t></w:r>\
             <w:r><w:fldChar w:fldCharType=\"end\"/></w:r>\
             <w:r><mc:AlternateContent xmlns:mc=\"mc\"><mc:Choice><w:txbxContent><w:p><w:r><w:t>HỘP</w:t></w:r></w:p></w:txbxContent></mc:Choice>\
             <mc:Fallback><w:txbxContent><w:p><w:r><w:t>HỘP</w:t></w:r></w:p></w:txbxContent></mc:Fallback></mc:AlternateContent></w:r></w:p>",
        );
        assert_eq!(t, "giữ3\nHỘP\n", "the box once, after its paragraph");
    }

    #[test]
    fn table_rows_are_cells_side_by_side() {
        let t = text_of(
            "<w:tbl><w:tr><w:tc><w:p><w:r><w:t>UBND TỈNH</w:t></w:r></w:p><w:p><w:r><w:t>SỞ Y TẾ</w:t></w:r></w:p></w:tc>\
             <w:tc><w:p><w:r><w:t>CỘNG HÒA</w:t></w:r></w:p></w:tc></w:tr>\
             <w:tr><w:tc><w:tcPr><w:vMerge w:val=\"restart\"/></w:tcPr><w:p><w:r><w:t>1</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>a\tb</w:t></w:r></w:p></w:tc></w:tr>\
             <w:tr><w:tc><w:tcPr><w:vMerge/></w:tcPr><w:p><w:r><w:t>1</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>c</w:t></w:r></w:p></w:tc></w:tr></w:tbl>",
        );
        assert_eq!(t, "UBND TỈNH\tCỘNG HÒA\nSỞ Y TẾ\n1\ta b\n\tc\n");
    }

    #[test]
    fn list_numbers_as_printed() {
        let numbering = br#"<w:numbering xmlns:w="w">
            <w:abstractNum w:abstractNumId="0">
              <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="upperRoman"/><w:lvlText w:val="%1."/></w:lvl>
              <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1.%2."/></w:lvl>
              <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="&#61623;"/></w:lvl>
            </w:abstractNum>
            <w:num w:numId="5"><w:abstractNumId w:val="0"/></w:num>
            <w:num w:numId="6"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="4"/></w:lvlOverride></w:num>
            </w:numbering>"#;
        let p = |n: u32, l: u32, t: &str| {
            format!(
                "<w:p><w:pPr><w:numPr><w:ilvl w:val=\"{l}\"/><w:numId w:val=\"{n}\"/></w:numPr></w:pPr><w:r><w:t>{t}</w:t></w:r></w:p>"
            )
        };
        let body = [
            p(5, 0, "A"),
            p(5, 1, "a"),
            p(5, 1, "b"),
            p(5, 2, "x"),
            p(5, 0, "B"),
            p(5, 1, "c"),
        ]
        .concat();
        let bytes = archive(
            &[
                ("word/document.xml", &document(&body)),
                ("word/numbering.xml", numbering),
            ],
            true,
        );
        assert_eq!(
            read(&bytes).unwrap(),
            "I. A\nI.1. a\nI.2. b\n• x\nII. B\nII.1. c\n"
        );
    }

    #[test]
    fn numbering_through_a_style_and_taken_away() {
        let numbering = r#"<w:numbering xmlns:w="w"><w:abstractNum w:abstractNumId="1">
            <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="Điều %1."/></w:lvl>
            </w:abstractNum><w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num></w:numbering>"#
            .as_bytes();
        let styles = br#"<w:styles xmlns:w="w"><w:style w:styleId="Dieu"><w:pPr><w:numPr><w:numId w:val="2"/></w:numPr></w:pPr></w:style></w:styles>"#;
        let body = "<w:p><w:pPr><w:pStyle w:val=\"Dieu\"/></w:pPr><w:r><w:t>Phạm vi.</w:t></w:r></w:p>\
                    <w:p><w:pPr><w:pStyle w:val=\"Dieu\"/><w:numPr><w:numId w:val=\"0\"/></w:numPr></w:pPr><w:r><w:t>Không số.</w:t></w:r></w:p>\
                    <w:p><w:pPr><w:pStyle w:val=\"Dieu\"/><w:tabs><w:tab w:val=\"left\" w:pos=\"720\"/></w:tabs></w:pPr><w:r><w:t>Hiệu lực.</w:t></w:r></w:p>";
        let bytes = archive(
            &[
                ("word/document.xml", &document(body)),
                ("word/numbering.xml", numbering),
                ("word/styles.xml", styles),
            ],
            false,
        );
        assert_eq!(
            read(&bytes).unwrap(),
            "Điều 1. Phạm vi.\nKhông số.\nĐiều 2. Hiệu lực.\n"
        );
    }

    #[test]
    fn a_document_cut_short_keeps_what_was_read() {
        let xml = "<w:document xmlns:w=\"w\"><w:body><w:p><w:r><w:t>THÔNG BÁO</w:t></w:r></w:p><w:p><w:r><w:t>Về việc"
            .as_bytes();
        let t = read(&archive(&[("word/document.xml", xml)], true)).unwrap();
        assert_eq!(t, "THÔNG BÁO\nVề việc\n");
    }

    #[test]
    fn bad_archives_are_typed_errors() {
        let good = archive(&[("word/document.xml", &document("<w:p/>"))], true);
        // cut in the middle
        assert!(matches!(
            read(&good[..good.len() / 2]),
            Err(DocxError::Corrupt(_))
        ));
        // no document
        let other = archive(&[("content.xml", b"<x/>")], true);
        assert_eq!(read(&other), Err(DocxError::NoDocument));
        // not well-formed, not UTF-8
        let bad_xml = archive(&[("word/document.xml", b"<w:p></w:r>")], true);
        assert!(matches!(read(&bad_xml), Err(DocxError::Xml { .. })));
        let latin1 = archive(&[("word/document.xml", b"<w:t>\xE9</w:t>")], true);
        assert!(matches!(read(&latin1), Err(DocxError::Xml { .. })));
    }

    #[test]
    fn headers_and_footers_follow_the_document() {
        let header = r#"<w:hdr xmlns:w="w"><w:p><w:r><w:t>Công báo</w:t></w:r></w:p>
            <w:p><w:fldSimple w:instr=" PAGE "><w:r><w:t>2</w:t></w:r></w:fldSimple></w:p></w:hdr>"#;
        let footer = r#"<w:ftr xmlns:w="w"><w:p><w:r><w:t>Công báo</w:t></w:r></w:p>
            <w:p><w:r><w:t>Trang cuối</w:t></w:r></w:p></w:ftr>"#;
        let doc = document("<w:p><w:r><w:t>THÔNG BÁO</w:t></w:r></w:p>");
        let bytes = archive(
            &[
                ("word/document.xml", &doc),
                ("word/footer1.xml", footer.as_bytes()),
                ("word/header2.xml", header.as_bytes()),
                // not a header part: a relationship file of one
                ("word/_rels/header2.xml.rels", b"<Relationships/>"),
            ],
            false,
        );
        let (text, furniture) = read_with_furniture(&bytes).unwrap();
        // each line once, headers first; the line numbers count the form feed's line end
        assert_eq!(text, "THÔNG BÁO\n\x0CCông báo\n2\nTrang cuối\n");
        assert_eq!(
            furniture,
            [
                (3, Furniture::Header),
                (4, Furniture::Header),
                (5, Furniture::Footer)
            ]
        );
        assert_eq!(read(&bytes).unwrap(), text);
        // many header parts, each within the limit, together past it: refused
        let big = format!(
            r#"<w:hdr xmlns:w="w"><w:p><w:r><w:t>{}</w:t></w:r></w:p></w:hdr>"#,
            "a".repeat(600)
        );
        let names: Vec<String> = (1..=3).map(|k| format!("word/header{k}.xml")).collect();
        let mut entries: Vec<(&str, &[u8])> = vec![("word/document.xml", &doc)];
        entries.extend(names.iter().map(|n| (n.as_str(), big.as_bytes())));
        let many = archive(&entries, false);
        assert!(matches!(
            read_limited(&many, 1500),
            Err(DocxError::TooLarge { .. })
        ));
        assert!(read_limited(&many, 5000).is_ok());
    }

    #[test]
    fn a_zip_bomb_is_refused() {
        // 2 MB of text deflated to a few KB, read with a 1 MB limit: refused by the size the
        // archive declares; when the declared size lies, the zip reader finds the entry larger
        // than declared (or the cap on the bytes inflated stops it)
        let big = document(&"<w:p><w:r><w:t>aaaaaaaaaaaaaaaa</w:t></w:r></w:p>".repeat(50_000));
        let bomb = archive(&[("word/document.xml", &big)], true);
        assert!(bomb.len() < 100_000, "{}", bomb.len());
        let refused = |r: Result<(String, Vec<(u32, Furniture)>), DocxError>| {
            matches!(
                r,
                Err(DocxError::TooLarge {
                    limit: 1_000_000,
                    ..
                })
            )
        };
        assert!(refused(read_limited(&bomb, 1_000_000)));
        let mut lying = bomb.clone();
        let declared = (big.len() as u32).to_le_bytes();
        let small = 1000u32.to_le_bytes();
        // the uncompressed size in the local header (offset 22) and the central directory
        // (offset 24 of its entry)
        let places: Vec<usize> = (0..lying.len() - 4)
            .filter(|&i| lying[i..i + 4] == declared)
            .collect();
        for at in places {
            lying[at..at + 4].copy_from_slice(&small);
        }
        let r = read_limited(&lying, 1_000_000);
        assert!(
            refused(r.clone()) || matches!(r, Err(DocxError::Corrupt(_))),
            "{r:?}"
        );
    }

    #[test]
    fn an_encrypted_entry_is_named() {
        let mut z = archive(&[("word/document.xml", &document("<w:p/>"))], false);
        // the general purpose flag's bit 0 (encrypted), in the local header and the central
        // directory entry
        z[6] |= 1;
        let cd = (0..z.len() - 4)
            .find(|&i| z[i..i + 4] == *b"PK\x01\x02")
            .unwrap();
        z[cd + 8] |= 1;
        assert_eq!(
            read(&z),
            Err(DocxError::Encrypted("word/document.xml".to_string()))
        );
    }

    #[test]
    fn numbers_as_printed() {
        assert_eq!(format_number(4, "upperRoman"), "IV");
        assert_eq!(format_number(3, "lowerLetter"), "c");
        assert_eq!(format_number(28, "lowerLetter"), "bb");
        assert_eq!(format_number(7, "decimalZero"), "07");
        assert_eq!(bullet("\u{F0B7}"), "•");
        assert_eq!(bullet("-"), "-");
        assert_eq!(entity("#7897"), Some('ộ'));
        assert_eq!(entity("#x1EA1"), Some('ạ'));
        assert_eq!(entity("amp"), Some('&'));
    }
}
