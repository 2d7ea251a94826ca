// The draft survives reloads in this browser's localStorage (and nowhere else). Saves are
// debounced while typing and flushed when the page is hidden or closed.
const KEY = 'annotator.draft.v1';

export class Draft {
  /** @param {(problem: string|null) => void} onProblem told when saving fails or works again */
  constructor(onProblem = () => {}) {
    this.onProblem = onProblem;
    this.timer = 0;
    this.pending = null;
    this.problem = null;
    const flush = () => this.flush();
    addEventListener('pagehide', flush);
    addEventListener('beforeunload', flush);
    document.addEventListener('visibilitychange', () => {
      if (document.visibilityState === 'hidden') flush();
    });
  }

  /** The saved draft, or null. */
  load() {
    try {
      return localStorage.getItem(KEY);
    } catch {
      this.#report('This browser blocks local storage, so the draft will not survive a reload.');
      return null;
    }
  }

  /** Saves soon (debounced). */
  save(text) {
    this.pending = text;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.flush(), 400);
  }

  /** Saves now (explicit actions: clear, example, undo). */
  saveNow(text) {
    this.pending = text;
    this.flush();
  }

  flush() {
    clearTimeout(this.timer);
    if (this.pending == null) return;
    const text = this.pending;
    this.pending = null;
    try {
      if (text === '') localStorage.removeItem(KEY);
      else localStorage.setItem(KEY, text);
      this.#report(null);
    } catch (err) {
      const full = err && (err.name === 'QuotaExceededError' || err.code === 22);
      this.#report(full
        ? 'This draft is too large for the browser’s local storage: it will not survive a reload. Keep a copy elsewhere.'
        : 'The draft could not be saved in this browser, so it will not survive a reload.');
    }
  }

  #report(problem) {
    if (problem === this.problem) return;
    this.problem = problem;
    this.onProblem(problem);
  }
}
