//! Capitals and seats of government: the government ("Washington and Moscow held talks",
//! "Beijing's demands", "the Kremlin said") or a place ("met in Paris", "at the White House")?
//!
//! Capitals need evidence to count as a government; seats (Kremlin, White House) count unless
//! the context makes them a place. Also readings of a state that need the chunk around them:
//! an elliptical alias ("the North" for North Korea), a short name two states share
//! ("Congo"), a combining form ("Franco-German").

use super::Ctx;
use crate::annotation::Type;
use crate::candidate::{Candidate, Target};
use crate::gazetteer::{class, Lexicon};
use crate::text::Kind;

/// Whether the country name `first..last` is part of a city's name: "Port Sudan", "Djibouti
/// City" (cities listed as capitals, "Kuwait City", are matched whole and never get here).
pub(crate) fn in_city_name(ctx: &Ctx<'_>, first: usize, last: usize) -> bool {
    let port = first > 0 && !ctx.new_line(first) && ctx.is_word(first - 1, "port");
    let city = !ctx.new_line(last) && ctx.is_word(last, "city");
    (port && ctx.title_case(first - 1)) || (city && ctx.title_case(last))
}

/// Whether the capital or seat reading `first..last` stands for a government.
pub(crate) fn is_government(ctx: &Ctx<'_>, first: usize, last: usize, seat: bool) -> bool {
    // Part of a longer name: "George Washington", "Moscow State University", "Washington Post".
    if first > 0
        && !ctx.new_line(first)
        && ctx.title_case(first - 1)
        && !ctx.function_word(first - 1)
        && !ctx.is(
            first - 1,
            class::TITLE | class::AGENT_VERB | class::METO_PREP,
        )
    {
        return false;
    }
    if last < ctx.len()
        && !ctx.new_line(last)
        && ctx.title_case(last)
        && !ctx.sent_start(last)
        && !ctx.function_word(last)
        && !ctx.is(last, class::AGENT_VERB | class::AUX)
    {
        return false;
    }
    // "Moscow-backed separatists", "pro-Beijing lawmakers", "the Kabul government": the
    // government as the one backing or backed, or named by its seat.
    let backing = ctx.joining_dash(last) && ctx.is_any_word(last + 1, &BACKING);
    let partisan = first >= 2
        && ctx.joining_dash(first - 1)
        && (ctx.is_word(first - 2, "pro") || ctx.is_word(first - 2, "anti"));
    let governing =
        !ctx.new_line(last) && ctx.tok(last).is_lower_word() && ctx.is_any_word(last, &GOVERNING);
    if !seat && (backing || partisan || governing) {
        return true;
    }
    // "Moscow time", "Kabul-based", "Doha, Qatar".
    if ctx.is_word(last, "time")
        || ctx.is_word(last, "based")
        || ctx.dash(last) && ctx.is_word(last + 1, "based")
        || ctx.punct(last, ",")
            && ctx.country_at(last + 1).is_some()
            && !coordinated_after(ctx, last)
    {
        return false;
    }
    let (g0, g1) = group(ctx, first, last);
    // The word before the group, skipping "the" for seats ("at the White House").
    let mut before = prev(ctx, g0);
    if let Some(b) = before {
        if ctx.is_word(b, "the") {
            before = prev(ctx, b);
        }
    }
    // "the need for Juba to cooperate", "the deal commits Kigali to withdraw": the government
    // as the subject of an infinitive, after "for" or a verb ("travelled to Paris to meet" has
    // a place preposition instead).
    if ctx.is_word(g1, "to")
        && before.is_some_and(|b| {
            ctx.is_word(b, "for")
                || ctx.tok(b).is_lower_word()
                    && !ctx.function_word(b)
                    && !ctx.is(b, class::PLACE_PREP)
                    && infinitive(ctx, g1 + 1)
        })
    {
        return true;
    }
    // "Beijing's demands", also after a preposition ("smarting from Canberra's cancellation").
    if !seat && ctx.possessive(last) {
        return true;
    }
    if before.is_some_and(|b| ctx.is(b, class::PLACE_PREP)) {
        return false;
    }
    if seat {
        return true;
    }
    if let Some(b) = before {
        if ctx.is(b, class::METO_PREP | class::AGENT_VERB) && !ctx.is(b, class::AUX) {
            return true;
        }
    }
    // "Washington-Moscow talks": two parties joined by a dash.
    if ctx.dash(last) && ctx.tok(last).joined() && ctx.country_at(last + 1).is_some()
        || first >= 2
            && ctx.dash(first - 1)
            && ctx.tok(first).joined()
            && ctx
                .reading_ending_at(first - 1)
                .is_some_and(|c| matches!(c.ty(), Some(Type::Country | Type::Capital)))
    {
        return true;
    }
    // "Washington and Moscow have not spoken": two governments as the subject; "Canberra will
    // buy": a capital as the subject of a modal verb.
    let pair = g0 < first || g1 > last;
    // "told the Council that Moscow had ignored …": the subject of a reported clause, in the
    // perfect ("that Paris is lovely", "that Paris was chosen" are the place).
    let reported = before.is_some_and(|b| ctx.is_word(b, "that"))
        && (ctx.is_word(g1, "has") || ctx.is_word(g1, "had"))
        && g1 + 1 < ctx.len()
        && ctx.tok(g1 + 1).is_lower_word()
        && ctx.word(g1 + 1).ends_with("ed");
    let modal = ctx.is_any_word(
        g1,
        &[
            "will", "would", "can", "could", "should", "must", "may", "might", "shall",
        ],
    );
    agent_follows(ctx, g1)
        || (pair && ctx.is(g1, class::AUX) || modal || reported) && !ctx.new_line(g1)
        || relative_clause_end(ctx, g1).is_some_and(|e| agent_follows(ctx, e))
}

