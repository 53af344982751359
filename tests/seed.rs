//! Every value the JSON contract pins for the seed notice (the "seed notice" column of
//! `json-contract.md`), asserted on the JSON that `to_json` writes, at the contract's paths.

use serde_json::{Value, json};

const SEED: &str = include_str!("../fixtures/00-seed-notice-quang-ngai-2024.txt");

fn seed() -> Value {
    let parsed = vanban::parse(SEED, &vanban::Options::default());
    serde_json::from_str(&vanban::to_json(&parsed)).expect("to_json writes valid JSON")
}

/// The value at a JSON pointer, failing with the path when it is missing.
fn at<'a>(doc: &'a Value, pointer: &str) -> &'a Value {
    doc.pointer(pointer)
        .unwrap_or_else(|| panic!("contract path {pointer} is missing from the JSON"))
}

/// The labelled blocks (kind neither `paragraph` nor `bullet`) of a block list as `[kind, label]`.
fn labelled(blocks: &Value) -> Vec<(String, String)> {
    blocks
        .as_array()
        .expect("blocks are an array")
        .iter()
        .filter(|b| !matches!(b["kind"].as_str(), Some("paragraph" | "bullet")))
        .map(|b| {
            (
                b["kind"].as_str().expect("kind is a string").to_string(),
                b["label"]
                    .as_str()
                    .expect("a labelled block has a label")
                    .to_string(),
            )
        })
        .collect()
}

/// The block of `blocks` with this kind and label.
fn block<'a>(blocks: &'a Value, kind: &str, label: &str) -> &'a Value {
    blocks
        .as_array()
        .expect("blocks are an array")
        .iter()
        .find(|b| b["kind"] == kind && b["label"] == label)
        .unwrap_or_else(|| panic!("no {kind} {label} among the blocks"))
}

#[test]
fn schema_version() {
    assert_eq!(at(&seed(), "/schema_version"), &json!(1));
}

#[test]
fn kind() {
    assert_eq!(at(&seed(), "/kind"), &json!("thong_bao"));
}

#[test]
fn issuer_is_null() {
    assert_eq!(at(&seed(), "/issuer"), &Value::Null);
}

#[test]
fn number() {
    let doc = seed();
    assert_eq!(at(&doc, "/number/raw"), &json!("Số: /TB-UBND"));
    assert_eq!(at(&doc, "/number/number"), &Value::Null);
    assert_eq!(at(&doc, "/number/year"), &Value::Null);
    assert_eq!(at(&doc, "/number/symbol"), &json!("TB-UBND"));
}

#[test]
fn place_date() {
    let doc = seed();
    assert_eq!(at(&doc, "/place_date/place"), &json!("Quảng Ngãi"));
    assert_eq!(at(&doc, "/place_date/day"), &Value::Null);
    assert_eq!(at(&doc, "/place_date/month"), &json!(9));
    assert_eq!(at(&doc, "/place_date/year"), &json!(2024));
    assert_eq!(at(&doc, "/place_date/date"), &Value::Null);
}

#[test]
fn title() {
    assert_eq!(
        at(&seed(), "/title"),
        &json!(
            "Kết luận của Chủ tịch UBND tỉnh Nguyễn Hoàng Giang tại buổi làm việc với Sở Lao động – Thương binh và Xã hội"
        )
    );
}

#[test]
fn body_top_level_sections() {
    let doc = seed();
    let body = at(&doc, "/body");
    let want: Vec<(String, String)> = ["I", "II", "III"]
        .iter()
        .map(|l| ("section".to_string(), l.to_string()))
        .collect();
    assert_eq!(labelled(body), want);
    // Every body block carries the pinned keys.
    for b in body.as_array().unwrap() {
        assert!(b["kind"].is_string(), "body block without kind: {b}");
        assert!(b.get("label").is_some(), "body block without label: {b}");
        assert!(b["children"].is_array(), "body block without children: {b}");
    }
}

#[test]
fn section_ii_holds_items_1_to_9() {
    let doc = seed();
    let ii = block(at(&doc, "/body"), "section", "II");
    let want: Vec<(String, String)> = (1..=9)
        .map(|n| ("item".to_string(), n.to_string()))
        .collect();
    assert_eq!(labelled(&ii["children"]), want);
}

#[test]
fn item_8_holds_two_bullets() {
    let doc = seed();
    let ii = block(at(&doc, "/body"), "section", "II");
    let item8 = block(&ii["children"], "item", "8");
    let kinds: Vec<&str> = item8["children"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["kind"].as_str().unwrap())
        .collect();
    assert_eq!(
        kinds,
        ["bullet", "bullet"],
        "children of item 8: {}",
        item8["children"]
    );
}

#[test]
fn item_7_is_one_paragraph_across_the_blank_line() {
    let doc = seed();
    let ii = block(at(&doc, "/body"), "section", "II");
    let item7 = block(&ii["children"], "item", "7");
    let text = item7["text"].as_str().expect("item 7 has text");
    assert!(text.contains("cho đối tượng"), "item 7 text: {text}");
    assert!(
        text.contains("người có công và các đối tượng yếu thế"),
        "the line after the blank line was not joined into item 7: {text}"
    );
    let paragraphs = item7["children"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|c| c["kind"] == "paragraph")
        .count();
    assert_eq!(
        paragraphs, 0,
        "item 7 has paragraph children: {}",
        item7["children"]
    );
}

