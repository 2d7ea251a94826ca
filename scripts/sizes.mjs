#!/usr/bin/env node
// Static download sizes (gzip -9 and brotli -11, each file compressed on its own as a server
// would send it) of the files the page and the widget ship, next to compromise's bundle measured
// the same way. Run after `make pkg`. What Chromium actually requests for a first annotation is
// measured by benches/browser/download.bench.mjs; this is the file-based cross-check.
//   node scripts/sizes.mjs [--json FILE]
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const www = (...p) => path.join(ROOT, 'www', ...p);
const js = (dir) => readdirSync(www(dir)).filter((f) => f.endsWith('.js')).map((f) => www(dir, f));
const COMPROMISE = path.join(ROOT, 'node_modules/compromise/builds/three/compromise-three.mjs');

// The widget's own modules, as scripts/widget_size.mjs finds them (static imports from the entry).
const widget = execFileSync(process.execPath, [path.join(ROOT, 'scripts/widget_size.mjs'), '--list'], { encoding: 'utf8' })
  .split('\n')
  .filter(Boolean)
  .map((f) => www(f));

/** wasm-bindgen's JS snippets, imported by the glue. */
function snippets() {
  const dir = www('pkg/snippets');
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true }).filter((f) => f.endsWith('.js')).map((f) => path.join(dir, f));
}

const groups = {
  wasm: [www('pkg/annotator_bg.wasm')],
  glue: [www('pkg/annotator.js'), ...snippets()],
  page: [www('index.html'), www('style.css'), ...js('app'), ...js('lib')],
  widget,
  compromise: existsSync(COMPROMISE) ? [COMPROMISE] : [],
};

const sizes = (files) =>
  files.reduce(
    (acc, f) => {
      const buf = readFileSync(f);
      acc.raw += buf.length;
      acc.gz += gzipSync(buf, { level: 9 }).length;
      acc.br += brotliCompressSync(buf, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: buf.length } }).length;
      return acc;
    },
    { raw: 0, gz: 0, br: 0 },
  );
const plus = (...xs) => xs.reduce((a, b) => ({ raw: a.raw + b.raw, gz: a.gz + b.gz, br: a.br + b.br }), { raw: 0, gz: 0, br: 0 });

const s = Object.fromEntries(Object.entries(groups).map(([k, files]) => [k, sizes(files)]));
const engine = plus(s.wasm, s.glue);
const page = plus(engine, s.page);
const widgetAll = plus(engine, s.widget);

const kb = (n) => (n / 1024).toFixed(1).padStart(8);
console.log(`${'files'.padEnd(48)}${'raw KiB'.padStart(8)}${'gz KiB'.padStart(8)}${'br KiB'.padStart(8)}`);
for (const [name, x] of [
  ['wasm (www/pkg/annotator_bg.wasm)', s.wasm],
  ['JS glue (www/pkg/annotator.js)', s.glue],
  ['engine: wasm + glue', engine],
  ['page files (index.html, style.css, app/, lib/)', s.page],
  ['page + engine', page],
  ['widget modules (article-annotator.js, lib/)', s.widget],
  ['widget + engine', widgetAll],
  ['compromise (builds/three/compromise-three.mjs)', s.compromise],
]) {
  console.log(`${name.padEnd(48)}${kb(x.raw)}${kb(x.gz)}${kb(x.br)}`);
}
if (!groups.compromise.length) console.log('(compromise is not installed: npm install)');

const i = process.argv.indexOf('--json');
if (i > 0) {
  writeFileSync(
    process.argv[i + 1],
    `${JSON.stringify(
      {
        static_wasm_raw_bytes: s.wasm.raw,
        static_wasm_gz_bytes: s.wasm.gz,
        static_wasm_br_bytes: s.wasm.br,
        static_engine_gz_bytes: engine.gz,
        static_engine_br_bytes: engine.br,
        static_page_gz_bytes: page.gz,
        static_page_br_bytes: page.br,
        static_widget_gz_bytes: widgetAll.gz,
        static_widget_br_bytes: widgetAll.br,
        ...(groups.compromise.length ? { static_compromise_raw_bytes: s.compromise.raw, static_compromise_gz_bytes: s.compromise.gz, static_compromise_br_bytes: s.compromise.br } : {}),
      },
      null,
      2,
    )}\n`,
  );
}
