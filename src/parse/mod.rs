//! The pipeline: normalise → lines → header → tên loại and trích yếu → Kính gửi → preamble →
//! body → closing block → appendices, then the diagnostics and the line account.

pub(crate) mod body;
pub(crate) mod closing;
pub(crate) mod header;
pub mod number;
pub mod place_date;
pub(crate) mod preamble;
pub(crate) mod tail;

use std::sync::LazyLock;

use regex::Regex;

use crate::ast::kind::DocKind;
use crate::ast::{Artifact, Document, Parsed, Span, Text};
use crate::diagnostic::{Diagnostic, Severity};
use crate::lines::{Line, cells, split_lines};
use crate::options::Options;
use crate::parse::closing as footer;
use crate::viet::{ends_sentence, fold_ws, is_upper, starts_lower, upper_key};
use tail as appendix;

static KINH_GUI: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)^kính\s*gửi\s*[:.]?\s*").expect("kinh gui"));

static STAMP_BEFORE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\s*\d{1,4}\s{3,}(\S.*)$").expect("stamp before"));

/// Title lines never start with these capitals: they open the authority line of a decision.
const AUTHORITY_HEADS: &[&str] = &[
    "ỦY BAN",
    "CHỦ TỊCH",
    "BỘ TRƯỞNG",
    "GIÁM ĐỐC",
    "THỦ TƯỚNG",
    "HỘI ĐỒNG",
    "CHÍNH PHỦ",
    "QUỐC HỘI",
    "BAN THƯỜNG VỤ",
    "BAN CHẤP HÀNH",
    "TỔNG CỤC TRƯỞNG",
    "CỤC TRƯỞNG",
    "BỘ CHÍNH TRỊ",
    "BAN BÍ THƯ",
    "CHÁNH VĂN PHÒNG",
    "TRƯỞNG BAN",
    "HIỆU TRƯỞNG",
    "THỐNG ĐỐC",
];

struct Ctx<'a, 'b> {
    lines: &'b [Line<'a>],
    diags: Vec<Diagnostic>,
}

impl Ctx<'_, '_> {
    fn warn(&mut self, sev: Severity, code: &'static str, msg: String, line: u32) {
        self.diags.push(Diagnostic::at(sev, code, msg, line, 1));
    }

    /// Next line at or after `i` that carries text.
    fn next_text(&self, mut i: usize, end: usize) -> Option<usize> {
        while i < end {
            if !self.lines[i].is_void() {
                return Some(i);
            }
            i += 1;
        }
        None
    }
}

