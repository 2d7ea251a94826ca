//! Interned lookup keys: one probe per token, no allocation, usually one cache line.
//!
//! Each slot keeps the key's hash, length, first eight bytes and class flags, so a lookup of a
//! short word (most are) compares registers and never touches the key arena.

use hashbrown::HashTable;

use crate::text::{key_hash, lower_prefix, KeyFilter};

/// 16 bytes: the table is probed once per token and is larger than the L2 cache, so its size
/// matters. Words hold no NUL byte, so a zero-padded prefix is the whole key of up to eight bytes.
#[derive(Clone, Copy)]
struct Slot {
    /// The first eight bytes of the key, zero-padded.
    prefix: u64,
    /// The word id, with [`LONG`] set for keys longer than eight bytes.
    id: u32,
    flags: u32,
}

/// Marks a slot's key as longer than its prefix (then the arena holds the whole key).
const LONG: u32 = 1 << 31;

impl Slot {
    fn id(&self) -> u32 {
        self.id & !LONG
    }
}

/// Folded words and their ids (ids count up from 0 in insertion order).
#[derive(Default)]
pub(crate) struct Words {
    table: HashTable<Slot>,
    /// Per id, the key's byte range in `arena` (for keys longer than eight bytes).
    spans: Vec<(u32, u32)>,
    arena: String,
    /// The hash of every key: a third of the tokens of news text are no listed word, and most
    /// of them are turned away here without a probe of the table (filled as keys are added
    /// when `reserve` came first, else built by `shrink_to_fit` once the words are all in).
    filter: KeyFilter,
}

/// Bits of [`Words::filter`]: 32 KiB, so that about one absent word in twenty gets through.
const FILTER_BITS: usize = 1 << 18;

/// Spreads a 32-bit key hash over 64 bits (the table reads the top bits too).
#[inline]
fn spread(h: u32) -> u64 {
    u64::from(h).wrapping_mul(0x9e37_79b9_7f4a_7c15) ^ u64::from(h)
}

/// A slot's table hash, recomputed from its key (only when the table grows or shrinks).
fn rehash(arena: &str, spans: &[(u32, u32)], s: &Slot) -> u64 {
    let (start, end) = spans[s.id() as usize];
    spread(key_hash(arena.as_bytes(), start as usize, end as usize))
}

impl Words {
    /// The slot of the key `buf[start..end]`: `folded` says whether it is already folded (else
    /// ASCII letters are compared ignoring case); `hash` is its [`key_hash`].
    #[inline]
    fn find(&self, buf: &[u8], start: usize, end: usize, hash: u32, folded: bool) -> Option<&Slot> {
        let prefix = lower_prefix(buf, start, end);
        let bytes = &buf[start..end];
        // A short key is its prefix: the comparison stays small enough to be inlined into the
        // probe loop, and long keys are compared out of line.
        let short = bytes.len() <= 8;
        self.table.find(spread(hash), |s| {
            s.prefix == prefix
                && if short {
                    s.id & LONG == 0
                } else {
                    s.id & LONG != 0 && self.long_key_is(s.id(), bytes, folded)
                }
        })
    }

    /// Whether the key of `id` is `bytes` (longer than eight bytes).
    #[inline(never)]
    fn long_key_is(&self, id: u32, bytes: &[u8], folded: bool) -> bool {
        let key = self.key_of(id).as_bytes();
        if folded {
            key == bytes
        } else {
            // Keys are folded: lower-casing both sides only lower-cases `bytes`.
            key.eq_ignore_ascii_case(bytes)
        }
    }

    /// The id and flags of a folded key.
    #[inline]
    pub(crate) fn get(&self, key: &[u8]) -> Option<(u32, u32)> {
        let hash = key_hash(key, 0, key.len());
        if !self.filter.may_contain(hash) {
            return None;
        }
        self.find(key, 0, key.len(), hash, true)
            .map(|s| (s.id(), s.flags))
    }

    /// The id and flags of the ASCII token `chunk[start..end]`, ignoring case, given its
    /// [`key_hash`].
    #[inline]
    pub(crate) fn get_ascii(
        &self,
        chunk: &[u8],
        start: usize,
        end: usize,
        hash: u32,
    ) -> Option<(u32, u32)> {
        if !self.filter.may_contain(hash) {
            return None;
        }
        self.find(chunk, start, end, hash, false)
            .map(|s| (s.id(), s.flags))
    }

