//! Reflow: a whole document flattened onto one physical line (a forum post, a page copy that
//! lost its line breaks: `… Hạnh phúc Số: 367 - QĐ/TW Hà Nội, ngày … QUYẾT ĐỊNHVề việc …`) is
//! cut back into the lines it was printed on, at the places where the document's parts begin.
//!
//! A line is cut only when it is long and holds the marks of several parts (a Quốc hiệu, a
//! `Số:` line, a `Nơi nhận:`, a quyền hạn line, `(đã ký)`, …): a long paragraph that only cites
//! `Điều 5.` is left alone. The pieces keep their byte ranges and their physical line number,
//! so spans and diagnostics still point into the text as given.

use std::sync::LazyLock;

use regex::Regex;

use crate::viet::is_capitalised;

/// Lines shorter than this are never cut.
const MIN_LEN: usize = 400;

/// One alternative per kind of part that may begin inside a flattened line.
static PARTS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"(?P<nat>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM|CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM|ĐẢNG CỘNG SẢN VIỆT NAM|ĐOÀN TNCS HỒ CHÍ MINH)",
        r"|(?P<motto>Hạnh phúc|HẠNH PHÚC)",
        r"|(?P<stars>\*{3,})",
        r"|(?P<rule>[-_=]{5,})",
        r"|(?P<so>Số\s*:)",
        r"|(?P<date>,\s*ngày\s+\d{1,2}\s+tháng\s+\d{1,2}\s+năm\s+\d{4})",
        r"|(?P<kind>(?:QUYẾT ĐỊNH|QUY ĐỊNH|NGHỊ QUYẾT|THÔNG BÁO|CHỈ THỊ|KẾ HOẠCH|BÁO CÁO|TỜ TRÌNH|HƯỚNG DẪN|QUY CHẾ|GIẤY MỜI)(?:\s*:)?)(?P<after>\s*(?:Về|V/v|VỀ|Điều)|\s*$)?",
        r"|(?P<basis>-\s*Căn cứ\s|Căn cứ\s|Theo đề nghị|Xét đề nghị|-\s*Để\s)",
        r"|(?P<article>Điều\s+\d+[a-zđ]?\s*[.:])",
        r"|(?P<end>\./\.)",
        r"|(?P<noinhan>Nơi nhận\s*:)",
        r"|(?P<mode>(?:TM|KT|TL|TUQ|T/M|K/T|T/L)\s*[./]?\s+\p{Lu}{2,})",
        r"|(?P<signed>\((?i:đã ký|ký tên|đã ký và đóng dấu|ký, ghi rõ họ tên)\))",
        r"|(?P<source>(?i:nguồn)\s*:)",
    ))
    .expect("parts regex")
});

/// Kinds of part that never stand inside a paragraph of running text.
const STRUCTURAL: &[&str] = &["nat", "so", "noinhan", "mode", "signed", "stars"];

/// Literal signs of those parts: a line without two of them is not searched at all.
const SIGNS: &[&[&str]] = &[
    &[
        "CỘNG HÒA XÃ HỘI",
        "CỘNG HOÀ XÃ HỘI",
        "ĐẢNG CỘNG SẢN",
        "ĐOÀN TNCS",
    ],
    &["Số:", "Số :"],
    &["Nơi nhận"],
    &["TM.", "KT.", "TL.", "T/M", "K/T", "TUQ."],
    &["(đã ký)", "(Đã ký)", "(ký tên", "(ĐÃ KÝ)"],
    &["***"],
];

const GROUPS: &[&str] = &[
    "nat", "motto", "stars", "rule", "so", "date", "kind", "basis", "article", "end", "noinhan",
    "mode", "signed", "source",
];

