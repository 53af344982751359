//! Kiểm tra thể thức — whether a parsed document follows the layout rules of Nghị định
//! 30/2020/NĐ-CP (Điều 8 and Phụ lục I), the checks a văn thư makes by hand before a document
//! is issued: the Quốc hiệu and Tiêu ngữ, the issuer, the number and its symbol, the place and
//! date and how its day and month are written, the tên loại and trích yếu, the quyền hạn ký, the
//! Nơi nhận with its `Lưu: VT` entry, the `./.` end mark, and the order of the components.
//!
//! A stage after the parser: it reads the tree ([`crate::Parsed`]), never the text. Each
//! finding names its [`Rule`], whose code (`nd30-quoc-hieu`) never changes, with the line it
//! concerns (for a missing component, where it belongs), a message, the decree's reference and
//! a hint for the fix.
//!
//! ```
//! let parsed = vanban::parse("THÔNG BÁO\nVề việc nghỉ lễ\nNội dung./.\n", &vanban::Options::new());
//! let findings = vanban::conformance::check(&parsed);
//! assert!(findings.iter().any(|f| f.rule.code() == "nd30-quoc-hieu"));
//! assert!(findings.iter().any(|f| f.rule.code() == "nd30-co-quan-ban-hanh"));
//! ```
//!
//! Party documents (`ĐẢNG CỘNG SẢN VIỆT NAM` in place of the Quốc hiệu) follow the Party's own
//! rules (Hướng dẫn 36-HD/VPTW), not this decree: they get one `nd30-van-ban-dang` note and no
//! other finding.

use serde::{Deserialize, Serialize};

use crate::ast::kind::DocKind;
use crate::ast::{Document, Mode, Parsed, Span};
use crate::diagnostic::{Code, Severity};

