// The annotator page (www/index.html) when its worker breaks mid-session, in headless Chromium:
// the engine traps (a wasm RuntimeError, after which the instance stays broken), hangs, is
// terminated, or throws outside any handler. Each time the page must say so or recover, keep the
// text in the textarea and the draft in localStorage, and restore the draft after a reload.
// The faults are injected by serving the engine's JS glue (www/pkg/annotator.js) with a wrapper
// around annotate() that misbehaves when the text contains a marker character.
// Run: make pkg && node --test --test-reporter=tap tests/e2e/crash.test.mjs
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useBrowser } from './support/browser.mjs';
import { openPage, waitReadyAndSettled, waitSettled, paste, paintedMarks } from './page-helpers.mjs';
import { TEST_ARTICLE, EXPECTED } from './page-fixtures.mjs';

const TRAP = '\u2620'; // ☠ the engine traps, and every later call on this instance traps too
const HANG = '\u231b'; // ⌛ the engine never returns
const THROW = '\u{1f4a5}'; // 💥 an error thrown in the worker outside any handler
const KEY = 'annotator.draft.v1';

const FAULTS = `
let poisoned = false;
export function annotate(text, options) {
  if (poisoned || text.includes(${JSON.stringify(TRAP)})) {
    poisoned = true; // like a real trap: the instance's memory is no longer trusted
    throw new WebAssembly.RuntimeError('unreachable');
  }
  if (text.includes(${JSON.stringify(HANG)})) for (;;);
  if (text.includes(${JSON.stringify(THROW)})) setTimeout(() => { throw new Error('simulated crash outside any handler'); });
  return annotateForReal(text, options);
}
`;

/** Serves the engine's glue with FAULTS around annotate(). */
async function injectFaults(page) {
  await page.route('**/pkg/annotator.js', async (route) => {
    const response = await route.fetch();
    const body = await response.text();
    assert.ok(body.includes('export function annotate('), 'the glue changed: update FAULTS');
    await route.fulfill({ response, body: body.replace('export function annotate(', 'function annotateForReal(') + FAULTS });
  });
}

/** Keeps every Worker the page creates in window.__workers (so a test can kill one). */
function keepWorkers() {
  const Native = window.Worker;
  window.__workers = [];
  window.Worker = class extends Native {
    constructor(...args) {
      super(...args);
      window.__workers.push(this);
    }
  };
}

const env = useBrowser();

const value = (page) => page.inputValue('#draft');
const draft = (page) => page.evaluate((k) => localStorage.getItem(k), KEY);
const statusOf = (page) => page.evaluate(() => ({ state: document.querySelector('#status').dataset.state, text: document.querySelector('#status-text').textContent }));
const restarts = (page) => page.evaluate(() => window.__annotatorStats.restarts);

async function open() {
  const s = await openPage(env.browser, env.server.url, {
    setup: async (page) => {
      await injectFaults(page);
      await page.addInitScript(keepWorkers);
    },
  });
  await paste(s.page, TEST_ARTICLE);
  await waitSettled(s.page);
  assert.equal((await paintedMarks(s.page)).length, EXPECTED.length);
  await s.page.keyboard.press('ControlOrMeta+End');
  return s;
}

/** The draft is saved (debounced) and equals the textarea. */
async function assertDraftKept(page, what) {
  await page.waitForFunction((k) => localStorage.getItem(k) === document.querySelector('#draft').value, KEY, { timeout: 5000 }).catch(() => {});
  assert.equal(await draft(page), await value(page), `${what}: the draft in localStorage`);
}

/** Types, then checks the fresh worker highlights the new text, and that a reload restores it. */
async function assertRecovers(page, typed, expectLast) {
  await page.focus('#draft');
  await page.keyboard.press('ControlOrMeta+End');
  await page.keyboard.type(typed);
  await waitSettled(page, 20_000);
  const marks = await paintedMarks(page);
  assert.equal(marks.at(-1).text, expectLast, 'the text typed after the crash is highlighted');
  assert.match((await statusOf(page)).text, /^Ready/);
  const text = await value(page);
  await assertDraftKept(page, 'after recovering');
  await page.reload();
  await waitReadyAndSettled(page, 20_000);
  assert.equal(await value(page), text, 'the draft is restored after a reload');
  assert.equal((await paintedMarks(page)).at(-1).text, expectLast);
}

