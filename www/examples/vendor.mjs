#!/usr/bin/env node
// Copies the rich-text editor used by editor.html (Quill 2, a devDependency of the repository)
// from node_modules into www/examples/vendor/ (gitignored): the example page loads nothing from
// outside its origin. Run after `npm ci`: `node www/examples/vendor.mjs`.
import { copyFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../..');

export function vendorExamples() {
  const from = path.join(root, 'node_modules/quill/dist');
  const to = path.join(here, 'vendor/quill');
  mkdirSync(to, { recursive: true });
  for (const f of ['quill.js', 'quill.snow.css', 'quill.js.LICENSE.txt']) copyFileSync(path.join(from, f), path.join(to, f));
  return to;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  console.log(`Quill copied into ${path.relative(root, vendorExamples())}/`);
}
