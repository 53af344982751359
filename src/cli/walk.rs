//! The inputs of a batch (duyệt thư mục): files named on the command line, standard input, and
//! the `.txt`/`.md` (and `.doc`, `.docx`, `.pdf`) files below folders, streamed one at a time so that memory does not grow
//! with the size of the archive.
//!
//! Folders are walked with `walkdir`, without following links to folders: a link back up
//! (`ln -s . self`, `ln -s .. up`) would never end or would climb out of the archive. Links to
//! files are read. What is neither a folder nor a regular file (a FIFO, a device, a socket) is
//! skipped with a warning. A folder that cannot be read is an input that fails.
//!
//! Entries come in the order the file system lists them, which is the same for every run over
//! an unchanged folder. They are not sorted by name: sorting a folder means holding all its
//! names at once, and an archive folder may hold a hundred thousand files (sort the JSONL
//! report when name order matters).

use std::collections::{HashMap, HashSet};
use std::hash::{DefaultHasher, Hash, Hasher};
use std::path::{Path, PathBuf};

use super::Log;

/// One input of a batch.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    /// Where to read it (`-` for standard input).
    pub src: PathBuf,
    /// The path to mirror under the output folder, without its extension changed
    /// (`2024/a.txt` for `in/2024/a.txt` when `in` was given; `stdin` for `-`).
    pub rel: PathBuf,
    /// Why it cannot be converted, known from the walk: a folder that cannot be read is an
    /// input that fails (its files would otherwise be lost without a word), not a warning.
    pub failure: Option<String>,
}

impl Entry {
    fn file(src: PathBuf, rel: PathBuf) -> Entry {
        Entry {
            src,
            rel,
            failure: None,
        }
    }

    /// The output file under `out`: `rel` with the extension `.json`.
    pub fn dest(&self, out: &Path) -> PathBuf {
        out.join(&self.rel).with_extension("json")
    }
}

/// The extensions of the files a folder's walk takes: text, and the document formats this
/// build reads (each file is then read by its content, whatever its name says).
const EXTENSIONS: &[&str] = &[
    "txt",
    "md",
    #[cfg(feature = "doc")]
    "doc",
    #[cfg(feature = "docx")]
    "docx",
    #[cfg(feature = "pdf")]
    "pdf",
];

/// Whether a file name ends in one of [`EXTENSIONS`], in any case (`.TXT`, `.Md`, `.DOC`).
pub fn is_text_file(p: &Path) -> bool {
    p.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| EXTENSIONS.iter().any(|x| e.eq_ignore_ascii_case(x)))
}

/// The inputs, walked lazily.
pub struct Walk {
    inputs: std::vec::IntoIter<PathBuf>,
    folder: Option<(PathBuf, walkdir::IntoIter)>,
    log: Option<Log>,
}

impl Walk {
    /// Walk `inputs`; warnings (a link to a folder, a FIFO, an unreadable folder) go to `log`,
    /// or nowhere when it is `None` (a second walk over the same inputs).
    pub fn new(inputs: &[PathBuf], log: Option<Log>) -> Walk {
        Walk {
            // owned: the walk runs on a thread of its own
            inputs: Vec::from(inputs).into_iter(),
            folder: None,
            log,
        }
    }

    /// Every file of `inputs`, each input in the order given and the files of a folder in the
    /// order of their names (a folder's own order is the file system's): for the commands
    /// that report per file (`check`, `tasks`), whose output should not depend on it.
    pub fn sorted(inputs: &[PathBuf]) -> Vec<Entry> {
        let mut entries = Vec::new();
        for input in inputs {
            let mut found: Vec<_> = Walk::new(std::slice::from_ref(input), None).collect();
            found.sort_by(|a, b| a.src.cmp(&b.src));
            entries.extend(found);
        }
        entries
    }

    fn warn(&self, msg: String) {
        if let Some(log) = &self.log {
            log.warn(&msg);
        }
    }

    /// The next file of the folder being walked, if any is left.
    fn next_in_folder(&mut self) -> Option<Entry> {
        loop {
            let (root, it) = self.folder.as_mut()?;
            let entry = match it.next() {
                None => {
                    self.folder = None;
                    return None;
                }
                Some(Err(e)) => {
                    let src = e
                        .path()
                        .map(Path::to_path_buf)
                        .unwrap_or_else(|| root.clone());
                    let rel = src.strip_prefix(&*root).unwrap_or(&src).to_path_buf();
                    let why = match e.io_error() {
                        Some(io) => format!("cannot read the folder: {io}"),
                        None => e.to_string(),
                    };
                    return Some(Entry {
                        src,
                        rel,
                        failure: Some(why),
                    });
                }
                Some(Ok(entry)) => entry,
            };
            let ft = entry.file_type();
            let p = entry.path();
            if ft.is_dir() {
                continue;
            }
            let rel = p.strip_prefix(&*root).unwrap_or(p).to_path_buf();
            if ft.is_symlink() {
                match std::fs::metadata(p) {
                    Ok(m) if m.is_dir() => {
                        self.warn(format!("{}: a link to a folder, not followed", p.display()));
                        continue;
                    }
                    _ if !is_text_file(p) => continue,
                    Ok(m) if !m.is_file() => {
                        self.warn(format!(
                            "{}: a link to no regular file, skipped",
                            p.display()
                        ));
                        continue;
                    }
                    // a file, or a broken link: reading it says what is wrong
                    _ => {}
                }
            } else if !is_text_file(p) {
                continue;
            } else if !ft.is_file() {
                self.warn(format!("{}: not a regular file, skipped", p.display()));
                continue;
            }
            return Some(Entry::file(entry.into_path(), rel));
        }
    }
}

