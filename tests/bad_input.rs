//! Odd and bad inputs: the parser never panics, decodable input always yields a tree (with
//! diagnostics), undecodable bytes yield a typed error.

mod common;

use common::{root, to_value, unaccounted_lines};
use serde_json::Value;
use vanban::{DecodeError, Options};

fn bad(name: &str) -> Vec<u8> {
    let path = root().join("fixtures").join("bad").join(name);
    std::fs::read(&path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()))
}

fn parse_ok(bytes: &[u8]) -> Value {
    let parsed = vanban::parse_bytes(bytes, &Options::default()).expect("the bytes decode");
    to_value(&parsed)
}

fn diags(doc: &Value) -> &Vec<Value> {
    doc["diagnostics"]
        .as_array()
        .expect("diagnostics is an array")
}

fn has_diag(doc: &Value, severity: &str, code: &str) -> bool {
    diags(doc)
        .iter()
        .any(|d| d["severity"] == severity && d["code"] == code)
}

#[test]
fn empty_input() {
    let doc = parse_ok(&bad("empty.txt"));
    assert!(has_diag(&doc, "error", "empty-input"), "{:?}", diags(&doc));
    assert_eq!(doc["schema_version"], 1);
    assert_eq!(doc["body"], serde_json::json!([]));
    // The same through the &str entry point.
    let doc = to_value(&vanban::parse("", &Options::default()));
    assert!(has_diag(&doc, "error", "empty-input"), "{:?}", diags(&doc));
}

#[test]
fn whitespace_only_input() {
    let doc = parse_ok(&bad("whitespace.txt"));
    assert!(has_diag(&doc, "error", "empty-input"), "{:?}", diags(&doc));
    let doc = to_value(&vanban::parse(
        " \t\n\r\n\u{A0}\u{3000}\n\x0C\n",
        &Options::default(),
    ));
    assert!(has_diag(&doc, "error", "empty-input"), "{:?}", diags(&doc));
}

#[test]
fn not_a_document() {
    let doc = parse_ok(&bad("not-a-document.txt"));
    assert!(
        has_diag(&doc, "error", "not-a-document"),
        "{:?}",
        diags(&doc)
    );
    assert!(!has_diag(&doc, "error", "empty-input"), "{:?}", diags(&doc));
}

#[test]
fn truncated_document() {
    let doc = parse_ok(&bad("truncated.txt"));
    let d = diags(&doc);
    assert!(
        d.iter().any(|d| d["severity"] == "warning"),
        "no warning: {d:?}"
    );
    assert!(
        !d.iter().any(|d| d["severity"] == "error"),
        "a truncated document is still one: {d:?}"
    );
    assert!(doc["number"].is_object(), "number lost: {}", doc["number"]);
    assert_eq!(doc["number"]["number"], "318");
    assert_eq!(doc["number"]["symbol"], "TB-UBND");
}

#[test]
fn binary_is_refused() {
    let err = vanban::parse_bytes(&bad("binary.bin"), &Options::default())
        .map(|_| ())
        .expect_err("binary data must not decode");
    assert!(
        matches!(
            err,
            DecodeError::Binary { .. } | DecodeError::InvalidUtf8 { .. }
        ),
        "unexpected error: {err:?}"
    );
    // NUL bytes in otherwise valid UTF-8 are binary.
    let err = vanban::parse_bytes(b"S\xE1\xBB\x91: 12/TB\0\0\0", &Options::default())
        .map(|_| ())
        .expect_err("NUL bytes must not decode");
    assert!(
        matches!(
            err,
            DecodeError::Binary {
                byte: 0,
                offset: 11
            }
        ),
        "{err:?}"
    );
}

#[test]
fn damaged_utf8_is_read_with_an_error_at_each_damaged_place() {
    let bytes = bad("invalid-utf8.txt");
    // Where the bytes stop being UTF-8, found independently of the crate.
    let offset = std::str::from_utf8(&bytes).unwrap_err().valid_up_to();
    let line = 1 + bytes[..offset].iter().filter(|&&b| b == b'\n').count() as u32;
    assert_eq!((offset, line), (224, 9), "the fixture changed");
    // a UTF-8 notice with two damaged bytes and a cut character: its tree, and an error at
    // each damaged place (line, character column)
    let doc = parse_ok(&bytes);
    assert_eq!(doc["kind"], "thong_bao");
    let damaged: Vec<(u64, u64)> = diags(&doc)
        .iter()
        .filter(|d| d["code"] == "damaged-bytes" && d["severity"] == "error")
        .map(|d| (d["line"].as_u64().unwrap(), d["column"].as_u64().unwrap()))
        .collect();
    assert_eq!(damaged, [(9, 18), (9, 19), (12, 2)]);
    // a UTF-8 file cut in the middle of a character
    let text = "Số: 12/TB-UBND\nHà Nội, ngày 5 tháng 3 năm 2024\nTHÔNG BÁO\nVề việc nghỉ";
    let cut = &text.as_bytes()[..text.len() - 1];
    let doc = parse_ok(cut);
    assert!(has_diag(&doc, "error", "damaged-bytes"));
    assert_eq!(doc["number"]["symbol"], "TB-UBND");
    // a few control bytes no text holds (NUL, BEL) in a UTF-8 notice: damage, not binary data
    let text =
        "Số: 12/TB-UBND\nHà Nội, ngày 5 tháng 3 năm 2024\nTHÔNG\u{0}BÁO\nVề việc\u{7} nghỉ\u{0}\n";
    let doc = parse_ok(text.as_bytes());
    let damaged: Vec<(u64, u64)> = diags(&doc)
        .iter()
        .filter(|d| d["code"] == "damaged-bytes")
        .map(|d| (d["line"].as_u64().unwrap(), d["column"].as_u64().unwrap()))
        .collect();
    assert_eq!(damaged, [(3, 6), (4, 8), (4, 14)]);
    assert_eq!(doc["number"]["symbol"], "TB-UBND");
}

