// The annotator page: a plain <textarea> for typing, with a highlight layer painted behind it
// (www/app/highlights.js), the engine in a Web Worker (www/app/worker.js via engine.js), and
// the legend, entity panel, tooltip, keyboard navigation, export and draft around them.
//
// Flow of one keystroke: `beforeinput` → the new text is predicted and sent to the worker
// (coalesced: one request in flight, only the latest text waits) → `input` → the layer is
// re-rendered at once with the previous highlights carried across the edit (so it never drifts
// from the text) → the worker's result, if its text is still the text on screen, replaces the
// highlights of the changed lines → the legend and the entity panel follow in the next
// animation frame.
import { EngineClient } from './engine.js';
import { HighlightLayer, shiftAnnotations, keyOf } from './highlights.js';
import { EntityPanel, LABELS } from './panel.js';
import { Tip, sentence, plural, LABEL_PLURALS } from './inspect.js';
import { Draft } from './draft.js';
import { SAMPLE } from './sample.js';
import { fill, setText, setFlag, $ } from './dom.js';
import { summarize, countByLabel } from '../lib/entities.js';
import { toJSON, toCSV, toWebAnnotations } from '../lib/export.js';

const ta = /** @type {HTMLTextAreaElement} */ ($('#draft'));
const editor = $('#editor');
const scroller = $('#scroller');
const layer = new HighlightLayer($('#backdrop'));
const tip = new Tip($('#tip'));
const engine = new EngineClient(new URL('./worker.js', import.meta.url));

const state = {
  text: '', // the text the layer shows (= ta.value after each input)
  shown: [], // annotations painted now: the engine's, or carried across edits until it answers
  result: null, // {seq, text, annotations, summary, counts, byKey}: the engine's latest current answer
  seq: 0, // sequence number of the latest text
  hidden: new Set(),
  selected: null, // entity key whose mentions are marked
  current: -1, // index (in `shown`) of the mention in focus
  selectedMarks: [],
  currentMarks: [],
  large: false, // the text is over LAYER_LIMIT: no highlight layer
};

// Above this length (UTF-16 code units) the text is not copied into the highlight layer: a
// second layout of a multi-megabyte text with hundreds of thousands of <mark>s blocked the page
// for seconds (10 MB: ~8 s per result, ~1 s per keystroke). The engine still annotates all of
// it: counts, entity list, Alt+↓ and export cover the whole text, and #size-note says why the
// article shows no highlights.
const LAYER_LIMIT = 1_000_000;

/** Paints `annotations` on `text` in the layer (an empty layer if the text is too long). */
function paintLayer(text, annotations) {
  const large = text.length > LAYER_LIMIT;
  if (large !== state.large) {
    state.large = large;
    setFlag($('#size-note'), 'hidden', !large);
  }
  return large ? layer.render('', []) : layer.render(text, annotations);
}

// ---------------------------------------------------------------------------------------------
// Timing hook for tests and benchmarks (numbers only; no text).
const stats = {
  engine: 'loading', // loading | ready | failed
  version: null,
  loadMs: null,
  inputSeq: 0, // latest text
  appliedSeq: 0, // latest text whose highlights are in the DOM
  paintedSeq: 0, // … and painted (a frame has been produced since)
  count: 0, // annotations of the latest applied result
  dropped: 0, // stale results not shown
  shared: 0, // results taken from shared memory (cross-origin isolated pages only)
  errors: 0,
  verify: false, // tests: check each result against the text it is shown on
  misapplied: 0,
  get posted() {
    return engine.posted;
  },
  get replaced() {
    return engine.replaced;
  },
  get restarts() {
    return engine.restarts; // workers replaced after a crash, a hang or an engine error
  },
  lastWorkerMs: null,
  lastRebuilt: 0,
  // One entry per text change: {seq, inputAt, pasteAt, frameAt, appliedAt, paintedAt, appliedSeq,
  // length}. inputAt = the input event's timeStamp (pasteAt: the paste event's, if it was one);
  // frameAt = the first animation frame after it;
  // appliedAt = highlights in the DOM with layout done; paintedAt = after the next frame.
  inputs: [],
};
window.__annotatorStats = stats;
const MAX_INPUT_RECORDS = 5000;
let unresolved = []; // input records waiting for their highlights

