//! The `vanban` binary: exit codes, stdout/stderr shape, stdin, batch mode.

mod common;

use std::io::Write;
use std::path::Path;
use std::process::{Command, Output, Stdio};

use common::root;
use serde_json::Value;

const SEED: &str = "fixtures/00-seed-notice-quang-ngai-2024.txt";

fn vanban() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_vanban"));
    c.current_dir(root());
    c
}

fn run(args: &[&str]) -> Output {
    vanban().args(args).output().expect("the binary runs")
}

/// Run with `input` on standard input.
fn run_with_stdin(args: &[&str], input: &[u8]) -> Output {
    let mut child = vanban()
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary runs");
    child.stdin.take().unwrap().write_all(input).unwrap();
    child.wait_with_output().unwrap()
}

fn stdout_json(out: &Output) -> Value {
    let s = std::str::from_utf8(&out.stdout).expect("stdout is UTF-8");
    serde_json::from_str(s).unwrap_or_else(|e| panic!("stdout is not JSON ({e}): {s:.200}"))
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// The run succeeded (its exit status and stderr are shown when not).
fn assert_ok(out: &Output) {
    assert!(
        out.status.success(),
        "exit {:?}: {}",
        out.status,
        stderr(out)
    );
}

/// `vanban parse INPUT --out OUT`.
fn batch(input: &Path, out: &Path) -> Output {
    vanban()
        .arg("parse")
        .arg(input)
        .arg("--out")
        .arg(out)
        .output()
        .expect("the binary runs")
}

/// Standard error says `needle` (it is shown when not).
fn assert_stderr_has(out: &Output, needle: &str) {
    let err = stderr(out);
    assert!(err.contains(needle), "stderr lacks {needle:?}: {err}");
}

/// A failure is reported on one line of stderr, without a panic or backtrace.
fn assert_clean_failure(out: &Output) {
    assert!(!out.status.success(), "expected a non-zero exit");
    let err = stderr(out);
    assert_eq!(
        err.trim_end().lines().count(),
        1,
        "stderr is not one line: {err:?}"
    );
    assert!(!err.trim().is_empty(), "no message on stderr");
    for bad in ["panicked", "backtrace", "RUST_BACKTRACE"] {
        assert!(!err.contains(bad), "stderr mentions {bad}: {err}");
    }
    assert!(
        out.stdout.is_empty(),
        "stdout on failure: {:?}",
        String::from_utf8_lossy(&out.stdout)
    );
}

#[test]
fn parse_seed_prints_json() {
    let out = run(&["parse", SEED]);
    assert_ok(&out);
    let doc = stdout_json(&out);
    assert_eq!(doc["schema_version"], 1);
    assert_eq!(doc["kind"], "thong_bao");
    // Diagnostics in the tree do not make the command fail, nor go to stderr.
    assert!(!doc["diagnostics"].as_array().unwrap().is_empty());
    assert!(out.stderr.is_empty(), "stderr: {}", stderr(&out));
    // One document, one line (compact JSON).
    assert_eq!(
        String::from_utf8(out.stdout)
            .unwrap()
            .trim_end()
            .lines()
            .count(),
        1
    );
}

#[test]
fn pretty_is_the_same_document() {
    let compact = stdout_json(&run(&["parse", SEED]));
    let out = run(&["parse", SEED, "--pretty"]);
    assert!(out.status.success());
    assert!(
        String::from_utf8_lossy(&out.stdout).lines().count() > 10,
        "--pretty did not indent"
    );
    assert_eq!(stdout_json(&out), compact);
}

#[test]
fn no_spans_writes_the_outline() {
    let out = run(&["parse", SEED, "--no-spans"]);
    assert_ok(&out);
    let text = String::from_utf8_lossy(&out.stdout).into_owned();
    assert!(
        !text.contains("\"bytes\"") && !text.contains("\"span\""),
        "{text}"
    );
    let doc = stdout_json(&out);
    assert_eq!(doc["kind"], "thong_bao");
    // the same as the library's outline, indented or not
    let seed = std::fs::read(SEED).unwrap();
    let parsed = vanban::parse_bytes(&seed, &vanban::Options::default()).unwrap();
    assert_eq!(text.trim_end(), vanban::to_json_outline(&parsed));
    let pretty = run(&["parse", SEED, "--no-spans", "--pretty"]);
    assert_eq!(stdout_json(&pretty), doc);
    // and in a batch's JSON lines
    let lines = run(&["parse", SEED, "--no-spans", "--jsonl", "-"]);
    assert_ok(&lines);
    let record: Value = serde_json::from_slice(&lines.stdout).unwrap();
    assert_eq!(record["document"], doc);
}

#[test]
fn stdin_is_read_with_dash() {
    let bytes = std::fs::read(root().join(SEED)).unwrap();
    let out = run_with_stdin(&["parse", "-"], &bytes);
    assert_ok(&out);
    assert_eq!(stdout_json(&out), stdout_json(&run(&["parse", SEED])));
}

#[test]
fn nonexistent_file_fails_cleanly() {
    let out = run(&["parse", "fixtures/no-such-file.txt"]);
    assert_clean_failure(&out);
    assert_stderr_has(&out, "no-such-file.txt");
}

#[test]
fn text_in_no_known_encoding_fails_cleanly() {
    let out = run(&["parse", "fixtures/bad/no-known-encoding.txt"]);
    assert_clean_failure(&out);
    assert!(
        stderr(&out).contains("byte 1 (line 1)"),
        "stderr does not give the offset: {}",
        stderr(&out)
    );
}

#[test]
fn damaged_utf8_is_parsed_with_errors() {
    let out = run(&["parse", "fixtures/bad/invalid-utf8.txt"]);
    assert_ok(&out);
    let doc = stdout_json(&out);
    let damaged = doc["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["code"] == "damaged-bytes")
        .count();
    assert_eq!(damaged, 3);
    let out = run(&["decode", "fixtures/bad/invalid-utf8.txt"]);
    assert!(out.status.success());
    assert_stderr_has(&out, ":9:18: damaged bytes");
}

#[test]
fn binary_fails_cleanly() {
    assert_clean_failure(&run(&["parse", "fixtures/bad/binary.bin"]));
}

#[test]
fn decodable_bad_inputs_exit_zero() {
    for name in [
        "empty.txt",
        "whitespace.txt",
        "not-a-document.txt",
        "truncated.txt",
        "utf8-bom.txt",
        "utf16le-bom.txt",
    ] {
        let out = run(&["parse", &format!("fixtures/bad/{name}")]);
        assert!(
            out.status.success(),
            "{name}: exit {:?}: {}",
            out.status,
            stderr(&out)
        );
        assert_eq!(stdout_json(&out)["schema_version"], 1, "{name}");
    }
}

/// The summary line batch mode prints last on stderr (stdout stays empty).
fn summary(out: &Output) -> String {
    assert!(out.stdout.is_empty(), "batch mode printed on stdout");
    let s = stderr(out);
    s.trim_end().lines().last().unwrap_or("").to_string()
}

#[test]
fn batch_mirrors_paths_and_fails_on_undecodable_files() {
    let dir = tempfile::tempdir().unwrap();
    let out_dir = dir.path().join("out");
    let out = run(&["parse", "fixtures", "--out", out_dir.to_str().unwrap()]);
    assert!(
        !out.status.success(),
        "fixtures/bad holds undecodable files; exit should be non-zero"
    );
    let line = summary(&out);
    assert!(line.contains("failed"), "summary: {line}");

    // Every .txt or .md file below fixtures/ that decodes has its mirror; the others do not.
    let fixtures = root().join("fixtures");
    let mut expected = 0;
    let mut stack = vec![fixtures.clone()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                stack.push(p);
                continue;
            }
            // the files a folder's walk takes: text, and the Word formats this build reads
            let taken = p.extension().is_some_and(|x| {
                x == "txt"
                    || x == "md"
                    || (x == "doc" && cfg!(feature = "doc"))
                    || (x == "docx" && cfg!(feature = "docx"))
                    || (x == "pdf" && cfg!(feature = "pdf"))
            });
            if !taken {
                continue;
            }
            let rel = p.strip_prefix(&fixtures).unwrap();
            let json = out_dir.join(rel).with_extension("json");
            let decodes =
                vanban::parse_bytes(&std::fs::read(&p).unwrap(), &vanban::Options::default())
                    .is_ok();
            if decodes {
                let doc: Value = serde_json::from_str(
                    &std::fs::read_to_string(&json)
                        .unwrap_or_else(|e| panic!("{}: {e}", json.display())),
                )
                .unwrap();
                assert_eq!(doc["schema_version"], 1);
                expected += 1;
            } else {
                assert!(!json.exists(), "undecodable {} was written", rel.display());
            }
        }
    }
    assert!(
        !out_dir.join("bad/no-known-encoding.json").exists(),
        "undecodable file written"
    );
    assert!(
        !out_dir.join("bad/binary.json").exists(),
        "a .bin file was converted"
    );
    // Gold answers are .json, not inputs.
    assert!(!out_dir.join("gold").exists(), "gold/ was mirrored");
    assert!(
        line.contains(&format!("{expected} converted")),
        "summary: {line}"
    );

    // Each failure is reported on its own line of stderr, with no panic.
    let err = stderr(&out);
    assert!(err.contains("no-known-encoding.txt"), "stderr: {err}");
    assert!(!err.contains("panicked"), "stderr: {err}");
}

