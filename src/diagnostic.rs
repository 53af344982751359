//! Diagnostics: what the parser noticed, with a stable kebab-case [`Code`], a [`Severity`] and a
//! position; and the [`Sink`] every stage reports into.
//!
//! ```
//! use vanban::diagnostic::{Code, Diagnostic, Severity};
//! let d = Diagnostic::at(Severity::Info, Code::BlankNumber, "the number is left blank", 3, 1);
//! assert_eq!(d.to_string(), "info[blank-number] 3:1: the number is left blank");
//! assert_eq!(d.code, "blank-number");
//! ```

use serde::Serialize;

/// How serious a [`Diagnostic`] is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Something was repaired or is merely worth knowing.
    Info,
    /// A component is missing or odd; the tree is still usable.
    Warning,
    /// The input is not (or not enough of) a document.
    Error,
}

impl Severity {
    /// `info`, `warning` or `error`.
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

/// The stable codes of diagnostics, serialised as kebab-case strings (`missing-issuer`).
///
/// Codes never change their spelling or meaning; new codes may be added.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum Code {
    /// `empty-input`: the input is empty or only white space.
    EmptyInput,
    /// `damaged-bytes`: bytes that are not UTF-8 in UTF-8 text, read as U+FFFD (`�`).
    DamagedBytes,
    /// `not-a-document`: no component of an administrative document was found.
    NotADocument,
    /// `missing-issuer`: no tên cơ quan ban hành in the header.
    MissingIssuer,
    /// `missing-national-heading`: no Quốc hiệu và Tiêu ngữ (nor party heading).
    MissingNationalHeading,
    /// `missing-number`: no số, ký hiệu line.
    MissingNumber,
    /// `blank-number`: the number is left blank (`Số: /TB-UBND`, stamped on issue).
    BlankNumber,
    /// `missing-place-date`: no địa danh và thời gian line.
    MissingPlaceDate,
    /// `blank-date-part`: day, month or year left blank (`ngày … tháng 9 năm 2024`).
    BlankDatePart,
    /// `date-out-of-range`: a date part is out of range (`ngày 31 tháng 2`).
    DateOutOfRange,
    /// `missing-kind`: no tên loại line and no `V/v` trích yếu.
    MissingKind,
    /// `missing-title`: no trích yếu.
    MissingTitle,
    /// `missing-body`: nothing between the header and the closing block.
    MissingBody,
    /// `missing-signature`: no signature block.
    MissingSignature,
    /// `missing-recipients`: neither Nơi nhận nor Kính gửi.
    MissingRecipients,
    /// `unrecognised-header-text`: header text that fits no component.
    UnrecognisedHeaderText,
    /// `unrecognised-closing-text`: closing-block text that is neither a recipient nor part of
    /// the signature.
    UnrecognisedClosingText,
    /// `unplaced-line`: a line that no component took.
    UnplacedLine,
    /// `mostly-unplaced`: most of the text fits no component (it is only in diagnostics).
    MostlyUnplaced,
    /// `numbering-skip`: a numbered unit skips (`Điều 4` after `Điều 2`).
    NumberingSkip,
    /// `numbering-restart`: a numbered unit goes back or repeats (`khoản 1` after `khoản 3`).
    NumberingRestart,
    /// `repaired-mojibake-tcvn3`: lines of TCVN3 text read as Windows-1252 decoded.
    RepairedMojibakeTcvn3,
    /// `repaired-mojibake-vni`: lines of VNI-Windows text read as Windows-1252 decoded.
    RepairedMojibakeVni,
    /// `repaired-mojibake-viscii`: lines of VISCII text read as Windows-1252 decoded.
    RepairedMojibakeViscii,
    /// `repaired-upper-case`: words typed in TCVN3 capitals given back their capitals.
    RepairedUpperCase,
    /// `repaired-line-endings`: CRLF or CR line ends made LF.
    RepairedLineEndings,
    /// `repaired-nfc`: decomposed letters normalised to NFC.
    RepairedNfc,
    /// `repaired-split-diacritics`: marks or syllables split by a space joined back.
    RepairedSplitDiacritics,
    /// `repaired-eth-as-d-stroke`: `Ð` (eth) made `Đ`.
    RepairedEthAsDStroke,
    /// `repaired-no-break-spaces`: no-break spaces made plain spaces.
    RepairedNoBreakSpaces,
    /// `repaired-invisible-characters`: zero-width characters or soft hyphens removed.
    RepairedInvisibleCharacters,
    /// `repaired-homoglyphs`: look-alike letters made the letters they stand for: Cyrillic in
    /// Latin words (`ВСТ`), `ƣ` for `ư` (`Thƣơng`).
    RepairedHomoglyphs,
    /// `repaired-glyph-numbers`: words written as font glyph numbers read as letters.
    RepairedGlyphNumbers,
}

