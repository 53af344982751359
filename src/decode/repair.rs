//! Sửa lỗi văn bản — repairs on text before it is parsed: legacy-encoding mojibake (TCVN3, VNI,
//! VISCII read as Windows-1252), capitals lost to TCVN3's missing upper-case toned letters,
//! NFC, combining marks split off by spaces, `Ð` for `Đ`, no-break spaces, zero-width
//! characters and soft hyphens, CRLF and lone CR.
//!
//! Every change is counted by kind with the first line it touched, so a user can see what was
//! done; nothing changes unless it scores better on Vietnamese syllables (see
//! [`crate::viet::syllable`]), so correct Unicode and other languages are left as they are.

use std::borrow::Cow;

use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfc_quick};

use crate::decode::legacy::{Legacy, cp1252_bytes};
use crate::viet::syllable::{is_syllable, score};

pub use crate::ast::repair::{Repair, RepairKind};

/// The repair that reports text decoded from `enc`.
fn legacy_kind(enc: Legacy) -> RepairKind {
    match enc {
        Legacy::Tcvn3 => RepairKind::MojibakeTcvn3,
        Legacy::Vni => RepairKind::MojibakeVni,
        Legacy::Viscii => RepairKind::MojibakeViscii,
    }
}

/// A key for matching words whatever their tone placement, case or normalisation:
/// `hoà`, `hòa`, `HOÀ` and a decomposed `hoà` all give `hòa`. The text itself keeps the
/// placement as printed; use this only to compare.
///
/// ```
/// assert_eq!(vanban::repair::match_key("Cộng hoà"), vanban::repair::match_key("CỘNG HÒA"));
/// assert_eq!(vanban::repair::match_key("Uỷ ban"), "ủy ban");
/// ```
pub fn match_key(s: &str) -> String {
    let nfc: String = s.nfc().collect();
    crate::viet::upper_key(&nfc).to_lowercase()
}

/// Text after [`repair`], with what was done to it.
#[derive(Debug, Clone)]
pub struct Repaired<'a> {
    /// The repaired text (borrowed when nothing needed repair).
    pub text: Cow<'a, str>,
    /// The repairs, one per kind, in a stable order.
    pub repairs: Vec<Repair>,
    /// The legacy encoding whose mojibake was decoded, if any.
    pub mojibake: Option<Legacy>,
}

#[derive(Default)]
struct Tally(Vec<Repair>);

impl Tally {
    fn add(&mut self, kind: RepairKind, count: usize, line: u32) {
        if count == 0 {
            return;
        }
        match self.0.iter_mut().find(|r| r.kind == kind) {
            Some(r) => {
                r.count += count;
                r.first_line = r.first_line.min(line);
            }
            None => self.0.push(Repair {
                kind,
                count,
                first_line: line,
            }),
        }
    }
}

/// Repair text: legacy mojibake, lost capitals, NFC, split marks, eth, odd spaces, invisible
/// characters, line ends. Text that needs none of it is returned borrowed, after a byte scan.
///
/// ```
/// let r = vanban::repair("Uû ban nh©n d©n tØnh\r\nQUYÕT §ÞNH");
/// assert_eq!(r.text, "Uỷ ban nhân dân tỉnh\nQUYẾT ĐỊNH");
/// assert_eq!(r.mojibake, Some(vanban::Legacy::Tcvn3));
/// ```
pub fn repair(text: &str) -> Repaired<'_> {
    repair_from(text, None)
}

