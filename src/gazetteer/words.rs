//! Interned lookup keys: one probe per token, no allocation, no key copy beyond the fold.

use hashbrown::HashTable;

use crate::text::key_hash;

/// Folded words and their ids (ids count up from 0 in insertion order).
#[derive(Default)]
pub(crate) struct Words {
    table: HashTable<u32>,
    /// Per id, the key's byte range in `arena`.
    spans: Vec<(u32, u32)>,
    arena: String,
}

/// Spreads a 32-bit key hash over 64 bits (the table reads the top bits too).
#[inline]
fn spread(h: u32) -> u64 {
    u64::from(h).wrapping_mul(0x9e37_79b9_7f4a_7c15) ^ u64::from(h)
}

#[inline]
fn hash(key: &[u8]) -> u64 {
    spread(key_hash(key))
}

impl Words {
    #[inline]
    fn key(&self, id: u32) -> &[u8] {
        let (s, e) = self.spans[id as usize];
        &self.arena.as_bytes()[s as usize..e as usize]
    }

    /// The id of a folded key.
    #[inline]
    pub(crate) fn get(&self, key: &[u8]) -> Option<u32> {
        self.table
            .find(hash(key), |&id| self.key(id) == key)
            .copied()
    }

    /// The id of an ASCII token given its [`key_hash`], comparing case-insensitively.
    #[inline]
    pub(crate) fn get_ascii(&self, token: &[u8], token_hash: u32) -> Option<u32> {
        self.table
            .find(spread(token_hash), |&id| {
                let key = self.key(id);
                key.len() == token.len()
                    && key
                        .iter()
                        .zip(token)
                        .all(|(k, t)| *k == t.to_ascii_lowercase())
            })
            .copied()
    }

    /// The id of a folded key, adding it if new.
    pub(crate) fn insert(&mut self, key: &str) -> u32 {
        if let Some(id) = self.get(key.as_bytes()) {
            return id;
        }
        let id = self.spans.len() as u32;
        let start = self.arena.len() as u32;
        self.arena.push_str(key);
        self.spans.push((start, self.arena.len() as u32));
        let Words {
            table,
            spans,
            arena,
        } = self;
        table.insert_unique(hash(key.as_bytes()), id, |&i| {
            let (s, e) = spans[i as usize];
            hash(&arena.as_bytes()[s as usize..e as usize])
        });
        id
    }

    pub(crate) fn len(&self) -> usize {
        self.spans.len()
    }

    pub(crate) fn shrink_to_fit(&mut self) {
        self.arena.shrink_to_fit();
        self.spans.shrink_to_fit();
    }
}
