//! Tệp Word 97–2003 (.doc) — the text of the `WordDocument` stream of a compound file, read
//! through its piece table, with the cells of its tables known.
//!
//! What is read (after [MS-DOC]):
//! - the File Information Block at the start of `WordDocument`: which table stream (`0Table`,
//!   `1Table`) holds the piece table, the length of the main text (`ccpText`), and whether the
//!   file is encrypted;
//! - the piece table (the `Clx`): where each run of the text lies in `WordDocument`, as 8-bit
//!   Windows-1252 (Word's "compressed" pieces) or UTF-16. A text set in a TCVN3 or VNI font is
//!   stored as Windows-1252 letters and comes out as mojibake, which the repair passes decode
//!   like any other;
//! - the paragraph properties (`PlcBtePapx` and its pages): which paragraph ends a table row,
//!   so that a row's cells are written side by side (`src/decode/word.rs`).
//!
//! The special characters of the text: a paragraph mark (`\r`) ends a line, a line break
//! (`\v`) too, a page or section break (`\f`) ends the page; a cell mark (`\x07`) ends a cell,
//! or the row when its paragraph is marked as a row's end; a field's code (between `\x13` and
//! `\x14`) is left out and its result kept; pictures, objects, footnote marks are no text.
//! Headers, footers, footnotes and comments (the text after `ccpText`) are not read.
//!
//! [MS-DOC]: https://learn.microsoft.com/en-us/openspecs/office_file_formats/ms-doc/

use std::io::Read;

use super::word::{self, Item};

/// Why a .doc could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum DocError {
    /// The compound file is damaged or cut short.
    #[error("the compound file is damaged or truncated: {0}")]
    Corrupt(String),
    /// A compound file without a `WordDocument` stream: another Office file (an Excel
    /// workbook, a PowerPoint deck), not a Word document.
    #[error("a compound file without a WordDocument stream: not a Word 97-2003 document")]
    NoDocument,
    /// The document (or an Office file encrypted as a whole, a .docx with a password) is
    /// encrypted.
    #[error("the document is encrypted: open it in Word and save it without a password")]
    Encrypted,
    /// The Word document's structures point outside their streams.
    #[error("the Word document is damaged: {0}")]
    Damaged(&'static str),
}

/// The most bytes a stream may hold (a real document's are a few MB).
const MAX_STREAM: u64 = 256 * 1024 * 1024;

/// Whether bytes are a compound file (the signature of its header).
pub fn is_compound_file(bytes: &[u8]) -> bool {
    bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1])
}

/// The text of a .doc, as described in the module's documentation.
pub fn read(bytes: &[u8]) -> Result<String, DocError> {
    let mut cf = cfb::CompoundFile::open(std::io::Cursor::new(bytes))
        .map_err(|e| DocError::Corrupt(e.to_string()))?;
    // an Office file encrypted as a whole keeps its package in a stream of that name
    if cf.exists("/EncryptedPackage") {
        return Err(DocError::Encrypted);
    }
    if !cf.exists("/WordDocument") {
        return Err(DocError::NoDocument);
    }
    let main = stream(&mut cf, "/WordDocument")?;
    let fib = Fib::read(&main)?;
    if fib.encrypted {
        return Err(DocError::Encrypted);
    }
    let table = stream(&mut cf, if fib.table_1 { "/1Table" } else { "/0Table" })?;
    let pieces = pieces(&table, &fib)?;
    let tables = Tables::read(&main, &table, &fib);
    Ok(word::render(body(&main, &pieces, fib.ccp_text, &tables)))
}

/// A stream of the compound file, whole (at most [`MAX_STREAM`] bytes).
fn stream(
    cf: &mut cfb::CompoundFile<std::io::Cursor<&[u8]>>,
    name: &str,
) -> Result<Vec<u8>, DocError> {
    let mut s = cf
        .open_stream(name)
        .map_err(|e| DocError::Corrupt(format!("{name}: {e}")))?;
    let mut buf = Vec::new();
    (&mut s)
        .take(MAX_STREAM + 1)
        .read_to_end(&mut buf)
        .map_err(|e| DocError::Corrupt(format!("{name}: {e}")))?;
    if buf.len() as u64 > MAX_STREAM {
        return Err(DocError::Damaged("a stream larger than 256 MB"));
    }
    Ok(buf)
}

