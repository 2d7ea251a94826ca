// Throughput in headless Chromium, side by side in one page and one run: our wasm `annotate`
// vs compromise (npm, dev-only; `nlp(text)` then `.people()`, `.places()`, `.organizations()`
// made into arrays) on the same texts: a 2.5 KB article, a 2,000-word article and 1 MB. Then
// our engine alone on 10 MB in the same (warm) page, for the wasm scaling figure.
//
//   node benches/browser/compare.bench.mjs [--json target/bench/compare.json] [--quick]
//
// The two are timed in alternating rounds (see bench-page.js), so a busy neighbour slows both.
// Checks: our count within ±35 % of the gold spans of the same text; compromise non-zero.
// Texts and their provenance: benches/browser/texts.mjs.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { benchPage, context, loadAverage, machine, mbps, printTable, quick, round, start, writeJson, exitOnFailures } from './harness.mjs';
import { checkCount, loadTexts, ROOT } from './texts.mjs';

const texts = loadTexts();
const compromiseVersion = JSON.parse(readFileSync(path.join(ROOT, 'node_modules/compromise/package.json'), 'utf8')).version;
const PLAN = [
  { t: texts.article, label: '2.5 KB article', opts: { minRounds: quick ? 5 : 15, budgetMs: quick ? 1000 : 4000, oursPerRound: 3 } },
  { t: texts.words2000, label: '2,000-word article', opts: { minRounds: quick ? 3 : 10, budgetMs: quick ? 1000 : 4000, oursPerRound: 3 } },
  { t: texts.mb1, label: '1 MB', opts: { minRounds: quick ? 1 : 3, budgetMs: 0, oursPerRound: 5, warmupMs: 500 } },
];

