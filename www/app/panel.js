// The entity panel: one section per label, entities ranked by salience (more mentions first,
// then earlier first mention, as www/lib/entities.js ranks them). Rows are keyed by entity and
// reused between updates, so counts change in place and keyboard focus survives re-ranking.
import { h, setText, setFlag } from './dom.js';
import { LABEL_PLURALS, shortTypeName, plural } from './inspect.js';

export const LABELS = ['actor', 'country', 'agreement'];

export class EntityPanel {
  /**
   * @param {HTMLElement} root container for the sections
   * @param {(key: string) => void} onPick called when an entity is chosen
   */
  constructor(root, onPick) {
    this.root = root;
    this.sections = {};
    this.rows = new Map(); // key → {li, button, name, meta, count}
    for (const label of LABELS) {
      const count = h('span', { class: 'section-count' });
      const list = h('ol', { class: 'entity-list', 'aria-label': LABEL_PLURALS[label] });
      const section = h('section', { class: `group l-${label}`, dataset: { label } }, h('h3', {}, h('span', { class: 'swatch', 'aria-hidden': 'true' }), LABEL_PLURALS[label], ' ', count), list);
      this.sections[label] = { section, count, list, keys: [] };
      root.append(section);
    }
    root.addEventListener('click', (e) => {
      const button = e.target.closest('button.entity');
      if (button && root.contains(button)) onPick(button.dataset.key);
    });
  }

  /**
   * @param {Array} summary rows from summarize(), already ranked
   * @param {Array} annotations the annotations the summary was made from (for the types)
   * @param {Set<string>} hidden labels not shown
   */
  render(summary, annotations, hidden) {
    const byLabel = { actor: [], country: [], agreement: [] };
    for (const e of summary) (byLabel[e.label] ||= []).push(e);
    const seen = new Set();
    const focusedKey = this.root.contains(document.activeElement) ? document.activeElement.dataset.key : null;
    for (const label of LABELS) {
      const { section, count, list } = this.sections[label];
      const entities = byLabel[label] || [];
      const mentions = entities.reduce((n, e) => n + e.count, 0);
      setFlag(section, 'hidden', entities.length === 0 || hidden.has(label));
      setText(count, `${plural(entities.length, 'entity', 'entities')} · ${plural(mentions, 'mention')}`);
      const keys = [];
      for (const e of entities) {
        seen.add(e.key);
        keys.push(e.key);
        this.#row(e, annotations);
      }
      const old = this.sections[label].keys;
      if (old.length !== keys.length || old.some((k, i) => k !== keys[i])) {
        const items = keys.map((k) => this.rows.get(k).li);
        if (typeof list.moveBefore === 'function' && items.every((li) => li.parentNode === list || !li.parentNode)) {
          // Reorder in place (keeps focus in Chromium ≥ 133).
          let ref = list.firstChild;
          for (const li of items) {
            if (li === ref) ref = ref.nextSibling;
            else if (li.parentNode === list) list.moveBefore(li, ref);
            else list.insertBefore(li, ref);
          }
          while (ref) {
            const next = ref.nextSibling;
            ref.remove();
            ref = next;
          }
        } else {
          list.replaceChildren(...items);
        }
        this.sections[label].keys = keys;
      }
    }
    for (const [key, row] of this.rows) {
      if (!seen.has(key)) {
        row.li.remove();
        this.rows.delete(key);
      }
    }
    if (focusedKey && document.activeElement === document.body) this.rows.get(focusedKey)?.button.focus({ preventScroll: true });
  }

  #row(e, annotations) {
    const types = [];
    for (const i of e.mentions) {
      const t = annotations[i].type;
      if (!types.includes(t)) types.push(t);
    }
    const meta = [];
    if (e.label === 'country') meta.push(e.entity);
    else if (e.country) meta.push(e.country);
    meta.push(types.map(shortTypeName).join(', '));
    const metaText = meta.join(' · ');
    let row = this.rows.get(e.key);
    if (!row) {
      const name = h('span', { class: 'entity-name' });
      const metaEl = h('span', { class: 'entity-meta' });
      const count = h('span', { class: 'entity-count' });
      const text = h('span', { class: 'entity-text' }, name, ' ', metaEl);
      const button = h('button', { type: 'button', class: 'entity', 'aria-pressed': String(e.key === this.selected), dataset: { key: e.key } }, text, count);
      row = { li: h('li', {}, button), button, name, meta: metaEl, count, state: {} };
      this.rows.set(e.key, row);
    }
    const s = row.state;
    if (s.name !== e.name) setText(row.name, (s.name = e.name));
    if (s.meta !== metaText) setText(row.meta, (s.meta = metaText));
    if (s.count !== e.count) setText(row.count, String((s.count = e.count)));
    const label = `${e.name}, ${metaText}, ${plural(e.count, 'mention')}`;
    if (s.label !== label) row.button.setAttribute('aria-label', (s.label = label));
  }

  /** Marks the selected entity's row. */
  select(key) {
    if (this.selected === key) return;
    this.selected = key;
    for (const [k, row] of this.rows) row.button.setAttribute('aria-pressed', String(k === key));
  }

  button(key) {
    return this.rows.get(key)?.button || null;
  }
}
