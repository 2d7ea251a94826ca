#!/usr/bin/env bash
# Runs every test suite (native, wasm in headless Chromium, browser end-to-end), keeps going
# after a failure, and ends with one summary line "N passed, M failed" over all suites.
set -uo pipefail
cd "$(dirname "$0")/.."
log=$(mktemp -d)
status=0
passed=0
failed=0

count_cargo() { # sums "test result: … N passed; M failed" lines
  local p f
  p=$(grep -Eo 'test result: [a-zA-Z]+\. [0-9]+ passed' "$1" | grep -Eo '[0-9]+ passed' | awk '{s+=$1} END {print s+0}')
  f=$(grep -Eo '[0-9]+ failed' "$1" | awk '{s+=$1} END {print s+0}')
  passed=$((passed + p)); failed=$((failed + f))
}
count_tap() { # node --test with the tap reporter: "# pass N", "# fail M"
  local p f
  p=$(grep -E '^# pass [0-9]+' "$1" | awk '{s+=$3} END {print s+0}')
  f=$(grep -E '^# fail [0-9]+' "$1" | awk '{s+=$3} END {print s+0}')
  passed=$((passed + p)); failed=$((failed + f))
}
run() { # name, log file, command…
  local name=$1 out=$2; shift 2
  echo "==> $name: $*"
  if ! "$@" 2>&1 | tee "$out"; then
    echo "!! $name failed"
    status=1
  fi
}

run "native tests" "$log/native" cargo test --release
count_cargo "$log/native"

run "wasm tests (headless Chromium)" "$log/wasm" wasm-pack test --headless --chrome --release
count_cargo "$log/wasm"

run "wasm package" "$log/pkg" make --no-print-directory pkg
if [ -d tests/e2e ]; then
  run "browser end-to-end (playwright-core + Chromium)" "$log/e2e" node --test --test-reporter=tap --test-concurrency=1 tests/e2e/
  count_tap "$log/e2e"
fi

if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
  failed=1  # a suite broke before reporting its tests
fi
echo
echo "$passed passed, $failed failed"
exit $status