macro_rules! rules {
    ($( $(#[$doc:meta])* $var:ident = $code:literal, $severity:ident, $reference:literal, $hint:literal; )*) => {
        /// A rule of Nghị định 30/2020/NĐ-CP that [`check`] applies. Its code (`nd30-…`) never
        /// changes its spelling or meaning; rules may be added.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        #[non_exhaustive]
        pub enum Rule {
            $( $(#[$doc])* $var, )*
        }

        impl Rule {
            /// Every rule, in the order of the components they concern.
            pub const ALL: &'static [Rule] = &[$( Rule::$var, )*];

            /// The rule's stable code (`nd30-quoc-hieu`).
            pub fn code(self) -> &'static str {
                match self { $( Rule::$var => $code, )* }
            }

            /// How serious breaking it is.
            pub fn severity(self) -> Severity {
                match self { $( Rule::$var => Severity::$severity, )* }
            }

            /// Where the decree says so (`Điều 8 khoản 2 điểm a; Phụ lục I, ô 1`).
            pub fn reference(self) -> &'static str {
                match self { $( Rule::$var => $reference, )* }
            }

            /// How to put it right.
            pub fn hint(self) -> &'static str {
                match self { $( Rule::$var => $hint, )* }
            }

            /// The rule whose code is `code`, if any.
            pub fn from_code(code: &str) -> Option<Rule> {
                Rule::ALL.iter().copied().find(|r| r.code() == code)
            }
        }
    };
}

rules! {
    /// `nd30-van-ban-dang`: a party document: the decree does not govern it.
    VanBanDang = "nd30-van-ban-dang", Info,
        "Nghị định 30/2020/NĐ-CP Điều 1 (phạm vi); văn bản của Đảng: Hướng dẫn 36-HD/VPTW",
        "check it against the Party's rules for its documents instead";
    /// `nd30-truoc-hieu-luc`: dated before the decree took effect (5 March 2020): the document
    /// followed earlier rules, and the findings after this one are for reference.
    TruocHieuLuc = "nd30-truoc-hieu-luc", Info,
        "Nghị định 30/2020/NĐ-CP Điều 38 (hiệu lực từ ngày 05 tháng 3 năm 2020)",
        "read the findings against the rules of its time (Thông tư 01/2011/TT-BNV)";
    /// `nd30-quoc-hieu`: no Quốc hiệu.
    QuocHieu = "nd30-quoc-hieu", Error,
        "Điều 8 khoản 2 điểm a; Phụ lục I, ô 1",
        "write CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM at the top right, in capitals";
    /// `nd30-tieu-ngu`: no Tiêu ngữ under the Quốc hiệu.
    TieuNgu = "nd30-tieu-ngu", Error,
        "Điều 8 khoản 2 điểm a; Phụ lục I, ô 1",
        "write Độc lập - Tự do - Hạnh phúc under the Quốc hiệu, each phrase capitalised, hyphens spaced";
    /// `nd30-co-quan-ban-hanh`: no tên cơ quan, tổ chức ban hành.
    CoQuanBanHanh = "nd30-co-quan-ban-hanh", Error,
        "Điều 8 khoản 2 điểm b; Phụ lục I, ô 2",
        "write the issuing body's name at the top left, in capitals, its direct parent (if any) on the line above";
    /// `nd30-so-ky-hieu`: no số, ký hiệu.
    SoKyHieu = "nd30-so-ky-hieu", Error,
        "Điều 8 khoản 2 điểm c; Phụ lục I, ô 3",
        "write Số: NN/TYPE-ISSUER under the issuer (a công văn: Số: NN/ISSUER-UNIT)";
    /// `nd30-so-de-trong`: the number is left blank (`Số:   /TB-UBND`): a draft or a copy taken
    /// before it was registered.
    SoDeTrong = "nd30-so-de-trong", Warning,
        "Điều 8 khoản 2 điểm c; Điều 15 (đăng ký, cấp số)",
        "the number is given when the document is registered: check this is the issued copy";
    /// `nd30-so-nho-hon-10`: a number below 10 without its leading zero (`Số: 5/TB-UBND`).
    SoNhoHon10 = "nd30-so-nho-hon-10", Warning,
        "Phụ lục I, ô 3 (số dưới 10 ghi thêm số 0 phía trước)",
        "write a number below 10 with a leading zero: 05";
    /// `nd30-ky-hieu-ten-loai`: the symbol's type code is not the tên loại's (`QĐ` on a Thông báo).
    KyHieuTenLoai = "nd30-ky-hieu-ten-loai", Warning,
        "Phụ lục I, ô 3; Phụ lục III (chữ viết tắt tên loại)",
        "make the symbol's type code the tên loại's abbreviation (Thông báo: TB, Quyết định: QĐ)";
    /// `nd30-dia-danh-thoi-gian`: no địa danh and thời gian ban hành.
    DiaDanhThoiGian = "nd30-dia-danh-thoi-gian", Error,
        "Điều 8 khoản 2 điểm d; Phụ lục I, ô 4",
        "write <Place>, ngày DD tháng M năm YYYY on the line of the number, at the right";
    /// `nd30-ngay-thang-so-khong`: a day below 10, or month 1 or 2, without its leading zero
    /// (`ngày 5 tháng 1`).
    NgayThangSoKhong = "nd30-ngay-thang-so-khong", Warning,
        "Phụ lục I, ô 4 (ngày dưới 10 và tháng 1, 2 ghi thêm số 0)",
        "write days below 10 and months 1 and 2 with a leading zero: ngày 05 tháng 01";
    /// `nd30-ten-loai`: no tên loại (every document but a công văn names its type).
    TenLoai = "nd30-ten-loai", Error,
        "Điều 8 khoản 2 điểm đ; Phụ lục I, ô 5a",
        "write the type (QUYẾT ĐỊNH, THÔNG BÁO, …) centred in capitals above the trích yếu; a công văn has V/v instead";
    /// `nd30-trich-yeu`: no trích yếu nội dung.
    TrichYeu = "nd30-trich-yeu", Warning,
        "Điều 8 khoản 2 điểm đ; Phụ lục I, ô 5b",
        "write a one-line summary under the tên loại (a công văn: V/v … under its number)";
    /// `nd30-chu-ky`: no chức vụ, họ tên and chữ ký block.
    ChuKy = "nd30-chu-ky", Error,
        "Điều 8 khoản 2 điểm g; Phụ lục I, ô 7",
        "end the document with the signer's position in capitals and name";
    /// `nd30-ho-ten`: a signature block without the signer's name.
    HoTen = "nd30-ho-ten", Warning,
        "Điều 8 khoản 2 điểm g; Phụ lục I, ô 7b",
        "write the signer's full name under the signature";
    /// `nd30-quyen-han-ky`: a deputy (`PHÓ …`) signs with no `KT.` for the head.
    QuyenHanKy = "nd30-quyen-han-ky", Warning,
        "Điều 13; Phụ lục I, ô 7a",
        "a deputy signs on the head's behalf: write KT. and the head's title above the deputy's";
    /// `nd30-noi-nhan`: no Nơi nhận (nor Kính gửi).
    NoiNhan = "nd30-noi-nhan", Warning,
        "Điều 8 khoản 2 điểm i; Phụ lục I, ô 9",
        "list the recipients under Nơi nhận: at the bottom left, one - entry a line";
    /// `nd30-luu-van-thu`: Nơi nhận without a `Lưu: VT, …` entry.
    LuuVanThu = "nd30-luu-van-thu", Warning,
        "Phụ lục I, ô 9b",
        "end Nơi nhận with - Lưu: VT, <drafting unit>.";
    /// `nd30-dau-ket-thuc`: no `./.` after the content.
    DauKetThuc = "nd30-dau-ket-thuc", Info,
        "common practice kept under Nghị định 30 (Thông tư 01/2011/TT-BNV, now replaced)",
        "end the last paragraph of the content with ./.";
    /// `nd30-thu-tu`: components out of the decree's order (the trích yếu above the number,
    /// the signature above the content).
    ThuTu = "nd30-thu-tu", Warning,
        "Điều 8 khoản 2; Phụ lục I (vị trí các thành phần)",
        "put the components in the decree's order: header, tên loại and trích yếu, content, signature, Nơi nhận";
}

impl std::fmt::Display for Rule {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.code())
    }
}

