//! Decoding bytes into text: UTF-8 (with or without BOM) and UTF-16 with a BOM, or a legacy
//! 8-bit Vietnamese encoding found by content ([`legacy`]); then the ordered repairs on the
//! text ([`repair`], with the glyph-number reader of [`glyphs`]).

#[cfg(feature = "doc")]
pub mod doc;
#[cfg(feature = "docx")]
pub mod docx;
pub(crate) mod glyphs;
pub mod legacy;
#[cfg(feature = "pdf")]
pub mod pdf;
pub mod repair;
#[cfg(feature = "pdf")]
mod truetype;
#[cfg(any(feature = "doc", feature = "docx"))]
mod word;

use std::borrow::Cow;

use unicode_normalization::UnicodeNormalization;

use crate::decode::legacy::Legacy;
use crate::decode::repair::region;
use crate::viet::syllable::score;

/// Why bytes could not be turned into text.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DecodeError {
    /// The bytes are not UTF-8 (beyond a few damaged places), carry no UTF-16 byte-order mark,
    /// and read as Vietnamese in none of the 8-bit encodings vanban knows.
    #[error(
        "not UTF-8 from byte {offset} (line {line}) on, and no Vietnamese 8-bit encoding \
         (TCVN3, VNI, VISCII, Windows-1258) reads it: not text vanban can read"
    )]
    InvalidUtf8 {
        /// Byte offset of the first invalid sequence.
        offset: usize,
        /// 1-based line of that byte.
        line: u32,
    },
    /// UTF-16 with a BOM whose body is not valid UTF-16.
    #[error("invalid UTF-16 ({endian}) at byte {offset}")]
    InvalidUtf16 {
        /// `LE` or `BE`.
        endian: &'static str,
        /// Byte offset of the first bad unit.
        offset: usize,
    },
    /// NUL or other control bytes that no text file holds.
    #[error("binary data (control byte 0x{byte:02x} at byte {offset}); not a text file")]
    Binary {
        /// The offending byte.
        byte: u8,
        /// Its offset.
        offset: usize,
    },
    /// A Word .docx (a zip archive) that could not be read.
    #[cfg(feature = "docx")]
    #[error("not a readable .docx: {0}")]
    Docx(#[from] docx::DocxError),
    /// A Word 97-2003 .doc (a compound file) that could not be read.
    #[cfg(feature = "doc")]
    #[error("not a readable .doc: {0}")]
    Doc(#[from] doc::DocError),
    /// A PDF whose text layer could not be read, or that has none.
    #[cfg(feature = "pdf")]
    #[error("not a readable PDF: {0}")]
    Pdf(#[from] pdf::PdfError),
    /// A file in a format vanban recognises by its content but does not read (in this build).
    #[error("{format}: {hint}")]
    Unsupported {
        /// What the file is: `.docx` (a zip archive), `.doc` (Word 97–2003), `PDF`.
        format: &'static str,
        /// What to do instead.
        hint: &'static str,
    },
}

/// Text decoded from bytes, with the name of the encoding found.
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct Decoded<'a> {
    /// The text (borrowed when the bytes were UTF-8 already).
    pub text: Cow<'a, str>,
    /// `utf-8`, `utf-8-bom`, `utf-16le`, `utf-16be`, or an 8-bit encoding found by content:
    /// `windows-1258`, `tcvn3`, `vni`, `viscii`; `mixed` for UTF-8 lines and runs of lines in
    /// 8-bit encodings in one file, each run decoded in the encoding that reads it best.
    pub encoding: &'static str,
    /// Places where UTF-8 text held bytes that are not UTF-8 (a file cut in the middle of a
    /// character, a damaged byte): each is a U+FFFD in `text`.
    pub damaged: Vec<Damage>,
    /// Lines (1-based) that a reader found outside the document's flow: the page header and
    /// footer lines of a .docx, written after the document past a form feed. The parser keeps
    /// them as artefacts.
    pub furniture: Vec<(u32, Furniture)>,
}

/// Where a line outside the document's flow came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum Furniture {
    /// A page header (đầu trang).
    Header,
    /// A page footer (chân trang).
    Footer,
}

