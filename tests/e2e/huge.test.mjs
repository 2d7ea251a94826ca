// A 10 MB paste into the annotator page (www/index.html) in headless Chromium: the tab does not
// crash, the page keeps handling input while the worker annotates, the text is intact and the
// annotations of the whole text arrive. Chromium's own cost of editing a 10 MB <textarea> is
// measured alongside, on the same textarea without the annotator, so the figures say what the
// page adds. Run: make pkg && node --test --test-reporter=tap tests/e2e/huge.test.mjs
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useBrowser } from './support/browser.mjs';
import { openPage } from './page-helpers.mjs';
import { TEST_ARTICLE } from './page-fixtures.mjs';
import { SAMPLE } from '../../www/app/sample.js';

const SIZE = 10_000_000; // UTF-16 code units
// Typed into the middle of the text right after the paste: first key after key (each key
// changes the 10 MB text, so the worker is annotating while the next one arrives), then with a
// pause for the frame after each key (so a key meets only what the page itself is doing).
const BURST = ' Ghana and Togo.';
const PACED = ' Benin too.';
const TYPED = BURST + PACED;
const BUDGET_MS = 100;

const env = useBrowser();

/** Builds the text in the page (news-like paragraphs, numbered so they differ) as window.__big. */
function makeBig([size, paragraphs]) {
  const parts = [];
  let n = 0;
  for (let i = 0; n < size; i++) {
    const p = `${i + 1}. ${paragraphs[i % paragraphs.length]}\n\n`;
    parts.push(p);
    n += p.length;
  }
  window.__big = parts.join('').slice(0, size);
  return window.__big.length;
}

/**
 * Installs the latency probes on `ta` (in the page): for every key, the keydown's timeStamp (when
 * Chromium created the event), when the first keydown listener ran, the time spent in the page's
 * own beforeinput and input listeners (a window capture listener runs before them, a window
 * bubble listener after), when the input event was handled, and the next animation frame.
 */
function installProbes(selector) {
  const ta = document.querySelector(selector);
  const keys = [];
  window.__keys = keys;
  let cur = null;
  const stats = () => window.__annotatorStats;
  addEventListener('keydown', (e) => {
    if (e.key.length !== 1) return;
    const s = stats();
    cur = { ts: e.timeStamp, keydown: performance.now(), pending: s ? s.appliedSeq < s.inputSeq : null, page: 0 };
    keys.push(cur);
  }, true);
  for (const type of ['beforeinput', 'input']) {
    let t0 = 0;
    addEventListener(type, () => (t0 = performance.now()), true);
    addEventListener(type, () => {
      if (!cur) return;
      const now = performance.now();
      cur.page += now - t0;
      if (type === 'input') {
        const k = cur;
        k.input = now;
        requestAnimationFrame(() => (k.frame = performance.now()));
      }
    });
  }
  ta.focus();
  return true;
}

/** Clipboard paste of window.__big into `selector`; resolves when the value is there. */
async function pasteBig(page, selector, size = SIZE) {
  await page.evaluate(() => navigator.clipboard.writeText(window.__big));
  await page.focus(selector);
  const t0 = Date.now();
  await page.keyboard.press('ControlOrMeta+V');
  await page.waitForFunction(([sel, n]) => document.querySelector(sel).value.length === n, [selector, size], { timeout: 60_000, polling: 100 });
  return Date.now() - t0;
}

/** Puts the caret in the middle of the text (at a line end) and clears the key records. */
function caretToMiddle(selector) {
  const ta = document.querySelector(selector);
  const mid = ta.value.indexOf('\n', ta.value.length >> 1);
  ta.setSelectionRange(mid, mid);
  window.__keys.length = 0;
  return mid;
}

/** Types `text` one key at a time (`paced`: after each key, waits for its frame). */
async function typeKeys(page, text, { paced }) {
  const from = await page.evaluate(() => window.__keys.length);
  for (const ch of text) {
    await page.keyboard.type(ch);
    if (paced) await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0))));
  }
  await page.waitForFunction((n) => window.__keys.length === n && window.__keys.every((k) => k.frame), from + text.length);
  return page.evaluate((from) => window.__keys.slice(from).map((k) => ({ delay: k.keydown - k.ts, page: k.page, toInput: k.input - k.ts, toFrame: k.frame - k.ts, pending: k.pending })), from);
}

