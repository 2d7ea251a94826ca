// Node side shared by the Chromium benchmarks: Debian's Chromium through
// tests/e2e/support/browser.mjs (never a downloaded browser), the repository root served by
// scripts/serve.py (bench page, engine, compromise from node_modules; nothing from a CDN), the
// texts answered from memory at /__bench/text/NAME, and the JSON/table output.
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { launch, serve } from '../../tests/e2e/support/browser.mjs';

export const args = process.argv.slice(2);
export const jsonOut = args.includes('--json') ? args[args.indexOf('--json') + 1] : null;
export const quick = args.includes('--quick');

/** Starts the server (the repository root unless `dir`) and the browser. */
export async function start(dir = '.') {
  const server = await serve(dir);
  const browser = await launch();
  return {
    server,
    browser,
    url: server.url,
    async close() {
      await browser.close().catch(() => {});
      await server.close();
    },
  };
}

/**
 * A fresh browser context (own cache, storage and compiled-code caches) whose pages get
 * `texts` (objects with .name and .text) at /__bench/text/NAME.
 */
export async function context(env, texts = []) {
  const ctx = await env.browser.newContext();
  // Routing makes Playwright intercept every request of the context (a round trip through
  // Node each), so it is set up only for the parts that serve texts.
  if (texts.length === 0) return ctx;
  const byName = new Map(texts.map((t) => [t.name, t.text]));
  await ctx.route('**/__bench/text/*', (route) => {
    const name = decodeURIComponent(new URL(route.request().url()).pathname.split('/').pop());
    if (!byName.has(name)) return route.fulfill({ status: 404, body: 'no such text' });
    return route.fulfill({ status: 200, contentType: 'text/plain; charset=utf-8', body: byName.get(name) });
  });
  return ctx;
}

/** The bench page in `ctx`, loaded; page errors are collected in `page.errors`. */
export async function benchPage(env, ctx) {
  const page = await ctx.newPage();
  page.errors = [];
  page.on('pageerror', (e) => page.errors.push(e.message));
  await page.goto(`${env.url}/benches/browser/bench.html`);
  await page.waitForFunction(() => window.benchReady === true, null, { timeout: 30000 });
  return page;
}

export function median(xs) {
  return quantile(xs, 0.5);
}

export function quantile(xs, q) {
  const s = [...xs].sort((a, b) => a - b);
  if (s.length === 0) return NaN;
  const i = (s.length - 1) * q;
  const lo = Math.floor(i);
  return s[lo] + (s[Math.ceil(i)] - s[lo]) * (i - lo);
}

/** Rounds to `d` significant-ish decimals for the JSON. */
export const round = (x, d = 2) => (Number.isFinite(x) ? Math.round(x * 10 ** d) / 10 ** d : x);

/** MB/s of `bytes` done in `ms`. */
export const mbps = (bytes, ms) => bytes / 1e6 / (ms / 1e3);

/** CPU, cores, RAM, OS, Chromium and Node versions. */
export function machine(browserVersion) {
  const cpus = os.cpus();
  return `${cpus[0]?.model?.trim() || os.arch()} × ${cpus.length} logical CPUs, ${Math.round(os.totalmem() / 2 ** 30)} GiB RAM, ${os.type()} ${os.release()}, Chromium ${browserVersion} (headless), Node ${process.version}`;
}

/** Prints rows of cells as an aligned table (first column left, the rest right). */
export function printTable(header, rows) {
  const all = [header, ...rows].map((r) => r.map(String));
  const w = header.map((_, i) => Math.max(...all.map((r) => r[i].length)));
  for (const r of all) console.log(`  ${r.map((c, i) => (i === 0 ? c.padEnd(w[i]) : c.padStart(w[i]))).join('  ')}`);
}

export function writeJson(result) {
  if (!jsonOut) return;
  mkdirSync(path.dirname(path.resolve(jsonOut)), { recursive: true });
  writeFileSync(jsonOut, `${JSON.stringify(result, null, 2)}\n`);
  console.log(`wrote ${jsonOut}`);
}

/** Ends the process with status 1 after printing the failed checks, if any. */
export function exitOnFailures(failures) {
  if (!failures.length) return;
  console.error(`expected-count check failed:\n  ${failures.join('\n  ')}`);
  process.exit(1);
}

export const loadAverage = () => round(os.loadavg()[0]);
