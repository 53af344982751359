//! The typed tree of a văn bản hành chính (plain data, serialisable with serde).
//!
//! The shape of the JSON that [`crate::to_json`] writes is this tree as serde derives it. The
//! paths pinned by the JSON contract (`schema_version` 1, see the README) are marked *pinned* in
//! the field docs; everything else may grow but keeps its meaning.
//!
//! No type here takes a name of the standard prelude, so a glob import is safe:
//!
//! ```
//! use vanban::ast::*;
//! #[derive(Clone, Copy)]
//! struct Line(u32);
//! let copies: Vec<DocumentCopy> = Vec::new();
//! assert!(copies.is_empty() && Line(1).0 == 1);
//! ```

pub mod kind;
pub mod repair;

use serde::{Deserialize, Serialize};

use crate::ast::kind::DocKind;
use crate::diagnostic::Diagnostic;

/// Where a node stands in the (decoded, NFC) text: a byte range and a 1-based line range.
///
/// Serialised as `{"bytes": [start, end], "lines": [first, last]}`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Span {
    /// First byte of the node in the normalised text.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
    /// First line (1-based).
    pub line_start: u32,
    /// Last line (1-based, inclusive).
    pub line_end: u32,
}

impl Span {
    /// Join an optional span with another.
    pub fn join_opt(a: Option<Span>, b: Span) -> Span {
        a.map_or(b, |a| a.join(b))
    }

    /// The smallest span covering both.
    pub fn join(self, other: Span) -> Span {
        Span {
            start: self.start.min(other.start),
            end: self.end.max(other.end),
            line_start: self.line_start.min(other.line_start),
            line_end: self.line_end.max(other.line_end),
        }
    }
}

impl<'de> Deserialize<'de> for Span {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        #[serde(deny_unknown_fields)]
        struct Written {
            bytes: [usize; 2],
            lines: [u32; 2],
        }
        let w = Written::deserialize(d)?;
        Ok(Span {
            start: w.bytes[0],
            end: w.bytes[1],
            line_start: w.lines[0],
            line_end: w.lines[1],
        })
    }
}

#[cfg(feature = "schema")]
impl schemars::JsonSchema for Span {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Span".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        let pair = |what: &str| {
            schemars::json_schema!({
                "type": "array",
                "items": {"type": "integer", "minimum": 0},
                "minItems": 2,
                "maxItems": 2,
                "description": what,
            })
        };
        schemars::json_schema!({
            "type": "object",
            "description": "Where a node was read: `bytes` [start, end) of the text the parser saw (UTF-8 byte offsets: `vanban decode` prints that text), `lines` [first, last], 1-based and inclusive.",
            "properties": {
                "bytes": pair("[start, end): byte offsets in the decoded, repaired text"),
                "lines": pair("[first, last]: 1-based lines, inclusive"),
            },
            "required": ["bytes", "lines"],
            "additionalProperties": false,
        })
    }
}

impl Serialize for Span {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut st = s.serialize_struct("Span", 2)?;
        st.serialize_field("bytes", &[self.start, self.end])?;
        st.serialize_field("lines", &[self.line_start, self.line_end])?;
        st.end()
    }
}

/// A piece of text with its place in the source.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "schema", schemars(deny_unknown_fields))]
pub struct Text {
    /// The text, NFC, white space folded, lines of one component joined by one space.
    pub text: String,
    /// Where it was read.
    pub span: Span,
}

