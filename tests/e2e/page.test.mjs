// End-to-end tests of the annotator page (www/index.html) in headless Chromium.
// Run: make pkg && node --test --test-reporter=tap --test-concurrency=1 tests/e2e/page.test.mjs
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { artifacts, ROOT, useBrowser } from './support/browser.mjs';
import { openPage, waitReadyAndSettled, waitSettled, paste, paintedMarks, directAnnotate, serveWithoutCsp, contrast, compareAligned } from './page-helpers.mjs';
import { TEST_ARTICLE, EXPECTED, EXPECTED_COUNTS, EXPECTED_ENTITIES, TYPED_SENTENCE, PAYLOAD } from './page-fixtures.mjs';

const env = useBrowser();

const legendCounts = (page) =>
  page.evaluate(() => Object.fromEntries(['actor', 'country', 'agreement'].map((l) => [l, Number(document.querySelector(`[data-count="${l}"]`).textContent)])));

const panelEntities = (page) =>
  page.evaluate(() => {
    const out = {};
    for (const section of document.querySelectorAll('#entity-groups section')) {
      if (section.hidden) continue;
      out[section.dataset.label] = [...section.querySelectorAll('button.entity')].map((b) => [b.querySelector('.entity-name').textContent, Number(b.querySelector('.entity-count').textContent)]);
    }
    return out;
  });

const tipText = (page) => page.evaluate(() => (document.querySelector('#tip').hidden ? null : document.querySelector('#tip').textContent));

async function withArticle(page, text = TEST_ARTICLE) {
  await paste(page, text);
  await waitSettled(page);
}

test('pasting an article paints the expected highlights, legend counts and entity panel', async () => {
  const s = await openPage(env.browser, env.server.url);
  const { page } = s;
  await withArticle(page);
  const marks = await paintedMarks(page);
  assert.deepEqual(marks.map((m) => [m.text, m.label, m.type]), EXPECTED);
  assert.deepEqual(await legendCounts(page), EXPECTED_COUNTS);
  assert.deepEqual(await panelEntities(page), EXPECTED_ENTITIES);
  // The page shows exactly what the engine returns for this text.
  const direct = await directAnnotate(page);
  assert.deepEqual(direct.map((a) => a.text), EXPECTED.map((e) => e[0]));
  assert.match(await page.textContent('#doc-stats'), /^74 words · 14 highlights$/);
  // The layer sits exactly under the textarea: the same text painted by the layer instead of
  // the textarea gives the same pixels.
  await page.evaluate(() => document.activeElement.blur());
  const editor = page.locator('#editor');
  const normal = await editor.screenshot();
  await page.evaluate(() => {
    const ta = document.querySelector('#draft');
    document.querySelector('#backdrop').style.color = getComputedStyle(ta).color;
    ta.style.color = 'transparent';
  });
  const swapped = await editor.screenshot();
  const aligned = await compareAligned(page, normal, swapped);
  assert.ok(aligned.tiles > 20, `only ${aligned.tiles} tiles with text`);
  assert.deepEqual(aligned.bad, [], 'the highlight layer is out of line with the textarea text');
  // Sanity: the comparison does see a layer moved by one pixel.
  await page.evaluate(() => document.querySelector('#backdrop').style.setProperty('translate', '1px 0'));
  const moved = await compareAligned(page, normal, await editor.screenshot());
  assert.ok(moved.bad.length > moved.tiles / 2, 'a 1px shift went unnoticed');
  await page.evaluate(() => document.querySelector('#backdrop').style.removeProperty('translate'));
  // …and the textarea never scrolls by itself (the scroller around it does).
  assert.deepEqual(await page.evaluate(() => [document.querySelector('#draft').scrollTop, document.querySelector('#draft').scrollHeight <= document.querySelector('#draft').clientHeight]), [0, true]);
  await s.close(assert);
});