impl Code {
    /// The code as it is written in the JSON (`missing-issuer`).
    pub fn as_str(self) -> &'static str {
        match self {
            Code::EmptyInput => "empty-input",
            Code::DamagedBytes => "damaged-bytes",
            Code::NotADocument => "not-a-document",
            Code::MissingIssuer => "missing-issuer",
            Code::MissingNationalHeading => "missing-national-heading",
            Code::MissingNumber => "missing-number",
            Code::BlankNumber => "blank-number",
            Code::MissingPlaceDate => "missing-place-date",
            Code::BlankDatePart => "blank-date-part",
            Code::DateOutOfRange => "date-out-of-range",
            Code::MissingKind => "missing-kind",
            Code::MissingTitle => "missing-title",
            Code::MissingBody => "missing-body",
            Code::MissingSignature => "missing-signature",
            Code::MissingRecipients => "missing-recipients",
            Code::UnrecognisedHeaderText => "unrecognised-header-text",
            Code::UnrecognisedClosingText => "unrecognised-closing-text",
            Code::UnplacedLine => "unplaced-line",
            Code::MostlyUnplaced => "mostly-unplaced",
            Code::NumberingSkip => "numbering-skip",
            Code::NumberingRestart => "numbering-restart",
            Code::RepairedMojibakeTcvn3 => "repaired-mojibake-tcvn3",
            Code::RepairedMojibakeVni => "repaired-mojibake-vni",
            Code::RepairedMojibakeViscii => "repaired-mojibake-viscii",
            Code::RepairedUpperCase => "repaired-upper-case",
            Code::RepairedLineEndings => "repaired-line-endings",
            Code::RepairedNfc => "repaired-nfc",
            Code::RepairedSplitDiacritics => "repaired-split-diacritics",
            Code::RepairedEthAsDStroke => "repaired-eth-as-d-stroke",
            Code::RepairedNoBreakSpaces => "repaired-no-break-spaces",
            Code::RepairedInvisibleCharacters => "repaired-invisible-characters",
            Code::RepairedHomoglyphs => "repaired-homoglyphs",
            Code::RepairedGlyphNumbers => "repaired-glyph-numbers",
        }
    }
}

impl std::fmt::Display for Code {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Serialize for Code {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

impl PartialEq<str> for Code {
    fn eq(&self, other: &str) -> bool {
        self.as_str() == other
    }
}

impl PartialEq<&str> for Code {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

/// One finding, e.g. `warning missing-issuer at line 1`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Diagnostic {
    /// How serious it is.
    pub severity: Severity,
    /// A stable kebab-case code (`missing-issuer`, `blank-number`, `unplaced-line`, …).
    pub code: Code,
    /// A sentence for people.
    pub message: String,
    /// 1-based line, when the finding has a place.
    pub line: Option<u32>,
    /// 1-based column in characters (not bytes), when the finding has a place.
    pub column: Option<u32>,
}

impl Diagnostic {
    /// A diagnostic at a line and character column.
    pub fn at(
        severity: Severity,
        code: Code,
        message: impl Into<String>,
        line: u32,
        column: u32,
    ) -> Self {
        Diagnostic {
            severity,
            code,
            message: message.into(),
            line: Some(line),
            column: Some(column),
        }
    }

    /// A diagnostic about the document as a whole.
    pub fn whole(severity: Severity, code: Code, message: impl Into<String>) -> Self {
        Diagnostic {
            severity,
            code,
            message: message.into(),
            line: None,
            column: None,
        }
    }
}

impl std::fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let sev = self.severity.as_str();
        match (self.line, self.column) {
            (Some(l), Some(c)) => write!(f, "{sev}[{}] {l}:{c}: {}", self.code, self.message),
            (Some(l), None) => write!(f, "{sev}[{}] {l}: {}", self.code, self.message),
            _ => write!(f, "{sev}[{}]: {}", self.code, self.message),
        }
    }
}

/// Where every stage reports what it noticed, in the order it noticed it.
///
/// A part that finds text it cannot place reports it at the byte where the text starts
/// ([`Sink::at_byte`]); the check stage turns that byte into a character column once every
/// part has run, so no part counts characters along a line.
#[derive(Debug, Default)]
pub struct Sink {
    found: Vec<Finding>,
}

/// A diagnostic and, when its column is still to be counted, the byte it points at.
#[derive(Debug)]
pub(crate) struct Finding {
    pub diagnostic: Diagnostic,
    pub at_byte: Option<usize>,
}

impl Sink {
    /// A finding at a line and character column.
    pub fn at(&mut self, severity: Severity, code: Code, message: String, line: u32, column: u32) {
        self.push(Diagnostic::at(severity, code, message, line, column));
    }

    /// A finding about the document as a whole.
    pub fn whole(&mut self, severity: Severity, code: Code, message: impl Into<String>) {
        self.push(Diagnostic::whole(severity, code, message));
    }

    /// A finding about text that starts at byte `byte` of the text, on line `line`; its column
    /// is counted later.
    pub fn at_byte(
        &mut self,
        severity: Severity,
        code: Code,
        message: String,
        line: u32,
        byte: usize,
    ) {
        self.found.push(Finding {
            diagnostic: Diagnostic::at(severity, code, message, line, 1),
            at_byte: Some(byte),
        });
    }

    /// A finished diagnostic.
    pub fn push(&mut self, diagnostic: Diagnostic) {
        self.found.push(Finding {
            diagnostic,
            at_byte: None,
        });
    }

    /// Everything another sink found, after what this one found.
    pub fn append(&mut self, other: &mut Sink) {
        self.found.append(&mut other.found);
    }

    /// Whether nothing was reported.
    pub fn is_empty(&self) -> bool {
        self.found.is_empty()
    }

    /// The diagnostics found so far, in order (columns of byte-placed findings still 1).
    pub fn diagnostics(&self) -> impl Iterator<Item = &Diagnostic> {
        self.found.iter().map(|f| &f.diagnostic)
    }

    pub(crate) fn into_findings(self) -> Vec<Finding> {
        self.found
    }
}