let pasteAt = null; // timeStamp of a paste event whose input event has not come yet

function recordInput(at) {
  const rec = { seq: state.seq, inputAt: at, handledAt: performance.now(), pasteAt, frameAt: null, receivedAt: null, workerMs: null, appliedAt: null, paintedAt: null, appliedSeq: null, length: state.text.length };
  pasteAt = null;
  stats.inputSeq = state.seq;
  stats.inputs.push(rec);
  if (stats.inputs.length > MAX_INPUT_RECORDS) stats.inputs.splice(0, stats.inputs.length - MAX_INPUT_RECORDS);
  unresolved.push(rec);
  if (unresolved.length > MAX_INPUT_RECORDS) unresolved.shift(); // the engine may never answer
  requestAnimationFrame(() => {
    rec.frameAt = performance.now();
  });
}

// ---------------------------------------------------------------------------------------------
// Text changes.
//
// Requests to the worker carry their own ids (not the text's seq): a result is shown only if
// the text it was computed for is the text on screen, otherwise it is dropped as stale. For
// typing and pasting, the new text is predicted at `beforeinput` and sent at once, so the
// worker runs while the browser is still inserting the text (for a 2,000-word article the
// answer is ready about when the `input` event fires; if it comes before, it waits in `early`).

let nextRequest = 0;
const requests = new Map(); // request id → text (until answered)
let lastRequested = null; // the text of the latest request (in flight or queued, never replaced)
let predicted = null; // text expected from the coming `input` event
let early = null; // {text, annotations, ms}: answer for `predicted`, arrived before its `input`

function requestAnnotations(text) {
  if (lastRequested === text) return; // already on its way (sent at beforeinput)
  const id = ++nextRequest;
  requests.set(id, text);
  lastRequested = text;
  engine.request(id, text);
}

ta.addEventListener('beforeinput', (e) => {
  predicted = null;
  // (Not for a text over LAYER_LIMIT: nothing is painted early, and building and comparing the
  // predicted copy of megabytes costs tens of milliseconds per keystroke.)
  if (e.isComposing || engine.state !== 'ready' || state.large) return;
  let data = null;
  if (e.inputType === 'insertText' && typeof e.data === 'string') data = e.data;
  else if (e.inputType === 'insertLineBreak') data = '\n';
  else if (e.inputType === 'insertFromPaste' || e.inputType === 'insertFromDrop') {
    // Text controls get the text in `data`; dataTransfer is for contenteditable.
    data = e.data ?? (e.dataTransfer ? e.dataTransfer.getData('text/plain') : null);
    if (data != null) data = data.replace(/\r\n?/g, '\n');
  }
  if (data == null) return;
  const v = ta.value;
  predicted = v.slice(0, ta.selectionStart) + data + v.slice(ta.selectionEnd);
  if (ta.maxLength >= 0 && predicted.length > ta.maxLength) predicted = null;
  else requestAnnotations(predicted);
});

// At the start of the frame after a keystroke, wait this long at most for the worker's answer
// on a text of at most this many characters (it needs about 0.05 ms per 1,000).
const SHARED_WAIT_MS = 2;
const SHARED_WAIT_CHARS = 50_000;

/**
 * The worker's answer for `text` straight from shared memory, if it is there already (only on
 * a cross-origin isolated page; see wire.js): with the request sent at `beforeinput`, it often
 * is by the `input` event, or else by the next animation frame, before that frame is drawn.
 */
