//! The line account: every line with text must end in a node of the tree, an artefact or a
//! diagnostic; a line that none covers is reported as `unplaced-line`, so nothing is ever lost
//! silently.

use crate::ast::{Block, Document, Span, Text};
use crate::diagnostic::{Code, Diagnostic, Severity};
use crate::lines::Line;

/// The `unplaced-line` findings: lines with text that no span of `doc` and none of `diags`
/// covers. The pieces of a flattened line that was cut are accounted for one by one, by their
/// bytes and columns.
pub(crate) fn unplaced(
    doc: &Document,
    lines: &[Line<'_>],
    diags: &[Diagnostic],
) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    // (line numbers are physical lines: pages of a flattened run that hold no piece leave
    // numbers no Line carries, so the numbers can outrun the lines)
    let last = lines.iter().map(|l| l.no as usize).max().unwrap_or(0);
    let mut covered = vec![false; last + 2];
    for sp in spans_of(doc) {
        for l in sp.line_start..=sp.line_end {
            if let Some(c) = covered.get_mut(l as usize) {
                *c = true;
            }
        }
    }
    for d in diags {
        if let Some(l) = d.line
            && let Some(c) = covered.get_mut(l as usize)
        {
            *c = true;
        }
    }
    // the pieces of a cut line are accounted for one by one, by their bytes and columns
    // (spans sorted by start with the running maximum of their ends, and diagnostics sorted
    // by line and column: each piece is one binary search, whatever the number of pieces)
    let cut = lines.iter().any(|l| l.raw.len() != l.phys_len);
    let spans = if cut {
        ByteSpans::of(doc)
    } else {
        ByteSpans::default()
    };
    let mut placed_diags: Vec<(u32, u32)> = if cut {
        diags
            .iter()
            .filter_map(|d| Some((d.line?, d.column?)))
            .collect()
    } else {
        Vec::new()
    };
    placed_diags.sort_unstable();
    let piece_covered = |l: &Line<'_>| {
        if spans.reach_into(l) {
            return true;
        }
        let (ca, cb) = (l.col, l.col + l.raw.chars().count() as u32);
        let d = placed_diags.partition_point(|&p| p < (l.no, ca));
        placed_diags.get(d).is_some_and(|&p| p < (l.no, cb))
    };
    for l in lines {
        let placed = if l.raw.len() == l.phys_len {
            covered.get(l.no as usize).copied().unwrap_or(false)
        } else {
            piece_covered(l)
        };
        if !placed && !l.text.is_empty() {
            let col = l.text_col();
            out.push(Diagnostic::at(
                Severity::Warning,
                Code::UnplacedLine,
                format!("a line that no component took: \"{}\"", l.text),
                l.no,
                col,
            ));
        }
    }
    out
}

/// The share of the text (characters of lines with text) that no node, artefact or front
/// matter holds: text that reaches the output only inside diagnostics. `(share, characters)`.
pub(crate) fn share_only_in_diagnostics(doc: &Document, lines: &[Line<'_>]) -> (f64, usize) {
    let spans = ByteSpans::of(doc);
    let (mut total, mut lost) = (0usize, 0usize);
    for l in lines.iter().filter(|l| !l.text.is_empty()) {
        let n = l.text.chars().count();
        total += n;
        if !spans.reach_into(l) {
            lost += n;
        }
    }
    let share = if total == 0 {
        0.0
    } else {
        lost as f64 / total as f64
    };
    (share, total)
}

/// The byte ranges of every span in a document, sorted by start, with the running maximum of
/// their ends: whether some span reaches into a line is one binary search.
#[derive(Default)]
struct ByteSpans {
    by_start: Vec<(usize, usize)>,
    reach: Vec<usize>,
}

impl ByteSpans {
    fn of(doc: &Document) -> Self {
        let mut by_start: Vec<(usize, usize)> =
            spans_of(doc).iter().map(|s| (s.start, s.end)).collect();
        by_start.sort_unstable();
        let mut max_end = 0;
        let reach = by_start
            .iter()
            .map(|&(_, e)| {
                max_end = max_end.max(e);
                max_end
            })
            .collect();
        ByteSpans { by_start, reach }
    }

    /// Whether some span that starts before the line (or piece) ends reaches into it.
    fn reach_into(&self, l: &Line<'_>) -> bool {
        let (a, b) = (l.start, l.start + l.raw.len());
        let k = self.by_start.partition_point(|&(s, _)| s < b);
        k > 0 && self.reach[k - 1] > a
    }
}

/// Every span in the document, for the line account.
fn spans_of(doc: &Document) -> Vec<Span> {
    fn blocks(bs: &[Block], out: &mut Vec<Span>) {
        for b in bs {
            out.push(b.span);
            blocks(&b.children, out);
        }
    }
    let mut out = Vec::new();
    let text = |t: &Text| t.span;
    out.extend(doc.kind_line.iter().map(text));
    out.extend(doc.issuer.iter().map(|x| x.span));
    out.extend(doc.national_heading.iter().map(|x| x.span));
    out.extend(doc.marks.iter().map(|x| x.span));
    out.extend(doc.number.iter().map(|x| x.span));
    out.extend(doc.place_date.iter().map(|x| x.span));
    out.extend(doc.title_span);
    if let Some(p) = &doc.preamble {
        out.push(p.span);
        out.extend(p.authority.iter().map(text));
        out.extend(p.bases.iter().map(text));
        out.extend(p.proposals.iter().map(text));
        out.extend(p.enacting.iter().map(text));
    }
    blocks(&doc.body, &mut out);
    out.extend(doc.end_mark);
    let r = &doc.recipients;
    out.extend(r.to_spans.iter().copied());
    out.extend(r.cc_spans.iter().copied());
    out.extend(r.to_span);
    out.extend(r.span);
    out.extend(r.archive.iter().map(|a| a.span));
    for sig in doc.signature.iter().chain(&doc.signatures) {
        out.push(sig.span);
        out.extend(sig.authority.iter().map(|a| a.span));
    }
    for a in &doc.appendices {
        out.push(a.span);
        blocks(&a.body, &mut out);
    }
    out.extend(doc.copies.iter().map(|c| c.span));
    out.extend(doc.fields.iter().map(|f| f.span));
    out.extend(doc.front_matter.iter().map(text));
    out.extend(doc.artifacts.iter().map(|a| a.span));
    out
}