/// The whole parsed document.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
#[cfg_attr(feature = "schema", schemars(deny_unknown_fields))]
pub struct Document {
    /// *Pinned.* Version of the JSON contract (1).
    pub schema_version: u32,
    /// *Pinned.* Tên loại as an ASCII slug (`thong_bao`, `quyet_dinh`, `cong_van`, …).
    pub kind: Option<DocKind>,
    /// The tên loại line as printed (`THÔNG BÁO`, `GIẤY MỜI HỌP`), when the document has one.
    pub kind_line: Option<Text>,
    /// *Pinned.* Tên cơ quan, tổ chức ban hành (ô 2).
    pub issuer: Option<Issuer>,
    /// Quốc hiệu và Tiêu ngữ (ô 1), or the party heading `ĐẢNG CỘNG SẢN VIỆT NAM`.
    pub national_heading: Option<NationalHeading>,
    /// Độ mật, mức độ khẩn, phạm vi lưu hành and `DỰ THẢO` marks (ô 10, 11).
    pub marks: Vec<Mark>,
    /// *Pinned.* Số, ký hiệu (ô 3).
    pub number: Option<Number>,
    /// *Pinned.* Địa danh và thời gian ban hành (ô 4).
    pub place_date: Option<PlaceDate>,
    /// *Pinned.* Trích yếu nội dung (ô 5a, or 5b after `V/v` for a công văn).
    pub title: Option<String>,
    /// Where the trích yếu was read.
    pub title_span: Option<Span>,
    /// Authority line, căn cứ and enacting formula of decisions and similar acts.
    pub preamble: Option<Preamble>,
    /// *Pinned.* Nội dung: the body as nested blocks, in order.
    pub body: Vec<Block>,
    /// The end mark `./.` when the content closes with one.
    pub end_mark: Option<Span>,
    /// *Pinned.* Kính gửi (ô 9a) and Nơi nhận (ô 9b).
    pub recipients: Recipients,
    /// *Pinned.* Chức vụ, họ tên và chữ ký (ô 7) of the main signature.
    pub signature: Option<Signature>,
    /// Every signature block in reading order (biên bản: thư ký and chủ tọa; joint documents:
    /// one per signing body). Holds the main signature too.
    pub signatures: Vec<Signature>,
    /// What follows the signature block (phụ lục, attached rules, notes), kept, never dropped.
    pub appendices: Vec<Appendix>,
    /// Bản sao records after the document: `SAO Y`, `SAO LỤC`, `TRÍCH SAO` blocks with their own
    /// number, date and signer (never taken for the original's).
    pub copies: Vec<DocumentCopy>,
    /// Labelled fields of forms (giấy mời, giấy giới thiệu, giấy nghỉ phép, biên bản):
    /// `Thời gian: …`, `Địa điểm: …`, `Thành phần: …`, `Chủ trì: …`.
    pub fields: Vec<Field>,
    /// Trích dẫn: every reference to another document in the trích yếu, the preamble, the body
    /// and the appendices (`Nghị quyết số 11/2024/NQ-QH15`, `khoản 1 Điều 59 Nghị định số
    /// 193/2025/NĐ-CP`), in reading order. The document's own number is not one.
    pub citations: Vec<Citation>,
    /// Giao nhiệm vụ: every assignment in the body (`Giao Sở Tài chính chủ trì, phối hợp với …
    /// trước ngày 30/9/2024`): who leads, with whom, what, by when; in reading order.
    pub tasks: Vec<Task>,
    /// Lines before the document proper (web-page residue such as `*Source: …*`).
    pub front_matter: Vec<Text>,
    /// Lines kept out of the text: page numbers, rules, markdown remnants, signing software.
    pub artifacts: Vec<Artifact>,
    /// How the text was read: `utf-8`, `utf-8-bom`, `utf-16le`, `utf-16be`, `windows-1258`,
    /// `tcvn3`, `vni`, `viscii`, or `str` for a Rust string; `+tcvn3` (`+vni`, `+viscii`) is
    /// added when the text held that encoding's mojibake (`utf-8+tcvn3`).
    pub encoding: String,
    /// The repairs made to the text before parsing, one per kind.
    pub repairs: Vec<repair::Repair>,
    /// *Pinned.* Everything odd that was noticed, with line and column.
    pub diagnostics: Vec<Diagnostic>,
}

/// Tên cơ quan, tổ chức ban hành — e.g. `UBND TỈNH LÀO CAI` / `SỞ CÔNG THƯƠNG`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
#[cfg_attr(feature = "schema", schemars(deny_unknown_fields))]
pub struct Issuer {
    /// *Pinned.* The issuing body (`SỞ CÔNG THƯƠNG`; a wrapped name is joined).
    pub name: String,
    /// *Pinned.* Cơ quan chủ quản, the line(s) above the issuer (`UBND TỈNH LÀO CAI`).
    pub parent: Option<String>,
    /// Where it was read.
    pub span: Span,
}

/// Quốc hiệu và Tiêu ngữ — `CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM` / `Độc lập - Tự do - Hạnh phúc`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
#[cfg_attr(feature = "schema", schemars(deny_unknown_fields))]
pub struct NationalHeading {
    /// The Quốc hiệu as printed, or `ĐẢNG CỘNG SẢN VIỆT NAM` for party documents.
    pub name: Option<String>,
    /// The Tiêu ngữ as printed.
    pub motto: Option<String>,
    /// True for the party heading `ĐẢNG CỘNG SẢN VIỆT NAM`.
    pub party: bool,
    /// Where it was read.
    pub span: Span,
}

