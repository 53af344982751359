//! Regions — the runs of lines a repair is decided for. A repair that changes how letters are
//! read (a legacy encoding, glyph numbers) is decided for a run of lines, never for the whole
//! text: a file can join a Unicode notice, a TCVN3 one and a VNI one, and each must come out as
//! it would alone. Lines that show the text is already Unicode Vietnamese (letters no 8-bit
//! reading produces) end a run and are never changed.

use std::ops::Range;

/// The runs of consecutive lines (as indices into `lines`) that hold no line for which `stop`
/// holds; `stop` lines belong to no run.
pub(super) fn runs_between(lines: &[&str], stop: impl Fn(&str) -> bool) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = None;
    for (k, l) in lines.iter().enumerate() {
        match (stop(l), start) {
            (true, Some(s)) => {
                out.push(s..k);
                start = None;
            }
            (false, None) => start = Some(k),
            _ => {}
        }
    }
    if let Some(s) = start {
        out.push(s..lines.len());
    }
    out
}

/// Whether a character is a letter of Unicode Vietnamese text that no 8-bit reading of a
/// legacy encoding produces: the toned letters of the Latin Extended Additional block
/// (`ạ` … `ỹ`), `ă đ ĩ ũ ơ ư` and their capitals, or a combining tone mark (decomposed text).
#[cfg(test)]
fn is_unicode_vietnamese(c: char) -> bool {
    matches!(
        c,
        '\u{1EA0}'
            ..='\u{1EF9}'
                | 'ă'
                | 'Ă'
                | 'đ'
                | 'Đ'
                | 'ĩ'
                | 'Ĩ'
                | 'ũ'
                | 'Ũ'
                | 'ơ'
                | 'Ơ'
                | 'ư'
                | 'Ư'
                | '\u{0300}'
                | '\u{0301}'
                | '\u{0303}'
                | '\u{0309}'
                | '\u{0323}'
    )
}

/// Whether the character led by the E1 byte at `b[i]` is a letter of the Vietnamese block,
/// U+1EA0–U+1EF9 (E1 BA A0 to E1 BB B9).
pub(super) fn vietnamese_block_at(b: &[u8], i: usize) -> bool {
    matches!(
        (b.get(i + 1), b.get(i + 2)),
        (Some(0xBA), Some(0xA0..)) | (Some(0xBB), Some(..=0xB9))
    )
}

/// Whether a line holds a letter of Unicode Vietnamese text that no 8-bit reading of a legacy
/// encoding produces (as `is_unicode_vietnamese`, the reference in the tests, says of a
/// character), read by its UTF-8 bytes without decoding the line.
pub(super) fn has_unicode_vietnamese(line: &str) -> bool {
    let b = line.as_bytes();
    let at = |i: usize| b.get(i).copied().unwrap_or(0);
    (0..b.len()).any(|i| match b[i] {
        0xE1 => vietnamese_block_at(b, i),
        // ă Ă đ Đ ĩ Ĩ / ũ Ũ / ơ Ơ ư Ư
        0xC4 => matches!(at(i + 1), 0x82 | 0x83 | 0x90 | 0x91 | 0xA8 | 0xA9),
        0xC5 => matches!(at(i + 1), 0xA8 | 0xA9),
        0xC6 => matches!(at(i + 1), 0xA0 | 0xA1 | 0xAF | 0xB0),
        // the tone marks U+0300, U+0301, U+0303, U+0309, U+0323
        0xCC => matches!(at(i + 1), 0x80 | 0x81 | 0x83 | 0x89 | 0xA3),
        _ => false,
    })
}

/// What a change of reading between two lines must gain, in syllables, to be taken (in the
/// mojibake pass and in 8-bit bytes alike).
pub(crate) const SWITCH: f32 = 2.0;

/// The reading (state) of each line that reads best over a run of lines: `scores[line][state]`
/// is how well the line reads in a state, and a change of state between lines costs `switch`.
/// Returns the state of each line on that path (ties go to the lower state).
pub(crate) fn best_path<const N: usize>(scores: &[[f32; N]], switch: f32) -> Vec<usize> {
    if scores.is_empty() {
        return Vec::new();
    }
    // total[s]: the best total of a path ending in state s; back[k][s]: its state before k
    let mut total = scores[0];
    let mut back: Vec<[u8; N]> = Vec::with_capacity(scores.len());
    back.push([0; N]);
    for row in &scores[1..] {
        let (best_s, best_t) = argmax(&total);
        let mut next = [0f32; N];
        let mut from = [0u8; N];
        for s in 0..N {
            let (stay, jump) = (total[s], best_t - switch);
            if stay >= jump {
                next[s] = stay + row[s];
                from[s] = s as u8;
            } else {
                next[s] = jump + row[s];
                from[s] = best_s as u8;
            }
        }
        total = next;
        back.push(from);
    }
    let mut path = vec![0; scores.len()];
    let mut s = argmax(&total).0;
    for k in (0..scores.len()).rev() {
        path[k] = s;
        s = back[k][s] as usize;
    }
    path
}

/// The first state with the highest total, and that total.
fn argmax<const N: usize>(t: &[f32; N]) -> (usize, f32) {
    let mut best = (0, t[0]);
    for (s, &v) in t.iter().enumerate().skip(1) {
        if v > best.1 {
            best = (s, v);
        }
    }
    best
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn runs_skip_stop_lines() {
        let lines = ["a", "B", "c", "d", "B"];
        assert_eq!(runs_between(&lines, |l| l == "B"), [0..1, 2..4]);
        assert!(runs_between(&[], |_| true).is_empty());
    }

    #[test]
    fn the_byte_test_is_the_character_test() {
        for c in (0..0x2000u32)
            .chain(0x1E00..0x1F00)
            .filter_map(char::from_u32)
        {
            for t in [format!("{c}"), format!("ab{c}"), format!("{c}x")] {
                assert_eq!(
                    has_unicode_vietnamese(&t),
                    t.chars().any(is_unicode_vietnamese),
                    "{c:?}"
                );
            }
        }
    }

    #[test]
    fn a_switch_must_pay_for_itself() {
        // one line that reads a little better in state 1 stays with its neighbours in state 0
        let s = [[3.0, 0.0], [2.0, 2.5], [3.0, 0.0]];
        assert_eq!(best_path(&s, 2.0), [0, 0, 0]);
        // a run of lines that reads far better in state 1 switches
        let s = [[3.0, 0.0], [0.0, 3.0], [0.0, 4.0], [3.0, 0.0]];
        assert_eq!(best_path(&s, 2.0), [0, 1, 1, 0]);
        // ties stay in the lower state
        assert_eq!(best_path(&[[1.0, 1.0]], 2.0), [0]);
    }
}
