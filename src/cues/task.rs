//! Giao nhiệm vụ — an assignment in running text: `Giao Sở Tài chính chủ trì, phối hợp với các
//! cơ quan liên quan tham mưu …`, `Sở Y tế chủ trì, phối hợp với …`, `Yêu cầu các sở, ban,
//! ngành …`, `Đề nghị Bộ Tài chính …`, `Chánh Văn phòng …, Giám đốc Sở … chịu trách nhiệm thi
//! hành Quyết định này`; and its thời hạn: `trước ngày 30/9/2024`, `trong năm 2025`.

use nom::{IResult, Parser};

use crate::cues::place_date;
use crate::cues::scan::{fail, one_of_ci, word_ci, ws1};

/// An assignment found in a text, before spans are attached.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub(crate) struct Assigned {
    /// Byte range of the clause it was read in.
    pub start: usize,
    pub end: usize,
    pub lead: Vec<String>,
    pub cooperating: Vec<String>,
    pub action: String,
    /// The deadline: its byte range and ISO date.
    pub deadline: Option<(usize, usize, Option<String>)>,
    /// The clause opens with `Chủ trì` and names no lead: the lead is the section's.
    pub needs_lead: bool,
}

/// Words that end an agency's name in running text: the verbs an assignment asks, and the
/// words that open what follows the name (`theo chức năng`, `trong công tác`, `để …`). Only in
/// small letters: `Sở Xây dựng` is a name, `xây dựng` a verb.
const STOPS: &[&str] = &[
    "chủ trì",
    "phối hợp",
    "theo chức năng",
    "theo dõi",
    "theo thẩm quyền",
    "theo quy định",
    "có trách nhiệm",
    "chịu trách nhiệm",
    "trong ",
    "để ",
    "nhằm ",
    "về việc",
    "thực hiện",
    "nghiên cứu",
    "tham mưu",
    "tổ chức",
    "triển khai",
    "xây dựng",
    "rà soát",
    "hướng dẫn",
    "kiểm tra",
    "báo cáo",
    "đề xuất",
    "tổng hợp",
    "chỉ đạo",
    "tiếp tục",
    "khẩn trương",
    "hoàn thành",
    "hoàn thiện",
    "xem xét",
    "giải quyết",
    "cung cấp",
    "lập ",
    "trình ",
    "tăng cường",
    "đẩy mạnh",
    "quản lý",
    "bố trí",
    "phân bổ",
    "cân đối",
    "đôn đốc",
    "giám sát",
    "tuyên truyền",
    "phổ biến",
    "ban hành",
    "sửa đổi",
    "bổ sung",
    "cập nhật",
    "chuẩn bị",
    "thông báo",
    "gửi ",
    "đảm bảo",
    "bảo đảm",
    "tập trung",
    "quan tâm",
    "chủ động",
    "tổng kết",
    "đánh giá",
    "tiến hành",
    "vận động",
    "hỗ trợ",
    "kịp thời",
    "nghiêm túc",
    "thường xuyên",
    "căn cứ",
    "trình ",
    "có ý kiến",
    "góp ý",
    "tham gia",
    "cử ",
    "xác minh",
    "kiểm soát",
    "thanh tra",
    "xử lý",
    "khắc phục",
    "duy trì",
    "nâng cao",
    "quyết định",
    "thẩm định",
    "phê duyệt",
    "thi hành",
    "làm việc",
    "bàn giao",
    "tiếp nhận",
    "điều chỉnh",
    "sắp xếp",
    "lựa chọn",
    "yêu cầu",
    "đề nghị",
    "giao ",
    "được ",
    "sớm ",
    "khẩn ",
    "ngay ",
    "tích cực",
    "rút kinh nghiệm",
    "nắm ",
    "chấn chỉnh",
    "ưu tiên",
    "dự toán",
    "trực ",
    "là ",
    "trước ",
    "tìm kiếm",
    "công bố",
    "công khai",
    "nêu cao",
    "biết,",
    "biết ",
    "cùng ",
    "khảo sát",
    "thống kê",
    "lưu ý",
    "phát huy",
    "chấp hành",
    "tuân thủ",
    "trả lời",
    "giải trình",
    "làm rõ",
    "tiếp thu",
    "nghiệm thu",
    "di dời",
    "thu hồi",
    "cấp phép",
    "chuyển ",
    "lắp đặt",
    "vận hành",
];