/// The byte offsets (inside `raw`, strictly between its ends) where a flattened line is cut.
/// Empty when the line is an ordinary line.
pub(crate) fn cuts(raw: &str) -> Vec<usize> {
    if raw.len() < MIN_LEN
        || SIGNS
            .iter()
            .filter(|alts| alts.iter().any(|a| raw.contains(a)))
            .take(2)
            .count()
            < 2
    {
        return Vec::new();
    }
    let mut kinds: Vec<&str> = Vec::new();
    let mut out: Vec<usize> = Vec::new();
    let mut footer_from: Option<usize> = None;
    for c in PARTS.captures_iter(raw) {
        let Some((name, m)) = GROUPS.iter().find_map(|g| c.name(g).map(|m| (*g, m))) else {
            continue;
        };
        // a part opens a word (no `\b` in the pattern: it would slow the search on long lines)
        let glued = m.as_str().starts_with(char::is_alphabetic)
            && raw[..m.start()]
                .chars()
                .next_back()
                .is_some_and(char::is_alphanumeric);
        if glued
            && matches!(
                name,
                "so" | "basis" | "article" | "noinhan" | "mode" | "source"
            )
        {
            continue;
        }
        let before = raw[..m.start()].trim_end();
        let prev = before.chars().next_back();
        let after_stop = prev.is_none_or(|p| {
            matches!(p, '.' | ';' | ':' | '!' | '?' | '"' | '”' | ')' | ',') || p.is_uppercase()
        });
        let cut_before = match name {
            // the Đoàn's heading also closes the name of its organs (`BAN BÍ THƯ TRUNG ƯƠNG
            // ĐOÀN TNCS HỒ CHÍ MINH`): cut only where it is glued on or follows a stop
            "nat" if m.as_str().starts_with("ĐOÀN") => {
                !raw[..m.start()].ends_with(char::is_whitespace)
                    || prev.is_some_and(|p| matches!(p, '.' | ';' | ':' | '*'))
            }
            "nat" | "stars" | "rule" | "so" | "noinhan" | "signed" | "source" => true,
            "mode" => after_stop,
            "basis" => m.as_str().starts_with('-') || after_stop,
            "article" => after_stop,
            // a tên loại stands alone: before a trích yếu, an article, a colon or the end
            "kind" => c.name("after").is_some() || m.as_str().ends_with(':'),
            "date" => {
                // the place before `, ngày`: up to four words that open with a capital
                let mut at = m.start();
                let mut words = 0;
                for (i, w) in split_words_back(&raw[..m.start()]) {
                    if words == 4 || !is_capitalised(w) {
                        break;
                    }
                    at = i;
                    words += 1;
                }
                if words > 0 {
                    out.push(at);
                }
                false
            }
            _ => false,
        };
        let cut_after = match name {
            "motto" | "stars" | "rule" | "end" | "signed" | "date" => true,
            "kind" => cut_before,
            _ => false,
        };
        if name == "signed"
            && let Some(end) = name_after(&raw[m.end()..])
        {
            // the signer's name, then the next part in capitals
            out.push(m.end() + end);
        }
        if name == "noinhan" {
            footer_from.get_or_insert(m.end());
        }
        if !kinds.contains(&name) {
            kinds.push(name);
        }
        if cut_before {
            out.push(m.start());
        }
        if cut_after {
            let end = if name == "kind" {
                c.name("kind").map_or(m.end(), |k| k.end())
            } else {
                m.end()
            };
            out.push(end);
        }
    }
    let structural = kinds.iter().filter(|k| STRUCTURAL.contains(k)).count();
    if kinds.len() < 3 || structural < 2 {
        return Vec::new();
    }
    glued_capitals(raw, &mut out);
    // a line of capitals after running text (the authority line under a trích yếu:
    // `… xã Sơn Thủy GIÁM ĐỐC BAN QUẢN LÝ DỰ ÁN …`)
    for m in CAPS_AFTER_TEXT.captures_iter(raw) {
        if let Some(g) = m.get(1) {
            out.push(g.start());
        }
    }
    if let Some(from) = footer_from {
        // the signature's capitals after the last recipient (`- Lưu: VP Cục. CỤC TRƯỞNG`)
        for m in CAPS_AFTER_STOP.captures_iter(&raw[from..]) {
            let stop = m.get(0).map_or(0, |g| g.start());
            let word = raw[..from + stop].rsplit(char::is_whitespace).next();
            let mode = word.is_some_and(|w| {
                matches!(w, "TM" | "KT" | "TL" | "TUQ" | "T/M" | "K/T" | "T/L" | "Q")
            });
            if let Some(g) = m.get(1)
                && !mode
            {
                out.push(from + g.start());
            }
        }
    }
    out.retain(|&b| b > 0 && b < raw.len());
    out.sort_unstable();
    out.dedup();
    out
}