function takeShared(text, waitMs = 0) {
  if (text !== lastRequested) return null;
  const id = nextRequest; // the latest request is the one for lastRequested
  const got = engine.take(id, { waitMs });
  if (!got) return null;
  for (const k of requests.keys()) if (k <= id) requests.delete(k);
  lastRequested = null;
  stats.shared++;
  stats.lastWorkerMs = got.ms;
  stats.lastTrace = null;
  return { text, annotations: got.annotations, ms: got.ms, receivedAt: performance.now() };
}

function onTextChanged(at) {
  const text = ta.value;
  if (text === state.text && state.seq > 0) return;
  state.seq++;
  const before = state.text;
  state.text = text;
  recordInput(at);
  state.current = -1;
  if (tip.source) tip.hide();
  const ready = early && early.text === text ? early : takeShared(text);
  predicted = null;
  early = null;
  if (ready) {
    applyResult(state.seq, ready.annotations, ready.ms, ready.receivedAt);
  } else if (text.length > LAYER_LIMIT) {
    // No layer to keep aligned: nothing to carry across the edit (that alone is O(text)).
    state.shown = [];
    paintLayer(text, []);
    refreshMarkClasses();
    requestAnnotations(text);
  } else {
    // Lay the new text out in the layer now, with the old highlights carried across the edit:
    // the layer stays aligned, and for a big paste this layout overlaps with the worker's
    // run (the browser then reuses its text shaping when the highlights arrive).
    state.shown = shiftAnnotations(before, text, state.shown);
    paintLayer(text, state.shown);
    refreshMarkClasses();
    requestAnnotations(text);
    const seq = state.seq;
    requestAnimationFrame(() => {
      if (state.seq !== seq || stats.appliedSeq >= seq) return;
      // A short text is worth a moment's wait: its highlights then come with the character's
      // own frame instead of the one after.
      const got = takeShared(state.text, text.length <= SHARED_WAIT_CHARS ? SHARED_WAIT_MS : 0);
      if (got) applyResult(seq, got.annotations, got.ms, got.receivedAt);
    });
  }
  draft.save(text);
  updateChrome();
}

ta.addEventListener('input', (e) => onTextChanged(e.timeStamp || performance.now()));
ta.addEventListener('paste', (e) => {
  pasteAt = e.timeStamp;
});

engine.addEventListener('result', (e) => {
  const { seq: id, annotations, ms } = e.detail;
  const receivedAt = performance.now();
  stats.lastWorkerMs = ms;
  const o = performance.timeOrigin;
  stats.lastTrace = { postedAt: e.detail.postedAt - o, workerReceivedAt: e.detail.receivedAt - o, workerSentAt: e.detail.sentAt - o, receivedAt };
  const text = requests.get(id);
  for (const k of requests.keys()) if (k <= id) requests.delete(k);
  if (text === lastRequested) lastRequested = null;
  if (text === undefined) return;
  if (text === state.text) applyResult(state.seq, annotations, ms, receivedAt);
  else if (text === predicted) early = { text, annotations, ms, receivedAt };
  else stats.dropped++;
});

function applyResult(seq, annotations, workerMs = null, receivedAt = null) {
  if (stats.verify) {
    // Test hook (off by default): every span must cover its own text in the text on screen.
    const bad = annotations.filter((a) => state.text.slice(a.start, a.end) !== a.text).length;
    if (bad) stats.misapplied += bad;
  }
  state.shown = annotations;
  state.result = { seq, text: state.text, annotations, summary: null, counts: null, byKey: null };
  stats.lastRebuilt = paintLayer(state.text, annotations);
  refreshMarkClasses();
  void layer.root.offsetHeight; // lay out now: the next frame only paints
  const t = performance.now();
  stats.appliedSeq = seq;
  stats.count = annotations.length;
  const done = unresolved.filter((r) => r.seq <= seq);
  unresolved = unresolved.filter((r) => r.seq > seq);
  for (const r of done) {
    r.appliedAt = t;
    r.appliedSeq = seq;
    r.receivedAt = receivedAt;
    r.workerMs = workerMs;
    r.trace = stats.lastTrace;
  }
  afterPaint(() => {
    const p = performance.now();
    for (const r of done) r.paintedAt = p;
    if (stats.paintedSeq < seq) stats.paintedSeq = seq;
    document.dispatchEvent(new CustomEvent('annotator:painted', { detail: { seq, count: annotations.length } }));
  });
  scheduleSidebar();
  settle();
  if ($('#status').dataset.state === 'error' && stats.engine === 'ready') setStatus('ready', readyStatus());
}

