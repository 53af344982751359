//! `vanban::render`: the canonical text holds the document (parsing it again gives the same
//! pinned fields), Markdown and HTML carry every part, and the HTML page is well formed.

mod common;

use common::{document_fixtures, round_trip, stem};

/// Every fixture's canonical text parses back to the same pinned fields.
#[test]
fn canonical_text_round_trips_on_every_fixture() {
    let mut failed = Vec::new();
    let mut n = 0;
    for path in document_fixtures() {
        let bytes = std::fs::read(&path).unwrap();
        let Ok(parsed) = vanban::parse_bytes(&bytes, &vanban::Options::default()) else {
            continue;
        };
        n += 1;
        let (_, misses) = round_trip(&parsed);
        if !misses.is_empty() {
            failed.push(format!("{}:\n  {}", stem(&path), misses.join("\n  ")));
        }
    }
    assert!(n > 55, "{n}");
    assert!(failed.is_empty(), "{}", failed.join("\n"));
}

/// The same over a corpus of `NNN.txt` documents named by `VANBAN_CORPUS` (skipped without
/// it: a clone has no corpus): at least 99 % of the pinned fields hold.
#[test]
fn canonical_text_round_trips_on_a_corpus() {
    let Some(dir) = std::env::var_os("VANBAN_CORPUS") else {
        return;
    };
    let (mut total, mut kept) = (0, 0);
    let mut shown = Vec::new();
    for path in common::files_with_ext(std::path::Path::new(&dir), "txt") {
        let bytes = std::fs::read(&path).unwrap();
        let Ok(parsed) = vanban::parse_bytes(&bytes, &vanban::Options::default()) else {
            continue;
        };
        let (n, misses) = round_trip(&parsed);
        total += n;
        kept += n - misses.len();
        for m in misses {
            shown.push(format!("{}: {m}", stem(&path)));
        }
    }
    let share = 100.0 * kept as f64 / total.max(1) as f64;
    eprintln!("round trip: {kept}/{total} pinned fields ({share:.2} %)");
    for s in &shown {
        eprintln!("  doc {}", s.chars().take(400).collect::<String>());
    }
    assert!(share >= 99.0, "{share:.2} %");
}

