// Download size and time to the first annotation, measured on what Chromium actually requests:
//   page        www/index.html (served as the site root) with a short draft restored from
//               localStorage, until its highlights are painted (the worker loads the engine);
//   widget      www/examples/render.html (<article-annotator> in render mode) until its first
//               `annotations-changed`; the widget's own figure leaves out the example page's
//               HTML, CSS and script;
//   compromise  the bench page importing compromise's ESM build and running it once.
// Every response body is compressed on its own, gzip -9 and brotli -11, as a server would send
// it (scripts/serve.py sends it uncompressed). Each load is a fresh context; the first-annotation
// times are medians of 5 loads (--quick: 3), the sizes come from the first.
//
//   node benches/browser/download.bench.mjs [--json target/bench/download.json] [--quick]
//
// Checks: the page and the widget show the number of annotations annotate() gives for the same
// text (within ±35 % of its hand count); compromise finds something.
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { benchPage, context, loadAverage, machine, median, printTable, quick, round, start, writeJson, exitOnFailures } from './harness.mjs';
import { checkCount, SHORT } from './texts.mjs';

const LOADS = quick ? 3 : 5;
const short = { ...SHORT, chars: SHORT.text.length };
const gz = (b) => gzipSync(b, { level: 9 }).length;
const br = (b) => brotliCompressSync(b, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: b.length } }).length;

/** Records every response of `ctx` (pages and their workers) with its body. */
function recorder(ctx, origin) {
  const list = [];
  ctx.on('response', (res) => {
    const url = res.url();
    if (!url.startsWith(origin) || url.includes('/__bench/')) return;
    list.push(
      res.body().then(
        (body) => ({ url: url.slice(origin.length), status: res.status(), type: res.headers()['content-type'] || '', body }),
        (e) => ({ url: url.slice(origin.length), status: res.status(), error: e.message }),
      ),
    );
  });
  return async () => {
    const all = await Promise.all(list);
    const bad = all.filter((r) => r.error || r.status !== 200);
    if (bad.length) throw new Error(`responses without a body: ${bad.map((r) => `${r.url} ${r.status} ${r.error ?? ''}`).join('; ')}`);
    return all.map((r) => ({ url: r.url, type: r.type.split(';')[0], raw: r.body.length, gz: gz(r.body), br: br(r.body) }));
  };
}

const sum = (files) => files.reduce((a, f) => ({ raw: a.raw + f.raw, gz: a.gz + f.gz, br: a.br + f.br, files: a.files + 1 }), { raw: 0, gz: 0, br: 0, files: 0 });

