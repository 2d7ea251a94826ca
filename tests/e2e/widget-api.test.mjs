// <article-annotator>: render mode, dictionary, labels, emoji offsets, contenteditable mapping,
// errors, and the JS API for CMS code; in headless Chromium under the strict CSP.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { setup, open, waitEvent, mark, highlights, screenshot } from './widget-helpers.mjs';

let ctx;
before(async () => {
  ctx = await setup();
});
after(() => ctx?.close());

/** A page of the origin with no element on it, with the module imported. */
async function blank(options) {
  const p = await open(ctx, '/examples/index.html', options);
  await p.page.evaluate(async () => {
    window.AA = await import('/article-annotator.js');
  });
  return p;
}

describe('render mode', () => {
  it('is readable before and without JavaScript', async () => {
    const context = await ctx.browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${ctx.server.url}/examples/render.html`);
    const text = await page.innerText('#reader');
    assert.match(text, /US President Joe Biden met Olaf Scholz in Berlin/);
    assert.match(text, /French President Emmanuel Macron later joined them/);
    await context.close();
  });

  it('renders marks in its shadow root, as text nodes only, and leaves the light DOM alone', async () => {
    const { page, violations, foreign } = await open(ctx, '/examples/render.html');
    const e = await waitEvent(page, 'annotations-changed', { id: 'reader' });
    assert.ok(e.bubbles && e.composed);
    const r = await page.evaluate(() => {
      const el = document.getElementById('reader');
      const article = el.shadowRoot.querySelector('[part~=article]');
      return {
        text: el.text,
        shown: article.textContent,
        marks: [...article.querySelectorAll('mark')].map((m) => [m.textContent, m.getAttribute('part'), m.tabIndex]),
        elements: [...article.querySelectorAll('*')].map((n) => n.localName),
        light: el.querySelectorAll('mark').length,
        visible: !article.hidden && article.getBoundingClientRect().height > 0,
      };
    });
    assert.equal(r.text, e.detail.text);
    assert.equal(r.shown, r.text);
    assert.ok(r.text.includes('eastern flank.\n\nFrench President'), 'paragraphs become blank-line separated text');
    assert.deepEqual(
      r.marks.map((m) => m[0]),
      e.detail.annotations.map((a) => a.text),
    );
    assert.deepEqual(r.marks[1], ['Joe Biden', 'mark actor person', 0]);
    assert.ok(r.elements.every((n) => n === 'mark'));
    assert.equal(r.light, 0);
    assert.ok(r.visible);
    await screenshot(page, 'widget-render');

    // Markup in the text stays text.
    const since = await mark(page);
    await page.evaluate(() => {
      document.getElementById('reader').text = '<img src=x onerror="window.__pwned=1">Joe Biden <b>met</b> Xi Jinping.';
    });
    const e2 = await waitEvent(page, 'annotations-changed', { since });
    const x = await page.evaluate(() => {
      const article = document.getElementById('reader').shadowRoot.querySelector('[part~=article]');
      return { text: article.textContent, tags: [...article.querySelectorAll('*')].map((n) => n.localName), pwned: window.__pwned ?? null };
    });
    assert.equal(x.text, e2.detail.text);
    assert.deepEqual(x.tags, ['mark', 'mark']);
    assert.equal(x.pwned, null);
    assert.deepEqual(
      e2.detail.annotations.map((a) => a.text),
      ['Joe Biden', 'Xi Jinping'],
    );
    assert.deepEqual(violations, []);
    assert.deepEqual(foreign, []);
    await page.close();
  });

  it('fires entity-activate on click and keyboard on a highlight, and on a legend entity', async () => {
    const { page } = await open(ctx, '/examples/render.html');
    await waitEvent(page, 'annotations-changed', { id: 'reader' });
    let since = await mark(page);
    await page.locator('#reader mark', { hasText: 'Olaf Scholz' }).click();
    let e = await waitEvent(page, 'entity-activate', { since });
    assert.ok(e.bubbles && e.composed);
    assert.equal(e.detail.entity.name, 'Olaf Scholz');
    assert.equal(e.detail.entity.country, 'DE');
    assert.equal(e.detail.annotation.text, 'Olaf Scholz');
    assert.match(await page.textContent('#activated'), /^Olaf Scholz: actor \(person, DE\)/);

    since = await mark(page);
    await page.locator('#reader mark', { hasText: 'Paris Agreement' }).focus();
    await page.keyboard.press('Enter');
    e = await waitEvent(page, 'entity-activate', { since });
    assert.equal(e.detail.entity.key, 'agreement:Paris Agreement');
    since = await mark(page);
    await page.keyboard.press('Tab'); // the next highlight, NATO
    await page.keyboard.press(' ');
    e = await waitEvent(page, 'entity-activate', { since });
    assert.equal(e.detail.annotation.text, 'NATO');

    since = await mark(page);
    await page.locator('#reader [part~=entity]', { hasText: 'Emmanuel Macron' }).click();
    e = await waitEvent(page, 'entity-activate', { since });
    assert.equal(e.detail.entity.name, 'Emmanuel Macron');
    assert.equal(e.detail.annotation, undefined);
    await page.close();
  });

  it('labels limits what is shown; an unknown label is reported', async () => {
    const { page } = await open(ctx, '/examples/render.html');
    await waitEvent(page, 'annotations-changed', { id: 'reader' });
    let since = await mark(page);
    await page.evaluate(() => document.getElementById('reader').setAttribute('labels', 'country agreement'));
    let e = await waitEvent(page, 'annotations-changed', { since });
    assert.deepEqual([...new Set(e.detail.annotations.map((a) => a.label))].sort(), ['agreement', 'country']);
    const legend = await page.evaluate(() =>
      [...document.getElementById('reader').shadowRoot.querySelectorAll('[part~=legend-item]')].map((n) => n.textContent),
    );
    assert.deepEqual(legend, ['Countries 4', 'Agreements 2']);
    assert.deepEqual(await page.evaluate(() => document.getElementById('reader').labels), ['country', 'agreement']);

    since = await mark(page);
    await page.evaluate(() => {
      document.getElementById('reader').labels = ['actor', 'bogus'];
    });
    const err = await waitEvent(page, 'annotator-error', { since });
    assert.match(err.detail.message, /unknown label "bogus"/);
    e = await waitEvent(page, 'annotations-changed', { since });
    assert.deepEqual([...new Set(e.detail.annotations.map((a) => a.label))], ['actor']);
    await page.close();
  });

  it('disabled shows the plain text and clears the highlights; re-enabled, they come back', async () => {
    const { page } = await open(ctx, '/examples/render.html');
    await waitEvent(page, 'annotations-changed', { id: 'reader' });
    const state = () =>
      page.evaluate(() => {
        const el = document.getElementById('reader');
        return { marks: el.shadowRoot.querySelectorAll('mark').length, fallback: !el.shadowRoot.querySelector('[part~=fallback]').hidden };
      });
    assert.deepEqual(await state(), { marks: 10, fallback: false });
    await page.evaluate(() => {
      document.getElementById('reader').disabled = true;
    });
    await page.waitForFunction(() => document.getElementById('reader').shadowRoot.querySelectorAll('mark').length === 0);
    assert.deepEqual(await state(), { marks: 0, fallback: true });
    assert.match(await page.innerText('#reader'), /Joe Biden met Olaf Scholz/);
    await page.evaluate(() => document.getElementById('reader').removeAttribute('disabled'));
    await page.waitForFunction(() => document.getElementById('reader').shadowRoot.querySelectorAll('mark').length === 10);
    await page.close();
  });
});

describe('dictionary', () => {
  const TEXT = 'Grace Wanjiru of the Zorblatt Collective defended the Heron Understanding. Later Wanjiru said Jordan agreed.';
  const DICT = {
    entries: [
      { text: 'Grace Wanjiru', type: 'person', country: 'KE', aliases: ['Wanjiru'] },
      { text: 'Zorblatt Collective', type: 'organization' },
      { text: 'Heron Understanding', type: 'named' },
    ],
    deny: ['Jordan'],
  };
  const spans = (e) => e.detail.annotations.map((a) => `${a.text}:${a.label}/${a.type}${a.country ? `/${a.country}` : ''}`);

  it('adds entries and suppresses denied texts, from the attribute (JSON) and the property (object or TSV)', async () => {
    const { page } = await blank();
    let since = await mark(page);
    await page.evaluate((text) => {
      const el = document.createElement('article-annotator');
      el.id = 'd';
      el.text = text;
      document.body.append(el);
    }, TEXT);
    let e = await waitEvent(page, 'annotations-changed', { since, id: 'd' });
    assert.deepEqual(spans(e), ['Jordan:country/country/JO'], 'without a dictionary');

    since = await mark(page);
    await page.evaluate((d) => document.getElementById('d').setAttribute('dictionary', JSON.stringify(d)), DICT);
    e = await waitEvent(page, 'annotations-changed', { since, id: 'd' });
    const withDict = [
      'Grace Wanjiru:actor/person/KE',
      'Zorblatt Collective:actor/organization',
      'Heron Understanding:agreement/named',
      'Wanjiru:actor/person/KE',
    ];
    assert.deepEqual(spans(e), withDict);
    assert.equal(e.detail.entities[0].name, 'Grace Wanjiru');
    assert.equal(e.detail.entities[0].count, 2);
    assert.deepEqual(await page.evaluate(() => document.getElementById('d').dictionary.deny), ['Jordan']);

    since = await mark(page);
    await page.evaluate(() => {
      document.getElementById('d').dictionary = { deny: ['Jordan'] };
    });
    e = await waitEvent(page, 'annotations-changed', { since, id: 'd' });
    assert.deepEqual(spans(e), [], 'the property replaces the attribute');

    since = await mark(page);
    await page.evaluate(() => {
      document.getElementById('d').dictionary = 'organization\tZorblatt Collective\n';
    });
    e = await waitEvent(page, 'annotations-changed', { since, id: 'd' });
    assert.deepEqual(spans(e), ['Zorblatt Collective:actor/organization', 'Jordan:country/country/JO'], 'TSV text');

    since = await mark(page);
    await page.evaluate(() => {
      document.getElementById('d').dictionary = null;
    });
    e = await waitEvent(page, 'annotations-changed', { since, id: 'd' });
    assert.deepEqual(spans(e), ['Jordan:country/country/JO']);
    await page.close();
  });

  it('reaches the highlights of an editor', async () => {
    const { page } = await open(ctx, '/examples/editor.html');
    await page.waitForFunction(() => window.quill && document.getElementById('annotator').annotations.length > 0, null, { timeout: 20_000 });
    const since = await mark(page);
    await page.evaluate(
      ({ text, dict }) => {
        document.getElementById('annotator').dictionary = dict;
        window.quill.setText(text, 'api');
      },
      { text: TEXT, dict: DICT },
    );
    await waitEvent(page, 'annotations-changed', { since, text: `${TEXT}\n` });
    assert.deepEqual(await highlights(page), {
      actor: ['Grace Wanjiru', 'Zorblatt Collective', 'Wanjiru'],
      country: [],
      agreement: ['Heron Understanding'],
    });
    await page.close();
  });

  it('an invalid dictionary is reported clearly, and the plain engine keeps working', async () => {
    const { page } = await blank();
    let since = await mark(page);
    await page.evaluate((text) => {
      const el = document.createElement('article-annotator');
      el.id = 'bad';
      el.setAttribute('dictionary', '{"entries":[{"text":"Grace Wanjiru","type":"person","country":"ZZ"}]}');
      el.text = text;
      document.body.append(el);
    }, TEXT);
    let err = await waitEvent(page, 'annotator-error', { since, id: 'bad' });
    assert.ok(err.bubbles && err.composed);
    assert.match(err.detail.message, /^article-annotator: invalid dictionary \(.*unknown country code "ZZ"/);
    let e = await waitEvent(page, 'annotations-changed', { since, id: 'bad' });
    assert.deepEqual(spans(e), ['Jordan:country/country/JO']);

    since = await mark(page);
    await page.evaluate(() => document.getElementById('bad').setAttribute('dictionary', '{"entries": [oops]}'));
    err = await waitEvent(page, 'annotator-error', { since, id: 'bad' });
    assert.match(err.detail.message, /dictionary attribute is not valid JSON/);
    since = await mark(page);
    await page.evaluate(() => {
      document.getElementById('bad').dictionary = { entries: [{ text: 'X', type: 'martian' }] };
    });
    err = await waitEvent(page, 'annotator-error', { since, id: 'bad' });
    assert.match(err.detail.message, /invalid dictionary \(.*martian/);
    await page.close();
  });
});

describe('offsets', () => {
  it('annotations-changed carries UTF-16 offsets after emoji (textarea, typed)', async () => {
    const { page } = await blank();
    await page.evaluate(() => {
      const ta = document.createElement('textarea');
      ta.id = 'ta';
      ta.cols = 60;
      ta.rows = 6;
      const el = document.createElement('article-annotator');
      el.id = 'w';
      el.setAttribute('for', 'ta');
      el.debounce = 50;
      document.body.append(ta, el);
    });
    await page.click('#ta');
    const typed = '👍🏽 Talks: 🇫🇷 Emmanuel Macron 😀 met Joe Biden; 👨‍👩‍👧 NATO said 𝐀 the Paris Agreement holds.';
    await page.keyboard.type(typed);
    const e = await waitEvent(page, 'annotations-changed', { id: 'w', text: typed });
    const want = ['Emmanuel Macron', 'Joe Biden', 'NATO', 'Paris Agreement'].map((t) => [typed.indexOf(t), typed.indexOf(t) + t.length, t]);
    assert.deepEqual(
      e.detail.annotations.map((a) => [a.start, a.end, a.text]),
      want,
    );
    assert.ok(want[0][0] > [...typed.slice(0, want[0][0])].length, 'UTF-16 offsets, not code points');
    const marks = await page.evaluate(() => [...document.getElementById('w').shadowRoot.querySelectorAll('[part~=overlay] mark')].map((m) => m.textContent));
    assert.deepEqual(
      marks,
      want.map((w) => w[2]),
    );
    await page.close();
  });

  it('maps offsets back to DOM ranges in a contenteditable with inline, block, <br> and emoji', async () => {
    const { page } = await blank();
    const since = await mark(page);
    await page.evaluate(() => {
      const wrap = document.createElement('div');
      wrap.id = 'wrap';
      // The target is the wrapper; the element finds the editable root inside it.
      wrap.innerHTML =
        '<div class="toolbar">Joe Biden toolbar</div><div id="ce" contenteditable="true"><h2>Talks in <em>Berlin</em> 🇩🇪</h2>' +
        '<p>US President <b>Joe</b> Bi<i>den</i> 😀 met<br>Olaf Scholz.</p><ul><li>France</li><li>the Paris <span>Agree</span>ment</li></ul>' +
        '<p>👨‍👩‍👧 <a href="#x">NATO</a></p></div>';
      const el = document.createElement('article-annotator');
      el.id = 'w';
      el.setAttribute('for', 'wrap');
      document.body.append(wrap, el);
    });
    const e = await waitEvent(page, 'annotations-changed', { since, id: 'w' });
    assert.equal(e.detail.text, 'Talks in Berlin 🇩🇪\nUS President Joe Biden 😀 met\nOlaf Scholz.\nFrance\nthe Paris Agreement\n👨‍👩‍👧 NATO\n');
    const r = await page.evaluate(() => {
      const ce = document.getElementById('ce');
      const all = ['actor', 'country', 'agreement'].flatMap((l) => [...CSS.highlights.get(`article-annotator-${l}`)].map((x) => [l, x]));
      all.sort((a, b) => a[1].compareBoundaryPoints(Range.START_TO_START, b[1]));
      return { ranges: all.map(([l, x]) => [l, x.toString()]), inside: all.every(([, x]) => ce.contains(x.commonAncestorContainer)) };
    });
    assert.deepEqual(
      r.ranges,
      e.detail.annotations.map((a) => [a.label, a.text]),
    );
    assert.ok(r.ranges.some(([, t]) => t === 'Joe Biden'), 'a mention across three text nodes');
    assert.ok(r.inside, 'the toolbar outside the editable root is not read');

    // Typing in the middle moves later highlights with the text.
    const since2 = await mark(page);
    await page.evaluate(() => {
      const b = document.querySelector('#ce b');
      b.firstChild.insertData(0, 'Angela Merkel and ');
    });
    const e2 = await waitEvent(page, 'annotations-changed', { since: since2, id: 'w' });
    const r2 = await highlights(page);
    assert.ok(r2.actor.includes('Angela Merkel') && r2.actor.includes('Olaf Scholz'));
    for (const a of e2.detail.annotations) assert.equal(e2.detail.text.slice(a.start, a.end), a.text);
    await page.close();
  });

  it('highlights an editable iframe body given as the target property (iframe editors)', async () => {
    const { page } = await blank();
    const since = await mark(page);
    await page.evaluate(() => {
      const frame = document.createElement('iframe');
      frame.id = 'frame';
      document.body.append(frame);
      const body = frame.contentDocument.body;
      body.contentEditable = 'true';
      const p = frame.contentDocument.createElement('p');
      p.textContent = 'Angela Merkel flew to Kenya.';
      body.append(p);
      const el = document.createElement('article-annotator');
      el.id = 'w';
      el.target = body;
      document.body.append(el);
    });
    const e = await waitEvent(page, 'annotations-changed', { since, id: 'w' });
    assert.equal(e.detail.text, 'Angela Merkel flew to Kenya.\n');
    const r = await page.evaluate(() => {
      const win = document.getElementById('frame').contentWindow;
      return {
        frame: ['actor', 'country'].map((l) => [...win.CSS.highlights.get(`article-annotator-${l}`)].map((x) => x.toString())),
        top: CSS.highlights.has('article-annotator-actor') ? [...CSS.highlights.get('article-annotator-actor')].length : 0,
        styled: win.document.adoptedStyleSheets.length,
      };
    });
    assert.deepEqual(r, { frame: [['Angela Merkel'], ['Kenya']], top: 0, styled: 1 });
    await page.close();
  });

  it('without the Highlight API, attach mode shows a read-only annotated preview instead', async () => {
    const { page } = await open(ctx, '/examples/index.html', {
      route: (p) =>
        p.addInitScript(() => {
          Object.defineProperty(CSS, 'highlights', { value: undefined, configurable: true });
        }),
    });
    await page.evaluate(async () => {
      await import('/article-annotator.js');
      const ce = document.createElement('div');
      ce.id = 'ce';
      ce.contentEditable = 'true';
      ce.textContent = 'Joe Biden met Olaf Scholz.';
      const el = document.createElement('article-annotator');
      el.id = 'w';
      el.setAttribute('for', 'ce');
      document.body.append(ce, el);
    });
    await waitEvent(page, 'annotations-changed', { id: 'w' });
    const marks = await page.evaluate(() => [...document.getElementById('w').shadowRoot.querySelectorAll('[part~=article] mark')].map((m) => m.textContent));
    assert.deepEqual(marks, ['Joe Biden', 'Olaf Scholz']);
    assert.equal(await page.evaluate(() => document.getElementById('ce').innerHTML), 'Joe Biden met Olaf Scholz.');
    await page.close();
  });
});

describe('loading and timing', () => {
  it('a wasm that fails to load fires annotator-error, and the article stays readable', async () => {
    const { page } = await open(ctx, '/examples/render.html', {
      route: (p) => p.route('**/annotator_bg.wasm', (r) => r.fulfill({ status: 404, body: 'nope' })),
    });
    const err = await waitEvent(page, 'annotator-error', { id: 'reader' });
    assert.match(err.detail.message, /could not load the annotation engine from http:\/\/.*\/pkg\/annotator_bg\.wasm/);
    assert.match(await page.innerText('#reader'), /Joe Biden met Olaf Scholz/);
    await page.close();
  });

  it('wasm-url (attribute) and ArticleAnnotator.wasmUrl choose where the wasm comes from', async () => {
    for (const how of ['attribute', 'static']) {
      const { page } = await open(ctx, '/examples/index.html');
      const wasm = [];
      page.on('request', (r) => r.url().includes('.wasm') && wasm.push(new URL(r.url()).pathname + new URL(r.url()).search));
      await page.evaluate(async (how) => {
        const { ArticleAnnotator } = await import('/article-annotator.js');
        const el = document.createElement('article-annotator');
        el.id = 'w';
        if (how === 'static') ArticleAnnotator.wasmUrl = '/pkg/annotator_bg.wasm?from=static';
        else el.setAttribute('wasm-url', '/pkg/annotator_bg.wasm?from=attribute');
        el.text = 'Kenya';
        document.body.append(el);
      }, how);
      await waitEvent(page, 'annotations-changed', { id: 'w' });
      assert.deepEqual(wasm, [`/pkg/annotator_bg.wasm?from=${how}`]);
      await page.close();
    }
  });

  it('debounce delays re-annotation after input', async () => {
    const { page } = await blank();
    await page.evaluate(() => {
      const ta = document.createElement('textarea');
      ta.id = 'ta';
      const el = document.createElement('article-annotator');
      el.id = 'w';
      el.setAttribute('for', 'ta');
      el.setAttribute('debounce', '700');
      document.body.append(ta, el);
    });
    await waitEvent(page, 'annotations-changed', { id: 'w', text: '' });
    await page.fill('#ta', 'Kenya');
    const t0 = Date.now();
    const since = await mark(page);
    await page.waitForTimeout(350);
    assert.equal(await page.evaluate((s) => window.__events.length - s, since), 0, 'nothing before the debounce');
    const e = await waitEvent(page, 'annotations-changed', { since, id: 'w', text: 'Kenya' });
    assert.ok(Date.now() - t0 >= 600, `fired after ${Date.now() - t0} ms`);
    assert.equal(e.detail.annotations[0].entity, 'KE');
    await page.close();
  });
});

describe('JS API', () => {
  it('ready(), annotate, Annotator, toWebAnnotations and toDisplacy', async () => {
    const { page } = await blank();
    const r = await page.evaluate(async () => {
      const m = window.AA;
      const out = {};
      try {
        m.annotate('Kenya');
      } catch (e) {
        out.early = e.message;
      }
      await m.ready();
      const text = '😀 Joe Biden met officials in Kenya.';
      const anns = m.annotate(text);
      out.anns = anns.map((a) => [a.start, a.end, a.text, a.entity]);
      const a = new m.Annotator({ entries: [{ text: 'Zorblatt Collective', type: 'organization' }] });
      out.dict = a.annotate('The Zorblatt Collective spoke.').map((x) => x.text);
      a.free();
      out.only = m.annotate(text, { labels: ['country'] }).map((x) => x.text);
      const wa = m.toWebAnnotations(anns, { source: 'https://example.org/story', text });
      out.wa = wa.first.items[0].target;
      out.displacy = m.toDisplacy(text, anns);
      out.version = m.version();
      out.exports = Object.keys(m).sort();
      try {
        m.annotate(42);
      } catch (e) {
        out.bad = `${e.name}: ${e.message}`;
      }
      return out;
    });
    assert.match(r.early, /await ready\(\) first/);
    assert.deepEqual(r.anns, [
      [3, 12, 'Joe Biden', 'Joe Biden'],
      [30, 35, 'Kenya', 'KE'],
    ]);
    assert.deepEqual(r.dict, ['Zorblatt Collective']);
    assert.deepEqual(r.only, ['Kenya']);
    assert.equal(r.wa.source, 'https://example.org/story');
    assert.deepEqual(r.wa.selector[1], { type: 'TextPositionSelector', start: 2, end: 11 });
    assert.deepEqual(r.displacy.ents, [
      { start: 2, end: 11, label: 'ACTOR' },
      { start: 29, end: 34, label: 'COUNTRY' },
    ]);
    assert.match(r.version, /^\d+\.\d+\.\d+/);
    for (const name of ['ArticleAnnotator', 'Annotator', 'annotate', 'ready', 'toWebAnnotations', 'toDisplacy', 'summarize', 'version']) {
      assert.ok(r.exports.includes(name), name);
    }
    assert.match(r.bad, /^TypeError: annotate\(\): text must be a string/);
    await page.close();
  });

  it('define() registers under another tag, and the element class is the same', async () => {
    const { page } = await blank();
    const r = await page.evaluate(async () => {
      const { ArticleAnnotator } = window.AA;
      class NewsroomAnnotator extends ArticleAnnotator {}
      NewsroomAnnotator.define('newsroom-annotator');
      const el = document.createElement('newsroom-annotator');
      el.text = 'Joe Biden';
      document.body.append(el);
      await el.refresh();
      return {
        same: customElements.get('article-annotator') === ArticleAnnotator,
        again: ArticleAnnotator.define() === ArticleAnnotator,
        mine: el instanceof ArticleAnnotator,
        anns: el.annotations.map((a) => a.text),
      };
    });
    assert.deepEqual(r, { same: true, again: true, mine: true, anns: ['Joe Biden'] });
    await page.close();
  });
});
