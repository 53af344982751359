//! Snapshot tests of one's own documents, as the README shows them: one snapshot per document,
//! of its outline (`vanban::to_json_outline`: the JSON without spans), so that a changed
//! document fails alone and an edit on line 1 does not move every span after it.
//!
//! Here "one's own documents" are the project's fixtures in document formats
//! (`fixtures/doc`, `fixtures/docx`, `fixtures/pdf`); a user points `FOLDERS` at theirs.

use std::path::Path;

/// The folders whose documents are snapshotted (a user's: `"tests/documents"`).
const FOLDERS: &[&str] = &["fixtures/doc", "fixtures/docx", "fixtures/pdf"];

#[test]
fn one_outline_snapshot_per_document() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut seen = 0;
    for folder in FOLDERS {
        let mut paths: Vec<_> = std::fs::read_dir(root.join(folder))
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.is_file())
            // the folder's own format only (`fixtures/docx` also holds the script that writes
            // the fixtures)
            .filter(|p| {
                p.extension()
                    .is_some_and(|e| folder.ends_with(&*e.to_string_lossy()))
            })
            .collect();
        paths.sort();
        for path in paths {
            let bytes = std::fs::read(&path).unwrap();
            // a build without a format's reader refuses that format: nothing to snapshot
            let Ok(parsed) = vanban::parse_bytes(&bytes, &vanban::Options::default()) else {
                continue;
            };
            let outline: serde_json::Value =
                serde_json::from_str(&vanban::to_json_outline(&parsed)).unwrap();
            // the snapshot's name is the file's: `outline_snapshots__docx-01-cong-van….snap`
            let name = format!(
                "{}-{}",
                path.extension().unwrap().to_string_lossy(),
                path.file_stem().unwrap().to_string_lossy()
            );
            insta::assert_json_snapshot!(name, outline);
            seen += 1;
        }
    }
    assert!(seen > 0 || !cfg!(feature = "docx"));
}

/// The outline holds no span, and an edit that moves every span leaves it as it was.
#[test]
fn an_outline_does_not_move_with_the_text() {
    let text = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/00-seed-notice-quang-ngai-2024.txt"),
    )
    .unwrap();
    let opts = vanban::Options::default();
    let a = vanban::to_json_outline(&vanban::parse(&text, &opts));
    // one more space on line 1 moves every byte range after it
    let moved = text.replacen(' ', "  ", 1);
    assert_ne!(
        vanban::to_json(&vanban::parse(&text, &opts)),
        vanban::to_json(&vanban::parse(&moved, &opts))
    );
    let b = vanban::to_json_outline(&vanban::parse(&moved, &opts));
    assert_eq!(a, b);
    assert!(!a.contains("\"bytes\"") && !a.contains("\"span\""));
}