test('typing a sentence with a country updates the highlights live', async () => {
  const s = await openPage(env.browser, env.server.url);
  const { page } = s;
  await withArticle(page);
  await page.evaluate(() => (window.__annotatorStats.verify = true));
  await page.keyboard.press('ControlOrMeta+End');
  await page.keyboard.type(TYPED_SENTENCE, { delay: 5 });
  await waitSettled(page);
  const marks = await paintedMarks(page);
  assert.deepEqual(marks.at(-1), { text: 'Rwanda', label: 'country', type: 'country' });
  assert.equal(marks.length, EXPECTED.length + 1);
  assert.deepEqual(await legendCounts(page), { ...EXPECTED_COUNTS, country: EXPECTED_COUNTS.country + 1 });
  assert.ok((await panelEntities(page)).country.some(([name]) => name === 'Rwanda'));
  // Every keystroke produced a text change that was highlighted (coalesced or not).
  const records = await page.evaluate((n) => window.__annotatorStats.inputs.slice(-n), TYPED_SENTENCE.length);
  assert.equal(records.length, TYPED_SENTENCE.length);
  assert.ok(records.every((r) => r.appliedSeq >= r.seq && r.paintedAt >= r.appliedAt), 'a keystroke was never highlighted');
  // serve.py makes the page cross-origin isolated: most answers come through shared memory,
  // each for the very text on screen.
  const { isolated, shared, misapplied } = await page.evaluate(() => ({ isolated: crossOriginIsolated, ...window.__annotatorStats }));
  assert.ok(isolated, 'serve.py should make the page cross-origin isolated');
  assert.ok(shared > 0, 'no result was taken from shared memory');
  assert.equal(misapplied, 0);
  await s.close(assert);
});

test('pasted HTML and script payloads stay inert, literal text', async () => {
  const s = await openPage(env.browser, env.server.url);
  const { page } = s;
  await withArticle(page, PAYLOAD);
  await page.waitForTimeout(200); // give any injected handler a chance to run
  assert.equal(await page.evaluate(() => window.__pwned), undefined);
  assert.equal(await page.inputValue('#draft'), PAYLOAD);
  const layerText = await page.evaluate(() => [...document.querySelectorAll('#backdrop .ln')].map((l) => l.textContent).join('\n'));
  assert.equal(layerText, PAYLOAD);
  assert.deepEqual(await page.evaluate(() => [document.querySelectorAll('img, iframe, svg, b').length, document.scripts.length]), [0, 1]);
  assert.deepEqual((await paintedMarks(page)).map((m) => m.text), ['France', 'Germany', 'deal']);
  // The tooltip shows the mention as text too.
  await hoverMark(page, 'France');
  assert.match(await tipText(page), /France/);
  assert.equal(await page.evaluate(() => window.__pwned), undefined);
  assert.ok(!s.seen.foreign.length && !(await page.evaluate(() => performance.getEntriesByType('resource').some((e) => /\/x$/.test(e.name)))), 'the <img src=x> was requested');
  await s.close(assert);
});

async function hoverMark(page, text, nth = 0) {
  const box = await page.evaluate(([t, n]) => {
    const m = [...document.querySelectorAll('#backdrop mark')].filter((x) => x.textContent === t)[n];
    m.scrollIntoView({ block: 'center' });
    const r = m.getClientRects()[0];
    return { x: r.x + r.width / 2, y: r.y + r.height / 2 };
  }, [text, nth]);
  await page.mouse.move(box.x, box.y);
  await page.waitForFunction(() => !document.querySelector('#tip').hidden);
}

