//! Pass 1 — legacy-encoding mojibake: TCVN3, VNI or VISCII bytes that were read as
//! Windows-1252 (`Uû ban nh©n d©n`), decoded line by line with the encoding that scores best.

use std::ops::Range;

use super::region::{self, SWITCH};
use super::signs::has_foreign_latin1;
use super::{RepairKind, Tally, legacy_kind, restore_upper};
use crate::decode::legacy::{Legacy, cp1252_bytes, cp1252_char};
use crate::viet::syllable::{score, score_chars, share, word_score};

/// A line that may be mojibake: some non-ASCII, and every character is one a Windows-1252
/// decoder produces (no Vietnamese letter outside Latin-1 appears in it).
fn mojibake_candidate(line: &str) -> Option<Vec<u8>> {
    if line.is_ascii() {
        return None;
    }
    cp1252_bytes(line)
}

/// How a candidate line reads: as it stands and under each legacy encoding (syllables found).
struct Candidate {
    line: usize,
    /// The line's bytes (as Windows-1252 gives them back).
    bytes: Vec<u8>,
    /// (share of syllables, words) as it stands.
    before: (f32, usize),
    /// (share of syllables, words) under [`ENCODINGS`], in order.
    after: [(f32, usize); 3],
    /// Whether the line holds a character only mojibake brings ([`has_foreign_latin1`]).
    foreign: bool,
}

/// Syllables found in a reading of (share, words).
fn syllables((share, words): (f32, usize)) -> f32 {
    share * words as f32
}

const ENCODINGS: [Legacy; 3] = [Legacy::Tcvn3, Legacy::Vni, Legacy::Viscii];

/// Decode the mojibake lines of the text, each run of lines with the legacy encoding that reads
/// it best (see [`super::region`]): runs end at lines that are Unicode Vietnamese already, and
/// within a run the reading changes only where a run of lines gains clearly from it.
///
/// Returns the text, the encoding that decoded most lines, and the byte ranges of the decoded
/// lines in the text (in order, adjacent lines as one range).
pub(super) fn mojibake_pass(
    text: &str,
    tally: &mut Tally,
) -> Option<(String, Legacy, Vec<Range<usize>>)> {
    let lines: Vec<&str> = text.split_inclusive('\n').collect();
    // the reading chosen for each line: None as it stands, or an encoding
    let mut reading: Vec<Option<Legacy>> = vec![None; lines.len()];
    let mut cands: Vec<Candidate> = Vec::new();
    let mut memory = WordMemory::new();
    for run in region::runs_between(&lines, region::has_unicode_vietnamese) {
        // a stretch is read in an encoding only when one of its lines holds a character that
        // only mojibake brings (see `choose`): a run without one is left as it stands, and
        // none of its lines is scored (a clean text with a no-break space somewhere)
        let foreign: Vec<bool> = run.clone().map(|k| has_foreign_latin1(lines[k])).collect();
        if !foreign.contains(&true) {
            continue;
        }
        let first = cands.len();
        for k in run.clone() {
            let Some(bytes) = mojibake_candidate(lines[k]) else {
                continue;
            };
            // (each reading scored as it is decoded, not written out: only the lines that
            // convert are decoded into text, in `convert`)
            let (before, after) = match memory.readings(&bytes) {
                Some([before, after @ ..]) => (before, after),
                None => (
                    score(lines[k]),
                    ENCODINGS.map(|enc| score_chars(enc.chars(&bytes))),
                ),
            };
            cands.push(Candidate {
                line: k,
                bytes,
                before,
                after,
                foreign: foreign[k - run.start],
            });
        }
        choose(&cands[first..], &mut reading);
    }
    convert(&lines, &cands, &reading, tally)
}

/// The scores of words already read, by their bytes: a line of mojibake is read four ways
/// (as it stands and in [`ENCODINGS`]), and a document repeats its words (`nh©n`, `d©n`), so a
/// word's four answers are worked out once and looked up after. A slot holds a word's bytes
/// whole and is compared in full: the answers are the ones scoring the word would give.
struct WordMemory {
    /// Per slot: the word's bytes, their number (0: empty), and for each reading whether the
    /// word is scored (bit `2r`) and whether it is a syllable (bit `2r + 1`).
    slots: Vec<([u8; WORD_BYTES], u8, u8)>,
    /// A word being decoded.
    chars: Vec<char>,
}

