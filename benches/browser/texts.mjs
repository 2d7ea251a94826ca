// The benchmark texts and their expected annotation counts (Node side; the drivers hand the
// texts to the bench page). Every text carries `gold`: the number of gold actor, country and
// agreement spans inside it, so a benchmark can check that the engine's count is within ±35 %
// of it — the same check as benches/native.rs — and a fast wrong answer cannot pass.
//
// With ../shared/data (or $SHARED/data) present, the texts are real news (research licence:
// measured here, never shipped or committed):
//   article      CoNLL-2003 train document train-0010 (Reuters, 1996: "Israel plays down fears
//                of war with Syria"), 2,596 bytes: the "2.5 KB article";
//   words2000    the diplomacy dev documents and the seed article, joined with blank lines and
//                cut after exactly 2,000 words;
//   mb1, mb10    the corpus of benches/native.rs (CoNLL-2003 train + dev, diplomacy dev + seed,
//                each document followed by a blank line), repeated as needed and cut at exactly
//                1,000,000 / 10,000,000 bytes — byte for byte the texts of native.rs's 1 MB and
//                10 MB rows, so native and wasm figures compare directly.
// Without it, everything is built from benches/texts/fallback-article.txt, original prose
// written for this benchmark with its spans marked by hand ([Kenya]{country}).
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const LABELS = new Set(['actor', 'country', 'agreement']);
const ARTICLE_ID = 'train-0010';

/** A short text for cold start: the first annotation a page would make. */
export const SHORT = {
  name: 'short',
  text: 'Kenya and Uganda signed a ferry accord on Friday, and Kenyan Transport Minister Amina Odhiambo said Nairobi would ratify it.',
  // Kenya, Uganda, ferry accord, Kenyan, Amina Odhiambo, Nairobi (a capital standing for its government)
  gold: 6,
};

function readJsonl(file) {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l));
}

/** {text, spans: [{start, end}]} with only the benchmark's labels; offsets are JS indices. */
function doc(text, spans, id) {
  return { id, text, spans: spans.filter((s) => LABELS.has(s.label)).map((s) => ({ start: s.start, end: s.end })) };
}

/** Parses `[Kenya]{country}` mark-up into a document. */
function parseMarked(src, id) {
  let text = '';
  const spans = [];
  let last = 0;
  for (const m of src.matchAll(/\[([^\]]+)\]\{(\w+)\}/g)) {
    text += src.slice(last, m.index);
    spans.push({ start: text.length, end: text.length + m[1].length, label: m[2] });
    text += m[1];
    last = m.index + m[0].length;
  }
  text += src.slice(last);
  return doc(text.replace(/\n+$/, ''), spans, id);
}

/** Documents joined, each followed by "\n\n" (as native.rs does), with their start offsets. */
function join(docs) {
  let text = '';
  const starts = [];
  for (const d of docs) {
    starts.push(text.length);
    text += `${d.text}\n\n`;
  }
  return { text, docs, starts };
}

/** Gold spans of `corpus` repeated, that end at or before JS index `cut`. */
function goldBefore(corpus, cut) {
  let n = 0;
  for (let base = 0; base < cut; base += corpus.text.length) {
    corpus.docs.forEach((d, i) => {
      const s = base + corpus.starts[i];
      if (s >= cut) return;
      for (const sp of d.spans) if (s + sp.end <= cut) n++;
    });
  }
  return n;
}

/** The corpus repeated as needed and cut at exactly `bytes` UTF-8 bytes (a char boundary). */
function sized(corpus, bytes, name) {
  const reps = Math.ceil(bytes / Buffer.byteLength(corpus.text)) || 1;
  const buf = Buffer.from(corpus.text.repeat(reps));
  let end = Math.min(bytes, buf.length);
  while (end > 0 && end < buf.length && (buf[end] & 0xc0) === 0x80) end--;
  const text = buf.subarray(0, end).toString('utf8');
  return described(name, text, goldBefore(corpus, text.length));
}

