// XSS: every payload of tests/e2e/xss-payloads.mjs goes through every way text reaches the
// annotator — pasted and filled into the page, set as the widget's `text` and light-DOM text,
// pasted and typed into the attach-mode textarea, set and pasted into the Quill editor, and
// passed in a newsroom dictionary — in headless Chromium under the strict CSP of
// scripts/serve.py. After the annotation is done: no payload ran (its flag is unset in every
// frame), no element or handler came from it (in the document and in shadow roots), it is shown
// literally, nothing was requested outside the origin and no CSP violation was reported. Exports
// (JSON, CSV, Web Annotation JSON-LD) of payload text stay data.
// Run: make pkg && node --test --test-reporter=tap tests/e2e/xss.test.mjs
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { launch, serve, ROOT } from './support/browser.mjs';
import { openPage, waitSettled } from './page-helpers.mjs';
import { open, waitEvent, mark } from './widget-helpers.mjs';
import { vendorExamples } from '../../www/examples/vendor.mjs';
import { PAYLOADS, FORMULAS } from './xss-payloads.mjs';

let ctx; // {server, browser}, as widget-helpers expects

before(async () => {
  assert.ok(existsSync(path.join(ROOT, 'www/pkg/annotator_bg.wasm')), 'www/pkg is missing: run `make pkg` first');
  vendorExamples();
  ctx = { server: await serve('www'), browser: await launch() };
});

after(async () => {
  await ctx?.browser.close();
  await ctx?.server.close();
});

// ---------------------------------------------------------------------------------------------
// What is checked after each payload.

/**
 * In the page: every element (shadow roots included) by tag, and every attribute that could run
 * script or load a document: on* handlers, javascript:/vbscript: URLs, data: URLs in src/href/…
 */
function census() {
  const tags = {};
  const attrs = [];
  const visit = (root) => {
    for (const el of root.querySelectorAll('*')) {
      tags[el.localName] = (tags[el.localName] || 0) + 1;
      for (const a of el.attributes) {
        const url = /^(src|href|xlink:href|data|action|formaction|srcdoc|background|poster|content)$/i.test(a.name);
        if (/^on/i.test(a.name) || a.name === 'srcdoc' || (url && (/(java|vb)script:/i.test(a.value) || /^\s*data:(?!,$)/i.test(a.value)))) {
          attrs.push(`<${el.localName} ${a.name}="${a.value.slice(0, 60)}">`);
        }
      }
      if (el.shadowRoot) visit(el.shadowRoot);
    }
  };
  visit(document);
  return { tags, attrs };
}

/** Elements the app itself creates while annotating (highlight layer, entity list, tooltip, legend, Quill's lines). */
const APP_TAGS = new Set(['div', 'mark', 'br', 'li', 'ol', 'ul', 'button', 'span', 'p', 'dl', 'dt', 'dd', 'section', 'h3']);

/** Asserts that nothing beyond the app's own elements appeared since `base`, and no handler or script URL. */
function assertNoNewElements(base, now, what) {
  const extra = [];
  for (const [tag, n] of Object.entries(now.tags)) {
    if (n > (base.tags[tag] || 0) && !APP_TAGS.has(tag)) extra.push(`${n - (base.tags[tag] || 0)} × <${tag}>`);
  }
  assert.deepEqual(extra, [], `${what}: elements from the payload`);
  assert.deepEqual(now.attrs, base.attrs, `${what}: handlers or script URLs from the payload`);
}

/** Gives any injected handler the chance to run: two frames and a timer turn. */
const settleHandlers = (page) => page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(r, 10)))));

/** The flag in every frame of the page (a payload could only set it by running). */
async function assertNotPwned(page, what) {
  for (const frame of page.frames()) {
    const v = await frame.evaluate(() => [window.__pwned, window.parent.__pwned, window.top.__pwned]).catch((e) => [`frame error: ${e.message}`]);
    assert.deepEqual(v.filter((x) => x !== undefined), [], `${what}: a payload ran in ${frame.url()}`);
  }
  assert.equal(page.frames().length, 1, `${what}: a frame was created`);
}

function assertClean(watched, errors, what) {
  assert.deepEqual(watched.foreign, [], `${what}: requests outside the origin`);
  assert.deepEqual(watched.violations, [], `${what}: securitypolicyviolation events`);
  assert.deepEqual(errors, [], `${what}: uncaught errors`);
}

