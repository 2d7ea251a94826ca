//! Agreements: named ("Paris Agreement", "Treaty of Prespa", "Resolution 2231", "Prespa
//! accord") and described ("nuclear submarine deal", "joint statement", "the agreement").
//!
//! A described span runs from the first kept classifier to the head: determiners, possessors,
//! parties, evaluative and temporal words stay out ("the United States' new nuclear submarine
//! deal" → "nuclear submarine deal"). Not agreements: the act of agreeing ("reach an
//! agreement"), demanded arrangements ("requested a ceasefire"), "deal" as a verb.

use super::organization::{name_word, of_phrase_end, title_run_start, MAX_NAME_TOKENS};
use super::Ctx;
use crate::annotation::Type;
use crate::candidate::{Candidate, Kind as CandKind, Source, Target};
use crate::gazetteer::class;
use crate::text::Kind;

/// Pushes agreement candidates for the chunk.
pub(crate) fn find(ctx: &Ctx<'_>, out: &mut Vec<Candidate>) {
    for h in ctx.marks() {
        if ctx.tok(h).kind != Kind::Word {
            continue;
        }
        if ctx.is(h, class::AGREEMENT_HEAD) {
            if ctx.title_case(h) && !ctx.shout(h) {
                named_by_head(ctx, h, out);
            } else if ctx.tok(h).is_lower_word() {
                named_by_lower_head(ctx, h, out);
            }
        }
        if ctx.is_word(h, "resolution") || ctx.is_word(h, "resolutions") {
            resolution(ctx, h, out);
        }
        if ctx.is(h, class::DESCRIBED_HEAD | class::DESCRIBED_HEAD_MOD) {
            described(ctx, h, out);
        }
    }
}

fn candidate(first: usize, last: usize, ty: Type) -> Candidate {
    Candidate::new(first, last, ty, Source::Rule, Target::None)
}

/// "Paris Agreement", "Treaty of Prespa", "Cessation of Hostilities Agreement", "123 Agreement",
/// "U.S.-Mexico Bicentennial Framework for Security, …"; "… Joint Statement" is described.
fn named_by_head(ctx: &Ctx<'_>, h: usize, out: &mut Vec<Candidate>) {
    let mut first = title_run_start(ctx, h);
    // "Greece, North Macedonia Sign Prespa Agreement": a verb capitalised for a headline ends
    // the words before the name; right before the head ("US, Kenya Sign Deal on Health"), it
    // leaves a described agreement.
    if let Some(v) = ctx.headline_verb(first, h) {
        if v + 1 == h {
            described(ctx, h, out);
            return;
        }
        first = v + 1;
    }
    // A listed agreement before the head: "New START Treaty".
    if let Some(c) = ctx
        .reading_ending_at(first)
        .filter(|c| c.ty() == Some(Type::Named))
    {
        first = c.first as usize;
    }
    if first == h && h > 0 && !ctx.new_line(h) && ctx.tok(h - 1).kind == Kind::Number {
        first = h - 1;
    }
    let mut last = of_phrase_end(ctx, h + 1, &["of", "for", "on", "to", "in"]);
    if first == h && last == h + 1 {
        return;
    }
    // "a Memorandum of Understanding between …": the document's kind, capitalised, names none.
    if first == h && last == h + 3 && memorandum_of(ctx, h) {
        described(ctx, h, out);
        return;
    }
    if last > h + 1 {
        last = between_end(ctx, list_end(ctx, last));
    }
    // Parties in front (countries, demonyms, people) are not part of a descriptive title.
    let mut p = first;
    while p < h {
        match ctx.party_at(p) {
            Some(e) if ctx.covered_type(p) != Some(Type::Organization) => p = e,
            _ if ctx.dash(p) || ctx.is_word(p, "and") => p += 1,
            _ => break,
        }
    }
    let descriptive = (p..h).all(|i| ctx.is(i, class::CLASSIFIER));
    if descriptive && last == h + 1 {
        out.push(candidate(p, h + 1, Type::Described));
    } else {
        out.push(candidate(first, last, Type::Named));
    }
}

