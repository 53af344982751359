//! The parts of the tree beyond the contract's pinned paths, checked against hand-written
//! answers in `fixtures/gold-extra/`: every signature block, labelled fields of invitations and
//! minutes, copies (SAO Y, TRÍCH SAO), appendices and their outline, nested blocks, numbering
//! diagnostics, and references that must stay running text.

mod common;

use common::{fold, root, to_value};
use serde_json::{Value, json};

fn doc_of(stem: &str) -> Value {
    let bytes =
        std::fs::read(root().join("fixtures").join(format!("{stem}.txt"))).expect("fixture");
    to_value(&vanban::parse_bytes(&bytes, &vanban::Options::default()).expect("decodes"))
}

fn sig(v: &Value) -> Value {
    let auth: Vec<Value> = v["authority"]
        .as_array()
        .map(|a| {
            a.iter()
                .map(|x| json!({"mode": x["mode"], "title": fold(x["title"].as_str().unwrap_or(""))}))
                .collect()
        })
        .unwrap_or_default();
    json!({
        "authority": auth,
        "position": v["position"].as_str().map(fold),
        "signer": v["signer"].as_str().map(fold),
    })
}

fn labelled(blocks: &Value) -> Vec<Value> {
    blocks
        .as_array()
        .map(|bs| {
            bs.iter()
                .filter(|b| !matches!(b["kind"].as_str(), Some("paragraph" | "bullet")))
                .filter(|b| !b["label"].is_null())
                .map(|b| json!([b["kind"], b["label"]]))
                .collect()
        })
        .unwrap_or_default()
}

/// Find the block at a path of (kind, label) steps.
fn at_path<'a>(body: &'a Value, path: &[Value]) -> Option<&'a Value> {
    let mut blocks = body;
    let mut found = None;
    for step in path {
        let (k, l) = (&step[0], &step[1]);
        let b = blocks
            .as_array()?
            .iter()
            .find(|b| &b["kind"] == k && &b["label"] == l)?;
        found = Some(b);
        blocks = &b["children"];
    }
    found
}

fn starts_of_labelled(blocks: &Value, out: &mut Vec<u64>) {
    for b in blocks.as_array().into_iter().flatten() {
        if !matches!(b["kind"].as_str(), Some("paragraph" | "bullet")) {
            out.push(b["span"]["lines"][0].as_u64().unwrap_or(0));
        }
        starts_of_labelled(&b["children"], out);
    }
}