impl Iterator for Walk {
    type Item = Entry;

    fn next(&mut self) -> Option<Entry> {
        loop {
            if let Some(e) = self.next_in_folder() {
                return Some(e);
            }
            let input = self.inputs.next()?;
            if input == Path::new("-") {
                return Some(Entry::file(input, PathBuf::from("stdin")));
            }
            if input.is_dir() {
                let it = walkdir::WalkDir::new(&input)
                    .follow_links(false)
                    .into_iter();
                self.folder = Some((input, it));
                continue;
            }
            let rel = PathBuf::from(input.file_name().unwrap_or(input.as_os_str()));
            return Some(Entry::file(input, rel));
        }
    }
}

/// What a first walk over the inputs finds before any work: how many files and bytes (for the
/// progress bar), and the outputs that two inputs would both write.
#[derive(Debug, Default)]
pub struct Survey {
    pub files: u64,
    pub bytes: u64,
    /// `(first input, second input, output)`, each clash once.
    pub clashes: Vec<(PathBuf, PathBuf, PathBuf)>,
}

/// Walk the inputs once without converting anything. Output names are remembered as 64-bit
/// hashes (a few bytes a file, not the paths); only a name whose hash comes twice is looked at
/// again, in a second walk, to name both inputs (and to rule out a clash of hashes alone).
/// Sizes are read only when `sizes` is asked for (one `stat` a file).
pub fn survey(inputs: &[PathBuf], sizes: bool) -> Survey {
    let hash = |p: &Path| {
        let mut h = DefaultHasher::new();
        p.hash(&mut h);
        h.finish()
    };
    let mut survey = Survey::default();
    let mut seen = HashSet::new();
    let mut twice = HashSet::new();
    for e in Walk::new(inputs, None) {
        survey.files += 1;
        if e.failure.is_some() {
            continue;
        }
        if sizes && e.src != Path::new("-") {
            survey.bytes += std::fs::metadata(&e.src).map_or(0, |m| m.len());
        }
        let dest = e.dest(Path::new(""));
        if !seen.insert(hash(&dest)) {
            twice.insert(dest);
        }
    }
    if !twice.is_empty() {
        let mut first: HashMap<PathBuf, PathBuf> = HashMap::new();
        for e in Walk::new(inputs, None) {
            let dest = e.dest(Path::new(""));
            if e.failure.is_some() || !twice.contains(&dest) {
                continue;
            }
            match first.get(&dest) {
                Some(a) => survey.clashes.push((a.clone(), e.src, dest)),
                None => {
                    first.insert(dest, e.src);
                }
            }
        }
    }
    survey
}

#[cfg(test)]
mod tests {
    use super::*;

    fn touch(p: &Path) {
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, "x").unwrap();
    }

    /// The relative paths a walk over `root` gives, sorted.
    fn sorted_rels(root: &Path) -> Vec<PathBuf> {
        let mut rels: Vec<PathBuf> = Walk::new(&[root.to_path_buf()], None)
            .map(|e| e.rel)
            .collect();
        rels.sort();
        rels
    }

    #[test]
    fn extensions_in_any_case() {
        assert!(is_text_file(Path::new("a.TXT")));
        assert!(is_text_file(Path::new("d/b.Md")));
        assert!(!is_text_file(Path::new("c.json")));
        assert!(!is_text_file(Path::new("txt")));
    }

    #[test]
    fn walks_every_text_file_and_mirrors_relative_paths() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        for f in ["b.txt", "a/z.md", "a/y.TXT", "c.json", "0.txt"] {
            touch(&root.join(f));
        }
        let rels = sorted_rels(root);
        let want: Vec<PathBuf> = ["0.txt", "a/y.TXT", "a/z.md", "b.txt"]
            .iter()
            .map(PathBuf::from)
            .collect();
        assert_eq!(rels, want);
    }

    #[test]
    fn clashes_are_named_once_with_both_inputs() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        for f in ["a.txt", "a.md", "b.txt", "d1/c.txt", "d2/c.txt"] {
            touch(&root.join(f));
        }
        let s = survey(&[root.to_path_buf()], true);
        assert_eq!(s.files, 5);
        assert_eq!(s.bytes, 5);
        assert_eq!(s.clashes.len(), 1);
        assert_eq!(s.clashes[0].2, PathBuf::from("a.json"));
        // named on the command line, two files of the same name clash
        let s = survey(&[root.join("d1/c.txt"), root.join("d2/c.txt")], false);
        assert_eq!(s.clashes.len(), 1);
        assert_eq!(s.clashes[0].0, root.join("d1/c.txt"));
        assert_eq!(s.clashes[0].1, root.join("d2/c.txt"));
        assert_eq!(s.bytes, 0);
    }

    #[cfg(unix)]
    #[test]
    fn links_to_folders_are_not_followed() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        touch(&root.join("a.txt"));
        std::os::unix::fs::symlink(".", root.join("self")).unwrap();
        std::os::unix::fs::symlink("..", root.join("up")).unwrap();
        std::os::unix::fs::symlink("a.txt", root.join("link.txt")).unwrap();
        let rels = sorted_rels(root);
        assert_eq!(
            rels,
            vec![PathBuf::from("a.txt"), PathBuf::from("link.txt")]
        );
    }
}
