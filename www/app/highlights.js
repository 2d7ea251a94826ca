// The highlight layer: a copy of the draft, one block per line, painted behind the transparent
// <textarea> with the same font, width and wrapping, so each <mark> sits exactly under its
// words. The article text only ever enters it as text nodes.
//
// Updates are diffed by line: a line whose text and highlight pieces are unchanged keeps its
// DOM; only the changed stretch between the common first and last lines is rebuilt. Typing in
// one paragraph of a long article touches one block.

const LABEL_CODES = { actor: 1, country: 2, agreement: 3 };
const TYPE_CODES = { person: 1, organization: 2, country: 3, demonym: 4, capital: 5, named: 6, described: 7 };

/** Stable key of an annotation's entity (same as www/lib/entities.js). */
export const keyOf = (a) => `${a.label}:${a.entity}`;

export class HighlightLayer {
  /** @param {HTMLElement} root the (empty) backdrop element */
  constructor(root) {
    this.root = root;
    this.lines = []; // {start, text, first, pieces: Int32Array-like [s, e, k, code]*, el, marks}
    this.text = '';
    this.annotations = [];
    this.rebuilt = 0; // blocks built by the last render (for the stats hook)
  }

  /**
   * Shows `text` with `annotations` (sorted, non-overlapping UTF-16 spans of `text`).
   * @returns {number} how many line blocks were (re)built
   */
  render(text, annotations) {
    const next = splitLines(text, annotations);
    const prev = this.lines;
    let head = 0;
    const max = Math.min(prev.length, next.length);
    while (head < max && sameLine(prev[head], next[head])) head++;
    let tail = 0;
    while (tail < max - head && sameLine(prev[prev.length - 1 - tail], next[next.length - 1 - tail])) tail++;

    // Keep the DOM of unchanged lines (their offsets and first annotation may have moved).
    for (let i = 0; i < head; i++) adopt(next[i], prev[i]);
    for (let i = 0; i < tail; i++) adopt(next[next.length - 1 - i], prev[prev.length - 1 - i]);

    // The changed stretch: refill the old blocks in place, one for one (the browser keeps
    // their layout objects and can reuse text shaping when only the marks changed), then add
    // or remove the difference.
    const oldEnd = prev.length - tail;
    const newEnd = next.length - tail;
    const paired = Math.min(oldEnd, newEnd) - head;
    for (let i = 0; i < paired; i++) buildLine(next[head + i], prev[head + i].el);
    for (let i = head + paired; i < oldEnd; i++) prev[i].el.remove();
    if (newEnd > head + paired) {
      const frag = document.createDocumentFragment();
      for (let i = head + paired; i < newEnd; i++) frag.append(buildLine(next[i]));
      const before = tail > 0 ? next[next.length - tail].el : null;
      this.root.insertBefore(frag, before);
    }
    const built = newEnd - head;
    this.lines = next;
    this.text = text;
    this.annotations = annotations;
    this.rebuilt = built;
    return built;
  }

  /** The annotation index a <mark> of this layer stands for, or -1. */
  indexOf(mark) {
    const line = mark && mark.parentNode && mark.parentNode.__line;
    if (!line || mark.__k == null) return -1;
    return line.first + mark.__k;
  }

  /** The <mark> elements (one per line the annotation crosses) of annotation `i`. */
  marksOf(i) {
    const a = this.annotations[i];
    if (!a) return [];
    const out = [];
    for (let l = this.#lineAt(a.start); l < this.lines.length && this.lines[l].start <= a.end; l++) {
      const line = this.lines[l];
      const p = line.pieces;
      for (let j = 0; j < p.length; j += 4) if (line.first + p[j + 2] === i) out.push(line.marks[j / 4]);
    }
    return out;
  }

  /** Index of the line containing offset `pos`. */
  #lineAt(pos) {
    let lo = 0;
    let hi = this.lines.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.lines[mid].start <= pos) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }
}

