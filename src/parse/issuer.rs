//! Tên cơ quan ban hành (ô 2) — the issuer and its parent, `UBND TỈNH LÀO CAI` / `SỞ CÔNG
//! THƯƠNG`, built from the capital lines of the header's left column (or a row-joined
//! `UBND TỈNH LÀO CAI SỞ CÔNG THƯƠNG`), in capitals or, in older documents, in any case.

use std::sync::LazyLock;

use crate::ast::{Issuer, Text};
use crate::viet::{fold_ws, upper_key};

/// Words that open the name of an issuing body in any case (`Bộ Tài chính`, `ủy ban nhân dân`).
const ORG_HEADS: &[&str] = &[
    "BỘ",
    "CHÍNH PHỦ",
    "ỦY BAN",
    "ỦY BAN",
    "UBND",
    "SỞ",
    "TỔNG CỤC",
    "CỤC",
    "HỘI ĐỒNG",
    "QUỐC HỘI",
    "VĂN PHÒNG",
    "PHÒNG",
    "TRƯỜNG",
    "BAN",
    "THỦ TƯỚNG",
    "CÔNG TY",
    "TRUNG TÂM",
    "TỈNH",
    "HUYỆN",
    "THÀNH PHỐ",
    "XÃ",
    "PHƯỜNG",
    "QUẬN",
    "THỊ XÃ",
    "ĐẢNG BỘ",
    "ĐOÀN",
    "CHI CỤC",
];

/// A short line naming a body, whatever its case: `Chính phủ`, `Bộ Tài chính`, `Tỉnh an giang`.
pub(crate) fn is_org_like(text: &str) -> bool {
    let words = text.split_whitespace().count();
    if words == 0
        || words > 10
        || text
            .chars()
            .any(|c| c.is_ascii_digit() || matches!(c, ',' | ';' | ':' | '.'))
    {
        return false;
    }
    let key = upper_key(text);
    Keyed::new(&key).opens(&ORG)
}

/// Words that open a subordinate body (the issuer under a cơ quan chủ quản).
const UNIT_HEADS: &[&str] = &[
    "SỞ",
    "PHÒNG",
    "CỤC",
    "CHI CỤC",
    "TỔNG CỤC",
    "VỤ",
    "VĂN PHÒNG",
    "BAN",
    "TRƯỜNG",
    "TRUNG TÂM",
    "ĐOÀN",
    "THANH TRA",
    "VIỆN",
    "BỆNH VIỆN",
    "HỌC VIỆN",
    "HỘI ĐỒNG",
    "HUYỆN ỦY",
    "HUYỆN UỶ",
    "TỈNH ỦY",
    "TỈNH UỶ",
    "THÀNH ỦY",
    "THÀNH UỶ",
    "ĐẢNG ỦY",
    "ĐẢNG UỶ",
    "QUẬN ỦY",
    "QUẬN UỶ",
    "CÔNG AN",
    "KHO BẠC",
    "CHI NHÁNH",
    "ĐÀI",
    "BÁO",
    "TỔ",
    "BỘ CHỈ HUY",
    "ỦY BAN KIỂM TRA",
    "CHI BỘ",
    "TRUNG ĐOÀN",
    "NHÀ XUẤT BẢN",
    "QUỸ",
    "BAN QUẢN LÝ",
];

/// Words after which a name is still the same body (wrapped): places and connectors.
const WRAP_HEADS: &[&str] = &[
    "TỈNH",
    "THÀNH PHỐ",
    "HUYỆN",
    "QUẬN",
    "XÃ",
    "PHƯỜNG",
    "THỊ XÃ",
    "THỊ TRẤN",
    "VÀ",
    "-",
    "–",
];

/// A key ([`upper_key`]) asked whether it opens with one of a list of heads, whole words.
struct Keyed<'a> {
    key: &'a str,
    /// The key is typed without diacritics (`SO XAY DUNG`): it matches the heads without
    /// theirs too. Asked once per key, not once per head.
    unmarked: bool,
}