/// The first words of an agency's name (`Sở …`, `Ủy ban nhân dân …`, `Chánh Văn phòng …`), and
/// whether a `và` before them opens another agency (`Sở Tài chính và Sở Nội vụ`). The `và` of
/// `Sở Kế hoạch và Đầu tư` joins no agency, nor the one of an office that serves two bodies
/// (`Văn phòng HĐND và UBND huyện`).
const HEADS: &[(&str, bool)] = &[
    ("Sở ", true),
    ("Bộ ", true),
    ("UBND", false),
    ("Ủy ban", false),
    ("Uỷ ban", false),
    ("Phòng ", true),
    ("Ban ", true),
    ("Văn phòng", false),
    ("Công an", true),
    ("Cục ", true),
    ("Chi cục", true),
    ("Trung tâm", true),
    ("Thanh tra", false),
    ("Chủ tịch", true),
    ("Giám đốc", true),
    ("Chánh ", true),
    ("Trưởng ", true),
    ("Thủ trưởng", true),
    ("Kho bạc", true),
    ("Ngân hàng", true),
    ("Bảo hiểm", true),
    ("Hội ", false),
    ("Đoàn ", false),
    ("Liên đoàn", false),
    ("Công ty", true),
    ("Đài ", false),
    ("Báo ", false),
    ("Viện ", false),
    ("Tòa án", false),
    ("Toà án", false),
    ("Hiệu trưởng", true),
    ("các ", true),
];

/// Whether `s` opens with one of the [`HEADS`] (`after_va`: one a `và` may open).
fn opens_with_head(s: &str, after_va: bool) -> bool {
    HEADS
        .iter()
        .any(|(h, va)| s.starts_with(h) && (!after_va || *va))
}

/// Whether an agency's name opens at the start of `s`: a capital, or `các` (`các sở, ban,
/// ngành`, `các cơ quan, đơn vị liên quan`).
fn agency_opens(s: &str) -> bool {
    s.starts_with(char::is_uppercase) || s.starts_with("các ")
}

/// Where the agency name that opens `s` ends (before the first stop word, or the clause's
/// end), and the name's length without a trailing comma.
fn agency_end(s: &str) -> usize {
    // the stop words by their first byte: a few to try after each space, not all of them
    static BY_FIRST_BYTE: std::sync::LazyLock<Vec<Vec<&'static str>>> =
        std::sync::LazyLock::new(|| {
            let mut v = vec![Vec::new(); 256];
            for w in STOPS {
                v[usize::from(w.as_bytes()[0])].push(*w);
            }
            v
        });
    let mut end = s.len();
    for (k, c) in s.char_indices() {
        if c == ' ' {
            let after = &s[k + 1..];
            let stops = after
                .as_bytes()
                .first()
                .map_or(&[][..], |&b| &BY_FIRST_BYTE[usize::from(b)][..]);
            if stops.iter().any(|w| after.starts_with(w)) {
                end = k;
                break;
            }
        }
        if matches!(c, ';' | ':' | '(') {
            end = k;
            break;
        }
        if c == '.' && s[k + 1..].starts_with(' ') {
            end = k;
            break;
        }
    }
    end
}

/// Whether a name holds a quantity (`10.000`, `250`): goods or money, not an agency.
fn has_quantity(s: &str) -> bool {
    s.split(|c: char| !(c.is_ascii_digit() || c == '.'))
        .any(|run| {
            let digits = run.bytes().filter(u8::is_ascii_digit).count();
            digits >= 3 || (digits >= 2 && run.trim_matches('.').contains('.'))
        })
}

