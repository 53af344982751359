//! Throughput of the whole pipeline (bytes → decode → parse → JSON), reported in MB/s.
//!
//! `cargo bench --bench parse -- --warm-up-time 1 --measurement-time 3`

use std::hint::black_box;
use std::path::PathBuf;

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};

/// The text of every `fixtures/*.txt`, sorted by name.
fn fixtures() -> Vec<Vec<u8>> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("fixtures");
    let mut paths: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("fixtures/")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    paths.sort();
    paths
        .iter()
        .map(|p| std::fs::read(p).expect("fixture"))
        .collect()
}

/// Bytes in, JSON out, as the CLI does it.
fn convert(bytes: &[u8], opts: &vanban::Options) -> usize {
    let parsed = vanban::parse_bytes(bytes, opts).expect("fixtures decode");
    vanban::to_json(&parsed).len()
}

/// Every fixture parsed separately per iteration; throughput is their total size.
fn all_fixtures(c: &mut Criterion) {
    let docs = fixtures();
    let total: usize = docs.iter().map(Vec::len).sum();
    let opts = vanban::Options::default();
    let mut group = c.benchmark_group("fixtures");
    group.throughput(Throughput::Bytes(total as u64));
    group.bench_function(
        BenchmarkId::new("parse+to_json", format!("{} docs", docs.len())),
        |b| {
            b.iter(|| {
                docs.iter()
                    .map(|d| convert(black_box(d), &opts))
                    .sum::<usize>()
            })
        },
    );
    group.finish();
}

/// The seed's header, its body repeated until the text reaches `target` bytes (with page numbers
/// between the copies), and its closing block.
fn synthetic(target: usize) -> String {
    let seed = include_str!("../fixtures/00-seed-notice-quang-ngai-2024.txt");
    let start = seed.find("Ngày 23/8/2024").expect("seed body start");
    let end = seed.find("Nơi nhận:").expect("seed closing block");
    let (head, body, tail) = (&seed[..start], &seed[start..end], &seed[end..]);
    let mut text = String::with_capacity(target + seed.len());
    text.push_str(head);
    let mut page = 1;
    while text.len() + tail.len() < target {
        text.push_str(body);
        page += 1;
        text.push_str(&format!("\n{page}\n\n"));
    }
    text.push_str(tail);
    text
}

/// One large synthetic document at growing sizes: MB/s should stay flat (linear scaling).
fn large_document(c: &mut Criterion) {
    let opts = vanban::Options::default();
    let mut group = c.benchmark_group("synthetic");
    group.sample_size(10);
    for size in [250_000usize, 1_000_000] {
        let text = synthetic(size);
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_with_input(
            BenchmarkId::new("parse+to_json", format!("{}KB", text.len() / 1000)),
            &text,
            |b, text| b.iter(|| convert(black_box(text.as_bytes()), &opts)),
        );
    }
    group.finish();
}

/// A large realistic input: every fixture (54 documents of every kind, encodings and layouts)
/// joined into one text, again and again up to about 4 MB, as an archive's concatenated export
/// is. Unlike the synthetic document it carries every part, legacy runs and flattened lines.
fn joined_fixtures(c: &mut Criterion) {
    let docs = fixtures();
    let mut text = Vec::with_capacity(4_200_000);
    while text.len() < 4_000_000 {
        for d in &docs {
            text.extend_from_slice(d);
            text.push(b'\n');
        }
    }
    let opts = vanban::Options::default();
    let mut group = c.benchmark_group("joined");
    group.sample_size(10);
    group.throughput(Throughput::Bytes(text.len() as u64));
    group.bench_function(
        BenchmarkId::new("parse+to_json", format!("{}KB", text.len() / 1000)),
        |b| b.iter(|| convert(black_box(&text), &opts)),
    );
    group.finish();
}

criterion_group!(benches, all_fixtures, large_document, joined_fixtures);
criterion_main!(benches);
