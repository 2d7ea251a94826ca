// Shared by the <article-annotator> browser tests (not a test file itself).
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { launch, serve, watch, artifacts, ROOT } from './support/browser.mjs';
import { vendorExamples } from '../../www/examples/vendor.mjs';

export { ROOT, artifacts };

/** Serves www/ (with the vendored editor) and launches Chromium. */
export async function setup() {
  assert.ok(existsSync(path.join(ROOT, 'www/pkg/annotator_bg.wasm')), 'www/pkg is missing: run `make pkg` first');
  vendorExamples();
  const server = await serve('www');
  const browser = await launch();
  return {
    server,
    browser,
    async close() {
      await browser.close();
      await server.close();
    },
  };
}

// Records every event of the element at the document: they must bubble and be composed.
function recorder() {
  window.__events = [];
  for (const type of ['annotations-changed', 'entity-activate', 'annotator-error']) {
    document.addEventListener(type, (e) => {
      const detail = JSON.parse(JSON.stringify(e.detail, (k, v) => (k === 'error' ? String(v) : v)));
      window.__events.push({ type, id: e.target.id, bubbles: e.bubbles, composed: e.composed, detail });
    });
  }
}

/** A new page on `path` of the server, with CSP/foreign-request watch and the event recorder. */
export async function open(ctx, pagePath, { width = 900, height = 800, route } = {}) {
  const page = await ctx.browser.newPage({ viewport: { width, height } });
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  const watched = await watch(page, ctx.server.url);
  await page.addInitScript(recorder);
  if (route) await route(page);
  await page.goto(ctx.server.url + pagePath);
  return { page, errors, ...watched };
}

/** Waits for an event recorded since `since` (an index) matching `filter`; returns it. */
export async function waitEvent(page, type, { since = 0, id, text, timeout = 10_000 } = {}) {
  const handle = await page.waitForFunction(
    ({ type, since, id, text }) =>
      window.__events.slice(since).find((e) => e.type === type && (id == null || e.id === id) && (text == null || e.detail.text === text)),
    { type, since, id, text },
    { timeout },
  );
  return handle.jsonValue();
}

/** The number of events recorded so far (pass as `since` to wait for the next one). */
export const mark = (page) => page.evaluate(() => window.__events.length);

/** The texts of the ranges of CSS.highlights `article-annotator-<label>`, in document order. */
export function highlights(page) {
  return page.evaluate(() => {
    const out = {};
    for (const label of ['actor', 'country', 'agreement']) {
      const h = CSS.highlights.get(`article-annotator-${label}`);
      const ranges = h ? [...h] : [];
      ranges.sort((a, b) => a.compareBoundaryPoints(Range.START_TO_START, b));
      out[label] = ranges.map((r) => r.toString());
    }
    return out;
  });
}

export function screenshot(page, name) {
  return page.screenshot({ path: path.join(artifacts(), `${name}.png`), fullPage: true });
}