/// A place where bytes were not UTF-8: a U+FFFD (`�`) stands for them in the text.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Damage {
    /// Byte offset of the U+FFFD in the decoded text.
    pub offset: usize,
    /// The bytes it stands for (one invalid sequence: one to three bytes).
    pub bytes: Vec<u8>,
    /// 1-based line of the U+FFFD (LF, CRLF, CR and form feed end a line).
    pub line: u32,
    /// 1-based column of the U+FFFD, in characters.
    pub column: u32,
}

impl Decoded<'_> {
    /// The legacy encoding the text was decoded from, if it was one.
    pub fn legacy(&self) -> Option<Legacy> {
        Legacy::ALL.into_iter().find(|l| l.name() == self.encoding)
    }
}

/// Decode bytes: a UTF-8 or UTF-16 BOM decides; otherwise UTF-8, and when the bytes are not
/// UTF-8, the 8-bit Vietnamese encoding (Windows-1258, TCVN3, VNI-Windows, VISCII) under which
/// they read best as Vietnamese — provided that most of their words then are Vietnamese
/// syllables; bytes that read as none of them are an error.
///
/// ```
/// let d = vanban::decode(b"\xEF\xBB\xBFS\xE1\xBB\x91: 12/TB-UBND").unwrap();
/// assert_eq!(d.encoding, "utf-8-bom");
/// assert_eq!(d.text, "Số: 12/TB-UBND");
/// ```
pub fn decode(bytes: &[u8]) -> Result<Decoded<'_>, DecodeError> {
    if let Some(d) = container(bytes) {
        return d;
    }
    if let Some(rest) = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]) {
        // the mark says UTF-8: damaged bytes are read as U+FFFD, whatever their share
        return match utf8(rest, 3) {
            Ok(text) => Ok(Decoded {
                text: Cow::Borrowed(text),
                encoding: "utf-8-bom",
                damaged: Vec::new(),
                furniture: Vec::new(),
            }),
            Err(e @ DecodeError::InvalidUtf8 { .. }) => lossy(rest, "utf-8-bom", |_| true).ok_or(e),
            Err(e) => Err(e),
        };
    }
    if let Some(rest) = bytes.strip_prefix(&[0xFF, 0xFE]) {
        return utf16(rest, false).map(|t| Decoded {
            text: Cow::Owned(t),
            encoding: "utf-16le",
            damaged: Vec::new(),
            furniture: Vec::new(),
        });
    }
    if let Some(rest) = bytes.strip_prefix(&[0xFE, 0xFF]) {
        return utf16(rest, true).map(|t| Decoded {
            text: Cow::Owned(t),
            encoding: "utf-16be",
            damaged: Vec::new(),
            furniture: Vec::new(),
        });
    }
    match utf8(bytes, 0) {
        Ok(text) => Ok(Decoded {
            text: Cow::Borrowed(text),
            encoding: "utf-8",
            damaged: Vec::new(),
            furniture: Vec::new(),
        }),
        // UTF-8 with a few control bytes no text holds (a NUL from a damaged copy): read with
        // U+FFFD there, like any damaged byte; more of them are binary data
        Err(e @ DecodeError::Binary { .. }) => lossy(bytes, "utf-8", small_share).ok_or(e),
        // UTF-8 with a few damaged places (a download cut in the middle of a character, a
        // changed byte) is read with U+FFFD there; text in an 8-bit encoding is not UTF-8 at
        // almost every letter, and is decoded as such; what reads as neither is read as damaged
        // UTF-8 while the damage is a small share of the bytes
        Err(e @ DecodeError::InvalidUtf8 { .. }) => lossy(bytes, "utf-8", few_damaged_places)
            .or_else(|| mixed(bytes))
            .or_else(|| legacy(bytes))
            .or_else(|| lossy(bytes, "utf-8", small_share))
            .ok_or(e),
        Err(e) => Err(e),
    }
}

