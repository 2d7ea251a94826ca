//! Overlaps → one decision per stretch of text.
//!
//! Candidates are taken greedily in this order, and each is kept only if none of its tokens is
//! already taken:
//! 1. more tokens first: the outermost reading wins ("United Nations General Assembly" over
//!    "United Nations", "Paris Agreement" over "Paris");
//! 2. an output reading before a place (a capital used as a place only blocks shorter readings);
//! 3. the user's dictionary, then the gazetteers, then the rules;
//! 4. person, organization, named agreement, country, demonym, capital, described agreement;
//! 5. the earlier start.
//!
//! The order is total, so the result does not depend on the order rules ran in.

use crate::annotation::Type;
use crate::candidate::{Candidate, Kind};

fn type_rank(c: &Candidate) -> u8 {
    match c.kind {
        Kind::Out(Type::Person) => 0,
        Kind::Out(Type::Organization) => 1,
        Kind::Out(Type::Named) => 2,
        Kind::Out(Type::Country) => 3,
        Kind::Out(Type::Demonym) => 4,
        Kind::Out(Type::Capital) => 5,
        Kind::Out(Type::Described) => 6,
        Kind::Place | Kind::Block => 7,
    }
}

/// Chooses non-overlapping candidates; returns them sorted by position. `taken` is scratch
/// space, left marking the chosen tokens (index = token).
pub(crate) fn resolve(
    cands: &mut [Candidate],
    n_tokens: usize,
    taken: &mut Vec<bool>,
) -> Vec<Candidate> {
    // One packed key per candidate, in the order above; the candidate's index breaks the
    // remaining ties, so the result is deterministic. A chunk has at most 64 KiB and so at
    // most 2^16 tokens: lengths and starts fit 17 bits, and the few candidates each token can
    // start (one per rule or listed entry) fit the 24 bits left for the index.
    debug_assert!(cands.len() < 1 << 24 && n_tokens <= 1 << 16);
    let mut order: Vec<u64> = cands
        .iter()
        .enumerate()
        .map(|(i, c)| {
            let len = u64::from(0x1_ffff - c.len().min(0x1_ffff));
            let place = u64::from(c.ty().is_none());
            let source = u64::from(2 - c.source as u8);
            (len << 47)
                | (place << 46)
                | (source << 44)
                | (u64::from(type_rank(c)) << 41)
                | (u64::from(c.first) << 24)
                | i as u64
        })
        .collect();
    order.sort_unstable();
    taken.clear();
    taken.resize(n_tokens, false);
    let mut chosen = Vec::new();
    for key in order {
        let c = &cands[(key & 0xff_ffff) as usize];
        let range = c.first as usize..c.last as usize;
        if c.first >= c.last || taken[range.clone()].iter().any(|&t| t) {
            continue;
        }
        taken[range].iter_mut().for_each(|t| *t = true);
        chosen.push(*c);
    }
    chosen.sort_unstable_by_key(|c| c.first);
    chosen
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::candidate::{Source, Target};

    fn cand(first: usize, last: usize, ty: Type, source: Source) -> Candidate {
        Candidate::new(first, last, ty, source, Target::None)
    }

    #[test]
    fn outermost_then_source_then_type() {
        struct Case {
            name: &'static str,
            cands: Vec<Candidate>,
            want: Vec<(u32, u32, Type)>,
        }
        let cases = vec![
            Case {
                name: "longest010",
                cands: vec![
                    cand(0, 2, Type::Organization, Source::Gazetteer),
                    cand(0, 4, Type::Organization, Source::Gazetteer),
                    cand(3, 4, Type::Organization, Source::Gazetteer),
                ],
                want: vec![(0, 4, Type::Organization)],
            },
            Case {
                name: "source020",
                cands: vec![
                    cand(0, 1, Type::Person, Source::Rule),
                    cand(0, 1, Type::Country, Source::Gazetteer),
                ],
                want: vec![(0, 1, Type::Country)],
            },
            Case {
                name: "type030",
                cands: vec![
                    cand(0, 2, Type::Described, Source::Rule),
                    cand(0, 2, Type::Named, Source::Rule),
                ],
                want: vec![(0, 2, Type::Named)],
            },
            Case {
                name: "crossing040",
                cands: vec![
                    cand(2, 4, Type::Organization, Source::Rule),
                    cand(0, 3, Type::Person, Source::Rule),
                ],
                want: vec![(0, 3, Type::Person)],
            },
        ];
        let mut taken = Vec::new();
        for mut case in cases {
            let got: Vec<_> = resolve(&mut case.cands, 5, &mut taken)
                .iter()
                .map(|c| (c.first, c.last, c.ty().unwrap()))
                .collect();
            assert_eq!(got, case.want, "{}", case.name);
        }
    }

    #[test]
    fn a_place_blocks_only_shorter_readings() {
        let mut place = cand(0, 1, Type::Capital, Source::Gazetteer);
        place.kind = Kind::Place;
        let mut cands = vec![
            place,
            cand(0, 1, Type::Person, Source::Rule),
            cand(0, 2, Type::Named, Source::Rule),
        ];
        let got = resolve(&mut cands, 2, &mut Vec::new());
        assert_eq!(got.len(), 1);
        assert_eq!(got[0].ty(), Some(Type::Named));
    }
}
