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
fn stdin_is_read_with_dash() {
    let bytes = std::fs::read(root().join(SEED)).unwrap();
    let mut child = vanban()
        .args(["parse", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary runs");
    child.stdin.take().unwrap().write_all(&bytes).unwrap();
    let out = child.wait_with_output().unwrap();
    assert_ok(&out);
    assert_eq!(stdout_json(&out), stdout_json(&run(&["parse", SEED])));
}

#[test]
fn nonexistent_file_fails_cleanly() {
    let out = run(&["parse", "fixtures/no-such-file.txt"]);
    assert_clean_failure(&out);
    assert!(
        stderr(&out).contains("no-such-file.txt"),
        "stderr does not name the file: {}",
        stderr(&out)
    );
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
    assert!(
        stderr(&out).contains(":9:18: damaged bytes"),
        "{}",
        stderr(&out)
    );
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
            if !p.extension().is_some_and(|x| x == "txt" || x == "md") {
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
    let out = run(&[
        "parse",
        inp.to_str().unwrap(),
        "--out",
        out_dir.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(err.contains("a.txt") && err.contains("a.md"), "{err}");
    assert!(!out_dir.join("a.json").exists(), "nothing is converted");

    std::fs::remove_file(inp.join("a.md")).unwrap();
    std::fs::rename(inp.join("a.txt"), inp.join("A.TXT")).unwrap();
    copy(&seed, &inp.join("b.Md"));
    let out = run(&[
        "parse",
        inp.to_str().unwrap(),
        "--out",
        out_dir.to_str().unwrap(),
    ]);
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

    let mut child = vanban()
        .args(["parse", "-", "--out", out_dir.to_str().unwrap()])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(&std::fs::read(&seed).unwrap())
        .unwrap();
    assert!(child.wait_with_output().unwrap().status.success());
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
    assert!(
        stderr(&out).contains("cannot write to standard output"),
        "{}",
        stderr(&out)
    );
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
    let out = run(&[
        "parse",
        inp.to_str().unwrap(),
        "--out",
        out_dir.to_str().unwrap(),
    ]);
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