/// The agencies of a name list, split where a comma or `và` opens another agency.
pub(crate) fn split_agencies(s: &str) -> Vec<String> {
    let s = s.trim().trim_end_matches([',', ' ']);
    let mut out = Vec::new();
    let mut from = 0;
    let mut k = 0;
    while k < s.len() {
        let rest = &s[k..];
        let cut = if let Some(r) = rest.strip_prefix(", ") {
            agency_opens(r).then_some(2)
        } else if let Some(r) = rest.strip_prefix(" và ") {
            opens_with_head(r, true).then_some(4)
        } else {
            None
        };
        match cut {
            Some(n) => {
                out.push(s[from..k].trim().to_string());
                from = k + n;
                k += n;
            }
            None => k += rest.chars().next().map_or(1, char::len_utf8),
        }
    }
    out.push(s[from..].trim().to_string());
    out.retain(|a| !a.is_empty());
    out
}

/// The clauses of a text: cut after `;`, and at a full stop before a capital. Byte ranges.
fn clauses(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut from = 0;
    for k in memchr::memchr2_iter(b';', b'.', text.as_bytes()) {
        let cut = text.as_bytes()[k] == b';'
            || text[k + 1..]
                .strip_prefix(' ')
                .is_some_and(|r| r.starts_with(char::is_uppercase));
        if cut {
            out.push((from, k + 1));
            from = k + 1;
        }
    }
    if from < text.len() {
        out.push((from, text.len()));
    }
    out.into_iter()
        .map(|(a, b)| {
            let lead = text[a..b].len() - text[a..b].trim_start().len();
            (a + lead, b)
        })
        .filter(|(a, b)| a < b)
        .collect()
}

/// `giao`, `yêu cầu` or `đề nghị` and white space, at the start of `i`.
fn trigger(i: &str) -> IResult<&str, &str> {
    let (r, w) = one_of_ci(&["giao", "yêu cầu", "đề nghị"])(i)?;
    let (r, _) = ws1(r)?;
    // `giao cho Sở …`, `giao cho đơn vị có chức năng …`: whoever follows `cho` is the lead
    if w.to_lowercase() == "giao"
        && let Ok((r2, _)) = (word_ci("cho"), ws1).parse(r)
    {
        return Ok((r2, w));
    }
    if !agency_opens(r) || r.starts_with("của") {
        return fail(i);
    }
    Ok((r, w))
}

/// Whether `text` holds a word every assignment needs (`giao`, `yêu cầu`, `đề nghị`, `chủ
/// trì`, `trách nhiệm`, in any case of their first letter): most blocks hold none and are not
/// read further. One pass of substring searchers built once.
fn may_assign(text: &str) -> bool {
    use memchr::memmem::Finder;
    use std::sync::LazyLock;
    // the words without their first letter, so that `Giao` and `giao` are one search
    static WORDS: LazyLock<Vec<Finder<'static>>> = LazyLock::new(|| {
        ["iao ", "êu cầu ", "ề nghị ", "hủ trì", "trách nhiệm"]
            .iter()
            .map(|w| Finder::new(w.as_bytes()))
            .collect()
    });
    WORDS.iter().any(|f| f.find(text.as_bytes()).is_some())
}

/// Every assignment in `text` (a body block's own text), in order.
pub(crate) fn find_all(text: &str) -> Vec<Assigned> {
    let mut out = Vec::new();
    if !may_assign(text) {
        return out;
    }
    for (a, b) in clauses(text) {
        if let Some(t) = in_clause(text, a, b) {
            out.push(t);
        }
    }
    // the deadline of a clause without one may stand in the rest of its sentence (`…; thời gian
    // hoàn thành trước ngày 30/9/2024`), until the next assignment
    for k in 0..out.len() {
        if out[k].deadline.is_none() {
            let from = out[k].end;
            let to = out.get(k + 1).map_or(text.len(), |n| n.start);
            let sentence_end = text[from..to]
                .match_indices(". ")
                .map(|(x, _)| from + x)
                .find(|&x| text[x + 2..].starts_with(char::is_uppercase))
                .unwrap_or(to);
            if let Some((s, e, iso)) = deadline(&text[from..sentence_end]) {
                out[k].deadline = Some((from + s, from + e, iso));
            }
        }
    }
    out
}

