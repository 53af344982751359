//! Markdown: the document for a wiki, a review or a chat message (CommonMark with GFM tables).

use std::fmt::Write;

use crate::ast::Parsed;
use crate::ast::{Block, BlockKind, Document, Recipients, Signature};

use super::{Head, end_mark_apart, is_vv, own_signatures, signature_lines};

/// The document as Markdown.
///
/// The header is a two-column table (tên cơ quan and số, ký hiệu beside Quốc hiệu, Tiêu ngữ and
/// địa danh, ngày tháng); the tên loại is the page's `#` heading and the trích yếu follows in
/// bold; Phần, Chương, Mục, Điều and Roman-numeral sections are `##`–`######` headings by depth;
/// numbered items, khoản and điểm are paragraphs that open with their marker in bold; bullets
/// are list items; Nơi nhận and the signature are a table again. Diagnostics close the page, each
/// with its line. Text is escaped: a `*` or a `1.` in the document stays as printed.
///
/// ```
/// let parsed = vanban::parse("THÔNG BÁO\nVề việc nghỉ lễ\nI. Thời gian\n1. Nghỉ 3 ngày.\n",
///     &vanban::Options::default());
/// let md = vanban::render::to_markdown(&parsed);
/// assert!(md.contains("# THÔNG BÁO\n"));
/// assert!(md.contains("## I. Thời gian\n"));
/// assert!(md.contains("**1\\.** Nghỉ 3 ngày."));
/// ```
pub fn to_markdown(parsed: &Parsed) -> String {
    let doc = &parsed.document;
    let mut out = String::new();
    for t in &doc.front_matter {
        let _ = writeln!(out, "> {}\n", esc(&t.text));
    }
    header(&mut out, Head::of_document(doc));
    for m in &doc.marks {
        let _ = writeln!(out, "**{}**\n", esc(&m.text));
    }
    let vv = is_vv(doc);
    match (&doc.kind_line, vv) {
        (Some(k), _) => {
            let _ = writeln!(out, "# {}\n", esc(&k.text));
        }
        (None, false) => {
            if let Some(name) = doc.kind.as_ref().and_then(|k| k.name()) {
                let _ = writeln!(out, "# {}\n", esc(name));
            }
        }
        (None, true) => {}
    }
    if let Some(t) = &doc.title {
        let _ = writeln!(out, "**{}{}**\n", if vv { "V/v " } else { "" }, esc(t));
    }
    kinh_gui(&mut out, &doc.recipients);
    if let Some(p) = &doc.preamble {
        for t in p.authority.iter().chain(&p.bases).chain(&p.proposals) {
            let _ = writeln!(out, "*{}*\n", esc(&t.text));
        }
        if let Some(e) = &p.enacting {
            let _ = writeln!(out, "**{}**\n", esc(&e.text));
        }
    }
    blocks(&mut out, &doc.body, 0);
    if end_mark_apart(doc) {
        out.push_str("./.\n\n");
    }
    closing(&mut out, &doc.recipients, &own_signatures(doc));
    for a in &doc.appendices {
        out.push_str("---\n\n");
        header(&mut out, Head::of_appendix(a));
        if let Some(h) = &a.heading {
            let _ = writeln!(out, "## {}\n", esc(h));
        }
        for l in a.title.iter().chain(&a.attached_to) {
            let _ = writeln!(out, "**{}**\n", esc(l));
        }
        blocks(&mut out, &a.body, 2);
    }
    for c in &doc.copies {
        out.push_str("---\n\n");
        let _ = writeln!(out, "## {}\n", esc(&c.heading));
        header(&mut out, Head::of_copy(c));
        closing(
            &mut out,
            &c.recipients,
            &c.signature.iter().collect::<Vec<_>>(),
        );
    }
    diagnostics(&mut out, doc);
    let keep = out.trim_end().len();
    out.truncate(keep);
    out.push('\n');
    out
}