fn u16_at(b: &[u8], at: usize) -> Option<u16> {
    Some(u16::from_le_bytes(b.get(at..at + 2)?.try_into().ok()?))
}

fn u32_at(b: &[u8], at: usize) -> Option<u32> {
    Some(u32::from_le_bytes(b.get(at..at + 4)?.try_into().ok()?))
}

/// What the File Information Block says.
#[cfg_attr(test, derive(Default))]
struct Fib {
    /// The table stream is `1Table` (else `0Table`).
    table_1: bool,
    encrypted: bool,
    /// Characters of the main text.
    ccp_text: u32,
    /// The piece table's place in the table stream.
    fc_clx: u32,
    lcb_clx: u32,
    /// The paragraph properties' page table's place in the table stream.
    fc_papx: u32,
    lcb_papx: u32,
}

impl Fib {
    fn read(main: &[u8]) -> Result<Fib, DocError> {
        const DAMAGED: DocError = DocError::Damaged("no File Information Block");
        if u16_at(main, 0) != Some(0xA5EC) {
            return Err(DAMAGED);
        }
        let flags = u16_at(main, 0x0A).ok_or(DAMAGED)?;
        // FibBase (32 bytes), csw and FibRgW97 (2 + 28), cslw and FibRgLw97 (2 + 88), then
        // cbRgFcLcb (2) and the (fc, lcb) pairs: ccpText is the fourth long of FibRgLw97,
        // the PAPX page table the 14th pair, the Clx the 34th
        let pair = |i: usize| -> Option<(u32, u32)> {
            let at = 154 + 8 * i;
            Some((u32_at(main, at)?, u32_at(main, at + 4)?))
        };
        let (fc_papx, lcb_papx) = pair(13).ok_or(DAMAGED)?;
        let (fc_clx, lcb_clx) = pair(33).ok_or(DAMAGED)?;
        Ok(Fib {
            table_1: flags & 0x0200 != 0,
            encrypted: flags & 0x0100 != 0,
            ccp_text: u32_at(main, 76).ok_or(DAMAGED)?,
            fc_clx,
            lcb_clx,
            fc_papx,
            lcb_papx,
        })
    }
}

/// One piece of the text: characters `cp..cp_end` stand at byte `fc` of `WordDocument`, one
/// byte each (Windows-1252) or two (UTF-16LE).
#[derive(Debug, Clone, Copy)]
struct Piece {
    cp: u32,
    cp_end: u32,
    fc: u32,
    compressed: bool,
}

/// The piece table, from the `Clx` in the table stream.
fn pieces(table: &[u8], fib: &Fib) -> Result<Vec<Piece>, DocError> {
    const DAMAGED: DocError = DocError::Damaged("the piece table lies outside its stream");
    let start = fib.fc_clx as usize;
    let end = start.checked_add(fib.lcb_clx as usize).ok_or(DAMAGED)?;
    let clx = table.get(start..end).ok_or(DAMAGED)?;
    // property runs (Prc: 0x01, size, data) before the piece table (Pcdt: 0x02)
    let mut i = 0;
    while clx.get(i) == Some(&0x01) {
        let cb = u16_at(clx, i + 1).ok_or(DAMAGED)? as usize;
        i += 3 + cb;
    }
    if clx.get(i) != Some(&0x02) {
        return Err(DAMAGED);
    }
    let lcb = u32_at(clx, i + 1).ok_or(DAMAGED)? as usize;
    let plc = clx.get(i + 5..i + 5 + lcb).ok_or(DAMAGED)?;
    // n + 1 character positions, then n descriptors of 8 bytes
    if plc.len() < 4 || (plc.len() - 4) % 12 != 0 {
        return Err(DAMAGED);
    }
    let n = (plc.len() - 4) / 12;
    let mut out = Vec::with_capacity(n);
    // the character positions go up: a piece that starts before the one before it ended
    // (a damaged or made-up table) keeps only what comes after, so no position is read twice
    let mut prev_end = 0;
    for k in 0..n {
        let cp = u32_at(plc, 4 * k).ok_or(DAMAGED)?.max(prev_end);
        let cp_end = u32_at(plc, 4 * k + 4).ok_or(DAMAGED)?.max(cp);
        prev_end = cp_end;
        let fc_raw = u32_at(plc, 4 * (n + 1) + 8 * k + 2).ok_or(DAMAGED)?;
        let compressed = fc_raw & 0x4000_0000 != 0;
        let fc = fc_raw & 0x3FFF_FFFF;
        out.push(Piece {
            cp,
            cp_end,
            fc: if compressed { fc / 2 } else { fc },
            compressed,
        });
    }
    Ok(out)
}

