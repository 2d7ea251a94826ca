// UTF-16 ↔ code point offsets. JS strings (and the engine's annotations) count UTF-16 code
// units; the W3C Web Annotation model and Python count code points.

/**
 * A function mapping a UTF-16 offset of `text` to its code-point offset (one pass to build,
 * O(log n) per lookup).
 * @param {string} text
 * @returns {(utf16: number) => number}
 */
export function codePointIndex(text) {
  // Positions (UTF-16) right after each astral character; each one shifts later offsets by 1.
  const astral = [];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        astral.push(i + 2);
        i++;
      }
    }
  }
  return (utf16) => {
    let lo = 0;
    let hi = astral.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (astral[mid] <= utf16) lo = mid + 1;
      else hi = mid;
    }
    return utf16 - lo;
  };
}
