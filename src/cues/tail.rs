//! Cues of what follows the closing block: phụ lục headings (`PHỤ LỤC 01`, `Phụ lục I`), bản
//! sao headings (`SAO Y BẢN CHÍNH`, `SAO LỤC`, `TRÍCH SAO`) and the line that ties an attached
//! text to its document (`(Ban hành kèm theo Quyết định số …)`).

use nom::branch::alt;
use nom::combinator::opt;
use nom::{IResult, Parser};

use crate::cues::scan::{end, fail, one_of_exact, opt_char, starts, word_ci, word_end, ws0, ws1};
use crate::viet::is_upper;

/// `kèm theo` — what ties a text to the document it goes with (`Phụ lục kèm theo Quyết định …`).
pub(crate) const KEM_THEO: &str = "kèm theo";

/// Whether a text says it goes with another (`(Ban hành kèm theo Quyết định số …)`), anywhere.
pub(crate) fn mentions_kem_theo(text: &str) -> bool {
    text.to_lowercase().contains(KEM_THEO)
}

/// The words of a phụ lục heading.
const APPENDIX_WORDS: &[&str] = &["PHỤ LỤC", "Phụ lục", "PHỤ BIỂU", "Phụ biểu"];

/// The words that open an attached part: phụ lục, lists, forms.
const ATTACHMENT_WORDS: &[&str] = &[
    "PHỤ LỤC",
    "Phụ lục",
    "PHỤ BIỂU",
    "Phụ biểu",
    "DANH MỤC",
    "DANH SÁCH",
    "Mẫu số",
    "MẪU SỐ",
];

/// The words of a bản sao heading.
const COPY_WORDS: &[&str] = &["SAO Y", "SAO LỤC", "TRÍCH SAO"];

/// What closes a heading line: white space, a colon or a full stop, then nothing.
fn heading_end(i: &str) -> IResult<&str, ()> {
    (ws0, opt_char(&[':', '.']), end).map(|_| ()).parse(i)
}

/// A phụ lục's number: `I`, `01`, `2a`, `số 3`.
fn appendix_number(i: &str) -> IResult<&str, ()> {
    let (i, _) = (ws1, opt((nom::bytes::complete::tag("số"), ws0))).parse(i)?;
    let rest = i.trim_start_matches(|c: char| {
        matches!(c, 'I' | 'V' | 'X' | 'L' | 'C') || c.is_ascii_digit()
    });
    if rest.len() == i.len() {
        return fail(i);
    }
    let (rest, _) = opt_char(&[
        'a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j', 'k', 'l', 'm', 'n', 'o', 'p', 'q', 'r',
        's', 't', 'u', 'v', 'w', 'x', 'y', 'z',
    ])(rest)?;
    Ok((rest, ()))
}

/// A line that opens a phụ lục: `Phụ lục I`, `PHỤ LỤC 01`, `PHỤ LỤC` alone.
pub(crate) fn is_appendix_heading(text: &str) -> bool {
    let Ok((rest, _)) = one_of_exact(APPENDIX_WORDS)(text) else {
        return false;
    };
    starts(
        rest,
        alt(((appendix_number, heading_end).map(|_| ()), heading_end)),
    )
}

/// A line in capitals that opens a bản sao record (`SAO Y BẢN CHÍNH`).
pub(crate) fn is_copy_heading(text: &str) -> bool {
    opens_copy(text) && is_upper(text)
}

/// A line that opens with the words of a bản sao (`SAO Y`, `SAO LỤC`, `TRÍCH SAO`).
pub(crate) fn opens_copy(text: &str) -> bool {
    starts(text, (one_of_exact(COPY_WORDS), word_end))
}

/// A line that opens with the words of an attached part (`PHỤ LỤC`, `DANH SÁCH`, `Mẫu số`).
pub(crate) fn opens_attachment(text: &str) -> bool {
    ATTACHMENT_WORDS
        .iter()
        .any(|w| text.strip_prefix(w).is_some_and(|r| word_end(r).is_ok()))
}

/// The line that ties an attached text to its document: `(Kèm theo Kế hoạch số 12/KH-UBND)`,
/// `(Ban hành kèm theo Quyết định số …)`.
pub(crate) fn is_attached_to(text: &str) -> bool {
    let Ok((rest, _)) = (opt_char(&['(']), ws0).parse(text) else {
        return false;
    };
    let kem_theo = |i| (word_ci(KEM_THEO), word_end).parse(i);
    starts(rest, kem_theo) || starts(rest, (word_ci("ban hành"), ws1, kem_theo))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headings() {
        assert!(is_appendix_heading("PHỤ LỤC 01"));
        assert!(is_appendix_heading("Phụ lục I"));
        assert!(is_appendix_heading("Phụ lục số 3:"));
        assert!(is_appendix_heading("PHỤ LỤC IIa."));
        assert!(is_appendix_heading("PHỤ LỤC"));
        assert!(!is_appendix_heading(
            "Phụ lục I kèm theo Kế hoạch này quy định"
        ));
        assert!(!is_appendix_heading("Phụ lục số"));
        assert!(is_copy_heading("SAO Y BẢN CHÍNH"));
        assert!(is_copy_heading("TRÍCH SAO"));
        assert!(!is_copy_heading("SAO YẾN"));
        assert!(opens_attachment("DANH SÁCH CÁC ĐƠN VỊ"));
        assert!(!opens_attachment("DANH SÁCHX"));
        assert!(is_attached_to(
            "(Ban hành kèm theo Quyết định số 5/QĐ-UBND)"
        ));
        assert!(is_attached_to("( kèm theo Kế hoạch số 12)"));
        assert!(!is_attached_to("(Kèm theoX"));
    }
}