/// "memorandum of understanding" (or of cooperation, agreement, intent) at `h`.
fn memorandum_of(ctx: &Ctx<'_>, h: usize) -> bool {
    (ctx.is_word(h, "memorandum") || ctx.is_word(h, "memoranda"))
        && ctx.is_word(h + 1, "of")
        && ctx.is_any_word(
            h + 2,
            &["understanding", "cooperation", "agreement", "intent"],
        )
}

/// The end of a run of unlisted title-cased words from `i`, with "and" inside it ("Constructive
/// Diplomatic and Friendly Relations"); and whether it had an "and".
fn title_words_end(ctx: &Ctx<'_>, i: usize) -> (usize, bool) {
    let word = |k: usize| name_word(ctx, k) && ctx.covered(k).is_none() && !ctx.new_line(k);
    let (mut e, mut and) = (i, false);
    while e < ctx.len() && e - i < MAX_NAME_TOKENS {
        if word(e) {
            e += 1;
        } else if e > i && ctx.is_word(e, "and") && word(e + 1) {
            (e, and) = (e + 1, true);
        } else {
            break;
        }
    }
    (e, and)
}

/// "Treaty of Peace, Diplomatic Relations and Full Normalization", "Framework for Security,
/// Public Health, and Safe Communities": a comma list of title-cased items that "and" closes
/// continues a name's of-phrase ending at `end`.
fn list_end(ctx: &Ctx<'_>, end: usize) -> usize {
    let mut k = end;
    // Bounded: no title lists more than a few items.
    while ctx.punct(k, ",") && !ctx.new_line(k) && k - end < 4 * MAX_NAME_TOKENS {
        let closing = ctx.is_word(k + 1, "and");
        let from = k + 1 + usize::from(closing);
        let (e, inner_and) = title_words_end(ctx, from);
        if e == from {
            break;
        }
        k = e;
        if closing || inner_and {
            return k;
        }
    }
    end
}

/// "… Between the United Arab Emirates and the State of Israel": a capitalised "Between" and its
/// two parties belong to a formal title (a lower-case party list does not).
fn between_end(ctx: &Ctx<'_>, end: usize) -> usize {
    if !(ctx.title_case(end) && ctx.is_word(end, "between") && !ctx.new_line(end)) {
        return end;
    }
    let party = |k: usize| {
        let k = k + usize::from(ctx.is_word(k, "the"));
        ctx.party_at(k)
            .or_else(|| Some(title_words_end(ctx, k).0).filter(|&e| e > k))
    };
    match party(end + 1) {
        Some(a) if ctx.is_word(a, "and") => party(a + 1).unwrap_or(end),
        _ => end,
    }
}

/// Lower-case heads that follow a proper name to form a named agreement.
fn names_with_lower_head(ctx: &Ctx<'_>, h: usize) -> bool {
    ctx.is_any_word(
        h,
        &[
            "agreement",
            "agreements",
            "accord",
            "accords",
            "deal",
            "treaty",
            "pact",
            "protocol",
            "declaration",
            "memorandum",
        ],
    )
}

/// "Prespa accord", "Prespes deal", "Minsk agreements", "USMCA agreement", "Sochi memorandum".
fn named_by_lower_head(ctx: &Ctx<'_>, h: usize, out: &mut Vec<Candidate>) {
    if h == 0 || ctx.new_line(h) || !names_with_lower_head(ctx, h) {
        return;
    }
    if let Some(c) = ctx.reading_ending_at(h) {
        // A listed agreement, or a city it is named after ("Minsk", "Oslo").
        if c.ty() == Some(Type::Named)
            || matches!(c.kind, CandKind::Place)
            || c.ty() == Some(Type::Capital)
        {
            // "AUKUS agreement" is still AUKUS.
            let mut named = candidate(c.first as usize, h + 1, Type::Named);
            if c.ty() == Some(Type::Named) {
                named.target = c.target;
            }
            out.push(named);
        }
        return;
    }
    let first = title_run_start(ctx, h);
    if first == h {
        return;
    }
    for i in first..h {
        // "the Ministry of Energy deal": an organization's name and a described deal.
        if ctx.covered(i).is_some() || ctx.acronym(i) || ctx.is(i, class::ORG_HEAD) {
            return;
        }
        // "Trade deals are …", "Diplomatic protocol requires …": a sentence-initial capital on
        // a common word or an adjective is no name.
        let known = ctx.flags[i] & !(class::PHRASE_ALONE | class::PHRASE_NEXT) != 0;
        if ctx.sent_start(i) && (known || adjective(ctx.word(i))) {
            return;
        }
    }
    out.push(candidate(first, h + 1, Type::Named));
}