impl<'a> Keyed<'a> {
    fn new(key: &'a str) -> Self {
        Keyed {
            key,
            unmarked: crate::viet::is_unmarked(key),
        }
    }

    fn at(&self, head: &str) -> bool {
        self.key
            .strip_prefix(head)
            .is_some_and(|r| r.is_empty() || r.starts_with(' '))
    }

    /// Whether the key opens with one of `heads` (each with its reading without diacritics).
    fn opens(&self, heads: &[(&'static str, String)]) -> bool {
        heads
            .iter()
            .any(|(h, bare)| self.at(h) || self.unmarked && !h.is_ascii() && self.at(bare))
    }
}

/// Heads with their readings without diacritics, made once.
fn with_bare(heads: &[&'static str]) -> Vec<(&'static str, String)> {
    heads.iter().map(|h| (*h, crate::viet::bare(h))).collect()
}

static ORG: LazyLock<Vec<(&str, String)>> = LazyLock::new(|| with_bare(ORG_HEADS));
static UNIT: LazyLock<Vec<(&str, String)>> = LazyLock::new(|| with_bare(UNIT_HEADS));
static WRAP: LazyLock<Vec<(&str, String)>> = LazyLock::new(|| with_bare(WRAP_HEADS));
static PARENT: LazyLock<Vec<(&str, String)>> = LazyLock::new(|| with_bare(PARENT_HEADS));
/// The party committees whose `ỦY` is no wrapped head.
static COMMITTEES: LazyLock<Vec<(&str, String)>> =
    LazyLock::new(|| with_bare(&["HUYỆN ỦY", "TỈNH ỦY", "THÀNH ỦY", "QUẬN ỦY"]));

fn unit_head_at(words: &[&str], k: usize) -> bool {
    let rest = words[k..].join(" ");
    let key = upper_key(&rest);
    let keyed = Keyed::new(&key);
    if keyed.opens(&WRAP) && !keyed.opens(&COMMITTEES) {
        return false;
    }
    if k > 0 {
        let prev = upper_key(words[k - 1]);
        // ỦY BAN, UỶ BAN, ĐẢNG BỘ, …: the unit word is inside the name
        if matches!(
            prev.as_str(),
            "ỦY" | "UỶ" | "ĐẢNG" | "HÀNH" | "THƯỜNG" | "CHỈ" | "VỤ" | "ĐÀO"
        ) {
            return false;
        }
    }
    keyed.opens(&UNIT)
}

/// Words that cannot stand right before a subordinate body's head word: the head word is then
/// part of a longer name (`MÔI TRƯỜNG`, `DỊCH VỤ`, `VÀ ĐÀO TẠO`).
const INNER_BEFORE: &[&str] = &[
    "VÀ", "&", "-", "–", "MÔI", "QUỐC", "NỘI", "DỊCH", "NHIỆM", "PHỤC", "ĐẠI", "CAO", "CÔNG",
    "NHÂN",
];

/// Parents that a row-joined issuer line may open with.
const PARENT_HEADS: &[&str] = &[
    "UBND",
    "ỦY BAN NHÂN DÂN",
    "UỶ BAN NHÂN DÂN",
    "BỘ",
    "TỔNG CỤC",
    "SỞ",
    "ĐẢNG BỘ",
    "BAN CHẤP HÀNH",
    "HĐND",
    "TỈNH ỦY",
    "TỈNH UỶ",
    "HUYỆN ỦY",
    "HUYỆN UỶ",
    "THÀNH ỦY",
    "THÀNH UỶ",
    "CỤC",
    "PHÒNG",
];

/// Split a row-joined `UBND TỈNH LÀO CAI SỞ CÔNG THƯƠNG` at the subordinate body.
fn split_inline(s: &str) -> Option<(String, String)> {
    let words: Vec<&str> = s.split(' ').collect();
    if words.len() < 3 {
        return None;
    }
    let key = upper_key(s);
    if !Keyed::new(&key).opens(&PARENT) {
        return None;
    }
    (2..words.len())
        .find(|&k| {
            let prev = upper_key(words[k - 1]);
            // the unit needs a name after its head word (`NỘI VỤ` ends a name, `VỤ PHÁP CHẾ`
            // opens one)
            !INNER_BEFORE.contains(&prev.as_str())
                && k + 1 < words.len()
                && !matches!(words[k + 1], "-" | "–")
                && unit_head_at(&words, k)
        })
        .map(|k| (words[..k].join(" "), words[k..].join(" ")))
}

/// Build the issuer from the capital lines of the left column, top first.
pub(crate) fn issuer_from(org: &[Text]) -> Option<Issuer> {
    if org.is_empty() {
        return None;
    }
    // split row-joined pieces first
    let mut units: Vec<Text> = Vec::new();
    for t in org {
        match split_inline(&t.text) {
            Some((a, b)) => {
                units.push(Text {
                    text: a,
                    span: t.span,
                });
                units.push(Text {
                    text: b,
                    span: t.span,
                });
            }
            None => units.push(t.clone()),
        }
    }
    let span = units
        .iter()
        .skip(1)
        .fold(units[0].span, |s, u| s.join(u.span));
    let split = (1..units.len()).rev().find(|&k| {
        let words: Vec<&str> = units[k].text.split(' ').collect();
        unit_head_at(&words, 0)
    });
    // lines joined; stray underscores of a rule left inside a cell dropped
    let join = |ts: &[Text]| {
        let s = ts
            .iter()
            .map(|t| t.text.as_str())
            .collect::<Vec<_>>()
            .join(" ");
        fold_ws(
            &s.split(' ')
                .filter(|w| !w.chars().all(|c| c == '_'))
                .collect::<Vec<_>>()
                .join(" "),
        )
    };
    Some(match split {
        Some(k) => Issuer {
            parent: Some(join(&units[..k])),
            name: join(&units[k..]),
            span,
        },
        None => Issuer {
            parent: None,
            name: join(&units),
            span,
        },
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ast::Span;

    fn t(s: &str) -> Text {
        Text {
            text: s.to_string(),
            span: Span::default(),
        }
    }

    #[test]
    fn a_parent_over_its_unit() {
        let i = issuer_from(&[t("UBND TỈNH LÀO CAI"), t("SỞ CÔNG THƯƠNG")]).unwrap();
        assert_eq!(i.parent.as_deref(), Some("UBND TỈNH LÀO CAI"));
        assert_eq!(i.name, "SỞ CÔNG THƯƠNG");
        let i = issuer_from(&[t("UBND TỈNH LÀO CAI SỞ CÔNG THƯƠNG")]).unwrap();
        assert_eq!(i.parent.as_deref(), Some("UBND TỈNH LÀO CAI"));
        assert_eq!(i.name, "SỞ CÔNG THƯƠNG");
    }

    #[test]
    fn a_name_wrapped_over_lines_is_one_body() {
        let i = issuer_from(&[t("ỦY BAN NHÂN DÂN"), t("TỈNH BẮC NINH")]).unwrap();
        assert_eq!(
            (i.parent, i.name.as_str()),
            (None, "ỦY BAN NHÂN DÂN TỈNH BẮC NINH")
        );
        let i = issuer_from(&[t("BỘ TÀI NGUYÊN VÀ MÔI TRƯỜNG")]).unwrap();
        assert_eq!(i.name, "BỘ TÀI NGUYÊN VÀ MÔI TRƯỜNG");
    }

    #[test]
    fn org_like_lines_in_any_case() {
        assert!(is_org_like("Bộ Tài chính"));
        assert!(is_org_like("SO XAY DUNG"));
        assert!(!is_org_like("Số: 12/UBND"));
        assert!(!is_org_like("Ngày 5/6 Cục Thuế đã họp."));
    }
}