/// The assignment of the clause `text[a..b]`, if it has one.
fn in_clause(text: &str, a: usize, b: usize) -> Option<Assigned> {
    let clause = &text[a..b];
    // `Giao X …`, `Yêu cầu X …`, `Đề nghị X …` at a word's start
    let mut found: Option<(usize, usize)> = None; // (trigger start, agency start)
    for (k, _) in clause.char_indices() {
        let word_start = k == 0 || clause[..k].ends_with([' ', ',', '(']);
        let opens = clause[k..].starts_with(['g', 'G', 'y', 'Y', 'đ', 'Đ']);
        if !word_start || !opens {
            continue;
        }
        if let Ok((rest, w)) = trigger(&clause[k..]) {
            let before = clause[..k].trim_end().to_lowercase();
            // `Theo đề nghị của …`, `Xét đề nghị …` are no assignment
            if w.to_lowercase() != "giao" && (before.ends_with("theo") || before.ends_with("xét"))
            {
                continue;
            }
            found = Some((k, clause.len() - rest.len()));
            break;
        }
    }
    let mut t = Assigned::default();
    let after_lead;
    // `cơ quan được giao (nhiệm vụ) chủ trì …`: the lead is who was given it
    let passive = clause.find("được giao ").and_then(|k| {
        let r = clause[k + "được giao ".len()..].trim_start();
        let r = r.strip_prefix("nhiệm vụ ").unwrap_or(r);
        r.starts_with("chủ trì").then_some(k)
    });
    // `Cơ quan được giao chủ trì thực hiện nhiệm vụ có trách nhiệm báo cáo …`: the whole
    // subject answers
    let duty_after = passive.and_then(|k| {
        ["có trách nhiệm", "chịu trách nhiệm"]
            .iter()
            .filter_map(|w| clause[k..].find(w).map(|x| k + x))
            .min()
    });
    if let (Some(_), Some(d), None) = (passive, duty_after, found) {
        let who = clause[..d].trim();
        if who.is_empty() || who.chars().count() > 160 {
            return None;
        }
        t.lead = vec![crate::viet::fold_ws(who)];
        t.start = a;
        after_lead = d;
    } else if let Some(k) = passive.filter(|_| found.is_none()) {
        let head = clause[..k].trim_end();
        let from = head.rfind([',', ')']).map_or(0, |x| x + 1);
        let who = head[from..].trim();
        if who.is_empty() || who.chars().count() > 120 {
            return None;
        }
        t.lead = split_agencies(who);
        t.start = a + from + (head[from..].len() - head[from..].trim_start().len());
        after_lead = k + "được giao".len();
    } else if let Some((k, at)) = found {
        // a lead in small letters (`giao cho đơn vị có chức năng thuộc quyền quản lý chủ trì`)
        // is no name the stop words know: it runs to its `chủ trì`
        let plain = !agency_opens(&clause[at..]);
        let end = match clause[at..].find(" chủ trì").filter(|&x| plain && x <= 100) {
            Some(x) => at + x,
            None => at + agency_end(&clause[at..]),
        };
        t.lead = split_agencies(&clause[at..end]);
        // `giao cho Công ty B 10.000 bộ quần áo`: goods handed over, no one assigned
        if t.lead.iter().any(|l| has_quantity(l)) {
            return None;
        }
        t.start = a + k;
        after_lead = end;
    } else {
        // `X chủ trì, …`, `X có trách nhiệm …`, `X chịu trách nhiệm …` with X opening the
        // clause; or `Chủ trì, phối hợp …` naming no one
        if clause.starts_with("Chủ trì") {
            // `Chủ trì thẩm tra thủy văn: Ông …`, `Chủ trì: Đồng chí …`: a roster of who
            // chairs, no assignment
            if clause.contains(':') {
                return None;
            }
            t.needs_lead = true;
            t.start = a;
            after_lead = 0;
        } else if opens_with_head(clause, false) {
            let end = agency_end(clause);
            let tail = clause[end..].trim_start();
            let duty = ["chủ trì", "có trách nhiệm", "chịu trách nhiệm"]
                .iter()
                .any(|w| tail.starts_with(w));
            // `… chủ trì cuộc họp`, `chủ trì làm việc với …`: who chaired, no assignment
            let chaired = [
                "chủ trì làm việc",
                "chủ trì cuộc",
                "chủ trì hội nghị",
                "chủ trì buổi",
            ]
            .iter()
            .any(|w| tail.starts_with(w));
            if !duty || chaired || end == 0 {
                return None;
            }
            t.lead = split_agencies(&clause[..end]);
            t.start = a;
            after_lead = end;
        } else {
            return None;
        }
    }
    // `chủ trì, phối hợp với Y` after the lead, perhaps after a few words (`Sở Xây dựng theo
    // chức năng nhiệm vụ được giao chủ trì, …`)
    let mut rest = clause[after_lead..].trim_start();
    if let Some(k) = rest.find("chủ trì").filter(|&k| k <= 80) {
        rest = &rest[k..];
    }
    for w in ["Chủ trì", "chủ trì"] {
        if let Some(r) = rest.strip_prefix(w) {
            rest = r.trim_start_matches([',', ' ']);
        }
    }
    for w in ["phối hợp chặt chẽ với", "phối hợp với", "phối hợp"] {
        if let Some(r) = rest.strip_prefix(w) {
            let r = r.trim_start();
            if agency_opens(r) {
                let end = agency_end(r);
                t.cooperating = split_agencies(&r[..end]);
                rest = r[end..].trim_start_matches([',', ' ']);
            }
            break;
        }
    }
    if t.lead.is_empty() && !t.needs_lead {
        return None;
    }
    t.action = crate::viet::fold_ws(rest.trim_end_matches([';', '.', ':', ' ']));
    t.end = b;
    if let Some((s, e, iso)) = deadline(&text[t.start..b]) {
        t.deadline = Some((t.start + s, t.start + e, iso));
    }
    Some(t)
}