/** Runs `fn` once the next frame has been produced. */
function afterPaint(fn) {
  requestAnimationFrame(() => {
    const ch = new MessageChannel();
    ch.port1.onmessage = fn;
    ch.port2.postMessage(0);
  });
}

let sidebarQueued = false;
function scheduleSidebar() {
  if (sidebarQueued) return;
  sidebarQueued = true;
  requestAnimationFrame(() => {
    sidebarQueued = false;
    updateSidebar();
  });
}

function ensureSummary() {
  const r = state.result;
  if (r && !r.summary) {
    r.summary = summarize(r.annotations);
    r.counts ||= countByLabel(r.annotations);
    r.byKey = new Map(r.summary.map((e) => [e.key, e]));
  }
  return r;
}

function entityOf(a) {
  const r = ensureSummary();
  return r ? r.byKey.get(keyOf(a)) : undefined;
}

function updateSidebar() {
  const r = ensureSummary();
  const counts = r ? r.counts : { actor: 0, country: 0, agreement: 0 };
  for (const label of LABELS) setText($(`[data-count="${label}"]`), String(counts[label] || 0));
  panel.render(r ? r.summary : [], r ? r.annotations : [], state.hidden);
  panel.select(state.selected);
  if (state.selected && !(r && r.byKey.has(state.selected))) select(null);
  updateChrome();
  updateCaretInfo();
}

/** Buttons, empty states, counts: everything that depends only on cheap state. */
function updateChrome() {
  const hasText = state.text.length > 0;
  setFlag($('#clear'), 'disabled', !hasText);
  const r = state.result;
  setText($('#export-count'), `· ${plural(visibleCount(), 'annotation')}`);
  const cannotExport = stats.engine !== 'ready' || !hasText;
  setFlag($('#copy'), 'disabled', cannotExport);
  setFlag($('#download'), 'disabled', cannotExport);
  const empty = $('#entities-empty');
  const groups = $('#entity-groups');
  const found = !!(r && r.annotations.length > 0 && hasText);
  setFlag(empty, 'hidden', found);
  setFlag(groups, 'hidden', !found);
  if (!found) {
    const [p1, p2] = empty.children;
    setFlag(p2, 'hidden', hasText);
    if (!hasText) setText(p1, 'No text yet. Paste an article into the editor, or');
    else if (stats.engine === 'failed') setText(p1, 'Highlights are unavailable: the annotator did not start. Your text is still here.');
    else if (stats.engine === 'loading' || !r || r.seq !== state.seq) setText(p1, 'Annotating…');
    else setText(p1, 'Nothing found yet. People, organizations, countries and agreements will be listed here as you write.');
  }
  // (Over LAYER_LIMIT: characters, not words; counting words is a loop over the whole text.)
  const size = state.large ? plural(state.text.length.toLocaleString('en'), 'character') : plural(countWords(state.text), 'word');
  setText($('#doc-stats'), hasText ? `${size} · ${plural(r ? r.annotations.length : 0, 'highlight')}` : '');
}

/** Annotations of the current result with a label shown (from the per-label counts). */
function visibleCount() {
  const r = state.result;
  if (!r) return 0;
  r.counts ||= countByLabel(r.annotations);
  return LABELS.reduce((n, l) => n + (state.hidden.has(l) ? 0 : r.counts[l] || 0), 0);
}

let wordsCache = { text: null, n: 0 };
function countWords(text) {
  if (wordsCache.text !== text) {
    let n = 0;
    let inWord = false;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      const space = c === 32 || c === 10 || c === 9 || c === 13 || c === 160;
      if (!space && !inWord) n++;
      inWord = !space;
    }
    wordsCache = { text, n };
  }
  return wordsCache.n;
}

