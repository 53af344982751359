//! What the Word readers ([`super::docx`], [`super::doc`]) share: the body as paragraphs and
//! tables, and how it is written as the lines the parser reads.
//!
//! A paragraph is a line (a line break inside it starts another; a page break ends the line
//! and the page with a form feed, as extracted text has it). A table row is written line by
//! line with its cells side by side, separated by tabs: line *k* of the row holds line *k* of
//! each cell, so the issuer column and the national heading column of a header table stand on
//! the lines they are printed on, never interleaved. A table inside a cell is written into that
//! cell row by row, its cells separated by a space.
//!
//! ```text
//! | UBND TỈNH LÀO CAI | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |
//! | Số: 12/TB-VP      | Độc lập - Tự do - Hạnh phúc        |
//! ```
//! becomes `UBND TỈNH LÀO CAI⇥CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM` and `Số: 12/TB-VP⇥Độc lập - Tự
//! do - Hạnh phúc`.

/// What a body holds, in order.
#[derive(Debug)]
pub(crate) enum Item {
    /// A paragraph's text, its list label written before it (line breaks as `\n`, a page
    /// break as `\x0C`).
    Para(String),
    /// A table: rows of cells, each cell the items inside it (`None`: a cell merged into the
    /// one above or to its left, written empty).
    Table(Vec<Vec<Option<Vec<Item>>>>),
}

/// The items as text: a line end after each line (none after a page break's form feed, which
/// ends the line itself).
pub(crate) fn render(items: Vec<Item>) -> String {
    let mut lines = Vec::new();
    render_items(items, &mut lines);
    let mut out = String::with_capacity(lines.iter().map(|l| l.len() + 1).sum());
    for l in lines {
        out.push_str(&l);
        if !l.ends_with('\x0C') {
            out.push('\n');
        }
    }
    out
}

/// The lines of some items.
fn render_items(items: Vec<Item>, lines: &mut Vec<String>) {
    for item in items {
        match item {
            Item::Para(text) => {
                for piece in text.split('\n') {
                    // a page break ends its line (and the page)
                    let mut rest = piece;
                    while let Some(at) = rest.find('\x0C') {
                        lines.push(format!("{}\x0C", &rest[..at]));
                        rest = &rest[at + 1..];
                    }
                    lines.push(rest.to_string());
                }
            }
            Item::Table(rows) => {
                for cells in rows {
                    let cols: Vec<Vec<String>> = cells
                        .into_iter()
                        .map(|c| {
                            let mut cl = Vec::new();
                            if let Some(items) = c {
                                render_items(items, &mut cl);
                            }
                            // a tab inside a cell would open a column of its own
                            cl.iter()
                                .map(|l| l.replace('\t', " ").replace('\x0C', ""))
                                .collect()
                        })
                        .collect();
                    let height = cols.iter().map(Vec::len).max().unwrap_or(0);
                    for k in 0..height {
                        let row: Vec<&str> = cols
                            .iter()
                            .map(|c| c.get(k).map_or("", String::as_str))
                            .collect();
                        lines.push(row.join("\t").trim_end_matches('\t').to_string());
                    }
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_side_by_side_and_page_breaks() {
        let cell = |t: &[&str]| Some(t.iter().map(|s| Item::Para(s.to_string())).collect());
        let items = vec![
            Item::Table(vec![vec![cell(&["UBND", "SỞ Y TẾ"]), cell(&["CỘNG HÒA"])]]),
            Item::Para("trang 1\x0Ctrang 2".to_string()),
            Item::Table(vec![vec![None, cell(&["a\tb"])]]),
        ];
        assert_eq!(
            render(items),
            "UBND\tCỘNG HÒA\nSỞ Y TẾ\ntrang 1\x0Ctrang 2\n\ta b\n"
        );
    }
}