/// Whether `word` ends like an English adjective ("Diplomatic", "Bilateral", "Secret").
fn adjective(word: &str) -> bool {
    const ENDINGS: [&str; 8] = ["ic", "al", "ive", "ous", "ary", "ed", "ing", "ful"];
    word.len() > 4 && ENDINGS.iter().any(|e| word.ends_with(e))
}

/// "Resolution 2231", "UN Security Council Resolution 242", "United Nations General Assembly
/// Resolution ES-11/1"; and "… General Assembly Resolution" with a body but no number.
fn resolution(ctx: &Ctx<'_>, h: usize, out: &mut Vec<Candidate>) {
    let body = ctx
        .reading_ending_at(h)
        .filter(|c| c.ty() == Some(Type::Organization) && !ctx.new_line(h))
        .map(|c| c.first as usize);
    let id_end = resolution_id_end(ctx, h + 1);
    let first = body.unwrap_or(h);
    if id_end > h + 1 {
        out.push(candidate(first, id_end, Type::Named));
    } else if body.is_some() && ctx.title_case(h) {
        out.push(candidate(first, h + 1, Type::Named));
    }
}

/// The end of a resolution number starting at `i`: "2231", "ES-11/1", "242 (1967)" stops
/// before the bracket.
fn resolution_id_end(ctx: &Ctx<'_>, i: usize) -> usize {
    if i >= ctx.len() || ctx.new_line(i) {
        return i;
    }
    let starts = ctx.tok(i).kind == Kind::Number || ctx.acronym(i) && ctx.dash(i + 1);
    if !starts {
        return i;
    }
    let mut j = i + 1;
    while j + 1 < ctx.len()
        && ctx.tok(j).joined()
        && ctx.tok(j + 1).joined()
        && (ctx.dash(j) || ctx.punct(j, "/"))
        && matches!(ctx.tok(j + 1).kind, Kind::Number | Kind::Word)
    {
        j += 2;
    }
    let has_digit = (i..j).any(|k| ctx.tok(k).has(crate::text::HAS_DIGIT));
    if has_digit {
        j
    } else {
        i
    }
}

