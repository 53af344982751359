//! Robustness: the parser is linear in the size of its input and never hangs, on realistic
//! documents of 5 MB and 50 MB, on a 1,000,000-character line, and on 100,000 lines of markers,
//! opening quotes and closing-block labels; the JSON of the deepest trees stays shallow.
//!
//! No assertion is on an absolute time: linearity is checked on the ratio t(4n) / t(n) (the
//! fastest of three runs each), which a quadratic step drives to 16 and a linear one keeps near
//! 4. The heavy tests take a lock so that they run one at a time and do not skew each other's
//! timings.
//!
//! The six heaviest (50 MB, the million-character line, the 100,000-line inputs and the
//! closing-label linearity) take two minutes in a debug build, so `cargo test` skips them there
//! and `.ci/run` runs the whole file in release: `cargo test --release --test robustness`.
//!
//! Regression inputs found by the fuzz harness (`tests/fuzz/`) are at the end of the file.

mod common;

use std::fmt::Write as _;
use std::hint::black_box;
use std::sync::{Mutex, MutexGuard};
use std::time::{Duration, Instant};

use vanban::ast::{Block, Span};
use vanban::{Options, Parsed};

/// Highest JSON nesting depth accepted (serde_json's own reader stops at 128).
const MAX_JSON_DEPTH: usize = 64;

/// Highest t(4n) / t(n) accepted: a linear parser gives about 4, a quadratic one 16.
const MAX_RATIO: f64 = 10.0;

static HEAVY: Mutex<()> = Mutex::new(());

/// One heavy test at a time (a failed test poisons the lock; the next one still runs).
fn heavy() -> MutexGuard<'static, ()> {
    HEAVY.lock().unwrap_or_else(|e| e.into_inner())
}

fn no_join() -> Options {
    let mut o = Options::default();
    o.join_continuations = false;
    o
}

// ---------------------------------------------------------------------------------------------
// Checks

/// Depth of brackets in a JSON text (strings skipped). Linear, allocation-free, so it also
/// works on the JSON of a 50 MB document.
fn json_depth(json: &str) -> usize {
    let (mut depth, mut max, mut in_str, mut esc) = (0usize, 0usize, false, false);
    for b in json.bytes() {
        if in_str {
            if esc {
                esc = false;
            } else if b == b'\\' {
                esc = true;
            } else if b == b'"' {
                in_str = false;
            }
            continue;
        }
        match b {
            b'"' => in_str = true,
            b'{' | b'[' => {
                depth += 1;
                max = max.max(depth);
            }
            b'}' | b']' => depth -= 1,
            _ => {}
        }
    }
    assert_eq!(depth, 0, "unbalanced JSON");
    max
}

/// Depth of a block tree (a flat list is 1).
fn tree_depth(blocks: &[Block]) -> usize {
    blocks
        .iter()
        .map(|b| 1 + tree_depth(&b.children))
        .max()
        .unwrap_or(0)
}

fn check_span(s: Span, len: usize, lines: u32, what: &str) {
    assert!(
        s.start <= s.end && s.end <= len,
        "{what}: bytes [{}, {}] outside a text of {len} bytes",
        s.start,
        s.end
    );
    assert!(
        1 <= s.line_start && s.line_start <= s.line_end && s.line_end <= lines,
        "{what}: lines [{}, {}] outside 1..={lines}",
        s.line_start,
        s.line_end
    );
}

fn check_blocks(blocks: &[Block], len: usize, lines: u32) {
    for b in blocks {
        check_span(b.span, len, lines, "block");
        for c in &b.children {
            assert!(
                b.span.start <= c.span.start && c.span.end <= b.span.end,
                "a child block outside its parent"
            );
        }
        check_blocks(&b.children, len, lines);
    }
}

