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
  // Looked up by label, then entity (no key string built per mention: 2–4× faster on the
  // 300,000 mentions of a 10 MB text).
  const byLabel = new Map();
  const rows = [];
  for (let i = 0; i < annotations.length; i++) {
    const a = annotations[i];
    let byEntity = byLabel.get(a.label);
    if (!byEntity) byLabel.set(a.label, (byEntity = new Map()));
    let e = byEntity.get(a.entity);
    if (!e) {
      e = { key: `${a.label}:${a.entity}`, entity: a.entity, label: a.label, type: a.type, name: a.name, country: a.country, count: 0, first: a.start, mentions: [] };
      byEntity.set(a.entity, e);
      rows.push(e);
    }
    e.count++;
    e.mentions.push(i);
    if (!e.country && a.country) e.country = a.country;
  }
  return rows.sort((x, y) => y.count - x.count || x.first - y.first);
}

/** Counts per label: `{actor, country, agreement}`. */
export function countByLabel(annotations) {
  const counts = { actor: 0, country: 0, agreement: 0 };
  for (const a of annotations) counts[a.label] = (counts[a.label] || 0) + 1;
  return counts;
}