/// [`repair`] for text decoded from bytes in a legacy encoding: TCVN3 text also gets its
/// capitals back.
pub fn repair_from(text: &str, decoded_from: Option<Legacy>) -> Repaired<'_> {
    let mut tally = Tally::default();
    let mut cur: Cow<'_, str> = Cow::Borrowed(text);
    if decoded_from == Some(Legacy::Tcvn3) {
        let mut out = String::with_capacity(text.len());
        let (mut n, mut first) = (0usize, 0u32);
        for (k, line) in text.split_inclusive('\n').enumerate() {
            let (l, c) = restore_upper(line);
            if c > 0 && n == 0 {
                first = k as u32 + 1;
            }
            n += c;
            out.push_str(&l);
        }
        if n > 0 {
            tally.add(RepairKind::UpperCase, n, first);
            cur = Cow::Owned(out);
        }
    }

    // 1. legacy mojibake, line by line, with the encoding chosen on the whole text (first: a
    //    soft hyphen or a no-break space there is a letter's byte, `ư` or `ơ` in TCVN3)
    let mut mojibake = None;
    if let Some((t, enc)) = mojibake_pass(&cur, &mut tally) {
        cur = Cow::Owned(t);
        mojibake = Some(enc);
    }
    // 2. characters: line ends, spaces, invisibles, eth (byte scans decide whether to look)
    if let Some(t) = chars_pass(&cur, &mut tally) {
        cur = Cow::Owned(t);
    }
    // 3. a PDF text layer written as glyph numbers (before the look-alikes: its Vietnamese
    //    letters sit in the Cyrillic block)
    if let Some(t) = glyph_pass(&cur, &mut tally) {
        cur = Cow::Owned(t);
    }
    // 4. Cyrillic look-alikes inside Latin words (OCR)
    if let Some(t) = homoglyph_pass(&cur, &mut tally) {
        cur = Cow::Owned(t);
    }
    // 5. NFC and split marks, line by line
    if let Some(t) = nfc_pass(&cur, &mut tally) {
        cur = Cow::Owned(t);
    }
    let mut repairs = tally.0;
    repairs.sort_by_key(|r| r.kind);
    Repaired {
        text: cur,
        repairs,
        mojibake,
    }
}

/// Words written as glyph numbers (see [`crate::glyphs`]), in a text that reads as such.
fn glyph_pass(text: &str, tally: &mut Tally) -> Option<String> {
    // the glyph numbers of the toned letters are in the Cyrillic block (lead bytes D1–D3)
    if memchr::memchr3(0xD1, 0xD2, 0xD3, text.as_bytes()).is_none()
        || !crate::decode::glyphs::looks_like_glyph_numbers(text)
    {
        return None;
    }
    let mut out = String::with_capacity(text.len());
    let (mut n, mut first) = (0usize, 0u32);
    for (k, line) in text.split_inclusive('\n').enumerate() {
        let (l, c) = crate::decode::glyphs::read_line(line);
        if c > 0 && n == 0 {
            first = k as u32 + 1;
        }
        n += c;
        out.push_str(&l);
    }
    tally.add(RepairKind::GlyphNumbers, n, first);
    (n > 0).then_some(out)
}

