//! Nội dung (ô 6): the body as nested blocks — Phần, Chương, Mục, Tiểu mục, Điều, khoản,
//! Roman-numeral sections, numbered items (`1.`, `1.1.`), điểm `a)`, bullets and paragraphs,
//! with paragraphs split by a blank line or a page break joined back.

use crate::ast::{Block, BlockKind, Span};
use crate::cues::marker::{Marker, POINT_LETTERS, is_valid_roman, roman_value};
use crate::diagnostic::{Code, Severity, Sink};
use crate::lines::Line;
use crate::viet::{ends_sentence, is_upper, starts_lower};

/// A label's place in its sequence, and the insertion suffix (`10a` → (10, Some(1)); `a1` →
/// (0, Some(1)); `II` → (2, None)). `None` for labels that are not numbered (`THỨ NHẤT`).
fn ordinal(kind: BlockKind, label: &str) -> Option<(u32, Option<u32>)> {
    match kind {
        BlockKind::Point => {
            let mut cs = label.chars();
            let l = cs.next()?;
            let idx = POINT_LETTERS.chars().position(|c| c == l)? as u32;
            let rest: String = cs.collect();
            let sub = if rest.is_empty() {
                None
            } else {
                rest.parse().ok()
            };
            Some((idx, sub))
        }
        BlockKind::Part | BlockKind::Chapter | BlockKind::Section
            if label.chars().all(|c| c.is_ascii_uppercase()) =>
        {
            is_valid_roman(label).then(|| (roman_value(label), None))
        }
        _ => {
            let digits: String = label.chars().take_while(char::is_ascii_digit).collect();
            let n: u32 = digits.parse().ok()?;
            let suffix = &label[digits.len()..];
            let sub = suffix
                .chars()
                .next()
                .map(|c| "abcdđe".chars().position(|x| x == c).unwrap_or(0) as u32 + 1);
            Some((n, sub))
        }
    }
}

fn kind_name(kind: BlockKind) -> &'static str {
    match kind {
        BlockKind::Part => "Phần",
        BlockKind::Chapter => "Chương",
        BlockKind::Section => "Mục",
        BlockKind::Subsection => "Tiểu mục",
        BlockKind::Article => "Điều",
        BlockKind::Clause => "khoản",
        BlockKind::Item => "item",
        BlockKind::Point => "điểm",
        _ => "block",
    }
}

/// Builds the block tree line by line.
pub(crate) struct BodyBuilder {
    roots: Vec<Block>,
    /// Path of open blocks (indices from the root) with their ranks.
    open: Vec<(usize, u8)>,
    /// Whether the last text went into a paragraph (true) or a marker block (false).
    last_is_heading: bool,
    last_line_len: usize,
    gap: bool,
    has_text: bool,
    in_article: bool,
    /// The last block opened is a heading whose title may continue on capital lines
    /// (`Chương I` / `QUY ĐỊNH CHUNG`).
    heading_open: bool,
    /// The last Điều label (articles are numbered through the whole document).
    last_article: Option<String>,
    /// Numbering that skips or restarts, reported as it is found.
    findings: Sink,
}

impl BodyBuilder {
    pub(crate) fn new() -> Self {
        BodyBuilder {
            roots: Vec::new(),
            open: Vec::new(),
            last_is_heading: false,
            last_line_len: 0,
            gap: false,
            has_text: false,
            in_article: false,
            heading_open: false,
            last_article: None,
            findings: Sink::default(),
        }
    }

    fn container(&mut self) -> &mut Vec<Block> {
        let mut v = &mut self.roots;
        for &(i, _) in &self.open {
            v = &mut v[i].children;
        }
        v
    }

    fn last_block(&mut self) -> Option<&mut Block> {
        self.container().last_mut()
    }

    fn deepest_open(&mut self) -> Option<&mut Block> {
        // (the path and the tree are separate fields: walked without copying the path)
        let ((first, _), rest) = self.open.split_first()?;
        let mut b = &mut self.roots[*first];
        for &(i, _) in rest {
            b = &mut b.children[i];
        }
        Some(b)
    }

    /// A line that signals a gap before the next one (blank line, page break, artefact).
    pub(crate) fn gap(&mut self) {
        self.gap = true;
    }