impl Serialize for Rule {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.code())
    }
}

impl<'de> Deserialize<'de> for Rule {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let code = String::deserialize(d)?;
        Rule::from_code(&code)
            .ok_or_else(|| serde::de::Error::custom(format!("unknown rule `{code}`")))
    }
}

/// One breach of a [`Rule`], e.g. `error nd30-quoc-hieu at line 1`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Finding {
    /// The rule's code (`nd30-quoc-hieu`).
    #[serde(rename = "code")]
    pub rule: Rule,
    /// How serious it is (the rule's).
    pub severity: Severity,
    /// 1-based line the finding concerns: the component's, or for a missing one the line where
    /// it belongs (the first line of the header, of the closing block).
    pub line: Option<u32>,
    /// The byte range of the component, when there is one (as every span: of the text the
    /// parser saw).
    pub span: Option<Span>,
    /// A sentence for people, quoting what was found.
    pub message: String,
    /// Where the decree says so.
    #[serde(rename = "rule")]
    pub reference: String,
    /// How to put it right.
    pub hint: String,
}

impl Finding {
    fn new(rule: Rule, at: Option<Span>, line: Option<u32>, message: impl Into<String>) -> Self {
        Finding {
            rule,
            severity: rule.severity(),
            line: at.map(|s| s.line_start).or(line),
            span: at,
            message: message.into(),
            reference: rule.reference().to_string(),
            hint: rule.hint().to_string(),
        }
    }
}

impl std::fmt::Display for Finding {
    /// `error[nd30-quoc-hieu] 1: no Quốc hiệu (Điều 8 khoản 2 điểm a; Phụ lục I, ô 1)`
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}[{}]", self.severity.as_str(), self.rule.code())?;
        if let Some(l) = self.line {
            write!(f, " {l}")?;
        }
        write!(f, ": {} ({})", self.message, self.reference)
    }
}

/// Check a parsed document against the rules, in the order of the components. A document with
/// no component at all (not a document) gets no finding: its parse diagnostics say so.
pub fn check(parsed: &Parsed) -> Vec<Finding> {
    let doc = &parsed.document;
    let mut out = Vec::new();
    if let Some(h) = doc.national_heading.as_ref().filter(|h| h.party) {
        out.push(Finding::new(
            Rule::VanBanDang,
            Some(h.span),
            None,
            "a party document (ĐẢNG CỘNG SẢN VIỆT NAM): Nghị định 30 does not govern it; its rules are not checked",
        ));
        return out;
    }
    if is_empty(doc) {
        return out;
    }
    let top = first_line(doc);
    if let Some(pd) = &doc.place_date
        && let Some(year) = pd.year
        && (year, pd.month.unwrap_or(12), pd.day.unwrap_or(31)) < (2020, 3, 5)
    {
        out.push(Finding::new(
            Rule::TruocHieuLuc,
            Some(pd.span),
            None,
            format!(
                "dated before Nghị định 30 took effect (05/3/2020): `{}`",
                pd.raw
            ),
        ));
    }
    header(doc, top, &mut out);
    title(doc, top, &mut out);
    closing(doc, &mut out);
    order(doc, &mut out);
    out
}

