// Moves the JS snippets wasm-bindgen writes for `inline_js` (src/wasm.rs) into the glue module,
// so that loading the engine takes one request for its JS instead of two in a row (the glue
// would import the snippet only once it has arrived and been parsed: a round trip on the
// critical path of every cold start). Run by `make pkg`; fails if the glue has changed shape.
//
//   node scripts/inline_snippets.mjs www/pkg
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const dir = process.argv[2];
if (!dir) throw new Error('usage: node scripts/inline_snippets.mjs PKG_DIR');
const gluePath = path.join(dir, 'annotator.js');
let glue = readFileSync(gluePath, 'utf8');

const IMPORT = /^import \{ ([\w, ]+) \} from '\.\/(snippets\/[\w.\/-]+\.js)';\n/gm;
let inlined = 0;
glue = glue.replace(IMPORT, (_, names, file) => {
  inlined++;
  const snippet = readFileSync(path.join(dir, file), 'utf8');
  if (/^\s*(import|export \{|export default)\b/m.test(snippet)) {
    throw new Error(`${file}: only plain \`export function/const\` snippets can be inlined`);
  }
  const body = snippet.replace(/^export (function|const|let|class) /gm, '$1 ');
  for (const name of names.split(',').map((n) => n.trim())) {
    if (!new RegExp(`^(function|const|let|class) ${name}\\b`, 'm').test(body)) {
      throw new Error(`${file}: the glue imports ${name}, which the snippet does not declare`);
    }
    if (new RegExp(`^(function|const|let|class|var) ${name}\\b`, 'm').test(glue)) {
      throw new Error(`${file}: ${name} is declared by the glue too`);
    }
  }
  return `// ${file}, inlined by scripts/inline_snippets.mjs\n${body.trim()}\n`;
});
if (inlined === 0) throw new Error(`${gluePath}: no snippet import found (already inlined?)`);
writeFileSync(gluePath, glue);
rmSync(path.join(dir, 'snippets'), { recursive: true, force: true });
console.log(`${gluePath}: ${inlined} snippet module(s) inlined`);