// ---------------------------------------------------------------------------------------------
// Engine state.

engine.addEventListener('ready', (e) => {
  stats.engine = 'ready';
  stats.version = e.detail.version;
  stats.loadMs = e.detail.ms;
  $('#alert').hidden = true;
  setStatus('ready', readyStatus());
  updateChrome();
});

const readyStatus = () => `Ready · engine ${stats.version} · runs in this browser`;

engine.addEventListener('fatal', (e) => {
  stats.engine = 'failed';
  requests.clear();
  lastRequested = null;
  const message = e.detail.message || 'unknown error';
  setText($('#alert-title'), e.detail.crashed ? 'The annotator stopped working.' : 'The annotator could not start.');
  fill($('#alert-text'), e.detail.crashed ? `The annotation engine ${message}.` : `The annotation engine failed to load (${message}).`);
  $('#alert').hidden = false;
  setStatus('error', 'Annotator unavailable — editing still works');
  state.shown = [];
  state.result = null;
  paintLayer(state.text, []);
  refreshMarkClasses();
  scheduleSidebar();
  updateChrome();
});

engine.addEventListener('error', (e) => {
  stats.errors++;
  const text = requests.get(e.detail.seq);
  requests.delete(e.detail.seq);
  if (text === lastRequested) lastRequested = null;
  if (text !== state.text) return;
  setStatus('error', `This text could not be annotated: ${e.detail.message}`);
});

$('#retry').addEventListener('click', () => {
  setStatus('loading', 'Loading the annotator…');
  stats.engine = 'loading';
  $('#alert').hidden = true;
  requests.clear();
  lastRequested = null;
  engine.start();
  requestAnnotations(state.text);
});

function setStatus(kind, text) {
  $('#status').dataset.state = kind;
  setText($('#status-text'), text);
}

// ---------------------------------------------------------------------------------------------
// Selection, focus, tooltip.

function refreshMarkClasses() {
  for (const m of state.selectedMarks) m.classList.remove('is-selected');
  for (const m of state.currentMarks) m.classList.remove('is-current');
  state.selectedMarks = [];
  state.currentMarks = [];
  if (state.selected) {
    const anns = state.shown;
    for (let i = 0; i < anns.length; i++) {
      if (keyOf(anns[i]) === state.selected) for (const m of layer.marksOf(i)) state.selectedMarks.push(m);
    }
    for (const m of state.selectedMarks) m.classList.add('is-selected');
  }
  if (state.current >= 0) {
    state.currentMarks = layer.marksOf(state.current);
    for (const m of state.currentMarks) m.classList.add('is-current');
  }
  editor.classList.toggle('has-selection', state.selectedMarks.length > 0);
}

function select(key) {
  state.selected = key;
  refreshMarkClasses();
  panel.select(key);
}

const isVisible = (a) => !state.hidden.has(a.label);
const visibleAnnotations = () => (state.result ? state.result.annotations.filter(isVisible) : []);

/**
 * Puts mention `i` in focus: marks it, selects its entity, shows the tooltip, optionally moves
 * the caret there and scrolls it into view.
 */
function focusMention(i, { caret = true, focusEditor = true, announceIt = true } = {}) {
  const a = state.shown[i];
  if (!a) return;
  state.current = i;
  state.selected = keyOf(a);
  refreshMarkClasses();
  panel.select(state.selected);
  if (caret) {
    if (focusEditor) ta.focus({ preventScroll: true });
    ta.setSelectionRange(a.start, a.start);
  }
  const mark = layer.marksOf(i)[0];
  if (mark) {
    revealMark(mark);
    tip.show(mark, a, entityOf(a), { source: 'focus' });
  }
  updateCaretInfo(i);
  if (announceIt) {
    const visible = state.shown.filter(isVisible);
    announce(sentence(a, entityOf(a), { index: visible.indexOf(a) + 1, total: visible.length }));
  }
}

