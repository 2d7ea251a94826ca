// Memory in headless Chromium: the engine's wasm linear memory (`memory.buffer.byteLength` of
// the instance init() returns) after annotating 1 MB and 10 MB of news text, each in a fresh
// context and a fresh instance. Linear memory never shrinks, so this is the peak the text
// needed. Also reported: the memory right after init, and after a second call on the same text
// (it should not keep growing).
//
//   node benches/browser/memory.bench.mjs [--json target/bench/memory.json]
//
// Checks: the count within ±35 % of the gold spans of the same text.
import { benchPage, context, loadAverage, machine, printTable, round, start, writeJson, exitOnFailures } from './harness.mjs';
import { checkCount, loadTexts } from './texts.mjs';

const texts = loadTexts();
const env = await start();
const failures = [];
const MiB = 2 ** 20;
try {
  const runs = {};
  for (const t of [texts.mb1, texts.mb10]) {
    const ctx = await context(env, [t]);
    const page = await benchPage(env, ctx);
    const r = await page.evaluate((name) => window.bench.memory(name), t.name);
    if (page.errors.length) throw new Error(`page errors: ${page.errors.join('; ')}`);
    await ctx.close();
    try {
      checkCount('wasm annotate', t, r.count);
    } catch (e) {
      failures.push(e.message);
    }
    runs[t.name] = { ...r, bytes: t.bytes, gold: t.gold };
  }
  const { mb1, mb10 } = runs;
  const result = {
    wasm_memory_bytes_initial: mb1.initial_bytes,
    wasm_memory_bytes_1mb: mb1.after_bytes,
    wasm_memory_bytes_10mb: mb10.after_bytes,
    wasm_memory_over_text_1mb: round(mb1.after_bytes / mb1.bytes, 2),
    wasm_memory_over_text_10mb: round(mb10.after_bytes / mb10.bytes, 2),
    wasm_memory_bytes_10mb_second_call: mb10.after_second_bytes,
    memory_runs: Object.fromEntries(Object.entries(runs).map(([k, r]) => [k, { text_bytes: r.bytes, annotations: r.count, gold_spans: r.gold, initial_bytes: r.initial_bytes, after_bytes: r.after_bytes, after_second_call_bytes: r.after_second_bytes, first_call_ms: round(r.first_ms, 1), second_call_ms: round(r.second_ms, 1) }])),
    memory_machine: machine(env.browser.version()),
    memory_load_average: loadAverage(),
  };
  console.log(`wasm linear memory, fresh instance per text — ${result.memory_machine}`);
  printTable(
    ['text', 'text MiB', 'after init MiB', 'after annotate MiB', '× text', 'after 2nd call MiB', 'annot.', 'gold', '1st call ms'],
    [mb1, mb10].map((r) => [r === mb1 ? '1 MB' : '10 MB', round(r.bytes / MiB, 2), round(r.initial_bytes / MiB, 2), round(r.after_bytes / MiB, 2), round(r.after_bytes / r.bytes, 2), round(r.after_second_bytes / MiB, 2), r.count, r.gold, round(r.first_ms, 1)]),
  );
  writeJson(result);
} finally {
  await env.close();
}
exitOnFailures(failures);
