//! The preamble of decisions, resolutions and normative acts: the authority line, căn cứ lines,
//! proposals and the enacting formula (`QUYẾT ĐỊNH:`).

use crate::ast::{Preamble, Text};
use crate::cues::preamble::{is_basis, is_formula, is_proposal};
use crate::lines::Line;
use crate::viet::{ends_sentence, is_upper, starts_lower};

/// Parse a preamble at `idx` (indices of non-void lines in order). Returns the preamble and how
/// many of those lines it used; `None` when the lines hold no căn cứ and no enacting formula.
pub(crate) fn parse(lines: &[Line<'_>], idx: &[usize]) -> Option<(Preamble, usize)> {
    let mut p = Preamble::default();
    let mut k = 0;
    let text = |k: usize| &*lines[idx[k]].text;
    // the authority line(s): capitals before the first căn cứ
    let mut auth: Vec<usize> = Vec::new();
    while k < idx.len() && k < 3 && is_upper(text(k)) && !is_formula(text(k)) {
        auth.push(k);
        k += 1;
    }
    let first_basis = k;
    let mut last_kind = 0u8; // 1 basis, 2 proposal
    while k < idx.len() {
        let t = text(k);
        let span = lines[idx[k]].span();
        if is_basis(t) {
            p.bases.push(Text {
                text: t.to_string(),
                span,
            });
            last_kind = 1;
        } else if is_proposal(t) {
            p.proposals.push(Text {
                text: t.to_string(),
                span,
            });
            last_kind = 2;
        } else if is_formula(t)
            || (last_kind != 0
                && t.ends_with(':')
                && t.chars().count() < 300
                && !lines[idx[k]].opens_with_marker())
        {
            p.enacting = Some(Text {
                text: t.to_string(),
                span,
            });
            k += 1;
            break;
        } else if last_kind != 0
            && (starts_lower(t) || !prev_ended(&p, last_kind))
            && !lines[idx[k]].opens_with_marker()
        {
            // a căn cứ wrapped over lines
            let target = if last_kind == 1 {
                p.bases.last_mut()
            } else {
                p.proposals.last_mut()
            };
            if let Some(x) = target {
                x.text.push(' ');
                x.text.push_str(t);
                x.span = x.span.join(span);
            }
        } else {
            break;
        }
        k += 1;
    }
    if p.bases.is_empty() && p.enacting.is_none() {
        return None;
    }
    if k == first_basis && p.enacting.is_none() {
        return None;
    }
    if !auth.is_empty() {
        let span = auth
            .iter()
            .map(|&a| lines[idx[a]].span())
            .reduce(|a, b| a.join(b))
            .expect("authority lines");
        let t: Vec<&str> = auth.iter().map(|&a| text(a)).collect();
        p.authority = Some(Text {
            text: t.join(" "),
            span,
        });
    }
    p.span = (0..k)
        .map(|j| lines[idx[j]].span())
        .reduce(|a, b| a.join(b))
        .unwrap_or_default();
    Some((p, k))
}

fn prev_ended(p: &Preamble, kind: u8) -> bool {
    let last = if kind == 1 {
        p.bases.last()
    } else {
        p.proposals.last()
    };
    last.is_none_or(|t| ends_sentence(&t.text) || t.text.ends_with(','))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lines::split_lines;

    #[test]
    fn decision_preamble() {
        let ls = split_lines(
            "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH LÀO CAI\nCăn cứ Luật Tổ chức chính quyền địa phương;\nCăn cứ Nghị định số 30/2020/NĐ-CP\nngày 05/3/2020 của Chính phủ;\nTheo đề nghị của Giám đốc Sở Nội vụ.\nQUYẾT ĐỊNH:\nĐiều 1. Nội dung\n",
        );
        let idx: Vec<usize> = (0..ls.len()).collect();
        let (p, used) = parse(&ls, &idx).unwrap();
        assert_eq!(used, 6);
        assert_eq!(
            p.authority.unwrap().text,
            "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH LÀO CAI"
        );
        assert_eq!(p.bases.len(), 2);
        assert!(p.bases[1].text.ends_with("của Chính phủ;"));
        assert_eq!(p.proposals.len(), 1);
        assert_eq!(p.enacting.unwrap().text, "QUYẾT ĐỊNH:");
    }

    #[test]
    fn notices_have_none() {
        let ls = split_lines("Ngày 23/8/2024, tại trụ sở UBND tỉnh.\nI. Đánh giá\n");
        let idx: Vec<usize> = (0..ls.len()).collect();
        assert!(parse(&ls, &idx).is_none());
    }
}