/// Kinds of [`Mark`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum MarkKind {
    /// Độ mật: `MẬT`, `TỐI MẬT`, `TUYỆT MẬT`.
    Secrecy,
    /// Mức độ khẩn: `KHẨN`, `THƯỢNG KHẨN`, `HỎA TỐC`.
    Urgency,
    /// Phạm vi lưu hành: `LƯU HÀNH NỘI BỘ`, `XEM XONG TRẢ LẠI`, `TÀI LIỆU THU HỒI`.
    Circulation,
    /// `DỰ THẢO`, `Dự thảo lần 2`.
    Draft,
}

/// A stamp-like mark near the number — e.g. `KHẨN`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
#[cfg_attr(feature = "schema", schemars(deny_unknown_fields))]
pub struct Mark {
    /// What the mark says about the document.
    pub kind: MarkKind,
    /// The mark as printed.
    pub text: String,
    /// Where it was read.
    pub span: Span,
}

/// Số, ký hiệu — e.g. `Số: 123/TB-UBND`, `Số: 30/2020/NĐ-CP`, `Số 12-TB/TU`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
#[cfg_attr(feature = "schema", schemars(deny_unknown_fields))]
pub struct Number {
    /// *Pinned.* The line as printed (white space folded).
    pub raw: String,
    /// *Pinned.* The number as printed (leading zeros kept); `None` when left blank.
    pub number: Option<String>,
    /// *Pinned.* The year inside a normative number (`30/2020/NĐ-CP` gives 2020).
    pub year: Option<u16>,
    /// *Pinned.* Ký hiệu: everything after the number, the year and their separators.
    pub symbol: Option<String>,
    /// The type code at the head of the ký hiệu when it is one (`TB`, `QĐ`, `TTr`).
    pub type_code: Option<String>,
    /// The issuer and unit codes of the ký hiệu (`UBND`, `KGVX`).
    pub issuer_codes: Vec<String>,
    /// Where it was read.
    pub span: Span,
}

/// Địa danh và thời gian — e.g. `Quảng Ngãi, ngày 05 tháng 9 năm 2024`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
#[cfg_attr(feature = "schema", schemars(deny_unknown_fields))]
pub struct PlaceDate {
    /// The line as printed (white space folded).
    pub raw: String,
    /// *Pinned.* Địa danh; `None` when absent.
    pub place: Option<String>,
    /// *Pinned.* Day; `None` when left blank.
    pub day: Option<u8>,
    /// *Pinned.* Month; `None` when left blank.
    pub month: Option<u8>,
    /// *Pinned.* Year; `None` when left blank.
    pub year: Option<u16>,
    /// *Pinned.* ISO `YYYY-MM-DD` when day, month and year are present and form a real date.
    pub date: Option<String>,
    /// Where it was read.
    pub span: Span,
}

/// The opening of decisions, resolutions and normative acts.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
#[cfg_attr(feature = "schema", schemars(deny_unknown_fields))]
pub struct Preamble {
    /// Thẩm quyền ban hành — e.g. `CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH LÀO CAI`.
    pub authority: Option<Text>,
    /// Căn cứ ban hành, one per line — e.g. `Căn cứ Luật Tổ chức chính quyền địa phương …;`.
    pub bases: Vec<Text>,
    /// `Theo đề nghị của …`, `Xét đề nghị …`, `Thực hiện …` lines.
    pub proposals: Vec<Text>,
    /// The enacting formula — e.g. `QUYẾT ĐỊNH:`.
    pub enacting: Option<Text>,
    /// Where it was read.
    pub span: Span,
}

/// Kinds of body [`Block`] (the contract's vocabulary).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum BlockKind {
    /// Phần — `Phần I`, `PHẦN THỨ NHẤT`.
    Part,
    /// Chương — `Chương II`.
    Chapter,
    /// Mục `Mục 1`, or a Roman-numeral heading `I.`, `II-`.
    Section,
    /// Tiểu mục — `Tiểu mục 1`.
    Subsection,
    /// Điều — `Điều 5. Phạm vi điều chỉnh`.
    Article,
    /// Khoản — `1.` inside an article.
    Clause,
    /// Numbered item outside articles — `1.`, `1.1.`, `2-`.
    Item,
    /// Điểm — `a)`, `đ)`.
    Point,
    /// Bullet — `-`, `+`, `•`, `*`.
    Bullet,
    /// Running text.
    Paragraph,
}

