//! Theo dõi thực hiện: what a document asks, of whom, by when, and which documents it rests on.
//!
//! A stage after the parts: it reads the finished tree (the trích yếu, the preamble, the body
//! blocks and the appendices' bodies), asks the grammars of [`crate::cues::citation`] and
//! [`crate::cues::task`] over each component's text, and places what they find in the source
//! text by aligning the component's words with the lines it was read from (a block's text is
//! its lines joined, so an offset in it is not an offset in the source).
//!
//! ```text
//! III.3  Giao Sở Thông tin và Truyền thông chủ trì, phối hợp với Sở Tài chính nghiên cứu, …
//!        thời gian hoàn thành trước ngày 30/9/2024.
//!   → task {block: "III.3", lead: [Sở Thông tin và Truyền thông], cooperating: [Sở Tài chính],
//!           deadline: {date: 2024-09-30, text: "trước ngày 30/9/2024"}}
//! ```

use crate::ast::{Block, BlockKind, Citation, Deadline, Document, Span, Task};
use crate::cues::{citation, task};

/// Fill `doc.citations` and `doc.tasks` from the tree; `text` is the text its spans refer to.
/// Citations are read in the front matter, the trích yếu, the preamble, the body and the
/// appendices (their `kèm theo` line too); tasks in the body and the appendices' bodies.
pub(crate) fn read(doc: &mut Document, text: &str) {
    let own = doc
        .number
        .as_ref()
        .map(|n| (n.number.clone(), n.symbol.clone()));
    let mut found = Found {
        text,
        own,
        citations: Vec::new(),
        tasks: Vec::new(),
    };
    // web-page residue above the document names it, or what it answers
    for t in &doc.front_matter {
        found.citations_in(&t.text, t.span);
    }
    if let (Some(t), Some(span)) = (&doc.title, doc.title_span) {
        found.citations_in(t, span);
    }
    if let Some(p) = &doc.preamble {
        for t in p
            .authority
            .iter()
            .chain(&p.bases)
            .chain(&p.proposals)
            .chain(&p.enacting)
        {
            found.citations_in(&t.text, t.span);
        }
    }
    found.blocks(&doc.body, &[], None);
    for a in &doc.appendices {
        // `(Ban hành kèm theo Quyết định số 12/2012/QĐ-UBND …)`: read within the appendix
        if let Some(k) = &a.attached_to {
            found.citations_in(k, a.span);
        }
        found.blocks(&a.body, &[], None);
    }
    doc.citations = found.citations;
    doc.tasks = found.tasks;
}

/// What has been found so far.
struct Found<'t> {
    text: &'t str,
    /// The document's own number and symbol: never a citation.
    own: Option<(Option<String>, Option<String>)>,
    citations: Vec<Citation>,
    tasks: Vec<Task>,
}