#[test]
fn recipients() {
    let doc = seed();
    assert_eq!(at(&doc, "/recipients/to"), &json!([]));
    let cc = at(&doc, "/recipients/cc")
        .as_array()
        .expect("cc is an array");
    assert_eq!(cc.len(), 6, "cc: {cc:?}");
    assert_eq!(cc[0], json!("CT, PCT UBND tỉnh"));
    assert!(
        cc.iter().all(|e| !e.as_str().unwrap().starts_with("Lưu")),
        "the Lưu entry leaked into cc: {cc:?}"
    );
    assert_eq!(
        at(&doc, "/recipients/archive/raw"),
        &json!("Lưu: VT, KGVXn534")
    );
    assert_eq!(
        at(&doc, "/recipients/archive/entries"),
        &json!(["VT", "KGVXn534"])
    );
}

#[test]
fn signature() {
    let doc = seed();
    let authority: Vec<(Value, Value)> = at(&doc, "/signature/authority")
        .as_array()
        .expect("authority is an array")
        .iter()
        .map(|a| (a["mode"].clone(), a["title"].clone()))
        .collect();
    assert_eq!(
        authority,
        [
            (json!("TL"), json!("CHỦ TỊCH")),
            (json!("KT"), json!("CHÁNH VĂN PHÒNG")),
        ]
    );
    assert_eq!(
        at(&doc, "/signature/position"),
        &json!("PHÓ CHÁNH VĂN PHÒNG")
    );
    assert_eq!(at(&doc, "/signature/signer"), &json!("Lê Chí Phương"));
}

#[test]
fn diagnostics() {
    let doc = seed();
    let diags = at(&doc, "/diagnostics")
        .as_array()
        .expect("diagnostics is an array");
    assert!(
        diags
            .iter()
            .any(|d| d["code"] == "missing-issuer" && d["severity"] == "warning"),
        "no missing-issuer warning: {diags:?}"
    );
    for d in diags {
        assert!(
            matches!(d["severity"].as_str(), Some("error" | "warning" | "info")),
            "bad severity: {d}"
        );
        let code = d["code"].as_str().expect("code is a string");
        assert!(
            !code.is_empty() && code.chars().all(|c| c.is_ascii_lowercase() || c == '-'),
            "code is not kebab-case: {code}"
        );
        assert!(d["message"].is_string(), "message is not a string: {d}");
        assert!(
            d["line"].is_null() || d["line"].as_u64().is_some_and(|l| l >= 1),
            "bad line: {d}"
        );
    }
    assert!(
        !diags.iter().any(|d| d["severity"] == "error"),
        "the seed is a document; no error expected: {diags:?}"
    );
}

#[test]
fn parse_and_parse_bytes_agree_but_for_encoding() {
    let mut a = seed();
    let parsed =
        vanban::parse_bytes(SEED.as_bytes(), &vanban::Options::default()).expect("UTF-8 decodes");
    let mut b: Value = serde_json::from_str(&vanban::to_json(&parsed)).unwrap();
    assert_eq!(b["encoding"], "utf-8");
    a.as_object_mut().unwrap().remove("encoding");
    b.as_object_mut().unwrap().remove("encoding");
    assert_eq!(a, b);
}

/// The seed's one citation: `Nghị quyết số 11/2024/NQ-QH15` in III.1.
#[test]
fn citation() {
    let doc = seed();
    let c = at(&doc, "/citations");
    assert_eq!(c.as_array().unwrap().len(), 1);
    assert_eq!(c[0]["kind"], "nghi_quyet");
    assert_eq!(c[0]["number"], "11");
    assert_eq!(c[0]["year"], 2024);
    assert_eq!(c[0]["symbol"], "NQ-QH15");
    assert_eq!(c[0]["text"], "Nghị quyết số 11/2024/NQ-QH15");
}

/// The seed's assignments: II.6 (its lead from the section's lead-in), II.9 (a group), III.1
/// (two departments), III.2 (two), III.3 (a deadline of a day) and III.4.
#[test]
fn tasks() {
    let doc = seed();
    let tasks = at(&doc, "/tasks").as_array().unwrap();
    let row = |t: &Value| {
        (
            t["block"].as_str().unwrap().to_string(),
            t["lead"].clone(),
            t["cooperating"].clone(),
            t["deadline"].clone(),
        )
    };
    let rows: Vec<_> = tasks.iter().map(row).collect();
    let ldtbxh = "Sở Lao động – Thương binh và Xã hội";
    let partners = "các cơ quan, đơn vị liên quan";
    assert_eq!(
        rows,
        vec![
            (
                "II.6".into(),
                json!(["Sở Lao động - Thương binh và Xã hội"]),
                json!(["Sở Tài chính"]),
                Value::Null
            ),
            (
                "II.9".into(),
                json!(["các sở, ban, ngành", "UBND các huyện, thị xã, thành phố"]),
                json!([]),
                Value::Null
            ),
            (
                "III.1".into(),
                json!(["Sở Kế hoạch và Đầu tư", "Sở Xây dựng"]),
                json!([]),
                Value::Null
            ),
            (
                "III.2".into(),
                json!([ldtbxh]),
                json!([partners]),
                json!({"date": null, "text": "trong năm 2025"})
            ),
            (
                "III.2".into(),
                json!(["Sở Tài chính"]),
                json!([ldtbxh, partners]),
                json!({"date": null, "text": "trong năm 2024"})
            ),
            (
                "III.3".into(),
                json!(["Sở Thông tin và Truyền thông"]),
                json!(["Sở Tài chính"]),
                json!({"date": "2024-09-30", "text": "trước ngày 30/9/2024"})
            ),
            (
                "III.4".into(),
                json!([ldtbxh]),
                json!([partners]),
                Value::Null
            ),
        ]
    );
}