/// The canonical text of documents of each shape, and the seed in every format, as snapshots:
/// a change in the layout shows up in review.
#[test]
fn render_snapshots() {
    let shapes = [
        "00-seed-notice-quang-ngai-2024",
        "03-cong-van-tab-cells",
        "10-quyet-dinh-dieu-khoan-diem",
        "26-quyet-dinh-kem-quy-che",
        "32-bien-ban-hop-khong-ngay-ky-song-song",
        "43-thong-tu-lien-tich-hai-bo-ky",
        "45-quyet-dinh-sao-y",
    ];
    for name in shapes {
        let bytes = std::fs::read(common::root().join(format!("fixtures/{name}.txt"))).unwrap();
        let parsed = vanban::parse_bytes(&bytes, &vanban::Options::default()).unwrap();
        insta::assert_snapshot!(
            format!("render-text-{name}"),
            vanban::render::to_text(&parsed)
        );
        if name.starts_with("00-") {
            insta::assert_snapshot!(
                format!("render-markdown-{name}"),
                vanban::render::to_markdown(&parsed)
            );
            insta::assert_snapshot!(
                format!("render-html-{name}"),
                vanban::render::to_html(&parsed)
            );
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Markdown and HTML

/// Every fixture that parses (documents and bad input), with its tree.
fn parsed_fixtures() -> Vec<(String, vanban::Parsed)> {
    let mut paths = document_fixtures();
    paths.extend(common::bad_fixtures());
    paths
        .into_iter()
        .filter_map(|p| {
            let bytes = std::fs::read(&p).unwrap();
            let parsed = vanban::parse_bytes(&bytes, &vanban::Options::default()).ok()?;
            Some((stem(&p), parsed))
        })
        .collect()
}

/// Every body block's text, nested blocks and appendices' included.
fn block_texts(doc: &vanban::Document) -> Vec<String> {
    fn walk(list: &[vanban::ast::Block], out: &mut Vec<String>) {
        for b in list {
            if !b.text.is_empty() {
                out.push(b.text.clone());
            }
            walk(&b.children, out);
        }
    }
    let mut out = Vec::new();
    walk(&doc.body, &mut out);
    for a in &doc.appendices {
        walk(&a.body, &mut out);
    }
    out
}

fn folded(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The page parses as HTML5 without a single parse error; it is a whole page; its anchors
/// lead somewhere; it holds every block's text, the title, the signer and every diagnostic.
#[test]
fn html_is_a_valid_page_holding_every_part() {
    use scraper::{Html, Selector};
    let sel = |s: &str| Selector::parse(s).unwrap();
    let fixtures = parsed_fixtures();
    assert!(fixtures.len() > 60, "{}", fixtures.len());
    for (name, parsed) in &fixtures {
        let html = vanban::render::to_html(parsed);
        assert!(
            html.starts_with("<!DOCTYPE html>\n<html lang=\"vi\">"),
            "{name}"
        );
        let page = Html::parse_document(&html);
        assert!(page.errors.is_empty(), "{name}: {:?}", page.errors);
        assert_eq!(page.select(&sel("head > title")).count(), 1, "{name}");
        assert_eq!(
            page.select(&sel("head > meta[charset=utf-8]")).count(),
            1,
            "{name}"
        );
        // ids are unique and every in-page link has its target
        let ids: Vec<&str> = page
            .select(&sel("[id]"))
            .filter_map(|e| e.value().id())
            .collect();
        let unique: std::collections::BTreeSet<&str> = ids.iter().copied().collect();
        assert_eq!(ids.len(), unique.len(), "{name}: duplicate ids");
        for a in page.select(&sel("a[href]")) {
            let href = a.value().attr("href").unwrap();
            let target = href.strip_prefix('#').expect("in-page links only");
            assert!(unique.contains(target), "{name}: {href} leads nowhere");
        }
        let text = folded(&page.root_element().text().collect::<String>());
        let doc = &parsed.document;
        for t in block_texts(doc) {
            assert!(
                text.contains(&folded(&t)),
                "{name}: block text missing: {t}"
            );
        }
        if let Some(t) = &doc.title {
            assert!(text.contains(&folded(t)), "{name}: title missing");
        }
        if let Some(s) = doc.signature.as_ref().and_then(|s| s.signer.as_ref()) {
            assert!(text.contains(&folded(s)), "{name}: signer missing");
        }
        let asides = page.select(&sel("aside.diag")).count();
        assert_eq!(
            asides,
            doc.diagnostics.len(),
            "{name}: every diagnostic shown once"
        );
        // a diagnostic with a line stands beside the part read from that line
        for aside in page.select(&sel("aside.diag")) {
            let Some(line) = aside
                .text()
                .collect::<String>()
                .split("(line ")
                .nth(1)
                .and_then(|r| r.split(')').next())
                .and_then(|n| n.parse::<u32>().ok())
            else {
                continue;
            };
            // the part before it, or the part it closes
            let before = aside
                .prev_siblings()
                .filter_map(scraper::ElementRef::wrap)
                .find(|e| e.value().name() != "aside");
            let parent = aside.parent().and_then(scraper::ElementRef::wrap);
            let covers = [before, parent].into_iter().flatten().any(|e| {
                e.value()
                    .attr("data-lines")
                    .and_then(|r| r.split_once('-'))
                    .is_some_and(|(a, b)| {
                        a.parse::<u32>().unwrap() <= line && line <= b.parse::<u32>().unwrap()
                    })
            });
            let at_end = aside
                .parent()
                .and_then(scraper::ElementRef::wrap)
                .is_some_and(|p| p.value().classes().any(|c| c == "diagnostics"));
            assert!(
                covers || at_end,
                "{name}: line {line} shown beside a part not read from it"
            );
        }
    }
}

/// The Markdown, read by a CommonMark parser, holds every block's text as text (the escapes
/// keep a `*`, a `_` or a `1.` of the document from turning into markup), one heading per
/// heading block and the tên loại as the only `#` heading.
#[test]
fn markdown_reads_back_as_the_document() {
    use pulldown_cmark::{Event, HeadingLevel, Options, Parser, Tag};
    for (name, parsed) in parsed_fixtures() {
        let md = vanban::render::to_markdown(&parsed);
        let mut text = String::new();
        let mut h1 = 0;
        for ev in Parser::new_ext(&md, Options::ENABLE_TABLES) {
            match ev {
                Event::Text(t) | Event::Code(t) => text.push_str(&t),
                Event::SoftBreak | Event::HardBreak => text.push(' '),
                Event::InlineHtml(h) if &*h == "<br>" => text.push(' '),
                Event::End(_) => text.push(' '),
                Event::Start(Tag::Heading {
                    level: HeadingLevel::H1,
                    ..
                }) => h1 += 1,
                _ => {}
            }
        }
        let text = folded(&text);
        let doc = &parsed.document;
        for t in block_texts(doc) {
            assert!(
                text.contains(&folded(&t)),
                "{name}: block text missing: {t}\n{md}"
            );
        }
        let kind_line = doc.kind_line.is_some()
            || doc
                .kind
                .as_ref()
                .is_some_and(|k| k.slug() != "cong_van" && k.name().is_some());
        assert_eq!(h1, usize::from(kind_line), "{name}");
        for d in &doc.diagnostics {
            assert!(md.contains(&format!("`{}`", d.code)), "{name}: {}", d.code);
        }
    }
}

// ---------------------------------------------------------------------------------------------
// property: well-formed documents of every shape round-trip

use proptest::prelude::*;

/// Sentences of a body, each ending as body text ends.
const SENTENCES: &[&str] = &[
    "Các cơ quan, đơn vị tổ chức triển khai thực hiện nghiêm túc nội dung trên.",
    "Tăng cường công tác kiểm tra, giám sát việc thực hiện chế độ, chính sách đối với người có công;",
    "Báo cáo kết quả về Ủy ban nhân dân tỉnh trước ngày 30/9/2024.",
    "Kinh phí thực hiện từ nguồn ngân sách nhà nước theo phân cấp hiện hành.",
    "Giao Sở Tài chính chủ trì, phối hợp với các cơ quan liên quan tham mưu thực hiện:",
    "Trong quá trình thực hiện, nếu có khó khăn, vướng mắc, đề nghị phản ánh kịp thời để xem xét, giải quyết.",
    "tổ chức rà soát, thống kê số liệu theo biểu mẫu đính kèm;",
];

const HEADINGS: &[&str] = &[
    "Mục đích, yêu cầu",
    "Nhiệm vụ và giải pháp",
    "Tổ chức thực hiện",
    "Đánh giá chung",
];

/// A body block: (kind, text, children); the marker is numbered when written.
#[derive(Debug, Clone)]
enum Gen {
    Para(&'static str),
    Bullet(&'static str),
    Point(&'static str, Vec<Gen>),
    Item(&'static str, Vec<Gen>),
    Section(&'static str, Vec<Gen>),
}

fn leaf() -> impl Strategy<Value = Gen> {
    prop::sample::select(SENTENCES)
        .prop_flat_map(|s| prop_oneof![Just(Gen::Para(s)), Just(Gen::Bullet(s))])
}

fn points() -> impl Strategy<Value = Vec<Gen>> {
    prop::collection::vec(
        (
            prop::sample::select(SENTENCES),
            prop::collection::vec(leaf(), 0..2),
        )
            .prop_map(|(s, c)| Gen::Point(s, c)),
        0..3,
    )
}

fn items() -> impl Strategy<Value = Vec<Gen>> {
    prop::collection::vec(
        prop_oneof![
            3 => (prop::sample::select(SENTENCES), prop_oneof![points(), prop::collection::vec(leaf(), 0..3)])
                .prop_map(|(s, c)| Gen::Item(s, c)),
            1 => leaf(),
        ],
        1..4,
    )
}

fn body() -> impl Strategy<Value = Vec<Gen>> {
    prop_oneof![
        items(),
        prop::collection::vec(
            (prop::sample::select(HEADINGS), items()).prop_map(|(h, c)| Gen::Section(h, c)),
            1..4,
        ),
    ]
}

/// Write the body with markers numbered in order.
fn write_body(out: &mut Vec<String>, blocks: &[Gen]) {
    const ROMAN: &[&str] = &["I", "II", "III", "IV", "V"];
    const POINTS: &[&str] = &["a", "b", "c", "d", "đ"];
    let (mut sec, mut item, mut point) = (0, 0, 0);
    for b in blocks {
        match b {
            Gen::Para(s) => out.push(s.to_string()),
            Gen::Bullet(s) => out.push(format!("- {s}")),
            Gen::Point(s, c) => {
                out.push(format!("{}) {s}", POINTS[point % 5]));
                point += 1;
                write_body(out, c);
            }
            Gen::Item(s, c) => {
                item += 1;
                out.push(format!("{item}. {s}"));
                write_body(out, c);
            }
            Gen::Section(h, c) => {
                out.push(format!("{}. {h}", ROMAN[sec % 5]));
                sec += 1;
                write_body(out, c);
            }
        }
    }
}

/// A well-formed document: any subset of the components, in the decree's order, the header
/// as tab cells or as one column after the other.
fn document() -> impl Strategy<Value = String> {
    let issuer = prop::option::of(prop::sample::select(
        &[
            ("ỦY BAN NHÂN DÂN", "TỈNH QUẢNG NGÃI", "UBND"),
            ("BỘ TÀI CHÍNH", "CỤC QUẢN LÝ CÔNG SẢN", "QLCS"),
            ("UBND TỈNH LÀO CAI", "SỞ CÔNG THƯƠNG", "SCT"),
        ][..],
    ));
    let kind = prop::sample::select(
        &[
            ("THÔNG BÁO", "TB"),
            ("KẾ HOẠCH", "KH"),
            ("BÁO CÁO", "BC"),
            ("TỜ TRÌNH", "TTr"),
            ("", ""),
        ][..],
    );
    let number = prop::option::of(prop::sample::select(&["123", "05", ""][..]));
    let date = prop::option::of((prop::sample::select(&["05", "", "28"][..]), 1u8..=12));
    let title = prop::sample::select(
        &[
            "Về việc tổ chức kiểm tra công tác an toàn vệ sinh lao động năm 2024",
            "tăng cường quản lý thị trường dịp Tết Trung thu",
            "Kết quả thực hiện nhiệm vụ 6 tháng đầu năm và phương hướng 6 tháng cuối năm",
        ][..],
    );
    let to = prop::collection::vec(
        prop::sample::select(&["Sở Tài chính", "Sở Nội vụ", "Ủy ban nhân dân các huyện"][..]),
        0..3,
    );
    let cc = prop::collection::vec(
        prop::sample::select(&["Như trên", "CT, PCT UBND tỉnh", "Sở Tư pháp"][..]),
        0..3,
    );
    let archive = prop::option::of(prop::sample::select(&["Lưu: VT, KT.", "Lưu: VT."][..]));
    const AUTHORITY: &[&[&str]] = &[
        &[],
        &["KT. CHỦ TỊCH"],
        &["TL. CHỦ TỊCH", "KT. CHÁNH VĂN PHÒNG"],
    ];
    let authority = prop::sample::select(AUTHORITY);
    let position = prop::sample::select(&["PHÓ CHỦ TỊCH", "GIÁM ĐỐC", "PHÓ CHÁNH VĂN PHÒNG"][..]);
    let signer = prop::option::of(prop::sample::select(
        &["Nguyễn Văn An", "Lê Thị Bích Hạnh"][..],
    ));
    (
        (
            issuer,
            prop::bool::ANY,
            kind,
            number,
            date,
            title,
            prop::bool::ANY,
        ),
        (
            to,
            body(),
            prop::bool::ANY,
            cc,
            archive,
            authority,
            position,
            signer,
        ),
    )
        .prop_map(
            |(
                (issuer, national, (kind, code), number, date, title, cells),
                (to, body, end, cc, archive, authority, position, signer),
            )| {
                let mut left: Vec<String> = Vec::new();
                let mut right: Vec<String> = Vec::new();
                let short = issuer.map(|(_, _, s)| s).unwrap_or("UBND");
                if let Some((parent, name, _)) = issuer {
                    left.push(parent.into());
                    left.push(name.into());
                }
                if national {
                    right.push("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM".into());
                    right.push("Độc lập - Tự do - Hạnh phúc".into());
                }
                let type_code = if kind.is_empty() {
                    String::new()
                } else {
                    format!("{code}-")
                };
                // a document with no issuer still has its number (the seed notice)
                if let Some(n) = number.or(issuer.is_none().then_some("")) {
                    left.push(format!("Số: {n}/{type_code}{short}"));
                }
                if let Some((d, m)) = date {
                    right.push(format!("Quảng Ngãi, ngày {d} tháng {m} năm 2024"));
                }
                let mut lines: Vec<String> = Vec::new();
                if cells {
                    for r in 0..left.len().max(right.len()) {
                        let l = left.get(r).map_or("", String::as_str);
                        let rr = right.get(r).map_or("", String::as_str);
                        lines.push(format!("{l}\t{rr}"));
                    }
                } else {
                    lines.extend(left);
                    lines.extend(right);
                }
                if kind.is_empty() {
                    lines.push(format!("V/v {title}"));
                } else {
                    lines.push(String::new());
                    lines.push(kind.into());
                    let mut t = title.to_string();
                    if let Some(c) = t.get(..1) {
                        t = c.to_uppercase() + &t[1..];
                    }
                    lines.push(t);
                }
                lines.push(String::new());
                match to.as_slice() {
                    [] => {}
                    [one] => lines.push(format!("Kính gửi: {one}")),
                    many => {
                        lines.push("Kính gửi:".into());
                        lines.extend(many.iter().map(|t| format!("- {t};")));
                    }
                }
                let mut b = Vec::new();
                write_body(&mut b, &body);
                if end && let Some(last) = b.last_mut() {
                    *last = last.trim_end_matches(['.', ';', ':']).to_string() + "./.";
                }
                if !to.is_empty() {
                    // a letter opens its content with a sentence under Kính gửi
                    b.insert(0, SENTENCES[0].to_string());
                }
                lines.extend(b);
                lines.push(String::new());
                if !cc.is_empty() || archive.is_some() {
                    lines.push("Nơi nhận:".into());
                    lines.extend(cc.iter().map(|c| format!("- {c};")));
                    lines.extend(archive.map(|a| format!("- {a}")));
                }
                lines.extend(authority.iter().map(|a| a.to_string()));
                lines.push(position.into());
                lines.push(String::new());
                lines.extend(signer.map(str::to_string));
                lines.join("\n") + "\n"
            },
        )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    /// Any well-formed document parses, renders as canonical text, and parses back to the same
    /// pinned fields.
    #[test]
    fn well_formed_documents_round_trip(text in document()) {
        let parsed = vanban::parse(&text, &vanban::Options::default());
        let (_, misses) = round_trip(&parsed);
        prop_assert!(
            misses.is_empty(),
            "{misses:?}\n--- input\n{text}--- canonical\n{}",
            vanban::render::to_text(&parsed)
        );
    }
}