/// Parse normalised text (the crate's front door calls this).
pub(crate) fn parse_text(
    text: &str,
    opts: &Options,
    encoding: &str,
    repairs: Vec<crate::ast::repair::Repair>,
) -> Parsed {
    let lines = split_lines(text);
    let mut doc = Document {
        schema_version: crate::options::SCHEMA_VERSION,
        encoding: encoding.to_string(),
        ..Document::default()
    };
    let repair_diags: Vec<Diagnostic> = repairs
        .iter()
        .map(|r| Diagnostic::at(Severity::Info, r.kind.code(), r.message(), r.first_line, 1))
        .collect();
    doc.repairs = repairs;
    let mut cx = Ctx {
        lines: &lines,
        diags: repair_diags,
    };
    if lines.iter().all(|l| l.text.is_empty()) {
        let msg = if text.is_empty() {
            "the input is empty"
        } else {
            "the input holds only white space"
        };
        doc.diagnostics
            .push(Diagnostic::whole(Severity::Error, "empty-input", msg));
        for l in &lines {
            if l.artifact.is_some() {
                doc.artifacts.push(artifact(l));
            }
        }
        return Parsed { document: doc };
    }
    let n = lines.len();

    // header (ô 1–4, 5b)
    let h = header::parse(&lines, opts.header_lines);
    let mut i = h.end;

    // tên loại (ô 5a)
    let mut kind_from_line = None;
    // a header row that could not be read (OCR: `S6: /QD-XPVPHC Hd NAi, ngdy7f …`) between
    // the Quốc hiệu and a tên loại in capitals: reported, and the tên loại read after it
    // (up to two such rows, once a header was seen)
    let unreadable = |k: usize| {
        DocKind::from_line(&lines[k].text).is_none()
            && !lines[k].text.ends_with(':')
            && lines[k].text.chars().count() <= 120
    };
    let type_line = |k: usize| {
        (is_upper(&lines[k].text) || crate::viet::is_unmarked(&lines[k].text))
            && cells(&lines[k]).len() <= 1
            && DocKind::from_line(&lines[k].text).is_some()
    };
    if h.national.is_some() || h.issuer.is_some() {
        let mut skipped = Vec::new();
        let mut k = cx.next_text(i, n);
        while let Some(at) = k
            && skipped.len() < 2
            && unreadable(at)
        {
            skipped.push(at);
            k = cx.next_text(at + 1, n);
        }
        if !skipped.is_empty()
            && let Some(at) = k
            && type_line(at)
        {
            for s in skipped {
                let l = &lines[s];
                cx.diags.push(Diagnostic::at(
                    Severity::Info,
                    "unrecognised-header-text",
                    format!("header text that fits no component: \"{}\"", short(&l.text)),
                    l.no,
                    l.text_col(),
                ));
            }
            i = at;
        }
    }
    if let Some(k) = cx.next_text(i, n) {
        // a stamp or page number set apart before the tên loại (`31            THÔNG TƯ`)
        let t = &match STAMP_BEFORE.captures(lines[k].raw) {
            Some(c) if DocKind::from_line(&c[1]).is_some() => {
                let stamp = c.get(1).map_or(0, |g| g.start());
                cx.diags.push(Diagnostic::at(
                    Severity::Info,
                    "unrecognised-header-text",
                    format!(
                        "a number set apart before the tên loại (a stamp or page number): \"{}\"",
                        lines[k].raw[..stamp].trim()
                    ),
                    lines[k].no,
                    lines[k].col,
                ));
                fold_ws(&c[1])
            }
            _ => lines[k].text.clone(),
        };
        let one_cell = cells(&lines[k]).len() <= 1;
        let header_seen = h.number.is_some() || h.national.is_some() || h.issuer.is_some();
        if one_cell {
            if let Some(kind) = DocKind::from_line(t) {
                kind_from_line = Some(kind);
            } else if header_seen
                && is_upper(t)
                && t.split_whitespace().count() <= 4
                && !t.ends_with(':')
                && !AUTHORITY_HEADS.iter().any(|a| upper_key(t).starts_with(a))
                && h.vv.is_none()
            {
                kind_from_line = Some(DocKind::other(t));
            }
            if kind_from_line.is_some() {
                doc.kind_line = Some(Text {
                    text: t.clone(),
                    span: lines[k].span(),
                });
                i = k + 1;
            } else if let Some((kind, name, rest)) = DocKind::split_line(t) {
                // `NGHỊ QUYẾT Về việc …` on one line
                kind_from_line = Some(kind);
                doc.kind_line = Some(Text {
                    text: name.to_string(),
                    span: lines[k].span(),
                });
                doc.title = Some(rest.to_string());
                doc.title_span = Some(lines[k].span());
                i = k + 1;
            }
        }
    }

    // trích yếu
    if kind_from_line.is_some()
        && doc.title.is_none()
        && let Some((title, span, next)) = title_lines(&cx, i, n)
    {
        doc.title = Some(title);
        doc.title_span = Some(span);
        i = next;
    }
    if doc.title.is_none()
        && let Some(vv) = &h.vv
    {
        doc.title = Some(vv.text.clone());
        doc.title_span = Some(vv.span);
    }
    doc.kind = kind_from_line.or_else(|| {
        if h.vv.is_some() {
            return Some(DocKind::CongVan);
        }
        let num = h.number.as_ref()?;
        let party = h.national.as_ref().is_some_and(|n| n.party);
        match num.type_code.as_deref() {
            Some(code) if party => DocKind::from_party_code(code),
            Some(code) => DocKind::from_type_code(code),
            None if num.symbol.is_some() => Some(DocKind::CongVan),
            None => None,
        }
    });

    // where the closing block starts
    // where the closing block starts; with none, a phụ lục heading ends the body
    // a phụ lục heading right under a closing line in capitals (`VĂN PHÒNG UBND TỈNH` /
    // `Phụ lục 1`) ends the text even when a closing block is found further down (in the
    // phụ lục itself)
    let early_appendix = |f: usize| {
        (i..f).find(|&k| {
            crate::parse::tail::is_appendix_heading(&lines[k].text)
                && lines[k].text.chars().count() <= 40
                && (i..k)
                    .rev()
                    .find(|&p| !lines[p].is_void())
                    .is_some_and(|p| {
                        let t = &lines[p].text;
                        (is_upper(t) && t.split_whitespace().count() <= 8) || t.ends_with("./.")
                    })
        })
    };
    let (fstart, mut tail_from) = match locate_footer(&lines, i) {
        Some(f) => match early_appendix(f) {
            Some(a) => (a, a),
            None => (f, n),
        },
        None => {
            let a = (i..n)
                .find(|&k| {
                    crate::parse::tail::is_appendix_heading(&lines[k].text)
                        || crate::parse::tail::is_copy_heading(&lines[k].text)
                })
                .unwrap_or(n);
            (a, a)
        }
    };

    // Kính gửi
    if let Some(k) = cx.next_text(i, fstart)
        && is_kinh_gui(&lines, k)
    {
        let (to, next) = kinh_gui(&lines, k, fstart);
        doc.recipients.to_span = Some(lines[k].span().join(lines[next - 1].span()));
        for (t, s) in to {
            doc.recipients.to.push(t);
            doc.recipients.to_spans.push(s);
        }
        i = next;
    }

    // preamble
    let body_idx: Vec<usize> = (i..fstart).filter(|&j| !lines[j].is_void()).collect();
    let mut body_from = i;
    if let Some((p, used)) = preamble::parse(&lines, &body_idx) {
        let last = body_idx[used - 1];
        body_from = last + 1;
        doc.preamble = Some(p);
    }
    // a Kính gửi after the preamble or title of an upward report
    if doc.recipients.to.is_empty()
        && let Some(k) = cx.next_text(body_from, fstart)
        && is_kinh_gui(&lines, k)
    {
        let (to, next) = kinh_gui(&lines, k, fstart);
        doc.recipients.to_span = Some(lines[k].span().join(lines[next - 1].span()));
        for (t, s) in to {
            doc.recipients.to.push(t);
            doc.recipients.to_spans.push(s);
        }
        body_from = next;
    }

    // body
    let idx: Vec<usize> = (body_from..fstart).collect();
    let (blocks, issues) = body::parse_with_issues(&lines, &idx, opts.join_continuations);
    doc.body = blocks;
    for (line, code, msg) in issues {
        cx.warn(Severity::Warning, code, msg, line);
    }
    if let Some(&last) = idx.iter().rev().find(|&&j| !lines[j].is_void())
        && lines[last].text.trim_end().ends_with("./.")
    {
        doc.end_mark = Some(lines[last].span());
    }

    // columns of the diagnostics below, counted along each line once
    let mut cols = ColumnCursor::default();
    // closing block
    if fstart < n && tail_from == n {
        let f = footer::parse(&lines, fstart);
        for (t, s) in f.cc {
            doc.recipients.cc.push(t);
            doc.recipients.cc_spans.push(s);
        }
        doc.recipients.archive = f.archive;
        doc.recipients.span = f.cc_span;
        doc.signature = f.signature;
        doc.signatures = f.signatures;
        for t in f.leftovers {
            let col = column_of(&lines, t.span, &mut cols);
            cx.diags.push(Diagnostic::at(
                Severity::Warning,
                "unrecognised-closing-text",
                format!("text in the closing block that is neither a recipient nor part of the signature: \"{}\"", short(&t.text)),
                t.span.line_start,
                col,
            ));
        }
        tail_from = f.end;
    }
    // what follows: appendices, attached texts, bản sao records
    if tail_from < n {
        let t = appendix::parse(&lines, tail_from, opts.join_continuations);
        doc.appendices = t.appendices;
        doc.copies = t.copies;
        for c in &doc.copies {
            doc.signatures.extend(c.signature.iter().cloned());
        }
    }
    doc.fields = fields(&doc);

    // artefacts and front matter
    for l in lines.iter().filter(|l| l.artifact.is_some()) {
        doc.artifacts.push(artifact(l));
    }
    doc.front_matter = h.front_matter;
    doc.issuer = h.issuer;
    doc.national_heading = h.national;
    doc.marks = h.marks;
    doc.number = h.number;
    doc.place_date = h.place_date;

    // diagnostics
    for t in &h.unknown {
        let col = column_of(&lines, t.span, &mut cols);
        cx.diags.push(Diagnostic::at(
            Severity::Info,
            "unrecognised-header-text",
            format!("header text that fits no component: \"{}\"", short(&t.text)),
            t.span.line_start,
            col,
        ));
    }
    if let Some((problem, line)) = &h.date_problem {
        cx.warn(
            Severity::Warning,
            "date-out-of-range",
            format!("the date is not a real date: {problem}"),
            *line,
        );
    }
    component_diagnostics(&doc, &mut cx);
    // the line account: a line with text that no node, artefact or diagnostic covers is
    // reported, so nothing is ever lost silently
    let mut covered = vec![false; n + 2];
    for sp in spans_of(&doc) {
        for l in sp.line_start..=sp.line_end {
            if let Some(c) = covered.get_mut(l as usize) {
                *c = true;
            }
        }
    }
    for d in &cx.diags {
        if let Some(l) = d.line
            && let Some(c) = covered.get_mut(l as usize)
        {
            *c = true;
        }
    }
    // the pieces of a cut line are accounted for one by one, by their bytes and columns
    // (spans sorted by start with the running maximum of their ends, and diagnostics sorted
    // by line and column: each piece is one binary search, whatever the number of pieces)
    let cut = lines.iter().any(|l| l.raw.len() != l.phys.len());
    let mut by_start: Vec<(usize, usize)> = if cut {
        spans_of(&doc).iter().map(|s| (s.start, s.end)).collect()
    } else {
        Vec::new()
    };
    by_start.sort_unstable();
    let mut max_end = 0;
    let reach: Vec<usize> = by_start
        .iter()
        .map(|&(_, e)| {
            max_end = max_end.max(e);
            max_end
        })
        .collect();
    let mut placed_diags: Vec<(u32, u32)> = if cut {
        cx.diags
            .iter()
            .filter_map(|d| Some((d.line?, d.column?)))
            .collect()
    } else {
        Vec::new()
    };
    placed_diags.sort_unstable();
    let piece_covered = |l: &Line<'_>| {
        let (a, b) = (l.start, l.start + l.raw.len());
        // some span that starts before the piece ends reaches into it
        let k = by_start.partition_point(|&(s, _)| s < b);
        if k > 0 && reach[k - 1] > a {
            return true;
        }
        let (ca, cb) = (l.col, l.col + l.raw.chars().count() as u32);
        let d = placed_diags.partition_point(|&p| p < (l.no, ca));
        placed_diags.get(d).is_some_and(|&p| p < (l.no, cb))
    };
    for l in &lines {
        let placed = if l.raw.len() == l.phys.len() {
            covered[l.no as usize]
        } else {
            piece_covered(l)
        };
        if !placed && !l.text.is_empty() {
            let col = l.text_col();
            cx.diags.push(Diagnostic::at(
                Severity::Warning,
                "unplaced-line",
                format!("a line that no component took: \"{}\"", short(&l.text)),
                l.no,
                col,
            ));
        }
    }
    let mut diags = cx.diags;
    diags.sort_by_key(|d| (d.line.unwrap_or(0), std::cmp::Reverse(d.severity)));
    doc.diagnostics = diags;
    Parsed { document: doc }
}