/// What the paragraph properties say of the table paragraphs, by the byte (FC) of their text
/// in `WordDocument`: sorted runs of FCs whose paragraphs stand in a table cell
/// (`sprmPFInTable`, `sprmPItap`) or end a table row (`sprmPFTtp`).
struct Tables {
    /// (first FC, FC after the last, [`IN_TABLE`] | [`ROW_END`]), sorted.
    runs: Vec<(u32, u32, u8)>,
}

/// A paragraph inside a table cell.
const IN_TABLE: u8 = 1;
/// The paragraph that ends a table row (its mark is the row's end mark).
const ROW_END: u8 = 2;

impl Tables {
    /// Read the paragraph property pages (`PlcBtePapx`, then each 512-byte `PapxFkp`). A page
    /// that cannot be read marks nothing: its rows are written cell after cell.
    fn read(main: &[u8], table: &[u8], fib: &Fib) -> Tables {
        let mut runs = Vec::new();
        let start = fib.fc_papx as usize;
        let Some(plc) = start
            .checked_add(fib.lcb_papx as usize)
            .and_then(|end| table.get(start..end))
        else {
            return Tables { runs };
        };
        if plc.len() < 4 || (plc.len() - 4) % 8 != 0 {
            return Tables { runs };
        }
        let n = (plc.len() - 4) / 8;
        for k in 0..n {
            let Some(pn) = u32_at(plc, 4 * (n + 1) + 4 * k) else {
                continue;
            };
            let at = (pn & 0x003F_FFFF) as usize * 512;
            if let Some(page) = main.get(at..at + 512) {
                Self::page(page, &mut runs);
            }
        }
        runs.sort_unstable();
        Tables { runs }
    }

    /// The table paragraphs of one `PapxFkp` page.
    fn page(page: &[u8], runs: &mut Vec<(u32, u32, u8)>) {
        let crun = page[511] as usize;
        for i in 0..crun {
            let (Some(fc), Some(fc_end)) = (u32_at(page, 4 * i), u32_at(page, 4 * i + 4)) else {
                return;
            };
            // BxPap: one byte (the PAPX's offset in words), then 12 bytes of layout
            let Some(&b_offset) = page.get(4 * (crun + 1) + 13 * i) else {
                return;
            };
            if b_offset == 0 {
                continue;
            }
            let at = 2 * b_offset as usize;
            let Some(&cb) = page.get(at) else { continue };
            // PapxInFkp: cb words (less one byte), or a zero then cb' words
            let (from, len) = if cb == 0 {
                let Some(&cb2) = page.get(at + 1) else {
                    continue;
                };
                (at + 2, 2 * cb2 as usize)
            } else {
                (at + 1, 2 * cb as usize - 1)
            };
            let Some(grpprl_istd) = page.get(from..(from + len).min(512)) else {
                continue;
            };
            // the style index (2 bytes), then the property modifiers
            if grpprl_istd.len() > 2 {
                let flags = table_flags(&grpprl_istd[2..]);
                if flags != 0 {
                    runs.push((fc, fc_end, flags));
                }
            }
        }
    }

    /// The flags of the paragraph whose text stands at byte `fc` ([`IN_TABLE`], [`ROW_END`]).
    fn at(&self, fc: u32) -> u8 {
        let k = self.runs.partition_point(|&(a, ..)| a <= fc);
        match self.runs.get(k.wrapping_sub(1)) {
            Some(&(_, end, flags)) if fc < end => flags,
            _ => 0,
        }
    }
}