const loadBefore = loadAverage();
const env = await start();
const failures = [];
try {
  const ctx = await context(env, [texts.article, texts.words2000, texts.mb1, texts.mb10]);
  const page = await benchPage(env, ctx);
  const rows = [];
  const out = {};
  for (const { t, label, opts } of PLAN) {
    process.stdout.write(`  ${label}: `);
    const r = await page.evaluate(([name, o]) => window.bench.compare(name, o), [t.name, opts]);
    if (r.chars !== t.chars) throw new Error(`${t.name}: the page got ${r.chars} characters, expected ${t.chars}`);
    const ours = { ms: r.ours.median_ms, mbps: mbps(t.bytes, r.ours.median_ms) };
    const theirs = { ms: r.theirs.median_ms, mbps: mbps(t.bytes, r.theirs.median_ms) };
    const ratio = theirs.ms / ours.ms;
    let ok = '✓';
    try {
      checkCount(`wasm annotate`, t, r.ours.count);
    } catch (e) {
      failures.push(e.message);
      ok = '✗ count';
    }
    if (!(r.theirs.count > 0)) {
      failures.push(`compromise found nothing in ${t.name}: it did not run`);
      ok = '✗ count';
    }
    console.log(`ours ${round(ours.ms, 3)} ms, compromise ${round(theirs.ms, 1)} ms`);
    rows.push([label, t.bytes, round(ours.ms, 3), round(ours.mbps, 1), r.bare ? round(r.bare.median_ms, 3) : '', r.ours.count, round(theirs.ms, 1), round(theirs.mbps, 3), r.theirs.count, t.gold, `${round(ratio, 0)}×`, ok]);
    out[t.name] = {
      bytes: t.bytes,
      words: t.words,
      gold_spans: t.gold,
      wasm_ms: round(ours.ms, 4),
      wasm_mb_per_s: round(ours.mbps, 2),
      wasm_annotations: r.ours.count,
      wasm_min_ms: round(r.ours.min_ms, 4),
      wasm_first_call_ms: round(r.ours.first_ms, 3),
      wasm_no_results_ms: r.bare ? round(r.bare.median_ms, 4) : null,
      wasm_results_to_js_share: r.bare ? round(Math.max(0, 1 - r.bare.median_ms / ours.ms), 2) : null,
      wasm_samples: r.ours.samples,
      wasm_calls_per_sample: r.ours.batch,
      compromise_ms: round(theirs.ms, 3),
      compromise_mb_per_s: round(theirs.mbps, 4),
      compromise_matches: r.theirs.count,
      compromise_min_ms: round(r.theirs.min_ms, 3),
      compromise_first_call_ms: round(r.theirs.first_ms, 2),
      compromise_samples: r.theirs.samples,
      compromise_calls_per_sample: r.theirs.batch,
      wasm_vs_compromise: round(ratio, 1),
    };
  }

  // Our engine alone on 10 MB, same page (warm), and the 1 MB figure of the same page.
  process.stdout.write('  10 MB (ours only): ');
  const ten = await page.evaluate(([name, runs]) => window.bench.oursOnly(name, runs), [texts.mb10.name, quick ? 1 : 3]);
  let okTen = '✓';
  try {
    checkCount('wasm annotate', texts.mb10, ten.count);
  } catch (e) {
    failures.push(e.message);
    okTen = '✗ count';
  }
  console.log(`${round(ten.median_ms, 1)} ms`);
  rows.push(['10 MB (ours only)', texts.mb10.bytes, round(ten.median_ms, 1), round(mbps(texts.mb10.bytes, ten.median_ms), 1), '', ten.count, '', '', '', texts.mb10.gold, '', okTen]);
  if (page.errors.length) throw new Error(`page errors: ${page.errors.join('; ')}`);
  const browserVersion = env.browser.version();

  const result = {
    wasm_mb_per_s: out.mb1.wasm_mb_per_s,
    compromise_mb_per_s: out.mb1.compromise_mb_per_s,
    wasm_vs_compromise: out.mb1.wasm_vs_compromise,
    wasm_article_ms: out.article.wasm_ms,
    compromise_article_ms: out.article.compromise_ms,
    wasm_vs_compromise_article: out.article.wasm_vs_compromise,
    wasm_2000_words_ms: out.words2000.wasm_ms,
    compromise_2000_words_ms: out.words2000.compromise_ms,
    wasm_vs_compromise_2000_words: out.words2000.wasm_vs_compromise,
    wasm_1mb_no_results_ms: out.mb1.wasm_no_results_ms,
    wasm_1mb_results_to_js_share: out.mb1.wasm_results_to_js_share,
    wasm_article_results_to_js_share: out.article.wasm_results_to_js_share,
    wasm_10mb_ms: round(ten.median_ms, 2),
    wasm_10mb_mb_per_s: round(mbps(texts.mb10.bytes, ten.median_ms), 2),
    wasm_scaling_10mb_over_1mb: round(ten.median_ms / out.mb1.wasm_ms, 2),
    compare: { ...out, mb10: { bytes: texts.mb10.bytes, gold_spans: texts.mb10.gold, wasm_ms: round(ten.median_ms, 2), wasm_annotations: ten.count, wasm_runs_ms: ten.runs.map((x) => round(x, 1)) } },
    compromise_version: compromiseVersion,
    compare_texts: texts.source,
    compare_provenance: texts.provenance,
    compare_machine: machine(browserVersion),
    browser_version: browserVersion,
    compare_load_average: { before: loadBefore, after: loadAverage() },
    compare_definitions: {
      wasm_ms: 'median time of one annotate(text) call (all three labels; plain JS objects out), timed in batches of ≥ 25 ms',
      compromise_ms: "median time of nlp(text) + .people()/.places()/.organizations() each .out('array')",
      wasm_vs_compromise: 'compromise time / our time on the same text, in the same page, timed in alternating rounds',
      headline: 'wasm_mb_per_s, compromise_mb_per_s and wasm_vs_compromise are the 1 MB row',
      wasm_no_results_ms: 'diagnostic: annotate(text, {labels: []}) — the same engine work, no result objects built; results_to_js_share = 1 − that / wasm_ms, the share of the time spent handing annotations to JS',
    },
  };

  console.log(`\nour wasm vs compromise ${compromiseVersion} in one Chromium page — ${result.compare_machine}`);
  printTable(['text', 'bytes', 'ours ms', 'MB/s', 'no-results ms', 'annot.', 'compromise ms', 'MB/s', 'matches', 'gold', 'ratio', 'check'], rows);
  console.log('  no-results ms: the same call with {labels: []} (engine work only, no result objects: a diagnostic)');
  console.log(`  texts: ${texts.provenance}`);
  writeJson(result);
} finally {
  await env.close();
}
exitOnFailures(failures);
