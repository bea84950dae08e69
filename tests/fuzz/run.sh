#!/usr/bin/env bash
# Builds the libFuzzer targets (if needed) and runs each for SECONDS.
#
#   tests/fuzz/run.sh [SECONDS] [TARGET...]     default 60 s, every target
#
# Build directory: $EVKB_FUZZ_BUILD (default build-fuzz at the top of the
# checkout), configured with clang and -DEVKB_BUILD_FUZZ=ON. Each target
# starts from its seeds in tests/fuzz/corpus/<target>/ plus what earlier runs
# found (kept in <build>/fuzz-corpus/<target>/, not in git). A crash leaves
# its input in <build>/fuzz-crashes/<target>/; after fixing it, copy the
# input to tests/fuzz/regressions/<target>/ so fuzz_replay_<target> keeps it
# fixed. Prints total executions per target; exits 1 if any target failed.
#
# EVKB_FUZZ_SEED and EVKB_FUZZ_RUNS pin the random seed and stop each target
# after that many executions (SECONDS stays the upper bound): CI sets both, so
# the same commit fuzzes the same inputs on every run and a red CI is always
# the commit's own finding. Left unset, every run explores afresh.
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
seconds=${1:-60}
shift || true
build=${EVKB_FUZZ_BUILD:-$root/build-fuzz}
all=(html_reader normalize_segment reference_parser mention_finder
     claim_extractor question_parser lexicon_loader jsonl_reader value_codec)
targets=("$@")
[ ${#targets[@]} -eq 0 ] && targets=("${all[@]}")

if [ ! -f "$build/build.ninja" ] && [ ! -f "$build/Makefile" ]; then
  CC=${CC:-clang} CXX=${CXX:-clang++} cmake -S "$root" -B "$build" -G Ninja \
    -DCMAKE_BUILD_TYPE=RelWithDebInfo -DEVKB_BUILD_FUZZ=ON -DEVKB_BUILD_TESTS=ON >/dev/null || exit 1
fi
cmake --build "$build" --target "${targets[@]/#/fuzz_}" >/dev/null || {
  echo "fuzz: build failed" >&2
  exit 1
}

export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=0:allocator_may_return_null=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1:suppressions=$here/ubsan.supp}
extra=()
[ -n "${EVKB_FUZZ_SEED:-}" ] && extra+=(-seed="$EVKB_FUZZ_SEED")
[ -n "${EVKB_FUZZ_RUNS:-}" ] && extra+=(-runs="$EVKB_FUZZ_RUNS")
failed=0
summary=()
for t in "${targets[@]}"; do
  corpus=$build/fuzz-corpus/$t
  crashes=$build/fuzz-crashes/$t
  mkdir -p "$corpus" "$crashes"
  log=$build/fuzz-$t.log
  "$build/fuzz/fuzz_$t" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
    -max_len=65536 -print_final_stats=1 -artifact_prefix="$crashes/" "${extra[@]}" \
    "$corpus" "$here/corpus/$t" >"$log" 2>&1
  rc=$?
  execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
  if [ $rc -ne 0 ]; then
    failed=1
    summary+=("$(printf '%-18s FAILED (exit %d) after %s executions; see %s' "$t" "$rc" "${execs:-?}" "$log")")
  else
    summary+=("$(printf '%-18s %12s executions in ≤ %s s, corpus %d inputs' "$t" "${execs:-?}" "$seconds" \
      "$(find "$corpus" -type f | wc -l)")")
  fi
done
printf 'fuzz: %s\n' "${summary[@]}"
exit $failed