impl BlockKind {
    /// True for kinds that carry a label in the body outline.
    pub fn is_labelled(self) -> bool {
        !matches!(self, BlockKind::Paragraph | BlockKind::Bullet)
    }

    /// True for the heading kinds of the outline: Phần, Chương, Mục (and Roman-numeral
    /// sections), Tiểu mục, Điều.
    pub fn is_heading(self) -> bool {
        matches!(
            self,
            BlockKind::Part
                | BlockKind::Chapter
                | BlockKind::Section
                | BlockKind::Subsection
                | BlockKind::Article
        )
    }
}

/// One block of the body: a heading or marker with its own text and nested blocks.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
#[cfg_attr(feature = "schema", schemars(deny_unknown_fields))]
pub struct Block {
    /// *Pinned.* What the block is.
    pub kind: BlockKind,
    /// *Pinned.* The marker without punctuation or keyword (`I`, `2`, `1.2`, `a`, `đ`, `-`).
    pub label: Option<String>,
    /// The marker as printed (`II.`, `Điều 5.`, `a)`, `-`).
    pub marker: Option<String>,
    /// The block's own text after the marker (continuations joined).
    pub text: String,
    /// *Pinned.* Nested blocks.
    pub children: Vec<Block>,
    /// Where it was read, children included.
    pub span: Span,
}

impl Block {
    /// Where the block's own text was read: from its start to its first child (`span` holds the
    /// children too); its lines end on the line before that child's, or on its first line when
    /// the child starts there.
    pub fn own_span(&self) -> Span {
        match self.children.first() {
            Some(c) if c.span.start > self.span.start => Span {
                start: self.span.start,
                end: c.span.start,
                line_start: self.span.line_start,
                line_end: if c.span.line_start > self.span.line_start {
                    c.span.line_start - 1
                } else {
                    self.span.line_start
                },
            },
            _ => self.span,
        }
    }
}

/// Kính gửi and Nơi nhận.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
#[cfg_attr(feature = "schema", schemars(deny_unknown_fields))]
pub struct Recipients {
    /// *Pinned.* `Kính gửi:` entries — e.g. `Sở Tài chính`.
    pub to: Vec<String>,
    /// *Pinned.* `Nơi nhận:` entries without `- ` and the trailing `;` or `.`, without `Lưu`.
    pub cc: Vec<String>,
    /// *Pinned.* The `Lưu:` entry.
    pub archive: Option<Archive>,
    /// Where each `to` entry was read (same order).
    pub to_spans: Vec<Span>,
    /// Where each `cc` entry was read (same order).
    pub cc_spans: Vec<Span>,
    /// Where the `Kính gửi:` block was read, label included.
    pub to_span: Option<Span>,
    /// Where the `Nơi nhận:` block was read, label and `Lưu` entry included.
    pub span: Option<Span>,
}

/// Lưu — e.g. `Lưu: VT, KGVX (02), VA`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
#[cfg_attr(feature = "schema", schemars(deny_unknown_fields))]
pub struct Archive {
    /// *Pinned.* The entry as printed, without the leading `- `.
    pub raw: String,
    /// *Pinned.* Split on commas outside parentheses, trailing `.` dropped.
    pub entries: Vec<String>,
    /// Where it was read.
    pub span: Span,
}

/// Quyền hạn ký — the prefix of an authority line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub enum Mode {
    /// `TM.` (`T/M`) — thay mặt, on behalf of a collective.
    TM,
    /// `KT.` (`K/T`) — ký thay, a deputy for the head.
    KT,
    /// `TL.` (`T/L`) — thừa lệnh, by order of the head.
    TL,
    /// `TUQ.` — thừa ủy quyền, by written delegation.
    TUQ,
    /// `Q.` — quyền, acting head.
    Q,
}

/// One quyền hạn line — e.g. `KT. CHỦ TỊCH`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
#[cfg_attr(feature = "schema", schemars(deny_unknown_fields))]
pub struct Authority {
    /// *Pinned.* The prefix.
    pub mode: Mode,
    /// *Pinned.* The title after the prefix (`CHỦ TỊCH`).
    pub title: String,
    /// Where it was read.
    pub span: Span,
}