    /// Add one body line, `m` the marker it opens with.
    pub(crate) fn push(
        &mut self,
        text: &str,
        m: Option<&Marker>,
        span: Span,
        join_continuations: bool,
    ) {
        let m = m.cloned();
        // the title of a Phần, Chương or Mục on the capital line(s) under its marker
        if m.is_none() && self.heading_open && is_upper(text) {
            if let Some(b) = self.deepest_open() {
                if !b.text.is_empty() {
                    b.text.push(' ');
                }
                b.text.push_str(text);
                b.span = b.span.join(span);
            }
            self.extend_open(span);
            self.gap = false;
            return;
        }
        self.heading_open = false;
        if m.is_none() && self.has_text && join_continuations && self.continues(text) {
            let target = self.text_target();
            if let Some(b) = target {
                if !b.text.is_empty() {
                    b.text.push(' ');
                }
                b.text.push_str(text);
                b.span = b.span.join(span);
                self.extend_open(span);
                self.last_line_len = text.chars().count();
                self.gap = false;
                return;
            }
        }
        self.gap = false;
        self.last_line_len = text.chars().count();
        self.has_text = true;
        match m {
            Some(m) => {
                let mut kind = m.kind;
                if kind == BlockKind::Article {
                    self.in_article = true;
                }
                if matches!(kind, BlockKind::Part | BlockKind::Chapter) {
                    self.in_article = false;
                }
                if kind == BlockKind::Item && self.in_article && m.rank == 6 {
                    kind = BlockKind::Clause;
                }
                while let Some(&(_, r)) = self.open.last() {
                    if r >= m.rank {
                        self.open.pop();
                    } else {
                        break;
                    }
                }
                let rest = text[m.len..].trim().to_string();
                self.last_is_heading = ends_heading(&rest);
                self.heading_open = matches!(
                    kind,
                    BlockKind::Part | BlockKind::Chapter | BlockKind::Subsection
                ) || (kind == BlockKind::Section
                    && (m.rank == 2 || rest.is_empty()))
                    || (kind.is_labelled()
                        && !rest.is_empty()
                        && is_upper(&rest)
                        && rest.chars().count() < 120);
                self.check_numbering(kind, &m.label, span.line_start);
                let block = Block {
                    kind,
                    label: Some(m.label),
                    marker: Some(m.printed),
                    text: rest,
                    children: Vec::new(),
                    span,
                };
                let c = self.container();
                c.push(block);
                let idx = c.len() - 1;
                self.extend_open(span);
                self.open.push((idx, m.rank));
            }
            None => {
                self.last_is_heading = false;
                let block = Block {
                    kind: BlockKind::Paragraph,
                    label: None,
                    marker: None,
                    text: text.to_string(),
                    children: Vec::new(),
                    span,
                };
                self.extend_open(span);
                self.container().push(block);
            }
        }
    }

    /// Grow the spans of every open block to cover `span`.
    fn extend_open(&mut self, span: Span) {
        let mut v = &mut self.roots;
        for &(i, _) in &self.open {
            let b = &mut v[i];
            b.span = b.span.join(span);
            v = &mut b.children;
        }
    }

    /// The block whose text a continuation line extends: the last block pushed.
    fn text_target(&mut self) -> Option<&mut Block> {
        // the last pushed block is either the deepest open block (a marker block with no
        // paragraph after it) or the last paragraph inside the deepest container
        let container_last_is_para = {
            let c = self.container();
            c.last().is_some_and(|b| b.kind == BlockKind::Paragraph)
        };
        if container_last_is_para {
            self.last_block()
        } else {
            self.deepest_open()
        }
    }

    fn continues(&self, text: &str) -> bool {
        if starts_lower(text) {
            return true;
        }
        if self.last_is_heading {
            return false;
        }
        let prev_open = !self.prev_ended_sentence();
        if !prev_open {
            return false;
        }
        if is_upper(text) {
            return false;
        }
        // a wrapped line (long) or a paragraph cut by a page break
        self.last_line_len >= 60
    }

    fn prev_ended_sentence(&self) -> bool {
        self.last_text().is_none_or(ends_sentence)
    }