test('the draft survives a reload; Clear empties it with an Undo', async () => {
  const s = await openPage(env.browser, env.server.url);
  const { page } = s;
  await withArticle(page);
  await page.keyboard.type(' Kept.');
  await page.reload(); // no wait: the draft is flushed on pagehide
  await waitReadyAndSettled(page);
  assert.equal(await page.inputValue('#draft'), `${TEST_ARTICLE} Kept.`);
  assert.equal((await paintedMarks(page)).length, EXPECTED.length);

  await page.click('#clear');
  assert.equal(await page.inputValue('#draft'), '');
  await waitSettled(page);
  assert.equal((await paintedMarks(page)).length, 0);
  assert.equal(await page.evaluate(() => localStorage.getItem('annotator.draft.v1')), null);
  assert.match(await page.textContent('#entities-empty'), /No text yet/);
  assert.ok(await page.isVisible('#toast-undo'));
  await page.click('#toast-undo');
  assert.equal(await page.inputValue('#draft'), `${TEST_ARTICLE} Kept.`);
  await waitSettled(page);
  assert.equal((await paintedMarks(page)).length, EXPECTED.length);
  // Native undo also works after Clear.
  await page.click('#clear');
  await page.focus('#draft');
  await page.keyboard.press('ControlOrMeta+Z');
  assert.equal(await page.inputValue('#draft'), `${TEST_ARTICLE} Kept.`);
  await page.reload();
  await waitReadyAndSettled(page);
  assert.equal(await page.inputValue('#draft'), `${TEST_ARTICLE} Kept.`);
  await s.close(assert);
});

test('Alt+↓ / Alt+↑ reach every highlight in order, with its description', async () => {
  const s = await openPage(env.browser, env.server.url);
  const { page } = s;
  await withArticle(page);
  await page.keyboard.press('ControlOrMeta+Home');
  const visited = [];
  for (let i = 0; i < EXPECTED.length; i++) {
    await page.keyboard.press('Alt+ArrowDown');
    visited.push(await page.evaluate(() => {
      const cur = [...document.querySelectorAll('#backdrop mark.is-current')];
      const ta = document.querySelector('#draft');
      return { text: cur.map((m) => m.textContent).join(''), caret: ta.selectionStart, focused: document.activeElement === ta, tip: document.querySelector('#tip').hidden ? '' : document.querySelector('#tip').textContent };
    }));
  }
  assert.deepEqual(visited.map((v) => v.text), EXPECTED.map((e) => e[0]));
  assert.ok(visited.every((v) => v.focused));
  const starts = (await directAnnotate(page)).map((a) => a.start);
  assert.deepEqual(visited.map((v) => v.caret), starts);
  assert.match(visited[4].tip, /Actor.*person.*Amina Odhiambo.*Kenya \(KE\).*2 in this text/);
  // Wraps around, and goes back.
  await page.keyboard.press('Alt+ArrowDown');
  assert.equal(await page.evaluate(() => document.querySelector('mark.is-current').textContent), EXPECTED[0][0]);
  await page.keyboard.press('Alt+ArrowUp');
  assert.equal(await page.evaluate(() => document.querySelector('mark.is-current').textContent), EXPECTED.at(-1)[0]);
  await page.waitForFunction(() => /highlight 14 of 14/.test(document.querySelector('#announce').textContent));
  // Alt+Shift+↓ walks the mentions of the selected entity (Uganda: Uganda, Ugandan, Kampala).
  await page.keyboard.press('ControlOrMeta+Home');
  await page.keyboard.press('Alt+ArrowDown');
  await page.keyboard.press('Alt+ArrowDown');
  const same = [];
  for (let i = 0; i < 3; i++) {
    await page.keyboard.press('Alt+Shift+ArrowDown');
    same.push(await page.evaluate(() => document.querySelector('mark.is-current').textContent));
  }
  assert.deepEqual(same, ['Ugandan', 'Kampala', 'Uganda']);
  assert.equal(await page.evaluate(() => document.querySelectorAll('mark.is-selected').length), 3);
  // Esc clears the selection; Tab leaves the editor for the entity list.
  await page.keyboard.press('Escape');
  assert.equal(await page.evaluate(() => document.querySelectorAll('mark.is-selected').length), 0);
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.classList.contains('entity') && document.activeElement.querySelector('.entity-name').textContent), 'Amina Odhiambo');
  await page.keyboard.press('Enter');
  assert.equal(await page.evaluate(() => document.querySelectorAll('mark.is-selected').length), 2);
  await s.close(assert);
});

