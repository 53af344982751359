//! Cues of the preamble: căn cứ (`Căn cứ Luật Tổ chức chính quyền địa phương …;`), proposals
//! (`Theo đề nghị của Giám đốc Sở Nội vụ.`) and the enacting formula (`QUYẾT ĐỊNH:`).

use nom::{IResult, Parser};

use crate::cues::scan::{opt_char, word_ci, word_end, ws0, ws1};
use crate::viet::{is_upper, upper_key};

/// The capitals that open the authority line of a decision (`CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH`,
/// `BỘ TRƯỞNG BỘ TÀI CHÍNH`) over its căn cứ; a trích yếu line never starts with them.
pub(crate) const AUTHORITY_HEADS: &[&str] = &[
    "ỦY BAN",
    "CHỦ TỊCH",
    "BỘ TRƯỞNG",
    "GIÁM ĐỐC",
    "THỦ TƯỚNG",
    "HỘI ĐỒNG",
    "CHÍNH PHỦ",
    "QUỐC HỘI",
    "BAN THƯỜNG VỤ",
    "BAN CHẤP HÀNH",
    "TỔNG CỤC TRƯỞNG",
    "CỤC TRƯỞNG",
    "BỘ CHÍNH TRỊ",
    "BAN BÍ THƯ",
    "CHÁNH VĂN PHÒNG",
    "TRƯỞNG BAN",
    "HIỆU TRƯỞNG",
    "THỐNG ĐỐC",
];

/// What may stand before a căn cứ or a proposal: a dash and white space.
fn lead(i: &str) -> IResult<&str, ()> {
    (opt_char(&['-', '–']), ws0).map(|_| ()).parse(i)
}

/// `căn cứ` in any case, its words glued or spaced.
fn can_cu(i: &str) -> IResult<&str, ()> {
    (word_ci("căn"), ws0, word_ci("cứ")).map(|_| ()).parse(i)
}

/// The words that open a proposal, in the order they are tried (requests first).
const PROPOSALS: &[&[&str]] = &[
    &["theo", "đề", "nghị"],
    &["xét", "đề", "nghị"],
    &["xét", "tờ", "trình"],
    &["theo", "đề", "xuất"],
    &["xét"],
    &["trên", "cơ", "sở"],
];

/// One proposal phrase (`theo đề nghị`), its words in any case and spaced, as a whole word:
/// what follows it.
fn phrase<'a>(words: &[&'static str], i: &'a str) -> Option<&'a str> {
    let mut rest = i;
    for (k, w) in words.iter().enumerate() {
        if k > 0 {
            rest = ws1(rest).ok()?.0;
        }
        rest = word_ci(w)(rest).ok()?.0;
    }
    word_end(rest).ok().map(|_| rest)
}

/// A căn cứ at the start of `i` (`Căn cứ`, `- căn cứ`): what follows it.
pub(crate) fn basis(i: &str) -> Option<&str> {
    (lead, can_cu, word_end).parse(i).ok().map(|(r, _)| r)
}

/// A proposal at the start of `i` (`Theo đề nghị`, `Xét Tờ trình`): what follows it.
pub(crate) fn proposal(i: &str) -> Option<&str> {
    let (rest, _) = lead(i).ok()?;
    PROPOSALS.iter().find_map(|words| phrase(words, rest))
}

/// A request at the start of `i` (`Theo đề nghị`, `Xét đề nghị`): what follows it.
pub(crate) fn request(i: &str) -> Option<&str> {
    let (rest, _) = lead(i).ok()?;
    PROPOSALS[..2].iter().find_map(|words| phrase(words, rest))
}

/// Is this a căn cứ line (`Căn cứ Luật …;`, `- Căn cứ …`)?
pub(crate) fn is_basis(text: &str) -> bool {
    basis(text).is_some()
}

/// Is this a proposal line (`Theo đề nghị của …`, `Xét Tờ trình số …`)?
pub(crate) fn is_proposal(text: &str) -> bool {
    proposal(text).is_some()
}

/// The enacting formulas that stand alone on a line.
const FORMULAS: &[&str] = &[
    "QUYẾT ĐỊNH",
    "QUYẾT NGHỊ",
    "CHỈ THỊ",
    "KẾT LUẬN",
    "BAN HÀNH",
    "QUY ĐỊNH",
    "HƯỚNG DẪN",
    "THÔNG BÁO",
    "ĐIỆN",
    "YÊU CẦU",
    "ĐỀ NGHỊ",
];

/// Is this line an enacting formula (`QUYẾT ĐỊNH:`, `QUYẾT NGHỊ:`)?
pub(crate) fn is_formula(text: &str) -> bool {
    if text.len() > 40 || !is_upper(text) {
        return false;
    }
    let k = upper_key(text);
    let k = k.trim_end_matches([':', '.', ' ']);
    FORMULAS.contains(&k)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bases_proposals_formulas() {
        assert!(is_basis("Căn cứ Luật Tổ chức chính quyền địa phương;"));
        assert!(is_basis("- căn cứ Quyết định số 5"));
        assert!(!is_basis("Căn cứu"));
        assert!(is_proposal("Theo đề nghị của Giám đốc Sở Nội vụ."));
        assert!(is_proposal("Xét Tờ trình số 12/TTr-SNV"));
        assert!(is_proposal("- Trên cơ sở kết quả"));
        assert!(!is_proposal("Xétx"));
        assert!(is_formula("QUYẾT ĐỊNH:"));
        assert!(!is_formula("Quyết định:"));
    }
}