/// The agency a lead-in names (`Sở Lao động - Thương binh và Xã hội tập trung thực hiện một số
/// nhiệm vụ cụ thể sau:`): the last agency name in its last sentence, which opens the sentence
/// or follows a comma, and which a verb follows.
pub(crate) fn lead_in_agency(text: &str) -> Option<Vec<String>> {
    let t = text.trim_end();
    if !t.ends_with(':') {
        return None;
    }
    let (a, _) = *clauses(t).last()?;
    let sentence = &t[a..];
    let starts = std::iter::once(0).chain(sentence.match_indices(", ").map(|(k, _)| k + 2));
    let mut best = None;
    for s in starts {
        let r = &sentence[s..];
        if opens_with_head(r, false) && !r.starts_with("các ") {
            let end = agency_end(r);
            if end > 0 && end < r.len() {
                best = Some(split_agencies(&r[..end]));
            }
        }
    }
    best
}

/// A thời hạn in `s`: `trước ngày 30/9/2024`, `chậm nhất ngày 15/10/2024`, `trước ngày 20 tháng
/// 5 năm 2025`, `trong năm 2025`, `trong tháng 9/2024`, `trong quý III/2024`, `trong kỳ họp
/// tháng 9/2024`, `trong 10 ngày`. Its byte range and the ISO date when it fixes a day.
pub(crate) fn deadline(s: &str) -> Option<(usize, usize, Option<String>)> {
    for (k, c) in s.char_indices() {
        // every form opens `trước`, `trong` or `chậm` at a word's start
        if !matches!(c, 't' | 'T' | 'c' | 'C') || (k > 0 && !s[..k].ends_with([' ', '(', ','])) {
            continue;
        }
        let r = &s[k..];
        if let Some(x) = by_day(r) {
            return Some((k, k + x.0, x.1));
        }
        if let Some(n) = within(r) {
            return Some((k, k + n, None));
        }
    }
    None
}

