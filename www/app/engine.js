// The page's side of the annotation worker: one request in flight at a time; while the worker
// is busy only the latest text waits (older queued texts are replaced, never sent). Results
// carry the sequence number of the text they belong to; the caller drops stale ones.

/**
 * @typedef {{seq: number, annotations: Array, ms: number}} Result
 * Events (EventTarget, `event.detail`):
 *   'ready'  {version, ms}          'fatal' {message}  (engine cannot run: text stays editable)
 *   'result' Result                 'error' {seq, message} (this text failed; later ones may work)
 */
export class EngineClient extends EventTarget {
  constructor(workerUrl) {
    super();
    this.workerUrl = workerUrl;
    this.worker = null;
    this.state = 'idle'; // idle → loading → ready | failed
    this.busy = false;
    this.queued = null; // {seq, text}: the latest text waiting for the worker
    this.posted = 0;
    this.replaced = 0; // queued texts replaced by a newer one before being sent
  }

  start() {
    this.stop();
    this.state = 'loading';
    this.busy = false;
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
    worker.addEventListener('message', (e) => this.#onMessage(e.data));
    worker.addEventListener('error', (e) => {
      e.preventDefault();
      this.#fail(e.message || 'the worker script could not be loaded');
    });
    worker.addEventListener('messageerror', () => this.#fail('a worker message could not be read'));
  }

  stop() {
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

  #post(seq, text) {
    this.busy = true;
    this.posted++;
    this.lastPostAt = performance.timeOrigin + performance.now();
    this.worker.postMessage({ type: 'annotate', seq, text });
  }

  #next() {
    this.busy = false;
    if (this.queued && this.state === 'ready') {
      const { seq, text } = this.queued;
      this.queued = null;
      this.#post(seq, text);
    }
  }

  #fail(message) {
    if (this.state === 'failed') return;
    this.state = 'failed';
    this.busy = false;
    this.stop();
    this.dispatchEvent(new CustomEvent('fatal', { detail: { message } }));
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
      case 'result':
        msg.postedAt = this.lastPostAt;
        // Send the queued text first, so the worker is busy while the page paints this one.
        this.#next();
        this.dispatchEvent(new CustomEvent('result', { detail: msg }));
        break;
      case 'error':
        this.#next();
        this.dispatchEvent(new CustomEvent('error', { detail: msg }));
        break;
    }
  }
}

function randomHex(bytes) {
  const a = crypto.getRandomValues(new Uint8Array(bytes));
  return Array.from(a, (b) => b.toString(16).padStart(2, '0')).join('');
}