/// The parser found no document here (`not-a-document`, `empty-input`): its diagnostics say so,
/// and no rule of the decree has anything to hold on to.
fn is_empty(doc: &Document) -> bool {
    doc.diagnostics
        .iter()
        .any(|d| matches!(d.code, Code::NotADocument | Code::EmptyInput))
}

/// The first line any component stands on: where a missing header component belongs.
fn first_line(doc: &Document) -> u32 {
    [
        doc.issuer.as_ref().map(|i| i.span),
        doc.national_heading.as_ref().map(|h| h.span),
        doc.number.as_ref().map(|n| n.span),
        doc.place_date.as_ref().map(|p| p.span),
        doc.kind_line.as_ref().map(|k| k.span),
        doc.title_span,
        doc.body.first().map(|b| b.span),
    ]
    .into_iter()
    .flatten()
    .map(|s| s.line_start)
    .min()
    .unwrap_or(1)
}

/// Ô 1–4: Quốc hiệu and Tiêu ngữ, issuer, number, place and date.
fn header(doc: &Document, top: u32, out: &mut Vec<Finding>) {
    let heading = doc.national_heading.as_ref();
    if heading.and_then(|h| h.name.as_ref()).is_none() {
        out.push(Finding::new(
            Rule::QuocHieu,
            None,
            Some(top),
            "no Quốc hiệu (CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM) in the header",
        ));
    }
    if heading.and_then(|h| h.motto.as_ref()).is_none() {
        out.push(Finding::new(
            Rule::TieuNgu,
            heading.map(|h| h.span),
            Some(top),
            "no Tiêu ngữ (Độc lập - Tự do - Hạnh phúc) in the header",
        ));
    }
    if doc.issuer.is_none() {
        out.push(Finding::new(
            Rule::CoQuanBanHanh,
            None,
            Some(top),
            "no tên cơ quan, tổ chức ban hành (the issuing body) in the header",
        ));
    }
    match &doc.number {
        None => out.push(Finding::new(
            Rule::SoKyHieu,
            None,
            Some(top),
            "no số, ký hiệu (Số: NN/TYPE-ISSUER) in the header",
        )),
        Some(n) => {
            match &n.number {
                None => out.push(Finding::new(
                    Rule::SoDeTrong,
                    Some(n.span),
                    None,
                    format!("the number is left blank: `{}`", n.raw),
                )),
                Some(num) if num.len() == 1 && num.bytes().all(|b| b.is_ascii_digit()) => {
                    out.push(Finding::new(
                        Rule::SoNhoHon10,
                        Some(n.span),
                        None,
                        format!(
                            "the number {num} is written without its leading zero: `{}`",
                            n.raw
                        ),
                    ))
                }
                Some(_) => {}
            }
            if let (Some(kind), Some(code)) = (&doc.kind, &n.type_code)
                && let Some(expected) = kind.type_code()
                && !same_code(expected, code)
            {
                out.push(Finding::new(
                    Rule::KyHieuTenLoai,
                    Some(n.span),
                    None,
                    format!(
                        "the symbol's type code is {code}, but the document is a {} ({expected})",
                        kind.name().unwrap_or(kind.slug())
                    ),
                ));
            }
        }
    }
    match &doc.place_date {
        None => out.push(Finding::new(
            Rule::DiaDanhThoiGian,
            None,
            Some(top),
            "no địa danh and ngày tháng năm (Place, ngày DD tháng M năm YYYY)",
        )),
        Some(pd) if pd.place.is_none() => out.push(Finding::new(
            Rule::DiaDanhThoiGian,
            Some(pd.span),
            None,
            format!("the date has no địa danh before it: `{}`", pd.raw),
        )),
        Some(pd) => {
            let unpadded: Vec<String> = [("ngày", pd.day, 10u8), ("tháng", pd.month, 3u8)]
                .into_iter()
                .filter_map(|(word, value, below)| {
                    let value = value.filter(|&v| v < below)?;
                    let written = written_after(&pd.raw, word)?;
                    (written.len() == 1).then(|| format!("{word} {value}"))
                })
                .collect();
            if !unpadded.is_empty() {
                out.push(Finding::new(
                    Rule::NgayThangSoKhong,
                    Some(pd.span),
                    None,
                    format!(
                        "{} written without a leading zero: `{}`",
                        unpadded.join(" and "),
                        pd.raw
                    ),
                ));
            }
        }
    }
}