fn copy(from: &Path, to: &Path) {
    std::fs::create_dir_all(to.parent().unwrap()).unwrap();
    std::fs::copy(from, to).unwrap();
}

#[test]
fn batch_of_good_files_exits_zero() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in");
    let fixtures = common::good_fixtures();
    copy(&fixtures[0], &input.join("a.txt"));
    copy(&fixtures[1], &input.join("sub/deeper/b.txt"));
    copy(&fixtures[2], &input.join("sub/c.md"));
    std::fs::write(input.join("notes.json"), "{}").unwrap(); // not an input
    let out_dir = dir.path().join("out");
    let out = run(&[
        "parse",
        input.to_str().unwrap(),
        "--out",
        out_dir.to_str().unwrap(),
        "--pretty",
    ]);
    assert_ok(&out);
    let line = summary(&out);
    assert!(
        line.contains("3 converted") && line.contains("0 failed"),
        "summary: {line}"
    );
    for rel in ["a.json", "sub/deeper/b.json", "sub/c.json"] {
        let p = out_dir.join(rel);
        let doc: Value = serde_json::from_str(
            &std::fs::read_to_string(&p).unwrap_or_else(|e| panic!("{}: {e}", p.display())),
        )
        .unwrap();
        assert_eq!(doc["schema_version"], 1, "{rel}");
    }
    // A single file with --out is written by its name.
    let single = dir.path().join("single");
    let out = run(&["parse", SEED, "--out", single.to_str().unwrap()]);
    assert_ok(&out);
    assert!(single.join("00-seed-notice-quang-ngai-2024.json").is_file());
}