/// Words of up to this many bytes are remembered (a longer word is read each time it comes:
/// few syllables take more than ten bytes in any of the encodings).
const WORD_BYTES: usize = 16;

/// Slots of [`WordMemory`]: a power of two.
const WORD_SLOTS: usize = 2048;

impl WordMemory {
    fn new() -> Self {
        WordMemory {
            slots: vec![([0; WORD_BYTES], 0, 0); WORD_SLOTS],
            chars: Vec::with_capacity(WORD_BYTES),
        }
    }

    /// A candidate line's bytes scored as it stands and under [`ENCODINGS`], in that order: what
    /// [`score`] of the line and [`score_chars`] of each reading give. The words are the runs
    /// between ASCII white space in every reading (the encodings keep ASCII and decode no other
    /// byte to white space but 0xA0, a letter in TCVN3 and a no-break space as it stands): `None`
    /// for a line that holds 0xA0, to be scored reading by reading.
    fn readings(&mut self, bytes: &[u8]) -> Option<[(f32, usize); 4]> {
        if bytes.contains(&0xA0) {
            return None;
        }
        let (mut ok, mut all) = ([0usize; 4], [0usize; 4]);
        let words = bytes
            .split(|b| matches!(b, b'\t'..=b'\r' | b' '))
            .filter(|w| !w.is_empty());
        for word in words {
            let bits = self.answers(word);
            for r in 0..4 {
                all[r] += usize::from(bits >> (2 * r) & 1);
                ok[r] += usize::from(bits >> (2 * r + 1) & 1);
            }
        }
        Some(std::array::from_fn(|r| share(ok[r], all[r])))
    }

    /// The four answers for one word (see [`WordMemory::slots`]).
    fn answers(&mut self, word: &[u8]) -> u8 {
        let slot = if word.len() <= WORD_BYTES {
            let mut h = 0u64;
            for &b in word {
                h = (h.rotate_left(5) ^ u64::from(b)).wrapping_mul(0x51_7C_C1_B7_27_22_0A_95);
            }
            let slot = (h >> 53) as usize % WORD_SLOTS;
            let (key, len, bits) = &self.slots[slot];
            if usize::from(*len) == word.len() && key[..word.len()] == *word {
                return *bits;
            }
            Some(slot)
        } else {
            None
        };
        let mut bits = 0u8;
        for r in 0..4 {
            self.chars.clear();
            match r {
                0 => self.chars.extend(word.iter().map(|&b| cp1252_char(b))),
                _ => self.chars.extend(ENCODINGS[r - 1].chars(word)),
            }
            let (counted, syllable) = word_score(&self.chars);
            bits |= u8::from(counted) << (2 * r) | u8::from(syllable) << (2 * r + 1);
        }
        if let Some(slot) = slot {
            let mut key = [0u8; WORD_BYTES];
            key[..word.len()].copy_from_slice(word);
            self.slots[slot] = (key, word.len() as u8, bits);
        }
        bits
    }
}

/// The reading of each candidate line of one run: the best path through the states "as it
/// stands" and the three encodings, then each stretch read in an encoding kept only when it
/// holds mojibake's characters and reads clearly better, and mostly as Vietnamese.
fn choose(cands: &[Candidate], reading: &mut [Option<Legacy>]) {
    if cands.is_empty() {
        return;
    }
    // (a legacy reading that scores the same as the line as it stands loses the tie)
    const TIE: f32 = 1e-3;
    let scores: Vec<[f32; 4]> = cands
        .iter()
        .map(|c| {
            [
                syllables(c.before),
                syllables(c.after[0]) - TIE,
                syllables(c.after[1]) - TIE,
                syllables(c.after[2]) - TIE,
            ]
        })
        .collect();
    let path = region::best_path(&scores, SWITCH);
    let mut i = 0;
    while i < cands.len() {
        let state = path[i];
        let mut j = i + 1;
        while j < cands.len() && path[j] == state {
            j += 1;
        }
        if state > 0 {
            let stretch = &cands[i..j];
            let words: usize = stretch.iter().map(|c| c.before.1).sum();
            let ok_before: f32 = stretch.iter().map(|c| syllables(c.before)).sum();
            let ok_after: f32 = stretch.iter().map(|c| syllables(c.after[state - 1])).sum();
            let evidence = stretch.iter().any(|c| c.foreign);
            if evidence
                && words >= 3
                && ok_after >= ok_before + SWITCH
                && ok_after >= 0.5 * words as f32
            {
                for c in stretch {
                    reading[c.line] = Some(ENCODINGS[state - 1]);
                }
            }
        }
        i = j;
    }
}