const includesAll = (have, want = []) => want.every((w) => have.includes(w));

/** The payload as a script of the page receives it from the test. */
const asSent = (page, text) => page.evaluate((t) => t, text);

/** Names the payload when a wait times out. */
async function step(what, promise) {
  try {
    return await promise;
  } catch (e) {
    e.message = `${what}: ${e.message}`;
    throw e;
  }
}

/** Opens a widget example with clipboard access. */
const openWidget = (pagePath) =>
  open(ctx, pagePath, { route: (page) => page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: ctx.server.url }) });

// ---------------------------------------------------------------------------------------------

describe('the page (www/index.html)', () => {
  it(`${PAYLOADS.length} payloads pasted (clipboard) and filled: inert, literal, highlighted around, nothing requested`, async (t) => {
    const s = await openPage(ctx.browser, ctx.server.url);
    const { page } = s;
    const base = await page.evaluate(census);
    const layerText = () => page.evaluate(() => [...document.querySelectorAll('#backdrop .ln')].map((l) => l.textContent).join('\n'));
    let hovered = 0;
    for (const p of PAYLOADS) {
      for (const how of ['paste', 'fill']) {
        const what = `#${p.id} ${p.name} (${how})`;
        // Keyboard input, fill and the clipboard carry well-formed text (a lone surrogate arrives
        // as U+FFFD).
        let expected = p.payload.toWellFormed();
        if (how === 'paste') {
          // The clipboard is what a real paste delivers (lone surrogates become U+FFFD there).
          expected = await page.evaluate(async (text) => {
            await navigator.clipboard.writeText(text);
            return navigator.clipboard.readText();
          }, p.payload);
          await page.focus('#draft');
          await page.keyboard.press('ControlOrMeta+A');
          await page.keyboard.press('ControlOrMeta+V');
        } else {
          await page.fill('#draft', '');
          await waitSettled(page);
          await page.fill('#draft', p.payload);
        }
        await step(what, page.waitForFunction((v) => document.querySelector('#draft').value === v, expected));
        await step(what, waitSettled(page));
        await settleHandlers(page);
        const marks = await page.evaluate(() => [...document.querySelectorAll('#backdrop mark')].map((m) => m.textContent));
        assert.equal(await layerText(), expected, `${what}: the highlight layer shows the text literally`);
        assert.ok(includesAll(marks, p.expect), `${what}: highlights ${JSON.stringify(marks)}, expected ${JSON.stringify(p.expect)}`);
        assertNoNewElements(base, await page.evaluate(census), what);
        await assertNotPwned(page, what);
        // The tooltip of a highlight next to the payload is text too.
        if (how === 'fill' && p.expect && hovered < 6) {
          hovered++;
          const box = await page.evaluate(() => {
            const m = document.querySelector('#backdrop mark');
            m.scrollIntoView({ block: 'center' });
            const r = m.getClientRects()[0];
            return { x: r.x + r.width / 2, y: r.y + r.height / 2 };
          });
          await page.mouse.move(box.x, box.y);
          await page.waitForFunction(() => !document.querySelector('#tip').hidden);
          assert.ok((await page.textContent('#tip')).includes(marks[0]));
          await page.mouse.move(2, 2);
          assertNoNewElements(base, await page.evaluate(census), `${what}, tooltip`);
          await assertNotPwned(page, `${what}, tooltip`);
        }
      }
    }
    await page.waitForTimeout(300);
    await assertNotPwned(page, 'at the end');
    assert.equal(await page.evaluate(() => performance.getEntriesByType('resource').filter((e) => !e.name.startsWith(location.origin)).length), 0);
    t.diagnostic(`${PAYLOADS.length} payloads × paste and fill; tooltips shown for ${hovered}`);
    await s.close(assert);
  });

  it('exports of a text full of payloads stay data: JSON and JSON-LD parse back to the text, CSV parses to the same rows', async () => {
    const s = await openPage(ctx.browser, ctx.server.url);
    const { page } = s;
    const text = PAYLOADS.filter((p) => p.payload.length < 1000).map((p) => p.payload).join('\n');
    await page.fill('#draft', text);
    await waitSettled(page);
    const value = await page.inputValue('#draft');
    const download = async (format) => {
      await page.click('#export-menu summary');
      await page.check(`input[name="format"][value="${format}"]`);
      const [d] = await Promise.all([page.waitForEvent('download'), page.click('#download')]);
      const body = readFileSync(await d.path(), 'utf8');
      await page.keyboard.press('Escape');
      return body;
    };
    const json = JSON.parse(await download('json'));
    assert.ok(json.length >= 15, `${json.length} annotations`);
    for (const a of json) assert.equal(value.slice(a.start, a.end), a.text);
    const ld = JSON.parse(await download('jsonld'));
    assert.equal(ld.total, json.length);
    const cps = Array.from(value);
    for (const item of ld.first.items) {
      const [quote, pos] = item.target.selector;
      assert.equal(cps.slice(pos.start, pos.end).join(''), quote.exact);
      assert.ok(value.includes(quote.prefix + quote.exact + quote.suffix), 'prefix, exact and suffix are the text');
    }
    const rows = parseCSV(await download('csv'));
    assert.deepEqual(rows[0], ['start', 'end', 'label', 'type', 'text', 'entity', 'name', 'country']);
    assert.deepEqual(rows.slice(1).map((r) => r.slice(0, 5)), json.map((a) => [String(a.start), String(a.end), a.label, a.type, a.text]));
    await settleHandlers(page);
    await assertNotPwned(page, 'export');
    await s.close(assert);
  });
});