async function typeBoth(page, selector) {
  await page.evaluate(caretToMiddle, selector);
  const burst = await typeKeys(page, BURST, { paced: false });
  const paced = await typeKeys(page, PACED, { paced: true });
  return { burst, paced, all: [...burst, ...paced] };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
const fmt = (xs) => `median ${median(xs).toFixed(0)} ms, max ${Math.max(...xs).toFixed(0)} ms`;

const PARAGRAPHS = [...TEST_ARTICLE.split('\n').filter(Boolean), ...SAMPLE.split('\n').filter(Boolean)];

test('a 10 MB paste: no crash, input handled while the worker annotates, text intact, annotations arrive', async (t) => {
  const s = await openPage(env.browser, env.server.url);
  const { page } = s;
  let crashed = false;
  page.on('crash', () => (crashed = true));
  assert.equal(await page.evaluate(makeBig, [SIZE, PARAGRAPHS]), SIZE);
  await page.evaluate(installProbes, '#draft');
  const pasteMs = await pasteBig(page, '#draft');

  // Keys typed right after the paste, while the worker annotates the 10 MB text (and, as each
  // key changes the text, the next one).
  const typed = await typeBoth(page, '#draft');
  const keys = typed.all;
  const posted = await page.evaluate(() => window.__annotatorStats.posted);

  // The highlights of the final text arrive (a generous timeout: 10 MB, several passes).
  await page.waitForFunction(() => {
    const s = window.__annotatorStats;
    return s.engine === 'ready' && s.paintedSeq === s.inputSeq && s.count > 0;
  }, null, { timeout: 60_000, polling: 200 });
  const end = await page.evaluate(async (typed) => {
    const ta = document.querySelector('#draft');
    const big = window.__big;
    const mid = big.indexOf('\n', big.length >> 1);
    const m = await import('/pkg/annotator.js');
    await m.default();
    const direct = m.annotate(ta.value).length;
    const legend = ['actor', 'country', 'agreement'].reduce((n, l) => n + Number(document.querySelector(`[data-count="${l}"]`).textContent), 0);
    return {
      intact: ta.value === big.slice(0, mid) + typed + big.slice(mid),
      length: ta.value.length,
      count: window.__annotatorStats.count,
      direct,
      legend,
      entities: document.querySelectorAll('#entity-groups button.entity').length,
      ghana: !!document.querySelector('#entity-groups button.entity[data-key="country:GH"]'),
      sizeNote: !document.querySelector('#size-note').hidden,
      storage: document.querySelector('#storage-warning').hidden ? null : document.querySelector('#storage-warning').textContent,
      exportCount: document.querySelector('#export-count').textContent,
      marks: document.querySelectorAll('#backdrop mark').length,
    };
  }, TYPED);

  // Chromium's own cost: the same keys into the same textarea (same font, width and sizing),
  // with the same 10 MB, on a page without the annotator.
  const look = await page.evaluate(() => {
    const cs = getComputedStyle(document.querySelector('#draft'));
    const box = document.querySelector('#scroller').getBoundingClientRect();
    return { font: cs.font, padding: cs.padding, width: cs.width, whiteSpace: cs.whiteSpace, tabSize: cs.tabSize, fontVariantLigatures: cs.fontVariantLigatures, height: `${box.height}px` };
  });
  const bare = await s.context.newPage();
  await bare.goto(`${env.server.url}/examples/index.html`);
  await bare.evaluate(makeBig, [SIZE, PARAGRAPHS]);
  await bare.evaluate((look) => {
    const scroller = document.createElement('div');
    Object.assign(scroller.style, { height: look.height, overflow: 'auto' });
    const ta = document.createElement('textarea');
    ta.id = 'bare';
    ta.spellcheck = false;
    Object.assign(ta.style, { font: look.font, padding: look.padding, width: look.width, whiteSpace: look.whiteSpace, tabSize: look.tabSize, fontVariantLigatures: look.fontVariantLigatures, fieldSizing: 'content', overflow: 'hidden', resize: 'none', border: '0' });
    scroller.append(ta);
    document.body.replaceChildren(scroller);
  }, look);
  await bare.evaluate(installProbes, '#bare');
  const barePasteMs = await pasteBig(bare, '#bare');
  const floorTyped = await typeBoth(bare, '#bare');
  const floor = floorTyped.all;
  await bare.close();

  t.diagnostic(`10 MB paste (clipboard, Ctrl+V) until the value is in the textarea: page ${pasteMs} ms; the same textarea without the annotator ${barePasteMs} ms`);
  const line = (what, f) => t.diagnostic(`${what}: page ${fmt(f(typed))}; without the annotator ${fmt(f(floorTyped))}`);
  t.diagnostic(`keys typed while the worker was annotating (highlights pending): ${typed.burst.filter((k) => k.pending).length} of ${BURST.length} key after key, ${typed.paced.filter((k) => k.pending).length} of ${PACED.length} paced; requests sent ${posted}`);
  t.diagnostic(`page listeners per key (beforeinput + input): ${fmt(keys.map((k) => k.page))}`);
  line('key after key, keydown → input handled', (x) => x.burst.map((k) => k.toInput));
  line('key after key, keydown → next frame', (x) => x.burst.map((k) => k.toFrame));
  line('paced, input delay (keydown created → first listener)', (x) => x.paced.map((k) => k.delay));
  line('paced, keydown → input handled', (x) => x.paced.map((k) => k.toInput));
  line('paced, keydown → next frame', (x) => x.paced.map((k) => k.toFrame));
  t.diagnostic(`annotations: ${end.count} (engine on the final text: ${end.direct}); entities listed ${end.entities}; ${end.exportCount}`);

  assert.equal(crashed, false, 'the tab crashed');
  assert.ok(end.intact, `the text is not intact (${end.length} code units)`);
  assert.equal(end.count, end.direct, 'the page shows the annotations of another text');
  assert.equal(end.legend, end.direct);
  assert.ok(end.entities > 10 && end.ghana, 'the entity list covers the whole text, with the typed country');
  assert.match(end.exportCount, new RegExp(`${end.direct} annotations`));
  assert.ok(end.sizeNote, 'the page says why the article is not highlighted');
  assert.equal(end.marks, 0);
  assert.match(end.storage ?? '', /too large/, 'the page says the draft will not survive a reload');
  // Keys typed key after key land while the worker annotates the text of the previous ones.
  assert.ok(typed.burst.filter((k) => k.pending).length >= BURST.length / 2, 'the burst did not overlap the worker');
  // What the page itself does with each input event stays within the budget, every time…
  for (const k of keys) assert.ok(k.page < BUDGET_MS, `the page's listeners took ${k.page.toFixed(0)} ms for one key`);
  // …and a paced key rarely waits for the page: the annotator's own main-thread work (results
  // of 200,000 annotations are rebuilt in slices) leaves a typical key's input delay at a few ms.
  assert.ok(median(typed.paced.map((k) => k.delay)) < BUDGET_MS, `input delay ${fmt(typed.paced.map((k) => k.delay))}`);
  // keydown → input handled / next frame is mostly Chromium editing and laying out a 10 MB
  // textarea (the floor measured above, well over 100 ms on a 2-CPU machine) plus the worker's
  // CPU time: reported, not held to the budget.
  await s.close(assert);
});

test('the article is highlighted up to 1,000,000 characters; one more hides the layer and says so; one less brings it back', async () => {
  const LIMIT = 1_000_000;
  const s = await openPage(env.browser, env.server.url);
  const { page } = s;
  await page.evaluate(makeBig, [LIMIT, PARAGRAPHS]);
  await pasteBig(page, '#draft', LIMIT);
  const settled = () =>
    page.waitForFunction(() => {
      const st = window.__annotatorStats;
      return st.paintedSeq === st.inputSeq && st.appliedSeq === st.inputSeq;
    }, null, { timeout: 30_000, polling: 100 });
  const look = () =>
    page.evaluate(() => ({
      marks: document.querySelectorAll('#backdrop mark').length,
      count: window.__annotatorStats.count,
      layer: document.querySelector('#backdrop').textContent.length,
      note: !document.querySelector('#size-note').hidden,
      stats: document.querySelector('#doc-stats').textContent,
    }));
  await settled();
  const at = await look();
  assert.ok(at.count > 10_000 && at.marks >= at.count, JSON.stringify(at)); // a mention across lines has a mark per line
  assert.equal(at.note, false);
  assert.match(at.stats, / words · /);
  await page.keyboard.press('ControlOrMeta+End');
  await page.keyboard.type('x');
  await settled();
  const over = await look();
  assert.deepEqual({ ...over, count: over.count > 10_000 }, { marks: 0, count: true, layer: 0, note: true, stats: `1,000,001 characters · ${over.count} highlights` });
  assert.match(await page.textContent('#size-note'), /over 1,000,000 characters.*still annotated in full/s);
  // Without highlights in the article, Alt+↓ still walks the mentions and describes them.
  await page.keyboard.press('ControlOrMeta+Home');
  await page.keyboard.press('Alt+ArrowDown');
  const first = await page.evaluate(async () => {
    const m = await import('/pkg/annotator.js');
    await m.default();
    const ta = document.querySelector('#draft');
    const a = m.annotate(ta.value.slice(0, 2000))[0];
    return { caret: ta.selectionStart, start: a.start, name: a.name, said: document.querySelector('#caret-text').textContent };
  });
  assert.equal(first.caret, first.start);
  assert.ok(first.said.includes(first.name), JSON.stringify(first));
  await page.keyboard.press('ControlOrMeta+End');
  await page.keyboard.press('Backspace');
  await settled();
  assert.deepEqual(await look(), at);
  assert.ok(await page.evaluate(() => document.querySelector('#draft').value === window.__big), 'the text changed');
  await s.close(assert);
});
