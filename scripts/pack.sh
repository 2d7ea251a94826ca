#!/usr/bin/env bash
# Builds the npm package `article-annotator` (the <article-annotator> element, its lib modules,
# the wasm-pack output and the types) into dist/npm/, then `npm pack`s it into dist/.
# Sources: npm/ (package.json, README.md, article-annotator.d.ts), www/article-annotator.js and
# the modules it imports, www/pkg/ (built here by `make pkg`). Prints the tarball's path last.
set -euo pipefail
cd "$(dirname "$0")/.."

make --no-print-directory pkg >&2
out=dist/npm
rm -rf "$out"
mkdir -p "$out/pkg"
cp npm/package.json npm/README.md npm/article-annotator.d.ts LICENSE "$out/"
# The element and the modules it imports, at the same relative paths as in www/.
node scripts/widget_size.mjs --list | while read -r f; do
  mkdir -p "$out/$(dirname "$f")"
  cp "www/$f" "$out/$f"
done
cp www/pkg/annotator.js www/pkg/annotator.d.ts www/pkg/annotator_bg.wasm www/pkg/annotator_bg.wasm.d.ts "$out/pkg/"

# One version for the crate and the package.
version=$(sed -n 's/^version = "\(.*\)"$/\1/p' Cargo.toml | head -n 1)
(cd "$out" && npm pkg set "version=$version" >/dev/null)

tarball=$(cd dist && npm pack ./npm --silent)
echo "dist/$tarball"