/** RFC 4180 CSV (quoted fields, doubled quotes, CRLF rows). */
function parseCSV(body) {
  const rows = [];
  let row = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (quoted) {
      if (c === '"' && body[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\r' && body[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += c;
  }
  assert.equal(cell + row.join(''), '', 'CSV ends with CRLF');
  return rows;
}

// ---------------------------------------------------------------------------------------------

describe('<article-annotator>', () => {
  it('render mode: each payload as the `text` property and as light-DOM text', async (t) => {
    const { page, errors, ...watched } = await openWidget('/examples/render.html');
    await waitEvent(page, 'annotations-changed', { id: 'reader' });
    await page.evaluate(() => (document.getElementById('reader').debounce = 0));
    const base = await page.evaluate(census);
    const shown = () =>
      page.evaluate(() => {
        const el = document.getElementById('reader');
        const article = el.shadowRoot.querySelector('[part~=article]');
        return { text: el.text, article: article.textContent, marks: [...article.querySelectorAll('mark')].map((m) => m.textContent), light: el.children.length };
      });
    for (const p of PAYLOADS) {
      const P = await asSent(page, p.payload);
      let what = `#${p.id} ${p.name} (text property)`;
      let since = await mark(page);
      await page.evaluate((text) => (document.getElementById('reader').text = text), P);
      await step(what, waitEvent(page, 'annotations-changed', { since, text: P }));
      await settleHandlers(page);
      let r = await shown();
      assert.equal(r.article, P, `${what}: shown literally`);
      assert.ok(includesAll(r.marks, p.expect), `${what}: highlights ${JSON.stringify(r.marks)}`);
      assertNoNewElements(base, await page.evaluate(census), what);
      await assertNotPwned(page, what);

      what = `#${p.id} ${p.name} (light-DOM text)`;
      const light = `Light: ${P}`;
      const collapsed = light.replace(/\s+/g, ' ').trim();
      since = await mark(page);
      await page.evaluate((text) => {
        const el = document.getElementById('reader');
        el.text = null;
        el.textContent = text;
      }, light);
      await step(what, waitEvent(page, 'annotations-changed', { since, text: collapsed }));
      await settleHandlers(page);
      r = await shown();
      assert.equal(r.text, collapsed, `${what}: read as text`);
      assert.equal(r.article, collapsed, `${what}: shown literally`);
      assert.equal(r.light, 0, `${what}: the light DOM holds text only`);
      assertNoNewElements(base, await page.evaluate(census), what);
      await assertNotPwned(page, what);
    }
    t.diagnostic(`${PAYLOADS.length} payloads × text property and light-DOM text`);
    assertClean(watched, errors, 'render mode');
    await page.close();
  });

  it('attach mode on a <textarea>: each payload pasted (and the short ones typed)', async (t) => {
    const { page, errors, ...watched } = await openWidget('/examples/textarea.html');
    await waitEvent(page, 'annotations-changed', { id: 'annotator' });
    await page.evaluate(() => (document.getElementById('annotator').debounce = 0));
    const base = await page.evaluate(census);
    let typed = 0;
    for (const p of PAYLOADS) {
      const ways = p.payload.length <= 60 && !/[\ud800-\udfff]/.test(p.payload) && typed < 10 ? ['paste', 'type'] : ['paste'];
      for (const how of ways) {
        const what = `#${p.id} ${p.name} (${how})`;
        let since = await mark(page);
        let expected = p.payload.toWellFormed();
        await page.focus('#story');
        await page.keyboard.press('ControlOrMeta+A');
        if (how === 'type') {
          // Empty first (the same text as before would be annotated, with no event, only once).
          await page.keyboard.press('Delete');
          await step(what, waitEvent(page, 'annotations-changed', { since, text: '' }));
          since = await mark(page);
        }
        if (how === 'paste') {
          expected = await page.evaluate(async (text) => {
            await navigator.clipboard.writeText(text);
            return navigator.clipboard.readText();
          }, p.payload);
          await page.keyboard.press('ControlOrMeta+V');
        } else {
          typed++;
          await page.keyboard.type(p.payload);
        }
        await step(what, page.waitForFunction((v) => document.getElementById('story').value === v, expected));
        await step(what, waitEvent(page, 'annotations-changed', { since, text: expected }));
        await settleHandlers(page);
        const r = await page.evaluate(() => {
          const ov = document.getElementById('annotator').shadowRoot.querySelector('[part~=overlay]');
          return { mirror: ov.textContent, marks: [...ov.querySelectorAll('mark')].map((m) => m.textContent) };
        });
        assert.equal(r.mirror, `${expected}\u200b`, `${what}: the overlay mirrors the text literally`);
        assert.ok(includesAll(r.marks, p.expect), `${what}: highlights ${JSON.stringify(r.marks)}`);
        assertNoNewElements(base, await page.evaluate(census), what);
        await assertNotPwned(page, what);
      }
    }
    // The form still submits exactly the text.
    await page.click('button[type=submit]');
    assert.match(await page.textContent('#summary'), /unchanged: true$/);
    t.diagnostic(`${PAYLOADS.length} payloads pasted, ${typed} typed`);
    assertClean(watched, errors, 'textarea');
    await page.close();
  });

  it('attach mode on Quill: each payload set through the editor API, some pasted', async (t) => {
    const { page, errors, ...watched } = await openWidget('/examples/editor.html');
    await page.waitForFunction(() => window.quill && document.getElementById('annotator').annotations.length > 0, null, { timeout: 20_000 });
    await page.evaluate(() => (document.getElementById('annotator').debounce = 0));
    const base = await page.evaluate(census);
    let pasted = 0;
    for (const p of PAYLOADS) {
      const P = await asSent(page, p.payload);
      const ways = pasted < 12 && p.payload.length < 1000 ? ['api', 'paste'] : ['api'];
      for (const how of ways) {
        const what = `#${p.id} ${p.name} (${how})`;
        let since = await mark(page);
        if (how === 'api') {
          await page.evaluate((text) => window.quill.setText(text, 'api'), P);
        } else {
          pasted++;
          // Empty first (the same text as before would be annotated, with no event, only once).
          await page.evaluate(async (text) => {
            await navigator.clipboard.writeText(text);
            window.quill.setText('', 'api');
            window.quill.focus();
          }, P);
          await step(what, waitEvent(page, 'annotations-changed', { since, text: '\n' }));
          since = await mark(page);
          await page.keyboard.press('ControlOrMeta+V');
        }
        const text = await step(what, page.waitForFunction((len) => window.quill.getText().length > len && window.quill.getText(), how === 'api' ? 0 : 1).then((h) => h.jsonValue()));
        await step(what, waitEvent(page, 'annotations-changed', { since, text }));
        await settleHandlers(page);
        const r = await page.evaluate(() => {
          const el = document.getElementById('annotator');
          const ranges = ['actor', 'country', 'agreement'].flatMap((l) => [...CSS.highlights.get(`article-annotator-${l}`)]);
          return {
            marks: ranges.map((x) => x.toString()),
            inside: ranges.every((x) => window.quill.root.contains(x.startContainer)),
            rootTags: [...new Set([...window.quill.root.querySelectorAll('*')].map((n) => n.localName))],
            text: el.text,
          };
        });
        assert.equal(text.replace(/\n$/, ''), P, `${what}: the editor holds the text literally`);
        assert.equal(r.text, text);
        assert.ok(r.inside);
        assert.deepEqual(r.rootTags.filter((n) => !['p', 'br'].includes(n)), [], `${what}: elements in the editor`);
        assert.ok(includesAll(r.marks, p.expect), `${what}: highlights ${JSON.stringify(r.marks)}`);
        assertNoNewElements(base, await page.evaluate(census), what);
        await assertNotPwned(page, what);
      }
    }
    await page.click('#save'); // the editor's saved HTML is its own business; it must not run either
    await settleHandlers(page);
    await assertNotPwned(page, 'saved');
    t.diagnostic(`${PAYLOADS.length} payloads set through the API, ${pasted} pasted`);
    assertClean(watched, errors, 'editor');
    await page.close();
  });

  it('dictionary: payloads as entry text, name and alias and as denied text, by property and attribute', async (t) => {
    const { page, errors, ...watched } = await openWidget('/examples/render.html');
    await waitEvent(page, 'annotations-changed', { id: 'reader' });
    await page.evaluate(() => (document.getElementById('reader').debounce = 0));
    const base = await page.evaluate(census);
    let accepted = 0;
    let rejected = 0;
    let named = 0;
    for (const p of PAYLOADS) {
      // The engine takes texts of at most 200 bytes: long payloads are cut (by code point).
      let P = await asSent(page, p.payload);
      while (Buffer.byteLength(P) > 190) P = Array.from(P).slice(0, -10).join('');
      const dict = {
        entries: [
          { text: P, type: 'organization', name: P, aliases: [`${P} Group`] },
          { text: 'Zorblatt Collective', type: 'organization', name: P, aliases: [P] },
        ],
        deny: [`${P} Ltd`, P],
      };
      const text = `${P} met the Zorblatt Collective in Kenya.`;
      const what = `#${p.id} ${p.name} (dictionary)`;
      const since = await mark(page);
      await page.evaluate(
        ([d, text, asAttribute]) => {
          const el = document.getElementById('reader');
          if (asAttribute) el.setAttribute('dictionary', JSON.stringify(d));
          else el.dictionary = d;
          el.text = text;
        },
        [dict, text, p.id % 4 === 0],
      );
      const e = await step(what, waitEvent(page, 'annotations-changed', { since, text }));
      const err = await page.evaluate((n) => window.__events.slice(n).find((x) => x.type === 'annotator-error'), since);
      if (err) rejected++;
      else accepted++;
      await settleHandlers(page);
      const r = await page.evaluate(() => {
        const el = document.getElementById('reader');
        const root = el.shadowRoot;
        return {
          article: root.querySelector('[part~=article]').textContent,
          entities: [...root.querySelectorAll('[part~=entity]')].map((b) => b.firstChild.data),
          titles: [...root.querySelectorAll('mark')].map((m) => m.title),
        };
      });
      assert.equal(r.article, text, `${what}: shown literally`);
      if (!err) {
        // The payload is the entity's display name: shown in the legend and the title, as text.
        // (The engine keeps strings as UTF-8: a lone surrogate in a name comes back as U+FFFD.)
        const name = P.toWellFormed();
        assert.ok(e.detail.annotations.some((a) => a.text === 'Zorblatt Collective' && a.name === name), `${what}: ${JSON.stringify(e.detail.annotations)}`);
        assert.ok(r.entities.includes(`${name} `), `${what}: legend ${JSON.stringify(r.entities)}`);
        assert.ok(r.titles.some((x) => x.startsWith(`${name} · actor`)));
        named++;
      } else {
        assert.match(err.detail.message, /^article-annotator: (invalid dictionary|the dictionary attribute)/);
      }
      assertNoNewElements(base, await page.evaluate(census), what);
      await assertNotPwned(page, what);
    }
    t.diagnostic(`dictionaries accepted ${accepted}, rejected with a clear error ${rejected}; payload shown as an entity name ${named} times`);
    assert.ok(accepted >= PAYLOADS.length / 2, 'most payload dictionaries are valid (the test would be weak otherwise)');
    assertClean(watched, errors, 'dictionary');
    await page.close();
  });

  it('exports: toCSV neutralises formula cells, toJSON / toWebAnnotations / toDisplacy round-trip payload text', async () => {
    const { page, errors, ...watched } = await openWidget('/examples/index.html');
    const r = await page.evaluate(
      async ([payloads, formulas]) => {
        const AA = await import('/article-annotator.js');
        await AA.ready();
        // Real annotations whose entity names are formulas (those the engine accepts as names).
        const words = ['Alpha', 'Beta', 'Gamma', 'Delta', 'Epsilon', 'Zeta'];
        const accepted = [];
        for (let i = 0; i < formulas.length; i++) {
          try {
            new AA.Annotator({ entries: [{ text: `Zorblatt ${words[i]} Group`, type: 'organization', name: formulas[i] }] }).free();
            accepted.push(i);
          } catch {
            // names with control characters may be refused; the synthetic rows below cover them
          }
        }
        const engine = new AA.Annotator({ entries: accepted.map((i) => ({ text: `Zorblatt ${words[i]} Group`, type: 'organization', name: formulas[i] })) });
        const text = accepted.map((i) => `The Zorblatt ${words[i]} Group met.`).join(' ');
        const real = engine.annotate(text);
        engine.free();
        // Synthetic rows: every column starting with every dangerous character.
        const cols = ['label', 'type', 'text', 'entity', 'name', 'country'];
        const synthetic = formulas.flatMap((f, i) => cols.map((c) => ({ start: i, end: i + 1, label: 'actor', type: 'person', text: 'x', entity: 'x', name: 'x', country: 'KE', [c]: f })));
        const withPayloads = payloads.map((p, i) => ({ start: 0, end: p.length, label: 'actor', type: 'organization', text: p, entity: p, name: p, country: undefined, id: i }));
        return {
          accepted: accepted.length,
          realNames: real.map((a) => a.name),
          csvReal: AA.toCSV(real),
          csvSynthetic: AA.toCSV(synthetic),
          synthetic,
          csvPayloads: AA.toCSV(withPayloads),
          json: AA.toJSON(withPayloads),
          ld: JSON.stringify(AA.toWebAnnotations(withPayloads.map((a) => ({ ...a, end: a.text.length })), { text: undefined })),
          displacy: JSON.stringify(AA.toDisplacy(payloads.join('\n'), [])),
          joined: payloads.join('\n'),
          pwned: window.__pwned ?? null,
        };
      },
      [PAYLOADS.map((p) => p.payload), FORMULAS],
    );
    assert.equal(r.pwned, null);
    assert.ok(r.accepted >= 4, `only ${r.accepted} formula names accepted`);
    assert.deepEqual(r.realNames, FORMULAS.filter((f, i) => r.realNames.includes(f)));
    const dangerous = /^[=+\-@\t\r]/;
    for (const [what, csv] of [['real', r.csvReal], ['synthetic', r.csvSynthetic], ['payloads', r.csvPayloads]]) {
      const rows = parseCSV(csv);
      for (const row of rows) for (const cell of row) assert.doesNotMatch(cell, dangerous, `${what}: a formula cell ${JSON.stringify(cell)}`);
    }
    // Neutralised, not lost: the cell is the value behind one apostrophe.
    const synth = parseCSV(r.csvSynthetic).slice(1);
    const cols = ['start', 'end', 'label', 'type', 'text', 'entity', 'name', 'country'];
    synth.forEach((row, i) => {
      const a = r.synthetic[i];
      row.forEach((cell, c) => assert.equal(cell, dangerous.test(String(a[cols[c]])) ? `'${a[cols[c]]}` : String(a[cols[c]])));
    });
    // Payload text round-trips through every JSON export, unchanged and unescaped.
    const payloads = PAYLOADS.map((p) => p.payload);
    assert.deepEqual(JSON.parse(r.json).map((a) => a.text), payloads);
    assert.deepEqual(JSON.parse(r.ld).first.items.map((x) => x.target.exact ?? x.target.selector.exact), payloads);
    assert.equal(JSON.parse(r.displacy).text, r.joined);
    assert.deepEqual(parseCSV(r.csvPayloads).slice(1).map((row) => row[4]), payloads.map((p) => (dangerous.test(p) ? `'${p}` : p)));
    await assertNotPwned(page, 'exports');
    assertClean(watched, errors, 'exports');
    await page.close();
  });
});