/// A file that is no text but a container of one, told by its first bytes (never by a file
/// name): a zip archive (a Word .docx), a compound file (Word 97–2003 .doc), a PDF. Each is
/// read by its reader, or refused by name when this build has no reader for it.
fn container(bytes: &[u8]) -> Option<Result<Decoded<'static>, DecodeError>> {
    /// The text a reader gave, as decoded text of that `encoding`.
    #[cfg(any(feature = "doc", feature = "docx", feature = "pdf"))]
    fn read<E: Into<DecodeError>>(
        text: Result<(String, Vec<(u32, Furniture)>), E>,
        encoding: &'static str,
    ) -> Option<Result<Decoded<'static>, DecodeError>> {
        Some(text.map_err(Into::into).map(|(text, furniture)| Decoded {
            text: Cow::Owned(text),
            encoding,
            damaged: Vec::new(),
            furniture,
        }))
    }
    /// A format whose reader this build was made without.
    #[cfg(not(all(feature = "doc", feature = "docx", feature = "pdf")))]
    fn without(
        format: &'static str,
        hint: &'static str,
    ) -> Option<Result<Decoded<'static>, DecodeError>> {
        Some(Err(DecodeError::Unsupported { format, hint }))
    }
    let zip = bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(b"PK\x05\x06");
    let compound = bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]);
    let pdf = bytes.starts_with(b"%PDF-");
    if zip {
        #[cfg(feature = "docx")]
        return read(docx::read_with_furniture(bytes), "docx");
        #[cfg(not(feature = "docx"))]
        return without(
            "a zip archive (.docx)",
            "this build of vanban was made without the `docx` feature",
        );
    }
    if compound {
        #[cfg(feature = "doc")]
        return read(doc::read(bytes).map(|t| (t, Vec::new())), "doc");
        #[cfg(not(feature = "doc"))]
        return without(
            "a Word 97-2003 .doc (compound file)",
            "this build of vanban was made without the `doc` feature",
        );
    }
    if pdf {
        #[cfg(feature = "pdf")]
        return read(pdf::read(bytes).map(|t| (t, Vec::new())), "pdf");
        #[cfg(not(feature = "pdf"))]
        return without(
            "a PDF",
            "this build of vanban was made without the `pdf` feature",
        );
    }
    None
}

/// What the UTF-8 reader saw in bytes that are not all UTF-8.
struct Reading {
    /// Invalid sequences.
    bad: usize,
    /// Bytes in them.
    bad_bytes: usize,
    /// Valid characters of two bytes or more.
    multibyte: usize,
    /// All the bytes.
    len: usize,
}

/// A few damaged places in text that is UTF-8 elsewhere (many characters of two bytes or more).
fn few_damaged_places(r: &Reading) -> bool {
    r.bad <= 16 && r.multibyte >= 4 * r.bad
}

/// Damaged bytes that are at most a tenth of the text.
fn small_share(r: &Reading) -> bool {
    r.bad_bytes * 10 <= r.len
}

/// Bytes read as UTF-8 with U+FFFD for each invalid sequence, when `accept` takes what was
/// seen (and the text is no binary data).
fn lossy(
    bytes: &[u8],
    encoding: &'static str,
    accept: fn(&Reading) -> bool,
) -> Option<Decoded<'static>> {
    let mut r = Reading {
        bad: 0,
        bad_bytes: 0,
        multibyte: 0,
        len: bytes.len(),
    };
    let mut text = String::with_capacity(bytes.len() + 16);
    let mut places: Vec<(usize, Vec<u8>)> = Vec::new();
    // a control byte no text holds (NUL, and the C0 controls but tab, line ends, VT, FF and
    // ESC) is damage too, while such bytes are a small share (more make binary data)
    let is_control = |b: u8| b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0B | 0x0C | 0x1B);
    let controls = bytes.iter().filter(|&&b| is_control(b)).count();
    if controls > 8 && controls * 10 > bytes.len() {
        return None;
    }
    for chunk in bytes.utf8_chunks() {
        let valid = chunk.valid();
        r.multibyte += valid.bytes().filter(|&b| b >= 0xC0).count();
        if controls == 0 {
            text.push_str(valid);
        } else {
            let mut from = 0;
            for (i, b) in valid.bytes().enumerate().filter(|&(_, b)| is_control(b)) {
                text.push_str(&valid[from..i]);
                r.bad += 1;
                r.bad_bytes += 1;
                places.push((text.len(), vec![b]));
                text.push(char::REPLACEMENT_CHARACTER);
                from = i + 1;
            }
            text.push_str(&valid[from..]);
        }
        let invalid = chunk.invalid();
        if !invalid.is_empty() {
            r.bad += 1;
            r.bad_bytes += invalid.len();
            places.push((text.len(), invalid.to_vec()));
            text.push(char::REPLACEMENT_CHARACTER);
        }
    }
    if !accept(&r) {
        return None;
    }
    check_binary(text.as_bytes(), 0).ok()?;
    let damaged = place(&text, places);
    Some(Decoded {
        text: Cow::Owned(text),
        encoding,
        damaged,
        furniture: Vec::new(),
    })
}

