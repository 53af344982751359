//! The document's vocabulary, written once: every small recogniser of what a line (or a cell)
//! of a văn bản hành chính opens with or holds, for every stage above to ask.
//!
//! | cue | Vietnamese | example | module |
//! |---|---|---|---|
//! | Quốc hiệu, Tiêu ngữ | quốc hiệu, tiêu ngữ | `CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM` | [`heading`] |
//! | party heading | tiêu đề của Đảng | `ĐẢNG CỘNG SẢN VIỆT NAM` | [`heading`] |
//! | marks | độ khẩn, độ mật | `HỎA TỐC`, `MẬT`, `Dự thảo` | [`heading`] |
//! | V/v, Kính gửi | trích yếu, nơi nhận | `V/v tăng cường …`, `Kính gửi: Sở Tài chính` | [`heading`] |
//! | number | số, ký hiệu | `Số: 123/TB-UBND` | [`number`] |
//! | place and date | địa danh và thời gian | `Quảng Ngãi, ngày 05 tháng 9 năm 2024` | [`place_date`] |
//! | tên loại | tên loại văn bản | `QUYẾT ĐỊNH` | [`crate::ast::kind`] (`DocKind::from_line`) |
//! | căn cứ, formula | căn cứ ban hành | `Căn cứ Luật …;`, `QUYẾT ĐỊNH:` | [`preamble`] |
//! | body markers | bố cục nội dung | `Điều 5.`, `II.`, `1.2.`, `a)`, `-` | [`marker`] |
//! | Nơi nhận, Lưu | nơi nhận | `Nơi nhận:`, `- Lưu: VT, VP.` | [`closing`] |
//! | quyền hạn, position, note | quyền hạn ký | `KT. CHỦ TỊCH`, `PHÓ CHỦ TỊCH`, `(Đã ký)` | [`closing`] |
//! | phụ lục, bản sao | phụ lục, bản sao | `PHỤ LỤC 01`, `SAO Y BẢN CHÍNH` | [`tail`] |
//! | citation | trích dẫn | `khoản 2 Điều 5 Nghị định số 30/2020/NĐ-CP` | [`citation`] |
//! | assignment, deadline | giao nhiệm vụ, thời hạn | `Giao Sở Tài chính chủ trì, …`, `trước ngày 30/9/2024` | [`task`] |
//!
//! Cues read text only (a `&str`: a line or a cell); they know nothing of lines, spans or the
//! tree, so the layout stage below the parts can use them too.

/// Dấu kết thúc — the mark that ends a document's text (`… thi hành Quyết định này./.`).
pub(crate) const END_MARK: &str = "./.";

pub(crate) mod citation;
pub(crate) mod closing;
pub(crate) mod heading;
pub(crate) mod marker;
pub mod number;
pub mod place_date;
pub(crate) mod preamble;
pub(crate) mod scan;
pub(crate) mod tail;
pub(crate) mod task;
