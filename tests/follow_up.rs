//! `/citations` and `/tasks` over the project's fixture of every form
//! (`fixtures/55-ke-hoach-giao-nhiem-vu-trich-dan.txt`): each reference and each assignment
//! with what it must hold, and spans that quote the source.

mod common;

use serde_json::{Value, json};

fn doc() -> (String, Value) {
    let path = common::root().join("fixtures/55-ke-hoach-giao-nhiem-vu-trich-dan.txt");
    common::parse_file(&path).expect("the fixture parses")
}

/// The source text a span quotes.
fn quoted<'t>(text: &'t str, v: &Value) -> &'t str {
    let b = &v["span"]["bytes"];
    &text[b[0].as_u64().unwrap() as usize..b[1].as_u64().unwrap() as usize]
}

#[test]
fn every_form_of_reference() {
    let (text, d) = doc();
    let got: Vec<Value> = d["citations"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| {
            assert_eq!(quoted(&text, c), c["text"], "the span quotes the text");
            json!([
                c["text"],
                c["kind"],
                c["number"],
                c["year"],
                c["symbol"],
                c["date"],
                c["title"],
                c["parts"]
            ])
        })
        .collect();
    assert_eq!(
        got,
        [
            // in the trích yếu, with date and subject
            json!([
                "Nghị định số 30/2020/NĐ-CP ngày 05 tháng 3 năm 2020",
                "nghi_dinh",
                "30",
                2020,
                "NĐ-CP",
                "2020-03-05",
                "công tác văn thư trên địa bàn tỉnh",
                null
            ]),
            // a law by its name
            json!([
                "Luật Lưu trữ số 33/2024/QH15 ngày 21 tháng 6 năm 2024",
                "luat",
                "33",
                2024,
                "QH15",
                "2024-06-21",
                null,
                null
            ]),
            // a party number and a slash date
            json!([
                "Chỉ thị số 35-CT/TW ngày 14/6/2024",
                "chi_thi",
                "35",
                null,
                "CT/TW",
                "2024-06-14",
                "tổ chức đại hội đảng bộ các cấp",
                null
            ]),
            // a generic văn bản; its subject ends where the sentence's own clause begins
            json!([
                "Văn bản số 1250/BNV-VTLTNN ngày 02/3/2025",
                null,
                "1250",
                null,
                "BNV-VTLTNN",
                "2025-03-02",
                "hướng dẫn chuyển đổi số hồ sơ",
                null
            ]),
            // cited units
            json!([
                "khoản 2 Điều 8 Nghị định số 30/2020/NĐ-CP",
                "nghi_dinh",
                "30",
                2020,
                "NĐ-CP",
                null,
                null,
                "khoản 2 Điều 8"
            ]),
            // a national standard, and a name without số
            json!([
                "QCVN 02:2023/BNV",
                null,
                "QCVN 02",
                2023,
                "BNV",
                null,
                null,
                null
            ]),
            json!([
                "Thông tư 01/2019/TT-BNV",
                "thong_tu",
                "01",
                2019,
                "TT-BNV",
                null,
                null,
                null
            ]),
        ]
    );
    // the document's own number (215/KH-UBND) is none of them
    assert!(
        d["citations"]
            .as_array()
            .unwrap()
            .iter()
            .all(|c| c["number"] != "215")
    );
}

#[test]
fn every_form_of_assignment() {
    let (text, d) = doc();
    let got: Vec<Value> = d["tasks"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| {
            // the span quotes the clause the assignment was read in
            assert!(
                quoted(&text, t).len() >= t["action"].as_str().unwrap().len(),
                "{t}"
            );
            json!([t["block"], t["lead"], t["cooperating"], t["deadline"]])
        })
        .collect();
    let none = Value::Null;
    assert_eq!(
        got,
        [
            json!(["II.1", ["Sở Nội vụ"], ["Sở Khoa học và Công nghệ", "các cơ quan, đơn vị liên quan"], {"date": "2025-06-30", "text": "trước ngày 30/6/2025"}]),
            json!(["II.2", ["Sở Tài chính"], ["Sở Nội vụ"], {"date": null, "text": "trong năm 2025"}]),
            json!(["II.3", ["các sở, ban, ngành", "Ủy ban nhân dân các huyện, thành phố, thị xã"], [], {"date": "2025-10-15", "text": "chậm nhất ngày 15 tháng 10 năm 2025"}]),
            json!(["II.4", ["Bảo hiểm xã hội tỉnh", "Cục Thuế tỉnh"], [], {"date": null, "text": "trong quý III/2025"}]),
            // `Chủ trì, …` names no lead: the lead-in above does
            json!([
                "III.1",
                ["Văn phòng Ủy ban nhân dân tỉnh"],
                ["Sở Nội vụ"],
                none
            ]),
            json!([
                "III.2",
                ["Cơ quan được giao chủ trì thực hiện nhiệm vụ"],
                [],
                none
            ]),
            json!([
                "III.2",
                [
                    "Thủ trưởng các sở, ban, ngành",
                    "Chủ tịch Ủy ban nhân dân các huyện, thành phố, thị xã"
                ],
                [],
                none
            ]),
        ]
    );
}
