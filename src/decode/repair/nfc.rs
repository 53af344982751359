//! Pass 5 — NFC, combining marks split off by a space and syllables split by spaces joined back
//! (`ĐIỀ U` → `ĐIỀU`, `HỒ C H Í M I NH` → `HỒ CHÍ MINH`), line by line.

use std::borrow::Cow;

use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfc_quick};

use super::{RepairKind, Tally};
use crate::viet::syllable::is_syllable;

/// Whether a text may hold a syllable cut before its ending: a letter with a Vietnamese mark
/// (`À`–`ỹ`), a space, then a lone ending (`NG`, `NH`, `CH` or one of `CTPMNUIY`, any case)
/// and a boundary; or cut after its initial: a lone consonant, a space, a marked letter. One
/// byte scan, constant work at each space: linear time.
pub(super) fn maybe_split_fragment(s: &str) -> bool {
    let b = s.as_bytes();
    (1..b.len()).any(|i| b[i] == b' ' && split_at(s, i))
}

/// [`maybe_split_fragment`] at the space at byte `i` (`i > 0`) of `s`, a line or a whole text
/// (the answer is the same: a line end is a boundary either way). Only a space beside a
/// non-ASCII byte can answer yes.
pub(super) fn split_at(s: &str, i: usize) -> bool {
    let b = s.as_bytes();
    let next = b.get(i + 1).copied().unwrap_or(0);
    if b[i - 1] < 0x80 {
        // a lone initial before a letter with a mark (`K ẾT`): that letter is not ASCII
        return next >= 0xC3 && lone_initial_before(s, i);
    }
    // a lone ending and a boundary after it (byte checks, asked before the letter before the
    // space is decoded)
    let rest = &b[i + 1..];
    let ending = match rest {
        [x, y, ..]
            if matches!(
                (x.to_ascii_uppercase(), y.to_ascii_uppercase()),
                (b'N', b'G') | (b'N', b'H') | (b'C', b'H')
            ) =>
        {
            2
        }
        [x, ..] if is_ending_letter(*x) => 1,
        _ => return false,
    };
    let boundary = rest.get(ending).is_none_or(|c| {
        matches!(
            c,
            b' ' | b'\t' | b'\n' | b'\r' | b',' | b'.' | b';' | b':' | b')'
        )
    });
    if !boundary {
        return false;
    }
    // the character before the space: a letter with a Vietnamese mark
    let start = i - prev_char_len(b, i);
    s[start..i]
        .chars()
        .next()
        .is_some_and(|prev| ('À'..='ỹ').contains(&prev))
}

/// A letter that can end a syllable on its own or begin a two-letter ending (`C T P M N U I Y`,
/// either case).
fn is_ending_letter(b: u8) -> bool {
    matches!(
        b.to_ascii_uppercase(),
        b'C' | b'T' | b'P' | b'M' | b'N' | b'U' | b'I' | b'Y'
    )
}

/// Whether the space at byte `i` follows a lone consonant letter and precedes a letter with a
/// Vietnamese mark: a syllable cut after its initial (`K ẾT LUẬN`).
fn lone_initial_before(s: &str, i: usize) -> bool {
    let b = s.as_bytes();
    // a one-letter word (the byte before it a boundary) is rare: asked first
    let alone = i == 1 || matches!(b[i - 2], b' ' | b'\t' | b'\n' | b'(' | b'"');
    if !alone {
        return false;
    }
    let c = b[i - 1];
    let consonant = c.is_ascii_alphabetic()
        && !matches!(
            c.to_ascii_lowercase(),
            b'a' | b'e' | b'i' | b'o' | b'u' | b'y'
        );
    consonant
        && s[i + 1..]
            .chars()
            .next()
            .is_some_and(|n| ('À'..='ỹ').contains(&n))
}

/// Byte length of the character that ends at byte `i` (exclusive).
fn prev_char_len(b: &[u8], i: usize) -> usize {
    let mut k = 1;
    while k < 4 && i >= k && (b[i - k] & 0xC0) == 0x80 {
        k += 1;
    }
    k.min(i)
}