/// Described agreements: a head noun with its classifiers.
fn described(ctx: &Ctx<'_>, h: usize, out: &mut Vec<Candidate>) {
    let t = ctx.tok(h);
    let title_head = ctx.title_case(h);
    let shape_ok = t.is_lower_word()
        || ctx.is_word(h, "mou")
        || ctx.shout(h)
        || title_head
            && (ctx.sent_start(h)
                || h > 0 && ctx.title_case(h - 1) && ctx.is(h - 1, class::CLASSIFIER)
                || ctx.headline_case(h)
                || memorandum_of(ctx, h));
    if !shape_ok || excluded(ctx, h) {
        return;
    }
    // "Joint Statement on the Development of a Comprehensive Strategic Partnership": a title
    // of its own names the document ("the Joint Statement" alone describes one).
    if title_head && h > 0 && ctx.is_word(h - 1, "joint") && ctx.title_case(h - 1) {
        let end = of_phrase_end(ctx, h + 1, &["on", "of"]);
        if end > h + 1 && !ctx.headline_case(h) {
            out.push(candidate(h - 1, end, Type::Named));
            return;
        }
    }
    // "cease-fire": the head spans the compound.
    let mut first = h;
    if ctx.is_word(h, "fire") || ctx.is_word(h, "fires") {
        return;
    }
    // Modifiers before the head: units of one word or of dash-joined words ("free-trade",
    // "quota-sharing"), at most three ("prisoner swap deal").
    let broad = ctx.is(h, class::DESCRIBED_HEAD);
    let mut units = 0;
    while first > 0 && !ctx.new_line(first) && units < 3 {
        let mut s = first - 1;
        while s >= 2 && ctx.joining_dash(s - 1) {
            s -= 2;
        }
        if !keep_modifier(ctx, s, first, title_head, broad) {
            // "a trade and security agreement": two classifiers joined by "and".
            let coordinated = first < h
                && s >= 1
                && ctx.is_word(s, "and")
                && ctx.is(first, class::CLASSIFIER)
                && ctx.is(s - 1, class::CLASSIFIER)
                && keep_modifier(ctx, s - 1, s, title_head, broad);
            if !coordinated {
                break;
            }
            first = s - 1;
            units += 1;
            continue;
        }
        first = s;
        units += 1;
    }
    let mut last = h + 1;
    if ctx.is(h, class::DESCRIBED_HEAD_MOD) {
        // Issued by several parties together: "joint statement", "trilateral statement".
        let joint = (first..h)
            .any(|i| ctx.is_any_word(i, &["joint", "trilateral", "tripartite", "quadrilateral"]));
        let statement_like = ctx.is_any_word(
            h,
            &[
                "statement",
                "statements",
                "communiqué",
                "communique",
                "communiqués",
                "communiques",
                "declaration",
                "declarations",
            ],
        );
        if first == h || statement_like && !joint {
            return;
        }
    }
    if memorandum_of(ctx, h) {
        last = h + 3;
    }
    // "denied that any deal had been reached", "there is no agreement": no specific one.
    let quantified = first > 0
        && !ctx.new_line(first)
        && (ctx.is_word(first - 1, "any") || ctx.is_word(first - 1, "no"));
    if quantified || demanded(ctx, first) {
        return;
    }
    out.push(candidate(first, last, Type::Described));
}

/// Whether the modifier unit `s..e` (a word, or words joined by dashes) stays in a described
/// span. Listed classifiers always do (peace, trade, nuclear, bilateral); with a `broad` head
/// (deal, agreement, treaty…) so does any other lower-case topic noun ("ferry deal", "quota
/// agreement"), but never a determiner, verb, party, evaluative or temporal word, or a word
/// shaped like an adjective, participle or adverb ("historic", "long-awaited", "US-brokered").
fn keep_modifier(ctx: &Ctx<'_>, s: usize, e: usize, title_head: bool, broad: bool) -> bool {
    const NEVER: u32 = class::STOP
        | class::DET
        | class::DROP
        | class::AUX
        | class::AGENT_VERB
        | class::DEMAND_VERB
        | class::REPORT_VERB
        | class::MONTH
        | class::WEEKDAY
        | class::TITLE
        | class::GENERIC;
    let last = e - 1;
    for i in (s..e).step_by(2) {
        let t = ctx.tok(i);
        let case_ok = if title_head {
            ctx.title_case(i)
        } else {
            t.is_lower_word()
        };
        if t.kind != Kind::Word || !(case_ok || ctx.shout(i)) || ctx.covered(i).is_some() {
            return false;
        }
        // "status-of-forces", "oil-for-food": a small word inside a compound.
        let inner = i > s && i < last && ctx.is(i, class::STOP);
        if ctx.is(i, NEVER) && !ctx.is(i, class::CLASSIFIER) && !inner {
            return false;
        }
    }
    if ctx.is(last, class::CLASSIFIER) {
        return true;
    }
    if !broad || title_head || ctx.shout(last) {
        return false;
    }
    const ADJECTIVE_ENDINGS: [&str; 13] = [
        "ed", "ing", "ly", "ive", "ous", "ful", "less", "able", "ible", "est", "ic", "al", "ary",
    ];
    let w = ctx.word(last);
    w.chars().count() > 2 && !ADJECTIVE_ENDINGS.iter().any(|end| w.ends_with(end))
}

