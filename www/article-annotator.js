// <article-annotator>: highlights actors, countries and agreements in a news article, in the
// browser, with the Annotator wasm engine. One ES module, no framework, no bundler needed.
//
// Attach mode (`for="id"` or the `target` property): highlights a <textarea> (an overlay mirror
// over it) or a contenteditable / rich-text editor's editable root (the CSS Custom Highlight API)
// without ever touching the host's DOM. Render mode (no target): renders its text (light-DOM text
// or the `text` property) as a read-only annotated article with <mark>s in its shadow root.
// Also the JS API for CMS code: ready(), annotate, Annotator and the export helpers.
// Text only ever reaches the DOM as text nodes (no innerHTML anywhere).
import init, { annotate as engineAnnotate, Annotator as EngineAnnotator, version } from './pkg/annotator.js';
import { summarize } from './lib/entities.js';

export { toJSON, toCSV, toWebAnnotations, toDisplacy } from './lib/export.js';
export { summarize, version };

/** The engine's labels, in display order. */
export const LABELS = ['actor', 'country', 'agreement'];
const NAMES = { actor: 'Actors', country: 'Countries', agreement: 'Agreements' };
const TAG = 'article-annotator';

let loading = null;
let loaded = false;

/**
 * Resolves when the engine's wasm is initialised. The first call starts the download from
 * `wasmUrl` (default `ArticleAnnotator.wasmUrl`); later calls share it. A failed load rejects
 * with a clear Error and may be retried.
 */
export function ready(wasmUrl) {
  if (!loading) {
    const url = wasmUrl ?? ArticleAnnotator.wasmUrl;
    loading = init({ module_or_path: url }).then(
      () => {
        loaded = true;
      },
      (e) => {
        loading = null;
        throw new Error(`${TAG}: could not load the annotation engine from ${url}: ${e?.message ?? e}`, { cause: e });
      },
    );
  }
  return loading;
}

function needEngine(what) {
  if (!loaded) throw new Error(`${what}: the engine is not loaded yet (await ready() first)`);
}

/** `annotate(text, {labels})` of the engine: UTF-16 offsets. Needs `await ready()` first. */
export function annotate(text, options) {
  needEngine('annotate()');
  return engineAnnotate(text, options);
}

/** The engine's long-lived `Annotator(dictionary)`. Needs `await ready()` first; `.free()` it. */
export class Annotator extends EngineAnnotator {
  constructor(dictionary) {
    needEngine('new Annotator()');
    super(dictionary);
  }
}

// ---------------------------------------------------------------------------------------------
// Text model of an editable DOM tree: the concatenated data of its text nodes, with a "\n" for
// each <br> and at each block boundary (once), like Quill's getText(). `starts[i]` is the UTF-16
// offset of `nodes[i]` in `text`.

const BLOCKS = new Set(
  'address article aside blockquote caption dd details dialog div dl dt fieldset figcaption figure footer form h1 h2 h3 h4 h5 h6 header hgroup hr li main nav ol p pre section summary table tbody td tfoot th thead tr ul'.split(' '),
);
const SKIP = new Set(['script', 'style', 'template', 'noscript', 'textarea', 'select']);

function collect(root, collapse = false) {
  const nodes = [];
  const starts = [];
  let text = '';
  const blank = collapse ? '\n\n' : '\n';
  const walk = (parent) => {
    for (let n = parent.firstChild; n; n = n.nextSibling) {
      if (n.nodeType === 3) {
        nodes.push(n);
        starts.push(text.length);
        text += collapse ? n.data.replace(/\s+/g, ' ') : n.data;
      } else if (n.nodeType === 1) {
        const tag = n.localName;
        if (tag === 'br') text += '\n';
        else if (!SKIP.has(tag)) {
          const block = BLOCKS.has(tag);
          if (block && text && !text.endsWith('\n')) text += blank;
          walk(n);
          if (block && text && !text.endsWith('\n')) text += blank;
        }
      }
    }
  };
  walk(root);
  return { text, nodes, starts };
}

