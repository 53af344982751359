//! Diagnostics: what the parser noticed, with a stable kebab-case [`Code`], a [`Severity`] and a
//! position; and the [`Sink`] every stage reports into.
//!
//! ```
//! use vanban::diagnostic::{Code, Diagnostic, Severity};
//! let d = Diagnostic::at(Severity::Info, Code::BlankNumber, "the number is left blank", 3, 1);
//! assert_eq!(d.to_string(), "info[blank-number] 3:1: the number is left blank");
//! assert_eq!(d.code, "blank-number");
//! ```

use serde::{Deserialize, Serialize};

/// How serious a [`Diagnostic`] is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
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

macro_rules! codes {
    ($( $(#[$doc:meta])* $var:ident = $code:literal, )*) => {
        /// The stable codes of diagnostics, serialised as kebab-case strings (`missing-issuer`).
        ///
        /// Codes never change their spelling or meaning; new codes may be added.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        #[non_exhaustive]
        pub enum Code {
            $( $(#[$doc])* $var, )*
        }

        impl Code {
            /// Every code, in the order they were added.
            pub const ALL: &'static [Code] = &[$( Code::$var, )*];

            /// The code as it is written in the JSON (`missing-issuer`).
            pub fn as_str(self) -> &'static str {
                match self {
                    $( Code::$var => $code, )*
                }
            }
        }
    };
}

codes! {
    /// `empty-input`: the input is empty or only white space.
    EmptyInput = "empty-input",
    /// `damaged-bytes`: bytes that are not UTF-8 in UTF-8 text, read as U+FFFD (`�`).
    DamagedBytes = "damaged-bytes",
    /// `not-a-document`: no component of an administrative document was found.
    NotADocument = "not-a-document",
    /// `missing-issuer`: no tên cơ quan ban hành in the header.
    MissingIssuer = "missing-issuer",
    /// `missing-national-heading`: no Quốc hiệu và Tiêu ngữ (nor party heading).
    MissingNationalHeading = "missing-national-heading",
    /// `missing-number`: no số, ký hiệu line.
    MissingNumber = "missing-number",
    /// `blank-number`: the number is left blank (`Số: /TB-UBND`, stamped on issue).
    BlankNumber = "blank-number",
    /// `missing-place-date`: no địa danh và thời gian line.
    MissingPlaceDate = "missing-place-date",
    /// `blank-date-part`: day, month or year left blank (`ngày … tháng 9 năm 2024`).
    BlankDatePart = "blank-date-part",
    /// `date-out-of-range`: a date part is out of range (`ngày 31 tháng 2`).
    DateOutOfRange = "date-out-of-range",
    /// `missing-kind`: no tên loại line and no `V/v` trích yếu.
    MissingKind = "missing-kind",
    /// `missing-title`: no trích yếu.
    MissingTitle = "missing-title",
    /// `missing-body`: nothing between the header and the closing block.
    MissingBody = "missing-body",
    /// `missing-signature`: no signature block.
    MissingSignature = "missing-signature",
    /// `missing-recipients`: neither Nơi nhận nor Kính gửi.
    MissingRecipients = "missing-recipients",
    /// `unrecognised-header-text`: header text that fits no component.
    UnrecognisedHeaderText = "unrecognised-header-text",
    /// `unrecognised-closing-text`: closing-block text that is neither a recipient nor part of
    /// the signature.
    UnrecognisedClosingText = "unrecognised-closing-text",
    /// `unplaced-line`: a line that no component took.
    UnplacedLine = "unplaced-line",
    /// `mostly-unplaced`: most of the text fits no component (it is only in diagnostics).
    MostlyUnplaced = "mostly-unplaced",
    /// `numbering-skip`: a numbered unit skips (`Điều 4` after `Điều 2`).
    NumberingSkip = "numbering-skip",
    /// `numbering-restart`: a numbered unit goes back or repeats (`khoản 1` after `khoản 3`).
    NumberingRestart = "numbering-restart",
    /// `repaired-mojibake-tcvn3`: lines of TCVN3 text read as Windows-1252 decoded.
    RepairedMojibakeTcvn3 = "repaired-mojibake-tcvn3",
    /// `repaired-mojibake-vni`: lines of VNI-Windows text read as Windows-1252 decoded.
    RepairedMojibakeVni = "repaired-mojibake-vni",
    /// `repaired-mojibake-viscii`: lines of VISCII text read as Windows-1252 decoded.
    RepairedMojibakeViscii = "repaired-mojibake-viscii",
    /// `repaired-upper-case`: words typed in TCVN3 capitals given back their capitals.
    RepairedUpperCase = "repaired-upper-case",
    /// `repaired-line-endings`: CRLF or CR line ends made LF.
    RepairedLineEndings = "repaired-line-endings",
    /// `repaired-nfc`: decomposed letters normalised to NFC.
    RepairedNfc = "repaired-nfc",
    /// `repaired-split-diacritics`: marks or syllables split by a space joined back.
    RepairedSplitDiacritics = "repaired-split-diacritics",
    /// `repaired-eth-as-d-stroke`: `Ð` (eth) made `Đ`.
    RepairedEthAsDStroke = "repaired-eth-as-d-stroke",
    /// `repaired-no-break-spaces`: no-break spaces made plain spaces.
    RepairedNoBreakSpaces = "repaired-no-break-spaces",
    /// `repaired-invisible-characters`: zero-width characters or soft hyphens removed.
    RepairedInvisibleCharacters = "repaired-invisible-characters",
    /// `repaired-homoglyphs`: look-alike letters made the letters they stand for: Cyrillic in
    /// Latin words (`ВСТ`), `ƣ` for `ư` (`Thƣơng`).
    RepairedHomoglyphs = "repaired-homoglyphs",
    /// `repaired-glyph-numbers`: words written as font glyph numbers read as letters.
    RepairedGlyphNumbers = "repaired-glyph-numbers",
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

#[cfg(feature = "schema")]
impl schemars::JsonSchema for Code {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Code".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        let known: Vec<&str> = Code::ALL.iter().map(|c| c.as_str()).collect();
        schemars::json_schema!({
            "type": "string",
            "description": "A diagnostic's stable kebab-case code; codes may be added, never renamed.",
            "pattern": "^[a-z][a-z0-9]*(-[a-z0-9]+)*$",
            "examples": known,
        })
    }
}

impl<'de> Deserialize<'de> for Code {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let code = String::deserialize(d)?;
        Code::from_name(&code)
            .ok_or_else(|| serde::de::Error::custom(format!("unknown diagnostic code `{code}`")))
    }
}

impl Code {
    /// The code written `name` (`missing-issuer`), if there is one.
    pub fn from_name(name: &str) -> Option<Code> {
        Code::ALL.iter().copied().find(|c| c.as_str() == name)
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
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
#[cfg_attr(feature = "schema", schemars(deny_unknown_fields))]
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_code_is_written_once_and_read_back() {
        let mut names: Vec<&str> = Code::ALL.iter().map(|c| c.as_str()).collect();
        for (code, name) in Code::ALL.iter().zip(&names) {
            assert_eq!(Code::from_name(name), Some(*code));
            assert!(
                name.split('-').all(|w| !w.is_empty()
                    && w.bytes()
                        .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())),
                "{name}"
            );
        }
        names.sort_unstable();
        let n = names.len();
        names.dedup();
        assert_eq!(names.len(), n);
        assert_eq!(Code::from_name("no-such-code"), None);
        let d: Diagnostic = serde_json::from_str(
            r#"{"severity":"warning","code":"missing-issuer","message":"m","line":1,"column":null}"#,
        )
        .unwrap();
        assert_eq!(d.code, Code::MissingIssuer);
        assert!(serde_json::from_str::<Code>(r#""no-such-code""#).is_err());
    }
}
