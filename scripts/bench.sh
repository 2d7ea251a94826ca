#!/usr/bin/env bash
# Speed and size figures. Each part prints a table and writes its JSON under target/bench/;
# the parts are merged into target/bench/results.json.
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p target/bench
echo "==> native throughput (cargo bench)"
cargo bench --quiet --bench native -- --json target/bench/native.json
echo "==> wasm package size"
make --no-print-directory pkg >/dev/null 2>&1
python3 scripts/sizes.py --json target/bench/sizes.json
for b in benches/browser/*.bench.mjs; do
  [ -e "$b" ] || continue
  echo "==> $b"
  node "$b" --json "target/bench/$(basename "$b" .bench.mjs).json"
done
python3 scripts/merge_bench.py target/bench
