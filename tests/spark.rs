//! The PySpark example (`examples/spark/convert.py`) in local mode, `local[2]`: it converts the
//! fixtures through `vanban stream` and its results must be what `vanban parse --jsonl` gives
//! for the same files. It runs when `examples/spark/setup.sh` has made `target/spark-venv`
//! (`.ci/run` does) and Java is on PATH; otherwise it says why and skips.

mod common;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;

use common::root;
use serde_json::Value;

/// The venv's Python, when it can import pyspark and Java runs; otherwise why not.
fn spark_python() -> Result<PathBuf, String> {
    let python = std::env::var_os("VANBAN_SPARK_PYTHON")
        .map(PathBuf::from)
        .unwrap_or_else(|| root().join("target/spark-venv/bin/python"));
    if !python.exists() {
        return Err(format!(
            "no {} (run examples/spark/setup.sh)",
            python.display()
        ));
    }
    let imports = Command::new(&python)
        .args(["-c", "import pyspark"])
        .output();
    if !imports.is_ok_and(|o| o.status.success()) {
        return Err(format!("{} cannot import pyspark", python.display()));
    }
    if !Command::new("java")
        .arg("-version")
        .output()
        .is_ok_and(|o| o.status.success())
    {
        return Err("no java on PATH".into());
    }
    Ok(python)
}

fn lines_of(dir: &Path) -> Vec<Value> {
    let mut out = Vec::new();
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.file_name()
            .unwrap()
            .to_string_lossy()
            .starts_with("part-")
        {
            for line in std::fs::read_to_string(&p).unwrap().lines() {
                out.push(serde_json::from_str(line).unwrap());
            }
        }
    }
    out
}

/// The file a result is about: Spark names it by URI (`file:/…/fixtures/a.txt`).
fn key(id: &str, base: &Path) -> String {
    let path = id
        .strip_prefix("file://")
        .or(id.strip_prefix("file:"))
        .unwrap_or(id);
    let path = std::fs::canonicalize(path).unwrap();
    path.strip_prefix(base)
        .unwrap()
        .to_string_lossy()
        .into_owned()
}

#[test]
fn the_pyspark_example_converts_a_folder_like_the_cli() {
    let python = match spark_python() {
        Ok(p) => p,
        Err(why) => {
            eprintln!("spark example: skipped: {why}");
            return;
        }
    };
    let dir = tempfile::tempdir().unwrap();
    let fixtures = std::fs::canonicalize(root().join("fixtures")).unwrap();
    let bin = env!("CARGO_BIN_EXE_vanban");
    let job = |format: &str, out: &Path| {
        let o = Command::new(&python)
            .arg(root().join("examples/spark/convert.py"))
            .args([
                "--master",
                "local[2]",
                "--partitions",
                "3",
                "--format",
                format,
            ])
            .arg("--vanban")
            .arg(bin)
            .arg(&fixtures)
            .arg(out)
            .output()
            .unwrap();
        let stdout = String::from_utf8_lossy(&o.stdout).into_owned();
        assert!(
            o.status.success(),
            "the job failed: {stdout}\n{}",
            String::from_utf8_lossy(&o.stderr)
        );
        stdout
    };

    // JSONL: every result against the CLI's record for the same file
    let out = dir.path().join("jsonl");
    job("jsonl", &out);
    let spark: BTreeMap<String, Value> = lines_of(&out)
        .into_iter()
        .map(|r| (key(r["id"].as_str().unwrap(), &fixtures), r))
        .collect();
    let cli = Command::new(bin)
        .args(["parse", "--jsonl", "-", "-q"])
        .arg(&fixtures)
        .output()
        .unwrap();
    let cli: BTreeMap<String, Value> = String::from_utf8(cli.stdout)
        .unwrap()
        .lines()
        .map(|l| {
            let r: Value = serde_json::from_str(l).unwrap();
            (key(r["path"].as_str().unwrap(), &fixtures), r)
        })
        .collect();
    assert_eq!(
        spark.keys().collect::<Vec<_>>(),
        cli.keys().collect::<Vec<_>>(),
        "Spark and the CLI did not see the same files"
    );
    for (k, s) in &spark {
        let c = &cli[k];
        assert_eq!(s["status"], c["status"], "{k}");
        assert_eq!(s["diagnostics"], c["diagnostics"], "{k}");
        assert!(s["document"] == c["document"], "{k}: documents differ");
    }
    assert!(spark.values().any(|r| r["status"] == "error"));

    // Parquet (the default): the job's count of what it wrote
    let out = dir.path().join("parquet");
    let said = job("parquet", &out);
    let errors = spark.values().filter(|r| r["status"] == "error").count();
    let want = format!(
        "vanban-convert: {errors} error, {} ok",
        spark.len() - errors
    );
    assert!(said.contains(&want), "{said}");
    assert!(out.join("_SUCCESS").exists());
}
