//! The same notice in every encoding and damaged form that archives hold gives the same
//! document as the clean UTF-8 text: TCVN3, VNI and VISCII bytes, their mojibake read as
//! Windows-1252 and saved as UTF-8, Windows-1258, UTF-16 LE/BE, NFD and split diacritics.

mod common;

use common::{root, to_value};
use serde_json::Value;

/// The document without what legitimately differs: how it was read and repaired.
fn comparable(mut v: Value) -> Value {
    let o = v.as_object_mut().expect("a document object");
    o.remove("encoding");
    o.remove("repairs");
    if let Some(Value::Array(d)) = o.get_mut("diagnostics") {
        d.retain(|x| !x["code"].as_str().unwrap_or("").starts_with("repaired-"));
    }
    v
}

fn parse(name: &str) -> (Value, String) {
    let bytes = std::fs::read(root().join("fixtures/encodings").join(name)).expect("fixture");
    let parsed = vanban::parse_bytes(&bytes, &vanban::Options::default())
        .unwrap_or_else(|e| panic!("{name}: {e}"));
    let enc = parsed.document.encoding.clone();
    (comparable(to_value(&parsed)), enc)
}

/// The bytes of `fixtures/encodings` files, each ending in a line break (so that they can be
/// joined into one file line by line).
fn encoding_fixtures(names: &[&str]) -> Vec<Vec<u8>> {
    let dir = root().join("fixtures/encodings");
    names
        .iter()
        .map(|p| {
            let mut b = std::fs::read(dir.join(p)).unwrap();
            if b.last() != Some(&b'\n') {
                b.push(b'\n');
            }
            b
        })
        .collect()
}

fn first_difference(a: &Value, b: &Value, path: &str) -> Option<String> {
    match (a, b) {
        (Value::Object(x), Value::Object(y)) => {
            for (k, v) in x {
                let w = y.get(k).unwrap_or(&Value::Null);
                if let Some(d) = first_difference(v, w, &format!("{path}/{k}")) {
                    return Some(d);
                }
            }
            None
        }
        (Value::Array(x), Value::Array(y)) if x.len() == y.len() => x
            .iter()
            .zip(y)
            .enumerate()
            .find_map(|(i, (v, w))| first_difference(v, w, &format!("{path}/{i}"))),
        _ if a == b => None,
        _ => Some(format!("{path}: {a} != {b}")),
    }
}

#[test]
fn every_encoding_gives_the_clean_document() {
    let (clean, enc) = parse("clean.txt");
    assert_eq!(enc, "utf-8");
    for (name, expected_encoding) in [
        ("nfd.txt", "utf-8"),
        ("split-diacritics.txt", "utf-8"),
        ("utf16le.txt", "utf-16le"),
        ("utf16be.txt", "utf-16be"),
        ("windows-1258.txt", "windows-1258"),
        ("viscii.txt", "viscii"),
        ("vni.txt", "vni"),
        ("vni-mojibake.txt", "utf-8+vni"),
        ("tcvn3.txt", "tcvn3"),
        ("tcvn3-mojibake.txt", "utf-8+tcvn3"),
    ] {
        let (doc, enc) = parse(name);
        assert_eq!(enc, expected_encoding, "{name}");
        if let Some(d) = first_difference(&clean, &doc, "") {
            panic!("{name} differs from clean.txt at {d}");
        }
    }
}

