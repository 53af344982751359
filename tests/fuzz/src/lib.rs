//! Invariants shared by the fuzz targets. Only cheap checks: the targets must stay fast.

use serde_json::Value;
use unicode_normalization::UnicodeNormalization;

/// Both option sets the targets exercise: the default, and continuation joining off.
pub fn option_sets() -> [vanban::Options; 2] {
    let default = vanban::Options::default();
    let mut no_join = vanban::Options::default();
    no_join.join_continuations = false;
    [default, no_join]
}

/// The number of physical lines of `text` by the parser's rule: LF, CRLF, a lone CR and a form
/// feed each end a line; trailing text without a break is one more line.
pub fn line_count(text: &str) -> u64 {
    let b = text.as_bytes();
    let (mut n, mut start, mut i) = (0u64, 0usize, 0usize);
    while i < b.len() {
        if matches!(b[i], b'\n' | b'\r' | 0x0C) {
            n += 1;
            if b[i] == b'\r' && b.get(i + 1) == Some(&b'\n') {
                i += 1;
            }
            start = i + 1;
        }
        i += 1;
    }
    if start < b.len() {
        n += 1;
    }
    n
}

/// Serialise `parsed` and check it against the text the parser saw (`decoded`, repaired):
/// the JSON is valid and shallow, every span lies inside the normalised text (byte range on
/// char boundaries, line range within the line count), every diagnostic line exists.
pub fn check(parsed: &vanban::Parsed, decoded: &str) {
    let json = vanban::to_json(parsed);
    let v: Value = serde_json::from_str(&json).expect("to_json writes valid JSON");
    // repairs leave the text NFC already; NFC again is a no-op kept for safety
    let text: String = decoded.nfc().collect();
    let lines = line_count(&text);
    let depth = walk(&v, &text, lines, 0);
    assert!(depth < 64, "JSON nesting depth {depth}");
    // the Nghị định 30 check reads the same tree: its findings stand on lines of the text
    for f in vanban::conformance::check(parsed) {
        if let Some(l) = f.line {
            let l = u64::from(l);
            assert!(
                (1..=lines.max(1)).contains(&l),
                "finding on line {l} of {lines}: {f}"
            );
        }
    }
    if let Some(Value::Array(diags)) = v.get("diagnostics") {
        for d in diags {
            if let Some(l) = d.get("line").and_then(Value::as_u64) {
                assert!(
                    (1..=lines.max(1)).contains(&l),
                    "diagnostic line {l} outside 1..={lines}: {d}"
                );
            }
        }
    }
}

/// Check every `{"bytes": [a, b], "lines": [x, y]}` object under `v`; returns the depth.
fn walk(v: &Value, text: &str, lines: u64, depth: usize) -> usize {
    match v {
        Value::Object(map) => {
            if let (Some(Value::Array(bytes)), Some(Value::Array(ls))) =
                (map.get("bytes"), map.get("lines"))
            {
                let n = |x: &Value| x.as_u64().expect("span numbers are unsigned");
                let (a, b) = (n(&bytes[0]) as usize, n(&bytes[1]) as usize);
                let (x, y) = (n(&ls[0]), n(&ls[1]));
                assert!(
                    a <= b && b <= text.len(),
                    "bytes [{a}, {b}] vs length {}",
                    text.len()
                );
                assert!(
                    text.is_char_boundary(a) && text.is_char_boundary(b),
                    "bytes [{a}, {b}] not on char boundaries"
                );
                assert!(
                    1 <= x && x <= y && y <= lines,
                    "lines [{x}, {y}] vs {lines} lines"
                );
            }
            map.values()
                .map(|c| walk(c, text, lines, depth + 1))
                .max()
                .unwrap_or(depth + 1)
        }
        Value::Array(items) => items
            .iter()
            .map(|c| walk(c, text, lines, depth + 1))
            .max()
            .unwrap_or(depth + 1),
        _ => depth,
    }
}

/// Bytes through `decode_and_repair` and `parse_bytes` with `opts`: `parse_bytes` fails exactly
/// when decoding does, and what it parses passes [`check`] against the text the parser saw.
///
/// A panic of a third-party crate is left to unwind ([`let_third_party_panics_unwind`]): one
/// that `vanban` catches (the PDF reader's) is not a crash, as it is no panic for a user.
pub fn check_bytes(data: &[u8], opts: &vanban::Options) {
    let_third_party_panics_unwind();
    // the text the parser saw: decoded, then repaired (spans refer to it)
    let decoded = vanban::decode_and_repair(data)
        .ok()
        .map(|(text, _, _)| text);
    match vanban::parse_bytes(data, opts) {
        Ok(parsed) => {
            let text = decoded
                .as_deref()
                .expect("parse_bytes decodes what decode decodes");
            check(&parsed, text);
        }
        Err(_) => assert!(decoded.is_none(), "decode accepts what parse_bytes rejects"),
    }
}

