// The page's side of the annotation worker: one request in flight at a time; while the worker
// is busy only the latest text waits (older queued texts are replaced, never sent). Results
// carry the sequence number of the text they belong to; the caller drops stale ones.
import { unpack, unpackInSlices, readShared, SHARED_BYTES } from './wire.js';

const SLICE = 20_000; // annotations rebuilt per task
// A worker that has not answered after this long (plus 1 ms per 1,000 characters; the engine
// needs about 40 ms per MB) is taken for hung or dead: it is replaced, and the text is reported
// as failed. Nothing else tells the page that a worker stopped (terminate() fires no event).
const WATCHDOG_MS = 10_000;
const MAX_CRASHES = 3; // failures in a row (no result in between) before giving up

/**
 * @typedef {{seq: number, annotations: Array, ms: number}} Result
 * Events (EventTarget, `event.detail`):
 *   'ready'  {version, ms}          'fatal' {message, crashed}  (engine cannot run: text stays
 *                                   editable; crashed: it ran, then failed MAX_CRASHES times)
 *   'result' Result                 'error' {seq, message} (this text failed; later ones may work)
 * After an 'error' (the engine threw: after a wasm trap its memory may be inconsistent), an
 * uncaught error in the worker, or no answer in time, the worker is replaced by a fresh one;
 * the text that failed is not sent again, the latest queued text is.
 */
export class EngineClient extends EventTarget {
  constructor(workerUrl) {
    super();
    this.workerUrl = workerUrl;
    this.worker = null;
    this.state = 'idle'; // idle → loading → ready | failed
    this.busy = false;
    this.queued = null; // {seq, text}: the latest text waiting for the worker
    this.inflight = null; // {seq, text}: the text the worker is annotating
    this.posted = 0;
    this.replaced = 0; // queued texts replaced by a newer one before being sent
    this.restarts = 0; // workers replaced after a failure
    this.crashes = 0; // failures since the last result
    this.watchdog = 0;
  }