#[test]
fn folder_without_out_is_refused() {
    assert_clean_failure(&run(&["parse", "fixtures"]));
}

/// Two inputs that would write one output file are refused before any work, both named; a
/// folder's `.TXT` and `.Md` files are converted; standard input with --out is `stdin.json`;
/// no temporary file is left behind.
#[test]
fn batch_refuses_collisions_and_reads_any_case_extension() {
    let dir = tempfile::tempdir().unwrap();
    let seed = root().join(SEED);
    let inp = dir.path().join("in");
    std::fs::create_dir_all(&inp).unwrap();
    copy(&seed, &inp.join("a.txt"));
    copy(&seed, &inp.join("a.md"));
    let out_dir = dir.path().join("out");
    let out = batch(&inp, &out_dir);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(err.contains("a.txt") && err.contains("a.md"), "{err}");
    assert!(!out_dir.join("a.json").exists(), "nothing is converted");

    std::fs::remove_file(inp.join("a.md")).unwrap();
    std::fs::rename(inp.join("a.txt"), inp.join("A.TXT")).unwrap();
    copy(&seed, &inp.join("b.Md"));
    let out = batch(&inp, &out_dir);
    assert_ok(&out);
    assert!(out_dir.join("A.json").exists() && out_dir.join("b.json").exists());
    let names: Vec<String> = std::fs::read_dir(&out_dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert!(
        names
            .iter()
            .all(|n| n.ends_with(".json") && !n.starts_with('.')),
        "{names:?}"
    );

    let out = run_with_stdin(
        &["parse", "-", "--out", out_dir.to_str().unwrap()],
        &std::fs::read(&seed).unwrap(),
    );
    assert_ok(&out);
    assert!(out_dir.join("stdin.json").exists());
    assert!(!out_dir.join("-.json").exists());
}

/// An output that cannot be written (a full device) is said on stderr, exit 1.
#[cfg(target_os = "linux")]
#[test]
fn a_full_standard_output_is_reported() {
    let full = std::fs::File::create("/dev/full").unwrap();
    let out = vanban()
        .args(["parse", SEED])
        .stdout(full)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert_stderr_has(&out, "cannot write to standard output");
}

/// A walk never follows a link to a folder (a link back up would never end) and skips what is
/// no regular file (a FIFO would hang the batch), with a warning each.
#[cfg(unix)]
#[test]
fn a_walk_survives_link_loops_and_fifos() {
    let dir = tempfile::tempdir().unwrap();
    let inp = dir.path().join("in");
    std::fs::create_dir_all(&inp).unwrap();
    copy(&root().join(SEED), &inp.join("a.txt"));
    std::os::unix::fs::symlink(".", inp.join("self")).unwrap();
    std::os::unix::fs::symlink("..", inp.join("up")).unwrap();
    let fifo = inp.join("pipe.txt");
    let made = Command::new("mkfifo").arg(&fifo).status();
    let out_dir = dir.path().join("out");
    let out = batch(&inp, &out_dir);
    assert_ok(&out);
    assert!(summary(&out).contains("1 converted"), "{}", summary(&out));
    let err = stderr(&out);
    assert!(err.contains("not followed"), "{err}");
    if made.is_ok_and(|s| s.success()) {
        assert!(err.contains("not a regular file"), "{err}");
    }
}

/// A batch run again with --skip-existing keeps the outputs that are newer than their inputs
/// and whole JSON, and converts the rest (one cut short, as a run killed before atomic writes
/// left it); the summary says how many were kept.
#[test]
fn skip_existing_resumes_a_batch() {
    let dir = tempfile::tempdir().unwrap();
    let inp = dir.path().join("in");
    std::fs::create_dir_all(&inp).unwrap();
    for name in ["a.txt", "b.txt", "c.txt"] {
        copy(&root().join(SEED), &inp.join(name));
    }
    let out_dir = dir.path().join("out");
    let (i, o) = (inp.to_str().unwrap(), out_dir.to_str().unwrap());
    let out = run(&["parse", i, "--out", o]);
    assert_ok(&out);
    // one output cut short
    let b = out_dir.join("b.json");
    let whole = std::fs::read(&b).unwrap();
    std::fs::write(&b, &whole[..whole.len() / 2]).unwrap();
    let out = run(&["parse", i, "--out", o, "--skip-existing"]);
    assert_ok(&out);
    assert!(
        summary(&out).contains("1 converted, 2 skipped"),
        "{}",
        summary(&out)
    );
    assert_eq!(std::fs::read(&b).unwrap(), whole);
    // --skip-existing needs --out
    let out = run(&["parse", SEED, "--skip-existing"]);
    assert_eq!(out.status.code(), Some(2));
}

/// The JSON lines of a run's standard output.
fn jsonl(bytes: &[u8]) -> Vec<Value> {
    std::str::from_utf8(bytes)
        .expect("UTF-8")
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("not JSON ({e}): {l:.200}")))
        .collect()
}

