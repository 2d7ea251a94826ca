// The page tests' own article (original prose; invented people and events) and what the engine
// is expected to find in it. If the engine's output changes on purpose, update EXPECTED.

export const TEST_ARTICLE = [
  "Lake Victoria ferry talks",
  "",
  "Kenya and Uganda signed the Lake Victoria Transport Protocol on Friday after months of talks. Kenyan Transport Minister Amina Odhiambo said the ferry deal would cut freight costs. Her Ugandan counterpart, Joseph Okello, agreed, and Odhiambo thanked the African Union for its patience.",
  "",
  "Kampala had asked the World Bank to pay for new piers. Tanzania, which also borders the lake, said it would study the Paris Agreement commitments before joining.",
].join('\n');

/** Every highlight, in order: [text, label, type]. */
export const EXPECTED = [
  ['Kenya', 'country', 'country'],
  ['Uganda', 'country', 'country'],
  ['Lake Victoria Transport Protocol', 'agreement', 'named'],
  ['Kenyan', 'country', 'demonym'],
  ['Amina Odhiambo', 'actor', 'person'],
  ['ferry deal', 'agreement', 'described'],
  ['Ugandan', 'country', 'demonym'],
  ['Joseph Okello', 'actor', 'person'],
  ['Odhiambo', 'actor', 'person'],
  ['African Union', 'actor', 'organization'],
  ['Kampala', 'country', 'capital'],
  ['World Bank', 'actor', 'organization'],
  ['Tanzania', 'country', 'country'],
  ['Paris Agreement', 'agreement', 'named'],
];

export const EXPECTED_COUNTS = { actor: 5, country: 6, agreement: 3 };

/** Entity panel, per label, ranked by salience: [name, mentions]. */
export const EXPECTED_ENTITIES = {
  actor: [['Amina Odhiambo', 2], ['Joseph Okello', 1], ['African Union', 1], ['World Bank', 1]],
  country: [['Uganda', 3], ['Kenya', 2], ['Tanzania', 1]],
  agreement: [['Lake Victoria Transport Protocol', 1], ['ferry deal', 1], ['Paris Agreement', 1]],
};

/** Typed at the end of TEST_ARTICLE, one key at a time. */
export const TYPED_SENTENCE = ' Rwanda welcomed the plan.';

/** Would set window.__pwned if it ever reached the DOM as HTML (with an astral emoji before a span). */
export const PAYLOAD = [
  '<img src=x onerror="window.__pwned=1"> and <script>window.__pwned=2</script>',
  'then 😀 <b onmouseover="window.__pwned=3">France</b> and Germany signed a &lt;deal&gt;.',
  '<svg><script>window.__pwned=4</script></svg><iframe srcdoc="<script>parent.__pwned=5</script>"></iframe>',
].join('\n');