/// The text with the lines read in a legacy encoding decoded (each when it reads no worse than
/// as it stands), counted per encoding; the encoding that changed most lines is returned.
fn convert(
    lines: &[&str],
    cands: &[Candidate],
    reading: &[Option<Legacy>],
    tally: &mut Tally,
) -> Option<(String, Legacy, Vec<Range<usize>>)> {
    let mut ranges: Vec<Range<usize>> = Vec::new();
    let text_len: usize = lines.iter().map(|l| l.len()).sum();
    let mut out = String::with_capacity(text_len + text_len / 8);
    // per encoding: lines changed and the first one
    let mut changed = [(0usize, 0u32); 3];
    let (mut upper, mut first_upper) = (0usize, 0u32);
    let mut ci = 0usize;
    for (k, line) in lines.iter().enumerate() {
        while ci < cands.len() && cands[ci].line < k {
            ci += 1;
        }
        if let Some(enc) = reading[k]
            && let Some(c) = cands.get(ci).filter(|c| c.line == k)
        {
            let e = ENCODINGS.iter().position(|&x| x == enc).unwrap_or(0);
            let d = enc.decode(&c.bytes);
            let d = d.as_str();
            // within a run read in this encoding, a line converts unless it reads worse
            // (`Sè: 12` and `Số: 12` both score as words)
            if c.after[e].0 >= c.before.0 && d != *line {
                let (d2, n_up) = if enc == Legacy::Tcvn3 {
                    restore_upper(d)
                } else {
                    (d.into(), 0)
                };
                if changed[e].0 == 0 {
                    changed[e].1 = k as u32 + 1;
                }
                changed[e].0 += 1;
                if n_up > 0 && upper == 0 {
                    first_upper = k as u32 + 1;
                }
                upper += n_up;
                let at = out.len();
                out.push_str(&d2);
                match ranges.last_mut() {
                    Some(r) if r.end == at => r.end = out.len(),
                    _ => ranges.push(at..out.len()),
                }
                continue;
            }
        }
        out.push_str(line);
    }
    let mut most = None;
    for (e, &(n, first)) in changed.iter().enumerate() {
        tally.add(legacy_kind(ENCODINGS[e]), n, first);
        if n > 0 && most.is_none_or(|(_, m)| n > m) {
            most = Some((ENCODINGS[e], n));
        }
    }
    tally.add(RepairKind::UpperCase, upper, first_upper);
    most.map(|(enc, _)| (out, enc, ranges))
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        /// The remembered readings are the readings: for lines of ASCII, white space, digits,
        /// punctuation and the bytes of the three encodings' letters and VNI's marks, each line
        /// scored twice (the second time from memory).
        #[test]
        fn remembered_readings_are_the_readings(
            lines in proptest::collection::vec(
                proptest::collection::vec(
                    prop_oneof![
                        Just(b'n'), Just(b'h'), Just(b'a'), Just(b'U'), Just(b'y'), Just(b'o'),
                        Just(b' '), Just(b' '), Just(b'\t'), Just(b'\n'), Just(b'1'), Just(b','),
                        Just(b'('), Just(0xA9), Just(0xB5), Just(0xFB), Just(0xD6), Just(0xF8),
                        Just(0xEF), Just(0xC2), Just(0xE2), Just(0x85), Just(0x93), Just(0xA0),
                        Just(0x81), Just(0x1E), Just(0x0B), Just(0xAE), Just(0xD5), Just(0xE1)
                    ],
                    0..40,
                ),
                1..8,
            )
        ) {
            let mut memory = WordMemory::new();
            for bytes in lines.iter().chain(lines.iter()) {
                let line: String = bytes.iter().map(|&b| cp1252_char(b)).collect();
                let want = [
                    score(&line),
                    score_chars(ENCODINGS[0].chars(bytes)),
                    score_chars(ENCODINGS[1].chars(bytes)),
                    score_chars(ENCODINGS[2].chars(bytes)),
                ];
                match memory.readings(bytes) {
                    Some(got) => prop_assert_eq!(got, want, "{:?}", bytes),
                    None => prop_assert!(bytes.contains(&0xA0)),
                }
            }
        }
    }
}