/// `--jsonl -` writes one record per input, in walk order, with the documented keys; the
/// records are the same byte for byte whatever the number of threads.
#[test]
fn jsonl_reports_every_input_in_order_whatever_the_threads() {
    let one = run(&["parse", "fixtures", "--jsonl", "-", "--jobs", "1"]);
    let four = run(&["parse", "fixtures", "--jsonl", "-", "-j", "4"]);
    assert_eq!(
        one.status.code(),
        Some(1),
        "fixtures/bad fails: {}",
        stderr(&one)
    );
    assert_eq!(
        one.stdout, four.stdout,
        "order or content depends on threads"
    );
    assert_eq!(stderr(&one), stderr(&four));
    let records = jsonl(&one.stdout);
    let mut failed = 0;
    for line in std::str::from_utf8(&one.stdout).unwrap().lines() {
        let at: Vec<usize> = [
            "{\"path\":",
            ",\"status\":",
            ",\"error\":",
            ",\"diagnostics\":",
            ",\"document\":",
        ]
        .iter()
        .map(|k| {
            line.find(k)
                .unwrap_or_else(|| panic!("{k} missing: {line:.200}"))
        })
        .collect();
        assert!(
            at.is_sorted() && at[0] == 0,
            "keys out of order: {line:.200}"
        );
    }
    for r in &records {
        match r["status"].as_str().unwrap() {
            "ok" => {
                assert!(r["error"].is_null());
                assert_eq!(r["document"]["schema_version"], 1);
                let d = r["document"]["diagnostics"].as_array().unwrap();
                for sev in ["error", "warning", "info"] {
                    let n = d.iter().filter(|x| x["severity"] == sev).count();
                    assert_eq!(r["diagnostics"][sev], n, "{sev} in {}", r["path"]);
                }
            }
            "error" => {
                failed += 1;
                assert!(r["error"].as_str().is_some_and(|e| !e.is_empty()));
                assert!(r["document"].is_null());
            }
            s => panic!("status {s}"),
        }
    }
    assert!(failed >= 1);
    let line = stderr(&one).trim_end().lines().last().unwrap().to_string();
    assert!(
        line.contains(&format!("{failed} failed, {} files", records.len())),
        "{line}"
    );
}

/// `--manifest` beside `--out`: the same records without the document; with
/// `--skip-existing`, kept outputs are `skipped`, with their diagnostics counted again.
#[test]
fn manifest_lists_each_input_and_what_was_kept() {
    let dir = tempfile::tempdir().unwrap();
    let inp = dir.path().join("in");
    let fixtures = common::good_fixtures();
    copy(&fixtures[0], &inp.join("a.txt"));
    copy(&fixtures[1], &inp.join("b/c.txt"));
    std::fs::write(
        inp.join("z.txt"),
        [0x00u8, 0xFF, 0x00, 0xFE, 0x81, 0x00, 0x00],
    )
    .unwrap();
    let (i, o) = (
        inp.to_str().unwrap().to_string(),
        dir.path().join("out").to_str().unwrap().to_string(),
    );
    let man = dir.path().join("manifest.jsonl");
    let m = man.to_str().unwrap();
    let first = run(&["parse", &i, "--out", &o, "--manifest", m, "--pretty"]);
    assert_eq!(first.status.code(), Some(1));
    let by_path = |mut v: Vec<Value>| {
        v.sort_by(|a, b| a["path"].as_str().cmp(&b["path"].as_str()));
        v
    };
    let records = by_path(jsonl(&std::fs::read(&man).unwrap()));
    let statuses: Vec<&str> = records
        .iter()
        .map(|r| r["status"].as_str().unwrap())
        .collect();
    assert_eq!(statuses, ["ok", "ok", "error"]);
    assert!(records.iter().all(|r| r.get("document").is_none()));
    let again = run(&[
        "parse",
        &i,
        "--out",
        &o,
        "--manifest",
        "-",
        "--skip-existing",
    ]);
    let kept = by_path(jsonl(&again.stdout));
    let statuses: Vec<&str> = kept.iter().map(|r| r["status"].as_str().unwrap()).collect();
    assert_eq!(statuses, ["skipped", "skipped", "error"]);
    for (a, b) in records.iter().zip(&kept) {
        assert_eq!(a["diagnostics"], b["diagnostics"]);
        assert_eq!(a["path"], b["path"]);
    }
    // no temporary file is left beside the outputs or the manifest
    let mut stack = vec![dir.path().to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(d).unwrap() {
            let p = e.unwrap().path();
            assert!(!p.to_string_lossy().ends_with(".tmp"), "{}", p.display());
            if p.is_dir() {
                stack.push(p);
            }
        }
    }
    // --manifest needs --out
    assert_eq!(
        run(&["parse", SEED, "--manifest", m]).status.code(),
        Some(2)
    );
}

