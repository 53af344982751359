//! Property tests: the parser never panics, and on document-like input it loses no line.

mod common;

use common::{physical_lines, to_value, unaccounted_lines};
use proptest::prelude::*;
use serde_json::Value;

/// Lines as real documents print them: header cells, number and date, tên loại, markers of
/// every level, recipients, signature, page residue, table remnants.
const LINES: &[&str] = &[
    "ỦY BAN NHÂN DÂN",
    "TỈNH QUẢNG NGÃI",
    "UBND TỈNH LÀO CAI",
    "SỞ CÔNG THƯƠNG",
    "ĐẢNG CỘNG SẢN VIỆT NAM",
    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
    "Độc lập - Tự do - Hạnh phúc",
    "ỦY BAN NHÂN DÂN\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
    "| BỘ TÀI CHÍNH ------- | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |",
    "Số: 123/TB-UBND",
    "Số: /QĐ-UBND",
    "Số: 30/2020/NĐ-CP",
    "Số 12-TB/TU",
    "Số: 45/UBND-KT\tQuảng Ngãi, ngày 05 tháng 9 năm 2024",
    "Quảng Ngãi, ngày 05 tháng 9 năm 2024",
    "Hà Nội, ngày tháng năm 2025",
    "KHẨN",
    "MẬT",
    "DỰ THẢO",
    "THÔNG BÁO",
    "QUYẾT ĐỊNH",
    "GIẤY MỜI HỌP",
    "KẾ HOẠCH",
    "V/v triển khai thực hiện nhiệm vụ",
    "Về việc nghỉ Tết Nguyên đán",
    "Kính gửi:",
    "Kính gửi: Sở Tài chính",
    "- Sở Nội vụ;",
    "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH",
    "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;",
    "Theo đề nghị của Giám đốc Sở Nội vụ.",
    "QUYẾT ĐỊNH:",
    "Phần I",
    "PHẦN THỨ NHẤT",
    "Chương II",
    "Mục 1",
    "Điều 1. Phạm vi điều chỉnh",
    "Điều 2.",
    "I. Đánh giá chung",
    "II. NHIỆM VỤ",
    "I.",
    "1. Cập nhật thường xuyên các quy định;",
    "1.",
    "2. Quan tâm thực hiện hiệu quả công tác đào tạo nghề.",
    "1.1. Tiểu mục",
    "a) Điểm a;",
    "a)",
    "đ) Điểm đ.",
    "-",
    "- Nghiêm túc thực hiện các nội dung;",
    "+ Thường xuyên theo dõi.",
    "• Gạch đầu dòng",
    "* Dấu sao",
    "người có công và các đối tượng yếu thế trong xã hội.",
    "Trong 8 tháng đầu năm 2024, Sở đã cơ bản hoàn thành các chỉ tiêu",
    "Nay thông báo để các cơ quan biết, thực hiện./.",
    "./.",
    "Nơi nhận:",
    "***Nơi nhận:***",
    "- Như trên;",
    "- CT, PCT UBND tỉnh;",
    "- Lưu: VT, KGVX (02), VA.",
    "- Lưu: VT, KT(Thủy, Nho).",
    "Lưu: VT.",
    "KT. CHỦ TỊCH",
    "TM. ỦY BAN NHÂN DÂN",
    "TL. CHỦ TỊCH",
    "TUQ. GIÁM ĐỐC",
    "Q. GIÁM ĐỐC",
    "K/T GIÁM ĐỐC",
    "PHÓ CHỦ TỊCH",
    "CHÁNH VĂN PHÒNG",
    "Nguyễn Văn An",
    "Lê Chí Phương",
    "(Đã ký)",
    "(Ký, đóng dấu)",
    "Ký bởi: Văn phòng UBND tỉnh",
    "Thời gian ký: 05.09.2024 10:00:00 +07:00",
    "PHỤ LỤC I",
    "2",
    "- 3 -",
    "_______",
    "-----o0o-----",
    "|---|---|",
    "| Nội dung | Thời gian |",
    "| 1 | Họp giao ban | 8 giờ |",
    "\t\t",
    "|",
    "**",
    "",
    "   ",
    "\u{A0}",
];