test('hover shows type, canonical name, linked country and mention count', async () => {
  const s = await openPage(env.browser, env.server.url);
  const { page } = s;
  await withArticle(page);
  await hoverMark(page, 'Odhiambo');
  const tip = await tipText(page);
  assert.match(tip, /^Actor person/);
  assert.match(tip, /Amina Odhiambo/);
  assert.match(tip, /Text“Odhiambo”/);
  assert.match(tip, /CountryKenya \(KE\)/);
  assert.match(tip, /Mentions2 in this text/);
  await hoverMark(page, 'Kampala');
  assert.match(await tipText(page), /^Country capital \(its government\)Uganda.*CountryUganda \(UG\).*Mentions3 in this text/);
  await hoverMark(page, 'Paris Agreement');
  assert.match(await tipText(page), /^Agreement named agreementParis Agreement.*Countrynone linked.*Mentions1 in this text/);
  await page.mouse.move(5, 5);
  await page.waitForFunction(() => document.querySelector('#tip').hidden);
  // A click that puts the caret in a highlight selects its entity and describes it.
  await page.click('#draft');
  const box = await page.evaluate(() => {
    const r = [...document.querySelectorAll('#backdrop mark')].find((m) => m.textContent === 'Ugandan').getClientRects()[0];
    return { x: r.x + 4, y: r.y + r.height / 2 };
  });
  await page.mouse.click(box.x, box.y);
  assert.deepEqual(await page.evaluate(() => [...document.querySelectorAll('mark.is-selected')].map((m) => m.textContent)), ['Uganda', 'Ugandan', 'Kampala']);
  await page.waitForFunction(() => /Country, demonym: Uganda · 3 mentions/.test(document.querySelector('#caret-text').textContent));
  await s.close(assert);
});

test('entity panel: clicking an entity scrolls to its first mention and marks all of them', async () => {
  const s = await openPage(env.browser, env.server.url);
  const { page } = s;
  const filler = Array.from({ length: 80 }, (_, i) => `Line ${i + 1} of the minutes, with nothing to note.`).join('\n');
  await withArticle(page, `${TEST_ARTICLE}\n${filler}\nGhana sent observers, and Ghana will report back.`);
  await page.evaluate(() => (document.querySelector('#scroller').scrollTop = 0));
  const inView = () =>
    page.evaluate(() => {
      const m = [...document.querySelectorAll('#backdrop mark')].find((x) => x.textContent === 'Ghana');
      const r = m.getBoundingClientRect();
      const box = document.querySelector('#scroller').getBoundingClientRect();
      return r.top >= box.top && r.bottom <= box.bottom;
    });
  assert.equal(await inView(), false);
  await page.click('#entity-groups button.entity[data-key="country:GH"]');
  assert.equal(await inView(), true);
  assert.equal(await page.evaluate(() => document.querySelectorAll('mark.is-selected').length), 2);
  assert.equal(await page.evaluate(() => document.querySelector('mark.is-current').textContent), 'Ghana');
  assert.equal(await page.getAttribute('#entity-groups button.entity[data-key="country:GH"]', 'aria-pressed'), 'true');
  assert.match(await tipText(page), /Ghana.*Mentions2 in this text/);
  await s.close(assert);
});

