//! Cues of what follows the closing block: phụ lục headings (`PHỤ LỤC 01`, `Phụ lục I`), bản
//! sao headings (`SAO Y BẢN CHÍNH`, `SAO LỤC`, `TRÍCH SAO`) and the line that ties an attached
//! text to its document (`(Ban hành kèm theo Quyết định số …)`).

use std::sync::LazyLock;

use regex::Regex;

use crate::viet::is_upper;

static APPENDIX_HEAD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:PHỤ LỤC|Phụ lục|PHỤ BIỂU|Phụ biểu)(?:\s+(?:số\s*)?[IVXLC\d]+[a-z]?)?\s*[:.]?$")
        .expect("appendix heading")
});
static COPY_HEAD: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(SAO Y|SAO LỤC|TRÍCH SAO)\b").expect("copy heading"));
static ATTACHMENT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:PHỤ LỤC|Phụ lục|PHỤ BIỂU|Phụ biểu|DANH MỤC|DANH SÁCH|Mẫu số|MẪU SỐ)\b")
        .expect("appendix")
});
static ATTACHED: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)^\(?\s*(?:ban hành\s+)?kèm theo\b").expect("attached to"));

/// A line that opens a phụ lục: `Phụ lục I`, `PHỤ LỤC 01`, `PHỤ LỤC` alone.
pub(crate) fn is_appendix_heading(text: &str) -> bool {
    APPENDIX_HEAD.is_match(text)
}

/// A line in capitals that opens a bản sao record (`SAO Y BẢN CHÍNH`).
pub(crate) fn is_copy_heading(text: &str) -> bool {
    opens_copy(text) && is_upper(text)
}

/// A line that opens with the words of a bản sao (`SAO Y`, `SAO LỤC`, `TRÍCH SAO`).
pub(crate) fn opens_copy(text: &str) -> bool {
    COPY_HEAD.is_match(text)
}

/// A line that opens with the words of an attached part (`PHỤ LỤC`, `DANH SÁCH`, `Mẫu số`).
pub(crate) fn opens_attachment(text: &str) -> bool {
    ATTACHMENT.is_match(text)
}

/// The line that ties an attached text to its document: `(Kèm theo Kế hoạch số 12/KH-UBND)`,
/// `(Ban hành kèm theo Quyết định số …)`.
pub(crate) fn is_attached_to(text: &str) -> bool {
    ATTACHED.is_match(text)
}