/// One line: a realistic line, a free-text line, or two joined as cells, with optional indent.
fn line() -> impl Strategy<Value = String> {
    let realistic = prop::sample::select(LINES).prop_map(str::to_string);
    let free = "[a-zA-ZàáảãạăắằẳẵặâấầẩẫậđèéẻẽẹêếềểễệìíỉĩịòóỏõọôốồổỗộơớờởỡợùúủũụưứừửữựỳýỷỹỵÀÁĐƯƠ0-9 ,.;:()/\\-]{0,60}";
    let one = prop_oneof![6 => realistic, 2 => free];
    let sep = prop::sample::select(&["\t", " | ", "   ", "\t\t"][..]);
    let indent = prop::sample::select(&["", "", "", " ", "    ", "\t"][..]);
    prop_oneof![
        5 => (indent.clone(), one.clone()).prop_map(|(i, l)| format!("{i}{l}")),
        1 => (indent, one.clone(), sep, one).prop_map(|(i, a, s, b)| format!("{i}{a}{s}{b}")),
    ]
}

/// A document-like text: lines joined by LF, with the odd CRLF, lone CR or form feed.
fn document() -> impl Strategy<Value = String> {
    let ending = prop::sample::select(&["\n", "\n", "\n", "\n", "\n\n", "\r\n", "\r", "\x0C"][..]);
    prop::collection::vec((line(), ending), 0..60)
        .prop_map(|parts| parts.into_iter().map(|(l, e)| l + e).collect::<String>())
}

/// Body lines: markers of every level, running text, bullets, page residue, table remnants.
const BODY_LINES: &[&str] = &[
    "Phần I",
    "Chương II",
    "Mục 1",
    "Điều 1. Phạm vi điều chỉnh",
    "Điều 2.",
    "I. Đánh giá chung",
    "II. NHIỆM VỤ",
    "I.",
    "1. Cập nhật thường xuyên các quy định;",
    "1.",
    "2. Quan tâm thực hiện hiệu quả công tác đào tạo nghề.",
    "1.1. Tiểu mục",
    "a) Điểm a;",
    "a)",
    "đ) Điểm đ.",
    "-",
    "- Nghiêm túc thực hiện các nội dung;",
    "+ Thường xuyên theo dõi.",
    "• Gạch đầu dòng",
    "* Dấu sao",
    "người có công và các đối tượng yếu thế trong xã hội.",
    "Trong 8 tháng đầu năm 2024, Sở đã cơ bản hoàn thành các chỉ tiêu",
    "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;",
    "2",
    "- 3 -",
    "_______",
    "|---|---|",
    "| Nội dung | Thời gian |",
    "| 1 | Họp giao ban | 8 giờ |",
    "|",
    "**",
    "\t\t",
    "",
    "   ",
];