impl Found<'_> {
    /// The citations in `piece`, the text of a component read at `span`.
    fn citations_in(&mut self, piece: &str, span: Span) {
        let cited = citation::find_all(piece);
        if cited.is_empty() {
            return;
        }
        let upto = cited.iter().map(|c| c.end).max().unwrap_or(0);
        let map = Aligned::new(self.text, piece, span, upto);
        self.push_citations(piece, cited, &map);
    }

    /// The citations found in `piece`, placed in the source by `map`; the document's own number
    /// left out.
    fn push_citations(&mut self, piece: &str, cited: Vec<citation::Cited>, map: &Aligned<'_>) {
        for c in cited {
            let is_own = self
                .own
                .as_ref()
                .is_some_and(|(n, s)| *n == c.number.number && *s == c.number.symbol);
            if is_own {
                continue;
            }
            let issuer_codes = c.number.issuer_codes();
            self.citations.push(Citation {
                kind: c.kind,
                number: c.number.number,
                year: c.number.year,
                symbol: c.number.symbol,
                issuer_codes,
                date: c.date,
                title: c.title,
                parts: c.parts,
                text: crate::viet::fold_ws(&piece[c.start..c.end]),
                span: map.span(c.start, c.end),
            });
        }
    }

    /// The blocks of a body: citations and tasks in each one's own text, then its children.
    /// `path` holds the labels above; `lead_in` the agency a lead-in above has named.
    fn blocks(&mut self, list: &[Block], path: &[String], lead_in: Option<&Vec<String>>) {
        let mut lead_in: Option<Vec<String>> = lead_in.cloned();
        for b in list {
            let mut here = path.to_vec();
            match (b.kind, &b.label) {
                (BlockKind::Article, Some(l)) => here = vec![format!("Điều {l}")],
                (BlockKind::Part | BlockKind::Chapter, _) => {}
                (k, Some(l)) if k.is_labelled() => here.push(l.clone()),
                _ => {}
            }
            // (one alignment of the block's words with its source serves both)
            let cited = citation::find_all(&b.text);
            let tasks = task::find_all(&b.text);
            if !cited.is_empty() || !tasks.is_empty() {
                let upto = cited
                    .iter()
                    .map(|c| c.end)
                    .chain(tasks.iter().map(|t| t.end))
                    .max();
                let map = Aligned::new(self.text, &b.text, b.own_span(), upto.unwrap_or(0));
                self.push_citations(&b.text, cited, &map);
                self.push_tasks(&b.text, tasks, &map, &here, lead_in.as_ref());
            }
            // a lead-in (`Sở … tập trung thực hiện một số nhiệm vụ sau:`) names the lead of the
            // blocks after it and under it
            let named = task::lead_in_agency(&b.text);
            let below = named.as_ref().or(lead_in.as_ref()).cloned();
            self.blocks(&b.children, &here, below.as_ref());
            if named.is_some() && matches!(b.kind, BlockKind::Paragraph) {
                lead_in = named;
            }
        }
    }

    /// The tasks found in a block's `text` under the labels `path`, placed in the source by
    /// `map`; one that names no lead takes `lead_in`'s, or is dropped without one.
    fn push_tasks(
        &mut self,
        text: &str,
        found: Vec<task::Assigned>,
        map: &Aligned<'_>,
        path: &[String],
        lead_in: Option<&Vec<String>>,
    ) {
        for t in found {
            let lead = if t.needs_lead {
                match lead_in {
                    Some(l) => l.clone(),
                    None => continue,
                }
            } else {
                t.lead
            };
            let deadline = t.deadline.map(|(s, e, date)| Deadline {
                date,
                text: text[s..e].to_string(),
            });
            self.tasks.push(Task {
                block: (!path.is_empty()).then(|| path.join(".")),
                lead,
                cooperating: t.cooperating,
                action: t.action,
                deadline,
                span: map.span(t.start, t.end),
            });
        }
    }
}

/// A component's text (its lines joined, white space folded, markup left out) aligned word by
/// word with the source it was read from, to turn an offset in the one into an offset in the
/// other.
struct Aligned<'t> {
    text: &'t str,
    span: Span,
    /// (offset of a word in the component's text, its offset in the source, its length), in
    /// order.
    words: Vec<(usize, usize, usize)>,
    /// The last offset whose line was counted, and that line.
    last_line: std::cell::Cell<(usize, u32)>,
}

impl<'t> Aligned<'t> {
    /// Align the words of `piece` that start before `upto` (the end of the last offset that
    /// will be asked: a long block need not be aligned past its last citation).
    fn new(text: &'t str, piece: &str, span: Span, upto: usize) -> Self {
        let end = span.end.min(text.len());
        let mut words = Vec::new();
        let mut cursor = span.start.min(end);
        let mut at = 0;
        for w in piece.split(' ') {
            let here = at;
            if here > upto {
                break;
            }
            at += w.len() + 1;
            if w.is_empty() {
                continue;
            }
            // the word's next place in the source, near the cursor (a word the cleaning changed
            // is skipped: the words around it still place the span)
            // (most words stand right after the last one, past white space: no search then)
            let next = text[cursor..end].trim_start();
            let skipped = end - cursor - next.len();
            let window = crate::viet::floor_boundary(text, (cursor + w.len() + 256).min(end));
            let found = if next.starts_with(w) {
                Some(skipped)
            } else {
                memchr::memmem::find(&text.as_bytes()[cursor..window], w.as_bytes())
            };
            match found {
                Some(k) => {
                    words.push((here, cursor + k, w.len()));
                    cursor += k + w.len();
                }
                None => continue,
            }
        }
        Aligned {
            text,
            span,
            words,
            last_line: std::cell::Cell::new((span.start.min(end), span.line_start)),
        }
    }

    /// The source offset of the component's offset `o`: within the word that holds it, or at
    /// the start of the next word placed (for a start) / the end of the last one (for an end).
    /// (A binary search: a long block holds many citations and tasks.)
    fn source(&self, o: usize, is_end: bool) -> usize {
        // the first word that ends at or after `o` (after it, for a start)
        let k = self
            .words
            .partition_point(|&(p, _, n)| if is_end { p + n < o } else { p + n <= o });
        match self.words.get(k) {
            Some(&(p, s, _)) if p <= o && (p < o || !is_end) => s + (o - p),
            Some(&(_, s, _)) if !is_end => s,
            _ if is_end => k
                .checked_sub(1)
                .and_then(|j| self.words.get(j))
                .map_or(self.span.start, |&(_, s, n)| s + n),
            _ => self.span.end,
        }
    }

