// Helpers for the page tests (tests/e2e/page.test.mjs) and the page benchmark
// (benches/browser/page.bench.mjs).
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { ROOT, watch } from './support/browser.mjs';

/**
 * Opens the page in a fresh context (own localStorage), with foreign-request and CSP-violation
 * recording, clipboard access and page errors collected. Waits for the engine unless
 * `waitReady: false`.
 */
export async function openPage(browser, origin, { viewport = { width: 1280, height: 800 }, colorScheme = 'light', waitReady = true, setup } = {}) {
  const context = await browser.newContext({ viewport, colorScheme, acceptDownloads: true });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin });
  const page = await context.newPage();
  const seen = await watch(page, origin);
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  if (setup) await setup(page, context);
  await page.goto(`${origin}/`);
  if (waitReady) await waitReadyAndSettled(page);
  return {
    context,
    page,
    seen,
    errors,
    /** Asserts nothing left the origin, no CSP violation, no uncaught error; closes the context. */
    async close(assert) {
      try {
        if (assert) {
          assert.deepEqual(seen.foreign, [], 'requests outside the origin');
          assert.deepEqual(seen.violations, [], 'securitypolicyviolation events');
          assert.deepEqual(errors, [], 'uncaught page errors');
        }
      } finally {
        await context.close();
      }
    },
  };
}

/** Waits until the engine is ready and the latest text's highlights are painted. */
export async function waitReadyAndSettled(page, timeout = 15000) {
  await page.waitForFunction(() => {
    const s = window.__annotatorStats;
    return s && s.engine === 'ready' && s.paintedSeq === s.inputSeq;
  }, null, { timeout, polling: 'raf' });
}

/** Waits until the latest text's highlights are painted (engine state not checked). */
export async function waitSettled(page, timeout = 15000) {
  await page.waitForFunction(() => {
    const s = window.__annotatorStats;
    return s && s.paintedSeq === s.inputSeq;
  }, null, { timeout, polling: 'raf' });
}

/** Pastes `text` into the editor through the real clipboard (Ctrl+V), replacing its content. */
export async function paste(page, text, { replace = true } = {}) {
  await page.evaluate((t) => navigator.clipboard.writeText(t), text);
  await page.focus('#draft');
  if (replace) await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('ControlOrMeta+V');
  await page.waitForFunction((n) => document.querySelector('#draft').value.length === n, text.length);
}

/** The highlights as painted: [{text, label, type}] in order, pieces of one span joined. */
export function paintedMarks(page) {
  return page.evaluate(() => [...document.querySelectorAll('#backdrop mark')].map((m) => ({
    text: m.textContent,
    label: [...m.classList].find((c) => c.startsWith('l-')).slice(2),
    type: [...m.classList].find((c) => c.startsWith('t-')).slice(2),
  })));
}

/** The engine's own answer for the editor's current text, computed in the page. */
export function directAnnotate(page) {
  return page.evaluate(async () => {
    const m = await import('/pkg/annotator.js');
    await m.default();
    return m.annotate(document.querySelector('#draft').value);
  });
}

/**
 * A static server for www/ that sends NO Content-Security-Policy header (the page must then rely
 * on its <meta http-equiv> policy). Returns {url, close}.
 */
export async function serveWithoutCsp(dir = 'www') {
  const base = path.join(ROOT, dir);
  const types = { '.html': 'text/html', '.js': 'text/javascript', '.mjs': 'text/javascript', '.css': 'text/css', '.wasm': 'application/wasm', '.json': 'application/json', '.ts': 'text/plain' };
  const server = createServer(async (req, res) => {
    try {
      let p = decodeURIComponent(new URL(req.url, 'http://x').pathname);
      if (p.endsWith('/')) p += 'index.html';
      const file = path.join(base, path.normalize(p));
      if (!file.startsWith(base)) throw new Error('outside');
      const body = await readFile(file);
      res.writeHead(200, { 'Content-Type': types[path.extname(file)] || 'application/octet-stream', 'Cache-Control': 'no-store' });
      res.end(body);
    } catch {
      res.writeHead(404, { 'Content-Type': 'text/plain' });
      res.end('not found');
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${server.address().port}`,
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}

/** WCAG 2 contrast ratio of two CSS colours (rgb()/rgba()/color(srgb …) computed values). */
export function contrast(a, b) {
  const lum = (c) => {
    const [r, g, bl] = parseColor(c).map((v) => {
      const s = v / 255;
      return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p);
  return (x + 0.05) / (y + 0.05);
}

export function parseColor(c) {
  let m = c.match(/^rgba?\(\s*([\d.]+)[,\s]+([\d.]+)[,\s]+([\d.]+)/);
  if (m) return [+m[1], +m[2], +m[3]];
  m = c.match(/^color\(srgb\s+([\d.e-]+)\s+([\d.e-]+)\s+([\d.e-]+)/);
  if (m) return [m[1] * 255, m[2] * 255, m[3] * 255];
  throw new Error(`cannot parse colour ${c}`);
}

/**
 * Compares two same-size PNG screenshots of the editor tile by tile (decoded in the page with a
 * canvas): in every tile with text, the images must match best without any shift, and clearly
 * better than shifted by one pixel in any direction. Anti-aliasing may differ slightly between a
 * textarea and a div; a glyph out of place by a pixel does not pass.
 * @returns {Promise<{tiles: number, bad: Array}>}
 */
export function compareAligned(page, pngA, pngB) {
  return page.evaluate(async ([a, b]) => {
    const load = async (d) => {
      const img = new Image();
      img.src = `data:image/png;base64,${d}`;
      await img.decode();
      const c = document.createElement('canvas');
      c.width = img.width;
      c.height = img.height;
      const ctx = c.getContext('2d');
      ctx.drawImage(img, 0, 0);
      return ctx.getImageData(0, 0, img.width, img.height);
    };
    const A = await load(a);
    const B = await load(b);
    if (A.width !== B.width || A.height !== B.height) return { tiles: 0, bad: ['size differs'] };
    const W = A.width;
    const H = A.height;
    const lum = (D, x, y) => {
      const i = (y * W + x) * 4;
      return D.data[i] * 0.3 + D.data[i + 1] * 0.59 + D.data[i + 2] * 0.11;
    };
    const T = 48;
    let tiles = 0;
    const bad = [];
    for (let ty = 1; ty + T < H - 1; ty += T) {
      for (let tx = 1; tx + T < W - 1; tx += T) {
        const res = (dx, dy) => {
          let s = 0;
          for (let y = ty; y < ty + T; y++) for (let x = tx; x < tx + T; x++) s += Math.abs(lum(A, x, y) - lum(B, x + dx, y + dy));
          return s;
        };
        let ink = 0;
        for (let y = ty; y < ty + T; y++) for (let x = tx; x < tx + T; x++) ink += Math.abs(lum(A, x, y) - lum(A, x + 1, y));
        if (ink < 2000) continue; // no text here
        tiles++;
        const zero = res(0, 0);
        const shifted = Math.min(res(1, 0), res(-1, 0), res(0, 1), res(0, -1));
        if (!(zero <= 0.5 * shifted)) bad.push({ x: tx, y: ty, zero: Math.round(zero), shifted: Math.round(shifted) });
      }
    }
    return { tiles, bad };
  }, [pngA.toString('base64'), pngB.toString('base64')]);
}