/// Ô 1–4 as a table of two columns; nothing when the document has none of them.
fn header(out: &mut String, head: Head<'_>) {
    let mut left: Vec<String> = Vec::new();
    if let Some(i) = head.issuer {
        left.extend(i.parent.iter().map(|p| esc(p)));
        left.push(format!("**{}**", esc(&i.name)));
    }
    left.extend(head.number.map(|n| esc(&n.raw)));
    let mut right: Vec<String> = Vec::new();
    if let Some(n) = head.national {
        right.extend(n.name.iter().map(|x| format!("**{}**", esc(x))));
        right.extend(n.motto.iter().map(|x| format!("**{}**", esc(x))));
    }
    right.extend(head.place_date.map(|p| format!("*{}*", esc(&p.raw))));
    if left.is_empty() && right.is_empty() {
        return;
    }
    let _ = writeln!(
        out,
        "| {} | {} |\n|:---:|:---:|\n",
        left.join("<br>"),
        right.join("<br>")
    );
}

fn kinh_gui(out: &mut String, r: &Recipients) {
    match r.to.as_slice() {
        [] => {}
        [one] => {
            let _ = writeln!(out, "**Kính gửi:** {}\n", esc(one));
        }
        many => {
            out.push_str("**Kính gửi:**\n\n");
            for t in many {
                let _ = writeln!(out, "- {}", esc(t));
            }
            out.push('\n');
        }
    }
}

/// The body: heading kinds as Markdown headings (`##` at the top, one level deeper per
/// nesting, `######` at most), bullets as list items, the rest as paragraphs.
fn blocks(out: &mut String, list: &[Block], depth: usize) {
    for b in list {
        let text = esc(&b.text);
        match b.marker.as_deref().map(esc) {
            _ if b.kind == BlockKind::Bullet => {
                let _ = writeln!(out, "- {text}\n");
            }
            Some(m) if b.kind.is_heading() => {
                let hashes = "#".repeat((depth + 2).min(6));
                let _ = writeln!(out, "{hashes} {}\n", join(&m, &text));
            }
            Some(m) => {
                let _ = writeln!(out, "**{m}** {text}\n");
            }
            None => {
                let _ = writeln!(out, "{text}\n");
            }
        }
        blocks(out, &b.children, depth + usize::from(b.kind.is_heading()));
    }
}

fn join(a: &str, b: &str) -> String {
    if b.is_empty() {
        a.to_string()
    } else {
        format!("{a} {b}")
    }
}

/// Nơi nhận beside the signature blocks, as a table.
fn closing(out: &mut String, r: &Recipients, sigs: &[&Signature]) {
    let mut left: Vec<String> = Vec::new();
    if !r.cc.is_empty() || r.archive.is_some() {
        left.push("***Nơi nhận:***".to_string());
        left.extend(r.cc.iter().map(|c| format!("\\- {};", esc(c))));
        if let Some(a) = &r.archive {
            left.push(format!("\\- {}.", esc(a.raw.trim_end_matches('.'))));
        }
    }
    let mut cols: Vec<String> = Vec::new();
    if !left.is_empty() {
        cols.push(left.join("<br>"));
    }
    for s in sigs {
        let lines: Vec<String> = signature_lines(s).iter().map(|l| esc(l)).collect();
        cols.push(lines.join("<br>"));
    }
    if cols.is_empty() {
        return;
    }
    let _ = writeln!(
        out,
        "| {} |\n|{}\n",
        cols.join(" | "),
        ":---:|".repeat(cols.len())
    );
}

/// Diagnostics, each with its line, under a heading of their own.
fn diagnostics(out: &mut String, doc: &Document) {
    if doc.diagnostics.is_empty() {
        return;
    }
    out.push_str("---\n\n**Diagnostics**\n\n");
    for d in &doc.diagnostics {
        let place = d.line.map(|l| format!("line {l}: ")).unwrap_or_default();
        let _ = writeln!(
            out,
            "- {place}{} `{}`: {}",
            d.severity.as_str(),
            d.code,
            esc(&d.message)
        );
    }
    out.push('\n');
}

/// Text escaped for Markdown: the characters that would start emphasis, code, links, HTML or
/// a table cell, a `#`, and a number or sign that would open a list at the start.
fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    for (i, c) in s.char_indices() {
        if matches!(
            c,
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '#' | '|' | '~'
        ) || (matches!(c, '.' | ')') && s[..i].chars().all(|d| d.is_ascii_digit()) && i > 0)
            || (i == 0 && matches!(c, '-' | '+' | '='))
        {
            out.push('\\');
        }
        out.push(c);
    }
    out
}
