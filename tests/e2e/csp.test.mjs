// Strict Content-Security-Policy, whole sessions: the page (scripts/serve.py's header and the
// page's own <meta> policy) and the three <article-annotator> examples (the header) are used the
// way an editor would — load, paste, type, hover, navigate, export, toggle the legend, reload —
// with zero securitypolicyviolation events, zero requests outside the origin and no uncaught
// error. At the end of each session an inline script is injected on purpose: it must be blocked
// and reported, which shows the policy is in force and the violation listener is listening.
// Run: make pkg && node --test --test-reporter=tap tests/e2e/csp.test.mjs
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { launch, serve } from './support/browser.mjs';
import { openPage, waitSettled, waitReadyAndSettled, paste, paintedMarks } from './page-helpers.mjs';
import { open, waitEvent, mark } from './widget-helpers.mjs';
import { vendorExamples } from '../../www/examples/vendor.mjs';
import { TEST_ARTICLE, EXPECTED } from './page-fixtures.mjs';

let ctx;

before(async () => {
  vendorExamples();
  ctx = { server: await serve('www'), browser: await launch() };
});

after(async () => {
  await ctx?.browser.close();
  await ctx?.server.close();
});

const SERVER_CSP = ["default-src 'self'", "script-src 'self' 'wasm-unsafe-eval'", "style-src 'self'", "object-src 'none'", "base-uri 'none'", "frame-ancestors 'none'"];

/** Every resource the page loaded is from its origin (belt and braces with the request watch). */
const foreignResources = (page) => page.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name).filter((u) => !u.startsWith(location.origin) && !u.startsWith('data:') && !u.startsWith('blob:')));

/** Injects an inline script: the policy must block it and report it (once per policy in force). */
async function assertPolicyEnforced(page, watched, policies = 1) {
  const before = watched.violations.length;
  await page.evaluate(() => {
    const el = document.createElement('script');
    el.textContent = 'window.__inline = 1';
    document.head.append(el);
  });
  await page.waitForFunction(() => true);
  await page.waitForTimeout(50);
  assert.equal(await page.evaluate(() => window.__inline), undefined, 'an inline script ran');
  assert.equal(watched.violations.length, before + policies, 'the injected inline script was not reported by each policy');
  assert.match(watched.violations.at(-1).directive, /^script-src/);
}


/** The session so far had no CSP violation, foreign request or page error; the policy still
 * blocks an injected inline script; then the page is closed. */
async function endCleanSession(w) {
  const { page } = w;
  assert.deepEqual(w.violations, []);
  assert.deepEqual(w.foreign, []);
  assert.deepEqual(await foreignResources(page), []);
  assert.deepEqual(w.errors, []);
  await assertPolicyEnforced(page, w);
  await page.close();
}

test('the page: a whole editing session under the strict policy, with zero violations and zero foreign requests', async (t) => {
  const s = await openPage(ctx.browser, ctx.server.url);
  const { page, seen } = s;
  const header = (await s.context.request.get(`${ctx.server.url}/`)).headers()['content-security-policy'];
  for (const d of SERVER_CSP) assert.ok(header.includes(d), `server header: ${d}`);
  const meta = readFileSync(new URL('../../www/index.html', import.meta.url), 'utf8').match(/http-equiv="Content-Security-Policy" content="([^"]+)"/)[1];
  assert.match(meta, /default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'/);

  const steps = [];
  // Paste, type, and let the highlights come.
  await paste(page, TEST_ARTICLE);
  await waitSettled(page);
  await page.keyboard.press('ControlOrMeta+End');
  await page.keyboard.type(' Rwanda welcomed the plan.');
  await waitSettled(page);
  assert.equal((await paintedMarks(page)).length, EXPECTED.length + 1);
  steps.push('paste', 'type');
  // Hover a highlight (tooltip), move away.
  const box = await page.evaluate(() => {
    const r = [...document.querySelectorAll('#backdrop mark')].find((m) => m.textContent === 'Amina Odhiambo').getClientRects()[0];
    return { x: r.x + r.width / 2, y: r.y + r.height / 2 };
  });
  await page.mouse.move(box.x, box.y);
  await page.waitForFunction(() => !document.querySelector('#tip').hidden);
  await page.mouse.move(3, 3);
  steps.push('hover');
  // Keyboard navigation, selection, entity list.
  await page.focus('#draft');
  await page.keyboard.press('ControlOrMeta+Home');
  for (let i = 0; i < 4; i++) await page.keyboard.press('Alt+ArrowDown');
  await page.keyboard.press('Alt+Shift+ArrowDown');
  await page.keyboard.press('Escape');
  await page.click('#entity-groups button.entity[data-key="country:UG"]');
  steps.push('navigate', 'entity list');
  // Legend toggles, each label off and on.
  for (const label of ['actor', 'country', 'agreement']) {
    await page.click(`.legend [data-label="${label}"]`);
    await page.click(`.legend [data-label="${label}"]`);
  }
  steps.push('legend');
  // Export: every format, downloaded and copied.
  for (const format of ['json', 'jsonld', 'csv']) {
    await page.click('#export-menu summary');
    await page.check(`input[name="format"][value="${format}"]`);
    const [d] = await Promise.all([page.waitForEvent('download'), page.click('#download')]);
    assert.ok(readFileSync(await d.path(), 'utf8').length > 100);
    await page.click('#export-menu summary');
    await page.click('#copy');
    await page.waitForFunction(() => /^Copied/.test(document.querySelector('#toast-text').textContent));
    await page.keyboard.press('Escape');
  }
  steps.push('export');
  // Menus, example, clear and undo, reload with the draft.
  await page.click('#keys-menu summary');
  await page.keyboard.press('Escape');
  await page.click('#example');
  await waitSettled(page);
  await page.click('#toast-undo');
  await page.click('#clear');
  await page.click('#toast-undo');
  await waitSettled(page);
  await page.reload();
  await waitReadyAndSettled(page);
  assert.match(await page.inputValue('#draft'), /Rwanda welcomed the plan\.$/);
  steps.push('example', 'clear/undo', 'reload');

  t.diagnostic(`session: ${steps.join(', ')}; requests seen ${await page.evaluate(() => performance.getEntriesByType('resource').length)} (after the reload), all same-origin`);
  assert.deepEqual(seen.violations, [], 'securitypolicyviolation events');
  assert.deepEqual(seen.foreign, [], 'requests outside the origin');
  assert.deepEqual(await foreignResources(page), []);
  assert.deepEqual(s.errors, [], 'uncaught errors');
  await assertPolicyEnforced(page, seen, 2); // the header's policy and the <meta> one
  await s.context.close();
});

