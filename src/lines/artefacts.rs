//! Artefacts of extraction, recognised on a line's text: rules (`-----`, `___`, `* * *`),
//! markdown table rules (`|---|:--:|`), page numbers (`- 2 -`, `2/5`) and the lines that signing
//! software stamps on a PDF (`Ký bởi: Văn phòng UBND tỉnh`, `Thời gian ký: …`).

use nom::Parser;

use crate::cues::scan::{one_of_ci, ws0};

/// A line of rule characters only (`-----`, `___`, `= = =`, `* * *`, `oOo`), or empty.
pub(crate) fn is_rule(t: &str) -> bool {
    t.chars().all(|c| {
        c.is_whitespace()
            || matches!(
                c,
                '_' | '='
                    | '~'
                    | '*'
                    | '.'
                    | '-'
                    | '–'
                    | '—'
                    | '‒'
                    | '―'
                    | '•'
                    | '·'
                    | 'o'
                    | 'O'
                    | '0'
                    | '&'
            )
    })
}

/// A run of at least `n` dashes at the start of `i`, each in `set`: its length.
fn dashes<'a>(i: &'a str, set: &[char], n: usize) -> Option<&'a str> {
    let rest = i.trim_start_matches(set);
    let count = i[..i.len() - rest.len()].chars().count();
    (count >= n).then_some(rest)
}

/// A markdown table's rule row: `|---|---|`, `| :-- | --: |`, `---|---`.
pub(crate) fn is_table_rule(t: &str) -> bool {
    fn cell(i: &str) -> Option<&str> {
        let i = i.trim_start();
        let i = i.strip_prefix(':').unwrap_or(i);
        let i = dashes(i, &['-'], 2)?;
        let i = i.strip_prefix(':').unwrap_or(i);
        i.trim_start().strip_prefix('|')
    }
    let t = t.trim_start();
    let mut rest = t.strip_prefix('|').unwrap_or(t);
    let mut cells = 0;
    while let Some(r) = cell(rest) {
        rest = r;
        cells += 1;
    }
    if cells == 0 {
        return false;
    }
    let r = rest.trim_start();
    let r = r.strip_prefix(':').unwrap_or(r);
    let r = r.trim_start_matches('-');
    let r = r.strip_prefix(':').unwrap_or(r);
    r.trim_start().is_empty()
}

/// A page number alone: `12`, `- 12 -`, `–3–`.
pub(crate) fn is_page_number(t: &str) -> bool {
    let edge = |c: char| c == '-' || c == '–' || c.is_whitespace();
    let core = t.trim_matches(edge);
    (1..=3).contains(&core.len()) && core.bytes().all(|b| b.is_ascii_digit())
}

/// A page of pages alone, whatever stands around it: `2/5`, `1:1`, `3 / 12`.
pub(crate) fn is_page_of(t: &str) -> bool {
    fn digits(s: &str) -> Option<&str> {
        let n = s.bytes().take_while(u8::is_ascii_digit).count();
        (1..=3).contains(&n).then(|| &s[n..])
    }
    let Some(r) = digits(t) else {
        return false;
    };
    let r = r.trim_start();
    let Some(r) = r.strip_prefix(['/', ':']) else {
        return false;
    };
    digits(r.trim_start()).is_some_and(str::is_empty)
}

/// A line stamped by signing software: `Ký bởi: …`, `Người ký: …`, `Thời gian ký: …`,
/// `Ngày ký: …`, `Chứng thư số: …`.
pub(crate) fn is_signing_stamp(t: &str) -> bool {
    (
        one_of_ci(&[
            "ký bởi",
            "người ký",
            "thời gian ký",
            "ngày ký",
            "chứng thư số",
        ]),
        ws0,
        nom::character::complete::char(':'),
    )
        .parse(t)
        .is_ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rules_and_page_numbers() {
        assert!(is_rule("-----"));
        assert!(is_rule("* * *"));
        assert!(is_rule("oOo"));
        assert!(!is_rule("--- a"));
        assert!(is_table_rule("|---|:--:|"));
        assert!(is_table_rule("| --- | --- |"));
        assert!(is_table_rule("---|---|--"));
        assert!(!is_table_rule("| a | b |"));
        assert!(!is_table_rule("|-|"));
        assert!(is_page_number("- 12 -"));
        assert!(is_page_number("3"));
        assert!(!is_page_number("1234"));
        assert!(!is_page_number("--"));
        assert!(is_page_of("2/5"));
        assert!(is_page_of("1 : 1"));
        assert!(!is_page_of(" 2/5"));
        assert!(!is_page_of("2/5/6"));
        assert!(is_signing_stamp("Ký bởi: Văn phòng UBND tỉnh"));
        assert!(is_signing_stamp("THỜI GIAN KÝ : 12/6/2026"));
        assert!(!is_signing_stamp("Ngày ký hợp đồng"));
    }
}
