//! Rendering (trình bày): the parsed tree written back out for people.
//!
//! - [`to_text`]: canonical plain text in the layout of Nghị định 30/2020/NĐ-CP, Phụ lục I
//!   (the header's two columns as tab-separated cells, tên loại and trích yếu, Kính gửi, the
//!   body with its markers, `./.`, Nơi nhận beside the signature). Parsing it again gives the
//!   same pinned fields: the proof that the tree holds the document.
//! - [`to_markdown`]: the same content as Markdown (header as a two-column table, body
//!   headings as Markdown headings, lists for recipients).
//! - [`to_html`]: a self-contained HTML page a clerk can open: the header block, the body
//!   outline with anchors, recipients and signature, and each diagnostic beside the part of
//!   the document its line belongs to.
//!
//! ```
//! let text = "ỦY BAN NHÂN DÂN\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n\
//!             TỈNH BẮC NINH\tĐộc lập - Tự do - Hạnh phúc\n\
//!             Số: 123/TB-UBND\tBắc Ninh, ngày 05 tháng 3 năm 2024\n\
//!             THÔNG BÁO\nVề việc nghỉ Tết\n1. Cán bộ được nghỉ từ ngày 8/2./.\n\
//!             Nơi nhận:\n- Các sở;\n- Lưu: VT, VP.\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\nNguyễn Văn An\n";
//! let parsed = vanban::parse(text, &vanban::Options::default());
//! let canonical = vanban::render::to_text(&parsed);
//! assert!(canonical.starts_with("ỦY BAN NHÂN DÂN TỈNH BẮC NINH\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"));
//! let again = vanban::parse(&canonical, &vanban::Options::default()).document;
//! let first = &parsed.document;
//! assert_eq!(again.number.unwrap().raw, first.number.as_ref().unwrap().raw);
//! assert_eq!(again.title, first.title);
//! assert_eq!(again.signature.unwrap().signer, first.signature.as_ref().unwrap().signer);
//! assert!(vanban::render::to_html(&parsed).starts_with("<!DOCTYPE html>"));
//! ```

mod html;
mod markdown;
mod text;

pub use html::to_html;
pub use markdown::to_markdown;
pub use text::to_text;

use crate::ast::kind::DocKind;
use crate::ast::{
    Appendix, Document, DocumentCopy, Issuer, Mode, NationalHeading, Number, Parsed, PlaceDate,
    Signature,
};

/// What [`render`] writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum Format {
    /// Canonical plain text ([`to_text`]).
    Text,
    /// Markdown ([`to_markdown`]).
    Markdown,
    /// A whole HTML page ([`to_html`]).
    Html,
}

/// Render `parsed` in `format`.
pub fn render(parsed: &Parsed, format: Format) -> String {
    match format {
        Format::Text => to_text(parsed),
        Format::Markdown => to_markdown(parsed),
        Format::Html => to_html(parsed),
    }
}

/// `TM.`, `KT.`, … as the decree prints the prefix.
pub(crate) fn mode_prefix(mode: Mode) -> &'static str {
    match mode {
        Mode::TM => "TM.",
        Mode::KT => "KT.",
        Mode::TL => "TL.",
        Mode::TUQ => "TUQ.",
        Mode::Q => "Q.",
    }
}

/// A signature block's lines, top first: a note in capitals (`XÁC THỰC VĂN BẢN HỢP NHẤT`),
/// quyền hạn, chức vụ, the other notes, printed in place of the signature (`(Đã ký)`), họ tên.
pub(crate) fn signature_lines(sig: &Signature) -> Vec<String> {
    let capitals = |n: &&String| !n.chars().any(char::is_lowercase);
    let mut out: Vec<String> = sig.notes.iter().filter(capitals).cloned().collect();
    out.extend(
        sig.authority
            .iter()
            .map(|a| format!("{} {}", mode_prefix(a.mode), a.title)),
    );
    out.extend(sig.position.iter().cloned());
    out.extend(sig.notes.iter().filter(|n| !capitals(n)).cloned());
    out.extend(sig.signer.iter().cloned());
    out
}

/// The document's own signature blocks in reading order: `signatures` holds those of bản sao
/// records and attached texts too, and the document's own are those before the first of them.
pub(crate) fn own_signatures(doc: &Document) -> Vec<&Signature> {
    let end = doc
        .copies
        .iter()
        .map(|c| c.span.start)
        .chain(doc.appendices.iter().map(|a| a.span.start))
        .min()
        .unwrap_or(usize::MAX);
    let mut sigs: Vec<&Signature> = doc
        .signatures
        .iter()
        .filter(|s| s.span.start < end)
        .collect();
    if sigs.is_empty() {
        sigs.extend(doc.signature.iter());
    }
    sigs
}

/// Ô 1–4 of a document, an attached text or a bản sao record: what the two columns at the top
/// hold.
#[derive(Clone, Copy)]
pub(crate) struct Head<'a> {
    pub issuer: Option<&'a Issuer>,
    pub national: Option<&'a NationalHeading>,
    pub number: Option<&'a Number>,
    pub place_date: Option<&'a PlaceDate>,
}

impl<'a> Head<'a> {
    pub fn of_document(d: &'a Document) -> Self {
        Head {
            issuer: d.issuer.as_ref(),
            national: d.national_heading.as_ref(),
            number: d.number.as_ref(),
            place_date: d.place_date.as_ref(),
        }
    }

    pub fn of_appendix(a: &'a Appendix) -> Self {
        Head {
            issuer: a.issuer.as_ref(),
            national: a.national_heading.as_ref(),
            number: a.number.as_ref(),
            place_date: a.place_date.as_ref(),
        }
    }

    pub fn of_copy(c: &'a DocumentCopy) -> Self {
        Head {
            issuer: c.issuer.as_ref(),
            national: c.national_heading.as_ref(),
            number: c.number.as_ref(),
            place_date: c.place_date.as_ref(),
        }
    }

    /// Nothing at all to show.
    pub fn is_empty(&self) -> bool {
        self.issuer.is_none()
            && self.national.is_none()
            && self.number.is_none()
            && self.place_date.is_none()
    }
}

/// True when `./.` must be written after the body: the document has one and the body's last
/// text does not already end with it (it usually does: the mark closes the last paragraph).
pub(crate) fn end_mark_apart(doc: &Document) -> bool {
    let mut last = doc.body.last();
    while let Some(b) = last.and_then(|b| b.children.last()) {
        last = Some(b);
    }
    doc.end_mark.is_some() && !last.is_some_and(|b| b.text.trim_end().ends_with("./."))
}

/// A công văn's trích yếu, printed `V/v …` under the number: the document has no tên loại line
/// and is a công văn, or of no known kind.
pub(crate) fn is_vv(doc: &Document) -> bool {
    doc.kind_line.is_none() && doc.kind.as_ref().is_none_or(|k| *k == DocKind::CongVan)
}
