#!/usr/bin/env node
// Size of the <article-annotator> widget's own JavaScript: www/article-annotator.js and every
// module it imports (www/widget/*, www/lib/*), gzip -9, excluding the engine (www/pkg/*: the
// wasm-bindgen glue and the wasm) which the page pays for anyway. Budget: 15 KiB.
//   node scripts/widget_size.mjs            table + total; exit 1 over budget
//   node scripts/widget_size.mjs --json F   also writes {widget_js_gzip_bytes, …} to F
//   node scripts/widget_size.mjs --list     the module files, one a line (used by scripts/pack.sh)
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const WWW = path.join(ROOT, 'www');
const ENTRY = path.join(WWW, 'article-annotator.js');
const BUDGET = 15 * 1024;

/** The entry and its relative static imports, transitively; engine modules apart. */
function closure(entry) {
  const own = [];
  const engine = new Set();
  const seen = new Set();
  const visit = (file) => {
    if (seen.has(file)) return;
    seen.add(file);
    if (path.relative(WWW, file).startsWith(`pkg${path.sep}`)) {
      engine.add(file);
      return;
    }
    own.push(file);
    const src = readFileSync(file, 'utf8');
    for (const m of src.matchAll(/\b(?:import|export)\s[^'"`;]*?from\s*['"](\.{1,2}\/[^'"]+)['"]|\bimport\s*['"](\.{1,2}\/[^'"]+)['"]/g)) {
      visit(path.resolve(path.dirname(file), m[1] ?? m[2]));
    }
  };
  visit(entry);
  return { own, engine: [...engine] };
}

const gz = (buf) => gzipSync(buf, { level: 9 }).length;
const { own, engine } = closure(ENTRY);
const args = process.argv.slice(2);

if (args.includes('--list')) {
  for (const f of own) console.log(path.relative(WWW, f));
  process.exit(0);
}

const rows = own.map((f) => {
  const buf = readFileSync(f);
  return { file: path.relative(ROOT, f), bytes: buf.length, gzip: gz(buf) };
});
const all = Buffer.concat(own.map((f) => readFileSync(f)));
const total = { bytes: all.length, gzip: gz(all) };
const wasm = path.join(WWW, 'pkg/annotator_bg.wasm');
const engineRows = [...engine, ...(existsSync(wasm) ? [wasm] : [])].filter(existsSync).map((f) => {
  const buf = readFileSync(f);
  return { file: path.relative(ROOT, f), bytes: buf.length, gzip: gz(buf) };
});

const pad = (s, n) => String(s).padStart(n);
console.log(`${'widget module'.padEnd(52)} ${pad('bytes', 8)} ${pad('gzip', 8)}`);
for (const r of rows) console.log(`${r.file.padEnd(52)} ${pad(r.bytes, 8)} ${pad(r.gzip, 8)}`);
console.log(`${'total (one gzip stream)'.padEnd(52)} ${pad(total.bytes, 8)} ${pad(total.gzip, 8)}`);
for (const r of engineRows) console.log(`${`(engine, not counted) ${r.file}`.padEnd(52)} ${pad(r.bytes, 8)} ${pad(r.gzip, 8)}`);
const ok = total.gzip <= BUDGET;
console.log(`widget JS: ${(total.gzip / 1024).toFixed(1)} KiB gzip on top of the engine (budget ${BUDGET / 1024} KiB): ${ok ? 'OK' : 'OVER BUDGET'}`);

const j = args.indexOf('--json');
if (j >= 0 && args[j + 1]) {
  writeFileSync(
    args[j + 1],
    `${JSON.stringify({ widget_js_bytes: total.bytes, widget_js_gzip_bytes: total.gzip, widget_js_gzip_budget: BUDGET, files: rows, engine: engineRows }, null, 2)}\n`,
  );
}
process.exit(ok ? 0 : 1);
