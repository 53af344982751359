//! Cues of the preamble: căn cứ (`Căn cứ Luật Tổ chức chính quyền địa phương …;`), proposals
//! (`Theo đề nghị của Giám đốc Sở Nội vụ.`) and the enacting formula (`QUYẾT ĐỊNH:`).

use std::sync::LazyLock;

use regex::Regex;

use crate::viet::{is_upper, upper_key};

static BASIS: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^[-–]?\s*(?i:căn\s*cứ)\b").expect("basis"));
static PROPOSAL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^[-–]?\s*(?i:theo\s+đề\s+nghị|xét\s+đề\s+nghị|xét\s+tờ\s+trình|theo\s+đề\s+xuất|xét|trên\s+cơ\s+sở)\b")
        .expect("proposal")
});

/// Is this a căn cứ line (`Căn cứ Luật …;`, `- Căn cứ …`)?
pub(crate) fn is_basis(text: &str) -> bool {
    BASIS.is_match(text)
}

/// Is this a proposal line (`Theo đề nghị của …`, `Xét Tờ trình số …`)?
pub(crate) fn is_proposal(text: &str) -> bool {
    PROPOSAL.is_match(text)
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
