// Export helpers shared by the page and the <article-annotator> element. Inputs are the
// engine's annotations (UTF-16 offsets); outputs are strings or plain objects.
import { codePointIndex } from './offsets.js';

const COLUMNS = ['start', 'end', 'label', 'type', 'text', 'entity', 'name', 'country'];

/** Pretty JSON of the annotations, as the engine returns them (UTF-16 offsets). */
export function toJSON(annotations) {
  return JSON.stringify(annotations, COLUMNS, 2);
}

function csvCell(value) {
  let s = value == null ? '' : String(value);
  // A cell that a spreadsheet would read as a formula is kept as text.
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** RFC 4180 CSV with a header row; offsets are UTF-16 code units. */
export function toCSV(annotations) {
  const rows = [COLUMNS.join(',')];
  for (const a of annotations) rows.push(COLUMNS.map((c) => csvCell(a[c])).join(','));
  return rows.join('\r\n') + '\r\n';
}

/**
 * W3C Web Annotation Data Model (JSON-LD): one Annotation per mention, in an
 * AnnotationCollection. Each target has a TextQuoteSelector (exact, with prefix and suffix of up
 * to 32 characters) and a TextPositionSelector whose start/end count code points, as the model
 * requires.
 * @param {Array} annotations engine annotations (UTF-16 offsets)
 * @param {{source?: string, text?: string, id?: string}} [options] `text` is the annotated text:
 *   without it there is no position selector (code points cannot be computed) and no
 *   prefix/suffix.
 */
export function toWebAnnotations(annotations, options = {}) {
  if (!Array.isArray(annotations)) throw new TypeError('toWebAnnotations: annotations must be an array');
  const { source = 'urn:x-article-annotator:document', text, id = 'urn:x-article-annotator:collection' } = options;
  if (text != null && typeof text !== 'string') throw new TypeError('toWebAnnotations: options.text must be a string');
  const cp = text == null ? null : codePointIndex(text);
  const items = annotations.map((a, i) => {
    const quote = { type: 'TextQuoteSelector', exact: a.text };
    const selectors = [quote];
    if (text != null) {
      quote.prefix = text.slice(Math.max(0, a.start - 32), a.start);
      quote.suffix = text.slice(a.end, a.end + 32);
      selectors.push({ type: 'TextPositionSelector', start: cp(a.start), end: cp(a.end) });
    }
    const body = [
      { type: 'TextualBody', purpose: 'tagging', value: a.label },
      { type: 'TextualBody', purpose: 'classifying', value: a.type },
      { type: 'TextualBody', purpose: 'identifying', value: a.entity },
    ];
    if (a.country) body.push({ type: 'TextualBody', purpose: 'describing', value: `country:${a.country}` });
    return {
      id: `${id}#${i + 1}`,
      type: 'Annotation',
      motivation: 'tagging',
      body,
      target: { source, selector: selectors.length === 1 ? quote : selectors },
    };
  });
  return {
    '@context': 'http://www.w3.org/ns/anno.jsonld',
    id,
    type: 'AnnotationCollection',
    total: items.length,
    first: { type: 'AnnotationPage', items },
  };
}

/**
 * displaCy's manual format: `{text, ents: [{start, end, label}]}` with code-point offsets (as
 * Python's `displacy.render(..., manual=True)` expects). `by: 'type'` labels entities with the
 * finer type instead of the label.
 */
export function toDisplacy(text, annotations, { by = 'label' } = {}) {
  if (typeof text !== 'string') throw new TypeError('toDisplacy: text must be a string');
  const cp = codePointIndex(text);
  return {
    text,
    ents: annotations.map((a) => ({ start: cp(a.start), end: cp(a.end), label: String(a[by]).toUpperCase() })),
    title: null,
  };
}