/// A document in the order documents have: an optional header (each component at most once),
/// a body of random lines, an optional closing block (Nơi nhận, one Lưu, quyền hạn, position,
/// name). Each region's lines are a random mixture; only their order is realistic.
fn ordered_document() -> impl Strategy<Value = String> {
    let header = prop::sample::subsequence(
        &[
            "ỦY BAN NHÂN DÂN\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
            "TỈNH QUẢNG NGÃI\tĐộc lập - Tự do - Hạnh phúc",
            "_______",
            "Số: 123/TB-UBND\tQuảng Ngãi, ngày 05 tháng 9 năm 2024",
            "",
            "THÔNG BÁO",
            "Về việc nghỉ Tết Nguyên đán",
            "",
        ][..],
        0..=8,
    );
    let body_line = prop_oneof![
        6 => prop::sample::select(BODY_LINES).prop_map(str::to_string),
        1 => "[a-zA-Zàáảãạăắằâấầđèéêếềìíòóôốồơớờùúưứừýỳ0-9 ,.;:()/\\-]{1,60}",
    ];
    let indent = prop::sample::select(&["", "", "", " ", "    ", "\t"][..]);
    let body = prop::collection::vec((indent, body_line), 0..40).prop_map(|ls| {
        ls.into_iter()
            .map(|(i, l)| format!("{i}{l}"))
            .collect::<Vec<_>>()
    });
    let cc = prop::collection::vec(
        prop::sample::select(
            &[
                "- Như trên;",
                "- CT, PCT UBND tỉnh;",
                "- Sở Nội vụ;",
                "- UBND các huyện,",
                "thị xã, thành phố;",
            ][..],
        ),
        0..5,
    );
    let archive = prop::sample::select(
        &[
            "",
            "- Lưu: VT, KGVX (02), VA.",
            "- Lưu: VT, KT(Thủy, Nho).",
            "- Lưu: VT.",
        ][..],
    );
    let authority = prop::sample::subsequence(&["TL. CHỦ TỊCH", "KT. CHÁNH VĂN PHÒNG"][..], 0..=2);
    let position = prop::sample::select(&["PHÓ CHÁNH VĂN PHÒNG", "CHỦ TỊCH", "GIÁM ĐỐC"][..]);
    let note = prop::sample::select(&["", "", "(Đã ký)", "(Ký, đóng dấu)"][..]);
    let signer = prop::sample::select(&["Lê Chí Phương", "Nguyễn Văn An"][..]);
    let closing = prop::option::of((
        prop::bool::ANY,
        cc,
        archive,
        authority,
        position,
        note,
        signer,
    ));
    let ending = prop::sample::select(&["\n", "\n", "\n", "\n\n", "\r\n", "\x0C"][..]);
    (header, body, closing, prop::collection::vec(ending, 80)).prop_map(
        |(header, body, closing, endings)| {
            let mut lines: Vec<String> = header.into_iter().map(str::to_string).collect();
            lines.extend(body);
            if let Some((with_heading, cc, archive, authority, position, note, signer)) = closing {
                if with_heading {
                    lines.push("Nơi nhận:".into());
                }
                lines.extend(cc.into_iter().map(str::to_string));
                lines.push(archive.into());
                lines.extend(authority.into_iter().map(str::to_string));
                lines.push(position.into());
                lines.push(note.into());
                lines.push(String::new());
                lines.push(signer.into());
            }
            lines
                .into_iter()
                .zip(endings.into_iter().cycle())
                .map(|(l, e)| l + e)
                .collect()
        },
    )
}

/// The byte-order marks `parse_bytes` recognises.
const BOMS: &[&[u8]] = &[b"\xEF\xBB\xBF", b"\xFF\xFE", b"\xFE\xFF"];

