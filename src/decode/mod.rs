//! Decoding bytes into text: UTF-8 (with or without BOM) and UTF-16 with a BOM, or a legacy
//! 8-bit Vietnamese encoding found by content ([`legacy`]); then the ordered repairs on the
//! text ([`repair`], with the glyph-number reader of [`glyphs`]).

pub(crate) mod glyphs;
pub mod legacy;
pub mod repair;

use std::borrow::Cow;

use unicode_normalization::UnicodeNormalization;

use crate::decode::legacy::Legacy;
use crate::viet::syllable::score;

/// Why bytes could not be turned into text.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DecodeError {
    /// The bytes are not valid UTF-8 and carry no UTF-16 byte-order mark.
    #[error("invalid UTF-8 at byte {offset} (line {line}); the file is in another encoding")]
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
}

/// Text decoded from bytes, with the name of the encoding found.
#[derive(Debug, Clone)]
pub struct Decoded<'a> {
    /// The text (borrowed when the bytes were UTF-8 already).
    pub text: Cow<'a, str>,
    /// `utf-8`, `utf-8-bom`, `utf-16le`, `utf-16be`, or an 8-bit encoding found by content:
    /// `windows-1258`, `tcvn3`, `vni`, `viscii`.
    pub encoding: &'static str,
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
    if let Some(rest) = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]) {
        return utf8(rest, 3).map(|text| Decoded {
            text: Cow::Borrowed(text),
            encoding: "utf-8-bom",
        });
    }
    if let Some(rest) = bytes.strip_prefix(&[0xFF, 0xFE]) {
        return utf16(rest, false).map(|t| Decoded {
            text: Cow::Owned(t),
            encoding: "utf-16le",
        });
    }
    if let Some(rest) = bytes.strip_prefix(&[0xFE, 0xFF]) {
        return utf16(rest, true).map(|t| Decoded {
            text: Cow::Owned(t),
            encoding: "utf-16be",
        });
    }
    match utf8(bytes, 0) {
        Ok(text) => Ok(Decoded {
            text: Cow::Borrowed(text),
            encoding: "utf-8",
        }),
        Err(e @ DecodeError::InvalidUtf8 { .. }) => legacy(bytes).ok_or(e),
        Err(e) => Err(e),
    }
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
fn legacy(bytes: &[u8]) -> Option<Decoded<'static>> {
    check_binary(bytes, 0).ok()?;
    let sample = &bytes[..bytes.len().min(SAMPLE)];
    let candidates: [(&'static str, Decoder); 4] = [
        ("windows-1258", windows_1258),
        ("tcvn3", |b| Legacy::Tcvn3.decode(b)),
        ("vni", |b| Legacy::Vni.decode(b)),
        ("viscii", |b| Legacy::Viscii.decode(b)),
    ];
    let mut best: Option<(usize, f32)> = None;
    for (k, (_, dec)) in candidates.iter().enumerate() {
        let (s, n) = score(&dec(sample));
        if n >= 3 && best.is_none_or(|b| s > b.1) {
            best = Some((k, s));
        }
    }
    let (k, s) = best?;
    if s < 0.5 {
        return None;
    }
    let (name, dec) = &candidates[k];
    Some(Decoded {
        text: Cow::Owned(dec(bytes)),
        encoding: name,
    })
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
    // all bytes below 0x20 (white space included): a cheap, vectorised upper bound
    let low = bytes.iter().filter(|&&b| b < 0x20).count();
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
