// Annotation worker: loads the wasm engine once and annotates whatever text the page sends.
// The page coalesces requests (at most one in flight, only the latest text queued), so this
// worker simply answers each message in turn.
//
// Protocol (all messages are plain objects; results and errors arrive on the page's private
// BroadcastChannel when there is one, the rest as worker messages):
//   page → worker  {type: 'annotate', seq, text}
//   worker → page  {type: 'ready', version, ms}              engine loaded
//                  {type: 'fatal', message}                 engine failed to load
//                  {type: 'result', seq, packed, ms, receivedAt, sentAt}
//                      packed = the annotations as columns (see wire.js; the page unpacks them
//                      with the text it sent); ms = time in annotate(); receivedAt/sentAt =
//                      absolute times (timeOrigin + now) for the page's timing hook
//                  {type: 'error', seq, message}            annotate() threw for this text
//   page → worker  {type: 'shared', buffer}                 a SharedArrayBuffer: small results
//                                                            are also written there (wire.js)
// Nothing is imported statically: the wasm is fetched and compiled while the JS glue and
// wire.js load, not after them (one round trip instead of three before the engine can start).
const WASM_URL = new URL('../pkg/annotator_bg.wasm', import.meta.url);
const compiled = fetch(WASM_URL).then((res) => {
  if (!res.ok) throw new Error(`${WASM_URL.pathname}: HTTP ${res.status}`);
  // Streaming compilation needs the right MIME type; a server without it still works.
  if (res.headers.get('Content-Type') === 'application/wasm') return WebAssembly.compileStreaming(res);
  return res.arrayBuffer().then((bytes) => WebAssembly.compile(bytes));
});
const glue = import('../pkg/annotator.js');
const wire = import('./wire.js');
// Awaited together below; these keep an early failure of one from being reported as unhandled.
for (const p of [compiled, glue, wire]) p.catch(() => {});
let annotate, version, pack, writeShared;
let shared = null; // the page's SharedArrayBuffer for small results, if it is isolated

// Results go back on a BroadcastChannel private to this page (its random name is the worker's
// name): Chromium delivers those ahead of ordinary worker messages, which it holds back until the
// frame after a keystroke is drawn, so the highlights can be painted with the character itself.
const results = typeof BroadcastChannel === 'function' && /^annotator:[0-9a-f]{32}$/.test(self.name) ? new BroadcastChannel(self.name) : null;
const reply = (msg) => (results ? results.postMessage(msg) : self.postMessage(msg));

const started = performance.now();
const ready = (async () => {
  try {
    const [engine, w, module] = await Promise.all([glue, wire, compiled]);
    ({ annotate, version } = engine);
    ({ pack, writeShared } = w);
    await engine.default({ module_or_path: module });
    annotate('Warm-up: the gazetteers are built on first use.'); // so the first real text is fast
    self.postMessage({ type: 'ready', version: version(), ms: performance.now() - started });
    return true;
  } catch (err) {
    self.postMessage({ type: 'fatal', message: describe(err) });
    return false;
  }
})();

self.addEventListener('message', async (event) => {
  const msg = event.data;
  if (msg && msg.type === 'shared' && typeof SharedArrayBuffer === 'function' && msg.buffer instanceof SharedArrayBuffer) shared = msg.buffer;
  if (!msg || msg.type !== 'annotate') return;
  const receivedAt = performance.timeOrigin + performance.now();
  if (!(await ready)) return;
  const t0 = performance.now();
  try {
    const annotations = annotate(msg.text);
    const t1 = performance.now();
    const packed = pack(annotations, msg.text);
    if (shared) writeShared(shared, msg.seq, packed, t1 - t0);
    reply({ type: 'result', seq: msg.seq, packed, ms: t1 - t0, receivedAt, sentAt: performance.timeOrigin + performance.now() });
  } catch (err) {
    reply({ type: 'error', seq: msg.seq, message: describe(err) });
  }
});

function describe(err) {
  if (err && typeof err.message === 'string' && err.message) return err.message;
  return String(err);
}