/// Two type codes are the same one, `Đ` and `D` alike (`QĐ`, `QD`).
fn same_code(a: &str, b: &str) -> bool {
    let fold = |s: &str| -> String {
        s.chars()
            .map(|c| match c {
                'Đ' | 'đ' => 'D',
                c => c.to_ascii_uppercase(),
            })
            .collect()
    };
    fold(a) == fold(b)
}

/// The digits written after `word` in `raw` (`ngày 05 tháng 9` → `05` after `ngày`), if any.
fn written_after<'a>(raw: &'a str, word: &str) -> Option<&'a str> {
    let lower = raw.to_lowercase();
    // (lower-casing keeps the byte lengths of these letters: the positions carry over)
    let at = lower.find(word).filter(|_| lower.len() == raw.len())? + word.len();
    let rest = raw[at..].trim_start();
    let digits = rest
        .find(|c: char| !c.is_ascii_digit())
        .map_or(rest, |e| &rest[..e]);
    (!digits.is_empty()).then_some(digits)
}

/// Ô 5: tên loại and trích yếu.
fn title(doc: &Document, top: u32, out: &mut Vec<Finding>) {
    let cong_van = doc.kind == Some(DocKind::CongVan);
    if doc.kind.is_none() || (doc.kind_line.is_none() && !cong_van) {
        out.push(Finding::new(
            Rule::TenLoai,
            None,
            Some(top),
            "no tên loại (QUYẾT ĐỊNH, THÔNG BÁO, …) and no V/v of a công văn",
        ));
    }
    if doc.title.is_none() {
        out.push(Finding::new(
            Rule::TrichYeu,
            doc.kind_line.as_ref().map(|k| k.span),
            Some(top),
            "no trích yếu nội dung (the one-line summary)",
        ));
    }
}

/// Ô 7 and 9: the signature, its quyền hạn, Nơi nhận and its Lưu entry; the end mark.
fn closing(doc: &Document, out: &mut Vec<Finding>) {
    let after_body = doc
        .body
        .last()
        .map(|b| b.span.line_end)
        .or(doc.title_span.map(|s| s.line_end));
    if !doc.body.is_empty() && doc.end_mark.is_none() {
        out.push(Finding::new(
            Rule::DauKetThuc,
            doc.body.last().map(|b| b.span),
            None,
            "the content does not end with ./.",
        ));
    }
    match &doc.signature {
        None => out.push(Finding::new(
            Rule::ChuKy,
            None,
            after_body,
            "no signature block (chức vụ, họ tên of the signer)",
        )),
        Some(sig) => {
            if sig.signer.is_none() {
                out.push(Finding::new(
                    Rule::HoTen,
                    Some(sig.span),
                    None,
                    "the signature block gives no signer's name",
                ));
            }
            let deputy = sig
                .position
                .as_deref()
                .is_some_and(|p| crate::viet::upper_key(p).starts_with("PHÓ "));
            if deputy && !sig.authority.iter().any(|a| a.mode == Mode::KT) {
                out.push(Finding::new(
                    Rule::QuyenHanKy,
                    Some(sig.span),
                    None,
                    format!(
                        "{} signs with no KT. for the head",
                        sig.position.as_deref().unwrap_or_default()
                    ),
                ));
            }
        }
    }
    let r = &doc.recipients;
    if r.to.is_empty() && r.cc.is_empty() && r.archive.is_none() {
        out.push(Finding::new(
            Rule::NoiNhan,
            None,
            doc.signature
                .as_ref()
                .map(|s| s.span.line_start)
                .or(after_body),
            "no Nơi nhận (nor Kính gửi)",
        ));
    } else if !r.cc.is_empty() || r.archive.is_some() {
        let vt = r
            .archive
            .as_ref()
            .is_some_and(|a| a.entries.iter().any(|e| keeps_at_van_thu(e)));
        if !vt {
            out.push(Finding::new(
                Rule::LuuVanThu,
                r.span,
                None,
                match &r.archive {
                    Some(a) => format!(
                        "the Lưu entry keeps no copy at the Văn thư (VT): `{}`",
                        a.raw
                    ),
                    None => "Nơi nhận has no Lưu: VT entry".to_string(),
                },
            ));
        }
    }
}