test('legend toggles hide and show a label everywhere', async () => {
  const s = await openPage(env.browser, env.server.url);
  const { page } = s;
  await withArticle(page);
  const countryBg = () => page.evaluate(() => getComputedStyle([...document.querySelectorAll('mark.l-country')][0]).backgroundColor);
  const shownBg = await countryBg();
  await page.click('.legend [data-label="country"]');
  assert.equal(await page.getAttribute('.legend [data-label="country"]', 'aria-pressed'), 'false');
  assert.equal(await countryBg(), 'rgba(0, 0, 0, 0)');
  assert.equal(await page.evaluate(() => getComputedStyle(document.querySelector('mark.l-country')).textDecorationLine), 'none');
  await page.waitForFunction(() => document.querySelector('section[data-label="country"]').hidden);
  assert.match(await page.textContent('#export-count'), /8 annotations/);
  // Keyboard navigation skips the hidden label.
  await page.focus('#draft');
  await page.keyboard.press('ControlOrMeta+Home');
  const seen = [];
  for (let i = 0; i < 8; i++) {
    await page.keyboard.press('Alt+ArrowDown');
    seen.push(await page.evaluate(() => document.querySelector('mark.is-current').className));
  }
  assert.ok(seen.every((c) => !c.includes('l-country')));
  await page.keyboard.press('Escape'); // clear the selection (it fades other highlights)
  await page.click('.legend [data-label="country"]');
  assert.equal(await countryBg(), shownBg);
  await page.waitForFunction(() => !document.querySelector('section[data-label="country"]').hidden);
  await s.close(assert);
});

test('export: JSON, Web Annotation JSON-LD and CSV, by download and by copy', async () => {
  const s = await openPage(env.browser, env.server.url);
  const { page } = s;
  await withArticle(page);
  const direct = await directAnnotate(page);
  const download = async (format) => {
    await page.click('#export-menu summary');
    await page.check(`input[name="format"][value="${format}"]`);
    const [d] = await Promise.all([page.waitForEvent('download'), page.click('#download')]);
    const file = await d.path();
    await page.keyboard.press('Escape');
    return { name: d.suggestedFilename(), body: readFileSync(file, 'utf8') };
  };
  const json = await download('json');
  assert.equal(json.name, 'annotations.json');
  assert.deepEqual(JSON.parse(json.body), direct.map(({ start, end, label, type, text, entity, name, country }) => JSON.parse(JSON.stringify({ start, end, label, type, text, entity, name, country }))));
  const ld = await download('jsonld');
  assert.equal(ld.name, 'annotations.jsonld');
  const coll = JSON.parse(ld.body);
  assert.equal(coll['@context'], 'http://www.w3.org/ns/anno.jsonld');
  assert.equal(coll.total, EXPECTED.length);
  const first = coll.first.items[0].target.selector;
  assert.deepEqual(first[1], { type: 'TextPositionSelector', start: direct[0].start, end: direct[0].end });
  assert.equal(first[0].exact, 'Kenya');
  const csv = await download('csv');
  assert.equal(csv.name, 'annotations.csv');
  const rows = csv.body.trimEnd().split('\r\n');
  assert.equal(rows[0], 'start,end,label,type,text,entity,name,country');
  assert.equal(rows.length, EXPECTED.length + 1);
  assert.equal(rows[5], '147,161,actor,person,Amina Odhiambo,Amina Odhiambo,Amina Odhiambo,KE');
  // Copy puts the same JSON on the clipboard.
  await page.click('#export-menu summary');
  await page.check('input[name="format"][value="json"]');
  await page.click('#copy');
  await page.waitForFunction(() => /Copied 14 annotations as JSON/.test(document.querySelector('#toast-text').textContent));
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), json.body);
  await s.close(assert);
});

