//! Before the passes, for TCVN3 text — capitals restored where TCVN3's missing upper-case toned
//! letters left `QUYếT ĐịNH`, `ủY BAN`.

/// TCVN3 has no upper-case toned letters: `.VnTimeH` capitals decode as `QUYếT ĐịNH`, `ủY BAN`.
/// A line whose letters are capitals but for toned lower-case ones is made all capitals; in
/// other lines, a word whose other letters are capitals (two at least) is. Returns the line
/// and the number of words changed.
pub(crate) fn restore_upper(line: &str) -> (String, usize) {
    // a lower-case letter a .VnTimeH capital can decode to: non-ASCII (toned or marked)
    let toned_lower = |c: char| c.is_lowercase() && !c.is_ascii();
    // no ASCII lower case at all, and a word of letters with two capitals or more (`TỉNH`,
    // `BAN`; codes such as `TB-UBND` are no evidence)
    let caps_line = !line.chars().any(|c| c.is_ascii_lowercase())
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
        let upper = w.chars().filter(|c| c.is_uppercase()).count();
        let lower: Vec<char> = w.chars().filter(|c| c.is_lowercase()).collect();
        let only_toned = !lower.is_empty() && lower.iter().all(|&c| toned_lower(c));
        if only_toned && (caps_line || upper >= 2) {
            out.extend(w.chars().flat_map(char::to_uppercase));
            n += 1;
        } else {
            out.push_str(w);
        }
    }
    (out, n)
}
