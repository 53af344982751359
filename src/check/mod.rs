//! The check stage: what the tree as a whole lacks (`missing-issuer`, `blank-number`, …), the
//! columns of findings the parts reported by byte, and the line account
//! ([`account`]: `unplaced-line`). It reads the finished tree and the lines; it never parses.

mod account;

use crate::ast::{Artifact, Document};
use crate::diagnostic::{Code, Diagnostic, Severity, Sink};
use crate::lines::Line;
use crate::viet::fold_ws;

/// Finish a document: its artefacts, the findings about it as a whole, every finding with its
/// column, the line account, all in line order (whole-document findings first).
pub(crate) fn finish(doc: &mut Document, lines: &[Line<'_>], mut sink: Sink) {
    doc.artifacts.extend(lines.iter().filter_map(artifact));
    components(doc, &mut sink);
    let mut diags = columns(lines, sink);
    let unplaced = account::unplaced(doc, lines, &diags);
    diags.extend(unplaced);
    // most of the text only in diagnostics: an error a batch can count
    let (share, chars) = account::share_only_in_diagnostics(doc, lines);
    if share > MOSTLY_UNPLACED && chars >= 100 {
        diags.push(Diagnostic::whole(
            Severity::Error,
            Code::MostlyUnplaced,
            format!(
                "{:.0} % of the text fits no component: it reaches the output only inside diagnostics",
                share * 100.0
            ),
        ));
    }
    diags.sort_by_key(|d| (d.line.unwrap_or(0), std::cmp::Reverse(d.severity)));
    doc.diagnostics = diags;
}

/// The share of a document's text that may land only in diagnostics before it is an error.
const MOSTLY_UNPLACED: f64 = 0.5;

/// An input with no text: only its artefacts and `empty-input` (nothing else is reported).
pub(crate) fn empty(doc: &mut Document, lines: &[Line<'_>], text: &str) {
    let msg = if text.is_empty() {
        "the input is empty"
    } else {
        "the input holds only white space"
    };
    doc.diagnostics = vec![Diagnostic::whole(Severity::Error, Code::EmptyInput, msg)];
    doc.artifacts.extend(lines.iter().filter_map(artifact));
}

/// A line kept out of the text (a rule, a page number, markup), as an artefact node.
fn artifact(l: &Line<'_>) -> Option<Artifact> {
    Some(Artifact {
        kind: l.artifact?,
        text: fold_ws(l.raw),
        span: l.span(),
    })
}

/// The findings with their character columns counted (those reported by byte).
fn columns(lines: &[Line<'_>], sink: Sink) -> Vec<Diagnostic> {
    let mut cols = ColumnCursor::default();
    sink.into_findings()
        .into_iter()
        .map(|f| {
            let mut d = f.diagnostic;
            if let Some(at) = f.at_byte
                && !lines.is_empty()
            {
                d.column = Some(column_of(lines, at, &mut cols));
            }
            d
        })
        .collect()
}

/// Findings about the tree as a whole: a component the decree requires that was not found, a
/// blank number or date part; or no component at all (`not-a-document`).
fn components(doc: &Document, sink: &mut Sink) {
    let nothing = doc.issuer.is_none()
        && doc.national_heading.is_none()
        && doc.number.is_none()
        && doc.place_date.is_none()
        && doc.kind.is_none()
        && doc.signature.is_none()
        && doc.recipients.cc.is_empty()
        && doc.recipients.archive.is_none();
    if nothing {
        sink.whole(
            Severity::Error,
            Code::NotADocument,
            "no component of an administrative document was found (no issuer, Quốc hiệu, number, date, tên loại, recipients or signature)",
        );
        return;
    }
    let d = |sev, code, msg: &str| Diagnostic::whole(sev, code, msg);
    if doc.issuer.is_none() {
        sink.push(d(
            Severity::Warning,
            Code::MissingIssuer,
            "no tên cơ quan ban hành (issuer) was found in the header",
        ));
    }
    if doc.national_heading.is_none() {
        sink.push(d(
            Severity::Info,
            Code::MissingNationalHeading,
            "no Quốc hiệu (or party heading) was found",
        ));
    }
    match &doc.number {
        None => sink.push(d(
            Severity::Warning,
            Code::MissingNumber,
            "no số, ký hiệu line was found",
        )),
        Some(num) if num.number.is_none() => sink.push(Diagnostic::at(
            Severity::Info,
            Code::BlankNumber,
            "the number is left blank (to be stamped on issue)",
            num.span.line_start,
            1,
        )),
        _ => {}
    }
    match &doc.place_date {
        None => sink.push(d(
            Severity::Warning,
            Code::MissingPlaceDate,
            "no địa danh và thời gian line was found",
        )),
        Some(pd) if pd.day.is_none() || pd.month.is_none() || pd.year.is_none() => {
            sink.push(Diagnostic::at(
                Severity::Info,
                Code::BlankDatePart,
                "part of the date is left blank",
                pd.span.line_start,
                1,
            ))
        }
        _ => {}
    }
    if doc.kind.is_none() {
        sink.push(d(
            Severity::Warning,
            Code::MissingKind,
            "no tên loại line and no V/v trích yếu were found",
        ));
    }
    if doc.title.is_none() {
        sink.push(d(
            Severity::Info,
            Code::MissingTitle,
            "no trích yếu was found",
        ));
    }
    if doc.body.is_empty() {
        sink.push(d(
            Severity::Warning,
            Code::MissingBody,
            "the document has no content between its header and its closing block",
        ));
    }
    if doc.signature.is_none() {
        sink.push(d(
            Severity::Warning,
            Code::MissingSignature,
            "no signature block was found",
        ));
    }
    if doc.recipients.cc.is_empty()
        && doc.recipients.archive.is_none()
        && doc.recipients.to.is_empty()
    {
        sink.push(d(
            Severity::Info,
            Code::MissingRecipients,
            "no Nơi nhận or Kính gửi was found",
        ));
    }
}

/// Character columns of byte offsets that come in increasing order within a line (or piece of
/// a cut line): each call scans only the bytes since the last one, so many diagnostics on one
/// long line cost no more than the line.
#[derive(Default)]
struct ColumnCursor {
    start: usize,
    byte: usize,
    col: u32,
}

impl ColumnCursor {
    /// The 1-based character column, in its physical line, of byte `at` (absolute) of `l`.
    fn at(&mut self, l: &Line<'_>, at: usize) -> u32 {
        let mut off = at.saturating_sub(l.start).min(l.raw.len());
        while !l.raw.is_char_boundary(off) {
            off -= 1;
        }
        if self.col == 0 || self.start != l.start || off < self.byte {
            *self = ColumnCursor {
                start: l.start,
                byte: 0,
                col: l.col,
            };
        }
        self.col += l.raw[self.byte..off].chars().count() as u32;
        self.byte = off;
        self.col
    }
}

/// The 1-based character column of the text at byte `at`: in the line (or piece of a cut
/// line) that holds it, after the white space and `|` that open its cell.
fn column_of(lines: &[Line<'_>], at: usize, cols: &mut ColumnCursor) -> u32 {
    // the line (or piece of a cut line) that holds the span's start
    let k = lines.partition_point(|l| l.start <= at).saturating_sub(1);
    let l = &lines[k.min(lines.len() - 1)];
    let col = cols.at(l, at);
    // skip leading white space of the cell
    let off = at.saturating_sub(l.start).min(l.raw.len());
    let rest = l.raw.get(off..).unwrap_or("");
    col + rest
        .chars()
        .take_while(|c| c.is_whitespace() || *c == '|')
        .count() as u32
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lines::split_lines;

    /// Findings of the check stage for `text` with `doc` as the parts left it.
    fn finished(text: &str, doc: &mut Document) -> Vec<Diagnostic> {
        let lines = split_lines(text);
        finish(doc, &lines, Sink::default());
        doc.diagnostics.clone()
    }

    #[test]
    fn most_text_only_in_diagnostics_is_an_error() {
        let text = "Một đoạn văn thứ nhất không thuộc thành phần nào của văn bản.\nMột đoạn văn thứ hai cũng không thuộc thành phần nào cả.\n";
        let d = finished(text, &mut Document::default());
        let codes: Vec<_> = d.iter().map(|d| d.code).collect();
        assert!(codes.contains(&Code::MostlyUnplaced), "{codes:?}");
        assert!(codes.contains(&Code::UnplacedLine), "{codes:?}");
        // text the tree holds is no loss
        let mut doc = Document {
            front_matter: split_lines(text)
                .iter()
                .map(|l| crate::ast::Text {
                    text: l.text.to_string(),
                    span: l.span(),
                })
                .collect(),
            ..Document::default()
        };
        let d = finished(text, &mut doc);
        assert!(!d.iter().any(|d| d.code == Code::MostlyUnplaced));
        // a short text is never judged so
        let d = finished("Một dòng ngắn.\n", &mut Document::default());
        assert!(!d.iter().any(|d| d.code == Code::MostlyUnplaced));
    }
}
