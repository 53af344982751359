//! Nơi nhận (ô 9) — who the document goes to: the `Kính gửi:` addressees under the header of
//! a công văn, tờ trình or báo cáo (`Kính gửi: - Sở Tài chính; - Sở Nội vụ.`), and the entries
//! of a Nơi nhận list with its `Lưu: VT, VP.` row (`- Như Điều 3;`, `- Lưu: VT, KGVX.`).

use crate::ast::Span;
use crate::cues::closing::after_luu;
use crate::cues::heading::{after_kinh_gui, kinh_split};
use crate::cues::marker::starts_with_marker;
use crate::cues::preamble::is_basis;
use crate::lines::{Cursor, Line, flat};
use crate::viet::{fold_ws, starts_lower};

/// The addressees of a `Kính gửi: A; B.` text read in one piece (a header cell): each with
/// the span of that text.
pub(crate) fn kinh_gui_entries(text: &str, span: Span) -> Vec<(String, Span)> {
    let rest = after_kinh_gui(text).unwrap_or(text);
    split_entries(rest)
        .into_iter()
        .map(|e| clean_entry(&e))
        .filter(|e| !e.is_empty())
        .map(|e| (e, span))
        .collect()
}

/// Whether line `k` opens with `Kính gửi` (also `Kính` / `gửi:` cut over two lines).
pub(crate) fn is_kinh_gui(lines: &[Line<'_>], k: usize) -> bool {
    after_kinh_gui(&flat(&lines[k])).is_some() || kinh_split_at(lines, k).is_some()
}

/// `Kính` alone on line `k` and `gửi:` opening one of the next two lines: that line.
fn kinh_split_at(lines: &[Line<'_>], k: usize) -> Option<usize> {
    let m = Cursor::new(lines).next_text(k + 1, lines.len())?;
    (m <= k + 2 && kinh_split(&lines[k].text, &lines[m].text)).then_some(m)
}

/// `Kính gửi: X` or `Kính gửi:` and a `- X;` list. Returns the entries and the next line.
pub(crate) fn kinh_gui(lines: &[Line<'_>], k: usize, end: usize) -> (Vec<(String, Span)>, usize) {
    struct Acc {
        out: Vec<(String, Span)>,
        /// The last entry as printed, its wrapped lines joined; cleaned into `out` when the
        /// entry ends (cleaning it again on each wrapped line would be quadratic).
        last_raw: String,
        wrapped: bool,
        open: bool,
        dashed: bool,
    }
    impl Acc {
        /// The last entry, cleaned, once it has ended.
        fn settle(&mut self) {
            if std::mem::take(&mut self.wrapped)
                && let Some(last) = self.out.last_mut()
            {
                last.0 = clean_entry(&self.last_raw);
            }
        }

        /// Add the entries of one line; a first piece without a dash continues the last entry
        /// when `continues` (the line wraps it).
        fn add(&mut self, s: &str, span: Span, continues: bool) {
            for (n, e) in split_entries(s).into_iter().enumerate() {
                let is_dash = e.starts_with(['-', '–', '+', '•']);
                if clean_entry(&e).is_empty() {
                    continue;
                }
                if n == 0 && !is_dash && continues && !self.out.is_empty() {
                    self.last_raw.push(' ');
                    self.last_raw.push_str(e.trim());
                    self.wrapped = true;
                    let last = self.out.last_mut().expect("entry");
                    last.1 = last.1.join(span);
                } else {
                    self.settle();
                    self.out.push((clean_entry(&e), span));
                    self.last_raw = e.trim().to_string();
                    self.dashed = is_dash;
                }
                self.open = !e.trim_end().ends_with([';', '.']);
            }
        }
    }
    let mut acc = Acc {
        out: Vec::new(),
        last_raw: String::new(),
        wrapped: false,
        open: false,
        dashed: false,
    };
    let (first, first_span, mut j) = match kinh_split_at(lines, k) {
        Some(m) => (
            format!("Kính {}", flat(&lines[m])),
            lines[k].span().join(lines[m].span()),
            m + 1,
        ),
        None => (flat(&lines[k]), lines[k].span(), k + 1),
    };
    let rest = after_kinh_gui(&first).unwrap_or("");
    if !rest.trim().is_empty() {
        acc.add(rest, first_span, false);
    }
    while j < end {
        let l = &lines[j];
        if l.is_void() {
            // blank lines inside a dashed list, or before its first entry: skip them at once
            let next = (j + 1..end).find(|&m| !lines[m].is_void());
            let dash_next = next.is_some_and(|m| lines[m].text.starts_with(['-', '–', '+', '•']));
            if acc.out.is_empty() || (acc.dashed && dash_next) {
                match next {
                    Some(m) => j = m,
                    None => break,
                }
                continue;
            }
            break;
        }
        let t = flat(l);
        if !acc.out.is_empty() && is_addressee_note(&t) {
            // the address of the entry above, in brackets
            acc.last_raw.push(' ');
            acc.last_raw.push_str(t.trim());
            acc.wrapped = true;
            let last = acc.out.last_mut().expect("entry");
            last.1 = last.1.join(l.span());
            j += 1;
            continue;
        }
        let is_dash = t.starts_with(['-', '–', '+', '•']);
        let marker = starts_with_marker(&t) || is_basis(&t);
        let wraps = !is_dash
            && !marker
            && !acc.out.is_empty()
            && acc.open
            && (starts_lower(&t) || (acc.dashed && t.chars().count() < 100));
        let single = acc.out.is_empty() && !is_dash && !marker && t.chars().count() < 150;
        if is_dash || wraps || single {
            acc.add(&t, l.span(), wraps);
            j += 1;
            if single {
                // one addressee on the next line; it may wrap once more
                continue;
            }
        } else {
            break;
        }
    }
    acc.settle();
    (acc.out, j)
}

/// An addressee's address in brackets on the line under it: `(địa chỉ: Lô LG1B, Khu TMCN Kim
/// Thành, phường Lào Cai, tỉnh Lào Cai)`, `(Trụ sở: …)`, `(Mã số thuế: …)`. A note on the
/// whole list (`(Theo Kế hoạch số 2242/KH-SCT)`) is none.
pub(crate) fn is_addressee_note(text: &str) -> bool {
    const ADDRESS: &[&str] = &[
        "địa chỉ",
        "đ/c",
        "trụ sở",
        "mã số thuế",
        "mst",
        "điện thoại",
    ];
    let t = text.trim().trim_end_matches([';', '.', ',']);
    let Some(inner) = t
        .strip_prefix('(')
        .filter(|_| t.ends_with(')') && t.len() <= 400)
    else {
        return false;
    };
    let head: String = inner.chars().take(12).collect::<String>().to_lowercase();
    ADDRESS.iter().any(|a| head.starts_with(a))
}

pub(crate) fn split_entries(s: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut starts = vec![];
    let chars: Vec<(usize, char)> = s.char_indices().collect();
    let mut depth = 0usize;
    for (k, &(i, c)) in chars.iter().enumerate() {
        match c {
            '(' => depth += 1,
            ')' => depth = depth.saturating_sub(1),
            // a semicolon ends an entry: `Yên Bái;Tổng công ty …` is two, when a capital
            // opens the next one; never inside a bracket (`(phòng A; phòng B)`) or after a
            // colon of the entry, which opens a list of its own (`VPCP: BTCN; Trợ lý TTg`)
            ';' if depth == 0 => {
                let entry = &s[starts.last().copied().unwrap_or(0)..i];
                let rest = s[i + 1..].trim_start();
                if rest.starts_with(char::is_uppercase) && !entry.contains(':') {
                    starts.push(s.len() - rest.len());
                }
            }
            _ => {}
        }
        if !matches!(c, '-' | '–' | '+' | '•' | '*') {
            continue;
        }
        let next_space = chars.get(k + 1).is_none_or(|&(_, n)| n.is_whitespace());
        if !next_space {
            continue;
        }
        let before = s[..i].trim_end();
        if before.is_empty() || before.ends_with([';', '.', ',', ':']) {
            starts.push(i);
        }
    }
    starts.sort_unstable();
    starts.dedup();
    if starts.first() != Some(&0) {
        starts.insert(0, 0);
    }
    for (k, &a) in starts.iter().enumerate() {
        let b = starts.get(k + 1).copied().unwrap_or(s.len());
        let e = s[a..b].trim();
        if !e.is_empty() {
            out.push(e.to_string());
        }
    }
    out
}

/// Drop a leading `- ` and a trailing `;`, `.`, `,`.
pub(crate) fn clean_entry(s: &str) -> String {
    let t = s
        .trim()
        .trim_start_matches(['-', '–', '+', '•', '*'])
        .trim_start();
    let t = t.trim_end_matches(|c: char| c.is_whitespace() || matches!(c, ';' | ',' | '.'));
    let t = t.strip_suffix("./").unwrap_or(t);
    fold_ws(t)
}

/// Split a `Lưu:` entry on commas outside parentheses; trailing `.` dropped.
pub(crate) fn archive_entries(raw: &str) -> Vec<String> {
    let body = after_luu(raw);
    let mut out = Vec::new();
    let mut depth = 0i32;
    let mut cur = String::new();
    for c in body.chars() {
        match c {
            '(' | '[' => depth += 1,
            ')' | ']' => depth -= 1,
            _ => {}
        }
        if c == ',' && depth <= 0 {
            out.push(std::mem::take(&mut cur));
        } else {
            cur.push(c);
        }
    }
    out.push(cur);
    out.into_iter()
        .map(|e| {
            fold_ws(
                e.trim()
                    .trim_end_matches(|c: char| c == '.' || c == ';' || c.is_whitespace()),
            )
        })
        .filter(|e| !e.is_empty())
        .collect()
}

#[cfg(test)]
mod tests {

    #[test]
    fn an_address_under_the_addressee_belongs_to_it() {
        let ls = crate::lines::split_lines(
            "Kính gửi: Công ty Cổ phần Khánh An\n    (Địa chỉ: Số 31, phố Tân Xuân 3, Hà Nội)\nCăn cứ Giấy phép số 197/GP-BNNMT;\n",
        );
        let (to, next) = kinh_gui(&ls, 0, ls.len());
        assert_eq!(to.len(), 1);
        assert_eq!(
            to[0].0,
            "Công ty Cổ phần Khánh An (Địa chỉ: Số 31, phố Tân Xuân 3, Hà Nội)"
        );
        assert_eq!(next, 2);
        // a note on the whole list is no address
        assert!(!is_addressee_note(
            "(Theo Kế hoạch số 2242/KH-SCT ngày 23/4/2026)"
        ));
        assert!(is_addressee_note("(Mã số thuế: 0101234567);"));
    }
    use super::*;
    use crate::lines::split_lines;

    #[test]
    fn entries_and_archive() {
        assert_eq!(
            split_entries("- Như Điều 3; - Lưu: VT, VP."),
            ["- Như Điều 3;", "- Lưu: VT, VP."]
        );
        assert_eq!(
            split_entries("- Công ty A;Tổng công ty B; (Ban C; Ban D)"),
            ["- Công ty A;", "Tổng công ty B; (Ban C; Ban D)"]
        );
        assert_eq!(
            split_entries("- VPCP: BTCN; Trợ lý TTg"),
            ["- VPCP: BTCN; Trợ lý TTg"]
        );
        assert_eq!(clean_entry("- Sở Tài chính;"), "Sở Tài chính");
        assert_eq!(
            archive_entries("Lưu: VT, KGVX (Nguyễn, Trần)."),
            ["VT", "KGVX (Nguyễn, Trần)"]
        );
    }

    #[test]
    fn kinh_gui_one_line_and_a_list() {
        let ls = split_lines("Kính gửi: Sở Tài chính\nNội dung.\n");
        assert!(is_kinh_gui(&ls, 0));
        let (to, next) = kinh_gui(&ls, 0, ls.len());
        assert_eq!(
            to.iter().map(|t| t.0.as_str()).collect::<Vec<_>>(),
            ["Sở Tài chính"]
        );
        assert_eq!(next, 1);
        let ls = split_lines("Kính gửi:\n- Sở Tài chính;\n- Sở Nội vụ.\nCăn cứ Luật;\n");
        let (to, next) = kinh_gui(&ls, 0, ls.len());
        assert_eq!(to.len(), 2);
        assert_eq!(next, 3);
    }
}