static CAPS_AFTER_TEXT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\p{Ll}[,;:]?\s+(\p{Lu}{2,}(?:\s+\p{Lu}{2,}){2,})").expect("caps after text")
});
static CAPS_AFTER_STOP: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"[.;]\s+(\p{Lu}{2,}(?:\s+\p{Lu}{2,})+)").expect("caps after stop")
});

/// The end of a person's name (two to five capitalised words) at the start of `s`, when the
/// name is followed by capitals or ends the text.
fn name_after(s: &str) -> Option<usize> {
    let mut end = 0;
    let mut words = 0;
    let mut rest = s;
    loop {
        let t = rest.trim_start();
        let off = s.len() - t.len();
        let w_end = t.find(char::is_whitespace).unwrap_or(t.len());
        let w = &t[..w_end];
        if w.is_empty() {
            break;
        }
        if is_capitalised(w) && words < 5 {
            words += 1;
            end = off + w_end;
            rest = &t[w_end..];
            continue;
        }
        let caps = w.chars().filter(|c| c.is_alphabetic()).count() >= 2
            && w.chars().all(|c| !c.is_lowercase());
        if !caps {
            return None;
        }
        break;
    }
    (2..=5).contains(&words).then_some(end)
}

/// Words of `s` from the end, each with its byte offset.
fn split_words_back(s: &str) -> impl Iterator<Item = (usize, &str)> {
    let mut end = s.len();
    std::iter::from_fn(move || {
        let t = s[..end].trim_end();
        if t.is_empty() {
            return None;
        }
        let start = t
            .char_indices()
            .rev()
            .find(|(_, c)| c.is_whitespace())
            .map_or(0, |(i, c)| i + c.len_utf8());
        end = start;
        Some((start, &t[start..]))
    })
}