/// What every generated input must satisfy: spans inside the text, a bounded tree, JSON that
/// serialises and is shallow. Returns (body depth, JSON depth). `text` is NFC already.
fn check(parsed: &Parsed, text: &str) -> (usize, usize) {
    let doc = &parsed.document;
    let lines = common::physical_lines(text).len() as u32;
    check_blocks(&doc.body, text.len(), lines);
    for a in &doc.appendices {
        check_span(a.span, text.len(), lines, "appendix");
        check_blocks(&a.body, text.len(), lines);
    }
    for &s in doc
        .recipients
        .cc_spans
        .iter()
        .chain(&doc.recipients.to_spans)
    {
        check_span(s, text.len(), lines, "recipient");
    }
    if let Some(sig) = &doc.signature {
        check_span(sig.span, text.len(), lines, "signature");
    }
    for d in &doc.diagnostics {
        if let Some(l) = d.line {
            assert!(
                (1..=lines).contains(&l),
                "diagnostic on line {l} of {lines}"
            );
        }
    }
    let depth = tree_depth(&doc.body).max(
        doc.appendices
            .iter()
            .map(|a| tree_depth(&a.body))
            .max()
            .unwrap_or(0),
    );
    let json = vanban::to_json(parsed);
    let jd = json_depth(&json);
    assert!(
        jd < MAX_JSON_DEPTH,
        "JSON nesting depth {jd} (body depth {depth})"
    );
    (depth, jd)
}

/// Parse with both option sets, check, and report the time of the default parse.
fn parse_and_check(name: &str, text: &str) -> Parsed {
    let t = Instant::now();
    let parsed = vanban::parse(text, &Options::default());
    let took = t.elapsed();
    let (depth, jd) = check(&parsed, text);
    let other = vanban::parse(text, &no_join());
    check(&other, text);
    eprintln!(
        "{name}: {:.1} MB, {} lines, parse {took:.2?}, body depth {depth}, JSON depth {jd}, {} top blocks",
        text.len() as f64 / 1e6,
        text.lines().count(),
        parsed.document.body.len()
    );
    parsed
}

/// The fastest of three parses.
fn best_of_3(text: &str) -> Duration {
    let opts = Options::default();
    (0..3)
        .map(|_| {
            let t = Instant::now();
            let p = vanban::parse(black_box(text), &opts);
            let d = t.elapsed();
            drop(black_box(p));
            d
        })
        .min()
        .expect("three runs")
}

/// t(4n) / t(n) for a generator, n grown from `n0` until one parse takes at least 20 ms (so
/// that timer noise and one-off set-up do not dominate) or n reaches `n_max`.
fn assert_linear(name: &str, generate: impl Fn(usize) -> String, n0: usize, n_max: usize) {
    let _ = vanban::parse(&generate(n0), &Options::default()); // warm up (regex compilation)
    let mut n = n0;
    let mut small = generate(n);
    let mut t1 = best_of_3(&small);
    while t1 < Duration::from_millis(20) && n * 2 <= n_max {
        n *= 2;
        small = generate(n);
        t1 = best_of_3(&small);
    }
    let big = generate(4 * n);
    check(&vanban::parse(&big, &Options::default()), &big);
    let t4 = best_of_3(&big);
    let ratio = t4.as_secs_f64() / t1.as_secs_f64().max(1e-6);
    eprintln!(
        "linearity {name}: n = {n} ({} B): {t1:.2?}; 4n ({} B): {t4:.2?}; ratio {ratio:.2}",
        small.len(),
        big.len()
    );
    assert!(
        ratio < MAX_RATIO,
        "{name}: parsing 4x the input took {ratio:.1}x as long ({t1:?} -> {t4:?}): not linear"
    );
}

// ---------------------------------------------------------------------------------------------
// Generators (deterministic)

const HEADER: &str = "ỦY BAN NHÂN DÂN\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n\
TỈNH QUẢNG NGÃI\tĐộc lập - Tự do - Hạnh phúc\n\
\n\
Số: 123/KH-UBND\tQuảng Ngãi, ngày 05 tháng 9 năm 2024\n\
\n\
KẾ HOẠCH\n\
Triển khai thực hiện nhiệm vụ cải cách hành chính năm 2024\n\
\n";

const FOOTER: &str = "Nơi nhận:\n\
- Như trên;\n\
- CT, PCT UBND tỉnh;\n\
- Lưu: VT, KGVX (02), VA.\n\
KT. CHỦ TỊCH\n\
PHÓ CHỦ TỊCH\n\
\n\
Nguyễn Văn An\n";

const ROMANS: &[&str] = &["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"];