/// Every span is well formed: lines within the text and ordered, bytes within the (NFC) text,
/// ordered and on character boundaries.
fn check_spans(text: &str, doc: &Value) -> Result<(), TestCaseError> {
    // spans refer to the repaired text (NFC, LF line ends, …), which has the same lines
    let nfc: String = vanban::repair(text).text.into_owned();
    let n_lines = physical_lines(&nfc).len() as u64;
    fn walk(v: &Value, out: &mut Vec<(String, Value)>) {
        match v {
            Value::Object(m) => {
                for key in ["lines", "bytes"] {
                    if let Some(r) = m.get(key) {
                        out.push((key.to_string(), r.clone()));
                    }
                }
                m.values().for_each(|x| walk(x, out));
            }
            Value::Array(a) => a.iter().for_each(|x| walk(x, out)),
            _ => {}
        }
    }
    let mut ranges = Vec::new();
    walk(doc, &mut ranges);
    for (key, r) in ranges {
        let pair = r.as_array().and_then(|a| match a.as_slice() {
            [a, b] => Some((a.as_u64()?, b.as_u64()?)),
            _ => None,
        });
        let Some((a, b)) = pair else {
            return Err(TestCaseError::fail(format!(
                "{key} is not a pair of integers: {r}"
            )));
        };
        prop_assert!(a <= b, "{key} range reversed: {r}");
        if key == "lines" {
            prop_assert!(
                a >= 1 && b <= n_lines.max(1),
                "lines {r} outside 1..={n_lines}"
            );
        } else {
            let (a, b) = (a as usize, b as usize);
            prop_assert!(b <= nfc.len(), "bytes {r} past the end ({})", nfc.len());
            prop_assert!(
                nfc.is_char_boundary(a) && nfc.is_char_boundary(b),
                "bytes {r} split a character"
            );
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn random_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..2048)) {
        if let Ok(parsed) = vanban::parse_bytes(&bytes, &vanban::Options::default()) {
            prop_assert_eq!(to_value(&parsed)["schema_version"].as_u64(), Some(1));
        }
    }

    #[test]
    fn random_bytes_after_a_bom_never_panic(
        bom in prop::sample::select(BOMS),
        rest in prop::collection::vec(any::<u8>(), 0..1024),
    ) {
        let bytes = [bom, &rest[..]].concat();
        let _ = vanban::parse_bytes(&bytes, &vanban::Options::default());
    }

    #[test]
    fn random_strings_never_panic(text in any::<String>()) {
        let parsed = vanban::parse(&text, &vanban::Options::default());
        prop_assert_eq!(to_value(&parsed)["schema_version"].as_u64(), Some(1));
    }

    /// Any mixture of document lines, in any order: no panic, well-formed spans.
    #[test]
    fn document_like_text_never_panics(text in document()) {
        for join in [true, false] {
            let mut opts = vanban::Options::default();
            opts.join_continuations = join;
            let doc = to_value(&vanban::parse(&text, &opts));
            prop_assert_eq!(doc["schema_version"].as_u64(), Some(1));
            check_spans(&text, &doc)?;
        }
    }

    /// The Nghị định 30 check on any mixture of document lines: no panic, each finding on a
    /// line of the text, its span (if any) on char boundaries of it.
    #[test]
    fn conformance_never_panics(text in document()) {
        let parsed = vanban::parse(&text, &vanban::Options::default());
        let repaired = vanban::repair(&text).text;
        let lines = repaired.split(['\n', '\x0C']).count() as u32;
        for f in vanban::conformance::check(&parsed) {
            if let Some(l) = f.line {
                prop_assert!((1..=lines.max(1)).contains(&l), "{} on line {} of {}", f, l, lines);
            }
            if let Some(s) = f.span {
                prop_assert!(s.start <= s.end && s.end <= repaired.len());
                prop_assert!(repaired.is_char_boundary(s.start) && repaired.is_char_boundary(s.end));
            }
        }
    }

    /// Documents whose parts come in their usual order, each part a random mixture: every
    /// non-blank line is accounted for (span, artefact or diagnostic).
    #[test]
    fn ordered_document_loses_no_line(text in ordered_document()) {
        assert_no_line_lost(&text)?;
    }

    /// The same rule over any mixture of lines in any order (duplicate header rows, notes with no
    /// signer, two `Lưu` entries, stray `./.` and `|` lines all included).
    #[test]
    fn any_line_mixture_loses_no_line(text in document()) {
        assert_no_line_lost(&text)?;
    }
}

/// Parse with and without continuation joining; fail on any non-blank line that no span, artefact
/// or diagnostic accounts for.
fn assert_no_line_lost(text: &str) -> Result<(), TestCaseError> {
    for join in [true, false] {
        let mut opts = vanban::Options::default();
        opts.join_continuations = join;
        let doc = to_value(&vanban::parse(text, &opts));
        let lost = unaccounted_lines(text, &doc);
        prop_assert!(
            lost.is_empty(),
            "lines accounted for by nothing (join={}): {:?}",
            join,
            lost
        );
        check_spans(text, &doc)?;
    }
    Ok(())
}

/// The fixtures as printed (those that decode), for the tests that reshape real documents.
static FIXTURE_TEXTS: std::sync::LazyLock<Vec<String>> = std::sync::LazyLock::new(|| {
    common::good_fixtures()
        .into_iter()
        .filter_map(|p| {
            let bytes = std::fs::read(&p).ok()?;
            vanban::decode_and_repair(&bytes).ok().map(|(t, ..)| t)
        })
        .collect()
});