/// Two lines of capitals glued where the line break was lost (`ĐOÀNBÍ THƯ`): a word that is
/// no syllable but splits into two capital syllables is cut between them.
fn glued_capitals(raw: &str, out: &mut Vec<usize>) {
    let mut start = None;
    for (i, c) in raw.char_indices().chain(std::iter::once((raw.len(), ' '))) {
        if c.is_alphabetic() {
            start.get_or_insert(i);
            continue;
        }
        let Some(s) = start.take() else { continue };
        let w = &raw[s..i];
        // two syllables are never longer than this (and a long run of letters is no word)
        if w.len() < 4 || w.len() > 48 || crate::viet::syllable::is_syllable(w) {
            continue;
        }
        let upper = w.chars().all(|c| !c.is_lowercase());
        for (k, _) in w.char_indices().skip(2) {
            let (a, b) = w.split_at(k);
            let b_ok = if upper {
                b.chars().count() >= 2
            } else {
                // `ĐỊNHVề`: capitals, then a capitalised word
                b.chars().next().is_some_and(char::is_uppercase)
                    && b.chars().skip(1).all(char::is_lowercase)
                    && a.chars().all(|c| !c.is_lowercase())
            };
            if b_ok
                && a.chars().all(|c| !c.is_lowercase())
                && crate::viet::syllable::is_syllable(a)
                && crate::viet::syllable::is_syllable(b)
            {
                out.push(s + k);
                break;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pieces(raw: &str) -> Vec<&str> {
        let mut out = Vec::new();
        let mut last = 0;
        for c in cuts(raw).into_iter().chain([raw.len()]) {
            let p = raw[last..c].trim();
            if !p.is_empty() {
                out.push(p);
            }
            last = c;
        }
        out
    }

    #[test]
    fn a_flattened_decision_is_cut_at_its_parts() {
        let raw = "BAN CHẤP HÀNH TRUNG ƯƠNG***Số: 367-QĐ/TW Hà Nội, ngày 29 tháng 10 năm 2013 QUYẾT ĐỊNHVề việc ban hành Quy định về văn bản--------- BAN BÍ THƯ TRUNG ƯƠNG ĐOÀN TNCS HỒ CHÍ MINH- Căn cứ Điều lệ; - Căn cứ Quy chế làm việc của Ban Chấp hành, QUYẾT ĐỊNH Điều 1. Ban hành kèm theo quyết định này Quy định. Điều 2. Quyết định này có hiệu lực từ ngày ký./. Nơi nhận: - Như điều 2; - Lưu VT. TM. BAN BÍ THƯ TRUNG ƯƠNG ĐOÀNBÍ THƯ THƯỜNG TRỰC (đã ký) Nguyễn Văn An BAN CHẤP HÀNH TRUNG ƯƠNG";
        assert_eq!(
            pieces(raw),
            [
                "BAN CHẤP HÀNH TRUNG ƯƠNG",
                "***",
                "Số: 367-QĐ/TW",
                "Hà Nội, ngày 29 tháng 10 năm 2013",
                "QUYẾT ĐỊNH",
                "Về việc ban hành Quy định về văn bản",
                "---------",
                "BAN BÍ THƯ TRUNG ƯƠNG ĐOÀN TNCS HỒ CHÍ MINH",
                "- Căn cứ Điều lệ;",
                "- Căn cứ Quy chế làm việc của Ban Chấp hành,",
                "QUYẾT ĐỊNH",
                "Điều 1. Ban hành kèm theo quyết định này Quy định.",
                "Điều 2. Quyết định này có hiệu lực từ ngày ký./.",
                "Nơi nhận: - Như điều 2; - Lưu VT.",
                "TM. BAN BÍ THƯ TRUNG ƯƠNG ĐOÀN",
                "BÍ THƯ THƯỜNG TRỰC",
                "(đã ký)",
                "Nguyễn Văn An",
                "BAN CHẤP HÀNH TRUNG ƯƠNG",
            ]
        );
    }

    #[test]
    fn wide_spaces_and_long_words_are_safe() {
        // an ideographic space before `, ngày` (a multi-byte space when walking back)
        let raw = format!(
            "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Số: 12/QĐ-UBND Hà\u{3000}Nội, ngày 1 tháng 1 năm 2024 {} Nơi nhận: - Lưu VT. {}",
            "nội dung ".repeat(40),
            "A".repeat(5000)
        );
        let cut = cuts(&raw);
        assert!(!cut.is_empty());
        assert!(cut.iter().all(|&c| raw.is_char_boundary(c)));
    }

    #[test]
    fn a_long_paragraph_is_left_alone() {
        let raw = "Căn cứ quy định tại Điều 5. Luật Ban hành văn bản quy phạm pháp luật và Nghị định số 30/2020/NĐ-CP ngày 05 tháng 3 năm 2020 của Chính phủ về công tác văn thư, các cơ quan, đơn vị thực hiện nghiêm việc ban hành văn bản đúng thể thức, đúng thẩm quyền và đúng trình tự, thủ tục; báo cáo kết quả thực hiện về Văn phòng trước ngày 15 tháng 12 năm 2024 để tổng hợp, báo cáo Ủy ban nhân dân tỉnh theo quy định./.";
        assert!(raw.len() >= MIN_LEN);
        assert!(cuts(raw).is_empty());
        assert!(cuts("ngắn").is_empty());
    }
}