/// `trước ngày D`, `chậm nhất (là) (ngày) D`, `trước D` with D a whole date.
fn by_day(r: &str) -> Option<(usize, Option<String>)> {
    let (r2, _) = one_of_ci(&[
        "trước ngày",
        "chậm nhất là ngày",
        "chậm nhất ngày",
        "chậm nhất là",
        "chậm nhất",
        "trước",
    ])(r)
    .ok()?;
    let r3 = r2.trim_start();
    let used = r.len() - r3.len();
    // `30/9/2024`, `30/9`
    let (len, iso) = slash_date(r3).or_else(|| {
        let with_word = format!("ngày {r3}");
        let (rest, p) = place_date::date(&with_word).ok()?;
        let len = with_word.len() - rest.len() - "ngày ".len();
        p.day
            .is_some()
            .then(|| (with_word[5..5 + len].trim_end().len(), p.iso()))
    })?;
    Some((used + len, iso))
}

/// `30/9/2024` (ISO date) or `30/9` (no year: no ISO date).
fn slash_date(r: &str) -> Option<(usize, Option<String>)> {
    let (len, parts, _) = place_date::numeric_date(r).filter(|&(_, _, sep)| sep == '/')?;
    if parts.year.is_some() {
        return Some((len, parts.iso()));
    }
    parts
        .month
        .is_some_and(|m| (1..=12).contains(&m))
        .then_some((len, None))
}

