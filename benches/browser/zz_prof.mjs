import { start, context, benchPage } from './harness.mjs';
import fs from 'node:fs';
const env = await start();
const agg = new Map();
let total = 0;
for (let i = 0; i < 5; i++) {
  const ctx = await context(env);
  const page = await benchPage(env, ctx);
  const cdp = await ctx.newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 50 });
  await page.evaluate(async (b) => {
    const compiled = WebAssembly.compileStreaming(fetch('/www/pkgnames/annotator_bg.wasm?c=' + b));
    window.m = await import('/www/pkgnames/annotator.js?c=' + b);
    await window.m.default({ module_or_path: await compiled });
  }, `${Date.now()}-${i}`);
  await cdp.send('Profiler.start');
  const r = await page.evaluate(() => { const t = performance.now(); new window.m.Annotator(); return performance.now() - t; });
  const { profile } = await cdp.send('Profiler.stop');
  console.log('lex ms', r.toFixed(1));
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const dt = profile.timeDeltas;
  profile.samples.forEach((id, k) => {
    const n = byId.get(id);
    const name = n.callFrame.functionName || n.callFrame.url || '(anon)';
    agg.set(name, (agg.get(name) || 0) + (dt[k] || 0));
    total += dt[k] || 0;
  });
  await ctx.close();
}
const rows = [...agg].sort((a, b) => b[1] - a[1]).slice(0, 25);
for (const [n, us] of rows) console.log((us / 1000 / 5).toFixed(2).padStart(7), 'ms', (100 * us / total).toFixed(1).padStart(5) + '%', n.slice(0, 110));
await env.close();