/// One section of a plan as documents print it: a Roman heading, numbered items, điểm,
/// bullets, wrapped lines, a quotation of provisions, paragraphs and a page number.
fn section(out: &mut String, k: usize) {
    let r = ROMANS[k % ROMANS.len()];
    let page = k + 2;
    let _ = write!(
        out,
        "{r}. NHIỆM VỤ TRỌNG TÂM SỐ {k}\n\
1. Sở Nội vụ chủ trì, phối hợp với các sở, ban, ngành liên quan rà soát, tham mưu Ủy ban\n\
nhân dân tỉnh ban hành kế hoạch thực hiện nhiệm vụ cải cách hành chính giai đoạn 2021 - 2025.\n\
1.1. Nội dung thực hiện\n\
a) Rà soát các thủ tục hành chính thuộc thẩm quyền giải quyết của các cơ quan;\n\
b) Đề xuất phương án đơn giản hóa thủ tục hành chính, giấy tờ công dân.\n\
- Thời gian thực hiện: trước ngày 30 tháng 6 năm 2024;\n\
+ Báo cáo kết quả về Sở Nội vụ để tổng hợp, báo cáo Ủy ban nhân dân tỉnh.\n\
• Kinh phí thực hiện từ nguồn ngân sách nhà nước.\n\
2. Khoản 1 Điều 4 Luật Tổ chức chính quyền địa phương quy định: “1. Tổ chức chính quyền;\n\
2. Bảo đảm nguyên tắc tập trung dân chủ.”\n\
Trong 8 tháng đầu năm 2024, Sở đã cơ bản hoàn thành các chỉ tiêu, nhiệm vụ được giao; tuy\n\
\n\
- {page} -\n\
\n\
nhiên vẫn còn một số tồn tại, hạn chế cần khắc phục trong thời gian tới.\n\
Các cơ quan, đơn vị căn cứ nội dung Kế hoạch này xây dựng kế hoạch cụ thể để triển khai.\n\
\n"
    );
}

/// A plan of about `bytes` bytes: header, sections, closing block.
fn realistic(bytes: usize) -> String {
    let mut s = String::with_capacity(bytes + 4096);
    s.push_str(HEADER);
    let mut k = 0;
    while s.len() < bytes {
        section(&mut s, k);
        k += 1;
    }
    s.push_str("Nay thông báo để các cơ quan biết, thực hiện./.\n");
    s.push_str(FOOTER);
    s
}

/// One line of about `chars` characters of prose (a body line that never breaks).
fn long_prose_line(chars: usize) -> String {
    const WORDS: &str =
        "Ủy ban nhân dân tỉnh yêu cầu các sở, ban, ngành, “địa phương” thực hiện nghiêm túc; ";
    let n = WORDS.chars().count();
    let mut s = String::from("1. ");
    s.push_str(&WORDS.repeat(chars / n + 1));
    s
}

/// One line of about `chars` characters full of cells and closing-block labels.
fn long_cell_line(chars: usize) -> String {
    const CELLS: &str =
        "Nơi nhận:\t- Sở Tài chính;\tKT. CHỦ TỊCH | PHÓ CHỦ TỊCH |  ----  Nguyễn Văn An\t";
    let n = CELLS.chars().count();
    CELLS.repeat(chars / n + 1)
}

const MARKERS: &[&str] = &[
    "Phần I",
    "PHẦN THỨ NHẤT",
    "Chương I",
    "Mục 1",
    "Tiểu mục 1",
    "Điều 1.",
    "I.",
    "1.",
    "1.1.",
    "1.1.1.",
    "a)",
    "-",
    "+",
    "•",
];

/// `lines` marker lines in deep and odd orders: deepest first, shallowest first, zig-zag, and
/// a pseudo-random order; bare markers and markers with text alternate.
fn markers(lines: usize) -> String {
    let mut s = String::with_capacity(lines * 24);
    s.push_str(HEADER);
    let m = MARKERS.len();
    let mut rng = 0x2545_f491_4f6c_dd1du64;
    for i in 0..lines {
        let block = i / m;
        let j = i % m;
        let k = match block % 4 {
            0 => j,
            1 => m - 1 - j,
            2 => {
                if j.is_multiple_of(2) {
                    j / 2
                } else {
                    m - 1 - j / 2
                }
            }
            _ => {
                rng ^= rng << 13;
                rng ^= rng >> 7;
                rng ^= rng << 17;
                (rng % m as u64) as usize
            }
        };
        s.push_str(MARKERS[k]);
        if i % 3 != 0 {
            s.push_str(" Nội dung");
        }
        s.push('\n');
    }
    s.push_str(FOOTER);
    s
}