/// Kinds of document whose body holds labelled fields.
fn has_fields(kind: Option<&DocKind>) -> bool {
    matches!(
        kind,
        Some(
            DocKind::GiayMoi
                | DocKind::GiayGioiThieu
                | DocKind::GiayNghiPhep
                | DocKind::GiayUyQuyen
                | DocKind::BienBan
                | DocKind::CongDien
                | DocKind::PhieuGui
                | DocKind::PhieuChuyen
                | DocKind::PhieuBao
                | DocKind::GiayXacNhan
                | DocKind::GiayChungNhan
        )
    )
}

static FIELD: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(\p{Lu}[^:;.,0-9]{1,40}?)\s*:\s*(\S.*)$").expect("field"));

/// The labelled fields of a form (`Thời gian: …`, `Địa điểm: …`), read from its body blocks.
fn fields(doc: &Document) -> Vec<crate::ast::Field> {
    fn walk(bs: &[crate::ast::Block], out: &mut Vec<crate::ast::Field>) {
        for b in bs {
            if let Some(c) = FIELD.captures(&b.text) {
                let label = c[1].trim();
                if label.split_whitespace().count() <= 6 {
                    out.push(crate::ast::Field {
                        label: label.to_string(),
                        value: c[2].trim().to_string(),
                        span: b.span,
                    });
                }
            }
            walk(&b.children, out);
        }
    }
    let mut out = Vec::new();
    if has_fields(doc.kind.as_ref()) {
        walk(&doc.body, &mut out);
    }
    out
}

