//! Form fields — the labelled lines of a giấy mời, giấy giới thiệu, biên bản or công điện
//! (`Thời gian: 8 giờ 00 ngày 12/6/2026`, `Địa điểm: Hội trường UBND tỉnh`), read from the
//! body's blocks.

use std::sync::LazyLock;

use regex::Regex;

use crate::ast::kind::DocKind;
use crate::ast::{Block, Document, Field};

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
pub(crate) fn fields(doc: &Document) -> Vec<Field> {
    fn walk(bs: &[Block], out: &mut Vec<Field>) {
        for b in bs {
            if let Some(c) = FIELD.captures(&b.text) {
                let label = c[1].trim();
                if label.split_whitespace().count() <= 6 {
                    out.push(Field {
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
