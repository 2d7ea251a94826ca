// The npm package: `scripts/pack.sh` gives a tarball that installs from the registry's point of view
// into a fresh Vite + TypeScript project (in a temp dir), type-checks against the package's types,
// builds with `vite build`, and annotates in Chromium under the strict CSP; and that also works
// from node_modules in a plain HTML page. Skipped (with a message) only if the npm registry is
// unreachable.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, mkdirSync, readdirSync, rmSync, writeFileSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { after, before, describe, it } from 'node:test';
import { launch, serve, watch, ROOT } from './support/browser.mjs';

const run = promisify(execFile);
const MINUTE = 60_000;

async function sh(cmd, args, opts = {}) {
  try {
    return await run(cmd, args, { maxBuffer: 64 << 20, timeout: 5 * MINUTE, ...opts, env: { ...process.env, PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '1', ...opts.env } });
  } catch (e) {
    e.message += `\n--- stdout ---\n${e.stdout ?? ''}\n--- stderr ---\n${e.stderr ?? ''}`;
    throw e;
  }
}

async function registryReachable() {
  try {
    await sh('npm', ['view', 'vite@8', 'version'], { timeout: 60_000 });
    return true;
  } catch {
    return false;
  }
}

const STORY = 'US President Joe Biden met Olaf Scholz in Berlin. 😀 They discussed the Paris Agreement.';

const APP = {
  'package.json': JSON.stringify({ name: 'vite-app', private: true, type: 'module' }, null, 2),
  'tsconfig.json': JSON.stringify(
    {
      compilerOptions: {
        target: 'ES2022',
        module: 'ESNext',
        moduleResolution: 'bundler',
        lib: ['ES2023', 'ESNext.Disposable', 'DOM', 'DOM.Iterable'],
        strict: true,
        noEmit: true,
        skipLibCheck: false,
        types: [],
      },
      include: ['src'],
    },
    null,
    2,
  ),
  'index.html': `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Vite app</title></head>
<body>
  <textarea id="story" rows="4" cols="60">${STORY}</textarea>
  <article-annotator id="w" for="story" legend></article-annotator>
  <p id="count"></p>
  <pre id="api"></pre>
  <script type="module" src="/src/main.ts"></script>
</body>
</html>
`,
  'src/main.ts': `import 'article-annotator';
import { ready, annotate, Annotator, toWebAnnotations, toDisplacy } from 'article-annotator';
import type { AnnotationsChangedDetail, ArticleAnnotator, EntitySummary, Label } from 'article-annotator';

const el = document.querySelector('article-annotator'); // HTMLElementTagNameMap: ArticleAnnotator | null
if (!el) throw new Error('no <article-annotator>');
const made: ArticleAnnotator = document.createElement('article-annotator');
const ms: number = made.debounce;
void ms;
const labels: Label[] = el.labels;
el.debounce = 50;
el.addEventListener('annotations-changed', (e) => {
  const detail: AnnotationsChangedDetail = e.detail;
  const top: EntitySummary | undefined = detail.entities[0];
  document.getElementById('count')!.textContent = \`\${detail.annotations.length} \${top?.name ?? ''} \${labels.length}\`;
});
document.addEventListener('entity-activate', (e) => console.log(e.detail.entity.name, e.detail.annotation?.start));
document.addEventListener('annotator-error', (e) => {
  document.getElementById('api')!.textContent = 'error: ' + e.detail.message;
});
// The details are typed, not any:
// @ts-expect-error text is a string
const wrong: number = el.text;
void wrong;

ready().then(() => {
  const text = 'Joe Biden met Olaf Scholz.';
  const found = annotate(text, { labels: ['actor'] });
  const newsroom = new Annotator({ entries: [{ text: 'Zorblatt Collective', type: 'organization' }], deny: ['Olaf Scholz'] });
  const mine = newsroom.annotate('The Zorblatt Collective and Olaf Scholz.').map((a) => a.text);
  newsroom.free();
  document.getElementById('api')!.textContent = JSON.stringify({
    annotate: found.map((a) => a.text),
    mine,
    displacy: toDisplacy(text, found).ents,
    web: toWebAnnotations(found, { source: 'urn:x-test', text }).total,
    story: annotate((document.getElementById('story') as HTMLTextAreaElement).value).map((a) => a.text),
  });
});
`,
};

const PLAIN = `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8"><title>Plain page</title>
  <script type="module" src="../node_modules/article-annotator/article-annotator.js"></script>
</head>
<body>
  <article-annotator id="r" legend><p>${STORY}</p></article-annotator>
</body>
</html>
`;

