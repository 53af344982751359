//! Cells: the pieces of a row that extraction left side by side — split at tabs, `|` and rules
//! inside the row (`Số: 12/UBND<TAB>Lào Cai, ngày …`, `| Kính gửi: | - Bộ Tài chính; |`), and,
//! in the closing block, at wide gaps between the Nơi nhận and signature columns.

use crate::ast::Span;
use crate::lines::Line;
use crate::lines::artefacts::is_rule;
use crate::viet::clean;

/// A cell of a line: a piece between tabs, `|` or rules, cleaned, with its byte range.
#[derive(Debug, Clone)]
pub(crate) struct Cell {
    pub text: String,
    pub span: Span,
}

/// The cells of a line: split on tabs, `|` and rules inside the row, each cleaned; split once
/// per line, on first asking.
pub(crate) fn cells<'l>(line: &'l Line<'_>) -> &'l [Cell] {
    line.cells
        .get_or_init(|| split_cells(line).into_boxed_slice())
}

/// The cells of a line, split afresh (see [`cells`]).
fn split_cells(line: &Line<'_>) -> Vec<Cell> {
    let mut out = Vec::new();
    let raw = line.raw;
    let mut last = 0;
    let push = |a: usize, b: usize, out: &mut Vec<Cell>| {
        let t = clean(&raw[a..b]);
        if !t.is_empty() && !is_rule(&t) {
            out.push(Cell {
                text: t,
                span: Span {
                    start: line.start + a,
                    end: line.start + b,
                    line_start: line.no,
                    line_end: line.no,
                },
            });
        }
    };
    for (a, b) in separators(raw) {
        push(last, a, &mut out);
        last = b;
    }
    push(last, raw.len(), &mut out);
    // a label cut from its value by a tab (`Số:<TAB>/BC-UBND`) belongs with it
    let mut merged: Vec<Cell> = Vec::with_capacity(out.len());
    for c in out {
        match merged.last_mut() {
            Some(prev) if prev.text.ends_with(':') && prev.text.chars().count() <= 12 => {
                prev.text.push(' ');
                prev.text.push_str(&c.text);
                prev.span = prev.span.join(c.span);
            }
            _ => merged.push(c),
        }
    }
    merged
}

/// Cells of a closing-block line: the line's cells, each split again at wide gaps (four or more
/// spaces), since the Nơi nhận and signature columns often stand side by side with runs of
/// spaces between.
pub(crate) fn cells_at_gaps<'l>(line: &'l Line<'_>) -> std::borrow::Cow<'l, [Cell]> {
    let cs = cells(line);
    let gapped = |c: &Cell| {
        let raw = &line.raw[c.span.start - line.start..c.span.end - line.start];
        wide_gaps(raw.trim()).next().is_some()
    };
    // (most lines have no wide gap: their cells as they are, not copied)
    if !cs.iter().any(gapped) {
        return std::borrow::Cow::Borrowed(cs);
    }
    let mut out = Vec::new();
    for c in cs {
        let raw = &line.raw[c.span.start - line.start..c.span.end - line.start];
        if wide_gaps(raw.trim()).next().is_none() {
            out.push(c.clone());
            continue;
        }
        let base = c.span.start;
        let mut last = 0;
        let push = |a: usize, b: usize, out: &mut Vec<Cell>| {
            let t = clean(&raw[a..b]);
            if !t.is_empty() {
                out.push(Cell {
                    text: t,
                    span: Span {
                        start: base + a,
                        end: base + b,
                        ..c.span
                    },
                });
            }
        };
        for (a, b) in wide_gaps(raw) {
            push(last, a, &mut out);
            last = b;
        }
        push(last, raw.len(), &mut out);
    }
    std::borrow::Cow::Owned(out)
}

/// A line's cells joined by one space (`| Kính gửi: | - Bộ Tài chính; |` → `Kính gửi: - Bộ …`).
pub(crate) fn flat(line: &Line<'_>) -> String {
    let cs = cells(line);
    if cs.is_empty() {
        return line.text.to_string();
    }
    cs.iter()
        .map(|c| c.text.as_str())
        .collect::<Vec<_>>()
        .join(" ")
}