#[test]
fn text_in_no_known_encoding_reports_offset_and_line() {
    // mostly not UTF-8, and no 8-bit Vietnamese encoding reads it as Vietnamese
    let bytes = b"ab\ncd\xFFef\xFE\xFD";
    let err = vanban::parse_bytes(bytes, &Options::default())
        .map(|_| ())
        .expect_err("this is no text vanban can read");
    assert_eq!(err, DecodeError::InvalidUtf8 { offset: 5, line: 2 });
    let msg = err.to_string();
    assert!(
        msg.contains("byte 5") && !msg.contains('\n'),
        "message: {msg}"
    );
}

#[test]
fn boms_decode_to_the_same_tree() {
    let mut a = parse_ok(&bad("utf8-bom.txt"));
    let mut b = parse_ok(&bad("utf16le-bom.txt"));
    assert_eq!(a["encoding"], "utf-8-bom");
    assert_eq!(b["encoding"], "utf-16le");
    a.as_object_mut().unwrap().remove("encoding");
    b.as_object_mut().unwrap().remove("encoding");
    assert_eq!(a, b, "UTF-8+BOM and UTF-16LE+BOM give different trees");
    // The BOM does not leak into the first line's text.
    let name = a["issuer"]["name"].as_str().expect("issuer read");
    assert!(!name.contains('\u{FEFF}'), "BOM in issuer name: {name:?}");
    assert!(
        !vanban::to_json(&vanban::parse_bytes(&bad("utf8-bom.txt"), &Options::default()).unwrap())
            .contains('\u{FEFF}')
    );
}

#[test]
fn utf16be_with_bom_decodes_like_utf8() {
    let text = String::from_utf8(bad("utf8-bom.txt")[3..].to_vec()).unwrap();
    let mut be = vec![0xFE, 0xFF];
    for u in text.encode_utf16() {
        be.extend_from_slice(&u.to_be_bytes());
    }
    let mut a = parse_ok(&bad("utf8-bom.txt"));
    let mut b = parse_ok(&be);
    assert_eq!(b["encoding"], "utf-16be");
    a.as_object_mut().unwrap().remove("encoding");
    b.as_object_mut().unwrap().remove("encoding");
    assert_eq!(a, b);
}

#[test]
fn one_million_character_line() {
    let words = [
        "Giao", "Sở", "Tài", "chính", "chủ", "trì,", "phối", "hợp", "với", "các", "đơn", "vị;",
    ];
    let line: String = words
        .iter()
        .cycle()
        .flat_map(|w| w.chars().chain([' ']))
        .take(1_000_000)
        .collect();
    assert_eq!(line.chars().count(), 1_000_000);
    for text in [
        line.clone(),
        format!("THÔNG BÁO\n{line}\n"),
        "Đ".repeat(1_000_000),
    ] {
        let parsed = vanban::parse(&text, &Options::default());
        let doc = to_value(&parsed);
        assert_eq!(doc["schema_version"], 1);
        assert!(
            unaccounted_lines(&text, &doc).is_empty(),
            "the long line is not accounted for"
        );
    }
}

#[test]
fn five_megabyte_document() {
    let seed = include_str!("../fixtures/00-seed-notice-quang-ngai-2024.txt");
    // Header, then the body repeated until the text passes 5 MB, then the closing block.
    let start = seed.find("Ngày 23/8/2024").unwrap();
    let end = seed.find("Nơi nhận:").unwrap();
    let (head, body, tail) = (&seed[..start], &seed[start..end], &seed[end..]);
    let mut text = String::with_capacity(5_200_000);
    text.push_str(head);
    let mut page = 1;
    while text.len() < 5_000_000 {
        text.push_str(body);
        page += 1;
        text.push_str(&format!("\n{page}\n\n"));
    }
    text.push_str(tail);
    assert!(text.len() >= 5_000_000);
    let parsed = vanban::parse_bytes(text.as_bytes(), &Options::default()).expect("decodes");
    let doc = to_value(&parsed);
    assert_eq!(doc["kind"], "thong_bao");
    assert_eq!(doc["signature"]["signer"], "Lê Chí Phương");
    assert!(doc["body"].as_array().unwrap().len() > 100);
}