    /// The id of a folded key, adding it if new.
    pub(crate) fn insert(&mut self, key: &str) -> u32 {
        let bytes = key.as_bytes();
        let hash = key_hash(bytes, 0, bytes.len());
        if let Some(s) = self.find(bytes, 0, bytes.len(), hash, true) {
            return s.id();
        }
        self.insert_new(key)
    }

    /// Adds a folded key known not to be in the table yet; returns its id.
    pub(crate) fn insert_new(&mut self, key: &str) -> u32 {
        let bytes = key.as_bytes();
        let hash = key_hash(bytes, 0, bytes.len());
        let id = self.spans.len() as u32;
        let start = self.arena.len() as u32;
        self.arena.push_str(key);
        self.spans.push((start, self.arena.len() as u32));
        let slot = Slot {
            prefix: lower_prefix(bytes, 0, bytes.len()),
            id: if bytes.len() > 8 { id | LONG } else { id },
            flags: 0,
        };
        let (arena, spans) = (&self.arena, &self.spans);
        self.table
            .insert_unique(spread(hash), slot, |s| rehash(arena, spans, s));
        self.filter.insert(hash);
        id
    }

    /// How many words there are (ids are `0..len`).
    pub(crate) fn len(&self) -> usize {
        self.spans.len()
    }

    /// The folded key of word `id`.
    pub(crate) fn key_of(&self, id: u32) -> &str {
        let (s, e) = self.spans[id as usize];
        &self.arena[s as usize..e as usize]
    }

    /// Every word's class flags, indexed by id.
    pub(crate) fn flags_by_id(&self) -> Vec<u32> {
        let mut flags = vec![0; self.len()];
        for slot in self.table.iter() {
            flags[slot.id() as usize] = slot.flags;
        }
        flags
    }

    pub(crate) fn reserve(&mut self, n: usize) {
        // Before the first key, the filter can be filled as keys come in (else `shrink_to_fit`
        // builds it from them all).
        if self.spans.is_empty() && self.filter.is_empty() {
            self.filter = KeyFilter::with_bits(FILTER_BITS);
        }
        let (arena, spans) = (&self.arena, &self.spans);
        self.table.reserve(n, |s| rehash(arena, spans, s));
        self.spans.reserve(n);
        self.arena.reserve(n * 8);
    }

    /// Sets every word's class flags (indexed by id).
    pub(crate) fn set_flags(&mut self, flags: &[u32]) {
        for slot in self.table.iter_mut() {
            slot.flags = flags[slot.id() as usize];
        }
    }

    pub(crate) fn shrink_to_fit(&mut self) {
        if self.filter.is_empty() {
            self.filter = KeyFilter::with_bits(FILTER_BITS);
            for &(start, end) in &self.spans {
                let hash = key_hash(self.arena.as_bytes(), start as usize, end as usize);
                self.filter.insert(hash);
            }
        }
        self.arena.shrink_to_fit();
        self.spans.shrink_to_fit();
        let (arena, spans) = (&self.arena, &self.spans);
        self.table.shrink_to_fit(|s| rehash(arena, spans, s));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_sharing_a_prefix_stay_apart() {
        let mut words = Words::default();
        let keys = ["abcdefgh", "abcdefghi", "abcdefghij", "ab", "abc"];
        let ids: Vec<u32> = keys.iter().map(|k| words.insert(k)).collect();
        words.shrink_to_fit();
        let cases: &[(&str, Option<u32>)] = &[
            ("abcdefgh", Some(ids[0])),
            ("ABCDEFGHI", Some(ids[1])),
            ("AbcdefghiJ", Some(ids[2])),
            ("abcdefghijk", None),
            ("abcdefg", None),
            ("aB", Some(ids[3])),
            ("a", None),
        ];
        for &(probe, want) in cases {
            let b = probe.as_bytes();
            let got = words.get_ascii(b, 0, b.len(), key_hash(b, 0, b.len()));
            assert_eq!(got.map(|(id, _)| id), want, "{probe}");
        }
    }
}