describe('the npm package (scripts/pack.sh) in a fresh Vite app and a plain page', { timeout: 15 * MINUTE }, () => {
  let tmp;
  let tarball;
  let browser;
  let online;

  before(async () => {
    online = await registryReachable();
    if (!online) return;
    const { stdout } = await sh('bash', [path.join(ROOT, 'scripts/pack.sh')], { cwd: ROOT });
    tarball = path.resolve(ROOT, stdout.trim().split('\n').pop());
    tmp = mkdtempSync(path.join(os.tmpdir(), 'article-annotator-vite-'));
    for (const [f, body] of Object.entries(APP)) {
      mkdirSync(path.dirname(path.join(tmp, f)), { recursive: true });
      writeFileSync(path.join(tmp, f), body);
    }
    mkdirSync(path.join(tmp, 'plain'));
    writeFileSync(path.join(tmp, 'plain/index.html'), PLAIN);
    browser = await launch();
  });

  after(async () => {
    await browser?.close();
    if (tmp && !process.env.KEEP_VITE_APP) rmSync(tmp, { recursive: true, force: true });
  });

  it('packs the element, its modules, the wasm and the types', { timeout: 5 * MINUTE }, async (t) => {
    if (!online) return t.skip('npm registry unreachable: the package test needs `npm install` from it');
    const { stdout } = await sh('tar', ['tzf', tarball]);
    const files = stdout.trim().split('\n').sort();
    // The glue carries wasm-bindgen's JS snippets itself (scripts/inline_snippets.mjs).
    assert.deepEqual(files, [
      'package/LICENSE',
      'package/README.md',
      'package/article-annotator.d.ts',
      'package/article-annotator.js',
      'package/lib/entities.js',
      'package/lib/export.js',
      'package/lib/offsets.js',
      'package/package.json',
      'package/pkg/annotator.d.ts',
      'package/pkg/annotator.js',
      'package/pkg/annotator_bg.wasm',
      'package/pkg/annotator_bg.wasm.d.ts',
    ]);
    const pkg = JSON.parse(readFileSync(path.join(ROOT, 'dist/npm/package.json'), 'utf8'));
    const cargo = readFileSync(path.join(ROOT, 'Cargo.toml'), 'utf8').match(/^version = "(.+)"$/m)[1];
    assert.equal(pkg.version, cargo);
    assert.equal(pkg.type, 'module');
    assert.deepEqual(Object.keys(pkg.exports).slice(0, 2), ['.', './article-annotator.js']);
  });

  it('installs with Vite and TypeScript from the registry, type-checks and builds', { timeout: 10 * MINUTE }, async (t) => {
    if (!online) return t.skip('npm registry unreachable: the package test needs `npm install` from it');
    const npmArgs = ['install', '--no-audit', '--no-fund', '--loglevel=error', '--save-dev'];
    try {
      await sh('npm', [...npmArgs, tarball, 'vite@8', 'typescript@5'], { cwd: tmp, timeout: 8 * MINUTE });
    } catch (e) {
      t.diagnostic(`vite@8 did not install (${e.message.split('\n')[0]}); trying vite@7`);
      await sh('npm', [...npmArgs, tarball, 'vite@7', 'typescript@5'], { cwd: tmp, timeout: 8 * MINUTE });
    }
    await sh(path.join(tmp, 'node_modules/.bin/tsc'), ['-p', '.'], { cwd: tmp });
    const { stdout } = await sh(path.join(tmp, 'node_modules/.bin/vite'), ['build'], { cwd: tmp });
    t.diagnostic(stdout.trim().split('\n').slice(-6).join('\n'));
    const assets = readdirSync(path.join(tmp, 'dist/assets'));
    assert.ok(assets.some((f) => f.endsWith('.wasm')), `the wasm is emitted as an asset: ${assets}`);
  });

  it('the built app annotates in Chromium under the strict CSP', { timeout: 3 * MINUTE }, async (t) => {
    if (!online) return t.skip('npm registry unreachable: the package test needs `npm install` from it');
    const server = await serve(path.relative(ROOT, path.join(tmp, 'dist')));
    try {
      const page = await browser.newPage();
      const { violations, foreign } = await watch(page, server.url);
      const errors = [];
      page.on('pageerror', (e) => errors.push(e.message));
      await page.goto(`${server.url}/`);
      await page.waitForFunction(() => document.getElementById('api').textContent && document.getElementById('count').textContent, null, { timeout: 30_000 });
      const api = JSON.parse(await page.textContent('#api'));
      const story = api.story;
      delete api.story;
      assert.deepEqual(api, {
        annotate: ['Joe Biden', 'Olaf Scholz'],
        mine: ['Zorblatt Collective'],
        displacy: [
          { start: 0, end: 9, label: 'ACTOR' },
          { start: 14, end: 25, label: 'ACTOR' },
        ],
        web: 2,
      });
      assert.ok(story.includes('Joe Biden') && story.includes('Paris Agreement'), String(story));
      // The element, over the textarea: the same mentions as the API, and the legend's entities.
      await page.waitForFunction((n) => document.getElementById('w').shadowRoot.querySelectorAll('[part~=overlay] mark').length === n, story.length);
      const marks = await page.evaluate(() => [...document.getElementById('w').shadowRoot.querySelectorAll('[part~=overlay] mark')].map((m) => m.textContent));
      assert.deepEqual(marks, story);
      assert.match(await page.textContent('#count'), new RegExp(`^${story.length} \\S.* 3$`));
      assert.deepEqual(errors, []);
      assert.deepEqual(violations, []);
      assert.deepEqual(foreign, []);
      await page.close();
    } finally {
      await server.close();
    }
  });

  it('the installed package works in a plain HTML page (no bundler)', { timeout: 3 * MINUTE }, async (t) => {
    if (!online) return t.skip('npm registry unreachable: the package test needs `npm install` from it');
    const server = await serve(path.relative(ROOT, tmp));
    try {
      const page = await browser.newPage();
      const { violations } = await watch(page, server.url);
      await page.goto(`${server.url}/plain/`);
      await page.waitForFunction(() => document.getElementById('r').annotations?.length > 0, null, { timeout: 30_000 });
      const marks = await page.evaluate(() => [...document.getElementById('r').shadowRoot.querySelectorAll('mark')].map((m) => m.textContent));
      assert.ok(marks.includes('Joe Biden') && marks.includes('Paris Agreement'), String(marks));
      assert.deepEqual(violations, []);
      await page.close();
    } finally {
      await server.close();
    }
  });
});