/// What a list of property modifiers (sprms) says of a paragraph's table: [`IN_TABLE`] for
/// `sprmPFInTable` (0x2416) set or a table depth (`sprmPItap`, 0x6649) above zero, [`ROW_END`]
/// for `sprmPFTtp` (0x2417) or `sprmPFInnerTtp` (0x244C) set.
fn table_flags(grpprl: &[u8]) -> u8 {
    let mut flags = 0;
    let mut i = 0;
    while i + 2 <= grpprl.len() {
        let sprm = u16::from_le_bytes([grpprl[i], grpprl[i + 1]]);
        i += 2;
        let operand = match sprm >> 13 {
            0 | 1 => 1,
            2 | 4 | 5 => 2,
            3 => 4,
            7 => 3,
            // variable: a size byte first (sprmTDefTable and sprmPChgTabs have sizes of their
            // own, read from their first bytes)
            _ => match sprm {
                0xD608 | 0xD606 => {
                    let Some(n) = u16_at(grpprl, i) else { break };
                    1 + n as usize
                }
                0xC615 if grpprl.get(i) == Some(&255) => {
                    // sprmPChgTabs with its long form: deletions then additions, counted
                    let Some(&del) = grpprl.get(i + 1) else { break };
                    let add_at = i + 2 + 4 * del as usize;
                    let Some(&add) = grpprl.get(add_at) else {
                        break;
                    };
                    2 + 4 * del as usize + 1 + 3 * add as usize
                }
                _ => {
                    let Some(&n) = grpprl.get(i) else { break };
                    1 + n as usize
                }
            },
        };
        let set = grpprl.get(i).is_some_and(|&b| b != 0);
        match sprm {
            0x2416 if set => flags |= IN_TABLE,
            0x6649 if u32_at(grpprl, i).is_some_and(|d| d > 0) => flags |= IN_TABLE,
            0x2417 | 0x244C if set => flags |= ROW_END | IN_TABLE,
            _ => {}
        }
        i += operand;
    }
    flags
}