/// A report that cannot be written stops the batch with a message, exit 1.
#[cfg(target_os = "linux")]
#[test]
fn a_report_on_a_full_device_stops_the_batch() {
    let out = run(&["parse", "fixtures", "--jsonl", "/dev/full"]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(err.contains("cannot write to /dev/full"), "{err}");
    assert!(!err.contains("panicked"), "{err}");
}

/// `vanban stream`: one result per record, in order, with the record's id, for a good text,
/// bytes in a legacy encoding, bytes that decode to nothing, an empty text, a path, a path
/// that does not exist, and lines that are not records; blank lines are not records.
#[test]
fn stream_answers_every_record_in_order() {
    use base64::Engine;
    let b64 = |b: &[u8]| base64::engine::general_purpose::STANDARD.encode(b);
    let seed = std::fs::read_to_string(root().join(SEED)).unwrap();
    let records = [
        serde_json::json!({"id": 1, "text": seed}).to_string(),
        serde_json::json!({"id": "bin", "bytes_b64": b64(&[0u8, 0xFF, 0x00, 0xFE, 0x81, 0x00])})
            .to_string(),
        serde_json::json!({"id": [3], "text": ""}).to_string(),
        String::new(),
        serde_json::json!({"id": {"n": 4}, "path": SEED}).to_string(),
        serde_json::json!({"id": 5, "path": "fixtures/no-such-file.txt"}).to_string(),
        "{not json".to_string(),
        serde_json::json!({"id": 7, "text": "a", "path": SEED}).to_string(),
        serde_json::json!({"id": 8, "bytes_b64": b64(seed.as_bytes())}).to_string(),
    ];
    let out = run_with_stdin(
        &["stream", "-j", "2"],
        (records.join("\n") + "\n").as_bytes(),
    );
    assert_ok(&out);
    let results = jsonl(&out.stdout);
    let ids: Vec<String> = results.iter().map(|r| r["id"].to_string()).collect();
    assert_eq!(
        ids,
        ["1", "\"bin\"", "[3]", "{\"n\":4}", "5", "null", "7", "8"]
    );
    let statuses: Vec<&str> = results
        .iter()
        .map(|r| r["status"].as_str().unwrap())
        .collect();
    assert_eq!(
        statuses,
        ["ok", "error", "ok", "ok", "error", "error", "error", "ok"]
    );
    assert_eq!(results[0]["document"]["kind"], "thong_bao");
    // the same document by text, path and bytes (but for what it was read from)
    let mut by_text = results[0]["document"].clone();
    let mut by_path = results[3]["document"].clone();
    assert_eq!(by_text["encoding"], "str");
    assert_eq!(by_path["encoding"], "utf-8");
    by_text["encoding"] = Value::Null;
    by_path["encoding"] = Value::Null;
    assert!(by_text == by_path, "text and path give different documents");
    assert_eq!(
        results[0]["document"]["title"],
        results[7]["document"]["title"]
    );
    assert!(
        results[2]["diagnostics"]["error"].as_u64().unwrap() >= 1,
        "empty text"
    );
    assert!(
        results[5]["error"]
            .as_str()
            .unwrap()
            .starts_with("line 7: not a JSON record")
    );
    for r in &results {
        assert_eq!(r["status"] == "ok", !r["document"].is_null());
    }
}

/// Killed at any moment, a batch leaves under final names only whole JSON documents; run
/// again with --skip-existing, it converts only what is missing.
#[cfg(unix)]
#[test]
fn a_killed_batch_leaves_whole_files_and_resumes() {
    let dir = tempfile::tempdir().unwrap();
    let inp = dir.path().join("in");
    let fixtures = common::good_fixtures();
    for k in 0..60 {
        let f = &fixtures[k % fixtures.len()];
        copy(f, &inp.join(format!("d{}/f{k:03}.txt", k % 3)));
    }
    let out_dir = dir.path().join("out");
    let (i, o) = (inp.to_str().unwrap(), out_dir.to_str().unwrap());
    for delay_ms in [30u64, 90, 200] {
        let mut child = vanban()
            .args(["parse", i, "--out", o, "--skip-existing", "-q"])
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(std::time::Duration::from_millis(delay_ms));
        let _ = child.kill(); // SIGKILL
        let _ = child.wait();
        for e in walk_files(&out_dir) {
            if e.extension().is_some_and(|x| x == "json") {
                let text = std::fs::read(&e).unwrap();
                assert!(
                    serde_json::from_slice::<Value>(&text).is_ok(),
                    "partial file under a final name: {}",
                    e.display()
                );
            }
        }
    }
    let before = walk_files(&out_dir)
        .iter()
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .count();
    let out = run(&["parse", i, "--out", o, "--skip-existing"]);
    assert_ok(&out);
    assert!(
        summary(&out).contains(&format!(
            "{} converted, {before} skipped, 0 failed, 60 files",
            60 - before
        )),
        "{}",
        summary(&out)
    );
}

fn walk_files(dir: &Path) -> Vec<std::path::PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        let Ok(rd) = std::fs::read_dir(d) else {
            continue;
        };
        for e in rd {
            let p = e.unwrap().path();
            if p.is_dir() {
                stack.push(p);
            } else {
                out.push(p);
            }
        }
    }
    out
}