/// Line ends, no-break spaces, invisible characters and eth.
fn chars_pass(text: &str, tally: &mut Tally) -> Option<String> {
    let b = text.as_bytes();
    let has_cr = memchr::memchr(b'\r', b).is_some();
    let mut special = has_cr;
    if !special {
        for i in memchr::memchr3_iter(0xC2, 0xC3, 0xE2, b).chain(memchr::memchr_iter(0xEF, b)) {
            let n1 = b.get(i + 1).copied();
            let n2 = b.get(i + 2).copied();
            special = match b[i] {
                0xC2 => matches!(n1, Some(0xA0 | 0xAD)),
                0xC3 => matches!(n1, Some(0x90 | 0xB0)),
                0xE2 => matches!(
                    (n1, n2),
                    (Some(0x80), Some(0x87 | 0x8B..=0x8D | 0xAF)) | (Some(0x81), Some(0xA0))
                ),
                _ => n1 == Some(0xBB) && n2 == Some(0xBF),
            };
            if special {
                break;
            }
        }
    }
    if !special {
        return None;
    }
    let mut out = String::with_capacity(text.len());
    let (mut crs, mut nbsp, mut invis, mut eth) = (0usize, 0usize, 0usize, 0usize);
    let (mut l_cr, mut l_nbsp, mut l_invis, mut l_eth) = (0u32, 0u32, 0u32, 0u32);
    let mut line = 1u32;
    let mut it = text.chars().peekable();
    let mut prev: Option<char> = None;
    while let Some(c) = it.next() {
        match c {
            '\r' => {
                if it.peek() == Some(&'\n') {
                    it.next();
                }
                out.push('\n');
                if crs == 0 {
                    l_cr = line;
                }
                crs += 1;
                line += 1;
                prev = Some('\n');
                continue;
            }
            '\n' => line += 1,
            '\u{00A0}' | '\u{2007}' | '\u{202F}' => {
                out.push(' ');
                if nbsp == 0 {
                    l_nbsp = line;
                }
                nbsp += 1;
                prev = Some(' ');
                continue;
            }
            '\u{200B}'..='\u{200D}' | '\u{2060}' | '\u{FEFF}' | '\u{00AD}' => {
                if invis == 0 {
                    l_invis = line;
                }
                invis += 1;
                continue;
            }
            'Ð' | 'ð' => {
                // in a word of letters (`ÐIỀU`, `Ðồng`), not Icelandic names alone
                let next_letter = it.peek().is_some_and(|n| n.is_alphabetic());
                let prev_letter = prev.is_some_and(|p| p.is_alphabetic());
                if next_letter || prev_letter {
                    out.push(if c == 'Ð' { 'Đ' } else { 'đ' });
                    if eth == 0 {
                        l_eth = line;
                    }
                    eth += 1;
                    prev = Some(c);
                    continue;
                }
            }
            _ => {}
        }
        out.push(c);
        prev = Some(c);
    }
    tally.add(RepairKind::LineEndings, crs, l_cr);
    tally.add(RepairKind::NoBreakSpaces, nbsp, l_nbsp);
    tally.add(RepairKind::InvisibleCharacters, invis, l_invis);
    tally.add(RepairKind::EthAsDStroke, eth, l_eth);
    Some(out)
}

/// The Latin letter a Cyrillic letter is mistaken for by OCR, if it looks like one.
fn latin_twin(c: char) -> Option<char> {
    Some(match c {
        'А' => 'A',
        'В' => 'B',
        'С' => 'C',
        'Е' => 'E',
        'Н' => 'H',
        'К' => 'K',
        'М' => 'M',
        'О' => 'O',
        'Р' => 'P',
        'Т' => 'T',
        'Х' => 'X',
        'а' => 'a',
        'е' => 'e',
        'о' => 'o',
        'р' => 'p',
        'с' => 'c',
        'у' => 'y',
        'х' => 'x',
        'і' => 'i',
        _ => return None,
    })
}

/// Cyrillic look-alike letters inside words that also hold Latin letters or digits.
fn homoglyph_pass(text: &str, tally: &mut Tally) -> Option<String> {
    // Cyrillic letters are D0/D1 lead bytes in UTF-8
    memchr::memchr2(0xD0, 0xD1, text.as_bytes())?;
    let mut out = String::with_capacity(text.len());
    let (mut n, mut first) = (0usize, 0u32);
    for (k, line) in text.split_inclusive('\n').enumerate() {
        for (w_i, word) in line.split(' ').enumerate() {
            if w_i > 0 {
                out.push(' ');
            }
            let latin = word.chars().any(|c| c.is_ascii_alphanumeric());
            let twins = word.chars().filter(|&c| latin_twin(c).is_some()).count();
            let other_cyrillic = word
                .chars()
                .any(|c| ('\u{0400}'..='\u{04FF}').contains(&c) && latin_twin(c).is_none());
            if latin && twins > 0 && !other_cyrillic {
                out.extend(word.chars().map(|c| latin_twin(c).unwrap_or(c)));
                if n == 0 {
                    first = k as u32 + 1;
                }
                n += twins;
            } else {
                out.push_str(word);
            }
        }
    }
    tally.add(RepairKind::Homoglyphs, n, first);
    (n > 0).then_some(out)
}

/// A line that may be mojibake: some non-ASCII, and every character is one a Windows-1252
/// decoder produces (no Vietnamese letter outside Latin-1 appears in it).
fn mojibake_candidate(line: &str) -> Option<Vec<u8>> {
    if line.is_ascii() {
        return None;
    }
    cp1252_bytes(line)
}

