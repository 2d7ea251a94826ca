// In-page side of the Chromium benchmarks (bench.html; development only, never shipped).
// The drivers (*.bench.mjs) call `window.bench.*` with page.evaluate; all timing happens here,
// with performance.now(). Chromium coarsens that clock to 0.1 ms on a page that is not
// cross-origin isolated, so short calls are timed in batches of ≥ 25 ms and divided.

const ENGINE = '/www/pkg/annotator.js';
const WASM = '/www/pkg/annotator_bg.wasm';
const COMPROMISE = '/node_modules/compromise/builds/three/compromise-three.mjs';
const BATCH_MS = 25;

const texts = new Map();
let engine = null; // {module, exports}
let nlp = null;

const now = () => performance.now();

async function text(name) {
  if (!texts.has(name)) {
    const r = await fetch(`/__bench/text/${encodeURIComponent(name)}`);
    if (!r.ok) throw new Error(`text ${name}: HTTP ${r.status}`);
    texts.set(name, await r.text());
  }
  return texts.get(name);
}

/** Loads the engine (glue + wasm). `bust` makes both URLs unique: a fresh module instance. */
async function loadEngine(bust) {
  const q = bust == null ? '' : `?cold=${encodeURIComponent(bust)}`;
  const t0 = now();
  // As the page's worker does: the wasm is fetched and compiled while the glue loads.
  const compiled = WebAssembly.compileStreaming(fetch(WASM + q));
  const module = await import(ENGINE + q);
  const t1 = now();
  const exports = await module.default({ module_or_path: await compiled });
  const t2 = now();
  engine = { module, exports };
  return { import_ms: t1 - t0, init_ms: t2 - t1, memory_bytes: exports.memory.buffer.byteLength };
}

async function loadCompromise(bust) {
  const q = bust == null ? '' : `?cold=${encodeURIComponent(bust)}`;
  nlp = (await import(COMPROMISE + q)).default;
}

/** Our engine on `t`: the number of annotations (all three labels). */
const ours = (t) => engine.module.annotate(t).length;

/**
 * Diagnostic: the engine with `labels: []`, which does all the work and then keeps nothing, so
 * no result objects are built. ours − bare = the cost of handing the annotations to JS.
 */
const bare = (t) => engine.module.annotate(t, { labels: [] }).length;

/** compromise on `t`: people + places + organizations, made into arrays so the work is done. */
function theirs(t) {
  const doc = nlp(t);
  return doc.people().out('array').length + doc.places().out('array').length + doc.organizations().out('array').length;
}

/** Calls per batch so that a batch lasts about BATCH_MS (estimated over a BATCH_MS loop). */
function batchSize(fn, t) {
  let n = 0;
  const t0 = now();
  do {
    fn(t);
    n++;
  } while (now() - t0 < BATCH_MS);
  return Math.max(1, Math.ceil(BATCH_MS / ((now() - t0) / n)));
}

/**
 * Times `n` calls; ms per call. With `expected`, throws if any call finds another number of
 * annotations (so every timed call is checked, not only the warm-up).
 */
function batch(fn, t, n, expected) {
  let found = 0;
  const t0 = now();
  for (let i = 0; i < n; i++) found += fn(t);
  const ms = (now() - t0) / n;
  if (expected != null && found !== expected * n) throw new Error(`a timed call found ${found / n} on average, not ${expected}`);
  return ms;
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

/**
 * Cold start: fetch + compile + instantiate the engine, then its first annotation of `short`
 * (the gazetteers are built on first use). Call once per fresh page.
 */
async function coldStart(short, bust) {
  const t0 = now();
  const load = await loadEngine(bust);
  const t1 = now();
  const count = ours(short);
  const t2 = now();
  const again = batch(ours, short, 1);
  return { total_ms: t2 - t0, import_ms: load.import_ms, init_ms: load.init_ms, first_annotate_ms: t2 - t1, second_annotate_ms: again, count };
}

/** The same for compromise: import its ESM build, then people/places/organizations of `short`. */
async function compromiseColdStart(short, bust) {
  const t0 = now();
  await loadCompromise(bust);
  const t1 = now();
  const count = theirs(short);
  const t2 = now();
  return { total_ms: t2 - t0, import_ms: t1 - t0, first_annotate_ms: t2 - t1, count };
}

/**
 * Our engine and compromise on the same text, interleaved in rounds so that both see the same
 * machine: each round times `oursPerRound` batches of ours, then one batch of compromise.
 * Rounds go on until `minRounds` are done and `budgetMs` has passed (at most `maxRounds`).
 * Both first run a warm-up (JIT tiers, lazily built tables), whose count the driver checks
 * against the gold spans; every timed call must find the same number.
 */
async function compare(name, { minRounds = 5, maxRounds = 200, budgetMs = 3000, oursPerRound = 3, warmupMs = 300 } = {}) {
  const t = await text(name);
  if (!engine) await loadEngine();
  if (!nlp) await loadCompromise();

  let t0 = now();
  const oursCount = ours(t);
  const oursFirst = now() - t0;
  while (now() - t0 < warmupMs) ours(t);
  t0 = now();
  const theirsCount = theirs(t);
  const theirsFirst = now() - t0;

  const oursN = batchSize(ours, t);
  const theirsN = theirsFirst >= BATCH_MS ? 1 : batchSize(theirs, t);
  let bareN = 0;
  try {
    bareN = batchSize(bare, t);
  } catch {
    bareN = 0; // the options changed: skip the diagnostic
  }
  const a = [];
  const b = [];
  const c = [];
  const start = now();
  for (let r = 0; r < maxRounds && (r < minRounds || now() - start < budgetMs); r++) {
    for (let k = 0; k < oursPerRound; k++) a.push(batch(ours, t, oursN, oursCount));
    if (bareN) c.push(batch(bare, t, bareN, 0));
    b.push(batch(theirs, t, theirsN, theirsCount));
    await new Promise((resolve) => setTimeout(resolve, 20)); // idle time: lets GC of one not land in the other
  }
  return {
    chars: t.length,
    ours: { count: oursCount, median_ms: median(a), min_ms: Math.min(...a), first_ms: oursFirst, batch: oursN, samples: a.length },
    bare: bareN ? { median_ms: median(c), samples: c.length, batch: bareN } : null,
    theirs: { count: theirsCount, median_ms: median(b), min_ms: Math.min(...b), first_ms: theirsFirst, batch: theirsN, samples: b.length },
  };
}

/** Our engine alone on `name`, `runs` times after one warm-up: median ms and count. */
async function oursOnly(name, runs = 3) {
  const t = await text(name);
  if (!engine) await loadEngine();
  const count = ours(t);
  const xs = [];
  for (let i = 0; i < runs; i++) xs.push(batch(ours, t, 1, count));
  return { chars: t.length, count, median_ms: median(xs), runs: xs };
}

/**
 * Linear memory of a fresh engine instance before and after annotating `name` (once, then once
 * more to see whether it keeps growing). Call on a fresh page.
 */
async function memory(name) {
  const t = await text(name);
  const load = await loadEngine(`mem-${name}`);
  const mem = () => engine.exports.memory.buffer.byteLength;
  const before = mem();
  const t0 = now();
  const count = ours(t);
  const first = now() - t0;
  const after = mem();
  const t1 = now();
  ours(t);
  const second = now() - t1;
  return { chars: t.length, count, initial_bytes: load.memory_bytes, before_bytes: before, after_bytes: after, after_second_bytes: mem(), first_ms: first, second_ms: second };
}

window.bench = { text, loadEngine, loadCompromise, coldStart, compromiseColdStart, compare, oursOnly, memory };
window.benchReady = true;
