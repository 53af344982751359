//! Form fields — the labelled lines of a giấy mời, giấy giới thiệu, biên bản or công điện
//! (`Thời gian: 8 giờ 00 ngày 12/6/2026`, `Địa điểm: Hội trường UBND tỉnh`), read from the
//! body's blocks.

use crate::ast::kind::DocKind;
use crate::ast::{Block, Document, Field};

/// Kinds of document whose body holds labelled fields.
fn has_fields(kind: Option<&DocKind>) -> bool {
    matches!(
        kind,
        Some(
            DocKind::GiayMoi
                | DocKind::GiayGioiThieu
                | DocKind::GiayNghiPhep
                | DocKind::GiayUyQuyen
                | DocKind::BienBan
                | DocKind::CongDien
                | DocKind::PhieuGui
                | DocKind::PhieuChuyen
                | DocKind::PhieuBao
                | DocKind::GiayXacNhan
                | DocKind::GiayChungNhan
        )
    )
}

/// A `Label: value` line (`Thời gian: 8 giờ 00`): the label (untrimmed) and the value. The
/// label opens with a capital letter and runs to the line's first colon, 2 to 41 characters
/// before the white space there, with no `;`, `.`, `,` or digit; the value is what follows the
/// colon and its white space, on one line. (This was the regex
/// `^(\p{Lu}[^:;.,0-9]{1,40}?)\s*:\s*(\S.*)$`, which took 3 M instructions to build in every
/// process that converted a form: more than the rest of a giấy mời.)
fn labelled(text: &str) -> Option<(&str, &str)> {
    let first = text.chars().next()?;
    if !is_capital_letter(first) {
        return None;
    }
    let colon = text.find(':')?;
    let after_first = first.len_utf8();
    if colon < after_first {
        return None;
    }
    let region = &text[after_first..colon];
    if region.contains([';', '.', ',']) || region.bytes().any(|b| b.is_ascii_digit()) {
        return None;
    }
    let core = region.trim_end_matches(char::is_whitespace);
    let n = core.chars().count();
    // one character at least after the capital: a space before the colon serves (`A : x`)
    if n > 40 || n == 0 && region.is_empty() {
        return None;
    }
    let value = text[colon + 1..].trim_start_matches(char::is_whitespace);
    if value.is_empty() || value.contains('\n') {
        return None;
    }
    Some((&text[..colon], value))
}

/// `\p{Lu}`: an upper-case letter (the Uppercase property without its signs: Roman numerals,
/// circled and squared letters).
fn is_capital_letter(c: char) -> bool {
    c.is_uppercase()
        && !matches!(
            c as u32,
            0x2160..=0x216F | 0x24B6..=0x24CF | 0x1F130..=0x1F149 | 0x1F150..=0x1F169 | 0x1F170..=0x1F189
        )
}

/// The labelled fields of a form (`Thời gian: …`, `Địa điểm: …`), read from its body blocks.
pub(crate) fn fields(doc: &Document) -> Vec<Field> {
    fn walk(bs: &[Block], out: &mut Vec<Field>) {
        for b in bs {
            if let Some((label, value)) = labelled(&b.text) {
                let label = label.trim();
                if label.split_whitespace().count() <= 6 {
                    out.push(Field {
                        label: label.to_string(),
                        value: value.trim().to_string(),
                        span: b.span,
                    });
                }
            }
            walk(&b.children, out);
        }
    }
    let mut out = Vec::new();
    if has_fields(doc.kind.as_ref()) {
        walk(&doc.body, &mut out);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The regex `labelled` replaces, for the comparison.
    fn by_regex(text: &str) -> Option<(String, String)> {
        let re = regex::Regex::new(r"^(\p{Lu}[^:;.,0-9]{1,40}?)\s*:\s*(\S.*)$").unwrap();
        let c = re.captures(text)?;
        Some((c[1].trim().to_string(), c[2].trim().to_string()))
    }

    #[test]
    fn labelled_lines_as_the_regex_read_them() {
        let long = format!("Đ{}: x", "a".repeat(40));
        let too_long = format!("Đ{}: x", "a".repeat(41));
        let spaced = format!("Đ{}   : x", "a".repeat(40));
        let cases = [
            "Thời gian: 8 giờ 00 ngày 12/6/2026",
            "Địa điểm: Hội trường UBND tỉnh",
            "Thành phần : Lãnh đạo các sở",
            "A: b",
            "A : b",
            "A :b",
            "A:",
            "A:   ",
            "Thời gian, địa điểm: sáng mai",
            "Số 12: ba",
            "ngày: 12",
            "Kính gửi:\n- Sở Tài chính",
            "Nội dung:\n  họp",
            "Chủ trì: Ông A\nthêm",
            "Ⅰ. Mục: x",
            "Ⓐbc: x",
            "ÉTÉ\u{a0}: giờ",
            "Người ký:\u{2003}Nguyễn Văn An",
            "Ông Nguyễn Văn An, Giám đốc: chủ trì",
            "Mục đích; yêu cầu: x",
            "Ghi chú: a: b: c",
            ":",
            "",
            "Đ",
            &long,
            &too_long,
            &spaced,
        ];
        for t in cases {
            let mine = labelled(t).map(|(l, v)| (l.trim().to_string(), v.trim().to_string()));
            assert_eq!(mine, by_regex(t), "{t:?}");
        }
    }
}