/// Whether a text holds a character that Vietnamese text never uses but 8-bit mojibake always
/// brings (`©`, `µ`, `§`, `ø`, `Ö`, `Œ`, …): Vietnamese uses only these Latin-1 letters.
fn has_foreign_latin1(text: &str) -> bool {
    const VIETNAMESE_LATIN1: &str = "àáâãèéêìíòóôõùúýÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝ";
    text.chars().any(|c| {
        let u = c as u32;
        (0x80..0x100).contains(&u) && !VIETNAMESE_LATIN1.contains(c)
            || matches!(
                u,
                0x152 | 0x153 | 0x160 | 0x161 | 0x178 | 0x192 | 0x2C6 | 0x2DC
            )
    })
}

/// Decode the mojibake lines of the text with the legacy encoding that scores best.
fn mojibake_pass(text: &str, tally: &mut Tally) -> Option<(String, Legacy)> {
    // no character that only mojibake brings: nothing to look at (clean text exits here)
    if text.is_ascii() || !has_foreign_latin1(text) {
        return None;
    }
    // quick reject: a text with a Vietnamese letter outside Latin-1 on most non-ASCII lines
    // is Unicode already; look only at lines that could be 8-bit text
    let lines: Vec<&str> = text.split_inclusive('\n').collect();
    let cands: Vec<(usize, Vec<u8>)> = lines
        .iter()
        .enumerate()
        .filter_map(|(k, l)| mojibake_candidate(l).map(|b| (k, b)))
        .collect();
    if cands.is_empty() {
        return None;
    }
    // score the candidates as they are and as each legacy encoding reads them
    let before: Vec<(f32, usize)> = cands.iter().map(|(k, _)| score(lines[*k])).collect();
    let words: usize = before.iter().map(|b| b.1).sum();
    if words < 3 {
        return None;
    }
    let ok_before: f32 = before.iter().map(|(s, n)| s * *n as f32).sum();
    let mut best: Option<(Legacy, f32, Vec<String>)> = None;
    for enc in [Legacy::Tcvn3, Legacy::Vni, Legacy::Viscii] {
        let decoded: Vec<String> = cands.iter().map(|(_, b)| enc.decode(b)).collect();
        let ok_after: f32 = decoded
            .iter()
            .map(|d| {
                let (s, n) = score(d);
                s * n as f32
            })
            .sum();
        if best.as_ref().is_none_or(|b| ok_after > b.1) {
            best = Some((enc, ok_after, decoded));
        }
    }
    let (enc, ok_after, decoded) = best?;
    // the whole text must read clearly better, and mostly as Vietnamese, to be converted
    if ok_after < ok_before + 2.0 || ok_after < 0.5 * words as f32 {
        return None;
    }
    let mut out = String::with_capacity(text.len() + text.len() / 8);
    let mut changed = 0usize;
    let mut upper = 0usize;
    let mut first = 0u32;
    let mut first_upper = 0u32;
    let mut ci = 0usize;
    for (k, line) in lines.iter().enumerate() {
        if ci < cands.len() && cands[ci].0 == k {
            let d = &decoded[ci];
            let (sb, nb) = before[ci];
            let (sa, _) = score(d);
            ci += 1;
            // a line converts when it reads better (or has no words to judge and holds no
            // Vietnamese letter as it stands)
            // once the text as a whole reads as this encoding, a line converts unless it
            // reads worse (`Sè: 12` and `Số: 12` both score as words)
            let _ = nb;
            if sa >= sb && d != line {
                let (d2, n_up) = if enc == Legacy::Tcvn3 {
                    restore_upper(d)
                } else {
                    (d.clone(), 0)
                };
                if changed == 0 {
                    first = k as u32 + 1;
                }
                changed += 1;
                if n_up > 0 && upper == 0 {
                    first_upper = k as u32 + 1;
                }
                upper += n_up;
                out.push_str(&d2);
                continue;
            }
        }
        out.push_str(line);
    }
    if changed == 0 {
        return None;
    }
    tally.add(legacy_kind(enc), changed, first);
    tally.add(RepairKind::UpperCase, upper, first_upper);
    Some((out, enc))
}

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

