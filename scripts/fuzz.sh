#!/usr/bin/env bash
# Fuzzes each target of fuzz/ for FUZZ_SECONDS (default 60) seconds and prints the executions
# per target. Needs cargo-fuzz (installed here if missing) and no nightly toolchain: cargo-fuzz's
# nightly-only flags are enabled on the stable compiler with RUSTC_BOOTSTRAP=1.
#
#   FUZZ_SECONDS=600 FUZZ_TARGETS="annotate" FUZZ_SANITIZER=none make fuzz
#
# FUZZ_SANITIZER: address (default) or none (several times the executions per second; the crate
# has no `unsafe`, so ASan mostly checks the standard library). FUZZ_JOBS: parallel workers per
# target (default 1). A crash or a timeout (an input taking more than FUZZ_TIMEOUT seconds,
# default 10) fails the script; libFuzzer leaves the input in fuzz/artifacts/TARGET/.
set -euo pipefail
cd "$(dirname "$0")/../fuzz"

seconds=${FUZZ_SECONDS:-60}
targets=${FUZZ_TARGETS:-annotate offsets dictionary}
sanitizer=${FUZZ_SANITIZER:-address}
jobs=${FUZZ_JOBS:-1}
timeout=${FUZZ_TIMEOUT:-10}
export RUSTC_BOOTSTRAP=1

if ! cargo fuzz --version >/dev/null 2>&1; then
  echo "==> installing cargo-fuzz"
  cargo install --locked cargo-fuzz
fi

mkdir -p logs
summary=()
status=0
for t in $targets; do
  mkdir -p "corpus/$t" "artifacts/$t"
  log="logs/$t.log"
  echo "==> fuzz $t for ${seconds}s (sanitizer $sanitizer, $jobs job(s))"
  start=$(date +%s)
  set +e
  parallel=()
  if [ "$jobs" -gt 1 ]; then
    # Each worker logs to fuzz-N.log here; their stats are added up below.
    parallel=(-jobs="$jobs" -workers="$jobs")
  fi
  cargo fuzz run --sanitizer "$sanitizer" -O "$t" "corpus/$t" "seeds/$t" -- \
    -max_total_time="$seconds" -timeout="$timeout" -print_final_stats=1 \
    "${parallel[@]}" >"$log" 2>&1
  rc=$?
  set -e
  elapsed=$(( $(date +%s) - start ))
  # One stats block per worker (with -jobs, each worker writes fuzz-N.log).
  execs=$(cat "$log" fuzz-*.log 2>/dev/null | { grep -Eo 'stat::number_of_executed_units: [0-9]+' || true; } \
    | awk '{s+=$2} END {print s+0}' || true)
  rm -f fuzz-*.log
  crashes=$(find "artifacts/$t" -type f | wc -l)
  line="$t: $execs executions in ${elapsed}s ($sanitizer), $crashes artifact(s), exit $rc"
  echo "$line"
  summary+=("$line")
  if [ "$rc" -ne 0 ] || [ "$crashes" -ne 0 ]; then
    status=1
    tail -n 40 "$log"
    find "artifacts/$t" -type f -print
  fi
done
echo
echo "==> fuzz summary"
printf '%s\n' "${summary[@]}"
exit $status