/// A folder that cannot be read is an input that fails (its files would otherwise be lost
/// without a word), even with --quiet; a broken link named `.txt` is one too.
#[cfg(unix)]
#[test]
fn an_unreadable_folder_and_a_broken_link_fail() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let inp = dir.path().join("in");
    copy(&root().join(SEED), &inp.join("a.txt"));
    copy(&root().join(SEED), &inp.join("locked/b.txt"));
    std::os::unix::fs::symlink("gone.txt", inp.join("broken.txt")).unwrap();
    let locked = inp.join("locked");
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o000)).unwrap();
    // a superuser reads it all the same: then only the broken link fails
    let readable = std::fs::read_dir(&locked).is_ok();
    let out = run(&["parse", inp.to_str().unwrap(), "--jsonl", "-", "-q"]);
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o755)).unwrap();
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let records = jsonl(&out.stdout);
    let failed: Vec<&str> = records
        .iter()
        .filter(|r| r["status"] == "error")
        .map(|r| r["path"].as_str().unwrap())
        .collect();
    assert!(
        failed.iter().any(|p| p.ends_with("broken.txt")),
        "{failed:?}"
    );
    if !readable {
        assert!(failed.iter().any(|p| p.ends_with("locked")), "{failed:?}");
        assert_stderr_has(&out, "cannot read the folder");
    }
}