  /** Starts a worker (`Try again` too: the failure count starts over). */
  start({ restart = false } = {}) {
    this.stop();
    if (!restart) this.crashes = 0;
    this.state = 'loading';
    this.busy = false;
    this.inflight = null;
    let worker;
    // A channel only this page and its worker know (see worker.js for why).
    const name = `annotator:${randomHex(16)}`;
    try {
      worker = new Worker(this.workerUrl, { type: 'module', name });
    } catch (err) {
      this.#fail(err && err.message ? err.message : String(err));
      return;
    }
    this.worker = worker;
    if (typeof BroadcastChannel === 'function') {
      this.channel = new BroadcastChannel(name);
      this.channel.addEventListener('message', (e) => this.#onMessage(e.data));
    }
    worker.addEventListener('message', (e) => worker === this.worker && this.#onMessage(e.data));
    // Cross-origin isolated (the page's headers allow shared memory): small results are also
    // written where take() can read them at once (see wire.js).
    this.shared = null;
    if (globalThis.crossOriginIsolated && typeof SharedArrayBuffer === 'function') {
      this.shared = new SharedArrayBuffer(SHARED_BYTES);
      worker.postMessage({ type: 'shared', buffer: this.shared });
    }
    worker.addEventListener('error', (e) => {
      e.preventDefault();
      if (worker !== this.worker) return;
      const message = e.message || 'the worker script could not be loaded';
      // Before 'ready' the engine could not load; after, the worker broke while running.
      if (this.state === 'ready') this.#crash(message);
      else this.#fail(message);
    });
    worker.addEventListener('messageerror', () => worker === this.worker && this.#crash('a worker message could not be read'));
  }

  stop() {
    clearTimeout(this.watchdog);
    if (this.worker) this.worker.terminate();
    if (this.channel) this.channel.close();
    this.worker = null;
    this.channel = null;
  }

  /** Asks for annotations of `text`, tagged `seq`. Never blocks; coalesces while busy. */
  request(seq, text) {
    if (this.state === 'failed') return;
    if (this.busy || this.state !== 'ready') {
      if (this.queued) this.replaced++;
      this.queued = { seq, text };
      return;
    }
    this.#post(seq, text);
  }

  /**
   * The result of the request in flight, `seq`, if the worker has already stored it in shared
   * memory (or does within `waitMs`): {annotations, ms}, or null (not isolated, not done yet,
   * or too big to share). Its 'result' event is then not dispatched.
   */
  take(seq, { waitMs = 0 } = {}) {
    const sent = this.inflight;
    if (!this.shared || !sent || sent.seq !== seq || sent.taken) return null;
    let got = readShared(this.shared, seq, sent.text);
    // With `waitMs`, the request is waited for, that long at most: a short text takes the
    // worker a fraction of a millisecond once it is awake.
    if (!got && waitMs > 0) {
      const until = performance.now() + waitMs;
      while (!got && performance.now() < until) got = readShared(this.shared, seq, sent.text);
    }
    if (got) sent.taken = true;
    return got;
  }

  #post(seq, text) {
    this.busy = true;
    this.inflight = { seq, text };
    this.posted++;
    this.lastPostAt = performance.timeOrigin + performance.now();
    this.worker.postMessage({ type: 'annotate', seq, text });
    const limit = WATCHDOG_MS + text.length / 1000;
    clearTimeout(this.watchdog);
    this.watchdog = setTimeout(() => this.#crash(`no answer after ${Math.round(limit / 1000)} s`), limit);
  }

  #next() {
    clearTimeout(this.watchdog);
    this.busy = false;
    this.inflight = null;
    if (this.queued && this.state === 'ready') {
      const { seq, text } = this.queued;
      this.queued = null;
      this.#post(seq, text);
    }
  }

  #fail(message, crashed = false) {
    if (this.state === 'failed') return;
    this.state = 'failed';
    this.busy = false;
    this.inflight = null;
    this.stop();
    this.dispatchEvent(new CustomEvent('fatal', { detail: { message, crashed } }));
  }

  /**
   * The worker failed on the text in flight (or at any time): replaces it, and reports that text
   * as failed. The latest queued text goes to the new worker once it is ready.
   */
  #crash(message) {
    const seq = this.inflight ? this.inflight.seq : null;
    if (++this.crashes >= MAX_CRASHES) {
      this.#fail(`failed ${this.crashes} times in a row (last: ${message})`, true);
      return;
    }
    this.restarts++;
    this.start({ restart: true });
    this.dispatchEvent(new CustomEvent('error', { detail: { seq, message: `${message}; the annotator was restarted` } }));
  }

  #onMessage(msg) {
    if (!msg || typeof msg !== 'object') return;
    switch (msg.type) {
      case 'ready':
        this.state = 'ready';
        this.dispatchEvent(new CustomEvent('ready', { detail: { version: msg.version, ms: msg.ms } }));
        this.#next();
        break;
      case 'fatal':
        this.#fail(msg.message);
        break;
      case 'result': {
        const sent = this.inflight;
        if (!sent || sent.seq !== msg.seq) return; // not the request in flight (cannot happen)
        msg.postedAt = this.lastPostAt;
        this.crashes = 0;
        // Send the queued text first, so the worker is busy while the page paints this one.
        this.#next();
        if (sent.taken) return; // the page took it from shared memory already
        const { packed } = msg;
        delete msg.packed;
        const deliver = (annotations) => {
          msg.annotations = annotations;
          this.dispatchEvent(new CustomEvent('result', { detail: msg }));
        };
        // A big result is rebuilt over several tasks (a newer, smaller one may overtake it:
        // the page drops results for texts that are gone).
        if (packed && packed.n > SLICE) unpackInSlices(packed, sent.text, SLICE).then(deliver);
        else deliver(packed ? unpack(packed, sent.text) : msg.annotations);
        break;
      }
      case 'error':
        clearTimeout(this.watchdog);
        this.#crash(msg.message);
        break;
    }
  }
}

function randomHex(bytes) {
  const a = crypto.getRandomValues(new Uint8Array(bytes));
  return Array.from(a, (b) => b.toString(16).padStart(2, '0')).join('');
}