/// A verb after "to" at `i`: a lower-case word that is no function word ("to withdraw", not
/// "to the border" or "to 2030").
fn infinitive(ctx: &Ctx<'_>, i: usize) -> bool {
    i < ctx.len() && !ctx.new_line(i) && ctx.tok(i).is_lower_word() && !ctx.function_word(i)
}

/// After "Tehran, which backs Hamas," at `i` (the comma), the token after the clause's closing
/// comma: the clause is skipped to find the capital's own verb.
fn relative_clause_end(ctx: &Ctx<'_>, i: usize) -> Option<usize> {
    // Bounded: a longer clause is not read as one.
    const LONGEST: usize = 24;
    if !(ctx.punct(i, ",") && (ctx.is_word(i + 1, "which") || ctx.is_word(i + 1, "who"))) {
        return None;
    }
    (i + 2..ctx.len().min(i + LONGEST))
        .take_while(|&k| !ctx.new_line(k) && !ctx.punct(k, "."))
        .find(|&k| ctx.punct(k, ","))
        .map(|k| k + 1)
}

/// Participles after "Capital-" that make the capital a government ("Moscow-backed"), unlike
/// "Kabul-based" or "London-listed".
const BACKING: [&str; 16] = [
    "backed",
    "led",
    "aligned",
    "allied",
    "friendly",
    "brokered",
    "sponsored",
    "funded",
    "supported",
    "installed",
    "controlled",
    "imposed",
    "appointed",
    "affiliated",
    "leaning",
    "linked",
];

/// Nouns after a capital that make it the seat of a government ("the Kabul government"), not
/// a team or a city's people ("the Lisbon side").
const GOVERNING: [&str; 7] = [
    "government",
    "regime",
    "administration",
    "authorities",
    "leadership",
    "cabinet",
    "junta",
];

/// The token before `i` on the same line.
fn prev(ctx: &Ctx<'_>, i: usize) -> Option<usize> {
    (i > 0 && !ctx.new_line(i)).then(|| i - 1)
}