/// Chức vụ, họ tên và chữ ký — e.g. `TL. CHỦ TỊCH` / `KT. CHÁNH VĂN PHÒNG` /
/// `PHÓ CHÁNH VĂN PHÒNG` / `Lê Chí Phương`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
#[cfg_attr(feature = "schema", schemars(deny_unknown_fields))]
pub struct Signature {
    /// *Pinned.* Quyền hạn lines, top first (empty for a head signing in person).
    pub authority: Vec<Authority>,
    /// *Pinned.* The signer's own position (`PHÓ CHÁNH VĂN PHÒNG`).
    pub position: Option<String>,
    /// *Pinned.* Họ và tên (`Lê Chí Phương`), without notes.
    pub signer: Option<String>,
    /// Notes printed in place of the signature: `(Đã ký)`, `(Ký, đóng dấu)`, `Ký bởi: …`.
    pub notes: Vec<String>,
    /// Where it was read.
    pub span: Span,
}

/// What follows the signature block: a phụ lục, an attached regulation, or loose text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
#[cfg_attr(feature = "schema", schemars(deny_unknown_fields))]
pub struct Appendix {
    /// Its heading line when it has one (`PHỤ LỤC I`, or the tên loại `QUY CHẾ` of a text
    /// issued with the document under a repeated header), else `None`.
    pub heading: Option<String>,
    /// The tên loại of an attached text (`quy_che`, `quy_dinh`), when it has one.
    pub kind: Option<DocKind>,
    /// Its title (the capital line(s) under the heading).
    pub title: Option<String>,
    /// The `(Kèm theo …)` / `(Ban hành kèm theo Quyết định số …)` line.
    pub attached_to: Option<String>,
    /// The attached text's own tên cơ quan ban hành, under its repeated header (`ỦY BAN NHÂN
    /// DÂN TỈNH …` over a `QUY CHẾ`); `None` for a phụ lục.
    pub issuer: Option<Issuer>,
    /// The attached text's repeated Quốc hiệu và Tiêu ngữ; `None` for a phụ lục.
    pub national_heading: Option<NationalHeading>,
    /// The attached text's own số, ký hiệu, when its header has one.
    pub number: Option<Number>,
    /// The attached text's own địa danh và thời gian, when its header has one.
    pub place_date: Option<PlaceDate>,
    /// Its content, parsed with the body parser.
    pub body: Vec<Block>,
    /// Where it was read.
    pub span: Span,
}

/// A reference to another document — e.g. `khoản 2 Điều 5 Nghị định số 30/2020/NĐ-CP ngày 05
/// tháng 3 năm 2020 của Chính phủ về công tác văn thư`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
#[cfg_attr(feature = "schema", schemars(deny_unknown_fields))]
pub struct Citation {
    /// The cited text's tên loại when the reference names it (`Nghị định số …` gives
    /// `nghi_dinh`), else the type its symbol's code names (`…/QĐ-UBND` gives `quyet_dinh`);
    /// `null` for a bare `văn bản số …` of no known code.
    pub kind: Option<DocKind>,
    /// The number as printed (`193`, leading zeros kept).
    pub number: Option<String>,
    /// The year inside the number (`30/2020/NĐ-CP` gives 2020).
    pub year: Option<u16>,
    /// The ký hiệu (`NĐ-CP`, `QĐ/TW`).
    pub symbol: Option<String>,
    /// The ký hiệu's groups after its type code (`NĐ-CP` gives `["CP"]`).
    pub issuer_codes: Vec<String>,
    /// ISO `YYYY-MM-DD` of the `ngày …` that follows the number, when it is a whole date.
    pub date: Option<String>,
    /// What the cited text is about: the words after `về` (`về công tác văn thư`), without it.
    pub title: Option<String>,
    /// The cited units before the name (`khoản 2 Điều 5`, `điểm a khoản 1 Điều 3`).
    pub parts: Option<String>,
    /// The reference as printed, from its parts (or name, or number) to its date (or number).
    pub text: String,
    /// Where `text` was read.
    pub span: Span,
}