/// NFC per line where needed, then marks split off by spaces joined back: only the lines that
/// hold one of `at` (byte offsets from [`super::signs::Signs::nfc_at`], ascending) are looked
/// at; the others are NFC for certain and hold no cut syllable.
pub(super) fn nfc_pass(text: &str, at: &[usize], tally: &mut Tally) -> Option<String> {
    let has_marks = |line: &str| line.contains(|c: char| ('\u{0300}'..='\u{036F}').contains(&c));
    let b = text.as_bytes();
    // the repaired text, begun at the first line that changes (clean text is never copied),
    // and the end of what of `text` it holds
    let mut out: Option<String> = None;
    let mut copied = 0usize;
    let (mut nfc, mut split) = (0usize, 0usize);
    let (mut l_nfc, mut l_split) = (0u32, 0u32);
    // the line number of a byte offset, asked only for the first change of each kind
    let line_of = |start: usize| 1 + memchr::memchr_iter(b'\n', &b[..start]).count() as u32;
    let mut done = 0usize; // the end of the last line looked at
    for &pos in at {
        if pos < done {
            continue;
        }
        let start = memchr::memrchr(b'\n', &b[..pos]).map_or(0, |k| k + 1);
        let end = memchr::memchr(b'\n', &b[pos..]).map_or(b.len(), |k| pos + k + 1);
        done = end;
        let line = &text[start..end];
        let surely = surely_nfc(line);
        let mut cur: Cow<'_, str> = Cow::Borrowed(line);
        if !surely && is_nfc_quick(line.chars()) != IsNormalized::Yes {
            cur = Cow::Owned(cur.nfc().collect());
            if nfc == 0 {
                l_nfc = line_of(start);
            }
            nfc += 1;
        }
        // (a line that is surely NFC stays so: only a changed line is asked again)
        let surely_now = surely || matches!(cur, Cow::Owned(_)) && surely_nfc(&cur);
        if (!surely_now && has_marks(&cur)) || maybe_split_fragment(&cur) {
            let (joined, n) = join_split_marks(&cur);
            if n > 0 {
                if split == 0 {
                    l_split = line_of(start);
                }
                split += n;
                cur = Cow::Owned(joined);
            }
        }
        if let Cow::Owned(changed) = cur {
            let o = out.get_or_insert_with(|| String::with_capacity(text.len() + 16));
            o.push_str(&text[copied..start]);
            o.push_str(&changed);
            copied = end;
        }
    }
    if let Some(o) = &mut out {
        o.push_str(&text[copied..]);
    }
    tally.add(RepairKind::Nfc, nfc, l_nfc);
    tally.add(RepairKind::SplitDiacritics, split, l_split);
    out
}

/// `ĐIÊ ̀U` (a mark after a space) → `ĐIỀU`, and fragments `ĐIỀ U` → `ĐIỀU` when the joined
/// word is a syllable and a fragment is not. Returns the line and the number of joins.
pub(super) fn join_split_marks(line: &str) -> (String, usize) {
    // a line that is NFC for certain has no combining mark: only fragments to join
    if surely_nfc(line) {
        return join_fragments(line);
    }
    // marks standing after white space go back onto the letter before the space
    let mut n = 0;
    let mut s = String::with_capacity(line.len());
    let chars: Vec<char> = line.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c == ' ' {
            let mut j = i;
            while j < chars.len() && chars[j] == ' ' {
                j += 1;
            }
            if j < chars.len()
                && ('\u{0300}'..='\u{036F}').contains(&chars[j])
                && s.chars().last().is_some_and(char::is_alphabetic)
            {
                i = j;
                n += 1;
                continue;
            }
        }
        s.push(c);
        i += 1;
    }
    let s: String = s.nfc().collect();
    // fragments of one syllable split by a space; a word may be cut more than once
    // (`Nh ư tr ê n`, `HỒ C H Í M I NH`)
    let (s, k) = join_fragments(&s);
    (s, n + k)
}

/// Join syllable fragments split by spaces: returns the line and the number of joins.
///
/// Each run of letter-only words is cut into groups by dynamic programming. A group of two or
/// more fragments must read as one syllable, hold a fragment that is no syllable alone (or a
/// lone `i`, `THỜ I`) and keep one case. The best cut leaves the fewest words that are no
/// syllable, then attaches the fewest lone consonants to the end of a syllable rather than the
/// start of the next (`HỒ C H Í` is `HỒ CHÍ`, not `HỒC HÍ`), then makes the fewest words.
fn join_fragments(line: &str) -> (String, usize) {
    // the line break (and any white space before it) stays out of the last word
    let s = line.trim_end_matches(|c: char| c.is_whitespace() && c != ' ');
    let eol = &line[s.len()..];
    let words: Vec<&str> = s.split(' ').collect();
    let letters = |w: &str| !w.is_empty() && w.chars().all(crate::viet::is_letter);
    // a word's letters without the punctuation after it (`ng;`)
    fn core(w: &str) -> &str {
        w.trim_end_matches([',', ';', '.', ':', ')', '!', '?'])
    }
    // a line where every letter word is a syllable that can stand alone joins nothing (each
    // run's fragments all stand alone: see `segment`), and is asked without copying a word
    // (a word in a run is its own core but for the last, whose punctuation closes the run)
    let stands_alone = |w: &str| is_syllable(w) && !matches!(w, "i" | "I");
    if words
        .iter()
        .all(|w| !letters(core(w)) || stands_alone(core(w)))
    {
        return (line.to_string(), 0);
    }
    let mut out: Vec<String> = Vec::with_capacity(words.len());
    let mut joins = 0;
    let mut k = 0;
    while k < words.len() {
        if !letters(core(words[k])) {
            out.push(words[k].to_string());
            k += 1;
            continue;
        }
        // a run of letter words; punctuation closes it after the word that carries it
        let mut end = k;
        while end < words.len() && letters(core(words[end])) {
            end += 1;
            if core(words[end - 1]).len() < words[end - 1].len() {
                break;
            }
        }
        let last = words[end - 1];
        let punct = &last[core(last).len()..];
        let mut run: Vec<&str> = words[k..end].to_vec();
        if let Some(l) = run.last_mut() {
            *l = core(l);
        }
        let (mut groups, n) = segment(&run);
        if let Some(g) = groups.last_mut() {
            g.push_str(punct);
        }
        out.extend(groups);
        joins += n;
        k = end;
    }
    if joins == 0 {
        return (line.to_string(), 0);
    }
    (out.join(" ") + eol, joins)
}