/// Whether `", <country>"` after `at` continues a list ("Kyiv, Moscow and Minsk") or starts a
/// new phrase ("brokered by Washington, U.S. envoy Tom Barrack said") rather than naming the
/// state of a place ("Doha, Qatar", "in Doha, Qatar on Monday").
fn coordinated_after(ctx: &Ctx<'_>, at: usize) -> bool {
    let Some(end) = ctx.country_at(at + 1) else {
        return false;
    };
    let new_phrase = end < ctx.len()
        && !ctx.new_line(end)
        && ctx.tok(end).kind == Kind::Word
        && !ctx.is(end, class::STOP);
    ctx.is_word(end, "and") || ctx.punct(end, ",") || new_phrase
}

/// The coordination around a capital: "Washington and Moscow", "Kyiv, Moscow and Minsk".
/// Returns the token range of the whole group.
fn group(ctx: &Ctx<'_>, first: usize, last: usize) -> (usize, usize) {
    let mut g1 = last;
    while g1 < ctx.len() && (ctx.is_word(g1, "and") || ctx.is_word(g1, "or") || ctx.punct(g1, ","))
    {
        match ctx.country_at(g1 + 1) {
            Some(end) => g1 = end,
            None => break,
        }
    }
    let mut g0 = first;
    while g0 >= 2
        && (ctx.is_word(g0 - 1, "and") || ctx.is_word(g0 - 1, "or") || ctx.punct(g0 - 1, ","))
    {
        match ctx.reading_ending_at(g0 - 1) {
            Some(c)
                if matches!(c.ty(), Some(Type::Country | Type::Capital | Type::Demonym))
                    || c.ty().is_none() =>
            {
                g0 = c.first as usize
            }
            _ => break,
        }
    }
    (g0, g1)
}

/// Whether a verb of an acting subject follows at `i`, after auxiliaries and adverbs
/// ("Washington has also said", "Beijing warned").
fn agent_follows(ctx: &Ctx<'_>, mut i: usize) -> bool {
    let mut seen = 0;
    while i < ctx.len() && seen < 4 && !ctx.new_line(i) {
        if ctx.is(i, class::AGENT_VERB) {
            return true;
        }
        if !ctx.is(i, class::AUX) {
            return false;
        }
        seen += 1;
        i += 1;
    }
    false
}

/// The id of the country `code` if the chunk names it (a reading that no longer one covers:
/// the "Republic of Congo" inside "Democratic Republic of Congo" does not count).
fn named(ctx: &Ctx<'_>, lex: &Lexicon, code: &str) -> Option<u16> {
    lex.country_by_code(code).filter(|&id| {
        ctx.gaz.iter().any(|c| {
            matches!(c.target, Target::Country(t) if t == id)
                && ctx
                    .covered(c.first as usize)
                    .is_some_and(|k| std::ptr::eq(k, c))
        })
    })
}

/// Short names two states share: neither is listed, as either could be meant.
const SHARED_SHORT_NAMES: [&str; 2] = ["congo", "korea"];
/// The codes of the two states of each of [`SHARED_SHORT_NAMES`].
const SHARED_CODES: [[&str; 2]; 2] = [["CD", "CG"], ["KR", "KP"]];

/// A short name two states share ("Congo", "Korea") stands for the one of them the chunk names
/// otherwise ("the Democratic Republic of Congo … eastern Congo"); if it names both or neither,
/// the short name is left out.
pub(crate) fn shared_short_names(ctx: &Ctx<'_>, lex: &Lexicon, out: &mut Vec<Candidate>) {
    // Per short name, the state it stands for, once asked.
    let mut states: [Option<Option<u16>>; 2] = [None; 2];
    for i in ctx.caps() {
        // Tested cheapest first: this runs for every capitalised word. The words are listed
        // only inside longer names ("North Korea").
        let len = ctx.word(i).len();
        if !SHARED_SHORT_NAMES.iter().any(|w| w.len() == len)
            || !ctx.is(i, class::PHRASE_NEXT)
            || !ctx.title_case(i)
            || ctx.covered(i).is_some()
        {
            continue;
        }
        let Some(w) = ctx.which_word(i, &SHARED_SHORT_NAMES) else {
            continue;
        };
        // "Alliance Fleuve Congo", "Congo Basin", "Korea Herald": part of a longer name.
        let name_before = i > 0
            && !ctx.new_line(i)
            && !ctx.sent_start(i)
            && ctx.title_case(i - 1)
            && !ctx.function_word(i - 1);
        let name_after = i + 1 < ctx.len()
            && !ctx.new_line(i + 1)
            && !ctx.sent_start(i + 1)
            && ctx.title_case(i + 1)
            && !ctx.function_word(i + 1);
        if name_before || name_after {
            continue;
        }
        let state = *states[w].get_or_insert_with(|| {
            let [a, b] = SHARED_CODES[w].map(|code| named(ctx, lex, code));
            a.xor(b)
        });
        if let Some(id) = state {
            out.push(Candidate::state(i, i + 1, Type::Country, id));
        }
    }
}