/// `lines` lines of a lone opening quote (quotation tracking never closes).
fn opening_quotes(lines: usize) -> String {
    let mut s = String::from(HEADER);
    s.push_str("1. Luật quy định:\n");
    s.push_str(&"“\n".repeat(lines));
    s.push_str(FOOTER);
    s
}

/// `lines` lines that each open a quotation and a numbered item inside it.
fn quoted_items(lines: usize) -> String {
    let mut s = String::from(HEADER);
    for i in 0..lines {
        let _ = writeln!(s, "Khoản {i} quy định: “{}. Nội dung «trích", i % 90 + 1);
    }
    s.push_str(FOOTER);
    s
}

/// `lines` lines alternating `Nơi nhận:` and `KT. CHỦ TỊCH`.
fn alternating_closing(lines: usize) -> String {
    let mut s = String::with_capacity(lines * 16);
    for i in 0..lines {
        s.push_str(if i % 2 == 0 {
            "Nơi nhận:\n"
        } else {
            "KT. CHỦ TỊCH\n"
        });
    }
    s
}

/// A công văn whose `Kính gửi:` is followed by `lines` blank lines before its first addressee.
fn kinh_gui_blanks(lines: usize) -> String {
    let mut s = String::from(
        "ỦY BAN NHÂN DÂN\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n\
TỈNH QUẢNG NGÃI\tĐộc lập - Tự do - Hạnh phúc\n\
\n\
Số: 123/UBND-KT\tQuảng Ngãi, ngày 05 tháng 9 năm 2024\n\
V/v triển khai thực hiện nhiệm vụ\n\
\n\
Kính gửi:\n",
    );
    s.push_str(&"\n".repeat(lines));
    s.push_str("- Sở Tài chính;\n- Sở Nội vụ.\n");
    s.push_str("Ủy ban nhân dân tỉnh đề nghị các cơ quan thực hiện.\n");
    s.push_str(FOOTER);
    s
}

// ---------------------------------------------------------------------------------------------
// (a) large realistic documents

fn check_realistic(parsed: &Parsed) {
    let doc = &parsed.document;
    assert_eq!(doc.kind.as_ref().map(|k| k.slug()), Some("ke_hoach"));
    assert!(doc.body.len() > 100, "sections read as blocks");
    assert!(doc.signature.is_some(), "the signature at the end is found");
    assert!(doc.recipients.archive.is_some(), "the Lưu entry is found");
}

#[test]
fn realistic_5_mb() {
    let _g = heavy();
    let text = realistic(5_000_000);
    let parsed = parse_and_check("realistic 5 MB", &text);
    check_realistic(&parsed);
}

#[test]
#[cfg_attr(
    debug_assertions,
    ignore = "heavy in a debug build: runs in release, `cargo test --release --test robustness`"
)]
fn realistic_50_mb() {
    let _g = heavy();
    let text = realistic(50_000_000);
    let t = Instant::now();
    let parsed = vanban::parse(&text, &Options::default());
    let took = t.elapsed();
    let (depth, jd) = check(&parsed, &text);
    check_realistic(&parsed);
    eprintln!(
        "realistic 50 MB: {:.1} MB, parse {took:.2?}, body depth {depth}, JSON depth {jd}",
        text.len() as f64 / 1e6
    );
}

// ---------------------------------------------------------------------------------------------
// (b) one very long line

#[test]
#[cfg_attr(
    debug_assertions,
    ignore = "heavy in a debug build: runs in release, `cargo test --release --test robustness`"
)]
fn million_character_line() {
    let _g = heavy();
    for (name, text) in [
        ("prose line", long_prose_line(1_000_000)),
        ("cell line", long_cell_line(1_000_000)),
    ] {
        assert!(text.chars().count() >= 1_000_000);
        parse_and_check(name, &text);
        let mut with_header = String::from(HEADER);
        with_header.push_str(&text);
        with_header.push('\n');
        with_header.push_str(FOOTER);
        parse_and_check(&format!("{name} in a document"), &with_header);
    }
}