/** Light-DOM text for render mode: HTML whitespace collapsed, blocks become paragraphs. */
function lightText(el) {
  return collect(el, true)
    .text.split('\n')
    .map((l) => l.trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** [node, offset] of UTF-16 offset `off` of the model: the start (or end) of a range there. */
function point({ nodes, starts }, off, end) {
  let lo = 0;
  let hi = nodes.length - 1;
  let i = 0;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (end ? starts[mid] < off : starts[mid] <= off) {
      i = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  const n = nodes[i];
  return [n, Math.max(0, Math.min(off - starts[i], n.length))];
}

/** Annotations of `before` moved to `after` (one edit): kept before it, shifted after it. */
function shift(annotations, before, after) {
  const m = Math.min(before.length, after.length);
  let p = 0;
  while (p < m && before.charCodeAt(p) === after.charCodeAt(p)) p++;
  let s = 0;
  while (s < m - p && before.charCodeAt(before.length - 1 - s) === after.charCodeAt(after.length - 1 - s)) s++;
  const d = after.length - before.length;
  const edited = before.length - s;
  const out = [];
  for (const a of annotations) {
    if (a.end <= p) out.push(a);
    else if (a.start >= edited) out.push({ ...a, start: a.start + d, end: a.end + d });
  }
  return out;
}

function h(tag, part, ...children) {
  const el = document.createElement(tag);
  if (part) el.setAttribute('part', part);
  el.append(...children);
  return el;
}

/** Fills `box` with `text` as text nodes and one <mark> per annotation. */
function renderMarks(box, text, annotations, interactive, tail = '') {
  const out = [];
  let pos = 0;
  annotations.forEach((a, i) => {
    if (a.start > pos) out.push(text.slice(pos, a.start));
    const m = h('mark', `mark ${a.label} ${a.type}`, text.slice(a.start, a.end));
    m.className = a.label;
    m.dataset.index = i;
    if (interactive) {
      m.tabIndex = 0;
      m.title = `${a.name} · ${a.label} (${a.type}${a.country ? `, ${a.country}` : ''})`;
    }
    out.push(m);
    pos = a.end;
  });
  out.push(text.slice(pos) + tail);
  box.replaceChildren(...out);
}

// ---------------------------------------------------------------------------------------------
// Styles: constructable sheets only (allowed by a strict `style-src 'self'` CSP).

const COLORS = { actor: '#bfdbfe', country: '#bbf7d0', agreement: '#fed7aa' };
const color = (l) => `var(--${TAG}-${l}, ${COLORS[l]})`;

const SHADOW_CSS = `
:host { display: block; }
:host([hidden]) { display: none; }
[hidden] { display: none !important; }
[part~=article] { white-space: pre-wrap; overflow-wrap: break-word; }
mark { color: inherit; border-radius: var(--${TAG}-radius, 0.2em); padding: 0; }
${LABELS.map((l) => `mark.${l}, [part~=swatch].${l} { background: ${color(l)}; }`).join('\n')}
[part~=article] mark { cursor: pointer; }
mark:focus-visible, button:focus-visible { outline: 2px solid var(--${TAG}-focus, #2563eb); outline-offset: 1px; }
[part~=overlay] { position: absolute; margin: 0; overflow: hidden; pointer-events: none; color: transparent;
  border-style: solid; border-color: transparent; background: transparent; mix-blend-mode: multiply; z-index: 1; }
[part~=overlay] mark { color: transparent; border-radius: 0; }
[part~=legend] { display: flex; flex-wrap: wrap; gap: 0.25em 0.75em; align-items: center; font: var(--${TAG}-legend-font, 0.875em/1.4 system-ui, sans-serif); margin-block: 0.5em; }
[part~=legend-item] { display: inline-flex; align-items: center; gap: 0.3em; }
[part~=swatch] { display: inline-block; width: 0.9em; height: 0.9em; border-radius: 0.2em; }
[part~=entities] { display: flex; flex-wrap: wrap; gap: 0.25em; list-style: none; margin: 0; padding: 0; flex-basis: 100%; }
[part~=entity] { font: inherit; border: 0; border-radius: 1em; padding: 0.05em 0.6em; cursor: pointer; color: inherit; }
${LABELS.map((l) => `[part~=entity].${l} { background: ${color(l)}; }`).join('\n')}
[part~=count] { opacity: 0.7; font-variant-numeric: tabular-nums; }
`;

const HIGHLIGHT_CSS = `@layer ${TAG} {\n${LABELS.map((l) => `::highlight(${TAG}-${l}) { background-color: ${color(l)}; }`).join('\n')}\n}`;

let shadowSheet;
const perDocument = new WeakMap(); // Document → { highlights: {label: Highlight}, sheet }

function sheetFor(view, css) {
  const sheet = new view.CSSStyleSheet();
  sheet.replaceSync(css);
  return sheet;
}

/** The shared Highlight objects of `doc`, registered as `article-annotator-<label>`. */
function registry(doc) {
  let r = perDocument.get(doc);
  const view = doc.defaultView;
  if (!r && view?.CSS?.highlights && view.Highlight) {
    r = { highlights: {}, sheet: sheetFor(view, HIGHLIGHT_CSS), roots: new WeakSet() };
    for (const l of LABELS) {
      const name = `${TAG}-${l}`;
      r.highlights[l] = view.CSS.highlights.get(name) ?? new view.Highlight();
      view.CSS.highlights.set(name, r.highlights[l]);
    }
    perDocument.set(doc, r);
  }
  return r;
}

/** Adopts the default ::highlight() styles into `root` (a document or shadow root), once. */
function styleRoot(r, root) {
  if (r.roots.has(root) || !root.adoptedStyleSheets) return;
  r.roots.add(root);
  root.adoptedStyleSheets = [...root.adoptedStyleSheets, r.sheet];
}

// Computed properties copied onto the textarea's overlay mirror.
const MIRROR = (
  'direction writing-mode box-sizing font-family font-size font-style font-variant font-weight font-stretch font-kerning ' +
  'font-feature-settings font-variation-settings font-optical-sizing letter-spacing word-spacing line-height text-align ' +
  'text-indent text-transform text-rendering tab-size white-space word-break overflow-wrap hyphens padding-top ' +
  'padding-left border-top-width border-right-width border-bottom-width border-left-width'
).split(' ');

// ---------------------------------------------------------------------------------------------

const Base = globalThis.HTMLElement ?? class {};

/**
 * `<article-annotator>`. Attributes: for, labels, dictionary, debounce, disabled, legend,
 * wasm-url. Events: annotations-changed, entity-activate, annotator-error (all bubble and are
 * composed).
 */
export class ArticleAnnotator extends Base {
  /** Where the engine's wasm is fetched from (set before the first element connects). */
  static wasmUrl = new URL('./pkg/annotator_bg.wasm', import.meta.url);
  static observedAttributes = ['for', 'labels', 'dictionary', 'debounce', 'disabled', 'legend', 'wasm-url'];

  static define(tag = TAG, registry = customElements) {
    if (!registry.get(tag)) registry.define(tag, this);
    return this;
  }

  #fallback;
  #article;
  #overlay;
  #legend;
  #target = null; // the `target` property
  #waiting = null; // MutationObserver waiting for the `for` element to appear
  #bound = null; // the element listened to (textarea, editor container) or `this`
  #mode = 'off'; // 'render' | 'textarea' | 'dom' | 'off'
  #listen = null; // AbortController of the current listeners
  #observers = [];
  #dictionary; // undefined: from the attribute
  #engine = null;
  #engineStale = true;
  #generation = 0; // bumped when the dictionary or labels change
  #labels = null;
  #textProp = null;
  #text = '';
  #model = null; // dom mode: text model of the editable root
  #annotations = [];
  #entities = [];
  #ranges = [];
  #key = null;
  #version = 0; // bumped by each pass whose result changed
  #painted = {}; // part → #version it shows
  #queued = false;
  #timer = 0;
  #run = 0;

  constructor() {
    super();
    const root = this.shadowRoot ?? this.attachShadow({ mode: 'open' });
    shadowSheet ??= sheetFor(window, SHADOW_CSS);
    root.adoptedStyleSheets = [shadowSheet];
    this.#fallback = h('div', 'fallback', h('slot'));
    this.#article = h('div', 'article');
    this.#article.hidden = true;
    this.#overlay = h('div', 'overlay');
    this.#overlay.hidden = true;
    this.#overlay.setAttribute('aria-hidden', 'true');
    this.#legend = h('div', 'legend');
    this.#legend.hidden = true;
    root.replaceChildren(this.#fallback, this.#article, this.#overlay, this.#legend);
    root.addEventListener('click', (e) => this.#activate(e));
    root.addEventListener('keydown', (e) => {
      if ((e.key === 'Enter' || e.key === ' ') && e.target.localName === 'mark') {
        e.preventDefault();
        this.#activate(e);
      }
    });
  }

  connectedCallback() {
    this.#schedule();
  }

  disconnectedCallback() {
    this.#unbind();
    this.#waiting?.disconnect();
    this.#waiting = null;
    this.#engine?.free();
    this.#engine = null;
    this.#engineStale = true;
  }

  attributeChangedCallback(name, old, value) {
    if (old === value) return;
    if (name === 'dictionary') {
      this.#dictionary = undefined;
      this.#engineStale = true;
    }
    if (name === 'labels') this.#labels = null;
    if (name === 'dictionary' || name === 'labels') this.#generation++;
    this.#schedule();
  }

  // -- properties ------------------------------------------------------------------------------

  /** The element highlighted (attach mode), or null (render mode). */
  get target() {
    return this.#target ?? this.#find();
  }
  set target(el) {
    this.#target = el ?? null;
    this.#schedule();
  }

  get labels() {
    const v = this.getAttribute('labels');
    return v == null ? [...LABELS] : v.split(/[\s,]+/).filter(Boolean);
  }
  set labels(v) {
    if (v == null) this.removeAttribute('labels');
    else this.setAttribute('labels', Array.isArray(v) ? v.join(' ') : String(v));
  }

  /** The newsroom dictionary: `{entries, deny}` or TSV text; the `dictionary` attribute is JSON. */
  get dictionary() {
    if (this.#dictionary !== undefined) return this.#dictionary;
    const v = this.getAttribute('dictionary');
    try {
      return v?.trim().startsWith('{') ? JSON.parse(v) : (v ?? null);
    } catch {
      return null;
    }
  }
  set dictionary(v) {
    this.#dictionary = v ?? null;
    this.#engineStale = true;
    this.#generation++;
    this.#schedule();
  }

  get debounce() {
    const n = Number.parseFloat(this.getAttribute('debounce'));
    return Number.isFinite(n) && n >= 0 ? n : 150;
  }
  set debounce(v) {
    this.setAttribute('debounce', String(v));
  }

  get disabled() {
    return this.hasAttribute('disabled');
  }
  set disabled(v) {
    this.toggleAttribute('disabled', !!v);
  }

  get legend() {
    return this.hasAttribute('legend');
  }
  set legend(v) {
    this.toggleAttribute('legend', !!v);
  }

  /** The text last annotated. Setting it (render mode) replaces the light-DOM text; null restores it. */
  get text() {
    const attached = this.#mode === 'textarea' || this.#mode === 'dom';
    return attached || this.#textProp == null ? this.#text : this.#textProp;
  }
  set text(v) {
    this.#textProp = v == null ? null : String(v);
    this.#schedule();
  }

  /** The last annotations (UTF-16 offsets into `text`). */
  get annotations() {
    return this.#annotations;
  }

  /** The last entity summary (`summarize(annotations)`). */
  get entities() {
    return this.#entities;
  }

  /** Re-reads the text and annotates it now; resolves with the annotations. */
  async refresh() {
    this.#key = null;
    this.#bind();
    await this.#update();
    return this.#annotations;
  }

  // -- wiring ----------------------------------------------------------------------------------

  #schedule() {
    if (this.#queued) return;
    this.#queued = true;
    queueMicrotask(() => {
      this.#queued = false;
      if (!this.isConnected) return;
      this.#bind();
      this.#update();
    });
  }

  #later() {
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => this.#update(), this.debounce);
  }

  /** The `for` element in this element's tree (or the document), watching for it to appear. */
  #find() {
    const id = this.getAttribute('for');
    if (!id) return null;
    const root = this.getRootNode();
    const el = root.getElementById?.(id) ?? document.getElementById(id);
    if (!el && this.isConnected && !this.#waiting) {
      this.#waiting = new MutationObserver(() => {
        if (root.getElementById?.(id) ?? document.getElementById(id)) {
          this.#waiting.disconnect();
          this.#waiting = null;
          this.#schedule();
        }
      });
      this.#waiting.observe(root, { childList: true, subtree: true });
    }
    return el;
  }

  /** The editable root of a dom target: itself if editable, else its contenteditable descendant. */
  #editable() {
    const t = this.#bound;
    return t.isContentEditable ? t : (t.querySelector('[contenteditable]:not([contenteditable=false])') ?? t);
  }

  #bind() {
    const explicit = this.#target || this.hasAttribute('for');
    const el = this.disabled ? null : this.target;
    const mode = this.disabled || (explicit && !el) ? 'off' : !el ? 'render' : el.localName === 'textarea' ? 'textarea' : 'dom';
    const bound = el ?? this;
    if (bound === this.#bound && mode === this.#mode) return;
    this.#unbind();
    this.#bound = bound;
    this.#mode = mode;
    if (mode === 'off') return;
    const signal = (this.#listen = new AbortController()).signal;
    const later = () => this.#later();
    if (mode === 'textarea') {
      el.addEventListener('input', () => this.#typed(), { signal });
      el.addEventListener('scroll', () => this.#scroll(), { signal, passive: true });
      el.form?.addEventListener('reset', () => setTimeout(later), { signal });
      window.addEventListener('resize', () => this.#layout(), { signal });
      // A scrolling ancestor that the element does not share with the textarea moves it alone.
      document.addEventListener('scroll', (e) => e.target !== el && this.#layout(), { signal, capture: true, passive: true });
      document.fonts?.addEventListener('loadingdone', () => this.#layout(), { signal });
      const ro = new ResizeObserver(() => this.#layout());
      ro.observe(el);
      ro.observe(document.documentElement);
      this.#observers.push(ro);
    } else {
      const mo = new MutationObserver(() => (mode === 'dom' && this.#remap()) || later());
      mo.observe(bound, { characterData: true, childList: true, subtree: true });
      this.#observers.push(mo);
      if (mode === 'dom') el.addEventListener('input', later, { signal });
    }
  }

  #unbind() {
    clearTimeout(this.#timer);
    this.#listen?.abort();
    this.#listen = null;
    for (const o of this.#observers) o.disconnect();
    this.#observers = [];
    this.#clear();
    this.#bound = null;
    this.#mode = 'off';
    this.#key = null;
  }

  #fail(error, message = error?.message ?? String(error)) {
    this.dispatchEvent(new CustomEvent('annotator-error', { bubbles: true, composed: true, detail: { message, error } }));
  }

  /** The engine call for the current dictionary (the plain engine if there is none or it is invalid). */
  #annotator() {
    if (this.#engineStale) {
      this.#engineStale = false;
      this.#engine?.free();
      this.#engine = null;
      let dict = this.#dictionary;
      if (dict === undefined) {
        const v = this.getAttribute('dictionary')?.trim();
        dict = v || null;
        if (v?.startsWith('{')) {
          try {
            dict = JSON.parse(v);
          } catch (e) {
            dict = null;
            this.#fail(e, `${TAG}: the dictionary attribute is not valid JSON (${e.message})`);
          }
        }
      }
      if (dict != null) {
        try {
          this.#engine = new EngineAnnotator(dict);
        } catch (e) {
          this.#fail(e, `${TAG}: invalid dictionary (${e?.message ?? e})`);
        }
      }
    }
    return this.#engine;
  }

  #options() {
    if (!this.#labels) {
      const wanted = this.labels;
      const unknown = wanted.filter((l) => !LABELS.includes(l));
      if (unknown.length) this.#fail(new TypeError('unknown label'), `${TAG}: unknown label ${unknown.map((l) => JSON.stringify(l)).join(', ')} in labels (expected ${LABELS.join(', ')})`);
      this.#labels = wanted.filter((l) => LABELS.includes(l));
    }
    return this.#labels.length === LABELS.length ? undefined : { labels: this.#labels };
  }

  #read() {
    if (this.#mode === 'textarea') return this.#bound.value;
    if (this.#mode === 'dom') {
      this.#model = collect(this.#editable());
      return this.#model.text;
    }
    return this.#textProp ?? lightText(this);
  }

  async #update() {
    clearTimeout(this.#timer);
    if (this.#mode === 'off') return;
    const run = ++this.#run;
    if (!loaded) {
      try {
        await ready(this.getAttribute('wasm-url') || undefined);
      } catch (e) {
        if (run === this.#run) this.#fail(e);
        return;
      }
      if (run !== this.#run || this.#mode === 'off') return;
    }
    const engine = this.#annotator();
    const options = this.#options();
    const text = this.#read();
    let annotations = [];
    try {
      annotations = engine ? engine.annotate(text, options) : engineAnnotate(text, options);
    } catch (e) {
      this.#fail(e);
    }
    const key = `${this.#generation}:${text}`;
    const changed = key !== this.#key;
    this.#key = key;
    if (changed) this.#version++;
    this.#text = text;
    this.#annotations = annotations;
    if (changed) this.#entities = summarize(annotations);
    this.#paint();
    if (changed) {
      this.dispatchEvent(
        new CustomEvent('annotations-changed', { bubbles: true, composed: true, detail: { annotations, entities: this.#entities, text } }),
      );
    }
  }

  // -- painting --------------------------------------------------------------------------------

  #clear() {
    for (const [h, r] of this.#ranges) h.delete(r);
    this.#ranges = [];
    this.#annotations = [];
    this.#entities = [];
    this.#overlay.hidden = true;
    this.#overlay.replaceChildren();
    this.#article.hidden = true;
    this.#article.replaceChildren();
    this.#fallback.hidden = false;
    this.#legend.hidden = true;
    this.#legend.replaceChildren();
    this.#painted = {};
  }

  /** Paints the last pass. Focusable parts (marks, legend) are rebuilt only when they change. */
  #paint() {
    const annotations = this.#annotations;
    const mode = this.#mode;
    // Ranges always: the editor may have replaced the nodes under the same text.
    const preview = mode === 'render' || (mode === 'dom' && !this.#paintRanges());
    if (preview && this.#painted.article !== this.#version) {
      renderMarks(this.#article, this.#text, annotations, true);
      this.#painted.article = this.#version;
    }
    this.#article.hidden = !preview;
    this.#fallback.hidden = mode === 'render';
    if (mode === 'textarea') {
      renderMarks(this.#overlay, this.#text, annotations, false, '\u200b');
      this.#overlay.hidden = false;
      this.#layout();
    }
    this.#paintLegend();
  }

  /** The editor changed its DOM but not its text (formatting, undo): re-map the ranges now. */
  #remap() {
    if (this.#key == null || this.#mode !== 'dom') return false;
    const model = collect(this.#editable());
    if (model.text !== this.#text) return false;
    this.#model = model;
    this.#paintRanges();
    return true;
  }

  /** Highlights the dom target's mentions with live Ranges; false without the Highlight API. */
  #paintRanges() {
    const root = this.#editable();
    const r = registry(root.ownerDocument);
    for (const [h, range] of this.#ranges) h.delete(range);
    this.#ranges = [];
    if (!r) return false;
    styleRoot(r, root.getRootNode());
    const model = this.#model;
    if (!model.nodes.length) return true;
    for (const a of this.#annotations) {
      const range = root.ownerDocument.createRange();
      range.setStart(...point(model, a.start, false));
      range.setEnd(...point(model, a.end, true));
      const h = r.highlights[a.label];
      h.add(range);
      this.#ranges.push([h, range]);
    }
    return true;
  }

  /** The textarea was edited: move the marks with the text until the next annotation pass. */
  #typed() {
    const value = this.#bound.value;
    this.#annotations = shift(this.#annotations, this.#text, value);
    this.#text = value;
    renderMarks(this.#overlay, value, this.#annotations, false, '\u200b');
    this.#scroll();
    this.#later();
  }

  #scroll() {
    this.#overlay.scrollTop = this.#bound.scrollTop;
    this.#overlay.scrollLeft = this.#bound.scrollLeft;
  }

  /** Copies the textarea's box and font metrics onto the overlay and puts it right over it. */
  #layout() {
    const ta = this.#bound;
    const ov = this.#overlay;
    if (this.#mode !== 'textarea' || ov.hidden) return;
    const cs = getComputedStyle(ta);
    const s = ov.style;
    const box = ta.getBoundingClientRect();
    if (!box.width && !box.height) {
      s.display = 'none';
      return;
    }
    s.display = '';
    for (const p of MIRROR) s.setProperty(p, cs.getPropertyValue(p));
    const px = (p) => Number.parseFloat(cs.getPropertyValue(p)) || 0;
    const bx = px('border-left-width') + px('border-right-width');
    const by = px('border-top-width') + px('border-bottom-width');
    // Scrollbars take room from the content box: pad the mirror by as much.
    s.paddingRight = `${px('padding-right') + Math.max(0, ta.offsetWidth - bx - ta.clientWidth)}px`;
    s.paddingBottom = `${px('padding-bottom') + Math.max(0, ta.offsetHeight - by - ta.clientHeight)}px`;
    s.boxSizing = 'border-box';
    s.width = `${box.width}px`;
    s.height = `${box.height}px`;
    if (!s.top) s.top = s.left = '0px'; // not `auto`: the correction below is relative to it
    const at = ov.getBoundingClientRect();
    s.left = `${(Number.parseFloat(s.left) || 0) + box.left - at.left}px`;
    s.top = `${(Number.parseFloat(s.top) || 0) + box.top - at.top}px`;
    // Clipped like the textarea by the scrolling ancestors that the element is not inside.
    let { top, right, bottom, left } = box;
    for (let p = ta.parentElement; p && !p.contains(this); p = p.parentElement) {
      if (getComputedStyle(p).overflow === 'visible') continue;
      const r = p.getBoundingClientRect();
      top = Math.max(top, r.top + p.clientTop);
      left = Math.max(left, r.left + p.clientLeft);
      bottom = Math.min(bottom, r.top + p.clientTop + p.clientHeight);
      right = Math.min(right, r.left + p.clientLeft + p.clientWidth);
    }
    s.clipPath = `inset(${top - box.top}px ${box.right - right}px ${box.bottom - bottom}px ${left - box.left}px)`;
    this.#scroll();
  }

  #paintLegend() {
    const legend = this.#legend;
    legend.hidden = !this.legend;
    if (legend.hidden) {
      this.#painted.legend = -1;
      return legend.replaceChildren();
    }
    if (this.#painted.legend === this.#version) return;
    this.#painted.legend = this.#version;
    const shown = this.#labels ?? LABELS;
    const items = shown.map((l) => {
      const n = this.#annotations.reduce((c, a) => c + (a.label === l), 0);
      const swatch = h('span', `swatch ${l}`);
      swatch.className = l;
      return h('span', `legend-item ${l}`, swatch, `${NAMES[l]} `, h('span', 'count', String(n)));
    });
    const list = h('ul', 'entities');
    for (const e of this.#entities) {
      const b = h('button', `entity ${e.label}`, `${e.name} `, h('span', 'count', String(e.count)));
      b.type = 'button';
      b.className = e.label;
      b.dataset.key = e.key;
      b.title = `${e.label} (${e.type}${e.country ? `, ${e.country}` : ''})`;
      list.append(h('li', null, b));
    }
    legend.replaceChildren(...items, list);
  }

  #activate(e) {
    const el = e.target.closest?.('mark[data-index], button[data-key]');
    if (!el || (el.localName === 'mark' && this.#mode === 'textarea')) return;
    const annotation = el.dataset.index != null ? this.#annotations[+el.dataset.index] : undefined;
    const key = annotation ? `${annotation.label}:${annotation.entity}` : el.dataset.key;
    const entity = this.#entities.find((x) => x.key === key);
    if (!entity) return;
    this.dispatchEvent(new CustomEvent('entity-activate', { bubbles: true, composed: true, detail: { entity, annotation } }));
  }
}

if (globalThis.customElements) ArticleAnnotator.define();
