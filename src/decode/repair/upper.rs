//! Before the passes, for TCVN3 text — capitals restored where TCVN3's missing upper-case toned
//! letters left `QUYếT ĐịNH`, `ủY BAN`.

use std::borrow::Cow;

/// TCVN3 has no upper-case toned letters: `.VnTimeH` capitals decode as `QUYếT ĐịNH`, `ủY BAN`.
/// A line whose letters are capitals but for toned lower-case ones is made all capitals; in
/// other lines, a word whose other letters are capitals (two at least) is. Returns the line
/// (borrowed when nothing changed) and the number of words changed.
pub(crate) fn restore_upper(line: &str) -> (Cow<'_, str>, usize) {
    // a lower-case letter a .VnTimeH capital can decode to: non-ASCII (toned or marked)
    let toned_lower = |c: char| c.is_lowercase() && !c.is_ascii();
    // a line without one has nothing to restore (most lines)
    if line.is_ascii() || !line.chars().any(toned_lower) {
        return (Cow::Borrowed(line), 0);
    }
    // no ASCII lower case at all, and a word of letters with two capitals or more (`TỉNH`,
    // `BAN`; codes such as `TB-UBND` are no evidence)
    let caps_line = !line.bytes().any(|c| c.is_ascii_lowercase())
        && line.split_whitespace().any(|w| {
            let w = w.trim_matches(|c: char| !c.is_alphabetic());
            !w.is_empty()
                && w.chars().all(char::is_alphabetic)
                && w.chars().filter(|c| c.is_uppercase()).count() >= 2
        });
    let mut out = String::with_capacity(line.len());
    let mut n = 0;
    for (k, w) in line.split(' ').enumerate() {
        if k > 0 {
            out.push(' ');
        }
        // capitals, and whether there are small letters and all of them are toned
        let (mut upper, mut lower, mut only_toned) = (0, false, true);
        for c in w.chars() {
            if c.is_uppercase() {
                upper += 1;
            }
            if c.is_lowercase() {
                lower = true;
                only_toned &= toned_lower(c);
            }
        }
        if lower && only_toned && (caps_line || upper >= 2) {
            out.extend(w.chars().flat_map(char::to_uppercase));
            n += 1;
        } else {
            out.push_str(w);
        }
    }
    if n == 0 {
        return (Cow::Borrowed(line), 0);
    }
    (Cow::Owned(out), n)
}