// ---------------------------------------------------------------------------------------------
// (c) 100,000 lines of markers, quotes, closing-block labels

#[test]
#[cfg_attr(
    debug_assertions,
    ignore = "heavy in a debug build: runs in release, `cargo test --release --test robustness`"
)]
fn hundred_thousand_markers() {
    let _g = heavy();
    let text = markers(100_000);
    let parsed = parse_and_check("100k markers", &text);
    assert!(!parsed.document.body.is_empty());
}

#[test]
#[cfg_attr(
    debug_assertions,
    ignore = "heavy in a debug build: runs in release, `cargo test --release --test robustness`"
)]
fn hundred_thousand_opening_quotes() {
    let _g = heavy();
    parse_and_check("100k opening quotes", &opening_quotes(100_000));
    parse_and_check("100k quoted items", &quoted_items(100_000));
}

#[test]
#[cfg_attr(
    debug_assertions,
    ignore = "heavy in a debug build: runs in release, `cargo test --release --test robustness`"
)]
fn hundred_thousand_alternating_closing_labels() {
    let _g = heavy();
    parse_and_check("100k Nơi nhận / KT.", &alternating_closing(100_000));
}

#[test]
fn kinh_gui_then_many_blank_lines() {
    let _g = heavy();
    let parsed = parse_and_check("Kính gửi + 10k blanks", &kinh_gui_blanks(10_000));
    assert_eq!(
        parsed.document.recipients.to,
        ["Sở Tài chính", "Sở Nội vụ"],
        "the addressees after the blank lines are read"
    );
}

// ---------------------------------------------------------------------------------------------
// (d) linearity: t(4n) / t(n)

#[test]
fn linear_realistic() {
    let _g = heavy();
    assert_linear("realistic", realistic, 50_000, 2_000_000);
}

#[test]
fn linear_long_line() {
    let _g = heavy();
    assert_linear("prose line", long_prose_line, 10_000, 250_000);
    assert_linear("cell line", long_cell_line, 10_000, 250_000);
}

#[test]
fn linear_markers() {
    let _g = heavy();
    assert_linear("markers", markers, 2_000, 50_000);
}

#[test]
fn linear_opening_quotes() {
    let _g = heavy();
    assert_linear("opening quotes", opening_quotes, 2_000, 50_000);
    assert_linear("quoted items", quoted_items, 2_000, 50_000);
}

#[test]
#[cfg_attr(
    debug_assertions,
    ignore = "heavy in a debug build: runs in release, `cargo test --release --test robustness`"
)]
fn linear_alternating_closing_labels() {
    let _g = heavy();
    // the closing-block reader does a little work per line, so a step that grows with the
    // lines already read shows only from some 10,000 lines on: measure 25,000 against 100,000
    assert_linear("Nơi nhận / KT.", alternating_closing, 25_000, 25_000);
}

#[test]
fn linear_kinh_gui_blanks() {
    let _g = heavy();
    assert_linear("Kính gửi + blanks", kinh_gui_blanks, 2_000, 200_000);
}

// ---------------------------------------------------------------------------------------------
// (e) deep trees stay shallow in JSON

#[test]
fn json_depth_is_bounded_for_deepest_nesting() {
    let _g = heavy();
    // every marker once, shallowest first, repeated: the deepest tree the ranks allow
    let mut text = String::from(HEADER);
    for _ in 0..2_000 {
        for m in MARKERS {
            let _ = writeln!(text, "{m} Nội dung");
        }
    }
    // and numbered items ten levels deep
    for _ in 0..2_000 {
        for d in 1..=10 {
            let label = vec!["1"; d].join(".");
            let _ = writeln!(text, "{label}. Mục sâu");
        }
    }
    text.push_str(FOOTER);
    let parsed = parse_and_check("deepest nesting", &text);
    let depth = tree_depth(&parsed.document.body);
    assert!(depth <= MARKERS.len() + 2, "body depth {depth}");
}