#[test]
fn repairs_are_reported_once_per_kind_with_their_first_line() {
    let bytes = std::fs::read(root().join("fixtures/encodings/tcvn3-mojibake.txt")).unwrap();
    let parsed = vanban::parse_bytes(&bytes, &vanban::Options::default()).unwrap();
    let doc = to_value(&parsed);
    let codes: Vec<&str> = doc["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|d| d["code"].as_str())
        .filter(|c| c.starts_with("repaired-"))
        .collect();
    assert!(codes.contains(&"repaired-mojibake-tcvn3"), "{codes:?}");
    assert!(codes.contains(&"repaired-upper-case"), "{codes:?}");
    for r in doc["repairs"].as_array().unwrap() {
        assert!(r["count"].as_u64().unwrap() >= 1);
        assert!(r["first_line"].as_u64().unwrap() >= 1);
    }
}

#[test]
fn correct_unicode_and_other_languages_are_left_untouched() {
    let text = std::fs::read_to_string(root().join("fixtures/encodings/clean.txt")).unwrap();
    let r = vanban::repair(&text);
    assert!(r.repairs.is_empty(), "clean.txt: {:?}", r.repairs);
    assert_eq!(r.text, text);
    for text in [
        "The committee met in Hanoi on 5 March and approved the plan.\nMinutes were taken.\n",
        "Le conseil s'est réuni à Hà Nội; l'ordre du jour était chargé.\nÉté, café, naïveté.\n",
        "Über die Straße gehen Bären; Ærø og Ødegård.\n",
    ] {
        let r = vanban::repair(text);
        assert_eq!(r.text, text);
        assert!(r.repairs.is_empty(), "{text}: {:?}", r.repairs);
        // the same text as bytes (UTF-8) is read as UTF-8, not as an 8-bit encoding
        let d = vanban::decode(text.as_bytes()).unwrap();
        assert_eq!(d.encoding, "utf-8");
    }
}

/// A PDF text layer written as glyph numbers reads back as the clean text, word for word,
/// except for two words whose reading the context cannot settle: `Quân Vự` for `Quân sự`
/// (after a capitalised word a capital reading is kept, as names need) and `FKR` for `cho`
/// (a word of plain ASCII letters is read as glyph numbers only next to a word with glyph
/// numbers, so that abbreviations such as `KD` stay); the document's components all come out
/// as from the clean text.
#[test]
fn pdf_glyph_numbers_read_back() {
    let dir = root().join("fixtures/encodings");
    let clean = std::fs::read_to_string(dir.join("clean.txt")).unwrap();
    let glyphs = std::fs::read_to_string(dir.join("pdf-glyph-numbers.txt")).unwrap();
    let r = vanban::repair(&glyphs);
    assert!(
        r.repairs
            .iter()
            .any(|x| x.kind == vanban::RepairKind::GlyphNumbers && x.first_line == 1)
    );
    let words = |t: &str| t.split_whitespace().map(str::to_string).collect::<Vec<_>>();
    let (a, b) = (words(&clean), words(&r.text));
    assert_eq!(a.len(), b.len());
    let wrong: Vec<(&String, &String)> = a.iter().zip(&b).filter(|(x, y)| x != y).collect();
    assert!(wrong.len() <= 2, "{wrong:?}");
    let (clean_doc, _) = parse("clean.txt");
    let (doc, _) = parse("pdf-glyph-numbers.txt");
    for path in [
        "/kind",
        "/issuer",
        "/number",
        "/place_date",
        "/title",
        "/signature",
    ] {
        assert_eq!(clean_doc.pointer(path), doc.pointer(path), "{path}");
    }
    assert_eq!(
        clean_doc
            .pointer("/recipients/cc")
            .map(|v| v.as_array().unwrap().len()),
        doc.pointer("/recipients/cc")
            .map(|v| v.as_array().unwrap().len())
    );
}

/// Repairs are decided for runs of lines, not for the whole text: a file that joins a clean
/// notice, its TCVN3 and VNI mojibake, its glyph-number text layer and the clean notice again
/// repairs to what each part repairs to alone, and the clean parts are left as they are.
#[test]
fn joined_texts_repair_each_as_alone() {
    let texts: Vec<String> = encoding_fixtures(&[
        "clean.txt",
        "tcvn3-mojibake.txt",
        "vni-mojibake.txt",
        "pdf-glyph-numbers.txt",
        "clean.txt",
        "nfd.txt",
        "tcvn3-mojibake.txt",
    ])
    .into_iter()
    .map(|b| String::from_utf8(b).expect("UTF-8 fixtures"))
    .collect();
    let alone: String = texts
        .iter()
        .map(|t| vanban::repair(t).text.into_owned())
        .collect();
    let all = texts.concat();
    let joined = vanban::repair(&all);
    assert_eq!(joined.text, alone);
    let kinds: Vec<_> = joined.repairs.iter().map(|r| r.kind).collect();
    for k in [
        vanban::RepairKind::MojibakeTcvn3,
        vanban::RepairKind::MojibakeVni,
        vanban::RepairKind::GlyphNumbers,
    ] {
        assert!(kinds.contains(&k), "{kinds:?}");
    }
    // a short line of Latin-1 letters among Unicode lines is no TCVN3, even with TCVN3 text
    // further on (`Lê Trí Hà` would read `Lờ Trớ Hà`)
    let text = format!(
        "KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\nLê Trí Hà\nNơi nhận:\n{}",
        texts[1]
    );
    let r = vanban::repair(&text);
    assert!(
        r.text
            .starts_with("KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\nLê Trí Hà\n"),
        "{}",
        r.text
    );
    assert!(r.text.contains("Số: 214/TB-UBND"));
}

/// The seed notice typed in VNI with the second form of the toned `i` (the base `i` then a
/// tone byte, `triønh` for `trình`, as some VNI keyboard drivers wrote it) gives the same
/// document as the clean seed, from raw bytes and from its mojibake saved as UTF-8; so does the
/// seed with `ƣ`/`Ƣ` for `ư`/`Ư`, as some PDF fonts give them.
#[test]
fn vni_two_byte_i_and_oi_for_u_horn_give_the_clean_seed() {
    let clean_text =
        std::fs::read_to_string(root().join("fixtures/00-seed-notice-quang-ngai-2024.txt"))
            .unwrap();
    let doc_of = |bytes: &[u8]| {
        comparable(to_value(
            &vanban::parse_bytes(bytes, &vanban::Options::default()).unwrap(),
        ))
    };
    let clean = doc_of(clean_text.as_bytes());
    let one_byte = vanban::Legacy::Vni
        .encode(&clean_text)
        .expect("the seed encodes in VNI");
    let mut two_byte = Vec::with_capacity(one_byte.len() + 64);
    let mut changed = 0;
    for &b in &one_byte {
        let pair: Option<[u8; 2]> = match b {
            0xED => Some(*b"i\xF9"),
            0xEC => Some(*b"i\xF8"),
            0xE6 => Some(*b"i\xFB"),
            0xF3 => Some(*b"i\xF5"),
            0xF2 => Some(*b"i\xEF"),
            0xCD => Some(*b"I\xD9"),
            0xCC => Some(*b"I\xD8"),
            0xC6 => Some(*b"I\xDB"),
            0xD3 => Some(*b"I\xD5"),
            0xD2 => Some(*b"I\xCF"),
            _ => None,
        };
        match pair {
            Some(p) => {
                two_byte.extend_from_slice(&p);
                changed += 1;
            }
            None => two_byte.push(b),
        }
    }
    assert!(changed >= 10, "the seed has toned i letters: {changed}");
    let raw = doc_of(&two_byte);
    if let Some(d) = first_difference(&clean, &raw, "") {
        panic!("VNI bytes with two-byte i differ from the clean seed at {d}");
    }
    let mojibake: String = two_byte.iter().map(|&b| cp1252(b)).collect();
    let moji = doc_of(mojibake.as_bytes());
    if let Some(d) = first_difference(&clean, &moji, "") {
        panic!("VNI mojibake with two-byte i differs from the clean seed at {d}");
    }
    let oi = clean_text.replace('ư', "ƣ").replace('Ư', "Ƣ");
    assert_ne!(oi, clean_text);
    if let Some(d) = first_difference(&clean, &doc_of(oi.as_bytes()), "") {
        panic!("the seed with ƣ for ư differs from the clean seed at {d}");
    }
}

/// The character Windows-1252 gives a byte (bytes it leaves undefined as the C1 controls).
fn cp1252(b: u8) -> char {
    const HIGH: [char; 32] = [
        '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8d}', 'Ž',
        '\u{8f}', '\u{90}', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9d}',
        'ž', 'Ÿ',
    ];
    match b {
        0x80..=0x9F => HIGH[(b - 0x80) as usize],
        _ => b as char,
    }
}

/// A file whose bytes join a UTF-8 notice, the same notice in TCVN3, VNI and VISCII bytes, the
/// UTF-8 notice again and its Windows-1258 bytes (archives concatenate files) decodes to what
/// each part decodes to alone: runs of lines that are not UTF-8 are read each in the
/// encoding that reads them best, and the UTF-8 lines are kept.
#[test]
fn joined_bytes_in_several_encodings_decode_each_as_alone() {
    let bytes = encoding_fixtures(&[
        "clean.txt",
        "tcvn3.txt",
        "vni.txt",
        "viscii.txt",
        "clean.txt",
        "windows-1258.txt",
    ]);
    let alone: String = bytes
        .iter()
        .map(|b| vanban::decode_and_repair(b).unwrap().0)
        .collect();
    let (joined, encoding, _) = vanban::decode_and_repair(&bytes.concat()).unwrap();
    assert_eq!(encoding, "mixed");
    assert_eq!(joined, alone);
}