/// Lines and columns of byte offsets (in increasing order) in a text, in one pass.
fn place(text: &str, places: Vec<(usize, Vec<u8>)>) -> Vec<Damage> {
    let mut out = Vec::with_capacity(places.len());
    let (mut line, mut column) = (1u32, 1u32);
    let mut chars = text.char_indices().peekable();
    for (offset, bytes) in places {
        while let Some(&(at, c)) = chars.peek() {
            if at >= offset {
                break;
            }
            chars.next();
            let crlf = c == '\r' && chars.peek().is_some_and(|&(_, n)| n == '\n');
            if matches!(c, '\n' | '\r' | '\u{0C}') && !crlf {
                line += 1;
                column = 1;
            } else if !crlf {
                column += 1;
            }
        }
        out.push(Damage {
            offset,
            bytes,
            line,
            column,
        });
    }
    out
}

/// Words scored to choose an 8-bit encoding (the first 64 KiB are plenty).
const SAMPLE: usize = 64 * 1024;

/// A decoder of 8-bit bytes into text.
type Decoder = fn(&[u8]) -> String;

/// Windows-1258 writes most tones as combining marks: decode, then compose.
fn windows_1258(b: &[u8]) -> String {
    let (t, _) = encoding_rs::WINDOWS_1258.decode_without_bom_handling(b);
    t.nfc().collect()
}

/// The 8-bit encoding under which the bytes read best as Vietnamese, if one reads well.
/// The 8-bit encodings a text not in UTF-8 may be in, by name, in the order they are tried.
const EIGHT_BIT: [(&str, Decoder); 4] = [
    ("windows-1258", windows_1258),
    ("tcvn3", |b| Legacy::Tcvn3.decode(b)),
    ("vni", |b| Legacy::Vni.decode(b)),
    ("viscii", |b| Legacy::Viscii.decode(b)),
];

fn legacy(bytes: &[u8]) -> Option<Decoded<'static>> {
    check_binary(bytes, 0).ok()?;
    let sample = &bytes[..bytes.len().min(SAMPLE)];
    let mut best: Option<(usize, f32)> = None;
    for (k, (_, dec)) in EIGHT_BIT.iter().enumerate() {
        let (s, n) = score(&dec(sample));
        if n >= 3 && best.is_none_or(|b| s > b.1) {
            best = Some((k, s));
        }
    }
    let (k, s) = best?;
    if s < 0.5 {
        return None;
    }
    let (name, dec) = &EIGHT_BIT[k];
    Some(Decoded {
        text: Cow::Owned(dec(bytes)),
        encoding: name,
        damaged: Vec::new(),
        furniture: Vec::new(),
    })
}

