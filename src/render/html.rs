//! HTML: a whole page a clerk can open in a browser, the document laid out as the decree lays
//! it out, its outline with anchors, and each diagnostic beside the part it concerns.

use std::fmt::Write;

use crate::ast::Parsed;
use crate::ast::{Block, BlockKind, Document, Recipients, Signature, Span};
use crate::diagnostic::Diagnostic;

use super::{Head, end_mark_apart, is_vv, own_signatures, signature_lines};

/// The page's style: the decree's layout (two columns at the top and the bottom, the tên loại
/// centred in bold capitals), Times New Roman as the decree prescribes; a part with diagnostics is
/// tinted and they follow it.
const STYLE: &str = "
body{font-family:'Times New Roman',Times,serif;font-size:14pt;line-height:1.4;margin:0;background:#f4f4f1;color:#111}
.page{max-width:46rem;margin:1.5rem auto;padding:2rem 2.5rem 2rem 3rem;background:#fff;box-shadow:0 1px 4px #0002}
.cols{display:grid;grid-template-columns:2fr 3fr;gap:1rem;text-align:center;margin:0 0 1rem}
.cols.closing{grid-template-columns:repeat(auto-fit,minmax(12rem,1fr));text-align:left}
.cols p{margin:0}
.issuer,.national,.motto{font-weight:bold}
.motto{text-decoration:underline}
.place-date{font-style:italic}
.sign{text-align:center}
.sign .space{height:3.5rem}
.noi-nhan{font-size:11pt}.noi-nhan ul{list-style:none;padding:0;margin:0}
.noi-nhan b{font-style:italic}
h1.ten-loai{font-size:14pt;text-align:center;margin:1.2rem 0 0}
p.trich-yeu{text-align:center;font-weight:bold;margin:0 0 1rem}
p.vv{font-size:12pt;text-align:center;margin:.2rem 0}
.kinh-gui{text-align:center;margin:1rem 0}
.preamble p{font-style:italic;text-indent:2rem;margin:.3rem 0}
.preamble p.authority{font-style:normal;font-weight:bold;text-align:center;text-indent:0}
.preamble p.enacting{font-style:normal;font-weight:bold;text-align:center;text-indent:0}
.block p{text-align:justify;text-indent:2rem;margin:.3rem 0}
.block h2,.block h3,.block h4,.block h5,.block h6{font-size:14pt;margin:.8rem 0 .3rem}
.kind-part>h2,.kind-chapter>h2,.kind-chapter>h3{text-align:center}
.marker{font-weight:bold}
nav.outline{font-size:11pt;border:1px solid #ccc;padding:.5rem 1rem;margin:0 0 1rem;background:#fafaf7}
nav.outline ol{list-style:none;padding-left:1rem;margin:0}
.copy h2.ten-loai{font-size:14pt;text-align:left;margin:0 0 .5rem}
.appendix,.copy{border-top:1px dashed #888;margin-top:2rem;padding-top:1rem}
aside.diag{font-family:system-ui,sans-serif;font-size:10pt;border-left:3px solid;padding:.1rem .5rem;margin:.2rem 0;background:#fffbe6}
aside.diag.error{border-color:#c00;background:#fde8e8}aside.diag.warning{border-color:#d90}aside.diag.info{border-color:#37c;background:#eef4fd}
aside.diag code{font-size:9pt}
.diagnostics h2{font-family:system-ui,sans-serif;font-size:12pt}
details.artifacts{font-family:system-ui,sans-serif;font-size:10pt;color:#555;margin-top:2rem}
.has-diag{background:#fffdf0}
";

/// The document as a self-contained HTML page (no script, no external resource).
///
/// - the header in its two columns (tên cơ quan and số, ký hiệu; Quốc hiệu, Tiêu ngữ and địa
///   danh, ngày tháng), then the tên loại and the trích yếu;
/// - an outline of the body's labelled blocks, each a link to the block (`#b-2-1` is the first
///   child of the second block);
/// - Kính gửi, the preamble, the body (Phần, Chương, Mục, Điều as headings), `./.`;
/// - Nơi nhận beside the signature blocks; appendices and bản sao records after them;
/// - each diagnostic beside the part its line falls in (the smallest part whose lines hold
///   it), with its severity, code and line; those without a line at the end; the lines kept
///   out of the text (page numbers, rules) in a closed `<details>`.
///
/// Every element that stands for a part of the document carries `data-lines="A-B"`, the
/// source lines it was read from.
///
/// ```
/// let parsed = vanban::parse("THÔNG BÁO\nVề việc nghỉ lễ\nI. Thời gian\n", &vanban::Options::default());
/// let html = vanban::render::to_html(&parsed);
/// assert!(html.starts_with("<!DOCTYPE html>"));
/// assert!(html.contains("<h1 class=\"ten-loai\""));
/// assert!(html.contains("href=\"#b-1\""));
/// ```
pub fn to_html(parsed: &Parsed) -> String {
    let doc = &parsed.document;
    let mut h = Html {
        out: String::with_capacity(4096),
        diags: place_diagnostics(doc),
    };
    let title = doc
        .kind_line
        .as_ref()
        .map(|k| k.text.as_str())
        .into_iter()
        .chain(doc.title.as_deref())
        .collect::<Vec<_>>()
        .join(" ");
    let _ = write!(
        h.out,
        "<!DOCTYPE html>\n<html lang=\"vi\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta name=\"generator\" content=\"vanban {}\">\n<title>{}</title>\n<style>{STYLE}</style>\n\
         </head>\n<body>\n<article class=\"page\">\n",
        env!("CARGO_PKG_VERSION"),
        esc(if title.is_empty() {
            "Văn bản"
        } else {
            &title
        })
    );
    for t in &doc.front_matter {
        h.part("p", "front-matter", Some(t.span), &esc(&t.text));
    }
    h.header(Head::of_document(doc));
    for m in &doc.marks {
        h.part(
            "p",
            "mark",
            Some(m.span),
            &format!("<b>{}</b>", esc(&m.text)),
        );
    }
    let vv = is_vv(doc);
    if let Some(k) = &doc.kind_line {
        h.part("h1", "ten-loai", Some(k.span), &esc(&k.text));
    } else if !vv && let Some(name) = doc.kind.as_ref().and_then(|k| k.name()) {
        h.part("h1", "ten-loai", None, &esc(name));
    }
    if let Some(t) = &doc.title {
        if vv {
            h.part("p", "vv", doc.title_span, &format!("V/v {}", esc(t)));
        } else {
            h.part("p", "trich-yeu", doc.title_span, &esc(t));
        }
    }
    h.outline(&doc.body);
    h.kinh_gui(&doc.recipients);
    if let Some(p) = &doc.preamble {
        h.open("div", "preamble", Some(p.span));
        if let Some(t) = &p.authority {
            h.part("p", "authority", Some(t.span), &esc(&t.text));
        }
        for t in p.bases.iter().chain(&p.proposals) {
            h.part("p", "", Some(t.span), &esc(&t.text));
        }
        if let Some(e) = &p.enacting {
            h.part("p", "enacting", Some(e.span), &esc(&e.text));
        }
        h.close("div", Some(p.span));
    }
    h.out.push_str("<main>\n");
    h.blocks(&doc.body, "b", 2);
    if let Some(s) = doc.end_mark.filter(|_| end_mark_apart(doc)) {
        h.part("p", "end-mark", Some(s), "./.");
    }
    h.out.push_str("</main>\n");
    h.closing(&doc.recipients, &own_signatures(doc));
    for (i, a) in doc.appendices.iter().enumerate() {
        let _ = writeln!(
            h.out,
            "<section class=\"appendix\" id=\"appendix-{}\"{}>",
            i + 1,
            lines(Some(a.span))
        );
        h.header(Head::of_appendix(a));
        if let Some(x) = &a.heading {
            h.part("h1", "ten-loai", None, &esc(x));
        }
        for x in a.title.iter().chain(&a.attached_to) {
            h.part("p", "trich-yeu", None, &esc(x));
        }
        h.blocks(&a.body, &format!("a{}", i + 1), 2);
        h.asides(Some(a.span));
        h.out.push_str("</section>\n");
    }
    for c in &doc.copies {
        let _ = writeln!(h.out, "<section class=\"copy\"{}>", lines(Some(c.span)));
        h.part("h2", "ten-loai", None, &esc(&c.heading));
        h.header(Head::of_copy(c));
        h.closing(&c.recipients, &c.signature.iter().collect::<Vec<_>>());
        h.asides(Some(c.span));
        h.out.push_str("</section>\n");
    }
    // diagnostics that no part holds: without a line, or on a line no part was read from
    let rest: Vec<&Diagnostic> = std::mem::take(&mut h.diags)
        .into_iter()
        .map(|(_, d)| d)
        .collect();
    if !rest.is_empty() {
        h.out
            .push_str("<section class=\"diagnostics\">\n<h2>Diagnostics</h2>\n");
        for d in rest {
            aside(&mut h.out, d);
        }
        h.out.push_str("</section>\n");
    }
    if !doc.artifacts.is_empty() {
        let _ = writeln!(
            h.out,
            "<details class=\"artifacts\"><summary>{} line(s) kept out of the text</summary><ul>",
            doc.artifacts.len()
        );
        for a in &doc.artifacts {
            let kind = serde_json::to_value(a.kind).ok();
            let kind = kind.as_ref().and_then(|v| v.as_str()).unwrap_or("");
            let _ = writeln!(
                h.out,
                "<li{}>line {}: {} <code>{}</code></li>",
                lines(Some(a.span)),
                a.span.line_start,
                esc(kind),
                esc(&a.text)
            );
        }
        h.out.push_str("</ul></details>\n");
    }
    h.out.push_str("</article>\n</body>\n</html>\n");
    h.out
}

/// The page being written, and the diagnostics not yet placed (each with the span of the
/// part it goes beside).
struct Html<'d> {
    out: String,
    diags: Vec<(Option<Span>, &'d Diagnostic)>,
}

impl<'d> Html<'d> {
    /// `<TAG class="CLASS" data-lines="A-B">INNER</TAG>` (INNER is HTML already), then the
    /// diagnostics of that part.
    fn part(&mut self, tag: &str, class: &str, span: Option<Span>, inner: &str) {
        self.open(tag, class, span);
        self.out.push_str(inner);
        self.close(tag, span);
    }

    fn open(&mut self, tag: &str, class: &str, span: Option<Span>) {
        let has = span.is_some_and(|s| self.diags.iter().any(|(at, _)| *at == Some(s)));
        let class = match (class.is_empty(), has) {
            (true, false) => String::new(),
            (true, true) => " class=\"has-diag\"".to_string(),
            (false, false) => format!(" class=\"{class}\""),
            (false, true) => format!(" class=\"{class} has-diag\""),
        };
        let _ = write!(self.out, "<{tag}{class}{}>", lines(span));
    }

    fn close(&mut self, tag: &str, span: Option<Span>) {
        let _ = writeln!(self.out, "</{tag}>");
        self.asides(span);
    }

    /// The diagnostics placed beside the part read at `span`.
    fn asides(&mut self, span: Option<Span>) {
        let Some(span) = span else { return };
        let mut i = 0;
        while i < self.diags.len() {
            if self.diags[i].0 == Some(span) {
                let (_, d) = self.diags.remove(i);
                aside(&mut self.out, d);
            } else {
                i += 1;
            }
        }
    }

    /// Ô 1–4: two columns.
    fn header(&mut self, head: Head<'_>) {
        if head.is_empty() {
            return;
        }
        self.out.push_str("<header class=\"cols\">\n<div>\n");
        if let Some(i) = head.issuer {
            if let Some(p) = &i.parent {
                self.part("p", "parent", None, &esc(p));
            }
            self.part("p", "issuer", Some(i.span), &esc(&i.name));
        }
        if let Some(n) = head.number {
            self.part("p", "number", Some(n.span), &esc(&n.raw));
        }
        self.out.push_str("</div>\n<div>\n");
        if let Some(n) = head.national {
            let inner = [
                n.name.as_deref().map(|x| (x, "national")),
                n.motto.as_deref().map(|x| (x, "motto")),
            ]
            .into_iter()
            .flatten()
            .map(|(x, c)| format!("<span class=\"{c}\">{}</span>", esc(x)))
            .collect::<Vec<_>>()
            .join("<br>");
            self.part("p", "heading", Some(n.span), &inner);
        }
        if let Some(p) = head.place_date {
            self.part("p", "place-date", Some(p.span), &esc(&p.raw));
        }
        self.out.push_str("</div>\n</header>\n");
    }

    /// The labelled blocks as a nested list of links (nothing when the body has none).
    fn outline(&mut self, body: &[Block]) {
        fn items(out: &mut String, list: &[Block], prefix: &str) -> bool {
            let mut any = false;
            let mut inner = String::new();
            for (i, b) in list.iter().enumerate() {
                let id = format!("{prefix}-{}", i + 1);
                if b.label.is_none() || !b.kind.is_heading() && b.kind != BlockKind::Item {
                    continue;
                }
                any = true;
                let name = join(b.marker.as_deref().unwrap_or(""), &b.text);
                let short: String = name.chars().take(90).collect();
                let more = if short.len() < name.len() { "…" } else { "" };
                let _ = write!(inner, "<li><a href=\"#{id}\">{}{more}</a>", esc(&short));
                let mut sub = String::new();
                if items(&mut sub, &b.children, &id) {
                    inner.push_str(&sub);
                }
                inner.push_str("</li>\n");
            }
            if any {
                let _ = write!(out, "<ol>\n{inner}</ol>\n");
            }
            any
        }
        let mut list = String::new();
        if items(&mut list, body, "b") {
            let _ = write!(
                self.out,
                "<nav class=\"outline\" aria-label=\"Mục lục\">\n{list}</nav>\n"
            );
        }
    }

    fn kinh_gui(&mut self, r: &Recipients) {
        if r.to.is_empty() {
            return;
        }
        let inner = if let [one] = r.to.as_slice() {
            format!("<b>Kính gửi:</b> {}", esc(one))
        } else {
            let items: String =
                r.to.iter()
                    .map(|t| format!("<li>{}</li>", esc(t)))
                    .collect();
            format!("<b>Kính gửi:</b><ul>{items}</ul>")
        };
        self.part("div", "kinh-gui", r.to_span, &inner);
    }

    /// The body blocks: heading kinds as `<hN>`, the rest as paragraphs; each block a
    /// `<section>` with its id, holding its children.
    fn blocks(&mut self, list: &[Block], prefix: &str, level: usize) {
        for (i, b) in list.iter().enumerate() {
            let id = format!("{prefix}-{}", i + 1);
            let kind = serde_json::to_value(b.kind).ok();
            let kind = kind.as_ref().and_then(|v| v.as_str()).unwrap_or("block");
            let own = b.own_span();
            let has = self.diags.iter().any(|(at, _)| *at == Some(own));
            let _ = writeln!(
                self.out,
                "<section class=\"block kind-{kind}{}\" id=\"{id}\"{}>",
                if has { " has-diag" } else { "" },
                lines(Some(b.span))
            );
            let marker = b
                .marker
                .as_deref()
                .map(|m| format!("<span class=\"marker\">{}</span> ", esc(m)))
                .unwrap_or_default();
            let at = lines(Some(own));
            if b.kind.is_heading() && b.marker.is_some() {
                let n = level.min(6);
                let _ = writeln!(self.out, "<h{n}{at}>{marker}{}</h{n}>", esc(&b.text));
            } else {
                let _ = writeln!(self.out, "<p{at}>{marker}{}</p>", esc(&b.text));
            }
            self.asides(Some(own));
            self.blocks(&b.children, &id, level + usize::from(b.kind.is_heading()));
            self.out.push_str("</section>\n");
        }
    }

    /// Nơi nhận beside the signature blocks.
    fn closing(&mut self, r: &Recipients, sigs: &[&Signature]) {
        let noi_nhan = !r.cc.is_empty() || r.archive.is_some();
        if !noi_nhan && sigs.is_empty() {
            return;
        }
        self.out.push_str("<footer class=\"cols closing\">\n");
        if noi_nhan {
            let mut inner = String::from("<b>Nơi nhận:</b><ul>");
            for c in &r.cc {
                let _ = write!(inner, "<li>- {};</li>", esc(c));
            }
            if let Some(a) = &r.archive {
                let _ = write!(inner, "<li>- {}.</li>", esc(a.raw.trim_end_matches('.')));
            }
            inner.push_str("</ul>");
            self.part("div", "noi-nhan", r.span, &inner);
        }
        for s in sigs {
            let lines = signature_lines(s);
            let mut inner = String::new();
            let last = lines.len().saturating_sub(1);
            for (i, l) in lines.iter().enumerate() {
                if i == last && s.signer.is_some() && lines.len() > 1 {
                    inner.push_str("<div class=\"space\"></div>");
                }
                let bold = i < s.authority.len() + usize::from(s.position.is_some()) || i == last;
                if bold {
                    let _ = write!(inner, "<p><b>{}</b></p>", esc(l));
                } else {
                    let _ = write!(inner, "<p>{}</p>", esc(l));
                }
            }
            self.part("div", "sign", Some(s.span), &inner);
        }
        self.out.push_str("</footer>\n");
    }
}

/// Where each diagnostic goes: beside the smallest part whose lines hold its line. A body
/// block stands for its own lines (up to its first child), so that a diagnostic goes beside
/// the block it is in, not beside the whole section.
fn place_diagnostics(doc: &Document) -> Vec<(Option<Span>, &Diagnostic)> {
    let mut parts: Vec<Span> = Vec::new();
    parts.extend(doc.front_matter.iter().map(|t| t.span));
    parts.extend(doc.issuer.iter().map(|i| i.span));
    parts.extend(doc.national_heading.iter().map(|n| n.span));
    parts.extend(doc.marks.iter().map(|m| m.span));
    parts.extend(doc.number.iter().map(|n| n.span));
    parts.extend(doc.place_date.iter().map(|p| p.span));
    parts.extend(doc.kind_line.iter().map(|k| k.span));
    parts.extend(doc.title_span);
    parts.extend(doc.recipients.to_span);
    if let Some(p) = &doc.preamble {
        parts.push(p.span);
        parts.extend(
            p.authority
                .iter()
                .chain(&p.bases)
                .chain(&p.proposals)
                .chain(&p.enacting)
                .map(|t| t.span),
        );
    }
    fn walk(list: &[Block], parts: &mut Vec<Span>) {
        for b in list {
            parts.push(b.own_span());
            walk(&b.children, parts);
        }
    }
    walk(&doc.body, &mut parts);
    parts.extend(doc.end_mark);
    parts.extend(doc.recipients.span);
    parts.extend(own_signatures(doc).iter().map(|s| s.span));
    for a in &doc.appendices {
        parts.push(a.span);
        walk(&a.body, &mut parts);
    }
    for c in &doc.copies {
        parts.push(c.span);
        parts.extend(c.recipients.span);
        parts.extend(c.signature.iter().map(|s| s.span));
    }
    let mut out = Vec::new();
    for d in &doc.diagnostics {
        let best = d.line.and_then(|l| {
            parts
                .iter()
                .filter(|s| s.line_start <= l && l <= s.line_end)
                .min_by_key(|s| (s.line_end - s.line_start, std::cmp::Reverse(s.start)))
        });
        out.push((best.copied(), d));
    }
    out
}

fn aside(out: &mut String, d: &Diagnostic) {
    let sev = d.severity.as_str();
    let place = d
        .line
        .map(|l| format!("line {l}"))
        .unwrap_or_else(|| "document".to_string());
    let _ = writeln!(
        out,
        "<aside class=\"diag {sev}\" role=\"note\"><b>{sev}</b> <code>{}</code> ({place}): {}</aside>",
        d.code,
        esc(&d.message)
    );
}

/// ` data-lines="A-B"` for a part read at `span`.
fn lines(span: Option<Span>) -> String {
    match span {
        Some(s) if s.line_start > 0 => format!(" data-lines=\"{}-{}\"", s.line_start, s.line_end),
        _ => String::new(),
    }
}

fn join(a: &str, b: &str) -> String {
    match (a.is_empty(), b.is_empty()) {
        (true, _) => b.to_string(),
        (_, true) => a.to_string(),
        _ => format!("{a} {b}"),
    }
}

/// Text escaped for HTML content and attribute values.
fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}