    fn last_text(&self) -> Option<&str> {
        let mut v = &self.roots;
        let mut deepest: Option<&Block> = None;
        for &(i, _) in &self.open {
            deepest = Some(&v[i]);
            v = &v[i].children;
        }
        match v.last() {
            Some(b) if b.kind == BlockKind::Paragraph => Some(&b.text),
            _ => deepest.map(|b| b.text.as_str()),
        }
    }

    /// Compare a new label with the one before it at the same level; report a skip or a
    /// restart. Articles are compared through the whole document, the others within their
    /// parent.
    fn check_numbering(&mut self, kind: BlockKind, label: &str, line: u32) {
        if matches!(kind, BlockKind::Bullet | BlockKind::Paragraph) || label.contains('.') {
            return;
        }
        let prev: Option<String> = if kind == BlockKind::Article {
            self.last_article.replace(label.to_string())
        } else {
            self.container()
                .iter()
                .rev()
                .find(|b| b.kind == kind && b.label.as_deref().is_some_and(|l| !l.contains('.')))
                .and_then(|b| b.label.clone())
        };
        let Some(prev) = prev else {
            return;
        };
        let (Some(p), Some(c)) = (ordinal(kind, &prev), ordinal(kind, label)) else {
            return;
        };
        let name = kind_name(kind);
        // an inserted unit (`Điều 10a`, `5a.`, `a1)`) follows its base or another insertion
        if c.1.is_some() && c.0 != p.0 {
            let code = if c.0 > p.0 {
                Code::NumberingSkip
            } else {
                Code::NumberingRestart
            };
            self.report(
                line,
                code,
                format!("{name} {label} is inserted after {name} {prev}, not after its base"),
            );
        } else if c.0 > p.0 + 1 && c.1.is_none() {
            self.report(
                line,
                Code::NumberingSkip,
                format!("{name} {label} follows {name} {prev}: numbering skips"),
            );
        } else if c <= p {
            self.report(
                line,
                Code::NumberingRestart,
                format!("{name} {label} follows {name} {prev}: numbering goes back or repeats"),
            );
        }
    }

    /// A numbering finding at line `line`.
    fn report(&mut self, line: u32, code: Code, message: String) {
        self.findings.at(Severity::Warning, code, message, line, 1);
    }

    /// Rank of the deepest open block.
    pub(crate) fn open_rank(&self) -> Option<u8> {
        self.open.last().map(|&(_, r)| r)
    }

    /// A line inside a quotation: content of the block that holds the quotation.
    pub(crate) fn push_quoted(&mut self, text: &str, span: Span) {
        self.gap = false;
        self.last_line_len = text.chars().count();
        self.has_text = true;
        self.last_is_heading = false;
        self.extend_open(span);
        self.container().push(Block {
            kind: BlockKind::Paragraph,
            label: None,
            marker: None,
            text: text.to_string(),
            children: Vec::new(),
            span,
        });
    }

    pub(crate) fn finish(self) -> Vec<Block> {
        self.roots
    }
}

/// A marker line whose text is a heading (short, no closing punctuation) is never continued.
fn ends_heading(rest: &str) -> bool {
    !ends_sentence(rest) && rest.chars().count() < 150
}

/// How far a line moves the quotation depth: curly quotes anywhere, a straight `"` only when it
/// opens the line and is not closed on it.
fn quote_delta(text: &str) -> i32 {
    let open = text.matches(['“', '«']).count() as i32;
    let close = text.matches(['”', '»']).count() as i32;
    let mut d = open - close;
    if open == 0 && close == 0 && text.starts_with('"') && text.matches('"').count() % 2 == 1 {
        d = 1;
    }
    d
}

/// Whether a line opens a quotation of provisions: it starts with a quote mark, or a quote
/// mark follows a colon (`… quy định: “1. …`). A stray quote mark in a sentence does not.
fn opens_quotation(text: &str) -> bool {
    if text.starts_with(['“', '"', '«']) {
        return true;
    }
    text.match_indices(':')
        .any(|(at, _)| text[at + 1..].trim_start().starts_with(['“', '"', '«']))
}

/// Longest quotation kept as content before the parser gives up waiting for the closing mark.
const MAX_QUOTE_LINES: usize = 80;

