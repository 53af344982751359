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
    // the line is copied from its first word made capitals on (most lines of lower-case text
    // have none)
    let mut out: Option<String> = None;
    let mut copied = 0;
    let mut n = 0;
    let mut start = 0;
    for w in line.split(' ') {
        let at = start;
        start += w.len() + 1;
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
            let o = out.get_or_insert_with(|| String::with_capacity(line.len()));
            o.push_str(&line[copied..at]);
            o.extend(w.chars().flat_map(char::to_uppercase));
            copied = at + w.len();
            n += 1;
        }
    }
    match out {
        None => (Cow::Borrowed(line), 0),
        Some(mut o) => {
            o.push_str(&line[copied..]);
            (Cow::Owned(o), n)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// The function as it was before it copied lines from their first change on: the
    /// reference the faster one is checked against.
    fn restore_upper_word_by_word(line: &str) -> (Cow<'_, str>, usize) {
        let toned_lower = |c: char| c.is_lowercase() && !c.is_ascii();
        if line.is_ascii() || !line.chars().any(toned_lower) {
            return (Cow::Borrowed(line), 0);
        }
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

    #[test]
    fn capitals_come_back() {
        assert_eq!(restore_upper("QUYếT ĐịNH").0, "QUYẾT ĐỊNH");
        assert_eq!(restore_upper("ủY BAN NHÂN DÂN").0, "ỦY BAN NHÂN DÂN");
        assert_eq!(
            restore_upper("Quyết định số 12"),
            (Cow::Borrowed("Quyết định số 12"), 0)
        );
    }

    proptest! {
        #[test]
        fn the_same_as_word_by_word(
            line in proptest::collection::vec(
                prop_oneof![
                    Just("QUY"), Just("ế"), Just("T"), Just(" "), Just("  "), Just("Đ"),
                    Just("ị"), Just("NH"), Just("ủ"), Just("Y"), Just("ban"), Just("TB-UBND"),
                    Just("ß"), Just("\t"), Just("\n"), Just("1"), Just("ǅ")
                ],
                0..20,
            ).prop_map(|v| v.concat())
        ) {
            prop_assert_eq!(restore_upper(&line), restore_upper_word_by_word(&line));
        }
    }
}