const env = await start('www');
const failures = [];
try {
  // ---- the page: a restored short draft, until its highlights are painted.
  const pageLoads = [];
  let pageFiles = null;
  for (let i = 0; i < LOADS; i++) {
    const ctx = await context(env);
    const done = recorder(ctx, env.url);
    await ctx.addInitScript((text) => {
      try {
        localStorage.setItem('annotator.draft.v1', text);
      } catch {}
      document.addEventListener('annotator:painted', (e) => {
        if (window.__firstPainted == null && e.detail.count > 0) window.__firstPainted = { at: performance.now(), count: e.detail.count };
      });
    }, short.text);
    const page = await ctx.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${env.url}/`);
    await page.waitForFunction(() => window.__firstPainted != null, null, { timeout: 30000 });
    // What was fetched up to the first annotation (before the check below imports the engine
    // once more in the page itself).
    if (i === 0) pageFiles = await done();
    const r = await page.evaluate(async () => {
      const m = await import('/pkg/annotator.js');
      await m.default();
      return { ...window.__firstPainted, direct: m.annotate(document.querySelector('#draft').value).length };
    });
    if (errors.length) throw new Error(`page errors: ${errors.join('; ')}`);
    if (r.count !== r.direct) failures.push(`page: shows ${r.count} annotations, annotate() gives ${r.direct}`);
    pageLoads.push(r);
    await ctx.close();
  }
  try {
    checkCount('page, first annotation', short, pageLoads[0].count);
  } catch (e) {
    failures.push(e.message);
  }

  // ---- the widget in render mode, until its first annotations-changed.
  const widgetLoads = [];
  let widgetFiles = null;
  for (let i = 0; i < LOADS; i++) {
    const ctx = await context(env);
    const done = recorder(ctx, env.url);
    await ctx.addInitScript(() => {
      document.addEventListener('annotations-changed', (e) => {
        if (window.__firstAnnotations == null) window.__firstAnnotations = { at: performance.now(), count: e.detail.annotations.length, text: e.detail.text };
      });
    });
    const page = await ctx.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${env.url}/examples/render.html`);
    await page.waitForFunction(() => window.__firstAnnotations != null, null, { timeout: 30000 });
    const r = await page.evaluate(() => window.__firstAnnotations);
    if (errors.length) throw new Error(`widget page errors: ${errors.join('; ')}`);
    if (!(r.count > 0)) failures.push('widget: no annotations in the render example');
    widgetLoads.push(r);
    if (i === 0) widgetFiles = await done();
    await ctx.close();
  }

  // ---- compromise: what the bench page fetches to import it and run it once.
  const compEnv = await start('.');
  let compFiles;
  try {
    const ctx = await context(compEnv);
    const done = recorder(ctx, compEnv.url);
    const page = await benchPage(compEnv, ctx);
    const r = await page.evaluate((t) => window.bench.compromiseColdStart(t, 'download'), short.text);
    if (!(r.count > 0)) failures.push('compromise found nothing in the short text');
    compFiles = (await done()).filter((f) => f.url.startsWith('/node_modules/'));
    await ctx.close();
  } finally {
    await compEnv.close();
  }

  const page = sum(pageFiles);
  const widgetOwn = widgetFiles.filter((f) => !/^\/examples\/(render\.(html|js)|examples\.css)$/.test(f.url.split('?')[0]));
  const widget = sum(widgetOwn);
  const widgetAll = sum(widgetFiles);
  const comp = sum(compFiles);
  const engine = sum(pageFiles.filter((f) => f.url.startsWith('/pkg/')));
  const wasm = sum(pageFiles.filter((f) => f.url.endsWith('.wasm')));
  const result = {
    download_gz_bytes: page.gz,
    download_br_bytes: page.br,
    download_raw_bytes: page.raw,
    download_requests: page.files,
    engine_gz_bytes: engine.gz,
    engine_br_bytes: engine.br,
    wasm_gz_bytes: wasm.gz,
    wasm_br_bytes: wasm.br,
    widget_download_gz_bytes: widget.gz,
    widget_download_br_bytes: widget.br,
    widget_download_raw_bytes: widget.raw,
    widget_example_download_gz_bytes: widgetAll.gz,
    compromise_gz_bytes: comp.gz,
    compromise_br_bytes: comp.br,
    compromise_raw_bytes: comp.raw,
    download_vs_compromise_gz: round(comp.gz / page.gz, 2),
    page_first_highlight_ms: round(median(pageLoads.map((r) => r.at)), 1),
    page_first_highlight_samples_ms: pageLoads.map((r) => round(r.at, 1)),
    widget_first_annotation_ms: round(median(widgetLoads.map((r) => r.at)), 1),
    widget_first_annotation_samples_ms: widgetLoads.map((r) => round(r.at, 1)),
    download_files: { page: pageFiles, widget: widgetFiles, compromise: compFiles },
    download_machine: machine(env.browser.version()),
    download_load_average: loadAverage(),
    download_definitions: {
      download: 'every response Chromium received for www/index.html until the first highlights of a restored 124-character draft were painted (page, worker, engine), each body gzip -9 / brotli -11 on its own',
      widget_download: 'the same for www/examples/render.html until the widget’s first annotations-changed, without the example page’s own HTML, CSS and script',
      compromise: 'compromise’s ESM build as imported by the bench page (one file)',
      first_highlight: 'navigation start → first frame painted with highlights (page) / first annotations-changed (widget), fresh context, localhost without compression',
    },
  };

  const KiB = (n) => round(n / 1024, 1);
  console.log(`what Chromium downloads for the first annotation — ${result.download_machine}`);
  printTable(
    ['file', 'raw KiB', 'gz KiB', 'br KiB'],
    [
      ...pageFiles.map((f) => [`  page: ${f.url}`, KiB(f.raw), KiB(f.gz), KiB(f.br)]),
      [`page total (${page.files} requests)`, KiB(page.raw), KiB(page.gz), KiB(page.br)],
      [`  of which the engine (/pkg/)`, KiB(engine.raw), KiB(engine.gz), KiB(engine.br)],
      [`widget: <article-annotator> + engine (${widget.files} requests)`, KiB(widget.raw), KiB(widget.gz), KiB(widget.br)],
      [`widget example page, all (${widgetAll.files} requests)`, KiB(widgetAll.raw), KiB(widgetAll.gz), KiB(widgetAll.br)],
      [`compromise ESM build (${comp.files} request)`, KiB(comp.raw), KiB(comp.gz), KiB(comp.br)],
    ],
  );
  console.log(`  page: first highlights painted ${result.page_first_highlight_ms} ms after navigation (median of ${LOADS}: ${result.page_first_highlight_samples_ms.join(', ')})`);
  console.log(`  widget: first annotations ${result.widget_first_annotation_ms} ms after navigation (median of ${LOADS}: ${result.widget_first_annotation_samples_ms.join(', ')})`);
  writeJson(result);
} finally {
  await env.close();
}
exitOnFailures(failures);