#[test]
fn json_depth_helper_counts_brackets_outside_strings() {
    assert_eq!(json_depth(r#"{"a":[1,{"b":"[[{{"}]}"#), 3);
    assert_eq!(json_depth(r#""\"[""#), 0);
}

// ---------------------------------------------------------------------------------------------
// Regressions found by the fuzz harness (reproducers also in tests/fuzz/artifacts/)

/// Parse bytes the way the fuzz target does: both option sets, JSON, span checks.
fn fuzz_regression(bytes: &[u8]) {
    let text = match vanban::decode(bytes) {
        Ok(d) => d.text.into_owned(),
        Err(_) => return,
    };
    let nfc: String = unicode_normalization::UnicodeNormalization::nfc(text.as_str()).collect();
    for opts in [Options::default(), no_join()] {
        let parsed = vanban::parse_bytes(bytes, &opts).expect("decodes");
        check(&parsed, &nfc);
    }
}

/// `fuzz/artifacts/parse_bytes/regression-date-again-header-143`: a date with no spaces
/// (`,ngàythángnăm`) panicked with `date again` at src/header.rs:143 (the date found in the
/// whole cell is not found again in the cell cut at the match).
#[test]
fn fuzz_date_without_spaces_does_not_panic() {
    fuzz_regression(b",ng\xc3\xa0yth\xc3\xa1ngn\xc4\x83m");
}

/// `fuzz/artifacts/parse_str/regression-bom-alone-on-a-last-line`: a BOM (or another
/// invisible character) alone after the final line end is removed with its line, and the
/// repair's diagnostic named that vanished line. It names the last line there is.
#[test]
fn fuzz_invisible_character_alone_on_a_last_line() {
    let artifact = std::fs::read(
        common::root().join("tests/fuzz/artifacts/parse_str/regression-bom-alone-on-a-last-line"),
    )
    .expect("the artifact");
    let text = String::from_utf8(artifact).expect("UTF-8, as the parse_str target takes it");
    for text in [
        text.as_str(),
        "SỞ XÂY DỰNG\nSố: 12/BB\n\u{feff}",
        "a\n\u{200b}",
        "a\r\n\u{ad}",
    ] {
        for opts in [Options::default(), no_join()] {
            let parsed = vanban::parse(text, &opts);
            let repaired = vanban::repair(text).text;
            let nfc: String =
                unicode_normalization::UnicodeNormalization::nfc(&*repaired).collect();
            check(&parsed, &nfc);
        }
    }
}

/// Shapes of a single long line that once made a scan restart for each of its pieces (found in
/// review): a run of stars, a header row padded with spaces, dates glued without spaces, a run
/// of quyền hạn prefixes, a run of signing notes.
#[test]
fn linear_single_line_shapes() {
    let _g = heavy();
    let head = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Số: 1/QĐ ";
    assert_linear(
        "stars",
        |n| format!("{}\n", "*".repeat(20 * n)),
        2_000,
        50_000,
    );
    assert_linear(
        "spaces in a row",
        |n| format!("Số: 1/QĐ{}x\n", " ".repeat(20 * n)),
        2_000,
        50_000,
    );
    assert_linear(
        "glued dates",
        |n| format!("{head}{}\n", ",ngày1tháng1năm2020".repeat(n)),
        500,
        20_000,
    );
    assert_linear(
        "quyền hạn prefixes",
        |n| format!("UBND TỈNH A\nSố: 1/QĐ\n{}\n", "KT. ab ".repeat(n)),
        2_000,
        50_000,
    );
    assert_linear(
        "signing notes",
        |n| format!("{head}Nơi nhận: a {}\n", "(đã ký)".repeat(n)),
        2_000,
        50_000,
    );
}

/// A recipient entry wrapped over many lines, under Nơi nhận and under Kính gửi: the entry is
/// cleaned once when it ends, not again at each wrapped line.
#[test]
fn linear_wrapped_recipient_entries() {
    let _g = heavy();
    assert_linear(
        "Nơi nhận entry wrapped",
        |n| {
            format!(
                "UBND TỈNH A\nSố: 1/QĐ\nNội dung.\nNơi nhận:\n- a\n{}KT. CHỦ TỊCH\nNguyễn Văn An\n",
                "và các đơn vị khác\n".repeat(n)
            )
        },
        1_000,
        20_000,
    );
    assert_linear(
        "Kính gửi entry wrapped",
        |n| {
            format!(
                "UBND TỈNH A\nSố: 1/QĐ\nV/v x\nKính gửi:\n- a\n{}Nội dung.\n",
                "và các đơn vị khác\n".repeat(n)
            )
        },
        1_000,
        20_000,
    );
}