/// Whether a text may hold a syllable cut before its ending: a letter with a Vietnamese mark
/// (`À`–`ỹ`), a space, then a lone ending (`NG`, `NH`, `CH` or one of `CTPMNUIY`, any case)
/// and a boundary. A byte scan over the spaces (constant work each): linear time.
fn maybe_split_fragment(s: &str) -> bool {
    let b = s.as_bytes();
    memchr::memchr_iter(b' ', b).any(|i| {
        if i == 0 || b[i - 1] < 0x80 {
            return false;
        }
        // the character before the space
        let start = i - prev_char_len(b, i);
        let Some(prev) = s[start..i].chars().next() else {
            return false;
        };
        if !('À'..='ỹ').contains(&prev) {
            return false;
        }
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
            [x, ..] if b"CTPMNUIYctpmnuiy".contains(x) => 1,
            _ => return false,
        };
        rest.get(ending).is_none_or(|c| {
            matches!(
                c,
                b' ' | b'\t' | b'\n' | b'\r' | b',' | b'.' | b';' | b':' | b')'
            )
        })
    })
}

/// Byte length of the character that ends at byte `i` (exclusive).
fn prev_char_len(b: &[u8], i: usize) -> usize {
    let mut k = 1;
    while k < 4 && i >= k && (b[i - k] & 0xC0) == 0x80 {
        k += 1;
    }
    k.min(i)
}

/// NFC per line where needed, then marks split off by spaces joined back.
fn nfc_pass(text: &str, tally: &mut Tally) -> Option<String> {
    let needs = |line: &str| !surely_nfc(line) && is_nfc_quick(line.chars()) != IsNormalized::Yes;
    let has_marks = |line: &str| line.contains(|c: char| ('\u{0300}'..='\u{036F}').contains(&c));
    // one byte scan of the whole text decides whether lines need the fragment check
    let any_split = maybe_split_fragment(text);
    let first_bad = text.split_inclusive('\n').position(|l| {
        needs(l) || (!surely_nfc(l) && has_marks(l)) || (any_split && maybe_split_fragment(l))
    })?;
    let mut out = String::with_capacity(text.len() + 16);
    let (mut nfc, mut split) = (0usize, 0usize);
    let (mut l_nfc, mut l_split) = (0u32, 0u32);
    for (k, line) in text.split_inclusive('\n').enumerate() {
        if k < first_bad {
            out.push_str(line);
            continue;
        }
        let lineno = k as u32 + 1;
        let mut cur: Cow<'_, str> = Cow::Borrowed(line);
        if needs(&cur) {
            cur = Cow::Owned(cur.nfc().collect());
            if nfc == 0 {
                l_nfc = lineno;
            }
            nfc += 1;
        }
        if (!surely_nfc(&cur) && has_marks(&cur)) || (any_split && maybe_split_fragment(&cur)) {
            let (joined, n) = join_split_marks(&cur);
            if n > 0 {
                if split == 0 {
                    l_split = lineno;
                }
                split += n;
                cur = Cow::Owned(joined);
            }
        }
        out.push_str(&cur);
    }
    tally.add(RepairKind::Nfc, nfc, l_nfc);
    tally.add(RepairKind::SplitDiacritics, split, l_split);
    (nfc + split > 0).then_some(out)
}