/// The input cut into `N` parts: the first `2 * (N - 1)` bytes are the lengths (little-endian
/// `u16`) of the first `N - 1` parts, each cut short to what is left; the last part is the
/// rest. A short input gives empty parts. Lengths rather than a cut at a fraction keep a part
/// where it is when the fuzzer grows or shrinks another.
pub fn parts<const N: usize>(data: &[u8]) -> [&[u8]; N] {
    let (lengths, mut rest) = data.split_at(data.len().min(2 * (N - 1)));
    let mut out = [&[][..]; N];
    for (i, part) in out.iter_mut().enumerate() {
        if i + 1 == N {
            *part = rest;
        } else if let Some(l) = lengths.get(2 * i..2 * i + 2) {
            let n = usize::from(u16::from_le_bytes([l[0], l[1]])).min(rest.len());
            (*part, rest) = rest.split_at(n);
        }
    }
    out
}

/// A Word 97-2003 file around the input: a compound file (version 3, 512-byte sectors) whose
/// `WordDocument` stream is the first part of [`parts`] and whose table stream is the second,
/// written as both `0Table` and `1Table` (so that the FIB's table flag never matters). The
/// fuzzer then reaches the FIB, the piece table, the PAPX pages and the text walk of
/// `src/decode/doc.rs`, not only the container parser.
pub fn doc_file(data: &[u8]) -> Vec<u8> {
    use std::io::Write;
    let [main, table] = parts::<2>(data);
    let mut cf =
        cfb::CompoundFile::create_with_version(cfb::Version::V3, std::io::Cursor::new(Vec::new()))
            .expect("a compound file in memory");
    for (name, bytes) in [
        ("/WordDocument", main),
        ("/0Table", table),
        ("/1Table", table),
    ] {
        cf.create_stream(name)
            .and_then(|mut s| s.write_all(bytes))
            .expect("a stream in memory");
    }
    cf.flush().expect("a compound file in memory");
    cf.into_inner().into_inner()
}

/// A one-page PDF around the input, with correct cross-reference offsets. The input is cut by
/// [`parts`] into the page's content stream, the `ToUnicode` map of font `/F1` and the
/// `FontFile2` (a TrueType file) of its descendant; an empty map or font file is left out.
///
/// `/F1` is a two-byte font (`Type0`, `Identity-H`, a `CIDFontType2` descendant), which the
/// reader gives a glyph-number map (`identity_then`, merging the input's map) after telling
/// the font's glyph order from its `head`/`loca`/`glyf` tables (`src/decode/truetype.rs`);
/// `/F2` is Helvetica (WinAnsi), a simple font. Content such as
/// `BT /F1 12 Tf 72 712 Td <0024004B> Tj ET` shows glyphs 0x24 and 0x4B of `/F1`.
pub fn pdf_file(data: &[u8]) -> Vec<u8> {
    let [content, to_unicode, font_file] = parts::<3>(data);
    let stream = |dict: &str, bytes: &[u8]| {
        let mut s = format!("<< {dict}/Length {} >>\nstream\n", bytes.len()).into_bytes();
        s.extend_from_slice(bytes);
        s.extend_from_slice(b"\nendstream");
        s
    };
    let mut objects: Vec<Vec<u8>> = vec![
        b"<< /Type /Catalog /Pages 2 0 R >>".to_vec(),
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_vec(),
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] \
           /Resources << /Font << /F1 5 0 R /F2 9 0 R >> >> /Contents 4 0 R >>"
            .to_vec(),
        stream("", content),
    ];
    let f1 = if to_unicode.is_empty() {
        String::new()
    } else {
        "/ToUnicode 10 0 R ".to_string()
    };
    objects.push(
        format!(
            "<< /Type /Font /Subtype /Type0 /BaseFont /TimesNewRomanPSMT /Encoding /Identity-H \
             /DescendantFonts [6 0 R] {f1}>>"
        )
        .into_bytes(),
    );
    objects.push(
        b"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /TimesNewRomanPSMT \
           /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> \
           /FontDescriptor 7 0 R /DW 500 /W [3 [250 333] 68 [444 500]] /CIDToGIDMap /Identity >>"
            .to_vec(),
    );
    let file = if font_file.is_empty() {
        ""
    } else {
        "/FontFile2 8 0 R "
    };
    objects.push(
        format!(
            "<< /Type /FontDescriptor /FontName /TimesNewRomanPSMT /Flags 6 \
             /FontBBox [-568 -216 2046 893] /ItalicAngle 0 /Ascent 891 /Descent -216 \
             /CapHeight 662 /StemV 82 {file}>>"
        )
        .into_bytes(),
    );
    objects.push(stream("", font_file));
    objects.push(
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"
            .to_vec(),
    );
    objects.push(stream("", to_unicode));
    let mut pdf = b"%PDF-1.4\n%\xE2\xE3\xCF\xD3\n".to_vec();
    let mut offsets = Vec::with_capacity(objects.len());
    for (i, o) in objects.iter().enumerate() {
        offsets.push(pdf.len());
        pdf.extend_from_slice(format!("{} 0 obj\n", i + 1).as_bytes());
        pdf.extend_from_slice(o);
        pdf.extend_from_slice(b"\nendobj\n");
    }
    let xref = pdf.len();
    pdf.extend_from_slice(
        format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1).as_bytes(),
    );
    for at in offsets {
        pdf.extend_from_slice(format!("{at:010} 00000 n \n").as_bytes());
    }
    pdf.extend_from_slice(
        format!(
            "trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n",
            objects.len() + 1
        )
        .as_bytes(),
    );
    pdf
}

