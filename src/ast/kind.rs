//! Tên loại văn bản — the document's type (`THÔNG BÁO`, `QUYẾT ĐỊNH`, …) and its slug.

use serde::{Deserialize, Serialize};

use crate::viet::{slug, upper_key};

macro_rules! kinds {
    ($( $(#[$doc:meta])* $var:ident = $slug:literal, $name:literal, $code:expr; )*) => {
        /// Tên loại văn bản: the 29 hành chính types of Điều 7 NĐ 30/2020, the normative and
        /// party types, frequent types outside Điều 7, and any other printed type by its slug.
        ///
        /// Serialises as its ASCII slug (`thong_bao`, `cong_van`).
        #[derive(Debug, Clone, PartialEq, Eq, Hash)]
        #[non_exhaustive]
        pub enum DocKind {
            $( $(#[$doc])* $var, )*
            /// A type outside every list, by the slug of its printed name.
            Other(String),
        }

        const TABLE: &[(DocKind, &str, &str, Option<&str>)] = &[
            $( (DocKind::$var, $slug, $name, $code), )*
        ];
    };
}

/// The type code inside the first number on a line that carries one: `127-KL/TW` (party:
/// digits, a dash, the code, a slash), `12/QĐ-UBND` or `12/2024/NĐ-CP` (state: digits, a slash,
/// perhaps a year and a slash, the code, a dash). A code is one to four capitals, perhaps with
/// one small letter after them (`Qđ`).
fn type_code_in(line: &str) -> Option<&str> {
    let b = line.as_bytes();
    let spaces = |at: usize| {
        at + line[at..]
            .char_indices()
            .find(|&(_, c)| !c.is_whitespace())
            .map_or(line.len() - at, |(k, _)| k)
    };
    // the code at `at`, ended by `end`
    let code_at = |at: usize, end: u8| -> Option<&str> {
        let mut k = at;
        let mut n = 0;
        for c in line[at..].chars().take_while(|&c| crate::viet::is_lu(c)) {
            k += c.len_utf8();
            n += 1;
        }
        if !(1..=4).contains(&n) {
            return None;
        }
        if b.get(k) == Some(&end) {
            return Some(&line[at..k]);
        }
        let small = line[k..]
            .chars()
            .next()
            .filter(|&c| crate::viet::is_ll(c))?;
        let k2 = k + small.len_utf8();
        (b.get(k2) == Some(&end)).then(|| &line[at..k2])
    };
    (0..b.len())
        .filter(|&p| b[p].is_ascii_digit())
        .find_map(|p| {
            // party: `127 - KL/`
            let dash = spaces(p + 1);
            if b.get(dash) == Some(&b'-')
                && let Some(code) = code_at(spaces(dash + 1), b'/')
            {
                return Some(code);
            }
            // state: `12/QĐ-`, `12/2024/NĐ-`
            if b.get(p + 1) != Some(&b'/') {
                return None;
            }
            let year = b
                .get(p + 2..p + 6)
                .is_some_and(|y| y.iter().all(u8::is_ascii_digit))
                && b.get(p + 6) == Some(&b'/');
            code_at(if year { p + 7 } else { p + 2 }, b'-')
        })
}

/// The printed names without diacritics, in [`TABLE`] order.
static BARE_NAMES: std::sync::LazyLock<Vec<String>> = std::sync::LazyLock::new(|| {
    TABLE
        .iter()
        .map(|(_, _, name, _)| crate::viet::bare(name))
        .collect()
});

kinds! {
    /// Nghị quyết (NQ).
    NghiQuyet = "nghi_quyet", "NGHỊ QUYẾT", Some("NQ");
    /// Quyết định (QĐ).
    QuyetDinh = "quyet_dinh", "QUYẾT ĐỊNH", Some("QĐ");
    /// Chỉ thị (CT).
    ChiThi = "chi_thi", "CHỈ THỊ", Some("CT");
    /// Quy chế (QC).
    QuyChe = "quy_che", "QUY CHẾ", Some("QC");
    /// Quy định (QyĐ).
    QuyDinh = "quy_dinh", "QUY ĐỊNH", Some("QyĐ");
    /// Thông cáo (TC).
    ThongCao = "thong_cao", "THÔNG CÁO", Some("TC");
    /// Thông báo (TB).
    ThongBao = "thong_bao", "THÔNG BÁO", Some("TB");
    /// Hướng dẫn (HD).
    HuongDan = "huong_dan", "HƯỚNG DẪN", Some("HD");
    /// Chương trình (CTr).
    ChuongTrinh = "chuong_trinh", "CHƯƠNG TRÌNH", Some("CTr");
    /// Kế hoạch (KH).
    KeHoach = "ke_hoach", "KẾ HOẠCH", Some("KH");
    /// Phương án (PA).
    PhuongAn = "phuong_an", "PHƯƠNG ÁN", Some("PA");
    /// Đề án (ĐA).
    DeAn = "de_an", "ĐỀ ÁN", Some("ĐA");
    /// Dự án (DA).
    DuAn = "du_an", "DỰ ÁN", Some("DA");
    /// Báo cáo (BC).
    BaoCao = "bao_cao", "BÁO CÁO", Some("BC");
    /// Biên bản (BB).
    BienBan = "bien_ban", "BIÊN BẢN", Some("BB");
    /// Tờ trình (TTr).
    ToTrinh = "to_trinh", "TỜ TRÌNH", Some("TTr");
    /// Hợp đồng (HĐ).
    HopDong = "hop_dong", "HỢP ĐỒNG", Some("HĐ");
    /// Công văn (no tên loại line; `V/v` trích yếu).
    CongVan = "cong_van", "CÔNG VĂN", None;
    /// Công điện (CĐ).
    CongDien = "cong_dien", "CÔNG ĐIỆN", Some("CĐ");
    /// Bản ghi nhớ (BGN).
    BanGhiNho = "ban_ghi_nho", "BẢN GHI NHỚ", Some("BGN");
    /// Bản thỏa thuận (BTT).
    BanThoaThuan = "ban_thoa_thuan", "BẢN THỎA THUẬN", Some("BTT");
    /// Giấy ủy quyền (GUQ).
    GiayUyQuyen = "giay_uy_quyen", "GIẤY ỦY QUYỀN", Some("GUQ");
    /// Giấy mời (GM).
    GiayMoi = "giay_moi", "GIẤY MỜI", Some("GM");
    /// Giấy giới thiệu (GGT).
    GiayGioiThieu = "giay_gioi_thieu", "GIẤY GIỚI THIỆU", Some("GGT");
    /// Giấy nghỉ phép (GNP).
    GiayNghiPhep = "giay_nghi_phep", "GIẤY NGHỈ PHÉP", Some("GNP");
    /// Phiếu gửi (PG).
    PhieuGui = "phieu_gui", "PHIẾU GỬI", Some("PG");
    /// Phiếu chuyển (PC).
    PhieuChuyen = "phieu_chuyen", "PHIẾU CHUYỂN", Some("PC");
    /// Phiếu báo (PB).
    PhieuBao = "phieu_bao", "PHIẾU BÁO", Some("PB");
    /// Thư công.
    ThuCong = "thu_cong", "THƯ CÔNG", None;
    /// Luật.
    Luat = "luat", "LUẬT", None;
    /// Bộ luật.
    BoLuat = "bo_luat", "BỘ LUẬT", None;
    /// Pháp lệnh.
    PhapLenh = "phap_lenh", "PHÁP LỆNH", None;
    /// Nghị định (NĐ).
    NghiDinh = "nghi_dinh", "NGHỊ ĐỊNH", Some("NĐ");
    /// Thông tư liên tịch (TTLT).
    ThongTuLienTich = "thong_tu_lien_tich", "THÔNG TƯ LIÊN TỊCH", Some("TTLT");
    /// Thông tư (TT).
    ThongTu = "thong_tu", "THÔNG TƯ", Some("TT");
    /// Lệnh.
    Lenh = "lenh", "LỆNH", None;
    /// Kết luận (party, KL).
    KetLuan = "ket_luan", "KẾT LUẬN", Some("KL");
    /// Thông tri (party, TT).
    ThongTri = "thong_tri", "THÔNG TRI", None;
    /// Giấy phép (GP).
    GiayPhep = "giay_phep", "GIẤY PHÉP", Some("GP");
    /// Phiếu trình.
    PhieuTrinh = "phieu_trinh", "PHIẾU TRÌNH", None;
    /// Giấy chứng nhận (GCN).
    GiayChungNhan = "giay_chung_nhan", "GIẤY CHỨNG NHẬN", Some("GCN");
    /// Giấy xác nhận.
    GiayXacNhan = "giay_xac_nhan", "GIẤY XÁC NHẬN", None;
    /// Văn bản hợp nhất (VBHN).
    VanBanHopNhat = "van_ban_hop_nhat", "VĂN BẢN HỢP NHẤT", Some("VBHN");
}

impl DocKind {
    /// Every type of the table with its printed name in capitals (`THÔNG BÁO`).
    pub(crate) fn named() -> impl Iterator<Item = (&'static DocKind, &'static str)> {
        TABLE.iter().map(|(k, _, n, _)| (k, *n))
    }

    /// The ASCII slug of the contract (`thong_bao`).
    pub fn slug(&self) -> &str {
        match self {
            DocKind::Other(s) => s,
            k => TABLE
                .iter()
                .find(|(v, ..)| v == k)
                .map(|(_, s, ..)| *s)
                .unwrap_or("other"),
        }
    }

    /// The abbreviation of the type in a document's symbol (`TB` for Thông báo, `QĐ` for
    /// Quyết định, Phụ lục III); `None` for a type without one (Công văn) or outside the lists.
    pub fn type_code(&self) -> Option<&'static str> {
        TABLE
            .iter()
            .find(|(v, ..)| v == self)
            .and_then(|(_, _, _, code)| *code)
    }

    /// The tên loại in capitals as the decree prints it (`THÔNG BÁO`); `None` for `Other`.
    pub fn name(&self) -> Option<&'static str> {
        TABLE
            .iter()
            .find(|(v, ..)| v == self)
            .map(|(_, _, n, _)| *n)
    }

    /// Recognise a tên loại line — `THÔNG BÁO`, `GIẤY MỜI HỌP`, `Quyết định`.
    ///
    /// The line must be the type name alone (any case), or start with a known type name and be
    /// in capitals throughout (`BIÊN BẢN LÀM VIỆC` is a `bien_ban`). A capitals-only line that is
    /// no known type is `None` here: the caller decides whether it is an unknown type.
    pub fn from_line(line: &str) -> Option<DocKind> {
        // a tên loại line is short; a sentence is never one
        if line.len() > 600 || line.ends_with(['.', ';', ',']) {
            return None;
        }
        if !Self::may_open_name(line) {
            return None;
        }
        Self::from_line_unfiltered(line)
    }

    /// [`DocKind::from_line`] without the test of the first letter.
    fn from_line_unfiltered(line: &str) -> Option<DocKind> {
        // (a long headline is read only by its number: see `scrambled`)
        let long = line.len() > 200;
        let key = upper_key(line);
        let key = key.trim_end_matches([':', '.', ' ']);
        // `Bản Quy định`, `BẢN QUY CHẾ` (older texts): the type after `Bản`
        let key = match key.strip_prefix("BẢN ") {
            Some(rest) if rest.starts_with("QUY ") || rest.starts_with("ĐIỀU LỆ") => rest,
            _ => key,
        };
        // (OCR of a heading may misread a few capitals as small letters: `PHIEU TRiNH`)
        let mostly_caps = || {
            let (up, all) = line
                .chars()
                .filter(|c| c.is_alphabetic())
                .fold((0, 0), |(u, a), c| {
                    (u + usize::from(c.is_uppercase()), a + 1)
                });
            all > 0 && up * 4 >= all * 3
        };
        let is_caps =
            crate::viet::is_upper(line) || crate::viet::is_unmarked(line) && mostly_caps();
        // longest names first so that THÔNG TƯ LIÊN TỊCH wins over THÔNG TƯ
        let mut best: Option<(&DocKind, usize)> = None;
        // a tên loại typed without diacritics (`QUYET DINH`, `BIEN BAN`)
        let unmarked = crate::viet::is_unmarked(key);
        for (i, (k, _, name, _)) in TABLE.iter().enumerate().filter(|_| !long) {
            let name: &str = if unmarked { &BARE_NAMES[i] } else { name };
            if let Some(rest) = key.strip_prefix(name) {
                let whole = rest.is_empty();
                // `Nghị định của Chính phủ`, `QUYẾT ĐỊNH CỦA BỘ TRƯỞNG …` (older documents)
                let of = rest.starts_with(" CỦA ");
                let runs_on = rest.starts_with(' ') && is_caps || of;
                if (whole || runs_on) && best.is_none_or(|(_, n)| name.len() > n) {
                    best = Some((k, name.len()));
                }
            }
        }
        if best.is_none() && is_caps && !unmarked {
            return Self::scrambled(key);
        }
        best.map(|(k, _)| k.clone())
    }

    /// Whether a line's first letter may open a type name, marked or bare, or `Bản` (a cheap
    /// test before the line is made a key: most lines of a document open otherwise). The
    /// capitals `O` and `U` are always let through: the key's first letter changes when the
    /// first word is in the old tone placement (`OÀ` → `ÒA`).
    fn may_open_name(line: &str) -> bool {
        static FIRSTS: std::sync::LazyLock<Vec<char>> = std::sync::LazyLock::new(|| {
            let mut v: Vec<char> = TABLE
                .iter()
                .flat_map(|(_, _, name, _)| {
                    [name.chars().next(), crate::viet::bare(name).chars().next()]
                })
                .flatten()
                .chain(['B'])
                .collect();
            v.sort_unstable();
            v.dedup();
            v
        });
        // the key's first letter: the first that white space folding keeps, in capitals
        let Some(c) = line
            .chars()
            .find(|&c| !c.is_whitespace() && !crate::viet::is_invisible(c))
        else {
            return true;
        };
        let Some(c) = c.to_uppercase().next() else {
            return true;
        };
        let c = if c == 'Ð' { 'Đ' } else { c };
        if matches!(c, 'O' | 'U') || FIRSTS.binary_search(&c).is_ok() {
            return true;
        }
        // the bare reading (`Đ` is `D`, `Ủ` is `U`)
        !c.is_ascii()
            && crate::viet::bare(c.encode_utf8(&mut [0; 4]))
                .chars()
                .next()
                .is_none_or(|b| matches!(b, 'O' | 'U') || FIRSTS.binary_search(&b).is_ok())
    }

    /// A headline in capitals whose marks are scrambled (`KẾT LỦẬN 127-KL/TW CỦÀ BỘ CHÍNH TRỊ`):
    /// the type read without marks, taken only when the number on the line carries the same
    /// type code (`KL`).
    fn scrambled(key: &str) -> Option<DocKind> {
        let bare = crate::viet::bare(key);
        let (i, _) = BARE_NAMES
            .iter()
            .enumerate()
            .filter(|(_, n)| {
                bare.strip_prefix(n.as_str())
                    .is_some_and(|r| r.is_empty() || r.starts_with(' '))
            })
            .max_by_key(|(_, n)| n.len())?;
        let kind = &TABLE[i].0;
        let code = type_code_in(key)?;
        let agrees = DocKind::from_type_code(code).as_ref() == Some(kind)
            || DocKind::from_party_code(code).as_ref() == Some(kind);
        agrees.then(|| kind.clone())
    }

    /// A tên loại line that runs straight on into its trích yếu (`NGHỊ QUYẾT Về việc …`, as web
    /// copies flatten them): the kind, the type as printed and the trích yếu.
    pub fn split_line(line: &str) -> Option<(DocKind, &str, &str)> {
        for (k, _, name, _) in TABLE {
            if let Some(rest) = line.strip_prefix(name)
                && let Some(rest) = rest.strip_prefix(' ')
            {
                let rest = rest.trim_start();
                if rest.starts_with("Về ") || rest.starts_with("về ") || rest.starts_with("V/v ")
                {
                    return Some((k.clone(), &line[..name.len()], rest));
                }
            }
        }
        None
    }

    /// The kind a ký hiệu's type code names (`TB` gives `thong_bao`), if it is one.
    pub fn from_type_code(code: &str) -> Option<DocKind> {
        let code = code.trim();
        if code.is_empty() {
            return None;
        }
        TABLE
            .iter()
            .find(|(_, _, _, c)| {
                c.is_some_and(|c| c == code || c.eq_ignore_ascii_case(code) && code.is_ascii())
            })
            .map(|(k, ..)| k.clone())
    }

    /// The kind a party document's type code names (Hướng dẫn 36-HD/VPTW): `TT` is a Thông
    /// tri, `CV` a công văn, `QĐi` a Quy định, `KL` a Kết luận; the others as for the state.
    pub fn from_party_code(code: &str) -> Option<DocKind> {
        match code.trim() {
            "TT" => Some(DocKind::ThongTri),
            "CV" => Some(DocKind::CongVan),
            "QĐi" | "QĐI" => Some(DocKind::QuyDinh),
            "KL" => Some(DocKind::KetLuan),
            c => Self::from_type_code(c),
        }
    }

    /// Whether `code` is a known type code (`TB`, `QĐ`, `TTr`, party `KL`, `CV`, `QĐi`).
    pub fn is_type_code(code: &str) -> bool {
        Self::from_type_code(code).is_some()
            || matches!(
                code,
                "TT" | "CV" | "QĐi" | "BS" | "SY" | "SL" | "TrS" | "CTr" | "HD"
            )
    }

    /// The kind whose slug is `slug` (`thong_bao` → [`DocKind::ThongBao`]); any other slug is
    /// [`DocKind::Other`].
    pub fn from_slug(slug: &str) -> DocKind {
        TABLE
            .iter()
            .find(|(_, s, ..)| *s == slug)
            .map(|(k, ..)| k.clone())
            .unwrap_or_else(|| DocKind::Other(slug.to_string()))
    }

    /// A kind from a printed name outside the lists: its slug.
    pub fn other(printed: &str) -> DocKind {
        DocKind::Other(slug(printed))
    }
}

impl Serialize for DocKind {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.slug())
    }
}