/** Lines of `text` with the pieces of the annotations that fall on each (relative offsets). */
function splitLines(text, annotations) {
  const lines = [];
  const n = text.length;
  let start = 0;
  let j = 0;
  for (;;) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = n;
    while (j < annotations.length && annotations[j].end <= start) j++;
    const pieces = [];
    for (let k = j; k < annotations.length && annotations[k].start < end; k++) {
      const a = annotations[k];
      const s = Math.max(a.start, start) - start;
      const e = Math.min(a.end, end) - start;
      if (e > s) pieces.push(s, e, k - j, (LABEL_CODES[a.label] || 0) * 16 + (TYPE_CODES[a.type] || 0));
    }
    lines.push({ start, text: text.slice(start, end), first: j, pieces, el: null, marks: null });
    if (end >= n) break;
    start = end + 1;
  }
  return lines;
}

function sameLine(a, b) {
  if (a.text !== b.text) return false;
  const p = a.pieces;
  const q = b.pieces;
  if (p.length !== q.length) return false;
  for (let i = 0; i < p.length; i++) if (p[i] !== q[i]) return false;
  return true;
}

function adopt(line, old) {
  line.el = old.el;
  line.marks = old.marks;
  line.el.__line = line;
}

const LABELS = ['', 'actor', 'country', 'agreement'];
const TYPES = ['', 'person', 'organization', 'country', 'demonym', 'capital', 'named', 'described'];

/** Fills `el` (a new block if none) with the line's text and marks. */
function buildLine(line, el = null) {
  if (!el) {
    el = document.createElement('div');
    el.className = 'ln';
  }
  el.__line = line;
  const marks = [];
  const { text, pieces } = line;
  if (text.length === 0) {
    el.replaceChildren(document.createElement('br'));
  } else if (pieces.length === 0) {
    el.replaceChildren(text);
  } else {
    const parts = [];
    let at = 0;
    for (let i = 0; i < pieces.length; i += 4) {
      const s = pieces[i];
      const e = pieces[i + 1];
      if (s > at) parts.push(text.slice(at, s));
      const m = document.createElement('mark');
      const code = pieces[i + 3];
      m.className = `hl l-${LABELS[code >> 4]} t-${TYPES[code & 15]}`;
      m.__k = pieces[i + 2];
      m.append(text.slice(s, e));
      parts.push(m);
      marks.push(m);
      at = e;
    }
    if (at < text.length) parts.push(text.slice(at));
    el.replaceChildren(...parts);
  }
  line.el = el;
  line.marks = marks;
  return el;
}

/**
 * The stretch an edit replaced: `before.slice(start, endBefore)` became
 * `after.slice(start, endAfter)` (longest common prefix and suffix).
 */
export function editRange(before, after) {
  const minLen = Math.min(before.length, after.length);
  let p = 0;
  while (p < minLen && before.charCodeAt(p) === after.charCodeAt(p)) p++;
  let s = 0;
  while (s < minLen - p && before.charCodeAt(before.length - 1 - s) === after.charCodeAt(after.length - 1 - s)) s++;
  return { start: p, endBefore: before.length - s, endAfter: after.length - s };
}

/**
 * Carries annotations across an edit until the engine answers: spans before the edit stay,
 * spans after it move by the length change, spans touching it are dropped. Keeps the layer
 * aligned with the text on every keystroke, even while the worker is busy with a long text.
 * @returns {Array} new array (the input is not modified)
 */
export function shiftAnnotations(before, after, annotations, range = editRange(before, after)) {
  if (before === after || annotations.length === 0) return annotations;
  const { start: p, endBefore: editEnd } = range;
  const delta = after.length - before.length;
  const out = [];
  for (const a of annotations) {
    if (a.end <= p) {
      // A word typed right after a span may change it ("France" → "Frances"): drop it.
      if (a.end < p || !isWordAt(after, p)) out.push(a);
    } else if (a.start >= editEnd) {
      const start = a.start + delta;
      if (a.start > editEnd || !isWordAt(after, start - 1)) out.push({ ...a, start, end: a.end + delta });
    }
  }
  return out;
}

const WORD = /[\p{L}\p{N}]/u;
function isWordAt(text, i) {
  return i >= 0 && i < text.length && WORD.test(text[i]);
}