#[test]
fn extras_match_their_answers() {
    let dir = root().join("fixtures/gold-extra");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .expect("gold-extra")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    files.sort();
    assert!(files.len() >= 20, "only {} extra answers", files.len());
    let mut failures = Vec::new();
    for path in files {
        let stem = path.file_stem().unwrap().to_string_lossy().to_string();
        let want: Value = serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
        let doc = doc_of(&stem);
        let mut fail = |what: &str, exp: String, got: String| {
            failures.push(format!(
                "{stem} {what}\n    expected {exp}\n    got      {got}"
            ));
        };
        if let Some(exp) = want.get("signatures") {
            let got: Vec<Value> = doc["signatures"]
                .as_array()
                .unwrap()
                .iter()
                .map(sig)
                .collect();
            let exp: Vec<Value> = exp.as_array().unwrap().iter().map(sig).collect();
            if got != exp {
                fail("signatures", format!("{exp:?}"), format!("{got:?}"));
            }
        }
        if let Some(exp) = want.get("fields") {
            let got: Vec<Value> = doc["fields"]
                .as_array()
                .unwrap()
                .iter()
                .map(|f| {
                    json!([
                        fold(f["label"].as_str().unwrap()),
                        fold(f["value"].as_str().unwrap())
                    ])
                })
                .collect();
            let exp: Vec<Value> = exp
                .as_array()
                .unwrap()
                .iter()
                .map(|f| json!([fold(f[0].as_str().unwrap()), fold(f[1].as_str().unwrap())]))
                .collect();
            // every expected field is there with its value (more fields may be found)
            for e in &exp {
                if !got.contains(e) {
                    fail("fields", format!("{e}"), format!("{got:?}"));
                }
            }
        }
        if let Some(exp) = want.get("copies") {
            let got: Vec<Value> = doc["copies"]
                .as_array()
                .unwrap()
                .iter()
                .map(|c| json!({"kind": c["kind"], "number": {"number": c["number"]["number"], "symbol": c["number"]["symbol"]}}))
                .collect();
            if &Value::Array(got.clone()) != exp {
                fail("copies", exp.to_string(), format!("{got:?}"));
            }
        }
        if let Some(exp) = want.get("appendices") {
            let got: Vec<Value> = doc["appendices"]
                .as_array()
                .unwrap()
                .iter()
                .map(|a| {
                    a["heading"]
                        .as_str()
                        .map(fold)
                        .map(Value::from)
                        .unwrap_or(Value::Null)
                })
                .collect();
            let exp: Vec<Value> = exp
                .as_array()
                .unwrap()
                .iter()
                .map(|h| Value::from(fold(h.as_str().unwrap())))
                .collect();
            if got != exp {
                fail("appendices", format!("{exp:?}"), format!("{got:?}"));
            }
        }
        if let Some(exp) = want.get("appendix_body_labels") {
            let got: Vec<Value> = doc["appendices"]
                .as_array()
                .unwrap()
                .iter()
                .map(|a| Value::Array(labelled(&a["body"])))
                .collect();
            if &Value::Array(got.clone()) != exp {
                fail("appendix_body_labels", exp.to_string(), format!("{got:?}"));
            }
        }
        for n in want
            .get("nested")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
        {
            let path = n[0].as_array().unwrap();
            if at_path(&doc["body"], path).is_none() {
                fail("nested", n.to_string(), "no such block".into());
            }
        }
        if want.get("numbering_issue") == Some(&Value::Bool(true)) {
            let line = want["numbering_issue_line"].as_u64();
            let found = doc["diagnostics"].as_array().unwrap().iter().any(|d| {
                d["code"]
                    .as_str()
                    .is_some_and(|c| c.starts_with("numbering-"))
                    && (line.is_none() || d["line"].as_u64() == line)
            });
            if !found {
                fail(
                    "numbering_issue",
                    format!("a numbering diagnostic at line {line:?}"),
                    "none".into(),
                );
            }
        }
        if let Some(refs) = want
            .get("references_not_structure")
            .and_then(Value::as_array)
        {
            let mut starts = Vec::new();
            starts_of_labelled(&doc["body"], &mut starts);
            for a in doc["appendices"].as_array().into_iter().flatten() {
                starts_of_labelled(&a["body"], &mut starts);
            }
            for r in refs {
                let l = r.as_u64().unwrap();
                if starts.contains(&l) {
                    fail(
                        "references_not_structure",
                        format!("line {l} stays text"),
                        "a labelled block starts there".into(),
                    );
                }
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} mismatch(es):\n{}",
        failures.len(),
        failures.join("\n")
    );
}

/// What the parts of the tail find (an appendix's numbering, a bản sao record's stray row) is
/// reported like the main text's findings, at their lines.
#[test]
fn findings_in_appendices_and_copies_are_reported() {
    let doc = doc_of("51-quyet-dinh-phu-luc-danh-so-nhay-ban-sao");
    let found: Vec<(String, u64)> = doc["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|d| Some((d["code"].as_str()?.to_string(), d["line"].as_u64()?)))
        .collect();
    for want in [
        ("numbering-skip", 35),
        ("numbering-skip", 37),
        ("unrecognised-closing-text", 42),
    ] {
        assert!(
            found.contains(&(want.0.to_string(), want.1)),
            "{want:?} not in {found:?}"
        );
    }
}

/// Text no component took is quoted whole in its diagnostic, never cut (the line account's
/// promise: every word reaches the output).
#[test]
fn unplaced_text_is_quoted_whole() {
    // a second `Lưu` row is no recipient: it is reported, with all of its text
    let long = "Lưu: hồ sơ lưu trữ của phòng Văn thư, bản chính kèm theo toàn bộ phụ lục, biểu mẫu và danh sách các đơn vị đã nhận văn bản qua hệ thống điện tử";
    assert!(long.chars().count() > 120);
    let text = format!(
        "UBND TỈNH A\nSố: 1/TB-UBND\nA, ngày 1 tháng 6 năm 2026\nTHÔNG BÁO\nVề việc X\n\nNội dung.\nNơi nhận:\n- Các sở;\n- Lưu: VT.\n- {long}\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\nNguyễn Văn An\n"
    );
    let doc = to_value(&vanban::parse(&text, &vanban::Options::default()));
    let quoted = doc["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|d| d["message"].as_str())
        .any(|m| m.contains(long));
    assert!(quoted, "{:#}", doc["diagnostics"]);
}
