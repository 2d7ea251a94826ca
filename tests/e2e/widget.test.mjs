// <article-annotator> in the two attach-mode examples, in headless Chromium under the strict CSP
// of scripts/serve.py: a real rich-text editor (Quill 2, www/examples/editor.html) highlighted
// with the CSS Custom Highlight API, and a <textarea> with its overlay mirror
// (www/examples/textarea.html).
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { setup, open, waitEvent, mark, highlights, screenshot } from './widget-helpers.mjs';


const quillText = (page) => page.evaluate(() => window.quill.getText());
const quillHTML = (page) => page.evaluate(() => window.quill.root.innerHTML);

describe('<article-annotator> on a rich-text editor (Quill 2)', () => {
  let ctx;
  let page;
  let watched;
  let T0;
  let H0;

  before(async () => {
    ctx = await setup();
    ({ page, ...watched } = await open(ctx, '/examples/editor.html'));
    await page.waitForFunction(() => window.quill && document.getElementById('annotator').annotations.length > 0, null, { timeout: 20_000 });
    T0 = await quillText(page);
    H0 = await quillHTML(page);
  });
  after(() => ctx?.close());

  it('highlights the article with CSS.highlights ranges over the editor text, adding no element', async () => {
    const hl = await highlights(page);
    assert.deepEqual(hl.actor, ['Joe Biden', 'Olaf Scholz', 'NATO', 'Emmanuel Macron']);
    assert.deepEqual(hl.country, ['US', 'French']);
    assert.deepEqual(hl.agreement, ['Paris Agreement'], 'a mention inside <strong> is one range');
    const info = await page.evaluate(() => {
      const el = document.getElementById('annotator');
      const all = ['actor', 'country', 'agreement'].flatMap((l) => [...CSS.highlights.get(`article-annotator-${l}`)]);
      return {
        text: el.text,
        quill: window.quill.getText(),
        inside: all.every((r) => window.quill.root.contains(r.startContainer) && window.quill.root.contains(r.endContainer)),
        marks: window.quill.root.querySelectorAll('mark, [part], [data-index]').length,
        annotations: el.annotations.map((a) => [a.start, a.end, a.text]),
      };
    });
    assert.equal(info.text, info.quill, "the element's text model is Quill's getText()");
    assert.ok(info.inside, 'every range lies in the editable root');
    assert.equal(info.marks, 0);
    for (const [start, end, text] of info.annotations) assert.equal(info.quill.slice(start, end), text);
    assert.deepEqual(watched.violations, [], 'no CSP violation');
    assert.deepEqual(watched.foreign, [], 'nothing loaded from outside the origin');
  });

  it('typing adds highlights for the new mentions', async () => {
    const since = await mark(page);
    await page.evaluate(() => window.quill.setSelection(window.quill.getLength() - 1, 0));
    await page.keyboard.type(' Angela Merkel met Xi Jinping about the Iran nuclear deal.');
    const text = await quillText(page);
    assert.ok(text.endsWith('the Iran nuclear deal.\n'), JSON.stringify(text));
    const e = await waitEvent(page, 'annotations-changed', { since, text });
    assert.ok(e.bubbles && e.composed);
    const hl = await highlights(page);
    for (const name of ['Angela Merkel', 'Xi Jinping']) assert.ok(hl.actor.includes(name), `${name} in ${hl.actor}`);
    assert.ok(hl.country.includes('Iran'), String(hl.country));
    assert.ok(hl.agreement.includes('nuclear deal'), String(hl.agreement));
    for (const a of e.detail.annotations) assert.equal(text.slice(a.start, a.end), a.text);
    assert.equal(hl.actor.length + hl.country.length + hl.agreement.length, e.detail.annotations.length);
    await screenshot(page, 'widget-editor-typed');
  });

  it('the caret survives re-annotation: typing goes on where it was', async () => {
    const end = (await page.evaluate(() => window.quill.getLength())) - 1;
    assert.deepEqual(await page.evaluate(() => window.quill.getSelection()), { index: end, length: 0 });
    const since = await mark(page);
    await page.keyboard.type(' Done.');
    const text = await quillText(page);
    assert.ok(text.endsWith('the Iran nuclear deal. Done.\n'), JSON.stringify(text));
    await waitEvent(page, 'annotations-changed', { since, text });
    assert.deepEqual(await page.evaluate(() => window.quill.getSelection()), { index: end + 6, length: 0 });
  });

  it('a selection survives a re-annotation caused by a programmatic edit (MutationObserver path)', async () => {
    await page.evaluate(() => {
      window.quill.setSelection(3, 10, 'user');
      const s = document.getSelection();
      window.__sel = { anchor: s.anchorNode, anchorOffset: s.anchorOffset, focus: s.focusNode, focusOffset: s.focusOffset };
    });
    assert.equal(await page.evaluate(() => document.getSelection().toString()), 'President ');
    const since = await mark(page);
    // An API change fires no input event: the MutationObserver must catch it.
    await page.evaluate(() => window.quill.insertText(window.quill.getLength() - 1, ' Boris Johnson spoke.', 'api'));
    const text = await quillText(page);
    await waitEvent(page, 'annotations-changed', { since, text });
    assert.ok((await highlights(page)).actor.includes('Boris Johnson'));
    const kept = await page.evaluate(() => {
      const s = document.getSelection();
      const w = window.__sel;
      return {
        quill: window.quill.getSelection(),
        text: s.toString(),
        same: s.anchorNode === w.anchor && s.anchorOffset === w.anchorOffset && s.focusNode === w.focus && s.focusOffset === w.focusOffset,
      };
    });
    assert.deepEqual(kept, { quill: { index: 3, length: 10 }, text: 'President ', same: true });
  });

  it("the editor's own undo (Ctrl+Z) restores the previous text exactly; redo re-applies", async () => {
    await page.waitForTimeout(1100); // Quill merges edits less than 1 s apart into one undo step
    const T1 = await quillText(page);
    const H1 = await quillHTML(page);
    let since = await mark(page);
    await page.evaluate(() => window.quill.setSelection(window.quill.getLength() - 1, 0));
    await page.keyboard.type(' Vladimir Putin objected.');
    const T2 = await quillText(page);
    await waitEvent(page, 'annotations-changed', { since, text: T2 });
    assert.ok((await highlights(page)).actor.includes('Vladimir Putin'));
    await page.waitForTimeout(300); // several annotation passes happened while typing

    since = await mark(page);
    await page.keyboard.press('Control+z');
    assert.equal(await quillText(page), T1);
    assert.equal(await quillHTML(page), H1);
    await waitEvent(page, 'annotations-changed', { since, text: T1 });
    assert.ok(!(await highlights(page)).actor.includes('Vladimir Putin'));

    await page.keyboard.press('Control+Shift+z');
    assert.equal(await quillText(page), T2);

    // The whole history holds only the edits made here: unwinding it gives back the page's article.
    const steps = await page.evaluate(() => window.quill.history.stack.undo.length);
    assert.ok(steps >= 2, `${steps} undo steps`);
    for (let i = 0; i < steps; i++) await page.keyboard.press('Control+z');
    assert.equal(await quillText(page), T0);
    assert.equal(await quillHTML(page), H0);
    assert.equal(await page.evaluate(() => window.quill.history.stack.undo.length), 0);
    for (let i = 0; i < steps; i++) await page.keyboard.press('Control+Shift+z');
    assert.equal(await quillText(page), T2);
  });

  it('a pass with the same text keeps the legend (and its focus); formatting re-maps the ranges at once', async () => {
    await page.evaluate(() => document.getElementById('annotator').refresh());
    await page.locator('#annotator [part~=entity]', { hasText: 'Olaf Scholz' }).focus();
    const before = await highlights(page);
    await page.evaluate(() => {
      const el = document.getElementById('annotator');
      window.__button = el.shadowRoot.activeElement;
      window.quill.root.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await page.waitForTimeout(400); // a debounced pass over the same text
    const kept = await page.evaluate(() => {
      const el = document.getElementById('annotator');
      return { connected: window.__button.isConnected, focused: el.shadowRoot.activeElement === window.__button, text: window.__button.textContent };
    });
    assert.deepEqual(kept, { connected: true, focused: true, text: 'Olaf Scholz 1' });

    // Quill re-renders "US" inside <strong>: the old ranges lose their nodes; new ones come at once.
    const after = await page.evaluate(async () => {
      window.quill.formatText(0, 2, 'bold', 'api');
      await Promise.resolve(); // the MutationObserver's microtask, no debounce
      const r = [...CSS.highlights.get('article-annotator-country')].find((x) => x.toString() === 'US');
      return r?.startContainer.parentNode.localName;
    });
    assert.equal(after, 'strong');
    assert.deepEqual(await highlights(page), before);
  });

  it("the editor's saved HTML holds no trace of the widget", async () => {
    await page.evaluate(() => document.getElementById('annotator').refresh());
    const saved = await page.evaluate(() => ({
      root: window.quill.root.innerHTML,
      semantic: window.quill.getSemanticHTML(),
      delta: JSON.stringify(window.quill.getContents()),
    }));
    for (const [what, html] of Object.entries(saved)) {
      assert.doesNotMatch(html, /mark|article-annotator|highlight|data-index|part=|::/i, what);
    }
    assert.match(saved.semantic, /<strong>Paris(&nbsp;| )Agreement<\/strong>/);
    assert.match(saved.semantic, /^<p><strong>US<\/strong>/);
    // Without the widget (disabled, then removed) the editor's HTML is byte for byte the same.
    await page.evaluate(() => {
      document.getElementById('annotator').disabled = true;
    });
    await page.waitForFunction(() => [...CSS.highlights.get('article-annotator-actor')].length === 0);
    assert.equal(await quillHTML(page), saved.root);
    await page.evaluate(() => document.getElementById('annotator').remove());
    assert.equal(await quillHTML(page), saved.root);
    await page.click('#save');
    assert.equal(await page.textContent('#saved'), saved.semantic);
    assert.deepEqual(watched.violations, []);
  });
});

// Inside the textarea: the character offsets Chromium itself puts under a point of a mark.
function probe(arg) {
  const [word, ids] = Array.isArray(arg) ? arg : [arg, ['annotator', 'story']];
  const el = document.getElementById(ids[0]);
  const ta = document.getElementById(ids[1]);
  const i = el.annotations.findIndex((a) => a.text === word);
  if (i < 0) return { missing: word };
  const a = el.annotations[i];
  const m = el.shadowRoot.querySelector(`[part~=overlay] mark[data-index="${i}"]`).getClientRects()[0];
  const c = ta.getBoundingClientRect();
  const box = { left: c.left + ta.clientLeft, top: c.top + ta.clientTop };
  box.right = box.left + ta.clientWidth;
  box.bottom = box.top + ta.clientHeight;
  const at = (x, y) => {
    const p = document.caretPositionFromPoint(x, y);
    return p && p.offsetNode === ta ? p.offset : null;
  };
  const x = (m.left + m.right) / 2;
  const y = (m.top + m.bottom) / 2;
  // Sub-pixel check: where Chromium's own hit testing in the textarea moves the caret past the
  // middle of the mention's first character, against that character's middle in the overlay.
  const mark = el.shadowRoot.querySelector(`[part~=overlay] mark[data-index="${i}"]`);
  const first = document.createRange();
  first.setStart(mark.firstChild, 0);
  first.setEnd(mark.firstChild, 1);
  const c0 = first.getBoundingClientRect();
  let flip = null;
  for (let px = c0.left - 4; px <= c0.right + 4; px += 0.25) {
    if (at(px, y) > a.start) {
      flip = px;
      break;
    }
  }
  // And where, going down through the mention's middle, the caret enters and leaves its line.
  let enter = null;
  let leave = null;
  for (let py = m.top - 20; py <= m.bottom + 20; py += 0.25) {
    const o = at(x, py);
    const inside = o > a.start && o < a.end;
    if (inside && enter == null) enter = py;
    if (!inside && enter != null && leave == null) leave = py;
  }
  return {
    dx: flip == null ? null : flip - (c0.left + c0.right) / 2,
    dy: enter == null || leave == null ? null : (enter + leave) / 2 - y,
    start: a.start,
    end: a.end,
    visible: m.top >= box.top && m.bottom <= box.bottom && m.left >= box.left && m.right <= box.right,
    scrollTop: ta.scrollTop,
    left: at(m.left + 1, y),
    right: at(m.right - 1, y),
    middle: at(x, y),
    upper: at(x, m.top + 2),
    lower: at(x, m.bottom - 2),
    mark: [m.left, m.top, m.width, m.height],
  };
}

function assertAligned(p, what) {
  if (process.env.WIDGET_DEBUG) console.log(what, p.dx, p.dy);
  assert.ok(!p.missing, `${p.missing} is not annotated`);
  assert.ok(p.visible, `${what}: the mark is inside the textarea's viewport (${JSON.stringify(p)})`);
  assert.equal(p.left, p.start, `${what}: the mark's left edge is over the mention's first character (${JSON.stringify(p)})`);
  assert.equal(p.right, p.end, `${what}: the mark's right edge is over its last character (${JSON.stringify(p)})`);
  assert.ok(p.dx != null && Math.abs(p.dx) <= 1, `${what}: horizontal offset ${p.dx}px (${JSON.stringify(p)})`);
  assert.ok(p.dy != null && Math.abs(p.dy) <= 1, `${what}: vertical offset ${p.dy}px (${JSON.stringify(p)})`);
  for (const k of ['middle', 'upper', 'lower']) {
    assert.ok(p[k] > p.start && p[k] < p.end, `${what}: ${k} of the mark is inside the mention (${JSON.stringify(p)})`);
  }
}

describe('<article-annotator> on a <textarea>', () => {
  let ctx;
  let page;
  let watched;
  const filler = Array.from({ length: 30 }, (_, i) => `Paragraph ${i + 1}: nothing to see in this line.`);
  const long =
    'On Thursday afternoon, after six hours of closed talks in the old chancellery, a tired spokesman finally told reporters that Angela Merkel had spoken with Emmanuel Macron.';
  const story = [...filler.slice(0, 20), long, ...filler.slice(20)].join('\n');

  before(async () => {
    ctx = await setup();
    ({ page, ...watched } = await open(ctx, '/examples/textarea.html', { width: 1000, height: 900 }));
    await page.waitForFunction(() => document.getElementById('annotator').annotations.length > 0, null, { timeout: 20_000 });
  });
  after(() => ctx?.close());

  it('mirrors the text under an overlay with one mark per mention, without touching the textarea', async () => {
    const r = await page.evaluate(() => {
      const el = document.getElementById('annotator');
      const ta = document.getElementById('story');
      const ov = el.shadowRoot.querySelector('[part~=overlay]');
      return {
        value: ta.value,
        mirror: ov.textContent.replace(/\u200b$/, ''),
        marks: [...ov.querySelectorAll('mark')].map((m) => m.textContent),
        annotations: el.annotations.map((a) => a.text),
        attrs: ta.getAttributeNames().sort(),
        style: ta.getAttribute('style'),
      };
    });
    assert.equal(r.mirror, r.value);
    assert.deepEqual(r.marks, r.annotations);
    assert.ok(r.annotations.includes('Grace Wanjiru'), 'the dictionary attribute of the example applies');
    assert.deepEqual(r.attrs, ['id', 'name', 'rows', 'spellcheck']);
    assert.equal(r.style, null);
    await screenshot(page, 'widget-textarea');
  });

  it('stays aligned with the text after scrolling', async () => {
    const since = await mark(page);
    await page.fill('#story', story);
    await waitEvent(page, 'annotations-changed', { since, text: story });
    const lineHeight = await page.evaluate(() => Number.parseFloat(getComputedStyle(document.getElementById('story')).lineHeight));
    // The long line (the 21st) 1, 3 and 5 lines below the top of the viewport, off by a few pixels.
    for (const [k, px] of [[1, 0], [3, 7], [5, 13]]) {
      const top = (20 - k) * lineHeight + px;
      await page.evaluate((top) => {
        document.getElementById('story').scrollTop = top;
      }, top);
      await page.waitForTimeout(100);
      const p = await page.evaluate(probe, 'Angela Merkel');
      assert.ok(Math.abs(p.scrollTop - top) < 1, `scrolled to ${top}: ${p.scrollTop}`);
      assertAligned(p, `scrollTop ${top}`);
    }
    const box = await page.locator('#story').boundingBox();
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.wheel(0, 3 * lineHeight);
    await page.waitForTimeout(300);
    const p = await page.evaluate(probe, 'Emmanuel Macron');
    assert.ok(p.scrollTop > 0);
    if (p.visible) assertAligned(p, 'after the wheel');
    else {
      await page.mouse.wheel(0, -6 * lineHeight);
      await page.waitForTimeout(300);
      assertAligned(await page.evaluate(probe, 'Emmanuel Macron'), 'after the wheel');
    }
    await screenshot(page, 'widget-textarea-scrolled');
  });

  it('stays aligned after the user resizes the textarea and the lines rewrap', async () => {
    const before = await page.evaluate(probe, 'Emmanuel Macron');
    const box = await page.locator('#story').boundingBox();
    await page.mouse.move(box.x + box.width - 3, box.y + box.height - 3);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width - 403, box.y + box.height + 120, { steps: 8 });
    await page.mouse.up();
    await page.waitForTimeout(300);
    const resized = await page.locator('#story').boundingBox();
    assert.ok(resized.width < box.width - 300 && resized.height > box.height + 80, `resized by the handle: ${JSON.stringify(resized)}`);
    // Bring the mention into view, then check both mentions of the rewrapped line.
    await page.evaluate(() => {
      const el = document.getElementById('annotator');
      const ta = document.getElementById('story');
      const i = el.annotations.findIndex((a) => a.text === 'Angela Merkel');
      const m = el.shadowRoot.querySelector(`[part~=overlay] mark[data-index="${i}"]`).getBoundingClientRect();
      ta.scrollTop += m.top - ta.getBoundingClientRect().top - ta.clientHeight / 3;
    });
    await page.waitForTimeout(100);
    const merkel = await page.evaluate(probe, 'Angela Merkel');
    assertAligned(merkel, 'after resize');
    const macron = await page.evaluate(probe, 'Emmanuel Macron');
    assertAligned(macron, 'after resize');
    assert.notDeepEqual(macron.mark.slice(0, 2), before.mark.slice(0, 2), 'the line did rewrap');
    // A width change by the page's own CSS (no user drag): the ResizeObserver catches it too.
    await page.evaluate(() => {
      document.getElementById('story').style.width = '520px';
    });
    await page.waitForTimeout(200);
    assertAligned(await page.evaluate(probe, 'Angela Merkel'), 'after a CSS width change');
    await screenshot(page, 'widget-textarea-resized');
  });

  it('follows typing, and the form submits exactly what was typed', async () => {
    await page.evaluate(() => {
      const ta = document.getElementById('story');
      ta.focus();
      ta.setSelectionRange(0, 0);
      ta.scrollTop = 0;
    });
    const since = await mark(page);
    await page.keyboard.type('Kenya and ');
    const value = await page.inputValue('#story');
    const e = await waitEvent(page, 'annotations-changed', { since, text: value });
    assert.deepEqual(e.detail.annotations[0], { start: 0, end: 5, label: 'country', type: 'country', text: 'Kenya', entity: 'KE', name: 'Kenya', country: 'KE' });
    assertAligned(await page.evaluate(probe, 'Kenya'), 'after typing');
    await page.click('button[type=submit]');
    assert.equal(await page.textContent('#summary'), `Saved ${value.length} characters, unchanged: true`);
    assert.deepEqual(watched.violations, []);
    assert.deepEqual(watched.foreign, []);
  });
});

describe('<article-annotator> placed away from its textarea', () => {
  let ctx;
  before(async () => {
    ctx = await setup();
  });
  after(() => ctx?.close());

  it('is aligned from the first paint, follows a scrolling container, and is clipped by it', async () => {
    const { page } = await open(ctx, '/examples/index.html', { width: 800, height: 700 });
    const since = await mark(page);
    await page.evaluate(async () => {
      await import('/article-annotator.js');
      const box = document.createElement('div');
      box.id = 'box';
      Object.assign(box.style, { height: '260px', overflow: 'auto', border: '2px solid #333', padding: '8px', margin: '20px' });
      const top = document.createElement('div');
      top.style.height = '150px';
      const ta = document.createElement('textarea');
      ta.id = 'ta';
      ta.rows = 8;
      ta.cols = 50;
      ta.value = 'Filler line.\nJoe Biden met Olaf Scholz in Berlin.\nThe Paris Agreement was discussed.\nKenya and France agreed.\nNATO allies met.';
      const bottom = document.createElement('div');
      bottom.style.height = '400px';
      box.append(top, ta, bottom);
      const el = document.createElement('article-annotator');
      el.id = 'w';
      el.setAttribute('for', 'ta');
      // Outside the scrolling box that holds the textarea.
      document.body.append(box, el);
    });
    await waitEvent(page, 'annotations-changed', { since, id: 'w' });
    assertAligned(await page.evaluate(probe, ['Olaf Scholz', ['w', 'ta']]), 'first paint');
    // Scroll the box: the textarea moves, the element does not.
    for (const top of [60, 175]) {
      await page.evaluate((t) => {
        document.getElementById('box').scrollTop = t;
      }, top);
      await page.waitForTimeout(150);
      assertAligned(await page.evaluate(probe, ['NATO', ['w', 'ta']]), `box scrolled to ${top}`);
    }
    // At 175 the textarea's top is scrolled out of the box: so is the overlay's.
    const clip = await page.evaluate(() => {
      const box = document.getElementById('box');
      const ta = document.getElementById('ta').getBoundingClientRect();
      const ov = document.getElementById('w').shadowRoot.querySelector('[part~=overlay]');
      const inset = ov.style.clipPath.match(/-?[\d.]+/g).map(Number);
      return { hiddenTop: inset[0], expected: box.getBoundingClientRect().top + box.clientTop - ta.top };
    });
    assert.ok(clip.expected > 10, JSON.stringify(clip));
    assert.ok(Math.abs(clip.hiddenTop - clip.expected) < 0.5, JSON.stringify(clip));
    await screenshot(page, 'widget-textarea-container');
    await page.close();
  });
});