/// A Lưu entry that keeps a copy at the Văn thư: `VT`, `Văn thư`, `VT-LT`, `VT(2)`, the
/// letter-spaced `V T` of OCR.
fn keeps_at_van_thu(entry: &str) -> bool {
    let squeezed: String = entry.chars().filter(|c| !c.is_whitespace()).collect();
    let key = crate::viet::upper_key(&squeezed);
    let after = |prefix: &str| {
        key.strip_prefix(prefix)
            .is_some_and(|rest| !rest.starts_with(char::is_alphabetic))
    };
    after("VT") || after("VĂNTHƯ")
}

/// The components in the decree's order, by the lines they start on: the header, then the
/// tên loại and trích yếu, the content, the signature.
fn order(doc: &Document, out: &mut Vec<Finding>) {
    let header = [
        doc.number.as_ref().map(|n| ("the number", n.span)),
        doc.issuer.as_ref().map(|i| ("the issuer", i.span)),
    ];
    let steps: Vec<Option<(&str, Span)>> = vec![
        header
            .into_iter()
            .flatten()
            .max_by_key(|(_, s)| s.line_start),
        doc.kind_line.as_ref().map(|k| ("the tên loại", k.span)),
        doc.title_span.map(|t| ("the trích yếu", t)),
        doc.body.first().map(|b| ("the content", b.span)),
        doc.signature.as_ref().map(|s| ("the signature", s.span)),
    ];
    let present: Vec<(&str, Span)> = steps.into_iter().flatten().collect();
    for pair in present.windows(2) {
        let ((a, sa), (b, sb)) = (pair[0], pair[1]);
        if sb.line_start < sa.line_start {
            out.push(Finding::new(
                Rule::ThuTu,
                Some(sb),
                None,
                format!(
                    "{b} (line {}) stands above {a} (line {})",
                    sb.line_start, sa.line_start
                ),
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn codes(text: &str) -> Vec<&'static str> {
        check(&crate::parse(text, &crate::Options::new()))
            .iter()
            .map(|f| f.rule.code())
            .collect()
    }

    const GOOD: &str = "ỦY BAN NHÂN DÂN\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n\
        TỈNH QUẢNG NGÃI\tĐộc lập - Tự do - Hạnh phúc\n\
        Số: 05/TB-UBND\tQuảng Ngãi, ngày 05 tháng 9 năm 2024\n\
        THÔNG BÁO\n\
        Về việc nghỉ lễ Quốc khánh\n\
        \n\
        Cán bộ, công chức được nghỉ lễ hai ngày theo quy định./.\n\
        Nơi nhận:\tKT. CHỦ TỊCH\n\
        - Các sở, ban, ngành;\tPHÓ CHỦ TỊCH\n\
        - Lưu: VT, KGVX.\n\
        \tNguyễn Văn An\n";

    #[test]
    fn a_document_that_follows_the_decree_has_no_finding() {
        assert_eq!(codes(GOOD), Vec::<&str>::new());
    }

    #[test]
    fn each_rule_breached_alone() {
        let cases: &[(&str, &str, &str)] = &[
            ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "", "nd30-quoc-hieu"),
            ("Độc lập - Tự do - Hạnh phúc", "", "nd30-tieu-ngu"),
            (
                "ỦY BAN NHÂN DÂN\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nTỈNH QUẢNG NGÃI\t",
                "\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n\t",
                "nd30-co-quan-ban-hanh",
            ),
            ("Số: 05/TB-UBND", "Số:   /TB-UBND", "nd30-so-de-trong"),
            ("Số: 05/TB-UBND", "Số: 5/TB-UBND", "nd30-so-nho-hon-10"),
            ("Số: 05/TB-UBND", "Số: 05/QĐ-UBND", "nd30-ky-hieu-ten-loai"),
            (
                "ngày 05 tháng 9",
                "ngày 5 tháng 9",
                "nd30-ngay-thang-so-khong",
            ),
            ("tháng 9 năm", "tháng 1 năm", "nd30-ngay-thang-so-khong"),
            ("./.", ".", "nd30-dau-ket-thuc"),
            ("- Lưu: VT, KGVX.", "- Lưu: KGVX.", "nd30-luu-van-thu"),
            ("KT. CHỦ TỊCH", "", "nd30-quyen-han-ky"),
            ("\tNguyễn Văn An\n", "", "nd30-ho-ten"),
        ];
        for (from, to, code) in cases {
            let text = GOOD.replacen(from, to, 1);
            assert!(text != GOOD, "{from}");
            let found = codes(&text);
            assert!(
                found.contains(code),
                "{code} not found in {found:?} for\n{text}"
            );
        }
    }

    #[test]
    fn missing_components_and_order() {
        // the seed's case: no issuer, no Quốc hiệu and Tiêu ngữ
        let found = codes(
            "Số:   /TB-UBND\nQuảng Ngãi, ngày   tháng 9 năm 2024\nTHÔNG BÁO\nVề việc họp\nNội dung họp./.\nNơi nhận:\n- Lưu: VT.\n",
        );
        for code in [
            "nd30-quoc-hieu",
            "nd30-tieu-ngu",
            "nd30-co-quan-ban-hanh",
            "nd30-chu-ky",
        ] {
            assert!(found.contains(&code), "{code}: {found:?}");
        }
        // no number, no date, no recipients
        let found = codes(
            "ỦY BAN NHÂN DÂN TỈNH A\nTHÔNG BÁO\nVề việc họp\nNội dung họp./.\nCHỦ TỊCH\nNguyễn Văn An\n",
        );
        for code in [
            "nd30-so-ky-hieu",
            "nd30-dia-danh-thoi-gian",
            "nd30-noi-nhan",
        ] {
            assert!(found.contains(&code), "{code}: {found:?}");
        }
    }

    #[test]
    fn a_party_document_gets_one_note() {
        let found = codes(
            "ĐẢNG BỘ TỈNH QUẢNG NGÃI\tĐẢNG CỘNG SẢN VIỆT NAM\nHUYỆN ỦY SƠN TỊNH\nSố 12-TB/HU\tSơn Tịnh, ngày 5 tháng 9 năm 2024\nTHÔNG BÁO\nVề việc họp\nNội dung.\n",
        );
        assert_eq!(found, ["nd30-van-ban-dang"]);
    }

    #[test]
    fn not_a_document_gets_no_finding() {
        assert!(codes("Cho 200 g bột vào tô, thêm nước.\n").is_empty());
        assert!(codes("").is_empty());
    }

    #[test]
    fn the_van_thu_copy_in_its_forms() {
        for e in ["VT", "Văn thư", "VĂN THƯ", "VT-LT", "VT(2)", "V T", "VT."] {
            assert!(keeps_at_van_thu(e), "{e}");
        }
        for e in ["VP", "VTTH", "KGVX", "Văn phòng"] {
            assert!(!keeps_at_van_thu(e), "{e}");
        }
    }

    #[test]
    fn a_document_older_than_the_decree_says_so() {
        let old = GOOD.replace("năm 2024", "năm 2019");
        assert!(codes(&old).contains(&"nd30-truoc-hieu-luc"));
        assert!(!codes(GOOD).contains(&"nd30-truoc-hieu-luc"));
    }

    #[test]
    fn rules_are_written_once_and_read_back() {
        for r in Rule::ALL {
            assert_eq!(Rule::from_code(r.code()), Some(*r));
            assert!(r.code().starts_with("nd30-"));
            assert!(!r.reference().is_empty() && !r.hint().is_empty());
        }
        let mut codes: Vec<&str> = Rule::ALL.iter().map(|r| r.code()).collect();
        codes.sort_unstable();
        codes.dedup();
        assert_eq!(codes.len(), Rule::ALL.len());
    }
}
