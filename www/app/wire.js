// How the worker hands annotations to the page. Structured-cloning an array of annotation
// objects costs the page's main thread about 1 µs per annotation when the message arrives
// (≈ 0.5 s for the 300,000 annotations of a 10 MB paste, a frozen page). So the worker sends
// columns instead: [start, end, kind] as one Int32Array plus a small table of the distinct
// {label, type, entity, name, country} kinds, and the page rebuilds the same objects (the
// engine's own JS glue makes `text` as `input.slice(start, end)` too) in a few milliseconds.
// Anything unexpected (a field this does not know, a text that is not the slice) is sent as
// plain objects, so the page always gets exactly what the engine returned.

const KIND_FIELDS = ['label', 'type', 'entity', 'name', 'country'];
const KNOWN = new Set(['start', 'end', 'text', ...KIND_FIELDS]);

/**
 * In the worker. @returns {{annotations: Array} | {n: number, cols: Int32Array, kinds: Array}}
 */
export function pack(annotations, text) {
  const n = annotations.length;
  const cols = new Int32Array(n * 3);
  const kinds = [];
  const ids = new Map();
  for (let i = 0; i < n; i++) {
    const a = annotations[i];
    for (const k in a) if (!KNOWN.has(k)) return { annotations };
    if (a.text !== text.slice(a.start, a.end)) return { annotations };
    const key = `${a.label}\u0000${a.type}\u0000${a.entity}\u0000${a.name}\u0000${'country' in a ? `+${a.country}` : '-'}`;
    let id = ids.get(key);
    if (id === undefined) {
      id = kinds.length;
      ids.set(key, id);
      const kind = {};
      for (const f of KIND_FIELDS) if (f in a) kind[f] = a[f];
      kinds.push(kind);
    }
    cols[i * 3] = a.start;
    cols[i * 3 + 1] = a.end;
    cols[i * 3 + 2] = id;
  }
  return { n, cols, kinds };
}

/** In the page: the annotations `pack(annotations, text)` stands for. */
export function unpack(packed, text) {
  if (packed.annotations) return packed.annotations;
  return rebuild(new Array(packed.n), packed, text, 0, packed.n);
}

/**
 * unpack() in slices of `slice` annotations, yielding to the page between them: rebuilding the
 * 300,000 annotations of a 10 MB text (and collecting the garbage it makes) at once blocks input
 * for a few hundred milliseconds.
 */
export async function unpackInSlices(packed, text, slice = 20_000) {
  if (packed.annotations || packed.n <= slice) return unpack(packed, text);
  const out = new Array(packed.n);
  for (let from = 0; from < packed.n; from += slice) {
    if (from > 0) await yieldToPage();
    rebuild(out, packed, text, from, Math.min(packed.n, from + slice));
  }
  return out;
}

function rebuild(out, { cols, kinds }, text, from, to) {
  for (let i = from; i < to; i++) {
    const start = cols[i * 3];
    const end = cols[i * 3 + 1];
    const k = kinds[cols[i * 3 + 2]];
    const a = { start, end, label: k.label, type: k.type, text: text.slice(start, end), entity: k.entity, name: k.name };
    if ('country' in k) a.country = k.country;
    out[i] = a;
  }
  return out;
}

const yieldToPage = () => (globalThis.scheduler?.yield ? globalThis.scheduler.yield() : new Promise((resolve) => setTimeout(resolve, 0)));

// A faster lane for small results, when the page is cross-origin isolated (`make serve` sends
// the headers): the worker also writes the packed result into a SharedArrayBuffer the page
// gave it, so the page can take it synchronously in its `input` handler or at the start of the
// next frame, instead of waiting for a message, which Chromium delivers only after it has
// drawn the frame for the keystroke. Layout, in 32-bit words: [id, n, ms·1000, kinds length,
// n × (start, end, kind)], then the kinds as JSON in UTF-16 units. `id` is written last (0
// while the rest is being written), so a reader that sees its id sees the whole result.
export const SHARED_BYTES = 1 << 20;
const HEAD = 4;

/** In the worker: stores `packed` (from pack()) for request `id`; false if it does not fit. */
export function writeShared(buffer, id, packed, ms) {
  if (!packed.cols) return false;
  const json = JSON.stringify(packed.kinds);
  const words = HEAD + packed.cols.length;
  if (words * 4 + json.length * 2 > buffer.byteLength) return false;
  const i32 = new Int32Array(buffer);
  Atomics.store(i32, 0, 0);
  i32[1] = packed.n;
  i32[2] = Math.round(ms * 1000);
  i32[3] = json.length;
  i32.set(packed.cols, HEAD);
  const u16 = new Uint16Array(buffer, words * 4, json.length);
  for (let k = 0; k < json.length; k++) u16[k] = json.charCodeAt(k);
  Atomics.store(i32, 0, id);
  return true;
}

/** In the page: the annotations of request `id` for `text` if they are stored, else null. */
export function readShared(buffer, id, text) {
  const i32 = new Int32Array(buffer);
  if (Atomics.load(i32, 0) !== id) return null;
  const n = i32[1];
  const ms = i32[2] / 1000;
  const len = i32[3];
  const cols = i32.slice(HEAD, HEAD + 3 * n);
  const u16 = new Uint16Array(buffer, (HEAD + 3 * n) * 4, len);
  let json = '';
  for (let k = 0; k < len; k += 8192) json += String.fromCharCode.apply(null, u16.slice(k, Math.min(len, k + 8192)));
  if (Atomics.load(i32, 0) !== id) return null; // overwritten meanwhile (cannot happen: see engine.js)
  return { annotations: unpack({ n, cols, kinds: JSON.parse(json) }, text), ms };
}
