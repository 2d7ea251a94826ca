// Tiny DOM builder. Children that are strings become text nodes (Node.append), so text from
// the article or the engine is never parsed as HTML.

/**
 * @param {string} tag
 * @param {Record<string, any>} [attrs] `class`, `dataset`, `on<event>` handlers, other attributes
 * @param {...(Node|string|number|null|false|Array)} children
 */
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v == null || v === false) continue;
    if (k === 'class') el.className = v;
    else if (k === 'dataset') Object.assign(el.dataset, v);
    else if (k.startsWith('on') && typeof v === 'function') el.addEventListener(k.slice(2), v);
    else el.setAttribute(k, v === true ? '' : String(v));
  }
  for (const c of children.flat(Infinity)) {
    if (c == null || c === false) continue;
    el.append(c instanceof Node ? c : String(c));
  }
  return el;
}

/** Replaces all children of `el` (strings become text nodes). */
export function fill(el, ...children) {
  el.replaceChildren(...children.flat(Infinity).filter((c) => c != null && c !== false).map((c) => (c instanceof Node ? c : String(c))));
  return el;
}

export const $ = (sel, root = document) => root.querySelector(sel);

/** Sets `el`'s text (one text node) only if it differs, so unchanged text costs no layout. */
export function setText(el, text) {
  if (el.textContent !== text) el.textContent = text;
}

/** Sets a boolean property (hidden, disabled, …) only if it differs. */
export function setFlag(el, prop, value) {
  if (el[prop] !== value) el[prop] = value;
}