/// `vanban stream` echoes an id as it was written, takes base64 wrapped over lines or
/// URL-safe, refuses a record that is an array, and keeps the id of a record it refuses.
#[test]
fn stream_ids_and_base64_as_people_send_them() {
    use base64::Engine;
    let seed = std::fs::read(root().join(SEED)).unwrap();
    let wrapped = base64::engine::general_purpose::STANDARD
        .encode(&seed)
        .as_bytes()
        .chunks(76)
        .map(|c| std::str::from_utf8(c).unwrap())
        .collect::<Vec<_>>()
        .join("\n");
    let url_safe = base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(&seed);
    let records = [
        r#"{"id":12345678901234567890123,"text":"x"}"#.to_string(),
        serde_json::json!({"id": "wrapped", "bytes_b64": wrapped}).to_string(),
        serde_json::json!({"id": "url", "bytes_b64": url_safe}).to_string(),
        r#"[7,"text",null,null]"#.to_string(),
        r#"{"id":1.50,"text":"a","text":"b"}"#.to_string(),
    ];
    let out = run_with_stdin(&["stream"], (records.join("\n") + "\n").as_bytes());
    assert_ok(&out);
    let text = String::from_utf8(out.stdout).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 5);
    assert!(lines[0].starts_with(r#"{"id":12345678901234567890123,"status":"ok""#));
    let r = jsonl(text.as_bytes());
    assert_eq!(r[1]["status"], "ok", "{}", r[1]["error"]);
    assert_eq!(r[2]["status"], "ok", "{}", r[2]["error"]);
    assert_eq!(r[1]["document"], r[2]["document"]);
    assert_eq!(r[3]["status"], "error");
    assert!(r[3]["id"].is_null());
    assert!(
        lines[4].starts_with(r#"{"id":1.50,"status":"error""#),
        "{}",
        lines[4]
    );
}

/// Usage errors: standard input twice, and two reports in one file.
#[test]
fn reports_and_stdin_that_cannot_be_shared_are_refused() {
    assert_eq!(
        run(&["parse", "-", "-", "--jsonl", "-"]).status.code(),
        Some(2)
    );
    let dir = tempfile::tempdir().unwrap();
    let r = dir.path().join("r.jsonl");
    let same = dir.path().join(".").join("r.jsonl");
    let o = dir.path().join("out");
    let out = run(&[
        "parse",
        SEED,
        "--out",
        o.to_str().unwrap(),
        "--jsonl",
        r.to_str().unwrap(),
        "--manifest",
        same.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(!r.exists());
}

/// An output whose name is as long as a file name may be (255 bytes) is written: the
/// temporary file beside it has a short name of its own.
#[cfg(target_os = "linux")]
#[test]
fn a_longest_file_name_is_written() {
    let dir = tempfile::tempdir().unwrap();
    let stem = "a".repeat(250);
    let inp = dir.path().join(format!("{stem}.txt"));
    copy(&root().join(SEED), &inp);
    let o = dir.path().join("out");
    let out = run(&["parse", inp.to_str().unwrap(), "--out", o.to_str().unwrap()]);
    assert_ok(&out);
    assert!(o.join(format!("{stem}.json")).is_file());
}

// ---------------------------------------------------------------------------------------------
// vanban check

/// Every rule of the decree, breached in one of `fixtures/check/` and kept by
/// `01-dung-the-thuc.txt`; the rendered output is snapshot-tested.
#[test]
fn check_reports_each_seeded_breach() {
    let out = run(&["check", "fixtures/check", "--format", "json"]);
    assert_ok(&out);
    let mut seen = std::collections::BTreeSet::new();
    for line in String::from_utf8(out.stdout).unwrap().lines() {
        let record: Value = serde_json::from_str(line).unwrap();
        let path = record["path"].as_str().unwrap().to_string();
        let findings = record["findings"].as_array().unwrap();
        if path.ends_with("01-dung-the-thuc.txt") {
            assert!(findings.is_empty(), "{findings:?}");
        }
        for f in findings {
            for key in ["code", "severity", "line", "message", "rule", "hint"] {
                assert!(!f[key].is_null(), "{key} in {f}");
            }
            seen.insert(f["code"].as_str().unwrap().to_string());
        }
    }
    for rule in vanban::conformance::Rule::ALL {
        assert!(
            seen.contains(rule.code()),
            "no fixture breaches {}",
            rule.code()
        );
    }
    let text = run(&["check", "fixtures/check"]);
    assert_ok(&text);
    insta::assert_snapshot!("check-fixtures", String::from_utf8(text.stdout).unwrap());
}

#[test]
fn check_fails_on_what_it_is_asked_to() {
    // findings alone do not fail a check
    assert!(run(&["check", "fixtures/check"]).status.success());
    let out = run(&["check", "fixtures/check", "--fail-on", "error"]);
    assert_eq!(out.status.code(), Some(1));
    // the clean document passes even --fail-on info
    let clean = run(&[
        "check",
        "fixtures/check/01-dung-the-thuc.txt",
        "--fail-on",
        "info",
    ]);
    assert_ok(&clean);
    // a file that cannot be read fails, the others are still checked
    let out = run(&[
        "check",
        "fixtures/check/01-dung-the-thuc.txt",
        "no/such/file.txt",
    ]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stdout).contains("1 file(s) checked"));
}

/// The seed notice names its missing issuer and its missing Quốc hiệu and Tiêu ngữ.
#[test]
fn check_names_what_the_seed_lacks() {
    let out = run(&["check", SEED, "--format", "json"]);
    assert_ok(&out);
    let record: Value = serde_json::from_slice(&out.stdout).unwrap();
    let codes: Vec<&str> = record["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["code"].as_str().unwrap())
        .collect();
    for code in ["nd30-co-quan-ban-hanh", "nd30-quoc-hieu", "nd30-tieu-ngu"] {
        assert!(codes.contains(&code), "{code}: {codes:?}");
    }
    // and the parser's diagnostics, shown the same way
    let out = run(&["check", SEED, "--show-diagnostics"]);
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("warning[missing-issuer]"), "{text}");
    let parse = run(&["parse", SEED, "--show-diagnostics"]);
    assert_ok(&parse);
    assert!(
        stderr(&parse).contains("info[blank-number]"),
        "{}",
        stderr(&parse)
    );
    assert!(stderr(&parse).contains(" --> "), "{}", stderr(&parse));
}

/// A PDF that makes a crate of the PDF reader panic (a ToUnicode map the fuzzer broke): a typed
/// error, said once, without the panic's message.
#[cfg(feature = "pdf")]
#[test]
fn a_panic_inside_the_pdf_reader_is_one_error_line() {
    let out = run(&["parse", "fixtures/bad/pdf-reader-panic.pdf"]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(err.contains("the PDF is damaged"), "{err}");
    assert!(!err.contains("panicked"), "{err}");
    assert_eq!(err.lines().count(), 1, "{err}");
}

#[test]
fn schema_prints_the_published_schema() {
    let out = run(&["schema"]);
    assert_ok(&out);
    assert_eq!(
        String::from_utf8(out.stdout).unwrap(),
        include_str!("../src/schema.json")
    );
}

// ---------------------------------------------------------------------------------------------
// vanban render

#[test]
fn render_writes_each_format() {
    let seed = "fixtures/00-seed-notice-quang-ngai-2024.txt";
    let text = run(&["render", seed]);
    assert_ok(&text);
    let text = String::from_utf8(text.stdout).unwrap();
    assert!(
        text.contains("Số: /TB-UBND\tQuảng Ngãi, ngày tháng 9 năm 2024\n"),
        "{text}"
    );
    assert!(text.contains("\nTHÔNG BÁO\n"));
    // the canonical text is the default, and reads back as the same document
    let again = run_with_stdin(&["parse", "-"], text.as_bytes());
    let first = stdout_json(&run(&["parse", seed]));
    let second = stdout_json(&again);
    for path in [
        "/number/raw",
        "/place_date/month",
        "/title",
        "/signature/signer",
    ] {
        assert_eq!(first.pointer(path), second.pointer(path), "{path}");
    }
    let md = run(&["render", "--to", "markdown", seed]);
    assert_ok(&md);
    assert!(
        String::from_utf8(md.stdout)
            .unwrap()
            .contains("# THÔNG BÁO\n")
    );
    let html = run(&["render", "--to", "html", seed]);
    assert_ok(&html);
    let html = String::from_utf8(html.stdout).unwrap();
    assert!(html.starts_with("<!DOCTYPE html>") && html.ends_with("</html>\n"));
    assert!(html.contains("<code>blank-number</code>"));
}

#[test]
fn render_reads_standard_input_and_word_files() {
    let out = run_with_stdin(&["render", "-"], "THÔNG BÁO\nVề việc nghỉ lễ\n".as_bytes());
    assert_ok(&out);
    assert_eq!(
        String::from_utf8(out.stdout).unwrap(),
        "THÔNG BÁO\nVề việc nghỉ lễ\n"
    );
    let docx = common::files_with_ext(&root().join("fixtures/docx"), "docx");
    let out = run(&["render", "--to", "html", docx[0].to_str().unwrap()]);
    assert_ok(&out);
}

#[test]
fn render_refuses_bad_input_and_unknown_formats() {
    assert_clean_failure(&run(&["render", "fixtures/bad/binary.bin"]));
    assert_clean_failure(&run(&["render", "fixtures/no-such-file.txt"]));
    let out = run(&[
        "render",
        "--to",
        "pdf",
        "fixtures/00-seed-notice-quang-ngai-2024.txt",
    ]);
    assert_eq!(out.status.code(), Some(2));
}

// ---------------------------------------------------------------------------------------------
// vanban tasks

#[test]
fn tasks_lists_assignments_by_deadline() {
    let files = [
        "fixtures/00-seed-notice-quang-ngai-2024.txt",
        "fixtures/55-ke-hoach-giao-nhiem-vu-trich-dan.txt",
    ];
    let table = run(&["tasks", files[0], files[1]]);
    assert_ok(&table);
    let table = String::from_utf8(table.stdout).unwrap();
    insta::assert_snapshot!("tasks-table", table);
    // sorted by the day a deadline falls on (a period by its last day), the undated last
    let csv = run(&["tasks", "--format", "csv", files[0], files[1]]);
    assert_ok(&csv);
    let csv = String::from_utf8(csv.stdout).unwrap();
    let lines: Vec<&str> = csv.lines().collect();
    assert!(lines[0].starts_with("path,document,issued,block,lead,cooperating,deadline"));
    assert_eq!(lines.len(), 15);
    let json = run(&["tasks", "--format", "json", files[0], files[1]]);
    let deadlines: Vec<String> = String::from_utf8(json.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str::<Value>(l).unwrap()["deadline"]["text"].to_string())
        .collect();
    assert_eq!(
        deadlines[..6],
        [
            "\"trước ngày 30/9/2024\"",
            "\"trong năm 2024\"",
            "\"trước ngày 30/6/2025\"",
            "\"trong quý III/2025\"",
            "\"chậm nhất ngày 15 tháng 10 năm 2025\"",
            "\"trong năm 2025\"",
        ]
    );
    // a field with a comma is quoted
    assert!(csv.contains("\"các sở, ban, ngành; UBND các huyện, thị xã, thành phố\""));
    let json = run(&["tasks", "--format", "json", files[1]]);
    assert_ok(&json);
    let rows: Vec<Value> = String::from_utf8(json.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(rows.len(), 7);
    assert_eq!(rows[0]["document"], "215/KH-UBND");
    assert_eq!(rows[0]["deadline"]["date"], "2025-06-30");
}

#[test]
fn tasks_reports_a_bad_file_and_lists_the_rest() {
    let out = run(&[
        "tasks",
        "fixtures/bad/binary.bin",
        "fixtures/00-seed-notice-quang-ngai-2024.txt",
    ]);
    assert_eq!(out.status.code(), Some(1));
    assert_stderr_has(&out, "binary.bin");
    assert!(String::from_utf8(out.stdout).unwrap().contains("III.3"));
}
