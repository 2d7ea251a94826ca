#!/usr/bin/env bash
# Accuracy on the dev sets in ../shared (not shipped, not copied): builds the CLI in release,
# annotates each set (UTF-16 offsets, as JS would see them) and prints score.py's tables.
set -euo pipefail
cd "$(dirname "$0")/.."
shared=${SHARED:-../shared}
if [ ! -f "$shared/eval/score.py" ]; then
  echo "eval: $shared/eval/score.py not found (set SHARED=path/to/shared)" >&2
  exit 2
fi
cargo build --release --quiet --bin annotate
out=target/eval
mkdir -p "$out"
score() { python3 "$shared/eval/score.py" "$@" --pred-offsets utf16; }

for set in diplomacy/seed diplomacy/dev; do
  name=${set//\//-}
  "${CARGO_TARGET_DIR:-target}"/release/annotate --format jsonl < "$shared/data/$set.jsonl" > "$out/$name.pred.jsonl"
  echo "== $set (all labels, exact and overlap match)"
  score "$shared/data/$set.jsonl" "$out/$name.pred.jsonl"
  echo
done

"${CARGO_TARGET_DIR:-target}"/release/annotate --format jsonl < "$shared/data/conll2003/dev.jsonl" > "$out/conll2003-dev.pred.jsonl"
echo "== conll2003/dev (actor, country; demonym and capital predictions dropped: CoNLL has no such notion)"
score "$shared/data/conll2003/dev.jsonl" "$out/conll2003-dev.pred.jsonl" --labels actor,country --drop-pred-types demonym,capital