/// An assignment — e.g. `Giao Sở Thông tin và Truyền thông chủ trì, phối hợp với Sở Tài chính
/// nghiên cứu, tham mưu … trước ngày 30/9/2024`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
#[cfg_attr(feature = "schema", schemars(deny_unknown_fields))]
pub struct Task {
    /// The label path of the body block it was read in (`III.3`, `Điều 3`, `II.1.a`); `null`
    /// for a block without labels above it.
    pub block: Option<String>,
    /// Who leads (chủ trì), as printed: `Sở Tài chính`, or a group `các sở, ban, ngành`. A lead
    /// taken from the section's lead-in (`Sở … tập trung thực hiện một số nhiệm vụ sau:`) when
    /// the item names none.
    pub lead: Vec<String>,
    /// Who cooperates (phối hợp với …), as printed.
    pub cooperating: Vec<String>,
    /// What is to be done, as printed (the rest of the sentence).
    pub action: String,
    /// By when, if the sentence says.
    pub deadline: Option<Deadline>,
    /// Where the assignment was read (its sentence).
    pub span: Span,
}

/// Thời hạn — e.g. `trước ngày 30/9/2024`, `trong năm 2025`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
#[cfg_attr(feature = "schema", schemars(deny_unknown_fields))]
pub struct Deadline {
    /// ISO `YYYY-MM-DD` when the text fixes a day (`trước ngày 30/9/2024`), else `null`.
    pub date: Option<String>,
    /// The deadline as printed.
    pub text: String,
}

/// A labelled field of a form — e.g. `Địa điểm: Hội trường tầng 3`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
#[cfg_attr(feature = "schema", schemars(deny_unknown_fields))]
pub struct Field {
    /// The label without its colon (`Thời gian`).
    pub label: String,
    /// The value as printed after the colon.
    pub value: String,
    /// Where it was read.
    pub span: Span,
}

/// Kinds of [`DocumentCopy`] (bản sao, Phụ lục I Phần II NĐ 30/2020).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum CopyKind {
    /// `SAO Y` (bản sao y, ký hiệu `SY`).
    SaoY,
    /// `SAO LỤC` (ký hiệu `SL`).
    SaoLuc,
    /// `TRÍCH SAO` (ký hiệu `TrS`).
    TrichSao,
}

/// A bản sao record — e.g. `SAO Y BẢN CHÍNH` / `UBND HUYỆN …` / `Số: 05/SY-UBND`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
#[cfg_attr(feature = "schema", schemars(deny_unknown_fields))]
pub struct DocumentCopy {
    /// Which kind of copy.
    pub kind: CopyKind,
    /// The heading as printed (`SAO Y BẢN CHÍNH`).
    pub heading: String,
    /// The copying body.
    pub issuer: Option<Issuer>,
    /// The record's Quốc hiệu và Tiêu ngữ, when it repeats one.
    pub national_heading: Option<NationalHeading>,
    /// The copy's own number (`Số: 05/SY-UBND`).
    pub number: Option<Number>,
    /// The copy's place and date.
    pub place_date: Option<PlaceDate>,
    /// The copy's Nơi nhận.
    pub recipients: Recipients,
    /// Who signed the copy.
    pub signature: Option<Signature>,
    /// Where it was read.
    pub span: Span,
}

/// Kinds of [`Artifact`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "kebab-case")]
#[non_exhaustive]
pub enum ArtifactKind {
    /// A lone page number (`2`, `- 3 -`).
    PageNumber,
    /// A rule under a heading (`______`, `-----`, `o0o`).
    Rule,
    /// A markdown table separator (`|---|---|`) or other markup-only line.
    Markup,
    /// A signing-software line (`Ký bởi: …`, `Thời gian ký: …`).
    SigningSoftware,
    /// A line of a page header (đầu trang) that a Word file keeps apart from the document's
    /// flow: a running title, a page number field.
    PageHeader,
    /// A line of a page footer (chân trang) that a Word file keeps apart from the flow.
    PageFooter,
}

/// A line kept out of the document's text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
#[cfg_attr(feature = "schema", schemars(deny_unknown_fields))]
pub struct Artifact {
    /// What it is.
    pub kind: ArtifactKind,
    /// The line as printed (trimmed).
    pub text: String,
    /// Where it was read.
    pub span: Span,
}

/// Result of [`crate::parse`]: the document; its diagnostics are inside it.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(transparent)]
pub struct Parsed {
    /// The parsed tree.
    pub document: Document,
}

impl Parsed {
    /// The diagnostics gathered while parsing.
    pub fn diagnostics(&self) -> &[Diagnostic] {
        &self.document.diagnostics
    }
}