#[test]
fn odd_line_breaks_and_controls_do_not_panic() {
    for text in [
        "\r\r\r\n\n\x0C\x0C",
        "Số: 12/TB-UBND\rHà Nội, ngày 1 tháng 2 năm 2024\x0CTHÔNG BÁO\r\n",
        "\u{FEFF}\u{FEFF}Số:",
        "|||\n|---|---|\n| a | b |\n\t\t\t\n",
        "1.\n2.\na)\n-\n+\nI.\nĐiều\nChương\nNơi nhận:\nLưu:\nKT.\nTM.\n",
        "Số: /\nngày tháng năm\n",
        "Lưu: VT, KT(Thủy, Nho).",
        "a\u{0300}\u{0301}\u{0323}e\u{0302}\u{0303}",
    ] {
        let doc = to_value(&vanban::parse(text, &Options::default()));
        assert_eq!(doc["schema_version"], 1, "{text:?}");
    }
}

// ---------------------------------------------------------------------------------------------
// Documents in containers: recognised by their first bytes, read or refused with a typed error

#[cfg(feature = "docx")]
#[test]
fn a_docx_cut_short_is_a_corrupt_archive() {
    let e = vanban::parse_bytes(&bad("cut-short.docx"), &Options::default()).unwrap_err();
    assert!(
        matches!(e, DecodeError::Docx(vanban::DocxError::Corrupt(_))),
        "{e:?}"
    );
    assert!(e.to_string().contains("damaged or truncated"), "{e}");
}

#[cfg(feature = "docx")]
#[test]
fn a_zip_that_is_no_word_document() {
    let e =
        vanban::parse_bytes(&bad("zip-without-document.docx"), &Options::default()).unwrap_err();
    assert_eq!(e, DecodeError::Docx(vanban::DocxError::NoDocument));
    assert!(e.to_string().contains("word/document.xml"), "{e}");
}

#[cfg(feature = "pdf")]
#[test]
fn a_broken_pdf_and_a_scan_are_typed_errors() {
    let e = vanban::parse_bytes(&bad("text-layer.pdf"), &Options::default()).unwrap_err();
    assert!(
        matches!(e, DecodeError::Pdf(vanban::PdfError::Corrupt(_))),
        "{e:?}"
    );
    let e = vanban::parse_bytes(&bad("scan-without-text.pdf"), &Options::default()).unwrap_err();
    assert_eq!(e, DecodeError::Pdf(vanban::PdfError::NoTextLayer));
    assert!(e.to_string().contains("OCR"), "{e}");
    // a ToUnicode map that makes the reader's CMap parser panic: caught, a typed error
    let e = vanban::parse_bytes(&bad("pdf-reader-panic.pdf"), &Options::default()).unwrap_err();
    assert!(
        matches!(e, DecodeError::Pdf(vanban::PdfError::Corrupt(_))),
        "{e:?}"
    );
    // a password the reader is not given (its /Encrypt written in the trailer itself)
    let e = vanban::parse_bytes(&bad("password.pdf"), &Options::default()).unwrap_err();
    assert_eq!(e, DecodeError::Pdf(vanban::PdfError::Encrypted));
    assert!(e.to_string().contains("password"), "{e}");
}

#[cfg(feature = "doc")]
#[test]
fn bad_word_97_files_are_typed_errors() {
    let e = vanban::parse_bytes(&bad("compound-cut-short.doc"), &Options::default()).unwrap_err();
    assert!(
        matches!(e, DecodeError::Doc(vanban::DocError::Corrupt(_))),
        "{e:?}"
    );
    let e = vanban::parse_bytes(&bad("compound-without-document.doc"), &Options::default())
        .unwrap_err();
    assert_eq!(e, DecodeError::Doc(vanban::DocError::NoDocument));
    assert!(e.to_string().contains("WordDocument"), "{e}");
}

#[cfg(feature = "docx")]
#[test]
fn a_docx_is_read_by_its_content_whatever_its_name() {
    let path = common::root().join("fixtures/docx/01-cong-van-bang-tieu-de.docx");
    let bytes = std::fs::read(path).unwrap();
    let doc = parse_ok(&bytes);
    assert_eq!(doc["encoding"], "docx");
    assert_eq!(doc["kind"], "cong_van");
    assert_eq!(doc["number"]["symbol"], "STNMT-QLĐĐ");
}
