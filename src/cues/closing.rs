//! Cues of the closing block: `Nơi nhận:` (ô 9b) and its `Lưu: VT, VP.` entry; the quyền hạn
//! of a signature (`TM. ỦY BAN NHÂN DÂN`, `KT. CHỦ TỊCH`, `TL.`, `TUQ.`, `Q.`), positions
//! (`PHÓ CHỦ TỊCH`, `Thứ trưởng`) and notes (`(Đã ký)`, `(ký, ghi rõ họ tên)`).

use std::sync::LazyLock;

use regex::Regex;

use crate::ast::Mode;
use crate::viet::{is_person_name, is_upper, upper_key};

static NOI_NHAN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^[*_\s]*n[ơo]i\s*nh[ậa]n\s*[:.]?[*_]*\s*").expect("noi nhan")
});
static MODE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?:^|\s)(T/M|K/T|T/L|(?i:tm|kt|tl)[/.]|TUQ\.|TM\.|KT\.|TL\.|Q\.|TM|KT|TL|TUQ)\s*(\p{L})",
    )
    .expect("mode")
});
static NOTE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^[(\[]\s*(?:đã\s*ký|ký|chữ\s*ký|đóng\s*dấu|đã\s*ký\s*và\s*đóng\s*dấu)[^)\]]*[)\]]\.?$|^(?i:đã\s*ký)\.?$")
        .expect("note")
});
static LUU: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(?i:lưu)(?:\s*:\s*|\s+|$)").expect("luu"));
static TRAILING_NOTE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\s*([(\[]\s*(?:đã\s*ký|ký[^)\]]*|đóng\s*dấu[^)\]]*)[)\]])\s*$")
        .expect("trailing note")
});

/// Recognise a `Nơi nhận:` cell; returns what follows the label.
pub(crate) fn noi_nhan(text: &str) -> Option<&str> {
    NOI_NHAN.find(text).map(|m| &text[m.end()..])
}

/// Whether a text opens with `Lưu` (`Lưu: VT, VP.`, `- Lưu VT`).
pub(crate) fn is_luu(text: &str) -> bool {
    LUU.is_match(text)
}

/// The entries of a `Lưu:` text, after its label (`Lưu: VT, VP.` → `VT, VP.`).
pub(crate) fn after_luu(text: &str) -> &str {
    LUU.find(text).map_or(text, |m| &text[m.end()..])
}

/// A note alone (`(Đã ký)`, `[ký, đóng dấu]`, `Đã ký.`).
pub(crate) fn is_note(text: &str) -> bool {
    NOTE.is_match(text)
}

/// Split a note printed after a name (`Nguyễn Văn A (Đã ký)`) from it.
pub(crate) fn strip_note(t: &str) -> (&str, Option<&str>) {
    match TRAILING_NOTE.captures(t) {
        Some(c) => {
            let m = c.get(0).expect("note");
            (
                t[..m.start()].trim_end(),
                Some(c.get(1).expect("note text").as_str()),
            )
        }
        None => (t, None),
    }
}

fn parse_mode(s: &str) -> Mode {
    match s.trim_end_matches(['.', '/']).to_uppercase().as_str() {
        "TM" | "T/M" => Mode::TM,
        "KT" | "K/T" => Mode::KT,
        "TL" | "T/L" => Mode::TL,
        "TUQ" => Mode::TUQ,
        _ => Mode::Q,
    }
}

/// Quyền hạn anchors in a piece: (start of the prefix, start of the title, mode).
pub(crate) fn modes(text: &str) -> Vec<(usize, usize, Mode)> {
    let mut out = Vec::new();
    for c in MODE.captures_iter(text) {
        let p = c.get(1).expect("prefix");
        let t = c.get(2).expect("title");
        let bare = !p.as_str().ends_with('.') && !p.as_str().contains('/');
        if bare && !text[..p.start()].trim().is_empty() {
            continue; // `TM ỦY BAN` without a dot only opens a piece
        }
        // the title must be a word in capitals (`Q. Anh` is an initial); an old document
        // typed in lower case may write `KT/ bộ trưởng …` (slash form: unambiguous)
        let word: String = text[t.start()..]
            .chars()
            .take_while(|c| !c.is_whitespace() && *c != ',')
            .collect();
        // with a dot or a slash the prefix is unambiguous: `KT. Bộ trưởng Bộ Tài chính`
        let marked = p.as_str().ends_with(['/', '.']);
        let lower_ok = marked && is_position_phrase(&text[t.start()..]);
        if word.chars().count() < 2 || !(is_upper(&word) || lower_ok) {
            continue;
        }
        out.push((p.start(), t.start(), parse_mode(p.as_str())));
    }
    out
}

/// Whether a line opens a signature stack (`KT. CHỦ TỊCH`, `T/M BAN THƯỜNG VỤ`).
pub(crate) fn opens_with_mode(text: &str) -> bool {
    modes(text).first().is_some_and(|m| m.0 == 0)
}

/// Heads of position titles, in capitals (`PHÓ CHỦ TỊCH`, `Thứ trưởng`, `bộ trưởng bộ tài chính`).
const POSITION_HEADS: &[&str] = &[
    "PHÓ",
    "CHỦ TỊCH",
    "GIÁM ĐỐC",
    "THỨ TRƯỞNG",
    "BỘ TRƯỞNG",
    "TRƯỞNG",
    "CHÁNH",
    "THỦ TƯỚNG",
    "BÍ THƯ",
    "CỤC TRƯỞNG",
    "VỤ TRƯỞNG",
    "HIỆU TRƯỞNG",
    "TỔNG",
    "VIỆN TRƯỞNG",
    "CHỦ NHIỆM",
    "THƯ KÝ",
    "CHỦ TỌA",
    "CHỦ TRÌ",
    "ỦY VIÊN",
    "ĐẠI DIỆN",
];

/// A position title in any case, as old lower-case documents print it (`Thứ trưởng`).
pub(crate) fn is_position_phrase(t: &str) -> bool {
    let t = t.trim();
    let words = t.split_whitespace().count();
    if words == 0
        || words > 8
        || t.chars()
            .any(|c| c.is_ascii_digit() || matches!(c, ';' | ':'))
    {
        return false;
    }
    let key = upper_key(t);
    POSITION_HEADS.iter().any(|h| {
        key.strip_prefix(h)
            .is_some_and(|r| r.is_empty() || r.starts_with(' '))
    })
}

/// Signature-like text: a quyền hạn line, capitals, a name, a note.
pub(crate) fn is_signature_like(text: &str) -> bool {
    let text = strip_note(text).0;
    opens_with_mode(text)
        || is_note(text)
        || is_person_name(text)
        || (is_upper(text) && text.split_whitespace().count() <= 10)
}
