//! Interned lookup keys: one probe per token, no allocation, usually one cache line.
//!
//! Each slot keeps the key's hash, length, first eight bytes and class flags, so a lookup of a
//! short word (most are) compares registers and never touches the key arena.

use hashbrown::HashTable;

use crate::text::{key_hash, lower_prefix};

#[derive(Clone, Copy)]
struct Slot {
    /// The first eight bytes of the key, zero-padded.
    prefix: u64,
    hash: u32,
    id: u32,
    flags: u32,
    len: u32,
}

/// Folded words and their ids (ids count up from 0 in insertion order).
#[derive(Default)]
pub(crate) struct Words {
    table: HashTable<Slot>,
    /// Per id, the key's byte range in `arena` (for keys longer than eight bytes).
    spans: Vec<(u32, u32)>,
    arena: String,
}

/// Spreads a 32-bit key hash over 64 bits (the table reads the top bits too).
#[inline]
fn spread(h: u32) -> u64 {
    u64::from(h).wrapping_mul(0x9e37_79b9_7f4a_7c15) ^ u64::from(h)
}

impl Words {
    #[inline]
    fn key(&self, id: u32) -> &[u8] {
        let (s, e) = self.spans[id as usize];
        &self.arena.as_bytes()[s as usize..e as usize]
    }

    /// The slot of the key `buf[start..end]`: `folded` says whether it is already folded (else
    /// ASCII letters are compared ignoring case); `hash` is its [`key_hash`].
    #[inline]
    fn find(&self, buf: &[u8], start: usize, end: usize, hash: u32, folded: bool) -> Option<&Slot> {
        let prefix = lower_prefix(buf, start, end);
        let bytes = &buf[start..end];
        self.table.find(spread(hash), |s| {
            s.hash == hash
                && s.prefix == prefix
                && s.len as usize == bytes.len()
                && (bytes.len() <= 8
                    || if folded {
                        self.key(s.id) == bytes
                    } else {
                        self.key(s.id)
                            .iter()
                            .zip(bytes)
                            .all(|(k, b)| *k == b.to_ascii_lowercase())
                    })
        })
    }

    /// The id and flags of a folded key.
    #[inline]
    pub(crate) fn get(&self, key: &[u8]) -> Option<(u32, u32)> {
        let hash = key_hash(key, 0, key.len());
        self.find(key, 0, key.len(), hash, true)
            .map(|s| (s.id, s.flags))
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
        self.find(chunk, start, end, hash, false)
            .map(|s| (s.id, s.flags))
    }

    /// The id of a folded key, adding it if new.
    pub(crate) fn insert(&mut self, key: &str) -> u32 {
        let bytes = key.as_bytes();
        let hash = key_hash(bytes, 0, bytes.len());
        if let Some(s) = self.find(bytes, 0, bytes.len(), hash, true) {
            return s.id;
        }
        let id = self.spans.len() as u32;
        let start = self.arena.len() as u32;
        self.arena.push_str(key);
        self.spans.push((start, self.arena.len() as u32));
        let slot = Slot {
            prefix: lower_prefix(bytes, 0, bytes.len()),
            hash,
            id,
            flags: 0,
            len: bytes.len() as u32,
        };
        self.table
            .insert_unique(spread(hash), slot, |s| spread(s.hash));
        id
    }

    pub(crate) fn reserve(&mut self, n: usize) {
        self.table.reserve(n, |s| spread(s.hash));
        self.spans.reserve(n);
        self.arena.reserve(n * 8);
    }

    /// Sets every word's class flags (indexed by id).
    pub(crate) fn set_flags(&mut self, flags: &[u32]) {
        for slot in self.table.iter_mut() {
            slot.flags = flags[slot.id as usize];
        }
    }

    pub(crate) fn shrink_to_fit(&mut self) {
        self.arena.shrink_to_fit();
        self.spans.shrink_to_fit();
        self.table.shrink_to_fit(|s| spread(s.hash));
    }
}