test('the engine traps: the page says so, replaces the worker, keeps the text; after 3 traps in a row it stops with a clear alert and Try again works', async () => {
  const s = await open();
  const { page } = s;
  await page.keyboard.type(` Peace in Ghana ${TRAP}`);
  await page.waitForFunction(() => document.querySelector('#status').dataset.state === 'error');
  const st = await statusOf(page);
  assert.match(st.text, /^This text could not be annotated: unreachable/);
  assert.equal(await value(page), `${TEST_ARTICLE} Peace in Ghana ${TRAP}`);
  await assertDraftKept(page, 'after the trap');
  assert.ok(await page.isHidden('#alert'));
  // The old instance stays broken (every call traps): only a new worker gets the next text right.
  await page.keyboard.press('Backspace');
  await waitSettled(page, 20_000);
  assert.ok((await restarts(page)) >= 1);
  assert.equal((await paintedMarks(page)).at(-1).text, 'Ghana');
  assert.match((await statusOf(page)).text, /^Ready/);

  // A text that traps every time: each edit fails, and the third failure in a row is final.
  for (const ch of [TRAP, 'x', 'y']) {
    const before = await page.evaluate(() => window.__annotatorStats.errors);
    await page.keyboard.type(ch);
    await page.waitForFunction((n) => window.__annotatorStats.errors > n || window.__annotatorStats.engine === 'failed', before);
  }
  await page.waitForSelector('#alert:not([hidden])');
  assert.match(await page.textContent('#alert'), /The annotator stopped working\. The annotation engine failed 3 times in a row \(last: unreachable\)\..*Your text is safe/s);
  assert.equal(await page.getAttribute('#status', 'data-state'), 'error');
  assert.equal(await value(page), `${TEST_ARTICLE} Peace in Ghana ${TRAP}xy`);
  await assertDraftKept(page, 'after giving up');
  // Still editable; Try again with the culprit removed brings the highlights back.
  for (let i = 0; i < 3; i++) await page.keyboard.press('Backspace');
  await page.keyboard.type('. Togo agreed.');
  await page.click('#retry');
  await waitReadyAndSettled(page, 20_000);
  assert.ok(await page.isHidden('#alert'));
  assert.deepEqual((await paintedMarks(page)).slice(-2).map((m) => m.text), ['Ghana', 'Togo']);
  await assertRecovers(page, ' Benin too.', 'Benin');
  await s.close(assert);
});

test('the engine hangs: after the watchdog the page reports it, replaces the worker and keeps the text', async (t) => {
  const s = await open();
  const { page } = s;
  const t0 = Date.now();
  await page.keyboard.type(` Ghana ${HANG}`);
  await page.waitForFunction(() => document.querySelector('#status').dataset.state === 'error', null, { timeout: 30_000 });
  t.diagnostic(`hang reported after ${Date.now() - t0} ms`);
  assert.match((await statusOf(page)).text, /^This text could not be annotated: no answer after 10 s; the annotator was restarted$/);
  assert.equal(await value(page), `${TEST_ARTICLE} Ghana ${HANG}`);
  await assertDraftKept(page, 'after the hang');
  assert.equal(await restarts(page), 1);
  // The hung worker is gone (terminated), a fresh one is running.
  assert.equal(await page.evaluate(() => window.__workers.length), 2);
  await page.keyboard.press('Backspace');
  await assertRecovers(page, 'and Togo.', 'Togo');
  await s.close(assert);
});

test('the worker is terminated behind the page’s back: after the watchdog a new worker annotates the latest text', async (t) => {
  const s = await open();
  const { page } = s;
  await page.evaluate(() => window.__workers.at(-1).terminate());
  const t0 = Date.now();
  await page.keyboard.type(' Ghana'); // the first key's text goes to the dead worker, the rest waits
  assert.equal(await page.evaluate(() => window.__annotatorStats.appliedSeq < window.__annotatorStats.inputSeq), true);
  await page.waitForFunction(() => window.__annotatorStats.restarts === 1, null, { timeout: 30_000 });
  await waitSettled(page, 20_000);
  t.diagnostic(`recovered after ${Date.now() - t0} ms`);
  // The text that died with the worker is not the one on screen: nothing to report, the latest
  // text is highlighted by the new worker.
  assert.equal((await paintedMarks(page)).at(-1).text, 'Ghana');
  assert.match((await statusOf(page)).text, /^Ready/);
  assert.equal(await value(page), `${TEST_ARTICLE} Ghana`);
  await assertDraftKept(page, 'after the worker died');
  await assertRecovers(page, ' and Togo.', 'Togo');
  await s.close(assert);
});

test('an error thrown in the worker outside any handler: the worker is replaced, no alert, editing goes on', async () => {
  const s = await open();
  const { page } = s;
  await page.keyboard.type(` Ghana ${THROW}`);
  await page.waitForFunction(() => window.__annotatorStats.restarts === 1);
  // The error may reach the page before or after the result of that text: then the text is
  // reported as failed (status line), or it is already highlighted. Either way, no alert.
  await page.waitForTimeout(200);
  assert.ok(await page.isHidden('#alert'), 'a crash after loading is not reported as "could not start"');
  assert.equal(await value(page), `${TEST_ARTICLE} Ghana ${THROW}`);
  await assertDraftKept(page, 'after the error');
  await page.keyboard.press('Backspace');
  await page.keyboard.press('Backspace'); // the emoji is two UTF-16 units, one Backspace in Chromium
  await assertRecovers(page, ' and Togo.', 'Togo');
  await s.close(assert);
});