/// Parse body lines into blocks. Lines are given as indices into `lines`; numbering that
/// skips or restarts is reported to `sink`.
///
/// Text quoted inside a provision (`Khoản 1 Điều 12 Luật … quy định: “1. …”`) is content: its
/// markers open no blocks.
pub(crate) fn parse(lines: &[Line<'_>], idx: &[usize], join: bool, sink: &mut Sink) -> Vec<Block> {
    let mut b = BodyBuilder::new();
    let mut depth = 0i32;
    let mut quoted_lines = 0usize;
    let mut quote_rank: Option<u8> = None;
    for &i in idx {
        let l = &lines[i];
        if l.is_void() {
            b.gap();
            continue;
        }
        // a heading above the level of the block that holds the quotation closes it
        let closes = quote_rank.is_some_and(|r| {
            l.marker()
                .is_some_and(|m| m.kind != BlockKind::Bullet && m.rank < r)
        });
        if depth > 0 && quoted_lines < MAX_QUOTE_LINES && !closes {
            b.push_quoted(&l.text, l.span());
            quoted_lines += 1;
            depth = (depth + quote_delta(&l.text)).max(0);
            if l.text.trim_end().ends_with('"') && !l.text.contains(['“', '”']) {
                depth = 0;
            }
            continue;
        }
        depth = 0;
        quoted_lines = 0;
        b.push(&l.text, l.marker(), l.span(), join);
        if opens_quotation(&l.text) {
            depth = quote_delta(&l.text).max(0);
            quote_rank = b.open_rank();
        }
    }
    sink.append(&mut b.findings);
    b.finish()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lines::split_lines;

    fn outline(s: &str) -> Vec<(BlockKind, Option<String>, usize)> {
        let ls = split_lines(s);
        let idx: Vec<usize> = (0..ls.len()).collect();
        parse(&ls, &idx, true, &mut Sink::default())
            .into_iter()
            .map(|b| (b.kind, b.label, b.children.len()))
            .collect()
    }

    #[test]
    fn a_bare_roman_marker_takes_its_heading_from_the_next_line() {
        let ls = split_lines("I.\nNHỮNG QUY ĐỊNH CHUNG\n1. Quy định:\nNội dung.\n");
        let idx: Vec<usize> = (0..ls.len()).collect();
        let b = parse(&ls, &idx, true, &mut Sink::default());
        assert_eq!(b.len(), 1);
        assert_eq!(b[0].kind, BlockKind::Section);
        assert_eq!(b[0].text, "NHỮNG QUY ĐỊNH CHUNG");
        assert_eq!(b[0].children.len(), 1);
    }

    #[test]
    fn nesting_sections_items_bullets() {
        let o = outline(
            "Mở đầu.\nI. Đánh giá\nNội dung.\nII. Nhiệm vụ\n1. Một\n- a\n- b\n2. Hai\nIII. Kiến nghị\n",
        );
        assert_eq!(
            o,
            vec![
                (BlockKind::Paragraph, None, 0),
                (BlockKind::Section, Some("I".into()), 1),
                (BlockKind::Section, Some("II".into()), 2),
                (BlockKind::Section, Some("III".into()), 0),
            ]
        );
    }

    #[test]
    fn page_break_continuation_is_joined() {
        let ls = split_lines(
            "7. Tiếp tục hỗ trợ cho đối tượng\n\nngười có công và các đối tượng yếu thế.\n8. Tiếp\n",
        );
        let idx: Vec<usize> = (0..ls.len()).collect();
        let b = parse(&ls, &idx, true, &mut Sink::default());
        assert_eq!(b.len(), 2);
        assert_eq!(
            b[0].text,
            "Tiếp tục hỗ trợ cho đối tượng người có công và các đối tượng yếu thế."
        );
        assert_eq!(b[0].children.len(), 0);
    }

    #[test]
    fn headings_are_not_continued() {
        let ls = split_lines("I. Đánh giá chung\n\nTrong 8 tháng đầu năm.\n");
        let idx: Vec<usize> = (0..ls.len()).collect();
        let b = parse(&ls, &idx, true, &mut Sink::default());
        assert_eq!(b[0].text, "Đánh giá chung");
        assert_eq!(b[0].children.len(), 1);
    }

    #[test]
    fn quotations_open_at_a_quote_mark_or_after_a_colon() {
        assert!(opens_quotation("“1. Nội dung"));
        assert!(opens_quotation(
            "Khoản 1 Điều 12 được sửa đổi như sau:  “1. Nội dung"
        ));
        assert!(opens_quotation("như sau: \"a) Điểm"));
        assert!(!opens_quotation("Giờ: 8 giờ, tại phòng “họp”"));
    }

    #[test]
    fn quoted_provisions_are_content() {
        let ls = split_lines(
            "Khoản 1 Điều 4 Luật quy định: “1. Nhà nước quản lý;\n2. Bảo đảm thực hiện.”\n1. Về nội dung\n",
        );
        let idx: Vec<usize> = (0..ls.len()).collect();
        let b = parse(&ls, &idx, true, &mut Sink::default());
        let labels: Vec<_> = b.iter().filter_map(|x| x.label.clone()).collect();
        assert_eq!(labels, ["1"]);
    }

    #[test]
    fn normative_tree_with_headings_and_inserted_units() {
        let ls = split_lines(
            "PHẦN THỨ NHẤT\nNHỮNG QUY ĐỊNH CHUNG\nChương I\nQUY ĐỊNH CHUNG\nMục 1\nPHẠM VI\nĐiều 1. Phạm vi\n1. Khoản một\na) Điểm a\na1) Điểm chèn\nb) Điểm b\n5a. Khoản chèn\nĐiều 10a. Điều chèn\n",
        );
        let idx: Vec<usize> = (0..ls.len()).collect();
        let mut sink = Sink::default();
        let b = parse(&ls, &idx, true, &mut sink);
        let issues: Vec<_> = sink
            .diagnostics()
            .map(|d| (d.line.unwrap(), d.code))
            .collect();
        assert_eq!(b.len(), 1);
        assert_eq!(b[0].text, "NHỮNG QUY ĐỊNH CHUNG");
        let ch = &b[0].children[0];
        assert_eq!(
            (ch.kind, ch.label.as_deref(), ch.text.as_str()),
            (BlockKind::Chapter, Some("I"), "QUY ĐỊNH CHUNG")
        );
        let muc = &ch.children[0];
        assert_eq!(
            (muc.kind, muc.text.as_str()),
            (BlockKind::Section, "PHẠM VI")
        );
        let art = &muc.children[0];
        assert_eq!(art.kind, BlockKind::Article);
        let clauses: Vec<_> = art
            .children
            .iter()
            .map(|c| (c.kind, c.label.clone().unwrap()))
            .collect();
        assert_eq!(
            clauses,
            [
                (BlockKind::Clause, "1".to_string()),
                (BlockKind::Clause, "5a".to_string())
            ]
        );
        let points: Vec<_> = art.children[0]
            .children
            .iter()
            .map(|c| c.label.clone().unwrap())
            .collect();
        assert_eq!(points, ["a", "a1", "b"]);
        assert_eq!(muc.children[1].label.as_deref(), Some("10a"));
        // khoản 5a after khoản 1 skips (2–5 are missing); Điều 10a after Điều 1 skips
        assert_eq!(issues.len(), 2, "{issues:?}");
    }

    #[test]
    fn numbering_skips_and_restarts_are_reported() {
        let ls = split_lines("Điều 1. A\nĐiều 2. B\nĐiều 4. C\n1. x\n3. y\nĐiều 5. D\nĐiều 5. E\n");
        let idx: Vec<usize> = (0..ls.len()).collect();
        let mut sink = Sink::default();
        parse(&ls, &idx, true, &mut sink);
        let issues: Vec<_> = sink
            .diagnostics()
            .map(|d| (d.line.unwrap(), d.code))
            .collect();
        let codes: Vec<_> = issues.iter().map(|i| (i.0, i.1.as_str())).collect();
        assert_eq!(
            codes,
            [
                (3, "numbering-skip"),
                (5, "numbering-skip"),
                (7, "numbering-restart")
            ]
        );
    }

    #[test]
    fn clauses_inside_articles() {
        let ls = split_lines("Điều 1. Phạm vi\n1. Khoản một\na) Điểm a\nĐiều 2. Hiệu lực\n");
        let idx: Vec<usize> = (0..ls.len()).collect();
        let b = parse(&ls, &idx, true, &mut Sink::default());
        assert_eq!(b.len(), 2);
        assert_eq!(b[0].children[0].kind, BlockKind::Clause);
        assert_eq!(b[0].children[0].children[0].kind, BlockKind::Point);
    }
}