/// `trong năm 2025`, `trong tháng 9/2024`, `trong quý III/2024`, `trong kỳ họp tháng 9/2024`,
/// `trong 10 ngày (làm việc)`: its length.
fn within(r: &str) -> Option<usize> {
    // (`trước năm 1945`, `trước tháng 8` tell a time, not a deadline: only `trong …` here)
    let (r2, _) = one_of_ci(&["trong"])(r).ok()?;
    let r2 = r2.strip_prefix(' ')?;
    let digits = |s: &str| s.bytes().take_while(u8::is_ascii_digit).count();
    // the value after a unit word: digits, or a Roman quarter, then `/YYYY`
    let value = |s: &str| -> Option<usize> {
        let d = digits(s);
        let roman = s.bytes().take_while(|b| matches!(b, b'I' | b'V')).count();
        let v = if d > 0 { d } else { roman };
        if v == 0 {
            return None;
        }
        let mut n = v;
        if s[n..].starts_with('/') && digits(&s[n + 1..]) == 4 {
            n += 5;
        }
        Some(n)
    };
    for unit in ["năm ", "tháng ", "quý ", "Quý "] {
        if let Some(s) = r2.strip_prefix(unit) {
            return value(s).map(|n| r.len() - s.len() + n);
        }
    }
    if let Some(s) = r2.strip_prefix("kỳ họp ") {
        // `kỳ họp tháng 9/2024`, `kỳ họp thứ 8`
        let end = s.find([',', ';', '.', ')']).unwrap_or(s.len()).min(40);
        let end = crate::viet::floor_boundary(s, end);
        return Some(r.len() - s.len() + s[..end].trim_end().len());
    }
    let d = digits(r2);
    if d > 0 && r2[d..].starts_with(" ngày") {
        let mut n = d + " ngày".len();
        if r2[n..].starts_with(" làm việc") {
            n += " làm việc".len();
        }
        return Some(r.len() - r2.len() + n);
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn one(text: &str) -> Assigned {
        let all = find_all(text);
        assert_eq!(all.len(), 1, "{all:?}");
        all.into_iter().next().unwrap()
    }

    #[test]
    fn giao_chu_tri_phoi_hop_with_a_deadline() {
        let t = "Giao Sở Thông tin và Truyền thông chủ trì, phối hợp với Sở Tài chính nghiên cứu, tham mưu UBND tỉnh xem xét theo quy định. thời gian hoàn thành trước ngày 30/9/2024.";
        let a = one(t);
        assert_eq!(a.lead, ["Sở Thông tin và Truyền thông"]);
        assert_eq!(a.cooperating, ["Sở Tài chính"]);
        assert!(
            a.action.starts_with("nghiên cứu, tham mưu UBND tỉnh"),
            "{}",
            a.action
        );
        let (s, e, iso) = a.deadline.unwrap();
        assert_eq!(&t[s..e], "trước ngày 30/9/2024");
        assert_eq!(iso.as_deref(), Some("2024-09-30"));
    }

    #[test]
    fn partners_split_where_another_agency_opens() {
        let t = "Giao Sở Tài chính chủ trì, phối hợp với Sở Lao động – Thương binh và Xã hội, các cơ quan, đơn vị liên quan nghiên cứu, tham mưu UBND tỉnh xem xét, giải quyết kinh phí thực hiện Đề án trong năm 2024 và năm 2025.";
        let a = one(t);
        assert_eq!(a.lead, ["Sở Tài chính"]);
        assert_eq!(
            a.cooperating,
            [
                "Sở Lao động – Thương binh và Xã hội",
                "các cơ quan, đơn vị liên quan"
            ]
        );
        let (s, e, iso) = a.deadline.unwrap();
        assert_eq!(&t[s..e], "trong năm 2024");
        assert_eq!(iso, None);
    }

    #[test]
    fn two_leads_a_group_and_a_clause_after_a_semicolon() {
        let t = "Đối với nội dung kiến nghị Bộ Kế hoạch và Đầu tư trình cấp có thẩm quyền bổ sung cơ chế đặc thù; giao Sở Kế hoạch và Đầu tư, Sở Xây dựng theo chức năng nhiệm vụ được giao chủ trì, nghiên cứu tham mưu UBND tỉnh.";
        let a = one(t);
        assert_eq!(a.lead, ["Sở Kế hoạch và Đầu tư", "Sở Xây dựng"]);
        assert_eq!(a.action, "nghiên cứu tham mưu UBND tỉnh");
        let t = "Yêu cầu các sở, ban, ngành, UBND các huyện, thị xã, thành phố tăng cường công tác phối hợp.";
        assert_eq!(
            one(t).lead,
            ["các sở, ban, ngành", "UBND các huyện, thị xã, thành phố"]
        );
    }

    #[test]
    fn a_subject_that_leads_or_answers_and_no_lead_at_all() {
        let a = one("Sở Y tế chủ trì, phối hợp với Sở Tài chính hướng dẫn thực hiện.");
        assert_eq!(
            (a.lead.as_slice(), a.cooperating.as_slice()),
            (
                &["Sở Y tế".to_string()][..],
                &["Sở Tài chính".to_string()][..]
            )
        );
        let a = one(
            "Chánh Văn phòng HĐND và UBND huyện, Trưởng phòng Tài nguyên và Môi trường, Chủ tịch UBND các xã chịu trách nhiệm thi hành Quyết định này.",
        );
        assert_eq!(
            a.lead,
            [
                "Chánh Văn phòng HĐND và UBND huyện",
                "Trưởng phòng Tài nguyên và Môi trường",
                "Chủ tịch UBND các xã"
            ]
        );
        assert_eq!(a.action, "chịu trách nhiệm thi hành Quyết định này");
        let a = one(
            "Chủ trì, phối hợp với Sở Tài chính trong công tác tham mưu, sửa chữa các công trình.",
        );
        assert!(a.needs_lead && a.lead.is_empty());
        assert!(
            find_all("Chủ trì thiết kế phần cơ - điện: Ông Nguyễn Trường Giang, Kỹ sư điện.")
                .is_empty()
        );
        assert_eq!(a.cooperating, ["Sở Tài chính"]);
    }

    #[test]
    fn given_to_whoever_follows_cho_or_precedes_duoc_giao() {
        let a = one(
            "Người có thẩm quyền giao cho đơn vị có chức năng thuộc quyền quản lý chủ trì tổ chức thẩm tra quyết toán.",
        );
        assert_eq!(a.lead, ["đơn vị có chức năng thuộc quyền quản lý"]);
        assert!(a.action.starts_with("tổ chức thẩm tra"), "{}", a.action);
        let a = one(
            "Trường hợp cần thiết, cơ quan được giao nhiệm vụ chủ trì thẩm tra quyết toán báo cáo người có thẩm quyền.",
        );
        assert_eq!(a.lead, ["cơ quan"]);
        assert!(a.action.starts_with("thẩm tra quyết toán"), "{}", a.action);
        let a = one(
            "Cơ quan được giao chủ trì thực hiện nhiệm vụ có trách nhiệm báo cáo tiến độ hằng quý.",
        );
        assert_eq!(a.lead, ["Cơ quan được giao chủ trì thực hiện nhiệm vụ"]);
        assert_eq!(a.action, "có trách nhiệm báo cáo tiến độ hằng quý");
    }

    #[test]
    fn no_assignment_in_a_proposal_or_plain_text() {
        assert!(find_all("Theo đề nghị của Giám đốc Sở Nội vụ.").is_empty());
        assert!(
            find_all("Ngày 23/8/2024, Chủ tịch UBND tỉnh chủ trì làm việc với Sở Y tế.").is_empty()
        );
        assert!(find_all("Chủ tịch UBND tỉnh chủ trì cuộc họp.").is_empty());
        assert!(
            find_all("Công ty A giao cho Công ty B 10.000 bộ quần áo với giá ấn định là 10 USD.")
                .is_empty()
        );
        assert!(find_all("Xét đề nghị của Trưởng phòng Tư pháp.").is_empty());
        assert!(
            find_all("Trong 8 tháng đầu năm 2024, Sở đã cơ bản hoàn thành các chỉ tiêu.")
                .is_empty()
        );
    }

    #[test]
    fn the_agency_of_a_lead_in() {
        let t = "UBND tỉnh cơ bản thống nhất. Để thực hiện tốt các nhiệm vụ trong thời gian đến, Sở Lao động - Thương binh và Xã hội tập trung thực hiện một số nhiệm vụ cụ thể sau:";
        assert_eq!(
            lead_in_agency(t),
            Some(vec!["Sở Lao động - Thương binh và Xã hội".to_string()])
        );
        assert_eq!(lead_in_agency("Nội dung cụ thể như sau:"), None);
    }

    #[test]
    fn deadlines() {
        for (t, want, iso) in [
            (
                "báo cáo trước ngày 20 tháng 5 năm 2025.",
                "trước ngày 20 tháng 5 năm 2025",
                Some("2025-05-20"),
            ),
            (
                "gửi chậm nhất ngày 15/10/2024;",
                "chậm nhất ngày 15/10/2024",
                Some("2024-10-15"),
            ),
            (
                "trình HĐND tỉnh trong kỳ họp tháng 9/2024; đảm bảo",
                "trong kỳ họp tháng 9/2024",
                None,
            ),
            ("hoàn thành trong quý III/2024.", "trong quý III/2024", None),
            (
                "trả lời trong 10 ngày làm việc.",
                "trong 10 ngày làm việc",
                None,
            ),
            ("xong trước 30/9.", "trước 30/9", None),
        ] {
            let (s, e, got) = deadline(t).unwrap_or_else(|| panic!("{t}"));
            assert_eq!(&t[s..e], want, "{t}");
            assert_eq!(got.as_deref(), iso, "{t}");
        }
        assert!(deadline("trong công tác quản lý").is_none());
        assert!(deadline("trong thời gian đến").is_none());
        assert!(deadline("người hoạt động cách mạng trước năm 1945").is_none());
    }
}