test('if the engine cannot load: a clear error, the text is kept and stays editable, retry works', async () => {
  let block = true;
  const s = await openPage(env.browser, env.server.url, {
    waitReady: false,
    setup: async (page) => {
      await page.addInitScript((t) => localStorage.setItem('annotator.draft.v1', t), TEST_ARTICLE);
      await page.route('**/annotator_bg.wasm', (route) => (block ? route.fulfill({ status: 404, body: 'gone' }) : route.continue()));
    },
  });
  const { page } = s;
  await page.waitForSelector('#alert:not([hidden])');
  assert.match(await page.textContent('#alert'), /could not start.*failed to load.*Your text is safe/s);
  assert.equal(await page.getAttribute('#status', 'data-state'), 'error');
  assert.equal(await page.inputValue('#draft'), TEST_ARTICLE);
  assert.equal((await paintedMarks(page)).length, 0);
  assert.match(await page.textContent('#entities-empty'), /unavailable.*still here/);
  await page.focus('#draft');
  await page.keyboard.press('ControlOrMeta+End');
  await page.keyboard.type(' Still editable.');
  assert.equal(await page.inputValue('#draft'), `${TEST_ARTICLE} Still editable.`);
  block = false;
  await page.click('#retry');
  await waitReadyAndSettled(page);
  assert.equal((await paintedMarks(page)).length, EXPECTED.length);
  assert.ok(await page.isHidden('#alert'));
  await s.close(); // the 404 is a same-origin request; no CSP or foreign-request check needed here
  assert.deepEqual(s.seen.foreign, []);
  assert.deepEqual(s.seen.violations, []);
});

test('empty and loading states', async () => {
  let release;
  const gate = new Promise((r) => (release = r));
  const s = await openPage(env.browser, env.server.url, {
    waitReady: false,
    setup: (page) => page.route('**/annotator_bg.wasm', async (route) => {
      await gate;
      await route.continue();
    }),
  });
  const { page } = s;
  await page.waitForSelector('#status[data-state="loading"]');
  assert.match(await page.textContent('#status'), /Loading the annotator/);
  assert.match(await page.textContent('#entities-empty'), /No text yet/);
  assert.ok(await page.isVisible('#example-2'));
  assert.match(await page.getAttribute('#draft', 'placeholder'), /Paste or type a news article/);
  assert.ok(await page.isDisabled('#clear'));
  // Typing while loading works; the text is annotated once the engine arrives.
  await page.focus('#draft');
  await page.keyboard.type('Kenya and Uganda.');
  assert.match(await page.textContent('#entities-empty'), /Annotating/);
  release();
  await waitReadyAndSettled(page);
  assert.deepEqual((await paintedMarks(page)).map((m) => m.text), ['Kenya', 'Uganda']);
  assert.match(await page.textContent('#status'), /Ready/);
  // Text without any entity.
  await paste(page, 'nothing to see here.');
  await waitSettled(page);
  assert.match(await page.textContent('#entities-empty'), /Nothing found yet/);
  await s.close(assert);
});

test('Content-Security-Policy: meta policy holds without server headers; no HTML sinks in the page code', async () => {
  const html = readFileSync(path.join(ROOT, 'www/index.html'), 'utf8');
  const meta = html.match(/<meta http-equiv="Content-Security-Policy" content="([^"]+)">/);
  assert.ok(meta, 'CSP meta tag');
  for (const d of ["default-src 'self'", "script-src 'self' 'wasm-unsafe-eval'", "style-src 'self'"]) assert.ok(meta[1].includes(`${d};`) || meta[1].endsWith(d), d);
  assert.doesNotMatch(html, /<script(?![^>]*\bsrc=)[^>]*>/, 'inline <script>');
  assert.doesNotMatch(html, /\sstyle=/, 'style attribute');
  assert.doesNotMatch(html, /<style/, '<style> element');
  assert.doesNotMatch(html, /\son[a-z]+=/, 'inline event handler');
  const dir = path.join(ROOT, 'www/app');
  for (const f of readdirSync(dir).filter((n) => n.endsWith('.js'))) {
    const src = readFileSync(path.join(dir, f), 'utf8').replace(/^\s*\/\/.*$/gm, '');
    assert.doesNotMatch(src, /innerHTML|outerHTML|insertAdjacentHTML|document\.write|createContextualFragment|DOMParser|srcdoc|\beval\(|new Function/, `HTML sink in www/app/${f}`);
  }

  const plain = await serveWithoutCsp();
  try {
    const s = await openPage(env.browser, plain.url);
    const { page } = s;
    await withArticle(page);
    assert.equal((await paintedMarks(page)).length, EXPECTED.length);
    // Not isolated without the headers: typing is highlighted through messages alone.
    await page.keyboard.press('ControlOrMeta+End');
    await page.keyboard.type(TYPED_SENTENCE, { delay: 5 });
    await waitSettled(page);
    assert.deepEqual((await paintedMarks(page)).at(-1), { text: 'Rwanda', label: 'country', type: 'country' });
    assert.deepEqual(await page.evaluate(() => [crossOriginIsolated, window.__annotatorStats.shared]), [false, 0]);
    // The meta policy blocks an injected inline script.
    await page.evaluate(() => {
      const el = document.createElement('script');
      el.textContent = 'window.__inline = 1';
      document.head.append(el);
    });
    assert.equal(await page.evaluate(() => window.__inline), undefined);
    // The report reaches Node asynchronously (an event in the page, then a binding call).
    const reported = () => s.seen.violations.some((v) => v.directive.startsWith('script-src'));
    for (let waited = 0; !reported() && waited < 5000; waited += 50) await page.waitForTimeout(50);
    assert.ok(reported(), 'no violation reported');
    s.seen.violations.length = 0;
    await s.close(assert);
  } finally {
    await plain.close();
  }
});