/// Bytes that join UTF-8 lines and lines in an 8-bit encoding (a file that concatenates a
/// Unicode notice and a TCVN3 one): each run of lines that are not UTF-8 is decoded on its
/// own, with the 8-bit encoding that reads that run best, and the UTF-8 lines are kept as they
/// are. `None` unless the bytes hold both UTF-8 lines with letters beyond ASCII and lines that
/// are not UTF-8, and every such run reads as Vietnamese in some encoding.
fn mixed(bytes: &[u8]) -> Option<Decoded<'static>> {
    check_binary(bytes, 0).ok()?;
    // (line, is UTF-8) with its line end
    let lines: Vec<(&[u8], bool)> = bytes
        .split_inclusive(|&b| b == b'\n')
        .map(|l| (l, std::str::from_utf8(l).is_ok()))
        .collect();
    let unicode = lines
        .iter()
        .filter(|(l, ok)| *ok && l.iter().any(|&b| b >= 0xC0))
        .count();
    if unicode == 0 || lines.iter().all(|(_, ok)| *ok) {
        return None;
    }
    // a line that is mostly UTF-8 with a few bad bytes is damaged UTF-8, not 8-bit text (whose
    // bytes seldom make UTF-8 sequences): that is read with U+FFFD, never decoded as 8-bit
    let damaged = |l: &[u8]| {
        let (mut good, mut bad) = (0usize, 0usize);
        for chunk in l.utf8_chunks() {
            good += chunk.valid().bytes().filter(|&b| b >= 0xC0).count();
            bad += usize::from(!chunk.invalid().is_empty());
        }
        good >= bad
    };
    if lines.iter().any(|(l, ok)| !ok && damaged(l)) {
        return None;
    }
    let mut text = String::with_capacity(bytes.len() + bytes.len() / 4);
    let mut k = 0;
    while k < lines.len() {
        let (line, ok) = lines[k];
        if ok {
            text.push_str(std::str::from_utf8(line).ok()?);
            k += 1;
            continue;
        }
        // a run of lines that are not UTF-8, with the ASCII lines between them
        let mut end = k + 1;
        while end < lines.len() && (!lines[end].1 || lines[end].0.is_ascii()) {
            end += 1;
        }
        while end > k + 1 && lines[end - 1].0.is_ascii() {
            end -= 1;
        }
        text.push_str(&legacy_run(&lines[k..end])?);
        k = end;
    }
    Some(Decoded {
        text: Cow::Owned(text),
        encoding: "mixed",
        damaged: Vec::new(),
        furniture: Vec::new(),
    })
}

/// A run of lines in 8-bit encodings, each line read in the encoding of the best path over
/// the run (a TCVN3 text then a VNI one switch where they meet); `None` when the run does not
/// read mostly as Vietnamese.
fn legacy_run(lines: &[(&[u8], bool)]) -> Option<String> {
    let readings: Vec<[String; 4]> = lines
        .iter()
        .map(|(l, _)| EIGHT_BIT.map(|(_, d)| d(l)))
        .collect();
    let mut words = 0usize;
    let scores: Vec<[f32; 4]> = readings
        .iter()
        .map(|r| {
            let s = r.each_ref().map(|t| score(t));
            words += s.iter().map(|x| x.1).max().unwrap_or(0);
            s.map(|(share, n)| share * n as f32)
        })
        .collect();
    let path = region::best_path(&scores, region::SWITCH);
    let read: f32 = path.iter().zip(&scores).map(|(&p, s)| s[p]).sum();
    if words < 3 || read < 0.5 * words as f32 {
        return None;
    }
    let mut out = String::new();
    for (r, &p) in readings.iter().zip(&path) {
        if EIGHT_BIT[p].0 == Legacy::Tcvn3.name() {
            // TCVN3's capitals with tones are its small letters' codes
            out.push_str(&crate::decode::repair::restore_upper(&r[p]).0);
        } else {
            out.push_str(&r[p]);
        }
    }
    Some(out)
}

fn utf8(bytes: &[u8], base: usize) -> Result<&str, DecodeError> {
    // SIMD validation first; the standard library finds the error's position when it fails
    if let Ok(text) = simdutf8::basic::from_utf8(bytes) {
        check_binary(text.as_bytes(), base)?;
        return Ok(text);
    }
    let text = std::str::from_utf8(bytes).map_err(|e| {
        let offset = e.valid_up_to();
        let line = 1 + memchr::memchr_iter(b'\n', &bytes[..offset]).count() as u32;
        DecodeError::InvalidUtf8 {
            offset: base + offset,
            line,
        }
    })?;
    check_binary(text.as_bytes(), base)?;
    Ok(text)
}

