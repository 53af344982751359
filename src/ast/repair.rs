//! Sửa lỗi — what the decode stage repaired, as data: one [`Repair`] per kind, with a count
//! and the first line it touched (`repaired-nfc: 3 lines, first at line 12`).

use serde::{Deserialize, Serialize};

use crate::diagnostic::Code;

/// Kinds of [`Repair`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "kebab-case")]
#[non_exhaustive]
pub enum RepairKind {
    /// TCVN3 (ABC) bytes that had been read as Windows-1252 (`Uû ban nh©n d©n`).
    MojibakeTcvn3,
    /// VNI-Windows bytes that had been read as Windows-1252 (`chaøo caùc baïn`).
    MojibakeVni,
    /// VISCII bytes that had been read as Windows-1252.
    MojibakeViscii,
    /// Capitals restored in words typed in TCVN3 capitals (`QUYếT` → `QUYẾT`).
    UpperCase,
    /// CRLF or lone CR line ends made LF.
    LineEndings,
    /// Decomposed (NFD) letters composed (NFC).
    Nfc,
    /// A combining mark or a syllable split off by a space joined back (`ĐIỀ U` → `ĐIỀU`).
    SplitDiacritics,
    /// `Ð` (U+00D0, Icelandic eth) in a Vietnamese word made `Đ` (U+0110).
    EthAsDStroke,
    /// No-break and other fixed-width spaces made plain spaces.
    NoBreakSpaces,
    /// Zero-width characters, byte-order marks inside the text and soft hyphens removed.
    InvisibleCharacters,
    /// Cyrillic letters that look Latin (OCR: `ВСТ-VKSNDTC`) inside Latin words made Latin.
    Homoglyphs,
    /// Words of a PDF text layer written as glyph numbers read back as letters
    /// (`6Ӣ CÔNG THѬѪNG` → `SỞ CÔNG THƯƠNG`).
    GlyphNumbers,
}

impl RepairKind {
    /// The diagnostic code that reports this repair (`repaired-mojibake-tcvn3`, …).
    pub fn code(self) -> Code {
        match self {
            RepairKind::MojibakeTcvn3 => Code::RepairedMojibakeTcvn3,
            RepairKind::MojibakeVni => Code::RepairedMojibakeVni,
            RepairKind::MojibakeViscii => Code::RepairedMojibakeViscii,
            RepairKind::UpperCase => Code::RepairedUpperCase,
            RepairKind::LineEndings => Code::RepairedLineEndings,
            RepairKind::Nfc => Code::RepairedNfc,
            RepairKind::SplitDiacritics => Code::RepairedSplitDiacritics,
            RepairKind::EthAsDStroke => Code::RepairedEthAsDStroke,
            RepairKind::NoBreakSpaces => Code::RepairedNoBreakSpaces,
            RepairKind::InvisibleCharacters => Code::RepairedInvisibleCharacters,
            RepairKind::Homoglyphs => Code::RepairedHomoglyphs,
            RepairKind::GlyphNumbers => Code::RepairedGlyphNumbers,
        }
    }

    pub(crate) fn what(self) -> &'static str {
        match self {
            RepairKind::MojibakeTcvn3 => "lines of TCVN3 (ABC) text read as Windows-1252 decoded",
            RepairKind::MojibakeVni => "lines of VNI-Windows text read as Windows-1252 decoded",
            RepairKind::MojibakeViscii => "lines of VISCII text read as Windows-1252 decoded",
            RepairKind::UpperCase => "words typed in TCVN3 capitals given back their capitals",
            RepairKind::LineEndings => "CRLF or CR line ends made LF",
            RepairKind::Nfc => "lines with decomposed letters normalised to NFC",
            RepairKind::SplitDiacritics => "marks or syllables split by a space joined back",
            RepairKind::EthAsDStroke => "Ð (eth) made Đ",
            RepairKind::NoBreakSpaces => "no-break spaces made plain spaces",
            RepairKind::InvisibleCharacters => "zero-width characters or soft hyphens removed",
            RepairKind::Homoglyphs => {
                "look-alike letters made the letters they stand for (Cyrillic in Latin words, ƣ for ư)"
            }
            RepairKind::GlyphNumbers => "words written as font glyph numbers read as letters",
        }
    }
}

/// One kind of repair: how many times it was made and the first line it touched.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
#[cfg_attr(feature = "schema", schemars(deny_unknown_fields))]
pub struct Repair {
    /// What was repaired.
    pub kind: RepairKind,
    /// How many characters, words or lines (see the kind).
    pub count: usize,
    /// First line (1-based, in the repaired text) it touched.
    pub first_line: u32,
}

impl Repair {
    /// A sentence for people.
    pub fn message(&self) -> String {
        format!(
            "{}: {} (first at line {})",
            self.kind.what(),
            self.count,
            self.first_line
        )
    }
}