test('while the worker is busy only the latest text is queued; stale results are dropped', async (t) => {
  const s = await openPage(env.browser, env.server.url);
  const { page } = s;
  const big = Array.from({ length: 400 }, () => TEST_ARTICLE).join('\n\n'); // ~30,000 words
  await withArticle(page, big);
  await page.evaluate(() => (window.__annotatorStats.verify = true));
  const snapshot = () =>
    page.evaluate(() => {
      const s = window.__annotatorStats;
      return { posted: s.posted, seq: s.inputSeq, replaced: s.replaced, dropped: s.dropped, misapplied: s.misapplied };
    });
  // A burst of 30 edits within one task: the first text goes to the worker, each later one
  // replaces the queued one, and the first answer arrives for a text that is gone.
  const b = await snapshot();
  await page.evaluate(() => {
    const ta = document.querySelector('#draft');
    for (const ch of ' Ghana and Togo signed it too.') {
      ta.setRangeText(ch, ta.value.length, ta.value.length, 'end');
      ta.dispatchEvent(new InputEvent('input', { inputType: 'insertText', data: ch }));
    }
  });
  await waitSettled(page);
  const a = await snapshot();
  t.diagnostic(`burst: texts ${a.seq - b.seq}, requests ${a.posted - b.posted}, queued texts replaced ${a.replaced - b.replaced}, stale results dropped ${a.dropped - b.dropped}`);
  assert.equal(a.seq - b.seq, 30);
  assert.equal(a.posted - b.posted, 2, 'only the first and the latest text are sent');
  assert.equal(a.replaced - b.replaced, 28);
  assert.ok(a.dropped - b.dropped >= 1, 'the stale answer was shown');
  // Real typing, one key at a time, then the page shows exactly the engine's answer.
  await page.keyboard.press('ControlOrMeta+End');
  await page.keyboard.type(' Accra welcomed the plan.');
  await waitSettled(page);
  const c = await snapshot();
  t.diagnostic(`typing: texts ${c.seq - a.seq}, requests ${c.posted - a.posted}, stale results dropped ${c.dropped - a.dropped}`);
  assert.equal(c.misapplied, 0, 'a result was shown on a text it was not computed for');
  const direct = await directAnnotate(page);
  const marks = await paintedMarks(page);
  assert.deepEqual(marks.map((m) => m.text), direct.map((x) => x.text));
  assert.deepEqual(marks.slice(-3).map((m) => m.text), ['Ghana', 'Togo', 'Accra']);
  await s.close(assert);
});