/// Every span in the document, for the line account.
fn spans_of(doc: &Document) -> Vec<Span> {
    fn blocks(bs: &[crate::ast::Block], out: &mut Vec<Span>) {
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

fn artifact(l: &Line<'_>) -> Artifact {
    Artifact {
        kind: l.artifact.expect("an artefact"),
        text: fold_ws(l.raw),
        span: l.span(),
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

fn short(s: &str) -> String {
    if s.chars().count() > 80 {
        let t: String = s.chars().take(77).collect();
        format!("{t}...")
    } else {
        s.to_string()
    }
}

fn column_of(lines: &[Line<'_>], span: Span, cols: &mut ColumnCursor) -> u32 {
    // the line (or piece of a cut line) that holds the span's start
    let k = lines
        .partition_point(|l| l.start <= span.start)
        .saturating_sub(1);
    let l = &lines[k.min(lines.len() - 1)];
    let col = cols.at(l, span.start);
    // skip leading white space of the cell
    let off = span.start.saturating_sub(l.start).min(l.raw.len());
    let rest = l.raw.get(off..).unwrap_or("");
    col + rest
        .chars()
        .take_while(|c| c.is_whitespace() || *c == '|')
        .count() as u32
}

/// The trích yếu lines after the tên loại: returns (title, span, index after the title).
fn title_lines(cx: &Ctx<'_, '_>, from: usize, end: usize) -> Option<(String, Span, usize)> {
    let lines = cx.lines;
    let first = cx.next_text(from, end)?;
    let ok_first = |t: &str| {
        !KINH_GUI.is_match(t)
            && !body::starts_with_marker(t)
            && !preamble::is_formula(t)
            && !preamble::is_basis(t)
            && !footer::opens_with_mode(t)
            && footer::noi_nhan(t).is_none()
    };
    let t0 = &flat(&lines[first]);
    // a line that ends in a colon introduces a list or a form (`… trân trọng giới thiệu:`);
    // a paragraph is no trích yếu
    if t0.ends_with(':') || (t0.chars().count() > 250 && !is_upper(t0)) {
        return None;
    }
    if !ok_first(t0)
        || (is_upper(t0) && AUTHORITY_HEADS.iter().any(|a| upper_key(t0).starts_with(a)))
    {
        return None;
    }
    let mut parts = vec![t0.to_string()];
    let mut span = lines[first].span();
    let mut next = first + 1;
    let caps_title = is_upper(t0);
    let mut k = first + 1;
    while k < end && parts.len() < 8 {
        let l = &lines[k];
        if l.artifact.is_some() {
            next = k + 1;
            break; // a rule closes the trích yếu
        }
        if l.text.is_empty() {
            // a wrapped line may follow a blank only when it starts in lower case
            match cx.next_text(k, end) {
                Some(m)
                    if starts_lower(&lines[m].text)
                        && !ends_sentence(parts.last().expect("a part")) =>
                {
                    k = m;
                    continue;
                }
                _ => break,
            }
        }
        let t = &flat(l);
        if !ok_first(t) || is_upper(t) != caps_title && !starts_lower(t) {
            break;
        }
        // `(Ban hành kèm theo Quyết định số …)` under the title of an attached text
        if t.starts_with('(') && t.to_lowercase().contains("kèm theo") {
            break;
        }
        if (is_upper(t) && AUTHORITY_HEADS.iter().any(|a| upper_key(t).starts_with(a)))
            || footer::is_position_phrase(t)
        {
            // the authority line of a decision (`bộ trưởng bộ tài chính` in old documents)
            break;
        }
        if t.chars().count() > 250
            || ends_sentence(parts.last().expect("a part")) && !starts_lower(t)
        {
            break;
        }
        parts.push(t.clone());
        span = span.join(l.span());
        k += 1;
        next = k;
    }
    let title = fold_ws(&parts.join(" "));
    Some((title, span, next))
}

/// A line's cells joined by one space (`| Kính gửi: | - Bộ Tài chính; |` → `Kính gửi: - Bộ …`).
fn flat(line: &Line<'_>) -> String {
    let cs = cells(line);
    if cs.is_empty() {
        return line.text.clone();
    }
    cs.iter()
        .map(|c| c.text.as_str())
        .collect::<Vec<_>>()
        .join(" ")
}

/// Whether a line opens with `Kính gửi`.
fn is_kinh_gui(lines: &[Line<'_>], k: usize) -> bool {
    KINH_GUI.is_match(&flat(&lines[k])) || header::kinh_split(lines, k).is_some()
}

/// `Kính gửi: X` or `Kính gửi:` and a `- X;` list. Returns the entries and the next line.
fn kinh_gui(lines: &[Line<'_>], k: usize, end: usize) -> (Vec<(String, Span)>, usize) {
    struct Acc {
        out: Vec<(String, Span)>,
        last_raw: String,
        open: bool,
        dashed: bool,
    }
    impl Acc {
        /// Add the entries of one line; a first piece without a dash continues the last entry
        /// when `continues` (the line wraps it).
        fn add(&mut self, s: &str, span: Span, continues: bool) {
            for (n, e) in footer::split_entries(s).into_iter().enumerate() {
                let is_dash = e.starts_with(['-', '–', '+', '•']);
                if footer::clean_entry(&e).is_empty() {
                    continue;
                }
                if n == 0 && !is_dash && continues && !self.out.is_empty() {
                    self.last_raw = format!("{} {}", self.last_raw, e.trim());
                    let last = self.out.last_mut().expect("entry");
                    last.0 = footer::clean_entry(&self.last_raw);
                    last.1 = last.1.join(span);
                } else {
                    self.out.push((footer::clean_entry(&e), span));
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
        open: false,
        dashed: false,
    };
    let (first, first_span, mut j) = match header::kinh_split(lines, k) {
        Some(m) => (
            format!("Kính {}", flat(&lines[m])),
            lines[k].span().join(lines[m].span()),
            m + 1,
        ),
        None => (flat(&lines[k]), lines[k].span(), k + 1),
    };
    let rest = KINH_GUI.find(&first).map_or("", |m| &first[m.end()..]);
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
        let is_dash = t.starts_with(['-', '–', '+', '•']);
        let marker = body::starts_with_marker(&t) || preamble::is_basis(&t);
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
    (acc.out, j)
}

/// Where the closing block (Nơi nhận, signature) starts, searching from line `from`.
fn locate_footer(lines: &[Line<'_>], from: usize) -> Option<usize> {
    let n = lines.len();
    // cheap byte tests first: cells are split only on lines that may hold the labels
    let may_hold_nn = |t: &str| t.contains("nhận") || t.contains("NHẬN") || t.contains("nhan");
    let may_hold_mode = |t: &str| {
        t.contains("T.")
            || t.contains("T/")
            || t.contains("/T")
            || t.contains("Q.")
            || t.contains("TM")
            || t.contains("TL")
    };
    let nn = (from..n).find(|&k| {
        let t = &lines[k].text;
        may_hold_nn(t)
            && (footer::noi_nhan(t).is_some()
                || cells(&lines[k])
                    .iter()
                    .any(|c| footer::noi_nhan(&c.text).is_some()))
    });
    let first_mode = (from..n).find(|&k| {
        let l = &lines[k];
        !l.is_void()
            && may_hold_mode(&l.text)
            && cells(l).iter().any(|c| footer::opens_with_mode(&c.text))
    });
    if let Some(nn) = nn {
        let mut start = nn;
        // a signature printed before its Nơi nhận column
        let mut k = nn;
        let mut seen = 0;
        let mut strong = None;
        while k > from && seen < 8 {
            k -= 1;
            let l = &lines[k];
            if l.is_void() {
                continue;
            }
            if !footer::is_signature_like(&l.text) || body::starts_with_marker(&l.text) {
                break;
            }
            seen += 1;
            if footer::opens_with_mode(&l.text) || crate::viet::is_person_name(&l.text) {
                strong = Some(k);
            }
        }
        if let Some(s) = strong {
            // take the whole stack above the strong line
            let mut top = s;
            let mut m = s;
            while m > from {
                m -= 1;
                if lines[m].is_void() {
                    continue;
                }
                if footer::is_signature_like(&lines[m].text)
                    && !body::starts_with_marker(&lines[m].text)
                    && m + 8 > s
                {
                    top = m;
                } else {
                    break;
                }
            }
            start = top;
        }
        if let Some(fm) = first_mode
            && fm < start
            && start - fm <= 12
        {
            start = fm;
        }
        return Some(start);
    }
    if let Some(fm) = first_mode {
        return Some(fm);
    }
    // a head signing in person, no Nơi nhận: capitals then a name near the end
    let tail_from = n.saturating_sub(40).max(from);
    let name = (tail_from..n).rev().find(|&k| {
        footer::footer_cells(&lines[k])
            .iter()
            .any(|c| crate::viet::is_person_name(footer::strip_note(&c.text).0))
    });
    let Some(name) = name else {
        // a position in capitals closing the text, unsigned (`ĐẠI DIỆN CÔNG TY` / `(Ký tên,
        // đóng dấu)`): the last lines with text, after the end of the content
        let last: Vec<usize> = (tail_from..n)
            .rev()
            .filter(|&k| !lines[k].is_void())
            .take(2)
            .collect();
        return last.into_iter().rev().find(|&k| {
            let t = &lines[k].text;
            is_upper(t) && footer::is_position_phrase(t)
        });
    };
    let mut k = name;
    let mut top = None;
    while k > from {
        k -= 1;
        let l = &lines[k];
        if l.is_void() {
            continue;
        }
        if is_upper(&l.text) && l.text.split_whitespace().count() <= 10 {
            top = Some(k);
        } else if footer::is_signature_like(&l.text) {
            // a name or a note: another signer's block above (biên bản: thư ký, chủ tọa)
            continue;
        } else {
            break;
        }
    }
    // a name alone closing the text (web copies that print `Nguyễn Văn A (Đã ký)` only)
    top.or_else(|| {
        let after = (name + 1..n).filter(|&k| !lines[k].is_void()).count();
        (after == 0).then_some(name)
    })
}

fn component_diagnostics(doc: &Document, cx: &mut Ctx<'_, '_>) {
    let nothing = doc.issuer.is_none()
        && doc.national_heading.is_none()
        && doc.number.is_none()
        && doc.place_date.is_none()
        && doc.kind.is_none()
        && doc.signature.is_none()
        && doc.recipients.cc.is_empty()
        && doc.recipients.archive.is_none();
    if nothing {
        cx.diags.push(Diagnostic::whole(
            Severity::Error,
            "not-a-document",
            "no component of an administrative document was found (no issuer, Quốc hiệu, number, date, tên loại, recipients or signature)",
        ));
        return;
    }
    let d = |sev, code, msg: &str| Diagnostic::whole(sev, code, msg);
    if doc.issuer.is_none() {
        cx.diags.push(d(
            Severity::Warning,
            "missing-issuer",
            "no tên cơ quan ban hành (issuer) was found in the header",
        ));
    }
    if doc.national_heading.is_none() {
        cx.diags.push(d(
            Severity::Info,
            "missing-national-heading",
            "no Quốc hiệu (or party heading) was found",
        ));
    }
    match &doc.number {
        None => cx.diags.push(d(
            Severity::Warning,
            "missing-number",
            "no số, ký hiệu line was found",
        )),
        Some(num) if num.number.is_none() => cx.diags.push(Diagnostic::at(
            Severity::Info,
            "blank-number",
            "the number is left blank (to be stamped on issue)",
            num.span.line_start,
            1,
        )),
        _ => {}
    }
    match &doc.place_date {
        None => cx.diags.push(d(
            Severity::Warning,
            "missing-place-date",
            "no địa danh và thời gian line was found",
        )),
        Some(pd) if pd.day.is_none() || pd.month.is_none() || pd.year.is_none() => {
            cx.diags.push(Diagnostic::at(
                Severity::Info,
                "blank-date-part",
                "part of the date is left blank",
                pd.span.line_start,
                1,
            ))
        }
        _ => {}
    }
    if doc.kind.is_none() {
        cx.diags.push(d(
            Severity::Warning,
            "missing-kind",
            "no tên loại line and no V/v trích yếu were found",
        ));
    }
    if doc.title.is_none() {
        cx.diags
            .push(d(Severity::Info, "missing-title", "no trích yếu was found"));
    }
    if doc.body.is_empty() {
        cx.diags.push(d(
            Severity::Warning,
            "missing-body",
            "the document has no content between its header and its closing block",
        ));
    }
    if doc.signature.is_none() {
        cx.diags.push(d(
            Severity::Warning,
            "missing-signature",
            "no signature block was found",
        ));
    }
    if doc.recipients.cc.is_empty()
        && doc.recipients.archive.is_none()
        && doc.recipients.to.is_empty()
    {
        cx.diags.push(d(
            Severity::Info,
            "missing-recipients",
            "no Nơi nhận or Kính gửi was found",
        ));
    }
}

#[cfg(test)]
mod tests {
    use crate::{Options, parse};

    fn doc(s: &str) -> crate::Document {
        parse(s, &Options::default()).document
    }

    #[test]
    fn kinh_gui_split_over_two_lines() {
        let d = doc(
            "SỞ GIÁO DỤC VÀ ĐÀO TẠO\nSố: 12/SGD\nPhan Rang, ngày 12 tháng 11 năm 2003\nV/v chuyển trường\nKính\ngửi:\n- Trưởng phòng GD-ĐT các huyện,\nthị.\n- Hiệu trưởng các trường\nCăn cứ Quyết định số 51/2002/QĐ-BGD&ĐT ngày 25/12/2002 của Bộ trưởng;\n",
        );
        assert_eq!(
            d.recipients.to,
            [
                "Trưởng phòng GD-ĐT các huyện, thị",
                "Hiệu trưởng các trường"
            ]
        );
    }

    #[test]
    fn a_stamp_before_the_type_line() {
        let d = doc(
            "BỘ Y TẾ\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\nSố: 32/2023/TT-BYT\tHà Nội, ngày 31 tháng 12 năm 2023\n2:3\n31            THÔNG TƯ\n2/2\nQuy định chi tiết một số điều của Luật Khám bệnh, chữa bệnh\nCăn cứ Luật Khám bệnh, chữa bệnh;\n",
        );
        assert_eq!(d.kind.unwrap().slug(), "thong_tu");
        assert_eq!(
            d.title.as_deref(),
            Some("Quy định chi tiết một số điều của Luật Khám bệnh, chữa bệnh")
        );
    }

    #[test]
    fn an_unreadable_header_row_before_the_type_line() {
        let d = doc(
            "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\nS6: /QD-XPVPHC Hd NAi, ngdy7f,ttuing 7 ndm 2026\nQUYET DINH\nXu phat vi pham hanh chinh\n",
        );
        assert_eq!(d.kind.unwrap().slug(), "quyet_dinh");
        assert_eq!(d.title.as_deref(), Some("Xu phat vi pham hanh chinh"));
        assert!(
            d.diagnostics
                .iter()
                .any(|x| x.code == "unrecognised-header-text" && x.line == Some(3))
        );
    }

    #[test]
    fn a_phu_luc_under_the_closing_line_ends_the_text() {
        let d = doc(
            "UBND TỈNH LÀO CAI\nVĂN PHÒNG\nSố: 1/BC-VP\nLào Cai, ngày 1 tháng 6 năm 2026\nBÁO CÁO\nTình hình cụm công nghiệp\nI. HIỆN TRẠNG\nNội dung.\nII. KIẾN NGHỊ\nNội dung.\nVĂN PHÒNG UBND TỈNH\nPhụ lục 1\nDANH SÁCH\nI. Cụm do xã quản lý\n1\nNhận xét\nPHÓ CHÁNH VĂN PHÒNG\nNguyễn Văn An\n",
        );
        let labels: Vec<_> = d.body.iter().filter_map(|b| b.label.clone()).collect();
        assert_eq!(labels, ["I", "II"]);
        assert_eq!(d.appendices.len(), 1);
    }
}