/// With `VANBAN_FUZZ_SHOW` set, print what `bytes` decode to (or the error) on stderr, to check
/// by hand that a wrapping reaches the reader: `VANBAN_FUZZ_SHOW=1 cargo fuzz run … <target>
/// <input>`. With `VANBAN_FUZZ_DUMP=<dir>` set, also write `bytes` to `<dir>/<label>` (the
/// wrapped file of a crash, to open in another reader).
pub fn show(label: &str, bytes: &[u8]) {
    static ON: std::sync::OnceLock<(bool, Option<std::path::PathBuf>)> = std::sync::OnceLock::new();
    let (show, dump) = ON.get_or_init(|| {
        (
            std::env::var_os("VANBAN_FUZZ_SHOW").is_some(),
            std::env::var_os("VANBAN_FUZZ_DUMP").map(Into::into),
        )
    });
    if *show {
        match vanban::decode_and_repair(bytes) {
            Ok((text, encoding, _)) => eprintln!("{label}: {encoding}: {text:?}"),
            Err(e) => eprintln!("{label}: error: {e}"),
        }
    }
    if let Some(dir) = dump {
        let _ = std::fs::write(dir.join(label), bytes);
    }
}

/// Let a panic raised inside a third-party crate (a file under cargo's registry: `pdf-extract`,
/// `lopdf`, `adobe-cmap-parser`, …) unwind instead of aborting, noting its place once on
/// stderr.
///
/// libfuzzer-sys installs a panic hook that aborts the process before any unwinding, so the
/// `catch_unwind` with which `src/decode/pdf.rs` turns a panic of the PDF reader into
/// `PdfError::Corrupt` never runs under the fuzzer, and every such panic would count as a
/// crash. With this hook such a panic unwinds: caught by `pdf::read`, it is the error a user
/// gets; not caught (a third-party panic elsewhere), it reaches libfuzzer-sys's own
/// `catch_unwind` around the target, which aborts: still a crash. A panic whose place is
/// `vanban`'s own code (or the standard library, or this crate) goes to the hook before,
/// which aborts, even inside `pdf::read`'s `catch_unwind`: a bug of the parser is reported
/// though a user would only see the error.
///
/// [`check_bytes`] calls it, so every target that reads bytes has it (libfuzzer-sys sets its
/// hook before the first input, which is when this runs first).
pub fn let_third_party_panics_unwind() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| {
        let previous = std::panic::take_hook();
        let seen = std::sync::Mutex::new(std::collections::HashSet::<String>::new());
        std::panic::set_hook(Box::new(move |info| {
            let place = info.location().map(|l| (l.file().to_string(), l.line()));
            match place {
                Some((file, line))
                    if file.contains("/registry/src/") || file.contains("/git/checkouts/") =>
                {
                    let place = format!("{file}:{line}");
                    if seen
                        .lock()
                        .map(|mut s| s.insert(place.clone()))
                        .unwrap_or(false)
                    {
                        eprintln!(
                            "vanban-fuzz: a panic in a third-party crate, left to unwind (noted \
                             once per place): {place}: {}\n{}",
                            payload(info),
                            std::backtrace::Backtrace::force_capture()
                        );
                    }
                }
                _ => previous(info),
            }
        }));
    });
}

fn payload(info: &std::panic::PanicHookInfo<'_>) -> String {
    let p = info.payload();
    p.downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| p.downcast_ref::<String>().cloned())
        .unwrap_or_default()
}