/// Combining forms of states, and their codes: "Franco" alone is also a surname and "Indo"
/// opens "Indo-Pacific", so they count only dash-joined to another state ("Sino" is listed).
const COMBINING_FORMS: [&str; 9] = [
    "anglo", "franco", "greco", "indo", "italo", "luso", "nippo", "russo", "turco",
];
/// The codes of [`COMBINING_FORMS`], in order.
const COMBINING_CODES: [&str; 9] = ["GB", "FR", "GR", "IN", "IT", "PT", "JP", "RU", "TR"];

/// "the Franco-German engine", "the Russo-Ukrainian war": a combining form dash-joined to a
/// country or demonym is a demonym of its state.
pub(crate) fn combining_forms(ctx: &Ctx<'_>, lex: &Lexicon, out: &mut Vec<Candidate>) {
    for i in ctx.caps() {
        if !ctx.joining_dash(i + 1) || !ctx.title_case(i) || ctx.covered(i).is_some() {
            continue;
        }
        let state_after = ctx.covered(i + 2).is_some_and(|c| {
            c.first as usize == i + 2 && matches!(c.ty(), Some(Type::Country | Type::Demonym))
        });
        if !state_after {
            continue;
        }
        let form = ctx.which_word(i, &COMBINING_FORMS);
        if let Some(id) = form.and_then(|f| lex.country_by_code(COMBINING_CODES[f])) {
            out.push(Candidate::state(i, i + 1, Type::Demonym, id));
        }
    }
}

/// Elliptical names of a state already named in the chunk (GUIDELINES.md): "talks with the
/// North" (North Korea), "the South" if South Korea is named too, and "the Islamic Republic"
/// (Iran).
pub(crate) fn elliptical(ctx: &Ctx<'_>, lex: &Lexicon, out: &mut Vec<Candidate>) {
    let named = |code: &str| named(ctx, lex, code);
    let (north, south, iran) = (named("KP"), named("KR"), named("IR"));
    if north.is_none() && iran.is_none() {
        return;
    }
    for i in ctx.caps().filter(|&i| i > 0) {
        let (id, next) = match (north, south, iran) {
            (Some(n), _, _) if ctx.is_word(i, "north") => (n, i + 1),
            (Some(_), Some(s), _) if ctx.is_word(i, "south") => (s, i + 1),
            (_, _, Some(ir))
                if ctx.is_word(i, "islamic")
                    && ctx.is_word(i + 1, "republic")
                    && ctx.title_case(i + 1) =>
            {
                (ir, i + 2)
            }
            _ => continue,
        };
        // "the North Atlantic", "the South China Sea", "the North-South summit": part of a
        // name; "the North of England", "the Islamic Republic of Pakistan": another place.
        let longer = next < ctx.len()
            && !ctx.new_line(next)
            && (ctx.title_case(next) && !ctx.sent_start(next)
                || ctx.dash(next) && ctx.tok(next).joined()
                || ctx.is_word(next, "of"));
        if !ctx.title_case(i)
            || !ctx.is_word(i - 1, "the")
            || (i..next).any(|k| ctx.new_line(k) || ctx.covered(k).is_some())
            || longer && !ctx.possessive(next)
        {
            continue;
        }
        out.push(Candidate::state(i, next, Type::Country, id));
    }
}