/// Where a row is split into cells: a tab, a `|`, a rule of three or more dashes (with one
/// space on each side), or two spaces and more before a rule of dashes. Byte ranges, left to
/// right.
fn separators(raw: &str) -> impl Iterator<Item = (usize, usize)> + '_ {
    const RULE: &[char] = &['-', '_', '=', '—', '–'];
    // where a run of white space ends that is not followed by a rule of dashes: inside it the
    // last branch fails at every start, so it is not tried again (linear on long runs)
    let mut no_rule_after = 0;
    let mut at = move |i: usize| -> Option<usize> {
        let t = &raw[i..];
        let c = t.chars().next()?;
        if c == '\t' || c == '|' {
            return Some(1);
        }
        // (a space between two words, the common case, opens no separator)
        if c == ' ' && t[1..].starts_with(|n: char| !n.is_whitespace() && !RULE.contains(&n)) {
            return None;
        }
        // ` ?[-_=—–]{3,} ?`
        let body = t.strip_prefix(' ').unwrap_or(t);
        let rest = body.trim_start_matches(RULE);
        if body[..body.len() - rest.len()].chars().count() >= 3 {
            let rest = rest.strip_prefix(' ').unwrap_or(rest);
            return Some(t.len() - rest.len());
        }
        // `\s{2,}[-–—]{2,}`
        if i < no_rule_after || !c.is_whitespace() {
            return None;
        }
        let r = t.trim_start();
        let rest = r.trim_start_matches(['-', '–', '—']);
        if t[..t.len() - r.len()].chars().count() >= 2
            && r[..r.len() - rest.len()].chars().count() >= 2
        {
            return Some(t.len() - rest.len());
        }
        if r[..r.len() - rest.len()].chars().count() < 2 {
            no_rule_after = raw.len() - r.len();
        }
        None
    };
    let bytes = raw.as_bytes();
    let mut k = 0;
    std::iter::from_fn(move || {
        while k < bytes.len() {
            // cheap byte test first: a separator opens with a tab, `|`, a space or a dash (ASCII),
            // or a character led by one of these bytes (dashes, wide spaces); the others are
            // letters, and continuation bytes are never tried (so `k` stays on a boundary)
            let candidate = match bytes[k] {
                b'\t' | b'|' | b' ' | b'-' | b'_' | b'=' | 0x0B..=0x0D => true,
                // (E1 leads the Vietnamese letters too: of its characters only U+1680, the
                // ogham space, is white space, and none is a dash)
                0xE1 => bytes.get(k + 1..k + 3) == Some(&[0x9A, 0x80]),
                0xC2 | 0xE2 | 0xE3 => raw[k..]
                    .chars()
                    .next()
                    .is_some_and(|c| RULE.contains(&c) || c.is_whitespace()),
                _ => false,
            };
            if candidate && let Some(n) = at(k) {
                let start = k;
                k += n;
                return Some((start, start + n));
            }
            k += 1;
        }
        None
    })
}

/// Runs of four or more white-space characters: byte ranges, left to right.
fn wide_gaps(raw: &str) -> impl Iterator<Item = (usize, usize)> + '_ {
    let mut from = 0;
    std::iter::from_fn(move || {
        while from < raw.len() {
            let rest = &raw[from..];
            let (k, _) = rest.char_indices().find(|&(_, c)| c.is_whitespace())?;
            let start = from + k;
            let run = &raw[start..];
            let after = run.trim_start();
            let end = raw.len() - after.len();
            from = end;
            if run[..run.len() - after.len()].chars().count() >= 4 {
                return Some((start, end));
            }
        }
        None
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lines::split_lines;

    #[test]
    fn separators_and_gaps() {
        let seps: Vec<_> = separators("a\tb|c --- d  -- e").collect();
        assert_eq!(seps, [(1, 2), (3, 4), (5, 10), (11, 15)]);
        assert_eq!(
            wide_gaps("a    b  c     d").collect::<Vec<_>>(),
            [(1, 5), (9, 14)]
        );
        let ls = split_lines("Nơi nhận:       KT. CHỦ TỊCH\n");
        let cs = cells_at_gaps(&ls[0]);
        assert_eq!(cs.len(), 2);
        assert_eq!(flat(&ls[0]), "Nơi nhận: KT. CHỦ TỊCH");
    }
}