    /// The line of source offset `pos` (counted on from the last one asked: the offsets asked
    /// mostly grow).
    fn line(&self, pos: usize) -> u32 {
        let (mut from, mut line) = self.last_line.get();
        if pos < from {
            (from, line) = (self.span.start, self.span.line_start);
        }
        let pos = pos.max(from);
        let breaks = self.text.as_bytes()[from..pos]
            .iter()
            .filter(|&&c| c == b'\n' || c == b'\x0C')
            .count();
        let line = line + u32::try_from(breaks).unwrap_or(u32::MAX);
        self.last_line.set((pos, line));
        line
    }

    /// The source span of the component's bytes `a..b`.
    fn span(&self, a: usize, b: usize) -> Span {
        let start = self.source(a, false);
        let end = self.source(b, true).max(start);
        Span {
            start,
            end,
            line_start: self.line(start),
            line_end: self.line(end),
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::{Options, parse};

    #[test]
    fn spans_are_the_source_text_of_a_wrapped_block() {
        let text = "THÔNG BÁO\nVề việc kiểm tra\nI. Nhiệm vụ\n1. Giao Sở Tài chính chủ trì, phối hợp với Sở Nội vụ\nrà soát theo Nghị định số 30/2020/NĐ-CP ngày 05 tháng 3\nnăm 2020, hoàn thành trước ngày 30/9/2024.\n";
        let doc = parse(text, &Options::default()).document;
        assert_eq!(doc.citations.len(), 1);
        let c = &doc.citations[0];
        assert_eq!(
            &text[c.span.start..c.span.end],
            "Nghị định số 30/2020/NĐ-CP ngày 05 tháng 3\nnăm 2020"
        );
        assert_eq!((c.span.line_start, c.span.line_end), (5, 6));
        assert_eq!(c.date.as_deref(), Some("2020-03-05"));
        let t = &doc.tasks[0];
        assert_eq!(t.block.as_deref(), Some("I.1"));
        assert_eq!(t.lead, ["Sở Tài chính"]);
        assert_eq!(t.cooperating, ["Sở Nội vụ"]);
        assert!(text[t.span.start..t.span.end].starts_with("Giao Sở Tài chính"));
        assert_eq!(
            t.deadline.as_ref().unwrap().date.as_deref(),
            Some("2024-09-30")
        );
    }

    #[test]
    fn the_documents_own_number_is_no_citation() {
        let text = "UBND TỈNH A\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nSỞ B\tĐộc lập - Tự do - Hạnh phúc\nSố: 12/QĐ-SB\tA, ngày 05 tháng 3 năm 2024\nQUYẾT ĐỊNH\nVề việc ban hành quy chế\nĐiều 1. Ban hành kèm theo Quyết định số 12/QĐ-SB quy chế; bãi bỏ Quyết định số 7/QĐ-SB.\nĐiều 2. Chánh Văn phòng, Trưởng phòng Kế hoạch chịu trách nhiệm thi hành Quyết định này.\n";
        let doc = parse(text, &Options::default()).document;
        let numbers: Vec<_> = doc.citations.iter().map(|c| c.number.as_deref()).collect();
        assert_eq!(numbers, [Some("7")]);
        let t = doc
            .tasks
            .iter()
            .find(|t| t.block.as_deref() == Some("Điều 2"))
            .unwrap();
        assert_eq!(t.lead, ["Chánh Văn phòng", "Trưởng phòng Kế hoạch"]);
    }

    #[test]
    fn a_lead_in_names_the_lead_of_an_item_that_names_none() {
        let text = "THÔNG BÁO\nKết luận\nII. Nhiệm vụ\nĐể thực hiện tốt các nhiệm vụ, Sở Y tế tập trung thực hiện các nhiệm vụ sau:\n1. Chủ trì, phối hợp với Sở Tài chính trong công tác tham mưu.\n2. Báo cáo kết quả.\n";
        let doc = parse(text, &Options::default()).document;
        assert_eq!(doc.tasks.len(), 1);
        assert_eq!(doc.tasks[0].block.as_deref(), Some("II.1"));
        assert_eq!(doc.tasks[0].lead, ["Sở Y tế"]);
        assert_eq!(doc.tasks[0].cooperating, ["Sở Tài chính"]);
    }
}