/// One change to a document's lines: two lines swapped, a line joined onto the next with a
/// space (a lost line break), or a line split at a space (a line break added).
#[derive(Debug, Clone)]
enum Reshape {
    Swap(usize, usize),
    Join(usize),
    Split(usize, usize),
}

fn reshape() -> impl Strategy<Value = Reshape> {
    prop_oneof![
        (any::<usize>(), any::<usize>()).prop_map(|(a, b)| Reshape::Swap(a, b)),
        any::<usize>().prop_map(Reshape::Join),
        (any::<usize>(), any::<usize>()).prop_map(|(a, b)| Reshape::Split(a, b)),
    ]
}

/// A fixture with its lines swapped, joined and split.
fn reshaped(k: usize, changes: &[Reshape]) -> String {
    reshaped_text(&FIXTURE_TEXTS[k % FIXTURE_TEXTS.len()], changes)
}

/// A text with its lines swapped, joined and split.
fn reshaped_text(text: &str, changes: &[Reshape]) -> String {
    let mut lines: Vec<String> = text.lines().map(str::to_string).collect();
    for c in changes {
        let n = lines.len();
        if n == 0 {
            break;
        }
        match *c {
            Reshape::Swap(a, b) => lines.swap(a % n, b % n),
            Reshape::Join(a) if n >= 2 => {
                let a = a % (n - 1);
                let next = lines.remove(a + 1);
                lines[a].push(' ');
                lines[a].push_str(&next);
            }
            Reshape::Join(_) => {}
            Reshape::Split(a, b) => {
                let a = a % n;
                let spaces: Vec<usize> = lines[a].match_indices(' ').map(|(i, _)| i).collect();
                if !spaces.is_empty() {
                    let at = spaces[b % spaces.len()];
                    let rest = lines[a][at + 1..].to_string();
                    lines[a].truncate(at);
                    lines.insert(a + 1, rest);
                }
            }
        }
    }
    lines.join("\n") + "\n"
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    /// A real document with lines swapped, joined and split (the damage copying and extraction
    /// do): no panic, well-formed spans, every line accounted for, and its words in the JSON
    /// (the labels the tree keeps as structure aside, see `common::words_reaching`).
    #[test]
    fn reshaped_fixtures_lose_nothing(
        k in any::<usize>(),
        changes in prop::collection::vec(reshape(), 0..24),
    ) {
        let text = reshaped(k, &changes);
        let parsed = vanban::parse(&text, &vanban::Options::default());
        let doc = to_value(&parsed);
        check_spans(&text, &doc)?;
        let lost = unaccounted_lines(&text, &doc);
        prop_assert!(lost.is_empty(), "lines lost: {lost:?}");
        let repaired = vanban::repair(&text).text.into_owned();
        let (found, total) = common::words_reaching(&repaired, &doc);
        prop_assert!(
            found as f64 >= 0.98 * total as f64,
            "{found} of {total} words reach the JSON"
        );
    }

    /// The same document joined onto one line, then split at a few spaces (a page copied
    /// from a web page, with a few breaks left): no panic, its words in the JSON.
    #[test]
    fn fixtures_on_a_few_lines_keep_their_words(
        k in any::<usize>(),
        splits in prop::collection::vec(any::<usize>(), 0..4),
    ) {
        let one = FIXTURE_TEXTS[k % FIXTURE_TEXTS.len()].replace('\n', " ");
        let changes: Vec<Reshape> = splits.iter().map(|&b| Reshape::Split(0, b)).collect();
        let text = reshaped_text(&one, &changes);
        let parsed = vanban::parse(&text, &vanban::Options::default());
        let doc = to_value(&parsed);
        check_spans(&text, &doc)?;
        let repaired = vanban::repair(&text).text.into_owned();
        let (found, total) = common::words_reaching(&repaired, &doc);
        prop_assert!(
            found as f64 >= 0.97 * total as f64,
            "{found} of {total} words reach the JSON"
        );
    }
}