impl<'de> Deserialize<'de> for DocKind {
    /// From its slug: a known kind's (`thong_bao`), else [`DocKind::Other`] with the slug.
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let slug = String::deserialize(d)?;
        Ok(DocKind::from_slug(&slug))
    }
}

#[cfg(feature = "schema")]
impl schemars::JsonSchema for DocKind {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "DocKind".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        let known: Vec<&str> = TABLE.iter().map(|(_, slug, ..)| *slug).collect();
        schemars::json_schema!({
            "type": "string",
            "description": "Tên loại văn bản as its ASCII slug: one of the examples, or the slug of any other printed type (`ban_cam_ket`).",
            "pattern": "^[a-z0-9]+(_[a-z0-9]+)*$",
            "examples": known,
        })
    }
}

impl std::fmt::Display for DocKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.slug())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn lines_whose_first_letter_opens_no_name_are_no_type() {
        let mut lines = crate::fixture_lines(&["ÒA", "  \u{200b}quyết định", "ðề án", "Œuvre"]);
        // every name in every case, marked and bare, alone and opening a line
        for (_, _, name, _) in TABLE {
            for n in [
                name.to_string(),
                name.to_lowercase(),
                crate::viet::bare(name),
            ] {
                lines.push(format!("{n} VỀ VIỆC"));
                lines.push(n);
            }
        }
        for l in &lines {
            if !DocKind::may_open_name(l) {
                assert_eq!(DocKind::from_line_unfiltered(l), None, "{l:?}");
            }
        }
    }

    proptest! {
        /// The hand-written scan finds the code the regex it replaces found (over ASCII digits:
        /// the regex's `\d` took other scripts' digits too, which no number of a Vietnamese
        /// document holds).
        #[test]
        fn type_code_scan_is_the_regex(
            text in proptest::collection::vec(
                prop_oneof![
                    Just(" "), Just("-"), Just("/"), Just("1"), Just("2024"), Just("Q"),
                    Just("Đ"), Just("đ"), Just("KL"), Just("UBND"), Just("a"), Just("Ⅱ")
                ],
                0..24,
            ).prop_map(|v| v.concat())
        ) {
            let re = regex::Regex::new(
                r"\d\s*-\s*(\p{Lu}{1,4}[\p{Ll}]?)/|\d/(?:\d{4}/)?(\p{Lu}{1,4}[\p{Ll}]?)-",
            )
            .unwrap();
            let want = re
                .captures(&text)
                .and_then(|c| c.get(1).or_else(|| c.get(2)))
                .map(|m| m.as_str());
            prop_assert_eq!(type_code_in(&text), want);
        }
    }

    #[test]
    fn a_headline_with_scrambled_marks() {
        assert_eq!(
            DocKind::from_line("KẾT LỦẬN 127-KL/TW CỦÀ BỘ CHÍNH TRỊ VỀ TRỈỂN KHÀÌ"),
            Some(DocKind::KetLuan)
        );
        // without a number that agrees, a look-alike heading is no tên loại
        assert_eq!(DocKind::from_line("THỦ CÔNG MỸ NGHỆ"), None);
        assert_eq!(DocKind::from_line("KẾT LỦẬN 12/QĐ-UBND"), None);
    }

    #[test]
    fn ban_before_the_type() {
        assert_eq!(DocKind::from_line("Bản Quy định"), Some(DocKind::QuyDinh));
        assert_eq!(DocKind::from_line("BẢN QUY CHẾ"), Some(DocKind::QuyChe));
        assert_eq!(DocKind::from_line("Bản sao"), None);
    }

    #[test]
    fn type_lines_typed_without_diacritics() {
        assert_eq!(DocKind::from_line("QUYET DINH"), Some(DocKind::QuyetDinh));
        assert_eq!(
            DocKind::from_line("BIEN BAN KIEM TRA"),
            Some(DocKind::BienBan)
        );
        assert_eq!(DocKind::from_line("Bien ban"), Some(DocKind::BienBan));
        assert_eq!(
            DocKind::from_line("PHIEU TRiNH GIAI OUYfT C6NC VIEC"),
            Some(DocKind::PhieuTrinh)
        );
        assert_eq!(DocKind::from_line("Bien ban kiem tra"), None);
        // marks present: the marked names only
        assert_eq!(DocKind::from_line("QUYET ĐỊNH"), None);
    }

    #[test]
    fn plain_type_lines() {
        assert_eq!(DocKind::from_line("THÔNG BÁO"), Some(DocKind::ThongBao));
        assert_eq!(DocKind::from_line("Quyết định"), Some(DocKind::QuyetDinh));
        assert_eq!(DocKind::from_line("QUYẾT ĐỊNH:"), Some(DocKind::QuyetDinh));
    }

    #[test]
    fn runs_on_past_a_known_type() {
        assert_eq!(DocKind::from_line("GIẤY MỜI HỌP"), Some(DocKind::GiayMoi));
        assert_eq!(
            DocKind::from_line("BIÊN BẢN LÀM VIỆC"),
            Some(DocKind::BienBan)
        );
        assert_eq!(
            DocKind::from_line("PHIẾU TRÌNH GIẢI QUYẾT CÔNG VIỆC"),
            Some(DocKind::PhieuTrinh)
        );
        assert_eq!(
            DocKind::from_line("THÔNG TƯ LIÊN TỊCH"),
            Some(DocKind::ThongTuLienTich)
        );
    }

    #[test]
    fn old_type_lines_with_cua() {
        assert_eq!(
            DocKind::from_line("Nghị định của Chính phủ"),
            Some(DocKind::NghiDinh)
        );
        assert_eq!(
            DocKind::from_line("quyết định của bộ trưởng bộ tài chính"),
            Some(DocKind::QuyetDinh)
        );
    }

    #[test]
    fn type_and_title_on_one_line() {
        let (k, name, rest) = DocKind::split_line("NGHỊ QUYẾT Về việc điều chỉnh dự án").unwrap();
        assert_eq!(
            (k, name, rest),
            (DocKind::NghiQuyet, "NGHỊ QUYẾT", "Về việc điều chỉnh dự án")
        );
        assert!(DocKind::split_line("Quyết định về việc này").is_none());
    }

    #[test]
    fn sentences_are_not_type_lines() {
        assert_eq!(DocKind::from_line("Thông báo kết luận của Chủ tịch"), None);
        assert_eq!(DocKind::from_line("Quyết định này có hiệu lực"), None);
    }

    #[test]
    fn slugs() {
        assert_eq!(DocKind::ThongBao.slug(), "thong_bao");
        assert_eq!(DocKind::other("BẢN CAM KẾT").slug(), "ban_cam_ket");
        for (kind, slug, ..) in TABLE {
            assert_eq!(&DocKind::from_slug(slug), kind);
        }
        assert_eq!(
            DocKind::from_slug("ban_cam_ket"),
            DocKind::other("BẢN CAM KẾT")
        );
        assert_eq!(DocKind::from_type_code("TTr"), Some(DocKind::ToTrinh));
        assert_eq!(DocKind::from_type_code("QĐ"), Some(DocKind::QuyetDinh));
        assert_eq!(DocKind::from_type_code("UBND"), None);
        assert_eq!(DocKind::from_party_code("TT"), Some(DocKind::ThongTri));
        assert_eq!(DocKind::from_party_code("CV"), Some(DocKind::CongVan));
        assert_eq!(DocKind::from_party_code("QĐi"), Some(DocKind::QuyDinh));
    }
}
