// Entity summary shared by the page and the widget: one row per entity key, ranked by
// salience (more mentions first, then earlier first mention).

/**
 * @param {Array} annotations engine annotations in text order
 * @returns {Array<{key: string, entity: string, label: string, type: string, name: string,
 *   country?: string, count: number, first: number, mentions: number[]}>} `key` is
 *   `label:entity` (a country and a person may share no key); `mentions` are indices into
 *   `annotations`.
 */
export function summarize(annotations) {
  const byKey = new Map();
  annotations.forEach((a, i) => {
    const key = `${a.label}:${a.entity}`;
    let e = byKey.get(key);
    if (!e) {
      e = { key, entity: a.entity, label: a.label, type: a.type, name: a.name, country: a.country, count: 0, first: a.start, mentions: [] };
      byKey.set(key, e);
    }
    e.count++;
    e.mentions.push(i);
    if (!e.country && a.country) e.country = a.country;
  });
  return [...byKey.values()].sort((x, y) => y.count - x.count || x.first - y.first);
}

/** Counts per label: `{actor, country, agreement}`. */
export function countByLabel(annotations) {
  const counts = { actor: 0, country: 0, agreement: 0 };
  for (const a of annotations) counts[a.label] = (counts[a.label] || 0) + 1;
  return counts;
}