/** The first `words` whitespace-separated words of the corpus (repeated as needed). */
function firstWords(corpus, words, name) {
  let src = corpus.text;
  while ((src.match(/\S+/g) || []).length < words) src += corpus.text;
  const re = /\S+/g;
  let m = null;
  for (let i = 0; i < words; i++) m = re.exec(src);
  const text = src.slice(0, m.index + m[0].length);
  return described(name, text, goldBefore(corpus, text.length));
}

function described(name, text, gold) {
  return { name, text, gold, bytes: Buffer.byteLength(text), chars: text.length, words: (text.match(/\S+/g) || []).length };
}

/**
 * The texts: {source: 'shared' | 'fallback', provenance, article, words2000, mb1, mb10, short}.
 * `shared` defaults to $SHARED or ../shared next to the repository.
 */
export function loadTexts(shared = process.env.SHARED || path.join(ROOT, '../shared')) {
  const data = path.resolve(ROOT, shared, 'data');
  const files = ['conll2003/train.jsonl', 'conll2003/dev.jsonl', 'diplomacy/dev.jsonl', 'diplomacy/seed.jsonl'].map((f) => path.join(data, f));
  if (files.every(existsSync)) {
    const [train, dev, dipDev, seed] = files.map((f) => readJsonl(f).map((d) => doc(d.text, d.spans, d.id)));
    const all = join([...train, ...dev, ...dipDev, ...seed]);
    const a = train.find((d) => d.id === ARTICLE_ID);
    if (!a) throw new Error(`${files[0]}: no document ${ARTICLE_ID}`);
    return {
      source: 'shared',
      provenance:
        `Real news from ${path.relative(ROOT, data) || data} (research licence: measured, never shipped): ` +
        `2.5 KB article = CoNLL-2003 train document ${ARTICLE_ID} (Reuters 1996, "Israel plays down fears of war with Syria"); ` +
        '2,000 words = the diplomacy dev documents + seed article (Wikipedia, U.S. Government, kremlin.ru texts), first 2,000 words; ' +
        '1 MB / 10 MB = CoNLL-2003 train + dev + diplomacy dev + seed joined with blank lines, repeated and cut at 1,000,000 / 10,000,000 bytes (the texts of benches/native.rs). ' +
        'Expected counts: the gold actor + country + agreement spans inside each text.',
      article: described('article', a.text, a.spans.length),
      words2000: firstWords(join([...dipDev, ...seed]), 2000, 'words2000'),
      mb1: sized(all, 1_000_000, 'mb1'),
      mb10: sized(all, 10_000_000, 'mb10'),
      short: described('short', SHORT.text, SHORT.gold),
    };
  }
  const file = path.join(ROOT, 'benches/texts/fallback-article.txt');
  const art = parseMarked(readFileSync(file, 'utf8'), 'fallback');
  const all = join([art]);
  return {
    source: 'fallback',
    provenance:
      `${path.relative(ROOT, data)} not found: every text is built from benches/texts/fallback-article.txt (original prose written for this benchmark, spans marked by hand): ` +
      '2.5 KB article = the article; 2,000 words / 1 MB / 10 MB = the article repeated (blank line between copies) and cut. ' +
      'Expected counts: the hand-marked spans inside each text. Repeated text is less varied than real news: compare runs on the same texts only.',
    article: described('article', art.text, art.spans.length),
    words2000: firstWords(all, 2000, 'words2000'),
    mb1: sized(all, 1_000_000, 'mb1'),
    mb10: sized(all, 10_000_000, 'mb10'),
    short: described('short', SHORT.text, SHORT.gold),
  };
}

/** Throws unless `count` is within ±35 % of the text's gold spans (and non-zero). */
export function checkCount(what, t, count, tolerance = 0.35) {
  const ratio = count / t.gold;
  if (!(count > 0) || !(ratio >= 1 - tolerance && ratio <= 1 + tolerance)) {
    throw new Error(`${what}: ${count} annotations on ${t.name} is ${ratio.toFixed(2)}× its ${t.gold} gold spans (allowed ${1 - tolerance}–${1 + tolerance}): wrong answer`);
  }
  return ratio;
}
