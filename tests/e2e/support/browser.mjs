// Shared by the browser end-to-end tests and benchmarks: Debian's Chromium driven by
// playwright-core (never a downloaded browser), and the project's own static server.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before } from 'node:test';
import { chromium } from 'playwright-core';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
export const ARTIFACTS = path.join(ROOT, 'tests/e2e/artifacts');

export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--no-first-run',
];

/** Launches headless Chromium. */
export function launch() {
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
}

/**
 * Serves `dir` (relative to the repository root, default `www`) with scripts/serve.py on a free
 * port. Returns `{ url, close }`.
 */
export async function serve(dir = 'www') {
  const child = spawn('python3', [path.join(ROOT, 'scripts/serve.py'), '--port', '0', '--quiet', path.join(ROOT, dir)], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let buffer = '';
  const url = await new Promise((resolve, reject) => {
    child.stdout.on('data', (chunk) => {
      buffer += chunk;
      const m = buffer.match(/at (http:\/\/[^/\s]+)\//);
      if (m) resolve(m[1]);
    });
    child.once('exit', (code) => reject(new Error(`serve.py exited with ${code}`)));
  });
  return {
    url,
    async close() {
      child.kill();
      await once(child, 'exit').catch(() => {});
    },
  };
}

/**
 * Records every request a page makes outside `origin` and every CSP violation it reports.
 * Call before navigating. Returns live arrays.
 */
export async function watch(page, origin) {
  const foreign = [];
  const violations = [];
  page.on('request', (req) => {
    const u = req.url();
    if (!u.startsWith(origin) && !u.startsWith('data:') && !u.startsWith('blob:')) foreign.push(u);
  });
  await page.exposeFunction('__reportCspViolation', (v) => violations.push(v));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      window.__reportCspViolation({ directive: e.violatedDirective, blocked: e.blockedURI, sample: e.sample });
    });
  });
  return { foreign, violations };
}

/** The folder for screenshots and other test artifacts (created). */
export function artifacts() {
  mkdirSync(ARTIFACTS, { recursive: true });
  return ARTIFACTS;
}

/**
 * For a test file: serves `dir` and launches Chromium before its tests, closes both after.
 * Returns `{ server, browser }`, filled in once `before` has run.
 */
export function useBrowser(dir = 'www') {
  const env = {};
  before(async () => {
    env.server = await serve(dir);
    env.browser = await launch();
  });
  after(async () => {
    await env.browser?.close();
    await env.server?.close();
  });
  return env;
}