test('the textarea example: type, paste, scroll, resize, submit', async () => {
  const w = await open(ctx, '/examples/textarea.html', { route: (page) => page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: ctx.server.url }) });
  const { page } = w;
  await waitEvent(page, 'annotations-changed', { id: 'annotator' });
  let since = await mark(page);
  await page.focus('#story');
  await page.keyboard.press('ControlOrMeta+End');
  await page.keyboard.type(' Angela Merkel met Xi Jinping in Kenya.');
  await waitEvent(page, 'annotations-changed', { since, text: await page.inputValue('#story') });
  since = await mark(page);
  await page.evaluate((t) => navigator.clipboard.writeText(t), `${TEST_ARTICLE}\n`.repeat(8));
  await page.keyboard.press('ControlOrMeta+V');
  await waitEvent(page, 'annotations-changed', { since, text: await page.inputValue('#story') });
  await page.evaluate(() => (document.getElementById('story').scrollTop = 400));
  await page.evaluate(() => (document.getElementById('story').style.width = '420px'));
  await page.waitForTimeout(150);
  await page.click('button[type=submit]');
  assert.match(await page.textContent('#summary'), /unchanged: true/);
  await endCleanSession(w);
});

test('the editor example (Quill): type, format with the toolbar, undo, save', async () => {
  const w = await open(ctx, '/examples/editor.html');
  const { page } = w;
  await page.waitForFunction(() => window.quill && document.getElementById('annotator').annotations.length > 0, null, { timeout: 20_000 });
  const since = await mark(page);
  await page.evaluate(() => window.quill.setSelection(window.quill.getLength() - 1, 0));
  await page.keyboard.type(' Angela Merkel met Xi Jinping about the Iran nuclear deal.');
  await waitEvent(page, 'annotations-changed', { since, text: await page.evaluate(() => window.quill.getText()) });
  await page.evaluate(() => window.quill.setSelection(0, 2));
  await page.click('.ql-toolbar .ql-bold');
  await page.click('.ql-toolbar .ql-italic');
  await page.evaluate(() => window.quill.setSelection(5, 0));
  await page.keyboard.press('Enter');
  await page.click('.ql-toolbar .ql-list[value="bullet"]');
  await page.keyboard.press('Control+z');
  await page.keyboard.press('Control+z');
  await page.locator('#annotator [part~=entity]').first().click();
  await page.click('#save');
  await page.waitForTimeout(200);
  assert.match(await page.textContent('#saved'), /<p>/);
  await endCleanSession(w);
});

test('the read-only example: highlights, click and keyboard activation, legend entities', async () => {
  const w = await open(ctx, '/examples/render.html');
  const { page } = w;
  await waitEvent(page, 'annotations-changed', { id: 'reader' });
  let since = await mark(page);
  await page.locator('#reader mark', { hasText: 'Olaf Scholz' }).click();
  await waitEvent(page, 'entity-activate', { since });
  since = await mark(page);
  await page.locator('#reader mark', { hasText: 'Paris Agreement' }).focus();
  await page.keyboard.press('Enter');
  await waitEvent(page, 'entity-activate', { since });
  since = await mark(page);
  await page.locator('#reader [part~=entity]', { hasText: 'Emmanuel Macron' }).click();
  await waitEvent(page, 'entity-activate', { since });
  await page.evaluate(() => document.getElementById('reader').setAttribute('labels', 'country'));
  await page.evaluate(() => document.getElementById('reader').removeAttribute('labels'));
  await page.waitForTimeout(100);
  await endCleanSession(w);
});