function revealMark(mark) {
  const r = mark.getBoundingClientRect();
  const box = scroller.getBoundingClientRect();
  const top = Math.max(box.top, 0) + 24;
  const bottom = Math.min(box.bottom, document.documentElement.clientHeight) - 96;
  if (r.top < top || r.bottom > bottom) mark.scrollIntoView({ block: 'center', inline: 'nearest', behavior: 'instant' });
}

/** Index (in `shown`) of the first annotation starting at or after `pos`. */
function lowerBound(anns, pos) {
  let lo = 0;
  let hi = anns.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (anns[mid].start < pos) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Alt+↓ / Alt+↑ (sameEntity: Alt+Shift+↓ / ↑). */
function step(dir, sameEntity = false) {
  const anns = state.shown;
  if (anns.length === 0) return announce(stats.engine === 'ready' ? 'No highlights in this text.' : 'The annotator is not ready yet.');
  if (sameEntity && !state.selected) return announce('Select an entity first (Alt+↓ or the entity list).');
  const ok = (a) => isVisible(a) && (!sameEntity || keyOf(a) === state.selected);
  let from = state.current;
  const caretAt = ta.selectionStart;
  if (!(from >= 0 && anns[from] && (document.activeElement !== ta || caretAt === anns[from].start))) {
    const lb = lowerBound(anns, caretAt);
    from = dir > 0 ? lb - 1 : lb;
  }
  const n = anns.length;
  for (let k = 0; k < n; k++) {
    from = (((from + dir) % n) + n) % n;
    if (ok(anns[from])) return focusMention(from);
  }
  announce('No visible highlights.');
}

document.addEventListener(
  'keydown',
  (e) => {
    if (e.isComposing) return;
    if (e.altKey && !e.ctrlKey && !e.metaKey && (e.key === 'ArrowDown' || e.key === 'ArrowUp')) {
      e.preventDefault();
      step(e.key === 'ArrowDown' ? 1 : -1, e.shiftKey);
    } else if (e.key === 'Escape') {
      const openMenu = document.querySelector('details.menu[open]');
      if (openMenu) {
        openMenu.open = false;
        openMenu.querySelector('summary').focus();
      } else if (tip.anchor || state.selected) {
        tip.hide();
        state.current = -1;
        select(null);
        announce('Selection cleared.');
      }
    }
  },
  true,
);

// Hover: the textarea is on top, so find the <mark> under the pointer in the layer beneath.
let hoverQueued = null;
editor.addEventListener('mousemove', (e) => {
  const first = hoverQueued == null;
  hoverQueued = { x: e.clientX, y: e.clientY };
  if (first) requestAnimationFrame(hover);
});
editor.addEventListener('mouseleave', () => {
  hoverQueued = null;
  if (tip.source === 'hover') tip.hide();
});

function hover() {
  const p = hoverQueued;
  hoverQueued = null;
  if (!p) return;
  const mark = document.elementsFromPoint(p.x, p.y).find((el) => el.localName === 'mark' && layer.root.contains(el));
  const i = mark ? layer.indexOf(mark) : -1;
  const a = state.shown[i];
  if (a && isVisible(a)) {
    if (tip.anchor !== mark) tip.show(mark, a, entityOf(a), { source: 'hover', x: p.x });
  } else if (tip.source === 'hover') {
    tip.hide();
  }
}

// A click that puts the caret inside a highlight selects its entity.
ta.addEventListener('click', () => {
  if (ta.selectionStart !== ta.selectionEnd) return;
  const i = annotationAt(ta.selectionStart);
  if (i >= 0) {
    state.current = i;
    select(keyOf(state.shown[i]));
  } else if (state.selected) {
    state.current = -1;
    select(null);
  }
  if (tip.source === 'focus') tip.hide();
});

/** Index of the visible annotation covering `pos` (start ≤ pos ≤ end), or -1. */
function annotationAt(pos) {
  const anns = state.shown;
  const i = lowerBound(anns, pos + 1) - 1;
  return i >= 0 && anns[i].end >= pos && isVisible(anns[i]) ? i : -1;
}

let caretQueued = false;
document.addEventListener('selectionchange', () => {
  if (caretQueued || document.activeElement !== ta) return;
  caretQueued = true;
  requestAnimationFrame(() => {
    caretQueued = false;
    updateCaretInfo();
  });
});

function updateCaretInfo(i = document.activeElement === ta ? annotationAt(ta.selectionStart) : state.current) {
  const a = state.shown[i];
  const el = $('#caret-text');
  if (a) setText(el, sentence(a, entityOf(a)));
  else if (!state.text) setText(el, 'Paste or type an article; highlights appear as you type.');
  else setText(el, 'Move the cursor onto a highlight, or press Alt+↓, to see what it is.');
}

const followScroll = () => {
  if (tip.anchor) tip.source === 'hover' ? tip.hide() : tip.place(tip.anchor);
};
scroller.addEventListener('scroll', followScroll, { passive: true });
addEventListener('scroll', followScroll, { passive: true }); // narrow screens: the page scrolls
addEventListener('resize', () => tip.anchor && tip.place(tip.anchor));
ta.addEventListener('blur', () => {
  if (tip.source === 'focus') tip.hide();
});

// Never let the textarea scroll on its own: the scroller around it does (see style.css).
ta.addEventListener('scroll', () => {
  if (ta.scrollTop || ta.scrollLeft) ta.scrollTop = ta.scrollLeft = 0;
});

function announce(text) {
  const el = $('#announce');
  // Re-set even if unchanged so it is read again.
  fill(el, '');
  requestAnimationFrame(() => fill(el, text));
}

// ---------------------------------------------------------------------------------------------
// Legend and entity panel.

for (const button of document.querySelectorAll('.legend .toggle')) {
  button.addEventListener('click', () => {
    const label = button.dataset.label;
    const show = state.hidden.has(label);
    if (show) state.hidden.delete(label);
    else state.hidden.add(label);
    button.setAttribute('aria-pressed', String(show));
    editor.classList.toggle(`hide-${label}`, !show);
    if (state.current >= 0 && state.shown[state.current]?.label === label && !show) {
      state.current = -1;
      tip.hide();
    }
    if (!show && state.selected && state.selected.startsWith(`${label}:`)) select(null);
    announce(`${LABEL_PLURALS[label]} ${show ? 'shown' : 'hidden'}.`);
    scheduleSidebar();
  });
}

const panel = new EntityPanel($('#entity-groups'), (key) => {
  const i = state.shown.findIndex((a) => keyOf(a) === key);
  if (i < 0) return;
  focusMention(i, { focusEditor: false });
});

// ---------------------------------------------------------------------------------------------
// Draft, example, clear, undo.

const draft = new Draft((problem) => {
  const el = $('#storage-warning');
  if (problem) {
    fill(el, problem);
    el.hidden = false;
  } else {
    el.hidden = true;
  }
});

/** Replaces the whole text as one undoable edit (Ctrl+Z works too). */
function replaceText(text) {
  ta.focus({ preventScroll: true });
  ta.select();
  let ok = false;
  try {
    ok = text ? document.execCommand('insertText', false, text) : document.execCommand('delete');
  } catch {
    ok = false;
  }
  if (!ok || ta.value !== text) {
    ta.value = text;
    onTextChanged(performance.now());
  }
  ta.setSelectionRange(0, 0);
  scroller.scrollTop = 0;
  draft.saveNow(text);
}

let toastTimer = 0;
function toast(text, undo) {
  const el = $('#toast');
  fill($('#toast-text'), text);
  const button = $('#toast-undo');
  button.hidden = !undo;
  button.onclick = undo
    ? () => {
        el.hidden = true;
        undo();
      }
    : null;
  el.hidden = false;
  clearTimeout(toastTimer);
  toastTimer = setTimeout(() => (el.hidden = true), undo ? 15000 : 4000);
}

function loadExample() {
  const before = ta.value;
  if (before === SAMPLE) return ta.focus();
  replaceText(SAMPLE);
  if (before.trim()) {
    toast('Example loaded; your text was replaced.', () => {
      replaceText(before);
      announce('Your text is back.');
    });
  }
  announce('Example article loaded.');
}
$('#example').addEventListener('click', loadExample);
$('#example-2').addEventListener('click', loadExample);

$('#clear').addEventListener('click', () => {
  const before = ta.value;
  if (!before) return;
  replaceText('');
  toast('Draft cleared.', () => {
    replaceText(before);
    announce('Draft restored.');
  });
  announce('Draft cleared. Undo is available.');
});

// ---------------------------------------------------------------------------------------------
// Export.

let settleWaiters = [];
function settle() {
  const waiting = settleWaiters;
  settleWaiters = [];
  for (const w of waiting) w();
}
function whenCurrent(timeoutMs = 5000) {
  if (state.result && state.result.seq === state.seq) return Promise.resolve(true);
  return new Promise((resolve) => {
    const t = setTimeout(() => resolve(false), timeoutMs);
    settleWaiters.push(() => {
      clearTimeout(t);
      resolve(state.result && state.result.seq === state.seq);
    });
  });
}

const FORMATS = {
  json: { name: 'JSON', ext: 'json', mime: 'application/json', make: (anns) => toJSON(anns) },
  jsonld: {
    name: 'Web Annotation JSON-LD',
    ext: 'jsonld',
    mime: 'application/ld+json',
    make: (anns, text) => JSON.stringify(toWebAnnotations(anns, { text }), null, 2),
  },
  csv: { name: 'CSV', ext: 'csv', mime: 'text/csv', make: (anns) => toCSV(anns) },
};

async function exported() {
  if (!(await whenCurrent())) {
    toast('Still annotating; try again in a moment.');
    return null;
  }
  const format = FORMATS[document.querySelector('input[name="format"]:checked').value];
  const anns = visibleAnnotations();
  return { format, anns, body: format.make(anns, state.result.text) };
}

$('#copy').addEventListener('click', async () => {
  const out = await exported();
  if (!out) return;
  let ok = false;
  try {
    await navigator.clipboard.writeText(out.body);
    ok = true;
  } catch {
    ok = copyFallback(out.body);
  }
  toast(ok ? `Copied ${plural(out.anns.length, 'annotation')} as ${out.format.name}.` : 'Copying was blocked by the browser; use Download instead.');
});

function copyFallback(text) {
  const area = document.createElement('textarea');
  area.value = text;
  area.className = 'sr-only';
  document.body.append(area);
  area.select();
  let ok = false;
  try {
    ok = document.execCommand('copy');
  } catch {
    ok = false;
  }
  area.remove();
  return ok;
}

$('#download').addEventListener('click', async () => {
  const out = await exported();
  if (!out) return;
  const url = URL.createObjectURL(new Blob([out.body], { type: `${out.format.mime};charset=utf-8` }));
  const a = document.createElement('a');
  a.href = url;
  a.download = `annotations.${out.format.ext}`;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
  toast(`Downloaded ${plural(out.anns.length, 'annotation')} as ${out.format.name}.`);
});

// Menus close when focus or a click leaves them.
for (const menu of document.querySelectorAll('details.menu')) {
  menu.addEventListener('toggle', () => {
    if (menu.open) for (const other of document.querySelectorAll('details.menu[open]')) if (other !== menu) other.open = false;
  });
}
document.addEventListener('click', (e) => {
  for (const menu of document.querySelectorAll('details.menu[open]')) if (!menu.contains(e.target)) menu.open = false;
});

// ---------------------------------------------------------------------------------------------
// Start: restore the draft first (it is editable before the engine loads), then the worker.

const saved = draft.load();
if (saved) ta.value = saved;
onTextChanged(performance.now());
engine.start();