/// Uses of a head word that are not an agreement.
fn excluded(ctx: &Ctx<'_>, h: usize) -> bool {
    let prev = if h > 0 && !ctx.new_line(h) {
        Some(h - 1)
    } else {
        None
    };
    let prev_is = |w: &str| prev.is_some_and(|p| ctx.is_word(p, w));
    let next = h + 1;
    // "ceasefire talks", "ceasefire agreement": the head is a modifier here.
    if next < ctx.len()
        && !ctx.new_line(next)
        && (ctx.is(next, class::NOT_AGREEMENT_NEXT)
            || ctx.is(next, class::DESCRIBED_HEAD | class::DESCRIBED_HEAD_MOD)
                && ctx.tok(next).is_lower_word())
    {
        return true;
    }
    let word = ctx.word(h).to_ascii_lowercase();
    match word.as_str() {
        "deal" | "deals" => {
            // "a great deal of", "no big deal"
            if prev_is("great") || prev_is("good") || prev_is("big") {
                return true;
            }
            // "to deal with", "we deal with": a verb unless a determiner, possessive or
            // classifier makes it a noun.
            let noun_before = prev.is_some_and(|p| {
                ctx.is(p, class::DET | class::CLASSIFIER)
                    || ctx.possessive(p)
                    || ctx.covered(p).is_some()
                    || ctx.tok(p).kind == Kind::Number
                    || ctx.tok(p).is_lower_word() && !ctx.is(p, class::STOP)
            });
            let verb_before = prev
                .is_some_and(|p| ctx.is(p, class::STOP) && !ctx.is(p, class::DET))
                || prev.is_none();
            ctx.is_word(next, "with") && !noun_before
                || verb_before && !noun_before && (prev_is("to") || ctx.is_word(next, "with"))
        }
        "agreement" | "agreements" => prev_is("in") || prev_is("no") || prev_is("general"),
        "accord" | "accords" => prev_is("own") || prev_is("in"),
        "resolution" | "resolutions" => {
            // "the resolution of disputes" is the act of resolving; "a resolution of the
            // emergency session" is a text.
            let of_dispute = (ctx.is_word(next, "of") || ctx.is_word(next, "to"))
                && (next + 1..(next + 4).min(ctx.len()))
                    .find(|&k| !ctx.is(k, class::DET))
                    .is_some_and(|k| ctx.is(k, class::DISPUTE));
            let after = of_dispute
                || ctx.is_word(next, "on") && !prev.is_some_and(|p| ctx.is(p, class::DET));
            let before_ok = prev.is_some_and(|p| {
                ctx.is(p, class::DET | class::CLASSIFIER)
                    || ctx.possessive(p)
                    || matches!(ctx.covered_type(p), Some(Type::Organization))
            });
            after || !before_ok
        }
        _ => false,
    }
}

/// Whether the phrase starting at `first` is the object of a verb of asking or reaching
/// ("requested a ceasefire", "will reach an agreement", "called for a truce").
fn demanded(ctx: &Ctx<'_>, first: usize) -> bool {
    let mut i = first;
    let mut steps = 0;
    while i > 0 && steps < 5 && !ctx.new_line(i) {
        i -= 1;
        steps += 1;
        if ctx.is(i, class::DEMAND_VERB) {
            return true;
        }
        // A definite determiner makes it a known agreement, whatever the verb: "hoped the
        // deal could be signed" speaks of an existing deal.
        if ctx.is(i, class::DET) && !ctx.is_any_word(i, &["a", "an", "any", "some"]) {
            return false;
        }
        // Modifiers the span drops ("a new agreement", "a final deal") sit between the verb
        // and the head too.
        let skip = ctx.is(i, class::DET | class::DROP)
            || ctx.is_any_word(i, &["for", "to", "at", "on"])
            || ctx.dash(i) && ctx.tok(i).joined()
            || ctx.tok(i).is_lower_word() && !ctx.is(i, class::STOP | class::AGENT_VERB);
        if !skip {
            return false;
        }
    }
    false
}