/// The best grouping of one run of letter-only fragments (see [`join_fragments`]).
fn segment(run: &[&str]) -> (Vec<String>, usize) {
    const MAX: usize = 5;
    let upper = |w: &str| w.chars().all(char::is_uppercase);
    let has_vowel = |w: &str| {
        w.nfd()
            .any(|c| matches!(c.to_ascii_lowercase(), 'a' | 'e' | 'i' | 'o' | 'u' | 'y'))
    };
    // each fragment asked once: a syllable on its own, and one that can stand alone (a lone
    // `i` cannot); a run where every fragment stands alone joins nothing
    let syllable: Vec<bool> = run.iter().map(|w| is_syllable(w)).collect();
    let alone: Vec<bool> = run
        .iter()
        .zip(&syllable)
        .map(|(w, &s)| s && !matches!(*w, "i" | "I"))
        .collect();
    if alone.iter().all(|&a| a) {
        return (run.iter().map(|w| w.to_string()).collect(), 0);
    }
    // best[i] = (words that are no syllable, lone consonants put last, words, start of the
    // last group) for the first i fragments
    let mut best: Vec<Option<(usize, usize, usize, usize)>> = vec![None; run.len() + 1];
    best[0] = Some((0, 0, 0, 0));
    for i in 1..=run.len() {
        for j in i.saturating_sub(MAX)..i {
            let Some((bad, late, count, _)) = best[j] else {
                continue;
            };
            let group = &run[j..i];
            let cost = if group.len() == 1 {
                (bad + usize::from(!syllable[j]), late)
            } else {
                // all capitals, all small letters, or a capital then small letters (`Nh ư`)
                let lower = |w: &str| !w.chars().any(char::is_uppercase);
                let one_case = group.iter().all(|w| upper(w))
                    || group.iter().all(|w| lower(w))
                    || group[0].chars().skip(1).all(char::is_lowercase)
                        && group[1..].iter().all(|w| lower(w));
                if !one_case || alone[j..i].iter().all(|&a| a) {
                    continue;
                }
                let joined: String = group.concat();
                if !is_syllable(&joined) {
                    continue;
                }
                let last = group[group.len() - 1];
                (bad, late + usize::from(!has_vowel(last)))
            };
            let cand = (cost.0, cost.1, count + 1, j);
            if best[i].is_none_or(|b| (cand.0, cand.1, cand.2) < (b.0, b.1, b.2)) {
                best[i] = Some(cand);
            }
        }
    }
    let mut cuts = Vec::new();
    let mut i = run.len();
    while i > 0 {
        let j = best[i].map_or(i - 1, |b| b.3);
        cuts.push((j, i));
        i = j;
    }
    cuts.reverse();
    let joins = cuts.iter().map(|(j, i)| i - j - 1).sum();
    (
        cuts.iter().map(|&(j, i)| run[j..i].concat()).collect(),
        joins,
    )
}

/// Whether a line is NFC for certain without the tables, by its UTF-8 lead bytes: ASCII,
/// U+0080–U+02FF (Latin letters, no combining marks), U+1E00–U+1EFF (precomposed Vietnamese
/// letters) and U+2000–U+207F (punctuation) are all NFC.
pub(super) fn surely_nfc(line: &str) -> bool {
    let b = line.as_bytes();
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        if c < 0x80 {
            i += 1;
        } else if (0xC2..=0xCB).contains(&c) {
            i += 2;
        } else if (c == 0xE1 && matches!(b.get(i + 1), Some(0xB8..=0xBB)))
            || (c == 0xE2 && matches!(b.get(i + 1), Some(0x80 | 0x81)))
        {
            i += 3;
        } else {
            return false;
        }
    }
    true
}