/// The main text (characters `0..ccp_text`) as paragraphs and table rows.
fn body(main: &[u8], pieces: &[Piece], ccp_text: u32, tables: &Tables) -> Vec<Item> {
    let mut items = Vec::new();
    // the row being read: its cells so far, and the paragraphs of the cell being read
    let mut row: Vec<Option<Vec<Item>>> = Vec::new();
    let mut cell: Vec<Item> = Vec::new();
    let mut rows_read: Vec<Vec<Option<Vec<Item>>>> = Vec::new();
    let mut para = String::new();
    // inside a field: 0 outside, else the nesting, and whether its code is being read
    let mut fields: Vec<bool> = Vec::new();
    let flush_rows = |rows_read: &mut Vec<Vec<Option<Vec<Item>>>>, items: &mut Vec<Item>| {
        if !rows_read.is_empty() {
            items.push(Item::Table(std::mem::take(rows_read)));
        }
    };
    // the bytes of text still to read: no document has more text than its stream has bytes,
    // and pieces that point at the same bytes again and again (a damaged or made-up table)
    // would otherwise make a text as long as the pieces times the stream
    let mut budget = main.len();
    'pieces: for p in pieces {
        if p.cp >= ccp_text {
            break;
        }
        let end = p.cp_end.min(ccp_text);
        for cp in p.cp..end {
            let width = if p.compressed { 1 } else { 2 };
            if budget < width {
                break 'pieces;
            }
            budget -= width;
            let k = (cp - p.cp) as usize;
            let (c, fc) = if p.compressed {
                let fc = p.fc as usize + k;
                match main.get(fc) {
                    Some(&b) => (super::legacy::cp1252_char(b), fc),
                    None => break,
                }
            } else {
                let fc = p.fc as usize + 2 * k;
                match u16_at(main, fc) {
                    Some(u) => (char::from_u32(u32::from(u)).unwrap_or('\u{FFFD}'), fc),
                    None => break,
                }
            };
            match c {
                '\u{13}' => fields.push(true),
                '\u{14}' => {
                    if let Some(code) = fields.last_mut() {
                        *code = false;
                    }
                }
                '\u{15}' => {
                    fields.pop();
                }
                _ if fields.last() == Some(&true) => {}
                '\r' => {
                    let text = std::mem::take(&mut para);
                    if tables.at(fc as u32) & IN_TABLE != 0 || !row.is_empty() || !cell.is_empty() {
                        // a paragraph inside a cell
                        cell.push(Item::Para(text));
                    } else {
                        flush_rows(&mut rows_read, &mut items);
                        items.push(Item::Para(text));
                    }
                }
                '\u{7}' => {
                    let text = std::mem::take(&mut para);
                    if tables.at(fc as u32) & ROW_END != 0 {
                        // the row's end mark: the row is complete
                        if !text.is_empty() {
                            cell.push(Item::Para(text));
                        }
                        if !cell.is_empty() {
                            row.push(Some(std::mem::take(&mut cell)));
                        }
                        rows_read.push(std::mem::take(&mut row));
                    } else {
                        cell.push(Item::Para(text));
                        row.push(Some(std::mem::take(&mut cell)));
                    }
                }
                '\u{b}' => para.push('\n'),
                '\u{c}' => para.push('\u{c}'),
                '\u{1e}' => para.push('-'),
                '\t' => para.push('\t'),
                // soft hyphen, pictures, drawn objects, footnote and comment marks, other
                // controls: no text
                c if (c as u32) < 0x20 || c == '\u{1f}' => {}
                c => para.push(c),
            }
        }
    }
    // what was left open (a row without its end mark, a last paragraph without a mark)
    if !cell.is_empty() || !para.is_empty() && !row.is_empty() {
        if !para.is_empty() {
            cell.push(Item::Para(std::mem::take(&mut para)));
        }
        row.push(Some(cell));
    }
    if !row.is_empty() {
        rows_read.push(row);
    }
    flush_rows(&mut rows_read, &mut items);
    if !para.is_empty() {
        items.push(Item::Para(para));
    }
    items
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use std::io::Write;

    /// A minimal Word 97 file: the text in pieces (8-bit or UTF-16); the paragraphs whose
    /// character positions lie in `table` are in a table, and those whose marks stand at
    /// `row_ends` end its rows; `flags` are added to the FIB's (0x0100: encrypted).
    pub(crate) fn build(
        pieces: &[(&str, bool)],
        table: std::ops::Range<u32>,
        row_ends: &[u32],
        flags: u16,
    ) -> Vec<u8> {
        const TEXT_AT: usize = 1024;
        let mut main = vec![0u8; TEXT_AT];
        let mut cps = vec![0u32];
        let mut pcds = Vec::new();
        // each character and the byte it stands at
        let mut chars: Vec<(char, u32)> = Vec::new();
        for (text, compressed) in pieces {
            let fc = main.len();
            let n = text.chars().count() as u32;
            if *compressed {
                for c in text.chars() {
                    chars.push((c, main.len() as u32));
                    main.push(crate::decode::legacy::cp1252_byte(c).unwrap());
                }
                pcds.push(((fc as u32 * 2) | 0x4000_0000, n));
            } else {
                for c in text.chars() {
                    chars.push((c, main.len() as u32));
                    let mut units = [0u16; 2];
                    for u in c.encode_utf16(&mut units) {
                        main.extend_from_slice(&u.to_le_bytes());
                    }
                }
                pcds.push((fc as u32, n));
            }
            cps.push(cps.last().unwrap() + n);
        }
        let ccp_text = *cps.last().unwrap();
        let end_fc = main.len() as u32;
        // the paragraph property page, 512-aligned after the text: one run per paragraph
        let page_at = main.len().div_ceil(512) * 512 + 512;
        main.resize(page_at + 512, 0);
        let page = &mut main[page_at..page_at + 512];
        // (first character, mark) of each paragraph
        let mut paras = Vec::new();
        let mut first = 0u32;
        for (cp, &(c, _)) in chars.iter().enumerate() {
            if matches!(c, '\r' | '\x07') {
                paras.push((first, cp as u32));
                first = cp as u32 + 1;
            }
        }
        let crun = paras.len();
        // two PAPXs near the page's end (cb words, less a byte): in a table; and a row's end
        let (cell_at, row_at) = (470usize, 480usize);
        page[cell_at..cell_at + 6].copy_from_slice(&[3, 0, 0, 0x16, 0x24, 1]);
        page[row_at..row_at + 10].copy_from_slice(&[5, 0, 0, 0x16, 0x24, 1, 0x17, 0x24, 1, 0]);
        for (i, &(from, mark)) in paras.iter().enumerate() {
            let fc = chars[from as usize].1;
            page[4 * i..4 * i + 4].copy_from_slice(&fc.to_le_bytes());
            let papx = if row_ends.contains(&mark) {
                row_at
            } else if table.contains(&mark) {
                cell_at
            } else {
                0
            };
            page[4 * (crun + 1) + 13 * i] = (papx / 2) as u8;
        }
        page[4 * crun..4 * crun + 4].copy_from_slice(&end_fc.to_le_bytes());
        page[511] = crun as u8;
        // the table stream: the Clx, then PlcBtePapx
        let mut tbl = vec![0x02u8];
        let mut plc = Vec::new();
        for cp in &cps {
            plc.extend_from_slice(&cp.to_le_bytes());
        }
        for (fc, _) in &pcds {
            plc.extend_from_slice(&0u16.to_le_bytes());
            plc.extend_from_slice(&fc.to_le_bytes());
            plc.extend_from_slice(&0u16.to_le_bytes());
        }
        tbl.extend_from_slice(&(plc.len() as u32).to_le_bytes());
        tbl.extend_from_slice(&plc);
        let clx_len = tbl.len() as u32;
        let papx_plc_at = tbl.len() as u32;
        if crun > 0 {
            tbl.extend_from_slice(&chars[0].1.to_le_bytes());
            tbl.extend_from_slice(&end_fc.to_le_bytes());
            tbl.extend_from_slice(&((page_at / 512) as u32).to_le_bytes());
        }
        let papx_plc_len = tbl.len() as u32 - papx_plc_at;
        // the FIB
        main[0..2].copy_from_slice(&0xA5ECu16.to_le_bytes());
        main[0x0A..0x0C].copy_from_slice(&(0x0200 | flags).to_le_bytes());
        main[76..80].copy_from_slice(&ccp_text.to_le_bytes());
        let mut pair = |i: usize, fc: u32, lcb: u32| {
            main[154 + 8 * i..158 + 8 * i].copy_from_slice(&fc.to_le_bytes());
            main[158 + 8 * i..162 + 8 * i].copy_from_slice(&lcb.to_le_bytes());
        };
        pair(13, papx_plc_at, papx_plc_len);
        pair(33, 0, clx_len);
        let mut cf = cfb::CompoundFile::create(std::io::Cursor::new(Vec::new())).unwrap();
        cf.create_stream("/WordDocument")
            .unwrap()
            .write_all(&main)
            .unwrap();
        cf.create_stream("/1Table")
            .unwrap()
            .write_all(&tbl)
            .unwrap();
        cf.flush().unwrap();
        cf.into_inner().into_inner()
    }

    #[test]
    fn pieces_that_point_at_the_same_text_again_read_it_no_more_than_the_stream_holds() {
        // a thousand pieces of ten thousand positions each, all at the same ten thousand bytes:
        // read as they say, ten million characters
        let main = vec![b'a'; 10_000];
        let pieces: Vec<Piece> = (0..1000u32)
            .map(|k| Piece {
                cp: k * 10_000,
                cp_end: (k + 1) * 10_000,
                fc: 0,
                compressed: true,
            })
            .collect();
        let items = body(&main, &pieces, u32::MAX, &Tables { runs: Vec::new() });
        let text = word::render(items);
        assert!(text.len() <= main.len() + 1, "{}", text.len());
    }

    #[test]
    fn positions_that_go_back_are_read_once() {
        // a piece table (Pcdt) of three pieces whose positions go 0..4, then back to 0..6: the
        // positions are 0, 4, 0, 6, each descriptor compressed text at byte 0
        let mut plc = Vec::new();
        for cp in [0u32, 4, 0, 6] {
            plc.extend_from_slice(&cp.to_le_bytes());
        }
        for _ in 0..3 {
            plc.extend_from_slice(&[0, 0]);
            plc.extend_from_slice(&0x4000_0000u32.to_le_bytes());
            plc.extend_from_slice(&[0, 0]);
        }
        let mut clx = vec![0x02];
        clx.extend_from_slice(&(plc.len() as u32).to_le_bytes());
        clx.extend_from_slice(&plc);
        let fib = Fib {
            fc_clx: 0,
            lcb_clx: clx.len() as u32,
            ..Fib::default()
        };
        let ps = pieces(&clx, &fib).unwrap();
        let ranges: Vec<(u32, u32)> = ps.iter().map(|p| (p.cp, p.cp_end)).collect();
        assert_eq!(ranges, [(0, 4), (4, 4), (4, 6)]);
    }

    #[test]
    fn pieces_paragraphs_and_fields() {
        let bytes = build(
            &[
                (
                    "THÔNG BÁO\rVề việc \u{13} HYPERLINK x \u{14}nghỉ\u{15} lễ",
                    false,
                ),
                ("\rS\u{1e}1\u{b}hai\u{c}trang\u{1}\r", true),
            ],
            0..0,
            &[],
            0,
        );
        assert_eq!(
            read(&bytes).unwrap(),
            "THÔNG BÁO\nVề việc nghỉ lễ\nS-1\nhai\x0Ctrang\n"
        );
    }

    #[test]
    fn a_table_row_is_its_cells_side_by_side() {
        // two rows of two cells; the row-end marks are the third cell mark of each row
        let text = "UBND\rSỞ Y TẾ\x07CỘNG HÒA\x07\x07Số: 1\x07Hà Nội\x07\x07Nội dung.\r";
        let marks: Vec<u32> = (text.chars().enumerate())
            .filter(|&(_, c)| c == '\x07')
            .map(|(i, _)| i as u32)
            .collect();
        let bytes = build(&[(text, false)], 0..marks[5] + 1, &[marks[2], marks[5]], 0);
        assert_eq!(
            read(&bytes).unwrap(),
            "UBND\tCỘNG HÒA\nSỞ Y TẾ\nSố: 1\tHà Nội\nNội dung.\n"
        );
    }

    #[test]
    fn bad_files_are_typed_errors() {
        let good = build(&[("Noi dung.\r", true)], 0..0, &[], 0);
        assert!(matches!(
            read(&good[..good.len() / 2]),
            Err(DocError::Corrupt(_))
        ));
        assert_eq!(
            read(&build(&[("x\r", true)], 0..0, &[], 0x0100)),
            Err(DocError::Encrypted)
        );
        let mut cf = cfb::CompoundFile::create(std::io::Cursor::new(Vec::new())).unwrap();
        cf.create_stream("/Workbook")
            .unwrap()
            .write_all(b"x")
            .unwrap();
        cf.flush().unwrap();
        let book = cf.into_inner().into_inner();
        assert_eq!(read(&book), Err(DocError::NoDocument));
        let mut cf = cfb::CompoundFile::create(std::io::Cursor::new(Vec::new())).unwrap();
        cf.create_stream("/EncryptedPackage")
            .unwrap()
            .write_all(b"x")
            .unwrap();
        cf.flush().unwrap();
        assert_eq!(
            read(&cf.into_inner().into_inner()),
            Err(DocError::Encrypted)
        );
        // a FIB whose piece table points past its stream
        let mut cf = cfb::CompoundFile::create(std::io::Cursor::new(Vec::new())).unwrap();
        let mut fib = vec![0u8; 1024];
        fib[0..2].copy_from_slice(&0xA5ECu16.to_le_bytes());
        fib[154 + 8 * 33..158 + 8 * 33].copy_from_slice(&5000u32.to_le_bytes());
        fib[158 + 8 * 33..162 + 8 * 33].copy_from_slice(&10u32.to_le_bytes());
        cf.create_stream("/WordDocument")
            .unwrap()
            .write_all(&fib)
            .unwrap();
        cf.create_stream("/0Table")
            .unwrap()
            .write_all(b"x")
            .unwrap();
        cf.flush().unwrap();
        assert!(matches!(
            read(&cf.into_inner().into_inner()),
            Err(DocError::Damaged(_))
        ));
    }

    #[test]
    fn table_sprms() {
        // sprmPFInTable 1, then sprmPFTtp 1
        assert_eq!(
            table_flags(&[0x16, 0x24, 1, 0x17, 0x24, 1]),
            IN_TABLE | ROW_END
        );
        assert_eq!(table_flags(&[0x16, 0x24, 1]), IN_TABLE);
        assert_eq!(table_flags(&[0x16, 0x24, 0]), 0);
        // sprmPItap 2 (a nested table)
        assert_eq!(table_flags(&[0x49, 0x66, 2, 0, 0, 0]), IN_TABLE);
        // a variable-size sprm before it is skipped by its size
        assert_eq!(
            table_flags(&[0x15, 0xC6, 2, 0x17, 0x24, 0x17, 0x24, 1]),
            IN_TABLE | ROW_END
        );
        // cut short: nothing
        assert_eq!(table_flags(&[0x17]), 0);
    }
}
