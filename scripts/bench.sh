#!/usr/bin/env bash
# `make bench`: every benchmark of issue 5. Each part prints its table and writes its JSON under
# target/bench/; scripts/merge_bench.py merges them into target/bench/results.json and prints the
# figures and the budget table. A missed budget is printed (✗), never an error: the figures are
# noisy on a shared machine. A failed expected-count check (a fast wrong answer) or a part that
# crashes makes the run fail, after the other parts have run and the table is printed.
#   bash scripts/bench.sh [--quick]     (--quick: fewer samples in the Chromium benchmarks)
set -euo pipefail
cd "$(dirname "$0")/.."
out=target/bench
mkdir -p "$out"
rm -f "$out"/*.json
quick=()
[ "${1:-}" = "--quick" ] && quick=(--quick)
failed=()

part() { # part NAME COMMAND...: runs a part, remembers it if it fails
  local name=$1
  shift
  echo
  echo "==> $name"
  if ! "$@"; then
    echo "!!! $name failed" >&2
    failed+=("$name")
  fi
}

# The Chromium benchmarks load the engine from www/pkg and compromise from node_modules.
if [ ! -d node_modules/playwright-core ] || [ ! -d node_modules/compromise ]; then
  echo "bench: the npm dev packages are missing: PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci" >&2
  exit 1
fi
echo "==> wasm package (make pkg)"
make --no-print-directory pkg >/dev/null

part benches/native.rs cargo bench --quiet --bench native -- --json "$out/native.json"
part scripts/sizes.mjs node scripts/sizes.mjs --json "$out/sizes.json"
# widget_size.mjs exits 1 over its 15 KiB budget; here that is a budget row, not a failure.
echo
echo "==> widget JavaScript on top of the engine (scripts/widget_size.mjs)"
node scripts/widget_size.mjs --json "$out/widget.json" || true
for b in benches/browser/*.bench.mjs; do
  [ -e "$b" ] || continue
  part "$b" node "$b" --json "$out/$(basename "$b" .bench.mjs).json" "${quick[@]}"
done
echo
python3 scripts/merge_bench.py "$out" --failed "$(IFS=,; echo "${failed[*]:-}")"
