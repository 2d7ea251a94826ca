// Cold start in headless Chromium: from nothing to the first annotation of a short text —
// fetch the JS glue and the wasm, compile, instantiate, build the data on first use, annotate.
// Each sample is a fresh browser context (empty HTTP and compiled-code caches; the server also
// sends Cache-Control: no-store, and the URLs carry a unique query) and a fresh page; the clock
// starts in the loaded bench page, just before `import()` of the glue. compromise is measured the
// same way (import its ESM build, first nlp(...) with people/places/organizations), alternating
// with ours sample by sample.
//
//   node benches/browser/coldstart.bench.mjs [--json target/bench/coldstart.json] [--quick]
//
// Checks: our count on the short text within ±35 % of its 6 hand-counted spans, the same count
// in every sample; compromise finds something.
import { benchPage, context, loadAverage, machine, median, printTable, quick, round, start, writeJson, exitOnFailures } from './harness.mjs';
import { checkCount, SHORT } from './texts.mjs';

const SAMPLES = quick ? 5 : 11;
const short = { ...SHORT, chars: SHORT.text.length };

const loadBefore = loadAverage();
const env = await start();
const failures = [];
const ours = [];
const theirs = [];
try {
  for (let i = 0; i < SAMPLES; i++) {
    for (const who of ['ours', 'compromise']) {
      const ctx = await context(env);
      const page = await benchPage(env, ctx);
      const bust = `${Date.now()}-${i}`;
      const r = who === 'ours'
        ? await page.evaluate(([t, b]) => window.bench.coldStart(t, b), [short.text, bust])
        : await page.evaluate(([t, b]) => window.bench.compromiseColdStart(t, b), [short.text, bust]);
      if (page.errors.length) throw new Error(`page errors: ${page.errors.join('; ')}`);
      (who === 'ours' ? ours : theirs).push(r);
      await ctx.close();
    }
  }
  try {
    checkCount('cold start, wasm annotate', short, ours[0].count);
    if (new Set(ours.map((r) => r.count)).size !== 1) throw new Error(`cold start: the count changed between samples (${ours.map((r) => r.count).join(', ')})`);
  } catch (e) {
    failures.push(e.message);
  }
  if (!theirs.every((r) => r.count > 0)) failures.push('cold start: compromise found nothing in the short text');

  const m = (xs, k) => round(median(xs.map((r) => r[k])), 2);
  const result = {
    cold_start_ms: m(ours, 'total_ms'),
    cold_start_import_glue_ms: m(ours, 'import_ms'),
    cold_start_init_wasm_ms: m(ours, 'init_ms'),
    cold_start_first_annotate_ms: m(ours, 'first_annotate_ms'),
    warm_short_annotate_ms: m(ours, 'second_annotate_ms'),
    cold_start_samples_ms: ours.map((r) => round(r.total_ms, 1)),
    compromise_cold_start_ms: m(theirs, 'total_ms'),
    compromise_cold_start_import_ms: m(theirs, 'import_ms'),
    compromise_cold_start_first_call_ms: m(theirs, 'first_annotate_ms'),
    compromise_cold_start_samples_ms: theirs.map((r) => round(r.total_ms, 1)),
    cold_start_annotations: ours[0].count,
    compromise_cold_start_matches: theirs[0].count,
    cold_start_machine: machine(env.browser.version()),
    cold_start_load_average: { before: loadBefore, after: loadAverage() },
    cold_start_definition: `median of ${SAMPLES} fresh contexts: import() of the glue (fetch + evaluate) → init() (fetch + compile + instantiate the wasm) → first annotate() of a ${short.text.length}-character sentence returns; served from localhost without compression (no network time to speak of)`,
  };
  console.log(`cold start, median of ${SAMPLES} fresh contexts — ${result.cold_start_machine}`);
  printTable(
    ['', 'total ms', 'import ms', 'init ms', 'first call ms', 'count'],
    [
      ['ours (glue + wasm + data)', result.cold_start_ms, result.cold_start_import_glue_ms, result.cold_start_init_wasm_ms, result.cold_start_first_annotate_ms, result.cold_start_annotations],
      ['compromise (ESM build)', result.compromise_cold_start_ms, result.compromise_cold_start_import_ms, '', result.compromise_cold_start_first_call_ms, result.compromise_cold_start_matches],
    ],
  );
  console.log(`  ours, every sample: ${result.cold_start_samples_ms.join(', ')} ms; a warm call on the same text: ${result.warm_short_annotate_ms} ms`);
  writeJson(result);
} finally {
  await env.close();
}
exitOnFailures(failures);
