// What a highlight is: the tooltip shown on hover or keyboard focus, the line under the editor
// for the mention at the cursor, and the sentence announced to screen readers.
import { h, fill } from './dom.js';

export const LABEL_NAMES = { actor: 'Actor', country: 'Country', agreement: 'Agreement' };
export const LABEL_PLURALS = { actor: 'Actors', country: 'Countries', agreement: 'Agreements' };
const TYPE_NAMES = {
  person: 'person',
  organization: 'organization',
  country: 'country name',
  demonym: 'demonym',
  capital: 'capital (its government)',
  named: 'named agreement',
  described: 'described agreement',
};

let regionNames = null;
/** "Norway (NO)" from "NO"; the code alone if the browser has no name for it. */
export function countryName(code) {
  if (!code) return '';
  try {
    regionNames ??= new Intl.DisplayNames(['en'], { type: 'region', fallback: 'code' });
    const name = regionNames.of(code);
    return name && name !== code ? `${name} (${code})` : code;
  } catch {
    return code;
  }
}

export const typeName = (type) => TYPE_NAMES[type] || type;
/** Short form for lists: "capital" rather than "capital (its government)". */
export const shortTypeName = (type) => (type === 'country' ? 'country' : type);
export const plural = (n, one, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/**
 * The facts about one mention.
 * @param {object} a annotation
 * @param {{count: number}|undefined} entity its row from summarize()
 */
export function facts(a, entity) {
  return {
    label: LABEL_NAMES[a.label] || a.label,
    type: typeName(a.type),
    name: a.name || a.entity,
    country: a.label === 'country' ? countryName(a.entity) : countryName(a.country || (entity && entity.country)),
    mentions: entity ? entity.count : null,
  };
}

/** One sentence, for the live region and the caret line. */
export function sentence(a, entity, position) {
  const f = facts(a, entity);
  const parts = [`${f.label}, ${f.type}: ${f.name}`];
  if (f.country && a.label !== 'country') parts.push(`country ${f.country}`);
  if (f.mentions != null) parts.push(plural(f.mentions, 'mention'));
  if (position) parts.push(`highlight ${position.index} of ${position.total}`);
  return parts.join(' · ');
}

/** The floating tooltip. */
export class Tip {
  constructor(el) {
    this.el = el;
    this.anchor = null;
    this.source = null; // 'hover' | 'focus'
  }

  show(mark, a, entity, { source = 'hover', x = null } = {}) {
    const f = facts(a, entity);
    fill(
      this.el,
      h('p', { class: 'tip-head' }, h('span', { class: `tip-label l-${a.label}` }, f.label), ' ', h('span', { class: 'tip-type' }, f.type)),
      h('p', { class: 'tip-name' }, f.name),
      h(
        'dl',
        { class: 'tip-facts' },
        h('dt', {}, 'Text'),
        h('dd', {}, `“${a.text}”`),
        h('dt', {}, 'Country'),
        h('dd', { class: f.country ? null : 'muted' }, f.country || 'none linked'),
        h('dt', {}, 'Mentions'),
        h('dd', {}, f.mentions == null ? '…' : `${f.mentions} in this text`),
      ),
    );
    this.el.dataset.label = a.label;
    this.el.hidden = false;
    this.anchor = mark;
    this.source = source;
    this.place(mark, x);
  }

  place(mark, x = null) {
    const rects = [...mark.getClientRects()];
    if (rects.length === 0) return this.hide();
    // The line fragment under the pointer, or the first one.
    let r = rects[0];
    if (x != null) r = rects.find((q) => x >= q.left && x <= q.right) || r;
    const tip = this.el.getBoundingClientRect();
    const vw = document.documentElement.clientWidth;
    const vh = document.documentElement.clientHeight;
    let top = r.bottom + 8;
    if (top + tip.height > vh - 8 && r.top - tip.height - 8 > 8) top = r.top - tip.height - 8;
    let left = Math.min(Math.max(8, r.left), vw - tip.width - 8);
    this.el.style.translate = `${Math.round(left)}px ${Math.round(top)}px`;
  }

  hide() {
    this.el.hidden = true;
    this.anchor = null;
    this.source = null;
  }
}