/// Text files hold no NUL and few other C0 controls (tab, LF, CR, FF, VT and ESC aside); PDF
/// extraction with broken fonts leaves some, so only a share above 10 % counts as binary.
fn check_binary(bytes: &[u8], base: usize) -> Result<(), DecodeError> {
    if let Some(i) = memchr::memchr(0, bytes) {
        return Err(DecodeError::Binary {
            byte: 0,
            offset: base + i,
        });
    }
    // all bytes below 0x20 (white space included): a cheap upper bound, eight bytes at a
    // time (a byte is below 0x20 when its top three bits are clear)
    let low = {
        const LO: u64 = 0x7F7F_7F7F_7F7F_7F7F;
        let mut words = bytes.chunks_exact(8);
        let mut n = 0usize;
        for w in &mut words {
            let mut a = [0u8; 8];
            a.copy_from_slice(w);
            let y = u64::from_le_bytes(a) & 0xE0E0_E0E0_E0E0_E0E0;
            // 0x80 in each byte of `y` that is zero
            n += (!(((y & LO) + LO) | y | LO)).count_ones() as usize;
        }
        n + words.remainder().iter().filter(|&&b| b < 0x20).count()
    };
    if low <= 8 || low * 10 <= bytes.len() {
        return Ok(());
    }
    let is_control = |b: u8| b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0B | 0x0C | 0x1B);
    let controls = bytes.iter().filter(|&&b| is_control(b)).count();
    if controls > 8 && controls * 10 > bytes.len() {
        let offset = bytes.iter().position(|&b| is_control(b)).unwrap_or(0);
        return Err(DecodeError::Binary {
            byte: bytes[offset],
            offset: base + offset,
        });
    }
    Ok(())
}

fn utf16(bytes: &[u8], big_endian: bool) -> Result<String, DecodeError> {
    let endian = if big_endian { "BE" } else { "LE" };
    if !bytes.len().is_multiple_of(2) {
        return Err(DecodeError::InvalidUtf16 {
            endian,
            offset: bytes.len() + 1,
        });
    }
    let units = bytes.chunks_exact(2).map(|c| {
        if big_endian {
            u16::from_be_bytes([c[0], c[1]])
        } else {
            u16::from_le_bytes([c[0], c[1]])
        }
    });
    let mut out = String::with_capacity(bytes.len() / 2 * 3);
    for (i, r) in char::decode_utf16(units).enumerate() {
        match r {
            Ok(c) => out.push(c),
            Err(_) => {
                return Err(DecodeError::InvalidUtf16 {
                    endian,
                    offset: 2 + i * 2,
                });
            }
        }
    }
    check_binary(out.as_bytes(), 2)?;
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_plain_and_bom() {
        assert_eq!(decode("Số".as_bytes()).unwrap().encoding, "utf-8");
        let mut b = vec![0xEF, 0xBB, 0xBF];
        b.extend_from_slice("Số".as_bytes());
        let d = decode(&b).unwrap();
        assert_eq!((d.text.as_ref(), d.encoding), ("Số", "utf-8-bom"));
    }

    #[test]
    fn utf16_both_orders() {
        let s = "Số: 12/TB-UBND\n";
        let mut le = vec![0xFF, 0xFE];
        let mut be = vec![0xFE, 0xFF];
        for u in s.encode_utf16() {
            le.extend_from_slice(&u.to_le_bytes());
            be.extend_from_slice(&u.to_be_bytes());
        }
        assert_eq!(decode(&le).unwrap().text, s);
        assert_eq!(decode(&be).unwrap().text, s);
        assert_eq!(decode(&be).unwrap().encoding, "utf-16be");
    }

    #[test]
    fn invalid_utf8_reports_offset_and_line() {
        let e = decode(b"ab\ncd\xFFef").unwrap_err();
        assert_eq!(e, DecodeError::InvalidUtf8 { offset: 5, line: 2 });
    }

    #[test]
    fn nul_is_binary() {
        assert!(matches!(
            decode(b"abc\0def"),
            Err(DecodeError::Binary { byte: 0, offset: 3 })
        ));
    }

    #[test]
    fn odd_utf16_is_an_error() {
        assert!(matches!(
            decode(&[0xFF, 0xFE, 0x41]),
            Err(DecodeError::InvalidUtf16 { .. })
        ));
    }
}