test('colours: highlight text meets WCAG AA in light and dark; labels differ without colour', async () => {
  for (const colorScheme of ['light', 'dark']) {
    const s = await openPage(env.browser, env.server.url, { colorScheme });
    const { page } = s;
    await withArticle(page);
    await page.keyboard.press('ControlOrMeta+Home');
    await page.keyboard.press('Alt+ArrowDown'); // select an entity: selected and faded styles too
    const styles = await page.evaluate(() => {
      const ink = getComputedStyle(document.querySelector('#draft')).color;
      const surface = getComputedStyle(document.querySelector('#scroller')).backgroundColor;
      return {
        ink,
        surface,
        marks: [...document.querySelectorAll('#backdrop mark')].map((m) => {
          const cs = getComputedStyle(m);
          return { label: m.className, bg: cs.backgroundColor, line: cs.textDecorationColor, style: cs.textDecorationStyle };
        }),
        muted: getComputedStyle(document.querySelector('#caret-text')).color,
        page: getComputedStyle(document.body).backgroundColor,
      };
    });
    for (const m of styles.marks) {
      assert.ok(contrast(styles.ink, m.bg) >= 4.5, `${colorScheme}: text on ${m.label} ${m.bg}: ${contrast(styles.ink, m.bg).toFixed(2)}`);
      assert.ok(contrast(m.line, styles.surface) >= 3, `${colorScheme}: underline of ${m.label} on the page: ${contrast(m.line, styles.surface).toFixed(2)}`);
    }
    assert.ok(contrast(styles.muted, styles.page) >= 4.5, `${colorScheme}: muted text`);
    const byLabel = Object.fromEntries(styles.marks.map((m) => [m.label.match(/l-(\w+)/)[1], m.style]));
    assert.deepEqual(byLabel, { actor: 'solid', country: 'dashed', agreement: 'double' });
    assert.ok(styles.marks.some((m) => m.label.includes('is-selected')));
    await s.close(assert);
  }
});

test('screenshots of the annotated page (light and dark) with the sample article', async () => {
  const out = artifacts();
  for (const colorScheme of ['light', 'dark']) {
    const s = await openPage(env.browser, env.server.url, { colorScheme });
    const { page } = s;
    await page.click('#example');
    await waitSettled(page);
    const text = await page.inputValue('#draft');
    const words = text.split(/\s+/).filter(Boolean).length;
    assert.ok(words >= 250 && words <= 400, `sample has ${words} words`);
    const marks = await paintedMarks(page);
    assert.deepEqual([...new Set(marks.map((m) => m.type))].sort(), ['capital', 'country', 'demonym', 'described', 'named', 'organization', 'person']);
    await page.evaluate(() => document.activeElement.blur());
    await hoverMark(page, 'Ingrid Solberg');
    const file = path.join(out, colorScheme === 'light' ? 'page.png' : 'page-dark.png');
    await page.screenshot({ path: file });
    assert.ok(statSync(file).size > 50_000);
    if (colorScheme === 'light') {
      mkdirSync(path.join(ROOT, 'docs'), { recursive: true });
      copyFileSync(file, path.join(ROOT, 'docs/screenshot.png'));
    }
    await s.close(assert);
  }
});

test('index.html preloads exactly the modules main.js imports, so none waits for another', () => {
  const www = path.join(ROOT, 'www');
  const imported = new Set();
  const visit = (file) => {
    const src = readFileSync(file, 'utf8');
    for (const m of src.matchAll(/^import\s[^'"]*from\s+'(\.{1,2}\/[^']+)';/gm)) {
      const dep = path.resolve(path.dirname(file), m[1]);
      if (imported.has(dep)) continue;
      imported.add(dep);
      visit(dep);
    }
  };
  visit(path.join(www, 'app/main.js'));
  const html = readFileSync(path.join(www, 'index.html'), 'utf8');
  const preloaded = [...html.matchAll(/<link rel="modulepreload" href="([^"]+)">/g)].map((m) => path.resolve(www, m[1]));
  assert.ok(imported.size >= 5, `found only ${imported.size} imports: is the pattern stale?`);
  assert.deepEqual([...preloaded].sort(), [...imported].sort());
});
