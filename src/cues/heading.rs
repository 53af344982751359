//! Cues of the header block: Quốc hiệu (`CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM`), Tiêu ngữ
//! (`Độc lập - Tự do - Hạnh phúc`), the party heading (`ĐẢNG CỘNG SẢN VIỆT NAM`), marks
//! (`KHẨN`, `MẬT`, `Dự thảo`), the `V/v` trích yếu marker and `Kính gửi`.

use std::sync::LazyLock;

use regex::Regex;

use crate::ast::MarkKind;
use crate::cues::number::{self, NumberParts};
use crate::cues::place_date;

static NATIONAL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)c[ộo]ng\s*h(?:òa|oà|oa|óa)\s+x[ãa]\s*h[ộo]i\s+ch[ủu]\s*ngh[ĩi]a\s+vi[ệe]t\s*nam",
    )
    .expect("national")
});

/// The Quốc hiệu as [`crate::viet::upper_key`] spells it.
pub(crate) const NATIONAL_KEY: &str = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM";

static MOTTO: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?:độc\s*lập\s*[-–—]*\s*tự\s*do\s*[-–—]*\s*hạnh\s*phúc|\bdoc\s*lap\s*[-–—]*\s*tu\s*do\s*[-–—]*\s*hanh\s*phuc\b)").expect("motto")
});

/// The Tiêu ngữ as printed on most documents.
pub(crate) const MOTTO_TEXT: &str = "Độc lập - Tự do - Hạnh phúc";

static PARTY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)đảng\s+cộng\s+sản\s+việt\s+nam|^(?:ĐOÀN TNCS HỒ CHÍ MINH|ĐOÀN THANH NIÊN CỘNG SẢN HỒ CHÍ MINH)$")
        .expect("party")
});
static VV: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?:^|\s)([Vv]/[Vv])\s*[:.]?\s*").expect("vv"));
static MARK: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^[(\[]?\s*(?:(THƯỢNG KHẨN|KHẨN|HỎA TỐC|HOẢ TỐC|HỎA TỐC HẸN GIỜ)|(TUYỆT MẬT|TỐI MẬT|MẬT)|(LƯU HÀNH NỘI BỘ|XEM XONG TRẢ LẠI|TÀI LIỆU THU HỒI)|((?i:dự thảo)(?:\s+(?i:lần)?\s*\d+)?))\s*[)\]]?$")
        .expect("mark")
});
static KINH_GUI_LABEL: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)\s*kính\s*gửi\s*:").expect("kinh gui inside"));
static KINH_GUI_OPENS: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)^kính\s*gửi\b").expect("kinh gui"));
static KINH_GUI_HEAD: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)^kính\s*gửi\s*[:.]?\s*").expect("kinh gui"));

/// Every Quốc hiệu in a cell, as byte ranges (`Cộng hoà xã hội chủ nghĩa Việt Nam` too).
pub(crate) fn nationals(cell: &str) -> impl Iterator<Item = (usize, usize)> + '_ {
    NATIONAL.find_iter(cell).map(|m| (m.start(), m.end()))
}

/// Every Tiêu ngữ in a cell (`Độc lập - Tự do - Hạnh phúc`, also without diacritics).
pub(crate) fn mottos(cell: &str) -> impl Iterator<Item = (usize, usize)> + '_ {
    MOTTO.find_iter(cell).map(|m| (m.start(), m.end()))
}

/// Every party heading in a cell (`ĐẢNG CỘNG SẢN VIỆT NAM`, the Đoàn's `ĐOÀN TNCS HỒ CHÍ MINH`).
pub(crate) fn party_headings(cell: &str) -> impl Iterator<Item = (usize, usize)> + '_ {
    PARTY.find_iter(cell).map(|m| (m.start(), m.end()))
}

/// The `V/v` marker in a cell: where `V/v` starts and where the trích yếu after it starts.
pub(crate) fn vv(cell: &str) -> Option<(usize, usize)> {
    let c = VV.captures(cell)?;
    let g = c.get(1)?;
    Some((g.start(), c.get(0)?.end()))
}

/// Whether a line holds a `V/v` marker (`V/v tăng cường …`).
pub(crate) fn has_vv(text: &str) -> bool {
    VV.is_match(text)
}

/// A cell that is a mark alone: độ khẩn (`KHẨN`, `HỎA TỐC`), độ mật (`MẬT`), circulation
/// (`LƯU HÀNH NỘI BỘ`) or a draft (`Dự thảo lần 2`).
pub(crate) fn mark(cell: &str) -> Option<MarkKind> {
    let c = MARK.captures(cell)?;
    Some(if c.get(1).is_some() {
        MarkKind::Urgency
    } else if c.get(2).is_some() {
        MarkKind::Secrecy
    } else if c.get(3).is_some() {
        MarkKind::Circulation
    } else {
        MarkKind::Draft
    })
}

/// Whether a line opens with `Kính gửi` (`Kính gửi: Sở Tài chính`, `KÍNH GỬI`).
pub(crate) fn opens_kinh_gui(text: &str) -> bool {
    KINH_GUI_OPENS.is_match(text)
}

/// What follows `Kính gửi:` at the start of a line (`Kính gửi: Sở Tài chính` → `Sở Tài chính`).
pub(crate) fn after_kinh_gui(text: &str) -> Option<&str> {
    KINH_GUI_HEAD.find(text).map(|m| &text[m.end()..])
}

/// Where a `Kính gửi:` label starts inside a text (a V/v cell that ran on into it).
pub(crate) fn kinh_gui_label_at(text: &str) -> Option<usize> {
    KINH_GUI_LABEL.find(text).map(|m| m.start())
}

/// `Kính` alone on a line and `gửi:` opening the next one (a table cell wrapped word by word).
pub(crate) fn kinh_split(line: &str, next: &str) -> bool {
    line.to_lowercase() == "kính" && opens_kinh_gui(&format!("Kính {next}"))
}

/// Whether a line is a Quốc hiệu or a party heading standing alone (a header row).
pub(crate) fn is_heading_row(text: &str) -> bool {
    text.chars().count() <= 120
        && (nationals(text).next().is_some_and(|m| m.0 == 0)
            || party_headings(text).next().is_some_and(|m| m.0 == 0))
}

/// The document's own number in a cell: not the number of the text it is attached to
/// (`(Ban hành kèm theo Quyết định số: 522/2002/QĐ.UB …)`).
pub(crate) fn own_number(cell: &str) -> Option<(usize, usize, NumberParts)> {
    let found = number::find(cell)?;
    let before = cell[..found.0].to_lowercase();
    (!before.contains("kèm theo")).then_some(found)
}

/// Byte offset of the first header anchor in a text (Quốc hiệu, Tiêu ngữ, party heading,
/// number, date), if any.
pub(crate) fn first_anchor_at(text: &str) -> Option<usize> {
    [
        nationals(text).next().map(|m| m.0),
        mottos(text).next().map(|m| m.0),
        party_headings(text).next().map(|m| m.0),
        own_number(text).map(|n| n.0),
        place_date::find_date(text).map(|d| d.0),
    ]
    .into_iter()
    .flatten()
    .min()
}

/// Whether a text holds the Quốc hiệu's words (`CỘNG HÒA XÃ HỘI CHỦ NGHĨA`), in any case and
/// tone placement, its last words possibly wrapped away.
pub(crate) fn mentions_national(text: &str) -> bool {
    let head = NATIONAL_KEY
        .strip_suffix(" VIỆT NAM")
        .unwrap_or(NATIONAL_KEY);
    crate::viet::upper_key(text).contains(head)
}