/// `ĐIÊ ̀U` (a mark after a space) → `ĐIỀU`, and fragments `ĐIỀ U` → `ĐIỀU` when the joined
/// word is a syllable and a fragment is not. Returns the line and the number of joins.
fn join_split_marks(line: &str) -> (String, usize) {
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
    let letters = |w: &str| !w.is_empty() && w.chars().all(char::is_alphabetic);
    // a word's letters without the punctuation after it (`ng;`)
    fn core(w: &str) -> &str {
        w.trim_end_matches([',', ';', '.', ':', ')', '!', '?'])
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
pub(crate) fn surely_nfc(line: &str) -> bool {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clean_text_is_borrowed() {
        let t = "Ủy ban nhân dân tỉnh Lào Cai\n– “Đền ơn” 2024\n";
        let r = repair(t);
        assert!(matches!(r.text, Cow::Borrowed(_)));
        assert!(r.repairs.is_empty());
    }

    #[test]
    fn english_and_french_are_left_alone() {
        for t in [
            "The committee met on Friday and approved the budget for the coming year.\n",
            "Le comité s'est réuni à Paris; il a approuvé le budget de l'année prochaine.\n",
            "Café, crème brûlée et gâteau: voilà où nous étions.\n",
        ] {
            let r = repair(t);
            assert_eq!(r.text, t);
            assert!(r.repairs.is_empty(), "{t}: {:?}", r.repairs);
        }
    }

    #[test]
    fn line_ends_spaces_invisibles_eth() {
        let r = repair("a\r\nb\rc\u{a0}d\u{200b}e ÐIỀU\n");
        assert_eq!(r.text, "a\nb\nc de ĐIỀU\n");
        let kinds: Vec<_> = r.repairs.iter().map(|x| x.kind).collect();
        assert_eq!(
            kinds,
            [
                RepairKind::LineEndings,
                RepairKind::EthAsDStroke,
                RepairKind::NoBreakSpaces,
                RepairKind::InvisibleCharacters
            ]
        );
        assert_eq!(r.repairs[0].count, 2);
    }

    #[test]
    fn nfd_and_split_marks() {
        let nfd: String = "ĐIỀU 1. Quyết định\n".nfd().collect();
        assert_eq!(repair(&nfd).text, "ĐIỀU 1. Quyết định\n");
        // a mark after a space, and fragments of one syllable
        let split = "ĐIÊ \u{0300}U 1\n".to_string();
        assert_eq!(repair(&split).text, "ĐIỀU 1\n");
        assert_eq!(join_split_marks("THÔ NG BÁO").0, "THÔNG BÁO");
        assert_eq!(join_split_marks("ĐIỀ U 5").0, "ĐIỀU 5");
        assert_eq!(join_split_marks("UBND TỈNH").0, "UBND TỈNH");
        assert_eq!(join_split_marks("TÂM THỜ I GIAN").0, "TÂM THỜI GIAN");
        assert_eq!(join_split_marks("PHẦN I").0, "PHẦN I");
        assert_eq!(join_split_marks("Nh ư tr ê n").0, "Như trên");
        // a lone consonant opens the next syllable rather than closing the one before it
        assert_eq!(
            join_split_marks("ỦY B AN NHÂN D Â N T HÀNH P HỐ HỒ C H Í M I NH\n").0,
            "ỦY BAN NHÂN DÂN THÀNH PHỐ HỒ CHÍ MINH\n"
        );
        assert_eq!(join_split_marks("CHỦ T Ị CH").0, "CHỦ TỊCH");
        // punctuation after the last fragment stays after the joined word
        assert_eq!(
            join_split_marks("các Ban của Đ ả ng;").0,
            "các Ban của Đảng;"
        );
        // whole syllables are left as they are
        assert_eq!(join_split_marks("Ngu y ễn").0, "Ngu y ễn");
        assert_eq!(join_split_marks("Mục I").0, "Mục I");
        assert_eq!(join_split_marks("dưới 15 độ C.").0, "dưới 15 độ C.");
    }

    #[test]
    fn cyrillic_look_alikes_in_latin_codes() {
        let r = repair("Số: 24/HDLN-ВСТ-ВТC-VKSNDTC\nМосква\n");
        assert_eq!(r.text, "Số: 24/HDLN-BCT-BTC-VKSNDTC\nМосква\n");
        assert_eq!(r.repairs[0].kind, RepairKind::Homoglyphs);
    }

    #[test]
    fn tcvn3_capitals_are_restored() {
        assert_eq!(restore_upper("QUYếT ĐịNH Uỷ ban").0, "QUYẾT ĐỊNH Uỷ ban");
        assert_eq!(restore_upper("ủY BAN NHÂN DÂN").0, "ỦY BAN NHÂN DÂN");
        assert_eq!(restore_upper("TỉNH Hà TĩNH").0, "TỈNH HÀ TĨNH");
        assert_eq!(restore_upper("Hà Tĩnh, ngày 14").0, "Hà Tĩnh, ngày 14");
        assert_eq!(restore_upper("Số: 214/TB-UBND").0, "Số: 214/TB-UBND");
    }
}
