// Types of the `article-annotator` package: the <article-annotator> element, its events, and the
// JS API (engine + export helpers). The engine's own types come from ./pkg/annotator.d.ts.
import type { Annotation, AnnotateOptions, AnnotationType, Dictionary, DictionaryEntry, InitInput, Label } from './pkg/annotator.js';
import { Annotator as EngineAnnotator } from './pkg/annotator.js';

export type { Annotation, AnnotateOptions, AnnotationType, Dictionary, DictionaryEntry, InitInput, Label };

/** One entity of an article: all mentions sharing `label` and `entity`, ranked by salience. */
export interface EntitySummary {
  /** `label:entity`, unique in a summary. */
  key: string;
  entity: string;
  label: Label;
  type: AnnotationType;
  /** Display name. */
  name: string;
  /** ISO 3166-1 alpha-2 code, where known. */
  country?: string;
  /** Number of mentions. */
  count: number;
  /** UTF-16 offset of the first mention. */
  first: number;
  /** Indices of the mentions in the annotations. */
  mentions: number[];
}

/** `annotations-changed`: after each annotation pass whose text or settings changed. */
export interface AnnotationsChangedDetail {
  /** UTF-16 offsets into `text`. */
  annotations: Annotation[];
  entities: EntitySummary[];
  /**
   * The text annotated: the textarea's value, the editable root's text (text nodes, with "\n"
   * for each <br> and block boundary — Quill's getText()), or the rendered text.
   */
  text: string;
}

/** `entity-activate`: a highlight (render mode) or a legend entity was clicked or keyed. */
export interface EntityActivateDetail {
  entity: EntitySummary;
  /** The mention activated; absent for a legend entity. */
  annotation?: Annotation;
}

/** `annotator-error`: the wasm failed to load, or a dictionary or label is invalid. */
export interface AnnotatorErrorDetail {
  message: string;
  error: unknown;
}

export interface ArticleAnnotatorEventMap extends HTMLElementEventMap {
  'annotations-changed': CustomEvent<AnnotationsChangedDetail>;
  'entity-activate': CustomEvent<EntityActivateDetail>;
  'annotator-error': CustomEvent<AnnotatorErrorDetail>;
}

/** `<article-annotator>`: highlights actors, countries and agreements. */
export declare class ArticleAnnotator extends HTMLElement {
  /** Where the wasm is fetched from; default `./pkg/annotator_bg.wasm` beside the module. Set it before the first element connects. */
  static wasmUrl: InitInput;
  static readonly observedAttributes: string[];
  /** Registers the class (once) under `tag` in `registry`; returns the class. */
  static define(tag?: string, registry?: CustomElementRegistry): typeof ArticleAnnotator;

  /** The element highlighted (attach mode): set directly, or found by the `for` attribute. null in render mode. */
  target: Element | null;
  /** Labels shown (attribute `labels="actor country"`). */
  labels: Label[];
  /** The newsroom's dictionary: an object or TSV text (attribute: JSON). */
  dictionary: Dictionary | string | null;
  /** Milliseconds between the last edit and re-annotation (default 150). */
  debounce: number;
  disabled: boolean;
  /** Shows the legend (label counts and entities). */
  legend: boolean;
  /** The text last annotated; setting it (render mode) replaces the light-DOM text, null restores it. */
  text: string;
  /** The last annotations (UTF-16 offsets into `text`). */
  readonly annotations: Annotation[];
  /** The last entity summary. */
  readonly entities: EntitySummary[];
  /** Re-reads the text and annotates it now. */
  refresh(): Promise<Annotation[]>;

  addEventListener<K extends keyof ArticleAnnotatorEventMap>(
    type: K,
    listener: (this: ArticleAnnotator, ev: ArticleAnnotatorEventMap[K]) => unknown,
    options?: boolean | AddEventListenerOptions,
  ): void;
  addEventListener(type: string, listener: EventListenerOrEventListenerObject, options?: boolean | AddEventListenerOptions): void;
  removeEventListener<K extends keyof ArticleAnnotatorEventMap>(
    type: K,
    listener: (this: ArticleAnnotator, ev: ArticleAnnotatorEventMap[K]) => unknown,
    options?: boolean | EventListenerOptions,
  ): void;
  removeEventListener(type: string, listener: EventListenerOrEventListenerObject, options?: boolean | EventListenerOptions): void;
}

/** The labels, in display order. */
export declare const LABELS: readonly Label[];

/** Resolves when the wasm is initialised (the first call's `wasmUrl` wins; default `ArticleAnnotator.wasmUrl`). */
export declare function ready(wasmUrl?: InitInput | Promise<InitInput>): Promise<void>;

/** Annotates `text` with the built-in gazetteers; UTF-16 offsets. Throws before `ready()` has resolved. */
export declare function annotate(text: string, options?: AnnotateOptions): Annotation[];

/** A long-lived annotator with a newsroom dictionary. Throws before `ready()` has resolved; `.free()` it. */
export declare class Annotator extends EngineAnnotator {
  constructor(dictionary?: Dictionary | string);
  annotate(text: string, options?: AnnotateOptions): Annotation[];
}

/** The engine's version. */
export declare function version(): string;

/** Entities ranked by salience (more mentions first, then earlier first mention). */
export declare function summarize(annotations: Annotation[]): EntitySummary[];

/** Pretty JSON of the annotations. */
export declare function toJSON(annotations: Annotation[]): string;

/** RFC 4180 CSV with a header row (UTF-16 offsets). */
export declare function toCSV(annotations: Annotation[]): string;

export interface WebAnnotationSelector {
  type: 'TextQuoteSelector' | 'TextPositionSelector';
  exact?: string;
  prefix?: string;
  suffix?: string;
  /** Code points. */
  start?: number;
  end?: number;
}

export interface WebAnnotation {
  id: string;
  type: 'Annotation';
  motivation: 'tagging';
  body: Array<{ type: 'TextualBody'; purpose: string; value: string }>;
  target: { source: string; selector: WebAnnotationSelector | WebAnnotationSelector[] };
}

export interface WebAnnotationCollection {
  '@context': 'http://www.w3.org/ns/anno.jsonld';
  id: string;
  type: 'AnnotationCollection';
  total: number;
  first: { type: 'AnnotationPage'; items: WebAnnotation[] };
}

/** W3C Web Annotation JSON-LD; pass `text` for TextPositionSelectors (code points) and quote context. */
export declare function toWebAnnotations(annotations: Annotation[], options?: { source?: string; text?: string; id?: string }): WebAnnotationCollection;

/** displaCy's manual format (code-point offsets). */
export declare function toDisplacy(
  text: string,
  annotations: Annotation[],
  options?: { by?: 'label' | 'type' },
): { text: string; ents: Array<{ start: number; end: number; label: string }>; title: null };

declare global {
  interface HTMLElementTagNameMap {
    'article-annotator': ArticleAnnotator;
  }
  // The events bubble and are composed: typed on ancestors and on document too.
  interface GlobalEventHandlersEventMap {
    'annotations-changed': CustomEvent<AnnotationsChangedDetail>;
    'entity-activate': CustomEvent<EntityActivateDetail>;
    'annotator-error': CustomEvent<AnnotatorErrorDetail>;
  }
}
